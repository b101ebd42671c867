//! Adjudication: a year of claims under one plan, in scenario order (DOMAIN.md rule 1).
//!
//! - `mod.rs` (here): the result, and a scenario turned into claims against a plan;
//! - `claim.rs`: the one mechanism every claim goes through (coverage, limits, the emergency
//!   waiver, the cost-share steps, the out-of-pocket cap) and the year's accumulators;
//! - `premium.rs`: the enrollment type, the pay schedule, Medicare status, the premium and who
//!   pays it.
//!
//! The result carries ids, amounts and events; the words people read are made from them where
//! they are shown (the page in its language, the CLI in English: `crate::words`).

mod claim;
mod premium;

use serde::Serialize;

use crate::catalog::Catalog;
use crate::error::{shown, Code, Error};
use crate::money::Money;
use crate::plan::{Benefit, LimitUnit, ValidPlan};
use crate::scenario::Scenario;
use crate::vocab::{Channel, EnrollmentType, Network, PaySchedule, Unit};

pub use premium::{choose_enrollment, ContributionKind};

/// The result of an estimate (DOMAIN.md, "costshare estimate" and "Premium shares and
/// contributions"). Every total is the sum of its parts: `premium_annual` =
/// `premium_gross_annual` − `contribution_annual`, each annual figure is its per-period figure
/// times `periods_per_year`, and `total_annual_cost` = `premium_annual` + `member_pays_total`.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Estimate {
    pub plan: String,
    pub plan_name: String,
    pub enrollment: EnrollmentType,
    pub pay_schedule: PaySchedule,
    pub periods_per_year: u32,
    /// The whole premium per pay period (all members' on a plan priced per member).
    pub premium_gross_per_period: Money,
    /// What the employer, the Government or the retiree group pays of it per period.
    pub contribution_per_period: Money,
    /// The member's share per period: gross − contribution.
    pub premium_per_period: Money,
    /// Where the contribution comes from (`none`: the premium is before any contribution).
    pub contribution: ContributionKind,
    pub premium_gross_annual: Money,
    pub contribution_annual: Money,
    /// The member's share of the premium for the year.
    pub premium_annual: Money,
    /// The member's share is paid before tax (FEHB premium conversion: employees, who pay
    /// biweekly; not annuitants).
    pub premium_pre_tax: bool,
    /// With the scenario's `marginal_tax_rate`: what the member's share costs after the tax it
    /// saves (`premium_annual` less that rate of it where paid before tax); else `null`.
    pub premium_after_tax_annual: Option<Money>,
    /// All members' out-of-pocket for the year.
    pub member_pays_total: Money,
    pub total_annual_cost: Money,
    pub allowed_total: Money,
    /// What the plan pays for all claims: the sum of the lines' `plan_pays`.
    pub plan_pays_total: Money,
    /// The family's progress; `null` for a plan without a deductible.
    pub deductible: Option<Progress>,
    pub out_of_pocket: Progress,
    pub members: Vec<MemberResult>,
    /// One row per person and service, in order of first use: the claims added up.
    pub services: Vec<ServiceTotal>,
    pub lines: Vec<Line>,
    /// What the estimate assumed where the scenario did not say, as data (the CLI and the page
    /// put it in words).
    pub assumptions: Vec<Assumed>,
}

/// Something the estimate assumed or adjusted, naming the member it concerns.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Assumed {
    /// No Medicare status given on a Medicare plan: priced as having Parts A and B.
    MedicareAssumed { member: String },
    /// No Medicare status given, and the plan's rate table prices a member whose Medicare
    /// eligibility is unknown differently from one with Parts A and B (Traditional, 65 and over).
    MedicareEligibilityUnknown { member: String },
    /// The premium is the whole premium: no contribution is published and none was given.
    PremiumBeforeContribution,
    /// The contribution given was more than a premium it applies to, so it counts only up to
    /// that premium (`member`: on a plan priced per member; `null`: the enrollment's premium).
    ContributionCapped { member: Option<String> },
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ServiceTotal {
    pub member: String,
    pub service: String,
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

impl Progress {
    fn of(applied: Money, limit: Option<Money>) -> Progress {
        Progress { applied, limit, met: limit.is_some_and(|l| applied >= l) }
    }
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct MemberResult {
    pub id: String,
    pub age: u32,
    pub member_pays: Money,
    pub allowed: Money,
    /// On a plan priced per member, this member's own premium per period, split as the
    /// enrollment's is (else `null`).
    pub premium_gross_per_period: Option<Money>,
    pub contribution_per_period: Option<Money>,
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
    /// What changed the outcome, for the page (or the CLI) to say in words.
    pub events: Vec<Event>,
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

fn overflow() -> Error {
    Error::new("scenario", "services", Code::Overflow, "amounts too large to add up")
}

fn add(a: Money, b: Money) -> Result<Money, Error> {
    a.checked_add(b).ok_or_else(overflow)
}

/// Estimates a year under the scenario's plan from the catalog.
pub fn estimate(catalog: &Catalog, scenario: &Scenario) -> Result<Estimate, Error> {
    scenario.validate_shape()?;
    let plan = catalog.plan_for(&scenario.plan, "plan")?;
    let (statuses, mut assumed) = premium::medicare_statuses(plan, scenario)?;
    let (enrollment, schedule) = choose_enrollment(plan, scenario)?;
    let claims = resolve_claims(catalog, plan, scenario)?;
    let (members, lines) = claim::adjudicate(plan, scenario, enrollment, &claims)?;
    let premium = premium::premium(plan, scenario, enrollment, schedule, &statuses, &mut assumed)?;
    if premium.kind == ContributionKind::None {
        assumed.push(Assumed::PremiumBeforeContribution);
    }
    for capped in &premium.capped {
        let member = capped.and_then(|m| scenario.members.get(m)).map(|m| m.id.clone());
        assumed.push(Assumed::ContributionCapped { member });
    }
    total_up(plan, scenario, enrollment, schedule, premium, members, lines, assumed)
}

/// Each use `count` times, with its allowed amount, days and channel, checked against what the
/// service's unit takes (the vocabulary's, via the plan).
fn resolve_claims<'p>(catalog: &Catalog, plan: &'p ValidPlan, scenario: &Scenario) -> Result<Vec<Claim<'p>>, Error> {
    let mut claims = Vec::new();
    for (i, u) in scenario.services.iter().enumerate() {
        let at = |f: &str| format!("services[{i}].{f}");
        let inapplicable = |f: &str, m: String| Err(Error::new("scenario", at(f), Code::NotApplicable, m));
        let member = scenario.members.iter().position(|m| m.id == u.member).ok_or_else(|| {
            Error::new("scenario", at("member"), Code::UnknownMember, format!("no member has the id \"{}\"", shown(&u.member)))
        })?;
        let Some((service, benefit)) = plan.services.get_key_value(u.service.as_str()) else {
            return Err(Error::new(
                "scenario",
                at("service"),
                Code::UnknownService,
                format!("unknown service \"{}\" for {}", shown(&u.service), plan.id),
            ));
        };
        let days = match (benefit.unit, u.days) {
            (Unit::Admission, Some(d)) => d,
            (Unit::Admission, None) => {
                return Err(Error::new("scenario", at("days"), Code::MissingField, format!("missing: how many days is the {service} stay")));
            }
            (_, Some(_)) => return inapplicable("days", format!("{service} is not an admission; days do not apply")),
            (_, None) => 1,
        };
        if benefit.unit != Unit::Fill {
            if u.days_supply.is_some() {
                return inapplicable("days_supply", format!("{service} is not a prescription fill"));
            }
            if u.channel.is_some() {
                return inapplicable("channel", format!("{service} is not a prescription fill"));
            }
        }
        if u.admitted.is_some() && benefit.if_admitted.is_none() {
            return inapplicable("admitted", format!("applies only to emergency room visits, not to {service}"));
        }
        let allowed = catalog.allowed_of(scenario, i, u)?;
        if let Some(billed) = u.billed {
            if billed < allowed {
                return Err(Error::new(
                    "scenario",
                    at("billed"),
                    Code::BilledBelowAllowed,
                    format!("the bill ({}) is below the allowed amount ({}): a provider's bill is at least what the plan allows", billed.dollars(), allowed.dollars()),
                ));
            }
        }
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

/// The year added up: every total is the sum of its lines.
#[allow(clippy::too_many_arguments)]
fn total_up(
    plan: &ValidPlan,
    scenario: &Scenario,
    enrollment: EnrollmentType,
    schedule: PaySchedule,
    premium: premium::Premium,
    acc: claim::Accumulators,
    lines: Vec<Line>,
    assumptions: Vec<Assumed>,
) -> Result<Estimate, Error> {
    let n = scenario.members.len();
    let mut member_pays = vec![Money::ZERO; n];
    let mut member_allowed = vec![Money::ZERO; n];
    let mut not_counted = vec![Money::ZERO; n];
    let (mut member_pays_total, mut allowed_total, mut plan_pays_total) = (Money::ZERO, Money::ZERO, Money::ZERO);
    let mut services: Vec<ServiceTotal> = Vec::new();
    for (line, m) in lines.iter().zip(acc.members_of_lines.iter().copied()) {
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
        member_pays_total = add(member_pays_total, line.member_pays)?;
        allowed_total = add(allowed_total, line.allowed)?;
        plan_pays_total = add(plan_pays_total, line.plan_pays)?;
        match services.iter_mut().find(|t| t.member == line.member && t.service == line.service) {
            Some(t) => {
                t.claims += 1;
                t.allowed = add(t.allowed, line.allowed)?;
                t.member_pays = add(t.member_pays, line.member_pays)?;
                t.plan_pays = add(t.plan_pays, line.plan_pays)?;
            }
            None => services.push(ServiceTotal {
                member: line.member.clone(),
                service: line.service.clone(),
                claims: 1,
                allowed: line.allowed,
                member_pays: line.member_pays,
                plan_pays: line.plan_pays,
            }),
        }
    }
    let periods = schedule.periods_per_year();
    let yearly = |m: Money| m.checked_mul_int(periods).ok_or_else(overflow);
    let per_period = premium.per_period;
    let premium_annual = yearly(per_period.share)?;
    let total_annual_cost = add(member_pays_total, premium_annual)?;
    let pre_tax = plan.premium_conversion.as_ref().is_some_and(|c| c.pay_schedule == schedule);
    let premium_after_tax_annual = match scenario.marginal_tax_rate {
        Some(rate) if pre_tax => Some(premium_annual.saturating_sub(premium_annual.percent(rate).ok_or_else(overflow)?)),
        Some(_) => Some(premium_annual),
        None => None,
    };
    let family_limit = |a: &crate::plan::Accumulator| if acc.family { a.family } else { None };
    let members = scenario
        .members
        .iter()
        .enumerate()
        .map(|(m, member)| MemberResult {
            id: member.id.clone(),
            age: member.age,
            member_pays: member_pays[m],
            allowed: member_allowed[m],
            premium_gross_per_period: premium.per_member.get(m).map(|p| p.gross),
            contribution_per_period: premium.per_member.get(m).map(|p| p.contribution),
            premium_per_period: premium.per_member.get(m).map(|p| p.share),
            deductible: plan.deductible.as_ref().map(|d| Progress::of(acc.deductible.member[m], Some(d.individual))),
            out_of_pocket: Progress::of(acc.out_of_pocket.member[m], Some(plan.out_of_pocket_max.individual)),
            part_d: plan.part_d_out_of_pocket_max.as_ref().map(|d| Progress::of(acc.part_d.member[m], Some(d.individual))),
            not_counted: not_counted[m],
        })
        .collect();
    Ok(Estimate {
        plan: plan.id.clone(),
        plan_name: plan.name.clone(),
        enrollment,
        pay_schedule: schedule,
        periods_per_year: periods,
        premium_gross_per_period: per_period.gross,
        contribution_per_period: per_period.contribution,
        premium_per_period: per_period.share,
        contribution: premium.kind,
        premium_gross_annual: yearly(per_period.gross)?,
        contribution_annual: yearly(per_period.contribution)?,
        premium_annual,
        premium_pre_tax: pre_tax,
        premium_after_tax_annual,
        member_pays_total,
        total_annual_cost,
        allowed_total,
        plan_pays_total,
        deductible: plan.deductible.as_ref().map(|d| Progress::of(acc.deductible.family, family_limit(d))),
        out_of_pocket: Progress::of(acc.out_of_pocket.family, family_limit(&plan.out_of_pocket_max)),
        members,
        services,
        lines,
        assumptions,
    })
}
