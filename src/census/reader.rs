//! Records into households: the streaming reader, in two passes over the file.
//!
//! The first pass (the order check) reads only the household cells, to learn which
//! households have rows apart from each other; the second reads every row and hands on each
//! household as its last row is read. A household with rows apart is refused whole, its
//! first rows too: a census never prices a household with some of its people missing, and a
//! streaming reader can know that a household will come back only by having read the file
//! once. Between the passes, the only memory of the file is a fingerprint per household with
//! rows apart; during the first, a fingerprint per household (`keys`).

use std::sync::Arc;

use super::cells::{age_of, medicare_of, relationship_of, usage_of, Fault};
use super::columns::{Columns, Role};
use super::csv::{CellFault, Record};
use super::date::Date;
use super::keys::{key_of, Fingerprint, Table};
use super::output::RowError;
use super::source::Rows;
use super::{Options, MAX_FIELD_BYTES, NO_CARE, ORIGIN};
use crate::catalog::Catalog;
use crate::compare::MAX_OPTIONS;
use crate::error::{at, shown, Code, Error, ErrorKind, Many};
use crate::scenario::{Contribution, MAX_MEMBERS};
use crate::vocab::{Medicare, Relationship};

/// One person of a household, read from their row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub row: u64,
    pub age: u32,
    pub relationship: Relationship,
    /// The usage preset's id; `None` for no care (`none`).
    pub usage: Option<String>,
    pub medicare: Option<Medicare>,
}

/// A household's rows, read: the people, or the errors that keep it from being priced.
#[derive(Clone, Debug)]
pub struct Household {
    /// The id as its first row writes it.
    pub key: String,
    pub first_row: u64,
    pub people: Vec<Person>,
    pub errors: Vec<RowError>,
    pub columns: Arc<Columns>,
    /// A later run of rows of a household whose rows are apart (refused, and counted once).
    pub later_part: bool,
}

/// What the reader hands on: a household, or a row that belongs to none (its household cell
/// is empty or unusable).
#[derive(Clone, Debug)]
pub enum Unit {
    Household(Household),
    Refused(RowError),
}

/// What `new` checks once and the reader needs.
#[derive(Clone, Debug)]
pub(super) struct Setup {
    pub(super) plans: Vec<String>,
    pub(super) presets: Vec<String>,
    pub(super) as_of: Option<Date>,
    /// `Some(None)`: no care; `Some(Some(id))`: a preset.
    pub(super) usage: Option<Option<String>>,
    pub(super) contribution: Option<Contribution>,
    /// The keyed fingerprint of household ids, drawn for this census.
    pub(super) fingerprint: Fingerprint,
}

impl Setup {
    pub(super) fn new(catalog: &Catalog, plan_ids: &[String], options: &Options) -> Result<Setup, Error> {
        if plan_ids.is_empty() {
            return Err(Error::at(ORIGIN, at!["plans"], ErrorKind::no_plans()));
        }
        if plan_ids.len() > MAX_OPTIONS {
            return Err(Error::at(ORIGIN, at!["plans"], ErrorKind::too_many(MAX_OPTIONS as u64, Many::Plans)));
        }
        let mut years = Vec::new();
        for (i, id) in plan_ids.iter().enumerate() {
            let plan = catalog.plan_for(id, at!["plans", i]).map_err(|e| e.from(ORIGIN))?;
            if plan_ids[..i].contains(id) {
                return Err(Error::at(ORIGIN, at!["plans", i], ErrorKind::listed_twice(id)));
            }
            years.push(plan.year);
        }
        let presets: Vec<String> = match catalog.presets() {
            Some(p) => p.presets.keys().cloned().collect(),
            None => return Err(Error::new(ORIGIN, "usage", Code::InvalidData, "no usage presets are loaded (data/usage-presets.json)")),
        };
        let usage = match &options.usage {
            None => None,
            Some(u) => Some(usage_of(u, &presets).map_err(|(code, message)| Error::new(ORIGIN, "usage", code, message))?),
        };
        let same_year = years.windows(2).all(|w| w[0] == w[1]);
        let as_of = options.as_of.or_else(|| if same_year { years.first().map(|&y| Date { year: y, month: 1, day: 1 }) } else { None });
        Ok(Setup { plans: plan_ids.to_vec(), presets, as_of, usage, contribution: options.contribution, fingerprint: Fingerprint::random() })
    }
}

/// The household being read.
#[derive(Debug)]
struct Pending {
    key: String,
    /// The id as ids are compared (see `keys`).
    compared: String,
    first_row: u64,
    rows: usize,
    people: Vec<Person>,
    errors: Vec<RowError>,
    /// Its rows are apart from each other: refused, and its rows not read further.
    apart: bool,
    later_part: bool,
    /// Rows naming no usable household met while this one was read, reported after it.
    trailing: Vec<RowError>,
}

/// The first pass: which households have rows apart (by fingerprint, with the first row of
/// their first later run).
#[derive(Debug, Default)]
struct OrderCheck {
    seen: Table<()>,
    apart: Table<u64>,
    last: Option<String>,
    households: u64,
}

/// What the first pass found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Checked {
    /// Households (runs of rows with one id; a household whose rows are apart counts once).
    pub households: u64,
    /// Households whose rows are apart from each other (refused whole).
    pub apart: u64,
}

#[derive(Debug)]
enum Pass {
    Check(OrderCheck),
    /// The second pass: the households with rows apart, and where each one's first rows were
    /// met (to name them at its later rows).
    Price { apart: Table<u64>, met: Table<u64> },
}

/// Reads a census in two passes over its bytes (in any pieces): [`Reader::feed`] the whole
/// file, [`Reader::rewind`], [`Reader::feed`] it again, [`Reader::finish`]. The second pass
/// hands on households in file order as each one's last row is read (a household ends at the
/// first row of another, or at the end of the file).
#[derive(Debug)]
pub struct Reader {
    setup: Setup,
    rows: Rows,
    /// The header's columns, as the first pass read them.
    header: Option<Arc<Columns>>,
    records: Vec<Record>,
    pass: Pass,
    pending: Option<Pending>,
    failed: Option<Error>,
    finished: bool,
}

impl Reader {
    /// Checks the plans (known, not repeated, at most 24) and the options against the catalog
    /// (which must have its usage presets), and starts the first pass.
    pub fn new(catalog: &Catalog, plan_ids: &[String], options: &Options) -> Result<Reader, Error> {
        Ok(Reader {
            setup: Setup::new(catalog, plan_ids, options)?,
            rows: Rows::new(),
            header: None,
            records: Vec::new(),
            pass: Pass::Check(OrderCheck::default()),
            pending: None,
            failed: None,
            finished: false,
        })
    }

    pub fn plans(&self) -> &[String] {
        &self.setup.plans
    }

    pub fn contribution(&self) -> Option<Contribution> {
        self.setup.contribution
    }

    /// The header's columns, once the header row has been read.
    pub fn columns(&self) -> Option<&Columns> {
        self.header.as_deref().or(self.rows.columns().map(|c| &**c))
    }

    /// `true` during the first pass.
    pub fn checking(&self) -> bool {
        matches!(self.pass, Pass::Check(_))
    }

    /// Reads the next piece of the file (cut anywhere, even inside a character). In the second
    /// pass, appends the households it completes. An error ends the census (a file that is not
    /// CSV text, too large, or with a header that cannot be used): every later call repeats it.
    pub fn feed(&mut self, bytes: &[u8], out: &mut Vec<Unit>) -> Result<(), Error> {
        self.check()?;
        let mut records = std::mem::take(&mut self.records);
        let read = self.rows.feed(bytes, &self.setup, &mut records);
        for record in records.drain(..) {
            self.record(record, out);
        }
        self.records = records;
        read.map_err(|e| self.fail(e))
    }

    /// The end of the first pass: the file is to be read again from its start.
    pub fn rewind(&mut self) -> Result<Checked, Error> {
        self.check()?;
        if !self.checking() {
            return Err(Error::new(ORIGIN, "", Code::InvalidData, "the census has been rewound already"));
        }
        let mut records = std::mem::take(&mut self.records);
        let read = self.rows.finish(&self.setup, &mut records);
        let mut sink = Vec::new();
        for record in records.drain(..) {
            self.record(record, &mut sink);
        }
        self.records = records;
        read.map_err(|e| self.fail(e))?;
        let order = match std::mem::replace(&mut self.pass, Pass::Price { apart: Table::default(), met: Table::default() }) {
            Pass::Check(order) => order,
            Pass::Price { .. } => OrderCheck::default(),
        };
        let checked = Checked { households: order.households, apart: order.apart.len() as u64 };
        self.pass = Pass::Price { apart: order.apart, met: Table::default() };
        self.header = std::mem::replace(&mut self.rows, Rows::new()).columns().cloned();
        Ok(checked)
    }

    /// The end of the file's second pass: appends the last household.
    pub fn finish(&mut self, out: &mut Vec<Unit>) -> Result<(), Error> {
        self.check()?;
        if self.checking() {
            return Err(Error::new(ORIGIN, "", Code::InvalidData, "the census is read twice: rewind after its first pass"));
        }
        let mut records = std::mem::take(&mut self.records);
        let read = self.rows.finish(&self.setup, &mut records);
        for record in records.drain(..) {
            self.record(record, out);
        }
        read.map_err(|e| self.fail(e))?;
        self.finished = true;
        self.flush(out);
        Ok(())
    }

    fn check(&self) -> Result<(), Error> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        if self.finished {
            return Err(Error::new(ORIGIN, "", Code::InvalidData, "the census has been read to its end already"));
        }
        Ok(())
    }

    fn fail(&mut self, e: Error) -> Error {
        self.failed = Some(e.clone());
        e
    }

    fn record(&mut self, record: Record, out: &mut Vec<Unit>) {
        let columns = match (&mut self.pass, self.rows.columns()) {
            (_, None) => return,
            (Pass::Check(order), Some(columns)) => return order.record(&record, Some(columns), &self.setup.fingerprint),
            (Pass::Price { .. }, Some(columns)) => columns.clone(),
        };
        let row = record.row;
        let cell = |i: usize| record.fields.get(i).map_or("", |f| f.text.trim());
        let error = |column: usize, code: Code, message: String, household: Option<&str>| {
            RowError::new(row, columns.name(column), code, message, household.map(str::to_string))
        };
        let household_at = columns.of(Role::Household).unwrap_or(0);
        let household_cell = record.fields.get(household_at);
        let key = match household_cell.map(|f| (f.fault, f.text.as_str())).unwrap_or((None, "")) {
            (Some(fault), _) => Err(cell_fault(fault)),
            (None, text) => key_of(text),
        };
        let key = match key {
            Ok(key) => key,
            Err((code, message)) => {
                let refused = error(household_at, code, message, None);
                // In row order: after the household being read, which this row may sit among.
                match self.pending.as_mut() {
                    Some(p) => p.trailing.push(refused),
                    None => out.push(Unit::Refused(refused)),
                }
                return;
            }
        };

        if self.pending.as_ref().map_or(true, |p| p.compared != key.compared()) {
            self.flush(out);
            let mut p = Pending {
                key: key.text.clone(),
                compared: key.compared().to_string(),
                first_row: row,
                rows: 0,
                people: Vec::new(),
                errors: Vec::new(),
                apart: false,
                later_part: false,
                trailing: Vec::new(),
            };
            if let Pass::Price { apart, met } = &mut self.pass {
                let h = self.setup.fingerprint.of(key.compared());
                if let Some(later) = apart.get(h) {
                    p.apart = true;
                    let shown = shown(&key.text);
                    let message = match met.insert(h, row) {
                        None => format!("household \"{shown}\" has rows apart from each other (here, and again from row {later}): a household's rows must be next to each other, so it is not priced"),
                        Some(first) => {
                            p.later_part = true;
                            format!("household \"{shown}\" has rows apart from each other (from row {first}, and again here): a household's rows must be next to each other, so it is not priced")
                        }
                    };
                    p.errors.push(error(household_at, Code::RowsApart, message, Some(&key.text)));
                }
            }
            self.pending = Some(p);
        }
        let Some(p) = self.pending.as_mut() else { return };
        p.rows += 1;
        if p.apart {
            return;
        }
        if p.rows > MAX_MEMBERS {
            if p.rows == MAX_MEMBERS + 1 {
                p.errors.push(error(household_at, Code::TooMany, format!("a household has at most {MAX_MEMBERS} people"), Some(&p.key)));
            }
            return;
        }

        if let Some((column, message)) = record.fault {
            // The row cannot be read as written (an unclosed quote, a stray quote, too many
            // columns): its cells say nothing reliable, so this is all that is said of it.
            p.errors.push(error(column, Code::InvalidRow, message, Some(&p.key)));
            return;
        }
        let used = [Role::Age, Role::DateOfBirth, Role::Relationship, Role::Usage, Role::Medicare];
        let mut faults: Vec<Fault> = Vec::new();
        for i in used.iter().filter_map(|&r| columns.of(r)) {
            if let Some(f) = record.fields.get(i).filter(|f| f.fault.is_some()) {
                let (code, message) = cell_fault(f.fault.unwrap_or(CellFault::NotUtf8));
                faults.push((i, code, message));
            }
        }
        if !faults.is_empty() {
            // Bytes that are not text in a cell the census reads: that cell is named, and
            // nothing else is said of the row (its other cells may be read wrongly too).
            p.errors.extend(faults.into_iter().map(|(i, code, message)| error(i, code, message, Some(&p.key))));
            return;
        }
        let at = |role: Role| columns.of(role).map(|i| (i, cell(i)));
        if let Some(extra) = (columns.names.len()..record.fields.len()).find(|&i| !cell(i).is_empty()) {
            faults.push((extra, Code::InvalidRow, format!("this row has {} fields and the header {}", record.fields.len(), columns.names.len())));
        }
        let age = age_of(at(Role::Age), at(Role::DateOfBirth), columns.as_of);
        let relationship = relationship_of(at(Role::Relationship).unwrap_or_default());
        let usage = match (at(Role::Usage), &self.setup.usage) {
            (Some((_, "")), Some(default)) | (None, Some(default)) => Ok(default.clone()),
            (Some((i, "")), _) => Err((i, Code::MissingField, format!("missing: a usage preset ({}, or {NO_CARE})", self.setup.presets.join(", ")))),
            (Some((i, text)), _) => usage_of(text, &self.setup.presets).map_err(|(code, m)| (i, code, m)),
            (None, None) => Ok(None), // the header check refuses this
        };
        let medicare = medicare_of(at(Role::Medicare).unwrap_or_default());
        match (age, relationship, usage, medicare) {
            (Ok(age), Ok(relationship), Ok(usage), Ok(medicare)) if faults.is_empty() => {
                p.people.push(Person { row, age, relationship, usage, medicare });
            }
            (age, relationship, usage, medicare) => {
                faults.extend(age.err().into_iter().chain(relationship.err()).chain(usage.err()).chain(medicare.err()));
                for (column, code, message) in faults {
                    p.errors.push(error(column, code, message, Some(&p.key)));
                }
            }
        }
    }

    /// Hands on the household being read, with the checks that need all its rows.
    fn flush(&mut self, out: &mut Vec<Unit>) {
        let (Some(mut p), Some(columns)) = (self.pending.take(), self.rows.columns().cloned()) else { return };
        if p.errors.is_empty() {
            let key = shown(&p.key);
            let mut refuse = |row: u64, message: String| {
                let column = columns.role_name(Role::Relationship);
                p.errors.push(RowError::new(row, column, Code::InvalidRelationship, message, Some(p.key.clone())));
            };
            let mut seen = [false; 2]; // a subscriber, a spouse
            for x in &p.people {
                let (i, what) = match x.relationship {
                    Relationship::Subscriber => (0, "a subscriber"),
                    Relationship::Spouse => (1, "a spouse"),
                    Relationship::Child => continue,
                };
                if seen[i] {
                    refuse(x.row, format!("household \"{key}\" has {what} already"));
                }
                seen[i] = true;
            }
            if !seen[0] {
                refuse(p.first_row, format!("household \"{key}\" has no subscriber (the employee or retiree)"));
            }
        }
        out.push(Unit::Household(Household { key: p.key, first_row: p.first_row, people: p.people, errors: p.errors, columns, later_part: p.later_part }));
        out.extend(p.trailing.into_iter().map(Unit::Refused));
    }
}

impl OrderCheck {
    /// One data row of the first pass: a new run of rows starts where the id changes (rows
    /// whose household cell is unusable are passed over, as the second pass passes over them).
    fn record(&mut self, record: &Record, columns: Option<&Columns>, fingerprint: &Fingerprint) {
        let Some(columns) = columns else { return };
        let Some(field) = record.fields.get(columns.of(Role::Household).unwrap_or(0)).filter(|f| f.fault.is_none()) else { return };
        let Ok(key) = key_of(&field.text) else { return };
        if self.last.as_deref() == Some(key.compared()) {
            return;
        }
        let h = fingerprint.of(key.compared());
        if self.seen.insert(h, ()).is_some() {
            self.apart.insert(h, record.row);
        } else {
            self.households += 1;
        }
        self.last = Some(key.compared().to_string());
    }
}

/// The code and words for a cell whose bytes cannot be read.
fn cell_fault(fault: CellFault) -> (Code, String) {
    match fault {
        CellFault::NotUtf8 => (Code::InvalidEncoding, "not UTF-8 text: save the census as CSV UTF-8".to_string()),
        CellFault::TooLong => (Code::InvalidRow, format!("longer than {MAX_FIELD_BYTES} bytes")),
    }
}
