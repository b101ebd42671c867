//! Exact money and percentages.
//!
//! Money crosses every boundary (plan files, scenarios, results, the WebAssembly API) as a
//! decimal *string* ("120.00"). A JSON number is refused, so a float can never sneak in, and
//! text that is not a plain decimal is refused with a message that says what was expected.

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Serialize, Serializer};

use crate::error::{ErrorKind, Expected, Param};
use crate::json::{self, FromJson, Path, Read, Reader, Scalar};

/// The largest amount accepted anywhere (ten million dollars). Larger figures are refused as
/// absurd, which also keeps every sum the engine forms far from `Decimal`'s range.
pub const MONEY_MAX: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 2);

/// A non-negative amount of US dollars with at most two decimal places.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(Decimal);

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Parses "120", "120.5" or "120.00": ASCII digits with at most one decimal point and two
    /// decimal places, nothing else (no sign, exponent, spaces, commas or currency symbol).
    /// Refuses amounts above [`MONEY_MAX`]. The error says which kind of fault.
    pub fn parse(text: &str) -> Result<Money, ErrorKind> {
        let well_formed = !text.is_empty()
            && text.bytes().all(|c| c.is_ascii_digit() || c == b'.')
            && text.bytes().filter(|&c| c == b'.').count() <= 1
            && !text.starts_with('.')
            && !text.ends_with('.');
        if !well_formed {
            if text.trim_start().starts_with('-') {
                return Err(ErrorKind::negative_money(text));
            }
            return Err(ErrorKind::invalid_money(text));
        }
        if let Some((_, cents)) = text.split_once('.') {
            if cents.len() > 2 {
                return Err(ErrorKind::money_precision(text));
            }
        }
        match Decimal::from_str_exact(text) {
            Ok(v) if v <= MONEY_MAX => Ok(Money(v)),
            _ => Err(ErrorKind::money_too_large(text, Money(MONEY_MAX).into())),
        }
    }

    pub fn from_decimal(value: Decimal) -> Money {
        Money(value)
    }

    pub fn value(self) -> Decimal {
        self.0
    }

    /// An amount of whole cents (`None` past `Decimal`'s range, which no sum reaches).
    pub fn from_cents(cents: u64) -> Option<Money> {
        Decimal::try_from_i128_with_scale(i128::from(cents), 2).ok().map(Money)
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    pub fn min(self, other: Money) -> Money {
        if self <= other {
            self
        } else {
            other
        }
    }

    /// Sum that cannot overflow: `None` only past `Decimal`'s range, which validated inputs
    /// never reach.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    /// Difference floored at zero (remaining room under a limit).
    pub fn saturating_sub(self, other: Money) -> Money {
        if other >= self {
            Money::ZERO
        } else {
            Money(self.0 - other.0)
        }
    }

    pub fn checked_mul_int(self, n: u32) -> Option<Money> {
        self.0.checked_mul(Decimal::from(n)).map(Money)
    }

    /// `percent` of this amount, rounded to the cent half away from zero (docs/domain.md, rule 11).
    ///
    /// No `Decimal` division here or in [`Money::pro_rata`] (the only two there were): its code
    /// is about 4 KB of the WebAssembly module. Dividing by 100 is moving the decimal point,
    /// which gives the same amount `checked_div` gave: exactly where the scale allows, else
    /// rounded to 28 places half to even, as `checked_div` rounds.
    pub fn percent(self, percent: Percent) -> Option<Money> {
        let mut raw = self.0.checked_mul(percent.0)?;
        if raw.scale() > Decimal::MAX_SCALE - 2 {
            raw = raw.round_dp_with_strategy(Decimal::MAX_SCALE - 2, RoundingStrategy::MidpointNearestEven);
        }
        raw.set_scale(raw.scale() + 2).ok()?;
        Some(Money(raw.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)))
    }

    /// `self × numerator / denominator`, rounded to the cent half away from zero. Used to split
    /// a stay's allowed amount between covered and uncovered days, and to price a fill's days
    /// from a 30-day price. Worked out exactly in whole cents (money has at most two places);
    /// `None` only past any amount the engine takes.
    pub fn pro_rata(self, numerator: u32, denominator: u32) -> Option<Money> {
        if denominator == 0 || self.0.scale() > 2 {
            return None;
        }
        let cents = u128::try_from(self.0.mantissa()).ok()? * 10u128.pow(2 - self.0.scale());
        let (quotient, remainder) = div_rem(cents.checked_mul(u128::from(numerator))?, denominator);
        let rounded = if u64::from(remainder) * 2 >= u64::from(denominator) { quotient.checked_add(1)? } else { quotient };
        Decimal::try_from_i128_with_scale(i128::try_from(rounded).ok()?, 2).ok().map(Money)
    }
    /// Two-decimal text, the only form money takes on the way out.
    pub fn to_cents_string(self) -> String {
        let mut d = self.0.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        d.rescale(2);
        d.to_string()
    }
}

/// `n / d` and `n % d` by long division in 32-bit digits (a `u128` division would bring in
/// the compiler's 128-bit division routine).
fn div_rem(n: u128, d: u32) -> (u128, u32) {
    let d = u64::from(d);
    let (mut quotient, mut remainder) = (0u128, 0u64);
    for shift in [96, 64, 32, 0] {
        let digit = (remainder << 32) | ((n >> shift) as u32 as u64);
        quotient = (quotient << 32) | u128::from(digit / d);
        remainder = digit % d;
    }
    (quotient, remainder as u32)
}

impl Money {
    /// "$23,100.00": for sentences people read (JSON carries `to_cents_string`).
    pub fn dollars(self) -> String {
        let s = self.to_cents_string();
        let (whole, cents) = s.split_once('.').unwrap_or((&s, "00"));
        let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
        for (i, ch) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        format!("${grouped}.{cents}")
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_cents_string())
    }
}

impl FromStr for Money {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Money::parse(s).map_err(|kind| kind.message())
    }
}

/// An amount an error names: its decimal string as a param, in dollars in the words.
impl From<Money> for Param {
    fn from(m: Money) -> Param {
        Param::Money { decimal: m.to_cents_string(), dollars: m.dollars() }
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_cents_string())
    }
}

/// Money is written as a string ("120.00"); a number gets a message that says so.
impl FromJson for Money {
    fn read(r: &mut Reader, at: Path) -> Read<Self> {
        match r.scalar(at)? {
            Scalar::String(text) => Money::parse(&text).or_else(|kind| json::fail(at, kind)),
            Scalar::Number(n) => json::fail(at, ErrorKind::money_as_number(n)),
            Scalar::Other(found) => json::fail(at, ErrorKind::invalid_type(Expected::Money, found)),
        }
    }
}

/// A percentage from 0 to 100, written as a string ("20" for 20%).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Percent(Decimal);

impl Percent {
    pub fn parse(text: &str) -> Result<Percent, ErrorKind> {
        let ok = !text.is_empty()
            && text.bytes().all(|c| c.is_ascii_digit() || c == b'.')
            && text.bytes().filter(|&c| c == b'.').count() <= 1
            && !text.starts_with('.')
            && !text.ends_with('.');
        let value = if ok { Decimal::from_str_exact(text).ok() } else { None };
        match value {
            Some(v) if v <= Decimal::ONE_HUNDRED => Ok(Percent(v)),
            _ => Err(ErrorKind::invalid_percent(text)),
        }
    }

    pub fn value(self) -> Decimal {
        self.0
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.normalize())
    }
}

impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl FromJson for Percent {
    fn read(r: &mut Reader, at: Path) -> Read<Self> {
        match r.scalar(at)? {
            Scalar::String(text) => Percent::parse(&text).or_else(|kind| json::fail(at, kind)),
            Scalar::Number(n) => json::fail(at, ErrorKind::percent_as_number(n)),
            Scalar::Other(found) => json::fail(at, ErrorKind::invalid_type(Expected::Percent, found)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_amounts() {
        assert_eq!(Money::parse("120").unwrap().to_string(), "120.00");
        assert_eq!(Money::parse("120.5").unwrap().to_string(), "120.50");
        assert_eq!(Money::parse("0.01").unwrap().to_string(), "0.01");
    }

    #[test]
    fn refuses_bad_money() {
        for bad in ["", "-1", "1e3", "abc", "$5", "1.234", "1,000", ".5", "5.", "NaN", "10000000.01", " 1", "1 ", "\u{3000}120.00\u{a0}", "１２０", "+1"] {
            assert!(Money::parse(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn coinsurance_rounds_half_away_from_zero() {
        // 20% of 0.125 would be banker's-rounded down; half away from zero rounds up.
        let m = Money::parse("2.25").unwrap(); // 10% = 0.225 -> 0.23
        assert_eq!(m.percent(Percent::parse("10").unwrap()).unwrap().to_string(), "0.23");
    }

    /// `percent` and `pro_rata` work without `Decimal` division: the same amounts as dividing.
    #[test]
    fn percent_and_pro_rata_equal_decimal_division() {
        let away = RoundingStrategy::MidpointAwayFromZero;
        let by_division = |a: Decimal, p: Decimal| a.checked_mul(p).and_then(|x| x.checked_div(Decimal::ONE_HUNDRED)).map(|x| x.round_dp_with_strategy(2, away));
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut amounts: Vec<Money> = ["0", "0.01", "0.05", "0.5", "1", "2.25", "99.99", "120.00", "10000000", "9999999.99"].iter().map(|t| Money::parse(t).unwrap()).collect();
        let mut percents: Vec<Percent> = ["0", "0.5", "1", "12.5", "20", "33.333", "50", "99.99", "100", "33.33333333333333333333333333", "0.0000000000000000000000000001", "12.345678901234567890123456"]
            .iter()
            .map(|t| Percent::parse(t).unwrap())
            .collect();
        for _ in 0..2000 {
            let cents = next() % 1_000_000_001;
            amounts.push(Money::parse(&format!("{}.{:02}", cents / 100, cents % 100)).unwrap());
            let places = (next() % 29) as u32;
            let p = Decimal::from_i128_with_scale((next() % 10_000_000_000_000_000) as i128, places.min(16));
            if p <= Decimal::ONE_HUNDRED {
                percents.push(Percent(p));
            }
        }
        for (i, &a) in amounts.iter().enumerate() {
            for p in percents.iter().skip(i % 7).step_by(7) {
                assert_eq!(a.percent(*p).map(Money::value), by_division(a.0, p.0), "{a} × {}%", p.0);
            }
            for (n, d) in [(0, 1), (1, 1), (1, 2), (1, 3), (2, 3), (7, 30), (29, 30), (90, 30), (365, 366), (1, 366), (1000, 7), (u32::MAX, 366)] {
                let division = a.0.checked_mul(Decimal::from(n)).and_then(|x| x.checked_div(Decimal::from(d))).map(|x| x.round_dp_with_strategy(2, away));
                assert_eq!(a.pro_rata(n, d).map(Money::value), division, "{a} × {n} / {d}");
            }
        }
        assert_eq!(Money::parse("10").unwrap().pro_rata(1, 0), None);
    }

    #[test]
    fn dollars_are_grouped() {
        assert_eq!(Money::parse("23100").unwrap().dollars(), "$23,100.00");
        assert_eq!(Money::parse("999.5").unwrap().dollars(), "$999.50");
        assert_eq!(Money::parse("1234567.89").unwrap().dollars(), "$1,234,567.89");
    }

    #[test]
    fn refuses_numbers_in_json() {
        for text in ["120.5", "120"] {
            let e = json::parse::<Money>("test", text).unwrap_err().to_string();
            assert!(e.contains("not as the number"), "{e}");
        }
        assert!(json::parse::<Percent>("test", "20").unwrap_err().to_string().contains("as a string"));
        assert_eq!(json::parse::<Money>("test", "\"120.50\"").unwrap().to_cents_string(), "120.50");
    }
}
