//! What the graph's selection opens beside it: an edge's evidence ledger (every
//! supporting sentence with both actors and the cue marked, its document, and a link
//! into the reader at that sentence; contested edges show the conflicting evidence
//! too) or an actor's profile (kind, aliases, mentions per document, relations by type,
//! the most telling sentences, neighbours).

use std::rc::Rc;

use ties_core::graph::{profile, GEdge, Graph};
use ties_core::model::{Evidence, Model, Span};
use ties_core::state::{Action, Selection};
use yew::prelude::*;

use crate::app::Env;

#[derive(Properties, PartialEq)]
pub struct SelectionPanelProps {
    pub selection: Selection,
    pub graph: Rc<Graph>,
    pub docs: Rc<ties_core::set::Set<u16>>,
}

/// A sentence with the two actors and the cue marked, as text nodes.
fn marked_sentence(m: &Model, ev: &Evidence) -> Html {
    let d = &m.docs[ev.doc as usize];
    let mut marks: Vec<(Span, &'static str)> =
        vec![(ev.source_span, "ev-actor"), (ev.target_span, "ev-actor"), (ev.cue, "ev-cue")];
    ties_core::order::sort_by_key(&mut marks, |(s, _)| s.start);
    let mut out = Vec::new();
    let mut at = ev.span.start;
    for (s, class) in marks {
        if s.start < at || s.end > ev.span.end {
            continue;
        }
        out.push(html! { d.slice(Span { start: at, end: s.start }) });
        out.push(html! { <mark class={class}>{ d.slice(s) }</mark> });
        at = s.end;
    }
    out.push(html! { d.slice(Span { start: at, end: ev.span.end }) });
    out.into_iter().collect()
}

fn evidence_item(env: &Env, ev: &Evidence, rel_name: &str) -> Html {
    let m = &env.corpus;
    let d = &m.docs[ev.doc as usize];
    let (doc, sentence) = (ev.doc, ev.sentence);
    let open = env.callback(move |_: MouseEvent| Action::Open(doc, Some(sentence)));
    let meta: Vec<&str> = [d.source.as_str(), d.date.as_str()].into_iter().filter(|s| !s.is_empty()).collect();
    html! {
        <li class="evidence" data-testid="evidence">
            <blockquote>{ marked_sentence(m, ev) }</blockquote>
            <p class="evidence-meta">
                <span class="rel-name">{ rel_name.to_string() }</span>{ " · cue \u{201C}" }{ d.slice(ev.cue) }{ "\u{201D} · " }
                <cite>{ &d.title }</cite>
                if !meta.is_empty() { { format!(" · {}", meta.join(", ")) } }
                { " " }
                <button type="button" class="link" data-testid="open-at-sentence" onclick={open}>{ "Read in context" }</button>
            </p>
        </li>
    }
}

fn ledger(env: &Env, g: &Graph, e: &GEdge) -> Html {
    let m = &env.corpus;
    let rt = &m.relation_types[e.rel as usize];
    let (s, t) = (&m.actors[e.source as usize].name, &m.actors[e.target as usize].name);
    let arrow = if rt.directed { "→" } else { "—" };
    let siblings = g.siblings(e);
    html! {
        <section class="ledger" data-testid="ledger" aria-labelledby="ledger-title">
            <h2 id="ledger-title">{ format!("{s} {arrow} {t}") }</h2>
            <p class="ledger-type">
                { format!("{} · {} sentence{}", rt.name, e.evidence.len(), if e.evidence.len() == 1 { "" } else { "s" }) }
                if e.contested { <span class="contested-badge" data-testid="contested">{ " ⚡ contested" }</span> }
            </p>
            <ol class="evidence-list">{ for e.evidence.iter().map(|ev| evidence_item(env, ev, &rt.name)) }</ol>
            if !siblings.is_empty() {
                <h3>{ if e.contested { "Conflicting and other evidence for this pair" } else { "Other relations of this pair" } }</h3>
                { for siblings.iter().map(|o| {
                    let name = &m.relation_types[o.rel as usize].name;
                    html! {
                        <section class="sibling" data-rel={m.relation_types[o.rel as usize].key.clone()}>
                            <h4>{ format!("{name} ({})", o.evidence.len()) }</h4>
                            <ol class="evidence-list">{ for o.evidence.iter().map(|ev| evidence_item(env, ev, name)) }</ol>
                        </section>
                    }
                }) }
            }
        </section>
    }
}

/// A relation type as seen from `a` towards `other`: directed types get an arrow
/// (`Support / patronage →` when `a` is the source, `←` when `other` is).
fn rel_label(m: &Model, a: u16, other: u16, r: u16, g: &Graph) -> String {
    let t = &m.relation_types[r as usize];
    if !t.directed {
        return t.name.clone();
    }
    let outgoing = g.edges.iter().any(|e| e.rel == r && e.source == a && e.target == other);
    let incoming = g.edges.iter().any(|e| e.rel == r && e.source == other && e.target == a);
    match (outgoing, incoming) {
        (true, false) => format!("{} →", t.name),
        (false, true) => format!("{} ←", t.name),
        _ => t.name.clone(),
    }
}

#[function_component(SelectionPanel)]
pub fn selection_panel(props: &SelectionPanelProps) -> Html {
    let env = use_context::<Env>().expect("Env");
    let m = &env.corpus;
    let g = &props.graph;
    let close = env.callback(|_: MouseEvent| Action::Select(None));
    let body = match props.selection {
        Selection::Edge(a, b, r) => match g.edges.iter().find(|e| (e.source, e.target, e.rel) == (a, b, r)) {
            Some(e) => ledger(&env, g, e),
            None => {
                html! { <p role="status">{ "This relation is not in the current view: its evidence is outside the filtered documents or hidden by the graph controls." }</p> }
            }
        },
        Selection::Actor(a) => {
            let actor = &m.actors[a as usize];
            let p = profile(m, g, &props.docs, a);
            let neighbours = g.neighbours(a);
            let announce = format!(
                "{}: {} neighbour{}{}",
                actor.name,
                neighbours.len(),
                if neighbours.len() == 1 { "" } else { "s" },
                neighbours
                    .iter()
                    .take(6)
                    .map(|(n, rels)| {
                        let types: Vec<String> =
                            rels.iter().map(|(r, c)| format!("{} {c}", m.relation_types[*r as usize].name)).collect();
                        format!("; {} ({})", m.actors[*n as usize].name, types.join(", "))
                    })
                    .collect::<String>()
            );
            html! {
                <section class="profile" data-testid="profile" aria-labelledby="profile-title">
                    <h2 id="profile-title">{ &actor.name }</h2>
                    <p class={classes!("kind", format!("kind-{}", actor.kind.slug()))}>{ actor.kind.as_str() }</p>
                    <p class="aliases"><b>{ "Aliases: " }</b>{ actor.aliases.join(", ") }</p>
                    <p class="visually-hidden" aria-live="polite" data-testid="neighbourhood">{ announce }</p>
                    <h3>{ "Relations by type" }</h3>
                    <ul class="by-type" data-testid="by-type">
                        { for p.by_type.iter().map(|(r, n, ev)| html! {
                            <li>{ format!("{}: {n} relation{}, {ev} sentence{}", m.relation_types[*r as usize].name, if *n == 1 { "" } else { "s" }, if *ev == 1 { "" } else { "s" }) }</li>
                        }) }
                    </ul>
                    <h3>{ "Neighbours" }</h3>
                    <ul class="neighbours">
                        { for neighbours.iter().map(|(n, rels)| {
                            let other = *n;
                            let pick = env.callback(move |_: MouseEvent| Action::Select(Some(Selection::Actor(other))));
                            let types: Vec<String> = rels.iter().map(|(r, c)| format!("{} {c}", rel_label(m, a, other, *r, g))).collect();
                            html! { <li><button type="button" class="link" onclick={pick}>{ &m.actors[other as usize].name }</button>{ format!(" ({})", types.join(", ")) }</li> }
                        }) }
                    </ul>
                    <h3>{ "Mentions per document" }</h3>
                    <ul class="per-doc" data-testid="per-doc">
                        { for p.per_doc.iter().map(|&(d, n)| {
                            let open = env.callback(move |_: MouseEvent| Action::Open(d, None));
                            html! { <li><button type="button" class="link" onclick={open}>{ &m.docs[d as usize].title }</button>{ format!(" ({n})") }</li> }
                        }) }
                    </ul>
                    <h3>{ "Most telling sentences" }</h3>
                    <ol class="evidence-list">
                        { for p.telling.iter().map(|ev| {
                            let e = m.edges.iter().find(|e| e.evidence.contains(ev)).map(|e| m.relation_types[e.rel as usize].name.clone()).unwrap_or_default();
                            evidence_item(&env, ev, &e)
                        }) }
                    </ol>
                </section>
            }
        }
    };
    html! {
        <aside class="selection-panel" aria-label="Selection">
            <div class="reader-bar">
                <button type="button" class="close" onclick={close} aria-label="Clear the selection (Esc)">{ "× Clear selection" }</button>
            </div>
            { body }
        </aside>
    }
}
