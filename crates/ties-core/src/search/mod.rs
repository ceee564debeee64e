//! Full-text search over the cleaned text: an inverted index built from the model,
//! the query syntax of [`query`], BM25 ranking, and snippets with the hits marked.

pub mod query;
pub mod tokens;

use std::collections::HashMap;

use crate::model::{DocId, Model, Span};
use query::{Query, Term};
use tokens::{tokens, Token};

const K1: f32 = 1.2;
const B: f32 = 0.75;

#[derive(Debug, Clone, Default)]
pub struct Index {
    docs: Vec<Vec<Token>>,
    /// term -> (doc, token positions), docs ascending.
    postings: HashMap<String, Vec<(DocId, Vec<u32>)>>,
    /// Sorted vocabulary, for prefix expansion.
    vocab: Vec<String>,
    avg_len: f32,
}

/// One document's match: its BM25 score and the byte spans of every hit.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub doc: DocId,
    pub score: f32,
    pub spans: Vec<Span>,
}

impl Index {
    pub fn build(model: &Model) -> Index {
        let docs: Vec<Vec<Token>> = model.docs.iter().map(|d| tokens(&d.text)).collect();
        let mut postings: HashMap<String, Vec<(DocId, Vec<u32>)>> = HashMap::new();
        for (d, toks) in docs.iter().enumerate() {
            for (i, t) in toks.iter().enumerate() {
                let list = postings.entry(t.text.clone()).or_default();
                match list.last_mut() {
                    Some((doc, pos)) if *doc == d as DocId => pos.push(i as u32),
                    _ => list.push((d as DocId, vec![i as u32])),
                }
            }
        }
        let mut vocab: Vec<String> = postings.keys().cloned().collect();
        crate::order::sort(&mut vocab);
        let total: usize = docs.iter().map(Vec::len).sum();
        let avg_len = if docs.is_empty() { 1.0 } else { (total as f32 / docs.len() as f32).max(1.0) };
        Index { docs, postings, vocab, avg_len }
    }

    /// Token-index ranges `[start, end)` where `term` occurs in each document.
    fn occurrences(&self, term: &Term) -> HashMap<DocId, Vec<(u32, u32)>> {
        let mut out: HashMap<DocId, Vec<(u32, u32)>> = HashMap::new();
        match term {
            Term::Word(w) => {
                for (d, pos) in self.postings.get(w).into_iter().flatten() {
                    out.insert(*d, pos.iter().map(|&p| (p, p + 1)).collect());
                }
            }
            Term::Prefix(p) => {
                let start = self.vocab.partition_point(|v| v.as_str() < p.as_str());
                for w in self.vocab[start..].iter().take_while(|v| v.starts_with(p.as_str())) {
                    for (d, pos) in &self.postings[w] {
                        out.entry(*d).or_default().extend(pos.iter().map(|&p| (p, p + 1)));
                    }
                }
                out.values_mut().for_each(crate::order::sort);
            }
            Term::Phrase(words) => {
                for (d, pos) in self.postings.get(&words[0]).into_iter().flatten() {
                    let toks = &self.docs[*d as usize];
                    let found: Vec<(u32, u32)> = pos
                        .iter()
                        .filter(|&&p| {
                            words
                                .iter()
                                .enumerate()
                                .all(|(k, w)| toks.get(p as usize + k).is_some_and(|t| &t.text == w))
                        })
                        .map(|&p| (p, p + words.len() as u32))
                        .collect();
                    if !found.is_empty() {
                        out.insert(*d, found);
                    }
                }
            }
        }
        out
    }

    /// Documents matching every included term and no excluded one, best first. An
    /// empty query matches nothing here: the caller treats it as "no search".
    pub fn search(&self, q: &Query) -> Vec<Hit> {
        let n = self.docs.len() as f32;
        let excluded: Vec<DocId> = q.exclude.iter().flat_map(|t| self.occurrences(t).into_keys()).collect();
        let mut candidates: Option<Vec<DocId>> =
            if q.include.is_empty() { Some((0..self.docs.len() as DocId).collect()) } else { None };
        let mut scores: HashMap<DocId, (f32, Vec<Span>)> = HashMap::new();
        for term in &q.include {
            let occ = self.occurrences(term);
            let df = occ.len() as f32;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            let docs: Vec<DocId> = occ.keys().copied().collect();
            candidates = Some(match candidates {
                None => docs,
                Some(c) => c.into_iter().filter(|d| occ.contains_key(d)).collect(),
            });
            for (d, ranges) in occ {
                let toks = &self.docs[d as usize];
                let tf = ranges.len() as f32;
                let len = toks.len() as f32;
                let e = scores.entry(d).or_default();
                e.0 += idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / self.avg_len));
                e.1.extend(
                    ranges
                        .iter()
                        .map(|&(a, b)| Span { start: toks[a as usize].span.start, end: toks[b as usize - 1].span.end }),
                );
            }
        }
        let mut hits: Vec<Hit> = candidates
            .unwrap_or_default()
            .into_iter()
            .filter(|d| !excluded.contains(d))
            .map(|d| {
                let (score, mut spans) = scores.remove(&d).unwrap_or_default();
                crate::order::sort_dedup(&mut spans);
                Hit { doc: d, score, spans }
            })
            .collect();
        crate::order::sort_by(&mut hits, |a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        hits
    }
}

/// A short excerpt with the hits marked (offsets relative to `text`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub marks: Vec<(usize, usize)>,
    /// Whether text was cut at the start and at the end.
    pub cut: (bool, bool),
}

const SNIPPET_CHARS: usize = 220;

/// The sentence that holds the most distinct hit words, then the most hits (or the
/// opening of the text), trimmed to about 220 characters around its first hit.
pub fn snippet(text: &str, sentences: &[Span], hits: &[Span]) -> Snippet {
    let score = |s: &Span| {
        let inside: Vec<String> =
            hits.iter().filter(|h| s.contains(**h)).map(|h| tokens::fold(&text[h.range()])).collect();
        let mut distinct = inside.clone();
        crate::order::sort_dedup(&mut distinct);
        (distinct.len(), inside.len(), std::cmp::Reverse(s.start))
    };
    let best = sentences
        .iter()
        .max_by_key(|s| score(s))
        .copied()
        .filter(|s| hits.iter().any(|h| s.contains(*h)))
        .or_else(|| sentences.first().copied())
        .unwrap_or(Span::new(0, text.len().min(SNIPPET_CHARS)));
    let first = hits.iter().find(|h| best.contains(**h)).map_or(best.start as usize, |h| h.start as usize);
    let mut start = best.start as usize;
    if first.saturating_sub(start) > SNIPPET_CHARS / 2 {
        start = floor_char(text, first - SNIPPET_CHARS / 3);
        start = text[start..first].find(' ').map_or(start, |i| start + i + 1);
    }
    let mut end = best.end as usize;
    if end - start > SNIPPET_CHARS {
        end = floor_char(text, start + SNIPPET_CHARS);
        end = text[first.max(start)..end].rfind(' ').map_or(end, |i| first.max(start) + i);
    }
    let marks = hits
        .iter()
        .filter(|h| h.start as usize >= start && h.end as usize <= end)
        .map(|h| (h.start as usize - start, h.end as usize - start))
        .collect();
    Snippet { text: text[start..end].to_string(), marks, cut: (start > best.start as usize, end < best.end as usize) }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests;
