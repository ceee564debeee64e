//! The layout is deterministic, settles, keeps positions across changes, honours pins,
//! and Barnes–Hut agrees with the exact forces.

use super::*;

fn ring(n: u16) -> (Vec<ActorId>, Vec<(ActorId, ActorId, f32)>) {
    let ids: Vec<ActorId> = (0..n).collect();
    let links = (0..n).map(|i| (i, (i + 1) % n, 1.0)).collect();
    (ids, links)
}

fn settle(l: &mut Layout) -> usize {
    let mut steps = 0;
    while !l.settled() {
        l.step();
        steps += 1;
    }
    steps
}

#[test]
fn the_same_seed_gives_the_same_layout() {
    let (ids, links) = ring(12);
    let run = || {
        let mut l = Layout::new(7);
        l.sync(&ids, &links);
        settle(&mut l);
        l.nodes.iter().map(|n| (n.x, n.y)).collect::<Vec<_>>()
    };
    assert_eq!(run(), run());
}

#[test]
fn it_settles_with_linked_nodes_near_and_none_on_top_of_another() {
    let (ids, links) = ring(12);
    let mut l = Layout::new(1);
    l.sync(&ids, &links);
    let steps = settle(&mut l);
    assert!(steps < 150, "{steps} steps");
    let d = |a: usize, b: usize| ((l.nodes[a].x - l.nodes[b].x).powi(2) + (l.nodes[a].y - l.nodes[b].y).powi(2)).sqrt();
    for i in 0..12 {
        assert!(d(i, (i + 1) % 12) < 200.0, "linked nodes stay near: {}", d(i, (i + 1) % 12));
        for j in i + 1..12 {
            assert!(d(i, j) > 10.0, "nodes {i} and {j} overlap");
        }
    }
}

#[test]
fn sync_keeps_positions_and_places_newcomers_near_their_neighbours() {
    let (ids, links) = ring(8);
    let mut l = Layout::new(3);
    l.sync(&ids, &links);
    settle(&mut l);
    let before = l.position(2).unwrap();
    let mut ids2 = ids.clone();
    ids2.push(100);
    let mut links2 = links.clone();
    links2.push((100, 2, 1.0));
    assert!(l.sync(&ids2, &links2));
    assert_eq!(l.position(2), Some(before), "existing nodes keep their place");
    let new = l.position(100).unwrap();
    assert!(((new.x - before.x).powi(2) + (new.y - before.y).powi(2)).sqrt() < 40.0, "enters near its neighbour");
    assert!(!l.sync(&ids2, &links2), "nothing changed");
}

#[test]
fn pinned_nodes_stay_put_until_released() {
    let (ids, links) = ring(6);
    let mut l = Layout::new(5);
    l.sync(&ids, &links);
    l.pin(0, Point { x: 500.0, y: -300.0 });
    l.reheat(1.0);
    settle(&mut l);
    assert_eq!(l.position(0), Some(Point { x: 500.0, y: -300.0 }));
    l.unpin(0);
    l.reheat(1.0);
    settle(&mut l);
    assert_ne!(l.position(0), Some(Point { x: 500.0, y: -300.0 }));
}

#[test]
fn barnes_hut_approximates_the_exact_repulsion() {
    let mut l = Layout::new(11);
    let ids: Vec<ActorId> = (0..400).collect();
    l.sync(&ids, &[]);
    let tree = QuadTree::build(&l.nodes);
    let (mut worst, mut total) = (0.0f32, 0.0f32);
    for i in (0..400).step_by(37) {
        let (mut ex, mut ey) = (0.0, 0.0);
        for j in 0..400 {
            if i != j {
                let (dx, dy) = (l.nodes[j].x - l.nodes[i].x, l.nodes[j].y - l.nodes[i].y);
                let f = REPULSION / (dx * dx + dy * dy).max(1.0);
                ex += dx * f;
                ey += dy * f;
            }
        }
        let (bx, by) = tree.repulsion(l.nodes[i].x, l.nodes[i].y, i);
        let err = ((bx - ex).powi(2) + (by - ey).powi(2)).sqrt() / (ex * ex + ey * ey).sqrt().max(1e-3);
        worst = worst.max(err);
        total += err;
    }
    assert!(worst < 0.25, "worst relative error {worst}");
    assert!(total / 11.0 < 0.1);
}

#[test]
fn labels_give_way_to_bigger_nodes_unless_all_are_asked_for() {
    let b = |x: f32, p: f32| LabelBox { at: Point { x, y: 0.0 }, width: 50.0, height: 10.0, priority: p };
    let labels = [b(0.0, 1.0), b(20.0, 5.0), b(100.0, 0.5)];
    assert_eq!(place_labels(&labels, false), [false, true, true]);
    assert_eq!(place_labels(&labels, true), [true, true, true]);
}
