//! A member's year of care from the CMS utilization table (docs/domain.md, "Odds";
//! docs/decisions.md 16 and 17).
//!
//! A member may give `"usage": {"cms_decile": "3"}` (or `"5.5"`, `"maternity"`, `"diabetes"`)
//! and `"sex"` instead of listing care: the engine (`src/engine/usage.rs`) adds the row's care
//! to the member's uses, claims whose allowed amounts add up, to the cent, to the row's annual
//! cost (times the scenario's stated `price_factor`, if any). Without `sex` the member takes
//! the mean of the female and male rows; from 65 on, the table's oldest group (55+), and the
//! result says so.
//!
//! The rows as claims are `data/cms-years.json`, derived from the CMS figures
//! (`data/cms-utilization.json`) by `src/cms_table.rs` (native only) and written as usage
//! presets, one per row: the engine, the CLI and the WebAssembly module read the claims with
//! the presets' reader (`Presets::cms_years_from_json`), so the module carries neither the
//! table's figures nor the arithmetic that turns a fractional use per year into claims
//! (docs/decisions.md 17: its size).
//!
//! This module holds what a scenario says (the types a member's `usage`, `sex` and the
//! scenario's `price_factor` are read as) and the rows' keys; it depends on nothing of the
//! engine's, so `scenario` can use it without a circle (`tests/modules.rs`).

use serde::Serialize;

use crate::error::{at, Error, ErrorKind, Expected};
use crate::json::{fail, json_object, named_enum, FromJson, Path, Read, Reader};
use crate::money::Percent;

named_enum! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Sex {
        Female = "female",
        Male = "male",
    }
}

/// A row of the table: a utilization decile ("1" … "10", and "5.5" between 5 and 6), or the
/// Maternity or Diabetes row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Level(usize);

/// The levels as written, in order; the last two are not deciles.
pub const LEVELS: [&str; 13] = ["1", "2", "3", "4", "5", "5.5", "6", "7", "8", "9", "10", "maternity", "diabetes"];
/// The table's age groups, youngest first, with the first age of each.
pub const AGE_GROUPS: [(&str, u32); 7] = [("0-5", 0), ("6-17", 6), ("18-25", 18), ("26-34", 26), ("35-44", 35), ("45-54", 45), ("55+", 55)];

impl Level {
    pub fn as_str(self) -> &'static str {
        LEVELS[self.0]
    }

    /// A decile row (by age group and sex), not Maternity or Diabetes.
    pub fn is_decile(self) -> bool {
        self.0 < 11
    }

    /// Every level, the eleven deciles first.
    pub fn all() -> impl Iterator<Item = Level> {
        (0..LEVELS.len()).map(Level)
    }

    pub fn parse(text: &str) -> Option<Level> {
        LEVELS.iter().position(|l| *l == text).map(Level)
    }
}

impl FromJson for Level {
    fn read(r: &mut Reader, at: Path) -> Read<Self> {
        let text = r.string(at, Expected::OneOf(&LEVELS))?;
        match Level::parse(&text) {
            Some(l) => Ok(l),
            None => fail(at, ErrorKind::unknown_value(&text, &LEVELS)),
        }
    }
}

impl Serialize for Level {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A member's `usage`: the row of the CMS table their year of care is.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
pub struct Usage {
    pub cms_decile: Level,
}

json_object!(Usage { cms_decile: req });

/// A factor the table's 2014 prices are multiplied by, with where it comes from: stated, never
/// assumed (the result repeats it in `assumptions`). The factor is a decimal string above 0 and
/// at most 10 ("1.138"), checked with the scenario's shape ([`PriceFactor::value`]).
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct PriceFactor {
    pub factor: String,
    pub source: String,
}

json_object!(PriceFactor { factor: req, source: req });

/// The longest `price_factor.source`, in characters.
pub const MAX_SOURCE_CHARS: usize = 500;

impl PriceFactor {
    /// The factor in millionths, if it is a decimal above 0 and at most 10 with at most six
    /// decimal places.
    pub fn millionths(&self) -> Option<u64> {
        let value = Percent::parse(&self.factor).ok()?.value();
        let places = self.factor.split_once('.').map_or(0, |(_, f)| f.len());
        let m = u64::try_from(value.mantissa()).ok()?.checked_mul(10u64.checked_pow(6 - value.scale().min(6))?)?;
        (places <= 6 && m > 0 && m <= 10_000_000).then_some(m)
    }

    /// The shape of a price factor: its value and its source.
    pub fn check(&self) -> Result<(), Error> {
        if self.millionths().is_none() {
            return Err(Error::at("scenario", at!["price_factor", "factor"], ErrorKind::price_factor(&self.factor)));
        }
        let source = at!["price_factor", "source"];
        if self.source.trim().is_empty() {
            return Err(Error::at("scenario", source, ErrorKind::empty()));
        }
        if self.source.chars().count() > MAX_SOURCE_CHARS {
            return Err(Error::at("scenario", source, ErrorKind::too_long(MAX_SOURCE_CHARS as u64)));
        }
        if self.source.chars().any(crate::error::is_forbidden) {
            return Err(Error::at("scenario", source, ErrorKind::control_character(&self.source)));
        }
        Ok(())
    }
}

/// The table's age group for an age (65 and over: "55+", the oldest it has).
pub fn age_group(age: u32) -> &'static str {
    AGE_GROUPS.iter().rev().find(|(_, from)| age >= *from).map_or("0-5", |(g, _)| g)
}

// ---- the rows as claims (data/cms-years.json) ------------------------------------------------

/// The key of a row's year in `data/cms-years.json` (a presets file: each row a preset): `female
/// 35-44 3`, `male 55+ 5.5`, `both 6-17 10` (the mean of the two sexes' rows), `maternity`,
/// `diabetes`. Every decile has its own key; a combined row of the table is repeated.
pub fn year_key(level: Level, age: u32, sex: Option<Sex>) -> String {
    if level.is_decile() {
        format!("{} {} {}", sex.map_or("both", |s| s.as_str()), age_group(age), level.as_str())
    } else {
        level.as_str().to_string()
    }
}
