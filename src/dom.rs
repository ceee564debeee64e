//! The few browser effects the shell needs, in one place: the URL hash and history,
//! focus and scrolling, downloads and the clipboard.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlElement, HtmlInputElement};

pub fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

pub fn document() -> web_sys::Document {
    window().document().expect("a document")
}

/// The current hash without `#`, percent-escapes kept.
pub fn hash() -> String {
    window().location().hash().unwrap_or_default().trim_start_matches('#').to_string()
}

/// Writes the hash as a new history entry (`push`) or in place.
pub fn set_hash(hash: &str, push: bool) {
    let url = if hash.is_empty() {
        // Keep path and query, drop the hash entirely.
        let loc = window().location();
        format!("{}{}", loc.pathname().unwrap_or_default(), loc.search().unwrap_or_default())
    } else {
        format!("#{hash}")
    };
    let history = window().history().expect("history");
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

pub fn by_id<T: JsCast>(id: &str) -> Option<T> {
    document().get_element_by_id(id).and_then(|e| e.dyn_into::<T>().ok())
}

pub fn focus(id: &str) {
    if let Some(el) = by_id::<HtmlElement>(id) {
        let _ = el.focus();
        if let Ok(input) = el.dyn_into::<HtmlInputElement>() {
            input.select();
        }
    }
}

/// Scrolls the first element matching `selector` into the middle of its scroller.
pub fn scroll_to(selector: &str) {
    if let Ok(Some(el)) = document().query_selector(selector) {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

/// Whether keyboard focus is in a text field (where keys type, not navigate).
pub fn typing_in(target: &web_sys::EventTarget) -> Option<String> {
    let el = target.dyn_ref::<web_sys::Element>()?;
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT").then(|| el.id())
}

/// Offers `text` as a file download (a blob URL: no network).
pub fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document().create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.set_attribute("data-export", name).ok();
        let _ = document().body().map(|b| b.append_child(&a));
        a.click();
        a.remove();
    }
    let url2 = url.clone();
    gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url2);
    })
    .forget();
}

/// Clicks a temporary download link to `url` (a blob: or data: URL).
pub fn download_url(name: &str, url: &str) {
    if let Ok(a) = document().create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(url);
        a.set_download(name);
        let _ = document().body().map(|b| b.append_child(&a));
        a.click();
        a.remove();
    }
}

/// Copies text: the async clipboard API where allowed, else a selected textarea and
/// `execCommand("copy")` (file:// pages and older browsers).
pub fn copy(text: &str) -> bool {
    let doc = document();
    let Ok(el) = doc.create_element("textarea") else {
        return false;
    };
    let area: web_sys::HtmlTextAreaElement = el.unchecked_into();
    area.set_value(text);
    // A class, not a style attribute: the CSP allows no inline styles.
    area.set_class_name("offscreen");
    let Some(body) = doc.body() else { return false };
    let _ = body.append_child(&area);
    area.select();
    let html: web_sys::HtmlDocument = doc.clone().unchecked_into();
    let ok = html.exec_command("copy").unwrap_or(false);
    area.remove();
    if !ok {
        let _ = window().navigator().clipboard().write_text(text);
    }
    true
}
