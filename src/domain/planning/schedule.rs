//! The action plan's schedule: conflicts between tasks' dates, their dependencies and the
//! campaign window, and the geometry of the timeline (bars as percentages of a window), kept
//! apart from any drawing so both are tested natively.

use std::collections::HashMap;

use crate::domain::model::plan::{Plan, Task};
use crate::domain::values::date::Date;

/// Something wrong with the schedule. Tasks are named by id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Conflict {
    /// The task ends before it starts.
    EndsBeforeStart {
        /// The task.
        task: String,
    },
    /// The task starts before a task it depends on ends.
    StartsBeforeDependencyEnds {
        /// The task.
        task: String,
        /// The task it depends on.
        dependency: String,
    },
    /// The task starts before the campaign starts or ends after it ends.
    OutsideCampaign {
        /// The task.
        task: String,
    },
    /// These tasks depend on each other in a circle (a task depending on itself is a circle
    /// of one). Listed in plan order.
    DependencyCycle {
        /// The tasks of the circle.
        tasks: Vec<String>,
    },
}

impl Conflict {
    /// True when the conflict concerns this task.
    pub fn involves(&self, id: &str) -> bool {
        match self {
            Conflict::EndsBeforeStart { task } | Conflict::OutsideCampaign { task } => task == id,
            Conflict::StartsBeforeDependencyEnds { task, .. } => task == id,
            Conflict::DependencyCycle { tasks } => tasks.iter().any(|t| t == id),
        }
    }
}

/// The campaign window: the goal's start and end, when both are set and in order.
pub fn campaign_window(plan: &Plan) -> Option<Window> {
    match (plan.goal.start, plan.goal.end) {
        (Some(start), Some(end)) if start <= end => Some(Window { start, end }),
        _ => None,
    }
}

/// Every conflict of the plan's tasks: per task in plan order (dates, then dependencies, then
/// the campaign window), then the dependency cycles.
pub fn conflicts(plan: &Plan) -> Vec<Conflict> {
    let by_id: HashMap<&str, &Task> = plan.tasks.iter().map(|t| (t.id.as_str(), t)).collect();
    let window = campaign_window(plan);
    let mut out = Vec::new();
    for task in &plan.tasks {
        let id = task.id.clone();
        if let (Some(start), Some(end)) = (task.start, task.end) {
            if end < start {
                out.push(Conflict::EndsBeforeStart { task: id.clone() });
            }
        }
        for dep in &task.depends_on {
            let Some(other) = by_id.get(dep.as_str()) else {
                continue;
            };
            if let (Some(start), Some(dep_end)) = (task.start, other.end) {
                if dep != &task.id && start < dep_end {
                    out.push(Conflict::StartsBeforeDependencyEnds {
                        task: id.clone(),
                        dependency: dep.clone(),
                    });
                }
            }
        }
        if let Some(w) = window {
            let early = task.start.or(task.end).is_some_and(|d| d < w.start);
            let late = task.end.or(task.start).is_some_and(|d| d > w.end);
            if early || late {
                out.push(Conflict::OutsideCampaign { task: id });
            }
        }
    }
    out.extend(
        cycles(&plan.tasks)
            .into_iter()
            .map(|tasks| Conflict::DependencyCycle { tasks }),
    );
    out
}

/// The groups of tasks that depend on each other in a circle, each in plan order, the groups
/// ordered by their first task. Tarjan's strongly connected components, without recursion so a
/// long chain of tasks cannot overflow the stack.
fn cycles(tasks: &[Task]) -> Vec<Vec<String>> {
    let index_of: HashMap<&str, usize> = tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let edges: Vec<Vec<usize>> = tasks
        .iter()
        .map(|t| {
            t.depends_on
                .iter()
                .filter_map(|d| index_of.get(d.as_str()).copied())
                .collect()
        })
        .collect();
    // Every index below comes from `index_of` or `0..n`, so it is in bounds.
    let n = tasks.len();
    let mut order: Vec<Option<usize>> = vec![None; n];
    let mut low: Vec<usize> = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut next = 0;
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for root in 0..n {
        if order[root].is_some() {
            continue;
        }
        // Each frame: a node and how many of its edges have been followed.
        let mut frames: Vec<(usize, usize)> = vec![(root, 0)];
        order[root] = Some(next);
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(frame) = frames.last_mut() {
            let node = frame.0;
            if let Some(&to) = edges[node].get(frame.1) {
                frame.1 += 1;
                match order[to] {
                    None => {
                        order[to] = Some(next);
                        low[to] = next;
                        next += 1;
                        stack.push(to);
                        on_stack[to] = true;
                        frames.push((to, 0));
                    }
                    Some(seen) if on_stack[to] => low[node] = low[node].min(seen),
                    Some(_) => {}
                }
                continue;
            }
            frames.pop();
            if let Some(&(parent, _)) = frames.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if Some(low[node]) == order[node] {
                let mut group = Vec::new();
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    group.push(member);
                    if member == node {
                        break;
                    }
                }
                let circular = group.len() > 1 || edges[node].contains(&node);
                if circular {
                    crate::domain::values::sort::sort(&mut group);
                    groups.push(group);
                }
            }
        }
    }
    crate::domain::values::sort::sort(&mut groups);
    groups
        .into_iter()
        .map(|g| g.into_iter().map(|i| tasks[i].id.clone()).collect())
        .collect()
}

/// A span of days shown by the timeline, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// The first day.
    pub start: Date,
    /// The last day.
    pub end: Date,
}

impl Window {
    /// How many days the window covers (at least one).
    pub fn days(self) -> i64 {
        (self.start.days_until(self.end) + 1).max(1)
    }

    /// Where the start of `day` falls, as a percentage of the window's width, clamped to
    /// 0–100.
    fn offset(self, day: Date) -> f64 {
        let days = self.start.days_until(day) as f64;
        (days / self.days() as f64 * 100.0).clamp(0.0, 100.0)
    }
}

/// The timeline's window: the campaign window if set, or else the span of the tasks' own
/// dates; `None` when no task has a date either.
pub fn timeline_window(plan: &Plan) -> Option<Window> {
    campaign_window(plan).or_else(|| {
        let dates = plan.tasks.iter().flat_map(|t| [t.start, t.end]).flatten();
        let start = dates.clone().min()?;
        let end = dates.max()?;
        Some(Window { start, end })
    })
}

/// A task's bar on the timeline, in percentages of the window's width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bar {
    /// Distance of the bar's left edge from the window's start.
    pub left: f64,
    /// The bar's width (never below a sliver, so a one-day task in a long window shows).
    pub width: f64,
    /// The task starts before the window; the bar is cut at the left edge.
    pub cut_start: bool,
    /// The task ends after the window; the bar is cut at the right edge.
    pub cut_end: bool,
}

/// The narrowest bar drawn, in percent, so short tasks stay visible and clickable.
pub const MIN_BAR_WIDTH: f64 = 0.75;

/// The bar of a task from `start` to `end` (both days included). A task with one date is a
/// one-day bar; `None` without dates, when the end comes before the start, or when the task
/// lies wholly outside the window.
pub fn bar(window: Window, start: Option<Date>, end: Option<Date>) -> Option<Bar> {
    let (start, end) = match (start, end) {
        (Some(s), Some(e)) => (s, e),
        (Some(d), None) | (None, Some(d)) => (d, d),
        (None, None) => return None,
    };
    if end < start || end < window.start || start > window.end {
        return None;
    }
    let left = window.offset(start);
    // The bar ends where the day after `end` begins (end + 1 exists: it is inside the window).
    let right = if end >= window.end {
        100.0
    } else {
        end.add_days(1).map_or(100.0, |next| window.offset(next))
    };
    let width = (right - left).max(MIN_BAR_WIDTH);
    Some(Bar {
        left: left.min(100.0 - width),
        width,
        cut_start: start < window.start,
        cut_end: end > window.end,
    })
}

/// Where `day` falls in the window, as a percentage from its start (the middle of the day);
/// `None` outside the window. Used for the "today" line.
pub fn marker(window: Window, day: Date) -> Option<f64> {
    if day < window.start || day > window.end {
        return None;
    }
    let days = window.start.days_until(day) as f64 + 0.5;
    Some(days / window.days() as f64 * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::plan::TaskStatus;

    fn d(month: u8, day: u8) -> Option<Date> {
        Date::new(2026, month, day)
    }

    fn task(id: &str, start: Option<Date>, end: Option<Date>, deps: &[&str]) -> Task {
        Task {
            id: id.into(),
            title: id.to_uppercase(),
            owner: "Rina".into(),
            start,
            end,
            channel: None,
            depends_on: deps.iter().map(|s| s.to_string()).collect(),
            status: TaskStatus::Todo,
        }
    }

    fn plan(tasks: Vec<Task>) -> Plan {
        let mut p = Plan::blank("p", "P", 0);
        p.goal.start = d(3, 1);
        p.goal.end = d(3, 31);
        p.tasks = tasks;
        p
    }

    fn window() -> Window {
        Window {
            start: Date::new(2026, 3, 1).unwrap_or(Date::EPOCH),
            end: Date::new(2026, 3, 10).unwrap_or(Date::EPOCH),
        }
    }

    #[test]
    fn a_sound_schedule_has_no_conflicts() {
        // B starts the day A ends: a hand-over on the same day is allowed.
        let p = plan(vec![
            task("a", d(3, 1), d(3, 7), &[]),
            task("b", d(3, 7), d(3, 20), &["a"]),
        ]);
        assert_eq!(conflicts(&p), vec![]);
    }

    #[test]
    fn ends_before_start_is_flagged() {
        let p = plan(vec![task("a", d(3, 10), d(3, 9), &[])]);
        assert_eq!(
            conflicts(&p),
            vec![Conflict::EndsBeforeStart { task: "a".into() }]
        );
    }

    #[test]
    fn starting_before_a_dependency_ends_is_flagged() {
        let p = plan(vec![
            task("a", d(3, 1), d(3, 10), &[]),
            task("b", d(3, 5), d(3, 20), &["a", "missing"]),
        ]);
        assert_eq!(
            conflicts(&p),
            vec![Conflict::StartsBeforeDependencyEnds {
                task: "b".into(),
                dependency: "a".into()
            }]
        );
    }

    #[test]
    fn tasks_outside_the_campaign_window_are_flagged() {
        let p = plan(vec![
            task(
                "early",
                Some(Date::new(2026, 2, 27).unwrap_or(Date::EPOCH)),
                d(3, 3),
                &[],
            ),
            task("late", d(3, 30), d(4, 2), &[]),
            task("inside", d(3, 1), d(3, 31), &[]),
            task("only_end_late", None, d(4, 1), &[]),
        ]);
        let flagged: Vec<Conflict> = conflicts(&p);
        assert_eq!(
            flagged,
            vec![
                Conflict::OutsideCampaign {
                    task: "early".into()
                },
                Conflict::OutsideCampaign {
                    task: "late".into()
                },
                Conflict::OutsideCampaign {
                    task: "only_end_late".into()
                },
            ]
        );
        // Without a campaign window nothing is outside it.
        let mut open = p.clone();
        open.goal.end = None;
        assert_eq!(conflicts(&open), vec![]);
    }

    // Guards: a → b → c → a can never be scheduled; each circle is reported once, and a task
    // depending on itself is a circle of one.
    #[test]
    fn dependency_cycles_are_found_once_each() {
        let p = plan(vec![
            task("a", None, None, &["c"]),
            task("b", None, None, &["a"]),
            task("c", None, None, &["b"]),
            task("d", None, None, &["a"]),
            task("e", None, None, &["e"]),
        ]);
        assert_eq!(
            conflicts(&p),
            vec![
                Conflict::DependencyCycle {
                    tasks: vec!["a".into(), "b".into(), "c".into()]
                },
                Conflict::DependencyCycle {
                    tasks: vec!["e".into()]
                },
            ]
        );
        assert!(conflicts(&p)[0].involves("b"));
        assert!(!conflicts(&p)[0].involves("d"));
    }

    // Guards: a recursive search would overflow the wasm stack on a long imported chain.
    #[test]
    fn a_long_chain_of_tasks_is_checked_without_overflow() {
        let tasks: Vec<Task> = (0..20_000)
            .map(|i| {
                let deps = if i == 0 {
                    vec![]
                } else {
                    vec![format!("t{}", i - 1)]
                };
                Task {
                    id: format!("t{i}"),
                    depends_on: deps,
                    ..Task::default()
                }
            })
            .collect();
        let mut p = plan(tasks);
        assert_eq!(conflicts(&p), vec![]);
        p.tasks[0].depends_on.push("t19999".into());
        assert!(matches!(
            conflicts(&p).as_slice(),
            [Conflict::DependencyCycle { tasks }] if tasks.len() == 20_000
        ));
    }

    #[test]
    fn the_seed_example_has_no_conflicts() {
        let mut n = 0;
        let mut ids = || {
            n += 1;
            format!("id{n}")
        };
        let start = Date::new(2026, 1, 5).unwrap_or(Date::EPOCH);
        let p = crate::domain::model::templates::seed_example(
            crate::i18n::Lang::Id,
            &mut ids,
            0,
            start,
        );
        assert_eq!(conflicts(&p), vec![]);
    }

    // Hand-computed on a 10-day window (1–10 March): each day is 10% wide.
    #[test]
    fn bars_are_placed_by_percentage_of_the_window() {
        let w = window();
        assert_eq!(w.days(), 10);
        let b = bar(w, d(3, 3), d(3, 4)).unwrap_or(Bar {
            left: -1.0,
            width: -1.0,
            cut_start: true,
            cut_end: true,
        });
        assert!((b.left - 20.0).abs() < 1e-9);
        assert!((b.width - 20.0).abs() < 1e-9);
        assert!(!b.cut_start && !b.cut_end);
        let whole = bar(w, d(3, 1), d(3, 10));
        assert_eq!(whole.map(|b| (b.left, b.width)), Some((0.0, 100.0)));
        let one_day = bar(w, d(3, 10), None);
        assert_eq!(one_day.map(|b| (b.left, b.width)), Some((90.0, 10.0)));
    }

    #[test]
    fn bars_are_cut_at_the_window_edges_or_left_out() {
        let w = window();
        let cut = bar(
            w,
            Some(Date::new(2026, 2, 20).unwrap_or(Date::EPOCH)),
            d(3, 2),
        );
        assert_eq!(
            cut.map(|b| (b.left, b.width, b.cut_start, b.cut_end)),
            Some((0.0, 20.0, true, false))
        );
        let cut = bar(w, d(3, 9), d(3, 30));
        assert_eq!(
            cut.map(|b| (b.left, b.width, b.cut_start, b.cut_end)),
            Some((80.0, 20.0, false, true))
        );
        assert_eq!(bar(w, d(4, 1), d(4, 2)), None);
        assert_eq!(bar(w, d(3, 5), d(3, 4)), None);
        assert_eq!(bar(w, None, None), None);
    }

    #[test]
    fn today_marker_sits_mid_day_inside_the_window_only() {
        let w = window();
        assert_eq!(
            marker(w, Date::new(2026, 3, 1).unwrap_or(Date::EPOCH)),
            Some(5.0)
        );
        assert_eq!(
            marker(w, Date::new(2026, 3, 10).unwrap_or(Date::EPOCH)),
            Some(95.0)
        );
        assert_eq!(
            marker(w, Date::new(2026, 3, 11).unwrap_or(Date::EPOCH)),
            None
        );
    }

    #[test]
    fn the_timeline_falls_back_to_the_tasks_span() {
        let mut p = plan(vec![
            task("a", d(3, 5), d(3, 8), &[]),
            task("b", None, d(4, 2), &[]),
        ]);
        assert_eq!(
            timeline_window(&p),
            Some(Window {
                start: Date::new(2026, 3, 1).unwrap_or(Date::EPOCH),
                end: Date::new(2026, 3, 31).unwrap_or(Date::EPOCH)
            })
        );
        p.goal.start = None;
        assert_eq!(
            timeline_window(&p),
            Some(Window {
                start: Date::new(2026, 3, 5).unwrap_or(Date::EPOCH),
                end: Date::new(2026, 4, 2).unwrap_or(Date::EPOCH)
            })
        );
        p.tasks.clear();
        assert_eq!(timeline_window(&p), None);
    }
}
