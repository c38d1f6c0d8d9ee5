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
