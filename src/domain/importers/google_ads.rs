//! Google Ads report CSVs: a title line and a date-range line before the header (or as a
//! footer), `Total: …` rows, `--` for no value, numbers in the account's locale (`"1,000"`,
//! `9,38%`, `Rp1.500.000`), English or Indonesian column names.

use super::csv::{self, Record};
use super::dates::parse_range;
use super::table::{col, find_header, read_table, Layout, Reading};
use super::{check_size, CsvImportError, ImportPreview, Source};
use crate::domain::date::Date;

/// The Google Ads columns Alur imports, in English and Indonesian.
pub const LAYOUT: Layout = Layout {
    source: Source::GoogleAds,
    date: &["day", "hari", "date", "tanggal"],
    end: &[],
    label: &["campaign", "kampanye", "ad group", "grup iklan"],
    currency: &["currency code", "currency", "kode mata uang"],
    metrics: &[
        col(&["clicks", "klik"], "clicks"),
        col(&["impr.", "impressions", "tayangan"], "impressions"),
        col(&["ctr", "rkt"], "ctr"),
        col(&["avg. cpc", "bpk rata-rata", "cpc rata-rata"], "cpc"),
        col(&["cost", "biaya"], "cost"),
        col(&["conversions", "konversi"], "conversions"),
        col(&["cost / conv.", "biaya / konv."], "cpa"),
        col(&["conv. value", "nilai konv."], "revenue"),
        col(&["conv. rate", "rasio konv."], "ads_conversion_rate"),
        col(&["interactions", "interaksi"], "interactions"),
    ],
    empty_label_is_total: false,
};

/// A record that is only a date range (the report's period line), and that range.
fn range_line(record: &Record) -> Option<(Date, Date)> {
    let filled: Vec<&String> = record
        .fields
        .iter()
        .filter(|f| !f.trim().is_empty())
        .collect();
    match filled.as_slice() {
        [only] => parse_range(only),
        _ => None,
    }
}

/// Imports a Google Ads report.
pub fn import(text: &str) -> Result<ImportPreview, CsvImportError> {
    check_size(text)?;
    let csv = csv::read(text);
    let header = find_header(&csv, &LAYOUT, 0).ok_or(CsvImportError::NoHeader)?;
    let stated = csv.records.iter().find_map(range_line);
    let mut preview = read_table(
        &csv,
        &Reading {
            layout: &LAYOUT,
            header,
            period: None,
            ignore: &|r| range_line(r).is_some(),
        },
    )?;
    if stated.is_some() {
        preview.period = stated;
    }
    Ok(preview)
}
