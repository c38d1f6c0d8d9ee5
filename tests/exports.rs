//! Issue #18: exports as the platforms really write them (no Day column, UTF-16 tab-separated
//! "Excel CSV", placeholders, several total rows, multi-section GA4 downloads, week numbers,
//! the currency inside Meta's column names, breakdowns, "No data available.", the Indonesian
//! interface). Each fixture in `tests/fixtures/exports/` was written by hand from the
//! platforms' documented layouts; each test states how its totals were computed.

use alur::domain::analysis::importers::{
    decode, generic, import, import_for_period, total_checks, CsvImportError, ImportPreview, Source,
};
use alur::domain::values::date::Date;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/exports/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    decode(&std::fs::read(path).unwrap()).unwrap()
}

fn d(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

/// The sum of one metric's rows.
fn total(p: &ImportPreview, metric: &str) -> f64 {
    p.rows_of(metric).map(|r| r.value).sum()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.005
}

// Guards: a Google Ads campaign report over a range has no Day column: every row covers the
// stated 1–31 October. By hand, the data rows: impressions 395,250 + 155,000 + 0 = 550,250;
// clicks 14,415 + 6,200 = 20,615; cost 20,901,750 + 9,300,000 = 30,201,750; conversions
// 339 + 124 = 463; conversion value 101,700,000 + 37,200,000 = 138,900,000. The paused
// campaign's " --" rates and "< 10%" share are no value, "Using campaign budget" is not a
// figure: no bad rows. The three `Total:` rows are not data; the account's says 560,250
// impressions and Rp 30,501,750 (a video campaign the report does not list): 10,000 and
// Rp 300,000 more than the rows, which the preview shows.
#[test]
fn google_ads_over_a_range_without_a_day_column() {
    let p = import(&fixture("google_ads_campaigns_range_en.csv")).unwrap();
    google_ads_range_totals(&p);
    assert_eq!(total(&p, "interactions"), 20_615.0);
    for row in &p.rows {
        assert_eq!(
            (row.date, row.end),
            (d("2026-10-01"), Some(d("2026-10-31")))
        );
    }
    let checks = total_checks(&p);
    let of = |m: &str| checks.iter().find(|c| c.metric_id == m).unwrap();
    assert_eq!(
        (of("impressions").stated, of("impressions").rows),
        (560_250.0, 550_250.0)
    );
    assert_eq!(of("impressions").label, "Total: Account");
    assert!(of("impressions").differs());
    assert!(of("cost").differs());
    assert!(!of("clicks").differs());
}

/// The hand-computed figures of the Google Ads range report above, in any of its formats.
fn google_ads_range_totals(p: &ImportPreview) {
    assert_eq!(p.source, Source::GoogleAds);
    assert_eq!(p.period, Some((d("2026-10-01"), d("2026-10-31"))));
    assert!(p.bad_rows.is_empty(), "{:?}", p.bad_rows);
    assert_eq!(p.skipped_totals, [7, 8, 9]);
    assert_eq!(total(p, "impressions"), 550_250.0);
    assert_eq!(total(p, "clicks"), 20_615.0);
    assert!(close(total(p, "cost"), 30_201_750.0));
    assert!(close(total(p, "conversions"), 463.0));
    assert!(close(total(p, "revenue"), 138_900_000.0));
    assert_eq!(p.currency.as_deref(), Some("IDR"));
}

// Guards: the same report from the Indonesian interface (the header, `Biaya/konv.`
// without spaces, `BPK rata-rata`, decimal commas). By hand: impressions 12,750 × 2
// + 5,000 × 2 = 35,500; clicks 465 × 2 + 200 × 2 = 1,330; cost 674,250 × 2 + 300,000 × 2 =
// 1,948,500; conversions 11 + 4 + 10 + 0 = 25. The `Total: Akun` row agrees with them.
#[test]
fn google_ads_from_the_indonesian_interface() {
    let p = import(&fixture("google_ads_daily_id.csv")).unwrap();
    indonesian_daily_totals(&p);
}

/// The hand-computed figures of the Indonesian daily report above, in any of its formats.
fn indonesian_daily_totals(p: &ImportPreview) {
    assert_eq!(p.source, Source::GoogleAds);
    assert!(p.bad_rows.is_empty(), "{:?}", p.bad_rows);
    assert_eq!(total(p, "impressions"), 35_500.0);
    assert_eq!(total(p, "clicks"), 1_330.0);
    assert!(close(total(p, "cost"), 1_948_500.0));
    assert!(close(total(p, "conversions"), 25.0));
    // Each row its own day; the CPA column is read (61,295.45 on the first row).
    assert_eq!(
        p.rows_of("cpa").next().map(|r| (r.date, r.value)),
        Some((d("2026-10-01"), 61_295.45))
    );
    assert!(total_checks(p).iter().all(|c| !c.differs()));
}

// Guards: Google Ads' "Excel .csv" is UTF-16LE with a BOM and tab-separated; this ad group
// report states "Jan 27, 2026 - Feb 25, 2026", names `Currency code` twice and writes a
// data-driven conversion count as 23.01001. By hand: impressions 10,000 + 5,500 + 8,250 =
// 23,750; clicks 400 + 230 + 165 = 795; cost 600,000 + 300,000.50 + 247,500 = 1,147,500.50;
// conversions 12 + 23.01001 + 4 = 39.01001. Two ad groups of one campaign stay apart.
#[test]
fn google_ads_excel_csv_in_utf16_with_tabs() {
    let text = fixture("google_ads_adgroups_excel.tsv");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let p = import(&decode(&bytes).unwrap()).unwrap();
    assert_eq!(p.source, Source::GoogleAds);
    assert_eq!(p.period, Some((d("2026-01-27"), d("2026-02-25"))));
    assert!(p.bad_rows.is_empty(), "{:?}", p.bad_rows);
    assert_eq!(total(&p, "impressions"), 23_750.0);
    assert_eq!(total(&p, "clicks"), 795.0);
    assert!(close(total(&p, "cost"), 1_147_500.5));
    assert!((total(&p, "conversions") - 39.01001).abs() < 1e-9);
    let groups: Vec<String> = p.rows_of("clicks").map(|r| r.label_text()).collect();
    assert_eq!(
        groups,
        [
            "Batik Tulis - Search · Tulis Premium",
            "Batik Tulis - Search · Tulis Murah",
            "Batik Cap - Display · Cap Remarketing"
        ]
    );
    assert_eq!(p.currency.as_deref(), Some("IDR"));
}

// Guards: a video campaign over "All time" states no days: the import asks for them, naming
// what the file says; given October, its rows cover it. It has interactions (6,000) and no
// Clicks column: no clicks, and so no CTR, are invented.
#[test]
fn google_ads_all_time_asks_for_the_period_and_never_invents_clicks() {
    let text = fixture("google_ads_video_all_time.csv");
    assert_eq!(
        import(&text),
        Err(CsvImportError::NoPeriod {
            stated: "All time".into()
        })
    );
    let p = import_for_period(&text, (d("2026-10-01"), d("2026-10-31"))).unwrap();
    assert_eq!(p.period, Some((d("2026-10-01"), d("2026-10-31"))));
    assert_eq!(total(&p, "interactions"), 6_000.0);
    assert_eq!(total(&p, "impressions"), 48_000.0);
    assert!(close(total(&p, "cost"), 1_500_000.0));
    assert_eq!(p.rows_of("clicks").count(), 0);
    assert_eq!(p.rows_of("ctr").count(), 0);
}

// Guards: a GA4 Reports snapshot holds one section per card, each with its own `#` dates,
// and a comparison writes a card once per range; CRLF, no final newline. Sessions come by
// day for October (30 × 775 + 750 = 24,000) and by channel group for October (24,000 again)
// and September (10,000 + 6,000 + 3,500 = 19,500): October's are taken once, by day, so
// nothing counts twice; September's by channel group cover 1–30 September. Active users by
// day: 520, 480, 510 on 1–3 October ("Nth day" 0000 is the first day).
#[test]
fn ga4_snapshot_with_a_comparison_period() {
    let p = import(&fixture("ga4_snapshot_comparison_crlf.csv")).unwrap();
    assert_eq!(p.source, Source::Ga4);
    assert!(p.bad_rows.is_empty(), "{:?}", p.bad_rows);
    assert_eq!(p.period, Some((d("2026-09-01"), d("2026-10-31"))));
    let october: f64 = p
        .rows_of("sessions")
        .filter(|r| r.date >= d("2026-10-01"))
        .map(|r| r.value)
        .sum();
    let september: Vec<_> = p
        .rows_of("sessions")
        .filter(|r| r.date < d("2026-10-01"))
        .collect();
    assert_eq!(october, 24_000.0);
    assert_eq!(
        p.rows_of("sessions")
            .filter(|r| r.date >= d("2026-10-01"))
            .count(),
        31
    );
    assert_eq!(september.iter().map(|r| r.value).sum::<f64>(), 19_500.0);
    assert!(september
        .iter()
        .all(|r| r.end == Some(d("2026-09-30")) && !r.label.is_empty()));
    let users: Vec<(Date, f64)> = p.rows_of("users").map(|r| (r.date, r.value)).collect();
    assert_eq!(
        users,
        [
            (d("2026-10-01"), 520.0),
            (d("2026-10-02"), 480.0),
            (d("2026-10-03"), 510.0)
        ]
    );
}

// Guards: GA4's `Week` is the week of the year with the year only in the header (2026: week
// 01 is 1–3 January, week 02 starts on Sunday 4 January, so week 40 is 27 September –
// 3 October, cut to the report's 1–3 October; 41 is 4–10 October, 44 is 25–31 October); rows
// sorted by sessions, not by date; the 2025 column name "Session primary channel group
// (Default Channel Group)". Sessions: 3,000 + 2,800 + 2,100 + 1,200 + 900 + 600 = 10,600.
#[test]
fn ga4_week_numbers_and_2025_column_names() {
    let p = import(&fixture("ga4_weekly_by_sessions.csv")).unwrap();
    assert!(p.bad_rows.is_empty(), "{:?}", p.bad_rows);
    assert_eq!(total(&p, "sessions"), 10_600.0);
    let weeks: Vec<(String, Date, Option<Date>, f64)> = p
        .rows_of("sessions")
        .map(|r| (r.label.clone(), r.date, r.end, r.value))
        .collect();
    assert_eq!(
        weeks[0],
        (
            "Organic Search".into(),
            d("2026-10-04"),
            Some(d("2026-10-10")),
            3000.0
        )
    );
    assert_eq!(
        weeks[3],
        (
            "Organic Search".into(),
            d("2026-10-01"),
            Some(d("2026-10-03")),
            1200.0
        )
    );
    assert_eq!(
        weeks[4],
        (
            "Paid Search".into(),
            d("2026-10-25"),
            Some(d("2026-10-31")),
            900.0
        )
    );
    // Engagement rate as a fraction in the file, in percent here: 0.6 → 60%.
    assert!((p.rows_of("session_engagement_rate").next().unwrap().value - 60.0).abs() < 1e-9);
}

// Guards: Meta's currency inside column names ("Amount spent (USD)", the quoted "CPM (cost
// per 1,000 impressions) (USD)" with its comma), a breakdown by age with spend in eight
// decimals, the summary row first (empty name and age). By hand: cost 400.12345678 +
// 600.22222222 + 234.22221112 = 1,234.56789012; impressions 30,000 + 45,000 + 23,000 =
// 98,000; purchases 15 + 30 + 12 = 57; one result type, so results import too (57).
#[test]
fn meta_by_age_with_the_currency_in_the_column_names() {
    let p = import(&fixture("meta_age_breakdown_usd.csv")).unwrap();
    assert_eq!(p.source, Source::MetaAds);
    assert_eq!(p.currency.as_deref(), Some("USD"));
    assert_eq!(p.skipped_totals, [2]);
    assert!((total(&p, "cost") - 1_234.567_890_12).abs() < 1e-9);
    assert_eq!(total(&p, "impressions"), 98_000.0);
    assert_eq!(total(&p, "purchases"), 57.0);
    assert_eq!(total(&p, "results"), 57.0);
    assert_eq!(p.rows_of("cpm").count(), 3);
    let ages: Vec<String> = p.rows_of("cost").map(|r| r.label_text()).collect();
    assert_eq!(
        ages,
        [
            "Batik Reels - Purchases · 18-24",
            "Batik Reels - Purchases · 25-34",
            "Batik Reels - Purchases · 35-44"
        ]
    );
    assert!(total_checks(&p)
        .iter()
        .filter(|c| c.metric_id != "reach")
        .all(|c| !c.differs()));
}

// Guards: a Meta file that only says "No data available." is refused with those words, not
// previewed as data.
#[test]
fn a_report_without_data_says_so() {
    assert_eq!(
        import(&fixture("meta_no_data.csv")),
        Err(CsvImportError::NoData {
            said: "No data available.".into()
        })
    );
}

// Guards: the column-mapping fallback offers the real header row of a file with title lines
// above it, and reads the rows under it (5 + 7 + 6 = 18 leads).
#[test]
fn the_column_mapping_finds_the_real_header_row() {
    let text = fixture("generic_titled_leads.csv");
    assert_eq!(import(&text), Err(CsvImportError::UnknownLayout));
    assert_eq!(generic::headers(&text), ["Date", "Leads", "Notes"]);
    let mapping = generic::ColumnMapping {
        date_column: "Date".into(),
        value_column: "Leads".into(),
        metric_id: "leads".into(),
        date_format: generic::DateFormat::Auto,
        decimal: alur::domain::values::decimal::DecimalStyle::Point,
    };
    let p = alur::domain::analysis::importers::import_generic(&text, &mapping).unwrap();
    assert_eq!(total(&p, "leads"), 18.0);
    assert!(p.bad_rows.is_empty());
}

/// Every fact of a preview as (metric, date and label, value to 4 decimals), sorted: two imports
/// of the same report in two formats give the same list.
fn facts(p: &ImportPreview) -> Vec<(String, String, String)> {
    let mut v: Vec<(String, String, String)> = p
        .rows
        .iter()
        .map(|r| {
            (
                r.metric_id.clone(),
                format!("{:?} {}", r.date, r.label),
                format!("{:.4}", r.value),
            )
        })
        .collect();
    alur::domain::values::sort::sort(&mut v);
    v
}

/// A workbook fixture as the collect step reads it: its first sheet as CSV text.
fn workbook(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/exports/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(path).unwrap();
    // A zip archive: `decode` sends it to the workbook reader, not the CSV one.
    assert_eq!(decode(&bytes), Err(CsvImportError::Workbook));
    alur::domain::analysis::importers::xlsx::workbook_text(&bytes).unwrap()
}

// Guards: the Excel download of the same Google Ads report (tests/fixtures/exports/
// make_xlsx.py) imports to the same hand-computed totals as its CSV download above:
// impressions 395,250 + 155,000 + 0 = 550,250, clicks 14,415 + 6,200 = 20,615, cost
// 20,901,750 + 9,300,000 = 30,201,750, conversions 339 + 124 = 463, over 1–31 October; the
// three total rows are not data. Its CTR cells hold 0.0365 and 0.04 under a percentage format:
// read as 3.65 % and 4 %, as the CSV's "3.65%", never 0.0365 %.
#[test]
fn google_ads_excel_workbook_reads_like_its_csv_download() {
    let p = import(&workbook("google_ads_campaigns_range.xlsx")).unwrap();
    google_ads_range_totals(&p);
    let ctr: Vec<f64> = p.rows_of("ctr").map(|r| r.value).collect();
    assert_eq!(ctr, [3.65, 4.0]);
    // The same rows as the CSV download, value for value.
    let csv = import(&fixture("google_ads_campaigns_range_en.csv")).unwrap();
    assert_eq!(facts(&p), facts(&csv));
}

// Guards: Meta's Excel export (its default): the summary row first with no campaign name is not
// data; "Reporting starts" is a date cell (serial 45352 = 2024-03-01). By hand: spend
// Rp 2,750,000 + Rp 1,500,000 = Rp 4,250,000, the summary row's figure; reach 150,200 and
// 51,250; the two campaigns' results count different things and are not summed.
#[test]
fn meta_excel_workbook_reads_like_its_csv_download() {
    let p = import(&workbook("meta_ads_campaigns.xlsx")).unwrap();
    assert_eq!(p.source, Source::MetaAds);
    assert_eq!(p.period, Some((d("2024-03-01"), d("2024-03-31"))));
    assert_eq!(p.skipped_totals, vec![2]);
    assert_eq!(p.currency.as_deref(), Some("IDR"));
    assert_eq!(total(&p, "cost"), 4_250_000.0);
    let reach: Vec<f64> = p.rows_of("reach").map(|r| r.value).collect();
    assert_eq!(reach, [150_200.0, 51_250.0]);
    assert_eq!(p.rows_of("ctr").next().map(|r| r.value), Some(2.0288));
    assert_eq!(p.rows_of("results").count(), 0);
    assert!(p.bad_rows.is_empty(), "{:?}", p.bad_rows);
}

// Guards: what is not a readable workbook is an error value naming why, never a panic.
#[test]
fn a_damaged_workbook_is_refused() {
    use alur::domain::analysis::importers::xlsx::{workbook_text, XlsxError};
    let mut bytes = std::fs::read(format!(
        "{}/tests/fixtures/exports/meta_ads_campaigns.xlsx",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    bytes.truncate(bytes.len() / 2);
    assert_eq!(workbook_text(&bytes), Err(XlsxError::Damaged));
}

// Guards: a workbook laid out by a streaming writer (tests/fixtures/exports/make_xlsx.py,
// `streaming_workbook`: `x:` prefixes, inline strings, cells without references, an empty
// hidden first sheet, data descriptors, dates as serials under `yyyy\-mm\-dd`) of the Indonesian
// Google Ads report above. Its numbers are plain cells (1465.04, not "1.465,04"), and still read
// to the same hand-computed totals: impressions 35,500, clicks 1,330, cost 1,948,500,
// conversions 25; day 46296 is 2026-10-01.
#[test]
fn an_indonesian_google_ads_workbook_from_a_streaming_writer_reads_like_its_csv() {
    let text = workbook("google_ads_daily_id.xlsx");
    assert!(text.starts_with("Laporan kampanye\n1 Oktober 2026 - 2 Oktober 2026\nHari,"));
    let p = import(&text).unwrap();
    indonesian_daily_totals(&p);
    let ctr: Vec<f64> = p.rows_of("ctr").map(|r| r.value).collect();
    assert_eq!(ctr, [3.65, 4.0, 3.65, 4.0]);
    let csv = import(&fixture("google_ads_daily_id.csv")).unwrap();
    assert_eq!(facts(&p), facts(&csv));
}
