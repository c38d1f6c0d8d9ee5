//! Forward migration of plan documents. A document written by an older build is brought to
//! [`SCHEMA_VERSION`] one version at a time, on the raw JSON, before serde reads it into a
//! [`Plan`](crate::domain::model::plan::Plan). Each step is small and tested on its own.

// Input path: a panic here kills the app, so indexing that could go out of bounds is refused.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use serde_json::{Map, Value};

use crate::domain::model::plan::SCHEMA_VERSION;

/// One migration: turns a document of version `from` into version `from + 1`.
#[derive(Clone, Copy, Debug)]
pub struct Step {
    /// The version this step reads.
    pub from: u32,
    /// Rewrites the document in place; the `schema_version` field is updated by the caller.
    pub apply: fn(&mut Map<String, Value>) -> Result<(), String>,
}

/// The steps of this build, in order.
pub const STEPS: &[Step] = &[Step {
    from: 1,
    apply: v1_to_v2,
}];

/// Version 2 keeps what the platforms report as fact series (`facts`). Version 1's
/// measurements, typed or imported, each the value of one KPI on a day or over a period, keep
/// exactly that meaning in version 2, so they stay as they are; `facts` starts empty.
fn v1_to_v2(doc: &mut Map<String, Value>) -> Result<(), String> {
    doc.entry("facts")
        .or_insert_with(|| Value::Array(Vec::new()));
    Ok(())
}

/// Why a document cannot be brought to the current version.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MigrateError {
    /// The document is not a JSON object.
    #[error("the document is not a JSON object")]
    NotAnObject,
    /// No `schema_version` field.
    #[error("the document has no schema_version")]
    Missing,
    /// `schema_version` is not a non-negative whole number; holds the JSON found.
    #[error("schema_version {0} is not a whole number")]
    NotAnInteger(String),
    /// Written by a newer build of the app.
    #[error("schema_version {found} is newer than this app supports ({supported})")]
    TooNew {
        /// The version found.
        found: u64,
        /// The newest version this build reads.
        supported: u32,
    },
    /// No step leads on from this version (older than any version this build knows).
    #[error("schema_version {found} is not supported")]
    Unsupported {
        /// The version found.
        found: u32,
    },
    /// A step failed.
    #[error("migration from schema_version {from} failed: {message}")]
    StepFailed {
        /// The version the step reads.
        from: u32,
        /// What went wrong.
        message: String,
    },
}

/// The `schema_version` of a document, checked against the versions this build can read.
pub fn document_version(doc: &Value) -> Result<u32, MigrateError> {
    version_within(doc, SCHEMA_VERSION)
}

fn version_within(doc: &Value, newest: u32) -> Result<u32, MigrateError> {
    let object = doc.as_object().ok_or(MigrateError::NotAnObject)?;
    let raw = object.get("schema_version").ok_or(MigrateError::Missing)?;
    let found = raw
        .as_u64()
        .ok_or_else(|| MigrateError::NotAnInteger(raw.to_string()))?;
    if found > u64::from(newest) {
        return Err(MigrateError::TooNew {
            found,
            supported: newest,
        });
    }
    // Fits: it is at most `newest`, a u32.
    u32::try_from(found).map_err(|_| MigrateError::NotAnInteger(raw.to_string()))
}

/// Brings `doc` to [`SCHEMA_VERSION`] with this build's [`STEPS`].
pub fn migrate(doc: Value) -> Result<Value, MigrateError> {
    migrate_with(doc, SCHEMA_VERSION, STEPS)
}

/// Brings `doc` to `target` using `steps`. Separate from [`migrate`] so the mechanism can be
/// tested with steps that do not exist yet.
pub fn migrate_with(mut doc: Value, target: u32, steps: &[Step]) -> Result<Value, MigrateError> {
    let mut version = version_within(&doc, target)?;
    let object = doc.as_object_mut().ok_or(MigrateError::NotAnObject)?;
    while version < target {
        let step = steps
            .iter()
            .find(|s| s.from == version)
            .ok_or(MigrateError::Unsupported { found: version })?;
        (step.apply)(object).map_err(|message| MigrateError::StepFailed {
            from: version,
            message,
        })?;
        version += 1;
        object.insert("schema_version".into(), Value::from(version));
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rename_title(doc: &mut Map<String, Value>) -> Result<(), String> {
        let title = doc.remove("title").ok_or("no title")?;
        doc.insert("name".into(), title);
        Ok(())
    }

    fn add_currency(doc: &mut Map<String, Value>) -> Result<(), String> {
        doc.entry("currency").or_insert_with(|| json!("IDR"));
        Ok(())
    }

    const TEST_STEPS: &[Step] = &[
        Step {
            from: 1,
            apply: rename_title,
        },
        Step {
            from: 2,
            apply: add_currency,
        },
    ];

    // Guards: a current document passes through untouched.
    #[test]
    fn a_current_document_is_unchanged() {
        let doc = json!({"schema_version": SCHEMA_VERSION, "name": "x"});
        assert_eq!(migrate(doc.clone()), Ok(doc));
    }

    // Guards: steps run in order, each one bumping the version.
    #[test]
    fn old_documents_go_forward_step_by_step() {
        let doc = json!({"schema_version": 1, "title": "x"});
        assert_eq!(
            migrate_with(doc, 3, TEST_STEPS),
            Ok(json!({"schema_version": 3, "name": "x", "currency": "IDR"}))
        );
        let doc = json!({"schema_version": 2, "name": "y", "currency": "USD"});
        assert_eq!(
            migrate_with(doc, 3, TEST_STEPS),
            Ok(json!({"schema_version": 3, "name": "y", "currency": "USD"}))
        );
    }

    // Guards: a failing step names its version instead of producing a half-migrated plan.
    #[test]
    fn a_failing_step_is_reported() {
        let doc = json!({"schema_version": 1});
        assert_eq!(
            migrate_with(doc, 3, TEST_STEPS),
            Err(MigrateError::StepFailed {
                from: 1,
                message: "no title".into()
            })
        );
    }

    // Guards: missing, non-integer, future and unknown old versions are distinct errors.
    #[test]
    fn bad_versions_are_refused() {
        assert_eq!(migrate(json!({})), Err(MigrateError::Missing));
        assert_eq!(migrate(json!([1])), Err(MigrateError::NotAnObject));
        assert_eq!(
            migrate(json!({"schema_version": "1"})),
            Err(MigrateError::NotAnInteger("\"1\"".into()))
        );
        assert_eq!(
            migrate(json!({"schema_version": 1.5})),
            Err(MigrateError::NotAnInteger("1.5".into()))
        );
        assert_eq!(
            migrate(json!({"schema_version": -1})),
            Err(MigrateError::NotAnInteger("-1".into()))
        );
        assert_eq!(
            migrate(json!({"schema_version": 99})),
            Err(MigrateError::TooNew {
                found: 99,
                supported: SCHEMA_VERSION
            })
        );
        assert_eq!(
            migrate(json!({"schema_version": 0})),
            Err(MigrateError::Unsupported { found: 0 })
        );
    }

    // Guards: issue #17: a version 1 plan's measurements, typed or imported, keep their KPI,
    // day, period, value, source and note in version 2, and `facts` starts empty.
    #[test]
    fn version_1_measurements_keep_their_meaning_in_version_2() {
        let measurements = json!([
            {"id": "m1", "kpi": "kpi-ctr", "date": "2024-03-03", "value": 9.24,
             "source": "Google Ads", "note": "Brand - Search"},
            {"id": "m2", "kpi": "kpi-leads", "date": "2024-03-01", "end": "2024-03-31",
             "value": 120.0, "source": "", "note": "typed from the CRM"}
        ]);
        let v1 = json!({"schema_version": 1, "id": "p", "name": "P", "measurements": measurements});
        let v2 = migrate(v1).unwrap();
        assert_eq!(v2["schema_version"], 2);
        assert_eq!(v2["measurements"], measurements);
        assert_eq!(v2["facts"], json!([]));
        // A version 2 document is left as it is.
        let again = migrate(v2.clone()).unwrap();
        assert_eq!(again, v2);
    }
}
