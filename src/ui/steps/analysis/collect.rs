//! Phase 3, collecting data: pick a platform export (GA4, Google Ads, Meta Ads, Mailchimp,
//! Klaviyo) or any CSV with its columns chosen by hand, check the preview (values, rows left
//! out, totals skipped), choose which KPI each metric feeds and what to do with values already
//! stored, then confirm. Nothing is stored before "Add the values". Parsing is in
//! [`crate::domain::analysis::importers`], applying in [`crate::domain::analysis::collect`].

use crate::ui::control::Show;
use leptos::prelude::*;
use std::sync::Arc;

use crate::domain::analysis::collect::{
    apply, default_mapping, fact_overlaps, source_clashes, with_remembered, Mapping, OnOverlap,
};
use crate::domain::analysis::importers::{
    decode, generic::headers, import, import_for_period, import_generic, total_checks,
    ColumnMapping, CsvImportError, DateFormat, ImportPreview, Note, MAX_CSV_BYTES,
};
use crate::domain::values::date::Date;
use crate::domain::values::decimal::DecimalStyle;
use crate::i18n::analysis::metric_name;
use crate::i18n::format::{format_date, format_number, DateStyle};
use crate::i18n::import_csv::{bad_row, csv_import_error};
use crate::i18n::T;
use crate::ui::form::plan_memo;
use crate::ui::{new_id, use_ctx, Ctx};

/// How many preview rows the table shows; the rest are counted.
const SHOWN_ROWS: usize = 200;

/// A file of unknown layout, waiting for its columns to be chosen.
#[derive(Clone, Debug, Default, PartialEq)]
struct Unmapped {
    text: String,
    headers: Vec<String>,
}

/// The page's state between picking a file and confirming.
#[derive(Clone, Copy)]
struct State {
    file: RwSignal<String>,
    /// Shared, not cloned: a year of daily rows is hundreds of thousands of values.
    preview: RwSignal<Option<Arc<ImportPreview>>>,
    mapping: RwSignal<Mapping>,
    on_overlap: RwSignal<OnOverlap>,
    error: RwSignal<Option<CsvImportError>>,
    unmapped: RwSignal<Option<Unmapped>>,
    /// A report whose days the file does not state, waiting for the user to give them.
    undated: RwSignal<Option<String>>,
}

impl State {
    /// Back to "pick a file". `try_`: also called after an async read, maybe once the page
    /// is gone.
    fn clear(self) {
        self.preview.try_set(None);
        self.mapping.try_set(Vec::new());
        self.error.try_set(None);
        self.unmapped.try_set(None);
        self.undated.try_set(None);
        self.on_overlap.try_set(OnOverlap::Replace);
    }

    /// Shows a preview, with each metric mapped to its default KPI (or `mapping`).
    fn show(self, ctx: Ctx, preview: ImportPreview, mapping: Option<Mapping>) {
        let mapping = mapping.unwrap_or_else(|| {
            ctx.plan
                .try_with_untracked(|p| {
                    p.as_ref()
                        .map(|p| {
                            let defaults = default_mapping(&p.kpis, &preview);
                            // The choice made for this source last time, if any.
                            match crate::storage::remembered_mapping(&p.id, preview.source.label())
                            {
                                Some(remembered) => with_remembered(defaults, &remembered, &p.kpis),
                                None => defaults,
                            }
                        })
                        .unwrap_or_default()
                })
                .unwrap_or_default()
        });
        self.clear();
        self.mapping.try_set(mapping);
        self.preview.try_set(Some(Arc::new(preview)));
    }
}

/// Reads a picked file and previews it.
fn read_file(ctx: Ctx, state: State, file: web_sys::File) {
    let name = file.name();
    state.clear();
    state.file.set(name.clone());
    // Refuse an oversized file before reading it into memory.
    if file.size() > MAX_CSV_BYTES as f64 {
        state.error.set(Some(CsvImportError::TooLarge {
            size: file.size() as usize,
            limit: MAX_CSV_BYTES,
        }));
        return;
    }
    leptos::task::spawn_local(async move {
        let Ok(bytes) = crate::files::read_bytes(&file).await else {
            ctx.warn(T::ImportReadFailed, &[("file", &name)]);
            return;
        };
        // An .xlsx workbook (a zip archive) is read as the CSV text of its report, by a
        // reader that loads only now.
        let text = if bytes.starts_with(b"PK\x03\x04") {
            match crate::ui::chunks::workbook_text(bytes).await {
                Ok(Ok(text)) => text,
                Ok(Err(err)) => {
                    state.error.try_set(Some(CsvImportError::Xlsx(err)));
                    return;
                }
                Err(_) => {
                    state.error.try_set(Some(CsvImportError::ReaderUnavailable));
                    return;
                }
            }
        } else {
            match decode(&bytes) {
                Ok(text) => text,
                Err(err) => {
                    state.error.try_set(Some(err));
                    return;
                }
            }
        };
        match import(&text) {
            Ok(preview) => state.show(ctx, preview, None),
            Err(CsvImportError::UnknownLayout) => {
                let headers = headers(&text);
                state.error.try_set(Some(CsvImportError::UnknownLayout));
                state.unmapped.try_set(Some(Unmapped { text, headers }));
            }
            Err(err @ CsvImportError::NoPeriod { .. }) => {
                state.error.try_set(Some(err));
                state.undated.try_set(Some(text));
            }
            Err(err) => {
                state.error.try_set(Some(err));
            }
        }
    });
}

/// The days of a report that states none ("All time"): DOM ids `collect-days-from`,
/// `collect-days-to`, `collect-days-read`, the message `collect-days-error`.
fn period_form(ctx: Ctx, state: State, text: String) -> AnyView {
    let from = RwSignal::new(None::<Date>);
    let to = RwSignal::new(None::<Date>);
    let problem = RwSignal::new(None::<T>);
    let read = move |_| {
        let (Some(a), Some(b)) = (from.get_untracked(), to.get_untracked()) else {
            problem.set(Some(T::AnPeriodMissingDate));
            return;
        };
        if b < a {
            problem.set(Some(T::AnPeriodEndsBefore));
            return;
        }
        match import_for_period(&text, (a, b)) {
            Ok(preview) => {
                state.error.set(None);
                state.undated.set(None);
                state.show(ctx, preview, None);
            }
            Err(err) => state.error.set(Some(err)),
        }
    };
    let date = move |id, label, signal| crate::ui::form::page_date_input(ctx, id, label, signal);
    view! {
        <fieldset id="collect-days" class="collect-days">
            <legend>{ctx.t(T::CollectPeriodTitle)}</legend>
            <div class="period-picker">
                {date("collect-days-from", T::CollectPeriodFrom, from)}
                {date("collect-days-to", T::CollectPeriodTo, to)}
            </div>
            {move || problem.get().map(|t| view! {
                <p id="collect-days-error" class="field-error" role="alert">{ctx.t(t)}</p>
            })}
            <button id="collect-days-read" type="button" on:click=read>
                {ctx.t(T::CollectPeriodRead)}
            </button>
        </fieldset>
    }
    .into_any()
}

/// Adds the previewed values to the plan and says how many.
fn confirm(ctx: Ctx, state: State) {
    let Some(preview) = state.preview.get_untracked() else {
        return;
    };
    let mapping = state.mapping.get_untracked();
    let on_overlap = state.on_overlap.get_untracked();
    let mut done = None;
    ctx.edit(|p| {
        done = Some(apply(
            p,
            &preview,
            &mapping,
            on_overlap,
            preview.source.label(),
            &mut new_id,
        ))
    });
    if let Some(done) = done {
        if let Some(plan) = ctx
            .plan
            .with_untracked(|p| p.as_ref().map(|p| p.id.clone()))
        {
            // Losing this memory only costs the user a few clicks next time.
            let _ = crate::storage::remember_mapping(&plan, preview.source.label(), mapping);
        }
        let file = state.file.get_untracked();
        ctx.tell(
            T::CollectAdded,
            &[
                ("added", &done.added.to_string()),
                ("file", &file),
                ("replaced", &done.replaced.to_string()),
                ("skipped", &done.skipped.to_string()),
            ],
        );
    }
    state.clear();
}

/// The collect-data step.
#[component]
pub fn CollectStep() -> impl IntoView {
    let ctx = use_ctx();
    let state = State {
        file: RwSignal::new(String::new()),
        preview: RwSignal::new(None),
        mapping: RwSignal::new(Vec::new()),
        on_overlap: RwSignal::new(OnOverlap::Replace),
        error: RwSignal::new(None),
        unmapped: RwSignal::new(None),
        undated: RwSignal::new(None),
    };
    let has_kpis = plan_memo(|p| !p.kpis.is_empty());
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            read_file(ctx, state, file);
        }
        // Clear, so picking the same file again still fires `change`.
        input.set_value("");
    };
    let error = move || {
        let lang = ctx.lang.get();
        let file = state.file.get();
        state
            .error
            .get()
            .map(|err| csv_import_error(&err, lang, &file))
    };
    view! {
        <section class="wizard collect">
            <Show when=move || !has_kpis.get()>
                <p class="empty-hint">{ctx.t(T::CollectNoKpis)}</p>
            </Show>
            <div class="field">
                <label for="collect-file">{ctx.t(T::CollectFile)}</label>
                <input
                    id="collect-file"
                    type="file"
                    accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    aria-describedby="collect-file-hint"
                    on:change=on_pick
                />
                <small id="collect-file-hint" class="hint">{ctx.t(T::CollectFileHint)}</small>
            </div>
            <p id="collect-error" class="field-error" role="alert">{error}</p>
            {move || state.unmapped.get().map(|u| generic_form(ctx, state, u))}
            {move || state.undated.get().map(|t| period_form(ctx, state, t))}
            {move || state.preview.get().map(|p| preview_view(ctx, state, p))}
        </section>
    }
}

/// How the dates of a generic file may be written: the format, its value in the form and in
/// the remembered choice, and its label.
const DATE_FORMATS: [(DateFormat, &str, T); 3] = [
    (DateFormat::Auto, "auto", T::CollectDatesAuto),
    (DateFormat::DayMonthYear, "dmy", T::CollectDatesDmy),
    (DateFormat::MonthDayYear, "mdy", T::CollectDatesMdy),
];

/// The key a generic file's column choice is remembered under: its header, so the next export
/// of the same tool (same columns) gets the same choice.
fn generic_key(headers: &[String]) -> String {
    format!("generic:{}", headers.join("\u{1f}"))
}

/// The column choice for a file of unknown layout; DOM ids `collect-generic-date`,
/// `-value`, `-kpi`, `-decimal`, `-dates`, `-read`.
fn generic_form(ctx: Ctx, state: State, unmapped: Unmapped) -> AnyView {
    let kpis = plan_memo(|p| {
        p.kpis
            .iter()
            .map(|k| {
                let metric = k.metric.clone().unwrap_or_else(|| k.id.clone());
                (k.id.clone(), metric)
            })
            .collect::<Vec<_>>()
    });
    let names = crate::ui::items::plan_text(ctx, |p, lang| {
        p.kpis
            .iter()
            .map(|k| crate::ui::steps::planning::kpis::name_of(&k.id)(p, lang))
            .collect::<Vec<_>>()
    });
    // The last choice for a file with these same columns (the same export of the same tool),
    // or the first column as the date and the last as the value.
    let key = generic_key(&unmapped.headers);
    let plan_id = ctx
        .plan
        .with_untracked(|p| p.as_ref().map(|p| p.id.clone()))
        .unwrap_or_default();
    let last = crate::storage::remembered_mapping(&plan_id, &key).unwrap_or_default();
    let last = |what: &str| {
        last.iter()
            .find(|(k, _)| k == what)
            .and_then(|(_, v)| v.clone())
    };
    let column = |what: &str, fallback: usize| {
        last(what)
            .and_then(|name| unmapped.headers.iter().position(|h| *h == name))
            .unwrap_or(fallback)
    };
    let date_col = RwSignal::new(column("date", 0));
    let value_col = RwSignal::new(column("value", unmapped.headers.len().saturating_sub(1)));
    let kpi = RwSignal::new(
        last("kpi")
            .and_then(|id| kpis.with_untracked(|k| k.iter().position(|(kid, _)| *kid == id)))
            .unwrap_or(0),
    );
    let decimal = RwSignal::new(
        last("decimal")
            .as_deref()
            .and_then(DecimalStyle::from_tag)
            .unwrap_or_else(|| crate::i18n::format::decimal_style(ctx.lang.get_untracked())),
    );
    let dates = RwSignal::new(
        DATE_FORMATS
            .iter()
            .find(|(_, slug, _)| last("dates").as_deref() == Some(*slug))
            .map_or(DateFormat::Auto, |(f, _, _)| *f),
    );
    let header_options = move |chosen: RwSignal<usize>, headers: Vec<String>| {
        headers
            .into_iter()
            .enumerate()
            .map(|(i, h)| {
                view! { <option value=i.to_string() prop:selected=move || chosen.get() == i>{h}</option> }
            })
            .collect_view()
    };
    let pick = |signal: RwSignal<usize>| {
        move |ev: leptos::ev::Event| {
            if let Ok(i) = event_target_value(&ev).parse() {
                signal.set(i);
            }
        }
    };
    let headers = unmapped.headers.clone();
    let read = move |_| {
        let (Some(date_column), Some(value_column)) = (
            headers.get(date_col.get_untracked()).cloned(),
            headers.get(value_col.get_untracked()).cloned(),
        ) else {
            return;
        };
        let Some((kpi_id, metric_id)) =
            kpis.with_untracked(|k| k.get(kpi.get_untracked()).cloned())
        else {
            return;
        };
        let mapping = ColumnMapping {
            date_column,
            value_column,
            metric_id: metric_id.clone(),
            date_format: dates.get_untracked(),
            decimal: decimal.get_untracked(),
        };
        match import_generic(&unmapped.text, &mapping) {
            Ok(preview) => {
                let slug = DATE_FORMATS
                    .iter()
                    .find(|(f, _, _)| *f == mapping.date_format)
                    .map_or("auto", |(_, slug, _)| *slug);
                let choice = [
                    ("date", mapping.date_column.clone()),
                    ("value", mapping.value_column.clone()),
                    ("kpi", kpi_id.clone()),
                    ("decimal", mapping.decimal.tag().to_string()),
                    ("dates", slug.to_string()),
                ]
                .map(|(k, v)| (k.to_string(), Some(v)))
                .to_vec();
                // Remembering is a convenience: a full storage must not stop the import.
                let _ = crate::storage::remember_mapping(&plan_id, &key, choice);
                state.show(ctx, preview, Some(vec![(metric_id, Some(kpi_id))]))
            }
            Err(err) => {
                state.error.set(Some(err));
            }
        }
    };
    let headers = unmapped.headers;
    let headers2 = headers.clone();
    view! {
        <fieldset id="collect-generic" class="collect-generic">
            <legend>{ctx.t(T::CollectGeneric)}</legend>
            <div class="grid-3">
                <div class="field">
                    <label for="collect-generic-date">{ctx.t(T::CollectDateColumn)}</label>
                    <select id="collect-generic-date" on:change=pick(date_col)>
                        {header_options(date_col, headers)}
                    </select>
                </div>
                <div class="field">
                    <label for="collect-generic-value">{ctx.t(T::CollectValueColumn)}</label>
                    <select id="collect-generic-value" on:change=pick(value_col)>
                        {header_options(value_col, headers2)}
                    </select>
                </div>
                <div class="field">
                    <label for="collect-generic-kpi">{ctx.t(T::CollectGenericKpi)}</label>
                    <select id="collect-generic-kpi" on:change=pick(kpi)>
                        {move || {
                            names()
                                .into_iter()
                                .enumerate()
                                .map(|(i, n)| {
                                    view! { <option value=i.to_string() prop:selected=move || kpi.get() == i>{n}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <div class="field">
                    <label for="collect-generic-decimal">{ctx.t(T::CollectDecimal)}</label>
                    <select
                        id="collect-generic-decimal"
                        on:change=move |ev| {
                            decimal.set(DecimalStyle::from_tag(&event_target_value(&ev)).unwrap_or_default());
                        }
                    >
                        <option value="comma" prop:selected=move || decimal.get() == DecimalStyle::Comma>
                            {ctx.t(T::CollectDecimalComma)}
                        </option>
                        <option value="point" prop:selected=move || decimal.get() == DecimalStyle::Point>
                            {ctx.t(T::CollectDecimalPoint)}
                        </option>
                    </select>
                </div>
                <div class="field">
                    <label for="collect-generic-dates">{ctx.t(T::CollectDateFormat)}</label>
                    <select
                        id="collect-generic-dates"
                        on:change=move |ev| {
                            let slug = event_target_value(&ev);
                            if let Some((f, _, _)) = DATE_FORMATS.iter().find(|(_, s, _)| *s == slug) {
                                dates.set(*f);
                            }
                        }
                    >
                        {DATE_FORMATS
                            .iter()
                            .map(|(f, slug, label)| {
                                let f = *f;
                                view! { <option value=*slug prop:selected=move || dates.get() == f>{ctx.t(*label)}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
            <button id="collect-generic-read" type="button" on:click=read>
                {ctx.t(T::CollectGenericRead)}
            </button>
        </fieldset>
    }
    .into_any()
}

/// The preview of an import; DOM ids `collect-preview`, `collect-map-{metric}`,
/// `collect-overlap`, `collect-rows`, `collect-bad-rows`, `collect-totals`,
/// `collect-confirm`, `collect-cancel`.
fn preview_view(ctx: Ctx, state: State, preview: Arc<ImportPreview>) -> AnyView {
    let metrics: Vec<(String, usize)> = preview
        .metric_counts()
        .into_iter()
        .map(|(m, count)| (m.to_string(), count))
        .collect();
    let kpi_names = crate::ui::items::plan_text(ctx, |p, lang| {
        p.kpis
            .iter()
            .map(|k| {
                (
                    k.id.clone(),
                    crate::ui::steps::planning::kpis::name_of(&k.id)(p, lang),
                )
            })
            .collect::<Vec<_>>()
    });
    let kpi_names = Memo::new(move |_| kpi_names());
    let overlap_count = {
        let preview = preview.clone();
        Memo::new(move |_| {
            ctx.plan.with(|p| {
                p.as_ref().map_or(0, |p| {
                    fact_overlaps(p, &preview, preview.source.label()).len()
                })
            })
        })
    };
    let header = {
        let preview = preview.clone();
        move || {
            let lang = ctx.lang.get();
            let period = preview
                .period
                .map(|(a, b)| {
                    format!(
                        "{} – {}",
                        format_date(a, lang, DateStyle::Short),
                        format_date(b, lang, DateStyle::Short)
                    )
                })
                .unwrap_or_else(|| "—".into());
            let plan_currency = ctx
                .plan
                .with(|p| p.as_ref().map(|p| p.currency.clone()).unwrap_or_default());
            let currency = preview
                .currency
                .clone()
                .filter(|c| !c.eq_ignore_ascii_case(&plan_currency))
                .map(|code| {
                    T::CollectCurrency.fill(lang, &[("code", &code), ("plan", &plan_currency)])
                });
            view! {
                <h2 id="collect-preview-title">
                    {T::CollectPreview.fill(lang, &[("file", &state.file.get())])}
                </h2>
                <dl class="collect-facts">
                    <dt>{T::CollectSource.get(lang)}</dt>
                    <dd id="collect-source">{preview.source.label()}</dd>
                    <dt>{T::CollectPeriod.get(lang)}</dt>
                    <dd id="collect-period">{period}</dd>
                </dl>
                {currency.map(|c| view! { <p id="collect-currency" class="warning">{c}</p> })}
            }
        }
    };
    let map_fields = metrics
        .into_iter()
        .map(|(metric, count)| {
            let select_id = format!("collect-map-{metric}");
            let label = {
                let metric = metric.clone();
                move || {
                    let lang = ctx.lang.get();
                    T::CollectMapLabel.fill(
                        lang,
                        &[
                            ("metric", &metric_name(&metric, lang)),
                            ("count", &count.to_string()),
                        ],
                    )
                }
            };
            let chosen = {
                let metric = metric.clone();
                move || {
                    state.mapping.with(|m| {
                        m.iter()
                            .find(|(x, _)| *x == metric)
                            .and_then(|(_, k)| k.clone())
                            .unwrap_or_default()
                    })
                }
            };
            let on_change = move |ev: leptos::ev::Event| {
                let value = event_target_value(&ev);
                let kpi = (!value.is_empty()).then_some(value);
                let metric = metric.clone();
                state.mapping.update(|m| {
                    match m.iter_mut().find(|(x, _)| *x == metric) {
                        Some(entry) => entry.1 = kpi,
                        None => m.push((metric, kpi)),
                    }
                });
            };
            let chosen = Memo::new(move |_| chosen());
            view! {
                <div class="field">
                    <label for=select_id.clone()>{label}</label>
                    <select id=select_id on:change=on_change>
                        <option value="" prop:selected=move || chosen.with(String::is_empty)>
                            {ctx.t(T::CollectDoNotImport)}
                        </option>
                        {move || {
                            kpi_names
                                .get()
                                .into_iter()
                                .map(|(id, name)| {
                                    let selected = chosen.with(|c| *c == id);
                                    view! { <option value=id prop:selected=selected>{name}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
            }
        })
        .collect_view();
    let rows = {
        let preview = preview.clone();
        move || {
            let lang = ctx.lang.get();
            // Every value is kept (raw inputs too, for the period figures), whichever KPI it
            // feeds, so the table lists them all.
            let mapped: Vec<_> = preview.rows.iter().collect();
            let more = mapped.len().saturating_sub(SHOWN_ROWS);
            let count = mapped.len().to_string();
            let body = mapped
                .into_iter()
                .take(SHOWN_ROWS)
                .map(|r| {
                    let date = match r.end {
                        Some(end) => format!(
                            "{} – {}",
                            format_date(r.date, lang, DateStyle::Short),
                            format_date(end, lang, DateStyle::Short)
                        ),
                        None => format_date(r.date, lang, DateStyle::Short),
                    };
                    let decimals = if r.value.fract() == 0.0 { 0 } else { 2 };
                    view! {
                        <tr>
                            <td>{date}</td>
                            <td>{metric_name(&r.metric_id, lang)}</td>
                            <td class="num">{format_number(r.value, decimals, lang)}</td>
                            <td>{r.label_text()}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <h3 id="collect-rows-title">{T::CollectRows.fill(lang, &[("count", &count)])}</h3>
                <div class="table-scroll" tabindex="0">
                    <table id="collect-rows" class="data" aria-labelledby="collect-rows-title">
                        <thead>
                            <tr>
                                <th scope="col">{T::CollectColDate.get(lang)}</th>
                                <th scope="col">{T::CollectColMetric.get(lang)}</th>
                                <th scope="col">{T::CollectColValue.get(lang)}</th>
                                <th scope="col">{T::CollectColLabel.get(lang)}</th>
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
                {(more > 0)
                    .then(|| {
                        view! { <p>{T::CollectRowsMore.fill(lang, &[("count", &more.to_string())])}</p> }
                    })}
            }
        }
    };
    let bad = {
        let preview = preview.clone();
        move || {
            let lang = ctx.lang.get();
            (!preview.bad_rows.is_empty()).then(|| {
                let count = preview.bad_rows.len().to_string();
                let items = preview
                    .bad_rows
                    .iter()
                    .map(|b| view! { <li>{bad_row(b, lang)}</li> })
                    .collect_view();
                view! {
                    <section id="collect-bad-rows" class="collect-bad" aria-labelledby="collect-bad-title">
                        <h3 id="collect-bad-title">{T::CollectBadRows.fill(lang, &[("count", &count)])}</h3>
                        <ul>{items}</ul>
                    </section>
                }
            })
        }
    };
    let preview_notes_empty = preview.notes.is_empty();
    let totals = {
        let count = preview.skipped_totals.len();
        let checks = total_checks(&preview);
        let notes = preview.notes.clone();
        move || {
            let lang = ctx.lang.get();
            let number = |v: f64| {
                let decimals = if v.fract() == 0.0 { 0 } else { 2 };
                format_number(v, decimals, lang)
            };
            let differ: Vec<String> = checks
                .iter()
                .filter(|c| c.differs())
                .map(|c| {
                    let label = if c.label.is_empty() {
                        T::CollectSummaryRow.get(lang).to_string()
                    } else {
                        c.label.clone()
                    };
                    T::CollectTotalDiffers.fill(
                        lang,
                        &[
                            ("total", &label),
                            ("metric", &metric_name(&c.metric_id, lang)),
                            ("stated", &number(c.stated)),
                            ("rows", &number(c.rows)),
                            ("difference", &number(c.stated - c.rows)),
                        ],
                    )
                })
                .collect();
            let agree = !checks.is_empty() && differ.is_empty();
            let notes = notes
                .iter()
                .map(|n| match n {
                    Note::MixedResults { kinds } => {
                        T::CollectMixedResults.fill(lang, &[("kinds", &kinds.join(", "))])
                    }
                })
                .map(|t| view! { <li>{t}</li> })
                .collect_view();
            view! {
                {(count > 0).then(|| {
                    let text = T::CollectTotals.fill(lang, &[("count", &count.to_string())]);
                    let check = if agree { format!(" {}", T::CollectTotalsAgree.get(lang)) } else { String::new() };
                    view! { <p id="collect-totals">{text}{check}</p> }
                })}
                {(!differ.is_empty()).then(|| {
                    let items = differ.into_iter().map(|t| view! { <li>{t}</li> }).collect_view();
                    view! { <ul id="collect-total-checks" class="warning" role="status">{items}</ul> }
                })}
                <ul id="collect-notes" class="warning" role="status" hidden=preview_notes_empty>{notes}</ul>
            }
        }
    };
    let clashes = {
        let preview = preview.clone();
        move || {
            let mapping = state.mapping.get();
            let lang = ctx.lang.get();
            let items = ctx.plan.with(|p| {
                let Some(p) = p.as_ref() else {
                    return Vec::new();
                };
                source_clashes(p, &preview, &mapping, preview.source.label())
                    .into_iter()
                    .map(|c| {
                        let kpi = crate::ui::steps::planning::kpis::name_of(&c.kpi_id)(p, lang);
                        let (from, to) = (
                            format_date(c.from, lang, DateStyle::Short),
                            format_date(c.to, lang, DateStyle::Short),
                        );
                        match c.other {
                            Some(source) => T::CollectClashSource.fill(
                                lang,
                                &[
                                    ("kpi", &kpi),
                                    ("source", &source),
                                    ("from", &from),
                                    ("to", &to),
                                ],
                            ),
                            None => T::CollectClashTyped
                                .fill(lang, &[("kpi", &kpi), ("from", &from), ("to", &to)]),
                        }
                    })
                    .collect::<Vec<String>>()
            });
            (!items.is_empty()).then(|| {
                let items = items
                    .into_iter()
                    .map(|t| view! { <li>{t}</li> })
                    .collect_view();
                view! { <ul id="collect-clashes" class="warning" role="status">{items}</ul> }
            })
        }
    };
    let overlap = move || {
        let count = overlap_count.get();
        (count > 0).then(|| {
            let label = T::CollectOverlap.fill(ctx.lang.get(), &[("count", &count.to_string())]);
            view! {
                <div class="field collect-overlap">
                    <label for="collect-overlap">{label}</label>
                    <select
                        id="collect-overlap"
                        on:change=move |ev| {
                            state.on_overlap.set(if event_target_value(&ev) == "skip" {
                                OnOverlap::Skip
                            } else {
                                OnOverlap::Replace
                            });
                        }
                    >
                        <option value="replace" prop:selected=move || state.on_overlap.get() == OnOverlap::Replace>
                            {ctx.t(T::CollectReplace)}
                        </option>
                        <option value="skip" prop:selected=move || state.on_overlap.get() == OnOverlap::Skip>
                            {ctx.t(T::CollectSkip)}
                        </option>
                    </select>
                </div>
            }
        })
    };
    let cancel = move |_| {
        state.clear();
        ctx.tell(T::CollectCancelled, &[]);
    };
    view! {
        <section id="collect-preview" class="collect-preview" aria-labelledby="collect-preview-title">
            {header}
            <fieldset class="collect-map">
                <legend>{ctx.t(T::CollectMapTitle)}</legend>
                {map_fields}
            </fieldset>
            {clashes}
            {overlap}
            {rows}
            {bad}
            {totals}
            <div class="toolbar">
                <button id="collect-confirm" type="button" class="primary" on:click=move |_| confirm(ctx, state)>
                    {ctx.t(T::CollectConfirm)}
                </button>
                <button id="collect-cancel" type="button" on:click=cancel>
                    {ctx.t(T::CollectCancel)}
                </button>
            </div>
        </section>
    }
    .into_any()
}
