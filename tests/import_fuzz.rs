//! Property tests: no parser of the import path panics, whatever bytes or text it is given.
//! `make fuzz` runs them with many more cases (`PROPTEST_CASES`).
#![cfg(not(target_arch = "wasm32"))]

use alur::domain::analysis::importers::{
    csv, decode, email, ga4, google_ads, guess_source, import, import_generic, meta_ads,
    ColumnMapping, DateFormat, Source,
};
use alur::domain::values::decimal::DecimalStyle;
use alur::i18n::Lang;
use proptest::prelude::*;

/// Runs every parser on `text`; each must return, never panic.
fn run_all(text: &str) {
    let _ = csv::read(text);
    let _ = csv::detect_separator(text);
    let _ = guess_source(text);
    let _ = import(text);
    let _ = ga4::import(text);
    let _ = google_ads::import(text);
    let _ = meta_ads::import(text);
    let _ = email::import(text, Source::Mailchimp);
    let _ = email::import(text, Source::Klaviyo);
    for (date_format, decimal) in [
        (DateFormat::Auto, DecimalStyle::Point),
        (DateFormat::DayMonthYear, DecimalStyle::Comma),
        (DateFormat::MonthDayYear, DecimalStyle::Point),
    ] {
        let mapping = ColumnMapping {
            date_column: "date".into(),
            value_column: "value".into(),
            metric_id: "leads".into(),
            date_format,
            decimal,
        };
        let _ = import_generic(text, &mapping);
    }
    let _ = alur::domain::analysis::importers::generic::headers(text);
    if let Some(period) =
        alur::domain::analysis::importers::dates::parse_range("1 Oct 2026 - 31 Oct 2026")
    {
        let _ = alur::domain::analysis::importers::import_for_period(text, period);
    }
    if let Ok(preview) = import(text) {
        let _ = alur::domain::analysis::importers::total_checks(&preview);
    }
    let _ = alur::domain::analysis::importers::dates::parse_range(text);
    let _ = alur::domain::analysis::importers::dates::parse_date(text);
}

/// Text built from the pieces exports are made of, so the parsers get past their headers.
fn export_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Day".to_string()),
        Just("Date".to_string()),
        Just("date".to_string()),
        Just("value".to_string()),
        Just("Clicks".to_string()),
        Just("Impr.".to_string()),
        Just("Cost".to_string()),
        Just("Sessions".to_string()),
        Just("Engagement rate".to_string()),
        Just("Reporting starts".to_string()),
        Just("Reporting ends".to_string()),
        Just("Amount spent (IDR)".to_string()),
        Just("Send Date".to_string()),
        Just("Total Recipients".to_string()),
        Just("Unique Opens".to_string()),
        Just("Successful Deliveries".to_string()),
        Just("# Start date: 20240301".to_string()),
        Just("# End date: 20240331".to_string()),
        Just("Nth day".to_string()),
        Just("Week".to_string()),
        Just("0000".to_string()),
        Just("53".to_string()),
        Just("All time".to_string()),
        Just("1 October 2026 - 31 October 2026".to_string()),
        Just("Interactions".to_string()),
        Just("Campaign".to_string()),
        Just("Ad group".to_string()),
        Just("Age".to_string()),
        Just("Result indicator".to_string()),
        Just("Results".to_string()),
        Just("No data available.".to_string()),
        Just("< 10%".to_string()),
        Just("Session primary channel group (Default Channel Group)".to_string()),
        Just("Grand total".to_string()),
        Just("Total: Account".to_string()),
        Just("20240301".to_string()),
        Just("2024-03-01".to_string()),
        Just("Mar 4, 2024".to_string()),
        Just("1.234,56".to_string()),
        Just("\"1,000\"".to_string()),
        Just("9,38%".to_string()),
        Just("Rp1.500.000".to_string()),
        Just("--".to_string()),
        Just("\"".to_string()),
        Just(",".to_string()),
        Just(";".to_string()),
        Just("\t".to_string()),
        Just("\r\n".to_string()),
        Just("\n".to_string()),
        Just("\u{feff}".to_string()),
        "[0-9.,%-]{0,12}",
        "\\PC{0,6}",
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|parts| parts.concat())
}

proptest! {
    // Guards: arbitrary bytes through decoding and every parser never panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(text) = decode(&bytes) {
            run_all(&text);
        }
        run_all(&String::from_utf8_lossy(&bytes));
    }

    // Guards: arbitrary strings never panic.
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        run_all(&text);
    }

    // Guards: export-shaped text (headers, dates, locale numbers, quotes, separators) never
    // panics, and every bad row points at a line of the text.
    #[test]
    fn export_like_text_never_panics(text in export_like()) {
        run_all(&text);
        if let Ok(preview) = import(&text) {
            let lines = text.lines().count().max(1) + 1;
            for bad in &preview.bad_rows {
                prop_assert!(bad.line >= 1 && bad.line <= lines);
            }
            for row in &preview.rows {
                prop_assert!(row.value.is_finite());
            }
        }
    }
}

/// A valid export file, for mutation-based cases that get past the first checks.
fn valid_export() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/seed-example.alur.json"
    ))
    .unwrap_or_default()
}

/// Runs the plan-file, share-link and number parsers on `bytes`; each must return, never panic.
fn run_plan_parsers(bytes: &[u8]) {
    let _ = alur::domain::parse_plan_file(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        let _ = alur::domain::plan_file::share::read_share_path(text);
        let _ = alur::ui::route::Route::parse(text);
        let _ = alur::domain::parse_stored_plan(text);
        let _ = alur::domain::values::date::Date::parse_iso(text);
        // The first download's own JSON reader (the index, the settings) must say "JSON" exactly
        // when serde_json does, on plan files whole and mutated.
        let serde_ok = serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok();
        assert_eq!(alur::storage::json::parse(text).is_some(), serde_ok);
        assert_eq!(alur::storage::json::is_json(text), serde_ok);
        let _ = alur::storage::json::fields(text, &["id", "name", "updated_at"]);
        for lang in Lang::ALL {
            let _ = alur::i18n::format::parse_number(text, lang);
            let _ = alur::i18n::format::parse_money(text, "IDR", lang);
            if let Err(err) = alur::domain::parse_plan_file(bytes) {
                let _ = alur::i18n::messages::import_error(&err, lang, "f.json");
            }
        }
    }
}

proptest! {
    // Guards: arbitrary bytes given as a plan file are refused with an error, never a panic.
    #[test]
    fn plan_files_of_arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        run_plan_parsers(&bytes);
    }

    // Guards: a real plan file with a few bytes changed, cut or inserted never panics the
    // importer, which then has to go deep into the document to find what is wrong.
    #[test]
    fn mutated_plan_files_never_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..6),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut bytes = valid_export();
        prop_assume!(!bytes.is_empty());
        mutate(&mut bytes, edits, cut);
        run_plan_parsers(&bytes);
    }
}

/// A broken download: bytes changed (kind 0), inserted (1) or removed (2), then in one case
/// out of four cut short.
fn mutate(
    bytes: &mut Vec<u8>,
    edits: Vec<(prop::sample::Index, u8, u8)>,
    cut: prop::sample::Index,
) {
    for (at, byte, kind) in edits {
        let i = at.index(bytes.len());
        match kind {
            0 => bytes[i] = byte,
            1 => bytes.insert(i, byte),
            _ => {
                bytes.remove(i);
            }
        }
        if bytes.is_empty() {
            break;
        }
    }
    if !bytes.is_empty() && cut.index(4) == 0 {
        bytes.truncate(cut.index(bytes.len()));
    }
}

/// The Excel workbook fixtures (tests/fixtures/exports/make_xlsx.py): Meta's export with shared
/// strings and a date cell, and the streaming writer's layout with inline strings and data
/// descriptors.
fn valid_workbook(which: usize) -> Vec<u8> {
    let name = ["meta_ads_campaigns.xlsx", "google_ads_daily_id.xlsx"][which % 2];
    std::fs::read(format!(
        "{}/tests/fixtures/exports/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// The workbook reader, then every parser on the text it gives.
fn run_workbook(bytes: &[u8]) {
    if let Ok(text) = alur::domain::analysis::importers::xlsx::workbook_text(bytes) {
        run_all(&text);
    }
}

proptest! {
    // Guards: a workbook with bytes changed, inserted or cut (a broken download) is refused or
    // read, never a panic (a panic kills the wasm app).
    #[test]
    fn mutated_workbooks_never_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..6),
        cut in any::<prop::sample::Index>(),
        which in 0usize..2,
    ) {
        let mut bytes = valid_workbook(which);
        mutate(&mut bytes, edits, cut);
        run_workbook(&bytes);
    }

    #[test]
    fn zip_headed_bytes_never_panic(rest in proptest::collection::vec(any::<u8>(), 0..1024)) {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.extend(rest);
        run_workbook(&bytes);
    }
}

// `make fuzz`: every parser on random and mutated inputs for a set time (FUZZ_SECONDS, default
// 60), reporting how many inputs ran. Ignored by `cargo test`, which runs the properties above.
#[test]
#[ignore = "long-running; `make fuzz` runs it"]
fn timed_fuzz() {
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::TestRunner;
    let seconds: u64 = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    let export = valid_export();
    let books = [valid_workbook(0), valid_workbook(1)];
    let bytes = proptest::collection::vec(any::<u8>(), 0..1024);
    let edits = proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8);
    let mut runner = TestRunner::default();
    let (mut inputs, mut panics) = (0u64, 0u64);
    while std::time::Instant::now() < deadline {
        let Ok(random) = bytes.new_tree(&mut runner) else {
            break;
        };
        let random = random.current();
        let Ok(edit) = edits.new_tree(&mut runner) else {
            break;
        };
        let mut mutated = export.clone();
        for (at, byte) in edit.current() {
            if !mutated.is_empty() {
                let i = at.index(mutated.len());
                mutated[i] = byte;
            }
        }
        let mut mutated_book = books[(inputs % 2) as usize].clone();
        for (at, byte) in edit.current() {
            let i = at.index(mutated_book.len());
            mutated_book[i] = byte;
        }
        for input in [random, mutated, mutated_book] {
            inputs += 1;
            let ok = std::panic::catch_unwind(|| {
                run_workbook(&input);
                run_plan_parsers(&input);
                if let Ok(text) = decode(&input) {
                    run_all(&text);
                }
            })
            .is_ok();
            if !ok {
                panics += 1;
                eprintln!(
                    "panic on input (hex): {}",
                    input.iter().map(|b| format!("{b:02x}")).collect::<String>()
                );
            }
        }
    }
    println!("fuzz: {inputs} inputs executed in {seconds} s, {panics} panics");
    assert_eq!(panics, 0);
}

proptest! {
    /// Share links: any text after `#/share/` reads back or is refused, never a panic; and
    /// whatever bytes a link carries come back intact.
    #[test]
    fn share_links_never_panic_and_round_trip(
        text in "[0-9A-Za-z_+/=%. -]{0,300}",
        bytes in proptest::collection::vec(any::<u8>(), 1..600),
    ) {
        let _ = alur::domain::plan_file::share::read_share_path(&text);
        let _ = alur::domain::plan_file::share::read_share_path(&format!("1/{text}"));
        let fragment = alur::domain::plan_file::share::share_fragment(&bytes);
        let rest = fragment.strip_prefix("#/share/").unwrap_or_default();
        prop_assert_eq!(alur::domain::plan_file::share::read_share_path(rest), Ok(bytes));
    }
}
