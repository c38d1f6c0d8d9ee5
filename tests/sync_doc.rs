//! Team plans (#22): the plan as a Yjs document. Replicas edit, updates travel reordered,
//! duplicated or not at all, and resyncing from state vectors brings every replica to the same
//! plan, with every item that was added and not deleted, and every value that lost a
//! concurrent edit in the history.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeSet, HashSet};
use std::path::Path;

use alur::domain::model::plan::Plan;
use alur::domain::parse_plan_file;
use alur::domain::sync::{PlanDoc, SyncError, ENTITY_LISTS};
use proptest::prelude::*;
use serde_json::{json, Value};

fn fixture_plan() -> Value {
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v2.alur.json"),
    )
    .unwrap();
    serde_json::to_value(parse_plan_file(&bytes).unwrap()).unwrap()
}

/// The first share: replica 1 writes the plan; the others start from its whole state.
fn shared(n: u64) -> Vec<PlanDoc> {
    let mut first = PlanDoc::new(1);
    first.write(&fixture_plan()).unwrap();
    let state = first.encode_state();
    let mut docs = vec![first];
    for id in 2..=n {
        docs.push(PlanDoc::from_state(id, &state).unwrap());
    }
    for (i, doc) in docs.iter_mut().enumerate() {
        doc.set_author(&format!("person {}", i + 1));
    }
    docs
}

/// Brings every replica up to date with every other from their state vectors (sync steps 1
/// and 2), twice: the first round can add history records, which the second delivers.
fn resync(docs: &mut [PlanDoc]) {
    for _ in 0..2 {
        for a in 0..docs.len() {
            for b in 0..docs.len() {
                if a != b {
                    let missing = docs[a].diff(&docs[b].state_vector()).unwrap();
                    docs[b].apply(&missing, 0).unwrap();
                }
            }
        }
    }
}

fn edit(doc: &mut PlanDoc, change: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut plan = doc.read();
    change(&mut plan);
    doc.write(&plan).unwrap()
}

fn ids(plan: &Value, list: &str) -> Vec<String> {
    list_at(plan, list)
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_string())
        .collect()
}

fn list_at<'a>(plan: &'a Value, dotted: &str) -> &'a Vec<Value> {
    dotted
        .split('.')
        .fold(plan, |v, k| &v[k])
        .as_array()
        .unwrap()
}

fn list_at_mut<'a>(plan: &'a mut Value, dotted: &str) -> &'a mut Vec<Value> {
    dotted
        .split('.')
        .fold(plan, |v, k| &mut v[k])
        .as_array_mut()
        .unwrap()
}

#[test]
fn entity_lists_are_every_list_of_items_with_an_id_in_the_schema() {
    // Guards: a list of items added to the model and not listed would be kept as one value, so
    // two people adding items to it at once would lose one person's items.
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/plan.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let defs = &schema["$defs"];
    let resolve = |v: &Value| -> Value {
        match v.get("$ref").and_then(Value::as_str) {
            Some(r) => defs[r.trim_start_matches("#/$defs/")].clone(),
            None => v.clone(),
        }
    };
    let mut found = BTreeSet::new();
    let mut stack = vec![(String::new(), defs["Plan"].clone())];
    while let Some((path, def)) = stack.pop() {
        let Some(props) = def.get("properties").and_then(Value::as_object) else {
            continue;
        };
        for (key, prop) in props {
            let dotted = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            let prop = resolve(prop);
            if prop["type"] == "array" {
                let item = resolve(&prop["items"]);
                let has_id = item["properties"]["id"]["$ref"] == "#/$defs/Id";
                if has_id {
                    found.insert(dotted);
                }
            } else if prop.get("properties").is_some() {
                stack.push((dotted, prop));
            }
        }
    }
    let listed: BTreeSet<String> = ENTITY_LISTS.iter().map(|s| s.to_string()).collect();
    assert_eq!(found, listed);
}

#[test]
fn a_plan_written_and_read_back_is_the_same_plan() {
    // Guards: export of a shared plan gives the same file as today, so the document must hold
    // every field and keep the order of every list.
    let plan = fixture_plan();
    let mut doc = PlanDoc::new(7);
    let update = doc.write(&plan).unwrap();
    assert!(!update.is_empty());
    // Whole floats read back as integers (a JavaScript peer writes numbers that way); as a plan
    // they are the same.
    let typed: Plan = serde_json::from_value(doc.read()).unwrap();
    assert_eq!(serde_json::to_value(&typed).unwrap(), plan);
    // Writing the same plan again changes nothing: no update to send.
    assert!(doc.write(&plan).unwrap().is_empty());
    // A replica that only received the update reads the same plan.
    let other = PlanDoc::from_state(8, &update).unwrap();
    assert_eq!(other.read(), doc.read());
    assert_eq!(other.schema_version(), Some(2));
}

#[test]
fn edits_of_different_fields_and_items_by_two_people_both_stay() {
    // Guards: concurrent edits of different fields merge with no question.
    let mut docs = shared(2);
    let kpi = ids(&docs[0].read(), "kpis")[0].clone();
    let a = edit(&mut docs[0], |p| {
        p["goal"]["specific"] = json!("Raise sales of X by 25%")
    });
    let b = edit(&mut docs[1], |p| {
        p["kpis"][0]["name"] = json!("Sales (units)");
        list_at_mut(p, "market.trends").push(json!({"id": "t-new", "text": "Live shopping"}));
    });
    docs[1].apply(&a, 0).unwrap();
    docs[0].apply(&b, 0).unwrap();
    for doc in &docs {
        let plan = doc.read();
        assert_eq!(plan["goal"]["specific"], "Raise sales of X by 25%");
        assert_eq!(plan["kpis"][0]["id"], kpi.as_str());
        assert_eq!(plan["kpis"][0]["name"], "Sales (units)");
        assert_eq!(
            list_at(&plan, "market.trends").last().unwrap()["text"],
            "Live shopping"
        );
        assert!(doc.history().is_empty(), "nothing was lost");
    }
    assert_eq!(docs[0].read(), docs[1].read());
}

#[test]
fn the_same_field_edited_offline_twice_keeps_one_value_and_the_other_in_history() {
    // Guards: an edit of the same field in two places resolves the same way everywhere, and the
    // value that lost stays visible in the plan's history.
    let mut docs = shared(2);
    edit(&mut docs[0], |p| p["goal"]["target"] = json!(1300.0));
    edit(&mut docs[1], |p| p["goal"]["target"] = json!(1500.0));
    resync(&mut docs);
    let kept = docs[0].read()["goal"]["target"].clone();
    assert_eq!(docs[1].read()["goal"]["target"], kept);
    let history = docs[0].history();
    assert_eq!(history, docs[1].history());
    assert_eq!(history.len(), 1, "{history:?}");
    let lost = &history[0];
    assert_eq!(lost.path, ["goal", "target"]);
    assert_eq!(lost.kept, kept);
    // Whichever value was kept, the other one is the one in the history, with its writer.
    let (loser, by) = if kept == json!(1300) {
        (1500, "person 2")
    } else {
        (1300, "person 1")
    };
    assert_eq!(lost.lost, json!(loser));
    assert_eq!(lost.by, by);
}

#[test]
fn a_field_changed_after_seeing_the_other_edit_is_no_loss() {
    // Guards: a deliberate correction of a colleague's value is not reported as a conflict.
    let mut docs = shared(2);
    let a = edit(&mut docs[0], |p| p["name"] = json!("Ramadan push"));
    docs[1].apply(&a, 0).unwrap();
    let b = edit(&mut docs[1], |p| p["name"] = json!("Ramadan push 2027"));
    let (lost, record) = docs[0].apply(&b, 0).unwrap();
    assert!(lost.is_empty(), "{lost:?}");
    assert!(record.is_empty());
    assert_eq!(docs[0].read()["name"], "Ramadan push 2027");
    assert!(docs[0].history().is_empty());
}

#[test]
fn a_chain_of_corrections_seen_only_as_its_end_is_no_loss() {
    // Guards: A wrote the name, B corrected it, D corrected B's; A, offline all along, receives
    // only the merged state (D's value, whose base is B's write). A's value was seen by the
    // chain, so nothing is reported lost.
    let mut docs = shared(3);
    let a = edit(&mut docs[0], |p| p["name"] = json!("Ramadan push"));
    docs[1].apply(&a, 0).unwrap();
    let b = edit(&mut docs[1], |p| p["name"] = json!("Ramadan push 2027"));
    docs[2].apply(&a, 0).unwrap();
    docs[2].apply(&b, 0).unwrap();
    edit(&mut docs[2], |p| p["name"] = json!("Ramadan 2027"));
    let merged = docs[2].encode_state();
    let (lost, record) = docs[0].apply(&merged, 0).unwrap();
    assert!(lost.is_empty(), "{lost:?}");
    assert!(record.is_empty());
    assert_eq!(docs[0].read()["name"], "Ramadan 2027");
}

#[test]
fn an_item_edited_in_one_place_and_deleted_in_another_is_deleted_and_the_edit_is_in_history() {
    // Guards: a delete wins over a concurrent edit of the item, and the edit is not silently
    // dropped.
    let mut docs = shared(2);
    let gone = ids(&docs[0].read(), "competitors")[0].clone();
    edit(&mut docs[0], |p| {
        p["competitors"][0]["strategy"] = json!("Flash sales")
    });
    edit(&mut docs[1], |p| {
        list_at_mut(p, "competitors").remove(0);
    });
    resync(&mut docs);
    for doc in &docs {
        assert!(!ids(&doc.read(), "competitors").contains(&gone));
    }
    let history = docs[0].history();
    assert_eq!(history.len(), 1, "{history:?}");
    assert_eq!(history[0].path, ["competitors", gone.as_str(), "strategy"]);
    assert_eq!(history[0].lost, "Flash sales");
}

#[test]
fn a_delete_travels_at_once_and_deleting_what_one_edited_is_no_loss() {
    // Guards: deleting an item is an edit that others receive live (it used to wait for the
    // next reconnect), and a replica that edited an item and then deleted it does not later
    // report its own edit as lost.
    let mut docs = shared(2);
    let gone = ids(&docs[0].read(), "competitors")[0].clone();
    let edit_first = edit(&mut docs[0], |p| {
        p["competitors"][0]["strategy"] = json!("Bundles")
    });
    docs[1].apply(&edit_first, 0).unwrap();
    let delete = edit(&mut docs[0], |p| {
        list_at_mut(p, "competitors").remove(0);
    });
    assert!(!delete.is_empty(), "a delete is an update to send");
    docs[1].apply(&delete, 0).unwrap();
    assert!(!ids(&docs[1].read(), "competitors").contains(&gone));
    // Anything else arriving afterwards finds nothing of docs[0]'s lost.
    let other = edit(&mut docs[1], |p| p["name"] = json!("Next"));
    let (lost, _) = docs[0].apply(&other, 0).unwrap();
    assert!(lost.is_empty(), "{lost:?}");
    assert!(docs[0].history().is_empty());
}

#[test]
fn damaged_updates_are_errors_and_leave_the_plan_alone() {
    // Guards: nothing a peer sends can panic the app; a bad update changes nothing.
    let mut docs = shared(1);
    let before = docs[0].read();
    let good = {
        let mut other = PlanDoc::from_state(5, &docs[0].encode_state()).unwrap();
        edit(&mut other, |p| p["name"] = json!("x"))
    };
    for bad in [
        &b""[..],
        &[0xff; 16][..],
        &good[..good.len() / 2],
        b"\x01\x02hello",
    ] {
        let result = docs[0].apply(bad, 0);
        if let Err(e) = &result {
            assert!(matches!(e, SyncError::BadUpdate | SyncError::Rejected));
        }
        assert_eq!(docs[0].read(), before, "{bad:?}");
    }
    assert_eq!(
        docs[0].diff(b"\xff\xff\xff").unwrap_err(),
        SyncError::BadUpdate
    );
}

/// One thing a replica does in the property test.
#[derive(Clone, Debug)]
enum Op {
    /// Adds an item to the list `ENTITY_LISTS[list]` (from the fixture's first item of a list
    /// that has one, so it stays a valid plan).
    Add { replica: usize, list: usize },
    /// Changes a text field of the `at`-th item of a list.
    Edit {
        replica: usize,
        list: usize,
        at: usize,
        text: u8,
    },
    /// Changes the goal's target: every replica edits the same field.
    Target { replica: usize, value: u8 },
    /// Deletes the `at`-th item of a list.
    Delete {
        replica: usize,
        list: usize,
        at: usize,
    },
    /// Moves an item of a list to another place.
    Move {
        replica: usize,
        list: usize,
        from: usize,
        to: usize,
    },
    /// Delivers some of the updates waiting for a replica, in a shuffled order; `copies` 0
    /// drops one, 2 delivers it twice.
    Deliver {
        replica: usize,
        pick: usize,
        copies: u8,
    },
}

/// The lists the property test edits, with a text field of their items.
const EDITED: [(&str, &str); 5] = [
    ("market.trends", "text"),
    ("competitors", "strategy"),
    ("kpis", "name"),
    ("tasks", "title"),
    ("report.learnings", "text"),
];

fn op() -> impl Strategy<Value = Op> {
    let r = 0..3usize;
    let l = 0..EDITED.len();
    prop_oneof![
        (r.clone(), l.clone()).prop_map(|(replica, list)| Op::Add { replica, list }),
        (r.clone(), l.clone(), 0..8usize, any::<u8>()).prop_map(|(replica, list, at, text)| {
            Op::Edit {
                replica,
                list,
                at,
                text,
            }
        }),
        (r.clone(), any::<u8>()).prop_map(|(replica, value)| Op::Target { replica, value }),
        (r.clone(), l.clone(), 0..8usize).prop_map(|(replica, list, at)| Op::Delete {
            replica,
            list,
            at
        }),
        (r.clone(), l, 0..8usize, 0..8usize).prop_map(|(replica, list, from, to)| Op::Move {
            replica,
            list,
            from,
            to
        }),
        (r.clone(), any::<usize>(), 0u8..3).prop_map(|(replica, pick, copies)| Op::Deliver {
            replica,
            pick,
            copies
        }),
        (r, any::<usize>(), 0u8..3).prop_map(|(replica, pick, copies)| Op::Deliver {
            replica,
            pick,
            copies
        }),
    ]
}

/// An item for a list, copied from the fixture's first item of a list with the same shape.
fn new_item(list: &str, id: &str) -> Value {
    let plan = fixture_plan();
    let template_list = if list == "report.learnings" {
        "market.trends"
    } else {
        list
    };
    let mut item = list_at(&plan, template_list)[0].clone();
    item["id"] = json!(id);
    item
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    // Guards: three documents, random edits per section, updates delivered reordered,
    // duplicated and dropped, then resynced from state vectors: all converge to the same plan,
    // a valid one, and every item inserted and not deleted survives.
    #[test]
    fn three_replicas_converge_and_keep_every_item_not_deleted(ops in prop::collection::vec(op(), 1..60)) {
        let mut docs = shared(3);
        let mut inboxes: Vec<Vec<Vec<u8>>> = vec![Vec::new(); 3];
        let mut added: Vec<(&str, String)> = Vec::new();
        let mut deleted: HashSet<String> = HashSet::new();
        let mut next = 0;
        for op in ops {
            let (replica, update) = match op {
                Op::Add { replica, list } => {
                    let (list, _) = EDITED[list];
                    next += 1;
                    let id = format!("r{replica}-{next}");
                    added.push((list, id.clone()));
                    let item = new_item(list, &id);
                    (replica, edit(&mut docs[replica], |p| list_at_mut(p, list).push(item)))
                }
                Op::Edit { replica, list, at, text } => {
                    let (list, field) = EDITED[list];
                    (replica, edit(&mut docs[replica], |p| {
                        if let Some(item) = list_at_mut(p, list).get_mut(at) {
                            item[field] = json!(format!("edit {text}"));
                        }
                    }))
                }
                Op::Target { replica, value } => (replica, edit(&mut docs[replica], |p| {
                    p["goal"]["target"] = json!(f64::from(value) * 10.0);
                })),
                Op::Delete { replica, list, at } => {
                    let (list, _) = EDITED[list];
                    (replica, edit(&mut docs[replica], |p| {
                        let items = list_at_mut(p, list);
                        if at < items.len() {
                            let item = items.remove(at);
                            deleted.insert(item["id"].as_str().unwrap().to_string());
                        }
                    }))
                }
                Op::Move { replica, list, from, to } => {
                    let (list, _) = EDITED[list];
                    (replica, edit(&mut docs[replica], |p| {
                        let items = list_at_mut(p, list);
                        if from < items.len() && to < items.len() {
                            let item = items.remove(from);
                            items.insert(to, item);
                        }
                    }))
                }
                Op::Deliver { replica, pick, copies } => {
                    let inbox = &mut inboxes[replica];
                    if !inbox.is_empty() {
                        let update = inbox.remove(pick % inbox.len());
                        for _ in 0..copies {
                            let (_, record) = docs[replica].apply(&update, 0).unwrap();
                            if !record.is_empty() {
                                for (other, inbox) in inboxes.iter_mut().enumerate() {
                                    if other != replica {
                                        inbox.push(record.clone());
                                    }
                                }
                            }
                        }
                    }
                    continue;
                }
            };
            if !update.is_empty() {
                for (other, inbox) in inboxes.iter_mut().enumerate() {
                    if other != replica {
                        inbox.push(update.clone());
                    }
                }
            }
        }
        // Whatever is still in an inbox is dropped: the resync must bring it anyway.
        resync(&mut docs);
        let plan = docs[0].read();
        for doc in &docs[1..] {
            prop_assert_eq!(&doc.read(), &plan);
            prop_assert_eq!(doc.history(), docs[0].history());
        }
        let typed: Result<Plan, _> = serde_json::from_value(plan.clone());
        prop_assert!(typed.is_ok(), "{:?}", typed.err());
        let fixture = fixture_plan();
        for (list, _) in EDITED {
            let now = ids(&plan, list);
            let unique: HashSet<&String> = now.iter().collect();
            prop_assert_eq!(unique.len(), now.len(), "an id twice in {}", list);
            let expected: HashSet<String> = ids(&fixture, list)
                .into_iter()
                .chain(added.iter().filter(|(l, _)| *l == list).map(|(_, id)| id.clone()))
                .filter(|id| !deleted.contains(id))
                .collect();
            for id in &expected {
                prop_assert!(now.contains(id), "{} lost from {}", id, list);
            }
            for id in &now {
                prop_assert!(!deleted.contains(id), "{} deleted but back in {}", id, list);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    // Guards: a malformed or hostile update from the network (a valid one with bytes changed,
    // inserted or cut) is refused or applied, never a panic (a panic kills the wasm app), and
    // the replica still reads a plan afterwards.
    #[test]
    fn mutated_updates_never_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..6),
    ) {
        let docs = shared(1);
        let mut other = PlanDoc::from_state(9, &docs[0].encode_state()).unwrap();
        let mut update = edit(&mut other, |p| {
            p["goal"]["specific"] = json!("Changed");
            list_at_mut(p, "kpis").remove(0);
            list_at_mut(p, "market.trends").push(json!({"id": "t-9", "text": "New"}));
        });
        for (at, byte, kind) in edits {
            let i = at.index(update.len().max(1));
            match kind {
                0 if i < update.len() => update[i] = byte,
                1 => update.insert(i.min(update.len()), byte),
                _ => update.truncate(i),
            }
        }
        let mut doc = PlanDoc::from_state(3, &docs[0].encode_state()).unwrap();
        let _ = doc.apply(&update, 0);
        let _ = doc.read();
        let _ = PlanDoc::from_state(4, &update);
    }

    // Guards: arbitrary bytes as an update or a state vector are refused, never a panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let mut docs = shared(1);
        let _ = docs[0].apply(&bytes, 0);
        let _ = docs[0].diff(&bytes);
        let _ = docs[0].read();
    }
}

#[test]
fn a_replica_saved_and_restored_offline_keeps_its_edits_and_still_finds_a_lost_value() {
    // Guards: a reload or a closed tab while offline loses nothing: the edits made offline
    // merge on reconnect, and a concurrent edit of the same field still goes to the history.
    let mut docs = shared(2);
    edit(&mut docs[1], |p| {
        p["goal"]["target"] = json!(1300.0);
        list_at_mut(p, "market.trends").push(json!({"id": "t-off", "text": "Offline idea"}));
    });
    let saved = docs[1].save();
    let restored = PlanDoc::restore(99, &saved).unwrap();
    assert_eq!(restored.read(), docs[1].read());
    assert_eq!(restored.client_id(), 99);
    // Restored under an id the document already holds writes of (two writers of one clock
    // would corrupt it), it draws another.
    let writer = docs[1].client_id();
    let again = PlanDoc::restore(writer, &saved).unwrap();
    assert_ne!(again.client_id(), writer);
    assert_eq!(again.read(), docs[1].read());
    edit(&mut docs[0], |p| p["goal"]["target"] = json!(1500.0));
    let mut pair = vec![docs.remove(0), restored];
    resync(&mut pair);
    assert_eq!(pair[0].read(), pair[1].read());
    assert!(ids(&pair[0].read(), "market.trends").contains(&"t-off".to_string()));
    let history = pair[0].history();
    assert_eq!(history.len(), 1, "{history:?}");
    // The count the page checks on every frame agrees, on both replicas.
    assert_eq!((pair[0].history_len(), pair[1].history_len()), (1, 1));
    assert_eq!(history[0].path, ["goal", "target"]);
    // Whichever value Yjs kept, the other is in the history.
    let both: BTreeSet<String> = [&history[0].lost, &history[0].kept]
        .iter()
        .map(|v| v.to_string())
        .collect();
    assert_eq!(
        both,
        BTreeSet::from(["1300".to_string(), "1500".to_string()])
    );
    assert_eq!(pair[0].read()["goal"]["target"], history[0].kept);
    assert_eq!(
        PlanDoc::restore(5, "not json").err(),
        Some(SyncError::BadUpdate)
    );
    assert_eq!(
        PlanDoc::restore(5, r#"{"state": "!!"}"#).err(),
        Some(SyncError::BadUpdate)
    );
}
