//! Medicare's own figures by calendar year (`data/medicare-years.json`), which no plan document
//! gives: the standard Part B premium, paid to Medicare whichever option a member takes
//! (docs/domain.md, "Medicare plans"). Each figure names its year and its source.
//!
//! The file is small and every estimate of a member with Part B may name its figure, so it is
//! built into every target (the `.wasm` too: the page fetches nothing more for it);
//! `Catalog::load_dir` reads a data folder's own copy instead when it has one.

use serde::Serialize;

use crate::error::{at, Error, ErrorKind, Param};
use crate::json::json_object;
use crate::money::Money;
use crate::plan::{is_allowed_link, Authority, LINK_HOSTS};

/// `data/medicare-years.json`.
pub const MEDICARE_YEARS: &str = include_str!("../data/medicare-years.json");

/// Its file name in a data folder.
pub const MEDICARE_YEARS_FILE: &str = "medicare-years.json";

/// A monthly amount for one year, with where it comes from.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Monthly {
    pub monthly: Money,
    pub source: Authority,
}

json_object!(Monthly { monthly: req, source: req });

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct MedicareYear {
    pub year: u16,
    /// The standard monthly Part B premium (higher incomes pay more: not modelled).
    pub part_b_standard_premium: Option<Monthly>,
}

json_object!(MedicareYear { year: req, part_b_standard_premium: opt });

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct MedicareYears {
    pub description: String,
    pub years: Vec<MedicareYear>,
}

json_object!(MedicareYears { description: req, years: req });

impl MedicareYears {
    /// Reads and checks the file: each year once, from 1990 to 2100; every link https on a host
    /// a plan file's links may use.
    pub fn from_json(origin: &str, text: &str) -> Result<MedicareYears, Error> {
        let file: MedicareYears = crate::json::parse(origin, text)?;
        for (i, y) in file.years.iter().enumerate() {
            if !(1990..=2100).contains(&y.year) {
                return Err(Error::at(origin, at!["years", i, "year"], ErrorKind::out_of_range(1990, 2100, y.year.into())));
            }
            if file.years[..i].iter().any(|o| o.year == y.year) {
                let params = vec![("value", Param::Int(y.year.into()))];
                return Err(Error::at(origin, at!["years", i, "year"], ErrorKind::data("the year {value} is listed twice", params)));
            }
            if let Some(p) = &y.part_b_standard_premium {
                if !is_allowed_link(&p.source.url) {
                    return Err(Error::at(origin, at!["years", i, "part_b_standard_premium", "source", "url"], ErrorKind::link(&p.source.url, LINK_HOSTS)));
                }
            }
        }
        Ok(file)
    }

    /// The built-in file (`None` only if it does not read, which a test rules out).
    pub fn builtin() -> Option<MedicareYears> {
        MedicareYears::from_json(MEDICARE_YEARS_FILE, MEDICARE_YEARS).ok()
    }

    /// The standard Part B premium of `year`, if the file has it.
    pub fn part_b(&self, year: u16) -> Option<&Monthly> {
        self.years.iter().find(|y| y.year == year).and_then(|y| y.part_b_standard_premium.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_figures_read_and_a_bad_file_is_refused() {
        let years = MedicareYears::builtin().expect("data/medicare-years.json reads");
        assert_eq!(years.part_b(2025).map(|p| p.monthly.to_cents_string()), Some("185.00".into()));
        assert!(years.part_b(2025).unwrap().source.quote.contains("$185.00"));
        assert!(years.part_b(1999).is_none());
        let twice = MEDICARE_YEARS.replacen("\"year\": 2026", "\"year\": 2025", 1);
        assert_eq!(MedicareYears::from_json("m", &twice).unwrap_err().field(), "years[2].year");
        let link = MEDICARE_YEARS.replacen("https://www.cms.gov/", "https://example.org/", 1);
        assert_eq!(MedicareYears::from_json("m", &link).unwrap_err().field(), "years[0].part_b_standard_premium.source.url");
    }
}
