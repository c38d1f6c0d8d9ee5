//! Step 8, the budget: currency, total, and the allocation per channel with amount and share
//! kept in step, priority, expected return and ROI; warns when the allocations do not match
//! the total. The arithmetic is in [`crate::domain::planning::budget`].

use crate::ui::control::{For, Show};
use leptos::prelude::*;

use crate::domain::model::plan::{Allocation, Channel, Plan, Priority};
use crate::domain::planning::budget::{
    allocated, allocation_roi, amount_for_percent, balance, overall_roi, remaining, share_base,
    share_percent, Balance,
};
use crate::domain::planning::strategy::channel_choices;
use crate::domain::values::currency::{currency, CURRENCIES};
use crate::domain::values::money::{change_currency, minor_units};
use crate::i18n::format::{format_money, format_percent};
use crate::i18n::sentences::channel_name;
use crate::i18n::{Lang, T};
use crate::ui::form::{field_id, ChoiceField, NumberField, SelectField};
use crate::ui::items::{
    channels, find, find_mut, ids, plan_text, priorities, read, remover, reorder_controls, write,
    RemoveButton, ReorderRow,
};
use crate::ui::{new_id, use_ctx};

/// Shown for a value that cannot be computed (no total, no cost).
const NO_VALUE: &str = "—";

/// The currency choices: every supported currency, and the plan's own if it is not one.
fn currencies(plan: &Plan, lang: Lang) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = CURRENCIES
        .iter()
        .map(|c| (c.code.to_string(), format!("{} — {}", c.code, c.name(lang))))
        .collect();
    if currency(&plan.currency).is_none() {
        out.push((plan.currency.clone(), plan.currency.clone()));
    }
    out
}

/// The channel a new allocation starts with: the first strategy channel without money, else
/// the first channel without an allocation.
fn next_channel(plan: &Plan) -> Channel {
    let funded = |c: &Channel| plan.budget.allocations.iter().any(|a| &a.channel == c);
    let choices = channel_choices(plan);
    choices
        .iter()
        .find(|c| !funded(c))
        .or(choices.first())
        .cloned()
        .unwrap_or(Channel::Seo)
}

/// The budget step.
#[component]
pub fn BudgetStep() -> impl IntoView {
    let ctx = use_ctx();
    let allocations = ids::<Allocation>(ctx);
    let code = Memo::new(move |_| {
        ctx.plan
            .with(|p| p.as_ref().map(|p| p.currency.clone()).unwrap_or_default())
    });
    let decimals = Memo::new(move |_| minor_units(&code.get()));
    let unit = Signal::derive(move || code.get());
    let money = move |amount: f64| format_money(amount, &code.get(), ctx.lang.get());
    let figures = move || {
        ctx.plan.with(|p| {
            p.as_ref().map(|p| {
                let b = &p.budget;
                (
                    allocated(b, &p.currency),
                    remaining(b, &p.currency),
                    balance(b, &p.currency),
                    overall_roi(b),
                )
            })
        })
    };
    let summary = move || {
        let (sum, left, state, roi) = figures()?;
        let lang = ctx.lang.get();
        let (class, text) = match state {
            Balance::NoTotal => ("warning", T::BudgetNoTotal.get(lang).to_string()),
            Balance::Balanced => ("ok", T::BudgetBalanced.get(lang).to_string()),
            Balance::Over(by) => (
                "warning",
                T::BudgetOver.fill(lang, &[("amount", &money(by))]),
            ),
            Balance::Under(by) => (
                "warning",
                T::BudgetUnder.fill(lang, &[("amount", &money(by))]),
            ),
        };
        // Say which allocations the overall ROI covers when some have no expected return.
        let cover = (roi.percent.is_some() && roi.covered < roi.of).then(|| {
            T::BudgetRoiCovers.fill(
                lang,
                &[
                    ("covered", &roi.covered.to_string()),
                    ("of", &roi.of.to_string()),
                    ("cost", &money(roi.cost)),
                ],
            )
        });
        let roi = roi
            .percent
            .map_or(NO_VALUE.to_string(), |r| format_percent(r, 1, lang));
        Some(view! {
            <dl class="figures">
                <div>
                    <dt>{T::BudgetAllocated.get(lang)}</dt>
                    <dd id="budget-allocated">{money(sum)}</dd>
                </div>
                <div>
                    <dt>{T::BudgetRemaining.get(lang)}</dt>
                    <dd id="budget-remaining">{money(left)}</dd>
                </div>
                <div>
                    <dt>{T::BudgetOverallRoi.get(lang)}</dt>
                    <dd id="budget-roi">{roi}</dd>
                </div>
            </dl>
            {cover.map(|text| view! { <p id="budget-roi-cover" class="hint">{text}</p> })}
            <p id="budget-balance" class=class>{text}</p>
        })
    };
    let add = move |_| {
        ctx.edit(|p| {
            let channel = next_channel(p);
            p.budget.allocations.push(Allocation {
                id: new_id(),
                channel,
                amount: 0.0,
                priority: Priority::default(),
                expected_return: None,
            });
        })
    };
    // Amount fields show the currency's decimals; they are rebuilt when the currency changes.
    let total = move || {
        let decimals = decimals.get();
        view! {
            <NumberField
                id="budget-total".to_string()
                label=T::BudgetTotal
                decimals
                unit
                money=true
                get=|p| (p.budget.total != 0.0).then_some(p.budget.total)
                set=|p, v| p.budget.total = v.unwrap_or(0.0)
            />
        }
    };
    let rows = move || {
        let decimals = decimals.get();
        view! {
            <For each=move || allocations.get() key=|id| id.clone() let(id)>
                <AllocationCard id decimals unit />
            </For>
        }
    };
    view! {
        <section class="wizard budget">
            <div class="grid-2">
                <ChoiceField
                    id="budget-currency".to_string()
                    label=T::BudgetCurrency
                    options=currencies
                    get=|p| p.currency.clone()
                    set=|p, v| change_currency(p, &v)
                />
                {total}
            </div>
            <div class="budget-summary" role="status">{summary}</div>
            <h2>{ctx.t(T::BudgetAllocations)}</h2>
            <Show when=move || allocations.with(Vec::is_empty)>
                <p class="empty-hint">{ctx.t(T::BudgetEmpty)}</p>
            </Show>
            <div class="cards">{rows}</div>
            <button id="budget-add" type="button" class="primary" on:click=add>
                {ctx.t(T::BudgetAdd)}
            </button>
            {crate::ui::charts::chart_figure(
                "chart-allocation".into(),
                std::sync::Arc::new(|p: &Plan, lang| crate::charts::budget_allocation(p, lang)),
            )}
        </section>
    }
}

/// The allocation's channel name, for its button.
fn name_of(id: &str) -> impl Fn(&Plan, Lang) -> String + Send + Sync + 'static {
    let id = id.to_string();
    move |p, lang| {
        find::<Allocation>(p, &id)
            .map(|a| channel_name(&a.channel, lang))
            .unwrap_or_default()
    }
}

/// One allocation: channel, amount and share, priority, expected return and ROI.
#[component]
fn AllocationCard(id: String, decimals: usize, unit: Signal<String>) -> impl IntoView {
    let ctx = use_ctx();
    let prefix = format!("alloc-{id}");
    let f = move |key: &str| field_id(&prefix, key);
    // The share is not stored: it is read from the amount, and typing it sets the amount.
    let share_get = {
        let id = id.clone();
        move |p: &Plan| {
            find::<Allocation>(p, &id)
                .and_then(|a| share_percent(a.amount, share_base(&p.budget, &p.currency)))
        }
    };
    let share_set = {
        let id = id.clone();
        move |p: &mut Plan, v: Option<f64>| {
            let amount = amount_for_percent(v.unwrap_or(0.0), p.budget.total, &p.currency);
            if let (Some(amount), Some(a)) = (amount, find_mut::<Allocation>(p, &id)) {
                a.amount = amount;
            }
        }
    };
    let roi_read = read(&id, |a: &Allocation| allocation_roi(a));
    let roi = move || {
        ctx.plan
            .with(|p| p.as_ref().and_then(&roi_read))
            .map_or(NO_VALUE.to_string(), |r| {
                format_percent(r, 1, ctx.lang.get())
            })
    };
    let roi_id = f("roi");
    let reorder = reorder_controls::<Allocation>(
        "allocation",
        &id,
        Signal::derive(plan_text(ctx, name_of(&id))),
    );
    view! {
        <ReorderRow list="allocation" key=id.clone()>
        <article class="card allocation" id=f("card")>
            <div class="card-head">{reorder}</div>
            <div class="grid-3">
                <ChoiceField
                    id=f("channel")
                    label=T::FieldChannel
                    options=channels
                    get=read(&id, |a: &Allocation| Some(a.channel.clone()))
                    set=write(&id, |a: &mut Allocation, v: Option<Channel>| {
                        if let Some(channel) = v {
                            a.channel = channel;
                        }
                    })
                />
                <NumberField
                    id=f("amount")
                    label=T::BudgetAmount
                    decimals
                    unit
                    money=true
                    get=read(&id, |a: &Allocation| Some(a.amount))
                    set=write(&id, |a: &mut Allocation, v: Option<f64>| a.amount = v.unwrap_or(0.0))
                />
                <NumberField
                    id=f("percent")
                    label=T::BudgetShare
                    decimals=2
                    unit=Signal::derive(|| "%".to_string())
                    get=share_get
                    set=share_set
                />
                <SelectField
                    id=f("priority")
                    label=T::BudgetPriority
                    options=priorities()
                    get=read(&id, |a: &Allocation| a.priority)
                    set=write(&id, |a: &mut Allocation, v| a.priority = v)
                />
                <NumberField
                    id=f("return")
                    label=T::BudgetExpectedReturn
                    decimals
                    unit
                    money=true
                    get=read(&id, |a: &Allocation| a.expected_return)
                    set=write(&id, |a: &mut Allocation, v: Option<f64>| a.expected_return = v)
                />
                <div class="field">
                    <label for=roi_id.clone()>{ctx.t(T::BudgetExpectedRoi)}</label>
                    <output id=roi_id>{roi}</output>
                </div>
            </div>
            <RemoveButton label=T::BudgetRemove name=name_of(&id) remove={remover::<Allocation>(&id)} />
        </article>
        </ReorderRow>
    }
}
