//! One file per workflow step; this module picks the page for the step in the URL and frames
//! it with the step's guidance and previous / next links. The frame is in the plan engine's
//! wasm part (`chunks::StepFrame`), each step's form in its phase's part.

pub(crate) mod analysis;
pub(crate) mod execution;
pub(crate) mod planning;

use leptos::prelude::*;

use super::route::Route;
use super::use_ctx;
use crate::domain::model::workflow::{Phase, Step};
use crate::i18n::T;

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
    // A viewer's token, or a shared plan from a newer Alur: every step is read-only.
    let view_only = move || ctx.team.with(|t| t.as_ref().is_some_and(|t| t.view_only()));
    let approval_locked = move || lockable && locked.get();
    let locked = move || approval_locked() || view_only();
    let body = if has_plan {
        view! { <crate::ui::chunks::StepBody step /> }.into_any()
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
                approval_locked()
                    .then(|| view! { <p class="locked-banner" role="note">{ctx.t(T::ApprovalLocked)}</p> })
            }}
            <fieldset class="step-body" disabled=locked>
                {body}
            </fieldset>
            <nav class="step-nav" aria-label=ctx.t(T::StepNavLabel)>{prev} {next}</nav>
        </article>
    }
}
