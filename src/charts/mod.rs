//! Chart drawing: plotters into an SVG string, one chart per file, each returning a [`Chart`]
//! (the SVG, a one-line summary for screen readers, and the "show data" table) or a
//! [`ChartError`] whose [`ChartError::Empty`] is the explicit "nothing to draw" state. Pure:
//! no leptos, no browser; tested natively (`tests.rs`).
//!
//! - The charts: `kpi_progress`, `kpi_overview`, `budget_vs_spend`, `budget_allocation`,
//!   `timeline`, `burn`.
//! - What they share: `frame` (the page, caption and axes), `legend`, `rows` (bar charts in
//!   rows), `svg` (the backend writing the SVG, and its dashed line), and the helpers below.
//!
//! The SVG backend ([`svg::Svg`]) escapes `<`, `>`, `&` and quotes in text and attributes, so
//! names go to it unescaped. The table holds plain text: the UI escapes it like any other text
//! node.

use plotters::coord::ranged1d::{
    AsRangedCoord, DefaultFormatting, DiscreteRanged, KeyPointHint, Ranged, SegmentValue,
    ValueFormatter,
};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::domain::analysis::kpis::{analyse_kpi, analyse_points, trend, Achievement, Status};
use crate::domain::execution::spend::by_channel;
use crate::domain::model::plan::{Direction, Kpi, Plan, TaskStatus};
use crate::domain::planning::budget::share_percent;
use crate::domain::planning::schedule::{campaign_window, timeline_window};
use crate::domain::values::date::Date;
use crate::i18n::analysis::status_label;
use crate::i18n::format::{
    format_compact, format_date, format_money, format_number, format_percent, DateStyle,
};
use crate::i18n::sentences::{channel_name, kpi_name};
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

/// A name on an axis: in full over two lines of [`MAX_LABEL`] characters, cut only beyond.
fn axis_name(text: &str) -> String {
    crate::domain::values::text::wrap(text, MAX_LABEL, 2)
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

/// True for higher- or lower-is-better: a straight trajectory to one target makes sense.
fn is_directional(direction: Direction) -> bool {
    !matches!(direction, Direction::WithinRange { .. })
}

mod days;
mod svg;
#[cfg(any(test, not(target_arch = "wasm32")))]
pub(crate) use svg::escape;
use svg::{Dashed, Svg};

mod frame;
mod legend;
mod rows;
use frame::*;
use legend::*;
use rows::*;

mod budget_allocation;
mod budget_vs_spend;
mod burn;
mod kpi_overview;
mod kpi_progress;
mod sparkline;
mod timeline;
pub use budget_allocation::budget_allocation;
pub use budget_vs_spend::budget_vs_spend;
pub use burn::burn;
pub use kpi_overview::kpi_overview;
pub use kpi_progress::kpi_progress;
pub use sparkline::sparkline;
pub use timeline::timeline;
#[cfg(test)]
use {burn::burn_steps, kpi_progress::line_points};

#[cfg(test)]
mod tests;
