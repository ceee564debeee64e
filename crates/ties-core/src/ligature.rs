//! Repair of ligatures lost in PDF extraction (`a\u{FFFD}er`, `bene\u{FFFD}ts`, `\u{FFFD}ussia`).
//!
//! Each U+FFFD inside a word is replaced by the first candidate (in the lexicon's order)
//! that turns the word into a known one. Known words are those the corpus itself spells
//! cleanly, plus the lexicon's `known_words`, so the rule needs no external dictionary.

use std::collections::HashSet;

const REPLACEMENT: char = '\u{FFFD}';

#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    words: HashSet<String>,
}

impl Vocabulary {
    /// Learns every clean word (letters only, lower-cased) of `texts` and `extra`.
    pub fn learn<'a>(texts: impl IntoIterator<Item = &'a str>, extra: &'a [String]) -> Vocabulary {
        let mut words = HashSet::new();
        for text in texts.into_iter().chain(extra.iter().map(String::as_str)) {
            for w in text.split(|c: char| !c.is_alphabetic() && c != REPLACEMENT) {
                if !w.is_empty() && !w.contains(REPLACEMENT) {
                    words.insert(w.to_lowercase());
                }
            }
        }
        Vocabulary { words }
    }

    /// Known as is, or as an inflection of a known stem (`benefited` from `benefit`).
    pub fn knows(&self, word: &str) -> bool {
        let w = word.to_lowercase();
        if self.words.contains(&w) {
            return true;
        }
        const SUFFIXES: [&str; 8] = ["s", "es", "ed", "d", "ing", "er", "ers", "ly"];
        SUFFIXES.iter().any(|s| w.strip_suffix(s).is_some_and(|stem| stem.len() >= 3 && self.words.contains(stem)))
    }
}

/// A word that could not be repaired, with its byte offset in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unresolved {
    pub offset: usize,
    pub word: String,
}

/// Returns the repaired text and the words no candidate could repair (left as they were).
pub fn repair(text: &str, candidates: &[String], vocab: &Vocabulary) -> (String, Vec<Unresolved>) {
    if !text.contains(REPLACEMENT) {
        return (text.to_string(), Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut unresolved = Vec::new();
    let mut rest = text;
    let mut offset = 0;
    while let Some(i) = rest.find(REPLACEMENT) {
        // Widen to the whole word around the replacement character.
        let start = rest[..i]
            .rfind(|c: char| !c.is_alphabetic())
            .map_or(0, |j| j + rest[j..].chars().next().unwrap().len_utf8());
        let end = rest[i..].find(|c: char| !c.is_alphabetic() && c != REPLACEMENT).map_or(rest.len(), |j| i + j);
        let word = &rest[start..end];
        out.push_str(&rest[..start]);
        let fixed = candidates.iter().map(|c| word.replace(REPLACEMENT, c)).find(|w| vocab.knows(w));
        match fixed {
            Some(w) => out.push_str(&w),
            None => {
                out.push_str(word);
                unresolved.push(Unresolved { offset: offset + start, word: word.to_string() });
            }
        }
        offset += end;
        rest = &rest[end..];
    }
    out.push_str(rest);
    (out, unresolved)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cands() -> Vec<String> {
        ["ffi", "ffl", "ff", "fi", "fl", "ft", "R"].map(String::from).to_vec()
    }

    #[test]
    fn picks_the_candidate_that_makes_a_known_word() {
        let vocab = Vocabulary::learn(["after the benefit, a difficult effort in Russia"], &[]);
        let (out, bad) =
            repair("a\u{FFFD}er bene\u{FFFD}ted di\u{FFFD}cult e\u{FFFD}orts \u{FFFD}ussia", &cands(), &vocab);
        assert_eq!(out, "after benefited difficult efforts Russia");
        assert!(bad.is_empty());
    }

    #[test]
    fn reports_words_that_do_not_resolve() {
        let vocab = Vocabulary::learn(["nothing here"], &[]);
        let (out, bad) = repair("the co\u{FFFD}ers", &cands(), &vocab);
        assert_eq!(out, "the co\u{FFFD}ers");
        assert_eq!(bad, [Unresolved { offset: 4, word: "co\u{FFFD}ers".into() }]);
        let vocab = Vocabulary::learn(["nothing here"], &["coffers".into()]);
        assert_eq!(repair("the co\u{FFFD}ers", &cands(), &vocab).0, "the coffers");
    }
}
