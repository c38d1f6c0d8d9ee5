//! Numbers, money, percentages and dates written and read the way each UI language expects,
//! without a locale library (ICU would add hundreds of KB to the wasm).
//!
//! Conventions, after CLDR's `id` and `en` data:
//! - Indonesian groups with `.` and marks decimals with `,` (`1.234.567,89`); English the
//!   reverse (`1,234,567.89`). Grouping starts at four digits (`1.234`) in both.
//! - Rounding is half away from zero on the digits the value prints as, so 0.005 → 0.01 and
//!   1.005 → 1.01 (see [`crate::domain::values::decimal`]). A value that rounds to zero has no sign.
//! - NaN and infinities are written `—`: a chart or table cell stays readable when a KPI
//!   divides by zero.
//! - Money puts the symbol first in both languages with the sign before it (`-Rp 1.500.000`,
//!   `-$1,500.00`), and uses the currency's minor units (no decimals for IDR, JPY, VND, KRW).
//!   As CLDR's currency spacing does, a space separates a symbol that ends in a letter from
//!   the digits (`Rp 1.500.000`, `RM 12,50`) and none follows a sign (`US$1.500,00`, `€9,99`).
//!   It is an ordinary space, the form the UI texts and spreadsheets expect; CSS keeps amounts
//!   on one line. USD is `US$` in Indonesian (a bare `$` is ambiguous next to rupiah) and `$`
//!   in English. An unknown code is written before the number with two decimals
//!   (`XYZ 1,500.00`).
//! - Percentages have no space before `%` in either language (`12,5%`, `12.5%`).
//! - Compact numbers for chart axes: Indonesian `15 rb`, `1,5 jt`, `2 M` (miliar), `3 T`
//!   (triliun); English `15K`, `1.5M`, `2B`, `3T`; at most two decimals, trailing zeros dropped.
//! - Dates: `28 November 2026` (long), `28 Nov 2026` (short), `November 2026` (month and year),
//!   day first in both languages; Indonesian month names are Januari…Desember, short
//!   Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des.
//!
//! Reading what a user typed ([`parse_number`]) follows these rules, in order:
//! 1. Spaces (including non-breaking ones) around the text are ignored, and so is an
//!    Indonesian `,-` ending (`Rp 50.000,-`, meaning "no cents").
//! 2. One `+` or `-` (or `−`) may come before the digits, before or after a currency marker
//!    (`-Rp 5.000`, `Rp -5.000`). Two signs, or a sign after the digits, are refused.
//! 3. One marker may come before or after the digits: a currency code or symbol from
//!    [`CURRENCIES`] (any letter case, `Rp`, `IDR`, `$`, `US$`, `€`…; a dot after a lettered
//!    symbol, as in `Rp.5.000`, belongs to the symbol), or `%`. The number is returned as
//!    written: `12,5%` reads as 12.5.
//! 4. Digits may be separated by `.` and `,` only (no spaces inside the number). To tell
//!    decimal from grouping separators:
//!    - when both appear, the last one is the decimal separator and must appear once;
//!    - a separator that appears more than once is grouping, in either language (so
//!      `1,500,000` reads as 1500000 in the Indonesian UI too);
//!    - a separator that appears once is what the language says: in Indonesian `.` groups and
//!      `,` is decimal; in English the reverse. So `1.500` is 1500 in Indonesian and 1.5 in
//!      English.
//! 5. When grouping is used, the first group has one to three digits and does not start with
//!    0, and every later group has exactly three (`1.50.000` and `0.500` are refused, not
//!    guessed). A decimal separator needs digits after it; `,5` reads as 0.5.
//! 6. Anything else (letters, `NaN`, `inf`, exponents like `1e5`) is refused, and so is a
//!    number too large for `f64`. `-0` reads as 0.

// Input path: a panic here kills the app, so indexing that could go out of bounds is refused.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use crate::domain::values::currency::{currency, CURRENCIES};
use crate::domain::values::date::Date;
use crate::domain::values::decimal::DecimalStyle;
use crate::domain::values::decimal::{round_to, with_rounded};
use crate::i18n::{Lang, T};

/// What a number that cannot be computed is written as.
const NOT_A_NUMBER: &str = "—";

/// How much of a typed text an error message repeats: a pasted paragraph must not flood it.
const MAX_SHOWN_CHARS: usize = 40;

/// The grouping and the decimal separator of a language.
fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::Id => ('.', ','),
        Lang::En => (',', '.'),
    }
}

/// `value` with `decimals` fraction digits, grouped in thousands, in `lang`'s style:
/// `1.234.567,89` (Indonesian) or `1,234,567.89` (English). Halves round away from zero;
/// NaN and infinities are `—`; `decimals` is capped at
/// [`MAX_DECIMALS`](crate::domain::values::decimal::MAX_DECIMALS).
pub fn format_number(value: f64, decimals: usize, lang: Lang) -> String {
    let (group, decimal) = separators(lang);
    let formatted = with_rounded(value, decimals, |negative, int_digits, frac_digits| {
        let int = int_digits.as_bytes();
        let mut out = String::with_capacity(int.len() * 4 / 3 + frac_digits.len() + 2);
        if negative {
            out.push('-');
        }
        for (i, &digit) in int.iter().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(group);
            }
            out.push(char::from(digit));
        }
        if !frac_digits.is_empty() {
            out.push(decimal);
            out.push_str(frac_digits);
        }
        out
    });
    formatted.unwrap_or_else(|| NOT_A_NUMBER.to_string())
}

/// An amount of money in `lang`'s style: `Rp 1.500.000` / `Rp 1,500,000`, `US$1.500,00` /
/// `$1,500.00`, `-Rp 1.500.000`; an unknown code goes before the number (`XYZ 1,500.00`).
/// The code is looked up as [`currency`] does; NaN and infinities are `—`.
pub fn format_money(amount: f64, code: &str, lang: Lang) -> String {
    let code = code.trim();
    let (symbol, decimals) = match currency(code) {
        Some(c) => (c.symbol_for(lang), usize::from(c.decimals)),
        None => (
            code,
            crate::domain::values::money::UNKNOWN_CURRENCY_DECIMALS,
        ),
    };
    let number = format_number(amount, decimals, lang);
    if number == NOT_A_NUMBER || symbol.is_empty() {
        return number;
    }
    let (sign, digits) = match number.strip_prefix('-') {
        Some(digits) => ("-", digits),
        None => ("", number.as_str()),
    };
    let space = if symbol.ends_with(char::is_alphabetic) {
        " "
    } else {
        ""
    };
    format!("{sign}{symbol}{space}{digits}")
}

/// A percentage, given in percent (12.5 for 12.5%): `12,5%` / `12.5%`; NaN and infinities
/// are `—`.
pub fn format_percent(percent: f64, decimals: usize, lang: Lang) -> String {
    let number = format_number(percent, decimals, lang);
    if number == NOT_A_NUMBER {
        number
    } else {
        number + "%"
    }
}

/// Short scale words: (size, Indonesian, English). Indonesian writes them after a space.
const SCALES: [(f64, &str, &str); 5] = [
    (1.0, "", ""),
    (1e3, "rb", "K"),
    (1e6, "jt", "M"),
    (1e9, "M", "B"),
    (1e12, "T", "T"),
];

/// A short label for chart axes: `15 rb`, `1,5 jt`, `2 M`, `3 T` in Indonesian (ribu, juta,
/// miliar, triliun); `15K`, `1.5M`, `2B`, `3T` in English. At most two decimals, trailing
/// zeros dropped; NaN and infinities are `—`.
pub fn format_compact(value: f64, lang: Lang) -> String {
    const DECIMALS: usize = 2;
    if !value.is_finite() {
        return NOT_A_NUMBER.to_string();
    }
    let magnitude = value.abs();
    let mut scale = SCALES
        .iter()
        .rposition(|&(size, _, _)| magnitude >= size)
        .unwrap_or(0);
    // 999 999 rounds to 1000 rb; step up so the axis says 1 jt instead.
    while scale + 1 < SCALES.len()
        && SCALES
            .get(scale)
            .is_some_and(|s| round_to(magnitude / s.0, DECIMALS) >= 1000.0)
    {
        scale += 1;
    }
    let Some(&(size, word_id, word_en)) = SCALES.get(scale) else {
        return format_number(value, 0, lang);
    };
    let scaled = round_to(value / size, DECIMALS);
    let decimals = (0..DECIMALS)
        .find(|&d| round_to(scaled, d) == scaled)
        .unwrap_or(DECIMALS);
    let number = format_number(scaled, decimals, lang);
    match lang {
        Lang::Id if !word_id.is_empty() => format!("{number} {word_id}"),
        Lang::Id => number,
        Lang::En => number + word_en,
    }
}

/// How much of a date to write.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DateStyle {
    /// `28 November 2026`.
    #[default]
    Long,
    /// `28 Nov 2026` (Indonesian `28 Agu 2026`).
    Short,
    /// `November 2026`.
    MonthYear,
}

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_SHORT_ID: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
];
const MONTHS_SHORT_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The name of `month` (1–12) in `lang`, abbreviated when `short`; empty for other numbers.
pub fn month_name(month: u8, lang: Lang, short: bool) -> &'static str {
    let names = match (lang, short) {
        (Lang::Id, false) => &MONTHS_ID,
        (Lang::En, false) => &MONTHS_EN,
        (Lang::Id, true) => &MONTHS_SHORT_ID,
        (Lang::En, true) => &MONTHS_SHORT_EN,
    };
    usize::from(month)
        .checked_sub(1)
        .and_then(|i| names.get(i))
        .copied()
        .unwrap_or("")
}

/// `date` in `lang`, day first in both languages: `28 November 2026`, `28 Nov 2026`,
/// `November 2026`.
pub fn format_date(date: Date, lang: Lang, style: DateStyle) -> String {
    let (day, month, year) = (date.day(), date.month(), date.year());
    match style {
        DateStyle::Long => format!("{day} {} {year}", month_name(month, lang, false)),
        DateStyle::Short => format!("{day} {} {year}", month_name(month, lang, true)),
        DateStyle::MonthYear => format!("{} {year}", month_name(month, lang, false)),
    }
}

/// Why typed text is not a number. Each variant but `Empty` keeps the text (trimmed), so the
/// message can repeat it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    /// No digits: nothing typed, or only a sign, a currency or `%`.
    #[error("no number was typed")]
    Empty,
    /// A character that has no place in a number: a letter (also in `NaN`, `inf`, `1e5`) or an
    /// unknown symbol.
    #[error("{text:?} is not a number: {found:?} does not belong in it")]
    InvalidCharacter {
        /// The typed text.
        text: String,
        /// The first character that does not belong.
        found: char,
    },
    /// More than one sign, or a sign after the digits.
    #[error("{text:?} is not a number: one + or - at most, before the digits")]
    Sign {
        /// The typed text.
        text: String,
    },
    /// Dots and commas that fit none of the rules, or a space inside the digits.
    #[error("{text:?} is not a number: separators are in the wrong places")]
    Separators {
        /// The typed text.
        text: String,
    },
    /// More than one currency marker or `%`.
    #[error("{text:?} is not a number: more than one currency or percent sign")]
    Units {
        /// The typed text.
        text: String,
    },
    /// Larger than an `f64` can hold.
    #[error("{text:?} is too large")]
    TooLarge {
        /// The typed text.
        text: String,
    },
    /// An amount typed in another currency than the field's ([`parse_money`] only).
    #[error("{text:?} is in {found}, not {expected}")]
    OtherCurrency {
        /// The typed text.
        text: String,
        /// The code of the currency the text names.
        found: String,
        /// The code of the field's currency.
        expected: String,
    },
}

/// A marker found next to the digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit<'a> {
    Percent,
    /// A currency, with the marker as the table spells it (`$`, `US$`, `USD`…).
    Currency {
        code: &'a str,
        marker: &'a str,
    },
}

/// Reads a number typed in `lang`'s style, following the rules in the module documentation:
/// `1.500.000,50` (Indonesian), `1,500,000.50` (English), `Rp 1.500.000`, `-12,5%`…
pub fn parse_number(text: &str, lang: Lang) -> Result<f64, NumberError> {
    parse_number_in(text, decimal_style(lang))
}

/// How numbers are written in `lang`: Indonesian `1.234,56`, English `1,234.56`.
pub fn decimal_style(lang: Lang) -> DecimalStyle {
    match lang {
        Lang::Id => DecimalStyle::Comma,
        Lang::En => DecimalStyle::Point,
    }
}

/// [`parse_number`] for a text in `style` (a file's own, whatever the UI's language).
pub fn parse_number_in(text: &str, style: DecimalStyle) -> Result<f64, NumberError> {
    parse_with_unit(text, style, None).map(|(value, _)| value)
}

/// Reads an amount of money typed in `lang`'s style for a field in currency `code`, rounded
/// to its minor units. Besides the rules of [`parse_number`], the only currency marker
/// allowed is the field's own code or symbol, or the bare sign inside its symbol (`$` for
/// S$, `¥` for CN¥); `%` is refused. An unknown code allows itself as marker and rounds to
/// two decimals.
pub fn parse_money(text: &str, code: &str, lang: Lang) -> Result<f64, NumberError> {
    let code = code.trim();
    let field = currency(code);
    let extra = match field {
        None if !code.is_empty() => Some(code),
        _ => None,
    };
    let (value, unit) = parse_with_unit(text, decimal_style(lang), extra)?;
    let trimmed = || text.trim().to_string();
    match unit {
        None => {}
        Some(Unit::Percent) => {
            return Err(NumberError::InvalidCharacter {
                text: trimmed(),
                found: '%',
            })
        }
        Some(Unit::Currency {
            code: found,
            marker,
        }) => {
            let bare_sign_of_ours = field.is_some_and(|c| {
                [c.symbol, c.symbol_id].iter().any(|symbol| {
                    let bare = symbol.trim_start_matches(|ch: char| ch.is_ascii_alphabetic());
                    !bare.is_empty() && bare == marker
                })
            });
            if !found.eq_ignore_ascii_case(code) && !bare_sign_of_ours {
                return Err(NumberError::OtherCurrency {
                    text: trimmed(),
                    found: found.to_string(),
                    expected: code.to_ascii_uppercase(),
                });
            }
        }
    }
    Ok(crate::domain::values::money::round_money(value, code))
}

/// A number typed with the other language's decimal mark, rewritten in `lang`'s: "1.4" in
/// Indonesian (where `.` groups thousands, and one digit is no group) is 1,4; "1,5" in English
/// is 1.5. Only when the text can mean nothing else in `lang`: one mark, of the other kind, not
/// followed by exactly three digits (a thousands group), and no mark of `lang`'s own. The
/// caller reads the rewritten text and says how it read it.
pub fn other_decimal_mark(text: &str, lang: Lang) -> Option<String> {
    let (own, other) = match decimal_style(lang) {
        DecimalStyle::Comma => (',', '.'),
        DecimalStyle::Point => ('.', ','),
    };
    if text.contains(own) || text.matches(other).count() != 1 {
        return None;
    }
    let (before, after) = text.split_once(other)?;
    let digits_after = after.chars().take_while(char::is_ascii_digit).count();
    let digits_before = before
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .count();
    (digits_before > 0 && digits_after > 0 && digits_after != 3)
        .then(|| format!("{before}{own}{after}"))
}

/// Where the scan of typed text is relative to the digits.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Before,
    InDigits,
    After,
}

/// Reads a number and the marker next to it; `extra` is one more currency code to allow.
fn parse_with_unit<'a>(
    text: &str,
    style: DecimalStyle,
    extra: Option<&'a str>,
) -> Result<(f64, Option<Unit<'a>>), NumberError> {
    match plain_number(text.trim(), style) {
        Some(value) => Ok((value, None)),
        None => scan_with_unit(text, style, extra),
    }
}

/// Most cells of an export are plain: digits, maybe a minus sign, maybe a decimal mark of
/// `style` (`1234`, `-5`, `0.0523`). Reads those without the scan of [`scan_with_unit`] (a
/// third of a large import's time went there), to the same value; `None` for anything else,
/// and for what the scan refuses (a number too large).
fn plain_number(text: &str, style: DecimalStyle) -> Option<f64> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(body) => (true, body),
        None => (false, text),
    };
    let (_, decimal) = style.separators();
    let (int, frac) = match body.split_once(decimal) {
        Some((int, frac)) => (int, Some(frac)),
        None => (body, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let plain = digits(int) && frac.is_none_or(|f| !f.is_empty() && digits(f));
    if !plain || (int.is_empty() && frac.is_none()) {
        return None;
    }
    let magnitude: f64 = match (decimal, frac) {
        ('.', _) | (_, None) => body.parse().ok()?,
        (_, Some(frac)) => format!("{int}.{frac}").parse().ok()?,
    };
    // `-0` is zero, as in the scan.
    magnitude.is_finite().then(|| {
        if negative && magnitude != 0.0 {
            -magnitude
        } else {
            magnitude
        }
    })
}

/// [`parse_with_unit`] for any text: a scan of its characters.
fn scan_with_unit<'a>(
    text: &str,
    style: DecimalStyle,
    extra: Option<&'a str>,
) -> Result<(f64, Option<Unit<'a>>), NumberError> {
    let trimmed = text.trim();
    let owned = || trimmed.to_string();
    // Indonesian prices end in ",-" to say "no cents": Rp 50.000,-
    let mut rest = trimmed
        .strip_suffix(",-")
        .or_else(|| trimmed.strip_suffix(".-"))
        .unwrap_or(trimmed);
    let mut negative: Option<bool> = None;
    let mut unit: Option<Unit<'a>> = None;
    let mut digits = String::new();
    let mut place = Place::Before;
    while let Some(c) = rest.chars().next() {
        let mut len = c.len_utf8();
        if c.is_ascii_digit() || c == '.' || c == ',' {
            if place == Place::After {
                return Err(NumberError::Separators { text: owned() });
            }
            place = Place::InDigits;
            digits.push(c);
        } else {
            if place == Place::InDigits {
                place = Place::After;
            }
            if c.is_whitespace() {
                // Spaces only separate parts; inside the digits they end them.
            } else if matches!(c, '+' | '-' | '\u{2212}') {
                if negative.is_some() || place != Place::Before {
                    return Err(NumberError::Sign { text: owned() });
                }
                negative = Some(c != '+');
            } else if let Some((found, found_len)) = match_unit(rest, extra) {
                if unit.is_some() {
                    return Err(NumberError::Units { text: owned() });
                }
                unit = Some(found);
                len = found_len;
            } else {
                return Err(NumberError::InvalidCharacter {
                    text: owned(),
                    found: c,
                });
            }
        }
        rest = rest.get(len..).unwrap_or("");
    }
    if digits.is_empty() {
        return Err(NumberError::Empty);
    }
    let plain =
        plain_digits(&digits, style).ok_or_else(|| NumberError::Separators { text: owned() })?;
    let magnitude: f64 = plain
        .parse()
        .map_err(|_| NumberError::Separators { text: owned() })?;
    if !magnitude.is_finite() {
        return Err(NumberError::TooLarge { text: owned() });
    }
    // `-0` is zero: a signed zero would later be written "-0".
    let value = if negative == Some(true) && magnitude != 0.0 {
        -magnitude
    } else {
        magnitude
    };
    Ok((value, unit))
}

/// The unit marker `rest` starts with, and its length in bytes. The longest currency marker
/// wins (`US$` over `$`); a lettered marker must not run on into more letters (`Rpx` is not
/// `Rp`) and takes a dot right after it along (`Rp.5.000`).
fn match_unit<'a>(rest: &str, extra: Option<&'a str>) -> Option<(Unit<'a>, usize)> {
    if rest.starts_with('%') {
        return Some((Unit::Percent, 1));
    }
    let table = CURRENCIES
        .iter()
        .flat_map(|c| [c.code, c.symbol, c.symbol_id].map(|marker| (c.code, marker)));
    let extra = extra.map(|code| (code, code));
    let (code, marker) = table
        .chain(extra)
        .filter(|(_, marker)| {
            let Some(head) = rest.get(..marker.len()) else {
                return false;
            };
            let next = rest
                .get(marker.len()..)
                .and_then(|tail| tail.chars().next());
            !marker.is_empty()
                && head.eq_ignore_ascii_case(marker)
                && !(marker.ends_with(char::is_alphabetic) && next.is_some_and(char::is_alphabetic))
        })
        .max_by_key(|(_, marker)| marker.len())?;
    let mut len = marker.len();
    if marker.ends_with(char::is_alphabetic) && rest.get(len..).is_some_and(|t| t.starts_with('.'))
    {
        len += 1;
    }
    Some((Unit::Currency { code, marker }, len))
}

/// The digits and separators of a typed number as plain `1234.5` text, or `None` when the
/// separators break the rules of the module documentation.
fn plain_digits(digits: &str, style: DecimalStyle) -> Option<String> {
    let dots = digits.matches('.').count();
    let commas = digits.matches(',').count();
    let (lang_group, lang_decimal) = style.separators();
    let decimal = if dots > 0 && commas > 0 {
        let last = digits.chars().rev().find(|&c| c == '.' || c == ',')?;
        if digits.matches(last).count() > 1 {
            return None;
        }
        Some(last)
    } else if dots + commas == 1 {
        Some(if dots == 1 { '.' } else { ',' }).filter(|&sep| sep == lang_decimal)
    } else {
        None
    };
    let group = match decimal {
        Some('.') => ',',
        Some(_) => '.',
        None if dots > 0 => '.',
        None if commas > 0 => ',',
        None => lang_group,
    };
    let (int, frac) = match decimal {
        Some(sep) => {
            let (int, frac) = digits.split_once(sep)?;
            (int, Some(frac))
        }
        None => (digits, None),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mut plain = String::with_capacity(digits.len() + 1);
    if int.contains(group) {
        let mut groups = int.split(group);
        let first = groups.next()?;
        let first_ok =
            (1..=3).contains(&first.len()) && all_digits(first) && !first.starts_with('0');
        if !first_ok {
            return None;
        }
        plain.push_str(first);
        for g in groups {
            if g.len() != 3 || !all_digits(g) {
                return None;
            }
            plain.push_str(g);
        }
    } else if all_digits(int) {
        plain.push_str(if int.is_empty() { "0" } else { int });
    } else {
        return None;
    }
    if let Some(frac) = frac {
        if frac.is_empty() || !all_digits(frac) {
            return None;
        }
        plain.push('.');
        plain.push_str(frac);
    } else if int.is_empty() {
        return None;
    }
    Some(plain)
}

/// A message for a marketer, in `lang`, saying why the typed text is not a number and
/// repeating it: `“1,5,0” is not a number: separators are in the wrong places. …`
pub fn number_error_message(err: &NumberError, lang: Lang) -> String {
    let found_text;
    let (key, text, found, expected) = match err {
        NumberError::Empty => (T::NumberEmpty, "", "", ""),
        NumberError::InvalidCharacter { text, found } => {
            found_text = found.to_string();
            (
                T::NumberInvalidCharacter,
                text.as_str(),
                found_text.as_str(),
                "",
            )
        }
        NumberError::Sign { text } => (T::NumberSign, text.as_str(), "", ""),
        NumberError::Separators { text } => (T::NumberSeparators, text.as_str(), "", ""),
        NumberError::Units { text } => (T::NumberUnits, text.as_str(), "", ""),
        NumberError::TooLarge { text } => (T::NumberTooLarge, text.as_str(), "", ""),
        NumberError::OtherCurrency {
            text,
            found,
            expected,
        } => (
            T::NumberOtherCurrency,
            text.as_str(),
            found.as_str(),
            expected.as_str(),
        ),
    };
    let shown = shorten(text);
    key.fill(
        lang,
        &[("text", &shown), ("found", found), ("expected", expected)],
    )
}

/// `text`, cut to [`MAX_SHOWN_CHARS`] characters with `…` after a cut.
fn shorten(text: &str) -> String {
    crate::domain::values::text::shorten(text, MAX_SHOWN_CHARS + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: "1.4" typed in Indonesian is read as 1,4 and said so, never refused or taken for
    // 14; a real thousands group ("1.400") is not rewritten; English is the mirror image.
    #[test]
    fn the_other_decimal_mark_is_read_when_it_can_mean_nothing_else() {
        assert_eq!(other_decimal_mark("1.4", Lang::Id).as_deref(), Some("1,4"));
        assert_eq!(
            other_decimal_mark("Rp 12.75", Lang::Id).as_deref(),
            Some("Rp 12,75")
        );
        assert_eq!(other_decimal_mark("1.400", Lang::Id), None);
        assert_eq!(other_decimal_mark("1.234,5", Lang::Id), None);
        assert_eq!(other_decimal_mark("1.2.3", Lang::Id), None);
        assert_eq!(other_decimal_mark(".5", Lang::Id), None);
        assert_eq!(other_decimal_mark("1,5", Lang::En).as_deref(), Some("1.5"));
        assert_eq!(other_decimal_mark("1,500", Lang::En), None);
        // What is rewritten reads as the number meant: 1.4, and as it was refused before.
        assert!(parse_number("1.4", Lang::Id).is_err());
        assert_eq!(parse_number("1,4", Lang::Id), Ok(1.4));
    }
    use Lang::{En, Id};

    fn date(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    // Guards: separators swapped between languages, or grouping in the wrong places.
    #[test]
    fn numbers_use_each_languages_separators() {
        assert_eq!(format_number(1_234_567.891, 2, Id), "1.234.567,89");
        assert_eq!(format_number(1_234_567.891, 2, En), "1,234,567.89");
        assert_eq!(format_number(1234.0, 0, Id), "1.234");
        assert_eq!(format_number(123.0, 0, En), "123");
        assert_eq!(format_number(0.5, 1, Id), "0,5");
        assert_eq!(format_number(0.0, 2, En), "0.00");
        assert_eq!(format_number(-1_500_000.0, 0, Id), "-1.500.000");
        assert_eq!(format_number(-1_500.25, 2, En), "-1,500.25");
    }

    // Guards: binary rounding (1.005 → 1.00) and halves rounding towards even or zero.
    #[test]
    fn numbers_round_half_away_from_zero() {
        assert_eq!(format_number(0.005, 2, Id), "0,01");
        assert_eq!(format_number(0.005, 2, En), "0.01");
        assert_eq!(format_number(1.005, 2, En), "1.01");
        assert_eq!(format_number(-0.005, 2, En), "-0.01");
        assert_eq!(format_number(2.5, 0, Id), "3");
        assert_eq!(format_number(-2.5, 0, Id), "-3");
        assert_eq!(format_number(999.995, 2, En), "1,000.00");
    }

    // Guards: "-0" or "-0,00" shown for values that are zero once rounded.
    #[test]
    fn negative_zero_has_no_sign() {
        assert_eq!(format_number(-0.0, 0, Id), "0");
        assert_eq!(format_number(-0.0, 2, En), "0.00");
        assert_eq!(format_number(-0.004, 2, Id), "0,00");
        assert_eq!(format_money(-0.0, "IDR", Id), "Rp 0");
        assert_eq!(format_money(-0.001, "USD", En), "$0.00");
        assert_eq!(format_percent(-0.0, 1, En), "0.0%");
        assert_eq!(format_compact(-0.0, Id), "0");
    }

    // Guards: exponent notation ("1e20"), lost grouping or panics on very large values.
    #[test]
    fn huge_values_keep_their_grouping() {
        assert_eq!(format_number(1e12, 0, Id), "1.000.000.000.000");
        assert_eq!(format_number(1e12 + 0.25, 2, En), "1,000,000,000,000.25");
        assert_eq!(format_number(1e15, 0, Id), "1.000.000.000.000.000");
        assert_eq!(format_number(1e20, 0, En), "100,000,000,000,000,000,000");
        assert_eq!(
            format_number(-1e20, 2, Id),
            "-100.000.000.000.000.000.000,00"
        );
        let max = format_number(f64::MAX, 2, En);
        assert!(max.starts_with("179,769,313,486,231,570,") && max.ends_with(".00"));
        assert!(!max.contains('e'));
        assert_eq!(format_number(1e-7, 2, En), "0.00");
    }

    // Guards: "NaN" or "inf" reaching a table cell when a KPI divides by zero.
    #[test]
    fn non_finite_values_are_a_dash() {
        for lang in Lang::ALL {
            for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
                assert_eq!(format_number(v, 2, lang), "—");
                assert_eq!(format_money(v, "IDR", lang), "—");
                assert_eq!(format_percent(v, 1, lang), "—");
                assert_eq!(format_compact(v, lang), "—");
            }
        }
    }

    // Guards: the rupiah and dollar forms marketers see in every budget table.
    #[test]
    fn money_in_rupiah_and_dollars() {
        assert_eq!(format_money(1_500_000.0, "IDR", Id), "Rp 1.500.000");
        assert_eq!(format_money(1_500_000.0, "IDR", En), "Rp 1,500,000");
        assert_eq!(format_money(1_499_999.5, "IDR", Id), "Rp 1.500.000");
        assert_eq!(format_money(1500.0, "USD", Id), "US$1.500,00");
        assert_eq!(format_money(1500.0, "USD", En), "$1,500.00");
        assert_eq!(format_money(-1_500_000.0, "IDR", Id), "-Rp 1.500.000");
        assert_eq!(format_money(-1500.0, "USD", En), "-$1,500.00");
        assert_eq!(format_money(-1500.0, "USD", Id), "-US$1.500,00");
        assert_eq!(format_money(1e12, "idr", Id), "Rp 1.000.000.000.000");
    }

    // Guards: wrong decimals or spacing for the other currencies, and unknown codes dropped.
    #[test]
    fn money_in_other_and_unknown_currencies() {
        assert_eq!(format_money(9.99, "EUR", Id), "€9,99");
        assert_eq!(format_money(1234.5, "SGD", En), "S$1,234.50");
        assert_eq!(format_money(12.5, "MYR", Id), "RM 12,50");
        assert_eq!(format_money(12.5, "MYR", En), "RM 12.50");
        assert_eq!(format_money(1500.4, "JPY", En), "¥1,500");
        assert_eq!(format_money(25_000.0, "VND", Id), "₫25.000");
        assert_eq!(format_money(50_000.0, "KRW", En), "₩50,000");
        assert_eq!(format_money(10.0, "CNY", En), "CN¥10.00");
        assert_eq!(format_money(10.0, "HKD", Id), "HK$10,00");
        assert_eq!(format_money(1500.0, "XYZ", En), "XYZ 1,500.00");
        assert_eq!(format_money(1500.0, "XYZ", Id), "XYZ 1.500,00");
        assert_eq!(format_money(-1500.0, "XYZ", En), "-XYZ 1,500.00");
        assert_eq!(format_money(1500.0, "", En), "1,500.00");
        for c in CURRENCIES {
            let text = format_money(1234.0, c.code, En);
            assert!(text.starts_with(c.symbol), "{text}");
        }
    }

    // Guards: a space before % or the wrong decimal separator in percentages.
    #[test]
    fn percentages() {
        assert_eq!(format_percent(12.5, 1, Id), "12,5%");
        assert_eq!(format_percent(12.5, 1, En), "12.5%");
        assert_eq!(format_percent(-3.0, 0, En), "-3%");
        assert_eq!(format_percent(1234.5, 2, Id), "1.234,50%");
    }

    // Guards: English scale letters in the Indonesian UI (M is miliar there, not million).
    #[test]
    fn compact_axis_labels() {
        assert_eq!(format_compact(1_500_000.0, Id), "1,5 jt");
        assert_eq!(format_compact(1_500_000.0, En), "1.5M");
        assert_eq!(format_compact(2e9, Id), "2 M");
        assert_eq!(format_compact(2e9, En), "2B");
        assert_eq!(format_compact(15_000.0, Id), "15 rb");
        assert_eq!(format_compact(15_000.0, En), "15K");
        assert_eq!(format_compact(3e12, Id), "3 T");
        assert_eq!(format_compact(3e12, En), "3T");
        assert_eq!(format_compact(1.25e6, En), "1.25M");
        assert_eq!(format_compact(-2_500.0, Id), "-2,5 rb");
        assert_eq!(format_compact(999.0, Id), "999");
        assert_eq!(format_compact(0.25, En), "0.25");
        assert_eq!(format_compact(0.0, En), "0");
        assert_eq!(format_compact(1e15, Id), "1.000 T");
        assert_eq!(format_compact(1e20, En), "100,000,000T");
    }

    // Guards: "1000 rb" or "1000K" on an axis instead of the next scale.
    #[test]
    fn compact_labels_step_up_when_rounding_reaches_a_thousand() {
        assert_eq!(format_compact(999_999.0, Id), "1 jt");
        assert_eq!(format_compact(999_999.0, En), "1M");
        assert_eq!(format_compact(999.999, En), "1K");
        assert_eq!(format_compact(999_995_000.0, En), "1B");
    }

    // Guards: English month names in the Indonesian UI, or month-first English dates.
    #[test]
    fn dates_in_three_styles() {
        let d = date(2026, 11, 28);
        assert_eq!(format_date(d, Id, DateStyle::Long), "28 November 2026");
        assert_eq!(format_date(d, En, DateStyle::Long), "28 November 2026");
        assert_eq!(format_date(d, Id, DateStyle::Short), "28 Nov 2026");
        assert_eq!(format_date(d, En, DateStyle::Short), "28 Nov 2026");
        assert_eq!(format_date(d, Id, DateStyle::MonthYear), "November 2026");
        assert_eq!(format_date(d, En, DateStyle::MonthYear), "November 2026");
        let d = date(2026, 8, 1);
        assert_eq!(format_date(d, Id, DateStyle::Long), "1 Agustus 2026");
        assert_eq!(format_date(d, Id, DateStyle::Short), "1 Agu 2026");
        assert_eq!(format_date(d, En, DateStyle::Short), "1 Aug 2026");
        assert_eq!(
            format_date(date(2027, 5, 9), Id, DateStyle::MonthYear),
            "Mei 2027"
        );
    }

    // Guards: a misspelt or shifted month table, and panics on month numbers out of range.
    #[test]
    fn month_names() {
        let short_id: Vec<_> = (1..=12).map(|m| month_name(m, Id, true)).collect();
        assert_eq!(
            short_id.join(" "),
            "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des"
        );
        assert_eq!(month_name(1, Id, false), "Januari");
        assert_eq!(month_name(12, Id, false), "Desember");
        assert_eq!(month_name(10, En, true), "Oct");
        assert_eq!(month_name(0, En, false), "");
        assert_eq!(month_name(13, Id, true), "");
    }

    // Guards: the ambiguity of "1.500" and "1,500" resolved against the UI language.
    #[test]
    fn a_single_separator_follows_the_language() {
        assert_eq!(parse_number("1.500", Id), Ok(1500.0));
        assert_eq!(parse_number("1.500", En), Ok(1.5));
        assert_eq!(parse_number("1,500", Id), Ok(1.5));
        assert_eq!(parse_number("1,500", En), Ok(1500.0));
        assert_eq!(parse_number("12,5", Id), Ok(12.5));
        assert_eq!(parse_number("12.5", En), Ok(12.5));
        assert_eq!(parse_number(",5", Id), Ok(0.5));
        assert_eq!(parse_number(".5", En), Ok(0.5));
    }

    // Guards: numbers written in the other language's style being misread or refused.
    #[test]
    fn repeated_or_mixed_separators_are_read_in_either_language() {
        for lang in Lang::ALL {
            assert_eq!(parse_number("1,500,000", lang), Ok(1_500_000.0));
            assert_eq!(parse_number("1.500.000", lang), Ok(1_500_000.0));
            assert_eq!(parse_number("1.234.567,89", lang), Ok(1_234_567.89));
            assert_eq!(parse_number("1,234,567.89", lang), Ok(1_234_567.89));
            assert_eq!(parse_number("1.234,5", lang), Ok(1234.5));
            assert_eq!(parse_number("1,234.5", lang), Ok(1234.5));
            assert_eq!(parse_number("1500000", lang), Ok(1_500_000.0));
            assert_eq!(parse_number("007", lang), Ok(7.0));
        }
    }

    // Guards: signs, spaces, currency markers and % that users type around the digits.
    #[test]
    fn signs_spaces_and_markers_around_the_digits() {
        assert_eq!(parse_number("  -1.500  ", Id), Ok(-1500.0));
        assert_eq!(parse_number("\u{a0}+12,5\u{a0}", Id), Ok(12.5));
        assert_eq!(parse_number("\u{2212}7", En), Ok(-7.0));
        assert_eq!(parse_number("Rp 1.500.000", Id), Ok(1_500_000.0));
        assert_eq!(parse_number("rp1.500.000", Id), Ok(1_500_000.0));
        assert_eq!(parse_number("Rp.1.500.000", Id), Ok(1_500_000.0));
        assert_eq!(parse_number("Rp 50.000,-", Id), Ok(50_000.0));
        assert_eq!(parse_number("-Rp 1.500.000", Id), Ok(-1_500_000.0));
        assert_eq!(parse_number("Rp -1.500.000", Id), Ok(-1_500_000.0));
        assert_eq!(parse_number("1.500.000 IDR", Id), Ok(1_500_000.0));
        assert_eq!(parse_number("IDR1,500,000", En), Ok(1_500_000.0));
        assert_eq!(parse_number("$1,500.00", En), Ok(1500.0));
        assert_eq!(parse_number("-US$1.500,00", Id), Ok(-1500.0));
        assert_eq!(parse_number("€ 9,99", Id), Ok(9.99));
        assert_eq!(parse_number("9.99€", En), Ok(9.99));
        assert_eq!(parse_number("S$5", En), Ok(5.0));
        assert_eq!(parse_number("RM 12,50", Id), Ok(12.5));
        assert_eq!(parse_number("12,5%", Id), Ok(12.5));
        assert_eq!(parse_number("-12.5 %", En), Ok(-12.5));
    }

    // Guards: "-0" read as a negative zero, which would be written back as "-0".
    #[test]
    fn negative_zero_reads_as_zero() {
        for text in ["-0", "-0,00", "-Rp 0", "+0"] {
            let v = parse_number(text, Id).unwrap();
            assert_eq!(v, 0.0);
            assert!(v.is_sign_positive(), "{text}");
        }
    }

    // Guards: precision or grouping trouble with values of a trillion and more.
    #[test]
    fn reads_trillions() {
        assert_eq!(parse_number("1.000.000.000.000", Id), Ok(1e12));
        assert_eq!(parse_number("1,000,000,000,000.25", En), Ok(1e12 + 0.25));
        assert_eq!(parse_number("Rp 2.500.000.000.000", En), Ok(2.5e12));
        assert_eq!(parse_number("100,000,000,000,000,000,000", En), Ok(1e20));
    }

    // Guards: guessing at misplaced separators instead of asking the user.
    #[test]
    fn refuses_misplaced_separators() {
        for (text, lang) in [
            ("1.50.000", Id),
            ("1,50,000", En),
            ("1,5,0", Id),
            ("1.5.0", En),
            ("1234.567", Id),
            ("1,5", En),
            ("0.500", Id),
            ("0,500", En),
            (".500", Id),
            ("1.500,00,5", Id),
            ("1,234.5.6", En),
            ("1.500,", Id),
            ("5.", En),
            ("1..500", Id),
            (",", En),
            ("1 500", En),
            ("5 Rp 3", Id),
        ] {
            assert_eq!(
                parse_number(text, lang),
                Err(NumberError::Separators {
                    text: text.to_string()
                }),
                "{text} in {lang:?}"
            );
        }
    }

    // Guards: letters, NaN, inf and exponents slipping through to `f64::from_str`.
    #[test]
    fn refuses_letters_and_non_finite_words() {
        for (text, found) in [
            ("abc", 'a'),
            ("12abc", 'a'),
            ("NaN", 'N'),
            ("nan", 'n'),
            ("inf", 'i'),
            ("-infinity", 'i'),
            ("1e5", 'e'),
            ("Rpx 5", 'R'),
            ("5#", '#'),
            ("1_000", '_'),
        ] {
            for lang in Lang::ALL {
                assert_eq!(
                    parse_number(text, lang),
                    Err(NumberError::InvalidCharacter {
                        text: text.to_string(),
                        found
                    }),
                    "{text}"
                );
            }
        }
    }

    // Guards: empty fields or a lone sign or symbol read as zero.
    #[test]
    fn refuses_text_without_digits() {
        for text in ["", "   ", "\u{a0}", "-", "Rp", "%", "+ $", ",-"] {
            assert_eq!(parse_number(text, Id), Err(NumberError::Empty), "{text:?}");
        }
    }

    // Guards: "--5", "+-5" or "5-3" read as a number.
    #[test]
    fn refuses_several_or_late_signs() {
        for text in ["--5", "+-5", "-Rp -5", "5-", "5-3", "5 %-"] {
            assert_eq!(
                parse_number(text, En),
                Err(NumberError::Sign {
                    text: text.to_string()
                }),
                "{text}"
            );
        }
    }

    // Guards: "Rp 5 $" or "5%%" read as if only one marker were there.
    #[test]
    fn refuses_several_markers() {
        for text in ["Rp 5 $", "5%%", "Rp 5%", "IDR Rp 5"] {
            assert_eq!(
                parse_number(text, Id),
                Err(NumberError::Units {
                    text: text.to_string()
                }),
                "{text}"
            );
        }
    }

    // Guards: a value beyond f64 becoming infinity and poisoning every total.
    #[test]
    fn refuses_values_too_large_for_f64() {
        let text = format!("1{}", "0".repeat(400));
        assert_eq!(
            parse_number(&text, En),
            Err(NumberError::TooLarge { text: text.clone() })
        );
        let grouped = format!("1{}", ".000".repeat(110));
        assert!(matches!(
            parse_number(&grouped, Id),
            Err(NumberError::TooLarge { .. })
        ));
    }

    // Guards: cents kept in rupiah fields, and amounts typed in the wrong currency accepted.
    #[test]
    fn money_input_rounds_and_checks_the_currency() {
        assert_eq!(parse_money("Rp 1.500.000,6", "IDR", Id), Ok(1_500_001.0));
        assert_eq!(parse_money("1.500", "IDR", Id), Ok(1500.0));
        assert_eq!(parse_money("1.500", "USD", En), Ok(1.5));
        assert_eq!(parse_money("$0.005", "USD", En), Ok(0.01));
        assert_eq!(parse_money("US$1.500,00", "usd", Id), Ok(1500.0));
        assert_eq!(parse_money("USD 1,500", "USD", En), Ok(1500.0));
        assert_eq!(parse_money("$5", "SGD", En), Ok(5.0));
        assert_eq!(parse_money("¥10", "CNY", En), Ok(10.0));
        assert_eq!(parse_money("1,234.5", "JPY", En), Ok(1235.0));
        assert_eq!(parse_money("XYZ 1,500.555", "XYZ", En), Ok(1500.56));
        assert_eq!(parse_money("-0,4", "IDR", Id), Ok(0.0));
        assert_eq!(
            parse_money("€5", "IDR", Id),
            Err(NumberError::OtherCurrency {
                text: "€5".into(),
                found: "EUR".into(),
                expected: "IDR".into()
            })
        );
        assert!(matches!(
            parse_money("CN¥10", "JPY", En),
            Err(NumberError::OtherCurrency { .. })
        ));
        assert_eq!(
            parse_money("5%", "IDR", Id),
            Err(NumberError::InvalidCharacter {
                text: "5%".into(),
                found: '%'
            })
        );
        assert_eq!(parse_money(" ", "IDR", En), Err(NumberError::Empty));
    }

    // Guards: what the app writes not reading back as the same value in the same language.
    #[test]
    fn formatted_values_read_back() {
        let values = [
            0.0,
            0.5,
            1.0,
            1.5,
            12.345,
            999.0,
            1000.0,
            1500.0,
            1234.5678,
            99_999.99,
            1e6,
            1.5e6,
            123_456_789.123,
            1e12,
            1e12 + 0.75,
            1e15,
            -0.005,
            -1.005,
            -1500.0,
            -1e12,
        ];
        for lang in Lang::ALL {
            for &x in &values {
                for decimals in 0..=4 {
                    let text = format_number(x, decimals, lang);
                    assert_eq!(
                        parse_number(&text, lang),
                        Ok(round_to(x, decimals)),
                        "{text} in {lang:?}"
                    );
                }
            }
            for c in CURRENCIES {
                for &x in &values {
                    let text = format_money(x, c.code, lang);
                    assert_eq!(
                        parse_money(&text, c.code, lang),
                        Ok(crate::domain::values::money::round_money(x, c.code)),
                        "{text}"
                    );
                }
            }
            let text = format_money(-1500.25, "XYZ", lang);
            assert_eq!(parse_money(&text, "XYZ", lang), Ok(-1500.25), "{text}");
            assert_eq!(parse_number(&format_percent(12.5, 1, lang), lang), Ok(12.5));
        }
    }

    // Guards: a message that does not say what was typed, or is missing in one language.
    #[test]
    fn error_messages_repeat_the_text_in_both_languages() {
        let err = parse_number("1,5,0", En).unwrap_err();
        assert_eq!(
            number_error_message(&err, En),
            "“1,5,0” is not a number: separators are in the wrong places. Write it like 1,500,000.50."
        );
        assert_eq!(
            number_error_message(&err, Id),
            "“1,5,0” bukan angka: titik dan komanya ada di tempat yang salah. Tulis misalnya 1.500.000,50."
        );
        let errors = [
            NumberError::Empty,
            parse_number("12abc", Id).unwrap_err(),
            parse_number("--5", Id).unwrap_err(),
            parse_number("Rp 5%", Id).unwrap_err(),
            parse_number(&format!("9{}", "9".repeat(400)), Id).unwrap_err(),
            parse_money("€5", "IDR", Id).unwrap_err(),
        ];
        for err in &errors {
            for lang in Lang::ALL {
                let message = number_error_message(err, lang);
                assert!(!message.contains('{'), "{message}");
                if let Some(text) = errors_text(err) {
                    assert!(message.contains(&shorten(text)), "{message}");
                }
            }
        }
        assert!(number_error_message(&errors[1], En).contains("“a”"));
        assert!(number_error_message(&errors[5], Id).contains("EUR"));
        assert!(number_error_message(&errors[5], Id).contains("IDR"));
    }

    // Guards: a pasted paragraph repeated whole in an error message.
    #[test]
    fn long_texts_are_shortened_in_messages() {
        let text = format!("{}x", "1".repeat(100));
        let message = number_error_message(&parse_number(&text, En).unwrap_err(), En);
        assert!(message.contains(&format!("{}…", "1".repeat(MAX_SHOWN_CHARS))));
        assert!(message.chars().count() < 120);
    }

    fn errors_text(err: &NumberError) -> Option<&str> {
        match err {
            NumberError::Empty => None,
            NumberError::InvalidCharacter { text, .. }
            | NumberError::Sign { text }
            | NumberError::Separators { text }
            | NumberError::Units { text }
            | NumberError::TooLarge { text }
            | NumberError::OtherCurrency { text, .. } => Some(text),
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            // Guards: any formatted value, in either language, failing to read back exactly.
            #[test]
            fn format_then_parse_gives_the_rounded_value(
                x in -1e13f64..1e13,
                decimals in 0usize..=4,
                english in any::<bool>(),
            ) {
                let lang = if english { En } else { Id };
                let text = format_number(x, decimals, lang);
                prop_assert_eq!(parse_number(&text, lang), Ok(round_to(x, decimals)));
            }

            // Guards: a panic on any input, however odd.
            #[test]
            fn parsing_never_panics(text in "\\PC{0,30}", english in any::<bool>()) {
                let lang = if english { En } else { Id };
                if let Err(err) = parse_number(&text, lang) {
                    prop_assert!(!number_error_message(&err, lang).is_empty());
                }
                let _ = parse_money(&text, "USD", lang);
            }

            // Guards: the shortcut for plain cells reading a text otherwise than the scan does
            // (a sign, a group mark taken for a decimal one, `-0`, a number too large).
            #[test]
            fn plain_cells_read_as_the_scan_reads_them(
                text in " ?[-+]?(0{0,2}|[0-9]{1,4}|[0-9]{300,400})([.,](0{0,2}|[0-9]{0,6}))?([.,][0-9]{0,3})? ?",
                comma in any::<bool>(),
            ) {
                let style = if comma { DecimalStyle::Comma } else { DecimalStyle::Point };
                if let Some(value) = plain_number(text.trim(), style) {
                    // Bit for bit: -0.0 == 0.0, but "-0" must read as 0, not -0.
                    let scanned = scan_with_unit(&text, style, None).map(|(v, unit)| (v.to_bits(), unit));
                    prop_assert_eq!(scanned, Ok((value.to_bits(), None)), "{:?}", text);
                }
            }

            // Guards: dot-and-comma soup accepted with a value the app cannot write back.
            #[test]
            fn accepted_separator_soup_reads_back_the_same(
                text in "[0-9.,]{1,12}",
                english in any::<bool>(),
            ) {
                let lang = if english { En } else { Id };
                if let Ok(v) = parse_number(&text, lang) {
                    prop_assert!(v.is_finite() && v >= 0.0);
                    prop_assert_eq!(parse_number(&format_number(v, 12, lang), lang), Ok(v));
                }
            }
        }
    }
}
