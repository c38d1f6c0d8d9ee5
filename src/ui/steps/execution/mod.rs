//! Phase 2, execution: Today, the board, the content calendar, the spend and measurement logs.

pub(crate) mod board;
pub(crate) mod calendar;
pub(crate) mod measurements;
pub(crate) mod spend;
pub(crate) mod today;
