//! The CSV tokenizer: bytes in pieces cut anywhere, records out (RFC 4180, read leniently
//! where that is unambiguous; see the module's documentation).
//!
//! A field keeps its text as written: a quoted field exactly (a leading tab, a carriage return
//! or blanks inside the quotes stay), an unquoted one without the blanks (spaces, tabs) around
//! it. A field's own faults (bytes that are not UTF-8, more than [`MAX_FIELD_BYTES`]) stay with
//! the field, so that a bad cell in a column the census does not read refuses nothing; faults
//! of the record's shape (an unclosed quote, text after a closing quote, too many columns) are
//! the record's. Two things end the reading of the file: a NUL byte (no CSV text has one: the
//! file is binary, or UTF-16 text) and a record longer than [`MAX_RECORD_BYTES`] (the file has
//! no line ends, or a quote that is never closed swallows the rest of it).

use super::{MAX_COLUMNS, MAX_FIELD_BYTES, MAX_RECORD_BYTES};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: the end of it, or the first of a doubled quote.
    QuoteInQuoted,
}

const BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];

/// What is wrong with one field's bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum CellFault {
    /// Bytes that are not UTF-8 (a file saved as Windows-1252 or Latin-1): no text is kept.
    NotUtf8,
    /// More than [`MAX_FIELD_BYTES`] (the text is cut there).
    TooLong,
}

/// One field as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Field {
    pub(super) text: String,
    pub(super) quoted: bool,
    pub(super) fault: Option<CellFault>,
}

/// One CSV record: its row number, its fields, and the first fault of its shape (the column's
/// index and the words).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Record {
    pub(super) row: u64,
    pub(super) fields: Vec<Field>,
    pub(super) fault: Option<(usize, String)>,
}

/// Why the tokenizer stopped reading: the file is not CSV text, or a record has no end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Stop {
    /// A NUL byte on this row.
    Nul { row: u64 },
    /// The record starting on this row ran past [`MAX_RECORD_BYTES`].
    RecordTooLong { row: u64, quoted: bool },
}

#[derive(Debug)]
pub(super) struct Csv {
    state: State,
    field: Vec<u8>,
    quoted: bool,
    fields: Vec<Field>,
    /// Fields in this record so far, counting those past `MAX_COLUMNS` (not kept).
    count: usize,
    fault: Option<(usize, String)>,
    too_long: bool,
    /// The record has something in it (a blank line has not).
    content: bool,
    /// The row the record being read is on.
    row: u64,
    /// Bytes of the record being read, line breaks inside quotes included.
    record_bytes: usize,
    /// A CR ended the last record: a LF right after it is part of the same line end.
    skip_lf: bool,
    /// Bytes of a byte order mark matched at the start; `None` once past it.
    bom: Option<usize>,
    /// Set once the reading has stopped: every later byte is ignored.
    pub(super) stop: Option<Stop>,
}

impl Csv {
    pub(super) fn new() -> Csv {
        Csv {
            state: State::FieldStart,
            field: Vec::new(),
            quoted: false,
            fields: Vec::new(),
            count: 0,
            fault: None,
            too_long: false,
            content: false,
            row: 1,
            record_bytes: 0,
            skip_lf: false,
            bom: Some(0),
            stop: None,
        }
    }

    pub(super) fn feed(&mut self, mut bytes: &[u8], out: &mut Vec<Record>) {
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
            if self.stop.is_some() {
                return;
            }
            self.byte(b, out);
        }
    }

    pub(super) fn finish(&mut self, out: &mut Vec<Record>) {
        if let Some(matched) = self.bom.take() {
            for &m in &BOM[..matched] {
                self.byte(m, out);
            }
        }
        if self.stop.is_some() {
            return;
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
        if b == 0 {
            self.stop = Some(Stop::Nul { row: self.row });
            return;
        }
        self.record_bytes += 1;
        if self.record_bytes > MAX_RECORD_BYTES {
            self.stop = Some(Stop::RecordTooLong { row: self.row, quoted: self.state == State::Quoted });
            return;
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
                self.quoted = true;
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
        let mut bytes = std::mem::take(&mut self.field);
        if self.state == State::Unquoted {
            // Blanks after an unquoted field are not part of it (those before were skipped).
            while bytes.last().is_some_and(|b| matches!(b, b' ' | b'\t')) {
                bytes.pop();
            }
        }
        if column < MAX_COLUMNS {
            let (text, fault) = match String::from_utf8(bytes) {
                Ok(text) => (text, self.too_long.then_some(CellFault::TooLong)),
                Err(_) => (String::new(), Some(if self.too_long { CellFault::TooLong } else { CellFault::NotUtf8 })),
            };
            self.fields.push(Field { text, quoted: self.quoted, fault });
        } else {
            self.set_fault(MAX_COLUMNS, format!("more than {MAX_COLUMNS} columns"));
        }
        self.count = self.count.saturating_add(1);
        self.too_long = false;
        self.quoted = false;
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
        self.quoted = false;
        self.record_bytes = 0;
        self.state = State::FieldStart;
        self.row = self.row.saturating_add(1);
    }
}
