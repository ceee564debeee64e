//! Exports of the current result list as CSV (RFC 4180) and JSON, written by hand so
//! the browser bundle needs no JSON library.

use crate::explore::View;
use crate::model::Model;

/// One CSV field, quoted when it must be (RFC 4180).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

const COLUMNS: [&str; 9] = ["rank", "key", "title", "source", "author", "date", "url", "score", "snippet"];

fn fields(model: &Model, view: &View) -> Vec<[String; 9]> {
    view.rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let d = &model.docs[r.doc as usize];
            [
                (i + 1).to_string(),
                d.key.clone(),
                d.title.clone(),
                d.source.clone(),
                d.author.clone(),
                d.date.clone(),
                d.url.clone(),
                crate::num::Fixed(r.score as f64, 3).to_string(),
                r.snippet.text.clone(),
            ]
        })
        .collect()
}

pub fn results_csv(model: &Model, view: &View) -> String {
    csv_table(&COLUMNS, fields(model, view).iter().map(|r| &r[..]))
}

/// A CSV file: the header, then one CRLF-terminated row per record, each field quoted as
/// needed. Shared by the result list and the evidence pack.
pub fn csv_table<'a>(columns: &[&str], rows: impl Iterator<Item = &'a [String]>) -> String {
    let mut out = columns.join(",") + "\r\n";
    for row in rows {
        out.push_str(&row.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

pub fn results_json(model: &Model, view: &View) -> String {
    let rows: Vec<String> = fields(model, view)
        .iter()
        .map(|row| {
            let pairs: Vec<String> = COLUMNS
                .iter()
                .zip(row)
                .map(|(k, v)| match *k {
                    "rank" | "score" => format!("\"{k}\":{v}"),
                    _ => format!("\"{k}\":{}", json_string(v)),
                })
                .collect();
            format!("{{{}}}", pairs.join(","))
        })
        .collect();
    format!("[{}]", rows.join(",\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(csv_field("a,\"b\"\nc"), "\"a,\"\"b\"\"\nc\"");
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(json_string("q\"\\\n\u{1}é"), "\"q\\\"\\\\\\n\\u0001é\"");
    }
}
