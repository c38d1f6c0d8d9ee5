//! The plan's dashboard, at the top of its overview: a card per KPI, spend against time per
//! channel, what is overdue or due this week, and the next step. The figures are
//! [`crate::domain::dashboard`]'s; every card links to the page where its subject is worked on.

use leptos::prelude::*;

use crate::domain::dashboard::{dashboard, Course};
use crate::domain::model::lists::find;
use crate::domain::model::plan::Kpi;
use crate::domain::model::workflow::Step;
use crate::i18n::analysis::{status_class, status_label, value_text};
use crate::i18n::format::{format_money, format_percent};
use crate::i18n::sentences::{channel_name, kpi_name};
use crate::i18n::T;
use crate::ui::route::Route;
use crate::ui::steps::execution::today::due_list;
use crate::ui::{today, use_ctx};

/// How many due items a card lists before pointing to the Today page for the rest.
const DUE_SHOWN: usize = 5;

/// The dashboard of the open plan.
#[component]
pub fn Dashboard() -> impl IntoView {
    let ctx = use_ctx();
    let day = today();
    let data = Memo::new(move |_| {
        ctx.plan
            .with(|p| p.as_ref().map(|p| (p.id.clone(), dashboard(p, day))))
    });
    let step_link = move |id: &str, step: Step| {
        Route::Step {
            plan: Some(id.to_string()),
            step,
        }
        .to_hash()
    };
    move || {
        let (id, board) = data.get()?;
        let lang = ctx.lang.get();
        // Names and the currency in the UI's language, from the plan the figures came from.
        let (names, currency) = ctx.plan.with_untracked(|p| {
            let p = p.as_ref();
            let name = |id: &str| {
                p.and_then(|p| find::<Kpi>(p, id))
                    .map(|k| kpi_name(k, lang))
                    .unwrap_or_default()
            };
            let names: Vec<String> = board.kpis.iter().map(|c| name(&c.id)).collect();
            (names, p.map(|p| p.currency.clone()).unwrap_or_default())
        });
        let figure = |value: Option<f64>, unit: &str| {
            value.map_or_else(|| "—".to_string(), |v| value_text(v, unit, lang))
        };
        let kpi_cards = board
            .kpis
            .iter()
            .zip(names)
            .map(|(card, name)| {
                let actual = figure(card.actual, &card.unit);
                let target = figure(card.target, &card.unit);
                let spark_label = T::DashSpark.fill(
                    lang,
                    &[
                        ("name", &name),
                        ("n", &card.spark.len().to_string()),
                        ("actual", &actual),
                        ("target", &target),
                    ],
                );
                let spark = crate::charts::sparkline(&card.spark, card.target, &spark_label);
                let course = card.course.map(|c| match c {
                    Course::Better => ("better", T::DashCourseBetter),
                    Course::Worse => ("worse", T::DashCourseWorse),
                    Course::Flat => ("flat", T::DashCourseFlat),
                });
                view! {
                    <li class="dash-card dash-kpi" id=format!("dash-kpi-{}", card.id)>
                        <a class="dash-card-title" href=step_link(&id, Step::Analyse)>{name}</a>
                        <p class="dash-figure">
                            <span class="dash-actual">{actual}</span>
                            <span class="dash-target">" / " {target}</span>
                        </p>
                        <p>
                            <span class=format!("status-badge status-{}", status_class(card.status))>
                                {status_label(card.status).get(lang)}
                            </span>
                            {course.map(|(class, key)| view! {
                                " · "
                                <span class=format!("course {class}")>{key.get(lang)}</span>
                            })}
                        </p>
                        {spark.map(|svg| view! { <div class="dash-spark" inner_html=svg></div> })}
                    </li>
                }
            })
            .collect_view();
        let no_kpis = board.kpis.is_empty().then(|| {
            view! {
                <p class="empty-hint">
                    {T::DashNoKpis.get(lang)} " "
                    <a href=step_link(&id, Step::Kpis)>{Step::Kpis.title().get(lang)}</a>
                </p>
            }
        });
        let spend_rows = board
            .spend
            .iter()
            .map(|row| {
                let used = row.used_percent.unwrap_or(0.0).clamp(0.0, 100.0);
                let text = T::DashSpent.fill(
                    lang,
                    &[
                        ("spent", &format_money(row.spent, &currency, lang)),
                        ("planned", &format_money(row.planned, &currency, lang)),
                        (
                            "percent",
                            &row.used_percent.map_or_else(|| "—".to_string(), |p| format_percent(p, 0, lang)),
                        ),
                    ],
                );
                view! {
                    <li>
                        <span class="dash-channel">{channel_name(&row.channel, lang)}</span>
                        <span class="dash-spent">{text}</span>
                        <span class="dash-bar" aria-hidden="true">
                            <span class="dash-bar-fill" style=format!("width:{used:.0}%")></span>
                            {board.time_gone_percent.map(|t| view! {
                                <span class="dash-bar-time" style=format!("left:{:.0}%", t.clamp(0.0, 100.0))></span>
                            })}
                        </span>
                    </li>
                }
            })
            .collect_view();
        let time_gone = board
            .time_gone_percent
            .map(|t| T::DashTimeGone.fill(lang, &[("percent", &format_percent(t, 0, lang))]));
        let overdue_count = board.overdue.len();
        let week_count = board.due_this_week.len();
        let mut overdue = board.overdue.clone();
        overdue.truncate(DUE_SHOWN);
        let mut week = board.due_this_week.clone();
        week.truncate(DUE_SHOWN);
        let next = board.next_step;
        Some(view! {
            <section id="dashboard" class="dashboard" aria-labelledby="dashboard-title">
                <h2 id="dashboard-title">{T::DashTitle.get(lang)}</h2>
                <div class="dash-grid">
                    <section class="dash-panel dash-kpis" aria-labelledby="dash-kpis-title">
                        <h3 id="dash-kpis-title">{T::DashKpis.get(lang)}</h3>
                        {no_kpis}
                        <ul class="dash-cards">{kpi_cards}</ul>
                    </section>
                    <section class="dash-panel" aria-labelledby="dash-spend-title">
                        <h3 id="dash-spend-title">
                            <a href=step_link(&id, Step::Spend)>{T::DashSpend.get(lang)}</a>
                        </h3>
                        {time_gone.map(|t| view! { <p id="dash-time-gone" class="hint">{t}</p> })}
                        <ul class="dash-spend">{spend_rows}</ul>
                    </section>
                    <section class="dash-panel" aria-labelledby="dash-due-title">
                        <h3 id="dash-due-title">
                            <a href=step_link(&id, Step::Today)>{T::DashDue.get(lang)}</a>
                        </h3>
                        <h4>{T::DashOverdue.fill(lang, &[("n", &overdue_count.to_string())])}</h4>
                        {due_list("dash-overdue", overdue, Some(id.clone()), T::TodayNothingOverdue, lang)}
                        <h4>{T::DashWeek.fill(lang, &[("n", &week_count.to_string())])}</h4>
                        {due_list("dash-week", week, Some(id.clone()), T::TodayNothingWeek, lang)}
                    </section>
                    <section class="dash-panel" aria-labelledby="dash-next-title">
                        <h3 id="dash-next-title">{T::DashNext.get(lang)}</h3>
                        <p>
                            <a id="dash-next" class="button primary" href=step_link(&id, next)>
                                {next.title().get(lang)} " →"
                            </a>
                        </p>
                    </section>
                </div>
            </section>
        })
    }
}
