//! Which rolling backups to keep: the newest few of each plan, and all of them together within
//! a share of the browser's storage. Pure, so the policy is tested natively.

/// Earlier versions kept per plan.
pub const PER_PLAN: usize = 5;
/// A new backup at most this often while a plan is being edited (milliseconds).
pub const INTERVAL_MS: i64 = 10 * 60 * 1000;
/// All backups together stay under this many characters: about 30 % of the usual 5 MB
/// localStorage quota, leaving the rest for the plans themselves.
pub const BUDGET_CHARS: usize = 1_500_000;

/// One stored backup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    /// The plan it belongs to.
    pub plan: String,
    /// When the backed-up version was last edited (Unix milliseconds).
    pub at: i64,
    /// Its size in characters.
    pub size: usize,
}

/// True when the newest backup of a plan (if any) is old enough for another one at `now_ms`.
pub fn due(newest: Option<i64>, now_ms: i64) -> bool {
    newest.is_none_or(|at| now_ms - at >= INTERVAL_MS)
}

/// The positions in `backups` to delete: beyond the newest [`PER_PLAN`] of each plan, then
/// the oldest of all until the rest fit in `budget` characters.
pub fn to_drop(backups: &[Backup], budget: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..backups.len()).collect();
    // Newest first.
    crate::domain::values::sort::sort_by_key(&mut order, |&i| {
        std::cmp::Reverse(backups.get(i).map_or(0, |b| b.at))
    });
    let mut kept_per_plan: Vec<(&str, usize)> = Vec::new();
    let mut keep = Vec::new();
    let mut drop = Vec::new();
    for i in order {
        let Some(b) = backups.get(i) else { continue };
        let count = match kept_per_plan.iter_mut().find(|(p, _)| *p == b.plan) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                kept_per_plan.push((&b.plan, 1));
                1
            }
        };
        if count > PER_PLAN {
            drop.push(i);
        } else {
            keep.push(i);
        }
    }
    // `keep` is newest first: drop from its end while over budget.
    let mut total: usize = keep
        .iter()
        .filter_map(|&i| backups.get(i))
        .map(|b| b.size)
        .sum();
    while total > budget {
        let Some(i) = keep.pop() else { break };
        total -= backups.get(i).map_or(0, |b| b.size);
        drop.push(i);
    }
    crate::domain::values::sort::sort(&mut drop);
    drop
}

/// Why an earlier version cannot be restored now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RestoreRefused {
    /// The plan is the approved baseline: it must be reopened (at the approval step) first.
    Approved,
}

/// The open plan `current` with the content of the earlier version `old`: its identity, save
/// revision and approval record (status, history, baseline revision) stay the current ones, so
/// a restore never undoes a submission or an approval behind the approval step's back. An
/// approved plan is refused.
pub fn restore(
    current: &crate::domain::model::plan::Plan,
    mut old: crate::domain::model::plan::Plan,
) -> Result<crate::domain::model::plan::Plan, RestoreRefused> {
    if crate::domain::planning::approval::is_locked(current) {
        return Err(RestoreRefused::Approved);
    }
    old.id = current.id.clone();
    old.revision = current.revision;
    old.status = current.status;
    old.approvals = current.approvals.clone();
    old.baseline_revision = current.baseline_revision;
    Ok(old)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(plan: &str, at: i64, size: usize) -> Backup {
        Backup {
            plan: plan.into(),
            at,
            size,
        }
    }

    // Guards: one backup per ten minutes of editing, not one per keystroke save.
    #[test]
    fn a_backup_is_due_only_after_the_interval() {
        assert!(due(None, 0));
        assert!(!due(Some(1_000), 1_000 + INTERVAL_MS - 1));
        assert!(due(Some(1_000), 1_000 + INTERVAL_MS));
    }

    // Guards: each plan keeps its newest versions; another plan's backups do not push them out.
    #[test]
    fn the_newest_versions_of_each_plan_are_kept() {
        let mut all: Vec<Backup> = (0..8).map(|n| b("a", n, 10)).collect();
        all.push(b("b", 0, 10));
        let dropped = to_drop(&all, usize::MAX);
        assert_eq!(dropped, vec![0, 1, 2], "the three oldest of plan a");
    }

    // Guards: backups never grow past their share of storage: the oldest go first.
    #[test]
    fn the_oldest_backups_go_when_over_budget() {
        let all = vec![b("a", 300, 400), b("b", 100, 400), b("a", 200, 400)];
        assert_eq!(to_drop(&all, 1_000), vec![1]);
        assert_eq!(to_drop(&all, 399), vec![0, 1, 2]);
        assert!(to_drop(&[], 0).is_empty());
    }

    // Guards: a restore brings back the content, never the approval state: an approved plan
    // is refused, and a plan in review stays in review with its history.
    #[test]
    fn a_restore_keeps_the_approval_record() {
        use crate::domain::model::plan::{Plan, PlanStatus};
        use crate::domain::planning::approval::{decide, submit, Act};
        let act = |id: &str| Act {
            id: id.into(),
            by: "Dewi",
            comment: "",
            date: crate::domain::values::date::Date::new(2026, 11, 28).unwrap(),
        };
        let mut old = Plan::blank("p", "Launch", 0);
        old.budget.total = 1_000.0;
        let mut current = old.clone();
        current.budget.total = 2_000.0;
        current.revision = 7;
        submit(&mut current, act("a1")).unwrap();
        let restored = restore(&current, old.clone()).unwrap();
        assert_eq!(restored.budget.total, 1_000.0);
        assert_eq!(restored.status, PlanStatus::InReview);
        assert_eq!(restored.approvals, current.approvals);
        assert_eq!(restored.revision, 7);
        decide(
            &mut current,
            crate::domain::model::plan::Decision::Approved,
            act("a2"),
        )
        .unwrap();
        assert_eq!(restore(&current, old), Err(RestoreRefused::Approved));
    }
}
