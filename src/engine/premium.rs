//! The enrollment type, the pay schedule and the premium for the people a scenario covers.

use super::{add, overflow};
use crate::error::{Code, Error};
use crate::money::Money;
use crate::plan::{MemberCondition, ValidPlan};
use crate::scenario::{Member, Scenario};
use crate::vocab::{EnrollmentType, PaySchedule, Relationship};

/// The premium per pay period: the enrollment's, or the sum of each member's own rate.
pub(super) struct Premium {
    pub per_period: Money,
    /// Each member's rate on a plan priced per member (else empty).
    pub per_member: Vec<Option<Money>>,
}

/// The scenario's enrollment type and pay schedule, checked against the plan and the people.
pub fn choose_enrollment(plan: &ValidPlan, scenario: &Scenario) -> Result<(EnrollmentType, PaySchedule), Error> {
    let offered: Vec<&str> = plan.enrollment_types.iter().map(|e| e.as_str()).collect();
    // Not given: the type the household's size calls for (per member where the plan prices
    // per member), the rule the census and the page's "follows your household" use too.
    let suggested = || crate::compare::suggest_enrollment(plan, scenario.members.len());
    let enrollment = match scenario.enrollment.or_else(suggested) {
        Some(e) => e,
        None if plan.enrollment_types.len() == 1 => plan.enrollment_types[0],
        None => {
            return Err(Error::new("scenario", "enrollment", Code::MissingField, format!("missing: choose one of {}", offered.join(", "))));
        }
    };
    if !plan.enrollment_types.contains(&enrollment) {
        return Err(Error::new(
            "scenario",
            "enrollment",
            Code::NotOffered,
            format!("{} is not offered by {} (offered: {})", enrollment.as_str(), plan.id, offered.join(", ")),
        ));
    }
    let n = scenario.members.len();
    if !enrollment.covers(n) {
        let wanted = match enrollment {
            EnrollmentType::SelfOnly => "exactly one person",
            EnrollmentType::SelfPlusOne => "exactly two people",
            EnrollmentType::SelfAndFamily => "two or more people",
            EnrollmentType::PerMember => "one or more people",
        };
        return Err(Error::new("scenario", "members", Code::HouseholdSize, format!("{} covers {wanted}, but {n} are listed", enrollment.as_str())));
    }
    let schedule = scenario.pay_schedule.unwrap_or(plan.pay_schedules[0]);
    if !plan.pay_schedules.contains(&schedule) {
        return Err(Error::new(
            "scenario",
            "pay_schedule",
            Code::NotOffered,
            format!("{} premiums are not published for {}", schedule.as_str(), plan.id),
        ));
    }
    Ok((enrollment, schedule))
}

pub(super) fn premium(plan: &ValidPlan, scenario: &Scenario, enrollment: EnrollmentType, schedule: PaySchedule) -> Result<Premium, Error> {
    if enrollment == EnrollmentType::PerMember {
        let rates = member_rates(plan, &scenario.members)?;
        let mut sum = Money::ZERO;
        for r in &rates {
            sum = add(sum, *r)?;
        }
        return Ok(Premium { per_period: sum, per_member: rates.into_iter().map(Some).collect() });
    }
    // A valid plan publishes a premium for every enrollment type and pay schedule it offers.
    let per_period = plan.premiums.get(&enrollment).and_then(|p| p.per_period(schedule)).ok_or_else(overflow)?;
    Ok(Premium { per_period, per_member: Vec::new() })
}

/// Each member's monthly premium from a per-member rate table: the first row whose
/// conditions all hold. Family position is derived from the scenario's order and roles.
fn member_rates(plan: &ValidPlan, members: &[Member]) -> Result<Vec<Money>, Error> {
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
            Error::new(
                "scenario",
                format!("members[{i}]"),
                Code::NoPremiumRate,
                format!("{} has no premium for a {} aged {} with Medicare {}", plan.id, relationship.as_str(), member.age, medicare.as_str()),
            )
        })?;
        out.push(rate.monthly);
    }
    Ok(out)
}
