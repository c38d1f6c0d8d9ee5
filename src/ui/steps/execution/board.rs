//! Phase 2, the execution board: the action plan's tasks and the workstreams' checklist items
//! as cards in columns by status, moved by dragging (mouse, finger or pen) or with the move
//! buttons on each card, filtered by workstream, owner or "my tasks"; below, each workstream of
//! the seed's second flowchart with its roll-up and its suggested checklist. The logic is in
//! [`crate::domain::execution::board`].

use leptos::prelude::*;

use crate::domain::execution::board::{
    add_suggestions, card, columns, drop_card, move_in_column, neighbour_status, overall_progress,
    owners, set_status, workstream_progress, BoardFilter, Card, CardKind, Progress, STATUSES,
    WORKSTREAMS,
};
use crate::domain::model::plan::{ExecutionItem, Plan, TaskStatus, Workstream};
use crate::domain::model::workflow::Step;
use crate::i18n::format::{format_date, format_percent, DateStyle};
use crate::i18n::sentences::channel_name;
use crate::i18n::{Lang, T};
use crate::ui::control::For;
use crate::ui::drag::{is_dragged, is_target, is_zone_target, DragHandle, Over};
use crate::ui::form::{field_id, focus_later, plan_memo, DateField, TextField};
use crate::ui::items::{or_untitled, read, remover, write, RemoveButton};
use crate::ui::route::Route;
use crate::ui::steps::planning::actions::status_text;
use crate::ui::{new_id, today, use_ctx, Ctx};

/// The drag list of the board's cards.
const BOARD: &str = "board";

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

/// The drag key of a card: its kind and id.
fn card_key(kind: CardKind, id: &str) -> String {
    format!("{}:{id}", kind.as_str())
}

/// The kind and id of a drag key.
fn parse_key(key: &str) -> Option<(CardKind, &str)> {
    let (kind, id) = key.split_once(':')?;
    let kind = match kind {
        "task" => CardKind::Task,
        "item" => CardKind::Item,
        _ => return None,
    };
    Some((kind, id))
}

/// The filters of the board, kept while the page is open (the user's name on the device).
#[derive(Clone, Copy)]
struct Filters {
    workstream: RwSignal<Option<Workstream>>,
    owner: RwSignal<Option<String>>,
    mine: RwSignal<bool>,
    me: RwSignal<String>,
}

impl Filters {
    fn current(self) -> BoardFilter {
        let owner = if self.mine.get() {
            Some(self.me.get())
        } else {
            self.owner.get()
        };
        BoardFilter {
            workstream: self.workstream.get(),
            owner,
        }
    }
}

/// The execution board.
#[component]
pub fn BoardStep() -> impl IntoView {
    let ctx = use_ctx();
    let overall = plan_memo(overall_progress);
    let filters = Filters {
        workstream: RwSignal::new(None),
        owner: RwSignal::new(None),
        mine: RwSignal::new(false),
        me: RwSignal::new(crate::storage::load_settings().my_name.unwrap_or_default()),
    };
    let day = today();
    // Which cards each column shows, by key: a card's own facts are read by the card, so typing
    // in a card's field redraws nothing else (and keeps the focus).
    let shown = Memo::new(move |_| {
        let filter = filters.current();
        ctx.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    columns(p, &filter, day)
                        .into_iter()
                        .map(|(_, cards)| cards.iter().map(|c| card_key(c.kind, &c.id)).collect())
                        .collect::<Vec<Vec<String>>>()
                })
                .unwrap_or_default()
        })
    });
    let count = move || {
        let n: usize = shown.with(|c| c.iter().map(Vec::len).sum());
        T::BoardShown.fill(ctx.lang.get(), &[("n", &n.to_string())])
    };
    let panels = WORKSTREAMS
        .into_iter()
        .map(|ws| view! { <WorkstreamRow ws filters /> })
        .collect_view();
    let board_columns = STATUSES
        .into_iter()
        .enumerate()
        .map(|(at, status)| {
            let keys = Memo::new(move |_| shown.with(|c| c.get(at).cloned().unwrap_or_default()));
            view! { <Column status keys filters /> }
        })
        .collect_view();
    view! {
        <section class="wizard board">
            <div class="board-overall" role="status">
                <h2>{ctx.t(T::BoardOverall)}</h2>
                {rollup("board-overall".to_string(), overall)}
            </div>
            <FilterBar filters />
            <p class="board-count" id="board-count" aria-live="polite">{count}</p>
            <div class="board-columns">{board_columns}</div>
            <section class="board-workstreams" aria-labelledby="board-ws-title">
                <h2 id="board-ws-title">{ctx.t(T::BoardWorkstreams)}</h2>
                <ul class="ws-list">{panels}</ul>
            </section>
        </section>
    }
}

/// The filters: workstream, owner, and "my tasks" with the user's name.
#[component]
fn FilterBar(filters: Filters) -> impl IntoView {
    let ctx = use_ctx();
    let owner_list = plan_memo(owners);
    let ws_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        filters
            .workstream
            .set(WORKSTREAMS.into_iter().find(|w| w.as_str() == value));
    };
    let owner_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        filters.owner.set((!value.is_empty()).then_some(value));
    };
    let me_change = move |ev: leptos::ev::Event| {
        let name = event_target_value(&ev).trim().to_string();
        filters.me.set(name.clone());
        let mut settings = crate::storage::load_settings();
        settings.my_name = (!name.is_empty()).then_some(name);
        // A preference: if it cannot be stored, the filter still works for this visit.
        let _ = crate::storage::save_settings(&settings);
    };
    let ws_options = move || {
        let lang = ctx.lang.get();
        let current = filters.workstream.get();
        WORKSTREAMS
            .into_iter()
            .map(|ws| {
                view! {
                    <option value=ws.as_str() selected=current == Some(ws)>
                        {ws.title().get(lang)}
                    </option>
                }
            })
            .collect_view()
    };
    let owner_options = move || {
        let current = filters.owner.get();
        owner_list
            .get()
            .into_iter()
            .map(|o| {
                let selected = current.as_deref() == Some(o.as_str());
                view! { <option value=o.clone() selected=selected>{o.clone()}</option> }
            })
            .collect_view()
    };
    let needs_name = move || filters.mine.get() && filters.me.with(|m| m.trim().is_empty());
    view! {
        <div class="board-filters">
            <div class="field">
                <label for="board-filter-ws">{ctx.t(T::BoardFilterWorkstream)}</label>
                <select id="board-filter-ws" on:change=ws_change>
                    <option value="" selected=move || filters.workstream.get().is_none()>
                        {ctx.t(T::BoardAll)}
                    </option>
                    {ws_options}
                </select>
            </div>
            <div class="field">
                <label for="board-filter-owner">{ctx.t(T::BoardFilterOwner)}</label>
                <select
                    id="board-filter-owner"
                    on:change=owner_change
                    prop:disabled=move || filters.mine.get()
                >
                    <option value="" selected=move || filters.owner.get().is_none()>
                        {ctx.t(T::BoardAll)}
                    </option>
                    {owner_options}
                </select>
            </div>
            <div class="check">
                <input
                    id="board-mine"
                    type="checkbox"
                    prop:checked=move || filters.mine.get()
                    on:change=move |ev| filters.mine.set(event_target_checked(&ev))
                />
                <label for="board-mine">{ctx.t(T::BoardMine)}</label>
            </div>
            <div class="field">
                <label for="board-me">{ctx.t(T::BoardMyName)}</label>
                <input
                    id="board-me"
                    type="text"
                    autocomplete="name"
                    prop:value=move || filters.me.get()
                    on:change=me_change
                />
            </div>
            <Show when=needs_name>
                <p class="field-hint" id="board-me-hint">{ctx.t(T::BoardMyNameNeeded)}</p>
            </Show>
        </div>
    }
}

/// The title of a status column.
fn status_title(status: TaskStatus) -> T {
    status_text(status).0
}

/// One status column, a drop zone for dragged cards.
#[component]
fn Column(status: TaskStatus, keys: Memo<Vec<String>>, filters: Filters) -> impl IntoView {
    let ctx = use_ctx();
    let (title, class) = status_text(status);
    let heading = format!("board-col-{class}-title");
    let labelled = heading.clone();
    let count = move || format!("({})", keys.with(Vec::len));
    let empty = move || keys.with(Vec::is_empty);
    let zone = class.to_string();
    let zone_active = {
        let zone = zone.clone();
        move || is_zone_target(ctx.drag, &zone)
    };
    view! {
        <section
            class=format!("board-col status-{class}")
            id=format!("board-col-{class}")
            aria-labelledby=labelled
            data-drag-list=BOARD
            data-drop-zone=zone
            class:drop-zone=zone_active
        >
            <h3 id=heading>
                {ctx.t(title)}
                " "
                <span class="count">{count}</span>
            </h3>
            <ul class="board-cards">
                <For each=move || keys.get() key=|k| k.clone() let(key)>
                    <BoardCard key filters />
                </For>
            </ul>
            <Show when=empty>
                <p class="empty-hint">{ctx.t(T::BoardColumnEmpty)}</p>
            </Show>
        </section>
    }
}

/// A card's name as shown.
fn card_name(card: &Card, lang: Lang) -> String {
    let untitled = match card.kind {
        CardKind::Task => T::TaskUntitled,
        CardKind::Item => T::BoardItemUntitled,
    };
    or_untitled(&card.title, untitled, lang)
}

/// Applies a drop on the board: the column let go over, next to the card let go over.
fn dropped(ctx: Ctx, key: String, over: Over) {
    let Some((kind, id)) = parse_key(&key) else {
        return;
    };
    let status = over
        .zone
        .as_deref()
        .and_then(|zone| STATUSES.into_iter().find(|s| status_text(*s).1 == zone));
    let near = over.key.as_ref().and_then(|(target, after)| {
        let (target_kind, target_id) = parse_key(target)?;
        (target_kind == kind).then(|| (target_id.to_string(), *after))
    });
    let id = id.to_string();
    ctx.edit(move |p| {
        drop_card(
            p,
            kind,
            &id,
            status,
            near.as_ref().map(|(t, a)| (t.as_str(), *a)),
        );
    });
}

/// One card: drag handle, title, facts, move buttons, and (for a checklist item) its fields.
/// It reads its own facts from the plan, so an edit redraws only what changed.
#[component]
fn BoardCard(key: String, filters: Filters) -> impl IntoView {
    let ctx = use_ctx();
    let Some((kind, id)) = parse_key(&key).map(|(k, id)| (k, id.to_string())) else {
        return ().into_any();
    };
    let day = today();
    let card = {
        let id = id.clone();
        Memo::new(move |_| {
            ctx.plan
                .with(|p| p.as_ref().and_then(|p| card(p, kind, &id, day)))
        })
    };
    let dom = format!("card-{}-{id}", kind.as_str());
    let name = Signal::derive(move || {
        let lang = ctx.lang.get();
        card.with(|c| c.as_ref().map(|c| card_name(c, lang)).unwrap_or_default())
    });
    let status = Signal::derive(move || {
        card.with(|c| c.as_ref().map(|c| c.status))
            .unwrap_or_default()
    });
    let kind_text = match kind {
        CardKind::Task => T::BoardKindTask,
        CardKind::Item => T::BoardKindItem,
    };
    let channel = move || {
        let lang = ctx.lang.get();
        card.with(|c| {
            let c = c.as_ref()?;
            c.channel
                .as_ref()
                .map(|ch| channel_name(ch, lang))
                .or_else(|| c.workstream.map(|w| w.title().get(lang).to_string()))
        })
        .map(|c| view! { <span class="tag channel">{c}</span> })
    };
    let owner = move || {
        let lang = ctx.lang.get();
        card.with(|c| match c.as_ref().map(|c| c.owner.trim()) {
            Some(o) if !o.is_empty() => o.to_string(),
            _ => T::BoardNoOwner.get(lang).to_string(),
        })
    };
    let due = move || {
        let lang = ctx.lang.get();
        card.with(|c| c.as_ref().and_then(|c| c.due))
            .map(|d| view! { <span class="due">{format_date(d, lang, DateStyle::Short)}</span> })
    };
    let overdue = move || card.with(|c| c.as_ref().is_some_and(|c| c.overdue));
    let move_button = |delta: isize, mark: &'static str, suffix: &'static str| {
        let id = id.clone();
        let button_id = format!("{dom}-{suffix}");
        let dom = dom.clone();
        let target = move || neighbour_status(status.get(), delta);
        let label = move || {
            let lang = ctx.lang.get();
            target().map(|t| {
                T::BoardMoveTo.fill(
                    lang,
                    &[("name", &name.get()), ("status", status_title(t).get(lang))],
                )
            })
        };
        let click = move |_| {
            let Some(to) = neighbour_status(status.get_untracked(), delta) else {
                return;
            };
            // The card is drawn again in its new column: the focus goes to the same button there,
            // or to the one pointing back when the card reached the board's edge.
            let focus = if neighbour_status(to, delta).is_some() {
                suffix
            } else if suffix == "right" {
                "left"
            } else {
                "right"
            };
            focus_later(format!("{dom}-{focus}"));
            let id = id.clone();
            ctx.edit(move |p| {
                set_status(p, kind, &id, to);
            });
            let lang = ctx.lang.get_untracked();
            ctx.tell(
                T::BoardMoved,
                &[
                    ("name", &name.get_untracked()),
                    ("status", status_title(to).get(lang)),
                ],
            );
        };
        view! {
            <Show when=move || target().is_some()>
                <button
                    type="button"
                    class="icon move"
                    id=button_id.clone()
                    aria-label=label
                    title=label
                    on:click=click.clone()
                >
                    <span aria-hidden="true">{mark}</span>
                </button>
            </Show>
        }
    };
    let order_button = |delta: isize, label: T, mark: &'static str, suffix: &'static str| {
        let id = id.clone();
        let text = move || label.fill(ctx.lang.get(), &[("name", &name.get())]);
        let target = format!("{dom}-{suffix}");
        let click = move |_| {
            focus_later(target.clone());
            let id = id.clone();
            let filter = filters.current();
            ctx.edit(move |p| {
                move_in_column(p, &filter, kind, &id, delta, today());
            });
        };
        view! {
            <button
                type="button"
                class="icon move"
                id=format!("{dom}-{suffix}")
                aria-label=text
                title=text
                on:click=click
            >
                <span aria-hidden="true">{mark}</span>
            </button>
        }
    };
    let on_drop = Callback::new(move |(key, over): (String, Over)| dropped(ctx, key, over));
    let handle_title = Signal::derive(move || T::DragToMove.get(ctx.lang.get()).to_string());
    let details = match kind {
        CardKind::Item => {
            let new =
                card.with_untracked(|c| c.as_ref().is_some_and(|c| c.title.trim().is_empty()));
            item_fields(id.clone(), new)
        }
        CardKind::Task => {
            let href = ctx.plan.with_untracked(|p| {
                p.as_ref().map(|p| {
                    Route::Step {
                        plan: Some(p.id.clone()),
                        step: Step::Actions,
                    }
                    .to_hash()
                })
            });
            view! {
                <a class="card-link" href=href.unwrap_or_default()>{ctx.t(T::BoardEditTask)}</a>
            }
            .into_any()
        }
    };
    let (k1, k2, k3, k4) = (key.clone(), key.clone(), key.clone(), key.clone());
    let left = move_button(-1, "◀", "left");
    let right = move_button(1, "▶", "right");
    let up = order_button(-1, T::MoveUp, "▲", "up");
    let down = order_button(1, T::MoveDown, "▼", "down");
    view! {
        <li
            class="board-card"
            class:overdue=overdue
            id=dom.clone()
            data-drag-list=BOARD
            data-drag-key=k4
            class:dragging=move || is_dragged(ctx.drag, &k1)
            class:drop-before=move || is_target(ctx.drag, &k2, false)
            class:drop-after=move || is_target(ctx.drag, &k3, true)
        >
            <div class="board-card-head">
                <DragHandle list=BOARD key state=ctx.drag on_drop title=handle_title />
                <p class="board-card-title" id=format!("{dom}-title")>{name}</p>
            </div>
            <p class="board-card-meta">
                <span class="tag">{ctx.t(kind_text)}</span>
                {channel}
                <span class="owner">{owner}</span>
                {due}
                <Show when=overdue>
                    <span class="status-mark blocked">{ctx.t(T::BoardOverdue)}</span>
                </Show>
            </p>
            <div class="board-card-foot">
                <div class="board-card-moves">{left} {up} {down} {right}</div>
                {details}
            </div>
        </li>
    }
    .into_any()
}

/// A checklist item's fields on its card, folded away unless the item is new.
fn item_fields(id: String, open: bool) -> AnyView {
    let ctx = use_ctx();
    let prefix = format!("exec-{id}");
    let f = move |key: &str| field_id(&prefix, key);
    let done = plan_memo(read(&id, |i: &ExecutionItem| i.status == TaskStatus::Done));
    let done_id = f("done");
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
    let name = {
        let id = id.clone();
        move |p: &Plan, lang| {
            let title = crate::ui::items::find::<ExecutionItem>(p, &id).map_or("", |i| &i.title);
            or_untitled(title, T::BoardItemUntitled, lang)
        }
    };
    view! {
        <div class="check done-box">
            <input id=done_id.clone() type="checkbox" prop:checked=move || done.get() on:change=toggle />
            <label for=done_id>{ctx.t(T::TaskDone)}</label>
        </div>
        <details class="card-edit" open=open>
            <summary>{ctx.t(T::BoardEdit)}</summary>
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
            <RemoveButton label=T::BoardItemRemove name remove={remover::<ExecutionItem>(&id)} />
        </details>
    }
    .into_any()
}

/// One workstream: its roll-up and the buttons that add its suggested checklist or an item.
/// DOM ids start with `ws-{workstream}`.
#[component]
fn WorkstreamRow(ws: Workstream, filters: Filters) -> impl IntoView {
    let ctx = use_ctx();
    let slug = ws.as_str();
    let prefix = format!("ws-{slug}");
    let progress = plan_memo(move |p| workstream_progress(p, ws));
    // What is added must show: a filter on another workstream or owner is lifted.
    let show_it = move || {
        if filters.workstream.get_untracked().is_some_and(|w| w != ws) {
            filters.workstream.set(None);
        }
        filters.owner.set(None);
    };
    let suggest = move |_| {
        show_it();
        let lang = ctx.lang.get_untracked();
        ctx.edit(move |p| {
            add_suggestions(p, ws, lang, new_id);
        });
    };
    let add = move |_| {
        show_it();
        let id = new_id();
        let owner = if filters.mine.get_untracked() {
            filters.me.get_untracked()
        } else {
            String::new()
        };
        focus_later(format!("exec-{id}-title"));
        ctx.edit(move |p| {
            p.execution.push(ExecutionItem {
                id,
                workstream: ws,
                title: String::new(),
                owner,
                due: None,
                status: TaskStatus::Todo,
            })
        });
    };
    let heading = format!("{prefix}-title");
    let suggest_label = move || {
        let lang = ctx.lang.get();
        format!(
            "{}: {}",
            T::BoardAddSuggested.get(lang),
            ws.title().get(lang)
        )
    };
    let add_label = move || {
        let lang = ctx.lang.get();
        format!("{}: {}", T::BoardAddItem.get(lang), ws.title().get(lang))
    };
    view! {
        <li class="workstream" id=prefix.clone()>
            <h3 id=heading>{ctx.t(ws.title())}</h3>
            {rollup(format!("{prefix}-progress"), progress)}
            <div class="button-row">
                <button id=format!("{prefix}-suggest") type="button" aria-label=suggest_label on:click=suggest>
                    {ctx.t(T::BoardAddSuggested)}
                </button>
                <button id=format!("{prefix}-add") type="button" aria-label=add_label on:click=add>
                    "+ "
                    {ctx.t(T::BoardAddItem)}
                </button>
            </div>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: a card's drag key reads back as its kind and id, and a key of another list is
    // no card (a stray drop does nothing).
    #[test]
    fn drag_keys_round_trip() {
        let key = card_key(CardKind::Item, "abc");
        assert_eq!(parse_key(&key), Some((CardKind::Item, "abc")));
        assert_eq!(parse_key("task:t1"), Some((CardKind::Task, "t1")));
        assert_eq!(parse_key("kpi:k1"), None);
        assert_eq!(parse_key("nothing"), None);
    }
}
