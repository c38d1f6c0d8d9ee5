//! The execution board: the workstreams of the seed's second flowchart, the good-practice
//! checklist suggested for each, which action-plan tasks belong to a workstream, and the
//! done / total roll-ups.

use crate::domain::model::plan::{Channel, ExecutionItem, Plan, Task, TaskStatus, Workstream};
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
