//! plotters' SVG backend with an estimate for text sizes (see [`Svg`]).

use plotters::prelude::{DrawingBackend, SVGBackend};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};

/// plotters' SVG backend, with text sizes estimated from the characters instead of measured.
///
/// In wasm, plotters measures text by adding a span to the page and reading its size: a forced
/// layout of the whole page each time. The SVG does not need it (its text is placed by anchors;
/// sizes only reserve room), so what plotters asks of the backend, such as each chart's caption,
/// is estimated here, and legends are drawn by Alur (`Legend`) with the same estimate. The
/// analysis page of a plan with 50 KPIs went from 461 forced layouts and 390 ms to none and
/// 260 ms. The same estimate in native tests means they check the very layout the browser gets.
pub(super) struct Svg<'a>(pub(super) SVGBackend<'a>);

/// A text's width and height in pixels at plotters' font `size` (the SVG writes the font at
/// `size / 1.24`), from typical advance widths of a sans-serif face.
pub(super) fn text_size(text: &str, size: f64) -> (u32, u32) {
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
    let width = (em * size / 1.24).round();
    let height = (1.16 * size / 1.24).round();
    (width as u32, height as u32)
}

impl<'a> DrawingBackend for Svg<'a> {
    type ErrorType = <SVGBackend<'a> as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.fill_polygon(vert, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        Ok(text_size(text, style.size()))
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        (width, height): (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.blit_bitmap(pos, (width, height), src)
    }
}

#[cfg(test)]
mod tests {
    use super::text_size;

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
