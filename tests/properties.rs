//! Invariants of DOMAIN.md over generated households and years of care on the built-in plans:
//! - a claim never costs the member more than its allowed amount;
//! - counted cost sharing never exceeds the individual or family out-of-pocket maximum, and
//!   deductible credit never exceeds the individual or family deductible;
//! - adding a claim never lowers the year's total;
//! - the same scenario gives the same result every time;
//! - every line's parts add up (deductible + copay + coinsurance + not covered = member pays;
//!   member pays + plan pays = allowed).

use std::sync::OnceLock;

use costshare::vocab::{EnrollmentType, Unit};
use costshare::scenario::{Member, ServiceUse};
use costshare::vocab::{Medicare, Relationship};
use costshare::{estimate, Catalog, Estimate, Money, Scenario};
use proptest::prelude::*;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::load_dir(&Catalog::builtin_data_dir()).unwrap())
}

fn money(cents: u64) -> Money {
    Money::parse(&format!("{}.{:02}", cents / 100, cents % 100)).unwrap()
}

/// A random use of a random service of `plan` by member `member`.
fn service_use(plan_index: usize, members: usize) -> impl Strategy<Value = ServiceUse> {
    let plan = catalog().plans().nth(plan_index).unwrap();
    let services: Vec<(String, Unit, bool)> =
        plan.services.iter().map(|(id, b)| (id.clone(), b.unit, b.if_admitted.is_some())).collect();
    (
        0..services.len(),
        0..members,
        1u32..4,
        prop_oneof![0u64..20_000, 0u64..5_000_000, Just(0u64)],
        1u32..40,
        prop_oneof![Just(30u32), Just(90u32), 1u32..120],
        0usize..3,
        any::<bool>(),
        any::<bool>(),
        prop_oneof![3 => Just(None), 1 => (0u64..2_000_000).prop_map(Some)],
    )
        .prop_map(move |(s, m, count, cents, days, supply, channel, admitted, use_default_price, out_of_network)| {
            let (id, unit, er) = &services[s];
            ServiceUse {
                member: format!("m{m}"),
                service: id.clone(),
                count: Some(count),
                allowed: if use_default_price { None } else { Some(money(cents)) },
                days: (*unit == Unit::Admission).then_some(days),
                days_supply: (*unit == Unit::Fill).then_some(supply),
                channel: (*unit == Unit::Fill).then(|| {
                    [costshare::vocab::Channel::Retail, costshare::vocab::Channel::Community, costshare::vocab::Channel::Mail][channel]
                }),
                // Out of network, sometimes with a bill at or above the allowed amount it gives.
                network: out_of_network.map(|_| costshare::vocab::Network::OutOfNetwork),
                billed: out_of_network.filter(|extra| extra % 2 == 0 && !use_default_price).map(|extra| money(cents + extra)),
                admitted: er.then_some(admitted),
            }
        })
}

fn scenario() -> impl Strategy<Value = Scenario> {
    let plans = catalog().plans().count();
    (0..plans, 1usize..6).prop_flat_map(|(p, n)| {
        let ages = proptest::collection::vec(0u32..95, n);
        let uses = proptest::collection::vec(service_use(p, n), 0..40);
        (Just(p), ages, uses).prop_map(|(p, ages, services)| {
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
                        // Retiree plans: Medicare members aged 65 and over, subscriber then spouse then children.
                        let relationship = [Relationship::Subscriber, Relationship::Spouse, Relationship::Child][i.min(2)];
                        Member { id: format!("m{i}"), age: 65 + age % 30, relationship: Some(relationship), medicare: Some(Medicare::PartsAAndB) }
                    } else {
                        Member { id: format!("m{i}"), age, relationship: None, medicare: None }
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
            }
        })
    })
}

fn run(s: &Scenario) -> Estimate {
    estimate(catalog(), s).unwrap_or_else(|e| panic!("valid scenario refused: {e}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn a_claim_never_costs_more_than_its_allowed_amount(s in scenario()) {
        let r = run(&s);
        for l in &r.lines {
            // Balance billing aside, a claim never costs more than its allowed amount.
            let within_allowed = l.member_pays.saturating_sub(l.balance_billed);
            prop_assert!(within_allowed <= l.allowed, "{l:?}");
            let parts = [l.deductible, l.copay, l.coinsurance, l.not_covered, l.balance_billed]
                .iter().fold(Money::ZERO, |a, b| a.checked_add(*b).unwrap());
            prop_assert_eq!(parts, l.member_pays);
            prop_assert_eq!(within_allowed.checked_add(l.plan_pays).unwrap(), l.allowed);
        }
    }

    #[test]
    fn counted_cost_sharing_stays_within_the_limits(s in scenario()) {
        let r = run(&s);
        let plan = catalog().plan(&s.plan).unwrap();
        let family = s.enrollment.unwrap().is_family() || (s.enrollment == Some(EnrollmentType::PerMember) && s.members.len() > 1);
        let mut family_counted = Money::ZERO;
        for (i, m) in r.members.iter().enumerate() {
            // Recompute each member's counted share from the lines, independently of the engine's own tally.
            let counted = r.lines.iter().filter(|l| l.member == s.members[i].id && l.counts_toward_oop)
                .fold(Money::ZERO, |a, l| a.checked_add(
                    l.member_pays.saturating_sub(l.not_covered).saturating_sub(l.balance_billed)).unwrap());
            prop_assert_eq!(counted, m.out_of_pocket.applied);
            prop_assert!(counted <= plan.out_of_pocket_max.individual, "{} counted {counted}", m.id);
            family_counted = family_counted.checked_add(counted).unwrap();
            if let (Some(d), Some(limit)) = (&m.deductible, &plan.deductible) {
                prop_assert!(d.applied <= limit.individual);
            }
            // The Part D counter, recomputed from the lines, stays within its limit.
            let part_d = r.lines.iter().filter(|l| l.member == s.members[i].id && l.counts_toward_part_d)
                .fold(Money::ZERO, |a, l| a.checked_add(
                    l.member_pays.saturating_sub(l.not_covered).saturating_sub(l.balance_billed)).unwrap());
            match (&m.part_d, &plan.part_d_out_of_pocket_max) {
                (Some(p), Some(limit)) => {
                    prop_assert_eq!(part_d, p.applied);
                    prop_assert!(part_d <= limit.individual);
                }
                _ => prop_assert!(part_d.is_zero()),
            }
        }
        if let (true, Some(limit)) = (family, plan.out_of_pocket_max.family) {
            prop_assert!(family_counted <= limit, "family counted {family_counted}");
            if let (Some(d), Some(Some(limit))) = (&r.deductible, plan.deductible.as_ref().map(|d| d.family)) {
                prop_assert!(d.applied <= limit);
            }
        }
    }

    #[test]
    fn adding_a_claim_never_lowers_the_total(s in scenario(), extra in (0usize..3, any::<prop::sample::Index>())) {
        let before = run(&s);
        // Append a copy of an existing use (or, with none, nothing changes) at a random place.
        let mut more = s.clone();
        if !s.services.is_empty() {
            let pick = extra.1.index(s.services.len());
            let mut u = s.services[pick].clone();
            u.count = Some(1);
            let at = if extra.0 == 0 { more.services.len() } else { extra.1.index(more.services.len() + 1) };
            more.services.insert(at, u);
        }
        let after = run(&more);
        prop_assert!(after.member_pays_total >= before.member_pays_total,
            "{} -> {}", before.member_pays_total, after.member_pays_total);
    }

    #[test]
    fn service_subtotals_add_up_to_the_members_totals(s in scenario()) {
        let r = run(&s);
        for m in &r.members {
            let sum = r.services.iter().filter(|t| t.member == m.id)
                .fold(Money::ZERO, |a, t| a.checked_add(t.member_pays).unwrap());
            prop_assert_eq!(sum, m.member_pays);
        }
        let claims: u32 = r.services.iter().map(|t| t.claims).sum();
        prop_assert_eq!(claims as usize, r.lines.len());
    }

    #[test]
    fn results_are_identical_across_runs(s in scenario()) {
        let a = serde_json::to_string(&run(&s)).unwrap();
        let b = serde_json::to_string(&run(&s.clone())).unwrap();
        prop_assert_eq!(a, b);
    }
}
