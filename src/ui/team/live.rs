//! The open shared plan's live connection (#22), in the team part: the session of
//! [`crate::domain::sync`] over [`crate::socket`], its replica in storage, reconnecting, and
//! the plan the others' edits make.
//!
//! One shared plan is live at a time: the open one. Its order of work keeps every edit:
//! - an edit is stored as before (the plan's own key, undo, backups), then written into the
//!   document field by field ([`stored`]) and sent when connected;
//! - before anything from the network is applied, an edit still waiting for its autosave is
//!   stored and written first, so the plan on screen never lags the document by more than
//!   the edits it holds (a stale plan written later would take others' edits back);
//! - the others' edits come back as a whole plan, read with the same checks as a file, stored,
//!   and shown; the undo history is cleared then (undoing into a version without them would
//!   take them back silently).

use std::cell::RefCell;
use std::time::Duration;

use leptos::prelude::*;
use serde_json::Value;

use super::{Team, TeamView, TeamWords};
use crate::domain::model::plan::Plan;
use crate::domain::sync::{Action, Lost, PlanDoc, Presence, Session, Status, TeamLink};
use crate::i18n::{Lang, Tm};
use crate::socket::{Socket, SocketEvent};
use crate::storage::{plans, team as store};
use crate::ui::route::Route;
use crate::ui::{now_ms, Ctx};

/// How long after the last change the replica is stored (the plan itself is stored at once).
const REPLICA_DELAY: Duration = Duration::from_millis(400);
/// How often presence is renewed and the quiet ones dropped.
const TICK: Duration = Duration::from_secs(5);

struct Live {
    id: String,
    link: TeamLink,
    session: Session,
    socket: Option<Socket>,
    /// Counts connections, so events of a socket replaced since are ignored.
    generation: u32,
    /// Failed connection attempts in a row, for the back-off.
    attempt: u32,
    retry: Option<TimeoutHandle>,
    replica_due: Option<TimeoutHandle>,
    ticker: Option<IntervalHandle>,
    me: Option<String>,
    /// The document holds the plan (known once, so frames and saves do not read it whole).
    has_plan: bool,
    /// The replica as this tab last stored it: a different one in storage is another tab's.
    last_saved: Option<String>,
}

impl Live {
    fn has_plan(&mut self) -> bool {
        self.has_plan = self.has_plan || self.session.doc().read().get("id").is_some();
        self.has_plan
    }
}

thread_local! {
    static LIVE: RefCell<Option<Live>> = const { RefCell::new(None) };
    static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The part's entry points.
pub(crate) fn team() -> Team {
    Team {
        start,
        stop,
        stored,
        moved,
        refused_edit: |ctx| {
            let newer = ctx
                .team
                .with_untracked(|t| t.as_ref().and_then(|t| t.newer));
            ctx.warn_with(move |lang| match newer {
                Some(v) => Tm::Newer.fill(lang, &[("version", &v.to_string())]),
                None => Tm::ViewOnlyEdit.get(lang).to_string(),
            });
        },
        leaving: || {
            LIVE.with(|l| {
                if let Some(live) = l.borrow_mut().as_mut() {
                    save_replica(live);
                }
            });
        },
        words,
    }
}

/// A client id for this copy of the document: random, 53 bits (a Yjs peer's are JavaScript
/// numbers), new for every session so no two writers ever share one.
fn client_id() -> u64 {
    let high = (js_sys::Math::random() * f64::from(1u32 << 21)) as u64;
    let low = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    ((high << 32) | low).max(1)
}

fn start(ctx: Ctx, id: String) {
    let running = LIVE.with(|l| l.borrow().as_ref().map(|live| live.id.clone()));
    if running.as_deref() == Some(id.as_str()) {
        return;
    }
    stop(ctx);
    let Ok(Some(link)) = store::link(&id) else {
        return;
    };
    let replica = store::replica(&id).ok().flatten();
    let session = replica
        .clone()
        .and_then(|text| Session::restore(client_id(), &text, &link.room, &link.token).ok())
        .unwrap_or_else(|| Session::new(PlanDoc::new(client_id()), &link.room, &link.token));
    let fetching = !plans::exists(&id);
    let ticker = set_interval_with_handle(move || tick(ctx), TICK).ok();
    let live = Live {
        id,
        link,
        session,
        socket: None,
        generation: 0,
        attempt: 0,
        retry: None,
        replica_due: None,
        ticker,
        me: None,
        has_plan: false,
        last_saved: replica,
    };
    ctx.team.set(Some(TeamView {
        server: live.link.server.clone(),
        status: live.session.status(),
        read_only: false,
        newer: live.session.too_new(),
        me: None,
        peers: Vec::new(),
        history: live.session.doc().history(),
        fetching,
    }));
    LIVE.with(|l| *l.borrow_mut() = Some(live));
    listen_to_network(ctx);
    // The plan as stored may hold edits the replica missed (the tab closed between the two
    // writes): they go in now, before anything from the server.
    stored(ctx);
    connect(ctx);
}

fn stop(ctx: Ctx) {
    let live = LIVE.with(|l| l.borrow_mut().take());
    if let Some(mut live) = live {
        // Leaving: the others stop seeing this person at once rather than after a timeout.
        let actions = live.session.set_presence(None, now_ms());
        send_all(&live, &actions);
        save_replica(&mut live);
        clear(&mut live);
    }
    if ctx.team.with_untracked(Option::is_some) {
        ctx.team.set(None);
    }
}

fn clear(live: &mut Live) {
    if let Some(h) = live.retry.take() {
        h.clear();
    }
    if let Some(h) = live.replica_due.take() {
        h.clear();
    }
    if let Some(h) = live.ticker.take() {
        h.clear();
    }
    live.socket = None;
}

/// Going offline closes the connection at once (the header says so rather than waiting for a
/// timeout); coming back connects without waiting for the back-off.
fn listen_to_network(ctx: Ctx) {
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let _ = window_event_listener(leptos::ev::offline, move |_| {
        let running = LIVE.with(|l| {
            let mut l = l.borrow_mut();
            let live = l.as_mut()?;
            live.socket = None;
            live.session.closed();
            Some(())
        });
        if running.is_some() {
            refresh(ctx);
        }
    });
    let _ = window_event_listener(leptos::ev::online, move |_| {
        LIVE.with(|l| {
            if let Some(live) = l.borrow_mut().as_mut() {
                live.attempt = 0;
                if let Some(h) = live.retry.take() {
                    h.clear();
                }
            }
        });
        connect(ctx);
    });
}

fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

fn connect(ctx: Ctx) {
    let failed = LIVE.with(|l| {
        let mut l = l.borrow_mut();
        let live = l.as_mut()?;
        if live.socket.is_some() || !online() {
            return None;
        }
        live.generation = live.generation.wrapping_add(1);
        let generation = live.generation;
        match Socket::connect(&live.link.server, move |ev| on_event(ctx, generation, ev)) {
            Ok(socket) => {
                live.socket = Some(socket);
                None
            }
            // The browser refused the address (the page's policy): trying again later is all
            // that can be done; the header says offline.
            Err(_) => Some(()),
        }
    });
    if failed.is_some() {
        retry_later(ctx);
    }
    refresh(ctx);
}

fn retry_later(ctx: Ctx) {
    LIVE.with(|l| {
        let mut l = l.borrow_mut();
        let Some(live) = l.as_mut() else { return };
        let Some(delay) = live
            .session
            .retry_after(live.attempt, js_sys::Math::random())
        else {
            return;
        };
        live.attempt = live.attempt.saturating_add(1);
        if let Some(h) = live.retry.take() {
            h.clear();
        }
        live.retry = set_timeout_with_handle(
            move || {
                LIVE.with(|l| {
                    if let Some(live) = l.borrow_mut().as_mut() {
                        live.retry = None;
                    }
                });
                connect(ctx);
            },
            Duration::from_millis(u64::from(delay)),
        )
        .ok();
    });
}

fn on_event(ctx: Ctx, generation: u32, event: SocketEvent) {
    let current = LIVE.with(|l| {
        l.borrow()
            .as_ref()
            .is_some_and(|live| live.generation == generation && live.socket.is_some())
    });
    if !current {
        return;
    }
    match event {
        SocketEvent::Open => {
            let actions = with_live(|live| {
                live.attempt = 0;
                live.session.opened()
            });
            act(ctx, actions);
        }
        SocketEvent::Frame(frame) => {
            // An edit waiting for its autosave goes into the document before the others'
            // edits are applied (see the module's notes).
            if ctx.save.get_untracked() == crate::ui::SaveState::Pending {
                ctx.flush();
            }
            let actions = with_live(|live| live.session.received(&frame, now_ms()));
            act(ctx, actions);
            first_share(ctx);
        }
        SocketEvent::Closed { .. } => {
            with_live(|live| {
                live.socket = None;
                live.session.closed();
                Vec::new()
            });
            retry_later(ctx);
        }
    }
    refresh(ctx);
}

/// Runs `f` on the live session and sends the frames it answers at once; the other actions
/// are returned, to be done with the session released (they reach the UI, which may call
/// back in).
fn with_live(f: impl FnOnce(&mut Live) -> Vec<Action>) -> Vec<Action> {
    LIVE.with(|l| {
        let mut l = l.borrow_mut();
        let Some(live) = l.as_mut() else {
            return Vec::new();
        };
        let actions = f(live);
        send_all(live, &actions);
        actions
            .into_iter()
            .filter(|a| !matches!(a, Action::Send(_)))
            .collect()
    })
}

fn send_all(live: &Live, actions: &[Action]) {
    for action in actions {
        if let (Action::Send(frame), Some(socket)) = (action, &live.socket) {
            // A socket that closed meanwhile says so in its close event; the edit is in the
            // replica and goes out on reconnect.
            let _ = socket.send(frame);
        }
    }
}

fn act(ctx: Ctx, actions: Vec<Action>) {
    let mut changed = false;
    for action in actions {
        match action {
            Action::Send(_) => {}
            Action::Show(plan) => {
                show(ctx, plan);
                changed = true;
            }
            Action::Lost(lost) => {
                tell_lost(ctx, &lost);
                changed = true;
            }
            Action::Peers(peers) => ctx.team.update(|t| {
                if let Some(t) = t {
                    t.peers = peers;
                }
            }),
            Action::Member(name) => {
                with_live(|live| {
                    live.me = Some(name.clone());
                    Vec::new()
                });
                ctx.team.update(|t| {
                    if let Some(t) = t {
                        t.me = Some(name);
                    }
                });
                moved(ctx);
            }
        }
    }
    if changed {
        schedule_replica(ctx);
    }
}

/// The first share of a plan: once the server's answer shows an empty document, the plan as
/// stored here goes in whole. A document that already has a plan (someone shared this plan
/// before, or an invite was followed) is taken as it is instead, never merged with a copy
/// made elsewhere (that would give every item twice over).
fn first_share(ctx: Ctx) {
    let empty = LIVE.with(|l| {
        l.borrow_mut().as_mut().and_then(|live| {
            (live.session.caught_up() && !live.has_plan()).then(|| live.id.clone())
        })
    });
    let Some(id) = empty else { return };
    let Ok(plan) = plans::load(&id) else { return };
    let Some(json) = plan.to_json_value() else {
        return;
    };
    let actions = with_live(|live| live.session.edited(&json).unwrap_or_default());
    act(ctx, actions);
    schedule_replica(ctx);
}

/// The open plan was stored: its changed fields go into the document, and out.
fn stored(ctx: Ctx) {
    let Some(id) = LIVE.with(|l| l.borrow().as_ref().map(|live| live.id.clone())) else {
        return;
    };
    // Until the document has the plan (the server has not answered the first share yet),
    // the plan lives in its own key only; it goes in whole once the server has answered.
    let json = ctx.plan.with_untracked(|p| {
        p.as_ref()
            .filter(|p| p.id == id)
            .and_then(Plan::to_json_value)
    });
    let Some(json) = json else { return };
    let actions = with_live(|live| {
        if !live.has_plan() {
            return Vec::new();
        }
        // Refused edits (a viewer's, a newer document's) were refused in the UI already.
        live.session.edited(&json).unwrap_or_default()
    });
    act(ctx, actions);
    schedule_replica(ctx);
    refresh(ctx);
}

/// The plan the document holds now, after others' edits: read with the checks of a file,
/// stored, and shown if it is open.
fn show(ctx: Ctx, mut json: Value) {
    let Some(id) = LIVE.with(|l| l.borrow().as_ref().map(|live| live.id.clone())) else {
        return;
    };
    // The document is this plan's; an id written into it by a peer does not move it.
    json["id"] = Value::String(id.clone());
    let Ok(mut plan) = crate::domain::plan_file::import::parse_stored_plan(&json.to_string())
    else {
        // Not a plan this version can read: the plan stays as stored here, and the document
        // is kept (nothing is written from here until it reads again).
        return;
    };
    let shown = ctx.plan.with_untracked(|p| p.as_ref().map(|p| p.revision));
    let stored = plans::stored_revision(&id);
    plan.revision = shown.max(stored).unwrap_or(0) + 1;
    // What the page holds from now on: its next edit is made from it (a three-way write).
    let taken = |plan: &Plan| {
        if let Some(json) = plan.to_json_value() {
            with_live(|live| {
                live.session.shown(&json);
                Vec::new()
            });
        }
    };
    if ctx
        .plan
        .with_untracked(|p| p.as_ref().is_some_and(|p| plan_equal(p, &plan)))
    {
        taken(&plan);
        return;
    }
    match plans::save(&plan) {
        Ok(()) => {
            taken(&plan);
            ctx.team.update(|t| {
                if let Some(t) = t {
                    t.fetching = false;
                }
            });
            ctx.take_remote(plan);
        }
        Err(err) => {
            let state = crate::ui::SaveState::Failed(err);
            ctx.warn_with(move |lang| state.describe(lang));
        }
    }
}

/// Whether two versions of a plan are the same apart from their revision.
fn plan_equal(a: &Plan, b: &Plan) -> bool {
    let strip = |p: &Plan| {
        p.to_json_value().map(|mut v| {
            if let Some(o) = v.as_object_mut() {
                o.remove("revision");
                o.remove("updated_at");
            }
            v
        })
    };
    strip(a) == strip(b)
}

/// Tells the person that a value of theirs lost a concurrent edit (the history itself is
/// brought up to date by [`refresh`], after every frame).
fn tell_lost(ctx: Ctx, lost: &[Lost]) {
    let Some(first) = lost.first().cloned() else {
        return;
    };
    let plan = ctx
        .plan
        .with_untracked(|p| p.as_ref().and_then(Plan::to_json_value).unwrap_or_default());
    let by = first.by.clone();
    ctx.notify(
        std::sync::Arc::new(move |lang| {
            let by = if by.is_empty() {
                Tm::Someone.get(lang)
            } else {
                &by
            };
            let field = super::panel::place_text(&first, &plan, lang);
            Tm::LostNotice.fill(lang, &[("field", &field), ("by", by)])
        }),
        false,
        None,
    );
}

/// Where this person is, for the others.
fn moved(ctx: Ctx) {
    let page = ctx.route.with_untracked(|r| match r {
        Route::Step { step, .. } => Some(step.slug().to_string()),
        Route::Overview { .. } => Some("overview".to_string()),
        _ => None,
    });
    let actions = with_live(|live| {
        let Some(name) = live.me.clone() else {
            return Vec::new();
        };
        let mine = page.map(|step| Presence { name, step });
        live.session.set_presence(mine, now_ms())
    });
    act(ctx, actions);
}

fn tick(ctx: Ctx) {
    let actions = with_live(|live| live.session.tick(now_ms()));
    act(ctx, actions);
}

fn schedule_replica(_ctx: Ctx) {
    LIVE.with(|l| {
        let mut l = l.borrow_mut();
        let Some(live) = l.as_mut() else { return };
        if let Some(h) = live.replica_due.take() {
            h.clear();
        }
        live.replica_due = set_timeout_with_handle(
            || {
                LIVE.with(|l| {
                    if let Some(live) = l.borrow_mut().as_mut() {
                        live.replica_due = None;
                        save_replica(live);
                    }
                });
            },
            REPLICA_DELAY,
        )
        .ok();
    });
}

fn save_replica(live: &mut Live) {
    // Another tab on this plan stores its replica under the same key: what it stored since
    // this tab last did is merged in first, so neither tab's offline edits are overwritten.
    if let Ok(Some(stored)) = store::replica(&live.id) {
        if live.last_saved.as_deref() != Some(stored.as_str()) {
            let _ = live.session.absorb(&stored);
        }
    }
    let text = live.session.save();
    // A replica that cannot be stored (storage full) loses nothing: the plan's own key holds
    // every edit, and they go into the document again when the plan is next opened.
    if store::save_replica(&live.id, &text).is_ok() {
        live.last_saved = Some(text);
    }
}

/// Puts the session's state into the view the header and pages read.
fn refresh(ctx: Ctx) {
    let state = LIVE.with(|l| {
        l.borrow().as_ref().map(|live| {
            (
                live.session.status(),
                live.session.read_only(),
                live.session.too_new(),
                live.session.doc().history_len() as usize,
            )
        })
    });
    let Some((status, read_only, newer, history_len)) = state else {
        return;
    };
    // The history comes from the document: a value another replica lost reaches this one as
    // an update like any other, and shows here as soon as it arrives. It is read whole only
    // when it grew (this runs on every frame).
    let (same, history_same) = ctx.team.with_untracked(|t| {
        t.as_ref().map_or((true, true), |t| {
            let history_same = t.history.len() == history_len;
            let same = t.status == status && t.read_only == read_only && t.newer == newer;
            (same && history_same, history_same)
        })
    });
    if same {
        return;
    }
    let history = (!history_same)
        .then(|| LIVE.with(|l| l.borrow().as_ref().map(|live| live.session.doc().history())))
        .flatten();
    ctx.team.update(|t| {
        if let Some(t) = t {
            t.status = status;
            t.read_only = read_only;
            t.newer = newer;
            if let Some(history) = history {
                t.history = history;
            }
        }
    });
}

/// The header's words.
fn words(view: &TeamView, lang: Lang) -> TeamWords {
    let mut status = match &view.status {
        Status::Connecting => Tm::Connecting.get(lang).to_string(),
        Status::Syncing => Tm::Syncing.get(lang).to_string(),
        Status::Synced => Tm::Synced.get(lang).to_string(),
        Status::Offline { waiting: 0 } => Tm::OfflineNone.get(lang).to_string(),
        Status::Offline { waiting } => Tm::Offline.fill(lang, &[("count", &waiting.to_string())]),
        Status::Refused(reason) => Tm::Refused.fill(lang, &[("reason", reason)]),
    };
    if view.view_only() {
        status = format!("{status} · {}", Tm::Viewer.get(lang));
    }
    if let Some(me) = &view.me {
        status = format!("{status} · {}", Tm::You.fill(lang, &[("name", me)]));
    }
    let peers = if view.peers.is_empty() {
        String::new()
    } else {
        let names: Vec<String> = view
            .peers
            .iter()
            .map(|p| {
                let page = page_title(&p.step)
                    .map(|t| t.get(lang).to_string())
                    .unwrap_or_default();
                if page.is_empty() {
                    p.name.clone()
                } else {
                    Tm::PeerOn.fill(lang, &[("name", &p.name), ("page", &page)])
                }
            })
            .collect();
        format!("{}: {}", Tm::Peers.get(lang), names.join(", "))
    };
    TeamWords {
        status,
        peers,
        label: Tm::StatusLabel.get(lang).to_string(),
    }
}

/// The title of the page a peer is on (a step's slug, or `overview`).
fn page_title(slug: &str) -> Option<crate::i18n::T> {
    if slug == "overview" {
        return Some(crate::i18n::T::NavOverview);
    }
    crate::domain::model::workflow::Step::from_slug(slug).map(|s| s.title())
}
