//! What each step still lacks, as values the UI words. Covers the research steps (goals to
//! gaps); the other steps report nothing yet.

use crate::domain::model::plan::Plan;
use crate::domain::model::workflow::Step;
use crate::domain::planning::smart::{smart_check, SmartLetter};

/// Something a step still lacks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Missing {
    /// Goals: a SMART letter is not met.
    Smart(SmartLetter),
    /// Market: no trend noted.
    NoTrends,
    /// Competitors: none listed.
    NoCompetitors,
    /// Competitors: the one at this 1-based position has no name.
    UnnamedCompetitor(usize),
    /// Audience: no persona.
    NoPersonas,
    /// Audience: the persona at this 1-based position has no name.
    UnnamedPersona(usize),
    /// Gaps: none identified.
    NoGaps,
    /// Gaps: the gap at this 1-based position has no description.
    GapWithoutDescription(usize),
    /// Gaps: the gap at this 1-based position cites no evidence.
    GapWithoutEvidence(usize),
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// 1-based positions of the items for which `lacks` holds.
fn positions<I>(list: &[I], lacks: impl Fn(&I) -> bool) -> Vec<usize> {
    list.iter()
        .enumerate()
        .filter(|(_, x)| lacks(x))
        .map(|(i, _)| i + 1)
        .collect()
}

/// What `step` of `plan` still lacks; empty when the step is complete (or not covered yet).
pub fn step_missing(plan: &Plan, step: Step) -> Vec<Missing> {
    let mut out = Vec::new();
    match step {
        Step::Goals => out.extend(
            smart_check(&plan.goal)
                .unmet()
                .into_iter()
                .map(Missing::Smart),
        ),
        Step::Market if plan.market.trends.iter().all(|n| blank(&n.text)) => {
            out.push(Missing::NoTrends);
        }
        Step::Competitors => {
            if plan.competitors.is_empty() {
                out.push(Missing::NoCompetitors);
            }
            out.extend(
                positions(&plan.competitors, |c| blank(&c.name))
                    .into_iter()
                    .map(Missing::UnnamedCompetitor),
            );
        }
        Step::Audience => {
            if plan.personas.is_empty() {
                out.push(Missing::NoPersonas);
            }
            out.extend(
                positions(&plan.personas, |p| blank(&p.name))
                    .into_iter()
                    .map(Missing::UnnamedPersona),
            );
        }
        Step::Gaps => {
            if plan.gaps.is_empty() {
                out.push(Missing::NoGaps);
            }
            for (i, gap) in plan.gaps.iter().enumerate() {
                if blank(&gap.description) {
                    out.push(Missing::GapWithoutDescription(i + 1));
                }
                if gap.evidence.is_empty() {
                    out.push(Missing::GapWithoutEvidence(i + 1));
                }
            }
        }
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::plan::{Competitor, MarketGap, Note, Persona};
    use crate::domain::model::templates::seed_example;
    use crate::domain::values::date::Date;
    use crate::i18n::Lang;

    fn blank_plan() -> Plan {
        Plan::blank("p", "Plan", 0)
    }

    // Guards: a new plan shows every research step as incomplete.
    #[test]
    fn a_blank_plan_lacks_everything() {
        let plan = blank_plan();
        assert_eq!(step_missing(&plan, Step::Goals).len(), 5);
        assert_eq!(step_missing(&plan, Step::Market), [Missing::NoTrends]);
        assert_eq!(
            step_missing(&plan, Step::Competitors),
            [Missing::NoCompetitors]
        );
        assert_eq!(step_missing(&plan, Step::Audience), [Missing::NoPersonas]);
        assert_eq!(step_missing(&plan, Step::Gaps), [Missing::NoGaps]);
    }

    // Guards: the seed example, complete by design, passes all five research steps.
    #[test]
    fn the_seed_example_is_complete() {
        let mut n = 0;
        let mut ids = || {
            n += 1;
            format!("id{n}")
        };
        let start = Date::new(2026, 1, 5).unwrap();
        for lang in [Lang::Id, Lang::En] {
            let plan = seed_example(lang, &mut ids, 0, start);
            for step in [
                Step::Goals,
                Step::Market,
                Step::Competitors,
                Step::Audience,
                Step::Gaps,
            ] {
                assert_eq!(step_missing(&plan, step), [], "{step:?} in {lang:?}");
            }
        }
    }

    // Guards: items are reported by position, so the UI can say which one lacks what.
    #[test]
    fn incomplete_items_are_reported_by_position() {
        let mut plan = blank_plan();
        plan.market.trends = vec![Note {
            id: "t".into(),
            text: "  ".into(),
        }];
        plan.competitors = vec![
            Competitor {
                id: "a".into(),
                name: "A".into(),
                ..Competitor::default()
            },
            Competitor::default(),
        ];
        plan.personas = vec![Persona::default()];
        plan.gaps = vec![
            MarketGap {
                description: "Gap".into(),
                evidence: vec!["a".into()],
                ..MarketGap::default()
            },
            MarketGap::default(),
        ];
        assert_eq!(step_missing(&plan, Step::Market), [Missing::NoTrends]);
        assert_eq!(
            step_missing(&plan, Step::Competitors),
            [Missing::UnnamedCompetitor(2)]
        );
        assert_eq!(
            step_missing(&plan, Step::Audience),
            [Missing::UnnamedPersona(1)]
        );
        assert_eq!(
            step_missing(&plan, Step::Gaps),
            [
                Missing::GapWithoutDescription(2),
                Missing::GapWithoutEvidence(2)
            ]
        );
    }

    // Guards: steps owned by others report nothing rather than a wrong verdict.
    #[test]
    fn other_steps_report_nothing_yet() {
        assert!(step_missing(&blank_plan(), Step::Budget).is_empty());
    }
}

/// Something any planning step still lacks: the research steps' items, the strategy-to-action
/// items of [`crate::domain::planning::completeness_strategy`], or the missing approval.
#[derive(Clone, Debug, PartialEq)]
pub enum Gap {
    /// Goals to gaps.
    Research(Missing),
    /// Strategy to action plan.
    Planning(crate::domain::planning::completeness_strategy::Missing),
    /// Management has not approved the current revision.
    NotApproved,
}

/// What a step lacks, for every step of the workflow (execution and analysis steps have no
/// completeness and always report nothing).
pub fn gaps(plan: &Plan, step: Step) -> Vec<Gap> {
    gaps_given(
        plan,
        step,
        &crate::domain::planning::completeness_strategy::missing(plan),
    )
}

/// [`gaps`] with the plan-wide items of [`crate::domain::planning::completeness_strategy::missing`] already found.
fn gaps_given(
    plan: &Plan,
    step: Step,
    planning: &[crate::domain::planning::completeness_strategy::Missing],
) -> Vec<Gap> {
    let mut out: Vec<Gap> = step_missing(plan, step)
        .into_iter()
        .map(Gap::Research)
        .collect();
    out.extend(
        planning
            .iter()
            .filter(|m| m.step() == step)
            .cloned()
            .map(Gap::Planning),
    );
    if step == Step::Approval && crate::domain::planning::approval::current_approval(plan).is_none()
    {
        out.push(Gap::NotApproved);
    }
    out
}

/// Whether each step of [`Step::ALL`] is complete (lacks nothing), in that order. The
/// plan-wide checks (schedule conflicts among them) run once here, not once per step: the
/// navigation recomputes this on every edit, keystrokes included.
pub fn complete_steps(plan: &Plan) -> Vec<bool> {
    let planning = crate::domain::planning::completeness_strategy::missing(plan);
    Step::ALL
        .iter()
        .map(|s| gaps_given(plan, *s, &planning).is_empty())
        .collect()
}

/// How many of the ten planning steps are complete, out of ten.
pub fn planning_score(plan: &Plan) -> (usize, usize) {
    let planning = crate::domain::planning::completeness_strategy::missing(plan);
    let steps: Vec<Step> = crate::domain::model::workflow::Phase::Plan
        .steps()
        .collect();
    let done = steps
        .iter()
        .filter(|s| gaps_given(plan, **s, &planning).is_empty())
        .count();
    (done, steps.len())
}

#[cfg(test)]
mod gap_tests {
    use super::*;
    use crate::domain::model::plan::Decision;
    use crate::domain::planning::approval::{decide, submit, Act};
    use crate::domain::values::date::Date;

    fn act(id: &str) -> Act<'static> {
        Act {
            id: id.to_string(),
            by: "Budi",
            comment: "",
            date: Date::new(2026, 11, 28).unwrap(),
        }
    }

    // Guards: a blank plan is complete in no planning step, and the score counts ten steps.
    #[test]
    fn a_blank_plan_scores_zero_of_ten() {
        let plan = Plan::blank("p", "Blank", 0);
        assert_eq!(planning_score(&plan), (0, 10));
        assert!(gaps(&plan, Step::Budget)
            .iter()
            .any(|g| matches!(g, Gap::Planning(_))));
        assert!(gaps(&plan, Step::Today).is_empty());
    }

    // Guards: the navigation's one-pass check agrees with asking step by step.
    #[test]
    fn complete_steps_agrees_with_gaps_per_step() {
        let mut ids = (0..).map(|n| format!("id{n}"));
        let example = crate::domain::model::templates::seed_example(
            crate::i18n::Lang::En,
            &mut || ids.next().unwrap_or_default(),
            0,
            Date::new(2026, 11, 28).unwrap(),
        );
        for plan in [Plan::blank("p", "Blank", 0), example] {
            let one_by_one: Vec<bool> = Step::ALL
                .iter()
                .map(|s| gaps(&plan, *s).is_empty())
                .collect();
            assert_eq!(complete_steps(&plan), one_by_one);
        }
    }

    // Guards: the seed example fills nine steps; approval completes the tenth.
    #[test]
    fn the_example_is_complete_once_approved() {
        let mut ids = (0..).map(|n| format!("id{n}"));
        let mut plan = crate::domain::model::templates::seed_example(
            crate::i18n::Lang::En,
            &mut || ids.next().unwrap_or_default(),
            0,
            Date::new(2026, 11, 28).unwrap(),
        );
        assert_eq!(planning_score(&plan), (9, 10));
        assert_eq!(gaps(&plan, Step::Approval), vec![Gap::NotApproved]);
        submit(&mut plan, act("a1")).unwrap();
        decide(&mut plan, Decision::Approved, act("a2")).unwrap();
        assert_eq!(planning_score(&plan), (10, 10));
    }
}
