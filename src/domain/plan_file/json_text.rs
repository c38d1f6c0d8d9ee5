//! JSON text read without parsing it: one tokenizer, and the three questions the plan file asks
//! of a text before (or instead of) parsing it.
//!
//! - [`too_deep`]: does the text nest brackets deeper than a limit? Asked before the recursive
//!   parser runs, so a hostile file costs one linear pass.
//! - [`spot`]: which value was a reader on after a prefix of the text? serde_json's syntax
//!   errors give a line and column; this turns them into the path of the value (a number too
//!   large, for one, is named by its field).
//! - [`top_level_u64`]: the value of one top-level whole-number field, from the start of a
//!   document only. Every autosave first checks the stored plan's revision (has another tab
//!   saved since?); read whole, a large plan costs tens of milliseconds to copy into the wasm and
//!   parse, all for one number that Alur writes near the start.
//!
//! - [`pretty`]: serde_json's compact text indented as `serde_json::to_string_pretty` writes it,
//!   keys in their order. The export file is pretty; printing it from the text means every plan
//!   goes through one serializer (#21: a second one is tens of kilobytes of wasm).
//!
//! Strings, escapes and the bytes that end a bare token are known in one place, [`Tokens`].
//! Any text is accepted: on malformed JSON the answers are a best effort, never a panic.

// Input path: a panic here kills the app, so indexing that could go out of bounds is refused.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use crate::domain::plan_file::json_path::Step;

/// One token of a JSON text; offsets are bytes into the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token {
    /// `{` (an object) or `[` (a list) at this offset.
    Open { object: bool, at: usize },
    /// `}` or `]`.
    Close,
    /// `:`.
    Colon,
    /// `,`.
    Comma,
    /// A string, quotes included: `start..end`; `closed` is false when the text ends inside it
    /// (then `end` is the text's end).
    Text {
        start: usize,
        end: usize,
        closed: bool,
    },
    /// A number or a literal (`true`, `null`, or anything else that is not structure).
    Bare { start: usize, end: usize },
}

/// The tokens of a JSON text, white space skipped.
struct Tokens<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Tokens<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Tokens { bytes, at: 0 }
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        while self.bytes.get(self.at).copied().is_some_and(is_space) {
            self.at += 1;
        }
        let start = self.at;
        let b = *self.bytes.get(start)?;
        self.at += 1;
        Some(match b {
            b'{' | b'[' => Token::Open {
                object: b == b'{',
                at: start,
            },
            b'}' | b']' => Token::Close,
            b':' => Token::Colon,
            b',' => Token::Comma,
            b'"' => loop {
                match self.bytes.get(self.at) {
                    None => {
                        self.at = self.bytes.len();
                        break Token::Text {
                            start,
                            end: self.at,
                            closed: false,
                        };
                    }
                    Some(b'"') => {
                        self.at += 1;
                        break Token::Text {
                            start,
                            end: self.at,
                            closed: true,
                        };
                    }
                    Some(b'\\') => self.at += 2,
                    Some(_) => self.at += 1,
                }
            },
            _ => {
                while self
                    .bytes
                    .get(self.at)
                    .is_some_and(|&b| !is_space(b) && !b"{}[]:,\"".contains(&b))
                {
                    self.at += 1;
                }
                Token::Bare {
                    start,
                    end: self.at,
                }
            }
        })
    }
}

/// `compact` (a JSON text without white space, as `serde_json::to_string` writes it) indented as
/// `serde_json::to_string_pretty` writes the same value: two spaces a level, `"key": value`,
/// `[]` and `{}` for empty lists and objects. White space outside strings is dropped first, so
/// any JSON text comes out the same way; on malformed text the tokens are written as they come.
pub fn pretty(compact: &str) -> String {
    fn line(out: &mut String, depth: usize) {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    }
    let mut out = String::with_capacity(compact.len() + compact.len() / 2);
    // For each open bracket: its closing one.
    let mut open: Vec<char> = Vec::new();
    let mut tokens = Tokens::new(compact.as_bytes()).peekable();
    while let Some(token) = tokens.next() {
        match token {
            Token::Open { object, .. } => {
                let close = if object { '}' } else { ']' };
                out.push(if object { '{' } else { '[' });
                if matches!(tokens.peek(), Some(Token::Close)) {
                    tokens.next();
                    out.push(close);
                } else {
                    open.push(close);
                    line(&mut out, open.len());
                }
            }
            Token::Close => {
                let close = open.pop().unwrap_or('}');
                line(&mut out, open.len());
                out.push(close);
            }
            Token::Colon => out.push_str(": "),
            Token::Comma => {
                out.push(',');
                line(&mut out, open.len());
            }
            Token::Text { start, end, .. } | Token::Bare { start, end } => {
                out.push_str(compact.get(start..end).unwrap_or_default());
            }
        }
    }
    out
}

/// Where the first bracket nested deeper than `limit` opens, as a line (from 1) and a column
/// (bytes from the line's start, from 1), or `None` when the text stays within it. Brackets in
/// strings are text; an unmatched closing bracket does not lower the depth below zero.
pub fn too_deep(text: &str, limit: usize) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    for token in Tokens::new(text.as_bytes()) {
        match token {
            Token::Open { at, .. } => {
                depth += 1;
                if depth > limit {
                    return Some(line_column(text, at));
                }
            }
            Token::Close => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The line (from 1) and column (bytes on the line, from 1) of the byte at `at`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.as_bytes().get(..at).unwrap_or(text.as_bytes());
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let lines = before.iter().filter(|&&b| b == b'\n').count();
    (lines + 1, at - line_start + 1)
}

/// The byte offset of a serde_json error position in `text`: `line` from 1, `column` the bytes
/// read on that line (serde_json's own count). Line 0, an error without position, is offset 0.
pub fn offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = match line.checked_sub(2) {
        None => 0,
        Some(newlines) => text
            .match_indices('\n')
            .nth(newlines)
            .map_or(text.len(), |(i, _)| i + 1),
    };
    line_start.saturating_add(column).min(text.len())
}

/// The number or literal that the byte at `at` belongs to, or that ends just before it.
pub fn bare_token_at(text: &str, at: usize) -> Option<&str> {
    Tokens::new(text.as_bytes()).find_map(|token| match token {
        Token::Bare { start, end } if start <= at && at <= end => text.get(start..end),
        _ => None,
    })
}

/// What a reader that has consumed a prefix of a JSON text is on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spot {
    /// The path of the value being read: after a key, its value; after a list's `[` or `,`, the
    /// next element; after a value's last byte or a closing bracket, that value.
    pub path: Vec<Step>,
    /// The prefix ends just after an object's key, before its colon (the path ends with it).
    pub after_key: bool,
    /// The prefix ends inside a string, or just after a byte of a number or literal.
    pub in_token: bool,
}

/// An open object or list, as [`spot`] meets it.
enum Frame {
    /// An object: the byte range of its current key (quotes included), once read, and whether
    /// the colon after that key has been read.
    Object {
        key: Option<(usize, usize)>,
        colon: bool,
    },
    /// A list: the index of its current element.
    List { index: usize },
}

/// What a reader is on after consuming the first `at` bytes of `text` (all of it if `at` is
/// past the end). Linear in `at`; it allocates the stack of open brackets and, at the end, the
/// keys of the path.
pub fn spot(text: &str, at: usize) -> Spot {
    let bytes = text.as_bytes();
    let read = bytes.get(..at).unwrap_or(bytes);
    let mut stack: Vec<Frame> = Vec::new();
    let mut last = None;
    for token in Tokens::new(read) {
        last = Some(token);
        match token {
            Token::Open { object: true, .. } => stack.push(Frame::Object {
                key: None,
                colon: false,
            }),
            Token::Open { object: false, .. } => stack.push(Frame::List { index: 0 }),
            Token::Close => {
                stack.pop();
            }
            Token::Colon => {
                if let Some(Frame::Object { colon, .. }) = stack.last_mut() {
                    *colon = true;
                }
            }
            Token::Comma => match stack.last_mut() {
                Some(Frame::Object { key, colon }) => {
                    *key = None;
                    *colon = false;
                }
                Some(Frame::List { index }) => *index += 1,
                None => {}
            },
            // A string where an object expects a key is that key.
            Token::Text {
                start,
                end,
                closed: true,
            } => {
                if let Some(Frame::Object {
                    key: key @ None,
                    colon: false,
                }) = stack.last_mut()
                {
                    *key = Some((start, end));
                }
            }
            Token::Text { .. } | Token::Bare { .. } => {}
        }
    }
    let in_token = match last {
        Some(Token::Text { closed, .. }) => !closed,
        Some(Token::Bare { end, .. }) => end == read.len(),
        _ => false,
    };
    let in_string = matches!(last, Some(Token::Text { closed: false, .. }));
    let after_key = !in_string
        && matches!(
            stack.last(),
            Some(Frame::Object {
                key: Some(_),
                colon: false
            })
        );
    let path = stack
        .iter()
        .filter_map(|frame| match *frame {
            Frame::Object { key, .. } => {
                key.map(|(start, end)| Step::Key(key_text(text, start, end)))
            }
            Frame::List { index } => Some(Step::Index(index)),
        })
        .collect();
    Spot {
        path,
        after_key,
        in_token,
    }
}

/// The key whose JSON string (quotes included) spans `start..end` of `text`, unescaped.
fn key_text(text: &str, start: usize, end: usize) -> String {
    let raw = text.get(start..end).unwrap_or_default();
    serde_json::from_str(raw).unwrap_or_else(|_| {
        let inner = text.as_bytes().get(start + 1..end - 1).unwrap_or_default();
        String::from_utf8_lossy(inner).into_owned()
    })
}

/// The value of the top-level field `key` of the JSON object that `head` begins, when `head`
/// reaches it and it is written as a plain whole number (`"revision":42`).
///
/// `None` means "not known from this much text": the field lies beyond `head`, is absent, is
/// written another way (an escaped key, a fraction, a string), or the text is not an object.
/// The caller then reads the whole document. A field of the same name inside a nested value or
/// a string is not the top-level one and is passed over.
pub fn top_level_u64(head: &str, key: &str) -> Option<u64> {
    let bytes = head.as_bytes();
    let mut tokens = Tokens::new(bytes);
    if !matches!(tokens.next()?, Token::Open { object: true, .. }) {
        return None;
    }
    loop {
        // `}` (the key is absent) or not JSON: unknown.
        let Token::Text {
            start,
            end,
            closed: true,
        } = tokens.next()?
        else {
            return None;
        };
        if tokens.next()? != Token::Colon {
            return None;
        }
        if bytes.get(start + 1..end - 1)? == key.as_bytes() {
            let Token::Bare { start, end } = tokens.next()? else {
                return None;
            };
            let digits = bytes.get(start..end)?;
            // The number must be whole in `head`: something JSON allows after it follows.
            let after = bytes.get(end)?;
            if !digits.iter().all(u8::is_ascii_digit) || !b",} \t\n\r".contains(after) {
                return None;
            }
            return std::str::from_utf8(digits).ok()?.parse().ok();
        }
        skip_value(&mut tokens)?;
        if tokens.next()? != Token::Comma {
            return None;
        }
    }
}

/// Passes over one value (an object or list with everything nested in it), or `None` when
/// there is none.
fn skip_value(tokens: &mut Tokens<'_>) -> Option<()> {
    match tokens.next()? {
        Token::Text { closed: true, .. } | Token::Bare { .. } => Some(()),
        Token::Open { .. } => {
            let mut depth = 1usize;
            while depth > 0 {
                match tokens.next()? {
                    Token::Open { .. } => depth += 1,
                    Token::Close => depth -= 1,
                    _ => {}
                }
            }
            Some(())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan_file::json_path::path_text;
    use serde_json::Value;

    fn key(k: &str) -> Step {
        Step::Key(k.to_string())
    }

    /// The path text at the byte just before the first occurrence of `marker` in `text`, with
    /// the marker removed from the text first.
    fn at(text_with_marker: &str) -> Spot {
        let (before, after) = text_with_marker.split_once('|').unwrap();
        let text = format!("{before}{after}");
        spot(&text, before.len())
    }

    fn path_at(text_with_marker: &str) -> String {
        path_text(&at(text_with_marker).path)
    }

    // Guards: the empty prefix and a prefix outside any container are the document itself.
    #[test]
    fn the_top_is_the_empty_path() {
        assert_eq!(at("|{\"a\":1}"), Spot::default());
        assert_eq!(path_at("{\"a\":1}|"), "");
        assert_eq!(path_at("  5|  "), "");
        assert_eq!(path_at("[1,2]|"), "");
    }

    // Guards: from a key on, the path names it: after the key (an unknown field), after the
    // colon (a value about to be read), inside and just after the value.
    #[test]
    fn a_key_names_its_value_from_the_key_on() {
        let s = at("{\"goal\":{\"colour\"|:\"red\"}}");
        assert_eq!(s.path, vec![key("goal"), key("colour")]);
        assert!(s.after_key && !s.in_token);
        let s = at("{\"goal\":{\"colour\":|\"red\"}}");
        assert!(!s.after_key && !s.in_token);
        assert_eq!(path_text(&s.path), "goal.colour");
        let s = at("{\"goal\":{\"colour\":\"re|d\"}}");
        assert!(s.in_token);
        assert_eq!(path_text(&s.path), "goal.colour");
        assert_eq!(path_at("{\"goal\":{\"colour\":\"red\"|}}"), "goal.colour");
        assert_eq!(path_at("{\"n\":12|3,\"m\":4}"), "n");
        assert_eq!(path_at("{\"n\":123|,\"m\":4}"), "n");
        assert_eq!(path_at("{\"b\":tr|ue}"), "b");
        assert!(at("{\"b\":tr|ue}").in_token);
        assert!(!at("{\"b\":\"x\"|}").in_token);
    }

    // Guards: between entries (after a comma, or an object's opening brace) the path is the
    // object itself; a key is only a key before its colon.
    #[test]
    fn between_entries_the_path_is_the_object() {
        assert_eq!(path_at("{\"a\":{|}}"), "a");
        assert_eq!(path_at("{\"a\":{\"x\":1,|\"y\":2}}"), "a");
        assert_eq!(path_at("{\"a\":{\"x\":1, |\"y\":2}}"), "a");
        // A string value is not taken for a key.
        assert_eq!(path_at("{\"a\":\"b\",\"c\"|:1}"), "c");
        assert!(!at("{\"a\":\"b\"|,\"c\":1}").after_key);
    }

    // Guards: a closing bracket ends at the container it closes (a missing field is reported
    // there), and the next entry starts fresh.
    #[test]
    fn a_closed_container_is_the_path_until_the_next_entry() {
        let text = "{\"plan\":{\"budget\":{\"allocations\":[{\"id\":\"a1\"}|,{}]}}}";
        assert_eq!(path_at(text), "plan.budget.allocations[0]");
        assert_eq!(path_at("{\"a\":[1,[2,3]|]}"), "a[1]");
        assert_eq!(path_at("{\"a\":[1,[2,3]]|}"), "a");
        assert_eq!(path_at("{\"a\":[1,[2,3]],|\"b\":1}"), "");
        assert_eq!(path_at("{\"a\":{\"b\":{}}|,\"c\":1}"), "a");
    }

    // Guards: lists count their elements, nested lists each keep their own count, and the
    // element about to be read (after `[` or `,`) already has its index.
    #[test]
    fn lists_count_elements() {
        assert_eq!(path_at("{\"kpis\":[|{}]}"), "kpis[0]");
        assert_eq!(path_at("{\"kpis\":[{},{},|{}]}"), "kpis[2]");
        assert_eq!(
            path_at("{\"kpis\":[{},{},{\"target\":\"x\"|}]}"),
            "kpis[2].target"
        );
        assert_eq!(path_at("[[1,2],[3,|4]]"), "[1][1]");
        assert_eq!(path_at("[[1,2],[3,4]|]"), "[1]");
        assert_eq!(path_at("[[],[[],[[]],[|]]]"), "[1][2][0]");
        assert_eq!(path_at("[[],[[],[[]],[]|]]"), "[1][2]");
        assert_eq!(path_at("[ 1 , 2 , |3 ]"), "[2]");
    }

    // Guards: brackets, braces, commas, colons and escaped quotes inside strings, keys and
    // values alike, are text, not structure.
    #[test]
    fn strings_hide_structure() {
        let text = r#"{"a[0]":{"b,}{:":"x\"],{","c\\":[",]",|1]}}"#;
        assert_eq!(path_at(text), r#"a[0].c\[1]"#);
        let s = at(r#"{"a":"x\"]|"}"#);
        assert!(s.in_token);
        assert_eq!(path_text(&s.path), "a");
        assert_eq!(path_at(r#"{"a\\":"\\"|}"#), r#"a\"#);
    }

    // Guards: keys are unescaped (`\"`, `\u00e9`, surrogate pairs) and raw UTF-8 is kept whole.
    #[test]
    fn keys_are_unescaped_and_unicode_is_kept() {
        assert_eq!(
            at(r#"{"caf\u00e9":{"\"q\"":|1}}"#).path,
            vec![key("café"), key("\"q\"")]
        );
        assert_eq!(at(r#"{"\ud83d\ude80"|:1}"#).path, vec![key("🚀")]);
        assert_eq!(
            path_at("{\"مرحبا\":{\"🚀 x\":[\"é\",|2]}}"),
            "مرحبا.🚀 x[1]"
        );
        // A position inside a multi-byte character does not split anything.
        let text = "{\"k\":\"🚀\"}";
        for at_byte in 0..=text.len() {
            let _ = spot(text, at_byte);
        }
        assert_eq!(path_text(&spot(text, 7).path), "k");
    }

    // Guards: an empty key still takes a place in the path, as serde writes it.
    #[test]
    fn empty_keys_and_top_level_lists_are_written_like_serde() {
        assert_eq!(path_at("{\"\":{\"a\":|1}}"), ".a");
        assert_eq!(path_at("[{\"a\":|1}]"), "[0].a");
        assert_eq!(path_text(&[]), "");
        assert_eq!(
            path_text(&[key("plan"), Step::Index(3), key("x"), Step::Index(0)]),
            "plan[3].x[0]"
        );
    }

    // Guards: broken or arbitrary text never panics and still gives a path.
    #[test]
    fn malformed_text_is_survived() {
        for text in [
            "}}]]",
            "{\"a",
            "{\"a\\",
            "[,,,",
            "{:::}",
            "\"",
            "{\"a\":\"b",
            "\\\"{",
        ] {
            for at_byte in 0..=text.len() + 2 {
                let _ = spot(text, at_byte);
            }
        }
        assert_eq!(path_at("]]{\"a\":|1"), "a");
        assert_eq!(spot("{\"a\":1}", 1000), spot("{\"a\":1}", 7));
    }

    // Guards: serde_json positions (line from 1, bytes read on the line) map back to offsets.
    #[test]
    fn positions_become_offsets() {
        let text = "{\n  \"a\": 1,\n  \"b\": x\n}";
        assert_eq!(offset(text, 1, 0), 0);
        assert_eq!(offset(text, 1, 1), 1);
        assert_eq!(offset(text, 2, 0), 2);
        assert_eq!(offset(text, 3, 7), text.find('x').unwrap());
        assert_eq!(offset(text, 0, 0), 0);
        assert_eq!(offset(text, 9, 3), text.len());
        assert_eq!(offset(text, 1, 999), text.len());
        // The positions serde_json itself reports.
        let err = serde_json::from_str::<Value>(text).unwrap_err();
        let at = offset(text, err.line(), err.column());
        assert_eq!(text.get(at - 1..at), Some("x"));
        assert_eq!(path_text(&spot(text, at).path), "b");
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use crate::domain::plan_file::json_path::value_at;
        use proptest::prelude::*;
        use serde_json::json;

        /// Any JSON list or object, with keys and strings full of quotes, backslashes, brackets and
        /// non-ASCII text.
        fn document() -> impl Strategy<Value = Value> {
            let text = prop_oneof!["\\PC{0,8}", "[\"\\\\{}\\[\\],: é🚀]{0,6}"];
            let leaf = prop_oneof![
                Just(Value::Null),
                any::<bool>().prop_map(Value::from),
                any::<i64>().prop_map(Value::from),
                (-1e300f64..1e300).prop_map(Value::from),
                text.clone().prop_map(Value::from),
            ];
            let value = leaf.prop_recursive(5, 48, 6, {
                let text = text.clone();
                move |inner| {
                    prop_oneof![
                        proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                        proptest::collection::btree_map(text.clone(), inner, 0..6)
                            .prop_map(|m| Value::Object(m.into_iter().collect())),
                    ]
                }
            });
            // A list or an object at the top, never empty, so there is a value to find.
            prop_oneof![
                proptest::collection::vec(value.clone(), 1..6).prop_map(Value::Array),
                proptest::collection::btree_map(text, value, 1..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        }

        /// The path of every value inside `value`, the document itself excepted.
        fn paths(value: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
            let children: Vec<(Step, &Value)> = match value {
                Value::Array(items) => items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (Step::Index(i), v))
                    .collect(),
                Value::Object(map) => map.iter().map(|(k, v)| (Step::Key(k.clone()), v)).collect(),
                _ => Vec::new(),
            };
            for (step, child) in children {
                at.push(step);
                out.push(at.clone());
                paths(child, at, out);
                at.pop();
            }
        }

        fn slot<'a>(root: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
            path.iter().try_fold(root, |value, step| match step {
                Step::Key(key) => value.get_mut(key.as_str()),
                Step::Index(index) => value.get_mut(*index),
            })
        }

        const MARK: &str = "\u{a7}MARK\u{a7}";

        proptest! {
            // Guards: a wrong path for any value of any document, compact or pretty: just
            // before the value, just after its last byte (a closing bracket for a list) and
            // inside it, the path is the value's, and it leads back to the value.
            #[test]
            fn every_value_is_found_by_its_position(
                doc in document(),
                pick in any::<prop::sample::Index>(),
                as_list in any::<bool>(),
                pretty in any::<bool>(),
            ) {
                let mut all = Vec::new();
                paths(&doc, &mut Vec::new(), &mut all);
                prop_assume!(!all.is_empty());
                let path = all[pick.index(all.len())].clone();
                let mut doc = doc;
                let marked = if as_list { json!([MARK]) } else { json!(MARK) };
                *slot(&mut doc, &path).unwrap() = marked.clone();
                let text = if pretty {
                    serde_json::to_string_pretty(&doc).unwrap()
                } else {
                    doc.to_string()
                };
                prop_assume!(text.matches(MARK).count() == 1);
                // The marker's string, quotes included, and the list around it if it has one.
                let mut start = text.find(MARK).unwrap() - 1;
                let mut end = start + MARK.len() + 2;
                if as_list {
                    start = text[..start].rfind('[').unwrap();
                    end += text[end..].find(']').unwrap() + 1;
                }
                prop_assert_eq!(&spot(&text, start).path, &path);
                prop_assert_eq!(&spot(&text, end).path, &path);
                if !as_list {
                    let inside = spot(&text, start + 2);
                    prop_assert!(inside.in_token);
                    prop_assert_eq!(&inside.path, &path);
                }
                prop_assert_eq!(value_at(&doc, &path), Some(&marked));
            }

            // Guards: a panic on any text at any offset.
            #[test]
            fn any_text_at_any_offset_is_survived(text in "\\PC{0,60}", at in 0usize..80) {
                let _ = spot(&text, at);
                let _ = offset(&text, at / 8, at);
            }
        }
    }
}

#[cfg(test)]
mod head_tests {
    use super::*;

    #[test]
    fn finds_the_field_after_others_of_every_kind() {
        let text = r#"{"a":"x\"y\\","b":{"revision":5,"c":[1,{"d":"}"}]},"e":[],"f":-1.5e3,"g":null,"revision":42,"z":1}"#;
        assert_eq!(top_level_u64(text, "revision"), Some(42));
        // Whitespace anywhere JSON allows it.
        assert_eq!(
            top_level_u64(" {\n \"revision\" :\t7 \n}", "revision"),
            Some(7)
        );
    }

    #[test]
    fn a_nested_field_or_a_string_that_looks_like_the_field_is_not_it() {
        assert_eq!(
            top_level_u64(r#"{"goal":{"revision":5}}"#, "revision"),
            None
        );
        assert_eq!(
            top_level_u64(r#"{"name":"\"revision\":9","revision":3}"#, "revision"),
            Some(3)
        );
        assert_eq!(
            top_level_u64(r#"{"baseline_revision":9}"#, "revision"),
            None
        );
    }

    #[test]
    fn anything_unusual_says_unknown_rather_than_guessing() {
        for text in [
            r#"{"revision":1.5}"#,
            r#"{"revision":-1}"#,
            r#"{"revision":"4"}"#,
            r#"{"revision":99999999999999999999999}"#,
            r#"{"rev\u0069sion":4}"#,
            r#"{"revision":4"#,
            r#"["revision",4]"#,
            "",
            "{",
            r#"{"a":[1,2}"#,
            r#"{"a":}"#,
        ] {
            assert_eq!(top_level_u64(text, "revision"), None, "{text}");
        }
    }

    #[test]
    fn a_saved_plan_gives_its_revision_from_its_first_few_hundred_characters() {
        // Guards the field order the fast path relies on: `revision` is written early.
        let mut plan = crate::domain::model::plan::Plan::blank("p1", &"N".repeat(200), 0);
        plan.revision = 1234;
        let text = serde_json::to_string(&plan).unwrap();
        assert_eq!(top_level_u64(&text[..400], "revision"), Some(1234));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod head_properties {
    use super::*;
    use proptest::prelude::*;

    /// Plan-like documents: the revision somewhere among fields holding awkward strings and
    /// nested values.
    fn document() -> impl Strategy<Value = (String, u64)> {
        let field = prop_oneof![
            "\\PC{0,20}".prop_map(serde_json::Value::String),
            any::<i64>().prop_map(serde_json::Value::from),
            prop::collection::vec("\\PC{0,8}", 0..4)
                .prop_map(|v| serde_json::json!({ "revision": 1, "list": v, "s": "}]\"" })),
        ];
        (
            prop::collection::vec(("[a-z_]{1,10}", field), 0..8),
            any::<u64>(),
            0usize..8,
        )
            .prop_map(|(fields, revision, at)| {
                let mut parts: Vec<String> = fields
                    .into_iter()
                    .filter(|(k, _)| k != "revision")
                    .map(|(k, v)| format!("{}:{}", serde_json::to_string(&k).unwrap(), v))
                    .collect();
                let at = at.min(parts.len());
                parts.insert(at, format!("\"revision\":{revision}"));
                (format!("{{{}}}", parts.join(",")), revision)
            })
    }

    proptest! {
        // Guards the autosave's conflict check: from any amount of the text, the answer is the
        // stored revision or "unknown", never another number, and the whole text always tells.
        #[test]
        fn any_head_of_a_document_gives_its_revision_or_unknown((text, revision) in document(), cut in 0usize..400) {
            let mut cut = cut.min(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let found = top_level_u64(&text[..cut], "revision");
            prop_assert!(found.is_none() || found == Some(revision), "{found:?} from {:?}", &text[..cut]);
            prop_assert_eq!(top_level_u64(&text, "revision"), Some(revision));
        }
    }
}

#[cfg(test)]
mod depth_tests {
    use super::*;

    // Guards: the depth scan ignores brackets inside strings and escaped quotes, and names the
    // first bracket past the limit by line and column.
    #[test]
    fn brackets_in_strings_do_not_count_and_the_first_too_deep_is_placed() {
        let in_strings = format!("{{\"a\": \"{}\\\"{}\"}}", "[".repeat(100), "{".repeat(100));
        assert_eq!(too_deep(&in_strings, 64), None);
        let deep = format!("{}{}", "[".repeat(65), "]".repeat(65));
        assert_eq!(too_deep(&deep, 64), Some((1, 65)));
        assert_eq!(too_deep("[\n [\n  [1]]]", 2), Some((3, 3)));
        assert_eq!(too_deep("]]]][[", 2), None);
        assert_eq!(too_deep("[[", 2), None);
    }

    // Guards: the number a syntax error stopped in or just after is found whole.
    #[test]
    fn the_bare_token_at_a_position_is_found_whole() {
        let text = r#"{"a":"1e999","b":1e999,"c":true}"#;
        let at = text.find("1e999,").unwrap();
        for offset in at..=at + 5 {
            assert_eq!(bare_token_at(text, offset), Some("1e999"), "{offset}");
        }
        assert_eq!(bare_token_at(text, 6), None);
        assert_eq!(bare_token_at(text, text.len()), None);
    }
}

#[cfg(test)]
mod pretty_tests {
    use super::*;

    // Guards: the export file reads as serde_json's pretty printer writes it, keys in the
    // plan's order, for the example plan (every kind of field, empty lists, nested objects).
    #[test]
    fn indents_the_example_plan_as_serde_json_does() {
        let text = include_str!("../../../examples/seed-example.alur.json");
        let doc: serde_json::Value = serde_json::from_str(text).unwrap();
        let plan: crate::domain::model::plan::Plan =
            serde_json::from_value(doc["plan"].clone()).unwrap();
        assert_eq!(
            pretty(&serde_json::to_string(&plan).unwrap()),
            serde_json::to_string_pretty(&plan).unwrap()
        );
    }

    // Guards: brackets, commas and colons inside strings are text; empty containers stay on
    // their line; white space between tokens does not change the result.
    #[test]
    fn strings_and_empty_containers() {
        assert_eq!(
            pretty(r#"{"a,b":"[{:}]","c":[],"d":{},"e":[1,{"f":null}]}"#),
            "{\n  \"a,b\": \"[{:}]\",\n  \"c\": [],\n  \"d\": {},\n  \"e\": [\n    1,\n    {\n      \"f\": null\n    }\n  ]\n}"
        );
        assert_eq!(pretty(" [ 1 , \"x\\\"y\" ] "), "[\n  1,\n  \"x\\\"y\"\n]");
        assert_eq!(pretty("[]"), "[]");
        assert_eq!(pretty("\"s\""), "\"s\"");
    }

    // Guards: malformed text is written as best it can be, never a panic.
    #[test]
    fn malformed_text_does_not_panic() {
        for text in ["", "}", "]]", "{\"a\":", "[1,", "\"open", "{{{{", "\u{e9}{"] {
            let _ = pretty(text);
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        use crate::domain::plan_file::json_text::arb::arb_json;

        proptest! {
            // Guards: for any value (any string, any nesting), the same text as serde_json's
            // pretty printer.
            #[test]
            fn same_as_serde_json_pretty(value in arb_json()) {
                let compact = serde_json::to_string(&value).unwrap();
                prop_assert_eq!(pretty(&compact), serde_json::to_string_pretty(&value).unwrap());
            }

            // Guards: any text at all, JSON or not, without a panic.
            #[test]
            fn any_text_without_panic(text in "[\\[\\]{}\":,0-9a-z\\\\ \n\u{e9}]{0,40}") {
                let _ = pretty(&text);
            }
        }
    }
}

/// Any JSON value (any string, whole and fractional numbers, nesting), for property tests of
/// code that reads or writes JSON text.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod arb {
    use proptest::prelude::*;

    pub(crate) fn arb_json() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<i64>().prop_map(|n| serde_json::json!(n)),
            (-1e12f64..1e12).prop_map(|f| serde_json::json!(f)),
            any::<String>().prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                prop::collection::btree_map(any::<String>(), inner, 0..6)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }
}
