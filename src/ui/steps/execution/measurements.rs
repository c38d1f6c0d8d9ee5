//! Phase 2, the measurement log: KPI values by date (or over a period) with source and note, a
//! quick-entry row, a list per KPI sorted by date, editing, and deletion with a few seconds'
//! "Undo". Sorting and restoring are in [`crate::domain::execution::measurements`].

use std::time::Duration;

use crate::ui::control::{For, Show};
use leptos::prelude::*;

use crate::domain::execution::measurements::{for_kpi, remove, restore, Removed};
use crate::domain::model::plan::{Measurement, Plan};
use crate::domain::values::date::Date;
use crate::i18n::format::{format_date, number_error_message, parse_number, DateStyle};
use crate::i18n::T;
use crate::ui::form::{field_id, plan_memo, DateField, NumberField, TextField};
use crate::ui::items::{find, plan_text, read, write};
use crate::ui::steps::planning::kpis::name_of;
use crate::ui::{new_id, today, use_ctx};

/// How long "Undo" is offered after a delete.
const UNDO_FOR: Duration = Duration::from_secs(8);

/// The last deletion, numbered so an older timer does not withdraw a newer "Undo".
type UndoSlot = RwSignal<Option<(u64, Removed)>>;

/// The measurement log.
#[component]
pub fn MeasurementsStep() -> impl IntoView {
    let ctx = use_ctx();
    let kpis = plan_memo(|p| p.kpis.iter().map(|k| k.id.clone()).collect::<Vec<_>>());
    let undo: UndoSlot = RwSignal::new(None);
    let undo_now = move |_| {
        if let Some((_, removed)) = undo.get_untracked() {
            undo.set(None);
            ctx.edit(move |p| restore(p, removed));
        }
    };
    view! {
        <section class="wizard measurements">
            <Show
                when=move || !kpis.with(Vec::is_empty)
                fallback=move || view! { <p class="empty-hint">{ctx.t(T::MeasNoKpis)}</p> }
            >
                <QuickEntry />
            </Show>
            <div id="meas-undo-bar" class="undo-bar" role="status">
                {move || {
                    undo.with(Option::is_some)
                        .then(|| {
                            view! {
                                <span>{ctx.t(T::MeasRemoved)}</span>
                                " "
                                <button id="meas-undo" type="button" on:click=undo_now>
                                    {ctx.t(T::MeasUndo)}
                                </button>
                            }
                        })
                }}
            </div>
            <For each=move || kpis.get() key=|id| id.clone() let(kpi)>
                <KpiLog kpi undo />
            </For>
        </section>
    }
}

/// The quick-entry row: pick a KPI, a date (today by default) and a value, then record.
/// DOM ids: `meas-quick-kpi`, `meas-quick-date`, `meas-quick-value`, `meas-quick-add`.
#[component]
fn QuickEntry() -> impl IntoView {
    let ctx = use_ctx();
    let choices = plan_text(ctx, |p, lang| {
        p.kpis
            .iter()
            .map(|k| (k.id.clone(), name_of(&k.id)(p, lang)))
            .collect::<Vec<_>>()
    });
    let choices = Memo::new(move |_| choices());
    let kpi = RwSignal::new(None::<String>);
    let date = RwSignal::new(today().to_string());
    let value = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let options = move || {
        let chosen = kpi.get();
        choices
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, (id, name))| {
                let selected =
                    chosen.as_deref() == Some(id.as_str()) || (chosen.is_none() && i == 0);
                view! { <option value=id prop:selected=selected>{name}</option> }
            })
            .collect_view()
    };
    let record = move |_| {
        let lang = ctx.lang.get_untracked();
        let chosen = kpi
            .get_untracked()
            .or_else(|| choices.get_untracked().into_iter().next().map(|(id, _)| id));
        let Some(kpi_id) = chosen else {
            return;
        };
        let Ok(day) = Date::parse_iso(&date.get_untracked()) else {
            error.set(Some(T::MeasDate.get(lang).to_string()));
            return;
        };
        let text = value.get_untracked();
        if text.trim().is_empty() {
            error.set(Some(T::MeasNeedValue.get(lang).to_string()));
            return;
        }
        match parse_number(text.trim(), lang) {
            Ok(v) => {
                error.set(None);
                value.set(String::new());
                ctx.edit(move |p| {
                    p.measurements.push(Measurement {
                        id: new_id(),
                        kpi: kpi_id,
                        date: day,
                        end: None,
                        value: v,
                        source: String::new(),
                        note: String::new(),
                    })
                });
                ctx.tell(T::MeasRecorded, &[]);
            }
            Err(err) => error.set(Some(number_error_message(&err, lang))),
        }
    };
    view! {
        <fieldset class="quick-entry">
            <legend>{ctx.t(T::MeasQuick)}</legend>
            <div class="add-row">
                <div class="field">
                    <label for="meas-quick-kpi">{ctx.t(T::MeasKpi)}</label>
                    <select id="meas-quick-kpi" on:change=move |ev| kpi.set(Some(event_target_value(&ev)))>
                        {options}
                    </select>
                </div>
                <div class="field">
                    <label for="meas-quick-date">{ctx.t(T::MeasDate)}</label>
                    <input
                        id="meas-quick-date"
                        type="date"
                        prop:value=move || date.get()
                        on:input=move |ev| date.set(event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <label for="meas-quick-value">{ctx.t(T::MeasValue)}</label>
                    <input
                        id="meas-quick-value"
                        type="text"
                        inputmode="decimal"
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby="meas-quick-error"
                        prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))
                    />
                </div>
                <button id="meas-quick-add" type="button" class="primary" on:click=record>
                    {ctx.t(T::MeasAdd)}
                </button>
            </div>
            <small id="meas-quick-error" class="field-error" role="alert">{move || error.get()}</small>
        </fieldset>
    }
}

/// One KPI's values, oldest first. The section's DOM id is `meas-kpi-{kpi}`.
#[component]
fn KpiLog(kpi: String, undo: UndoSlot) -> impl IntoView {
    let ctx = use_ctx();
    let name = {
        let read_name = name_of(&kpi);
        plan_text(ctx, move |p, lang| read_name(p, lang))
    };
    let rows = {
        let kpi = kpi.clone();
        plan_memo(move |p| {
            for_kpi(p, &kpi)
                .into_iter()
                .map(|m| m.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let section = format!("meas-kpi-{kpi}");
    let heading = format!("{section}-title");
    view! {
        <section class="kpi-log" id=section aria-labelledby=heading.clone()>
            <h2 id=heading.clone()>{name}</h2>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="empty-hint">{ctx.t(T::MeasNoValues)}</p>
            </Show>
            <ol class="meas-rows">
                <For each=move || rows.get() key=|id| id.clone() let(id)>
                    <MeasRow id undo />
                </For>
            </ol>
        </section>
    }
}

/// One measurement's fields; DOM ids are `meas-{id}-date`, `-end`, `-value`, `-source`,
/// `-note`, `-delete`.
#[component]
fn MeasRow(id: String, undo: UndoSlot) -> impl IntoView {
    let ctx = use_ctx();
    let prefix = format!("meas-{id}");
    let f = |key: &str| field_id(&prefix, key);
    let what = {
        let id = id.clone();
        plan_text(ctx, move |p: &Plan, lang| {
            find::<Measurement>(p, &id)
                .map(|m| format_date(m.date, lang, DateStyle::Short))
                .unwrap_or_default()
        })
    };
    let delete = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            let mut removed = None;
            ctx.edit(|p| removed = remove(p, &id));
            let Some(removed) = removed else {
                return;
            };
            let generation = undo
                .with_untracked(|u| u.as_ref().map_or(0, |(g, _)| *g))
                .wrapping_add(1);
            undo.set(Some((generation, removed)));
            crate::ui::form::focus_later("meas-undo".to_string());
            // `try_`: the page may have been left before the timer fires.
            set_timeout(
                move || {
                    let current = undo.try_with_untracked(|u| u.as_ref().map(|(g, _)| *g));
                    if current == Some(Some(generation)) {
                        undo.try_set(None);
                    }
                },
                UNDO_FOR,
            );
        }
    };
    let label = move || T::MeasRemove.fill(ctx.lang.get(), &[("name", &what())]);
    view! {
        <li class="meas-row grid-3" id=f("row")>
            <DateField
                id=f("date")
                label=T::MeasDate
                get=read(&id, |m: &Measurement| Some(m.date))
                set=write(&id, |m: &mut Measurement, v: Option<Date>| {
                    if let Some(date) = v {
                        m.date = date;
                    }
                })
            />
            <DateField
                id=f("end")
                label=T::MeasEnd
                get=read(&id, |m: &Measurement| m.end)
                set=write(&id, |m: &mut Measurement, v| m.end = v)
            />
            <NumberField
                id=f("value")
                label=T::MeasValue
                decimals=2
                get=read(&id, |m: &Measurement| Some(m.value))
                set=write(&id, |m: &mut Measurement, v: Option<f64>| {
                    if let Some(v) = v {
                        m.value = v;
                    }
                })
            />
            <TextField
                id=f("source")
                label=T::MeasSource
                get=read(&id, |m: &Measurement| m.source.clone())
                set=write(&id, |m: &mut Measurement, v| m.source = v)
            />
            <TextField
                id=f("note")
                label=T::MeasNote
                get=read(&id, |m: &Measurement| m.note.clone())
                set=write(&id, |m: &mut Measurement, v| m.note = v)
            />
            <div class="field">
                <button id=f("delete") type="button" class="danger remove" on:click=delete>
                    {label}
                </button>
            </div>
        </li>
    }
}
