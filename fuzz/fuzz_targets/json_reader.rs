//! Any bytes: the strict reader (`src/json/`) accepts exactly what serde_json accepts (numbers
//! beyond f64 aside, which it keeps as text), reads the same tree, and never panics.
#![no_main]

use costshare::json::Json;
use libfuzzer_sys::fuzz_target;

fn as_serde(v: &Json) -> serde_json::Value {
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

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let ours = Json::parse(text);
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(reference) => {
            // serde_json has no depth limit of ours (128); deeper texts are ours to refuse.
            if let Ok(ours) = ours {
                assert_eq!(as_serde(&ours), reference, "{text}");
            }
        }
        Err(e) if e.to_string().contains("number out of range") => {}
        Err(e) => assert!(ours.is_err(), "serde_json refuses it ({e}), we read it: {text}"),
    }
});
