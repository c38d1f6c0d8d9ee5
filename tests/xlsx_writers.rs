//! The workbook reader against workbooks written by real writer libraries rather than our own
//! zipfile code: openpyxl (and its write-only mode), XlsxWriter (and its constant_memory mode),
//! ExcelJS (and its streaming WorkbookWriter) and SheetJS, each writing the same Google Ads and
//! Meta reports as the CSV downloads in tests/fixtures. The files and the versions that wrote
//! them: tests/fixtures/exports/writers/make_writers.py. Each workbook must import to the CSV
//! download's hand-computed totals and to the same facts, row for row.

use alur::domain::analysis::importers::xlsx::workbook_text;
use alur::domain::analysis::importers::{
    decode, import, total_checks, CsvImportError, ImportPreview, Source,
};
use alur::domain::values::date::Date;

/// The bytes of a file under tests/fixtures.
fn bytes(path: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// A writer's workbook as the collect step reads it: its first sheet as CSV text.
fn workbook(name: &str) -> String {
    let bytes = bytes(&format!("exports/writers/{name}"));
    // A zip archive: `decode` sends it to the workbook reader, not the CSV one.
    assert_eq!(decode(&bytes), Err(CsvImportError::Workbook), "{name}");
    workbook_text(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A CSV download, imported.
fn csv(path: &str) -> ImportPreview {
    import(&decode(&bytes(path)).unwrap()).unwrap()
}

fn d(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

fn total(p: &ImportPreview, metric: &str) -> f64 {
    p.rows_of(metric).map(|r| r.value).sum()
}

/// Every fact of an import as one line (metric, days, label, value to 4 decimals), sorted: the
/// same report in two formats gives the same lines.
fn facts(p: &ImportPreview) -> Vec<String> {
    let mut lines: Vec<String> = p
        .rows
        .iter()
        .map(|r| {
            let days = format!("{:?}–{:?}", r.date, r.end);
            format!("{} {days} {} {:.4}", r.metric_id, r.label, r.value)
        })
        .collect();
    alur::domain::values::sort::sort(&mut lines);
    lines
}

/// A writer's workbook as CSV text and imported, with what both reports share checked: the
/// platform, the period, no bad row, which lines are total rows, rupiah.
fn imported(
    name: &str,
    source: Source,
    (start, end): (&str, &str),
    totals: &[usize],
) -> (String, ImportPreview) {
    let text = workbook(name);
    let p = import(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    assert_eq!(p.source, source, "{name}");
    assert_eq!(p.period, Some((d(start), d(end))), "{name}");
    assert!(p.bad_rows.is_empty(), "{name}: {:?}", p.bad_rows);
    assert_eq!(p.skipped_totals, totals, "{name}");
    assert_eq!(p.currency.as_deref(), Some("IDR"), "{name}");
    (text, p)
}

/// The Google Ads report of exports/google_ads_campaigns_range_en.csv as `writer` wrote it. By
/// hand, as for the CSV: impressions 395,250 + 155,000 + 0 = 550,250; clicks 14,415 + 6,200 =
/// 20,615; cost 20,901,750 + 9,300,000 = 30,201,750; conversions 339 + 124 = 463; conversion
/// value 101,700,000 + 37,200,000 = 138,900,000; all over 1–31 October 2026. The CTR cells hold
/// 0.0365 and 0.04 under `0.00%`: 3.65 and 4, never 0.0365; the paused campaign's " --" is no
/// value. The three `Total:` rows (lines 7–9) are not data; the account's states 560,250
/// impressions, 10,000 more than the rows.
fn google_ads_reads_like_its_csv(writer: &str) {
    let (text, p) = imported(
        &format!("{writer}_google_ads.xlsx"),
        Source::GoogleAds,
        ("2026-10-01", "2026-10-31"),
        &[7, 8, 9],
    );
    assert!(
        text.starts_with("Campaign report\n1 October 2026 - 31 October 2026\nCampaign status,"),
        "{writer}: {text}"
    );
    assert_eq!(total(&p, "impressions"), 550_250.0, "{writer}");
    assert_eq!(total(&p, "clicks"), 20_615.0, "{writer}");
    assert_eq!(total(&p, "cost"), 30_201_750.0, "{writer}");
    assert_eq!(total(&p, "conversions"), 463.0, "{writer}");
    assert_eq!(total(&p, "revenue"), 138_900_000.0, "{writer}");
    let ctr: Vec<f64> = p.rows_of("ctr").map(|r| r.value).collect();
    assert_eq!(ctr, [3.65, 4.0], "{writer}");
    let checks = total_checks(&p);
    let impressions = checks
        .iter()
        .find(|c| c.metric_id == "impressions")
        .unwrap();
    assert_eq!(
        (impressions.stated, impressions.rows),
        (560_250.0, 550_250.0),
        "{writer}"
    );
    let download = csv("exports/google_ads_campaigns_range_en.csv");
    assert_eq!(facts(&p), facts(&download), "{writer}");
}

/// The Meta report of meta_ads_campaigns_en.csv as `writer` wrote it, "Reporting starts" and
/// "Reporting ends" as date cells (serials 45352 and 45382, or ISO text). By hand: spend
/// Rp 2,750,000 + Rp 1,500,000 = Rp 4,250,000, the figure of the summary row (line 2, no
/// campaign name), which is not data; reach 150,200 and 51,250; CTR (all) 2.0288 and 1.6957,
/// plain numbers (no percentage format, so not ×100); the two results count different things
/// and are not summed.
fn meta_reads_like_its_csv(writer: &str) {
    let (_, p) = imported(
        &format!("{writer}_meta.xlsx"),
        Source::MetaAds,
        ("2024-03-01", "2024-03-31"),
        &[2],
    );
    assert_eq!(total(&p, "cost"), 4_250_000.0, "{writer}");
    let reach: Vec<f64> = p.rows_of("reach").map(|r| r.value).collect();
    assert_eq!(reach, [150_200.0, 51_250.0], "{writer}");
    let ctr: Vec<f64> = p.rows_of("ctr").map(|r| r.value).collect();
    assert_eq!(ctr, [2.0288, 1.6957], "{writer}");
    assert_eq!(p.rows_of("results").count(), 0, "{writer}");
    let download = csv("meta_ads_campaigns_en.csv");
    assert_eq!(facts(&p), facts(&download), "{writer}");
}

#[test]
fn openpyxl_workbooks_read_like_their_csv_downloads() {
    // Guards: openpyxl's layout: every text an inline string, `t="n"` numbers, built-in 4 and 10.
    google_ads_reads_like_its_csv("openpyxl");
    meta_reads_like_its_csv("openpyxl");
}

#[test]
fn openpyxl_write_only_workbooks_read_like_their_csv_downloads() {
    // Guards: openpyxl's write-only mode: rows streamed out with no `<dimension>`, inline strings.
    google_ads_reads_like_its_csv("openpyxl_write_only");
    meta_reads_like_its_csv("openpyxl_write_only");
}

#[test]
fn xlsxwriter_workbooks_read_like_their_csv_downloads() {
    // Guards: XlsxWriter: shared strings, `0.00%` and `#,##0.00` as custom formats 164/165.
    google_ads_reads_like_its_csv("xlsxwriter");
    meta_reads_like_its_csv("xlsxwriter");
}

#[test]
fn xlsxwriter_constant_memory_workbooks_read_like_their_csv_downloads() {
    // Guards: XlsxWriter's constant_memory mode: rows flushed as written, inline strings.
    google_ads_reads_like_its_csv("xlsxwriter_constant_memory");
    meta_reads_like_its_csv("xlsxwriter_constant_memory");
}

#[test]
fn exceljs_workbooks_read_like_their_csv_downloads() {
    // Guards: ExcelJS: folder entries (`_rels/`, `xl/`) in the zip, the workbook part last.
    google_ads_reads_like_its_csv("exceljs");
    meta_reads_like_its_csv("exceljs");
}

#[test]
fn exceljs_streaming_workbooks_read_like_their_csv_downloads() {
    // Guards: ExcelJS's WorkbookWriter: data descriptors after each member, `t="str"` text.
    google_ads_reads_like_its_csv("exceljs_stream");
    meta_reads_like_its_csv("exceljs_stream");
}

#[test]
fn sheetjs_workbooks_read_like_their_csv_downloads() {
    // Guards: SheetJS's defaults: stored (uncompressed) members, `t="str"` text, date format 60.
    google_ads_reads_like_its_csv("sheetjs");
    meta_reads_like_its_csv("sheetjs");
}

#[test]
fn sheetjs_shared_string_and_iso_date_workbooks_read_like_their_csv_downloads() {
    // Guards: SheetJS with bookSST and cellDates: shared strings, dates as `t="d"` ISO text (…Z).
    google_ads_reads_like_its_csv("sheetjs_sst_dates");
    meta_reads_like_its_csv("sheetjs_sst_dates");
}

#[test]
fn escaped_text_reads_as_excel_shows_it() {
    // Guards: `_xHHHH_` escapes: XlsxWriter's and SheetJS's control characters and `_x005F_`.
    // XlsxWriter writes the BEL of "Bell\x07name" as `_x0007_` and the literal "_x0041_" as
    // `_x005F_x0041_`; the reader gave them as written until it read the escapes. SheetJS escapes
    // the BEL but not the literal `_x0041_`, which Excel therefore shows as "A", and so does the
    // reader. The emoji outside the BMP is plain UTF-8 in all four.
    let escaped = "Campaign\nBell\u{7}name\nlit _x0041_ here\nBatik \u{1F600} Tulis\n";
    let unescaped = "Campaign\nBell\u{7}name\nlit A here\nBatik \u{1F600} Tulis\n";
    for (writer, want) in [
        ("xlsxwriter", escaped),
        ("xlsxwriter_constant_memory", escaped),
        ("sheetjs", unescaped),
        ("sheetjs_sst_dates", unescaped),
    ] {
        assert_eq!(
            workbook(&format!("{writer}_escapes.xlsx")),
            want,
            "{writer}"
        );
    }
}
