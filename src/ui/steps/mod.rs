//! One file per workflow step; this module picks the page for the step in the URL and frames
//! it with the step's guidance and previous / next links.

mod analysis;
pub(crate) mod execution;
pub(crate) mod planning;

use leptos::prelude::*;

use super::route::Route;
use super::use_ctx;
use crate::domain::model::workflow::{Phase, Step};
use crate::i18n::T;

/// The form of a step.
fn step_body(step: Step) -> AnyView {
    // Each arm renders the component of `ui/steps/<phase>/<step>.rs`.
    match step {
        Step::Approval => view! { <planning::approval::ApprovalStep /> }.into_any(),
        Step::Goals => view! { <planning::goals::GoalsStep /> }.into_any(),
        Step::Market => view! { <planning::market::MarketStep /> }.into_any(),
        Step::Competitors => view! { <planning::competitors::CompetitorsStep /> }.into_any(),
        Step::Audience => view! { <planning::audience::AudienceStep /> }.into_any(),
        Step::Gaps => view! { <planning::gaps::GapsStep /> }.into_any(),
        Step::Strategy => view! { <planning::strategy::StrategyStep /> }.into_any(),
        Step::Kpis => view! { <planning::kpis::KpisStep /> }.into_any(),
        Step::Budget => view! { <planning::budget::BudgetStep /> }.into_any(),
        Step::Actions => view! { <planning::actions::ActionsStep /> }.into_any(),
        Step::Today => view! { <execution::today::TodayStep /> }.into_any(),
        Step::Board => view! { <execution::board::BoardStep /> }.into_any(),
        Step::Calendar => view! { <execution::calendar::CalendarStep /> }.into_any(),
        Step::Spend => view! { <execution::spend::SpendStep /> }.into_any(),
        Step::Measurements => view! { <execution::measurements::MeasurementsStep /> }.into_any(),
        Step::Collect => view! { <analysis::collect::CollectStep /> }.into_any(),
        Step::Analyse => view! { <analysis::analyse::AnalyseStep /> }.into_any(),
        Step::Optimise => view! { <analysis::optimise::OptimiseStep /> }.into_any(),
        Step::Report => view! { <analysis::report::ReportStep /> }.into_any(),
        Step::NextCampaign => view! { <analysis::next::NextStep /> }.into_any(),
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
    let locked = crate::ui::form::plan_memo(crate::domain::planning::approval::is_locked);
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
                .then(|| view! { <crate::ui::progress::StepProgress step /> })}
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
