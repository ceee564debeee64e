//! The root component: loads the embedded corpus and lays out the first screen.

use yew::prelude::*;

use crate::corpus::{self, Corpus};
use crate::doc_list::DocList;

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
        Ok(corpus) => html! {
            <>
                <header class="app-header">
                    <h1>{ "Ties" }</h1>
                    <Summary corpus={corpus.clone()} />
                </header>
                <main>
                    <DocList corpus={corpus.clone()} />
                </main>
            </>
        },
    }
}

#[derive(Properties, PartialEq)]
struct SummaryProps {
    corpus: Corpus,
}

/// How much the extraction found, in one line.
#[function_component(Summary)]
fn summary(props: &SummaryProps) -> Html {
    let m = &props.corpus;
    let mentioned = (0..m.actors.len())
        .filter(|&a| {
            m.docs
                .iter()
                .any(|d| d.mentions.iter().any(|x| x.actor as usize == a))
        })
        .count();
    let themes = (0..m.themes.len())
        .filter(|&t| {
            m.docs
                .iter()
                .any(|d| d.theme_hits.iter().any(|h| h.theme as usize == t))
        })
        .count();
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
