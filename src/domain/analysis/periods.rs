//! Phase 3, analysing: a period the manager picks (campaign to date, the last 7 or 30 days,
//! this month, or any two dates), each KPI's value over it, and the same figure over the
//! previous period of equal length, the comparison every platform offers ("compare to:
//! preceding period").
//!
//! The last 7 and 30 days end yesterday, as in Google Ads, GA4 and Meta: today's data is not
//! complete yet. The previous period is the same number of days just before the first.

use crate::domain::analysis::facts::{judged_window, value_between, Basis};
use crate::domain::analysis::kpis::{variance, Variance};
use crate::domain::model::plan::{Kpi, Plan};
use crate::domain::values::date::Date;

/// A period to look at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PeriodChoice {
    /// Each KPI's own period, the one its target is judged on (the campaign so far, or this
    /// month or week for a target per month or week).
    #[default]
    Judged,
    /// The campaign's start to today.
    CampaignToDate,
    /// The 7 days before today.
    Last7,
    /// The 30 days before today.
    Last30,
    /// The first of this month to today.
    ThisMonth,
    /// Two dates the manager chose, both included.
    Custom {
        /// The first day.
        from: Date,
        /// The last day.
        to: Date,
    },
}

/// Why a period cannot be looked at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    /// A custom period whose last day is before its first.
    #[error("the period ends before it starts")]
    EndsBeforeStart,
    /// Campaign to date without a start date or any data.
    #[error("the campaign has no start date")]
    NoStart,
}

/// The days `choice` covers at `today`, both included: `Ok(None)` for [`PeriodChoice::Judged`],
/// which differs per KPI (see [`judged_window`]).
pub fn span(
    choice: PeriodChoice,
    plan: &Plan,
    today: Date,
) -> Result<Option<(Date, Date)>, PeriodError> {
    let yesterday = today.add_days(-1).unwrap_or(today);
    let back = |days: i64| yesterday.add_days(1 - days).unwrap_or(yesterday);
    Ok(Some(match choice {
        PeriodChoice::Judged => return Ok(None),
        PeriodChoice::CampaignToDate => {
            let first_data = plan
                .facts
                .iter()
                .map(|s| s.start)
                .chain(plan.measurements.iter().map(|m| m.date))
                .min();
            let start = plan.goal.start.or(first_data).ok_or(PeriodError::NoStart)?;
            (start, today.max(start))
        }
        PeriodChoice::Last7 => (back(7), yesterday),
        PeriodChoice::Last30 => (back(30), yesterday),
        PeriodChoice::ThisMonth => (
            Date::new(today.year(), today.month(), 1).unwrap_or(today),
            today,
        ),
        PeriodChoice::Custom { from, to } => {
            if to < from {
                return Err(PeriodError::EndsBeforeStart);
            }
            (from, to)
        }
    }))
}

/// The period before `from..=to`: for a month or the part of one from its first day (this
/// month, a target per month), the same days of the month before (1–15 October against
/// 1–15 September; a 31st becomes the month's last day); else the period of equal length
/// just before.
pub fn previous(from: Date, to: Date) -> (Date, Date) {
    let same_month = from.day() == 1 && from.year() == to.year() && from.month() == to.month();
    if same_month {
        let (year, month) = if from.month() == 1 {
            (from.year() - 1, 12)
        } else {
            (from.year(), from.month() - 1)
        };
        let last = to
            .day()
            .min(crate::domain::values::date::days_in_month(year, month));
        if let (Some(a), Some(b)) = (Date::new(year, month, 1), Date::new(year, month, last)) {
            return (a, b);
        }
    }
    let days = from.days_until(to) + 1;
    let end = from.add_days(-1).unwrap_or(from);
    (end.add_days(1 - days).unwrap_or(end), end)
}

/// One KPI over a period and the one before it.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The period, both days included.
    pub period: (Date, Date),
    /// The period before it, of the same length.
    pub before: (Date, Date),
    /// The KPI over the period, and whether it is only an upper bound.
    pub current: Option<(f64, Basis)>,
    /// The KPI over the period before.
    pub previous: Option<(f64, Basis)>,
    /// `current − previous`, and in percent of the previous.
    pub change: Option<Variance>,
    /// Whether the change is for the better (a lower CPA, more sessions); `None` without a
    /// change, for no change, or for a KPI kept within a range.
    pub better: Option<bool>,
}

/// `kpi` over the period `choice` gives at `today` (its own judged period for
/// [`PeriodChoice::Judged`]) and over the period before. `Ok(None)` when the KPI has no
/// judged period yet (no start, no data).
pub fn compare(
    plan: &Plan,
    kpi: &Kpi,
    choice: PeriodChoice,
    today: Date,
) -> Result<Option<Comparison>, PeriodError> {
    let period = match span(choice, plan, today)? {
        Some(span) => span,
        None => match judged_window(plan, kpi, today) {
            Some(span) => span,
            None => return Ok(None),
        },
    };
    let before = previous(period.0, period.1);
    let current = value_between(plan, kpi, period.0, period.1);
    let previous = value_between(plan, kpi, before.0, before.1);
    let change = match (current, previous) {
        // Two sums of the same days' figures in another order can differ in the last bit: a
        // change smaller than a billionth is no change, never "better" or "worse".
        (Some((now, _)), Some((then, _))) if (now - then).abs() <= 1e-9 * then.abs().max(1.0) => {
            variance(then, then)
        }
        (Some((now, _)), Some((then, _))) => variance(now, then),
        _ => None,
    };
    let better = change
        .as_ref()
        .and_then(|c| crate::domain::analysis::kpis::is_better(kpi.direction, c.absolute));
    Ok(Some(Comparison {
        period,
        before,
        current,
        previous,
        change,
        better,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::plan::Direction;
    use crate::domain::model::plan::{FactSeries, TargetBasis};
    use std::collections::BTreeMap;

    fn d(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    /// A campaign's daily figures from 1 September to 30 October 2026: 100 clicks (and
    /// sessions) a day in September, 150 in October, 4,000 impressions every day.
    fn plan() -> Plan {
        let mut plan = Plan::blank("p", "P", 0);
        plan.goal.start = Some(d("2026-09-01"));
        let series = |metric: &str, values: Vec<f64>| FactSeries {
            id: metric.into(),
            metric: metric.into(),
            source: "Google Ads".into(),
            labels: BTreeMap::new(),
            import: "i1".into(),
            start: d("2026-09-01"),
            steps: vec![1; 59],
            span: 1,
            spans: Vec::new(),
            values,
        };
        let clicks: Vec<f64> = (0..60)
            .map(|i| if i < 30 { 100.0 } else { 150.0 })
            .collect();
        plan.facts = vec![
            series("sessions", clicks.clone()),
            series("clicks", clicks),
            series("impressions", vec![4000.0; 60]),
        ];
        let kpi = |id: &str| Kpi {
            id: id.into(),
            metric: Some(id.into()),
            sources: vec!["Google Ads".into()],
            direction: Direction::HigherIsBetter,
            ..Kpi::default()
        };
        plan.kpis = vec![kpi("sessions"), kpi("ctr")];
        plan
    }

    #[test]
    fn the_last_days_end_yesterday_and_the_period_before_has_the_same_length() {
        let plan = plan();
        let today = d("2026-10-31");
        assert_eq!(
            span(PeriodChoice::Last7, &plan, today),
            Ok(Some((d("2026-10-24"), d("2026-10-30"))))
        );
        assert_eq!(
            span(PeriodChoice::Last30, &plan, today),
            Ok(Some((d("2026-10-01"), d("2026-10-30"))))
        );
        assert_eq!(
            span(PeriodChoice::ThisMonth, &plan, today),
            Ok(Some((d("2026-10-01"), today)))
        );
        assert_eq!(
            span(PeriodChoice::CampaignToDate, &plan, today),
            Ok(Some((d("2026-09-01"), today)))
        );
        // 1–30 October against the same days of September: 1–30 September.
        assert_eq!(
            previous(d("2026-10-01"), d("2026-10-30")),
            (d("2026-09-01"), d("2026-09-30"))
        );
        // Across a year's end: 1–31 January 2027 against 1–31 December 2026; 1–31 March
        // against all of February (28 days in 2027).
        assert_eq!(
            previous(d("2027-01-01"), d("2027-01-31")),
            (d("2026-12-01"), d("2026-12-31"))
        );
        assert_eq!(
            previous(d("2027-03-01"), d("2027-03-31")),
            (d("2027-02-01"), d("2027-02-28"))
        );
        // Any other period: the same number of days just before (24–30 October, 7 days,
        // against 17–23 October).
        assert_eq!(
            previous(d("2026-10-24"), d("2026-10-30")),
            (d("2026-10-17"), d("2026-10-23"))
        );
        assert_eq!(
            span(
                PeriodChoice::Custom {
                    from: d("2026-10-05"),
                    to: d("2026-10-04")
                },
                &plan,
                today
            ),
            Err(PeriodError::EndsBeforeStart)
        );
        let mut blank = Plan::blank("b", "B", 0);
        blank.goal.start = None;
        assert_eq!(
            span(PeriodChoice::CampaignToDate, &blank, today),
            Err(PeriodError::NoStart)
        );
    }

    // Guards: the last 30 days on 31 October are 1–30 October, 30 × 150 = 4,500 sessions; the
    // 30 days before are September, 30 × 100 = 3,000: +1,500, +50 %, better. The CTR is
    // 4,500 ÷ 120,000 = 3.75 % against 3,000 ÷ 120,000 = 2.5 %.
    #[test]
    fn a_period_is_compared_with_the_one_before() {
        let plan = plan();
        let today = d("2026-10-31");
        let c = compare(&plan, &plan.kpis[0], PeriodChoice::Last30, today)
            .unwrap()
            .unwrap();
        assert_eq!(c.period, (d("2026-10-01"), d("2026-10-30")));
        assert_eq!(c.before, (d("2026-09-01"), d("2026-09-30")));
        assert_eq!(c.current, Some((4500.0, Basis::Exact)));
        assert_eq!(c.previous, Some((3000.0, Basis::Exact)));
        let change = c.change.unwrap();
        assert_eq!(change.absolute, 1500.0);
        assert_eq!(change.percent, Some(50.0));
        assert_eq!(c.better, Some(true));

        let ctr = compare(&plan, &plan.kpis[1], PeriodChoice::Last30, today)
            .unwrap()
            .unwrap();
        assert!((ctr.current.unwrap().0 - 3.75).abs() < 1e-9);
        assert!((ctr.previous.unwrap().0 - 2.5).abs() < 1e-9);

        // A lower-is-better KPI that went up got worse.
        let mut cost_per_click = plan.kpis[0].clone();
        cost_per_click.direction = Direction::LowerIsBetter;
        let worse = compare(&plan, &cost_per_click, PeriodChoice::Last30, today)
            .unwrap()
            .unwrap();
        assert_eq!(worse.better, Some(false));

        // The 7 days before 24 October (17–23 October) against 10–16 October: both 1,050.
        let week = compare(&plan, &plan.kpis[0], PeriodChoice::Last7, today)
            .unwrap()
            .unwrap();
        assert_eq!(week.current, Some((1050.0, Basis::Exact)));
        assert_eq!(week.previous, Some((1050.0, Basis::Exact)));
        assert_eq!(week.better, None);
    }

    // Guards: a custom period before any data has no value, and the campaign to date before
    // the campaign has none before it: nothing is invented.
    #[test]
    fn a_period_without_data_has_no_value() {
        let plan = plan();
        let c = compare(
            &plan,
            &plan.kpis[0],
            PeriodChoice::Custom {
                from: d("2026-08-01"),
                to: d("2026-08-31"),
            },
            d("2026-10-31"),
        )
        .unwrap()
        .unwrap();
        assert_eq!((c.current, c.previous, c.change), (None, None, None));
        let whole = compare(
            &plan,
            &plan.kpis[0],
            PeriodChoice::CampaignToDate,
            d("2026-10-31"),
        )
        .unwrap()
        .unwrap();
        // 3,000 + 4,500 = 7,500 sessions from 1 September; nothing before.
        assert_eq!(whole.current, Some((7500.0, Basis::Exact)));
        assert_eq!(whole.previous, None);
    }

    // Guards: "each KPI's own period" is the month of a target per month: on 31 October,
    // October's sessions (the facts end on 30 October: 30 × 150 = 4,500) against September's
    // (30 × 100 = 3,000).
    #[test]
    fn the_judged_period_is_each_kpis_own() {
        let mut plan = plan();
        plan.kpis[0].basis = TargetBasis::PerMonth;
        let c = compare(&plan, &plan.kpis[0], PeriodChoice::Judged, d("2026-10-31"))
            .unwrap()
            .unwrap();
        assert_eq!(c.period, (d("2026-10-01"), d("2026-10-31")));
        assert_eq!(c.before, (d("2026-09-01"), d("2026-09-30")));
        assert_eq!(c.current, Some((4500.0, Basis::Exact)));
        assert_eq!(c.previous, Some((3000.0, Basis::Exact)));
    }
}
