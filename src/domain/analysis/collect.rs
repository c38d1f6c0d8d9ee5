//! Phase 3, collecting data: which KPI each imported metric feeds, and adding the previewed
//! rows to the plan's measurements once the user confirms, replacing or skipping values that
//! are already there. Nothing here touches the plan until [`apply`] is called.

use std::collections::{BTreeMap, HashMap};

use crate::domain::analysis::importers::{ImportPreview, Row};
use crate::domain::model::plan::{FactSeries, Kpi, Measurement, Plan};
use crate::domain::values::date::Date;

/// Which KPI each metric of a preview feeds: `(metric id, KPI id or None = do not import)`.
pub type Mapping = Vec<(String, Option<String>)>;

/// What to do with imported values that are already in the plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OnOverlap {
    /// Remove the stored values and add the file's (re-importing a corrected export).
    #[default]
    Replace,
    /// Keep the stored values and leave the file's out.
    Skip,
}

/// What [`apply`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// Values added.
    pub added: usize,
    /// Stored values removed because the file replaced them.
    pub replaced: usize,
    /// File rows left out because a value was already stored.
    pub skipped: usize,
}

/// The KPI a metric feeds by default: the first whose library metric or id is the metric id.
pub fn default_kpi(kpis: &[Kpi], metric_id: &str) -> Option<String> {
    // Meta's cost per result is a CPA (its results are the conversions its objective counts).
    let library = match metric_id {
        "cost_per_result" => "cpa",
        other => other,
    };
    kpis.iter()
        .find(|k| k.metric.as_deref() == Some(library) || k.id == metric_id)
        .map(|k| k.id.clone())
}

/// The default mapping of every metric of the preview, in order of first appearance.
pub fn default_mapping(kpis: &[Kpi], preview: &ImportPreview) -> Mapping {
    preview
        .metric_ids()
        .into_iter()
        .map(|m| (m.to_string(), default_kpi(kpis, m)))
        .collect()
}

/// The mapping the user chose last time for the same source, laid over the defaults: a metric
/// keeps its remembered KPI (or its "do not import") as long as that KPI is still in the plan.
pub fn with_remembered(defaults: Mapping, remembered: &Mapping, kpis: &[Kpi]) -> Mapping {
    defaults
        .into_iter()
        .map(|(metric, default)| {
            let chosen = remembered
                .iter()
                .find(|(m, _)| *m == metric)
                .map(|(_, k)| k.clone())
                .filter(|k| k.as_ref().is_none_or(|id| kpis.iter().any(|x| &x.id == id)));
            (metric, chosen.unwrap_or(default))
        })
        .collect()
}

/// The dimension a source's row label stands for (`campaign`, `channel group`…).
pub fn label_dimension(source: &str) -> &'static str {
    match source {
        "Google Analytics 4" => "channel group",
        "Mailchimp" | "Klaviyo" => "email",
        _ => "campaign",
    }
}

/// The breakdown of `row` from `source`: its label under the source's dimension, and its
/// finer breakdowns (ad group, age, placement…).
fn labels_of(source: &str, row: &Row) -> BTreeMap<String, String> {
    labels_for(source, &row.label, &row.breakdown)
}

/// The breakdown of a `label` and finer `breakdown` from `source`.
fn labels_for(
    source: &str,
    label: &str,
    breakdown: &[(&'static str, String)],
) -> BTreeMap<String, String> {
    let mut labels = BTreeMap::new();
    if !label.trim().is_empty() {
        labels.insert(label_dimension(source).to_string(), label.to_string());
    }
    for (dimension, value) in breakdown {
        labels.insert((*dimension).to_string(), value.clone());
    }
    labels
}

/// A series' identity: what was counted, where, for which breakdown.
type SeriesKey = (String, String, BTreeMap<String, String>);

/// A point: first day, last day, value.
pub type Point = (Date, Date, f64);

/// The new points of one series.
type Group = (SeriesKey, Vec<Point>);

/// Adds a point to its series' group.
fn push_point(groups: &mut Vec<Group>, key: SeriesKey, point: Point) {
    match groups.iter_mut().find(|(k, _)| *k == key) {
        Some((_, points)) => points.push(point),
        None => groups.push((key, vec![point])),
    }
}

/// Points as `(first day, last day, value)`, sorted, as a series (None when empty).
fn series_of(
    id: String,
    (metric, source, labels): SeriesKey,
    import: String,
    mut points: Vec<Point>,
) -> Option<FactSeries> {
    crate::domain::values::sort::sort_by_key(&mut points, |p| p.0);
    let (first, _, _) = *points.first()?;
    let spans: Vec<u32> = points
        .iter()
        .map(|(a, b, _)| u32::try_from(a.days_until(*b) + 1).unwrap_or(1).max(1))
        .collect();
    let uniform = spans.iter().all(|s| Some(s) == spans.first());
    Some(FactSeries {
        id,
        metric,
        source,
        labels,
        import,
        start: first,
        steps: points
            .windows(2)
            .map(|w| u32::try_from(w[0].0.days_until(w[1].0)).unwrap_or(0))
            .collect(),
        span: if uniform {
            spans.first().copied().unwrap_or(1)
        } else {
            1
        },
        spans: if uniform { Vec::new() } else { spans },
        values: points.into_iter().map(|p| p.2).collect(),
    })
}

/// `series` with only `points` left: the same id, metric, breakdown and import (None when no
/// point is left).
pub fn rebuilt(series: &FactSeries, points: Vec<Point>) -> Option<FactSeries> {
    let key = (
        series.metric.clone(),
        series.source.clone(),
        series.labels.clone(),
    );
    series_of(series.id.clone(), key, series.import.clone(), points)
}

/// The stored facts the preview's rows would replace: the same metric, source, breakdown and
/// period. Campaign B's file never overlaps campaign A's.
pub fn fact_overlaps(plan: &Plan, preview: &ImportPreview, source: &str) -> Vec<FactOverlap> {
    // (metric, breakdown, first day, last day) → (value, series id).
    type Stored<'p> = (&'p str, &'p BTreeMap<String, String>, Date, Date);
    let mut stored: HashMap<Stored, (f64, &str)> = HashMap::new();
    for series in plan.facts.iter().filter(|s| s.source == source) {
        for (a, b, v) in series.points() {
            stored.insert(
                (series.metric.as_str(), &series.labels, a, b),
                (v, &series.id),
            );
        }
    }
    // The first import from a source overlaps nothing: no breakdown to build for each row.
    if stored.is_empty() {
        return Vec::new();
    }
    preview
        .rows
        .iter()
        .filter_map(|row| {
            let labels = labels_of(source, row);
            let end = row.end.unwrap_or(row.date);
            let (existing, _) = stored.get(&(row.metric_id.as_str(), &labels, row.date, end))?;
            Some(FactOverlap {
                line: row.line,
                metric_id: row.metric_id.clone(),
                date: row.date,
                existing: *existing,
                imported: row.value,
            })
        })
        .collect()
}

/// A KPI the file would feed that already has figures for the same days from elsewhere:
/// another source (GA4's revenue, then Google Ads' conversion value: counted twice if both
/// feed it), or values typed by hand (which stop counting once a source feeds the KPI).
#[derive(Clone, Debug, PartialEq)]
pub struct SourceClash {
    /// The KPI.
    pub kpi_id: String,
    /// The other source, or `None` for values typed by hand.
    pub other: Option<String>,
    /// The first and last day both cover.
    pub from: Date,
    /// See `from`.
    pub to: Date,
}

/// The KPIs the preview would feed (under `mapping`) that already have figures for days the
/// file covers, from another source or typed by hand: the preview names them, and the user
/// chooses by mapping the metric or not.
pub fn source_clashes(
    plan: &Plan,
    preview: &ImportPreview,
    mapping: &Mapping,
    source: &str,
) -> Vec<SourceClash> {
    let (Some(first), Some(last)) = (
        preview.rows.iter().map(|r| r.date).min(),
        preview.rows.iter().map(|r| r.end.unwrap_or(r.date)).max(),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut kpis: Vec<&str> = mapping.iter().filter_map(|(_, k)| k.as_deref()).collect();
    crate::domain::values::sort::sort(&mut kpis);
    kpis.dedup();
    for kpi in kpis
        .into_iter()
        .filter_map(|id| plan.kpis.iter().find(|k| k.id == id))
    {
        let Some(metric) = crate::domain::model::kpi_library::metric_of(kpi) else {
            continue;
        };
        let overlap =
            |a: Date, b: Date| (a.max(first) <= b.min(last)).then(|| (a.max(first), b.min(last)));
        let mut push = |other: Option<String>, span: Option<(Date, Date)>| {
            if let Some((from, to)) = span {
                out.push(SourceClash {
                    kpi_id: kpi.id.clone(),
                    other,
                    from,
                    to,
                });
            }
        };
        for other in kpi.sources.iter().filter(|s| *s != source) {
            let span = plan
                .facts
                .iter()
                .filter(|f| &f.source == other)
                .filter(|f| {
                    f.metric == metric.id
                        || crate::domain::model::kpi_library::input_of(&f.metric).is_some()
                })
                .flat_map(|f| f.points())
                .filter_map(|(a, b, _)| overlap(a, b));
            push(Some(other.clone()), hull(span));
        }
        // Values typed by hand stop counting once a source feeds the KPI.
        if kpi.sources.is_empty() {
            let span = plan
                .measurements
                .iter()
                .filter(|m| m.kpi == kpi.id)
                .filter_map(|m| overlap(m.date, m.end.unwrap_or(m.date)));
            push(None, hull(span));
        }
    }
    out
}

/// The first and last day of some spans of days, if there are any.
fn hull(spans: impl Iterator<Item = (Date, Date)>) -> Option<(Date, Date)> {
    spans.fold(None, |acc, (a, b)| {
        Some(acc.map_or((a, b), |(x, y): (Date, Date)| (x.min(a), y.max(b))))
    })
}

/// A row of a file whose metric, breakdown and period are already stored.
#[derive(Clone, Debug, PartialEq)]
pub struct FactOverlap {
    /// The line of the imported row.
    pub line: usize,
    /// Its metric.
    pub metric_id: String,
    /// Its first day.
    pub date: Date,
    /// The value stored.
    pub existing: f64,
    /// The value in the file.
    pub imported: f64,
}

/// Adds the preview's rows to the plan. Every row is kept as a fact (raw inputs too), by
/// metric, breakdown and import; a row whose metric, breakdown and period are already stored
/// replaces the stored value or is left out, as `on_overlap` says. Each KPI a metric is mapped
/// to is computed from `source`'s facts from now on (its values imported before version 2
/// from that source become facts too, so none is lost or counted twice); a KPI outside the
/// library (no formula) gets the values as measurements, as before.
pub fn apply(
    plan: &mut Plan,
    preview: &ImportPreview,
    mapping: &Mapping,
    on_overlap: OnOverlap,
    source: &str,
    id_gen: &mut impl FnMut() -> String,
) -> Applied {
    let mut applied = Applied::default();
    let mapped: Vec<(String, String)> = mapping
        .iter()
        .filter_map(|(m, k)| Some((m.clone(), k.clone()?)))
        .filter(|(_, k)| plan.kpis.iter().any(|x| &x.id == k))
        .collect();
    // Library KPIs newly fed by this source: their older imported values become facts.
    for (_, kpi_id) in &mapped {
        adopt_source(plan, kpi_id, source, id_gen);
    }
    let overlaps = fact_overlaps(plan, preview, source);
    let import = id_gen();
    let mut groups: Vec<Group> = Vec::new();
    let money_metric = |metric: &str| {
        crate::domain::model::kpi_library::find(metric)
            .is_some_and(|m| m.unit == crate::domain::model::kpi_library::Unit::Money)
            || matches!(metric, "cost" | "revenue")
    };
    for row in &preview.rows {
        if !row.value.is_finite() {
            continue;
        }
        let overlapping = overlaps
            .iter()
            .any(|o| o.line == row.line && o.metric_id == row.metric_id);
        if overlapping && on_overlap == OnOverlap::Skip {
            applied.skipped += 1;
            continue;
        }
        let value = if money_metric(&row.metric_id) {
            crate::domain::values::money::round_money(row.value, &plan.currency)
        } else {
            row.value
        };
        let key = (
            row.metric_id.clone(),
            source.to_string(),
            labels_of(source, row),
        );
        push_point(
            &mut groups,
            key,
            (row.date, row.end.unwrap_or(row.date), value),
        );
        applied.added += 1;
        // A KPI outside the library has no formula to compute from facts.
        if let Some((_, kpi)) = mapped.iter().find(|(m, _)| *m == row.metric_id) {
            let custom = plan
                .kpis
                .iter()
                .find(|k| &k.id == kpi)
                .is_some_and(|k| crate::domain::model::kpi_library::metric_of(k).is_none());
            if custom {
                plan.measurements.push(Measurement {
                    id: id_gen(),
                    kpi: kpi.clone(),
                    date: row.date,
                    end: row.end,
                    value,
                    source: source.to_string(),
                    note: row.label.clone(),
                    import: import.clone(),
                });
            }
        }
    }
    if on_overlap == OnOverlap::Replace && !overlaps.is_empty() {
        applied.replaced = remove_points(plan, source, &groups);
    }
    for (key, points) in groups {
        if let Some(series) = series_of(id_gen(), key, import.clone(), points) {
            plan.facts.push(series);
        }
    }
    for (_, kpi_id) in &mapped {
        if let Some(kpi) = plan.kpis.iter_mut().find(|k| &k.id == kpi_id) {
            if crate::domain::model::kpi_library::metric_of(kpi).is_some()
                && !kpi.sources.iter().any(|s| s == source)
            {
                kpi.sources.push(source.to_string());
            }
        }
    }
    applied
}

/// Removes the stored points the new groups replace (same metric, source, breakdown and
/// period); returns how many. Series left empty go.
fn remove_points(plan: &mut Plan, source: &str, groups: &[Group]) -> usize {
    let mut removed = 0;
    let mut rebuilt = Vec::with_capacity(plan.facts.len());
    for series in std::mem::take(&mut plan.facts) {
        let new = groups.iter().find(|((m, s, l), _)| {
            *m == series.metric && s == source && s == &series.source && *l == series.labels
        });
        let Some((_, points)) = new else {
            rebuilt.push(series);
            continue;
        };
        let kept: Vec<Point> = series
            .points()
            .filter(|(a, b, _)| !points.iter().any(|(x, y, _)| x == a && y == b))
            .collect();
        removed += series.values.len() - kept.len();
        if let Some(s) = self::rebuilt(&series, kept) {
            rebuilt.push(s);
        }
    }
    plan.facts = rebuilt;
    removed
}

/// Before a library KPI is first computed from `source`'s facts, its values imported from that
/// source as measurements (plans of version 1) become facts of its metric, with their label
/// as breakdown, so they keep counting and a re-import of the same days replaces them.
fn adopt_source(plan: &mut Plan, kpi_id: &str, source: &str, id_gen: &mut impl FnMut() -> String) {
    let Some(kpi) = plan.kpis.iter().find(|k| k.id == kpi_id) else {
        return;
    };
    let Some(metric) = kpi
        .metric
        .clone()
        .filter(|_| crate::domain::model::kpi_library::metric_of(kpi).is_some())
    else {
        return;
    };
    if kpi.sources.iter().any(|s| s == source) {
        return;
    }
    let (old, rest): (Vec<Measurement>, Vec<Measurement>) = std::mem::take(&mut plan.measurements)
        .into_iter()
        .partition(|m| m.kpi == kpi_id && m.source == source);
    plan.measurements = rest;
    if old.is_empty() {
        return;
    }
    let import = id_gen();
    let mut groups: Vec<Group> = Vec::new();
    for m in old {
        let key = (
            metric.clone(),
            source.to_string(),
            labels_for(source, &m.note, &[]),
        );
        push_point(&mut groups, key, (m.date, m.end.unwrap_or(m.date), m.value));
    }
    for (key, points) in groups {
        if let Some(series) = series_of(id_gen(), key, import.clone(), points) {
            plan.facts.push(series);
        }
    }
}

#[cfg(test)]
mod remembered_tests {
    use super::*;

    fn kpi(id: &str) -> Kpi {
        Kpi {
            id: id.into(),
            ..Kpi::default()
        }
    }

    // Guards: the user's last choice for a source wins over the default, including "do not
    // import", but never points at a KPI that was removed since.
    #[test]
    fn remembered_choices_win_while_their_kpi_exists() {
        let defaults: Mapping = vec![
            ("sessions".into(), Some("k1".into())),
            ("clicks".into(), None),
            ("revenue".into(), Some("k3".into())),
        ];
        let remembered: Mapping = vec![
            ("sessions".into(), None),
            ("clicks".into(), Some("k2".into())),
            ("revenue".into(), Some("gone".into())),
        ];
        let kpis = [kpi("k1"), kpi("k2"), kpi("k3")];
        assert_eq!(
            with_remembered(defaults, &remembered, &kpis),
            vec![
                ("sessions".to_string(), None),
                ("clicks".to_string(), Some("k2".to_string())),
                ("revenue".to_string(), Some("k3".to_string())),
            ]
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::analysis::importers::{Row, Source};
    use crate::domain::model::validate::validate;

    fn day(d: u8) -> Date {
        Date::new(2024, 3, d).unwrap_or(Date::EPOCH)
    }

    fn plan() -> Plan {
        let mut p = Plan::blank("p1", "Plan", 0);
        p.kpis.push(Kpi {
            id: "k1".into(),
            metric: Some("ctr".into()),
            ..Kpi::default()
        });
        p.kpis.push(Kpi {
            id: "k2".into(),
            metric: Some("sessions".into()),
            ..Kpi::default()
        });
        p
    }

    fn row(line: usize, d: u8, metric: &str, value: f64) -> Row {
        Row {
            line,
            date: day(d),
            end: None,
            metric_id: metric.into(),
            value,
            label: format!("row {line}"),
            breakdown: Vec::new(),
        }
    }

    fn preview() -> ImportPreview {
        ImportPreview {
            source: Source::GoogleAds,
            period: Some((day(1), day(2))),
            rows: vec![
                row(2, 1, "ctr", 3.5),
                row(3, 2, "ctr", 4.0),
                row(4, 1, "clicks", 120.0),
            ],
            bad_rows: Vec::new(),
            skipped_totals: Vec::new(),
            currency: None,
            stated_totals: Vec::new(),
            notes: Vec::new(),
        }
    }

    fn ids() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("m{n}")
        }
    }

    // Guards: metrics default to the KPI tracking that library metric; others to "do not import".
    #[test]
    fn default_mapping_follows_kpi_metrics() {
        let p = plan();
        assert_eq!(
            default_mapping(&p.kpis, &preview()),
            vec![
                ("ctr".to_string(), Some("k1".to_string())),
                ("clicks".to_string(), None)
            ]
        );
    }

    fn ctr_kpi(p: &Plan) -> &Kpi {
        &p.kpis[0]
    }

    // Guards: issue #17: every row is kept as a fact (the unmapped clicks too), by metric and
    // campaign, and the mapped KPI is computed from the source from now on.
    #[test]
    fn apply_keeps_every_row_as_a_fact() {
        let mut p = plan();
        let prev = preview();
        let mapping = default_mapping(&p.kpis, &prev);
        let done = apply(
            &mut p,
            &prev,
            &mapping,
            OnOverlap::Replace,
            "Google Ads",
            &mut ids(),
        );
        assert_eq!(
            done,
            Applied {
                added: 3,
                replaced: 0,
                skipped: 0
            }
        );
        assert_eq!(p.measurements, []);
        let mut stored: Vec<(String, String, Vec<f64>)> = p
            .facts
            .iter()
            .map(|f| {
                (
                    f.metric.clone(),
                    f.labels["campaign"].clone(),
                    f.values.clone(),
                )
            })
            .collect();
        crate::domain::values::sort::sort_by(&mut stored, |a, b| {
            a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal)
        });
        assert_eq!(
            stored,
            [
                ("clicks".into(), "row 4".into(), vec![120.0]),
                ("ctr".into(), "row 2".into(), vec![3.5]),
                ("ctr".into(), "row 3".into(), vec![4.0]),
            ]
        );
        assert!(p
            .facts
            .iter()
            .all(|f| f.source == "Google Ads" && f.import == p.facts[0].import));
        assert_eq!(ctr_kpi(&p).sources, ["Google Ads"]);
        assert_eq!(
            p.kpis[1].sources,
            Vec::<String>::new(),
            "sessions: not mapped"
        );
        assert_eq!(validate(&p), vec![]);
    }

    // Guards: re-importing the same file replaces rather than doubles, or skips when asked;
    // campaign B's file for the same days adds to campaign A's.
    #[test]
    fn reimport_replaces_or_skips_and_other_campaigns_add() {
        let mut p = plan();
        let prev = preview();
        let mapping = default_mapping(&p.kpis, &prev);
        apply(
            &mut p,
            &prev,
            &mapping,
            OnOverlap::Replace,
            "Google Ads",
            &mut ids(),
        );
        assert_eq!(fact_overlaps(&p, &prev, "Google Ads").len(), 3);
        let again = apply(
            &mut p,
            &prev,
            &mapping,
            OnOverlap::Replace,
            "Google Ads",
            &mut ids(),
        );
        assert_eq!((again.added, again.replaced, again.skipped), (3, 3, 0));
        let values = |p: &Plan| p.facts.iter().map(|f| f.values.len()).sum::<usize>();
        assert_eq!(values(&p), 3);
        let skip = apply(
            &mut p,
            &prev,
            &mapping,
            OnOverlap::Skip,
            "Google Ads",
            &mut ids(),
        );
        assert_eq!((skip.added, skip.replaced, skip.skipped), (0, 0, 3));
        assert_eq!(values(&p), 3);
        // Campaign B, same days, same metrics: nothing overlaps, everything adds.
        let mut b = prev.clone();
        for r in &mut b.rows {
            r.label = "Campaign B".into();
        }
        assert_eq!(fact_overlaps(&p, &b, "Google Ads"), []);
        let added = apply(
            &mut p,
            &b,
            &mapping,
            OnOverlap::Replace,
            "Google Ads",
            &mut ids(),
        );
        assert_eq!((added.added, added.replaced), (3, 0));
        assert_eq!(values(&p), 6);
    }

    // Guards: issue #17: a KPI with figures for the same days from another source, or typed
    // by hand, is named in the preview before the file feeds it.
    #[test]
    fn a_kpi_fed_twice_for_the_same_days_is_named() {
        let mut p = plan();
        let prev = preview();
        let mapping = default_mapping(&p.kpis, &prev);
        assert_eq!(source_clashes(&p, &prev, &mapping, "Google Ads"), []);
        apply(
            &mut p,
            &prev,
            &mapping,
            OnOverlap::Replace,
            "Google Ads",
            &mut ids(),
        );
        // The same file again from Google Ads is a re-import, not a clash.
        assert_eq!(source_clashes(&p, &prev, &mapping, "Google Ads"), []);
        // The same metric from another source for the same days: named, with the days.
        assert_eq!(
            source_clashes(&p, &prev, &mapping, "CSV"),
            [SourceClash {
                kpi_id: "k1".into(),
                other: Some("Google Ads".into()),
                from: day(1),
                to: day(2)
            }]
        );
        // A KPI with values typed by hand for 2 March.
        let sessions = vec![("ctr".to_string(), Some("k2".to_string()))];
        p.measurements.push(Measurement {
            id: "typed".into(),
            kpi: "k2".into(),
            date: day(2),
            end: None,
            value: 900.0,
            source: String::new(),
            note: String::new(),
            import: String::new(),
        });
        assert_eq!(
            source_clashes(&p, &prev, &sessions, "Google Ads"),
            [SourceClash {
                kpi_id: "k2".into(),
                other: None,
                from: day(2),
                to: day(2)
            }]
        );
    }

    // Guards: a KPI outside the library (no formula) still gets its values, as measurements;
    // a stale KPI id is ignored.
    #[test]
    fn custom_kpis_get_measurements_and_removed_kpis_nothing() {
        let mut p = plan();
        p.kpis.push(Kpi {
            id: "k3".into(),
            name: "Store visits".into(),
            ..Kpi::default()
        });
        let prev = preview();
        let mapping = vec![
            ("ctr".to_string(), Some("gone".to_string())),
            ("clicks".to_string(), Some("k3".to_string())),
        ];
        let done = apply(&mut p, &prev, &mapping, OnOverlap::Skip, "CSV", &mut ids());
        assert_eq!(done.added, 3);
        assert_eq!(p.measurements.len(), 1);
        assert_eq!(
            (p.measurements[0].kpi.as_str(), p.measurements[0].value),
            ("k3", 120.0)
        );
    }

    // Guards: a version 1 plan's CTR values imported from Google Ads (measurements) become
    // facts when the KPI is first computed from Google Ads, so they still count and the same
    // days re-imported replace them instead of counting twice.
    #[test]
    fn older_imported_values_become_facts() {
        let mut p = plan();
        p.measurements.push(Measurement {
            id: "old".into(),
            kpi: "k1".into(),
            date: day(1),
            end: None,
            value: 3.1,
            source: "Google Ads".into(),
            note: "row 2".into(),
            import: String::new(),
        });
        let prev = preview();
        let mapping = default_mapping(&p.kpis, &prev);
        let done = apply(
            &mut p,
            &prev,
            &mapping,
            OnOverlap::Replace,
            "Google Ads",
            &mut ids(),
        );
        assert_eq!((done.added, done.replaced), (3, 1));
        assert_eq!(p.measurements, []);
        let ctr: Vec<f64> = p
            .facts
            .iter()
            .filter(|f| f.metric == "ctr" && f.labels["campaign"] == "row 2")
            .flat_map(|f| f.values.clone())
            .collect();
        assert_eq!(ctr, [3.5], "the file's value replaced the older one");
    }
}
