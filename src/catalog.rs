//! The set of plans and the price table an estimate can use. The CLI, the tests and the
//! WebAssembly module all fill it the same way: from the JSON text of the data files.

use std::collections::BTreeMap;

use crate::error::Error;
use crate::plan::Plan;
use crate::prices::PriceTable;

#[derive(Clone, Debug, Default)]
pub struct Catalog {
    plans: BTreeMap<String, Plan>,
    prices: Option<PriceTable>,
}

impl Catalog {
    pub fn new() -> Catalog {
        Catalog::default()
    }

    /// Adds one plan file's text; `origin` (its file name) is used in error messages.
    pub fn add_plan_json(&mut self, origin: &str, text: &str) -> Result<&Plan, Error> {
        let plan = Plan::from_json(origin, text)?;
        self.add_plan(origin, plan)
    }

    pub fn add_plan(&mut self, origin: &str, plan: Plan) -> Result<&Plan, Error> {
        plan.validate(origin)?;
        if self.plans.contains_key(&plan.id) {
            return Err(Error::invalid(origin, "id", format!("plan \"{}\" is already in the catalog", plan.id)));
        }
        let id = plan.id.clone();
        Ok(self.plans.entry(id).or_insert(plan))
    }

    pub fn set_prices_json(&mut self, origin: &str, text: &str) -> Result<(), Error> {
        self.prices = Some(PriceTable::from_json(origin, text)?);
        Ok(())
    }

    pub fn plan(&self, id: &str) -> Option<&Plan> {
        self.plans.get(id)
    }

    pub fn plans(&self) -> impl Iterator<Item = &Plan> {
        self.plans.values()
    }

    pub fn prices(&self) -> Option<&PriceTable> {
        self.prices.as_ref()
    }
}
