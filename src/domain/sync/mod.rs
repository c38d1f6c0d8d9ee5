//! Team plans (#22): the plan as a Yjs document that several people edit at once, offline or
//! online, merged field by field. Pure: the WebSocket, the storage of updates and the UI live
//! in `ui` and `storage`.

pub mod invite;
pub mod lib0;
pub mod plan_doc;
pub mod presence;
pub mod rebase;
pub mod session;
pub mod wire;

pub use invite::{room_of, Invite, InviteError, TeamLink};
pub use plan_doc::{restore_into, Lost, Offer, PlanDoc, RestoreError, SyncError, ENTITY_LISTS};
pub use presence::{Presence, Room};
pub use session::{Action, Session, Status};
