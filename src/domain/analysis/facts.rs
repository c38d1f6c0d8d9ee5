//! Phase 3, collecting and analysing data: the raw numbers the platforms report (clicks,
//! impressions, cost, sessions…), each for a period, a source and a breakdown (campaign, ad
//! group, channel group…), and a KPI's value over a period computed from them the way the
//! platforms compute it: a period's CTR is Σclicks ÷ Σimpressions, never the last day's CTR.
//!
//! How each number adds up is the metric's [`Additivity`] (see `docs/metrics.md`):
//! - additive numbers (clicks, cost, sessions) add over days and breakdowns;
//! - a ratio KPI (CTR, CPC, CPA, ROAS…) is its formula applied to the period's sums;
//! - a stock (followers) is the latest value of each breakdown, added across breakdowns;
//! - a non-additive count (reach, users) is never added across days or breakdowns: the
//!   platform's own total for exactly the period is used when there is one, else the sum is
//!   given as an upper bound.

use std::collections::BTreeMap;

use crate::domain::model::kpi_library::{compute, input_of, metric_of, Formula, Input, Metric};
use crate::domain::model::plan::{Kpi, Plan, TargetBasis};
use crate::domain::values::date::Date;

/// How a raw number adds up over time and breakdowns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Additivity {
    /// Adds over days and breakdowns (clicks, cost, sessions, revenue, leads).
    Additive,
    /// The latest value counts, per breakdown (followers at the end of the period).
    Stock,
    /// Counts people, who repeat across days and breakdowns (reach, users): never summed.
    NonAdditive,
    /// A score (a survey's average rating): the period's value is the average of its scores,
    /// each weighted by the days it covers.
    Score,
}

/// How `input` adds up.
pub fn additivity(input: Input) -> Additivity {
    match input {
        Input::Followers => Additivity::Stock,
        Input::Reach => Additivity::NonAdditive,
        Input::SatisfactionScore => Additivity::Score,
        _ => Additivity::Additive,
    }
}

/// One number a platform reported: `value` of `input` over the days `start..=end`, from
/// `source`, for the breakdown `labels` (e.g. `campaign` → `Brand - Search`; empty for the
/// whole account).
#[derive(Clone, Debug, PartialEq)]
pub struct Fact<'a> {
    /// What was counted.
    pub input: Input,
    /// The first day.
    pub start: Date,
    /// The last day (the same as `start` for a daily row).
    pub end: Date,
    /// The number.
    pub value: f64,
    /// The platform or file it came from.
    pub source: &'a str,
    /// The breakdown, dimension → value.
    pub labels: &'a BTreeMap<String, String>,
}

impl Fact<'_> {
    fn days(&self) -> i64 {
        self.start.days_until(self.end) + 1
    }
}

/// How far a period value can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Computed exactly from the facts.
    Exact,
    /// Part of it counts people added across days or breakdowns (reach): the true figure is
    /// at most this.
    UpperBound,
}

/// A KPI's value over a period, and what it rests on.
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodValue {
    /// The value.
    pub value: f64,
    /// Each input's total over the period, as the formula used it.
    pub inputs: Vec<(Input, f64)>,
    /// How many facts it rests on.
    pub facts: usize,
    /// Exact, or an upper bound.
    pub basis: Basis,
}

/// The total of one input over `from..=to`. Facts wholly inside count whole; an additive fact
/// that straddles an edge (a Meta week across a month's end) counts for the share of its days
/// inside, since the platform reports no finer split. `None` without any fact in the period.
pub fn input_total<'a>(
    input: Input,
    facts: impl IntoIterator<Item = &'a Fact<'a>>,
    from: Date,
    to: Date,
) -> Option<(f64, usize, Basis)> {
    let inside: Vec<(&Fact, f64)> = facts
        .into_iter()
        .filter(|f| f.input == input && f.value.is_finite() && f.start <= to && f.end >= from)
        .filter_map(|f| {
            let first = f.start.max(from);
            let last = f.end.min(to);
            let share = (first.days_until(last) + 1) as f64 / f.days().max(1) as f64;
            (share > 0.0).then_some((f, share))
        })
        .collect();
    if inside.is_empty() {
        return None;
    }
    let count = inside.len();
    match additivity(input) {
        Additivity::Additive => Some((
            inside.iter().map(|(f, share)| f.value * share).sum(),
            count,
            Basis::Exact,
        )),
        Additivity::Score => {
            let days = |f: &Fact, share: f64| share * f.days().max(1) as f64;
            let weight: f64 = inside.iter().map(|(f, share)| days(f, *share)).sum();
            let sum: f64 = inside
                .iter()
                .map(|(f, share)| f.value * days(f, *share))
                .sum();
            (weight > 0.0).then(|| (sum / weight, count, Basis::Exact))
        }
        Additivity::Stock => {
            // The latest value of each breakdown (source and labels), added up.
            // (source, labels, last day, value) of each breakdown.
            type Latest<'f> = (&'f str, &'f BTreeMap<String, String>, Date, f64);
            let mut latest: Vec<Latest> = Vec::new();
            for (f, _) in &inside {
                match latest
                    .iter_mut()
                    .find(|(s, l, _, _)| *s == f.source && *l == f.labels)
                {
                    Some(entry) if entry.2 <= f.end => {
                        entry.2 = f.end;
                        entry.3 = f.value;
                    }
                    Some(_) => {}
                    None => latest.push((f.source, f.labels, f.end, f.value)),
                }
            }
            Some((latest.iter().map(|e| e.3).sum(), count, Basis::Exact))
        }
        Additivity::NonAdditive => {
            // The platform's own total for exactly the period, when the file has one: a fact
            // with no breakdown covering the whole period.
            let total = inside
                .iter()
                .filter(|(f, _)| f.labels.is_empty() && f.start == from && f.end == to)
                .map(|(f, _)| f.value)
                .fold(None, |acc: Option<f64>, v| {
                    Some(acc.map_or(v, |a| a.max(v)))
                });
            match total {
                Some(v) => Some((v, count, Basis::Exact)),
                None if count == 1 && inside[0].1 >= 1.0 => {
                    Some((inside[0].0.value, 1, Basis::Exact))
                }
                None => Some((
                    inside.iter().map(|(f, share)| f.value * share).sum(),
                    count,
                    Basis::UpperBound,
                )),
            }
        }
    }
}

/// `metric`'s value over `from..=to` from the facts, as the platforms compute it: a count is
/// its input's total; a ratio is its formula on the totals (Σclicks ÷ Σimpressions × 100).
/// `None` when an input has no fact in the period or a denominator is zero.
pub fn period_value<'a>(
    metric: &Metric,
    facts: &'a [Fact<'a>],
    from: Date,
    to: Date,
) -> Option<PeriodValue> {
    let inputs = formula_inputs(metric);
    let mut totals = Vec::with_capacity(inputs.len());
    let mut count = 0;
    let mut basis = Basis::Exact;
    for input in inputs {
        let (total, n, b) = input_total(input, facts, from, to)?;
        totals.push((input, total));
        count += n;
        if b == Basis::UpperBound {
            basis = Basis::UpperBound;
        }
    }
    let value = crate::domain::model::kpi_library::compute(metric, &totals)?;
    Some(PeriodValue {
        value,
        inputs: totals,
        facts: count,
        basis,
    })
}

/// The facts of `plan` from `sources`, as [`Fact`]s (series of metrics no formula reads are
/// left out).
pub fn plan_facts<'a>(plan: &'a Plan, sources: &[String]) -> Vec<Fact<'a>> {
    plan.facts
        .iter()
        .filter(|s| sources.iter().any(|w| w == &s.source))
        .filter_map(|s| Some((s, input_of(&s.metric)?)))
        .flat_map(|(s, input)| {
            s.points().map(move |(start, end, value)| Fact {
                input,
                start,
                end,
                value,
                source: &s.source,
                labels: &s.labels,
            })
        })
        .collect()
}

/// A KPI's values over time, as the analysis, the charts, the report and the next campaign
/// use them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KpiSeries {
    /// For each day with data, the KPI's value from the start of its period to that day: the
    /// running total of a count, the period-to-date ratio of a rate (Σclicks ÷ Σimpressions
    /// so far), the latest level of a stock. The last point is the value over the period.
    pub points: Vec<(Date, f64)>,
    /// True for a total that starts from zero (sessions, leads, revenue), false for a level or
    /// rate compared from its baseline.
    pub cumulative: bool,
    /// The value over the whole period, with what it rests on, when it comes from facts.
    pub period: Option<PeriodValue>,
}

/// The last day a KPI's value counts: today, or its deadline once that has passed.
fn period_end(kpi: &Kpi, today: Date) -> Date {
    kpi.deadline.map_or(today, |d| d.min(today))
}

/// One breakdown of a KPI: what the KPI is over its period for one source and breakdown
/// (one campaign) alone, so the manager sees which campaign drives the CPA.
#[derive(Clone, Debug, PartialEq)]
pub struct BreakdownRow {
    /// The source.
    pub source: String,
    /// The breakdown (empty: the whole account).
    pub labels: BTreeMap<String, String>,
    /// The KPI over the period for this breakdown.
    pub value: PeriodValue,
}

/// The KPI over its period (the month or week of a target per month or week, as the analysis
/// judges it) for each source and breakdown its facts carry, the largest first (by the
/// formula's last input: impressions for a CTR, conversions for a CPA, the count itself for a
/// count). Empty for a KPI without sources.
pub fn kpi_breakdown(plan: &Plan, kpi: &Kpi, today: Date) -> Vec<BreakdownRow> {
    match judged_window(plan, kpi, today) {
        Some((from, to)) => kpi_breakdown_between(plan, kpi, from, to),
        None => Vec::new(),
    }
}

/// The days the analysis judges a KPI on at `today` (see [`judged`]): the month or week of a
/// target per month or week, else the campaign's start (or the first value) to today, or to
/// the deadline once that has passed. `None` while there is no start and no value.
pub fn judged_window(plan: &Plan, kpi: &Kpi, today: Date) -> Option<(Date, Date)> {
    if let Some((start, end)) = target_window(plan, kpi, today) {
        return Some((start, period_end(kpi, today).min(end)));
    }
    let first = if kpi.sources.is_empty() {
        plan.measurements
            .iter()
            .filter(|m| m.kpi == kpi.id)
            .map(|m| m.date)
            .min()
    } else {
        plan.facts
            .iter()
            .filter(|s| kpi.sources.iter().any(|w| w == &s.source))
            .map(|s| s.start)
            .min()
    };
    let start = plan.goal.start.or(first)?;
    Some((start, period_end(kpi, today)))
}

/// A KPI's value over `from..=to` (any period the manager picks), computed as the analysis
/// computes its actual: from its sources' facts, or from its typed values in the period.
/// With the value, whether it is only an upper bound (reach added across days). `None`
/// without data in the period.
pub fn value_between(plan: &Plan, kpi: &Kpi, from: Date, to: Date) -> Option<(f64, Basis)> {
    if to < from {
        return None;
    }
    let series = series_between(plan, kpi, Some(from), to);
    let value = series.points.last()?.1;
    let basis = series.period.map_or(Basis::Exact, |p| p.basis);
    Some((value, basis))
}

/// [`kpi_breakdown`] over `from..=to`.
pub fn kpi_breakdown_between(plan: &Plan, kpi: &Kpi, from: Date, to: Date) -> Vec<BreakdownRow> {
    let Some(metric) = metric_of(kpi).filter(|_| !kpi.sources.is_empty()) else {
        return Vec::new();
    };
    let facts = plan_facts(plan, &kpi.sources);
    // The facts of each (source, breakdown).
    type Group<'f> = ((&'f str, &'f BTreeMap<String, String>), Vec<Fact<'f>>);
    let mut groups: Vec<Group> = Vec::new();
    for f in facts {
        let key = (f.source, f.labels);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(f),
            None => groups.push((key, vec![f])),
        }
    }
    let mut rows: Vec<BreakdownRow> = groups
        .into_iter()
        .filter_map(|((source, labels), list)| {
            Some(BreakdownRow {
                source: source.to_string(),
                labels: labels.clone(),
                value: period_value(metric, &list, from, to)?,
            })
        })
        .collect();
    let size = |r: &BreakdownRow| r.value.inputs.last().map_or(0.0, |i| i.1);
    crate::domain::values::sort::sort_by(&mut rows, |a, b| size(b).total_cmp(&size(a)));
    rows
}

/// The days a KPI's value counts: from the campaign's start (or the first fact, when the plan
/// has no start) to today, or to the deadline once that has passed.
fn kpi_period(plan: &Plan, kpi: &Kpi, first: Date, today: Date) -> (Date, Date) {
    (plan.goal.start.unwrap_or(first), period_end(kpi, today))
}

/// The days a KPI's target applies to at `today`, for a target per month or week: the month
/// (or the Monday-to-Sunday week) that holds the KPI's last counted day, from the campaign's
/// start if that is later. `None` for a target over the whole campaign.
pub fn target_window(plan: &Plan, kpi: &Kpi, today: Date) -> Option<(Date, Date)> {
    let last = period_end(kpi, today);
    let (start, end) = match kpi.basis {
        TargetBasis::Campaign => return None,
        TargetBasis::PerMonth => {
            let first = Date::new(last.year(), last.month(), 1)?;
            let days = crate::domain::values::date::days_in_month(last.year(), last.month());
            (first, Date::new(last.year(), last.month(), days)?)
        }
        TargetBasis::PerWeek => {
            // 1970-01-01 was a Thursday: day 0 is weekday 3 counting Monday as 0.
            let weekday = (last.to_days() + 3).rem_euclid(7);
            let monday = last.add_days(-weekday)?;
            (monday, monday.add_days(6)?)
        }
    };
    let start = plan.goal.start.map_or(start, |s| s.max(start));
    Some((start, end))
}

/// What the analysis judges a KPI on at `today`: its series (over the campaign, or over the
/// month or week its target is for), the KPI with the deadline that window sets, and when its
/// trajectory starts. The analysis table, the charts and the report all take it from here.
pub fn judged(plan: &Plan, kpi: &Kpi, today: Date) -> (KpiSeries, Kpi, Option<Date>) {
    let Some((start, end)) = target_window(plan, kpi, today) else {
        return (kpi_series(plan, kpi, today), kpi.clone(), plan.goal.start);
    };
    let mut windowed = kpi.clone();
    windowed.deadline = Some(kpi.deadline.map_or(end, |d| d.min(end)));
    let series = series_between(plan, kpi, Some(start), period_end(&windowed, today));
    (series, windowed, Some(start))
}

/// A KPI's values over time. A KPI fed by sources (see [`Kpi::sources`]) is computed from
/// their facts over the campaign (its start to today, or to the deadline once past), as the
/// platforms compute it; a KPI without sources from its values typed by hand, each the value
/// of its day or period (a count adds up, a rate or level is its latest value).
pub fn kpi_series(plan: &Plan, kpi: &Kpi, today: Date) -> KpiSeries {
    series_between(plan, kpi, None, period_end(kpi, today))
}

/// [`kpi_series`] from `start` (else the campaign's) to `to`.
fn series_between(plan: &Plan, kpi: &Kpi, start: Option<Date>, to: Date) -> KpiSeries {
    let Some(metric) = metric_of(kpi).filter(|_| !kpi.sources.is_empty()) else {
        return typed_series(plan, kpi, start, to);
    };
    let facts = plan_facts(plan, &kpi.sources);
    // The first day any of the sources reported (counts or the KPI's own rate).
    let first = plan
        .facts
        .iter()
        .filter(|s| kpi.sources.iter().any(|w| w == &s.source))
        .filter(|s| s.metric == metric.id || input_of(&s.metric).is_some())
        .map(|s| s.start)
        .min();
    let Some(first) = first else {
        return KpiSeries {
            cumulative: is_total(metric),
            ..KpiSeries::default()
        };
    };
    let from = start.unwrap_or_else(|| kpi_period(plan, kpi, first, to).0);
    let inputs = formula_inputs(metric);
    // Each day's contribution to each input: an additive fact over several days spreads
    // evenly over them, as in `input_total`; stocks and reach are summed per day here (the
    // exact period value below replaces the last point).
    let mut days: std::collections::BTreeMap<i64, Vec<f64>> = std::collections::BTreeMap::new();
    // The days each score's sum above stands for, per day and input (scores only).
    let mut weights: BTreeMap<i64, Vec<f64>> = BTreeMap::new();
    // (input slot, source, labels, last day, value) of each stock fact.
    type Stock<'f> = (usize, &'f str, &'f BTreeMap<String, String>, i64, f64);
    let mut stocks: Vec<Stock> = Vec::new();
    for f in facts.iter().filter(|f| f.start <= to && f.end >= from) {
        let Some(slot) = inputs.iter().position(|i| *i == f.input) else {
            continue;
        };
        if additivity(f.input) == Additivity::Stock {
            stocks.push((slot, f.source, f.labels, f.end.to_days(), f.value));
            days.entry(f.end.min(to).to_days())
                .or_insert_with(|| vec![0.0; inputs.len()]);
            continue;
        }
        let (a, b) = (f.start.max(from).to_days(), f.end.min(to).to_days());
        let score = additivity(f.input) == Additivity::Score;
        // A score counts whole on each of its days (and once in the weight); a total spreads.
        let share = if score {
            f.value
        } else {
            f.value / f.days().max(1) as f64
        };
        for day in a..=b {
            let row = days.entry(day).or_insert_with(|| vec![0.0; inputs.len()]);
            if let Some(cell) = row.get_mut(slot) {
                *cell += share;
            }
            if score {
                let weight = weights
                    .entry(day)
                    .or_insert_with(|| vec![0.0; inputs.len()]);
                if let Some(cell) = weight.get_mut(slot) {
                    *cell += 1.0;
                }
            }
        }
    }
    crate::domain::values::sort::sort_by_key(&mut stocks, |s| s.3);
    let mut running = vec![0.0; inputs.len()];
    let mut running_weight = vec![0.0; inputs.len()];
    // (input slot, source, labels, value): each breakdown's latest stock so far.
    type Latest<'f> = (usize, &'f str, &'f BTreeMap<String, String>, f64);
    let mut latest: Vec<Latest> = Vec::new();
    let mut next_stock = 0;
    let mut points = Vec::with_capacity(days.len());
    for (day, row) in &days {
        for (total, add) in running.iter_mut().zip(row) {
            *total += add;
        }
        if let Some(w) = weights.get(day) {
            for (total, add) in running_weight.iter_mut().zip(w) {
                *total += add;
            }
        }
        while let Some(&(slot, source, labels, end, value)) = stocks.get(next_stock) {
            if end > *day {
                break;
            }
            match latest
                .iter_mut()
                .find(|l| l.0 == slot && l.1 == source && l.2 == labels)
            {
                Some(l) => l.3 = value,
                None => latest.push((slot, source, labels, value)),
            }
            next_stock += 1;
        }
        let values: Vec<(Input, f64)> = inputs
            .iter()
            .enumerate()
            .map(|(slot, input)| {
                let sum = running.get(slot).copied().unwrap_or(0.0);
                let value = match additivity(*input) {
                    Additivity::Stock => latest.iter().filter(|l| l.0 == slot).map(|l| l.3).sum(),
                    Additivity::Score => match running_weight.get(slot) {
                        Some(w) if *w > 0.0 => sum / w,
                        _ => f64::NAN,
                    },
                    _ => sum,
                };
                (*input, value)
            })
            .collect();
        if let (Some(value), Some(date)) = (compute(metric, &values), Date::from_days(*day)) {
            points.push((date, value));
        }
    }
    let period = period_value(metric, &facts, from, to);
    if let (Some(period), Some(last)) = (&period, points.last_mut()) {
        last.1 = period.value;
    }
    if points.is_empty() {
        points = reported_points(plan, kpi, metric, from, to);
    }
    KpiSeries {
        points,
        cumulative: is_total(metric),
        period,
    }
}

/// A rate whose counts the sources never gave (a file with only a CTR column): the rates they
/// reported, each the value of its own days, averaged over the period so far, weighted by the
/// days each covers. The best figure without the counts, and the one the platforms' own
/// period rate equals when every day weighs the same.
fn reported_points(
    plan: &Plan,
    kpi: &Kpi,
    metric: &Metric,
    from: Date,
    to: Date,
) -> Vec<(Date, f64)> {
    let mut days: BTreeMap<i64, (f64, f64)> = BTreeMap::new();
    for series in plan
        .facts
        .iter()
        .filter(|s| s.metric == metric.id && kpi.sources.iter().any(|w| w == &s.source))
    {
        for (a, b, value) in series.points() {
            if !value.is_finite() || b < from || a > to {
                continue;
            }
            let weight = (a.max(from).days_until(b.min(to)) + 1) as f64;
            let entry = days.entry(b.min(to).to_days()).or_insert((0.0, 0.0));
            entry.0 += value * weight;
            entry.1 += weight;
        }
    }
    let (mut sum, mut weight) = (0.0, 0.0);
    days.into_iter()
        .filter_map(|(day, (s, w))| {
            sum += s;
            weight += w;
            Some((Date::from_days(day)?, sum / weight))
        })
        .collect()
}

/// The sources a KPI can be computed from: those whose facts hold its metric or one of its
/// formula's inputs (clicks and impressions for a CTR), in the order first imported, then any
/// the KPI names that no longer have facts. Empty for a KPI outside the library.
pub fn sources_for(plan: &Plan, kpi: &Kpi) -> Vec<String> {
    let Some(metric) = metric_of(kpi) else {
        return Vec::new();
    };
    let inputs = formula_inputs(metric);
    let mut out: Vec<String> = Vec::new();
    let feeding = plan.facts.iter().filter(|s| {
        s.metric == metric.id || input_of(&s.metric).is_some_and(|i| inputs.contains(&i))
    });
    for source in feeding.map(|s| &s.source).chain(&kpi.sources) {
        if !out.contains(source) {
            out.push(source.clone());
        }
    }
    out
}

/// A total that starts from zero: a count of an additive input (sessions, leads, revenue).
fn is_total(metric: &Metric) -> bool {
    matches!(metric.formula, Formula::Count(i) if additivity(i) == Additivity::Additive)
}

fn formula_inputs(metric: &Metric) -> Vec<Input> {
    match metric.formula {
        Formula::Count(i) => vec![i],
        Formula::Ratio {
            numerator,
            denominator,
            ..
        } => vec![numerator, denominator],
        Formula::Return { gain, cost } => vec![gain, cost],
    }
}

/// The series of a KPI fed by values typed by hand (and, from plans of version 1, imported
/// ones): a count's running total, else the values themselves; within `start..=to` when the
/// target is per month or week.
fn typed_series(plan: &Plan, kpi: &Kpi, start: Option<Date>, to: Date) -> KpiSeries {
    let aggregation = crate::domain::analysis::kpis::default_aggregation(kpi);
    let inside: Vec<crate::domain::model::plan::Measurement>;
    let measurements = match start {
        None => plan.measurements.as_slice(),
        Some(start) => {
            inside = plan
                .measurements
                .iter()
                .filter(|m| m.kpi == kpi.id && m.date >= start && m.end.unwrap_or(m.date) <= to)
                .cloned()
                .collect();
            inside.as_slice()
        }
    };
    KpiSeries {
        points: crate::domain::analysis::kpis::series(&kpi.id, measurements, aggregation),
        cumulative: aggregation == crate::domain::analysis::kpis::Aggregation::Sum,
        period: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::kpi_library::find;

    /// No breakdown: the whole account.
    static WHOLE: BTreeMap<String, String> = BTreeMap::new();

    fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect()
    }

    fn d(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    fn day(input: Input, date: &str, value: f64) -> Fact<'static> {
        Fact {
            input,
            start: d(date),
            end: d(date),
            value,
            source: "Google Ads",
            labels: &WHOLE,
        }
    }

    // Guards: issue #17's month of one Google Ads campaign: 14,415 clicks, 395,250
    // impressions, Rp 20,901,750 cost and 339 conversions give CTR 14,415 ÷ 395,250 = 3.647%,
    // CPC 20,901,750 ÷ 14,415 = Rp 1,450.00 and CPA 20,901,750 ÷ 339 = Rp 61,657.08, whatever the
    // last day's own ratios (its CTR 3.82%, CPA Rp 101,500).
    #[test]
    fn a_months_ratios_are_ratios_of_its_sums() {
        let mut facts = Vec::new();
        // 30 days: 29 identical days and a last day with the remainder.
        let per_day = (480.0, 13_000.0, 700_000.0, 11.0);
        for n in 1..=29 {
            let date = format!("2026-10-{n:02}");
            facts.push(day(Input::Clicks, &date, per_day.0));
            facts.push(day(Input::Impressions, &date, per_day.1));
            facts.push(day(Input::Cost, &date, per_day.2));
            facts.push(day(Input::Conversions, &date, per_day.3));
        }
        let last = (
            14_415.0 - 29.0 * per_day.0,
            395_250.0 - 29.0 * per_day.1,
            20_901_750.0 - 29.0 * per_day.2,
            339.0 - 29.0 * per_day.3,
        );
        for (input, value) in [
            (Input::Clicks, last.0),
            (Input::Impressions, last.1),
            (Input::Cost, last.2),
            (Input::Conversions, last.3),
        ] {
            facts.push(day(input, "2026-10-30", value));
        }
        let (from, to) = (d("2026-10-01"), d("2026-10-31"));
        let ctr = period_value(find("ctr").unwrap(), &facts, from, to).unwrap();
        assert!((ctr.value - 14_415.0 / 395_250.0 * 100.0).abs() < 1e-9);
        assert!((ctr.value - 3.647).abs() < 0.001, "{}", ctr.value);
        assert_eq!(
            ctr.inputs,
            [(Input::Clicks, 14_415.0), (Input::Impressions, 395_250.0)]
        );
        assert_eq!(ctr.facts, 60);
        let cpc = period_value(find("cpc").unwrap(), &facts, from, to).unwrap();
        assert!((cpc.value - 1450.0).abs() < 0.01, "{}", cpc.value);
        let cpa = period_value(find("cpa").unwrap(), &facts, from, to).unwrap();
        assert!((cpa.value - 61_657.08).abs() < 0.01, "{}", cpa.value);
        let clicks = period_value(find("sessions").unwrap(), &facts, from, to);
        assert_eq!(clicks, None, "no sessions in an Ads file");
    }

    /// A plan with three days of two Google Ads campaigns as fact series, and a CTR KPI fed
    /// by Google Ads.
    fn ads_plan() -> Plan {
        let mut plan = Plan::blank("p", "Batik March", 0);
        plan.goal.start = Some(d("2024-03-01"));
        let mut n = 0;
        let mut series = |metric: &str, campaign: &str, values: [f64; 3]| {
            n += 1;
            crate::domain::model::plan::FactSeries {
                id: format!("f{n}"),
                metric: metric.into(),
                source: "Google Ads".into(),
                labels: labels(&[("campaign", campaign)]),
                import: "i1".into(),
                start: d("2024-03-01"),
                steps: vec![1, 1],
                span: 1,
                spans: Vec::new(),
                values: values.to_vec(),
            }
        };
        plan.facts = vec![
            series("clicks", "Brand - Search", [1000.0, 850.0, 912.0]),
            series(
                "impressions",
                "Brand - Search",
                [10_650.0, 9_120.0, 9_875.0],
            ),
            series("clicks", "Ramadan", [400.0, 420.0, 380.0]),
            series("impressions", "Ramadan", [8_000.0, 8_400.0, 7_600.0]),
            // The file's own CTR column is kept, but a KPI is computed from the counts.
            series("ctr", "Brand - Search", [9.39, 9.32, 9.24]),
        ];
        plan.kpis.push(Kpi {
            id: "kpi-ctr".into(),
            name: "CTR".into(),
            metric: Some("ctr".into()),
            unit: "%".into(),
            baseline: Some(5.0),
            target: Some(12.0),
            deadline: Some(d("2024-03-31")),
            sources: vec!["Google Ads".into()],
            ..Kpi::default()
        });
        plan
    }

    // Guards: issue #17: with two campaigns a day, the KPI is the period's CTR over both,
    // never the campaign the file lists last, and the chart's line is the period-to-date CTR.
    // By hand: day 1 (1,000 + 400) ÷ (10,650 + 8,000) = 7.5067%; day 2 2,670 ÷ 36,170 =
    // 7.3818%; day 3 3,962 ÷ 53,645 = 7.3856%.
    #[test]
    fn a_kpi_is_computed_from_its_sources_facts_over_the_period() {
        let plan = ads_plan();
        let kpi = &plan.kpis[0];
        let series = kpi_series(&plan, kpi, d("2024-03-04"));
        let rounded: Vec<(String, f64)> = series
            .points
            .iter()
            .map(|(date, v)| (date.to_string(), (v * 10_000.0).round() / 10_000.0))
            .collect();
        assert_eq!(
            rounded,
            [
                ("2024-03-01".to_string(), 7.5067),
                ("2024-03-02".to_string(), 7.3818),
                ("2024-03-03".to_string(), 7.3856),
            ]
        );
        assert!(!series.cumulative);
        let period = series.period.unwrap();
        assert_eq!(
            period.inputs,
            [(Input::Clicks, 3962.0), (Input::Impressions, 53_645.0)]
        );
        let analysis = crate::domain::analysis::kpis::analyse_kpi(&plan, kpi, d("2024-03-04"));
        assert!((analysis.actual.unwrap() - 3962.0 / 53_645.0 * 100.0).abs() < 1e-9);
        // A KPI not fed by Google Ads sees none of it.
        let mut other = kpi.clone();
        other.sources = vec!["Meta Ads Manager".into()];
        assert_eq!(kpi_series(&plan, &other, d("2024-03-04")).points, []);
    }

    // Guards: issue #17: the KPI per campaign, largest first. By hand: Brand - Search 2,762 ÷
    // 29,645 = 9.3169% on 29,645 impressions; Ramadan 1,200 ÷ 24,000 = 5% on 24,000.
    #[test]
    fn a_kpi_breaks_down_by_campaign() {
        let plan = ads_plan();
        let rows = kpi_breakdown(&plan, &plan.kpis[0], d("2024-03-04"));
        let shown: Vec<(String, f64)> = rows
            .iter()
            .map(|r| {
                (
                    r.labels["campaign"].clone(),
                    (r.value.value * 10_000.0).round() / 10_000.0,
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("Brand - Search".to_string(), 9.3169),
                ("Ramadan".to_string(), 5.0)
            ]
        );
        assert!(rows.iter().all(|r| r.source == "Google Ads"));
    }

    // Guards: issue #17: "1,200 sales a month" is judged on the month so far, not on the
    // campaign's running total (which reads "achieved" after a month). By hand: October 31 ×
    // 40 = 1,240; 1–15 November 15 × 45 = 675. On 15 November the month's trajectory is
    // 1,200 × 14/29 = 579.3 (1 to 30 November), so 675 is on track, not achieved.
    #[test]
    fn a_target_per_month_is_judged_on_the_month() {
        let mut plan = Plan::blank("p", "Sales", 0);
        plan.goal.start = Some(d("2026-10-01"));
        plan.facts.push(crate::domain::model::plan::FactSeries {
            id: "s".into(),
            metric: "sales".into(),
            source: "CSV".into(),
            labels: BTreeMap::new(),
            import: "i".into(),
            start: d("2026-10-01"),
            steps: vec![1; 45],
            span: 1,
            spans: Vec::new(),
            values: (0..46).map(|i| if i < 31 { 40.0 } else { 45.0 }).collect(),
        });
        let mut kpi = Kpi {
            id: "k".into(),
            metric: Some("sales".into()),
            target: Some(1200.0),
            deadline: Some(d("2027-03-31")),
            sources: vec!["CSV".into()],
            basis: TargetBasis::PerMonth,
            ..Kpi::default()
        };
        let today = d("2026-11-15");
        assert_eq!(
            target_window(&plan, &kpi, today),
            Some((d("2026-11-01"), d("2026-11-30")))
        );
        let a = crate::domain::analysis::kpis::analyse_kpi(&plan, &kpi, today);
        assert_eq!(a.actual, Some(675.0));
        let expected = a.expected_now.unwrap();
        assert!((expected - 1200.0 * 14.0 / 29.0).abs() < 1e-9, "{expected}");
        assert_eq!(a.status, crate::domain::analysis::kpis::Status::OnTrack);
        // Over the whole campaign the same data reads 1,915: "achieved".
        kpi.basis = TargetBasis::Campaign;
        let a = crate::domain::analysis::kpis::analyse_kpi(&plan, &kpi, today);
        assert_eq!(a.actual, Some(1915.0));
        assert_eq!(a.status, crate::domain::analysis::kpis::Status::Achieved);
        // The breakdown covers the same month as the figure it breaks down.
        kpi.basis = TargetBasis::PerMonth;
        let rows = kpi_breakdown(&plan, &kpi, today);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].value.value, 675.0);
        // A week: Monday 9 to Sunday 15 November 2026.
        kpi.basis = TargetBasis::PerWeek;
        assert_eq!(
            target_window(&plan, &kpi, today),
            Some((d("2026-11-09"), d("2026-11-15")))
        );
        assert_eq!(
            crate::domain::analysis::kpis::analyse_kpi(&plan, &kpi, today).actual,
            Some(7.0 * 45.0)
        );
    }

    // Guards: a count is a running total from zero, and a KPI without sources keeps reading
    // the values typed by hand (and version 1's imported ones) as before.
    #[test]
    fn counts_run_from_zero_and_typed_values_still_count() {
        let mut plan = ads_plan();
        plan.facts.push(crate::domain::model::plan::FactSeries {
            id: "s1".into(),
            metric: "sessions".into(),
            source: "Google Analytics 4".into(),
            labels: BTreeMap::new(),
            import: "i2".into(),
            start: d("2024-03-01"),
            steps: vec![1, 1],
            span: 1,
            spans: Vec::new(),
            values: vec![1204.0, 1350.0, 987.0],
        });
        let sessions = Kpi {
            id: "kpi-s".into(),
            metric: Some("sessions".into()),
            target: Some(3000.0),
            sources: vec!["Google Analytics 4".into()],
            ..Kpi::default()
        };
        let series = kpi_series(&plan, &sessions, d("2024-03-04"));
        assert!(series.cumulative);
        // By hand: 1,204; 1,204 + 1,350 = 2,554; 2,554 + 987 = 3,541.
        let values: Vec<f64> = series.points.iter().map(|p| p.1).collect();
        assert_eq!(values, [1204.0, 2554.0, 3541.0]);

        let typed = Kpi {
            id: "kpi-leads".into(),
            metric: Some("leads".into()),
            ..Kpi::default()
        };
        plan.measurements
            .push(crate::domain::model::plan::Measurement {
                id: "m1".into(),
                kpi: "kpi-leads".into(),
                date: d("2024-03-02"),
                end: None,
                value: 12.0,
                source: String::new(),
                note: String::new(),
                import: String::new(),
            });
        let series = kpi_series(&plan, &typed, d("2024-03-04"));
        assert_eq!(series.points, [(d("2024-03-02"), 12.0)]);
        assert!(series.cumulative);
        assert_eq!(series.period, None);
    }

    // Guards: a KPI's period ends at its deadline once that has passed: rows after it do not
    // count. By hand: only 1 and 2 March: (1,000 + 400 + 850 + 420) ÷ (10,650 + 8,000 + 9,120
    // + 8,400) = 2,670 ÷ 36,170 = 7.3818%.
    #[test]
    fn the_period_ends_at_a_past_deadline() {
        let mut plan = ads_plan();
        plan.kpis[0].deadline = Some(d("2024-03-02"));
        let kpi = plan.kpis[0].clone();
        let a = crate::domain::analysis::kpis::analyse_kpi(&plan, &kpi, d("2026-12-01"));
        assert!((a.actual.unwrap() - 2670.0 / 36_170.0 * 100.0).abs() < 1e-9);
        assert_eq!(a.status, crate::domain::analysis::kpis::Status::OffTrack);
    }

    // Guards: a file with only a rate column (no counts) still feeds its KPI: the rates it
    // reported, averaged over the period by the days each covers. By hand: 9.39, 9.32 and 9.24
    // on three single days: (9.39 + 9.32 + 9.24) ÷ 3 = 9.3167.
    #[test]
    fn a_rate_without_its_counts_uses_the_reported_rates() {
        let mut plan = ads_plan();
        plan.facts.retain(|f| f.metric == "ctr");
        let kpi = plan.kpis[0].clone();
        let series = kpi_series(&plan, &kpi, d("2024-03-04"));
        let last = series.points.last().unwrap().1;
        assert!((last - (9.39 + 9.32 + 9.24) / 3.0).abs() < 1e-9, "{last}");
        assert_eq!(series.points.len(), 3);
        assert_eq!(series.period, None);
    }

    // Guards: issue #17's storage case: a year of daily rows for 20 campaigns and 10 metrics
    // (73,000 values) must fit in localStorage (about 5 M characters per origin) with room for
    // the rest of the plan and its backups. Measured: the plan's stored text, with values of
    // realistic sizes (counts of up to five digits, costs in whole rupiah up to eight).
    #[test]
    fn a_year_of_twenty_campaigns_fits_in_storage() {
        let mut plan = Plan::blank("p", "Year", 0);
        let metrics = [
            "clicks",
            "impressions",
            "cost",
            "conversions",
            "revenue",
            "reach",
            "results",
            "link_clicks",
            "video_views",
            "engagements",
        ];
        let mut seed: u64 = 7;
        let mut next = |limit: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) % limit
        };
        for campaign in 0..20 {
            for metric in metrics {
                let limit = if metric == "cost" || metric == "revenue" {
                    90_000_000
                } else {
                    60_000
                };
                plan.facts.push(crate::domain::model::plan::FactSeries {
                    id: format!("f-{campaign}-{metric}"),
                    metric: metric.into(),
                    source: "Google Ads".into(),
                    labels: labels(&[("campaign", &format!("Campaign {campaign} - Search"))]),
                    import: "i1".into(),
                    start: d("2026-01-01"),
                    steps: vec![1; 364],
                    span: 1,
                    spans: Vec::new(),
                    values: (0..365).map(|_| next(limit) as f64).collect(),
                });
            }
        }
        let values: usize = plan.facts.iter().map(|f| f.values.len()).sum();
        assert_eq!(values, 73_000);
        let stored = serde_json::to_string(&plan).unwrap().chars().count();
        eprintln!("73,000 values stored in {stored} characters");
        // Measured 798,705 characters, about 11 a value with its day step: under a fifth of
        // the origin's quota.
        assert!(stored < 1_000_000, "{stored}");
    }

    // Guards: a week that straddles the period's start counts for its days inside: 700
    // clicks over 7 days, 3 of them in the period, is 300.
    #[test]
    fn a_fact_across_the_edge_counts_for_its_days_inside() {
        let week = Fact {
            input: Input::Clicks,
            start: d("2026-09-28"),
            end: d("2026-10-04"),
            value: 700.0,
            source: "Meta",
            labels: &WHOLE,
        };
        let (total, n, basis) =
            input_total(Input::Clicks, [&week], d("2026-10-02"), d("2026-10-31")).unwrap();
        assert_eq!((total, n, basis), (300.0, 1, Basis::Exact));
        assert_eq!(
            input_total(Input::Clicks, [&week], d("2026-11-01"), d("2026-11-30")),
            None
        );
    }

    // Guards: reach is never added across days: the platform's total for the period wins;
    // without one, the sum is labelled an upper bound.
    #[test]
    fn reach_uses_the_platform_total_or_says_upper_bound() {
        let campaign = labels(&[("campaign", "Batik")]);
        let daily: Vec<Fact> = (1..=3)
            .map(|n| Fact {
                input: Input::Reach,
                start: d(&format!("2026-10-0{n}")),
                end: d(&format!("2026-10-0{n}")),
                value: 1000.0,
                source: "Meta",
                labels: &campaign,
            })
            .collect();
        let (from, to) = (d("2026-10-01"), d("2026-10-03"));
        assert_eq!(
            input_total(Input::Reach, &daily, from, to),
            Some((3000.0, 3, Basis::UpperBound))
        );
        let mut with_total = daily.clone();
        with_total.push(Fact {
            input: Input::Reach,
            start: from,
            end: to,
            value: 2100.0,
            source: "Meta",
            labels: &WHOLE,
        });
        assert_eq!(
            input_total(Input::Reach, &with_total, from, to),
            Some((2100.0, 4, Basis::Exact))
        );
    }

    // Guards: issue #17: a score is the average of the period, weighted by days, never a sum.
    // By hand: a weekly CSAT of 4.0 (5–11 October) and a daily 4.6 on 12 and 13 October:
    // (4.0 × 7 + 4.6 × 2) ÷ 9 = 37.2 ÷ 9 = 4.1333. Over 9–12 October the week counts for
    // 3 days: (4.0 × 3 + 4.6) ÷ 4 = 4.15.
    #[test]
    fn a_score_is_the_periods_average() {
        let score = |start: &str, end: &str, value: f64| Fact {
            input: Input::SatisfactionScore,
            start: d(start),
            end: d(end),
            value,
            source: "Survey",
            labels: &WHOLE,
        };
        let facts = vec![
            score("2026-10-05", "2026-10-11", 4.0),
            score("2026-10-12", "2026-10-12", 4.6),
            score("2026-10-13", "2026-10-13", 4.6),
        ];
        let (avg, n, _) = input_total(
            Input::SatisfactionScore,
            &facts,
            d("2026-10-01"),
            d("2026-10-31"),
        )
        .unwrap();
        assert!((avg - 37.2 / 9.0).abs() < 1e-9, "{avg}");
        assert_eq!(n, 3);
        let (part, _, _) = input_total(
            Input::SatisfactionScore,
            &facts,
            d("2026-10-09"),
            d("2026-10-12"),
        )
        .unwrap();
        assert!((part - 4.15).abs() < 1e-9, "{part}");

        // The KPI's series: the period-to-date average, ending at the period's value.
        let mut plan = Plan::blank("p", "P", 0);
        plan.goal.start = Some(d("2026-10-01"));
        plan.facts.push(crate::domain::model::plan::FactSeries {
            id: "s".into(),
            metric: "csat".into(),
            source: "Survey".into(),
            labels: BTreeMap::new(),
            import: "i".into(),
            start: d("2026-10-05"),
            steps: vec![7, 1],
            span: 1,
            spans: vec![7, 1, 1],
            values: vec![4.0, 4.6, 4.6],
        });
        let kpi = Kpi {
            id: "k".into(),
            metric: Some("satisfaction_score".into()),
            sources: vec!["Survey".into()],
            ..Kpi::default()
        };
        let series = kpi_series(&plan, &kpi, d("2026-10-31"));
        assert!(!series.cumulative);
        assert_eq!(series.points.first().map(|p| p.1), Some(4.0));
        let last = series.points.last().unwrap().1;
        assert!((last - 37.2 / 9.0).abs() < 1e-9, "{last}");
    }

    // Guards: the KPI step offers as sources those whose data holds the KPI's inputs: a CTR
    // is fed by Google Ads' clicks, not by GA4's sessions; a source the KPI already names is
    // kept even once its data is gone, so it can be unticked.
    #[test]
    fn a_kpis_sources_are_those_holding_its_inputs() {
        let mut plan = Plan::blank("p", "P", 0);
        let series = |metric: &str, source: &str| crate::domain::model::plan::FactSeries {
            id: format!("{source}-{metric}"),
            metric: metric.into(),
            source: source.into(),
            labels: BTreeMap::new(),
            import: "i".into(),
            start: d("2026-10-01"),
            steps: Vec::new(),
            span: 1,
            spans: Vec::new(),
            values: vec![1.0],
        };
        plan.facts = vec![
            series("sessions", "Google Analytics 4"),
            series("clicks", "Google Ads"),
            series("impressions", "Google Ads"),
            series("link_clicks", "Meta Ads Manager"),
        ];
        let kpi = Kpi {
            id: "k".into(),
            metric: Some("ctr".into()),
            sources: vec!["Old export".into()],
            ..Kpi::default()
        };
        assert_eq!(sources_for(&plan, &kpi), ["Google Ads", "Old export"]);
        let custom = Kpi {
            id: "c".into(),
            name: "Booth visitors".into(),
            ..Kpi::default()
        };
        assert!(sources_for(&plan, &custom).is_empty());
    }

    // Guards: followers are the latest count of each account, added across accounts.
    #[test]
    fn followers_are_the_latest_per_breakdown() {
        let ig = labels(&[("account", "ig")]);
        let tt = labels(&[("account", "tiktok")]);
        fn f<'a>(date: &str, value: f64, labels: &'a BTreeMap<String, String>) -> Fact<'a> {
            Fact {
                input: Input::Followers,
                start: d(date),
                end: d(date),
                value,
                source: "Meta",
                labels,
            }
        }
        let facts = [
            f("2026-10-01", 1000.0, &ig),
            f("2026-10-31", 1200.0, &ig),
            f("2026-10-15", 500.0, &tt),
        ];
        assert_eq!(
            input_total(Input::Followers, &facts, d("2026-10-01"), d("2026-10-31")),
            Some((1700.0, 3, Basis::Exact))
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::domain::model::kpi_library::find;
    use proptest::prelude::*;

    proptest! {
        // Guards: however a month of rows is split into campaigns, days and files, the period
        // CTR, CPC and CPA equal Σ ÷ Σ of the whole.
        #[test]
        fn splitting_rows_never_changes_a_period_ratio(
            rows in prop::collection::vec((1u32..=31, 0u32..4, 1u32..500, 500u32..20_000, 0u32..2_000_000, 0u32..40), 1..120),
        ) {
            let labels: Vec<BTreeMap<String, String>> = (0..4)
                .map(|c| [("campaign".to_string(), format!("c{c}"))].into())
                .collect();
            let mut facts = Vec::new();
            let (mut clicks, mut impressions, mut cost, mut conversions) = (0.0, 0.0, 0.0, 0.0);
            for (day, campaign, cl, im, co, cv) in &rows {
                let date = Date::new(2026, 10, *day as u8).unwrap();
                let labels = &labels[*campaign as usize];
                for (input, value) in [
                    (Input::Clicks, f64::from(*cl)),
                    (Input::Impressions, f64::from(*im)),
                    (Input::Cost, f64::from(*co)),
                    (Input::Conversions, f64::from(*cv)),
                ] {
                    facts.push(Fact { input, start: date, end: date, value, source: "Google Ads", labels });
                }
                clicks += f64::from(*cl);
                impressions += f64::from(*im);
                cost += f64::from(*co);
                conversions += f64::from(*cv);
            }
            let (from, to) = (Date::new(2026, 10, 1).unwrap(), Date::new(2026, 10, 31).unwrap());
            let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
            let ctr = period_value(find("ctr").unwrap(), &facts, from, to).unwrap().value;
            prop_assert!(close(ctr, clicks / impressions * 100.0));
            let cpc = period_value(find("cpc").unwrap(), &facts, from, to).unwrap().value;
            prop_assert!(close(cpc, cost / clicks));
            let cpa = period_value(find("cpa").unwrap(), &facts, from, to);
            if conversions > 0.0 {
                prop_assert!(close(cpa.unwrap().value, cost / conversions));
            } else {
                prop_assert_eq!(cpa, None);
            }
        }
    }
}
