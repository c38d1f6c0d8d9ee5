//! One file per workflow step; this module picks the page for the step in the URL and frames
//! it with the step's guidance and previous / next links.

mod actions;
mod analyse;
pub(crate) mod approval;
mod audience;
mod board;
mod budget;
mod calendar;
mod collect;
mod competitors;
mod gaps;
mod goals;
mod items;
mod kpis;
mod market;
mod measurements;
mod next;
mod optimise;
mod periods;
pub mod progress;
mod report;
mod spend;
mod strategy;
mod today;

use leptos::prelude::*;

use super::route::Route;
use super::use_ctx;
use crate::domain::workflow::{Phase, Step};
use crate::i18n::T;

/// The form of a step.
fn step_body(step: Step) -> AnyView {
    // Each arm renders the component of `ui/steps/<step>.rs`.
    match step {
        Step::Approval => view! { <approval::ApprovalStep /> }.into_any(),
        Step::Goals => view! { <goals::GoalsStep /> }.into_any(),
        Step::Market => view! { <market::MarketStep /> }.into_any(),
        Step::Competitors => view! { <competitors::CompetitorsStep /> }.into_any(),
        Step::Audience => view! { <audience::AudienceStep /> }.into_any(),
        Step::Gaps => view! { <gaps::GapsStep /> }.into_any(),
        Step::Strategy => view! { <strategy::StrategyStep /> }.into_any(),
        Step::Kpis => view! { <kpis::KpisStep /> }.into_any(),
        Step::Budget => view! { <budget::BudgetStep /> }.into_any(),
        Step::Actions => view! { <actions::ActionsStep /> }.into_any(),
        Step::Today => view! { <today::TodayStep /> }.into_any(),
        Step::Board => view! { <board::BoardStep /> }.into_any(),
        Step::Calendar => view! { <calendar::CalendarStep /> }.into_any(),
        Step::Spend => view! { <spend::SpendStep /> }.into_any(),
        Step::Measurements => view! { <measurements::MeasurementsStep /> }.into_any(),
        Step::Collect => view! { <collect::CollectStep /> }.into_any(),
        Step::Analyse => view! { <analyse::AnalyseStep /> }.into_any(),
        Step::Optimise => view! { <optimise::OptimiseStep /> }.into_any(),
        Step::Report => view! { <report::ReportStep /> }.into_any(),
        Step::NextCampaign => view! { <next::NextStep /> }.into_any(),
    }
}

/// The page of one workflow step, with its guidance and previous / next links.
#[component]
pub fn StepPage(plan: Option<String>, step: Step) -> impl IntoView {
    let ctx = use_ctx();
    let has_plan = plan.is_some();
    let link = move |s: Step| {
        Route::Step {
            plan: plan.clone(),
            step: s,
        }
        .to_hash()
    };
    let prev = step.previous().map(|s| {
        view! {
            <a class="button" rel="prev" href=link(s)>
                "← " {ctx.t(T::Previous)} ": " {ctx.t(s.title())}
            </a>
        }
    });
    let next = step.next().map(|s| {
        view! {
            <a class="button" rel="next" href=link(s)>
                {ctx.t(T::Next)} ": " {ctx.t(s.title())} " →"
            </a>
        }
    });
    // An approved plan is the baseline: its planning steps are read-only until reopened
    // (the approval step itself stays usable, since that is where it is reopened).
    let lockable = step.phase() == Phase::Plan && step != Step::Approval;
    let locked = crate::ui::form::plan_memo(crate::domain::approval::is_locked);
    let locked = move || lockable && locked.get();
    let body = if has_plan {
        step_body(step)
    } else {
        view! {
            <section class="empty-state">
                <h2>{ctx.t(T::StepEmptyTitle)}</h2>
                <p>{ctx.t(T::StepNeedsPlan)}</p>
                <a class="button primary" href="#/">{ctx.t(T::NavPlans)}</a>
            </section>
        }
        .into_any()
    };
    view! {
        <article class="step" data-step=step.slug()>
            <p class="step-phase">{ctx.t(step.phase().title())}</p>
            <h1>{ctx.t(step.title())}</h1>
            <p class="guidance">{ctx.t(step.guidance())}</p>
            {(has_plan && step.phase() == Phase::Plan)
                .then(|| view! { <progress::StepProgress step /> })}
            {move || {
                locked()
                    .then(|| view! { <p class="locked-banner" role="note">{ctx.t(T::ApprovalLocked)}</p> })
            }}
            <fieldset class="step-body" disabled=locked>
                {body}
            </fieldset>
            <nav class="step-nav" aria-label=ctx.t(T::StepNavLabel)>{prev} {next}</nav>
        </article>
    }
}
