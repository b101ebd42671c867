//! Comparing plan options for one household: the same people and care priced under each
//! option, ranked by the year's total; the most a year can cost under each; and how the total
//! grows with the amount of care (cost curves), with the points where one option overtakes
//! another.
//!
//! Every figure here is the engine's own: an option's estimate is the engine's summary of the
//! year (its totals, members and service subtotals, without a line per claim), and every point
//! of a cost curve is the engine's total for the household's care with every count scaled.
//!
//! Why one file of about 750 lines: ranking, the worst case and the cost curves share the
//! option list, the fitting of a scenario to each option and the engine's summary path; the
//! curves (from `CostCurves` down) are about 450 lines of it and the next to move out if this
//! grows.

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::catalog::Catalog;
use crate::engine::{Summary, Year};
pub use crate::engine::{allowed_enrollments, suggest_enrollment};
use crate::error::{at, Error, ErrorKind, ErrorPath, Many};
use crate::money::Money;
use crate::offer::Closed;
use crate::plan::{OutOfNetwork, ValidPlan};
use crate::scenario::Scenario;
use crate::vocab::{EnrollmentType, PaySchedule};

fn overflow() -> Error {
    Error::at("compare", ErrorPath::ROOT, ErrorKind::overflow())
}

/// Most plan options one comparison may price (the catalog has a dozen).
pub const MAX_OPTIONS: usize = 24;

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Comparison {
    /// Ranked by `total_annual_cost`, cheapest first; options that could not be priced last.
    pub options: Vec<OptionResult>,
    /// The cheapest option's plan id (`null` if none could be priced).
    pub cheapest: Option<String>,
    /// Only when asked for by name ([`with_curves`]; the CLI's `--curves`, the `.wasm`'s
    /// `costCurves`): each option's cost as care grows, `null` where the care cannot be scaled
    /// (there is none). Absent otherwise: the curves cost about twenty times the comparison
    /// (docs/decisions.md, "One comparison, curves by name").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_curves: Option<Option<CostCurves>>,
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
    /// The engine's estimate for this option: every total, member and service subtotal of
    /// `costshare estimate`, without the line per claim (a single estimate has those).
    pub estimate: Option<Summary>,
    pub worst_case: Option<WorstCase>,
    /// Why this option could not be priced (e.g. a service it does not offer): the engine's
    /// error, as data.
    pub error: Option<Error>,
    /// The household may not take this option (its rate table or Medicare rule refuses it):
    /// why, with the document line; the option is then not priced (`src/offer.rs`).
    pub closed: Option<Closed>,
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
            let (fitted, mut adjusted) = fit_to_plan(&base, plan);
            // Not ranked yet; the ranking below fills `rank` and `cheapest`.
            let unranked = |adjusted: Adjusted| OptionResult { plan: plan.id.clone(), plan_name: plan.name.clone(), rank: None, cheapest: false, adjusted, estimate: None, worst_case: None, error: None, closed: None };
            if let Some(closed) = crate::offer::closed(plan, &fitted) {
                return OptionResult { closed: Some(closed), ..unranked(adjusted) };
            }
            match Year::new(catalog, &fitted).and_then(|year| year.summary()) {
                Ok(e) => {
                    if base.enrollment.is_some() && fitted.enrollment.is_none() {
                        adjusted.enrollment = Some(e.enrollment);
                    }
                    let worst_case = worst_case(plan, &fitted, &e).ok();
                    OptionResult { worst_case, estimate: Some(e), ..unranked(adjusted) }
                }
                Err(err) => OptionResult { error: Some(err), ..unranked(adjusted) },
            }
        })
        .collect();
    // Cheapest first, options not priced (closed, or refused with an error) last; equal totals keep the order asked for. An
    // insertion sort: at most 24 options, and a fraction of the library sort's code in the .wasm.
    let before = |a: &OptionResult, b: &OptionResult| match (&a.estimate, &b.estimate) {
        (Some(x), Some(y)) => x.total_annual_cost < y.total_annual_cost,
        (Some(_), None) => true,
        _ => false,
    };
    for i in 1..options.len() {
        let mut j = i;
        while j > 0 && before(&options[j], &options[j - 1]) {
            options.swap(j, j - 1);
            j -= 1;
        }
    }
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
    Ok(Comparison { options, cheapest, cost_curves: None })
}

/// [`compare`] with the cost curves of the same options (`cost_curves`). (The `.wasm` has
/// them by their own call, `costCurves`, which the page makes only when the chart is open.)
pub fn with_curves(catalog: &Catalog, scenario: &Scenario, plan_ids: &[String]) -> Result<Comparison, Error> {
    let mut c = compare(catalog, scenario, plan_ids)?;
    c.cost_curves = Some(cost_curves(catalog, scenario, plan_ids).ok());
    Ok(c)
}

fn check_ids<'c>(catalog: &'c Catalog, plan_ids: &[String]) -> Result<Vec<&'c ValidPlan>, Error> {
    if plan_ids.is_empty() {
        return Err(Error::at("compare", at!["plans"], ErrorKind::no_plans()));
    }
    if plan_ids.len() > MAX_OPTIONS {
        return Err(Error::at("compare", at!["plans"], ErrorKind::too_many(MAX_OPTIONS as u64, Many::Plans)));
    }
    let mut plans: Vec<&ValidPlan> = Vec::new();
    for (i, id) in plan_ids.iter().enumerate() {
        let at = || at!["plans", i];
        let plan = catalog.plan(id).ok_or_else(|| Error::at("compare", at(), ErrorKind::unknown_plan(id, None)))?;
        if plans.iter().any(|p| p.id == *id) {
            return Err(Error::at("compare", at(), ErrorKind::listed_twice(id)));
        }
        plans.push(plan);
    }
    Ok(plans)
}

/// The scenario with every use's allowed amount written out from the typical price table (and
/// members' care from the CMS table added), so every option prices the same care and the care
/// can be scaled.
fn with_allowed_amounts(catalog: &Catalog, scenario: &Scenario) -> Result<Scenario, Error> {
    let (resolved, _) = crate::engine::resolve_usage(catalog, scenario)?;
    let scenario = &*resolved;
    scenario.validate_shape()?;
    let mut s = scenario.clone();
    for i in 0..s.services.len() {
        let allowed = catalog.allowed_of(scenario, i, &scenario.services[i])?;
        s.services[i].allowed = Some(allowed);
    }
    Ok(s)
}

/// Fits the household's enrollment and pay schedule to an option that does not offer the
/// scenario's own (FEHB family types and per-member retiree plans in one comparison): a type the
/// option does not offer is left to the engine, which takes the cheapest the household may take
/// there (docs/domain.md, "Enrollment choice"; `compare` then names it in `adjusted`), as it
/// does for a scenario that names none.
pub fn fit_to_plan(base: &Scenario, plan: &ValidPlan) -> (Scenario, Adjusted) {
    let mut s = base.clone();
    s.plan = plan.id.clone();
    let mut adjusted = Adjusted::default();
    if s.enrollment.is_some_and(|e| !plan.enrollment_types.contains(&e)) {
        s.enrollment = None;
    }
    if let Some(p) = s.pay_schedule {
        if !plan.pay_schedules.contains(&p) {
            s.pay_schedule = Some(plan.pay_schedules[0]);
            adjusted.pay_schedule = Some(plan.pay_schedules[0]);
        }
    }
    // The Medicare Prescription Payment Plan changes when drugs are paid for, not what they
    // cost: an option without Part D is priced without it.
    if plan.part_d_out_of_pocket_max.is_none() {
        s.payment_plan = None;
    }
    (s, adjusted)
}

fn worst_case(plan: &ValidPlan, scenario: &Scenario, e: &Summary) -> Result<WorstCase, Error> {
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

/// Total yearly cost of each option as the household's care grows or shrinks: every use's
/// count is multiplied by the same factor, the scale, and rounded to whole claims (half up; a
/// use rounded to none drops out), in scenario order as always. The mix of care stays the
/// household's own and every copay is paid per visit, so copay plans show their slope. The x
/// axis is the care's total allowed spending at each scale.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CostCurves {
    /// The household's own total allowed spending (scale 1: the point the estimate is at).
    pub spending: Money,
    /// The curves run from no care to this much spending (their last point's).
    pub spending_max: Money,
    /// How straight a complete curve is between two consecutive points: at the scale halfway
    /// between theirs, every option's total lies within this of the line joining them.
    pub tolerance: Money,
    pub curves: Vec<Curve>,
    /// Where the cheapest option changes, in order of spending.
    pub crossings: Vec<Crossing>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Curve {
    pub plan: String,
    pub plan_name: String,
    /// Vertices of the piecewise-linear curve, in order of scale (and so of spending), at the
    /// same scales for every option. Each is exactly the engine's `total_annual_cost` for the
    /// household's care at that scale; the one at scale 1 is the household's own estimate.
    pub points: Vec<CurvePoint>,
    /// `false` if the work budget ran out before every stretch was checked straight (then a
    /// segment may cut a corner); never seen for households of ordinary size.
    pub complete: bool,
}

#[derive(Clone, Copy, Debug, Serialize, PartialEq)]
pub struct CurvePoint {
    pub spending: Money,
    pub total_annual_cost: Money,
    /// The factor every count was multiplied by.
    pub scale: Scale,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Crossing {
    /// About this much allowed spending (to the dollar): the care at `scale`, the least care
    /// at which `cheaper_above` costs the least.
    pub spending: Money,
    pub cheaper_below: String,
    pub cheaper_above: String,
    /// The crossing located to neighbouring amounts of care (no scale between them changes
    /// any count): `cheaper_below` costs the least at `scale_below`, `cheaper_above` at `scale`.
    pub scale_below: Scale,
    pub scale: Scale,
}

/// A factor every count of the household's care is multiplied by, written as a decimal string
/// ("1.5").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Scale(Decimal);

impl Scale {
    pub fn value(self) -> Decimal {
        self.0
    }
}

impl Serialize for Scale {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Scales are made as the shortest decimal of their stretch: no trailing zeros.
        serializer.serialize_str(&self.0.to_string())
    }
}

/// Work budget: amounts of care priced (under every option) to draw the curves.
const MAX_POINTS: usize = 160;

/// An even grid of scales first (then every stretch is halved while its middle is off the
/// straight line by more than the tolerance).
const GRID: u64 = 16;

pub fn cost_curves(catalog: &Catalog, scenario: &Scenario, plan_ids: &[String]) -> Result<CostCurves, Error> {
    let plans = check_ids(catalog, plan_ids)?;
    let base = with_allowed_amounts(catalog, scenario)?;
    let fitted: Vec<Scenario> = plans.iter().map(|plan| fit_to_plan(&base, plan).0).collect();
    let mut years = Vec::with_capacity(fitted.len());
    for s in &fitted {
        years.push(Year::new(catalog, s)?);
    }
    let care = Care::new(&base);
    let spending = care.spending(&care.counts_at(Ratio::ONE))?;
    if spending.is_zero() {
        return Err(Error::at("scenario", at!["services"], ErrorKind::no_care()));
    }
    // Far enough that every option has reached its out-of-pocket maximum: the largest
    // combined limit times four, and never less than twice the household's own care; but no
    // further than a scenario may go (at most 1,000 of one use, 20,000 claims in all).
    let mut reach = spending.checked_mul_int(2).ok_or_else(overflow)?;
    for plan in &plans {
        let r = plan.out_of_pocket_max.individual.checked_mul_int(4 * base.members.len() as u32).ok_or_else(overflow)?;
        reach = reach.max(r);
    }
    let (mut p, mut q) = (cents(reach)?, cents(spending)?.max(1));
    while q > 1_000_000_000 {
        (p, q) = (p / 10, q / 10);
    }
    // Never past 1,001 (no scenario goes past a scale of 1,000.5).
    let top = care.most(Ratio { p: p.min(1001 * q), q });
    let mut work = Work { care: &care, years: &years, priced: 0 };

    // The grid from no care to the most, and the household's own care.
    let mut points: Vec<Point> = Vec::with_capacity(MAX_POINTS);
    for k in 0..=GRID {
        let at = Ratio { p: k * top.p, q: GRID * top.q };
        let step = care.step_at_or_below(at);
        if points.last().map_or(true, |p| !same(p.step, step)) {
            points.push(work.price(step, at)?);
        }
    }
    let own = care.step_at_or_below(Ratio::ONE);
    let i = points.iter().take_while(|p| below(p.step, own)).count();
    if points.get(i).map_or(true, |p| !same(p.step, own)) {
        points.insert(i, work.price(own, Ratio::ONE)?);
    }
    let (mut lowest, mut highest) = (u64::MAX, 0);
    for p in &points {
        for &t in &p.totals {
            lowest = lowest.min(t);
            highest = highest.max(t);
        }
    }
    // A thousandth of the chart's height (at least a dollar), in cents: finer than a chart shows.
    let tolerance = (highest.saturating_sub(lowest) / 1000).max(100);

    // Pass after pass (coarse stretches everywhere before fine ones), halve every stretch whose
    // middle is off its straight line, until each is straight or the budget is spent. A
    // stretch's middle is the care at the scale halfway between its ends' (when that is one of
    // the two, the stretch joins neighbouring amounts of care and is straight).
    let mut unsure = vec![true; points.len()];
    let mut complete = true;
    while unsure.contains(&true) {
        let mut next: Vec<Point> = Vec::with_capacity(points.len() * 2);
        let mut next_unsure = Vec::with_capacity(points.len() * 2);
        let mut stretches = points.into_iter().zip(unsure).peekable();
        while let Some((a, check)) = stretches.next() {
            let middle = match stretches.peek() {
                Some((b, _)) if check && complete => {
                    let halfway = a.scale.halfway(b.scale);
                    let step = care.step_at_or_below(halfway);
                    if same(step, a.step) || same(step, b.step) {
                        None
                    } else if work.priced >= MAX_POINTS {
                        complete = false;
                        None
                    } else {
                        let m = work.price(step, halfway)?;
                        off_line(&a, b, &m, tolerance).then_some(m)
                    }
                }
                _ => None,
            };
            next.push(a);
            next_unsure.push(middle.is_some());
            if let Some(m) = middle {
                next.push(m);
                next_unsure.push(true);
            }
        }
        points = next;
        unsure = next_unsure;
    }

    let crossings = find_crossings(&mut work, &points, &plans)?;
    let curves = plans
        .iter()
        .enumerate()
        .map(|(i, plan)| Curve {
            plan: plan.id.clone(),
            plan_name: plan.short_name.clone(),
            points: points
                .iter()
                .map(|p| CurvePoint {
                    spending: money_of(p.spending),
                    total_annual_cost: p.totals.get(i).map_or(Money::ZERO, |&t| money_of(t)),
                    scale: Scale(p.scale.to_decimal()),
                })
                .collect(),
            complete,
        })
        .collect();
    let spending_max = points.last().map_or(0, |p| p.spending);
    Ok(CostCurves { spending, spending_max: money_of(spending_max), tolerance: money_of(tolerance), curves, crossings })
}

/// The household's care priced under every option at one amount of care.
#[derive(Clone, Debug)]
struct Point {
    /// The amount of care: the step it starts at (`None`: no care).
    step: Option<Ratio>,
    /// The shortest decimal scale that gives it.
    scale: Ratio,
    /// In cents.
    spending: u64,
    /// Each option's total for the year, in the order asked for, in cents.
    totals: Vec<u64>,
}

/// A non-negative amount in cents (the curves compare amounts as whole cents).
fn cents(m: Money) -> Result<u64, Error> {
    let d = m.value().round_dp(2);
    let mantissa = u64::try_from(d.mantissa()).map_err(|_| overflow())?;
    if d.scale() == 2 {
        Ok(mantissa)
    } else {
        mantissa.checked_mul(10u64.pow(2 - d.scale().min(2))).ok_or_else(overflow)
    }
}

fn money_of(cents: u64) -> Money {
    Money::from_decimal(Decimal::new(i64::try_from(cents).unwrap_or(i64::MAX), 2))
}

/// Whether two amounts of care are the same (they start at the same step).
fn same(a: Option<Ratio>, b: Option<Ratio>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => a.cmp(b).is_eq(),
        _ => false,
    }
}

/// Whether amount of care `a` is less than `b`.
fn below(a: Option<Ratio>, b: Option<Ratio>) -> bool {
    match (a, b) {
        (None, b) => b.is_some(),
        (Some(a), Some(b)) => a.cmp(b).is_lt(),
        (Some(_), None) => false,
    }
}

/// Whether the middle point is further than `tolerance` (in cents) from the straight line
/// joining its neighbours, for some option: |(tm − ta) − (tb − ta) × (sm − sa) / (sb − sa)| >
/// tolerance, multiplied out by the width sb − sa (exactly, in whole cents).
fn off_line(a: &Point, b: &Point, m: &Point, tolerance: u64) -> bool {
    let c = |x: u64| i128::from(x);
    let (width, run) = (c(b.spending) - c(a.spending), c(m.spending) - c(a.spending));
    a.totals.iter().zip(&b.totals).zip(&m.totals).any(|((&ta, &tb), &tm)| {
        let (ta, tb, tm) = (c(ta), c(tb), c(tm));
        if width == 0 {
            (tm - ta).abs().max((tm - tb).abs()) > c(tolerance)
        } else {
            ((tm - ta) * width - (tb - ta) * run).abs() > c(tolerance) * width
        }
    })
}

/// Pricing the care at chosen amounts under every option, counting the work done.
struct Work<'a> {
    care: &'a Care,
    years: &'a [Year<'a>],
    priced: usize,
}

impl Work<'_> {
    /// The amount of care that starts at `step` (`at` is any scale that gives it).
    fn price(&mut self, step: Option<Ratio>, at: Ratio) -> Result<Point, Error> {
        self.priced += 1;
        let scale = match step {
            Some(low) => low.shortest_decimal_below(self.care.step_above(at)),
            None => Ratio::ZERO,
        };
        let counts = self.care.counts_at(scale);
        let spending = cents(self.care.spending(&counts)?)?;
        let mut totals = Vec::with_capacity(self.years.len());
        for year in self.years {
            totals.push(cents(year.total_annual_cost_with_counts(&counts)?)?);
        }
        Ok(Point { step, scale, spending, totals })
    }
}

/// The option that costs the least at a point (the first asked for, on a tie).
fn cheapest(p: &Point) -> usize {
    let mut best = 0;
    for (i, t) in p.totals.iter().enumerate() {
        if p.totals.get(best).is_some_and(|b| t < b) {
            best = i;
        }
    }
    best
}

/// Walks the points in order of scale and, wherever the cheapest option differs from one to
/// the next, bisects on the amount of care down to two neighbouring amounts.
fn find_crossings(work: &mut Work, points: &[Point], plans: &[&ValidPlan]) -> Result<Vec<Crossing>, Error> {
    let mut out = Vec::new();
    let Some(first) = points.first() else { return Ok(out) };
    let mut below = first.clone();
    let mut now = cheapest(first);
    for next in &points[1..] {
        while cheapest(next) != now {
            let mut above = next.clone();
            // Until no amount of care lies between the two: the one halfway between the
            // first step past `below` and the step `above` starts at.
            loop {
                let after = work.care.step_above(below.scale);
                let Some(upper) = above.step.filter(|u| after.cmp(*u).is_lt()) else { break };
                let halfway = after.halfway(upper);
                let middle = work.price(work.care.step_at_or_below(halfway), halfway)?;
                if cheapest(&middle) == now {
                    below = middle;
                } else {
                    above = middle;
                }
            }
            let then = cheapest(&above);
            out.push(Crossing {
                spending: money_of((above.spending + 50) / 100 * 100),
                cheaper_below: plans.get(now).map(|p| p.id.clone()).unwrap_or_default(),
                cheaper_above: plans.get(then).map(|p| p.id.clone()).unwrap_or_default(),
                scale_below: Scale(below.scale.to_decimal()),
                scale: Scale(above.scale.to_decimal()),
            });
            now = then;
            below = above;
        }
        below = next.clone();
    }
    Ok(out)
}

/// A scale as a fraction p / q. The engine's scales stay small (counts of at most 1,000,
/// decimals of at most seven places), so every product below fits 64 bits.
#[derive(Clone, Copy, Debug)]
struct Ratio {
    p: u64,
    q: u64,
}

impl Ratio {
    const ZERO: Ratio = Ratio { p: 0, q: 1 };
    const ONE: Ratio = Ratio { p: 1, q: 1 };

    fn cmp(self, other: Ratio) -> std::cmp::Ordering {
        (u128::from(self.p) * u128::from(other.q)).cmp(&(u128::from(other.p) * u128::from(self.q)))
    }

    /// The scale halfway between two, over their least common denominator (for two
    /// decimals, the finer one's power of ten).
    fn halfway(self, other: Ratio) -> Ratio {
        let (a, b) = (self.q.max(1), other.q.max(1));
        let (mut x, mut y) = (a, b);
        while y != 0 {
            (x, y) = (y, x % y);
        }
        let q = a / x * b;
        Ratio { p: self.p * (q / a) + other.p * (q / b), q: 2 * q }
    }

    /// The shortest decimal at or above this ratio and below `high`, as a ratio n / 10^places.
    fn shortest_decimal_below(self, high: Ratio) -> Ratio {
        let mut shortest = self;
        let mut unit = 1;
        for _ in 0..=7 {
            let n = (self.p * unit).div_ceil(self.q.max(1));
            shortest = Ratio { p: n, q: unit };
            if shortest.cmp(high).is_lt() {
                break;
            }
            unit *= 10;
        }
        shortest
    }

    /// A decimal scale (p / 10^places) as a `Decimal`.
    fn to_decimal(self) -> Decimal {
        Decimal::new(i64::try_from(self.p).unwrap_or(i64::MAX), self.q.max(1).ilog10())
    }
}

/// The household's care as the scale grows. A use's scaled count, round(count × scale) half
/// up, steps up at each scale (k + ½) / count, so the amounts of care are the stretches
/// between consecutive steps: an amount is named by the step it starts at, and priced at the
/// shortest decimal scale in its stretch (1 for the household's own care, 0 for none).
struct Care {
    counts: Vec<u32>,
    allowed: Vec<Money>,
    /// The counts, each once (what the steps depend on).
    distinct: Vec<u64>,
}

impl Care {
    fn new(base: &Scenario) -> Care {
        let counts: Vec<u32> = base.services.iter().map(|u| u.count.unwrap_or(1)).collect();
        let allowed = base.services.iter().map(|u| u.allowed.unwrap_or(Money::ZERO)).collect();
        let mut distinct: Vec<u64> = Vec::new();
        for &c in &counts {
            if c > 0 && !distinct.contains(&u64::from(c)) {
                distinct.push(u64::from(c));
            }
        }
        Care { counts, allowed, distinct }
    }

    /// The step the care at scale `r` starts at (`None`: below every step, no care).
    fn step_at_or_below(&self, r: Ratio) -> Option<Ratio> {
        let mut best: Option<Ratio> = None;
        for &c in &self.distinct {
            // The largest (2k + 1) / 2c at or below p / q: 2k + 1 ≤ 2cp / q.
            let twice = 2 * c * r.p / r.q.max(1);
            if twice >= 1 {
                let step = Ratio { p: twice - (1 - twice % 2), q: 2 * c };
                if best.map_or(true, |b| b.cmp(step).is_lt()) {
                    best = Some(step);
                }
            }
        }
        best
    }

    /// The first step above scale `r`: where the care at `r` ends.
    fn step_above(&self, r: Ratio) -> Ratio {
        let mut best = Ratio { p: u64::MAX, q: 1 };
        for &c in &self.distinct {
            // The count at r is k = floor(c·r + ½); its step up is at (2k + 1) / 2c.
            let k = (2 * c * r.p + r.q) / (2 * r.q.max(1));
            let step = Ratio { p: 2 * k + 1, q: 2 * c };
            if step.cmp(best).is_lt() {
                best = step;
            }
        }
        best
    }

    /// Each use's count at scale `r`: round(count × r), half up.
    fn counts_at(&self, r: Ratio) -> Vec<u32> {
        let q = r.q.max(1);
        self.counts.iter().map(|&c| u32::try_from((2 * u64::from(c) * r.p + q) / (2 * q)).unwrap_or(u32::MAX)).collect()
    }

    fn spending(&self, counts: &[u32]) -> Result<Money, Error> {
        let mut t = Money::ZERO;
        for (&n, &a) in counts.iter().zip(&self.allowed) {
            t = t.checked_add(a.checked_mul_int(n).ok_or_else(overflow)?).ok_or_else(overflow)?;
        }
        Ok(t)
    }

    /// The scale of the most care the curves show: the care at `target`, but no more than a
    /// scenario may hold: below (1000 + ½) / the largest count (no use past 1,000 claims), and
    /// at most (20,000 − ½ a use) / the sum of the counts (the rounded counts then add up to
    /// at most 20,000 claims); never less than the household's own care.
    fn most(&self, target: Ratio) -> Ratio {
        use crate::scenario::{MAX_CLAIMS, MAX_COUNT};
        let largest = self.distinct.iter().copied().max().unwrap_or(1);
        let all: u64 = self.counts.iter().map(|&c| u64::from(c)).sum::<u64>().max(1);
        // Just below the step to count 1,001 of the largest use (closer than any two steps).
        let per_use = Ratio { p: (2 * u64::from(MAX_COUNT) + 1) * 10_000 - 1, q: 2 * largest * 10_000 };
        let per_year = Ratio { p: (2 * MAX_CLAIMS).saturating_sub(self.counts.len() as u64), q: 2 * all };
        let mut most = target;
        for cap in [per_use, per_year] {
            if cap.cmp(most).is_lt() {
                most = cap;
            }
        }
        if most.cmp(Ratio::ONE).is_lt() {
            most = Ratio::ONE;
        }
        match self.step_at_or_below(most) {
            Some(step) => step.shortest_decimal_below(self.step_above(most)),
            None => Ratio::ZERO,
        }
    }
}
