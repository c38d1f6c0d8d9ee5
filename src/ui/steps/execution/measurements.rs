//! Phase 2, the measurement log: a quick-entry row, every value of the plan in one table
//! (typed ones edited in place, imported ones shown with their source and breakdown), filtered
//! by KPI or metric, source, breakdown and period, sorted by any column, fifty rows a page;
//! rows selected and deleted together, each import listed and removed in one step, and every
//! deletion undone with one button. The table's logic is in [`crate::domain::execution::log`].

use std::collections::BTreeSet;

use crate::ui::control::{For, Show};
use leptos::prelude::*;

use crate::domain::execution::log::{
    batches, choices, page_count, page_of, remove_import, remove_rows, rows, LogFilter, LogRow,
    SortBy, What,
};
use crate::domain::model::plan::{Measurement, Plan};
use crate::domain::values::date::Date;
use crate::i18n::analysis::{metric_name, value_text};
use crate::i18n::format::{format_date, number_error_message, parse_number, DateStyle};
use crate::i18n::{Lang, T};
use crate::ui::form::{field_id, plan_memo, DateField, NumberField, TextField};
use crate::ui::items::{find, plan_text, read, write};
use crate::ui::steps::planning::kpis::name_of;
use crate::ui::{new_id, today, use_ctx, Ctx};

/// The last deletion: the plan's revision right after it, and what the bar says. "Undo" takes
/// it back through the plan's undo history while nothing else has changed the plan since.
type UndoSlot = RwSignal<Option<(u64, String)>>;

/// Deletes through `f` as one undo step, and offers "Undo" with `message` (given the count).
fn delete_with(ctx: Ctx, undo: UndoSlot, f: impl FnOnce(&mut Plan) -> usize, message: T) {
    let mut count = 0;
    ctx.edit_step(|p| count = f(p));
    if count == 0 {
        return;
    }
    let revision = ctx
        .plan
        .with_untracked(|p| p.as_ref().map_or(0, |p| p.revision));
    let text = message.fill(ctx.lang.get_untracked(), &[("count", &count.to_string())]);
    undo.set(Some((revision, text)));
    crate::ui::form::focus_later("meas-undo".to_string());
}

/// What a row measures, named in `lang`.
fn what_name(plan: &Plan, what: &What, lang: Lang) -> String {
    match what {
        What::Kpi(id) => name_of(id)(plan, lang),
        What::Metric(metric) => metric_name(metric, lang),
    }
}

/// A row's day, or its period.
fn period_text(row: &LogRow, lang: Lang) -> String {
    let first = format_date(row.date, lang, DateStyle::Short);
    if row.end == row.date {
        first
    } else {
        format!("{first} – {}", format_date(row.end, lang, DateStyle::Short))
    }
}

/// The measurement log.
#[component]
pub fn MeasurementsStep() -> impl IntoView {
    let ctx = use_ctx();
    let has_kpis = plan_memo(|p| !p.kpis.is_empty());
    let undo: UndoSlot = RwSignal::new(None);
    let undo_now = move |_| {
        let Some((revision, _)) = undo.get_untracked() else {
            return;
        };
        undo.set(None);
        let current = ctx.plan.with_untracked(|p| p.as_ref().map(|p| p.revision));
        if current == Some(revision) {
            ctx.undo();
        }
    };
    // Any later edit makes the offer stale: "Undo" would take back that edit instead.
    Effect::new(move |_| {
        let current = ctx.plan.with(|p| p.as_ref().map(|p| p.revision));
        if undo.with_untracked(|u| u.as_ref().is_some_and(|(r, _)| Some(*r) != current)) {
            undo.set(None);
        }
    });
    view! {
        <section class="wizard measurements">
            <Show
                when=move || has_kpis.get()
                fallback=move || view! { <p class="empty-hint">{ctx.t(T::MeasNoKpis)}</p> }
            >
                <QuickEntry />
            </Show>
            <div id="meas-undo-bar" class="undo-bar" role="status">
                {move || {
                    undo.get()
                        .map(|(_, text)| {
                            view! {
                                <span>{text}</span>
                                " "
                                <button id="meas-undo" type="button" on:click=undo_now>
                                    {ctx.t(T::MeasUndo)}
                                </button>
                            }
                        })
                }}
            </div>
            <Imports undo />
            <Log undo />
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
                        import: String::new(),
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

/// Every import of the plan, each removed in one step.
#[component]
fn Imports(undo: UndoSlot) -> impl IntoView {
    let ctx = use_ctx();
    let list = plan_text(ctx, |p, lang| {
        batches(p)
            .into_iter()
            .map(|b| {
                let feeds: Vec<String> = b.what.iter().map(|w| what_name(p, w, lang)).collect();
                let period = format!(
                    "{} – {}",
                    format_date(b.first, lang, DateStyle::Short),
                    format_date(b.last, lang, DateStyle::Short)
                );
                (b.import, b.source, period, b.values, feeds.join(", "))
            })
            .collect::<Vec<_>>()
    });
    let body = move || {
        let list = list();
        if list.is_empty() {
            return view! { <p class="empty-hint">{ctx.t(T::MeasNoImports)}</p> }.into_any();
        }
        let lang = ctx.lang.get();
        let rows = list
            .into_iter()
            .map(|(import, source, period, values, feeds)| {
                let name = format!("{source}, {period}");
                let label = T::MeasImportRemove.fill(lang, &[("name", &name)]);
                let remove = move |_| {
                    let import = import.clone();
                    delete_with(ctx, undo, move |p| remove_import(p, &import), T::MeasImportRemoved);
                };
                view! {
                    <tr>
                        <td>{source}</td>
                        <td>{period}</td>
                        <td class="num">{values.to_string()}</td>
                        <td>{feeds}</td>
                        <td>
                            <button type="button" class="danger remove" aria-label=label.clone() title=label on:click=remove>
                                <span aria-hidden="true">"✕ "</span>
                                {T::RemoveItem.get(lang)}
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="meas-imports-title">
                <table class="data" id="meas-imports">
                    <thead>
                        <tr>
                            <th scope="col">{T::MeasSource.get(lang)}</th>
                            <th scope="col">{T::MeasImportPeriod.get(lang)}</th>
                            <th scope="col">{T::MeasImportValues.get(lang)}</th>
                            <th scope="col">{T::MeasImportFeeds.get(lang)}</th>
                            <th scope="col">{T::MeasColActions.get(lang)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="meas-imports">
            <h2 id="meas-imports-title">{ctx.t(T::MeasImports)}</h2>
            {body}
        </section>
    }
}

/// The log's state while the page is open: filters, sort, page and selection.
#[derive(Clone, Copy)]
struct LogState {
    filter: RwSignal<LogFilter>,
    sort: RwSignal<(SortBy, bool)>,
    page: RwSignal<usize>,
    selected: RwSignal<BTreeSet<String>>,
}

/// A filter's select: "All", then the choices (value, label).
fn filter_select(
    id: &'static str,
    label: T,
    options: impl Fn() -> Vec<(String, String)> + Send + Sync + 'static,
    current: impl Fn() -> Option<String> + Send + Sync + 'static,
    set: impl Fn(Option<String>) + Send + Sync + 'static,
) -> AnyView {
    let ctx = use_ctx();
    let current = std::sync::Arc::new(current);
    let all_selected = {
        let current = current.clone();
        move || current().is_none()
    };
    let options = move || {
        let chosen = current();
        options()
            .into_iter()
            .map(|(value, text)| {
                let selected = chosen.as_deref() == Some(value.as_str());
                view! { <option value=value selected=selected>{text}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="field">
            <label for=id>{ctx.t(label)}</label>
            <select id=id on:change=move |ev| {
                let value = event_target_value(&ev);
                // "*" is "All": "" is a real choice (typed values have no source).
                set((value != "*").then_some(value));
            }>
                <option value="*" selected=all_selected>{ctx.t(T::MeasAllChoices)}</option>
                {options}
            </select>
        </div>
    }
    .into_any()
}

/// The encoding of a [`What`] in a select's value.
fn what_value(what: &What) -> String {
    match what {
        What::Kpi(id) => format!("kpi:{id}"),
        What::Metric(m) => format!("metric:{m}"),
    }
}

fn what_of(value: &str) -> Option<What> {
    if let Some(id) = value.strip_prefix("kpi:") {
        return Some(What::Kpi(id.to_string()));
    }
    value
        .strip_prefix("metric:")
        .map(|m| What::Metric(m.to_string()))
}

/// Every value of the plan, one table.
#[component]
fn Log(undo: UndoSlot) -> impl IntoView {
    let ctx = use_ctx();
    let state = LogState {
        filter: RwSignal::new(LogFilter::default()),
        sort: RwSignal::new((SortBy::Date, true)),
        page: RwSignal::new(0),
        selected: RwSignal::new(BTreeSet::new()),
    };
    let all = Memo::new(move |_| {
        let filter = state.filter.get();
        let (by, descending) = state.sort.get();
        ctx.plan.with(|p| {
            p.as_ref()
                .map(|p| rows(p, &filter, by, descending))
                .unwrap_or_default()
        })
    });
    let pages = Memo::new(move |_| all.with(|r| page_count(r.len())));
    let shown = Memo::new(move |_| {
        let page = state.page.get();
        all.with(|r| page_of(r, page).to_vec())
    });
    let options = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    let (what, sources, breakdowns) = choices(p);
                    let what = what
                        .iter()
                        .map(|w| (what_value(w), what_name(p, w, lang)))
                        .collect();
                    let sources = sources
                        .into_iter()
                        .map(|s| {
                            let label = if s.is_empty() {
                                T::MeasTyped.get(lang).to_string()
                            } else {
                                s.clone()
                            };
                            (s, label)
                        })
                        .collect();
                    let breakdowns = breakdowns.into_iter().map(|b| (b.clone(), b)).collect();
                    (what, sources, breakdowns)
                })
                .unwrap_or_default()
        })
    });
    let set_filter = move |f: Box<dyn FnOnce(&mut LogFilter)>| {
        state.filter.update(|filter| f(filter));
        state.page.set(0);
        state.selected.update(BTreeSet::clear);
    };
    let date_filter = move |id: &'static str, label: T, upper: bool| {
        let value = move || {
            state
                .filter
                .with(|f| if upper { f.to } else { f.from })
                .map(|d| d.to_string())
                .unwrap_or_default()
        };
        view! {
            <div class="field">
                <label for=id>{ctx.t(label)}</label>
                <input id=id type="date" prop:value=value on:change=move |ev| {
                    let day = Date::parse_iso(&event_target_value(&ev)).ok();
                    set_filter(Box::new(move |f| if upper { f.to = day } else { f.from = day }));
                } />
            </div>
        }
    };
    let count = move || {
        T::MeasAll.fill(
            ctx.lang.get(),
            &[("count", &all.with(Vec::len).to_string())],
        )
    };
    let selected_count = move || state.selected.with(BTreeSet::len);
    let delete_selected = move |_| {
        let keys: Vec<String> = state.selected.get_untracked().into_iter().collect();
        state.selected.update(BTreeSet::clear);
        delete_with(
            ctx,
            undo,
            move |p| remove_rows(p, &keys),
            T::MeasRemovedMany,
        );
    };
    let page_keys =
        move || shown.with(|rows| rows.iter().map(|r| r.key.clone()).collect::<Vec<_>>());
    let page_selected = move || {
        let keys = page_keys();
        !keys.is_empty() && state.selected.with(|s| keys.iter().all(|k| s.contains(k)))
    };
    let select_page = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        let keys = page_keys();
        state.selected.update(|s| {
            for k in keys {
                if on {
                    s.insert(k);
                } else {
                    s.remove(&k);
                }
            }
        });
    };
    let header = move |by: SortBy, label: T| {
        let sort_state = move || {
            let (current, descending) = state.sort.get();
            if current != by {
                "none"
            } else if descending {
                "descending"
            } else {
                "ascending"
            }
        };
        let click = move |_| {
            state.sort.update(|(current, descending)| {
                if *current == by {
                    *descending = !*descending;
                } else {
                    *current = by;
                    *descending = false;
                }
            });
            state.page.set(0);
        };
        let mark = move || match sort_state() {
            "ascending" => "▲",
            "descending" => "▼",
            _ => "↕",
        };
        view! {
            <th scope="col" aria-sort=sort_state>
                <button type="button" class="sort" on:click=click>
                    {ctx.t(label)}
                    <span aria-hidden="true">" " {mark}</span>
                </button>
            </th>
        }
    };
    let page_text = move || {
        T::MeasPage.fill(
            ctx.lang.get(),
            &[
                (
                    "page",
                    &(state.page.get().min(pages.get() - 1) + 1).to_string(),
                ),
                ("pages", &pages.get().to_string()),
            ],
        )
    };
    view! {
        <section class="meas-log">
            <h2 id="meas-log-title">{count}</h2>
            <div class="log-filters">
                {filter_select(
                    "log-what",
                    T::MeasFilterWhat,
                    move || options.get().0,
                    move || state.filter.with(|f| f.what.as_ref().map(what_value)),
                    move |v| set_filter(Box::new(move |f| f.what = v.as_deref().and_then(what_of))),
                )}
                {filter_select(
                    "log-source",
                    T::MeasFilterSource,
                    move || options.get().1,
                    move || state.filter.with(|f| f.source.clone()),
                    move |v| set_filter(Box::new(move |f| f.source = v)),
                )}
                {filter_select(
                    "log-breakdown",
                    T::MeasFilterBreakdown,
                    move || options.get().2,
                    move || state.filter.with(|f| f.breakdown.clone()),
                    move |v| set_filter(Box::new(move |f| f.breakdown = v)),
                )}
                {date_filter("log-from", T::MeasFilterFrom, false)}
                {date_filter("log-to", T::MeasFilterTo, true)}
            </div>
            <div class="log-bulk">
                <div class="check">
                    <input id="log-select-page" type="checkbox" prop:checked=page_selected on:change=select_page />
                    <label for="log-select-page">{ctx.t(T::MeasSelectPage)}</label>
                </div>
                <button
                    id="log-delete"
                    type="button"
                    class="danger"
                    prop:disabled=move || selected_count() == 0
                    on:click=delete_selected
                >
                    {move || T::MeasDeleteSelected.fill(ctx.lang.get(), &[("count", &selected_count().to_string())])}
                </button>
            </div>
            <Show
                when=move || !shown.with(Vec::is_empty)
                fallback=move || view! { <p class="empty-hint" id="log-empty">{ctx.t(T::MeasNoMatch)}</p> }
            >
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="meas-log-title">
                    <table class="data log-table" id="log-table">
                        <thead>
                            <tr>
                                <th scope="col"><span class="visually-hidden">{ctx.t(T::MeasColSelect)}</span></th>
                                {header(SortBy::Date, T::MeasColPeriod)}
                                {header(SortBy::What, T::MeasColWhat)}
                                {header(SortBy::Value, T::MeasValue)}
                                {header(SortBy::Source, T::MeasSource)}
                                {header(SortBy::Breakdown, T::MeasColBreakdown)}
                                <th scope="col">{ctx.t(T::MeasColActions)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || shown.get()
                                key=|r| (r.key.clone(), r.value.to_bits(), r.date, r.end)
                                let(row)
                            >
                                <LogLine row state undo />
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <Show when=move || { pages.get() > 1 }>
                <nav class="pager" aria-label=page_text>
                    <button id="log-prev" type="button" prop:disabled=move || state.page.get() == 0
                        on:click=move |_| state.page.update(|p| *p = p.saturating_sub(1))>
                        <span aria-hidden="true">"← "</span>{ctx.t(T::MeasPrevPage)}
                    </button>
                    <span id="log-page">{page_text}</span>
                    <button id="log-next" type="button" prop:disabled=move || state.page.get() + 1 >= pages.get()
                        on:click=move |_| state.page.update(|p| *p = (*p + 1).min(pages.get_untracked() - 1))>
                        {ctx.t(T::MeasNextPage)}<span aria-hidden="true">" →"</span>
                    </button>
                </nav>
            </Show>
        </section>
    }
}

/// One row of the log: a typed value's fields edited in place, an imported one as text.
/// A typed row's DOM ids are `meas-{id}-date`, `-end`, `-value`, `-source`, `-note`,
/// `-delete`, `-select`.
#[component]
fn LogLine(row: LogRow, state: LogState, undo: UndoSlot) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang.get_untracked();
    let what = ctx.plan.with_untracked(|p| {
        p.as_ref()
            .map(|p| what_name(p, &row.what, lang))
            .unwrap_or_default()
    });
    let key = row.key.clone();
    let select_id = match &row.measurement {
        Some(id) => format!("meas-{id}-select"),
        None => format!("log-{}-select", row.key.replace(':', "-")),
    };
    let select_label = T::MeasSelectRow.fill(
        lang,
        &[("name", &format!("{what}, {}", period_text(&row, lang)))],
    );
    let checked = {
        let key = key.clone();
        move || state.selected.with(|s| s.contains(&key))
    };
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        let key = key.clone();
        state.selected.update(|s| {
            if on {
                s.insert(key);
            } else {
                s.remove(&key);
            }
        });
    };
    let select = view! {
        <td>
            <input id=select_id type="checkbox" aria-label=select_label prop:checked=checked on:change=toggle />
        </td>
    };
    let Some(id) = row.measurement.clone() else {
        return view! {
            <tr class="imported">
                {select}
                <td>{period_text(&row, lang)}</td>
                <td>{what}</td>
                <td class="num">{value_text(row.value, "", lang)}</td>
                <td>{row.source.clone()}</td>
                <td>{row.breakdown.clone()}</td>
                <td></td>
            </tr>
        }
        .into_any();
    };
    let prefix = format!("meas-{id}");
    let f = move |key: &str| field_id(&prefix, key);
    let day = {
        let id = id.clone();
        plan_text(ctx, move |p: &Plan, lang| {
            find::<Measurement>(p, &id)
                .map(|m| format_date(m.date, lang, DateStyle::Short))
                .unwrap_or_default()
        })
    };
    let label = Signal::derive(move || T::MeasRemove.fill(ctx.lang.get(), &[("name", &day())]));
    let delete = {
        let key = row.key.clone();
        move |_| {
            let keys = vec![key.clone()];
            delete_with(
                ctx,
                undo,
                move |p| remove_rows(p, &keys),
                T::MeasRemovedMany,
            );
        }
    };
    view! {
        <tr class="typed">
            {select}
            <td class="log-dates">
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
            </td>
            <td>{what}</td>
            <td>
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
            </td>
            <td>
                <TextField
                    id=f("source")
                    label=T::MeasSource
                    get=read(&id, |m: &Measurement| m.source.clone())
                    set=write(&id, |m: &mut Measurement, v| m.source = v)
                />
            </td>
            <td>
                <TextField
                    id=f("note")
                    label=T::MeasNote
                    get=read(&id, |m: &Measurement| m.note.clone())
                    set=write(&id, |m: &mut Measurement, v| m.note = v)
                />
            </td>
            <td>
                <button id=f("delete") type="button" class="danger remove" aria-label=label title=label on:click=delete>
                    <span aria-hidden="true">"✕ "</span>
                    {ctx.t(T::RemoveItem)}
                </button>
            </td>
        </tr>
    }
    .into_any()
}
