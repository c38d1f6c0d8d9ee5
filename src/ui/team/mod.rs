//! The door to team plans (#22). A plan with no team link is a solo plan and none of this
//! loads: the sync engine (yrs, the session, the socket's use) and the team texts are a wasm
//! part of their own (`sync`, [`super::chunks::load_team`]), fetched when a shared plan is
//! opened or a plan is shared. The main module reaches it only through the function pointers
//! of [`Team`], as it reaches the plan engine (see [`super::engine`]).
//!
//! What the rest of the app sees is [`TeamView`] in [`super::Ctx::team`]: the status for the
//! header, who else is here, the role, and the values concurrent edits replaced.

pub(crate) mod live;
pub(crate) mod panel;

use std::cell::Cell;

use super::Ctx;
use crate::domain::sync::{Lost, Presence, Status};
use crate::i18n::Lang;
use leptos::prelude::*;

/// What the open shared plan's sync looks like now.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamView {
    /// The sync server's address.
    pub server: String,
    /// Connecting, syncing, synced, offline (n waiting), refused.
    pub status: Status,
    /// The server treats this token as a viewer's: edits are refused.
    pub read_only: bool,
    /// The document's schema version, when it is newer than this Alur's (read-only here).
    pub newer: Option<u64>,
    /// This person's name, as the server knows their token.
    pub me: Option<String>,
    /// Everyone else on the plan now, and where.
    pub peers: Vec<Presence>,
    /// Values that lost to a concurrent edit of the same field, newest last.
    pub history: Vec<Lost>,
    /// The plan is not in this browser yet: it comes from the server (an invite was followed).
    pub fetching: bool,
}

impl TeamView {
    /// Whether edits of this browser are refused (a viewer, or a document from a newer Alur).
    pub fn view_only(&self) -> bool {
        self.read_only || self.newer.is_some()
    }
}

/// The words the header shows, in one language (made in the team part, with its texts).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct TeamWords {
    /// The status line.
    pub status: String,
    /// Who else is on the plan, or empty.
    pub peers: String,
    /// The status line's accessible label.
    pub label: String,
}

/// The team part's entry points, as the part hands them over.
#[derive(Clone, Copy)]
pub struct Team {
    /// The open plan (this id) is shared: connect, or keep the connection if it is this plan's.
    pub start: fn(Ctx, String),
    /// No shared plan is open any more: leave the server.
    pub stop: fn(Ctx),
    /// The open plan was stored: its changed fields go to the team.
    pub stored: fn(Ctx),
    /// The page changed: tell the others where this person is.
    pub moved: fn(Ctx),
    /// An edit was refused (view only): say why.
    pub refused_edit: fn(Ctx),
    /// The page goes away: store the replica now.
    pub leaving: fn(),
    /// The header's words for a view.
    pub words: fn(&TeamView, Lang) -> TeamWords,
}

thread_local! {
    static LOADED: Cell<Option<Team>> = const { Cell::new(None) };
}

/// The team part, if it has loaded.
pub fn loaded() -> Option<Team> {
    LOADED.with(Cell::get)
}

/// Runs `f` with the team part: at once if loaded, else once its chunk is in. A chunk that
/// cannot be fetched is a warning; the plan stays as it is in this browser.
pub fn with(ctx: Ctx, f: impl FnOnce(Team) + 'static) {
    if let Some(team) = loaded() {
        f(team);
        return;
    }
    leptos::task::spawn_local(async move {
        match super::chunks::load_team().await {
            Ok(team) => {
                LOADED.with(|l| l.set(Some(team)));
                f(team);
            }
            Err(_) => ctx.warn(crate::i18n::T::ChunkFailed, &[]),
        }
    });
}

/// Whether plan `id` is shared with a team in this browser (a damaged link counts as not).
pub fn is_shared(id: &str) -> bool {
    matches!(crate::storage::team::link(id), Ok(Some(_)))
}

/// Plan `id` was opened (or `None`: no plan is open): connects when it is shared, leaves the
/// previous plan's server otherwise.
pub fn opened(ctx: Ctx, id: Option<&str>) {
    match id {
        Some(id) if is_shared(id) => {
            let id = id.to_string();
            with(ctx, move |team| (team.start)(ctx, id));
        }
        _ => {
            if let Some(team) = loaded() {
                (team.stop)(ctx);
            }
        }
    }
}

/// The open plan was written to storage.
pub fn stored(ctx: Ctx) {
    if let Some(team) = loaded() {
        (team.stored)(ctx);
    }
}

/// Whether an edit of the open plan may be made here; if not, the user is told why.
pub fn may_edit(ctx: Ctx) -> bool {
    if !ctx
        .team
        .with_untracked(|t| t.as_ref().is_some_and(TeamView::view_only))
    {
        return true;
    }
    if let Some(team) = loaded() {
        (team.refused_edit)(ctx);
    }
    false
}

/// The header's line for a shared plan: the sync status, and who else is here.
#[component]
pub fn TeamStatus() -> impl IntoView {
    let ctx = super::use_ctx();
    let words = move || {
        // Tracked first: while the part loads `loaded()` is None, and an early return before
        // reading the signal would leave the line blank for good.
        ctx.team.track();
        let team = loaded()?;
        let lang = ctx.lang.get();
        ctx.team.with(|v| v.as_ref().map(|v| (team.words)(v, lang)))
    };
    move || {
        words().map(|w| {
            let peers =
                (!w.peers.is_empty()).then(|| view! { <span class="team-peers">{w.peers}</span> });
            view! {
                <p id="team-status" class="team-status" role="status">
                    <span class="visually-hidden">{w.label} ": "</span>
                    <span class="team-sync">{w.status}</span>
                    {peers}
                </p>
            }
        })
    }
}
