//! `<Show>` and `<For>` with Leptos' props, compiled once rather than once per call site.
//!
//! Leptos' own are generic over the closures and view types of each use, so every `<Show>` and
//! `<For>` in the app carried its own copy of their rendering and diffing code (about 70 KB of
//! the wasm). These box what the call site passes and hand it to one plain function; a page
//! imports them in place of the prelude's (`use crate::ui::control::{For, Show};`) and its
//! markup does not change. Behaviour is Leptos': `Show` rebuilds its children only when the
//! condition flips, and `For` keeps each row, with its DOM and state, for as long as its key is
//! listed.

use std::hash::Hash;
use std::sync::Arc;

use leptos::prelude::{AnyView, ArcMemo, ChildrenFn, Get, IntoAny, IntoView, ViewFn};
use leptos::tachys::view::keyed::SerializableKey;
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
    K: Eq + Hash + SerializableKey + 'static,
    N: IntoView + 'static,
{
    rows(
        Arc::new(move || each().into_iter().collect()),
        Arc::new(key),
        Arc::new(move |item| children(item).into_any()),
    )
}

type Each<T> = Arc<dyn Fn() -> Vec<T> + Send + Sync>;
type Key<T, K> = Arc<dyn Fn(&T) -> K + Send + Sync>;
type Row<T> = Arc<dyn Fn(T) -> AnyView + Send + Sync>;

/// The body of [`For`]: one copy per item and key type, not per call site.
fn rows<T, K>(each: Each<T>, key: Key<T, K>, row: Row<T>) -> AnyView
where
    T: Send + 'static,
    K: Eq + Hash + SerializableKey + 'static,
{
    view! {
        <leptos::control_flow::For each=move || each() key=move |item: &T| key(item) children=move |item| row(item) />
    }
    .into_any()
}
