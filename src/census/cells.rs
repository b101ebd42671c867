//! One cell of a row read as what its column holds: an age (or a date of birth), a
//! relationship, a usage preset, a Medicare status.

use super::columns::RELATIONSHIP_WORDS;
use super::date::{number, Date};
use super::NO_CARE;
use crate::error::{shown, Code};
use crate::scenario::MAX_AGE;
use crate::vocab::{Medicare, Relationship};

/// A usage cell: `none` or a preset id (case-insensitive).
pub(super) fn usage_of(text: &str, presets: &[String]) -> Result<Option<String>, (Code, String)> {
    let t = text.to_ascii_lowercase();
    if t == NO_CARE {
        return Ok(None);
    }
    if presets.contains(&t) {
        return Ok(Some(t));
    }
    Err((Code::UnknownValue, format!("\"{}\" is not a usage preset: {}, or {NO_CARE} (no care)", shown(text), presets.join(", "))))
}

/// A fault in a row: the column's index, the code, the words.
pub(super) type Fault = (usize, Code, String);

pub(super) fn relationship_of((at, text): (usize, &str)) -> Result<Relationship, Fault> {
    let t = text.to_ascii_lowercase();
    if let Some((r, _)) = RELATIONSHIP_WORDS.iter().find(|(_, w)| w.contains(&t.as_str())) {
        return Ok(*r);
    }
    if text.is_empty() {
        return Err((at, Code::MissingField, "missing: subscriber, spouse or child".into()));
    }
    let words = "subscriber (or employee, self, retiree, primary); spouse (or husband, wife); child (or dependent, son, daughter)";
    Err((at, Code::UnknownValue, format!("\"{}\" is not a relationship: {words}", shown(text))))
}

pub(super) fn medicare_of((at, text): (usize, &str)) -> Result<Option<Medicare>, Fault> {
    if text.is_empty() {
        return Ok(None);
    }
    let t: String = text.chars().map(|c| if matches!(c, ' ' | '-') { '_' } else { c.to_ascii_lowercase() }).collect();
    match Medicare::from_name(&t) {
        Some(m) => Ok(Some(m)),
        None => Err((at, Code::UnknownValue, format!("\"{}\" is not a Medicare status: {}, or empty", shown(text), Medicare::NAMES.join(", ")))),
    }
}

/// The person's age: from the age column where it is filled, else from the date of birth on
/// the as-of date.
pub(super) fn age_of(age: Option<(usize, &str)>, birth: Option<(usize, &str)>, as_of: Option<Date>) -> Result<u32, Fault> {
    if let Some((at, text)) = age.filter(|(_, t)| !t.is_empty()) {
        return match number(text) {
            Some(a) if a <= MAX_AGE => Ok(a),
            Some(_) => Err((at, Code::OutOfRange, format!("an age is from 0 to {MAX_AGE} (got {text})"))),
            None => Err((at, Code::InvalidNumber, format!("\"{}\" is not an age: a whole number of years from 0 to {MAX_AGE}", shown(text)))),
        };
    }
    let (Some((at, text)), Some(as_of)) = (birth.filter(|(_, t)| !t.is_empty()), as_of) else {
        let at = age.or(birth).map_or(0, |(at, _)| at);
        return Err((at, Code::MissingField, "missing: the person's age".into()));
    };
    let Some(born) = Date::parse(text) else {
        return Err((at, Code::InvalidRow, format!("\"{}\" is not a date: YYYY-MM-DD or MM/DD/YYYY", shown(text))));
    };
    match born.age_on(as_of) {
        Some(a) if a <= MAX_AGE => Ok(a),
        Some(a) => Err((at, Code::OutOfRange, format!("born {born} is {a} on {as_of}: an age is from 0 to {MAX_AGE}"))),
        None => Err((at, Code::OutOfRange, format!("born {born}, after {as_of}, the date ages are counted on"))),
    }
}

