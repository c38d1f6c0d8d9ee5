//! Phase 1, research & planning: the SMART check, the research steps, strategy channels, budget, the action plan's schedule, what each step still lacks, and management approval.

pub mod approval;
pub mod budget;
pub mod completeness;
pub mod research;
pub mod schedule;
pub mod smart;
pub mod strategy;
