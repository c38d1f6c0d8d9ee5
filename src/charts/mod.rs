//! Chart drawing: plotters into an SVG string, one function per chart, each returning a
//! [`Chart`] (the SVG, a one-line summary for screen readers, and the "show data" table) or a
//! [`ChartError`] whose [`ChartError::Empty`] is the explicit "nothing to draw" state. Pure:
//! no leptos, no browser; tested natively.
//!
//! Plotters' SVG backend escapes `<`, `>`, `&` and quotes in text and attributes, so names go
//! to it unescaped; the `<title>` and the dashed overlays written here escape their own text.
//! The table holds plain text: the UI escapes it like any other text node.

use plotters::coord::ranged1d::{
    AsRangedCoord, DefaultFormatting, DiscreteRanged, KeyPointHint, Ranged, SegmentValue,
    ValueFormatter,
};
use plotters::coord::types::{RangedCoordf64, RangedCoordi64};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::domain::analysis::kpis::{
    analyse_kpi, analyse_points, elapsed_fraction, trend, Achievement, Status,
};
use crate::domain::execution::spend::by_channel;
use crate::domain::model::plan::{Direction, Kpi, Plan, TaskStatus};
use crate::domain::planning::budget::share_percent;
use crate::domain::planning::schedule::{campaign_window, timeline_window};
use crate::domain::values::date::Date;
use crate::i18n::analysis::status_label;
use crate::i18n::format::{
    format_compact, format_date, format_money, format_number, format_percent, DateStyle,
};
use crate::i18n::sentences::channel_name;
use crate::i18n::{Lang, T};

/// A drawn chart, ready for the UI.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// The SVG document: `width="100%"` with a `viewBox`, so it fits its container.
    pub svg: String,
    /// One sentence for screen readers, in the UI language.
    pub summary: String,
    /// The "show data" table as plain text, header row first.
    pub table: Vec<Vec<String>>,
}

/// Why there is nothing to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Empty {
    /// The KPI asked for is not in the plan.
    NoKpi,
    /// No values (measurements, KPIs, budget, spend or dated tasks) to draw.
    NoData,
    /// The chart needs the campaign's start and end dates.
    NoWindow,
}

/// A chart that was not drawn.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ChartError {
    /// The empty state: nothing to draw, for the given reason.
    #[error("nothing to draw: {0:?}")]
    Empty(Empty),
    /// Plotters failed (it should not with an in-memory SVG; kept as a value, never a panic).
    #[error("drawing failed: {0}")]
    Draw(String),
}

impl ChartError {
    /// The message the UI shows in place of the chart, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ChartError::Empty(Empty::NoKpi) => T::ChartEmptyNoKpi.get(lang).to_string(),
            ChartError::Empty(Empty::NoData) => T::ChartEmptyNoData.get(lang).to_string(),
            ChartError::Empty(Empty::NoWindow) => T::ChartEmptyNoWindow.get(lang).to_string(),
            ChartError::Draw(reason) => T::ChartDrawFailed.fill(lang, &[("reason", reason)]),
        }
    }
}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(err: DrawingAreaErrorKind<E>) -> Self {
        ChartError::Draw(err.to_string())
    }
}

/// The drawing's size in SVG units; the `viewBox` keeps this ratio at any width.
const WIDTH: u32 = 720;
const HEIGHT: u32 = 400;
/// Row height of the bar charts with one row per item, and their tallest drawing.
const ROW: u32 = 28;
const MAX_HEIGHT: u32 = 2400;
/// Names longer than this many characters end in `…` on the axes.
const MAX_LABEL: usize = 28;
const FONT: &str = "sans-serif";

// Okabe–Ito: distinguishable with the common colour-vision deficiencies.
const BLACK_OI: RGBColor = RGBColor(0, 0, 0);
const ORANGE: RGBColor = RGBColor(230, 159, 0);
const SKY_BLUE: RGBColor = RGBColor(86, 180, 233);
const GREEN: RGBColor = RGBColor(0, 158, 115);
const BLUE: RGBColor = RGBColor(0, 114, 178);
const VERMILION: RGBColor = RGBColor(213, 94, 0);
const PURPLE: RGBColor = RGBColor(204, 121, 167);
const GREY: RGBColor = RGBColor(153, 153, 153);

/// Dash patterns of the overlays: the projection, and the dotted trajectory or pace line.
const DASH_PROJECTION: &str = "8 5";
const DASH_TRAJECTORY: &str = "2 4";

/// `text` cut to `max` characters, ending in `…` when cut.
fn truncate(text: &str, max: usize) -> String {
    crate::domain::values::text::shorten(text, max)
}

/// The points of a line worth drawing across `columns` pixel columns: where several points
/// fall in one column, its lowest and highest (in their order), plus the line's first and last
/// point. The drawn line covers the same pixels (every peak and dip stays) with at most two
/// points a column, so a ten-year daily series costs what a one-year one does. Lines with no
/// more than two points a column come back whole. `points` are in x order within `x0..=x1`.
fn line_points(points: &[(i64, f64)], x0: i64, x1: i64, columns: usize) -> Vec<(i64, f64)> {
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

/// Escapes text for markup written by hand: SVG here (plotters escapes its own) and the static
/// first paint (`crate::prerender`).
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// A value range that plotters can draw: finite, not empty, with a little room around.
fn padded(values: impl IntoIterator<Item = f64>) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values.into_iter().filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if lo > hi {
        return (0.0, 1.0);
    }
    let span = hi - lo;
    let pad = if span > 0.0 {
        span * 0.05
    } else {
        (hi.abs() * 0.1).max(1.0)
    };
    (lo - pad, hi + pad)
}

/// A day range around `days`, at least a few days wide.
fn day_range(days: impl IntoIterator<Item = i64>) -> (i64, i64) {
    let (mut lo, mut hi) = (i64::MAX, i64::MIN);
    for d in days {
        lo = lo.min(d);
        hi = hi.max(d);
    }
    if lo > hi {
        return (0, 1);
    }
    let pad = ((hi - lo) / 30).max(1);
    (lo - pad, hi + pad)
}

fn day_label(days: i64, lang: Lang) -> String {
    Date::from_days(days).map_or_else(String::new, |d| format_date(d, lang, DateStyle::Short))
}

/// A plain number for summaries and tables: whole numbers without decimals.
fn number(value: f64, lang: Lang) -> String {
    let decimals = if value.fract() == 0.0 { 0 } else { 2 };
    format_number(value, decimals, lang)
}

/// A KPI value with its unit, written as every table writes it
/// ([`crate::i18n::analysis::value_text`]); `—` without one.
fn kpi_value(value: Option<f64>, kpi: &Kpi, lang: Lang) -> String {
    value.filter(|v| v.is_finite()).map_or_else(
        || "—".to_string(),
        |v| crate::i18n::analysis::value_text(v, &kpi.unit, lang),
    )
}

fn font(size: u32) -> TextStyle<'static> {
    (FONT, size).into_font().color(&BLACK_OI)
}

/// A dashed polyline in backend pixels, written beside plotters' output (its SVG backend has
/// no dash attribute; `DashedLineSeries` would write one element per dash).
fn dashed(points: &[(i32, i32)], color: RGBColor, dash: &str) -> String {
    let coords: Vec<String> = points.iter().map(|(x, y)| format!("{x},{y}")).collect();
    format!(
        "<polyline fill=\"none\" stroke=\"#{:02X}{:02X}{:02X}\" stroke-width=\"2\" stroke-dasharray=\"{dash}\" points=\"{}\"/>\n",
        color.0,
        color.1,
        color.2,
        coords.join(" ")
    )
}

/// The colour of the invisible one-point path [`frame`] leaves after the axes: [`finish`]
/// puts the overlays in its place, above the grid and below the data and the legend.
const OVERLAY_MARK: RGBColor = RGBColor(1, 2, 3);

/// Turns plotters' document into one that fits its container: `width="100%"` keeping the
/// `viewBox`, `role="img"`, a `<title>`, and the overlays in place of the mark.
fn finish(svg: String, size: (u32, u32), title: &str, overlay: &str) -> String {
    let fixed = format!("<svg width=\"{}\" height=\"{}\" ", size.0, size.1);
    let mut out = svg.replacen(&fixed, "<svg width=\"100%\" role=\"img\" ", 1);
    if let Some(end) = out.find(">\n") {
        out.insert_str(end + 2, &format!("<title>{}</title>\n", escape(title)));
    }
    let mark = format!(
        "stroke=\"#{:02X}{:02X}{:02X}\"",
        OVERLAY_MARK.0, OVERLAY_MARK.1, OVERLAY_MARK.2
    );
    let line = out.find(&mark).map(|at| {
        let start = out[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = out[at..].find('\n').map_or(out.len(), |i| at + i + 1);
        start..end
    });
    match line {
        Some(range) => out.replace_range(range, overlay),
        None => {
            if let Some(close) = out.rfind("</svg>") {
                out.insert_str(close, overlay);
            }
        }
    }
    out
}

fn row_height(rows: usize) -> u32 {
    let rows = u32::try_from(rows).unwrap_or(u32::MAX);
    rows.saturating_mul(ROW)
        .saturating_add(120)
        .clamp(HEIGHT, MAX_HEIGHT)
}

/// Row `i` of `n` counted from the top, as plotters counts segments from the bottom.
fn from_top(i: usize, n: usize) -> usize {
    n.saturating_sub(1).saturating_sub(i)
}

/// `n` rows (or columns) of a bar chart, as a discrete coordinate of exactly `n` values.
/// Plotters' own integer range `0..n` holds `n + 1` values (its ends are inclusive), which
/// left an empty, wrongly labelled band beside the bars.
#[derive(Clone, Copy, Debug)]
struct Rows(usize);

impl Ranged for Rows {
    type FormatOption = DefaultFormatting;
    type ValueType = usize;

    fn map(&self, value: &usize, limit: (i32, i32)) -> i32 {
        // Within a segmented coordinate the limit already excludes the last band, so the
        // values spread evenly over it; one row sits at the start.
        if self.0 <= 1 {
            return limit.0;
        }
        let step = f64::from(limit.1 - limit.0) / (self.0 - 1) as f64;
        limit.0 + (step * *value as f64).round() as i32
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<usize> {
        let max = hint.max_num_points().max(1);
        let stride = self.0.div_ceil(max).max(1);
        (0..self.0).step_by(stride).collect()
    }

    fn range(&self) -> std::ops::Range<usize> {
        0..self.0
    }
}

impl DiscreteRanged for Rows {
    fn size(&self) -> usize {
        self.0
    }

    fn index_of(&self, value: &usize) -> Option<usize> {
        (*value < self.0).then_some(*value)
    }

    fn from_index(&self, index: usize) -> Option<usize> {
        (index < self.0).then_some(index)
    }
}

/// The far edge of band `row` of `n`: the next band's start, or the end of the axis for the
/// last (a single band has no "next" to measure from).
fn band_end(row: usize, n: usize) -> SegmentValue<usize> {
    if row + 1 >= n {
        SegmentValue::Last
    } else {
        SegmentValue::Exact(row + 1)
    }
}

/// The label of a horizontal-bar row: the name of the item at that row.
fn row_label(value: &SegmentValue<usize>, names: &[String]) -> String {
    match value {
        SegmentValue::CenterOf(row) => names
            .get(from_top(*row, names.len()))
            .cloned()
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// Pixel margins that leave a gap between neighbouring bars a `band` pixels wide.
fn bar_gap(band: u32) -> u32 {
    band / 5
}

mod svg;
use svg::Svg;

/// The drawing area every chart draws on.
type Root<'a> = DrawingArea<Svg<'a>, Shift>;

/// A chart drawn on a [`Root`] with cartesian coordinates.
type Plot<'a, 'b, X, Y> = ChartContext<'a, Svg<'b>, Cartesian2d<X, Y>>;

/// Draws one chart: a white page of `size`, then `draw`, which returns the overlays to lay on
/// top, then [`finish`].
fn render(
    size: (u32, u32),
    title: &str,
    draw: impl FnOnce(&Root<'_>) -> Result<String, ChartError>,
) -> Result<String, ChartError> {
    let mut svg = String::new();
    let overlay = {
        let root = Svg(SVGBackend::with_string(&mut svg, size)).into_drawing_area();
        root.fill(&WHITE)?;
        let overlay = draw(&root)?;
        root.present()?;
        overlay
    };
    Ok(finish(svg, size, title, &overlay))
}

/// What sets one chart's frame apart from the others: its axes.
struct Axes<'f, X, Y> {
    /// The axes' names.
    x_desc: &'f str,
    y_desc: &'f str,
    /// How many labels each axis may show.
    x_labels: usize,
    y_labels: usize,
    /// The labels, formatted for the locale.
    x_format: &'f dyn Fn(&X) -> String,
    y_format: &'f dyn Fn(&Y) -> String,
    /// Width of the left label area: wide for names, narrow for numbers.
    y_label_area: u32,
    /// Grid lines across the category axis would cut through the bars: off there.
    x_grid: bool,
    y_grid: bool,
}

/// The caption, margins, plot of `x` by `y`, and its axes.
fn frame<'a, 'b, X, Y>(
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
    let mut chart = ChartBuilder::on(root)
        .caption(title, font(18))
        .margin(12)
        .x_label_area_size(44)
        .y_label_area_size(axes.y_label_area)
        .build_cartesian_2d(x, y)?;
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
    chart
        .plotting_area()
        .strip_coord_spec()
        .draw(&PathElement::new([(0, 0)], OVERLAY_MARK))?;
    Ok(chart)
}

/// The frame of a chart over time: days across, compact values up.
fn time_frame<'a, 'b>(
    root: &'a Root<'b>,
    title: &str,
    ranges: (std::ops::Range<i64>, std::ops::Range<f64>),
    y_desc: &str,
    lang: Lang,
) -> Result<Plot<'a, 'b, RangedCoordi64, RangedCoordf64>, ChartError> {
    frame(
        root,
        title,
        ranges,
        Axes {
            x_desc: T::ChartDateAxis.get(lang),
            y_desc,
            x_labels: 6,
            y_labels: 10,
            x_format: &|d| day_label(*d, lang),
            y_format: &|v| format_compact(*v, lang),
            y_label_area: 72,
            x_grid: true,
            y_grid: true,
        },
    )
}

/// How a series looks in its legend.
#[derive(Clone, Copy)]
enum Swatch {
    Line(RGBColor),
    Dashed(RGBColor),
    Dot(RGBColor),
    Triangle(RGBColor),
    Outline(RGBColor),
    Filled(RGBColor),
}

/// The upper corner of the plot a legend sits in.
#[derive(Clone, Copy)]
enum Corner {
    Left,
    Right,
}

/// A chart's legend, drawn by Alur rather than by plotters: plotters measures each label
/// through the page in wasm (a forced layout each, about 8 per chart), where the SVG only needs
/// room for the labels, which [`svg::text_size`] estimates.
#[derive(Default)]
struct Legend(Vec<(String, Swatch)>);

impl Legend {
    fn add(&mut self, label: &str, swatch: Swatch) {
        self.0.push((label.to_string(), swatch));
    }

    /// A white box in the plot's upper `corner` with a row per entry: its swatch and label.
    fn draw<X: Ranged, Y: Ranged>(
        &self,
        chart: &Plot<'_, '_, X, Y>,
        corner: Corner,
    ) -> Result<(), ChartError> {
        const PAD: i32 = 5;
        const SWATCH: i32 = 20;
        const GAP: i32 = 8;
        const ROW: i32 = 18;
        if self.0.is_empty() {
            return Ok(());
        }
        let area = chart.plotting_area().strip_coord_spec();
        let (width, _) = area.dim_in_pixel();
        let text = self
            .0
            .iter()
            .map(|(label, _)| svg::text_size(label, 12.0).0)
            .max()
            .unwrap_or(0);
        let rows = i32::try_from(self.0.len()).unwrap_or(i32::MAX);
        let box_w = 2 * PAD + SWATCH + GAP + i32::try_from(text).unwrap_or(0);
        let box_h = 2 * PAD + ROW.saturating_mul(rows);
        let x0 = match corner {
            Corner::Left => PAD,
            Corner::Right => i32::try_from(width).unwrap_or(0) - box_w - PAD,
        };
        let (x1, y0, y1) = (x0 + box_w, PAD, PAD + box_h);
        area.draw(&Rectangle::new(
            [(x0, y0), (x1, y1)],
            WHITE.mix(0.85).filled(),
        ))?;
        area.draw(&Rectangle::new([(x0, y0), (x1, y1)], GREY))?;
        for (i, (label, swatch)) in (0..).zip(&self.0) {
            let (x, y) = (x0 + PAD, y0 + PAD + ROW * i + ROW / 2);
            match *swatch {
                Swatch::Line(c) => area.draw(&PathElement::new([(x, y), (x + 20, y)], c))?,
                Swatch::Dashed(c) => area.draw(&DashedPathElement::new(
                    vec![(x, y), (x + 20, y)],
                    4,
                    3,
                    c.stroke_width(2),
                ))?,
                Swatch::Dot(c) => area.draw(&Circle::new((x + 10, y), 3, c.filled()))?,
                Swatch::Triangle(c) => {
                    area.draw(&TriangleMarker::new((x + 10, y), 5, c.filled()))?
                }
                Swatch::Outline(c) => {
                    area.draw(&Rectangle::new([(x, y - 5), (x + 16, y + 5)], c))?
                }
                Swatch::Filled(c) => {
                    area.draw(&Rectangle::new([(x, y - 5), (x + 16, y + 5)], c.filled()))?
                }
            }
            area.draw(&Text::new(
                label.as_str(),
                (x + SWATCH + GAP, y),
                font(12).pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
        }
        Ok(())
    }
}

/// One row of a horizontal bar chart: a named bar (none without a value) and its label.
struct RowBar {
    name: String,
    value: Option<f64>,
    color: RGBColor,
    label: String,
}

/// Horizontal bars, one row per item from the top, each labelled in words at its end, with
/// an optional vertical reference line (the 100 % line). The axes' y labels are the names.
fn row_bars(
    title: &str,
    bars: &[RowBar],
    axes: Axes<'_, f64, SegmentValue<usize>>,
    reference: Option<f64>,
) -> Result<String, ChartError> {
    let n = bars.len();
    let names: Vec<String> = bars.iter().map(|b| b.name.clone()).collect();
    let values = bars.iter().filter_map(|b| b.value);
    let lo = values.clone().chain(reference).fold(0.0_f64, f64::min);
    let hi = values.chain(reference).fold(10.0_f64, f64::max);
    // Room on the right for the labels at the ends of the bars.
    let (x0, x1) = (lo, hi + (hi - lo) * 0.45);
    let name_of = |v: &SegmentValue<usize>| row_label(v, &names);
    let axes = Axes {
        y_format: &name_of,
        ..axes
    };
    render((WIDTH, row_height(n)), title, |root| {
        let mut chart = frame(root, title, (x0..x1, Rows(n).into_segmented()), axes)?;
        let band = plot_band(&chart.plotting_area().strip_coord_spec(), n, false);
        for (i, bar) in bars.iter().enumerate() {
            let row = from_top(i, n);
            if let Some(value) = bar.value {
                let mut rect = Rectangle::new(
                    [(0.0, SegmentValue::Exact(row)), (value, band_end(row, n))],
                    bar.color.filled(),
                );
                rect.set_margin(bar_gap(band), bar_gap(band), 0, 0);
                chart.draw_series(std::iter::once(rect))?;
            }
            chart.draw_series(std::iter::once(Text::new(
                bar.label.clone(),
                (
                    bar.value.unwrap_or(0.0).max(0.0) + (x1 - x0) * 0.01,
                    SegmentValue::CenterOf(row),
                ),
                font(12).pos(Pos::new(HPos::Left, VPos::Center)),
            )))?;
        }
        if let Some(x) = reference {
            chart.draw_series(LineSeries::new(
                [(x, SegmentValue::Exact(0)), (x, SegmentValue::Last)],
                BLACK_OI.stroke_width(2),
            ))?;
        }
        Ok(String::new())
    })
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

    let name = truncate(&kpi.name, MAX_LABEL * 2);
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
        let mut overlay = String::new();
        let mut chart = time_frame(root, &title, (x0..x1, y0..y1), &value_axis, lang)?;
        let mut legend = Legend::default();

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
        if let Some(line) = trajectory {
            let px: Vec<_> = line.iter().map(|p| chart.backend_coord(p)).collect();
            overlay.push_str(&dashed(&px, GREEN, DASH_TRAJECTORY));
            legend.add(T::ChartTrajectory.get(lang), Swatch::Dashed(GREEN));
        }
        if let Some(line) = projection {
            let px: Vec<_> = line.iter().map(|p| chart.backend_coord(p)).collect();
            overlay.push_str(&dashed(&px, ORANGE, DASH_PROJECTION));
            legend.add(T::ChartProjection.get(lang), Swatch::Dashed(ORANGE));
        }
        legend.draw(&chart, Corner::Left)?;
        Ok(overlay)
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

/// True for higher- or lower-is-better: a straight trajectory to one target makes sense.
fn is_directional(direction: Direction) -> bool {
    !matches!(direction, Direction::WithinRange { .. })
}

/// A KPI's value as a percentage of its target, direction-aware: the share of the way from
/// baseline to target for higher/lower-is-better; 100 inside a range, and outside it 100 minus
/// the distance to the range as a percentage of the nearer bound (0 for a zero bound).
fn percent_of_target(achievement: Achievement, kpi: &Kpi) -> Option<f64> {
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

fn status_color(status: Status) -> RGBColor {
    match status {
        Status::Achieved => GREEN,
        Status::OnTrack => BLUE,
        Status::AtRisk => ORANGE,
        Status::OffTrack => VERMILION,
        Status::NoData => GREY,
    }
}

/// Bars beyond this range are cut at its edge; the label keeps the true percentage.
const PERCENT_FLOOR: f64 = -100.0;
const PERCENT_CEILING: f64 = 300.0;

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
            (truncate(&kpi.name, MAX_LABEL), percent, analysis.status)
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
            label: format!(
                "{} · {}",
                percent.map_or_else(|| "—".to_string(), |p| format_percent(p, 0, lang)),
                status_label(*status).get(lang)
            ),
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
            kpi.name.clone(),
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

/// The pixel size of one category band of a plot area split in `n`: across for columns
/// (`vertical`), else down for rows.
fn plot_band<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, n: usize, vertical: bool) -> u32 {
    let (w, h) = area.dim_in_pixel();
    let n = u32::try_from(n.max(1)).unwrap_or(u32::MAX);
    if vertical {
        w / n
    } else {
        h / n
    }
}

/// Chart 3: Planned against spent per channel, as grouped bars: planned outlined on the left,
/// spent solid on the right.
pub fn budget_vs_spend(plan: &Plan, lang: Lang) -> Result<Chart, ChartError> {
    let rows = by_channel(plan);
    if rows.is_empty() {
        return Err(ChartError::Empty(Empty::NoData));
    }
    let n = rows.len();
    let code = plan.currency.as_str();
    let names: Vec<String> = rows
        .iter()
        .map(|r| truncate(&channel_name(&r.channel, lang), 16))
        .collect();
    let (y0, y1) = padded(rows.iter().flat_map(|r| [r.planned, r.spent]).chain([0.0]));
    let title = T::ChartBudgetVsSpendTitle.get(lang);
    let amount_axis = T::ChartAmountAxis.fill(lang, &[("currency", &truncate(code, 8))]);
    let size = (WIDTH, HEIGHT);
    let svg = render(size, title, |root| {
        let mut chart = frame(
            root,
            title,
            (Rows(n).into_segmented(), y0..y1),
            Axes {
                x_desc: T::ChartChannelAxis.get(lang),
                y_desc: &amount_axis,
                x_labels: n,
                y_labels: 10,
                x_format: &|v| match v {
                    SegmentValue::CenterOf(i) => names.get(*i).cloned().unwrap_or_default(),
                    _ => String::new(),
                },
                y_format: &|v| format_compact(*v, lang),
                y_label_area: 72,
                x_grid: false,
                y_grid: true,
            },
        )?;
        let band = plot_band(&chart.plotting_area().strip_coord_spec(), n, true);
        let (gap, half) = (bar_gap(band) / 2, band / 2);
        let mut legend = Legend::default();
        for (i, r) in rows.iter().enumerate() {
            let span = |v: f64| [(SegmentValue::Exact(i), 0.0), (band_end(i, n), v)];
            let mut planned = Rectangle::new(span(r.planned), SKY_BLUE.mix(0.35).filled());
            planned.set_margin(0, 0, gap, half);
            let mut outline = Rectangle::new(span(r.planned), SKY_BLUE.stroke_width(2));
            outline.set_margin(0, 0, gap, half);
            let mut spent = Rectangle::new(span(r.spent), BLUE.filled());
            spent.set_margin(0, 0, half, gap);
            let first = i == 0;
            chart.draw_series([planned, outline])?;
            chart.draw_series(std::iter::once(spent))?;
            if first {
                legend.add(T::ChartPlanned.get(lang), Swatch::Outline(SKY_BLUE));
                legend.add(T::ChartSpent.get(lang), Swatch::Filled(BLUE));
            }
        }
        legend.draw(&chart, Corner::Right)?;
        Ok(String::new())
    })?;

    let planned: f64 = rows.iter().map(|r| r.planned).sum();
    let spent: f64 = rows.iter().map(|r| r.spent).sum();
    let summary = T::ChartBudgetVsSpendSummary.fill(
        lang,
        &[
            ("planned", &format_money(planned, code, lang)),
            ("spent", &format_money(spent, code, lang)),
            ("count", &n.to_string()),
        ],
    );
    let mut table = vec![vec![
        T::ChartChannelAxis.get(lang).to_string(),
        T::ChartPlanned.get(lang).to_string(),
        T::ChartSpent.get(lang).to_string(),
    ]];
    for r in &rows {
        table.push(vec![
            channel_name(&r.channel, lang),
            format_money(r.planned, code, lang),
            format_money(r.spent, code, lang),
        ]);
    }
    Ok(Chart {
        svg,
        summary,
        table,
    })
}

/// Chart 4: Each channel's share of the allocated budget, as horizontal bars labelled with the
/// percentage and the amount.
pub fn budget_allocation(plan: &Plan, lang: Lang) -> Result<Chart, ChartError> {
    let code = plan.currency.as_str();
    let rows: Vec<(String, f64)> = by_channel(plan)
        .into_iter()
        .filter(|r| r.planned != 0.0)
        .map(|r| (channel_name(&r.channel, lang), r.planned))
        .collect();
    let total: f64 = rows.iter().map(|r| r.1).sum();
    if rows.is_empty() || total <= 0.0 || !total.is_finite() {
        return Err(ChartError::Empty(Empty::NoData));
    }
    let shares: Vec<f64> = rows
        .iter()
        .map(|r| share_percent(r.1, total).unwrap_or(0.0))
        .collect();
    let bars: Vec<RowBar> = rows
        .iter()
        .zip(&shares)
        .map(|((name, amount), share)| RowBar {
            name: truncate(name, MAX_LABEL),
            value: Some(*share),
            color: BLUE,
            label: format!(
                "{} · {}",
                format_percent(*share, 1, lang),
                format_money(*amount, code, lang)
            ),
        })
        .collect();
    let title = T::ChartAllocationTitle.get(lang);
    let svg = row_bars(
        title,
        &bars,
        Axes {
            x_desc: T::ChartShareAxis.get(lang),
            y_desc: T::ChartChannelAxis.get(lang),
            x_labels: 8,
            y_labels: bars.len(),
            x_format: &|v| format_percent(*v, 0, lang),
            y_format: &|_| String::new(),
            y_label_area: 150,
            x_grid: true,
            y_grid: false,
        },
        None,
    )?;

    let (largest, share) = rows
        .iter()
        .zip(&shares)
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map(|(r, s)| (truncate(&r.0, MAX_LABEL), *s))
        .unwrap_or_default();
    let summary = T::ChartAllocationSummary.fill(
        lang,
        &[
            ("channel", &largest),
            ("share", &format_percent(share, 1, lang)),
            ("total", &format_money(total, code, lang)),
        ],
    );
    let mut table = vec![vec![
        T::ChartChannelAxis.get(lang).to_string(),
        T::ChartPlanned.get(lang).to_string(),
        T::ChartShare.get(lang).to_string(),
    ]];
    for ((name, amount), share) in rows.iter().zip(&shares) {
        table.push(vec![
            name.clone(),
            format_money(*amount, code, lang),
            format_percent(*share, 1, lang),
        ]);
    }
    Ok(Chart {
        svg,
        summary,
        table,
    })
}

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
    let svg = render(size, title, |root| {
        let mut chart = frame(
            root,
            title,
            (x0..x1, Rows(n).into_segmented()),
            Axes {
                x_desc: T::ChartDateAxis.get(lang),
                y_desc: T::ChartTaskAxis.get(lang),
                x_labels: 6,
                y_labels: n.min(100),
                x_format: &|d| day_label(*d, lang),
                y_format: &|v| row_label(v, &names),
                y_label_area: 190,
                x_grid: true,
                y_grid: false,
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
                    .pos(Pos::new(HPos::Left, VPos::Top)),
            )))?;
        }
        Ok(String::new())
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

/// The burn chart's step line, in days and amounts: from 0 at the window's start, the running
/// total holds until the next day with spend, then holds up to today (within the window) and
/// never back before the last spend.
fn burn_steps(cumulative: &[(Date, f64)], (x0, x1): (i64, i64), today: Date) -> Vec<(i64, f64)> {
    let mut steps: Vec<(i64, f64)> = Vec::with_capacity(cumulative.len() * 2 + 2);
    steps.push((x0, 0.0));
    for (date, total) in cumulative {
        let before = steps.last().map_or(0.0, |p| p.1);
        steps.push((date.to_days(), before));
        steps.push((date.to_days(), *total));
    }
    let last = cumulative.last().map_or(x0, |p| p.0.to_days());
    let spent = cumulative.last().map_or(0.0, |p| p.1);
    steps.push((today.to_days().clamp(x0, x1).max(last), spent));
    steps
}

/// Chart 6: Cumulative spend over the campaign window against the dashed even pace from nothing at
/// the start to the whole budget at the end, with a line on today.
pub fn burn(plan: &Plan, today: Date, lang: Lang) -> Result<Chart, ChartError> {
    let window = campaign_window(plan).ok_or(ChartError::Empty(Empty::NoWindow))?;
    let code = plan.currency.as_str();
    let allocated: f64 = plan
        .budget
        .allocations
        .iter()
        .map(|a| a.amount)
        .filter(|a| a.is_finite())
        .sum();
    let budget = if plan.budget.total.is_finite() && plan.budget.total > 0.0 {
        plan.budget.total
    } else {
        allocated
    };
    let mut entries: Vec<(Date, f64)> = crate::domain::execution::spend::counted(plan)
        .iter()
        .filter(|s| s.amount.is_finite())
        .map(|s| (s.date.clamp(window.start, window.end), s.amount))
        .collect();
    if entries.is_empty() && budget <= 0.0 {
        return Err(ChartError::Empty(Empty::NoData));
    }
    crate::domain::values::sort::sort_by_key(&mut entries, |e| e.0);
    // The running total at the end of each day with spend.
    let mut cumulative: Vec<(Date, f64)> = Vec::new();
    for (date, amount) in entries {
        let total = cumulative.last().map_or(0.0, |p| p.1) + amount;
        match cumulative.last_mut() {
            Some(last) if last.0 == date => last.1 = total,
            _ => cumulative.push((date, total)),
        }
    }
    let spent = cumulative.last().map_or(0.0, |p| p.1);
    let (x0, x1) = (window.start.to_days(), window.end.to_days() + 1);
    let (y0, y1) = padded(cumulative.iter().map(|p| p.1).chain([0.0, budget]));
    let title = T::ChartBurnTitle.get(lang);
    let amount_axis = T::ChartAmountAxis.fill(lang, &[("currency", &truncate(code, 8))]);
    let size = (WIDTH, HEIGHT);
    let svg = render(size, title, |root| {
        let mut overlay = String::new();
        let mut chart = time_frame(root, title, (x0..x1, y0..y1), &amount_axis, lang)?;
        let steps = burn_steps(&cumulative, (x0, x1), today);
        let mut legend = Legend::default();
        chart.draw_series(LineSeries::new(steps, BLUE.stroke_width(2)))?;
        legend.add(T::ChartCumulativeSpend.get(lang), Swatch::Dot(BLUE));
        if cumulative.len() <= 200 {
            chart.draw_series(
                cumulative
                    .iter()
                    .map(|p| Circle::new((p.0.to_days(), p.1), 3, BLUE.filled())),
            )?;
        }
        if budget > 0.0 {
            let px = [
                chart.backend_coord(&(x0, 0.0)),
                chart.backend_coord(&(x1, budget)),
            ];
            overlay.push_str(&dashed(&px, ORANGE, DASH_PROJECTION));
            legend.add(T::ChartEvenPace.get(lang), Swatch::Dashed(ORANGE));
        }
        if (window.start..=window.end).contains(&today) {
            let x = today.to_days();
            chart.draw_series(LineSeries::new(
                [(x, y0), (x, y1)],
                VERMILION.stroke_width(2),
            ))?;
            chart.draw_series(std::iter::once(Text::new(
                T::ChartToday.get(lang),
                (x, y1),
                font(12)
                    .color(&VERMILION)
                    .pos(Pos::new(HPos::Left, VPos::Top)),
            )))?;
        }
        legend.draw(&chart, Corner::Left)?;
        Ok(overlay)
    })?;

    let time_share = elapsed_fraction(window.start, window.end, today).unwrap_or(1.0) * 100.0;
    let summary = T::ChartBurnSummary.fill(
        lang,
        &[
            ("spent", &format_money(spent, code, lang)),
            ("budget", &format_money(budget, code, lang)),
            (
                "spent_share",
                &share_percent(spent, budget)
                    .map_or_else(|| "—".to_string(), |p| format_percent(p, 0, lang)),
            ),
            ("time_share", &format_percent(time_share, 0, lang)),
        ],
    );
    let mut table = vec![vec![
        T::ChartDateAxis.get(lang).to_string(),
        T::ChartCumulativeSpend.get(lang).to_string(),
    ]];
    for (date, total) in &cumulative {
        table.push(vec![
            format_date(*date, lang, DateStyle::Short),
            format_money(*total, code, lang),
        ]);
    }
    Ok(Chart {
        svg,
        summary,
        table,
    })
}

#[cfg(test)]
mod tests;
