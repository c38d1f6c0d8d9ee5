//! The messages of a sync connection (#22): the y-sync protocol (sync step 1 and 2, updates,
//! awareness) in the framing of Hocuspocus, which names the document at the start of every
//! message so one socket can carry several, and adds token authentication and an
//! acknowledgement of each update stored.
//!
//! Frame: `varString(document) varUint(type) payload`, in lib0's encoding (the one Yjs uses);
//! types 0 sync, 1 awareness, 2 auth, 3 awareness query, 4 sync reply, 7 close, 8 sync status.
//! Only this file knows the framing: a plain y-websocket server (no document name, no token)
//! would need another one of these, not another client.

use super::lib0::Reader;
use thiserror::Error;
use yrs::encoding::write::Write;

const SYNC: u64 = 0;
const AWARENESS: u64 = 1;
const AUTH: u64 = 2;
const QUERY_AWARENESS: u64 = 3;
const SYNC_REPLY: u64 = 4;
const STATELESS: u64 = 5;
const CLOSE: u64 = 7;
const SYNC_STATUS: u64 = 8;

const STEP_1: u64 = 0;
const STEP_2: u64 = 1;
const UPDATE: u64 = 2;

const AUTH_TOKEN: u64 = 0;
const AUTH_DENIED: u64 = 1;
const AUTH_OK: u64 = 2;

/// A received message that is not one this client can read.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
#[error("a sync message this client cannot read")]
pub struct WireError;

/// One y-sync message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sync {
    /// Sync step 1: the sender's state vector, asking for what it lacks.
    Step1(Vec<u8>),
    /// Sync step 2: what the receiver lacks, as one update.
    Step2(Vec<u8>),
    /// An edit, as it happened.
    Update(Vec<u8>),
}

/// What the server says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Incoming {
    /// A y-sync message (`reply` when it answers ours and wants no step 1 back).
    Sync {
        /// The message.
        message: Sync,
        /// Sent as a reply to this client's step 1.
        reply: bool,
    },
    /// Who is on the document, as a y-protocols awareness update.
    Awareness(Vec<u8>),
    /// The server asks for this client's awareness state.
    QueryAwareness,
    /// The token was accepted; `read_only` for a viewer.
    Authenticated {
        /// The server will refuse this client's edits.
        read_only: bool,
    },
    /// The token was refused, with the server's reason.
    Denied(String),
    /// The server asks for the token again.
    TokenRequest,
    /// An update of this client was stored (`true`) or refused (`false`, a viewer's).
    Stored(bool),
    /// The server closes the document.
    Close,
    /// A message of the server's own (Hocuspocus's "stateless" messages): Alur's server
    /// says who the token belongs to.
    Stateless(String),
}

/// Reads one frame: the document it is for, and the message.
pub fn decode(frame: &[u8]) -> Result<(String, Incoming), WireError> {
    // Lengths are checked by `Reader` (yrs's own cursor wraps them on wasm32), and a sync
    // payload is read whole here before yrs sees it.
    let mut r = Reader::new(frame);
    let document = r.string().map_err(|_| WireError)?.to_string();
    let kind = r.uint().map_err(|_| WireError)?;
    let message = match kind {
        SYNC | SYNC_REPLY => Incoming::Sync {
            message: read_sync(&mut r)?,
            reply: kind == SYNC_REPLY,
        },
        AWARENESS => Incoming::Awareness(r.buf().map_err(|_| WireError)?.to_vec()),
        QUERY_AWARENESS => Incoming::QueryAwareness,
        AUTH => match r.uint().map_err(|_| WireError)? {
            AUTH_TOKEN => Incoming::TokenRequest,
            AUTH_DENIED => Incoming::Denied(read_text(&mut r)?),
            AUTH_OK => Incoming::Authenticated {
                read_only: read_text(&mut r)? == "readonly",
            },
            _ => return Err(WireError),
        },
        CLOSE => Incoming::Close,
        STATELESS => Incoming::Stateless(read_text(&mut r)?),
        SYNC_STATUS => Incoming::Stored(r.uint().map_err(|_| WireError)? == 1),
        _ => return Err(WireError),
    };
    Ok((document, message))
}

fn read_text(r: &mut Reader) -> Result<String, WireError> {
    Ok(r.string().map_err(|_| WireError)?.to_string())
}

fn read_sync(r: &mut Reader) -> Result<Sync, WireError> {
    let kind = r.uint().map_err(|_| WireError)?;
    let payload = r.buf().map_err(|_| WireError)?;
    let checked = match kind {
        STEP_1 => super::lib0::check_state_vector(payload),
        _ => super::lib0::check_update(payload),
    };
    checked.map_err(|_| WireError)?;
    let payload = payload.to_vec();
    match kind {
        STEP_1 => Ok(Sync::Step1(payload)),
        STEP_2 => Ok(Sync::Step2(payload)),
        UPDATE => Ok(Sync::Update(payload)),
        _ => Err(WireError),
    }
}

fn frame(document: &str, kind: u64) -> Vec<u8> {
    let mut out = Vec::new();
    out.write_string(document);
    out.write_var(kind);
    out
}

/// The token, the first message on a document.
pub fn auth(document: &str, token: &str) -> Vec<u8> {
    let mut out = frame(document, AUTH);
    out.write_var(AUTH_TOKEN);
    out.write_string(token);
    out
}

/// A y-sync message for the server.
pub fn sync(document: &str, message: &Sync) -> Vec<u8> {
    let mut out = frame(document, SYNC);
    let (kind, payload) = match message {
        Sync::Step1(sv) => (STEP_1, sv),
        Sync::Step2(update) => (STEP_2, update),
        Sync::Update(update) => (UPDATE, update),
    };
    out.write_var(kind);
    out.write_buf(payload);
    out
}

/// This client's awareness update (who is here, on which step).
pub fn awareness(document: &str, update: &[u8]) -> Vec<u8> {
    let mut out = frame(document, AWARENESS);
    out.write_buf(update);
    out
}

/// Tells the server this client leaves the document.
pub fn close(document: &str) -> Vec<u8> {
    frame(document, CLOSE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_read_back_as_written() {
        // Guards: what this client writes is what a Hocuspocus server reads (and the reverse:
        // the server writes the same framing).
        let step1 = sync("alur-p1", &Sync::Step1(vec![1, 2, 3]));
        // varString: length 7 then the bytes; type 0; step 0; varUint8Array: length 3, bytes.
        assert_eq!(step1, [&[7][..], b"alur-p1", &[0, 0, 3, 1, 2, 3]].concat());
        assert_eq!(
            decode(&step1).unwrap(),
            (
                "alur-p1".to_string(),
                Incoming::Sync {
                    message: Sync::Step1(vec![1, 2, 3]),
                    reply: false
                }
            )
        );
        let token = auth("d", "s3cret");
        assert_eq!(token, [&[1][..], b"d", &[2, 0, 6], b"s3cret"].concat());
    }

    #[test]
    fn the_server_s_answers_are_understood() {
        // Guards: a viewer's session knows it is read-only, a refused token says why, and the
        // acknowledgement of a stored update is read.
        let ok = [&[1][..], b"d", &[2, 2, 8], b"readonly"].concat();
        assert_eq!(
            decode(&ok).unwrap().1,
            Incoming::Authenticated { read_only: true }
        );
        let rw = [&[1][..], b"d", &[2, 2, 10], b"read-write"].concat();
        assert_eq!(
            decode(&rw).unwrap().1,
            Incoming::Authenticated { read_only: false }
        );
        let denied = [&[1][..], b"d", &[2, 1, 3], b"bad"].concat();
        assert_eq!(decode(&denied).unwrap().1, Incoming::Denied("bad".into()));
        assert_eq!(decode(&[1, b'd', 8, 1]).unwrap().1, Incoming::Stored(true));
        assert_eq!(decode(&[1, b'd', 8, 0]).unwrap().1, Incoming::Stored(false));
        // A step 2 of the empty update (no writers, no deletions).
        let reply = [&[1][..], b"d", &[4, 1, 2, 0, 0]].concat();
        assert_eq!(
            decode(&reply).unwrap().1,
            Incoming::Sync {
                message: Sync::Step2(vec![0, 0]),
                reply: true
            }
        );
        // A payload that is no update is refused here, before yrs reads it.
        assert_eq!(decode(&[1, b'd', 0, 2, 2, 9, 9]), Err(WireError));
        let member = [&[1][..], b"d", &[5, 5], b"{\"a\"}"].concat();
        assert_eq!(
            decode(&member).unwrap().1,
            Incoming::Stateless("{\"a\"}".into())
        );
    }

    #[test]
    fn cut_or_unknown_frames_are_errors() {
        // Guards: nothing the network sends can panic the app.
        let step1 = sync("alur-p1", &Sync::Step1(vec![1, 2, 3]));
        for end in 0..step1.len() {
            assert_eq!(decode(&step1[..end]), Err(WireError), "cut at {end}");
        }
        assert_eq!(decode(&[1, b'd', 99]), Err(WireError));
        assert_eq!(decode(&[1, b'd', 0, 7, 0]), Err(WireError));
        assert_eq!(decode(&[0xff; 12]), Err(WireError));
    }
}
