//! Phase 2, execution: the board of workstreams, the content calendar, the spend and measurement logs (and their CSV export), and the Today view.

pub mod board;
pub mod calendar;
pub mod export_csv;
pub mod log;
pub mod measurements;
pub mod occasions;
pub mod spend;
pub mod today;
