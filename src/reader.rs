//! The reader: metadata header with a citation to copy, theme tags, the clean text with
//! headings, actor mentions highlighted by kind (click one to filter by it), search hits
//! with next and previous, and a toggle to the original raw text.

use std::rc::Rc;

use ties_core::explore::View;
use ties_core::model::{BlockKind, DocId, Span};
use ties_core::reader::{citation, pieces};
use ties_core::search::query::parse;
use ties_core::state::{Action, Facet, State};
use yew::prelude::*;

use crate::app::{hits_in_open, Env};
use crate::dom;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub doc: DocId,
    pub state: State,
    pub view: Rc<View>,
}

#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let env = use_context::<Env>().expect("Env");
    let m = &env.corpus;
    let d = &m.docs[props.doc as usize];
    let s = &props.state;
    let copied = use_state(|| false);

    // Hit spans in this document (the search applies whatever the filters).
    let hits: Vec<Span> = {
        let q = parse(&s.query);
        if q.include.is_empty() {
            Vec::new()
        } else {
            env.explorer.index.search(&q).into_iter().find(|h| h.doc == props.doc).map(|h| h.spans).unwrap_or_default()
        }
    };
    let n = hits.len().max(hits_in_open(&props.view, s));
    let current = if n == 0 { 0 } else { s.hit.min(n - 1) };
    let focus = s.sentence.and_then(|i| d.sentences.get(i as usize).copied());

    {
        let key = (props.doc, current, s.sentence, s.raw);
        use_effect_with(key, move |(_, _, sentence, _)| {
            if sentence.is_some() {
                dom::scroll_to(".reader .focus");
            } else {
                dom::scroll_to(".reader mark.current");
            }
        });
    }
    {
        let copied = copied.clone();
        use_effect_with(props.doc, move |_| copied.set(false));
    }

    let close = env.callback(|_: MouseEvent| Action::Close);
    let raw = env.callback(|_: MouseEvent| Action::ToggleRaw);
    let step = |delta: isize| env.callback(move |_: MouseEvent| Action::StepHit { delta, len: n });
    let cite = citation(d);
    let copy = {
        let (cite, copied) = (cite.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| copied.set(dom::copy(&cite)))
    };
    let themes: Vec<(u16, u32)> = d.themes.iter().map(|t| (t.theme, t.hits)).collect();

    let body = if s.raw {
        html! { <pre class="raw" data-testid="raw-text">{ &d.raw }</pre> }
    } else {
        d.blocks
            .iter()
            .map(|b| {
                // Pieces of one mention (split by a hit) go inside one button.
                let mut groups: Vec<(Option<usize>, Vec<ties_core::reader::Piece>)> = Vec::new();
                for p in pieces(d, b.span, &hits, focus) {
                    match groups.last_mut() {
                        Some((m, list)) if p.mention.is_some() && *m == p.mention => list.push(p),
                        _ => groups.push((p.mention, vec![p])),
                    }
                }
                let content: Html = groups
                    .into_iter()
                    .map(|(mention, list)| {
                        let inner: Html = list
                            .iter()
                            .map(|p| {
                                let text = d.slice(p.span);
                                let html = match p.hit {
                                    Some(i) => html! {
                                        <mark class={classes!((i == current).then_some("current"))} data-hit={i.to_string()}>{ text }</mark>
                                    },
                                    None => html! { text },
                                };
                                if p.focus { html! { <span class="focus">{ html }</span> } } else { html }
                            })
                            .collect();
                        match mention.map(|i| d.mentions[i].actor) {
                            Some(a) => {
                                let actor = &m.actors[a as usize];
                                let onclick = env.callback(move |_: MouseEvent| Action::FocusActor(a));
                                html! {
                                    <button type="button" class={classes!("mention", format!("kind-{}", actor.kind.slug()))}
                                        data-actor={actor.key.clone()} title={format!("{} ({}): filter by this actor and select it in the graph", actor.name, actor.kind.as_str())}
                                        {onclick}>{ inner }</button>
                                }
                            }
                            None => inner,
                        }
                    })
                    .collect();
                match b.kind {
                    BlockKind::Heading => html! { <h3>{ content }</h3> },
                    BlockKind::Paragraph => html! { <p>{ content }</p> },
                }
            })
            .collect()
    };

    html! {
        <article class="reader" aria-labelledby="reader-title" data-testid="reader" data-key={d.key.clone()}>
            <div class="reader-bar">
                <button type="button" class="close" aria-label="Back to the results (Esc)" onclick={close}>{ "← Back" }</button>
                if n > 0 {
                    <span class="hit-nav">
                        <button type="button" aria-label="Previous hit (p)" onclick={step(-1)}>{ "↑" }</button>
                        <span data-testid="hit-position" aria-live="polite">{ format!("hit {} of {}", current + 1, n) }</span>
                        <button type="button" aria-label="Next hit (n)" onclick={step(1)}>{ "↓" }</button>
                    </span>
                }
                <button type="button" aria-pressed={s.raw.to_string()} data-testid="raw-toggle" onclick={raw}>
                    { if s.raw { "Show clean text" } else { "Show original text" } }
                </button>
            </div>
            <header class="reader-head">
                <h2 id="reader-title">{ &d.title }
                    if d.title_supplied { <span class="supplied">{ " [title supplied]" }</span> }
                </h2>
                <dl class="doc-meta">
                    <dt>{ "Source" }</dt><dd>{ or_unknown(&d.source) }</dd>
                    <dt>{ "Author" }</dt><dd>{ or_unknown(&d.author) }</dd>
                    <dt>{ "Date" }</dt><dd>{ or_unknown(&d.date) }</dd>
                    <dt>{ "URL" }</dt><dd>
                        if d.url.is_empty() { { or_unknown("") } } else if d.url.starts_with("https://") || d.url.starts_with("http://") { <a href={d.url.clone()} rel="noreferrer noopener" target="_blank">{ &d.url }</a> } else { { &d.url } }
                    </dd>
                    <dt>{ "File" }</dt><dd>{ &d.file }</dd>
                </dl>
                <p class="citation">
                    <span data-testid="citation">{ &cite }</span>{ " " }
                    <button type="button" data-testid="copy-citation" onclick={copy}>{ "Copy citation" }</button>
                    <span role="status" class="copied">{ if *copied { " Copied." } else { "" } }</span>
                </p>
                <ul class="tags" aria-label="Themes">
                    { for themes.iter().map(|&(t, c)| {
                        let onclick = env.callback(move |_: MouseEvent| Action::Toggle(Facet::Theme(t)));
                        html! { <li><button type="button" class="tag" {onclick} title="Filter by this theme">{ format!("{} ({c})", m.themes[t as usize].name) }</button></li> }
                    }) }
                </ul>
            </header>
            <div class="reader-body" data-testid="reader-body">{ body }</div>
        </article>
    }
}

fn or_unknown(s: &str) -> Html {
    if s.is_empty() {
        html! { <span class="unknown">{ "unknown" }</span> }
    } else {
        html! { s.to_string() }
    }
}
