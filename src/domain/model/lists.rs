//! The plan's lists of entities (competitors, personas, gaps, channels, KPIs, allocations,
//! tasks, content, spend, measurements, problems, actions), each item with a stable id: one
//! way to find an item, by id, in the plan or in a list.

use crate::domain::model::plan::{
    Allocation, ChannelPlan, Competitor, ContentItem, ExecutionItem, Kpi, MarketGap, Measurement,
    Note, Optimisation, Persona, Plan, Problem, SpendEntry, Task,
};

/// Something with a stable id.
pub trait Identified {
    /// The id.
    fn id(&self) -> &str;
}

/// A kind of entity kept in one list of the plan, so a form finds it by id.
pub trait Listed: Identified + Sized + 'static {
    /// The plan's list of these.
    fn list(plan: &Plan) -> &[Self];
    /// The plan's list of these, to change.
    fn list_mut(plan: &mut Plan) -> &mut Vec<Self>;
}

macro_rules! identified {
    ($($ty:ty),*) => {$(
        impl Identified for $ty {
            fn id(&self) -> &str {
                &self.id
            }
        }
    )*};
}
identified!(
    Note,
    Competitor,
    Persona,
    MarketGap,
    ChannelPlan,
    Kpi,
    Allocation,
    Task,
    ExecutionItem,
    ContentItem,
    SpendEntry,
    Measurement,
    Problem,
    Optimisation
);

macro_rules! listed {
    ($($ty:ty => $($field:ident).+;)*) => {$(
        impl Listed for $ty {
            fn list(plan: &Plan) -> &[Self] {
                &plan.$($field).+
            }
            fn list_mut(plan: &mut Plan) -> &mut Vec<Self> {
                &mut plan.$($field).+
            }
        }
    )*};
}

listed! {
    Competitor => competitors;
    Persona => personas;
    MarketGap => gaps;
    ChannelPlan => channels;
    Kpi => kpis;
    Allocation => budget.allocations;
    Task => tasks;
    ExecutionItem => execution;
    ContentItem => content;
    SpendEntry => spend;
    Measurement => measurements;
    Problem => problems;
    Optimisation => optimisations;
}

/// The item of the plan with this id.
pub fn find<'a, I: Listed>(plan: &'a Plan, id: &str) -> Option<&'a I> {
    find_in(I::list(plan), id)
}

/// The item of the plan with this id, to change.
pub fn find_mut<'a, I: Listed>(plan: &'a mut Plan, id: &str) -> Option<&'a mut I> {
    find_in_mut(I::list_mut(plan), id)
}

/// The item of `list` with this id.
pub fn find_in<'a, I: Identified>(list: &'a [I], id: &str) -> Option<&'a I> {
    list.iter().find(|x| x.id() == id)
}

/// The item of `list` with this id, to change.
pub fn find_in_mut<'a, I: Identified>(list: &'a mut [I], id: &str) -> Option<&'a mut I> {
    list.iter_mut().find(|x| x.id() == id)
}

/// The 1-based position of the item with `id`, for labels such as "Trend 2".
pub fn position<I: Identified>(list: &[I], id: &str) -> Option<usize> {
    list.iter().position(|x| x.id() == id).map(|i| i + 1)
}

/// The ids of a list, in order (what a keyed list renders).
pub fn ids<I: Identified>(list: &[I]) -> Vec<String> {
    list.iter().map(|x| x.id().to_string()).collect()
}

/// Moves the item with `id` by `delta` places (−1: up one), stopping at either end. Returns
/// whether it moved, so a button at the end of the list does nothing and says so.
pub fn move_by<I: Identified>(list: &mut [I], id: &str, delta: isize) -> bool {
    let Some(from) = list.iter().position(|x| x.id() == id) else {
        return false;
    };
    let to = from.saturating_add_signed(delta).min(list.len() - 1);
    move_index(list, from, to)
}

/// Moves the item with `id` to just before the item `before` (or after it, with `after`), as a
/// drop in a dragged list does. Nothing happens when either is gone or they are the same item.
pub fn move_next_to<I: Identified>(list: &mut [I], id: &str, target: &str, after: bool) -> bool {
    let (Some(from), Some(at)) = (
        list.iter().position(|x| x.id() == id),
        list.iter().position(|x| x.id() == target),
    ) else {
        return false;
    };
    if from == at {
        return false;
    }
    // The target's index once the moved item is out of the list.
    let at = if from < at { at - 1 } else { at };
    move_index(list, from, at + usize::from(after))
}

fn move_index<I>(list: &mut [I], from: usize, to: usize) -> bool {
    match from.cmp(&to) {
        std::cmp::Ordering::Less => list[from..=to].rotate_left(1),
        std::cmp::Ordering::Greater => list[to..=from].rotate_right(1),
        std::cmp::Ordering::Equal => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct X(&'static str);
    impl Identified for X {
        fn id(&self) -> &str {
            self.0
        }
    }

    fn order(list: &[X]) -> String {
        list.iter().map(|x| x.0).collect()
    }

    fn abcd() -> Vec<X> {
        vec![X("a"), X("b"), X("c"), X("d")]
    }

    // Guards: "move up" and "move down" shift one place, and stop at the ends without wrapping.
    #[test]
    fn moving_by_one_stops_at_the_ends() {
        let mut list = abcd();
        assert!(move_by(&mut list, "c", -1));
        assert_eq!(order(&list), "acbd");
        assert!(move_by(&mut list, "a", 1));
        assert_eq!(order(&list), "cabd");
        assert!(!move_by(&mut list, "c", -1));
        assert!(!move_by(&mut list, "d", 1));
        assert!(!move_by(&mut list, "gone", 1));
        assert_eq!(order(&list), "cabd");
    }

    // Guards: a drop lands where the user let go, before or after the target, whether the item
    // came from above or below it.
    #[test]
    fn a_drop_lands_next_to_its_target() {
        let mut list = abcd();
        assert!(move_next_to(&mut list, "a", "c", false));
        assert_eq!(order(&list), "bacd");
        let mut list = abcd();
        assert!(move_next_to(&mut list, "a", "c", true));
        assert_eq!(order(&list), "bcad");
        let mut list = abcd();
        assert!(move_next_to(&mut list, "d", "b", false));
        assert_eq!(order(&list), "adbc");
        let mut list = abcd();
        assert!(move_next_to(&mut list, "d", "a", false));
        assert_eq!(order(&list), "dabc");
        // Dropped just before the next item: the order does not change.
        let mut list = abcd();
        assert!(!move_next_to(&mut list, "b", "c", false));
        assert!(!move_next_to(&mut list, "b", "b", true));
        assert!(!move_next_to(&mut list, "b", "gone", true));
        assert_eq!(order(&list), "abcd");
    }
}
