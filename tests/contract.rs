//! The contract other programs rely on, through the real `costshare` binary (issue #19 items
//! 2-4, issue #21 item 5): errors as data (`--errors json`), one shape for what an estimate
//! assumed and for a comparison, family progress named as such, options refused where they mean
//! nothing, plan files' text and links, and a binary that works wherever it is copied.

#[path = "common/cli.rs"]
mod cli;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

const SCENARIO: &str = r#"{
  "plan": "kp-co-fehb-2022-standard",
  "enrollment": "self_only",
  "members": [ { "id": "you", "age": 45 } ],
  "services": [ { "member": "you", "service": "primary_care_visit", "count": 2 } ]
}"#;

fn costshare(args: &[&str], stdin: &str) -> (i32, String, String) {
    cli::costshare(args, stdin.as_bytes())
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// A fresh folder under the system's temporary folder (outside the repository).
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("costshare-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A copy of `data/` in a temporary folder, with `plan` (a plan file's name) rewritten by `edit`.
fn data_with(name: &str, plan: &str, edit: impl Fn(&str) -> String) -> PathBuf {
    let dir = temp_dir(name);
    std::fs::create_dir_all(dir.join("plans")).unwrap();
    for f in ["services.json", "typical-prices.json", "usage-presets.json"] {
        std::fs::copy(data_dir().join(f), dir.join(f)).unwrap();
    }
    for entry in std::fs::read_dir(data_dir().join("plans")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = if file == plan { edit(&text) } else { text };
        std::fs::write(dir.join("plans").join(file), text).unwrap();
    }
    dir
}

#[test]
fn errors_are_json_lines_with_path_and_params_when_asked() {
    let bad = SCENARIO.replace(r#""age": 45"#, r#""age": 200"#);
    let (code, out, err) = costshare(&["estimate", "-", "--errors", "json"], &bad);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(err.lines().count(), 1, "{err}");
    let v: Value = serde_json::from_str(&err).unwrap();
    assert_eq!(
        v,
        json!({"error": {"code": "out_of_range", "field": "members[0].age", "path": ["members", 0, "age"],
            "params": {"min": 0, "max": 120, "value": 200}, "origin": "scenario", "message": "must be from 0 to 120 (got 200)"}})
    );
    // As text, the same error: origin, field, message.
    let (code, _, err) = costshare(&["estimate", "-"], &bad);
    assert_eq!(code, 2);
    assert_eq!(err, "costshare: scenario: members[0].age: must be from 0 to 120 (got 200)\n");
    // A value JSON cannot hold where a word belongs: the allowed names are params, not words only.
    let bad = SCENARIO.replace(r#""count": 2"#, r#""count": 2, "channel": "drive-thru""#);
    let (_, _, err) = costshare(&["estimate", "-", "--errors", "json"], &bad);
    let e = &serde_json::from_str::<Value>(&err).unwrap()["error"];
    assert_eq!((e["code"].as_str(), e["field"].as_str()), (Some("unknown_value"), Some("services[0].channel")), "{e}");
    assert_eq!(e["params"], json!({"value": "drive-thru", "allowed": ["retail", "community", "mail"]}));
}

#[test]
fn census_rows_are_refused_as_json_lines_with_row_and_column() {
    let csv = "household,age,relationship,usage\nH1,abc,subscriber,low\nH2,40,subscriber,low\n";
    let (code, out, err) = costshare(&["census", "-", "--plans", "kp-co-fehb-2022-high", "--errors", "json"], csv);
    assert_eq!(code, 2, "{err}");
    assert_eq!(out.lines().count(), 2, "the header and H2: {out}");
    let lines: Vec<Value> = err.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}"))).collect();
    let e = &lines[0]["error"];
    assert_eq!((e["row"].as_u64(), e["column"].as_str(), e["household"].as_str()), (Some(2), Some("age"), Some("H1")), "{e}");
    for key in ["code", "field", "path", "params", "origin", "message"] {
        assert!(e.get(key).is_some(), "{key} missing: {e}");
    }
    assert!(lines.iter().all(|l| l.is_object()), "every line of standard error is JSON: {err}");
}

#[test]
fn census_notes_are_json_lines_too() {
    // A person of 30 with no Medicare status on a Medicare Advantage plan (priced, with a note)
    // and a column the census does not read.
    let csv = "household,age,relationship,usage,zip\nM1,30,subscriber,low,80202\n";
    let (code, out, err) = costshare(&["census", "-", "--plans", "kp-ncal-fresno-2025-sa-low", "--errors", "json"], csv);
    assert_eq!(code, 0, "a note is not a refusal: {err}");
    assert_eq!(out.lines().count(), 2, "{out}");
    let lines: Vec<Value> = err.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}"))).collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert_eq!(lines[0]["note"], json!({"code": "columns_not_used", "message": "columns not used: zip", "columns": ["zip"]}));
    let note = &lines[1]["note"];
    assert_eq!(
        (&note["code"], &note["row"], &note["column"], &note["household"], &note["age"], &note["plans"]),
        (&json!("medicare_assumed"), &json!(2), &json!("age"), &json!("M1"), &json!(30), &json!(["kp-ncal-fresno-2025-sa-low"])),
        "{note}"
    );
    assert!(note["message"].as_str().unwrap().starts_with("no Medicare status given"), "the words without the row: {note}");
    // The closing counts of a census with refused rows, as data.
    let csv = "household,age,relationship,usage\nH1,abc,subscriber,low\n";
    let (code, _, err) = costshare(&["census", "-", "--plans", "kp-co-fehb-2022-high", "--errors", "json"], csv);
    assert_eq!(code, 2);
    let last: Value = serde_json::from_str(err.lines().last().unwrap()).unwrap();
    assert_eq!(last, json!({"census": {"errors": 1, "households_refused": 1, "households_apart": 0, "rows_without_household": 0}}));
}

#[test]
fn options_that_mean_nothing_to_the_command_are_refused() {
    for (args, says) in [
        (vec!["estimate", "-", "--table"], "--table does not apply to estimate"),
        (vec!["estimate", "-", "--plans", "kp-co-fehb-2022-high"], "--plans does not apply to estimate"),
        (vec!["plans", "--curves"], "--curves does not apply to plans"),
        (vec!["compare", "-", "--usage", "low"], "--usage does not apply to compare"),
        (vec!["compare", "-", "--table", "--table"], "--table is given twice"),
        (vec!["estimate", "-", "--tabel"], "unknown option --tabel"),
        (vec!["estimate", "-", "--errors", "xml"], "\"xml\" is not one of json, text"),
        (vec!["plans", "extra.json"], "plans takes no file"),
    ] {
        let (code, out, err) = costshare(&args, SCENARIO);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    // As data, with the option as the field.
    let (_, _, err) = costshare(&["estimate", "-", "--table", "--errors", "json"], SCENARIO);
    let e = &serde_json::from_str::<Value>(&err).unwrap()["error"];
    assert_eq!(
        (e["code"].as_str(), e["origin"].as_str(), e["field"].as_str(), &e["params"]),
        (Some("wrong_argument"), Some("arguments"), Some("--table"), &json!({"option": "--table", "command": "estimate", "allowed": ["compare"]}))
    );
}

#[test]
fn what_an_estimate_assumed_is_code_member_and_message() {
    let s = r#"{"plan": "kp-ncal-fresno-2025-sa-low", "members": [{"id": "you", "age": 30}], "services": []}"#;
    let (code, out, err) = costshare(&["estimate", "-"], s);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let assumed = v["assumptions"].as_array().unwrap();
    let medicare = assumed.iter().find(|a| a["code"] == "medicare_assumed").unwrap();
    assert_eq!(medicare["member"], "you");
    assert!(medicare["message"].as_str().unwrap().contains("\"you\" is 30: before 65"), "{medicare}");
    let whole = assumed.iter().find(|a| a["code"] == "premium_before_contribution").unwrap();
    assert_eq!(whole["member"], Value::Null);
}

#[test]
fn family_progress_is_named_and_absent_for_one_person() {
    // One person on a plan with a $150 deductible: no family figure, so nothing reads as a
    // family limit of null; the person's own progress is in members[].
    let (code, out, _) = costshare(&["estimate", "-"], SCENARIO);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!((&v["family_deductible"], &v["family_out_of_pocket"]), (&Value::Null, &Value::Null));
    assert!(v.get("deductible").is_none() && v.get("out_of_pocket").is_none(), "{v}");
    assert_eq!(v["members"][0]["deductible"]["limit"], "150.00");
    // A family: the family amounts (seed 001: "$300 per family", "$11,000 Self Plus One or Self and Family").
    let family = SCENARIO
        .replace("\"self_only\"", "\"self_plus_one\"")
        .replace(r#"{ "id": "you", "age": 45 }"#, r#"{ "id": "you", "age": 45 }, { "id": "kid", "age": 9 }"#);
    let (code, out, err) = costshare(&["estimate", "-"], &family);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["family_deductible"]["limit"], "300.00");
    assert_eq!(v["family_out_of_pocket"]["limit"], "11000.00");
}

#[test]
fn compare_gives_cost_curves_only_when_asked_by_name() {
    let (_, out, _) = costshare(&["compare", "-"], SCENARIO);
    let plain: Value = serde_json::from_str(&out).unwrap();
    assert!(plain.get("cost_curves").is_none());
    let (_, out, _) = costshare(&["compare", "-", "--curves"], SCENARIO);
    let with: Value = serde_json::from_str(&out).unwrap();
    assert!(with["cost_curves"]["curves"].as_array().is_some_and(|c| c.len() == 3), "{with}");
    assert_eq!(plain["options"], with["options"], "the same comparison, with the curves beside it");
}

#[test]
fn a_control_character_in_a_plan_is_refused_naming_the_field_and_never_printed() {
    let plan = "kp-co-fehb-2022-high.json";
    let dir = data_with("escape", plan, |t| t.replacen("\"short_name\": \"High Option\"", "\"short_name\": \"High \\u001b[2J\\u001b]0;owned\\u0007Option\"", 1));
    let (code, out, err) = costshare(&["compare", "-", "--table", "--data", dir.to_str().unwrap()], SCENARIO);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 2, "{out}");
    assert!(!out.contains('\u{1b}') && !err.contains('\u{1b}') && !err.contains('\u{7}'), "a raw escape reached the terminal: {out:?} {err:?}");
    assert!(err.contains(&format!("{plan}: short_name: control characters")), "{err}");
    // Bidirectional overrides too, in any text of a plan, keys included.
    for (from, to, field) in [
        ("\"issuer\": \"", "\"issuer\": \"\\u202e", "issuer"),
        ("\"lab_test\": {", "\"lab\\u2066_test\": {", "services.lab\\u{2066}_test"),
    ] {
        let dir = data_with("bidi", plan, |t| t.replacen(from, to, 1));
        let (code, _, err) = costshare(&["validate", &dir.join("plans").join(plan).to_string_lossy()], "");
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(code, 2, "{field}");
        assert!(err.contains(&format!(": {field}: control characters")), "{field}: {err}");
    }
}

#[test]
fn a_plan_link_is_https_on_a_listed_host() {
    let plan = "kp-co-fehb-2022-standard.json";
    let url = "https://www.law.cornell.edu/cfr/text/5/892.102";
    assert!(std::fs::read_to_string(data_dir().join("plans").join(plan)).unwrap().contains(url), "test setup");
    for bad in ["javascript:alert(1)", "http://www.law.cornell.edu/cfr", "https://evil.example/x", "https://www.law.cornell.edu@evil.example/", "https://www.law.cornell.edu.evil.example/", "data:text/html,x"] {
        let dir = data_with("link", plan, |t| t.replacen(url, bad, 1));
        let (code, _, err) = costshare(&["validate", &dir.join("plans").join(plan).to_string_lossy(), "--errors", "json"], "");
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(code, 2, "{bad} was accepted");
        let e = &serde_json::from_str::<Value>(&err).unwrap()["error"];
        assert_eq!((e["code"].as_str(), e["field"].as_str()), (Some("invalid_text"), Some("premium_conversion.authority[0].url")), "{bad}: {e}");
        assert!(e["params"]["allowed"].as_array().is_some_and(|a| a.contains(&json!("www.law.cornell.edu"))), "{e}");
    }
    let (code, _, err) = costshare(&["validate", &data_dir().join("plans").join(plan).to_string_lossy()], "");
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_copied_binary_prices_the_built_in_plans_anywhere() {
    let dir = temp_dir("travel");
    let copy = dir.join("costshare");
    std::fs::copy(env!("CARGO_BIN_EXE_costshare"), &copy).unwrap();
    std::fs::write(dir.join("scenario.json"), SCENARIO).unwrap();
    let run = |args: &[&str]| Command::new(&copy).args(args).current_dir(&dir).env_remove("COSTSHARE_DATA").output().unwrap();
    let plans = run(&["plans"]);
    assert!(plans.status.success(), "{}", String::from_utf8_lossy(&plans.stderr));
    let list: Value = serde_json::from_slice(&plans.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), std::fs::read_dir(data_dir().join("plans")).unwrap().count());
    let estimate = run(&["estimate", "scenario.json"]);
    assert!(estimate.status.success(), "{}", String::from_utf8_lossy(&estimate.stderr));
    let v: Value = serde_json::from_slice(&estimate.stdout).unwrap();
    assert_eq!(v["member_pays_total"], "60.00", "two $30 primary care visits (seed 001 line 925)");
    // A member whose care is a row of the CMS table: the table's years are inside the binary too.
    let usage = SCENARIO.replace(r#"{ "id": "you", "age": 45 }"#, r#"{ "id": "you", "age": 45, "sex": "female", "usage": { "cms_decile": "5" } }"#);
    std::fs::write(dir.join("usage.json"), &usage).unwrap();
    let estimate = run(&["estimate", "usage.json"]);
    assert!(estimate.status.success(), "{}", String::from_utf8_lossy(&estimate.stderr));
    let v: Value = serde_json::from_slice(&estimate.stdout).unwrap();
    let from_repo: Value = serde_json::from_str(&costshare(&["estimate", "-", "--data", data_dir().to_str().unwrap()], &usage).1).unwrap();
    assert_eq!(v["assumptions"][0]["row"], "female 45-54 5", "{}", v["assumptions"]);
    assert_eq!((&v["allowed_total"], &v["member_pays_total"]), (&from_repo["allowed_total"], &from_repo["member_pays_total"]), "the same row's care as data/cms-years.json gives");
    // It carries no path into the repository it was built in (where "built-in" data used to
    // be read from at run time, which failed wherever the binary was copied).
    let bytes = std::fs::read(&copy).unwrap();
    let source = env!("CARGO_MANIFEST_DIR").as_bytes();
    assert!(!bytes.windows(source.len()).any(|w| w == source), "the binary names {}", env!("CARGO_MANIFEST_DIR"));
    // --data and $COSTSHARE_DATA still read a folder instead.
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let with = |env: bool| {
        let mut c = Command::new(&copy);
        c.current_dir(&dir);
        if env {
            c.arg("plans").env("COSTSHARE_DATA", &empty);
        } else {
            c.args(["plans", "--data"]).arg(&empty).env_remove("COSTSHARE_DATA");
        }
        c.output().unwrap()
    };
    for env in [false, true] {
        let out = with(env);
        assert_eq!(out.status.code(), Some(2), "an empty folder has no services.json");
        assert!(String::from_utf8_lossy(&out.stderr).contains("services.json"), "{}", String::from_utf8_lossy(&out.stderr));
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// A usage error whose words have no reader (`costshare validate 2>&1 | head -c 10`: stderr
/// closed) ends with the usage error's status, not a panic's (101).
#[test]
fn a_closed_stderr_is_not_a_panic() {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_costshare"))
        .arg("validate")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take()); // the reader is gone before the usage text is written
    let status = child.wait().unwrap();
    assert_ne!(status.code(), Some(101), "a panic: {status:?}");
    assert_eq!(status.code(), Some(2), "the usage error's status: {status:?}");
}
