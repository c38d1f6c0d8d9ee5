//! The plan overview: the plan's name and status, and the way into each step.

use crate::ui::control::{For, Show};
use leptos::prelude::*;

use super::route::Route;
use super::use_ctx;
use super::widgets::status_label;
use crate::domain::model::workflow::Phase;
use crate::i18n::T;

/// The summary page of the open plan.
#[component]
pub fn Overview() -> impl IntoView {
    let ctx = use_ctx();
    let id = ctx
        .plan
        .with_untracked(|p| p.as_ref().map(|p| p.id.clone()))
        .unwrap_or_default();
    let name = move || {
        ctx.plan
            .with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default())
    };
    let status = move || {
        ctx.plan
            .with(|p| p.as_ref().map(|p| p.status).unwrap_or_default())
    };
    let export_id = id.clone();
    let score = super::form::plan_memo(crate::domain::planning::completeness::planning_score);
    view! {
        <article class="overview">
            <p class="step-phase">{ctx.t(T::NavOverview)}</p>
            <h1>{name}</h1>
            <super::dashboard::Dashboard />
            <div class="field">
                <label for="plan-name">{ctx.t(T::PlanName)}</label>
                <input
                    id="plan-name"
                    prop:value=name
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        ctx.edit(|p| p.name = value);
                    }
                />
            </div>
            <p>
                <strong>{ctx.t(T::ColStatus)} ": "</strong>
                {move || ctx.t(status_label(status()))()}
            </p>
            <p class="score" data-testid="plan-score">
                {move || {
                    let (done, total) = score.get();
                    let percent = crate::i18n::format::format_percent(
                        crate::domain::planning::completeness::score_percent((done, total)),
                        0,
                        ctx.lang.get(),
                    );
                    T::PlanScore.fill(
                        ctx.lang.get(),
                        &[("done", &done.to_string()), ("total", &total.to_string()), ("percent", &percent)],
                    )
                }}
            </p>
            <p>
                <button on:click=move |_| super::plans::act(ctx, super::engine::PlansAction::Export(export_id.clone()))>
                    {ctx.t(T::ExportPlan)}
                </button>
            </p>
            <crate::ui::steps::planning::approval::Summary />
            <super::share::ShareLink />
            <super::team::panel::TeamPanel />
            <EarlierVersions />
            {Phase::ALL
                .into_iter()
                .map(|phase| {
                    let id = id.clone();
                    view! {
                        <section class="overview-phase">
                            <h2>{ctx.t(phase.title())}</h2>
                            <ol>
                                {phase
                                    .steps()
                                    .map(|step| {
                                        let href = Route::Step {
                                            plan: Some(id.clone()),
                                            step,
                                        }
                                        .to_hash();
                                        let missing = crate::ui::progress::step_gap_texts(step);
                                        let planning = phase == Phase::Plan;
                                        view! {
                                            <li>
                                                <a href=href>{ctx.t(step.title())}</a>
                                                {move || {
                                                    (planning)
                                                        .then(|| {
                                                            let list = missing.get();
                                                            if list.is_empty() {
                                                                view! { <span class="step-status done">" ✓ " {ctx.t(T::StepDoneMark)}</span> }.into_any()
                                                            } else {
                                                                view! {
                                                                    <ul class="step-gaps">
                                                                        {list.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
                                                                    </ul>
                                                                }
                                                                .into_any()
                                                            }
                                                        })
                                                }}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ol>
                        </section>
                    }
                })
                .collect_view()}
        </article>
    }
}

/// A local date and time such as "28 Nov 2026 14:05".
fn when(ms: i64, lang: crate::i18n::Lang) -> String {
    let date = super::local_date(ms as f64)
        .map(|d| crate::i18n::format::format_date(d, lang, crate::i18n::format::DateStyle::Short))
        .unwrap_or_default();
    let js = js_sys::Date::new(&(ms as f64).into());
    format!("{date} {:02}:{:02}", js.get_hours(), js.get_minutes())
}

/// The rolling backups of the open plan, each restorable (the restore itself can be undone).
#[component]
fn EarlierVersions() -> impl IntoView {
    let ctx = use_ctx();
    let versions = Memo::new(move |_| {
        // Re-read after every save of the open plan.
        ctx.save.track();
        ctx.plan
            .with_untracked(|p| p.as_ref().map(|p| p.id.clone()))
            .map(|id| crate::storage::plans::backups(&id))
            .unwrap_or_default()
    });
    let locked = super::form::plan_memo(crate::domain::planning::approval::is_locked);
    // The version whose restore is being confirmed.
    let confirming = RwSignal::new(None::<String>);
    let restore = move |key: String| {
        confirming.set(None);
        match crate::storage::plans::load_backup(&key) {
            Ok(old) => {
                // Decided before editing: a refused restore leaves no empty undo step.
                let restored = ctx.plan.with_untracked(|p| {
                    p.as_ref()
                        .map(|p| crate::domain::history::backups::restore(p, old))
                });
                match restored {
                    Some(Ok(restored)) => {
                        ctx.edit_step(move |p| *p = restored);
                        ctx.tell(T::VersionRestored, &[]);
                    }
                    Some(Err(_)) => ctx.warn(T::VersionLocked, &[]),
                    None => {}
                }
            }
            Err(err) => ctx.warn(T::OpenFailed, &[("reason", &err.to_string())]),
        }
    };
    view! {
        <section class="versions" aria-labelledby="versions-title">
            <h2 id="versions-title">{ctx.t(T::VersionsTitle)}</h2>
            <p class="hint">{ctx.t(T::VersionsHint)}</p>
            <Show when=move || locked.get() && !versions.with(Vec::is_empty)>
                <p id="versions-locked" class="locked-banner" role="note">{ctx.t(T::VersionLocked)}</p>
            </Show>
            <Show
                when=move || !versions.with(Vec::is_empty)
                fallback=move || view! { <p class="empty-hint">{ctx.t(T::VersionsNone)}</p> }
            >
                <ul>
                    <For each=move || versions.get() key=|(key, _)| key.clone() let:version>
                        {
                            let (key, at) = version;
                            let label = move || {
                                T::VersionRestoreNamed.fill(ctx.lang.get(), &[("when", &when(at, ctx.lang.get()))])
                            };
                            let asking = {
                                let key = key.clone();
                                move || confirming.with(|c| c.as_deref() == Some(key.as_str()))
                            };
                            let ask = {
                                let key = key.clone();
                                move |_| confirming.set(Some(key.clone()))
                            };
                            let question = move || {
                                T::VersionRestoreConfirm.fill(ctx.lang.get(), &[("when", &when(at, ctx.lang.get()))])
                            };
                            view! {
                                <li>
                                    <span>{move || when(at, ctx.lang.get())}</span>
                                    " "
                                    <Show
                                        when=asking
                                        fallback=move || view! {
                                            <button aria-label=label disabled=move || locked.get() on:click=ask.clone()>
                                                {ctx.t(T::VersionRestore)}
                                            </button>
                                        }
                                    >
                                        <span class="confirm" role="group" aria-label=question>
                                            <span>{question}</span>
                                            <button class="primary" on:click={
                                                let key = key.clone();
                                                move |_| restore(key.clone())
                                            }>{ctx.t(T::VersionRestoreYes)}</button>
                                            <button on:click=move |_| confirming.set(None)>{ctx.t(T::Cancel)}</button>
                                        </span>
                                    </Show>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </Show>
        </section>
    }
}
