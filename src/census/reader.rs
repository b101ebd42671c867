//! Records into households: the streaming reader.

use std::sync::Arc;

use super::cells::{age_of, medicare_of, relationship_of, usage_of, Fault};
use super::columns::{Columns, Role};
use super::csv::{Csv, Record};
use super::date::Date;
use super::keys::SeenKeys;
use super::output::RowError;
use super::{Options, MAX_KEY_CHARS, NO_CARE, ORIGIN};
use crate::catalog::Catalog;
use crate::compare::MAX_OPTIONS;
use crate::error::{shown, Code, Error};
use crate::scenario::MAX_MEMBERS;
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
    pub key: String,
    pub first_row: u64,
    pub people: Vec<Person>,
    pub errors: Vec<RowError>,
    pub columns: Arc<Columns>,
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
}

impl Setup {
    fn new(catalog: &Catalog, plan_ids: &[String], options: &Options) -> Result<Setup, Error> {
        if plan_ids.is_empty() {
            return Err(Error::new(ORIGIN, "plans", Code::MissingField, "name at least one plan"));
        }
        if plan_ids.len() > MAX_OPTIONS {
            return Err(Error::new(ORIGIN, "plans", Code::TooMany, format!("at most {MAX_OPTIONS} plans")));
        }
        let mut years = Vec::new();
        for (i, id) in plan_ids.iter().enumerate() {
            let plan = catalog.plan_for(id, &format!("plans[{i}]")).map_err(|e| e.from(ORIGIN))?;
            if plan_ids[..i].contains(id) {
                return Err(Error::new(ORIGIN, format!("plans[{i}]"), Code::DuplicateId, format!("\"{}\" is listed twice", shown(id))));
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
        Ok(Setup { plans: plan_ids.to_vec(), presets, as_of, usage })
    }
}

/// The household being read.
#[derive(Debug)]
struct Pending {
    key: String,
    first_row: u64,
    rows: usize,
    people: Vec<Person>,
    errors: Vec<RowError>,
    /// Its rows are not together: refused, and its rows not read further.
    split: bool,
    /// Rows naming no usable household met while this one was read, reported after it.
    trailing: Vec<RowError>,
}

/// Reads a census: bytes in any pieces, households out in file order as each one's last row
/// is read (a household ends at the first row of another, or at the end of the file).
#[derive(Debug)]
pub struct Reader {
    setup: Setup,
    csv: Csv,
    records: Vec<Record>,
    columns: Option<Arc<Columns>>,
    pending: Option<Pending>,
    seen: SeenKeys,
    failed: Option<Error>,
    finished: bool,
}

impl Reader {
    /// Checks the plans (known, not repeated, at most 24) and the options against the catalog
    /// (which must have its usage presets).
    pub fn new(catalog: &Catalog, plan_ids: &[String], options: &Options) -> Result<Reader, Error> {
        Ok(Reader {
            setup: Setup::new(catalog, plan_ids, options)?,
            csv: Csv::new(),
            records: Vec::new(),
            columns: None,
            pending: None,
            seen: SeenKeys::default(),
            failed: None,
            finished: false,
        })
    }

    pub fn plans(&self) -> &[String] {
        &self.setup.plans
    }

    /// The header's columns, once the header row has been read.
    pub fn columns(&self) -> Option<&Columns> {
        self.columns.as_deref()
    }

    /// Reads the next piece of the file (cut anywhere, even inside a character); appends the
    /// households it completes. An error is a header that cannot be used: nothing can be read.
    pub fn feed(&mut self, bytes: &[u8], out: &mut Vec<Unit>) -> Result<(), Error> {
        self.check()?;
        let mut records = std::mem::take(&mut self.records);
        self.csv.feed(bytes, &mut records);
        let result = self.take(&mut records, out);
        records.clear();
        self.records = records;
        result
    }

    /// The end of the file: appends the last household.
    pub fn finish(&mut self, out: &mut Vec<Unit>) -> Result<(), Error> {
        self.check()?;
        let mut records = std::mem::take(&mut self.records);
        self.csv.finish(&mut records);
        self.take(&mut records, out)?;
        self.finished = true;
        self.flush(out);
        if self.columns.is_none() {
            return Err(Error::new(ORIGIN, "", Code::MissingField, "the census is empty: it needs a header row and one row per person"));
        }
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

    fn take(&mut self, records: &mut Vec<Record>, out: &mut Vec<Unit>) -> Result<(), Error> {
        for record in records.drain(..) {
            if let Err(e) = self.record(record, out) {
                self.failed = Some(e.clone());
                return Err(e);
            }
        }
        Ok(())
    }

    fn record(&mut self, record: Record, out: &mut Vec<Unit>) -> Result<(), Error> {
        if record.fault.is_none() && record.fields.iter().all(|f| f.trim().is_empty()) {
            return Ok(()); // a blank line, or a line of empty fields
        }
        let Some(columns) = self.columns.clone() else {
            self.columns = Some(Arc::new(Columns::read(&record, &self.setup)?));
            return Ok(());
        };
        let row = record.row;
        let cell = |i: usize| record.fields.get(i).map_or("", |s| s.trim());
        let error = |column: usize, code: Code, message: String, household: Option<&str>| RowError {
            row,
            column: columns.name(column),
            code,
            message,
            household: household.map(str::to_string),
        };
        let household_at = columns.of(Role::Household).unwrap_or(0);
        let key = cell(household_at);
        if key.is_empty() || key.chars().count() > MAX_KEY_CHARS || key.chars().any(char::is_control) {
            let (code, message) = if key.is_empty() {
                (Code::MissingField, "missing: every row names its household".to_string())
            } else {
                (Code::InvalidText, format!("a household is named in 1 to {MAX_KEY_CHARS} characters, no control characters (got \"{}\")", shown(key)))
            };
            let refused = error(household_at, code, message, None);
            // In row order: after the household being read, which this row may sit among.
            match self.pending.as_mut() {
                Some(p) => p.trailing.push(refused),
                None => out.push(Unit::Refused(refused)),
            }
            return Ok(());
        }

        if self.pending.as_ref().map_or(true, |p| p.key != key) {
            self.flush(out);
            let mut p = Pending { key: key.to_string(), first_row: row, rows: 0, people: Vec::new(), errors: Vec::new(), split: false, trailing: Vec::new() };
            if !self.seen.insert(key) {
                p.split = true;
                p.errors.push(error(
                    household_at,
                    Code::InvalidRow,
                    format!(
                        "household \"{}\" already ended at an earlier row: a household's rows must be next to each other (its earlier rows were priced without this one)",
                        shown(key)
                    ),
                    Some(key),
                ));
            }
            self.pending = Some(p);
        }
        let Some(p) = self.pending.as_mut() else { return Ok(()) };
        p.rows += 1;
        if p.split {
            return Ok(());
        }
        if p.rows > MAX_MEMBERS {
            if p.rows == MAX_MEMBERS + 1 {
                p.errors.push(error(household_at, Code::TooMany, format!("a household has at most {MAX_MEMBERS} people"), Some(key)));
            }
            return Ok(());
        }

        if let Some((column, message)) = record.fault {
            // The row cannot be read as written (an unclosed quote, bytes that are not text):
            // its cells say nothing reliable, so this is all that is said of it.
            p.errors.push(error(column, Code::InvalidRow, message, Some(key)));
            return Ok(());
        }
        let at = |role: Role| columns.of(role).map(|i| (i, cell(i)));
        let mut faults: Vec<Fault> = Vec::new();
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
                    p.errors.push(error(column, code, message, Some(key)));
                }
            }
        }
        Ok(())
    }

    /// Hands on the household being read, with the checks that need all its rows.
    fn flush(&mut self, out: &mut Vec<Unit>) {
        let (Some(mut p), Some(columns)) = (self.pending.take(), self.columns.clone()) else { return };
        if p.errors.is_empty() {
            let key = shown(&p.key);
            let mut refuse = |row: u64, message: String| {
                let column = columns.role_name(Role::Relationship);
                p.errors.push(RowError { row, column, code: Code::InvalidRelationship, message, household: Some(p.key.clone()) });
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
        out.push(Unit::Household(Household { key: p.key, first_row: p.first_row, people: p.people, errors: p.errors, columns }));
        out.extend(p.trailing.into_iter().map(Unit::Refused));
    }
}
