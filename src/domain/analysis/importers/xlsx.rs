//! Excel workbooks (`.xlsx`, the default download of Meta Ads Manager and one of Google Ads'
//! choices) as the CSV text of their report, so every importer reads them as it reads the
//! platforms' CSV downloads: the same title and range lines, header, data and total rows.
//!
//! A cell is written as the CSV download writes it: a number in plain machine notation
//! (`1234.5`), a cell formatted as a percentage as one (`3.45%`: the workbook stores 0.0345), a
//! date as `YYYY-MM-DD`, an error cell (`#DIV/0!`) as nothing. The sheet read is the first
//! visible one that holds a filled cell.
//!
//! Hand-written over `calamine` for the first download's sake: calamine (through `zip` and
//! `quick-xml`'s `encoding` feature) brings encoding_rs and zlib-rs, whose tables are data
//! segments, and a wasm chunk cannot hold data segments, so they would sit in the first
//! download of every visitor (+163 KB gzip, measured). What is read here is small and fixed:
//! the zip directory ([`zip`]), and four kinds of SpreadsheetML part ([`parts`]) through
//! `quick-xml` without encodings; inflating is `miniz_oxide`'s.

mod parts;
mod zip;

use parts::{NumberKind, Value};

/// Why a workbook gives no report.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum XlsxError {
    /// Truncated or damaged: a zip directory or member that cannot be read.
    #[error("the workbook is damaged or incomplete")]
    Damaged,
    /// A zip archive, but not an Excel workbook (an OpenDocument sheet, a Word file…).
    #[error("the archive holds no Excel workbook")]
    NotWorkbook,
    /// A feature of the container this reader does not read.
    #[error("the workbook uses {what}, which is not read")]
    Unsupported {
        /// What: `ZIP64`, `encryption`, a compression method.
        what: String,
    },
    /// A part of the workbook is not well-formed XML.
    #[error("the part {part} of the workbook is not well-formed")]
    BadXml {
        /// Its path in the archive.
        part: String,
    },
    /// Every sheet is empty.
    #[error("the workbook has no filled cell")]
    Empty,
    /// A part, or the report it gives, is larger than an import may be.
    #[error("the part {part} is larger than an import may be")]
    TooLarge {
        /// The part's path in the archive, or `report` for the text it gives.
        part: String,
    },
}

/// At most this many bytes of XML per part: a sheet whose report is a CSV text at the import
/// limit takes about five times as much XML (each cell's `<c r="AB12" s="3"><v>…</v></c>`).
pub const MAX_PART_BYTES: usize = 8 * super::MAX_CSV_BYTES;

/// The CSV text of the first visible sheet with a filled cell.
pub fn workbook_text(bytes: &[u8]) -> Result<String, XlsxError> {
    let archive = zip::Archive::read(bytes)?;
    let part = |path: &str| -> Result<Option<String>, XlsxError> {
        let Some(member) = archive.member(path) else {
            return Ok(None);
        };
        let bytes = member.bytes(MAX_PART_BYTES)?;
        let text = parts::text(&bytes).map_err(|_| XlsxError::BadXml { part: path.into() })?;
        Ok(Some(text.to_string()))
    };
    let bad = |path: &str| {
        let part = path.to_string();
        move |_| XlsxError::BadXml { part }
    };
    // The package's root relationships name the workbook part; Office always puts it here.
    let root = part("_rels/.rels")?
        .map(|xml| parts::relationships(&xml, "_rels/.rels").map_err(bad("_rels/.rels")))
        .transpose()?
        .unwrap_or_default();
    let book_path = root
        .iter()
        .find(|r| r.kind == "officeDocument")
        .map_or_else(|| "xl/workbook.xml".to_string(), |r| r.path.clone());
    let Some(book_xml) = part(&book_path)? else {
        return Err(XlsxError::NotWorkbook);
    };
    let book = parts::workbook(&book_xml).map_err(bad(&book_path))?;
    let (folder, file) = book_path.rsplit_once('/').unwrap_or(("", &book_path));
    let rels_path = if folder.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{folder}/_rels/{file}.rels")
    };
    let rels = part(&rels_path)?
        .map(|xml| parts::relationships(&xml, &rels_path).map_err(bad(&rels_path)))
        .transpose()?
        .unwrap_or_default();
    let of_kind = |kind: &str| rels.iter().find(|r| r.kind == kind).map(|r| r.path.clone());
    let strings = match of_kind("sharedStrings") {
        Some(path) => part(&path)?
            .map(|xml| parts::shared_strings(&xml).map_err(bad(&path)))
            .transpose()?
            .unwrap_or_default(),
        None => Vec::new(),
    };
    // A workbook whose styles cannot be read is read without them: numbers stay plain.
    let kinds = match of_kind("styles") {
        Some(path) => part(&path)
            .ok()
            .flatten()
            .and_then(|xml| parts::number_kinds(&xml).ok())
            .unwrap_or_default(),
        None => Vec::new(),
    };
    let sheet_paths: Vec<(String, bool)> = book
        .sheets
        .iter()
        .filter_map(|s| {
            rels.iter()
                .find(|r| r.id == s.rel && r.kind == "worksheet")
                .map(|r| (r.path.clone(), s.hidden))
        })
        .collect();
    // Visible sheets first, each in the workbook's order.
    let ordered = sheet_paths
        .iter()
        .filter(|(_, hidden)| !hidden)
        .chain(sheet_paths.iter().filter(|(_, hidden)| *hidden));
    let format = Format {
        strings: &strings,
        kinds: &kinds,
        date1904: book.date1904,
    };
    for (path, _) in ordered {
        let Some(xml) = part(path)? else {
            continue;
        };
        let cells = parts::sheet_cells(&xml).map_err(bad(path))?;
        if let Some(text) = format.csv(&cells)? {
            return Ok(text);
        }
    }
    Err(XlsxError::Empty)
}

/// What a cell's text depends on beyond the cell.
struct Format<'a> {
    strings: &'a [String],
    kinds: &'a [NumberKind],
    date1904: bool,
}

impl Format<'_> {
    /// A cell as a platform's CSV download writes it.
    fn text(&self, value: &Value) -> String {
        match value {
            Value::Shared(i) => self.strings.get(*i).cloned().unwrap_or_default(),
            Value::Text(s) => s.clone(),
            Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Value::IsoDate(s) => iso_date(s),
            Value::Empty => String::new(),
            Value::Number { text, style } => {
                let Ok(x) = text.parse::<f64>() else {
                    return text.clone();
                };
                match self.kinds.get(*style).copied().unwrap_or(NumberKind::Plain) {
                    NumberKind::Plain => number(x),
                    NumberKind::Percent => format!("{}%", number(x * 100.0)),
                    // The 1904 system counts from 1904-01-01, 1,462 days after 1899-12-30.
                    NumberKind::Date if self.date1904 => serial_date(x + 1_462.0),
                    NumberKind::Date => serial_date(x),
                }
            }
        }
    }

    /// The sheet's cells as CSV text, starting at its first filled column; `None` if no cell
    /// holds anything but blanks. A run of empty rows becomes one blank line, as between the
    /// sections of a CSV download.
    fn csv(&self, cells: &[parts::Cell]) -> Result<Option<String>, XlsxError> {
        let mut filled: Vec<(u32, u32, String)> = cells
            .iter()
            .map(|c| (c.row, c.col, self.text(&c.value)))
            .filter(|(_, _, text)| !text.trim().is_empty())
            .collect();
        // Rows in order, cells in order within a row; a later duplicate of a cell wins.
        crate::domain::values::sort::sort_by_key(&mut filled, |(row, col, _)| (*row, *col));
        filled.dedup_by(|later, earlier| {
            let same = (later.0, later.1) == (earlier.0, earlier.1);
            if same {
                std::mem::swap(&mut earlier.2, &mut later.2);
            }
            same
        });
        let Some(left) = filled.iter().map(|(_, col, _)| *col).min() else {
            return Ok(None);
        };
        let mut text = String::new();
        let mut previous: Option<(u32, u32)> = None;
        for (row, col, field) in &filled {
            // Commas up to this cell: from the cell before it in the row, or from the left edge.
            let commas = match previous {
                Some((r, c)) if r == *row => col - c,
                Some((r, _)) => {
                    text.push('\n');
                    if *row > r + 1 {
                        text.push('\n');
                    }
                    col - left
                }
                None => col - left,
            };
            text.extend(std::iter::repeat_n(',', commas as usize));
            push_field(&mut text, field);
            previous = Some((*row, *col));
            if text.len() > super::MAX_CSV_BYTES {
                return Err(XlsxError::TooLarge {
                    part: "report".into(),
                });
            }
        }
        text.push('\n');
        Ok(Some(text))
    }
}

/// An ISO 8601 date cell (`2024-03-01T00:00:00`) as `YYYY-MM-DD`, with `HH:MM` when it has a
/// time of day.
fn iso_date(s: &str) -> String {
    let (date, time) = s.split_once('T').unwrap_or((s, ""));
    let time = time.get(..5).unwrap_or("");
    if time.is_empty() || time == "00:00" {
        date.to_string()
    } else {
        format!("{date} {time}")
    }
}

/// A number in plain notation, without the binary noise of a ×100 (3.4499999999999997 → 3.45):
/// fifteen significant digits, as many as Excel itself shows.
fn number(x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let rounded: f64 = format!("{x:.14e}").parse().unwrap_or(x);
    if rounded == rounded.trunc() && rounded.abs() < 1e15 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded}")
    }
}

/// An Excel date serial (days since 1899-12-30, the 1900 date system) as `YYYY-MM-DD`, with
/// `HH:MM` when it has a time of day.
fn serial_date(serial: f64) -> String {
    if !serial.is_finite() || !(0.0..3_000_000.0).contains(&serial) {
        return String::new();
    }
    let days = serial.floor() as i64;
    let minutes = ((serial - serial.floor()) * 1440.0).round() as i64;
    // 1899-12-30 is 25,569 days before 1970-01-01.
    let Some(date) = crate::domain::values::date::Date::from_days(days - 25_569) else {
        return String::new();
    };
    if minutes == 0 || minutes == 1440 {
        date.to_string()
    } else {
        format!("{date} {:02}:{:02}", minutes / 60, minutes % 60)
    }
}

/// Appends a CSV field, quoted when it holds a comma, a quote or a line break.
fn push_field(text: &mut String, field: &str) {
    if field.contains([',', '"', '\n', '\r']) {
        text.push('"');
        text.push_str(&field.replace('"', "\"\""));
        text.push('"');
    } else {
        text.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::parts::Cell;
    use super::*;

    #[test]
    fn serials_are_the_dates_excel_shows() {
        // Guards: date cells. 45931 is 2025-10-01 in Excel (1900 system): 2025-10-01 is 20,362
        // days after 1970-01-01, plus 25,569 days from 1899-12-30.
        assert_eq!(serial_date(45_931.0), "2025-10-01");
        assert_eq!(serial_date(46_054.0), "2026-02-01");
        // Leap day: 2024-02-29 = 45351.
        assert_eq!(serial_date(45_351.0), "2024-02-29");
        assert_eq!(serial_date(45_931.5), "2025-10-01 12:00");
        assert_eq!(serial_date(f64::NAN), "");
        assert_eq!(iso_date("2024-03-01T00:00:00"), "2024-03-01");
        assert_eq!(iso_date("2024-03-01T13:30:00Z"), "2024-03-01 13:30");
    }

    #[test]
    fn numbers_are_written_as_csv_downloads_write_them() {
        // Guards: no binary noise from the ×100 of a percentage, and no digits lost from
        // Meta's eight-decimal spends.
        assert_eq!(number(1_234.0), "1234");
        assert_eq!(number(1_234.5), "1234.5");
        // 0.0345 × 100 is 3.4499999999999997 in binary floating point.
        assert_eq!(number(0.0345 * 100.0), "3.45");
        assert_eq!(number(230.01001), "230.01001");
        assert_eq!(number(12_345.678_901_23), "12345.67890123");
        let f = Format {
            strings: &[],
            kinds: &[NumberKind::Plain, NumberKind::Percent, NumberKind::Date],
            date1904: false,
        };
        let n = |text: &str, style| Value::Number {
            text: text.into(),
            style,
        };
        assert_eq!(f.text(&n("0.0345", 1)), "3.45%");
        assert_eq!(f.text(&n("1", 1)), "100%");
        assert_eq!(f.text(&n("45352", 2)), "2024-03-01");
        // A style index past the table reads as plain, never a panic.
        assert_eq!(f.text(&n("7", 99)), "7");
        assert_eq!(f.text(&Value::Shared(5)), "");
        // 1904 system: serial 43890 is 2024-03-01 (45352 − 1,462).
        let mac = Format {
            date1904: true,
            ..f
        };
        assert_eq!(mac.text(&n("43890", 2)), "2024-03-01");
    }

    #[test]
    fn a_sheet_is_written_from_its_first_filled_column_with_one_blank_line_per_gap() {
        // Guards: a report placed at B2, a gap of empty rows between two sections, a missing
        // cell inside a row, a comma inside a header.
        let cell = |row, col, s: &str| Cell {
            row,
            col,
            value: Value::Text(s.into()),
        };
        let cells = [
            cell(1, 1, "Campaign report"),
            cell(2, 1, "Campaign"),
            cell(2, 2, "CPM (cost per 1,000 impressions) (USD)"),
            cell(2, 3, "Cost"),
            cell(3, 1, "A"),
            cell(3, 3, "5"),
            cell(3, 2, " "),
            cell(7, 2, "Total"),
        ];
        let f = Format {
            strings: &[],
            kinds: &[],
            date1904: false,
        };
        assert_eq!(
            f.csv(&cells).unwrap().unwrap(),
            "Campaign report\nCampaign,\"CPM (cost per 1,000 impressions) (USD)\",Cost\nA,,5\n\n,Total\n"
        );
        assert_eq!(f.csv(&[cell(0, 0, "  ")]).unwrap(), None);
    }

    #[test]
    fn what_is_not_a_workbook_is_refused_not_a_panic() {
        // Guards: a file that starts like a zip but is not one.
        assert_eq!(
            workbook_text(b"PK\x03\x04 not really a zip"),
            Err(XlsxError::Damaged)
        );
        assert_eq!(workbook_text(b""), Err(XlsxError::Damaged));
    }
}
