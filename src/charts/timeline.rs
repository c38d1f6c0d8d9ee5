//! Chart 5: the action plan as a Gantt timeline.

use super::days::{tick_label, Days};
use super::*;

/// Chart 5: The action plan's tasks as bars over the timeline window, with a line on today.
/// Finished tasks are drawn lighter and their names start with ✓, so colour is not the only
/// cue; the table says each task's dates.
pub fn timeline(plan: &Plan, today: Date, lang: Lang) -> Result<Chart, ChartError> {
    let window = timeline_window(plan).ok_or(ChartError::Empty(Empty::NoWindow))?;
    let tasks: Vec<(&str, Date, Date, TaskStatus)> = plan
        .tasks
        .iter()
        .filter_map(|t| {
            let (start, end) = match (t.start, t.end) {
                (Some(s), Some(e)) => (s, e),
                (Some(d), None) | (None, Some(d)) => (d, d),
                (None, None) => return None,
            };
            (start <= end).then_some((t.title.as_str(), start, end, t.status))
        })
        .collect();
    if tasks.is_empty() {
        return Err(ChartError::Empty(Empty::NoData));
    }
    let n = tasks.len();
    let names: Vec<String> = tasks
        .iter()
        .map(|t| {
            let done = if t.3 == TaskStatus::Done { "✓ " } else { "" };
            format!("{done}{}", truncate(t.0, MAX_LABEL))
        })
        .collect();
    let (x0, x1) = (window.start.to_days(), window.end.to_days() + 1);
    let clamp_day = |d: Date| d.to_days().clamp(x0, x1);
    let title = T::ChartTimelineTitle.get(lang);
    let size = (WIDTH, row_height(n));
    // Days across with a calendar's ticks (the first of each month for a campaign of months).
    let days = Days::new(x0..x1, 8);
    let tick = days.tick();
    let svg = render(size, title, |root| {
        let mut chart = frame(
            root,
            title,
            (days, Rows(n).into_segmented()),
            Axes {
                x_desc: T::ChartDateAxis.get(lang),
                y_desc: T::ChartTaskAxis.get(lang),
                x_labels: 8,
                y_labels: n.min(100),
                x_format: &|d| tick_label(*d, tick, lang),
                y_format: &|v| row_label(v, &names),
                y_label_area: 190,
                x_grid: true,
                y_grid: false,
                legend_rows: 0,
            },
        )?;
        let band = plot_band(&chart.plotting_area().strip_coord_spec(), n, false);
        let bars: Vec<Rectangle<(i64, SegmentValue<usize>)>> = tasks
            .iter()
            .enumerate()
            .map(|(i, (_, start, end, status))| {
                let row = from_top(i, n);
                let style = if *status == TaskStatus::Done {
                    SKY_BLUE.filled()
                } else {
                    BLUE.filled()
                };
                let mut bar = Rectangle::new(
                    [
                        (clamp_day(*start), SegmentValue::Exact(row)),
                        ((clamp_day(*end) + 1).min(x1), band_end(row, n)),
                    ],
                    style,
                );
                bar.set_margin(bar_gap(band), bar_gap(band), 0, 0);
                bar
            })
            .collect();
        chart.draw_series(bars)?;
        if (window.start..=window.end).contains(&today) {
            let x = today.to_days();
            chart.draw_series(LineSeries::new(
                [(x, SegmentValue::Exact(0)), (x, SegmentValue::Last)],
                VERMILION.stroke_width(2),
            ))?;
            chart.draw_series(std::iter::once(Text::new(
                T::ChartToday.get(lang),
                (x, SegmentValue::Last),
                font(12)
                    .color(&VERMILION)
                    .pos(Pos::new(today_anchor(x, x0, x1), VPos::Top)),
            )))?;
        }
        Ok(())
    })?;

    let summary = T::ChartTimelineSummary.fill(
        lang,
        &[
            ("count", &n.to_string()),
            ("start", &format_date(window.start, lang, DateStyle::Long)),
            ("end", &format_date(window.end, lang, DateStyle::Long)),
        ],
    );
    let mut table = vec![vec![
        T::ChartTaskAxis.get(lang).to_string(),
        T::ChartStart.get(lang).to_string(),
        T::ChartEnd.get(lang).to_string(),
    ]];
    for (name, start, end, _) in &tasks {
        table.push(vec![
            (*name).to_string(),
            format_date(*start, lang, DateStyle::Short),
            format_date(*end, lang, DateStyle::Short),
        ]);
    }
    Ok(Chart {
        svg,
        summary,
        table,
    })
}
