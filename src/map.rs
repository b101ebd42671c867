//! `SortedMap`: a map kept as a vector of pairs in key order, with the part of `BTreeMap`'s
//! API the engine uses.
//!
//! Why not `BTreeMap`: its node code is generated again for every key and value type, and with
//! eight map types it was about 40 KB of the WebAssembly module before optimisation (twiggy,
//! BENCHMARKS.md). The maps here hold a few dozen entries at most (services of a plan, plans
//! of a catalog), where a binary search over a vector is as fast. Iteration is in key order,
//! as with `BTreeMap`, so output and error order are unchanged.

use std::borrow::Borrow;

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::error::{ErrorKind, Expected, Many};
use crate::json::{fail, FromJson, FromKey, Path, Read, Reader};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SortedMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap { entries: Vec::new() }
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    pub fn new() -> Self {
        SortedMap::default()
    }

    fn position<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.position(key).ok().map(|i| &self.entries[i].1)
    }

    pub fn get_key_value<Q: Ord + ?Sized>(&self, key: &Q) -> Option<(&K, &V)>
    where
        K: Borrow<Q>,
    {
        self.position(key).ok().map(|i| (&self.entries[i].0, &self.entries[i].1))
    }

    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        self.position(key).ok().map(|i| &mut self.entries[i].1)
    }

    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.position(key).is_ok()
    }

    /// Sets `key` to `value`; returns the value it replaces.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.position(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    /// The value of `key`, first set to `make()` if the map has none.
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let i = match self.position(&key) {
            Ok(i) => i,
            Err(i) => {
                self.entries.insert(i, (key, make()));
                i
            }
        };
        &mut self.entries[i].1
    }
}

impl<K, V> SortedMap<K, V> {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entries in key order.
    pub fn iter(&self) -> <&Self as IntoIterator>::IntoIter {
        self.into_iter()
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator + Clone {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator + Clone {
        self.entries.iter().map(|(_, v)| v)
    }

    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> + ExactSizeIterator {
        self.entries.iter_mut().map(|(_, v)| v)
    }
}

impl<'a, K, V> IntoIterator for &'a SortedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

/// As with `BTreeMap`, a key given twice keeps its last value.
impl<K: Ord, V> FromIterator<(K, V)> for SortedMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut map = SortedMap::new();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for SortedMap<K, V> {
    fn from(pairs: [(K, V); N]) -> Self {
        pairs.into_iter().collect()
    }
}

/// Written as a JSON object, in key order.
impl<K: Serialize, V: Serialize> Serialize for SortedMap<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (k, v) in &self.entries {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// The most entries a map in an input may have (a plan has about 40 services): more is refused
/// at the entry past the limit, before it is read.
pub const MAX_ENTRIES: usize = 1_000;

/// Read from a JSON object. A key written twice is refused: keeping the last silently would
/// let a duplicated service id in a plan file overwrite the first unnoticed.
impl<K: FromKey + Ord, V: FromJson> FromJson for SortedMap<K, V> {
    fn read(r: &mut Reader, at: Path) -> Read<Self> {
        let mut map = SortedMap::new();
        r.object(at, Expected::Object, |r, key, here| {
            if map.len() == MAX_ENTRIES {
                return fail(at, ErrorKind::too_many(MAX_ENTRIES as u64, Many::Entries));
            }
            let k = K::from_key(key, here)?;
            if map.contains_key(&k) {
                return fail(here, ErrorKind::duplicate_key(key));
            }
            let v = V::read(r, here)?;
            map.insert(k, v);
            Ok(())
        })?;
        Ok(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_like_a_btree_map() {
        let mut m: SortedMap<String, u32> = SortedMap::new();
        let mut b = std::collections::BTreeMap::new();
        for (i, k) in ["m", "c", "x", "c", "a", "z", "m"].iter().enumerate() {
            assert_eq!(m.insert(k.to_string(), i as u32), b.insert(k.to_string(), i as u32));
        }
        assert!(m.iter().eq(b.iter()));
        assert_eq!(m.get("c"), b.get("c"));
        assert_eq!(m.get("nope"), None);
        *m.get_or_insert_with("b".into(), || 0) += 5;
        *m.get_or_insert_with("b".into(), || 0) += 5;
        assert_eq!(m.get("b"), Some(&10));
        assert_eq!(m.keys().map(String::as_str).collect::<Vec<_>>(), ["a", "b", "c", "m", "x", "z"]);
        assert_eq!(serde_json::to_string(&m).unwrap(), r#"{"a":4,"b":10,"c":3,"m":6,"x":2,"z":5}"#);
    }

    #[test]
    fn reads_an_object_in_key_order_and_refuses_a_repeated_key_or_too_many() {
        let read = |text: &str| crate::json::parse::<SortedMap<String, u32>>("t", text);
        let m = read(r#"{"z": 1, "a": 2, "m": 3}"#).unwrap();
        assert_eq!(m.keys().map(String::as_str).collect::<Vec<_>>(), ["a", "m", "z"]);
        let e = read(r#"{"z": 1, "a": 2, "z": 3}"#).unwrap_err();
        assert_eq!((e.field().as_str(), e.message().as_str()), ("z", r#"duplicate key "z""#));
        // Many keys: a thousand are read, more are refused before any is read.
        let many = |n: usize| format!("{{{}}}", (0..n).rev().map(|i| format!("\"k{i:06}\": {i}")).collect::<Vec<_>>().join(","));
        assert_eq!(read(&many(MAX_ENTRIES)).unwrap().get("k000007"), Some(&7));
        let e = read(&many(200_000)).unwrap_err();
        assert_eq!((e.field().as_str(), e.code(), e.message().as_str()), ("", crate::error::Code::TooMany, "at most 1000 entries"));
    }
}
