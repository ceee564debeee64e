//! Rule-based cleaning of one document's raw text into headings and paragraphs.
//!
//! The rules, in order: drop debris lines (URL-only, share buttons, sign-up footers,
//! `Related:` links, image credits, repeated captions, the repeated title, the catalog's
//! own drop list); re-flow hard-wrapped blocks (PDF extractions) into paragraphs; mark
//! short unpunctuated lines as headings; rejoin a paragraph a dropped line had split in
//! two; collapse runs of spaces. Every dropped line is reported, so nothing is lost
//! silently, and the raw text stays in the model for provenance.

use crate::model::{Block, BlockKind, Span};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    pub blocks: Vec<Block>,
    /// (line, reason) for each line removed.
    pub dropped: Vec<(String, &'static str)>,
}

/// Why a line is debris, if it is.
fn debris(line: &str, title: &str, drop: &[String], repeated: bool) -> Option<&'static str> {
    let t = line.trim();
    let lower = t.to_lowercase();
    if is_url(t) {
        return Some("URL-only line");
    }
    if t.chars().count() <= 3 {
        return Some("share-button debris");
    }
    if !title.is_empty() && t == title.trim() {
        return Some("repeated title");
    }
    if ["sign up for", "subscribe to", "subscribe for", "get our newsletter"].iter().any(|p| lower.starts_with(p)) {
        return Some("newsletter footer");
    }
    if lower.starts_with("related:") {
        return Some("related-link line");
    }
    if lower.starts_with("image credit") || lower.starts_with("photo credit") {
        return Some("image credit");
    }
    if repeated {
        return Some("repeated caption");
    }
    if drop.iter().any(|d| !d.trim().is_empty() && t.starts_with(d.trim())) {
        return Some("catalog drop list");
    }
    None
}

fn is_url(t: &str) -> bool {
    (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.")) && !t.contains(' ')
}

/// Ends like a finished sentence (so the next line may start a new paragraph).
fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with(['.', '!', '?', '"', '\u{201D}', ':', ';', ')'])
}

fn starts_lowercase(s: &str) -> bool {
    s.trim_start().chars().next().is_some_and(char::is_lowercase)
}

/// A short line without closing punctuation, starting with a capital: a section heading.
fn looks_like_heading(s: &str) -> bool {
    let t = s.trim();
    let words = t.split_whitespace().count();
    t.chars().next().is_some_and(char::is_uppercase)
        && (1..=12).contains(&words)
        && t.chars().count() <= 80
        && !t.ends_with(['.', ',', ';', ':', '!', '"', '\u{201D}'])
}

/// Hard-wrapped text (a PDF extraction) has most lines of similar, moderate length.
fn is_hard_wrapped(lines: &[&str]) -> bool {
    let long: Vec<usize> = lines.iter().map(|l| l.trim().chars().count()).filter(|&n| n > 40).collect();
    if long.len() < 5 {
        return false;
    }
    let moderate = long.iter().filter(|&&n| n <= 95).count();
    moderate * 10 >= long.len() * 8
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Joins a wrapped line onto a paragraph; a line-final hyphen joins without a space
/// (`al-` + `Qaeda`, `re-` + `instate`).
fn join_line(par: &mut String, line: &str) {
    let line = line.trim();
    if par.is_empty() {
        par.push_str(line);
    } else if par.ends_with('-') && par[..par.len() - 1].ends_with(char::is_alphabetic) {
        par.push_str(line);
    } else {
        par.push(' ');
        par.push_str(line);
    }
}

pub fn clean(raw: &str, title: &str, drop: &[String]) -> Cleaned {
    let lines: Vec<&str> = raw.lines().collect();
    let mut dropped = Vec::new();
    // Captions and titles repeated verbatim (share widgets print them twice).
    let repeated = |l: &str| {
        let t = l.trim();
        t.chars().count() >= 20 && lines.iter().filter(|o| o.trim() == t).count() >= 2
    };
    let mut kept: Vec<Option<&str>> = Vec::with_capacity(lines.len());
    for &line in &lines {
        if line.trim().is_empty() {
            kept.push(None);
        } else if let Some(reason) = debris(line, title, drop, repeated(line)) {
            dropped.push((line.trim().to_string(), reason));
            kept.push(None);
        } else {
            kept.push(Some(line));
        }
    }
    let wrapped = is_hard_wrapped(&kept.iter().flatten().copied().collect::<Vec<_>>());

    // Paragraph candidates: (kind, text).
    let mut pars: Vec<(BlockKind, String)> = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, pars: &mut Vec<(BlockKind, String)>| {
        if !current.is_empty() {
            pars.push((BlockKind::Paragraph, std::mem::take(current)));
        }
    };
    for (i, line) in kept.iter().enumerate() {
        let Some(line) = line else {
            flush(&mut current, &mut pars);
            continue;
        };
        if !wrapped {
            pars.push((BlockKind::Paragraph, line.trim().to_string()));
            continue;
        }
        // Inside a wrapped block, a heading shows as a short line after a finished
        // sentence and before a blank line or a capitalised line.
        let next_blank_or_cap = kept.get(i + 1).is_none_or(|n| n.is_none_or(|n| !starts_lowercase(n)));
        // A full-width line is wrapped prose even when it happens to end without a stop.
        let short = line.trim().chars().count() <= 60;
        let last_word = line.split_whitespace().last().unwrap_or("").to_lowercase();
        let dangling =
            ["the", "a", "an", "and", "or", "of", "to", "in", "for", "with", "between"].contains(&last_word.as_str());
        if (current.is_empty() || ends_sentence(&current))
            && short
            && !dangling
            && looks_like_heading(line)
            && next_blank_or_cap
        {
            flush(&mut current, &mut pars);
            pars.push((BlockKind::Heading, line.trim().to_string()));
            continue;
        }
        join_line(&mut current, line);
    }
    flush(&mut current, &mut pars);

    // Headings among unwrapped lines; then rejoin paragraphs split by dropped lines.
    let mut merged: Vec<(BlockKind, String)> = Vec::new();
    for (kind, text) in pars {
        let text = collapse_spaces(&text);
        let kind = if kind == BlockKind::Paragraph && !wrapped && looks_like_heading(&text) {
            BlockKind::Heading
        } else {
            kind
        };
        if let Some((BlockKind::Paragraph, prev)) = merged.last_mut() {
            if kind == BlockKind::Paragraph && !ends_sentence(prev) && starts_lowercase(&text) {
                join_line(prev, &text);
                continue;
            }
        }
        merged.push((kind, text));
    }

    let mut text = String::new();
    let mut blocks = Vec::with_capacity(merged.len());
    for (kind, par) in merged {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&par);
        blocks.push(Block { kind, span: Span::new(start, text.len()), themes: Vec::new() });
    }
    Cleaned { text, blocks, dropped }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn check(raw: &str, title: &str, expect: Expect) {
        let c = clean(raw, title, &[]);
        let mut out = String::new();
        for b in &c.blocks {
            let tag = if b.kind == BlockKind::Heading { "H" } else { "P" };
            out.push_str(&format!("{tag}: {}\n", &c.text[b.span.range()]));
        }
        for (line, why) in &c.dropped {
            out.push_str(&format!("dropped ({why}): {line}\n"));
        }
        expect.assert_eq(&out);
    }

    #[test]
    fn drops_debris_and_repeated_captions() {
        check(
            "The Title\n\nA caption seen twice in the page.\nA caption seen twice in the page.\nTT\n20\n\nBody  text here.\nhttps://example.org/x\nSign up for our newsletter\n",
            "The Title",
            expect![[r#"
                P: Body text here.
                dropped (repeated title): The Title
                dropped (repeated caption): A caption seen twice in the page.
                dropped (repeated caption): A caption seen twice in the page.
                dropped (share-button debris): TT
                dropped (share-button debris): 20
                dropped (URL-only line): https://example.org/x
                dropped (newsletter footer): Sign up for our newsletter
            "#]],
        );
    }

    #[test]
    fn reflows_wrapped_text_and_keeps_headings() {
        let raw = "Today marks 17 years since the war started and nearly the same since the\n\
                   invasion of the country quickly overthrew the regime after their leader\n\
                   refused to hand over the wanted man. The alliance between al-\n\
                   Qaeda and the others has endured for a long time, and the two\n\
                   groups remain engaged in cooperation with expectations about it.\n\
                   \n\
                   Heavy Costs for Limited Benefits\n\
                   \n\
                   The group has incurred tremendous costs for its alliance over more\n\
                   than two decades and it remained in place for all that time as well.\n";
        check(
            raw,
            "",
            expect![[r#"
                P: Today marks 17 years since the war started and nearly the same since the invasion of the country quickly overthrew the regime after their leader refused to hand over the wanted man. The alliance between al-Qaeda and the others has endured for a long time, and the two groups remain engaged in cooperation with expectations about it.
                H: Heavy Costs for Limited Benefits
                P: The group has incurred tremendous costs for its alliance over more than two decades and it remained in place for all that time as well.
            "#]],
        );
    }

    #[test]
    fn rejoins_a_paragraph_split_by_dropped_lines() {
        check(
            "Who will succeed him?\nThe leader, Mullah Omar,\n\nhttps://x.org/a\n\nrefused to hand over the man.\n",
            "",
            expect![[r#"
                H: Who will succeed him?
                P: The leader, Mullah Omar, refused to hand over the man.
                dropped (URL-only line): https://x.org/a
            "#]],
        );
    }
}
