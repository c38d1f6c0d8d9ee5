//! The engine the platform importers share: a header row whose known column names map to
//! metrics, data rows read cell by cell, total rows skipped. Each platform only supplies a
//! [`Layout`] and says where its header and period are.

use super::csv::{Csv, Record};
use super::dates::parse_date;
use super::numbers::{detect_locale, parse_cell, Kind};
use super::{BadRow, CsvImportError, ImportPreview, Row, RowError, Source};
use crate::domain::values::date::Date;
use crate::domain::values::decimal::DecimalStyle;

/// A metric column a layout knows: its header names (lower case, without a currency suffix
/// such as ` (IDR)`), the metric id it imports as, and how to read its cells.
#[derive(Clone, Copy, Debug)]
pub struct MetricColumn {
    /// Header names, lower case, in any of the platform's languages.
    pub names: &'static [&'static str],
    /// The metric id the values get.
    pub metric: &'static str,
    /// How cells read.
    pub kind: Kind,
}

/// Shorthand for a [`MetricColumn`] read as written.
pub const fn col(names: &'static [&'static str], metric: &'static str) -> MetricColumn {
    MetricColumn {
        names,
        metric,
        kind: Kind::Plain,
    }
}

/// Shorthand for a [`MetricColumn`] holding fractions (GA4 rates).
pub const fn fraction(names: &'static [&'static str], metric: &'static str) -> MetricColumn {
    MetricColumn {
        names,
        metric,
        kind: Kind::Fraction,
    }
}

/// What a platform's table looks like.
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    /// The platform.
    pub source: Source,
    /// Names of the date column (or the period's start column), lower case, most precise first.
    pub date: &'static [&'static str],
    /// Names of the period's end column, if the platform has one.
    pub end: &'static [&'static str],
    /// Names of the label column (campaign, email, channel group).
    pub label: &'static [&'static str],
    /// Columns that break a row down further, each a dimension and its names (`ad group`,
    /// `age`, `placement`…): every one present is kept with the row.
    pub breakdowns: &'static [(&'static str, &'static [&'static str])],
    /// Names of a column holding the currency code per row.
    pub currency: &'static [&'static str],
    /// The metric columns.
    pub metrics: &'static [MetricColumn],
    /// True when a row with an empty label but numbers is a total (Meta's first row).
    pub empty_label_is_total: bool,
}

/// A column name compared without case and spacing: lower case, runs of white space as one
/// space, none around `/` (`Cost / conv.`, `Biaya/konv.` and `biaya / konv.` are one name).
pub fn squash(name: &str) -> String {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    words.join(" ").replace(" /", "/").replace("/ ", "/")
}

/// A header name in lower case, and the currency code in a trailing `(IDR)`, if any.
pub fn normalise_header(name: &str) -> (String, Option<String>) {
    let (base, code) = split_currency(name);
    (squash(&base), code)
}

fn split_currency(name: &str) -> (String, Option<String>) {
    let trimmed = name
        .trim()
        .trim_start_matches('\u{feff}')
        .trim_matches('"')
        .trim();
    if let Some(open) = trimmed.rfind(" (") {
        let inner = trimmed
            .get(open + 2..)
            .and_then(|rest| rest.strip_suffix(')'))
            .unwrap_or("");
        if inner.len() == 3 && inner.bytes().all(|b| b.is_ascii_uppercase()) {
            let base = trimmed.get(..open).unwrap_or("").trim().to_lowercase();
            return (base, Some(inner.to_string()));
        }
    }
    (trimmed.to_lowercase(), None)
}

/// The columns of a header row that a layout knows.
#[derive(Clone, Debug, Default)]
pub struct Columns {
    /// Index of the date (or period start) column.
    pub date: Option<usize>,
    /// Index of the period end column.
    pub end: Option<usize>,
    /// Index of the label column.
    pub label: Option<usize>,
    /// Index and dimension of each breakdown column found.
    pub breakdowns: Vec<(usize, &'static str)>,
    /// Index of the currency column.
    pub currency: Option<usize>,
    /// Index, metric column and header text of each metric found.
    pub metrics: Vec<(usize, MetricColumn, String)>,
    /// The currency named in a header, if any.
    pub header_currency: Option<String>,
    /// How many cells the header has.
    pub width: usize,
}

/// Matches a header row against a layout.
pub fn columns(header: &Record, layout: &Layout) -> Columns {
    let mut found = Columns {
        width: header.fields.len(),
        ..Columns::default()
    };
    let names: Vec<(String, Option<String>)> =
        header.fields.iter().map(|f| normalise_header(f)).collect();
    let find = |aliases: &[&str]| {
        aliases.iter().find_map(|alias| {
            let alias = squash(alias);
            names.iter().position(|(n, _)| *n == alias)
        })
    };
    found.date = find(layout.date);
    found.end = find(layout.end);
    found.label = find(layout.label);
    found.currency = find(layout.currency);
    for (dimension, aliases) in layout.breakdowns {
        if let Some(i) = find(aliases).filter(|i| Some(*i) != found.label) {
            found.breakdowns.push((i, dimension));
        }
    }
    for metric in layout.metrics {
        // First matching column wins per metric; a later alias for the same metric is ignored.
        if found
            .metrics
            .iter()
            .any(|(_, m, _)| m.metric == metric.metric)
        {
            continue;
        }
        if let Some(i) = find(metric.names) {
            if found.metrics.iter().any(|(j, _, _)| *j == i) {
                continue;
            }
            let text = header.field(i).trim().to_string();
            if let Some((_, Some(code))) = names.get(i) {
                found.header_currency.get_or_insert_with(|| code.clone());
            }
            found.metrics.push((i, *metric, text));
        }
    }
    found
}

/// The index of the first record that looks like the layout's header: one with at least two
/// known metric columns, or one and the date column.
pub fn find_header(csv: &Csv, layout: &Layout, from: usize) -> Option<usize> {
    csv.records
        .iter()
        .enumerate()
        .skip(from)
        .take(200)
        .find(|(_, r)| {
            let c = columns(r, layout);
            c.metrics.len() >= 2 || (c.metrics.len() == 1 && c.date.is_some())
        })
        .map(|(i, _)| i)
}

/// True for a cell that labels a total row: `Total`, `Total: Account`, `Grand total`,
/// `Jumlah total`, `Total keseluruhan`. A campaign named "Total Brand" is not one.
pub fn is_total_label(cell: &str) -> bool {
    let c = cell.trim().to_lowercase();
    c == "total"
        || c.starts_with("total:")
        || c == "grand total"
        || c == "total keseluruhan"
        || c.starts_with("jumlah total")
}

/// True for a total row: one of its first three cells is a total label (see
/// [`is_total_label`]), or, where the layout says so, its label is empty beside numbers.
pub fn is_total_row(record: &Record, cols: &Columns, layout: &Layout) -> bool {
    if record.fields.iter().take(3).any(|f| is_total_label(f)) {
        return true;
    }
    if layout.empty_label_is_total {
        // Meta's summary row: every name column (campaign, ad set, age…) empty beside numbers.
        let names: Vec<usize> = cols
            .label
            .into_iter()
            .chain(cols.breakdowns.iter().map(|(i, _)| *i))
            .collect();
        if !names.is_empty() {
            let has_numbers = cols
                .metrics
                .iter()
                .any(|(j, _, _)| !record.field(*j).trim().is_empty());
            return names.iter().all(|i| record.field(*i).trim().is_empty()) && has_numbers;
        }
    }
    false
}

/// What reading a table needs besides the records.
pub struct Reading<'a> {
    /// The layout.
    pub layout: &'a Layout,
    /// The header's index in the records.
    pub header: usize,
    /// The period the file states, used as rows' dates when there is no date column.
    pub period: Option<(Date, Date)>,
    /// True for records to pass over (comments, title or period lines).
    pub ignore: &'a dyn Fn(&Record) -> bool,
}

/// Reads the data rows after the header until the end or a blank record that ends a section.
pub fn read_table(csv: &Csv, reading: &Reading<'_>) -> Result<ImportPreview, CsvImportError> {
    let layout = reading.layout;
    let header = csv
        .records
        .get(reading.header)
        .ok_or(CsvImportError::NoHeader)?;
    let cols = columns(header, layout);
    if cols.metrics.is_empty() {
        return Err(CsvImportError::NoHeader);
    }
    if cols.date.is_none() && reading.period.is_none() {
        return Err(CsvImportError::NoDateColumn {
            column: layout.date.first().copied().unwrap_or("date").to_string(),
        });
    }
    // The section's records: up to the first blank line (GA4 sections) or the end.
    let body: Vec<&Record> = csv
        .records
        .iter()
        .skip(reading.header + 1)
        .take_while(|r| !r.is_blank())
        .filter(|r| !(reading.ignore)(r))
        .collect();
    let lang = detect_locale(
        body.iter()
            .flat_map(|r| cols.metrics.iter().map(|(i, _, _)| r.field(*i))),
        csv.separator,
    );
    let mut preview = ImportPreview {
        source: layout.source,
        period: reading.period,
        rows: Vec::new(),
        bad_rows: Vec::new(),
        skipped_totals: Vec::new(),
        currency: cols.header_currency.clone(),
        stated_totals: Vec::new(),
        notes: Vec::new(),
    };
    for record in body {
        if is_total_row(record, &cols, layout) {
            preview.skipped_totals.push(record.line);
            let label = record
                .fields
                .iter()
                .take(3)
                .find(|f| is_total_label(f))
                .map(|f| f.trim().to_string())
                .unwrap_or_default();
            for (i, metric, _) in &cols.metrics {
                if let Ok(Some(value)) = parse_cell(record.field(*i), metric.kind, lang) {
                    preview.stated_totals.push(super::StatedTotal {
                        line: record.line,
                        label: label.clone(),
                        metric_id: metric.metric.to_string(),
                        value,
                    });
                }
            }
            continue;
        }
        if csv.unclosed_quote == Some(record.line) {
            preview.bad_rows.push(BadRow {
                line: record.line,
                reason: RowError::UnclosedQuote,
            });
            continue;
        }
        match read_row(record, &cols, header, reading.period, lang) {
            Ok(rows) => preview.rows.extend(rows),
            Err(reason) => preview.bad_rows.push(BadRow {
                line: record.line,
                reason,
            }),
        }
        if preview.currency.is_none() {
            if let Some(i) = cols.currency {
                let code = record.field(i).trim();
                if code.len() == 3 && code.bytes().all(|b| b.is_ascii_alphabetic()) {
                    preview.currency = Some(code.to_ascii_uppercase());
                }
            }
        }
    }
    if preview.period.is_none() {
        preview.period = super::rows_period(&preview.rows);
    }
    Ok(preview)
}

fn read_date(record: &Record, header: &Record, i: usize) -> Result<Date, RowError> {
    let text = record.field(i).trim();
    let column = header.field(i).trim().to_string();
    if text.is_empty() {
        return Err(RowError::MissingDate { column });
    }
    parse_date(text).ok_or_else(|| RowError::BadDate {
        column,
        text: shorten(text),
    })
}

/// A cell repeated in a message, cut to 40 characters so a pasted paragraph cannot flood it.
pub fn shorten(text: &str) -> String {
    crate::domain::values::text::shorten(text, 40)
}

/// The rows of one record, or why it cannot be read. A row is read whole or not at all, so
/// the user fixes one line rather than a half-imported one.
fn read_row(
    record: &Record,
    cols: &Columns,
    header: &Record,
    period: Option<(Date, Date)>,
    lang: DecimalStyle,
) -> Result<Vec<Row>, RowError> {
    if record.fields.len() < cols.width {
        return Err(RowError::TooFewCells {
            expected: cols.width,
            found: record.fields.len(),
        });
    }
    let (date, mut end) = match (cols.date, period) {
        (Some(i), _) => (read_date(record, header, i)?, None),
        (None, Some((start, end))) => (start, Some(end)),
        (None, None) => {
            return Err(RowError::MissingDate {
                column: String::new(),
            })
        }
    };
    if let Some(i) = cols.end {
        let last = read_date(record, header, i)?;
        if last < date {
            return Err(RowError::EndBeforeStart {
                start: date.to_string(),
                end: last.to_string(),
            });
        }
        end = (last != date).then_some(last);
    }
    let label = cols
        .label
        .map(|i| record.field(i).trim().to_string())
        .unwrap_or_default();
    let breakdown: Vec<(&'static str, String)> = cols
        .breakdowns
        .iter()
        .map(|(i, dimension)| (*dimension, record.field(*i).trim().to_string()))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    let mut rows = Vec::new();
    for (i, metric, column) in &cols.metrics {
        let cell = record.field(*i);
        match parse_cell(cell, metric.kind, lang) {
            Ok(Some(value)) => rows.push(Row {
                line: record.line,
                date,
                end,
                metric_id: metric.metric.to_string(),
                value,
                label: label.clone(),
                breakdown: breakdown.clone(),
            }),
            Ok(None) => {}
            Err(super::numbers::NotANumber) => {
                return Err(RowError::BadNumber {
                    column: column.clone(),
                    text: shorten(cell.trim()),
                })
            }
        }
    }
    Ok(rows)
}
