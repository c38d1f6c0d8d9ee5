//! The pure core: no Leptos, no web-sys, no storage. Everything here is tested natively.

pub mod analysis;
pub mod approval;
pub mod backups;
pub mod budget;
pub mod calendar;
pub mod collect;
pub mod completeness;
pub mod completeness_b;
pub mod currency;
pub mod date;
pub mod decimal;
pub mod execution;
pub mod export_csv;
pub mod facts;
pub mod history;
pub mod import;
pub mod importers;
pub mod iterations;
pub mod json_head;
pub mod json_path;
pub mod kpi_library;
pub mod measurements;
pub mod merge;
pub mod migrate;
pub mod money;
pub mod next_campaign;
pub mod periods;
pub mod plan;
pub mod research;
pub mod schedule;
pub mod share;
pub mod smart;
pub mod sort;
pub mod spend;
pub mod strategy;
pub mod templates;
pub mod today;
pub mod validate;
pub mod value_reader;
pub mod workflow;

pub use import::{
    export_file_name, export_json, parse_plan_file, parse_stored_plan, ExportFile, ImportError,
    MAX_DEPTH, MAX_IMPORT_BYTES,
};
pub use validate::{validate, IssueKind, ValidationIssue};
