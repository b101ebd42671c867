//! Each year's Medicare figures (`data/medicare-years.json`): the Part D out-of-pocket
//! threshold, the standard Part D deductible, the insulin limit and Part B's standard premium,
//! each with its source. They are the law's and CMS's, not a plan document's, so they live
//! apart from the plan files; a plan with Part D is accepted only for a year listed here
//! (`Catalog::add_plan`), and the Medicare Prescription Payment Plan spreads bills up to the
//! year's threshold (docs/domain.md, "The Medicare Prescription Payment Plan").
//!
//! The file is small and every estimate of a Part D plan needs it, so it is compiled into the
//! engine on every target ([`BUILT_IN`], read by `Catalog::new`): the page's `.wasm` carries it
//! as the CLI does, with nothing more to fetch. `Catalog::set_medicare_years_json` (and
//! `--data DIR`) read another copy in its place.

use serde::Serialize;

use crate::error::{at, Error, ErrorKind, ErrorPath, Param};
use crate::json::json_object;
use crate::money::Money;
use crate::plan::{is_link_on, Citation};

/// `data/medicare-years.json`, as the engine carries it.
pub const BUILT_IN: &str = include_str!("../data/medicare-years.json");

/// The file's name, for errors.
pub const FILE: &str = "medicare-years.json";

/// Where a source may link to: CMS's and Medicare's sites and the regulation sites plan files
/// cite (https only).
pub const SOURCE_HOSTS: &[&str] = &["www.cms.gov", "www.medicare.gov", "www.ecfr.gov", "www.law.cornell.edu", "www.govinfo.gov"];

#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct MedicareYears {
    pub description: String,
    pub years: Vec<MedicareYear>,
}

/// One calendar year's figures.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct MedicareYear {
    pub year: u16,
    pub part_d: PartD,
    /// Medicare Part B's standard monthly premium, paid to Medicare whichever plan a member
    /// takes (`null` where not yet published).
    pub part_b_standard_premium: Option<Figure>,
}

/// Part D's figures for a year.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct PartD {
    /// Once a member's Part D out-of-pocket costs reach it, covered Part D drugs cost nothing
    /// more that year.
    pub out_of_pocket_threshold: Figure,
    /// The most a Part D plan's deductible may be (the plans here have none).
    pub standard_deductible: Figure,
    /// The most a covered insulin costs for a month's supply, with no deductible.
    pub insulin_monthly_limit: Figure,
}

/// An amount and where it comes from.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Figure {
    pub amount: Money,
    pub source: Source,
}

/// Who published a figure, where and when; and, where a plan document states it too, that line.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Source {
    pub publisher: String,
    pub title: String,
    /// When it was published: `YYYY-MM-DD`.
    pub date: String,
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<Citation>,
}

json_object!(MedicareYears { description: req, years: req });
json_object!(MedicareYear { year: req, part_d: req, part_b_standard_premium: opt });
json_object!(PartD { out_of_pocket_threshold: req, standard_deductible: req, insulin_monthly_limit: req });
json_object!(Figure { amount: req, source: req });
json_object!(Source { publisher: req, title: req, date: req, url: req, document: opt });

impl MedicareYears {
    /// Reads and checks the file's text (`origin` names it in errors).
    pub fn from_json(origin: &str, text: &str) -> Result<MedicareYears, Error> {
        let years: MedicareYears = crate::json::parse(origin, text)?;
        years.check(origin)?;
        Ok(years)
    }

    /// The copy compiled in; none if it does not read (a test holds it to reading).
    pub fn built_in() -> MedicareYears {
        MedicareYears::from_json(FILE, BUILT_IN).unwrap_or_default()
    }

    /// The figures of `year`, if the file has them.
    pub fn get(&self, year: u16) -> Option<&MedicareYear> {
        self.years.iter().find(|y| y.year == year)
    }

    /// The figures of `year`, or the error naming the year (at `path` of `origin`) and the
    /// years there are.
    pub fn for_year(&self, year: u16, origin: &str, path: ErrorPath) -> Result<&MedicareYear, Error> {
        self.get(year).ok_or_else(|| {
            let known = self.years.iter().map(|y| y.year.to_string()).collect();
            Error::at(origin, path, ErrorKind::no_medicare_year(year, known))
        })
    }

    fn check(&self, origin: &str) -> Result<(), Error> {
        let fail = |path: ErrorPath, rule, params| Err(Error::at(origin, path, ErrorKind::data(rule, params)));
        if self.description.trim().is_empty() {
            return Err(Error::at(origin, at!["description"], ErrorKind::empty()));
        }
        for (i, y) in self.years.iter().enumerate() {
            if !(1990..=2100).contains(&y.year) {
                return Err(Error::at(origin, at!["years", i, "year"], ErrorKind::out_of_range(1990, 2100, y.year.into())));
            }
            if self.years[..i].iter().any(|o| o.year == y.year) {
                return fail(at!["years", i, "year"], "\"{value}\" is listed twice", vec![("value", Param::Text(y.year.to_string()))]);
            }
            let figures = [
                (&y.part_d.out_of_pocket_threshold, at!["years", i, "part_d", "out_of_pocket_threshold"]),
                (&y.part_d.standard_deductible, at!["years", i, "part_d", "standard_deductible"]),
                (&y.part_d.insulin_monthly_limit, at!["years", i, "part_d", "insulin_monthly_limit"]),
            ];
            let part_b = y.part_b_standard_premium.as_ref().map(|f| (f, at!["years", i, "part_b_standard_premium"]));
            for (f, path) in figures.into_iter().chain(part_b) {
                if f.amount.is_zero() {
                    return fail(path.and("amount"), "a figure of Medicare's is more than zero", vec![]);
                }
                let s = &f.source;
                for (field, text) in [("publisher", &s.publisher), ("title", &s.title)] {
                    if text.trim().is_empty() {
                        return Err(Error::at(origin, path.and("source").and(field), ErrorKind::empty()));
                    }
                }
                if !is_date(&s.date) {
                    return fail(path.and("source").and("date"), "a date written YYYY-MM-DD (got \"{value}\")", vec![("value", Param::from(&s.date))]);
                }
                if !is_link_on(&s.url, SOURCE_HOSTS) {
                    return Err(Error::at(origin, path.and("source").and("url"), ErrorKind::link(&s.url, SOURCE_HOSTS)));
                }
                if s.document.as_ref().is_some_and(|d| d.file.is_none()) {
                    return Err(Error::at(origin, path.and("source").and("document"), ErrorKind::missing_field("file")));
                }
            }
        }
        Ok(())
    }
}

/// `YYYY-MM-DD`, digits where digits belong.
fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10 && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_copy_reads_and_has_2025_and_2026() {
        let years = MedicareYears::from_json(FILE, BUILT_IN).unwrap();
        assert_eq!(years, MedicareYears::built_in());
        let m = |t: &str| Money::parse(t).unwrap();
        let y2025 = years.get(2025).unwrap();
        assert_eq!(y2025.part_d.out_of_pocket_threshold.amount, m("2000.00"));
        assert_eq!(y2025.part_d.standard_deductible.amount, m("590.00"));
        assert_eq!(y2025.part_d.insulin_monthly_limit.amount, m("35.00"));
        assert_eq!(y2025.part_b_standard_premium.as_ref().unwrap().amount, m("185.00"));
        let y2026 = years.get(2026).unwrap();
        assert_eq!(y2026.part_d.out_of_pocket_threshold.amount, m("2100.00"));
        assert_eq!(y2026.part_d.standard_deductible.amount, m("615.00"));
        assert!(years.get(2024).is_none());
    }

    #[test]
    fn a_year_without_figures_is_refused_naming_it() {
        let e = MedicareYears::built_in().for_year(2024, "kp-x.json", at!["year"]).unwrap_err();
        assert_eq!((e.field().as_str(), e.code().as_str()), ("year", "unknown_value"));
        assert_eq!(e.message(), "no Medicare figures for 2024 in data/medicare-years.json (it has 2025, 2026)");
    }

    #[test]
    fn a_bad_file_is_refused_naming_the_field() {
        let good = BUILT_IN;
        for (from, to, field) in [
            ("\"year\": 2026", "\"year\": 2025", "years[1].year"),
            ("\"amount\": \"2000.00\"", "\"amount\": \"0.00\"", "years[0].part_d.out_of_pocket_threshold.amount"),
            ("\"date\": \"2024-04-01\"", "\"date\": \"April 2024\"", "years[0].part_d.out_of_pocket_threshold.source.date"),
            ("https://www.cms.gov/files/document/2025-announcement.pdf", "http://example.org/x", "years[0].part_d.out_of_pocket_threshold.source.url"),
            ("\"amount\": \"590.00\"", "\"amount\": 590", "years[0].part_d.standard_deductible.amount"),
        ] {
            let text = good.replacen(from, to, 1);
            assert_ne!(text, good, "{from}");
            let e = MedicareYears::from_json(FILE, &text).unwrap_err();
            assert_eq!(e.field().as_str(), field, "{e}");
        }
    }
}
