//! Phase 2, the content calendar: content items (kind, channel, owner, publish date, status
//! from idea to published), shown in a month grid from Monday or as a list, filtered by channel
//! and status. The grid and filters are in [`crate::domain::execution::calendar`].

use crate::ui::control::{For, Show};
use leptos::prelude::*;

use crate::domain::execution::calendar::{
    filtered, kind_key, month_grid, on_day, status_key, ContentFilter, Month, KINDS, STATUSES,
};
use crate::domain::model::plan::{Channel, ContentItem, ContentStatus, Plan};
use crate::i18n::format::{format_date, DateStyle};
use crate::i18n::sentences::channel_name;
use crate::i18n::{Lang, T};
use crate::ui::form::{field_id, focus_later, ChoiceField, DateField, SelectField, TextField};
use crate::ui::items::{
    find, ids, optional_channels, or_untitled, read, remover, write, RemoveButton,
};
use crate::ui::{new_id, today, use_ctx};

/// The weekday headings, Monday first.
const WEEKDAYS: [T; 7] = [
    T::CalMon,
    T::CalTue,
    T::CalWed,
    T::CalThu,
    T::CalFri,
    T::CalSat,
    T::CalSun,
];

/// One item as the calendar shows it: id, title, and status text and class.
type Shown = (String, String, &'static str, &'static str);

fn shown(item: &ContentItem, lang: Lang) -> Shown {
    let (status, class) = status_key(item.status);
    (
        item.id.clone(),
        or_untitled(&item.title, T::CalUntitled, lang),
        status.get(lang),
        class,
    )
}

/// A button per item that leads to its fields; the status is written out, not coloured only.
fn item_buttons(items: Vec<Shown>) -> AnyView {
    items
        .into_iter()
        .map(|(id, title, status, class)| {
            let target = format!("content-{id}-title");
            view! {
                <li>
                    <button type="button" class=format!("cal-item {class}") on:click=move |_| focus_later(target.clone())>
                        {title}
                        <span class="status-mark">" (" {status} ")"</span>
                    </button>
                </li>
            }
        })
        .collect_view()
        .into_any()
}

/// The channels the filter offers: the plan's channels and any a content item uses.
fn filter_channels(plan: &Plan) -> Vec<Channel> {
    let mut out = crate::domain::planning::strategy::channel_choices(plan);
    for c in plan.content.iter().filter_map(|c| c.channel.as_ref()) {
        if !out.contains(c) {
            out.push(c.clone());
        }
    }
    out
}

/// The content calendar.
#[component]
pub fn CalendarStep() -> impl IntoView {
    let ctx = use_ctx();
    let month = RwSignal::new(Month::of(today()));
    let list_view = RwSignal::new(false);
    let filter = RwSignal::new(ContentFilter::default());
    let items = ids::<ContentItem>(ctx);
    let channels = crate::ui::form::plan_memo(filter_channels);

    let channel_options = move || {
        let lang = ctx.lang.get();
        let chosen = filter.with(|f| f.channel.clone());
        let all = view! { <option value="" prop:selected=chosen.is_none()>{T::CalAllChannels.get(lang)}</option> };
        let rest = channels
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                let selected = chosen.as_ref() == Some(&c);
                view! { <option value=i.to_string() prop:selected=selected>{channel_name(&c, lang)}</option> }
            })
            .collect_view();
        view! { {all} {rest} }
    };
    let status_options = move || {
        let lang = ctx.lang.get();
        let chosen = filter.with(|f| f.status);
        let all = view! { <option value="" prop:selected=chosen.is_none()>{T::CalAllStatuses.get(lang)}</option> };
        let rest = STATUSES
            .iter()
            .enumerate()
            .map(|(i, s)| {
                view! { <option value=i.to_string() prop:selected=chosen == Some(*s)>{status_key(*s).0.get(lang)}</option> }
            })
            .collect_view();
        view! { {all} {rest} }
    };
    let pick_channel = move |ev: leptos::ev::Event| {
        let index: Option<usize> = event_target_value(&ev).parse().ok();
        let channel = index.and_then(|i| channels.get_untracked().get(i).cloned());
        filter.update(|f| f.channel = channel);
    };
    let pick_status = move |ev: leptos::ev::Event| {
        let index: Option<usize> = event_target_value(&ev).parse().ok();
        let status: Option<ContentStatus> = index.and_then(|i| STATUSES.get(i).copied());
        filter.update(|f| f.status = status);
    };

    let grid = move || {
        let lang = ctx.lang.get();
        let m = month.get();
        let filter = filter.get();
        let weeks = month_grid(m);
        let cells = ctx.plan.with(|p| {
            let content: &[ContentItem] = p.as_ref().map_or(&[], |p| &p.content);
            weeks
                .iter()
                .map(|week| {
                    week.map(|day| {
                        day.map(|d| {
                            let items: Vec<Shown> = on_day(content, &filter, d)
                                .into_iter()
                                .map(|i| shown(i, lang))
                                .collect();
                            (d, items)
                        })
                    })
                })
                .collect::<Vec<_>>()
        });
        let head = WEEKDAYS
            .iter()
            .map(|w| view! { <th scope="col">{w.get(lang)}</th> })
            .collect_view();
        let rows = cells
            .into_iter()
            .map(|week| {
                let tds = week
                    .into_iter()
                    .map(|cell| match cell {
                        None => view! { <td class="cal-pad"></td> }.into_any(),
                        Some((d, items)) => {
                            let label = format_date(d, lang, DateStyle::Long);
                            view! {
                                <td id=format!("cal-day-{d}") aria-label=label>
                                    <span class="cal-daynum" aria-hidden="true">{d.day()}</span>
                                    <ul>{item_buttons(items)}</ul>
                                </td>
                            }
                            .into_any()
                        }
                    })
                    .collect_view();
                view! { <tr>{tds}</tr> }
            })
            .collect_view();
        view! {
            <table class="cal-grid" aria-labelledby="cal-month">
                <thead>
                    <tr>{head}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
    };
    let list = move || {
        let lang = ctx.lang.get();
        let filter = filter.get();
        let rows: Vec<(String, Shown)> = ctx.plan.with(|p| {
            let content: &[ContentItem] = p.as_ref().map_or(&[], |p| &p.content);
            filtered(content, &filter)
                .into_iter()
                .map(|i| {
                    let date = i.publish.map_or_else(
                        || T::CalNoDate.get(lang).to_string(),
                        |d| format_date(d, lang, DateStyle::Short),
                    );
                    (date, shown(i, lang))
                })
                .collect()
        });
        if rows.is_empty() {
            return view! { <p class="empty-hint">{T::CalNoMatch.get(lang)}</p> }.into_any();
        }
        rows.into_iter()
            .map(|(date, item)| {
                view! {
                    <li>
                        <span class="cal-list-date">{date}</span>
                        <ul>{item_buttons(vec![item])}</ul>
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    let month_title = move || {
        let m = month.get();
        crate::domain::values::date::Date::new(m.year, m.month, 1)
            .map(|d| format_date(d, ctx.lang.get(), DateStyle::MonthYear))
            .unwrap_or_default()
    };
    let add = move |_| {
        let id = new_id();
        focus_later(format!("content-{id}-title"));
        ctx.edit(move |p| {
            p.content.push(ContentItem {
                id,
                title: String::new(),
                kind: Default::default(),
                channel: None,
                owner: String::new(),
                publish: None,
                status: ContentStatus::Idea,
            })
        });
    };
    view! {
        <section class="wizard calendar">
            <div class="add-row cal-controls">
                <div class="field">
                    <label for="cal-filter-channel">{ctx.t(T::CalFilterChannel)}</label>
                    <select id="cal-filter-channel" on:change=pick_channel>{channel_options}</select>
                </div>
                <div class="field">
                    <label for="cal-filter-status">{ctx.t(T::CalFilterStatus)}</label>
                    <select id="cal-filter-status" on:change=pick_status>{status_options}</select>
                </div>
                <div class="button-row" role="group">
                    <button id="cal-view-month" type="button" aria-pressed=move || (!list_view.get()).to_string() on:click=move |_| list_view.set(false)>
                        {ctx.t(T::CalMonthView)}
                    </button>
                    <button id="cal-view-list" type="button" aria-pressed=move || list_view.get().to_string() on:click=move |_| list_view.set(true)>
                        {ctx.t(T::CalListView)}
                    </button>
                </div>
            </div>
            <Show
                when=move || list_view.get()
                fallback=move || {
                    view! {
                        <div class="cal-month">
                            <div class="cal-nav">
                                <button id="cal-prev" type="button" on:click=move |_| month.update(|m| *m = m.previous())>
                                    "← " {ctx.t(T::CalPrevMonth)}
                                </button>
                                <h2 id="cal-month" aria-live="polite">{month_title}</h2>
                                <button id="cal-next" type="button" on:click=move |_| month.update(|m| *m = m.next())>
                                    {ctx.t(T::CalNextMonth)} " →"
                                </button>
                            </div>
                            <div class="cal-scroll">{grid}</div>
                        </div>
                    }
                }
            >
                <ul id="cal-list" class="cal-list">{list}</ul>
            </Show>
            <h2>{ctx.t(T::CalItems)}</h2>
            <Show when=move || items.with(Vec::is_empty)>
                <p class="empty-hint">{ctx.t(T::CalEmpty)}</p>
            </Show>
            <div class="cards">
                <For each=move || items.get() key=|id| id.clone() let(id)>
                    <ContentCard id />
                </For>
            </div>
            <button id="content-add" type="button" class="primary" on:click=add>
                "+ " {ctx.t(T::CalAdd)}
            </button>
        </section>
    }
}

/// One content item's fields; DOM ids are `content-{id}-title`, `-kind`, `-channel`,
/// `-owner`, `-publish`, `-status`.
#[component]
fn ContentCard(id: String) -> impl IntoView {
    let prefix = format!("content-{id}");
    let f = |key: &str| field_id(&prefix, key);
    let name = {
        let id = id.clone();
        move |p: &Plan, lang| {
            let title = find::<ContentItem>(p, &id).map_or("", |c| &c.title);
            or_untitled(title, T::CalUntitled, lang)
        }
    };
    view! {
        <article class="card content-item" id=f("card")>
            <div class="grid-3">
                <TextField
                    id=f("title")
                    label=T::CalTitle
                    get=read(&id, |c: &ContentItem| c.title.clone())
                    set=write(&id, |c: &mut ContentItem, v| c.title = v)
                />
                <SelectField
                    id=f("kind")
                    label=T::CalKind
                    options=KINDS.iter().map(|k| (*k, kind_key(*k))).collect()
                    get=read(&id, |c: &ContentItem| c.kind)
                    set=write(&id, |c: &mut ContentItem, v| c.kind = v)
                />
                <ChoiceField
                    id=f("channel")
                    label=T::FieldChannel
                    options=optional_channels
                    get=read(&id, |c: &ContentItem| c.channel.clone())
                    set=write(&id, |c: &mut ContentItem, v| c.channel = v)
                />
                <TextField
                    id=f("owner")
                    label=T::TaskOwner
                    get=read(&id, |c: &ContentItem| c.owner.clone())
                    set=write(&id, |c: &mut ContentItem, v| c.owner = v)
                />
                <DateField
                    id=f("publish")
                    label=T::CalPublish
                    get=read(&id, |c: &ContentItem| c.publish)
                    set=write(&id, |c: &mut ContentItem, v| c.publish = v)
                />
                <SelectField
                    id=f("status")
                    label=T::TaskStatusLabel
                    options=STATUSES.iter().map(|s| (*s, status_key(*s).0)).collect()
                    get=read(&id, |c: &ContentItem| c.status)
                    set=write(&id, |c: &mut ContentItem, v| c.status = v)
                />
            </div>
            <RemoveButton label=T::CalRemove name remove={remover::<ContentItem>(&id)} />
        </article>
    }
}
