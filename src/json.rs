//! Strict JSON reading that reports the path of the field at fault.

use serde::de::DeserializeOwned;

use crate::error::Error;

/// Inputs larger than this are refused before parsing (a plan file is ~30 KB).
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;

pub fn parse<T: DeserializeOwned>(origin: &str, text: &str) -> Result<T, Error> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::invalid(origin, "", format!("input is larger than {} bytes", MAX_INPUT_BYTES)));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| from_path_error(origin, e))?;
    de.end().map_err(|e| Error::invalid(origin, "", format!("unexpected text after the JSON value ({e})")))?;
    Ok(value)
}

pub fn from_path_error(origin: &str, e: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let field = path_text(e.path());
    let inner = e.into_inner();
    let message = if inner.is_syntax() || inner.is_eof() {
        format!("malformed JSON: {inner}")
    } else {
        plain_words(&inner.to_string())
    };
    Error::invalid(origin, field, message)
}

/// serde's wording of a wrong integer ("expected u32") is for programmers.
pub fn plain_words(m: &str) -> String {
    m.replace("expected u32", "expected a whole number from 0 upward")
        .replace("expected u16", "expected a whole number from 0 upward")
        .replace("expected a boolean", "expected true or false")
}

/// `serde_path_to_error` writes `services[2].allowed`; the root is "." — we print it empty.
pub fn path_text(path: &serde_path_to_error::Path) -> String {
    let s = path.to_string();
    if s == "." { String::new() } else { s }
}

/// Deserializes a map, refusing a key that appears twice (plain maps keep the last silently,
/// which would let a duplicated service id in a plan file overwrite the first unnoticed).
pub fn unique_map<'de, D, K, V>(deserializer: D) -> Result<std::collections::BTreeMap<K, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    K: serde::Deserialize<'de> + Ord + std::fmt::Debug,
    V: serde::Deserialize<'de>,
{
    use serde::de::{Error as _, MapAccess, Visitor};
    struct UniqueMap<K, V>(std::marker::PhantomData<(K, V)>);
    impl<'de, K, V> Visitor<'de> for UniqueMap<K, V>
    where
        K: serde::Deserialize<'de> + Ord + std::fmt::Debug,
        V: serde::Deserialize<'de>,
    {
        type Value = std::collections::BTreeMap<K, V>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = std::collections::BTreeMap::new();
            while let Some(key) = map.next_key::<K>()? {
                if out.contains_key(&key) {
                    return Err(A::Error::custom(format!("duplicate key {key:?}")));
                }
                let value = map.next_value()?;
                out.insert(key, value);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_map(UniqueMap(std::marker::PhantomData))
}
