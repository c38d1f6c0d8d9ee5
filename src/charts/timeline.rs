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
            format!("{done}{}", t.0.trim())
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
                y_labels: 0,
                x_format: &|d| tick_label(*d, tick, lang),
                y_format: &|_| String::new(),
                y_label_area: 30,
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
        // Each bar's name beside it: inside when it fits, else after it, else before it, else
        // over two lines on the wider side.
        let (across, _) = chart.plotting_area().get_pixel_range();
        for (i, ((_, start, end, status), name)) in tasks.iter().zip(&names).enumerate() {
            let row = from_top(i, n);
            let (from, y) = chart.backend_coord(&(clamp_day(*start), SegmentValue::CenterOf(row)));
            let (to, _) =
                chart.backend_coord(&((clamp_day(*end) + 1).min(x1), SegmentValue::CenterOf(row)));
            let placed = bar_label(name, from..to, across.clone());
            let color = if placed.inside && *status != TaskStatus::Done {
                WHITE
            } else {
                BLACK_OI
            };
            root.draw(&Text::new(
                placed.text,
                (placed.x, y),
                font(12)
                    .color(&color)
                    .pos(Pos::new(placed.anchor, VPos::Center)),
            ))?;
        }
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

/// Where a bar's label goes and how it reads.
struct BarLabel {
    text: String,
    x: i32,
    anchor: HPos,
    inside: bool,
}

/// A Gantt bar's label: inside the bar (`bar`, pixels across) when it fits, else after it, else
/// before it, within the plot (`plot`); when no side holds it on one line, it wraps over two
/// lines on the wider side.
fn bar_label(name: &str, bar: std::ops::Range<i32>, plot: std::ops::Range<i32>) -> BarLabel {
    const GAP: i32 = 5;
    let w = i32::try_from(super::svg::text_size(name, 12.0).0).unwrap_or(i32::MAX);
    let place = |text: String, after: bool, inside: bool| BarLabel {
        x: if inside {
            bar.start + GAP
        } else if after {
            bar.end + GAP
        } else {
            bar.start - GAP
        },
        anchor: if inside || after {
            HPos::Left
        } else {
            HPos::Right
        },
        text,
        inside,
    };
    if w + 2 * GAP <= bar.end - bar.start {
        return place(name.to_string(), true, true);
    }
    let after = plot.end - bar.end - GAP;
    let before = bar.start - plot.start - GAP;
    if w <= after || w <= before {
        return place(name.to_string(), w <= after, false);
    }
    // Characters of about 5.4 px at this size (see `svg::text_size`).
    let room = after.max(before).max(40);
    let chars = usize::try_from(room * 10 / 54).unwrap_or(8).max(8);
    place(
        crate::domain::values::text::wrap(name, chars, 2),
        after >= before,
        false,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: a short name sits inside its bar; a long one after a short bar, or before a bar
    // that reaches the plot's end; with no room on either side it wraps over two lines.
    #[test]
    fn bar_labels_go_where_they_fit() {
        let plot = 30..700;
        let inside = bar_label("Brief", 100..300, plot.clone());
        assert!(inside.inside);
        assert_eq!(inside.x, 105);
        assert!(matches!(inside.anchor, HPos::Left));
        let after = bar_label("Launch Instagram and Google Ads", 100..120, plot.clone());
        assert!(!after.inside);
        assert_eq!(after.x, 125);
        assert!(matches!(after.anchor, HPos::Left));
        let before = bar_label(
            "Monthly performance review and optimisation",
            500..700,
            plot.clone(),
        );
        assert_eq!(before.x, 495);
        assert!(matches!(before.anchor, HPos::Right));
        let long = "Luncurkan kampanye Instagram Reels batik tulis Pekalongan untuk Harbolnas 12.12 dengan tiga kreator";
        let wrapped = bar_label(long, 300..400, plot);
        assert_eq!(wrapped.text.lines().count(), 2, "{}", wrapped.text);
        assert!(matches!(wrapped.anchor, HPos::Left));
    }
}
