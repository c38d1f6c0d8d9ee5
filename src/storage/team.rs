//! Shared plans (#22) in storage: where each syncs (`alur:team:<id>`: server, room, token) and
//! its replica (`alur:replica:<id>`: the Yjs document and this browser's own writes, offline
//! edits included; see [`crate::domain::sync::PlanDoc::save`]). A plan with neither is a solo
//! plan, exactly as before.

use super::{read, remove, write, StorageError};
use crate::domain::sync::TeamLink;

const TEAM: &str = "alur:team:";
const REPLICA: &str = "alur:replica:";

/// Why a shared plan's stored link could not be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TeamStoreError {
    /// Storage refused.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// The stored link is not one (edited by hand, or written by a newer Alur).
    #[error("the stored team link of this plan cannot be read")]
    Damaged,
}

/// The team link of plan `id`, if it is shared.
pub fn link(id: &str) -> Result<Option<TeamLink>, TeamStoreError> {
    let Some(text) = read(&format!("{TEAM}{id}"))? else {
        return Ok(None);
    };
    let link: TeamLink = serde_json::from_str(&text).map_err(|_| TeamStoreError::Damaged)?;
    // Checked again: a link edited in storage must not reach the network unchecked.
    TeamLink::new(&link.server, &link.room, &link.token)
        .map(Some)
        .map_err(|_| TeamStoreError::Damaged)
}

/// Shares plan `id` through `link` (or changes its server or token).
pub fn save_link(id: &str, link: &TeamLink) -> Result<(), StorageError> {
    let text = serde_json::to_string(link).map_err(|e| StorageError::Other(e.to_string()))?;
    write(&format!("{TEAM}{id}"), &text)
}

/// The replica of plan `id`, as [`crate::domain::sync::PlanDoc::save`] wrote it.
pub fn replica(id: &str) -> Result<Option<String>, StorageError> {
    read(&format!("{REPLICA}{id}"))
}

/// Stores the replica of plan `id` (the whole state: Yjs compacts it, so it does not grow with
/// each edit the way a log of updates would).
pub fn save_replica(id: &str, saved: &str) -> Result<(), StorageError> {
    write(&format!("{REPLICA}{id}"), saved)
}

/// Stops sharing plan `id` here: its link and replica go, the plan itself stays as it is now.
pub fn forget(id: &str) -> Result<(), StorageError> {
    remove(&format!("{TEAM}{id}"))?;
    remove(&format!("{REPLICA}{id}"))
}

/// The text of a key as the crash screen's download shows it: a team link's token is left out
/// (a crash report is sent to others; the token is a password to the plan).
pub fn redacted(key: &str, value: String) -> String {
    if !key.starts_with(TEAM) {
        return value;
    }
    // Read as serde reads a `TeamLink` (three strings), without serde: the crash screen is in
    // the first download (`super::json`).
    use super::json::Json::{Object, Str};
    let fields = super::json::fields(&value, &["server", "room", "token"]).and_then(Result::ok);
    match fields.as_deref() {
        Some([Some(Str(server)), Some(Str(room)), Some(Str(_))]) => Object(vec![
            ("server".into(), Str(server.clone())),
            ("room".into(), Str(room.clone())),
            ("token".into(), Str("(hidden)".into())),
        ])
        .to_text(),
        _ => "(a damaged team link, hidden)".to_string(),
    }
}
