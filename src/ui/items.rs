//! Lists of plan entities edited item by item (channels, KPIs, allocations, tasks): reading and
//! writing one item's field by its stable id, the keyed list of ids, adding and removing.
//! Shared so each step file stays a thin view.

use leptos::prelude::*;

use crate::domain::model::plan::{Channel, Plan, Priority};
use crate::domain::planning::strategy::channel_choices;
use crate::i18n::sentences::channel_name;
use crate::i18n::{Lang, T};
use crate::ui::{use_ctx, Ctx};

pub use crate::domain::model::lists::{find, find_mut, Listed};

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

/// A compact button that removes an item: it shows "✕ Delete", and is named for screen readers
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
            {ctx.t(T::Delete)}
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
