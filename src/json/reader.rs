//! The second pass: typed reading straight from the text, after the syntax pass has accepted
//! it. Nothing is built but the values asked for: a hostile input's size costs the time to scan
//! it, not memory (an unknown field is refused at its key; a list longer than
//! [`MAX_ITEMS`](super::MAX_ITEMS) is refused at the item past it).
//!
//! Every method still checks what it reads and returns an error instead of panicking, so the
//! reader is safe even on text the syntax pass never saw (only `super::parse` calls it).

use std::borrow::Cow;

use super::{fail, Path, Read, MAX_ITEMS};
use crate::error::{shown, ErrorKind, Expected, Found, Many};

/// What the next value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

/// A value that is a string or a number, as written (money and percentages read these).
pub enum Scalar<'t> {
    String(Cow<'t, str>),
    Number(&'t str),
    /// Anything else: what it was.
    Other(Found),
}

pub struct Reader<'t> {
    text: &'t str,
    pos: usize,
}

impl<'t> Reader<'t> {
    pub(super) fn new(text: &'t str) -> Reader<'t> {
        Reader { text, pos: 0 }
    }

    fn bytes(&self) -> &'t [u8] {
        self.text.as_bytes()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.pos).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Whether only whitespace is left.
    pub(super) fn at_end(&mut self) -> bool {
        self.space();
        self.pos >= self.text.len()
    }

    fn malformed<T>(&self, at: Path) -> Read<T> {
        fail(at, super::syntax::malformed(self.bytes(), self.pos, "unexpected text"))
    }

    /// Where the reader is: its line and column.
    pub(super) fn position(&self) -> (u64, u64) {
        super::syntax::position(self.bytes(), self.pos)
    }

    /// The kind of the next value (whitespace skipped).
    pub fn kind(&mut self) -> Option<Kind> {
        self.space();
        Some(match self.peek()? {
            b'n' => Kind::Null,
            b't' | b'f' => Kind::Bool,
            b'"' => Kind::String,
            b'[' => Kind::Array,
            b'{' => Kind::Object,
            _ => Kind::Number,
        })
    }

    /// What the next value is, for "invalid type" errors (the reader stays where it is).
    pub fn describe(&mut self) -> Found {
        let start = self.pos;
        let found = match self.kind() {
            None => Found::Nothing,
            Some(Kind::Null) => Found::Null,
            Some(Kind::Bool) => Found::Bool(self.peek() == Some(b't')),
            Some(Kind::Array) => Found::List,
            Some(Kind::Object) => Found::Object,
            Some(Kind::String) => Found::Str(self.raw_string().map(|s| shown(&s)).unwrap_or_default()),
            Some(Kind::Number) => Found::Number(shown(self.number_text())),
        };
        self.pos = start;
        found
    }

    /// Consumes the next value of any kind and refuses it as not `expected`.
    pub fn wrong_type<T>(&mut self, at: Path, expected: Expected) -> Read<T> {
        let found = self.describe();
        fail(at, ErrorKind::invalid_type(expected, found))
    }

    /// Consumes `null` if that is next.
    pub fn null(&mut self) -> bool {
        if self.kind() == Some(Kind::Null) && self.text[self.pos..].starts_with("null") {
            self.pos += 4;
            true
        } else {
            false
        }
    }

    pub fn bool(&mut self, at: Path) -> Read<bool> {
        self.space();
        if self.text[self.pos..].starts_with("true") {
            self.pos += 4;
            Ok(true)
        } else if self.text[self.pos..].starts_with("false") {
            self.pos += 5;
            Ok(false)
        } else {
            self.wrong_type(at, Expected::Boolean)
        }
    }

    /// The text of a number at the reader (the grammar's characters; nothing if none).
    fn number_text(&mut self) -> &'t str {
        self.space();
        let start = self.pos;
        let end = self.bytes()[start..]
            .iter()
            .position(|b| !matches!(b, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'))
            .map_or(self.text.len(), |n| start + n);
        &self.text[start..end]
    }

    /// A number as written; any other value is refused as not `expected`.
    pub fn number(&mut self, at: Path, expected: Expected) -> Read<&'t str> {
        if self.kind() != Some(Kind::Number) {
            return self.wrong_type(at, expected);
        }
        let n = self.number_text();
        if n.is_empty() {
            return self.malformed(at);
        }
        self.pos += n.len();
        Ok(n)
    }

    /// A string, its escapes decoded (borrowed from the text when it has none); any other
    /// value is refused as not `expected`.
    pub fn string(&mut self, at: Path, expected: Expected) -> Read<Cow<'t, str>> {
        if self.kind() != Some(Kind::String) {
            return self.wrong_type(at, expected);
        }
        match self.raw_string() {
            Some(s) => Ok(s),
            None => self.malformed(at),
        }
    }

    /// A string or a number, as written.
    pub fn scalar(&mut self, at: Path) -> Read<Scalar<'t>> {
        match self.kind() {
            Some(Kind::String) => self.string(at, Expected::Text).map(Scalar::String),
            Some(Kind::Number) => self.number(at, Expected::Number).map(Scalar::Number),
            _ => {
                let found = self.describe();
                self.skip(at)?;
                Ok(Scalar::Other(found))
            }
        }
    }

    /// Reads the string starting at the reader's quote and moves past it.
    fn raw_string(&mut self) -> Option<Cow<'t, str>> {
        let text = self.text;
        let b = self.bytes();
        if b.get(self.pos) != Some(&b'"') {
            return None;
        }
        let start = self.pos + 1;
        let mut i = start;
        // Fast path: no escapes.
        while i < b.len() && b[i] != b'"' && b[i] != b'\\' {
            i += 1;
        }
        if b.get(i) == Some(&b'"') {
            self.pos = i + 1;
            return Some(Cow::Borrowed(&text[start..i]));
        }
        let mut out = String::from(&text[start..i]);
        loop {
            match b.get(i)? {
                b'"' => {
                    self.pos = i + 1;
                    return Some(Cow::Owned(out));
                }
                b'\\' => {
                    let c = match b.get(i + 1)? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let first = hex4(b, i + 2)?;
                            i += 6;
                            let code = if (0xD800..0xDC00).contains(&first) {
                                if b.get(i) != Some(&b'\\') || b.get(i + 1) != Some(&b'u') {
                                    return None;
                                }
                                let second = hex4(b, i + 2)?;
                                i += 6;
                                if !(0xDC00..0xE000).contains(&second) {
                                    return None;
                                }
                                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                            } else {
                                first
                            };
                            out.push(char::from_u32(code)?);
                            continue;
                        }
                        _ => return None,
                    };
                    out.push(c);
                    i += 2;
                }
                _ => {
                    let run_start = i;
                    while i < b.len() && b[i] != b'"' && b[i] != b'\\' {
                        i += 1;
                    }
                    out.push_str(&text[run_start..i]);
                }
            }
        }
    }

    /// Moves past the next value, whatever it is.
    pub fn skip(&mut self, at: Path) -> Read<()> {
        match self.kind() {
            None => self.malformed(at),
            Some(Kind::Null) if self.null() => Ok(()),
            Some(Kind::Bool) => self.bool(at).map(|_| ()),
            Some(Kind::Number) => self.number(at, Expected::Number).map(|_| ()),
            Some(Kind::String) => self.string(at, Expected::Text).map(|_| ()),
            Some(Kind::Array) => self.array(at, Expected::List, |r, _, at| r.skip(at)),
            Some(Kind::Object) => self.object(at, Expected::Object, |r, _, at| r.skip(at)),
            Some(Kind::Null) => self.malformed(at),
        }
    }

    /// Reads a list, calling `item` with the reader at each item and that item's path.
    /// More than [`MAX_ITEMS`] items are refused at the first one too many.
    pub fn array(&mut self, at: Path, expected: Expected, mut item: impl FnMut(&mut Self, usize, Path) -> Read<()>) -> Read<()> {
        self.array_dyn(at, expected, &mut item)
    }

    // One copy of each loop for every type read (a closure per type would copy the loop ~40
    // times into the WebAssembly module).
    fn array_dyn(&mut self, at: Path, expected: Expected, item: &mut dyn FnMut(&mut Self, usize, Path) -> Read<()>) -> Read<()> {
        if self.kind() != Some(Kind::Array) {
            return self.wrong_type(at, expected);
        }
        self.pos += 1;
        self.space();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(());
        }
        let mut i = 0;
        loop {
            if i == MAX_ITEMS {
                return fail(at, ErrorKind::too_many(MAX_ITEMS as u64, Many::Items));
            }
            item(self, i, Path::Index(&at, i))?;
            i += 1;
            self.space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return self.malformed(at),
            }
        }
    }

    /// Reads an object, calling `entry` with each key, the reader at its value, and the value's
    /// path. `entry` must consume the value (or fail).
    pub fn object(&mut self, at: Path, expected: Expected, mut entry: impl FnMut(&mut Self, &str, Path) -> Read<()>) -> Read<()> {
        self.object_dyn(at, expected, &mut entry)
    }

    fn object_dyn(&mut self, at: Path, expected: Expected, entry: &mut dyn FnMut(&mut Self, &str, Path) -> Read<()>) -> Read<()> {
        if self.kind() != Some(Kind::Object) {
            return self.wrong_type(at, expected);
        }
        self.pos += 1;
        self.space();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.space();
            let Some(key) = self.raw_string() else {
                return self.malformed(at);
            };
            self.space();
            if self.peek() != Some(b':') {
                return self.malformed(at);
            }
            self.pos += 1;
            entry(self, &key, Path::Key(&at, &key))?;
            self.space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return self.malformed(at),
            }
        }
    }
}

fn hex4(b: &[u8], at: usize) -> Option<u32> {
    let h = b.get(at..at + 4)?;
    h.iter().try_fold(0u32, |acc, &d| Some(acc * 16 + (d as char).to_digit(16)?))
}
