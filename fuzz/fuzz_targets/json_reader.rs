//! Any bytes: the strict reader (`src/json/`) accepts exactly what serde_json accepts (numbers
//! beyond f64 aside, which it keeps as text), reads the same tree, and never panics.
#![no_main]

#[path = "../../tests/common/json_as_serde.rs"]
mod json_as_serde;

use costshare::json::Json;
use json_as_serde::as_serde;
use libfuzzer_sys::fuzz_target;

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
