//! The SMART check of step 1: which of the five letters a goal meets, why the others are not
//! met (as values, worded by `i18n::sentences`), and the structured parts of the goal sentence.

use crate::domain::model::plan::Goal;
use crate::domain::values::date::Date;

/// The fewest words a Specific statement needs to say what changes and for whom.
pub const SPECIFIC_MIN_WORDS: usize = 3;

/// Average days in a month (365.25 / 12), for reading a span as months.
const DAYS_PER_MONTH: f64 = 30.4375;

/// How far, in days, a span may be from a whole number of months and still read as months.
const MONTH_SLACK_DAYS: f64 = 3.0;

/// One letter of SMART.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SmartLetter {
    /// Specific: what changes, for whom.
    Specific,
    /// Measurable: a metric with a baseline and a target.
    Measurable,
    /// Achievable: why the target can be reached.
    Achievable,
    /// Relevant: the business objective it serves.
    Relevant,
    /// Time-bound: a start and a later end.
    TimeBound,
}

impl SmartLetter {
    /// The letters in S-M-A-R-T order.
    pub const ALL: [SmartLetter; 5] = [
        SmartLetter::Specific,
        SmartLetter::Measurable,
        SmartLetter::Achievable,
        SmartLetter::Relevant,
        SmartLetter::TimeBound,
    ];

    /// The letter itself.
    pub fn initial(self) -> char {
        match self {
            SmartLetter::Specific => 'S',
            SmartLetter::Measurable => 'M',
            SmartLetter::Achievable => 'A',
            SmartLetter::Relevant => 'R',
            SmartLetter::TimeBound => 'T',
        }
    }

    /// A stable lowercase name, for CSS classes and DOM ids.
    pub fn as_str(self) -> &'static str {
        match self {
            SmartLetter::Specific => "specific",
            SmartLetter::Measurable => "measurable",
            SmartLetter::Achievable => "achievable",
            SmartLetter::Relevant => "relevant",
            SmartLetter::TimeBound => "time-bound",
        }
    }
}

/// Why a letter is not met.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SmartReason {
    /// Specific is blank.
    SpecificMissing,
    /// Specific has fewer than [`SPECIFIC_MIN_WORDS`] words.
    SpecificTooShort,
    /// No metric named.
    MetricMissing,
    /// No baseline value.
    BaselineMissing,
    /// No target value.
    TargetMissing,
    /// The baseline or the target is not a finite number (only possible from a file).
    NotFinite,
    /// The target equals the baseline, so nothing would change.
    TargetEqualsBaseline,
    /// Achievable is blank.
    AchievableMissing,
    /// Relevant is blank.
    RelevantMissing,
    /// No start date.
    StartMissing,
    /// No end date.
    EndMissing,
    /// The end is on or before the start.
    EndNotAfterStart,
}

/// The check of one letter: met when `reasons` is empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LetterCheck {
    /// The letter.
    pub letter: SmartLetter,
    /// Why it is not met; empty when it is.
    pub reasons: Vec<SmartReason>,
}

impl LetterCheck {
    /// True when the letter is met.
    pub fn is_met(&self) -> bool {
        self.reasons.is_empty()
    }
}

/// The SMART check of a goal: one entry per letter, in S-M-A-R-T order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SmartReport {
    /// The five checks.
    pub letters: [LetterCheck; 5],
}

impl SmartReport {
    /// True when all five letters are met.
    pub fn is_smart(&self) -> bool {
        self.letters.iter().all(LetterCheck::is_met)
    }

    /// The letters not met, in order.
    pub fn unmet(&self) -> Vec<SmartLetter> {
        self.letters
            .iter()
            .filter(|c| !c.is_met())
            .map(|c| c.letter)
            .collect()
    }

    /// The check of one letter.
    pub fn check(&self, letter: SmartLetter) -> &LetterCheck {
        // `letters` holds every letter, built from `SmartLetter::ALL`; the fallback is unreachable.
        self.letters
            .iter()
            .find(|c| c.letter == letter)
            .unwrap_or(&self.letters[0])
    }
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Checks each SMART letter of `goal`.
pub fn smart_check(goal: &Goal) -> SmartReport {
    let letters = SmartLetter::ALL.map(|letter| LetterCheck {
        letter,
        reasons: reasons(goal, letter),
    });
    SmartReport { letters }
}

fn reasons(goal: &Goal, letter: SmartLetter) -> Vec<SmartReason> {
    use SmartReason::*;
    let mut out = Vec::new();
    match letter {
        SmartLetter::Specific => {
            if blank(&goal.specific) {
                out.push(SpecificMissing);
            } else if goal.specific.split_whitespace().count() < SPECIFIC_MIN_WORDS {
                out.push(SpecificTooShort);
            }
        }
        SmartLetter::Measurable => {
            if blank(&goal.metric) {
                out.push(MetricMissing);
            }
            match (goal.baseline, goal.target) {
                (None, _) | (_, None) => {
                    if goal.baseline.is_none() {
                        out.push(BaselineMissing);
                    }
                    if goal.target.is_none() {
                        out.push(TargetMissing);
                    }
                }
                (Some(b), Some(t)) if !b.is_finite() || !t.is_finite() => out.push(NotFinite),
                (Some(b), Some(t)) if b == t => out.push(TargetEqualsBaseline),
                _ => {}
            }
        }
        SmartLetter::Achievable => {
            if blank(&goal.achievable) {
                out.push(AchievableMissing);
            }
        }
        SmartLetter::Relevant => {
            if blank(&goal.relevant) {
                out.push(RelevantMissing);
            }
        }
        SmartLetter::TimeBound => match (goal.start, goal.end) {
            (Some(start), Some(end)) if end <= start => out.push(EndNotAfterStart),
            (start, end) => {
                if start.is_none() {
                    out.push(StartMissing);
                }
                if end.is_none() {
                    out.push(EndMissing);
                }
            }
        },
    }
    out
}

/// A length of time as people say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    /// About this many months (within a few days).
    Months(u32),
    /// Exactly this many weeks.
    Weeks(u32),
    /// This many days.
    Days(u32),
}

/// The time from `start` to `end` as months, weeks or days; `None` unless `end` is later.
/// Spans of four weeks or more read as months when within three days of a whole number of
/// months (so 1 Jan – 2 Jul, 182 days, is "6 months"); then whole weeks; else days.
pub fn span(start: Date, end: Date) -> Option<Span> {
    let days = start.days_until(end);
    if days <= 0 {
        return None;
    }
    let days_u32 = u32::try_from(days).ok()?;
    if days >= 28 {
        let months = (days as f64 / DAYS_PER_MONTH).round();
        if months >= 1.0 && (days as f64 - months * DAYS_PER_MONTH).abs() <= MONTH_SLACK_DAYS {
            return Some(Span::Months(months as u32));
        }
    }
    if days % 7 == 0 {
        Some(Span::Weeks(days_u32 / 7))
    } else {
        Some(Span::Days(days_u32))
    }
}

/// The change from `baseline` to `target` in percent of the baseline; `None` when the baseline
/// is zero or a value is not finite.
pub fn percent_change(baseline: f64, target: f64) -> Option<f64> {
    if baseline == 0.0 || !baseline.is_finite() || !target.is_finite() {
        return None;
    }
    let percent = (target - baseline) / baseline.abs() * 100.0;
    percent.is_finite().then_some(percent)
}

/// Which way the goal moves its metric.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Movement {
    /// The target is above the baseline.
    Raise,
    /// The target is below the baseline.
    Reduce,
}

/// The parts of the goal sentence, ready to be worded in either language.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalSentence {
    /// Raise or reduce.
    pub movement: Movement,
    /// The metric, as typed (trimmed).
    pub metric: String,
    /// The unit, as typed (trimmed; may be empty).
    pub unit: String,
    /// The value today.
    pub baseline: f64,
    /// The value to reach.
    pub target: f64,
    /// The size of the change in percent of the baseline (always positive); `None` when the
    /// baseline is zero.
    pub percent: Option<f64>,
    /// The time window, when both dates are set and the end is later.
    pub window: Option<(Date, Date, Span)>,
}

/// The parts of the goal sentence, or `None` while the metric, baseline or target is missing
/// or the target equals the baseline.
pub fn goal_sentence(goal: &Goal) -> Option<GoalSentence> {
    let metric = goal.metric.trim();
    let (baseline, target) = (goal.baseline?, goal.target?);
    if metric.is_empty() || !baseline.is_finite() || !target.is_finite() || baseline == target {
        return None;
    }
    let movement = if target > baseline {
        Movement::Raise
    } else {
        Movement::Reduce
    };
    let window = match (goal.start, goal.end) {
        (Some(start), Some(end)) => span(start, end).map(|s| (start, end, s)),
        _ => None,
    };
    Some(GoalSentence {
        movement,
        metric: metric.to_string(),
        unit: goal.unit.trim().to_string(),
        baseline,
        target,
        percent: percent_change(baseline, target).map(f64::abs),
        window,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    fn full_goal() -> Goal {
        Goal {
            specific: "More sales of product X to young professionals".into(),
            metric: "Monthly sales".into(),
            unit: "units".into(),
            baseline: Some(1000.0),
            target: Some(1200.0),
            achievable: "A test raised sales by 6%".into(),
            relevant: "Highest margin product".into(),
            start: Some(date("2026-01-01")),
            end: Some(date("2026-07-01")),
            ..Goal::default()
        }
    }

    // Guards: a complete goal is reported SMART with no reasons at all.
    #[test]
    fn a_complete_goal_meets_every_letter() {
        let report = smart_check(&full_goal());
        assert!(report.is_smart());
        assert!(report.unmet().is_empty());
    }

    // Guards: an empty goal names every missing piece, letter by letter.
    #[test]
    fn an_empty_goal_lists_every_reason() {
        let report = smart_check(&Goal::default());
        assert_eq!(report.unmet(), SmartLetter::ALL.to_vec());
        use SmartReason::*;
        assert_eq!(
            report.check(SmartLetter::Specific).reasons,
            [SpecificMissing]
        );
        assert_eq!(
            report.check(SmartLetter::Measurable).reasons,
            [MetricMissing, BaselineMissing, TargetMissing]
        );
        assert_eq!(
            report.check(SmartLetter::TimeBound).reasons,
            [StartMissing, EndMissing]
        );
    }

    // Guards: a target equal to the baseline is not measurable progress.
    #[test]
    fn target_must_differ_from_baseline() {
        let goal = Goal {
            target: Some(1000.0),
            ..full_goal()
        };
        assert_eq!(
            smart_check(&goal).check(SmartLetter::Measurable).reasons,
            [SmartReason::TargetEqualsBaseline]
        );
    }

    // Guards: an end on or before the start is not a time window.
    #[test]
    fn end_must_be_after_start() {
        for end in ["2026-01-01", "2025-12-31"] {
            let goal = Goal {
                end: Some(date(end)),
                ..full_goal()
            };
            assert_eq!(
                smart_check(&goal).check(SmartLetter::TimeBound).reasons,
                [SmartReason::EndNotAfterStart]
            );
        }
    }

    // Guards: one or two words do not say what changes and for whom; blanks are blank.
    #[test]
    fn specific_needs_a_few_words() {
        let short = Goal {
            specific: "  sales  ".into(),
            ..full_goal()
        };
        assert_eq!(
            smart_check(&short).check(SmartLetter::Specific).reasons,
            [SmartReason::SpecificTooShort]
        );
        let blank = Goal {
            achievable: "   ".into(),
            ..full_goal()
        };
        assert_eq!(smart_check(&blank).unmet(), [SmartLetter::Achievable]);
    }

    // Guards: NaN from a file is reported, not compared as "equal".
    #[test]
    fn non_finite_values_are_not_measurable() {
        let goal = Goal {
            baseline: Some(f64::NAN),
            ..full_goal()
        };
        assert_eq!(
            smart_check(&goal).check(SmartLetter::Measurable).reasons,
            [SmartReason::NotFinite]
        );
    }

    // Guards: the percent change is relative to the baseline, with its sign, and undefined at 0.
    #[test]
    fn percent_change_is_relative_to_the_baseline() {
        assert_eq!(percent_change(1000.0, 1200.0), Some(20.0));
        assert_eq!(percent_change(200.0, 150.0), Some(-25.0));
        assert_eq!(percent_change(-100.0, -50.0), Some(50.0));
        assert_eq!(percent_change(0.0, 10.0), None);
        assert_eq!(percent_change(f64::INFINITY, 10.0), None);
    }

    // Guards: spans read as months when near whole months, else weeks, else days.
    #[test]
    fn spans_read_as_months_weeks_or_days() {
        let s = date("2026-01-01");
        assert_eq!(span(s, date("2026-07-01")), Some(Span::Months(6)));
        // The seed template's window: 182 days.
        assert_eq!(span(s, s.add_days(182).unwrap()), Some(Span::Months(6)));
        assert_eq!(
            span(date("2026-02-01"), date("2026-03-01")),
            Some(Span::Months(1))
        );
        assert_eq!(span(s, date("2026-01-15")), Some(Span::Weeks(2)));
        assert_eq!(span(s, date("2026-01-11")), Some(Span::Days(10)));
        assert_eq!(span(s, date("2026-02-19")), Some(Span::Weeks(7)));
        assert_eq!(span(s, date("2026-02-22")), Some(Span::Days(52)));
        assert_eq!(span(s, s), None);
        assert_eq!(span(s, date("2025-12-01")), None);
    }

    // Guards: the sentence parts carry direction, size and window of the change.
    #[test]
    fn goal_sentence_parts_follow_the_goal() {
        let parts = goal_sentence(&full_goal()).unwrap();
        assert_eq!(parts.movement, Movement::Raise);
        assert_eq!(parts.percent, Some(20.0));
        assert_eq!(
            parts.window,
            Some((date("2026-01-01"), date("2026-07-01"), Span::Months(6)))
        );
        let down = Goal {
            target: Some(800.0),
            end: None,
            ..full_goal()
        };
        let parts = goal_sentence(&down).unwrap();
        assert_eq!(parts.movement, Movement::Reduce);
        assert_eq!(parts.percent, Some(20.0));
        assert_eq!(parts.window, None);
        assert_eq!(goal_sentence(&Goal::default()), None);
        let from_zero = Goal {
            baseline: Some(0.0),
            ..full_goal()
        };
        assert_eq!(goal_sentence(&from_zero).unwrap().percent, None);
    }
}
