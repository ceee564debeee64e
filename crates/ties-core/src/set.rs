//! Ordered sets and maps as sorted vectors.
//!
//! Why: the app's sets are small (selected filters, a document's actors, the documents in
//! view) and `BTreeSet`/`BTreeMap` compile their node-balancing code once per element type:
//! replacing them took 64 KB off the wasm (24 KB gzipped). A sorted `Vec` with binary search
//! keeps the same order and API for what the core uses, in a fraction of the code, and is
//! as fast at these sizes.

use std::ops::Index;

/// A set kept sorted and without duplicates; iterates in ascending order.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Set<T>(Vec<T>);

impl<T> Default for Set<T> {
    fn default() -> Self {
        Set(Vec::new())
    }
}

impl<T: Ord> Set<T> {
    pub fn new() -> Self {
        Set(Vec::new())
    }

    /// Adds `v`; false when it was already there.
    pub fn insert(&mut self, v: T) -> bool {
        match self.0.binary_search(&v) {
            Ok(_) => false,
            Err(i) => {
                self.0.insert(i, v);
                true
            }
        }
    }

    /// Removes `v`; false when it was not there.
    pub fn remove(&mut self, v: &T) -> bool {
        match self.0.binary_search(v) {
            Ok(i) => {
                self.0.remove(i);
                true
            }
            Err(_) => false,
        }
    }

    pub fn contains(&self, v: &T) -> bool {
        self.0.binary_search(v).is_ok()
    }

    pub fn is_subset(&self, other: &Set<T>) -> bool {
        self.0.iter().all(|v| other.contains(v))
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn clear(&mut self) {
        self.0.clear()
    }
}

impl<T: Ord> FromIterator<T> for Set<T> {
    fn from_iter<I: IntoIterator<Item = T>>(it: I) -> Self {
        let mut v: Vec<T> = it.into_iter().collect();
        crate::order::sort_dedup(&mut v);
        Set(v)
    }
}

impl<T: Ord> Extend<T> for Set<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, it: I) {
        self.0.extend(it);
        crate::order::sort_dedup(&mut self.0);
    }
}

impl<T: Ord, const N: usize> From<[T; N]> for Set<T> {
    fn from(a: [T; N]) -> Self {
        a.into_iter().collect()
    }
}

impl<T> IntoIterator for Set<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a Set<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// A map kept sorted by key; iterates in ascending key order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Map<K, V>(Vec<(K, V)>);

impl<K, V> Default for Map<K, V> {
    fn default() -> Self {
        Map(Vec::new())
    }
}

impl<K: Ord, V> Map<K, V> {
    pub fn new() -> Self {
        Map(Vec::new())
    }

    fn find(&self, k: &K) -> Result<usize, usize> {
        self.0.binary_search_by(|(key, _)| key.cmp(k))
    }

    /// The value at `k`, inserted as `V::default()` when missing (`entry().or_default()`).
    pub fn entry_or_default(&mut self, k: K) -> &mut V
    where
        V: Default,
    {
        let i = match self.find(&k) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (k, V::default()));
                i
            }
        };
        &mut self.0[i].1
    }

    pub fn get(&self, k: &K) -> Option<&V> {
        self.find(k).ok().map(|i| &self.0[i].1)
    }

    pub fn get_mut(&mut self, k: &K) -> Option<&mut V> {
        self.find(k).ok().map(|i| &mut self.0[i].1)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn remove(&mut self, k: &K) -> Option<V> {
        self.find(k).ok().map(|i| self.0.remove(i).1)
    }

    pub fn insert(&mut self, k: K, v: V) {
        match self.find(&k) {
            Ok(i) => self.0[i].1 = v,
            Err(i) => self.0.insert(i, (k, v)),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.0.iter_mut().map(|(_, v)| v)
    }
}

impl<K: Ord, V> Index<&K> for Map<K, V> {
    type Output = V;
    fn index(&self, k: &K) -> &V {
        self.get(k).expect("the key is in the map")
    }
}

impl<K, V> IntoIterator for Map<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_behaves_like_a_btree_set() {
        let mut s: Set<u16> = [5, 1, 3, 1].into_iter().collect();
        assert_eq!(s.iter().copied().collect::<Vec<_>>(), [1, 3, 5]);
        assert!(s.insert(2) && !s.insert(3));
        assert!(s.remove(&1) && !s.remove(&9));
        assert!(s.contains(&5) && !s.contains(&1));
        s.extend([9, 2, 0]);
        assert_eq!(s.into_iter().collect::<Vec<_>>(), [0, 2, 3, 5, 9]);
        assert!(Set::from([1, 2]).is_subset(&Set::from([2, 1, 3])));
        assert!(!Set::from([1, 4]).is_subset(&Set::from([1, 2])));
        assert_eq!(Set::<u8>::from([2, 1]), Set::from([1, 2]));
    }

    #[test]
    fn map_keeps_keys_sorted() {
        let mut m: Map<(u16, u32), usize> = Map::new();
        *m.entry_or_default((2, 0)) += 1;
        *m.entry_or_default((1, 5)) += 1;
        *m.entry_or_default((2, 0)) += 1;
        assert_eq!(m[&(2, 0)], 2);
        assert_eq!(m.get(&(9, 9)), None);
        assert_eq!(m.into_iter().collect::<Vec<_>>(), [((1, 5), 1), ((2, 0), 2)]);
        let mut g: Map<i32, &str> = Map::new();
        g.insert(7, "a");
        g.insert(7, "b");
        assert_eq!((g.len(), g.remove(&7), g.is_empty()), (1, Some("b"), true));
    }
}
