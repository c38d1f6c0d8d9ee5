//! Management approval: submit, decide, reopen. An approved plan is the baseline; a content
//! fingerprint tells whether the plan still matches what was approved, and reopening starts a
//! new revision while the history stays.

use serde::Serialize;

use crate::domain::model::plan::{Approval, Decision, Plan, PlanStatus};
use crate::domain::values::date::Date;

/// The planning content management approves: everything of Phase 1, none of the execution
/// logs (which keep changing after approval by design).
#[derive(Serialize)]
struct Baseline<'a> {
    name: &'a str,
    currency: &'a str,
    goal: &'a crate::domain::model::plan::Goal,
    market: &'a crate::domain::model::plan::MarketSituation,
    competitors: &'a [crate::domain::model::plan::Competitor],
    personas: &'a [crate::domain::model::plan::Persona],
    gaps: &'a [crate::domain::model::plan::MarketGap],
    channels: &'a [crate::domain::model::plan::ChannelPlan],
    kpis: &'a [crate::domain::model::plan::Kpi],
    budget: &'a crate::domain::model::plan::Budget,
    tasks: &'a [crate::domain::model::plan::Task],
}

/// A short fingerprint of the plan's planning content: 16 hex digits of a 64-bit FNV-1a hash
/// of its canonical JSON. It detects change; it is not a security measure.
pub fn fingerprint(plan: &Plan) -> String {
    let baseline = Baseline {
        name: &plan.name,
        currency: &plan.currency,
        goal: &plan.goal,
        market: &plan.market,
        competitors: &plan.competitors,
        personas: &plan.personas,
        gaps: &plan.gaps,
        channels: &plan.channels,
        kpis: &plan.kpis,
        budget: &plan.budget,
        tasks: &plan.tasks,
    };
    // Serializing plain structs and vectors cannot fail; an empty text still hashes.
    let text = serde_json::to_string(&baseline).unwrap_or_default();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Who acts, when, and with which new record id.
#[derive(Clone, Debug)]
pub struct Act<'a> {
    /// The record's id.
    pub id: String,
    /// Who acts.
    pub by: &'a str,
    /// The comment.
    pub comment: &'a str,
    /// The day.
    pub date: Date,
}

/// Why an approval action is not possible now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ApprovalError {
    /// Only a draft can be submitted.
    #[error("only a draft plan can be submitted")]
    NotDraft,
    /// A decision needs a submitted plan.
    #[error("the plan has not been submitted")]
    NotSubmitted,
    /// Only an approved (or running, or completed) plan can be reopened.
    #[error("the plan is not approved")]
    NotApproved,
    /// `Submitted` and `Reopened` are not decisions.
    #[error("not a decision")]
    NotADecision,
    /// The approver's name is needed.
    #[error("who decided is missing")]
    NoApprover,
}

fn record(plan: &mut Plan, decision: Decision, act: Act<'_>) {
    let fingerprint = fingerprint(plan);
    plan.approvals.push(Approval {
        id: act.id,
        decision,
        by: act.by.trim().to_string(),
        comment: act.comment.trim().to_string(),
        date: act.date,
        fingerprint,
        revision: plan.baseline_revision,
    });
}

/// Submits a draft for approval. A draft sent back (changes requested, or rejected) goes in
/// as a new revision: management's decision stays with the revision it was made on.
pub fn submit(plan: &mut Plan, act: Act<'_>) -> Result<(), ApprovalError> {
    if plan.status != PlanStatus::Draft {
        return Err(ApprovalError::NotDraft);
    }
    let sent_back = plan.approvals.iter().any(|a| {
        a.revision == plan.baseline_revision
            && matches!(a.decision, Decision::ChangesRequested | Decision::Rejected)
    });
    if sent_back {
        plan.baseline_revision += 1;
    }
    record(plan, Decision::Submitted, act);
    plan.status = PlanStatus::InReview;
    Ok(())
}

/// Records management's decision on a submitted plan. Approval locks the baseline; changes
/// requested or a rejection send the plan back to draft.
pub fn decide(plan: &mut Plan, decision: Decision, act: Act<'_>) -> Result<(), ApprovalError> {
    if plan.status != PlanStatus::InReview {
        return Err(ApprovalError::NotSubmitted);
    }
    if act.by.trim().is_empty() {
        return Err(ApprovalError::NoApprover);
    }
    plan.status = match decision {
        Decision::Approved => PlanStatus::Approved,
        Decision::ChangesRequested | Decision::Rejected => PlanStatus::Draft,
        Decision::Submitted | Decision::Reopened => return Err(ApprovalError::NotADecision),
    };
    record(plan, decision, act);
    Ok(())
}

/// Reopens an approved plan for changes: a new baseline revision starts, and the history of
/// earlier revisions stays.
pub fn reopen(plan: &mut Plan, act: Act<'_>) -> Result<(), ApprovalError> {
    if !is_locked(plan) {
        return Err(ApprovalError::NotApproved);
    }
    plan.baseline_revision += 1;
    record(plan, Decision::Reopened, act);
    plan.status = PlanStatus::Draft;
    Ok(())
}

/// Whether `by` submitted the revision now in review: approving one's own submission is
/// allowed (a small team may have no one else) but asked about first. Names are compared
/// without case or surrounding space.
pub fn own_submission(plan: &Plan, by: &str) -> bool {
    let by = by.trim().to_lowercase();
    !by.is_empty()
        && plan.status == PlanStatus::InReview
        && plan
            .approvals
            .iter()
            .rev()
            .find(|a| a.decision == Decision::Submitted)
            .is_some_and(|a| a.by.trim().to_lowercase() == by)
}

/// True when the planning steps are locked as the approved baseline.
pub fn is_locked(plan: &Plan) -> bool {
    matches!(
        plan.status,
        PlanStatus::Approved | PlanStatus::Running | PlanStatus::Completed
    )
}

/// The approval of the current revision, if there is one.
pub fn current_approval(plan: &Plan) -> Option<&Approval> {
    plan.approvals
        .iter()
        .rev()
        .find(|a| a.decision == Decision::Approved && a.revision == plan.baseline_revision)
}

/// Whether the plan still matches what was approved: `None` when nothing is approved.
pub fn matches_approval(plan: &Plan) -> Option<bool> {
    current_approval(plan).map(|a| a.fingerprint == fingerprint(plan))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn act(id: &str, by: &'static str) -> Act<'static> {
        Act {
            id: id.to_string(),
            by,
            comment: "",
            date: Date::new(2026, 11, 28).unwrap(),
        }
    }

    fn approved_plan() -> Plan {
        let mut plan = Plan::blank("p", "Launch", 0);
        plan.goal.specific = "Raise sales of product X".into();
        submit(&mut plan, act("a1", "Dewi")).unwrap();
        decide(&mut plan, Decision::Approved, act("a2", "Budi")).unwrap();
        plan
    }

    // Guards: the fingerprint changes with planning content and ignores execution logs.
    #[test]
    fn fingerprint_follows_planning_content_only() {
        let plan = Plan::blank("p", "Launch", 0);
        let base = fingerprint(&plan);
        assert_eq!(base.len(), 16);
        assert_eq!(fingerprint(&plan.clone()), base);
        let mut edited = plan.clone();
        edited.budget.total = 1.0;
        assert_ne!(fingerprint(&edited), base);
        let mut logged = plan.clone();
        logged.report.summary = "Went well".into();
        logged.revision = 99;
        logged.updated_at = 12345;
        assert_eq!(fingerprint(&logged), base);
    }

    // Guards: an approved plan is locked, and a change after approval is detected.
    #[test]
    fn changes_after_approval_are_detected() {
        let mut plan = approved_plan();
        assert_eq!(plan.status, PlanStatus::Approved);
        assert!(is_locked(&plan));
        assert_eq!(matches_approval(&plan), Some(true));
        plan.goal.target = Some(20.0);
        assert_eq!(matches_approval(&plan), Some(false));
    }

    // Guards: reopening starts a new revision and keeps the whole history.
    #[test]
    fn reopen_keeps_history_and_starts_a_new_revision() {
        let mut plan = approved_plan();
        reopen(&mut plan, act("a3", "Dewi")).unwrap();
        assert_eq!(plan.status, PlanStatus::Draft);
        assert_eq!(plan.baseline_revision, 1);
        assert!(!is_locked(&plan));
        assert_eq!(
            matches_approval(&plan),
            None,
            "revision 1 is not approved yet"
        );
        let decisions: Vec<Decision> = plan.approvals.iter().map(|a| a.decision).collect();
        assert_eq!(
            decisions,
            [Decision::Submitted, Decision::Approved, Decision::Reopened]
        );
        submit(&mut plan, act("a4", "Dewi")).unwrap();
        decide(&mut plan, Decision::Approved, act("a5", "Budi")).unwrap();
        assert_eq!(current_approval(&plan).map(|a| a.id.as_str()), Some("a5"));
        assert_eq!(plan.approvals.len(), 5);
    }

    // Guards: the workflow's order: no decision before submission, no double submission.
    #[test]
    fn actions_out_of_order_are_refused() {
        let mut plan = Plan::blank("p", "Launch", 0);
        assert_eq!(
            decide(&mut plan, Decision::Approved, act("x", "Budi")),
            Err(ApprovalError::NotSubmitted)
        );
        assert_eq!(
            reopen(&mut plan, act("x", "Budi")),
            Err(ApprovalError::NotApproved)
        );
        submit(&mut plan, act("a1", "Dewi")).unwrap();
        assert_eq!(
            submit(&mut plan, act("x", "Dewi")),
            Err(ApprovalError::NotDraft)
        );
        assert_eq!(
            decide(&mut plan, Decision::Approved, act("x", "  ")),
            Err(ApprovalError::NoApprover)
        );
        decide(&mut plan, Decision::ChangesRequested, act("a2", "Budi")).unwrap();
        assert_eq!(plan.status, PlanStatus::Draft);
        assert_eq!(plan.approvals.len(), 2);
    }

    // Guards: a plan sent back and submitted again is a new revision; the decision on the
    // first stays with it.
    #[test]
    fn a_resubmission_is_a_new_revision() {
        let mut plan = Plan::blank("p", "Launch", 0);
        submit(&mut plan, act("a1", "Dewi")).unwrap();
        decide(&mut plan, Decision::ChangesRequested, act("a2", "Budi")).unwrap();
        submit(&mut plan, act("a3", "Dewi")).unwrap();
        let revisions: Vec<(Decision, u32)> = plan
            .approvals
            .iter()
            .map(|a| (a.decision, a.revision))
            .collect();
        assert_eq!(
            revisions,
            [
                (Decision::Submitted, 0),
                (Decision::ChangesRequested, 0),
                (Decision::Submitted, 1)
            ]
        );
        decide(&mut plan, Decision::Rejected, act("a4", "Budi")).unwrap();
        submit(&mut plan, act("a5", "Dewi")).unwrap();
        assert_eq!(plan.baseline_revision, 2);
        decide(&mut plan, Decision::Approved, act("a6", "Budi")).unwrap();
        assert_eq!(current_approval(&plan).map(|a| a.revision), Some(2));
    }

    // Guards: approving one's own submission is noticed, whatever the case or spaces.
    #[test]
    fn one_s_own_submission_is_noticed() {
        let mut plan = Plan::blank("p", "Launch", 0);
        submit(&mut plan, act("a1", "Dewi Lestari")).unwrap();
        assert!(own_submission(&plan, " dewi lestari "));
        assert!(!own_submission(&plan, "Budi"));
        assert!(!own_submission(&plan, "  "));
        decide(&mut plan, Decision::Approved, act("a2", "Budi")).unwrap();
        assert!(!own_submission(&plan, "Dewi Lestari"), "nothing in review");
    }
}
