//! The open plan's life: opening it from the URL, editing it in memory, and autosaving it a
//! moment after the last edit (never synchronously on each keystroke).

use std::time::Duration;

use leptos::prelude::*;

use super::route::Route;
use super::{now_ms, redirect, Ctx};
use crate::domain::history::merge::{merge_plans, resolve, Merged, Prefer};
use crate::domain::model::plan::Plan;
use crate::i18n::{Lang, T};
use crate::storage::{self, plans, StorageError};

/// How long after the last edit the plan is written.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(600);

/// The User Timing measure around each save that writes: the browser's performance panel, and
/// `make bench`, see what autosave costs on the main thread.
const SAVE_MEASURE: &str = "alur:save";
const SAVE_MARK: &str = "alur:save:start";

/// Marks the start of a save; the measure is taken when it is dropped, whichever way the save
/// ends. Only the latest measure is kept in the timeline, so a long session does not pile them up.
struct SaveTiming(Option<web_sys::Performance>);

impl SaveTiming {
    fn start() -> SaveTiming {
        let performance = web_sys::window().and_then(|w| w.performance());
        if let Some(p) = &performance {
            let _ = p.mark(SAVE_MARK);
        }
        SaveTiming(performance)
    }
}

impl Drop for SaveTiming {
    fn drop(&mut self) {
        if let Some(p) = &self.0 {
            p.clear_measures_with_measure_name(SAVE_MEASURE);
            let _ = p.measure_with_start_mark(SAVE_MEASURE, SAVE_MARK);
            p.clear_marks_with_mark_name(SAVE_MARK);
        }
    }
}

/// Whether the open plan's last edit is stored.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Everything is stored.
    Saved,
    /// An edit waits for the autosave.
    Pending,
    /// The last write failed; the plan is still in memory.
    Failed(StorageError),
    /// Another tab saved this plan while this tab had unsaved edits: nothing is written until
    /// the user chooses.
    Conflict,
}

impl SaveState {
    /// The status line shown in the header.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            SaveState::Saved if !storage::persistent() => T::SaveInMemory.get(lang).to_string(),
            SaveState::Saved => T::SaveSaved.get(lang).to_string(),
            SaveState::Pending => T::SaveSaving.get(lang).to_string(),
            SaveState::Failed(StorageError::Full) => T::SaveFailedFull.get(lang).to_string(),
            SaveState::Failed(StorageError::Unavailable) => {
                T::SaveFailedUnavailable.get(lang).to_string()
            }
            SaveState::Failed(StorageError::Other(reason)) => {
                T::SaveFailedOther.fill(lang, &[("reason", reason)])
            }
            SaveState::Conflict => T::SaveConflict.get(lang).to_string(),
        }
    }
}

/// Loads the plan list, follows the URL to open plans, and saves before the page goes away.
pub fn start(ctx: Ctx) {
    ctx.refresh_plans();
    Effect::new(move |_| {
        let route = ctx.route.get();
        open_for_route(ctx, &route);
        // The others on a shared plan see which page this person is on.
        if let Some(team) = super::team::loaded() {
            (team.moved)(ctx);
        }
    });
    // Leaving or hiding the page writes any pending edit at once. Edits waiting on a two-tab
    // conflict are kept as a copy: the question would go away with the page, and the edits
    // with it.
    let _ = window_event_listener(leptos::ev::pagehide, move |_| {
        if ctx.save.get_untracked() == SaveState::Conflict {
            ctx.save_mine_as_copy();
        } else {
            ctx.flush();
        }
        if let Some(team) = super::team::loaded() {
            (team.leaving)();
        }
    });
    let _ = window_event_listener(leptos::ev::blur, move |_| ctx.flush());
    // Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y (⌘ on a Mac) undo and redo edits to the open plan.
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
            return;
        }
        // ASCII only: the keys compared are letters, and Unicode's case tables would be 12 KB of
        // the first download.
        let key = ev.key().to_ascii_lowercase();
        let redo = (key == "z" && ev.shift_key()) || key == "y";
        let undo = key == "z" && !ev.shift_key();
        if (undo || redo) && ctx.plan.with_untracked(Option::is_some) {
            ev.prevent_default();
            // With a plan open the engine is in; its part holds the history.
            if let Some(engine) = super::engine::loaded() {
                (engine.undo_redo)(ctx, redo);
            }
        }
    });
    // Another tab wrote to storage: follow its edits.
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        let key = ev.key().unwrap_or_default();
        if !key.starts_with(storage::PREFIX) {
            return;
        }
        ctx.refresh_plans();
        if let (Some(id), Some(engine)) = (plans::id_of_key(&key), super::engine::loaded()) {
            (engine.other_tab_saved)(ctx, id.to_string());
        }
    });
}

fn open_for_route(ctx: Ctx, route: &Route) {
    if let Route::Step { plan: None, step } = route {
        // A link without a plan id opens the plan used last, if there is one.
        if let Some(id) = storage::settings_start().1 {
            if plans::exists(&id) {
                redirect(&Route::Step {
                    plan: Some(id),
                    step: *step,
                });
                return;
            }
        }
    }
    // Any navigation writes a pending edit first, so every page shows what was typed. Edits
    // caught in a two-tab conflict are kept as a copy rather than dropped.
    ctx.flush();
    let open_id = ctx
        .plan
        .with_untracked(|p| p.as_ref().map(|p| p.id.clone()));
    let switching = matches!((route.plan_id(), open_id.as_deref()), (Some(w), Some(o)) if w != o);
    if switching {
        match ctx.save.get_untracked() {
            SaveState::Conflict => ctx.save_mine_as_copy(),
            // Unsaved edits (storage full) live only in memory: opening another plan would
            // drop them, so the user stays and is told how to keep them.
            SaveState::Failed(_) => {
                let name = ctx
                    .plan
                    .with_untracked(|p| p.as_ref().map(|p| p.name.clone()));
                ctx.warn(T::UnsavedStay, &[("name", &name.unwrap_or_default())]);
                if let Some(id) = open_id {
                    redirect(&Route::Overview { plan: id });
                }
                return;
            }
            _ => {}
        }
    }
    let wanted = route.plan_id().map(str::to_string);
    let open = ctx
        .plan
        .with_untracked(|p| p.as_ref().map(|p| p.id.clone()));
    if wanted == open || wanted.is_none() {
        return;
    }
    ctx.flush();
    let Some(id) = wanted else { return };
    // The plan is read by the engine's part, fetched the first time a plan is opened; the
    // page's own part loads meanwhile, not after the plan is open.
    if super::engine::loaded().is_none() {
        super::chunks::preload(route);
    }
    open_with_engine(ctx, id);
}

/// Opens plan `id` once the engine is in; while its part loads the page says so, and if it
/// cannot be fetched the page offers to try again.
pub(super) fn open_with_engine(ctx: Ctx, id: String) {
    ctx.opening
        .set(Some(super::engine::Opening::Loading(id.clone())));
    super::engine::with(ctx, move |engine| (engine.open)(ctx, id));
}

/// Opens plan `id` (the engine's `open`), unless the route moved on while the engine loaded.
fn open_now(ctx: Ctx, id: String) {
    if let Some(super::engine::Opening::Loading(o) | super::engine::Opening::Failed(o)) =
        ctx.opening.get_untracked()
    {
        if o == id {
            ctx.opening.set(None);
        }
    }
    let wanted = ctx.route.get_untracked().plan_id().map(str::to_string);
    let open = ctx
        .plan
        .with_untracked(|p| p.as_ref().map(|p| p.id.clone()));
    if wanted.as_deref() != Some(id.as_str()) || open.as_deref() == Some(id.as_str()) {
        return;
    }
    ctx.flush_now();
    match plans::load(&id) {
        Ok(plan) => {
            ctx.set_base(&plan);
            ctx.reset_history();
            ctx.plan.set(Some(plan));
            ctx.save.set(SaveState::Saved);
            let mut settings = storage::load_settings();
            settings.last_plan = Some(id.clone());
            let _ = storage::save_settings(&settings);
            super::team::opened(ctx, Some(&id));
        }
        Err(plans::LoadError::Missing(_)) if super::team::is_shared(&id) => {
            // Joined from an invite: the plan comes from the team server. The page says it is
            // opening until it arrives ([`Ctx::take_remote`]).
            ctx.plan.set(None);
            ctx.opening
                .set(Some(super::engine::Opening::Loading(id.clone())));
            super::team::opened(ctx, Some(&id));
        }
        Err(plans::LoadError::Missing(_)) => ctx.plan.set(None),
        Err(plans::LoadError::Damaged { newer: true, .. }) => {
            ctx.plan.set(None);
            ctx.warn(T::OpenNewer, &[]);
        }
        Err(plans::LoadError::Damaged { .. }) => {
            ctx.plan.set(None);
            // `load` moved it to the recovery area; the list must no longer show it.
            ctx.refresh_plans();
            ctx.warn(T::OpenDamaged, &[]);
        }
        Err(err) => {
            ctx.plan.set(None);
            ctx.warn(T::OpenFailed, &[("reason", &err.to_string())]);
        }
    }
}

/// The engine's entry points: built here, in the engine's part, so that everything they reach
/// is cut out of the main module (see [`super::engine`]).
pub(super) fn engine() -> super::engine::Engine {
    super::engine::Engine {
        open: open_now,
        flush: Ctx::flush_now,
        other_tab_saved: |ctx, id| ctx.other_tab_saved(&id),
        save_mine_as_copy: Ctx::save_mine_as_copy_now,
        resolve_conflict: Ctx::resolve_conflict_now,
        plans: super::plans::run,
        complete_steps: crate::domain::planning::completeness::complete_steps,
        save_status: || {
            leptos::prelude::IntoAny::into_any(
                leptos::prelude::view! { <super::widgets::SaveStatus /> },
            )
        },
        tab_conflict: || {
            leptos::prelude::IntoAny::into_any(
                leptos::prelude::view! { <super::widgets::TabConflict /> },
            )
        },
        undo_redo: |ctx, redo| if redo { ctx.redo() } else { ctx.undo() },
        step_page: |plan, step| {
            leptos::prelude::IntoAny::into_any(
                leptos::prelude::view! { <super::steps::StepPage plan step /> },
            )
        },
    }
}

impl Ctx {
    /// Re-reads the plan list from storage.
    pub fn refresh_plans(self) {
        match plans::list() {
            Ok(list) => self.plans.set(list),
            Err(err) => self.warn(T::OpenFailed, &[("reason", &err.to_string())]),
        }
    }

    /// Changes the open plan and schedules the autosave.
    pub fn edit(self, f: impl FnOnce(&mut Plan)) {
        self.edit_with(f, false);
    }

    /// Like [`Ctx::edit`], for a discrete action (a restore, an approval decision) that undo
    /// takes back on its own rather than together with the typing before it.
    pub fn edit_step(self, f: impl FnOnce(&mut Plan)) {
        self.edit_with(f, true);
    }

    fn edit_with(self, f: impl FnOnce(&mut Plan), discrete: bool) {
        // A viewer's token (or a shared plan from a newer Alur) is read-only here.
        if !super::team::may_edit(self) {
            return;
        }
        let mut changed = false;
        let now = now_ms();
        self.plan.update(|plan| {
            if let Some(plan) = plan {
                // Typing coalesces into one undo step: the copy is made only when one is kept.
                self.history.update_value(|h| {
                    if discrete {
                        h.record_step(plan.clone());
                    } else {
                        h.record_with(now, || plan.clone());
                    }
                });
                f(plan);
                plan.updated_at = now_ms();
                plan.revision += 1;
                changed = true;
            }
        });
        if changed {
            self.after_change();
        }
    }

    fn after_change(self) {
        self.save.set(SaveState::Pending);
        self.schedule_save();
        self.sync_history_flags();
    }

    fn sync_history_flags(self) {
        let flags = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        self.can_undo_redo.set(flags);
    }

    /// Forgets the undo history (another plan, or another tab's version, was loaded).
    pub fn reset_history(self) {
        self.history.update_value(|h| h.clear());
        self.sync_history_flags();
    }

    /// Takes back the last edit step (Ctrl+Z).
    pub fn undo(self) {
        self.step_history(true);
    }

    /// Does the undone step again (Ctrl+Shift+Z or Ctrl+Y).
    pub fn redo(self) {
        self.step_history(false);
    }

    fn step_history(self, back: bool) {
        let Some(current) = self.plan.get_untracked() else {
            return;
        };
        let revision = current.revision;
        let target = self.history.try_update_value(|h| {
            if back {
                h.undo(current)
            } else {
                h.redo(current)
            }
        });
        if let Some(Some(mut plan)) = target {
            // Revisions only grow, so other tabs still see this as a new save.
            plan.revision = revision + 1;
            plan.updated_at = now_ms();
            self.plan.set(Some(plan));
            self.after_change();
        }
    }

    fn schedule_save(self) {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || self.flush(), AUTOSAVE_DELAY).ok();
        self.pending.set_value(handle);
    }

    /// Writes the open plan now if an edit is waiting (through the engine: while it has not
    /// loaded, no plan was opened and nothing waits).
    pub fn flush(self) {
        if let Some(engine) = super::engine::loaded() {
            (engine.flush)(self);
        }
    }

    /// [`Ctx::flush`], in the engine. If another tab saved the plan since this tab's edits
    /// began, nothing is written and the user chooses (see [`SaveState`]).
    fn flush_now(self) {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
            self.pending.set_value(None);
        }
        let state = self.save.get_untracked();
        if state == SaveState::Saved || state == SaveState::Conflict {
            return;
        }
        let _timing = SaveTiming::start();
        let Some(id) = self
            .plan
            .with_untracked(|p| p.as_ref().map(|p| p.id.clone()))
        else {
            self.save.set(SaveState::Saved);
            return;
        };
        if let Some(stored) = plans::stored_revision(&id) {
            if stored != self.base_revision.get_value() {
                self.merge_or_ask();
                return;
            }
        }
        self.write_open_plan();
    }

    /// The version this tab's edits build on, as stored: the base of a two-tab merge.
    fn set_base(self, plan: &Plan) {
        self.base_revision.set_value(plan.revision);
        self.base.set_value(Some(plan.clone()));
    }

    /// Another tab saved the open plan while this one had edits: merges the two versions
    /// against the one both started from and saves the result; only when both changed the same
    /// field is the user asked (see [`crate::domain::history::merge`]).
    fn merge_or_ask(self) {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
            self.pending.set_value(None);
        }
        let Some(id) = self
            .plan
            .with_untracked(|p| p.as_ref().map(|p| p.id.clone()))
        else {
            return;
        };
        let theirs = match plans::load(&id) {
            Ok(theirs) => theirs,
            Err(_) => {
                // Deleted or unreadable there: nothing to merge with; the user chooses.
                self.conflict_fields.set(Vec::new());
                self.save.set(SaveState::Conflict);
                return;
            }
        };
        let merged = self.base.with_value(|base| {
            let base = base.as_ref()?;
            self.plan
                .with_untracked(|mine| mine.as_ref().map(|mine| merge_plans(base, mine, &theirs)))
        });
        match merged {
            Some(Merged::Clean(mut plan)) => {
                plan.revision = theirs.revision + 1;
                plan.updated_at = super::now_ms();
                // The undo history holds versions without the other tab's edits: undoing into
                // one would silently take those edits back.
                self.reset_history();
                self.plan.set(Some(*plan));
                self.write_open_plan();
                if self.save.get_untracked() == SaveState::Saved {
                    self.tell(T::MergedOtherTab, &[]);
                }
            }
            Some(Merged::Conflicts(fields)) => {
                self.conflict_fields.set(fields);
                self.save.set(SaveState::Conflict);
            }
            None => {
                self.conflict_fields.set(Vec::new());
                self.save.set(SaveState::Conflict);
            }
        }
    }

    fn write_open_plan(self) {
        let result = self
            .plan
            .with_untracked(|plan| plan.as_ref().map(plans::save));
        match result {
            Some(Ok(())) => {
                self.plan.with_untracked(|p| {
                    if let Some(p) = p {
                        self.set_base(p);
                    }
                });
                self.save.set(SaveState::Saved);
                self.refresh_plans();
                super::team::stored(self);
            }
            Some(Err(err)) => self.save.set(SaveState::Failed(err)),
            None => self.save.set(SaveState::Saved),
        }
    }

    /// Another tab saved plan `id`. When it is the open plan: without unsaved edits here, its
    /// version is loaded; with unsaved edits, the user is asked.
    fn other_tab_saved(self, id: &str) {
        let open = self
            .plan
            .with_untracked(|p| p.as_ref().is_some_and(|p| p.id == id));
        if !open || plans::stored_revision(id) == Some(self.base_revision.get_value()) {
            return;
        }
        match self.save.get_untracked() {
            SaveState::Saved => self.load_theirs(),
            // Already asked: the question stands, now against this newer version.
            SaveState::Conflict => {}
            _ => self.merge_or_ask(),
        }
    }

    /// The team's version of the open (or opening) plan, already stored: shown in place of
    /// this tab's, with the undo history cleared (undoing into a version without the others'
    /// edits would take them back). Edits of this tab were written before it was made.
    pub(crate) fn take_remote(self, plan: Plan) {
        let open = self
            .plan
            .with_untracked(|p| p.as_ref().map(|p| p.id.clone()));
        let wanted = self.route.get_untracked().plan_id().map(str::to_string);
        self.refresh_plans();
        if open.as_deref() != Some(plan.id.as_str()) && wanted.as_deref() != Some(plan.id.as_str())
        {
            return;
        }
        if matches!(self.opening.get_untracked(), Some(super::engine::Opening::Loading(o)) if o == plan.id)
        {
            self.opening.set(None);
        }
        self.set_base(&plan);
        self.reset_history();
        self.plan.set(Some(plan));
        self.save.set(SaveState::Saved);
    }

    /// Conflict: drop this tab's edits and take the stored plan.
    pub fn load_theirs(self) {
        let Some(id) = self
            .plan
            .with_untracked(|p| p.as_ref().map(|p| p.id.clone()))
        else {
            return;
        };
        match plans::load(&id) {
            Ok(plan) => {
                self.set_base(&plan);
                self.reset_history();
                self.plan.set(Some(plan));
                self.save.set(SaveState::Saved);
            }
            Err(_) => {
                // The other tab deleted it: this tab's copy is kept and saved again.
                self.keep_mine();
            }
        }
    }

    /// Conflict: the user chose whose value the fields both tabs changed keep; every other
    /// edit of both is kept. Where that cannot make a valid plan, the whole preferred version
    /// is kept instead (the other one is still in the backups).
    pub fn resolve_conflict(self, prefer: Prefer) {
        super::engine::with(self, move |engine| (engine.resolve_conflict)(self, prefer));
    }

    fn resolve_conflict_now(self, prefer: Prefer) {
        let Some(id) = self
            .plan
            .with_untracked(|p| p.as_ref().map(|p| p.id.clone()))
        else {
            return;
        };
        let Ok(theirs) = plans::load(&id) else {
            // The other tab deleted it: this tab's copy is kept and saved again.
            self.keep_mine();
            return;
        };
        let resolved = self.base.with_value(|base| {
            let base = base.as_ref()?;
            self.plan.with_untracked(|mine| {
                mine.as_ref()
                    .and_then(|mine| resolve(base, mine, &theirs, prefer))
            })
        });
        match (resolved, prefer) {
            (Some(mut plan), _) => {
                plan.revision = theirs.revision + 1;
                plan.updated_at = super::now_ms();
                self.reset_history();
                self.plan.set(Some(plan));
                self.write_open_plan();
            }
            (None, Prefer::Mine) => self.keep_mine(),
            (None, Prefer::Theirs) => self.load_theirs(),
        }
    }

    /// Conflict: write this tab's version over the other tab's.
    pub fn keep_mine(self) {
        let stored = self
            .plan
            .with_untracked(|p| p.as_ref().and_then(|p| plans::stored_revision(&p.id)))
            .unwrap_or(0);
        self.plan.update(|p| {
            if let Some(p) = p {
                p.revision = p.revision.max(stored) + 1;
            }
        });
        self.write_open_plan();
    }

    /// Conflict: save this tab's version as a new plan and open the other tab's.
    pub fn save_mine_as_copy(self) {
        super::engine::with(self, move |engine| (engine.save_mine_as_copy)(self));
    }

    fn save_mine_as_copy_now(self) {
        let Some(mut mine) = self.plan.get_untracked() else {
            return;
        };
        let lang = self.lang.get_untracked();
        mine.id = super::new_id();
        mine.name = T::CopySuffix.fill(lang, &[("name", &mine.name)]);
        if self.store_new(&mine) {
            self.tell(T::Duplicated, &[("name", &mine.name)]);
            self.load_theirs();
        }
    }

    /// Stores a new or imported plan, refreshes the list, and returns whether it worked.
    pub fn store_new(self, plan: &Plan) -> bool {
        match plans::save(plan) {
            Ok(()) => {
                self.refresh_plans();
                true
            }
            Err(err) => {
                let state = SaveState::Failed(err);
                self.warn_with(move |lang| state.describe(lang));
                false
            }
        }
    }
}
