//! The analyst-editable vocabulary, once parsed: actors with aliases, themes with cue
//! terms, relation types with cues, and the cleaning word lists.
//!
//! Parsing `lexicon.toml` (with line numbers for errors) lives in `input`; this module is
//! the plain data the pipeline consumes, so tests can build a lexicon inline.

use serde::{Deserialize, Serialize};

use crate::model::{ActorKind, RelationType, Theme};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Lexicon {
    /// Ligature candidates tried for a U+FFFD, in order of preference.
    pub ligatures: Vec<String>,
    /// Words known to be real besides those in the corpus itself.
    pub known_words: Vec<String>,
    pub actors: Vec<LexActor>,
    pub themes: Vec<Theme>,
    pub relations: Vec<RelationType>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LexActor {
    pub key: String,
    pub name: String,
    pub kind: ActorKind,
    /// Names that always mean this actor.
    pub aliases: Vec<String>,
    /// Bare family names (e.g. `Haqqani`) that mean this person only once a full alias
    /// has introduced them in the same document; several people may share one.
    pub surnames: Vec<String>,
}

/// Whether an alias must match with its exact case: all-capital names such as `US`,
/// `IS` or `ISIS` would otherwise match ordinary words (`us`, `is`).
pub fn is_case_strict(alias: &str) -> bool {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.iter().all(|c| c.is_uppercase())
}

/// A cue ending in `*` matches any word that starts with the rest (`pledg*`).
pub fn split_prefix(cue: &str) -> (&str, bool) {
    match cue.strip_suffix('*') {
        Some(stem) => (stem, true),
        None => (cue, false),
    }
}
