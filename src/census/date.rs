//! Dates: a date of birth as spreadsheets write it, and a person's age on the as-of date.

use serde::ser::Serializer;
use serde::Serialize;

/// A calendar date, for `date_of_birth` and the as-of date ages are counted on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// `YYYY-MM-DD` (ISO 8601) or `MM/DD/YYYY` (the US order spreadsheets write); month and
    /// day may have one digit; the year has four. Two-digit years are refused (which century?).
    pub fn parse(text: &str) -> Option<Date> {
        let t = text.trim();
        let (y, m, d) = if let Some((y, rest)) = t.split_once('-') {
            let (m, d) = rest.split_once('-')?;
            (y, m, d)
        } else {
            let (m, rest) = t.split_once('/')?;
            let (d, y) = rest.split_once('/')?;
            (y, m, d)
        };
        let digits = |s: &str, min: usize, max: usize| if (min..=max).contains(&s.len()) { number(s) } else { None };
        let (year, month, day) = (digits(y, 4, 4)?, digits(m, 1, 2)?, digits(d, 1, 2)?);
        if !(1800..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year: year as u16, month: month as u8, day: day as u8 })
    }

    /// Age in whole years on `on` (a birthday on February 29 comes on March 1 in other years),
    /// or `None` if born after `on`.
    pub fn age_on(self, on: Date) -> Option<u32> {
        if self > on {
            return None;
        }
        let mut years = u32::from(on.year - self.year);
        if (on.month, on.day) < (self.month, self.day) {
            years -= 1;
        }
        Some(years)
    }
}

/// ASCII digits (at most nine) as a number.

pub(super) fn number(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 9 {
        return None;
    }
    text.bytes().try_fold(0u32, |n, b| if b.is_ascii_digit() { Some(n * 10 + u32::from(b - b'0')) } else { None })
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
