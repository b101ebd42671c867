//! One thread: the reader and the pricing together, with the group's totals per plan and the
//! priced households kept to be shown a page at a time (the WebAssembly module's census).
//!
//! What each piece of the file gives back is small: the output's CSV text for the households it
//! completed (the CLI's bytes, for the download), the refused rows' CSV text, the errors and
//! notes themselves, and counts. The households stay here, compactly (the id's text, and per
//! plan the year's total in cents and the enrollment type: about 12 + 9 × plans bytes a
//! household), sorted on demand and handed out a page at a time ([`Census::page`]).

use std::cmp::Ordering;

use rust_decimal::Decimal;
use serde::Serialize;

use super::output::{output_header, CensusRow, Note, RowError, REFUSED_HEADER};
use super::price::{price_unit, Priced};
use super::reader::{Checked, Reader, Unit};
use super::{Columns, Options};
use crate::catalog::Catalog;
use crate::error::Error;
use crate::money::Money;
use crate::vocab::EnrollmentType;

/// Totals of one plan over the households priced so far (the employer's view).
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct PlanTotal {
    pub plan: String,
    pub households: u32,
    /// The whole premium, what the employer (or the published share) pays of it, and the
    /// employees' share: gross − contribution.
    pub premium_gross_annual: Money,
    pub contribution_annual: Money,
    pub premium_annual: Money,
    pub member_pays_total: Money,
    /// What the employees pay in all: their share of the premium and their care.
    pub total_annual_cost: Money,
    /// Households for which this plan is (one of) the cheapest.
    pub cheapest: u32,
}

impl PlanTotal {
    pub(super) fn new(plan: &str) -> PlanTotal {
        let zero = Money::ZERO;
        PlanTotal {
            plan: plan.to_string(),
            households: 0,
            premium_gross_annual: zero,
            contribution_annual: zero,
            premium_annual: zero,
            member_pays_total: zero,
            total_annual_cost: zero,
            cheapest: 0,
        }
    }
}

/// Adds a household's rows (one per plan, in plan order) to the plans' totals.
pub(super) fn add_totals(totals: &mut [PlanTotal], rows: &[CensusRow]) {
    // Sums of amounts of at most ten million each cannot leave Decimal's range.
    let add = |a: Money, b: Money| a.checked_add(b).unwrap_or(a);
    for (t, r) in totals.iter_mut().zip(rows) {
        t.households = t.households.saturating_add(1);
        t.premium_gross_annual = add(t.premium_gross_annual, r.premium_gross_annual);
        t.contribution_annual = add(t.contribution_annual, r.contribution_annual);
        t.premium_annual = add(t.premium_annual, r.premium_annual);
        t.member_pays_total = add(t.member_pays_total, r.member_pays_total);
        t.total_annual_cost = add(t.total_annual_cost, r.total_annual_cost);
        t.cheapest = t.cheapest.saturating_add(u32::from(r.cheapest));
    }
}

/// What one piece of the file gave.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Batch {
    /// The output's CSV text for the households completed (its header first, the first time).
    pub csv: String,
    /// The refused rows' CSV text (its header first, the first time there is one).
    pub refused: String,
    pub errors: Vec<RowError>,
    pub notes: Vec<Note>,
    /// Households completed by this piece (priced or refused; a household whose rows are
    /// apart counts once, rows naming no usable household not at all).
    pub households: u64,
    pub priced: u64,
    pub claims: u64,
}

/// The order households are shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sort {
    /// The file's order.
    File,
    /// By id: digits as numbers (B2 before B10), letters regardless of case.
    Household,
    /// By the year's total on the plan at this index of the plans asked.
    Plan(usize),
}

/// One plan's figures for a household, as the page shows them.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct PageCell {
    pub enrollment: EnrollmentType,
    pub total_annual_cost: Money,
    pub cheapest: bool,
}

/// A household on a page: its place in the file (from 0), its id, a cell per plan.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct PageRow {
    pub index: u32,
    pub household: String,
    pub plans: Vec<PageCell>,
}

/// A page of households.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct HouseholdPage {
    /// Households priced in all.
    pub total: u32,
    pub offset: u32,
    pub rows: Vec<PageRow>,
}

/// The priced households, compactly.
#[derive(Debug, Default)]
struct Store {
    plans: usize,
    /// The ids' text, one after another; `ends[i]` is where household i's ends.
    keys: String,
    ends: Vec<u32>,
    /// Per household, per plan: the year's total in cents and the enrollment type.
    totals: Vec<i64>,
    enrollments: Vec<EnrollmentType>,
    /// Per household: bit p set where plan p is (one of) the cheapest.
    cheapest: Vec<u32>,
    /// The last order asked for, kept for the next page.
    order: Option<(Sort, bool, Vec<u32>)>,
}

impl Store {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn push(&mut self, rows: &[CensusRow]) {
        let Some(first) = rows.first() else { return };
        self.keys.push_str(&first.household);
        self.ends.push(u32::try_from(self.keys.len()).unwrap_or(u32::MAX));
        let mut cheapest = 0u32;
        for (p, r) in rows.iter().enumerate() {
            self.totals.push(cents(r.total_annual_cost));
            self.enrollments.push(r.enrollment);
            cheapest |= u32::from(r.cheapest) << p;
        }
        self.cheapest.push(cheapest);
        self.order = None;
    }

    fn key(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.keys.get(start..self.ends[i] as usize).unwrap_or("")
    }

    fn order(&mut self, sort: Sort, descending: bool) -> &[u32] {
        if !matches!(&self.order, Some((s, d, _)) if *s == sort && *d == descending) {
            let mut order: Vec<u32> = (0..self.len() as u32).collect();
            let by = |a: &u32, b: &u32| -> Ordering {
                let (a, b) = (*a as usize, *b as usize);
                let o = match sort {
                    Sort::File => Ordering::Equal,
                    Sort::Household => natural(self.key(a), self.key(b)),
                    Sort::Plan(p) => self.totals[a * self.plans + p].cmp(&self.totals[b * self.plans + p]),
                };
                if descending {
                    o.reverse()
                } else {
                    o
                }
            };
            order.sort_by(|a, b| by(a, b).then(a.cmp(b)));
            self.order = Some((sort, descending, order));
        }
        self.order.as_ref().map_or(&[], |(_, _, o)| o.as_slice())
    }
}

fn cents(m: Money) -> i64 {
    let mut d = m.value();
    d.rescale(2);
    i64::try_from(d.mantissa()).unwrap_or(i64::MAX)
}

/// Ids in natural order: runs of digits compared as numbers, other characters regardless of
/// ASCII case.
pub(super) fn natural(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (a.peek().copied(), b.peek().copied()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let digits = |it: &mut std::iter::Peekable<std::str::Chars>| {
                    let mut s = String::new();
                    while let Some(c) = it.next_if(char::is_ascii_digit) {
                        s.push(c);
                    }
                    s.trim_start_matches('0').to_string()
                };
                let (m, n) = (digits(&mut a), digits(&mut b));
                let o = m.len().cmp(&n.len()).then(m.cmp(&n));
                if o != Ordering::Equal {
                    return o;
                }
            }
            (Some(x), Some(y)) => {
                let o = x.to_ascii_lowercase().cmp(&y.to_ascii_lowercase());
                if o != Ordering::Equal {
                    return o;
                }
                a.next();
                b.next();
            }
        }
    }
}

/// A census read and priced on one thread, piece by piece: every piece of the file given to
/// [`Census::push`], then [`Census::rewind`], then every piece again, then [`Census::finish`].
#[derive(Debug)]
pub struct Census {
    reader: Reader,
    units: Vec<Unit>,
    totals: Vec<PlanTotal>,
    store: Store,
    header_told: bool,
    /// The output's and the refused rows' headers are still to be written.
    csv_header: bool,
    refused_header: bool,
}

impl Census {
    pub fn new(catalog: &Catalog, plan_ids: &[String], options: &Options) -> Result<Census, Error> {
        let reader = Reader::new(catalog, plan_ids, options)?;
        let totals = reader.plans().iter().map(|p| PlanTotal::new(p)).collect();
        let store = Store { plans: reader.plans().len(), ..Store::default() };
        Ok(Census { reader, units: Vec::new(), totals, store, header_told: false, csv_header: true, refused_header: true })
    }

    pub fn columns(&self) -> Option<&Columns> {
        self.reader.columns()
    }

    pub fn totals(&self) -> &[PlanTotal] {
        &self.totals
    }

    /// Whether the output has the contribution's columns.
    pub fn contribution(&self) -> bool {
        self.reader.contribution().is_some()
    }

    /// The columns, the first time this is asked after the header has been read; else `None`.
    pub fn header_news(&mut self) -> Option<&Columns> {
        if self.header_told {
            return None;
        }
        self.header_told = self.reader.columns().is_some();
        self.reader.columns()
    }

    /// Reads the next piece of the file (cut anywhere); in the second pass, prices the
    /// households it completes.
    pub fn push(&mut self, catalog: &Catalog, bytes: &[u8]) -> Result<Batch, Error> {
        let mut units = std::mem::take(&mut self.units);
        let read = self.reader.feed(bytes, &mut units);
        let batch = self.price_all(catalog, &mut units);
        self.units = units;
        read.map(|_| batch)
    }

    /// The end of the first pass.
    pub fn rewind(&mut self) -> Result<Checked, Error> {
        self.reader.rewind()
    }

    /// The end of the file: prices the last household.
    pub fn finish(&mut self, catalog: &Catalog) -> Result<Batch, Error> {
        let mut units = std::mem::take(&mut self.units);
        let read = self.reader.finish(&mut units);
        let batch = self.price_all(catalog, &mut units);
        read.map(|_| batch)
    }

    /// The priced households in the order asked, `count` (at most 1,000) from `offset`.
    pub fn page(&mut self, sort: Sort, descending: bool, offset: usize, count: usize) -> HouseholdPage {
        let total = self.store.len();
        let plans = self.store.plans;
        let order: Vec<u32> = self.store.order(sort, descending).iter().skip(offset).take(count.min(1000)).copied().collect();
        let rows = order
            .into_iter()
            .map(|i| {
                let h = i as usize;
                let cells = (0..plans)
                    .map(|p| PageCell {
                        enrollment: self.store.enrollments[h * plans + p],
                        total_annual_cost: Money::from_decimal(Decimal::new(self.store.totals[h * plans + p], 2)),
                        cheapest: self.store.cheapest[h] & (1 << p) != 0,
                    })
                    .collect();
                PageRow { index: i, household: self.store.key(h).to_string(), plans: cells }
            })
            .collect();
        HouseholdPage { total: u32::try_from(total).unwrap_or(u32::MAX), offset: u32::try_from(offset.min(total)).unwrap_or(u32::MAX), rows }
    }

    fn price_all(&mut self, catalog: &Catalog, units: &mut Vec<Unit>) -> Batch {
        let mut batch = Batch::default();
        if self.reader.checking() {
            units.clear();
            return batch;
        }
        let contribution = self.reader.contribution();
        if std::mem::take(&mut self.csv_header) {
            batch.csv.push_str(&output_header(contribution.is_some()));
        }
        for unit in units.drain(..) {
            let household = matches!(&unit, Unit::Household(h) if !h.later_part);
            let Priced { rows, errors, notes, claims, .. } = price_unit(catalog, self.reader.plans(), contribution, unit);
            batch.households += u64::from(household);
            batch.claims += claims;
            if !rows.is_empty() {
                batch.priced += 1;
                add_totals(&mut self.totals, &rows);
                self.store.push(&rows);
                for r in &rows {
                    r.write_csv(&mut batch.csv, contribution.is_some());
                }
            }
            for e in &errors {
                if std::mem::take(&mut self.refused_header) {
                    batch.refused.push_str(REFUSED_HEADER);
                    batch.refused.push('\n');
                }
                e.write_csv(&mut batch.refused);
            }
            batch.errors.extend(errors);
            batch.notes.extend(notes);
        }
        batch
    }
}
