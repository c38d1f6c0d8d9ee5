//! Plan files: export to JSON, and import with every check a hand-edited or foreign file needs.
//! The checks run cheapest first (size, encoding, nesting) so a hostile file costs little, and
//! each failure says where it is, for [`crate::i18n::messages`] to explain to the user.

// Input path: a panic here kills the app, so indexing that could go out of bounds is refused.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::date::Date;
use super::migrate::{self, MigrateError};
use super::plan::{Plan, SCHEMA_VERSION};
use super::validate::{validate, IssueKind, ValidationIssue};

/// The largest file import reads. A plan is a few hundred KB; 10 MB leaves room for years of
/// measurements while keeping a wrong file (a video, a database dump) from freezing the tab.
pub const MAX_IMPORT_BYTES: usize = 10 * 1024 * 1024;

/// The deepest bracket nesting import accepts. A plan nests about six levels; the limit stops
/// pathological files before the JSON parser recurses into them.
pub const MAX_DEPTH: usize = 64;

/// The `format` tag of an export file.
pub const EXPORT_FORMAT: &str = "alur-plan";

/// An exported plan file: the plan plus what is needed to recognise and date it. Generic over
/// the plan so export can borrow it and the header can be read without the plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportFile<P = Plan> {
    /// Always [`EXPORT_FORMAT`].
    pub format: String,
    /// The schema version of the file.
    pub schema_version: u32,
    /// The app version that wrote it (informational).
    #[serde(default)]
    pub app_version: String,
    /// When it was written, RFC 3339 (informational).
    #[serde(default)]
    pub exported_at: String,
    /// The plan.
    pub plan: P,
}

/// The kind of a JSON value, as found in a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonKind {
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean,
    /// A number.
    Number,
    /// A string.
    Text,
    /// An array.
    List,
    /// An object.
    Object,
}

impl JsonKind {
    /// The kind of `value`.
    pub fn of(value: &Value) -> JsonKind {
        match value {
            Value::Null => JsonKind::Null,
            Value::Bool(_) => JsonKind::Boolean,
            Value::Number(_) => JsonKind::Number,
            Value::String(_) => JsonKind::Text,
            Value::Array(_) => JsonKind::List,
            Value::Object(_) => JsonKind::Object,
        }
    }
}

impl std::fmt::Display for JsonKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            JsonKind::Null => "null",
            JsonKind::Boolean => "a boolean",
            JsonKind::Number => "a number",
            JsonKind::Text => "text",
            JsonKind::List => "a list",
            JsonKind::Object => "an object",
        })
    }
}

/// Why a file is not a plan this app can open. Every variant carries what the user needs to
/// find the fault: a line and column for syntax, a field path for content.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ImportError {
    /// Over [`MAX_IMPORT_BYTES`].
    #[error("the file is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// The file's size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// Nothing, or only white space.
    #[error("the file is empty")]
    Empty,
    /// UTF-16 text (some Windows editors save so); plan files are UTF-8.
    #[error("the file is UTF-16 text, not UTF-8")]
    Utf16,
    /// Not text at all.
    #[error("the file is not text (binary data at byte {offset})")]
    Binary {
        /// Byte offset of the first non-text byte.
        offset: usize,
    },
    /// Brackets nested deeper than [`MAX_DEPTH`].
    #[error("brackets nest deeper than {limit} levels at line {line}, column {column}")]
    TooDeep {
        /// Line, from 1.
        line: usize,
        /// Column in bytes, from 1.
        column: usize,
        /// The limit.
        limit: usize,
    },
    /// The JSON stops in the middle (a cut-off download or copy).
    #[error("the JSON ends too early at line {line}, column {column}")]
    Truncated {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
    },
    /// `NaN` or `Infinity`, which JavaScript writes but JSON does not allow.
    #[error("'{literal}' at line {line}, column {column} is not a JSON number")]
    NotANumber {
        /// The literal found.
        literal: String,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
    },
    /// A number too large to represent, such as `1e400`.
    #[error("the number at {path} (line {line}, column {column}) is out of range")]
    NumberOutOfRange {
        /// Field path.
        path: String,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
    },
    /// Any other JSON syntax error; `detail` is the parser's English description.
    #[error("JSON syntax error at line {line}, column {column}: {detail}")]
    Syntax {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// The parser's description.
        detail: String,
    },
    /// Valid JSON, but not an object at the top.
    #[error("the file holds {found}, not a JSON object")]
    NotAnObject {
        /// What it holds instead.
        found: JsonKind,
    },
    /// An object with a `format` other than [`EXPORT_FORMAT`]: some other app's file.
    #[error("the file's format is '{found}', not '{EXPORT_FORMAT}'")]
    WrongFormat {
        /// The format found (JSON text when not a string).
        found: String,
    },
    /// `schema_version` missing, malformed, too new or too old.
    #[error("{path}: {source}")]
    Version {
        /// Path of the `schema_version` field.
        path: String,
        /// What is wrong with it.
        source: MigrateError,
    },
    /// A required field is absent.
    #[error("{path}: the field '{field}' is missing")]
    MissingField {
        /// Path of the object lacking it.
        path: String,
        /// The field's name.
        field: String,
    },
    /// A field this version does not know (a typo, or another app's data).
    #[error("{path}: unknown field")]
    UnknownField {
        /// Path of the field.
        path: String,
    },
    /// A value of the wrong JSON type.
    #[error("{path}: expected {expected}, found {found}")]
    WrongType {
        /// Path of the value.
        path: String,
        /// What the field takes.
        expected: JsonKind,
        /// What the file has.
        found: JsonKind,
    },
    /// A date that is malformed or does not exist.
    #[error("{path}: '{value}' is not a date of the form YYYY-MM-DD")]
    InvalidDate {
        /// Path of the date.
        path: String,
        /// The text found.
        value: String,
    },
    /// A choice (status, channel, priority…) that is not one of the allowed words.
    #[error("{path}: '{value}' is not one of the allowed values")]
    UnknownChoice {
        /// Path of the value.
        path: String,
        /// The word found.
        value: String,
    },
    /// Any other unacceptable value; `detail` is serde's English description.
    #[error("{path}: {detail}")]
    InvalidValue {
        /// Path of the value.
        path: String,
        /// The description.
        detail: String,
    },
    /// The plan reads, but its content breaks the rules of [`validate`].
    #[error("the plan has {} problem(s), first: {}", issues.len(), issues.first().map(ToString::to_string).unwrap_or_default())]
    Invalid {
        /// Every issue, in document order (never empty).
        issues: Vec<ValidationIssue>,
    },
}

fn export_file<'a>(plan: &'a Plan, app_version: &str, exported_at: &str) -> ExportFile<&'a Plan> {
    ExportFile {
        format: EXPORT_FORMAT.to_string(),
        schema_version: SCHEMA_VERSION,
        app_version: app_version.to_string(),
        exported_at: exported_at.to_string(),
        plan,
    }
}

/// The plan as a pretty-printed export file.
pub fn export_json(plan: &Plan, app_version: &str, exported_at: &str) -> String {
    // Cannot fail: every map key is a string and no Serialize impl returns an error. Should it
    // ever, an empty download is refused loudly on import rather than half-written.
    serde_json::to_string_pretty(&export_file(plan, app_version, exported_at)).unwrap_or_default()
}

/// The plan as a compact export file (no indentation), for share links: the same document as
/// [`export_json`], read back by the same [`parse_plan_file`].
pub fn export_json_compact(plan: &Plan, app_version: &str, exported_at: &str) -> String {
    serde_json::to_string(&export_file(plan, app_version, exported_at)).unwrap_or_default()
}

/// The download name of a plan: `<slug>-<yyyy-mm-dd>.alur.json`. The slug keeps ASCII letters
/// and digits of the name, lowercased, joined by single hyphens; `plan` when nothing is left.
pub fn export_file_name(plan_name: &str, date: Date) -> String {
    let mut slug = String::new();
    for c in plan_name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        // Long names make unwieldy file names; 60 characters say enough.
        if slug.len() >= 60 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "plan" } else { slug };
    format!("{slug}-{date}.alur.json")
}

/// Reads a plan file chosen or dropped by the user: an export file, or a bare plan document.
pub fn parse_plan_file(bytes: &[u8]) -> Result<Plan, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            size: bytes.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    parse_text(decode(bytes)?)
}

/// Reads a plan as stored in localStorage (a bare plan document, though an export file is
/// accepted too), with the same checks as a file.
pub fn parse_stored_plan(text: &str) -> Result<Plan, ImportError> {
    parse_text(decode(text.as_bytes())?)
}

/// The text of the file, refusing what is not UTF-8 text. A UTF-8 byte order mark is dropped.
fn decode(bytes: &[u8]) -> Result<&str, ImportError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ImportError::Utf16);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    // UTF-16 without a mark: JSON starts with ASCII, so one byte of the first pair is zero.
    if let [a, b, ..] = bytes {
        if (*a == 0) != (*b == 0) {
            return Err(ImportError::Utf16);
        }
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ImportError::Binary { offset });
    }
    std::str::from_utf8(bytes).map_err(|e| ImportError::Binary {
        offset: e.valid_up_to(),
    })
}

fn parse_text(text: &str) -> Result<Plan, ImportError> {
    check_depth(text)?;
    let value = parse_json(text)?;
    let Value::Object(mut top) = value else {
        return Err(ImportError::NotAnObject {
            found: JsonKind::of(&value),
        });
    };
    // An export file is recognised by its wrapper fields; anything else is read as a bare plan.
    let (plan_value, prefix) = if top.contains_key("format") || top.contains_key("plan") {
        let plan = top.remove("plan");
        check_header(&top, plan.is_some())?;
        (plan.unwrap_or(Value::Null), "plan")
    } else {
        (Value::Object(top), "")
    };
    let plan_value = migrate::migrate(plan_value).map_err(|source| ImportError::Version {
        path: join(prefix, "schema_version"),
        source,
    })?;
    let plan: Plan = serde_path_to_error::deserialize(&plan_value)
        .map_err(|e| field_error(e, &plan_value, prefix))?;
    // Paths in messages count from the file's top, as the user sees it in an editor.
    let issues: Vec<ValidationIssue> = validate(&plan)
        .into_iter()
        .map(|i| ValidationIssue {
            path: join(prefix, &i.path),
            kind: match i.kind {
                IssueKind::DuplicateId { id, first } => IssueKind::DuplicateId {
                    id,
                    first: join(prefix, &first),
                },
                other => other,
            },
        })
        .collect();
    if issues.is_empty() {
        Ok(plan)
    } else {
        Err(ImportError::Invalid { issues })
    }
}

/// Checks the export wrapper: its format, its version, and the types of its own fields.
/// `top` comes without its `plan` (`has_plan` says whether there was one): copying a
/// multi-megabyte plan to check four small fields was most of the cost of a large import.
fn check_header(top: &serde_json::Map<String, Value>, has_plan: bool) -> Result<(), ImportError> {
    match top.get("format") {
        Some(Value::String(f)) if f == EXPORT_FORMAT => {}
        Some(other) => {
            let found = other
                .as_str()
                .map_or_else(|| other.to_string(), str::to_string);
            return Err(ImportError::WrongFormat { found });
        }
        None => {
            return Err(ImportError::MissingField {
                path: String::new(),
                field: "format".into(),
            })
        }
    }
    let mut wrapper = top.clone();
    if has_plan {
        wrapper.insert("plan".into(), Value::Null);
    }
    let wrapper = Value::Object(wrapper);
    migrate::document_version(&wrapper).map_err(|source| ImportError::Version {
        path: "schema_version".into(),
        source,
    })?;
    serde_path_to_error::deserialize::<_, ExportFile<IgnoredAny>>(&wrapper)
        .map(|_| ())
        .map_err(|e| field_error(e, &wrapper, ""))
}

/// Refuses nesting deeper than [`MAX_DEPTH`], counting brackets outside strings. Linear and
/// allocation-free, so it runs before the recursive parser.
fn check_depth(text: &str) -> Result<(), ImportError> {
    let (mut depth, mut line, mut column) = (0usize, 1usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for b in text.bytes() {
        if b == b'\n' {
            line += 1;
            column = 0;
        } else {
            column += 1;
        }
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(ImportError::TooDeep {
                        line,
                        column,
                        limit: MAX_DEPTH,
                    });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Parses the text into a JSON value, turning syntax errors into positioned import errors.
fn parse_json(text: &str) -> Result<Value, ImportError> {
    // As for the plan below: the fast parse, and the one that tracks paths only to explain a
    // failure (both stop at the same byte, so the error is the one the tracked parse finds).
    if let Ok(value) = serde_json::from_str(text) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value: Value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        syntax_error(e.into_inner(), text, &path)
    })?;
    de.end().map_err(|e| syntax_error(e, text, ""))?;
    Ok(value)
}

fn syntax_error(err: serde_json::Error, text: &str, path: &str) -> ImportError {
    let (line, column) = (err.line(), err.column());
    if err.is_eof() {
        return ImportError::Truncated { line, column };
    }
    let full = err.to_string();
    // serde_json appends the position to its message; the variants carry it separately.
    let detail = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(d, _)| d)
        .to_string();
    if detail.starts_with("number out of range") {
        return ImportError::NumberOutOfRange {
            path: clean_path(path),
            line,
            column,
        };
    }
    if let Some(literal) = non_number_literal(text, line, column) {
        return ImportError::NotANumber {
            literal: literal.to_string(),
            line,
            column,
        };
    }
    ImportError::Syntax {
        line,
        column,
        detail,
    }
}

/// `NaN` or `Infinity` (signed or not) where serde_json stopped, if that is what stopped it.
fn non_number_literal(text: &str, line: usize, column: usize) -> Option<&'static str> {
    let row = text.lines().nth(line.checked_sub(1)?)?;
    // serde_json points at the last byte it read; look from a little before it.
    let from = column.saturating_sub(2);
    let rest = row
        .get(from..)
        .or_else(|| row.get(column.checked_sub(1)?..))?;
    let rest = rest.trim_start_matches([',', ':', '[', ' ', '\t']);
    ["-Infinity", "+Infinity", "Infinity", "NaN", "-NaN"]
        .into_iter()
        .find(|lit| rest.starts_with(lit))
}

/// `.` (serde_path_to_error's root) becomes the empty path.
fn clean_path(path: &str) -> String {
    if path == "." {
        String::new()
    } else {
        path.to_string()
    }
}

fn join(prefix: &str, path: &str) -> String {
    match (prefix.is_empty(), path.is_empty() || path == ".") {
        (_, true) => prefix.to_string(),
        (true, false) => path.to_string(),
        (false, false) if path.starts_with('[') => format!("{prefix}{path}"),
        (false, false) => format!("{prefix}.{path}"),
    }
}

/// The value at a serde_path_to_error path inside `root`, if it exists.
fn value_at<'a>(root: &'a Value, path: &serde_path_to_error::Path) -> Option<&'a Value> {
    use serde_path_to_error::Segment;
    path.iter().try_fold(root, |v, seg| match seg {
        Segment::Seq { index } => v.get(*index),
        Segment::Map { key } | Segment::Enum { variant: key } => v.get(key.as_str()),
        Segment::Unknown => None,
    })
}

/// The name between the first pair of backticks of a serde message.
fn backticked(detail: &str) -> Option<&str> {
    let (_, rest) = detail.split_once('`')?;
    rest.split_once('`').map(|(name, _)| name)
}

/// What a serde "expected …" phrase asks for.
fn expected_kind(expected: &str) -> Option<JsonKind> {
    let e = expected.trim();
    let number = [
        "f64", "f32", "i64", "i32", "u64", "u32", "u8", "integer", "number",
    ];
    if number
        .iter()
        .any(|n| e == *n || e.starts_with(&format!("{n} ")))
    {
        Some(JsonKind::Number)
    } else if e.contains("string") {
        Some(JsonKind::Text)
    } else if e.contains("sequence") {
        Some(JsonKind::List)
    } else if e.starts_with("struct") || e.contains("map") {
        Some(JsonKind::Object)
    } else if e.contains("boolean") {
        Some(JsonKind::Boolean)
    } else {
        None
    }
}

/// Turns a typed-deserialisation error into an import error with its path from the file's top.
fn field_error(
    err: serde_path_to_error::Error<serde_json::Error>,
    root: &Value,
    prefix: &str,
) -> ImportError {
    let found = value_at(root, err.path());
    let path = join(prefix, &clean_path(&err.path().to_string()));
    let detail = err.inner().to_string();
    if let Some(rest) = detail.strip_prefix("missing field ") {
        let field = backticked(rest).unwrap_or(rest).to_string();
        return ImportError::MissingField { path, field };
    }
    if detail.starts_with("unknown field ") {
        return ImportError::UnknownField { path };
    }
    if detail.starts_with("unknown variant ") {
        let value = backticked(&detail).unwrap_or_default().to_string();
        return ImportError::UnknownChoice { path, value };
    }
    // The Date deserializer's own messages (see `DateError`).
    if detail.ends_with("is not a date of the form YYYY-MM-DD")
        || detail.ends_with("is not a day of the calendar")
    {
        let value = found
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        return ImportError::InvalidDate { path, value };
    }
    if let Some(rest) = detail.strip_prefix("invalid type: ") {
        let expected = rest
            .rsplit_once(", expected ")
            .and_then(|(_, e)| expected_kind(e));
        if let (Some(expected), Some(found)) = (expected, found) {
            let found = JsonKind::of(found);
            return ImportError::WrongType {
                path,
                expected,
                found,
            };
        }
    }
    ImportError::InvalidValue { path, detail }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: the file name is safe on every OS and readable.
    #[test]
    fn file_names_are_slugs_with_the_date() {
        let d = Date::new(2026, 11, 28).unwrap();
        assert_eq!(
            export_file_name("Q4 Launch: Produk X!", d),
            "q4-launch-produk-x-2026-11-28.alur.json"
        );
        assert_eq!(
            export_file_name("  Kampanye — Ramadan  ", d),
            "kampanye-ramadan-2026-11-28.alur.json"
        );
        assert_eq!(export_file_name("حملة", d), "plan-2026-11-28.alur.json");
        assert_eq!(export_file_name("", d), "plan-2026-11-28.alur.json");
        let long = export_file_name(&"a".repeat(500), d);
        assert!(long.len() < 90, "{long}");
    }

    // Guards: the depth scan ignores brackets inside strings and escaped quotes.
    #[test]
    fn depth_scan_skips_strings() {
        let deep_text = format!("{{\"a\": \"{}\\\"{}\"}}", "[".repeat(100), "{".repeat(100));
        assert_eq!(check_depth(&deep_text), Ok(()));
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(
            check_depth(&deep),
            Err(ImportError::TooDeep {
                line: 1,
                column: MAX_DEPTH + 1,
                limit: MAX_DEPTH
            })
        );
    }

    // Guards: paths join without stray dots.
    #[test]
    fn paths_join_cleanly() {
        assert_eq!(join("plan", "kpis[0].target"), "plan.kpis[0].target");
        assert_eq!(join("", "kpis[0]"), "kpis[0]");
        assert_eq!(join("plan", "."), "plan");
        assert_eq!(join("", ""), "");
    }
}
