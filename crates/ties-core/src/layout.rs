//! Force-directed layout, computed by the core so it is deterministic and tested
//! natively. One `step` is one tick of a d3-force-like simulation: many-body repulsion
//! (exact below `BARNES_HUT_FROM` nodes, Barnes–Hut quadtree above), springs along the
//! links, a weak pull to the centre, velocity decay and a cooling `alpha`.
//!
//! `sync` keeps the positions of nodes that stay when the graph changes and places new
//! ones near their already-placed neighbours, so filtering does not reshuffle the view.
//! Pinned nodes (dragged) do not move until released. Also: label placement.

use std::collections::HashMap;

use crate::model::ActorId;

const BARNES_HUT_FROM: usize = 200;
const THETA2: f32 = 0.81; // Barnes–Hut opening criterion θ = 0.9, squared.
const REPULSION: f32 = -900.0;
const LINK_DISTANCE: f32 = 90.0;
const LINK_STRENGTH: f32 = 0.5;
const CENTER_STRENGTH: f32 = 0.06;
const VELOCITY_DECAY: f32 = 0.4;
const ALPHA_DECAY: f32 = 0.045;
const ALPHA_MIN: f32 = 0.005;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LNode {
    pub id: ActorId,
    pub x: f32,
    pub y: f32,
    vx: f32,
    vy: f32,
    pub pinned: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub nodes: Vec<LNode>,
    /// (node index, node index, weight).
    links: Vec<(usize, usize, f32)>,
    pub alpha: f32,
    rng: u64,
}

impl Layout {
    pub fn new(seed: u64) -> Layout {
        Layout { nodes: Vec::new(), links: Vec::new(), alpha: 1.0, rng: seed.max(1) }
    }

    fn random(&mut self) -> f32 {
        // xorshift64*: small, fast and the same on every platform.
        self.rng ^= self.rng >> 12;
        self.rng ^= self.rng << 25;
        self.rng ^= self.rng >> 27;
        ((self.rng.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 40) as f32) / (1u64 << 24) as f32
    }

    pub fn index(&self, id: ActorId) -> Option<usize> {
        self.nodes.iter().position(|n| n.id == id)
    }

    pub fn position(&self, id: ActorId) -> Option<Point> {
        self.index(id).map(|i| Point { x: self.nodes[i].x, y: self.nodes[i].y })
    }

    /// Makes the layout hold exactly `ids`, linked by `links` (actor pairs with a
    /// weight). Returns whether anything changed (and the simulation was reheated).
    pub fn sync(&mut self, ids: &[ActorId], links: &[(ActorId, ActorId, f32)]) -> bool {
        let before: Vec<ActorId> = self.nodes.iter().map(|n| n.id).collect();
        self.nodes.retain(|n| ids.contains(&n.id));
        let first = self.nodes.is_empty();
        for &id in ids {
            if self.index(id).is_some() {
                continue;
            }
            // Near the centroid of placed neighbours, else on a spiral around the centre.
            let placed: Vec<Point> = links
                .iter()
                .filter_map(|&(a, b, _)| {
                    if a == id {
                        Some(b)
                    } else if b == id {
                        Some(a)
                    } else {
                        None
                    }
                })
                .filter_map(|n| self.position(n))
                .collect();
            let (jx, jy) = (self.random() - 0.5, self.random() - 0.5);
            let (x, y) = if !placed.is_empty() {
                let n = placed.len() as f32;
                (
                    placed.iter().map(|p| p.x).sum::<f32>() / n + jx * 40.0,
                    placed.iter().map(|p| p.y).sum::<f32>() / n + jy * 40.0,
                )
            } else {
                let i = self.nodes.len() as f32;
                let r = 30.0 * (0.5 + i).sqrt();
                let a = i * 2.399_963; // the golden angle
                (r * a.cos() + jx, r * a.sin() + jy)
            };
            self.nodes.push(LNode { id, x, y, vx: 0.0, vy: 0.0, pinned: false });
        }
        // Keep the caller's order, so indices follow the graph's nodes.
        crate::order::sort_by_key(&mut self.nodes, |n| ids.iter().position(|&i| i == n.id));
        let index: HashMap<ActorId, usize> = self.nodes.iter().enumerate().map(|(i, n)| (n.id, i)).collect();
        self.links = links.iter().filter_map(|&(a, b, w)| Some((*index.get(&a)?, *index.get(&b)?, w))).collect();
        let after: Vec<ActorId> = self.nodes.iter().map(|n| n.id).collect();
        let changed = before != after;
        if changed {
            self.alpha = if first { 1.0 } else { self.alpha.max(0.5) };
        }
        changed
    }

    pub fn settled(&self) -> bool {
        self.alpha < ALPHA_MIN
    }

    /// Restarts the cooling (after a drag), without scattering the nodes.
    pub fn reheat(&mut self, alpha: f32) {
        self.alpha = self.alpha.max(alpha);
    }

    pub fn pin(&mut self, id: ActorId, at: Point) {
        if let Some(i) = self.index(id) {
            let n = &mut self.nodes[i];
            (n.x, n.y, n.vx, n.vy, n.pinned) = (at.x, at.y, 0.0, 0.0, true);
        }
    }

    pub fn unpin(&mut self, id: ActorId) {
        if let Some(i) = self.index(id) {
            self.nodes[i].pinned = false;
        }
    }

    /// One tick of the simulation.
    pub fn step(&mut self) {
        let n = self.nodes.len();
        if n == 0 {
            self.alpha = 0.0;
            return;
        }
        let alpha = self.alpha;
        let mut force = vec![(0.0f32, 0.0f32); n];
        if n >= BARNES_HUT_FROM {
            let tree = QuadTree::build(&self.nodes);
            for (i, node) in self.nodes.iter().enumerate() {
                force[i] = tree.repulsion(node.x, node.y, i);
            }
        } else {
            for i in 0..n {
                for j in i + 1..n {
                    let (dx, dy) = (self.nodes[j].x - self.nodes[i].x, self.nodes[j].y - self.nodes[i].y);
                    let d2 = (dx * dx + dy * dy).max(1.0);
                    let f = REPULSION / d2;
                    force[i].0 += dx * f;
                    force[i].1 += dy * f;
                    force[j].0 -= dx * f;
                    force[j].1 -= dy * f;
                }
            }
        }
        for (f, node) in force.iter().zip(&mut self.nodes) {
            node.vx += f.0 * alpha;
            node.vy += f.1 * alpha;
        }
        for &(a, b, w) in &self.links {
            if a == b {
                continue;
            }
            let (dx, dy) = (
                self.nodes[b].x + self.nodes[b].vx - self.nodes[a].x - self.nodes[a].vx,
                self.nodes[b].y + self.nodes[b].vy - self.nodes[a].y - self.nodes[a].vy,
            );
            let d = (dx * dx + dy * dy).sqrt().max(1.0);
            let k = (d - LINK_DISTANCE) / d * alpha * LINK_STRENGTH * w.clamp(1.0, 3.0);
            self.nodes[a].vx += dx * k * 0.5;
            self.nodes[a].vy += dy * k * 0.5;
            self.nodes[b].vx -= dx * k * 0.5;
            self.nodes[b].vy -= dy * k * 0.5;
        }
        for node in &mut self.nodes {
            node.vx -= node.x * CENTER_STRENGTH * alpha;
            node.vy -= node.y * CENTER_STRENGTH * alpha;
            if node.pinned {
                (node.vx, node.vy) = (0.0, 0.0);
                continue;
            }
            node.vx *= 1.0 - VELOCITY_DECAY;
            node.vy *= 1.0 - VELOCITY_DECAY;
            node.x += node.vx;
            node.y += node.vy;
        }
        self.alpha *= 1.0 - ALPHA_DECAY;
    }

    /// Bounding box of all nodes: (min, max).
    pub fn bounds(&self) -> (Point, Point) {
        let mut lo = Point { x: f32::MAX, y: f32::MAX };
        let mut hi = Point { x: f32::MIN, y: f32::MIN };
        for n in &self.nodes {
            (lo.x, lo.y, hi.x, hi.y) = (lo.x.min(n.x), lo.y.min(n.y), hi.x.max(n.x), hi.y.max(n.y));
        }
        if self.nodes.is_empty() {
            (Point { x: -1.0, y: -1.0 }, Point { x: 1.0, y: 1.0 })
        } else {
            (lo, hi)
        }
    }
}

/// A Barnes–Hut quadtree over node positions (unit masses).
struct QuadTree {
    cells: Vec<Cell>,
}

struct Cell {
    cx: f32,
    cy: f32,
    half: f32,
    mass: f32,
    mx: f32,
    my: f32,
    /// Index of the single node of a leaf.
    node: Option<usize>,
    children: Option<[usize; 4]>,
}

impl QuadTree {
    fn build(nodes: &[LNode]) -> QuadTree {
        let (mut lo_x, mut lo_y, mut hi_x, mut hi_y) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for n in nodes {
            (lo_x, lo_y, hi_x, hi_y) = (lo_x.min(n.x), lo_y.min(n.y), hi_x.max(n.x), hi_y.max(n.y));
        }
        let half = ((hi_x - lo_x).max(hi_y - lo_y) / 2.0).max(1.0) + 1.0;
        let mut t = QuadTree { cells: Vec::with_capacity(nodes.len() * 2) };
        t.cells.push(Cell::new((lo_x + hi_x) / 2.0, (lo_y + hi_y) / 2.0, half));
        for (i, n) in nodes.iter().enumerate() {
            t.insert(0, i, n.x, n.y, nodes, 0);
        }
        t
    }

    fn insert(&mut self, cell: usize, i: usize, x: f32, y: f32, nodes: &[LNode], depth: u32) {
        let c = &mut self.cells[cell];
        c.mx = (c.mx * c.mass + x) / (c.mass + 1.0);
        c.my = (c.my * c.mass + y) / (c.mass + 1.0);
        c.mass += 1.0;
        if c.children.is_none() && c.node.is_none() && c.mass == 1.0 {
            c.node = Some(i);
            return;
        }
        // Coincident points would split forever: keep them in one deep leaf.
        if depth > 24 {
            return;
        }
        if c.children.is_none() {
            let (cx, cy, h) = (c.cx, c.cy, c.half / 2.0);
            let base = self.cells.len();
            for (dx, dy) in [(-1.0, -1.0), (1.0, -1.0), (-1.0, 1.0), (1.0, 1.0)] {
                self.cells.push(Cell::new(cx + dx * h, cy + dy * h, h));
            }
            let c = &mut self.cells[cell];
            c.children = Some([base, base + 1, base + 2, base + 3]);
            if let Some(old) = c.node.take() {
                let q = self.quadrant(cell, nodes[old].x, nodes[old].y);
                self.insert(q, old, nodes[old].x, nodes[old].y, nodes, depth + 1);
            }
        }
        let q = self.quadrant(cell, x, y);
        self.insert(q, i, x, y, nodes, depth + 1);
    }

    fn quadrant(&self, cell: usize, x: f32, y: f32) -> usize {
        let c = &self.cells[cell];
        let k = usize::from(x >= c.cx) + 2 * usize::from(y >= c.cy);
        c.children.expect("an inner cell")[k]
    }

    fn repulsion(&self, x: f32, y: f32, me: usize) -> (f32, f32) {
        let (mut fx, mut fy) = (0.0, 0.0);
        let mut stack = vec![0usize];
        while let Some(ci) = stack.pop() {
            let c = &self.cells[ci];
            if c.mass == 0.0 || c.node == Some(me) && c.children.is_none() {
                continue;
            }
            let (dx, dy) = (c.mx - x, c.my - y);
            let d2 = (dx * dx + dy * dy).max(1.0);
            let size = c.half * 2.0;
            if c.children.is_none() || size * size < THETA2 * d2 {
                let f = REPULSION * c.mass / d2;
                fx += dx * f;
                fy += dy * f;
            } else if let Some(ch) = c.children {
                stack.extend(ch);
            }
        }
        (fx, fy)
    }
}

impl Cell {
    fn new(cx: f32, cy: f32, half: f32) -> Cell {
        Cell { cx, cy, half, mass: 0.0, mx: 0.0, my: 0.0, node: None, children: None }
    }
}

/// A label to place: its anchor, how wide and tall it is (in graph units), and its
/// priority (bigger nodes first).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelBox {
    pub at: Point,
    pub width: f32,
    pub height: f32,
    pub priority: f32,
}

/// Which labels to show: greedily by priority, skipping any that would overlap one
/// already placed; all of them when `all` is set.
pub fn place_labels(labels: &[LabelBox], all: bool) -> Vec<bool> {
    if all {
        return vec![true; labels.len()];
    }
    let mut order: Vec<usize> = (0..labels.len()).collect();
    crate::order::sort_by(&mut order, |&a, &b| labels[b].priority.total_cmp(&labels[a].priority).then(a.cmp(&b)));
    let mut shown = vec![false; labels.len()];
    let mut placed: Vec<(f32, f32, f32, f32)> = Vec::new();
    for i in order {
        let l = labels[i];
        let r = (l.at.x - l.width / 2.0, l.at.y - l.height / 2.0, l.at.x + l.width / 2.0, l.at.y + l.height / 2.0);
        if placed.iter().all(|p| r.2 <= p.0 || p.2 <= r.0 || r.3 <= p.1 || p.3 <= r.1) {
            placed.push(r);
            shown[i] = true;
        }
    }
    shown
}

#[cfg(test)]
mod tests;
