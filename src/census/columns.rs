//! The header: which column is which, matched by name.

use super::csv::{CellFault, Record};
use super::date::Date;
use super::reader::Setup;
use super::ORIGIN;
use crate::error::{shown, Code, Error};
use crate::vocab::Relationship;

/// The columns the engine reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Household,
    Age,
    DateOfBirth,
    Relationship,
    Usage,
    Medicare,
}

/// Each role's accepted header names, the preferred first. Where a file has two names of one
/// role (`household` and `id`), the first in this order is used and the other ignored.
/// Benefix's template: `ID` (repeated on each dependent's row) is the household,
/// `subscriber_relationship` the relationship, `date_of_birth` the age.
const ROLES: [(Role, &[&str]); 6] = [
    (Role::Household, &["household", "household_id", "family_id", "employee_id", "id"]),
    (Role::Age, &["age"]),
    (Role::DateOfBirth, &["date_of_birth", "dob", "birth_date", "birthdate"]),
    (Role::Relationship, &["relationship", "subscriber_relationship", "relationship_to_subscriber", "relation"]),
    (Role::Usage, &["usage", "usage_preset", "preset"]),
    (Role::Medicare, &["medicare", "medicare_status"]),
];

/// Words read as each relationship (case-insensitive), the relationship's own name first.
pub(super) const RELATIONSHIP_WORDS: [(Relationship, &[&str]); 3] = [
    (Relationship::Subscriber, &["subscriber", "employee", "self", "retiree", "primary"]),
    (Relationship::Spouse, &["spouse", "husband", "wife"]),
    (Relationship::Child, &["child", "dependent", "son", "daughter"]),
];

/// Which column of the file is which.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Columns {
    /// Each role's column index (in `Role` order), where the file has it.
    at: [Option<usize>; 6],
    /// The header's names, as written (trimmed).
    pub names: Vec<String>,
    /// Columns the engine does not use (gender, zip code, tobacco, coverage tier, …), as named.
    pub ignored: Vec<String>,
    /// The date ages are counted on, where the file gives dates of birth.
    pub as_of: Option<Date>,
}

/// A header name as compared: trimmed, lower case, spaces, hyphens and dots as `_`.
fn normalized(name: &str) -> String {
    name.trim_start_matches('\u{feff}').chars().map(|c| if matches!(c, ' ' | '-' | '.') { '_' } else { c.to_ascii_lowercase() }).collect()
}

impl Columns {
    /// The index of the role's column, if the file has one.
    pub fn of(&self, role: Role) -> Option<usize> {
        self.at[role as usize]
    }

    /// The header's name of the role's column, or empty.
    pub fn role_name(&self, role: Role) -> String {
        self.of(role).map(|i| self.name(i)).unwrap_or_default()
    }

    /// The name of column `i` in messages: the header's, else its number from 1.
    pub fn name(&self, i: usize) -> String {
        match self.names.get(i) {
            Some(n) if !n.is_empty() => n.clone(),
            _ => (i + 1).to_string(),
        }
    }

    pub(super) fn read(record: &Record, setup: &Setup) -> Result<Columns, Error> {
        let mut columns = Columns { at: [None; 6], names: record.fields.iter().map(|f| shown(f.text.trim())).collect(), ignored: Vec::new(), as_of: None };
        let fail = |field: String, code: Code, message: String| Err(Error::new(ORIGIN, field, code, format!("row {}: {message}", record.row)));
        if let Some((i, message)) = &record.fault {
            return fail(columns.name(*i), Code::InvalidRow, format!("the header, column {}: {message}", columns.name(*i)));
        }
        for (i, f) in record.fields.iter().enumerate() {
            let (code, what) = match f.fault {
                Some(CellFault::NotUtf8) => (Code::InvalidEncoding, "not UTF-8 text: save the census as CSV UTF-8".to_string()),
                Some(CellFault::TooLong) => (Code::InvalidRow, format!("longer than {} bytes", super::MAX_FIELD_BYTES)),
                None => continue,
            };
            return fail(columns.name(i), code, format!("the header, column {}: {what}", columns.name(i)));
        }
        let keys: Vec<String> = columns.names.iter().map(|n| normalized(n)).collect();
        let mut used = vec![false; keys.len()];
        for (role, accepted) in ROLES {
            for name in accepted {
                let mut found = keys.iter().enumerate().filter(|(_, k)| k == name).map(|(i, _)| i);
                if let Some(i) = found.next() {
                    if let Some(j) = found.next() {
                        return fail(columns.name(j), Code::DuplicateField, format!("columns {} and {} are both {}", i + 1, j + 1, columns.name(j)));
                    }
                    columns.at[role as usize] = Some(i);
                    used[i] = true;
                    break;
                }
            }
        }
        let has = |role: Role| columns.at[role as usize].is_some();
        let missing = [
            (!has(Role::Household), Role::Household, ""),
            (!has(Role::Relationship), Role::Relationship, ""),
            (!has(Role::Age) && !has(Role::DateOfBirth), Role::Age, " (or a date of birth column)"),
            (!has(Role::Usage) && setup.usage.is_none(), Role::Usage, " (or a usage for everyone)"),
        ];
        if let Some((_, role, or)) = missing.iter().find(|m| m.0) {
            let accepted = ROLES[*role as usize].1;
            let message = format!("the header has no {} column{or}; accepted names: {}", accepted[0], accepted.join(", "));
            return fail(accepted[0].to_string(), Code::MissingField, message);
        }
        if has(Role::DateOfBirth) {
            if setup.as_of.is_none() {
                let message = "the file gives dates of birth and the plans are of different years: give the date ages are counted on";
                return fail("as_of".into(), Code::MissingField, message.into());
            }
            columns.as_of = setup.as_of;
        }
        columns.ignored = columns.names.iter().zip(&used).filter(|(n, u)| !**u && !n.is_empty()).map(|(n, _)| n.clone()).collect();
        Ok(columns)
    }
}
