//! Alur: plan, run and improve digital marketing campaigns, entirely in the browser.
//!
//! `domain`, `i18n` and `charts` are pure and tested natively; `storage` and `files` are the
//! only doors to the browser's storage and file system; `ui` holds thin Leptos components.

// A panic kills the whole app in wasm: nothing outside tests may unwrap.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod charts;
pub mod crash;
pub mod domain;
pub mod files;
pub mod i18n;
pub mod storage;
pub mod ui;

/// Installs the crash screen and mounts the app on `<body>`.
pub fn start() {
    crash::install();
    leptos::mount::mount_to_body(ui::App);
}
