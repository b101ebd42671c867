//! The CSV tokenizer: bytes in pieces cut anywhere, records out (RFC 4180, read leniently
//! where that is unambiguous; see the module's documentation).

use super::{MAX_COLUMNS, MAX_FIELD_BYTES};

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
pub(super) struct Record {
    pub(super) row: u64,
    pub(super) fields: Vec<String>,
    pub(super) fault: Option<(usize, String)>,
}

#[derive(Debug)]
pub(super) struct Csv {
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
    pub(super) fn new() -> Csv {
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
            self.byte(b, out);
        }
    }

    pub(super) fn finish(&mut self, out: &mut Vec<Record>) {
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
