//! The app's state as a pure reducer: `State`, `Action` and `apply`. The Yew shell only
//! dispatches actions and renders; effects (URL hash, focus) live at its root.
//!
//! The whole view round-trips through the URL hash (`to_hash` / `from_hash`), using
//! stable keys from the catalog and lexicon, so a pasted link restores the view exactly.

use crate::set::Set;

use crate::graph::GraphOpts;
use crate::model::{ActorId, DocId, Model, RelTypeId, ThemeId};

/// Actor facet semantics: documents naming any selected actor, or all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ActorMode {
    #[default]
    Any,
    All,
}

/// A year value of the Year facet; `None` is "date unknown".
pub type YearKey = Option<u16>;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub actors: Set<ActorId>,
    pub actor_mode: ActorMode,
    pub sources: Set<String>,
    pub themes: Set<ThemeId>,
    pub years: Set<YearKey>,
    pub rels: Set<RelTypeId>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
            && self.sources.is_empty()
            && self.themes.is_empty()
            && self.years.is_empty()
            && self.rels.is_empty()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    pub filters: Filters,
    pub query: String,
    /// The document open in the reader.
    pub open: Option<DocId>,
    /// The current search hit in the reader.
    pub hit: usize,
    /// A sentence to scroll to and mark in the reader (from evidence links).
    pub sentence: Option<u32>,
    /// The selected row of the result list (keyboard cursor).
    pub cursor: usize,
    /// Show the original raw text instead of the clean text.
    pub raw: bool,
    /// Which view of the results the middle pane shows.
    pub view: ViewMode,
    /// The graph's own controls.
    pub graph: GraphOpts,
    /// The selected node or edge; it narrows the document list to its documents.
    pub selection: Option<Selection>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ViewMode {
    #[default]
    List,
    Graph,
    Table,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    Actor(ActorId),
    /// (source, target, relation type), as stored in the model's edge.
    Edge(ActorId, ActorId, RelTypeId),
}

/// Which facet a value belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Facet {
    Actor(ActorId),
    Source(String),
    Theme(ThemeId),
    Year(YearKey),
    Rel(RelTypeId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FacetKind {
    Actor,
    Source,
    Theme,
    Year,
    Rel,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Toggle(Facet),
    SetActorMode(ActorMode),
    ClearFacet(FacetKind),
    ClearAll,
    SetQuery(String),
    /// Open a document, optionally at a sentence.
    Open(DocId, Option<u32>),
    Close,
    /// Move the result cursor by `delta` within `len` rows.
    MoveCursor {
        delta: isize,
        len: usize,
    },
    SetCursor(usize),
    /// Move to the next (+1) or previous (-1) search hit, wrapping within `len` hits.
    StepHit {
        delta: isize,
        len: usize,
    },
    ToggleRaw,
    /// Replace the whole state (back/forward, pasted link).
    Restore(State),
    /// Escape: close the reader if open, else clear the selection, else the search.
    Escape,
    SetView(ViewMode),
    Select(Option<Selection>),
    /// Clicking an actor in the reader: filter by it (if not yet) and select its node.
    FocusActor(ActorId),
    ToggleGraphRel(RelTypeId),
    SetMinEvidence(u32),
    SetHops(u8),
    ToggleHidePersons,
    ToggleAllLabels,
}

fn toggle<T: Ord>(set: &mut Set<T>, v: T) {
    if !set.remove(&v) {
        set.insert(v);
    }
}

fn step(i: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (i.min(len - 1) as isize + delta).rem_euclid(len as isize) as usize
}

pub fn apply(state: &State, action: Action) -> State {
    let mut s = state.clone();
    let filters_changed =
        matches!(action, Action::Toggle(_) | Action::SetActorMode(_) | Action::ClearFacet(_) | Action::ClearAll);
    match action {
        Action::Toggle(f) => match f {
            Facet::Actor(a) => toggle(&mut s.filters.actors, a),
            Facet::Source(x) => toggle(&mut s.filters.sources, x),
            Facet::Theme(t) => toggle(&mut s.filters.themes, t),
            Facet::Year(y) => toggle(&mut s.filters.years, y),
            Facet::Rel(r) => toggle(&mut s.filters.rels, r),
        },
        Action::SetActorMode(m) => s.filters.actor_mode = m,
        Action::ClearFacet(k) => match k {
            FacetKind::Actor => s.filters.actors.clear(),
            FacetKind::Source => s.filters.sources.clear(),
            FacetKind::Theme => s.filters.themes.clear(),
            FacetKind::Year => s.filters.years.clear(),
            FacetKind::Rel => s.filters.rels.clear(),
        },
        Action::ClearAll => {
            s.filters = Filters::default();
            s.query.clear();
        }
        Action::SetQuery(q) => {
            s.query = q;
            s.cursor = 0;
            s.hit = 0;
        }
        Action::Open(d, sentence) => {
            s.open = Some(d);
            s.hit = 0;
            s.sentence = sentence;
            s.raw = false;
        }
        Action::Close => {
            s.open = None;
            s.sentence = None;
            s.hit = 0;
            s.raw = false;
        }
        Action::MoveCursor { delta, len } => s.cursor = step(s.cursor, delta, len),
        Action::SetCursor(i) => s.cursor = i,
        Action::StepHit { delta, len } => {
            s.hit = step(s.hit, delta, len);
            s.sentence = None;
        }
        Action::ToggleRaw => s.raw = !s.raw,
        Action::Restore(new) => s = new,
        Action::Escape => {
            if s.open.is_some() {
                return apply(&s, Action::Close);
            }
            if s.selection.is_some() {
                s.selection = None;
                return s;
            }
            s.query.clear();
            s.cursor = 0;
        }
        Action::SetView(v) => s.view = v,
        Action::Select(sel) => {
            s.selection = sel;
            s.cursor = 0;
        }
        Action::FocusActor(a) => {
            s.filters.actors.insert(a);
            s.selection = Some(Selection::Actor(a));
            s.cursor = 0;
        }
        Action::ToggleGraphRel(r) => toggle(&mut s.graph.hidden_rels, r),
        Action::SetMinEvidence(n) => s.graph.min_evidence = n,
        Action::SetHops(h) => s.graph.hops = h.min(2),
        Action::ToggleHidePersons => s.graph.hide_persons = !s.graph.hide_persons,
        Action::ToggleAllLabels => s.graph.all_labels = !s.graph.all_labels,
    }
    if filters_changed {
        s.cursor = 0;
    }
    s
}

// ------------------------------------------------------------------ URL hash

/// Percent-encodes everything but unreserved characters.
fn enc(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` and `+`; invalid escapes are kept as they are (total).
fn dec(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = |b: u8| (b as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 3;
                        continue;
                    }
                    _ => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Decodes one percent-encoded URL value (shared with `embed`).
pub fn from_hash_value(s: &str) -> String {
    dec(s)
}

/// The state as a URL hash (without `#`), with stable keys. Empty state: empty string.
pub fn to_hash(model: &Model, s: &State) -> String {
    let mut parts: Vec<String> = Vec::new();
    let list = |items: Vec<String>| items.iter().map(|i| enc(i)).collect::<Vec<_>>().join(",");
    if !s.query.is_empty() {
        parts.push(format!("q={}", enc(&s.query)));
    }
    let f = &s.filters;
    if !f.actors.is_empty() {
        parts.push(format!(
            "actor={}",
            list(f.actors.iter().filter_map(|&a| model.actors.get(a as usize)).map(|a| a.key.clone()).collect())
        ));
    }
    if f.actor_mode == ActorMode::All {
        parts.push("all=1".into());
    }
    if !f.sources.is_empty() {
        parts.push(format!("source={}", list(f.sources.iter().cloned().collect())));
    }
    if !f.themes.is_empty() {
        parts.push(format!(
            "theme={}",
            list(f.themes.iter().filter_map(|&t| model.themes.get(t as usize)).map(|t| t.key.clone()).collect())
        ));
    }
    if !f.years.is_empty() {
        parts.push(format!(
            "year={}",
            list(f.years.iter().map(|y| y.map_or("unknown".into(), |y| y.to_string())).collect())
        ));
    }
    if !f.rels.is_empty() {
        parts.push(format!(
            "rel={}",
            list(f.rels.iter().filter_map(|&r| model.relation_types.get(r as usize)).map(|r| r.key.clone()).collect())
        ));
    }
    if let Some(d) = s.open.and_then(|d| model.docs.get(d as usize)) {
        parts.push(format!("doc={}", enc(&d.key)));
        if s.hit > 0 {
            parts.push(format!("hit={}", s.hit));
        }
        if let Some(sent) = s.sentence {
            parts.push(format!("s={sent}"));
        }
        if s.raw {
            parts.push("raw=1".into());
        }
    }
    if s.cursor > 0 {
        parts.push(format!("row={}", s.cursor));
    }
    match s.view {
        ViewMode::List => {}
        ViewMode::Graph => parts.push("view=graph".into()),
        ViewMode::Table => parts.push("view=table".into()),
    }
    let key = |a: ActorId| model.actors.get(a as usize).map(|a| enc(&a.key));
    match s.selection {
        Some(Selection::Actor(a)) => parts.extend(key(a).map(|k| format!("sel={k}"))),
        Some(Selection::Edge(a, b, r)) => {
            if let (Some(a), Some(b), Some(r)) = (key(a), key(b), model.relation_types.get(r as usize)) {
                parts.push(format!("edge={a},{},{b}", enc(&r.key)));
            }
        }
        None => {}
    }
    let g = &s.graph;
    if !g.hidden_rels.is_empty() {
        parts.push(format!(
            "hide={}",
            list(
                g.hidden_rels
                    .iter()
                    .filter_map(|&r| model.relation_types.get(r as usize))
                    .map(|r| r.key.clone())
                    .collect()
            )
        ));
    }
    if g.min_evidence > 1 {
        parts.push(format!("min={}", g.min_evidence));
    }
    if g.hops > 0 {
        parts.push(format!("hops={}", g.hops));
    }
    if g.hide_persons {
        parts.push("nopersons=1".into());
    }
    if g.all_labels {
        parts.push("labels=all".into());
    }
    parts.join("&")
}

/// Reads a hash (with or without `#`). Total: unknown keys and values are ignored.
pub fn from_hash(model: &Model, hash: &str) -> State {
    let mut s = State::default();
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    let actor = |key: &str| model.actors.iter().position(|a| a.key == key).map(|i| i as ActorId);
    for pair in hash.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let items = || v.split(',').map(dec).filter(|x| !x.is_empty());
        let f = &mut s.filters;
        match k {
            "q" => s.query = dec(v),
            "actor" => f
                .actors
                .extend(items().filter_map(|key| model.actors.iter().position(|a| a.key == key).map(|i| i as ActorId))),
            "all" => f.actor_mode = if v == "1" { ActorMode::All } else { ActorMode::Any },
            "source" => f.sources.extend(items()),
            "theme" => f
                .themes
                .extend(items().filter_map(|key| model.themes.iter().position(|t| t.key == key).map(|i| i as ThemeId))),
            "year" => {
                f.years.extend(items().filter_map(
                    |y| {
                        if y == "unknown" {
                            Some(None)
                        } else {
                            y.parse().ok().map(Some)
                        }
                    },
                ))
            }
            "rel" => f.rels.extend(
                items()
                    .filter_map(|key| model.relation_types.iter().position(|r| r.key == key).map(|i| i as RelTypeId)),
            ),
            "doc" => s.open = model.docs.iter().position(|d| d.key == dec(v)).map(|i| i as DocId),
            "hit" => s.hit = v.parse().unwrap_or(0),
            "s" => s.sentence = v.parse().ok(),
            "raw" => s.raw = v == "1",
            "row" => s.cursor = v.parse().unwrap_or(0),
            "view" => {
                s.view = match v {
                    "graph" => ViewMode::Graph,
                    "table" => ViewMode::Table,
                    _ => ViewMode::List,
                }
            }
            "sel" => s.selection = actor(&dec(v)).map(Selection::Actor),
            "edge" => {
                let p: Vec<String> = v.split(',').map(dec).collect();
                if let [a, r, b] = p.as_slice() {
                    let r = model.relation_types.iter().position(|t| &t.key == r).map(|i| i as RelTypeId);
                    if let (Some(a), Some(b), Some(r)) = (actor(a), actor(b), r) {
                        s.selection = Some(Selection::Edge(a, b, r));
                    }
                }
            }
            "hide" => s.graph.hidden_rels.extend(
                items()
                    .filter_map(|key| model.relation_types.iter().position(|r| r.key == key).map(|i| i as RelTypeId)),
            ),
            "min" => s.graph.min_evidence = v.parse().unwrap_or(0),
            "hops" => s.graph.hops = v.parse::<u8>().unwrap_or(0).min(2),
            "nopersons" => s.graph.hide_persons = v == "1",
            "labels" => s.graph.all_labels = v == "all",
            _ => {}
        }
    }
    if s.open.is_none() {
        (s.hit, s.sentence, s.raw) = (0, None, false);
    }
    s
}

#[cfg(test)]
mod tests;
