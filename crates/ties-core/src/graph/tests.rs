//! Graph queries on an inline corpus: visible documents, controls, focus, contested.

use super::*;
use crate::corpus::{DocInput, DocMeta};
use crate::lexicon::{LexActor, Lexicon};
use crate::model::{RelationType, Stance};
use crate::pipeline::build_model;

fn corpus() -> Model {
    let actor = |k: &str, kind| LexActor {
        key: k.to_lowercase(),
        name: k.into(),
        kind,
        aliases: vec![k.into()],
        surnames: vec![],
    };
    let rel = |key: &str, cue: &str, stance| RelationType {
        key: key.into(),
        name: key.into(),
        cues: vec![cue.into()],
        stance,
        ..RelationType::default()
    };
    let lexicon = Lexicon {
        actors: vec![
            actor("Taliban", ActorKind::ArmedGroup),
            actor("Qaeda", ActorKind::ArmedGroup),
            actor("ISIS", ActorKind::ArmedGroup),
            actor("Omar", ActorKind::Person),
        ],
        relations: vec![rel("alliance", "allied with", Stance::Cooperative), rel("rivalry", "fought", Stance::Hostile)],
        ..Lexicon::default()
    };
    let doc = |k: &str, t: &str| DocInput {
        meta: DocMeta { key: k.into(), title: k.into(), ..DocMeta::default() },
        raw: t.into(),
    };
    build_model(
        &lexicon,
        &[
            doc("a", "The Taliban allied with Qaeda. Qaeda allied with the Taliban."),
            doc("b", "The Taliban fought Qaeda. Qaeda fought ISIS. Omar allied with the Taliban."),
        ],
    )
}

fn all(m: &Model) -> Set<DocId> {
    (0..m.docs.len() as DocId).collect()
}

fn names(m: &Model, g: &Graph) -> Vec<String> {
    g.edges
        .iter()
        .map(|e| {
            let n = |a: ActorId| m.actors[a as usize].name.clone();
            format!(
                "{}-{}-{}:{}{}",
                n(e.source),
                m.relation_types[e.rel as usize].key,
                n(e.target),
                e.evidence.len(),
                if e.contested { "!" } else { "" }
            )
        })
        .collect()
}

#[test]
fn edges_count_only_visible_documents_and_mark_contested_pairs() {
    let m = corpus();
    let g = Graph::build(&m, &all(&m), &GraphOpts::default(), None);
    assert_eq!(
        names(&m, &g),
        ["Taliban-alliance-Qaeda:2!", "Taliban-rivalry-Qaeda:1!", "Taliban-alliance-Omar:1", "Qaeda-rivalry-ISIS:1"]
    );
    let only_a = Graph::build(&m, &Set::from([0]), &GraphOpts::default(), None);
    assert_eq!(names(&m, &only_a), ["Taliban-alliance-Qaeda:2"]);
    assert_eq!(only_a.nodes.iter().map(|n| n.mentions).collect::<Vec<_>>(), [2, 2]);
}

#[test]
fn controls_hide_types_weak_edges_persons_and_focus_on_hops() {
    let m = corpus();
    let docs = all(&m);
    let opts = |f: fn(&mut GraphOpts)| {
        let mut o = GraphOpts::default();
        f(&mut o);
        o
    };
    let g = Graph::build(&m, &docs, &opts(|o| _ = o.hidden_rels.insert(1)), None);
    assert_eq!(names(&m, &g), ["Taliban-alliance-Qaeda:2", "Taliban-alliance-Omar:1"]);
    let g = Graph::build(&m, &docs, &opts(|o| o.min_evidence = 2), None);
    assert_eq!(names(&m, &g), ["Taliban-alliance-Qaeda:2"]);
    let g = Graph::build(&m, &docs, &opts(|o| o.hide_persons = true), None);
    assert!(g.nodes.iter().all(|n| n.kind != ActorKind::Person));
    let g = Graph::build(&m, &docs, &opts(|o| o.hops = 1), Some(2));
    assert_eq!(names(&m, &g), ["Qaeda-rivalry-ISIS:1"]);
    let g = Graph::build(&m, &docs, &opts(|o| o.hops = 2), Some(2));
    assert_eq!(g.edges.len(), 3, "two hops reach the Taliban, not Omar");
}

#[test]
fn profiles_count_mentions_types_and_telling_sentences() {
    let m = corpus();
    let docs = all(&m);
    let g = Graph::build(&m, &docs, &GraphOpts::default(), None);
    let p = profile(&m, &g, &docs, 1);
    assert_eq!(p.per_doc, [(0, 2), (1, 2)]);
    assert_eq!(p.by_type, [(0, 1, 2), (1, 2, 2)]);
    assert!(!p.telling.is_empty() && p.telling.len() <= 5);
    assert_eq!(g.neighbours(1)[0].0, 0, "the Taliban, with the most evidence, first");
}
