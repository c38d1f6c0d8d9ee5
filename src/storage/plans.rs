//! Plans in localStorage: an index of summaries (`alur:index`), one key per plan
//! (`alur:plan:<id>`), and deleted plans kept restorable (`alur:trash:<id>`).

use serde::{Deserialize, Serialize};

use super::{json, keys, read, remove, write, write_js, StorageError};
use crate::domain::model::plan::{Plan, PlanStatus};

const INDEX_KEY: &str = "alur:index";
const PLAN_PREFIX: &str = "alur:plan:";
const TRASH_PREFIX: &str = "alur:trash:";
const DAMAGED_PREFIX: &str = "alur:damaged:";
const BACKUP_PREFIX: &str = "alur:backup:";

/// What the plans page shows of a plan without loading it whole.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanMeta {
    /// The plan's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its status.
    #[serde(default)]
    pub status: PlanStatus,
    /// Last edit, Unix milliseconds.
    #[serde(default)]
    pub updated_at: i64,
}

impl PlanMeta {
    /// The summary of a plan.
    pub fn of(plan: &Plan) -> PlanMeta {
        PlanMeta {
            id: plan.id.clone(),
            name: plan.name.clone(),
            status: plan.status,
            updated_at: plan.updated_at,
        }
    }
}

/// A deleted plan, kept so it can be restored. The entry's value is the plan document itself;
/// the key, `alur:trash:<id>:<deleted_at>`, says when it was deleted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrashEntry {
    /// The storage key, which [`restore`] and [`purge`] take.
    pub key: String,
    /// The plan's name.
    pub name: String,
    /// When it was deleted (or replaced by an import), Unix milliseconds.
    pub deleted_at: i64,
}

fn plan_key(id: &str) -> String {
    format!("{PLAN_PREFIX}{id}")
}

/// Each deletion gets its own key, so deleting a plan twice (or replacing it twice by import)
/// never overwrites an earlier restorable copy.
fn trash_key(id: &str, deleted_at: i64) -> String {
    format!("{TRASH_PREFIX}{id}:{deleted_at}")
}

/// Why a stored plan could not be read.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// Storage refused.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// No plan with that id.
    #[error("no plan with id {0}")]
    Missing(String),
    /// The stored text is damaged (or written by a newer version of Alur).
    #[error("the saved plan {key} is damaged: {reason}")]
    Damaged {
        /// The storage key.
        key: String,
        /// What is wrong.
        reason: String,
        /// True when the data comes from a newer version of Alur rather than damage.
        newer: bool,
    },
}

/// Reads a stored plan's text into a plan (migrating older schema versions).
pub fn decode(key: &str, text: &str) -> Result<Plan, LoadError> {
    use crate::domain::plan_file::import::ImportError;
    use crate::domain::plan_file::migrate::MigrateError;
    crate::domain::plan_file::import::parse_stored_plan(text).map_err(|e| LoadError::Damaged {
        key: key.to_string(),
        newer: matches!(
            e,
            ImportError::Version {
                source: MigrateError::TooNew { .. },
                ..
            }
        ),
        reason: e.to_string(),
    })
}

/// The list of plans, newest edit first. The index is rebuilt from the plan keys when it is
/// missing or damaged, or when a plan key is not in it (an index write that failed).
pub fn list() -> Result<Vec<PlanMeta>, StorageError> {
    list_knowing(None)
}

/// [`list`], with the summary of a plan just written given rather than read back: a plan new
/// to the index (an import, a copy) is not parsed again right after it was saved.
fn list_knowing(known: Option<PlanMeta>) -> Result<Vec<PlanMeta>, StorageError> {
    let mut metas: Vec<PlanMeta> = read(INDEX_KEY)?
        .and_then(|text| index_from_text(&text))
        .unwrap_or_default();
    if let Some(known) = known {
        metas.retain(|m| m.id != known.id);
        metas.push(known);
    }
    let plan_keys: Vec<String> = keys()
        .into_iter()
        .filter(|k| k.starts_with(PLAN_PREFIX))
        .collect();
    // Drop index entries whose plan is gone; add plans the index lacks.
    metas.retain(|m| plan_keys.contains(&plan_key(&m.id)));
    for key in &plan_keys {
        let id = &key[PLAN_PREFIX.len()..];
        if metas.iter().any(|m| m.id == id) {
            continue;
        }
        let text = read(key)?.unwrap_or_default();
        // Only the summary's fields are read: the whole plan is read by the plan engine when it
        // is opened (and moved to the recovery area then if it is damaged), and the plans page
        // does not load the engine (src/ui/engine.rs). A plan the engine's tolerant reader may
        // still read (a mark at the start, a name given twice, an export file's wrapper, a newer
        // version's fields) is listed under its key's id; only what is no well-formed JSON object
        // (a cut-off write, another program's text) is moved to the recovery area here.
        let body = text.trim_start_matches('\u{feff}').trim_start();
        let summary = json::fields(body, META_FIELDS);
        match summary
            .as_ref()
            .map(|s| s.as_deref().ok().and_then(meta_from_fields))
        {
            Some(Some(meta)) => metas.push(PlanMeta {
                id: id.to_string(),
                ..meta
            }),
            // A well-formed object whose summary fields are not all readable (or one is given
            // twice).
            Some(None) => metas.push(PlanMeta {
                id: id.to_string(),
                name: id.to_string(),
                status: PlanStatus::default(),
                updated_at: crate::domain::plan_file::json_text::top_level_u64(body, "updated_at")
                    .and_then(|at| i64::try_from(at).ok())
                    .unwrap_or(0),
            }),
            None => {
                // Damaged: kept byte for byte in the recovery area, out of the list.
                quarantine(key, &text);
            }
        }
    }
    crate::domain::values::sort::sort_by_key(&mut metas, |m| std::cmp::Reverse(m.updated_at));
    Ok(metas)
}

/// The summary fields of a plan (and of an index entry), in [`meta_from_fields`]'s order.
const META_FIELDS: &[&str] = &["id", "name", "status", "updated_at"];

/// A summary from its fields, read as serde reads [`PlanMeta`]: `id` and `name` are required
/// strings, `status` and `updated_at` may be absent, and a field of the wrong type fails the
/// whole summary (as one given twice does: [`json::Duplicated`]).
fn meta_from_fields(fields: &[Option<json::Json>]) -> Option<PlanMeta> {
    let [id, name, status, updated_at] = fields else {
        return None;
    };
    let status = match status {
        None => PlanStatus::default(),
        Some(s) => match s.as_str()? {
            "draft" => PlanStatus::Draft,
            "in_review" => PlanStatus::InReview,
            "approved" => PlanStatus::Approved,
            "running" => PlanStatus::Running,
            "completed" => PlanStatus::Completed,
            _ => return None,
        },
    };
    Some(PlanMeta {
        id: id.as_ref()?.as_str()?.to_string(),
        name: name.as_ref()?.as_str()?.to_string(),
        status,
        updated_at: match updated_at {
            None => 0,
            Some(at) => at.as_i64()?,
        },
    })
}

/// The plan index, read without serde (the plans page's first download, `json`): a list of
/// summaries, or `None` when any entry is unreadable (the index is then rebuilt from the
/// plans, as before).
fn index_from_text(text: &str) -> Option<Vec<PlanMeta>> {
    let json::Json::List(entries) = json::parse(text)? else {
        return None;
    };
    entries
        .iter()
        .map(|entry| meta_from_fields(&entry.members(META_FIELDS)?.ok()?))
        .collect()
}

fn write_index(metas: &[PlanMeta]) -> Result<(), StorageError> {
    let text = serde_json::to_string(metas).map_err(|e| StorageError::Other(e.to_string()))?;
    write(INDEX_KEY, &text)
}

/// Loads one plan. A damaged plan is moved, untouched, to the recovery area (see
/// [`damaged`]) so the rest of the app keeps working; a plan written by a newer version of
/// Alur is left where it is.
pub fn load(id: &str) -> Result<Plan, LoadError> {
    let key = plan_key(id);
    let text = read(&key)?.ok_or_else(|| LoadError::Missing(id.to_string()))?;
    let result = decode(&key, &text).map(|mut plan| {
        // The key is where the plan lives: a document whose own id says otherwise (edited by
        // hand) is saved back to this key, never over another plan.
        if plan.id != id {
            plan.id = id.to_string();
        }
        plan
    });
    if let Err(LoadError::Damaged { newer: false, .. }) = &result {
        quarantine(&key, &text);
    }
    result
}

/// Moves a damaged entry to `alur:damaged:<key>`. The copy is written before the original is
/// removed; if the copy cannot be written, the original stays where it is.
fn quarantine(key: &str, text: &str) {
    let backup = format!("{DAMAGED_PREFIX}{}", key.trim_start_matches(super::PREFIX));
    if write(&backup, text).is_ok() {
        let _ = remove(key);
    }
}

/// The damaged entries kept for recovery: their keys and exact texts.
pub fn damaged() -> Vec<(String, String)> {
    keys()
        .into_iter()
        .filter(|k| k.starts_with(DAMAGED_PREFIX))
        .filter_map(|k| Some((k.clone(), read(&k).ok().flatten()?)))
        .collect()
}

/// Deletes a damaged entry for good.
pub fn purge_damaged(key: &str) -> Result<(), StorageError> {
    if key.starts_with(DAMAGED_PREFIX) {
        remove(key)
    } else {
        Ok(())
    }
}

/// How much of a stored plan's start is read for its revision or edit time: Alur writes both
/// within the first few hundred characters.
const HEAD_CHARS: u32 = 4096;

/// Only the edit time of a stored plan: a backup must not parse the whole plan it keeps.
#[derive(Deserialize)]
struct EditTimeOnly {
    #[serde(default)]
    updated_at: i64,
}

/// The revision of the stored plan `id`, if it is stored and readable. Alur writes the revision
/// near the start of a plan, so the first few thousand characters usually tell; only when they
/// do not is the whole plan read.
pub fn stored_revision(id: &str) -> Option<u64> {
    let key = plan_key(id);
    let (head, whole) = crate::storage::read_head(&key, HEAD_CHARS).ok().flatten()?;
    if !whole {
        if let Some(revision) =
            crate::domain::plan_file::json_text::top_level_u64(&head, "revision")
        {
            return Some(revision);
        }
    }
    let text = if whole {
        head
    } else {
        read(&key).ok().flatten()?
    };
    // Read as serde read the revision and edit time: both may be absent, neither may be of
    // another type or given twice.
    match json::fields(&text, &["revision", "updated_at"])?
        .ok()?
        .as_slice()
    {
        [revision, updated_at] => {
            if let Some(at) = updated_at {
                at.as_i64()?;
            }
            match revision {
                None => Some(0),
                Some(r) => r.as_u64(),
            }
        }
        _ => None,
    }
}

/// The plan id a storage key belongs to, for keys of the form `alur:plan:<id>`.
pub fn id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(PLAN_PREFIX)
}

/// True when a plan with this id is stored.
pub fn exists(id: &str) -> bool {
    matches!(read(&plan_key(id)), Ok(Some(_)))
}

/// Saves a plan and its index entry. The plan is written first: if that fails, nothing changed
/// and the previous version is still stored whole.
pub fn save(plan: &Plan) -> Result<(), StorageError> {
    let text = serde_json::to_string(plan).map_err(|e| StorageError::Other(e.to_string()))?;
    // The version being replaced is kept only when a backup of it is due (at most one per
    // 10 minutes). It stays the browser's string: it goes from one key to another without being
    // copied into the wasm and back.
    let previous = if backup_due(&plan.id, plan.updated_at) {
        crate::storage::read_js(&plan_key(&plan.id)).ok().flatten()
    } else {
        None
    };
    write(&plan_key(&plan.id), &text)?;
    if let Some(previous) = previous {
        back_up(&plan.id, &previous, plan.updated_at);
    }
    let metas = list_knowing(Some(PlanMeta::of(plan)))?;
    // The index is only a cache of the plan keys (`list` rebuilds it), so a failed index
    // write loses nothing.
    let _ = write_index(&metas);
    Ok(())
}

/// Moves a plan to the trash, from where [`restore`] brings it back; returns the trash key.
pub fn trash(id: &str, now_ms: i64) -> Result<String, LoadError> {
    let plan = load(id)?;
    // Trash first, then remove: a failure in between leaves two copies, never none.
    let key = keep_in_trash(&plan, now_ms)?;
    remove(&plan_key(id))?;
    let metas: Vec<PlanMeta> = list()?.into_iter().filter(|m| m.id != id).collect();
    let _ = write_index(&metas);
    Ok(key)
}

/// Puts a copy of a plan in the trash without removing it: an import that replaces a plan
/// keeps the old version restorable this way.
pub fn keep_in_trash(plan: &Plan, now_ms: i64) -> Result<String, StorageError> {
    let text = serde_json::to_string(plan).map_err(|e| StorageError::Other(e.to_string()))?;
    let key = trash_key(&plan.id, now_ms);
    write(&key, &text)?;
    Ok(key)
}

/// The plans in the trash, most recently deleted first. Damaged entries are skipped here
/// (the recovery panel shows them).
pub fn trashed() -> Vec<TrashEntry> {
    let mut out: Vec<TrashEntry> = keys()
        .into_iter()
        .filter(|k| k.starts_with(TRASH_PREFIX))
        .filter_map(|key| {
            let deleted_at = key.rsplit(':').next()?.parse().ok()?;
            let text = read(&key).ok().flatten()?;
            let name = json::fields(&text, &["name"])?
                .ok()?
                .pop()
                .flatten()?
                .as_str()?
                .to_string();
            Some(TrashEntry {
                key,
                name,
                deleted_at,
            })
        })
        .collect();
    crate::domain::values::sort::sort_by_key(&mut out, |t| std::cmp::Reverse(t.deleted_at));
    out
}

/// Brings a plan back from the trash entry `key`. When a plan with the same id exists again,
/// the restored one comes back as a copy with `copy_id`.
pub fn restore(key: &str, copy_id: &str) -> Result<Plan, LoadError> {
    let text = read(key)?.ok_or_else(|| LoadError::Missing(key.to_string()))?;
    let mut plan = decode(key, &text)?;
    if exists(&plan.id) {
        plan.id = copy_id.to_string();
    }
    save(&plan)?;
    remove(key)?;
    Ok(plan)
}

/// Deletes a trash entry for good. The plan's team link and replica (a shared plan's) go with
/// its last copy: a token kept for a plan that is gone would only wait to be leaked.
pub fn purge(key: &str) -> Result<(), StorageError> {
    let Some(rest) = key.strip_prefix(TRASH_PREFIX) else {
        return Ok(());
    };
    remove(key)?;
    if let Some((id, _)) = rest.rsplit_once(':') {
        let prefix = format!("{TRASH_PREFIX}{id}:");
        let still_here = exists(id) || keys().iter().any(|k| k.starts_with(&prefix));
        if !still_here {
            super::team::forget(id)?;
        }
    }
    Ok(())
}

fn backup_key(id: &str, at: i64) -> String {
    format!("{BACKUP_PREFIX}{id}:{at}")
}

/// The backups of all plans, with their keys. Sizes are read only when asked for: reading
/// every backup's text on each autosave just to see whether one is due would be wasted work.
fn all_backups(with_sizes: bool) -> Vec<(String, crate::domain::history::backups::Backup)> {
    keys()
        .into_iter()
        .filter_map(|key| {
            let rest = key.strip_prefix(BACKUP_PREFIX)?;
            let (plan, at) = rest.rsplit_once(':')?;
            let at = at.parse().ok()?;
            let size = if with_sizes {
                crate::storage::value_len(&key).unwrap_or(0)
            } else {
                0
            };
            let backup = crate::domain::history::backups::Backup {
                plan: plan.to_string(),
                at,
                size,
            };
            Some((key, backup))
        })
        .collect()
}

/// True when plan `id` has no backup from the last 10 minutes (its keys say when).
fn backup_due(id: &str, now_ms: i64) -> bool {
    let newest = all_backups(false)
        .into_iter()
        .filter(|(_, b)| b.plan == id)
        .map(|(_, b)| b.at)
        .max();
    crate::domain::history::backups::due(newest, now_ms)
}

/// Keeps the version a save just replaced as a rolling backup (the caller checked that one is
/// due), then prunes backups to their per-plan count and storage share. A backup never stands
/// in the way of a save: when it cannot be written, older backups make room once, and
/// otherwise it is skipped.
fn back_up(id: &str, previous: &js_sys::JsString, now_ms: i64) {
    use crate::domain::history::backups::{to_drop, BUDGET_CHARS};
    // When the replaced version was last edited: read from its head when it tells, else whole.
    let head = String::from(previous.slice(0, HEAD_CHARS));
    let at = crate::domain::plan_file::json_text::top_level_u64(&head, "updated_at")
        .and_then(|at| i64::try_from(at).ok())
        .or_else(|| {
            serde_json::from_str::<EditTimeOnly>(&String::from(previous))
                .ok()
                .map(|r| r.updated_at)
        })
        .unwrap_or(now_ms);
    let size = previous.length() as usize;
    let prune = |budget: usize| {
        let all = all_backups(true);
        let backups: Vec<_> = all.iter().map(|(_, b)| b.clone()).collect();
        for i in to_drop(&backups, budget) {
            if let Some((key, _)) = all.get(i) {
                let _ = remove(key);
            }
        }
    };
    if write_js(&backup_key(id, at), previous).is_err() {
        prune(BUDGET_CHARS.saturating_sub(size));
        if write_js(&backup_key(id, at), previous).is_err() {
            return;
        }
    }
    prune(BUDGET_CHARS);
}

/// The backups of plan `id`, newest first: their keys and when the version was last edited.
pub fn backups(id: &str) -> Vec<(String, i64)> {
    let mut out: Vec<(String, i64)> = all_backups(false)
        .into_iter()
        .filter(|(_, b)| b.plan == id)
        .map(|(key, b)| (key, b.at))
        .collect();
    crate::domain::values::sort::sort_by_key(&mut out, |(_, at)| std::cmp::Reverse(*at));
    out
}

/// Reads a backup as a plan.
pub fn load_backup(key: &str) -> Result<Plan, LoadError> {
    let text = read(key)?.ok_or_else(|| LoadError::Missing(key.to_string()))?;
    crate::domain::plan_file::import::parse_stored_plan(&text).map_err(|e| LoadError::Damaged {
        key: key.to_string(),
        reason: e.to_string(),
        newer: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_index(text: &str) -> Option<Vec<PlanMeta>> {
        serde_json::from_str(text).ok()
    }

    // Guards: the plans page reads the index (without serde, #21) as serde reads it: the same
    // summaries, and the same refusals, which make the list rebuild itself from the plans.
    #[test]
    fn the_index_is_read_as_serde_reads_it() {
        let text = r#"[{"id":"a","name":"Batik \"Nusantara\" 🚀","status":"in_review","updated_at":1733000000000},{"id":"b","name":"B","extra":[1,{"x":null}]}]"#;
        let read = index_from_text(text).unwrap();
        assert_eq!(Some(read.clone()), serde_index(text));
        assert_eq!(read[0].name, "Batik \"Nusantara\" 🚀");
        assert_eq!(read[0].status, PlanStatus::InReview);
        assert_eq!((read[1].status, read[1].updated_at), (PlanStatus::Draft, 0));
        for refused in [
            r#"[{"id":"a"}]"#,
            r#"[{"id":"a","name":"A","status":"lost"}]"#,
            r#"[{"id":"a","name":"A","updated_at":1.5}]"#,
            r#"[{"id":"a","name":"A","updated_at":null}]"#,
            r#"[{"id":"a","name":"A","name":"B"}]"#,
            r#"[{"id":"a","name":7}]"#,
            r#"{"id":"a","name":"A"}"#,
            r#"[{"id":"a","name":"A"},3]"#,
            "[{\"broken\"",
        ] {
            assert_eq!(index_from_text(refused), None, "{refused}");
            assert_eq!(serde_index(refused), None, "{refused}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn arb_meta() -> impl Strategy<Value = PlanMeta> {
            (
                any::<String>(),
                any::<String>(),
                prop::sample::select(vec![
                    PlanStatus::Draft,
                    PlanStatus::InReview,
                    PlanStatus::Approved,
                    PlanStatus::Running,
                    PlanStatus::Completed,
                ]),
                any::<i64>(),
            )
                .prop_map(|(id, name, status, updated_at)| PlanMeta {
                    id,
                    name,
                    status,
                    updated_at,
                })
        }

        proptest! {
            // Guards: every index serde writes is read back whole, names of any characters included.
            #[test]
            fn any_written_index_reads_back(metas in prop::collection::vec(arb_meta(), 0..5)) {
                let text = serde_json::to_string(&metas).unwrap();
                prop_assert_eq!(index_from_text(&text), Some(metas));
            }

            // Guards: a cut-off or edited index is refused exactly when serde refuses it.
            #[test]
            fn a_damaged_index_is_refused_as_serde_refuses_it(
                metas in prop::collection::vec(arb_meta(), 1..3),
                cut in any::<prop::sample::Index>(),
                junk in "[\\]\\[{}\",:a-z0-9.]{0,3}",
            ) {
                let text = serde_json::to_string(&metas).unwrap();
                let mut at = cut.index(text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                let damaged = format!("{}{junk}{}", &text[..at], &text[at..]);
                prop_assert_eq!(index_from_text(&damaged), serde_index(&damaged), "{}", damaged);
            }
        }
    }
}
