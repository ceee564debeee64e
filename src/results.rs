//! The result list: active filters as removable chips, then one row per document with
//! its metadata and a snippet, or, when nothing matches, which filter to drop.

use std::rc::Rc;

use ties_core::explore::{Drop, View};
use ties_core::search::Snippet;
use ties_core::state::{Action, Facet, FacetKind, State};
use yew::prelude::*;

use crate::app::Env;
use crate::dom;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub state: State,
    pub view: Rc<View>,
}

pub fn facet_name(kind: &FacetKind) -> &'static str {
    match kind {
        FacetKind::Actor => "Actor",
        FacetKind::Source => "Source",
        FacetKind::Theme => "Theme",
        FacetKind::Year => "Year",
        FacetKind::Rel => "Relation type",
    }
}

/// Snippet text with the hits wrapped in `<mark>`, inserted as text nodes.
pub fn marked(s: &Snippet) -> Html {
    let mut out = Vec::new();
    let mut at = 0;
    if s.cut.0 {
        out.push(html! { "…" });
    }
    for &(a, b) in &s.marks {
        if a < at {
            continue;
        }
        out.push(html! { &s.text[at..a] });
        out.push(html! { <mark>{ &s.text[a..b] }</mark> });
        at = b;
    }
    out.push(html! { &s.text[at..] });
    if s.cut.1 {
        out.push(html! { "…" });
    }
    out.into_iter().collect()
}

#[function_component(Results)]
pub fn results(props: &ResultsProps) -> Html {
    let env = use_context::<Env>().expect("Env");
    let m = &env.corpus;
    let s = &props.state;
    let f = &s.filters;

    // Keep the keyboard cursor in view when it moves (not on first render, which
    // would scroll a phone's page past the header).
    let mounted = use_mut_ref(|| false);
    use_effect_with(s.cursor, move |c| {
        if *mounted.borrow() {
            dom::scroll_to(&format!("#result-{c}"));
        }
        *mounted.borrow_mut() = true;
    });

    let mut chips: Vec<(String, Facet)> = Vec::new();
    chips.extend(f.actors.iter().map(|&a| (format!("Actor: {}", m.actors[a as usize].name), Facet::Actor(a))));
    chips.extend(
        f.sources
            .iter()
            .map(|x| (format!("Source: {}", if x.is_empty() { "unknown" } else { x }), Facet::Source(x.clone()))),
    );
    chips.extend(f.themes.iter().map(|&t| (format!("Theme: {}", m.themes[t as usize].name), Facet::Theme(t))));
    chips.extend(
        f.years.iter().map(|y| (format!("Year: {}", y.map_or("unknown".into(), |y| y.to_string())), Facet::Year(*y))),
    );
    chips.extend(f.rels.iter().map(|&r| (format!("Relation: {}", m.relation_types[r as usize].name), Facet::Rel(r))));
    let clear_all = env.callback(|_: MouseEvent| Action::ClearAll);

    let empty = props.view.rows.is_empty().then(|| {
        let hint = props.view.empty_hint.as_ref().map(|h| {
            let what = match &h.drop {
                Drop::Query => format!("the search \u{201C}{}\u{201D}", s.query),
                Drop::Facet(k) => format!("the {} filter", facet_name(k)),
            };
            let action = match &h.drop {
                Drop::Query => Action::SetQuery(String::new()),
                Drop::Facet(k) => Action::ClearFacet(*k),
            };
            let onclick = env.callback(move |_: MouseEvent| action.clone());
            html! {
                <p>
                    { format!("Remove {what} to see {} document{}. ", h.would_match, if h.would_match == 1 { "" } else { "s" }) }
                    <button type="button" data-testid="apply-hint" {onclick}>{ format!("Remove {what}") }</button>
                </p>
            }
        });
        html! {
            <div class="empty" data-testid="empty" role="status">
                <p><b>{ "No documents match." }</b></p>
                { hint.unwrap_or_else(|| html! { <p>{ "Nothing in the corpus matches this search." }</p> }) }
            </div>
        }
    });

    html! {
        <section class="results" aria-label="Results">
            if !chips.is_empty() || !s.query.is_empty() {
                <div class="chips" data-testid="chips">
                    { for chips.into_iter().map(|(label, facet)| {
                        let onclick = env.callback(move |_: MouseEvent| Action::Toggle(facet.clone()));
                        html! {
                            <button type="button" class="chip" aria-label={format!("Remove filter {label}")} {onclick}>
                                { label }<span aria-hidden="true">{ " ×" }</span>
                            </button>
                        }
                    }) }
                    <button type="button" class="link" data-testid="clear-all" onclick={clear_all}>{ "Clear all" }</button>
                </div>
            }
            { empty.unwrap_or_default() }
            <p class="visually-hidden" aria-live="polite" data-testid="cursor-announce">
                { props.view.rows.get(s.cursor).map(|r| format!("Selected {} of {}: {}", s.cursor + 1, props.view.rows.len(), m.docs[r.doc as usize].title)).unwrap_or_default() }
            </p>
            <ol id="results" class="result-list" data-testid="doc-list" aria-label="Documents">
                { for props.view.rows.iter().enumerate().map(|(i, r)| {
                    let d = &m.docs[r.doc as usize];
                    let doc = r.doc;
                    let onclick = env.callback(move |_: MouseEvent| Action::Open(doc, None));
                    let selected = i == s.cursor;
                    let open = s.open == Some(doc);
                    html! {
                        <li id={format!("result-{i}")} aria-current={selected.then_some("true")} data-selected={selected.to_string()}
                            class={classes!("result", selected.then_some("cursor"), open.then_some("open"))}
                            data-testid="doc" data-key={d.key.clone()}>
                            <button type="button" class="result-open" {onclick}>
                                <span class="doc-title">{ &d.title }
                                    if d.title_supplied { <span class="supplied" title="The text carries no title; the catalog supplied this one">{ " [title supplied]" }</span> }
                                </span>
                            </button>
                            <div class="doc-meta">
                                <span data-field="source">{ if d.source.is_empty() { "unknown" } else { &d.source } }</span>
                                { " · " }<span data-field="author">{ if d.author.is_empty() { "unknown" } else { &d.author } }</span>
                                { " · " }<span data-field="date">{ if d.date.is_empty() { "unknown" } else { &d.date } }</span>
                                if r.hits > 0 { <span class="hits">{ format!(" · {} hit{}", r.hits, if r.hits == 1 { "" } else { "s" }) }</span> }
                            </div>
                            <p class="snippet" data-testid="snippet">{ marked(&r.snippet) }</p>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
