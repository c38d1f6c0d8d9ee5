//! Decimal rounding of `f64` values, done on their shortest decimal form.
//!
//! Rounding `x * 100` in binary gets cases like 1.005 wrong (it is stored as 1.00499999…), and a
//! marketer who typed 1.005 expects 1.01. So we round the digits Rust prints for the value (the
//! shortest text that reads back as the same `f64`), which are the digits the user meant.
//! `Display` for `f64` never uses an exponent, so 1e20 and 1e-7 come out as plain digits too.

// Input path: a panic here kills the app, so indexing that could go out of bounds is refused.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

/// Most decimals [`round_half_away`] keeps: more is noise for money and KPIs, and the cap
/// keeps a careless `decimals` argument from building a huge string.
pub const MAX_DECIMALS: usize = 20;

/// A finite number rounded to a fixed count of decimals, as digits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundedDecimal {
    /// Whether the rounded value is below zero; never true for a value that rounds to zero,
    /// so `-0.001` shown with two decimals is `0.00`, not `-0.00`.
    pub negative: bool,
    /// The integer digits, without leading zeros (`"0"` for values below one).
    pub int_digits: String,
    /// Exactly the requested count of fraction digits.
    pub frac_digits: String,
}

impl RoundedDecimal {
    /// The value these digits stand for, as the nearest `f64`.
    pub fn to_f64(&self) -> f64 {
        let text = format!("{}.{}", self.int_digits, self.frac_digits);
        let magnitude = text
            .trim_end_matches('.')
            .parse::<f64>()
            .unwrap_or(f64::NAN);
        if self.negative {
            -magnitude
        } else {
            magnitude
        }
    }
}

/// Rounds `value` to `decimals` fraction digits (at most [`MAX_DECIMALS`]), halves away from
/// zero. `None` for NaN and infinities.
pub fn round_half_away(value: f64, decimals: usize) -> Option<RoundedDecimal> {
    if !value.is_finite() {
        return None;
    }
    let decimals = decimals.min(MAX_DECIMALS);
    let shortest = format!("{}", value.abs());
    let (int_part, frac_part) = shortest.split_once('.').unwrap_or((&shortest, ""));
    let mut digits: Vec<u8> = int_part.bytes().collect();
    let kept_frac = frac_part.get(..decimals).unwrap_or(frac_part);
    digits.extend(kept_frac.bytes());
    digits.resize(int_part.len() + decimals, b'0');
    // The first dropped digit decides; 5 or more rounds the magnitude up (away from zero).
    if frac_part
        .as_bytes()
        .get(decimals)
        .is_some_and(|&d| d >= b'5')
    {
        increment(&mut digits);
    }
    let split = digits.len().saturating_sub(decimals);
    let (int_part, frac_part) = digits.split_at_checked(split).unwrap_or((&digits, &[]));
    let frac_digits = String::from_utf8_lossy(frac_part).into_owned();
    let mut int_digits = String::from_utf8_lossy(int_part).into_owned();
    if int_digits.is_empty() {
        int_digits.push('0');
    }
    let is_zero = digits.iter().all(|&d| d == b'0');
    Some(RoundedDecimal {
        negative: value < 0.0 && !is_zero,
        int_digits,
        frac_digits,
    })
}

/// `value` rounded to `decimals` fraction digits, halves away from zero; NaN and infinities
/// come back unchanged, and a negative value that rounds to zero gives `0.0`, not `-0.0`.
pub fn round_to(value: f64, decimals: usize) -> f64 {
    match round_half_away(value, decimals) {
        Some(rounded) => rounded.to_f64(),
        None => value,
    }
}

/// Adds one to a string of ASCII digits, growing it on a carry out of the first digit.
fn increment(digits: &mut Vec<u8>) {
    for d in digits.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            return;
        }
    }
    digits.insert(0, b'1');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(value: f64, decimals: usize) -> String {
        let r = round_half_away(value, decimals).unwrap();
        let sign = if r.negative { "-" } else { "" };
        if r.frac_digits.is_empty() {
            format!("{sign}{}", r.int_digits)
        } else {
            format!("{sign}{}.{}", r.int_digits, r.frac_digits)
        }
    }

    // Guards: binary rounding would turn 1.005 into 1.00 and 2.675 into 2.67.
    #[test]
    fn halves_round_away_from_zero_as_typed() {
        assert_eq!(digits(0.005, 2), "0.01");
        assert_eq!(digits(1.005, 2), "1.01");
        assert_eq!(digits(2.675, 2), "2.68");
        assert_eq!(digits(-2.5, 0), "-3");
        assert_eq!(digits(2.5, 0), "3");
        assert_eq!(digits(2.4999, 0), "2");
        assert_eq!(digits(0.004, 2), "0.00");
    }

    // Guards: a carry that runs through every digit must add one in front.
    #[test]
    fn carries_grow_the_integer_part() {
        assert_eq!(digits(999.995, 2), "1000.00");
        assert_eq!(digits(9.5, 0), "10");
        assert_eq!(digits(0.96, 1), "1.0");
    }

    // Guards: "-0.00" shown for a tiny negative value, or -0.0 leaking out of rounding.
    #[test]
    fn values_that_round_to_zero_are_not_negative() {
        assert_eq!(digits(-0.001, 2), "0.00");
        assert_eq!(digits(-0.0, 0), "0");
        assert!(round_to(-0.001, 2).is_sign_positive());
    }

    // Guards: exponent notation or precision loss on large values, and panics on odd input.
    #[test]
    fn large_values_and_odd_arguments_are_safe() {
        assert_eq!(digits(1e20, 0), "100000000000000000000");
        assert_eq!(digits(1e12 + 0.5, 0), "1000000000001");
        assert_eq!(digits(1.5, usize::MAX).len(), 2 + MAX_DECIMALS);
        assert_eq!(round_half_away(f64::NAN, 2), None);
        assert_eq!(round_half_away(f64::INFINITY, 2), None);
        assert!(round_to(f64::NAN, 2).is_nan());
        assert_eq!(round_to(1234.5678, 2), 1234.57);
        assert_eq!(round_to(f64::MAX, 2), f64::MAX);
    }
}
