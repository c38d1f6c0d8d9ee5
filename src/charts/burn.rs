//! Chart 6: cumulative spend against the even pace of the budget.

use super::*;

/// The burn chart's step line, in days and amounts: from 0 at the window's start, the running
/// total holds until the next day with spend, then holds up to today (within the window) and
/// never back before the last spend.
pub(super) fn burn_steps(
    cumulative: &[(Date, f64)],
    (x0, x1): (i64, i64),
    today: Date,
) -> Vec<(i64, f64)> {
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
        let mut chart = time_frame(root, title, (x0..x1, y0..y1), &amount_axis, lang)?;
        let steps = burn_steps(&cumulative, (x0, x1), today);
        let mut legend = Legend::default();
        // The even pace first: above the grid, below the spend.
        if budget > 0.0 {
            chart.draw_series([Dashed::new(
                [(x0, 0.0), (x1, budget)],
                ORANGE,
                DASH_PROJECTION,
            )])?;
        }
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
                    .pos(Pos::new(today_anchor(x, x0, x1), VPos::Top)),
            )))?;
        }
        legend.draw(root, &chart, Corner::Left)?;
        Ok(())
    })?;

    let time_share =
        crate::domain::execution::today::time_elapsed_percent(plan, today).unwrap_or(100.0);
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
