//! The search box, the result count, what the query parser had to say, and exports.

use std::rc::Rc;

use ties_core::explore::View;
use ties_core::export::{results_csv, results_json};
use ties_core::state::{Action, State};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::Env;
use crate::dom;

#[derive(Properties, PartialEq)]
pub struct SearchBarProps {
    pub state: State,
    pub view: Rc<View>,
}

#[function_component(SearchBar)]
pub fn search_bar(props: &SearchBarProps) -> Html {
    let env = use_context::<Env>().expect("Env");
    let oninput = env.callback(|e: InputEvent| Action::SetQuery(e.target_unchecked_into::<HtmlInputElement>().value()));
    let export = |json: bool| {
        let (env, view) = (env.clone(), props.view.clone());
        Callback::from(move |_| {
            if json {
                dom::download("ties-results.json", "application/json", &results_json(&env.corpus, &view));
            } else {
                dom::download("ties-results.csv", "text/csv", &results_csv(&env.corpus, &view));
            }
        })
    };
    html! {
        <div class="search-bar" role="search">
            <input
                id="search"
                type="search"
                aria-label="Search the documents"
                aria-controls="results"
                placeholder="Search: words, \"exact phrase\", -exclude, prefix*   (press /)"
                autocomplete="off"
                spellcheck="false"
                value={props.state.query.clone()}
                {oninput}
            />
            <span class="count" data-testid="result-count" aria-live="polite">
                { format!("{} of {} documents", props.view.rows.len(), env.corpus.docs.len()) }
            </span>
            <span class="exports">
                <button type="button" data-testid="export-csv" aria-label="Export the result list as CSV" onclick={export(false)}>{ "CSV" }</button>
                <button type="button" data-testid="export-json" aria-label="Export the result list as JSON" onclick={export(true)}>{ "JSON" }</button>
            </span>
            if !props.view.notes.is_empty() {
                <p class="notes" data-testid="query-notes" role="status">{ props.view.notes.join("; ") }</p>
            }
        </div>
    }
}
