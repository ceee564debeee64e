//! Facet counts, AND/OR semantics, "all selected" and the empty-result hint, on an
//! inline corpus of four documents.

use super::*;
use crate::corpus::{DocInput, DocMeta};
use crate::lexicon::{LexActor, Lexicon};
use crate::model::Theme;
use crate::pipeline::build_model;
use crate::state::{apply, Action, Facet};

fn corpus() -> Model {
    let actor = |key: &str, alias: &str| LexActor {
        key: key.into(),
        name: alias.into(),
        kind: ActorKind::ArmedGroup,
        aliases: vec![alias.into()],
        surnames: vec![],
    };
    let lexicon = Lexicon {
        actors: vec![actor("taliban", "Taliban"), actor("al-qaeda", "al-Qaeda"), actor("isis", "ISIS")],
        themes: vec![Theme { key: "haven".into(), name: "Safe haven".into(), cues: vec!["safe haven".into()] }],
        ..Lexicon::default()
    };
    let doc = |key: &str, source: &str, date: &str, text: &str| DocInput {
        meta: DocMeta {
            key: key.into(),
            title: key.into(),
            source: source.into(),
            date: date.into(),
            ..DocMeta::default()
        },
        raw: text.into(),
    };
    build_model(
        &lexicon,
        &[
            doc("d0", "A", "2021", "The Taliban and al-Qaeda share a safe haven."),
            doc("d1", "A", "2019", "The Taliban fight ISIS."),
            doc("d2", "B", "2021", "al-Qaeda alone."),
            doc("d3", "B", "", "Nothing here."),
        ],
    )
}

fn run(m: &Model, actions: Vec<Action>) -> View {
    let state = actions.into_iter().fold(State::default(), |s, a| apply(&s, a));
    Explorer::new(m).view(m, &state)
}

fn docs(v: &View) -> Vec<u16> {
    v.rows.iter().map(|r| r.doc).collect()
}

fn actor_counts(v: &View) -> Vec<(u16, usize)> {
    v.facets.actors.iter().flat_map(|(_, l)| l.iter().map(|c| (c.value, c.count))).collect()
}

#[test]
fn values_or_within_a_facet_and_facets_and_across() {
    let m = corpus();
    assert_eq!(docs(&run(&m, vec![])), [0, 1, 2, 3]);
    assert_eq!(docs(&run(&m, vec![Action::Toggle(Facet::Actor(1)), Action::Toggle(Facet::Actor(2))])), [0, 1, 2]);
    let v = run(&m, vec![Action::Toggle(Facet::Actor(1)), Action::Toggle(Facet::Source("B".into()))]);
    assert_eq!(docs(&v), [2]);
    // Source counts ignore the source selection but honour the actor one.
    let sources: Vec<(String, usize)> = v.facets.sources.iter().map(|c| (c.value.clone(), c.count)).collect();
    assert_eq!(sources, [("A".to_string(), 1), ("B".to_string(), 1)]);
}

#[test]
fn all_selected_mode_means_co_mention() {
    let m = corpus();
    let both =
        vec![Action::Toggle(Facet::Actor(0)), Action::Toggle(Facet::Actor(1)), Action::SetActorMode(ActorMode::All)];
    let v = run(&m, both);
    assert_eq!(docs(&v), [0]);
    // Each value counts documents naming it together with every selected actor.
    assert_eq!(actor_counts(&v), [(0, 1), (1, 1), (2, 0)]);
}

#[test]
fn counts_are_live_under_search_and_years_include_unknown() {
    let m = corpus();
    let v = run(&m, vec![Action::SetQuery("taliban".into())]);
    assert_eq!(docs(&v), [1, 0], "ranked: the shorter document first");
    assert_eq!(actor_counts(&v), [(0, 2), (2, 1), (1, 1)], "ties by name");
    let years: Vec<(Option<u16>, usize)> = run(&m, vec![]).facets.years.iter().map(|c| (c.value, c.count)).collect();
    assert_eq!(years, [(Some(2021), 2), (Some(2019), 1), (None, 1)]);
    assert_eq!(docs(&run(&m, vec![Action::Toggle(Facet::Year(None))])), [3]);
    assert_eq!(docs(&run(&m, vec![Action::Toggle(Facet::Theme(0))])), [0]);
}

#[test]
fn an_empty_result_says_which_filter_to_drop() {
    let m = corpus();
    let v = run(&m, vec![Action::Toggle(Facet::Actor(2)), Action::Toggle(Facet::Source("B".into()))]);
    assert!(v.rows.is_empty());
    assert_eq!(v.empty_hint, Some(Hint { drop: Drop::Facet(FacetKind::Actor), would_match: 2 }));
    let v = run(&m, vec![Action::SetQuery("zebra".into()), Action::Toggle(Facet::Source("B".into()))]);
    assert_eq!(v.empty_hint, Some(Hint { drop: Drop::Query, would_match: 2 }));
}
