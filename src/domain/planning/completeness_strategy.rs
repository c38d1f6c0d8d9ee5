//! What is still missing in the steps from strategy to action plan (strategy, KPIs, budget,
//! action plan), so the wizard and the approval step can say what to finish before the plan
//! goes to management. Items name entities by id.

use crate::domain::model::plan::Plan;
use crate::domain::model::workflow::Step;
use crate::domain::planning::budget::{balance, Balance};
use crate::domain::planning::schedule::{conflicts, Conflict};

/// One thing missing or inconsistent.
#[derive(Clone, Debug, PartialEq)]
pub enum Missing {
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
}

impl Missing {
    /// The step where it is fixed.
    pub fn step(&self) -> Step {
        match self {
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

/// Everything missing in the strategy, KPI, budget and action-plan steps, in step order.
pub fn missing(plan: &Plan) -> Vec<Missing> {
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
        assert_eq!(missing(&example()), vec![]);
    }

    #[test]
    fn a_blank_plan_misses_every_step() {
        let blank = Plan::blank("p", "P", 0);
        assert_eq!(
            missing(&blank),
            vec![
                Missing::NoChannel,
                Missing::NoKpi,
                Missing::NoBudgetTotal,
                Missing::NoTask
            ]
        );
        let steps: Vec<Step> = missing(&blank).iter().map(Missing::step).collect();
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
            missing(&p),
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
        let found = missing(&p);
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
