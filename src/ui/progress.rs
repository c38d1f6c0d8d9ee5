//! What each planning step still lacks, in words, and the marks that show it: a line in the
//! navigation, a box on each step, and the score on the overview.

use leptos::prelude::*;

use crate::domain::model::plan::Plan;
use crate::domain::model::workflow::Step;
use crate::domain::planning::completeness::{gaps, Gap};
use crate::domain::planning::completeness_strategy::Missing as PlanningGap;
use crate::i18n::format::format_money;
use crate::i18n::sentences::missing as research_gap;
use crate::i18n::{Lang, T};
use crate::ui::use_ctx;

/// One gap in words, naming the item it concerns.
pub fn gap_text(gap: &Gap, plan: &Plan, lang: Lang) -> String {
    let money = |amount: &f64| format_money(*amount, &plan.currency, lang);
    match gap {
        Gap::Research(m) => research_gap(m, lang),
        Gap::NotApproved => T::MissingApproval.get(lang).to_string(),
        Gap::Planning(m) => match m {
            PlanningGap::NoChannel => T::MissingNoChannel.get(lang).to_string(),
            PlanningGap::ChannelWithoutRationale { channel } => T::MissingChannelRationale.fill(
                lang,
                &[(
                    "channel",
                    &crate::ui::steps::planning::strategy::name_of(channel)(plan, lang),
                )],
            ),
            PlanningGap::NoKpi => T::MissingNoKpi.get(lang).to_string(),
            PlanningGap::KpiWithoutTarget { kpi } => T::MissingKpiTarget.fill(
                lang,
                &[(
                    "kpi",
                    &crate::ui::steps::planning::kpis::name_of(kpi)(plan, lang),
                )],
            ),
            PlanningGap::KpiWithoutDeadline { kpi } => T::MissingKpiDeadline.fill(
                lang,
                &[(
                    "kpi",
                    &crate::ui::steps::planning::kpis::name_of(kpi)(plan, lang),
                )],
            ),
            PlanningGap::NoBudgetTotal => T::MissingBudgetTotal.get(lang).to_string(),
            PlanningGap::OverAllocated(a) => {
                T::MissingOverAllocated.fill(lang, &[("amount", &money(a))])
            }
            PlanningGap::UnderAllocated(a) => {
                T::MissingUnderAllocated.fill(lang, &[("amount", &money(a))])
            }
            PlanningGap::NoTask => T::MissingNoTask.get(lang).to_string(),
            PlanningGap::TaskWithoutOwner { task } => T::MissingTaskOwner.fill(
                lang,
                &[(
                    "task",
                    &crate::ui::steps::planning::actions::title(plan, task, lang),
                )],
            ),
            PlanningGap::TaskWithoutDates { task } => T::MissingTaskDates.fill(
                lang,
                &[(
                    "task",
                    &crate::ui::steps::planning::actions::title(plan, task, lang),
                )],
            ),
            PlanningGap::Schedule(c) => {
                crate::ui::steps::planning::actions::conflict_text(c, plan, lang)
            }
        },
    }
}

/// What `step` of the open plan lacks, in words (empty when complete or no plan is open).
pub fn step_gap_texts(step: Step) -> Memo<Vec<String>> {
    let ctx = use_ctx();
    Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.plan.with(|p| {
            p.as_ref()
                .map(|p| gaps(p, step).iter().map(|g| gap_text(g, p, lang)).collect())
                .unwrap_or_default()
        })
    })
}

/// The box on a planning step: complete, or the list of what is missing. Unfinished steps can
/// be saved and left; the box only explains.
#[component]
pub fn StepProgress(step: Step) -> impl IntoView {
    let ctx = use_ctx();
    let missing = step_gap_texts(step);
    view! {
        <section class="progress" class:complete=move || missing.with(Vec::is_empty) aria-labelledby="progress-title">
            <h2 id="progress-title">
                {move || {
                    if missing.with(Vec::is_empty) {
                        ctx.t(T::StepComplete)()
                    } else {
                        ctx.t(T::StepIncomplete)()
                    }
                }}
            </h2>
            <ul>
                {move || missing.get().into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}
            </ul>
        </section>
    }
}
