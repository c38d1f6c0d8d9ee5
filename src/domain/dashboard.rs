//! The plan's dashboard: on one screen, what a manager shows their director. Each KPI against
//! its target with its status and recent course, spend against the time gone per channel,
//! what is overdue and due this week, and the workflow's next step. It reads across the three
//! phases, so it lives beside them; every figure comes from the phase that owns it.

use crate::domain::analysis::kpis::{analyse_kpi_points, is_better, trend, Status};
use crate::domain::execution::spend::by_channel;
use crate::domain::execution::today::{due_this_week, overdue, time_elapsed_percent, DueItem};
use crate::domain::model::plan::{Channel, Direction, Plan};
use crate::domain::model::workflow::{Phase, Step};
use crate::domain::planning::completeness::complete_steps;
use crate::domain::values::date::Date;

/// The most recent values a KPI card draws as its sparkline.
pub const SPARK_POINTS: usize = 30;

/// Which way a KPI is going, judged by its direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Course {
    /// Towards the target.
    Better,
    /// Away from it.
    Worse,
    /// Level (or a range KPI, where up and down say nothing alone).
    Flat,
}

/// One KPI on the dashboard.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiCard {
    /// The KPI's id.
    pub id: String,
    /// Its unit, for its figures.
    pub unit: String,
    /// Its value now, as the analysis computes it.
    pub actual: Option<f64>,
    /// Its target (for a range, `None`: the range is in `direction`).
    pub target: Option<f64>,
    /// Its status.
    pub status: Status,
    /// The latest values, oldest first, at most [`SPARK_POINTS`].
    pub spark: Vec<(Date, f64)>,
    /// Where its trend goes, when there are enough days for one.
    pub course: Option<Course>,
}

/// One channel's spend against the share of the campaign gone.
#[derive(Clone, Debug, PartialEq)]
pub struct SpendCard {
    /// The channel.
    pub channel: Channel,
    /// Budgeted.
    pub planned: f64,
    /// Spent so far (as the spend page counts it).
    pub spent: f64,
    /// Spent as a share of planned, in percent.
    pub used_percent: Option<f64>,
}

/// Everything the dashboard shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Dashboard {
    /// Every KPI, in the plan's order.
    pub kpis: Vec<KpiCard>,
    /// Every channel with a budget or spend.
    pub spend: Vec<SpendCard>,
    /// How much of the campaign's time is gone, in percent (`None` without its dates).
    pub time_gone_percent: Option<f64>,
    /// Unfinished things due before today, oldest first.
    pub overdue: Vec<DueItem>,
    /// Unfinished things due from today to a week ahead.
    pub due_this_week: Vec<DueItem>,
    /// Where the workflow goes next.
    pub next_step: Step,
}

/// The dashboard of `plan` on `today`.
pub fn dashboard(plan: &Plan, today: Date) -> Dashboard {
    let kpis = plan
        .kpis
        .iter()
        .map(|kpi| {
            let (analysis, points) = analyse_kpi_points(plan, kpi, today);
            let course = course(&points, kpi.direction);
            let from = points.len().saturating_sub(SPARK_POINTS);
            KpiCard {
                id: kpi.id.clone(),
                unit: kpi.unit.clone(),
                actual: analysis.actual,
                target: kpi.target,
                status: analysis.status,
                spark: points.get(from..).unwrap_or_default().to_vec(),
                course,
            }
        })
        .collect();
    let spend = by_channel(plan)
        .into_iter()
        .map(|c| SpendCard {
            channel: c.channel,
            planned: c.planned,
            spent: c.spent,
            used_percent: c.used_percent,
        })
        .collect();
    let time_gone_percent = time_elapsed_percent(plan, today);
    Dashboard {
        kpis,
        spend,
        time_gone_percent,
        overdue: overdue(plan, today),
        due_this_week: due_this_week(plan, today),
        next_step: next_step(plan),
    }
}

/// A KPI's course from its trend (from at least
/// [`crate::domain::analysis::kpis::MIN_TREND_POINTS`] days): the slope's sign read through
/// its direction; a change under a thousandth of the values' size a day is level.
fn course(points: &[(Date, f64)], direction: Direction) -> Option<Course> {
    if points.len() < crate::domain::analysis::kpis::MIN_TREND_POINTS {
        return None;
    }
    let slope = trend(points)?.slope;
    let scale = points.iter().map(|p| p.1.abs()).fold(0.0_f64, f64::max);
    if !slope.is_finite() || slope.abs() <= scale * 1e-3 {
        return Some(Course::Flat);
    }
    Some(match is_better(direction, slope) {
        Some(true) => Course::Better,
        Some(false) => Course::Worse,
        None => Course::Flat,
    })
}

/// Where the workflow goes next: the first planning step still lacking something; once the
/// plan is complete, collecting data until there is some, then analysing it.
pub fn next_step(plan: &Plan) -> Step {
    let complete = complete_steps(plan);
    let first_open = Step::ALL
        .iter()
        .zip(&complete)
        .find(|(step, done)| step.phase() == Phase::Plan && !**done)
        .map(|(step, _)| *step);
    match first_open {
        Some(step) => step,
        None if plan.facts.is_empty() && plan.measurements.is_empty() => Step::Collect,
        None => Step::Analyse,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::analysis::kpis::analyse_kpi;
    use crate::domain::model::plan::{Kpi, Measurement};

    fn day(d: u8) -> Date {
        Date::new(2026, 10, d).unwrap()
    }

    fn example() -> Plan {
        let mut ids = (0..).map(|n| format!("id{n}"));
        crate::domain::model::templates::seed_example(
            crate::i18n::Lang::En,
            &mut || ids.next().unwrap_or_default(),
            0,
            day(1),
        )
    }

    fn measured(kpi: &str, values: &[(u8, f64)]) -> Vec<Measurement> {
        values
            .iter()
            .map(|&(d, value)| Measurement {
                id: format!("m{d}"),
                kpi: kpi.into(),
                date: day(d),
                end: None,
                value,
                source: String::new(),
                note: String::new(),
                import: String::new(),
            })
            .collect()
    }

    // Guards: a blank plan's next step is its first, the goals; a complete, approved plan
    // with no data goes to collecting it, and with data to the analysis.
    #[test]
    fn the_next_step_follows_the_workflow() {
        assert_eq!(next_step(&Plan::blank("p", "P", 0)), Step::Goals);
        let mut plan = example();
        assert_eq!(
            next_step(&plan),
            Step::Approval,
            "the example lacks only its approval"
        );
        let act = |id: &str, by| crate::domain::planning::approval::Act {
            id: id.into(),
            by,
            comment: "",
            date: day(1),
        };
        crate::domain::planning::approval::submit(&mut plan, act("a1", "Dewi")).unwrap();
        crate::domain::planning::approval::decide(
            &mut plan,
            crate::domain::model::plan::Decision::Approved,
            act("a2", "Budi"),
        )
        .unwrap();
        plan.measurements.clear();
        plan.facts.clear();
        assert_eq!(next_step(&plan), Step::Collect);
        let kpi = plan.kpis[0].id.clone();
        plan.measurements = measured(&kpi, &[(2, 1.0)]);
        assert_eq!(next_step(&plan), Step::Analyse);
    }

    // Guards: a KPI card carries the analysis's actual and status, its latest values, and a
    // course read through its direction: a cost per result falling is better.
    #[test]
    fn kpi_cards_carry_value_status_spark_and_course() {
        let mut plan = example();
        plan.kpis = vec![
            Kpi {
                id: "visits".into(),
                name: "Visits".into(),
                target: Some(100.0),
                direction: Direction::HigherIsBetter,
                deadline: Some(day(31)),
                ..Kpi::default()
            },
            Kpi {
                id: "cpa".into(),
                name: "CPA".into(),
                target: Some(50.0),
                direction: Direction::LowerIsBetter,
                deadline: Some(day(31)),
                ..Kpi::default()
            },
        ];
        plan.measurements = measured("visits", &[(2, 10.0), (3, 20.0), (4, 30.0)]);
        plan.measurements.extend(
            measured("cpa", &[(2, 90.0), (3, 80.0), (4, 70.0)])
                .into_iter()
                .map(|mut m| {
                    m.id.push('c');
                    m
                }),
        );
        let board = dashboard(&plan, day(5));
        let visits = &board.kpis[0];
        assert_eq!(visits.spark.len(), 3);
        assert_eq!(visits.target, Some(100.0));
        assert_eq!(
            visits.actual,
            analyse_kpi(&plan, &plan.kpis[0], day(5)).actual
        );
        assert_eq!(visits.course, Some(Course::Better));
        assert_eq!(
            board.kpis[1].course,
            Some(Course::Better),
            "a falling CPA is better"
        );
        // Two points are no trend.
        plan.measurements.retain(|m| m.date != day(4));
        assert_eq!(dashboard(&plan, day(5)).kpis[0].course, None);
    }

    // Guards: the time gone is the share of the campaign's days; spend per channel is the
    // spend page's; the due lists are the today page's.
    #[test]
    fn time_spend_and_due_items_come_from_their_phases() {
        let mut plan = example();
        plan.goal.start = Some(day(1));
        plan.goal.end = Some(day(31));
        let board = dashboard(&plan, day(16));
        // 1–16 October of 1–31 October: 16 of 31 days, 51.6 %, as the Today page counts.
        assert_eq!(board.time_gone_percent, Some(16.0 / 31.0 * 100.0));
        assert_eq!(
            board.time_gone_percent,
            crate::domain::execution::today::pace(&plan, day(16)).elapsed_percent
        );
        assert_eq!(board.spend.len(), by_channel(&plan).len());
        assert_eq!(board.overdue, overdue(&plan, day(16)));
        assert_eq!(board.due_this_week, due_this_week(&plan, day(16)));
    }
}
