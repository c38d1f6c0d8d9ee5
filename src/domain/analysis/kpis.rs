//! Phase 3 analysis: has each KPI been reached, is it on pace, where will the trend take it by
//! the deadline, and what did the money buy. Pure arithmetic on the plan's data; every
//! function returns `None` or a typed status instead of dividing by zero, and none panics on
//! empty, single-point, all-zero or huge (10^12) data.

use crate::domain::model::kpi_library::{compute, input_of, Input, LIBRARY};
use crate::domain::model::plan::{Budget, Channel, Direction, Kpi, Measurement, Plan, SpendEntry};
use crate::domain::values::date::Date;

/// How far an actual value has come from the baseline towards the target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Achievement {
    /// Higher or lower is better: the share of the way from baseline (0) to target (1).
    /// Above 1 beats the target; below 0 moved the wrong way.
    Progress(f64),
    /// A range KPI inside its range; `margin` is the distance to the nearer bound.
    InRange {
        /// Distance to the nearer bound.
        margin: f64,
    },
    /// A range KPI outside its range; `distance` to the nearer bound, `above` which side.
    OutOfRange {
        /// Distance to the nearer bound, positive.
        distance: f64,
        /// True above the maximum, false below the minimum.
        above: bool,
    },
}

impl Achievement {
    /// True when the target is met (progress ≥ 1, or inside the range).
    pub fn is_met(self) -> bool {
        match self {
            Achievement::Progress(p) => p >= 1.0 - 1e-9,
            Achievement::InRange { .. } => true,
            Achievement::OutOfRange { .. } => false,
        }
    }
}

fn finite(v: f64) -> Option<f64> {
    v.is_finite().then_some(v)
}

/// How far `actual` has come, respecting the KPI's direction: higher,
/// `(actual − baseline) / (target − baseline)`; lower, the mirror
/// `(baseline − actual) / (baseline − target)`; without a baseline the way starts at 0 for
/// higher (`actual / target`) and is `target / actual` for lower. When baseline and target are
/// equal, progress is 1 if the target is met and 0 if not. `None` without a target (higher
/// or lower) or with non-finite numbers.
pub fn achievement(kpi: &Kpi, actual: f64) -> Option<Achievement> {
    if !actual.is_finite() {
        return None;
    }
    match kpi.direction {
        Direction::WithinRange { min, max } => {
            let (lo, hi) = if min <= max { (min, max) } else { (max, min) };
            if !lo.is_finite() || !hi.is_finite() {
                return None;
            }
            Some(if actual < lo {
                Achievement::OutOfRange {
                    distance: lo - actual,
                    above: false,
                }
            } else if actual > hi {
                Achievement::OutOfRange {
                    distance: actual - hi,
                    above: true,
                }
            } else {
                Achievement::InRange {
                    margin: (actual - lo).min(hi - actual),
                }
            })
        }
        Direction::HigherIsBetter | Direction::LowerIsBetter => {
            let higher = kpi.direction == Direction::HigherIsBetter;
            let target = finite(kpi.target?)?;
            let progress = match kpi.baseline.and_then(finite) {
                Some(base) if base != target => (actual - base) / (target - base),
                Some(_) => f64::from(u8::from(meets(higher, actual, target))),
                None if higher && target != 0.0 => actual / target,
                None if !higher && actual > 0.0 => target / actual,
                None => f64::from(u8::from(meets(higher, actual, target))),
            };
            finite(progress).map(Achievement::Progress)
        }
    }
}

fn meets(higher: bool, actual: f64, target: f64) -> bool {
    if higher {
        actual >= target
    } else {
        actual <= target
    }
}

/// Actual minus target, and that difference as a percentage of the target (`None` for a zero
/// target). Positive means above the target, whatever the direction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Variance {
    /// `actual − reference`.
    pub absolute: f64,
    /// `(actual − reference) / |reference| × 100`.
    pub percent: Option<f64>,
}

/// The variance of `actual` against `reference` (a target, or the trajectory's value).
pub fn variance(actual: f64, reference: f64) -> Option<Variance> {
    let absolute = finite(actual - reference)?;
    let percent = (reference != 0.0)
        .then(|| absolute / reference.abs() * 100.0)
        .and_then(finite);
    Some(Variance { absolute, percent })
}

/// Share of the time from `start` to `deadline` elapsed at `today`, clamped to 0–1; `None`
/// when the deadline is not after the start.
pub fn elapsed_fraction(start: Date, deadline: Date, today: Date) -> Option<f64> {
    let total = start.days_until(deadline);
    if total <= 0 {
        return None;
    }
    Some((start.days_until(today) as f64 / total as f64).clamp(0.0, 1.0))
}

/// The value the KPI should have at `today` on a straight line from `from` at `start` to the
/// target at the deadline: the trajectory pacing compares with.
pub fn expected_at(kpi: &Kpi, from: f64, start: Date, today: Date) -> Option<f64> {
    let target = finite(kpi.target?)?;
    let fraction = elapsed_fraction(start, kpi.deadline?, today)?;
    finite(from + (target - from) * fraction)
}

/// A straight line fitted by least squares: `value = intercept + slope × days`, days counted
/// from `origin`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Trend {
    /// The day counted as 0.
    pub origin: Date,
    /// Change per day.
    pub slope: f64,
    /// The value at `origin`.
    pub intercept: f64,
}

impl Trend {
    /// The line's value at `date`.
    pub fn at(&self, date: Date) -> Option<f64> {
        finite(self.intercept + self.slope * self.origin.days_until(date) as f64)
    }
}

/// The least-squares line through `(date, value)` points; `None` with fewer than two distinct
/// dates or non-finite sums. Sums are taken around the means so 10^12-sized values keep
/// their precision and do not overflow.
pub fn trend(points: &[(Date, f64)]) -> Option<Trend> {
    let origin = points.iter().map(|p| p.0).min()?;
    let xy: Vec<(f64, f64)> = points
        .iter()
        .filter(|p| p.1.is_finite())
        .map(|(d, v)| (origin.days_until(*d) as f64, *v))
        .collect();
    if xy.len() < 2 {
        return None;
    }
    let n = xy.len() as f64;
    let mx = xy.iter().map(|p| p.0 / n).sum::<f64>();
    let my = xy.iter().map(|p| p.1 / n).sum::<f64>();
    let sxx: f64 = xy.iter().map(|p| (p.0 - mx) * (p.0 - mx)).sum();
    if sxx == 0.0 {
        return None;
    }
    let sxy: f64 = xy.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let slope = finite(sxy / sxx)?;
    let intercept = finite(my - slope * mx)?;
    Some(Trend {
        origin,
        slope,
        intercept,
    })
}

/// How a KPI's measurements add up to the value compared with the target.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Aggregation {
    /// The latest measurement counts (rates, costs per result, followers).
    #[default]
    Latest,
    /// Measurements add up over the campaign (leads, sessions, revenue per day).
    Sum,
    /// The average of the measurements so far (survey scores).
    Mean,
}

/// The aggregation that fits a KPI: [`Aggregation::Sum`] for library counts and money
/// totals that accumulate (sessions, leads, sales, revenue), else [`Aggregation::Latest`].
/// The plan does not store this choice yet, so the UI may offer to override it.
pub fn default_aggregation(kpi: &Kpi) -> Aggregation {
    match kpi.metric.as_deref() {
        Some("sessions" | "leads" | "sales" | "revenue") => Aggregation::Sum,
        Some("satisfaction_score") => Aggregation::Mean,
        _ => Aggregation::Latest,
    }
}

/// The points of a KPI's measurements, by date, as the aggregation sees them: the values
/// themselves for [`Aggregation::Latest`], running totals for [`Aggregation::Sum`].
pub fn series(
    kpi_id: &str,
    measurements: &[Measurement],
    aggregation: Aggregation,
) -> Vec<(Date, f64)> {
    let mut points: Vec<(Date, f64)> = measurements
        .iter()
        .filter(|m| m.kpi == kpi_id && m.value.is_finite())
        .map(|m| (m.end.unwrap_or(m.date), m.value))
        .collect();
    crate::domain::values::sort::sort_by_key(&mut points, |p| p.0);
    let mut total = 0.0;
    for (n, p) in points.iter_mut().enumerate() {
        total += p.1;
        match aggregation {
            Aggregation::Sum => p.1 = total,
            Aggregation::Mean => p.1 = total / (n + 1) as f64,
            Aggregation::Latest => {}
        }
    }
    points
}

/// Where a KPI stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Reached.
    Achieved,
    /// Moving as planned.
    OnTrack,
    /// Behind, but can still make it.
    AtRisk,
    /// Will miss the target at this rate, or has missed it.
    OffTrack,
    /// Not enough to judge.
    NoData,
}

/// Why a KPI has its status.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reason {
    /// No measurements yet.
    NoMeasurements,
    /// The KPI has no target (or range) to compare with.
    NoTarget,
    /// The latest value meets the target or lies in the range.
    TargetMet,
    /// Out of the range, before the deadline.
    OutOfRange,
    /// At or ahead of the straight line from baseline to target.
    OnPace,
    /// Behind the line, but the trend reaches the target by the deadline.
    BehindPaceTrendRecovers {
        /// The trend's value at the deadline.
        projected: f64,
    },
    /// Behind the line, and the trend misses the target (or there is no trend yet).
    BehindPace {
        /// How far behind the trajectory, in the KPI's unit (positive).
        gap: f64,
        /// The trend's value at the deadline, when there are two dates or more.
        projected: Option<f64>,
    },
    /// The deadline has passed without the target met.
    DeadlinePassed,
    /// No deadline or start date: the trend moves towards the target.
    TrendTowardsTarget,
    /// No deadline or start date: the trend moves away from the target, or there is none.
    TrendAwayFromTarget,
}

/// Everything the analysis says about one KPI.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiAnalysis {
    /// The value compared with the target (latest or running total).
    pub actual: Option<f64>,
    /// How far towards the target.
    pub achievement: Option<Achievement>,
    /// Against the target.
    pub vs_target: Option<Variance>,
    /// The trajectory's value today.
    pub expected_now: Option<f64>,
    /// Against the trajectory's value today (pacing).
    pub vs_trajectory: Option<Variance>,
    /// The trend's value at the deadline, from at least [`MIN_TREND_POINTS`] days with data.
    pub projected: Option<f64>,
    /// How many days with data the trend (and so the projection) rests on.
    pub trend_points: usize,
    /// Whether the actual is only an upper bound (people reached, added across days).
    pub upper_bound: bool,
    /// The status.
    pub status: Status,
    /// Why.
    pub reason: Reason,
}

/// Analyses one KPI at `today`. `start` is when the trajectory begins (the campaign's start:
/// the plan's KPIs carry no start date of their own). The trajectory runs from the baseline
/// (or, without one, the first measurement) to the target; for [`Aggregation::Sum`] it runs
/// from 0, since the running total starts at 0.
pub fn analyse(
    kpi: &Kpi,
    measurements: &[Measurement],
    aggregation: Aggregation,
    start: Option<Date>,
    today: Date,
) -> KpiAnalysis {
    let points = series(&kpi.id, measurements, aggregation);
    analyse_points(kpi, &points, aggregation == Aggregation::Sum, start, today)
}

/// Analyses one KPI of a plan at `today`, from its facts or its typed values
/// ([`crate::domain::analysis::facts::kpi_series`]): the one figure the analysis page, the charts, the
/// report and the next campaign show.
pub fn analyse_kpi(plan: &crate::domain::model::plan::Plan, kpi: &Kpi, today: Date) -> KpiAnalysis {
    analyse_kpi_points(plan, kpi, today).0
}

/// [`analyse_kpi`] and the values it judged, day by day (for a card's sparkline), from one
/// reading of the facts.
pub fn analyse_kpi_points(
    plan: &crate::domain::model::plan::Plan,
    kpi: &Kpi,
    today: Date,
) -> (KpiAnalysis, Vec<(Date, f64)>) {
    let (series, judged, start) = crate::domain::analysis::facts::judged(plan, kpi, today);
    let mut out = analyse_points(&judged, &series.points, series.cumulative, start, today);
    out.upper_bound = series
        .period
        .is_some_and(|p| p.basis == crate::domain::analysis::facts::Basis::UpperBound);
    (out, series.points)
}

/// Whether a change of `change` is for the better under `direction`: up for more-is-better, down
/// for less-is-better; `None` for no change, or for a range (where up and down say nothing
/// alone).
pub fn is_better(direction: crate::domain::model::plan::Direction, change: f64) -> Option<bool> {
    use crate::domain::model::plan::Direction;
    match direction {
        _ if change == 0.0 || !change.is_finite() => None,
        Direction::HigherIsBetter => Some(change > 0.0),
        Direction::LowerIsBetter => Some(change < 0.0),
        Direction::WithinRange { .. } => None,
    }
}

/// The fewest days with data a trend (and a projection) is drawn from: two points make a
/// line through any noise, three at least show a direction.
pub const MIN_TREND_POINTS: usize = 3;

/// Where a KPI's trajectory to its target starts: 0 for a total counted from zero (`from_zero`),
/// else the baseline, or without one the first value; `None` without either (or when it is not
/// finite). The analysis paces against this line and the chart draws it.
pub fn trajectory_start(kpi: &Kpi, points: &[(Date, f64)], from_zero: bool) -> Option<f64> {
    if from_zero {
        Some(0.0)
    } else {
        kpi.baseline.or(points.first().map(|p| p.1))
    }
    .filter(|v| v.is_finite())
}

/// Analyses a KPI's points (see [`analyse`]): the last one is the actual; `from_zero` for a
/// total, whose trajectory starts at 0 rather than at the baseline.
pub fn analyse_points(
    kpi: &Kpi,
    points: &[(Date, f64)],
    from_zero: bool,
    start: Option<Date>,
    today: Date,
) -> KpiAnalysis {
    let actual = points.last().map(|p| p.1);
    let mut out = KpiAnalysis {
        actual,
        achievement: None,
        vs_target: None,
        expected_now: None,
        vs_trajectory: None,
        projected: None,
        trend_points: 0,
        upper_bound: false,
        status: Status::NoData,
        reason: Reason::NoMeasurements,
    };
    let Some(actual) = actual else {
        return out;
    };
    out.trend_points = points.iter().filter(|p| p.1.is_finite()).count();
    let line = if out.trend_points >= MIN_TREND_POINTS {
        trend(points)
    } else {
        None
    };
    out.projected = match (line, kpi.deadline) {
        (Some(t), Some(deadline)) => t.at(deadline),
        _ => None,
    };
    out.achievement = achievement(kpi, actual);
    let Some(achieved) = out.achievement else {
        out.reason = Reason::NoTarget;
        return out;
    };
    if let Some(target) = kpi.target {
        out.vs_target = variance(actual, target);
    }
    let higher = kpi.direction != Direction::LowerIsBetter;
    if achieved.is_met() {
        out.status = Status::Achieved;
        out.reason = Reason::TargetMet;
        return out;
    }
    if kpi.deadline.is_some_and(|d| today > d) {
        out.status = Status::OffTrack;
        out.reason = Reason::DeadlinePassed;
        return out;
    }
    if let Direction::WithinRange { .. } = kpi.direction {
        out.status = Status::AtRisk;
        out.reason = Reason::OutOfRange;
        return out;
    }
    let from = trajectory_start(kpi, points, from_zero).unwrap_or(0.0);
    out.expected_now = start.and_then(|s| expected_at(kpi, from, s, today));
    let Some(expected) = out.expected_now else {
        let towards = line.is_some_and(|t| if higher { t.slope > 0.0 } else { t.slope < 0.0 });
        (out.status, out.reason) = if towards {
            (Status::OnTrack, Reason::TrendTowardsTarget)
        } else {
            (Status::AtRisk, Reason::TrendAwayFromTarget)
        };
        return out;
    };
    out.vs_trajectory = variance(actual, expected);
    if meets(higher, actual, expected) {
        out.status = Status::OnTrack;
        out.reason = Reason::OnPace;
        return out;
    }
    let target = kpi.target.unwrap_or(expected);
    match out.projected {
        Some(projected) if meets(higher, projected, target) => {
            out.status = Status::AtRisk;
            out.reason = Reason::BehindPaceTrendRecovers { projected };
        }
        projected => {
            out.status = Status::OffTrack;
            out.reason = Reason::BehindPace {
                gap: (actual - expected).abs(),
                projected,
            };
        }
    }
    out
}

/// The library's ratio KPIs computable from raw values given as `(metric id, value)`: CTR
/// from clicks and impressions, CPC, CPM, CPA, ROAS, ROI, conversion rate, open rate, click
/// rate, click-to-open rate… Only those whose inputs are all present and whose denominator is
/// not zero; the same formulas as the KPI step ([`compute`]).
pub fn derived_metrics(values: &[(&str, f64)]) -> Vec<(&'static str, f64)> {
    let inputs: Vec<(Input, f64)> = values
        .iter()
        .filter_map(|(id, v)| input_of(id).map(|i| (i, *v)))
        .collect();
    LIBRARY
        .iter()
        .filter(|m| {
            !matches!(
                m.formula,
                crate::domain::model::kpi_library::Formula::Count(_)
            )
        })
        .filter_map(|m| compute(m, &inputs).map(|v| (m.id, v)))
        .collect()
}

/// Spend against plan for one channel.
#[derive(Clone, Debug, PartialEq)]
pub struct ChannelSpend {
    /// The channel.
    pub channel: Channel,
    /// Allocated in the budget (0 for a channel spent on without an allocation).
    pub planned: f64,
    /// Spent so far.
    pub spent: f64,
    /// `planned − spent`; negative when over budget.
    pub remaining: f64,
    /// `spent / planned × 100`; `None` when nothing was planned.
    pub used_percent: Option<f64>,
    /// Where the spent figure comes from (set by [`crate::domain::execution::spend::by_channel`]).
    pub from: crate::domain::execution::spend::SpendFrom,
}

/// Spend against plan per channel: every allocated channel in budget order, then channels
/// spent on without an allocation. Allocations of the same channel add up.
pub fn spend_vs_plan(budget: &Budget, spend: &[SpendEntry]) -> Vec<ChannelSpend> {
    let mut out: Vec<ChannelSpend> = Vec::new();
    let mut entry = |channel: &Channel| -> usize {
        match out.iter().position(|c| &c.channel == channel) {
            Some(i) => i,
            None => {
                out.push(ChannelSpend {
                    channel: channel.clone(),
                    planned: 0.0,
                    spent: 0.0,
                    remaining: 0.0,
                    used_percent: None,
                    from: crate::domain::execution::spend::SpendFrom::Nothing,
                });
                out.len() - 1
            }
        }
    };
    let mut planned = Vec::new();
    for a in &budget.allocations {
        planned.push((entry(&a.channel), a.amount));
    }
    let mut spent = Vec::new();
    for s in spend {
        spent.push((entry(&s.channel), s.amount));
    }
    for (i, amount) in planned {
        if let Some(c) = out.get_mut(i) {
            c.planned += if amount.is_finite() { amount } else { 0.0 };
        }
    }
    for (i, amount) in spent {
        if let Some(c) = out.get_mut(i) {
            c.spent += if amount.is_finite() { amount } else { 0.0 };
        }
    }
    for c in &mut out {
        c.remaining = c.planned - c.spent;
        c.used_percent = (c.planned != 0.0)
            .then(|| c.spent / c.planned * 100.0)
            .and_then(finite);
    }
    out
}

/// Cost per result (CPA, cost per lead…): `None` when there are no results.
pub fn cost_per_result(cost: f64, results: f64) -> Option<f64> {
    if results == 0.0 {
        return None;
    }
    finite(cost / results)
}

/// What one result cost on a channel: the channel's spend divided by the results (leads or
/// sales, summed over their measurements) of the first such KPI the plan ties to that channel.
#[derive(Clone, Debug, PartialEq)]
pub struct ResultCost {
    /// The KPI counting the results.
    pub kpi: String,
    /// The cost of one result, in the plan's currency.
    pub cost: f64,
}

/// The cost per result of `channel` given what was `spent` on it: the results are the
/// KPI's value over the campaign at `today` (its sources' facts, or its typed values); `None`
/// when no lead or sales KPI is tied to the channel, or it has no results yet.
pub fn result_cost(plan: &Plan, channel: &Channel, spent: f64, today: Date) -> Option<ResultCost> {
    let kpi = plan.kpis.iter().find(|k| {
        k.channel.as_ref() == Some(channel)
            && matches!(k.metric.as_deref(), Some("leads" | "sales"))
    })?;
    let results = crate::domain::analysis::facts::kpi_series(plan, kpi, today)
        .points
        .last()?
        .1;
    Some(ResultCost {
        kpi: kpi.id.clone(),
        cost: cost_per_result(spent, results)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::plan::{Allocation, Priority};

    fn d(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    fn kpi(direction: Direction, baseline: Option<f64>, target: Option<f64>) -> Kpi {
        Kpi {
            id: "k".into(),
            direction,
            baseline,
            target,
            deadline: Some(d("2024-03-31")),
            ..Kpi::default()
        }
    }

    fn m(date: &str, value: f64) -> Measurement {
        Measurement {
            id: format!("m-{date}"),
            kpi: "k".into(),
            date: d(date),
            end: None,
            value,
            source: String::new(),
            note: String::new(),
            import: String::new(),
        }
    }

    fn progress(k: &Kpi, actual: f64) -> f64 {
        match achievement(k, actual) {
            Some(Achievement::Progress(p)) => p,
            other => panic!("{other:?}"),
        }
    }

    // Guards: achievement follows the direction: higher, lower (mirror), no baseline, equal.
    #[test]
    fn achievement_respects_direction() {
        let higher = kpi(Direction::HigherIsBetter, Some(100.0), Some(200.0));
        assert_eq!(progress(&higher, 150.0), 0.5);
        assert_eq!(progress(&higher, 80.0), -0.2);
        let lower = kpi(Direction::LowerIsBetter, Some(5000.0), Some(4000.0));
        assert_eq!(progress(&lower, 4500.0), 0.5);
        assert_eq!(progress(&lower, 3800.0), 1.2);
        assert!(achievement(&lower, 3800.0).unwrap().is_met());
        assert_eq!(
            progress(&kpi(Direction::HigherIsBetter, None, Some(200.0)), 50.0),
            0.25
        );
        assert_eq!(
            progress(&kpi(Direction::LowerIsBetter, None, Some(4000.0)), 5000.0),
            0.8
        );
        let flat = kpi(Direction::HigherIsBetter, Some(10.0), Some(10.0));
        assert_eq!((progress(&flat, 10.0), progress(&flat, 9.0)), (1.0, 0.0));
        assert_eq!(
            achievement(&kpi(Direction::HigherIsBetter, Some(1.0), None), 5.0),
            None
        );
        assert_eq!(achievement(&higher, f64::NAN), None);
    }

    // Guards: a range KPI is in or out, with the distance to the nearer bound.
    #[test]
    fn achievement_within_range() {
        let range = kpi(Direction::WithinRange { min: 2.0, max: 5.0 }, None, None);
        assert_eq!(
            achievement(&range, 3.0),
            Some(Achievement::InRange { margin: 1.0 })
        );
        assert_eq!(
            achievement(&range, 6.5),
            Some(Achievement::OutOfRange {
                distance: 1.5,
                above: true
            })
        );
        assert_eq!(
            achievement(&range, 1.0),
            Some(Achievement::OutOfRange {
                distance: 1.0,
                above: false
            })
        );
    }

    // Guards: variance against the target and the linear trajectory for the time elapsed.
    #[test]
    fn variance_and_trajectory() {
        assert_eq!(
            variance(150.0, 200.0),
            Some(Variance {
                absolute: -50.0,
                percent: Some(-25.0)
            })
        );
        assert_eq!(variance(5.0, 0.0).unwrap().percent, None);
        let k = kpi(Direction::HigherIsBetter, Some(100.0), Some(200.0));
        let start = d("2024-03-01");
        assert_eq!(expected_at(&k, 100.0, start, d("2024-03-16")), Some(150.0));
        assert_eq!(expected_at(&k, 100.0, start, d("2024-02-01")), Some(100.0));
        assert_eq!(expected_at(&k, 100.0, start, d("2024-05-01")), Some(200.0));
        assert_eq!(
            expected_at(&k, 100.0, d("2024-03-31"), d("2024-03-31")),
            None
        );
    }

    // Guards: the least-squares trend, with one point, one date and 10^12 values.
    #[test]
    fn least_squares_trend() {
        let t = trend(&[
            (d("2024-03-01"), 1.0),
            (d("2024-03-02"), 2.0),
            (d("2024-03-03"), 4.0),
        ])
        .unwrap();
        assert!((t.slope - 1.5).abs() < 1e-12);
        assert!((t.intercept - 5.0 / 6.0).abs() < 1e-12);
        assert!((t.at(d("2024-03-11")).unwrap() - (5.0 / 6.0 + 15.0)).abs() < 1e-9);
        assert_eq!(trend(&[(d("2024-03-01"), 1.0)]), None);
        assert_eq!(
            trend(&[(d("2024-03-01"), 1.0), (d("2024-03-01"), 3.0)]),
            None
        );
        assert_eq!(trend(&[]), None);
        let huge = trend(&[
            (d("2024-03-01"), 1e12),
            (d("2024-03-02"), 1e12 + 1e6),
            (d("2024-03-03"), 1e12 + 2e6),
        ])
        .unwrap();
        assert!((huge.slope - 1e6).abs() < 1e-3);
        assert!((huge.at(d("2024-03-04")).unwrap() - (1e12 + 3e6)).abs() < 1.0);
    }

    fn status(k: &Kpi, ms: &[Measurement], today: &str) -> (Status, Reason) {
        let a = analyse(k, ms, Aggregation::Latest, Some(d("2024-03-01")), d(today));
        (a.status, a.reason)
    }

    // Guards: each status with its reason, on hand-computed series (target 200 by 31 March,
    // baseline 100 on 1 March: the trajectory is 150 on 16 March).
    #[test]
    fn statuses_and_reasons() {
        let k = kpi(Direction::HigherIsBetter, Some(100.0), Some(200.0));
        assert_eq!(
            status(&k, &[], "2024-03-16"),
            (Status::NoData, Reason::NoMeasurements)
        );
        let no_target = kpi(Direction::HigherIsBetter, Some(1.0), None);
        assert_eq!(
            status(&no_target, &[m("2024-03-02", 5.0)], "2024-03-16"),
            (Status::NoData, Reason::NoTarget)
        );
        let on_pace = [
            m("2024-03-06", 120.0),
            m("2024-03-11", 140.0),
            m("2024-03-16", 160.0),
        ];
        assert_eq!(
            status(&k, &on_pace, "2024-03-16"),
            (Status::OnTrack, Reason::OnPace)
        );
        let a = analyse(
            &k,
            &on_pace,
            Aggregation::Latest,
            Some(d("2024-03-01")),
            d("2024-03-16"),
        );
        assert_eq!(a.expected_now, Some(150.0));
        assert_eq!(a.projected, Some(220.0));
        assert_eq!(a.vs_trajectory.unwrap().absolute, 10.0);
        assert_eq!(a.vs_target.unwrap().percent, Some(-20.0));
        let recovers = [
            m("2024-03-06", 100.0),
            m("2024-03-11", 120.0),
            m("2024-03-16", 140.0),
        ];
        assert_eq!(
            status(&k, &recovers, "2024-03-16"),
            (
                Status::AtRisk,
                Reason::BehindPaceTrendRecovers { projected: 200.0 }
            )
        );
        let slow = [
            m("2024-03-06", 100.0),
            m("2024-03-11", 105.0),
            m("2024-03-16", 110.0),
        ];
        assert_eq!(
            status(&k, &slow, "2024-03-16"),
            (
                Status::OffTrack,
                Reason::BehindPace {
                    gap: 40.0,
                    projected: Some(125.0)
                }
            )
        );
        assert_eq!(
            status(&k, &slow, "2024-04-02"),
            (Status::OffTrack, Reason::DeadlinePassed)
        );
        assert_eq!(
            status(&k, &[m("2024-03-20", 210.0)], "2024-03-20"),
            (Status::Achieved, Reason::TargetMet)
        );
        let range = kpi(Direction::WithinRange { min: 2.0, max: 5.0 }, None, None);
        assert_eq!(
            status(&range, &[m("2024-03-02", 6.0)], "2024-03-16"),
            (Status::AtRisk, Reason::OutOfRange)
        );
        let one = analyse(
            &k,
            &[m("2024-03-02", 90.0)],
            Aggregation::Latest,
            None,
            d("2024-03-16"),
        );
        assert_eq!(
            (one.status, one.reason),
            (Status::AtRisk, Reason::TrendAwayFromTarget)
        );
    }

    // Guards: issue #17: a projection rests on at least three days of data and says on how
    // many. Two points (100 on the 6th, 120 on the 11th) fit any line exactly and show no
    // direction: no projection, and the count is 2. A third point on the 16th (140) gives the
    // least-squares line 100 + 4 a day from the 6th: 100 + 4 × 25 = 200 on 31 March.
    #[test]
    fn a_projection_needs_three_days_of_data() {
        let k = kpi(Direction::HigherIsBetter, Some(100.0), Some(200.0));
        let two = [m("2024-03-06", 100.0), m("2024-03-11", 120.0)];
        let a = analyse(
            &k,
            &two,
            Aggregation::Latest,
            Some(d("2024-03-01")),
            d("2024-03-11"),
        );
        assert_eq!((a.projected, a.trend_points), (None, 2));
        let three = [
            m("2024-03-06", 100.0),
            m("2024-03-11", 120.0),
            m("2024-03-16", 140.0),
        ];
        let a = analyse(
            &k,
            &three,
            Aggregation::Latest,
            Some(d("2024-03-01")),
            d("2024-03-16"),
        );
        assert_eq!((a.projected, a.trend_points), (Some(200.0), 3));
    }

    // Guards: summed KPIs (daily leads) pace their running total from 0 to the target.
    #[test]
    fn summed_kpi_paces_running_total() {
        let mut k = kpi(Direction::HigherIsBetter, None, Some(300.0));
        k.metric = Some("leads".into());
        assert_eq!(default_aggregation(&k), Aggregation::Sum);
        let daily: Vec<Measurement> = (1..=10)
            .map(|day| m(&format!("2024-03-{day:02}"), 10.0))
            .collect();
        let a = analyse(
            &k,
            &daily,
            default_aggregation(&k),
            Some(d("2024-03-01")),
            d("2024-03-10"),
        );
        assert_eq!(a.actual, Some(100.0));
        assert_eq!(a.expected_now, Some(90.0));
        assert_eq!((a.status, a.reason), (Status::OnTrack, Reason::OnPace));
        assert_eq!(a.projected, Some(310.0));
    }

    // Guards: zeros, NaN and 10^12 values never panic and give no invented numbers.
    #[test]
    fn degenerate_inputs_do_not_panic() {
        let zeros = kpi(Direction::HigherIsBetter, Some(0.0), Some(0.0));
        let a = analyse(
            &zeros,
            &[m("2024-03-02", 0.0), m("2024-03-03", 0.0)],
            Aggregation::Latest,
            Some(d("2024-03-01")),
            d("2024-03-05"),
        );
        assert_eq!(a.status, Status::Achieved);
        let huge = kpi(Direction::LowerIsBetter, Some(1e12), Some(1e11));
        let a = analyse(
            &huge,
            &[m("2024-03-02", 9e11), m("2024-03-09", f64::NAN)],
            Aggregation::Sum,
            Some(d("2024-03-01")),
            d("2024-03-10"),
        );
        assert_eq!(a.actual, Some(9e11));
        assert!(a.achievement.is_some());
        assert_eq!(variance(f64::MAX, -f64::MAX), None);
        assert_eq!(cost_per_result(1.0, 0.0), None);
        assert_eq!(cost_per_result(750_000.0, 25.0), Some(30_000.0));
    }

    // Guards: derived KPIs come from raw metrics only when both inputs are there.
    #[test]
    fn derived_from_raw_metrics() {
        let ads = derived_metrics(&[
            ("clicks", 50.0),
            ("impressions", 1000.0),
            ("cost", 100_000.0),
            ("conversions", 5.0),
            ("revenue", 400_000.0),
            ("sessions", 500.0),
        ]);
        for (id, value) in [
            ("ctr", 5.0),
            ("cpc", 2000.0),
            ("cpm", 100_000.0),
            ("cpa", 20_000.0),
            ("roas", 4.0),
            ("roi", 300.0),
            ("conversion_rate", 1.0),
        ] {
            assert_eq!(
                ads.iter().find(|(i, _)| *i == id).map(|p| p.1),
                Some(value),
                "{id}"
            );
        }
        let email = derived_metrics(&[
            ("emails_delivered", 1960.0),
            ("email_opens", 784.0),
            ("email_clicks", 196.0),
        ]);
        assert_eq!(
            email,
            vec![
                ("open_rate", 40.0),
                ("click_rate", 10.0),
                ("click_to_open_rate", 25.0)
            ]
        );
        assert!(derived_metrics(&[("clicks", 5.0), ("impressions", 0.0)]).is_empty());
        assert!(derived_metrics(&[]).is_empty());
    }

    // Guards: spend against plan per channel, with unplanned spend listed after.
    #[test]
    fn spend_against_plan() {
        let alloc = |channel: Channel, amount: f64| Allocation {
            id: format!("{channel:?}"),
            channel,
            amount,
            priority: Priority::Medium,
            expected_return: None,
        };
        let budget = Budget {
            total: 1_500_000.0,
            allocations: vec![
                alloc(Channel::Sem, 1_000_000.0),
                alloc(Channel::Instagram, 500_000.0),
            ],
        };
        let spent = |channel: Channel, amount: f64| SpendEntry {
            id: "s".into(),
            channel,
            date: d("2024-03-01"),
            amount,
            note: String::new(),
        };
        let rows = spend_vs_plan(
            &budget,
            &[
                spent(Channel::Sem, 300_000.0),
                spent(Channel::Email, 50_000.0),
                spent(Channel::Sem, 450_000.0),
            ],
        );
        assert_eq!(rows.len(), 3);
        assert_eq!(
            (rows[0].spent, rows[0].remaining, rows[0].used_percent),
            (750_000.0, 250_000.0, Some(75.0))
        );
        assert_eq!((rows[1].spent, rows[1].used_percent), (0.0, Some(0.0)));
        assert_eq!(rows[2].channel, Channel::Email);
        assert_eq!(
            (rows[2].planned, rows[2].remaining, rows[2].used_percent),
            (0.0, -50_000.0, None)
        );
        assert!(spend_vs_plan(&Budget::default(), &[]).is_empty());
    }

    #[test]
    fn cost_per_result_of_a_channel_from_its_lead_kpi() {
        // Rp 750.000 on search, 10 + 15 leads from the search lead KPI: Rp 30.000 a lead.
        let mut plan = Plan::blank("p", "p", 0);
        let kpi = |id: &str, metric: &str, channel: Option<Channel>| Kpi {
            id: id.into(),
            metric: Some(metric.into()),
            channel,
            ..Kpi::default()
        };
        plan.kpis = vec![
            kpi("ctr", "ctr", Some(Channel::Sem)),
            kpi("leads-ig", "leads", Some(Channel::Instagram)),
            kpi("leads-sem", "leads", Some(Channel::Sem)),
        ];
        let m = |kpi: &str, value: f64| Measurement {
            id: format!("{kpi}{value}"),
            kpi: kpi.into(),
            date: d("2024-03-01"),
            end: None,
            value,
            source: String::new(),
            note: String::new(),
            import: String::new(),
        };
        plan.measurements = vec![m("leads-sem", 10.0), m("ctr", 4.0), m("leads-sem", 15.0)];
        assert_eq!(
            result_cost(&plan, &Channel::Sem, 750_000.0, d("2026-12-31")),
            Some(ResultCost {
                kpi: "leads-sem".into(),
                cost: 30_000.0
            })
        );
        // No results yet, or no lead or sales KPI on the channel: nothing to divide by.
        assert_eq!(
            result_cost(&plan, &Channel::Instagram, 100.0, d("2026-12-31")),
            None
        );
        assert_eq!(
            result_cost(&plan, &Channel::Email, 100.0, d("2026-12-31")),
            None
        );
    }
}
