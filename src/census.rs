//! Group census (DOMAIN.md, "Group census"): a CSV with one row per person, rows of one
//! household next to each other, each household priced on every requested plan by the normal
//! engine (`estimate`), so every figure equals `costshare estimate` for the same people and care.
//!
//! The pieces, each usable on its own:
//! - [`Reader`]: bytes in, in pieces cut anywhere (a file read 64 KiB at a time, a browser
//!   stream's chunks), households out as soon as their last row has been read. It holds one
//!   household's rows and one unfinished record at a time, plus an 8-byte fingerprint per
//!   household seen (to refuse a household whose rows are not together).
//! - [`price`]: one household on every plan: the output rows, or the errors naming row and column.
//! - [`Census`]: the two together on one thread, with totals per plan (the WebAssembly module).
//! - `run` (native only): the CLI's driver, reading on one thread and pricing on all cores,
//!   writing in input order.
//!
//! The CSV (RFC 4180, read leniently where that is unambiguous):
//! - a header row, then one row per person; a UTF-8 byte order mark, CRLF, LF or CR line ends,
//!   blank lines (or lines of empty fields) anywhere; fields may be quoted (`"Smith, J"`, a
//!   quote inside written twice), a quoted field may hold line breaks; blanks around fields and
//!   before an opening quote are dropped;
//! - "row N" is the Nth row a spreadsheet shows: the header is usually row 1, blank lines
//!   count, a line break inside a quoted field does not;
//! - columns are matched by name, case-insensitively, with spaces, hyphens and dots read as
//!   `_`; columns the engine does not use are ignored and listed ([`Columns::ignored`]).

use std::sync::Arc;

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use crate::catalog::Catalog;
use crate::compare::{suggest_enrollment, MAX_OPTIONS};
use crate::engine::estimate;
use crate::error::{shown, Code, Error};
use crate::map::SortedMap;
use crate::money::Money;
use crate::scenario::{Member, Scenario, MAX_AGE, MAX_MEMBERS};
use crate::vocab::{EnrollmentType, Medicare, Relationship};

/// The first line of the output.
pub const OUTPUT_HEADER: &str = "household,plan,enrollment,premium_annual,member_pays_total,total_annual_cost,cheapest";
/// Longest field kept (longer ones are refused, and not kept past this).
pub const MAX_FIELD_BYTES: usize = 1024;
/// Most columns a row may have.
pub const MAX_COLUMNS: usize = 256;
/// Longest household key, in characters (it is written back in every output row).
pub const MAX_KEY_CHARS: usize = 64;
/// The usage value meaning "no care" (a person who is covered and uses nothing).
pub const NO_CARE: &str = "none";

const ORIGIN: &str = "census";

// ---- dates ---------------------------------------------------------------------------------

/// A calendar date, for `date_of_birth` and the as-of date ages are counted on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// `YYYY-MM-DD` (ISO 8601) or `MM/DD/YYYY` (the US order spreadsheets write); month and
    /// day may have one digit; the year has four. Two-digit years are refused (which century?).
    pub fn parse(text: &str) -> Option<Date> {
        let t = text.trim();
        let (y, m, d) = if let Some((y, rest)) = t.split_once('-') {
            let (m, d) = rest.split_once('-')?;
            (y, m, d)
        } else {
            let (m, rest) = t.split_once('/')?;
            let (d, y) = rest.split_once('/')?;
            (y, m, d)
        };
        let digits = |s: &str, min: usize, max: usize| if (min..=max).contains(&s.len()) { number(s) } else { None };
        let (year, month, day) = (digits(y, 4, 4)?, digits(m, 1, 2)?, digits(d, 1, 2)?);
        if !(1800..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year: year as u16, month: month as u8, day: day as u8 })
    }

    /// Age in whole years on `on` (a birthday on February 29 comes on March 1 in other years),
    /// or `None` if born after `on`.
    pub fn age_on(self, on: Date) -> Option<u32> {
        if self > on {
            return None;
        }
        let mut years = u32::from(on.year - self.year);
        if (on.month, on.day) < (self.month, self.day) {
            years -= 1;
        }
        Some(years)
    }
}

/// ASCII digits (at most nine) as a number.
fn number(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 9 {
        return None;
    }
    text.bytes().try_fold(0u32, |n, b| if b.is_ascii_digit() { Some(n * 10 + u32::from(b - b'0')) } else { None })
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

// ---- options, errors, output rows ---------------------------------------------------------

/// What the CLI's `--as-of` and `--usage` (the page's `asOf` and `usage`) set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The date ages are counted on from `date_of_birth`. Default: January 1 of the plans'
    /// year when every requested plan has the same year; otherwise it must be given (only when
    /// the file has a date of birth column).
    pub as_of: Option<Date>,
    /// The usage preset (or `none`) for a person whose row gives none: the file has no usage
    /// column, or the cell is empty. Default: none, and such a row is refused.
    pub usage: Option<String>,
}

/// A row that cannot be priced: its row number, the column at fault (as the file's header
/// names it; empty when no one column is), a stable code and the words. Its household is
/// not priced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    pub row: u64,
    pub column: String,
    pub code: Code,
    pub message: String,
    /// The household the row belongs to (`None` when the household cell itself is unusable).
    pub household: Option<String>,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.column.is_empty() {
            write!(f, "row {}: {}", self.row, self.message)
        } else {
            write!(f, "row {}, column {}: {}", self.row, self.column, self.message)
        }
    }
}

impl Serialize for RowError {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("RowError", 5)?;
        // As a u32 (the module carries no 64-bit number conversion otherwise; 4 billion rows).
        st.serialize_field("row", &u32::try_from(self.row).unwrap_or(u32::MAX))?;
        st.serialize_field("column", &(!self.column.is_empty()).then_some(self.column.as_str()))?;
        st.serialize_field("code", self.code.as_str())?;
        st.serialize_field("message", &self.to_string())?;
        st.serialize_field("household", &self.household)?;
        st.end()
    }
}

/// One output row: a household on a plan.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct CensusRow {
    pub household: String,
    pub plan: String,
    pub enrollment: EnrollmentType,
    pub premium_annual: Money,
    pub member_pays_total: Money,
    pub total_annual_cost: Money,
    /// The household's lowest `total_annual_cost`; ties are not broken: every plan at the
    /// lowest total is `true` (as `compare` ranks equal totals equal).
    pub cheapest: bool,
}

impl CensusRow {
    /// Appends the row as a CSV line (`\n`-terminated), quoting the household where needed.
    pub fn write_csv(&self, out: &mut String) {
        csv_field(&self.household, out);
        for field in [self.plan.as_str(), self.enrollment.as_str()] {
            out.push(',');
            out.push_str(field);
        }
        for money in [self.premium_annual, self.member_pays_total, self.total_annual_cost] {
            out.push(',');
            out.push_str(&money.to_cents_string());
        }
        out.push_str(if self.cheapest { ",true\n" } else { ",false\n" });
    }
}

/// A CSV field: as it is, or quoted (quotes doubled) when it holds a comma, a quote, a line
/// break or blanks at either end.
pub fn csv_field(text: &str, out: &mut String) {
    let quote = text.contains([',', '"', '\r', '\n']) || text.starts_with([' ', '\t']) || text.ends_with([' ', '\t']);
    if quote {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

// ---- the CSV reader: bytes in any pieces, records out --------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: the end of it, or the first of a doubled quote.
    QuoteInQuoted,
}

const BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];

/// One CSV record: its row number, its fields (untrimmed), and the first fault found in it
/// (the column's index and the words).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Record {
    row: u64,
    fields: Vec<String>,
    fault: Option<(usize, String)>,
}

#[derive(Debug)]
struct Csv {
    state: State,
    field: Vec<u8>,
    fields: Vec<String>,
    /// Fields in this record so far, counting those past `MAX_COLUMNS` (not kept).
    count: usize,
    fault: Option<(usize, String)>,
    too_long: bool,
    /// The record has something in it (a blank line has not).
    content: bool,
    /// The row the record being read is on.
    row: u64,
    /// A CR ended the last record: a LF right after it is part of the same line end.
    skip_lf: bool,
    /// Bytes of a byte order mark matched at the start; `None` once past it.
    bom: Option<usize>,
}

impl Csv {
    fn new() -> Csv {
        Csv {
            state: State::FieldStart,
            field: Vec::new(),
            fields: Vec::new(),
            count: 0,
            fault: None,
            too_long: false,
            content: false,
            row: 1,
            skip_lf: false,
            bom: Some(0),
        }
    }

    fn feed(&mut self, mut bytes: &[u8], out: &mut Vec<Record>) {
        while let (Some(matched), Some(&b)) = (self.bom, bytes.first()) {
            if BOM.get(matched) == Some(&b) {
                bytes = &bytes[1..];
                self.bom = if matched + 1 == BOM.len() { None } else { Some(matched + 1) };
            } else {
                self.bom = None;
                for &m in &BOM[..matched] {
                    self.byte(m, out);
                }
            }
        }
        for &b in bytes {
            self.byte(b, out);
        }
    }

    fn finish(&mut self, out: &mut Vec<Record>) {
        if let Some(matched) = self.bom.take() {
            for &m in &BOM[..matched] {
                self.byte(m, out);
            }
        }
        if self.state == State::Quoted {
            self.set_fault(self.count, "a quoted field is not closed: it runs to the end of the file".into());
        }
        if self.content || self.count > 0 || !self.field.is_empty() {
            self.end_record(out);
        }
        self.skip_lf = false;
    }

    fn byte(&mut self, b: u8, out: &mut Vec<Record>) {
        if self.skip_lf {
            self.skip_lf = false;
            if b == b'\n' {
                return;
            }
        }
        match (self.state, b) {
            (State::Quoted, b'"') => self.state = State::QuoteInQuoted,
            (State::Quoted, _) => self.push(b),
            (State::QuoteInQuoted, b'"') => {
                self.push(b'"');
                self.state = State::Quoted;
            }
            (_, b',') => {
                self.content = true;
                self.end_field();
            }
            (_, b'\r' | b'\n') => {
                self.end_record(out);
                self.skip_lf = b == b'\r';
            }
            (State::FieldStart | State::QuoteInQuoted, b' ' | b'\t') => {}
            (State::FieldStart, b'"') => {
                self.content = true;
                self.state = State::Quoted;
            }
            (State::FieldStart | State::Unquoted, _) => {
                self.content = true;
                self.state = State::Unquoted;
                self.push(b);
            }
            (State::QuoteInQuoted, _) => {
                self.set_fault(self.count, "text after a closing quote (a quote inside a quoted field is written twice: \"\")".into());
                self.state = State::Unquoted;
                self.push(b);
            }
        }
    }

    fn push(&mut self, b: u8) {
        if self.field.len() < MAX_FIELD_BYTES {
            self.field.push(b);
        } else {
            self.too_long = true;
        }
    }

    fn set_fault(&mut self, column: usize, message: String) {
        if self.fault.is_none() {
            self.fault = Some((column, message));
        }
    }

    fn end_field(&mut self) {
        let column = self.count;
        if self.too_long {
            self.set_fault(column, format!("longer than {MAX_FIELD_BYTES} bytes"));
        }
        let bytes = std::mem::take(&mut self.field);
        if column < MAX_COLUMNS {
            let text = String::from_utf8(bytes).unwrap_or_else(|_| {
                self.set_fault(column, "not UTF-8 text (save the file as CSV UTF-8)".into());
                String::new()
            });
            self.fields.push(text);
        } else {
            self.set_fault(MAX_COLUMNS, format!("more than {MAX_COLUMNS} columns"));
        }
        self.count = self.count.saturating_add(1);
        self.too_long = false;
        self.state = State::FieldStart;
    }

    fn end_record(&mut self, out: &mut Vec<Record>) {
        if self.content || self.state != State::FieldStart {
            self.end_field();
            out.push(Record { row: self.row, fields: std::mem::take(&mut self.fields), fault: self.fault.take() });
        }
        self.fields.clear();
        self.fault = None;
        self.count = 0;
        self.content = false;
        self.state = State::FieldStart;
        self.row = self.row.saturating_add(1);
    }
}

// ---- the header ----------------------------------------------------------------------------

/// The columns the engine reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Household,
    Age,
    DateOfBirth,
    Relationship,
    Usage,
    Medicare,
}

/// Each role's accepted header names, the preferred first. Where a file has two names of one
/// role (`household` and `id`), the first in this order is used and the other ignored.
/// Benefix's template: `ID` (repeated on each dependent's row) is the household,
/// `subscriber_relationship` the relationship, `date_of_birth` the age.
const ROLES: [(Role, &[&str]); 6] = [
    (Role::Household, &["household", "household_id", "family_id", "employee_id", "id"]),
    (Role::Age, &["age"]),
    (Role::DateOfBirth, &["date_of_birth", "dob", "birth_date", "birthdate"]),
    (Role::Relationship, &["relationship", "subscriber_relationship", "relationship_to_subscriber", "relation"]),
    (Role::Usage, &["usage", "usage_preset", "preset"]),
    (Role::Medicare, &["medicare", "medicare_status"]),
];

/// Words read as each relationship (case-insensitive), the relationship's own name first.
const RELATIONSHIP_WORDS: [(Relationship, &[&str]); 3] = [
    (Relationship::Subscriber, &["subscriber", "employee", "self", "retiree", "primary"]),
    (Relationship::Spouse, &["spouse", "husband", "wife"]),
    (Relationship::Child, &["child", "dependent", "son", "daughter"]),
];

/// Which column of the file is which.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Columns {
    /// Each role's column index (in `Role` order), where the file has it.
    at: [Option<usize>; 6],
    /// The header's names, as written (trimmed).
    pub names: Vec<String>,
    /// Columns the engine does not use (gender, zip code, tobacco, coverage tier, …), as named.
    pub ignored: Vec<String>,
    /// The date ages are counted on, where the file gives dates of birth.
    pub as_of: Option<Date>,
}

/// A header name as compared: trimmed, lower case, spaces, hyphens and dots as `_`.
fn normalized(name: &str) -> String {
    name.trim_start_matches('\u{feff}').chars().map(|c| if matches!(c, ' ' | '-' | '.') { '_' } else { c.to_ascii_lowercase() }).collect()
}

impl Columns {
    /// The index of the role's column, if the file has one.
    pub fn of(&self, role: Role) -> Option<usize> {
        self.at[role as usize]
    }

    /// The header's name of the role's column, or empty.
    pub fn role_name(&self, role: Role) -> String {
        self.of(role).map(|i| self.name(i)).unwrap_or_default()
    }

    /// The name of column `i` in messages: the header's, else its number from 1.
    pub fn name(&self, i: usize) -> String {
        match self.names.get(i) {
            Some(n) if !n.is_empty() => n.clone(),
            _ => (i + 1).to_string(),
        }
    }

    fn read(record: &Record, setup: &Setup) -> Result<Columns, Error> {
        let mut columns = Columns { at: [None; 6], names: record.fields.iter().map(|f| shown(f.trim())).collect(), ignored: Vec::new(), as_of: None };
        let fail = |field: String, code: Code, message: String| Err(Error::new(ORIGIN, field, code, format!("row {}: {message}", record.row)));
        if let Some((i, message)) = &record.fault {
            return fail(columns.name(*i), Code::InvalidRow, format!("the header, column {}: {message}", columns.name(*i)));
        }
        let keys: Vec<String> = columns.names.iter().map(|n| normalized(n)).collect();
        let mut used = vec![false; keys.len()];
        for (role, accepted) in ROLES {
            for name in accepted {
                let mut found = keys.iter().enumerate().filter(|(_, k)| k == name).map(|(i, _)| i);
                if let Some(i) = found.next() {
                    if let Some(j) = found.next() {
                        return fail(columns.name(j), Code::DuplicateField, format!("columns {} and {} are both {}", i + 1, j + 1, columns.name(j)));
                    }
                    columns.at[role as usize] = Some(i);
                    used[i] = true;
                    break;
                }
            }
        }
        let has = |role: Role| columns.at[role as usize].is_some();
        let missing = [
            (!has(Role::Household), Role::Household, ""),
            (!has(Role::Relationship), Role::Relationship, ""),
            (!has(Role::Age) && !has(Role::DateOfBirth), Role::Age, " (or a date of birth column)"),
            (!has(Role::Usage) && setup.usage.is_none(), Role::Usage, " (or a usage for everyone: --usage)"),
        ];
        if let Some((_, role, or)) = missing.iter().find(|m| m.0) {
            let accepted = ROLES[*role as usize].1;
            let message = format!("the header has no {} column{or}; accepted names: {}", accepted[0], accepted.join(", "));
            return fail(accepted[0].to_string(), Code::MissingField, message);
        }
        if has(Role::DateOfBirth) {
            if setup.as_of.is_none() {
                let message = "the file gives dates of birth and the plans are of different years: give the date ages are counted on (--as-of YYYY-MM-DD)";
                return fail("as_of".into(), Code::MissingField, message.into());
            }
            columns.as_of = setup.as_of;
        }
        columns.ignored = columns.names.iter().zip(&used).filter(|(n, u)| !**u && !n.is_empty()).map(|(n, _)| n.clone()).collect();
        Ok(columns)
    }
}

// ---- households ----------------------------------------------------------------------------

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
struct Setup {
    plans: Vec<String>,
    presets: Vec<String>,
    as_of: Option<Date>,
    /// `Some(None)`: no care; `Some(Some(id))`: a preset.
    usage: Option<Option<String>>,
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

/// A usage cell: `none` or a preset id (case-insensitive).
fn usage_of(text: &str, presets: &[String]) -> Result<Option<String>, (Code, String)> {
    let t = text.to_ascii_lowercase();
    if t == NO_CARE {
        return Ok(None);
    }
    if presets.contains(&t) {
        return Ok(Some(t));
    }
    Err((Code::UnknownValue, format!("\"{}\" is not a usage preset: {}, or {NO_CARE} (no care)", shown(text), presets.join(", "))))
}

/// A fault in a row: the column's index, the code, the words.
type Fault = (usize, Code, String);

fn relationship_of((at, text): (usize, &str)) -> Result<Relationship, Fault> {
    let t = text.to_ascii_lowercase();
    if let Some((r, _)) = RELATIONSHIP_WORDS.iter().find(|(_, w)| w.contains(&t.as_str())) {
        return Ok(*r);
    }
    if text.is_empty() {
        return Err((at, Code::MissingField, "missing: subscriber, spouse or child".into()));
    }
    let words = "subscriber (or employee, self, retiree, primary); spouse (or husband, wife); child (or dependent, son, daughter)";
    Err((at, Code::UnknownValue, format!("\"{}\" is not a relationship: {words}", shown(text))))
}

fn medicare_of((at, text): (usize, &str)) -> Result<Option<Medicare>, Fault> {
    if text.is_empty() {
        return Ok(None);
    }
    let t: String = text.chars().map(|c| if matches!(c, ' ' | '-') { '_' } else { c.to_ascii_lowercase() }).collect();
    match Medicare::from_name(&t) {
        Some(m) => Ok(Some(m)),
        None => Err((at, Code::UnknownValue, format!("\"{}\" is not a Medicare status: {}, or empty", shown(text), Medicare::NAMES.join(", ")))),
    }
}

/// The person's age: from the age column where it is filled, else from the date of birth on
/// the as-of date.
fn age_of(age: Option<(usize, &str)>, birth: Option<(usize, &str)>, as_of: Option<Date>) -> Result<u32, Fault> {
    if let Some((at, text)) = age.filter(|(_, t)| !t.is_empty()) {
        return match number(text) {
            Some(a) if a <= MAX_AGE => Ok(a),
            Some(_) => Err((at, Code::OutOfRange, format!("an age is from 0 to {MAX_AGE} (got {text})"))),
            None => Err((at, Code::InvalidNumber, format!("\"{}\" is not an age: a whole number of years from 0 to {MAX_AGE}", shown(text)))),
        };
    }
    let (Some((at, text)), Some(as_of)) = (birth.filter(|(_, t)| !t.is_empty()), as_of) else {
        let at = age.or(birth).map_or(0, |(at, _)| at);
        return Err((at, Code::MissingField, "missing: the person's age".into()));
    };
    let Some(born) = Date::parse(text) else {
        return Err((at, Code::InvalidRow, format!("\"{}\" is not a date: YYYY-MM-DD or MM/DD/YYYY", shown(text))));
    };
    match born.age_on(as_of) {
        Some(a) if a <= MAX_AGE => Ok(a),
        Some(a) => Err((at, Code::OutOfRange, format!("born {born} is {a} on {as_of}: an age is from 0 to {MAX_AGE}"))),
        None => Err((at, Code::OutOfRange, format!("born {born}, after {as_of}, the date ages are counted on"))),
    }
}

/// Fingerprints of the households seen so far, to refuse a household whose rows are not
/// together: the one thing a streaming reader must remember of every household, since knowing
/// exactly whether a key was seen takes memory in proportion to the keys. Each is 8 bytes, in
/// an open-addressing table at most 7/8 full (about 10 bytes a household; 1 MiB for 100,000).
/// Two keys share a fingerprint with a chance of about n²/2^65 (3 in 100 million for a million
/// households), which would refuse the later one as if its rows were not together.
#[derive(Clone, Debug, Default)]
struct SeenKeys {
    slots: Vec<u64>,
    len: usize,
}

impl SeenKeys {
    /// FNV-1a (128 bits) of the key, folded and mixed (SplitMix64's finaliser) to 64; never 0,
    /// which marks an empty slot.
    fn fingerprint(key: &str) -> u64 {
        let mut h: u128 = 0x6c62272e07bb014262b821756295c58d;
        for &b in key.as_bytes() {
            h ^= u128::from(b);
            h = h.wrapping_mul(0x0000000001000000000000000000013B);
        }
        let mut x = (h as u64) ^ ((h >> 64) as u64);
        x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (x ^ (x >> 31)).max(1)
    }

    /// Adds the key; `false` if it was there already.
    fn insert(&mut self, key: &str) -> bool {
        if (self.len + 1) * 8 > self.slots.len() * 7 {
            let size = (self.slots.len() * 2).max(1024);
            let old = std::mem::replace(&mut self.slots, vec![0; size]);
            self.len = 0;
            for h in old.into_iter().filter(|&h| h != 0) {
                self.place(h);
            }
        }
        self.place(Self::fingerprint(key))
    }

    fn place(&mut self, h: u64) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = (h as usize) & mask;
        loop {
            match self.slots.get(i).copied() {
                Some(0) => {
                    self.slots[i] = h;
                    self.len += 1;
                    return true;
                }
                Some(s) if s == h => return false,
                Some(_) => i = (i + 1) & mask,
                None => return true, // cannot happen: i is masked to the table's size
            }
        }
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

// ---- pricing -------------------------------------------------------------------------------

/// One household on every plan: its output rows (one per plan, in the order asked), or the
/// errors that kept it from being priced (then no rows: a household is priced on every plan
/// or on none, so the employer's totals per plan cover the same households).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Priced {
    pub rows: Vec<CensusRow>,
    pub errors: Vec<RowError>,
    /// Claims adjudicated (lines of all the estimates).
    pub claims: u64,
}

/// The scenario the census prices for a household on `plan`: the people with the subscriber
/// first and the others in the order of their rows (member ids `row 7`, …); each person's
/// usage preset's care in that order, as the preset gives it (count, days, days' supply,
/// allowed, admitted), priced at the typical prices otherwise; the enrollment type that fits
/// the household's size on the plan (`compare::suggest_enrollment`); the plan's first pay
/// schedule. `costshare estimate` of this scenario gives the census's figures.
pub fn scenario(catalog: &Catalog, household: &Household, plan: &str) -> Result<Scenario, RowError> {
    let people = ordered(household);
    let mut services = Vec::new();
    for p in &people {
        let Some(name) = &p.usage else { continue };
        let Some(preset) = catalog.presets().and_then(|ps| ps.presets.get(name)) else {
            let column = household.columns.role_name(Role::Usage);
            return Err(RowError {
                row: p.row,
                column,
                code: Code::UnknownValue,
                message: format!("\"{}\" is not a usage preset", shown(name)),
                household: Some(household.key.clone()),
            });
        };
        for u in &preset.services {
            services.push(u.service_use(member_id(p)));
        }
    }
    let members = people
        .iter()
        .map(|p| Member { id: member_id(p), age: p.age, relationship: Some(p.relationship), medicare: p.medicare, ..Member::default() })
        .collect();
    let enrollment = catalog.plan(plan).and_then(|p| suggest_enrollment(p, people.len()));
    Ok(Scenario {
        plan: plan.to_string(),
        enrollment,
        pay_schedule: None,
        members,
        services,
        prices: SortedMap::new(),
        employer_contribution: None,
        marginal_tax_rate: None,
        ..Scenario::default()
    })
}

fn member_id(p: &Person) -> String {
    format!("row {}", p.row)
}

/// The people in scenario order: the subscriber, then the others in row order.
fn ordered(h: &Household) -> Vec<&Person> {
    let mut people: Vec<&Person> = h.people.iter().filter(|p| p.relationship == Relationship::Subscriber).collect();
    people.extend(h.people.iter().filter(|p| p.relationship != Relationship::Subscriber));
    people
}

/// Prices what the reader handed on.
pub fn price_unit(catalog: &Catalog, plans: &[String], unit: Unit) -> Priced {
    match unit {
        Unit::Household(h) => price(catalog, plans, h),
        Unit::Refused(e) => Priced { rows: Vec::new(), errors: vec![e], claims: 0 },
    }
}

/// Prices a household on every plan in `plans`.
pub fn price(catalog: &Catalog, plans: &[String], household: Household) -> Priced {
    if !household.errors.is_empty() {
        return Priced { rows: Vec::new(), errors: household.errors, claims: 0 };
    }
    let mut rows = Vec::with_capacity(plans.len());
    let mut errors = Vec::new();
    let mut claims = 0u64;
    let people = ordered(&household);
    for plan in plans {
        let result = scenario(catalog, &household, plan).and_then(|s| {
            if s.enrollment.is_none() {
                let e = Error::new("scenario", "members", Code::HouseholdSize, format!("no enrollment type covers {} people", people.len()));
                return Err(plan_error(&household, &people, &s, e));
            }
            estimate(catalog, &s).map_err(|e| plan_error(&household, &people, &s, e))
        });
        match result {
            Ok(e) => {
                claims += e.lines.len() as u64;
                rows.push(CensusRow {
                    household: household.key.clone(),
                    plan: plan.clone(),
                    enrollment: e.enrollment,
                    premium_annual: e.premium_annual,
                    member_pays_total: e.member_pays_total,
                    total_annual_cost: e.total_annual_cost,
                    cheapest: false,
                });
            }
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Priced { rows: Vec::new(), errors, claims };
    }
    if let Some(lowest) = rows.iter().map(|r| r.total_annual_cost).min() {
        for r in &mut rows {
            r.cheapest = r.total_annual_cost == lowest;
        }
    }
    Priced { rows, errors, claims }
}

/// An engine error for one plan, said of the row and column it comes from: `members[i].x`
/// is person i's row (the age, relationship or Medicare column); `services[j]…` the row of the
/// person whose preset the use came from (the usage column); anything else the household's
/// first row.
fn plan_error(h: &Household, people: &[&Person], s: &Scenario, e: Error) -> RowError {
    let c = &h.columns;
    let age = if c.of(Role::Age).is_some() { Role::Age } else { Role::DateOfBirth };
    let index = |prefix: &str| -> Option<(usize, &str)> {
        let (i, tail) = e.field.strip_prefix(prefix)?.split_once(']')?;
        Some((number(i)? as usize, tail))
    };
    let (row, role) = if let Some((i, tail)) = index("members[") {
        // A bare `members[i]` is a premium table with no row for the person: their Medicare
        // status where the row gives one, else their age.
        let given_medicare = people.get(i).is_some_and(|p| p.medicare.is_some());
        let role = match tail {
            ".medicare" | "" if given_medicare => Role::Medicare,
            ".relationship" => Role::Relationship,
            _ => age,
        };
        (people.get(i).map(|p| p.row), Some(role))
    } else if let Some((j, _)) = index("services[") {
        let member = s.services.get(j).map(|u| u.member.as_str());
        (people.iter().find(|p| Some(member_id(p).as_str()) == member).map(|p| p.row), Some(Role::Usage))
    } else {
        (None, (e.field == "members").then_some(Role::Household))
    };
    RowError {
        row: row.unwrap_or(h.first_row),
        column: role.map(|r| c.role_name(r)).unwrap_or_default(),
        code: e.code,
        message: if e.message.contains(s.plan.as_str()) { e.message } else { format!("{}: {}", s.plan, e.message) },
        household: Some(h.key.clone()),
    }
}

// ---- one thread: the reader and the pricing together, with totals -------------------------

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

fn add_totals(totals: &mut [PlanTotal], rows: &[CensusRow]) {
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

// ---- the CLI's driver: read on one thread, price on all, write in input order ---------------

/// What `run` reports besides the output rows.
#[cfg(not(target_arch = "wasm32"))]
pub trait Report {
    /// The header has been read (to say which columns are ignored).
    fn columns(&mut self, columns: &Columns);
    /// A refused row, in input order.
    fn error(&mut self, error: &RowError);
}

/// Counts of a whole run.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Households read (priced or refused), not counting rows that name no usable household.
    pub households: u64,
    pub priced: u64,
    /// Errors reported (refused rows; a household may have several).
    pub errors: u64,
    /// Rows refused because they name no usable household (not counted in `households`).
    pub unattached: u64,
    pub rows: u64,
    pub claims: u64,
    pub totals: Vec<PlanTotal>,
}

/// Households handed to a worker at a time.
#[cfg(not(target_arch = "wasm32"))]
const BATCH: usize = 64;

/// Reads the census from `input` and writes the output CSV (header first, then each household's
/// rows in input order) to `output`; refused rows go to `report`, in input order too. With
/// `threads` > 1 the households are priced on that many threads while this one reads and
/// writes; at most `4 × threads` batches of 64 households are in hand at once, so memory does
/// not grow with the file. A write that fails because the reader went away (`| head`) ends the
/// run early without an error; the summary then counts what was written.
#[cfg(not(target_arch = "wasm32"))]
pub fn run(
    catalog: &Catalog,
    plan_ids: &[String],
    options: &Options,
    input: &mut dyn std::io::Read,
    output: &mut dyn std::io::Write,
    report: &mut dyn Report,
    threads: usize,
) -> Result<Summary, Error> {
    use std::collections::BTreeMap;
    use std::sync::mpsc;
    use std::sync::Mutex;

    let mut reader = Reader::new(catalog, plan_ids, options)?;
    let plans = reader.plans().to_vec();
    let mut sink = Sink { output, report, header: false, stopped: false, summary: Summary::default() };
    sink.summary.totals = Census::new(catalog, plan_ids, options)?.totals;
    let mut buffer = vec![0u8; 64 * 1024];
    let mut units: Vec<Unit> = Vec::new();
    // Reads the next piece; `Ok(false)` at the end of the input.
    let mut read_more = |reader: &mut Reader, units: &mut Vec<Unit>| -> Result<bool, Error> {
        let n = loop {
            match input.read(&mut buffer) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(Error::new(ORIGIN, "", Code::ReadFailed, format!("could not read the census: {e}"))),
            }
        };
        match buffer.get(..n) {
            Some(bytes) if n > 0 => reader.feed(bytes, units).map(|_| true),
            _ => reader.finish(units).map(|_| false),
        }
    };

    if threads <= 1 {
        loop {
            let more = read_more(&mut reader, &mut units)?;
            sink.header(&reader)?;
            for unit in units.drain(..) {
                sink.write(price_unit(catalog, &plans, unit))?;
            }
            if !more || sink.stopped {
                break;
            }
        }
        return sink.end();
    }

    let most_in_hand = threads * 4;
    let (job_tx, job_rx) = mpsc::sync_channel::<(u64, Vec<Unit>)>(most_in_hand);
    let (done_tx, done_rx) = mpsc::channel::<(u64, Vec<Priced>)>();
    let job_rx = Mutex::new(job_rx);
    let plans = &plans;
    let out = &mut sink;
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let job_rx = &job_rx;
            scope.spawn(move || loop {
                let job = job_rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                let Ok((seq, batch)) = job else { break };
                let priced: Vec<Priced> = batch.into_iter().map(|unit| price_guarded(catalog, plans, unit)).collect();
                if done_tx.send((seq, priced)).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);
        // Everything the workers need ends with this closure: `job_tx` is dropped when it
        // returns, which lets the workers stop, whatever happened.
        let result = (move || -> Result<(), Error> {
            let mut next_seq = 0u64; // the next batch to send
            let mut next_out = 0u64; // the next batch to write
            let mut waiting: BTreeMap<u64, Vec<Priced>> = BTreeMap::new();
            let write_ready = |waiting: &mut BTreeMap<u64, Vec<Priced>>, next_out: &mut u64, sink: &mut Sink| -> Result<(), Error> {
                while let Some(batch) = waiting.remove(next_out) {
                    *next_out += 1;
                    for priced in batch {
                        sink.write(priced)?;
                    }
                }
                Ok(())
            };
            let mut more = true;
            while more && !out.stopped {
                more = read_more(&mut reader, &mut units)?;
                out.header(&reader)?;
                while units.len() >= BATCH || (!more && !units.is_empty()) {
                    let batch: Vec<Unit> = units.drain(..units.len().min(BATCH)).collect();
                    while next_seq - next_out >= most_in_hand as u64 {
                        let Ok((seq, priced)) = done_rx.recv() else { return Ok(()) };
                        waiting.insert(seq, priced);
                        write_ready(&mut waiting, &mut next_out, out)?;
                    }
                    if job_tx.send((next_seq, batch)).is_err() {
                        return Ok(());
                    }
                    next_seq += 1;
                }
                while let Ok((seq, priced)) = done_rx.try_recv() {
                    waiting.insert(seq, priced);
                }
                write_ready(&mut waiting, &mut next_out, out)?;
            }
            drop(job_tx);
            while next_out < next_seq && !out.stopped {
                let Ok((seq, priced)) = done_rx.recv() else { break };
                waiting.insert(seq, priced);
                write_ready(&mut waiting, &mut next_out, out)?;
            }
            Ok(())
        })();
        result
    })?;
    sink.end()
}

/// Prices a unit; should the engine ever panic (it must not), the household is refused with
/// an error instead of the run ending or hanging.
#[cfg(not(target_arch = "wasm32"))]
fn price_guarded(catalog: &Catalog, plans: &[String], unit: Unit) -> Priced {
    let (row, household) = match &unit {
        Unit::Household(h) => (h.first_row, Some(h.key.clone())),
        Unit::Refused(e) => (e.row, e.household.clone()),
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| price_unit(catalog, plans, unit))).unwrap_or_else(|_| Priced {
        rows: Vec::new(),
        errors: vec![RowError { row, column: String::new(), code: Code::InvalidRow, message: "internal error: this household could not be priced".into(), household }],
        claims: 0,
    })
}

#[cfg(not(target_arch = "wasm32"))]
struct Sink<'a> {
    output: &'a mut dyn std::io::Write,
    report: &'a mut dyn Report,
    header: bool,
    stopped: bool,
    summary: Summary,
}

#[cfg(not(target_arch = "wasm32"))]
impl Sink<'_> {
    fn io(&mut self, e: std::io::Error) -> Result<(), Error> {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            self.stopped = true;
            return Ok(());
        }
        Err(Error::new(ORIGIN, "", Code::ReadFailed, format!("could not write the output: {e}")))
    }

    /// Writes the output's header once the census's header has been read.
    fn header(&mut self, reader: &Reader) -> Result<(), Error> {
        if let (false, Some(columns)) = (self.header, reader.columns()) {
            self.header = true;
            self.report.columns(columns);
            if let Err(e) = self.output.write_all(format!("{OUTPUT_HEADER}\n").as_bytes()) {
                return self.io(e);
            }
        }
        Ok(())
    }

    fn write(&mut self, priced: Priced) -> Result<(), Error> {
        if self.stopped {
            return Ok(());
        }
        let s = &mut self.summary;
        s.claims += priced.claims;
        if !priced.rows.is_empty() || priced.errors.iter().any(|e| e.household.is_some()) {
            s.households += 1;
        } else {
            s.unattached += 1;
        }
        for e in &priced.errors {
            s.errors += 1;
            self.report.error(e);
        }
        if priced.rows.is_empty() {
            return Ok(());
        }
        s.priced += 1;
        s.rows += priced.rows.len() as u64;
        add_totals(&mut s.totals, &priced.rows);
        let mut text = String::with_capacity(96 * priced.rows.len());
        for r in &priced.rows {
            r.write_csv(&mut text);
        }
        match self.output.write_all(text.as_bytes()) {
            Ok(()) => Ok(()),
            Err(e) => self.io(e),
        }
    }

    fn end(&mut self) -> Result<Summary, Error> {
        if let Err(e) = self.output.flush() {
            self.io(e)?;
        }
        Ok(std::mem::take(&mut self.summary))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(pieces: &[&[u8]]) -> Vec<(u64, Vec<String>, Option<String>)> {
        let mut csv = Csv::new();
        let mut out = Vec::new();
        for p in pieces {
            csv.feed(p, &mut out);
        }
        csv.finish(&mut out);
        out.into_iter().map(|r| (r.row, r.fields, r.fault.map(|f| f.1))).collect()
    }

    fn fields(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn csv_reads_quotes_line_ends_a_bom_and_blank_lines() {
        let text = "\u{feff}a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n\"two\nlines\",z\rlast, \"q\" \n";
        let want = vec![
            (1, fields(&["a", "b"]), None),
            (2, fields(&["x, y", "say \"hi\""]), None),
            (4, fields(&["two\nlines", "z"]), None),
            (5, fields(&["last", "q"]), None),
        ];
        assert_eq!(records(&[text.as_bytes()]), want);
        // Cut anywhere, even inside the BOM or a CRLF: the same records.
        let bytes = text.as_bytes();
        for cut in 0..=bytes.len() {
            assert_eq!(records(&[&bytes[..cut], &bytes[cut..]]), want, "cut at {cut}");
        }
        // No final line end; a lone BOM-like prefix that is not a BOM.
        assert_eq!(records(&[b"a,b"]), vec![(1, fields(&["a", "b"]), None)]);
        let r = records(&[b"\xef\xbbx"]);
        assert!(r[0].2.as_deref().unwrap().starts_with("not UTF-8"), "{r:?}");
    }

    #[test]
    fn csv_names_what_it_cannot_read() {
        let r = records(&[b"a,\"b\"c,d\n"]);
        assert_eq!(r[0].1, fields(&["a", "bc", "d"]));
        assert!(r[0].2.as_deref().unwrap().starts_with("text after a closing quote"));
        let r = records(&[b"a,\"open\nstill\n"]);
        assert_eq!(r.len(), 1);
        assert!(r[0].2.as_deref().unwrap().starts_with("a quoted field is not closed"));
        let r = records(&[b"\xff,x\n"]);
        assert!(r[0].2.as_deref().unwrap().starts_with("not UTF-8"));
    }

    #[test]
    fn dates_and_ages() {
        let d = |s| Date::parse(s);
        assert_eq!(d("1980-03-15"), Some(Date { year: 1980, month: 3, day: 15 }));
        assert_eq!(d("3/15/1980"), d("03/15/1980"));
        assert_eq!(d("2000-02-29").map(|x| x.to_string()), Some("2000-02-29".into()));
        for bad in ["1900-02-29", "2023-02-29", "1980-13-01", "1980-04-31", "80-01-01", "1/1/80", "1980/01/01", "", "x", "1980-1-1-1", "-1980-01-01"] {
            assert_eq!(d(bad), None, "{bad}");
        }
        let on = Date { year: 2022, month: 1, day: 1 };
        assert_eq!(d("1980-01-01").unwrap().age_on(on), Some(42));
        assert_eq!(d("1980-01-02").unwrap().age_on(on), Some(41));
        assert_eq!(d("2022-01-01").unwrap().age_on(on), Some(0));
        assert_eq!(d("2022-01-02").unwrap().age_on(on), None);
        // Born on February 29: a year older on March 1 of other years.
        let leap = d("2000-02-29").unwrap();
        assert_eq!(leap.age_on(Date { year: 2001, month: 2, day: 28 }), Some(0));
        assert_eq!(leap.age_on(Date { year: 2001, month: 3, day: 1 }), Some(1));
    }

    #[test]
    fn seen_keys_remember_every_key() {
        let mut seen = SeenKeys::default();
        for i in 0..50_000 {
            assert!(seen.insert(&format!("H{i}")), "H{i} new");
        }
        for i in (0..50_000).step_by(997) {
            assert!(!seen.insert(&format!("H{i}")), "H{i} seen");
        }
        assert_eq!(seen.len, 50_000);
        assert!(seen.slots.len() * 7 >= seen.len * 8);
    }

    #[test]
    fn csv_fields_are_quoted_where_needed() {
        let mut out = String::new();
        for f in ["plain", "a,b", "say \"hi\"", " lead", "new\nline"] {
            csv_field(f, &mut out);
            out.push('|');
        }
        assert_eq!(out, "plain|\"a,b\"|\"say \"\"hi\"\"\"|\" lead\"|\"new\nline\"|");
    }
}
