//! The open plan's life: opening it from the URL, editing it in memory, and autosaving it a
//! moment after the last edit (never synchronously on each keystroke).

use std::time::Duration;

use leptos::prelude::*;

use super::route::Route;
use super::{now_ms, redirect, Ctx};
use crate::domain::plan::Plan;
use crate::i18n::{Lang, T};
use crate::storage::{self, plans, StorageError};

/// How long after the last edit the plan is written.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(600);

/// Whether the open plan's last edit is stored.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Everything is stored.
    Saved,
    /// An edit waits for the autosave.
    Pending,
    /// The last write failed; the plan is still in memory.
    Failed(StorageError),
}

impl SaveState {
    /// The status line shown in the header.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            SaveState::Saved => T::SaveSaved.get(lang).to_string(),
            SaveState::Pending => T::SaveSaving.get(lang).to_string(),
            SaveState::Failed(StorageError::Full) => T::SaveFailedFull.get(lang).to_string(),
            SaveState::Failed(StorageError::Unavailable) => {
                T::SaveFailedUnavailable.get(lang).to_string()
            }
            SaveState::Failed(StorageError::Other(reason)) => {
                T::SaveFailedOther.fill(lang, &[("reason", reason)])
            }
        }
    }
}

/// Loads the plan list, follows the URL to open plans, and saves before the page goes away.
pub fn start(ctx: Ctx) {
    ctx.refresh_plans();
    Effect::new(move |_| {
        let route = ctx.route.get();
        open_for_route(ctx, &route);
    });
    // Leaving or hiding the page writes any pending edit at once.
    let _ = window_event_listener(leptos::ev::pagehide, move |_| ctx.flush());
    let _ = window_event_listener(leptos::ev::blur, move |_| ctx.flush());
}

fn open_for_route(ctx: Ctx, route: &Route) {
    if let Route::Step { plan: None, step } = route {
        // A link without a plan id opens the plan used last, if there is one.
        if let Some(id) = storage::load_settings().last_plan {
            if plans::exists(&id) {
                redirect(&Route::Step {
                    plan: Some(id),
                    step: *step,
                });
                return;
            }
        }
    }
    // Any navigation writes a pending edit first, so every page shows what was typed.
    ctx.flush();
    let wanted = route.plan_id().map(str::to_string);
    let open = ctx
        .plan
        .with_untracked(|p| p.as_ref().map(|p| p.id.clone()));
    if wanted == open || wanted.is_none() {
        return;
    }
    ctx.flush();
    let Some(id) = wanted else { return };
    match plans::load(&id) {
        Ok(plan) => {
            ctx.plan.set(Some(plan));
            ctx.save.set(SaveState::Saved);
            let mut settings = storage::load_settings();
            settings.last_plan = Some(id);
            let _ = storage::save_settings(&settings);
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
        let mut changed = false;
        self.plan.update(|plan| {
            if let Some(plan) = plan {
                f(plan);
                plan.updated_at = now_ms();
                plan.revision += 1;
                changed = true;
            }
        });
        if changed {
            self.save.set(SaveState::Pending);
            self.schedule_save();
        }
    }

    fn schedule_save(self) {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || self.flush(), AUTOSAVE_DELAY).ok();
        self.pending.set_value(handle);
    }

    /// Writes the open plan now if an edit is waiting.
    pub fn flush(self) {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
            self.pending.set_value(None);
        }
        if self.save.get_untracked() == SaveState::Saved {
            return;
        }
        let result = self
            .plan
            .with_untracked(|plan| plan.as_ref().map(plans::save));
        match result {
            Some(Ok(())) => {
                self.save.set(SaveState::Saved);
                self.refresh_plans();
            }
            Some(Err(err)) => self.save.set(SaveState::Failed(err)),
            None => self.save.set(SaveState::Saved),
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
