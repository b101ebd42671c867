//! The set of plans and the price table an estimate can use. The CLI, the tests and the
//! WebAssembly module all fill it the same way: from the JSON text of the data files.

use crate::map::SortedMap;

use crate::error::Error;
use crate::plan::Plan;
use crate::prices::PriceTable;

#[derive(Clone, Debug, Default)]
pub struct Catalog {
    plans: SortedMap<String, Plan>,
    prices: Option<PriceTable>,
    presets: Option<crate::presets::Presets>,
}

impl Catalog {
    pub fn new() -> Catalog {
        Catalog::default()
    }

    /// Adds one plan file's text; `origin` (its file name) is used in error messages.
    pub fn add_plan_json(&mut self, origin: &str, text: &str) -> Result<&Plan, Error> {
        // Parsed only: `add_plan` validates, once.
        let plan: Plan = crate::json::parse(origin, text)?;
        self.add_plan(origin, plan)
    }

    pub fn add_plan(&mut self, origin: &str, plan: Plan) -> Result<&Plan, Error> {
        plan.validate(origin)?;
        if self.plans.contains_key(&plan.id) {
            return Err(Error::invalid(origin, "id", format!("plan \"{}\" is already in the catalog", plan.id)));
        }
        let id = plan.id.clone();
        Ok(self.plans.get_or_insert_with(id, || plan))
    }

    pub fn set_prices_json(&mut self, origin: &str, text: &str) -> Result<(), Error> {
        self.prices = Some(PriceTable::from_json(origin, text)?);
        Ok(())
    }

    pub fn set_presets_json(&mut self, origin: &str, text: &str) -> Result<(), Error> {
        self.presets = Some(crate::presets::Presets::from_json(origin, text)?);
        Ok(())
    }

    pub fn presets(&self) -> Option<&crate::presets::Presets> {
        self.presets.as_ref()
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

    /// The allowed amount of one claim of `services[at]`: the scenario's own, or the typical
    /// price for its days and days' supply.
    pub fn allowed_of(&self, at: usize, u: &crate::scenario::ServiceUse) -> Result<crate::money::Money, Error> {
        if let Some(a) = u.allowed {
            return Ok(a);
        }
        self.prices
            .as_ref()
            .and_then(|p| p.allowed_for(&u.service, u.days.unwrap_or(1), u.days_supply.unwrap_or(30)))
            .ok_or_else(|| {
                Error::invalid("scenario", format!("services[{at}].allowed"), format!("missing: no typical price is known for {}", u.service))
            })
    }
}

/// Reads a data folder: every `plans/*.json` in file-name order, then `typical-prices.json`
/// and `usage-presets.json` if present. The CLI and the tests use this; the page fetches the same files and passes
/// their text to the same `add_plan_json` and `set_prices_json`.
#[cfg(not(target_arch = "wasm32"))]
impl Catalog {
    pub fn load_dir(data_dir: &std::path::Path) -> Result<Catalog, Error> {
        use std::fs;
        let io = |path: &std::path::Path, e: std::io::Error| Error::invalid(&path.display().to_string(), "", e.to_string());
        let plans_dir = data_dir.join("plans");
        let mut files: Vec<std::path::PathBuf> = fs::read_dir(&plans_dir)
            .map_err(|e| io(&plans_dir, e))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        let mut catalog = Catalog::new();
        for file in &files {
            let text = fs::read_to_string(file).map_err(|e| io(file, e))?;
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            catalog.add_plan_json(&name, &text)?;
        }
        let prices = data_dir.join("typical-prices.json");
        if prices.exists() {
            let text = fs::read_to_string(&prices).map_err(|e| io(&prices, e))?;
            catalog.set_prices_json("typical-prices.json", &text)?;
        }
        let presets = data_dir.join("usage-presets.json");
        if presets.exists() {
            let text = fs::read_to_string(&presets).map_err(|e| io(&presets, e))?;
            catalog.set_presets_json("usage-presets.json", &text)?;
        }
        Ok(catalog)
    }

    /// The project's own `data/` folder.
    pub fn builtin_data_dir() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
    }
}
