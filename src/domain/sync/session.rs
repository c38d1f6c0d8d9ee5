//! One shared plan's connection to the sync server (#22), as a state machine with no socket of
//! its own: the browser's door (or a test) tells it what happened — the socket opened, a frame
//! arrived, the socket closed, the user edited — and does what it answers: send these frames,
//! show this plan, record these lost values. So the protocol is tested natively, against a
//! real Hocuspocus server too (`tests/sync_server.rs`).

use serde_json::Value;

use super::plan_doc::{normalize, Lost, PlanDoc, SyncError};
use super::presence::{Presence, Room, RENEW_MS};
use super::rebase::rebase;
use super::wire::{self, Incoming, Sync};

/// What the header says of a shared plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Connecting, or sending the token.
    Connecting,
    /// Connected; changes are on their way one way or the other.
    Syncing,
    /// Everything this replica has, the server has, and the reverse.
    Synced,
    /// No connection; `waiting` edits made here are kept and go out on reconnect.
    Offline {
        /// Edits not yet stored by the server.
        waiting: usize,
    },
    /// The server refused the token (wrong, revoked or expired), with its reason. The plan
    /// stays local.
    Refused(String),
}

/// What the caller does next.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Send this frame on the socket.
    Send(Vec<u8>),
    /// The plan changed by others' edits: show this (the plan's JSON form).
    Show(Value),
    /// Values of this replica lost concurrent edits; they are in the plan's history.
    Lost(Vec<Lost>),
    /// Who else is on the plan now changed: everyone, by name.
    Peers(Vec<Presence>),
    /// The server said whose token this is (the name approvals and presence carry).
    Member(String),
}

/// A shared plan's sync session.
pub struct Session {
    doc: PlanDoc,
    room: String,
    token: String,
    connected: bool,
    authenticated: bool,
    refused: Option<String>,
    read_only: bool,
    /// The server's step 2 has arrived since the connection opened.
    caught_up: bool,
    /// Frames sent that the server has not acknowledged.
    in_flight: usize,
    /// Edits made here that the server has not stored.
    waiting: usize,
    /// Who is here, this client included.
    presence: Room,
    /// When this client's presence was last sent.
    presence_sent: i64,
    /// The plan as the page last had it from this session (handed out, or written): the base
    /// of the page's next edit, for a three-way write (see [`super::rebase`]).
    base: Option<Value>,
}

impl Session {
    /// A session for the document `room` with this token, over the replica `doc`.
    pub fn new(doc: PlanDoc, room: &str, token: &str) -> Self {
        let presence = Room::new(doc.client_id());
        Session {
            presence,
            presence_sent: 0,
            doc,
            room: room.to_string(),
            token: token.to_string(),
            connected: false,
            authenticated: false,
            refused: None,
            read_only: false,
            caught_up: false,
            in_flight: 0,
            waiting: 0,
            base: None,
        }
    }

    /// The replica.
    pub fn doc(&self) -> &PlanDoc {
        &self.doc
    }

    /// Whether the server's answer to this connection's step 1 has arrived: from then on the
    /// replica holds everything the server had.
    pub fn caught_up(&self) -> bool {
        self.connected && self.caught_up
    }

    /// Whether the server treats this client as a viewer: its edits are refused.
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// The document's schema version when it is newer than this Alur's: the plan is then
    /// shown read-only, and edits are refused here rather than written without the fields
    /// this version does not know.
    pub fn too_new(&self) -> Option<u64> {
        self.doc
            .schema_version()
            .filter(|v| *v > u64::from(crate::domain::model::plan::SCHEMA_VERSION))
    }

    /// Everything to keep across a reload: the replica and the count of edits not yet stored
    /// by the server (the header's "n changes waiting").
    pub fn save(&self) -> String {
        serde_json::json!({ "doc": self.doc.save(), "waiting": self.waiting }).to_string()
    }

    /// Takes in the replica another tab stored ([`Session::save`]'s text) before this one
    /// stores its own over it; whether the plan changed (the page then needs the merged plan,
    /// which its next edit brings: see [`Session::edited`]).
    pub fn absorb(&mut self, text: &str) -> Result<bool, SyncError> {
        let saved: Value = serde_json::from_str(text).map_err(|_| SyncError::BadUpdate)?;
        let doc = saved["doc"].as_str().ok_or(SyncError::BadUpdate)?;
        let before = self.doc.read();
        self.doc.absorb(doc)?;
        Ok(self.doc.read() != before)
    }

    /// A session from [`Session::save`]'s text, under a new client id, not connected.
    pub fn restore(
        client_id: u64,
        text: &str,
        room: &str,
        token: &str,
    ) -> Result<Session, SyncError> {
        let saved: Value = serde_json::from_str(text).map_err(|_| SyncError::BadUpdate)?;
        let doc = saved["doc"].as_str().ok_or(SyncError::BadUpdate)?;
        let mut session = Session::new(PlanDoc::restore(client_id, doc)?, room, token);
        session.waiting = saved["waiting"].as_u64().unwrap_or(0) as usize;
        Ok(session)
    }

    /// What the header shows.
    pub fn status(&self) -> Status {
        if let Some(reason) = &self.refused {
            return Status::Refused(reason.clone());
        }
        if !self.connected {
            return Status::Offline {
                waiting: self.waiting,
            };
        }
        if !self.authenticated {
            Status::Connecting
        } else if self.caught_up && self.in_flight == 0 {
            Status::Synced
        } else {
            Status::Syncing
        }
    }

    /// How long to wait before connecting again after `attempt` failed tries in a row (0 for
    /// the first retry): 1 s doubling up to 30 s, spread by `jitter` (0.0–1.0, random) so a
    /// restarted server is not met by every client at once. `None` once the server refused
    /// the token: trying again cannot help until the link changes.
    pub fn retry_after(&self, attempt: u32, jitter: f64) -> Option<u32> {
        if self.refused.is_some() {
            return None;
        }
        let base = 1000u32.saturating_mul(1 << attempt.min(5)).min(30_000);
        let spread = (f64::from(base) * 0.25 * jitter.clamp(0.0, 1.0)) as u32;
        Some(base - spread)
    }

    /// The socket opened: send the token first.
    pub fn opened(&mut self) -> Vec<Action> {
        self.connected = true;
        self.authenticated = false;
        self.caught_up = false;
        self.in_flight = 0;
        vec![Action::Send(wire::auth(&self.room, &self.token))]
    }

    /// The socket closed (or could not open): edits go on locally, and nobody is known to be
    /// here any more.
    pub fn closed(&mut self) {
        self.presence.clear_others();
        self.connected = false;
        self.authenticated = false;
        self.caught_up = false;
        self.in_flight = 0;
    }

    /// The user edited the plan (its new JSON form): the changed fields go to the document,
    /// and to the server when connected and allowed to write.
    pub fn edited(&mut self, plan: &Value) -> Result<Vec<Action>, SyncError> {
        if let Some(version) = self.too_new() {
            return Err(SyncError::Newer(version));
        }
        if self.read_only {
            // The server refuses a viewer's edits; keeping them here would only let this
            // replica drift from everyone else's.
            return Err(SyncError::ReadOnly);
        }
        let mine = normalize(plan);
        // The page's changes since it last had the plan from here, laid over what the
        // document holds now: a copy saved from before a colleague's edit does not revert it.
        let theirs = self.doc.read();
        let merged = match &self.base {
            Some(base) if *base != theirs => rebase(base, &mine, &theirs),
            _ => mine.clone(),
        };
        let update = self.doc.write(&merged)?;
        let mut actions = Vec::new();
        if merged != mine {
            // The page lacks colleagues' edits it was saved without: it gets them now.
            actions.push(Action::Show(self.doc.read()));
        }
        // Until the page says it took a plan handed out ([`Session::shown`]), its next edit
        // is made from this one.
        self.base = Some(mine);
        if !update.is_empty() {
            self.waiting += 1;
            actions.extend(self.send_update(update));
        }
        Ok(actions)
    }

    /// The page took this plan (one handed out by [`Action::Show`]): its next edit is made
    /// from it.
    pub fn shown(&mut self, plan: &Value) {
        self.base = Some(normalize(plan));
    }

    /// Shows the others who is here and where (or `None`: leaving the plan).
    pub fn set_presence(&mut self, mine: Option<Presence>, now: i64) -> Vec<Action> {
        let update = self.presence.set_mine(mine);
        self.send_presence(update, now)
    }

    fn send_presence(&mut self, update: Vec<u8>, now: i64) -> Vec<Action> {
        if !(self.connected && self.authenticated) {
            return Vec::new();
        }
        self.presence_sent = now;
        vec![Action::Send(wire::awareness(&self.room, &update))]
    }

    /// Called every few seconds: renews this client's presence before others drop it, and
    /// drops the others' that went quiet.
    pub fn tick(&mut self, now: i64) -> Vec<Action> {
        let mut actions = Vec::new();
        if now - self.presence_sent >= RENEW_MS && self.presence.has_mine() {
            let update = self.presence.renew();
            actions.extend(self.send_presence(update, now));
        }
        if self.presence.expire(now) {
            actions.push(Action::Peers(self.presence.others()));
        }
        actions
    }

    fn send_update(&mut self, update: Vec<u8>) -> Vec<Action> {
        if self.connected && self.authenticated && !self.read_only {
            self.in_flight += 1;
            vec![Action::Send(wire::sync(&self.room, &Sync::Update(update)))]
        } else {
            Vec::new()
        }
    }

    /// A frame arrived. A frame this client cannot read, or for another document, is ignored
    /// (the server speaks a newer protocol, or a peer misbehaves); nothing panics.
    pub fn received(&mut self, frame: &[u8], now: i64) -> Vec<Action> {
        let Ok((room, message)) = wire::decode(frame) else {
            return Vec::new();
        };
        if room != self.room {
            return Vec::new();
        }
        match message {
            Incoming::Authenticated { read_only } => {
                self.authenticated = true;
                self.refused = None;
                self.read_only = read_only;
                let step1 = Sync::Step1(self.doc.state_vector());
                let mut actions = vec![Action::Send(wire::sync(&self.room, &step1))];
                if self.presence.has_mine() {
                    let update = self.presence.renew();
                    actions.extend(self.send_presence(update, now));
                }
                actions
            }
            Incoming::Denied(reason) => {
                self.refused = Some(reason);
                self.authenticated = false;
                Vec::new()
            }
            Incoming::TokenRequest => vec![Action::Send(wire::auth(&self.room, &self.token))],
            Incoming::Sync { message, .. } => self.sync(message, now),
            Incoming::Stored(_) => {
                // `false` is a viewer's edit refused by the server: it stays here, unsent.
                self.in_flight = self.in_flight.saturating_sub(1);
                if self.in_flight == 0 && !self.read_only {
                    self.waiting = 0;
                }
                Vec::new()
            }
            Incoming::Awareness(update) => {
                if self.presence.apply(&update, now) {
                    vec![Action::Peers(self.presence.others())]
                } else {
                    Vec::new()
                }
            }
            Incoming::QueryAwareness if self.presence.has_mine() => {
                let update = self.presence.renew();
                self.send_presence(update, now)
            }
            Incoming::QueryAwareness => Vec::new(),
            Incoming::Stateless(text) => {
                // Alur's server sends `{"alur": "member", "name": …}` once the token is
                // accepted; anything else is another server's business.
                let said: Value = serde_json::from_str(&text).unwrap_or_default();
                match said["name"].as_str().map(str::trim) {
                    Some(name) if said["alur"] == "member" && !name.is_empty() => {
                        let name: String = name.chars().take(80).collect();
                        self.doc.set_author(&name);
                        vec![Action::Member(name)]
                    }
                    _ => Vec::new(),
                }
            }
            Incoming::Close => {
                // The server let go of the document but kept the socket (Hocuspocus does so
                // after an error): start again on it, token first.
                self.authenticated = false;
                self.caught_up = false;
                self.in_flight = 0;
                self.presence.clear_others();
                vec![
                    Action::Peers(Vec::new()),
                    Action::Send(wire::auth(&self.room, &self.token)),
                ]
            }
        }
    }

    fn sync(&mut self, message: Sync, now: i64) -> Vec<Action> {
        let step2 = matches!(message, Sync::Step2(_));
        match message {
            Sync::Step1(remote) => {
                // The server's state vector: send what it lacks (this replica's offline edits).
                let Ok(missing) = self.doc.diff(&remote) else {
                    return Vec::new();
                };
                if self.read_only {
                    return Vec::new();
                }
                self.in_flight += 1;
                vec![Action::Send(wire::sync(&self.room, &Sync::Step2(missing)))]
            }
            Sync::Step2(update) | Sync::Update(update) => {
                let before = self.doc.read();
                let Ok((lost, record)) = self.doc.apply(&update, now) else {
                    return Vec::new();
                };
                if step2 {
                    self.caught_up = true;
                }
                let mut actions = Vec::new();
                let after = self.doc.read();
                if after != before {
                    actions.push(Action::Show(after));
                }
                if !lost.is_empty() {
                    actions.push(Action::Lost(lost));
                    actions.extend(self.send_update(record));
                }
                actions
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn replica() -> PlanDoc {
        let mut doc = PlanDoc::new(1);
        doc.write(&json!({"schema_version": 2, "name": "Kampanye", "goal": {"target": 10}}))
            .unwrap();
        doc
    }

    #[test]
    fn edits_made_offline_are_counted_and_the_count_survives_a_reload() {
        // Guards: the header's "offline (n changes waiting)" is true after a reload too.
        let mut session = Session::new(replica(), "alur-p", "t");
        assert_eq!(session.status(), Status::Offline { waiting: 0 });
        let mut plan = session.doc().read();
        plan["name"] = json!("Kampanye Ramadan");
        assert!(
            session.edited(&plan).unwrap().is_empty(),
            "offline: nothing is sent"
        );
        plan["goal"]["target"] = json!(12);
        session.edited(&plan).unwrap();
        // The same plan again is no edit.
        session.edited(&plan).unwrap();
        assert_eq!(session.status(), Status::Offline { waiting: 2 });
        let restored = Session::restore(2, &session.save(), "alur-p", "t").unwrap();
        assert_eq!(restored.status(), Status::Offline { waiting: 2 });
        assert_eq!(restored.doc().read()["name"], "Kampanye Ramadan");
        assert!(Session::restore(2, "{}", "alur-p", "t").is_err());
    }

    #[test]
    fn reconnecting_backs_off_and_stops_once_the_token_is_refused() {
        // Guards: an unreachable server is retried ever less often (1, 2, 4 … 30 s, up to a
        // quarter sooner at random); a refused token is not retried.
        let mut session = Session::new(replica(), "r", "t");
        let delays: Vec<u32> = (0..8)
            .map(|a| session.retry_after(a, 0.0).unwrap())
            .collect();
        assert_eq!(delays, [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
        assert_eq!(session.retry_after(2, 1.0), Some(3000));
        session.opened();
        let denied = [&[1][..], b"r", &[2, 1, 3], b"bad"].concat();
        session.received(&denied, 0);
        assert_eq!(session.status(), Status::Refused("bad".into()));
        assert_eq!(session.retry_after(0, 0.5), None);
    }

    #[test]
    fn a_server_that_closes_the_document_gets_the_token_again() {
        // Guards: after Hocuspocus drops the document but keeps the socket (it does so after
        // an error), the session starts again instead of waiting forever.
        let mut session = Session::new(replica(), "r", "t");
        session.opened();
        session.received(&[&[1][..], b"r", &[2, 2, 10], b"read-write"].concat(), 0);
        assert_eq!(session.status(), Status::Syncing);
        let actions = session.received(&[1, b'r', 7], 0);
        assert_eq!(session.status(), Status::Connecting);
        assert!(actions.contains(&Action::Send(wire::auth("r", "t"))));
    }

    #[test]
    fn a_plan_from_a_newer_alur_is_read_but_not_written() {
        // Guards: a client older than the document never writes it (it would drop the fields
        // it does not know).
        let mut doc = PlanDoc::new(1);
        doc.write(&json!({"schema_version": 99, "name": "Dari versi baru", "novel": {"x": 1}}))
            .unwrap();
        let mut session = Session::new(
            PlanDoc::from_state(2, &doc.encode_state()).unwrap(),
            "r",
            "t",
        );
        assert_eq!(session.too_new(), Some(99));
        let mut plan = session.doc().read();
        plan["name"] = json!("changed");
        assert_eq!(session.edited(&plan), Err(SyncError::Newer(99)));
        assert_eq!(session.doc().read()["novel"]["x"], 1);
        assert_eq!(session.doc().read()["name"], "Dari versi baru");
    }

    #[test]
    fn a_page_saving_a_copy_from_before_a_colleagues_edit_does_not_revert_it() {
        // Guards the three-way write: the page had the plan (name "Kampanye", target 10); a
        // colleague's update set the target to 12 and the page was saved with only its own
        // rename, from its older copy. Expected: the document keeps 12 and takes the name, and
        // the page is handed the merged plan.
        let mut session = Session::new(replica(), "r", "t");
        let shown = session.doc().read();
        // The page's first save: nothing differs, and the session knows what the page holds.
        assert!(session.edited(&shown).unwrap().is_empty());
        let mut colleague = PlanDoc::from_state(7, &session.doc().encode_state()).unwrap();
        let mut theirs = colleague.read();
        theirs["goal"]["target"] = json!(12);
        let update = colleague.write(&theirs).unwrap();
        let actions = session.received(&wire::sync("r", &Sync::Update(update)), 1);
        assert!(actions
            .iter()
            .any(|a| matches!(a, Action::Show(p) if p["goal"]["target"] == 12)));
        // The page saves before it took the handed-out plan: its copy still says 10.
        let mut stale = shown.clone();
        stale["name"] = json!("Kampanye Ramadan");
        let actions = session.edited(&stale).unwrap();
        let plan = session.doc().read();
        assert_eq!(plan["goal"]["target"], 12, "the colleague's edit stays");
        assert_eq!(plan["name"], "Kampanye Ramadan", "the page's edit goes in");
        assert!(
            actions
                .iter()
                .any(|a| matches!(a, Action::Show(p) if *p == plan)),
            "the page gets the merged plan"
        );
        // It takes the merged plan: the same plan again is no edit and no new hand-out, and
        // its next edit is made from it (a colleague's later edit stays too).
        session.shown(&plan);
        assert!(session.edited(&plan).unwrap().is_empty());
        colleague.apply(&session.doc().encode_state(), 2).unwrap();
        let mut later = colleague.read();
        later["goal"]["target"] = json!(15);
        let update = colleague.write(&later).unwrap();
        session.received(&wire::sync("r", &Sync::Update(update)), 3);
        let mut mine = plan.clone();
        mine["goal"]["specific"] = json!("Instagram");
        session.edited(&mine).unwrap();
        let plan = session.doc().read();
        assert_eq!(
            (
                plan["goal"]["target"].clone(),
                plan["goal"]["specific"].clone()
            ),
            (json!(15), json!("Instagram"))
        );
    }

    #[test]
    fn two_tabs_storing_one_replica_keep_both_tabs_offline_edits() {
        // Guards: two tabs of one browser on one shared plan, offline, each store the replica
        // under the plan's key; the second to store merges the first's in, so a reload finds
        // both edits (the name from tab A, the target from tab B).
        let stored = Session::new(replica(), "r", "t").save();
        let mut a = Session::restore(11, &stored, "r", "t").unwrap();
        let mut b = Session::restore(12, &stored, "r", "t").unwrap();
        let mut plan = a.doc().read();
        plan["name"] = json!("Nama dari tab A");
        a.edited(&plan).unwrap();
        let mut plan = b.doc().read();
        plan["goal"]["target"] = json!(40);
        b.edited(&plan).unwrap();
        let from_a = a.save();
        assert!(b.absorb(&from_a).unwrap(), "tab A's edit is new to tab B");
        assert!(
            !b.absorb(&from_a).unwrap(),
            "taking it twice changes nothing"
        );
        let reloaded = Session::restore(13, &b.save(), "r", "t").unwrap();
        let plan = reloaded.doc().read();
        assert_eq!(
            (plan["name"].clone(), plan["goal"]["target"].clone()),
            (json!("Nama dari tab A"), json!(40))
        );
        assert_eq!(b.absorb("not json"), Err(SyncError::BadUpdate));
    }
}
