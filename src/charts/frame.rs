//! What every chart is drawn in: the SVG page ([`render`]), the caption, margins and axes
//! ([`frame`]), and the frame of a chart over time ([`time_frame`]).

use super::days::{tick_label, Days};
use super::*;

/// The drawing area every chart draws on.
pub(super) type Root<'a> = DrawingArea<Svg<'a>, Shift>;

/// A chart drawn on a [`Root`] with cartesian coordinates.
pub(super) type Plot<'a, 'b, X, Y> = ChartContext<'a, Svg<'b>, Cartesian2d<X, Y>>;

/// Draws one chart: a white page of `size` titled `title`, then `draw`.
pub(super) fn render(
    size: (u32, u32),
    title: &str,
    draw: impl FnOnce(&Root<'_>) -> Result<(), ChartError>,
) -> Result<String, ChartError> {
    let mut svg = String::new();
    let root = Svg::new(&mut svg, size, title).into_drawing_area();
    root.fill(&WHITE)?;
    draw(&root)?;
    root.present()?;
    drop(root);
    Ok(svg)
}

/// What sets one chart's frame apart from the others: its axes.
pub(super) struct Axes<'f, X, Y> {
    /// The axes' names.
    pub(super) x_desc: &'f str,
    pub(super) y_desc: &'f str,
    /// How many labels each axis may show.
    pub(super) x_labels: usize,
    pub(super) y_labels: usize,
    /// The labels, formatted for the locale.
    pub(super) x_format: &'f dyn Fn(&X) -> String,
    pub(super) y_format: &'f dyn Fn(&Y) -> String,
    /// Width of the left label area: wide for names, narrow for numbers.
    pub(super) y_label_area: u32,
    /// Grid lines across the category axis would cut through the bars: off there.
    pub(super) x_grid: bool,
    pub(super) y_grid: bool,
    /// Rows of legend to make room for above the plot (see [`crate::charts::legend`]); 0
    /// for a chart without one.
    pub(super) legend_rows: u32,
}

/// The height a chart's caption takes, as plotters' own caption would (its text and padding).
const CAPTION: u32 = 27;

/// The caption, margins, plot of `x` by `y`, and its axes.
pub(super) fn frame<'a, 'b, X, Y>(
    root: &'a Root<'b>,
    title: &str,
    (x, y): (X, Y),
    axes: Axes<'_, X::Value, Y::Value>,
) -> Result<Plot<'a, 'b, X::CoordDescType, Y::CoordDescType>, ChartError>
where
    X: AsRangedCoord,
    Y: AsRangedCoord,
    X::CoordDescType: ValueFormatter<X::Value>,
    Y::CoordDescType: ValueFormatter<Y::Value>,
{
    let mut builder = ChartBuilder::on(root);
    builder
        .margin(12)
        // Room for the last date label, centred on the plot's right edge.
        .margin_right(30)
        .x_label_area_size(52)
        .y_label_area_size(axes.y_label_area);
    let band = legend_band(axes.legend_rows);
    if band == 0 {
        builder.caption(title, font(18));
    } else {
        // The caption, then the legend's band, above the plot: plotters would put an axis in
        // a top label area, so the caption is drawn here and the margin keeps both free.
        builder.margin_top(12 + CAPTION + band);
        root.draw(&Text::new(
            title.to_string(),
            (i32::try_from(root.dim_in_pixel().0 / 2).unwrap_or(0), 12),
            font(18).pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }
    let mut chart = builder.build_cartesian_2d(x, y)?;
    let mut mesh = chart.configure_mesh();
    mesh.light_line_style(WHITE)
        .x_labels(axes.x_labels)
        .y_labels(axes.y_labels)
        .x_desc(axes.x_desc)
        .y_desc(axes.y_desc)
        .x_label_formatter(axes.x_format)
        .y_label_formatter(axes.y_format)
        .label_style(font(12))
        .axis_desc_style(font(13));
    if !axes.x_grid {
        mesh.disable_x_mesh();
    }
    if !axes.y_grid {
        mesh.disable_y_mesh();
    }
    mesh.draw()?;
    Ok(chart)
}

/// The frame of a chart over time: days across, compact values up.
pub(super) fn time_frame<'a, 'b>(
    root: &'a Root<'b>,
    title: &str,
    ranges: (std::ops::Range<i64>, std::ops::Range<f64>),
    y_desc: &str,
    lang: Lang,
) -> Result<Plot<'a, 'b, Days, RangedCoordf64>, ChartError> {
    let days = Days::new(ranges.0, 8);
    let tick = days.tick();
    frame(
        root,
        title,
        (days, ranges.1),
        Axes {
            x_desc: T::ChartDateAxis.get(lang),
            y_desc,
            x_labels: 8,
            y_labels: 10,
            x_format: &|d| tick_label(*d, tick, lang),
            y_format: &|v| format_compact(*v, lang),
            y_label_area: 72,
            x_grid: true,
            y_grid: true,
            legend_rows: 2,
        },
    )
}

/// Where the "Today" label sits against its line: to the right of it, or, in the last fifth of
/// the days, to the left, so it is never cut off at the plot's edge.
pub(super) fn today_anchor(today: i64, from: i64, to: i64) -> HPos {
    if (today - from) as f64 > 0.8 * (to - from) as f64 {
        HPos::Right
    } else {
        HPos::Left
    }
}
