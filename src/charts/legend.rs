//! The legend Alur draws itself (see [`Legend`]).

use super::*;

/// How a series looks in its legend.
#[derive(Clone, Copy)]
pub(super) enum Swatch {
    Line(RGBColor),
    Dashed(RGBColor),
    Dot(RGBColor),
    Triangle(RGBColor),
    Outline(RGBColor),
    Filled(RGBColor),
}

/// The upper corner of the plot a legend sits in.
#[derive(Clone, Copy)]
pub(super) enum Corner {
    Left,
    Right,
}

/// A chart's legend, drawn by Alur rather than by plotters: plotters measures each label
/// through the page in wasm (a forced layout each, about 8 per chart), where the SVG only needs
/// room for the labels, which [`svg::text_size`] estimates.
#[derive(Default)]
pub(super) struct Legend(Vec<(String, Swatch)>);

impl Legend {
    pub(super) fn add(&mut self, label: &str, swatch: Swatch) {
        self.0.push((label.to_string(), swatch));
    }

    /// The entries in rows above the plot, in the band [`legend_band`] keeps free there (so
    /// the legend never covers the data), left to right and wrapping at the plot's width;
    /// `corner` says which side they start from.
    pub(super) fn draw<X: Ranged, Y: Ranged>(
        &self,
        root: &Root<'_>,
        chart: &Plot<'_, '_, X, Y>,
        corner: Corner,
    ) -> Result<(), ChartError> {
        if self.0.is_empty() {
            return Ok(());
        }
        // Drawn on the whole page at the plot's place: the plot's own area would clamp what
        // lies above it onto its top edge.
        let plot = chart.plotting_area();
        let width = i32::try_from(plot.dim_in_pixel().0).unwrap_or(0);
        let (left, top) = plot.get_base_pixel();
        let area = root;
        // Each entry's width: its swatch, a gap, its label, and room before the next.
        let widths: Vec<i32> = self
            .0
            .iter()
            .map(|(label, _)| {
                SWATCH + GAP + i32::try_from(svg::text_size(label, 12.0).0).unwrap_or(0) + SPACE
            })
            .collect();
        let mut rows: Vec<Vec<usize>> = vec![Vec::new()];
        let mut used = 0;
        for (i, w) in widths.iter().enumerate() {
            if used + w > width && rows.last().is_some_and(|r| !r.is_empty()) {
                rows.push(Vec::new());
                used = 0;
            }
            used += w;
            if let Some(row) = rows.last_mut() {
                row.push(i);
            }
        }
        let count = i32::try_from(rows.len()).unwrap_or(i32::MAX);
        for (r, row) in (0..).zip(&rows) {
            // From the band's top down; the last row just above the plot.
            let y = top - (count - r) * ROW + ROW / 2 - 2;
            let row_width: i32 = row.iter().filter_map(|&i| widths.get(i)).sum();
            let mut x = left
                + match corner {
                    Corner::Left => 0,
                    Corner::Right => (width - row_width + SPACE).max(0),
                };
            for &i in row {
                let (Some((label, swatch)), Some(w)) = (self.0.get(i), widths.get(i)) else {
                    continue;
                };
                draw_swatch(area, *swatch, x, y)?;
                area.draw(&Text::new(
                    label.as_str(),
                    (x + SWATCH + GAP, y),
                    font(12).pos(Pos::new(HPos::Left, VPos::Center)),
                ))?;
                x += w;
            }
        }
        Ok(())
    }
}

/// A legend's sizes in pixels: a swatch, the gap to its label, the room after an entry, a row.
const SWATCH: i32 = 20;
const GAP: i32 = 6;
const SPACE: i32 = 18;
const ROW: i32 = 18;

/// The band above a plot that `rows` rows of legend take (0 for none).
pub(super) fn legend_band(rows: u32) -> u32 {
    if rows == 0 {
        0
    } else {
        rows * ROW.unsigned_abs() + 6
    }
}

/// A series' swatch with its left end at `x`, centred on `y`.
fn draw_swatch(area: &Root<'_>, swatch: Swatch, x: i32, y: i32) -> Result<(), ChartError> {
    match swatch {
        Swatch::Line(c) => area.draw(&PathElement::new([(x, y), (x + 20, y)], c))?,
        Swatch::Dashed(c) => area.draw(&DashedPathElement::new(
            vec![(x, y), (x + 20, y)],
            4,
            3,
            c.stroke_width(2),
        ))?,
        Swatch::Dot(c) => area.draw(&Circle::new((x + 10, y), 3, c.filled()))?,
        Swatch::Triangle(c) => area.draw(&TriangleMarker::new((x + 10, y), 5, c.filled()))?,
        Swatch::Outline(c) => area.draw(&Rectangle::new([(x, y - 5), (x + 16, y + 5)], c))?,
        Swatch::Filled(c) => {
            area.draw(&Rectangle::new([(x, y - 5), (x + 16, y + 5)], c.filled()))?
        }
    }
    Ok(())
}
