//! Writes `data/cms-years.json` from `data/cms-utilization.json` (src/cms_table.rs):
//! `cargo run --release --example cms-years`. With `--check`, exits 1 if the file differs.
use std::path::Path;

use costshare::cms_table::{years_json, Table, CLAIMS};
use costshare::Vocabulary;

fn main() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let read = |name: &str| std::fs::read_to_string(data.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let vocab = Vocabulary::from_json("services.json", &read("services.json")).unwrap_or_else(|e| panic!("{e}"));
    let table = Table::from_json("cms-utilization.json", &read("cms-utilization.json"), &vocab).unwrap_or_else(|e| panic!("{e}"));
    let text = years_json(&table.years(&vocab, CLAIMS).unwrap_or_else(|e| panic!("{e}")));
    let out = data.join("cms-years.json");
    if std::env::args().any(|a| a == "--check") {
        let same = std::fs::read_to_string(&out).is_ok_and(|t| t == text);
        println!("{}", if same { "data/cms-years.json is up to date" } else { "data/cms-years.json differs: run cargo run --release --example cms-years" });
        std::process::exit(if same { 0 } else { 1 });
    }
    std::fs::write(&out, &text).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    println!("wrote {} ({} bytes)", out.display(), text.len());
}
