//! Odds: what a year is likely to cost for people like you (docs/domain.md, "Odds";
//! docs/decisions.md 29).
//!
//! The household is priced on each option over the distribution of its members' years: each
//! member's utilization decile of the CMS table (1 to 10, equally likely, members independent)
//! for their age group and sex, on top of the care the scenario lists. For each option: the
//! 10th, 50th and 90th percentile and the mean of the year's total (premium + what the members
//! pay), and the chance that it is the cheapest.
//!
//! - `years.rs`: the household's ten years per member resolved once, as one scenario whose
//!   counts a draw chooses;
//! - `draws.rs`: which draws (every combination, or a fixed-seed sample), the percentiles and
//!   the chances.
//!
//! Each draw is priced by the engine's summary path with only the total added up
//! ([`Year::total_annual_cost_with_counts`]); the plan, the premium and every claim's allowed
//! amount are worked out once per option. A [`Run`] goes a slice of draws at a time, so the
//! `.wasm` can report progress and stop when a newer question arrives.

mod draws;
mod years;

use serde::Serialize;

use crate::catalog::Catalog;
use crate::compare::{fit_to_plan, MAX_OPTIONS};
use crate::engine::{Assumed, Year};
use crate::error::{at, Error, ErrorKind, ErrorPath, Many};
use crate::money::Money;
use crate::scenario::Scenario;
use crate::utilization::{age_group, Sex};

pub use draws::{Chance, MAX_EXACT, SAMPLE, SEED};
pub use years::DECILES;
use draws::{cents, chances, spread, Draws};
use years::Years;

/// The odds of a household's year on each option (`costshare odds`).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Odds {
    /// How many years were priced on each option: every combination of the members' deciles
    /// (10^members), or a sample of [`SAMPLE`].
    pub draws: u32,
    /// `true` where the draws are a fixed-seed sample (more than [`MAX_EXACT`] combinations).
    pub sampled: bool,
    /// Whose rows of the table the years are: each member's age group and sex (`null`: the
    /// mean of the female and male rows).
    pub members: Vec<OddsMember>,
    /// In the order asked.
    pub options: Vec<OddsOption>,
    /// What the figures assume: members 65 and over priced with the 55+ rows
    /// (`cms_oldest_group`), a stated `price_factor`, a condition's row kept in every year
    /// (`cms_usage`).
    pub assumptions: Vec<Assumed>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct OddsMember {
    pub id: String,
    pub age_group: &'static str,
    pub sex: Option<Sex>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct OddsOption {
    pub plan: String,
    /// The smallest yearly total whose cumulative share of the draws reaches 10% (50%, 90%).
    pub p10: Option<Money>,
    pub p50: Option<Money>,
    pub p90: Option<Money>,
    /// The mean yearly total, rounded to the cent.
    pub mean: Option<Money>,
    /// The share of the draws in which this option costs the least (ties shared), in
    /// hundredths; the options' chances add up to exactly 1 (`draws.rs`, `chances`).
    pub chance_cheapest: Option<Chance>,
    /// Why the option could not be priced (its figures are then `null`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<Error>,
}

/// How far a run has come: `done` of `draws`.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
pub struct Progress {
    pub done: u32,
    pub draws: u32,
}

/// The odds of `scenario`'s household on each of `plans`, worked out at once.
pub fn odds(catalog: &Catalog, scenario: &Scenario, plans: &[String]) -> Result<Odds, Error> {
    let mut run = Run::new(catalog, scenario, plans)?;
    run.step(catalog, u32::MAX)?;
    run.result()
}

/// The odds worked out a slice of draws at a time: [`Run::step`] until `done` equals `draws`,
/// then [`Run::result`]. Holds no borrow of the catalog (the `.wasm` keeps it between calls).
pub struct Run {
    plans: Vec<String>,
    years: Years,
    /// The household fitted to each option (its enrollment and pay schedule).
    fitted: Vec<Scenario>,
    /// Each option's totals so far, in cents, or why it cannot be priced.
    totals: Vec<Result<Vec<u64>, Error>>,
    draws: Draws,
    members: Vec<OddsMember>,
    /// The last draw's deciles and counts.
    deciles: Vec<u8>,
    counts: Vec<u32>,
    started: bool,
}

impl Run {
    pub fn new(catalog: &Catalog, scenario: &Scenario, plans: &[String]) -> Result<Run, Error> {
        let options = check_ids(catalog, plans)?;
        let years = Years::new(catalog, scenario)?;
        let mut fitted = Vec::with_capacity(options.len());
        let mut totals = Vec::with_capacity(options.len());
        for plan in options {
            let (s, _) = fit_to_plan(&years.scenario, plan);
            // An option that cannot price the household (a service it does not offer, a
            // Medicare status it refuses) is said once, as a comparison says it.
            totals.push(Year::new(catalog, &s).map(|_| Vec::new()));
            fitted.push(s);
        }
        let n = scenario.members.len();
        let members = scenario.members.iter().map(|m| OddsMember { id: m.id.clone(), age_group: age_group(m.age), sex: m.sex }).collect();
        let counts = years.counts.clone();
        Ok(Run { plans: plans.to_vec(), years, fitted, totals, draws: Draws::new(n), members, deciles: vec![0; n], counts, started: false })
    }

    /// Prices up to `n` more draws on every option.
    pub fn step(&mut self, catalog: &Catalog, n: u32) -> Result<Progress, Error> {
        let Run { years, fitted, totals, draws, deciles, counts, started, .. } = self;
        let mut priced: Vec<Option<(Year, &mut Vec<u64>)>> = Vec::with_capacity(fitted.len());
        for (s, t) in fitted.iter().zip(totals.iter_mut()) {
            priced.push(match t {
                Ok(list) => Some((Year::new(catalog, s)?, list)),
                Err(_) => None,
            });
        }
        let mut previous = deciles.clone();
        for _ in 0..n {
            if !draws.next(deciles) {
                break;
            }
            years.counts_for(deciles, (*started).then_some(&previous[..]), counts);
            *started = true;
            previous.copy_from_slice(deciles);
            for (year, list) in priced.iter_mut().flatten() {
                let total = year.total_annual_cost_with_counts(counts)?;
                list.push(cents(total).ok_or_else(overflow)?);
            }
        }
        Ok(self.progress())
    }

    pub fn progress(&self) -> Progress {
        Progress { done: self.draws.made, draws: self.draws.total }
    }

    /// The odds, once every draw is priced.
    pub fn result(&self) -> Result<Odds, Error> {
        if self.draws.made < self.draws.total {
            return Err(Error::at("arguments", ErrorPath::ROOT, ErrorKind::usage("the odds are not worked out yet: call oddsStep until done equals draws", vec![])));
        }
        let lists: Vec<Option<&[u64]>> = self.totals.iter().map(|t| t.as_deref().ok()).collect();
        let chance = chances(&lists);
        let mut options = Vec::with_capacity(self.plans.len());
        for ((plan, t), c) in self.plans.iter().zip(&self.totals).zip(chance) {
            let mut o = OddsOption { plan: plan.clone(), p10: None, p50: None, p90: None, mean: None, chance_cheapest: c, error: None };
            match t {
                Ok(list) => {
                    let s = spread(list).ok_or_else(overflow)?;
                    (o.p10, o.p50, o.p90, o.mean) = (Some(s.p10), Some(s.p50), Some(s.p90), Some(s.mean));
                }
                Err(e) => o.error = Some(e.clone()),
            }
            options.push(o);
        }
        Ok(Odds { draws: self.draws.total, sampled: self.draws.sampled(), members: self.members.clone(), options, assumptions: self.years.assumed.clone() })
    }
}

fn overflow() -> Error {
    Error::at("odds", ErrorPath::ROOT, ErrorKind::overflow())
}

/// The options asked for: 1 to [`MAX_OPTIONS`] plan ids of the catalog, none twice.
fn check_ids<'c>(catalog: &'c Catalog, plan_ids: &[String]) -> Result<Vec<&'c crate::plan::ValidPlan>, Error> {
    if plan_ids.is_empty() {
        return Err(Error::at("odds", at!["plans"], ErrorKind::no_plans()));
    }
    if plan_ids.len() > MAX_OPTIONS {
        return Err(Error::at("odds", at!["plans"], ErrorKind::too_many(MAX_OPTIONS as u64, Many::Plans)));
    }
    let mut plans: Vec<&crate::plan::ValidPlan> = Vec::with_capacity(plan_ids.len());
    for (i, id) in plan_ids.iter().enumerate() {
        let plan = catalog.plan(id).ok_or_else(|| Error::at("odds", at!["plans", i], ErrorKind::unknown_plan(id, None)))?;
        if plans.iter().any(|p| p.id == *id) {
            return Err(Error::at("odds", at!["plans", i], ErrorKind::listed_twice(id)));
        }
        plans.push(plan);
    }
    Ok(plans)
}
