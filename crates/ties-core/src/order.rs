//! Sorting through one shared, non-generic routine.
//!
//! Why: every `sort_by` call with its own element type or closure is a separate copy of the
//! standard library's driftsort in the wasm, 2 to 5 KB each; the app had 23 of them, and
//! routing them through here took 61 KB off the wasm (18 KB gzipped). Here the comparison is a `&dyn Fn` over indices, so the sort itself
//! is compiled once, and what each call site adds is only its small comparator and a
//! permutation. The result is stable (ties keep their order), like `slice::sort_by`.
//!
//! Use these in the core and the app instead of `sort*` on slices; `cargo test` covers
//! them here, and the corpus sizes the app sorts (actors, documents, hits) are small.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = sorted_indices(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(v, &order);
}

/// Sorts `v` stably by a key, computed on each comparison (keys here are cheap).
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably in its natural order.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// Sorts and removes consecutive duplicates.
pub fn sort_dedup<T: Ord>(v: &mut Vec<T>) {
    sort(v);
    v.dedup();
}

/// The one monomorphic sort: indices `0..n` ordered by `cmp`, ties by index (so stable).
fn sorted_indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let mut idx: Vec<u32> = (0..n as u32).collect();
    idx.sort_unstable_by(|&a, &b| cmp(a as usize, b as usize).then(a.cmp(&b)));
    idx
}

/// Reorders `v` so that position `i` holds the element that was at `order[i]`.
fn permute<T>(v: &mut Vec<T>, order: &[u32]) {
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.iter().map(|&i| slots[i as usize].take().expect("a permutation takes each index once")));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_library() {
        let input: Vec<(u8, char)> = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e'), (2, 'f'), (3, 'g')];
        let mut ours = input.clone();
        sort_by_key(&mut ours, |p| p.0);
        let mut std = input.clone();
        std.sort_by_key(|p| p.0);
        assert_eq!(ours, std);
        assert_eq!(ours.iter().map(|p| p.1).collect::<String>(), "dbefacg");
    }

    #[test]
    fn reverse_comparators_and_natural_order() {
        let mut v = vec![5, 1, 4, 1, 5, 9, 2, 6];
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, [9, 6, 5, 5, 4, 2, 1, 1]);
        sort_dedup(&mut v);
        assert_eq!(v, [1, 2, 4, 5, 6, 9]);
        let mut words = vec!["b".to_string(), "a".into(), "c".into()];
        sort(&mut words);
        assert_eq!(words, ["a", "b", "c"]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }
}
