//! A sparkline: a KPI's latest values as a small line, with its target as a dashed level, for
//! the dashboard's cards. Written as SVG text directly: a glyph of one polyline needs no axes,
//! legend or layout.

use super::svg::escape_into;
use crate::domain::values::date::Date;

/// The sparkline's size in SVG units (it scales with its box, `viewBox` kept).
pub const SPARK_SIZE: (f64, f64) = (120.0, 32.0);

/// The values `points` (oldest first) as a line across the box, the first day on the left and
/// the last on the right, scaled to the values and `target` together (so the target shows as
/// a dashed level line in the same scale). `label` names it for screen readers. `None` with
/// fewer than two points: one point is no line.
pub fn sparkline(points: &[(Date, f64)], target: Option<f64>, label: &str) -> Option<String> {
    let finite: Vec<(i64, f64)> = points
        .iter()
        .filter(|p| p.1.is_finite())
        .map(|p| (p.0.to_days(), p.1))
        .collect();
    let (first, last) = (finite.first()?.0, finite.last()?.0);
    if finite.len() < 2 || last <= first {
        return None;
    }
    let target = target.filter(|t| t.is_finite());
    let values = finite.iter().map(|p| p.1).chain(target);
    let lo = values.clone().fold(f64::INFINITY, f64::min);
    let hi = values.fold(f64::NEG_INFINITY, f64::max);
    let span = if hi > lo { hi - lo } else { 1.0 };
    let (w, h) = SPARK_SIZE;
    let pad = 3.0;
    let x = |day: i64| pad + (day - first) as f64 / (last - first) as f64 * (w - 2.0 * pad);
    let y = |v: f64| h - pad - (v - lo) / span * (h - 2.0 * pad);
    let coords: Vec<String> = finite
        .iter()
        .map(|&(d, v)| format!("{:.1},{:.1}", x(d), y(v)))
        .collect();
    let mut svg =
        format!("<svg class=\"sparkline\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"");
    escape_into(&mut svg, label);
    svg.push_str("\" xmlns=\"http://www.w3.org/2000/svg\">");
    if let Some(t) = target {
        let ty = y(t);
        svg.push_str(&format!(
            "<line x1=\"0\" y1=\"{ty:.1}\" x2=\"{w}\" y2=\"{ty:.1}\" stroke=\"#D55E00\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>"
        ));
    }
    let (lx, ly) = finite.last().map(|&(d, v)| (x(d), y(v)))?;
    svg.push_str(&format!(
        "<polyline fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2\" points=\"{}\"/><circle cx=\"{lx:.1}\" cy=\"{ly:.1}\" r=\"2.5\" fill=\"#0072B2\"/></svg>",
        coords.join(" ")
    ));
    Some(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u8) -> Date {
        Date::new(2026, 10, d).unwrap()
    }

    // Guards the drawing: 10, 20, 30 on days 1, 2, 3 with a target of 30 span the box's
    // width (3 to 117) and height (29 at the low 10, 3 at the high 30), the target's dashed
    // line at the top; the label is escaped.
    #[test]
    fn values_span_the_box_with_the_target_in_scale() {
        let svg = sparkline(
            &[(day(1), 10.0), (day(2), 20.0), (day(3), 30.0)],
            Some(30.0),
            "Visits <b>",
        )
        .unwrap();
        assert!(
            svg.contains("points=\"3.0,29.0 60.0,16.0 117.0,3.0\""),
            "{svg}"
        );
        assert!(svg.contains("y1=\"3.0\"") && svg.contains("stroke-dasharray"));
        assert!(svg.contains("aria-label=\"Visits &lt;b&gt;\""));
        assert!(!svg.contains("NaN"));
    }

    // Guards: one point, or points on one day, is no line; a flat series stays in the box.
    #[test]
    fn too_little_is_no_line_and_a_flat_line_stays_inside() {
        assert_eq!(sparkline(&[(day(1), 5.0)], None, "x"), None);
        assert_eq!(sparkline(&[(day(1), 5.0), (day(1), 6.0)], None, "x"), None);
        let flat = sparkline(&[(day(1), 5.0), (day(9), 5.0)], None, "x").unwrap();
        assert!(flat.contains("points=\"3.0,29.0 117.0,29.0\""), "{flat}");
        assert!(sparkline(&[(day(1), f64::NAN), (day(2), 1.0)], None, "x").is_none());
    }
}
