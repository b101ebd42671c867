//! What the census hands out: the output rows, the errors that name a row and column, the
//! notes on households priced under an assumption, and the CSV text they are written as.
//!
//! Every text cell written is safe to open in a spreadsheet (OWASP, "CSV Injection"): a cell
//! that begins with `=`, `+`, `-`, `@`, a tab or a carriage return, which a spreadsheet would
//! take for a formula, is written quoted with a `'` before it (`"'=HYPERLINK(…)"`), so it opens
//! as the text it is.

use serde::ser::{SerializeMap, SerializeStruct, Serializer};
use serde::Serialize;

use super::ORIGIN;
use crate::error::{shown, Code, Error, Param, Value};
use crate::money::Money;
use crate::vocab::EnrollmentType;

/// The first line of the output.
pub const OUTPUT_HEADER: &str = "household,plan,enrollment,premium_annual,member_pays_total,total_annual_cost,cheapest";
/// The columns the output adds at the end with an employer contribution (docs/domain.md,
/// "Group census").
pub const CONTRIBUTION_COLUMNS: &str = ",premium_gross_annual,contribution_annual";
/// The first line of the refused rows' file (the page's second download).
pub const REFUSED_HEADER: &str = "household,row,column,code,message";

/// A row that cannot be priced: the error, in the one shape of every error (`crate::error`),
/// with its row number and the column at fault (as the file's header names it; empty when no
/// one column is). Its household is not priced, on any plan. An error found in pricing keeps
/// the engine's error as it is (origin `scenario`: the household's scenario, its members named
/// `row N`) with the `plan` it was priced on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    pub row: u64,
    pub column: String,
    /// The household the row belongs to (`None` when the household cell itself is unusable).
    pub household: Option<String>,
    /// The plan the engine refused the household on, for an error found in pricing.
    pub plan: Option<String>,
    pub error: Error,
}

impl RowError {
    /// A fault of the row itself (origin `census`, no path), as a code and words.
    pub fn new(row: u64, column: String, code: Code, message: String, household: Option<String>) -> RowError {
        RowError { row, column, household, plan: None, error: Error::new(ORIGIN, "", code, message) }
    }

    pub fn code(&self) -> Code {
        self.error.code()
    }

    /// The words without the row and column: the plan first where the error's params do not
    /// name it already (`unknown_service`, `not_offered`, `no_premium_rate`,
    /// `medicare_part_b_required` name theirs).
    pub fn words(&self) -> String {
        let message = self.error.message();
        match &self.plan {
            Some(plan) if self.error.params().get("plan") != Some(&Param::Text(shown(plan))) => format!("{plan}: {message}"),
            _ => message,
        }
    }

    /// Appends the error as a line of the refused rows' file ([`REFUSED_HEADER`]).
    pub fn write_csv(&self, out: &mut String) {
        csv_field(self.household.as_deref().unwrap_or(""), out);
        out.push(',');
        out.push_str(&self.row.to_string());
        out.push(',');
        csv_field(&self.column, out);
        out.push(',');
        out.push_str(self.code().as_str());
        out.push(',');
        csv_field(&self.words(), out);
        out.push('\n');
    }
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "row {}", self.row)?;
        if !self.column.is_empty() {
            write!(f, ", column {}", self.column)?;
        }
        write!(f, ": {}", self.words())?;
        match &self.household {
            Some(h) if self.code() != Code::RowsApart => write!(f, " (household \"{}\" not priced)", shown(h)),
            _ => Ok(()),
        }
    }
}

/// Text or null, as a serialized value.
fn text(t: Option<&str>) -> Value<'_> {
    t.map_or(Value::Null, Value::Text)
}

/// The error's fields (`code`, `field`, `path`, `params`, `origin`, `message`: the error's own
/// words, as every error gives them) and `row`, `column`, `household`, `plan`.
impl Serialize for RowError {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        self.error.serialize_fields(&mut map)?;
        for (key, value) in [
            // As a u32 (the module carries no 64-bit number conversion otherwise; 4 billion rows).
            ("row", Value::Int(u32::try_from(self.row).unwrap_or(u32::MAX))),
            ("column", text(Some(self.column.as_str()).filter(|c| !c.is_empty()))),
            ("household", text(self.household.as_deref())),
            ("plan", text(self.plan.as_deref())),
        ] {
            map.serialize_entry(key, &value)?;
        }
        map.end()
    }
}

/// A household priced under an assumption a reader should check: a person under 65 with no
/// Medicare status, priced on a Medicare Advantage plan as having Parts A and B (the warning
/// `costshare estimate` gives in its `assumptions`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub row: u64,
    /// The column to check (the Medicare column where the file has one, else the age's).
    pub column: String,
    pub household: String,
    pub age: u32,
    /// The plans it concerns.
    pub plans: Vec<String>,
}

impl Note {
    /// The assumption's code, as the engine's result names it.
    pub const CODE: &'static str = "medicare_assumed";

    /// The words without the row and column.
    pub fn words(&self) -> String {
        format!(
            "no Medicare status given, so priced as having Medicare Parts A and B on {}; at {}, a person has Medicare only through a disability or kidney failure, and without Part B cannot join {}",
            self.plans.join(", "),
            self.age,
            if self.plans.len() == 1 { "this plan" } else { "these plans" },
        )
    }
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "row {}", self.row)?;
        if !self.column.is_empty() {
            write!(f, ", column {}", self.column)?;
        }
        write!(f, ": {}", self.words())
    }
}

/// `{code, message, row, column, household, age, plans}`: `message` the words without the row
/// and column, as a row error's.
impl Serialize for Note {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Note", 7)?;
        st.serialize_field("code", Note::CODE)?;
        st.serialize_field("message", &self.words())?;
        st.serialize_field("row", &u32::try_from(self.row).unwrap_or(u32::MAX))?;
        st.serialize_field("column", &(!self.column.is_empty()).then_some(self.column.as_str()))?;
        st.serialize_field("household", &self.household)?;
        st.serialize_field("age", &self.age)?;
        st.serialize_field("plans", &self.plans)?;
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
    /// The whole premium for the year, and what the employer (or the published share) pays of it.
    pub premium_gross_annual: Money,
    pub contribution_annual: Money,
}

impl CensusRow {
    /// Appends the row as a CSV line (`\n`-terminated), with the contribution's columns at the
    /// end where asked.
    pub fn write_csv(&self, out: &mut String, contribution: bool) {
        csv_field(&self.household, out);
        for field in [self.plan.as_str(), self.enrollment.as_str()] {
            out.push(',');
            csv_field(field, out);
        }
        for money in [self.premium_annual, self.member_pays_total, self.total_annual_cost] {
            out.push(',');
            out.push_str(&money.to_cents_string());
        }
        out.push_str(if self.cheapest { ",true" } else { ",false" });
        if contribution {
            for money in [self.premium_gross_annual, self.contribution_annual] {
                out.push(',');
                out.push_str(&money.to_cents_string());
            }
        }
        out.push('\n');
    }
}

/// The output's first line.
pub fn output_header(contribution: bool) -> String {
    format!("{OUTPUT_HEADER}{}\n", if contribution { CONTRIBUTION_COLUMNS } else { "" })
}

/// A CSV text cell: as it is, or quoted (quotes doubled) when it holds a comma, a quote, a line
/// break or blanks at either end; and quoted with a `'` before it when it begins with a
/// character a spreadsheet takes for the start of a formula (`=`, `+`, `-`, `@`, tab, CR).
pub fn csv_field(text: &str, out: &mut String) {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = formula || text.contains([',', '"', '\r', '\n']) || text.starts_with(' ') || text.ends_with([' ', '\t']);
    if quote {
        out.push('"');
        if formula {
            out.push('\'');
        }
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}
