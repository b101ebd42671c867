//! What the census hands out: the output rows, the errors that name a row and column, and the
//! CSV the rows are written as.

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use crate::error::Code;
use crate::money::Money;
use crate::vocab::EnrollmentType;

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
