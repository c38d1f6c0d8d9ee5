//! The one door to dragging: a handle moved with a mouse, a finger or a pen (Pointer Events,
//! so touch works like the mouse), the row or column under the pointer found by hit-testing,
//! and a drop handed to the list as "this key, next to that key, in that zone". Keyboard users
//! move the same items with the move buttons beside each handle; dragging is the shortcut.
//!
//! A list marks its rows with `data-drag-list` and `data-drag-key`, and its drop zones (the
//! board's columns) with `data-drag-list` and `data-drop-zone`.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where a dragged item would land.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Over {
    /// The drop zone under the pointer (a board column), if the list has zones.
    pub zone: Option<String>,
    /// The row under the pointer, and whether the pointer is in its lower half (drop after it).
    pub key: Option<(String, bool)>,
}

/// A drag under way.
#[derive(Clone, Debug, PartialEq)]
pub struct Drag {
    /// The key of the item dragged.
    pub key: String,
    /// Where it would land now.
    pub over: Over,
}

/// The state of one list's drag, read by its rows to show where a drop would land.
pub type DragState = RwSignal<Option<Drag>>;

/// Whether the row with `key` is the drop target, before (`after == false`) or after it.
pub fn is_target(state: DragState, key: &str, after: bool) -> bool {
    state.with(|d| {
        d.as_ref().is_some_and(|d| {
            d.key != key
                && d.over
                    .key
                    .as_ref()
                    .is_some_and(|(k, a)| k == key && *a == after)
        })
    })
}

/// Whether the row with `key` is being dragged.
pub fn is_dragged(state: DragState, key: &str) -> bool {
    state.with(|d| d.as_ref().is_some_and(|d| d.key == key))
}

/// Whether the zone is under a dragged item.
pub fn is_zone_target(state: DragState, zone: &str) -> bool {
    state.with(|d| {
        d.as_ref()
            .is_some_and(|d| d.over.zone.as_deref() == Some(zone))
    })
}

fn attribute_of(element: &web_sys::Element, selector: &str, name: &str) -> Option<String> {
    element
        .closest(selector)
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute(name))
}

/// What lies under the pointer, within the list `list`.
fn hit(list: &str, x: f64, y: f64) -> Over {
    let Some(element) = document().element_from_point(x as f32, y as f32) else {
        return Over::default();
    };
    let row_selector = format!("[data-drag-list=\"{list}\"][data-drag-key]");
    let zone_selector = format!("[data-drag-list=\"{list}\"][data-drop-zone]");
    let key = element
        .closest(&row_selector)
        .ok()
        .flatten()
        .and_then(|row| {
            let key = row.get_attribute("data-drag-key")?;
            let rect = row.get_bounding_client_rect();
            Some((key, y > rect.top() + rect.height() / 2.0))
        });
    Over {
        zone: attribute_of(&element, &zone_selector, "data-drop-zone"),
        key,
    }
}

/// Scrolls the page when a drag nears the window's top or bottom edge, so a finger can take an
/// item further than the screen shows.
fn scroll_near_edges(y: f64) {
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let edge = 48.0;
    if y < edge {
        window().scroll_by_with_x_and_y(0.0, -12.0);
    } else if height > 0.0 && y > height - edge {
        window().scroll_by_with_x_and_y(0.0, 12.0);
    }
}

/// A drag handle for the item `key` of the list `list`: press, move and let go over another
/// row (or zone) of the same list, and `on_drop` gets where it landed. The handle is hidden
/// from screen readers and skipped by the keyboard: the move buttons beside it do the same.
#[component]
pub fn DragHandle(
    /// The list's name, as in its rows' `data-drag-list`.
    list: &'static str,
    /// The dragged item's key.
    key: String,
    /// The list's drag state.
    state: DragState,
    /// Called with the item's key and where it was let go.
    on_drop: Callback<(String, Over)>,
    /// The tooltip, e.g. "Drag to move".
    title: Signal<String>,
) -> impl IntoView {
    let down = {
        let key = key.clone();
        move |ev: leptos::ev::PointerEvent| {
            if ev.button() != 0 {
                return;
            }
            ev.prevent_default();
            if let Some(target) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = target.set_pointer_capture(ev.pointer_id());
            }
            state.set(Some(Drag {
                key: key.clone(),
                over: Over::default(),
            }));
        }
    };
    let moved = move |ev: leptos::ev::PointerEvent| {
        if state.with_untracked(Option::is_none) {
            return;
        }
        ev.prevent_default();
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        scroll_near_edges(y);
        let over = hit(list, x, y);
        // Rows redraw their marks only when the target changes, not on every move.
        if state.with_untracked(|d| d.as_ref().is_some_and(|d| d.over != over)) {
            state.update(|d| {
                if let Some(d) = d {
                    d.over = over;
                }
            });
        }
    };
    let up = move |ev: leptos::ev::PointerEvent| {
        let Some(drag) = state.get_untracked() else {
            return;
        };
        let over = hit(list, f64::from(ev.client_x()), f64::from(ev.client_y()));
        state.set(None);
        if over.zone.is_some() || over.key.as_ref().is_some_and(|(k, _)| *k != drag.key) {
            on_drop.run((drag.key, over));
        }
    };
    view! {
        <span
            class="drag-handle"
            aria-hidden="true"
            title=move || title.get()
            on:pointerdown=down
            on:pointermove=moved
            on:pointerup=up
            on:pointercancel=move |_| state.set(None)
        >
            "⠿"
        </span>
    }
}
