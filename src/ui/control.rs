//! `<Show>` and `<For>` with Leptos' props, compiled once rather than once per call site.
//!
//! Leptos' own are generic over the closures and view types of each use, so every `<Show>` and
//! `<For>` in the app carried its own copy of their rendering and diffing code (about 70 KB of
//! the wasm). These box what the call site passes and hand it to one plain function; a page
//! imports them in place of the prelude's (`use crate::ui::control::{For, Show};`) and its
//! markup does not change. Behaviour is Leptos': `Show` rebuilds its children only when the
//! condition flips, and `For` keeps each row, with its DOM and state, for as long as its key is
//! listed.

use std::sync::Arc;

use leptos::prelude::{AnyView, ArcMemo, ChildrenFn, Get, IntoAny, IntoView, ViewFn};
use leptos::{component, view};

/// Shows `children` while `when` is true, else `fallback` (nothing by default).
#[component]
pub fn Show(
    /// What to show while `when` is true.
    children: ChildrenFn,
    /// The condition; read reactively.
    when: impl Fn() -> bool + Send + Sync + 'static,
    /// What to show while `when` is false.
    #[prop(optional, into)]
    fallback: ViewFn,
) -> impl IntoView {
    show(Arc::new(when), children, fallback)
}

fn show(
    when: Arc<dyn Fn() -> bool + Send + Sync>,
    children: ChildrenFn,
    fallback: ViewFn,
) -> AnyView {
    let when = ArcMemo::new(move |_| when());
    (move || {
        if when.get() {
            children()
        } else {
            fallback.run()
        }
    })
    .into_any()
}

/// One row per item of `each`, kept by `key`: a row whose key stays listed is neither rebuilt
/// nor moved out of the DOM (so a field being typed in keeps its focus).
///
/// Every `For` of the app is one copy of Leptos' keyed list: the key is the text of its `Debug`
/// form (which tells apart any two of the app's keys: ids, and tuples of ids, names, numbers and
/// dates) and each row is a boxed closure, built only for a key that was not listed before.
/// Generic over the item and key types, Leptos' list and its diff were compiled once per pair,
/// 35 of them.
#[component]
pub fn For<I, T, K, N>(
    /// The items, read reactively.
    each: impl Fn() -> I + Send + Sync + 'static,
    /// Each item's key, unique in the list.
    key: impl Fn(&T) -> K + Send + Sync + 'static,
    /// The row of one item.
    children: impl Fn(T) -> N + Send + Sync + 'static,
) -> impl IntoView
where
    I: IntoIterator<Item = T>,
    T: Send + 'static,
    K: std::fmt::Debug,
    N: IntoView + 'static,
{
    let children = Arc::new(children);
    rows(Arc::new(move || {
        each()
            .into_iter()
            .map(|item| {
                let id = format!("{:?}", key(&item));
                let children = Arc::clone(&children);
                let row: Row = Box::new(move || children(item).into_any());
                (id, row)
            })
            .collect()
    }))
}

/// A row not built yet: built at most once, when its key is new.
type Row = Box<dyn FnOnce() -> AnyView + Send>;

type Each = Arc<dyn Fn() -> Vec<(String, Row)> + Send + Sync>;

/// The body of [`For`]: one copy for the whole app.
fn rows(each: Each) -> AnyView {
    view! {
        <leptos::control_flow::For
            each=move || each()
            key=|(id, _): &(String, Row)| id.clone()
            children=|(_, row): (String, Row)| row()
        />
    }
    .into_any()
}
