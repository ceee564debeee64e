//! Running inside a host page (an iframe in an internal portal): embed mode without the
//! app's own header, theming through `--ties-*` custom properties (from the URL or a
//! message), views set by the host, and a `ties:selection` message to the parent
//! whenever the selection or the open document changes. Schema: EMBEDDING.md.

use gloo::events::EventListener;
use ties_core::embed::{parse_opts, parse_theme, selection_message, EmbedOpts};
use ties_core::state::{from_hash, Action, State};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::app::AppState;
use crate::corpus::Corpus;
use crate::dom;

pub fn options() -> EmbedOpts {
    let loc = dom::window().location();
    parse_opts(&loc.search().unwrap_or_default(), &loc.hash().unwrap_or_default())
}

/// Sets custom properties through the CSSOM (allowed by the CSP, unlike style attributes).
pub fn apply_theme(props: &[(String, String)]) {
    if let Some(root) = dom::document().document_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        for (k, v) in props {
            let _ = root.style().set_property(k, v);
        }
    }
}

fn parent() -> Option<web_sys::Window> {
    let w = dom::window();
    let p = w.parent().ok().flatten()?;
    (!JsValue::from(&p).loose_eq(&JsValue::from(&w))).then_some(p)
}

/// Whether this copy is the single-file build (which has no separate file to offer).
pub fn single_file() -> bool {
    js_sys::Reflect::get(&dom::window(), &JsValue::from_str("TIES_SINGLE_FILE")).is_ok_and(|v| v.is_truthy())
}

/// Posts `ties:selection` to the parent when the selection or the open document changes,
/// and takes `ties:set-view` and `ties:set-theme` from the parent only.
#[hook]
pub fn use_embedding(corpus: &Corpus, state: &State, dispatch: UseReducerDispatcher<AppState>) {
    let key = (state.selection, state.open);
    {
        let (corpus, state) = (corpus.clone(), state.clone());
        use_effect_with(key, move |_| {
            if let Some(p) = parent() {
                if let Ok(msg) = js_sys::JSON::parse(&selection_message(&corpus, &state)) {
                    let _ = p.post_message(&msg, "*");
                }
            }
        });
    }
    let corpus = corpus.clone();
    use_effect_with((), move |_| {
        let listener = EventListener::new(&dom::window(), "message", move |e| {
            let e: &web_sys::MessageEvent = e.unchecked_ref();
            let from_parent =
                parent().is_some_and(|p| e.source().is_some_and(|s| JsValue::from(&s).loose_eq(&JsValue::from(&p))));
            if !from_parent {
                return;
            }
            let data = e.data();
            let get = |k: &str| js_sys::Reflect::get(&data, &JsValue::from_str(k)).ok();
            match get("type").and_then(|t| t.as_string()).as_deref() {
                Some("ties:set-view") => {
                    if let Some(hash) = get("hash").and_then(|h| h.as_string()) {
                        dispatch.dispatch(Action::Restore(from_hash(&corpus, &hash)));
                    }
                }
                Some("ties:set-theme") => {
                    if let Some(props) = get("properties").filter(|p| p.is_object()) {
                        let obj: &js_sys::Object = props.unchecked_ref();
                        let decls: Vec<String> = js_sys::Object::entries(obj)
                            .iter()
                            .filter_map(|pair| {
                                let pair: js_sys::Array = pair.unchecked_into();
                                Some(format!("{}:{}", pair.get(0).as_string()?, pair.get(1).as_string()?))
                            })
                            .collect();
                        apply_theme(&parse_theme(&decls.join(";")));
                    }
                }
                _ => {}
            }
        });
        move || drop(listener)
    });
}
