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
/// The mount waits until a frame has been painted (a task after the next animation frame). On a
/// slow network the static frame painted long ago and this costs nothing; on a fast one the
/// visitor still sees something at the first frame instead of waiting for the app's first
/// render, and the page's first paint never depends on the wasm.
pub fn start() {
    crash::install();
    let mount = || {
        remove_boot_shells();
        leptos::mount::mount_to_body(ui::App);
    };
    // A tab opened in the background paints no frames (and runs no animation frames) until it
    // is shown: there is nothing to wait for, so the app mounts at once.
    let hidden = web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden());
    if hidden {
        mount();
    } else {
        leptos::prelude::request_animation_frame(move || {
            leptos::prelude::set_timeout(mount, std::time::Duration::ZERO);
        });
    }
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
