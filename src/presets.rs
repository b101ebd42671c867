//! Usage presets: typical years of care for one person (`data/usage-presets.json`), so a
//! visitor gets a sensible estimate in two clicks and can refine it.

use crate::map::SortedMap;

use serde::Serialize;

use crate::error::Error;
use crate::json::json_object;
use crate::plan::REQUIRED_SERVICES;

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Presets {
    pub description: String,
    pub presets: SortedMap<String, Preset>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Preset {
    pub label: String,
    pub description: String,
    /// Where the mix of care comes from; the counts are marked illustrative where no source
    /// gives them.
    pub source: String,
    pub illustrative: bool,
    pub services: Vec<PresetUse>,
}

/// One kind of care in a preset; stays give `days`, fills `days_supply`.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct PresetUse {
    pub service: String,
    pub count: u32,
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

json_object!(PresetUse { service: req, count: req, days: opt, days_supply: opt, admitted: opt });

impl Presets {
    /// Presets may use only the service ids every plan prices, so each applies to any plan.
    pub fn from_json(origin: &str, text: &str) -> Result<Presets, Error> {
        let p: Presets = crate::json::parse(origin, text)?;
        for (name, preset) in &p.presets {
            if preset.services.is_empty() {
                return Err(Error::invalid(origin, format!("presets.{name}.services"), "a preset has at least one service"));
            }
            for (i, u) in preset.services.iter().enumerate() {
                let at = |f: &str| format!("presets.{name}.services[{i}].{f}");
                if !REQUIRED_SERVICES.contains(&u.service.as_str()) {
                    return Err(Error::invalid(origin, at("service"), format!("\"{}\" is not a service every plan prices", u.service)));
                }
                if u.count == 0 || u.count > 366 {
                    return Err(Error::invalid(origin, at("count"), "from 1 to 366"));
                }
                if u.days.is_some_and(|d| d == 0 || d > 366) {
                    return Err(Error::invalid(origin, at("days"), "from 1 to 366"));
                }
                if u.days_supply.is_some_and(|d| d == 0 || d > 366) {
                    return Err(Error::invalid(origin, at("days_supply"), "from 1 to 366"));
                }
            }
        }
        Ok(p)
    }
}
