//! `costshare odds` (docs/domain.md, "Odds"; docs/decisions.md 29): each option's percentiles,
//! mean and chance of being the cheapest over the household's years of the CMS table.
//!
//! The figures are checked against the engine's own comparison of each year one by one (a
//! household of one or two: every combination), worked out here with their own arithmetic, and
//! one figure by hand from the Colorado brochure (docs/sources/001).

#[path = "common/cli.rs"]
mod cli;

use cli::costshare;
use costshare::compare::compare;
use costshare::odds::{odds, Odds, SAMPLE};
use costshare::utilization::{Level, Usage};
use costshare::{Catalog, Code, Money, Scenario};
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value;

fn catalog() -> Catalog {
    Catalog::load_dir(&Catalog::builtin_data_dir()).unwrap_or_else(|e| panic!("{e}"))
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

const COLORADO: &[&str] = &["kp-co-fehb-2022-high", "kp-co-fehb-2022-standard", "kp-co-fehb-2022-prosper"];
const FRESNO: &[&str] = &["kp-ncal-fresno-2025-traditional", "kp-ncal-fresno-2025-sa-high-high", "kp-ncal-fresno-2025-sa-low"];

fn scenario(json: &str) -> Scenario {
    Scenario::from_json(json).unwrap_or_else(|e| panic!("{e}"))
}

/// The scenario with member `m` at decile `deciles[m]` (1 to 10) of the table.
fn with_deciles(s: &Scenario, deciles: &[usize]) -> Scenario {
    let mut s = s.clone();
    for (m, d) in s.members.iter_mut().zip(deciles) {
        m.usage = Some(Usage { cms_decile: Level::parse(&d.to_string()).unwrap() });
    }
    s
}

/// Every option's yearly total in each year (every combination of the members' deciles, the
/// first member's slowest), each year priced by the engine's comparison on its own.
fn totals_year_by_year(catalog: &Catalog, s: &Scenario, plans: &[String]) -> Vec<Vec<Option<Money>>> {
    let n = s.members.len() as u32;
    let mut per_option = vec![Vec::new(); plans.len()];
    for i in 0..10usize.pow(n) {
        let deciles: Vec<usize> = (0..n).rev().map(|k| (i / 10usize.pow(k)) % 10 + 1).collect();
        let c = compare(catalog, &with_deciles(s, &deciles), plans).unwrap();
        for (o, plan) in plans.iter().enumerate() {
            let option = c.options.iter().find(|x| x.plan == *plan).unwrap();
            per_option[o].push(option.estimate.as_ref().map(|e| e.total_annual_cost));
        }
    }
    per_option
}

/// The figures the odds should give, from the totals year by year: `pNN` the ⌈NN·n/100⌉-th
/// smallest, the mean to the cent (half up), the chances as exact fractions (ties shared)
/// rounded to hundredths by largest remainder (the first option first among equals).
fn expected(per_option: &[Vec<Option<Money>>]) -> Vec<(Option<[String; 4]>, Option<String>)> {
    let draws = per_option[0].len();
    let priced: Vec<bool> = per_option.iter().map(|t| t.iter().all(Option::is_some)).collect();
    // Each draw's unit shared among the cheapest: numerators over draws × 2520 (= lcm 1..10).
    let mut share = vec![0u128; per_option.len()];
    for d in 0..draws {
        let low = per_option.iter().zip(&priced).filter(|(_, p)| **p).map(|(t, _)| t[d].unwrap()).min().unwrap();
        let tied: Vec<usize> = (0..per_option.len()).filter(|&o| priced[o] && per_option[o][d] == Some(low)).collect();
        for &o in &tied {
            share[o] += 2520 / tied.len() as u128;
        }
    }
    let whole = draws as u128 * 2520;
    let mut hundredths: Vec<u128> = share.iter().map(|s| s * 100 / whole).collect();
    let mut by_remainder: Vec<usize> = (0..share.len()).filter(|&o| priced[o]).collect();
    by_remainder.sort_by_key(|&o| std::cmp::Reverse(share[o] * 100 % whole));
    let left = 100 - hundredths.iter().sum::<u128>();
    for &o in by_remainder.iter().take(left as usize) {
        hundredths[o] += 1;
    }
    per_option
        .iter()
        .enumerate()
        .map(|(o, t)| {
            if !priced[o] {
                return (None, None);
            }
            let mut sorted: Vec<Decimal> = t.iter().map(|m| m.unwrap().value()).collect();
            sorted.sort();
            let nth = |pct: usize| sorted[(pct * draws).div_ceil(100) - 1];
            let mean = (sorted.iter().sum::<Decimal>() / Decimal::from(draws)).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            let s = |d: Decimal| format!("{d:.2}");
            (Some([s(nth(10)), s(nth(50)), s(nth(90)), s(mean)]), Some(format!("{}.{:02}", hundredths[o] / 100, hundredths[o] % 100)))
        })
        .collect()
}

fn figures(o: &Odds) -> Vec<(Option<[String; 4]>, Option<String>)> {
    let v = serde_json::to_value(o).unwrap();
    v["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            let f = |k: &str| x[k].as_str().map(str::to_string);
            let money = f("p10").map(|p10| [p10, f("p50").unwrap(), f("p90").unwrap(), f("mean").unwrap()]);
            (money, f("chance_cheapest"))
        })
        .collect()
}

fn chances_add_up_to_one(o: &Odds) {
    let v = serde_json::to_value(o).unwrap();
    let sum: Decimal = v["options"].as_array().unwrap().iter().filter_map(|x| x["chance_cheapest"].as_str()).map(|c| Decimal::from_str_exact(c).unwrap()).sum();
    assert_eq!(sum, Decimal::ONE, "{v}");
}

const ONE: &str = r#"{"plan":"kp-co-fehb-2022-standard","enrollment":"self_only","pay_schedule":"biweekly",
    "members":[{"id":"you","age":40,"sex":"female"}]}"#;

#[test]
fn one_persons_percentiles_are_their_ten_deciles_totals() {
    let catalog = catalog();
    let s = scenario(ONE);
    let plans = ids(COLORADO);
    let o = odds(&catalog, &s, &plans).unwrap();
    assert_eq!((o.draws, o.sampled), (10, false));
    let years = totals_year_by_year(&catalog, &s, &plans);
    assert_eq!(figures(&o), expected(&years));
    chances_add_up_to_one(&o);
    // p10 is the smallest of the ten totals, p50 the 5th, p90 the 9th.
    let standard = &years[1];
    let mut sorted: Vec<Money> = standard.iter().map(|t| t.unwrap()).collect();
    sorted.sort();
    let got = &o.options[1];
    assert_eq!((got.p10, got.p50, got.p90), (Some(sorted[0]), Some(sorted[4]), Some(sorted[8])));

    // By hand, Standard Option, Self Only, biweekly: the smallest year is decile 1 (women 35-44:
    // one generic fill, $20.65 allowed; data/cms-years.json "female 35-44 1"):
    //   premium: $76.06 a pay period × 26 = $1,977.56 (docs/sources/001 L3841, "Standard Option
    //            Self Only … $76.06");
    //   the fill: "$15 for preferred generic drugs" per 30-day supply (L2670): $15.00;
    //   total $1,992.56.
    assert_eq!(got.p10.unwrap().to_string(), "1992.56");
    // Decile 2 by hand: a preventive visit (nothing, L1049), a primary care visit ($30, L925)
    // and three generic fills (3 × $15, L2670): $75.00 + $1,977.56 = $2,052.56, the 2nd smallest.
    assert_eq!(sorted[1].to_string(), "2052.56");
}

#[test]
fn every_combination_of_two_peoples_years_is_priced_as_the_comparison_prices_it() {
    let catalog = catalog();
    // Colorado: a couple, one with care of her own listed (kept in every year, before the
    // table's), no enrollment given (each option fits its own).
    let s = scenario(
        r#"{"plan":"kp-co-fehb-2022-standard",
            "members":[{"id":"you","age":52,"sex":"female"},{"id":"spouse","age":29}],
            "services":[{"member":"you","service":"rx_preferred_brand","count":12},
                        {"member":"spouse","service":"specialist_visit","count":2,"allowed":"180.00"}]}"#,
    );
    let plans = ids(COLORADO);
    let o = odds(&catalog, &s, &plans).unwrap();
    assert_eq!((o.draws, o.sampled), (100, false));
    assert_eq!(figures(&o), expected(&totals_year_by_year(&catalog, &s, &plans)));
    chances_add_up_to_one(&o);

    // The County of Fresno's retirees, 67 and 70, priced per member with a stated price factor:
    // the 55+ rows, said so.
    let s = scenario(
        r#"{"plan":"kp-ncal-fresno-2025-traditional","enrollment":"per_member",
            "members":[{"id":"you","age":67,"sex":"male","medicare":"parts_a_and_b"},{"id":"spouse","age":70,"medicare":"parts_a_and_b","relationship":"spouse"}],
            "price_factor":{"factor":"1.138","source":"CMS OOPC calculator ACMult, market year 2016"}}"#,
    );
    let plans = ids(FRESNO);
    let o = odds(&catalog, &s, &plans).unwrap();
    assert_eq!(figures(&o), expected(&totals_year_by_year(&catalog, &s, &plans)));
    chances_add_up_to_one(&o);
    // Three people, a thousand years: the chances are thousandths, rounded to hundredths.
    let s = scenario(
        r#"{"plan":"kp-ga-fehb-2022-standard","members":[{"id":"you","age":44,"sex":"male"},{"id":"spouse","age":41,"sex":"female"},{"id":"kid","age":12}]}"#,
    );
    let plans = ids(&["kp-ga-fehb-2022-high", "kp-ga-fehb-2022-standard", "kp-ga-fehb-2022-prosper"]);
    let three = odds(&catalog, &s, &plans).unwrap();
    assert_eq!(three.draws, 1000);
    assert_eq!(figures(&three), expected(&totals_year_by_year(&catalog, &s, &plans)));
    chances_add_up_to_one(&three);

    let codes: Vec<(String, Option<String>)> = o.assumptions.iter().map(|a| (a.code().to_string(), a.member().map(str::to_string))).collect();
    assert_eq!(
        codes,
        vec![("cms_oldest_group".into(), Some("you".into())), ("cms_oldest_group".into(), Some("spouse".into())), ("price_factor".into(), None)]
    );
    let v = serde_json::to_value(&o).unwrap();
    assert_eq!(v["members"][0], serde_json::json!({"id": "you", "age_group": "55+", "sex": "male"}));
    assert_eq!(v["members"][1]["sex"], Value::Null);
}

#[test]
fn a_condition_row_is_kept_in_every_year_and_a_decile_usage_is_what_varies() {
    let catalog = catalog();
    let plans = ids(COLORADO);
    let base = r#"{"plan":"kp-co-fehb-2022-standard","enrollment":"self_only","members":[{"id":"you","age":31,"sex":"female"USAGE}]}"#;
    // A member who gives decile 3 has the same odds as one who gives none.
    let none = odds(&catalog, &scenario(&base.replace("USAGE", "")), &plans).unwrap();
    let third = odds(&catalog, &scenario(&base.replace("USAGE", r#","usage":{"cms_decile":"3"}"#)), &plans).unwrap();
    assert_eq!(none, third);
    // Maternity: the row's care is in every year, before the decile's, as if listed.
    let maternity = scenario(&base.replace("USAGE", r#","usage":{"cms_decile":"maternity"}"#));
    let o = odds(&catalog, &maternity, &plans).unwrap();
    let (row, _) = costshare::engine::resolve_usage(&catalog, &maternity).unwrap();
    let mut listed = row.into_owned();
    listed.members[0].usage = None;
    listed.usage_resolved = false;
    assert!(!listed.services.is_empty());
    assert_eq!(figures(&o), expected(&totals_year_by_year(&catalog, &listed, &plans)));
    assert_eq!(o.assumptions.iter().map(|a| a.code()).collect::<Vec<_>>(), vec!["cms_usage"]);
}

#[test]
fn the_same_run_twice_prints_the_same_bytes_and_five_people_are_sampled() {
    let dir = std::env::temp_dir().join(format!("costshare-odds-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("family.json");
    std::fs::write(
        &file,
        r#"{"plan":"kp-co-fehb-2022-standard","members":[{"id":"you","age":38,"sex":"female"},{"id":"spouse","age":40,"sex":"male"},
            {"id":"child-1","age":7},{"id":"child-2","age":4},{"id":"child-3","age":1}],
            "services":[{"member":"child-1","service":"primary_care_visit","count":2}]}"#,
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let first = costshare(&["odds", path], b"");
    let second = costshare(&["odds", path], b"");
    assert_eq!(first.0, 0, "{}", first.2);
    assert_eq!(first.1.as_bytes(), second.1.as_bytes());
    let v: Value = serde_json::from_str(&first.1).unwrap();
    assert_eq!((v["draws"].as_u64(), v["sampled"].as_bool()), (Some(u64::from(SAMPLE)), Some(true)));
    // The default options are compare's: the scenario plan's program and year.
    let plans: Vec<&str> = v["options"].as_array().unwrap().iter().map(|o| o["plan"].as_str().unwrap()).collect();
    assert_eq!(plans, ["kp-co-fehb-2022-high", "kp-co-fehb-2022-prosper", "kp-co-fehb-2022-standard"]);
    // The library gives the same figures as the CLI, from standard input too.
    let o = odds(&catalog(), &scenario(&std::fs::read_to_string(&file).unwrap()), &plans.iter().map(|p| p.to_string()).collect::<Vec<_>>()).unwrap();
    assert_eq!(serde_json::to_value(&o).unwrap(), v);
    let piped = costshare(&["odds", "-"], std::fs::read_to_string(&file).unwrap().as_bytes());
    assert_eq!(piped.1, first.1);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn chances_add_up_to_one_for_households_of_every_size() {
    let catalog = catalog();
    let people = [(45, "female"), (47, "male"), (15, ""), (12, "female"), (9, "male"), (3, "")];
    for n in 1..=people.len() {
        let members: Vec<String> = people[..n]
            .iter()
            .enumerate()
            .map(|(i, (age, sex))| {
                let sex = if sex.is_empty() { String::new() } else { format!(r#","sex":"{sex}""#) };
                format!(r#"{{"id":"m{i}","age":{age}{sex}}}"#)
            })
            .collect();
        for plan in ["kp-ga-fehb-2022-standard", "kp-co-fehb-2022-high"] {
            let s = scenario(&format!(r#"{{"plan":"{plan}","members":[{}]}}"#, members.join(",")));
            let plans = catalog.options_for(plan, None);
            let o = odds(&catalog, &s, &plans).unwrap();
            chances_add_up_to_one(&o);
            assert_eq!(o.draws, if n <= 4 { 10u32.pow(n as u32) } else { SAMPLE });
            for x in &o.options {
                assert!(x.p10 <= x.p50 && x.p50 <= x.p90, "{x:?}");
            }
        }
    }
}

#[test]
fn options_tied_in_every_year_share_each_years_chance() {
    // Two copies of one plan under other ids tie in every year: a half each.
    let dir = std::env::temp_dir().join(format!("costshare-odds-ties-{}", std::process::id()));
    let data = Catalog::builtin_data_dir();
    std::fs::create_dir_all(dir.join("plans")).unwrap();
    for f in ["services.json", "typical-prices.json", "usage-presets.json", "cms-years.json"] {
        std::fs::copy(data.join(f), dir.join(f)).unwrap();
    }
    let text = std::fs::read_to_string(data.join("plans/kp-co-fehb-2022-standard.json")).unwrap();
    for id in ["copy-a", "copy-b"] {
        std::fs::write(dir.join("plans").join(format!("{id}.json")), text.replace("\"kp-co-fehb-2022-standard\"", &format!("\"{id}\""))).unwrap();
    }
    let file = dir.join("one.json");
    std::fs::write(&file, ONE.replace("kp-co-fehb-2022-standard", "copy-a")).unwrap();
    let (status, out, err) = costshare(&["odds", file.to_str().unwrap(), "--plans", "copy-a,copy-b", "--data", dir.to_str().unwrap()], b"");
    assert_eq!(status, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let chances: Vec<&str> = v["options"].as_array().unwrap().iter().map(|o| o["chance_cheapest"].as_str().unwrap()).collect();
    assert_eq!(chances, ["0.50", "0.50"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_input_is_refused_naming_the_field() {
    let catalog = catalog();
    let refuse = |json: &str, plans: &[&str]| odds(&catalog, &scenario(json), &ids(plans)).unwrap_err();
    let cases: &[(&str, &[&str], Code, &str)] = &[
        (ONE, &["kp-co-fehb-2022-standard", "nope"], Code::UnknownPlan, "plans[1]"),
        (ONE, &["kp-co-fehb-2022-standard", "kp-co-fehb-2022-standard"], Code::DuplicateId, "plans[1]"),
        (ONE, &[], Code::MissingField, "plans"),
        (r#"{"plan":"kp-co-fehb-2022-standard","members":[]}"#, COLORADO, Code::HouseholdSize, "members"),
        (r#"{"plan":"kp-co-fehb-2022-standard","members":[{"id":"you","age":200}]}"#, COLORADO, Code::OutOfRange, "members[0].age"),
        (
            r#"{"plan":"kp-co-fehb-2022-standard","members":[{"id":"you","age":40}],"price_factor":{"factor":"0","source":"x"}}"#,
            COLORADO,
            Code::OutOfRange,
            "price_factor.factor",
        ),
        (
            r#"{"plan":"kp-co-fehb-2022-standard","members":[{"id":"you","age":40}],"services":[{"member":"dog","service":"lab_test"}]}"#,
            COLORADO,
            Code::UnknownMember,
            "services[0].member",
        ),
    ];
    for (json, plans, code, field) in cases {
        let e = refuse(json, plans);
        assert_eq!((e.code(), e.field().as_str()), (*code, *field), "{e}");
    }
    // Without the table there are no odds, and the error says which file is missing.
    let mut bare = Catalog::from_services_json("services.json", &std::fs::read_to_string(Catalog::builtin_data_dir().join("services.json")).unwrap()).unwrap();
    let plan = std::fs::read_to_string(Catalog::builtin_data_dir().join("plans/kp-co-fehb-2022-standard.json")).unwrap();
    bare.add_plan_json("standard.json", &plan).unwrap();
    let e = odds(&bare, &scenario(ONE), &ids(&["kp-co-fehb-2022-standard"])).unwrap_err();
    assert_eq!((e.code(), e.field().as_str()), (Code::NotApplicable, "members"));
    assert!(e.message().contains("cms-years.json"), "{e}");
    // An option that cannot price the household is said in its place; the others are priced.
    let s = scenario(r#"{"plan":"kp-ncal-fresno-2025-sa-low","enrollment":"per_member","members":[{"id":"you","age":70,"medicare":"part_a_only"}]}"#);
    let o = odds(&catalog, &s, &ids(FRESNO)).unwrap();
    assert!(o.options[0].error.is_none() && o.options[0].p50.is_some());
    for x in &o.options[1..] {
        assert_eq!((x.error.as_ref().map(|e| e.code()), x.p50, x.chance_cheapest), (Some(Code::MedicarePartBRequired), None, None));
    }
    chances_add_up_to_one(&o);

    // The CLI says the same, as JSON with --errors json, and refuses what does not apply.
    let (status, _, err) = costshare(&["odds", "-", "--plans", "nope", "--errors", "json"], ONE.as_bytes());
    let e: Value = serde_json::from_str(err.trim()).unwrap();
    assert_eq!((status, e["error"]["code"].as_str(), e["error"]["field"].as_str()), (2, Some("unknown_plan"), Some("plans[0]")));
    let (status, _, err) = costshare(&["odds", "-", "--table"], ONE.as_bytes());
    assert_eq!(status, 2);
    assert!(err.contains("--table does not apply to odds"), "{err}");
}
