//! Numbers in an export's own locale. Google Ads writes the account's locale (`"1,000"` or
//! `1.000`, `9,38%`, `Rp1.500.000`), GA4 and Meta plain machine numbers; a `;` separated
//! file is almost always from a spreadsheet set to a comma-decimal locale. The locale is
//! decided once per file from the evidence in its cells, then every cell is read with
//! [`crate::i18n::format::parse_number`].

use crate::domain::values::decimal::DecimalStyle;
use crate::i18n::format::parse_number_in;

/// What a column's numbers mean, and so how a cell becomes a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A count or money amount, as written.
    Plain,
    /// A rate written as a fraction (GA4: `0.3612`), stored in percent (36.12).
    Fraction,
}

/// True for cells that mean "no value" rather than a bad number: empty, `--`, `-`, `—`,
/// `n/a`, a bound instead of a figure (Google Ads' `< 10%`, `> 90%` impression shares), or
/// the platforms' words for a setting shown where a number would be ("Using campaign
/// budget", "Not applicable", in English or Indonesian).
pub fn is_missing(cell: &str) -> bool {
    let lower = cell.trim().to_lowercase();
    if matches!(
        lower.as_str(),
        "" | "-" | "--" | "—" | "–" | "n/a" | "na" | "null" | "none" | "(not set)"
    ) {
        return true;
    }
    if let Some(rest) = lower.strip_prefix(['<', '>']) {
        let rest = rest.trim().trim_end_matches('%');
        return !rest.is_empty()
            && rest
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
    }
    const WORDS: [&str; 9] = [
        "using campaign budget",
        "using account budget",
        "using shared budget",
        "not applicable",
        "unavailable",
        "menggunakan anggaran kampanye",
        "menggunakan anggaran akun",
        "tidak berlaku",
        "tidak tersedia",
    ];
    WORDS.contains(&lower.as_str())
}

/// The decimal convention of a file's number cells: Indonesian-style (`1.234,56`) or
/// English-style (`1,234.56`). Each cell votes when it is unambiguous; ties go to
/// Indonesian for `;` files and English otherwise.
pub fn detect_locale<'a>(
    cells: impl IntoIterator<Item = &'a str>,
    separator: char,
) -> DecimalStyle {
    let (mut id, mut en) = (0usize, 0usize);
    for cell in cells.into_iter().take(5000) {
        let digits: String = cell
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
            .collect();
        if !digits.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let dots = digits.matches('.').count();
        let commas = digits.matches(',').count();
        let vote = if dots > 0 && commas > 0 {
            digits.rfind(',') > digits.rfind('.')
        } else if dots > 1 || commas > 1 {
            // Repeated separators group: the decimal is the other one.
            dots > 1
        } else if dots + commas == 1 {
            let after = digits.rsplit(['.', ',']).next().map_or(0, str::len);
            if after == 3 && !cell.contains('%') {
                continue;
            }
            commas == 1
        } else {
            continue;
        };
        if vote {
            id += 1;
        } else {
            en += 1;
        }
    }
    match id.cmp(&en) {
        std::cmp::Ordering::Greater => DecimalStyle::Comma,
        std::cmp::Ordering::Less => DecimalStyle::Point,
        std::cmp::Ordering::Equal if separator == ';' => DecimalStyle::Comma,
        std::cmp::Ordering::Equal => DecimalStyle::Point,
    }
}

/// A cell that should hold a number but does not; the caller knows which cell and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the cell is not a number")]
pub struct NotANumber;

/// The value of a number cell: `Ok(None)` when missing, `Err(NotANumber)` when not a number. Accepts
/// what [`parse_number`] accepts, plus the exponent form (`1.2E-4`) machine exports use, and
/// a currency code written after a space (`1500 IDR`).
pub fn parse_cell(cell: &str, kind: Kind, style: DecimalStyle) -> Result<Option<f64>, NotANumber> {
    if is_missing(cell) {
        return Ok(None);
    }
    let text = cell.trim();
    let value = match parse_number_in(text, style) {
        Ok(v) => v,
        Err(_) => {
            let plain = text.strip_suffix('%').unwrap_or(text);
            match plain.parse::<f64>() {
                Ok(v) if v.is_finite() && plain.contains(['e', 'E']) => v,
                _ => return Err(NotANumber),
            }
        }
    };
    let value = match kind {
        Kind::Plain => value,
        // A GA4 rate may also be written already as a percentage ("36.12%").
        Kind::Fraction if text.ends_with('%') => value,
        Kind::Fraction => value * 100.0,
    };
    if value.is_finite() {
        Ok(Some(value))
    } else {
        Err(NotANumber)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: each locale's numbers read right, and missing markers are not errors.
    #[test]
    fn cells_in_both_locales() {
        assert_eq!(
            parse_cell("1,000", Kind::Plain, DecimalStyle::Point),
            Ok(Some(1000.0))
        );
        assert_eq!(
            parse_cell("9,38%", Kind::Plain, DecimalStyle::Comma),
            Ok(Some(9.38))
        );
        assert_eq!(
            parse_cell("Rp1.500.000", Kind::Plain, DecimalStyle::Comma),
            Ok(Some(1_500_000.0))
        );
        assert_eq!(
            parse_cell("1.234,56", Kind::Plain, DecimalStyle::Comma),
            Ok(Some(1234.56))
        );
        assert_eq!(parse_cell("--", Kind::Plain, DecimalStyle::Point), Ok(None));
        // issue #18: the placeholders real exports write where a figure would be.
        for cell in [
            " --",
            "-",
            "N/A",
            "n/a",
            "< 10%",
            "> 90%",
            "<10%",
            "Using campaign budget",
        ] {
            assert_eq!(
                parse_cell(cell, Kind::Plain, DecimalStyle::Point),
                Ok(None),
                "{cell}"
            );
        }
        assert_eq!(
            parse_cell("<", Kind::Plain, DecimalStyle::Point),
            Err(NotANumber)
        );
        assert_eq!(
            parse_cell("1.5E-3", Kind::Plain, DecimalStyle::Point),
            Ok(Some(0.0015))
        );
        assert_eq!(
            parse_cell("abc", Kind::Plain, DecimalStyle::Point),
            Err(NotANumber)
        );
        let frac = parse_cell("0.3612", Kind::Fraction, DecimalStyle::Point)
            .unwrap()
            .unwrap();
        assert!((frac - 36.12).abs() < 1e-9);
    }

    // Guards: the file's locale is read from unambiguous cells.
    #[test]
    fn locale_detection() {
        assert_eq!(detect_locale(["1.234,56", "12"], ','), DecimalStyle::Comma);
        assert_eq!(
            detect_locale(["1,234.56", "9.38%"], ','),
            DecimalStyle::Point
        );
        assert_eq!(detect_locale(["9,38%", "1.000"], ','), DecimalStyle::Comma);
        assert_eq!(detect_locale(["1.000"], ';'), DecimalStyle::Comma);
        assert_eq!(detect_locale(["1,000"], ','), DecimalStyle::Point);
    }
}
