//! The graph's edges as a sortable, keyboard-usable table: actor, relation type, actor,
//! evidence count. Selecting a row selects the edge, as clicking it in the graph does.

use std::rc::Rc;

use ties_core::graph::Graph;
use ties_core::state::{Action, Selection, State};
use yew::prelude::*;

use crate::app::Env;

#[derive(Clone, Copy, PartialEq)]
enum Col {
    Source,
    Rel,
    Target,
    Evidence,
}

#[derive(Properties, PartialEq)]
pub struct EdgeTableProps {
    pub graph: Rc<Graph>,
    pub state: State,
}

#[function_component(EdgeTable)]
pub fn edge_table(props: &EdgeTableProps) -> Html {
    let env = use_context::<Env>().expect("Env");
    let m = &env.corpus;
    let sort = use_state(|| (Col::Evidence, false));
    let (col, asc) = *sort;
    let mut rows: Vec<&ties_core::graph::GEdge> = props.graph.edges.iter().collect();
    let name = |a: u16| ties_core::search::tokens::fold(&m.actors[a as usize].name);
    ties_core::order::sort_by(&mut rows, |a, b| {
        let o = match col {
            Col::Source => name(a.source).cmp(&name(b.source)),
            Col::Target => name(a.target).cmp(&name(b.target)),
            Col::Rel => m.relation_types[a.rel as usize].name.cmp(&m.relation_types[b.rel as usize].name),
            Col::Evidence => a.evidence.len().cmp(&b.evidence.len()),
        };
        if asc {
            o
        } else {
            o.reverse()
        }
    });
    let header = |c: Col, label: &'static str| {
        let sort = sort.clone();
        let onclick =
            Callback::from(move |_: MouseEvent| sort.set((c, if col == c { !asc } else { c != Col::Evidence })));
        let aria = if col == c {
            if asc {
                "ascending"
            } else {
                "descending"
            }
        } else {
            "none"
        };
        html! { <th scope="col" aria-sort={aria}><button type="button" {onclick}>{ label }{ if col == c { if asc { " ▲" } else { " ▼" } } else { "" } }</button></th> }
    };
    html! {
        <div class="table-wrap">
            <table class="edge-table" data-testid="edge-table">
                <caption>{ format!("{} relations among the documents in view", rows.len()) }</caption>
                <thead><tr>
                    { header(Col::Source, "Actor") }{ header(Col::Rel, "Relation") }{ header(Col::Target, "Actor") }{ header(Col::Evidence, "Evidence") }
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|e| {
                        let sel = Selection::Edge(e.source, e.target, e.rel);
                        let selected = props.state.selection == Some(sel);
                        let onclick = env.callback(move |_: MouseEvent| Action::Select(Some(sel)));
                        let onkeydown = env.callback_filter(move |ev: KeyboardEvent| matches!(ev.key().as_str(), "Enter" | " ").then_some(Action::Select(Some(sel))));
                        let rt = &m.relation_types[e.rel as usize];
                        html! {
                            <tr tabindex="0" class={classes!(selected.then_some("selected"))} aria-current={selected.then_some("true")} {onclick} {onkeydown}
                                data-edge={format!("{}-{}-{}", m.actors[e.source as usize].key, rt.key, m.actors[e.target as usize].key)}>
                                <td>{ &m.actors[e.source as usize].name }</td>
                                <td>{ &rt.name }{ if rt.directed { " →" } else { "" } }{ if e.contested { " ⚡" } else { "" } }</td>
                                <td>{ &m.actors[e.target as usize].name }</td>
                                <td class="num">{ e.evidence.len() }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
