//! Reads one top-level field from the start of a JSON object's text, without parsing the rest.
//!
//! Every autosave first checks the stored plan's revision (has another tab saved since?). Read
//! whole, a large plan's text costs tens of milliseconds to copy into the wasm and parse, all
//! for one number that Alur writes near the start of the document. This reads only as far as
//! that number.

// Input path (text from storage): nothing here may panic.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

/// The value of the top-level field `key` of the JSON object that `head` begins, when `head`
/// reaches it and it is written as a plain whole number (`"revision":42`).
///
/// `None` means "not known from this much text": the field lies beyond `head`, is absent, is
/// written another way (an escaped key, a fraction, a string), or the text is not an object.
/// The caller then reads the whole document. A field of the same name inside a nested value or
/// a string is not the top-level one and is passed over.
pub fn top_level_u64(head: &str, key: &str) -> Option<u64> {
    let bytes = head.as_bytes();
    let mut at = skip_space(bytes, 0);
    if bytes.get(at) != Some(&b'{') {
        return None;
    }
    at += 1;
    loop {
        at = skip_space(bytes, at);
        if bytes.get(at) != Some(&b'"') {
            return None; // `}` (the key is absent) or not JSON
        }
        let key_end = string_end(bytes, at)?;
        let this_key = bytes.get(at + 1..key_end - 1)?;
        at = skip_space(bytes, key_end);
        if bytes.get(at) != Some(&b':') {
            return None;
        }
        at = skip_space(bytes, at + 1);
        if this_key == key.as_bytes() {
            let digits = bytes
                .get(at..)?
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let after = bytes.get(at + digits)?;
            if digits == 0 || !matches!(after, b',' | b'}' | b' ' | b'\t' | b'\n' | b'\r') {
                return None;
            }
            return std::str::from_utf8(bytes.get(at..at + digits)?)
                .ok()?
                .parse()
                .ok();
        }
        at = skip_space(bytes, value_end(bytes, at)?);
        match bytes.get(at) {
            Some(b',') => at += 1,
            _ => return None,
        }
    }
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while matches!(bytes.get(at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        at += 1;
    }
    at
}

/// Just past the closing quote of the string that opens at `at`.
fn string_end(bytes: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    loop {
        match bytes.get(i)? {
            b'"' => return Some(i + 1),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
}

/// Just past the value that starts at `at`: a string, an object or array (with everything
/// nested in it), or a number or literal.
fn value_end(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at)? {
        b'"' => string_end(bytes, at),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = at;
            loop {
                match bytes.get(i)? {
                    b'"' => {
                        i = string_end(bytes, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.checked_sub(1)?;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            let len = bytes
                .get(at..)?
                .iter()
                .take_while(|b| !matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
                .count();
            (len > 0).then_some(at + len)
        }
    }
}

#[cfg(test)]
mod tests {
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
mod properties {
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
