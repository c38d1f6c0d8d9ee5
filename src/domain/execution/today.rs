//! The "Today" view: what is overdue, what is due this week, how spend keeps pace with the
//! campaign's time, and which KPIs lack recent data. Every function takes `today`, so the
//! edges are tested with fixed dates.

use crate::domain::execution::measurements::last_measured;
use crate::domain::execution::spend::total_spent;
use crate::domain::model::plan::{ContentStatus, Plan, TaskStatus};
use crate::domain::planning::schedule::campaign_window;
use crate::domain::values::date::Date;

/// How many days ahead "this week" reaches (today through today + 7).
pub const WEEK_AHEAD_DAYS: i64 = 7;

/// A KPI without a value for more than this many days lacks recent data.
pub const STALE_AFTER_DAYS: i64 = 14;

/// What kind of thing is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DueKind {
    /// A task of the action plan (due at its end date).
    Task,
    /// A checklist item of the execution board.
    Execution,
    /// A content item (due at its publish date).
    Content,
}

/// Something with a due date that is not finished.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueItem {
    /// What it is.
    pub kind: DueKind,
    /// Its id.
    pub id: String,
    /// Its title as typed (may be blank).
    pub title: String,
    /// When it is due.
    pub date: Date,
}

/// Every unfinished dated thing: tasks by end date, checklist items by due date, content not
/// yet published by publish date. Undated things are never due.
fn open_items(plan: &Plan) -> Vec<DueItem> {
    let tasks = plan.tasks.iter().filter_map(|t| {
        (t.status != TaskStatus::Done).then_some(())?;
        Some(DueItem {
            kind: DueKind::Task,
            id: t.id.clone(),
            title: t.title.clone(),
            date: t.end?,
        })
    });
    let execution = plan.execution.iter().filter_map(|i| {
        (i.status != TaskStatus::Done).then_some(())?;
        Some(DueItem {
            kind: DueKind::Execution,
            id: i.id.clone(),
            title: i.title.clone(),
            date: i.due?,
        })
    });
    let content = plan.content.iter().filter_map(|c| {
        (c.status != ContentStatus::Published).then_some(())?;
        Some(DueItem {
            kind: DueKind::Content,
            id: c.id.clone(),
            title: c.title.clone(),
            date: c.publish?,
        })
    });
    let mut out: Vec<DueItem> = tasks.chain(execution).chain(content).collect();
    crate::domain::values::sort::sort_by_key(&mut out, |i| i.date);
    out
}

/// Unfinished things due before today, oldest first.
pub fn overdue(plan: &Plan, today: Date) -> Vec<DueItem> {
    open_items(plan)
        .into_iter()
        .filter(|i| i.date < today)
        .collect()
}

/// Unfinished things due from today through [`WEEK_AHEAD_DAYS`] days later, soonest first.
pub fn due_this_week(plan: &Plan, today: Date) -> Vec<DueItem> {
    open_items(plan)
        .into_iter()
        .filter(|i| (0..=WEEK_AHEAD_DAYS).contains(&today.days_until(i.date)))
        .collect()
}

/// Spend against time in the campaign window.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pace {
    /// Everything spent so far.
    pub spent: f64,
    /// The budget: its total, or the sum of the allocations while no total is set.
    pub budget: f64,
    /// Spent as a percentage of the budget; `None` without a budget.
    pub spent_percent: Option<f64>,
    /// Days elapsed as a percentage of the campaign window (0 before it, 100 after);
    /// `None` without a window.
    pub elapsed_percent: Option<f64>,
}

/// The share of the campaign's days gone on `today`, in percent (0 before it, 100 after;
/// today counts as gone); `None` without the campaign's dates. The one figure the Today page,
/// the dashboard and the burn chart show.
pub fn time_elapsed_percent(plan: &Plan, today: Date) -> Option<f64> {
    campaign_window(plan).map(|w| {
        let elapsed = (w.start.days_until(today) + 1).clamp(0, w.days());
        elapsed as f64 / w.days() as f64 * 100.0
    })
}

/// How spend keeps pace with the campaign's time on `today`. Today counts as elapsed.
pub fn pace(plan: &Plan, today: Date) -> Pace {
    let spent = total_spent(plan);
    let budget = if plan.budget.total.is_finite() && plan.budget.total > 0.0 {
        plan.budget.total
    } else {
        crate::domain::planning::budget::allocated(&plan.budget, &plan.currency)
    };
    let spent_percent = (budget > 0.0).then(|| spent / budget * 100.0);
    let elapsed_percent = time_elapsed_percent(plan, today);
    Pace {
        spent,
        budget,
        spent_percent,
        elapsed_percent,
    }
}

/// A KPI without recent data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaleKpi {
    /// The KPI's id.
    pub id: String,
    /// The last day it has data for; `None` when it was never measured.
    pub last: Option<Date>,
}

/// KPIs with no measurement in the last [`STALE_AFTER_DAYS`] days (or none at all), in plan
/// order.
pub fn stale_kpis(plan: &Plan, today: Date) -> Vec<StaleKpi> {
    plan.kpis
        .iter()
        .filter_map(|k| {
            let last = last_measured(plan, &k.id);
            let fresh = last.is_some_and(|d| d.days_until(today) <= STALE_AFTER_DAYS);
            (!fresh).then(|| StaleKpi {
                id: k.id.clone(),
                last,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::plan::{
        ContentItem, ContentKind, ExecutionItem, Kpi, Measurement, SpendEntry, Task, Workstream,
    };

    fn d(text: &str) -> Date {
        Date::parse_iso(text).unwrap_or(Date::EPOCH)
    }

    const TODAY: &str = "2026-06-10";

    fn task(id: &str, end: Option<&str>, status: TaskStatus) -> Task {
        Task {
            id: id.into(),
            end: end.map(d),
            status,
            ..Task::default()
        }
    }

    fn ids(items: &[DueItem]) -> Vec<&str> {
        items.iter().map(|i| i.id.as_str()).collect()
    }

    fn plan() -> Plan {
        let mut plan = Plan::blank("p", "P", 0);
        plan.tasks = vec![
            task("yesterday", Some("2026-06-09"), TaskStatus::Doing),
            task("today", Some(TODAY), TaskStatus::Todo),
            task("in7", Some("2026-06-17"), TaskStatus::Todo),
            task("in8", Some("2026-06-18"), TaskStatus::Todo),
            task("done-late", Some("2026-06-01"), TaskStatus::Done),
            task("undated", None, TaskStatus::Todo),
        ];
        plan.execution = vec![ExecutionItem {
            id: "item-late".into(),
            workstream: Workstream::Seo,
            title: "Sitemap".into(),
            owner: String::new(),
            due: Some(d("2026-05-30")),
            status: TaskStatus::Blocked,
        }];
        let content = |id: &str, date: &str, status| ContentItem {
            id: id.into(),
            title: id.into(),
            kind: ContentKind::Video,
            channel: None,
            owner: String::new(),
            publish: Some(d(date)),
            status,
        };
        plan.content = vec![
            content("post-late", "2026-06-08", ContentStatus::Draft),
            content("post-out", "2026-06-08", ContentStatus::Published),
            content("post-soon", "2026-06-12", ContentStatus::Scheduled),
        ];
        plan
    }

    // Guards: overdue means strictly before today; done tasks, published content and undated
    // items never count; the oldest comes first.
    #[test]
    fn overdue_edges() {
        let late = overdue(&plan(), d(TODAY));
        assert_eq!(ids(&late), ["item-late", "post-late", "yesterday"]);
        assert_eq!(late.first().map(|i| i.kind), Some(DueKind::Execution));
    }

    // Guards: this week runs from today itself through seven days later, and not day eight.
    #[test]
    fn due_this_week_edges() {
        let week = due_this_week(&plan(), d(TODAY));
        assert_eq!(ids(&week), ["today", "post-soon", "in7"]);
    }

    // Guards: pace compares % of budget spent with % of the window elapsed, clamped outside
    // the window, and says nothing without a budget or a window.
    #[test]
    fn pace_against_the_campaign_window() {
        let mut plan = plan();
        let none = pace(&plan, d(TODAY));
        assert_eq!((none.spent_percent, none.elapsed_percent), (None, None));
        plan.goal.start = Some(d("2026-06-01"));
        plan.goal.end = Some(d("2026-06-20"));
        plan.budget.total = 1_000_000.0;
        plan.spend.push(SpendEntry {
            id: "s".into(),
            channel: crate::domain::model::plan::Channel::Sem,
            date: d("2026-06-02"),
            amount: 250_000.0,
            note: String::new(),
        });
        let p = pace(&plan, d(TODAY));
        assert_eq!(p.spent_percent, Some(25.0));
        assert_eq!(p.elapsed_percent, Some(50.0));
        assert_eq!(pace(&plan, d("2026-05-01")).elapsed_percent, Some(0.0));
        assert_eq!(pace(&plan, d("2027-01-01")).elapsed_percent, Some(100.0));
    }

    // Guards: a KPI is stale with no measurement at all or none in the last 14 days; a value
    // exactly 14 days old still counts as recent.
    #[test]
    fn stale_kpis_edges() {
        let mut plan = plan();
        plan.kpis = ["never", "old", "edge", "fresh"]
            .iter()
            .map(|id| Kpi {
                id: (*id).into(),
                ..Kpi::default()
            })
            .collect();
        let m = |kpi: &str, date: &str| Measurement {
            id: format!("m-{kpi}"),
            kpi: kpi.into(),
            date: d(date),
            end: None,
            value: 1.0,
            source: String::new(),
            note: String::new(),
            import: String::new(),
        };
        plan.measurements = vec![
            m("old", "2026-05-26"),
            m("edge", "2026-05-27"),
            m("fresh", "2026-06-09"),
        ];
        let stale = stale_kpis(&plan, d(TODAY));
        let ids: Vec<&str> = stale.iter().map(|k| k.id.as_str()).collect();
        assert_eq!(ids, ["never", "old"]);
        assert_eq!(stale.first().map(|k| k.last), Some(None));
    }
}
