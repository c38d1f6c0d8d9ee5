//! The pure core: no Leptos, no web-sys, no storage. Everything here is tested natively.

pub mod date;
pub mod plan;
pub mod workflow;
