//! What the reader renders: each block cut into pieces at every mention, search hit and
//! focused-sentence boundary, so the shell can wrap each piece in a span and insert the
//! text as text (never as HTML). Also the citation of a document.

use crate::model::{ActorId, Doc, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub span: Span,
    /// The actor mentioned here, if any.
    pub actor: Option<ActorId>,
    /// Which of the document's mentions this piece belongs to (pieces of one mention,
    /// split by a search hit, render inside one element).
    pub mention: Option<usize>,
    /// The index of the search hit here, if any.
    pub hit: Option<usize>,
    /// Inside the focused sentence (an evidence link's target).
    pub focus: bool,
}

/// Pieces of `block`; `hits` are sorted search-hit spans over the whole document.
pub fn pieces(doc: &Doc, block: Span, hits: &[Span], focus: Option<Span>) -> Vec<Piece> {
    let inside = |s: &Span| s.start < block.end && block.start < s.end;
    let mentions: Vec<(usize, Span, ActorId)> =
        doc.mentions.iter().enumerate().filter(|(_, m)| inside(&m.span)).map(|(i, m)| (i, m.span, m.actor)).collect();
    let mut cuts = vec![block.start, block.end];
    for s in mentions.iter().map(|m| m.1).chain(hits.iter().copied().filter(inside)).chain(focus.filter(inside)) {
        cuts.push(s.start.clamp(block.start, block.end));
        cuts.push(s.end.clamp(block.start, block.end));
    }
    crate::order::sort_dedup(&mut cuts);
    cuts.windows(2)
        .map(|w| {
            let span = Span { start: w[0], end: w[1] };
            let mention = mentions.iter().find(|m| m.1.contains(span));
            Piece {
                span,
                actor: mention.map(|m| m.2),
                mention: mention.map(|m| m.0),
                hit: hits.iter().position(|h| h.contains(span)),
                focus: focus.is_some_and(|f| f.contains(span)),
            }
        })
        .collect()
}

/// A citation in the common "Author, “Title,” Source, Date. URL" form; parts the
/// catalog does not know are left out.
pub fn citation(doc: &Doc) -> String {
    let mut parts = Vec::new();
    if !doc.author.is_empty() {
        parts.push(doc.author.clone());
    }
    parts.push(format!("\u{201C}{}\u{201D}", doc.title));
    if !doc.source.is_empty() {
        parts.push(doc.source.clone());
    }
    if !doc.date.is_empty() {
        parts.push(doc.date.clone());
    }
    let mut c = parts.join(", ") + ".";
    if !doc.url.is_empty() {
        c.push(' ');
        c.push_str(&doc.url);
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{DocInput, DocMeta};
    use crate::lexicon::{LexActor, Lexicon};
    use crate::model::ActorKind;
    use crate::pipeline::build_model;

    #[test]
    fn pieces_split_at_mentions_hits_and_focus() {
        let lexicon = Lexicon {
            actors: vec![LexActor {
                key: "t".into(),
                name: "Taliban".into(),
                kind: ActorKind::ArmedGroup,
                aliases: vec!["Taliban".into()],
                surnames: vec![],
            }],
            ..Lexicon::default()
        };
        let input = DocInput {
            meta: DocMeta { key: "d".into(), title: "T".into(), ..DocMeta::default() },
            raw: "The Taliban won. Then peace.".into(),
        };
        let m = build_model(&lexicon, &[input]);
        let d = &m.docs[0];
        let hit = Span::new(4, 8); // "Tali"
        let got: Vec<(String, Option<u16>, Option<usize>, bool)> =
            pieces(d, d.blocks[0].span, &[hit], Some(d.sentences[1]))
                .iter()
                .map(|p| (d.slice(p.span).to_string(), p.actor, p.hit, p.focus))
                .collect();
        assert_eq!(
            got,
            [
                ("The ".into(), None, None, false),
                ("Tali".into(), Some(0), Some(0), false),
                ("ban".into(), Some(0), None, false),
                (" won. ".into(), None, None, false),
                ("Then peace.".into(), None, None, true),
            ]
        );
    }

    #[test]
    fn citations_leave_out_what_is_unknown() {
        let mut d = build_model(
            &Lexicon::default(),
            &[DocInput { meta: DocMeta { title: "T".into(), ..DocMeta::default() }, raw: "x".into() }],
        )
        .docs
        .remove(0);
        assert_eq!(citation(&d), "\u{201C}T\u{201D}.");
        (d.author, d.source, d.date, d.url) = ("A".into(), "S".into(), "2021".into(), "https://x".into());
        assert_eq!(citation(&d), "A, \u{201C}T\u{201D}, S, 2021. https://x");
    }
}
