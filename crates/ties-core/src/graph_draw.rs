//! How the graph looks, in one place for the screen and the exports: node size from
//! mentions, colour and shape from kind, edge colour and dash from relation type, width
//! from evidence, curved parallel edges; a standalone SVG of the current graph; and the
//! evidence pack (every visible edge with each supporting sentence and its citation).

use crate::export::{csv_table, json_string};
use crate::graph::{GEdge, Graph};
use crate::layout::{place_labels, LabelBox, Layout, Point};
use crate::model::{ActorKind, Model};
use crate::num::{f1, Fixed};
use crate::reader::citation;

/// Colours that read on white and on the dark theme alike, one per relation type.
const REL_COLORS: [&str; 8] = ["#2f7d32", "#7b3fa0", "#0b6e99", "#b26a00", "#c62828", "#546e7a", "#6d4c41", "#ad1457"];
const REL_DASHES: [&str; 4] = ["", "6 3", "2 3", "10 3 2 3"];

pub fn rel_color(rel: u16) -> &'static str {
    REL_COLORS[rel as usize % REL_COLORS.len()]
}

pub fn rel_dash(rel: u16) -> &'static str {
    REL_DASHES[(rel as usize / 2) % REL_DASHES.len()]
}

pub fn kind_color(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::ArmedGroup => "#c0392b",
        ActorKind::State => "#1f5fbf",
        ActorKind::Person => "#7e57c2",
        ActorKind::Institution => "#00897b",
    }
}

/// SVG shape per kind, so colour is not the only cue: circle, square, diamond, triangle.
pub fn kind_shape(kind: ActorKind, c: Point, r: f32) -> String {
    match kind {
        ActorKind::ArmedGroup => {
            format!(
                "M{} {}a{r} {r} 0 1 0 {} 0a{r} {r} 0 1 0 {} 0Z",
                f1(c.x - r),
                f1(c.y),
                f1(2.0 * r),
                f1(-2.0 * r),
                r = f1(r)
            )
        }
        ActorKind::State => {
            format!("M{} {}h{}v{}h{}Z", f1(c.x - r * 0.9), f1(c.y - r * 0.9), f1(1.8 * r), f1(1.8 * r), f1(-1.8 * r))
        }
        ActorKind::Person => format!(
            "M{} {}L{} {}L{} {}L{} {}Z",
            f1(c.x),
            f1(c.y - r * 1.2),
            f1(c.x + r * 1.2),
            f1(c.y),
            f1(c.x),
            f1(c.y + r * 1.2),
            f1(c.x - r * 1.2),
            f1(c.y)
        ),
        ActorKind::Institution => {
            format!(
                "M{} {}L{} {}L{} {}Z",
                f1(c.x),
                f1(c.y - r * 1.15),
                f1(c.x + r * 1.1),
                f1(c.y + r * 0.8),
                f1(c.x - r * 1.1),
                f1(c.y + r * 0.8)
            )
        }
    }
}

pub fn node_radius(mentions: u32) -> f32 {
    6.0 + 2.2 * (mentions as f32).sqrt()
}

pub fn edge_width(evidence: usize) -> f32 {
    1.0 + 1.6 * (evidence as f32).ln_1p()
}

/// A quadratic curve from `a` to `b`; the `k`-th of `n` edges between one pair bends
/// to its own side so parallel edges stay apart. Returns the path and its midpoint.
pub fn edge_path(a: Point, b: Point, k: usize, n: usize) -> (String, Point) {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let bend = (k as f32 - (n as f32 - 1.0) / 2.0) * 22.0;
    let (nx, ny) = (-dy / len, dx / len);
    let c = Point { x: (a.x + b.x) / 2.0 + nx * bend * 2.0, y: (a.y + b.y) / 2.0 + ny * bend * 2.0 };
    let mid = Point { x: (a.x + 2.0 * c.x + b.x) / 4.0, y: (a.y + 2.0 * c.y + b.y) / 4.0 };
    (format!("M{} {}Q{} {} {} {}", f1(a.x), f1(a.y), f1(c.x), f1(c.y), f1(b.x), f1(b.y)), mid)
}

/// For each edge, its index among the edges of its pair and that pair's edge count.
pub fn parallel_slots(edges: &[GEdge]) -> Vec<(usize, usize)> {
    let key = |e: &GEdge| (e.source.min(e.target), e.source.max(e.target));
    edges
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let same: Vec<usize> = (0..edges.len()).filter(|&j| key(&edges[j]) == key(e)).collect();
            (same.iter().position(|&j| j == i).unwrap_or(0), same.len())
        })
        .collect()
}

/// Which node labels show at zoom `k`: bigger nodes first, none overlapping, all of them
/// when asked for or from zoom 2 on. Boxes are sized for 12 px text on screen, so they
/// shrink in graph units as the view zooms in.
pub fn shown_labels(model: &Model, graph: &Graph, layout: &Layout, k: f32, all: bool) -> Vec<bool> {
    let boxes: Vec<LabelBox> = graph
        .nodes
        .iter()
        .map(|n| {
            let p = layout.position(n.actor).unwrap_or(Point { x: 0.0, y: 0.0 });
            LabelBox {
                at: Point { x: p.x, y: p.y + node_radius(n.mentions) + 9.0 / k },
                width: model.actors[n.actor as usize].name.chars().count() as f32 * 6.8 / k,
                height: 14.0 / k,
                priority: n.mentions as f32,
            }
        })
        .collect();
    place_labels(&boxes, all || k >= 2.0)
}

pub fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A standalone SVG of the graph as laid out, with a legend. `labels[i]` says whether
/// node `i` shows its name.
pub fn svg(model: &Model, graph: &Graph, layout: &Layout, labels: &[bool]) -> String {
    let (lo, hi) = layout.bounds();
    let pad = 60.0;
    let legend_h = 24.0 * (model.relation_types.len() as f32 + 5.0);
    let (x0, y0, w, h) =
        (lo.x - pad, lo.y - pad, hi.x - lo.x + 2.0 * pad + 220.0, (hi.y - lo.y + 2.0 * pad).max(legend_h));
    let (x0, y0, w, h, wi, hi_) = (f1(x0), f1(y0), f1(w), f1(h), Fixed(w as f64, 0), Fixed(h as f64, 0));
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{x0} {y0} {w} {h}\" width=\"{wi}\" height=\"{hi_}\" font-family=\"sans-serif\">\n\
         <title>Ties relationship graph</title>\n<rect x=\"{x0}\" y=\"{y0}\" width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n"
    );
    let slots = parallel_slots(&graph.edges);
    for (e, &(k, n)) in graph.edges.iter().zip(&slots) {
        let (Some(a), Some(b)) = (layout.position(e.source), layout.position(e.target)) else { continue };
        let (d, _) = edge_path(a, b, k, n);
        let (s, t) = (&model.actors[e.source as usize].name, &model.actors[e.target as usize].name);
        out.push_str(&format!(
            "<path class=\"edge\" d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" stroke-dasharray=\"{}\"><title>{} {} {} ({} sentences){}</title></path>\n",
            rel_color(e.rel),
            f1(edge_width(e.evidence.len())),
            rel_dash(e.rel),
            xml_escape(s),
            xml_escape(&model.relation_types[e.rel as usize].name),
            xml_escape(t),
            e.evidence.len(),
            if e.contested { ", contested" } else { "" }
        ));
    }
    for (i, node) in graph.nodes.iter().enumerate() {
        let Some(p) = layout.position(node.actor) else { continue };
        let r = node_radius(node.mentions);
        let name = xml_escape(&model.actors[node.actor as usize].name);
        out.push_str(&format!(
            "<path class=\"node\" d=\"{}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1.5\"><title>{name} ({} mentions)</title></path>\n",
            kind_shape(node.kind, p, r),
            kind_color(node.kind),
            node.mentions
        ));
        if labels.get(i).copied().unwrap_or(true) {
            out.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1b1f24\">{name}</text>\n",
                f1(p.x),
                f1(p.y + r + 13.0)
            ));
        }
    }
    // Legend.
    let (lx, mut ly) = (hi.x + pad + 10.0, lo.y - pad + 20.0);
    out.push_str(&format!("<g class=\"legend\" font-size=\"12\" fill=\"#1b1f24\"><text x=\"{}\" y=\"{}\" font-weight=\"bold\">Actors</text>\n", f1(lx), f1(ly)));
    for kind in ActorKind::ALL {
        ly += 20.0;
        out.push_str(&format!(
            "<path d=\"{}\" fill=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>\n",
            kind_shape(kind, Point { x: lx + 6.0, y: ly - 4.0 }, 6.0),
            kind_color(kind),
            f1(lx + 20.0),
            f1(ly),
            kind.as_str()
        ));
    }
    ly += 28.0;
    out.push_str(&format!("<text x=\"{}\" y=\"{}\" font-weight=\"bold\">Relations</text>\n", f1(lx), f1(ly)));
    for (i, r) in model.relation_types.iter().enumerate() {
        ly += 20.0;
        out.push_str(&format!(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"3\" stroke-dasharray=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>\n",
            f1(lx),
            f1(ly - 4.0),
            f1(lx + 14.0),
            f1(ly - 4.0),
            rel_color(i as u16),
            rel_dash(i as u16),
            f1(lx + 20.0),
            f1(ly),
            xml_escape(&r.name)
        ));
    }
    out.push_str("</g>\n</svg>\n");
    out
}

const PACK_COLUMNS: [&str; 12] = [
    "source",
    "relation",
    "target",
    "contested",
    "evidence_count",
    "doc",
    "title",
    "publication",
    "date",
    "cue",
    "sentence",
    "citation",
];

fn pack_rows(model: &Model, graph: &Graph) -> Vec<[String; 12]> {
    let mut rows = Vec::new();
    for e in &graph.edges {
        for ev in &e.evidence {
            let d = &model.docs[ev.doc as usize];
            rows.push([
                model.actors[e.source as usize].name.clone(),
                model.relation_types[e.rel as usize].name.clone(),
                model.actors[e.target as usize].name.clone(),
                e.contested.to_string(),
                e.evidence.len().to_string(),
                d.key.clone(),
                d.title.clone(),
                d.source.clone(),
                d.date.clone(),
                d.slice(ev.cue).to_string(),
                d.slice(ev.span).to_string(),
                citation(d),
            ]);
        }
    }
    rows
}

/// The evidence pack as CSV: one row per supporting sentence of each visible edge.
pub fn evidence_csv(model: &Model, graph: &Graph) -> String {
    csv_table(&PACK_COLUMNS, pack_rows(model, graph).iter().map(|r| &r[..]))
}

/// The evidence pack as JSON: the visible edges, each with its sentences and citations.
pub fn evidence_json(model: &Model, graph: &Graph) -> String {
    let edges: Vec<String> = graph
        .edges
        .iter()
        .map(|e| {
            let evidence: Vec<String> = e
                .evidence
                .iter()
                .map(|ev| {
                    let d = &model.docs[ev.doc as usize];
                    format!(
                        "{{\"doc\":{},\"title\":{},\"publication\":{},\"date\":{},\"sentence_index\":{},\"cue\":{},\"sentence\":{},\"citation\":{}}}",
                        json_string(&d.key),
                        json_string(&d.title),
                        json_string(&d.source),
                        json_string(&d.date),
                        ev.sentence,
                        json_string(d.slice(ev.cue)),
                        json_string(d.slice(ev.span)),
                        json_string(&citation(d))
                    )
                })
                .collect();
            format!(
                "{{\"source\":{},\"relation\":{},\"target\":{},\"directed\":{},\"contested\":{},\"evidence\":[{}]}}",
                json_string(&model.actors[e.source as usize].name),
                json_string(&model.relation_types[e.rel as usize].key),
                json_string(&model.actors[e.target as usize].name),
                model.relation_types[e.rel as usize].directed,
                e.contested,
                evidence.join(",")
            )
        })
        .collect();
    format!("{{\"edges\":[\n{}\n]}}", edges.join(",\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_edges_get_their_own_slots_and_curves() {
        let e = |s, t, rel| GEdge { edge: 0, source: s, target: t, rel, evidence: vec![], contested: false };
        let edges = [e(0, 1, 0), e(2, 3, 0), e(1, 0, 1)];
        assert_eq!(parallel_slots(&edges), [(0, 2), (0, 1), (1, 2)]);
        let (a, b) = (Point { x: 0.0, y: 0.0 }, Point { x: 100.0, y: 0.0 });
        assert_ne!(edge_path(a, b, 0, 2).0, edge_path(a, b, 1, 2).0);
        assert_eq!(edge_path(a, b, 0, 1).1, Point { x: 50.0, y: 0.0 }, "a lone edge is straight");
    }

    #[test]
    fn escapes_markup_in_names() {
        assert_eq!(xml_escape("<a & \"b\">"), "&lt;a &amp; &quot;b&quot;&gt;");
    }
}
