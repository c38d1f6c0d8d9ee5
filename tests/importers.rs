//! Importing platform exports end to end, on fixtures written after the real layouts: the
//! exact values, periods, skipped totals and bad rows with their line numbers.
#![cfg(not(target_arch = "wasm32"))]

use alur::domain::analysis::importers::{
    decode, guess_source, import, import_generic, ColumnMapping, CsvImportError, DateFormat,
    ImportPreview, RowError, Source,
};
use alur::domain::values::date::Date;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    decode(&std::fs::read(path).unwrap()).unwrap()
}

fn d(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

/// `(line, date, value)` of one metric's rows.
fn values(preview: &ImportPreview, metric: &str) -> Vec<(usize, String, f64)> {
    preview
        .rows_of(metric)
        .map(|r| (r.line, r.date.to_string(), r.value))
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9 * b.abs().max(1.0)
}

// Guards: each fixture is recognised as the platform it comes from.
#[test]
fn layouts_are_recognised() {
    for (name, source) in [
        ("ga4_traffic_daily.csv", Source::Ga4),
        ("ga4_traffic_daily_crlf_bom.csv", Source::Ga4),
        ("ga4_exploration_grand_total.csv", Source::Ga4),
        ("google_ads_campaign_en.csv", Source::GoogleAds),
        ("google_ads_id_semicolon.csv", Source::GoogleAds),
        ("broken_google_ads.csv", Source::GoogleAds),
        ("meta_ads_campaigns_en.csv", Source::MetaAds),
        ("meta_ads_daily_id.csv", Source::MetaAds),
        ("mailchimp_campaigns.csv", Source::Mailchimp),
        ("klaviyo_campaigns.csv", Source::Klaviyo),
        ("generic_leads_id_semicolon.csv", Source::Generic),
    ] {
        assert_eq!(guess_source(&fixture(name)), source, "{name}");
    }
}

// Guards: a GA4 report reads its period from the comments, its rates from fractions, and
// stops at the blank line before the chart section.
#[test]
fn ga4_daily_report() {
    let p = import(&fixture("ga4_traffic_daily.csv")).unwrap();
    assert_eq!(p.source, Source::Ga4);
    assert_eq!(p.period, Some((d("2024-03-01"), d("2024-03-03"))));
    assert_eq!(
        values(&p, "sessions"),
        vec![
            (11, "2024-03-01".into(), 1204.0),
            (12, "2024-03-02".into(), 1350.0),
            (13, "2024-03-03".into(), 987.0),
        ]
    );
    let rates = values(&p, "session_engagement_rate");
    assert!(close(rates[0].2, 66.611295681063));
    assert!(close(rates[2].2, 62.0060790273556));
    assert_eq!(
        values(&p, "conversions")
            .iter()
            .map(|v| v.2)
            .collect::<Vec<_>>(),
        [31.0, 42.0, 18.0]
    );
    assert_eq!(values(&p, "revenue")[1].2, 6_120_000.0);
    // Not in the file, derived per day from sessions and key events: 31 / 1204, 18 / 987.
    let conversion = values(&p, "conversion_rate");
    assert_eq!(conversion.len(), 3);
    assert!(close(conversion[0].2, 2.574750830564784), "{conversion:?}");
    assert!(close(conversion[2].2, 1.82370820668693));
    // The file's own rate is kept, never recomputed: one engagement rate per day.
    assert_eq!(rates.len(), 3);
    assert_eq!(p.rows.len(), 15 + 3);
    assert!(p.bad_rows.is_empty());
    assert_eq!(p.currency, None);
    // The preview's list of metrics: each in the order it first appears, with its rows (3 days
    // each; the conversion rate, derived, comes last), as counting rows_of one by one gives.
    let counts = p.metric_counts();
    assert_eq!(
        counts.iter().map(|(m, _)| *m).collect::<Vec<_>>(),
        p.metric_ids()
    );
    assert_eq!(counts.last(), Some(&("conversion_rate", 3)));
    assert!(counts
        .iter()
        .all(|&(m, n)| n == 3 && p.rows_of(m).count() == n));
    assert_eq!(counts.len(), 6);
}

// Guards: a BOM and CRLF line ends change nothing.
#[test]
fn crlf_and_bom_read_the_same() {
    let lf = import(&fixture("ga4_traffic_daily.csv")).unwrap();
    let crlf = import(&fixture("ga4_traffic_daily_crlf_bom.csv")).unwrap();
    assert_eq!(lf, crlf);
    let raw = std::fs::read(format!(
        "{}/tests/fixtures/ga4_traffic_daily_crlf_bom.csv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    assert!(raw.starts_with(&[0xEF, 0xBB, 0xBF]) && raw.windows(2).any(|w| w == b"\r\n"));
}

// Guards: an exploration's Grand total row is skipped, not an error; labels are kept.
#[test]
fn ga4_exploration_skips_grand_total() {
    let p = import(&fixture("ga4_exploration_grand_total.csv")).unwrap();
    assert_eq!(p.skipped_totals, vec![10]);
    assert!(p.bad_rows.is_empty());
    assert_eq!(p.period, Some((d("2024-03-01"), d("2024-03-02"))));
    let bounce = values(&p, "bounce_rate");
    assert_eq!(bounce.len(), 4);
    assert!(close(bounce[0].2, 30.0) && close(bounce[3].2, 41.0));
    assert_eq!(p.rows_of("sessions").map(|r| r.value).sum::<f64>(), 2554.0);
    assert_eq!(p.rows[0].label, "Organic Search");
}

// Guards: Google Ads English numbers, `--`, the title's period, Total rows and the currency.
#[test]
fn google_ads_english_report() {
    let p = import(&fixture("google_ads_campaign_en.csv")).unwrap();
    assert_eq!(p.period, Some((d("2024-03-01"), d("2024-03-03"))));
    assert_eq!(p.skipped_totals, vec![7, 8]);
    assert_eq!(p.currency.as_deref(), Some("IDR"));
    assert!(p.bad_rows.is_empty());
    assert_eq!(
        values(&p, "clicks"),
        vec![
            (4, "2024-03-01".into(), 1000.0),
            (5, "2024-03-02".into(), 850.0),
            (6, "2024-03-03".into(), 912.0),
        ]
    );
    assert_eq!(values(&p, "impressions")[0].2, 10_650.0);
    assert_eq!(values(&p, "ctr")[0].2, 9.39);
    assert_eq!(values(&p, "cpc")[1].2, 1620.5);
    assert_eq!(values(&p, "cost")[2].2, 1_440_960.0);
    assert_eq!(values(&p, "conversions")[1].2, 0.0);
    // `--` is no value, not zero and not an error.
    assert_eq!(
        values(&p, "cpa"),
        vec![
            (4, "2024-03-01".into(), 60_000.0),
            (6, "2024-03-03".into(), 67_021.4)
        ]
    );
}

// Guards: a `;` Google Ads file in Indonesian, with `9,39%`, `Rp1.500.000` and a footer period.
#[test]
fn google_ads_indonesian_semicolon_report() {
    let p = import(&fixture("google_ads_id_semicolon.csv")).unwrap();
    assert_eq!(p.period, Some((d("2024-03-01"), d("2024-03-03"))));
    assert_eq!(p.skipped_totals, vec![6]);
    assert!(p.bad_rows.is_empty());
    assert_eq!(
        values(&p, "clicks"),
        vec![
            (3, "2024-03-01".into(), 1000.0),
            (5, "2024-03-03".into(), 1234.0)
        ]
    );
    assert_eq!(values(&p, "ctr")[0].2, 9.39);
    assert_eq!(values(&p, "cpc")[1].2, 1215.5);
    assert_eq!(values(&p, "cost")[0].2, 1_500_000.0);
    assert_eq!(values(&p, "conversions")[1].2, 12.5);
    assert_eq!(values(&p, "cpa")[1].2, 119_994.16);
    // CPM is not a column: derived from cost and impressions, Rp1.500.000 / 10.650 × 1000 and
    // Rp1.499.927 / 12.000 × 1000; the empty `--` day derives nothing.
    let cpm = values(&p, "cpm");
    assert_eq!(cpm.iter().map(|v| v.0).collect::<Vec<_>>(), [3, 5]);
    assert!(close(cpm[0].2, 1_500_000.0 / 10_650.0 * 1000.0), "{cpm:?}");
    assert!(close(cpm[1].2, 124_993.916_666_666_67));
    // The file's CTR stays as written (9,39%), not 1.000 / 10.650 = 9,389…%.
    assert_eq!(values(&p, "ctr").len(), 2);
    assert_eq!(p.rows.len(), 14 + 2);
}

// Guards: Meta's summary row (empty name) is skipped; the currency comes from the header;
// each row covers its reporting period.
#[test]
fn meta_campaigns_english() {
    let p = import(&fixture("meta_ads_campaigns_en.csv")).unwrap();
    assert_eq!(p.skipped_totals, vec![2]);
    assert_eq!(p.currency.as_deref(), Some("IDR"));
    assert_eq!(p.period, Some((d("2024-03-01"), d("2024-03-31"))));
    let cost: Vec<_> = p.rows_of("cost").collect();
    assert_eq!(cost.len(), 2);
    assert_eq!((cost[0].line, cost[0].value), (3, 2_750_000.0));
    assert_eq!(cost[0].end, Some(d("2024-03-31")));
    assert_eq!(cost[1].label, "Brand Awareness - Reach");
    assert_eq!(values(&p, "ctr")[0].2, 2.0288);
    assert_eq!(values(&p, "cpc")[1].2, 513.7);
    assert_eq!(values(&p, "reach")[0].2, 150_200.0);
    // issue #18: the two campaigns' results count different things (link clicks, people
    // reached): never one figure, nor their costs per result; the preview says why.
    assert!(values(&p, "results").is_empty());
    assert!(values(&p, "cost_per_result").is_empty());
    assert_eq!(
        p.notes,
        [alur::domain::analysis::importers::Note::MixedResults {
            kinds: vec!["actions:link_click".into(), "reach".into()]
        }]
    );
    assert!(p.bad_rows.is_empty());
}

// Guards: Indonesian Meta headers and a daily breakdown (start = end gives a single day).
#[test]
fn meta_daily_indonesian() {
    let p = import(&fixture("meta_ads_daily_id.csv")).unwrap();
    assert_eq!(p.skipped_totals, vec![2]);
    assert_eq!(p.currency.as_deref(), Some("IDR"));
    assert_eq!(
        values(&p, "cost"),
        vec![
            (3, "2024-03-01".into(), 150_000.0),
            (4, "2024-03-02".into(), 150_000.5)
        ]
    );
    assert!(p.rows.iter().all(|r| r.end.is_none()));
    assert_eq!(values(&p, "link_clicks")[1].2, 310.0);
    assert_eq!(values(&p, "impressions")[0].2, 20_000.0);
    assert_eq!(p.period, Some((d("2024-03-01"), d("2024-03-02"))));
}

// Guards: Mailchimp counts per campaign and the rates derived from them.
#[test]
fn mailchimp_campaigns() {
    let p = import(&fixture("mailchimp_campaigns.csv")).unwrap();
    assert_eq!(p.source, Source::Mailchimp);
    assert_eq!(p.period, Some((d("2024-03-04"), d("2024-03-18"))));
    assert_eq!(
        values(&p, "emails_delivered"),
        vec![
            (2, "2024-03-04".into(), 1960.0),
            (3, "2024-03-18".into(), 2080.0)
        ]
    );
    assert_eq!(values(&p, "email_opens")[0].2, 784.0);
    assert_eq!(values(&p, "bounces")[0].2, 40.0);
    assert_eq!(values(&p, "unsubscribes")[1].2, 9.0);
    assert_eq!(values(&p, "revenue")[1].2, 9_350_000.0);
    assert_eq!(
        values(&p, "open_rate")
            .iter()
            .map(|v| v.2)
            .collect::<Vec<_>>(),
        [40.0, 50.0]
    );
    assert_eq!(
        values(&p, "click_rate")
            .iter()
            .map(|v| v.2)
            .collect::<Vec<_>>(),
        [10.0, 12.5]
    );
    assert_eq!(
        values(&p, "click_to_open_rate")
            .iter()
            .map(|v| v.2)
            .collect::<Vec<_>>(),
        [25.0, 25.0]
    );
    assert_eq!(p.rows[0].label, "Newsletter Maret");
}

// Guards: Klaviyo's send time and column names.
#[test]
fn klaviyo_campaigns() {
    let p = import(&fixture("klaviyo_campaigns.csv")).unwrap();
    assert_eq!(p.source, Source::Klaviyo);
    assert_eq!(
        values(&p, "recipients"),
        vec![(2, "2024-03-03".into(), 5000.0)]
    );
    assert_eq!(values(&p, "emails_delivered")[0].2, 4870.0);
    assert_eq!(values(&p, "sales")[0].2, 40.0);
    assert_eq!(values(&p, "revenue")[0].2, 12_500_000.0);
    assert!(close(values(&p, "open_rate")[0].2, 2425.0 / 4870.0 * 100.0));
    assert_eq!(values(&p, "click_to_open_rate")[0].2, 20.0);
}

fn leads_mapping() -> ColumnMapping {
    ColumnMapping {
        date_column: "tanggal".into(),
        value_column: "Leads".into(),
        metric_id: "leads".into(),
        date_format: DateFormat::DayMonthYear,
        decimal: alur::domain::values::decimal::DecimalStyle::Comma,
    }
}

// Guards: a generic `;` Indonesian file through a mapping: day-first dates, `1.250.000,50`.
#[test]
fn generic_indonesian_semicolon_file() {
    let text = fixture("generic_leads_id_semicolon.csv");
    assert_eq!(import(&text), Err(CsvImportError::UnknownLayout));
    let p = import_generic(&text, &leads_mapping()).unwrap();
    assert_eq!(
        values(&p, "leads"),
        vec![
            (2, "2024-03-01".into(), 12.0),
            (3, "2024-03-02".into(), 15.0),
            (5, "2024-03-04".into(), 9.0),
        ]
    );
    assert_eq!(p.skipped_totals, vec![6]);
    assert_eq!(p.period, Some((d("2024-03-01"), d("2024-03-04"))));
    let cost = import_generic(
        &text,
        &ColumnMapping {
            value_column: "Biaya (IDR)".into(),
            metric_id: "cost".into(),
            ..leads_mapping()
        },
    )
    .unwrap();
    assert_eq!(
        cost.rows.iter().map(|r| r.value).collect::<Vec<_>>(),
        [1_250_000.5, 1_100_000.0, 900_000.0, 850_000.75]
    );
    assert_eq!(cost.currency.as_deref(), Some("IDR"));
}

// Guards: a mapping naming absent columns is refused with the column's name.
#[test]
fn generic_mapping_with_missing_columns() {
    let text = fixture("generic_leads_id_semicolon.csv");
    let no_date = ColumnMapping {
        date_column: "Day".into(),
        ..leads_mapping()
    };
    assert_eq!(
        import_generic(&text, &no_date),
        Err(CsvImportError::NoDateColumn {
            column: "Day".into()
        })
    );
    let no_value = ColumnMapping {
        value_column: "Sessions".into(),
        ..leads_mapping()
    };
    assert_eq!(
        import_generic(&text, &no_value),
        Err(CsvImportError::NoValueColumn {
            column: "Sessions".into()
        })
    );
}

// Guards: bad rows are listed with their line numbers while the good row still imports.
#[test]
fn broken_file_lists_bad_rows_by_line() {
    let p = import(&fixture("broken_google_ads.csv")).unwrap();
    assert_eq!(values(&p, "clicks"), vec![(4, "2024-03-01".into(), 120.0)]);
    assert_eq!(values(&p, "cost")[0].2, 150_000.0);
    let bad: Vec<(usize, RowError)> = p
        .bad_rows
        .iter()
        .map(|b| (b.line, b.reason.clone()))
        .collect();
    assert_eq!(
        bad,
        vec![
            (
                5,
                RowError::BadDate {
                    column: "Day".into(),
                    text: "2024-03-32".into()
                }
            ),
            (
                6,
                RowError::BadNumber {
                    column: "Clicks".into(),
                    text: "lots".into()
                }
            ),
            (
                7,
                RowError::TooFewCells {
                    expected: 8,
                    found: 3
                }
            ),
            (
                8,
                RowError::MissingDate {
                    column: "Day".into()
                }
            ),
            (9, RowError::UnclosedQuote),
        ]
    );
    assert_eq!(p.period, Some((d("2024-03-01"), d("2024-03-05"))));
}

// Guards: files that are not CSV exports are refused with a typed error.
#[test]
fn files_that_cannot_be_imported() {
    assert_eq!(decode(b""), Err(CsvImportError::Empty));
    assert_eq!(decode(b"\xef\xbb\xbf \r\n"), Err(CsvImportError::Empty));
    // issue #18: an Excel workbook (a zip, or the old OLE .xls) is named as one, so the
    // message can say how to export CSV instead; other binary data is "not a CSV".
    assert_eq!(decode(b"PK\x03\x04\x00\x00"), Err(CsvImportError::Workbook));
    assert_eq!(
        decode(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"),
        Err(CsvImportError::Workbook)
    );
    assert_eq!(
        decode(b"\x89PNG\r\n\x1a\n\x00\x00"),
        Err(CsvImportError::NotCsv)
    );
    assert_eq!(import("hello world\n"), Err(CsvImportError::UnknownLayout));
    assert_eq!(
        alur::domain::analysis::importers::ga4::import("# Start date: 20240301\nfoo,bar\n"),
        Err(CsvImportError::NoHeader)
    );
    // UTF-16 with a BOM, as Google Ads' "Excel CSV" is, decodes.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Day\tClicks\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(decode(&utf16).unwrap(), "Day\tClicks\n");
}

// Guards: a campaign whose name begins with "Total" is data, not a total row.
#[test]
fn campaign_named_total_is_not_skipped() {
    let text = "Day,Campaign,Clicks,Impr.\n2024-03-01,Total Brand Awareness,5,100\nTotal: Account,--,5,100\n";
    let p = import(text).unwrap();
    assert_eq!(values(&p, "clicks"), vec![(2, "2024-03-01".into(), 5.0)]);
    assert_eq!(p.skipped_totals, vec![3]);
    assert_eq!(p.rows[0].label, "Total Brand Awareness");
}
