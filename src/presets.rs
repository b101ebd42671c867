//! Usage presets: typical years of care for one person (`data/usage-presets.json`), so a
//! visitor gets a sensible estimate in two clicks and can refine it.

use serde::Serialize;

use crate::error::{shown, Code, Error};
use crate::json::json_object;
use crate::map::SortedMap;
use crate::money::Money;
use crate::vocab::{Unit, Vocabulary, Words};

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Presets {
    pub description: String,
    pub presets: SortedMap<String, Preset>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Preset {
    pub label: Words,
    pub description: Words,
    /// Where the mix of care comes from; the counts are marked illustrative where no source
    /// gives them.
    pub source: String,
    pub illustrative: bool,
    pub services: Vec<PresetUse>,
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

json_object!(Presets { description: req, presets: req });

json_object!(Preset {
    label: req,
    description: req,
    source: req,
    illustrative: or_default,
    services: req,
});

json_object!(PresetUse { service: req, count: req, allowed: opt, days: opt, days_supply: opt, admitted: opt });

impl Presets {
    /// Presets may use only the service ids every plan prices, so each applies to any plan.
    pub fn from_json(origin: &str, text: &str, vocab: &Vocabulary) -> Result<Presets, Error> {
        let p: Presets = crate::json::parse(origin, text)?;
        let bad = |field: String, message: String| Err(Error::new(origin, field, Code::InvalidData, message));
        for (name, preset) in &p.presets {
            if preset.services.is_empty() {
                return bad(format!("presets.{name}.services"), "a preset has at least one service".into());
            }
            for (i, u) in preset.services.iter().enumerate() {
                let at = |f: &str| format!("presets.{name}.services[{i}].{f}");
                let Some(known) = vocab.service(&u.service).filter(|s| s.in_every_plan) else {
                    return Err(Error::new(origin, at("service"), Code::UnknownService, format!("\"{}\" is not a service every plan prices", shown(&u.service))));
                };
                if u.count == 0 || u.count > 366 {
                    return Err(Error::new(origin, at("count"), Code::OutOfRange, "from 1 to 366"));
                }
                if u.days.is_some_and(|d| d == 0 || d > 366) {
                    return Err(Error::new(origin, at("days"), Code::OutOfRange, "from 1 to 366"));
                }
                if u.days_supply.is_some_and(|d| d == 0 || d > 366) {
                    return Err(Error::new(origin, at("days_supply"), Code::OutOfRange, "from 1 to 366"));
                }
                if u.days.is_some() != (known.unit == Unit::Admission) {
                    return bad(at("days"), format!("a stay gives its days, and only a stay: {} is a {}", u.service, known.unit.as_str()));
                }
                if u.days_supply.is_some() && known.unit != Unit::Fill {
                    return bad(at("days_supply"), format!("{} is not a prescription fill", u.service));
                }
            }
        }
        Ok(p)
    }
}
