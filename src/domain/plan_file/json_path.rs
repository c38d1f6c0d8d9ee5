//! Paths into JSON documents (`kpis[2].target`), as import messages name a faulty value: their
//! steps, their text, and the value they lead to. Where in a JSON *text* a path starts is
//! [`crate::domain::plan_file::json_text::spot`]'s question.

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

    // Guards: paths are written as serde writes them.
    #[test]
    fn paths_are_written_like_serde() {
        assert_eq!(path_text(&[]), "");
        assert_eq!(path_text(&[key(""), key("a")]), ".a");
        assert_eq!(
            path_text(&[key("plan"), Step::Index(3), key("x"), Step::Index(0)]),
            "plan[3].x[0]"
        );
    }
}
