//! Typical allowed amounts, used when a scenario gives none (`data/typical-prices.json`).

use crate::map::SortedMap;

use serde::Serialize;

use crate::error::Error;
use crate::json::json_object;
use crate::money::Money;

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct PriceTable {
    pub description: String,
    pub prices: SortedMap<String, TypicalPrice>,
}

/// One service's typical allowed amount: per claim, per day of an admission, or per 30 days'
/// supply of a fill. Exactly one of the three is given.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct TypicalPrice {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_day: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_30_days_supply: Option<Money>,
    /// Where the figure comes from; absent only when `illustrative` is true.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// No public source was found: the figure is a round, plausible example.
    pub illustrative: bool,
}

json_object!(PriceTable { description: req, prices: req });

json_object!(TypicalPrice {
    allowed: opt,
    per_day: opt,
    per_30_days_supply: opt,
    source: opt,
    illustrative: or_default,
});

impl PriceTable {
    pub fn from_json(origin: &str, text: &str) -> Result<PriceTable, Error> {
        let table: PriceTable = crate::json::parse(origin, text)?;
        for (id, p) in &table.prices {
            let at = format!("prices.{id}");
            let given = [p.allowed, p.per_day, p.per_30_days_supply].iter().filter(|x| x.is_some()).count();
            if given != 1 {
                return Err(Error::invalid(origin, at, "give exactly one of `allowed`, `per_day` and `per_30_days_supply`"));
            }
            if p.source.as_deref().map_or(true, |s| s.trim().is_empty()) && !p.illustrative {
                return Err(Error::invalid(origin, format!("{at}.source"), "cite a source or mark the price illustrative"));
            }
        }
        Ok(table)
    }

    /// The typical allowed amount of one claim: `days` of an admission, `days_supply` of a fill.
    pub fn allowed_for(&self, service: &str, days: u32, days_supply: u32) -> Option<Money> {
        let p = self.prices.get(service)?;
        if let Some(a) = p.allowed {
            return Some(a);
        }
        if let Some(d) = p.per_day {
            return d.checked_mul_int(days);
        }
        p.per_30_days_supply?.pro_rata(days_supply, 30)
    }
}
