//! Phase 3, collecting data: which KPI each imported metric feeds, and adding the previewed
//! rows to the plan's measurements once the user confirms, replacing or skipping values that
//! are already there. Nothing here touches the plan until [`apply`] is called.

use super::importers::{overlaps, ImportPreview, Overlap};
use super::plan::{Kpi, Measurement, Plan};

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
    kpis.iter()
        .find(|k| k.metric.as_deref() == Some(metric_id) || k.id == metric_id)
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

/// The KPI `metric_id` feeds under `mapping`.
fn kpi_of<'a>(mapping: &'a Mapping, metric_id: &str) -> Option<&'a str> {
    mapping
        .iter()
        .find(|(m, _)| m == metric_id)
        .and_then(|(_, k)| k.as_deref())
}

/// The imported rows that would duplicate stored measurements under the user's mapping (the
/// importers' [`overlaps`], asked with one stand-in KPI per mapped metric).
pub fn mapped_overlaps(plan: &Plan, preview: &ImportPreview, mapping: &Mapping) -> Vec<Overlap> {
    let kpis: Vec<Kpi> = mapping
        .iter()
        .filter_map(|(metric, kpi)| {
            let kpi = kpi.as_ref()?;
            // Only KPIs still in the plan: a mapping may outlive a KPI removed meanwhile.
            plan.kpis.iter().any(|k| &k.id == kpi).then(|| Kpi {
                id: kpi.clone(),
                metric: Some(metric.clone()),
                ..Kpi::default()
            })
        })
        .collect();
    // The stand-in KPI's id also matches rows whose metric id equals it; keep only real pairs.
    overlaps(&plan.measurements, &kpis, preview)
        .into_iter()
        .filter(|o| {
            preview
                .rows
                .iter()
                .any(|r| r.line == o.line && kpi_of(mapping, &r.metric_id) == Some(&o.kpi_id))
        })
        .collect()
}

/// Adds the preview's rows to the plan as measurements of the mapped KPIs, with `source` and
/// the row's label as note. Overlapping values are replaced or skipped as `on_overlap` says.
pub fn apply(
    plan: &mut Plan,
    preview: &ImportPreview,
    mapping: &Mapping,
    on_overlap: OnOverlap,
    source: &str,
    id_gen: &mut impl FnMut() -> String,
) -> Applied {
    let found = mapped_overlaps(plan, preview, mapping);
    let mut applied = Applied::default();
    if on_overlap == OnOverlap::Replace {
        let before = plan.measurements.len();
        plan.measurements
            .retain(|m| !found.iter().any(|o| o.measurement_id == m.id));
        applied.replaced = before - plan.measurements.len();
    }
    for row in &preview.rows {
        let Some(kpi) = kpi_of(mapping, &row.metric_id) else {
            continue;
        };
        let Some(unit) = plan
            .kpis
            .iter()
            .find(|k| k.id == kpi)
            .map(|k| k.unit.clone())
        else {
            continue;
        };
        // A KPI in the plan's currency keeps amounts in its minor units, as typed ones are.
        let value = if unit.trim().eq_ignore_ascii_case(plan.currency.trim()) {
            super::money::round_money(row.value, &plan.currency)
        } else {
            row.value
        };
        let overlapping = found.iter().any(|o| o.line == row.line && o.kpi_id == kpi);
        if overlapping && on_overlap == OnOverlap::Skip {
            applied.skipped += 1;
            continue;
        }
        plan.measurements.push(Measurement {
            id: id_gen(),
            kpi: kpi.to_string(),
            date: row.date,
            end: row.end,
            value,
            source: source.to_string(),
            note: row.label.clone(),
        });
        applied.added += 1;
    }
    applied
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
    use crate::domain::date::Date;
    use crate::domain::importers::{Row, Source};

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

    // Guards: confirming adds one measurement per mapped row, with source and label as note.
    #[test]
    fn apply_adds_mapped_rows_only() {
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
        assert_eq!(done.added, 2);
        assert_eq!(p.measurements.len(), 2);
        assert!(p
            .measurements
            .iter()
            .all(|m| m.kpi == "k1" && m.source == "Google Ads"));
        assert_eq!(p.measurements[0].note, "row 2");
    }

    // Guards: re-importing the same file replaces rather than doubles, or skips when asked.
    #[test]
    fn reimport_replaces_or_skips() {
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
        assert_eq!(mapped_overlaps(&p, &prev, &mapping).len(), 2);
        let again = apply(
            &mut p,
            &prev,
            &mapping,
            OnOverlap::Replace,
            "Google Ads",
            &mut ids(),
        );
        assert_eq!((again.added, again.replaced, again.skipped), (2, 2, 0));
        assert_eq!(p.measurements.len(), 2);
        let skip = apply(
            &mut p,
            &prev,
            &mapping,
            OnOverlap::Skip,
            "Google Ads",
            &mut ids(),
        );
        assert_eq!((skip.added, skip.replaced, skip.skipped), (0, 0, 2));
        assert_eq!(p.measurements.len(), 2);
    }

    // Guards: a metric mapped by hand to another KPI lands there, and a stale KPI id is ignored.
    #[test]
    fn manual_mapping_and_removed_kpi() {
        let mut p = plan();
        let prev = preview();
        let mapping = vec![
            ("ctr".to_string(), Some("gone".to_string())),
            ("clicks".to_string(), Some("k2".to_string())),
        ];
        let done = apply(&mut p, &prev, &mapping, OnOverlap::Skip, "CSV", &mut ids());
        assert_eq!(done.added, 1);
        assert_eq!(p.measurements[0].kpi, "k2");
        assert_eq!(p.measurements[0].value, 120.0);
    }
}
