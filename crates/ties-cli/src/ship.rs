//! `ties ship DIST`: the last build step, run after `trunk build`.
//!
//! - Adds a Content-Security-Policy meta tag to `index.html` that allows nothing
//!   external: scripts only from the app's own files plus the hashes of its two inline
//!   scripts, no connections but the app's own origin, no fonts, frames or objects.
//! - Adds a guard that tells a browser without WebAssembly what is wrong (a browser
//!   without JavaScript sees the `<noscript>` text).
//! - Writes `ties.html`: the whole app in one file (CSS, JS, and the wasm with the
//!   corpus model, base64-encoded and instantiated asynchronously), which works when
//!   opened from disk and can be emailed.

use std::fs;
use std::path::Path;

use base64::Engine;
use sha2::{Digest, Sha256};

/// Shown instead of the app when the browser has no WebAssembly.
const GUARD: &str = "if (!('WebAssembly' in window)) { document.addEventListener('DOMContentLoaded', function () { \
var p = document.createElement('p'); p.className = 'fatal'; p.setAttribute('role', 'alert'); \
p.textContent = 'Ties needs WebAssembly, which this browser does not provide. Open it in a current Chrome, Edge, Firefox or Safari.'; \
document.body.replaceChildren(p); }); }";

fn hash(text: &str) -> String {
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes())))
}

/// The text between `start` and the next `end` after it.
fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let i = s.find(start)? + start.len();
    let j = s[i..].find(end)? + i;
    Some(&s[i..j])
}

fn csp(scripts: &[&str], styles: &str, single_file: bool) -> String {
    let hashes: Vec<String> = scripts.iter().map(|s| hash(s)).collect();
    let own = if single_file { "" } else { "'self' " };
    format!(
        "default-src 'none'; script-src {own}'wasm-unsafe-eval' {}; style-src {styles}; img-src {own}data: blob:; \
         connect-src {}; font-src 'none'; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'",
        hashes.join(" "),
        if single_file { "'none'" } else { "'self'" }
    )
}

/// What `ship` wrote.
pub struct Shipped {
    pub single_file_bytes: usize,
}

pub fn ship(dist: &Path) -> Result<Shipped, String> {
    let read = |name: &str| fs::read_to_string(dist.join(name)).map_err(|e| format!("{}/{name}: {e}", dist.display()));
    let index = read("index.html")?;
    if index.contains("Content-Security-Policy") {
        return Err(format!("{}/index.html was shipped already: run trunk build again first", dist.display()));
    }
    let missing = |what: &str| format!("{}/index.html: no {what}; is it trunk's output?", dist.display());
    let module = between(&index, "<script type=\"module\">", "</script>").ok_or_else(|| missing("module script"))?;
    let css_name = between(&index, "<link rel=\"stylesheet\" href=\"./", "\"").ok_or_else(|| missing("stylesheet"))?;
    let js_name = between(module, "from './", "'").ok_or_else(|| missing("script import"))?;
    let wasm_name = between(module, "module_or_path: './", "'").ok_or_else(|| missing("wasm path"))?;

    // index.html: the CSP right after the charset (which must come first), then the guard.
    let policy = csp(&[GUARD, module], "'self'", false);
    let charset = "<meta charset=\"utf-8\">";
    if !index.contains(charset) {
        return Err(missing("charset meta"));
    }
    let head = format!(
        "{charset}\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n  <script>{GUARD}</script>"
    );
    fs::write(dist.join("index.html"), index.replacen(charset, &head, 1)).map_err(|e| e.to_string())?;

    // ties.html: one file.
    let css = read(css_name)?;
    let js = read(js_name)?;
    let wasm = fs::read(dist.join(wasm_name)).map_err(|e| format!("{}/{wasm_name}: {e}", dist.display()))?;
    let b64 = base64::engine::general_purpose::STANDARD.encode(&wasm);
    let single_module = format!(
        "{js}\nwindow.TIES_SINGLE_FILE = true;\nconst bytes = Uint8Array.from(atob(\"{b64}\"), c => c.charCodeAt(0));\nawait __wbg_init({{ module_or_path: bytes }});\n"
    );
    let policy = csp(&[GUARD, &single_module], &hash(&css), true);
    let noscript = between(&index, "<noscript>", "</noscript>").unwrap_or("Ties needs JavaScript and WebAssembly.");
    let single = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Ties</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>{css}</style>\n\
         <script>{GUARD}</script>\n<script type=\"module\">{single_module}</script>\n</head>\n<body>\n<noscript>{noscript}</noscript>\n</body>\n</html>\n"
    );
    fs::write(dist.join("ties.html"), &single).map_err(|e| e.to_string())?;
    Ok(Shipped { single_file_bytes: single.len() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_csp_sha256_sources() {
        // The SHA-256 of "" is well known.
        assert_eq!(hash(""), "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
        assert_eq!(between("a <b>c</b>", "<b>", "</b>"), Some("c"));
    }

    #[test]
    fn the_policy_allows_nothing_external() {
        let p = csp(&["x"], "'self'", false);
        assert!(p.starts_with("default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
        assert!(!p.contains("http") && !p.contains('*') && !p.contains("unsafe-inline"));
        assert!(csp(&["x"], "'none'", true).contains("connect-src 'none'"));
    }
}
