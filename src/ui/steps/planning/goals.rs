//! Step 1, goals & targets: the objective, the SMART builder on `plan.goal`, a live SMART check
//! and the composed goal sentence.

use crate::ui::control::Show;
use leptos::prelude::*;

use crate::domain::model::plan::Objective;
use crate::domain::planning::smart::{goal_sentence, smart_check, SmartLetter};
use crate::i18n::sentences::{self, objective_label, smart_letter, smart_reason};
use crate::i18n::T;
use crate::ui::form::{plan_value, DateField, NumberField, SelectField, TextField};
use crate::ui::use_ctx;

/// The goals step.
#[component]
pub fn GoalsStep() -> impl IntoView {
    let objectives = [
        Objective::Awareness,
        Objective::Leads,
        Objective::Sales,
        Objective::Engagement,
    ]
    .map(|o| (o, objective_label(o)))
    .to_vec();
    let unit = Signal::derive(plan_value(|p| p.goal.unit.clone()));
    view! {
        <div class="goals-step">
            <SelectField
                id="goal-objective".into()
                label=T::GoalObjective
                options=objectives
                get=|p| p.goal.objective
                set=|p, v| p.goal.objective = v
            />
            <div class="smart-builder">
                <fieldset class="smart-part">
                    <legend>"S · " {letter_name(SmartLetter::Specific)}</legend>
                    <TextField
                        id="goal-specific".into()
                        label=T::GoalSpecific
                        hint=T::GoalSpecificHint
                        multiline=true
                        get=|p| p.goal.specific.clone()
                        set=|p, v| p.goal.specific = v
                    />
                </fieldset>
                <fieldset class="smart-part">
                    <legend>"M · " {letter_name(SmartLetter::Measurable)}</legend>
                    <TextField
                        id="goal-metric".into()
                        label=T::GoalMetric
                        hint=T::GoalMetricHint
                        get=|p| p.goal.metric.clone()
                        set=|p, v| p.goal.metric = v
                    />
                    <div class="field-row">
                        <TextField
                            id="goal-unit".into()
                            label=T::GoalUnit
                            get=|p| p.goal.unit.clone()
                            set=|p, v| p.goal.unit = v
                        />
                        <NumberField
                            id="goal-baseline".into()
                            label=T::GoalBaseline
                            decimals=2
                            unit=unit
                            get=|p| p.goal.baseline
                            set=|p, v| p.goal.baseline = v
                        />
                        <NumberField
                            id="goal-target".into()
                            label=T::GoalTarget
                            decimals=2
                            unit=unit
                            get=|p| p.goal.target
                            set=|p, v| p.goal.target = v
                        />
                    </div>
                </fieldset>
                <fieldset class="smart-part">
                    <legend>"A · " {letter_name(SmartLetter::Achievable)}</legend>
                    <TextField
                        id="goal-achievable".into()
                        label=T::GoalAchievable
                        multiline=true
                        get=|p| p.goal.achievable.clone()
                        set=|p, v| p.goal.achievable = v
                    />
                </fieldset>
                <fieldset class="smart-part">
                    <legend>"R · " {letter_name(SmartLetter::Relevant)}</legend>
                    <TextField
                        id="goal-relevant".into()
                        label=T::GoalRelevant
                        multiline=true
                        get=|p| p.goal.relevant.clone()
                        set=|p, v| p.goal.relevant = v
                    />
                </fieldset>
                <fieldset class="smart-part">
                    <legend>"T · " {letter_name(SmartLetter::TimeBound)}</legend>
                    <div class="field-row">
                        <DateField
                            id="goal-start".into()
                            label=T::GoalStart
                            get=|p| p.goal.start
                            set=|p, v| p.goal.start = v
                        />
                        <DateField
                            id="goal-end".into()
                            label=T::GoalEnd
                            get=|p| p.goal.end
                            set=|p, v| p.goal.end = v
                        />
                    </div>
                </fieldset>
            </div>
            <GoalSentence />
            <SmartCheck />
        </div>
    }
}

fn letter_name(letter: SmartLetter) -> impl Fn() -> &'static str + Copy {
    use_ctx().t(smart_letter(letter))
}

/// The goal composed as one sentence, or what is still needed to compose it.
#[component]
fn GoalSentence() -> impl IntoView {
    let ctx = use_ctx();
    let parts = plan_value(|p| goal_sentence(&p.goal));
    view! {
        <section class="goal-sentence" aria-labelledby="goal-sentence-heading">
            <h2 id="goal-sentence-heading">{ctx.t(T::GoalSentenceTitle)}</h2>
            <p id="goal-sentence">
                {move || match parts() {
                    Some(parts) => sentences::goal_sentence(&parts, ctx.lang.get()),
                    None => ctx.t(T::GoalSentenceEmpty)().to_string(),
                }}
            </p>
        </section>
    }
}

/// Each SMART letter as met or not met, with the reasons why not.
#[component]
fn SmartCheck() -> impl IntoView {
    let ctx = use_ctx();
    let report = Memo::new(move |_| ctx.plan.with(|p| p.as_ref().map(|p| smart_check(&p.goal))));
    let all_met = move || report.with(|r| r.as_ref().is_some_and(|r| r.is_smart()));
    let letters = SmartLetter::ALL
        .into_iter()
        .map(|letter| {
            let check = move || report.with(|r| r.as_ref().map(|r| r.check(letter).clone()));
            let met = move || check().is_some_and(|c| c.is_met());
            let reasons = move || {
                check()
                    .map(|c| c.reasons)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|reason| view! { <li>{ctx.t(smart_reason(reason))}</li> })
                    .collect_view()
            };
            view! {
                <li id=format!("smart-{}", letter.as_str()) class="smart-letter" class:met=met>
                    <span class="smart-initial" aria-hidden="true">{letter.initial().to_string()}</span>
                    <span class="smart-name">{letter_name(letter)}</span>
                    <span class="smart-status">
                        <span aria-hidden="true">{move || if met() { "✓ " } else { "✗ " }}</span>
                        {move || ctx.t(if met() { T::SmartMet } else { T::SmartNotMet })()}
                    </span>
                    <ul class="smart-reasons">{reasons}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="smart-check" aria-labelledby="smart-check-heading">
            <h2 id="smart-check-heading">{ctx.t(T::SmartCheckTitle)}</h2>
            <Show when=all_met>
                <p class="smart-all-met">{ctx.t(T::SmartAllMet)}</p>
            </Show>
            <ul id="smart-check" class="smart-letters">{letters}</ul>
        </section>
    }
}
