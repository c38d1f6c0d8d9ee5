//! What each planning step still lacks, as values the UI words (`ui::progress::gap_text`): the
//! research steps (goals to gaps), strategy to action plan, and management's approval. Items
//! are named by position (research lists) or by id.

use crate::domain::model::plan::Plan;
use crate::domain::model::workflow::{Phase, Step};
use crate::domain::planning::budget::{balance, Balance};
use crate::domain::planning::schedule::{conflicts, Conflict};
use crate::domain::planning::smart::{smart_check, SmartLetter};

/// Something a planning step still lacks, or an inconsistency it must resolve.
#[derive(Clone, Debug, PartialEq)]
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

    /// The strategy has no channel.
    NoChannel,
    /// A channel has no rationale.
    ChannelWithoutRationale {
        /// The channel plan's id.
        channel: String,
    },
    /// No KPI is set.
    NoKpi,
    /// A KPI has no target (or, for a range KPI, its range is empty: min and max both zero).
    KpiWithoutTarget {
        /// The KPI's id.
        kpi: String,
    },
    /// A KPI has no deadline.
    KpiWithoutDeadline {
        /// The KPI's id.
        kpi: String,
    },
    /// The budget has no total.
    NoBudgetTotal,
    /// The allocations add up to more than the total, by this much.
    OverAllocated(f64),
    /// This much of the total is not allocated.
    UnderAllocated(f64),
    /// The action plan has no task.
    NoTask,
    /// A task has no owner.
    TaskWithoutOwner {
        /// The task's id.
        task: String,
    },
    /// A task lacks its start or end date.
    TaskWithoutDates {
        /// The task's id.
        task: String,
    },
    /// The schedule has a conflict.
    Schedule(Conflict),
    /// Approval: the current revision is not approved.
    NotApproved,
}

impl Missing {
    /// The step where it is fixed.
    pub fn step(&self) -> Step {
        match self {
            Missing::Smart(_) => Step::Goals,
            Missing::NoTrends => Step::Market,
            Missing::NoCompetitors | Missing::UnnamedCompetitor(_) => Step::Competitors,
            Missing::NoPersonas | Missing::UnnamedPersona(_) => Step::Audience,
            Missing::NoGaps
            | Missing::GapWithoutDescription(_)
            | Missing::GapWithoutEvidence(_) => Step::Gaps,
            Missing::NotApproved => Step::Approval,
            Missing::NoChannel | Missing::ChannelWithoutRationale { .. } => Step::Strategy,
            Missing::NoKpi
            | Missing::KpiWithoutTarget { .. }
            | Missing::KpiWithoutDeadline { .. } => Step::Kpis,
            Missing::NoBudgetTotal | Missing::OverAllocated(_) | Missing::UnderAllocated(_) => {
                Step::Budget
            }
            Missing::NoTask
            | Missing::TaskWithoutOwner { .. }
            | Missing::TaskWithoutDates { .. }
            | Missing::Schedule(_) => Step::Actions,
        }
    }
}

/// What `step` of `plan` still lacks; empty when the step is complete (or is not a planning
/// step).
pub fn step_missing(plan: &Plan, step: Step) -> Vec<Missing> {
    match step {
        Step::Goals | Step::Market | Step::Competitors | Step::Audience | Step::Gaps => {
            research_missing(plan, step)
        }
        Step::Strategy | Step::Kpis | Step::Budget | Step::Actions => planning_missing(plan)
            .into_iter()
            .filter(|m| m.step() == step)
            .collect(),
        Step::Approval => approval_missing(plan),
        _ => Vec::new(),
    }
}

/// The research steps, whose lacks are their lists' items.
const RESEARCH: [Step; 5] = [
    Step::Goals,
    Step::Market,
    Step::Competitors,
    Step::Audience,
    Step::Gaps,
];

/// Everything the planning phase still lacks, step by step in the workflow's order.
pub fn missing(plan: &Plan) -> Vec<Missing> {
    let mut out = Vec::new();
    for step in RESEARCH {
        out.extend(research_missing(plan, step));
    }
    out.extend(planning_missing(plan));
    out.extend(approval_missing(plan));
    out
}

/// Whether each step of [`Step::ALL`] is complete.
pub fn complete_steps(plan: &Plan) -> Vec<bool> {
    let all = missing(plan);
    Step::ALL
        .iter()
        .map(|s| !all.iter().any(|m| m.step() == *s))
        .collect()
}

/// The share of `done` out of `total` steps as a whole-number-ready percentage (0 when there
/// are none).
pub fn score_percent((done, total): (usize, usize)) -> f64 {
    if total == 0 {
        0.0
    } else {
        100.0 * done as f64 / total as f64
    }
}

/// How many of the planning phase's steps are complete, of how many.
pub fn planning_score(plan: &Plan) -> (usize, usize) {
    let all = missing(plan);
    let steps: Vec<Step> = Phase::Plan.steps().collect();
    let done = steps
        .iter()
        .filter(|s| !all.iter().any(|m| m.step() == **s))
        .count();
    (done, steps.len())
}

fn approval_missing(plan: &Plan) -> Vec<Missing> {
    match crate::domain::planning::approval::current_approval(plan) {
        Some(_) => Vec::new(),
        None => vec![Missing::NotApproved],
    }
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

/// What a research step (goals to gaps) of `plan` still lacks.
fn research_missing(plan: &Plan, step: Step) -> Vec<Missing> {
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

/// Everything missing in the strategy, KPI, budget and action-plan steps, in step order.
fn planning_missing(plan: &Plan) -> Vec<Missing> {
    let mut out = Vec::new();
    if plan.channels.is_empty() {
        out.push(Missing::NoChannel);
    }
    for c in &plan.channels {
        if c.rationale.trim().is_empty() {
            out.push(Missing::ChannelWithoutRationale {
                channel: c.id.clone(),
            });
        }
    }

    if plan.kpis.is_empty() {
        out.push(Missing::NoKpi);
    }
    for k in &plan.kpis {
        let has_target = match k.direction {
            crate::domain::model::plan::Direction::WithinRange { min, max } => {
                min != 0.0 || max != 0.0
            }
            _ => k.target.is_some(),
        };
        if !has_target {
            out.push(Missing::KpiWithoutTarget { kpi: k.id.clone() });
        }
        if k.deadline.is_none() {
            out.push(Missing::KpiWithoutDeadline { kpi: k.id.clone() });
        }
    }

    match balance(&plan.budget, &plan.currency) {
        Balance::NoTotal => out.push(Missing::NoBudgetTotal),
        Balance::Over(by) => out.push(Missing::OverAllocated(by)),
        Balance::Under(by) => out.push(Missing::UnderAllocated(by)),
        Balance::Balanced => {}
    }

    if plan.tasks.is_empty() {
        out.push(Missing::NoTask);
    }
    for t in &plan.tasks {
        if t.owner.trim().is_empty() {
            out.push(Missing::TaskWithoutOwner { task: t.id.clone() });
        }
        if t.start.is_none() || t.end.is_none() {
            out.push(Missing::TaskWithoutDates { task: t.id.clone() });
        }
    }
    out.extend(conflicts(plan).into_iter().map(Missing::Schedule));
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
            for step in RESEARCH {
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
    // Guards: the steps after the planning phase lack nothing; the budget of a blank plan
    // lacks its total.
    #[test]
    fn steps_outside_planning_report_nothing() {
        assert!(step_missing(&blank_plan(), Step::Today).is_empty());
        assert!(step_missing(&blank_plan(), Step::Analyse).is_empty());
        assert_eq!(
            step_missing(&blank_plan(), Step::Budget),
            [Missing::NoBudgetTotal]
        );
    }
}

#[cfg(test)]
mod planning_tests {
    use super::*;
    use crate::domain::model::plan::{Direction, Kpi, Task};
    use crate::domain::values::date::Date;
    use crate::i18n::Lang;

    fn example() -> Plan {
        let mut n = 0;
        let mut ids = || {
            n += 1;
            format!("id{n}")
        };
        let start = Date::new(2026, 1, 5).unwrap_or(Date::EPOCH);
        crate::domain::model::templates::seed_example(Lang::En, &mut ids, 0, start)
    }

    // Guards: the seed's worked example is the model of a finished plan; it must pass.
    #[test]
    fn the_seed_example_misses_nothing() {
        assert_eq!(planning_missing(&example()), vec![]);
    }

    #[test]
    fn a_blank_plan_misses_every_step() {
        let blank = Plan::blank("p", "P", 0);
        assert_eq!(
            planning_missing(&blank),
            vec![
                Missing::NoChannel,
                Missing::NoKpi,
                Missing::NoBudgetTotal,
                Missing::NoTask
            ]
        );
        let steps: Vec<Step> = planning_missing(&blank).iter().map(Missing::step).collect();
        assert_eq!(
            steps,
            vec![Step::Strategy, Step::Kpis, Step::Budget, Step::Actions]
        );
    }

    #[test]
    fn incomplete_entries_are_named_by_id() {
        let mut p = example();
        p.channels[0].rationale = "  ".into();
        let channel = p.channels[0].id.clone();
        p.kpis = vec![
            Kpi {
                id: "k1".into(),
                ..Kpi::default()
            },
            Kpi {
                id: "k2".into(),
                direction: Direction::WithinRange { min: 1.0, max: 3.0 },
                deadline: Date::new(2026, 6, 1),
                ..Kpi::default()
            },
        ];
        p.budget.allocations[0].amount += 1000.0;
        p.tasks = vec![Task {
            id: "t1".into(),
            start: Date::new(2026, 2, 1),
            ..Task::default()
        }];
        assert_eq!(
            planning_missing(&p),
            vec![
                Missing::ChannelWithoutRationale { channel },
                Missing::KpiWithoutTarget { kpi: "k1".into() },
                Missing::KpiWithoutDeadline { kpi: "k1".into() },
                Missing::OverAllocated(1000.0),
                Missing::TaskWithoutOwner { task: "t1".into() },
                Missing::TaskWithoutDates { task: "t1".into() },
            ]
        );
    }

    #[test]
    fn under_allocation_and_schedule_conflicts_are_reported() {
        let mut p = example();
        p.budget.total += 5000.0;
        p.tasks[1].start = p.tasks[0].start;
        let found = planning_missing(&p);
        assert_eq!(found.first(), Some(&Missing::UnderAllocated(5000.0)));
        assert!(matches!(
            found.get(1),
            Some(Missing::Schedule(
                Conflict::StartsBeforeDependencyEnds { .. }
            ))
        ));
        assert_eq!(found.len(), 2);
    }
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
        assert!(!step_missing(&plan, Step::Budget).is_empty());
        assert!(step_missing(&plan, Step::Today).is_empty());
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
                .map(|s| step_missing(&plan, *s).is_empty())
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
        // 9 of 10 steps: 90 %.
        assert_eq!(score_percent(planning_score(&plan)), 90.0);
        assert_eq!(score_percent((0, 0)), 0.0);
        assert_eq!(
            step_missing(&plan, Step::Approval),
            vec![Missing::NotApproved]
        );
        assert_eq!(missing(&plan), vec![Missing::NotApproved]);
        submit(&mut plan, act("a1")).unwrap();
        decide(&mut plan, Decision::Approved, act("a2")).unwrap();
        assert_eq!(planning_score(&plan), (10, 10));
    }
}
