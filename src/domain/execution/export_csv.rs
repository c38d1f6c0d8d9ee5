//! CSV exports of the measurement and spend logs, for spreadsheets and for the report's readers.
//! The file follows the user's spreadsheet conventions: in Indonesian, `;` between fields and a
//! decimal comma (what Excel and Google Sheets expect in an Indonesian locale); in English, `,`
//! and a decimal point. Dates are ISO (`2026-03-01`), which both read as dates. A UTF-8 byte
//! order mark tells Excel the encoding, and text that a spreadsheet would run as a formula is
//! defused. Alur's own generic CSV import reads these files back.

use crate::domain::model::plan::{Channel, Plan};
use crate::domain::values::date::Date;

/// One field of a row.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Free text, written as is (quoted when needed, formulas defused).
    Text(String),
    /// A number, written without thousands separators.
    Number(f64),
    /// A date, written as ISO `yyyy-mm-dd`.
    Date(Date),
    /// Nothing.
    Empty,
}

/// Field separator and decimal mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CsvStyle {
    /// Between fields.
    pub separator: char,
    /// A decimal comma instead of a point.
    pub decimal_comma: bool,
}

impl CsvStyle {
    /// `;` and a decimal comma: Indonesian (and most of continental Europe's) spreadsheets.
    pub const SEMICOLON: CsvStyle = CsvStyle {
        separator: ';',
        decimal_comma: true,
    };
    /// `,` and a decimal point: English-language spreadsheets.
    pub const COMMA: CsvStyle = CsvStyle {
        separator: ',',
        decimal_comma: false,
    };
}

/// A number as a spreadsheet reads it: no exponent, no thousands separators, at most six
/// decimals; nothing for a value that is not finite.
fn number_text(value: f64, style: CsvStyle) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let rounded = (value * 1e6).round() / 1e6;
    // Past about 1e302 the scaling overflows; such a value has no decimals to round anyway.
    let rounded = if rounded.is_finite() { rounded } else { value };
    // `{}` of an f64 never uses an exponent, and gives the shortest text that reads back.
    // Zero is written plainly, never `-0`.
    let text = if rounded == 0.0 {
        "0".to_string()
    } else {
        format!("{rounded}")
    };
    if style.decimal_comma {
        text.replace('.', ",")
    } else {
        text
    }
}

/// Text that starts like a formula (`=`, `+`, `-`, `@`, tab, carriage return) gets a leading
/// apostrophe, so opening the file never runs what someone typed (CSV injection).
fn defuse(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

fn field(cell: &Cell, style: CsvStyle) -> String {
    let text = match cell {
        Cell::Text(t) => defuse(t),
        Cell::Number(n) => number_text(*n, style),
        Cell::Date(d) => d.to_string(),
        Cell::Empty => String::new(),
    };
    if text.contains([style.separator, '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The whole file: a byte order mark, the header, then one line per row, CRLF line ends (RFC
/// 4180, and what Excel writes).
pub fn write_csv(header: &[&str], rows: &[Vec<Cell>], style: CsvStyle) -> String {
    let mut out = String::from("\u{feff}");
    let line = |cells: Vec<String>| cells.join(&style.separator.to_string()) + "\r\n";
    out.push_str(&line(
        header
            .iter()
            .map(|h| field(&Cell::Text((*h).to_string()), style))
            .collect(),
    ));
    for row in rows {
        out.push_str(&line(row.iter().map(|c| field(c, style)).collect()));
    }
    out
}

/// The measurement log, oldest first: date, end of period, KPI id, KPI name (from `kpi_name`),
/// unit, value, source, note. Measurements of a KPI no longer in the plan keep their id.
pub fn measurement_rows(plan: &Plan, kpi_name: impl Fn(&str) -> String) -> Vec<Vec<Cell>> {
    let mut list: Vec<_> = plan.measurements.iter().collect();
    crate::domain::values::sort::sort_by(&mut list, |a, b| {
        a.date.cmp(&b.date).then_with(|| a.kpi.cmp(&b.kpi))
    });
    list.into_iter()
        .map(|m| {
            let unit = plan
                .kpis
                .iter()
                .find(|k| k.id == m.kpi)
                .map_or_else(String::new, |k| k.unit.as_str().to_string());
            vec![
                Cell::Date(m.date),
                m.end.map_or(Cell::Empty, Cell::Date),
                Cell::Text(m.kpi.clone()),
                Cell::Text(kpi_name(&m.kpi)),
                Cell::Text(unit),
                Cell::Number(m.value),
                Cell::Text(m.source.clone()),
                Cell::Text(m.note.clone()),
            ]
        })
        .collect()
}

/// The spend log, oldest first: date, channel (from `channel_name`), amount, currency, note.
pub fn spend_rows(plan: &Plan, channel_name: impl Fn(&Channel) -> String) -> Vec<Vec<Cell>> {
    let mut list: Vec<_> = plan.spend.iter().collect();
    crate::domain::values::sort::sort_by_key(&mut list, |s| s.date);
    list.into_iter()
        .map(|s| {
            vec![
                Cell::Date(s.date),
                Cell::Text(channel_name(&s.channel)),
                Cell::Number(s.amount),
                Cell::Text(plan.currency.clone()),
                Cell::Text(s.note.clone()),
            ]
        })
        .collect()
}

/// The download name: `<plan export name without .alur.json>-<what>.csv`.
pub fn csv_file_name(plan_name: &str, what: &str, today: Date) -> String {
    let base = crate::domain::plan_file::import::export_file_name(plan_name, today);
    let base = base.trim_end_matches(".alur.json");
    format!("{base}-{what}.csv")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::plan::{Kpi, Measurement, SpendEntry};

    fn date(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    fn plan() -> Plan {
        let mut p = Plan::blank("p1", "Kampanye Q1", 0);
        p.kpis.push(Kpi {
            id: "k1".into(),
            name: "Leads".into(),
            unit: "count".parse().unwrap(),
            ..Kpi::default()
        });
        for (id, d, v, note) in [
            ("m2", "2026-02-01", 1234.5, "=HYPERLINK(\"http://x\")"),
            ("m1", "2026-01-01", 0.25, "kata \"kutip\"; dan koma, juga"),
        ] {
            p.measurements.push(Measurement {
                id: id.into(),
                kpi: "k1".into(),
                date: date(d),
                end: None,
                value: v,
                source: "GA4".into(),
                note: note.into(),
                import: String::new(),
            });
        }
        p.spend.push(SpendEntry {
            id: "s1".into(),
            channel: Channel::Seo,
            date: date("2026-01-05"),
            amount: 1_500_000.0,
            note: String::new(),
        });
        p
    }

    #[test]
    fn indonesian_files_use_semicolons_and_decimal_commas() {
        let p = plan();
        let rows = measurement_rows(&p, |_| "Prospek".into());
        let text = write_csv(
            &["Tanggal", "Akhir", "a", "b", "c", "Nilai", "d", "e"],
            &rows,
            CsvStyle::SEMICOLON,
        );
        assert!(text.starts_with('\u{feff}'));
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "Tanggal;Akhir;a;b;c;Nilai;d;e");
        // Oldest first; the note with `;` and quotes is quoted, its quotes doubled.
        assert_eq!(
            lines[1],
            "2026-01-01;;k1;Prospek;count;0,25;GA4;\"kata \"\"kutip\"\"; dan koma, juga\""
        );
        // A formula is defused with an apostrophe (and quoted for its quotes).
        assert_eq!(
            lines[2],
            "2026-02-01;;k1;Prospek;count;1234,5;GA4;\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(lines[3], "");
    }

    #[test]
    fn english_files_use_commas_and_decimal_points() {
        let p = plan();
        let rows = spend_rows(&p, |_| "SEO".into());
        let text = write_csv(
            &["Date", "Channel", "Amount", "Currency", "Note"],
            &rows,
            CsvStyle::COMMA,
        );
        assert_eq!(
            text,
            "\u{feff}Date,Channel,Amount,Currency,Note\r\n2026-01-05,SEO,1500000,IDR,\r\n"
        );
    }

    #[test]
    fn numbers_never_use_exponents_or_separators() {
        assert_eq!(number_text(1e15, CsvStyle::COMMA), "1000000000000000");
        assert_eq!(number_text(-0.000_000_1, CsvStyle::COMMA), "0");
        assert_eq!(number_text(-2.5, CsvStyle::SEMICOLON), "-2,5");
        assert_eq!(number_text(1.0 / 3.0, CsvStyle::COMMA), "0.333333");
        assert_eq!(number_text(f64::MAX, CsvStyle::COMMA).len(), 309);
        assert_eq!(number_text(f64::NAN, CsvStyle::COMMA), "");
        assert_eq!(number_text(f64::INFINITY, CsvStyle::COMMA), "");
    }

    #[test]
    fn only_text_that_looks_like_a_formula_is_defused() {
        for bad in ["=1+1", "+62 812", "-5", "@SUM(A1)", "\tx"] {
            assert!(defuse(bad).starts_with('\''), "{bad:?}");
        }
        for fine in ["Instagram", "62 812", "", "a=b"] {
            assert_eq!(defuse(fine), fine);
        }
        // Negative numbers stay numbers: only text cells are defused.
        assert_eq!(field(&Cell::Number(-5.0), CsvStyle::COMMA), "-5");
    }

    #[test]
    fn an_exported_file_reads_back_through_the_generic_importer() {
        // What Alur writes, Alur (and so a spreadsheet) reads back: same dates, same numbers,
        // in both styles, with the awkward note in the way.
        use crate::domain::analysis::importers::generic::{
            import_generic, ColumnMapping, DateFormat,
        };
        use crate::domain::values::decimal::DecimalStyle;
        let p = plan();
        let rows = measurement_rows(&p, |_| "Leads".into());
        let header = [
            "date", "end", "kpi", "name", "unit", "value", "source", "note",
        ];
        for (style, decimal) in [
            (CsvStyle::SEMICOLON, DecimalStyle::Comma),
            (CsvStyle::COMMA, DecimalStyle::Point),
        ] {
            let text = write_csv(&header, &rows, style);
            let mapping = ColumnMapping {
                date_column: "date".into(),
                value_column: "value".into(),
                metric_id: "leads".into(),
                date_format: DateFormat::Auto,
                decimal,
            };
            let preview = import_generic(&text, &mapping).unwrap();
            assert!(
                preview.bad_rows.is_empty(),
                "{style:?}: {:?}",
                preview.bad_rows
            );
            let got: Vec<(Date, f64)> = preview.rows.iter().map(|r| (r.date, r.value)).collect();
            assert_eq!(
                got,
                vec![(date("2026-01-01"), 0.25), (date("2026-02-01"), 1234.5)]
            );
        }
    }

    #[test]
    fn file_names_follow_the_plan_export_name() {
        assert_eq!(
            csv_file_name("Kampanye Q1", "measurements", date("2026-11-28")),
            "kampanye-q1-2026-11-28-measurements.csv"
        );
    }
}
