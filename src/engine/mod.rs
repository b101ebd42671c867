//! Adjudication: a year of claims under one plan, in time order (docs/domain.md, rule 1).
//!
//! - `mod.rs` (here): the result, and a scenario turned into claims against a plan ([`Year`]);
//! - `claim.rs`: the one mechanism every claim goes through (coverage, limits, the emergency
//!   waiver, the cost-share steps, the out-of-pocket cap) and the year's accumulators;
//! - `months.rs`: the month of each claim, the year's order (month by month, within a month
//!   the scenario's), and the year's figures by month;
//! - `premium.rs`: the enrollment type, the pay schedule, Medicare status, the premium and who
//!   pays it.
//!
//! A year is worked out claim by claim with a line each ([`estimate`]), or, where only the
//! totals are wanted (comparing options, cost curves), with the `count` identical claims of a
//! use taken a group at a time ([`summarize`], [`Year::total_annual_cost_with_counts`]): the
//! same function adjudicates the first claim of a group, and the group ends where a counter it
//! read would change the outcome (a deductible, an out-of-pocket maximum, a visit limit met).
//!
//! The result carries ids, amounts and events; the words people read are made from them where
//! they are shown (the page in its language, the CLI in English: `src/words.rs`).
//!
//! Why one file of about 800 lines: about half is the result's types (`Estimate`, `Line`,
//! `Event`, …), the contract `docs/embedding.md` and `types.js` document field by field and the
//! golden files check; the rest is [`Year`], the scenario turned into claims. The mechanism,
//! months, premium, usage and assumptions each have their own file below.

mod assumed;
mod claim;
mod months;
mod premium;
mod sums;
mod usage;

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::Serialize;

use crate::catalog::Catalog;
use crate::error::{at, Error, ErrorKind};
use crate::money::Money;
use crate::payment_plan::PaymentPlan;
use crate::plan::{Benefit, LimitUnit, ValidPlan};
use crate::scenario::Scenario;
use crate::vocab::{Channel, EnrollmentType, Network, PaySchedule, Unit};
use sums::{Sum, Sums};

pub use assumed::Assumed;
pub use months::{periods_per_month, Month};
pub use premium::{allowed_enrollments, household_may_take, suggest_enrollment, ContributionKind, IMPLIED_SPOUSE_MIN_AGE};
pub use usage::resolve as resolve_usage;

/// The result of an estimate (docs/domain.md, "The result" and "Premium shares and
/// contributions"). Every total is the sum of its parts: `premium_annual` =
/// `premium_gross_annual` − `contribution_annual`, each annual figure is its per-period figure
/// times `periods_per_year`, and `total_annual_cost` = `premium_annual` + `member_pays_total`.
/// `lines` has one line per claim; a [`Summary`] is the same without them (its `lines` is
/// [`NoLines`], which holds none and is not written out): what a comparison carries for each
/// option.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[serde(bound(serialize = "L: Serialize + Lines"))]
pub struct Estimate<L = Vec<Line>> {
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
    /// The premium a month, split the same three ways: per period on a monthly schedule; on a
    /// biweekly one the year's share and contribution each ÷ 12, rounded to the cent half away
    /// from zero, and the whole premium their sum ("$682.48 a month for both of you").
    pub premium_gross_monthly: Money,
    pub contribution_monthly: Money,
    pub premium_monthly: Money,
    /// What an employer contribution is given per: each member (a plan priced per member) or
    /// the enrollment, each pay period of the schedule priced.
    pub contribution_unit: ContributionUnit,
    /// Medicare Part B's own premium for the members who have Part B as priced: paid to
    /// Medicare whichever option they take, so not in any total here (`null` where no member
    /// has Part B, or the plan's year has no figure).
    pub medicare_part_b_monthly: Option<PartB>,
    /// All members' out-of-pocket for the year.
    pub member_pays_total: Money,
    pub total_annual_cost: Money,
    pub allowed_total: Money,
    /// What the plan pays for all claims: the sum of the lines' `plan_pays`.
    pub plan_pays_total: Money,
    /// The family's progress toward the plan's family deductible: `null` where no family
    /// amount applies (one person covered, or a plan without one); each member's own progress
    /// is in `members[]`.
    pub family_deductible: Option<Progress>,
    /// The family's progress toward the family out-of-pocket maximum (`null` as above).
    pub family_out_of_pocket: Option<Progress>,
    pub members: Vec<MemberResult>,
    /// One row per person and service, in order of first use: the claims added up.
    pub services: Vec<ServiceTotal>,
    /// The year month by month, January to December: each adds up to the year's figures.
    pub months: Vec<Month>,
    /// With the scenario's `payment_plan`: the monthly bills (else absent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_plan: Option<PaymentPlan>,
    /// One line per claim, in the scenario's order (each use's claims in turn), each with its
    /// month; the year is adjudicated in time order.
    #[serde(skip_serializing_if = "Lines::absent")]
    pub lines: L,
    /// Every enrollment type the household may take, with its year's figures, smallest type
    /// first (docs/domain.md, "Enrollment choice"): `enrollment` is the one priced above.
    pub enrollment_options: Vec<EnrollmentOption>,
    /// What the estimate assumed where the scenario did not say, as data (the CLI and the page
    /// put it in words).
    pub assumptions: Vec<Assumed>,
}

/// An estimate without its per-claim lines.
pub type Summary = Estimate<NoLines>;

/// The `lines` of a [`Summary`]: none, by type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct NoLines;

/// What an estimate's `lines` can be: a line per claim, or none.
pub trait Lines {
    /// `true` where there are no lines to write out.
    fn absent(&self) -> bool;
}

impl Lines for Vec<Line> {
    fn absent(&self) -> bool {
        false
    }
}

impl Lines for NoLines {
    fn absent(&self) -> bool {
        true
    }
}

impl Estimate {
    /// The estimate's summary: everything but the lines.
    pub fn without_lines(self) -> Summary {
        self.with_lines(NoLines)
    }
}

impl<L> Estimate<L> {
    /// The same figures with other lines.
    fn with_lines<M>(self, lines: M) -> Estimate<M> {
        let e = self;
        Estimate {
            plan: e.plan,
            plan_name: e.plan_name,
            enrollment: e.enrollment,
            pay_schedule: e.pay_schedule,
            periods_per_year: e.periods_per_year,
            premium_gross_per_period: e.premium_gross_per_period,
            contribution_per_period: e.contribution_per_period,
            premium_per_period: e.premium_per_period,
            contribution: e.contribution,
            premium_gross_annual: e.premium_gross_annual,
            contribution_annual: e.contribution_annual,
            premium_annual: e.premium_annual,
            premium_pre_tax: e.premium_pre_tax,
            premium_after_tax_annual: e.premium_after_tax_annual,
            premium_gross_monthly: e.premium_gross_monthly,
            contribution_monthly: e.contribution_monthly,
            premium_monthly: e.premium_monthly,
            contribution_unit: e.contribution_unit,
            medicare_part_b_monthly: e.medicare_part_b_monthly,
            member_pays_total: e.member_pays_total,
            total_annual_cost: e.total_annual_cost,
            allowed_total: e.allowed_total,
            plan_pays_total: e.plan_pays_total,
            family_deductible: e.family_deductible,
            family_out_of_pocket: e.family_out_of_pocket,
            members: e.members,
            services: e.services,
            months: e.months,
            payment_plan: e.payment_plan,
            lines,
            enrollment_options: e.enrollment_options,
            assumptions: e.assumptions,
        }
    }
}

/// What an employer contribution is given per (docs/domain.md, "Premium shares and
/// contributions"): `{"per": "member", "pay_schedule": "monthly"}` is per person per month.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
pub struct ContributionUnit {
    pub per: Per,
    pub pay_schedule: PaySchedule,
}

#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    /// Each member's premium (a plan priced per member).
    Member,
    /// The enrollment's premium: the household's.
    Enrollment,
}

impl ContributionUnit {
    pub fn of(enrollment: EnrollmentType, pay_schedule: PaySchedule) -> ContributionUnit {
        let per = if enrollment == EnrollmentType::PerMember { Per::Member } else { Per::Enrollment };
        ContributionUnit { per, pay_schedule }
    }
}

/// Medicare Part B's standard premium a month (`data/medicare-years.json`) for the members who
/// have Part B: `amount` each, `total` for them all.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PartB {
    pub amount: Money,
    pub members: Vec<String>,
    pub total: Money,
    pub year: u16,
    pub source: crate::medicare_year::Source,
}

/// One enrollment type the household may take, and its year: the same care, its own premium.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EnrollmentOption {
    pub enrollment: EnrollmentType,
    pub premium_annual: Money,
    pub member_pays_total: Money,
    pub total_annual_cost: Money,
    /// How much more this type costs for the year than the cheapest the household may take
    /// ("Self and Family costs $1,287 less for the two of you"): zero for the cheapest.
    pub more_than_cheapest: Money,
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

/// Progress toward a limit: how much counted so far, and the limit.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Progress {
    pub applied: Money,
    pub limit: Money,
    pub met: bool,
}

impl Progress {
    fn of(applied: Money, limit: Money) -> Progress {
        Progress { applied, limit, met: applied >= limit }
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
    pub member: Id,
    pub service: Id,
    /// The month of the claim, 1 (January) to 12: the member pays in that month.
    pub month: u32,
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

/// An id every line of a member or a service repeats, shared by those lines rather than copied
/// into each. Reads as its text (`&*id`), compares with text, and is written as a string.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(Arc<str>);

impl Deref for Id {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Id {
    fn from(text: &str) -> Id {
        Id(Arc::from(text))
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Id {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
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
    /// The benefit's yearly payment limit (`limit`, per member) left `amount` of this claim
    /// unpaid by the plan: the member's, not covered (docs/domain.md, rule 13).
    PaymentLimitReached { limit: Money, amount: Money },
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
    Error::at("scenario", at!["services"], ErrorKind::overflow())
}

/// A sum (most of a claim's parts are zero: those cost nothing to add).
fn add(a: Money, b: Money) -> Result<Money, Error> {
    if b.is_zero() {
        Ok(a)
    } else if a.is_zero() {
        Ok(b)
    } else {
        a.checked_add(b).ok_or_else(overflow)
    }
}

/// Estimates a year under the scenario's plan from the catalog: claim by claim, a line each.
pub fn estimate(catalog: &Catalog, scenario: &Scenario) -> Result<Estimate, Error> {
    Year::new(catalog, scenario)?.estimate()
}

/// The same year's figures without the lines, worked out a group of identical claims at a
/// time: equal to [`estimate`] without its lines (`tests/bulk.rs`), for a fraction of the work.
pub fn summarize(catalog: &Catalog, scenario: &Scenario) -> Result<Summary, Error> {
    Year::new(catalog, scenario)?.summary()
}

/// One use of the scenario resolved against the plan: the claim it makes `count` times, and
/// the row of the service totals it adds to.
#[derive(Clone, Copy)]
struct Use<'p> {
    claim: Claim<'p>,
    count: u32,
    row: usize,
}

/// A scenario resolved against its plan: the enrollment, the premium and each use's claim,
/// checked and ready to adjudicate, as often as wanted (a cost curve runs it at many scales).
pub struct Year<'a> {
    plan: &'a ValidPlan,
    /// With any member's `usage` turned into care (src/utilization.rs).
    scenario: Cow<'a, Scenario>,
    enrollment: EnrollmentType,
    schedule: PaySchedule,
    premium: premium::Premium,
    premium_annual: Money,
    /// Every type the household may take and its premium share for the year (the chosen one
    /// among them), smallest first.
    choices: Vec<(EnrollmentType, Money)>,
    uses: Vec<Use<'a>>,
    /// When each use's claims happen, in the scenario's order.
    whens: Vec<months::When>,
    /// The year in time order at the scenario's own counts.
    segments: Vec<months::Segment>,
    /// With a `payment_plan`: its opt-in month and the year's Part D out-of-pocket threshold.
    payment_plan: Option<(u32, Money)>,
    /// Each member's age, in the scenario's order.
    ages: Vec<u32>,
    /// The member and service of each row of the service totals, in order of first use.
    rows: Vec<(usize, &'a str)>,
    /// What the estimate assumed where the scenario did not say.
    assumed: Vec<Assumed>,
    /// Part B's premium for the members who have it, named beside the total.
    part_b: Option<PartB>,
}

impl<'a> Year<'a> {
    pub fn new(catalog: &'a Catalog, scenario: &'a Scenario) -> Result<Year<'a>, Error> {
        let (scenario, cms) = usage::resolve(catalog, scenario)?;
        scenario.validate_shape()?;
        let plan = catalog.plan_for(&scenario.plan, at!["plan"])?;
        let (statuses, mut assumed) = premium::medicare_statuses(plan, &scenario)?;
        assumed.extend(cms);
        let (allowed, schedule) = premium::enrollment_choices(plan, &scenario)?;
        let (uses, rows) = resolve_uses(catalog, plan, &scenario)?;
        // Each type the household may take, priced. Their years differ only in the premium
        // (`allowed_enrollments`), so the lowest total is the lowest premium share; a tie keeps
        // the smaller type. A type the scenario names is taken as it is.
        let mut priced = Vec::with_capacity(allowed.len());
        for e in allowed {
            let mut own = Vec::new();
            let premium = premium::premium(plan, &scenario, e, schedule, &statuses, &mut own)?;
            let annual = premium.per_period.share.checked_mul_int(schedule.periods_per_year()).ok_or_else(overflow)?;
            priced.push((e, premium, annual, own));
        }
        let chosen = match scenario.enrollment {
            Some(e) => priced.iter().position(|p| p.0 == e).unwrap_or(0),
            None => (1..priced.len()).fold(0, |best, i| if priced[i].2 < priced[best].2 { i } else { best }),
        };
        let choices = priced.iter().map(|p| (p.0, p.2)).collect();
        let (enrollment, premium, premium_annual, own) = priced.swap_remove(chosen);
        assumed.extend(own);
        if premium.kind == ContributionKind::None {
            assumed.push(Assumed::PremiumBeforeContribution);
        }
        for capped in &premium.capped {
            let member = capped.and_then(|m| scenario.members.get(m)).map(|m| m.id.clone());
            assumed.push(Assumed::ContributionCapped { member });
        }
        let ages = scenario.members.iter().map(|m| m.age).collect();
        let part_b = premium::part_b(catalog, plan, &scenario, &statuses)?;
        let whens: Vec<months::When> = scenario.services.iter().map(months::When::of).collect();
        let segments = months::schedule(&whens, uses.iter().map(|u| u.count));
        let payment_plan = match scenario.payment_plan {
            None => None,
            Some(_) if plan.part_d_out_of_pocket_max.is_none() => {
                return Err(Error::at("scenario", at!["payment_plan"], ErrorKind::payment_plan_not_offered(&plan.id)));
            }
            Some(p) => Some((p.opt_in_month, catalog.medicare_part_d(plan.year, at!["plan"])?.out_of_pocket_threshold.amount)),
        };
        Ok(Year { plan, scenario, enrollment, schedule, premium, premium_annual, choices, uses, whens, segments, payment_plan, ages, rows, assumed, part_b })
    }

    /// The uses' counts, in scenario order.
    pub fn counts(&self) -> impl ExactSizeIterator<Item = u32> + '_ {
        self.uses.iter().map(|u| u.count)
    }

    /// Claim by claim, a line each: the estimate. The claims are adjudicated in time order and
    /// their lines listed in the scenario's (each use's claims in turn).
    pub fn estimate(&self) -> Result<Estimate, Error> {
        let claims: usize = self.uses.iter().map(|u| u.count as usize).sum();
        let mut lines: Vec<Option<Line>> = Vec::new();
        lines.resize_with(claims, || None);
        let members: Vec<Id> = self.scenario.members.iter().map(|m| Id::from(m.id.as_str())).collect();
        let services: Vec<Id> = self.rows.iter().map(|&(_, service)| Id::from(service)).collect();
        let mut sums = self.sums();
        let mut places = months::Places::new(&self.whens, self.uses.iter().map(|u| u.count));
        let acc = claim::each_claim(self.plan, &self.ages, self.family(), &self.uses, &self.segments, |seg, u, outcome, events| {
            sums.add(seg.month, u, &outcome, 1)?;
            let Some(slot) = lines.get_mut(places.next(seg.use_index)) else { return Err(overflow()) };
            *slot = Some(Line {
                member: members.get(u.claim.member).cloned().unwrap_or_else(|| Id::from("")),
                service: services.get(u.row).cloned().unwrap_or_else(|| Id::from(u.claim.service)),
                month: seg.month as u32 + 1,
                allowed: outcome.allowed,
                deductible: outcome.deductible,
                copay: outcome.copay,
                coinsurance: outcome.coinsurance,
                not_covered: outcome.not_covered,
                balance_billed: outcome.balance_billed,
                member_pays: outcome.member_pays,
                plan_pays: outcome.plan_pays,
                counts_toward_oop: outcome.counts_toward_oop,
                counts_toward_part_d: outcome.counts_toward_part_d,
                events,
            });
            Ok(())
        })?;
        Ok(self.total_up(&acc, sums)?.with_lines(months::placed(lines)?))
    }

    /// The same figures without lines, each segment's claims a group at a time.
    pub fn summary(&self) -> Result<Summary, Error> {
        let mut sums = self.sums();
        let acc = claim::each_group(self.plan, &self.ages, self.family(), &self.uses, &self.segments, &mut |seg, u, outcome, n, same| sums.add_group(seg, u, outcome, n, same))?;
        self.total_up(&acc, sums)
    }

    /// The year's `total_annual_cost` with the uses' counts replaced by `counts` (in scenario
    /// order; a use counted 0 drops out): what [`estimate`] gives for the scenario with those
    /// counts, worked out a group at a time with nothing but the total added up. The counts
    /// are taken as given (not held to the scenario limits); a use's claims fall in time as
    /// rule 1 places that many (`months.rs`, `When`).
    pub fn total_annual_cost_with_counts(&self, counts: &[u32]) -> Result<Money, Error> {
        let mut member_pays = Sum::default();
        let segments = months::schedule(&self.whens, (0..self.uses.len()).map(|i| counts.get(i).copied().unwrap_or(0)));
        claim::each_group(self.plan, &self.ages, self.family(), &self.uses, &segments, &mut |_, _, outcome, n, _| member_pays.add(outcome.member_pays, n))?;
        add(member_pays.money()?, self.premium_annual)
    }

    /// Family limits apply to a family enrollment, and to a plan priced per member when more
    /// than one person is covered (the Fresno Traditional HMO's embedded family maximum).
    fn family(&self) -> bool {
        premium::family_limits_apply(self.enrollment, self.scenario.members.len())
    }

    /// Empty sums for this year's rows and members.
    fn sums(&self) -> Sums {
        Sums::new(self.rows.len(), self.ages.len(), self.plan.part_d_out_of_pocket_max.is_some(), self.uses.len())
    }

    /// The year added up: every total is the sum of its claims.
    fn total_up(&self, acc: &claim::Accumulators, sums: Sums) -> Result<Summary, Error> {
        let (plan, scenario) = (self.plan, &*self.scenario);
        let n = scenario.members.len();
        // Each member's and the year's sums are the rows' (in cents, as the rows are).
        let mut by_member = vec![[Sum::default(); 3]; n];
        let mut year = [Sum::default(); 3];
        let mut services = Vec::with_capacity(self.rows.len());
        for (&(m, service), row) in self.rows.iter().zip(&sums.rows) {
            let Some(member) = by_member.get_mut(m) else { return Err(overflow()) };
            for (sum, part) in member.iter_mut().zip([row.member_pays, row.allowed, row.not_counted]) {
                sum.plus(part)?;
            }
            for (sum, part) in year.iter_mut().zip([row.member_pays, row.allowed, row.plan_pays]) {
                sum.plus(part)?;
            }
            services.push(ServiceTotal {
                member: scenario.members[m].id.clone(),
                service: service.to_string(),
                claims: row.claims,
                allowed: row.allowed.money()?,
                member_pays: row.member_pays.money()?,
                plan_pays: row.plan_pays.money()?,
            });
        }
        let (mut member_pays, mut member_allowed, mut not_counted) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
        for [pays, allowed, uncounted] in by_member {
            member_pays.push(pays.money()?);
            member_allowed.push(allowed.money()?);
            not_counted.push(uncounted.money()?);
        }
        let [member_pays_total, allowed_total, plan_pays_total] = year;
        let (member_pays_total, allowed_total, plan_pays_total) = (member_pays_total.money()?, allowed_total.money()?, plan_pays_total.money()?);
        let periods = self.schedule.periods_per_year();
        let yearly = |m: Money| m.checked_mul_int(periods).ok_or_else(overflow);
        let per_period = self.premium.per_period;
        let part_d = sums.part_d()?;
        let months = months::months(&months::premiums(self.schedule, per_period.share)?, &sums.member_pays()?, &part_d)?;
        let payment_plan = match self.payment_plan {
            Some((opt_in, threshold)) => Some(months::payment_plan(opt_in, threshold, &part_d)?),
            None => None,
        };
        let premium_annual = self.premium_annual;
        let total_annual_cost = add(member_pays_total, premium_annual)?;
        let contribution_annual = yearly(per_period.contribution)?;
        let monthly = |per_period: Money, annual: Money| match self.schedule {
            PaySchedule::Monthly => Some(per_period),
            PaySchedule::Biweekly => annual.pro_rata(1, 12),
        };
        let premium_monthly = monthly(per_period.share, premium_annual).ok_or_else(overflow)?;
        let contribution_monthly = monthly(per_period.contribution, contribution_annual).ok_or_else(overflow)?;
        let pre_tax = plan.premium_conversion.as_ref().is_some_and(|c| c.pay_schedule == self.schedule);
        let premium_after_tax_annual = match scenario.marginal_tax_rate {
            Some(rate) if pre_tax => Some(premium_annual.saturating_sub(premium_annual.percent(rate).ok_or_else(overflow)?)),
            Some(_) => Some(premium_annual),
            None => None,
        };
        // A family amount's progress where one applies to this household.
        let family = |a: &crate::plan::Accumulator, applied| a.family.filter(|_| acc.family).map(|limit| Progress::of(applied, limit));
        let premium = &self.premium;
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
                deductible: plan.deductible.as_ref().map(|d| Progress::of(acc.deductible.member[m], d.individual)),
                out_of_pocket: Progress::of(acc.out_of_pocket.member[m], plan.out_of_pocket_max.individual),
                part_d: plan.part_d_out_of_pocket_max.as_ref().map(|d| Progress::of(acc.part_d.member[m], d.individual)),
                not_counted: not_counted[m],
            })
            .collect();
        Ok(Summary {
            plan: plan.id.clone(),
            plan_name: plan.name.clone(),
            enrollment: self.enrollment,
            pay_schedule: self.schedule,
            periods_per_year: periods,
            premium_gross_per_period: per_period.gross,
            contribution_per_period: per_period.contribution,
            premium_per_period: per_period.share,
            contribution: premium.kind,
            premium_gross_annual: yearly(per_period.gross)?,
            contribution_annual,
            premium_annual,
            premium_pre_tax: pre_tax,
            premium_after_tax_annual,
            premium_gross_monthly: add(premium_monthly, contribution_monthly)?,
            contribution_monthly,
            premium_monthly,
            contribution_unit: ContributionUnit::of(self.enrollment, self.schedule),
            medicare_part_b_monthly: self.part_b.clone(),
            member_pays_total,
            total_annual_cost,
            allowed_total,
            plan_pays_total,
            family_deductible: plan.deductible.as_ref().and_then(|d| family(d, acc.deductible.family)),
            family_out_of_pocket: family(&plan.out_of_pocket_max, acc.out_of_pocket.family),
            members,
            services,
            months,
            payment_plan,
            lines: NoLines,
            enrollment_options: self
                .choices
                .iter()
                .map(|&(enrollment, premium_annual)| {
                    // The care is the same under every type: totals differ by the premium alone.
                    let cheapest = self.choices.iter().map(|c| c.1).min().unwrap_or(premium_annual);
                    let more_than_cheapest = premium_annual.saturating_sub(cheapest);
                    Ok(EnrollmentOption { enrollment, premium_annual, member_pays_total, total_annual_cost: add(premium_annual, member_pays_total)?, more_than_cheapest })
                })
                .collect::<Result<_, Error>>()?,
            assumptions: self.assumed.clone(),
        })
    }
}

/// `amount × n`, the common case of one claim without a multiplication.
fn times(amount: Money, n: u32) -> Result<Money, Error> {
    if n == 1 {
        Ok(amount)
    } else {
        amount.checked_mul_int(n).ok_or_else(overflow)
    }
}

/// Each use with its allowed amount, days and channel, checked against what the service's
/// unit takes (the vocabulary's, via the plan); and the rows of the service totals.
#[allow(clippy::type_complexity)]
fn resolve_uses<'p>(catalog: &Catalog, plan: &'p ValidPlan, scenario: &Scenario) -> Result<(Vec<Use<'p>>, Vec<(usize, &'p str)>), Error> {
    // A price for a service the vocabulary does not have prices nothing: refused at its id, as
    // a use naming it is, rather than ignored (a misspelt id would otherwise change nothing,
    // silently).
    if let Some(id) = scenario.prices.keys().find(|id| catalog.vocabulary().service(id).is_none()) {
        return Err(Error::at("scenario", at!["prices", id.as_str()], ErrorKind::unknown_service(id, None)));
    }
    let mut uses = Vec::with_capacity(scenario.services.len());
    let mut rows: Vec<(usize, &'p str)> = Vec::new();
    for (i, u) in scenario.services.iter().enumerate() {
        let at = |f: &str| at!["services", i, f];
        let fail = |f: &str, kind| Err(Error::at("scenario", at(f), kind));
        let Some(member) = scenario.members.iter().position(|m| m.id == u.member) else {
            return fail("member", ErrorKind::unknown_member(&u.member));
        };
        let Some((service, benefit)) = plan.services.get_key_value(u.service.as_str()) else {
            return fail("service", ErrorKind::unknown_service(&u.service, Some(&plan.id)));
        };
        let days = match (benefit.unit, u.days) {
            (Unit::Admission, Some(d)) => d,
            (Unit::Admission, None) => return fail("days", ErrorKind::missing_days(service)),
            (_, Some(_)) => return fail("days", ErrorKind::not_an_admission(service)),
            (_, None) => 1,
        };
        if benefit.unit != Unit::Fill {
            if u.days_supply.is_some() {
                return fail("days_supply", ErrorKind::not_a_fill(service));
            }
            if u.channel.is_some() {
                return fail("channel", ErrorKind::not_a_fill(service));
            }
        }
        if u.admitted.is_some() && benefit.if_admitted.is_none() {
            return fail("admitted", ErrorKind::not_an_emergency(service));
        }
        let allowed = catalog.allowed_of(scenario, i, u)?;
        if let Some(billed) = u.billed {
            if billed < allowed {
                return fail("billed", ErrorKind::billed_below_allowed(billed.into(), allowed.into()));
            }
        }
        let claim = Claim {
            member,
            service: service.as_str(),
            benefit,
            allowed,
            days,
            days_supply: u.days_supply.unwrap_or(crate::scenario::DEFAULT_DAYS_SUPPLY),
            channel: u.channel.unwrap_or(Channel::Retail),
            network: u.network.unwrap_or_default(),
            billed: u.billed,
            admitted: u.admitted.unwrap_or(false),
        };
        let key = (member, claim.service);
        let row = match rows.iter().position(|r| *r == key) {
            Some(r) => r,
            None => {
                rows.push(key);
                rows.len() - 1
            }
        };
        uses.push(Use { claim, count: u.count.unwrap_or(1), row });
    }
    Ok((uses, rows))
}
