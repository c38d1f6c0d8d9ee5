//! Checks a plan's content beyond what its types enforce: names, ids, references between
//! entities, money, numbers and date order. Import runs it on every file; the UI can run it to
//! show what still needs fixing. Each issue carries a path such as `tasks[2].end`.

// Input path: a panic here kills the app, so indexing that could go out of bounds is refused.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::domain::model::plan::{is_valid_id, Direction, Note, Plan};
use crate::domain::values::date::Date;

/// One thing wrong with a plan, and where.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{path}: {kind}")]
pub struct ValidationIssue {
    /// Where, e.g. `budget.allocations[0].amount`.
    pub path: String,
    /// What.
    pub kind: IssueKind,
}

/// What kind of entity a reference should point at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefTarget {
    /// A KPI.
    Kpi,
    /// A problem of phase 3.
    Problem,
    /// A task of the action plan.
    Task,
    /// A market note, competitor or persona (a gap's evidence).
    Evidence,
    /// A market gap.
    Gap,
    /// A persona.
    Persona,
}

impl fmt::Display for RefTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RefTarget::Kpi => "KPI",
            RefTarget::Problem => "problem",
            RefTarget::Task => "task",
            RefTarget::Evidence => "market note, competitor or persona",
            RefTarget::Gap => "market gap",
            RefTarget::Persona => "persona",
        })
    }
}

/// What is wrong at a path.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum IssueKind {
    /// The plan's name is empty or only spaces.
    #[error("the plan has no name")]
    BlankName,
    /// The currency is not three ASCII capital letters.
    #[error("'{0}' is not a currency code of three capital letters (e.g. IDR)")]
    BadCurrency(String),
    /// An id breaks the id rules ([`is_valid_id`]).
    #[error("'{0}' is not a valid id (1–64 letters, digits, '_' or '-')")]
    InvalidId(String),
    /// An id already used by another entity.
    #[error("the id '{id}' is already used at {first}")]
    DuplicateId {
        /// The id.
        id: String,
        /// Path of its first use.
        first: String,
    },
    /// A reference to an id that does not exist (or not of the expected kind).
    #[error("'{id}' does not match any {target}")]
    UnknownReference {
        /// The id referred to.
        id: String,
        /// What it should point at.
        target: RefTarget,
    },
    /// A task listed among its own dependencies.
    #[error("a task cannot depend on itself")]
    SelfDependency,
    /// Money below zero.
    #[error("the amount {0} is negative")]
    Negative(f64),
    /// NaN or infinity.
    #[error("the value is not a finite number")]
    NotFinite,
    /// An end date before its start.
    #[error("ends on {end}, before it starts on {start}")]
    EndBeforeStart {
        /// The start.
        start: Date,
        /// The end.
        end: Date,
    },
    /// A range whose minimum is above its maximum.
    #[error("the minimum {min} is above the maximum {max}")]
    MinAboveMax {
        /// The minimum.
        min: f64,
        /// The maximum.
        max: f64,
    },
    /// A fact series whose columns do not line up: `steps` must be one fewer than `values`,
    /// and `spans` empty or one per value.
    #[error("the series has {values} values, {steps} steps and {spans} spans")]
    SeriesColumns {
        /// How many values.
        values: usize,
        /// How many steps.
        steps: usize,
        /// How many spans.
        spans: usize,
    },
}

/// Every issue of `plan`, in document order. Empty means the plan is sound.
pub fn validate(plan: &Plan) -> Vec<ValidationIssue> {
    let mut c = Checker::default();
    if plan.name.trim().is_empty() {
        c.push("name".into(), IssueKind::BlankName);
    }
    let currency_ok =
        plan.currency.len() == 3 && plan.currency.bytes().all(|b| b.is_ascii_uppercase());
    if !currency_ok {
        c.push(
            "currency".into(),
            IssueKind::BadCurrency(plan.currency.clone()),
        );
    }
    if !is_valid_id(&plan.id) {
        c.push("id".into(), IssueKind::InvalidId(plan.id.clone()));
    }
    let ids = entity_ids(plan);
    c.check_ids(&ids);
    c.check_references(plan);
    c.check_numbers(plan);
    c.check_dates(plan);
    c.issues
}

/// Where an entity is: its list's path and its index there (`tasks`, 2 is `tasks[2]`). Paths
/// are written out only for an issue: a large plan has tens of thousands of entities.
type Place = (&'static str, usize);

/// Every entity id of the plan with its place, in document order.
fn entity_ids(plan: &Plan) -> Vec<(Place, &str)> {
    let mut out = Vec::new();
    for (section, notes) in market_sections(plan) {
        push_ids(&mut out, section, notes, |n| &n.id);
    }
    push_ids(&mut out, "competitors", &plan.competitors, |x| &x.id);
    push_ids(&mut out, "personas", &plan.personas, |x| &x.id);
    push_ids(&mut out, "gaps", &plan.gaps, |x| &x.id);
    push_ids(&mut out, "channels", &plan.channels, |x| &x.id);
    push_ids(&mut out, "kpis", &plan.kpis, |x| &x.id);
    push_ids(
        &mut out,
        "budget.allocations",
        &plan.budget.allocations,
        |x| &x.id,
    );
    push_ids(&mut out, "tasks", &plan.tasks, |x| &x.id);
    push_ids(&mut out, "approvals", &plan.approvals, |x| &x.id);
    push_ids(&mut out, "execution", &plan.execution, |x| &x.id);
    push_ids(&mut out, "content", &plan.content, |x| &x.id);
    push_ids(&mut out, "spend", &plan.spend, |x| &x.id);
    push_ids(&mut out, "measurements", &plan.measurements, |x| &x.id);
    push_ids(&mut out, "facts", &plan.facts, |x| &x.id);
    push_ids(&mut out, "problems", &plan.problems, |x| &x.id);
    push_ids(&mut out, "optimisations", &plan.optimisations, |x| &x.id);
    push_ids(&mut out, "report.learnings", &plan.report.learnings, |n| {
        &n.id
    });
    out
}

/// The five note lists of the market situation, with their paths.
fn market_sections(plan: &Plan) -> [(&'static str, &[Note]); 5] {
    let m = &plan.market;
    [
        ("market.trends", &m.trends),
        ("market.opportunities", &m.opportunities),
        ("market.challenges", &m.challenges),
        ("market.strengths", &m.strengths),
        ("market.weaknesses", &m.weaknesses),
    ]
}

fn push_ids<'a, E>(
    out: &mut Vec<(Place, &'a str)>,
    section: &'static str,
    items: &'a [E],
    id: impl Fn(&'a E) -> &'a String,
) {
    for (i, item) in items.iter().enumerate() {
        out.push(((section, i), id(item).as_str()));
    }
}

fn id_set<'a, E>(items: &'a [E], id: impl Fn(&'a E) -> &'a String) -> HashSet<&'a str> {
    items.iter().map(|x| id(x).as_str()).collect()
}

#[derive(Default)]
struct Checker {
    issues: Vec<ValidationIssue>,
}

impl Checker {
    fn push(&mut self, path: String, kind: IssueKind) {
        self.issues.push(ValidationIssue { path, kind });
    }

    fn check_ids(&mut self, ids: &[(Place, &str)]) {
        let path_id = |(section, i): Place| format!("{section}[{i}].id");
        let mut first: HashMap<&str, Place> = HashMap::new();
        for &(place, id) in ids {
            if !is_valid_id(id) {
                self.push(path_id(place), IssueKind::InvalidId(id.to_string()));
            } else if let Some(&first_place) = first.get(id) {
                let kind = IssueKind::DuplicateId {
                    id: id.to_string(),
                    first: path_id(first_place),
                };
                self.push(path_id(place), kind);
            } else {
                first.insert(id, place);
            }
        }
    }

    /// Reports `id` at `path` unless `known` holds it.
    fn reference(
        &mut self,
        path: impl FnOnce() -> String,
        id: &str,
        known: &HashSet<&str>,
        target: RefTarget,
    ) {
        if !known.contains(id) {
            let id = id.to_string();
            self.push(path(), IssueKind::UnknownReference { id, target });
        }
    }

    /// Checks each id of the list at `path` against `known`.
    fn references(&mut self, path: &str, ids: &[String], known: &HashSet<&str>, target: RefTarget) {
        for (j, id) in ids.iter().enumerate() {
            self.reference(|| format!("{path}[{j}]"), id, known, target);
        }
    }

    fn check_references(&mut self, plan: &Plan) {
        let kpis = id_set(&plan.kpis, |x| &x.id);
        let problems = id_set(&plan.problems, |x| &x.id);
        let tasks = id_set(&plan.tasks, |x| &x.id);
        let gaps = id_set(&plan.gaps, |x| &x.id);
        let personas = id_set(&plan.personas, |x| &x.id);
        let mut evidence = personas.clone();
        evidence.extend(plan.competitors.iter().map(|x| x.id.as_str()));
        for (_, notes) in market_sections(plan) {
            evidence.extend(notes.iter().map(|n| n.id.as_str()));
        }

        for (i, gap) in plan.gaps.iter().enumerate() {
            let path = format!("gaps[{i}].evidence");
            self.references(&path, &gap.evidence, &evidence, RefTarget::Evidence);
        }
        for (i, ch) in plan.channels.iter().enumerate() {
            self.references(
                &format!("channels[{i}].gaps"),
                &ch.gaps,
                &gaps,
                RefTarget::Gap,
            );
            let path = format!("channels[{i}].personas");
            self.references(&path, &ch.personas, &personas, RefTarget::Persona);
        }
        for (i, task) in plan.tasks.iter().enumerate() {
            for (j, id) in task.depends_on.iter().enumerate() {
                let path = || format!("tasks[{i}].depends_on[{j}]");
                if *id == task.id {
                    self.push(path(), IssueKind::SelfDependency);
                } else {
                    self.reference(path, id, &tasks, RefTarget::Task);
                }
            }
        }
        for (i, m) in plan.measurements.iter().enumerate() {
            self.reference(
                || format!("measurements[{i}].kpi"),
                &m.kpi,
                &kpis,
                RefTarget::Kpi,
            );
        }
        for (i, p) in plan.problems.iter().enumerate() {
            self.reference(
                || format!("problems[{i}].kpi"),
                &p.kpi,
                &kpis,
                RefTarget::Kpi,
            );
        }
        for (i, o) in plan.optimisations.iter().enumerate() {
            if let Some(id) = &o.problem {
                let path = || format!("optimisations[{i}].problem");
                self.reference(path, id, &problems, RefTarget::Problem);
            }
        }
    }

    fn finite(&mut self, path: impl FnOnce() -> String, value: f64) -> bool {
        let ok = value.is_finite();
        if !ok {
            self.push(path(), IssueKind::NotFinite);
        }
        ok
    }

    fn money(&mut self, path: impl FnOnce() -> String, value: f64) {
        // Compute the path once: it is needed by whichever check fails.
        let path = path();
        if self.finite(|| path.clone(), value) && value < 0.0 {
            self.push(path, IssueKind::Negative(value));
        }
    }

    fn check_numbers(&mut self, plan: &Plan) {
        let g = &plan.goal;
        for (name, value) in [("baseline", g.baseline), ("target", g.target)] {
            if let Some(v) = value {
                self.finite(|| format!("goal.{name}"), v);
            }
        }
        for (i, k) in plan.kpis.iter().enumerate() {
            for (name, value) in [("baseline", k.baseline), ("target", k.target)] {
                if let Some(v) = value {
                    self.finite(|| format!("kpis[{i}].{name}"), v);
                }
            }
            if let Direction::WithinRange { min, max } = k.direction {
                let min_ok = self.finite(|| format!("kpis[{i}].direction.min"), min);
                let max_ok = self.finite(|| format!("kpis[{i}].direction.max"), max);
                if min_ok && max_ok && min > max {
                    self.push(
                        format!("kpis[{i}].direction"),
                        IssueKind::MinAboveMax { min, max },
                    );
                }
            }
        }
        self.money(|| "budget.total".into(), plan.budget.total);
        for (i, a) in plan.budget.allocations.iter().enumerate() {
            self.money(|| format!("budget.allocations[{i}].amount"), a.amount);
            if let Some(r) = a.expected_return {
                self.money(|| format!("budget.allocations[{i}].expected_return"), r);
            }
        }
        for (i, s) in plan.spend.iter().enumerate() {
            self.money(|| format!("spend[{i}].amount"), s.amount);
        }
        for (i, m) in plan.measurements.iter().enumerate() {
            self.finite(|| format!("measurements[{i}].value"), m.value);
        }
        for (i, f) in plan.facts.iter().enumerate() {
            let n = f.values.len();
            let steps_fit = f.steps.len() + 1 == n || (n == 0 && f.steps.is_empty());
            let spans_fit = f.spans.is_empty() || f.spans.len() == n;
            if !steps_fit || !spans_fit || f.points().count() != n {
                self.push(
                    format!("facts[{i}]"),
                    IssueKind::SeriesColumns {
                        values: n,
                        steps: f.steps.len(),
                        spans: f.spans.len(),
                    },
                );
            }
            if let Some(j) = f.values.iter().position(|v| !v.is_finite()) {
                self.finite(|| format!("facts[{i}].values[{j}]"), f64::NAN);
            }
        }
    }

    /// Reports `end_path` when both dates are known and the end comes first.
    fn order(&mut self, end_path: impl FnOnce() -> String, start: Option<Date>, end: Option<Date>) {
        if let (Some(start), Some(end)) = (start, end) {
            if end < start {
                self.push(end_path(), IssueKind::EndBeforeStart { start, end });
            }
        }
    }

    fn check_dates(&mut self, plan: &Plan) {
        self.order(|| "goal.end".into(), plan.goal.start, plan.goal.end);
        for (i, t) in plan.tasks.iter().enumerate() {
            self.order(|| format!("tasks[{i}].end"), t.start, t.end);
        }
        for (i, m) in plan.measurements.iter().enumerate() {
            self.order(|| format!("measurements[{i}].end"), Some(m.date), m.end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::plan::*;

    fn date(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    fn kinds(plan: &Plan) -> Vec<(String, IssueKind)> {
        validate(plan)
            .into_iter()
            .map(|i| (i.path, i.kind))
            .collect()
    }

    // Guards: a blank plan (what "new plan" creates) must not show errors before any input.
    #[test]
    fn a_blank_plan_with_a_name_is_valid() {
        assert_eq!(validate(&Plan::blank("p1", "Launch", 0)), vec![]);
    }

    // Guards: name, currency and the plan's own id are checked.
    #[test]
    fn reports_blank_name_bad_currency_and_bad_plan_id() {
        let mut plan = Plan::blank("bad id!", "  ", 0);
        plan.currency = "idr".into();
        assert_eq!(
            kinds(&plan),
            vec![
                ("name".into(), IssueKind::BlankName),
                ("currency".into(), IssueKind::BadCurrency("idr".into())),
                ("id".into(), IssueKind::InvalidId("bad id!".into())),
            ]
        );
    }

    // Guards: ids are unique across sections, not only within one list.
    #[test]
    fn reports_duplicate_ids_across_sections() {
        let mut plan = Plan::blank("p", "P", 0);
        plan.market.trends.push(Note {
            id: "x".into(),
            text: "t".into(),
        });
        plan.kpis.push(Kpi {
            id: "x".into(),
            ..Kpi::default()
        });
        plan.tasks.push(Task {
            id: "".into(),
            ..Task::default()
        });
        assert_eq!(
            kinds(&plan),
            vec![
                (
                    "kpis[0].id".into(),
                    IssueKind::DuplicateId {
                        id: "x".into(),
                        first: "market.trends[0].id".into()
                    }
                ),
                ("tasks[0].id".into(), IssueKind::InvalidId(String::new())),
            ]
        );
    }

    // Guards: every kind of reference is checked against the right list.
    #[test]
    fn reports_dangling_references_and_self_dependencies() {
        let mut plan = Plan::blank("p", "P", 0);
        plan.kpis.push(Kpi {
            id: "k1".into(),
            ..Kpi::default()
        });
        plan.tasks.push(Task {
            id: "t1".into(),
            depends_on: vec!["t1".into(), "k1".into()],
            ..Task::default()
        });
        plan.gaps.push(MarketGap {
            id: "g1".into(),
            evidence: vec!["k1".into()],
            ..MarketGap::default()
        });
        plan.channels.push(ChannelPlan {
            id: "c1".into(),
            channel: Channel::Seo,
            rationale: String::new(),
            gaps: vec!["g1".into(), "nope".into()],
            personas: vec!["g1".into()],
            tactics: String::new(),
        });
        plan.measurements.push(Measurement {
            id: "m1".into(),
            kpi: "t1".into(),
            date: date("2026-01-01"),
            end: None,
            value: 1.0,
            source: String::new(),
            note: String::new(),
            import: String::new(),
        });
        plan.optimisations.push(Optimisation {
            id: "o1".into(),
            problem: Some("p9".into()),
            action: "a".into(),
            owner: String::new(),
            date: date("2026-01-01"),
        });
        let unknown = |id: &str, target| IssueKind::UnknownReference {
            id: id.into(),
            target,
        };
        assert_eq!(
            kinds(&plan),
            vec![
                (
                    "gaps[0].evidence[0]".into(),
                    unknown("k1", RefTarget::Evidence)
                ),
                (
                    "channels[0].gaps[1]".into(),
                    unknown("nope", RefTarget::Gap)
                ),
                (
                    "channels[0].personas[0]".into(),
                    unknown("g1", RefTarget::Persona)
                ),
                ("tasks[0].depends_on[0]".into(), IssueKind::SelfDependency),
                (
                    "tasks[0].depends_on[1]".into(),
                    unknown("k1", RefTarget::Task)
                ),
                ("measurements[0].kpi".into(), unknown("t1", RefTarget::Kpi)),
                (
                    "optimisations[0].problem".into(),
                    unknown("p9", RefTarget::Problem)
                ),
            ]
        );
    }

    // Guards: negative money, NaN, reversed ranges and reversed dates are all caught.
    #[test]
    fn reports_bad_numbers_and_dates() {
        let mut plan = Plan::blank("p", "P", 0);
        plan.budget.total = -1.0;
        plan.goal.target = Some(f64::NAN);
        plan.goal.start = Some(date("2026-06-01"));
        plan.goal.end = Some(date("2026-05-31"));
        plan.kpis.push(Kpi {
            id: "k".into(),
            direction: Direction::WithinRange { min: 5.0, max: 1.0 },
            ..Kpi::default()
        });
        plan.budget.allocations.push(Allocation {
            id: "a".into(),
            channel: Channel::Sem,
            amount: f64::INFINITY,
            priority: Priority::High,
            expected_return: Some(-3.0),
        });
        assert_eq!(
            kinds(&plan),
            vec![
                ("goal.target".into(), IssueKind::NotFinite),
                (
                    "kpis[0].direction".into(),
                    IssueKind::MinAboveMax { min: 5.0, max: 1.0 }
                ),
                ("budget.total".into(), IssueKind::Negative(-1.0)),
                ("budget.allocations[0].amount".into(), IssueKind::NotFinite),
                (
                    "budget.allocations[0].expected_return".into(),
                    IssueKind::Negative(-3.0)
                ),
                (
                    "goal.end".into(),
                    IssueKind::EndBeforeStart {
                        start: date("2026-06-01"),
                        end: date("2026-05-31")
                    }
                ),
            ]
        );
    }

    // Guards: the path and the message read together as one line for logs.
    #[test]
    fn an_issue_displays_its_path_then_its_kind() {
        let issue = ValidationIssue {
            path: "tasks[2].end".into(),
            kind: IssueKind::SelfDependency,
        };
        assert_eq!(
            issue.to_string(),
            "tasks[2].end: a task cannot depend on itself"
        );
    }

    // Guards: a fact series whose columns do not line up (a hand-edited file) is refused with
    // the counts, never read with its dates shifted.
    #[test]
    fn a_series_whose_columns_do_not_line_up_is_refused() {
        let mut plan = Plan::blank("p", "P", 0);
        plan.facts.push(crate::domain::model::plan::FactSeries {
            id: "f1".into(),
            metric: "clicks".into(),
            source: "Google Ads".into(),
            labels: Default::default(),
            import: String::new(),
            start: Date::parse_iso("2026-10-01").unwrap(),
            steps: vec![1],
            span: 1,
            spans: Vec::new(),
            values: vec![1.0, 2.0, 3.0],
        });
        let issues = validate(&plan);
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert_eq!(issues[0].path, "facts[0]");
        assert_eq!(
            issues[0].kind,
            IssueKind::SeriesColumns {
                values: 3,
                steps: 1,
                spans: 0
            }
        );
        plan.facts[0].steps.push(2);
        assert_eq!(validate(&plan), vec![]);
        let points: Vec<_> = plan.facts[0]
            .points()
            .map(|(a, b, v)| (a.to_string(), b.to_string(), v))
            .collect();
        assert_eq!(
            points,
            [
                ("2026-10-01".into(), "2026-10-01".into(), 1.0),
                ("2026-10-02".into(), "2026-10-02".into(), 2.0),
                ("2026-10-04".into(), "2026-10-04".into(), 3.0),
            ]
        );
    }
}
