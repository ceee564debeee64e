//! The root component: loads the embedded corpus, owns the reducer, and runs the
//! effects (URL hash and history, global keyboard shortcuts). Everything it renders is
//! computed by the core from `State`.

use std::rc::Rc;

use gloo::events::EventListener;
use std::cell::RefCell;

use ties_core::explore::{Explorer, View};
use ties_core::graph::Graph;
use ties_core::layout::Layout;
use ties_core::set::Set;
use ties_core::state::{apply, from_hash, to_hash, Action, Selection, State, ViewMode};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::corpus::{self, Corpus};
use crate::dom;
use crate::edge_table::EdgeTable;
use crate::facets::FacetPanel;
use crate::graph_controls::GraphControls;
use crate::graph_view::GraphView;
use crate::reader::Reader;
use crate::results::Results;
use crate::search_bar::SearchBar;
use crate::selection_panel::SelectionPanel;

/// Yew's reducer delegates to the core's pure `apply`.
#[derive(Clone, PartialEq, Default)]
pub struct AppState(pub State);

impl Reducible for AppState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = apply(&self.0, action);
        if next == self.0 {
            self
        } else {
            Rc::new(AppState(next))
        }
    }
}

/// What every component reads: the corpus, its search index, and the dispatcher.
#[derive(Clone)]
pub struct Env {
    pub corpus: Corpus,
    pub explorer: Rc<Explorer>,
    pub dispatch: UseReducerDispatcher<AppState>,
}

impl PartialEq for Env {
    fn eq(&self, other: &Self) -> bool {
        self.corpus == other.corpus && Rc::ptr_eq(&self.explorer, &other.explorer)
    }
}

impl Env {
    pub fn callback<E>(&self, f: impl Fn(E) -> Action + 'static) -> Callback<E> {
        let d = self.dispatch.clone();
        Callback::from(move |e| d.dispatch(f(e)))
    }
    /// Like `callback`, for events that only sometimes mean an action (key presses).
    pub fn callback_filter<E>(&self, f: impl Fn(E) -> Option<Action> + 'static) -> Callback<E> {
        let d = self.dispatch.clone();
        Callback::from(move |e| {
            if let Some(a) = f(e) {
                d.dispatch(a)
            }
        })
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let corpus = use_memo((), |_| corpus::load());
    match &*corpus {
        Err(e) => html! {
            <main class="fatal" role="alert">
                <h1>{ "Ties could not read its corpus" }</h1>
                <p>{ format!("The embedded model is damaged ({e}). Rebuild the app from seeds/.") }</p>
            </main>
        },
        Ok(corpus) => html! { <Explore corpus={corpus.clone()} /> },
    }
}

#[derive(Properties, PartialEq)]
struct ExploreProps {
    corpus: Corpus,
}

/// Only the parts of the state that should not each make a history entry.
fn same_place(a: &State, b: &State) -> bool {
    let strip = |s: &State| State { query: String::new(), hit: 0, cursor: 0, ..s.clone() };
    strip(a) == strip(b)
}

#[function_component(Explore)]
fn explore(props: &ExploreProps) -> Html {
    let corpus = props.corpus.clone();
    let explorer = use_memo(corpus.clone(), |c| Explorer::new(c));
    let state = {
        let corpus = corpus.clone();
        use_reducer(move || AppState(from_hash(&corpus, &dom::hash())))
    };
    let env = Env { corpus: corpus.clone(), explorer: explorer.clone(), dispatch: state.dispatcher() };
    let view: Rc<View> = {
        let (explorer, corpus) = (explorer.clone(), corpus.clone());
        use_memo((state.0.clone(), corpus.clone()), move |(s, _)| explorer.view(&corpus, s))
    };

    // The graph is drawn from the documents the filters and search match (before the
    // graph's own selection narrows the list).
    let docs: Rc<Set<u16>> = {
        let explorer = explorer.clone();
        use_memo((state.0.clone(), corpus.clone()), move |(s, _)| explorer.visible_docs(s))
    };
    let graph: Rc<Graph> = {
        let (corpus, docs) = (corpus.clone(), docs.clone());
        let focus = match state.0.selection {
            Some(Selection::Actor(a)) => Some(a),
            Some(Selection::Edge(a, _, _)) => Some(a),
            None => None,
        };
        use_memo((docs.clone(), state.0.graph.clone(), focus, corpus.clone()), move |(_, opts, focus, _)| {
            Graph::build(&corpus, &docs, opts, *focus)
        })
    };
    let layout = use_mut_ref(|| Layout::new(42));
    let layout: Rc<RefCell<Layout>> = layout;
    let embed = use_memo((), |_| {
        let o = crate::embed::options();
        crate::embed::apply_theme(&o.theme);
        o
    });
    crate::embed::use_embedding(&corpus, &state.0, state.dispatcher());

    // The state lives in the URL hash: a new entry for each navigation, in place for
    // typing and cursor moves, so back and forward step through views.
    let last = use_mut_ref(|| state.0.clone());
    {
        let corpus = corpus.clone();
        use_effect_with(state.0.clone(), move |s| {
            let hash = to_hash(&corpus, s);
            if hash != dom::hash() {
                let push = !same_place(&last.borrow(), s);
                dom::set_hash(&hash, push);
            }
            *last.borrow_mut() = s.clone();
        });
    }
    {
        let (corpus, dispatch) = (corpus.clone(), state.dispatcher());
        use_effect_with((), move |_| {
            let restore = {
                let (corpus, dispatch) = (corpus.clone(), dispatch.clone());
                move |_: &Event| dispatch.dispatch(Action::Restore(from_hash(&corpus, &dom::hash())))
            };
            let pop = EventListener::new(&dom::window(), "popstate", restore.clone());
            let hashchange = EventListener::new(&dom::window(), "hashchange", restore);
            move || drop((pop, hashchange))
        });
    }

    // Keyboard: `/` search, arrows move through results, Enter opens, Esc clears,
    // `n`/`p` step through hits in the reader.
    let keys = use_mut_ref(|| (0usize, Vec::<u16>::new(), 0usize));
    *keys.borrow_mut() = (state.0.cursor, view.rows.iter().map(|r| r.doc).collect(), hits_in_open(&view, &state.0));
    {
        let (dispatch, keys) = (state.dispatcher(), keys.clone());
        use_effect_with((), move |_| {
            let listener = EventListener::new(&dom::document(), "keydown", move |e| {
                let e: &KeyboardEvent = e.unchecked_ref();
                if e.ctrl_key() || e.meta_key() || e.alt_key() {
                    return;
                }
                let typing = e.target().and_then(|t| dom::typing_in(&t));
                let in_search = typing.as_deref() == Some("search");
                let (cursor, rows, hits) = keys.borrow().clone();
                match e.key().as_str() {
                    "/" if typing.is_none() => {
                        e.prevent_default();
                        dom::focus("search");
                    }
                    "ArrowDown" | "ArrowUp" if typing.is_none() || in_search => {
                        e.prevent_default();
                        let delta = if e.key() == "ArrowDown" { 1 } else { -1 };
                        dispatch.dispatch(Action::MoveCursor { delta, len: rows.len() });
                    }
                    "Enter" if in_search || typing.is_none() && is_body_or_result(e) => {
                        if let Some(&doc) = rows.get(cursor) {
                            e.prevent_default();
                            dispatch.dispatch(Action::Open(doc, None));
                        }
                    }
                    "Escape" if typing.is_none() || in_search => {
                        dispatch.dispatch(Action::Escape);
                    }
                    "n" | "p" if typing.is_none() && hits > 0 => {
                        let delta = if e.key() == "n" { 1 } else { -1 };
                        dispatch.dispatch(Action::StepHit { delta, len: hits });
                    }
                    _ => {}
                }
            });
            move || drop(listener)
        });
    }

    // The graph and table keep the side column, so a selection never reflows the graph
    // under the pointer.
    let reading = state.0.open.is_some() || state.0.selection.is_some() || state.0.view != ViewMode::List;
    let tab = |mode: ViewMode, label: String, id: &'static str| {
        let onclick = state.dispatcher();
        let onclick = Callback::from(move |_: MouseEvent| onclick.dispatch(Action::SetView(mode)));
        html! { <button type="button" class="tab" data-testid={id} aria-pressed={(state.0.view == mode).to_string()} {onclick}>{ label }</button> }
    };
    let middle = match state.0.view {
        ViewMode::List => html! { <Results state={state.0.clone()} view={view.clone()} /> },
        ViewMode::Graph => html! {
            <section class="graph-pane" aria-label="Relationship graph">
                <GraphView graph={graph.clone()} state={state.0.clone()} layout={layout.clone()} />
            </section>
        },
        ViewMode::Table => html! {
            <section class="graph-pane" aria-label="Relations table">
                <EdgeTable graph={graph.clone()} state={state.0.clone()} />
            </section>
        },
    };
    // In the graph and table views, their controls head the sidebar, above the facets.
    let controls = if state.0.view == ViewMode::List {
        Html::default()
    } else {
        html! { <GraphControls graph={graph.clone()} state={state.0.clone()} layout={layout.clone()} /> }
    };
    let side = match (state.0.open, state.0.selection) {
        (Some(doc), _) => html! { <Reader {doc} state={state.0.clone()} view={view.clone()} /> },
        (None, Some(selection)) => html! { <SelectionPanel {selection} graph={graph.clone()} docs={docs.clone()} /> },
        (None, None) if state.0.view != ViewMode::List => html! {
            <aside class="selection-panel hint-panel" aria-label="Selection">
                <p>{ "Select an actor to see its profile, or a relation to see its evidence ledger: click it, or tab to it and press Enter." }</p>
                <p>{ "Drag a node to pin it; double-click to release it. Scroll or pinch to zoom; drag the background to pan." }</p>
            </aside>
        },
        (None, None) => html! {},
    };
    html! {
        <ContextProvider<Env> context={env}>
            <div class={classes!("layout", reading.then_some("reading"), (state.0.view != ViewMode::List).then_some("graphing"), embed.embed.then_some("embed"))}>
                <header class="app-header">
                    if !embed.embed {
                        <h1 class="brand">{ "Ties" }</h1>
                        <Summary />
                    }
                    <SearchBar state={state.0.clone()} view={view.clone()} />
                    if !embed.embed && !crate::embed::single_file() {
                        <a class="button-like" href="./ties.html" download="ties.html" data-testid="download-single"
                           title="The whole app in one HTML file that works offline, from disk: save it or email it">{ "Download as one file" }</a>
                    }
                </header>
                <FacetPanel state={state.0.clone()} view={view.clone()} top={controls} />
                <div class="middle">
                    <nav class="tabs" aria-label="Views">
                        { tab(ViewMode::List, format!("Documents ({})", view.rows.len()), "tab-list") }
                        { tab(ViewMode::Graph, format!("Graph ({} relations)", graph.edges.len()), "tab-graph") }
                        { tab(ViewMode::Table, "Table".to_string(), "tab-table") }
                    </nav>
                    { middle }
                </div>
                { side }
            </div>
        </ContextProvider<Env>>
    }
}

fn is_body_or_result(e: &KeyboardEvent) -> bool {
    e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_none_or(|el| {
        el.tag_name() == "BODY" || el.closest(".result-list").ok().flatten().is_some() && el.tag_name() != "BUTTON"
    })
}

/// Search hits in the open document.
pub fn hits_in_open(view: &View, s: &State) -> usize {
    s.open.and_then(|d| view.rows.iter().find(|r| r.doc == d)).map_or(0, |r| r.hits)
}

/// How much the extraction found, in one line.
#[function_component(Summary)]
fn summary() -> Html {
    let env = use_context::<Env>().expect("Env");
    let m = &env.corpus;
    let mentioned = env.explorer.facts.iter().flat_map(|f| f.actors.iter()).collect::<Set<_>>().len();
    let themes = env.explorer.facts.iter().flat_map(|f| f.themes.iter()).collect::<Set<_>>().len();
    let evidence: usize = m.edges.iter().map(|e| e.evidence.len()).sum();
    html! {
        <p class="summary" data-testid="summary">
            <span data-testid="count-docs"><b>{ m.docs.len() }</b>{ " documents" }</span>
            <span data-testid="count-actors"><b>{ mentioned }</b>{ " actors" }</span>
            <span data-testid="count-themes"><b>{ themes }</b>{ " themes" }</span>
            <span data-testid="count-relations"><b>{ m.edges.len() }</b>{ " relations" }</span>
            <span data-testid="count-evidence"><b>{ evidence }</b>{ " evidence sentences" }</span>
        </p>
    }
}
