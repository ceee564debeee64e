//! From documents and a lexicon to the model: repair, clean, segment, extract, aggregate.

use std::collections::BTreeMap;

use crate::clean::clean;
use crate::corpus::DocInput;
use crate::extract::dates::find_dates;
use crate::extract::mentions::MentionFinder;
use crate::extract::relations::CueFinder;
use crate::extract::themes::{find_themes, theme_matcher};
use crate::lexicon::Lexicon;
use crate::ligature::{self, Vocabulary};
use crate::model::{
    Actor, ActorId, Diagnostic, DiagnosticKind, Doc, DocId, Edge, Evidence, Model, RelTypeId, ThemeCount,
};
use crate::segment::sentences;

/// Builds the whole model. Total: never fails, reports what it could not do.
pub fn build_model(lexicon: &Lexicon, inputs: &[DocInput]) -> Model {
    let alias_words: Vec<String> = lexicon.actors.iter().flat_map(|a| a.aliases.iter().cloned()).collect();
    let extra: Vec<String> = lexicon.known_words.iter().cloned().chain(alias_words).collect();
    let vocab = Vocabulary::learn(inputs.iter().map(|d| d.raw.as_str()), &extra);
    let mentions = MentionFinder::new(&lexicon.actors);
    let themes = theme_matcher(&lexicon.themes);
    let cues = CueFinder::new(&lexicon.relations);
    let kinds: Vec<_> = lexicon.actors.iter().map(|a| a.kind).collect();

    let mut diagnostics = Vec::new();
    let mut docs = Vec::with_capacity(inputs.len());
    let mut evidence: BTreeMap<(ActorId, ActorId, RelTypeId), Vec<Evidence>> = BTreeMap::new();
    for (doc_id, input) in inputs.iter().enumerate() {
        let key = &input.meta.key;
        let note = |kind, message: String| Diagnostic { doc: key.clone(), kind, message };
        let (repaired, unresolved) = ligature::repair(&input.raw, &lexicon.ligatures, &vocab);
        for u in unresolved {
            let line = input.raw[..u.offset].lines().count().max(1);
            diagnostics.push(note(
                DiagnosticKind::UnresolvedLigature,
                format!("line {line}: `{}` has a lost ligature no candidate resolves; add the word to known_words in lexicon.toml", u.word),
            ));
        }
        let cleaned = clean(&repaired, &input.meta.title, &input.meta.drop);
        for (line, why) in &cleaned.dropped {
            diagnostics.push(note(DiagnosticKind::DroppedLine, format!("{why}: {line}")));
        }
        let text = cleaned.text;
        let sents: Vec<_> = cleaned.blocks.iter().flat_map(|b| sentences(&text, b.span)).collect();
        let doc_mentions = mentions.find(&text);
        for (si, &sent) in sents.iter().enumerate() {
            let (found, skipped) = cues.find(&text, sent, &doc_mentions, &lexicon.relations, &kinds);
            for f in found {
                evidence.entry((f.source, f.target, f.rel)).or_default().push(Evidence {
                    doc: doc_id as DocId,
                    sentence: si as u32,
                    span: sent,
                    cue: f.cue,
                    cue_term: f.cue_term,
                    source_span: f.source_span,
                    target_span: f.target_span,
                });
            }
            for s in skipped {
                let cue = &text[s.cue.range()];
                diagnostics.push(note(DiagnosticKind::SkippedCue, format!("`{cue}` in sentence {si}: {}", s.reason)));
            }
        }
        let theme_hits = find_themes(&themes, &text);
        let mut blocks = cleaned.blocks;
        for b in &mut blocks {
            let mut ts: Vec<_> = theme_hits.iter().filter(|h| b.span.contains(h.span)).map(|h| h.theme).collect();
            crate::order::sort_dedup(&mut ts);
            b.themes = ts;
        }
        let mut doc_themes: Vec<ThemeCount> = Vec::new();
        for h in &theme_hits {
            match doc_themes.iter_mut().find(|t| t.theme == h.theme) {
                Some(t) => t.hits += 1,
                None => doc_themes.push(ThemeCount { theme: h.theme, hits: 1 }),
            }
        }
        crate::order::sort_by(&mut doc_themes, |a, b| b.hits.cmp(&a.hits).then(a.theme.cmp(&b.theme)));
        let meta = &input.meta;
        docs.push(Doc {
            key: meta.key.clone(),
            title: meta.title.clone(),
            title_supplied: meta.title_supplied,
            source: meta.source.clone(),
            author: meta.author.clone(),
            date: meta.date.clone(),
            url: meta.url.clone(),
            file: meta.file.clone(),
            raw: input.raw.clone(),
            theme_hits,
            themes: doc_themes,
            dates: find_dates(&text),
            mentions: doc_mentions,
            sentences: sents,
            blocks,
            text,
        });
    }
    let edges = evidence
        .into_iter()
        .map(|((source, target, rel), mut evidence)| {
            // One entry per sentence: two cues of one type in a sentence are one fact,
            // shown with its most specific (longest) cue.
            crate::order::sort_by(&mut evidence, |a, b| {
                (a.doc, a.sentence, b.cue_term.len()).cmp(&(b.doc, b.sentence, a.cue_term.len()))
            });
            evidence.dedup_by_key(|e| (e.doc, e.sentence));
            Edge { source, target, rel, evidence }
        })
        .collect();
    let actors = lexicon
        .actors
        .iter()
        .map(|a| Actor { key: a.key.clone(), name: a.name.clone(), kind: a.kind, aliases: a.aliases.clone() })
        .collect();
    Model {
        docs,
        actors,
        themes: lexicon.themes.clone(),
        relation_types: lexicon.relations.clone(),
        edges,
        diagnostics,
        lexicon: lexicon.clone(),
    }
}

/// The model with more documents, processed with the model's own lexicon. Existing
/// documents keep their ids; edges of the same actors and type merge their evidence.
pub fn extend(model: &Model, inputs: &[DocInput]) -> Model {
    let added = build_model(&model.lexicon, inputs);
    let offset = model.docs.len() as DocId;
    let mut out = model.clone();
    out.docs.extend(added.docs);
    out.diagnostics.extend(added.diagnostics);
    for mut edge in added.edges {
        edge.evidence.iter_mut().for_each(|ev| ev.doc += offset);
        match out.edges.iter_mut().find(|e| (e.source, e.target, e.rel) == (edge.source, edge.target, edge.rel)) {
            Some(e) => e.evidence.extend(edge.evidence),
            None => out.edges.push(edge),
        }
    }
    out
}

/// Why an imported file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub file: String,
    pub message: String,
}

/// A user's file as a document: its first line is the title; the source, author and
/// date are unknown. Refuses files that are not UTF-8 or hold no text.
pub fn import_file(name: &str, bytes: &[u8], taken: &[String]) -> Result<DocInput, ImportError> {
    let fail = |message: &str| ImportError { file: name.to_string(), message: message.to_string() };
    let text =
        std::str::from_utf8(bytes).map_err(|_| fail("is not UTF-8 text; save it as UTF-8 and import it again"))?;
    let title = text.lines().map(str::trim).find(|l| !l.is_empty()).ok_or_else(|| fail("is empty"))?;
    let title: String = if title.chars().count() > 140 {
        title.chars().take(140).collect::<String>() + "…"
    } else {
        title.to_string()
    };
    let slug: String = name.to_lowercase().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    let mut key = format!("import-{}", slug.trim_matches('-'));
    let mut n = 1;
    while taken.contains(&key) {
        n += 1;
        key = format!("import-{}-{n}", slug.trim_matches('-'));
    }
    Ok(DocInput {
        meta: crate::corpus::DocMeta { key, title, file: name.to_string(), ..Default::default() },
        raw: text.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::LexActor;
    use crate::model::{ActorKind, RelationType};

    fn lexicon() -> Lexicon {
        let actor = |k: &str| LexActor {
            key: k.into(),
            name: k.into(),
            kind: ActorKind::ArmedGroup,
            aliases: vec![k.into()],
            surnames: vec![],
        };
        Lexicon {
            actors: vec![actor("Taliban"), actor("Hamas")],
            relations: vec![RelationType {
                key: "alliance".into(),
                name: "Alliance".into(),
                cues: vec!["allied with".into()],
                ..RelationType::default()
            }],
            ..Lexicon::default()
        }
    }

    #[test]
    fn imported_files_extend_the_model_and_merge_evidence() {
        let first = import_file("a.txt", b"First\n\nThe Taliban allied with Hamas.", &[]).unwrap();
        let model = build_model(&lexicon(), &[first]);
        let second = import_file(
            "a.txt",
            b"  \nSecond <script>x</script>\n\nHamas allied with the Taliban.",
            &["import-a-txt".into()],
        )
        .unwrap();
        assert_eq!(second.meta.key, "import-a-txt-2");
        assert_eq!(second.meta.title, "Second <script>x</script>");
        let m = extend(&model, &[second]);
        assert_eq!(m.docs.len(), 2);
        assert_eq!(m.edges.len(), 1);
        let docs: Vec<u16> = m.edges[0].evidence.iter().map(|e| e.doc).collect();
        assert_eq!(docs, [0, 1]);
    }

    #[test]
    fn imports_refuse_non_utf8_and_empty_files() {
        assert_eq!(
            import_file("x.txt", b"\xff\xfe", &[]).unwrap_err().message,
            "is not UTF-8 text; save it as UTF-8 and import it again"
        );
        assert_eq!(import_file("x.txt", b" \n ", &[]).unwrap_err().message, "is empty");
    }
}
