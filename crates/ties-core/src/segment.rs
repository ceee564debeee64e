//! Sentence segmentation that does not break at `U.S.`, `Feb.`, `Dr.` or initials.
//!
//! A sentence ends at `.`, `!` or `?` (plus any closing quotes or brackets) followed by
//! white space and a capital, digit or opening quote, unless the word before the period
//! is a known abbreviation, a single letter, or dotted (`U.S`, `a.m`).

use crate::model::Span;

const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sr", "Jr", "Gen", "Lt", "Col", "Capt", "Sgt", "Maj", "Adm", "Gov", "Sen",
    "Rep", "Rev", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "vs",
    "Inc", "Co", "Corp", "Mt", "Ft", "approx", "cf", "e.g", "i.e",
];

const CLOSERS: &[char] = &['"', '\'', '\u{201D}', '\u{2019}', ')', ']'];
const OPENERS: &[char] = &['"', '\'', '\u{201C}', '\u{2018}', '(', '['];

/// Splits `text[block]` into sentence spans (trimmed, in document offsets).
pub fn sentences(text: &str, block: Span) -> Vec<Span> {
    let base = block.start as usize;
    let s = &text[block.range()];
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len() && CLOSERS.contains(&chars[j].1) {
                j += 1;
            }
            let end = chars.get(j).map_or(s.len(), |&(o, _)| o);
            let followed_by_space = j < chars.len() && chars[j].1.is_whitespace();
            let next = chars[j..].iter().map(|&(_, c)| c).find(|c| !c.is_whitespace());
            let starts_new = next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || OPENERS.contains(&n));
            if followed_by_space && starts_new && !(c == '.' && is_abbreviation(&s[..chars[i].0])) {
                push_trimmed(&mut out, s, start, end, base);
                start = end;
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    push_trimmed(&mut out, s, start, s.len(), base);
    out
}

fn push_trimmed(out: &mut Vec<Span>, s: &str, start: usize, end: usize, base: usize) {
    let piece = &s[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if start + lead < end - trail {
        out.push(Span::new(base + start + lead, base + end - trail));
    }
}

/// Whether the word ending just before a period is an abbreviation.
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || OPENERS.contains(&c) || c == '-').next().unwrap_or("");
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric()).trim_end_matches('.');
    if word.is_empty() {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (letters == 1 && word.chars().count() == 1) || word.contains('.') || ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        sentences(s, Span::new(0, s.len())).into_iter().map(|sp| &s[sp.range()]).collect()
    }

    #[test]
    fn does_not_break_at_abbreviations() {
        assert_eq!(
            split("Launched on Oct. 7, 2001, the U.S.-led invasion began. Dr. Jenna Jordan spoke. U.S. forces left."),
            ["Launched on Oct. 7, 2001, the U.S.-led invasion began.", "Dr. Jenna Jordan spoke.", "U.S. forces left."]
        );
    }

    #[test]
    fn breaks_after_quotes_and_questions() {
        assert_eq!(
            split("He said “it is over.” Then what? “Nothing,” she said. Lt. j. g. Joe Painter, DoD"),
            ["He said “it is over.”", "Then what?", "“Nothing,” she said.", "Lt. j. g. Joe Painter, DoD"]
        );
    }

    #[test]
    fn keeps_lowercase_continuations_together() {
        assert_eq!(
            split("It cost $20 million a year. and more... Next one."),
            ["It cost $20 million a year. and more...", "Next one."]
        );
    }
}
