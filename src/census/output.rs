//! What the census hands out: the output rows, the errors that name a row and column, the
//! notes on households priced under an assumption, and the CSV text they are written as.
//!
//! Every text cell written is safe to open in a spreadsheet (OWASP, "CSV Injection"): a cell
//! that begins with `=`, `+`, `-`, `@`, a tab or a carriage return, which a spreadsheet would
//! take for a formula, is written quoted with a `'` before it (`"'=HYPERLINK(…)"`), so it opens
//! as the text it is.

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use crate::error::Code;
use crate::money::Money;
use crate::vocab::EnrollmentType;

/// The first line of the output.
pub const OUTPUT_HEADER: &str = "household,plan,enrollment,premium_annual,member_pays_total,total_annual_cost,cheapest";
/// The columns the output adds at the end with an employer contribution (docs/domain.md,
/// "Group census").
pub const CONTRIBUTION_COLUMNS: &str = ",premium_gross_annual,contribution_annual";
/// The first line of the refused rows' file (the page's second download).
pub const REFUSED_HEADER: &str = "household,row,column,code,message";

/// A row that cannot be priced: its row number, the column at fault (as the file's header
/// names it; empty when no one column is), a stable code and the words. Its household is
/// not priced, on any plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    pub row: u64,
    pub column: String,
    pub code: Code,
    pub message: String,
    /// The household the row belongs to (`None` when the household cell itself is unusable).
    pub household: Option<String>,
    /// The plan the engine refused the household on, for an error found in pricing.
    pub plan: Option<String>,
}

impl RowError {
    /// The words without the row and column: the plan first where the engine's words do not
    /// name it already (the codes whose messages name their plan: `unknown_service`,
    /// `not_offered`, `no_premium_rate`, `medicare_part_b_required`).
    pub fn words(&self) -> String {
        let names_plan = matches!(self.code, Code::UnknownService | Code::NotOffered | Code::NoPremiumRate | Code::MedicarePartBRequired);
        match &self.plan {
            Some(plan) if !names_plan => format!("{plan}: {}", self.message),
            _ => self.message.clone(),
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
        out.push_str(self.code.as_str());
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
            Some(h) if self.code != Code::RowsApart => write!(f, " (household \"{}\" not priced)", crate::error::shown(h)),
            _ => Ok(()),
        }
    }
}

impl Serialize for RowError {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("RowError", 7)?;
        // As a u32 (the module carries no 64-bit number conversion otherwise; 4 billion rows).
        st.serialize_field("row", &u32::try_from(self.row).unwrap_or(u32::MAX))?;
        st.serialize_field("column", &(!self.column.is_empty()).then_some(self.column.as_str()))?;
        st.serialize_field("code", self.code.as_str())?;
        st.serialize_field("message", &self.to_string())?;
        // The words alone, for a page that shows the row, column and household apart.
        st.serialize_field("detail", &self.words())?;
        st.serialize_field("household", &self.household)?;
        st.serialize_field("plan", &self.plan)?;
        st.end()
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
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "row {}", self.row)?;
        if !self.column.is_empty() {
            write!(f, ", column {}", self.column)?;
        }
        write!(
            f,
            ": no Medicare status given, so priced as having Medicare Parts A and B on {}; at {}, a person has Medicare only through a disability or kidney failure, and without Part B cannot join {}",
            self.plans.join(", "),
            self.age,
            if self.plans.len() == 1 { "this plan" } else { "these plans" },
        )
    }
}

impl Serialize for Note {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Note", 7)?;
        st.serialize_field("row", &u32::try_from(self.row).unwrap_or(u32::MAX))?;
        st.serialize_field("column", &(!self.column.is_empty()).then_some(self.column.as_str()))?;
        st.serialize_field("code", Note::CODE)?;
        st.serialize_field("household", &self.household)?;
        st.serialize_field("age", &self.age)?;
        st.serialize_field("plans", &self.plans)?;
        st.serialize_field("message", &self.to_string())?;
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
