//! Search over a small inline corpus: syntax, ranking and snippets.

use super::query::parse;
use super::*;
use crate::corpus::{DocInput, DocMeta};
use crate::lexicon::Lexicon;
use crate::pipeline::build_model;

fn model(texts: &[&str]) -> Model {
    let inputs: Vec<DocInput> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| DocInput {
            meta: DocMeta { key: format!("d{i}"), title: format!("D{i}"), ..DocMeta::default() },
            raw: t.to_string(),
        })
        .collect();
    build_model(&Lexicon::default(), &inputs)
}

fn docs(m: &Model, q: &str) -> Vec<u16> {
    Index::build(m).search(&parse(q)).iter().map(|h| h.doc).collect()
}

#[test]
fn words_are_anded_and_ranked_by_bm25() {
    let m = model(&[
        "The Taliban hosted al-Qaeda. The Taliban again hosted al-Qaeda. Taliban, Taliban.",
        "The Taliban met officials once, among many other words that dilute the one mention here.",
        "Nothing about either group.",
    ]);
    assert_eq!(docs(&m, "taliban"), [0, 1], "more occurrences in a shorter text rank first");
    assert_eq!(docs(&m, "taliban hosted"), [0]);
    assert_eq!(docs(&m, "TALIBAN"), [0, 1], "case is ignored");
}

#[test]
fn phrases_exclusions_prefixes_and_diacritics() {
    let m = model(&[
        "A safe haven for them.",
        "A haven that is safe.",
        "Negotiations began; they negotiated.",
        "Al-Qaïda’s emir.",
    ]);
    assert_eq!(docs(&m, "\"safe haven\""), [0]);
    assert_eq!(docs(&m, "haven -\"safe haven\""), [1]);
    assert_eq!(docs(&m, "negotiat*"), [2]);
    assert_eq!(docs(&m, "qaida"), [3]);
    assert_eq!(docs(&m, "al-qaida"), [3]);
    assert_eq!(docs(&m, "-haven"), [2, 3], "exclusion alone keeps every other document");
}

#[test]
fn hits_are_byte_spans_and_snippets_mark_them() {
    let m = model(&["First sentence here. The Haqqani network protects al-Qaeda in the east. Last one."]);
    let hits = Index::build(&m).search(&parse("\"haqqani network\" east"));
    let d = &m.docs[0];
    let spans: Vec<&str> = hits[0].spans.iter().map(|s| d.slice(*s)).collect();
    assert_eq!(spans, ["Haqqani network", "east"]);
    let s = snippet(&d.text, &d.sentences, &hits[0].spans);
    assert_eq!(s.text, "The Haqqani network protects al-Qaeda in the east.");
    let marked: Vec<&str> = s.marks.iter().map(|&(a, b)| &s.text[a..b]).collect();
    assert_eq!(marked, ["Haqqani network", "east"]);
}
