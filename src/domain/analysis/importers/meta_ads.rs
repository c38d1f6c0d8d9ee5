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
    // An ad set or ad export without a campaign column is labelled by its first name column.
    label: &[
        "campaign name",
        "nama kampanye",
        "ad set name",
        "nama set iklan",
        "ad name",
        "nama iklan",
    ],
    breakdowns: &[
        ("ad set", &["ad set name", "nama set iklan"]),
        ("ad", &["ad name", "nama iklan"]),
        ("age", &["age", "usia", "umur"]),
        ("gender", &["gender", "jenis kelamin"]),
        ("platform", &["platform"]),
        ("placement", &["placement", "penempatan"]),
        ("device", &["impression device", "perangkat tayangan"]),
        ("country", &["country", "negara"]),
        ("region", &["region", "wilayah"]),
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
        col(
            &[
                "purchases",
                "website purchases",
                "pembelian",
                "pembelian situs web",
            ],
            "purchases",
        ),
        col(&["leads", "prospek", "website leads"], "leads"),
    ],
    empty_label_is_total: true,
};

/// Names of the column saying what each row's `Results` count (`actions:purchase`).
const RESULT_TYPE: [&str; 6] = [
    "result indicator",
    "result type",
    "results type",
    "indikator hasil",
    "jenis hasil",
    "tipe hasil",
];

/// Imports a Meta Ads Manager export. `Results` count what each campaign's objective counts
/// (purchases on one row, link clicks on another): when the rows' result types differ, they
/// are not imported as one figure (nor their cost per result), and the preview says so; the
/// type-specific columns (Purchases, Leads) still import.
pub fn import(text: &str) -> Result<ImportPreview, CsvImportError> {
    check_size(text)?;
    let csv = csv::read(text);
    let header = find_header(&csv, &LAYOUT, 0).ok_or(CsvImportError::NoHeader)?;
    let mut preview = read_table(
        &csv,
        &Reading {
            layout: &LAYOUT,
            header,
            period: None,
            ignore: &|_| false,
        },
    )?;
    let column = csv.records.get(header).and_then(|h| {
        h.fields
            .iter()
            .position(|f| RESULT_TYPE.contains(&super::table::normalise_header(f).0.as_str()))
    });
    if let Some(column) = column {
        let mut kinds: Vec<String> = Vec::new();
        for row in preview.rows.iter().filter(|r| r.metric_id == "results") {
            // Records are in line order.
            let kind = csv
                .records
                .binary_search_by_key(&row.line, |r| r.line)
                .ok()
                .and_then(|i| csv.records.get(i))
                .map(|r| r.field(column).trim().to_string())
                .unwrap_or_default();
            if !kind.is_empty() && !kinds.contains(&kind) {
                kinds.push(kind);
            }
        }
        if kinds.len() > 1 {
            preview
                .rows
                .retain(|r| r.metric_id != "results" && r.metric_id != "cost_per_result");
            preview.notes.push(super::Note::MixedResults { kinds });
        }
    }
    Ok(preview)
}
