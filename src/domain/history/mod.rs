//! Keeping what the user wrote: undo and redo, the rolling backups, and the merge of two tabs' edits.

pub mod backups;
pub mod merge;
pub mod undo;
