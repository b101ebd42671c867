//! Typical allowed amounts, used when a scenario gives none (`data/typical-prices.json`), and
//! the visitor's own prices, which a scenario may carry in the same form (`prices`).

use serde::Serialize;

use crate::error::{at, Error, ErrorKind, ErrorPath, Param};
use crate::json::json_object;
use crate::map::SortedMap;
use crate::money::Money;
use crate::vocab::{Unit, Vocabulary};

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct PriceTable {
    pub description: String,
    pub prices: SortedMap<String, TypicalPrice>,
}

/// One service's allowed amount: per claim (a visit), per day of an admission, or per 30 days'
/// supply of a fill. Exactly one of the three is given: the one the service's unit takes.
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

impl TypicalPrice {
    /// Exactly one amount is given.
    pub fn check(&self, origin: &str, at: ErrorPath) -> Result<(), Error> {
        let given = [self.allowed, self.per_day, self.per_30_days_supply].iter().filter(|x| x.is_some()).count();
        if given != 1 {
            return Err(Error::at(origin, at, ErrorKind::data("give exactly one of `allowed`, `per_day` and `per_30_days_supply`", vec![])));
        }
        Ok(())
    }

    /// The form of price a unit of care takes: each visit, each day of a stay, each 30 days' supply.
    pub fn kind_for(unit: Unit) -> &'static str {
        match unit {
            Unit::Visit => "allowed",
            Unit::Admission => "per_day",
            Unit::Fill => "per_30_days_supply",
        }
    }

    /// The form given here.
    pub fn kind(&self) -> &'static str {
        if self.allowed.is_some() {
            "allowed"
        } else if self.per_day.is_some() {
            "per_day"
        } else {
            "per_30_days_supply"
        }
    }

    /// Checks this price against the vocabulary: a known service, in the form its unit takes.
    pub fn check_for(&self, origin: &str, at: ErrorPath, service: &str, vocab: &Vocabulary) -> Result<(), Error> {
        self.check(origin, at.clone())?;
        let Some(known) = vocab.service(service) else {
            return Err(Error::at(origin, at, ErrorKind::unknown_service(service, None)));
        };
        let wanted = TypicalPrice::kind_for(known.unit);
        if self.kind() != wanted {
            let params = vec![("unit", Param::Text(known.unit.as_str().into())), ("expected", Param::Text(wanted.into())), ("value", Param::Text(self.kind().into()))];
            return Err(Error::at(origin, at, ErrorKind::data("a {unit} is priced by `{expected}`, not `{value}`", params)));
        }
        Ok(())
    }

    /// The allowed amount of one claim: `days` of an admission, `days_supply` of a fill.
    pub fn allowed_for(&self, days: u32, days_supply: u32) -> Option<Money> {
        if let Some(a) = self.allowed {
            return Some(a);
        }
        if let Some(d) = self.per_day {
            return d.checked_mul_int(days);
        }
        self.per_30_days_supply?.pro_rata(days_supply, 30)
    }
}

impl PriceTable {
    pub fn from_json(origin: &str, text: &str, vocab: &Vocabulary) -> Result<PriceTable, Error> {
        let table: PriceTable = crate::json::parse(origin, text)?;
        for (id, p) in &table.prices {
            p.check_for(origin, at!["prices", id], id, vocab)?;
            if p.source.as_deref().map_or(true, |s| s.trim().is_empty()) && !p.illustrative {
                return Err(Error::at(origin, at!["prices", id, "source"], ErrorKind::data("cite a source or mark the price illustrative", vec![])));
            }
        }
        Ok(table)
    }

    /// The typical allowed amount of one claim: `days` of an admission, `days_supply` of a fill.
    pub fn allowed_for(&self, service: &str, days: u32, days_supply: u32) -> Option<Money> {
        self.prices.get(service)?.allowed_for(days, days_supply)
    }
}
