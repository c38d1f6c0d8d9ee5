//! Phase 1, research & planning: one file per step, from the goals to management approval.

pub(crate) mod actions;
pub(crate) mod approval;
pub(crate) mod audience;
pub(crate) mod budget;
pub(crate) mod competitors;
pub(crate) mod gaps;
pub(crate) mod goals;
pub(crate) mod kpis;
pub(crate) mod market;
pub(crate) mod strategy;
