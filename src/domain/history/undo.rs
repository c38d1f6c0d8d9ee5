//! Undo and redo over whole snapshots. Keystrokes close together form one step, so one undo
//! takes back a typed word rather than a letter; the number of steps kept is capped.

/// Edits closer together than this (milliseconds) are undone together.
pub const COALESCE_MS: i64 = 1_000;
/// How many undo steps are kept.
pub const MAX_STEPS: usize = 50;

/// The undo and redo stacks of one document.
#[derive(Clone, Debug, Default)]
pub struct History<T> {
    undo: Vec<T>,
    redo: Vec<T>,
    last_edit_ms: Option<i64>,
}

impl<T> History<T> {
    /// An empty history.
    pub fn new() -> History<T> {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            last_edit_ms: None,
        }
    }

    /// Records the state `before` an edit made at `now_ms`. Within [`COALESCE_MS`] of the
    /// previous edit nothing new is kept: both edits undo as one step. Any edit clears redo.
    pub fn record(&mut self, before: T, now_ms: i64) {
        self.record_with(now_ms, || before);
    }

    /// Like [`History::record`], taking the snapshot only when it is kept: a keystroke within
    /// [`COALESCE_MS`] of the last one needs no copy of the document at all.
    pub fn record_with(&mut self, now_ms: i64, before: impl FnOnce() -> T) {
        self.redo.clear();
        let coalesce = self
            .last_edit_ms
            .is_some_and(|last| (0..COALESCE_MS).contains(&(now_ms - last)));
        self.last_edit_ms = Some(now_ms);
        if coalesce && !self.undo.is_empty() {
            return;
        }
        self.undo.push(before());
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
    }

    /// Records the state `before` a discrete action (a restore, an approval): always its own
    /// step, and the next keystrokes start a new one.
    pub fn record_step(&mut self, before: T) {
        self.redo.clear();
        self.last_edit_ms = None;
        self.undo.push(before);
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
    }

    /// Steps back: returns the state to show, keeping `current` for redo.
    pub fn undo(&mut self, current: T) -> Option<T> {
        let previous = self.undo.pop()?;
        self.redo.push(current);
        self.last_edit_ms = None;
        Some(previous)
    }

    /// Steps forward again: returns the state to show, keeping `current` for undo.
    pub fn redo(&mut self, current: T) -> Option<T> {
        let next = self.redo.pop()?;
        self.undo.push(current);
        self.last_edit_ms = None;
        Some(next)
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets everything (another plan was opened, or another tab's version loaded).
    pub fn clear(&mut self) {
        *self = History::new();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: undo walks back through separate edits and redo walks forward again.
    #[test]
    fn undo_and_redo_walk_the_steps() {
        let mut h = History::new();
        h.record("a", 0);
        h.record("ab", 5_000);
        assert_eq!(h.undo("abc"), Some("ab"));
        assert_eq!(h.undo("ab"), Some("a"));
        assert_eq!(h.undo("a"), None);
        assert_eq!(h.redo("a"), Some("ab"));
        assert_eq!(h.redo("ab"), Some("abc"));
        assert_eq!(h.redo("abc"), None);
    }

    // Guards: keystrokes in quick succession undo as one step, not letter by letter.
    #[test]
    fn quick_edits_form_one_step() {
        let mut h = History::new();
        h.record("", 0);
        h.record("K", 200);
        h.record("Ko", 400);
        assert_eq!(h.undo("Kop"), Some(""));
        assert!(!h.can_undo());
    }

    // Guards: typing in a large plan copied the whole plan on every keystroke, only to drop the
    // copy when the keystroke joined the current step.
    #[test]
    fn a_coalesced_edit_takes_no_snapshot() {
        let mut h = History::new();
        let mut taken = 0;
        for (i, now) in [0, 200, 400, 5_000].into_iter().enumerate() {
            h.record_with(now, || {
                taken += 1;
                i
            });
        }
        assert_eq!(taken, 2, "the first edit and the one after the pause");
        assert_eq!(h.undo(9), Some(3));
        assert_eq!(h.undo(3), Some(0));
    }

    // Guards: a restore right after typing is undone on its own, not together with the typing.
    #[test]
    fn a_discrete_action_is_its_own_step() {
        let mut h = History::new();
        h.record("", 0);
        h.record("T", 100);
        h.record_step("Typed");
        assert_eq!(h.undo("Restored"), Some("Typed"));
        assert_eq!(h.undo("Typed"), Some(""));
    }

    // Guards: a new edit after an undo drops the redo branch.
    #[test]
    fn a_new_edit_clears_redo() {
        let mut h = History::new();
        h.record(1, 0);
        assert_eq!(h.undo(2), Some(1));
        assert!(h.can_redo());
        h.record(1, 10_000);
        assert!(!h.can_redo());
    }

    // Guards: memory stays bounded however long the session.
    #[test]
    fn only_the_last_steps_are_kept() {
        let mut h = History::new();
        for i in 0..(MAX_STEPS as i64 + 20) {
            h.record(i, i * 10_000);
        }
        let mut count = 0;
        let mut current = -1;
        while let Some(prev) = h.undo(current) {
            current = prev;
            count += 1;
        }
        assert_eq!(count, MAX_STEPS);
        assert_eq!(current, 20);
    }
}
