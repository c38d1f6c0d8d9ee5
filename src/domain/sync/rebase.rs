//! A three-way write of a shared plan (#22): the user's version of the plan was made from the
//! version the session last handed to the page (the base); meanwhile the document may have
//! taken colleagues' edits (theirs). What goes into the document is theirs with the user's
//! own changes (base → mine) laid over it, so a page that saves a plan made before a remote
//! change never reverts that change by writing its stale copy of the field.
//!
//! Field by field, as the document merges: an object key by key, an entity list item by item
//! (by id), anything else whole. Where the user changed a value, theirs; where the user did not,
//! theirs stays. An item the user deleted is gone; an item a colleague deleted stays gone unless
//! the user changed it meanwhile (then the user's item is kept: nothing typed is dropped).

use serde_json::{Map as JsonMap, Value};

use super::plan_doc::ENTITY_LISTS;

/// The plan to write: `theirs` with the changes from `base` to `mine`.
pub fn rebase(base: &Value, mine: &Value, theirs: &Value) -> Value {
    value(base, mine, theirs, "")
}

fn value(base: &Value, mine: &Value, theirs: &Value, dotted: &str) -> Value {
    if mine == base {
        return theirs.clone();
    }
    if theirs == base {
        return mine.clone();
    }
    match (base, mine, theirs) {
        (Value::Object(b), Value::Object(m), Value::Object(t)) => object(b, m, t, dotted),
        (Value::Array(b), Value::Array(m), Value::Array(t)) if ENTITY_LISTS.contains(&dotted) => {
            list(b, m, t, dotted).unwrap_or_else(|| mine.clone())
        }
        _ => mine.clone(),
    }
}

fn join(dotted: &str, key: &str) -> String {
    if dotted.is_empty() {
        key.to_string()
    } else {
        format!("{dotted}.{key}")
    }
}

fn object(
    base: &JsonMap<String, Value>,
    mine: &JsonMap<String, Value>,
    theirs: &JsonMap<String, Value>,
    dotted: &str,
) -> Value {
    let mut out = JsonMap::new();
    for (key, m) in mine {
        let here = join(dotted, key);
        match (base.get(key), theirs.get(key)) {
            (Some(b), Some(t)) => {
                out.insert(key.clone(), value(b, m, t, &here));
            }
            // They removed it; kept only if the user changed it meanwhile.
            (Some(b), None) => {
                if m != b {
                    out.insert(key.clone(), m.clone());
                }
            }
            (None, _) => {
                out.insert(key.clone(), m.clone());
            }
        }
    }
    for (key, t) in theirs {
        // A key only they have: theirs, unless the user removed it.
        if !mine.contains_key(key) && !base.contains_key(key) {
            out.insert(key.clone(), t.clone());
        }
    }
    Value::Object(out)
}

fn id_of(item: &Value) -> Option<&str> {
    item.get("id").and_then(Value::as_str)
}

/// Items by id, in order; `None` when an item has no id (the list is then taken whole).
fn by_id(items: &[Value]) -> Option<Vec<(&str, &Value)>> {
    items.iter().map(|i| id_of(i).map(|id| (id, i))).collect()
}

fn list(base: &[Value], mine: &[Value], theirs: &[Value], dotted: &str) -> Option<Value> {
    let (b, m, t) = (by_id(base)?, by_id(mine)?, by_id(theirs)?);
    let find = |list: &[(&str, &Value)], id: &str| -> Option<Value> {
        list.iter()
            .find(|(i, _)| *i == id)
            .map(|(_, v)| (*v).clone())
    };
    fn ids<'a>(list: &[(&'a str, &Value)]) -> Vec<&'a str> {
        list.iter().map(|(id, _)| *id).collect()
    }
    let (base_ids, mine_ids, their_ids) = (ids(&b), ids(&m), ids(&t));

    // The item for an id, or none when it is gone.
    let item = |id: &str| -> Option<Value> {
        match (find(&b, id), find(&m, id), find(&t, id)) {
            (Some(bi), Some(mi), Some(ti)) => Some(value(&bi, &mi, &ti, dotted)),
            // They deleted it: gone, unless the user changed it meanwhile.
            (Some(bi), Some(mi), None) => (mi != bi).then_some(mi),
            // The user deleted it.
            (Some(_), None, _) => None,
            (None, Some(mi), _) => Some(mi),
            (None, None, ti) => ti,
        }
    };

    // The order: the user's if the user moved, added or removed items, else theirs; then
    // whatever the other side added, after the item it follows there.
    let (mut order, other): (Vec<&str>, &[&str]) = if mine_ids == base_ids {
        (their_ids.clone(), &mine_ids)
    } else {
        (mine_ids.clone(), &their_ids)
    };
    for (pos, id) in other.iter().enumerate() {
        if order.contains(id) || base_ids.contains(id) {
            continue;
        }
        let after = other[..pos]
            .iter()
            .rev()
            .find_map(|prev| order.iter().position(|o| o == prev));
        order.insert(after.map_or(0, |a| a + 1), id);
    }
    let mut out = Vec::with_capacity(order.len());
    let mut seen: Vec<&str> = Vec::with_capacity(order.len());
    for id in order {
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        if let Some(v) = item(id) {
            out.push(v);
        }
    }
    Some(Value::Array(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_stale_copy_does_not_revert_a_colleagues_edit() {
        // The page held name "A" and budget 10; a colleague set the budget to 12; the page
        // then saved its name change only. Expected by hand: name from the page, budget 12.
        let base = json!({"name": "A", "budget": {"total": 10}});
        let mine = json!({"name": "B", "budget": {"total": 10}});
        let theirs = json!({"name": "A", "budget": {"total": 12}});
        assert_eq!(
            rebase(&base, &mine, &theirs),
            json!({"name": "B", "budget": {"total": 12}})
        );
    }

    #[test]
    fn the_same_field_changed_on_both_sides_takes_the_users_value() {
        let base = json!({"name": "A"});
        assert_eq!(
            rebase(&base, &json!({"name": "Mine"}), &json!({"name": "Theirs"})),
            json!({"name": "Mine"})
        );
    }

    #[test]
    fn entity_lists_merge_item_by_item() {
        // Base k1, k2. The page edits k1's target and adds k3; a colleague edits k2's name,
        // deletes nothing and adds k4 after k2. Expected: k1 (page's edit), k2 (their edit),
        // k3 (page's, at the end of the page's order), k4 after k2.
        let base = json!({"kpis": [{"id": "k1", "target": 1}, {"id": "k2", "name": "x"}]});
        let mine =
            json!({"kpis": [{"id": "k1", "target": 5}, {"id": "k2", "name": "x"}, {"id": "k3"}]});
        let theirs =
            json!({"kpis": [{"id": "k1", "target": 1}, {"id": "k2", "name": "y"}, {"id": "k4"}]});
        assert_eq!(
            rebase(&base, &mine, &theirs),
            json!({"kpis": [{"id": "k1", "target": 5}, {"id": "k2", "name": "y"}, {"id": "k4"}, {"id": "k3"}]})
        );
    }

    #[test]
    fn deletions_on_either_side_stay_deleted_unless_the_user_changed_the_item() {
        let base =
            json!({"tasks": [{"id": "a", "t": 1}, {"id": "b", "t": 1}, {"id": "c", "t": 1}]});
        // The page deletes a and edits c; the colleague deletes b and c.
        let mine = json!({"tasks": [{"id": "b", "t": 1}, {"id": "c", "t": 2}]});
        let theirs = json!({"tasks": [{"id": "a", "t": 1}]});
        // a: deleted by the page; b: deleted by them, unchanged here; c: changed here, kept.
        assert_eq!(
            rebase(&base, &mine, &theirs),
            json!({"tasks": [{"id": "c", "t": 2}]})
        );
    }

    #[test]
    fn keys_added_or_removed_on_one_side_follow_that_side() {
        let base = json!({"a": 1, "b": 2});
        let mine = json!({"a": 1, "c": 3});
        let theirs = json!({"a": 1, "b": 2, "d": 4});
        assert_eq!(
            rebase(&base, &mine, &theirs),
            json!({"a": 1, "c": 3, "d": 4})
        );
    }

    #[test]
    fn a_list_of_plain_values_is_one_value() {
        let base = json!({"series": {"values": [1, 2]}});
        let mine = json!({"series": {"values": [1, 2, 3]}});
        let theirs = json!({"series": {"values": [1, 5]}});
        assert_eq!(rebase(&base, &mine, &theirs), mine);
    }
}
