//! Strict JSON reading that names the field at fault.
//!
//! Two parts: a small parser into a tree that keeps every key in order (so a key written twice
//! can be refused), and `FromJson`, which reads the tree with the path of each value in hand.
//! A struct's reading is one `json_object!` line where the struct is defined, listing its fields
//! and what each is when absent. Path tracking and the error wording are written once, here.
//!
//! Why not serde's `Deserialize`: measured with twiggy, serde's generated visitors wrapped by
//! `serde_path_to_error` were about 40% of the WebAssembly module (see BENCHMARKS.md). Output
//! still goes through serde's `Serialize` and serde_json.

use std::fmt;

use crate::error::Error;

/// Inputs larger than this are refused before parsing (a plan file is ~50 KB).
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;
/// Arrays and objects nested deeper than this are refused (no input of ours nests past 8).
pub const MAX_DEPTH: usize = 128;

/// A parsed JSON value. Numbers keep their text: the reader decides what a number may be.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Json>),
    /// Keys in document order, duplicates kept.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// Parses a whole text as one JSON value, or says what is malformed and where.
    pub fn parse(text: &str) -> Result<Json, String> {
        Parser::parse(text)
    }

    /// serde's words for what was found ("invalid type: string \"3\", expected …").
    fn found(&self) -> String {
        match self {
            Json::Null => "null".into(),
            Json::Bool(b) => format!("boolean `{b}`"),
            Json::Number(n) if is_integer(n) => format!("integer `{}`", short(n)),
            Json::Number(n) => format!("floating point `{}`", short(n)),
            Json::String(s) => format!("string {:?}", short(s)),
            Json::Array(_) => "sequence".into(),
            Json::Object(_) => "map".into(),
        }
    }
}

/// Whether the key of `entries[i]` is also the key of an entry before it (written twice).
pub(crate) fn written_before(entries: &[(String, Json)], i: usize) -> bool {
    entries[..i].iter().any(|(k, _)| *k == entries[i].0)
}

/// Text quoted in a message: at most 60 characters of it, then "…".
pub fn short(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

fn is_integer(number: &str) -> bool {
    !number.contains(['.', 'e', 'E'])
}

/// Where a value sits in its input: `services[2].allowed`. Built on the stack as the reader
/// descends; turned into text only for an error.
#[derive(Clone, Copy, Debug)]
pub enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => f.write_str(&short(key)),
            Path::Key(parent, key) => write!(f, "{parent}.{}", short(key)),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

/// A value that could not be read: the field and what is wrong, without the input's name
/// (which `parse` adds).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    pub field: String,
    pub message: String,
}

pub type Read<T> = Result<T, ReadError>;

pub fn fail<T>(at: Path, message: impl Into<String>) -> Read<T> {
    Err(ReadError { field: at.to_string(), message: message.into() })
}

pub fn invalid_type<T>(value: &Json, at: Path, expected: &str) -> Read<T> {
    fail(at, format!("invalid type: {}, expected {expected}", value.found()))
}

/// A type read from a JSON value.
pub trait FromJson: Sized {
    fn from_json(value: &Json, at: Path) -> Read<Self>;
}

/// A type that can be an object's key (maps keyed by service id, enrollment type, channel).
pub trait FromKey: Sized {
    fn from_key(key: &str, at: Path) -> Read<Self>;
}

/// Parses `text` (named `origin` in errors) and reads a `T` from it.
pub fn parse<T: FromJson>(origin: &str, text: &str) -> Result<T, Error> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::invalid(origin, "", format!("input is larger than {MAX_INPUT_BYTES} bytes")));
    }
    let tree = Json::parse(text).map_err(|message| Error::invalid(origin, "", message))?;
    T::from_json(&tree, Path::Root).map_err(|e| Error::invalid(origin, e.field, e.message))
}

// ---- reading -------------------------------------------------------------------------------

impl FromJson for String {
    fn from_json(value: &Json, at: Path) -> Read<Self> {
        match value {
            Json::String(s) => Ok(s.clone()),
            _ => invalid_type(value, at, "a string"),
        }
    }
}

impl FromKey for String {
    fn from_key(key: &str, _at: Path) -> Read<Self> {
        Ok(key.to_string())
    }
}

impl FromJson for bool {
    fn from_json(value: &Json, at: Path) -> Read<Self> {
        match value {
            Json::Bool(b) => Ok(*b),
            _ => invalid_type(value, at, "true or false"),
        }
    }
}

/// A whole number from 0 to `max`.
fn whole_number(value: &Json, at: Path, max: u64) -> Read<u64> {
    const EXPECTED: &str = "a whole number from 0 upward";
    match value {
        Json::Number(n) if is_integer(n) => match n.parse::<u64>() {
            Ok(v) if v <= max => Ok(v),
            _ => fail(at, format!("invalid value: integer `{}`, expected {EXPECTED} (at most {max})", short(n))),
        },
        _ => invalid_type(value, at, EXPECTED),
    }
}

impl FromJson for u32 {
    fn from_json(value: &Json, at: Path) -> Read<Self> {
        whole_number(value, at, u32::MAX.into()).map(|v| v as u32)
    }
}

impl FromJson for u16 {
    fn from_json(value: &Json, at: Path) -> Read<Self> {
        whole_number(value, at, u16::MAX.into()).map(|v| v as u16)
    }
}

/// `null` reads as `None`.
impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Json, at: Path) -> Read<Self> {
        match value {
            Json::Null => Ok(None),
            _ => T::from_json(value, at).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Json, at: Path) -> Read<Self> {
        match value {
            Json::Array(items) => items.iter().enumerate().map(|(i, v)| T::from_json(v, Path::Index(&at, i))).collect(),
            _ => invalid_type(value, at, "a list"),
        }
    }
}

/// The fields of one JSON object, for reading a struct (`read_object!` and `json_object!` write
/// the calls): `new` refuses unknown and repeated fields, then `req`, `opt`, `or` and
/// `or_default` read each field with its path.
pub struct Object<'a> {
    entries: &'a [(String, Json)],
    at: Path<'a>,
}

impl<'a> Object<'a> {
    /// Refuses anything but an object, a field not in `fields`, and a field written twice.
    pub fn new(value: &'a Json, at: Path<'a>, fields: &[&str]) -> Read<Object<'a>> {
        let Json::Object(entries) = value else {
            return invalid_type(value, at, "an object");
        };
        for (i, (key, _)) in entries.iter().enumerate() {
            if !fields.contains(&key.as_str()) {
                let expected = fields.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ");
                return fail(Path::Key(&at, key), format!("unknown field `{}`, expected one of {expected}", short(key)));
            }
            if written_before(entries, i) {
                return fail(Path::Key(&at, key), format!("duplicate field `{}`", short(key)));
            }
        }
        Ok(Object { entries, at })
    }

    fn get(&self, name: &str) -> Option<&'a Json> {
        self.entries.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// A field that must be present.
    pub fn req<T: FromJson>(&self, name: &str) -> Read<T> {
        match self.get(name) {
            Some(v) => T::from_json(v, Path::Key(&self.at, name)),
            None => fail(self.at, format!("missing field `{name}`")),
        }
    }

    /// A field that may be absent or `null`.
    pub fn opt<T: FromJson>(&self, name: &str) -> Read<Option<T>> {
        match self.get(name) {
            None | Some(Json::Null) => Ok(None),
            Some(v) => T::from_json(v, Path::Key(&self.at, name)).map(Some),
        }
    }

    /// A field that takes `default` when absent.
    pub fn or<T: FromJson>(&self, name: &str, default: T) -> Read<T> {
        match self.get(name) {
            None => Ok(default),
            Some(v) => T::from_json(v, Path::Key(&self.at, name)),
        }
    }

    /// A field that takes its type's default (an empty list, `false`) when absent.
    pub fn or_default<T: FromJson + Default>(&self, name: &str) -> Read<T> {
        self.or(name, T::default())
    }
}

/// Reads a struct from a JSON object whose fields are exactly the ones listed, each read as
/// `req` (must be there), `opt` (may be absent or null), `or_default` (absent: the type's
/// default) or `or(value)` (absent: that value). The field names are the struct's own:
/// `read_object!(value, at, Citation { file: opt, line: req, quote: req })`.
macro_rules! read_object {
    ($value:expr, $at:expr, $($ty:ident)::+ { $($field:ident : $how:ident $(($default:expr))?),* $(,)? }) => {{
        let _o = $crate::json::Object::new($value, $at, &[$(stringify!($field)),*])?;
        Ok($($ty)::+ { $($field: _o.$how(stringify!($field) $(, $default)?)?),* })
    }};
}

/// `FromJson` for a struct read with `read_object!`, where its type is defined:
/// `json_object!(Citation { file: opt, line: req, quote: req });`
macro_rules! json_object {
    ($ty:ident { $($fields:tt)* }) => {
        impl $crate::json::FromJson for $ty {
            fn from_json(value: &$crate::json::Json, at: $crate::json::Path) -> $crate::json::Read<Self> {
                $crate::json::read_object!(value, at, $ty { $($fields)* })
            }
        }
    };
}
pub(crate) use {json_object, read_object};

/// The index in `names` of a name written as a string (an enum of names).
pub fn name_index(value: &Json, at: Path, names: &[&str]) -> Read<usize> {
    match value {
        Json::String(s) => key_index(s, at, names),
        _ => invalid_type(value, at, &format!("one of {}", quoted(names))),
    }
}

/// The index in `names` of an object key.
pub fn key_index(key: &str, at: Path, names: &[&str]) -> Read<usize> {
    match names.iter().position(|n| *n == key) {
        Some(i) => Ok(i),
        None => fail(at, format!("unknown value `{}`, expected one of {}", short(key), quoted(names))),
    }
}

/// An enum with data, written as an object of one key: `{ "copay": { "amount": "30.00" } }`.
/// Returns the key's index in `names` and its value.
pub fn tagged<'a>(value: &'a Json, at: Path, names: &[&str]) -> Read<(usize, &'a Json)> {
    match value {
        Json::Object(entries) if entries.len() == 1 => {
            let (key, inner) = &entries[0];
            Ok((key_index(key, Path::Key(&at, key), names)?, inner))
        }
        _ => invalid_type(value, at, &format!("an object with one key, one of {}", quoted(names))),
    }
}

fn quoted(names: &[&str]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

/// Declares a field-less enum whose values are written as names, with `ALL`, `as_str`, and
/// its reading (`FromJson`, `FromKey`) and writing (`Serialize`) from one table of names.
macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const NAMES: &'static [&'static str] = &[$($text),+];
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $text, )+
                }
            }
        }

        impl $crate::json::FromJson for $name {
            fn from_json(value: &$crate::json::Json, at: $crate::json::Path) -> $crate::json::Read<Self> {
                $crate::json::name_index(value, at, Self::NAMES).map(|i| Self::ALL[i])
            }
        }

        impl $crate::json::FromKey for $name {
            fn from_key(key: &str, at: $crate::json::Path) -> $crate::json::Read<Self> {
                $crate::json::key_index(key, at, Self::NAMES).map(|i| Self::ALL[i])
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}
pub(crate) use named_enum;

// ---- parsing -------------------------------------------------------------------------------

struct Parser<'t> {
    text: &'t str,
    pos: usize,
    depth: usize,
}

impl<'t> Parser<'t> {
    /// The whole text as one JSON value, or a message saying what is malformed and where.
    fn parse(text: &'t str) -> Result<Json, String> {
        let mut p = Parser { text, pos: 0, depth: 0 };
        let value = p.value()?;
        p.skip_space();
        if p.pos < text.len() {
            return Err(p.error_text("unexpected text after the JSON value"));
        }
        Ok(value)
    }

    fn error_text(&self, what: &str) -> String {
        let before = &self.text.as_bytes()[..self.pos.min(self.text.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        format!("malformed JSON: {what} at line {line} column {column}")
    }

    fn error<T>(&self, what: &str) -> Result<T, String> {
        Err(self.error_text(what))
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8, what: &str) -> Result<(), String> {
        self.skip_space();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            self.error(what)
        }
    }

    fn value(&mut self) -> Result<Json, String> {
        self.skip_space();
        match self.peek() {
            None => self.error("the text ends where a value should be"),
            Some(b'{') => self.nested(Parser::object),
            Some(b'[') => self.nested(Parser::array),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => self.error("expected a value"),
        }
    }

    fn nested(&mut self, read: fn(&mut Self) -> Result<Json, String>) -> Result<Json, String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.error(&format!("nested deeper than {MAX_DEPTH} levels"));
        }
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn word(&mut self, word: &str, value: Json) -> Result<Json, String> {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            self.error("expected a value")
        }
    }

    fn object(&mut self) -> Result<Json, String> {
        self.pos += 1; // '{'
        let mut entries = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(entries));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return self.error("expected a key in double quotes");
            }
            let key = self.string()?;
            self.expect(b':', "expected `:` after the key")?;
            let value = self.value()?;
            entries.push((key, value));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Json::Object(entries));
                }
                _ => return self.error("expected `,` or `}`"),
            }
        }
    }

    fn array(&mut self) -> Result<Json, String> {
        self.pos += 1; // '['
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                _ => return self.error("expected `,` or `]`"),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Json, String> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return self.error("expected a digit"),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return self.error("expected a digit after the decimal point");
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return self.error("expected a digit in the exponent");
            }
        }
        Ok(Json::Number(self.text[start..self.pos].to_string()))
    }

    /// A string starting at the opening quote; escapes decoded.
    fn string(&mut self) -> Result<String, String> {
        self.pos += 1; // '"'
        let mut out = String::new();
        let mut start = self.pos;
        loop {
            match self.peek() {
                None => return self.error("the text ends inside a string"),
                Some(b'"') => {
                    out.push_str(&self.text[start..self.pos]);
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(&self.text[start..self.pos]);
                    let letter = self.text.as_bytes().get(self.pos + 1).copied();
                    self.pos += 2;
                    let c = match letter {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        _ => {
                            self.pos -= 1;
                            return self.error("unknown escape in a string");
                        }
                    };
                    out.push(c);
                    start = self.pos;
                }
                Some(0..=0x1f) => return self.error("a control character inside a string (write it as an escape)"),
                Some(_) => self.pos += 1,
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self.text.get(self.pos..self.pos + 4).filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        match digits {
            Some(h) => {
                self.pos += 4;
                Ok(u32::from_str_radix(h, 16).unwrap_or(0))
            }
            None => self.error("expected four hex digits after \\u"),
        }
    }

    /// After `\u`: one code point, joining a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char, String> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.text[self.pos..].starts_with("\\u") {
                    return self.error("a lone surrogate in a \\u escape");
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return self.error("a lone surrogate in a \\u escape");
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return self.error("a lone surrogate in a \\u escape"),
            _ => first,
        };
        char::from_u32(code).map_or_else(|| self.error("an invalid \\u escape"), Ok)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<Json, String> {
        Parser::parse(text)
    }

    #[test]
    fn parses_values_and_keeps_duplicate_keys() {
        let v = parsed(r#" { "a": [1, -2.5e3, true, null], "b": "x\"\u00e9\ud83d\ude00\n", "a": {} } "#).unwrap();
        let Json::Object(entries) = v else { panic!() };
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[0].1, Json::Array(vec![Json::Number("1".into()), Json::Number("-2.5e3".into()), Json::Bool(true), Json::Null]));
        assert_eq!(entries[1].1, Json::String("x\"é😀\n".into()));
    }

    #[test]
    fn malformed_text_says_where() {
        for (text, what) in [
            ("", "ends where a value"),
            ("{\"a\": 1,}", "key in double quotes"),
            ("[1 2]", "`,` or `]`"),
            ("\"abc", "ends inside a string"),
            ("01", "after the JSON value"),
            ("1.", "after the decimal point"),
            ("\"\\x\"", "unknown escape"),
            ("\"\\ud800\"", "lone surrogate"),
            ("\"\t\"", "control character"),
            ("nul", "expected a value"),
            ("{} x", "after the JSON value"),
        ] {
            let e = parsed(text).unwrap_err();
            assert!(e.starts_with("malformed JSON: ") && e.contains(what), "{text:?}: {e}");
        }
        assert!(parsed("{\n  \"a\": x }").unwrap_err().ends_with("line 2 column 8"));
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let deep = "[".repeat(100_000);
        assert!(parsed(&deep).unwrap_err().contains("nested deeper"));
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parsed(&ok).is_ok());
    }

    #[test]
    fn paths_and_numbers() {
        let v = parsed(r#"{"a": [0, {"b": 2.5}]}"#).unwrap();
        let Json::Object(e) = &v else { panic!() };
        let Json::Array(items) = &e[0].1 else { panic!() };
        let Json::Object(inner) = &items[1] else { panic!() };
        let root = Path::Root;
        let a = Path::Key(&root, "a");
        let a1 = Path::Index(&a, 1);
        let b = Path::Key(&a1, "b");
        let err = u32::from_json(&inner[0].1, b).unwrap_err();
        assert_eq!(err.field, "a[1].b");
        assert!(err.message.contains("floating point `2.5`"), "{}", err.message);
        assert!(u32::from_json(&Json::Number("-3".into()), root).unwrap_err().message.contains("integer `-3`"));
        assert!(u16::from_json(&Json::Number("70000".into()), root).is_err());
        assert_eq!(u32::from_json(&Json::Number("4294967295".into()), root), Ok(u32::MAX));
    }

    #[test]
    fn messages_quote_at_most_sixty_characters_of_the_input() {
        let long = "x".repeat(100_000);
        let e = parse::<u32>("t", &format!("\"{long}\"")).unwrap_err().to_string();
        assert!(e.len() < 200 && e.contains(&format!("\"{}…\"", "x".repeat(60))), "{e}");
        let e = parse::<u32>("t", &"9".repeat(100_000)).unwrap_err().to_string();
        assert!(e.len() < 200, "{e}");
        assert_eq!(short("é".repeat(61).as_str()), format!("{}…", "é".repeat(60)));
    }
}
