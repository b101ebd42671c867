//! Invariants of docs/domain.md ("Invariants") over generated households and years of care on the built-in plans:
//! - a claim never costs the member more than its allowed amount;
//! - counted cost sharing never exceeds the individual or family out-of-pocket maximum, and
//!   deductible credit never exceeds the individual or family deductible;
//! - adding a claim never lowers the year's total (at the end of the year always; anywhere in
//!   it, but for a cost share that meets the deductible outside the out-of-pocket maximum);
//! - the same scenario gives the same result every time;
//! - every line's parts add up (deductible + copay + coinsurance + not covered + balance billed
//!   = member pays; allowed = plan pays + member pays − balance billed);
//! - the twelve months add up to the year (premium, care and Part D, every pay schedule), each
//!   line falls in its month as rule 1 places it, and the payment plan's bills add up to the
//!   Part D costs from the opt-in month on;
//! - every total is the sum of its lines, for every money field: the result's totals, each
//!   member's, each service subtotal, the deductible and out-of-pocket progress, and the
//!   premium (gross − contribution = the member's share, per period × periods = per year,
//!   the members' premiums added up = the enrollment's), with out-of-network care, balance
//!   billing, employer contributions and either pay schedule among the generated cases.

use std::sync::OnceLock;

use costshare::money::Percent;
use costshare::scenario::{Contribution, Member, PaymentPlanChoice, ServiceUse};
use costshare::vocab::{EnrollmentType, Unit};
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
        (prop_oneof![2 => Just(0u32), 1 => 1u32..=12, 1 => Just(13u32)], any::<u64>()),
    )
        .prop_map(move |(s, m, count, cents, days, supply, channel, admitted, use_default_price, out_of_network, (when, seed))| {
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
                // Spread over the year (rule 1), in a month, or a month per claim.
                month: (1..=12).contains(&when).then_some(when),
                months: (when == 13).then(|| (0..count).map(|k| ((seed >> (4 * k)) % 12) as u32 + 1).collect()),
            }
        })
}

/// No contribution (the published share, if any), an amount per period (sometimes more than
/// the premium), or a percent with up to two decimals.
fn contribution() -> impl Strategy<Value = Option<Contribution>> {
    prop_oneof![
        2 => Just(None),
        1 => (0u64..300_000).prop_map(|c| Some(Contribution::Amount(money(c)))),
        1 => (0u32..=10_000).prop_map(|bp| Some(Contribution::Percent(Percent::parse(&format!("{}.{:02}", bp / 100, bp % 100)).unwrap()))),
    ]
}

fn scenario() -> impl Strategy<Value = Scenario> {
    let plans = catalog().plans().count();
    (0..plans, 1usize..6).prop_flat_map(|(p, n)| {
        let ages = proptest::collection::vec(0u32..95, n);
        let medicare = proptest::collection::vec(0usize..3, n);
        let uses = proptest::collection::vec(service_use(p, n), 0..40);
        let tax = prop_oneof![Just(None), (0u32..=50).prop_map(Some)];
        let opt_in = prop_oneof![Just(None), (1u32..=12).prop_map(Some)];
        (Just(p), ages, medicare, uses, contribution(), any::<bool>(), tax, opt_in).prop_map(|(p, ages, medicare, services, employer_contribution, monthly, tax, opt_in)| {
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
                        // Retiree plans: Medicare members aged 65 and over (Parts A and B, Part B
                        // only, or not stated), subscriber then spouse then children.
                        let relationship = [Relationship::Subscriber, Relationship::Spouse, Relationship::Child][i.min(2)];
                        let status = [None, Some(Medicare::PartsAAndB), Some(Medicare::PartBOnly)][medicare[i]];
                        Member { id: format!("m{i}"), age: 65 + age % 30, relationship: Some(relationship), medicare: status, ..Default::default() }
                    } else {
                        Member { id: format!("m{i}"), age, relationship: None, medicare: None, ..Default::default() }
                    }
                })
                .collect();
            let pay_schedule = if monthly { plan.pay_schedules.last().copied() } else { None };
            Scenario {
                plan: plan.id.clone(),
                enrollment: Some(enrollment),
                pay_schedule,
                members,
                services,
                prices: Default::default(),
                employer_contribution,
                marginal_tax_rate: tax.map(|t| Percent::parse(&t.to_string()).unwrap()),
                payment_plan: opt_in.filter(|_| plan.part_d_out_of_pocket_max.is_some()).map(|opt_in_month| PaymentPlanChoice { opt_in_month }),
                ..Default::default()
            }
        })
    })
}

/// Whether `service` of `plan` has a cost share (its own, a variant's or its out-of-network
/// tier's) that meets the deductible without counting toward the out-of-pocket maximum.
fn deductible_outside_oop(plan: &str, service: &str) -> bool {
    use costshare::plan::{OutOfNetwork, Step};
    let Some(b) = catalog().plan(plan).and_then(|p| p.services.get(service)) else { return false };
    let has = |steps: &[Step]| steps.iter().any(|s| matches!(s, Step::Deductible { .. }));
    let own = !b.counts_toward_oop && (has(&b.cost_share) || b.variants.iter().any(|v| v.cost_share.as_deref().is_some_and(has)));
    let tier = matches!(&b.out_of_network, OutOfNetwork::Tier(t) if !t.counts_toward_oop && has(&t.cost_share));
    own || tier
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
            if let (Some(d), Some(Some(limit))) = (&r.family_deductible, plan.deductible.as_ref().map(|d| d.family)) {
                prop_assert!(d.applied <= limit);
            }
        }
    }

    /// Claims are adjudicated in time, month by month and within a month in the order given
    /// (docs/domain.md, rule 1), so a claim added at the end (listed last, in December) leaves
    /// every claim before it as it was and costs nothing less than zero: the total never falls. A claim added earlier in the year changes what the later ones meet,
    /// and that too never lowers the total, except where a cost share counts toward the
    /// deductible but not toward the out-of-pocket maximum (the Colorado plans' dental care,
    /// "10% of our allowance after the deductible", which does not count toward the maximum:
    /// 001 L2795, L809-812): a counted claim put before it meets the deductible instead, and the
    /// deductible it no longer pays, outside the maximum, can leave the year cheaper
    /// (`a_claim_put_first_can_lower_the_total_where_a_cost_share_meets_the_deductible_only`).
    /// So a scenario using such a service gets its added claim at the end only.
    #[test]
    fn adding_a_claim_never_lowers_the_total(s in scenario(), extra in (0usize..3, any::<prop::sample::Index>())) {
        let before = run(&s);
        // Append a copy of an existing use (or, with none, nothing changes) at a random place.
        let mut more = s.clone();
        if !s.services.is_empty() {
            let pick = extra.1.index(s.services.len());
            let mut u = s.services[pick].clone();
            u.count = Some(1);
            u.months = None;
            let anywhere = !s.services.iter().any(|u| deductible_outside_oop(&s.plan, &u.service));
            // At the end of the year: listed last, in December. Anywhere: listed anywhere, in
            // any month (rule 1: the year goes month by month, then in listed order).
            let (at, month) = if extra.0 == 0 || !anywhere {
                (more.services.len(), 12)
            } else {
                (extra.1.index(more.services.len() + 1), 1 + (extra.1.index(12) as u32))
            };
            u.month = Some(month);
            more.services.insert(at, u);
        }
        let after = run(&more);
        prop_assert!(after.member_pays_total >= before.member_pays_total,
            "{} -> {}", before.member_pays_total, after.member_pays_total);
    }

    /// docs/domain.md, "A year month by month" and "The Medicare Prescription Payment Plan":
    /// the twelve months add up to the year to the cent (premium, care, Part D), each line's
    /// cost is in its month, and the payment plan's bills add up to the Part D costs from the
    /// opt-in month on, with the months before it paid at the pharmacy.
    #[test]
    fn the_months_add_up_to_the_year(s in scenario()) {
        let r = run(&s);
        prop_assert_eq!(r.months.len(), 12);
        prop_assert!(r.months.iter().enumerate().all(|(i, m)| m.month == i as u32 + 1));
        prop_assert_eq!(sum(&r.months, |m| m.premium), r.premium_annual);
        prop_assert_eq!(sum(&r.months, |m| m.member_pays), r.member_pays_total);
        let part_d = sum(&r.members, |m| m.part_d.as_ref().map_or(Money::ZERO, |p| p.applied));
        prop_assert_eq!(sum(&r.months, |m| m.part_d_member_pays), part_d);
        for m in &r.months {
            let lines = r.lines.iter().filter(|l| l.month == m.month);
            prop_assert_eq!(sum(lines.clone(), |l| l.member_pays), m.member_pays, "month {}", m.month);
            let counted = |l: &costshare::engine::Line| if l.counts_toward_part_d { sum([l.deductible, l.copay, l.coinsurance].iter(), |x| *x) } else { Money::ZERO };
            prop_assert_eq!(sum(lines, counted), m.part_d_member_pays, "month {}", m.month);
        }
        // A use's months as given, or spread as rule 1 says.
        let mut i = 0;
        for u in &s.services {
            let n = u.count.unwrap_or(1);
            for k in 0..n {
                let want = match (&u.months, u.month) {
                    (Some(list), _) => list[k as usize],
                    (None, Some(m)) => m,
                    (None, None) => k * 12 / n + 1,
                };
                prop_assert_eq!(r.lines[i].month, want, "line {} (claim {} of {})", i, k, n);
                i += 1;
            }
        }
        match (&r.payment_plan, s.payment_plan) {
            (Some(p), Some(choice)) => {
                let first = (choice.opt_in_month - 1) as usize;
                prop_assert_eq!(p.opt_in_month, choice.opt_in_month);
                prop_assert_eq!(sum(&p.bills, |b| *b), p.total_billed);
                prop_assert_eq!(sum(&p.bills[first..], |b| *b), sum(&r.months[first..], |m| m.part_d_member_pays));
                prop_assert!(p.bills[..first].iter().all(|b| b.is_zero()));
                for (j, m) in r.months.iter().enumerate() {
                    let at_pharmacy = if j < first { m.part_d_member_pays } else { Money::ZERO };
                    prop_assert_eq!(p.paid_at_pharmacy[j], at_pharmacy);
                }
                prop_assert_eq!(p.total_billed.checked_add(sum(&p.paid_at_pharmacy, |b| *b)).unwrap(), part_d);
            }
            (None, None) => {}
            (got, asked) => prop_assert!(false, "payment plan {got:?} for {asked:?}"),
        }
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
    fn every_total_is_the_sum_of_its_lines(s in scenario()) {
        let r = run(&s);
        if let Some(fault) = totals_fault(&r) {
            prop_assert!(false, "{fault}\n{}", serde_json::to_string_pretty(&r).unwrap());
        }
    }

    #[test]
    fn results_are_identical_across_runs(s in scenario()) {
        let a = serde_json::to_string(&run(&s)).unwrap();
        let b = serde_json::to_string(&run(&s.clone())).unwrap();
        prop_assert_eq!(a, b);
    }
}

fn sum<'a, T: 'a>(items: impl IntoIterator<Item = &'a T>, f: impl Fn(&T) -> Money) -> Money {
    items.into_iter().fold(Money::ZERO, |a, x| a.checked_add(f(x)).unwrap())
}

fn minus(a: Money, b: Money) -> Option<Money> {
    (a >= b).then(|| a.saturating_sub(b))
}

/// The first money field of `r` that is not the sum of its lines (or parts), if any. Every
/// figure is recomputed here from the lines alone.
fn totals_fault(r: &Estimate) -> Option<String> {
    let check = |what: String, got: Money, want: Money| (got != want).then(|| format!("{what}: {got}, but its lines add up to {want}"));
    let mut faults: Vec<Option<String>> = Vec::new();
    // Each line: allowed = plan pays + member pays − balance billed; its parts add up.
    for (i, l) in r.lines.iter().enumerate() {
        let parts = sum([l.deductible, l.copay, l.coinsurance, l.not_covered, l.balance_billed].iter(), |m| *m);
        faults.push(check(format!("lines[{i}].member_pays"), l.member_pays, parts));
        let paid = l.plan_pays.checked_add(l.member_pays).unwrap();
        faults.push((minus(paid, l.balance_billed) != Some(l.allowed)).then(|| {
            format!("lines[{i}]: allowed {} is not plan pays {} + member pays {} − balance billed {}", l.allowed, l.plan_pays, l.member_pays, l.balance_billed)
        }));
    }
    // The result's totals.
    faults.push(check("member_pays_total".into(), r.member_pays_total, sum(&r.lines, |l| l.member_pays)));
    faults.push(check("allowed_total".into(), r.allowed_total, sum(&r.lines, |l| l.allowed)));
    faults.push(check("plan_pays_total".into(), r.plan_pays_total, sum(&r.lines, |l| l.plan_pays)));
    let billed = sum(&r.lines, |l| l.balance_billed);
    let paid = r.plan_pays_total.checked_add(r.member_pays_total).unwrap();
    faults.push((minus(paid, billed) != Some(r.allowed_total)).then(|| "allowed_total is not plan_pays_total + member_pays_total − balance billed".to_string()));
    // Counted toward the out-of-pocket maximum, Part D's limit, the deductible.
    let oop = |l: &costshare::engine::Line| if l.counts_toward_oop && !l.counts_toward_part_d { sum([l.deductible, l.copay, l.coinsurance].iter(), |m| *m) } else { Money::ZERO };
    let part_d = |l: &costshare::engine::Line| if l.counts_toward_part_d { sum([l.deductible, l.copay, l.coinsurance].iter(), |m| *m) } else { Money::ZERO };
    let uncounted = |l: &costshare::engine::Line| {
        if l.counts_toward_oop || l.counts_toward_part_d { l.not_covered.checked_add(l.balance_billed).unwrap() } else { l.member_pays }
    };
    // The family's progress, where a family amount applies: what every member's lines counted.
    if let Some(d) = &r.family_deductible {
        faults.push(check("family_deductible.applied".into(), d.applied, sum(&r.lines, |l| l.deductible)));
    }
    if let Some(o) = &r.family_out_of_pocket {
        faults.push(check("family_out_of_pocket.applied".into(), o.applied, sum(&r.lines, oop)));
    }
    // Each member.
    for m in &r.members {
        let own: Vec<_> = r.lines.iter().filter(|l| l.member == m.id).collect();
        let at = |f: &str| format!("members[{}].{f}", m.id);
        faults.push(check(at("member_pays"), m.member_pays, sum(own.iter().copied(), |l| l.member_pays)));
        faults.push(check(at("allowed"), m.allowed, sum(own.iter().copied(), |l| l.allowed)));
        faults.push(check(at("not_counted"), m.not_counted, sum(own.iter().copied(), uncounted)));
        faults.push(check(at("out_of_pocket.applied"), m.out_of_pocket.applied, sum(own.iter().copied(), oop)));
        if let Some(d) = &m.deductible {
            faults.push(check(at("deductible.applied"), d.applied, sum(own.iter().copied(), |l| l.deductible)));
        }
        if let Some(p) = &m.part_d {
            faults.push(check(at("part_d.applied"), p.applied, sum(own.iter().copied(), part_d)));
        }
    }
    faults.push(check("the members' member_pays".into(), sum(&r.members, |m| m.member_pays), r.member_pays_total));
    faults.push(check("the members' allowed".into(), sum(&r.members, |m| m.allowed), r.allowed_total));
    // Each service subtotal, and every line in exactly one of them.
    for (i, t) in r.services.iter().enumerate() {
        let own: Vec<_> = r.lines.iter().filter(|l| l.member == t.member && l.service == t.service).collect();
        let at = |f: &str| format!("services[{i}] ({} {}).{f}", t.member, t.service);
        if own.len() != t.claims as usize {
            faults.push(Some(format!("{}: {} claims, but {} lines", at("claims"), t.claims, own.len())));
        }
        faults.push(check(at("allowed"), t.allowed, sum(own.iter().copied(), |l| l.allowed)));
        faults.push(check(at("member_pays"), t.member_pays, sum(own.iter().copied(), |l| l.member_pays)));
        faults.push(check(at("plan_pays"), t.plan_pays, sum(own.iter().copied(), |l| l.plan_pays)));
    }
    faults.push(check("the services' member_pays".into(), sum(&r.services, |t| t.member_pays), r.member_pays_total));
    faults.push(check("the services' plan_pays".into(), sum(&r.services, |t| t.plan_pays), r.plan_pays_total));
    faults.push(check("the services' allowed".into(), sum(&r.services, |t| t.allowed), r.allowed_total));
    // The premium: per period, split; per year, each figure per period × periods.
    let year = |m: Money| m.checked_mul_int(r.periods_per_year).unwrap();
    faults.push((minus(r.premium_gross_per_period, r.contribution_per_period) != Some(r.premium_per_period))
        .then(|| format!("premium_per_period {} is not gross {} − contribution {}", r.premium_per_period, r.premium_gross_per_period, r.contribution_per_period)));
    faults.push(check("premium_gross_annual".into(), r.premium_gross_annual, year(r.premium_gross_per_period)));
    faults.push(check("contribution_annual".into(), r.contribution_annual, year(r.contribution_per_period)));
    faults.push(check("premium_annual".into(), r.premium_annual, year(r.premium_per_period)));
    faults.push((minus(r.premium_gross_annual, r.contribution_annual) != Some(r.premium_annual)).then(|| "premium_annual is not gross − contribution".to_string()));
    faults.push(check("total_annual_cost".into(), r.total_annual_cost, r.premium_annual.checked_add(r.member_pays_total).unwrap()));
    if r.members.iter().any(|m| m.premium_per_period.is_some()) {
        let each = |f: fn(&costshare::engine::MemberResult) -> Option<Money>| sum(&r.members, |m| f(m).unwrap_or(Money::ZERO));
        faults.push(check("the members' premium_gross_per_period".into(), r.premium_gross_per_period, each(|m| m.premium_gross_per_period)));
        faults.push(check("the members' contribution_per_period".into(), r.contribution_per_period, each(|m| m.contribution_per_period)));
        faults.push(check("the members' premium_per_period".into(), r.premium_per_period, each(|m| m.premium_per_period)));
        for m in &r.members {
            let (g, c, p) = (m.premium_gross_per_period.unwrap(), m.contribution_per_period.unwrap(), m.premium_per_period.unwrap());
            faults.push((minus(g, c) != Some(p)).then(|| format!("members[{}]: premium {p} is not gross {g} − contribution {c}", m.id)));
        }
    }
    if let Some(after) = r.premium_after_tax_annual {
        faults.push((after > r.premium_annual).then(|| "the premium after tax is more than the premium".to_string()));
    }
    faults.into_iter().flatten().next()
}

/// The exception `adding_a_claim_never_lowers_the_total` leaves out, as it is: on Colorado
/// Standard ($150 deductible, 001 L790; $5,500 out-of-pocket maximum, L805; home health care
/// 10% after the deductible, L1700; dental care "10% of our allowance after the deductible"
/// outside the maximum, L2795, L809-812), a $5,000 dental claim then a $100,000 home health
/// claim cost $150 + 10% of $4,850 = $635 (outside the maximum) + $5,500 = $6,135; the same
/// with a home health claim first cost $5,500 (its $150 deductible counted toward the maximum)
/// + 10% of $5,000 = $500 + nothing = $6,000.
#[test]
fn a_claim_put_first_can_lower_the_total_where_a_cost_share_meets_the_deductible_only() {
    let s = |services: &str| Scenario::from_json(&format!(r#"{{"plan": "kp-co-fehb-2022-standard", "enrollment": "self_only", "members": [{{"id": "you", "age": 40}}], "services": [{services}]}}"#)).unwrap();
    let dental = r#"{"member": "you", "service": "dental_accidental_injury", "allowed": "5000.00"}"#;
    let home = r#"{"member": "you", "service": "home_health_visit", "allowed": "100000.00"}"#;
    assert!(deductible_outside_oop("kp-co-fehb-2022-standard", "dental_accidental_injury"));
    assert!(!deductible_outside_oop("kp-co-fehb-2022-standard", "home_health_visit"));
    let before = run(&s(&format!("{dental}, {home}")));
    let after = run(&s(&format!("{home}, {dental}, {home}")));
    assert_eq!((before.member_pays_total, after.member_pays_total), (money(613_500), money(600_000)));
}
