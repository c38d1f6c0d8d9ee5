//! Phase 2, the execution board: one panel per workstream of the seed's second flowchart, each
//! with its checklist (suggested good practice the user adopts and edits, plus their own
//! items), the action-plan tasks of its channels, and done / total roll-ups. The logic is in
//! [`crate::domain::execution::board`].

use crate::ui::control::For;
use leptos::prelude::*;

use crate::domain::execution::board::{
    add_suggestions, overall_progress, workstream_items, workstream_progress, workstream_tasks,
    Progress, STATUSES, WORKSTREAMS,
};
use crate::domain::model::plan::{ExecutionItem, TaskStatus, Workstream};
use crate::i18n::format::format_percent;
use crate::i18n::{Lang, T};
use crate::ui::form::{field_id, plan_memo, DateField, SelectField, TextField};
use crate::ui::items::{or_untitled, plan_text, read, remover, write, RemoveButton};
use crate::ui::steps::planning::actions::status_text;
use crate::ui::{new_id, use_ctx};

/// "3 of 8 done (37%)", or "No items yet".
fn progress_text(p: Progress, lang: Lang) -> String {
    match p.percent() {
        Some(percent) => T::BoardProgress.fill(
            lang,
            &[
                ("done", &p.done.to_string()),
                ("total", &p.total.to_string()),
                ("percent", &format_percent(percent as f64, 0, lang)),
            ],
        ),
        None => T::BoardNoItems.get(lang).to_string(),
    }
}

/// A roll-up line with a progress bar; `id` is the line's DOM id.
fn rollup(id: String, progress: Memo<Progress>) -> AnyView {
    let ctx = use_ctx();
    let text = move || progress_text(progress.get(), ctx.lang.get());
    let value = move || progress.get().done.to_string();
    let max = move || progress.get().total.max(1).to_string();
    view! {
        <p class="rollup">
            <span id=id>{text}</span>
            <progress value=value max=max aria-hidden="true"></progress>
        </p>
    }
    .into_any()
}

/// The execution board.
#[component]
pub fn BoardStep() -> impl IntoView {
    let ctx = use_ctx();
    let overall = plan_memo(overall_progress);
    let panels = WORKSTREAMS
        .into_iter()
        .map(|ws| view! { <WorkstreamPanel ws /> })
        .collect_view();
    view! {
        <section class="wizard board">
            <div class="board-overall" role="status">
                <h2>{ctx.t(T::BoardOverall)}</h2>
                {rollup("board-overall".to_string(), overall)}
            </div>
            {panels}
        </section>
    }
}

/// One workstream: roll-up, checklist, and the action-plan tasks of its channels. DOM ids
/// start with `ws-{workstream}`.
#[component]
fn WorkstreamPanel(ws: Workstream) -> impl IntoView {
    let ctx = use_ctx();
    let slug = ws.as_str();
    let prefix = format!("ws-{slug}");
    let progress = plan_memo(move |p| workstream_progress(p, ws));
    let items = plan_memo(move |p| {
        workstream_items(p, ws)
            .into_iter()
            .map(|i| i.id.clone())
            .collect::<Vec<_>>()
    });
    let tasks = plan_text(ctx, move |p, lang| {
        workstream_tasks(p, ws)
            .into_iter()
            .map(|t| {
                let (status, class) = status_text(t.status);
                (
                    t.id.clone(),
                    or_untitled(&t.title, T::TaskUntitled, lang),
                    status.get(lang),
                    class,
                )
            })
            .collect::<Vec<_>>()
    });
    let suggest = move |_| {
        let lang = ctx.lang.get_untracked();
        ctx.edit(move |p| {
            add_suggestions(p, ws, lang, new_id);
        });
    };
    let add = move |_| {
        let id = new_id();
        crate::ui::form::focus_later(format!("exec-{id}-title"));
        ctx.edit(move |p| {
            p.execution.push(ExecutionItem {
                id,
                workstream: ws,
                title: String::new(),
                owner: String::new(),
                due: None,
                status: TaskStatus::Todo,
            })
        });
    };
    let tasks_view = move || {
        let tasks = tasks();
        if tasks.is_empty() {
            return view! { <p class="empty-hint">{ctx.t(T::BoardNoTasks)}</p> }.into_any();
        }
        view! {
            <ul class="ws-tasks">
                {tasks
                    .into_iter()
                    .map(|(id, title, status, class)| {
                        view! {
                            <li id=format!("ws-task-{id}")>
                                {title} " — "
                                <span class=format!("status-mark {class}")>{status}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    let heading = format!("{prefix}-title");
    view! {
        <section class="workstream" id=prefix.clone() aria-labelledby=heading.clone()>
            <h2 id=heading.clone()>{ctx.t(ws.title())}</h2>
            {rollup(format!("{prefix}-progress"), progress)}
            <h3>{ctx.t(T::BoardChecklist)}</h3>
            <ul class="exec-items">
                <For each=move || items.get() key=|id| id.clone() let(id)>
                    <ExecRow id />
                </For>
            </ul>
            <div class="button-row">
                <button id=format!("{prefix}-suggest") type="button" on:click=suggest>
                    {ctx.t(T::BoardAddSuggested)}
                </button>
                <button id=format!("{prefix}-add") type="button" on:click=add>
                    "+ "
                    {ctx.t(T::BoardAddItem)}
                </button>
            </div>
            <h3>{ctx.t(T::BoardTasks)}</h3>
            {tasks_view}
        </section>
    }
}

/// One checklist item: a "done" box, title, owner, due date, status. DOM ids are
/// `exec-{id}-done`, `-title`, `-owner`, `-due`, `-status`.
#[component]
fn ExecRow(id: String) -> impl IntoView {
    let ctx = use_ctx();
    let prefix = format!("exec-{id}");
    let f = |key: &str| field_id(&prefix, key);
    let done = plan_memo(read(&id, |i: &ExecutionItem| i.status == TaskStatus::Done));
    let toggle = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            let set = write(&id, |i: &mut ExecutionItem, on: bool| {
                i.status = if on {
                    TaskStatus::Done
                } else {
                    TaskStatus::Todo
                };
            });
            ctx.edit(move |p| set(p, on));
        }
    };
    let status_class = plan_memo(read(&id, |i: &ExecutionItem| status_text(i.status).1));
    let done_id = f("done");
    let name = {
        let id = id.clone();
        move |p: &crate::domain::model::plan::Plan, lang| {
            let title = crate::ui::items::find::<ExecutionItem>(p, &id).map_or("", |i| &i.title);
            or_untitled(title, T::BoardItemUntitled, lang)
        }
    };
    view! {
        <li class=move || format!("exec-item {}", status_class.get()) id=f("row")>
            <div class="check done-box">
                <input id=done_id.clone() type="checkbox" prop:checked=move || done.get() on:change=toggle />
                <label for=done_id>{ctx.t(T::TaskDone)}</label>
            </div>
            <TextField
                id=f("title")
                label=T::BoardItemTitle
                get=read(&id, |i: &ExecutionItem| i.title.clone())
                set=write(&id, |i: &mut ExecutionItem, v| i.title = v)
            />
            <TextField
                id=f("owner")
                label=T::TaskOwner
                get=read(&id, |i: &ExecutionItem| i.owner.clone())
                set=write(&id, |i: &mut ExecutionItem, v| i.owner = v)
            />
            <DateField
                id=f("due")
                label=T::BoardDue
                get=read(&id, |i: &ExecutionItem| i.due)
                set=write(&id, |i: &mut ExecutionItem, v| i.due = v)
            />
            <SelectField
                id=f("status")
                label=T::TaskStatusLabel
                options=STATUSES.iter().map(|s| (*s, status_text(*s).0)).collect()
                get=read(&id, |i: &ExecutionItem| i.status)
                set=write(&id, |i: &mut ExecutionItem, v| i.status = v)
            />
            <RemoveButton label=T::BoardItemRemove name remove={remover::<ExecutionItem>(&id)} />
        </li>
    }
}
