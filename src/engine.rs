//! Adjudication: a year of claims under one plan, in scenario order (DOMAIN.md rule 1).
//!
//! There is one mechanism. Each claim goes through the same five stages:
//! 1. coverage: the service's rule, or the first variant whose condition holds (age,
//!    channel); not covered and out-of-network-not-covered claims stop here;
//! 2. limits: a yearly per-member counter of visits or days; units past it are not covered;
//! 3. the emergency waiver on admission, where the plan has one;
//! 4. the cost-share steps (deductible, copay, coinsurance) over what is left of the
//!    allowed amount;
//! 5. the out-of-pocket cap on the counted part (DOMAIN rule 6), then the accumulators.

use crate::map::SortedMap;

use serde::Serialize;

use crate::catalog::Catalog;
use crate::error::Error;
use crate::money::Money;
use crate::plan::{
    Accumulator, Benefit, Channel, CopayPer, EnrollmentType, LimitUnit, MemberCondition, OutOfNetwork, PaySchedule, Plan, Step, Unit,
    Variant,
};
use crate::scenario::{Member, Network, Relationship, Scenario};

/// The result of an estimate (DOMAIN.md, "costshare estimate").
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Estimate {
    pub plan: String,
    pub plan_name: String,
    pub enrollment: EnrollmentType,
    pub pay_schedule: PaySchedule,
    pub premium_per_period: Money,
    pub periods_per_year: u32,
    pub premium_annual: Money,
    /// All members' out-of-pocket for the year.
    pub member_pays_total: Money,
    pub total_annual_cost: Money,
    pub allowed_total: Money,
    pub plan_pays_total: Money,
    /// The family's progress; `null` for a plan without a deductible.
    pub deductible: Option<Progress>,
    pub out_of_pocket: Progress,
    pub members: Vec<MemberResult>,
    /// One row per person and service, in order of first use: the claims added up.
    pub services: Vec<ServiceTotal>,
    pub lines: Vec<Line>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ServiceTotal {
    pub member: String,
    pub service: String,
    pub label: String,
    pub claims: u32,
    pub allowed: Money,
    pub member_pays: Money,
    pub plan_pays: Money,
}

/// Progress toward a limit: how much counted so far, and the limit (`null` where none applies,
/// e.g. the family amount of a self-only enrollment).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Progress {
    pub applied: Money,
    pub limit: Option<Money>,
    pub met: bool,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct MemberResult {
    pub id: String,
    pub age: u32,
    pub member_pays: Money,
    pub allowed: Money,
    /// This member's own premium per period, for plans priced per member (else `null`).
    pub premium_per_period: Option<Money>,
    pub deductible: Option<Progress>,
    pub out_of_pocket: Progress,
    /// Progress toward the Medicare Part D drug limit, for plans with one (else `null`).
    pub part_d: Option<Progress>,
    /// What this member paid that counts toward no limit: care not covered, amounts billed
    /// above the allowed amount, and cost shares the plan excludes from its limits.
    pub not_counted: Money,
}

/// One claim.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Line {
    pub member: String,
    pub service: String,
    pub label: String,
    pub allowed: Money,
    pub deductible: Money,
    pub copay: Money,
    pub coinsurance: Money,
    pub not_covered: Money,
    /// What an out-of-network provider billed above the allowed amount; counts toward nothing.
    pub balance_billed: Money,
    /// All the member pays for this claim (the parts above added up).
    pub member_pays: Money,
    pub plan_pays: Money,
    pub counts_toward_oop: bool,
    /// A Medicare Part D drug, counted toward the Part D limit.
    pub counts_toward_part_d: bool,
    /// What changed the outcome, for the page to explain in any language.
    pub events: Vec<Event>,
    /// Short English words for `events` (DOMAIN: "deductible met", …); empty when none.
    pub note: String,
    /// A plain English sentence on how the member's share came about.
    pub explanation: String,
}

#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Individual,
    Family,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// A variant replaced the usual cost share ("Nothing for children through age 17").
    RuleVariant { label: String },
    NotCovered,
    OutOfNetworkNotCovered,
    /// Priced by the plan's out-of-network tier; `sample`: its figures are sample values.
    OutOfNetworkTier { sample: bool },
    /// The out-of-network provider billed this much above the allowed amount.
    BalanceBilled { amount: Money },
    /// The yearly limit left `covered` of `units` visits or days covered.
    LimitReached { limit: String, max: u32, unit: LimitUnit, covered: u32, units: u32 },
    CopayWaivedAdmitted,
    DeductibleMet { scope: Scope },
    /// The copay was more than the allowed amount left, so the member paid the lesser.
    CopayLimitedToAllowed,
    /// A per-day copay reached its per-admission maximum.
    AdmissionMaximum { max: Money },
    /// A coinsurance reached its cap ("20% up to $40").
    CoinsuranceCapped { max: Money },
    /// The plan's benefit maximum was exceeded; the member pays the excess, counted toward nothing.
    AllowanceExceeded { allowance: Money, excess: Money },
    OutOfPocketMaximumReached { scope: Scope },
    OutOfPocketMaximumAlreadyMet { scope: Scope },
    /// The Medicare Part D drug limit was reached by this fill, or already had been.
    PartDLimitReached,
    PartDLimitAlreadyMet,
    NotCountedTowardOutOfPocket,
}

impl Event {
    fn words(&self) -> String {
        match self {
            Event::RuleVariant { label } => label.to_lowercase(),
            Event::NotCovered => "not covered".into(),
            Event::OutOfNetworkNotCovered => "not covered out of network".into(),
            Event::OutOfNetworkTier { sample: false } => "out-of-network benefit".into(),
            Event::OutOfNetworkTier { sample: true } => "out-of-network benefit (sample figures)".into(),
            Event::BalanceBilled { amount } => format!("{} balance billed above the allowed amount", amount.dollars()),
            Event::LimitReached { unit: LimitUnit::Visits, .. } => "visit limit reached".into(),
            Event::LimitReached { unit: LimitUnit::Days, .. } => "day limit reached".into(),
            Event::CopayWaivedAdmitted => "copay waived: admitted".into(),
            Event::DeductibleMet { scope: Scope::Individual } => "deductible met".into(),
            Event::DeductibleMet { scope: Scope::Family } => "family deductible met".into(),
            Event::CopayLimitedToAllowed => "copay limited to the allowed amount".into(),
            Event::AdmissionMaximum { max } => format!("per-admission maximum of {} reached", max.dollars()),
            Event::CoinsuranceCapped { max } => format!("coinsurance capped at {}", max.dollars()),
            Event::AllowanceExceeded { allowance, .. } => format!("over the {} benefit maximum", allowance.dollars()),
            Event::OutOfPocketMaximumReached { scope: Scope::Individual } => "out-of-pocket maximum reached".into(),
            Event::OutOfPocketMaximumReached { scope: Scope::Family } => "family out-of-pocket maximum reached".into(),
            Event::OutOfPocketMaximumAlreadyMet { scope: Scope::Individual } => "out-of-pocket maximum already met".into(),
            Event::OutOfPocketMaximumAlreadyMet { scope: Scope::Family } => "family out-of-pocket maximum already met".into(),
            Event::PartDLimitReached => "Part D out-of-pocket limit reached".into(),
            Event::PartDLimitAlreadyMet => "Part D out-of-pocket limit already met".into(),
            Event::NotCountedTowardOutOfPocket => "does not count toward the out-of-pocket maximum".into(),
        }
    }
}

/// One claim ready to adjudicate: the scenario use resolved against the plan.
#[derive(Clone, Copy)]
struct Claim<'p> {
    member: usize,
    service: &'p str,
    benefit: &'p Benefit,
    allowed: Money,
    days: u32,
    days_supply: u32,
    channel: Channel,
    network: Network,
    billed: Option<Money>,
    admitted: bool,
}

/// What has counted toward one embedded limit so far: each member's part and the family's.
struct Tally {
    member: Vec<Money>,
    family: Money,
}

impl Tally {
    fn new(members: usize) -> Tally {
        Tally { member: vec![Money::ZERO; members], family: Money::ZERO }
    }

    /// Room left for member `m` under `limit`: the smaller of their own remainder and (for a
    /// family enrollment) the family's, and which of the two binds.
    fn room(&self, limit: &Accumulator, m: usize, family: bool) -> (Money, Scope) {
        let own = limit.individual.saturating_sub(self.member[m]);
        match limit.family {
            Some(f) if family => {
                let fam = f.saturating_sub(self.family);
                if fam < own {
                    (fam, Scope::Family)
                } else {
                    (own, Scope::Individual)
                }
            }
            _ => (own, Scope::Individual),
        }
    }

    fn add(&mut self, m: usize, amount: Money) -> Result<(), Error> {
        self.member[m] = add(self.member[m], amount)?;
        self.family = add(self.family, amount)?;
        Ok(())
    }
}

/// The rule stage 1 settles on for a claim; the later stages apply it.
struct Rule<'p> {
    steps: &'p [Step],
    limit: Option<&'p str>,
    counts_toward_oop: bool,
    part_d: bool,
}

/// Running totals for the year.
struct Accumulators {
    family: bool,
    deductible: Tally,
    out_of_pocket: Tally,
    part_d: Tally,
    limits_used: SortedMap<(usize, String), u32>,
}

fn overflow() -> Error {
    Error::invalid("scenario", "services", "amounts too large to add up")
}

/// A plan that skipped validation (only possible by building one in code) reaches this
/// instead of a panic.
fn inconsistent(plan: &Plan, field: String) -> Error {
    Error::invalid(&plan.id, field, "the plan is inconsistent: validate it with `costshare validate`")
}

fn add(a: Money, b: Money) -> Result<Money, Error> {
    a.checked_add(b).ok_or_else(overflow)
}

/// Estimates a year under the scenario's plan from the catalog.
pub fn estimate(catalog: &Catalog, scenario: &Scenario) -> Result<Estimate, Error> {
    scenario.validate_shape()?;
    let plan = catalog.plan(&scenario.plan).ok_or_else(|| {
        let known: Vec<&str> = catalog.plans().map(|p| p.id.as_str()).collect();
        Error::invalid("scenario", "plan", format!("unknown plan \"{}\" (known: {})", scenario.plan, known.join(", ")))
    })?;
    let (enrollment, schedule) = choose_enrollment(plan, scenario)?;
    let claims = resolve_claims(catalog, plan, scenario)?;
    adjudicate(plan, scenario, enrollment, schedule, &claims)
}

fn choose_enrollment(plan: &Plan, scenario: &Scenario) -> Result<(EnrollmentType, PaySchedule), Error> {
    let offered: Vec<&str> = plan.enrollment_types.iter().map(|e| e.as_str()).collect();
    let enrollment = match scenario.enrollment {
        Some(e) => e,
        None if plan.enrollment_types.len() == 1 => plan.enrollment_types[0],
        None => {
            return Err(Error::invalid("scenario", "enrollment", format!("missing: choose one of {}", offered.join(", "))));
        }
    };
    if !plan.enrollment_types.contains(&enrollment) {
        return Err(Error::invalid(
            "scenario",
            "enrollment",
            format!("{} is not offered by {} (offered: {})", enrollment.as_str(), plan.id, offered.join(", ")),
        ));
    }
    let n = scenario.members.len();
    let fits = match enrollment {
        EnrollmentType::SelfOnly => n == 1,
        EnrollmentType::SelfPlusOne => n == 2,
        EnrollmentType::SelfAndFamily => n >= 2,
        EnrollmentType::PerMember => n >= 1,
    };
    if !fits {
        let wanted = match enrollment {
            EnrollmentType::SelfOnly => "exactly one person",
            EnrollmentType::SelfPlusOne => "exactly two people",
            EnrollmentType::SelfAndFamily => "two or more people",
            EnrollmentType::PerMember => "one or more people",
        };
        return Err(Error::invalid("scenario", "members", format!("{} covers {wanted}, but {n} are listed", enrollment.as_str())));
    }
    let schedule = scenario.pay_schedule.unwrap_or(plan.pay_schedules[0]);
    if !plan.pay_schedules.contains(&schedule) {
        return Err(Error::invalid("scenario", "pay_schedule", format!("{} premiums are not published for {}", schedule.as_str(), plan.id)));
    }
    Ok((enrollment, schedule))
}

fn resolve_claims<'p>(catalog: &Catalog, plan: &'p Plan, scenario: &Scenario) -> Result<Vec<Claim<'p>>, Error> {
    let mut claims = Vec::new();
    for (i, u) in scenario.services.iter().enumerate() {
        let at = |f: &str| format!("services[{i}].{f}");
        let bad = |f: &str, m: String| Err(Error::invalid("scenario", at(f), m));
        let member = scenario.members.iter().position(|m| m.id == u.member).ok_or_else(|| {
            Error::invalid("scenario", at("member"), format!("no member has the id \"{}\"", u.member))
        })?;
        let Some((service, benefit)) = plan.services.get_key_value(u.service.as_str()) else {
            return bad("service", format!("unknown service \"{}\" for {}", u.service, plan.id));
        };
        let days = match (benefit.unit, u.days) {
            (Unit::Admission, Some(d)) => d,
            (Unit::Admission, None) => return bad("days", format!("missing: how many days is the {} stay", service)),
            (_, Some(_)) => return bad("days", format!("{service} is not an admission; days do not apply")),
            (_, None) => 1,
        };
        if benefit.unit != Unit::Fill {
            if u.days_supply.is_some() {
                return bad("days_supply", format!("{service} is not a prescription fill"));
            }
            if u.channel.is_some() {
                return bad("channel", format!("{service} is not a prescription fill"));
            }
        }
        if u.admitted.is_some() && benefit.if_admitted.is_none() {
            return bad("admitted", format!("applies only to emergency room visits, not to {service}"));
        }
        let allowed = catalog.allowed_of(i, u)?;
        let claim = Claim {
            member,
            service: service.as_str(),
            benefit,
            allowed,
            days,
            days_supply: u.days_supply.unwrap_or(30),
            channel: u.channel.unwrap_or(Channel::Retail),
            network: u.network.unwrap_or_default(),
            billed: u.billed,
            admitted: u.admitted.unwrap_or(false),
        };
        for _ in 0..u.count.unwrap_or(1) {
            claims.push(claim);
        }
    }
    Ok(claims)
}

fn adjudicate(plan: &Plan, scenario: &Scenario, enrollment: EnrollmentType, schedule: PaySchedule, claims: &[Claim]) -> Result<Estimate, Error> {
    let n = scenario.members.len();
    // Family limits apply to a family enrollment, and to a plan priced per member when more
    // than one person is covered (the Fresno Traditional HMO's embedded family maximum).
    let family = enrollment.is_family() || (enrollment == EnrollmentType::PerMember && n > 1);
    let mut acc = Accumulators {
        family,
        deductible: Tally::new(n),
        out_of_pocket: Tally::new(n),
        part_d: Tally::new(n),
        limits_used: SortedMap::new(),
    };
    let mut lines = Vec::with_capacity(claims.len());
    let mut member_pays = vec![Money::ZERO; n];
    let mut member_allowed = vec![Money::ZERO; n];
    let mut not_counted = vec![Money::ZERO; n];
    for claim in claims {
        let line = adjudicate_claim(plan, scenario, &mut acc, claim)?;
        let m = claim.member;
        member_pays[m] = add(member_pays[m], line.member_pays)?;
        member_allowed[m] = add(member_allowed[m], line.allowed)?;
        // Counted toward a limit (the out-of-pocket maximum or Part D's): everything but what
        // was not covered and what was balance billed.
        let uncounted = if line.counts_toward_oop || line.counts_toward_part_d {
            add(line.not_covered, line.balance_billed)?
        } else {
            line.member_pays
        };
        not_counted[m] = add(not_counted[m], uncounted)?;
        lines.push(line);
    }

    let periods = schedule.periods_per_year();
    let (premium, member_premiums) = if enrollment == EnrollmentType::PerMember {
        let rates = member_rates(plan, &scenario.members)?;
        let mut sum = Money::ZERO;
        for r in &rates {
            sum = add(sum, *r)?;
        }
        (sum, rates.into_iter().map(Some).collect())
    } else {
        let p = plan.premiums.get(&enrollment).and_then(|p| p.per_period(schedule)).ok_or_else(|| {
            Error::invalid(&plan.id, format!("premiums.{}.{}", enrollment.as_str(), schedule.as_str()), "missing")
        })?;
        (p, vec![None; n])
    };
    let premium_annual = premium.checked_mul_int(periods).ok_or_else(overflow)?;
    let mut member_pays_total = Money::ZERO;
    let mut allowed_total = Money::ZERO;
    for m in 0..n {
        member_pays_total = add(member_pays_total, member_pays[m])?;
        allowed_total = add(allowed_total, member_allowed[m])?;
    }
    let total_annual_cost = add(member_pays_total, premium_annual)?;
    let mut services: Vec<ServiceTotal> = Vec::new();
    for l in &lines {
        match services.iter_mut().find(|t| t.member == l.member && t.service == l.service) {
            Some(t) => {
                t.claims += 1;
                t.allowed = add(t.allowed, l.allowed)?;
                t.member_pays = add(t.member_pays, l.member_pays)?;
                t.plan_pays = add(t.plan_pays, l.plan_pays)?;
            }
            None => services.push(ServiceTotal {
                member: l.member.clone(),
                service: l.service.clone(),
                label: l.label.clone(),
                claims: 1,
                allowed: l.allowed,
                member_pays: l.member_pays,
                plan_pays: l.plan_pays,
            }),
        }
    }
    let plan_pays_total = allowed_total.saturating_sub(member_pays_total);

    let progress = |applied: Money, limit: Option<Money>| Progress { applied, limit, met: limit.is_some_and(|l| applied >= l) };
    let family_limit = |a: &Accumulator| if acc.family { a.family } else { None };
    let members = scenario
        .members
        .iter()
        .enumerate()
        .map(|(m, member)| MemberResult {
            id: member.id.clone(),
            age: member.age,
            member_pays: member_pays[m],
            allowed: member_allowed[m],
            premium_per_period: member_premiums[m],
            deductible: plan.deductible.as_ref().map(|d| progress(acc.deductible.member[m], Some(d.individual))),
            out_of_pocket: progress(acc.out_of_pocket.member[m], Some(plan.out_of_pocket_max.individual)),
            part_d: plan.part_d_out_of_pocket_max.as_ref().map(|d| progress(acc.part_d.member[m], Some(d.individual))),
            not_counted: not_counted[m],
        })
        .collect();
    let family_ded = plan.deductible.as_ref().map(|d| progress(acc.deductible.family, family_limit(d)));
    let family_oop = progress(acc.out_of_pocket.family, family_limit(&plan.out_of_pocket_max));

    Ok(Estimate {
        plan: plan.id.clone(),
        plan_name: plan.name.clone(),
        enrollment,
        pay_schedule: schedule,
        premium_per_period: premium,
        periods_per_year: periods,
        premium_annual,
        member_pays_total,
        total_annual_cost,
        allowed_total,
        plan_pays_total,
        deductible: family_ded,
        out_of_pocket: family_oop,
        members,
        services,
        lines,
    })
}

/// Each member's monthly premium from a per-member rate table: the first row whose
/// conditions all hold. Family position is derived from the scenario's order and roles.
fn member_rates(plan: &Plan, members: &[Member]) -> Result<Vec<Money>, Error> {
    // Where the scenario does not say: the first person is the subscriber; the first other
    // adult (26 or older, past the age children are covered to) is the spouse, unless one is
    // named; everyone else is a child.
    let named_spouse = members.iter().any(|m| m.relationship == Some(Relationship::Spouse));
    let implied_spouse = if named_spouse {
        None
    } else {
        members.iter().enumerate().skip(1).find(|(_, m)| m.relationship.is_none() && m.age >= 26).map(|(i, _)| i)
    };
    let relationships: Vec<Relationship> = members
        .iter()
        .enumerate()
        .map(|(i, m)| match m.relationship {
            Some(r) => r,
            None if i == 0 => Relationship::Subscriber,
            None if implied_spouse == Some(i) => Relationship::Spouse,
            None => Relationship::Child,
        })
        .collect();
    let spouse_covered = relationships.contains(&Relationship::Spouse);
    let mut children = 0;
    let mut out = Vec::with_capacity(members.len());
    for (i, member) in members.iter().enumerate() {
        let relationship = relationships[i];
        if relationship == Relationship::Child {
            children += 1;
        }
        let child_number = if relationship == Relationship::Child { Some(children) } else { None };
        let medicare = member.medicare.unwrap_or_default();
        let fits = |w: &MemberCondition| {
            w.relationship.map_or(true, |r| r == relationship)
                && w.dependent_number.map_or(true, |d| d as usize == i)
                && w.min_dependent_number.map_or(true, |d| i >= d as usize)
                && w.child_number.map_or(true, |c| child_number == Some(c))
                && w.min_child_number.map_or(true, |c| child_number.is_some_and(|n| n >= c))
                && w.spouse_covered.map_or(true, |s| s == spouse_covered)
                && w.medicare.as_ref().map_or(true, |list| list.contains(&medicare))
                && w.min_age.map_or(true, |a| member.age >= a)
                && w.max_age.map_or(true, |a| member.age <= a)
        };
        let rate = plan.member_premiums.iter().find(|r| fits(&r.when)).ok_or_else(|| {
            Error::invalid(
                "scenario",
                format!("members[{i}]"),
                format!(
                    "{} has no premium for a {} aged {} with Medicare {}",
                    plan.id,
                    relationship.as_str(),
                    member.age,
                    medicare.as_str()
                ),
            )
        })?;
        out.push(rate.monthly);
    }
    Ok(out)
}

fn variant_for<'b>(benefit: &'b Benefit, age: u32, claim: &Claim) -> Option<&'b Variant> {
    benefit.variants.iter().find(|v| {
        let w = &v.when;
        w.max_age.map_or(true, |a| age <= a)
            && w.min_age.map_or(true, |a| age >= a)
            && w.channels.as_ref().map_or(true, |c| c.contains(&claim.channel))
    })
}

fn adjudicate_claim(plan: &Plan, scenario: &Scenario, acc: &mut Accumulators, claim: &Claim) -> Result<Line, Error> {
    let benefit = claim.benefit;
    let m = claim.member;
    let age = scenario.members[m].age;
    let mut events = Vec::new();
    let mut line = Line {
        member: scenario.members[m].id.clone(),
        service: claim.service.to_string(),
        label: benefit.label.clone(),
        allowed: claim.allowed,
        deductible: Money::ZERO,
        copay: Money::ZERO,
        coinsurance: Money::ZERO,
        not_covered: Money::ZERO,
        balance_billed: Money::ZERO,
        member_pays: Money::ZERO,
        plan_pays: Money::ZERO,
        counts_toward_oop: benefit.counts_toward_oop,
        counts_toward_part_d: benefit.part_d,
        events: Vec::new(),
        note: String::new(),
        explanation: String::new(),
    };

    // 1. Which rule applies: the service's, a variant's (age, channel), or the out-of-network
    //    one; and whether the claim is covered at all.
    let mut covered = benefit.covered;
    let mut rule = Rule {
        steps: &benefit.cost_share,
        limit: benefit.limit.as_deref(),
        counts_toward_oop: benefit.counts_toward_oop,
        part_d: benefit.part_d,
    };
    if let Some(v) = variant_for(benefit, age, claim) {
        if let Some(c) = v.covered {
            covered = c;
        }
        if let Some(s) = &v.cost_share {
            rule.steps = s;
        }
        events.push(Event::RuleVariant { label: v.label.clone() });
    }
    let out_of_network = claim.network == Network::OutOfNetwork;
    if out_of_network {
        // Above the allowed amount an out-of-network provider may bill the member, except for
        // emergencies, which are protected from balance billing.
        if benefit.out_of_network != OutOfNetwork::InNetworkCostShare {
            if let Some(billed) = claim.billed {
                line.balance_billed = billed.saturating_sub(claim.allowed);
                if !line.balance_billed.is_zero() {
                    events.push(Event::BalanceBilled { amount: line.balance_billed });
                }
            }
        }
        if covered {
            match &benefit.out_of_network {
                OutOfNetwork::NotCovered => {
                    covered = false;
                    events.push(Event::OutOfNetworkNotCovered);
                }
                OutOfNetwork::InNetworkCostShare => {}
                OutOfNetwork::Tier(t) => {
                    rule = Rule { steps: &t.cost_share, limit: Some(&t.limit), counts_toward_oop: t.counts_toward_oop, part_d: false };
                    events.push(Event::OutOfNetworkTier { sample: t.sample });
                }
            }
        }
    }
    if !covered && !events.contains(&Event::OutOfNetworkNotCovered) {
        events.push(Event::NotCovered);
    }
    line.counts_toward_oop = covered && rule.counts_toward_oop;
    line.counts_toward_part_d = covered && rule.part_d;
    if !covered {
        line.not_covered = claim.allowed;
        return finish(line, events);
    }

    // 2. Yearly limits: units past the limit are not covered.
    let mut covered_allowed = claim.allowed;
    let mut copay_days = claim.days;
    if let Some(name) = rule.limit {
        let limit = plan.limits.get(name).ok_or_else(|| inconsistent(plan, format!("limits.{name}")))?;
        let units = match limit.unit {
            LimitUnit::Visits => 1,
            LimitUnit::Days => claim.days,
        };
        let used = acc.limits_used.get_or_insert_with((m, name.to_string()), || 0);
        let left = limit.max.saturating_sub(*used);
        let covered_units = units.min(left);
        *used += covered_units;
        if covered_units < units {
            events.push(Event::LimitReached { limit: limit.label.clone(), max: limit.max, unit: limit.unit, covered: covered_units, units });
            covered_allowed = claim.allowed.pro_rata(covered_units, units).ok_or_else(overflow)?;
            line.not_covered = claim.allowed.saturating_sub(covered_allowed);
            if limit.unit == LimitUnit::Days {
                copay_days = covered_units;
            }
            if covered_units == 0 {
                line.counts_toward_oop = false;
                line.counts_toward_part_d = false;
                events.push(Event::NotCovered);
                return finish(line, events);
            }
        }
    }

    // 3. Emergency copay waived when the visit led to an admission.
    if claim.admitted && benefit.if_admitted.as_ref().is_some_and(|w| w.waived) {
        events.push(Event::CopayWaivedAdmitted);
        return finish(line, events);
    }

    // 4. The cost-share steps over what is left of the allowed amount.
    let mut left = covered_allowed;
    let (mut ded, mut copay, mut coins) = (Money::ZERO, Money::ZERO, Money::ZERO);
    let mut ded_scope = Scope::Individual;
    for step in rule.steps {
        match step {
            Step::Deductible {} => {
                let d = plan.deductible.as_ref().ok_or_else(|| inconsistent(plan, "deductible".into()))?;
                let (r, scope) = acc.deductible.room(d, m, acc.family);
                ded_scope = scope;
                let paid = left.min(r);
                ded = add(ded, paid)?;
                left = left.saturating_sub(paid);
            }
            Step::Copay { amount, per, max } => {
                let times = match per {
                    CopayPer::Claim => 1,
                    CopayPer::Day => copay_days,
                    CopayPer::Supply => supply_copays(plan, claim)?,
                };
                let mut due = amount.checked_mul_int(times).ok_or_else(overflow)?;
                if let Some(cap) = max {
                    if due > *cap {
                        due = *cap;
                        events.push(Event::AdmissionMaximum { max: *cap });
                    }
                }
                if due > left {
                    due = left;
                    events.push(Event::CopayLimitedToAllowed);
                }
                copay = add(copay, due)?;
                left = left.saturating_sub(due);
            }
            Step::Coinsurance { percent, max } => {
                let mut due = left.percent(*percent).ok_or_else(overflow)?;
                if let Some(cap) = max {
                    if due > *cap {
                        due = *cap;
                        events.push(Event::CoinsuranceCapped { max: *cap });
                    }
                }
                coins = add(coins, due)?;
                left = left.saturating_sub(due);
            }
            Step::Allowance { amount } => {
                let excess = left.saturating_sub(*amount);
                if !excess.is_zero() {
                    events.push(Event::AllowanceExceeded { allowance: *amount, excess });
                    line.not_covered = add(line.not_covered, excess)?;
                    left = left.saturating_sub(excess);
                }
            }
        }
    }

    // 5. The out-of-pocket limit the claim counts toward (the plan's, or Part D's) caps the
    //    counted part (coinsurance first, then copay, then the deductible part); then the
    //    year's accumulators move.
    let counter = if rule.part_d {
        let limit = plan.part_d_out_of_pocket_max.as_ref().ok_or_else(|| inconsistent(plan, "part_d_out_of_pocket_max".into()))?;
        Some((limit, &mut acc.part_d, true))
    } else if rule.counts_toward_oop {
        Some((&plan.out_of_pocket_max, &mut acc.out_of_pocket, false))
    } else {
        None
    };
    match counter {
        Some((limit, tally, part_d)) => {
            let (r, scope) = tally.room(limit, m, acc.family);
            let total = add(add(ded, copay)?, coins)?;
            if total > r {
                let mut excess = total.saturating_sub(r);
                for part in [&mut coins, &mut copay, &mut ded] {
                    let cut = (*part).min(excess);
                    *part = part.saturating_sub(cut);
                    excess = excess.saturating_sub(cut);
                }
                events.push(match (part_d, r.is_zero()) {
                    (true, true) => Event::PartDLimitAlreadyMet,
                    (true, false) => Event::PartDLimitReached,
                    (false, true) => Event::OutOfPocketMaximumAlreadyMet { scope },
                    (false, false) => Event::OutOfPocketMaximumReached { scope },
                });
            }
            tally.add(m, add(add(ded, copay)?, coins)?)?;
        }
        None => events.push(Event::NotCountedTowardOutOfPocket),
    }
    if !ded.is_zero() {
        let d = plan.deductible.as_ref().ok_or_else(|| inconsistent(plan, "deductible".into()))?;
        acc.deductible.add(m, ded)?;
        let (r, _) = acc.deductible.room(d, m, acc.family);
        if r.is_zero() {
            events.insert(0, Event::DeductibleMet { scope: ded_scope });
        }
    }
    line.deductible = ded;
    line.copay = copay;
    line.coinsurance = coins;
    finish(line, events)
}

/// Copays for a fill: the channel's schedule, or retail's where the plan prices the channel
/// no differently (a community pharmacy, usually).
fn supply_copays(plan: &Plan, claim: &Claim) -> Result<u32, Error> {
    let schedule = plan
        .drug_supply
        .get(&claim.channel)
        .or_else(|| plan.drug_supply.get(&Channel::Retail))
        .ok_or_else(|| inconsistent(plan, "drug_supply.retail".into()))?;
    Ok(schedule.copays_for(claim.days_supply))
}

/// Sums the member's share, the plan's share, and writes the note and explanation.
fn finish(mut line: Line, events: Vec<Event>) -> Result<Line, Error> {
    // Components never exceed the allowed amount: each step takes from what is left.
    let within_allowed = add(add(add(line.deductible, line.copay)?, line.coinsurance)?, line.not_covered)?;
    line.member_pays = add(within_allowed, line.balance_billed)?;
    line.plan_pays = line.allowed.saturating_sub(within_allowed);
    line.note = events.iter().map(Event::words).collect::<Vec<_>>().join("; ");
    line.explanation = explain(&line, &events);
    line.events = events;
    Ok(line)
}

fn explain(line: &Line, events: &[Event]) -> String {
    if events.iter().any(|e| matches!(e, Event::NotCovered | Event::OutOfNetworkNotCovered)) {
        let whole = line.not_covered.checked_add(line.balance_billed).unwrap_or(line.not_covered);
        return format!("Not covered: you pay the whole {}.", whole.dollars());
    }
    if events.contains(&Event::CopayWaivedAdmitted) {
        return "You were admitted, so this visit's cost share is waived; the stay is priced on its own.".into();
    }
    let mut parts = Vec::new();
    if !line.deductible.is_zero() {
        parts.push(format!("the first {} toward your deductible", line.deductible.dollars()));
    }
    if !line.copay.is_zero() {
        parts.push(format!("the {} copay", line.copay.dollars()));
    }
    if !line.coinsurance.is_zero() {
        parts.push(format!("{} coinsurance", line.coinsurance.dollars()));
    }
    let mut s = if parts.is_empty() {
        "You pay nothing for this".to_string()
    } else {
        let joined = match parts.len() {
            1 => parts[0].clone(),
            2 => format!("{}, then {}", parts[0], parts[1]),
            _ => format!("{}, then {}, then {}", parts[0], parts[1], parts[2]),
        };
        format!("You pay {joined}")
    };
    if !line.not_covered.is_zero() {
        if events.iter().any(|e| matches!(e, Event::AllowanceExceeded { .. })) {
            s.push_str(&format!(", plus {} above the plan's benefit maximum", line.not_covered.dollars()));
        } else {
            s.push_str(&format!(", plus {} not covered past the yearly limit", line.not_covered.dollars()));
        }
    }
    for e in events {
        match e {
            Event::OutOfPocketMaximumReached { .. } => s.push_str("; this reaches your out-of-pocket maximum"),
            Event::OutOfPocketMaximumAlreadyMet { .. } => s.push_str(" because your out-of-pocket maximum is already met"),
            Event::PartDLimitReached => s.push_str("; this reaches the Part D out-of-pocket limit"),
            Event::PartDLimitAlreadyMet => s.push_str(" because the Part D out-of-pocket limit is already met"),
            _ => {}
        }
    }
    if !line.balance_billed.is_zero() {
        s.push_str(&format!(", plus {} the provider billed above the allowed amount", line.balance_billed.dollars()));
    }
    s.push_str(&format!("; the plan pays {}.", line.plan_pays.dollars()));
    s
}
