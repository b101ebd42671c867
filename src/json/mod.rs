//! Strict JSON reading that names the field at fault.
//!
//! Two passes over the text: [`syntax::check`] accepts exactly one well-formed JSON value (and
//! refuses nesting deeper than [`MAX_DEPTH`]); then [`Reader`] reads the typed values straight
//! from the text, with the path of each value in hand, so an error names its field
//! (`services[2].allowed`). No tree is built: parsing costs memory only for what is read, and a
//! list or map is refused past [`MAX_ITEMS`] items.
//!
//! A type says how it is read by implementing [`FromJson`]; a struct does it with one
//! `json_object!` line where it is defined, listing its fields and what each is when absent:
//! `json_object!(Citation { file: opt, line: req, quote: req })`. Unknown and repeated fields
//! are refused. Field-less enums written as names are declared with `named_enum!`.
//!
//! Why not serde's `Deserialize`: measured with twiggy, serde's generated visitors wrapped by
//! `serde_path_to_error` were about 40% of the WebAssembly module (`docs/decisions.md`).
//! Output still goes through serde's `Serialize`.
//!
//! The rest of the crate uses only what this file exports: [`parse`], [`FromJson`],
//! [`FromKey`], [`Reader`] (its `string`, `number`, `scalar`, `array`, `object`, `null`,
//! `wrong_type`), [`Path`], [`fail`], [`tagged`] and the two macros.
//!
//! The path stays typed to the error: [`fail`] turns the reader's [`Path`] into the error's
//! keys and indices ([`ErrorPath`]), never into text.
//!
//! Every string read (a value or a key) is refused if it holds a control character, a
//! bidirectional control or a line separator ([`crate::error::is_forbidden`]): no input of
//! ours needs one, and a plan's text is shown to people and printed on terminals.
//!
//! Why one file of about 550 lines: the typed walker over the checked text (about 470 lines)
//! and its tests; the syntax pass and the number rules live in their own files.

mod number;
mod reader;
mod syntax;

use crate::error::{is_forbidden, Error, ErrorKind, ErrorPath, Expected, Segment};

pub use number::Fault as NumberFault;
pub use reader::{Kind, Reader, Scalar};

/// Inputs larger than this are refused before parsing (a plan file is ~50 KB).
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;
/// Arrays and objects nested deeper than this are refused (no input of ours nests past 8).
pub const MAX_DEPTH: usize = 128;
/// The most items a list, or entries a map, may have in any input (the largest real list, a
/// scenario's services, is limited to 2,000 by its own check).
pub const MAX_ITEMS: usize = 10_000;

/// Where a value sits in its input: `services[2].allowed`. Built on the stack as the reader
/// descends; turned into the error's path only for an error.
#[derive(Clone, Copy, Debug)]
pub enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    /// The keys and indices from the root down to here.
    pub fn to_error_path(&self) -> ErrorPath {
        let mut steps = Vec::new();
        let mut here = *self;
        loop {
            match here {
                Path::Root => break,
                Path::Key(parent, key) => {
                    steps.push(Segment::from(key));
                    here = *parent;
                }
                Path::Index(parent, i) => {
                    steps.push(Segment::from(i));
                    here = *parent;
                }
            }
        }
        steps.reverse();
        ErrorPath(steps)
    }
}

/// A value that could not be read: the error without its input's name (which [`parse`] adds).
pub type Read<T> = Result<T, Error>;

pub fn fail<T>(at: Path, kind: ErrorKind) -> Read<T> {
    Err(Error::at("", at.to_error_path(), kind))
}

/// A type read from a JSON value.
pub trait FromJson: Sized {
    fn read(r: &mut Reader, at: Path) -> Read<Self>;
}

/// A type that can be an object's key (maps keyed by service id, enrollment type, channel).
pub trait FromKey: Sized {
    fn from_key(key: &str, at: Path) -> Read<Self>;
}

/// Parses `text` (named `origin` in errors) and reads a `T` from it.
pub fn parse<T: FromJson>(origin: &str, text: &str) -> Result<T, Error> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::at(origin, ErrorPath::ROOT, ErrorKind::input_too_large(MAX_INPUT_BYTES as u64)));
    }
    syntax::check(text).map_err(|kind| Error::at(origin, ErrorPath::ROOT, kind))?;
    let mut r = Reader::new(text);
    let value = T::read(&mut r, Path::Root).map_err(|e| e.from(origin))?;
    if !r.at_end() {
        let (line, column) = r.position();
        return Err(Error::at(origin, ErrorPath::ROOT, ErrorKind::malformed("unexpected text after the JSON value", line, column)));
    }
    Ok(value)
}

// ---- reading the basic types ---------------------------------------------------------------

/// Text with none of the characters no text may hold, or the error naming it.
fn clean(text: &str, at: Path) -> Read<()> {
    if text.chars().any(is_forbidden) {
        return fail(at, ErrorKind::control_character(text));
    }
    Ok(())
}

impl FromJson for String {
    fn read(r: &mut Reader, at: Path) -> Read<Self> {
        let text = r.string(at, Expected::Text)?;
        clean(&text, at)?;
        Ok(text.into_owned())
    }
}

impl FromKey for String {
    fn from_key(key: &str, at: Path) -> Read<Self> {
        clean(key, at)?;
        Ok(key.to_string())
    }
}

impl FromJson for bool {
    fn read(r: &mut Reader, at: Path) -> Read<Self> {
        r.bool(at)
    }
}

/// A whole number from 0 to `max`, judged by its value (`2.0` is two, `-0` is zero).
pub fn whole_number(r: &mut Reader, at: Path, max: u64) -> Read<u64> {
    let text = r.number(at, Expected::WholeNumber)?;
    match number::whole(text) {
        Ok(v) if v <= max => Ok(v),
        Ok(v) => fail(at, ErrorKind::out_of_range(0, max, v.into())),
        Err(number::Fault::TooLarge) => fail(at, ErrorKind::out_of_range(0, max, text.into())),
        Err(_) => fail(at, ErrorKind::not_whole(text)),
    }
}

impl FromJson for u32 {
    fn read(r: &mut Reader, at: Path) -> Read<Self> {
        whole_number(r, at, u32::MAX.into()).map(|v| v as u32)
    }
}

impl FromJson for u16 {
    fn read(r: &mut Reader, at: Path) -> Read<Self> {
        whole_number(r, at, u16::MAX.into()).map(|v| v as u16)
    }
}

/// `null` reads as `None`.
impl<T: FromJson> FromJson for Option<T> {
    fn read(r: &mut Reader, at: Path) -> Read<Self> {
        if r.null() {
            Ok(None)
        } else {
            T::read(r, at).map(Some)
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn read(r: &mut Reader, at: Path) -> Read<Self> {
        let mut items = Vec::new();
        r.array(at, Expected::List, |r, _, at| {
            items.push(T::read(r, at)?);
            Ok(())
        })?;
        Ok(items)
    }
}

// ---- structs: one `json_object!` line each --------------------------------------------------

/// One field of a struct being read: empty until its key is met. `read_object!` makes one per
/// field and, at the end of the object, takes each with the rule the struct gives it.
pub struct Slot<T>(pub Option<T>);

impl<T: FromJson> Slot<T> {
    pub fn new() -> Slot<T> {
        Slot(None)
    }

    pub fn fill(&mut self, r: &mut Reader, at: Path) -> Read<()> {
        let value = T::read(r, at)?;
        // The slot is empty: `field_index` refuses a field's second key before it is read. So
        // the old value (`None`) is set aside rather than dropped, which would cost drop code
        // for every field's type.
        std::mem::forget(self.0.replace(value));
        Ok(())
    }
}

impl<T: FromJson> Default for Slot<T> {
    fn default() -> Self {
        Slot::new()
    }
}

/// Whether a field taken as `how` is read from the file (every kind but `skip`).
pub const fn readable(how: &str) -> bool {
    !same(how, "skip")
}

/// Whether a field taken as `how` must be present (`req`).
pub const fn required(how: &str) -> bool {
    same(how, "req")
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Refuses a key that is not one of `fields` (those `readable`), or that was seen before
/// (`seen[i]` per field); else the field's index.
pub fn field_index(fields: &'static [&'static str], readable: &[bool], seen: &mut [bool], key: &str, at: Path) -> Read<usize> {
    match fields.iter().zip(readable).position(|(f, &r)| r && *f == key) {
        None => {
            let allowed = fields.iter().zip(readable).filter(|(_, &r)| r).map(|(f, _)| *f).collect();
            fail(at, ErrorKind::unknown_field(key, allowed))
        }
        Some(i) if seen[i] => fail(at, ErrorKind::duplicate_field(key)),
        Some(i) => {
            seen[i] = true;
            Ok(i)
        }
    }
}

/// The first required field (in the struct's order) that was not `seen`, refused.
pub fn missing_field(fields: &'static [&'static str], required: &[bool], seen: &[bool], at: Path) -> Error {
    let name = fields.iter().zip(required).zip(seen).find(|((_, &req), &seen)| req && !seen).map_or("", |((f, _), _)| *f);
    Error::at("", at.to_error_path(), ErrorKind::missing_field(name))
}

/// Reads a struct from a JSON object whose fields are exactly the ones listed, each taken as
/// `req` (must be there), `opt` (may be absent or null), `or_default` (absent: the type's
/// default), `or(value)` (absent: that value) or `skip` (never in the file: the type's default,
/// set later). The field names are the struct's own:
/// `read_object!(reader, at, Citation { file: opt, line: req, quote: req })`.
///
/// The fields are taken out of their slots in one `match` that either has every required one
/// or has not (then the first missing is named): one way out on failure, where taking them one
/// by one with `?` made a way out per field, each dropping what was read so far (most of a plan
/// reader's code in the WebAssembly module).
macro_rules! read_object {
    ($r:expr, $at:expr, $($ty:ident)::+ { $($field:ident : $how:ident $(($default:expr))?),* $(,)? }) => {{
        const FIELDS: &[&str] = &[$(stringify!($field)),*];
        const READABLE: &[bool] = &[$($crate::json::readable(stringify!($how))),*];
        let at: $crate::json::Path = $at;
        let mut seen = [false; FIELDS.len()];
        $( let mut $field = $crate::json::Slot::new(); )*
        $r.object(at, $crate::error::Expected::Object, |r, key, here| {
            let _i = $crate::json::field_index(FIELDS, READABLE, &mut seen, key, here)?;
            let mut _k = 0usize;
            $(
                if _i == _k {
                    return $field.fill(r, here);
                }
                _k += 1;
            )*
            r.skip(here)
        })?;
        #[allow(unused_parens)]
        match ($($field.0),*) {
            ($($crate::json::field_pattern!($how $field)),*) => {
                Ok($($ty)::+ { $($field: $crate::json::field_value!($how $field $(, $default)?)),* })
            }
            #[allow(unreachable_patterns)]
            _ => {
                const REQUIRED: &[bool] = &[$($crate::json::required(stringify!($how))),*];
                Err($crate::json::missing_field(FIELDS, REQUIRED, &seen, at))
            }
        }
    }};
}

/// The pattern a field's slot is matched with in `read_object!`: a required one must be full.
macro_rules! field_pattern {
    (req $field:ident) => {
        Some($field)
    };
    ($how:ident $field:ident) => {
        $field
    };
}

/// A field's value from its slot in `read_object!`, by how it is taken.
macro_rules! field_value {
    (req $field:ident) => {
        $field
    };
    (opt $field:ident) => {
        $field.unwrap_or_default()
    };
    (or_default $field:ident) => {
        $field.unwrap_or_default()
    };
    (or $field:ident, $default:expr) => {
        $field.unwrap_or($default)
    };
    // Never filled (`field_index` refuses its key): the type's default.
    (skip $field:ident) => {
        $field.unwrap_or_default()
    };
}

/// `FromJson` for a struct read with `read_object!`, where its type is defined:
/// `json_object!(Citation { file: opt, line: req, quote: req });`
macro_rules! json_object {
    ($ty:ident { $($fields:tt)* }) => {
        impl $crate::json::FromJson for $ty {
            fn read(r: &mut $crate::json::Reader, at: $crate::json::Path) -> $crate::json::Read<Self> {
                $crate::json::read_object!(r, at, $ty { $($fields)* })
            }
        }
    };
}
pub(crate) use {field_pattern, field_value, json_object, read_object};

// ---- names: field-less enums, and enums with data written as one-key objects ---------------

/// The index in `names` of a name written as a string.
pub fn name_index(r: &mut Reader, at: Path, names: &'static [&'static str]) -> Read<usize> {
    let name = r.string(at, Expected::OneOf(names))?;
    key_index(&name, at, names)
}

/// The index in `names` of an object key.
pub fn key_index(key: &str, at: Path, names: &'static [&'static str]) -> Read<usize> {
    match names.iter().position(|n| *n == key) {
        Some(i) => Ok(i),
        None => fail(at, ErrorKind::unknown_value(key, names)),
    }
}

/// An enum with data, written as an object of one key: `{ "copay": { "amount": "30.00" } }`.
/// `body` reads the value of the key, given the key's index in `names` and its path.
pub fn tagged<T>(r: &mut Reader, at: Path, names: &'static [&'static str], mut body: impl FnMut(&mut Reader, usize, Path) -> Read<T>) -> Read<T> {
    let expected = Expected::OneKeyOf(names);
    let mut value = None;
    r.object(at, expected, |r, key, here| {
        if value.is_some() {
            return fail(at, ErrorKind::invalid_type(expected, crate::error::Found::Object));
        }
        let i = key_index(key, here, names)?;
        value = Some(body(r, i, here)?);
        Ok(())
    })?;
    match value {
        Some(v) => Ok(v),
        None => fail(at, ErrorKind::invalid_type(expected, crate::error::Found::Object)),
    }
}

/// Declares a field-less enum whose values are written as names, with `ALL`, `NAMES`,
/// `as_str`, and its reading (`FromJson`, `FromKey`) and writing (`Serialize`) from one table.
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
            /// The value written as `text`, if any.
            pub fn from_name(text: &str) -> Option<$name> {
                Self::NAMES.iter().position(|n| *n == text).map(|i| Self::ALL[i])
            }
        }

        impl $crate::json::FromJson for $name {
            fn read(r: &mut $crate::json::Reader, at: $crate::json::Path) -> $crate::json::Read<Self> {
                $crate::json::name_index(r, at, Self::NAMES).map(|i| Self::ALL[i])
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

// ---- any value, as a tree (for tests and tools; the engine never builds one) ---------------

/// A JSON value as a tree, numbers kept as written, keys in order with repeats kept.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// Parses a whole text as one JSON value, or says what is malformed and where.
    pub fn parse(text: &str) -> Result<Json, String> {
        parse::<Json>("json", text).map_err(|e| e.message())
    }
}

impl FromJson for Json {
    fn read(r: &mut Reader, at: Path) -> Read<Self> {
        Ok(match r.kind() {
            Some(Kind::Null) => {
                r.null();
                Json::Null
            }
            Some(Kind::Bool) => Json::Bool(r.bool(at)?),
            Some(Kind::Number) => Json::Number(r.number(at, Expected::Number)?.to_string()),
            Some(Kind::String) => Json::String(r.string(at, Expected::Text)?.into_owned()),
            Some(Kind::Array) => Json::Array(Vec::read(r, at)?),
            Some(Kind::Object) | None => {
                let mut entries = Vec::new();
                r.object(at, Expected::Object, |r, key, here| {
                    entries.push((key.to_string(), Json::read(r, here)?));
                    Ok(())
                })?;
                Json::Object(entries)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct Pair {
        a: u32,
        b: Option<String>,
        c: Vec<u16>,
        d: bool,
    }
    json_object!(Pair { a: req, b: opt, c: or_default, d: or(true) });

    fn pair(text: &str) -> Result<Pair, Error> {
        parse("t", text)
    }

    #[test]
    fn reads_a_struct_with_defaults() {
        assert_eq!(pair(r#"{"a": 1}"#).unwrap(), Pair { a: 1, b: None, c: vec![], d: true });
        assert_eq!(pair(r#"{"d": false, "c": [2, 3.0], "b": "x\u00e9", "a": 2e0}"#).unwrap(), Pair { a: 2, b: Some("xé".into()), c: vec![2, 3], d: false });
        assert_eq!(pair(r#"{"a": 1, "b": null}"#).unwrap().b, None);
    }

    use crate::error::Code;

    #[test]
    fn faults_name_their_field_and_code() {
        for (text, field, code, words) in [
            (r#"{}"#, "", Code::MissingField, "missing field `a`"),
            (r#"{"a": 1, "z": 2}"#, "z", Code::UnknownField, "unknown field `z`"),
            (r#"{"a": 1, "a": 2}"#, "a", Code::DuplicateField, "duplicate field `a`"),
            (r#"{"a": "1"}"#, "a", Code::InvalidType, "invalid type: string `1`, expected a whole number"),
            (r#"{"a": -1}"#, "a", Code::InvalidNumber, "expected a whole number from 0 upward"),
            (r#"{"a": 1.5}"#, "a", Code::InvalidNumber, "`1.5`"),
            (r#"{"a": 1, "c": [1, 70000]}"#, "c[1]", Code::OutOfRange, "from 0 to 65535 (got 70000)"),
            (r#"{"a": 1, "c": [1e400]}"#, "c[0]", Code::OutOfRange, "(got 1e400)"),
            (r#"{"a": 1, "b": "x\u001b[2J"}"#, "b", Code::InvalidText, "control characters"),
            (r#"{"a": 1, "b": "\u202eevil"}"#, "b", Code::InvalidText, "control characters"),
            (r#"{"a": 1, "d": 1}"#, "d", Code::InvalidType, "expected true or false"),
            (r#"[1]"#, "", Code::InvalidType, "invalid type: sequence, expected an object"),
            (r#"{"a": 1,}"#, "", Code::MalformedJson, "key in double quotes"),
        ] {
            let e = pair(text).unwrap_err();
            assert_eq!((e.field().as_str(), e.code()), (field, code), "{text}: {e}");
            assert!(e.message().contains(words), "{text}: {e}");
        }
    }

    #[test]
    fn long_lists_are_refused_at_the_item_past_the_limit() {
        let items = format!("[{}]", vec!["1"; MAX_ITEMS + 1].join(","));
        let e = parse::<Vec<u32>>("t", &items).unwrap_err();
        assert_eq!(e.code(), Code::TooMany);
        assert_eq!(parse::<Vec<u32>>("t", &format!("[{}]", vec!["1"; MAX_ITEMS].join(","))).unwrap().len(), MAX_ITEMS);
    }

    #[test]
    fn messages_quote_at_most_sixty_characters_of_the_input() {
        let long = "x".repeat(100_000);
        let e = parse::<u32>("t", &format!("\"{long}\"")).unwrap_err().to_string();
        assert!(e.len() < 200 && e.contains(&format!("`{}…`", "x".repeat(60))), "{e}");
        let e = parse::<u32>("t", &"9".repeat(100_000)).unwrap_err().to_string();
        assert!(e.len() < 200, "{e}");
        let e = parse::<Pair>("t", &format!("{{\"{long}\": 1}}")).unwrap_err();
        assert!(e.to_string().len() < 400, "{e}");
        let e = parse::<u32>("t", "\"\\u001b[31m\\u0007\"").unwrap_err().to_string();
        assert!(!e.chars().any(char::is_control), "{e:?}");
    }

    #[test]
    fn the_tree_keeps_keys_in_order_with_repeats() {
        let v = Json::parse(r#" { "a": [1, -2.5e3, true, null], "b": "x\"\u00e9\ud83d\ude00\n", "a": {} } "#).unwrap();
        let Json::Object(entries) = v else { panic!() };
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[0].1, Json::Array(vec![Json::Number("1".into()), Json::Number("-2.5e3".into()), Json::Bool(true), Json::Null]));
        assert_eq!(entries[1].1, Json::String("x\"é😀\n".into()));
    }
}
