//! Step 10: management approval. A one-page summary, submit, record the decision, reopen; the
//! content fingerprint shows whether the plan still matches what was approved.

use crate::ui::control::{For, Show};
use leptos::prelude::*;

use crate::domain::model::plan::{Decision, Plan, PlanStatus};
use crate::domain::planning::approval::{self, Act, ApprovalError};
use crate::i18n::format::{format_date, format_money, DateStyle};
use crate::i18n::{Lang, T};
use crate::ui::form::plan_memo;
use crate::ui::{new_id, today, use_ctx, Ctx};

/// The label of a decision.
pub fn decision_label(decision: Decision) -> T {
    match decision {
        Decision::Submitted => T::DecisionSubmitted,
        Decision::Approved => T::DecisionApproved,
        Decision::ChangesRequested => T::DecisionChangesRequested,
        Decision::Rejected => T::DecisionRejected,
        Decision::Reopened => T::DecisionReopened,
    }
}

fn error_text(err: ApprovalError) -> T {
    match err {
        ApprovalError::NotDraft => T::ApprovalErrNotDraft,
        ApprovalError::NotSubmitted | ApprovalError::NotADecision => T::ApprovalErrNotSubmitted,
        ApprovalError::NotApproved => T::ApprovalErrNotApproved,
        ApprovalError::NoApprover => T::ApprovalErrNoApprover,
    }
}

/// Runs an approval action on the open plan and reports the outcome.
fn act_on_plan(
    ctx: Ctx,
    action: impl FnOnce(&mut Plan) -> Result<(), ApprovalError>,
    done: impl FnOnce(&Plan),
) {
    let mut result = None;
    ctx.edit_step(|plan| result = Some(action(plan)));
    match result {
        Some(Ok(())) => {
            ctx.flush();
            ctx.plan.with_untracked(|p| {
                if let Some(p) = p {
                    done(p);
                }
            });
        }
        Some(Err(err)) => ctx.warn(error_text(err), &[]),
        None => {}
    }
}

fn date_text(date: Option<crate::domain::values::date::Date>, lang: Lang) -> String {
    date.map(|d| format_date(d, lang, DateStyle::Long))
        .unwrap_or_else(|| T::SummaryNone.get(lang).to_string())
}

/// A KPI's figure in its unit (Rp, %, or the unit's name), as everywhere else.
fn number_text(value: Option<f64>, unit: &str, lang: Lang) -> String {
    value.map_or_else(
        || "—".to_string(),
        |v| crate::i18n::analysis::value_text(v, unit, lang),
    )
}

/// The one-page summary of the plan, shown to management and on the overview.
#[component]
pub fn Summary() -> impl IntoView {
    let ctx = use_ctx();
    let summary = move || {
        let lang = ctx.lang.get();
        ctx.plan.with(|plan| {
            let plan = plan.as_ref()?;
            let period = format!(
                "{} – {}",
                date_text(plan.goal.start, lang),
                date_text(plan.goal.end, lang)
            );
            let kpis: Vec<(String, String, String, String)> = plan
                .kpis
                .iter()
                .map(|k| {
                    (
                        crate::i18n::sentences::kpi_name(k, lang),
                        number_text(k.baseline, &k.unit, lang),
                        number_text(k.target, &k.unit, lang),
                        date_text(k.deadline, lang),
                    )
                })
                .collect();
            let budget = format_money(plan.budget.total, &plan.currency, lang);
            let channels: Vec<_> = plan.channels.iter().map(|c| c.channel.clone()).collect();
            let channels = if channels.is_empty() {
                T::SummaryNone.get(lang).to_string()
            } else {
                crate::i18n::sentences::channel_list(&channels, lang)
            };
            let goal = crate::i18n::sentences::goal_summary(&plan.goal, lang, T::SummaryNone);
            let tasks = T::TasksCount.fill(lang, &[("count", &plan.tasks.len().to_string())]);
            Some((goal, period, channels, kpis, budget, tasks))
        })
    };
    view! {
        <section class="summary" aria-labelledby="summary-title">
            <h2 id="summary-title">{ctx.t(T::ApprovalSummary)}</h2>
            {move || {
                summary()
                    .map(|(goal, period, channels, kpis, budget, tasks)| {
                        view! {
                            <dl class="summary-list">
                                <dt>{ctx.t(T::SummaryGoal)}</dt>
                                <dd>{goal}</dd>
                                <dt>{ctx.t(T::SummaryPeriod)}</dt>
                                <dd>{period}</dd>
                                <dt>{ctx.t(T::SummaryChannels)}</dt>
                                <dd>{channels}</dd>
                                <dt>{ctx.t(T::SummaryBudget)}</dt>
                                <dd>{budget}</dd>
                                <dt>{ctx.t(T::SummaryTasks)}</dt>
                                <dd>{tasks}</dd>
                            </dl>
                            <div class="table-scroll" tabindex="0">
                                <table class="data-table">
                                    <caption>{ctx.t(T::SummaryKpis)}</caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">{ctx.t(T::KpiColName)}</th>
                                            <th scope="col">{ctx.t(T::KpiColBaseline)}</th>
                                            <th scope="col">{ctx.t(T::KpiColTarget)}</th>
                                            <th scope="col">{ctx.t(T::KpiColDeadline)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {kpis
                                            .into_iter()
                                            .map(|(name, baseline, target, deadline)| {
                                                view! {
                                                    <tr>
                                                        <td>{name}</td>
                                                        <td>{baseline}</td>
                                                        <td>{target}</td>
                                                        <td>{deadline}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }
                    })
            }}
        </section>
    }
}

/// The approval step.
#[component]
pub fn ApprovalStep() -> impl IntoView {
    let ctx = use_ctx();
    let status = plan_memo(|p| p.status);
    let fingerprint = plan_memo(approval::fingerprint);
    let matches = plan_memo(approval::matches_approval);
    let history = plan_memo(|p| p.approvals.clone());
    let typed = RwSignal::new(String::new());
    // On a shared plan the name is the one the team server gives this person's token: a
    // decision recorded in the team's plan names who really made it.
    let member = move || ctx.team.with(|t| t.as_ref().and_then(|t| t.me.clone()));
    let who = Signal::derive(move || member().unwrap_or_else(|| typed.get()));
    let comment = RwSignal::new(String::new());
    let decision = RwSignal::new(Decision::Approved);

    let act = move || Act {
        id: new_id(),
        by: "",
        comment: "",
        date: today(),
    };
    let submit = move |_| {
        let by = who.get_untracked();
        act_on_plan(
            ctx,
            |p| approval::submit(p, Act { by: &by, ..act() }),
            |_| {
                ctx.tell(T::ApprovalSubmitted, &[]);
                // The next name asked for is the approver's, someone else's.
                typed.set(String::new());
            },
        );
    };
    // Set while the approver is asked whether to approve their own submission.
    let own = RwSignal::new(false);
    let record_now = move || {
        own.set(false);
        let by = who.get_untracked();
        let note = comment.get_untracked();
        let chosen = decision.get_untracked();
        act_on_plan(
            ctx,
            |p| {
                approval::decide(
                    p,
                    chosen,
                    Act {
                        by: &by,
                        comment: &note,
                        ..act()
                    },
                )
            },
            |_| {
                let label = decision_label(chosen).get(ctx.lang.get_untracked());
                ctx.tell(T::ApprovalRecorded, &[("decision", label)]);
                comment.set(String::new());
                typed.set(String::new());
            },
        );
    };
    let record = move |_| {
        let by = who.get_untracked();
        let own_submission = ctx
            .plan
            .with_untracked(|p| p.as_ref().is_some_and(|p| approval::own_submission(p, &by)));
        if decision.get_untracked() == Decision::Approved && own_submission {
            own.set(true);
        } else {
            record_now();
        }
    };
    let reopen = move |_| {
        let by = who.get_untracked();
        act_on_plan(
            ctx,
            |p| approval::reopen(p, Act { by: &by, ..act() }),
            |p| {
                ctx.tell(
                    T::ApprovalReopened,
                    &[("revision", &p.baseline_revision.to_string())],
                );
                typed.set(String::new());
            },
        );
    };

    let who_field = move |label: T| {
        view! {
            <div class="field">
                <label for="approval-who">{ctx.t(label)}</label>
                <input
                    id="approval-who"
                    type="text"
                    prop:value=move || who.get()
                    readonly=move || member().is_some()
                    on:input=move |ev| {
                        typed.set(event_target_value(&ev));
                        own.set(false);
                    }
                />
            </div>
        }
    };
    let actions = move || {
        match status.get() {
        PlanStatus::Draft => view! {
            <section class="approval-action">
                {who_field(T::ApprovalSubmittedBy)}
                <button class="primary" on:click=submit>{ctx.t(T::ApprovalSubmit)}</button>
            </section>
        }
        .into_any(),
        PlanStatus::InReview => view! {
            <section class="approval-action">
                {who_field(T::ApprovalApprover)}
                <div class="field">
                    <label for="approval-decision">{ctx.t(T::ApprovalDecision)}</label>
                    <select
                        id="approval-decision"
                        on:change=move |ev| {
                            decision
                                .set(
                                    match event_target_value(&ev).as_str() {
                                        "changes" => Decision::ChangesRequested,
                                        "rejected" => Decision::Rejected,
                                        _ => Decision::Approved,
                                    },
                                )
                        }
                    >
                        <option value="approved" prop:selected=move || decision.get() == Decision::Approved>
                            {ctx.t(T::DecisionApproved)}
                        </option>
                        <option value="changes" prop:selected=move || decision.get() == Decision::ChangesRequested>
                            {ctx.t(T::DecisionChangesRequested)}
                        </option>
                        <option value="rejected" prop:selected=move || decision.get() == Decision::Rejected>
                            {ctx.t(T::DecisionRejected)}
                        </option>
                    </select>
                </div>
                <div class="field">
                    <label for="approval-comment">{ctx.t(T::ApprovalComment)}</label>
                    <textarea
                        id="approval-comment"
                        rows="3"
                        prop:value=move || comment.get()
                        on:input=move |ev| comment.set(event_target_value(&ev))
                    ></textarea>
                </div>
                <Show
                    when=move || own.get()
                    fallback=move || view! {
                        <button class="primary" on:click=record>{ctx.t(T::ApprovalRecord)}</button>
                    }
                >
                    <div id="approval-own" class="conflict" role="alertdialog" aria-labelledby="approval-own-text">
                        <p id="approval-own-text">
                            {move || T::ApprovalOwnSubmission.fill(ctx.lang.get(), &[("name", who.get().trim())])}
                        </p>
                        <div class="toolbar">
                            <button class="primary" on:click=move |_| record_now()>{ctx.t(T::ApprovalApproveAnyway)}</button>
                            <button on:click=move |_| own.set(false)>{ctx.t(T::Cancel)}</button>
                        </div>
                    </div>
                </Show>
            </section>
        }
        .into_any(),
        _ => view! {
            <section class="approval-action">
                <p>{ctx.t(T::ApprovalLocked)}</p>
                {who_field(T::ApprovalReopenedBy)}
                <button on:click=reopen>{ctx.t(T::ApprovalReopen)}</button>
            </section>
        }
        .into_any(),
    }
    };

    view! {
        <p class="hint">{ctx.t(T::ApprovalHowTo)}</p>
        <p class="fingerprint">
            <strong>{ctx.t(T::ApprovalFingerprint)} ": "</strong>
            <code>{fingerprint}</code>
            " — "
            <span data-testid="fingerprint-status">
                {move || {
                    let key = match matches.get() {
                        Some(true) => T::ApprovalMatches,
                        Some(false) => T::ApprovalChanged,
                        None => T::ApprovalNotYet,
                    };
                    ctx.t(key)()
                }}
            </span>
        </p>
        <Summary />
        {actions}
        <section class="approval-history" aria-labelledby="history-title">
            <h2 id="history-title">{ctx.t(T::ApprovalHistory)}</h2>
            <Show
                when=move || history.with(|h| !h.is_empty())
                fallback=move || view! { <p class="hint">{ctx.t(T::ApprovalNoHistory)}</p> }
            >
                <div class="table-scroll" tabindex="0">
                    <table class="data-table">
                        <thead>
                            <tr>
                                <th scope="col">{ctx.t(T::ApprovalDate)}</th>
                                <th scope="col">{ctx.t(T::ApprovalDecision)}</th>
                                <th scope="col">{ctx.t(T::ApprovalApprover)}</th>
                                <th scope="col">{ctx.t(T::ApprovalComment)}</th>
                                <th scope="col">{ctx.t(T::ApprovalRevision)}</th>
                                <th scope="col">{ctx.t(T::ApprovalFingerprint)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || history.get() key=|a| a.id.clone() let:entry>
                                <tr>
                                    <td>{move || format_date(entry.date, ctx.lang.get(), DateStyle::Short)}</td>
                                    <td>{ctx.t(decision_label(entry.decision))}</td>
                                    <td>{entry.by.clone()}</td>
                                    <td>{entry.comment.clone()}</td>
                                    <td>{entry.revision + 1}</td>
                                    <td><code>{entry.fingerprint.clone()}</code></td>
                                </tr>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}
