//! Any bytes as a scenario, then estimated against the built-in plans: accepted or refused with
//! an error naming a field, never a panic.
#![no_main]

use std::sync::OnceLock;

use costshare::Catalog;
use libfuzzer_sys::fuzz_target;

fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| Catalog::builtin().expect("the built-in data loads"))
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let _ = costshare::estimate_json(catalog(), text);
});
