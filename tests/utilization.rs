//! The CMS utilization table (`data/cms-utilization.json`), its rows as years of care
//! (`data/cms-years.json`) and members whose care is a row (`"usage": {"cms_decile": …}`).
//!
//! The figures checked here are the table's own, as the issue quotes them from the workbook
//! (female 35-44: decile 3 $659.78, decile 5.5 $1,972.08, decile 10 $46,357.06), and sums of the
//! file's figures worked out here with exact decimals, never the engine's output.
//!
//! `cargo test --release --test utilization -- --ignored --nocapture` prints the measurements
//! of docs/decisions.md 17 (how fractional uses become claims).

use std::path::PathBuf;
use std::str::FromStr;

use costshare::cms_table::{expected_uses, usage_presets_json, years_json, Claims, Table, CLAIMS};
use costshare::{estimate, Catalog, Code, Scenario, Vocabulary};
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::{json, Value};

fn data(name: &str) -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data").join(name)).unwrap()
}

fn catalog() -> Catalog {
    Catalog::load_dir(&Catalog::builtin_data_dir()).unwrap_or_else(|e| panic!("{e}"))
}

fn vocab() -> Vocabulary {
    Vocabulary::from_json("services.json", &data("services.json")).unwrap()
}

fn table() -> Table {
    Table::from_json("cms-utilization.json", &data("cms-utilization.json"), &vocab()).unwrap_or_else(|e| panic!("{e}"))
}

fn dec(v: &Value) -> Decimal {
    Decimal::from_str_exact(v.as_str().unwrap_or_else(|| panic!("not a string: {v}"))).unwrap()
}

fn cents(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// The exact annual cost of the table's row (sex, age group, level) as the file gives it: the
/// row of that level, or the combined row that covers it.
fn annual(file: &Value, sex: Option<&str>, group: Option<&str>, level: &str) -> Decimal {
    let rows = file["rows"].as_array().unwrap();
    let fits = |r: &&Value| r["sex"].as_str() == sex && r["age_group"].as_str() == group;
    let row = rows.iter().filter(fits).find(|r| r["level"] == level).or_else(|| {
        rows.iter().filter(fits).find(|r| r["covers"].as_array().is_some_and(|c| c.iter().any(|l| l == level)))
    });
    let row = row.unwrap_or_else(|| panic!("no row {sex:?} {group:?} {level}"));
    let services = row["services"].as_object().unwrap();
    services.values().map(|f| dec(&f[2])).sum()
}

const GROUPS: [(&str, u32); 7] = [("0-5", 3), ("6-17", 10), ("18-25", 20), ("26-34", 30), ("35-44", 40), ("45-54", 50), ("55+", 60)];
const DECILES: [&str; 11] = ["1", "2", "3", "4", "5", "5.5", "6", "7", "8", "9", "10"];

#[test]
fn the_table_holds_the_workbooks_figures_and_adds_up() {
    let file: Value = serde_json::from_str(&data("cms-utilization.json")).unwrap();
    // The figures the issue quotes from the workbook.
    assert_eq!(cents(annual(&file, Some("female"), Some("35-44"), "3")), Decimal::from_str("659.78").unwrap());
    assert_eq!(cents(annual(&file, Some("female"), Some("35-44"), "5.5")), Decimal::from_str("1972.08").unwrap());
    assert_eq!(cents(annual(&file, Some("female"), Some("35-44"), "10")), Decimal::from_str("46357.06").unwrap());
    let rows = file["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 144 + 2, "144 decile rows as the table has them (some low deciles combined), Maternity, Diabetes");
    for row in rows {
        let name = format!("{} {} {}", row["sex"], row["age_group"], row["level"]);
        let services = row["services"].as_object().unwrap();
        // Each service: annual cost = unit cost × utilization (the workbook's doubles agree to
        // about 15 significant digits).
        for (cms, f) in services {
            let (unit, uses, annual) = (dec(&f[0]), dec(&f[1]), dec(&f[2]));
            let off = (unit * uses - annual).abs();
            assert!(off <= annual * Decimal::new(1, 12) + Decimal::new(1, 12), "{name} {cms}: {unit} × {uses} is not {annual}");
            assert!(uses > Decimal::ZERO, "{name} {cms}: a service the row does not use is left out");
        }
        // The row's stated total is the exact sum of its services.
        assert_eq!(dec(&row["annual_cost"]), services.values().map(|f| dec(&f[2])).sum::<Decimal>(), "{name}");
        assert!(file["services"].as_object().unwrap().keys().all(|k| row["services"].get(k).is_none() || services.contains_key(k)));
    }
    // A combined row stands for its deciles: as many people as the deciles it covers.
    for row in rows.iter().filter(|r| r["covers"].is_array()) {
        let k = row["covers"].as_array().unwrap().len() as f64;
        let one = rows.iter().find(|r| r["sex"] == row["sex"] && r["age_group"] == row["age_group"] && r["level"] == "10").unwrap();
        let ratio = row["observations"].as_f64().unwrap() / one["observations"].as_f64().unwrap();
        assert!((ratio - k).abs() < 0.01, "{} {}: {ratio} deciles of people, covers {k}", row["sex"], row["age_group"]);
    }
    // Every CMS service maps to a service every plan prices, or is spread.
    let vocab = vocab();
    for (cms, s) in file["services"].as_object().unwrap() {
        for key in ["service", "maternity", "diabetes"] {
            if let Some(id) = s[key].as_str() {
                assert!(vocab.service(id).is_some_and(|v| v.in_every_plan), "{cms}.{key}: {id}");
            }
        }
        assert!(s["service"].is_string() != (s["spread"] == true), "{cms}");
    }
    table(); // and the engine's reader accepts it
}

#[test]
fn the_years_file_is_what_the_table_makes_now() {
    let years = table().years(&vocab(), CLAIMS).unwrap();
    assert!(years_json(&years) == data("cms-years.json"), "data/cms-years.json is stale: run cargo run --release --example cms-years");
    // "Having a baby" and "Managing diabetes" of data/usage-presets.json are the Maternity and
    // Diabetes rows, written by the same generator (docs/decisions.md 43).
    let presets = usage_presets_json(&data("usage-presets.json"), &years).unwrap();
    assert!(presets == data("usage-presets.json"), "data/usage-presets.json's table rows are stale: run cargo run --release --example cms-years");
}

/// A scenario of one member whose care is a row of the table.
fn member(plan: &str, member: Value) -> Scenario {
    let mut s = json!({ "plan": plan, "members": [member] });
    if !plan.contains("fresno") {
        s["enrollment"] = json!("self_only");
    }
    Scenario::from_json(&s.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

fn allowed_total(c: &Catalog, s: &Scenario) -> Decimal {
    let e = estimate(c, s).unwrap_or_else(|e| panic!("{e}"));
    Decimal::from_str(serde_json::to_value(&e).unwrap()["allowed_total"].as_str().unwrap()).unwrap()
}

#[test]
fn every_rows_claims_add_up_to_its_annual_cost() {
    let (c, file) = (catalog(), serde_json::from_str::<Value>(&data("cms-utilization.json")).unwrap());
    let plan = "kp-co-fehb-2022-standard";
    let mut checked = 0;
    for (group, age) in GROUPS {
        for level in DECILES {
            let female = annual(&file, Some("female"), Some(group), level);
            let male = annual(&file, Some("male"), Some(group), level);
            for (sex, exact) in [(Some("female"), female), (Some("male"), male), (None, (female + male) / Decimal::TWO)] {
                let mut m = json!({ "id": "you", "age": age, "usage": { "cms_decile": level } });
                if let Some(sex) = sex {
                    m["sex"] = json!(sex);
                }
                let got = allowed_total(&c, &member(plan, m));
                assert_eq!(got, cents(exact), "{sex:?} {group} {level}");
                assert!((got - exact).abs() < Decimal::ONE);
                checked += 1;
            }
        }
    }
    for level in ["maternity", "diabetes"] {
        let got = allowed_total(&c, &member(plan, json!({ "id": "you", "age": 30, "usage": { "cms_decile": level } })));
        assert_eq!(got, cents(annual(&file, None, None, level)), "{level}");
        checked += 1;
    }
    assert_eq!(checked, 7 * 11 * 3 + 2);
    // Every way of making claims keeps every row's total to the cent.
    let (t, v) = (table(), vocab());
    for how in Claims::ALL {
        let years = t.years(&v, how).unwrap();
        for (key, p) in &years.presets {
            let sum: Decimal = p.services.iter().map(|u| u.allowed.unwrap().value() * Decimal::from(u.count)).sum();
            assert_eq!(Some(sum), p.total_allowed.map(|m| m.value()), "{} {key}", how.as_str());
        }
    }
}

#[test]
fn every_plan_prices_the_tables_care() {
    let c = catalog();
    for plan in c.plans() {
        let age = if plan.id.contains("-sa-") { 67 } else { 40 };
        for level in ["10", "maternity", "diabetes"] {
            let s = member(&plan.id, json!({ "id": "you", "age": age, "sex": "female", "usage": { "cms_decile": level } }));
            estimate(&c, &s).unwrap_or_else(|e| panic!("{} {level}: {e}", plan.id));
        }
    }
}

fn refused(scenario: Value) -> (String, Code) {
    let e = Scenario::from_json(&scenario.to_string()).and_then(|s| estimate(&catalog(), &s)).expect_err("refused");
    (e.field(), e.code())
}

#[test]
fn bad_usage_sex_and_factor_are_refused_naming_the_field() {
    let with = |m: Value| json!({ "plan": "kp-co-fehb-2022-standard", "enrollment": "self_only", "members": [m] });
    let cases = [
        (json!({ "id": "a", "age": 40, "usage": { "cms_decile": "11" } }), "members[0].usage.cms_decile", Code::UnknownValue),
        (json!({ "id": "a", "age": 40, "usage": { "cms_decile": "0" } }), "members[0].usage.cms_decile", Code::UnknownValue),
        (json!({ "id": "a", "age": 40, "usage": { "cms_decile": "" } }), "members[0].usage.cms_decile", Code::UnknownValue),
        (json!({ "id": "a", "age": 40, "usage": { "cms_decile": 3 } }), "members[0].usage.cms_decile", Code::InvalidType),
        (json!({ "id": "a", "age": 40, "usage": {} }), "members[0].usage", Code::MissingField),
        (json!({ "id": "a", "age": 40, "usage": { "cms_decile": "3", "decile": "3" } }), "members[0].usage.decile", Code::UnknownField),
        (json!({ "id": "a", "age": 40, "usage": "3" }), "members[0].usage", Code::InvalidType),
        (json!({ "id": "a", "age": 40, "sex": "f", "usage": { "cms_decile": "3" } }), "members[0].sex", Code::UnknownValue),
        (json!({ "id": "a", "age": 40, "sex": "Female", "usage": { "cms_decile": "3" } }), "members[0].sex", Code::UnknownValue),
        (json!({ "id": "a", "age": 40, "sex": 1 }), "members[0].sex", Code::InvalidType),
    ];
    for (m, field, code) in cases {
        assert_eq!(refused(with(m.clone())), (field.to_string(), code), "{m}");
    }
    let usage = json!({ "id": "a", "age": 40, "usage": { "cms_decile": "3" } });
    let factor = |f: Value| {
        let mut s = with(usage.clone());
        s["price_factor"] = f;
        s
    };
    for (f, field, code) in [
        (json!({ "factor": "0", "source": "s" }), "price_factor.factor", Code::OutOfRange),
        (json!({ "factor": "10.5", "source": "s" }), "price_factor.factor", Code::OutOfRange),
        (json!({ "factor": "1.1234567", "source": "s" }), "price_factor.factor", Code::OutOfRange),
        (json!({ "factor": "-1", "source": "s" }), "price_factor.factor", Code::OutOfRange),
        (json!({ "factor": "1,1", "source": "s" }), "price_factor.factor", Code::OutOfRange),
        (json!({ "factor": 1.1, "source": "s" }), "price_factor.factor", Code::InvalidType),
        (json!({ "factor": "1.1" }), "price_factor", Code::MissingField),
        (json!({ "factor": "1.1", "source": " " }), "price_factor.source", Code::InvalidText),
    ] {
        assert_eq!(refused(factor(f.clone())), (field.to_string(), code), "{f}");
    }
    // A factor with no table care to scale is refused rather than ignored.
    let mut s = with(json!({ "id": "a", "age": 40 }));
    s["price_factor"] = json!({ "factor": "1.1", "source": "s" });
    assert_eq!(refused(s), ("price_factor".to_string(), Code::NotApplicable));
}

fn result(s: &Scenario) -> Value {
    serde_json::to_value(estimate(&catalog(), s).unwrap_or_else(|e| panic!("{e}"))).unwrap()
}

#[test]
fn no_sex_takes_the_mean_and_the_result_says_which_row() {
    let file: Value = serde_json::from_str(&data("cms-utilization.json")).unwrap();
    let r = result(&member("kp-co-fehb-2022-high", json!({ "id": "you", "age": 40, "usage": { "cms_decile": "5.5" } })));
    let mean = (annual(&file, Some("female"), Some("35-44"), "5.5") + annual(&file, Some("male"), Some("35-44"), "5.5")) / Decimal::TWO;
    assert_eq!(dec(&r["allowed_total"]), cents(mean));
    let a = &r["assumptions"][0];
    assert_eq!((&a["code"], &a["member"], &a["row"], &a["allowed"]), (&json!("cms_usage"), &json!("you"), &json!("both 35-44 5.5"), &json!(cents(mean).to_string())), "{a}");
    let dollars = costshare::Money::parse(&cents(mean).to_string()).unwrap().dollars();
    let words = format!("\"you\"'s care is the mean of the female and male 35-44 rows at utilization decile 5.5 of the CMS out-of-pocket cost calculator's utilization table (2014 national data): {dollars} of care");
    assert!(a["message"].as_str().unwrap().starts_with(&words), "{a}");
    // Maternity and Diabetes are one row whatever the age and sex.
    let r = result(&member("kp-co-fehb-2022-high", json!({ "id": "you", "age": 30, "sex": "male", "usage": { "cms_decile": "maternity" } })));
    assert_eq!(r["assumptions"][0]["row"], "maternity");
    assert_eq!(r["allowed_total"], "7140.27");
}

#[test]
fn a_combined_decile_is_its_combined_row() {
    // The table has no decile 1 to 3 for men 18-25: decile 4's row stands for deciles 1 to 4.
    let at = |level: &str| result(&member("kp-co-fehb-2022-high", json!({ "id": "you", "age": 20, "sex": "male", "usage": { "cms_decile": level } })));
    let four = at("4")["allowed_total"].clone();
    for level in ["1", "2", "3"] {
        assert_eq!(at(level)["allowed_total"], four, "decile {level}");
    }
    assert_ne!(at("5")["allowed_total"], four);
}

#[test]
fn members_65_and_over_take_the_oldest_group_said_plainly() {
    let file: Value = serde_json::from_str(&data("cms-utilization.json")).unwrap();
    let r = result(&member("kp-ncal-fresno-2025-sa-high-high", json!({ "id": "you", "age": 70, "sex": "female", "medicare": "parts_a_and_b", "usage": { "cms_decile": "9" } })));
    assert_eq!(dec(&r["allowed_total"]), cents(annual(&file, Some("female"), Some("55+"), "9")));
    let kinds: Vec<&str> = r["assumptions"].as_array().unwrap().iter().map(|a| a["code"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"cms_oldest_group"), "{kinds:?}");
    let r = result(&member("kp-ncal-fresno-2025-traditional", json!({ "id": "you", "age": 64, "sex": "female", "usage": { "cms_decile": "9" } })));
    assert!(r["assumptions"].as_array().unwrap().iter().all(|a| a["code"] != "cms_oldest_group"));
}

#[test]
fn a_price_factor_scales_every_claim_and_is_stated() {
    let base = member("kp-co-fehb-2022-standard", json!({ "id": "you", "age": 40, "sex": "female", "usage": { "cms_decile": "10" } }));
    let mut scaled = base.clone();
    scaled.price_factor = Some(costshare::utilization::PriceFactor { factor: "1.138".into(), source: "CMS OOPC calculator, market year 2016 (ACMult)".into() });
    let (b, s) = (result(&base), result(&scaled));
    // $46,357.06 × 1.138 = $52,754.33 (52,754.334... rounded to the cent).
    assert_eq!(s["allowed_total"], "52754.33");
    assert_eq!(dec(&b["allowed_total"]) * Decimal::from_str("1.138").unwrap(), Decimal::from_str("52754.33428").unwrap());
    let factor = s["assumptions"].as_array().unwrap().iter().find(|a| a["code"] == "price_factor").expect("stated");
    assert_eq!(factor["factor"], "1.138");
    assert_eq!(factor["source"], "CMS OOPC calculator, market year 2016 (ACMult)");
    assert_eq!((&factor["member"], &factor["message"]), (&Value::Null, &json!("The CMS table's prices are multiplied by 1.138 (CMS OOPC calculator, market year 2016 (ACMult)).")));
    assert_eq!(s["assumptions"][0]["allowed"], "52754.33");
    // Each claim is the table's claim times the factor (but the one that takes the rounding).
    let claims = |r: &Value| r["lines"].as_array().unwrap().iter().map(|l| dec(&l["allowed"])).collect::<Vec<_>>();
    let (bc, mut sc) = (claims(&b), claims(&s));
    assert_eq!(bc.len(), sc.len());
    for b in &bc {
        if let Some(i) = sc.iter().position(|s| *s == cents(*b * Decimal::from_str("1.138").unwrap())) {
            sc.remove(i);
        }
    }
    assert!(sc.len() <= 1, "claims not the table's times the factor: {sc:?}");
}

#[test]
fn listed_care_stays_beside_the_tables() {
    let s = member("kp-co-fehb-2022-standard", json!({ "id": "you", "age": 40, "sex": "female", "usage": { "cms_decile": "3" } }));
    let mut with = s.clone();
    with.services = Scenario::from_json(r#"{"plan": "p", "members": [{"id": "you", "age": 40}], "services": [{"member": "you", "service": "specialist_visit", "allowed": "100.00"}]}"#).unwrap().services;
    assert_eq!(allowed_total(&catalog(), &with), allowed_total(&catalog(), &s) + Decimal::ONE_HUNDRED);
    assert_eq!(result(&with)["lines"][0]["service"], "specialist_visit");
}

#[test]
fn comparing_and_the_cost_curves_price_the_tables_care() {
    let c = catalog();
    let s = member("kp-co-fehb-2022-high", json!({ "id": "you", "age": 40, "sex": "female", "usage": { "cms_decile": "5.5" } }));
    let ids: Vec<String> = c.options_for(&s.plan, None);
    let compared = serde_json::to_value(costshare::compare::compare(&c, &s, &ids).unwrap()).unwrap();
    let options = compared["options"].as_array().unwrap();
    assert_eq!(options.len(), 3);
    for o in options {
        assert_eq!(o["estimate"]["allowed_total"], "1972.08", "{}", o["plan"]);
        assert_eq!(o["estimate"]["assumptions"][0]["code"], "cms_usage", "{}", o["plan"]);
    }
    costshare::compare::cost_curves(&c, &s, &ids).expect("the table's care scales like listed care");
}

// ---- the measurement of docs/decisions.md 17 ------------------------------------------------

/// One member of age `age` whose care is `care` on `plan`: the year's premium (the member's
/// share) and member_pays_total.
fn pays(c: &Catalog, plan: &str, age: u32, care: &[costshare::presets::PresetUse]) -> (Decimal, Decimal) {
    let mut s = member(plan, json!({ "id": "you", "age": age, "medicare": if age >= 65 { json!("parts_a_and_b") } else { Value::Null } }));
    s.services = care.iter().map(|u| u.service_use("you".into())).collect();
    let r = serde_json::to_value(estimate(c, &s).unwrap_or_else(|e| panic!("{e}"))).unwrap();
    (dec(&r["premium_annual"]), dec(&r["member_pays_total"]))
}

#[test]
#[ignore = "prints the measurement of docs/decisions.md 17; run with --ignored --nocapture"]
fn measure_how_fractional_uses_become_claims() {
    use costshare::utilization::{Level, Sex};
    let (c, t, v) = (catalog(), table(), vocab());
    let derived: Vec<_> = Claims::ALL.iter().map(|h| t.years(&v, *h).unwrap()).collect();
    let programs: [&[&str]; 3] = [
        &["kp-co-fehb-2022-high", "kp-co-fehb-2022-standard", "kp-co-fehb-2022-prosper"],
        &["kp-ga-fehb-2022-high", "kp-ga-fehb-2022-standard", "kp-ga-fehb-2022-prosper"],
        &["kp-ncal-fresno-2025-traditional", "kp-ncal-fresno-2025-sa-high-high", "kp-ncal-fresno-2025-sa-low"],
    ];
    println!("Each decile row of the table (each sex and age group, deciles 1-10 and 5.5; a combined row once per decile it stands for) as one member's year,");
    println!("self only; the County of Fresno options at age 67 with the 55+ rows. `expected`: the CMS calculator's way, each use's cost share times its uses");
    println!("a year (one claim at the unit price, fresh year), capped at the out-of-pocket maximum; deductibles between claims are not in it.");
    println!("mean member_pays_total a year, and mean |method - expected|:");
    println!("{:34} {:>5} | {:>8} {:>8} {:>8} {:>8} | {:>7} {:>7} {:>7}", "plan", "rows", "expected", "fract.", "rounded", "ceiling", "|fr-e|", "|ro-e|", "|ce-e|");
    let mut agree = [[0usize; 3]; 3];
    let mut rows_ranked = [0usize; 3];
    for (pi, program) in programs.iter().enumerate() {
        let senior = pi == 2;
        // Per row: each option's (expected, fractional, rounded, ceiling) totals with the premium.
        let mut per_row: Vec<Vec<[Decimal; 4]>> = Vec::new();
        let mut sums = vec![[Decimal::ZERO; 7]; program.len()];
        let mut n = 0;
        for (key, _) in &derived[0].presets {
            let parts: Vec<&str> = key.split(' ').collect();
            let Some(&(group, age)) = GROUPS.iter().find(|(g, _)| parts.get(1) == Some(g)) else { continue };
            if parts[0] == "both" || (senior && group != "55+") {
                continue;
            }
            let age = if senior { 67 } else { age };
            let sex = if parts[0] == "female" { Sex::Female } else { Sex::Male };
            let row = t.row(Level::parse(parts[2]).unwrap(), group, sex).unwrap();
            let uses = expected_uses(&t, &v, &[row], row.level).unwrap();
            let mut totals = Vec::new();
            for (oi, plan) in program.iter().enumerate() {
                let oop = c.plan(plan).unwrap().out_of_pocket_max.individual.value();
                let mut expected = Decimal::ZERO;
                let mut premium = Decimal::ZERO;
                for (service, u, each, days) in &uses {
                    let one = [costshare::presets::PresetUse { service: service.clone(), count: 1, allowed: Some(*each), days: *days, days_supply: None, admitted: None }];
                    let (p, m) = pays(&c, plan, age, &one);
                    premium = p;
                    expected += m * Decimal::new(*u as i64, 6);
                }
                let expected = expected.min(oop);
                let paid: Vec<Decimal> = derived.iter().map(|d| pays(&c, plan, age, &d.presets.get(key).unwrap().services).1).collect();
                let s = &mut sums[oi];
                s[0] += expected;
                for i in 0..3 {
                    s[i + 1] += paid[i];
                    s[i + 4] += (paid[i] - expected).abs();
                }
                totals.push([premium + expected, premium + paid[0], premium + paid[1], premium + paid[2]]);
            }
            per_row.push(totals);
            n += 1;
        }
        let nd = Decimal::from(n);
        for (oi, plan) in program.iter().enumerate() {
            let s = sums[oi].map(|x| (x / nd).round_dp(2));
            println!("{:34} {:>5} | {:>8} {:>8} {:>8} {:>8} | {:>7} {:>7} {:>7}", plan, n, s[0], s[1], s[2], s[3], s[4], s[5], s[6]);
        }
        // Whether each method names the same cheapest option as `expected` does.
        let cheapest = |row: &Vec<[Decimal; 4]>, k: usize| (0..row.len()).min_by_key(|&i| row[i][k]).unwrap();
        for row in &per_row {
            for (k, count) in agree[pi].iter_mut().enumerate() {
                *count += usize::from(cheapest(row, k + 1) == cheapest(row, 0));
            }
        }
        rows_ranked[pi] = per_row.len();
    }
    println!("rows where the method's cheapest option (premium + member pays) is the expected one's:");
    for (pi, name) in ["Colorado FEHB", "Georgia FEHB", "County of Fresno (55+ rows at 67)"].iter().enumerate() {
        println!("  {name}: fractional {}/{n}, rounded {}/{n}, ceiling {}/{n}", agree[pi][0], agree[pi][1], agree[pi][2], n = rows_ranked[pi]);
    }
}
