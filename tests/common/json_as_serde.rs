//! The strict reader's tree (`costshare::json::Json`) as serde_json would hold it (a repeated
//! key keeps its last value): the reference the reader is checked against, by `tests/fuzz.rs`
//! and by the cargo-fuzz target `fuzz/fuzz_targets/json_reader.rs`, which include this file.

use costshare::json::Json;

pub fn as_serde(v: &Json) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => serde_json::from_str(n).expect("a number serde_json can read"),
        Json::String(s) => Value::String(s.clone()),
        Json::Array(items) => Value::Array(items.iter().map(as_serde).collect()),
        Json::Object(entries) => Value::Object(entries.iter().map(|(k, v)| (k.clone(), as_serde(v))).collect()),
    }
}
