//! Joining a team plan (#22): the server's address, the document (room) and a token, given by
//! hand or in an invite link whose fragment carries them (`#/join/<base64url of JSON>`). The
//! fragment is never sent to a web server; the token reaches only the sync server it names.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::plan_file::share::{decode, encode};

/// Where a shared plan syncs, and as whom.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamLink {
    /// The sync server, `wss://…` (or `ws://` on this computer only).
    pub server: String,
    /// The document on the server (`alur-<plan id>`).
    pub room: String,
    /// The token that names the person and their role on the server.
    pub token: String,
}

/// What is wrong with a server address, room or token typed or received in a link.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum InviteError {
    /// Not a `ws://` or `wss://` address with a host.
    #[error("the server address must start with wss:// (or ws:// on this computer)")]
    NotWebSocket,
    /// `ws://` to another computer: the plan and the token would cross the network unencrypted.
    #[error("ws:// without encryption is only for a server on this computer; use wss://")]
    Unencrypted,
    /// The room is empty, too long or has characters a room name cannot have.
    #[error("the plan's name on the server is not valid")]
    BadRoom,
    /// The token is empty, too long or has spaces or control characters.
    #[error("the token is empty or not valid")]
    BadToken,
    /// The link's payload is not an invite (mangled, cut off or from elsewhere).
    #[error("the invite link is damaged")]
    Damaged,
}

/// Longest accepted address, room and token (a room name becomes a file name on the server).
const MAX_SERVER: usize = 2048;
const MAX_ROOM: usize = 120;
const MAX_TOKEN: usize = 512;

/// The room of a plan on the server.
pub fn room_of(plan_id: &str) -> String {
    format!("alur-{plan_id}")
}

impl TeamLink {
    /// A link checked as the user typed it (spaces around the values are dropped).
    pub fn new(server: &str, room: &str, token: &str) -> Result<TeamLink, InviteError> {
        let link = TeamLink {
            server: server.trim().trim_end_matches('/').to_string(),
            room: room.trim().to_string(),
            token: token.trim().to_string(),
        };
        link.check()?;
        Ok(link)
    }

    fn check(&self) -> Result<(), InviteError> {
        let (secure, rest) = if let Some(rest) = self.server.strip_prefix("wss://") {
            (true, rest)
        } else if let Some(rest) = self.server.strip_prefix("ws://") {
            (false, rest)
        } else {
            return Err(InviteError::NotWebSocket);
        };
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        let bad_char = |c: char| c.is_whitespace() || c.is_control();
        // No user part (`ws://localhost:1@evil.example` is evil.example, not this computer).
        if host.is_empty()
            || host.contains('@')
            || self.server.len() > MAX_SERVER
            || self.server.chars().any(bad_char)
        {
            return Err(InviteError::NotWebSocket);
        }
        if !secure && !is_loopback(host) {
            return Err(InviteError::Unencrypted);
        }
        let room_ok = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':');
        if self.room.is_empty() || self.room.len() > MAX_ROOM || !self.room.chars().all(room_ok) {
            return Err(InviteError::BadRoom);
        }
        if self.token.is_empty()
            || self.token.len() > MAX_TOKEN
            || self.token.chars().any(|c| !c.is_ascii_graphic())
        {
            return Err(InviteError::BadToken);
        }
        Ok(())
    }

    /// The fragment of an invite link (after the app's address): `#/join/<payload>`, with this
    /// link's token (an admin's link for one member) or without it (a colleague then enters
    /// their own: a token names its holder on the server, so one person's is never shared).
    pub fn invite_fragment(&self, with_token: bool) -> String {
        let invite = Invite {
            server: self.server.clone(),
            room: self.room.clone(),
            token: if with_token {
                self.token.clone()
            } else {
                String::new()
            },
        };
        let json = serde_json::to_string(&invite).unwrap_or_default();
        format!("#/join/{}", encode(json.as_bytes()))
    }

    /// Reads the payload of an invite link (the text after `#/join/`) that carries a token.
    pub fn from_invite(payload: &str) -> Result<TeamLink, InviteError> {
        let invite = Invite::read(payload)?;
        invite.with_token(&invite.token)
    }
}

/// An invite link's content: the server and the plan's room, and perhaps a token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invite {
    /// The sync server.
    pub server: String,
    /// The document on the server.
    pub room: String,
    /// The member's token, when the link was made for one member; empty otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub token: String,
}

impl Invite {
    /// Reads the payload of an invite link, with or without a token; what it carries is
    /// checked as a typed link is.
    pub fn read(payload: &str) -> Result<Invite, InviteError> {
        let bytes = decode(payload.trim()).map_err(|_| InviteError::Damaged)?;
        let invite: Invite = serde_json::from_slice(&bytes).map_err(|_| InviteError::Damaged)?;
        // Server and room checked with a stand-in token; a token it carries, as it is.
        let token = if invite.token.is_empty() {
            "-"
        } else {
            invite.token.as_str()
        };
        TeamLink::new(&invite.server, &invite.room, token)?;
        Ok(invite)
    }

    /// The team link for joining with `token` (typed by the person, or the link's own).
    pub fn with_token(&self, token: &str) -> Result<TeamLink, InviteError> {
        TeamLink::new(&self.server, &self.room, token)
    }
}

/// `localhost`, `127.x.x.x` or `[::1]`, with or without a port.
fn is_loopback(host: &str) -> bool {
    let name = if let Some(v6) = host.strip_prefix('[') {
        v6.split(']').next().unwrap_or_default()
    } else {
        host.rsplit_once(':').map_or(host, |(h, _)| h)
    };
    name.eq_ignore_ascii_case("localhost")
        || name == "::1"
        || name.strip_prefix("127.").is_some_and(|rest| {
            rest.split('.').count() == 3 && rest.split('.').all(|p| p.parse::<u8>().is_ok())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invite_link_carries_server_room_and_token_and_reads_back() {
        // Guards: a colleague's invite opens the same plan on the same server as its sender.
        let link = TeamLink::new(" wss://sync.tokoku.id/ ", "alur-ex-01", "t0k3n-Rina").unwrap();
        assert_eq!(link.server, "wss://sync.tokoku.id");
        let fragment = link.invite_fragment(true);
        let payload = fragment.strip_prefix("#/join/").unwrap();
        assert!(payload
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert_eq!(TeamLink::from_invite(payload).unwrap(), link);
        // Without the token: the joiner types theirs; nothing of Rina's is in the link.
        let fragment = link.invite_fragment(false);
        let payload = fragment.strip_prefix("#/join/").unwrap();
        let invite = Invite::read(payload).unwrap();
        assert_eq!(invite.token, "");
        assert!(!String::from_utf8(decode(payload).unwrap())
            .unwrap()
            .contains("Rina"));
        assert_eq!(TeamLink::from_invite(payload), Err(InviteError::BadToken));
        assert_eq!(
            invite.with_token(" t0k3n-Dimas ").unwrap().token,
            "t0k3n-Dimas"
        );
        assert_eq!(invite.with_token("two words"), Err(InviteError::BadToken));
        assert_eq!(room_of("ex-01"), "alur-ex-01");
    }

    #[test]
    fn unencrypted_addresses_are_only_for_this_computer() {
        // Guards: a plan and a token never cross the network in plain text by mistake.
        for ok in [
            "ws://127.0.0.1:1234",
            "ws://localhost:1234",
            "ws://[::1]:1234",
            "wss://a.b",
        ] {
            assert!(TeamLink::new(ok, "alur-1", "t").is_ok(), "{ok}");
        }
        assert_eq!(
            TeamLink::new("ws://sync.tokoku.id", "alur-1", "t"),
            Err(InviteError::Unencrypted)
        );
        assert_eq!(
            TeamLink::new("ws://127.0.0.1.evil.com", "alur-1", "t"),
            Err(InviteError::Unencrypted)
        );
        for bad in [
            "https://a.b",
            "wss://",
            "sync.tokoku.id",
            "wss://a b",
            "ws://localhost:1@evil.example",
            "ws://[::1]@evil.example",
            "wss://user@sync.tokoku.id",
        ] {
            assert_eq!(
                TeamLink::new(bad, "alur-1", "t"),
                Err(InviteError::NotWebSocket),
                "{bad}"
            );
        }
    }

    #[test]
    fn rooms_and_tokens_are_checked() {
        // Guards: a typo or a pasted line break is named, not sent to the server.
        assert_eq!(
            TeamLink::new("wss://a.b", "", "t"),
            Err(InviteError::BadRoom)
        );
        assert_eq!(
            TeamLink::new("wss://a.b", "alur 1", "t"),
            Err(InviteError::BadRoom)
        );
        assert_eq!(
            TeamLink::new("wss://a.b", &"r".repeat(121), "t"),
            Err(InviteError::BadRoom)
        );
        assert_eq!(
            TeamLink::new("wss://a.b", "alur-1", ""),
            Err(InviteError::BadToken)
        );
        assert_eq!(
            TeamLink::new("wss://a.b", "alur-1", "to ken"),
            Err(InviteError::BadToken)
        );
    }

    #[test]
    fn damaged_invites_say_so() {
        // Guards: a mangled or hostile link is an error, never a panic or a half link.
        assert_eq!(TeamLink::from_invite(""), Err(InviteError::Damaged));
        assert_eq!(TeamLink::from_invite("%%%"), Err(InviteError::Damaged));
        let not_json = encode(b"hello");
        assert_eq!(TeamLink::from_invite(&not_json), Err(InviteError::Damaged));
        let insecure = encode(br#"{"server":"ws://evil.example","room":"alur-1","token":"t"}"#);
        assert_eq!(
            TeamLink::from_invite(&insecure),
            Err(InviteError::Unencrypted)
        );
    }
}
