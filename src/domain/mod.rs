//! The pure core: no Leptos, no web-sys, no storage. Everything here is tested natively.

pub mod currency;
pub mod date;
pub mod decimal;
pub mod plan;
pub mod workflow;
