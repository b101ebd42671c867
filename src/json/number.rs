//! What a JSON number is worth, exactly. A count is a whole number *by value*: `2`, `2.0`,
//! `2e0` and `20e-1` are all two, and `-0` is zero, the same whichever way the number arrived
//! (typed in a file for the CLI, or a JavaScript number, which cannot tell `2.0` from `2`).

/// The value of a JSON number if it is a whole number from 0 to `u64::MAX`:
/// `Ok(n)`; `Err(Fault::…)` otherwise. `text` follows the JSON number grammar (checked by the
/// syntax pass; anything else is `NotWhole`).
pub fn whole(text: &str) -> Result<u64, Fault> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, text),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, "0"),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Fault::NotWhole);
    }
    // The exponent, clamped: anything past ±100000 is far outside every range anyway.
    let exp_text = exponent.strip_prefix('+').unwrap_or(exponent);
    let (exp_negative, exp_digits) = match exp_text.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, exp_text),
    };
    if exp_digits.is_empty() || !exp_digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Fault::NotWhole);
    }
    let mut exp: i64 = 0;
    for b in exp_digits.bytes() {
        exp = (exp * 10 + i64::from(b - b'0')).min(100_000);
    }
    if exp_negative {
        exp = -exp;
    }
    // digits × 10^(exp − len(frac)), with the digits' leading and trailing zeros taken out.
    let digits: Vec<u8> = int.bytes().chain(frac.bytes()).collect();
    let first = digits.iter().position(|&d| d != b'0');
    let Some(first) = first else {
        return Ok(0); // zero, whatever its sign or exponent
    };
    let last = digits.iter().rposition(|&d| d != b'0').unwrap_or(first);
    let significant = &digits[first..=last];
    let trailing_zeros = (digits.len() - 1 - last) as i64;
    let scale = exp - frac.len() as i64 + trailing_zeros;
    if scale < 0 {
        return Err(Fault::NotWhole);
    }
    if negative {
        return Err(Fault::Negative);
    }
    if significant.len() as i64 + scale > 20 {
        return Err(Fault::TooLarge);
    }
    let mut value: u128 = 0;
    for &d in significant {
        value = value * 10 + u128::from(d - b'0');
    }
    for _ in 0..scale {
        value *= 10;
    }
    u64::try_from(value).map_err(|_| Fault::TooLarge)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    NotWhole,
    Negative,
    TooLarge,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_by_value() {
        for (text, want) in [
            ("0", Ok(0)),
            ("-0", Ok(0)),
            ("-0.0e5", Ok(0)),
            ("2", Ok(2)),
            ("2.0", Ok(2)),
            ("2e0", Ok(2)),
            ("20e-1", Ok(2)),
            ("0.2e1", Ok(2)),
            ("1E3", Ok(1000)),
            ("1e+3", Ok(1000)),
            ("18446744073709551615", Ok(u64::MAX)),
            ("2.5", Err(Fault::NotWhole)),
            ("1e-1", Err(Fault::NotWhole)),
            ("-1", Err(Fault::Negative)),
            ("-2.0", Err(Fault::Negative)),
            ("-0.5", Err(Fault::NotWhole)),
            ("18446744073709551616", Err(Fault::TooLarge)),
            ("1e400", Err(Fault::TooLarge)),
            ("1e999999999999999999999", Err(Fault::TooLarge)),
            ("1e-999999999999999999999", Err(Fault::NotWhole)),
        ] {
            assert_eq!(whole(text), want, "{text}");
        }
    }
}
