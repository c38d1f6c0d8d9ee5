//! Phase 3, analysis & optimisation: collecting data, the analysis (with its period comparison), problems and actions, the report, the next campaign.

pub(crate) mod analyse;
pub(crate) mod collect;
pub(crate) mod next;
pub(crate) mod optimise;
pub(crate) mod periods;
pub(crate) mod report;
