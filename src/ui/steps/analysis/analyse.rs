//! Phase 3, analysing KPIs: one row per KPI with its actual, target, achievement, pacing,
//! projection and status (icon and words, never colour alone); the plan-level verdict with a
//! way into the report or into problem finding; and spend against plan per channel. The
//! arithmetic is in [`crate::domain::analysis::kpis`], the words in [`crate::i18n::analysis`].

use std::sync::Arc;

use crate::ui::control::{For, Show};
use leptos::prelude::*;

use crate::ui::charts::chart_figure;

use crate::domain::analysis::facts::{judged_window, kpi_breakdown_between};
use crate::domain::analysis::kpis::MIN_TREND_POINTS;
use crate::domain::analysis::kpis::{analyse_kpi, result_cost, Status};
use crate::domain::analysis::periods::{span, PeriodChoice};
use crate::domain::execution::spend::by_channel;
use crate::domain::model::plan::{Direction, Plan, Problem};
use crate::domain::model::workflow::Step;
use crate::domain::planning::research::channel_slug;
use crate::i18n::analysis::{
    achievement_text, pacing_text, reason_text, spent_from_text, status_class, status_label,
    value_text,
};
use crate::i18n::format::{format_money, format_percent};
use crate::i18n::sentences::channel_name;
use crate::i18n::{Lang, T};
use crate::ui::items::plan_text;
use crate::ui::route::Route;
use crate::ui::steps::planning::kpis::name_of;
use crate::ui::{navigate, new_id, today, use_ctx, Ctx};

/// One KPI's row, worded.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct KpiRow {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) actual: String,
    pub(crate) target: String,
    pub(crate) achievement: String,
    pub(crate) pacing: String,
    pub(crate) projected: String,
    /// The status's CSS class and its words.
    pub(crate) status: (&'static str, String),
    pub(crate) reason: String,
    /// At risk or off track: offered "Identify the problem".
    pub(crate) needs_work: bool,
    pub(crate) achieved: bool,
}

const DASH: &str = "—";

pub(crate) fn kpi_rows(plan: &Plan, lang: Lang) -> Vec<KpiRow> {
    let today = today();
    plan.kpis
        .iter()
        .map(|kpi| {
            let a = analyse_kpi(plan, kpi, today);
            let unit = kpi.unit.as_str();
            let v =
                |x: Option<f64>| x.map_or_else(|| DASH.to_string(), |x| value_text(x, unit, lang));
            let target = match kpi.direction {
                Direction::WithinRange { min, max } => {
                    format!(
                        "{} – {}",
                        value_text(min, unit, lang),
                        value_text(max, unit, lang)
                    )
                }
                _ => v(kpi.target),
            };
            let better_higher = !matches!(kpi.direction, Direction::LowerIsBetter);
            let pacing = match (a.vs_trajectory, a.expected_now) {
                (Some(vs), Some(expected)) => pacing_text(vs, expected, better_higher, unit, lang),
                _ => DASH.to_string(),
            };
            let actual = match a.actual {
                Some(x) if a.upper_bound => {
                    T::AnUpperBound.fill(lang, &[("value", &value_text(x, unit, lang))])
                }
                x => v(x),
            };
            let mut reason = reason_text(&a.reason, unit, lang);
            if let (true, Some(x)) = (a.upper_bound, a.actual) {
                reason.push(' ');
                reason.push_str(
                    &T::AnUpperBoundNote.fill(lang, &[("value", &value_text(x, unit, lang))]),
                );
            }
            let count = a.trend_points.to_string();
            let projected = match a.projected {
                Some(x) => T::AnProjectionFrom.fill(
                    lang,
                    &[("value", &value_text(x, unit, lang)), ("count", &count)],
                ),
                None if a.actual.is_some()
                    && kpi.deadline.is_some()
                    && a.trend_points < MIN_TREND_POINTS =>
                {
                    T::AnProjectionNeeds.fill(
                        lang,
                        &[("needed", &MIN_TREND_POINTS.to_string()), ("count", &count)],
                    )
                }
                None => DASH.to_string(),
            };
            KpiRow {
                id: kpi.id.clone(),
                name: name_of(&kpi.id)(plan, lang),
                actual,
                target,
                achievement: a
                    .achievement
                    .map_or_else(|| DASH.to_string(), |x| achievement_text(x, unit, lang)),
                pacing,
                projected,
                status: (
                    status_class(a.status),
                    status_label(a.status).get(lang).to_string(),
                ),
                reason,
                needs_work: matches!(a.status, Status::AtRisk | Status::OffTrack),
                achieved: a.status == Status::Achieved,
            }
        })
        .collect()
}

/// The icon beside a status's words.
fn status_icon(class: &str) -> &'static str {
    match class {
        "achieved" => "✔",
        "on-track" => "→",
        "at-risk" => "⚠",
        "off-track" => "✖",
        _ => "…",
    }
}

/// The KPI results table, one row per KPI: DOM ids `{prefix}-table`, rows `{prefix}-kpi-{id}`
/// and their status cells `{prefix}-kpi-{id}-status` (with `data-status`). The pacing column
/// is for the analysis page; the report leaves it out.
pub(crate) fn kpi_table(
    ctx: Ctx,
    rows: Memo<Vec<KpiRow>>,
    prefix: &'static str,
    pacing: bool,
) -> AnyView {
    let body = move || {
        // Each cell names its column too: on a phone the table is a card per KPI, each value
        // beside its column's name (style/main.css), so the status needs no sideways scroll.
        let lang = ctx.lang.get();
        let col = move |t: T| t.get(lang);
        rows.get()
            .into_iter()
            .map(|r| {
                let (class, label) = r.status.clone();
                view! {
                    <tr id=format!("{prefix}-kpi-{}", r.id) class=format!("status-{class}")>
                        <th scope="row">{r.name}</th>
                        <td class="num" data-label=col(T::AnColActual)>{r.actual}</td>
                        <td class="num" data-label=col(T::AnColTarget)>{r.target}</td>
                        <td class="num" data-label=col(T::AnColAchievement)>{r.achievement}</td>
                        {pacing.then(|| view! { <td data-label=col(T::AnColPacing)>{r.pacing}</td> })}
                        // A projection carries its basis ("4.17% (from 60 days of data)"): it wraps.
                        <td class="num wrap" data-label=col(T::AnColProjected)>{r.projected}</td>
                        <td id=format!("{prefix}-kpi-{}-status", r.id) data-status=class data-label=col(T::AnColStatus)>
                            <span class=format!("status-badge status-{class}")>
                                <span aria-hidden="true">{status_icon(class)} " "</span>
                                {label}
                            </span>
                            <small class="reason">{r.reason}</small>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="table-scroll" tabindex="0">
            <table id=format!("{prefix}-table") class="data an-table">
                <thead>
                    <tr>
                        <th scope="col">{ctx.t(T::AnColKpi)}</th>
                        <th scope="col">{ctx.t(T::AnColActual)}</th>
                        <th scope="col">{ctx.t(T::AnColTarget)}</th>
                        <th scope="col">{ctx.t(T::AnColAchievement)}</th>
                        {pacing.then(|| view! { <th scope="col">{ctx.t(T::AnColPacing)}</th> })}
                        <th scope="col">{ctx.t(T::AnColProjected)}</th>
                        <th scope="col">{ctx.t(T::AnColStatus)}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The charts of the plan's results: achievement overview, progress per KPI (with its
/// optimisation markers), spend against time, budget against spend. DOM ids
/// `{prefix}chart-overview`, `{prefix}chart-kpi-{id}`, `{prefix}chart-burn`, `{prefix}chart-budget`.
pub(crate) fn result_charts(prefix: &'static str) -> AnyView {
    let kpi_ids = crate::ui::form::plan_memo(|p| {
        p.kpis.iter().map(|k| k.id.clone()).collect::<Vec<String>>()
    });
    view! {
        {chart_figure(
            format!("{prefix}chart-overview"),
            Arc::new(|p: &Plan, lang| crate::charts::kpi_overview(p, today(), lang)),
        )}
        <For each=move || kpi_ids.get() key=|id| id.clone() let:id>
            {
                let kpi = id.clone();
                chart_figure(
                    format!("{prefix}chart-kpi-{id}"),
                    Arc::new(move |p: &Plan, lang| crate::charts::kpi_progress(p, &kpi, today(), lang)),
                )
            }
        </For>
        {chart_figure(
            format!("{prefix}chart-burn"),
            Arc::new(|p: &Plan, lang| crate::charts::burn(p, today(), lang)),
        )}
        {chart_figure(
            format!("{prefix}chart-budget"),
            Arc::new(|p: &Plan, lang| crate::charts::budget_vs_spend(p, lang)),
        )}
    }
    .into_any()
}

/// Spend against plan per channel, worded: `(DOM key, [channel, planned, spent, remaining,
/// used, cost per result, where the spent figure comes from])`, with a total row (key
/// `total`) last.
fn budget_rows(plan: &Plan, lang: Lang) -> Vec<(String, [String; 7])> {
    let money = |v: f64| format_money(v, &plan.currency, lang);
    let used = |u: Option<f64>| u.map_or_else(|| DASH.to_string(), |u| format_percent(u, 0, lang));
    let channels = by_channel(plan);
    if channels.is_empty() {
        return Vec::new();
    }
    let sum = crate::domain::execution::spend::channels_total(&channels, &plan.currency);
    let total = (
        "total".to_string(),
        [
            T::ReportTotal.get(lang).to_string(),
            money(sum.planned),
            money(sum.spent),
            money(sum.remaining),
            used(sum.used_percent),
            DASH.to_string(),
            String::new(),
        ],
    );
    let day = today();
    let per_result = |c: &crate::domain::analysis::kpis::ChannelSpend| {
        result_cost(plan, &c.channel, c.spent, day).map_or_else(
            || DASH.to_string(),
            |r| {
                T::AnCostPer.fill(
                    lang,
                    &[
                        ("cost", &money(r.cost)),
                        ("name", &name_of(&r.kpi)(plan, lang)),
                    ],
                )
            },
        )
    };
    channels
        .into_iter()
        .map(|c| {
            (
                channel_slug(&c.channel).to_string(),
                [
                    channel_name(&c.channel, lang),
                    money(c.planned),
                    money(c.spent),
                    money(c.remaining),
                    used(c.used_percent),
                    per_result(&c),
                    spent_from_text(&c.from, &plan.currency, lang),
                ],
            )
        })
        .chain(std::iter::once(total))
        .collect()
}

/// The budget-against-spend table, or a hint while there is no budget: rows `{prefix}-{slug}`
/// and `{prefix}-total`.
pub(crate) fn budget_table(ctx: Ctx, prefix: &'static str) -> AnyView {
    let rows = plan_text(ctx, budget_rows);
    let rows = Memo::new(move |_| rows());
    let body = move || {
        rows.get()
            .into_iter()
            .map(
                |(key, [name, planned, spent, remaining, used, per_result, from])| {
                    view! {
                        <tr id=format!("{prefix}-{key}")>
                            <th scope="row">{name}</th>
                            <td class="num">{planned}</td>
                            <td class="num">{spent}</td>
                            <td class="num">{remaining}</td>
                            <td class="num">{used}</td>
                            <td class="num">{per_result}</td>
                            <td class="spent-from">{from}</td>
                        </tr>
                    }
                },
            )
            .collect_view()
    };
    view! {
        <Show
            when=move || !rows.with(Vec::is_empty)
            fallback=move || view! { <p class="empty-hint">{ctx.t(T::AnNoBudget)}</p> }
        >
            <div class="table-scroll" tabindex="0">
            <table class="data budget-table">
                <thead>
                    <tr>
                        <th scope="col">{ctx.t(T::AnColChannel)}</th>
                        <th scope="col">{ctx.t(T::SpendPlanned)}</th>
                        <th scope="col">{ctx.t(T::SpendSpent)}</th>
                        <th scope="col">{ctx.t(T::SpendRemaining)}</th>
                        <th scope="col">{ctx.t(T::AnColUsed)}</th>
                        <th scope="col">{ctx.t(T::AnColCostPerResult)}</th>
                        <th scope="col">{ctx.t(T::AnColSpentFrom)}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
            </div>
        </Show>
    }
    .into_any()
}

/// Records a problem for a KPI that misses its pace, then opens the optimise step with it.
fn identify(ctx: Ctx, kpi: String, symptom: String) {
    let plan_id = ctx
        .plan
        .with_untracked(|p| p.as_ref().map(|p| p.id.clone()));
    ctx.edit(move |p| {
        // A second click on the same day opens the problem already recorded.
        let day = today();
        if p.problems.iter().any(|x| x.kpi == kpi && x.date == day) {
            return;
        }
        p.problems.push(Problem {
            id: new_id(),
            kpi,
            date: day,
            symptom,
            causes: Vec::new(),
            notes: String::new(),
        })
    });
    navigate(&Route::Step {
        plan: plan_id,
        step: Step::Optimise,
    });
}

/// One KPI's breakdown, worded: its id, its name, and per campaign the label, the source
/// and the value.
type Breakdown = (String, String, Vec<(String, String, String)>);

/// Each KPI's value per campaign (or other breakdown) in its sources' facts over the period
/// of `picker` (each KPI's target period while none is chosen), for the KPIs whose data has
/// more than one. DOM ids `an-breakdowns`, `an-breakdown-{kpi}`.
fn breakdowns(ctx: Ctx, picker: crate::ui::steps::analysis::periods::Picker) -> impl IntoView {
    let tables = plan_text(ctx, move |plan: &Plan, lang| {
        let day = today();
        let choice = picker.choice().unwrap_or(PeriodChoice::Judged);
        let common = span(choice, plan, day).ok().flatten();
        plan.kpis
            .iter()
            .filter_map(|kpi| {
                let (from, to) = common.or_else(|| judged_window(plan, kpi, day))?;
                let rows = kpi_breakdown_between(plan, kpi, from, to);
                (rows.len() > 1).then(|| {
                    let rows = rows
                        .into_iter()
                        .map(|r| {
                            let label = r.labels.values().cloned().collect::<Vec<_>>().join(" · ");
                            let label = if label.is_empty() {
                                T::AnBreakdownWhole.get(lang).to_string()
                            } else {
                                label
                            };
                            (label, r.source, value_text(r.value.value, &kpi.unit, lang))
                        })
                        .collect();
                    (kpi.id.clone(), name_of(&kpi.id)(plan, lang), rows)
                })
            })
            .collect::<Vec<Breakdown>>()
    });
    move || {
        let tables = tables();
        (!tables.is_empty()).then(|| {
            let tables = tables
                .into_iter()
                .map(|(id, name, rows)| {
                    let rows = rows
                        .into_iter()
                        .map(|(label, source, value)| {
                            view! {
                                <tr>
                                    <th scope="row">{label}</th>
                                    <td>{source}</td>
                                    <td class="num">{value}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <div class="table-scroll" tabindex="0">
                            <table id=format!("an-breakdown-{id}") class="data an-breakdown">
                                <caption>{name}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{ctx.t(T::AnBreakdownLabel)}</th>
                                        <th scope="col">{ctx.t(T::AnBreakdownSource)}</th>
                                        <th scope="col">{ctx.t(T::AnBreakdownValue)}</th>
                                    </tr>
                                </thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <section id="an-breakdowns" class="an-breakdowns" aria-labelledby="an-breakdowns-title">
                    <h2 id="an-breakdowns-title">{ctx.t(T::AnBreakdownTitle)}</h2>
                    <p class="hint">{ctx.t(T::AnBreakdownHint)}</p>
                    {tables}
                </section>
            }
        })
    }
}

/// The analysis step.
#[component]
pub fn AnalyseStep() -> impl IntoView {
    let ctx = use_ctx();
    let rows = plan_text(ctx, kpi_rows);
    let rows = Memo::new(move |_| rows());
    let plan_id = crate::ui::form::plan_memo(|p| p.id.clone());
    let picker = crate::ui::steps::analysis::periods::Picker::new();
    let verdict = move || {
        let rows = rows.get();
        let all = !rows.is_empty() && rows.iter().all(|r| r.achieved);
        let lang = ctx.lang.get();
        if all {
            let href = Route::Step {
                plan: Some(plan_id.get()),
                step: Step::Report,
            }
            .to_hash();
            return view! {
                <p class="verdict yes">{T::AnVerdictYes.get(lang)}</p>
                <a id="an-to-report" class="button primary" href=href>{T::AnToReport.get(lang)}</a>
            }
            .into_any();
        }
        let work: Vec<KpiRow> = rows.into_iter().filter(|r| r.needs_work).collect();
        if work.is_empty() {
            return view! { <p class="verdict wait">{T::AnVerdictWait.get(lang)}</p> }.into_any();
        }
        let count = work.len().to_string();
        let buttons = work
            .into_iter()
            .map(|r| {
                let text = T::AnIdentify.fill(lang, &[("name", &r.name)]);
                let (kpi, symptom) = (r.id.clone(), r.reason.clone());
                view! {
                    <li>
                        <button
                            id=format!("an-identify-{}", r.id)
                            type="button"
                            on:click=move |_| identify(ctx, kpi.clone(), symptom.clone())
                        >
                            {text}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="verdict no">{T::AnVerdictNo.fill(lang, &[("count", &count)])}</p>
            <ul class="identify-list">{buttons}</ul>
        }
        .into_any()
    };
    view! {
        <section class="wizard analyse">
            <Show
                when=move || !rows.with(Vec::is_empty)
                fallback=move || view! { <p class="empty-hint">{ctx.t(T::AnNoKpis)}</p> }
            >
                {kpi_table(ctx, rows, "an", true)}
                <section id="an-verdict" class="an-verdict" aria-labelledby="an-verdict-title">
                    <h2 id="an-verdict-title">{ctx.t(T::AnVerdict)}</h2>
                    {verdict}
                </section>
                {crate::ui::steps::analysis::periods::period_section(ctx, picker)}
            </Show>
            {breakdowns(ctx, picker)}
            <section id="an-charts" class="an-charts" aria-labelledby="an-charts-title">
                <h2 id="an-charts-title">{ctx.t(T::ChartsTitle)}</h2>
                {result_charts("")}
            </section>
            <section id="an-budget" class="an-budget" aria-labelledby="an-budget-title">
                <h2 id="an-budget-title">{ctx.t(T::AnBudget)}</h2>
                {budget_table(ctx, "an-budget")}
            </section>
        </section>
    }
}
