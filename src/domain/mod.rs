//! The pure core: no Leptos, no web-sys, no storage. Everything here is tested natively.

pub mod analysis;
pub mod dashboard;
pub mod execution;
pub mod history;
pub mod model;
pub mod plan_file;
pub mod planning;
pub mod sync;
pub mod values;

pub use model::validate::{validate, IssueKind, ValidationIssue};
pub use plan_file::import::{
    export_file_name, export_json, parse_plan_file, parse_stored_plan, ExportFile, ImportError,
    MAX_DEPTH, MAX_IMPORT_BYTES,
};
