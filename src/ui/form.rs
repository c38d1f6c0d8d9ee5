//! Form fields bound to the open plan through two small closures: `get` reads the value from
//! the plan, `set` writes it back through [`Ctx::edit`](super::Ctx::edit) (which autosaves).
//! Every field has a visible label tied to its input.

use std::sync::Arc;

use crate::ui::control::{For, Show};
use leptos::prelude::*;

use wasm_bindgen::JsCast;

use super::{new_id, use_ctx, Ctx};
use crate::domain::model::lists::{find_in, find_in_mut, ids, position, Listed};
use crate::domain::model::plan::{Channel, Note, Plan};
use crate::domain::planning::research::{
    channel_slug, drop_references, other_channels_text, remove_item, set_channel,
    set_other_channels, CHANNEL_CHOICES,
};
use crate::domain::values::date::Date;
use crate::i18n::format::{format_number, number_error_message, parse_money, parse_number};
use crate::i18n::sentences::channel_name;
use crate::i18n::T;

// The widgets below are generic over the closures a call site passes. Each one boxes them and
// hands them to a plain function, so its rendering code is compiled once, not once per field:
// that keeps the wasm small.

/// A boxed read of the plan.
type Reader<R> = Arc<dyn Fn(&Plan) -> R + Send + Sync>;
/// A boxed write to the plan.
type Writer<V> = Arc<dyn Fn(&mut Plan, V) + Send + Sync>;

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
    text_field(id, label, hint, multiline, Arc::new(get), Arc::new(set))
}

/// The body of [`TextField`], compiled once rather than once per call site.
fn text_field(
    id: String,
    label: T,
    hint: Option<T>,
    multiline: bool,
    get: Reader<String>,
    set: Writer<String>,
) -> AnyView {
    let ctx = use_ctx();
    let value = move || {
        ctx.plan
            .with(|p| p.as_ref().map(|p| get(p)).unwrap_or_default())
    };
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
    .into_any()
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
    /// An amount in the plan's currency: typed text naming another currency ("US$100" in a
    /// rupiah field) is refused with a message, and the value `set` gets is already rounded
    /// to the currency's minor units ([`crate::domain::values::money`]).
    #[prop(optional)]
    money: bool,
    /// Reads the value.
    get: impl Fn(&Plan) -> Option<f64> + Send + Sync + 'static,
    /// Writes the value (`None` when the field is emptied).
    set: impl Fn(&mut Plan, Option<f64>) + Send + Sync + 'static,
) -> impl IntoView {
    number_field(
        id,
        label,
        decimals,
        unit,
        money,
        Arc::new(get),
        Arc::new(set),
    )
}

/// The body of [`NumberField`], compiled once rather than once per call site.
fn number_field(
    id: String,
    label: T,
    decimals: usize,
    unit: Signal<String>,
    money: bool,
    get: Reader<Option<f64>>,
    set: Writer<Option<f64>>,
) -> AnyView {
    let ctx = use_ctx();
    // While the user types, the field shows their text, not the formatted plan value.
    let draft = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<crate::i18n::format::NumberError>);
    let shown = move || match draft.get() {
        Some(text) => text,
        None => ctx
            .plan
            .with(|p| p.as_ref().and_then(|p| get(p)))
            .map(|v| format_number(v, shown_decimals(v, decimals, money), ctx.lang.get()))
            .unwrap_or_default(),
    };
    // How an entry with the other language's decimal mark was read ("1.4" in Indonesian).
    let reading = RwSignal::new(None::<String>);
    let commit = move |text: String| {
        let trimmed = text.trim();
        let lang = ctx.lang.get_untracked();
        let parse = |text: &str| {
            if money {
                let code = ctx
                    .plan
                    .with_untracked(|p| p.as_ref().map(|p| p.currency.clone()))
                    .unwrap_or_default();
                parse_money(text, &code, lang)
            } else {
                parse_number(text, lang)
            }
        };
        let mut read_as = None;
        let parsed = if trimmed.is_empty() {
            Ok(None)
        } else {
            match parse(trimmed) {
                Err(err @ crate::i18n::format::NumberError::Separators { .. }) => {
                    match crate::i18n::format::other_decimal_mark(trimmed, lang) {
                        Some(rewritten) => parse(&rewritten).map(|v| {
                            read_as = Some(rewritten.clone());
                            Some(v)
                        }),
                        None => Err(err),
                    }
                }
                other => other.map(Some),
            }
        };
        reading.set(read_as);
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
    let note_id = format!("{id}-note");
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
                        // `try_`: the browser also fires blur when the page is left and this
                        // field's signals are already gone.
                        if error.try_with_untracked(Option::is_none) == Some(true) {
                            draft.try_set(None);
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
            {move || {
                reading
                    .get()
                    .map(|text| {
                        view! {
                            <small id=note_id.clone() class="field-note" role="status">
                                {T::NumberReadAs.fill(ctx.lang.get(), &[("text", &text)])}
                            </small>
                        }
                    })
            }}
        </div>
    }
    .into_any()
}

/// How many of a field's `decimals` a value shows: none for a whole number ("1.000", not
/// "1.000,00"); for money all the currency's (Rp has none; $12,50 keeps its cent); otherwise
/// only those it needs ("1,4", not "1,40").
fn shown_decimals(value: f64, decimals: usize, money: bool) -> usize {
    if value.fract() == 0.0 {
        return 0;
    }
    if money {
        return decimals;
    }
    let scale = |d: usize| 10f64.powi(i32::try_from(d).unwrap_or(0));
    let full = (value * scale(decimals)).round() / scale(decimals);
    (0..decimals)
        .find(|&d| ((value * scale(d)).round() / scale(d) - full).abs() < 1e-9)
        .unwrap_or(decimals)
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
    date_field(id, label, Arc::new(get), Arc::new(set))
}

/// The body of [`DateField`], compiled once rather than once per call site.
fn date_field(
    id: String,
    label: T,
    get: Reader<Option<Date>>,
    set: Writer<Option<Date>>,
) -> AnyView {
    let ctx = use_ctx();
    // While the user types, the browser reports dates such as 0002-01-05 (year 2 after the
    // first digit of 2027). Those are kept as a draft and never written back into the field,
    // which would wipe the half-typed year; the plan only takes complete dates from 1900 on.
    let draft = RwSignal::new(None::<String>);
    let value = move || {
        let stored = ctx.plan.with(|p| p.as_ref().and_then(|p| get(p)));
        // A complete draft that is not the stored date any more was changed elsewhere (a drag
        // on the calendar, an undo): the field shows the plan's date.
        let draft = draft.get().filter(|text| match Date::parse_iso(text) {
            Ok(date) => Some(date) == stored,
            Err(_) => true,
        });
        draft.unwrap_or_else(|| stored.map(|d| d.to_string()).unwrap_or_default())
    };
    view! {
        <div class="field">
            <label for=id.clone()>{ctx.t(label)}</label>
            <input
                id=id
                type="date"
                prop:value=value
                on:input=move |ev| {
                    // The date input yields `YYYY-MM-DD`, or an empty string when cleared.
                    let text = event_target_value(&ev);
                    draft.set(Some(text.clone()));
                    let date = if text.is_empty() {
                        Some(None)
                    } else {
                        Date::parse_iso(&text).ok().map(Some)
                    };
                    if let Some(date) = date {
                        let set = set.clone();
                        ctx.edit(move |p| set(p, date));
                    }
                }
                // `try_set`: blur also fires as the page is left and the draft is gone.
                on:blur=move |_| {
                    draft.try_set(None);
                }
            />
        </div>
    }
    .into_any()
}

/// A labelled date input for a choice of the page (not a field of the plan): `signal` holds
/// the date picked, `None` while it is empty or incomplete.
pub fn page_date_input(
    ctx: Ctx,
    id: &'static str,
    label: T,
    signal: RwSignal<Option<Date>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{ctx.t(label)}</label>
            <input
                id=id
                type="date"
                prop:value=move || signal.get().map(|d| d.to_string()).unwrap_or_default()
                on:change=move |ev| signal.set(Date::parse_iso(&event_target_value(&ev)).ok())
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
    // Only the labels and the chosen index reach the rendering code, so it is compiled once
    // for every kind of choice.
    let options = Arc::new(options);
    let labels = {
        let options = options.clone();
        Arc::new(move |p: &Plan, lang| options(p, lang).into_iter().map(|(_, t)| t).collect())
    };
    let chosen = {
        let options = options.clone();
        Arc::new(move |p: &Plan, lang| {
            let current = get(p);
            options(p, lang).iter().position(|(v, _)| *v == current)
        })
    };
    let pick = Arc::new(move |p: &mut Plan, index: usize, lang| {
        if let Some((value, _)) = options(p, lang).into_iter().nth(index) {
            set(p, value);
        }
    });
    choice_field(id, label, labels, chosen, pick)
}

/// The ids a [`CheckList`] offers, with their labels.
type IdOptions = Arc<dyn Fn(&Plan, crate::i18n::Lang) -> Vec<(String, String)> + Send + Sync>;

/// The options of a drop-down, its chosen index, and the write of a new index.
type Labels = Arc<dyn Fn(&Plan, crate::i18n::Lang) -> Vec<String> + Send + Sync>;
type Chosen = Arc<dyn Fn(&Plan, crate::i18n::Lang) -> Option<usize> + Send + Sync>;
type Pick = Arc<dyn Fn(&mut Plan, usize, crate::i18n::Lang) + Send + Sync>;

/// The body of [`ChoiceField`].
fn choice_field(id: String, label: T, labels: Labels, chosen: Chosen, pick: Pick) -> AnyView {
    let ctx = use_ctx();
    let texts = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.plan
            .with(|p| p.as_ref().map(|p| labels(p, lang)).unwrap_or_default())
    });
    let current = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.plan.with(|p| p.as_ref().and_then(|p| chosen(p, lang)))
    });
    view! {
        <div class="field">
            <label for=id.clone()>{ctx.t(label)}</label>
            <select
                id=id
                on:change=move |ev| {
                    let index: usize = event_target_value(&ev).parse().unwrap_or(usize::MAX);
                    let lang = ctx.lang.get_untracked();
                    let pick = pick.clone();
                    ctx.edit(move |p| pick(p, index, lang));
                }
            >
                {move || {
                    texts
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, text)| {
                            view! {
                                <option value=i.to_string() prop:selected=move || current.get() == Some(i)>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
    .into_any()
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
    check_list(
        id,
        legend,
        empty,
        Arc::new(options),
        Arc::new(get),
        Arc::new(set),
    )
}

/// The body of [`CheckList`], compiled once rather than once per call site.
fn check_list(
    id: String,
    legend: T,
    empty: T,
    options: IdOptions,
    get: Reader<Vec<String>>,
    set: Writer<(String, bool)>,
) -> AnyView {
    let ctx = use_ctx();
    let choices = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.plan
            .with(|p| p.as_ref().map(|p| options(p, lang)).unwrap_or_default())
    });
    let picked = Memo::new(move |_| {
        ctx.plan
            .with(|p| p.as_ref().map(|p| get(p)).unwrap_or_default())
    });
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
    .into_any()
}

/// Adds `id` to `ids` (once) when `on`, removes it otherwise: the write of a [`CheckList`].
pub fn toggle_id(ids: &mut Vec<String>, id: String, on: bool) {
    ids.retain(|x| *x != id);
    if on {
        ids.push(id);
    }
}

/// A memo of something derived from the open plan (the default when none is open). It only
/// notifies when the derived value changes, so a keystroke elsewhere re-renders nothing here.
pub fn plan_memo<R>(get: impl Fn(&Plan) -> R + Send + Sync + 'static) -> Memo<R>
where
    R: Default + Clone + PartialEq + Send + Sync + 'static,
{
    let ctx = use_ctx();
    Memo::new(move |_| ctx.plan.with(|p| p.as_ref().map(&get).unwrap_or_default()))
}

/// Reads a value of the list item `item` of type `I` (the default when it is gone).
pub fn item_get<I, R>(
    item: String,
    get: impl Fn(&I) -> R + Send + Sync + 'static,
) -> impl Fn(&Plan) -> R + Send + Sync + 'static
where
    I: Listed,
    R: Default,
{
    crate::ui::items::read(&item, get)
}

/// Writes a value of the list item `item` of type `I` (nothing when it is gone).
pub fn item_set<I, V>(
    item: String,
    set: impl Fn(&mut I, V) + Send + Sync + 'static,
) -> impl Fn(&mut Plan, V) + Send + Sync + 'static
where
    I: Listed,
{
    crate::ui::items::write(&item, set)
}

/// Moves the keyboard focus to the element with `id` once the DOM has caught up with an edit
/// (after "Add", the new item's first field; after "Remove", the list's add button).
pub fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document()
            .get_element_by_id(&id)
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// A button that removes one item, labelled with what it removes ("Remove Trend 2"). Only the
/// word "Remove" shows; the rest is read out by screen readers.
#[component]
pub fn RemoveButton(
    /// The DOM id of the button.
    id: String,
    /// What it removes, e.g. "Trend 2" or a competitor's name.
    #[prop(into)]
    what: Signal<String>,
    /// Removes the item.
    on_remove: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    remove_button(id, what, Arc::new(on_remove))
}

/// The body of [`RemoveButton`], compiled once rather than once per call site.
fn remove_button(
    id: String,
    what: Signal<String>,
    on_remove: Arc<dyn Fn() + Send + Sync>,
) -> AnyView {
    let ctx = use_ctx();
    view! {
        <button id=id type="button" class="danger remove" on:click=move |_| on_remove()>
            {ctx.t(T::RemoveItem)}
            <span class="visually-hidden">" " {move || what.get()}</span>
        </button>
    }
    .into_any()
}

/// A heading-and-list editor for a `Vec<Note>` of the plan: add, edit and remove notes, with a
/// hint while the list is empty. Item fields have the DOM id `{id}-{note id}`; the add button
/// is `{id}-add`.
#[component]
pub fn NoteList(
    /// The DOM id of the section, and the prefix of its fields.
    id: String,
    /// The heading.
    heading: T,
    /// The label of one note, with `{n}` for its position ("Trend {n}").
    item_label: T,
    /// The add button's text.
    add_label: T,
    /// The hint shown while the list is empty.
    empty: T,
    /// The list in the plan.
    read: fn(&Plan) -> &Vec<Note>,
    /// The list in the plan, for editing.
    write: fn(&mut Plan) -> &mut Vec<Note>,
) -> impl IntoView {
    let ctx = use_ctx();
    let ids = move || {
        ctx.plan
            .with(|p| p.as_ref().map(|p| ids(read(p))).unwrap_or_default())
    };
    let heading_id = format!("{id}-heading");
    let labelled = heading_id.clone();
    let add_id = format!("{id}-add");
    let prefix = id.clone();
    let add = {
        let prefix = prefix.clone();
        move |_| {
            let note = new_id();
            focus_later(format!("{prefix}-{note}"));
            ctx.edit(move |p| {
                write(p).push(Note {
                    id: note,
                    text: String::new(),
                })
            });
        }
    };
    view! {
        <section class="note-list" id=id aria-labelledby=labelled>
            <h3 id=heading_id>{ctx.t(heading)}</h3>
            <Show when=move || ids().is_empty()>
                <p class="empty-hint">{ctx.t(empty)}</p>
            </Show>
            <ul>
                <For each=ids key=|note| note.clone() let:note>
                    <NoteRow prefix=prefix.clone() note item_label read write />
                </For>
            </ul>
            <button id=add_id type="button" on:click=add>
                "+ "
                {ctx.t(add_label)}
            </button>
        </section>
    }
}

/// One note of a [`NoteList`].
#[component]
fn NoteRow(
    prefix: String,
    note: String,
    item_label: T,
    read: fn(&Plan) -> &Vec<Note>,
    write: fn(&mut Plan) -> &mut Vec<Note>,
) -> impl IntoView {
    let ctx = use_ctx();
    let field = field_id(&prefix, &note);
    let add_id = format!("{prefix}-add");
    let label = {
        let note = note.clone();
        Signal::derive(move || {
            let n = ctx
                .plan
                .with(|p| p.as_ref().and_then(|p| position(read(p), &note)))
                .unwrap_or(0);
            item_label.fill(ctx.lang.get(), &[("n", &n.to_string())])
        })
    };
    let text = {
        let note = note.clone();
        move || {
            ctx.plan.with(|p| {
                p.as_ref()
                    .and_then(|p| find_in(read(p), &note))
                    .map(|n| n.text.clone())
                    .unwrap_or_default()
            })
        }
    };
    let on_input = {
        let note = note.clone();
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            let note = note.clone();
            ctx.edit(move |p| {
                if let Some(n) = find_in_mut(write(p), &note) {
                    n.text = value;
                }
            });
        }
    };
    let remove = move || {
        let note = note.clone();
        focus_later(add_id.clone());
        ctx.edit(move |p| {
            write(p).retain(|n| n.id != note);
            drop_references(p, &note);
        });
    };
    view! {
        <li class="note-row">
            <label for=field.clone()>{label}</label>
            <textarea id=field.clone() rows="2" prop:value=text on:input=on_input></textarea>
            <RemoveButton id=format!("{field}-remove") what=label on_remove=remove />
        </li>
    }
}

/// Checkboxes for the listed channels plus a text field for other channels (comma-separated).
/// Checkbox ids are `{id}-{channel slug}`; the text field is `{id}-other`.
#[component]
pub fn ChannelPicker(
    /// The DOM id prefix.
    id: String,
    /// Reads the channels.
    get: impl Fn(&Plan) -> Vec<Channel> + Send + Sync + 'static,
    /// Writes the channels.
    set: impl Fn(&mut Plan, Vec<Channel>) + Send + Sync + 'static,
) -> impl IntoView {
    channel_picker(id, Arc::new(get), Arc::new(set))
}

/// The body of [`ChannelPicker`], compiled once rather than once per call site.
fn channel_picker(id: String, get: Reader<Vec<Channel>>, set: Writer<Vec<Channel>>) -> AnyView {
    let ctx = use_ctx();
    let boxes = CHANNEL_CHOICES
        .into_iter()
        .map(|channel| {
            let box_id = format!("{id}-{}", channel_slug(&channel));
            let (get, set) = (get.clone(), set.clone());
            let checked = {
                let get = get.clone();
                let channel = channel.clone();
                move || {
                    ctx.plan
                        .with(|p| p.as_ref().is_some_and(|p| get(p).contains(&channel)))
                }
            };
            let name = channel.clone();
            let on_change = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                let (get, set, channel) = (get.clone(), set.clone(), channel.clone());
                ctx.edit(move |p| {
                    let mut list = get(p);
                    set_channel(&mut list, &channel, on);
                    set(p, list);
                });
            };
            view! {
                <span class="check">
                    <input id=box_id.clone() type="checkbox" prop:checked=checked on:change=on_change />
                    <label for=box_id>{move || channel_name(&name, ctx.lang.get())}</label>
                </span>
            }
        })
        .collect_view();
    // While typing, the field shows the user's text: normalising "Shopee," would eat the comma.
    let draft = RwSignal::new(None::<String>);
    let other_id = format!("{id}-other");
    let other_text = {
        let get = get.clone();
        move || {
            draft.get().unwrap_or_else(|| {
                ctx.plan.with(|p| {
                    p.as_ref()
                        .map(|p| other_channels_text(&get(p)))
                        .unwrap_or_default()
                })
            })
        }
    };
    let on_other = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        draft.set(Some(text.clone()));
        let (get, set) = (get.clone(), set.clone());
        ctx.edit(move |p| {
            let mut list = get(p);
            set_other_channels(&mut list, &text);
            set(p, list);
        });
    };
    view! {
        <fieldset class="channel-picker">
            <legend>{ctx.t(T::ChannelsUsed)}</legend>
            <div class="checks">{boxes}</div>
            <div class="field">
                <label for=other_id.clone()>{ctx.t(T::OtherChannels)}</label>
                <input
                    id=other_id
                    type="text"
                    prop:value=other_text
                    on:input=on_other
                    // `try_set`: blur also fires as the page is left and the draft is gone.
                on:blur=move |_| {
                    draft.try_set(None);
                }
                />
            </div>
        </fieldset>
    }
    .into_any()
}

/// A list of cards, one per item of type `I` in the plan, with an add button (`{id}-add`) and a
/// hint while the list is empty. `card` renders one item from its id. After "Add", focus goes
/// to the new item's field `{item_prefix}-{new id}-{first_field}`.
pub fn item_cards<I, V>(
    id: &'static str,
    item_prefix: &'static str,
    first_field: &'static str,
    add_label: T,
    empty: T,
    new_item: fn(String) -> I,
    card: impl Fn(String) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    I: Listed + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let card: Arc<dyn Fn(String) -> AnyView + Send + Sync> =
        Arc::new(move |item| card(item).into_any());
    item_cards_of::<I>(
        id,
        item_prefix,
        first_field,
        add_label,
        empty,
        new_item,
        card,
    )
}

/// The body of [`item_cards`], generic over the item type only.
fn item_cards_of<I>(
    id: &'static str,
    item_prefix: &'static str,
    first_field: &'static str,
    add_label: T,
    empty: T,
    new_item: fn(String) -> I,
    card: Arc<dyn Fn(String) -> AnyView + Send + Sync>,
) -> AnyView
where
    I: Listed + Send + Sync + 'static,
{
    let ctx = use_ctx();
    let item_ids = move || {
        ctx.plan
            .with(|p| p.as_ref().map(|p| ids(I::list(p))).unwrap_or_default())
    };
    let add = move |_| {
        let item = new_id();
        focus_later(format!("{item_prefix}-{item}-{first_field}"));
        ctx.edit(move |p| I::list_mut(p).push(new_item(item)));
    };
    view! {
        <div class="item-list" id=id>
            <Show when=move || item_ids().is_empty()>
                <p class="empty-hint">{ctx.t(empty)}</p>
            </Show>
            <For each=item_ids key=|item| item.clone() let:item>
                {card(item)}
            </For>
            <button id=format!("{id}-add") type="button" class="add" on:click=add>
                "+ "
                {ctx.t(add_label)}
            </button>
        </div>
    }
    .into_any()
}

/// One item's card: a heading (its name, or "Competitor 2" while unnamed), a remove button
/// (`{prefix}-{item}-remove`) and the item's fields. Removing drops every reference to the
/// item and moves focus to the list's add button `{list_id}-add`.
pub fn item_card<I, V>(
    list_id: &'static str,
    prefix: &'static str,
    item: String,
    heading: T,
    name: fn(&I) -> String,
    fields: V,
) -> impl IntoView
where
    I: Listed + Send + Sync + 'static,
    V: IntoView + 'static,
{
    item_card_of::<I>(list_id, prefix, item, heading, name, fields.into_any())
}

/// The body of [`item_card`], generic over the item type only.
fn item_card_of<I>(
    list_id: &'static str,
    prefix: &'static str,
    item: String,
    heading: T,
    name: fn(&I) -> String,
    fields: AnyView,
) -> AnyView
where
    I: Listed + Send + Sync + 'static,
{
    let ctx = use_ctx();
    let title = {
        let item = item.clone();
        Signal::derive(move || {
            let (n, named) = ctx.plan.with(|p| {
                p.as_ref()
                    .map(|p| {
                        let list = I::list(p);
                        let n = position(list, &item).unwrap_or(0);
                        (n, find_in(list, &item).map(name).unwrap_or_default())
                    })
                    .unwrap_or_default()
            });
            let named = named.trim().to_string();
            if named.is_empty() {
                heading.fill(ctx.lang.get(), &[("n", &n.to_string())])
            } else {
                named
            }
        })
    };
    let card_id = field_id(prefix, &item);
    let heading_id = format!("{card_id}-heading");
    let labelled = heading_id.clone();
    let remove = {
        let item = item.clone();
        move || {
            let item = item.clone();
            focus_later(format!("{list_id}-add"));
            ctx.edit(move |p| {
                remove_item(p, &item);
            });
        }
    };
    let reorder = crate::ui::items::reorder_controls::<I>(list_id, &item, title);
    view! {
        <crate::ui::items::ReorderRow list=list_id key=item.clone()>
            <section class="item-card" id=card_id.clone() aria-labelledby=labelled>
                <div class="item-card-head">
                    <h2 id=heading_id>{title}</h2>
                    {reorder}
                    <RemoveButton id=format!("{card_id}-remove") what=title on_remove=remove />
                </div>
                {fields}
            </section>
        </crate::ui::items::ReorderRow>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::shown_decimals;

    // Guards: no pointless decimals: 1000 is "1.000", 1.4 is "1,4", 41.666… keeps two,
    // and money keeps its currency's (12.5 dollars is "12,50").
    #[test]
    fn a_number_shows_only_the_decimals_it_needs() {
        assert_eq!(shown_decimals(1000.0, 2, false), 0);
        assert_eq!(shown_decimals(1.4, 2, false), 1);
        assert_eq!(shown_decimals(100.0 / 2.4, 2, false), 2);
        assert_eq!(shown_decimals(12.5, 2, true), 2);
        assert_eq!(shown_decimals(150_000_000.0, 0, true), 0);
        // Below the field's precision it rounds to a whole 0, shown as such.
        assert_eq!(shown_decimals(0.001, 2, false), 0);
        assert_eq!(shown_decimals(2.25, 2, false), 2);
    }
}
