//! Usage presets: typical years of care for one person (`data/usage-presets.json`), so a
//! visitor gets a sensible estimate in two clicks and can refine it. A preset with a
//! `cms_decile` (low, medium, high) is the CMS table's row for the person's own age group,
//! from the file's `cms_rows`: [`Presets::for_age`] (docs/decisions.md 46).

use serde::Serialize;

use crate::error::{at, Error, ErrorKind, Param};
use crate::json::json_object;
use crate::map::SortedMap;
use crate::money::Money;
use crate::scenario::ServiceUse;
use crate::utilization::{year_key, Level, Sex, AGE_GROUPS};

/// The levels a `cms_decile` preset may take: the table's deciles, not its condition rows.
const DECILES: &[&str] = &["1", "2", "3", "4", "5", "5.5", "6", "7", "8", "9", "10"];
use crate::vocab::{Unit, Vocabulary, Words};

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Presets {
    pub description: String,
    pub presets: SortedMap<String, Preset>,
    /// The CMS table's rows a preset with a `cms_decile` takes, one per age group, keyed as
    /// `data/cms-years.json`'s (`both 35-44 5.5`: the mean of both sexes); [`Presets::for_age`]
    /// resolves a preset for a person's age (docs/decisions.md 46).
    #[serde(skip_serializing_if = "SortedMap::is_empty")]
    pub cms_rows: SortedMap<String, Preset>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Preset {
    pub label: Words,
    pub description: Words,
    /// Where the mix of care comes from, and which parts are the project's own choice.
    pub source: String,
    /// `true` where no public source gives the mix of care (the hospital stay).
    pub illustrative: bool,
    /// The published example's total allowed amount (a CMS coverage example's "total example
    /// cost"): every use then gives its per-claim `allowed`, and they add up to exactly this.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_allowed: Option<Money>,
    /// A typical year that is the CMS table's row at this decile for the person's own age
    /// group (the file's `cms_rows`): it lists no services of its own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cms_decile: Option<Level>,
    pub services: Vec<PresetUse>,
}

impl Preset {
    /// The allowed amounts the preset gives, added up (count × per-claim allowed); `None` if
    /// some use gives none.
    pub fn allowed_sum(&self) -> Option<Money> {
        let mut total = Money::ZERO;
        for u in &self.services {
            total = total.checked_add(u.allowed?.checked_mul_int(u.count)?)?;
        }
        Some(total)
    }
}

/// One kind of care in a preset; stays give `days`, fills `days_supply`; `allowed` (per claim)
/// where the preset follows a published example's amounts rather than the typical prices.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct PresetUse {
    pub service: String,
    pub count: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_supply: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admitted: Option<bool>,
}

impl PresetUse {
    /// This use as `member`'s care in a scenario: its counts, amounts, days and supply as the
    /// preset gives them.
    pub fn service_use(&self, member: String) -> ServiceUse {
        ServiceUse {
            member,
            service: self.service.clone(),
            count: Some(self.count),
            allowed: self.allowed,
            days: self.days,
            days_supply: self.days_supply,
            channel: None,
            network: None,
            billed: None,
            admitted: self.admitted,
            month: None,
            months: None,
        }
    }
}

json_object!(Presets { description: req, presets: req, cms_rows: or_default });

json_object!(Preset {
    label: req,
    description: req,
    source: req,
    illustrative: or_default,
    total_allowed: opt,
    cms_decile: opt,
    services: or_default,
});

json_object!(PresetUse { service: req, count: req, allowed: opt, days: opt, days_supply: opt, admitted: opt });

impl Presets {
    /// Presets may use only the service ids every plan prices, so each applies to any plan.
    pub fn from_json(origin: &str, text: &str, vocab: &Vocabulary) -> Result<Presets, Error> {
        let p: Presets = crate::json::parse(origin, text)?;
        for (name, preset) in &p.presets {
            let Some(level) = preset.cms_decile else {
                check(origin, "presets", name, preset, vocab)?;
                continue;
            };
            let bad = |at, rule, params| Err(Error::at(origin, at, ErrorKind::data(rule, params)));
            if !preset.services.is_empty() {
                return bad(at!["presets", name, "services"], "a preset with a cms_decile lists no services: they are its age group's row's", vec![]);
            }
            if !level.is_decile() {
                return Err(Error::at(origin, at!["presets", name, "cms_decile"], ErrorKind::unknown_value(level.as_str(), DECILES)));
            }
            for (_, age) in AGE_GROUPS {
                let key = year_key(level, age, None);
                if !p.cms_rows.get(&key).is_some_and(|r| r.total_allowed.is_some()) {
                    return bad(at!["cms_rows"], "no row \"{value}\" with its total_allowed", vec![("value", (&key).into())]);
                }
            }
        }
        for (key, row) in &p.cms_rows {
            if row.cms_decile.is_some() {
                return Err(Error::at(origin, at!["cms_rows", key, "cms_decile"], ErrorKind::data("a row lists its services", vec![])));
            }
            check(origin, "cms_rows", key, row, vocab)?;
        }
        Ok(p)
    }

    /// The preset `id` for a person of `age`: itself, or, for a preset with a `cms_decile`, the
    /// table's row at that decile for the person's age group (65 and over: the oldest, 55+).
    /// The one place the engine resolves a typical year (the census prices through it).
    pub fn for_age(&self, id: &str, age: u32) -> Option<&Preset> {
        let preset = self.presets.get(id)?;
        match preset.cms_decile {
            Some(level) => self.cms_rows.get(&year_key(level, age, None)),
            None => Some(preset),
        }
    }

    /// Reads `data/cms-years.json` (the presets format: each row's claims add up to its
    /// `total_allowed`, checked as for any preset) and checks that it has every row.
    pub fn cms_years_from_json(origin: &str, text: &str, vocab: &Vocabulary) -> Result<Presets, Error> {
        let years = Presets::from_json(origin, text, vocab)?;
        for level in Level::all() {
            for sex in [Some(Sex::Female), Some(Sex::Male), None] {
                for (_, age) in AGE_GROUPS {
                    let key = year_key(level, age, sex);
                    if !years.presets.get(&key).is_some_and(|p| p.total_allowed.is_some()) {
                        return Err(Error::at(origin, at!["presets"], ErrorKind::data("no row \"{value}\" with its total_allowed", vec![("value", (&key).into())])));
                    }
                }
            }
        }
        Ok(years)
    }
}

/// One preset's (or row's) care: at least one use, each of a service every plan prices, counts
/// and days in range, and the per-claim amounts adding up to its `total_allowed`.
fn check(origin: &str, list: &str, name: &str, preset: &Preset, vocab: &Vocabulary) -> Result<(), Error> {
    let bad = |at, rule, params| Err(Error::at(origin, at, ErrorKind::data(rule, params)));
    if preset.services.is_empty() {
        return bad(at![list, name, "services"], "a preset has at least one service", vec![]);
    }
    for (i, u) in preset.services.iter().enumerate() {
        let at = |f: &str| at![list, name, "services", i, f];
        let Some(known) = vocab.service(&u.service).filter(|s| s.in_every_plan) else {
            return Err(Error::at(origin, at("service"), ErrorKind::not_in_every_plan(&u.service)));
        };
        let range = |value: u32| ErrorKind::out_of_range(1, 366, value.into());
        if u.count == 0 || u.count > 366 {
            return Err(Error::at(origin, at("count"), range(u.count)));
        }
        if let Some(d) = u.days.filter(|&d| d == 0 || d > 366) {
            return Err(Error::at(origin, at("days"), range(d)));
        }
        if let Some(d) = u.days_supply.filter(|&d| d == 0 || d > 366) {
            return Err(Error::at(origin, at("days_supply"), range(d)));
        }
        let service = || -> (&'static str, Param) { ("service", (&u.service).into()) };
        if u.days.is_some() != (known.unit == Unit::Admission) {
            let unit = ("unit", Param::Text(known.unit.as_str().into()));
            return bad(at("days"), "a stay gives its days, and only a stay: {service} is a {unit}", vec![service(), unit]);
        }
        if u.days_supply.is_some() && known.unit != Unit::Fill {
            return bad(at("days_supply"), "{service} is not a prescription fill", vec![service()]);
        }
        if preset.total_allowed.is_some() && u.allowed.is_none() {
            return bad(at("allowed"), "missing: a preset with a total_allowed gives every use its allowed amount", vec![]);
        }
    }
    if let Some(total) = preset.total_allowed {
        let sum = preset.allowed_sum().ok_or_else(|| Error::at(origin, at![list, name, "services"], ErrorKind::overflow()))?;
        if sum != total {
            let params = vec![("sum", sum.into()), ("total", total.into())];
            return bad(at![list, name, "total_allowed"], "the uses add up to {sum}, not {total}", params);
        }
    }
    Ok(())
}
