//! Ties in the browser: a thin Yew shell over `ties-core`. It renders the state and
//! dispatches actions; cleaning, extraction, queries and layout all live in the core.

mod app;
mod corpus;
mod doc_list;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
