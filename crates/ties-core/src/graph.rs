//! The relationship graph under the current view: actors as nodes and typed relations
//! as edges, counted only over the documents that match the filters and search, then
//! narrowed by the graph's own controls (relation types, minimum evidence, persons
//! hidden, neighbourhood focus). Also actor profiles and the contested test.

use crate::set::{Map, Set};

use crate::model::{ActorId, ActorKind, DocId, Evidence, Model, RelTypeId, Stance};

/// The graph's own controls (part of `State`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GraphOpts {
    pub hidden_rels: Set<RelTypeId>,
    pub min_evidence: u32,
    pub hide_persons: bool,
    /// Keep only the focused actor's neighbourhood, 1 or 2 hops (0: off).
    pub hops: u8,
    pub all_labels: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub actor: ActorId,
    pub kind: ActorKind,
    /// Mentions in the visible documents.
    pub mentions: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GEdge {
    /// Index into `Model::edges`.
    pub edge: usize,
    pub source: ActorId,
    pub target: ActorId,
    pub rel: RelTypeId,
    /// The edge's evidence in the visible documents.
    pub evidence: Vec<Evidence>,
    /// The same pair also has evidence of an opposite stance (alliance and rivalry).
    pub contested: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<GEdge>,
}

fn pair(a: ActorId, b: ActorId) -> (ActorId, ActorId) {
    (a.min(b), a.max(b))
}

impl Graph {
    /// `docs`: the documents the rest of the view matches; `focus`: the selected actor.
    pub fn build(model: &Model, docs: &Set<DocId>, opts: &GraphOpts, focus: Option<ActorId>) -> Graph {
        let persons_hidden = |a: ActorId| opts.hide_persons && model.actors[a as usize].kind == ActorKind::Person;
        let mut edges: Vec<GEdge> = model
            .edges
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                !opts.hidden_rels.contains(&e.rel) && !persons_hidden(e.source) && !persons_hidden(e.target)
            })
            .filter_map(|(i, e)| {
                let evidence: Vec<Evidence> = e.evidence.iter().filter(|ev| docs.contains(&ev.doc)).cloned().collect();
                (evidence.len() as u32 >= opts.min_evidence.max(1)).then_some(GEdge {
                    edge: i,
                    source: e.source,
                    target: e.target,
                    rel: e.rel,
                    evidence,
                    contested: false,
                })
            })
            .collect();
        // Neighbourhood focus: breadth-first over the remaining edges.
        if let (Some(center), 1..) = (focus, opts.hops) {
            let mut keep: Set<ActorId> = Set::from([center]);
            for _ in 0..opts.hops {
                let frontier: Vec<ActorId> = edges
                    .iter()
                    .filter_map(|e| match (keep.contains(&e.source), keep.contains(&e.target)) {
                        (true, false) => Some(e.target),
                        (false, true) => Some(e.source),
                        _ => None,
                    })
                    .collect();
                keep.extend(frontier);
            }
            edges.retain(|e| keep.contains(&e.source) && keep.contains(&e.target));
        }
        // Contested: a pair with both cooperative and hostile evidence in view.
        let mut stances: Map<(ActorId, ActorId), Set<Stance>> = Map::new();
        for e in &edges {
            stances.entry_or_default(pair(e.source, e.target)).insert(model.relation_types[e.rel as usize].stance);
        }
        for e in &mut edges {
            let s = &stances[&pair(e.source, e.target)];
            e.contested = s.contains(&Stance::Cooperative) && s.contains(&Stance::Hostile);
        }
        let mut mentions: Map<ActorId, u32> = Map::new();
        for e in &edges {
            mentions.entry_or_default(e.source);
            mentions.entry_or_default(e.target);
        }
        for &d in docs {
            for m in &model.docs[d as usize].mentions {
                if let Some(n) = mentions.get_mut(&m.actor) {
                    *n += 1;
                }
            }
        }
        let nodes = mentions
            .into_iter()
            .map(|(actor, mentions)| Node { actor, kind: model.actors[actor as usize].kind, mentions })
            .collect();
        Graph { nodes, edges }
    }

    /// Edges of the same pair as `e` with another relation type (for the ledger).
    pub fn siblings(&self, e: &GEdge) -> Vec<&GEdge> {
        self.edges.iter().filter(|o| pair(o.source, o.target) == pair(e.source, e.target) && o.rel != e.rel).collect()
    }

    /// Neighbours of `a`, each with the relation types and evidence counts that link them.
    pub fn neighbours(&self, a: ActorId) -> Vec<(ActorId, Vec<(RelTypeId, usize)>)> {
        let mut out: Map<ActorId, Vec<(RelTypeId, usize)>> = Map::new();
        for e in &self.edges {
            let other = if e.source == a {
                e.target
            } else if e.target == a {
                e.source
            } else {
                continue;
            };
            out.entry_or_default(other).push((e.rel, e.evidence.len()));
        }
        let mut v: Vec<_> = out.into_iter().collect();
        crate::order::sort_by_key(&mut v, |(_, rels)| std::cmp::Reverse(rels.iter().map(|r| r.1).sum::<usize>()));
        v
    }
}

/// What the profile panel shows for an actor, over the visible documents.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub actor: ActorId,
    /// (document, mentions), most first.
    pub per_doc: Vec<(DocId, u32)>,
    /// (relation type, number of relations, evidence sentences), most evidence first.
    pub by_type: Vec<(RelTypeId, usize, usize)>,
    /// The most telling sentences: evidence naming the actor, most actors in view first.
    pub telling: Vec<Evidence>,
}

pub fn profile(model: &Model, graph: &Graph, docs: &Set<DocId>, actor: ActorId) -> Profile {
    let mut per_doc: Vec<(DocId, u32)> = docs
        .iter()
        .map(|&d| (d, model.docs[d as usize].mentions.iter().filter(|m| m.actor == actor).count() as u32))
        .filter(|&(_, n)| n > 0)
        .collect();
    crate::order::sort_by_key(&mut per_doc, |&(d, n)| (std::cmp::Reverse(n), d));
    let mut by_type: Map<RelTypeId, (usize, usize)> = Map::new();
    let mut telling: Vec<Evidence> = Vec::new();
    for e in graph.edges.iter().filter(|e| e.source == actor || e.target == actor) {
        let t = by_type.entry_or_default(e.rel);
        t.0 += 1;
        t.1 += e.evidence.len();
        telling.extend(e.evidence.iter().cloned());
    }
    let mut by_type: Vec<(RelTypeId, usize, usize)> = by_type.into_iter().map(|(r, (n, ev))| (r, n, ev)).collect();
    crate::order::sort_by_key(&mut by_type, |&(r, _, ev)| (std::cmp::Reverse(ev), r));
    // A sentence that supports several relations of the actor tells the most.
    let mut weight: Map<(DocId, u32), usize> = Map::new();
    for ev in &telling {
        *weight.entry_or_default((ev.doc, ev.sentence)) += 1;
    }
    crate::order::sort_by_key(&mut telling, |ev| {
        (std::cmp::Reverse(weight[&(ev.doc, ev.sentence)]), ev.doc, ev.sentence)
    });
    telling.dedup_by_key(|ev| (ev.doc, ev.sentence));
    telling.truncate(5);
    Profile { actor, per_doc, by_type, telling }
}

#[cfg(test)]
mod tests;
