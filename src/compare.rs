//! Comparing plan options for one household: the same people and care priced under each
//! option, ranked by the year's total; the most a year can cost under each; and how the total
//! grows with the amount of care (cost curves), with the points where one option overtakes
//! another.

use serde::Serialize;

use crate::catalog::Catalog;
use crate::engine::{estimate, Estimate};
use crate::error::{shown, Code, Error};
use crate::money::Money;
use crate::plan::{OutOfNetwork, ValidPlan};
use crate::scenario::Scenario;
use crate::vocab::{EnrollmentType, PaySchedule};

fn overflow() -> Error {
    Error::new("compare", "", Code::Overflow, "amounts too large to add up")
}

/// Most plan options one comparison may price (the catalog has a dozen).
pub const MAX_OPTIONS: usize = 24;

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Comparison {
    /// Ranked by `total_annual_cost`, cheapest first; options that could not be priced last.
    pub options: Vec<OptionResult>,
    /// The cheapest option's plan id (`null` if none could be priced).
    pub cheapest: Option<String>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct OptionResult {
    pub plan: String,
    pub plan_name: String,
    /// 1 for the cheapest; `null` when the option could not be priced.
    pub rank: Option<usize>,
    pub cheapest: bool,
    /// How the household was fitted to this option when the scenario's enrollment or pay
    /// schedule is not one it offers: the enrollment type and pay schedule used instead.
    pub adjusted: Adjusted,
    pub estimate: Option<Estimate>,
    pub worst_case: Option<WorstCase>,
    /// Why this option could not be priced (e.g. a service it does not offer).
    pub error: Option<Fault>,
}

#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct Adjusted {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enrollment: Option<EnrollmentType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay_schedule: Option<PaySchedule>,
}

impl Adjusted {
    pub fn is_empty(&self) -> bool {
        self.enrollment.is_none() && self.pay_schedule.is_none()
    }
}

/// An error as data: where, what kind, and the English words (for the CLI).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Fault {
    pub field: String,
    pub code: &'static str,
    pub message: String,
}

impl From<Error> for Fault {
    fn from(e: Error) -> Fault {
        let message = e.to_string();
        Fault { field: e.field, code: e.code.as_str(), message }
    }
}

/// The most the household can pay in a year under an option, where a limit exists.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct WorstCase {
    /// The member's share of the year's premium (after the published share or the scenario's
    /// employer contribution): what the household itself pays.
    pub premium_annual: Money,
    /// The out-of-pocket maxima that apply to this household, added up.
    pub out_of_pocket_limit: Money,
    /// Medicare Part D drug limits, per member, added up (`null` without Part D).
    pub part_d_limit: Option<Money>,
    /// premium + out-of-pocket limit + Part D limit.
    pub total: Money,
    /// Service ids the plan covers whose cost share counts toward no limit. Besides these, no
    /// limit caps care the plan does not cover, or (`balance_billing`) what out-of-network
    /// providers bill above the allowed amount.
    pub not_limited: Vec<String>,
    /// The plan has an out-of-network tier whose providers may bill above the allowed amount.
    pub balance_billing: bool,
}

/// Prices `scenario`'s household and care under each plan in `plan_ids`.
pub fn compare(catalog: &Catalog, scenario: &Scenario, plan_ids: &[String]) -> Result<Comparison, Error> {
    let plans = check_ids(catalog, plan_ids)?;
    let base = with_allowed_amounts(catalog, scenario)?;
    let mut options: Vec<OptionResult> = plans
        .iter()
        .map(|plan| {
            let (fitted, adjusted) = fit_to_plan(&base, plan);
            match estimate(catalog, &fitted) {
                Ok(e) => {
                    let worst = worst_case(plan, &fitted, &e);
                    OptionResult {
                        plan: plan.id.clone(),
                        plan_name: plan.name.clone(),
                        rank: None,
                        cheapest: false,
                        adjusted,
                        worst_case: worst.ok(),
                        estimate: Some(e),
                        error: None,
                    }
                }
                Err(err) => OptionResult {
                    plan: plan.id.clone(),
                    plan_name: plan.name.clone(),
                    rank: None,
                    cheapest: false,
                    adjusted,
                    estimate: None,
                    worst_case: None,
                    error: Some(err.into()),
                },
            }
        })
        .collect();
    // Stable sort: equal totals keep the order asked for.
    options.sort_by(|a, b| match (&a.estimate, &b.estimate) {
        (Some(x), Some(y)) => x.total_annual_cost.cmp(&y.total_annual_cost),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    let mut rank = 0;
    let mut last: Option<Money> = None;
    for (i, o) in options.iter_mut().enumerate() {
        if let Some(e) = &o.estimate {
            // Ties share a rank.
            if last != Some(e.total_annual_cost) {
                rank = i + 1;
                last = Some(e.total_annual_cost);
            }
            o.rank = Some(rank);
            o.cheapest = rank == 1;
        }
    }
    let cheapest = options.first().filter(|o| o.cheapest).map(|o| o.plan.clone());
    Ok(Comparison { options, cheapest })
}

fn check_ids<'c>(catalog: &'c Catalog, plan_ids: &[String]) -> Result<Vec<&'c ValidPlan>, Error> {
    if plan_ids.is_empty() {
        return Err(Error::new("compare", "plans", Code::MissingField, "name at least one plan"));
    }
    if plan_ids.len() > MAX_OPTIONS {
        return Err(Error::new("compare", "plans", Code::TooMany, format!("at most {MAX_OPTIONS} plans")));
    }
    let mut plans: Vec<&ValidPlan> = Vec::new();
    for (i, id) in plan_ids.iter().enumerate() {
        let plan = catalog
            .plan(id)
            .ok_or_else(|| Error::new("compare", format!("plans[{i}]"), Code::UnknownPlan, format!("unknown plan \"{}\"", shown(id))))?;
        if plans.iter().any(|p| p.id == *id) {
            return Err(Error::new("compare", format!("plans[{i}]"), Code::DuplicateId, format!("\"{}\" is listed twice", shown(id))));
        }
        plans.push(plan);
    }
    Ok(plans)
}

/// The scenario with every use's allowed amount written out from the typical price table, so
/// every option prices the same care and the care can be scaled.
fn with_allowed_amounts(catalog: &Catalog, scenario: &Scenario) -> Result<Scenario, Error> {
    scenario.validate_shape()?;
    let mut s = scenario.clone();
    for i in 0..s.services.len() {
        let allowed = catalog.allowed_of(scenario, i, &scenario.services[i])?;
        s.services[i].allowed = Some(allowed);
    }
    Ok(s)
}

/// Fits the household's enrollment and pay schedule to an option that does not offer the
/// scenario's own (FEHB family types and per-member retiree plans in one comparison).
pub fn fit_to_plan(base: &Scenario, plan: &ValidPlan) -> (Scenario, Adjusted) {
    let mut s = base.clone();
    s.plan = plan.id.clone();
    let mut adjusted = Adjusted::default();
    let wanted = s.enrollment;
    if wanted.map_or(plan.enrollment_types.len() > 1, |e| !plan.enrollment_types.contains(&e)) {
        if let Some(e) = suggest_enrollment(plan, s.members.len()) {
            if wanted.is_some() {
                adjusted.enrollment = Some(e);
            }
            s.enrollment = Some(e);
        }
    }
    if let Some(p) = s.pay_schedule {
        if !plan.pay_schedules.contains(&p) {
            s.pay_schedule = Some(plan.pay_schedules[0]);
            adjusted.pay_schedule = Some(plan.pay_schedules[0]);
        }
    }
    (s, adjusted)
}

/// The enrollment type a household of `people` takes on a plan: per member where the plan
/// prices per member, else the FEHB type for its size, else Self and Family for two or more.
/// (The page suggests the same, by asking the engine.)
pub fn suggest_enrollment(plan: &ValidPlan, people: usize) -> Option<EnrollmentType> {
    let offered = |e: EnrollmentType| plan.enrollment_types.contains(&e);
    let by_size = EnrollmentType::for_household(people);
    [EnrollmentType::PerMember, by_size, EnrollmentType::SelfAndFamily].into_iter().find(|&e| offered(e) && e.covers(people))
}

fn worst_case(plan: &ValidPlan, scenario: &Scenario, e: &Estimate) -> Result<WorstCase, Error> {
    let n = scenario.members.len() as u32;
    let oop = &plan.out_of_pocket_max;
    let everyone = oop.individual.checked_mul_int(n).ok_or_else(overflow)?;
    let family = e.enrollment.is_family() || (e.enrollment == EnrollmentType::PerMember && n > 1);
    let out_of_pocket_limit = match (family, oop.family) {
        (true, Some(f)) => f.min(everyone),
        _ => everyone,
    };
    let part_d_limit = match &plan.part_d_out_of_pocket_max {
        Some(p) => Some(p.individual.checked_mul_int(n).ok_or_else(overflow)?),
        None => None,
    };
    // The member's share, not the gross premium: a contribution is never the household's cost.
    let mut total = e.premium_annual.checked_add(out_of_pocket_limit).ok_or_else(overflow)?;
    if let Some(p) = part_d_limit {
        total = total.checked_add(p).ok_or_else(overflow)?;
    }
    let not_limited: Vec<String> =
        plan.services.iter().filter(|(_, b)| b.covered && !b.counts_toward_oop && !b.part_d).map(|(id, _)| id.clone()).collect();
    let balance_billing = plan.services.values().any(|b| matches!(b.out_of_network, OutOfNetwork::Tier(_)));
    Ok(WorstCase { premium_annual: e.premium_annual, out_of_pocket_limit, part_d_limit, total, not_limited, balance_billing })
}

/// Total yearly cost of each option as the household's care grows or shrinks: every allowed
/// amount is scaled by the same factor, so the mix of care stays the household's own.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CostCurves {
    /// The household's own total allowed spending (the point the estimate is at).
    pub spending: Money,
    /// The curves run from no care to this much spending.
    pub spending_max: Money,
    pub curves: Vec<Curve>,
    /// Where the cheapest option changes, in order of spending.
    pub crossings: Vec<Crossing>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Curve {
    pub plan: String,
    pub plan_name: String,
    /// Vertices of the piecewise-linear curve, in order of spending. Each vertex is the
    /// engine's estimate at that spending, to the cent; between two vertices the total follows
    /// the straight line to within a cent per claim (each scaled claim is rounded to the cent).
    pub points: Vec<CurvePoint>,
    /// `false` if the work budget ran out before every bend was found (then segments may cut
    /// a corner); never seen for households of ordinary size.
    pub complete: bool,
}

#[derive(Clone, Copy, Debug, Serialize, PartialEq)]
pub struct CurvePoint {
    pub spending: Money,
    pub total_annual_cost: Money,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Crossing {
    /// About this much allowed spending (to the dollar).
    pub spending: Money,
    pub cheaper_below: String,
    pub cheaper_above: String,
}

/// Work budget: estimates per curve (each is ~100 µs natively for a family's year).
const MAX_EVALUATIONS: usize = 1500;

pub fn cost_curves(catalog: &Catalog, scenario: &Scenario, plan_ids: &[String]) -> Result<CostCurves, Error> {
    let plans = check_ids(catalog, plan_ids)?;
    let base = with_allowed_amounts(catalog, scenario)?;
    let spending = total_allowed(&base)?;
    if spending.is_zero() {
        return Err(Error::new("scenario", "services", Code::NoCare, "add some care first: a cost curve scales the care in the scenario"));
    }
    let fitted: Vec<(String, String, Scenario)> =
        plans.iter().map(|plan| (plan.id.clone(), plan.short_name.clone(), fit_to_plan(&base, plan).0)).collect();
    // Far enough that every option has reached its out-of-pocket maximum: the largest
    // combined limit times four, and never less than twice the household's own spending.
    let mut spending_max = spending.checked_mul_int(2).ok_or_else(|| Error::new("scenario", "", Code::Overflow, "amounts too large to add up"))?;
    for plan in &plans {
        let reach = plan.out_of_pocket_max.individual.checked_mul_int(4 * base.members.len() as u32).unwrap_or(spending_max);
        if reach > spending_max {
            spending_max = reach;
        }
    }
    let mut curves = Vec::new();
    for (id, name, s) in &fitted {
        let f = |x: Money| -> Result<Money, Error> { Ok(estimate(catalog, &scaled(s, spending, x)?)?.total_annual_cost) };
        let claims: u32 = s.services.iter().map(|u| u.count.unwrap_or(1)).sum();
        let (points, complete) = trace(&f, spending_max, claims)?;
        curves.push(Curve { plan: id.clone(), plan_name: name.clone(), points, complete });
    }
    let crossings = find_crossings(catalog, &fitted, spending, spending_max)?;
    Ok(CostCurves { spending, spending_max, curves, crossings })
}

fn total_allowed(s: &Scenario) -> Result<Money, Error> {
    let mut t = Money::ZERO;
    for u in &s.services {
        let each = u.allowed.unwrap_or(Money::ZERO);
        let all = each.checked_mul_int(u.count.unwrap_or(1)).ok_or_else(|| Error::new("scenario", "services", Code::Overflow, "amounts too large to add up"))?;
        t = t.checked_add(all).ok_or_else(|| Error::new("scenario", "services", Code::Overflow, "amounts too large to add up"))?;
    }
    Ok(t)
}

/// The scenario with every allowed amount scaled by `target / spending` (to the cent).
fn scaled(s: &Scenario, spending: Money, target: Money) -> Result<Scenario, Error> {
    let mut out = s.clone();
    let ratio = target.value().checked_div(spending.value()).ok_or_else(|| Error::new("scenario", "", Code::Overflow, "amounts too large to add up"))?;
    for u in &mut out.services {
        if let Some(a) = u.allowed {
            let v = a.value().checked_mul(ratio).ok_or_else(|| Error::new("scenario", "", Code::Overflow, "amounts too large to add up"))?;
            let v = v.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            u.allowed = Some(Money::from_decimal(v.min(crate::money::MONEY_MAX)));
        }
    }
    Ok(out)
}

/// Vertices of a piecewise-linear function on [0, max]: start from an even grid, then, pass
/// after pass (coarse bends everywhere before fine ones), split every segment whose midpoint
/// is off the straight line by more than two cents, down to ten-cent segments. Returns the
/// vertices and whether every segment was refined within the work budget.
fn trace(f: &dyn Fn(Money) -> Result<Money, Error>, max: Money, claims: u32) -> Result<(Vec<CurvePoint>, bool), Error> {
    const GRID: u32 = 16;
    let at = |k: u32, n: u32| max.pro_rata(k, n).unwrap_or(max);
    let mut points: Vec<CurvePoint> = Vec::new();
    for k in 0..=GRID {
        let x = at(k, GRID);
        points.push(CurvePoint { spending: x, total_annual_cost: f(x)? });
    }
    let mut evaluations = points.len();
    // Scaling rounds each claim to the cent, so a straight stretch wobbles by up to a cent per
    // claim; only a larger departure is a bend.
    let tolerance = rust_decimal::Decimal::new(i64::from(claims.max(2)), 2);
    let min_gap = rust_decimal::Decimal::new(10, 2);
    let mut complete = false;
    while evaluations < MAX_EVALUATIONS {
        let mut next = Vec::with_capacity(points.len() * 2);
        let mut split = false;
        for i in 0..points.len() {
            next.push(points[i]);
            let Some(&b) = points.get(i + 1) else { break };
            let a = points[i];
            let gap = b.spending.value() - a.spending.value();
            if gap < min_gap || evaluations >= MAX_EVALUATIONS {
                continue;
            }
            let mid = Money::from_decimal(
                (a.spending.value() + gap / rust_decimal::Decimal::TWO)
                    .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
            );
            let fm = f(mid)?;
            evaluations += 1;
            let line = a.total_annual_cost.value()
                + (b.total_annual_cost.value() - a.total_annual_cost.value()) * (mid.value() - a.spending.value()) / gap;
            if (fm.value() - line).abs() > tolerance {
                next.push(CurvePoint { spending: mid, total_annual_cost: fm });
                split = true;
            }
        }
        points = next;
        if !split {
            complete = true;
            break;
        }
    }
    // Drop vertices that lie on the line through their neighbours: only the bends remain.
    let mut kept: Vec<CurvePoint> = Vec::with_capacity(points.len());
    for (j, p) in points.iter().enumerate() {
        if j == 0 || j + 1 == points.len() {
            kept.push(*p);
            continue;
        }
        let (a, b) = (kept[kept.len() - 1], points[j + 1]);
        let gap = b.spending.value() - a.spending.value();
        let line = a.total_annual_cost.value() + (b.total_annual_cost.value() - a.total_annual_cost.value()) * (p.spending.value() - a.spending.value()) / gap;
        if (p.total_annual_cost.value() - line).abs() > tolerance {
            kept.push(*p);
        }
    }
    Ok((kept, complete))
}

/// Walks spending from 0 to max and reports where the cheapest option changes, each located
/// by bisection to within a dollar.
fn find_crossings(catalog: &Catalog, fitted: &[(String, String, Scenario)], spending: Money, max: Money) -> Result<Vec<Crossing>, Error> {
    let cheapest_at = |x: Money| -> Result<usize, Error> {
        let mut best: Option<(usize, Money)> = None;
        for (i, (_, _, s)) in fitted.iter().enumerate() {
            let t = estimate(catalog, &scaled(s, spending, x)?)?.total_annual_cost;
            if best.map_or(true, |(_, b)| t < b) {
                best = Some((i, t));
            }
        }
        Ok(best.map(|b| b.0).unwrap_or(0))
    };
    const STEPS: u32 = 64;
    let mut out = Vec::new();
    let mut prev_x = Money::ZERO;
    let mut prev = cheapest_at(prev_x)?;
    for k in 1..=STEPS {
        let x = max.pro_rata(k, STEPS).unwrap_or(max);
        let now = cheapest_at(x)?;
        if now != prev {
            let (mut lo, mut hi) = (prev_x, x);
            while hi.saturating_sub(lo).value() > rust_decimal::Decimal::ONE {
                let mid = Money::from_decimal(
                    (lo.value() + (hi.value() - lo.value()) / rust_decimal::Decimal::from(2))
                        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
                );
                if cheapest_at(mid)? == prev {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let at = Money::from_decimal(hi.value().round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero));
            out.push(Crossing {
                spending: at,
                cheaper_below: fitted[prev].0.clone(),
                cheaper_above: fitted[now].0.clone(),
            });
            prev = now;
        }
        prev_x = x;
    }
    Ok(out)
}
