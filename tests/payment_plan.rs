//! The Medicare Prescription Payment Plan (docs/domain.md, "The Medicare Prescription Payment
//! Plan"; 42 CFR 423.137):
//! - the hand-worked cases of `tests/golden/payment-plan/cases.json` (Medicare's own example
//!   among them) through the library and through `costshare payment-plan`, as the `.wasm`'s
//!   `paymentPlan` runs them in `tests/wasm.test.mjs`;
//! - the rule's properties over random years: the bills add up to the Part D costs from the
//!   opt-in month on, to the cent; nothing is billed before it; the first bill is at most that
//!   month's costs and at most the threshold's share; a later bill spreads what is not yet
//!   billed, so no bill is more than what is owed so far.

#[path = "common/cli.rs"]
mod cli;

use costshare::medicare_year::MedicareYears;
use costshare::payment_plan::{bills, total, Input, ORIGIN};
use costshare::Money;
use proptest::prelude::*;
use serde_json::Value;

fn cases() -> Vec<Value> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/payment-plan/cases.json")).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    doc["cases"].as_array().unwrap().clone()
}

#[test]
fn the_hand_worked_cases_through_the_library_and_the_cli() {
    let years = MedicareYears::built_in();
    let all = cases();
    assert!(all.len() >= 8, "{} cases", all.len());
    for case in &all {
        let name = case["name"].as_str().unwrap();
        let text = case["input"].to_string();
        let library = Input::from_json(ORIGIN, &text).and_then(|i| i.bills(&years, ORIGIN));
        let (status, stdout, stderr) = cli::costshare(&["payment-plan", "-", "--errors", "json"], text.as_bytes());
        match (&case["expect"], &case["expect_error"]) {
            (Value::Object(_), Value::Null) => {
                assert!(case["worked"].as_str().is_some_and(|w| w.len() > 40), "{name}: worked by hand, and says how");
                let got = serde_json::to_value(library.unwrap_or_else(|e| panic!("{name}: {e}"))).unwrap();
                assert_eq!(got, case["expect"], "{name}: the library");
                assert_eq!(status, 0, "{name}: {stderr}");
                assert_eq!(serde_json::from_str::<Value>(&stdout).unwrap(), case["expect"], "{name}: the CLI");
            }
            (Value::Null, want) => {
                let e = library.err().unwrap_or_else(|| panic!("{name}: accepted"));
                assert_eq!((e.field().as_str(), e.code().as_str()), (want["field"].as_str().unwrap(), want["code"].as_str().unwrap()), "{name}: {e}");
                assert_eq!(status, 2, "{name}");
                let line: Value = serde_json::from_str(stderr.trim()).unwrap();
                assert_eq!((&line["error"]["field"], &line["error"]["code"], &line["error"]["origin"]), (&want["field"], &want["code"], &Value::from(ORIGIN)), "{name}");
            }
            _ => panic!("{name}: a case gives expect or expect_error"),
        }
    }
}

fn money(cents: u64) -> Money {
    Money::parse(&format!("{}.{:02}", cents / 100, cents % 100)).unwrap()
}

/// A year of Part D costs within the threshold (most months small, some none, a few large).
fn year(threshold_cents: u64) -> impl Strategy<Value = [Money; 12]> {
    proptest::collection::vec(prop_oneof![3 => Just(0u64), 3 => 0u64..5_000, 2 => 0u64..80_000, 1 => 0u64..250_000], 12).prop_map(move |cents| {
        let mut left = threshold_cents;
        let mut out = [Money::ZERO; 12];
        for (o, c) in out.iter_mut().zip(cents) {
            let c = c.min(left);
            left -= c;
            *o = money(c);
        }
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn bills_follow_the_rule(costs in year(200_000), opt_in in 1u32..=12) {
        let threshold = money(200_000);
        let b = bills(threshold, opt_in, &costs).unwrap();
        let first = (opt_in - 1) as usize;
        let from_opt_in = costs[first..].iter().fold(Money::ZERO, |a, c| a.checked_add(*c).unwrap());
        prop_assert_eq!(total(&b).unwrap(), from_opt_in, "the bills add up to the costs from the opt-in month on");
        prop_assert!(b[..first].iter().all(|x| x.is_zero()), "nothing billed before the opt-in month");
        let before = costs[..first].iter().fold(Money::ZERO, |a, c| a.checked_add(*c).unwrap());
        let cap = threshold.saturating_sub(before).pro_rata(1, 13 - opt_in).unwrap();
        prop_assert_eq!(b[first], costs[first].min(cap), "the first bill: the lesser of the month's costs and the threshold's share");
        let (mut owed, mut billed) = (Money::ZERO, Money::ZERO);
        for j in first..12 {
            owed = owed.checked_add(costs[j]).unwrap();
            billed = billed.checked_add(b[j]).unwrap();
            prop_assert!(billed <= owed, "month {}: billed {} of {} owed", j + 1, billed, owed);
        }
    }
}
