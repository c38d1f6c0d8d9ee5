//! The workflow of the seed text: three phases, each a sequence of steps. The navigation, the
//! URLs and the wizard all read from here, so the app follows one map.

use crate::i18n::T;

/// One of the three phases of a campaign.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Phase {
    /// Research and planning, ending in management approval.
    Plan,
    /// Running the approved plan.
    Execute,
    /// Measuring, analysing and optimising.
    Improve,
}

impl Phase {
    /// The phases in workflow order.
    pub const ALL: [Phase; 3] = [Phase::Plan, Phase::Execute, Phase::Improve];

    /// The phase's title.
    pub fn title(self) -> T {
        match self {
            Phase::Plan => T::PhasePlan,
            Phase::Execute => T::PhaseExecute,
            Phase::Improve => T::PhaseImprove,
        }
    }

    /// The phase's steps in order.
    pub fn steps(self) -> impl Iterator<Item = Step> {
        Step::ALL.into_iter().filter(move |s| s.phase() == self)
    }
}

macro_rules! steps {
    ($($variant:ident = $slug:literal, $phase:ident, $title:ident, $guide:ident;)*) => {
        /// A page of the workflow, with its own URL.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Step { $($variant),* }

        impl Step {
            /// Every step in workflow order.
            pub const ALL: [Step; [$(Step::$variant),*].len()] = [$(Step::$variant),*];

            /// The URL segment of the step; stable, since bookmarks hold it.
            pub fn slug(self) -> &'static str {
                match self { $(Step::$variant => $slug),* }
            }

            /// The phase the step belongs to.
            pub fn phase(self) -> Phase {
                match self { $(Step::$variant => Phase::$phase),* }
            }

            /// The step's title.
            pub fn title(self) -> T {
                match self { $(Step::$variant => T::$title),* }
            }

            /// What the step is for, in a few sentences.
            pub fn guidance(self) -> T {
                match self { $(Step::$variant => T::$guide),* }
            }
        }
    };
}

steps! {
    Goals = "goals", Plan, StepGoals, GuideGoals;
    Market = "market", Plan, StepMarket, GuideMarket;
    Competitors = "competitors", Plan, StepCompetitors, GuideCompetitors;
    Audience = "audience", Plan, StepAudience, GuideAudience;
    Gaps = "gaps", Plan, StepGaps, GuideGaps;
    Strategy = "strategy", Plan, StepStrategy, GuideStrategy;
    Kpis = "kpis", Plan, StepKpis, GuideKpis;
    Budget = "budget", Plan, StepBudget, GuideBudget;
    Actions = "actions", Plan, StepActions, GuideActions;
    Approval = "approval", Plan, StepApproval, GuideApproval;
    Today = "today", Execute, StepToday, GuideToday;
    Board = "board", Execute, StepBoard, GuideBoard;
    Calendar = "calendar", Execute, StepCalendar, GuideCalendar;
    Spend = "spend", Execute, StepSpend, GuideSpend;
    Measurements = "measurements", Execute, StepMeasurements, GuideMeasurements;
    Collect = "collect", Improve, StepCollect, GuideCollect;
    Analyse = "analyse", Improve, StepAnalyse, GuideAnalyse;
    Optimise = "optimise", Improve, StepOptimise, GuideOptimise;
    Report = "report", Improve, StepReport, GuideReport;
    NextCampaign = "next", Improve, StepNext, GuideNext;
}

impl Step {
    /// The step named by a URL segment.
    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// The step after this one in the whole workflow.
    pub fn next(self) -> Option<Step> {
        let i = Step::ALL.iter().position(|s| *s == self)?;
        Step::ALL.get(i + 1).copied()
    }

    /// The step before this one in the whole workflow.
    pub fn previous(self) -> Option<Step> {
        let i = Step::ALL.iter().position(|s| *s == self)?;
        i.checked_sub(1).and_then(|j| Step::ALL.get(j).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: the seed's first flowchart has ten planning steps, from goals to approval.
    #[test]
    fn planning_phase_follows_the_seed_from_goals_to_approval() {
        let plan: Vec<Step> = Phase::Plan.steps().collect();
        assert_eq!(plan.len(), 10);
        assert_eq!(plan.first(), Some(&Step::Goals));
        assert_eq!(plan.last(), Some(&Step::Approval));
    }

    // Guards: two steps sharing a URL would make one of them unreachable by link.
    #[test]
    fn slugs_are_unique_and_read_back() {
        for step in Step::ALL {
            assert_eq!(Step::from_slug(step.slug()), Some(step));
            assert_eq!(
                Step::ALL.iter().filter(|s| s.slug() == step.slug()).count(),
                1
            );
        }
        assert_eq!(Step::from_slug("nope"), None);
    }

    #[test]
    fn next_and_previous_walk_the_whole_workflow() {
        assert_eq!(Step::Goals.previous(), None);
        assert_eq!(Step::Approval.next(), Some(Step::Today));
        assert_eq!(Step::Today.previous(), Some(Step::Approval));
        assert_eq!(Step::NextCampaign.next(), None);
    }
}
