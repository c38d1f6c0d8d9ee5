//! The SVG every chart is written to: plotters lays a chart out and draws it through this
//! backend (see [`Svg`]), which writes the document itself.

use std::convert::Infallible;
use std::fmt::Write as _;

use plotters::element::{Drawable, PointCollection};
use plotters::prelude::RGBColor;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{FontStyle, FontTransform};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

/// A drawing backend for plotters that writes an SVG document into a string.
///
/// Alur's own rather than plotters' `SVGBackend`, for three things that one cannot do:
/// - **Text sizes are estimated** from the characters ([`text_size`]) instead of measured. In
///   wasm, plotters measures text by adding a span to the page and reading its size: a forced
///   layout of the whole page each time. The SVG does not need it (its text is placed by
///   anchors; sizes only reserve room), so captions and Alur's legends (`Legend`) use the
///   estimate. The analysis page of a plan with 50 KPIs went from 461 forced layouts and 390 ms
///   to none and 260 ms. The same estimate in native tests means they check the very layout the
///   browser gets.
/// - **Dashed lines** ([`Dashed`]) are one `<polyline>` with a `stroke-dasharray`, drawn in
///   their place among the other elements (plotters' SVG has no dash attribute, and its
///   `DashedLineSeries` writes one element per dash).
/// - **The document fits its container**: `width="100%"` with a `viewBox`, `role="img"` and a
///   `<title>`, written so from the start.
///
/// Elements are written as plotters' SVG backend writes them (the same tags and attributes), so
/// the charts read the same in every browser.
pub(super) struct Svg<'a> {
    out: &'a mut String,
    size: (u32, u32),
    closed: bool,
}

impl<'a> Svg<'a> {
    /// Starts the document of `size` pixels titled `title` in `out`.
    pub(super) fn new(out: &'a mut String, size: (u32, u32), title: &str) -> Self {
        let _ = writeln!(
            out,
            "<svg width=\"100%\" role=\"img\" viewBox=\"0 0 {} {}\" xmlns=\"http://www.w3.org/2000/svg\">",
            size.0, size.1
        );
        out.push_str("<title>");
        escape_into(out, title);
        out.push_str("</title>\n");
        Svg {
            out,
            size,
            closed: false,
        }
    }

    /// Opens a tag with `attrs` (values escaped); `end` closes it at once (`/>`).
    fn tag(&mut self, name: &str, attrs: &[(&str, &dyn std::fmt::Display)], end: bool) {
        let out = &mut *self.out;
        out.push('<');
        out.push_str(name);
        for (key, value) in attrs {
            out.push(' ');
            out.push_str(key);
            out.push_str("=\"");
            escape_into(out, &value.to_string());
            out.push('"');
        }
        out.push_str(if end { "/>\n" } else { ">\n" });
    }

    /// A polyline through `points` in `color`, two pixels wide, dashed by `dash` (SVG's
    /// `stroke-dasharray`).
    fn dashed_path(
        &mut self,
        points: impl Iterator<Item = BackendCoord>,
        color: RGBColor,
        dash: &str,
    ) {
        let hex = hex(BackendColor {
            alpha: 1.0,
            rgb: (color.0, color.1, color.2),
        });
        self.tag(
            "polyline",
            &[
                ("fill", &"none"),
                ("stroke", &hex),
                ("stroke-width", &2),
                ("stroke-dasharray", &dash),
                ("points", &points_text(points)),
            ],
            true,
        );
    }
}

/// Escapes text for markup: the static first paint (`crate::prerender`, native only) and tests.
#[cfg(any(test, not(target_arch = "wasm32")))]
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Writes `text` into `out` with the five XML special characters escaped.
pub(super) fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
}

/// `#RRGGBB`.
fn hex(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// The `fill` and `stroke` of a shape filled with `color`, or outlined in it.
fn fill_and_stroke(color: BackendColor, filled: bool) -> (String, String) {
    let (paint, none) = (hex(color), "none".to_string());
    if filled {
        (paint, none)
    } else {
        (none, paint)
    }
}

/// `x,y x,y …` with a space after each point.
fn points_text(points: impl IntoIterator<Item = BackendCoord>) -> String {
    points.into_iter().fold(String::new(), |mut s, (x, y)| {
        let _ = write!(s, "{x},{y} ");
        s
    })
}

/// A text's width and height in pixels at plotters' font `size` (the SVG writes the font at
/// `size / 1.24`), from typical advance widths of a sans-serif face.
pub(super) fn text_size(text: &str, size: f64) -> (u32, u32) {
    let lines = text.split('\n');
    let count = lines.clone().count();
    let width = lines.map(|l| line_width(l, size)).fold(0.0_f64, f64::max);
    let height = (1.16 + (count - 1) as f64 * LINE_EM) * size / 1.24;
    (width.round() as u32, height.round() as u32)
}

/// The distance between the lines of one label, in ems.
const LINE_EM: f64 = 1.15;

/// One line's width in pixels at plotters' font `size`.
fn line_width(text: &str, size: f64) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.3,
            ' ' | 'f' | 't' | 'r' | '(' | ')' | '-' => 0.38,
            'm' | 'w' | 'M' | 'W' | '%' | '@' => 0.85,
            c if c.is_ascii_uppercase() => 0.68,
            _ => 0.56,
        })
        .sum();
    em * size / 1.24
}

impl DrawingBackend for Svg<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        if !self.closed {
            self.out.push_str("</svg>\n");
            self.closed = true;
        }
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        (x, y): BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if color.alpha > 0.0 {
            self.tag(
                "rect",
                &[
                    ("x", &x),
                    ("y", &y),
                    ("width", &1),
                    ("height", &1),
                    ("stroke", &"none"),
                    ("opacity", &color.alpha),
                    ("fill", &hex(color)),
                ],
                true,
            );
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if color.alpha > 0.0 {
            self.tag(
                "line",
                &[
                    ("opacity", &color.alpha),
                    ("stroke", &hex(color)),
                    ("stroke-width", &style.stroke_width()),
                    ("x1", &from.0),
                    ("y1", &from.1),
                    ("x2", &to.0),
                    ("y2", &to.1),
                ],
                true,
            );
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if color.alpha > 0.0 {
            let (fill, stroke) = fill_and_stroke(color, fill);
            self.tag(
                "rect",
                &[
                    ("x", &x0),
                    ("y", &y0),
                    ("width", &(x1 - x0)),
                    ("height", &(y1 - y0)),
                    ("opacity", &color.alpha),
                    ("fill", &fill),
                    ("stroke", &stroke),
                ],
                true,
            );
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if color.alpha > 0.0 {
            self.tag(
                "polyline",
                &[
                    ("fill", &"none"),
                    ("opacity", &color.alpha),
                    ("stroke", &hex(color)),
                    ("stroke-width", &style.stroke_width()),
                    ("points", &points_text(path)),
                ],
                true,
            );
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if color.alpha > 0.0 {
            let (fill, stroke) = fill_and_stroke(color, fill);
            self.tag(
                "circle",
                &[
                    ("cx", &x),
                    ("cy", &y),
                    ("r", &radius),
                    ("opacity", &color.alpha),
                    ("fill", &fill),
                    ("stroke", &stroke),
                    ("stroke-width", &style.stroke_width()),
                ],
                true,
            );
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if color.alpha > 0.0 {
            self.tag(
                "polygon",
                &[
                    ("opacity", &color.alpha),
                    ("fill", &hex(color)),
                    ("points", &points_text(vertices)),
                ],
                true,
            );
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        (x, y): BackendCoord,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if color.alpha <= 0.0 {
            return Ok(());
        }
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "middle",
        };
        // A label of several lines (`\n` between them, see `values::text::wrap`) is one text of
        // lines 1.15 em apart, placed as a block by its anchor.
        let lines: Vec<&str> = text.split('\n').collect();
        let extra = (lines.len() - 1) as f64 * LINE_EM;
        let first = match style.anchor().v_pos {
            VPos::Top => 0.76,
            VPos::Center => 0.32 - extra / 2.0,
            VPos::Bottom => -0.22 - extra,
        };
        let dy = match (lines.len(), style.anchor().v_pos) {
            (1, VPos::Top) => "0.76em".to_string(),
            (1, VPos::Center) => "0.5ex".to_string(),
            (1, VPos::Bottom) => "-0.5ex".to_string(),
            _ => format!("{first:.2}em"),
        };
        let family = style.family();
        let family = family.as_str();
        let size = style.size() / 1.24;
        let paint = hex(color);
        let mut attrs: Vec<(&str, &dyn std::fmt::Display)> = vec![
            ("x", &x),
            ("y", &y),
            ("dy", &dy),
            ("text-anchor", &anchor),
            ("font-family", &family),
            ("font-size", &size),
            ("opacity", &color.alpha),
            ("fill", &paint),
        ];
        let font_style = style.style();
        let font_style_name = font_style.as_str();
        match font_style {
            FontStyle::Normal => {}
            FontStyle::Bold => attrs.push(("font-weight", &"bold")),
            _ => attrs.push(("font-style", &font_style_name)),
        }
        let degrees = match style.transform() {
            FontTransform::Rotate90 => Some(90),
            FontTransform::Rotate180 => Some(180),
            FontTransform::Rotate270 => Some(270),
            FontTransform::None => None,
        };
        let rotation = degrees.map(|d| format!("rotate({d}, {x}, {y})"));
        if let Some(rotation) = &rotation {
            attrs.push(("transform", rotation));
        }
        self.tag("text", &attrs, false);
        match lines.as_slice() {
            [one] => escape_into(self.out, one),
            more => {
                for (i, line) in more.iter().enumerate() {
                    if i == 0 {
                        self.out.push_str("<tspan>");
                    } else {
                        self.out
                            .push_str(&format!("<tspan x=\"{x}\" dy=\"{LINE_EM}em\">"));
                    }
                    escape_into(self.out, line);
                    self.out.push_str("</tspan>");
                }
            }
        }
        self.out.push_str("\n</text>\n");
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        Ok(text_size(text, style.size()))
    }
}

/// A dashed line through points in a chart's coordinates, drawn where it is drawn among the
/// other elements (above the grid and below the data, when drawn between them).
pub(super) struct Dashed<C> {
    points: Vec<C>,
    color: RGBColor,
    dash: &'static str,
}

impl<C> Dashed<C> {
    /// A line through `points` in `color`, dashed by `dash` (SVG's `stroke-dasharray`).
    pub(super) fn new(
        points: impl IntoIterator<Item = C>,
        color: RGBColor,
        dash: &'static str,
    ) -> Self {
        Dashed {
            points: points.into_iter().collect(),
            color,
            dash,
        }
    }
}

impl<'a, C> PointCollection<'a, C> for &'a Dashed<C> {
    type Point = &'a C;
    type IntoIter = &'a [C];

    fn point_iter(self) -> &'a [C] {
        &self.points
    }
}

impl<C> Drawable<Svg<'_>> for Dashed<C> {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        points: I,
        backend: &mut Svg<'_>,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        backend.dashed_path(points, self.color, self.dash);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{text_size, Svg};
    use plotters::prelude::{IntoDrawingArea, IntoFont, Text};
    use plotters::style::text_anchor::{HPos, Pos, VPos};

    #[test]
    fn a_label_of_several_lines_is_one_text_of_lines() {
        // Guards: a wrapped label is written as lines of one text, each starting at the
        // label's x, and measured as its widest line by its lines' height.
        let mut out = String::new();
        {
            let root = Svg::new(&mut out, (200, 100), "t").into_drawing_area();
            root.draw(&Text::new(
                "Tingkat keterlibatan ·\nInstagram & <Reels>".to_string(),
                (50, 40),
                ("sans-serif", 12)
                    .into_font()
                    .color(&plotters::prelude::BLACK)
                    .pos(Pos::new(HPos::Right, VPos::Center)),
            ))
            .unwrap_or(());
            root.present().unwrap_or(());
        }
        assert!(out.contains("<tspan>Tingkat keterlibatan ·</tspan><tspan x=\"50\" dy=\"1.15em\">Instagram &amp; &lt;Reels&gt;</tspan>"), "{out}");
        let (one_w, one_h) = text_size("Tingkat keterlibatan ·", 12.0);
        let (w, h) = text_size("Tingkat keterlibatan ·\nInstagram", 12.0);
        assert_eq!(w, one_w);
        assert!(h > one_h * 2 - 2 && h < one_h * 3, "{h} vs {one_h}");
    }

    #[test]
    fn text_sizes_follow_the_characters_and_the_font_size() {
        // Guards the room reserved for captions and legend labels: wide letters take more than
        // narrow ones, twice the size takes twice the room, and the height is about the font's.
        let (narrow, _) = text_size("iiiiiiii", 12.0);
        let (wide, _) = text_size("MMMMMMMM", 12.0);
        assert!(wide > 2 * narrow, "{wide} vs {narrow}");
        let (w12, h12) = text_size("Conversion rate", 12.0);
        let (w24, h24) = text_size("Conversion rate", 24.0);
        assert!((w24 as i64 - 2 * w12 as i64).abs() <= 1);
        assert!((h24 as i64 - 2 * h12 as i64).abs() <= 1);
        // At the SVG's 9.7 px font, a typical sans-serif sets this label about 70 px wide.
        assert!((60..=85).contains(&w12), "{w12}");
        assert_eq!(text_size("", 12.0).0, 0);
    }
}
