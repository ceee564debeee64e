//! Ties in the browser: a thin Yew shell over `ties-core`. It renders the state and
//! dispatches actions; cleaning, extraction, queries and layout all live in the core.

mod app;
mod corpus;
mod dom;
mod edge_table;
mod embed;
mod facets;
mod graph_controls;
mod graph_view;
mod reader;
mod results;
mod search_bar;
mod selection_panel;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
