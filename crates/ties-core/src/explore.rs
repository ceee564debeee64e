//! The explorer's view of the corpus under a state: the matching documents (ranked when
//! searching), a snippet each, live facet counts, and what to drop when nothing matches.
//!
//! Facets combine with AND; values within a facet with OR, except the Actor facet in
//! "all selected" mode, where a document must name every selected actor. A value's count
//! is the number of documents carrying it among those that match the search and every
//! other facet (its own facet's selection set aside, so OR values stay comparable): the
//! usual disjunctive faceting of search engines. In "all selected" mode the actor counts
//! honour the selection: documents naming that actor and every selected one.

use crate::set::Set;

use crate::model::{ActorId, ActorKind, DocId, Model, RelTypeId, ThemeId};
use crate::search::query::{parse, Query};
use crate::search::{snippet, Hit, Index, Snippet};
use crate::state::{ActorMode, FacetKind, Filters, Selection, State, YearKey};

/// What each document carries for filtering.
#[derive(Debug, Clone, Default)]
pub struct DocFacts {
    pub actors: Set<ActorId>,
    pub source: String,
    pub themes: Set<ThemeId>,
    pub year: YearKey,
    pub rels: Set<RelTypeId>,
}

/// Everything built once per model: facts per document and the search index.
#[derive(Debug, Clone)]
pub struct Explorer {
    pub facts: Vec<DocFacts>,
    pub index: Index,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub doc: DocId,
    pub score: f32,
    pub snippet: Snippet,
    /// Search hits in the document (for the reader's next/previous).
    pub hits: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count<T> {
    pub value: T,
    pub count: usize,
    pub selected: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FacetCounts {
    /// Grouped by kind, in `ActorKind::ALL` order; most frequent first within a kind.
    pub actors: Vec<(ActorKind, Vec<Count<ActorId>>)>,
    pub sources: Vec<Count<String>>,
    pub themes: Vec<Count<ThemeId>>,
    pub years: Vec<Count<YearKey>>,
    pub rels: Vec<Count<RelTypeId>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct View {
    pub rows: Vec<Row>,
    pub facets: FacetCounts,
    /// What the query parser ignored or repaired.
    pub notes: Vec<String>,
    /// When nothing matches: the filter whose removal brings the most documents back.
    pub empty_hint: Option<Hint>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drop {
    Query,
    Facet(FacetKind),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub drop: Drop,
    pub would_match: usize,
}

impl Explorer {
    pub fn new(model: &Model) -> Explorer {
        let facts = model
            .docs
            .iter()
            .enumerate()
            .map(|(i, d)| DocFacts {
                actors: d.mentions.iter().map(|m| m.actor).collect(),
                source: d.source.clone(),
                themes: d.theme_hits.iter().map(|h| h.theme).collect(),
                year: d.year(),
                rels: model
                    .edges
                    .iter()
                    .filter(|e| e.evidence.iter().any(|ev| ev.doc as usize == i))
                    .map(|e| e.rel)
                    .collect(),
            })
            .collect();
        Explorer { facts, index: Index::build(model) }
    }

    /// Search hits per document, or `None` when there is no query (all match).
    fn search(&self, q: &Query) -> Option<Vec<Hit>> {
        (!q.is_empty()).then(|| self.index.search(q))
    }

    fn passes(&self, doc: usize, f: &Filters, skip: Option<FacetKind>) -> bool {
        let d = &self.facts[doc];
        let ok = |kind: FacetKind, test: bool| skip == Some(kind) || test;
        ok(
            FacetKind::Actor,
            f.actors.is_empty()
                || match f.actor_mode {
                    ActorMode::Any => f.actors.iter().any(|a| d.actors.contains(a)),
                    ActorMode::All => f.actors.is_subset(&d.actors),
                },
        ) && ok(FacetKind::Source, f.sources.is_empty() || f.sources.contains(&d.source))
            && ok(FacetKind::Theme, f.themes.is_empty() || f.themes.iter().any(|t| d.themes.contains(t)))
            && ok(FacetKind::Year, f.years.is_empty() || f.years.contains(&d.year))
            && ok(FacetKind::Rel, f.rels.is_empty() || f.rels.iter().any(|r| d.rels.contains(r)))
    }

    /// Documents passing the search and the filters.
    fn matching(&self, hits: &Option<Vec<Hit>>, f: &Filters, skip: Option<FacetKind>) -> Vec<usize> {
        let base: Vec<usize> = match hits {
            Some(h) => h.iter().map(|h| h.doc as usize).collect(),
            None => (0..self.facts.len()).collect(),
        };
        base.into_iter().filter(|&d| self.passes(d, f, skip)).collect()
    }

    /// Documents matching the search and filters, before any graph selection: what the
    /// relationship graph is drawn from.
    pub fn visible_docs(&self, state: &State) -> Set<DocId> {
        let hits = self.search(&parse(&state.query));
        self.matching(&hits, &state.filters, None).into_iter().map(|d| d as DocId).collect()
    }

    /// Documents that hold the selected node (a mention) or edge (an evidence sentence).
    pub fn selected_docs(model: &Model, sel: Selection) -> Set<DocId> {
        match sel {
            Selection::Actor(a) => (0..model.docs.len())
                .filter(|&d| model.docs[d].mentions.iter().any(|m| m.actor == a))
                .map(|d| d as DocId)
                .collect(),
            Selection::Edge(a, b, r) => model
                .edges
                .iter()
                .filter(|e| (e.source, e.target, e.rel) == (a, b, r))
                .flat_map(|e| e.evidence.iter().map(|ev| ev.doc))
                .collect(),
        }
    }

    pub fn view(&self, model: &Model, state: &State) -> View {
        let q = parse(&state.query);
        let hits = self.search(&q);
        let f = &state.filters;
        let mut docs = self.matching(&hits, f, None);
        if let Some(sel) = state.selection {
            let keep = Explorer::selected_docs(model, sel);
            docs.retain(|d| keep.contains(&(*d as DocId)));
        }
        let rows = docs
            .iter()
            .map(|&d| {
                let doc = &model.docs[d];
                let hit = hits.as_ref().and_then(|h| h.iter().find(|h| h.doc as usize == d));
                let spans = hit.map_or(&[][..], |h| &h.spans[..]);
                Row {
                    doc: d as DocId,
                    score: hit.map_or(0.0, |h| h.score),
                    snippet: snippet(&doc.text, &doc.sentences, spans),
                    hits: spans.len(),
                }
            })
            .collect();
        let facets = self.counts(model, &hits, f);
        let empty_hint = if docs.is_empty() { self.hint(&hits, f, !q.is_empty()) } else { None };
        View { rows, facets, notes: q.notes, empty_hint }
    }

    fn counts(&self, model: &Model, hits: &Option<Vec<Hit>>, f: &Filters) -> FacetCounts {
        let mut actor_n = vec![0usize; model.actors.len()];
        let base = self.matching(hits, f, Some(FacetKind::Actor));
        for &d in &base {
            let facts = &self.facts[d];
            // In "all" mode a value counts documents naming it and every selected actor.
            if f.actor_mode == ActorMode::All && !f.actors.is_subset(&facts.actors) {
                continue;
            }
            for &a in &facts.actors {
                actor_n[a as usize] += 1;
            }
        }
        let mut actors = Vec::new();
        for kind in ActorKind::ALL {
            let mut list: Vec<Count<ActorId>> = (0..model.actors.len())
                .filter(|&a| model.actors[a].kind == kind)
                .filter(|&a| self.facts.iter().any(|d| d.actors.contains(&(a as ActorId))))
                .map(|a| Count { value: a as ActorId, count: actor_n[a], selected: f.actors.contains(&(a as ActorId)) })
                .collect();
            crate::order::sort_by(&mut list, |a, b| {
                b.count
                    .cmp(&a.count)
                    .then_with(|| model.actors[a.value as usize].name.cmp(&model.actors[b.value as usize].name))
            });
            if !list.is_empty() {
                actors.push((kind, list));
            }
        }
        let tally = |kind: FacetKind| -> Vec<usize> { self.matching(hits, f, Some(kind)) };
        let sources = {
            let docs = tally(FacetKind::Source);
            let mut all: Vec<String> =
                self.facts.iter().map(|d| d.source.clone()).collect::<Set<_>>().into_iter().collect();
            crate::order::sort_by_key(&mut all, |s| s.is_empty()); // "unknown" last
            sorted(all.into_iter().map(|s| {
                let count = docs.iter().filter(|&&d| self.facts[d].source == s).count();
                Count { selected: f.sources.contains(&s), value: s, count }
            }))
        };
        let themes = {
            let docs = tally(FacetKind::Theme);
            sorted((0..model.themes.len() as ThemeId).filter(|t| self.facts.iter().any(|d| d.themes.contains(t))).map(
                |t| Count {
                    value: t,
                    count: docs.iter().filter(|&&d| self.facts[d].themes.contains(&t)).count(),
                    selected: f.themes.contains(&t),
                },
            ))
        };
        let years = {
            let docs = tally(FacetKind::Year);
            let all: Set<YearKey> = self.facts.iter().map(|d| d.year).collect();
            // Newest first, unknown last.
            let mut list: Vec<Count<YearKey>> = all
                .into_iter()
                .map(|y| Count {
                    value: y,
                    count: docs.iter().filter(|&&d| self.facts[d].year == y).count(),
                    selected: f.years.contains(&y),
                })
                .collect();
            crate::order::sort_by_key(&mut list, |c| (c.value.is_none(), std::cmp::Reverse(c.value)));
            list
        };
        let rels = {
            let docs = tally(FacetKind::Rel);
            sorted(
                (0..model.relation_types.len() as RelTypeId)
                    .filter(|r| self.facts.iter().any(|d| d.rels.contains(r)))
                    .map(|r| Count {
                        value: r,
                        count: docs.iter().filter(|&&d| self.facts[d].rels.contains(&r)).count(),
                        selected: f.rels.contains(&r),
                    }),
            )
        };
        FacetCounts { actors, sources, themes, years, rels }
    }

    /// The single filter (or the search) whose removal brings back the most documents.
    fn hint(&self, hits: &Option<Vec<Hit>>, f: &Filters, has_query: bool) -> Option<Hint> {
        let mut best: Option<Hint> = None;
        let mut consider = |drop: Drop, n: usize| {
            if n > 0 && best.as_ref().is_none_or(|b| n > b.would_match) {
                best = Some(Hint { drop, would_match: n });
            }
        };
        if has_query {
            consider(Drop::Query, self.matching(&None, f, None).len());
        }
        let active = [
            (FacetKind::Actor, !f.actors.is_empty()),
            (FacetKind::Source, !f.sources.is_empty()),
            (FacetKind::Theme, !f.themes.is_empty()),
            (FacetKind::Year, !f.years.is_empty()),
            (FacetKind::Rel, !f.rels.is_empty()),
        ];
        for (kind, on) in active {
            if on {
                consider(Drop::Facet(kind), self.matching(hits, f, Some(kind)).len());
            }
        }
        best
    }
}

/// Most frequent first; ties keep their given order.
fn sorted<T>(it: impl Iterator<Item = Count<T>>) -> Vec<Count<T>> {
    let mut v: Vec<Count<T>> = it.collect();
    crate::order::sort_by(&mut v, |a, b| b.count.cmp(&a.count));
    v
}

#[cfg(test)]
mod tests;
