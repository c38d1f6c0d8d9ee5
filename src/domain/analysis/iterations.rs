//! Phase 3, the optimisation history: every problem found and every action taken, per KPI and
//! in date order, so each iteration of the campaign stays readable afterwards.

use crate::domain::model::plan::Plan;
use crate::domain::values::date::Date;

/// One entry of the history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// A problem was found (its id).
    Problem(String),
    /// An action was taken (its id).
    Optimisation(String),
}

/// The history of one KPI (`None`: actions not linked to a problem of any KPI).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KpiHistory {
    /// The KPI's id, or `None` for unlinked actions.
    pub kpi: Option<String>,
    /// The events, oldest first; a problem comes before actions of the same day.
    pub events: Vec<(Date, Event)>,
}

/// The history of every KPI that has events, in the plan's KPI order, then unlinked actions.
/// Problems of a KPI no longer in the plan are listed under that id after the plan's KPIs.
pub fn history(plan: &Plan) -> Vec<KpiHistory> {
    let mut groups: Vec<KpiHistory> = plan
        .kpis
        .iter()
        .map(|k| KpiHistory {
            kpi: Some(k.id.clone()),
            events: Vec::new(),
        })
        .collect();
    let mut group = |kpi: Option<&str>| -> usize {
        match groups.iter().position(|g| g.kpi.as_deref() == kpi) {
            Some(i) => i,
            None => {
                groups.push(KpiHistory {
                    kpi: kpi.map(str::to_string),
                    events: Vec::new(),
                });
                groups.len() - 1
            }
        }
    };
    let mut placed = Vec::new();
    for p in &plan.problems {
        placed.push((group(Some(&p.kpi)), p.date, Event::Problem(p.id.clone())));
    }
    for o in &plan.optimisations {
        let kpi = o
            .problem
            .as_deref()
            .and_then(|id| plan.problems.iter().find(|p| p.id == id))
            .map(|p| p.kpi.as_str());
        placed.push((group(kpi), o.date, Event::Optimisation(o.id.clone())));
    }
    for (i, date, event) in placed {
        if let Some(g) = groups.get_mut(i) {
            g.events.push((date, event));
        }
    }
    // Unlinked actions go last, whatever order they were first met in.
    crate::domain::values::sort::sort_by_key(&mut groups, |g| g.kpi.is_none());
    for g in &mut groups {
        // Stable: same-day events keep problems (pushed first) before actions.
        crate::domain::values::sort::sort_by_key(&mut g.events, |(d, e)| {
            (*d, matches!(e, Event::Optimisation(_)))
        });
    }
    groups.retain(|g| !g.events.is_empty());
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::plan::{Kpi, Optimisation, Problem};

    fn day(d: u8) -> Date {
        Date::new(2024, 5, d).unwrap_or(Date::EPOCH)
    }

    // Guards: "every iteration is kept as history" — per KPI, by date, unlinked actions last.
    #[test]
    fn history_groups_by_kpi_in_date_order() {
        let mut p = Plan::blank("p", "P", 0);
        for id in ["a", "b"] {
            p.kpis.push(Kpi {
                id: id.into(),
                ..Kpi::default()
            });
        }
        let problem = |id: &str, kpi: &str, d| Problem {
            id: id.into(),
            kpi: kpi.into(),
            date: day(d),
            symptom: String::new(),
            causes: Vec::new(),
            notes: String::new(),
        };
        let action = |id: &str, problem: Option<&str>, d| Optimisation {
            id: id.into(),
            problem: problem.map(str::to_string),
            action: "x".into(),
            owner: String::new(),
            date: day(d),
        };
        p.problems = vec![problem("p2", "b", 9), problem("p1", "b", 3)];
        p.optimisations = vec![
            action("o2", Some("p1"), 3),
            action("o1", None, 1),
            action("o3", Some("p2"), 12),
        ];
        let h = history(&p);
        assert_eq!(h.len(), 2);
        assert_eq!(h[0].kpi.as_deref(), Some("b"));
        let ids: Vec<_> = h[0]
            .events
            .iter()
            .map(|(_, e)| match e {
                Event::Problem(id) | Event::Optimisation(id) => id.as_str(),
            })
            .collect();
        assert_eq!(ids, ["p1", "o2", "p2", "o3"]);
        assert_eq!(h[1].kpi, None);
        assert_eq!(
            h[1].events,
            vec![(day(1), Event::Optimisation("o1".into()))]
        );
    }

    // Guards: an empty plan has no history groups (the page shows its empty hint).
    #[test]
    fn empty_history() {
        assert!(history(&Plan::blank("p", "P", 0)).is_empty());
    }
}
