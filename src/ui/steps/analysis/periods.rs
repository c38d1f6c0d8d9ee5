//! Phase 3, analysing: the period picker (each KPI's target period, campaign to date, the
//! last 7 or 30 days, this month, two dates) and each KPI over that period against the period
//! before. The arithmetic is in [`crate::domain::analysis::periods`]; the breakdowns below it on the
//! analysis page follow the same choice.

use leptos::prelude::*;

use crate::domain::analysis::facts::Basis;
use crate::domain::analysis::periods::{compare, PeriodChoice, PeriodError};
use crate::domain::model::plan::Plan;
use crate::domain::values::date::Date;
use crate::i18n::analysis::value_text;
use crate::i18n::format::{format_date, format_percent, DateStyle};
use crate::i18n::{Lang, T};
use crate::ui::items::plan_text;
use crate::ui::steps::planning::kpis::name_of;
use crate::ui::{today, Ctx};

const DASH: &str = "—";

/// The picker's state: the choice in the list and the two custom dates.
#[derive(Clone, Copy)]
pub(crate) struct Picker {
    kind: RwSignal<&'static str>,
    from: RwSignal<Option<Date>>,
    to: RwSignal<Option<Date>>,
}

impl Picker {
    pub(crate) fn new() -> Self {
        Picker {
            kind: RwSignal::new("judged"),
            from: RwSignal::new(None),
            to: RwSignal::new(None),
        }
    }

    /// The period chosen, or what is missing for a custom one.
    pub(crate) fn choice(self) -> Result<PeriodChoice, T> {
        Ok(match self.kind.get() {
            "campaign" => PeriodChoice::CampaignToDate,
            "last7" => PeriodChoice::Last7,
            "last30" => PeriodChoice::Last30,
            "month" => PeriodChoice::ThisMonth,
            "custom" => match (self.from.get(), self.to.get()) {
                (Some(from), Some(to)) => PeriodChoice::Custom { from, to },
                _ => return Err(T::AnPeriodMissingDate),
            },
            _ => PeriodChoice::Judged,
        })
    }
}

/// The choices of the list: (value, label).
const CHOICES: [(&str, T); 6] = [
    ("judged", T::AnPeriodJudged),
    ("campaign", T::AnPeriodCampaign),
    ("last7", T::AnPeriodLast7),
    ("last30", T::AnPeriodLast30),
    ("month", T::AnPeriodThisMonth),
    ("custom", T::AnPeriodCustom),
];

/// One KPI's row, worded: id, name, period, this period, the period before, change, and the
/// change's class (`better`, `worse` or empty).
type Row = (String, String, String, String, String, String, &'static str);

/// The rows of the comparison table, or the message saying why there are none.
fn rows(plan: &Plan, choice: PeriodChoice, lang: Lang) -> Result<Vec<Row>, T> {
    let day = today();
    let mut out = Vec::new();
    for kpi in &plan.kpis {
        let c = compare(plan, kpi, choice, day).map_err(|e| match e {
            PeriodError::EndsBeforeStart => T::AnPeriodEndsBefore,
            PeriodError::NoStart => T::AnPeriodNoStart,
        })?;
        let Some(c) = c else {
            continue;
        };
        let unit = kpi.unit.as_str();
        let value = |v: Option<(f64, Basis)>| match v {
            None => DASH.to_string(),
            Some((x, Basis::Exact)) => value_text(x, unit, lang),
            Some((x, Basis::UpperBound)) => {
                T::AnUpperBound.fill(lang, &[("value", &value_text(x, unit, lang))])
            }
        };
        let change = match &c.change {
            None => DASH.to_string(),
            Some(v) => {
                let sign = if v.absolute > 0.0 { "+" } else { "" };
                let amount = match v.percent {
                    Some(p) => format!("{sign}{}", format_percent(p, 1, lang)),
                    None => format!("{sign}{}", value_text(v.absolute, unit, lang)),
                };
                match c.better {
                    Some(true) => format!("{amount} · {}", T::AnChangeBetter.get(lang)),
                    Some(false) => format!("{amount} · {}", T::AnChangeWorse.get(lang)),
                    None => amount,
                }
            }
        };
        let class = match c.better {
            Some(true) => "better",
            Some(false) => "worse",
            None => "",
        };
        let period = T::AnPeriodSpan.fill(
            lang,
            &[
                ("from", &format_date(c.period.0, lang, DateStyle::Short)),
                ("to", &format_date(c.period.1, lang, DateStyle::Short)),
                (
                    "before_from",
                    &format_date(c.before.0, lang, DateStyle::Short),
                ),
                (
                    "before_to",
                    &format_date(c.before.1, lang, DateStyle::Short),
                ),
            ],
        );
        out.push((
            kpi.id.clone(),
            name_of(&kpi.id)(plan, lang),
            period,
            value(c.current),
            value(c.previous),
            change,
            class,
        ));
    }
    Ok(out)
}

/// The period section of the analysis page: DOM ids `an-period`, the list `an-period-choice`,
/// the custom dates `an-period-from` / `an-period-to`, the message `an-period-error`, the
/// table `an-period-table` with rows `an-period-{kpi}`.
pub(crate) fn period_section(ctx: Ctx, picker: Picker) -> impl IntoView {
    let table = plan_text(ctx, move |plan: &Plan, lang| {
        Some(picker.choice().and_then(|choice| rows(plan, choice, lang)))
    });
    let table = Memo::new(move |_| table());
    let date_input =
        move |id, label, signal| crate::ui::form::page_date_input(ctx, id, label, signal);
    let body = move || match table.get() {
        None => ().into_any(),
        Some(Err(message)) => view! {
            <p id="an-period-error" class="field-error" role="alert">{ctx.t(message)}</p>
        }
        .into_any(),
        Some(Ok(rows)) => {
            // One period for every KPI is said once, above the table; else each row says its own.
            let common = rows
                .first()
                .map(|first| first.2.clone())
                .filter(|first| rows.iter().all(|r| r.2 == *first));
            let per_row = common.is_none();
            let rows = rows
                .into_iter()
                .map(|(id, name, period, now, before, change, class)| {
                    view! {
                        <tr id=format!("an-period-{id}")>
                            <th scope="row">{name}</th>
                            {per_row.then(|| view! { <td class="period">{period}</td> })}
                            <td class="num now">{now}</td>
                            <td class="num before">{before}</td>
                            <td class=format!("num change {class}")>{change}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                {common.map(|text| view! { <p id="an-period-span" class="period-span">{text}</p> })}
                <div class="table-scroll" tabindex="0">
                    <table id="an-period-table" class="data an-period-table">
                        <thead>
                            <tr>
                                <th scope="col">{ctx.t(T::AnColKpi)}</th>
                                {per_row.then(|| view! { <th scope="col">{ctx.t(T::AnColPeriod)}</th> })}
                                <th scope="col">{ctx.t(T::AnColThisPeriod)}</th>
                                <th scope="col">{ctx.t(T::AnColPreviousPeriod)}</th>
                                <th scope="col">{ctx.t(T::AnColChange)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }
    };
    let options = move || {
        let lang = ctx.lang.get();
        CHOICES
            .iter()
            .map(|(value, label)| {
                view! {
                    <option value=*value selected=move || picker.kind.get() == *value>
                        {label.get(lang)}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <section id="an-period" class="an-period" aria-labelledby="an-period-title">
            <h2 id="an-period-title">{ctx.t(T::AnPeriodTitle)}</h2>
            <p class="hint">{ctx.t(T::AnPeriodHint)}</p>
            <div class="period-picker">
                <div class="field">
                    <label for="an-period-choice">{ctx.t(T::AnPeriodChoice)}</label>
                    <select
                        id="an-period-choice"
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            let kind = CHOICES
                                .iter()
                                .find(|(v, _)| *v == value)
                                .map_or("judged", |(v, _)| *v);
                            picker.kind.set(kind);
                        }
                    >
                        {options}
                    </select>
                </div>
                <Show when=move || picker.kind.get() == "custom">
                    {date_input("an-period-from", T::AnPeriodFrom, picker.from)}
                    {date_input("an-period-to", T::AnPeriodTo, picker.to)}
                </Show>
            </div>
            {body}
        </section>
    }
}
