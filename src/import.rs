//! "Add documents": the user's own `.txt` files, processed in the page by the same core
//! and lexicon as the seeds. Imported documents last for the session (they are not in
//! the embedded corpus, so links to them do not survive a reload).

use std::rc::Rc;

use ties_core::pipeline::{extend, import_file};
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::corpus::Corpus;

#[derive(Properties, PartialEq)]
pub struct ImportProps {
    pub corpus: Corpus,
    pub on_import: Callback<Corpus>,
}

async fn read(file: web_sys::File) -> (String, Vec<u8>) {
    let buf = JsFuture::from(file.array_buffer()).await.unwrap_or_default();
    (file.name(), js_sys::Uint8Array::new(&buf).to_vec())
}

#[function_component(Import)]
pub fn import(props: &ImportProps) -> Html {
    let status = use_state(String::new);
    let onchange = {
        let (corpus, on_import, status) = (props.corpus.clone(), props.on_import.clone(), status.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(list) = input.files() else { return };
            let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
            input.set_value("");
            let (corpus, on_import, status) = (corpus.clone(), on_import.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let mut keys: Vec<String> = corpus.docs.iter().map(|d| d.key.clone()).collect();
                let (mut inputs, mut problems) = (Vec::new(), Vec::new());
                for f in files {
                    let (name, bytes) = read(f).await;
                    match import_file(&name, &bytes, &keys) {
                        Ok(doc) => {
                            keys.push(doc.meta.key.clone());
                            inputs.push(doc);
                        }
                        Err(e) => problems.push(format!("{} {}", e.file, e.message)),
                    }
                }
                let mut msg = match inputs.len() {
                    0 => String::new(),
                    n => format!("Added {n} document{}. ", if n == 1 { "" } else { "s" }),
                };
                if !problems.is_empty() {
                    msg.push_str(&format!("Not added: {}.", problems.join("; ")));
                }
                status.set(msg);
                if !inputs.is_empty() {
                    on_import.emit(Corpus(Rc::new(extend(&corpus, &inputs))));
                }
            });
        })
    };
    html! {
        <span class="import">
            <label class="button-like">
                { "Add documents" }
                <input id="import" class="visually-hidden" type="file" multiple=true accept=".txt,text/plain"
                    aria-label="Add documents: plain-text files processed in this page" {onchange} />
            </label>
            <span role="status" data-testid="import-status" class="import-status">{ (*status).clone() }</span>
        </span>
    }
}
