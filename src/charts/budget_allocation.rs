//! Chart 4: the budget's allocation across channels.

use super::*;

/// Chart 4: Each channel's share of the allocated budget, as horizontal bars labelled with the
/// percentage and the amount.
pub fn budget_allocation(plan: &Plan, lang: Lang) -> Result<Chart, ChartError> {
    let code = plan.currency.as_str();
    // (name, amount, whether it is the unallocated rest rather than a channel).
    let mut rows: Vec<(String, f64, bool)> = by_channel(plan)
        .into_iter()
        .filter(|r| r.planned != 0.0)
        .map(|r| (channel_name(&r.channel, lang), r.planned, false))
        .collect();
    // Shares of the budget's total, as the form and the report show them; what is not
    // allocated is a bar of its own, so the shares add up to 100 %.
    let base = crate::domain::planning::budget::share_base(&plan.budget, code);
    if rows.is_empty() || base <= 0.0 || !base.is_finite() {
        return Err(ChartError::Empty(Empty::NoData));
    }
    if let Some(left) = crate::domain::planning::budget::unallocated(&plan.budget, code) {
        rows.push((T::BudgetUnallocated.get(lang).to_string(), left, true));
    }
    let shares: Vec<f64> = rows
        .iter()
        .map(|r| share_percent(r.1, base).unwrap_or(0.0))
        .collect();
    let bars: Vec<RowBar> = rows
        .iter()
        .zip(&shares)
        .map(|((name, amount, rest), share)| RowBar {
            name: axis_name(name),
            value: Some(*share),
            color: if *rest { GREY } else { BLUE },
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
            legend_rows: 0,
        },
        None,
    )?;

    // The largest channel (what is unallocated is no channel).
    let (largest, share) = rows
        .iter()
        .zip(&shares)
        .filter(|(r, _)| !r.2)
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map(|(r, s)| (truncate(&r.0, MAX_LABEL), *s))
        .unwrap_or_default();
    let summary = T::ChartAllocationSummary.fill(
        lang,
        &[
            ("channel", &largest),
            ("share", &format_percent(share, 1, lang)),
            ("total", &format_money(base, code, lang)),
        ],
    );
    let mut table = vec![vec![
        T::ChartChannelAxis.get(lang).to_string(),
        T::ChartPlanned.get(lang).to_string(),
        T::ChartShare.get(lang).to_string(),
    ]];
    for ((name, amount, _), share) in rows.iter().zip(&shares) {
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
