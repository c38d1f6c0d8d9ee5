//! Step 9, the action plan: tasks with owner, dates, channel, dependencies and status; a
//! timeline of plain HTML bars; schedule conflicts beside each task and in a summary. The
//! checks and the geometry are in [`crate::domain::planning::schedule`].

use crate::ui::control::{For, Show};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::model::plan::{Plan, Task, TaskStatus};
use crate::domain::planning::schedule::{
    bar, campaign_window, conflicts, marker, timeline_window, Conflict,
};
use crate::i18n::format::{format_date, DateStyle};
use crate::i18n::{Lang, T};
use crate::ui::form::{
    field_id, toggle_id, CheckList, ChoiceField, DateField, SelectField, TextField,
};
use crate::ui::items::{
    find, ids, optional_channels, or_untitled, plan_text, read, remover, reorder_controls, write,
    RemoveButton, ReorderRow,
};
use crate::ui::{new_id, today, use_ctx};

/// The label and CSS class of a status; the class draws a pattern, so bars differ without
/// colour.
pub(crate) fn status_text(status: TaskStatus) -> (T, &'static str) {
    match status {
        TaskStatus::Todo => (T::TaskTodo, "todo"),
        TaskStatus::Doing => (T::TaskDoing, "doing"),
        TaskStatus::Blocked => (T::TaskBlocked, "blocked"),
        TaskStatus::Done => (T::TaskDone, "done"),
    }
}

/// A task's title as shown, "Untitled task" when blank.
pub(crate) fn title(plan: &Plan, id: &str, lang: Lang) -> String {
    let text = find::<Task>(plan, id).map_or("", |t| t.title.as_str());
    or_untitled(text, T::TaskUntitled, lang)
}

/// A conflict in words.
pub(crate) fn conflict_text(conflict: &Conflict, plan: &Plan, lang: Lang) -> String {
    let date = |d| format_date(d, lang, DateStyle::Short);
    match conflict {
        Conflict::EndsBeforeStart { task } => {
            T::ConflictEndsBeforeStart.fill(lang, &[("task", &title(plan, task, lang))])
        }
        Conflict::StartsBeforeDependencyEnds { task, dependency } => T::ConflictBeforeDependency
            .fill(
                lang,
                &[
                    ("task", &title(plan, task, lang)),
                    ("dependency", &title(plan, dependency, lang)),
                ],
            ),
        Conflict::OutsideCampaign { task } => {
            let (start, end) = campaign_window(plan)
                .map(|w| (date(w.start), date(w.end)))
                .unwrap_or_default();
            T::ConflictOutside.fill(
                lang,
                &[
                    ("task", &title(plan, task, lang)),
                    ("start", &start),
                    ("end", &end),
                ],
            )
        }
        Conflict::DependencyCycle { tasks } => {
            let names: Vec<String> = tasks.iter().map(|t| title(plan, t, lang)).collect();
            T::ConflictCycle.fill(lang, &[("tasks", &names.join(" → "))])
        }
    }
}

/// The conflicts in words: all of them, or those of one task.
fn conflict_texts(plan: &Plan, lang: Lang, task: Option<&str>) -> Vec<String> {
    conflicts(plan)
        .iter()
        .filter(|c| task.is_none_or(|t| c.involves(t)))
        .map(|c| conflict_text(c, plan, lang))
        .collect()
}

/// Moves the keyboard focus to a task's title field (the timeline's bars lead there).
fn focus_task(id: &str) {
    let field = document()
        .get_element_by_id(&format!("task-{id}-title"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(field) = field {
        let _ = field.focus();
    }
}

/// The action-plan step.
#[component]
pub fn ActionsStep() -> impl IntoView {
    let ctx = use_ctx();
    let tasks = ids::<Task>(ctx);
    let add = move |_| {
        ctx.edit(|p| {
            p.tasks.push(Task {
                id: new_id(),
                ..Task::default()
            })
        })
    };
    // A memo: the summary is drawn again only when its texts change, not on every keystroke.
    let all_conflicts = {
        let texts = plan_text(ctx, |p, lang| conflict_texts(p, lang, None));
        Memo::new(move |_| texts())
    };
    let summary = move || {
        let texts = all_conflicts.get();
        let lang = ctx.lang.get();
        if texts.is_empty() {
            return view! { <p class="ok">{T::ConflictsNone.get(lang)}</p> }.into_any();
        }
        view! {
            <ul class="conflicts">
                {texts.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="wizard actions">
            <section id="timeline" class="timeline" aria-labelledby="timeline-title">
                <h2 id="timeline-title">{ctx.t(T::TimelineTitle)}</h2>
                <Timeline />
            </section>
            <section id="schedule-conflicts" aria-labelledby="conflicts-title" role="status">
                <h2 id="conflicts-title">{ctx.t(T::ConflictsTitle)}</h2>
                {summary}
            </section>
            <Show when=move || tasks.with(Vec::is_empty)>
                <p class="empty-hint">{ctx.t(T::TaskEmpty)}</p>
            </Show>
            <div class="cards">
                <For each=move || tasks.get() key=|id| id.clone() let(id)>
                    <TaskCard id />
                </For>
            </div>
            <button id="task-add" type="button" class="primary" on:click=add>
                {ctx.t(T::TaskAdd)}
            </button>
        </section>
    }
}

/// One row of the timeline, computed from the plan; its `Debug` text is its key in the list.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    id: String,
    title: String,
    owner: String,
    status: TaskStatus,
    dates: String,
    bar: Option<crate::domain::planning::schedule::Bar>,
    /// Dated and in order, but wholly outside the window (so without a bar).
    outside: bool,
    conflict: bool,
}

/// The timeline: a row per task with a bar placed by percentage of the window, and a line for
/// today. Each bar is a button that leads to its task's fields.
///
/// What it shows is read into two memos of values, so a keystroke elsewhere in the plan draws
/// nothing here, and the rows are a keyed list, so a keystroke in a task's title draws that
/// task's row again, not every row (it drew all of them: 450 DOM changes a keystroke with 30
/// tasks).
#[component]
fn Timeline() -> impl IntoView {
    let ctx = use_ctx();
    let today = today();
    let frame = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.plan.with(|p| {
            let p = p.as_ref()?;
            let window = timeline_window(p)?;
            let caption = if campaign_window(p).is_some() {
                T::TimelineCampaign
            } else {
                T::TimelineTasksSpan
            };
            let date = |d| format_date(d, lang, DateStyle::Short);
            let caption = caption.fill(
                lang,
                &[("start", &date(window.start)), ("end", &date(window.end))],
            );
            Some((lang, caption, window))
        })
    });
    let rows = Memo::new(move |_| {
        let lang = ctx.lang.get();
        let date = move |d| format_date(d, lang, DateStyle::Short);
        ctx.plan.with(|p| {
            let Some((p, window)) = p.as_ref().and_then(|p| Some((p, timeline_window(p)?))) else {
                return Vec::new();
            };
            let found = conflicts(p);
            p.tasks
                .iter()
                .map(|t| Row {
                    id: t.id.clone(),
                    title: or_untitled(&t.title, T::TaskUntitled, lang),
                    owner: t.owner.trim().to_string(),
                    status: t.status,
                    dates: match (t.start, t.end) {
                        (None, None) => T::TimelineNoDates.get(lang).to_string(),
                        (s, e) => format!(
                            "{} – {}",
                            s.map(date).unwrap_or_default(),
                            e.map(date).unwrap_or_default()
                        ),
                    },
                    bar: bar(window, t.start, t.end),
                    outside: bar(window, t.start, t.end).is_none()
                        && (t.start.is_some() || t.end.is_some())
                        && !matches!((t.start, t.end), (Some(s), Some(e)) if e < s),
                    conflict: found.iter().any(|c| c.involves(&t.id)),
                })
                .collect::<Vec<Row>>()
        })
    });
    move || {
        let Some((lang, caption, window)) = frame.get() else {
            let lang = ctx.lang.get();
            return view! { <p class="empty-hint">{T::TimelineEmpty.get(lang)}</p> }.into_any();
        };
        let date = move |d| format_date(d, lang, DateStyle::Short);
        let today_at = marker(window, today);
        let axis_today = today_at.map(|x| {
            view! {
                <span class="gantt-today-label" style=format!("left: {x:.3}%")>
                    {T::TimelineToday.get(lang)} " · " {date(today)}
                </span>
            }
        });
        view! {
            <p class="muted">{caption} " " {T::TimelineHint.get(lang)}</p>
            <div class="gantt-axis" aria-hidden="true">
                <span></span>
                <span class="gantt-track">
                    <span class="gantt-start">{date(window.start)}</span>
                    {axis_today}
                    <span class="gantt-end">{date(window.end)}</span>
                </span>
            </div>
            <ol class="gantt">
                <For each=move || rows.get() key=|row: &Row| row.clone() let:row>
                    {timeline_row(row, lang, today_at)}
                </For>
            </ol>
        }
        .into_any()
    }
}

/// One task's row of the timeline: its label, and its bar (or its dates when it has none).
fn timeline_row(row: Row, lang: Lang, today_at: Option<f64>) -> AnyView {
    let (status_key, status_class) = status_text(row.status);
    let status = status_key.get(lang);
    let mark = row.conflict.then(|| {
        view! { <span class="conflict-mark">"⚠ " {T::ConflictMark.get(lang)}</span> }
    });
    let bar_view = match row.bar {
        Some(b) => {
            let class = format!(
                "gantt-bar {status_class}{}{}{}",
                if row.conflict { " conflict" } else { "" },
                if b.cut_start { " cut-start" } else { "" },
                if b.cut_end { " cut-end" } else { "" },
            );
            let style = format!("left: {:.3}%; width: {:.3}%", b.left, b.width);
            let id = row.id.clone();
            view! {
                <button type="button" class=class style=style on:click=move |_| focus_task(&id)>
                    <span class="gantt-bar-text">
                        {row.title.clone()} ", " {row.dates.clone()} ", " {status}
                    </span>
                </button>
            }
            .into_any()
        }
        None => {
            let outside = row
                .outside
                .then(|| format!(" · {}", T::TimelineOutside.get(lang)));
            view! { <span class="gantt-none">{row.dates.clone()} {outside}</span> }.into_any()
        }
    };
    let today_line = today_at.map(|x| {
        view! { <span class="gantt-today" style=format!("left: {x:.3}%") aria-hidden="true"></span> }
    });
    view! {
        <li class="gantt-row">
            <span class="gantt-label">
                <strong>{row.title}</strong>
                <small>
                    {(!row.owner.is_empty()).then(|| format!("{} · ", row.owner))}
                    {row.dates}
                    " · "
                    {status}
                </small>
                {mark}
            </span>
            <span class="gantt-track">{today_line} {bar_view}</span>
        </li>
    }
    .into_any()
}

/// One task's fields, its conflicts, and its removal.
#[component]
fn TaskCard(id: String) -> impl IntoView {
    let ctx = use_ctx();
    let prefix = format!("task-{id}");
    let f = move |key: &str| field_id(&prefix, key);
    let heading = {
        let id = id.clone();
        Signal::derive(plan_text(ctx, move |p, lang| title(p, &id, lang)))
    };
    let own_conflicts = {
        let id = id.clone();
        let texts = plan_text(ctx, move |p, lang| conflict_texts(p, lang, Some(&id)));
        let texts = Memo::new(move |_| texts());
        move || {
            let texts = texts.get();
            (!texts.is_empty()).then(|| {
                view! {
                    <ul class="conflicts">
                        {texts
                            .into_iter()
                            .map(|t| view! { <li>"⚠ " {t}</li> })
                            .collect_view()}
                    </ul>
                }
            })
        }
    };
    let other_tasks = {
        let id = id.clone();
        move |p: &Plan, lang: Lang| {
            p.tasks
                .iter()
                .filter(|t| t.id != id)
                .map(|t| (t.id.clone(), or_untitled(&t.title, T::TaskUntitled, lang)))
                .collect()
        }
    };
    let statuses = [
        TaskStatus::Todo,
        TaskStatus::Doing,
        TaskStatus::Blocked,
        TaskStatus::Done,
    ]
    .into_iter()
    .map(|s| (s, status_text(s).0))
    .collect();
    let remove_name = {
        let id = id.clone();
        move |p: &Plan, lang: Lang| title(p, &id, lang)
    };
    let reorder = reorder_controls::<Task>("task", &id, heading);
    view! {
        <ReorderRow list="task" key=id.clone()>
        <article class="card task" id=f("card")>
            <div class="card-head">
                <h2>{heading}</h2>
                {reorder}
            </div>
            {own_conflicts}
            <div class="grid-3">
                <TextField
                    id=f("title")
                    label=T::TaskTitle
                    get=read(&id, |t: &Task| t.title.clone())
                    set=write(&id, |t: &mut Task, v| t.title = v)
                />
                <TextField
                    id=f("owner")
                    label=T::TaskOwner
                    get=read(&id, |t: &Task| t.owner.clone())
                    set=write(&id, |t: &mut Task, v| t.owner = v)
                />
                <ChoiceField
                    id=f("channel")
                    label=T::FieldChannel
                    options=optional_channels
                    get=read(&id, |t: &Task| t.channel.clone())
                    set=write(&id, |t: &mut Task, v| t.channel = v)
                />
                <DateField
                    id=f("start")
                    label=T::TaskStart
                    get=read(&id, |t: &Task| t.start)
                    set=write(&id, |t: &mut Task, v| t.start = v)
                />
                <DateField
                    id=f("end")
                    label=T::TaskEnd
                    get=read(&id, |t: &Task| t.end)
                    set=write(&id, |t: &mut Task, v| t.end = v)
                />
                <SelectField
                    id=f("status")
                    label=T::TaskStatusLabel
                    options=statuses
                    get=read(&id, |t: &Task| t.status)
                    set=write(&id, |t: &mut Task, v| t.status = v)
                />
            </div>
            <CheckList
                id=f("dep")
                legend=T::TaskDependsOn
                empty=T::TaskDependsEmpty
                options=other_tasks
                get=read(&id, |t: &Task| t.depends_on.clone())
                set=write(&id, |t: &mut Task, (dep, on)| toggle_id(&mut t.depends_on, dep, on))
            />
            <RemoveButton label=T::TaskRemove name=remove_name remove={remover::<Task>(&id)} />
        </article>
        </ReorderRow>
    }
}
