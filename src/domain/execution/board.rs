//! The execution board: the workstreams of the seed's second flowchart, the good-practice
//! checklist suggested for each, which action-plan tasks belong to a workstream, and the
//! done / total roll-ups.

use crate::domain::model::lists::{find_mut, move_next_to};
use crate::domain::model::plan::{Channel, ExecutionItem, Plan, Task, TaskStatus, Workstream};
use crate::domain::values::date::Date;
use crate::i18n::{Lang, T};

/// The workstreams in the order of the seed's flowchart.
pub const WORKSTREAMS: [Workstream; 8] = [
    Workstream::Team,
    Workstream::Content,
    Workstream::Website,
    Workstream::Seo,
    Workstream::Sem,
    Workstream::Social,
    Workstream::Email,
    Workstream::Monitoring,
];

/// The statuses of a checklist item, in the order a form offers them.
pub const STATUSES: [TaskStatus; 4] = [
    TaskStatus::Todo,
    TaskStatus::Doing,
    TaskStatus::Blocked,
    TaskStatus::Done,
];

impl Workstream {
    /// A stable lowercase name, for DOM ids and CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Workstream::Team => "team",
            Workstream::Content => "content",
            Workstream::Website => "website",
            Workstream::Seo => "seo",
            Workstream::Sem => "sem",
            Workstream::Social => "social",
            Workstream::Email => "email",
            Workstream::Monitoring => "monitoring",
        }
    }

    /// The workstream's title.
    pub fn title(self) -> T {
        match self {
            Workstream::Team => T::WsTeam,
            Workstream::Content => T::WsContent,
            Workstream::Website => T::WsWebsite,
            Workstream::Seo => T::WsSeo,
            Workstream::Sem => T::WsSem,
            Workstream::Social => T::WsSocial,
            Workstream::Email => T::WsEmail,
            Workstream::Monitoring => T::WsMonitoring,
        }
    }

    /// The good-practice checklist suggested for the workstream.
    pub fn suggestions(self) -> &'static [T] {
        match self {
            Workstream::Team => &[
                T::SugTeamRoles,
                T::SugTeamHire,
                T::SugTeamTraining,
                T::SugTeamTools,
            ],
            Workstream::Content => &[
                T::SugContentCalendar,
                T::SugContentBriefs,
                T::SugContentFormats,
                T::SugContentReview,
            ],
            Workstream::Website => &[
                T::SugWebSpeed,
                T::SugWebResponsive,
                T::SugWebNavigation,
                T::SugWebTracking,
            ],
            Workstream::Seo => &[
                T::SugSeoKeywords,
                T::SugSeoOnPage,
                T::SugSeoTechnical,
                T::SugSeoOffPage,
            ],
            Workstream::Sem => &[
                T::SugSemAccount,
                T::SugSemKeywords,
                T::SugSemAds,
                T::SugSemBids,
            ],
            Workstream::Social => &[
                T::SugSocialProfiles,
                T::SugSocialCalendar,
                T::SugSocialCommunity,
                T::SugSocialPaid,
            ],
            Workstream::Email => &[
                T::SugEmailConsent,
                T::SugEmailSegments,
                T::SugEmailWelcome,
                T::SugEmailTest,
            ],
            Workstream::Monitoring => &[
                T::SugMonDashboard,
                T::SugMonUtm,
                T::SugMonWeekly,
                T::SugMonReport,
            ],
        }
    }
}

/// The workstream that runs a channel's tasks; `None` for channels the user named.
pub fn workstream_of(channel: &Channel) -> Option<Workstream> {
    match channel {
        Channel::Seo => Some(Workstream::Seo),
        Channel::Sem => Some(Workstream::Sem),
        Channel::Instagram
        | Channel::Facebook
        | Channel::Tiktok
        | Channel::X
        | Channel::Linkedin
        | Channel::Youtube => Some(Workstream::Social),
        Channel::Email => Some(Workstream::Email),
        Channel::Content => Some(Workstream::Content),
        Channel::Website => Some(Workstream::Website),
        Channel::Other(_) => None,
    }
}

/// The action-plan tasks whose channel belongs to the workstream, in plan order.
pub fn workstream_tasks(plan: &Plan, workstream: Workstream) -> Vec<&Task> {
    plan.tasks
        .iter()
        .filter(|t| t.channel.as_ref().and_then(workstream_of) == Some(workstream))
        .collect()
}

/// The checklist items of a workstream, in plan order.
pub fn workstream_items(plan: &Plan, workstream: Workstream) -> Vec<&ExecutionItem> {
    plan.execution
        .iter()
        .filter(|i| i.workstream == workstream)
        .collect()
}

/// Adds the suggested checklist of a workstream in `lang`, skipping suggestions whose text is
/// already an item of that workstream (so a second press adds nothing). Returns how many were
/// added. The items are the user's own from then on: edited and removed like any other.
pub fn add_suggestions(
    plan: &mut Plan,
    workstream: Workstream,
    lang: Lang,
    mut new_id: impl FnMut() -> String,
) -> usize {
    let mut added = 0;
    for key in workstream.suggestions() {
        let title = key.get(lang);
        let present = plan
            .execution
            .iter()
            .any(|i| i.workstream == workstream && i.title.trim() == title);
        if !present {
            plan.execution.push(ExecutionItem {
                id: new_id(),
                workstream,
                title: title.to_string(),
                owner: String::new(),
                due: None,
                status: TaskStatus::Todo,
            });
            added += 1;
        }
    }
    added
}

/// How much of a list is done.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Items done.
    pub done: usize,
    /// All items.
    pub total: usize,
}

impl Progress {
    /// The share done, 0–100, rounded down; `None` for an empty list.
    pub fn percent(self) -> Option<usize> {
        (self.total > 0).then(|| self.done * 100 / self.total)
    }
}

fn progress<'a>(items: impl Iterator<Item = &'a ExecutionItem>) -> Progress {
    items.fold(Progress::default(), |p, i| Progress {
        done: p.done + usize::from(i.status == TaskStatus::Done),
        total: p.total + 1,
    })
}

/// The checklist progress of one workstream.
pub fn workstream_progress(plan: &Plan, workstream: Workstream) -> Progress {
    progress(workstream_items(plan, workstream).into_iter())
}

/// The checklist progress of every workstream together.
pub fn overall_progress(plan: &Plan) -> Progress {
    progress(plan.execution.iter())
}

/// Where a card on the board comes from: an action-plan task or a workstream's checklist item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CardKind {
    /// A task of the action plan (phase 1), edited there.
    Task,
    /// A checklist item of a workstream, edited on the board.
    Item,
}

impl CardKind {
    /// A stable lowercase name, for DOM ids.
    pub fn as_str(self) -> &'static str {
        match self {
            CardKind::Task => "task",
            CardKind::Item => "item",
        }
    }
}

/// One card of the board.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// Task or checklist item.
    pub kind: CardKind,
    /// The id of the task or item.
    pub id: String,
    /// Its title as typed (may be blank).
    pub title: String,
    /// Its owner as typed.
    pub owner: String,
    /// When it is due: a task's end, an item's due date.
    pub due: Option<Date>,
    /// A task's channel.
    pub channel: Option<Channel>,
    /// The workstream: an item's own, a task's through its channel.
    pub workstream: Option<Workstream>,
    /// Its status: the board's column.
    pub status: TaskStatus,
    /// Due before today and not done.
    pub overdue: bool,
}

/// What the board shows: every card, or those of one workstream, of one owner.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BoardFilter {
    /// Only this workstream's cards.
    pub workstream: Option<Workstream>,
    /// Only the cards of this owner (compared without case or surrounding spaces).
    pub owner: Option<String>,
}

/// The same owner, as people type names: case and surrounding spaces do not count.
pub fn same_owner(a: &str, b: &str) -> bool {
    let a = a.trim();
    !a.is_empty() && a.to_lowercase() == b.trim().to_lowercase()
}

impl BoardFilter {
    fn keeps(&self, card: &Card) -> bool {
        self.workstream.is_none_or(|ws| card.workstream == Some(ws))
            && self
                .owner
                .as_deref()
                .is_none_or(|owner| same_owner(owner, &card.owner))
    }
}

fn task_card(t: &Task, today: Date) -> Card {
    Card {
        kind: CardKind::Task,
        id: t.id.clone(),
        title: t.title.clone(),
        owner: t.owner.clone(),
        due: t.end,
        channel: t.channel.clone(),
        workstream: t.channel.as_ref().and_then(workstream_of),
        status: t.status,
        overdue: t.status != TaskStatus::Done && t.end.is_some_and(|d| d < today),
    }
}

fn item_card(i: &ExecutionItem, today: Date) -> Card {
    Card {
        kind: CardKind::Item,
        id: i.id.clone(),
        title: i.title.clone(),
        owner: i.owner.clone(),
        due: i.due,
        channel: None,
        workstream: Some(i.workstream),
        status: i.status,
        overdue: i.status != TaskStatus::Done && i.due.is_some_and(|d| d < today),
    }
}

/// The card of a task or item, if it is still in the plan.
pub fn card(plan: &Plan, kind: CardKind, id: &str, today: Date) -> Option<Card> {
    match kind {
        CardKind::Task => {
            crate::domain::model::lists::find::<Task>(plan, id).map(|t| task_card(t, today))
        }
        CardKind::Item => crate::domain::model::lists::find::<ExecutionItem>(plan, id)
            .map(|i| item_card(i, today)),
    }
}

/// The board's columns, one per status in [`STATUSES`] order, each with the cards the filter
/// keeps: the action plan's tasks first, then the checklist items, each in plan order (the
/// order the user gives them by moving cards).
pub fn columns(plan: &Plan, filter: &BoardFilter, today: Date) -> Vec<(TaskStatus, Vec<Card>)> {
    let cards: Vec<Card> = plan
        .tasks
        .iter()
        .map(|t| task_card(t, today))
        .chain(plan.execution.iter().map(|i| item_card(i, today)))
        .filter(|c| filter.keeps(c))
        .collect();
    STATUSES
        .into_iter()
        .map(|status| {
            let column = cards
                .iter()
                .filter(|c| c.status == status)
                .cloned()
                .collect();
            (status, column)
        })
        .collect()
}

/// Everyone who owns a task or an item, once each (as first typed), sorted without case.
pub fn owners(plan: &Plan) -> Vec<String> {
    let mut owners: Vec<String> = Vec::new();
    let typed = plan
        .tasks
        .iter()
        .map(|t| &t.owner)
        .chain(plan.execution.iter().map(|i| &i.owner));
    for owner in typed {
        if !owner.trim().is_empty() && !owners.iter().any(|o| same_owner(o, owner)) {
            owners.push(owner.trim().to_string());
        }
    }
    crate::domain::values::sort::sort_by_key(&mut owners, |o| o.to_lowercase());
    owners
}

/// Sets a card's status, i.e. moves it to that column. Returns whether anything changed.
pub fn set_status(plan: &mut Plan, kind: CardKind, id: &str, status: TaskStatus) -> bool {
    let current = match kind {
        CardKind::Task => find_mut::<Task>(plan, id).map(|t| &mut t.status),
        CardKind::Item => find_mut::<ExecutionItem>(plan, id).map(|i| &mut i.status),
    };
    match current {
        Some(s) if *s != status => {
            *s = status;
            true
        }
        _ => false,
    }
}

/// The column left (`-1`) or right (`1`) of a status, if there is one.
pub fn neighbour_status(status: TaskStatus, delta: isize) -> Option<TaskStatus> {
    let at = STATUSES.iter().position(|s| *s == status)?;
    STATUSES.get(at.checked_add_signed(delta)?).copied()
}

/// Moves a card one place up (`-1`) or down (`1`) within its column as the board shows it
/// (`filter`): it changes places with the next card of its kind there, so cards hidden by the
/// filter or in other columns keep their places. Returns whether it moved.
pub fn move_in_column(
    plan: &mut Plan,
    filter: &BoardFilter,
    kind: CardKind,
    id: &str,
    delta: isize,
    today: Date,
) -> bool {
    let shown = columns(plan, filter, today);
    let Some(column) = shown
        .iter()
        .map(|(_, c)| c)
        .find(|c| c.iter().any(|x| x.kind == kind && x.id == id))
    else {
        return false;
    };
    let same: Vec<&Card> = column.iter().filter(|c| c.kind == kind).collect();
    let Some(at) = same.iter().position(|c| c.id == id) else {
        return false;
    };
    let Some(other) = at.checked_add_signed(delta).and_then(|i| same.get(i)) else {
        return false;
    };
    let target = other.id.clone();
    drop_card(plan, kind, id, None, Some((&target, delta > 0)))
}

/// A card dropped on the board: into the column of `status` (if given), and next to the card
/// `near` (`(id, after)`) when that is a card of the same kind, so the order within a column is
/// the order the user dropped it in. Returns whether anything changed.
pub fn drop_card(
    plan: &mut Plan,
    kind: CardKind,
    id: &str,
    status: Option<TaskStatus>,
    near: Option<(&str, bool)>,
) -> bool {
    let moved_column = status.is_some_and(|s| set_status(plan, kind, id, s));
    let reordered = near.is_some_and(|(target, after)| match kind {
        CardKind::Task => move_next_to(&mut plan.tasks, id, target, after),
        CardKind::Item => move_next_to(&mut plan.execution, id, target, after),
    });
    moved_column || reordered
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: &str, workstream: Workstream, status: TaskStatus) -> ExecutionItem {
        ExecutionItem {
            id: id.into(),
            workstream,
            title: id.into(),
            owner: String::new(),
            due: None,
            status,
        }
    }

    fn board_plan() -> Plan {
        let mut plan = Plan::blank("p", "P", 0);
        let day = |d: &str| Date::parse_iso(d).ok();
        plan.tasks = vec![
            Task {
                id: "t1".into(),
                title: "Brief the agency".into(),
                owner: "Rina".into(),
                end: day("2026-11-20"),
                channel: Some(Channel::Instagram),
                ..Task::default()
            },
            Task {
                id: "t2".into(),
                title: "Launch search ads".into(),
                owner: "Budi".into(),
                end: day("2026-12-10"),
                channel: Some(Channel::Sem),
                status: TaskStatus::Done,
                ..Task::default()
            },
        ];
        plan.execution = vec![
            ExecutionItem {
                owner: " rina ".into(),
                due: day("2026-11-30"),
                ..item("i1", Workstream::Social, TaskStatus::Todo)
            },
            item("i2", Workstream::Seo, TaskStatus::Doing),
            item("i3", Workstream::Social, TaskStatus::Todo),
        ];
        plan
    }

    fn today() -> Date {
        Date::parse_iso("2026-12-01").unwrap()
    }

    fn column_ids(plan: &Plan, filter: &BoardFilter, status: TaskStatus) -> Vec<String> {
        columns(plan, filter, today())
            .into_iter()
            .find(|(s, _)| *s == status)
            .map(|(_, c)| c.into_iter().map(|c| c.id).collect())
            .unwrap_or_default()
    }

    // Guards: the board shows tasks and checklist items in the column of their status, a task
    // under its channel's workstream, and "overdue" only for what is not done and due before
    // today (2026-12-01: t1 ended 2026-11-20 and is to do; t2 ended later and is done anyway).
    #[test]
    fn cards_sit_in_their_status_column_with_their_facts() {
        let plan = board_plan();
        let all = BoardFilter::default();
        assert_eq!(
            column_ids(&plan, &all, TaskStatus::Todo),
            ["t1", "i1", "i3"]
        );
        assert_eq!(column_ids(&plan, &all, TaskStatus::Doing), ["i2"]);
        assert!(column_ids(&plan, &all, TaskStatus::Blocked).is_empty());
        assert_eq!(column_ids(&plan, &all, TaskStatus::Done), ["t2"]);
        let cols = columns(&plan, &all, today());
        let t1 = &cols[0].1[0];
        assert_eq!(
            (t1.workstream, t1.overdue, t1.kind),
            (Some(Workstream::Social), true, CardKind::Task)
        );
        // i1 was due 2026-11-30, the day before today.
        assert!(cols[0].1[1].overdue);
        assert!(!cols[3].1[0].overdue);
    }

    // Guards: the workstream and owner filters, and "my tasks" matching a name however it was
    // typed (" rina " is Rina's).
    #[test]
    fn filters_keep_a_workstream_or_an_owner() {
        let plan = board_plan();
        let seo = BoardFilter {
            workstream: Some(Workstream::Seo),
            owner: None,
        };
        assert_eq!(column_ids(&plan, &seo, TaskStatus::Doing), ["i2"]);
        assert!(column_ids(&plan, &seo, TaskStatus::Todo).is_empty());
        let rina = BoardFilter {
            workstream: None,
            owner: Some("RINA".into()),
        };
        assert_eq!(column_ids(&plan, &rina, TaskStatus::Todo), ["t1", "i1"]);
        assert!(column_ids(&plan, &rina, TaskStatus::Done).is_empty());
        assert_eq!(owners(&plan), ["Budi", "Rina"]);
    }

    // Guards: moving a card changes its status (the column), left and right stop at the
    // board's edges, and up/down swap it with the next card of its kind in the column, skipping
    // cards of other columns (i2 sits between i1 and i3 in the list but is in "Doing").
    #[test]
    fn moves_change_the_column_and_the_order_within_it() {
        let mut plan = board_plan();
        let all = BoardFilter::default();
        assert!(drop_card(
            &mut plan,
            CardKind::Task,
            "t1",
            Some(TaskStatus::Doing),
            None
        ));
        assert_eq!(column_ids(&plan, &all, TaskStatus::Doing), ["t1", "i2"]);
        assert_eq!(plan.tasks[0].status, TaskStatus::Doing);
        assert!(!drop_card(
            &mut plan,
            CardKind::Task,
            "t1",
            Some(TaskStatus::Doing),
            None
        ));
        assert_eq!(neighbour_status(TaskStatus::Todo, -1), None);
        assert_eq!(
            neighbour_status(TaskStatus::Blocked, 1),
            Some(TaskStatus::Done)
        );
        assert_eq!(neighbour_status(TaskStatus::Done, 1), None);
        // i3 up: it passes i1 (i2 is in another column).
        assert!(move_in_column(
            &mut plan,
            &all,
            CardKind::Item,
            "i3",
            -1,
            today()
        ));
        assert_eq!(column_ids(&plan, &all, TaskStatus::Todo), ["i3", "i1"]);
        assert_eq!(
            plan.execution
                .iter()
                .map(|i| i.id.as_str())
                .collect::<String>(),
            "i3i1i2"
        );
        assert!(!move_in_column(
            &mut plan,
            &all,
            CardKind::Item,
            "i3",
            -1,
            today()
        ));
        // A drop next to a card of the same kind places it there, in the new column.
        assert!(drop_card(
            &mut plan,
            CardKind::Item,
            "i1",
            Some(TaskStatus::Doing),
            Some(("i2", true))
        ));
        assert_eq!(
            column_ids(&plan, &all, TaskStatus::Doing),
            ["t1", "i2", "i1"]
        );
    }

    fn counter() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("x{n}")
        }
    }

    // Guards: every workstream of the seed offers a checklist, and no suggestion twice.
    #[test]
    fn every_workstream_has_its_own_suggestions() {
        let mut all: Vec<T> = Vec::new();
        for ws in WORKSTREAMS {
            assert!(!ws.suggestions().is_empty(), "{ws:?}");
            all.extend(ws.suggestions());
        }
        let count = all.len();
        all.dedup();
        assert_eq!(all.len(), count);
    }

    // Guards: pressing "Add the suggested checklist" twice must not duplicate items, and the
    // items carry the plan language's text.
    #[test]
    fn suggestions_are_added_once_in_the_language_given() {
        let mut plan = Plan::blank("p", "P", 0);
        let mut ids = counter();
        let added = add_suggestions(&mut plan, Workstream::Website, Lang::En, &mut ids);
        assert_eq!(added, Workstream::Website.suggestions().len());
        assert!(plan
            .execution
            .iter()
            .any(|i| i.title == T::SugWebSpeed.get(Lang::En)));
        assert_eq!(
            add_suggestions(&mut plan, Workstream::Website, Lang::En, &mut ids),
            0
        );
        assert_eq!(plan.execution.len(), added);
        assert!(plan
            .execution
            .iter()
            .all(|i| i.workstream == Workstream::Website));
    }

    // Guards: the roll-ups count done items per workstream and overall, and an empty list has
    // no percentage rather than a division by zero.
    #[test]
    fn progress_rolls_up_per_workstream_and_overall() {
        let mut plan = Plan::blank("p", "P", 0);
        plan.execution = vec![
            item("a", Workstream::Seo, TaskStatus::Done),
            item("b", Workstream::Seo, TaskStatus::Doing),
            item("c", Workstream::Seo, TaskStatus::Blocked),
            item("d", Workstream::Email, TaskStatus::Done),
        ];
        let seo = workstream_progress(&plan, Workstream::Seo);
        assert_eq!((seo.done, seo.total, seo.percent()), (1, 3, Some(33)));
        let all = overall_progress(&plan);
        assert_eq!((all.done, all.total, all.percent()), (2, 4, Some(50)));
        assert_eq!(workstream_progress(&plan, Workstream::Team).percent(), None);
    }

    // Guards: tasks show under the workstream of their channel; social platforms share one.
    #[test]
    fn tasks_follow_their_channel_to_a_workstream() {
        let mut plan = Plan::blank("p", "P", 0);
        let task = |id: &str, channel: Option<Channel>| Task {
            id: id.into(),
            channel,
            ..Task::default()
        };
        plan.tasks = vec![
            task("ig", Some(Channel::Instagram)),
            task("tt", Some(Channel::Tiktok)),
            task("seo", Some(Channel::Seo)),
            task("none", None),
            task("other", Some(Channel::Other("Shopee".into()))),
        ];
        let social: Vec<&str> = workstream_tasks(&plan, Workstream::Social)
            .iter()
            .map(|t| t.id.as_str())
            .collect();
        assert_eq!(social, ["ig", "tt"]);
        assert_eq!(workstream_tasks(&plan, Workstream::Seo).len(), 1);
        assert!(workstream_tasks(&plan, Workstream::Team).is_empty());
    }
}
