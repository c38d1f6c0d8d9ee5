//! Google Analytics 4 report and exploration CSVs: `#` comment lines with the report name,
//! account, property and `# Start date: YYYYMMDD` / `# End date: YYYYMMDD`, sections split by
//! blank lines, dates as `YYYYMMDD`, rates as fractions, a `Grand total` row in explorations.

use super::csv;
use super::dates::parse_date;
use super::table::{col, fraction, read_table, Layout, Reading};
use super::{check_size, CsvImportError, ImportPreview, Source};
use crate::domain::values::date::Date;

/// The GA4 columns Alur imports, in English and Indonesian.
pub const LAYOUT: Layout = Layout {
    source: Source::Ga4,
    date: &["date", "tanggal"],
    end: &[PERIOD_END],
    label: &[
        "session default channel group",
        "session primary channel group (default channel group)",
        "session primary channel group",
        "first user default channel group",
        "first user primary channel group (default channel group)",
        "first user primary channel group",
        "default channel group",
        "primary channel group (default channel group)",
        "grup saluran default sesi",
        "grup saluran utama sesi (grup saluran default)",
        "grup saluran utama sesi",
        // Files without a channel group are labelled by their first dimension, as before
        // breakdowns were kept (so a re-import still finds the facts it replaces).
        "session source / medium",
        "session campaign",
        "page path and screen class",
        "page title and screen class",
        "event name",
    ],
    breakdowns: &[
        (
            "source / medium",
            &[
                "session source / medium",
                "first user source / medium",
                "sumber / media sesi",
            ],
        ),
        (
            "campaign",
            &["session campaign", "campaign", "kampanye sesi"],
        ),
        (
            "page",
            &[
                "landing page",
                "landing page + query string",
                "page path and screen class",
                "page title and screen class",
                "halaman landing",
                "jalur halaman dan kelas layar",
            ],
        ),
        ("event", &["event name", "nama peristiwa"]),
        ("device", &["device category", "kategori perangkat"]),
        ("country", &["country", "negara"]),
        ("age", &["age", "usia"]),
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

/// The end column GA4's week rows get when they are read as periods (never in a file).
const PERIOD_END: &str = "alur period end";

/// How a section's time column counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TimeColumn {
    /// `Nth day`: 0000 is the report's first day.
    NthDay,
    /// `Nth week`: 0000 is the report's first seven days.
    NthWeek,
    /// `Week`: the week of the year (01 holds 1 January; weeks start on Sunday), the year
    /// only in the `#` header.
    Week,
}

fn time_column(name: &str) -> Option<TimeColumn> {
    match super::table::squash(name.trim().trim_matches('"')).as_str() {
        "nth day" | "hari ke-n" => Some(TimeColumn::NthDay),
        "nth week" | "minggu ke-n" => Some(TimeColumn::NthWeek),
        "week" | "minggu" => Some(TimeColumn::Week),
        _ => None,
    }
}

/// The days of week `n` of `year` as GA4 counts them: week 01 runs from 1 January to the
/// first Saturday, each later week from a Sunday, the last one ends on 31 December.
pub fn week_of_year(year: i32, n: u32) -> Option<(Date, Date)> {
    let jan1 = Date::new(year, 1, 1)?;
    let dec31 = Date::new(year, 12, 31)?;
    // 1970-01-01 was a Thursday: day 0 is weekday 4 counting Sunday as 0.
    let weekday = (jan1.to_days() + 4).rem_euclid(7);
    let second = jan1.add_days(7 - weekday)?;
    let (start, end) = match n {
        0 => return None,
        1 => (jan1, second.add_days(-1)?),
        _ => {
            let start = second.add_days(7 * (i64::from(n) - 2))?;
            (start, start.add_days(6)?)
        }
    };
    (start <= dec31).then_some((start, end.min(dec31)))
}

/// The days a section's time cell stands for, within its `period`.
fn time_cell(kind: TimeColumn, cell: &str, period: (Date, Date)) -> Option<(Date, Date)> {
    let n: u32 = cell.trim().parse().ok()?;
    let (start, end) = match kind {
        TimeColumn::NthDay => {
            let day = period.0.add_days(i64::from(n))?;
            (day, day)
        }
        TimeColumn::NthWeek => {
            let first = period.0.add_days(7 * i64::from(n))?;
            (first, first.add_days(6)?)
        }
        TimeColumn::Week => {
            // A report across New Year: the weeks from the first one's number on are of the
            // first year, the smaller numbers of the next.
            let first_week = (1..=54)
                .find(|w| week_of_year(period.0.year(), *w).is_some_and(|(_, e)| e >= period.0))
                .unwrap_or(1);
            let year = if period.0.year() != period.1.year() && n < first_week {
                period.1.year()
            } else {
                period.0.year()
            };
            week_of_year(year, n)?
        }
    };
    let (start, end) = (start.max(period.0), end.min(period.1));
    (start <= end && start <= period.1).then_some((start, end))
}

/// One section of a GA4 download: a header and its rows, up to a blank line, with the period
/// its own `#` lines state.
struct Section {
    header: usize,
    period: Option<(Date, Date)>,
}

/// The period stated by the `#` lines between `from` and `to` (the last pair wins).
fn section_period(csv: &csv::Csv, from: usize, to: usize) -> Option<(Date, Date)> {
    let text: String = csv
        .records
        .iter()
        .skip(from)
        .take(to.saturating_sub(from))
        .filter(|r| r.field(0).starts_with('#'))
        .map(|r| r.fields.join(",") + "\n")
        .collect();
    period(&text)
}

/// Imports a GA4 CSV: every section (a Reports snapshot holds one per card, and a comparison
/// the same card for each of two ranges), each with the period of its own `#` lines, else the
/// file's. A section with a date column dates its rows; `Nth day`, `Nth week` and `Week`
/// count from its period; any other section's rows cover its whole period. A metric that
/// several sections give for the same period (sessions by day and by channel group) is taken
/// from one of them only, the one with dates if any, so it is never counted twice.
pub fn import(text: &str) -> Result<ImportPreview, CsvImportError> {
    check_size(text)?;
    let mut csv = csv::read(text);
    let file_period = period(text);
    let is_comment = |r: &csv::Record| r.field(0).starts_with('#');
    // Rewrite time columns into dates and period ends, section by section.
    let mut sections: Vec<Section> = Vec::new();
    let mut from = 0;
    let mut previous_end = 0;
    while from < csv.records.len() {
        // A header is a record of known metrics (or a time column beside one).
        let Some(i) = (from..csv.records.len().min(from + 400)).find(|i| {
            let Some(r) = csv.records.get(*i) else {
                return false;
            };
            if is_comment(r) || r.is_blank() {
                return false;
            }
            let c = super::table::columns(r, &LAYOUT);
            c.metrics.len() >= 2
                || (!c.metrics.is_empty()
                    && (c.date.is_some()
                        || c.label.is_some()
                        || !c.breakdowns.is_empty()
                        || r.fields.iter().any(|f| time_column(f).is_some())))
        }) else {
            break;
        };
        let period = section_period(&csv, previous_end, i).or(file_period);
        if let (Some(p), Some(header)) = (period, csv.records.get(i).cloned()) {
            if let Some((col, kind)) = header
                .fields
                .iter()
                .enumerate()
                .find_map(|(j, f)| time_column(f).map(|k| (j, k)))
            {
                let width = header.fields.len();
                if let Some(h) = csv.records.get_mut(i) {
                    if let Some(cell) = h.fields.get_mut(col) {
                        *cell = "Date".to_string();
                    }
                    h.fields.push(PERIOD_END.to_string());
                }
                for r in csv.records.iter_mut().skip(i + 1) {
                    if r.is_blank() || r.field(0).starts_with('#') {
                        break;
                    }
                    let days = time_cell(kind, r.field(col), p);
                    r.fields.resize(width.max(r.fields.len()), String::new());
                    match days {
                        Some((a, b)) => {
                            if let Some(cell) = r.fields.get_mut(col) {
                                *cell = a.to_string();
                            }
                            r.fields.push(b.to_string());
                        }
                        None => r.fields.push(String::new()),
                    }
                }
            }
        }
        sections.push(Section { header: i, period });
        let end = csv
            .records
            .iter()
            .skip(i + 1)
            .position(|r| r.is_blank())
            .map_or(csv.records.len(), |n| i + 1 + n);
        previous_end = end;
        from = end + 1;
    }
    let mut preview: Option<ImportPreview> = None;
    // Which section each metric is taken from, per period: (metric, period, dated, header).
    type Taken = (String, Option<(Date, Date)>, bool, usize);
    let mut taken: Vec<Taken> = Vec::new();
    let mut readings = Vec::new();
    for section in &sections {
        let dated = csv
            .records
            .get(section.header)
            .is_some_and(|r| super::table::columns(r, &LAYOUT).date.is_some());
        if !dated && section.period.is_none() {
            continue;
        }
        let read = read_table(
            &csv,
            &Reading {
                layout: &LAYOUT,
                header: section.header,
                period: if dated { None } else { section.period },
                ignore: &is_comment,
            },
        );
        if let Ok(read) = read {
            readings.push((section, dated, read));
        }
    }
    // A metric's dated section first, else the first section that has it, per period.
    for want_dated in [true, false] {
        for (section, dated, read) in &readings {
            if *dated != want_dated {
                continue;
            }
            for metric in read.metric_ids() {
                let key_period = section.period;
                if !taken
                    .iter()
                    .any(|(m, p, _, _)| m == metric && *p == key_period)
                {
                    taken.push((metric.to_string(), key_period, *dated, section.header));
                }
            }
        }
    }
    // Each section's rows are moved into the preview, not cloned: a year of days is a lot.
    for (section, _, mut read) in readings {
        let keep = |metric: &str| {
            taken
                .iter()
                .any(|(m, p, _, h)| m == metric && *p == section.period && *h == section.header)
        };
        let rows: Vec<_> = std::mem::take(&mut read.rows)
            .into_iter()
            .filter(|r| keep(&r.metric_id))
            .collect();
        match preview.as_mut() {
            None => {
                read.rows = rows;
                preview = Some(read);
            }
            Some(p) => {
                p.rows.extend(rows);
                p.bad_rows.extend(read.bad_rows);
                p.skipped_totals.extend(read.skipped_totals);
                p.stated_totals.extend(
                    read.stated_totals
                        .into_iter()
                        .filter(|t| keep(&t.metric_id)),
                );
            }
        }
    }
    let mut preview = preview.ok_or(CsvImportError::NoHeader)?;
    let first = sections.iter().filter_map(|s| s.period).map(|p| p.0).min();
    let last = sections.iter().filter_map(|s| s.period).map(|p| p.1).max();
    preview.period = match (first, last) {
        (Some(a), Some(b)) => Some((a, b)),
        _ => super::rows_period(&preview.rows).or(file_period),
    };
    Ok(preview)
}
