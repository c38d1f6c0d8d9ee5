//! Chart 1: a KPI over time against its target, trajectory and projection.

use super::*;

/// The points of a line worth drawing across `columns` pixel columns: where several points
/// fall in one column, its lowest and highest (in their order), plus the line's first and last
/// point. The drawn line covers the same pixels (every peak and dip stays) with at most two
/// points a column, so a ten-year daily series costs what a one-year one does. Lines with no
/// more than two points a column come back whole. `points` are in x order within `x0..=x1`.
pub(super) fn line_points(
    points: &[(i64, f64)],
    x0: i64,
    x1: i64,
    columns: usize,
) -> Vec<(i64, f64)> {
    if points.len() <= 2 * columns.max(1) || x1 <= x0 {
        return points.to_vec();
    }
    let span = x1.saturating_sub(x0).saturating_add(1);
    let column = |x: i64| x.saturating_sub(x0).saturating_mul(columns as i64) / span;
    let last = points.len() - 1;
    let mut out = Vec::with_capacity(2 * columns + 2);
    let mut start = 0;
    while start < points.len() {
        let col = points.get(start).map_or(0, |p| column(p.0));
        let mut end = start;
        while points.get(end + 1).is_some_and(|p| column(p.0) == col) {
            end += 1;
        }
        let bucket = points.get(start..=end).unwrap_or_default();
        // NaN never reaches a chart (`series` keeps finite values), so `total_cmp` orders as `<`.
        let low = bucket
            .iter()
            .enumerate()
            .min_by(|a, b| a.1 .1.total_cmp(&b.1 .1))
            .map(|(i, _)| i);
        let high = bucket
            .iter()
            .enumerate()
            .max_by(|a, b| a.1 .1.total_cmp(&b.1 .1))
            .map(|(i, _)| i);
        let mut keep: Vec<usize> = [Some(0).filter(|_| start == 0), low, high]
            .into_iter()
            .flatten()
            .map(|i| start + i)
            .chain((end == last).then_some(last))
            .collect();
        crate::domain::values::sort::sort(&mut keep);
        keep.dedup();
        out.extend(keep.into_iter().filter_map(|i| points.get(i).copied()));
        start = end + 1;
    }
    out
}

/// Chart 1: A KPI over time: actual values, the target trajectory from the baseline (at the
/// campaign start) to the target (at the deadline), the target line, the dashed projection
/// to the deadline, and markers on the dates of optimisation actions linked to this KPI.
pub fn kpi_progress(
    plan: &Plan,
    kpi_id: &str,
    today: Date,
    lang: Lang,
) -> Result<Chart, ChartError> {
    let kpi = plan
        .kpis
        .iter()
        .find(|k| k.id == kpi_id)
        .ok_or(ChartError::Empty(Empty::NoKpi))?;
    // The KPI's value from the start of its period to each day: a running total, or the
    // period-to-date rate (Σclicks ÷ Σimpressions so far), not each day's own value.
    // A target per month or week is drawn over that month or week.
    let (kpi_series, judged, start) = crate::domain::analysis::facts::judged(plan, kpi, today);
    let kpi = &judged;
    let points = kpi_series.points;
    let analysis = analyse_points(kpi, &points, kpi_series.cumulative, start, today);
    let from = crate::domain::analysis::kpis::trajectory_start(kpi, &points, kpi_series.cumulative);
    let target = kpi.target.filter(|v| v.is_finite());
    let targets: Vec<f64> = match kpi.direction {
        Direction::WithinRange { min, max } => {
            [min, max].into_iter().filter(|v| v.is_finite()).collect()
        }
        _ => target.into_iter().collect(),
    };
    let trajectory = match (plan.goal.start, kpi.deadline, from, target) {
        (Some(s), Some(d), Some(f), Some(t)) if s < d && is_directional(kpi.direction) => {
            Some([(s.to_days(), f), (d.to_days(), t)])
        }
        _ => None,
    };
    let projection = match (points.last(), kpi.deadline) {
        (Some(&(last, value)), Some(deadline)) if deadline > last => trend(&points)
            .and_then(|t| t.at(deadline))
            .map(|p| [(last.to_days(), value), (deadline.to_days(), p)]),
        _ => None,
    };
    let linked: Vec<(Date, &str)> = plan
        .optimisations
        .iter()
        .filter(|o| {
            o.problem.as_deref().is_some_and(|p| {
                plan.problems
                    .iter()
                    .any(|problem| problem.id == p && problem.kpi == kpi.id)
            })
        })
        .map(|o| (o.date, o.action.as_str()))
        .collect();
    if points.is_empty() && trajectory.is_none() && targets.is_empty() {
        return Err(ChartError::Empty(Empty::NoData));
    }

    let name = truncate(&kpi_name(kpi, lang), MAX_LABEL * 2);
    let title = T::ChartKpiProgressTitle.fill(lang, &[("name", &name)]);
    let (x0, x1) = day_range(
        points
            .iter()
            .map(|p| p.0.to_days())
            .chain(trajectory.iter().flatten().map(|p| p.0))
            .chain(projection.iter().flatten().map(|p| p.0))
            .chain(linked.iter().map(|o| o.0.to_days()))
            .chain(kpi.deadline.map(Date::to_days))
            .chain(plan.goal.start.map(Date::to_days)),
    );
    let (y0, y1) = padded(
        points
            .iter()
            .map(|p| p.1)
            .chain(targets.iter().copied())
            .chain(trajectory.iter().flatten().map(|p| p.1))
            .chain(projection.iter().flatten().map(|p| p.1)),
    );
    // "Value (%)", or just "Value" for a KPI without a unit rather than "Value ()".
    let value_axis = if kpi.unit.trim().is_empty() {
        T::ChartValue.get(lang).to_string()
    } else {
        T::ChartValueAxis.fill(lang, &[("unit", &truncate(kpi.unit.trim(), 12))])
    };
    let size = (WIDTH, HEIGHT);
    let svg = render(size, &title, |root| {
        let mut chart = time_frame(root, &title, (x0..x1, y0..y1), &value_axis, lang)?;
        let mut legend = Legend::default();
        // The dashed lines first: above the grid, below the data.
        if let Some(line) = trajectory {
            chart.draw_series([Dashed::new(line, GREEN, DASH_TRAJECTORY)])?;
        }
        if let Some(line) = projection {
            chart.draw_series([Dashed::new(line, ORANGE, DASH_PROJECTION)])?;
        }

        for (i, t) in targets.iter().enumerate() {
            chart.draw_series(LineSeries::new(
                [(x0, *t), (x1, *t)],
                VERMILION.stroke_width(1),
            ))?;
            if i == 0 {
                legend.add(T::ChartTarget.get(lang), Swatch::Line(VERMILION));
            }
        }
        let line: Vec<(i64, f64)> = points.iter().map(|p| (p.0.to_days(), p.1)).collect();
        chart.draw_series(LineSeries::new(
            line_points(
                &line,
                x0,
                x1,
                chart.plotting_area().dim_in_pixel().0 as usize,
            ),
            BLUE.stroke_width(2),
        ))?;
        legend.add(T::ChartActual.get(lang), Swatch::Dot(BLUE));
        // Markers on every point while they stay readable; beyond that the line says it all.
        if points.len() <= 200 {
            chart.draw_series(
                points
                    .iter()
                    .map(|p| Circle::new((p.0.to_days(), p.1), 3, BLUE.filled())),
            )?;
        }
        for (i, (date, _)) in linked.iter().enumerate() {
            let x = date.to_days();
            chart.draw_series(LineSeries::new([(x, y0), (x, y1)], PURPLE.stroke_width(1)))?;
            chart.draw_series(std::iter::once(TriangleMarker::new(
                (x, y1),
                6,
                PURPLE.filled(),
            )))?;
            if i == 0 {
                legend.add(T::ChartOptimisation.get(lang), Swatch::Triangle(PURPLE));
            }
        }
        if trajectory.is_some() {
            legend.add(T::ChartTrajectory.get(lang), Swatch::Dashed(GREEN));
        }
        if projection.is_some() {
            legend.add(T::ChartProjection.get(lang), Swatch::Dashed(ORANGE));
        }
        legend.draw(root, &chart, Corner::Left)?;
        Ok(())
    })?;

    let summary = T::ChartKpiProgressSummary.fill(
        lang,
        &[
            ("name", &name),
            ("actual", &kpi_value(analysis.actual, kpi, lang)),
            ("target", &kpi_value(target, kpi, lang)),
            (
                "deadline",
                &kpi.deadline.map_or_else(
                    || "—".to_string(),
                    |d| format_date(d, lang, DateStyle::Long),
                ),
            ),
            ("projected", &kpi_value(analysis.projected, kpi, lang)),
        ],
    );
    let mut table = vec![vec![
        T::ChartDateAxis.get(lang).to_string(),
        T::ChartSeries.get(lang).to_string(),
        value_axis.clone(),
    ]];
    let row = |date: Date, series: T, value: String| {
        vec![
            format_date(date, lang, DateStyle::Short),
            series.get(lang).to_string(),
            value,
        ]
    };
    for (date, value) in &points {
        table.push(row(*date, T::ChartActual, number(*value, lang)));
    }
    for (days, value) in trajectory.iter().flatten() {
        if let Some(date) = Date::from_days(*days) {
            table.push(row(date, T::ChartTrajectory, number(*value, lang)));
        }
    }
    if let (Some(deadline), Some(projected)) = (kpi.deadline, analysis.projected) {
        table.push(row(deadline, T::ChartProjection, number(projected, lang)));
    }
    for (date, action) in &linked {
        table.push(row(*date, T::ChartOptimisation, truncate(action, 80)));
    }
    Ok(Chart {
        svg,
        summary,
        table,
    })
}
