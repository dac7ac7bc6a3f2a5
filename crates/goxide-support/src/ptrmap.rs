//! Go maps keyed by pointers or channels, which Go compares by identity: `map[*Node]bool`.
//!
//! A Rust pointer (`Option<Rc<RefCell<T>>>`) has no `Hash`, and its `PartialEq` would compare
//! the values pointed to, so such a map is a [`PtrMap`]: the same methods as a `HashMap`
//! (`get`, `insert`, `entry(k).or_default()`, `remove`, `iter`, …), keyed by the address each
//! key holds ([`MapKey`]), 0 for nil. A key keeps its variable alive, so its address is not
//! reused while it is in the map. Entries iterate in insertion order (Go's order is
//! unspecified); `fmt` prints them sorted by address, as Go does.

use super::fmt::{Format, Formatter, Kind};
use super::rt::MapKey;
use std::collections::HashMap;

/// A map whose keys compare by identity (see the module documentation).
#[derive(Clone)]
pub struct PtrMap<K, V> {
    entries: Vec<(K, V)>,
    /// Key address → position in `entries`.
    index: HashMap<usize, usize>,
}

impl<K, V> Default for PtrMap<K, V> {
    fn default() -> Self {
        PtrMap {
            entries: Vec::new(),
            index: HashMap::new(),
        }
    }
}

impl<K: std::fmt::Debug, V: std::fmt::Debug> std::fmt::Debug for PtrMap<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map()
            .entries(self.entries.iter().map(|(k, v)| (k, v)))
            .finish()
    }
}

/// A vacant or occupied place for one key, as `HashMap::entry` gives.
pub struct Entry<'a, K, V> {
    map: &'a mut PtrMap<K, V>,
    key: K,
}

impl<'a, K: MapKey, V> Entry<'a, K, V> {
    /// The value for the key, inserting `V::default()` first if there is none.
    pub fn or_default(self) -> &'a mut V
    where
        V: Default,
    {
        self.or_insert_with(V::default)
    }

    /// The value for the key, inserting `v` first if there is none.
    pub fn or_insert(self, v: V) -> &'a mut V {
        self.or_insert_with(|| v)
    }

    /// The value for the key, inserting `f()` first if there is none.
    pub fn or_insert_with(self, f: impl FnOnce() -> V) -> &'a mut V {
        let at = match self.map.index.get(&self.key.map_key()) {
            Some(&i) => i,
            None => {
                self.map
                    .index
                    .insert(self.key.map_key(), self.map.entries.len());
                self.map.entries.push((self.key, f()));
                self.map.entries.len() - 1
            }
        };
        &mut self.map.entries[at].1
    }

    /// Changes the value if the key has one.
    pub fn and_modify(self, f: impl FnOnce(&mut V)) -> Self {
        if let Some(v) = self.map.get_mut(&self.key) {
            f(v);
        }
        self
    }
}

impl<K: MapKey, V> PtrMap<K, V> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_capacity(n: usize) -> Self {
        PtrMap {
            entries: Vec::with_capacity(n),
            index: HashMap::with_capacity(n),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn get(&self, k: &K) -> Option<&V> {
        self.index.get(&k.map_key()).map(|&i| &self.entries[i].1)
    }

    pub fn get_mut(&mut self, k: &K) -> Option<&mut V> {
        let i = *self.index.get(&k.map_key())?;
        Some(&mut self.entries[i].1)
    }

    pub fn contains_key(&self, k: &K) -> bool {
        self.index.contains_key(&k.map_key())
    }

    /// Sets the value for `k`, returning the value it replaces.
    pub fn insert(&mut self, k: K, v: V) -> Option<V> {
        match self.index.get(&k.map_key()) {
            Some(&i) => Some(std::mem::replace(&mut self.entries[i].1, v)),
            None => {
                self.index.insert(k.map_key(), self.entries.len());
                self.entries.push((k, v));
                None
            }
        }
    }

    /// Removes `k`'s entry, returning its value. (The last entry takes its place.)
    pub fn remove(&mut self, k: &K) -> Option<V> {
        let i = self.index.remove(&k.map_key())?;
        let (_, v) = self.entries.swap_remove(i);
        if let Some((moved, _)) = self.entries.get(i) {
            self.index.insert(moved.map_key(), i);
        }
        Some(v)
    }

    pub fn entry(&mut self, key: K) -> Entry<'_, K, V> {
        Entry { map: self, key }
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
    }

    /// Keeps the entries `f` accepts.
    pub fn retain(&mut self, mut f: impl FnMut(&K, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| f(k, v));
        self.reindex();
    }

    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&K, &mut V)> {
        self.entries.iter_mut().map(|(k, v)| (&*k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, v)| v)
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.entries.iter_mut().map(|(_, v)| v)
    }

    pub fn into_keys(self) -> impl Iterator<Item = K> {
        self.entries.into_iter().map(|(k, _)| k)
    }

    pub fn into_values(self) -> impl Iterator<Item = V> {
        self.entries.into_iter().map(|(_, v)| v)
    }

    pub fn drain(&mut self) -> impl Iterator<Item = (K, V)> + '_ {
        self.index.clear();
        self.entries.drain(..)
    }

    fn reindex(&mut self) {
        self.index = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (k.map_key(), i))
            .collect();
    }
}

impl<K: MapKey, V> FromIterator<(K, V)> for PtrMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut m = PtrMap::new();
        m.extend(iter);
        m
    }
}

impl<K: MapKey, V> Extend<(K, V)> for PtrMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl<K: MapKey, V, const N: usize> From<[(K, V); N]> for PtrMap<K, V> {
    fn from(entries: [(K, V); N]) -> Self {
        entries.into_iter().collect()
    }
}

impl<K, V> IntoIterator for PtrMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

/// Printed as Go prints a map, its keys sorted by address.
impl<K: MapKey + Format, V: Format> Format for PtrMap<K, V> {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        let name = Self::go_type();
        let mut sorted: Vec<(&K, &V)> = self.iter().collect();
        sorted.sort_by_key(|(k, _)| k.map_key());
        let addr = self as *const _ as usize;
        super::fmt::fmt_sorted_map(sorted, f, verb, &name, addr, self);
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        format!("map[{}]{}", K::go_type(), V::go_type())
    }
    fn kind(&self) -> Kind {
        Kind::Map
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::rc::Rc;

    type P = Option<Rc<RefCell<i64>>>;

    fn ptr(v: i64) -> P {
        Some(Rc::new(RefCell::new(v)))
    }

    #[test]
    fn keys_compare_by_identity_not_value() {
        let (a, b) = (ptr(1), ptr(1));
        let mut m: PtrMap<P, &str> = PtrMap::new();
        m.insert(a.clone(), "a");
        m.insert(b.clone(), "b");
        m.insert(None, "nil");
        assert_eq!(m.len(), 3);
        assert_eq!(m.get(&a), Some(&"a"));
        assert_eq!(m.get(&b), Some(&"b"));
        assert_eq!(m.get(&None), Some(&"nil"));
        assert_eq!(m.get(&ptr(1)), None);
        assert_eq!(m.insert(a.clone(), "A"), Some("a"));
        assert_eq!(m.len(), 3);
    }

    #[test]
    fn remove_entry_and_retain_keep_the_index_true() {
        let ps: Vec<P> = (0..5).map(ptr).collect();
        let mut m: PtrMap<P, i64> = ps.iter().cloned().zip(0..).collect();
        *m.entry(ps[1].clone()).or_default() += 10;
        assert_eq!(m.remove(&ps[0]), Some(0));
        assert_eq!(m.remove(&ps[0]), None);
        for (i, p) in ps.iter().enumerate().skip(1) {
            assert!(m.contains_key(p), "{i}");
        }
        assert_eq!(m.get(&ps[1]), Some(&11));
        m.retain(|_, v| *v % 2 == 0);
        assert_eq!(m.len(), 2);
        assert_eq!(m.get(&ps[2]), Some(&2));
        assert_eq!(m.get(&ps[4]), Some(&4));
        assert!(!m.contains_key(&ps[3]));
        let total: i64 = m.values().sum();
        assert_eq!(total, 6);
    }
}
