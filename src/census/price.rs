//! Pricing: one household on every plan, as `costshare estimate` prices it, through the
//! engine's summary (the estimate's figures without its lines, a group of identical claims at
//! a time: equal to `estimate`'s, `tests/bulk.rs`).

use super::columns::Role;
use super::output::{CensusRow, Note, RowError};
use super::reader::{Household, Person, Unit};
use crate::catalog::Catalog;
use crate::engine::{Assumed, Year};
use crate::error::{at, shown, Code, Error, Segment};
use crate::map::SortedMap;
use crate::scenario::{Contribution, Member, Scenario};
use crate::vocab::Relationship;

/// One household on every plan: its output rows (one per plan, in the order asked), or the
/// errors that kept it from being priced (then no rows: a household is priced on every plan
/// or on none, so the employer's totals per plan cover the same households).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Priced {
    pub rows: Vec<CensusRow>,
    pub errors: Vec<RowError>,
    /// Assumptions to check, one per person (with the plans they concern).
    pub notes: Vec<Note>,
    /// Claims adjudicated (what the estimates' lines would number).
    pub claims: u64,
    /// The unit was a later run of rows of a household whose rows are apart (refused, and
    /// not counted again).
    pub later_part: bool,
}

/// The scenario the census prices for a household on `plan`: the people with the subscriber
/// first and the others in the order of their rows (member ids `row 7`, …); each person's
/// usage preset's care in that order (a preset with a `cms_decile`: the table's row for the
/// person's age, `Presets::for_age`), as the preset gives it (count, days, days' supply,
/// allowed, admitted), priced at the typical prices otherwise; no enrollment type, so the
/// engine takes the cheapest the household may take on the plan (docs/domain.md, "Enrollment
/// choice": the same choice as `costshare estimate`'s); the plan's first pay
/// schedule; the employer contribution given, else the plan's published share. `costshare
/// estimate` of this scenario gives the census's figures.
pub fn scenario(catalog: &Catalog, household: &Household, plan: &str, contribution: Option<Contribution>) -> Result<Scenario, RowError> {
    let people = ordered(household);
    let mut services = Vec::new();
    for p in &people {
        let Some(name) = &p.usage else { continue };
        // A typical year that is the CMS table's (low, medium, high) is the row for the
        // person's own age group (docs/decisions.md 46).
        let Some(preset) = catalog.presets().and_then(|ps| ps.for_age(name, p.age)) else {
            let column = household.columns.role_name(Role::Usage);
            let message = format!("\"{}\" is not a usage preset", shown(name));
            return Err(RowError::new(p.row, column, Code::UnknownValue, message, Some(household.key.clone())));
        };
        for u in &preset.services {
            services.push(u.service_use(member_id(p)));
        }
    }
    let members = people
        .iter()
        .map(|p| Member { id: member_id(p), age: p.age, relationship: Some(p.relationship), medicare: p.medicare, ..Member::default() })
        .collect();
    Ok(Scenario {
        plan: plan.to_string(),
        enrollment: None,
        pay_schedule: None,
        members,
        services,
        prices: SortedMap::new(),
        employer_contribution: contribution,
        marginal_tax_rate: None,
        ..Scenario::default()
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
pub fn price_unit(catalog: &Catalog, plans: &[String], contribution: Option<Contribution>, unit: Unit) -> Priced {
    match unit {
        Unit::Household(h) => price(catalog, plans, contribution, h),
        Unit::Refused(e) => Priced { errors: vec![e], ..Priced::default() },
    }
}

/// Prices a household on every plan in `plans`.
pub fn price(catalog: &Catalog, plans: &[String], contribution: Option<Contribution>, household: Household) -> Priced {
    if !household.errors.is_empty() {
        return Priced { errors: household.errors, later_part: household.later_part, ..Priced::default() };
    }
    let mut priced = Priced { rows: Vec::with_capacity(plans.len()), ..Priced::default() };
    let people = ordered(&household);
    for plan in plans {
        let result = scenario(catalog, &household, plan, contribution).and_then(|s| {
            // A household no enrollment type covers is refused by the engine, at `members`.
            let fail = |e: Error| plan_error(&household, &people, &s, e);
            let year = Year::new(catalog, &s).map_err(fail)?;
            let summary = year.summary().map_err(fail)?;
            Ok((summary, year.counts().map(u64::from).sum::<u64>()))
        });
        let (e, claims) = match result {
            Ok(priced) => priced,
            Err(e) => {
                priced.errors.push(e);
                continue;
            }
        };
        priced.claims += claims;
        for a in &e.assumptions {
            let Assumed::MedicareAssumed { member, .. } = a else { continue };
            let Some(p) = people.iter().find(|p| member_id(p) == *member).filter(|p| p.age < 65) else { continue };
            match priced.notes.iter_mut().find(|n| n.row == p.row) {
                Some(n) => n.plans.push(plan.clone()),
                None => {
                    let c = &household.columns;
                    let column = c.role_name(if c.of(Role::Medicare).is_some() { Role::Medicare } else { age_role(&household) });
                    priced.notes.push(Note { row: p.row, column, household: household.key.clone(), age: p.age, plans: vec![plan.clone()] });
                }
            }
        }
        priced.rows.push(CensusRow {
            household: household.key.clone(),
            plan: plan.clone(),
            enrollment: e.enrollment,
            premium_annual: e.premium_annual,
            member_pays_total: e.member_pays_total,
            total_annual_cost: e.total_annual_cost,
            cheapest: false,
            premium_gross_annual: e.premium_gross_annual,
            contribution_annual: e.contribution_annual,
        });
    }
    if !priced.errors.is_empty() {
        return Priced { errors: priced.errors, claims: priced.claims, ..Priced::default() };
    }
    if let Some(lowest) = priced.rows.iter().map(|r| r.total_annual_cost).min() {
        for r in &mut priced.rows {
            r.cheapest = r.total_annual_cost == lowest;
        }
    }
    priced
}

/// The column a person's age comes from.
fn age_role(h: &Household) -> Role {
    if h.columns.of(Role::Age).is_some() {
        Role::Age
    } else {
        Role::DateOfBirth
    }
}

/// An engine error for one plan, said of the row and column it comes from, by the error's
/// path, compared with the scenario this census built (never read back out of the text):
/// `members[i]…` is person i's row (the age, relationship or Medicare column); `services[j]…`
/// the row of the person whose preset the use came from (the usage column); anything else the
/// household's first row.
fn plan_error(h: &Household, people: &[&Person], s: &Scenario, e: Error) -> RowError {
    let c = &h.columns;
    // `[key, i, rest…]`: the index under `key` and the key after it, if any.
    let index = |key: &str| -> Option<(usize, Option<&str>)> {
        match e.path.0.as_slice() {
            [Segment::Key(k), Segment::Index(i), rest @ ..] if k == key => {
                let tail = match rest.first() {
                    Some(Segment::Key(f)) => Some(f.as_str()),
                    _ => None,
                };
                Some((*i as usize, tail))
            }
            _ => None,
        }
    };
    let (row, role) = if let Some((i, tail)) = index("members").filter(|(i, _)| *i < people.len()) {
        // A premium table with no row for the person (`members[i]` or `….medicare`): their
        // Medicare status where the row gives one, else their age.
        let given_medicare = people.get(i).is_some_and(|p| p.medicare.is_some());
        let role = match tail {
            Some("relationship") => Role::Relationship,
            Some("medicare") | None if given_medicare => Role::Medicare,
            _ => age_role(h),
        };
        (people.get(i).map(|p| p.row), Some(role))
    } else if let Some((j, _)) = index("services").filter(|(j, _)| *j < s.services.len()) {
        let member = s.services.get(j).map(|u| u.member.as_str());
        (people.iter().find(|p| Some(member_id(p).as_str()) == member).map(|p| p.row), Some(Role::Usage))
    } else {
        (None, (e.path == at!["members"]).then_some(Role::Household))
    };
    RowError {
        row: row.unwrap_or(h.first_row),
        column: role.map(|r| c.role_name(r)).unwrap_or_default(),
        household: Some(h.key.clone()),
        plan: Some(s.plan.clone()),
        error: e,
    }
}
