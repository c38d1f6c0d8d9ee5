//! Alur: plan, run and improve digital marketing campaigns, entirely in the browser.
//!
//! `domain`, `i18n` and `charts` are pure and tested natively; `storage`, `files` and `socket`
//! are the only doors to the browser's storage, file system and WebSocket; `ui` holds thin
//! Leptos components.

// A panic kills the whole app in wasm: nothing outside tests may unwrap.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod charts;
pub mod crash;
pub mod domain;
pub mod files;
pub mod i18n;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod socket;
pub mod storage;
pub mod ui;

/// Installs the crash screen and mounts the app on `<body>`, in place of the static first paint
/// (`prerender`) shown while the wasm loaded.
///
/// The app mounts as soon as the wasm runs. It used to wait for a frame to be painted first (a
/// task after the next animation frame), so that the static frame was always seen; that wait
/// was a sixth of the plans page's load (`make bench`), and Lighthouse scores the same without
/// it: on a slow network the static frame has long been painted when the wasm arrives, and on a
/// fast one the app's own first frame comes as early.
pub fn start() {
    crash::install();
    remove_boot_shells();
    leptos::mount::mount_to_body(ui::App);
}

/// Removes the static frames of the first paint. The app mounts in the same task, so no frame
/// is painted without either.
fn remove_boot_shells() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(shells) = document.query_selector_all(".boot-shell") {
        for i in 0..shells.length() {
            if let Some(node) = shells.item(i) {
                if let Some(parent) = node.parent_node() {
                    let _ = parent.remove_child(&node);
                }
            }
        }
    }
}
