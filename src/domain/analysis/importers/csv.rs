//! A small RFC 4180 reader, hand-written to keep the wasm small: quoted fields, doubled quotes
//! inside them, CRLF or LF line ends, a `,` `;` or tab separator found from the text, and a
//! UTF-8 byte-order mark dropped. Every record keeps the 1-based line it starts on, so an
//! import can point at the line a marketer sees in a spreadsheet or text editor.

/// One record of a CSV text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The line the record starts on, from 1 (a quoted field may span more lines).
    pub line: usize,
    /// The fields, unquoted; never empty (a blank line is one empty field).
    pub fields: Vec<String>,
}

impl Record {
    /// The field at `index`, or `""` when the record is shorter.
    pub fn field(&self, index: usize) -> &str {
        self.fields.get(index).map_or("", String::as_str)
    }

    /// True when every field is empty or white space (a blank line, or `,,,`).
    pub fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.trim().is_empty())
    }
}

/// A CSV text read into records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Csv {
    /// The separator found (or given).
    pub separator: char,
    /// Every record, blank lines included, in order.
    pub records: Vec<Record>,
    /// The line of a quote that is never closed; the record it opens ends the text.
    pub unclosed_quote: Option<usize>,
}

/// The text without a leading UTF-8 byte-order mark.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The separators recognised, in order of preference when the evidence is equal.
pub const SEPARATORS: [char; 3] = [',', ';', '\t'];

/// The separator of `text`: the one whose count outside quotes is the same on the most lines
/// among the first 50 non-comment lines. A `;` file with Indonesian decimals (`1,5`) has
/// commas too, but their count changes from line to line while the `;` count does not.
pub fn detect_separator(text: &str) -> char {
    let text = strip_bom(text);
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .take(50)
        .collect();
    let mut best = (',', 0usize, 0usize);
    for sep in SEPARATORS {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, sep)).collect();
        // The most common non-zero count, and on how many lines it occurs.
        let mut modal = (0usize, 0usize);
        for &c in counts.iter().filter(|&&c| c > 0) {
            let n = counts.iter().filter(|&&x| x == c).count();
            if n > modal.1 || (n == modal.1 && c > modal.0) {
                modal = (c, n);
            }
        }
        if modal.1 > best.1 || (modal.1 == best.1 && modal.0 > best.2) {
            best = (sep, modal.1, modal.0);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, sep: char) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for c in line.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if c == sep && !quoted {
            n += 1;
        }
    }
    n
}

/// Reads `text` with the separator found by [`detect_separator`].
pub fn read(text: &str) -> Csv {
    read_with(text, detect_separator(text))
}

/// Reads `text` with `separator`. Never fails: a quote left open swallows the rest of the
/// text into its field and is reported in [`Csv::unclosed_quote`]. A quote in the middle of
/// an unquoted field is kept as a character, as spreadsheets do.
pub fn read_with(text: &str, separator: char) -> Csv {
    let text = strip_bom(text);
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut line = 1usize;
    let mut start_line = 1usize;
    let mut quoted = false;
    let mut quote_line = 0usize;
    let mut at_field_start = true;
    let mut chars = text.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                if c == '\n' {
                    line += 1;
                }
                // A CR inside quotes belongs to a CRLF; keep the LF only.
                if c != '\r' || chars.peek() != Some(&'\n') {
                    field.push(c);
                }
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                quote_line = line;
                at_field_start = false;
            }
            c if c == separator => {
                fields.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                fields.push(std::mem::take(&mut field));
                records.push(Record {
                    line: start_line,
                    fields: std::mem::take(&mut fields),
                });
                line += 1;
                start_line = line;
                at_field_start = true;
                any = false;
            }
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if any || !fields.is_empty() || !field.is_empty() || quoted {
        fields.push(field);
        records.push(Record {
            line: start_line,
            fields,
        });
    }
    Csv {
        separator,
        records,
        unclosed_quote: quoted.then_some(quote_line),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(csv: &Csv) -> Vec<Vec<&str>> {
        csv.records
            .iter()
            .map(|r| r.fields.iter().map(String::as_str).collect())
            .collect()
    }

    // Guards: quotes, doubled quotes, separators and line breaks inside quotes.
    #[test]
    fn quoted_fields_keep_separators_quotes_and_newlines() {
        let csv = read("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"multi\r\nline\",x,\r\nlast,1,2");
        assert_eq!(
            fields(&csv),
            vec![
                vec!["a", "b,c", "say \"hi\""],
                vec!["multi\nline", "x", ""],
                vec!["last", "1", "2"],
            ]
        );
        assert_eq!(
            csv.records.iter().map(|r| r.line).collect::<Vec<_>>(),
            [1, 2, 4]
        );
        assert_eq!(csv.unclosed_quote, None);
    }

    // Guards: the separator is detected, even when Indonesian decimals put commas in a ; file.
    #[test]
    fn separator_is_detected() {
        assert_eq!(detect_separator("a,b,c\n1,2,3\n"), ',');
        assert_eq!(
            detect_separator("Tanggal;Biaya\n2024-03-01;1.234,56\n2024-03-02;12,5\n2024-03-03;7\n"),
            ';'
        );
        assert_eq!(detect_separator("a\tb\n1\t2\n"), '\t');
        assert_eq!(detect_separator("\u{feff}x;\"a;b\";c\n1;2;3\n"), ';');
    }

    // Guards: the BOM goes, a final newline adds no record, blank lines stay with their numbers.
    #[test]
    fn bom_final_newline_and_blank_lines() {
        let csv = read("\u{feff}h1,h2\n\n1,2\n");
        assert_eq!(
            fields(&csv),
            vec![vec!["h1", "h2"], vec![""], vec!["1", "2"]]
        );
        assert_eq!(csv.records.get(2).map(|r| r.line), Some(3));
        assert!(csv.records.get(1).is_some_and(Record::is_blank));
    }

    // Guards: an unclosed quote is reported with its line instead of panicking or looping.
    #[test]
    fn unclosed_quote_is_reported() {
        let csv = read("a,b\n1,\"oops\n2,3\n");
        assert_eq!(csv.unclosed_quote, Some(2));
        assert_eq!(csv.records.len(), 2);
        assert!(read("").records.is_empty());
    }
}
