//! Phase 3, the report: a management-ready account of the plan and its results, in the UI
//! language — summary, goal and strategy, KPI results with status, the charts, budget against
//! spend, problems and optimisations, lessons and next steps. The user writes the summary,
//! lessons and next steps; everything else comes from the plan. The browser's Print / Save as
//! PDF gives A4 pages through the print stylesheet; the measurement and spend logs download as
//! CSV in the user's spreadsheet conventions ([`crate::domain::execution::export_csv`]).

use std::sync::Arc;

use crate::ui::control::Show;
use leptos::prelude::*;

use crate::domain::planning::budget::share_percent;

use crate::domain::execution::export_csv::{
    csv_file_name, measurement_rows, spend_rows, write_csv, Cell, CsvStyle,
};
use crate::domain::model::plan::Plan;
use crate::i18n::format::{format_date, format_money, format_percent, DateStyle};
use crate::i18n::sentences::channel_name;
use crate::i18n::{Lang, T};
use crate::ui::charts::chart_figure;
use crate::ui::form::{NoteList, TextField};
use crate::ui::items::plan_text;
use crate::ui::steps::analysis::analyse::{budget_table, kpi_rows, kpi_table, result_charts};
use crate::ui::steps::analysis::optimise::{history_group, history_groups};
use crate::ui::steps::planning::kpis::name_of;
use crate::ui::{today, use_ctx, Ctx};

/// The CSV conventions of the UI language's spreadsheets.
fn csv_style(lang: Lang) -> CsvStyle {
    match lang {
        Lang::Id => CsvStyle::SEMICOLON,
        Lang::En => CsvStyle::COMMA,
    }
}

/// Which log to download.
#[derive(Clone, Copy)]
enum Log {
    Measurements,
    Spend,
}

fn download_csv(ctx: Ctx, log: Log) {
    let lang = ctx.lang.get_untracked();
    let Some(plan) = ctx.plan.get_untracked() else {
        return;
    };
    let t = |k: T| k.get(lang);
    let (what, header, rows, empty): (&str, Vec<&str>, Vec<Vec<Cell>>, T) = match log {
        Log::Measurements => (
            "measurements",
            [
                T::CsvDate,
                T::CsvEnd,
                T::CsvKpiId,
                T::CsvKpi,
                T::CsvUnit,
                T::CsvValue,
                T::CsvSource,
                T::CsvNote,
            ]
            .map(t)
            .to_vec(),
            measurement_rows(&plan, |id| name_of(id)(&plan, lang)),
            T::ReportNoMeasurements,
        ),
        Log::Spend => (
            "spend",
            [
                T::CsvDate,
                T::CsvChannel,
                T::CsvAmount,
                T::CsvCurrency,
                T::CsvNote,
            ]
            .map(t)
            .to_vec(),
            spend_rows(&plan, |c| channel_name(c, lang)),
            T::ReportNoSpend,
        ),
    };
    if rows.is_empty() {
        ctx.warn(empty, &[]);
        return;
    }
    let file = csv_file_name(&plan.name, what, today());
    let text = write_csv(&header, &rows, csv_style(lang));
    match crate::files::download(&file, &text, "text/csv;charset=utf-8") {
        Ok(()) => ctx.tell(T::Exported, &[("file", &file)]),
        Err(_) => ctx.warn(T::ExportFailed, &[]),
    }
}

fn print() {
    let _ = window().print();
}

/// The report's heading line: period and the date it was prepared.
fn meta_text(plan: &Plan, lang: Lang) -> String {
    let date = |d: Option<crate::domain::values::date::Date>| {
        d.map_or_else(
            || "—".to_string(),
            |d| format_date(d, lang, DateStyle::Long),
        )
    };
    T::ReportMeta.fill(
        lang,
        &[
            (
                "period",
                &format!("{} – {}", date(plan.goal.start), date(plan.goal.end)),
            ),
            ("date", &format_date(today(), lang, DateStyle::Long)),
        ],
    )
}

/// Channel, why, planned budget and its share.
fn strategy_rows(plan: &Plan, lang: Lang) -> Vec<(String, String, String, String)> {
    plan.channels
        .iter()
        .map(|c| {
            let (planned, share) = crate::domain::planning::budget::channel_planned(
                &plan.budget,
                &c.channel,
                &plan.currency,
            );
            let share = share.map_or_else(|| "—".to_string(), |s| format_percent(s, 1, lang));
            (
                channel_name(&c.channel, lang),
                c.rationale.trim().to_string(),
                format_money(planned, &plan.currency, lang),
                share,
            )
        })
        .chain(
            // What is not allocated yet, so the shares add up to 100 %.
            crate::domain::planning::budget::unallocated(&plan.budget, &plan.currency).map(
                |left| {
                    (
                        T::BudgetUnallocated.get(lang).to_string(),
                        String::new(),
                        format_money(left, &plan.currency, lang),
                        share_percent(left, plan.budget.total)
                            .map_or_else(|| "—".to_string(), |s| format_percent(s, 1, lang)),
                    )
                },
            ),
        )
        .collect()
}

/// A paragraph of the user's text, or "not written yet".
fn written(ctx: Ctx, read: fn(&Plan) -> String) -> impl IntoView {
    let text = plan_text(ctx, move |p, _| read(p));
    move || {
        let text = text();
        if text.trim().is_empty() {
            view! { <p class="empty-hint">{ctx.t(T::ReportNotWritten)}</p> }.into_any()
        } else {
            view! { <p class="report-text">{text}</p> }.into_any()
        }
    }
}

/// The report step: the writing form and tools (not printed), then the report itself.
#[component]
pub fn ReportStep() -> impl IntoView {
    let ctx = use_ctx();
    let title = plan_text(ctx, |p, lang| {
        T::ReportTitle.fill(lang, &[("name", p.name.trim())])
    });
    let meta = plan_text(ctx, meta_text);
    let goal = plan_text(ctx, |p, lang| {
        crate::i18n::sentences::goal_summary(&p.goal, lang, T::ReportNotWritten)
    });
    let strategy = plan_text(ctx, strategy_rows);
    let strategy = Memo::new(move |_| strategy());
    let rows = plan_text(ctx, kpi_rows);
    let rows = Memo::new(move |_| rows());
    let history = plan_text(ctx, history_groups);
    let history = Memo::new(move |_| history());
    let learnings = plan_text(ctx, |p, _| {
        p.report
            .learnings
            .iter()
            .filter(|n| !n.text.trim().is_empty())
            .map(|n| (n.id.clone(), n.text.trim().to_string()))
            .collect::<Vec<_>>()
    });

    let strategy_table = move || {
        strategy
            .get()
            .into_iter()
            .map(|(name, why, planned, share)| {
                view! {
                    <tr>
                        <th scope="row">{name}</th>
                        <td>{why}</td>
                        <td class="num">{planned}</td>
                        <td class="num">{share}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let iterations = move || {
        history
            .get()
            .into_iter()
            .filter(|(_, _, events)| !events.is_empty())
            .map(|group| history_group(group, "report-history"))
            .collect_view()
    };

    view! {
        <section class="wizard report-step">
            <div class="toolbar no-print" role="group" aria-label=ctx.t(T::ReportToolbar)>
                <button id="report-print" class="primary" type="button" on:click=move |_| print()>
                    {ctx.t(T::ReportPrint)}
                </button>
                <button id="report-csv-measurements" type="button" on:click=move |_| download_csv(ctx, Log::Measurements)>
                    {ctx.t(T::ReportCsvMeasurements)}
                </button>
                <button id="report-csv-spend" type="button" on:click=move |_| download_csv(ctx, Log::Spend)>
                    {ctx.t(T::ReportCsvSpend)}
                </button>
            </div>
            <details class="report-editor no-print" open=true>
                // A heading in the summary keeps the outline in order (h1, h2, then the lists' h3).
                <summary><h2 class="summary-heading">{ctx.t(T::ReportWrite)}</h2></summary>
                <p class="hint">{ctx.t(T::ReportWriteHint)}</p>
                <TextField
                    id="report-summary-input".into()
                    label=T::ReportSummaryLabel
                    hint=T::ReportSummaryHint
                    multiline=true
                    get=|p| p.report.summary.clone()
                    set=|p, v| p.report.summary = v
                />
                <NoteList
                    id="report-learning".into()
                    heading=T::ReportLearningsEdit
                    item_label=T::ReportLearning
                    add_label=T::ReportAddLearning
                    empty=T::ReportNoLearnings
                    read=|p| &p.report.learnings
                    write=|p| &mut p.report.learnings
                />
                <TextField
                    id="report-next-input".into()
                    label=T::ReportNextSteps
                    multiline=true
                    get=|p| p.report.next_steps.clone()
                    set=|p, v| p.report.next_steps = v
                />
            </details>

            <article id="report" class="report" aria-labelledby="report-title">
                <header class="report-head">
                    <h2 id="report-title">{title}</h2>
                    <p class="muted">{meta}</p>
                </header>

                <section id="report-summary" class="report-section" aria-labelledby="report-summary-title">
                    <h3 id="report-summary-title">{ctx.t(T::ReportSecSummary)}</h3>
                    {written(ctx, |p| p.report.summary.clone())}
                </section>

                <section id="report-goal" class="report-section" aria-labelledby="report-goal-title">
                    <h3 id="report-goal-title">{ctx.t(T::ReportSecGoal)}</h3>
                    <p>{goal}</p>
                    <Show when=move || !strategy.with(Vec::is_empty)>
                        <div class="table-scroll" tabindex="0">
                            <table class="data">
                                <thead>
                                    <tr>
                                        <th scope="col">{ctx.t(T::AnColChannel)}</th>
                                        <th scope="col">{ctx.t(T::ReportColWhy)}</th>
                                        <th scope="col">{ctx.t(T::SpendPlanned)}</th>
                                        <th scope="col">{ctx.t(T::ReportColShare)}</th>
                                    </tr>
                                </thead>
                                <tbody>{strategy_table}</tbody>
                            </table>
                        </div>
                    </Show>
                </section>

                <section id="report-kpis" class="report-section" aria-labelledby="report-kpis-title">
                    <h3 id="report-kpis-title">{ctx.t(T::ReportSecKpis)}</h3>
                    <Show
                        when=move || !rows.with(Vec::is_empty)
                        fallback=move || view! { <p class="empty-hint">{ctx.t(T::AnNoKpis)}</p> }
                    >
                        {kpi_table(ctx, rows, "report", false)}
                    </Show>
                </section>

                <section id="report-charts" class="report-section" aria-labelledby="report-charts-title">
                    <h3 id="report-charts-title">{ctx.t(T::ReportSecCharts)}</h3>
                    {result_charts("report-")}
                    {chart_figure(
                        "report-chart-allocation".into(),
                        Arc::new(|p: &Plan, lang| crate::charts::budget_allocation(p, lang)),
                    )}
                    {chart_figure(
                        "report-chart-timeline".into(),
                        Arc::new(|p: &Plan, lang| crate::charts::timeline(p, today(), lang)),
                    )}
                </section>

                <section id="report-budget" class="report-section" aria-labelledby="report-budget-title">
                    <h3 id="report-budget-title">{ctx.t(T::ReportSecBudget)}</h3>
                    {budget_table(ctx, "report-budget")}
                </section>

                <section id="report-iterations" class="report-section" aria-labelledby="report-iterations-title">
                    <h3 id="report-iterations-title">{ctx.t(T::ReportSecIterations)}</h3>
                    <Show when=move || history.with(|h| h.iter().all(|(_, _, e)| e.is_empty()))>
                        <p class="empty-hint">{ctx.t(T::ReportNoIterations)}</p>
                    </Show>
                    {iterations}
                </section>

                <section id="report-learnings" class="report-section" aria-labelledby="report-learnings-title">
                    <h3 id="report-learnings-title">{ctx.t(T::ReportLearnings)}</h3>
                    {move || {
                        let list = learnings();
                        if list.is_empty() {
                            view! { <p class="empty-hint">{ctx.t(T::ReportNoLearnings)}</p> }.into_any()
                        } else {
                            view! {
                                <ul>
                                    {list.into_iter().map(|(id, text)| view! { <li id=format!("report-lesson-{id}")>{text}</li> }).collect_view()}
                                </ul>
                            }
                            .into_any()
                        }
                    }}
                </section>

                <section id="report-next" class="report-section" aria-labelledby="report-next-title">
                    <h3 id="report-next-title">{ctx.t(T::ReportNextSteps)}</h3>
                    {written(ctx, |p| p.report.next_steps.clone())}
                </section>
            </article>
        </section>
    }
}
