//! Phase 3, analysis & optimisation: importing platform exports, the facts they hold, each KPI's value over its period, period comparison, the optimisation history and the next campaign.

pub mod collect;
pub mod facts;
pub mod importers;
pub mod iterations;
pub mod kpis;
pub mod next_campaign;
pub mod periods;
