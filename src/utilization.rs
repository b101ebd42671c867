//! A member's year of care from the CMS utilization table (docs/domain.md, "Odds";
//! docs/decisions.md 16 and 17).
//!
//! A member may give `"usage": {"cms_decile": "3"}` (or `"5.5"`, `"maternity"`, `"diabetes"`)
//! and `"sex"` instead of listing care: [`resolve`] adds the row's care to the member's uses,
//! claims whose allowed amounts add up, to the cent, to the row's annual cost (times the
//! scenario's stated `price_factor`, if any). Without `sex` the member takes the mean of the
//! female and male rows; from 65 on, the table's oldest group (55+), and the result says so.
//!
//! The rows as claims are `data/cms-years.json`, derived from the CMS figures
//! (`data/cms-utilization.json`) by `src/cms_table.rs` (native only) and written as usage
//! presets, one per row: the engine, the CLI and the WebAssembly module read the claims with
//! the presets' reader, so the module carries neither the table's figures nor the arithmetic
//! that turns a fractional use per year into claims (docs/decisions.md 17: its size).

use std::borrow::Cow;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::engine::Assumed;
use crate::error::{shown, Code, Error};
use crate::json::{fail, json_object, named_enum, FromJson, Path, Read, Reader};
use crate::money::{Money, Percent};
use crate::presets::{PresetUse, Presets};
use crate::scenario::Scenario;
use crate::vocab::Vocabulary;

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
        let text = r.string(at, "a decile (\"1\" to \"10\", or \"5.5\"), \"maternity\" or \"diabetes\"")?;
        match Level::parse(&text) {
            Some(l) => Ok(l),
            None => fail(at, Code::UnknownValue, format!("unknown value `{}`, expected \"1\" to \"10\", \"5.5\", \"maternity\" or \"diabetes\"", shown(&text))),
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
            return Err(Error::new("scenario", "price_factor.factor", Code::OutOfRange, format!("a factor above 0 and at most 10, with at most six decimal places, written as a string such as \"1.138\" (got \"{}\")", shown(&self.factor))));
        }
        if self.source.trim().is_empty() || self.source.len() > 500 || self.source.chars().any(char::is_control) {
            return Err(Error::new("scenario", "price_factor.source", Code::InvalidText, "where the factor comes from: 1 to 500 characters, no control characters"));
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

/// Reads `data/cms-years.json` (the presets format: each row's claims add up to its
/// `total_allowed`, checked as for any preset) and checks that it has every row.
pub fn years_from_json(origin: &str, text: &str, vocab: &Vocabulary) -> Result<Presets, Error> {
    let years = Presets::from_json(origin, text, vocab)?;
    for level in Level::all() {
        for sex in [Some(Sex::Female), Some(Sex::Male), None] {
            for (_, age) in AGE_GROUPS {
                let key = year_key(level, age, sex);
                if !years.presets.get(&key).is_some_and(|p| p.total_allowed.is_some()) {
                    return Err(Error::new(origin, "presets", Code::InvalidData, format!("no row \"{key}\" with its total_allowed")));
                }
            }
        }
    }
    Ok(years)
}

/// `amount` times a factor in millionths, rounded to the cent half up (whole cents: no decimal
/// arithmetic, docs/decisions.md 17).
fn times(amount: Money, millionths: u64) -> Option<Money> {
    let d = amount.value();
    let cents = u64::try_from(d.mantissa()).ok()?.checked_mul(10u64.checked_pow(2u32.checked_sub(d.scale())?)?)?;
    let scaled = cents.checked_mul(millionths)?.checked_add(500_000)? / 1_000_000;
    Some(Money::from_decimal(Decimal::new(i64::try_from(scaled).ok()?, 2)))
}

/// The row's claims with each allowed amount times the factor, rounded to the cent; one claim
/// of the largest takes what rounding left, so that they add up to `target`.
fn scaled(care: &[PresetUse], millionths: u64, target: Money) -> Option<Vec<PresetUse>> {
    let mut out: Vec<PresetUse> = Vec::with_capacity(care.len() + 1);
    let mut sum = Money::ZERO;
    for u in care {
        let each = times(u.allowed?, millionths)?;
        sum = sum.checked_add(each.checked_mul_int(u.count)?)?;
        out.push(PresetUse { allowed: Some(each), ..u.clone() });
    }
    let last = out.iter().enumerate().max_by_key(|(_, u)| u.allowed)?.0;
    let each = out[last].allowed?;
    let one = if target >= sum { each.checked_add(target.saturating_sub(sum))? } else { each.saturating_sub(sum.saturating_sub(target)) };
    out[last].count -= 1;
    out.push(PresetUse { allowed: Some(one), count: 1, ..out[last].clone() });
    out.retain(|u| u.count > 0 && u.allowed.is_some_and(|a| !a.is_zero()));
    Some(out)
}

/// The scenario with each `usage` member's year from the table added after the care it lists,
/// and what was assumed to do so (for the result's `assumptions`). A scenario without a
/// `usage` comes back as it is; one already resolved, with its assumptions only.
pub fn resolve<'s>(catalog: &Catalog, scenario: &'s Scenario) -> Result<(Cow<'s, Scenario>, Vec<Assumed>), Error> {
    if !scenario.members.iter().any(|m| m.usage.is_some()) {
        if scenario.price_factor.is_some() {
            return Err(Error::new("scenario", "price_factor", Code::NotApplicable, "a price factor scales the CMS table's prices: no member has a `usage`"));
        }
        return Ok((Cow::Borrowed(scenario), Vec::new()));
    }
    let mut assumed = Vec::new();
    let mut added = Vec::new();
    for (i, m) in scenario.members.iter().enumerate() {
        let Some(usage) = m.usage else { continue };
        let level = usage.cms_decile;
        let row = year_key(level, m.age, m.sex);
        let Some(year) = catalog.cms_years().and_then(|y| y.presets.get(&row)) else {
            return Err(Error::new("scenario", format!("members[{i}].usage"), Code::NotApplicable, "the CMS utilization table is not loaded (data/cms-years.json)"));
        };
        let Some(total) = year.total_allowed else { continue };
        let (care, allowed) = match scenario.price_factor.as_ref().map(PriceFactor::millionths) {
            None => (Cow::Borrowed(&year.services), total),
            Some(factor) => {
                let scaled = factor.and_then(|f| {
                    let target = times(total, f)?;
                    Some((scaled(&year.services, f, target)?, target))
                });
                let Some((care, target)) = scaled else {
                    return Err(Error::new("scenario", "price_factor.factor", Code::OutOfRange, "a factor above 0 and at most 10"));
                };
                (Cow::Owned(care), target)
            }
        };
        assumed.push(Assumed::CmsUsage { member: m.id.clone(), row, allowed });
        if level.is_decile() && m.age >= 65 {
            assumed.push(Assumed::CmsOldestGroup { member: m.id.clone() });
        }
        added.extend(care.iter().map(|u| u.service_use(m.id.clone())));
    }
    if let Some(p) = &scenario.price_factor {
        assumed.push(Assumed::PriceFactor { factor: p.factor.clone(), source: p.source.clone() });
    }
    if scenario.usage_resolved {
        return Ok((Cow::Borrowed(scenario), assumed));
    }
    let mut s = scenario.clone();
    s.services.extend(added);
    s.usage_resolved = true;
    Ok((Cow::Owned(s), assumed))
}
