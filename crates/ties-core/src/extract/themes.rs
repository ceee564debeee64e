//! Theme cue hits. Per-paragraph and per-document theme counts are derived from the
//! hits and the block spans (`query::doc_themes`), so only the hits are stored.

use crate::matcher::Matcher;
use crate::model::{Theme, ThemeHit};

pub fn theme_matcher(themes: &[Theme]) -> Matcher {
    Matcher::new(themes.iter().enumerate().flat_map(|(i, t)| t.cues.iter().map(move |c| (c.as_str(), i as u32))))
}

pub fn find_themes(matcher: &Matcher, text: &str) -> Vec<ThemeHit> {
    matcher.find(text).into_iter().map(|h| ThemeHit { theme: h.payload as u16, span: h.span }).collect()
}
