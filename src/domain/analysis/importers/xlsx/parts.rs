//! The XML parts of a workbook that give its report (ECMA-376 Part 1, SpreadsheetML): the
//! relationships that say where each part is, the sheet list, the shared strings, the number
//! formats, and a sheet's cells. Read with `quick-xml` by local names, so a writer's
//! namespace prefix (`<x:c>`) does not matter; every other element is skipped.

use std::borrow::Cow;

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// A part that is not well-formed XML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadXml;

/// One relationship of a `.rels` part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relationship {
    /// Its id, e.g. `rId1`.
    pub id: String,
    /// The last segment of its type URI, e.g. `worksheet`, `styles`, `officeDocument`.
    pub kind: String,
    /// The archive path it points to, resolved against the part it belongs to.
    pub path: String,
}

/// A sheet as the workbook lists it, in the workbook's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetEntry {
    /// Its relationship id (`r:id`).
    pub rel: String,
    /// Hidden sheets (`state="hidden"` or `veryHidden`) are read only if no visible one holds data.
    pub hidden: bool,
}

/// What the workbook part says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WorkbookInfo {
    /// The sheets, in order.
    pub sheets: Vec<SheetEntry>,
    /// Dates count from 1904-01-01 (old Mac workbooks) rather than 1899-12-30.
    pub date1904: bool,
}

/// How a number cell is shown, by its cell format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberKind {
    /// A plain number.
    Plain,
    /// A percentage: the cell holds 0.0365 and shows 3.65%.
    Percent,
    /// A date or a date and time: the cell holds a day serial.
    Date,
}

/// A cell's value as stored, before it is written as text.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A number, with the cell-format index (`s`) that says how it is shown.
    Number {
        /// The stored text of the number.
        text: String,
        /// The index into the cell formats.
        style: usize,
    },
    /// An index into the shared strings.
    Shared(usize),
    /// Text held in the cell itself (inline strings and formula results).
    Text(String),
    /// A boolean.
    Bool(bool),
    /// An ISO 8601 date (`t="d"`).
    IsoDate(String),
    /// An error (`#DIV/0!`) or nothing.
    Empty,
}

/// A cell at its zero-based row and column.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// Zero-based row.
    pub row: u32,
    /// Zero-based column.
    pub col: u32,
    /// What it holds.
    pub value: Value,
}

/// The local name of an element or attribute, without its namespace prefix.
fn local(name: &[u8]) -> &[u8] {
    name.rsplit(|&b| b == b':').next().unwrap_or(name)
}

/// The value of the attribute with local name `key`, unescaped.
fn attr<'a>(e: &'a BytesStart<'_>, key: &str) -> Option<Cow<'a, str>> {
    e.attributes().flatten().find_map(|a| {
        (local(a.key.as_ref().as_bytes()) == key.as_bytes())
            .then(|| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
            .flatten()
    })
}

/// The part as text: UTF-8, with or without a byte-order mark.
pub fn text(bytes: &[u8]) -> Result<&str, BadXml> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|_| BadXml)
}

/// Walks the events of a part, calling `on` for each; a malformed part is [`BadXml`].
fn walk<'a>(xml: &'a str, mut on: impl FnMut(Event<'a>)) -> Result<(), BadXml> {
    let mut reader = Reader::from_str(xml);
    loop {
        match reader.read_event().map_err(|_| BadXml)? {
            Event::Eof => return Ok(()),
            event => on(event),
        }
    }
}

/// Appends the character data of a text, CDATA or entity event; other events add nothing.
fn push_text(out: &mut String, event: &Event<'_>) {
    match event {
        Event::Text(t) => out.push_str(&t.xml10_content()),
        Event::CData(c) => out.push_str(&c.xml10_content()),
        Event::GeneralRef(r) => {
            if let Ok(Some(ch)) = r.resolve_char_ref() {
                out.push(ch);
            } else if let Some(s) = resolve_predefined_entity(&r.xml10_content()) {
                out.push_str(s);
            }
        }
        _ => {}
    }
}

/// Text as a cell shows it, from the `_xHHHH_` escapes of SpreadsheetML strings (ECMA-376
/// Part 1, 22.9.2.19, `ST_Xstring`): a character XML cannot hold (a control character) is written
/// as its UTF-16 code unit in hex, `_x0007_`, and a literal `_x0041_` as `_x005F_x0041_` (the
/// escape of its `_`). XlsxWriter and SheetJS write both; Excel reads them back as the characters.
/// A pair of escaped surrogates is one character; a lone one is U+FFFD.
pub fn unescape(text: String) -> String {
    /// The code unit of an escape at the start of `s`, e.g. `_x005F_` → 0x5F.
    fn unit(s: &str) -> Option<u16> {
        let hex = s.strip_prefix("_x")?.get(..5)?.strip_suffix('_')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u16::from_str_radix(hex, 16).ok()
    }
    fn flush(out: &mut String, units: &mut Vec<u16>) {
        out.extend(
            char::decode_utf16(units.drain(..)).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)),
        );
    }
    if !text.contains("_x") {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut units: Vec<u16> = Vec::new();
    let mut rest = text.as_str();
    while let Some((before, from)) = rest.find("_x").and_then(|at| rest.split_at_checked(at)) {
        if !before.is_empty() {
            flush(&mut out, &mut units);
            out.push_str(before);
        }
        if let Some(u) = unit(from) {
            units.push(u);
            rest = from.get(7..).unwrap_or("");
        } else {
            flush(&mut out, &mut units);
            out.push_str("_x");
            rest = from.get(2..).unwrap_or("");
        }
    }
    flush(&mut out, &mut units);
    out.push_str(rest);
    out
}

/// The relationships of the `.rels` part at `rels_path` (e.g. `xl/_rels/workbook.xml.rels`).
pub fn relationships(xml: &str, rels_path: &str) -> Result<Vec<Relationship>, BadXml> {
    // Targets are relative to the folder of the part the relationships belong to: the folder
    // above `_rels/`.
    let base = rels_path
        .rsplit_once("_rels/")
        .map_or("", |(folder, _)| folder);
    let mut out = Vec::new();
    walk(xml, |event| {
        if let Event::Start(e) | Event::Empty(e) = &event {
            if local(e.name().as_ref().as_bytes()) != b"Relationship"
                || attr(e, "TargetMode").is_some_and(|m| m == "External")
            {
                return;
            }
            let (Some(id), Some(target)) = (attr(e, "Id"), attr(e, "Target")) else {
                return;
            };
            let kind = attr(e, "Type")
                .and_then(|t| t.rsplit('/').next().map(str::to_string))
                .unwrap_or_default();
            out.push(Relationship {
                id: id.into_owned(),
                kind,
                path: resolve(base, &target),
            });
        }
    })?;
    Ok(out)
}

/// An archive path from a relationship's target: absolute (`/xl/styles.xml`) or relative to
/// `base`, with `..` segments applied.
fn resolve(base: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("{base}{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for segment in joined.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The sheet list and date system of the workbook part.
pub fn workbook(xml: &str) -> Result<WorkbookInfo, BadXml> {
    let mut info = WorkbookInfo::default();
    walk(xml, |event| {
        if let Event::Start(e) | Event::Empty(e) = &event {
            match local(e.name().as_ref().as_bytes()) {
                b"workbookPr" => {
                    info.date1904 = attr(e, "date1904").is_some_and(|v| v == "1" || v == "true");
                }
                b"sheet" => {
                    if let Some(rel) = attr(e, "id") {
                        info.sheets.push(SheetEntry {
                            rel: rel.into_owned(),
                            hidden: attr(e, "state").is_some_and(|s| s != "visible"),
                        });
                    }
                }
                _ => {}
            }
        }
    })?;
    Ok(info)
}

/// The shared strings, in order. A rich-text string is the concatenation of its runs; phonetic
/// guides (`<rPh>`) are not part of it.
pub fn shared_strings(xml: &str) -> Result<Vec<String>, BadXml> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let mut in_t = false;
    let mut phonetic = 0u32;
    walk(xml, |event| match &event {
        Event::Start(e) => match local(e.name().as_ref().as_bytes()) {
            b"si" => current = Some(String::new()),
            b"t" => in_t = phonetic == 0,
            b"rPh" => phonetic += 1,
            _ => {}
        },
        Event::Empty(e) if local(e.name().as_ref().as_bytes()) == b"si" => out.push(String::new()),
        Event::End(e) => match local(e.name().as_ref().as_bytes()) {
            b"si" => out.extend(current.take().map(unescape)),
            b"t" => in_t = false,
            b"rPh" => phonetic = phonetic.saturating_sub(1),
            _ => {}
        },
        _ if in_t => {
            if let Some(s) = current.as_mut() {
                push_text(s, &event);
            }
        }
        _ => {}
    })?;
    Ok(out)
}

/// How each cell format (`<cellXfs>`, indexed by a cell's `s`) shows a number.
pub fn number_kinds(xml: &str) -> Result<Vec<NumberKind>, BadXml> {
    let mut codes: Vec<(u32, String)> = Vec::new();
    let mut formats: Vec<u32> = Vec::new();
    let mut in_cell_xfs = false;
    walk(xml, |event| match &event {
        Event::Start(e) | Event::Empty(e) => {
            let empty = matches!(event, Event::Empty(_));
            match local(e.name().as_ref().as_bytes()) {
                b"numFmt" => {
                    let id = attr(e, "numFmtId").and_then(|v| v.trim().parse().ok());
                    if let (Some(id), Some(code)) = (id, attr(e, "formatCode")) {
                        codes.push((id, code.into_owned()));
                    }
                }
                b"cellXfs" => in_cell_xfs = !empty,
                b"xf" if in_cell_xfs => {
                    formats.push(
                        attr(e, "numFmtId")
                            .and_then(|v| v.trim().parse().ok())
                            .unwrap_or(0),
                    );
                }
                _ => {}
            }
        }
        Event::End(e) if local(e.name().as_ref().as_bytes()) == b"cellXfs" => in_cell_xfs = false,
        _ => {}
    })?;
    Ok(formats
        .into_iter()
        .map(|id| {
            let code = codes
                .iter()
                .find(|(i, _)| *i == id)
                .map(|(_, c)| c.as_str());
            number_kind(id, code)
        })
        .collect())
}

/// How a number format shows a number: by Excel's built-in ids, or by the format code (a `%`,
/// or a date or time letter, outside quotes, escapes and `[…]` brackets, in its first section).
pub fn number_kind(id: u32, code: Option<&str>) -> NumberKind {
    match (id, code) {
        (9 | 10, _) => return NumberKind::Percent,
        // Built-in dates and times (14–22, 45–47) and the East Asian built-ins (27–36, 50–58).
        (14..=22 | 27..=36 | 45..=47 | 50..=58, None) => return NumberKind::Date,
        _ => {}
    }
    let Some(code) = code else {
        return NumberKind::Plain;
    };
    let (mut quoted, mut escaped, mut bracket) = (false, false, false);
    for ch in code.chars() {
        match ch {
            _ if escaped => escaped = false,
            '\\' | '_' | '*' if !quoted => escaped = true,
            '"' => quoted = !quoted,
            _ if quoted => {}
            '[' => bracket = true,
            ']' => bracket = false,
            _ if bracket => {}
            '%' => return NumberKind::Percent,
            ';' => break,
            'y' | 'Y' | 'd' | 'D' | 'm' | 'M' | 'h' | 'H' | 's' | 'S' => return NumberKind::Date,
            _ => {}
        }
    }
    NumberKind::Plain
}

/// A cell reference (`AB12`) as zero-based (row, column); `None` if it is not one.
fn cell_ref(r: &str) -> Option<(u32, u32)> {
    let letters = r.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (col, row) = r.split_at_checked(letters)?;
    if !(1..=3).contains(&col.len()) {
        return None;
    }
    let col = col.bytes().fold(0u32, |n, b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    let row: u32 = row.parse().ok()?;
    Some((row.checked_sub(1)?, col - 1))
}

/// The cells of a sheet part, in document order. Cells without a reference follow the one
/// before them, rows without a number the row before.
pub fn sheet_cells(xml: &str) -> Result<Vec<Cell>, BadXml> {
    #[derive(Default)]
    struct Open {
        kind: String,
        style: usize,
        value: String,
        inline: String,
        has_value: bool,
    }
    let mut cells = Vec::new();
    let (mut row, mut next_row, mut next_col) = (0u32, 0u32, 0u32);
    let mut open: Option<(u32, Open)> = None;
    let (mut in_v, mut in_is_t, mut in_is, mut phonetic) = (false, false, false, 0u32);
    let mut finish = |col: u32, cell: Open, row: u32| {
        let value = match cell.kind.as_str() {
            "s" => cell
                .value
                .trim()
                .parse()
                .map_or(Value::Empty, Value::Shared),
            "str" => Value::Text(unescape(cell.value)),
            "inlineStr" => Value::Text(unescape(cell.inline)),
            "b" => Value::Bool(cell.value.trim() == "1" || cell.value.trim() == "true"),
            "e" => Value::Empty,
            "d" => Value::IsoDate(cell.value.trim().to_string()),
            _ if cell.has_value && !cell.value.trim().is_empty() => Value::Number {
                text: cell.value.trim().to_string(),
                style: cell.style,
            },
            _ => Value::Empty,
        };
        if value != Value::Empty {
            cells.push(Cell { row, col, value });
        }
    };
    walk(xml, |event| match &event {
        Event::Start(e) | Event::Empty(e) => {
            let empty = matches!(event, Event::Empty(_));
            match local(e.name().as_ref().as_bytes()) {
                b"row" => {
                    row = attr(e, "r")
                        .and_then(|r| r.trim().parse::<u32>().ok())
                        .and_then(|r| r.checked_sub(1))
                        .unwrap_or(next_row);
                    next_row = row.saturating_add(1);
                    next_col = 0;
                }
                b"c" => {
                    let (r, c) = attr(e, "r")
                        .and_then(|r| cell_ref(r.trim()))
                        .unwrap_or((row, next_col));
                    next_col = c.saturating_add(1);
                    let cell = Open {
                        kind: attr(e, "t").map(Cow::into_owned).unwrap_or_default(),
                        style: attr(e, "s")
                            .and_then(|s| s.trim().parse().ok())
                            .unwrap_or(0),
                        ..Open::default()
                    };
                    if empty {
                        finish(c, cell, r);
                    } else {
                        open = Some((c, cell));
                        row = r;
                    }
                }
                b"v" if !empty => {
                    in_v = true;
                    if let Some((_, cell)) = open.as_mut() {
                        cell.has_value = true;
                    }
                }
                b"is" if !empty => in_is = true,
                b"t" if in_is && !empty => in_is_t = phonetic == 0,
                b"rPh" if !empty => phonetic += 1,
                _ => {}
            }
        }
        Event::End(e) => match local(e.name().as_ref().as_bytes()) {
            b"c" => {
                if let Some((col, cell)) = open.take() {
                    finish(col, cell, row);
                }
            }
            b"v" => in_v = false,
            b"is" => in_is = false,
            b"t" => in_is_t = false,
            b"rPh" => phonetic = phonetic.saturating_sub(1),
            _ => {}
        },
        _ => {
            if let Some((_, cell)) = open.as_mut() {
                if in_v {
                    push_text(&mut cell.value, &event);
                } else if in_is_t {
                    push_text(&mut cell.inline, &event);
                }
            }
        }
    })?;
    Ok(cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_their_part_and_external_links_are_ignored() {
        // Guards: relative (`worksheets/sheet1.xml`), absolute (`/xl/...`) and `../` targets.
        let xml = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://x/relationships/worksheet" Target="worksheets/sheet1.xml"/>
            <Relationship Id="rId2" Type="http://x/relationships/styles" Target="/xl/styles.xml"/>
            <Relationship Id="rId3" Type="http://x/relationships/sharedStrings" Target="../xl/./sharedStrings.xml"/>
            <Relationship Id="rId4" Type="http://x/relationships/hyperlink" Target="https://example.com" TargetMode="External"/>
        </Relationships>"#;
        let rels = relationships(xml, "xl/_rels/workbook.xml.rels").unwrap();
        let paths: Vec<(&str, &str)> = rels
            .iter()
            .map(|r| (r.kind.as_str(), r.path.as_str()))
            .collect();
        assert_eq!(
            paths,
            [
                ("worksheet", "xl/worksheets/sheet1.xml"),
                ("styles", "xl/styles.xml"),
                ("sharedStrings", "xl/sharedStrings.xml"),
            ]
        );
        let root = relationships(
            r#"<Relationships><Relationship Id="rId1" Type="http://x/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
            "_rels/.rels",
        )
        .unwrap();
        assert_eq!(root[0].path, "xl/workbook.xml");
    }

    #[test]
    fn rich_text_and_entities_make_one_string_without_phonetic_guides() {
        // Guards: a shared string in runs (bold "Batik", plain " & Co") reads as one cell text.
        let xml = r#"<sst><si><t>Plain</t></si><si><r><rPr><b/></rPr><t>Batik</t></r><r><t xml:space="preserve"> &amp; Co&#x2122;</t></r><rPh><t>ignored</t></rPh></si><si/></sst>"#;
        assert_eq!(
            shared_strings(xml).unwrap(),
            ["Plain", "Batik & Co\u{2122}", ""]
        );
        // A mismatched end tag is malformed (an unclosed one at the end is read as far as it goes).
        assert_eq!(shared_strings("<sst><si><t>a</x></si></sst>"), Err(BadXml));
    }

    #[test]
    fn escaped_characters_read_as_the_characters_they_stand_for() {
        // Guards: XlsxWriter's and SheetJS's `_xHHHH_` escapes: a control character (`_x0007_`),
        // a literal `_x0041_` written as `_x005F_x0041_`, an emoji as two escaped surrogates, in
        // shared strings, inline strings and formula results alike; what only looks like an
        // escape stays as it is.
        assert_eq!(unescape("Bell_x0007_name".into()), "Bell\u{7}name");
        assert_eq!(
            unescape("lit _x005F_x0041_ here".into()),
            "lit _x0041_ here"
        );
        assert_eq!(
            unescape("_xD83D__xDE00_ and _xd83d_".into()),
            "\u{1F600} and \u{FFFD}"
        );
        for kept in [
            "_x",
            "a_x00",
            "_x12G4_",
            "_x_x0041_",
            "Batik_xTulis_",
            "_x0041",
        ] {
            let want = kept.replace("_x0041_", "A");
            assert_eq!(unescape(kept.into()), want, "{kept}");
        }
        assert_eq!(
            shared_strings("<sst><si><t>CR_x000D_</t></si><si><r><t>_x005F_</t></r><r><t>x0041_</t></r></si></sst>")
                .unwrap(),
            ["CR\r", "_x0041_"]
        );
        let xml = r#"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Tab_x0009_</t></is></c>
            <c r="B1" t="str"><f>A1</f><v>_x0041_</v></c></row></sheetData></worksheet>"#;
        let values: Vec<Value> = sheet_cells(xml)
            .unwrap()
            .into_iter()
            .map(|c| c.value)
            .collect();
        assert_eq!(
            values,
            [Value::Text("Tab\t".into()), Value::Text("A".into())]
        );
    }

    #[test]
    fn number_formats_are_classified_as_excel_shows_them() {
        // Guards: rates under a percentage format, dates under date formats, and money with a
        // currency in brackets or quotes that is neither.
        assert_eq!(number_kind(10, None), NumberKind::Percent);
        assert_eq!(number_kind(14, None), NumberKind::Date);
        assert_eq!(number_kind(0, None), NumberKind::Plain);
        assert_eq!(number_kind(164, Some("0.00%")), NumberKind::Percent);
        assert_eq!(number_kind(165, Some("yyyy-mm-dd")), NumberKind::Date);
        assert_eq!(number_kind(166, Some("[$Rp-421]#,##0")), NumberKind::Plain);
        assert_eq!(
            number_kind(167, Some("#,##0.00 \"days\"")),
            NumberKind::Plain
        );
        assert_eq!(number_kind(168, Some("0.00\"%\"")), NumberKind::Plain);
        assert_eq!(
            number_kind(169, Some("#,##0;[Red]-#,##0%")),
            NumberKind::Plain
        );
        assert_eq!(number_kind(170, Some("General")), NumberKind::Plain);
        assert_eq!(number_kind(171, Some("[h]:mm:ss")), NumberKind::Date);
    }

    #[test]
    fn styles_index_cell_formats_not_cell_style_formats() {
        // Guards: `<cellStyleXfs>` also holds `<xf>` elements; only `<cellXfs>` are what `s` indexes.
        let xml = r#"<styleSheet><numFmts><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>
            <cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>
            <cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>"#;
        assert_eq!(
            number_kinds(xml).unwrap(),
            [NumberKind::Plain, NumberKind::Percent, NumberKind::Date]
        );
    }

    #[test]
    fn cells_are_placed_by_reference_or_by_order_with_any_prefix() {
        // Guards: writers that prefix the namespace (`x:`), omit `r`, or use inline strings.
        let xml = r#"<x:worksheet xmlns:x="s"><x:sheetData>
            <x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>Hari</x:t></x:is></x:c><x:c t="s"><x:v>3</x:v></x:c></x:row>
            <x:row><x:c><x:v>1.5</x:v></x:c><x:c s="2"/><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#DIV/0!</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>x</x:v></x:c></x:row>
        </x:sheetData></x:worksheet>"#;
        let cells = sheet_cells(xml).unwrap();
        let at: Vec<(u32, u32)> = cells.iter().map(|c| (c.row, c.col)).collect();
        assert_eq!(at, [(1, 1), (1, 2), (2, 0), (2, 2), (2, 4)]);
        assert_eq!(cells[0].value, Value::Text("Hari".into()));
        assert_eq!(cells[1].value, Value::Shared(3));
        assert_eq!(
            cells[2].value,
            Value::Number {
                text: "1.5".into(),
                style: 0
            }
        );
        assert_eq!(cells[3].value, Value::Bool(true));
        assert_eq!(cells[4].value, Value::Text("x".into()));
        assert_eq!(cell_ref("XFD1048576"), Some((1_048_575, 16_383)));
        assert_eq!(cell_ref("A0"), None);
        assert_eq!(cell_ref("ABCD1"), None);
    }
}
