//! Phase 2, the spend log: actual spend per channel and date (amounts typed in the UI
//! language's format), planned against spent and remaining per channel, running totals by date
//! and totals per month. The arithmetic is in [`crate::domain::execution::spend`].

use crate::ui::control::{For, Show};
use leptos::prelude::*;

use crate::domain::execution::spend::{by_channel, running_totals, total_spent, totals_by_month};
use crate::domain::model::plan::{Channel, Plan, SpendEntry};
use crate::domain::planning::research::channel_slug;
use crate::domain::planning::strategy::channel_choices;
use crate::domain::values::date::Date;
use crate::domain::values::money::minor_units;
use crate::i18n::format::{format_date, format_money, DateStyle};
use crate::i18n::sentences::channel_name;
use crate::i18n::T;
use crate::ui::form::{field_id, focus_later, ChoiceField, DateField, NumberField, TextField};
use crate::ui::items::{
    channels, find, find_mut, ids, plan_text, read, remover, write, RemoveButton,
};
use crate::ui::{new_id, today, use_ctx};

/// The channel a new entry starts with: the budget's first, else the strategy's first.
fn first_channel(plan: &Plan) -> Channel {
    plan.budget
        .allocations
        .first()
        .map(|a| a.channel.clone())
        .or_else(|| channel_choices(plan).into_iter().next())
        .unwrap_or(Channel::Sem)
}

/// The spend log.
#[component]
pub fn SpendStep() -> impl IntoView {
    let ctx = use_ctx();
    let entries = ids::<SpendEntry>(ctx);
    let code = crate::ui::form::plan_memo(|p| p.currency.clone());
    let unit = Signal::derive(move || code.get());
    let decimals = Memo::new(move |_| minor_units(&code.get()));

    let summary = plan_text(ctx, |p, lang| {
        let money = |v: f64| format_money(v, &p.currency, lang);
        let rows = by_channel(p)
            .into_iter()
            .map(|r| {
                let over = (r.remaining < 0.0).then(|| T::SpendOverBudget.get(lang));
                (
                    channel_slug(&r.channel),
                    channel_name(&r.channel, lang),
                    money(r.planned),
                    money(r.spent),
                    money(r.remaining),
                    over,
                    crate::i18n::analysis::spent_from_text(&r.from, &p.currency, lang),
                )
            })
            .collect::<Vec<_>>();
        let months = totals_by_month(p)
            .into_iter()
            .map(|(m, sum)| {
                let label = Date::new(m.year, m.month, 1)
                    .map(|d| format_date(d, lang, DateStyle::MonthYear))
                    .unwrap_or_default();
                (format!("{}-{:02}", m.year, m.month), label, money(sum))
            })
            .collect::<Vec<_>>();
        (money(total_spent(p)), rows, months)
    });
    let summary = Memo::new(move |_| summary());
    let channel_table = move || {
        let (_, rows, _) = summary.get();
        rows.into_iter()
            .map(|(slug, name, planned, spent, remaining, over, from)| {
                view! {
                    <tr id=format!("spend-ch-{slug}") class:over=over.is_some()>
                        <th scope="row">{name}</th>
                        <td class="num">{planned}</td>
                        <td class="num">{spent} <small class="spent-from">{from}</small></td>
                        <td class="num">{remaining} {over.map(|o| view! { <span class="over-mark">" (" {o} ")"</span> })}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let month_table = move || {
        let (_, _, months) = summary.get();
        months
            .into_iter()
            .map(|(key, label, sum)| {
                view! {
                    <tr id=format!("spend-month-{key}")>
                        <th scope="row">{label}</th>
                        <td class="num">{sum}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let running = plan_text(ctx, |p, lang| {
        let money = |v: f64| format_money(v, &p.currency, lang);
        running_totals(p)
            .into_iter()
            .filter_map(|r| {
                let e = find::<SpendEntry>(p, &r.id)?;
                Some((
                    r.id.clone(),
                    format_date(e.date, lang, DateStyle::Short),
                    channel_name(&e.channel, lang),
                    money(e.amount),
                    money(r.total),
                    money(r.channel_total),
                ))
            })
            .collect::<Vec<_>>()
    });
    let running_rows = move || {
        running()
            .into_iter()
            .map(|(id, date, channel, amount, total, channel_total)| {
                view! {
                    <tr id=format!("spend-run-{id}")>
                        <td>{date}</td>
                        <td>{channel}</td>
                        <td class="num">{amount}</td>
                        <td class="num">{total}</td>
                        <td class="num">{channel_total}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let add = move |_| {
        let id = new_id();
        let date = today();
        focus_later(format!("spend-{id}-amount"));
        ctx.edit(move |p| {
            let channel = first_channel(p);
            p.spend.push(SpendEntry {
                id,
                channel,
                date,
                amount: 0.0,
                note: String::new(),
            })
        });
    };
    let cards = move || {
        let decimals = decimals.get();
        view! {
            <For each=move || entries.get() key=|id| id.clone() let(id)>
                <SpendCard id decimals unit />
            </For>
        }
    };
    view! {
        <section class="wizard spend">
            // A live region around the list: `dl` itself may not take the status role.
            <div role="status">
                <dl class="figures">
                    <div>
                        <dt>{ctx.t(T::SpendTotal)}</dt>
                        <dd id="spend-total">{move || summary.with(|s| s.0.clone())}</dd>
                    </div>
                </dl>
            </div>
            {crate::ui::charts::chart_figure(
                "chart-spend-burn".into(),
                std::sync::Arc::new(|p: &Plan, lang| crate::charts::burn(p, crate::ui::today(), lang)),
            )}
            <h2 id="spend-by-channel-title">{ctx.t(T::SpendByChannel)}</h2>
            <div class="table-scroll" tabindex="0">
                <table id="spend-by-channel" class="data" aria-labelledby="spend-by-channel-title">
                    <thead>
                        <tr>
                            <th scope="col">{ctx.t(T::FieldChannel)}</th>
                            <th scope="col">{ctx.t(T::SpendPlanned)}</th>
                            <th scope="col">{ctx.t(T::SpendSpent)}</th>
                            <th scope="col">{ctx.t(T::SpendRemaining)}</th>
                        </tr>
                    </thead>
                    <tbody>{channel_table}</tbody>
                </table>
            </div>
            <h2 id="spend-by-month-title">{ctx.t(T::SpendByMonth)}</h2>
            <div class="table-scroll" tabindex="0">
                <table id="spend-by-month" class="data" aria-labelledby="spend-by-month-title">
                    <thead>
                        <tr>
                            <th scope="col">{ctx.t(T::SpendMonth)}</th>
                            <th scope="col">{ctx.t(T::SpendSpent)}</th>
                        </tr>
                    </thead>
                    <tbody>{month_table}</tbody>
                </table>
            </div>
            <h2 id="spend-running-title">{ctx.t(T::SpendRunning)}</h2>
            <div class="table-scroll" tabindex="0">
                <table id="spend-running" class="data" aria-labelledby="spend-running-title">
                    <thead>
                        <tr>
                            <th scope="col">{ctx.t(T::SpendDate)}</th>
                            <th scope="col">{ctx.t(T::FieldChannel)}</th>
                            <th scope="col">{ctx.t(T::SpendAmount)}</th>
                            <th scope="col">{ctx.t(T::SpendRunningTotal)}</th>
                            <th scope="col">{ctx.t(T::SpendChannelTotal)}</th>
                        </tr>
                    </thead>
                    <tbody>{running_rows}</tbody>
                </table>
            </div>
            <h2>{ctx.t(T::SpendEntries)}</h2>
            <Show when=move || entries.with(Vec::is_empty)>
                <p class="empty-hint">{ctx.t(T::SpendEmpty)}</p>
            </Show>
            <div class="cards">{cards}</div>
            <button id="spend-add" type="button" class="primary" on:click=add>
                "+ " {ctx.t(T::SpendAdd)}
            </button>
        </section>
    }
}

/// One spend entry; DOM ids are `spend-{id}-channel`, `-date`, `-amount`, `-note`.
#[component]
fn SpendCard(id: String, decimals: usize, unit: Signal<String>) -> impl IntoView {
    let prefix = format!("spend-{id}");
    let f = |key: &str| field_id(&prefix, key);
    let amount_set = {
        let id = id.clone();
        move |p: &mut Plan, v: Option<f64>| {
            // Rounded by the field (`money`); a refund is not a spend.
            let v = v.unwrap_or(0.0).max(0.0);
            if let Some(e) = find_mut::<SpendEntry>(p, &id) {
                e.amount = v;
            }
        }
    };
    let name = {
        let id = id.clone();
        move |p: &Plan, lang| {
            find::<SpendEntry>(p, &id)
                .map(|e| {
                    format!(
                        "{} {}",
                        channel_name(&e.channel, lang),
                        format_date(e.date, lang, DateStyle::Short)
                    )
                })
                .unwrap_or_default()
        }
    };
    view! {
        <article class="card spend-entry" id=f("card")>
            <div class="grid-2">
                <ChoiceField
                    id=f("channel")
                    label=T::FieldChannel
                    options=channels
                    get=read(&id, |e: &SpendEntry| Some(e.channel.clone()))
                    set=write(&id, |e: &mut SpendEntry, v: Option<Channel>| {
                        if let Some(channel) = v {
                            e.channel = channel;
                        }
                    })
                />
                <DateField
                    id=f("date")
                    label=T::SpendDate
                    get=read(&id, |e: &SpendEntry| Some(e.date))
                    set=write(&id, |e: &mut SpendEntry, v: Option<Date>| {
                        if let Some(date) = v {
                            e.date = date;
                        }
                    })
                />
                <NumberField
                    id=f("amount")
                    label=T::SpendAmount
                    decimals
                    unit
                    money=true
                    get=read(&id, |e: &SpendEntry| Some(e.amount))
                    set=amount_set
                />
                <TextField
                    id=f("note")
                    label=T::SpendNote
                    get=read(&id, |e: &SpendEntry| e.note.clone())
                    set=write(&id, |e: &mut SpendEntry, v| e.note = v)
                />
            </div>
            <RemoveButton label=T::SpendRemove name remove={remover::<SpendEntry>(&id)} />
        </article>
    }
}
