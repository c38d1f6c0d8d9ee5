//! Who is on a shared plan now, and on which step (#22): the y-protocols awareness format, so
//! any Yjs client or server reads it. An update is `varUint(n)` then, per client,
//! `varUint(client id) varUint(clock) varString(state as JSON, or "null": gone)`; a state not
//! renewed for [`TIMEOUT_MS`] is gone too (y-protocols renews every 15 s and drops after 30).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use yrs::encoding::write::Write;

/// A state not renewed for this long is dropped.
pub const TIMEOUT_MS: i64 = 30_000;
/// This client renews its state this often.
pub const RENEW_MS: i64 = 15_000;

/// What a person shows the others.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presence {
    /// Their name, from their token on the server (shown as they gave it).
    pub name: String,
    /// The page they are on (a step's slug, or `overview`).
    #[serde(default)]
    pub step: String,
}

/// This client's presence and the others' as last heard.
#[derive(Clone, Debug, Default)]
pub struct Room {
    client: u64,
    clock: u64,
    mine: Option<Presence>,
    others: BTreeMap<u64, (u64, Presence, i64)>,
}

impl Room {
    /// A room for the client with this (Yjs) id.
    pub fn new(client: u64) -> Room {
        Room {
            client,
            ..Room::default()
        }
    }

    /// Sets what this client shows (or `None`: leaving) and returns the update to send.
    pub fn set_mine(&mut self, mine: Option<Presence>) -> Vec<u8> {
        self.clock += 1;
        self.mine = mine;
        self.update()
    }

    /// This client's current state again, under a new clock (a renewal, or an answer to a
    /// query): y-protocols ignores a state at a clock it has seen, and would drop this client
    /// after 30 s.
    pub fn renew(&mut self) -> Vec<u8> {
        self.clock += 1;
        self.update()
    }

    /// Whether this client shows a state. Until it does it sends none, not even "null":
    /// Hocuspocus ties a client to its connection when its first state arrives, to remove it
    /// when the connection closes, and a "null" first would make the real one an update, never
    /// tied.
    pub fn has_mine(&self) -> bool {
        self.mine.is_some()
    }

    fn update(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.write_var(1u64);
        out.write_var(self.client);
        out.write_var(self.clock);
        let json = match &self.mine {
            Some(p) => serde_json::to_string(p).unwrap_or_else(|_| "null".to_string()),
            None => "null".to_string(),
        };
        out.write_string(&json);
        out
    }

    /// Takes in an update heard at `now`. A state that is not a [`Presence`] (another app's
    /// client on the same document) is ignored; a damaged update changes nothing.
    pub fn apply(&mut self, update: &[u8], now: i64) -> bool {
        let Some(entries) = read_entries(update) else {
            return false;
        };
        let mut changed = false;
        for (client, clock, json) in entries {
            if client == self.client {
                continue;
            }
            // As y-protocols: a newer clock, or a removal at the same clock (a server drops a
            // closed connection's state without a clock of its own).
            let gone = json == "null";
            let newer = self
                .others
                .get(&client)
                .is_none_or(|(c, _, _)| clock > *c || (clock == *c && gone));
            if !newer {
                continue;
            }
            match serde_json::from_str::<Option<Presence>>(&json) {
                Ok(Some(p)) => {
                    changed |= self.others.get(&client).map(|(_, old, _)| old) != Some(&p);
                    self.others.insert(client, (clock, p, now));
                }
                Ok(None) => changed |= self.others.remove(&client).is_some(),
                Err(_) => {}
            }
        }
        changed
    }

    /// Drops the states not renewed since `now - TIMEOUT_MS`; whether any went.
    pub fn expire(&mut self, now: i64) -> bool {
        let before = self.others.len();
        self.others
            .retain(|_, (_, _, heard)| now - *heard < TIMEOUT_MS);
        before != self.others.len()
    }

    /// Everyone else here now, by name.
    pub fn others(&self) -> Vec<Presence> {
        let mut out: Vec<Presence> = self.others.values().map(|(_, p, _)| p.clone()).collect();
        crate::domain::values::sort::sort_by(&mut out, |a, b| a.name.cmp(&b.name));
        out
    }

    /// Forgets everyone else (the connection closed: nobody is known to be here).
    pub fn clear_others(&mut self) {
        self.others.clear();
    }
}

fn read_entries(update: &[u8]) -> Option<Vec<(u64, u64, String)>> {
    // Lengths checked against the bytes (yrs's cursor wraps them on wasm32).
    let mut r = super::lib0::Reader::new(update);
    let n = r.count().ok()?;
    let mut out = Vec::new();
    for _ in 0..n.min(10_000) {
        let client = r.uint().ok()?;
        let clock = r.uint().ok()?;
        let json = r.string().ok()?.to_string();
        out.push((client, clock, json));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(step: &str, name: &str) -> Option<Presence> {
        Some(Presence {
            name: name.into(),
            step: step.into(),
        })
    }

    #[test]
    fn people_are_seen_on_their_step_until_they_leave_or_go_quiet() {
        // Guards: presence shows who is on the plan now and where, and nobody who left.
        let mut rina = Room::new(1);
        let mut dimas = Room::new(2);
        let hello = dimas.set_mine(on("budget", "Dimas"));
        assert!(rina.apply(&hello, 1_000));
        assert_eq!(rina.others(), vec![on("budget", "Dimas").unwrap()]);
        // Moving on: a newer clock replaces the state; an old one arriving late does not.
        let moved = dimas.set_mine(on("kpis", "Dimas"));
        assert!(rina.apply(&moved, 2_000));
        assert!(!rina.apply(&hello, 2_500));
        assert_eq!(rina.others()[0].step, "kpis");
        // Its own state echoed back is not someone else.
        let own = rina.set_mine(on("goals", "Rina"));
        assert!(!rina.apply(&own, 2_600));
        // Quiet for 30 s: gone; leaving: gone at once.
        assert!(!rina.expire(2_000 + TIMEOUT_MS - 1));
        assert!(rina.expire(2_000 + TIMEOUT_MS));
        assert!(rina.others().is_empty());
        rina.apply(&dimas.set_mine(on("kpis", "Dimas")), 40_000);
        assert!(rina.apply(&dimas.set_mine(None), 41_000));
        assert!(rina.others().is_empty());
        // A server telling of a closed connection repeats the last clock with "null".
        let back = dimas.set_mine(on("kpis", "Dimas"));
        assert!(rina.apply(&back, 42_000));
        let mut dropped = back.clone();
        let json_at = dropped.len() - r#"{"name":"Dimas","step":"kpis"}"#.len() - 1;
        dropped.truncate(json_at);
        dropped.write_string("null");
        assert!(rina.apply(&dropped, 43_000));
        assert!(rina.others().is_empty());
    }

    #[test]
    fn a_renewed_presence_is_a_new_clock_and_keeps_its_person_on_the_page() {
        // Guards: y-protocols ignores a state at a clock it has seen: without a new clock
        // each renewal, everyone would vanish from each other's pages after 30 s.
        let mut rina = Room::new(1);
        let mut dimas = Room::new(2);
        let first = dimas.set_mine(on("budget", "Dimas"));
        let renewal = dimas.renew();
        assert_ne!(first, renewal);
        assert_eq!(renewal[2], first[2] + 1, "the clock moves on");
        rina.apply(&first, 0);
        rina.apply(&renewal, 20_000);
        assert!(!rina.expire(45_000), "heard 25 s ago: still here");
        assert!(rina.expire(50_000));
    }

    #[test]
    fn the_y_protocols_format_is_written_and_foreign_or_damaged_states_are_ignored() {
        // Guards: a Yjs client reads this presence, and another app's awareness state or a
        // damaged update never panics or shows a stranger.
        let mut room = Room::new(5);
        let update = room.set_mine(on("report", "Rina"));
        let json = r#"{"name":"Rina","step":"report"}"#;
        assert_eq!(
            update,
            [&[1, 5, 1, json.len() as u8][..], json.as_bytes()].concat()
        );
        let foreign = [&[1u8, 9, 1, 13][..], br#"{"cursor":12}"#].concat();
        assert!(!room.apply(&foreign, 0));
        assert!(!room.apply(&[3, 1], 0));
        assert!(!room.apply(&[], 0));
        assert!(room.others().is_empty());
    }
}
