//! Phase 2, "Today": what is overdue, what is due this week, budget spent against campaign
//! time elapsed, and KPIs lacking recent data. The rules are in [`crate::domain::execution::today`].

use leptos::prelude::*;

use crate::domain::execution::today::{due_this_week, overdue, pace, stale_kpis, DueItem, DueKind};
use crate::domain::model::workflow::Step;
use crate::i18n::format::{format_date, format_money, format_percent, DateStyle};
use crate::i18n::{Lang, T};
use crate::ui::items::{or_untitled, plan_text};
use crate::ui::route::Route;
use crate::ui::steps::planning::kpis::name_of;
use crate::ui::{today, use_ctx};

/// How far spend may run ahead of or behind time, in percentage points, and still be on pace.
const PACE_TOLERANCE: f64 = 10.0;

/// The label, the untitled text and the page of a kind of due item.
fn kind_texts(kind: DueKind) -> (T, T, Step) {
    match kind {
        DueKind::Task => (T::TodayKindTask, T::TaskUntitled, Step::Actions),
        DueKind::Execution => (T::TodayKindItem, T::BoardItemUntitled, Step::Board),
        DueKind::Content => (T::TodayKindContent, T::CalUntitled, Step::Calendar),
    }
}

/// A list of due items, each linking to the page where it is edited; `empty` when none.
pub(crate) fn due_list(
    id: &'static str,
    items: Vec<DueItem>,
    plan: Option<String>,
    empty: T,
    lang: Lang,
) -> AnyView {
    if items.is_empty() {
        return view! { <p id=id class="ok">{empty.get(lang)}</p> }.into_any();
    }
    let rows = items
        .into_iter()
        .map(|i| {
            let (kind, untitled, step) = kind_texts(i.kind);
            let href = Route::Step {
                plan: plan.clone(),
                step,
            }
            .to_hash();
            view! {
                <li id=format!("{id}-{}", i.id)>
                    <span class="due-date">{format_date(i.date, lang, DateStyle::Short)}</span>
                    " · "
                    <span class="due-kind">{kind.get(lang)}</span>
                    " · "
                    <a href=href>{or_untitled(&i.title, untitled, lang)}</a>
                </li>
            }
        })
        .collect_view();
    view! { <ul id=id class="due-list">{rows}</ul> }.into_any()
}

/// The "Today" page.
#[component]
pub fn TodayStep() -> impl IntoView {
    let ctx = use_ctx();
    let day = today();
    let plan_id = plan_text(ctx, |p, _| Some(p.id.clone()));
    let lists = plan_text(ctx, move |p, _| (overdue(p, day), due_this_week(p, day)));
    let lists = Memo::new(move |_| lists());
    let plan_id = Memo::new(move |_| plan_id());
    let overdue_view = move || {
        let (late, _) = lists.get();
        due_list(
            "today-overdue",
            late,
            plan_id.get(),
            T::TodayNothingOverdue,
            ctx.lang.get(),
        )
    };
    let week_view = move || {
        let (_, week) = lists.get();
        due_list(
            "today-week",
            week,
            plan_id.get(),
            T::TodayNothingWeek,
            ctx.lang.get(),
        )
    };
    let pace_view = plan_text(ctx, move |p, lang| {
        let pace = pace(p, day);
        let percent = |v: Option<f64>| v.map_or("—".to_string(), |v| format_percent(v, 0, lang));
        let verdict = match (pace.spent_percent, pace.elapsed_percent) {
            (None, _) => T::TodayNoBudget,
            (_, None) => T::TodayNoWindow,
            (Some(s), Some(e)) if s > e + PACE_TOLERANCE => T::TodayAhead,
            (Some(s), Some(e)) if s + PACE_TOLERANCE < e => T::TodayBehind,
            _ => T::TodayOnPace,
        };
        let spent = format!(
            "{} ({} / {})",
            percent(pace.spent_percent),
            format_money(pace.spent, &p.currency, lang),
            format_money(pace.budget, &p.currency, lang)
        );
        (spent, percent(pace.elapsed_percent), verdict.get(lang))
    });
    let pace_view = Memo::new(move |_| pace_view());
    let stale_view = plan_text(ctx, move |p, lang| {
        stale_kpis(p, day)
            .into_iter()
            .map(|k| {
                let when = match k.last {
                    Some(d) => T::TodayLastValue
                        .fill(lang, &[("date", &format_date(d, lang, DateStyle::Short))]),
                    None => T::TodayNeverMeasured.get(lang).to_string(),
                };
                (k.id.clone(), name_of(&k.id)(p, lang), when)
            })
            .collect::<Vec<_>>()
    });
    let stale = move || {
        let rows = stale_view();
        if rows.is_empty() {
            return view! { <p id="today-stale" class="ok">{ctx.t(T::TodayStaleNone)}</p> }
                .into_any();
        }
        view! {
            <ul id="today-stale" class="due-list">
                {rows
                    .into_iter()
                    .map(|(id, name, when)| view! { <li id=format!("today-stale-{id}")>{name} " — " {when}</li> })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="wizard today">
            <section aria-labelledby="today-overdue-title">
                <h2 id="today-overdue-title">{ctx.t(T::TodayOverdue)}</h2>
                {overdue_view}
            </section>
            <section aria-labelledby="today-week-title">
                <h2 id="today-week-title">{ctx.t(T::TodayWeek)}</h2>
                {week_view}
            </section>
            <section aria-labelledby="today-pace-title">
                <h2 id="today-pace-title">{ctx.t(T::TodayPace)}</h2>
                <dl class="figures">
                    <div>
                        <dt>{ctx.t(T::TodaySpentShare)}</dt>
                        <dd id="today-spent">{move || pace_view.get().0}</dd>
                    </div>
                    <div>
                        <dt>{ctx.t(T::TodayElapsedShare)}</dt>
                        <dd id="today-elapsed">{move || pace_view.get().1}</dd>
                    </div>
                </dl>
                <p id="today-pace" role="status">{move || pace_view.get().2}</p>
            </section>
            <section aria-labelledby="today-stale-title">
                <h2 id="today-stale-title">{ctx.t(T::TodayStale)}</h2>
                {stale}
            </section>
        </section>
    }
}
