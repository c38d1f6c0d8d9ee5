//! Bar charts in rows: a discrete axis of exactly n rows, their bands, and horizontal bars
//! labelled at their ends (the KPI overview and the budget charts).

use super::*;

pub(super) fn row_height(rows: usize) -> u32 {
    let rows = u32::try_from(rows).unwrap_or(u32::MAX);
    rows.saturating_mul(ROW)
        .saturating_add(120)
        .clamp(HEIGHT, MAX_HEIGHT)
}

/// Row `i` of `n` counted from the top, as plotters counts segments from the bottom.
pub(super) fn from_top(i: usize, n: usize) -> usize {
    n.saturating_sub(1).saturating_sub(i)
}

/// `n` rows (or columns) of a bar chart, as a discrete coordinate of exactly `n` values.
/// Plotters' own integer range `0..n` holds `n + 1` values (its ends are inclusive), which
/// left an empty, wrongly labelled band beside the bars.
#[derive(Clone, Copy, Debug)]
pub(super) struct Rows(pub(super) usize);

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
pub(super) fn band_end(row: usize, n: usize) -> SegmentValue<usize> {
    if row + 1 >= n {
        SegmentValue::Last
    } else {
        SegmentValue::Exact(row + 1)
    }
}

/// The label of a horizontal-bar row: the name of the item at that row.
pub(super) fn row_label(value: &SegmentValue<usize>, names: &[String]) -> String {
    match value {
        SegmentValue::CenterOf(row) => names
            .get(from_top(*row, names.len()))
            .cloned()
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// Pixel margins that leave a gap between neighbouring bars a `band` pixels wide.
pub(super) fn bar_gap(band: u32) -> u32 {
    band / 5
}

/// The pixel size of one category band of a plot area split in `n`: across for columns
/// (`vertical`), else down for rows.
pub(super) fn plot_band<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    n: usize,
    vertical: bool,
) -> u32 {
    let (w, h) = area.dim_in_pixel();
    let n = u32::try_from(n.max(1)).unwrap_or(u32::MAX);
    if vertical {
        w / n
    } else {
        h / n
    }
}

/// One row of a horizontal bar chart: a named bar (none without a value) and its label.
pub(super) struct RowBar {
    pub(super) name: String,
    pub(super) value: Option<f64>,
    pub(super) color: RGBColor,
    pub(super) label: String,
}

/// Horizontal bars, one row per item from the top, each labelled in words at its end, with
/// an optional vertical reference line (the 100 % line). The axes' y labels are the names.
pub(super) fn row_bars(
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
        Ok(())
    })
}
