//! One error type for the whole engine, converted once at each boundary: the CLI prints it and
//! exits with status 2 (`origin: field: message`, or one JSON line with `--errors json`); the
//! WebAssembly binding throws a JS `Error` carrying the same fields (docs/domain.md, "Errors").
//!
//! An error is data, in the manner of lightningcss's `Error<T> { kind, loc }`: where (`origin`,
//! the input, and `path`, the keys and indices down to the value at fault) and what
//! ([`ErrorKind`], which carries the values it is about). Everything else is derived from the
//! kind: the stable `code`, the `params` (the values the message names, e.g.
//! `{"min": 0, "max": 120, "value": 200}`) and the English `message`, which is filled in from
//! the params, so no value lives only inside English text and a page can word the error in any
//! language from `code` and `params`. The kinds, their codes and params are in `error/kind.rs`.
//!
//! Text from the input that an error quotes goes through [`shown`], which shortens it and
//! escapes control characters; keys in a path too.

mod kind;
mod param;
mod path;

use std::fmt;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;


pub use kind::{ErrorKind, Expected, Found, Many};
pub(crate) use path::at;
pub use param::{Param, Params, Value};
pub use path::{ErrorPath, Segment, Step};

/// Declares the error codes: one name per kind of fault, written as snake_case at every
/// boundary. Adding a code is one line here (and its params in `docs/plan-format.md`, its
/// words in the page's message catalog).
macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $text:literal, )+) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Code {
            $( $(#[$doc])* $variant, )+
        }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self {
                    $( Code::$variant => $text, )+
                }
            }
        }
    };
}

codes! {
    // -- reading JSON -----------------------------------------------------------------------
    /// The input is larger than the reader accepts.
    InputTooLarge = "input_too_large",
    /// The text is not JSON (the message says what and where), is not UTF-8, or nests too deep.
    MalformedJson = "malformed_json",
    /// A value of the wrong JSON type (a string where a number belongs, …).
    InvalidType = "invalid_type",
    UnknownField = "unknown_field",
    /// A field or map key written twice.
    DuplicateField = "duplicate_field",
    MissingField = "missing_field",
    /// A name that is not one of the allowed values (`"channel": "drive-thru"`).
    UnknownValue = "unknown_value",
    /// Too many entries in a list or map, people, uses or claims.
    TooMany = "too_many",
    /// Not a whole number from 0 up, or not a number at all (NaN, Infinity from JavaScript).
    InvalidNumber = "invalid_number",
    /// A whole number outside the range the field takes (an age of 200, a count of 0).
    OutOfRange = "out_of_range",
    /// Money that is not a plain decimal such as "120.00".
    InvalidMoney = "invalid_money",
    NegativeMoney = "negative_money",
    /// Money with more than two decimal places.
    MoneyPrecision = "money_precision",
    MoneyTooLarge = "money_too_large",
    /// Money written as a JSON number rather than a string.
    MoneyAsNumber = "money_as_number",
    InvalidPercent = "invalid_percent",
    /// An id with characters it may not have, empty text where words are needed, a control
    /// character in text, or a link that is not https on a listed host.
    InvalidText = "invalid_text",
    // -- the scenario against the catalog ----------------------------------------------------
    UnknownPlan = "unknown_plan",
    /// A service id the plan (or the vocabulary) does not have.
    UnknownService = "unknown_service",
    /// A use names a person who is not among the members.
    UnknownMember = "unknown_member",
    /// An id used twice (a person, a plan in a comparison or a catalog).
    DuplicateId = "duplicate_id",
    /// A field that does not apply to this kind of care (days on a visit, billed in network).
    NotApplicable = "not_applicable",
    /// An enrollment type or pay schedule the plan does not offer.
    NotOffered = "not_offered",
    /// The enrollment type does not fit the number of people.
    HouseholdSize = "household_size",
    /// Family roles that cannot be (two spouses, a subscriber not listed first).
    InvalidRelationship = "invalid_relationship",
    /// No row of a per-member premium table fits this person.
    NoPremiumRate = "no_premium_rate",
    /// A Medicare plan and a member without Medicare Part B.
    MedicarePartBRequired = "medicare_part_b_required",
    /// An out-of-network provider's bill below the allowed amount.
    BilledBelowAllowed = "billed_below_allowed",
    /// No allowed amount given and no typical price known.
    NoTypicalPrice = "no_typical_price",
    /// An employer contribution that cannot apply (both an amount and a percent, …).
    InvalidContribution = "invalid_contribution",
    /// A cost curve asked for with no care to scale.
    NoCare = "no_care",
    /// Amounts too large to add up.
    Overflow = "overflow",
    // -- data files --------------------------------------------------------------------------
    /// A plan file that reads but does not hold together (the message says what).
    InvalidPlan = "invalid_plan",
    /// A data file other than a plan (vocabulary, prices, presets) that does not hold together.
    InvalidData = "invalid_data",
    /// A file or standard input that could not be read.
    ReadFailed = "read_failed",
    /// A census row that cannot be priced (the message names the column).
    InvalidRow = "invalid_row",
    /// A census cell whose bytes are not UTF-8 text (a file saved as Windows-1252 or Latin-1).
    InvalidEncoding = "invalid_encoding",
    /// A census file that is not CSV text at all (an image, a workbook, UTF-16 text).
    NotCsv = "not_csv",
    /// A census household whose rows are not next to each other: refused whole.
    RowsApart = "rows_apart",
    // -- the boundaries ----------------------------------------------------------------------
    /// An argument of the wrong type in a call into the `.wasm` (a number where text belongs),
    /// or a command-line option that is unknown or does not apply to the command.
    WrongArgument = "wrong_argument",
}

/// Everything that can go wrong: the input (a file name, "scenario"), the path to the value at
/// fault within it (empty for the input as a whole), and the kind of fault with its values
/// ([`Details`], which an `Error` derefs to).
///
/// Boxed: a `Result<T, Error>` is then a pointer wide on the error side, where the reader's
/// many `Result`s copied the whole error at every step (2 KB of the `.wasm`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error(Box<Details>);

/// What an [`Error`] holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Details {
    pub origin: String,
    pub path: ErrorPath,
    pub kind: ErrorKind,
}

impl std::ops::Deref for Error {
    type Target = Details;
    fn deref(&self) -> &Details {
        &self.0
    }
}

impl std::ops::DerefMut for Error {
    fn deref_mut(&mut self) -> &mut Details {
        &mut self.0
    }
}

impl Error {
    /// The fault `kind` at `path` of the input `origin`.
    pub fn at(origin: &str, path: impl Into<ErrorPath>, kind: ErrorKind) -> Error {
        Error(Box::new(Details { origin: origin.to_string(), path: path.into(), kind }))
    }

    /// The same place, another kind of fault made from this one's.
    pub fn map_kind(mut self, f: impl FnOnce(ErrorKind) -> ErrorKind) -> Error {
        let kind = std::mem::replace(&mut self.kind, ErrorKind::overflow());
        self.kind = f(kind);
        self
    }

    /// A fault given as a code and English words, with no params: the census's row checks
    /// still make theirs this way (their values are in the words only).
    pub fn new(origin: &str, field: impl Into<ErrorPath>, code: Code, message: impl Into<String>) -> Error {
        Error::at(origin, field, ErrorKind::other(code, message.into()))
    }

    /// The same fault, said of another input (a reader's error gets its file's name).
    pub fn from(mut self, origin: &str) -> Error {
        self.origin = origin.to_string();
        self
    }

    pub fn code(&self) -> Code {
        self.kind.code()
    }

    /// The path as text: `members[0].age` (empty for the input as a whole).
    pub fn field(&self) -> String {
        self.path.to_string()
    }

    /// The values the message names.
    pub fn params(&self) -> Params {
        self.kind.params()
    }

    /// What is wrong, in plain English (without the origin and field).
    pub fn message(&self) -> String {
        self.kind.message()
    }

    /// Writes the error's fields into a map being serialized (a census row error adds its own).
    pub fn serialize_fields<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        let field = self.field();
        let message = self.message();
        let params = self.params();
        // One value type for every entry: one copy of the serializer's code, not one per type.
        for (key, value) in [
            ("code", Value::Text(self.code().as_str())),
            ("field", if field.is_empty() { Value::Null } else { Value::Text(&field) }),
            ("path", Value::Path(&self.path)),
            ("params", Value::Params(&params)),
            ("origin", Value::Text(&self.origin)),
            ("message", Value::Text(&message)),
        ] {
            map.serialize_entry(key, &value)?;
        }
        Ok(())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_root() {
            write!(f, "{}: {}", self.origin, self.message())
        } else {
            write!(f, "{}: {}: {}", self.origin, self.path, self.message())
        }
    }
}

impl std::error::Error for Error {}

/// `{code, field, path, params, origin, message}`: what the CLI's `--errors json` prints inside
/// `{"error": …}` and the `.wasm`'s thrown `Error` carries.
impl Serialize for Error {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        self.serialize_fields(&mut map)?;
        map.end()
    }
}

/// The most characters of input text a message quotes.
pub const SHOWN_CHARS: usize = 60;

/// Characters no text of ours may hold and no message may echo as they are: control
/// characters (C0, DEL, C1: terminal escapes begin with one), the bidirectional marks,
/// embeddings, overrides and isolates that reorder what a reader sees, and the line and
/// paragraph separators.
pub fn is_forbidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text from the input as a message may quote it: at most [`SHOWN_CHARS`] characters (then
/// "…"), with forbidden characters ([`is_forbidden`]) written as escapes (`\u{1b}`), so a
/// hostile value can neither flood a message nor reach a terminal as a control sequence.
pub fn shown(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(SHOWN_CHARS * 4) + 3);
    for (i, c) in text.chars().enumerate() {
        if i == SHOWN_CHARS {
            out.push('…');
            break;
        }
        if is_forbidden(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for c in Code::ALL {
            let s = c.as_str();
            assert!(s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{s}");
            assert!(seen.insert(s), "{s} twice");
        }
    }

    #[test]
    fn shown_text_is_short_and_has_no_control_characters() {
        assert_eq!(shown("abc"), "abc");
        assert_eq!(shown("a\u{1b}[31mb\u{7}"), "a\\u{1b}[31mb\\u{7}");
        assert_eq!(shown("line\nbreak"), "line\\nbreak");
        let long = "é".repeat(100_000);
        let s = shown(&long);
        assert_eq!(s.chars().count(), SHOWN_CHARS + 1);
        assert!(s.ends_with('…'));
        assert!(shown("\u{202e}reversed").starts_with("\\u{202e}"));
        assert!(shown("\u{9b}31m").starts_with("\\u{9b}"), "a C1 control (CSI)");
    }

    #[test]
    fn a_path_is_keys_and_indices_and_its_text_is_derived() {
        let p = at!["services", 2usize, "allowed"];
        assert_eq!(p.to_string(), "services[2].allowed");
        assert_eq!(serde_json::to_string(&p).unwrap(), r#"["services",2,"allowed"]"#);
        assert_eq!(ErrorPath::from("").to_string(), "");
        assert_eq!(at!["a\u{1b}b"].to_string(), "a\\u{1b}b");
    }

    #[test]
    fn the_message_is_filled_in_from_the_params() {
        let e = Error::at("scenario", at!["members", 0usize, "age"], ErrorKind::out_of_range(0, 120, 200u64.into()));
        assert_eq!(e.code(), Code::OutOfRange);
        assert_eq!(e.field(), "members[0].age");
        assert_eq!(e.to_string(), "scenario: members[0].age: must be from 0 to 120 (got 200)");
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "out_of_range", "field": "members[0].age", "path": ["members", 0, "age"],
                "params": {"min": 0, "max": 120, "value": 200}, "origin": "scenario", "message": "must be from 0 to 120 (got 200)"})
        );
        let root = Error::at("t", ErrorPath::ROOT, ErrorKind::input_too_large(5));
        assert_eq!(serde_json::to_value(&root).unwrap()["field"], serde_json::Value::Null);
    }
}
