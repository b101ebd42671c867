//! Group census (docs/domain.md, "Group census"): a CSV with one row per person, rows of one
//! household next to each other, each household priced on every requested plan by the normal
//! engine, so every figure equals `costshare estimate` for the same people and care.
//!
//! The pieces, each usable on its own:
//! - [`Reader`]: bytes in, in pieces cut anywhere (a file read 64 KiB at a time, a browser
//!   stream's chunks), read twice: the first pass finds the households whose rows are apart
//!   (refused whole), the second hands on each household as soon as its last row is read. It
//!   holds one household's rows and one unfinished record at a time, plus an 8-byte
//!   fingerprint per household in the first pass.
//! - [`price`]: one household on every plan: the output rows, or the errors naming row and column.
//! - [`Census`]: the two together on one thread, with totals per plan and the priced
//!   households kept compactly, to be shown a page at a time (the WebAssembly module's).
//! - `run` (native only): the CLI's driver, reading on one thread and pricing on all cores,
//!   writing in input order.
//!
//! The CSV (RFC 4180, read leniently where that is unambiguous):
//! - a header row, then one row per person; a UTF-8 byte order mark, CRLF, LF or CR line ends,
//!   blank lines (or lines of empty fields) anywhere; fields may be quoted (`"Smith, J"`, a
//!   quote inside written twice), a quoted field may hold line breaks and keeps its text as
//!   written; blanks around an unquoted field and before an opening quote are dropped;
//! - "row N" is the Nth row a spreadsheet shows: the header is usually row 1, blank lines
//!   count, a line break inside a quoted field does not;
//! - columns are matched by name, case-insensitively, with spaces, hyphens and dots read as
//!   `_`; columns the engine does not use are ignored and listed ([`Columns::ignored`]);
//! - bounded: a file of at most [`MAX_FILE_BYTES`], a record of at most [`MAX_RECORD_BYTES`],
//!   a field of at most [`MAX_FIELD_BYTES`], [`MAX_COLUMNS`] columns.
//!
//! Where each part lives: `date` (dates of birth and the as-of date), `csv` (the tokenizer:
//! bytes in any pieces, records out), `source` (the file as a whole: not CSV text, too large,
//! its header), `columns` (the header's names), `cells` (one cell read as an age, a
//! relationship, a usage or a Medicare status), `keys` (household ids and the order check's
//! fingerprints), `reader` (records into households, in two passes), `output` (rows, row errors,
//! notes and the CSV written), `price` (one household on every plan), `group` (reading and
//! pricing on one thread, with the group's totals and the households a page at a time: the
//! WebAssembly module's) and `run` (the CLI's driver on every core).

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
mod source;
#[cfg(test)]
mod tests;

pub use columns::{Columns, Role};
pub use date::Date;
pub use group::{Batch, Census, HouseholdPage, PageCell, PageRow, PlanTotal, Sort};
pub use output::{csv_field, output_header, CensusRow, Note, RowError, CONTRIBUTION_COLUMNS, OUTPUT_HEADER, REFUSED_HEADER};
pub use price::{price, price_unit, scenario, Priced};
pub use reader::{Checked, Household, Person, Reader, Unit};
#[cfg(not(target_arch = "wasm32"))]
pub use run::{run, Input, Report, Summary};

use crate::error::ErrorKind;
use crate::money::{Money, Percent};
use crate::scenario::Contribution;

/// Longest field kept (longer ones are refused, and not kept past this).
pub const MAX_FIELD_BYTES: usize = 1024;
/// Most columns a row may have.
pub const MAX_COLUMNS: usize = 256;
/// Longest record, line breaks inside quotes included: a longer one ends the reading (a file
/// with no line ends, such as `/dev/zero`, or a quote never closed).
pub const MAX_RECORD_BYTES: usize = 64 * 1024;
/// Largest file read (about 10 million people at 100 bytes a row). A larger census runs as
/// pieces split by household (README, "Group census").
pub const MAX_FILE_BYTES: u64 = 1_000_000_000;
/// Longest household key, in characters (it is written back in every output row).
pub const MAX_KEY_CHARS: usize = 64;
/// The usage value meaning "no care" (a person who is covered and uses nothing).
pub const NO_CARE: &str = "none";

const ORIGIN: &str = "census";

/// What the CLI's `--as-of`, `--usage` and `--contribution` (the page's controls of the same
/// names) set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The date ages are counted on from `date_of_birth`. Default: January 1 of the plans'
    /// year when every requested plan has the same year; otherwise it must be given (only when
    /// the file has a date of birth column).
    pub as_of: Option<Date>,
    /// The usage preset (or `none`) for a person whose row gives none: the file has no usage
    /// column, or the cell is empty. Default: none, and such a row is refused.
    pub usage: Option<String>,
    /// An employer contribution for every household, as a scenario's `employer_contribution`
    /// (per pay period); with it, the output adds [`CONTRIBUTION_COLUMNS`].
    pub contribution: Option<Contribution>,
}

/// Reads a contribution as the CLI writes it: `amount:500.00` (dollars per pay period) or
/// `percent:80` (of each member's premium). The fault, for the caller to place (the CLI's
/// `--contribution`, the module's `contribution` argument).
pub fn contribution(text: &str) -> Result<Contribution, ErrorKind> {
    match text.split_once(':') {
        Some(("amount", a)) => Money::parse(a).map(Contribution::Amount).map_err(ErrorKind::contribution),
        Some(("percent", p)) => Percent::parse(p).map(Contribution::Percent).map_err(ErrorKind::contribution),
        _ => Err(ErrorKind::contribution_form(text)),
    }
}
