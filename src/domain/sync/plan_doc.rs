//! A plan as a Yjs document (#22), field by field, so that concurrent edits of different items
//! or fields always merge and an edit of the same field resolves the same way everywhere.
//!
//! The document holds the plan's JSON form under the root map `plan`:
//! - an object is a map of its fields, written field by field;
//! - a list of entities (the paths of [`ENTITY_LISTS`]) is a map `items` (id → the entity's
//!   map) beside an array `order` of ids, so two people adding, editing or deleting different
//!   items never touch the same key, and an item inserted and not deleted always survives;
//! - anything else (a text, a number, a list of plain values such as channels or a series'
//!   values) is one value, kept as `{v: value, w: stamp, b: stamp, a: [stamps]}`: the stamp
//!   of this write, of the write it replaced as its writer saw it, and of a few writes before
//!   that one (a chain of corrections). Yjs resolves two writes of one key the
//!   same way everywhere; the stamps tell a replica whether the write that replaced its own had
//!   seen it (a correction) or not (a concurrent edit), and a value that lost a concurrent edit
//!   goes to the root array `history` (see [`PlanDoc::apply`]), never silently dropped.
//!
//! A whole plan is never loaded into the document again after the first share: [`PlanDoc::write`]
//! compares the plan with the document and writes only the fields that differ, so nothing of a
//! concurrent edit is overwritten by an unchanged copy, and no item is duplicated.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use serde_json::{Map as JsonMap, Value};
use thiserror::Error;

use crate::domain::model::workflow::Step;
use crate::domain::plan_file::share::{decode_any_length, encode};
use yrs::updates::decoder::Decode;
use yrs::updates::encoder::Encode;
use yrs::{
    Any, Array, ArrayPrelim, ArrayRef, ClientID, Doc, Map, MapPrelim, MapRef, Number, Options, Out,
    ReadTxn, StateVector, Transact, TransactionMut, Update,
};

/// The plan's lists of entities, by their dotted path in the plan's JSON: each is kept as a map
/// from id to item. A test checks this against the plan's JSON Schema, so a list added to the
/// model cannot be forgotten here.
pub const ENTITY_LISTS: [&str; 21] = [
    "market.trends",
    "market.opportunities",
    "market.challenges",
    "market.strengths",
    "market.weaknesses",
    "competitors",
    "personas",
    "gaps",
    "channels",
    "kpis",
    "budget.allocations",
    "tasks",
    "approvals",
    "execution",
    "content",
    "spend",
    "measurements",
    "facts",
    "problems",
    "optimisations",
    "report.learnings",
];

/// Fields that change with every save (revision, time of the last edit): they follow the last
/// writer and never count as a lost value.
const BOOKKEEPING: [&str; 2] = ["revision", "updated_at"];
/// The plan's own fields that a lost value is never written back into (see [`Lost::restore`]).
const NOT_RESTORED: [&str; 7] = [
    "id",
    "schema_version",
    "created_at",
    "status",
    "baseline_revision",
    "revision",
    "updated_at",
];

const PLAN: &str = "plan";
const HISTORY: &str = "history";
const ITEMS: &str = "items";
const ORDER: &str = "order";
/// At most this many of this replica's own writes are remembered to recognise a lost value.
const MAX_PENDING: usize = 2000;
/// How many writes back a field remembers who it replaced.
const ANCESTORS: usize = 8;
/// At most this many updates are held back waiting for an earlier one.
const MAX_HELD: usize = 256;

/// Why the document could not take or give a plan.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum SyncError {
    /// The bytes received are not a Yjs update (or state vector) this client can read.
    #[error("the update is damaged or not a Yjs update")]
    BadUpdate,
    /// The update is well-formed but could not be applied.
    #[error("the update could not be applied")]
    Rejected,
    /// A plan to write is not a JSON object.
    #[error("the plan is not a JSON object")]
    NotAnObject,
    /// The shared plan was written by a newer Alur (its `schema_version` is higher than this
    /// one's): this client only reads it, so it never drops fields it does not know.
    #[error("the shared plan is of a newer version ({0}) of Alur; this one only reads it")]
    Newer(u64),
    /// This client is a viewer on the server: its edits would be refused.
    #[error("a viewer cannot change the shared plan")]
    ReadOnly,
    /// An item of an entity list has no string `id`.
    #[error("an item of `{list}` has no id")]
    NoId {
        /// The list's dotted path.
        list: String,
    },
}

/// What a line of the team history offers beside its text ([`Lost::offers`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offer {
    /// A button that writes the lost value back.
    Restore,
    /// A note that the field holds the lost value again.
    InPlanAgain,
    /// Nothing: the item is gone, the reader may not edit, or a newer line offers the same.
    Nothing,
}

/// A value that lost a concurrent edit of the same field, kept in the document's history.
#[derive(Clone, Debug, PartialEq)]
pub struct Lost {
    /// Where: the JSON path of the field, ids for the items of entity lists
    /// (`["kpis", "k-1", "target"]`).
    pub path: Vec<String>,
    /// The value that was written and lost.
    pub lost: Value,
    /// The value that was kept.
    pub kept: Value,
    /// Who wrote the value that lost.
    pub by: String,
    /// When it was found, Unix milliseconds.
    pub at: i64,
}

impl Lost {
    /// Where the value was, for people: the step the field belongs to (none for the plan's
    /// own fields such as its name), then the item's name (looked up in `plan`, the plan as it
    /// is now; its id when the item is gone or has no name) and the field's keys.
    pub fn place(&self, plan: &Value) -> (Option<Step>, Vec<String>) {
        let Some((section, rest)) = self.path.split_first() else {
            return (None, Vec::new());
        };
        let step = step_of(section);
        let mut parts = Vec::new();
        if step.is_none() {
            parts.push(section.clone());
        }
        let mut node = plan.get(section);
        let mut dotted = section.clone();
        // Inside an item its keys follow, under the list's own dotted path (as written).
        let mut in_item = false;
        for segment in rest {
            if is_entity_list(&dotted) && !in_item {
                in_item = true;
                let item = node.and_then(Value::as_array).and_then(|items| {
                    items
                        .iter()
                        .find(|i| i.get("id").and_then(Value::as_str) == Some(segment))
                });
                let named = item.and_then(|i| {
                    ["name", "title", "text", "channel", "metric"]
                        .iter()
                        .find_map(|k| {
                            i.get(*k)
                                .and_then(Value::as_str)
                                .filter(|s| !s.trim().is_empty())
                        })
                });
                parts.push(named.unwrap_or(segment).to_string());
                node = item;
                continue;
            }
            in_item = false;
            parts.push(segment.clone());
            node = node.and_then(|n| n.get(segment));
            dotted = join(&dotted, segment);
        }
        (step, parts)
    }

    /// The field's value in `plan` (the plan as it is now, as JSON): `None` when the item or
    /// section it was in is gone. An absent field of an item still there reads as `null`.
    pub fn current<'a>(&self, plan: &'a Value) -> Option<&'a Value> {
        let mut slots = self.slots(plan)?;
        let last = slots.pop()?;
        let parent = slots.iter().try_fold(plan, |node, slot| match slot {
            Slot::Key(key) => node.get(key),
            Slot::Item(i) => node.get(i),
        })?;
        match last {
            Slot::Key(key) => Some(parent.get(&key).unwrap_or(&Value::Null)),
            Slot::Item(i) => parent.get(i),
        }
    }

    /// Whether the value can be written back into `plan` (as JSON): its item is still there and
    /// the field holds another value now (numbers compared as the document keeps them, so a
    /// whole 3.0 in the plan is the 3 that came back from the document).
    pub fn restorable(&self, plan: &Value) -> bool {
        self.current(plan)
            .is_some_and(|now| normalize(now) != normalize(&self.lost))
    }

    /// Whether the field holds the lost value again (someone restored or retyped it).
    pub fn in_plan(&self, plan: &Value) -> bool {
        self.current(plan)
            .is_some_and(|now| normalize(now) == normalize(&self.lost))
    }

    /// What the history's line for each of `history`'s entries offers (in `history`'s order),
    /// for someone who may edit (`may_write`) or not. *Restore* goes to the newest entry of a
    /// value in its field only: two entries of the same lost value in the same field (the
    /// same edit lost twice) would be two buttons of the same name doing the same thing.
    pub fn offers(history: &[Lost], plan: &Value, may_write: bool) -> Vec<Offer> {
        let mut offered: Vec<(&[String], Value)> = Vec::new();
        let mut offers: Vec<Offer> = history
            .iter()
            .rev()
            .map(|entry| {
                if entry.in_plan(plan) {
                    return Offer::InPlanAgain;
                }
                if !may_write || !entry.restorable(plan) {
                    return Offer::Nothing;
                }
                let key = (entry.path.as_slice(), normalize(&entry.lost));
                if offered.contains(&key) {
                    Offer::Nothing
                } else {
                    offered.push(key);
                    Offer::Restore
                }
            })
            .collect();
        offers.reverse();
        offers
    }

    /// Writes the lost value back into `plan` (as JSON), where it was: in the same item of an
    /// entity list (found by its id, wherever the list has moved it), in the same field.
    pub fn restore(&self, plan: &mut Value) -> Result<(), RestoreError> {
        let slots = self.slots(plan).ok_or(RestoreError::Gone)?;
        let mut node = plan;
        for slot in slots {
            node = match (slot, node) {
                (Slot::Key(key), Value::Object(map)) => map.entry(key).or_insert(Value::Null),
                (Slot::Item(i), Value::Array(items)) => {
                    items.get_mut(i).ok_or(RestoreError::Gone)?
                }
                _ => return Err(RestoreError::Gone),
            };
        }
        *node = self.lost.clone();
        Ok(())
    }

    /// The way to the field in `plan`: each object's key, and each entity list's item as its
    /// index there now. `None` when an item or a section on the way is gone (the field itself
    /// may be absent: it is written again).
    fn slots(&self, plan: &Value) -> Option<Vec<Slot>> {
        // Identity and the approval workflow's own fields are not values a person typed: an
        // id would break what refers to it, a schema version would re-run migrations, a status
        // would skip the approval.
        let own = matches!(self.path.as_slice(), [field] if NOT_RESTORED.contains(&field.as_str()));
        if own || self.path.last().is_some_and(|f| f == "id") {
            return None;
        }
        let mut slots = Vec::with_capacity(self.path.len());
        let mut node = Some(plan);
        let mut dotted = String::new();
        let mut in_item = false;
        for segment in &self.path {
            // The node the segment is looked up in; only the field itself may be missing.
            let here = node?;
            if is_entity_list(&dotted) && !in_item {
                in_item = true;
                let i = here.as_array()?.iter().position(|it| has_id(it, segment))?;
                slots.push(Slot::Item(i));
                node = here.get(i);
                continue;
            }
            in_item = false;
            here.as_object()?;
            slots.push(Slot::Key(segment.clone()));
            node = here.get(segment);
            dotted = join(&dotted, segment);
        }
        (!slots.is_empty()).then_some(slots)
    }
}

/// One step of the way to a field: an object's key or a list's index.
#[derive(Clone, Debug)]
enum Slot {
    Key(String),
    Item(usize),
}

/// Whether an item of an entity list has this id.
fn has_id(item: &Value, id: &str) -> bool {
    item.get("id").and_then(Value::as_str) == Some(id)
}

/// Why a lost value cannot be written back into the plan.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum RestoreError {
    /// The item (or the part of the plan) the value was in has been deleted since.
    #[error("the item the value was in is no longer in the plan")]
    Gone,
    /// The value is not one the field can hold (of another type, or it breaks a rule of the
    /// plan that held before): what a hostile or older peer wrote.
    #[error("the value does not fit the field")]
    Invalid,
}

/// `plan` with `lost`'s value written back where it was, read again as a plan is read from
/// storage. Refused when its item is gone, or when the value breaks the plan: of another type,
/// or a validation issue the plan did not have before (one it had, such as a blank name being
/// typed, is not the restored field's). The id and revision are `plan`'s.
pub fn restore_into(
    lost: &Lost,
    plan: &crate::domain::model::plan::Plan,
) -> Result<crate::domain::model::plan::Plan, RestoreError> {
    let mut json = plan.to_json_value().ok_or(RestoreError::Invalid)?;
    lost.restore(&mut json)?;
    let (mut restored, issues) = crate::domain::plan_file::import::read_plan_value(json)
        .map_err(|_| RestoreError::Invalid)?;
    let before = crate::domain::model::validate::validate(plan);
    if !issues.iter().all(|i| before.contains(i)) {
        return Err(RestoreError::Invalid);
    }
    restored.id.clone_from(&plan.id);
    restored.revision = plan.revision;
    Ok(restored)
}

/// The step of the workflow where a top-level field of the plan is edited.
fn step_of(section: &str) -> Option<Step> {
    Some(match section {
        "goal" => Step::Goals,
        "market" => Step::Market,
        "competitors" => Step::Competitors,
        "personas" => Step::Audience,
        "gaps" => Step::Gaps,
        "channels" | "strategy" => Step::Strategy,
        "kpis" => Step::Kpis,
        "budget" => Step::Budget,
        "tasks" => Step::Actions,
        "approvals" => Step::Approval,
        "execution" => Step::Board,
        "content" => Step::Calendar,
        "spend" => Step::Spend,
        "measurements" => Step::Measurements,
        "facts" => Step::Collect,
        "problems" | "optimisations" => Step::Optimise,
        "report" => Step::Report,
        _ => return None,
    })
}

/// Which write put a value in a field: the writer's client id and its clock when it wrote.
type Stamp = (i64, i64);

/// This replica's write of one field, remembered until someone overwrites it.
#[derive(Clone, Debug)]
struct Written {
    value: Value,
    stamp: Stamp,
}

/// One replica of a shared plan: a Yjs document and what this replica wrote.
pub struct PlanDoc {
    doc: Doc,
    /// Written fields by their path joined with `/` (ids and keys never contain `/`).
    written: BTreeMap<String, Written>,
    /// Who edits here, for the history of lost values.
    author: String,
    /// Updates that arrived before an update they follow (see [`PlanDoc::apply`]).
    held: RefCell<Vec<Vec<u8>>>,
}

impl PlanDoc {
    /// An empty document for a client with this id (unique per open copy of the plan; Yjs
    /// ids have 53 bits, higher bits are ignored).
    pub fn new(client_id: u64) -> Self {
        let options = Options {
            client_id: ClientID::new(client_id & ((1 << 53) - 1)),
            ..Options::default()
        };
        PlanDoc {
            doc: Doc::with_options(options),
            written: BTreeMap::new(),
            author: String::new(),
            held: RefCell::new(Vec::new()),
        }
    }

    /// A document restored from a full state ([`PlanDoc::encode_state`]) or any update.
    pub fn from_state(client_id: u64, state: &[u8]) -> Result<Self, SyncError> {
        let doc = PlanDoc::new(client_id);
        doc.apply_raw(state)?;
        Ok(doc)
    }

    /// Names the person editing in this replica (from their token), for the history.
    pub fn set_author(&mut self, name: &str) {
        self.author = name.to_string();
    }

    /// This replica's client id.
    pub fn client_id(&self) -> u64 {
        self.doc.client_id().get()
    }

    /// Writes the fields of `plan` (the plan's JSON form) that differ from the document, and
    /// returns the update to send (empty when nothing changed).
    pub fn write(&mut self, plan: &Value) -> Result<Vec<u8>, SyncError> {
        let Value::Object(fields) = plan else {
            return Err(SyncError::NotAnObject);
        };
        let root = self.doc.get_or_insert_map(PLAN);
        let client = self.doc.client_id();
        let mut txn = self.doc.transact_mut();
        let start = txn.state_vector().get(&client);
        let stamp = (client.get() as i64, i64::from(start));
        let mut writer = Writer {
            path: Vec::new(),
            changed: Vec::new(),
            removed: Vec::new(),
            stamp,
        };
        writer.object(&mut txn, &root, fields, "")?;
        let end = txn.state_vector().get(&client);
        // A delete adds no block (the clock stays) but is an edit all the same.
        let update = if end > start || !txn.delete_set().is_empty() {
            txn.encode_update_v1()
        } else {
            Vec::new()
        };
        drop(txn);
        for removed in writer.removed {
            // What this replica deleted is no longer its write: a later change there by
            // someone else is no loss of its.
            let prefix = format!("{removed}/");
            self.written
                .retain(|key, _| key != &removed && !key.starts_with(&prefix));
        }
        for (path, value) in writer.changed {
            self.remember(path, value, stamp);
        }
        Ok(update)
    }

    fn remember(&mut self, path: Vec<String>, value: Value, stamp: Stamp) {
        let key = path.join("/");
        if BOOKKEEPING.contains(&key.as_str()) {
            return;
        }
        if self.written.len() >= MAX_PENDING && !self.written.contains_key(&key) {
            // The oldest writes matter least: a concurrent edit arrives within one offline spell.
            let oldest = self
                .written
                .iter()
                .min_by_key(|(_, w)| w.stamp.1)
                .map(|(k, _)| k.clone());
            if let Some(oldest) = oldest {
                self.written.remove(&oldest);
            }
        }
        self.written.insert(key, Written { value, stamp });
    }

    /// The plan's JSON form, as the document holds it now (no history).
    pub fn read(&self) -> Value {
        let txn = self.doc.transact();
        match txn.get_map(PLAN) {
            Some(root) => read_object(&txn, &root, ""),
            None => Value::Object(JsonMap::new()),
        }
    }

    /// The document's `schema_version`, if it has one: a client older than it opens the plan
    /// read-only.
    pub fn schema_version(&self) -> Option<u64> {
        self.read().get("schema_version").and_then(Value::as_u64)
    }

    /// Applies an update from a peer. A field this replica wrote and the update overwrote
    /// without having seen this replica's value (a concurrent edit) is returned and recorded in
    /// the document's history; the second value is the update to send for that record (empty
    /// when nothing was lost).
    pub fn apply(&mut self, update: &[u8], now: i64) -> Result<(Vec<Lost>, Vec<u8>), SyncError> {
        self.apply_raw(update)?;
        if self.written.is_empty() {
            return Ok((Vec::new(), Vec::new()));
        }
        let mut lost = Vec::new();
        let mut settled = Vec::new();
        {
            let txn = self.doc.transact();
            for (key, written) in &self.written {
                let path: Vec<String> = key.split('/').map(str::to_string).collect();
                let field = field_at(&txn, &path);
                let (kept, replaced_knowingly) = match field {
                    Some(field) if field.stamp == Some(written.stamp) => continue,
                    Some(field) => {
                        let knew =
                            field.seen.contains(&written.stamp) || field.value == written.value;
                        (field.value, knew)
                    }
                    // The field or its item is gone: deleted while this replica edited it.
                    None => (Value::Null, false),
                };
                settled.push(key.clone());
                if !replaced_knowingly {
                    lost.push(Lost {
                        path,
                        lost: written.value.clone(),
                        kept,
                        by: self.author.clone(),
                        at: now,
                    });
                }
            }
        }
        for key in settled {
            self.written.remove(&key);
        }
        let record = if lost.is_empty() {
            Vec::new()
        } else {
            self.record(&lost)
        };
        Ok((lost, record))
    }

    /// Applies an update without looking for lost values (restoring stored state).
    ///
    /// An update that starts after a gap (an earlier update of its writer has not arrived) is
    /// held here and applied once the gap is filled, never handed to yrs early: yrs 0.28 keeps
    /// such updates itself, and the property test below found a delivery order in which its
    /// bookkeeping of them overflows (a panic, which kills the wasm app). A resync from the
    /// state vectors fills every gap, so nothing held is needed for long.
    fn apply_raw(&self, update: &[u8]) -> Result<(), SyncError> {
        // Read whole and checked first: yrs trusts lengths, nesting and content kinds in ways
        // that panic or hang a wasm app (see `lib0`).
        super::lib0::check_update(update).map_err(|_| SyncError::BadUpdate)?;
        let decoded = Update::decode_v1(update).map_err(|_| SyncError::BadUpdate)?;
        let mut held = self.held.borrow_mut();
        if self.has_gap(&decoded) {
            if held.len() >= MAX_HELD {
                held.remove(0);
            }
            held.push(update.to_vec());
            return Ok(());
        }
        {
            let mut txn = self.doc.transact_mut();
            txn.apply_update(decoded).map_err(|_| SyncError::Rejected)?;
        }
        // Whatever was held and no longer follows a gap goes in now, until nothing moves.
        loop {
            let ready = held
                .iter()
                .position(|bytes| Update::decode_v1(bytes).is_ok_and(|u| !self.has_gap(&u)));
            let Some(i) = ready else { break };
            let bytes = held.remove(i);
            if let Ok(u) = Update::decode_v1(&bytes) {
                let mut txn = self.doc.transact_mut();
                // A held update that fails now is dropped; the next resync brings its content.
                let _ = txn.apply_update(u);
            }
        }
        Ok(())
    }

    /// Whether the update has blocks of a writer that start after what this document has of
    /// that writer.
    fn has_gap(&self, update: &Update) -> bool {
        let have = self.doc.transact().state_vector();
        update
            .state_vector_lower()
            .iter()
            .any(|(client, clock)| *clock > have.get(client))
    }

    fn record(&self, lost: &[Lost]) -> Vec<u8> {
        let history = self.doc.get_or_insert_array(HISTORY);
        let mut txn = self.doc.transact_mut();
        for l in lost {
            let entry = Any::from(HashMap::from([
                (
                    "path".to_string(),
                    Any::Array(l.path.iter().map(|s| Any::from(s.as_str())).collect()),
                ),
                ("lost".to_string(), to_any(&l.lost)),
                ("kept".to_string(), to_any(&l.kept)),
                ("by".to_string(), Any::from(l.by.as_str())),
                ("at".to_string(), Any::Number(Number::Int(l.at))),
            ]));
            history.push_back(&mut txn, entry);
        }
        txn.encode_update_v1()
    }

    /// How many values the history holds: entries are only ever added, so two replicas with
    /// as many hold the same ones (cheap: for a check on every frame).
    pub fn history_len(&self) -> u32 {
        let txn = self.doc.transact();
        txn.get_array(HISTORY).map_or(0, |h| h.len(&txn))
    }

    /// Every value that lost a concurrent edit, oldest first, as the document holds them.
    pub fn history(&self) -> Vec<Lost> {
        let txn = self.doc.transact();
        let Some(history) = txn.get_array(HISTORY) else {
            return Vec::new();
        };
        history
            .iter(&txn)
            .filter_map(|entry| match entry {
                Out::Any(any) => lost_from(&from_any(&any)),
                _ => None,
            })
            .collect()
    }

    /// The document's state vector, for sync step 1.
    pub fn state_vector(&self) -> Vec<u8> {
        self.doc.transact().state_vector().encode_v1()
    }

    /// What a peer with the state vector `remote` lacks, for sync step 2.
    pub fn diff(&self, remote: &[u8]) -> Result<Vec<u8>, SyncError> {
        super::lib0::check_state_vector(remote).map_err(|_| SyncError::BadUpdate)?;
        let sv = StateVector::decode_v1(remote).map_err(|_| SyncError::BadUpdate)?;
        Ok(self.doc.transact().encode_state_as_update_v1(&sv))
    }

    /// Everything of this replica to keep across a reload or a closed tab, offline edits
    /// included: the document's state (compacted: Yjs merges it), this replica's own writes not
    /// yet overwritten (to recognise a lost value later) and updates held for a gap.
    pub fn save(&self) -> String {
        let written: Vec<Value> = self
            .written
            .iter()
            .map(|(path, w)| serde_json::json!([path, w.value, w.stamp.0, w.stamp.1]))
            .collect();
        let held: Vec<String> = self.held.borrow().iter().map(|u| encode(u)).collect();
        serde_json::json!({
            "v": 1,
            "state": encode(&self.encode_state()),
            "written": written,
            "held": held,
            "author": self.author,
        })
        .to_string()
    }

    /// Takes in the document state of another replica's [`PlanDoc::save`] text (another tab
    /// of this browser stored its replica under the same key): Yjs merges it, so writing this
    /// replica back loses none of that tab's edits. Its own writes stay its own.
    pub fn absorb(&self, text: &str) -> Result<(), SyncError> {
        let saved: Value = serde_json::from_str(text).map_err(|_| SyncError::BadUpdate)?;
        let state = saved
            .get("state")
            .and_then(Value::as_str)
            .and_then(|s| decode_any_length(s).ok())
            .ok_or(SyncError::BadUpdate)?;
        self.apply_raw(&state)
    }

    /// A replica from [`PlanDoc::save`]'s text, under a new client id (each open copy of a plan
    /// has its own).
    pub fn restore(client_id: u64, text: &str) -> Result<PlanDoc, SyncError> {
        let saved: Value = serde_json::from_str(text).map_err(|_| SyncError::BadUpdate)?;
        let bytes = |v: &Value| v.as_str().and_then(|s| decode_any_length(s).ok());
        let state = saved
            .get("state")
            .and_then(bytes)
            .ok_or(SyncError::BadUpdate)?;
        let mut doc = PlanDoc::from_state(client_id, &state)?;
        // A client id the document already knows would make two writers of one clock: draw
        // another (a 53-bit random id repeats about never, but a repeat corrupts the plan).
        let mut id = client_id;
        while doc.knows_client(id) {
            id = next_client_id(id);
            doc = PlanDoc::from_state(id, &state)?;
        }
        for entry in saved["written"].as_array().into_iter().flatten() {
            if let (Some(path), Some(client), Some(clock)) =
                (entry[0].as_str(), entry[2].as_i64(), entry[3].as_i64())
            {
                let written = Written {
                    value: entry[1].clone(),
                    stamp: (client, clock),
                };
                doc.written.insert(path.to_string(), written);
            }
        }
        for update in saved["held"].as_array().into_iter().flatten() {
            if let Some(update) = bytes(update) {
                // Held updates wait for their gap again (or go in, if the state has it now).
                let _ = doc.apply_raw(&update);
            }
        }
        doc.author = saved["author"].as_str().unwrap_or_default().to_string();
        Ok(doc)
    }

    /// Whether the document holds writes of this client id.
    fn knows_client(&self, id: u64) -> bool {
        let id = ClientID::new(id & ((1 << 53) - 1));
        self.doc.transact().state_vector().contains_client(&id)
    }

    /// The whole document, to store it locally.
    pub fn encode_state(&self) -> Vec<u8> {
        self.doc
            .transact()
            .encode_state_as_update_v1(&StateVector::default())
    }
}

/// A plan's JSON form as the document reads it back (whole floats as integers), to compare a
/// plan with what was read from the document.
pub fn normalize(plan: &Value) -> Value {
    from_any(&to_any(plan))
}

/// Another client id, derived from `id` (splitmix64), never 0.
fn next_client_id(id: u64) -> u64 {
    let mut z = id.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    ((z ^ (z >> 31)) & ((1 << 53) - 1)).max(1)
}

fn is_entity_list(dotted: &str) -> bool {
    ENTITY_LISTS.contains(&dotted)
}

fn join(dotted: &str, key: &str) -> String {
    if dotted.is_empty() {
        key.to_string()
    } else {
        format!("{dotted}.{key}")
    }
}

/// Writes a plan into the document, field by field, noting each field it changed.
struct Writer {
    path: Vec<String>,
    changed: Vec<(Vec<String>, Value)>,
    /// Paths (joined with `/`) of the fields and items this write removed.
    removed: Vec<String>,
    stamp: Stamp,
}

/// A plain field as the document holds it.
struct Field {
    value: Value,
    /// The write that put it there.
    stamp: Option<Stamp>,
    /// The write it replaced, as its writer saw it, then the writes that one replaced (at
    /// most [`ANCESTORS`]): a chain of corrections (A wrote, B corrected it, D corrected B)
    /// still tells A that its value was seen.
    seen: Vec<Stamp>,
}

impl Field {
    /// Reads an envelope; a bare value (a document written by another tool) has no stamps.
    fn of(any: &Any) -> Field {
        if let Any::Map(fields) = any {
            if let (Some(value), Some(stamp)) = (fields.get("v"), fields.get("w")) {
                return Field {
                    value: from_any(value),
                    stamp: stamp_of(stamp),
                    seen: fields
                        .get("b")
                        .and_then(stamp_of)
                        .into_iter()
                        .chain(ancestors(fields.get("a")))
                        .take(ANCESTORS)
                        .collect(),
                };
            }
        }
        Field {
            value: from_any(any),
            stamp: None,
            seen: Vec::new(),
        }
    }
}

fn envelope(value: &Value, stamp: Stamp, seen: &[Stamp]) -> Any {
    let stamp_any = |(client, clock): Stamp| {
        Any::Array(Arc::from([
            Any::Number(Number::Int(client)),
            Any::Number(Number::Int(clock)),
        ]))
    };
    let mut fields = HashMap::from([
        ("v".to_string(), to_any(value)),
        ("w".to_string(), stamp_any(stamp)),
    ]);
    // `b`: the write replaced (what Alur wrote before ancestors were kept); `a`: older ones.
    if let Some((base, older)) = seen.split_first() {
        fields.insert("b".to_string(), stamp_any(*base));
        if !older.is_empty() {
            fields.insert(
                "a".to_string(),
                Any::Array(older.iter().map(|s| stamp_any(*s)).collect()),
            );
        }
    }
    Any::from(fields)
}

/// The older stamps of an envelope's `a`.
fn ancestors(any: Option<&Any>) -> Vec<Stamp> {
    match any {
        Some(Any::Array(stamps)) => stamps.iter().filter_map(stamp_of).collect(),
        _ => Vec::new(),
    }
}

fn stamp_of(any: &Any) -> Option<Stamp> {
    let Any::Array(parts) = any else {
        return None;
    };
    let int = |a: &Any| match a {
        Any::Number(Number::Int(i)) => Some(*i),
        Any::Number(Number::Float(f)) if f.fract() == 0.0 => Some(*f as i64),
        _ => None,
    };
    match &parts[..] {
        [client, clock] => Some((int(client)?, int(clock)?)),
        _ => None,
    }
}

/// The plain field at a JSON path (ids for the items of entity lists), if it is there.
fn field_at<T: ReadTxn>(txn: &T, path: &[String]) -> Option<Field> {
    let (last, parents) = path.split_last()?;
    let mut map = txn.get_map(PLAN)?;
    let mut dotted = String::new();
    let mut segments = parents.iter();
    while let Some(segment) = segments.next() {
        dotted = join(&dotted, segment);
        let Some(Out::YMap(next)) = map.get(txn, segment) else {
            return None;
        };
        map = if is_entity_list(&dotted) {
            let id = segments.next()?;
            let Some(Out::YMap(items)) = next.get(txn, ITEMS) else {
                return None;
            };
            let Some(Out::YMap(item)) = items.get(txn, id) else {
                return None;
            };
            item
        } else {
            next
        };
    }
    match map.get(txn, last)? {
        Out::Any(any) => Some(Field::of(&any)),
        _ => None,
    }
}

impl Writer {
    /// The path of `last` under the current one, joined with `/`.
    fn joined(&self, last: &str) -> String {
        let mut path = self.path.join("/");
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str(last);
        path
    }

    fn object(
        &mut self,
        txn: &mut TransactionMut,
        map: &MapRef,
        fields: &JsonMap<String, Value>,
        dotted: &str,
    ) -> Result<(), SyncError> {
        for (key, value) in fields {
            let dotted = join(dotted, key);
            self.path.push(key.clone());
            match value {
                Value::Array(items) if is_entity_list(&dotted) => {
                    let list = child_map(txn, map, key);
                    self.list(txn, &list, items, &dotted)?;
                }
                Value::Object(inner) => {
                    let nested = child_map(txn, map, key);
                    self.object(txn, &nested, inner, &dotted)?;
                }
                plain => {
                    // Compared as read back: a whole float and an integer are the same number
                    // (a JavaScript peer writes integers as floats).
                    let value = from_any(&to_any(plain));
                    let old = match map.get(txn, key) {
                        Some(Out::Any(old)) => Some(Field::of(&old)),
                        _ => None,
                    };
                    if old.as_ref().map(|f| &f.value) != Some(&value) {
                        let base = old.as_ref().and_then(|f| f.stamp);
                        let seen: Vec<Stamp> = base
                            .into_iter()
                            .chain(old.into_iter().flat_map(|f| f.seen))
                            .take(ANCESTORS)
                            .collect();
                        map.insert(txn, key.as_str(), envelope(plain, self.stamp, &seen));
                        // Only an edit of a value someone wrote can race with theirs: a new
                        // field (a new item's) is this replica's alone until others see it,
                        // and whoever deletes the item has seen it.
                        if base.is_some() {
                            self.changed.push((self.path.clone(), value));
                        }
                    }
                }
            }
            self.path.pop();
        }
        for key in remove_keys_except(txn, map, |k| fields.contains_key(k)) {
            self.removed.push(self.joined(&key));
        }
        Ok(())
    }

    fn list(
        &mut self,
        txn: &mut TransactionMut,
        list: &MapRef,
        items: &[Value],
        dotted: &str,
    ) -> Result<(), SyncError> {
        let no_id = || SyncError::NoId {
            list: dotted.to_string(),
        };
        let store = child_map(txn, list, ITEMS);
        let order = match list.get(txn, ORDER) {
            Some(Out::YArray(order)) => order,
            _ => list.insert(txn, ORDER, ArrayPrelim::default()),
        };
        let mut wanted = Vec::with_capacity(items.len());
        for item in items {
            let Value::Object(fields) = item else {
                return Err(no_id());
            };
            let id = fields.get("id").and_then(Value::as_str).ok_or_else(no_id)?;
            if wanted.iter().any(|w| w == id) {
                // The same id twice: the first one is the item (validation reports the rest).
                continue;
            }
            wanted.push(id.to_string());
            let entity = child_map(txn, &store, id);
            self.path.push(id.to_string());
            self.object(txn, &entity, fields, dotted)?;
            self.path.pop();
        }
        let wanted_set: HashSet<&str> = wanted.iter().map(String::as_str).collect();
        for id in remove_keys_except(txn, &store, |k| wanted_set.contains(k)) {
            self.removed.push(self.joined(&id));
        }
        reorder(txn, &order, &wanted);
        Ok(())
    }
}

/// The map under `key`, made (empty) if there is none or something else is there.
fn child_map(txn: &mut TransactionMut, map: &MapRef, key: &str) -> MapRef {
    match map.get(txn, key) {
        Some(Out::YMap(child)) => child,
        _ => map.insert(txn, key, MapPrelim::default()),
    }
}

/// Removes every key of `map` that `keep` refuses, and returns them.
fn remove_keys_except(
    txn: &mut TransactionMut,
    map: &MapRef,
    keep: impl Fn(&str) -> bool,
) -> Vec<String> {
    let gone: Vec<String> = map
        .keys(txn)
        .filter(|k| !keep(k))
        .map(str::to_string)
        .collect();
    for key in &gone {
        map.remove(txn, key);
    }
    gone
}

/// Makes the array of ids read `wanted` with as few removals and insertions as it can: ids
/// not wanted (or twice) go; of the rest, the longest run already in the wanted order stays
/// where it is and every other id moves (moving one item touches one entry, so a colleague's
/// concurrent move of another item is kept).
fn reorder(txn: &mut TransactionMut, order: &ArrayRef, wanted: &[String]) {
    let current: Vec<String> = order
        .iter(txn)
        .map(|out| match out {
            Out::Any(Any::String(s)) => s.to_string(),
            _ => String::new(),
        })
        .collect();
    let (removals, insertions) = reorder_steps(&current, wanted);
    for i in removals {
        order.remove(txn, i as u32);
    }
    for (i, id) in insertions {
        order.insert(txn, i as u32, Any::from(id.as_str()));
    }
}

/// The removals (indices, highest first) and then the insertions (index, id; in order) that
/// turn `current` into `wanted`, keeping a longest subsequence of `current` in wanted order.
fn reorder_steps(current: &[String], wanted: &[String]) -> (Vec<usize>, Vec<(usize, String)>) {
    let rank: HashMap<&str, usize> = wanted
        .iter()
        .enumerate()
        .rev()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    // Each wanted id once (the first copy: the one readers use), with its rank.
    let mut seen = HashSet::new();
    let candidates: Vec<(usize, usize)> = current
        .iter()
        .enumerate()
        .filter_map(|(i, id)| {
            let r = *rank.get(id.as_str())?;
            seen.insert(r).then_some((i, r))
        })
        .collect();
    let ranks: Vec<usize> = candidates.iter().map(|&(_, r)| r).collect();
    let kept: HashSet<usize> = longest_increasing(&ranks)
        .into_iter()
        .map(|k| candidates[k].0)
        .collect();
    let removals: Vec<usize> = (0..current.len())
        .rev()
        .filter(|i| !kept.contains(i))
        .collect();
    let mut remaining: Vec<&str> = (0..current.len())
        .filter(|i| kept.contains(i))
        .map(|i| current[i].as_str())
        .collect();
    let mut insertions = Vec::new();
    for (i, id) in wanted.iter().enumerate() {
        if remaining.get(i) == Some(&id.as_str()) {
            continue;
        }
        if remaining[..i.min(remaining.len())].contains(&id.as_str()) {
            // The same id twice in `wanted`: the first is the item.
            continue;
        }
        remaining.insert(i, id);
        insertions.push((i, id.clone()));
    }
    (removals, insertions)
}

/// The indices of a longest strictly increasing subsequence of `seq` (patience sorting).
fn longest_increasing(seq: &[usize]) -> Vec<usize> {
    // tails[k]: index of the smallest last value of an increasing run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; seq.len()];
    for (i, &v) in seq.iter().enumerate() {
        let k = tails.partition_point(|&t| seq[t] < v);
        previous[i] = k.checked_sub(1).map(|p| tails[p]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(i) = at {
        out.push(i);
        at = previous[i];
    }
    out.reverse();
    out
}

fn read_object<T: ReadTxn>(txn: &T, map: &MapRef, dotted: &str) -> Value {
    let mut out = JsonMap::new();
    for (key, value) in map.iter(txn) {
        let dotted = join(dotted, key);
        let value = match value {
            Out::Any(any) => Field::of(&any).value,
            Out::YMap(list) if is_entity_list(&dotted) => read_list(txn, &list, &dotted),
            Out::YMap(nested) => read_object(txn, &nested, &dotted),
            // Nothing Alur writes; a hostile or future document's other types are left out.
            _ => continue,
        };
        out.insert(key.to_string(), value);
    }
    Value::Object(out)
}

/// An entity list in the order of `order` (each id once, the first place), then any item the
/// order misses (added while another moved the list), by id.
fn read_list<T: ReadTxn>(txn: &T, list: &MapRef, dotted: &str) -> Value {
    let mut items: BTreeMap<String, Value> = BTreeMap::new();
    if let Some(Out::YMap(store)) = list.get(txn, ITEMS) {
        for (id, entity) in store.iter(txn) {
            if let Out::YMap(entity) = entity {
                items.insert(id.to_string(), read_object(txn, &entity, dotted));
            }
        }
    }
    let mut out = Vec::with_capacity(items.len());
    if let Some(Out::YArray(order)) = list.get(txn, ORDER) {
        for id in order.iter(txn) {
            if let Out::Any(Any::String(id)) = id {
                if let Some(item) = items.remove(id.as_ref()) {
                    out.push(item);
                }
            }
        }
    }
    out.extend(items.into_values());
    Value::Array(out)
}

fn to_any(value: &Value) -> Any {
    match value {
        Value::Null => Any::Null,
        Value::Bool(b) => Any::Bool(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Any::Number(Number::Int(i)),
            None => Any::Number(Number::Float(n.as_f64().unwrap_or(0.0))),
        },
        Value::String(s) => Any::String(Arc::from(s.as_str())),
        Value::Array(items) => Any::Array(items.iter().map(to_any).collect()),
        Value::Object(fields) => Any::from(
            fields
                .iter()
                .map(|(k, v)| (k.clone(), to_any(v)))
                .collect::<HashMap<_, _>>(),
        ),
    }
}

/// 2^53: integers up to it are exact in a JavaScript number.
const SAFE_INTEGER: f64 = 9_007_199_254_740_992.0;

fn from_any(any: &Any) -> Value {
    match any {
        Any::Null | Any::Undefined | Any::Buffer(_) => Value::Null,
        Any::Bool(b) => Value::Bool(*b),
        Any::Number(Number::Int(i)) => Value::from(*i),
        // A JavaScript peer writes every number as a float: whole ones read back as integers,
        // so an integer field (a time, a revision) stays readable.
        Any::Number(Number::Float(f)) if f.fract() == 0.0 && f.abs() < SAFE_INTEGER => {
            Value::from(*f as i64)
        }
        Any::Number(Number::Float(f)) => {
            serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number)
        }
        Any::String(s) => Value::String(s.to_string()),
        Any::Array(items) => Value::Array(items.iter().map(from_any).collect()),
        Any::Map(fields) => Value::Object(
            fields
                .iter()
                .map(|(k, v)| (k.clone(), from_any(v)))
                .collect(),
        ),
    }
}

fn lost_from(entry: &Value) -> Option<Lost> {
    Some(Lost {
        path: entry
            .get("path")?
            .as_array()?
            .iter()
            .filter_map(|s| s.as_str().map(str::to_string))
            .collect(),
        lost: entry.get("lost").cloned().unwrap_or(Value::Null),
        kept: entry.get("kept").cloned().unwrap_or(Value::Null),
        by: entry
            .get("by")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        at: entry.get("at").and_then(Value::as_i64).unwrap_or_default(),
    })
}

#[cfg(test)]
mod reorder_tests {
    use super::*;

    fn ids(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    /// Applies the steps to `current`, as `reorder` does to the Yjs array.
    fn run(current: &str, wanted: &str) -> (Vec<String>, usize) {
        let mut list = ids(current);
        let (removals, insertions) = reorder_steps(&list, &ids(wanted));
        let steps = removals.len() + insertions.len();
        for i in removals {
            list.remove(i);
        }
        for (i, id) in insertions {
            list.insert(i, id);
        }
        (list, steps)
    }

    #[test]
    fn moving_one_item_touches_only_that_item() {
        // The first of five to the end: one removal and one insertion (the old way re-inserted
        // the four others).
        assert_eq!(run("a b c d e", "b c d e a"), (ids("b c d e a"), 2));
        // The last to the front.
        assert_eq!(run("a b c d e", "e a b c d"), (ids("e a b c d"), 2));
        // Two swapped neighbours: one moves.
        assert_eq!(run("a b c", "b a c"), (ids("b a c"), 2));
    }

    #[test]
    fn additions_removals_and_copies_end_in_the_wanted_order() {
        assert_eq!(run("", "a b"), (ids("a b"), 2));
        assert_eq!(run("a b c", "a c"), (ids("a c"), 1));
        assert_eq!(run("a x b", "a b n"), (ids("a b n"), 2));
        // A second copy of an id (two replicas added the same place) goes; the first stays.
        assert_eq!(run("a b a c", "a b c"), (ids("a b c"), 1));
        assert_eq!(run("c b a", "a b c").0, ids("a b c"));
        assert_eq!(run("a b c", "a b c"), (ids("a b c"), 0));
    }
}

#[cfg(test)]
mod place_tests {
    use super::*;
    use serde_json::json;

    fn lost(path: &[&str]) -> Lost {
        Lost {
            path: path.iter().map(|s| s.to_string()).collect(),
            lost: json!(1),
            kept: json!(2),
            by: String::new(),
            at: 0,
        }
    }

    #[test]
    fn a_lost_value_is_placed_by_step_item_name_and_field() {
        let plan = json!({
            "kpis": [{"id": "k-1", "name": "CTR Instagram", "target": 2.5}],
            "market": {"trends": [{"id": "t-1", "text": "Belanja lewat live"}]},
        });
        assert_eq!(
            lost(&["name"]).place(&plan),
            (None, vec!["name".to_string()])
        );
        assert_eq!(
            lost(&["kpis", "k-1", "target"]).place(&plan),
            (
                Some(Step::Kpis),
                vec!["CTR Instagram".to_string(), "target".to_string()]
            )
        );
        assert_eq!(
            lost(&["market", "trends", "t-1", "text"]).place(&plan),
            (
                Some(Step::Market),
                vec![
                    "trends".to_string(),
                    "Belanja lewat live".to_string(),
                    "text".to_string()
                ]
            )
        );
        // The item is gone since: its id stands in.
        assert_eq!(
            lost(&["kpis", "k-9", "target"]).place(&plan),
            (
                Some(Step::Kpis),
                vec!["k-9".to_string(), "target".to_string()]
            )
        );
        assert_eq!(lost(&[]).place(&plan), (None, vec![]));
    }

    #[test]
    fn a_restored_value_reads_back_as_the_plan_and_one_the_field_cannot_hold_is_refused() {
        use crate::domain::model::templates::seed_example;
        let mut n = 0;
        let mut ids = || {
            n += 1;
            format!("id-{n}")
        };
        let start = crate::domain::values::date::Date::new(2026, 1, 5).unwrap();
        let plan = seed_example(crate::i18n::Lang::En, &mut ids, 0, start);
        let kpi = &plan.kpis[1];
        let target = Lost {
            lost: json!(4.25),
            ..lost(&["kpis", &kpi.id, "target"])
        };

        let restored = restore_into(&target, &plan).unwrap();
        assert_eq!(restored.kpis[1].target, Some(4.25));
        // Everything else is the plan as it was, its id and revision included.
        let mut back = restored.clone();
        back.kpis[1].target = kpi.target;
        assert_eq!(back, plan);

        // A problem the plan already has (its name being retyped, blank for now) does not
        // stop the restore of another field.
        let mut blank = plan.clone();
        blank.name = String::new();
        let restored = restore_into(&target, &blank).unwrap();
        assert_eq!(
            (restored.kpis[1].target, restored.name.as_str()),
            (Some(4.25), "")
        );

        // Text in a number field (what a hostile peer could have written), and a value that
        // breaks a rule the plan kept (a blank name): refused, nothing written.
        let text = Lost {
            lost: json!("lots"),
            ..target.clone()
        };
        assert_eq!(restore_into(&text, &plan), Err(RestoreError::Invalid));
        let blank_name = Lost {
            lost: json!(""),
            ..lost(&["name"])
        };
        assert_eq!(restore_into(&blank_name, &plan), Err(RestoreError::Invalid));
        // The KPI was deleted since.
        let mut without = plan.clone();
        without.kpis.remove(1);
        assert_eq!(restore_into(&target, &without), Err(RestoreError::Gone));
    }

    fn restored_name(plan: &Value) -> Value {
        let mut plan = plan.clone();
        plan["name"] = json!("Name by Dimas");
        plan
    }

    #[test]
    fn the_same_value_lost_twice_in_a_field_is_offered_once_on_its_newest_line() {
        let plan = json!({
            "name": "Name by Rina",
            "kpis": [{"id": "k-0", "name": "Leads", "target": 900.0}]
        });
        let entry = |path: &[&str], value: Value, at: i64| Lost {
            lost: value,
            at,
            ..lost(path)
        };
        // Oldest first, as the document keeps them: Dimas's name lost twice (the same edit
        // lost against two of Rina's), another name, a target that is in the plan again (900
        // as the document gives a whole number back), and a KPI deleted since.
        let history = [
            entry(&["name"], json!("Name by Dimas"), 1),
            entry(&["kpis", "k-0", "target"], json!(900), 2),
            entry(&["name"], json!("Name by Sari"), 3),
            entry(&["name"], json!("Name by Dimas"), 4),
            entry(&["kpis", "k-9", "target"], json!(5), 5),
        ];
        use Offer::{InPlanAgain, Nothing, Restore};
        assert_eq!(
            Lost::offers(&history, &plan, true),
            [Nothing, InPlanAgain, Restore, Restore, Nothing],
            "the older line of Dimas's name offers nothing: its newer line has the button"
        );
        // A viewer is offered no button, and still sees what is in the plan again.
        assert_eq!(
            Lost::offers(&history, &plan, false),
            [Nothing, InPlanAgain, Nothing, Nothing, Nothing]
        );
        // Once Dimas's name is back, both of its lines say so, and Sari's may be restored.
        assert_eq!(
            Lost::offers(&history, &restored_name(&plan), true),
            [InPlanAgain, InPlanAgain, Restore, InPlanAgain, Nothing]
        );
        // The same value in another field is another offer.
        let two_fields = [
            entry(&["kpis", "k-0", "name"], json!("Sales"), 1),
            entry(&["name"], json!("Sales"), 2),
        ];
        assert_eq!(Lost::offers(&two_fields, &plan, true), [Restore, Restore]);
        assert_eq!(Lost::offers(&[], &plan, true), []);
    }

    #[test]
    fn a_lost_value_is_written_back_where_it_was_and_nowhere_else() {
        let plan = json!({
            "name": "Name by Rina",
            "kpis": [
                {"id": "k-0", "name": "Leads", "target": 900},
                {"id": "k-1", "name": "CTR Instagram", "target": 2.5}
            ],
            "market": {"trends": [{"id": "t-1", "text": "Belanja lewat live"}]},
        });
        let with = |path: &[&str], value: Value| Lost {
            lost: value,
            ..lost(path)
        };

        // The plan's own field.
        let name = with(&["name"], json!("Name by Dimas"));
        assert_eq!(name.current(&plan), Some(&json!("Name by Rina")));
        let mut restored = plan.clone();
        assert_eq!(name.restore(&mut restored), Ok(()));
        assert_eq!(restored["name"], json!("Name by Dimas"));
        assert_eq!(name.current(&restored), Some(&json!("Name by Dimas")));
        assert_eq!(restored["kpis"], plan["kpis"], "nothing else changed");

        // A field of the second KPI, found by its id (not by its place in the list).
        let target = with(&["kpis", "k-1", "target"], json!(3.0));
        let mut restored = plan.clone();
        assert_eq!(target.restore(&mut restored), Ok(()));
        assert_eq!(restored["kpis"][1]["target"], json!(3.0));
        assert_eq!(restored["kpis"][0], plan["kpis"][0]);

        // An entity list inside a section; a field the item no longer has is written again.
        let note = with(
            &["market", "trends", "t-1", "note"],
            json!("from the survey"),
        );
        assert_eq!(note.current(&plan), Some(&Value::Null));
        let mut restored = plan.clone();
        assert_eq!(note.restore(&mut restored), Ok(()));
        assert_eq!(
            restored["market"]["trends"][0]["note"],
            json!("from the survey")
        );
        assert_eq!(
            restored["market"]["trends"][0]["text"],
            json!("Belanja lewat live")
        );

        // The value is already there (a whole number as the document gives it back): nothing
        // to restore; another value: there is.
        let whole = Lost {
            lost: json!(900),
            ..lost(&["kpis", "k-0", "target"])
        };
        let mut floats = plan.clone();
        floats["kpis"][0]["target"] = json!(900.0);
        assert!(!whole.restorable(&floats));
        assert!(whole.in_plan(&floats));
        assert!(with(&["kpis", "k-0", "target"], json!(950)).restorable(&floats));
        assert!(name.restorable(&plan) && !name.in_plan(&plan));
        assert!(!name.restorable(&restored_name(&plan)) && name.in_plan(&restored_name(&plan)));

        // The plan's identity and workflow fields, and any item's id, are never written back.
        for path in [
            &["id"][..],
            &["schema_version"],
            &["status"],
            &["revision"],
            &["kpis", "k-1", "id"],
        ] {
            let own = with(path, json!("x"));
            assert!(!own.restorable(&plan), "{path:?}");
            let mut untouched = plan.clone();
            assert_eq!(
                own.restore(&mut untouched),
                Err(RestoreError::Gone),
                "{path:?}"
            );
            assert_eq!(untouched, plan, "{path:?}");
        }

        // The item was deleted since, or the path leads nowhere: nothing is written.
        for path in [
            &["kpis", "k-9", "target"][..],
            &["market", "segments", "s-1", "text"],
            &[],
        ] {
            let gone = with(path, json!(1));
            assert_eq!(gone.current(&plan), None, "{path:?}");
            assert!(!gone.restorable(&plan) && !gone.in_plan(&plan), "{path:?}");
            let mut untouched = plan.clone();
            assert_eq!(
                gone.restore(&mut untouched),
                Err(RestoreError::Gone),
                "{path:?}"
            );
            assert_eq!(untouched, plan, "{path:?}");
        }
    }
}
