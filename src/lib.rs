//! costshare: a health-plan cost-share engine.
//!
//! Where things live:
//! - `plan`: the plan file schema (one JSON file per plan option in `data/plans/`), strict
//!   loading and validation. Every figure there cites its document line.
//! - `scenario`: who is covered and what care they expect.
//! - `engine`: the one adjudication mechanism (coverage, limits, waiver, cost-share steps,
//!   out-of-pocket cap) and the result.
//! - `compare`: one household under several options: ranking, worst case, cost curves.
//! - `presets`: usage presets, typical years of care for one person (`data/usage-presets.json`).
//! - `prices`: typical allowed amounts (`data/typical-prices.json`).
//! - `catalog`: the plans and prices an estimate can use, filled from the data files' text
//!   the same way by the CLI, the tests and the WebAssembly module.
//! - `wasm` (wasm32 only): the thin binding that converts at the boundary.

pub mod catalog;
pub mod compare;
pub mod engine;
pub mod error;
pub mod json;
pub mod map;
pub mod money;
pub mod plan;
pub mod presets;
pub mod prices;
pub mod scenario;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use catalog::Catalog;
pub use engine::{estimate, Estimate};
pub use error::Error;
pub use money::Money;
pub use plan::Plan;
pub use scenario::Scenario;

/// Parses a scenario's JSON text and estimates it.
pub fn estimate_json(catalog: &Catalog, scenario_json: &str) -> Result<Estimate, Error> {
    let scenario = Scenario::from_json(scenario_json)?;
    estimate(catalog, &scenario)
}
