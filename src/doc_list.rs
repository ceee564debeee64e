//! The list of documents with their catalog metadata.

use yew::prelude::*;

use crate::corpus::Corpus;

#[derive(Properties, PartialEq)]
pub struct DocListProps {
    pub corpus: Corpus,
}

#[function_component(DocList)]
pub fn doc_list(props: &DocListProps) -> Html {
    let unknown = |s: &str| {
        if s.is_empty() {
            html! { <span class="unknown">{ "unknown" }</span> }
        } else {
            html! { s.to_string() }
        }
    };
    html! {
        <section aria-labelledby="docs-heading">
            <h2 id="docs-heading">{ "Documents" }</h2>
            <ol class="doc-list" data-testid="doc-list">
                { for props.corpus.docs.iter().map(|d| html! {
                    <li class="doc" data-testid="doc" data-key={d.key.clone()}>
                        <h3 class="doc-title">
                            { &d.title }
                            if d.title_supplied { <span class="supplied" title="The text carries no title; the catalog supplied this one">{ " [title supplied]" }</span> }
                        </h3>
                        <dl class="doc-meta">
                            <dt>{ "Source" }</dt><dd data-field="source">{ unknown(&d.source) }</dd>
                            <dt>{ "Author" }</dt><dd data-field="author">{ unknown(&d.author) }</dd>
                            <dt>{ "Date" }</dt><dd data-field="date">{ unknown(&d.date) }</dd>
                        </dl>
                    </li>
                }) }
            </ol>
        </section>
    }
}
