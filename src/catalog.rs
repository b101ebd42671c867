//! The vocabulary, plans, prices and presets an estimate can use. The CLI, the tests and the
//! WebAssembly module all fill it the same way: from the JSON text of the data files, the
//! service vocabulary first (every other file is checked against it).

use crate::error::{at, Error, ErrorKind, ErrorPath};
use crate::map::SortedMap;
use crate::medicare_year::{MedicareYears, PartD};
use crate::money::Money;
use crate::plan::{Plan, ValidPlan};
use crate::presets::Presets;
use crate::prices::PriceTable;
use crate::scenario::{Scenario, ServiceUse};
use crate::vocab::Vocabulary;

#[derive(Clone, Debug)]
pub struct Catalog {
    vocabulary: Vocabulary,
    plans: SortedMap<String, ValidPlan>,
    prices: Option<PriceTable>,
    presets: Option<Presets>,
    cms_years: Option<Presets>,
    /// Each year's Medicare figures (`data/medicare-years.json`): the built-in copy unless
    /// another is set.
    medicare_years: MedicareYears,
}

impl Catalog {
    pub fn new(vocabulary: Vocabulary) -> Catalog {
        Catalog { vocabulary, plans: SortedMap::new(), prices: None, presets: None, cms_years: None, medicare_years: MedicareYears::built_in() }
    }

    /// A catalog whose vocabulary is the text of a `services.json`.
    pub fn from_services_json(origin: &str, text: &str) -> Result<Catalog, Error> {
        Ok(Catalog::new(Vocabulary::from_json(origin, text)?))
    }

    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// Adds one plan file's text; `origin` (its file name) is used in error messages.
    pub fn add_plan_json(&mut self, origin: &str, text: &str) -> Result<&ValidPlan, Error> {
        let plan = Plan::from_json(origin, text)?;
        self.add_plan(origin, plan)
    }

    /// A plan with Medicare Part D is refused for a year without Medicare figures (its
    /// threshold is the year's), naming the year.
    pub fn add_plan(&mut self, origin: &str, plan: Plan) -> Result<&ValidPlan, Error> {
        let plan = plan.validate(origin, &self.vocabulary)?;
        if plan.part_d_out_of_pocket_max.is_some() {
            self.medicare_years.part_d(plan.year, origin, at!["year"])?;
        }
        if self.plans.contains_key(&plan.id) {
            return Err(Error::at(origin, at!["id"], ErrorKind::plan_in_catalog(&plan.id)));
        }
        // The options of one offer name it alike (the page shows one name for them).
        if let Some(other) = self.plans.values().find(|p| p.offer.id == plan.offer.id) {
            let (mine, theirs) = (&plan.offer, &other.offer);
            if (&mine.name, &mine.es) != (&theirs.name, &theirs.es) {
                let params = vec![("value", crate::error::Param::Text(crate::error::shown(&other.id)))];
                return Err(Error::at(origin, at!["offer"], ErrorKind::plan("the offer's names differ from {value}'s, an option of the same offer", params)));
            }
        }
        let id = plan.id.clone();
        Ok(self.plans.get_or_insert_with(id, || plan))
    }

    pub fn set_prices_json(&mut self, origin: &str, text: &str) -> Result<(), Error> {
        self.prices = Some(PriceTable::from_json(origin, text, &self.vocabulary)?);
        Ok(())
    }

    pub fn set_presets_json(&mut self, origin: &str, text: &str) -> Result<(), Error> {
        self.presets = Some(Presets::from_json(origin, text, &self.vocabulary)?);
        Ok(())
    }

    pub fn presets(&self) -> Option<&Presets> {
        self.presets.as_ref()
    }

    /// The CMS utilization table's rows as years of care (`data/cms-years.json`), which
    /// members' `usage` reads.
    pub fn set_cms_years_json(&mut self, origin: &str, text: &str) -> Result<(), Error> {
        self.cms_years = Some(Presets::cms_years_from_json(origin, text, &self.vocabulary)?);
        Ok(())
    }

    pub fn cms_years(&self) -> Option<&Presets> {
        self.cms_years.as_ref()
    }

    /// Reads another copy of `data/medicare-years.json` in place of the built-in one; refused
    /// if a Part D plan already in the catalog is of a year it lacks.
    pub fn set_medicare_years_json(&mut self, origin: &str, text: &str) -> Result<(), Error> {
        let years = MedicareYears::from_json(origin, text)?;
        for p in self.plans.values().filter(|p| p.part_d_out_of_pocket_max.is_some()) {
            years.part_d(p.year, origin, at!["years"])?;
        }
        self.medicare_years = years;
        Ok(())
    }

    pub fn medicare_years(&self) -> &MedicareYears {
        &self.medicare_years
    }

    /// The Medicare Part D figures of `year`, or the error naming it (at `path` of the scenario).
    pub fn medicare_part_d(&self, year: u16, path: impl Into<ErrorPath>) -> Result<&PartD, Error> {
        self.medicare_years.part_d(year, "scenario", path.into())
    }

    pub fn plan(&self, id: &str) -> Option<&ValidPlan> {
        self.plans.get(id)
    }

    /// The plan a scenario names (at `path`), or an error that lists the plans there are.
    pub fn plan_for(&self, id: &str, path: impl Into<ErrorPath>) -> Result<&ValidPlan, Error> {
        self.plan(id).ok_or_else(|| {
            let known = (self.plans.len() <= 12).then(|| self.plans.keys().cloned().collect());
            Error::at("scenario", path, ErrorKind::unknown_plan(id, known))
        })
    }

    pub fn plans(&self) -> impl Iterator<Item = &ValidPlan> {
        self.plans.values()
    }

    pub fn prices(&self) -> Option<&PriceTable> {
        self.prices.as_ref()
    }

    /// The options to compare with `plan_id`: the plans `listed` when two or more are (an
    /// embedder's or a broker's own choice, in their order, `plan_id` first if missing), else
    /// every option of the plan's group offer in the catalog, in catalog order. The CLI's
    /// `compare` and the page's ranking both use this; `compare` says which of them the
    /// household may take.
    pub fn options_for(&self, plan_id: &str, listed: Option<&[String]>) -> Vec<String> {
        let Some(anchor) = self.plan(plan_id) else { return Vec::new() };
        let mut ids: Vec<String> = match listed {
            Some(list) if list.len() >= 2 => {
                let mut seen: Vec<String> = Vec::new();
                for id in list {
                    if self.plan(id).is_some() && !seen.contains(id) {
                        seen.push(id.clone());
                    }
                }
                seen
            }
            _ => self.plans().filter(|p| p.is_sibling_of(anchor)).map(|p| p.id.clone()).collect(),
        };
        if !ids.iter().any(|id| id == plan_id) {
            ids.insert(0, plan_id.to_string());
        }
        ids
    }

    /// The allowed amount of one claim of `services[at]`: the use's own, else the scenario's
    /// price for the service, else the typical price, for its days and days' supply.
    pub fn allowed_of(&self, scenario: &Scenario, at: usize, u: &ServiceUse) -> Result<Money, Error> {
        if let Some(a) = u.allowed {
            return Ok(a);
        }
        let (days, supply) = (u.days.unwrap_or(1), u.days_supply.unwrap_or(crate::scenario::DEFAULT_DAYS_SUPPLY));
        match scenario.prices.get(&u.service) {
            Some(p) => p.allowed_for(days, supply).ok_or_else(|| Error::at("scenario", at!["prices", &u.service], ErrorKind::overflow())),
            None => self.prices.as_ref().and_then(|p| p.allowed_for(&u.service, days, supply)).ok_or_else(|| {
                Error::at("scenario", at!["services", at, "allowed"], ErrorKind::no_typical_price(&u.service))
            }),
        }
    }
}

/// Reads a data folder: `services.json`, `medicare-years.json` if present (else the built-in
/// copy), then every `plans/*.json` in file-name order, then `typical-prices.json`,
/// `usage-presets.json` and `cms-years.json` if present. The CLI and the tests use this;
/// the page fetches the same files and passes their text to the same methods.
#[cfg(not(target_arch = "wasm32"))]
impl Catalog {
    pub fn load_dir(data_dir: &std::path::Path) -> Result<Catalog, Error> {
        use std::fs;
        let services = data_dir.join(crate::vocab::SERVICES_FILE);
        let mut catalog = Catalog::from_services_json(crate::vocab::SERVICES_FILE, &read_file(&services)?)?;
        let medicare = data_dir.join(crate::medicare_year::FILE);
        if medicare.exists() {
            catalog.set_medicare_years_json(crate::medicare_year::FILE, &read_file(&medicare)?)?;
        }
        let plans_dir = data_dir.join("plans");
        let mut files: Vec<std::path::PathBuf> = fs::read_dir(&plans_dir)
            .map_err(|e| Error::at(&plans_dir.display().to_string(), ErrorPath::ROOT, ErrorKind::read_failed(&e.to_string())))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        for file in &files {
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            catalog.add_plan_json(&name, &read_file(file)?)?;
        }
        let prices = data_dir.join("typical-prices.json");
        if prices.exists() {
            catalog.set_prices_json("typical-prices.json", &read_file(&prices)?)?;
        }
        let presets = data_dir.join("usage-presets.json");
        if presets.exists() {
            catalog.set_presets_json("usage-presets.json", &read_file(&presets)?)?;
        }
        let years = data_dir.join("cms-years.json");
        if years.exists() {
            catalog.set_cms_years_json("cms-years.json", &read_file(&years)?)?;
        }
        Ok(catalog)
    }

    /// The repository's own `data/` folder, for tests and tools run inside the repository. The
    /// `costshare` binary never reads it: it carries that data inside (`Catalog::builtin`).
    pub fn builtin_data_dir() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
    }
}

/// Reads a file of at most [`MAX_INPUT_BYTES`](crate::json::MAX_INPUT_BYTES) bytes as UTF-8:
/// no more than one byte past the limit is ever read, so a huge file or an endless stream
/// (`/dev/zero`) is refused at once, in constant memory. `-` reads standard input.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_file(path: &std::path::Path) -> Result<String, Error> {
    use std::io::Read;
    let name = path.display().to_string();
    let io = |e: std::io::Error| Error::at(&name, ErrorPath::ROOT, ErrorKind::read_failed(&e.to_string()));
    let limit = crate::json::MAX_INPUT_BYTES as u64;
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin().lock().take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    } else {
        std::fs::File::open(path).map_err(io)?.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    }
    if bytes.len() as u64 > limit {
        return Err(Error::at(&name, ErrorPath::ROOT, ErrorKind::input_too_large(limit)));
    }
    // A UTF-8 byte order mark (Windows' Notepad writes one) is not part of the JSON: left out,
    // as the census reader leaves it out of a CSV.
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| Error::at(&name, ErrorPath::ROOT, ErrorKind::not_utf8(e.utf8_error().valid_up_to() as u64)))
}
