//! Two tabs, one plan: a three-way merge of this tab's edits ("mine") and another tab's saved
//! version ("theirs") against the version both started from ("base"), field by field and, in
//! lists, item by item by id. Only a field both changed, differently, is a conflict for the
//! user to decide; everything else merges without asking.
//!
//! It works on the plan's JSON form, so every field (present and future) takes part without
//! this module naming it: objects merge key by key, lists of items with an `id` merge by id,
//! lists of plain values (ids, channels) merge as sets, anything else is one value.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use crate::domain::model::plan::Plan;
use crate::domain::model::validate::validate;

/// What merging the two versions gave.
#[derive(Clone, Debug, PartialEq)]
pub enum Merged {
    /// Both versions' edits in one plan (revision and time of edit left to the caller).
    Clean(Box<Plan>),
    /// The same fields changed in both: their paths, as the user can read them
    /// (`goal › relevant`, `kpis › Sessions › target`).
    Conflicts(Vec<String>),
}

/// Which version wins the fields both tabs changed, once the user has chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prefer {
    /// This tab's.
    Mine,
    /// The other tab's.
    Theirs,
}

/// Fields that change with every save: they are no edit of their own and never conflict.
const BOOKKEEPING: [&str; 2] = ["revision", "updated_at"];

/// Merges `mine` and `theirs`, two edits of `base`. The result keeps `theirs`' revision and
/// time of edit; the caller saves it as a new revision.
pub fn merge_plans(base: &Plan, mine: &Plan, theirs: &Plan) -> Merged {
    // A decision on the plan (approved, reopened) in one tab and edits in the other: the
    // approval covers a version the other tab never saw, so the user decides.
    let status_changed = mine.status != base.status || theirs.status != base.status;
    if status_changed && mine.status != theirs.status {
        return Merged::Conflicts(vec!["status".to_string()]);
    }
    match merge_with(base, mine, theirs, None) {
        Ok(plan) => Merged::Clean(Box::new(plan)),
        Err(paths) => Merged::Conflicts(paths),
    }
}

/// The user's answer to a conflict: both versions' edits, the preferred one's value in each
/// field both changed. `None` when even that does not make a valid plan (an item one tab
/// deleted and the other still refers to), so only a whole version can be kept.
pub fn resolve(base: &Plan, mine: &Plan, theirs: &Plan, prefer: Prefer) -> Option<Plan> {
    merge_with(base, mine, theirs, Some(prefer)).ok()
}

fn merge_with(
    base: &Plan,
    mine: &Plan,
    theirs: &Plan,
    prefer: Option<Prefer>,
) -> Result<Plan, Vec<String>> {
    let (Some(mut b), Some(mut m), Some(t)) = (as_value(base), as_value(mine), as_value(theirs))
    else {
        return Err(vec![String::new()]);
    };
    for key in BOOKKEEPING {
        if let (Some(b), Some(m), Some(value)) = (b.get_mut(key), m.get_mut(key), t.get(key)) {
            *b = value.clone();
            *m = value.clone();
        }
    }
    let mut walk = Walk {
        path: Vec::new(),
        conflicts: Vec::new(),
        prefer,
    };
    let merged = walk.value(Some(&b), Some(&m), Some(&t));
    if prefer.is_none() && !walk.conflicts.is_empty() {
        return Err(walk.conflicts);
    }
    let Some(plan) =
        merged.and_then(|v| crate::domain::plan_file::value_reader::read::<Plan>(&v).ok())
    else {
        return Err(vec![String::new()]);
    };
    // Each edit can be fine alone and wrong together: a task that depends on a task the other
    // tab deleted. Any problem neither version had is for the user to resolve.
    let known: Vec<_> = validate(mine)
        .into_iter()
        .chain(validate(theirs))
        .map(|issue| issue.kind)
        .collect();
    let new: Vec<String> = validate(&plan)
        .into_iter()
        .filter(|issue| !known.contains(&issue.kind))
        .map(|issue| issue.path)
        .collect();
    if new.is_empty() {
        Ok(plan)
    } else {
        Err(new)
    }
}

fn as_value(plan: &Plan) -> Option<Value> {
    plan.to_json_value()
}

/// One merge's walk through the three versions: where it is, and what it found.
struct Walk {
    path: Vec<String>,
    conflicts: Vec<String>,
    prefer: Option<Prefer>,
}

type Items<'a> = (&'a [Value], &'a HashMap<&'a str, &'a Value>);

impl Walk {
    /// Merges one value; `None` is "not there" (an item deleted, a key absent). Conflicts are
    /// recorded with their path and take the preferred side's value (mine while none is
    /// preferred, only so that the walk goes on).
    fn value(
        &mut self,
        base: Option<&Value>,
        mine: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        if mine == theirs || mine == base {
            return theirs.cloned();
        }
        if theirs == base {
            return mine.cloned();
        }
        // Both changed it, differently.
        match (base, mine, theirs) {
            (Some(Value::Object(b)), Some(Value::Object(m)), Some(Value::Object(t))) => {
                Some(Value::Object(self.objects(b, m, t)))
            }
            (Some(Value::Array(b)), Some(Value::Array(m)), Some(Value::Array(t))) => {
                if let (Some(bi), Some(mi), Some(ti)) = (by_id(b), by_id(m), by_id(t)) {
                    Some(Value::Array(self.items((b, &bi), (m, &mi), (t, &ti))))
                } else if let Some(set) = merge_sets(b, m, t) {
                    Some(Value::Array(set))
                } else {
                    self.conflict(mine, theirs)
                }
            }
            _ => self.conflict(mine, theirs),
        }
    }

    fn conflict(&mut self, mine: Option<&Value>, theirs: Option<&Value>) -> Option<Value> {
        self.conflicts.push(self.path.join(" › "));
        match self.prefer {
            Some(Prefer::Theirs) => theirs.cloned(),
            _ => mine.cloned(),
        }
    }

    fn objects(
        &mut self,
        base: &Map<String, Value>,
        mine: &Map<String, Value>,
        theirs: &Map<String, Value>,
    ) -> Map<String, Value> {
        // Theirs' key order, then keys only mine has.
        let keys: Vec<&String> = theirs
            .keys()
            .chain(mine.keys().filter(|k| !theirs.contains_key(*k)))
            .chain(
                base.keys()
                    .filter(|k| !theirs.contains_key(*k) && !mine.contains_key(*k)),
            )
            .collect();
        let mut out = Map::new();
        for key in keys {
            self.path.push(key.clone());
            let value = self.value(base.get(key), mine.get(key), theirs.get(key));
            self.path.pop();
            if let Some(value) = value {
                out.insert(key.clone(), value);
            }
        }
        out
    }

    fn items(&mut self, (base, b): Items, (mine, m): Items, (theirs, t): Items) -> Vec<Value> {
        let mut merged: HashMap<&str, Value> = HashMap::new();
        let every: Vec<&str> = {
            let mut seen = HashSet::new();
            ids(theirs)
                .into_iter()
                .chain(ids(mine))
                .chain(ids(base))
                .filter(|id| seen.insert(*id))
                .collect()
        };
        for id in every {
            let (bv, mv, tv) = (b.get(id).copied(), m.get(id).copied(), t.get(id).copied());
            self.path.push(label(mv.or(tv).or(bv), id));
            if let Some(value) = self.value(bv, mv, tv) {
                merged.insert(id, value);
            }
            self.path.pop();
        }
        // The order: the side that reordered the items all three have, else theirs; then the
        // items only the other side added, each after the item it followed there.
        let kept = |list| kept(list, [b, m, t]);
        let mine_reordered = kept(mine) != kept(base) && kept(theirs) == kept(base);
        let (backbone, other) = if mine_reordered {
            (mine, theirs)
        } else {
            (theirs, mine)
        };
        let mut order: Vec<&str> = ids(backbone)
            .into_iter()
            .filter(|id| merged.contains_key(id))
            .collect();
        let mut previous: Option<&str> = None;
        for id in ids(other) {
            if merged.contains_key(id) && !order.contains(&id) {
                let at = previous
                    .and_then(|p| order.iter().position(|o| *o == p))
                    .map_or(0, |i| i + 1);
                order.insert(at, id);
            }
            if order.contains(&id) {
                previous = Some(id);
            }
        }
        // Items neither list places (removed from both lists, kept by a choice): at the end.
        for id in ids(base) {
            if merged.contains_key(id) && !order.contains(&id) {
                order.push(id);
            }
        }
        order
            .into_iter()
            .filter_map(|id| merged.remove(id))
            .collect()
    }
}

/// A list's items by id, when every item is an object with a string `id`, each id once.
fn by_id(items: &[Value]) -> Option<HashMap<&str, &Value>> {
    let mut out = HashMap::with_capacity(items.len());
    for item in items {
        let id = item.get("id")?.as_str()?;
        if out.insert(id, item).is_some() {
            return None;
        }
    }
    Some(out)
}

fn ids(items: &[Value]) -> Vec<&str> {
    items
        .iter()
        .filter_map(|item| item.get("id").and_then(Value::as_str))
        .collect()
}

/// The ids of `list` that all three versions have, in `list`'s order.
fn kept<'a>(list: &'a [Value], sides: [&HashMap<&str, &Value>; 3]) -> Vec<&'a str> {
    ids(list)
        .into_iter()
        .filter(|id| sides.iter().all(|side| side.contains_key(id)))
        .collect()
}

/// How a user recognises an item in a conflict's path: its name or title, else its id.
fn label(item: Option<&Value>, id: &str) -> String {
    ["name", "title", "text", "label"]
        .iter()
        .find_map(|key| item?.get(*key)?.as_str().filter(|s| !s.trim().is_empty()))
        .unwrap_or(id)
        .chars()
        .take(40)
        .collect()
}

/// Lists of texts, each once (ids, channels, causes): what either side added or removed. Only
/// texts: a list of numbers is a column of values (a series), where order and repeats mean
/// something, so it is one value.
fn merge_sets(base: &[Value], mine: &[Value], theirs: &[Value]) -> Option<Vec<Value>> {
    let plain = |list: &[Value]| {
        list.iter().all(Value::is_string)
            && list
                .iter()
                .enumerate()
                .all(|(i, v)| !list.iter().take(i).any(|w| w == v))
    };
    if !(plain(base) && plain(mine) && plain(theirs)) {
        return None;
    }
    let mut out: Vec<Value> = theirs
        .iter()
        // Kept unless mine removed it.
        .filter(|v| !base.contains(v) || mine.contains(v))
        .cloned()
        .collect();
    for v in mine {
        if !base.contains(v) && !out.contains(v) {
            out.push(v.clone());
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::plan::{Kpi, Task};

    fn base() -> Plan {
        let mut plan: Plan = serde_json::from_value(serde_json::json!({
            "schema_version": crate::domain::model::plan::SCHEMA_VERSION,
            "id": "batik",
            "name": "Batik Ramadan",
            "revision": 4,
        }))
        .unwrap();
        plan.goal.specific = "Raise sales of batik".into();
        plan.goal.relevant = "Ramadan is our peak".into();
        plan.tasks = ["Brief", "Shoot", "Launch"]
            .iter()
            .enumerate()
            .map(|(i, name)| Task {
                id: format!("t{i}"),
                title: (*name).into(),
                ..Task::default()
            })
            .collect();
        plan
    }

    fn saved(mut plan: Plan, revision: u64) -> Plan {
        plan.revision = revision;
        plan.updated_at = revision as i64 * 1000;
        plan
    }

    fn clean(merged: Merged) -> Plan {
        match merged {
            Merged::Clean(plan) => *plan,
            Merged::Conflicts(paths) => panic!("unexpected conflicts {paths:?}"),
        }
    }

    // Guards: issue #16: tab A edits the goal's "specific", tab B its "relevant"; both edits
    // are kept without a question.
    #[test]
    fn edits_of_different_fields_merge() {
        let base = base();
        let mut theirs = saved(base.clone(), 5);
        theirs.goal.specific = "Raise online sales of batik tulis".into();
        let mut mine = saved(base.clone(), 5);
        mine.goal.relevant = "Ramadan brings 40% of yearly sales".into();
        let plan = clean(merge_plans(&base, &mine, &theirs));
        assert_eq!(plan.goal.specific, "Raise online sales of batik tulis");
        assert_eq!(plan.goal.relevant, "Ramadan brings 40% of yearly sales");
        // Revision and time are theirs: the caller saves the result as the next revision.
        assert_eq!(plan.revision, 5);
    }

    // Guards: the same field changed to two different texts is the user's decision, named.
    #[test]
    fn the_same_field_changed_in_both_is_a_conflict_named_by_its_path() {
        let base = base();
        let mut theirs = base.clone();
        theirs.goal.relevant = "A".into();
        let mut mine = base.clone();
        mine.goal.relevant = "B".into();
        mine.goal.specific = "only mine".into();
        assert_eq!(
            merge_plans(&base, &mine, &theirs),
            Merged::Conflicts(vec!["goal › relevant".into()])
        );
        // Both typing the same text is no conflict.
        theirs.goal.relevant = "B".into();
        assert_eq!(
            clean(merge_plans(&base, &mine, &theirs)).goal.specific,
            "only mine"
        );
    }

    // Guards: items are matched by id, so an edit of one task and an edit of another merge,
    // and items each tab added are both kept, each after the item it followed.
    #[test]
    fn list_items_merge_by_id_with_additions_from_both() {
        let base = base();
        let mut theirs = base.clone();
        theirs.tasks[0].owner = "Sari".into();
        theirs.tasks.push(Task {
            id: "t-theirs".into(),
            title: "Report".into(),
            ..Task::default()
        });
        let mut mine = base.clone();
        mine.tasks[2].title = "Launch on 1 March".into();
        mine.tasks.insert(
            1,
            Task {
                id: "t-mine".into(),
                title: "Cast models".into(),
                ..Task::default()
            },
        );
        let plan = clean(merge_plans(&base, &mine, &theirs));
        let names: Vec<&str> = plan.tasks.iter().map(|t| t.title.as_str()).collect();
        assert_eq!(
            names,
            [
                "Brief",
                "Cast models",
                "Shoot",
                "Launch on 1 March",
                "Report"
            ]
        );
        assert_eq!(plan.tasks[0].owner, "Sari");
    }

    // Guards: a delete in one tab and an untouched item in the other removes it; a delete in
    // one and an edit of the same item in the other is asked.
    #[test]
    fn deletes_merge_unless_the_other_tab_edited_the_item() {
        let base = base();
        let mut theirs = base.clone();
        theirs.tasks.remove(1);
        let mut mine = base.clone();
        mine.goal.specific = "x".into();
        let plan = clean(merge_plans(&base, &mine, &theirs));
        assert_eq!(plan.tasks.len(), 2);
        assert_eq!(plan.goal.specific, "x");

        mine.tasks[1].owner = "Budi".into();
        assert_eq!(
            merge_plans(&base, &mine, &theirs),
            Merged::Conflicts(vec!["tasks › Shoot".into()])
        );
    }

    // Guards: two edits fine alone can be wrong together (a dependency on a task the other tab
    // deleted): that merge is asked, never saved with a dangling reference.
    #[test]
    fn a_merge_that_breaks_a_reference_is_a_conflict() {
        let base = base();
        let mut theirs = base.clone();
        theirs.tasks.remove(0);
        let mut mine = base.clone();
        mine.tasks[2].depends_on = vec!["t0".into()];
        match merge_plans(&base, &mine, &theirs) {
            Merged::Conflicts(paths) => {
                assert!(paths.iter().any(|p| p.contains("depends_on")), "{paths:?}")
            }
            Merged::Clean(_) => panic!("a dangling dependency was merged"),
        }
    }

    // Guards: lists of ids merge as sets: evidence added in each tab is all kept.
    #[test]
    fn plain_lists_merge_as_sets() {
        let base = base();
        let mut theirs = base.clone();
        theirs.tasks[1].depends_on = vec!["t0".into()];
        let mut mine = base.clone();
        mine.tasks[1].depends_on = vec!["t2".into()];
        let plan = clean(merge_plans(&base, &mine, &theirs));
        assert_eq!(plan.tasks[1].depends_on, ["t0", "t2"]);
    }

    // Guards: a column of numbers (a series of values) is never merged as a set: dropping a
    // repeated 5 or reordering days would change the data.
    #[test]
    fn lists_of_numbers_are_one_value() {
        let (b, m, t) = (
            [serde_json::json!(1), serde_json::json!(2)],
            [serde_json::json!(1), serde_json::json!(3)],
            [
                serde_json::json!(1),
                serde_json::json!(2),
                serde_json::json!(4),
            ],
        );
        assert_eq!(merge_sets(&b, &m, &t), None);
        let words = |w: &[&str]| w.iter().map(|s| serde_json::json!(s)).collect::<Vec<_>>();
        assert_eq!(
            merge_sets(
                &words(&["a", "b"]),
                &words(&["a", "c"]),
                &words(&["a", "b", "d"])
            ),
            Some(words(&["a", "d", "c"]))
        );
    }

    // Guards: a KPI target changed in one tab and a KPI added in the other both land.
    #[test]
    fn kpi_edit_and_kpi_added_merge() {
        let mut base = base();
        base.kpis.push(Kpi {
            id: "k1".into(),
            name: "Sessions".into(),
            target: Some(1000.0),
            ..Kpi::default()
        });
        let mut theirs = base.clone();
        theirs.kpis[0].target = Some(1200.0);
        let mut mine = base.clone();
        mine.kpis.push(Kpi {
            id: "k2".into(),
            name: "CTR".into(),
            target: Some(3.5),
            ..Kpi::default()
        });
        let plan = clean(merge_plans(&base, &mine, &theirs));
        assert_eq!(plan.kpis.len(), 2);
        assert_eq!(plan.kpis[0].target, Some(1200.0));
        assert_eq!(plan.kpis[1].name, "CTR");
        // Both changing the same target differently is asked, by the KPI's name.
        mine.kpis[0].target = Some(900.0);
        assert_eq!(
            merge_plans(&base, &mine, &theirs),
            Merged::Conflicts(vec!["kpis › Sessions › target".into()])
        );
    }

    // Guards: once asked, the user's choice decides the fields both changed, and every other
    // edit of both tabs is still kept.
    #[test]
    fn resolving_keeps_both_sides_other_edits() {
        let base = base();
        let mut theirs = base.clone();
        theirs.goal.relevant = "theirs".into();
        theirs.tasks[0].owner = "Sari".into();
        let mut mine = base.clone();
        mine.goal.relevant = "mine".into();
        mine.goal.specific = "my specific".into();
        let fields = |p: &Plan| {
            (
                p.goal.relevant.clone(),
                p.goal.specific.clone(),
                p.tasks[0].owner.clone(),
            )
        };
        let kept = resolve(&base, &mine, &theirs, Prefer::Mine).unwrap();
        assert_eq!(
            fields(&kept),
            ("mine".into(), "my specific".into(), "Sari".into())
        );
        let taken = resolve(&base, &mine, &theirs, Prefer::Theirs).unwrap();
        assert_eq!(
            fields(&taken),
            ("theirs".into(), "my specific".into(), "Sari".into())
        );
    }

    // Guards: an approval in one tab while the other edited: asked, never merged silently.
    #[test]
    fn a_status_change_against_edits_is_asked() {
        let base = base();
        let mut theirs = base.clone();
        theirs.status = crate::domain::model::plan::PlanStatus::Approved;
        let mut mine = base.clone();
        mine.goal.specific = "x".into();
        assert_eq!(
            merge_plans(&base, &mine, &theirs),
            Merged::Conflicts(vec!["status".into()])
        );
    }
}
