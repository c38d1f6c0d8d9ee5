//! Any CSV, read through a [`ColumnMapping`] the user chooses: which column holds the date,
//! which the value, what metric it is, how dates and decimals are written.

use super::csv::{self, Record};
use super::dates::parse_date;
use super::numbers::{parse_cell, Kind};
use super::table::{is_total_label, normalise_header, shorten};
use super::{check_size, BadRow, CsvImportError, ImportPreview, Row, RowError, Source};
use crate::domain::values::date::Date;
use crate::domain::values::decimal::DecimalStyle;

/// How the dates of a generic file are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateFormat {
    /// Any unambiguous form: `2024-03-01`, `20240301`, `1 Mar 2024`, `Mar 1, 2024`.
    #[default]
    Auto,
    /// `31/03/2024` (also with `-` or `.`), as in Indonesia.
    DayMonthYear,
    /// `03/31/2024`, as in the United States.
    MonthDayYear,
}

impl DateFormat {
    /// Reads `text` in this format; a time after the date is ignored.
    pub fn parse(self, text: &str) -> Option<Date> {
        let numeric = |text: &str| -> Option<(i32, i32, i32)> {
            let head = text.split_whitespace().next()?;
            let parts: Vec<i32> = head
                .split(['/', '-', '.'])
                .map(|p| {
                    if !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()) {
                        p.parse().ok()
                    } else {
                        None
                    }
                })
                .collect::<Option<Vec<i32>>>()?;
            match parts.as_slice() {
                [a, b, c] => Some((*a, *b, *c)),
                _ => None,
            }
        };
        let make = |y: i32, m: i32, d: i32| {
            let y = if y < 100 { y + 2000 } else { y };
            Date::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
        };
        match self {
            DateFormat::Auto => parse_date(text),
            DateFormat::DayMonthYear => match numeric(text) {
                Some((d, m, y)) => make(y, m, d),
                None => parse_date(text),
            },
            DateFormat::MonthDayYear => match numeric(text) {
                Some((m, d, y)) => make(y, m, d),
                None => parse_date(text),
            },
        }
    }
}

/// Which columns of a generic CSV hold what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnMapping {
    /// The header of the date column (compared without case or surrounding spaces).
    pub date_column: String,
    /// The header of the value column.
    pub value_column: String,
    /// The metric the values are (`leads`, `sessions`…).
    pub metric_id: String,
    /// How the dates are written.
    pub date_format: DateFormat,
    /// How the numbers are written: `1.234,56` or `1,234.56`.
    pub decimal: DecimalStyle,
}

/// The index of a CSV's header row: the first record (among the first 100) with two named
/// cells or more that the next record matches in width, passing over title, date-range and
/// `#` comment lines above it (a report's "Campaign report" and "1 October 2026 - 31
/// October 2026"). Else the first non-blank record.
pub fn header_row(csv: &csv::Csv) -> Option<usize> {
    let named = |r: &Record| {
        r.fields.iter().filter(|f| !f.trim().is_empty()).count() >= 2
            && !r.field(0).trim_start().starts_with('#')
    };
    let records = &csv.records;
    (0..records.len().min(100))
        .find(|&i| {
            let (Some(r), next) = (records.get(i), records.get(i + 1)) else {
                return false;
            };
            named(r) && next.is_some_and(|n| !n.is_blank() && n.fields.len() == r.fields.len())
        })
        .or_else(|| records.iter().position(|r| !r.is_blank()))
}

/// The header cells of a CSV ([`header_row`]), for the user to map.
pub fn headers(text: &str) -> Vec<String> {
    let csv = csv::read(text);
    header_row(&csv)
        .and_then(|i| csv.records.get(i))
        .map(|r| r.fields.iter().map(|f| f.trim().to_string()).collect())
        .unwrap_or_default()
}

/// Imports any CSV with `mapping`: one row per record with a date and a value, `Total` rows
/// skipped, records with an empty value left out.
pub fn import_generic(
    text: &str,
    mapping: &ColumnMapping,
) -> Result<ImportPreview, CsvImportError> {
    check_size(text)?;
    let csv = csv::read(text);
    let start = header_row(&csv).ok_or(CsvImportError::Empty)?;
    let mut records = csv.records.iter().skip(start).filter(|r| !r.is_blank());
    let header = records.next().ok_or(CsvImportError::Empty)?;
    let position = |name: &str| {
        let wanted = normalise_header(name).0;
        header
            .fields
            .iter()
            .position(|f| normalise_header(f).0 == wanted)
    };
    let date_col = position(&mapping.date_column).ok_or_else(|| CsvImportError::NoDateColumn {
        column: shorten(&mapping.date_column),
    })?;
    let value_col =
        position(&mapping.value_column).ok_or_else(|| CsvImportError::NoValueColumn {
            column: shorten(&mapping.value_column),
        })?;
    let currency = header
        .fields
        .get(value_col)
        .and_then(|f| normalise_header(f).1);
    let mut preview = ImportPreview {
        source: Source::Generic,
        period: None,
        rows: Vec::new(),
        bad_rows: Vec::new(),
        skipped_totals: Vec::new(),
        currency,
        stated_totals: Vec::new(),
        notes: Vec::new(),
    };
    for record in records {
        if record.fields.iter().take(2).any(|f| is_total_label(f)) {
            preview.skipped_totals.push(record.line);
            continue;
        }
        let result = if csv.unclosed_quote == Some(record.line) {
            Err(RowError::UnclosedQuote)
        } else {
            read_record(record, header, date_col, value_col, mapping)
        };
        match result {
            Ok(Some(row)) => preview.rows.push(row),
            Ok(None) => {}
            Err(reason) => preview.bad_rows.push(BadRow {
                line: record.line,
                reason,
            }),
        }
    }
    preview.period = super::rows_period(&preview.rows);
    Ok(preview)
}

fn read_record(
    record: &Record,
    header: &Record,
    date_col: usize,
    value_col: usize,
    mapping: &ColumnMapping,
) -> Result<Option<Row>, RowError> {
    let needed = date_col.max(value_col) + 1;
    if record.fields.len() < needed {
        return Err(RowError::TooFewCells {
            expected: header.fields.len(),
            found: record.fields.len(),
        });
    }
    let date_text = record.field(date_col).trim();
    let date_column = header.field(date_col).trim().to_string();
    if date_text.is_empty() {
        return Err(RowError::MissingDate {
            column: date_column,
        });
    }
    let date = mapping
        .date_format
        .parse(date_text)
        .ok_or_else(|| RowError::BadDate {
            column: date_column,
            text: shorten(date_text),
        })?;
    let cell = record.field(value_col);
    match parse_cell(cell, Kind::Plain, mapping.decimal) {
        Ok(Some(value)) => Ok(Some(Row {
            line: record.line,
            date,
            end: None,
            metric_id: mapping.metric_id.clone(),
            value,
            label: String::new(),
            breakdown: Vec::new(),
        })),
        Ok(None) => Ok(None),
        Err(super::numbers::NotANumber) => Err(RowError::BadNumber {
            column: header.field(value_col).trim().to_string(),
            text: shorten(cell.trim()),
        }),
    }
}
