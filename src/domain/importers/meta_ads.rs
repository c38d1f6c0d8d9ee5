//! Meta Ads Manager exports: quoted headers, the currency in column names
//! (`Amount spent (IDR)`), `Reporting starts` / `Reporting ends` per row, a summary row with
//! an empty name first, and headers in English or Indonesian.

use super::csv;
use super::table::{col, find_header, read_table, Layout, Reading};
use super::{check_size, CsvImportError, ImportPreview, Source};

/// The Meta columns Alur imports, in English and Indonesian.
pub const LAYOUT: Layout = Layout {
    source: Source::MetaAds,
    date: &["reporting starts", "awal pelaporan", "day", "hari"],
    end: &["reporting ends", "akhir pelaporan"],
    label: &[
        "campaign name",
        "nama kampanye",
        "ad set name",
        "nama set iklan",
        "ad name",
        "nama iklan",
    ],
    currency: &["currency", "mata uang"],
    metrics: &[
        col(&["amount spent", "jumlah yang dibelanjakan"], "cost"),
        col(&["impressions", "tayangan"], "impressions"),
        col(&["reach", "jangkauan"], "reach"),
        col(&["clicks (all)", "klik (semua)"], "clicks"),
        col(&["link clicks", "klik tautan"], "link_clicks"),
        col(&["ctr (all)", "ctr (semua)"], "ctr"),
        col(&["cpc (all)", "cpc (semua)"], "cpc"),
        col(
            &[
                "cpm (cost per 1,000 impressions)",
                "cpm (biaya per 1.000 tayangan)",
            ],
            "cpm",
        ),
        col(&["results", "hasil"], "results"),
        col(&["cost per result", "biaya per hasil"], "cost_per_result"),
        col(
            &[
                "purchases conversion value",
                "website purchases conversion value",
                "nilai konversi pembelian",
            ],
            "revenue",
        ),
        col(&["frequency", "frekuensi"], "frequency"),
    ],
    empty_label_is_total: true,
};

/// Imports a Meta Ads Manager export.
pub fn import(text: &str) -> Result<ImportPreview, CsvImportError> {
    check_size(text)?;
    let csv = csv::read(text);
    let header = find_header(&csv, &LAYOUT, 0).ok_or(CsvImportError::NoHeader)?;
    read_table(
        &csv,
        &Reading {
            layout: &LAYOUT,
            header,
            period: None,
            ignore: &|_| false,
        },
    )
}
