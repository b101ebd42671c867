//! Writes `data/cms-years.json` from `data/cms-utilization.json` (src/cms_table.rs), and the
//! presets of `data/usage-presets.json` that are the table's Maternity and Diabetes rows
//! (`having_a_baby`, `managing_diabetes`: the same claims; the file's other presets are left as
//! they are): `cargo run --release --example cms-years`. With `--check`, exits 1 if either
//! file differs.
use std::path::Path;

use costshare::cms_table::{usage_presets_json, years_json, Table, CLAIMS};
use costshare::Vocabulary;

fn main() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let read = |name: &str| std::fs::read_to_string(data.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let vocab = Vocabulary::from_json("services.json", &read("services.json")).unwrap_or_else(|e| panic!("{e}"));
    let table = Table::from_json("cms-utilization.json", &read("cms-utilization.json"), &vocab).unwrap_or_else(|e| panic!("{e}"));
    let years = table.years(&vocab, CLAIMS).unwrap_or_else(|e| panic!("{e}"));
    let files = [
        ("cms-years.json", years_json(&years)),
        ("usage-presets.json", usage_presets_json(&read("usage-presets.json"), &years).unwrap_or_else(|e| panic!("{e}"))),
    ];
    let check = std::env::args().any(|a| a == "--check");
    let mut stale = false;
    for (name, text) in &files {
        let out = data.join(name);
        if check {
            let same = std::fs::read_to_string(&out).is_ok_and(|t| &t == text);
            println!("data/{name} {}", if same { "is up to date" } else { "differs: run cargo run --release --example cms-years" });
            stale |= !same;
        } else {
            std::fs::write(&out, text).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
            println!("wrote {} ({} bytes)", out.display(), text.len());
        }
    }
    std::process::exit(i32::from(stale));
}
