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

    /// A white box in the plot's upper `corner` with a row per entry: its swatch and label.
    pub(super) fn draw<X: Ranged, Y: Ranged>(
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
