//! The model as the page receives it: each document's clean text is stored as a patch
//! against its raw text instead of a second copy.
//!
//! Why: the clean text is the raw text with lines dropped, lines re-joined and ligatures
//! repaired, so shipping both doubled the corpus (raw 52 KB + text 49 KB of the 127 KB
//! model). A patch of copy/skip/insert runs is a few KB, and [`unpack`] rebuilds the
//! text in one linear pass at start-up. [`pack`] checks its own output, so a patch that
//! would not rebuild the text exactly is never produced (the text is then stored whole).

use serde::{Deserialize, Serialize};

use crate::model::Model;

/// One step of rebuilding a text from its raw text, reading the raw text left to right.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    /// Take the next `n` bytes of the raw text.
    Copy(u32),
    /// Leave out the next `n` bytes of the raw text.
    Skip(u32),
    /// Add text that the raw text does not have here.
    Insert(String),
}

/// A model whose documents carry an empty `text`, plus one patch per document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Packed {
    pub model: Model,
    pub patches: Vec<Vec<Op>>,
}

/// Replaces each document's text by a patch against its raw text.
pub fn pack(mut model: Model) -> Packed {
    let patches = model
        .docs
        .iter_mut()
        .map(|d| {
            let ops = diff(&d.raw, &d.text);
            let ops = if apply(&d.raw, &ops).as_deref() == Some(d.text.as_str()) {
                ops
            } else {
                vec![Op::Insert(d.text.clone())]
            };
            d.text = String::new();
            ops
        })
        .collect();
    Packed { model, patches }
}

/// Rebuilds every document's text. Fails, naming the document, only on a damaged model.
pub fn unpack(packed: Packed) -> Result<Model, String> {
    let Packed { mut model, patches } = packed;
    if patches.len() != model.docs.len() {
        return Err(format!("{} patches for {} documents", patches.len(), model.docs.len()));
    }
    for (d, ops) in model.docs.iter_mut().zip(&patches) {
        d.text = apply(&d.raw, ops).ok_or_else(|| format!("the text of document {} does not rebuild", d.key))?;
    }
    Ok(model)
}

/// Applies `ops` to `raw`; `None` when they run past its end or split a character.
pub fn apply(raw: &str, ops: &[Op]) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut at = 0usize;
    for op in ops {
        match op {
            Op::Copy(n) => {
                out.push_str(raw.get(at..at + *n as usize)?);
                at += *n as usize;
            }
            Op::Skip(n) => {
                at += *n as usize;
                raw.get(at..)?;
            }
            Op::Insert(s) => out.push_str(s),
        }
    }
    Some(out)
}

/// How many bytes a resync must agree on before it is trusted.
const ANCHOR: usize = 4;
/// The longest run of inserted text tried before giving up on the rest (repairs and
/// re-joins insert a letter or two, or one space).
const MAX_INSERT: usize = 24;

/// A greedy diff: copy the common run, then resync at the cheapest (skip, insert) pair
/// whose next `ANCHOR` bytes agree. Cleaning only deletes, re-joins and repairs, so this
/// finds short patches; anything it cannot align becomes one insert.
fn diff(raw: &str, text: &str) -> Vec<Op> {
    let (rb, tb) = (raw.as_bytes(), text.as_bytes());
    let mut ops = Vec::new();
    let (mut i, mut j) = (0usize, 0usize);
    while j < tb.len() {
        let mut n = rb[i..].iter().zip(&tb[j..]).take_while(|(a, b)| a == b).count();
        while !text.is_char_boundary(j + n) {
            n -= 1;
        }
        if n > 0 {
            ops.push(Op::Copy(n as u32));
            (i, j) = (i + n, j + n);
            continue;
        }
        match resync(&raw[i..], &text[j..]) {
            Some((skip, insert)) => {
                if skip > 0 {
                    ops.push(Op::Skip(skip as u32));
                }
                if insert > 0 {
                    ops.push(Op::Insert(text[j..j + insert].to_string()));
                }
                (i, j) = (i + skip, j + insert);
            }
            None => {
                ops.push(Op::Insert(text[j..].to_string()));
                break;
            }
        }
    }
    ops
}

/// The (bytes of raw to skip, bytes of text to insert) with the smallest total after
/// which both agree on `ANCHOR` bytes (or the text ends). Nearby skips are tried first,
/// because most differences are a line break or a repaired ligature.
fn resync(raw: &str, text: &str) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for window in [512, raw.len()] {
        let hay = &raw[..floor_boundary(raw, window)];
        for (b, _) in text.char_indices().chain([(text.len(), ' ')]).take_while(|&(b, _)| b <= MAX_INSERT) {
            if best.is_some_and(|(s, i)| s + i <= b) {
                break;
            }
            let rest = &text[b..];
            let anchor = &rest[..floor_boundary(rest, ANCHOR)];
            let skip = if anchor.is_empty() { Some(raw.len()) } else { hay.find(anchor) };
            if let Some(a) = skip.filter(|&a| (a, b) != (0, 0)) {
                if best.is_none_or(|(s, i)| a + b < s + i) {
                    best = Some((a, b));
                }
            }
        }
        if best.is_some() {
            break;
        }
    }
    best
}

fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(raw: &str, text: &str) -> Vec<Op> {
        let ops = diff(raw, text);
        assert_eq!(apply(raw, &ops).as_deref(), Some(text), "{ops:?}");
        ops
    }

    #[test]
    fn cleaning_edits_become_short_patches() {
        // A re-joined hard wrap, a hyphen join, a repaired ligature and a dropped line.
        let raw = "The Taliban and al-\nQaeda a\u{FFFD}er the war\nShare this article\nthey were\nallies.";
        let text = "The Taliban and al-Qaeda after the war they were allies.";
        let ops = round_trip(raw, text);
        assert!(ops.len() <= 12, "{ops:?}");
        let inserted: usize = ops.iter().map(|o| if let Op::Insert(s) = o { s.len() } else { 0 }).sum();
        assert!(inserted <= 4, "{ops:?}");
    }

    #[test]
    fn any_pair_round_trips() {
        for (raw, text) in [
            ("", ""),
            ("abc", ""),
            ("", "new text"),
            ("same", "same"),
            ("é è ê", "e è ê!"),
            ("ﬁrst\u{FFFD}", "first fi"),
            ("a\nb\nc\nd", "d c b a"),
        ] {
            round_trip(raw, text);
        }
    }

    #[test]
    fn bad_patches_are_refused_not_panicked() {
        assert_eq!(apply("héllo", &[Op::Copy(2)]), None);
        assert_eq!(apply("abc", &[Op::Skip(4)]), None);
        assert_eq!(apply("abc", &[Op::Copy(9)]), None);
    }
}
