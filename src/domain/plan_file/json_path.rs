//! Paths into JSON documents (`kpis[2].target`), as import messages name a faulty value: their
//! steps, their text, the value they lead to, and where in a JSON text a reader stopped.
//! serde_json's syntax errors give a line and column; [`spot`] turns the text read up to there
//! into the path of the value being read, with one linear pass and a stack of open objects and
//! lists (a number too large, for one, is named by its field).

// Input path: a panic here kills the app, so indexing that could go out of bounds is refused.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use std::fmt::Write as _;

use serde_json::Value;

/// One step of a path into a JSON document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// A key of an object, unescaped.
    Key(String),
    /// An index into a list, from 0.
    Index(usize),
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

/// An open object or list, as the scan meets it.
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
/// keys of the path. Any text is accepted: on malformed JSON the path is a best effort.
pub fn spot(text: &str, at: usize) -> Spot {
    let bytes = text.as_bytes();
    let read = bytes.get(..at).unwrap_or(bytes);
    let mut stack: Vec<Frame> = Vec::new();
    // Where the string being read starts, while inside one.
    let mut string: Option<usize> = None;
    let (mut escaped, mut in_literal) = (false, false);
    for (i, &b) in read.iter().enumerate() {
        if let Some(start) = string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                string = None;
                // A string where an object expects a key is that key.
                if let Some(Frame::Object {
                    key: key @ None,
                    colon: false,
                }) = stack.last_mut()
                {
                    *key = Some((start, i + 1));
                }
            }
            continue;
        }
        in_literal = false;
        match b {
            b'"' => string = Some(i),
            b'{' => stack.push(Frame::Object {
                key: None,
                colon: false,
            }),
            b'[' => stack.push(Frame::List { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { colon, .. }) = stack.last_mut() {
                    *colon = true;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, colon }) => {
                    *key = None;
                    *colon = false;
                }
                Some(Frame::List { index }) => *index += 1,
                None => {}
            },
            b' ' | b'\t' | b'\n' | b'\r' => {}
            _ => in_literal = true,
        }
    }
    let after_key = string.is_none()
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
        in_token: string.is_some() || in_literal,
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

/// The path as import messages write it: keys joined by dots, indexes in brackets
/// (`kpis[2].target`); the document itself is the empty path.
pub fn path_text(path: &[Step]) -> String {
    let mut out = String::new();
    for (n, step) in path.iter().enumerate() {
        match step {
            Step::Key(key) => {
                if n > 0 {
                    out.push('.');
                }
                out.push_str(key);
            }
            Step::Index(index) => {
                // Writing to a String cannot fail.
                let _ = write!(out, "[{index}]");
            }
        }
    }
    out
}

/// The value at `path` inside `root`, if there is one.
pub fn value_at<'a>(root: &'a Value, path: &[Step]) -> Option<&'a Value> {
    path.iter().try_fold(root, |value, step| match step {
        Step::Key(key) => value.get(key.as_str()),
        Step::Index(index) => value.get(*index),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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

    // Guards: a path leads back to its value, and a path that leads nowhere gives none.
    #[test]
    fn paths_lead_to_values() {
        let doc = json!({"kpis": [{"target": 1}, {"target": "x"}], "a.b": true});
        assert_eq!(
            value_at(&doc, &[key("kpis"), Step::Index(1), key("target")]),
            Some(&json!("x"))
        );
        assert_eq!(value_at(&doc, &[key("a.b")]), Some(&json!(true)));
        assert_eq!(value_at(&doc, &[]), Some(&doc));
        assert_eq!(value_at(&doc, &[key("kpis"), Step::Index(5)]), None);
        assert_eq!(value_at(&doc, &[Step::Index(0)]), None);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

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
