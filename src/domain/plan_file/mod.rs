//! The plan as a file: JSON export and import with every check, migrations between schema versions, share links, and the JSON readers they share.

pub mod import;
pub mod json_path;
pub mod json_text;
pub mod migrate;
pub mod share;
pub mod value_reader;
