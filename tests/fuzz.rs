//! Bounded fuzzing of the loaders and the engine, run in every test pass (CI included):
//! - mutated plan files, price tables and scenarios (bytes flipped, cut, spliced; values
//!   swapped for hostile ones) must be accepted or refused with an error, never panic;
//! - randomly generated *plans* (random steps, amounts, limits, variants, accumulators) that
//!   pass validation must keep the invariants of docs/domain.md for random households;
//! - the JSON parser must agree with serde_json on every mutated text.
//!
//! `FUZZ_CASES` raises the number of cases for a longer local run.

use std::sync::OnceLock;

#[path = "common/json_as_serde.rs"]
mod json_as_serde;

use costshare::json::Json;
use json_as_serde::as_serde;
use costshare::plan::{Accumulator, Benefit, Citation, CopayPer, Limit, LimitUnit, Plan, Step};
use costshare::vocab::{EnrollmentType, Unit};
use costshare::{estimate, Catalog, Money, Scenario};
use proptest::prelude::*;

fn cases(default: u32) -> u32 {
    std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn plan_text() -> &'static str {
    static T: OnceLock<String> = OnceLock::new();
    T.get_or_init(|| std::fs::read_to_string(Catalog::builtin_data_dir().join("plans/kp-co-fehb-2022-standard.json")).unwrap())
}

fn empty_catalog() -> Catalog {
    Catalog::new(costshare::builtin::vocabulary().unwrap())
}

fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| Catalog::builtin().unwrap())
}

const SCENARIO: &str = r#"{"plan":"kp-co-fehb-2022-standard","enrollment":"self_and_family","pay_schedule":"biweekly",
"members":[{"id":"you","age":45},{"id":"kid","age":9}],
"services":[{"member":"you","service":"emergency_room_visit","allowed":"1500.00","admitted":true},
{"member":"kid","service":"primary_care_visit","count":3},
{"member":"you","service":"rx_generic","count":12,"days_supply":30,"channel":"retail"},
{"member":"you","service":"inpatient_stay","days":3,"allowed":"24000.00"}]}"#;

/// Replacement tokens that probe the edges of every type.
const HOSTILE: &[&str] = &[
    "-1", "0", "1e308", "-0", "18446744073709551616", "4294967296", "3.5", "null", "true", "\"\"", "\"-5.00\"",
    "\"99999999999999999999999999999.99\"", "\"0.001\"", "\"NaN\"", "\"Infinity\"", "[]", "{}", "\"\\u0000\"",
    "\"<img src=x onerror=alert(1)>\"", "\"9999999.99\"", "\"10000000.00\"",
];

/// A mutation of `text`: flip, cut, duplicate a span, or replace a scalar with a hostile one.
fn mutated(text: &'static str) -> impl Strategy<Value = String> {
    let len = text.len();
    prop_oneof![
        (0..len, any::<u8>()).prop_map(move |(i, b)| {
            let mut bytes = text.as_bytes().to_vec();
            bytes[i] = b;
            String::from_utf8_lossy(&bytes).into_owned()
        }),
        (0..len).prop_map(move |i| text.get(..i).unwrap_or("").to_string()),
        (0..len, 0..len, 0..len).prop_map(move |(a, b, at)| {
            let (a, b) = (a.min(b), a.max(b));
            let (Some(span), Some(head), Some(tail)) = (text.get(a..b), text.get(..at), text.get(at..)) else {
                return text.to_string();
            };
            format!("{head}{span}{tail}")
        }),
        (any::<prop::sample::Index>(), 0..HOSTILE.len()).prop_map(move |(i, h)| {
            // Replace the value after the i-th colon.
            let colons: Vec<usize> = text.match_indices(':').map(|(p, _)| p).collect();
            let Some(&p) = colons.get(i.index(colons.len().max(1))) else { return text.to_string() };
            let rest = &text[p + 1..];
            let end = rest.find([',', '}', ']']).unwrap_or(rest.len());
            format!("{}:{}{}", &text[..p], HOSTILE[h], &rest[end..])
        }),
    ]
}

/// costshare reads JSON with its own strict reader (`src/json/`); serde_json is the reference.
fn agrees_with_serde_json(text: &str) -> Result<(), TestCaseError> {
    let ours = Json::parse(text);
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(reference) => {
            let ours = ours.map_err(|e| TestCaseError::fail(format!("serde_json reads it, we refuse: {e}\n{text}")))?;
            prop_assert_eq!(as_serde(&ours), reference);
        }
        // serde_json refuses numbers beyond f64's range; we keep a number's text and the
        // reader refuses it where a number is wanted.
        Err(e) if e.to_string().contains("number out of range") => {}
        Err(e) => prop_assert!(ours.is_err(), "serde_json refuses it ({e}), we read it:\n{text}"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(400), ..ProptestConfig::default() })]

    #[test]
    fn the_json_parser_agrees_with_serde_json_on_scenarios(text in mutated(SCENARIO)) {
        agrees_with_serde_json(&text)?;
    }

    #[test]
    fn the_json_parser_agrees_with_serde_json_on_plan_files(text in mutated(plan_text())) {
        agrees_with_serde_json(&text)?;
    }

    #[test]
    fn mutated_plan_files_never_panic(text in mutated(plan_text())) {
        let mut c = empty_catalog();
        if c.add_plan_json("fuzz.json", &text).is_ok() {
            // Whatever loads must also estimate (or refuse) without panicking.
            let _ = costshare::estimate_json(&c, SCENARIO);
        }
    }

    #[test]
    fn mutated_scenarios_never_panic(text in mutated(SCENARIO)) {
        let _ = costshare::estimate_json(catalog(), &text);
        if let Ok(s) = Scenario::from_json(&text) {
            let ids = vec!["kp-co-fehb-2022-high".to_string(), "kp-co-fehb-2022-standard".to_string()];
            let _ = costshare::compare::compare(catalog(), &s, &ids);
        }
    }
}

fn cite() -> Citation {
    Citation { file: None, line: 1, quote: "generated".into() }
}

fn money(cents: u64) -> Money {
    Money::parse(&format!("{}.{:02}", cents / 100, cents % 100)).unwrap()
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        Just(Step::Deductible {}),
        (0u64..200_000, 0u64..400_000, any::<bool>()).prop_map(|(a, m, capped)| Step::Copay {
            amount: money(a),
            per: CopayPer::Claim,
            max: capped.then(|| money(a.max(m))),
        }),
        (0u64..=100, 0u64..100_000, any::<bool>()).prop_map(|(p, m, capped)| Step::Coinsurance {
            percent: costshare::money::Percent::parse(&p.to_string()).unwrap(),
            max: capped.then(|| money(m)),
        }),
    ]
}

/// A random plan built from the real Standard file's shape: every service gets random steps,
/// some an allowance, a limit, an age variant, or no out-of-pocket counting.
fn random_plan() -> impl Strategy<Value = Plan> {
    // Validated, so each service has its unit from the vocabulary.
    let base = Plan::from_json("base", plan_text()).unwrap().validate("base", &costshare::builtin::vocabulary().unwrap()).unwrap().into_plan();
    let ids: Vec<String> = base.services.keys().cloned().collect();
    (
        proptest::collection::vec((proptest::collection::vec(step(), 0..4), 0u8..8, 0u64..500_000), ids.len()),
        (0u64..500_000, 0u64..1_000_000, 0u64..2_000_000, 0u64..4_000_000),
        1u32..40,
    )
        .prop_map(move |(rules, (ded, ded_fam, oop, oop_fam), limit)| {
            let mut plan = base.clone();
            plan.id = "random".into();
            let oop_i = money(oop.max(ded));
            plan.deductible = Some(Accumulator { individual: money(ded), family: Some(money(ded.max(ded_fam))), source: cite() });
            plan.out_of_pocket_max = Accumulator { individual: oop_i, family: Some(money(oop.max(oop_fam).max(ded))), source: cite() };
            plan.limits.insert("random".into(), Limit { label: "random".into(), max: limit, unit: LimitUnit::Visits, source: cite() });
            plan.limits.insert("random_days".into(), Limit { label: "random days".into(), max: limit, unit: LimitUnit::Days, source: cite() });
            for (id, (mut steps, flags, allowance)) in ids.iter().zip(rules) {
                let b: &mut Benefit = plan.services.get_mut(id).unwrap();
                // Keep one deductible step at most, and per-day/per-supply copays where they fit.
                let mut seen = false;
                steps.retain(|s| !matches!(s, Step::Deductible {}) || !std::mem::replace(&mut seen, true));
                if b.unit == Unit::Admission && flags & 1 == 1 {
                    steps.push(Step::Copay { amount: money(50_000), per: CopayPer::Day, max: Some(money(100_000)) });
                }
                if b.unit == Unit::Fill {
                    steps.push(Step::Copay { amount: money(1_500), per: CopayPer::Supply, max: None });
                }
                if flags & 2 == 2 {
                    steps.push(Step::Allowance { amount: money(allowance) });
                }
                b.covered = flags != 7;
                b.cost_share = if b.covered { steps } else { Vec::new() };
                b.counts_toward_oop = flags & 4 == 0;
                b.limit = match (flags % 3, b.unit) {
                    (0, Unit::Admission) => Some("random_days".into()),
                    (0, _) => Some("random".into()),
                    _ => None,
                };
            }
            plan
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(150), ..ProptestConfig::default() })]

    #[test]
    fn random_plans_keep_the_invariants(plan in random_plan(), seed in proptest::collection::vec((0usize..37, 0usize..3, 0u64..3_000_000, 1u32..5, 1u32..30), 0..30)) {
        let mut c = empty_catalog();
        if c.add_plan("random", plan.clone()).is_err() {
            return Ok(()); // an invalid random plan is refused, which is fine
        }
        let ids: Vec<(&String, &Benefit)> = plan.services.iter().collect();
        let members = ["a", "b", "c"];
        let services: Vec<costshare::scenario::ServiceUse> = seed.iter().map(|&(s, m, cents, count, days)| {
            let (id, b) = ids[s % ids.len()];
            costshare::scenario::ServiceUse {
                member: members[m].into(), service: id.clone(), count: Some(count), allowed: Some(money(cents)),
                days: (b.unit == Unit::Admission).then_some(days), days_supply: (b.unit == Unit::Fill).then_some(days * 3),
                channel: None, network: None, billed: None, admitted: None,
                // Some uses in a month of their own, the rest spread over the year (rule 1).
                month: (cents % 3 == 0).then_some((cents % 12) as u32 + 1), months: None,
            }
        }).collect();
        let s = Scenario {
            plan: "random".into(),
            enrollment: Some(EnrollmentType::SelfAndFamily),
            pay_schedule: None,
            members: members.iter().enumerate().map(|(i, id)| costshare::scenario::Member { id: (*id).into(), age: 10 + 20 * i as u32, relationship: None, medicare: None, ..Default::default() }).collect(),
            services,
            prices: Default::default(),
            employer_contribution: None,
            marginal_tax_rate: None,
            ..Default::default()
        };
        let r = estimate(&c, &s).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut family = Money::ZERO;
        for (i, m) in r.members.iter().enumerate() {
            let mut counted = Money::ZERO;
            for l in r.lines.iter().filter(|l| l.member == members[i]) {
                prop_assert!(l.member_pays <= l.allowed, "{l:?}");
                prop_assert_eq!(l.member_pays.checked_add(l.plan_pays).unwrap(), l.allowed);
                if l.counts_toward_oop {
                    counted = counted.checked_add(l.member_pays.saturating_sub(l.not_covered)).unwrap();
                }
            }
            prop_assert!(counted <= plan.out_of_pocket_max.individual);
            prop_assert!(m.deductible.as_ref().unwrap().applied <= plan.deductible.as_ref().unwrap().individual);
            family = family.checked_add(counted).unwrap();
        }
        prop_assert!(family <= plan.out_of_pocket_max.family.unwrap());
        prop_assert!(r.family_deductible.as_ref().unwrap().applied <= plan.deductible.as_ref().unwrap().family.unwrap());
    }
}
