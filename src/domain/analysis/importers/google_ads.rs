//! Google Ads report CSVs: a title line and a date-range line before the header (or as a
//! footer), `Total: …` rows, `--` for no value, numbers in the account's locale (`"1,000"`,
//! `9,38%`, `Rp1.500.000`), English or Indonesian column names.

use super::csv::{self, Record};
use super::dates::parse_range;
use super::table::{col, find_header, read_table, Layout, Reading};
use super::{check_size, CsvImportError, ImportPreview, Source};
use crate::domain::values::date::Date;

/// The Google Ads columns Alur imports, in English and Indonesian.
pub const LAYOUT: Layout = Layout {
    source: Source::GoogleAds,
    date: &["day", "hari", "date", "tanggal"],
    end: &[],
    // An ad group report without a campaign column is labelled by its ad groups.
    label: &["campaign", "kampanye", "ad group", "grup iklan"],
    breakdowns: &[
        ("ad group", &["ad group", "grup iklan"]),
        (
            "keyword",
            &[
                "search keyword",
                "keyword",
                "kata kunci penelusuran",
                "kata kunci",
            ],
        ),
        ("device", &["device", "perangkat"]),
        (
            "network",
            &["network (with search partners)", "network", "jaringan"],
        ),
    ],
    currency: &["currency code", "currency", "kode mata uang"],
    metrics: &[
        col(&["clicks", "klik"], "clicks"),
        col(&["impr.", "impressions", "tayangan"], "impressions"),
        col(&["ctr", "rkt"], "ctr"),
        col(
            &["avg. cpc", "bpk rata-rata", "cpc rata-rata", "bpk rata2"],
            "cpc",
        ),
        col(&["cost", "biaya"], "cost"),
        col(&["conversions", "konversi"], "conversions"),
        col(
            &["cost / conv.", "biaya / konv.", "cost / conversion"],
            "cpa",
        ),
        col(
            &[
                "conv. value",
                "nilai konv.",
                "conversion value",
                "nilai konversi",
            ],
            "revenue",
        ),
        col(
            &["conv. rate", "rasio konv.", "tingkat konv."],
            "ads_conversion_rate",
        ),
        // Video campaigns report interactions (views, engagements), not clicks: kept as
        // their own figure, never counted as clicks.
        col(&["interactions", "interaksi"], "interactions"),
        col(&["views", "penayangan", "tayangan video"], "video_views"),
    ],
    empty_label_is_total: false,
};

/// The one filled cell of a record that has only one (a title, range or "All time" line).
fn only_cell(record: &Record) -> Option<&str> {
    let mut filled = record.fields.iter().filter(|f| !f.trim().is_empty());
    match (filled.next(), filled.next()) {
        (Some(only), None) => Some(only.trim()),
        _ => None,
    }
}

/// A record that is only a date range (the report's period line), and that range.
fn range_line(record: &Record) -> Option<(Date, Date)> {
    parse_range(only_cell(record)?)
}

/// The words of a record that states the report covers all its history, in the UI's
/// languages.
fn all_time_line(record: &Record) -> Option<String> {
    let only = only_cell(record)?;
    ["all time", "sepanjang waktu", "semua waktu"]
        .contains(&only.to_lowercase().as_str())
        .then(|| only.to_string())
}

/// Imports a Google Ads report. Rows without a Day column cover the report's stated range
/// (its title and range lines: `1 October 2026 - 31 October 2026`, `Jan 27, 2026 - Feb 25,
/// 2026`, `1 Oktober 2026 - 31 Oktober 2026`); a report over "All time", or one that states
/// no range, is [`CsvImportError::NoPeriod`].
pub fn import(text: &str) -> Result<ImportPreview, CsvImportError> {
    import_with(text, None)
}

/// [`import`], with the period the user gave for a report that states none.
pub fn import_with(
    text: &str,
    given: Option<(Date, Date)>,
) -> Result<ImportPreview, CsvImportError> {
    check_size(text)?;
    let csv = csv::read(text);
    let header = find_header(&csv, &LAYOUT, 0).ok_or(CsvImportError::NoHeader)?;
    let stated = csv
        .records
        .iter()
        .take(header + 1)
        .find_map(range_line)
        .or_else(|| csv.records.iter().find_map(range_line));
    let dated = csv
        .records
        .get(header)
        .is_some_and(|h| super::table::columns(h, &LAYOUT).date.is_some());
    let period = given.or(stated);
    if !dated && period.is_none() {
        let said = csv
            .records
            .iter()
            .find_map(all_time_line)
            .unwrap_or_default();
        return Err(CsvImportError::NoPeriod { stated: said });
    }
    let mut preview = read_table(
        &csv,
        &Reading {
            layout: &LAYOUT,
            header,
            period: if dated { None } else { period },
            ignore: &|r| range_line(r).is_some() || all_time_line(r).is_some(),
        },
    )?;
    if let Some(period) = period {
        preview.period = Some(period);
    }
    Ok(preview)
}
