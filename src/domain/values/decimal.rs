//! Decimal rounding of `f64` values, done on their shortest decimal form; and how a text writes
//! its decimals ([`DecimalStyle`]).
//!
//! Rounding `x * 100` in binary gets cases like 1.005 wrong (it is stored as 1.00499999…), and a
//! marketer who typed 1.005 expects 1.01. So we round the digits Rust prints for the value (the
//! shortest text that reads back as the same `f64`), which are the digits the user meant.
//! `Display` for `f64` never uses an exponent, so 1e20 and 1e-7 come out as plain digits too.

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

/// How a file (or a typed number) writes its numbers: which mark separates the decimals. A
/// file's style is its own (a `;` file from a spreadsheet in an Indonesian or German locale),
/// never the UI's language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DecimalStyle {
    /// `1.234,56`: a decimal comma, dots grouping thousands (Indonesia, most of Europe).
    #[default]
    Comma,
    /// `1,234.56`: a decimal point, commas grouping thousands.
    Point,
}

impl DecimalStyle {
    /// The thousands mark and the decimal mark.
    pub fn separators(self) -> (char, char) {
        match self {
            DecimalStyle::Comma => ('.', ','),
            DecimalStyle::Point => (',', '.'),
        }
    }

    /// The style's name where a choice is remembered (`comma`, `point`); the names a
    /// language once stood for (`id`, `en`) still read.
    pub fn tag(self) -> &'static str {
        match self {
            DecimalStyle::Comma => "comma",
            DecimalStyle::Point => "point",
        }
    }

    /// The style a tag names ([`DecimalStyle::tag`], or the older `id` and `en`).
    pub fn from_tag(tag: &str) -> Option<DecimalStyle> {
        match tag {
            "comma" | "id" => Some(DecimalStyle::Comma),
            "point" | "en" => Some(DecimalStyle::Point),
            _ => None,
        }
    }
}

// Input path: a panic here kills the app, so indexing that could go out of bounds is refused.

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

/// A buffer on the stack for a value's shortest form: charts and tables format thousands of
/// numbers, and a heap string for each was most of their cost. Writing fails when it is full.
struct StackText {
    bytes: [u8; 48],
    len: usize,
}

impl std::fmt::Write for StackText {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        let end = self.len + text.len();
        let slot = self.bytes.get_mut(self.len..end).ok_or(std::fmt::Error)?;
        slot.copy_from_slice(text.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Rounds `value` to `decimals` fraction digits (at most [`MAX_DECIMALS`]), halves away from
/// zero. `None` for NaN and infinities.
pub fn round_half_away(value: f64, decimals: usize) -> Option<RoundedDecimal> {
    with_rounded(value, decimals, |negative, int_digits, frac_digits| {
        RoundedDecimal {
            negative,
            int_digits: int_digits.to_string(),
            frac_digits: frac_digits.to_string(),
        }
    })
}

/// [`round_half_away`] handing its digits to `f` as `(negative, int_digits, frac_digits)`
/// rather than as new strings: what formatting needs, with one allocation instead of three.
pub fn with_rounded<R>(
    value: f64,
    decimals: usize,
    f: impl FnOnce(bool, &str, &str) -> R,
) -> Option<R> {
    use std::fmt::Write;
    if !value.is_finite() {
        return None;
    }
    let decimals = decimals.min(MAX_DECIMALS);
    // The shortest form: on the stack when it fits, as every everyday value does (1e300 has
    // 301 digits and goes to the heap).
    let mut stack = StackText {
        bytes: [0; 48],
        len: 0,
    };
    let heap;
    let shortest: &[u8] = if write!(stack, "{}", value.abs()).is_ok() {
        stack.bytes.get(..stack.len).unwrap_or_default()
    } else {
        heap = format!("{}", value.abs());
        heap.as_bytes()
    };
    let (int_part, frac_part) = match shortest.iter().position(|&b| b == b'.') {
        Some(dot) => (
            shortest.get(..dot).unwrap_or_default(),
            shortest.get(dot + 1..).unwrap_or_default(),
        ),
        None => (shortest, &[][..]),
    };
    // One buffer: a slot for a carry out of the first digit, the integer digits, the fraction.
    let mut digits: Vec<u8> = Vec::with_capacity(1 + int_part.len() + decimals);
    digits.push(b'0');
    digits.extend_from_slice(int_part);
    digits.extend_from_slice(frac_part.get(..decimals).unwrap_or(frac_part));
    digits.resize(1 + int_part.len() + decimals, b'0');
    // The first dropped digit decides; 5 or more rounds the magnitude up (away from zero).
    if frac_part.get(decimals).is_some_and(|&d| d >= b'5') {
        increment(&mut digits);
    }
    let first = match digits.first() {
        Some(b'0') if digits.len() > 1 + decimals => 1,
        _ => 0,
    };
    let is_zero = digits.iter().all(|&d| d == b'0');
    let split = digits.len().saturating_sub(decimals);
    let int_digits = digits.get(first..split).unwrap_or_default();
    let frac_digits = digits.get(split..).unwrap_or_default();
    // Only ASCII digits were put in, so these conversions cannot fail.
    let text = |bytes| std::str::from_utf8(bytes).unwrap_or_default();
    Some(f(
        value < 0.0 && !is_zero,
        text(int_digits),
        text(frac_digits),
    ))
}

/// `value` rounded to `decimals` fraction digits, halves away from zero; NaN and infinities
/// come back unchanged, and a negative value that rounds to zero gives `0.0`, not `-0.0`.
pub fn round_to(value: f64, decimals: usize) -> f64 {
    match round_half_away(value, decimals) {
        Some(rounded) => rounded.to_f64(),
        None => value,
    }
}

/// Adds one to a string of ASCII digits whose first digit is a spare `0` for the carry.
fn increment(digits: &mut [u8]) {
    for d in digits.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            return;
        }
    }
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

    /// The rounding as first written, on heap strings: the reference the faster one must match.
    #[cfg(not(target_arch = "wasm32"))]
    fn reference(value: f64, decimals: usize) -> String {
        let decimals = decimals.min(MAX_DECIMALS);
        let shortest = format!("{}", value.abs());
        let (int_part, frac_part) = shortest.split_once('.').unwrap_or((&shortest, ""));
        let mut digits: Vec<u8> = int_part.bytes().collect();
        digits.extend(frac_part.bytes().take(decimals));
        digits.resize(int_part.len() + decimals, b'0');
        if frac_part
            .as_bytes()
            .get(decimals)
            .is_some_and(|&d| d >= b'5')
        {
            match digits.iter().rposition(|&d| d != b'9') {
                Some(i) => {
                    digits[i] += 1;
                    digits[i + 1..].fill(b'0');
                }
                None => {
                    digits.fill(b'0');
                    digits.insert(0, b'1');
                }
            }
        }
        let split = digits.len() - decimals;
        let (int, frac) = digits.split_at(split);
        let int = if int.is_empty() {
            "0".to_string()
        } else {
            String::from_utf8(int.to_vec()).unwrap()
        };
        let frac = String::from_utf8(frac.to_vec()).unwrap();
        let zero = digits.iter().all(|&d| d == b'0');
        let sign = if value < 0.0 && !zero { "-" } else { "" };
        if frac.is_empty() {
            format!("{sign}{int}")
        } else {
            format!("{sign}{int}.{frac}")
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        // Guards: the stack-buffer rounding drifting from the plain string one, for any
        // finite value (huge ones take the heap path) and any count of decimals.
        #[test]
        fn matches_the_plain_string_rounding(
            value in proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO,
            decimals in 0usize..=(MAX_DECIMALS + 2),
        ) {
            proptest::prop_assert_eq!(digits(value, decimals), reference(value, decimals));
        }

        // Guards: the same for values with few digits, where halves and carries are common.
        #[test]
        fn matches_the_plain_string_rounding_on_short_values(
            cents in -1_000_000i64..1_000_000,
            scale in 0u32..=4,
            decimals in 0usize..=3,
        ) {
            let value = cents as f64 / 10f64.powi(scale as i32);
            proptest::prop_assert_eq!(digits(value, decimals), reference(value, decimals));
        }
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
