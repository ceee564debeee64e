//! Criterion benchmarks of the core on corpora generated from the seeds:
//! - one layout step on a graph of 1,000 actors and 5,000 relations, named and typed
//!   after the seeds' actors and relations (target: ≤ 4 ms);
//! - one step on the seeds' own graph;
//! - building the graph and the explorer view on the seeds.
//! Run: `cargo bench -p ties-cli --bench layout`.

use std::hint::black_box;
use std::path::Path;
use ties_core::set::Set;

use criterion::{criterion_group, criterion_main, Criterion};
use ties_core::explore::Explorer;
use ties_core::graph::{Graph, GraphOpts};
use ties_core::layout::Layout;
use ties_core::model::ActorId;
use ties_core::state::State;

fn seeds() -> ties_core::Model {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    ties_cli::load_dir(&dir).expect("the seeds load")
}

/// 1,000 nodes: the seeds' actors repeated; 5,000 links drawn with the seeds' degree
/// distribution (hubs like the Taliban stay hubs), from a fixed pseudo-random stream.
fn generated(model: &ties_core::Model, nodes: usize, links: usize) -> (Vec<ActorId>, Vec<(ActorId, ActorId, f32)>) {
    let n_seed = model.actors.len();
    let mut degree = vec![1usize; n_seed];
    for e in &model.edges {
        degree[e.source as usize] += e.evidence.len();
        degree[e.target as usize] += e.evidence.len();
    }
    let weighted: Vec<usize> = (0..nodes).flat_map(|i| std::iter::repeat_n(i, degree[i % n_seed].min(12))).collect();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let ids: Vec<ActorId> = (0..nodes as ActorId).collect();
    let mut out = Vec::with_capacity(links);
    while out.len() < links {
        let a = weighted[(next() % weighted.len() as u64) as usize];
        let b = weighted[(next() % weighted.len() as u64) as usize];
        if a != b {
            out.push((a as ActorId, b as ActorId, 1.0 + (next() % 4) as f32));
        }
    }
    (ids, out)
}

fn bench(c: &mut Criterion) {
    let model = seeds();
    let (ids, links) = generated(&model, 1000, 5000);
    let mut big = Layout::new(42);
    big.sync(&ids, &links);
    for _ in 0..20 {
        big.step();
    }
    c.bench_function("layout step, 1000 nodes / 5000 edges (Barnes-Hut)", |b| {
        b.iter(|| {
            big.reheat(0.5);
            big.step();
            black_box(&big);
        })
    });

    let docs: Set<u16> = (0..model.docs.len() as u16).collect();
    let graph = Graph::build(&model, &docs, &GraphOpts::default(), None);
    let ids: Vec<ActorId> = graph.nodes.iter().map(|n| n.actor).collect();
    let links: Vec<(ActorId, ActorId, f32)> =
        graph.edges.iter().map(|e| (e.source, e.target, e.evidence.len() as f32)).collect();
    c.bench_function("layout settle, seeds graph", |b| {
        b.iter(|| {
            let mut l = Layout::new(42);
            l.sync(&ids, &links);
            while !l.settled() {
                l.step();
            }
            black_box(l)
        })
    });
    c.bench_function("graph build, seeds", |b| {
        b.iter(|| black_box(Graph::build(&model, &docs, &GraphOpts::default(), None)))
    });
    let explorer = Explorer::new(&model);
    let state = State { query: "taliban \"safe haven\" -iran".into(), ..State::default() };
    c.bench_function("explorer view with a query, seeds", |b| b.iter(|| black_box(explorer.view(&model, &state))));
}

criterion_group!(benches, bench);
criterion_main!(benches);
