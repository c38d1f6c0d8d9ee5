//! Importing measurements from marketing-platform exports: Google Analytics 4, Google Ads,
//! Meta Ads Manager, Mailchimp and Klaviyo campaign reports, and any CSV with a column
//! mapping. Every importer returns the same [`ImportPreview`]: the rows it understood, with
//! metric ids from [`crate::domain::model::kpi_library`] where one exists, and the rows it could not
//! read with their line numbers, so the UI can show both before anything is saved.
//!
//! The importers share one engine ([`table`]): find the header row, map known column names to
//! metrics, skip total rows, read each cell as a number in the file's own locale.

// Input path: a panic here kills the app, so indexing that could go out of bounds is refused.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

pub mod csv;
pub mod dates;
pub mod email;
pub mod ga4;
pub mod generic;
pub mod google_ads;
pub mod meta_ads;
pub mod numbers;
pub mod table;
pub mod xlsx;

use crate::domain::values::date::Date;

pub use generic::{import_generic, ColumnMapping, DateFormat};

/// The largest export the importers read: 10 MB is a year of daily rows for hundreds of
/// campaigns, and keeps a wrong file from freezing the tab.
pub const MAX_CSV_BYTES: usize = 10 * 1024 * 1024;

/// Which platform an export comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    /// A Google Analytics 4 report or exploration.
    Ga4,
    /// A Google Ads report.
    GoogleAds,
    /// A Meta (Facebook, Instagram) Ads Manager export.
    MetaAds,
    /// A Mailchimp campaign report.
    Mailchimp,
    /// A Klaviyo campaign report.
    Klaviyo,
    /// Any other CSV: it needs a [`ColumnMapping`].
    Generic,
}

impl Source {
    /// The platform's name as its users know it; also stored as the source of its facts
    /// ([`crate::domain::model::plan::FactSeries::source`]).
    pub fn label(self) -> &'static str {
        match self {
            Source::Ga4 => "Google Analytics 4",
            Source::GoogleAds => "Google Ads",
            Source::MetaAds => "Meta Ads Manager",
            Source::Mailchimp => "Mailchimp",
            Source::Klaviyo => "Klaviyo",
            Source::Generic => "CSV",
        }
    }
}

/// One value read from a file: a metric on a day (or over a period).
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The line of the file it comes from, from 1.
    pub line: usize,
    /// The day, or the first day of the period.
    pub date: Date,
    /// The last day of the period, when the value covers more than one day.
    pub end: Option<Date>,
    /// The metric: a [`crate::domain::model::kpi_library`] id (`ctr`, `cpc`, `sessions`…) or a raw
    /// input id (`clicks`, `impressions`, `cost`…).
    pub metric_id: String,
    /// The value; percentages are in percent (36.12, not 0.3612), money in the file's currency.
    pub value: f64,
    /// The campaign, channel group or email the row belongs to, or empty.
    pub label: String,
    /// Finer breakdowns of the row beside its label, dimension → value (`ad group`, `age`,
    /// `placement`…), in the file's column order.
    pub breakdown: Vec<(&'static str, String)>,
}

impl Row {
    /// The label and breakdown values, as the preview shows them: `Batik Tulis · 25-34`.
    pub fn label_text(&self) -> String {
        std::iter::once(self.label.as_str())
            .chain(self.breakdown.iter().map(|(_, v)| v.as_str()))
            .filter(|v| !v.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// Why one row of a file was not imported.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RowError {
    /// The date cell is empty.
    #[error("the date in column '{column}' is empty")]
    MissingDate {
        /// The column's header.
        column: String,
    },
    /// The date cell is not a date.
    #[error("'{text}' in column '{column}' is not a date")]
    BadDate {
        /// The column's header.
        column: String,
        /// The cell, as written.
        text: String,
    },
    /// A number cell is not a number.
    #[error("'{text}' in column '{column}' is not a number")]
    BadNumber {
        /// The column's header.
        column: String,
        /// The cell, as written.
        text: String,
    },
    /// The row has fewer cells than the header.
    #[error("the row has {found} cells where the header has {expected}")]
    TooFewCells {
        /// Cells in the header.
        expected: usize,
        /// Cells in the row.
        found: usize,
    },
    /// A period that ends before it starts.
    #[error("the period ends ({end}) before it starts ({start})")]
    EndBeforeStart {
        /// The start, `YYYY-MM-DD`.
        start: String,
        /// The end, `YYYY-MM-DD`.
        end: String,
    },
    /// A quote opened on this line is never closed, so the rest of the file is one cell.
    #[error("a quote opened on this line is never closed")]
    UnclosedQuote,
}

/// A row that was not imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRow {
    /// The line, from 1.
    pub line: usize,
    /// Why.
    pub reason: RowError,
}

/// What an import found, for the user to check before saving.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    /// The platform.
    pub source: Source,
    /// The reporting period the file states, or else the first and last dates of its rows.
    pub period: Option<(Date, Date)>,
    /// The values read, in file order (rates derived from counts, as for email, come last).
    pub rows: Vec<Row>,
    /// The rows that could not be read.
    pub bad_rows: Vec<BadRow>,
    /// The lines of total rows, skipped on purpose (`Grand total`, `Total: Account`…).
    pub skipped_totals: Vec<usize>,
    /// The currency of money values, when the file says (`Amount spent (IDR)`, `Currency code`).
    pub currency: Option<String>,
    /// The figures of the total rows, as the file states them, to cross-check the rows with.
    pub stated_totals: Vec<StatedTotal>,
    /// What the reader left out on purpose, or could not be sure of, for the preview to say.
    pub notes: Vec<Note>,
}

/// One figure of a total row (`Total: Account`, Meta's summary row, GA4's `Grand total`).
#[derive(Clone, Debug, PartialEq)]
pub struct StatedTotal {
    /// The line of the file.
    pub line: usize,
    /// The row's label as written (`Total: Account`), empty for Meta's summary row.
    pub label: String,
    /// The metric.
    pub metric_id: String,
    /// The figure.
    pub value: f64,
}

/// Something the preview tells the user about how a file was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// Meta's `Results` column counts different things on different rows (purchases on one,
    /// link clicks on another): it is not imported as one figure.
    MixedResults {
        /// The result types found, as the file names them.
        kinds: Vec<String>,
    },
}

/// A file's total row against the sum of its data rows, for one additive metric.
#[derive(Clone, Debug, PartialEq)]
pub struct TotalCheck {
    /// The total row's label (`Total: Account`; empty for Meta's summary row).
    pub label: String,
    /// The metric.
    pub metric_id: String,
    /// What the total row says.
    pub stated: f64,
    /// What the data rows add up to.
    pub rows: f64,
}

impl TotalCheck {
    /// True when the two differ by more than the file's rounding (a cent, or a millionth).
    pub fn differs(&self) -> bool {
        (self.stated - self.rows).abs() > 0.01_f64.max(self.stated.abs() * 1e-6)
    }
}

/// Each additive metric's largest stated total (the account's, when a file has one per
/// campaign type too) against the sum of the data rows. Ratios and people counts (reach,
/// users) are not checked: their totals are not sums.
pub fn total_checks(preview: &ImportPreview) -> Vec<TotalCheck> {
    use crate::domain::analysis::facts::{additivity, Additivity};
    let mut out: Vec<TotalCheck> = Vec::new();
    for t in &preview.stated_totals {
        let additive = crate::domain::model::kpi_library::input_of(&t.metric_id)
            .is_some_and(|i| additivity(i) == Additivity::Additive);
        if !additive || !t.value.is_finite() {
            continue;
        }
        match out.iter_mut().find(|c| c.metric_id == t.metric_id) {
            Some(c) if c.stated >= t.value => {}
            Some(c) => {
                c.stated = t.value;
                c.label = t.label.clone();
            }
            None => out.push(TotalCheck {
                label: t.label.clone(),
                metric_id: t.metric_id.clone(),
                stated: t.value,
                rows: preview
                    .rows_of(&t.metric_id)
                    .map(|r| r.value)
                    .filter(|v| v.is_finite())
                    .sum(),
            }),
        }
    }
    out
}

impl ImportPreview {
    /// The distinct metric ids of the rows, in order of first appearance.
    pub fn metric_ids(&self) -> Vec<&str> {
        self.metric_counts().into_iter().map(|(id, _)| id).collect()
    }

    /// How many rows each metric has, in the order of [`Self::metric_ids`]: one pass over the
    /// rows (a large export has hundreds of thousands).
    pub fn metric_counts(&self) -> Vec<(&str, usize)> {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        let mut at: std::collections::BTreeMap<&str, usize> = Default::default();
        for row in &self.rows {
            let id = row.metric_id.as_str();
            match at.get(id).and_then(|&i| counts.get_mut(i)) {
                Some((_, n)) => *n += 1,
                None => {
                    at.insert(id, counts.len());
                    counts.push((id, 1));
                }
            }
        }
        counts
    }

    /// The rows of one metric.
    pub fn rows_of<'a>(&'a self, metric_id: &'a str) -> impl Iterator<Item = &'a Row> + 'a {
        self.rows.iter().filter(move |r| r.metric_id == metric_id)
    }
}

/// Why a file cannot be imported at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CsvImportError {
    /// Nothing, or only white space.
    #[error("the file is empty")]
    Empty,
    /// Over [`MAX_CSV_BYTES`].
    #[error("the file is {size} bytes, over the limit of {limit}")]
    TooLarge {
        /// Size in bytes.
        size: usize,
        /// Limit in bytes.
        limit: usize,
    },
    /// Binary data (an image, a PDF…).
    #[error("the file is not a CSV text")]
    NotCsv,
    /// A workbook: a zip archive (`.xlsx`), which goes to [`xlsx::workbook_text`] instead, or
    /// the legacy binary `.xls`, which is not read.
    #[error("the file is an Excel workbook, not a CSV text")]
    Workbook,
    /// An `.xlsx` workbook that gives no report.
    #[error("{0}")]
    Xlsx(xlsx::XlsxError),
    /// The workbook reader's code could not be fetched (offline before it was ever used).
    #[error("the workbook reader could not be loaded")]
    ReaderUnavailable,
    /// No row looks like the header of the expected layout.
    #[error("no header row with known columns was found")]
    NoHeader,
    /// The mapping's date column is not in the header.
    #[error("there is no date column '{column}'")]
    NoDateColumn {
        /// The column looked for.
        column: String,
    },
    /// The mapping's value column is not in the header.
    #[error("there is no value column '{column}'")]
    NoValueColumn {
        /// The column looked for.
        column: String,
    },
    /// The layout is not one of the platforms known; a column mapping is needed.
    #[error("the layout of the file is not known")]
    UnknownLayout,
    /// A report without a date column whose period the file does not state as dates ("All
    /// time", or no range line): the user gives it ([`import_for_period`]).
    #[error("the report does not say which days it covers ({stated})")]
    NoPeriod {
        /// What the file says instead (`All time`), or empty.
        stated: String,
    },
    /// The platform exported a report without rows ("No data available.").
    #[error("the report holds no data: {said}")]
    NoData {
        /// What the file says, cut short.
        said: String,
    },
}

/// What the platforms write in a report that has no rows, in their UIs' languages.
const NO_DATA: [&str; 5] = [
    "no data available",
    "no data",
    "tidak ada data",
    "tidak ada data yang tersedia",
    "data tidak tersedia",
];

/// The file's words when it is a report without rows: every line that is not a comment, a
/// title or empty is one of [`NO_DATA`] (Meta's "No data available.").
fn says_no_data(text: &str) -> Option<String> {
    let lines: Vec<&str> = csv::strip_bom(text)
        .lines()
        .map(|l| {
            l.trim()
                .trim_matches(|c| c == '"' || c == ',' || c == ';' || c == '\t')
        })
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        // Four lines are enough to know: a report of rows is never "no data".
        .take(4)
        .collect();
    if lines.len() > 3 {
        return None;
    }
    let said = lines.iter().find(|l| {
        let lower = l.trim_end_matches('.').trim().to_lowercase();
        NO_DATA.contains(&lower.as_str())
    })?;
    // A title line or a header may stand beside it, never rows of numbers.
    let numbers = lines
        .iter()
        .filter(|l| l.chars().filter(char::is_ascii_digit).count() >= 3)
        .count();
    (numbers == 0).then(|| table::shorten(said))
}

/// [`import`] for a report whose rows carry no dates and whose file states no period (a
/// Google Ads report over "All time"): its rows cover `period`.
pub fn import_for_period(
    text: &str,
    period: (Date, Date),
) -> Result<ImportPreview, CsvImportError> {
    check_size(text)?;
    let mut preview = match guess_source(text) {
        Source::GoogleAds => google_ads::import_with(text, Some(period)),
        _ => import(text),
    }?;
    add_derived(&mut preview, |_| true);
    Ok(preview)
}

/// Text from the bytes of a file: UTF-8 (BOM dropped) or UTF-16 with a BOM (Google Ads'
/// "Excel CSV"). Invalid UTF-8 is read lossily, since a legacy-encoded campaign name must
/// not block the numbers beside it; NUL bytes mean binary and are refused.
pub fn decode(bytes: &[u8]) -> Result<String, CsvImportError> {
    if bytes.len() > MAX_CSV_BYTES {
        return Err(CsvImportError::TooLarge {
            size: bytes.len(),
            limit: MAX_CSV_BYTES,
        });
    }
    let utf16 = |le: bool| {
        let units: Vec<u16> = bytes
            .get(2..)
            .unwrap_or(&[])
            .chunks_exact(2)
            .map(|p| match p {
                [a, b] if le => u16::from_le_bytes([*a, *b]),
                [a, b] => u16::from_be_bytes([*a, *b]),
                _ => 0,
            })
            .collect();
        String::from_utf16(&units).map_err(|_| CsvImportError::NotCsv)
    };
    let text = match bytes {
        // A zip archive: an .xlsx (or .ods) workbook.
        [b'P', b'K', 3, 4, ..] => return Err(CsvImportError::Workbook),
        // The legacy binary .xls (an OLE compound file).
        [0xD0, 0xCF, 0x11, 0xE0, ..] => return Err(CsvImportError::Workbook),
        [0xFF, 0xFE, ..] => utf16(true)?,
        [0xFE, 0xFF, ..] => utf16(false)?,
        _ => String::from_utf8_lossy(bytes).into_owned(),
    };
    if text.contains('\0') {
        return Err(CsvImportError::NotCsv);
    }
    let text = csv::strip_bom(&text).to_string();
    if text.trim().is_empty() {
        return Err(CsvImportError::Empty);
    }
    Ok(text)
}

/// A Google Ads header in the words its Indonesian or English UI writes without the
/// abbreviations above: a campaign column beside both impressions and clicks in the same
/// language (`Kampanye … Tayangan … Klik`).
fn google_ads_header(lower: &str) -> bool {
    lower.lines().take(40).any(|line| {
        let cells: Vec<String> = line
            .split([',', ';', '\t'])
            .map(|c| table::squash(c.trim().trim_matches('"')))
            .collect();
        let has = |names: &[&str]| cells.iter().any(|c| names.contains(&c.as_str()));
        (has(&["kampanye"]) && has(&["tayangan"]) && has(&["klik"]) && has(&["biaya"]))
            || (has(&["campaign"])
                && has(&["impressions"])
                && has(&["clicks"])
                && has(&["cost"])
                && has(&["currency code"]))
    })
}

/// Which platform `text` comes from, by its header comments and column names.
pub fn guess_source(text: &str) -> Source {
    let text = csv::strip_bom(text);
    let head: String = text.lines().take(40).collect::<Vec<_>>().join("\n");
    let lower = head.to_lowercase();
    if text.trim_start().starts_with('#')
        && (lower.contains("# start date:") || lower.contains("# tanggal mulai:"))
    {
        return Source::Ga4;
    }
    if lower.contains("reporting starts")
        || lower.contains("awal pelaporan")
        || lower.contains("amount spent (")
        || lower.contains("jumlah yang dibelanjakan")
    {
        return Source::MetaAds;
    }
    let squashed = table::squash(&lower);
    if [
        "impr.",
        "avg. cpc",
        "cost/conv.",
        "cpc rata-rata",
        "bpk rata-rata",
        "biaya/konv.",
        "interaction rate",
        "rasio interaksi,",
    ]
    .iter()
    .any(|marker| squashed.contains(marker))
        || google_ads_header(&squashed)
    {
        return Source::GoogleAds;
    }
    if lower.contains("send time") && lower.contains("campaign name") {
        return Source::Klaviyo;
    }
    if lower.contains("send date") && lower.contains("total recipients") {
        return Source::Mailchimp;
    }
    if lower.contains("session default channel group")
        || lower.contains("engaged sessions")
        || (lower.contains("engagement rate") && lower.contains("sessions"))
    {
        return Source::Ga4;
    }
    Source::Generic
}

/// Imports a platform export, recognising its layout. A file of no known layout is
/// [`CsvImportError::UnknownLayout`]: ask for a [`ColumnMapping`] and call [`import_generic`].
/// The ratios a file did not carry are derived from its raw columns ([`add_derived`]).
pub fn import(text: &str) -> Result<ImportPreview, CsvImportError> {
    check_size(text)?;
    if let Some(said) = says_no_data(text) {
        return Err(CsvImportError::NoData { said });
    }
    let mut preview = match guess_source(text) {
        Source::Ga4 => ga4::import(text),
        Source::GoogleAds => google_ads::import(text),
        Source::MetaAds => meta_ads::import(text),
        Source::Mailchimp => email::import(text, Source::Mailchimp),
        Source::Klaviyo => email::import(text, Source::Klaviyo),
        Source::Generic => Err(CsvImportError::UnknownLayout),
    }?;
    add_derived(&mut preview, |_| true);
    Ok(preview)
}

/// Adds, for each line of the file, the library's ratio metrics that can be computed from the
/// raw values on that line (CTR from clicks and impressions, CPC, CPA, CPM, ROAS, ROI,
/// conversion rate, open and click rates…) and that `wanted` accepts, unless the line already
/// has that metric: what the platform wrote is kept over what Alur would compute.
pub fn add_derived(preview: &mut ImportPreview, wanted: impl Fn(&str) -> bool) {
    // Each line's values together (stable: file order within a line), derived ones after them.
    // The rows are moved, not cloned: a large export has hundreds of thousands.
    let mut rows = std::mem::take(&mut preview.rows);
    crate::domain::values::sort::sort_by_key(&mut rows, |r| r.line);
    preview.rows.reserve(rows.len());
    let mut rows = rows.into_iter().peekable();
    let mut line: Vec<Row> = Vec::new();
    while let Some(first) = rows.next() {
        let number = first.line;
        line.push(first);
        while let Some(row) = rows.next_if(|r| r.line == number) {
            line.push(row);
        }
        let values: Vec<(&str, f64)> = line
            .iter()
            .map(|r| (r.metric_id.as_str(), r.value))
            .collect();
        let derived: Vec<(&'static str, f64)> =
            crate::domain::analysis::kpis::derived_metrics(&values)
                .into_iter()
                .filter(|(id, _)| wanted(id) && !line.iter().any(|r| r.metric_id == *id))
                .collect();
        // Derived rows take the line's first row for their date, label and breakdown.
        let first = preview.rows.len();
        preview.rows.append(&mut line);
        for (id, value) in derived {
            let Some(base) = preview.rows.get(first) else {
                break;
            };
            let row = Row {
                metric_id: id.to_string(),
                value,
                ..base.clone()
            };
            preview.rows.push(row);
        }
    }
}

/// Refuses empty and oversized text before any parsing.
pub(crate) fn check_size(text: &str) -> Result<(), CsvImportError> {
    if text.len() > MAX_CSV_BYTES {
        return Err(CsvImportError::TooLarge {
            size: text.len(),
            limit: MAX_CSV_BYTES,
        });
    }
    if csv::strip_bom(text).trim().is_empty() {
        return Err(CsvImportError::Empty);
    }
    if text.contains('\0') {
        return Err(CsvImportError::NotCsv);
    }
    Ok(())
}

/// The first and last day covered by `rows`, or `None` without rows.
pub(crate) fn rows_period(rows: &[Row]) -> Option<(Date, Date)> {
    let first = rows.iter().map(|r| r.date).min()?;
    let last = rows.iter().map(|r| r.end.unwrap_or(r.date)).max()?;
    Some((first, last))
}
