//! Pricing: one household on every plan, as `costshare estimate` prices it.

use super::columns::Role;
use super::date::number;
use super::output::{CensusRow, RowError};
use super::reader::{Household, Person, Unit};
use crate::catalog::Catalog;
use crate::compare::suggest_enrollment;
use crate::engine::Year;
use crate::error::{shown, Code, Error};
use crate::map::SortedMap;
use crate::scenario::{Member, Scenario};
use crate::vocab::Relationship;

/// One household on every plan: its output rows (one per plan, in the order asked), or the
/// errors that kept it from being priced (then no rows: a household is priced on every plan
/// or on none, so the employer's totals per plan cover the same households).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Priced {
    pub rows: Vec<CensusRow>,
    pub errors: Vec<RowError>,
    /// Claims adjudicated (what the estimates' lines would number).
    pub claims: u64,
}

/// The scenario the census prices for a household on `plan`: the people with the subscriber
/// first and the others in the order of their rows (member ids `row 7`, …); each person's
/// usage preset's care in that order, as the preset gives it (count, days, days' supply,
/// allowed, admitted), priced at the typical prices otherwise; the enrollment type that fits
/// the household's size on the plan (`compare::suggest_enrollment`); the plan's first pay
/// schedule. `costshare estimate` of this scenario gives the census's figures.
pub fn scenario(catalog: &Catalog, household: &Household, plan: &str) -> Result<Scenario, RowError> {
    let people = ordered(household);
    let mut services = Vec::new();
    for p in &people {
        let Some(name) = &p.usage else { continue };
        let Some(preset) = catalog.presets().and_then(|ps| ps.presets.get(name)) else {
            let column = household.columns.role_name(Role::Usage);
            return Err(RowError {
                row: p.row,
                column,
                code: Code::UnknownValue,
                message: format!("\"{}\" is not a usage preset", shown(name)),
                household: Some(household.key.clone()),
            });
        };
        for u in &preset.services {
            services.push(u.service_use(member_id(p)));
        }
    }
    let members = people
        .iter()
        .map(|p| Member { id: member_id(p), age: p.age, relationship: Some(p.relationship), medicare: p.medicare })
        .collect();
    let enrollment = catalog.plan(plan).and_then(|p| suggest_enrollment(p, people.len()));
    Ok(Scenario {
        plan: plan.to_string(),
        enrollment,
        pay_schedule: None,
        members,
        services,
        prices: SortedMap::new(),
        employer_contribution: None,
        marginal_tax_rate: None,
    })
}

fn member_id(p: &Person) -> String {
    format!("row {}", p.row)
}

/// The people in scenario order: the subscriber, then the others in row order.
fn ordered(h: &Household) -> Vec<&Person> {
    let mut people: Vec<&Person> = h.people.iter().filter(|p| p.relationship == Relationship::Subscriber).collect();
    people.extend(h.people.iter().filter(|p| p.relationship != Relationship::Subscriber));
    people
}

/// Prices what the reader handed on.
pub fn price_unit(catalog: &Catalog, plans: &[String], unit: Unit) -> Priced {
    match unit {
        Unit::Household(h) => price(catalog, plans, h),
        Unit::Refused(e) => Priced { rows: Vec::new(), errors: vec![e], claims: 0 },
    }
}

/// Prices a household on every plan in `plans`.
pub fn price(catalog: &Catalog, plans: &[String], household: Household) -> Priced {
    if !household.errors.is_empty() {
        return Priced { rows: Vec::new(), errors: household.errors, claims: 0 };
    }
    let mut rows = Vec::with_capacity(plans.len());
    let mut errors = Vec::new();
    let mut claims = 0u64;
    let people = ordered(&household);
    for plan in plans {
        let result = scenario(catalog, &household, plan).and_then(|s| {
            if s.enrollment.is_none() {
                let e = Error::new("scenario", "members", Code::HouseholdSize, format!("no enrollment type covers {} people", people.len()));
                return Err(plan_error(&household, &people, &s, e));
            }
            // The engine's summary: the estimate's figures without its lines, a group of
            // identical claims at a time (equal to `estimate`'s: tests/bulk.rs).
            let year = Year::new(catalog, &s).map_err(|e| plan_error(&household, &people, &s, e))?;
            let summary = year.summary().map_err(|e| plan_error(&household, &people, &s, e))?;
            Ok((summary, year.counts().map(u64::from).sum::<u64>()))
        });
        match result {
            Ok((e, n)) => {
                claims += n;
                rows.push(CensusRow {
                    household: household.key.clone(),
                    plan: plan.clone(),
                    enrollment: e.enrollment,
                    premium_annual: e.premium_annual,
                    member_pays_total: e.member_pays_total,
                    total_annual_cost: e.total_annual_cost,
                    cheapest: false,
                });
            }
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Priced { rows: Vec::new(), errors, claims };
    }
    if let Some(lowest) = rows.iter().map(|r| r.total_annual_cost).min() {
        for r in &mut rows {
            r.cheapest = r.total_annual_cost == lowest;
        }
    }
    Priced { rows, errors, claims }
}

/// An engine error for one plan, said of the row and column it comes from: `members[i].x`
/// is person i's row (the age, relationship or Medicare column); `services[j]…` the row of the
/// person whose preset the use came from (the usage column); anything else the household's
/// first row.
fn plan_error(h: &Household, people: &[&Person], s: &Scenario, e: Error) -> RowError {
    let c = &h.columns;
    let age = if c.of(Role::Age).is_some() { Role::Age } else { Role::DateOfBirth };
    let index = |prefix: &str| -> Option<(usize, &str)> {
        let (i, tail) = e.field.strip_prefix(prefix)?.split_once(']')?;
        Some((number(i)? as usize, tail))
    };
    let (row, role) = if let Some((i, tail)) = index("members[") {
        // A bare `members[i]` is a premium table with no row for the person: their Medicare
        // status where the row gives one, else their age.
        let given_medicare = people.get(i).is_some_and(|p| p.medicare.is_some());
        let role = match tail {
            ".medicare" | "" if given_medicare => Role::Medicare,
            ".relationship" => Role::Relationship,
            _ => age,
        };
        (people.get(i).map(|p| p.row), Some(role))
    } else if let Some((j, _)) = index("services[") {
        let member = s.services.get(j).map(|u| u.member.as_str());
        (people.iter().find(|p| Some(member_id(p).as_str()) == member).map(|p| p.row), Some(Role::Usage))
    } else {
        (None, (e.field == "members").then_some(Role::Household))
    };
    RowError {
        row: row.unwrap_or(h.first_row),
        column: role.map(|r| c.role_name(r)).unwrap_or_default(),
        code: e.code,
        message: if e.message.contains(s.plan.as_str()) { e.message } else { format!("{}: {}", s.plan, e.message) },
        household: Some(h.key.clone()),
    }
}
