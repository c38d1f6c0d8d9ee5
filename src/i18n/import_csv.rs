//! Messages for importing platform exports ([`crate::domain::analysis::importers`]): why a file cannot
//! be imported, and why a row of it was left out, in both languages.

use super::format::{format_date, DateStyle};
use super::messages::megabytes;
use super::{Lang, T};
use crate::domain::analysis::importers::xlsx::XlsxError;
use crate::domain::analysis::importers::{BadRow, CsvImportError, RowError};
use crate::domain::values::date::Date;

/// Why one row was left out, as a clause to follow "Line 12: ".
pub fn row_error(err: &RowError, lang: Lang) -> String {
    match err {
        RowError::MissingDate { column } if column.is_empty() => T::CsvRowNoDate.get(lang).into(),
        RowError::MissingDate { column } => T::CsvRowMissingDate.fill(lang, &[("column", column)]),
        RowError::BadDate { column, text } => {
            T::CsvRowBadDate.fill(lang, &[("column", column), ("text", text)])
        }
        RowError::BadNumber { column, text } => {
            T::CsvRowBadNumber.fill(lang, &[("column", column), ("text", text)])
        }
        RowError::TooFewCells { expected, found } => T::CsvRowTooFewCells.fill(
            lang,
            &[
                ("expected", &expected.to_string()),
                ("found", &found.to_string()),
            ],
        ),
        RowError::EndBeforeStart { start, end } => T::CsvRowEndBeforeStart.fill(
            lang,
            &[
                ("start", &date_text(start, lang)),
                ("end", &date_text(end, lang)),
            ],
        ),
        RowError::UnclosedQuote => T::CsvRowUnclosedQuote.get(lang).into(),
    }
}

/// A bad row as the preview lists it: `Line 12: “lots” in column “Clicks” is not a number.`
pub fn bad_row(row: &BadRow, lang: Lang) -> String {
    T::CsvLine.fill(
        lang,
        &[
            ("line", &row.line.to_string()),
            ("reason", &row_error(&row.reason, lang)),
        ],
    )
}

/// Why `file_name` cannot be imported at all.
pub fn csv_import_error(err: &CsvImportError, lang: Lang, file_name: &str) -> String {
    let file = ("file", file_name);
    match err {
        CsvImportError::Empty => T::CsvEmpty.fill(lang, &[file]),
        CsvImportError::TooLarge { size, limit } => T::CsvTooLarge.fill(
            lang,
            &[
                file,
                ("size", &megabytes(*size)),
                ("limit", &megabytes(*limit)),
            ],
        ),
        CsvImportError::NotCsv => T::CsvNotCsv.fill(lang, &[file]),
        CsvImportError::Workbook => T::CsvWorkbook.fill(lang, &[file]),
        CsvImportError::Xlsx(err) => match err {
            XlsxError::Damaged => T::XlsxDamaged.fill(lang, &[file]),
            XlsxError::NotWorkbook => T::XlsxNotWorkbook.fill(lang, &[file]),
            XlsxError::Unsupported { what } => {
                T::XlsxUnsupported.fill(lang, &[file, ("what", what)])
            }
            XlsxError::BadXml { part } => T::XlsxBadXml.fill(lang, &[file, ("part", part)]),
            XlsxError::Empty => T::XlsxEmpty.fill(lang, &[file]),
            XlsxError::TooLarge { .. } => T::XlsxTooLarge.fill(lang, &[file]),
        },
        CsvImportError::ReaderUnavailable => T::XlsxReaderUnavailable.fill(lang, &[file]),
        CsvImportError::NoHeader => T::CsvNoHeader.fill(lang, &[file]),
        CsvImportError::NoDateColumn { column } => {
            T::CsvNoDateColumn.fill(lang, &[file, ("column", column)])
        }
        CsvImportError::NoValueColumn { column } => {
            T::CsvNoValueColumn.fill(lang, &[file, ("column", column)])
        }
        CsvImportError::UnknownLayout => T::CsvUnknownLayout.fill(lang, &[file]),
        CsvImportError::NoPeriod { stated } if !stated.is_empty() => {
            T::CsvNoPeriodStated.fill(lang, &[file, ("stated", stated)])
        }
        CsvImportError::NoPeriod { .. } => T::CsvNoPeriod.fill(lang, &[file]),
        CsvImportError::NoData { said } => T::CsvNoData.fill(lang, &[file, ("said", said)]),
    }
}

fn date_text(iso: &str, lang: Lang) -> String {
    Date::parse_iso(iso).map_or_else(
        |_| iso.to_string(),
        |d| format_date(d, lang, DateStyle::Long),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: every row error has a sentence in both languages, with the cell and column.
    #[test]
    fn row_errors_in_both_languages() {
        let bad = BadRow {
            line: 6,
            reason: RowError::BadNumber {
                column: "Klik".into(),
                text: "banyak".into(),
            },
        };
        assert_eq!(
            bad_row(&bad, Lang::Id),
            "Baris 6: “banyak” di kolom “Klik” bukan angka."
        );
        assert_eq!(
            bad_row(&bad, Lang::En),
            "Line 6: “banyak” in column “Klik” is not a number."
        );
        let end = RowError::EndBeforeStart {
            start: "2024-03-31".into(),
            end: "2024-03-01".into(),
        };
        assert_eq!(
            row_error(&end, Lang::Id),
            "periodenya berakhir (1 Maret 2024) sebelum dimulai (31 Maret 2024)."
        );
        for err in [
            RowError::MissingDate {
                column: "Day".into(),
            },
            RowError::MissingDate {
                column: String::new(),
            },
            RowError::BadDate {
                column: "Day".into(),
                text: "2024-03-32".into(),
            },
            RowError::TooFewCells {
                expected: 8,
                found: 3,
            },
            RowError::UnclosedQuote,
            end,
        ] {
            let (id, en) = (row_error(&err, Lang::Id), row_error(&err, Lang::En));
            assert!(
                !id.is_empty() && id != en && !id.contains('{') && !en.contains('{'),
                "{err:?}"
            );
        }
        let few = row_error(
            &RowError::TooFewCells {
                expected: 8,
                found: 3,
            },
            Lang::En,
        );
        assert!(few.contains('3') && few.contains('8'));
    }

    // Guards: every file-level error names the file, in both languages, without placeholders left.
    #[test]
    fn import_errors_in_both_languages() {
        assert_eq!(
            csv_import_error(
                &CsvImportError::NoDateColumn {
                    column: "Tanggal".into()
                },
                Lang::Id,
                "a.csv"
            ),
            "Berkas a.csv tidak punya kolom tanggal “Tanggal”."
        );
        assert_eq!(
            csv_import_error(
                &CsvImportError::TooLarge {
                    size: 15 * 1024 * 1024,
                    limit: 10 * 1024 * 1024
                },
                Lang::En,
                "big.csv"
            ),
            "The file big.csv is 15 MB, over the 10 MB limit. Export a shorter period."
        );
        for err in [
            CsvImportError::Empty,
            CsvImportError::NotCsv,
            CsvImportError::NoHeader,
            CsvImportError::NoValueColumn {
                column: "Leads".into(),
            },
            CsvImportError::UnknownLayout,
        ] {
            let (id, en) = (
                csv_import_error(&err, Lang::Id, "x.csv"),
                csv_import_error(&err, Lang::En, "x.csv"),
            );
            assert!(
                id.contains("x.csv") && en.contains("x.csv") && id != en,
                "{err:?}"
            );
            assert!(!id.contains('{') && !en.contains('{'));
        }
    }
}
