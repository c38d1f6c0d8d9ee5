//! Lists of plan entities edited item by item (channels, KPIs, allocations, tasks): reading and
//! writing one item's field by its stable id, the keyed list of ids, adding and removing.
//! Shared so each step file stays a thin view.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::model::plan::{Channel, Plan, Priority};
use crate::domain::planning::strategy::channel_choices;
use crate::i18n::sentences::channel_name;
use crate::i18n::{Lang, T};
use crate::ui::{use_ctx, Ctx};

pub use crate::domain::model::lists::{find, find_mut, Listed};
use crate::domain::model::lists::{move_by, move_next_to};
use crate::ui::drag::{is_dragged, is_target, DragHandle, Over};

/// A `get` closure for a form field: `f` of the item with this id (the default if it is gone).
pub fn read<I: Listed, R: Default>(
    id: &str,
    f: impl Fn(&I) -> R + Send + Sync + 'static,
) -> impl Fn(&Plan) -> R + Send + Sync + 'static {
    let id = id.to_string();
    move |plan| find(plan, &id).map(&f).unwrap_or_default()
}

/// A `set` closure for a form field: `f` changes the item with this id (nothing if it is gone).
pub fn write<I: Listed, V>(
    id: &str,
    f: impl Fn(&mut I, V) + Send + Sync + 'static,
) -> impl Fn(&mut Plan, V) + Send + Sync + 'static {
    let id = id.to_string();
    move |plan, value| {
        if let Some(item) = find_mut(plan, &id) {
            f(item, value);
        }
    }
}

/// The ids of the list, in order: what `<For>` keys the rows by.
pub fn ids<I: Listed>(ctx: Ctx) -> Memo<Vec<String>> {
    Memo::new(move |_| {
        ctx.plan.with(|p| {
            p.as_ref()
                .map(|p| I::list(p).iter().map(|i| i.id().to_string()).collect())
                .unwrap_or_default()
        })
    })
}

/// The write that removes the item with this id.
pub fn remover<I: Listed>(id: &str) -> impl Fn(&mut Plan) + Send + Sync + 'static {
    let id = id.to_string();
    move |plan| I::list_mut(plan).retain(|i| i.id() != id)
}

/// A reactive read of the open plan in the UI language, e.g. a text worded from it (the
/// default with no plan open).
pub fn plan_text<R: Default>(
    ctx: Ctx,
    f: impl Fn(&Plan, Lang) -> R + Send + Sync + 'static,
) -> impl Fn() -> R + Send + Sync + 'static {
    move || {
        let lang = ctx.lang.get();
        ctx.plan
            .with(|p| p.as_ref().map(|p| f(p, lang)).unwrap_or_default())
    }
}

/// A compact button that removes an item: it shows "✕ Remove", and is named for screen readers
/// and in its tooltip with what it removes (`label` fills `{name}` with the item's current
/// name), so a long name never turns it into a tall red block.
#[component]
pub fn RemoveButton(
    /// The label, e.g. "Remove task {name}".
    label: T,
    /// The item's name as shown, in a language.
    name: impl Fn(&Plan, Lang) -> String + Send + Sync + 'static,
    /// The removal, usually [`remover`].
    remove: impl Fn(&mut Plan) + Send + Sync + 'static,
) -> impl IntoView {
    let ctx = use_ctx();
    let text = plan_text(ctx, move |p, lang| {
        label.fill(lang, &[("name", &name(p, lang))])
    });
    let name = Signal::derive(text);
    view! {
        <button
            type="button"
            class="danger remove"
            aria-label=move || name.get()
            title=move || name.get()
            on:click=move |_| ctx.edit(&remove)
        >
            <span aria-hidden="true">"✕ "</span>
            {ctx.t(T::RemoveItem)}
        </button>
    }
}

/// A shorter text for labels: the first 60 characters, "…" after a cut.
pub fn short(text: &str) -> String {
    crate::domain::values::text::shorten(text, 61)
}

/// `text`, or the translated `fallback` when it is blank.
pub fn or_untitled(text: &str, fallback: T, lang: Lang) -> String {
    if text.trim().is_empty() {
        fallback.get(lang).to_string()
    } else {
        short(text)
    }
}

/// The channel choices of a KPI or task: "no specific channel", then the plan's channels.
pub fn optional_channels(plan: &Plan, lang: Lang) -> Vec<(Option<Channel>, String)> {
    let none = (None, T::ChannelNone.get(lang).to_string());
    let channels = channel_choices(plan).into_iter().map(|c| {
        let name = channel_name(&c, lang);
        (Some(c), name)
    });
    std::iter::once(none).chain(channels).collect()
}

/// The channel choices of an allocation, which always has one: the plan's channels (as
/// `Some`, so the field reads like the optional ones).
pub fn channels(plan: &Plan, lang: Lang) -> Vec<(Option<Channel>, String)> {
    optional_channels(plan, lang).into_iter().skip(1).collect()
}

/// The choices of a priority.
pub fn priorities() -> Vec<(Priority, T)> {
    vec![
        (Priority::High, T::PriorityHigh),
        (Priority::Medium, T::PriorityMedium),
        (Priority::Low, T::PriorityLow),
    ]
}

/// A reorder of one list: by places (the move buttons) or next to another item (a drop).
enum Reorder {
    By(isize),
    NextTo(String, bool),
}

type Reorderer = Arc<dyn Fn(&mut Plan, &str, Reorder) -> bool + Send + Sync>;

/// Move up / move down buttons and a drag handle for the item `id` of the list of `I`, named
/// for screen readers with the item's name (`name`). The item's row is a [`ReorderRow`] with
/// the same `list`.
pub fn reorder_controls<I: Listed>(list: &'static str, id: &str, name: Signal<String>) -> AnyView {
    let reorder: Reorderer = Arc::new(|plan, id, how| {
        let list = I::list_mut(plan);
        match how {
            Reorder::By(delta) => move_by(list, id, delta),
            Reorder::NextTo(target, after) => move_next_to(list, id, &target, after),
        }
    });
    controls(list, id.to_string(), name, reorder)
}

/// The body of [`reorder_controls`], compiled once rather than once per list.
fn controls(list: &'static str, id: String, name: Signal<String>, reorder: Reorderer) -> AnyView {
    let ctx = use_ctx();
    let button = |delta: isize, label: T, mark: &'static str, suffix: &'static str| {
        let reorder = reorder.clone();
        let id = id.clone();
        let dom_id = format!("{list}-{id}-{suffix}");
        let refocus = dom_id.clone();
        let text = move || label.fill(ctx.lang.get(), &[("name", &name.get())]);
        view! {
            <button
                type="button"
                class="icon move"
                id=dom_id
                aria-label=text
                title=text
                on:click=move |_| {
                    let reorder = reorder.clone();
                    let id = id.clone();
                    // The row is re-rendered in its new place; the button keeps the focus.
                    crate::ui::form::focus_later(refocus.clone());
                    ctx.edit(move |p| {
                        reorder(p, &id, Reorder::By(delta));
                    });
                }
            >
                <span aria-hidden="true">{mark}</span>
            </button>
        }
    };
    let on_drop = {
        let reorder = reorder.clone();
        Callback::new(move |(key, over): (String, Over)| {
            if let Some((target, after)) = over.key {
                let reorder = reorder.clone();
                ctx.edit(move |p| {
                    reorder(p, &key, Reorder::NextTo(target, after));
                });
            }
        })
    };
    let title = Signal::derive(move || T::DragToMove.get(ctx.lang.get()).to_string());
    view! {
        <span class="reorder">
            <DragHandle list key=id.clone() state=ctx.drag on_drop title />
            {button(-1, T::MoveUp, "▲", "up")}
            {button(1, T::MoveDown, "▼", "down")}
        </span>
    }
    .into_any()
}

/// A row of a list that can be reordered by dragging: it carries the list's name and the
/// item's key for the drag's hit test, and shows where a drop would land.
#[component]
pub fn ReorderRow(
    /// The list's name, as given to [`reorder_controls`].
    list: &'static str,
    /// The item's id.
    key: String,
    /// The row.
    children: Children,
) -> impl IntoView {
    let ctx = use_ctx();
    let state = ctx.drag;
    let (k1, k2, k3) = (key.clone(), key.clone(), key.clone());
    let dragging = move || is_dragged(state, &k1);
    let before = move || is_target(state, &k2, false);
    let after = move || is_target(state, &k3, true);
    view! {
        <div class="reorder-row" data-drag-list=list data-drag-key=key
            class:dragging=dragging class:drop-before=before class:drop-after=after>
            {children()}
        </div>
    }
}
