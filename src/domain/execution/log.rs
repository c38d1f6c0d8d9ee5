//! The data log as one table: every value the plan holds for its KPIs, typed by hand
//! (measurements) or imported from a platform (the points of its fact series), filtered by
//! KPI or metric, source, breakdown (campaign, channel group…) and period, sorted by any
//! column, a page at a time; rows removed together; and each import as one batch that can be
//! removed in one step.

use crate::domain::model::plan::{FactSeries, Plan};
use crate::domain::values::date::Date;
use crate::domain::values::sort::sort_by;

/// What a row measures: a KPI (typed values, and a custom KPI's imported ones) or one of a
/// platform's raw metrics (clicks, sessions…).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum What {
    /// A KPI, by id.
    Kpi(String),
    /// A raw metric, by the importers' id.
    Metric(String),
}

/// One row of the log.
#[derive(Clone, Debug, PartialEq)]
pub struct LogRow {
    /// A stable key: `m:{measurement id}` or `f:{series id}:{first day}`.
    pub key: String,
    /// The measurement's id, for a typed (editable) row.
    pub measurement: Option<String>,
    /// What it measures.
    pub what: What,
    /// The first day.
    pub date: Date,
    /// The last day (the first for a single day).
    pub end: Date,
    /// The value.
    pub value: f64,
    /// Where it came from ("" when typed without one).
    pub source: String,
    /// The breakdown it belongs to (campaign, channel group…), "" for the whole account.
    pub breakdown: String,
    /// The import it came from, "" when typed.
    pub import: String,
}

/// The columns a log sorts by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// First day (then what).
    #[default]
    Date,
    /// What it measures (then date).
    What,
    /// Value.
    Value,
    /// Source (then date).
    Source,
    /// Breakdown (then date).
    Breakdown,
}

/// What the log shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LogFilter {
    /// Only this KPI or metric.
    pub what: Option<What>,
    /// Only this source ("" selects typed values without one).
    pub source: Option<String>,
    /// Only this breakdown.
    pub breakdown: Option<String>,
    /// Only rows that end on or after this day.
    pub from: Option<Date>,
    /// Only rows that start on or before this day.
    pub to: Option<Date>,
}

impl LogFilter {
    fn keeps(&self, row: &LogRow) -> bool {
        self.what.as_ref().is_none_or(|w| *w == row.what)
            && self.source.as_ref().is_none_or(|s| *s == row.source)
            && self.breakdown.as_ref().is_none_or(|b| *b == row.breakdown)
            && self.from.is_none_or(|from| row.end >= from)
            && self.to.is_none_or(|to| row.date <= to)
    }
}

/// A series' breakdown as one text: its labels' values, " · " between them.
pub fn breakdown_of(series: &FactSeries) -> String {
    series
        .labels
        .values()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" · ")
}

fn all_rows(plan: &Plan) -> Vec<LogRow> {
    let typed = plan.measurements.iter().map(|m| LogRow {
        key: format!("m:{}", m.id),
        measurement: Some(m.id.clone()),
        what: What::Kpi(m.kpi.clone()),
        date: m.date,
        end: m.end.map_or(m.date, |e| e.max(m.date)),
        value: m.value,
        source: m.source.clone(),
        breakdown: if m.import.is_empty() {
            String::new()
        } else {
            m.note.clone()
        },
        import: m.import.clone(),
    });
    let imported = plan.facts.iter().flat_map(|s| {
        let breakdown = breakdown_of(s);
        s.points().map(move |(date, end, value)| LogRow {
            key: format!("f:{}:{date}", s.id),
            measurement: None,
            what: What::Metric(s.metric.clone()),
            date,
            end,
            value,
            source: s.source.clone(),
            breakdown: breakdown.clone(),
            import: s.import.clone(),
        })
    });
    typed.chain(imported).collect()
}

/// The rows the filter keeps, sorted by `by` (descending when asked); ties keep the plan's
/// order, so a sort is stable from one view to the next.
pub fn rows(plan: &Plan, filter: &LogFilter, by: SortBy, descending: bool) -> Vec<LogRow> {
    let mut rows: Vec<LogRow> = all_rows(plan)
        .into_iter()
        .filter(|r| filter.keeps(r))
        .collect();
    sort_by(&mut rows, |a, b| {
        let order = match by {
            SortBy::Date => a.date.cmp(&b.date).then_with(|| a.what.cmp(&b.what)),
            SortBy::What => a.what.cmp(&b.what).then_with(|| a.date.cmp(&b.date)),
            SortBy::Value => a.value.total_cmp(&b.value),
            SortBy::Source => a.source.cmp(&b.source).then_with(|| a.date.cmp(&b.date)),
            SortBy::Breakdown => a
                .breakdown
                .cmp(&b.breakdown)
                .then_with(|| a.date.cmp(&b.date)),
        };
        if descending {
            order.reverse()
        } else {
            order
        }
    });
    rows
}

/// The choices of the filters: every KPI or metric, source and breakdown that has a row, once
/// each, in order. Read per measurement and per series, not per point: the page asks on every
/// edit.
pub fn choices(plan: &Plan) -> (Vec<What>, Vec<String>, Vec<String>) {
    let series = plan.facts.iter().filter(|s| s.points().next().is_some());
    let mut what: Vec<What> = plan
        .measurements
        .iter()
        .map(|m| What::Kpi(m.kpi.clone()))
        .chain(series.clone().map(|s| What::Metric(s.metric.clone())))
        .collect();
    let mut sources: Vec<String> = plan
        .measurements
        .iter()
        .map(|m| m.source.clone())
        .chain(series.clone().map(|s| s.source.clone()))
        .collect();
    let mut breakdowns: Vec<String> = plan
        .measurements
        .iter()
        .filter(|m| !m.import.is_empty())
        .map(|m| m.note.clone())
        .chain(series.map(breakdown_of))
        .filter(|b| !b.is_empty())
        .collect();
    for list in [&mut sources, &mut breakdowns] {
        sort_by(list, |a, b| a.cmp(b));
        list.dedup();
    }
    sort_by(&mut what, |a, b| a.cmp(b));
    what.dedup();
    (what, sources, breakdowns)
}

/// How many values the log holds: typed ones and imported points.
fn value_count(plan: &Plan) -> usize {
    plan.measurements.len() + plan.facts.iter().map(|s| s.points().count()).sum::<usize>()
}

/// How many rows a page shows.
pub const PAGE_SIZE: usize = 50;

/// The number of pages for `count` rows (at least one, so an empty log has page 1 of 1).
pub fn page_count(count: usize) -> usize {
    count.div_ceil(PAGE_SIZE).max(1)
}

/// The rows of page `page` (0-based; a page past the end shows the last one).
pub fn page_of(rows: &[LogRow], page: usize) -> &[LogRow] {
    let page = page.min(page_count(rows.len()) - 1);
    let start = page * PAGE_SIZE;
    &rows[start.min(rows.len())..(start + PAGE_SIZE).min(rows.len())]
}

/// Removes the rows with these keys: typed values from the measurements, imported points from
/// their series (a series left without points goes). Returns how many were removed.
pub fn remove_rows(plan: &mut Plan, keys: &[String]) -> usize {
    let before = value_count(plan);
    plan.measurements.retain(|m| {
        !keys
            .iter()
            .any(|k| k.strip_prefix("m:") == Some(m.id.as_str()))
    });
    let mut kept_series = Vec::with_capacity(plan.facts.len());
    for series in std::mem::take(&mut plan.facts) {
        let prefix = format!("f:{}:", series.id);
        let gone: Vec<Date> = keys
            .iter()
            .filter_map(|k| k.strip_prefix(&prefix))
            .filter_map(|d| Date::parse_iso(d).ok())
            .collect();
        if gone.is_empty() {
            kept_series.push(series);
            continue;
        }
        let points: Vec<(Date, Date, f64)> = series
            .points()
            .filter(|(d, _, _)| !gone.contains(d))
            .collect();
        if let Some(s) = crate::domain::analysis::collect::rebuilt(&series, points) {
            kept_series.push(s);
        }
    }
    plan.facts = kept_series;
    before - value_count(plan)
}

/// One import: what it brought, so it can be recognised and removed in one step.
#[derive(Clone, Debug, PartialEq)]
pub struct Batch {
    /// The import's id.
    pub import: String,
    /// The platform or file kind.
    pub source: String,
    /// Its first and last day.
    pub first: Date,
    /// Its last day.
    pub last: Date,
    /// How many values it holds.
    pub values: usize,
    /// The metrics or KPIs it fed.
    pub what: Vec<What>,
}

/// Every import of the plan, oldest first day first.
pub fn batches(plan: &Plan) -> Vec<Batch> {
    // Each import's values: its custom KPIs' measurements, then its series' points.
    let typed = plan
        .measurements
        .iter()
        .filter(|m| !m.import.is_empty())
        .map(|m| {
            let end = m.end.map_or(m.date, |e| e.max(m.date));
            (
                &m.import,
                &m.source,
                What::Kpi(m.kpi.clone()),
                m.date,
                end,
                1,
            )
        });
    let imported = plan
        .facts
        .iter()
        .filter(|s| !s.import.is_empty())
        .filter_map(|s| {
            let (first, last, count) = s.points().fold(None, |span, (a, b, _)| match span {
                None => Some((a, b, 1)),
                Some((f, l, n)) => Some((a.min(f), b.max(l), n + 1)),
            })?;
            Some((
                &s.import,
                &s.source,
                What::Metric(s.metric.clone()),
                first,
                last,
                count,
            ))
        });
    let mut out: Vec<Batch> = Vec::new();
    for (import, source, what, first, last, values) in typed.chain(imported) {
        match out.iter_mut().find(|b| &b.import == import) {
            Some(b) => {
                b.first = b.first.min(first);
                b.last = b.last.max(last);
                b.values += values;
                if !b.what.contains(&what) {
                    b.what.push(what);
                }
            }
            None => out.push(Batch {
                import: import.clone(),
                source: source.clone(),
                first,
                last,
                values,
                what: vec![what],
            }),
        }
    }
    sort_by(&mut out, |a, b| a.first.cmp(&b.first));
    out
}

/// Removes everything one import brought (its fact series and its custom KPIs' values).
/// Returns how many values went.
pub fn remove_import(plan: &mut Plan, import: &str) -> usize {
    if import.is_empty() {
        return 0;
    }
    let before = value_count(plan);
    plan.facts.retain(|s| s.import != import);
    plan.measurements.retain(|m| m.import != import);
    before - value_count(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::plan::Measurement;

    fn d(text: &str) -> Date {
        Date::parse_iso(text).unwrap_or(Date::EPOCH)
    }

    fn typed(id: &str, kpi: &str, date: &str, value: f64) -> Measurement {
        Measurement {
            id: id.into(),
            kpi: kpi.into(),
            date: d(date),
            end: None,
            value,
            source: String::new(),
            note: String::new(),
            import: String::new(),
        }
    }

    fn series(id: &str, metric: &str, campaign: &str, import: &str, values: &[f64]) -> FactSeries {
        FactSeries {
            id: id.into(),
            metric: metric.into(),
            source: "Google Ads".into(),
            labels: [("campaign".to_string(), campaign.to_string())].into(),
            import: import.into(),
            start: d("2026-10-01"),
            steps: vec![1; values.len().saturating_sub(1)],
            span: 1,
            spans: Vec::new(),
            values: values.to_vec(),
        }
    }

    /// Two typed values, and one import (i1) of clicks for two campaigns over 1–3 October.
    fn plan() -> Plan {
        let mut plan = Plan::blank("p", "P", 0);
        plan.measurements = vec![
            typed("a", "k1", "2026-10-02", 5.0),
            typed("b", "k2", "2026-09-30", 7.0),
        ];
        plan.facts = vec![
            series("s1", "clicks", "Brand", "i1", &[10.0, 20.0, 30.0]),
            series("s2", "clicks", "Promo 12.12", "i1", &[1.0, 2.0, 3.0]),
        ];
        plan
    }

    // Guards: one table of typed and imported values (2 + 3 + 3 = 8 rows), each filter
    // narrowing it, and a period keeping what overlaps it.
    #[test]
    fn the_log_lists_typed_and_imported_values_and_filters_them() {
        let plan = plan();
        let all = rows(&plan, &LogFilter::default(), SortBy::Date, false);
        assert_eq!(all.len(), 8);
        // By date: 30 Sep (b) first; 2 Oct holds a, s1's 20 and s2's 2.
        assert_eq!(all[0].key, "m:b");
        let brand = LogFilter {
            breakdown: Some("Brand".into()),
            ..LogFilter::default()
        };
        let values: Vec<f64> = rows(&plan, &brand, SortBy::Date, false)
            .iter()
            .map(|r| r.value)
            .collect();
        assert_eq!(values, [10.0, 20.0, 30.0]);
        let k1 = LogFilter {
            what: Some(What::Kpi("k1".into())),
            ..LogFilter::default()
        };
        assert_eq!(rows(&plan, &k1, SortBy::Date, false).len(), 1);
        let typed_only = LogFilter {
            source: Some(String::new()),
            ..LogFilter::default()
        };
        assert_eq!(rows(&plan, &typed_only, SortBy::Date, false).len(), 2);
        // 2–2 October: a, and each campaign's 2 October point.
        let day = LogFilter {
            from: Some(d("2026-10-02")),
            to: Some(d("2026-10-02")),
            ..LogFilter::default()
        };
        assert_eq!(rows(&plan, &day, SortBy::Date, false).len(), 3);
        let (what, sources, breakdowns) = choices(&plan);
        assert_eq!(what.len(), 3);
        assert_eq!(sources, ["", "Google Ads"]);
        assert_eq!(breakdowns, ["Brand", "Promo 12.12"]);
    }

    // Guards: sorting by value, largest first: 30, 20, 10, 7, 5, 3, 2, 1.
    #[test]
    fn the_log_sorts_by_a_column_either_way() {
        let plan = plan();
        let values: Vec<f64> = rows(&plan, &LogFilter::default(), SortBy::Value, true)
            .iter()
            .map(|r| r.value)
            .collect();
        assert_eq!(values, [30.0, 20.0, 10.0, 7.0, 5.0, 3.0, 2.0, 1.0]);
    }

    // Guards: pages of 50: 120 rows make pages of 50, 50 and 20, and a page past the end shows
    // the last one.
    #[test]
    fn pages_hold_fifty_rows() {
        let mut plan = Plan::blank("p", "P", 0);
        plan.measurements = (0..120)
            .map(|i| typed(&format!("m{i}"), "k", "2026-10-01", f64::from(i)))
            .collect();
        let all = rows(&plan, &LogFilter::default(), SortBy::Value, false);
        assert_eq!(page_count(all.len()), 3);
        assert_eq!(page_of(&all, 1).len(), 50);
        assert_eq!(page_of(&all, 1)[0].value, 50.0);
        assert_eq!(page_of(&all, 2).len(), 20);
        assert_eq!(page_of(&all, 9).len(), 20);
        assert_eq!(page_count(0), 1);
    }

    // Guards: removing rows takes typed values and imported points alike; a series keeps its
    // other days (s1 loses 2 October: 10 and 30 stay, on 1 and 3 October).
    #[test]
    fn rows_are_removed_together() {
        let mut plan = plan();
        let keys = vec![
            "m:a".to_string(),
            "f:s1:2026-10-02".to_string(),
            "f:s2:2026-10-01".to_string(),
        ];
        assert_eq!(remove_rows(&mut plan, &keys), 3);
        assert_eq!(plan.measurements.len(), 1);
        let s1: Vec<(Date, f64)> = plan.facts[0].points().map(|(a, _, v)| (a, v)).collect();
        assert_eq!(s1, [(d("2026-10-01"), 10.0), (d("2026-10-03"), 30.0)]);
        assert_eq!(plan.facts[1].values, [2.0, 3.0]);
        assert_eq!(plan.facts[1].start, d("2026-10-02"));
    }

    // Guards: an import is one batch (6 values, 1–3 October, clicks) and goes in one step,
    // with a custom KPI's values from the same file; typed values stay.
    #[test]
    fn an_import_is_one_batch_removed_in_one_step() {
        let mut plan = plan();
        plan.measurements.push(Measurement {
            import: "i1".into(),
            ..typed("c", "k3", "2026-10-01", 9.0)
        });
        let list = batches(&plan);
        assert_eq!(list.len(), 1);
        let b = &list[0];
        assert_eq!(
            (b.values, b.first, b.last),
            (7, d("2026-10-01"), d("2026-10-03"))
        );
        assert_eq!(
            b.what,
            [What::Kpi("k3".into()), What::Metric("clicks".into())]
        );
        assert_eq!(remove_import(&mut plan, "i1"), 7);
        assert!(plan.facts.is_empty());
        assert_eq!(plan.measurements.len(), 2);
        assert!(batches(&plan).is_empty());
        assert_eq!(remove_import(&mut plan, ""), 0);
    }
}
