//! One file per workflow step; this module picks the page for the step in the URL.

use leptos::prelude::*;

use super::route::Route;
use super::use_ctx;
use crate::domain::workflow::Step;
use crate::i18n::T;

/// The page of one workflow step, with its guidance and previous / next links.
#[component]
pub fn StepPage(plan: Option<String>, step: Step) -> impl IntoView {
    let ctx = use_ctx();
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
    view! {
        <article class="step" data-step=step.slug()>
            <p class="step-phase">{ctx.t(step.phase().title())}</p>
            <h1>{ctx.t(step.title())}</h1>
            <p class="guidance">{ctx.t(step.guidance())}</p>
            <section class="empty-state">
                <h2>{ctx.t(T::StepEmptyTitle)}</h2>
                <p>{ctx.t(T::StepComingSoon)}</p>
            </section>
            <nav class="step-nav">{prev} {next}</nav>
        </article>
    }
}
