//! Who pays the premium, and who may be a member: the enrollment type, the pay schedule, each
//! member's Medicare status as priced, the whole premium, the contribution toward it (a
//! published Government share, or the scenario's employer contribution), and the member's
//! share (DOMAIN.md, "Premium shares and contributions" and "Medicare plans").

use serde::Serialize;

use super::{add, overflow, Assumed, PartB};
use crate::catalog::Catalog;
use crate::error::{at, Error, ErrorKind};
use crate::money::Money;
use crate::plan::{MemberCondition, ValidPlan};
use crate::scenario::{Contribution, Member, Scenario};
use crate::vocab::{EnrollmentType, Medicare, PaySchedule, Relationship};

/// Who pays toward the premium besides the member.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ContributionKind {
    /// No contribution: the premium is the whole premium, before any employer contribution
    /// (the County of Fresno's tables give only the group's whole premium).
    None,
    /// The Government share the rate table publishes (FEHB).
    GovernmentShare,
    /// The scenario's `employer_contribution.amount`.
    Amount,
    /// The scenario's `employer_contribution.percent`.
    Percent,
}

/// One premium per pay period, split: the whole premium, the contribution, the member's share
/// (`gross − contribution`, never below zero, because a contribution never exceeds the premium).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Split {
    pub gross: Money,
    pub contribution: Money,
    pub share: Money,
}

impl Split {
    fn add(self, other: Split) -> Result<Split, Error> {
        Ok(Split { gross: add(self.gross, other.gross)?, contribution: add(self.contribution, other.contribution)?, share: add(self.share, other.share)? })
    }
}

/// The premium per pay period for the enrollment (the sum of the members' on a plan priced per
/// member), and each member's on such a plan (else empty).
pub(super) struct Premium {
    pub per_period: Split,
    pub per_member: Vec<Split>,
    pub kind: ContributionKind,
    /// A contribution larger than a premium it applies to was counted only up to that premium:
    /// `Some(member index)` per member, `None` for the enrollment's premium.
    pub capped: Vec<Option<usize>>,
}

/// Each member's Medicare status as the plan prices it, and what was assumed to get there.
/// A Medicare plan (one that requires Part B) refuses a member who says they have no Part B
/// and prices a member who says nothing as having Parts A and B; other plans price an unstated
/// status as their own rate tables say (`unknown`).
pub(super) fn medicare_statuses(plan: &ValidPlan, scenario: &Scenario) -> Result<(Vec<Medicare>, Vec<Assumed>), Error> {
    let requires_part_b = plan.medicare.as_ref().is_some_and(|m| m.requires_part_b);
    let mut statuses = Vec::with_capacity(scenario.members.len());
    let mut assumed = Vec::new();
    for (i, m) in scenario.members.iter().enumerate() {
        let stated = m.medicare.unwrap_or_default();
        let status = match stated {
            Medicare::None | Medicare::PartAOnly if requires_part_b => {
                let kind = ErrorKind::medicare_part_b_required(&plan.id, &m.id, m.age.into(), stated.as_str());
                return Err(Error::at("scenario", at!["members", i, "medicare"], kind));
            }
            Medicare::Unknown if requires_part_b => {
                assumed.push(Assumed::MedicareAssumed { member: m.id.clone(), age: m.age });
                Medicare::PartsAAndB
            }
            other => other,
        };
        statuses.push(status);
    }
    Ok((statuses, assumed))
}

/// Medicare Part B's standard premium for the plan's year, named for the members whose status
/// as priced includes Part B (docs/domain.md, "Medicare plans"); `None` where no member has
/// Part B or the year has no figure (`data/medicare-years.json`).
pub(super) fn part_b(catalog: &Catalog, plan: &ValidPlan, scenario: &Scenario, statuses: &[Medicare]) -> Result<Option<PartB>, Error> {
    let members: Vec<String> = scenario
        .members
        .iter()
        .zip(statuses)
        .filter(|(_, s)| matches!(s, Medicare::PartBOnly | Medicare::PartsAAndB))
        .map(|(m, _)| m.id.clone())
        .collect();
    let Some(figure) = catalog.medicare_years().and_then(|y| y.part_b(plan.year)) else { return Ok(None) };
    if members.is_empty() {
        return Ok(None);
    }
    let total = figure.monthly.checked_mul_int(members.len() as u32).ok_or_else(overflow)?;
    Ok(Some(PartB { amount: figure.monthly, members, total, year: plan.year, source: figure.source.clone() }))
}

/// The enrollment type a household of `people` takes on a plan by its size alone: per member
/// where the plan prices per member, else the FEHB type for its size, else Self and Family for
/// two or more. (The census's default; an estimate chooses among [`allowed_enrollments`] by cost.)
pub fn suggest_enrollment(plan: &ValidPlan, people: usize) -> Option<EnrollmentType> {
    let offered = |e: EnrollmentType| plan.enrollment_types.contains(&e);
    let by_size = EnrollmentType::for_household(people);
    [EnrollmentType::PerMember, by_size, EnrollmentType::SelfAndFamily].into_iter().find(|&e| offered(e) && e.covers(people))
}

/// The enrollment types a household of `people` may take on `plan`, smallest first
/// (docs/domain.md, "Enrollment choice"): one person, Self Only; two, Self Plus One or Self and
/// Family (which covers "the enrollee and one or more eligible family members", 001 L288); three
/// or more, Self and Family; per member where the plan prices per member.
///
/// Every type of the list treats the household alike in its claims: family limits apply to all
/// of them or to none (two or more people: every type is a family one or per member with
/// several people; one person: none is), so their years differ only in the premium.
pub fn allowed_enrollments(plan: &ValidPlan, people: usize) -> Vec<EnrollmentType> {
    if plan.enrollment_types.contains(&EnrollmentType::PerMember) {
        return if people >= 1 { vec![EnrollmentType::PerMember] } else { Vec::new() };
    }
    [EnrollmentType::SelfOnly, EnrollmentType::SelfPlusOne, EnrollmentType::SelfAndFamily]
        .into_iter()
        .filter(|&e| plan.enrollment_types.contains(&e) && e.covers(people))
        .collect()
}

/// Whether the plan's family amounts apply to `people` people under `enrollment`: a family
/// enrollment, or a plan priced per member covering two or more (the Fresno Traditional HMO's
/// embedded family maximum).
pub(super) fn family_limits_apply(enrollment: EnrollmentType, people: usize) -> bool {
    enrollment.is_family() || (enrollment == EnrollmentType::PerMember && people > 1)
}

/// The scenario's pay schedule (the plan's first when it gives none), checked against the plan;
/// and the enrollment types the household may take, with the scenario's own checked among them.
pub fn enrollment_choices(plan: &ValidPlan, scenario: &Scenario) -> Result<(Vec<EnrollmentType>, PaySchedule), Error> {
    let fail = |at, kind| Err(Error::at("scenario", at, kind));
    let n = scenario.members.len();
    let allowed = allowed_enrollments(plan, n);
    let names = || allowed.iter().map(|e| e.as_str()).collect::<Vec<_>>();
    if let Some(e) = scenario.enrollment {
        if !plan.enrollment_types.contains(&e) {
            return fail(at!["enrollment"], ErrorKind::enrollment_not_offered(e.as_str(), &plan.id, names()));
        }
        if !allowed.contains(&e) {
            return fail(at!["enrollment"], ErrorKind::enrollment_size(e.as_str(), n as u64, names()));
        }
    }
    if allowed.is_empty() {
        return fail(at!["members"], ErrorKind::no_enrollment_type(n as u64));
    }
    let schedule = scenario.pay_schedule.unwrap_or(plan.pay_schedules[0]);
    if !plan.pay_schedules.contains(&schedule) {
        let allowed = plan.pay_schedules.iter().map(|p| p.as_str()).collect();
        return fail(at!["pay_schedule"], ErrorKind::pay_schedule_not_offered(schedule.as_str(), &plan.id, allowed));
    }
    Ok((allowed, schedule))
}

/// Whether the household may take `plan` at all, on its own terms (docs/domain.md, "Comparing
/// options"): each member's Medicare status as the plan requires it, an enrollment type for its
/// size, and a rate for every member in every type it may take. The enrollment types it may take,
/// or the error that closes the option. Claims are not looked at: a service the plan does not
/// cover closes nothing.
pub fn household_may_take(plan: &ValidPlan, scenario: &Scenario) -> Result<Vec<EnrollmentType>, Error> {
    let (statuses, _) = medicare_statuses(plan, scenario)?;
    let (allowed, schedule) = enrollment_choices(plan, scenario)?;
    for &e in &allowed {
        premium(plan, scenario, e, schedule, &statuses, &mut Vec::new())?;
    }
    Ok(allowed)
}

/// The premium per pay period, split between the contribution and the member. On a plan priced
/// per member each member's rate is split on its own (an amount is per member, a percent is
/// rounded per member) and the splits are added up.
pub(super) fn premium(
    plan: &ValidPlan,
    scenario: &Scenario,
    enrollment: EnrollmentType,
    schedule: PaySchedule,
    statuses: &[Medicare],
    assumed: &mut Vec<Assumed>,
) -> Result<Premium, Error> {
    let given = scenario.employer_contribution;
    let kind = match given {
        Some(Contribution::Amount(_)) => ContributionKind::Amount,
        Some(Contribution::Percent(_)) => ContributionKind::Percent,
        None => ContributionKind::None,
    };
    let mut capped = Vec::new();
    if enrollment == EnrollmentType::PerMember {
        let rates = member_rates(plan, &scenario.members, statuses, assumed)?;
        let mut total = Split::default();
        let mut per_member = Vec::with_capacity(rates.len());
        for (i, gross) in rates.into_iter().enumerate() {
            let (split, over) = split(gross, given, Money::ZERO)?;
            if over {
                capped.push(Some(i));
            }
            total = total.add(split)?;
            per_member.push(split);
        }
        return Ok(Premium { per_period: total, per_member, kind, capped });
    }
    // A valid plan publishes a premium for every enrollment type and pay schedule it offers.
    let published = plan.premiums.get(&enrollment).ok_or_else(overflow)?;
    let share = published.per_period(schedule).ok_or_else(overflow)?;
    let government = published.government_per_period(schedule);
    let gross = add(share, government.unwrap_or(Money::ZERO))?;
    let (per_period, over) = split(gross, given, government.unwrap_or(Money::ZERO))?;
    if over {
        capped.push(None);
    }
    let kind = match (given, government) {
        (None, Some(_)) => ContributionKind::GovernmentShare,
        _ => kind,
    };
    Ok(Premium { per_period, per_member: Vec::new(), kind, capped })
}

/// One premium split by the scenario's contribution (else by `published`, the published
/// share, zero where none): an amount counts up to the premium; a percent is rounded to the
/// cent, half away from zero. Also says whether an amount was more than the premium.
fn split(gross: Money, given: Option<Contribution>, published: Money) -> Result<(Split, bool), Error> {
    let (contribution, over) = match given {
        None => (published.min(gross), false),
        Some(Contribution::Amount(a)) => (a.min(gross), a > gross),
        Some(Contribution::Percent(p)) => (gross.percent(p).ok_or_else(overflow)?.min(gross), false),
    };
    Ok((Split { gross, contribution, share: gross.saturating_sub(contribution) }, over))
}

/// On a plan priced per member, the first person after the subscriber with no relationship
/// given who is this old or older (past the age children are covered to) is taken for the
/// spouse; everyone else unnamed is a child.
pub const IMPLIED_SPOUSE_MIN_AGE: u32 = 26;

/// Each member's monthly premium from a per-member rate table: the first row whose
/// conditions all hold, for the member's Medicare status as priced. Family position is derived
/// from the scenario's order and roles. Where a status was not given and the table prices the
/// member differently with one (the Traditional plan's "Medicare eligibility unknown" rows at
/// 65 and over), the result says so.
fn member_rates(plan: &ValidPlan, members: &[Member], statuses: &[Medicare], assumed: &mut Vec<Assumed>) -> Result<Vec<Money>, Error> {
    // Where the scenario does not say: the first person is the subscriber; the first other
    // adult (26 or older, past the age children are covered to) is the spouse, unless one is
    // named; everyone else is a child.
    let named_spouse = members.iter().any(|m| m.relationship == Some(Relationship::Spouse));
    let implied_spouse = if named_spouse {
        None
    } else {
        members.iter().enumerate().skip(1).find(|(_, m)| m.relationship.is_none() && m.age >= IMPLIED_SPOUSE_MIN_AGE).map(|(i, _)| i)
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
        let medicare = statuses.get(i).copied().unwrap_or_default();
        let row = |medicare: Medicare| {
            plan.member_premiums.iter().find(|r| {
                let w: &MemberCondition = &r.when;
                w.relationship.map_or(true, |r| r == relationship)
                    && w.dependent_number.map_or(true, |d| d as usize == i)
                    && w.min_dependent_number.map_or(true, |d| i >= d as usize)
                    && w.child_number.map_or(true, |c| child_number == Some(c))
                    && w.min_child_number.map_or(true, |c| child_number.is_some_and(|n| n >= c))
                    && w.spouse_covered.map_or(true, |s| s == spouse_covered)
                    && w.medicare.as_ref().map_or(true, |list| list.contains(&medicare))
                    && w.min_age.map_or(true, |a| member.age >= a)
                    && w.max_age.map_or(true, |a| member.age <= a)
            })
        };
        let rate = row(medicare).ok_or_else(|| {
            let kind = ErrorKind::no_premium_rate(&plan.id, relationship.as_str(), member.age.into(), medicare.as_str());
            Error::at("scenario", at!["members", i], kind)
        })?;
        if medicare == Medicare::Unknown && row(Medicare::PartsAAndB).map(|r| r.monthly) != Some(rate.monthly) {
            assumed.push(Assumed::MedicareEligibilityUnknown { member: member.id.clone() });
        }
        out.push(rate.monthly);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Percent;

    #[test]
    fn the_types_a_household_may_take_treat_its_claims_alike() {
        // What lets the enrollment choice compare premiums alone: under every type a household
        // may take, family limits apply alike, so its care costs the same under each.
        let catalog = crate::catalog::Catalog::builtin().unwrap();
        let two = |id: &str, n| allowed_enrollments(catalog.plan(id).unwrap(), n);
        assert_eq!(two("kp-co-fehb-2022-high", 1), [EnrollmentType::SelfOnly]);
        assert_eq!(two("kp-co-fehb-2022-high", 2), [EnrollmentType::SelfPlusOne, EnrollmentType::SelfAndFamily]);
        assert_eq!(two("kp-co-fehb-2022-high", 3), [EnrollmentType::SelfAndFamily]);
        assert_eq!(two("kp-ncal-fresno-2025-traditional", 2), [EnrollmentType::PerMember]);
        assert!(two("kp-co-fehb-2022-high", 0).is_empty());
        for plan in catalog.plans() {
            for people in 1..=6 {
                let types = allowed_enrollments(plan, people);
                assert!(!types.is_empty(), "{} {people}", plan.id);
                let flags: Vec<bool> = types.iter().map(|&e| family_limits_apply(e, people)).collect();
                assert!(flags.iter().all(|&f| f == flags[0]), "{} {people}: {types:?}", plan.id);
            }
        }
    }

    fn m(s: &str) -> Money {
        Money::parse(s).unwrap()
    }

    #[test]
    fn a_contribution_splits_the_premium() {
        // No contribution given: the published share (zero where none is published).
        assert_eq!(split(m("356.72"), None, m("244.86")).unwrap(), (Split { gross: m("356.72"), contribution: m("244.86"), share: m("111.86") }, false));
        assert_eq!(split(m("341.24"), None, Money::ZERO).unwrap().0.share, m("341.24"));
        // A percent is rounded to the cent, half away from zero: 80% of 356.72 = 285.376.
        let pct = |p: &str| Some(Contribution::Percent(Percent::parse(p).unwrap()));
        assert_eq!(split(m("356.72"), pct("80"), m("244.86")).unwrap().0, Split { gross: m("356.72"), contribution: m("285.38"), share: m("71.34") });
        // 50% of 0.05 = 0.025 -> 0.03 (banker's rounding would give 0.02).
        assert_eq!(split(m("0.05"), pct("50"), Money::ZERO).unwrap().0.contribution, m("0.03"));
        assert_eq!(split(m("341.24"), pct("100"), Money::ZERO).unwrap().0.share, Money::ZERO);
        // An amount replaces the published share, and counts only up to the premium.
        let amount = |a: &str| Some(Contribution::Amount(m(a)));
        assert_eq!(split(m("356.72"), amount("100.00"), m("244.86")).unwrap(), (Split { gross: m("356.72"), contribution: m("100.00"), share: m("256.72") }, false));
        assert_eq!(split(m("341.24"), amount("500.00"), Money::ZERO).unwrap(), (Split { gross: m("341.24"), contribution: m("341.24"), share: Money::ZERO }, true));
        assert!(!split(m("341.24"), amount("341.24"), Money::ZERO).unwrap().1);
    }
}
