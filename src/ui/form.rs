//! Form fields bound to the open plan through two small closures: `get` reads the value from
//! the plan, `set` writes it back through [`Ctx::edit`](super::Ctx::edit) (which autosaves).
//! Every field has a visible label tied to its input.

use leptos::prelude::*;

use super::use_ctx;
use crate::domain::date::Date;
use crate::domain::plan::Plan;
use crate::i18n::format::{format_number, number_error_message, parse_number};
use crate::i18n::T;

/// A DOM id unique within the page, for label/input pairs.
pub fn field_id(prefix: &str, key: &str) -> String {
    format!("{prefix}-{key}")
}

/// A labelled one-line or multi-line text field.
#[component]
pub fn TextField(
    /// The DOM id of the input.
    id: String,
    /// The visible label.
    label: T,
    /// An optional hint under the label.
    #[prop(optional)]
    hint: Option<T>,
    /// A `<textarea>` instead of an `<input>`.
    #[prop(optional)]
    multiline: bool,
    /// Reads the value.
    get: impl Fn(&Plan) -> String + Send + Sync + 'static,
    /// Writes the value.
    set: impl Fn(&mut Plan, String) + Send + Sync + 'static,
) -> impl IntoView {
    let ctx = use_ctx();
    let value = move || ctx.plan.with(|p| p.as_ref().map(&get).unwrap_or_default());
    let set = std::sync::Arc::new(set);
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let set = set.clone();
        ctx.edit(move |p| set(p, text));
    };
    let hint_id = format!("{id}-hint");
    let described = hint.map(|_| hint_id.clone());
    let hint = hint.map(|h| view! { <small id=hint_id class="hint">{ctx.t(h)}</small> });
    let input = if multiline {
        view! {
            <textarea id=id.clone() rows="3" aria-describedby=described prop:value=value on:input=on_input></textarea>
        }
        .into_any()
    } else {
        view! { <input id=id.clone() type="text" aria-describedby=described prop:value=value on:input=on_input /> }
            .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{ctx.t(label)}</label>
            {hint}
            {input}
        </div>
    }
}

/// A labelled number field that reads and writes numbers in the UI language's format
/// (`1.500.000` in Indonesian, `1,500,000` in English). A value that does not parse is kept as
/// typed, with a message saying what is wrong, and the plan keeps its last good value.
#[component]
pub fn NumberField(
    /// The DOM id of the input.
    id: String,
    /// The visible label.
    label: T,
    /// Decimals shown once the field is left.
    #[prop(default = 0)]
    decimals: usize,
    /// A unit shown after the field (e.g. `%` or `IDR`).
    #[prop(optional, into)]
    unit: Signal<String>,
    /// Reads the value.
    get: impl Fn(&Plan) -> Option<f64> + Send + Sync + 'static,
    /// Writes the value (`None` when the field is emptied).
    set: impl Fn(&mut Plan, Option<f64>) + Send + Sync + 'static,
) -> impl IntoView {
    let ctx = use_ctx();
    // While the user types, the field shows their text, not the formatted plan value.
    let draft = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<crate::i18n::format::NumberError>);
    let shown = move || match draft.get() {
        Some(text) => text,
        None => ctx
            .plan
            .with(|p| p.as_ref().and_then(&get))
            .map(|v| format_number(v, decimals, ctx.lang.get()))
            .unwrap_or_default(),
    };
    let set = std::sync::Arc::new(set);
    let commit = move |text: String| {
        let trimmed = text.trim();
        let parsed = if trimmed.is_empty() {
            Ok(None)
        } else {
            parse_number(trimmed, ctx.lang.get_untracked()).map(Some)
        };
        match parsed {
            Ok(value) => {
                error.set(None);
                let set = set.clone();
                ctx.edit(move |p| set(p, value));
            }
            Err(err) => error.set(Some(err)),
        }
    };
    let commit_input = commit.clone();
    let error_id = format!("{id}-error");
    let error_id2 = error_id.clone();
    view! {
        <div class="field">
            <label for=id.clone()>{ctx.t(label)}</label>
            <span class="with-unit">
                <input
                    id=id
                    type="text"
                    inputmode="decimal"
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby=move || error.with(Option::is_some).then(|| error_id2.clone())
                    prop:value=shown
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        draft.set(Some(text.clone()));
                        commit_input(text);
                    }
                    on:blur=move |_| {
                        // Leaving a valid field shows it formatted; an invalid one stays as typed.
                        if error.with_untracked(Option::is_none) {
                            draft.set(None);
                        }
                    }
                />
                <span class="unit">{move || unit.get()}</span>
            </span>
            {move || {
                error
                    .get()
                    .map(|err| {
                        view! {
                            <small id=error_id.clone() class="field-error" role="alert">
                                {number_error_message(&err, ctx.lang.get())}
                            </small>
                        }
                    })
            }}
        </div>
    }
}

/// A labelled date field (the browser's date picker; empty means no date).
#[component]
pub fn DateField(
    /// The DOM id of the input.
    id: String,
    /// The visible label.
    label: T,
    /// Reads the value.
    get: impl Fn(&Plan) -> Option<Date> + Send + Sync + 'static,
    /// Writes the value.
    set: impl Fn(&mut Plan, Option<Date>) + Send + Sync + 'static,
) -> impl IntoView {
    let ctx = use_ctx();
    let value = move || {
        ctx.plan
            .with(|p| p.as_ref().and_then(&get))
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    let set = std::sync::Arc::new(set);
    view! {
        <div class="field">
            <label for=id.clone()>{ctx.t(label)}</label>
            <input
                id=id
                type="date"
                prop:value=value
                on:change=move |ev| {
                    // The date input yields `YYYY-MM-DD` or an empty string.
                    let date = Date::parse_iso(&event_target_value(&ev)).ok();
                    let set = set.clone();
                    ctx.edit(move |p| set(p, date));
                }
            />
        </div>
    }
}

/// A labelled drop-down list of choices.
#[component]
pub fn SelectField<V>(
    /// The DOM id of the select.
    id: String,
    /// The visible label.
    label: T,
    /// The choices and their labels.
    options: Vec<(V, T)>,
    /// Reads the value.
    get: impl Fn(&Plan) -> V + Send + Sync + 'static,
    /// Writes the value.
    set: impl Fn(&mut Plan, V) + Send + Sync + 'static,
) -> impl IntoView
where
    V: Clone + PartialEq + Default + Send + Sync + 'static,
{
    // The same drop-down as [`ChoiceField`], with fixed choices named by translation keys.
    let options = move |_: &Plan, lang: crate::i18n::Lang| {
        options
            .iter()
            .map(|(value, text)| (value.clone(), text.get(lang).to_string()))
            .collect()
    };
    view! { <ChoiceField id label options get set /> }
}

/// A reactive read of something derived from the open plan (the default when none is open).
pub fn plan_value<R: Default + Send + Sync + 'static>(
    get: impl Fn(&Plan) -> R + Send + Sync + 'static,
) -> impl Fn() -> R + Send + Sync + 'static {
    let ctx = use_ctx();
    move || ctx.plan.with(|p| p.as_ref().map(&get).unwrap_or_default())
}

/// A labelled drop-down whose choices come from the plan and the UI language (channels the
/// strategy named, currencies with their names…), so they are not fixed translation keys.
#[component]
pub fn ChoiceField<V>(
    /// The DOM id of the select.
    id: String,
    /// The visible label.
    label: T,
    /// The choices and their labels.
    options: impl Fn(&Plan, crate::i18n::Lang) -> Vec<(V, String)> + Send + Sync + 'static,
    /// Reads the value.
    get: impl Fn(&Plan) -> V + Send + Sync + 'static,
    /// Writes the value.
    set: impl Fn(&mut Plan, V) + Send + Sync + 'static,
) -> impl IntoView
where
    V: Clone + PartialEq + Send + Sync + 'static,
{
    let ctx = use_ctx();
    let choices = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.plan
            .with(|p| p.as_ref().map(|p| options(p, lang)).unwrap_or_default())
    });
    let current = Memo::new(move |_| ctx.plan.with(|p| p.as_ref().map(&get)));
    let set = std::sync::Arc::new(set);
    view! {
        <div class="field">
            <label for=id.clone()>{ctx.t(label)}</label>
            <select
                id=id
                on:change=move |ev| {
                    let index: usize = event_target_value(&ev).parse().unwrap_or(usize::MAX);
                    let chosen = choices.with_untracked(|c| c.get(index).map(|(v, _)| v.clone()));
                    if let Some(value) = chosen {
                        let set = set.clone();
                        ctx.edit(move |p| set(p, value));
                    }
                }
            >
                {move || {
                    choices
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, (value, text))| {
                            let selected = move || current.with(|c| c.as_ref() == Some(&value));
                            view! {
                                <option value=i.to_string() prop:selected=selected>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// A group of labelled checkboxes that picks ids (gaps, personas, tasks) from the plan. Each
/// checkbox's id is `{id}-{option id}`; with no options, `empty` says what to add first.
#[component]
pub fn CheckList(
    /// The DOM id prefix of the checkboxes.
    id: String,
    /// The group's visible legend.
    legend: T,
    /// Shown when there is nothing to pick.
    empty: T,
    /// The ids to pick from, with their labels.
    options: impl Fn(&Plan, crate::i18n::Lang) -> Vec<(String, String)> + Send + Sync + 'static,
    /// The ids picked.
    get: impl Fn(&Plan) -> Vec<String> + Send + Sync + 'static,
    /// Picks (`true`) or drops (`false`) an id.
    set: impl Fn(&mut Plan, (String, bool)) + Send + Sync + 'static,
) -> impl IntoView {
    let ctx = use_ctx();
    let choices = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.plan
            .with(|p| p.as_ref().map(|p| options(p, lang)).unwrap_or_default())
    });
    let picked = Memo::new(move |_| ctx.plan.with(|p| p.as_ref().map(&get).unwrap_or_default()));
    let set = std::sync::Arc::new(set);
    view! {
        <fieldset class="check-list">
            <legend>{ctx.t(legend)}</legend>
            <Show when=move || choices.with(Vec::is_empty)>
                <p class="hint">{ctx.t(empty)}</p>
            </Show>
            <For
                each=move || choices.get()
                // The label is part of the key, so a renamed option re-renders its own row only.
                key=|option| option.clone()
                let((value, text))
            >
                {
                    let box_id = format!("{id}-{value}");
                    let set = set.clone();
                    let checked_value = value.clone();
                    view! {
                        <div class="check">
                            <input
                                type="checkbox"
                                id=box_id.clone()
                                prop:checked=move || picked.with(|p| p.contains(&checked_value))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let (set, value) = (set.clone(), value.clone());
                                    ctx.edit(move |p| set(p, (value, on)));
                                }
                            />
                            <label for=box_id>{text}</label>
                        </div>
                    }
                }
            </For>
        </fieldset>
    }
}

/// Adds `id` to `ids` (once) when `on`, removes it otherwise: the write of a [`CheckList`].
pub fn toggle_id(ids: &mut Vec<String>, id: String, on: bool) {
    ids.retain(|x| *x != id);
    if on {
        ids.push(id);
    }
}
