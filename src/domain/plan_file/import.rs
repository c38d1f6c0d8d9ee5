//! Plan files: export to JSON, and import with every check a hand-edited or foreign file needs.
//! The checks run cheapest first (size, encoding, nesting) so a hostile file costs little, and
//! each failure says where it is, for [`crate::i18n::messages`] to explain to the user.

// Input path: a panic here kills the app, so indexing that could go out of bounds is refused.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::model::plan::{Plan, SCHEMA_VERSION};
use crate::domain::model::validate::{validate, IssueKind, ValidationIssue};
use crate::domain::plan_file::migrate::{self, MigrateError};
use crate::domain::plan_file::value_reader::{self, Asked, Fault, Refusal};
use crate::domain::plan_file::{json_path, json_text};
use crate::domain::values::date::Date;

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

pub use crate::domain::plan_file::value_reader::JsonKind;

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
    // ever, an empty download is refused loudly on import rather than half-written. Indented
    // from the compact text, so that plans have one serializer in the wasm (`json_text::pretty`).
    crate::domain::plan_file::json_text::pretty(&export_json_compact(
        plan,
        app_version,
        exported_at,
    ))
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
    let (plan, issues) = read_plan_with_issues(plan_value, prefix)?;
    if issues.is_empty() {
        Ok(plan)
    } else {
        Err(ImportError::Invalid { issues })
    }
}

/// Reads a plan the app holds as JSON in memory (its open plan with one value changed, e.g. a
/// team member's lost value written back) as a stored plan is read, but gives its validation
/// issues beside it instead of refusing it: the caller refuses only what the change broke.
pub fn read_plan_value(value: Value) -> Result<(Plan, Vec<ValidationIssue>), ImportError> {
    read_plan_with_issues(value, "")
}

/// Migrates, reads and validates a plan's JSON (`prefix`: where the plan sits in the file).
fn read_plan_with_issues(
    plan_value: Value,
    prefix: &str,
) -> Result<(Plan, Vec<ValidationIssue>), ImportError> {
    let plan_value = migrate::migrate(plan_value).map_err(|source| ImportError::Version {
        path: join(prefix, "schema_version"),
        source,
    })?;
    let mut plan: Plan = read_as(&plan_value, prefix)?;
    // Amounts are kept in the currency's minor units, whoever wrote the file.
    crate::domain::values::money::round_amounts(&mut plan);
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
    Ok((plan, issues))
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
    read_as::<ExportFile<IgnoredAny>>(&wrapper, "").map(|_| ())
}

/// Reads `value` as a `T`, naming the faulty field by its path (after `prefix`) when it is not
/// one.
fn read_as<'a, T: Deserialize<'a>>(value: &'a Value, prefix: &str) -> Result<T, ImportError> {
    value_reader::read(value).map_err(|fault| field_error(fault, value, prefix))
}

/// Refuses nesting deeper than [`MAX_DEPTH`] before the recursive parser meets it.
fn check_depth(text: &str) -> Result<(), ImportError> {
    match json_text::too_deep(text, MAX_DEPTH) {
        None => Ok(()),
        Some((line, column)) => Err(ImportError::TooDeep {
            line,
            column,
            limit: MAX_DEPTH,
        }),
    }
}

/// Parses the text into a JSON value, turning syntax errors into positioned import errors.
fn parse_json(text: &str) -> Result<Value, ImportError> {
    serde_json::from_str(text).map_err(|e| syntax_error(&e, text))
}

fn syntax_error(err: &serde_json::Error, text: &str) -> ImportError {
    let (line, column) = (err.line(), err.column());
    if err.is_eof() {
        return ImportError::Truncated { line, column };
    }
    // serde_json stops inside or just after a number it cannot hold, so the path is the
    // number's.
    let at = json_text::offset(text, line, column);
    if json_text::bare_token_at(text, at).is_some_and(out_of_range) {
        return ImportError::NumberOutOfRange {
            path: json_path::path_text(&json_text::spot(text, at).path),
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
        detail: message(err),
    }
}

/// A JSON number too large for a 64-bit float (serde_json's "number out of range").
fn out_of_range(token: &str) -> bool {
    // Written as JSON writes numbers (`-Infinity` is not one, though Rust would read it).
    token.bytes().any(|b| b.is_ascii_digit())
        && token
            .bytes()
            .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
        && token.parse::<f64>().is_ok_and(f64::is_infinite)
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

/// serde_json's message without the position it appends (the variants carry that apart).
fn message(err: &serde_json::Error) -> String {
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_string()
}

fn join(prefix: &str, path: &str) -> String {
    match (prefix.is_empty(), path.is_empty() || path == ".") {
        (_, true) => prefix.to_string(),
        (true, false) => path.to_string(),
        (false, false) if path.starts_with('[') => format!("{prefix}{path}"),
        (false, false) => format!("{prefix}.{path}"),
    }
}

/// Turns a typed-deserialisation error into an import error with its path from the file's top.
fn field_error(fault: Fault, root: &Value, prefix: &str) -> ImportError {
    let found = json_path::value_at(root, &fault.path);
    let path = join(prefix, &json_path::path_text(&fault.path));
    match fault.error.refusal().clone() {
        Refusal::MissingField(field) => ImportError::MissingField {
            path,
            field: field.to_string(),
        },
        Refusal::UnknownField => ImportError::UnknownField { path },
        Refusal::UnknownChoice(value) => ImportError::UnknownChoice { path, value },
        Refusal::NotADate => ImportError::InvalidDate {
            path,
            value: found
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
        },
        Refusal::WrongType(Asked::Kind(expected)) if found.is_some() => ImportError::WrongType {
            path,
            expected,
            found: found.map_or(JsonKind::Null, JsonKind::of),
        },
        Refusal::WrongType(_) | Refusal::Other => ImportError::InvalidValue {
            path,
            detail: fault.error.to_string(),
        },
    }
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

    /// A bare plan document with `extra` (JSON object entries) merged into a minimal plan.
    fn bare(extra: &str) -> String {
        let comma = if extra.is_empty() { "" } else { "," };
        format!(r#"{{"schema_version":1,"id":"p","name":"P"{comma}{extra}}}"#)
    }

    fn wrong_type(path: &str, expected: JsonKind, found: JsonKind) -> ImportError {
        ImportError::WrongType {
            path: path.into(),
            expected,
            found,
        }
    }

    fn invalid_value(path: &str, detail: &str) -> ImportError {
        ImportError::InvalidValue {
            path: path.into(),
            detail: detail.into(),
        }
    }

    // Guards: a value that does not fit is named wherever it stands: as the last entry of its
    // object, in lists, nested, scalars, lists and objects alike.
    #[test]
    fn type_errors_name_the_value_wherever_it_stands() {
        use JsonKind::*;
        let cases = [
            (
                r#""kpis":[{"id":"k","unit":5}]"#,
                wrong_type("kpis[0].unit", Text, Number),
            ),
            (
                r#""kpis":[{},{"unit":[1]}]"#,
                wrong_type("kpis[1].unit", Text, List),
            ),
            (
                r#""kpis":[{"target":{}}]"#,
                wrong_type("kpis[0].target", Number, Object),
            ),
            (
                r#""tasks":[{"depends_on":["a",{}]}]"#,
                wrong_type("tasks[0].depends_on[1]", Text, Object),
            ),
            (
                r#""tasks":[{"depends_on":["a",7]}]"#,
                wrong_type("tasks[0].depends_on[1]", Text, Number),
            ),
            (
                r#""goal":{"end":true}"#,
                wrong_type("goal.end", Text, Boolean),
            ),
            (r#""goal":"soon""#, wrong_type("goal", Object, Text)),
            (r#""tasks":{"a":1}"#, wrong_type("tasks", List, Object)),
            (
                r#""market":{"trends":[{"id":"n","text":null}]}"#,
                wrong_type("market.trends[0].text", Text, Null),
            ),
            // The right type, out of range.
            (
                r#""revision":-1"#,
                invalid_value("revision", "invalid value: integer `-1`, expected u64"),
            ),
        ];
        for (extra, expected) in cases {
            assert_eq!(parse_text(&bare(extra)), Err(expected), "{extra}");
        }
    }

    // Guards: missing fields are named with the object lacking them, at any depth, and the
    // document itself is the empty path (or `plan` inside an export file).
    #[test]
    fn missing_fields_name_their_object() {
        let missing = |path: &str, field: &str| ImportError::MissingField {
            path: path.into(),
            field: field.into(),
        };
        assert_eq!(
            parse_text(&bare(r#""spend":[{"id":"s","channel":"sem","amount":1}]"#)),
            Err(missing("spend[0]", "date"))
        );
        assert_eq!(
            parse_text(&bare(
                r#""market":{"trends":[{"id":"a","text":"t"},{"id":"b"}]}"#
            )),
            Err(missing("market.trends[1]", "text"))
        );
        assert_eq!(
            parse_text(r#"{"schema_version":1,"name":"P"}"#),
            Err(missing("", "id"))
        );
        let wrapped = r#"{"format":"alur-plan","schema_version":1,"plan":{"schema_version":1}}"#;
        assert_eq!(parse_text(wrapped), Err(missing("plan", "id")));
        let no_plan = r#"{"format":"alur-plan","schema_version":1}"#;
        assert_eq!(parse_text(no_plan), Err(missing("", "plan")));
    }

    // Guards: unknown fields are named by their full path, keys with quotes and non-ASCII text
    // included, in the plan and in the export wrapper.
    #[test]
    fn unknown_fields_name_the_key() {
        let unknown = |path: &str| ImportError::UnknownField { path: path.into() };
        assert_eq!(
            parse_text(&bare(r#""goal":{"start":"2026-01-01","say \"hi\"":1}"#)),
            Err(unknown("goal.say \"hi\""))
        );
        assert_eq!(
            parse_text(&bare(r#""kpis":[{},{"tárget":1}]"#)),
            Err(unknown("kpis[1].tárget"))
        );
        let wrapped = r#"{"format":"alur-plan","schema_version":1,"plan":{},"zzz":1}"#;
        assert_eq!(parse_text(wrapped), Err(unknown("zzz")));
        let wrapped = r#"{"app_version":2,"format":"alur-plan","schema_version":1,"plan":{}}"#;
        assert_eq!(
            parse_text(wrapped),
            Err(wrong_type("app_version", JsonKind::Text, JsonKind::Number))
        );
    }

    // Guards: choices (enums) not among the allowed words, as a word or as a one-key object,
    // in fields and in lists, including the last element.
    #[test]
    fn unknown_choices_name_the_choice() {
        let choice = |path: &str, value: &str| ImportError::UnknownChoice {
            path: path.into(),
            value: value.into(),
        };
        let cases = [
            (r#""status":"lost""#, "status", "lost"),
            (
                r#""problems":[{"id":"x","kpi":"k","date":"2026-01-01","causes":["offer","luck"]}]"#,
                "problems[0].causes[1]",
                "luck",
            ),
            (
                r#""tasks":[{"channel":{"tv":"x"}}]"#,
                "tasks[0].channel",
                "tv",
            ),
            (
                r#""kpis":[{"direction":{"kind":"sideways"}}]"#,
                "kpis[0].direction.kind",
                "sideways",
            ),
        ];
        for (extra, path, value) in cases {
            assert_eq!(
                parse_text(&bare(extra)),
                Err(choice(path, value)),
                "{extra}"
            );
        }
    }

    // Guards: a choice given a value of the wrong shape is worded as before: text expected for
    // scalars and lists, one key expected for other objects; `"other"` alone (it needs a text)
    // names the variant, wherever it stands.
    #[test]
    fn choices_of_the_wrong_shape_are_explained() {
        use JsonKind::*;
        let one_key = "invalid value: map, expected map with a single key";
        let cases = [
            (
                r#""tasks":[{"channel":5}]"#,
                wrong_type("tasks[0].channel", Text, Number),
            ),
            (
                r#""tasks":[{"channel":[]}]"#,
                wrong_type("tasks[0].channel", Text, List),
            ),
            (r#""status":null"#, wrong_type("status", Text, Null)),
            (
                r#""personas":[{"channels":["sem",true]}]"#,
                wrong_type("personas[0].channels[1]", Text, Boolean),
            ),
            (
                r#""tasks":[{"channel":{}}]"#,
                invalid_value("tasks[0].channel", one_key),
            ),
            (
                r#""tasks":[{"channel":{"sem":null,"x":1}}]"#,
                invalid_value("tasks[0].channel", one_key),
            ),
            (
                r#""tasks":[{"channel":{"tv":null,"x":1}}]"#,
                invalid_value("tasks[0].channel", one_key),
            ),
            (
                r#""tasks":[{"channel":{"sem":[],"x":1}}]"#,
                invalid_value("tasks[0].channel", one_key),
            ),
            (
                r#""tasks":[{"channel":{"sem":[]}}]"#,
                invalid_value(
                    "tasks[0].channel.sem",
                    "invalid type: sequence, expected unit",
                ),
            ),
            (
                r#""tasks":[{"channel":{"other":5,"x":1}}]"#,
                invalid_value("tasks[0].channel", one_key),
            ),
        ];
        for (extra, expected) in cases {
            assert_eq!(parse_text(&bare(extra)), Err(expected), "{extra}");
        }
        let bare_other = "invalid type: unit variant, expected newtype variant";
        for (extra, path) in [
            (
                r#""personas":[{"channels":["other"]}]"#,
                "personas[0].channels[0].other",
            ),
            (
                r#""personas":[{"channels":["other","sem"]}]"#,
                "personas[0].channels[0].other",
            ),
            (r#""tasks":[{"channel":"other"}]"#, "tasks[0].channel.other"),
            (
                r#""tasks":[{"channel":"other","id":"t"}]"#,
                "tasks[0].channel.other",
            ),
        ] {
            assert_eq!(
                parse_text(&bare(extra)),
                Err(invalid_value(path, bare_other)),
                "{extra}"
            );
        }
    }

    // Guards: faults inside a KPI's direction (read once its object is whole) name the
    // direction, also when it is the KPI's last entry.
    #[test]
    fn direction_faults_name_the_direction() {
        let missing_max = ImportError::MissingField {
            path: "kpis[0].direction".into(),
            field: "max".into(),
        };
        for extra in [
            r#""kpis":[{"direction":{"kind":"within_range","min":1}}]"#,
            r#""kpis":[{"direction":{"kind":"within_range","min":1},"id":"k"}]"#,
        ] {
            assert_eq!(
                parse_text(&bare(extra)),
                Err(missing_max.clone()),
                "{extra}"
            );
        }
        // serde reads a tagged choice from a copy, which keeps no inner path or kind: the
        // direction is named, with what is wrong inside it (it once said "expected a number,
        // found an object", of an object).
        let text = bare(r#""kpis":[{"direction":{"kind":"within_range","min":"x","max":1}}]"#);
        assert_eq!(
            parse_text(&text),
            Err(invalid_value(
                "kpis[0].direction",
                "invalid type: string \"x\", expected f64"
            ))
        );
        let text = bare(r#""kpis":[{"direction":{"min":1}}]"#);
        assert_eq!(
            parse_text(&text),
            Err(ImportError::MissingField {
                path: "kpis[0].direction".into(),
                field: "kind".into()
            })
        );
        let text = bare(r#""kpis":[{"direction":"up"}]"#);
        assert_eq!(
            parse_text(&text),
            Err(invalid_value(
                "kpis[0].direction",
                "invalid type: string \"up\", expected internally tagged enum Direction"
            ))
        );
        // Its list form still reads.
        let text = bare(r#""kpis":[{"direction":["within_range",1,2],"id":"k","name":"K"}]"#);
        assert_eq!(
            parse_text(&text).map(|p| p.kpis.first().map(|k| k.direction)),
            Ok(Some(crate::domain::model::plan::Direction::WithinRange {
                min: 1.0,
                max: 2.0
            }))
        );
    }

    // Guards: bad dates are named with their text, as the last entry of an object too.
    #[test]
    fn bad_dates_are_named_with_their_text() {
        let date = |path: &str, value: &str| ImportError::InvalidDate {
            path: path.into(),
            value: value.into(),
        };
        assert_eq!(
            parse_text(&bare(r#""tasks":[{"end":"2026-02-30"}]"#)),
            Err(date("tasks[0].end", "2026-02-30"))
        );
        assert_eq!(
            parse_text(&bare(
                r#""tasks":[{"end":"2026-02-01","start":"1/2/2026"}]"#
            )),
            Err(date("tasks[0].start", "1/2/2026"))
        );
        assert_eq!(
            parse_text(&bare(r#""goal":{"end":5}"#)),
            Err(wrong_type("goal.end", JsonKind::Text, JsonKind::Number))
        );
    }

    // Guards: a struct written as a list (serde accepts it) longer than the struct is refused
    // on the list, with the length.
    #[test]
    fn an_overlong_list_for_a_struct_is_named() {
        let text = bare(r#""market":{"trends":[["n","t","surplus"]]}"#);
        assert_eq!(
            parse_text(&text),
            Err(invalid_value(
                "market.trends[0]",
                "invalid length 3, expected fewer elements in array"
            ))
        );
    }

    // Guards: numbers beyond f64 are named by path in any layout: nested lists, pretty
    // printing, Windows line ends.
    #[test]
    fn numbers_out_of_range_are_named_by_path() {
        let path_of = |text: &str| match parse_text(text) {
            Err(ImportError::NumberOutOfRange { path, .. }) => path,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            path_of(&bare(r#""kpis":[{},{"target":1e400}]"#)),
            "kpis[1].target"
        );
        assert_eq!(
            path_of("{\r\n  \"budget\": {\r\n    \"allocations\": [\r\n      {\"amount\": -2e999}\r\n    ]\r\n  }\r\n}"),
            "budget.allocations[0].amount"
        );
        assert_eq!(path_of("[[1, 2], [3, 9e9999]]"), "[1][1]");
        assert_eq!(path_of("1e400"), "");
    }

    // Guards: a key given twice keeps its last value, as JSON readers do, rather than being
    // refused; the plan is read from the parsed document, not the file's text.
    #[test]
    fn a_repeated_key_keeps_its_last_value() {
        let plan = parse_text(r#"{"schema_version":1,"id":"p","name":"A","name":"B"}"#);
        assert_eq!(plan.map(|p| p.name), Ok("B".to_string()));
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
