//! Snapshot tests of cleaning and extraction on the real seeds: one file per document
//! (clean text by block, then mentions, themes and dates) and one for all relations with
//! their evidence. Review a change with `git diff`; accept it with `UPDATE_EXPECT=1`.

use std::fmt::Write;
use std::path::Path;

use expect_test::expect_file;
use ties_core::model::{BlockKind, DiagnosticKind, Model};

fn model() -> Model {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    ties_cli::load_dir(&dir).unwrap_or_else(|e| panic!("{}", ties_cli::report(&dir, &e)))
}

#[test]
fn six_documents_with_clean_text() {
    let m = model();
    assert_eq!(m.docs.len(), 6, "one file holds two articles");
    for d in &m.docs {
        assert!(!d.text.contains('\u{FFFD}'), "{} keeps a lost ligature", d.key);
        assert!(!d.text.contains("  "), "{} keeps doubled spaces", d.key);
        assert!(!d.text.contains("http"), "{} keeps a URL line", d.key);
    }
    assert!(m.diagnostics.iter().all(|d| d.kind != DiagnosticKind::UnresolvedLigature));
}

#[test]
fn documents_snapshot() {
    let m = model();
    for d in &m.docs {
        let mut out = format!("{}\n{} | {} | {} | {}\n\n", d.title, d.source, d.author, d.date, d.url);
        for b in &d.blocks {
            let tag = if b.kind == BlockKind::Heading { "## " } else { "" };
            let themes: Vec<&str> = b.themes.iter().map(|&t| m.themes[t as usize].key.as_str()).collect();
            let _ = writeln!(out, "{tag}{}\n  [themes: {}]\n", d.slice(b.span), themes.join(", "));
        }
        out.push_str("--- sentences\n");
        for s in &d.sentences {
            let _ = writeln!(out, "| {}", d.slice(*s));
        }
        out.push_str("--- mentions\n");
        for mention in &d.mentions {
            let _ = writeln!(out, "{} = {}", d.slice(mention.span), m.actors[mention.actor as usize].key);
        }
        let doc_themes: Vec<String> =
            d.themes.iter().map(|t| format!("{} {}", m.themes[t.theme as usize].key, t.hits)).collect();
        let _ = writeln!(out, "--- document themes: {}", doc_themes.join(", "));
        out.push_str("--- theme hits\n");
        for h in &d.theme_hits {
            let _ = writeln!(out, "{} = {}", d.slice(h.span), m.themes[h.theme as usize].key);
        }
        out.push_str("--- dates\n");
        for dm in &d.dates {
            let _ = writeln!(out, "{} = {}", d.slice(dm.span), dm.year);
        }
        expect_file![format!("snapshots/{}.txt", d.key)].assert_eq(&out);
    }
}

#[test]
fn relations_snapshot() {
    let m = model();
    let mut out = String::new();
    for e in &m.edges {
        let (a, b) = (&m.actors[e.source as usize].name, &m.actors[e.target as usize].name);
        let _ = writeln!(out, "{a} -[{}]-> {b} ({})", m.relation_types[e.rel as usize].key, e.evidence.len());
        for ev in &e.evidence {
            let d = &m.docs[ev.doc as usize];
            let _ = writeln!(out, "    {} <{}> {}", d.key, d.slice(ev.cue), d.slice(ev.span));
        }
    }
    expect_file!["snapshots/relations.txt"].assert_eq(&out);
}

/// The readings an analyst would check first.
#[test]
fn relations_read_as_an_analyst_would() {
    let m = model();
    let id = |key: &str| m.actors.iter().position(|a| a.key == key).unwrap() as u16;
    let docs_for = |a: &str, b: &str, rel: &str| -> usize {
        let (a, b) = (id(a), id(b));
        let mut docs: Vec<u16> = m
            .edges
            .iter()
            .filter(|e| (e.source, e.target) == (a, b) || (e.source, e.target) == (b, a))
            .filter(|e| m.relation_types[e.rel as usize].key == rel)
            .flat_map(|e| e.evidence.iter().map(|ev| ev.doc))
            .collect();
        docs.sort();
        docs.dedup();
        docs.len()
    };
    assert!(docs_for("taliban", "al-qaeda", "alliance") >= 3, "the alliance is supported by several documents");
    assert!(docs_for("al-qaeda", "taliban", "allegiance") >= 1);
    assert!(docs_for("haqqani-network", "al-qaeda", "sanctuary") >= 1);
    assert!(docs_for("taliban", "isis", "rivalry") >= 1);
    assert!(docs_for("united-states", "taliban", "negotiation") >= 2);
    assert!(docs_for("ayman-al-zawahiri", "al-qaeda", "leadership") >= 2);
    let (taliban, israel) = (id("taliban"), id("israel"));
    assert!(
        !m.edges.iter().any(|e| [e.source, e.target].contains(&taliban) && [e.source, e.target].contains(&israel)),
        "nothing links the Taliban to Israel"
    );
    // `IS`/`US` never match ordinary words; `Pakistani Taliban` is not the Taliban.
    for d in &m.docs {
        for mention in &d.mentions {
            let s = d.slice(mention.span);
            assert!(s != "is" && s != "us", "{s} matched in {}", d.key);
        }
    }
    let ttp = id("pakistani-taliban");
    assert!(m.docs.iter().any(|d| d.mentions.iter().any(|x| x.actor == ttp)));
}

#[test]
fn the_page_model_round_trips_and_stores_patches_not_texts() {
    let mut full = model();
    let bytes = postcard::to_allocvec(&ties_cli::page_model(full.clone())).unwrap();
    let packed: ties_core::pack::Packed = postcard::from_bytes(&bytes).unwrap();
    let patch_bytes: usize = packed.patches.iter().map(|p| postcard::to_allocvec(p).unwrap().len()).sum();
    let text_bytes: usize = full.docs.iter().map(|d| d.text.len()).sum();
    assert!(packed.model.docs.iter().all(|d| d.text.is_empty()));
    // The patches are a small fraction of the texts they replace (measured: about 8%).
    eprintln!("patches {patch_bytes} B for {text_bytes} B");
    assert!(patch_bytes * 6 < text_bytes, "patches {patch_bytes} B for {text_bytes} B of text");
    full.diagnostics.clear();
    full.lexicon = Default::default();
    assert!(ties_core::pack::unpack(packed).unwrap() == full);
}
