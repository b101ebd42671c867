//! Each year's Medicare figures (`data/medicare-years.json`): the Part D out-of-pocket
//! threshold, the standard Part D deductible, the insulin limit and Part B's standard premium,
//! each with its source. They are the law's and CMS's, not a plan document's, so they live
//! apart from the plan files; a plan with Part D is accepted only for a year whose Part D
//! figures are listed here (`Catalog::add_plan`), and the Medicare Prescription Payment Plan
//! spreads bills up to the year's threshold (docs/domain.md, "The Medicare Prescription Payment
//! Plan"). Part B's premium is named beside an estimate's total for the members with Part B
//! and in the plan view, never added (docs/domain.md, "Medicare plans"); a year may give it
//! alone (2022: the FEHB brochures of that year have no Part D).
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
    /// Absent for a year listed for Part B's premium alone.
    pub part_d: Option<PartD>,
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
    /// The source's own words for the figure, where given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<Citation>,
}

json_object!(MedicareYears { description: req, years: req });
json_object!(MedicareYear { year: req, part_d: opt, part_b_standard_premium: opt });
json_object!(PartD { out_of_pocket_threshold: req, standard_deductible: req, insulin_monthly_limit: req });
json_object!(Figure { amount: req, source: req });
json_object!(Source { publisher: req, title: req, date: req, url: req, quote: opt, document: opt });

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

    /// The Part D figures of `year`, or the error naming the year (at `path` of `origin`) and
    /// the years that have them.
    pub fn part_d(&self, year: u16, origin: &str, path: ErrorPath) -> Result<&PartD, Error> {
        self.get(year).and_then(|y| y.part_d.as_ref()).ok_or_else(|| {
            let known = self.years.iter().filter(|y| y.part_d.is_some()).map(|y| y.year.to_string()).collect();
            Error::at(origin, path, ErrorKind::no_medicare_year(year, known))
        })
    }

    /// Part B's standard monthly premium of `year`, if the file has it.
    pub fn part_b(&self, year: u16) -> Option<&Figure> {
        self.get(year).and_then(|y| y.part_b_standard_premium.as_ref())
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
            if y.part_d.is_none() && y.part_b_standard_premium.is_none() {
                return Err(Error::at(origin, at!["years", i, "part_d"], ErrorKind::missing_field("part_d")));
            }
            let figures = y.part_d.as_ref().map(|d| {
                [
                    (&d.out_of_pocket_threshold, at!["years", i, "part_d", "out_of_pocket_threshold"]),
                    (&d.standard_deductible, at!["years", i, "part_d", "standard_deductible"]),
                    (&d.insulin_monthly_limit, at!["years", i, "part_d", "insulin_monthly_limit"]),
                ]
            });
            let part_b = y.part_b_standard_premium.as_ref().map(|f| (f, at!["years", i, "part_b_standard_premium"]));
            for (f, path) in figures.into_iter().flatten().chain(part_b) {
                if f.amount.is_zero() {
                    return fail(path.and("amount"), "a figure of Medicare's is more than zero", vec![]);
                }
                let s = &f.source;
                let texts = [("publisher", Some(&s.publisher)), ("title", Some(&s.title)), ("quote", s.quote.as_ref())];
                for (field, text) in texts.iter().filter_map(|(f, t)| t.map(|t| (*f, t))) {
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
    fn the_built_in_copy_reads_and_has_2025_and_2026_and_2022s_part_b() {
        let years = MedicareYears::from_json(FILE, BUILT_IN).unwrap();
        assert_eq!(years, MedicareYears::built_in());
        let m = |t: &str| Money::parse(t).unwrap();
        let d2025 = years.part_d(2025, FILE, at!["year"]).unwrap();
        assert_eq!(d2025.out_of_pocket_threshold.amount, m("2000.00"));
        assert_eq!(d2025.standard_deductible.amount, m("590.00"));
        assert_eq!(d2025.insulin_monthly_limit.amount, m("35.00"));
        assert_eq!(years.part_b(2025).unwrap().amount, m("185.00"));
        assert!(years.part_b(2025).unwrap().source.quote.as_deref().unwrap().contains("$185.00"));
        let d2026 = years.part_d(2026, FILE, at!["year"]).unwrap();
        assert_eq!(d2026.out_of_pocket_threshold.amount, m("2100.00"));
        assert_eq!(d2026.standard_deductible.amount, m("615.00"));
        assert_eq!(years.part_b(2026).unwrap().amount, m("202.90"));
        // 2022: Part B's premium alone (the FEHB brochures of that year).
        assert_eq!(years.part_b(2022).unwrap().amount, m("170.10"));
        assert!(years.get(2022).unwrap().part_d.is_none());
        assert!(years.get(2024).is_none() && years.part_b(2024).is_none());
    }

    #[test]
    fn a_year_without_figures_is_refused_naming_it() {
        let e = MedicareYears::built_in().part_d(2024, "kp-x.json", at!["year"]).unwrap_err();
        assert_eq!((e.field().as_str(), e.code().as_str()), ("year", "unknown_value"));
        assert_eq!(e.message(), "no Medicare Part D figures for 2024 in data/medicare-years.json (it has 2025, 2026)");
        // A year with Part B's premium alone has no Part D figures.
        let e = MedicareYears::built_in().part_d(2022, "kp-x.json", at!["year"]).unwrap_err();
        assert_eq!(e.message(), "no Medicare Part D figures for 2022 in data/medicare-years.json (it has 2025, 2026)");
    }

    #[test]
    fn a_bad_file_is_refused_naming_the_field() {
        let good = BUILT_IN;
        for (from, to, field) in [
            ("\"year\": 2026", "\"year\": 2025", "years[2].year"),
            ("\"amount\": \"2000.00\"", "\"amount\": \"0.00\"", "years[1].part_d.out_of_pocket_threshold.amount"),
            ("\"date\": \"2024-04-01\"", "\"date\": \"April 2024\"", "years[1].part_d.out_of_pocket_threshold.source.date"),
            ("https://www.cms.gov/files/document/2025-announcement.pdf", "http://example.org/x", "years[1].part_d.out_of_pocket_threshold.source.url"),
            ("\"amount\": \"590.00\"", "\"amount\": 590", "years[1].part_d.standard_deductible.amount"),
            ("\"amount\": \"170.10\"", "\"amount\": \"0.00\"", "years[0].part_b_standard_premium.amount"),
            ("https://www.cms.gov/newsroom/fact-sheets/2022-", "https://example.org/", "years[0].part_b_standard_premium.source.url"),
            ("\"quote\": \"The standard monthly premium for Medicare Part B enrollees will be $170.10 for 2022\"", "\"quote\": \" \"", "years[0].part_b_standard_premium.source.quote"),
        ] {
            let text = good.replacen(from, to, 1);
            assert_ne!(text, good, "{from}");
            let e = MedicareYears::from_json(FILE, &text).unwrap_err();
            assert_eq!(e.field().as_str(), field, "{e}");
        }
    }
}
