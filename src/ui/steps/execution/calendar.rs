//! Phase 2, the content calendar: content items (kind, channel, owner, publish date, status
//! from idea to published), shown in a month grid from Monday or as a list, filtered by channel
//! and status. The grid and filters are in [`crate::domain::execution::calendar`].

use crate::ui::control::{For, Show};
use leptos::prelude::*;

use crate::domain::execution::calendar::{
    filtered, kind_key, month_grid, on_day, status_key, ContentFilter, Month, KINDS, STATUSES,
};
use crate::domain::execution::occasions::{
    markers as occasion_markers, on_day as occasions_on_day, Marker, Occasion, Source, LUNAR_DATES,
};
use crate::domain::model::plan::{Channel, ContentItem, ContentStatus, Plan};
use crate::domain::values::date::{days_in_month, Date};
use crate::i18n::format::{format_date, DateStyle};
use crate::i18n::sentences::channel_name;
use crate::i18n::{Lang, T};
use crate::ui::drag::{is_dragged, is_zone_target, DragHandle, Over};
use crate::ui::form::{field_id, focus_later, ChoiceField, DateField, SelectField, TextField};
use crate::ui::items::{
    find, find_mut, ids, optional_channels, or_untitled, read, remover, write, RemoveButton,
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

/// One item as the calendar shows it.
#[derive(Clone)]
struct Shown {
    id: String,
    title: String,
    status: &'static str,
    class: &'static str,
    /// The colour class of its channel (`ch-0`…`ch-7`), "" without one.
    colour: String,
}

fn shown(item: &ContentItem, channels: &[Channel], lang: Lang) -> Shown {
    let (status, class) = status_key(item.status);
    Shown {
        id: item.id.clone(),
        title: or_untitled(&item.title, T::CalUntitled, lang),
        status: status.get(lang),
        class,
        colour: colour_class(channels, item.channel.as_ref()),
    }
}

/// The colour class of a channel: its place among the calendar's channels, eight colours round.
fn colour_class(channels: &[Channel], channel: Option<&Channel>) -> String {
    channel
        .and_then(|c| channels.iter().position(|x| x == c))
        .map(|i| format!("ch-{}", i % 8))
        .unwrap_or_default()
}

/// The drag list of the month grid.
const CALENDAR: &str = "calendar";

/// A button per item that leads to its fields; the status is written out, not coloured only.
/// In the month grid (`drag`) each item has a handle to drag it to another day.
fn item_buttons(items: Vec<Shown>, drag: bool) -> AnyView {
    let ctx = use_ctx();
    items
        .into_iter()
        .map(|item| {
            let target = format!("content-{}-title", item.id);
            let handle = drag.then(|| {
                let title = Signal::derive(move || T::DragToMove.get(ctx.lang.get()).to_string());
                let on_drop = Callback::new(move |(key, over): (String, Over)| rescheduled(ctx, key, over));
                view! { <DragHandle list=CALENDAR key=item.id.clone() state=ctx.drag on_drop title /> }
            });
            let key = item.id.clone();
            let dragging = move || drag && is_dragged(ctx.drag, &key);
            view! {
                <li data-drag-list=CALENDAR data-drag-key=item.id.clone() class:dragging=dragging>
                    {handle}
                    <button type="button" class=format!("cal-item {} {}", item.class, item.colour) on:click=move |_| focus_later(target.clone())>
                        {item.title}
                        <span class="status-mark">" (" {item.status} ")"</span>
                    </button>
                </li>
            }
        })
        .collect_view()
        .into_any()
}

/// A content item dropped on a day of the month grid: it is published that day.
fn rescheduled(ctx: crate::ui::Ctx, id: String, over: Over) {
    let Some(day) = over.zone.as_deref().and_then(|z| Date::parse_iso(z).ok()) else {
        return;
    };
    let mut name = String::new();
    let lang = ctx.lang.get_untracked();
    ctx.edit(|p| {
        if let Some(item) = find_mut::<ContentItem>(p, &id) {
            item.publish = Some(day);
            name = or_untitled(&item.title, T::CalUntitled, lang);
        }
    });
    if !name.is_empty() {
        ctx.tell(
            T::CalMoved,
            &[
                ("name", &name),
                ("date", &format_date(day, lang, DateStyle::Long)),
            ],
        );
    }
}

/// The name of an occasion on the calendar.
fn occasion_name(occasion: Occasion, lang: Lang) -> String {
    match occasion {
        Occasion::TwinDate(12) => T::CalHarbolnas.get(lang).to_string(),
        Occasion::TwinDate(m) => T::CalTwinDate.fill(lang, &[("date", &format!("{m}.{m}"))]),
        Occasion::Independence => T::CalIndependence.get(lang).to_string(),
        Occasion::Payday => T::CalPayday.get(lang).to_string(),
        Occasion::Imlek => T::CalImlek.get(lang).to_string(),
        Occasion::Ramadan => T::CalRamadan.get(lang).to_string(),
        Occasion::IdulFitri => T::CalIdulFitri.get(lang).to_string(),
    }
}

/// The short name of an occasion, for a phone's narrow day cells.
fn occasion_short(occasion: Occasion, lang: Lang) -> String {
    match occasion {
        Occasion::TwinDate(m) => format!("{m}.{m}"),
        Occasion::Independence => "17.8".to_string(),
        Occasion::Payday => T::CalPaydayShort.get(lang).to_string(),
        Occasion::IdulFitri => T::CalIdulFitriShort.get(lang).to_string(),
        Occasion::Imlek | Occasion::Ramadan => occasion_name(occasion, lang),
    }
}

/// Where a lunar date comes from, named.
fn source_name(source: Source, year: i32, lang: Lang) -> String {
    match source {
        Source::Decree => T::CalSourceDecree.fill(lang, &[("year", &year.to_string())]),
        Source::Isbat => T::CalSourceIsbat.get(lang).to_string(),
        Source::Estimate => T::CalSourceEstimate.fill(lang, &[("year", &year.to_string())]),
    }
}

/// The markers of a day cell: its CSS classes, and the labels it shows (an occasion of several
/// days is named on its first day and on the first day of a month; an estimate says so).
fn day_markers(
    list: &[Marker],
    day: Date,
    lang: Lang,
) -> (String, Vec<(String, String, &'static str)>) {
    let here = occasions_on_day(list, day);
    let classes = here
        .iter()
        .map(|m| format!("on-{}", m.occasion.as_str()))
        .collect::<Vec<_>>()
        .join(" ");
    let labels = here
        .iter()
        .filter(|m| m.first == day || day.day() == 1)
        .map(|m| {
            let mut name = occasion_name(m.occasion, lang);
            if m.source == Some(Source::Estimate) {
                name = format!("{name} ({})", T::CalEstimate.get(lang));
            }
            (name, occasion_short(m.occasion, lang), m.occasion.as_str())
        })
        .collect();
    (classes, labels)
}

/// The lunar-calendar dates of the coming years with their sources, under the month grid.
fn lunar_table(lang: Lang) -> AnyView {
    let rows = LUNAR_DATES
        .iter()
        .filter_map(|l| {
            let first = Date::new(l.first.0, l.first.1, l.first.2)?;
            let last = Date::new(l.last.0, l.last.1, l.last.2)?;
            let days = if first == last {
                format_date(first, lang, DateStyle::Long)
            } else {
                format!(
                    "{} – {}",
                    format_date(first, lang, DateStyle::Short),
                    format_date(last, lang, DateStyle::Short)
                )
            };
            Some(view! {
                <tr>
                    <td>{occasion_name(l.occasion, lang)} " " {first.year()}</td>
                    <td>{days}</td>
                    <td>{source_name(l.source, first.year(), lang)}</td>
                </tr>
            })
        })
        .collect_view();
    view! {
        <details class="cal-dates" id="cal-dates">
            <summary>{T::CalDatesTitle.get(lang)}</summary>
            <p>{T::CalDatesIntro.get(lang)}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label=T::CalDatesTitle.get(lang)>
                <table class="data">
                    <thead>
                        <tr>
                            <th scope="col">{T::CalDatesOccasion.get(lang)}</th>
                            <th scope="col">{T::CalDatesDays.get(lang)}</th>
                            <th scope="col">{T::CalDatesSource.get(lang)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </details>
    }
    .into_any()
}

/// `channels`, then any other channel a content item uses.
fn with_content_channels(plan: &Plan, mut channels: Vec<Channel>) -> Vec<Channel> {
    for c in plan.content.iter().filter_map(|c| c.channel.as_ref()) {
        if !channels.contains(c) {
            channels.push(c.clone());
        }
    }
    channels
}

/// The channels the filter offers: the plan's channels and any a content item uses.
fn filter_channels(plan: &Plan) -> Vec<Channel> {
    with_content_channels(
        plan,
        crate::domain::planning::strategy::channel_choices(plan),
    )
}

/// The channels that get a colour, in the order the colours are given: the strategy's channels,
/// then any other a content item uses.
fn colour_channels(plan: &Plan) -> Vec<Channel> {
    with_content_channels(
        plan,
        plan.channels.iter().map(|c| c.channel.clone()).collect(),
    )
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
    let coloured = crate::ui::form::plan_memo(colour_channels);

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
        let palette = coloured.get();
        let occasions = match (
            Date::new(m.year, m.month, 1),
            Date::new(m.year, m.month, days_in_month(m.year, m.month)),
        ) {
            (Some(a), Some(b)) => occasion_markers(a, b),
            _ => Vec::new(),
        };
        let cells = ctx.plan.with(|p| {
            let content: &[ContentItem] = p.as_ref().map_or(&[], |p| &p.content);
            weeks
                .iter()
                .map(|week| {
                    week.map(|day| {
                        day.map(|d| {
                            let items: Vec<Shown> = on_day(content, &filter, d)
                                .into_iter()
                                .map(|i| shown(i, &palette, lang))
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
                            let (classes, labels) = day_markers(&occasions, d, lang);
                            let mut label = format_date(d, lang, DateStyle::Long);
                            for (name, _, _) in &labels {
                                label.push_str(", ");
                                label.push_str(name);
                            }
                            let zone = d.to_string();
                            let over = {
                                let zone = zone.clone();
                                move || is_zone_target(ctx.drag, &zone)
                            };
                            let marks = labels
                                .into_iter()
                                .map(|(name, short, class)| {
                                    view! {
                                        <span class=format!("cal-marker {class}") aria-hidden="true">
                                            <span class="long">{name}</span>
                                            <span class="short">{short}</span>
                                        </span>
                                    }
                                })
                                .collect_view();
                            view! {
                                <td id=format!("cal-day-{d}") class=classes aria-label=label
                                    data-drag-list=CALENDAR data-drop-zone=zone class:drop-zone=over>
                                    <span class="cal-daynum" aria-hidden="true">{d.day()}</span>
                                    {marks}
                                    <ul>{item_buttons(items, true)}</ul>
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
        let palette = coloured.get();
        let rows: Vec<(String, Shown)> = ctx.plan.with(|p| {
            let content: &[ContentItem] = p.as_ref().map_or(&[], |p| &p.content);
            filtered(content, &filter)
                .into_iter()
                .map(|i| {
                    let date = i.publish.map_or_else(
                        || T::CalNoDate.get(lang).to_string(),
                        |d| format_date(d, lang, DateStyle::Short),
                    );
                    (date, shown(i, &palette, lang))
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
                        <ul>{item_buttons(vec![item], false)}</ul>
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    let legend = move || {
        let lang = ctx.lang.get();
        let list = coloured.get();
        (!list.is_empty()).then(|| {
            let chips = list
                .iter()
                .enumerate()
                .map(|(i, c)| view! { <li class=format!("cal-chip ch-{}", i % 8)>{channel_name(c, lang)}</li> })
                .collect_view();
            view! {
                <div class="cal-legend">
                    <h3 id="cal-legend-title">{T::CalChannels.get(lang)}</h3>
                    <ul aria-labelledby="cal-legend-title">{chips}</ul>
                </div>
            }
        })
    };
    let month_title = move || {
        let m = month.get();
        Date::new(m.year, m.month, 1)
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
                            {legend}
                            {move || lunar_table(ctx.lang.get())}
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
    let ctx = use_ctx();
    let has_date = {
        let id = id.clone();
        crate::ui::form::plan_memo(move |p| {
            find::<ContentItem>(p, &id).is_some_and(|c| c.publish.is_some())
        })
    };
    let shift = |days: i64, label: T, mark: &'static str, suffix: &'static str| {
        let id = id.clone();
        let name = name.clone();
        let text = Signal::derive(move || {
            let lang = ctx.lang.get();
            let named = ctx
                .plan
                .with(|p| p.as_ref().map(|p| name(p, lang)).unwrap_or_default());
            label.fill(lang, &[("name", &named)])
        });
        let button_id = format!("content-{id}-{suffix}");
        let click = move |_| {
            let id = id.clone();
            ctx.edit(move |p| {
                if let Some(item) = find_mut::<ContentItem>(p, &id) {
                    item.publish = item.publish.and_then(|d| d.add_days(days));
                }
            });
        };
        view! {
            <button type="button" class="icon move" id=button_id aria-label=text title=text
                prop:disabled=move || !has_date.get() on:click=click>
                <span aria-hidden="true">{mark}</span>
            </button>
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
                <div class="publish-field">
                    <DateField
                        id=f("publish")
                        label=T::CalPublish
                        get=read(&id, |c: &ContentItem| c.publish)
                        set=write(&id, |c: &mut ContentItem, v| c.publish = v)
                    />
                    {shift(-1, T::CalEarlier, "◀", "earlier")}
                    {shift(1, T::CalLater, "▶", "later")}
                </div>
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
