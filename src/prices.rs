//! Typical allowed amounts, used when a scenario gives none (`data/typical-prices.json`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::money::Money;

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PriceTable {
    pub description: String,
    pub prices: BTreeMap<String, TypicalPrice>,
}

/// One service's typical allowed amount: per claim, or per day for an admission.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct TypicalPrice {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_day: Option<Money>,
    /// Where the figure comes from; absent only when `illustrative` is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// No public source was found: the figure is a round, plausible example.
    #[serde(default)]
    pub illustrative: bool,
}

impl PriceTable {
    pub fn from_json(origin: &str, text: &str) -> Result<PriceTable, Error> {
        let table: PriceTable = crate::json::parse(origin, text)?;
        for (id, p) in &table.prices {
            let at = format!("prices.{id}");
            match (p.allowed, p.per_day) {
                (Some(_), None) | (None, Some(_)) => {}
                _ => return Err(Error::invalid(origin, at, "give exactly one of `allowed` and `per_day`")),
            }
            if p.source.as_deref().map_or(true, |s| s.trim().is_empty()) && !p.illustrative {
                return Err(Error::invalid(origin, format!("{at}.source"), "cite a source or mark the price illustrative"));
            }
        }
        Ok(table)
    }

    /// The typical allowed amount of one claim (`days` for an admission priced per day).
    pub fn allowed_for(&self, service: &str, days: Option<u32>) -> Option<Money> {
        let p = self.prices.get(service)?;
        match (p.allowed, p.per_day) {
            (Some(a), _) => Some(a),
            (None, Some(d)) => d.checked_mul_int(days.unwrap_or(1)),
            _ => None,
        }
    }
}
