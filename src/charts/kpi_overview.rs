//! Chart 2: every KPI as a percentage of its target, coloured by status.

use super::*;

/// A KPI's value as a percentage of its target, direction-aware: the share of the way from
/// baseline to target for higher/lower-is-better; 100 inside a range, and outside it 100 minus
/// the distance to the range as a percentage of the nearer bound (0 for a zero bound).
pub(super) fn percent_of_target(achievement: Achievement, kpi: &Kpi) -> Option<f64> {
    let percent = match achievement {
        Achievement::Progress(p) => p * 100.0,
        Achievement::InRange { .. } => 100.0,
        Achievement::OutOfRange { distance, above } => {
            let bound = match kpi.direction {
                Direction::WithinRange { min, max } if above => min.max(max),
                Direction::WithinRange { min, max } => min.min(max),
                _ => 0.0,
            };
            if bound == 0.0 {
                0.0
            } else {
                100.0 - distance / bound.abs() * 100.0
            }
        }
    };
    percent.is_finite().then_some(percent)
}

pub(super) fn status_color(status: Status) -> RGBColor {
    match status {
        Status::Achieved => GREEN,
        Status::OnTrack => BLUE,
        Status::AtRisk => ORANGE,
        Status::OffTrack => VERMILION,
        Status::NoData => GREY,
    }
}

/// Bars beyond this range are cut at its edge; the label keeps the true percentage. A KPI worse
/// than its baseline (a negative share of the way) draws no bar below zero: its label says so.
pub(super) const PERCENT_FLOOR: f64 = 0.0;
pub(super) const PERCENT_CEILING: f64 = 300.0;

/// Chart 2: Every KPI as a percentage of its target (direction-aware), with a 100 % line; each bar
/// coloured by status and labelled with its percentage and status in words.
pub fn kpi_overview(plan: &Plan, today: Date, lang: Lang) -> Result<Chart, ChartError> {
    if plan.kpis.is_empty() {
        return Err(ChartError::Empty(Empty::NoData));
    }
    let rows: Vec<(String, Option<f64>, Status)> = plan
        .kpis
        .iter()
        .map(|kpi| {
            let analysis = analyse_kpi(plan, kpi, today);
            let percent = analysis.achievement.and_then(|a| percent_of_target(a, kpi));
            (axis_name(&kpi_name(kpi, lang)), percent, analysis.status)
        })
        .collect();
    let n = rows.len();
    let clamp = |p: f64| p.clamp(PERCENT_FLOOR, PERCENT_CEILING);
    let bars: Vec<RowBar> = rows
        .iter()
        .map(|(name, percent, status)| RowBar {
            name: name.clone(),
            value: percent.map(clamp),
            color: status_color(*status),
            label: match percent {
                Some(p) if *p < PERCENT_FLOOR => format!(
                    "{} · {} · {}",
                    format_percent(*p, 0, lang),
                    T::ChartBelowBaseline.get(lang),
                    status_label(*status).get(lang)
                ),
                _ => format!(
                    "{} · {}",
                    percent.map_or_else(|| "—".to_string(), |p| format_percent(p, 0, lang)),
                    status_label(*status).get(lang)
                ),
            },
        })
        .collect();
    let title = T::ChartOverviewTitle.get(lang);
    let svg = row_bars(
        title,
        &bars,
        Axes {
            x_desc: T::ChartPercentOfTarget.get(lang),
            y_desc: T::ChartKpiAxis.get(lang),
            x_labels: 8,
            y_labels: n,
            x_format: &|v| format_percent(*v, 0, lang),
            y_format: &|_| String::new(),
            y_label_area: 190,
            x_grid: true,
            y_grid: false,
            legend_rows: 0,
        },
        Some(100.0),
    )?;

    let count = |s: Status| rows.iter().filter(|r| r.2 == s).count().to_string();
    let summary = T::ChartOverviewSummary.fill(
        lang,
        &[
            ("count", &n.to_string()),
            ("achieved", &count(Status::Achieved)),
            ("on_track", &count(Status::OnTrack)),
            ("at_risk", &count(Status::AtRisk)),
            ("off_track", &count(Status::OffTrack)),
            ("no_data", &count(Status::NoData)),
        ],
    );
    let mut table = vec![vec![
        T::ChartKpiAxis.get(lang).to_string(),
        T::ChartPercentOfTarget.get(lang).to_string(),
        T::ColStatus.get(lang).to_string(),
    ]];
    for (kpi, (_, percent, status)) in plan.kpis.iter().zip(&rows) {
        table.push(vec![
            kpi_name(kpi, lang),
            percent.map_or_else(|| "—".to_string(), |p| format_percent(p, 1, lang)),
            status_label(*status).get(lang).to_string(),
        ]);
    }
    Ok(Chart {
        svg,
        summary,
        table,
    })
}
