//! Golden scenarios as data (`tests/golden/<plan-id>.json`): hand-computed from the plan's
//! document, each naming the rule and the document line it checks. The same files are run
//! against the compiled WebAssembly module by `tests/wasm.test.mjs`.
//!
//! A case gives either `expect` (fields of the result, compared with the CLI's JSON; lines by
//! index, members by id; `assumptions` is compared as the engine's data, the form the
//! WebAssembly module returns, not the CLI's sentences) or `expect_error`
//! (`{"field", "code"}`: the scenario is refused, naming that field with that code).

use std::fs;
use std::path::PathBuf;

use costshare::{estimate, Catalog, Scenario};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Compares the fields `expect` names with the result; returns the differences.
pub fn compare(expect: &Value, result: &Value) -> Vec<String> {
    let mut diffs = Vec::new();
    let Some(expect) = expect.as_object() else {
        return vec!["expect is not an object".into()];
    };
    for (key, want) in expect {
        match key.as_str() {
            "members" => {
                for w in want.as_array().unwrap() {
                    let id = &w["id"];
                    let got = result["members"].as_array().unwrap().iter().find(|m| &m["id"] == id);
                    match got {
                        None => diffs.push(format!("members: no member {id}")),
                        Some(g) => {
                            for (f, wv) in w.as_object().unwrap() {
                                if &g[f] != wv {
                                    diffs.push(format!("members[{id}].{f}: expected {wv}, got {}", g[f]));
                                }
                            }
                        }
                    }
                }
            }
            "lines" => {
                let want = want.as_array().unwrap();
                let got = result["lines"].as_array().unwrap();
                if want.len() != got.len() {
                    diffs.push(format!("lines: expected {} lines, got {}", want.len(), got.len()));
                }
                for (i, (w, g)) in want.iter().zip(got).enumerate() {
                    for (f, wv) in w.as_object().unwrap() {
                        if f == "note_includes" {
                            let note = g["note"].as_str().unwrap_or("");
                            if !note.contains(wv.as_str().unwrap()) {
                                diffs.push(format!("lines[{i}].note: expected it to include {wv}, got {note:?}"));
                            }
                        } else if &g[f] != wv {
                            diffs.push(format!("lines[{i}] ({}).{f}: expected {wv}, got {}", g["service"], g[f]));
                        }
                    }
                }
            }
            _ => {
                if &result[key] != want {
                    diffs.push(format!("{key}: expected {want}, got {}", result[key]));
                }
            }
        }
    }
    diffs
}

#[test]
fn golden_scenarios_match_hand_computed_figures() {
    let catalog = Catalog::load_dir(&Catalog::builtin_data_dir()).unwrap();
    let mut files: Vec<PathBuf> = fs::read_dir(root().join("tests/golden"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no golden files");
    let mut failures = Vec::new();
    let mut cases = 0;
    for file in &files {
        let doc: Value = serde_json::from_str(&fs::read_to_string(file).unwrap()).unwrap();
        let plan = doc["plan"].as_str().unwrap();
        for case in doc["cases"].as_array().unwrap() {
            cases += 1;
            let name = case["name"].as_str().unwrap();
            assert!(case["rule"].is_string(), "{name}: every case names its rule");
            assert!(!case["checks"].as_array().map_or(true, Vec::is_empty), "{name}: every case cites the line it checks");
            assert_eq!(case["scenario"]["plan"].as_str(), Some(plan), "{name}: scenario plan");
            let scenario = Scenario::from_json(&case["scenario"].to_string())
                .unwrap_or_else(|e| panic!("{}: {name}: scenario does not parse: {e}", file.display()));
            let refusal = &case["expect_error"];
            assert!(refusal.is_null() != case["expect"].is_null(), "{name}: a case gives expect or expect_error");
            match estimate(&catalog, &scenario) {
                Err(e) if !refusal.is_null() => {
                    if refusal["field"] != e.field().as_str() || refusal["code"] != e.code().as_str() {
                        failures.push(format!("{plan}: {name}: refused with {} {}, expected {refusal}: {e}", e.field(), e.code().as_str()));
                    }
                }
                Err(e) => failures.push(format!("{plan}: {name}: refused: {e}")),
                Ok(_) if !refusal.is_null() => failures.push(format!("{plan}: {name}: accepted, expected a refusal {refusal}")),
                Ok(r) => {
                    let mut r = costshare::words::estimate_json(&r, catalog.vocabulary());
                    // What was assumed, by code and member (the English message is checked in
                    // tests/bad_input.rs and tests/contract.rs).
                    for a in r["assumptions"].as_array_mut().unwrap() {
                        assert!(a["message"].as_str().is_some_and(|m| !m.is_empty()), "{name}: {a}");
                        a.as_object_mut().unwrap().remove("message");
                    }
                    let diffs = compare(&case["expect"], &r);
                    if !diffs.is_empty() {
                        failures.push(format!("{plan}: {name}:\n    {}", diffs.join("\n    ")));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} of {cases} golden cases differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_plan_has_golden_cases() {
    let catalog = Catalog::load_dir(&Catalog::builtin_data_dir()).unwrap();
    for plan in catalog.plans() {
        let file = root().join("tests/golden").join(format!("{}.json", plan.id));
        assert!(file.exists(), "no golden cases for {}", plan.id);
    }
}

/// No-break spaces become spaces, runs of white space become one (as `tests/sources.rs`).
fn normalize(s: &str) -> String {
    s.replace('\u{a0}', " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_golden_check_quotes_its_line() {
    let catalog = Catalog::load_dir(&Catalog::builtin_data_dir()).unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for entry in fs::read_dir(root().join("tests/golden")).unwrap() {
        let file = entry.unwrap().path();
        if !file.extension().is_some_and(|x| x == "json") {
            continue; // tests/golden/census/ holds the census files (tests/census.rs)
        }
        let doc: Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
        let plan = catalog.plan(doc["plan"].as_str().unwrap()).unwrap();
        for case in doc["cases"].as_array().unwrap() {
            for c in case["checks"].as_array().into_iter().flatten() {
                let source = c["file"].as_str().unwrap_or(&plan.document.file);
                let text = fs::read_to_string(root().join("docs/sources").join(source)).unwrap();
                let line = c["line"].as_u64().and_then(|n| text.split('\n').nth(n as usize - 1)).map(normalize);
                let quote = normalize(c["quote"].as_str().unwrap_or(""));
                checked += 1;
                if quote.len() < 3 || !line.as_deref().is_some_and(|l| l.contains(&quote)) {
                    failures.push(format!("{}: {}: {c} is not on its line: {line:?}", file.display(), case["name"]));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} of {checked} golden checks are wrong:\n{}", failures.len(), failures.join("\n"));
}
