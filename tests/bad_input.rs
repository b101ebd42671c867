//! Bad scenarios and plan files, through the real `costshare` binary: each must exit with
//! status 2 and a message naming the field at fault, and never panic.

#[path = "common/cli.rs"]
mod cli;

const GOOD: &str = r#"{
  "plan": "kp-co-fehb-2022-standard",
  "enrollment": "self_and_family",
  "pay_schedule": "biweekly",
  "members": [ { "id": "you", "age": 45 }, { "id": "kid", "age": 9 } ],
  "services": [
    { "member": "you", "service": "emergency_room_visit", "allowed": "1500.00", "admitted": true },
    { "member": "kid", "service": "primary_care_visit", "count": 3 },
    { "member": "you", "service": "rx_generic", "count": 12, "days_supply": 30, "channel": "retail" },
    { "member": "you", "service": "inpatient_stay", "days": 3, "allowed": "24000.00" }
  ]
}"#;

fn costshare(args: &[&str], stdin: &str) -> (i32, String, String) {
    cli::costshare(args, stdin.as_bytes())
}

fn estimate(scenario: &str) -> (i32, String, String) {
    costshare(&["estimate", "-"], scenario)
}

/// Replaces `from` (which must occur) in the good scenario.
fn altered(from: &str, to: &str) -> String {
    assert!(GOOD.contains(from), "test setup: {from} not in the good scenario");
    GOOD.replacen(from, to, 1)
}

#[test]
fn the_good_scenario_is_accepted() {
    let (code, out, err) = estimate(GOOD);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["member_pays_total"], "1080.00");
    assert_eq!(v["premium_annual"], "4469.14"); // 171.89 × 26
    assert_eq!(v["total_annual_cost"], "5549.14");
}

#[test]
fn a_scenario_file_with_a_byte_order_mark_is_read() {
    // Windows' Notepad saves UTF-8 with a byte order mark: the same scenario, the same figures.
    let (code, out, err) = estimate(&format!("\u{feff}{GOOD}"));
    assert_eq!(code, 0, "{err}");
    assert_eq!(serde_json::from_str::<serde_json::Value>(&out).unwrap()["total_annual_cost"], "5549.14");
}

#[test]
fn bad_scenarios_exit_2_naming_the_field() {
    let cases: Vec<(&str, String, &str)> = vec![
        ("malformed JSON", GOOD.replacen('}', "", 1), "malformed JSON"),
        ("empty input", String::new(), "malformed JSON"),
        ("not an object", "[1,2]".into(), "invalid type"),
        ("trailing text", format!("{GOOD} x"), "after the JSON"),
        ("unknown plan", altered("kp-co-fehb-2022-standard", "kp-co-fehb-2099-gold"), "plan: unknown plan"),
        ("unknown enrollment", altered("\"self_and_family\"", "\"family\""), "enrollment"),
        ("enrollment does not fit members", altered("\"self_and_family\"", "\"self_only\""), "enrollment: self_only covers exactly one person, but 2 are listed (this household may take self_plus_one, self_and_family)"),
        ("unknown pay schedule", altered("\"biweekly\"", "\"weekly\""), "pay_schedule"),
        ("unknown service", altered("\"primary_care_visit\"", "\"brain_transplant\""), "services[1].service: unknown service"),
        // A price for a service there is none of prices nothing: refused, not ignored.
        ("price for an unknown service", GOOD.replacen('{', r#"{ "prices": { "brain_transplant": { "allowed": "5.00" } },"#, 1), "prices.brain_transplant"),
        ("unknown member", altered("\"member\": \"kid\"", "\"member\": \"dog\""), "services[1].member: no member"),
        ("duplicate member", altered("\"id\": \"kid\"", "\"id\": \"you\""), "members[1].id"),
        ("no members", altered(r#"[ { "id": "you", "age": 45 }, { "id": "kid", "age": 9 } ]"#, "[]"), "members"),
        ("negative count", altered("\"count\": 3", "\"count\": -3"), "services[1].count"),
        ("zero count", altered("\"count\": 3", "\"count\": 0"), "services[1].count"),
        ("absurd count", altered("\"count\": 3", "\"count\": 1000000"), "services[1].count"),
        ("fractional count", altered("\"count\": 3", "\"count\": 2.5"), "services[1].count"),
        ("count as text", altered("\"count\": 3", "\"count\": \"3\""), "services[1].count"),
        ("negative age", altered("\"age\": 9", "\"age\": -9"), "members[1].age"),
        ("absurd age", altered("\"age\": 9", "\"age\": 900"), "members[1].age"),
        ("negative days", altered("\"days\": 3", "\"days\": -3"), "services[3].days"),
        ("zero days", altered("\"days\": 3", "\"days\": 0"), "services[3].days"),
        ("absurd days", altered("\"days\": 3", "\"days\": 4000"), "services[3].days"),
        ("missing days", altered(", \"days\": 3", ""), "services[3].days: missing"),
        ("days on a visit", altered("\"count\": 3", "\"count\": 3, \"days\": 2"), "services[1].days"),
        ("absurd days supply", altered("\"days_supply\": 30", "\"days_supply\": 9999"), "services[2].days_supply"),
        ("days supply on a visit", altered("\"count\": 3", "\"count\": 3, \"days_supply\": 30"), "services[1].days_supply"),
        ("unknown channel", altered("\"retail\"", "\"drone\""), "services[2].channel"),
        ("admitted on a drug", altered("\"channel\": \"retail\"", "\"channel\": \"retail\", \"admitted\": true"), "services[2].admitted"),
        ("admitted as text", altered("\"admitted\": true", "\"admitted\": \"yes\""), "services[0].admitted"),
        ("money as a number", altered("\"1500.00\"", "1500.5"), "services[0].allowed: money must be written as a string"),
        ("money as text", altered("\"1500.00\"", "\"lots\""), "services[0].allowed"),
        ("negative money", altered("\"1500.00\"", "\"-1500.00\""), "services[0].allowed: money cannot be negative"),
        ("money with a dollar sign", altered("\"1500.00\"", "\"$1500\""), "services[0].allowed"),
        ("money with fractions of a cent", altered("\"1500.00\"", "\"1500.001\""), "services[0].allowed"),
        ("absurd money", altered("\"24000.00\"", "\"99999999999999999999999999999\""), "services[3].allowed"),
        ("money in exponent form", altered("\"1500.00\"", "\"1.5e3\""), "services[0].allowed"),
        ("NaN money", altered("\"1500.00\"", "\"NaN\""), "services[0].allowed"),
        ("unknown field", altered("\"admitted\": true", "\"admitted\": true, \"urgent\": true"), "services[0].urgent: unknown field `urgent`"),
        ("unknown top-level field", altered("\"pay_schedule\"", "\"coupon\": 1, \"pay_schedule\""), "unknown field `coupon`"),
        ("missing plan", altered("\"plan\": \"kp-co-fehb-2022-standard\",", ""), "missing field `plan`"),
        ("billed in network", altered("\"admitted\": true", "\"admitted\": true, \"billed\": \"9000.00\""), "services[0].billed"),
        ("duplicate key", altered("\"plan\": \"kp-co-fehb-2022-standard\",", "\"plan\": \"kp-co-fehb-2022-standard\", \"plan\": \"x\","), "duplicate field"),
    ];
    let mut failures = Vec::new();
    for (what, scenario, expect) in &cases {
        let (code, out, err) = estimate(scenario);
        if code != 2 || !err.contains(expect) || err.contains("panicked") || !out.is_empty() {
            failures.push(format!("{what}: exit {code}, stderr {err:?} (wanted it to contain {expect:?})"));
        }
    }
    assert!(failures.is_empty(), "{} of {} bad scenarios were not refused properly:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn too_many_claims_are_refused() {
    let uses = [r#"{ "member": "you", "service": "lab_test", "count": 1000, "allowed": "1.00" }"#; 21];
    let s = format!(
        r#"{{ "plan": "kp-co-fehb-2022-high", "enrollment": "self_only", "members": [{{"id":"you","age":30}}], "services": [{}] }}"#,
        uses.join(",")
    );
    let (code, _, err) = estimate(&s);
    assert_eq!(code, 2);
    assert!(err.contains("at most 20000 claims"), "{err}");
}

#[test]
fn bad_plan_files_exit_2_naming_the_field() {
    let good = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/plans/kp-co-fehb-2022-standard.json")).unwrap();
    let cases: Vec<(&str, String, &str)> = vec![
        ("malformed", good[..good.len() / 2].to_string(), "malformed JSON"),
        ("unknown field", good.replacen("\"label\":", "\"lable\":", 1), "unknown field `lable`"),
        ("money as a number", good.replacen("\"amount\": \"30.00\"", "\"amount\": 30", 1), "amount: money must be written as a string"),
        ("text as money", good.replacen("\"individual\": \"150.00\"", "\"individual\": \"one fifty\"", 1), "deductible.individual"),
        ("family deductible below individual", good.replacen("\"family\": \"300.00\"", "\"family\": \"100.00\"", 1), "deductible.family"),
        ("percent above 100", good.replacen("\"percent\": \"10\"", "\"percent\": \"110\"", 1), "percent"),
        ("missing required service", good.replacen("\"lab_test\":", "\"lab_tests\":", 1), "services.lab_test: missing"),
        ("limit that does not exist", good.replacen("\"limit\": \"chiropractic\"", "\"limit\": \"chiro\"", 1), ".limit"),
        ("duplicate service id", good.replacen("\"lab_test\": {", "\"xray\": {", 1), "duplicate key"),
        ("missing source", good.replacen("\"source\":", "\"sauce\":", 1), "unknown field `sauce`"),
        ("empty name", good.replacen("\"short_name\": \"Standard Option\"", "\"short_name\": \" \"", 1), "short_name: must not be empty"),
        ("absurd year", good.replacen("\"year\": 2022", "\"year\": 20222", 1), "year"),
        ("negative year", good.replacen("\"year\": 2022", "\"year\": -2022", 1), "year"),
        ("negative citation line", good.replacen("\"line\": 925", "\"line\": -925", 1), "line"),
        ("document path", good.replacen("\"file\": \"001_e72fe1ec6a77dd26.txt\"", "\"file\": \"../../etc/passwd\"", 1), "document.file"),
        ("zero visit limit", good.replacen("\"max\": 20", "\"max\": 0", 1), "max"),
        ("unknown enrollment type", good.replacen("\"self_plus_one\",", "\"self_plus_two\",", 1), "enrollment_types"),
        ("copay cap below copay", good.replacen("\"amount\": \"30.00\"", "\"amount\": \"30.00\", \"max\": \"10.00\"", 1), "max"),
        ("zero payment limit", good.replacen("\"amount\": \"1200.00\"", "\"amount\": \"0.00\"", 1), "services.travel_benefit_visit.yearly_payment_limit.amount"),
        ("payment limit as a number", good.replacen("\"amount\": \"1200.00\"", "\"amount\": 1200", 1), "yearly_payment_limit.amount: money must be written as a string"),
        ("payment limit on care not covered", good.replacen("\"yearly_payment_limit\": {", "\"covered\": false, \"yearly_payment_limit\": {", 1), "services.travel_benefit_visit.yearly_payment_limit: a service that is not covered"),
    ];
    let dir = std::env::temp_dir().join(format!("costshare-bad-plans-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut failures = Vec::new();
    for (i, (what, text, expect)) in cases.iter().enumerate() {
        assert_ne!(text, &good, "test setup: {what} changed nothing");
        let path = dir.join(format!("plan-{i}.json"));
        std::fs::write(&path, text).unwrap();
        let (code, _, err) = costshare(&["validate", path.to_str().unwrap()], "");
        if code != 2 || !err.contains(expect) || !err.contains(&format!("plan-{i}.json")) || err.contains("panicked") {
            failures.push(format!("{what}: exit {code}, stderr {err:?} (wanted {expect:?})"));
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(failures.is_empty(), "{} bad plan files were not refused properly:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn compare_prints_a_table_and_refuses_unknown_plans() {
    let (code, out, err) = costshare(&["compare", "-", "--table"], GOOD);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Rank") && out.contains("* cheapest") && out.contains("Worst cases"), "{out}");
    let (code, out, _) = costshare(&["compare", "-"], GOOD);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["options"].as_array().unwrap().len(), 3, "every Colorado option by default");
    assert!(v.get("cost_curves").is_none(), "the curves only when asked for");
    let (code, out, _) = costshare(&["compare", "-", "--curves"], GOOD);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["cost_curves"]["curves"].is_array());
    let (code, _, err) = costshare(&["compare", "-", "--plans", "kp-co-fehb-2022-high,nope"], GOOD);
    assert_eq!(code, 2);
    assert!(err.contains("plans[1]: unknown plan \"nope\""), "{err}");
}

const SENIOR_ADVANTAGE: &str = r#"{
  "plan": "kp-ncal-fresno-2025-sa-high-high",
  "enrollment": "per_member",
  "members": [ { "id": "you", "age": 70, "medicare": "parts_a_and_b" }, { "id": "spouse", "age": 68 } ],
  "services": [ { "member": "you", "service": "primary_care_visit" } ]
}"#;

#[test]
fn a_medicare_plan_refuses_a_member_without_part_b_and_says_what_it_assumed() {
    // docs/domain.md, "Medicare plans": docs/sources/002 line 7487 "You must have Medicare Part B".
    for status in ["none", "part_a_only"] {
        let s = SENIOR_ADVANTAGE.replacen(r#""age": 68"#, &format!(r#""age": 68, "medicare": "{status}""#), 1);
        let (code, out, err) = estimate(&s);
        assert_eq!(code, 2, "{status}: {err}");
        assert!(out.is_empty() && err.contains("members[1].medicare") && err.contains("Part B"), "{status}: {err}");
    }
    for status in ["part_b_only", "parts_a_and_b"] {
        let s = SENIOR_ADVANTAGE.replacen(r#""age": 68"#, &format!(r#""age": 68, "medicare": "{status}""#), 1);
        let (code, out, err) = estimate(&s);
        assert_eq!(code, 0, "{status}: {err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["assumptions"].as_array().unwrap().iter().filter(|a| a["message"].as_str().unwrap().contains("Medicare")).count(), 0, "{status}: {v}");
    }
    // Not stated: priced as Parts A and B, and the result says so, as {code, member, message}.
    let (code, out, err) = estimate(SENIOR_ADVANTAGE);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let assumed = v["assumptions"].as_array().unwrap();
    assert!(assumed.iter().any(|a| a["code"] == "medicare_assumed" && a["member"] == "spouse"), "{assumed:?}");
    assert!(assumed.iter().all(|a| a.as_object().unwrap().keys().eq(["code", "member", "message"].iter())), "{assumed:?}");
    let said: Vec<&str> = assumed.iter().map(|a| a["message"].as_str().unwrap()).collect();
    assert!(said.iter().any(|a| a.contains("\"spouse\"") && a.contains("Medicare Parts A and B")), "{said:?}");
    assert!(!said.iter().any(|a| a.contains("\"you\"")), "{said:?}");
    assert_eq!(v["members"][1]["premium_per_period"], "341.24");
}

#[test]
fn a_bad_employer_contribution_is_refused_naming_the_field() {
    for (contribution, field) in [
        (r#"{ "amount": "500.00", "percent": "80" }"#, "employer_contribution:"),
        (r#"{ }"#, "employer_contribution:"),
        (r#"{ "amount": "-500.00" }"#, "employer_contribution.amount"),
        (r#"{ "percent": "180" }"#, "employer_contribution.percent"),
        (r#"{ "percent": 80 }"#, "employer_contribution.percent"),
    ] {
        let s = GOOD.replacen("\"pay_schedule\"", &format!("\"employer_contribution\": {contribution}, \"pay_schedule\""), 1);
        let (code, out, err) = estimate(&s);
        assert!(code == 2 && out.is_empty() && err.contains(field) && !err.contains("panicked"), "{contribution}: exit {code}, {err}");
    }
}
