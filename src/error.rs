//! One error type for the whole engine, converted once at each boundary: the CLI prints it and
//! exits with status 2; the WebAssembly binding throws a JS `Error` carrying `field` and `code`
//! (DOMAIN.md, "Errors across the WebAssembly boundary").
//!
//! Every error has a stable `code` (what kind of fault) so that a page can say it in any
//! language without reading the English `message`. Text from the input that a message quotes
//! goes through [`shown`], which shortens it and escapes control characters.

use std::fmt;

/// Declares the error codes: one name per kind of fault, written as snake_case at every
/// boundary. Adding a code is one line here (and its words in the page's message catalog).
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
    /// The text is not JSON (the message says what and where), or nests too deep.
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
    /// An id with characters it may not have, or empty text where words are needed.
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
    // -- the WebAssembly boundary ------------------------------------------------------------
    /// A JavaScript argument of the wrong type (a number where text belongs).
    WrongArgument = "wrong_argument",
}

/// Everything that can go wrong, each naming where: the input (a file name, "scenario"), the
/// field within it (`services[2].allowed`, or empty for the input as a whole), the kind of fault
/// and what is wrong in plain English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub origin: String,
    pub field: String,
    pub code: Code,
    pub message: String,
}

impl Error {
    pub fn new(origin: &str, field: impl Into<String>, code: Code, message: impl Into<String>) -> Error {
        Error { origin: origin.to_string(), field: field.into(), code, message: message.into() }
    }

    /// The same fault, said of another input (a reader's error gets its file's name).
    pub fn from(mut self, origin: &str) -> Error {
        self.origin = origin.to_string();
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.origin, self.message)
        } else {
            write!(f, "{}: {}: {}", self.origin, self.field, self.message)
        }
    }
}

impl std::error::Error for Error {}

/// The most characters of input text a message quotes.
pub const SHOWN_CHARS: usize = 60;

/// Text from the input as a message may quote it: at most [`SHOWN_CHARS`] characters (then
/// "…"), with control characters written as escapes (`\u{1b}`), so a hostile value can neither
/// flood a message nor reach a terminal as a control sequence.
pub fn shown(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(SHOWN_CHARS * 4) + 3);
    for (i, c) in text.chars().enumerate() {
        if i == SHOWN_CHARS {
            out.push('…');
            break;
        }
        if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') {
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
    }
}
