//! The built-in data, compiled into the `costshare` binary: the service vocabulary, every plan
//! file, the typical prices, the usage presets and the CMS table's years of care of `data/`, so a copied or installed binary
//! prices the built-in plans wherever it runs. `--data DIR` and `$COSTSHARE_DATA` still read a
//! folder instead (`Catalog::load_dir`). Native only: the page fetches the same files.
//!
//! `data/medicare-years.json` (Medicare's own figures by year) is built into every target, the
//! `.wasm` too, by `src/medicare.rs`: every catalog starts with it.
//!
//! A plan file added to `data/plans/` is added to [`PLANS`] too; a test below compares the two.

use crate::catalog::Catalog;
use crate::error::Error;
use crate::vocab::{Vocabulary, SERVICES_FILE};

/// `data/services.json`.
pub const SERVICES: &str = include_str!("../data/services.json");
/// `data/typical-prices.json`.
pub const PRICES: &str = include_str!("../data/typical-prices.json");
/// `data/usage-presets.json`.
pub const PRESETS: &str = include_str!("../data/usage-presets.json");
/// `data/cms-years.json`: the CMS utilization table's rows as years of care, which a member's
/// `usage` reads (`data/cms-utilization.json`, the table it is made from, is not needed).
pub const CMS_YEARS: &str = include_str!("../data/cms-years.json");

/// `data/plans/*.json`: each file's name and text, in file-name order (the order
/// `Catalog::load_dir` reads a folder in).
pub const PLANS: &[(&str, &str)] = &[
    ("kp-co-fehb-2022-high.json", include_str!("../data/plans/kp-co-fehb-2022-high.json")),
    ("kp-co-fehb-2022-prosper.json", include_str!("../data/plans/kp-co-fehb-2022-prosper.json")),
    ("kp-co-fehb-2022-standard.json", include_str!("../data/plans/kp-co-fehb-2022-standard.json")),
    ("kp-ga-fehb-2022-high.json", include_str!("../data/plans/kp-ga-fehb-2022-high.json")),
    ("kp-ga-fehb-2022-prosper.json", include_str!("../data/plans/kp-ga-fehb-2022-prosper.json")),
    ("kp-ga-fehb-2022-standard.json", include_str!("../data/plans/kp-ga-fehb-2022-standard.json")),
    ("kp-ncal-fresno-2025-sa-high-high.json", include_str!("../data/plans/kp-ncal-fresno-2025-sa-high-high.json")),
    ("kp-ncal-fresno-2025-sa-low.json", include_str!("../data/plans/kp-ncal-fresno-2025-sa-low.json")),
    ("kp-ncal-fresno-2025-traditional.json", include_str!("../data/plans/kp-ncal-fresno-2025-traditional.json")),
    ("kp-plus-example-co-2022-standard.json", include_str!("../data/plans/kp-plus-example-co-2022-standard.json")),
];

/// The built-in service vocabulary (for checking plan files on their own: `costshare validate`).
pub fn vocabulary() -> Result<Vocabulary, Error> {
    Vocabulary::from_json(SERVICES_FILE, SERVICES)
}

impl Catalog {
    /// The built-in catalog: the same as `Catalog::load_dir` of the repository's `data/`, from
    /// the copies inside the binary.
    pub fn builtin() -> Result<Catalog, Error> {
        let mut catalog = Catalog::new(vocabulary()?);
        for (name, text) in PLANS {
            catalog.add_plan_json(name, text)?;
        }
        catalog.set_prices_json("typical-prices.json", PRICES)?;
        catalog.set_presets_json("usage-presets.json", PRESETS)?;
        catalog.set_cms_years_json("cms-years.json", CMS_YEARS)?;
        Ok(catalog)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_plan_file_of_data_is_built_in_and_loads_as_the_folder_does() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let mut files: Vec<String> = std::fs::read_dir(dir.join("plans"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".json"))
            .collect();
        files.sort();
        let built_in: Vec<&str> = PLANS.iter().map(|(name, _)| *name).collect();
        assert_eq!(built_in, files, "data/plans/ and builtin::PLANS differ: add the new file to PLANS");
        let from_folder = Catalog::load_dir(&dir).unwrap();
        let inside = Catalog::builtin().unwrap();
        assert!(from_folder.plans().eq(inside.plans()), "the built-in plans are the folder's");
        assert_eq!(from_folder.prices(), inside.prices());
        assert_eq!(from_folder.presets(), inside.presets());
        assert!(inside.cms_years().is_some(), "the CMS years are built in");
        assert_eq!(from_folder.cms_years(), inside.cms_years());
        assert_eq!(from_folder.vocabulary(), inside.vocabulary());
        assert!(inside.medicare_years().is_some(), "the Medicare figures are built in");
        assert_eq!(from_folder.medicare_years(), inside.medicare_years());
    }
}
