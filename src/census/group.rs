//! One thread: the reader and the pricing together, with the group's totals per plan (the
//! WebAssembly module's census).

use serde::Serialize;

use super::output::{CensusRow, RowError};
use super::price::price_unit;
use super::reader::{Reader, Unit};
use super::{Columns, Options};
use crate::catalog::Catalog;
use crate::error::Error;
use crate::money::Money;

/// Totals of one plan over the households priced so far (the employer's view).
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct PlanTotal {
    pub plan: String,
    pub households: u32,
    pub premium_annual: Money,
    pub member_pays_total: Money,
    pub total_annual_cost: Money,
    /// Households for which this plan is (one of) the cheapest.
    pub cheapest: u32,
}

/// What one piece of the file gave.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Batch {
    pub rows: Vec<CensusRow>,
    pub errors: Vec<RowError>,
    /// Households completed by this piece (priced or refused).
    pub households: u64,
    pub claims: u64,
}

/// A census read and priced on one thread, piece by piece (the WebAssembly module's).
#[derive(Debug)]
pub struct Census {
    reader: Reader,
    units: Vec<Unit>,
    totals: Vec<PlanTotal>,
    header_told: bool,
}

impl Census {
    pub fn new(catalog: &Catalog, plan_ids: &[String], options: &Options) -> Result<Census, Error> {
        let reader = Reader::new(catalog, plan_ids, options)?;
        let totals = reader
            .plans()
            .iter()
            .map(|p| PlanTotal {
                plan: p.clone(),
                households: 0,
                premium_annual: Money::ZERO,
                member_pays_total: Money::ZERO,
                total_annual_cost: Money::ZERO,
                cheapest: 0,
            })
            .collect();
        Ok(Census { reader, units: Vec::new(), totals, header_told: false })
    }

    pub fn columns(&self) -> Option<&Columns> {
        self.reader.columns()
    }

    pub fn totals(&self) -> &[PlanTotal] {
        &self.totals
    }

    /// The columns, the first time this is asked after the header has been read; else `None`.
    pub fn header_news(&mut self) -> Option<&Columns> {
        if self.header_told {
            return None;
        }
        self.header_told = self.reader.columns().is_some();
        self.reader.columns()
    }

    /// Reads and prices the next piece of the file (cut anywhere).
    pub fn push(&mut self, catalog: &Catalog, bytes: &[u8]) -> Result<Batch, Error> {
        let mut units = std::mem::take(&mut self.units);
        let read = self.reader.feed(bytes, &mut units);
        let batch = self.price_all(catalog, &mut units);
        self.units = units;
        read.map(|_| batch)
    }

    /// The end of the file: prices the last household.
    pub fn finish(&mut self, catalog: &Catalog) -> Result<Batch, Error> {
        let mut units = std::mem::take(&mut self.units);
        let read = self.reader.finish(&mut units);
        let batch = self.price_all(catalog, &mut units);
        read.map(|_| batch)
    }

    fn price_all(&mut self, catalog: &Catalog, units: &mut Vec<Unit>) -> Batch {
        let mut batch = Batch::default();
        for unit in units.drain(..) {
            let priced = price_unit(catalog, self.reader.plans(), unit);
            batch.households += 1;
            batch.claims += priced.claims;
            add_totals(&mut self.totals, &priced.rows);
            batch.rows.extend(priced.rows);
            batch.errors.extend(priced.errors);
        }
        batch
    }
}

pub(super) fn add_totals(totals: &mut [PlanTotal], rows: &[CensusRow]) {
    // Sums of amounts of at most ten million each cannot leave Decimal's range.
    let add = |a: Money, b: Money| a.checked_add(b).unwrap_or(a);
    for (t, r) in totals.iter_mut().zip(rows) {
        t.households = t.households.saturating_add(1);
        t.premium_annual = add(t.premium_annual, r.premium_annual);
        t.member_pays_total = add(t.member_pays_total, r.member_pays_total);
        t.total_annual_cost = add(t.total_annual_cost, r.total_annual_cost);
        t.cheapest = t.cheapest.saturating_add(u32::from(r.cheapest));
    }
}
