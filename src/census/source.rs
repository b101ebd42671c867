//! The file as a whole: whether it is CSV text at all, its size bound, and its header. What
//! comes out are the data rows, with the columns the header named.
//!
//! A file that is not CSV text is refused at its first bytes (an image, a PDF, a workbook,
//! UTF-16 text) or at its first NUL byte, with words that say what it seems to be; a file
//! larger than [`MAX_FILE_BYTES`], or with a record longer than [`MAX_RECORD_BYTES`], is refused
//! where that is found. Each ends the reading: nothing after it is read.

use std::sync::Arc;

use super::columns::Columns;
use super::csv::{Csv, Record, Stop};
use super::reader::Setup;
use super::{MAX_FILE_BYTES, MAX_RECORD_BYTES, ORIGIN};
use crate::error::{Code, Error};

/// The first bytes of files that are not CSV text, and what each is.
const SIGNATURES: [(&[u8], &str); 8] = [
    (b"\xFF\xFE", "UTF-16 text (\"Unicode text\")"),
    (b"\xFE\xFF", "UTF-16 text (\"Unicode text\")"),
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zipped file, such as an Excel workbook (.xlsx)"),
    (b"\xD0\xCF\x11\xE0", "an Excel 97-2003 workbook (.xls) or another Office file"),
];
/// Bytes held back at the start until the signatures can be told apart.
const SNIFF: usize = 4;

/// The data rows of a census file, read from bytes in pieces cut anywhere.
#[derive(Debug)]
pub(super) struct Rows {
    csv: Csv,
    start: Vec<u8>,
    bytes: u64,
    /// The file's bound: [`MAX_FILE_BYTES`] (smaller in tests).
    limit: u64,
    columns: Option<Arc<Columns>>,
    records: Vec<Record>,
}

impl Rows {
    pub(super) fn new() -> Rows {
        Rows { csv: Csv::new(), start: Vec::new(), bytes: 0, limit: MAX_FILE_BYTES, columns: None, records: Vec::new() }
    }

    #[cfg(test)]
    pub(super) fn with_limit(limit: u64) -> Rows {
        Rows { limit, ..Rows::new() }
    }

    /// The header's columns, once read.
    pub(super) fn columns(&self) -> Option<&Arc<Columns>> {
        self.columns.as_ref()
    }

    /// Reads the next piece; appends the data rows it completes (blank ones left out). An
    /// error ends the file: it is not CSV text, too large, or its header cannot be used.
    pub(super) fn feed(&mut self, mut bytes: &[u8], setup: &Setup, out: &mut Vec<Record>) -> Result<(), Error> {
        self.bytes = self.bytes.saturating_add(bytes.len() as u64);
        if self.bytes > self.limit {
            let message = format!("the census is larger than {} bytes: split it by household (README, \"Group census\")", self.limit);
            return Err(Error::new(ORIGIN, "", Code::InputTooLarge, message));
        }
        let mut records = std::mem::take(&mut self.records);
        if self.start.len() < SNIFF {
            let take = (SNIFF - self.start.len()).min(bytes.len());
            self.start.extend_from_slice(&bytes[..take]);
            bytes = &bytes[take..];
            if self.start.len() < SNIFF {
                self.records = records;
                return Ok(());
            }
            sniff(&self.start)?;
            self.csv.feed(&self.start, &mut records);
        }
        self.csv.feed(bytes, &mut records);
        let result = self.take(&mut records, setup, out);
        records.clear();
        self.records = records;
        result
    }

    /// The end of the file: appends the last row.
    pub(super) fn finish(&mut self, setup: &Setup, out: &mut Vec<Record>) -> Result<(), Error> {
        let mut records = std::mem::take(&mut self.records);
        if self.start.len() < SNIFF {
            sniff(&self.start)?;
            self.csv.feed(&std::mem::take(&mut self.start), &mut records);
        }
        self.csv.finish(&mut records);
        self.take(&mut records, setup, out)?;
        if self.columns.is_none() {
            return Err(Error::new(ORIGIN, "", Code::MissingField, "the census is empty: it needs a header row and one row per person"));
        }
        Ok(())
    }

    fn take(&mut self, records: &mut Vec<Record>, setup: &Setup, out: &mut Vec<Record>) -> Result<(), Error> {
        for record in records.drain(..) {
            if record.fault.is_none() && record.fields.iter().all(|f| f.fault.is_none() && f.text.trim().is_empty()) {
                continue; // a blank line, or a line of empty fields
            }
            if self.columns.is_none() {
                self.columns = Some(Arc::new(Columns::read(&record, setup)?));
            } else {
                out.push(record);
            }
        }
        match self.csv.stop {
            None => Ok(()),
            Some(Stop::Nul { row }) => Err(Error::new(
                ORIGIN,
                "",
                Code::NotCsv,
                format!("row {row} holds a NUL byte, which CSV text never has: the file is UTF-16 text or not text at all (a workbook, an image); save the census as CSV UTF-8"),
            )),
            Some(Stop::RecordTooLong { row, quoted }) => {
                let why = if quoted { "a quoted field that is never closed runs on from there" } else { "is this a CSV file?" };
                Err(Error::new(ORIGIN, "", Code::InputTooLarge, format!("row {row} is longer than {MAX_RECORD_BYTES} bytes: {why}")))
            }
        }
    }
}

/// Refuses a file whose first bytes say it is not CSV text.
fn sniff(start: &[u8]) -> Result<(), Error> {
    match SIGNATURES.iter().find(|(magic, _)| start.starts_with(magic)) {
        Some((_, what)) => {
            let message = format!("this file is {what}, not CSV text: save the census as CSV UTF-8 (comma-separated values) and give that file");
            Err(Error::new(ORIGIN, "", Code::NotCsv, message))
        }
        None => Ok(()),
    }
}
