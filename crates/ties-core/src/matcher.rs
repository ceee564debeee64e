//! Dictionary matching with word boundaries, shared by actors, themes and relation cues.
//!
//! One Aho-Corasick automaton per dictionary (the plain noncontiguous NFA, used directly:
//! the `AhoCorasick` wrapper would also compile in its DFA and contiguous NFA, ~30 KB of
//! wasm for speed the seed-sized imports don't need), leftmost-longest so that `ISIS-K` wins over
//! `ISIS` and `Pakistani Taliban` over `Taliban`. Matching ignores ASCII case except for
//! all-capital patterns (`US`, `IS`), and a match must start and end at a word boundary
//! unless the pattern is a prefix cue (`pledg*`), which may run on to the end of a word.

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::noncontiguous::{Builder, NFA};
use aho_corasick::{Input, MatchKind};

use crate::lexicon::{is_case_strict, split_prefix};
use crate::model::Span;

#[derive(Debug, Clone)]
struct Pattern {
    text: String,
    strict: bool,
    prefix: bool,
    payload: u32,
}

/// A dictionary of patterns, each carrying a caller-chosen payload.
#[derive(Debug, Clone)]
pub struct Matcher {
    ac: Option<NFA>,
    patterns: Vec<Pattern>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub payload: u32,
    /// Index of the pattern, in insertion order.
    pub pattern: u32,
    pub span: Span,
}

impl Matcher {
    /// `entries` are (pattern, payload). A trailing `*` marks a prefix pattern. Patterns
    /// with a straight apostrophe also match the typographic one, and vice versa.
    pub fn new<'a>(entries: impl IntoIterator<Item = (&'a str, u32)>) -> Matcher {
        let mut patterns = Vec::new();
        for (raw, payload) in entries {
            let (stem, prefix) = split_prefix(raw.trim());
            if stem.is_empty() {
                continue;
            }
            let strict = is_case_strict(stem);
            let mut push = |text: String| patterns.push(Pattern { text, strict, prefix, payload });
            push(stem.to_string());
            if stem.contains('\'') {
                push(stem.replace('\'', "\u{2019}"));
            } else if stem.contains('\u{2019}') {
                push(stem.replace('\u{2019}', "'"));
            }
        }
        let ac = (!patterns.is_empty()).then(|| {
            Builder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .build(patterns.iter().map(|p| p.text.as_str()))
                .expect("aho-corasick accepts any set of non-empty literal patterns")
        });
        Matcher { ac, patterns }
    }

    /// The original (unstarred) text of a pattern.
    pub fn pattern_text(&self, pattern: u32) -> &str {
        &self.patterns[pattern as usize].text
    }

    pub fn find(&self, text: &str) -> Vec<Hit> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let mut hits = Vec::new();
        let found = ac.try_find_iter(Input::new(text)).expect("a leftmost NFA searches any input unanchored");
        for m in found {
            let p = &self.patterns[m.pattern().as_usize()];
            let (start, mut end) = (m.start(), m.end());
            if p.strict && &text[start..end] != p.text {
                continue;
            }
            if !boundary_before(text, start) {
                continue;
            }
            if p.prefix {
                end += text[end..].find(|c: char| !c.is_alphanumeric()).unwrap_or(text.len() - end);
            } else if !boundary_after(text, end) {
                continue;
            }
            hits.push(Hit { payload: p.payload, pattern: m.pattern().as_u32(), span: Span::new(start, end) });
        }
        hits
    }
}

pub fn boundary_before(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
}

pub fn boundary_after(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(pats: &[&str], text: &str) -> Vec<String> {
        let m = Matcher::new(pats.iter().enumerate().map(|(i, p)| (*p, i as u32)));
        m.find(text).iter().map(|h| format!("{}:{}", h.payload, &text[h.span.range()])).collect()
    }

    #[test]
    fn capital_patterns_are_case_strict() {
        assert_eq!(find(&["IS", "US"], "It is what IS did to us and the US."), ["0:IS", "1:US"]);
    }

    #[test]
    fn mixed_case_patterns_ignore_case() {
        assert_eq!(find(&["al-Qaeda"], "Al-Qaeda and al-qaeda"), ["0:Al-Qaeda", "0:al-qaeda"]);
    }

    #[test]
    fn longest_alias_wins_and_boundaries_hold() {
        assert_eq!(
            find(&["Taliban", "Pakistani Taliban", "ISIS", "ISIS-K"], "Pakistani Taliban, ISIS-K, ISISK, Talibans"),
            ["1:Pakistani Taliban", "3:ISIS-K"]
        );
    }

    #[test]
    fn prefix_cues_extend_to_the_word_end() {
        assert_eq!(find(&["pledg*"], "pledged; unpledged; pledge"), ["0:pledged", "0:pledge"]);
    }

    #[test]
    fn apostrophes_match_either_way() {
        assert_eq!(find(&["bay'ah"], "the Bay\u{2019}ah and bay'ah"), ["0:Bay\u{2019}ah", "0:bay'ah"]);
    }
}
