//! The plan and what it is made of: the document, its validation, the KPI library, the templates and the workflow of steps.

pub mod kpi_library;
pub mod lists;
pub mod plan;
pub mod templates;
pub mod validate;
pub mod workflow;
