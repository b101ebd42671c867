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
//!
//! Where each part lives: `date` (dates of birth and the as-of date), `csv` (the tokenizer:
//! bytes in any pieces, records out), `columns` (the header), `cells` (one cell read as an age,
//! a relationship, a usage or a Medicare status), `keys` (the household order check),
//! `reader` (records into households), `output` (rows, row errors and the CSV written),
//! `price` (one household on every plan), `group` (reading and pricing on one thread, with the
//! group's totals: the WebAssembly module's) and `run` (the CLI's driver on every core).

mod cells;
mod columns;
mod csv;
mod date;
mod group;
mod keys;
mod output;
mod price;
mod reader;
#[cfg(not(target_arch = "wasm32"))]
mod run;
#[cfg(test)]
mod tests;

pub use columns::{Columns, Role};
pub use date::Date;
pub use group::{Batch, Census, PlanTotal};
pub use output::{csv_field, CensusRow, RowError};
pub use price::{price, price_unit, scenario, Priced};
pub use reader::{Household, Person, Reader, Unit};
#[cfg(not(target_arch = "wasm32"))]
pub use run::{run, Report, Summary};

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
