//! Import and validation errors as sentences a marketer understands, in both languages. The
//! core's errors carry positions and paths; this module only words them.

use super::{Lang, T};
use crate::domain::model::validate::{IssueKind, RefTarget, ValidationIssue};
use crate::domain::plan_file::import::{ImportError, JsonKind};
use crate::domain::plan_file::migrate::MigrateError;

/// How many validation issues an import message lists before summing up the rest.
pub const ISSUES_SHOWN: usize = 3;

/// The message for a failed import of `file_name`: what is wrong and where.
pub fn import_error(err: &ImportError, lang: Lang, file_name: &str) -> String {
    let file = file_name;
    let here = |path: &str| place(path, lang);
    match err {
        ImportError::TooLarge { size, limit } => T::ImportTooLarge.fill(
            lang,
            &[
                ("file", file),
                ("size", &megabytes(*size)),
                ("limit", &megabytes(*limit)),
            ],
        ),
        ImportError::Empty => T::ImportEmpty.fill(lang, &[("file", file)]),
        ImportError::Utf16 => T::ImportUtf16.fill(lang, &[("file", file)]),
        ImportError::Binary { .. } => T::ImportBinary.fill(lang, &[("file", file)]),
        ImportError::TooDeep {
            line,
            column,
            limit,
        } => positioned(
            T::ImportTooDeep,
            lang,
            (*line, *column),
            &[("file", file), ("limit", &limit.to_string())],
        ),
        ImportError::Truncated { line, column } => positioned(
            T::ImportTruncated,
            lang,
            (*line, *column),
            &[("file", file)],
        ),
        ImportError::NotANumber {
            literal,
            line,
            column,
        } => positioned(
            T::ImportNotANumber,
            lang,
            (*line, *column),
            &[("file", file), ("literal", literal)],
        ),
        ImportError::NumberOutOfRange { path, line, column } => positioned(
            T::ImportNumberOutOfRange,
            lang,
            (*line, *column),
            &[("file", file), ("path", &here(path))],
        ),
        ImportError::Syntax {
            line,
            column,
            detail,
        } => positioned(
            T::ImportSyntax,
            lang,
            (*line, *column),
            &[("file", file), ("detail", syntax_detail(detail, lang))],
        ),
        ImportError::NotAnObject { found } => T::ImportNotAnObject.fill(
            lang,
            &[("file", file), ("found", json_kind(*found).get(lang))],
        ),
        ImportError::WrongFormat { found } => {
            T::ImportWrongFormat.fill(lang, &[("file", file), ("found", found)])
        }
        ImportError::Version { path, source } => version_error(source, lang, file, &here(path)),
        ImportError::MissingField { path, field } => T::ImportMissingField.fill(
            lang,
            &[("file", file), ("field", field), ("path", &here(path))],
        ),
        ImportError::UnknownField { path } => {
            T::ImportUnknownField.fill(lang, &[("file", file), ("path", &here(path))])
        }
        ImportError::WrongType {
            path,
            expected,
            found,
        } => T::ImportWrongType.fill(
            lang,
            &[
                ("file", file),
                ("path", &here(path)),
                ("expected", json_kind(*expected).get(lang)),
                ("found", json_kind(*found).get(lang)),
            ],
        ),
        ImportError::InvalidDate { path, value } => T::ImportInvalidDate.fill(
            lang,
            &[("file", file), ("path", &here(path)), ("value", value)],
        ),
        ImportError::UnknownChoice { path, value } => T::ImportUnknownChoice.fill(
            lang,
            &[("file", file), ("path", &here(path)), ("value", value)],
        ),
        ImportError::InvalidValue { path, detail } => T::ImportInvalidValue.fill(
            lang,
            &[("file", file), ("path", &here(path)), ("detail", detail)],
        ),
        ImportError::Invalid { issues } => invalid_plan(issues, lang, file),
    }
}

/// One validation issue as `path: sentence`.
pub fn validation_issue(issue: &ValidationIssue, lang: Lang) -> String {
    format!(
        "{}: {}",
        place(&issue.path, lang),
        issue_kind(&issue.kind, lang)
    )
}

/// The sentence for an issue kind, without its path.
pub fn issue_kind(kind: &IssueKind, lang: Lang) -> String {
    match kind {
        IssueKind::BlankName => T::IssueBlankName.get(lang).to_string(),
        IssueKind::BadCurrency(value) => T::IssueBadCurrency.fill(lang, &[("value", value)]),
        IssueKind::InvalidId(id) => T::IssueInvalidId.fill(lang, &[("id", id)]),
        IssueKind::DuplicateId { id, first } => {
            T::IssueDuplicateId.fill(lang, &[("id", id), ("first", first)])
        }
        IssueKind::UnknownReference { id, target } => T::IssueUnknownReference.fill(
            lang,
            &[("id", id), ("target", ref_target(*target).get(lang))],
        ),
        IssueKind::SelfDependency => T::IssueSelfDependency.get(lang).to_string(),
        IssueKind::Negative(value) => T::IssueNegative.fill(lang, &[("value", &value.to_string())]),
        IssueKind::NotFinite => T::IssueNotFinite.get(lang).to_string(),
        IssueKind::EndBeforeStart { start, end } => T::IssueEndBeforeStart.fill(
            lang,
            &[("start", &start.to_string()), ("end", &end.to_string())],
        ),
        IssueKind::MinAboveMax { min, max } => T::IssueMinAboveMax.fill(
            lang,
            &[("min", &min.to_string()), ("max", &max.to_string())],
        ),
        IssueKind::SeriesColumns {
            values,
            steps,
            spans,
        } => T::IssueSeriesColumns.fill(
            lang,
            &[
                ("values", &values.to_string()),
                ("steps", &steps.to_string()),
                ("spans", &spans.to_string()),
            ],
        ),
    }
}

fn invalid_plan(issues: &[ValidationIssue], lang: Lang, file: &str) -> String {
    let count = issues.len().to_string();
    let mut lines = vec![T::ImportInvalid.fill(lang, &[("file", file), ("count", &count)])];
    lines.extend(
        issues
            .iter()
            .take(ISSUES_SHOWN)
            .map(|i| format!("• {}", validation_issue(i, lang))),
    );
    if issues.len() > ISSUES_SHOWN {
        let more = (issues.len() - ISSUES_SHOWN).to_string();
        lines.push(T::ImportMoreIssues.fill(lang, &[("count", &more)]));
    }
    lines.join("\n")
}

fn version_error(err: &MigrateError, lang: Lang, file: &str, path: &str) -> String {
    match err {
        // Checked before migration; kept so the match stays total.
        MigrateError::NotAnObject => {
            let found = T::JsonObject.get(lang);
            T::ImportNotAnObject.fill(lang, &[("file", file), ("found", found)])
        }
        MigrateError::Missing => {
            T::ImportVersionMissing.fill(lang, &[("file", file), ("path", path)])
        }
        MigrateError::NotAnInteger(found) => T::ImportVersionNotInteger
            .fill(lang, &[("file", file), ("path", path), ("found", found)]),
        MigrateError::TooNew { found, supported } => T::ImportVersionTooNew.fill(
            lang,
            &[
                ("file", file),
                ("found", &found.to_string()),
                ("supported", &supported.to_string()),
            ],
        ),
        MigrateError::Unsupported { found } => {
            T::ImportVersionUnsupported.fill(lang, &[("file", file), ("found", &found.to_string())])
        }
        MigrateError::StepFailed { from, message } => T::ImportMigrationFailed.fill(
            lang,
            &[
                ("file", file),
                ("found", &from.to_string()),
                ("detail", message),
            ],
        ),
    }
}

/// Fills `key` with `args` plus the `line` and `column` of a position in the file.
fn positioned(key: T, lang: Lang, (line, column): (usize, usize), args: &[(&str, &str)]) -> String {
    let (line, column) = (line.to_string(), column.to_string());
    let mut all = vec![("line", line.as_str()), ("column", column.as_str())];
    all.extend_from_slice(args);
    key.fill(lang, &all)
}

/// A field path as shown to the user; the empty path is the document's top.
fn place(path: &str, lang: Lang) -> String {
    if path.is_empty() {
        T::ImportTopLevel.get(lang).to_string()
    } else {
        path.to_string()
    }
}

/// Bytes as megabytes with at most one decimal (`10`, `12.5`).
/// A byte count as megabytes with at most one decimal (`15`, `10.5`).
pub(crate) fn megabytes(bytes: usize) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    let text = format!("{mb:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_string)
}

fn json_kind(kind: JsonKind) -> T {
    match kind {
        JsonKind::Null => T::JsonNull,
        JsonKind::Boolean => T::JsonBoolean,
        JsonKind::Number => T::JsonNumber,
        JsonKind::Text => T::JsonText,
        JsonKind::List => T::JsonList,
        JsonKind::Object => T::JsonObject,
    }
}

fn ref_target(target: RefTarget) -> T {
    match target {
        RefTarget::Kpi => T::RefKpi,
        RefTarget::Problem => T::RefProblem,
        RefTarget::Task => T::RefTask,
        RefTarget::Evidence => T::RefEvidence,
        RefTarget::Gap => T::RefGap,
        RefTarget::Persona => T::RefPersona,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: the size limit is shown in MB, the unit people know, not in bytes.
    #[test]
    fn sizes_read_in_megabytes() {
        assert_eq!(megabytes(10 * 1024 * 1024), "10");
        assert_eq!(megabytes(12 * 1024 * 1024 + 512 * 1024), "12.5");
    }

    // Guards: a long list of issues is cut to a few lines plus a count.
    #[test]
    fn many_issues_are_summarised() {
        let issues: Vec<_> = (0..5)
            .map(|i| ValidationIssue {
                path: format!("tasks[{i}].end"),
                kind: IssueKind::SelfDependency,
            })
            .collect();
        let text = import_error(&ImportError::Invalid { issues }, Lang::En, "a.json");
        assert_eq!(
            text,
            "The file a.json can be read, but its content has 5 problem(s):\n\
             • tasks[0].end: A task cannot depend on itself.\n\
             • tasks[1].end: A task cannot depend on itself.\n\
             • tasks[2].end: A task cannot depend on itself.\n\
             …and 2 more."
        );
    }
}

/// serde_json's description of a syntax error, in the UI language. Phrases it may use that are
/// not listed here are shown as serde_json wrote them.
pub fn syntax_detail(detail: &str, lang: Lang) -> &str {
    let key = match detail {
        "expected value" => T::JsonExpectedValue,
        "expected `,` or `}`" => T::JsonExpectedCommaOrBrace,
        "expected `,` or `]`" => T::JsonExpectedCommaOrBracket,
        "expected `:`" => T::JsonExpectedColon,
        "expected ident" => T::JsonExpectedValue,
        "key must be a string" => T::JsonKeyMustBeString,
        "trailing comma" => T::JsonTrailingComma,
        "trailing characters" => T::JsonTrailingCharacters,
        "invalid escape" => T::JsonInvalidEscape,
        "invalid number" => T::JsonInvalidNumber,
        "recursion limit exceeded" => T::JsonTooDeep,
        d if d.starts_with("control character") => T::JsonControlCharacter,
        d if d.contains("unicode") || d.contains("surrogate") => T::JsonInvalidEscape,
        _ => return detail,
    };
    key.get(lang)
}

#[cfg(test)]
mod syntax_tests {
    use super::*;

    // Guards: an Indonesian user never sees serde_json's English phrase for common mistakes.
    #[test]
    fn common_json_mistakes_are_described_in_both_languages() {
        for (text, id_part) in [
            ("{\"a\": 1,}", "koma"),
            ("{\"a\" 1}", "titik dua"),
            ("{a: 1}", "tanda kutip"),
            ("[1 2]", "koma"),
            ("{\"a\": tru}", "nilai"),
            ("{\"a\": 1} x", "setelah"),
        ] {
            let err = crate::domain::parse_plan_file(text.as_bytes()).unwrap_err();
            let id = import_error(&err, Lang::Id, "f.json");
            assert!(id.contains(id_part), "{text}: {id}");
            let en = import_error(&err, Lang::En, "f.json");
            assert_ne!(id, en);
        }
    }
}
