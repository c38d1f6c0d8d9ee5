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

use super::date::Date;
use super::kpi_library::{Formula, Input, Metric};

/// How a raw number adds up over time and breakdowns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Additivity {
    /// Adds over days and breakdowns (clicks, cost, sessions, revenue, leads).
    Additive,
    /// The latest value counts, per breakdown (followers at the end of the period).
    Stock,
    /// Counts people, who repeat across days and breakdowns (reach, users): never summed.
    NonAdditive,
}

/// How `input` adds up.
pub fn additivity(input: Input) -> Additivity {
    match input {
        Input::Followers => Additivity::Stock,
        Input::Reach => Additivity::NonAdditive,
        _ => Additivity::Additive,
    }
}

/// One number a platform reported: `value` of `input` over the days `start..=end`, from
/// `source`, for the breakdown `labels` (e.g. `[("campaign", "Brand - Search")]`; empty for the
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
    /// The breakdown, as `(dimension, value)` pairs.
    pub labels: &'a [(String, String)],
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
        Additivity::Stock => {
            // The latest value of each breakdown (source and labels), added up.
            // (source, labels, last day, value) of each breakdown.
            type Latest<'f> = (&'f str, &'f [(String, String)], Date, f64);
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
    let inputs: Vec<Input> = match metric.formula {
        Formula::Count(i) => vec![i],
        Formula::Ratio {
            numerator,
            denominator,
            ..
        } => vec![numerator, denominator],
        Formula::Return { gain, cost } => vec![gain, cost],
    };
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
    let value = super::kpi_library::compute(metric, &totals)?;
    Some(PeriodValue {
        value,
        inputs: totals,
        facts: count,
        basis,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kpi_library::find;

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
            labels: &[],
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
            labels: &[],
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
        let campaign = [("campaign".to_string(), "Batik".to_string())];
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
            labels: &[],
        });
        assert_eq!(
            input_total(Input::Reach, &with_total, from, to),
            Some((2100.0, 4, Basis::Exact))
        );
    }

    // Guards: followers are the latest count of each account, added across accounts.
    #[test]
    fn followers_are_the_latest_per_breakdown() {
        let ig = [("account".to_string(), "ig".to_string())];
        let tt = [("account".to_string(), "tiktok".to_string())];
        let f = |date: &str, value: f64, labels: &'static [(String, String)]| Fact {
            input: Input::Followers,
            start: d(date),
            end: d(date),
            value,
            source: "Meta",
            labels,
        };
        let ig: &'static [(String, String)] = Box::leak(Box::new(ig));
        let tt: &'static [(String, String)] = Box::leak(Box::new(tt));
        let facts = [
            f("2026-10-01", 1000.0, ig),
            f("2026-10-31", 1200.0, ig),
            f("2026-10-15", 500.0, tt),
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
    use crate::domain::kpi_library::find;
    use proptest::prelude::*;

    proptest! {
        // Guards: however a month of rows is split into campaigns, days and files, the period
        // CTR, CPC and CPA equal Σ ÷ Σ of the whole.
        #[test]
        fn splitting_rows_never_changes_a_period_ratio(
            rows in prop::collection::vec((1u32..=31, 0u32..4, 1u32..500, 500u32..20_000, 0u32..2_000_000, 0u32..40), 1..120),
        ) {
            let labels: Vec<[(String, String); 1]> =
                (0..4).map(|c| [("campaign".to_string(), format!("c{c}"))]).collect();
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
