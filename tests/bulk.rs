//! The totals-only paths take a use's `count` identical claims a group at a time, where the
//! estimate takes them one by one with a line each. Both run the same adjudication function;
//! these properties check that they agree to the cent on random households and years of care
//! on every built-in plan, with counts large enough to cross every regime (deductible met,
//! out-of-pocket maximum reached, visit and day limits used up) inside one use:
//! - `summarize` equals the summary of `estimate`: every total, every member's figures and
//!   progress toward each limit, every service subtotal, every month and the payment plan's
//!   bills, with uses spread over the year, in a month, or a month per claim (rule 1);
//! - `Year::total_annual_cost_with_counts` equals `estimate` of the scenario with those counts
//!   (a use counted 0 left out), which is what every cost-curve point is;
//! - and so every vertex of a cost curve is `estimate` of the household's care at its scale.

use std::sync::OnceLock;

use costshare::engine::{summarize, Year};
use costshare::scenario::{Member, PaymentPlanChoice, ServiceUse};
use costshare::vocab::{Channel, EnrollmentType, Medicare, Network, Relationship, Unit};
use costshare::{estimate, Catalog, Money, Scenario};
use proptest::prelude::*;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::load_dir(&Catalog::builtin_data_dir()).unwrap())
}

fn money(cents: u64) -> Money {
    Money::parse(&format!("{}.{:02}", cents / 100, cents % 100)).unwrap()
}

/// A random use of a random service of `plan` by one of `members`, often many times over.
fn service_use(plan_index: usize, members: usize) -> impl Strategy<Value = ServiceUse> {
    let plan = catalog().plans().nth(plan_index).unwrap();
    let services: Vec<(String, Unit, bool)> =
        plan.services.iter().map(|(id, b)| (id.clone(), b.unit, b.if_admitted.is_some())).collect();
    (
        (0..services.len(), 0..members),
        prop_oneof![1u32..4, 1u32..60, 100u32..400],
        prop_oneof![Just(None), (0u64..30_000).prop_map(Some), (0u64..3_000_000).prop_map(Some), Just(Some(0u64))],
        prop_oneof![1u32..5, 1u32..120],
        prop_oneof![Just(30u32), Just(90u32), 1u32..120],
        (0usize..3, any::<bool>()),
        prop_oneof![4 => Just(None), 1 => (0u64..200_000).prop_map(Some)],
        when(),
    )
        .prop_map(move |((s, m), count, cents, days, supply, (channel, admitted), out_of_network, when)| {
            let (id, unit, er) = &services[s];
            let (month, months) = months_of(when, count);
            ServiceUse {
                member: format!("m{m}"),
                service: id.clone(),
                count: Some(count),
                allowed: cents.map(money),
                days: (*unit == Unit::Admission).then_some(days),
                days_supply: (*unit == Unit::Fill).then_some(supply),
                channel: (*unit == Unit::Fill).then(|| [Channel::Retail, Channel::Community, Channel::Mail][channel]),
                network: out_of_network.map(|_| Network::OutOfNetwork),
                billed: out_of_network.zip(cents).filter(|(extra, _)| extra % 2 == 0).map(|(extra, c)| money(c + extra)),
                admitted: er.then_some(admitted),
                month,
                months,
            }
        })
}

/// When a use happens (rule 1): spread over the year, in one month, or a month per claim (from
/// a seed: a few months at random, or all in order, or out of order).
#[derive(Clone, Copy, Debug)]
enum When {
    Spread,
    Month(u32),
    Months(u64),
}

fn when() -> impl Strategy<Value = When> {
    prop_oneof![3 => Just(When::Spread), 1 => (1u32..=12).prop_map(When::Month), 1 => any::<u64>().prop_map(When::Months)]
}

/// A use's `month` and `months` for `count` claims.
fn months_of(when: When, count: u32) -> (Option<u32>, Option<Vec<u32>>) {
    match when {
        When::Spread => (None, None),
        When::Month(m) => (Some(m), None),
        When::Months(seed) => {
            // A few distinct months, taken in turn or at random.
            let mut x = seed | 1;
            let mut next = || {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x
            };
            let pool: Vec<u32> = (0..1 + seed % 4).map(|_| (next() % 12) as u32 + 1).collect();
            let sorted = seed % 3 == 0;
            let mut list: Vec<u32> = (0..count).map(|_| pool[(next() % pool.len() as u64) as usize]).collect();
            if sorted {
                list.sort_unstable();
            }
            (None, Some(list))
        }
    }
}

/// The use at another count, as the engine places its claims in time (rule 1; a `months` list
/// spread over the new count: claim k of n in months[floor(k × len / n)]).
fn at_count(u: &ServiceUse, n: u32) -> ServiceUse {
    let months = u.months.as_ref().map(|list| (0..n as usize).map(|k| list[k * list.len() / n as usize]).collect());
    ServiceUse { count: Some(n), months, ..u.clone() }
}

fn scenario() -> impl Strategy<Value = Scenario> {
    let plans = catalog().plans().count();
    (0..plans, 1usize..6).prop_flat_map(|(p, n)| {
        let ages = proptest::collection::vec(0u32..95, n);
        let uses = proptest::collection::vec(service_use(p, n), 0..30);
        let opt_in = prop_oneof![2 => Just(None), 1 => (1u32..=12).prop_map(Some)];
        (Just(p), ages, uses, opt_in).prop_map(|(p, ages, services, opt_in)| {
            let plan = catalog().plans().nth(p).unwrap();
            let per_member = plan.enrollment_types.contains(&EnrollmentType::PerMember);
            let enrollment = match ages.len() {
                _ if per_member => EnrollmentType::PerMember,
                1 => EnrollmentType::SelfOnly,
                2 => EnrollmentType::SelfPlusOne,
                _ => EnrollmentType::SelfAndFamily,
            };
            let members = ages
                .iter()
                .enumerate()
                .map(|(i, &age)| {
                    if per_member {
                        let relationship = [Relationship::Subscriber, Relationship::Spouse, Relationship::Child][i.min(2)];
                        Member { id: format!("m{i}"), age: 65 + age % 30, relationship: Some(relationship), medicare: Some(Medicare::PartsAAndB), ..Default::default() }
                    } else {
                        Member { id: format!("m{i}"), age, relationship: None, medicare: None, ..Default::default() }
                    }
                })
                .collect();
            Scenario {
                plan: plan.id.clone(),
                enrollment: Some(enrollment),
                pay_schedule: None,
                members,
                services,
                prices: Default::default(),
                employer_contribution: None,
                marginal_tax_rate: None,
                // The payment plan on plans with Part D (its bills are in the summary too).
                payment_plan: opt_in.filter(|_| plan.part_d_out_of_pocket_max.is_some()).map(|opt_in_month| PaymentPlanChoice { opt_in_month }),
                ..Default::default()
            }
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn a_group_at_a_time_equals_one_by_one(s in scenario()) {
        let one_by_one = estimate(catalog(), &s).unwrap_or_else(|e| panic!("valid scenario refused: {e}"));
        let grouped = summarize(catalog(), &s).unwrap();
        // Every money field of the year, of every member and of every service subtotal.
        let one_by_one = one_by_one.without_lines();
        prop_assert_eq!(&grouped, &one_by_one);
        prop_assert_eq!(serde_json::to_string(&grouped).unwrap(), serde_json::to_string(&one_by_one).unwrap());
    }

    #[test]
    fn the_total_with_other_counts_is_the_estimate_with_those_counts(s in scenario(), scale in prop_oneof![0u32..8, 0u32..40], seed in any::<u64>()) {
        let year = Year::new(catalog(), &s).unwrap();
        // New counts: each use's own scaled by scale / 8 (rounded), nudged by the seed.
        let counts: Vec<u32> = year
            .counts()
            .enumerate()
            .map(|(i, c)| (c * scale + 4) / 8 + u32::from((seed >> (i % 64)) & 1 == 1 && scale % 3 == 0))
            .collect();
        let total = year.total_annual_cost_with_counts(&counts).unwrap();
        let mut scaled = s.clone();
        scaled.services = s.services.iter().zip(&counts).filter(|(_, &c)| c > 0).map(|(u, &c)| at_count(u, c)).collect();
        if let Ok(e) = estimate(catalog(), &scaled) {
            prop_assert_eq!(total, e.total_annual_cost);
        } else {
            // Only the scenario limits (at most 1,000 of one use, 20,000 claims) refuse it.
            prop_assert!(counts.iter().any(|&c| c > 1_000) || counts.iter().map(|&c| u64::from(c)).sum::<u64>() > 20_000);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 60, ..ProptestConfig::default() })]

    /// Every vertex of a cost curve is the engine's estimate of the household's care with each
    /// count scaled (round half up, a use rounded to none left out), on random households: the
    /// grouped path at work where the page draws it.
    #[test]
    fn every_curve_vertex_is_the_estimate_of_the_scaled_care(s in scenario()) {
        use rust_decimal::{Decimal, RoundingStrategy};
        let plans = vec![s.plan.clone()];
        let Ok(curves) = costshare::compare::cost_curves(catalog(), &s, &plans) else {
            // Only a year without care (or care priced at nothing) has no curve.
            let nothing = s.services.iter().all(|u| u.allowed.is_some_and(|a| a.is_zero()));
            prop_assert!(s.services.is_empty() || nothing);
            return Ok(());
        };
        let curve = &curves.curves[0];
        prop_assert!(curve.points.iter().any(|p| p.scale.value() == Decimal::ONE && p.spending == curves.spending));
        for p in curve.points.iter().step_by(5).chain(curve.points.last()) {
            let mut scaled = s.clone();
            scaled.services = s
                .services
                .iter()
                .filter_map(|u| {
                    let n = (Decimal::from(u.count.unwrap_or(1)) * p.scale.value()).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
                    let n = u32::try_from(n.mantissa()).unwrap();
                    (n > 0).then(|| at_count(u, n))
                })
                .collect();
            let e = estimate(catalog(), &scaled).unwrap_or_else(|e| panic!("scale {}: {e}", p.scale.value()));
            prop_assert_eq!(p.total_annual_cost, e.total_annual_cost, "scale {}", p.scale.value());
            prop_assert_eq!(p.spending, e.allowed_total, "scale {}", p.scale.value());
        }
    }
}
