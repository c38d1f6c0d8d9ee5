//! The door to the plan engine: the code that reads, writes, merges, imports and exports whole
//! plans (the tolerant plan-file reader, serde's code for the plan, the two-tab merge). It is a
//! wasm part of its own (`store`, [`super::chunks::load_engine`]), fetched when a plan is first
//! opened or an action of the plans page needs it, so the first download of the plans page
//! holds none of it (#21).
//!
//! The main module reaches the engine only through the function pointers of [`Engine`], which
//! the part hands over once loaded: a direct call from the main module would pull the code
//! back into it. While no plan has been opened the engine may be absent, and then there is
//! nothing for it to save.

use std::cell::Cell;

use leptos::prelude::Update;

use super::Ctx;
use crate::domain::history::merge::Prefer;

/// A plan being opened while the engine's part loads, by its id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opening {
    /// The part is on its way.
    Loading(String),
    /// The part could not be fetched: the page says so, with a retry.
    Failed(String),
}

/// An action of the plans page (or of a notice) that reads or writes whole plans.
pub enum PlansAction {
    /// A new blank plan, opened.
    CreateBlank,
    /// The example plan, opened.
    CreateExample,
    /// A copy of a stored plan.
    Duplicate(String),
    /// A new name for a plan; `done` is set once it is stored.
    Rename {
        /// The plan's id.
        id: String,
        /// The name typed.
        name: String,
        /// Set to `false` (leave the field) once the name is stored.
        editing: leptos::prelude::RwSignal<bool>,
    },
    /// To the trash, restorable.
    Delete(crate::storage::plans::PlanMeta),
    /// Back from the trash (its storage key).
    Restore(String),
    /// Downloaded as an `.alur.json` file.
    Export(String),
    /// An `.alur.json` file chosen or dropped; `conflict` receives it when its id is taken.
    Import {
        /// The file.
        file: web_sys::File,
        /// Where a plan whose id is already stored waits for the user's choice.
        conflict: leptos::prelude::RwSignal<Option<super::plans::PendingImport>>,
    },
    /// The user's choice for a pending import: replace the stored plan, or keep both.
    ResolveImport(Box<super::plans::PendingImport>, bool),
}

/// The engine's entry points, as the part hands them over.
#[derive(Clone, Copy)]
pub struct Engine {
    /// Opens the plan with this id (the route asks for it).
    pub open: fn(Ctx, String),
    /// Writes the open plan now if an edit is waiting.
    pub flush: fn(Ctx),
    /// Another tab saved the plan with this id.
    pub other_tab_saved: fn(Ctx, String),
    /// Conflict: keep this tab's version as a copy and open the other tab's.
    pub save_mine_as_copy: fn(Ctx),
    /// Conflict: the user chose whose value the fields both tabs changed keep.
    pub resolve_conflict: fn(Ctx, Prefer),
    /// An action of the plans page.
    pub plans: fn(Ctx, PlansAction),
    /// Which steps of a plan are complete, in `Step::ALL` order (the navigation's marks: the
    /// plan-wide checks behind them are the engine's, not the first download's).
    pub complete_steps: fn(&crate::domain::model::plan::Plan) -> Vec<bool>,
    /// The header's save status of the open plan, with undo and redo.
    pub save_status: fn() -> leptos::prelude::AnyView,
    /// The panel shown when another tab saved the open plan over unsaved edits.
    pub tab_conflict: fn() -> leptos::prelude::AnyView,
    /// The page of a workflow step (its frame; the form is in the phase's part). Drawn in
    /// place, not through a [`super::chunks`] part: inside a part's `Suspense`, a step's
    /// attribute effects outlived its memos when a team member's edit arrived as the page was
    /// left (a disposed-signal panic in the team end-to-end test).
    pub step_page:
        fn(Option<String>, crate::domain::model::workflow::Step) -> leptos::prelude::AnyView,
    /// Undo (`false`) or redo (`true`) the last edit of the open plan.
    pub undo_redo: fn(Ctx, bool),
}

thread_local! {
    static LOADED: Cell<Option<Engine>> = const { Cell::new(None) };
    static PRELOADING: Cell<bool> = const { Cell::new(false) };
}

/// The engine, if its part has loaded.
pub fn loaded() -> Option<Engine> {
    LOADED.with(Cell::get)
}

/// Runs `f` with the engine: at once if it is loaded, else once its part is in. A part that
/// cannot be fetched is a warning naming what failed, and nothing is done.
pub fn with(ctx: Ctx, f: impl FnOnce(Engine) + 'static) {
    if let Some(engine) = loaded() {
        f(engine);
        return;
    }
    leptos::task::spawn_local(async move {
        match super::chunks::load_engine().await {
            Ok(engine) => {
                LOADED.with(|l| l.set(Some(engine)));
                f(engine);
            }
            Err(_) => {
                // A plan being opened: its page says what failed, with a retry. Anything else
                // (an action of the plans page) is told in a notice.
                let mut opening = false;
                ctx.opening.update(|o| {
                    if let Some(Opening::Loading(id)) = o.take() {
                        *o = Some(Opening::Failed(id));
                        opening = true;
                    }
                });
                if !opening {
                    ctx.warn(crate::i18n::T::EngineFailed, &[]);
                }
            }
        }
    });
}

/// Fetches the engine's part without using it (a plan link is pointed at).
pub fn preload() {
    // Pointer moves over the plans page ask often: one fetch at a time.
    if loaded().is_some() || PRELOADING.with(|p| p.replace(true)) {
        return;
    }
    leptos::task::spawn_local(async {
        let _ = super::chunks::preload_engine().await;
        PRELOADING.with(|p| p.set(false));
    });
}
