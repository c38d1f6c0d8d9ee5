//! Phase 3, the next campaign: a new plan started from a finished one. It keeps the research
//! and planning (goal, market, competitors, personas, gaps, channels, KPIs, budget), moves each
//! KPI's baseline to what the campaign achieved, carries the learnings over, and starts with
//! empty execution logs, no approvals and no dates. Every entity gets a new id, and references
//! between them follow.

use std::collections::HashMap;

use crate::domain::model::plan::{Note, Plan, PlanStatus, ReportNotes, SCHEMA_VERSION};
use crate::domain::values::date::Date;

/// Each KPI's final actual, as the analysis computes it: its value over the campaign (to its
/// deadline), from its sources' facts or its typed values; `None` for a KPI without data.
pub fn final_actual(plan: &Plan, kpi_id: &str) -> Option<f64> {
    let kpi = plan.kpis.iter().find(|k| k.id == kpi_id)?;
    // Whatever today is: the campaign is over, and its last day with data counts.
    let end_of_time = Date::new(9999, 12, 31)?;
    crate::domain::analysis::facts::kpi_series(plan, kpi, end_of_time)
        .points
        .last()
        .map(|p| p.1)
}

/// The plan that follows `plan`, named `name`, with ids from `id_gen` (which must give
/// distinct valid ids) and created at `now_ms`.
pub fn next_campaign(
    plan: &Plan,
    name: &str,
    id_gen: &mut impl FnMut() -> String,
    now_ms: i64,
) -> Plan {
    let mut next = Plan::blank(&id_gen(), name, now_ms);
    next.schema_version = SCHEMA_VERSION;
    next.currency = plan.currency.clone();
    next.status = PlanStatus::Draft;
    // Old id → new id, for the references between entities.
    let mut ids: HashMap<String, String> = HashMap::new();
    let mut renew = |old: &str| -> String {
        let new = id_gen();
        ids.insert(old.to_string(), new.clone());
        new
    };

    next.goal = plan.goal.clone();
    next.goal.start = None;
    next.goal.end = None;

    next.market = plan.market.clone();
    for list in [
        &mut next.market.trends,
        &mut next.market.opportunities,
        &mut next.market.challenges,
        &mut next.market.strengths,
        &mut next.market.weaknesses,
    ] {
        for note in list.iter_mut() {
            note.id = renew(&note.id);
        }
    }
    next.competitors = plan.competitors.clone();
    for c in &mut next.competitors {
        c.id = renew(&c.id);
    }
    next.personas = plan.personas.clone();
    for p in &mut next.personas {
        p.id = renew(&p.id);
    }
    next.gaps = plan.gaps.clone();
    for g in &mut next.gaps {
        g.id = renew(&g.id);
    }
    next.channels = plan.channels.clone();
    for c in &mut next.channels {
        c.id = renew(&c.id);
    }
    next.kpis = plan.kpis.clone();
    for k in &mut next.kpis {
        if let Some(actual) = final_actual(plan, &k.id) {
            k.baseline = Some(actual);
        }
        k.deadline = None;
        k.id = renew(&k.id);
    }
    next.budget = plan.budget.clone();
    for a in &mut next.budget.allocations {
        a.id = renew(&a.id);
    }
    next.report = ReportNotes {
        learnings: plan
            .report
            .learnings
            .iter()
            .map(|n| Note {
                id: renew(&n.id),
                text: n.text.clone(),
            })
            .collect(),
        ..ReportNotes::default()
    };

    // References follow the new ids; one to nothing carried over is dropped.
    let remap = |refs: &mut Vec<String>| {
        *refs = refs.iter().filter_map(|r| ids.get(r).cloned()).collect();
    };
    for g in &mut next.gaps {
        remap(&mut g.evidence);
    }
    for c in &mut next.channels {
        remap(&mut c.gaps);
        remap(&mut c.personas);
    }
    next
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::domain::model::plan::{
        Allocation, Approval, Channel, ChannelPlan, Competitor, Decision, Kpi, MarketGap,
        Measurement, Persona, Priority, Problem, Task,
    };
    use crate::domain::model::validate::validate;
    use crate::domain::values::date::Date;

    fn day(m: u8, d: u8) -> Date {
        Date::new(2024, m, d).unwrap_or(Date::EPOCH)
    }

    fn finished() -> Plan {
        let mut p = Plan::blank("old", "Ramadan", 1);
        p.status = PlanStatus::Completed;
        p.goal.start = Some(day(3, 1));
        p.goal.end = Some(day(4, 30));
        p.market.trends.push(Note {
            id: "n1".into(),
            text: "Video".into(),
        });
        p.competitors.push(Competitor {
            id: "c1".into(),
            name: "Rival".into(),
            ..Competitor::default()
        });
        p.personas.push(Persona {
            id: "pe1".into(),
            name: "Sari".into(),
            ..Persona::default()
        });
        p.gaps.push(MarketGap {
            id: "g1".into(),
            description: "No local reviews".into(),
            evidence: vec!["n1".into(), "c1".into()],
            priority: Priority::High,
        });
        p.channels.push(ChannelPlan {
            id: "ch1".into(),
            channel: Channel::Instagram,
            rationale: String::new(),
            gaps: vec!["g1".into()],
            personas: vec!["pe1".into()],
            tactics: String::new(),
        });
        p.kpis.push(Kpi {
            id: "k1".into(),
            name: "CTR".into(),
            metric: Some("ctr".into()),
            baseline: Some(1.0),
            target: Some(2.0),
            deadline: Some(day(4, 30)),
            ..Kpi::default()
        });
        p.kpis.push(Kpi {
            id: "k2".into(),
            name: "Leads".into(),
            metric: Some("leads".into()),
            baseline: Some(5.0),
            target: Some(100.0),
            ..Kpi::default()
        });
        p.kpis.push(Kpi {
            id: "k3".into(),
            name: "Unmeasured".into(),
            baseline: Some(7.0),
            target: Some(9.0),
            ..Kpi::default()
        });
        let m = |id: &str, kpi: &str, d, v| Measurement {
            id: id.into(),
            kpi: kpi.into(),
            date: day(4, d),
            end: None,
            value: v,
            source: String::new(),
            note: String::new(),
            import: String::new(),
        };
        p.measurements = vec![
            m("m2", "k1", 20, 1.8),
            m("m1", "k1", 10, 1.4),
            m("m3", "k2", 10, 40.0),
            m("m4", "k2", 20, 35.0),
        ];
        p.budget.total = 1_000_000.0;
        p.budget.allocations.push(Allocation {
            id: "a1".into(),
            channel: Channel::Instagram,
            amount: 1_000_000.0,
            priority: Priority::High,
            expected_return: None,
        });
        p.tasks.push(Task {
            id: "t1".into(),
            title: "Shoot".into(),
            ..Task::default()
        });
        p.approvals.push(Approval {
            id: "ap1".into(),
            decision: Decision::Approved,
            by: "Budi".into(),
            comment: String::new(),
            date: day(2, 28),
            fingerprint: String::new(),
            revision: 1,
        });
        p.problems.push(Problem {
            id: "pr1".into(),
            kpi: "k1".into(),
            date: day(4, 1),
            symptom: "Low".into(),
            causes: Vec::new(),
            notes: String::new(),
        });
        p.report.summary = "Good".into();
        p.report.learnings.push(Note {
            id: "l1".into(),
            text: "Reels beat carousels".into(),
        });
        p
    }

    fn counter() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("new{n}")
        }
    }

    // Guards: each KPI's baseline becomes its final actual (latest, or total for summed KPIs),
    // and stays as it was without measurements.
    #[test]
    fn baselines_become_final_actuals() {
        let next = next_campaign(&finished(), "Ramadan — next", &mut counter(), 5);
        let baselines: Vec<_> = next.kpis.iter().map(|k| k.baseline).collect();
        assert_eq!(baselines, [Some(1.8), Some(75.0), Some(7.0)]);
        assert!(next.kpis.iter().all(|k| k.deadline.is_none()));
        assert_eq!(next.kpis[0].target, Some(2.0));
    }

    // Guards: the copy shares no id with the original, has no duplicate ids, keeps references
    // pointing at the copied entities, and validates.
    #[test]
    fn ids_are_new_unique_and_valid() {
        let old = finished();
        let next = next_campaign(&old, "Ramadan — next", &mut counter(), 5);
        assert_eq!(validate(&next), Vec::new());
        let mut seen = HashSet::new();
        let mut all = vec![next.id.clone()];
        all.extend(next.market.trends.iter().map(|n| n.id.clone()));
        all.extend(next.competitors.iter().map(|n| n.id.clone()));
        all.extend(next.personas.iter().map(|n| n.id.clone()));
        all.extend(next.gaps.iter().map(|n| n.id.clone()));
        all.extend(next.channels.iter().map(|n| n.id.clone()));
        all.extend(next.kpis.iter().map(|n| n.id.clone()));
        all.extend(next.budget.allocations.iter().map(|n| n.id.clone()));
        all.extend(next.report.learnings.iter().map(|n| n.id.clone()));
        for id in &all {
            assert!(id.starts_with("new"), "{id} was not renewed");
            assert!(seen.insert(id.clone()), "{id} is used twice");
        }
        assert_eq!(
            next.gaps[0].evidence,
            [
                next.market.trends[0].id.clone(),
                next.competitors[0].id.clone()
            ]
        );
        assert_eq!(next.channels[0].gaps, [next.gaps[0].id.clone()]);
        assert_eq!(next.channels[0].personas, [next.personas[0].id.clone()]);
    }

    // Guards: the next campaign starts with empty logs, as a dated-less draft, with the
    // learnings carried over and the planning kept.
    #[test]
    fn logs_are_empty_and_learnings_kept() {
        let next = next_campaign(&finished(), "Ramadan — next", &mut counter(), 5);
        assert_eq!(next.name, "Ramadan — next");
        assert_eq!(next.status, PlanStatus::Draft);
        assert!(next.tasks.is_empty() && next.approvals.is_empty() && next.execution.is_empty());
        assert!(next.content.is_empty() && next.spend.is_empty() && next.measurements.is_empty());
        assert!(next.problems.is_empty() && next.optimisations.is_empty());
        assert_eq!((next.goal.start, next.goal.end), (None, None));
        assert_eq!(
            (next.created_at, next.revision, next.baseline_revision),
            (5, 0, 0)
        );
        assert_eq!(next.report.learnings[0].text, "Reels beat carousels");
        assert!(next.report.summary.is_empty());
        assert_eq!(next.budget.total, 1_000_000.0);
        assert_eq!(next.personas[0].name, "Sari");
    }
}
