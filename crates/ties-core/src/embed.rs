//! Embedding in a host page: the options a host sets through the URL, and the message
//! the app posts to its parent when the selection changes (schema in EMBEDDING.md).

use crate::export::json_string;
use crate::model::Model;
use crate::state::{to_hash, Selection, State};

/// What the host asked for in the URL query (`?embed=1&theme=--ties-accent:%23c00`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmbedOpts {
    pub embed: bool,
    /// Custom properties to set on the document: only `--ties-*` names, and values
    /// without anything that could load or break out (`url(`, `;`, braces, quotes).
    pub theme: Vec<(String, String)>,
}

fn dec(s: &str) -> String {
    crate::state::from_hash_value(s)
}

/// Reads `?embed=1&theme=name:value;name:value` (and `embed=1` in the hash). Total.
pub fn parse_opts(query: &str, hash: &str) -> EmbedOpts {
    let mut o = EmbedOpts::default();
    let pairs = query.trim_start_matches('?').split('&').chain(hash.trim_start_matches('#').split('&'));
    for pair in pairs {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        match k {
            "embed" => o.embed = v == "1" || v == "true",
            "theme" => o.theme.extend(parse_theme(&dec(v))),
            _ => {}
        }
    }
    o
}

pub fn parse_theme(s: &str) -> Vec<(String, String)> {
    s.split(';')
        .filter_map(|decl| {
            let (name, value) = decl.split_once(':')?;
            let (name, value) = (name.trim(), value.trim());
            let name_ok = name.starts_with("--ties-") && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
            let lower = value.to_ascii_lowercase();
            let value_ok = !value.is_empty()
                && value.len() <= 100
                && !lower.contains("url(")
                && !lower.contains("expression")
                && !value.contains(['{', '}', ';', '"', '\'', '\\', '<', '>']);
            (name_ok && value_ok).then(|| (name.to_string(), value.to_string()))
        })
        .collect()
}

/// The `ties:selection` message as JSON (the page parses it into an object to post).
pub fn selection_message(model: &Model, s: &State) -> String {
    let actor = |a: u16| {
        let x = &model.actors[a as usize];
        format!(
            "{{\"key\":{},\"name\":{},\"kind\":{}}}",
            json_string(&x.key),
            json_string(&x.name),
            json_string(x.kind.as_str())
        )
    };
    let selection = match s.selection {
        None => "null".to_string(),
        Some(Selection::Actor(a)) => format!("{{\"kind\":\"actor\",\"actor\":{}}}", actor(a)),
        Some(Selection::Edge(a, b, r)) => {
            let evidence =
                model.edges.iter().find(|e| (e.source, e.target, e.rel) == (a, b, r)).map_or(0, |e| e.evidence.len());
            format!(
                "{{\"kind\":\"edge\",\"source\":{},\"target\":{},\"relation\":{},\"evidence\":{evidence}}}",
                actor(a),
                actor(b),
                json_string(&model.relation_types[r as usize].key)
            )
        }
    };
    let document = s.open.and_then(|d| model.docs.get(d as usize)).map_or("null".to_string(), |d| {
        format!("{{\"key\":{},\"title\":{}}}", json_string(&d.key), json_string(&d.title))
    });
    format!(
        "{{\"type\":\"ties:selection\",\"version\":1,\"selection\":{selection},\"document\":{document},\"hash\":{}}}",
        json_string(&to_hash(model, s))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_come_from_the_query_or_the_hash() {
        assert!(parse_opts("?embed=1", "").embed);
        assert!(parse_opts("", "#q=x&embed=1").embed);
        assert!(!parse_opts("?embed=0", "").embed);
        let o = parse_opts("?theme=--ties-accent:%23c00;--ties-font:Georgia,serif", "");
        assert_eq!(
            o.theme,
            [
                ("--ties-accent".to_string(), "#c00".to_string()),
                ("--ties-font".to_string(), "Georgia,serif".to_string())
            ]
        );
    }

    #[test]
    fn theme_values_cannot_load_or_escape() {
        assert!(parse_theme("--ties-bg:url(http://x/y.png)").is_empty());
        assert!(parse_theme("--ties-bg:red}body{display:none").is_empty());
        assert!(parse_theme("color:red").is_empty(), "only --ties-* properties");
        assert!(parse_theme("--ties-x\"y:red").is_empty());
    }
}
