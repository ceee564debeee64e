//! The reducer and the URL hash round trip.

use super::*;
use crate::model::{Actor, ActorKind, Doc, RelationType, Theme};

fn model() -> Model {
    let doc = |key: &str| Doc {
        key: key.into(),
        title: key.into(),
        title_supplied: false,
        source: String::new(),
        author: String::new(),
        date: String::new(),
        url: String::new(),
        file: String::new(),
        raw: String::new(),
        text: String::new(),
        blocks: vec![],
        sentences: vec![],
        mentions: vec![],
        theme_hits: vec![],
        themes: vec![],
        dates: vec![],
    };
    let actor = |key: &str| Actor { key: key.into(), name: key.into(), kind: ActorKind::ArmedGroup, aliases: vec![] };
    Model {
        docs: vec![doc("a"), doc("b c")],
        actors: vec![actor("taliban"), actor("al-qaeda")],
        themes: vec![Theme { key: "safe-haven".into(), name: "Safe haven".into(), cues: vec![] }],
        relation_types: vec![RelationType {
            key: "alliance".into(),
            name: "Alliance".into(),
            ..RelationType::default()
        }],
        ..Model::default()
    }
}

#[test]
fn toggles_are_idempotent_pairs_and_reset_the_cursor() {
    let s = State { cursor: 3, ..State::default() };
    let s1 = apply(&s, Action::Toggle(Facet::Actor(1)));
    assert!(s1.filters.actors.contains(&1));
    assert_eq!(s1.cursor, 0);
    let s2 = apply(&s1, Action::Toggle(Facet::Actor(1)));
    assert!(s2.filters.is_empty());
}

#[test]
fn cursor_and_hits_wrap_and_escape_closes_then_clears() {
    let s = apply(&State::default(), Action::MoveCursor { delta: -1, len: 4 });
    assert_eq!(s.cursor, 3);
    assert_eq!(apply(&s, Action::MoveCursor { delta: 1, len: 4 }).cursor, 0);
    assert_eq!(apply(&s, Action::MoveCursor { delta: 1, len: 0 }).cursor, 0);
    let s = apply(&State::default(), Action::StepHit { delta: -1, len: 5 });
    assert_eq!(s.hit, 4);
    let s = apply(&apply(&State::default(), Action::SetQuery("taliban".into())), Action::Open(1, None));
    let s = apply(&s, Action::Escape);
    assert_eq!((s.open, s.query.as_str()), (None, "taliban"));
    let s = apply(&s, Action::Escape);
    assert_eq!(s.query, "");
}

#[test]
fn clear_all_keeps_the_open_document() {
    let s = apply(&State::default(), Action::Open(0, None));
    let s = apply(&apply(&s, Action::Toggle(Facet::Theme(0))), Action::ClearAll);
    assert!(s.filters.is_empty());
    assert_eq!(s.open, Some(0));
}

#[test]
fn the_hash_round_trips_every_field() {
    let m = model();
    let mut s = State::default();
    for a in [
        Action::SetQuery("\"safe haven\" -isis & co=1#x".into()),
        Action::Toggle(Facet::Actor(0)),
        Action::Toggle(Facet::Actor(1)),
        Action::SetActorMode(ActorMode::All),
        Action::Toggle(Facet::Source("War on the Rocks".into())),
        Action::Toggle(Facet::Theme(0)),
        Action::Toggle(Facet::Year(None)),
        Action::Toggle(Facet::Year(Some(2021))),
        Action::Toggle(Facet::Rel(0)),
        Action::Open(1, Some(7)),
        Action::StepHit { delta: 2, len: 5 },
        Action::ToggleRaw,
    ] {
        s = apply(&s, a);
    }
    s.sentence = Some(7);
    for a in [
        Action::SetView(ViewMode::Graph),
        Action::Select(Some(Selection::Edge(0, 1, 0))),
        Action::ToggleGraphRel(0),
        Action::SetMinEvidence(2),
        Action::SetHops(2),
        Action::ToggleHidePersons,
        Action::ToggleAllLabels,
    ] {
        s = apply(&s, a);
    }
    let hash = to_hash(&m, &s);
    assert_eq!(
        hash,
        "q=%22safe%20haven%22%20-isis%20%26%20co%3D1%23x&actor=taliban,al-qaeda&all=1&source=War%20on%20the%20Rocks&theme=safe-haven&year=unknown,2021&rel=alliance&doc=b%20c&hit=2&s=7&raw=1&view=graph&edge=taliban,alliance,al-qaeda&hide=alliance&min=2&hops=2&nopersons=1&labels=all"
    );
    assert_eq!(from_hash(&m, &format!("#{hash}")), s);
    assert_eq!(to_hash(&m, &State::default()), "");
}

#[test]
fn escape_clears_the_selection_before_the_search() {
    let s = apply(&apply(&State::default(), Action::SetQuery("x".into())), Action::FocusActor(1));
    assert!(s.filters.actors.contains(&1));
    let s = apply(&s, Action::Escape);
    assert_eq!((s.selection, s.query.as_str()), (None, "x"));
    assert_eq!(from_hash(&model(), "sel=al-qaeda").selection, Some(Selection::Actor(1)));
    assert_eq!(from_hash(&model(), "edge=taliban,nope,al-qaeda").selection, None);
}

#[test]
fn any_hash_gives_a_state() {
    let m = model();
    for h in ["", "#", "&&&", "q=%", "q=%zz%4", "actor=nobody", "doc=zzz&hit=x", "year=abc,unknown", "=&=", "q=%E2%82"]
    {
        let _ = from_hash(&m, h);
    }
    assert_eq!(from_hash(&m, "q=%zz%4").query, "%zz%4");
    assert_eq!(from_hash(&m, "actor=nobody,taliban").filters.actors.len(), 1);
    assert_eq!(from_hash(&m, "hit=3").hit, 0, "a position without a document is dropped");
}
