//! costshare: a health-plan cost-share engine.
//!
//! Where things live:
//! - `vocab`: the words plans, scenarios, prices and presets share (enrollment types, channels,
//!   Medicare status, …) and the service vocabulary (`data/services.json`).
//! - `plan`: the plan file schema (one JSON file per plan option in `data/plans/`) and its
//!   validation into a `ValidPlan`. Every figure there cites its document line.
//! - `scenario`: who is covered and what care they expect.
//! - `engine`: the one adjudication mechanism (coverage, limits, waiver, cost-share steps,
//!   out-of-pocket cap), the premium, and the result.
//! - `compare`: one household under several options: ranking, worst case, cost curves.
//! - `odds`: the same household over the distribution of its members' years of the CMS table:
//!   each option's percentiles, mean and chance of being the cheapest.
//! - `offer`: group offers, and which of an offer's options a household may take (and why not).
//! - `planview`: everything a form asks about one plan, in one view (`planView` in the `.wasm`).
//! - `presets`: usage presets, typical years of care for one person (`data/usage-presets.json`).
//! - `prices`: typical allowed amounts (`data/typical-prices.json`).
//! - `utilization`: a member's year of care from the CMS utilization table
//!   (`data/cms-years.json`), for members who give a `usage` instead of listing care;
//!   `cms_table` (native only): the table's figures (`data/cms-utilization.json`) made claims.
//! - `catalog`: the vocabulary, plans, prices and presets an estimate can use, filled from the
//!   data files' text the same way by the CLI, the tests and the WebAssembly module.
//! - `medicare`: Medicare's own figures by year (`data/medicare-years.json`: the standard Part B
//!   premium), built into every target.
//! - `builtin` (native only): those files compiled into the binary (`Catalog::builtin`).
//! - `json`: the strict reader every input goes through; `error`: the one error type (where,
//!   and a kind with its values, from which its code, params and English message come);
//!   `money`, `map`: exact amounts and the small sorted map.
//! - `words` (native only): the CLI's English sentences, made from the result's events.
//! - `wasm` (wasm32 only): the thin binding that converts at the boundary.
//! - `census` (feature `census`, on by default): the group census. The estimator's `.wasm` is
//!   built without it, the census's with it (`scripts/build-wasm.sh`).

#[cfg(not(target_arch = "wasm32"))]
pub mod builtin;
pub mod catalog;
#[cfg(not(target_arch = "wasm32"))]
pub mod cms_table;
#[cfg(feature = "census")]
pub mod census;
pub mod compare;
pub mod engine;
pub mod error;
pub mod json;
pub mod map;
pub mod medicare;
pub mod money;
pub mod odds;
pub mod offer;
pub mod plan;
pub mod planview;
pub mod presets;
pub mod prices;
pub mod scenario;
pub mod utilization;
pub mod vocab;
#[cfg(not(target_arch = "wasm32"))]
pub mod words;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use catalog::Catalog;
pub use engine::{estimate, Estimate};
pub use error::{Code, Error, ErrorKind};
pub use money::Money;
pub use plan::{Plan, ValidPlan};
pub use scenario::Scenario;
pub use vocab::Vocabulary;

/// Parses a scenario's JSON text and estimates it.
pub fn estimate_json(catalog: &Catalog, scenario_json: &str) -> Result<Estimate, Error> {
    let scenario = Scenario::from_json(scenario_json)?;
    estimate(catalog, &scenario)
}
