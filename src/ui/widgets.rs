//! Small pieces used on several pages: the notice area, the save status, status labels.

use crate::ui::control::Show;
use leptos::prelude::*;

use crate::domain::history::merge::Prefer;

use super::use_ctx;
use crate::domain::model::plan::PlanStatus;
use crate::i18n::T;

/// The label of a plan status.
pub fn status_label(status: PlanStatus) -> T {
    match status {
        PlanStatus::Draft => T::StatusDraft,
        PlanStatus::InReview => T::StatusInReview,
        PlanStatus::Approved => T::StatusApproved,
        PlanStatus::Running => T::StatusRunning,
        PlanStatus::Completed => T::StatusCompleted,
    }
}

/// Where confirmations and problems appear. Problems are announced at once (`role="alert"`),
/// confirmations politely (`role="status"`).
#[component]
pub fn NoticeArea() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="notice-area">
            {move || {
                ctx.notice
                    .get()
                    .map(|notice| {
                        let undo = notice.undo.clone().map(|key| {
                            view! {
                                <button on:click=move |_| {
                                    ctx.notice.set(None);
                                    super::plans::act(ctx, super::engine::PlansAction::Restore(key.clone()));
                                }>{ctx.t(T::Undo)}</button>
                            }
                        });
                        view! {
                            <div
                                class="notice"
                                class:error=notice.error
                                role=if notice.error { "alert" } else { "status" }
                            >
                                <p>{move || (notice.message)(ctx.lang.get())}</p>
                                {undo}
                                <button class="dismiss" on:click=move |_| ctx.notice.set(None)>
                                    {ctx.t(T::Dismiss)}
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

/// The save status of the open plan, with an export button when saving failed.
#[component]
pub fn SaveStatus() -> impl IntoView {
    let ctx = use_ctx();
    // Only the open plan's id decides the status's buttons: read through the whole plan, every
    // keystroke rebuilt the status, re-setting its buttons' attributes and its live region's
    // role and text.
    let open_id = Memo::new(move |_| ctx.plan.with(|p| p.as_ref().map(|p| p.id.clone())));
    view! {
        {move || {
            open_id
                .get()
                .map(|id| {
                    let failed = move || {
                        matches!(ctx.save.get(), super::SaveState::Failed(_) | super::SaveState::Conflict)
                    };
                    view! {
                        <div class="save-status" class:failed=failed>
                            <span class="visually-hidden">{ctx.t(T::SaveLabel)} ": "</span>
                            <span role="status" aria-live="polite">
                                {move || ctx.save.get().describe(ctx.lang.get())}
                            </span>
                            <button
                                class="history"
                                on:click=move |_| ctx.undo()
                                disabled=move || !ctx.can_undo_redo.get().0
                                aria-keyshortcuts="Control+Z"
                                title=move || ctx.t(T::UndoHint)()
                            >
                                <span class="icon" aria-hidden="true">"↶"</span>
                                <span class="button-label">{ctx.t(T::UndoEdit)}</span>
                            </button>
                            <button
                                class="history"
                                on:click=move |_| ctx.redo()
                                disabled=move || !ctx.can_undo_redo.get().1
                                aria-keyshortcuts="Control+Shift+Z Control+Y"
                                title=move || ctx.t(T::RedoHint)()
                            >
                                <span class="icon" aria-hidden="true">"↷"</span>
                                <span class="button-label">{ctx.t(T::RedoEdit)}</span>
                            </button>
                            <button
                                on:click=move |_| super::plans::act(ctx, super::engine::PlansAction::Export(id.clone()))
                                title=move || ctx.t(T::ExportPlan)()
                            >
                                <span class="icon" aria-hidden="true">"⤓"</span>
                                <span class="button-label">{ctx.t(T::ExportPlan)}</span>
                            </button>
                        </div>
                    }
                })
        }}
    }
}

/// Shown when another tab saved the open plan while this tab had unsaved edits: the user
/// chooses, and nothing is overwritten before that.
#[component]
pub fn TabConflict() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <Show when=move || ctx.save.get() == super::SaveState::Conflict>
            <section class="conflict tab-conflict" role="alertdialog" aria-labelledby="tab-conflict-title">
                <h2 id="tab-conflict-title">{ctx.t(T::ConflictTitle)}</h2>
                <p>{ctx.t(T::ConflictBody)}</p>
                {move || {
                    let fields = ctx.conflict_fields.get();
                    let named: Vec<String> = fields.into_iter().filter(|f| !f.is_empty()).collect();
                    (!named.is_empty()).then(|| {
                        let list = named.join(", ");
                        view! {
                            <p id="tab-conflict-fields">
                                {move || T::ConflictFields.fill(ctx.lang.get(), &[("fields", &list)])}
                            </p>
                        }
                    })
                }}
                <div class="toolbar">
                    <button on:click=move |_| ctx.resolve_conflict(Prefer::Theirs)>{ctx.t(T::ConflictTheirs)}</button>
                    <button on:click=move |_| ctx.resolve_conflict(Prefer::Mine)>{ctx.t(T::ConflictMine)}</button>
                    <button class="primary" on:click=move |_| ctx.save_mine_as_copy()>
                        {ctx.t(T::ConflictCopy)}
                    </button>
                </div>
            </section>
        </Show>
    }
}
