//! What each planning step still lacks, in words, and the marks that show it: a line in the
//! navigation, a box on each step, and the score on the overview.

use leptos::prelude::*;

use crate::domain::model::plan::Plan;
use crate::domain::model::workflow::Step;
use crate::domain::planning::completeness::{step_missing, Missing};
use crate::i18n::format::format_money;
use crate::i18n::sentences::smart_letter;
use crate::i18n::{Lang, T};
use crate::ui::use_ctx;

/// One thing a step lacks, in words, naming the item it concerns (by position, or by its
/// name looked up in the plan).
pub fn gap_text(gap: &Missing, plan: &Plan, lang: Lang) -> String {
    let money = |amount: &f64| format_money(*amount, &plan.currency, lang);
    let n = |key: T, n: &usize| key.fill(lang, &[("n", &n.to_string())]);
    let task = |task: &str| crate::ui::steps::planning::actions::title(plan, task, lang);
    let kpi = |kpi: &str| crate::ui::steps::planning::kpis::name_of(kpi)(plan, lang);
    match gap {
        Missing::Smart(letter) => T::MissingSmart.fill(
            lang,
            &[
                ("letter", &letter.initial().to_string()),
                ("name", smart_letter(*letter).get(lang)),
            ],
        ),
        Missing::NoTrends => T::MissingNoTrends.get(lang).to_string(),
        Missing::NoCompetitors => T::MissingNoCompetitors.get(lang).to_string(),
        Missing::UnnamedCompetitor(i) => n(T::MissingUnnamedCompetitor, i),
        Missing::NoPersonas => T::MissingNoPersonas.get(lang).to_string(),
        Missing::UnnamedPersona(i) => n(T::MissingUnnamedPersona, i),
        Missing::NoGaps => T::MissingNoGaps.get(lang).to_string(),
        Missing::GapWithoutDescription(i) => n(T::MissingGapDescription, i),
        Missing::GapWithoutEvidence(i) => n(T::MissingGapEvidence, i),
        Missing::NoChannel => T::MissingNoChannel.get(lang).to_string(),
        Missing::ChannelWithoutRationale { channel } => T::MissingChannelRationale.fill(
            lang,
            &[(
                "channel",
                &crate::ui::steps::planning::strategy::name_of(channel)(plan, lang),
            )],
        ),
        Missing::NoKpi => T::MissingNoKpi.get(lang).to_string(),
        Missing::KpiWithoutTarget { kpi: id } => {
            T::MissingKpiTarget.fill(lang, &[("kpi", &kpi(id))])
        }
        Missing::KpiWithoutDeadline { kpi: id } => {
            T::MissingKpiDeadline.fill(lang, &[("kpi", &kpi(id))])
        }
        Missing::NoBudgetTotal => T::MissingBudgetTotal.get(lang).to_string(),
        Missing::OverAllocated(a) => T::MissingOverAllocated.fill(lang, &[("amount", &money(a))]),
        Missing::UnderAllocated(a) => T::MissingUnderAllocated.fill(lang, &[("amount", &money(a))]),
        Missing::NoTask => T::MissingNoTask.get(lang).to_string(),
        Missing::TaskWithoutOwner { task: id } => {
            T::MissingTaskOwner.fill(lang, &[("task", &task(id))])
        }
        Missing::TaskWithoutDates { task: id } => {
            T::MissingTaskDates.fill(lang, &[("task", &task(id))])
        }
        Missing::Schedule(c) => crate::ui::steps::planning::actions::conflict_text(c, plan, lang),
        Missing::NotApproved => T::MissingApproval.get(lang).to_string(),
    }
}

/// What `step` of the open plan lacks, in words (empty when complete or no plan is open).
pub fn step_gap_texts(step: Step) -> Memo<Vec<String>> {
    let ctx = use_ctx();
    Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    step_missing(p, step)
                        .iter()
                        .map(|g| gap_text(g, p, lang))
                        .collect()
                })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::planning::smart::SmartLetter;

    // Guards: what a step lacks names the item by position, or by its name, in both languages.
    #[test]
    fn missing_items_are_worded() {
        let mut plan = Plan::blank("p", "P", 0);
        assert_eq!(
            gap_text(&Missing::GapWithoutEvidence(2), &plan, Lang::En),
            "Gap 2 cites no evidence."
        );
        assert_eq!(
            gap_text(&Missing::Smart(SmartLetter::TimeBound), &plan, Lang::Id),
            "Huruf T (Berbatas waktu) dari SMART belum terpenuhi."
        );
        plan.tasks.push(crate::domain::model::plan::Task {
            id: "t1".into(),
            title: "Brief the agency".into(),
            ..Default::default()
        });
        let text = gap_text(
            &Missing::TaskWithoutOwner { task: "t1".into() },
            &plan,
            Lang::En,
        );
        assert!(text.contains("Brief the agency"), "{text}");
    }
}
