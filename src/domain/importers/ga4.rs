//! Google Analytics 4 report and exploration CSVs: `#` comment lines with the report name,
//! account, property and `# Start date: YYYYMMDD` / `# End date: YYYYMMDD`, sections split by
//! blank lines, dates as `YYYYMMDD`, rates as fractions, a `Grand total` row in explorations.

use super::csv;
use super::dates::parse_date;
use super::table::{col, find_header, fraction, read_table, Layout, Reading};
use super::{check_size, CsvImportError, ImportPreview, Source};
use crate::domain::date::Date;

/// The GA4 columns Alur imports, in English and Indonesian.
pub const LAYOUT: Layout = Layout {
    source: Source::Ga4,
    date: &["date", "tanggal"],
    end: &[],
    label: &[
        "session default channel group",
        "first user default channel group",
        "session source / medium",
        "session campaign",
        "page path and screen class",
        "page title and screen class",
        "event name",
        "grup saluran default sesi",
    ],
    currency: &[],
    metrics: &[
        col(&["sessions", "sesi"], "sessions"),
        col(
            &[
                "total users",
                "users",
                "active users",
                "total pengguna",
                "pengguna aktif",
            ],
            "users",
        ),
        col(&["new users", "pengguna baru"], "new_users"),
        col(
            &["engaged sessions", "sesi dengan interaksi"],
            "engaged_sessions",
        ),
        fraction(
            &["engagement rate", "rasio interaksi"],
            "session_engagement_rate",
        ),
        fraction(&["bounce rate", "rasio pantulan"], "bounce_rate"),
        col(
            &["key events", "conversions", "peristiwa utama", "konversi"],
            "conversions",
        ),
        fraction(
            &[
                "session key event rate",
                "session conversion rate",
                "rasio peristiwa utama sesi",
                "rasio konversi sesi",
            ],
            "conversion_rate",
        ),
        col(
            &["total revenue", "purchase revenue", "pendapatan total"],
            "revenue",
        ),
        col(
            &["ecommerce purchases", "transactions", "transaksi"],
            "sales",
        ),
        col(&["views", "tampilan"], "views"),
        col(&["event count", "jumlah peristiwa"], "event_count"),
    ],
    empty_label_is_total: false,
};

/// The period in `# Start date:` and `# End date:` comment lines (also in Indonesian).
pub fn period(text: &str) -> Option<(Date, Date)> {
    let mut start = None;
    let mut end = None;
    for line in csv::strip_bom(text).lines().filter(|l| l.starts_with('#')) {
        let body = line.trim_start_matches('#').trim();
        let Some((key, value)) = body.split_once(':') else {
            continue;
        };
        match key.trim().to_lowercase().as_str() {
            "start date" | "tanggal mulai" => start = parse_date(value),
            "end date" | "tanggal akhir" | "tanggal selesai" => end = parse_date(value),
            _ => {}
        }
    }
    match (start, end) {
        (Some(s), Some(e)) if s <= e => Some((s, e)),
        _ => None,
    }
}

/// Imports a GA4 CSV: the first section with a date column, or else the first with known
/// metrics, whose rows then cover the whole reporting period.
pub fn import(text: &str) -> Result<ImportPreview, CsvImportError> {
    check_size(text)?;
    let csv = csv::read(text);
    let is_comment = |r: &csv::Record| r.field(0).starts_with('#');
    let mut dated = None;
    let mut from = 0;
    while let Some(i) = find_header(&csv, &LAYOUT, from) {
        let has_date = csv
            .records
            .get(i)
            .is_some_and(|r| super::table::columns(r, &LAYOUT).date.is_some());
        if has_date && !csv.records.get(i).is_some_and(is_comment) {
            dated = Some(i);
            break;
        }
        from = i + 1;
    }
    let header = match dated {
        Some(i) => i,
        None => find_header(&csv, &LAYOUT, 0).ok_or(CsvImportError::NoHeader)?,
    };
    read_table(
        &csv,
        &Reading {
            layout: &LAYOUT,
            header,
            period: period(text),
            ignore: &is_comment,
        },
    )
}
