//! The group census (`costshare census`, docs/domain.md, "The group census") through the real binary.
//!
//! Golden files: `tests/golden/census/<name>.csv` (the census), `<name>.args` (the command line
//! after the file), `<name>.out` (the expected standard output) and `<name>.err` (the expected
//! standard error; the exit status is 2 when it names a row or a fault, else 0). Besides
//! matching those bytes, every household the census prices is priced again here with
//! `costshare estimate` from a scenario this file builds on its own (its own CSV reading, the
//! usage presets' JSON, the plan's enrollment types), and the money must be equal.
//! `tests/census.test.mjs` checks the same files against the WebAssembly module.

#[path = "common/cli.rs"]
mod cli;

use std::collections::HashSet;
use std::path::PathBuf;

use cli::costshare;

use serde_json::{json, Value};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

// ---- an independent reading of the census, for the comparison with `estimate` -------------

/// CSV records (row number as a spreadsheet shows it, fields), blank lines left out.
fn parse_csv(text: &str) -> Vec<(u64, Vec<String>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (mut records, mut fields, mut field) = (Vec::new(), Vec::new(), String::new());
    let (mut row, mut quoted, mut content) = (1u64, false, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' => (quoted, content) = (true, true),
            ',' => {
                fields.push(std::mem::take(&mut field));
                content = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                fields.push(std::mem::take(&mut field));
                let fields = std::mem::take(&mut fields);
                if content && fields.iter().any(|f| !f.trim().is_empty()) {
                    records.push((row, fields.into_iter().map(|f| blanks_off(&f)).collect()));
                }
                row += 1;
                content = false;
            }
            c => {
                field.push(c);
                content = true;
            }
        }
    }
    if content || !field.is_empty() {
        fields.push(field);
        records.push((row, fields.into_iter().map(|f| blanks_off(&f)).collect()));
    }
    records
}

/// A field without the spaces and tabs around it (a no-break space is not a blank: it makes an
/// id the census refuses).
fn blanks_off(field: &str) -> String {
    field.trim_matches([' ', '\t']).to_string()
}

struct Person {
    age: u32,
    relationship: &'static str,
    usage: String,
    medicare: Option<String>,
}

/// Households as runs of adjacent rows sharing the household cell.
struct Group {
    key: String,
    rows: Vec<u64>,
    people: Vec<Option<Person>>,
}

fn column(header: &[String], names: &[&str]) -> Option<usize> {
    let norm = |h: &str| h.to_lowercase().replace([' ', '-', '.'], "_");
    names.iter().find_map(|n| header.iter().position(|h| norm(h) == *n))
}

fn date(text: &str) -> (i32, u32, u32) {
    let parts: Vec<&str> = text.split(['-', '/']).collect();
    let n = |s: &str| s.parse::<u32>().unwrap();
    if text.contains('-') {
        (n(parts[0]) as i32, n(parts[1]), n(parts[2]))
    } else {
        (n(parts[2]) as i32, n(parts[0]), n(parts[1]))
    }
}

fn read_groups(text: &str, usage_default: Option<&str>, plan_year: i32) -> Vec<Group> {
    let records = parse_csv(text);
    let header = &records[0].1;
    let household = column(header, &["household", "household_id", "family_id", "employee_id", "id"]).unwrap();
    let age = column(header, &["age"]);
    let birth = column(header, &["date_of_birth", "dob", "birth_date", "birthdate"]);
    let relationship = column(header, &["relationship", "subscriber_relationship", "relationship_to_subscriber", "relation"]).unwrap();
    let usage = column(header, &["usage", "usage_preset", "preset"]);
    let medicare = column(header, &["medicare", "medicare_status"]);
    let mut groups: Vec<Group> = Vec::new();
    for (row, f) in &records[1..] {
        let cell = |i: Option<usize>| i.and_then(|i| f.get(i)).map_or("", |s| s.as_str());
        // Ids are compared in Unicode NFC ("José" written with a combining accent is "José").
        let key: String = unicode_normalization::UnicodeNormalization::nfc(cell(Some(household))).collect();
        if key.is_empty() {
            continue;
        }
        let person = (|| {
            let age = match cell(age) {
                "" => {
                    let (y, m, d) = date(cell(birth));
                    let years = plan_year - y - i32::from((m, d) > (1, 1));
                    u32::try_from(years).ok()?
                }
                a => a.parse().ok()?,
            };
            let relationship = match cell(Some(relationship)).to_lowercase().as_str() {
                "subscriber" | "employee" | "self" | "retiree" | "primary" => "subscriber",
                "spouse" | "husband" | "wife" => "spouse",
                "child" | "dependent" | "son" | "daughter" => "child",
                _ => return None,
            };
            let usage = match cell(usage) {
                "" => usage_default?.to_string(),
                u => u.to_lowercase(),
            };
            let medicare = Some(cell(medicare)).filter(|m| !m.is_empty()).map(|m| m.to_lowercase().replace([' ', '-'], "_"));
            Some(Person { age, relationship, usage, medicare })
        })();
        match groups.last_mut() {
            Some(g) if g.key == key => {
                g.rows.push(*row);
                g.people.push(person);
            }
            _ => groups.push(Group { key, rows: vec![*row], people: vec![person] }),
        }
    }
    groups
}

fn plan_file(id: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join("data/plans").join(format!("{id}.json"))).unwrap()).unwrap()
}

/// The scenario this test expects the census to price: the subscriber first, each person's
/// preset care in person order, and no enrollment type: the engine takes the cheapest the
/// household may take, as `costshare estimate` does (docs/domain.md, "Enrollment choice").
fn scenario(people: &[&Person], plan: &str) -> Value {
    let presets: Value = serde_json::from_str(&std::fs::read_to_string(root().join("data/usage-presets.json")).unwrap()).unwrap();
    let mut ordered: Vec<&&Person> = people.iter().filter(|p| p.relationship == "subscriber").collect();
    ordered.extend(people.iter().filter(|p| p.relationship != "subscriber"));
    let mut members = Vec::new();
    let mut services = Vec::new();
    for (i, p) in ordered.iter().enumerate() {
        let id = format!("p{i}");
        let mut m = json!({ "id": id, "age": p.age, "relationship": p.relationship });
        if let Some(medicare) = &p.medicare {
            m["medicare"] = json!(medicare);
        }
        members.push(m);
        if p.usage == "none" {
            continue;
        }
        // A typical year that is the CMS table's (a `cms_decile`) is its row for the person's
        // age group, both sexes' mean: `both 35-44 5.5` (65 and over: 55+; docs/decisions.md 46).
        let mut preset = &presets["presets"][&p.usage];
        if let Some(decile) = preset["cms_decile"].as_str() {
            let group = [(55, "55+"), (45, "45-54"), (35, "35-44"), (26, "26-34"), (18, "18-25"), (6, "6-17"), (0, "0-5")].iter().find(|(from, _)| p.age >= *from).unwrap().1;
            preset = &presets["cms_rows"][format!("both {group} {decile}")];
        }
        for u in preset["services"].as_array().unwrap() {
            let mut use_ = u.clone();
            use_["member"] = json!(id);
            services.push(use_);
        }
    }
    json!({ "plan": plan, "members": members, "services": services })
}

fn estimate(scenario: &Value) -> Value {
    let (code, out, err) = costshare(&["estimate", "-"], scenario.to_string().as_bytes());
    assert_eq!(code, 0, "{err}\n{scenario}");
    serde_json::from_str(&out).unwrap()
}

/// Rows the error lines name.
fn error_rows(err: &str) -> HashSet<u64> {
    err.lines()
        .filter_map(|l| l.strip_prefix("costshare: row "))
        .filter_map(|l| l.split([',', ':']).next()?.parse().ok())
        .collect()
}

fn args_of(name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join("tests/golden/census").join(format!("{name}.args"))).unwrap();
    text.split_whitespace().map(str::to_string).collect()
}

fn golden_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("tests/golden/census"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn golden_census_files_give_their_expected_output() {
    let names = golden_names();
    assert!(names.len() >= 7, "golden census files: {names:?}");
    for name in &names {
        let dir = root().join("tests/golden/census");
        let file = dir.join(format!("{name}.csv"));
        let mut args = vec!["census".to_string(), file.display().to_string()];
        args.extend(args_of(name));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = costshare(&args, b"");
        let want_out = std::fs::read_to_string(dir.join(format!("{name}.out"))).unwrap();
        let want_err = std::fs::read_to_string(dir.join(format!("{name}.err"))).unwrap();
        assert_eq!(out, want_out, "{name}: standard output");
        assert_eq!(err, want_err, "{name}: standard error");
        let refused = want_err.lines().any(|l| !l.starts_with("costshare: note:"));
        assert_eq!(code, if refused { 2 } else { 0 }, "{name}: exit status");
        // The same file from standard input, and on one thread: the same bytes.
        let mut piped: Vec<&str> = args.clone();
        piped[1] = "-";
        piped.extend(["--threads", "1"]);
        let (code2, out2, err2) = costshare(&piped, &std::fs::read(&file).unwrap());
        assert_eq!((code2, out2, err2), (code, out, err), "{name}: from stdin, one thread");
    }
}

#[test]
fn every_priced_household_equals_costshare_estimate_of_the_same_people_and_care() {
    let mut compared = 0;
    for name in golden_names() {
        let dir = root().join("tests/golden/census");
        let args = args_of(&name);
        let plans: Vec<&str> = args[args.iter().position(|a| a == "--plans").unwrap() + 1].split(',').collect();
        let usage = args.iter().position(|a| a == "--usage").map(|i| args[i + 1].as_str());
        let year = plan_file(plans[0])["year"].as_i64().unwrap() as i32;
        // Bytes that are not UTF-8 are in refused rows only (not-utf8.csv).
        let text = String::from_utf8_lossy(&std::fs::read(dir.join(format!("{name}.csv"))).unwrap()).into_owned();
        let out = std::fs::read_to_string(dir.join(format!("{name}.out"))).unwrap();
        let bad = error_rows(&std::fs::read_to_string(dir.join(format!("{name}.err"))).unwrap());
        if parse_csv(&out).is_empty() {
            continue; // a census refused as a whole (its header)
        }
        let rows = parse_csv(&out);
        assert_eq!(rows[0].1.join(","), "household,plan,enrollment,premium_annual,member_pays_total,total_annual_cost,cheapest");
        let mut output = rows[1..].iter().map(|(_, f)| f);
        for group in read_groups(&text, usage, year) {
            if group.rows.iter().any(|r| bad.contains(r)) {
                continue; // refused: the census names the row and prices nothing of it
            }
            let people: Vec<&Person> = group.people.iter().map(|p| p.as_ref().expect("a row the census accepted")).collect();
            let mut totals = Vec::new();
            let mut got_rows = Vec::new();
            for plan in &plans {
                let got = output.next().unwrap_or_else(|| panic!("{name}: no row for {} on {plan}", group.key));
                // An id a spreadsheet would take for a formula is written with a ' before it.
                let written = if group.key.starts_with(['=', '+', '-', '@']) { format!("'{}", group.key) } else { group.key.clone() };
                assert_eq!((got[0].as_str(), got[1].as_str()), (written.as_str(), *plan), "{name}: rows in input and plan order");
                let e = estimate(&scenario(&people, plan));
                for (i, field) in [(2, "enrollment"), (3, "premium_annual"), (4, "member_pays_total"), (5, "total_annual_cost")] {
                    assert_eq!(got[i], e[field].as_str().unwrap(), "{name}: {} on {plan}: {field}", group.key);
                }
                totals.push(got[5].parse::<f64>().unwrap());
                got_rows.push(got);
                compared += 1;
            }
            // Comparing decimal strings with two places as numbers is exact enough to find the
            // lowest; the census itself compares them as decimals.
            let lowest = totals.iter().cloned().fold(f64::INFINITY, f64::min);
            for (got, total) in got_rows.iter().zip(&totals) {
                assert_eq!(got[6], (*total == lowest).to_string(), "{name}: {} cheapest on {}", group.key, got[1]);
            }
        }
        assert!(output.next().is_none(), "{name}: more output rows than priced households");
    }
    assert!(compared >= 60, "compared {compared} household-plan pairs");
}

#[test]
fn bad_rows_are_named_by_row_and_column_and_the_other_households_are_priced() {
    let err = std::fs::read_to_string(root().join("tests/golden/census/bad-rows.err")).unwrap();
    for want in [
        "row 3, column age: \"abc\" is not an age",
        "row 4, column age: an age is from 0 to 120",
        "row 5, column relationship: \"partner\" is not a relationship",
        "row 6, column usage: \"lots\" is not a usage preset",
        "row 7, column usage: missing",
        "row 8, column household: missing",
        "row 2, column household: household \"B1\" has rows apart from each other (here, and again from row 11)",
        "row 3, column age: \"abc\" is not an age: a whole number of years from 0 to 120 (household \"B2\" not priced)",
        "row 11, column household: household \"B1\" has rows apart from each other (from row 2, and again here)",
        "row 12, column 5: this row has 5 fields",
        "row 14, column relationship: household \"B8\" has a subscriber already",
        "row 15, column relationship: household \"B9\" has no subscriber",
        "row 18, column relationship: household \"B10\" has a spouse already",
        "row 20, column usage: a quoted field is not closed",
    ] {
        assert!(err.contains(want), "bad-rows.err lacks {want:?}:\n{err}");
    }
    let out = std::fs::read_to_string(root().join("tests/golden/census/bad-rows.out")).unwrap();
    let households: Vec<&str> = out.lines().skip(1).step_by(3).map(|l| l.rsplitn(7, ',').last().unwrap()).collect();
    // B1 is refused whole: its rows are apart (rows 2 and 11), so its first row is not priced
    // on its own either (issue #20: a household was priced without some of its people).
    assert_eq!(households, ["\"Smith, Jo\"", "B12"], "the good households, a quoted key with a comma among them");
}

#[test]
fn a_census_without_a_required_column_is_refused_as_a_whole() {
    for (header, column) in [
        ("age,relationship,usage", "household"),
        ("household,relationship,usage", "age"),
        ("household,age,usage", "relationship"),
        ("household,age,relationship", "usage"),
        ("household,age,age,relationship,usage", "age"),
    ] {
        let csv = format!("{header}\nH,40,subscriber,low,x\n");
        let (code, out, err) = costshare(&["census", "-", "--plans", "kp-co-fehb-2022-high"], csv.as_bytes());
        assert_eq!(code, 2, "{header}: {err}");
        assert_eq!(out, "", "{header}");
        assert!(err.starts_with(&format!("costshare: census: {column}: row 1: ")), "{header}: {err}");
    }
    // A file of dates of birth under plans of two years needs the date ages are counted on.
    let csv = "household,dob,relationship,usage\nH,1980-01-01,subscriber,low\n";
    let plans = "kp-co-fehb-2022-high,kp-ncal-fresno-2025-traditional";
    let (code, _, err) = costshare(&["census", "-", "--plans", plans], csv.as_bytes());
    assert_eq!(code, 2);
    assert!(err.contains("as_of") && err.contains("--as-of"), "{err}");
    let (code, out, err) = costshare(&["census", "-", "--plans", plans, "--as-of", "2025-06-30"], csv.as_bytes());
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 3);
}

#[test]
fn bad_command_lines_are_refused() {
    let csv = b"household,age,relationship,usage\nH,40,subscriber,low\n";
    for (args, says) in [
        (vec!["census", "-"], "--plans"),
        (vec!["census", "-", "--plans", "nope"], "unknown plan"),
        (vec!["census", "-", "--plans", "kp-co-fehb-2022-high,kp-co-fehb-2022-high"], "listed twice"),
        (vec!["census", "-", "--plans", "kp-co-fehb-2022-high", "--usage", "lots"], "not a usage preset"),
        (vec!["census", "-", "--plans", "kp-co-fehb-2022-high", "--as-of", "12/31/2022"], "--as-of"),
        (vec!["census", "-", "--plans", "kp-co-fehb-2022-high", "--threads", "0"], "--threads"),
        (vec!["census", "/no/such/file.csv", "--plans", "kp-co-fehb-2022-high"], "/no/such/file.csv"),
        (vec!["estimate", "-", "--threads", "2"], "--threads does not apply to estimate: only to census"),
        (vec!["census", "-", "--plans", "kp-co-fehb-2022-high", "--contribution", "80"], "--contribution: \"80\" is not a contribution"),
        (vec!["census", "-", "--plans", "kp-co-fehb-2022-high", "--contribution", "percent:120"], "--contribution: expected a percentage"),
    ] {
        let (code, _, err) = costshare(&args, csv);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
}

// ---- a large census ---------------------------------------------------------------------------

/// Kinds of household the large census repeats: (age, relationship, usage) per person.
const TEMPLATES: &[&[(u32, &str, &str)]] = &[
    &[(30, "subscriber", "low")],
    &[(45, "subscriber", "medium"), (43, "spouse", "low")],
    &[(38, "subscriber", "high"), (36, "spouse", "medium"), (8, "child", "low")],
    &[(52, "subscriber", "managing_diabetes"), (50, "spouse", "hospital_stay"), (19, "child", "none"), (15, "child", "simple_fracture")],
    &[(29, "subscriber", "having_a_baby")],
    &[(61, "subscriber", "hospital_stay"), (60, "spouse", "managing_diabetes")],
    &[(41, "employee", "none"), (12, "dependent", "high"), (10, "dependent", "low"), (7, "son", "medium"), (3, "daughter", "low")],
    &[(26, "subscriber", "none")],
];

fn large_census(households: usize) -> (String, Vec<(String, usize)>) {
    let mut csv = String::from("household,age,relationship,usage\n");
    let mut keys = Vec::new();
    for h in 0..households {
        let t = (h * 7 + h / 13) % TEMPLATES.len();
        // Every ninth key needs quoting.
        let key = if h % 9 == 0 { format!("\"Family {h}, \"\"F\"\"\"") } else { format!("HH{h:05}") };
        for (age, relationship, usage) in TEMPLATES[t] {
            csv.push_str(&format!("{key},{age},{relationship},{usage}\n"));
        }
        keys.push((key, t));
    }
    (csv, keys)
}

#[test]
fn ten_thousand_households_stream_through_the_cli_in_input_order() {
    let plans = ["kp-co-fehb-2022-high", "kp-co-fehb-2022-standard", "kp-co-fehb-2022-prosper"];
    // Each kind of household on each plan, from `costshare estimate`.
    let expected: Vec<Vec<String>> = TEMPLATES
        .iter()
        .map(|t| {
            let people: Vec<Person> = t
                .iter()
                .map(|(age, rel, usage)| Person {
                    age: *age,
                    relationship: match *rel {
                        "employee" | "subscriber" => "subscriber",
                        "spouse" => "spouse",
                        _ => "child",
                    },
                    usage: usage.to_string(),
                    medicare: None,
                })
                .collect();
            let refs: Vec<&Person> = people.iter().collect();
            let estimates: Vec<Value> = plans.iter().map(|p| estimate(&scenario(&refs, p))).collect();
            let lowest = estimates.iter().map(|e| e["total_annual_cost"].as_str().unwrap().parse::<f64>().unwrap()).fold(f64::INFINITY, f64::min);
            plans
                .iter()
                .zip(&estimates)
                .map(|(p, e)| {
                    let total = e["total_annual_cost"].as_str().unwrap();
                    format!(
                        "{p},{},{},{},{total},{}",
                        e["enrollment"].as_str().unwrap(),
                        e["premium_annual"].as_str().unwrap(),
                        e["member_pays_total"].as_str().unwrap(),
                        total.parse::<f64>().unwrap() == lowest
                    )
                })
                .collect()
        })
        .collect();

    let (csv, keys) = large_census(10_000);
    let list = plans.join(",");
    let (code, out, err) = costshare(&["census", "-", "--plans", &list, "--threads", "2"], csv.as_bytes());
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, "");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1 + 3 * keys.len());
    for (i, (key, t)) in keys.iter().enumerate() {
        for (j, want) in expected[*t].iter().enumerate() {
            let line = lines[1 + 3 * i + j];
            assert_eq!(line, format!("{key},{want}"), "household {i}, plan {j}");
        }
    }
    // One thread or several: the same bytes.
    let (code, one, _) = costshare(&["census", "-", "--plans", &list, "--threads", "1"], csv.as_bytes());
    assert_eq!(code, 0);
    assert!(one == out, "one thread and two give different output");
}

// ---- the library: pieces cut anywhere, and input that is not a census ---------------------

/// A census through the library on one thread, the same pieces in both passes: (the output's
/// CSV text, the errors with their codes).
fn whole(catalog: &costshare::Catalog, plans: &[String], pieces: &[&[u8]]) -> (String, Vec<String>) {
    let mut census = costshare::census::Census::new(catalog, plans, &Default::default()).unwrap();
    let (mut rows, mut errors) = (String::new(), Vec::new());
    let mut take = |b: costshare::census::Batch| {
        rows.push_str(&b.csv);
        errors.extend(b.errors.iter().map(|e| format!("{e} [{}]", e.code().as_str())));
    };
    for piece in pieces {
        if let Err(e) = census.push(catalog, piece) {
            errors.push(format!("fatal: {e}"));
            return (rows, errors);
        }
    }
    if let Err(e) = census.rewind() {
        errors.push(format!("fatal: {e}"));
        return (rows, errors);
    }
    for piece in pieces {
        match census.push(catalog, piece) {
            Ok(b) => take(b),
            Err(e) => {
                errors.push(format!("fatal: {e}"));
                return (rows, errors);
            }
        }
    }
    match census.finish(catalog) {
        Ok(b) => take(b),
        Err(e) => errors.push(format!("fatal: {e}")),
    }
    (rows, errors)
}

#[test]
fn a_census_cut_into_pieces_anywhere_reads_the_same_as_whole() {
    let catalog = costshare::Catalog::load_dir(&costshare::Catalog::builtin_data_dir()).unwrap();
    for name in ["quirks", "bad-rows"] {
        let args = args_of(name);
        let plans: Vec<String> = args[1].split(',').map(str::to_string).collect();
        let bytes = std::fs::read(root().join("tests/golden/census").join(format!("{name}.csv"))).unwrap();
        let want = whole(&catalog, &plans, &[&bytes]);
        assert!(want.0.lines().count() > 1);
        // Every cut point into two pieces, and one byte at a time (a BOM, a CRLF and a
        // two-byte character split among them).
        for cut in 0..=bytes.len() {
            assert_eq!(whole(&catalog, &plans, &[&bytes[..cut], &bytes[cut..]]), want, "{name}: cut at byte {cut}");
        }
        let bytes_one: Vec<&[u8]> = bytes.chunks(1).collect();
        assert_eq!(whole(&catalog, &plans, &bytes_one), want, "{name}: one byte at a time");
    }
}

#[test]
fn input_that_is_not_a_census_is_refused_without_a_panic() {
    let catalog = costshare::Catalog::load_dir(&costshare::Catalog::builtin_data_dir()).unwrap();
    let plans = vec!["kp-co-fehb-2022-high".to_string()];
    let header = b"household,age,relationship,usage\n".to_vec();
    let mut seed = 0x2545F4914F6CDD1Du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let alphabet = b",\"\r\n\t abcH0123456789\xc3\xa9\xff\xef\xbb\xbfsubscriberlow";
    for case in 0..300 {
        let mut bytes = if case % 2 == 0 { header.clone() } else { Vec::new() };
        let len = (next() % 400) as usize;
        bytes.extend((0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]));
        let cut = (next() as usize) % (bytes.len() + 1);
        let a = whole(&catalog, &plans, &[&bytes]);
        let b = whole(&catalog, &plans, &[&bytes[..cut], &bytes[cut..]]);
        assert_eq!(a, b, "case {case}: {:?}", String::from_utf8_lossy(&bytes));
    }
    // A field longer than the limit, and more columns than the limit.
    let long = format!("household,age,relationship,usage\nH,40,subscriber,{}\n", "x".repeat(5000));
    let (_, errors) = whole(&catalog, &plans, &[long.as_bytes()]);
    assert!(errors[0].contains("column usage: longer than 1024 bytes"), "{errors:?}");
    let wide = format!("household,age,relationship,usage\nH,40,subscriber,low{}\n", ",".repeat(400));
    let (_, errors) = whole(&catalog, &plans, &[wide.as_bytes()]);
    assert!(errors[0].contains("more than 256 columns"), "{errors:?}");
    let (_, errors) = whole(&catalog, &plans, &[b""]);
    assert!(errors[0].starts_with("fatal: ") && errors[0].contains("empty"), "{errors:?}");
}

#[test]
fn households_priced_through_the_library_match_the_cli() {
    // `costshare::census::scenario` is the scenario the census prices: estimate it directly.
    let catalog = costshare::Catalog::load_dir(&costshare::Catalog::builtin_data_dir()).unwrap();
    let plans: Vec<String> = ["kp-ncal-fresno-2025-sa-low", "kp-co-fehb-2022-prosper"].iter().map(|s| s.to_string()).collect();
    let options = costshare::census::Options::default();
    let mut reader = costshare::census::Reader::new(&catalog, &plans, &options).unwrap();
    let text = std::fs::read(root().join("tests/golden/census/basic.csv")).unwrap();
    let mut units = Vec::new();
    reader.feed(&text, &mut units).unwrap();
    assert!(units.is_empty(), "the first pass hands on nothing");
    assert_eq!(reader.rewind().unwrap(), costshare::census::Checked { households: 7, apart: 0 });
    reader.feed(&text, &mut units).unwrap();
    reader.finish(&mut units).unwrap();
    assert_eq!(units.len(), 7);
    for unit in units {
        let costshare::census::Unit::Household(h) = unit else { panic!("a refused row in basic.csv") };
        for plan in &plans {
            let s = costshare::census::scenario(&catalog, &h, plan, None).unwrap();
            let e = costshare::estimate(&catalog, &s).unwrap();
            let priced = costshare::census::price(&catalog, std::slice::from_ref(plan), None, h.clone());
            assert_eq!(priced.rows[0].total_annual_cost, e.total_annual_cost, "{} on {plan}", h.key);
            assert_eq!(priced.claims, e.lines.len() as u64);
        }
    }
}

// ---- hand-computed figures ---------------------------------------------------------------------

/// Households worked out by hand from the KP Colorado FEHB 2022 brochure
/// (`docs/sources/001_e72fe1ec6a77dd26.txt`), not copied from the engine: the golden files'
/// rows are checked against `costshare estimate` above; these check the estimate itself.
#[test]
fn hand_computed_households_from_the_brochure() {
    // "Low" is the CMS 2014 table's decile 3 for the person's age group, both sexes' mean
    // (data/usage-presets.json's cms_rows, the same claims as data/cms-years.json's;
    // docs/decisions.md 46). A, 30 (`both 26-34 3`): a preventive visit at $204.15 (Nothing:
    // lines 1047, 1049, 1051) and two 30-day generic fills at $61.33 and $61.32, each $15 (lines
    // 2668, 2670, 2674; under its allowed amount): $30.00 on every option. B, 40 and 38 (`both
    // 35-44 3`), each: a lab test $40.58 (Nothing: lines 989, 991, 993), a preventive visit
    // $172.46 (Nothing), a primary care visit $104.21 (High $20 line 919, Standard $30 line
    // 925, Prosper $10 line 931) and three generic fills, $27.23 + 2 × $27.22, $15 each: High
    // 20 + 45 = 65.00, Standard 30 + 45 = 75.00, Prosper 10 + 45 = 55.00 a person, twice for
    // the couple: 130.00, 150.00, 110.00. No deductible applies to these copays. Premiums, Your share
    // biweekly × 26: High 111.86 (line 3838) = 2,908.36; Standard 76.06 (line 3841) =
    // 1,977.56; Prosper 45.02 (line 3856) = 1,170.52. A couple takes the cheaper of Self Plus One
    // and Self and Family ("the enrollee and one or more eligible family members", line 288):
    // on Prosper Self Plus One, 101.74 (line 3857) × 26 = 2,645.24 (Self and Family 110.74, line
    // 3858, is dearer).
    let csv = "household,age,relationship,usage\nA,30,subscriber,low\nB,40,subscriber,low\nB,38,spouse,low\n";
    let plans = "kp-co-fehb-2022-high,kp-co-fehb-2022-standard,kp-co-fehb-2022-prosper";
    let (code, out, err) = costshare(&["census", "-", "--plans", plans], csv.as_bytes());
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "household,plan,enrollment,premium_annual,member_pays_total,total_annual_cost,cheapest\n\
         A,kp-co-fehb-2022-high,self_only,2908.36,30.00,2938.36,false\n\
         A,kp-co-fehb-2022-standard,self_only,1977.56,30.00,2007.56,false\n\
         A,kp-co-fehb-2022-prosper,self_only,1170.52,30.00,1200.52,true\n\
         B,kp-co-fehb-2022-high,self_and_family,6033.56,130.00,6163.56,false\n\
         B,kp-co-fehb-2022-standard,self_plus_one,4469.14,150.00,4619.14,false\n\
         B,kp-co-fehb-2022-prosper,self_plus_one,2645.24,110.00,2755.24,true\n"
    );
    // High: Self and Family 232.06 (line 3840) × 26 = 6,033.56, less than Self Plus One's 281.56
    // (line 3839) × 26 = 7,320.56, so the couple takes Self and Family; Standard: Self Plus One
    // and Self and Family are both 171.89 (lines 3842, 3843), a tie, which takes the smaller
    // type, Self Plus One: × 26 = 4,469.14.

    // An employer paying 80% of the premium instead of the Gov't share: the whole premium per
    // period is the Gov't share and Your share together. Prosper Self Only: 135.05 + 45.02 =
    // 180.07; 80% = 144.056, 144.06 to the cent (half away from zero); the employee pays 36.01,
    // × 26 = 936.26; the year's whole premium 4,681.82, the employer's 3,745.56. High Self
    // Only: 244.86 + 111.86 = 356.72; 80% = 285.376, 285.38; the employee 71.34 × 26 =
    // 1,854.84; whole 9,274.72, employer 7,419.88.
    let csv = "household,age,relationship,usage\nA,30,subscriber,low\n";
    let (code, out, err) = costshare(&["census", "-", "--plans", "kp-co-fehb-2022-high,kp-co-fehb-2022-prosper", "--contribution", "percent:80"], csv.as_bytes());
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "household,plan,enrollment,premium_annual,member_pays_total,total_annual_cost,cheapest,premium_gross_annual,contribution_annual\n\
         A,kp-co-fehb-2022-high,self_only,1854.84,30.00,1884.84,false,9274.72,7419.88\n\
         A,kp-co-fehb-2022-prosper,self_only,936.26,30.00,966.26,true,4681.82,3745.56\n"
    );
    // A fixed $100.00 a pay period: Prosper 180.07 − 100.00 = 80.07, × 26 = 2,081.82.
    let (_, out, _) = costshare(&["census", "-", "--plans", "kp-co-fehb-2022-prosper", "--contribution", "amount:100.00"], csv.as_bytes());
    assert_eq!(out.lines().nth(1), Some("A,kp-co-fehb-2022-prosper,self_only,2081.82,30.00,2111.82,true,4681.82,2600.00"));

    // "Having a baby" and "Managing diabetes" are the CMS 2014 table's Maternity and Diabetes
    // rows (data/usage-presets.json, the same claims as data/cms-years.json's; docs/decisions.md
    // 43), each alone, Self Only (premiums as above).
    //
    // C, 29, Maternity: the delivery, one stay of 1 day at $4,471.44; lab tests 7 × $23.95 +
    // 15 × $23.94; preventive visits $17.54 + $17.53; prenatal visits 3 × $99.26 + 18 × $99.25;
    // two 30-day generic fills, $11.37 and $11.36. Lab tests, preventive and prenatal care cost
    // nothing on every option (lines 989/991/993, 1047/1049/1051, 1143/1145/1147). Each generic
    // fill's $15 copay (lines 2668, 2670, 2674) is more than its allowed amount, so it costs the
    // allowed amount (the lesser of the two, docs/domain.md rule 4): 11.37 + 11.36 = 22.73.
    // High: "$500 per day up to $1,000 maximum per admission" (line 2122), 1 day: 500.00, in all
    // 522.73. Standard: "Nothing for maternity care delivery" (line 2126): 22.73. Prosper: "20%
    // of our allowance after the deductible" (line 2128), the $300 deductible (line 791) first:
    // 300.00 + 20% × (4,471.44 − 300.00 = 4,171.44) = 300.00 + 834.288, 834.29 to the cent
    // (rule 11): 1,134.29 + 22.73 = 1,157.02.
    //
    // D, 52, Diabetes: diabetic supplies 5 × $39.52 + 29 × $39.51, an eye exam $166.45, lab
    // tests 6 × $24.79 + 10 × $24.78, preventive visits 2 × $37.00 + 2 × $36.99, primary care
    // 3 × $108.22, a specialist visit $166.45, generic fills 12 × $81.79 + 14 × $81.78, preferred
    // brand-name fills 10 × $56.83 + 3 × $56.82 (30 days each). Supplies "20% of our allowance
    // up to $40" (High line 2692; $50 Standard 2694, $60 Prosper 2696): 20% of 39.52 = 7.904 and
    // of 39.51 = 7.902, each 7.90: 34 × 7.90 = 268.60 on every option; lab tests and preventive
    // visits nothing; each fill's copay is under its allowed amount, but for Prosper's brand.
    //   High: eye exam $20 (line 1510), primary care 3 × $20 (919), specialist $30 (921), 26
    //   generic × $15 (2668), 13 brand × $40 (2668): 268.60 + 20 + 60 + 30 + 390 + 520 = 1,288.60.
    //   Standard: $30 (1516), 3 × $30 (925), $40 (927), 26 × $15 (2670), 13 × $50 (2670); none
    //   of these is after the deductible: 268.60 + 30 + 90 + 40 + 390 + 650 = 1,468.60.
    //   Prosper: $10 (1522), 3 × $10 (931), $35 (933), 26 × $15 (2674); the brand-name copay,
    //   $60 (2674), is more than each fill's allowed amount, which it costs instead (rule 4):
    //   10 × 56.83 + 3 × 56.82 = 568.30 + 170.46 = 738.76; 268.60 + 10 + 30 + 35 + 390 +
    //   738.76 = 1,472.36.
    let csv = "household,age,relationship,usage\nC,29,subscriber,having_a_baby\nD,52,subscriber,managing_diabetes\n";
    let (code, out, err) = costshare(&["census", "-", "--plans", plans], csv.as_bytes());
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "household,plan,enrollment,premium_annual,member_pays_total,total_annual_cost,cheapest\n\
         C,kp-co-fehb-2022-high,self_only,2908.36,522.73,3431.09,false\n\
         C,kp-co-fehb-2022-standard,self_only,1977.56,22.73,2000.29,true\n\
         C,kp-co-fehb-2022-prosper,self_only,1170.52,1157.02,2327.54,false\n\
         D,kp-co-fehb-2022-high,self_only,2908.36,1288.60,4196.96,false\n\
         D,kp-co-fehb-2022-standard,self_only,1977.56,1468.60,3446.16,false\n\
         D,kp-co-fehb-2022-prosper,self_only,1170.52,1472.36,2642.88,true\n"
    );
}

// ---- files made to hurt (issue #21), and what an HR person hands on (issue #20) ----------------

fn golden_out(name: &str) -> (String, String) {
    let dir = root().join("tests/golden/census");
    (std::fs::read_to_string(dir.join(format!("{name}.out"))).unwrap(), std::fs::read_to_string(dir.join(format!("{name}.err"))).unwrap())
}

#[test]
fn ids_a_spreadsheet_would_run_as_formulas_open_as_text() {
    let (out, err) = golden_out("injection");
    for line in out.lines().skip(1) {
        // The first cell as a spreadsheet reads it: quoted text opens as text after the quote.
        let cell = line.strip_prefix('"').unwrap_or(line);
        assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "a cell a spreadsheet would run: {line}");
    }
    for id in ["'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")", "'+1+1", "'-2+3", "'@SUM(A1)", "'=cmd|' /C calc'!A0"] {
        assert!(out.contains(&format!("\n\"{id}\",")), "{id} written quoted after a ': {out}");
    }
    assert!(out.contains("\na=b,"), "an = inside an id is harmless and written as it is");
    // A tab inside quotes, a common defuse, is kept as written (not trimmed to "=1+1"), and a
    // tab is not a character an id may hold.
    assert!(!out.contains("=1+1\""), "{out}");
    assert!(err.contains("row 7, column household: \"\\t=1+1\" is not a household id: character 1 is a control character"), "{err}");
}

#[test]
fn ids_are_compared_in_nfc_and_unseen_characters_are_refused_naming_the_cell() {
    let (out, err) = golden_out("unicode");
    assert!(out.contains("\nJosé,kp-co-fehb-2022-prosper,self_plus_one,"), "\"José\" and \"Jose\\u{{301}}\" are one household of two: {out}");
    assert!(out.contains("\nH1,") && out.contains("\nH4,"));
    for want in ["row 5, column household: \"H1\\u{a0}\"", "row 6, column household: \"H\\u{200b}2\"", "row 7, column household: \"\\u{202e}H3\""] {
        assert!(err.contains(want), "{want}: {err}");
    }
}

#[test]
fn bytes_that_are_not_utf8_are_refused_cell_by_cell_and_the_other_rows_priced() {
    let (out, err) = golden_out("not-utf8");
    let priced: Vec<&str> = out.lines().skip(1).map(|l| l.split(',').next().unwrap()).collect();
    assert_eq!(priced, ["W1", "W4"], "W4's bad bytes are in a column the census does not read");
    for want in [
        "row 3, column age: not UTF-8 text: save the census as CSV UTF-8 (household \"W2\" not priced)",
        "row 5, column relationship: not UTF-8 text",
        "row 6, column household: not UTF-8 text",
    ] {
        assert!(err.contains(want), "{want}: {err}");
    }
}

#[test]
fn files_that_are_not_csv_text_are_refused_in_words_before_any_output() {
    let census = std::fs::read_to_string(root().join("tests/golden/census/basic.csv")).unwrap();
    let utf16 = |bom: bool| -> Vec<u8> {
        let mut bytes = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        bytes.extend(census.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    };
    let cases: [(&str, Vec<u8>, &str); 5] = [
        ("a PNG image", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), "this file is a PNG image, not CSV text"),
        ("UTF-16 with a byte order mark", utf16(true), "this file is UTF-16 text"),
        ("UTF-16 without one", utf16(false), "holds a NUL byte"),
        ("an Excel workbook", b"PK\x03\x04\x14\0\x06\0".to_vec(), "an Excel workbook (.xlsx)"),
        ("a PDF", b"%PDF-1.7\n".to_vec(), "a PDF document"),
    ];
    for (what, bytes, says) in cases {
        let (code, out, err) = costshare(&["census", "-", "--plans", "kp-co-fehb-2022-high"], &bytes);
        assert_eq!((code, out.as_str()), (2, ""), "{what}: {err}");
        assert!(err.contains(says) && err.contains("CSV UTF-8"), "{what}: {err}");
    }
}

#[test]
fn dev_zero_and_a_file_with_no_line_end_end_with_an_error_at_once() {
    use std::process::{Command, Stdio};
    let mut cases = vec![(vec!["census", "/dev/zero"], "NUL byte")];
    cases.push((vec!["census", "-"], "longer than 65536 bytes")); // fed an endless line below
    for (args, says) in cases {
        let started = std::time::Instant::now();
        let mut child = Command::new(env!("CARGO_BIN_EXE_costshare"))
            .args(&args)
            .args(["--plans", "kp-co-fehb-2022-high"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        // An endless line on standard input: written until the census stops reading.
        let writer = std::thread::spawn(move || {
            use std::io::Write;
            let line = [b'x'; 8192];
            while stdin.write_all(&line).is_ok() {}
        });
        // A guard against a hang, not a timing: the census must stop reading by itself.
        let deadline = started + std::time::Duration::from_secs(20);
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if std::time::Instant::now() > deadline {
                let _ = child.kill();
                panic!("{args:?} still reading after 20 s");
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        };
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        println!("{args:?}: ended in {:.3} s: {}", started.elapsed().as_secs_f64(), err.trim());
        assert_eq!(status.code(), Some(2), "{err}");
        assert!(out.stdout.is_empty());
        assert!(err.contains(says), "{args:?}: {err}");
    }
}

#[test]
fn a_household_whose_rows_are_apart_is_refused_whole_never_priced_without_some_of_its_people() {
    // An HR export listing the employees first and their dependents after (issue #20: E1002
    // was priced Self Only without its child).
    let csv = "employee_id,relationship,age,usage\nE1001,employee,40,low\nE1002,employee,35,low\nE1001,spouse,38,low\nE1002,child,5,low\nE1003,employee,50,low\n";
    for args in [vec!["census", "-", "--plans", "kp-co-fehb-2022-high"], vec!["census", "-", "--plans", "kp-co-fehb-2022-high", "--threads", "1"]] {
        let (code, out, err) = costshare(&args, csv.as_bytes());
        assert_eq!(code, 2);
        assert_eq!(out.lines().skip(1).map(|l| l.split(',').next().unwrap()).collect::<Vec<_>>(), ["E1003"], "{out}");
        for want in [
            "row 2, column employee_id: household \"E1001\" has rows apart from each other (here, and again from row 4)",
            "row 3, column employee_id: household \"E1002\" has rows apart from each other (here, and again from row 5)",
            "row 4, column employee_id: household \"E1001\" has rows apart from each other (from row 2, and again here)",
            "row 5, column employee_id: household \"E1002\" has rows apart from each other (from row 3, and again here)",
            "census: 4 error(s); 2 household(s) not priced (2 with rows apart)",
        ] {
            assert!(err.contains(want), "{want}:\n{err}");
        }
    }
    // The same from a file (read twice) as from standard input (copied for the second pass).
    let dir = std::env::temp_dir().join(format!("costshare-census-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("apart.csv");
    std::fs::write(&file, csv).unwrap();
    let from_file = costshare(&["census", file.to_str().unwrap(), "--plans", "kp-co-fehb-2022-high"], b"");
    let from_stdin = costshare(&["census", "-", "--plans", "kp-co-fehb-2022-high"], csv.as_bytes());
    assert_eq!(from_file, from_stdin);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_person_under_65_priced_on_a_medicare_advantage_plan_is_noted_as_estimate_warns() {
    let csv = "household,age,relationship,usage\nM1,30,subscriber,low\nM2,70,subscriber,low\n";
    let (code, out, err) = costshare(&["census", "-", "--plans", "kp-ncal-fresno-2025-sa-low"], csv.as_bytes());
    assert_eq!(code, 0, "a note is not a refusal: {err}");
    assert_eq!(out.lines().count(), 3);
    assert_eq!(err.lines().filter(|l| l.starts_with("costshare: note: row ")).count(), 1, "only the 30-year-old: {err}");
    assert!(err.contains("costshare: note: row 2, column age: no Medicare status given, so priced as having Medicare Parts A and B on kp-ncal-fresno-2025-sa-low; at 30, a person has Medicare only through a disability or kidney failure"), "{err}");
    // The warning `costshare estimate` gives the same person.
    let scenario = json!({ "plan": "kp-ncal-fresno-2025-sa-low", "enrollment": "per_member", "members": [{ "id": "you", "age": 30 }], "services": [] });
    let words = estimate(&scenario)["assumptions"].to_string();
    assert!(words.contains("before 65, a person has Medicare only through a disability or kidney failure"), "{words}");
}
