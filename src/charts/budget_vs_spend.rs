//! Chart 3: each channel's budget against what was spent.

use super::*;

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
        .map(|r| {
            // As many characters as a column holds (about 5.4 px each), over two lines.
            let column = (WIDTH - 110) / u32::try_from(n).unwrap_or(1).max(1);
            let chars = usize::try_from(column * 10 / 54).unwrap_or(16).clamp(8, 40);
            crate::domain::values::text::wrap(&channel_name(&r.channel, lang), chars, 2)
        })
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
                legend_rows: 1,
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
        legend.draw(root, &chart, Corner::Right)?;
        Ok(())
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
