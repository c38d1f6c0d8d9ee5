//! The JSON the first download reads and writes itself: the plan index, the settings' language
//! and last plan, a stored plan's summary fields, and the crash screen's download (#21).
//!
//! Whole plans, the settings' other fields and everything else go through serde_json, in the
//! wasm parts that need them. The plans page must not: serde_json's parser, its float tables
//! and the derived visitors were about 60 KB of the main module's code (20 KB gzip of the first
//! download) for four small records. This reader is held to serde_json's grammar by the
//! property tests below (the same texts are valid, and read to the same values), so a text one
//! accepts the other accepts too.
//!
//! Numbers are kept as their text: a field this build does not know is written back exactly as
//! it was read.

// Input path: a panic here kills the app, so indexing that could go out of bounds is refused.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

/// A JSON value. Objects keep their members in the text's order, duplicates included.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A string, unescaped.
    Str(String),
    /// A list.
    List(Vec<Json>),
    /// An object's members, in order.
    Object(Vec<(String, Json)>),
}

/// How deep lists and objects may nest: serde_json's limit (127 levels), so the two accept the
/// same texts.
const MAX_DEPTH: usize = 127;

impl Json {
    /// The member `key` of an object; `None` when absent, given twice, or not an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        let Json::Object(members) = self else {
            return None;
        };
        let mut found = members.iter().filter(|(k, _)| k == key).map(|(_, v)| v);
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }

    /// The members `keys` of an object, as [`fields`] reads them from a text; `None` when this
    /// is not an object.
    pub fn members(&self, keys: &[&str]) -> Option<Members> {
        let Json::Object(members) = self else {
            return None;
        };
        let mut picker = Picker::new(keys);
        for (key, value) in members {
            if let Some(at) = picker.wants(key) {
                picker.put(at, value.clone());
            }
        }
        Some(picker.finish())
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The whole number, if this is one in range (`1.0` and `1e3` are not, as for serde).
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Json::Number(n) if !n.contains(['.', 'e', 'E']) => n.parse().ok(),
            _ => None,
        }
    }

    /// The whole number ≥ 0, if this is one in range.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(n) if !n.contains(['.', 'e', 'E', '-']) => n.parse().ok(),
            _ => None,
        }
    }

    /// Sets the member `key` of an object (the first of that name, or a new last one).
    pub fn set(&mut self, key: &str, value: Json) {
        if let Json::Object(members) = self {
            match members.iter_mut().find(|(k, _)| k == key) {
                Some((_, v)) => *v = value,
                None => members.push((key.to_string(), value)),
            }
        }
    }

    /// The value as compact JSON text.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => out.push_str(n),
            Json::Str(s) => quote(s, out),
            Json::List(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    quote(k, out);
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }
}

/// Appends `s` as a JSON string, escaped as serde_json escapes it.
pub fn quote(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let n = c as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX.get(n >> 4).copied().unwrap_or(b'0')));
                out.push(char::from(HEX.get(n & 15).copied().unwrap_or(b'0')));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Reads a whole JSON text (white space around it allowed); `None` when it is not JSON.
pub fn parse(text: &str) -> Option<Json> {
    let mut p = Parser {
        bytes: text.as_bytes(),
        at: 0,
    };
    let value = p.value(0)?;
    p.space();
    (p.at == p.bytes.len()).then_some(value)
}

/// One of the members asked for is given twice: serde refuses such a struct whole, and so do
/// the readers of [`fields`] and [`Json::members`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Duplicated;

/// The members asked for of one object, in the order asked, `None` where absent.
pub type Members = Result<Vec<Option<Json>>, Duplicated>;

/// Collects the members asked for while an object's members go by.
struct Picker<'k> {
    keys: &'k [&'k str],
    found: Vec<Option<Json>>,
    duplicated: bool,
}

impl<'k> Picker<'k> {
    fn new(keys: &'k [&'k str]) -> Self {
        Picker {
            keys,
            found: keys.iter().map(|_| None).collect(),
            duplicated: false,
        }
    }

    /// Where `key` goes, if it is asked for.
    fn wants(&self, key: &str) -> Option<usize> {
        self.keys.iter().position(|k| *k == key)
    }

    fn put(&mut self, at: usize, value: Json) {
        if let Some(slot) = self.found.get_mut(at) {
            self.duplicated |= slot.is_some();
            *slot = Some(value);
        }
    }

    fn finish(self) -> Members {
        if self.duplicated {
            Err(Duplicated)
        } else {
            Ok(self.found)
        }
    }
}

/// Reads the members `keys` of the object a whole JSON text holds, without building the rest
/// (a stored plan can be megabytes). `None` when the text is not JSON or not an object.
pub fn fields(text: &str, keys: &[&str]) -> Option<Members> {
    let mut p = Parser {
        bytes: text.as_bytes(),
        at: 0,
    };
    let mut picker = Picker::new(keys);
    p.space();
    p.eat(b'{')?;
    p.entries(b'}', |p| {
        let key = p.member_name(true)?;
        match picker.wants(&key) {
            Some(at) => {
                let value = p.value(1)?;
                picker.put(at, value);
                Some(())
            }
            None => p.skip(1),
        }
    })?;
    p.space();
    (p.at == p.bytes.len()).then(|| picker.finish())
}

/// Whether a text is well-formed JSON, read without building it.
pub fn is_json(text: &str) -> bool {
    let mut p = Parser {
        bytes: text.as_bytes(),
        at: 0,
    };
    p.skip(0).is_some() && {
        p.space();
        p.at == p.bytes.len()
    }
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        (self.peek() == Some(b)).then(|| self.at += 1)
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        let end = self.at.checked_add(word.len())?;
        (self.bytes.get(self.at..end)? == word).then(|| self.at = end)
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        self.space();
        match self.peek()? {
            b'n' => self.literal(b"null").map(|_| Json::Null),
            b't' => self.literal(b"true").map(|_| Json::Bool(true)),
            b'f' => self.literal(b"false").map(|_| Json::Bool(false)),
            b'"' => self.string(true).map(Json::Str),
            b'[' => {
                let depth = self.deeper(depth)?;
                let mut items = Vec::new();
                self.entries(b']', |p| {
                    items.push(p.value(depth)?);
                    Some(())
                })?;
                Some(Json::List(items))
            }
            b'{' => {
                let depth = self.deeper(depth)?;
                let mut members = Vec::new();
                self.entries(b'}', |p| {
                    let key = p.member_name(true)?;
                    members.push((key, p.value(depth)?));
                    Some(())
                })?;
                Some(Json::Object(members))
            }
            _ => self.number().map(Json::Number),
        }
    }

    /// Like [`Parser::value`], building nothing.
    fn skip(&mut self, depth: usize) -> Option<()> {
        self.space();
        match self.peek()? {
            open @ (b'[' | b'{') => {
                let depth = self.deeper(depth)?;
                let close = if open == b'[' { b']' } else { b'}' };
                self.entries(close, |p| {
                    if open == b'{' {
                        p.member_name(false)?;
                    }
                    p.skip(depth)
                })
            }
            b'"' => self.string(false).map(|_| ()),
            _ => self.value(depth).map(|_| ()),
        }
    }

    /// The entries of a list or an object whose bracket was just read, up to `close`.
    fn entries(&mut self, close: u8, mut entry: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.space();
        if self.eat(close).is_some() {
            return Some(());
        }
        loop {
            self.space();
            entry(self)?;
            self.space();
            if self.eat(b',').is_none() {
                return self.eat(close);
            }
        }
    }

    /// A member's name and the colon after it.
    fn member_name(&mut self, keep: bool) -> Option<String> {
        let key = self.string(keep)?;
        self.space();
        self.eat(b':')?;
        Some(key)
    }

    fn deeper(&mut self, depth: usize) -> Option<usize> {
        self.at += 1;
        (depth < MAX_DEPTH).then_some(depth + 1)
    }

    /// A number by JSON's grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Option<String> {
        let start = self.at;
        self.eat(b'-');
        match self.peek()? {
            b'0' => self.at += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.eat(b'.').is_some() {
            self.peek().filter(u8::is_ascii_digit)?;
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.peek().filter(u8::is_ascii_digit)?;
            self.digits();
        }
        let text = std::str::from_utf8(self.bytes.get(start..self.at)?).ok()?;
        Some(text.to_string())
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let end = self.at.checked_add(4)?;
        let hex = std::str::from_utf8(self.bytes.get(self.at..end)?).ok()?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.at = end;
        u32::from_str_radix(hex, 16).ok()
    }

    /// A string, its quotes included; unescaped into the result when `keep` (else empty).
    fn string(&mut self, keep: bool) -> Option<String> {
        self.eat(b'"')?;
        let mut out = String::new();
        loop {
            let run = self.at;
            while self
                .peek()
                .is_some_and(|b| b != b'"' && b != b'\\' && b >= 0x20)
            {
                self.at += 1;
            }
            if keep {
                out.push_str(std::str::from_utf8(self.bytes.get(run..self.at)?).ok()?);
            }
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.at += 1;
                    let c = match self.peek()? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            self.at += 1;
                            let unit = self.hex4()?;
                            self.at -= 1;
                            let code = match unit {
                                0xD800..=0xDBFF => {
                                    self.at += 1;
                                    self.literal(b"\\u")?;
                                    let low = self.hex4()?;
                                    self.at -= 1;
                                    if !(0xDC00..=0xDFFF).contains(&low) {
                                        return None;
                                    }
                                    0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                                }
                                0xDC00..=0xDFFF => return None,
                                unit => unit,
                            };
                            char::from_u32(code)?
                        }
                        _ => return None,
                    };
                    self.at += 1;
                    if keep {
                        out.push(c);
                    }
                }
                // A control character inside a string is not JSON.
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to_serde(j: &Json) -> serde_json::Value {
        match j {
            Json::Null => serde_json::Value::Null,
            Json::Bool(b) => serde_json::Value::Bool(*b),
            Json::Number(n) => serde_json::from_str(n).unwrap(),
            Json::Str(s) => serde_json::Value::String(s.clone()),
            Json::List(items) => serde_json::Value::Array(items.iter().map(to_serde).collect()),
            // serde_json's map keeps the last of duplicate names, as a JSON reader may.
            Json::Object(members) => serde_json::Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), to_serde(v)))
                    .collect(),
            ),
        }
    }

    // Guards: the index and the settings are read as serde_json reads them: values, escapes
    // (a surrogate pair is one character), numbers kept as written.
    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#" {"id":"a\"b","n":[1,-0.5e3,true,null],"s":"\u00e9\ud83d\ude00\n","o":{}} "#;
        let j = parse(text).unwrap();
        assert_eq!(
            to_serde(&j),
            serde_json::from_str::<serde_json::Value>(text).unwrap()
        );
        assert_eq!(j.get("s").and_then(Json::as_str), Some("é😀\n"));
        assert_eq!(j.get("id").and_then(Json::as_str), Some("a\"b"));
        // The number is kept as its text, so it is written back unchanged.
        assert_eq!(
            j.to_text(),
            r#"{"id":"a\"b","n":[1,-0.5e3,true,null],"s":"é😀\n","o":{}}"#
        );
    }

    #[test]
    fn refuses_what_serde_json_refuses() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "+1",
            "\"\\x\"",
            "\"\u{1}\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "nul",
            "[1] x",
            "{\"a\" 1}",
            "{1:2}",
        ] {
            assert!(parse(bad).is_none(), "{bad:?} read");
            assert!(!is_json(bad), "{bad:?} taken for JSON");
            assert!(
                serde_json::from_str::<serde_json::Value>(bad).is_err(),
                "{bad:?}"
            );
        }
    }

    // Guards: a hostile document nested deeper than serde_json allows is refused, not a
    // stack overflow (which would kill the app).
    #[test]
    fn nesting_is_bounded_as_in_serde_json() {
        let ok = format!("{}{}", "[".repeat(127), "]".repeat(127));
        let deep = format!("{}{}", "[".repeat(128), "]".repeat(128));
        assert!(parse(&ok).is_some() && is_json(&ok));
        assert!(parse(&deep).is_none() && !is_json(&deep));
        assert!(
            serde_json::from_str::<serde_json::Value>(&ok).is_ok()
                && serde_json::from_str::<serde_json::Value>(&deep).is_err(),
            "serde_json's limit moved"
        );
        let hostile = "{\"a\":".repeat(100_000);
        assert!(parse(&hostile).is_none() && fields(&hostile, &["a"]).is_none());
    }

    // Guards: a plan's summary is read from its top level only, a name given twice is no
    // name (serde refuses a duplicate field), and anything but an object is refused.
    #[test]
    fn fields_reads_the_top_level_members_asked_for() {
        let text = r#"{"schema_version":3,"id":"p1","kpis":[{"name":"inner"}],"name":"Batik","updated_at":1700000000000}"#;
        let got = fields(text, &["id", "name", "updated_at", "status"])
            .unwrap()
            .unwrap();
        assert_eq!(got[0], Some(Json::Str("p1".into())));
        assert_eq!(got[1], Some(Json::Str("Batik".into())));
        assert_eq!(
            got[2].as_ref().and_then(Json::as_i64),
            Some(1_700_000_000_000)
        );
        assert_eq!(got[3], None);
        let twice = r#"{"name":"a","name":"b","id":"x"}"#;
        assert_eq!(fields(twice, &["name"]), Some(Err(Duplicated)));
        assert_eq!(
            parse(twice).unwrap().members(&["name"]),
            Some(Err(Duplicated))
        );
        // A member given twice that was not asked for is no concern.
        assert_eq!(
            fields(twice, &["id"]),
            Some(Ok(vec![Some(Json::Str("x".into()))]))
        );
        assert!(fields("[1]", &["name"]).is_none());
        assert!(fields(r#"{"name":"a"} x"#, &["name"]).is_none());
        assert!(fields(r#"{"name":"a","x":[}"#, &["name"]).is_none());
    }

    #[test]
    fn whole_numbers_are_read_as_serde_reads_them() {
        let n = |t: &str| Json::Number(t.into());
        assert_eq!(n("-0").as_i64(), Some(0));
        assert_eq!(n("9223372036854775807").as_i64(), Some(i64::MAX));
        assert_eq!(n("9223372036854775808").as_i64(), None);
        assert_eq!(n("1.0").as_i64(), None);
        assert_eq!(n("1e3").as_i64(), None);
        assert_eq!(n("-1").as_u64(), None);
        assert_eq!(n("18446744073709551615").as_u64(), Some(u64::MAX));
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        use crate::domain::plan_file::json_text::arb::arb_json;

        proptest! {
            // Guards: anything serde_json writes (any string, any number) is read back to the same
            // value, and written again as serde_json writes it.
            #[test]
            fn serde_json_text_round_trips(value in arb_json()) {
                let text = serde_json::to_string(&value).unwrap();
                let j = parse(&text).unwrap();
                prop_assert_eq!(to_serde(&j), value);
                prop_assert_eq!(j.to_text(), text.clone());
                prop_assert!(is_json(&text));
            }

            // Guards: on any text, the two readers agree on whether it is JSON, and neither panics.
            #[test]
            fn agrees_with_serde_json_on_any_text(text in "[\\[\\]{}\":,0-9.eE+\\-a-z\\\\ \\n\u{1}\u{e9}]{0,40}") {
                let serde_ok = serde_json::from_str::<serde::de::IgnoredAny>(&text).is_ok();
                prop_assert_eq!(parse(&text).is_some(), serde_ok, "{:?}", text);
                prop_assert_eq!(is_json(&text), serde_ok, "{:?}", text);
            }
        }
    }
}
