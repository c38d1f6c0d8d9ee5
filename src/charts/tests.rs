use super::*;
use crate::domain::model::plan::{
    Allocation, Channel, Measurement, Optimisation, Priority, Problem, SpendEntry, Task,
};

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

fn today() -> Date {
    d(2026, 3, 15)
}

fn kpi(id: &str, name: &str, baseline: f64, target: f64) -> Kpi {
    Kpi {
        id: id.into(),
        name: name.into(),
        unit: "%".into(),
        baseline: Some(baseline),
        target: Some(target),
        deadline: Some(d(2026, 6, 30)),
        ..Kpi::default()
    }
}

fn measurement(id: &str, kpi: &str, date: Date, value: f64) -> Measurement {
    Measurement {
        id: id.into(),
        kpi: kpi.into(),
        date,
        end: None,
        value,
        source: String::new(),
        note: String::new(),
        import: String::new(),
    }
}

fn allocation(id: &str, channel: Channel, amount: f64) -> Allocation {
    Allocation {
        id: id.into(),
        channel,
        amount,
        priority: Priority::Medium,
        expected_return: None,
    }
}

fn spend(id: &str, channel: Channel, date: Date, amount: f64) -> SpendEntry {
    SpendEntry {
        id: id.into(),
        channel,
        date,
        amount,
        note: String::new(),
    }
}

fn task(id: &str, title: &str, start: Date, end: Date) -> Task {
    Task {
        id: id.into(),
        title: title.into(),
        start: Some(start),
        end: Some(end),
        ..Task::default()
    }
}

/// A typical running campaign: two KPIs with measurements, a problem with an optimisation,
/// a budget over three channels with spend, and three tasks.
fn typical() -> Plan {
    let mut plan = Plan::blank("p1", "Produk X", 0);
    plan.goal.start = Some(d(2026, 1, 1));
    plan.goal.end = Some(d(2026, 6, 30));
    plan.kpis = vec![
        kpi("conv", "Conversion rate", 1.0, 3.0),
        kpi("cpc", "Cost per click", 2000.0, 1500.0),
    ];
    plan.kpis[1].direction = Direction::LowerIsBetter;
    plan.kpis[1].unit = "IDR".into();
    plan.measurements = vec![
        measurement("m1", "conv", d(2026, 1, 31), 1.2),
        measurement("m2", "conv", d(2026, 2, 28), 1.5),
        measurement("m3", "conv", d(2026, 3, 14), 1.6),
        measurement("m4", "cpc", d(2026, 2, 28), 1600.0),
    ];
    plan.problems = vec![Problem {
        id: "pr1".into(),
        kpi: "conv".into(),
        date: d(2026, 2, 1),
        symptom: String::new(),
        causes: Vec::new(),
        notes: String::new(),
    }];
    plan.optimisations = vec![
        Optimisation {
            id: "o1".into(),
            problem: Some("pr1".into()),
            action: "New landing page".into(),
            owner: String::new(),
            date: d(2026, 2, 10),
        },
        Optimisation {
            id: "o2".into(),
            problem: None,
            action: "Unlinked".into(),
            owner: String::new(),
            date: d(2026, 2, 20),
        },
    ];
    plan.budget.total = 300_000_000.0;
    plan.budget.allocations = vec![
        allocation("a1", Channel::Instagram, 150_000_000.0),
        allocation("a2", Channel::Sem, 100_000_000.0),
        allocation("a3", Channel::Email, 50_000_000.0),
    ];
    plan.spend = vec![
        spend("s1", Channel::Instagram, d(2026, 1, 20), 40_000_000.0),
        spend("s2", Channel::Sem, d(2026, 2, 5), 30_000_000.0),
        spend("s3", Channel::Instagram, d(2026, 3, 1), 20_000_000.0),
    ];
    plan.tasks = vec![
        task("t1", "Brief agency", d(2026, 1, 2), d(2026, 1, 10)),
        task("t2", "Launch ads", d(2026, 1, 11), d(2026, 3, 31)),
        task("t3", "Report", d(2026, 6, 20), d(2026, 6, 30)),
    ];
    plan
}

const HOSTILE: &str = "<script>alert(\"x\" & 'y')</script>";

/// The same plan with HTML in every name a chart shows.
fn hostile() -> Plan {
    let mut plan = typical();
    plan.kpis[0].name = HOSTILE.into();
    plan.kpis[0].unit = "<b>".into();
    plan.budget.allocations[0].channel = Channel::Other(HOSTILE.into());
    plan.spend[0].channel = Channel::Other(HOSTILE.into());
    plan.tasks[0].title = HOSTILE.into();
    plan.currency = "<i>".into();
    plan
}

fn count(svg: &str, needle: &str) -> usize {
    svg.matches(needle).count()
}

/// Every chart's shape: an `<svg>` document that fits its container, is balanced, and says
/// its title in plotters' text and in `<title>`.
fn assert_svg(chart: &Chart, title: &str) {
    let svg = &chart.svg;
    assert!(svg.starts_with("<svg width=\"100%\""), "{}", &svg[..80]);
    assert!(svg.contains("viewBox=\"0 0 "));
    assert!(!svg.contains("height=\"400\" viewBox"));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert_eq!(count(svg, "<svg"), 1);
    assert_eq!(count(svg, "<text"), count(svg, "</text>"));
    assert!(svg.contains(&format!("<title>{}</title>", escape(title))));
    assert!(
        count(svg, escape(title).as_str()) >= 2,
        "title drawn as text"
    );
    assert!(!chart.summary.is_empty());
    assert!(!chart.table.is_empty());
}

/// No user text becomes markup: escaped everywhere, never a raw `<script`.
fn assert_escaped(svg: &str) {
    assert!(!svg.contains("<script"), "raw script tag");
    assert!(!svg.contains("<b>") && !svg.contains("<i>"));
    assert!(svg.contains("&lt;script&gt;"), "escaped name is shown");
}

/// Plans that stress the drawing: empty, single point, zeros, negatives, 10^12, long names.
fn edge_plans() -> Vec<Plan> {
    let mut single = typical();
    single.measurements.truncate(1);
    single.spend.truncate(1);
    single.tasks.truncate(1);
    single.kpis.truncate(1);
    single.budget.allocations.truncate(1);
    let mut zeros = typical();
    zeros.kpis[0].baseline = Some(0.0);
    zeros.kpis[0].target = Some(0.0);
    zeros.measurements.iter_mut().for_each(|m| m.value = 0.0);
    zeros.budget.total = 0.0;
    zeros
        .budget
        .allocations
        .iter_mut()
        .for_each(|a| a.amount = 0.0);
    zeros.spend.iter_mut().for_each(|s| s.amount = 0.0);
    let mut negative = typical();
    negative
        .measurements
        .iter_mut()
        .for_each(|m| m.value = -m.value);
    negative.spend.iter_mut().for_each(|s| s.amount = -s.amount);
    negative.budget.allocations[1].amount = -5.0;
    let mut huge = typical();
    huge.measurements.iter_mut().for_each(|m| m.value *= 1e12);
    huge.kpis[0].target = Some(1e12);
    huge.budget.total = 1e13;
    huge.budget
        .allocations
        .iter_mut()
        .for_each(|a| a.amount = 1e12);
    huge.spend.iter_mut().for_each(|s| s.amount = 1e12);
    let mut long = typical();
    let name = "Sangat panjang ".repeat(40);
    long.kpis[0].name = name.clone();
    long.tasks[0].title = name.clone();
    long.budget.allocations[0].channel = Channel::Other(name);
    let mut odd_dates = typical();
    odd_dates.goal.end = odd_dates.goal.start;
    odd_dates.kpis[0].deadline = Some(d(2025, 1, 1));
    odd_dates.tasks[0].end = Some(d(2025, 1, 1));
    vec![
        Plan::blank("e", "Empty", 0),
        single,
        zeros,
        negative,
        huge,
        long,
        odd_dates,
    ]
}

/// Draws every chart of `plan` in both languages, for the never-panics tests.
fn draw_all(plan: &Plan) -> Vec<Result<Chart, ChartError>> {
    let mut out = Vec::new();
    for lang in Lang::ALL {
        for kpi in plan.kpis.iter().map(|k| k.id.as_str()).chain(["missing"]) {
            out.push(kpi_progress(plan, kpi, today(), lang));
        }
        out.push(kpi_overview(plan, today(), lang));
        out.push(budget_vs_spend(plan, lang));
        out.push(budget_allocation(plan, lang));
        out.push(timeline(plan, today(), lang));
        out.push(burn(plan, today(), lang));
    }
    out
}

#[test]
fn kpi_progress_draws_actuals_target_trajectory_projection_and_markers() {
    // Guards chart 1's content: the actual line with a circle per point, the target line, the
    // dotted trajectory and dashed projection, and one marker per linked optimisation only.
    let chart = kpi_progress(&typical(), "conv", today(), Lang::En).unwrap();
    assert_svg(&chart, "Progress of Conversion rate");
    let svg = &chart.svg;
    // Target, actual and the linked optimisation's vertical line; legend lines come on top.
    assert!(count(svg, "<polyline") >= 3);
    assert_eq!(
        count(svg, "stroke-dasharray"),
        2,
        "trajectory and projection"
    );
    assert!(svg.contains(&format!("stroke-dasharray=\"{DASH_PROJECTION}\"")));
    assert!(svg.contains(&format!("stroke-dasharray=\"{DASH_TRAJECTORY}\"")));
    // The dashed lines lie above the grid and below the data: after the grid's lines, before
    // the actual line's points.
    let first_dash = svg.find("stroke-dasharray").unwrap();
    assert!(svg.find("<line").unwrap() < first_dash);
    assert!(first_dash < svg.find("<circle").unwrap());
    // Three points, plus the legend's circle for the actual series.
    assert_eq!(count(svg, "<circle"), 4);
    for label in [
        "Actual",
        "Target",
        "Target trajectory",
        "Projection",
        "Optimisation",
    ] {
        assert!(svg.contains(label), "legend {label}");
    }
    assert!(svg.contains("Date") && svg.contains("Value (%)"));
    // The linked optimisation is in the table, the unlinked one is not.
    let flat: Vec<&str> = chart.table.iter().flatten().map(String::as_str).collect();
    assert!(flat.contains(&"New landing page"));
    assert!(!flat.contains(&"Unlinked"));
    assert_eq!(chart.table[0], ["Date", "Series", "Value (%)"]);
}

#[test]
fn kpi_progress_summary_in_both_languages() {
    // Guards the screen-reader sentence: translated, with locale-formatted values and dates,
    // written as the analysis table writes them (a whole 3% target is "3%", as in the table).
    let plan = typical();
    let en = kpi_progress(&plan, "conv", today(), Lang::En).unwrap();
    assert!(
        en.summary
            .starts_with("Conversion rate: latest value 1.60%, target 3% by 30 June 2026"),
        "{}",
        en.summary
    );
    let id = kpi_progress(&plan, "conv", today(), Lang::Id).unwrap();
    assert!(
        id.summary
            .starts_with("Conversion rate: nilai terakhir 1,60%, target 3% pada 30 Juni 2026"),
        "{}",
        id.summary
    );
    assert!(id.svg.contains("Perkembangan Conversion rate") && id.svg.contains("Tanggal"));
    // Money KPIs are written as money.
    let cpc = kpi_progress(&plan, "cpc", today(), Lang::Id).unwrap();
    assert!(cpc.summary.contains("Rp 1.600"), "{}", cpc.summary);
    // The value axis names the unit, and a KPI without one gets no empty "()".
    assert!(en.svg.contains("Value (%)"), "percent axis");
    let mut plain = typical();
    plain.kpis[0].unit = String::new();
    let plain = kpi_progress(&plain, "conv", today(), Lang::En).unwrap();
    assert!(plain.svg.contains("Value") && !plain.svg.contains("()"));
}

#[test]
fn kpi_progress_empty_states() {
    // Guards the explicit empty state: unknown KPI, and a KPI with nothing to draw.
    let mut plan = typical();
    assert_eq!(
        kpi_progress(&plan, "nope", today(), Lang::En),
        Err(ChartError::Empty(Empty::NoKpi))
    );
    plan.kpis[0].target = None;
    plan.measurements.clear();
    let err = kpi_progress(&plan, "conv", today(), Lang::Id).unwrap_err();
    assert_eq!(err, ChartError::Empty(Empty::NoData));
    assert_eq!(err.message(Lang::Id), "Belum ada data untuk grafik ini.");
    assert_eq!(
        err.message(Lang::En),
        "There is no data for this chart yet."
    );
}

#[test]
fn kpi_progress_without_measurements_still_shows_the_plan() {
    // Guards a KPI defined but not measured yet: target and trajectory, no projection.
    let mut plan = typical();
    plan.measurements.clear();
    let chart = kpi_progress(&plan, "conv", today(), Lang::En).unwrap();
    assert_eq!(count(&chart.svg, "stroke-dasharray"), 1);
    assert!(chart.summary.contains("latest value —"));
}

#[test]
fn kpi_progress_draws_ten_thousand_points() {
    // Guards performance and size: 10,000 measurements draw as one line without a marker each.
    let mut plan = typical();
    plan.kpis[0].deadline = Some(d(2060, 1, 1));
    plan.measurements = (0..10_000)
        .map(|i| {
            let date = Date::from_days(d(2026, 1, 1).to_days() + i).unwrap();
            measurement(&format!("m{i}"), "conv", date, 1.0 + (i as f64).sin())
        })
        .collect();
    let chart = kpi_progress(&plan, "conv", today(), Lang::En).unwrap();
    assert_svg(&chart, "Progress of Conversion rate");
    assert_eq!(count(&chart.svg, "<circle"), 1, "legend only");
    assert_eq!(chart.table.len(), 1 + 10_000 + 2 + 1 + 1);
}

#[test]
fn kpi_overview_one_labelled_bar_per_kpi_and_a_100_line() {
    // Guards chart 2: a bar per measured KPI coloured by status, its status in words too
    // (not colour alone), and the 100 % line.
    let chart = kpi_overview(&typical(), today(), Lang::En).unwrap();
    assert_svg(&chart, "KPI achievement against target");
    let svg = &chart.svg;
    // conv: (1.6 − 1) / (3 − 1) = 30 %; cpc: (2000 − 1600) / 500 = 80 %.
    assert!(svg.contains("30% · "), "{svg}");
    assert!(svg.contains("80% · "));
    // Background + two bars.
    assert_eq!(count(svg, "<rect"), 3);
    assert!(svg.contains("#D55E00") || svg.contains("#E69F00") || svg.contains("#0072B2"));
    assert!(count(svg, "<polyline") >= 1, "100 % line");
    assert_eq!(chart.table.len(), 3);
    assert_eq!(chart.table[0], ["KPI", "% of target", "Status"]);
    assert!(chart.summary.starts_with("2 KPIs: "), "{}", chart.summary);
    let id = kpi_overview(&typical(), today(), Lang::Id).unwrap();
    assert!(id.summary.starts_with("2 KPI: "), "{}", id.summary);
    assert!(id.svg.contains("Pencapaian KPI terhadap target"));
}

#[test]
fn kpi_overview_never_draws_below_zero_without_saying_why() {
    // Guards a KPI worse than its baseline: conversion fell to 0.6 % from a 1 % baseline on the
    // way to 3 %: (0.6 − 1) / (3 − 1) = −20 % of the way. No bar runs left of zero; the label
    // keeps the true figure and says why.
    let mut plan = typical();
    for m in plan.measurements.iter_mut().filter(|m| m.kpi == "conv") {
        m.value = 0.6;
    }
    let chart = kpi_overview(&plan, today(), Lang::En).unwrap();
    assert!(
        chart.svg.contains("-20% · worse than the baseline · "),
        "{}",
        chart.svg
    );
    let id = kpi_overview(&plan, today(), Lang::Id).unwrap();
    assert!(id.svg.contains("lebih buruk dari nilai awal"));
    // Every bar starts at the zero line or right of it: none has a negative width or starts
    // left of the first bar's start.
    let starts: Vec<i64> = chart
        .svg
        .lines()
        .filter(|l| l.starts_with("<rect") && !l.contains("fill=\"#FFFFFF\""))
        .filter_map(|l| l.split("x=\"").nth(1)?.split('"').next()?.parse().ok())
        .collect();
    assert!(!starts.is_empty());
    assert!(starts.iter().all(|x| *x == starts[0]), "{starts:?}");
}

#[test]
fn kpi_overview_unmeasured_kpi_has_a_label_but_no_bar() {
    // Guards a KPI without data: listed as "no data", no bar pretending 0 %.
    let mut plan = typical();
    plan.measurements.retain(|m| m.kpi == "conv");
    let chart = kpi_overview(&plan, today(), Lang::En).unwrap();
    assert_eq!(count(&chart.svg, "<rect"), 2);
    assert!(chart.svg.contains("— · No data"), "{}", chart.svg);
    assert_eq!(
        kpi_overview(&Plan::blank("e", "", 0), today(), Lang::En),
        Err(ChartError::Empty(Empty::NoData))
    );
}

#[test]
fn budget_vs_spend_grouped_bars_per_channel() {
    // Guards chart 3: per channel a planned bar (fill and outline) and a spent bar.
    let chart = budget_vs_spend(&typical(), Lang::En).unwrap();
    assert_svg(&chart, "Budget and spend per channel");
    // Background, 3 × (planned fill, planned outline, spent) and the legend's two swatches
    // (the legend stands above the plot, without a box over the bars).
    assert_eq!(count(&chart.svg, "<rect"), 1 + 9 + 2);
    for label in ["Instagram", "Planned", "Spent", "Amount (IDR)"] {
        assert!(chart.svg.contains(label), "{label}");
    }
    assert_eq!(
        chart.summary,
        "Planned Rp 300,000,000, spent Rp 90,000,000, across 3 channels."
    );
    let id = budget_vs_spend(&typical(), Lang::Id).unwrap();
    assert_eq!(
        id.summary,
        "Direncanakan Rp 300.000.000, dibelanjakan Rp 90.000.000, di 3 kanal."
    );
    assert!(id.svg.contains("\n100 jt\n"), "compact axis labels");
    assert_eq!(
        id.table[1],
        ["Instagram", "Rp 150.000.000", "Rp 60.000.000"]
    );
}

#[test]
fn budget_allocation_bar_and_percent_label_per_channel() {
    // Guards chart 4: one bar per channel with its share in words.
    let chart = budget_allocation(&typical(), Lang::En).unwrap();
    assert_svg(&chart, "Budget share per channel");
    assert_eq!(count(&chart.svg, "<rect"), 1 + 3);
    assert!(chart.svg.contains("50.0% · Rp 150,000,000"));
    assert_eq!(
        chart.summary,
        "Largest share: Instagram, 50.0% of Rp 300,000,000."
    );
    let id = budget_allocation(&typical(), Lang::Id).unwrap();
    assert_eq!(
        id.summary,
        "Porsi terbesar: Instagram, 50,0% dari Rp 300.000.000."
    );
    let mut plan = typical();
    plan.budget.allocations.clear();
    plan.spend.clear();
    assert_eq!(
        budget_allocation(&plan, Lang::En),
        Err(ChartError::Empty(Empty::NoData))
    );
}

#[test]
fn budget_allocation_shares_are_of_the_total_with_the_rest_unallocated() {
    // Guards one share per row: the typical plan's Rp 300,000,000 total with Rp 60,000,000
    // taken off an allocation leaves Rp 60,000,000 unallocated, a bar of its own; every share
    // is of the total (Instagram's Rp 150,000,000 stays 50.0%, not 62.5% of what is
    // allocated), and the shares add up to 100%.
    let mut plan = typical();
    let last = plan.budget.allocations.len() - 1;
    plan.budget.allocations[last].amount -= 60_000_000.0;
    let chart = budget_allocation(&plan, Lang::En).unwrap();
    assert!(chart.svg.contains("50.0% · Rp 150,000,000"));
    assert!(chart.svg.contains("20.0% · Rp 60,000,000"));
    assert!(chart.svg.contains(">\nUnallocated\n"));
    let shares: f64 = chart.table[1..]
        .iter()
        .map(|row| row[2].trim_end_matches('%').parse::<f64>().unwrap())
        .sum();
    assert!((shares - 100.0).abs() < 1e-9, "{shares}");
    assert_eq!(
        chart.summary,
        "Largest share: Instagram, 50.0% of Rp 300,000,000."
    );
}

#[test]
fn legends_stand_above_the_plot() {
    // Guards "legends sit on the data": every legend label of the KPI progress, burn and
    // budget charts is written above the plot: higher up than the value axis's top label,
    // which stands at the plot's top.
    for (chart, labels) in [
        (
            kpi_progress(&typical(), "conv", today(), Lang::En).unwrap(),
            vec!["Actual", "Target trajectory"],
        ),
        (
            burn(&typical(), today(), Lang::En).unwrap(),
            vec!["Cumulative spend", "Even pace"],
        ),
        (
            budget_vs_spend(&typical(), Lang::En).unwrap(),
            vec!["Planned", "Spent"],
        ),
    ] {
        let lines: Vec<&str> = chart.svg.lines().collect();
        let y_of = |line: &str| -> Option<i64> {
            line.split(" y=\"").nth(1)?.split('"').next()?.parse().ok()
        };
        // The value axis's labels are right-aligned beside it.
        let axis_top = lines
            .iter()
            .filter(|l| l.starts_with("<text") && l.contains("text-anchor=\"end\""))
            .filter_map(|l| y_of(l))
            .min()
            .unwrap();
        for label in labels {
            let at = lines
                .iter()
                .position(|l| *l == label)
                .unwrap_or_else(|| panic!("{label}"));
            let y = y_of(lines[at - 1]).unwrap();
            assert!(
                y < axis_top,
                "{label} at y {y}, the plot's top at {axis_top}"
            );
        }
    }
}

#[test]
fn time_axes_tick_on_the_first_of_each_month() {
    // Guards the date axes: the typical campaign runs from 1 January to 30 June 2026, so the
    // burn chart and the Gantt tick on the first of each month, labelled with the month and
    // year ("Mar 2026"), never on odd days.
    for chart in [
        burn(&typical(), today(), Lang::En).unwrap(),
        timeline(&typical(), today(), Lang::En).unwrap(),
    ] {
        for month in ["Feb", "Mar", "Apr", "May", "Jun"] {
            assert!(
                chart.svg.contains(&format!(">\n{month} 2026\n</text>")),
                "{month} 2026 in {}",
                chart.summary
            );
        }
    }
    let id = burn(&typical(), today(), Lang::Id).unwrap();
    assert!(id.svg.contains(">\nMei 2026\n</text>"));
}

#[test]
fn timeline_bar_per_task_and_today_line() {
    // Guards chart 5: one bar per dated task, and the today line when today is in the window.
    let chart = timeline(&typical(), today(), Lang::En).unwrap();
    assert_svg(&chart, "Action plan timeline");
    assert_eq!(count(&chart.svg, "<rect"), 1 + 3);
    assert!(chart.svg.contains(">\nToday\n"), "today label");
    assert!(chart.svg.contains("Brief agency"));
    // A finished task says so in words, not only in a lighter colour.
    let mut plan = typical();
    plan.tasks[1].status = TaskStatus::Done;
    let done = timeline(&plan, today(), Lang::En).unwrap();
    assert!(done.svg.contains("✓ Launch ads") && !done.svg.contains("✓ Brief agency"));
    assert_eq!(
        chart.summary,
        "3 tasks from 1 January 2026 to 30 June 2026."
    );
    let id = timeline(&typical(), today(), Lang::Id).unwrap();
    assert_eq!(
        id.summary,
        "3 tugas dari 1 Januari 2026 sampai 30 Juni 2026."
    );
    assert!(id.svg.contains("Hari ini"));
    // Today outside the window: no line, no label.
    let later = timeline(&typical(), d(2027, 1, 1), Lang::En).unwrap();
    assert!(!later.svg.contains(">\nToday\n"));
}

#[test]
fn timeline_empty_states() {
    // Guards the empty states: no window and no tasks, or tasks without dates.
    let plan = Plan::blank("e", "", 0);
    assert_eq!(
        timeline(&plan, today(), Lang::En),
        Err(ChartError::Empty(Empty::NoWindow))
    );
    let mut undated = typical();
    undated.tasks.iter_mut().for_each(|t| {
        t.start = None;
        t.end = None;
    });
    assert_eq!(
        timeline(&undated, today(), Lang::En),
        Err(ChartError::Empty(Empty::NoData))
    );
}

#[test]
fn burn_cumulative_spend_against_dashed_even_pace() {
    // Guards chart 6: the cumulative step line with a point per spend day, the dashed pace
    // line to the whole budget, the today line, and the sentence comparing the two shares.
    let chart = burn(&typical(), today(), Lang::En).unwrap();
    assert_svg(&chart, "Cumulative spend against time");
    assert_eq!(count(&chart.svg, "stroke-dasharray"), 1);
    // Three spend days, legend circle.
    assert_eq!(count(&chart.svg, "<circle"), 4);
    assert!(chart.svg.contains("Even pace") && chart.svg.contains("Cumulative spend"));
    assert_eq!(
        chart.summary,
        "Rp 90,000,000 of Rp 300,000,000 spent (30%) with 41% of the campaign time elapsed."
    );
    let id = burn(&typical(), today(), Lang::Id).unwrap();
    assert_eq!(
        id.summary,
        "Rp 90.000.000 dari Rp 300.000.000 dibelanjakan (30%) dengan 41% waktu kampanye berjalan."
    );
    assert_eq!(id.table.len(), 4);
    assert_eq!(
        burn(&Plan::blank("e", "", 0), today(), Lang::En),
        Err(ChartError::Empty(Empty::NoWindow))
    );
}

#[test]
fn html_in_names_is_escaped_in_every_chart() {
    // Guards against markup injection: names with HTML appear escaped, never as tags.
    let plan = hostile();
    for lang in Lang::ALL {
        let progress = kpi_progress(&plan, "conv", today(), lang).unwrap();
        assert_escaped(&progress.svg);
        assert!(progress.svg.contains("&lt;b&gt;"), "unit escaped");
        assert_escaped(&kpi_overview(&plan, today(), lang).unwrap().svg);
        assert_escaped(&budget_vs_spend(&plan, lang).unwrap().svg);
        assert_escaped(&budget_allocation(&plan, lang).unwrap().svg);
        assert_escaped(&timeline(&plan, today(), lang).unwrap().svg);
        let burn = burn(&plan, today(), lang).unwrap();
        assert!(!burn.svg.contains("<i>"), "currency escaped");
    }
}

#[test]
fn long_names_are_truncated_with_an_ellipsis() {
    // Guards the layout: a 600-character name is cut on the axis after two lines, whole in the
    // table.
    let mut plan = typical();
    let name = "x".repeat(600);
    plan.kpis[0].name = name.clone();
    let chart = kpi_overview(&plan, today(), Lang::En).unwrap();
    assert!(chart.svg.contains(&format!(
        "<tspan>{}</tspan><tspan x=",
        "x".repeat(MAX_LABEL)
    )));
    assert!(chart
        .svg
        .contains(&format!(">{}…</tspan>", "x".repeat(MAX_LABEL - 1))));
    assert!(!chart.svg.contains(&"x".repeat(MAX_LABEL + 1)));
    assert_eq!(chart.table[1][0], name);
    // A name of two words that fits two lines is shown whole: nothing cut.
    plan.kpis[0].name = "Tingkat keterlibatan · Instagram Reels".into();
    let chart = kpi_overview(&plan, today(), Lang::En).unwrap();
    assert!(
        chart.svg.contains("<tspan>Tingkat keterlibatan ·</tspan>"),
        "{}",
        chart.svg
    );
    assert!(chart.svg.contains(">Instagram Reels</tspan>"));
    assert_eq!(truncate("abc", 3), "abc");
    assert_eq!(truncate("abcd", 3), "ab…");
}

#[test]
fn edge_cases_never_panic_and_draw_valid_svg_or_an_empty_state() {
    // Guards robustness: empty, single-point, zero, negative, 10^12, long-name and
    // inverted-date plans give an SVG or an explicit empty state, never a panic or a Draw error.
    for plan in edge_plans() {
        for result in draw_all(&plan) {
            match result {
                Ok(chart) => {
                    assert!(chart.svg.starts_with("<svg width=\"100%\""));
                    assert!(chart.svg.trim_end().ends_with("</svg>"));
                    assert!(!chart.svg.contains("NaN") && !chart.svg.contains("inf"));
                }
                Err(ChartError::Empty(_)) => {}
                Err(err) => panic!("{err}"),
            }
        }
    }
}

#[test]
fn huge_values_use_compact_labels() {
    // Guards 10^12 values: axis labels stay short ("1 T", not thirteen digits).
    let mut plan = typical();
    plan.spend.iter_mut().for_each(|s| s.amount = 1e12);
    plan.budget.total = 4e12;
    let chart = burn(&plan, today(), Lang::Id).unwrap();
    assert!(chart.svg.contains(" T\n"), "{}", chart.svg);
    assert!(!chart.svg.contains("1000000000000"));
}

#[test]
fn every_chart_text_key_has_both_languages() {
    // Guards the i18n contract for the new keys: non-empty and different where it matters.
    for key in [
        T::ChartKpiProgressTitle,
        T::ChartBurnSummary,
        T::ChartEmptyNoWindow,
    ] {
        assert!(!key.get(Lang::Id).is_empty() && !key.get(Lang::En).is_empty());
        assert_ne!(key.get(Lang::Id), key.get(Lang::En));
    }
}

#[test]
fn ten_thousand_items_in_every_chart_complete() {
    // Guards scale: 10,000 spend entries, tasks and KPIs draw without panicking, one bar or
    // point each where the chart draws them.
    let mut plan = typical();
    let start = d(2026, 1, 1).to_days();
    let day = |i: i64| Date::from_days(start + i % 180).unwrap();
    plan.spend = (0..10_000)
        .map(|i| spend(&format!("s{i}"), Channel::Sem, day(i), 1_000.0))
        .collect();
    plan.tasks = (0..10_000)
        .map(|i| task(&format!("t{i}"), &format!("Task {i}"), day(i), day(i)))
        .collect();
    plan.kpis = (0..10_000)
        .map(|i| kpi(&format!("k{i}"), &format!("KPI {i}"), 0.0, 10.0))
        .collect();
    let timeline = timeline(&plan, today(), Lang::En).unwrap();
    assert_eq!(count(&timeline.svg, "<rect"), 1 + 10_000);
    let burn = burn(&plan, today(), Lang::En).unwrap();
    assert_eq!(burn.table.len(), 1 + 180);
    assert!(
        burn.summary.starts_with("Rp 10,000,000 of "),
        "{}",
        burn.summary
    );
    let overview = kpi_overview(&plan, today(), Lang::En).unwrap();
    assert_eq!(overview.table.len(), 1 + 10_000);
    assert!(budget_vs_spend(&plan, Lang::En).is_ok());
}

#[test]
fn burn_holds_the_total_until_today_not_before_the_last_spend() {
    // Guards the step line's end: with today before a logged spend, the line never runs back.
    let (x0, x1) = (d(2026, 3, 1).to_days(), d(2026, 5, 31).to_days() + 1);
    let cumulative = [(d(2026, 3, 10), 4.0), (d(2026, 5, 1), 5.0)];
    let today = d(2026, 4, 15);
    let steps = burn_steps(&cumulative, (x0, x1), today);
    // By hand: 0 at the start; up to 4 on 10 March; up to 5 on 1 May; held at 5 from then on
    // (today, 15 April, is before that spend, so the line ends on 1 May, not back on today).
    let may = d(2026, 5, 1).to_days();
    assert_eq!(
        steps,
        [
            (x0, 0.0),
            (d(2026, 3, 10).to_days(), 0.0),
            (d(2026, 3, 10).to_days(), 4.0),
            (may, 4.0),
            (may, 5.0),
            (may, 5.0),
        ]
    );
    assert!(steps.windows(2).all(|w| w[0].0 <= w[1].0), "{steps:?}");
    // Today after the last spend: the total is held flat up to today.
    let later = burn_steps(&cumulative, (x0, x1), d(2026, 5, 20));
    assert_eq!(later.last(), Some(&(d(2026, 5, 20).to_days(), 5.0)));
    // And the chart of a plan with such a late spend lists it in its data.
    let mut plan = typical();
    plan.spend
        .push(spend("late", Channel::Sem, d(2026, 5, 1), 1.0));
    let chart = burn(&plan, today, Lang::En).unwrap();
    assert_eq!(chart.table.len(), 5);
}

/// The `y` of the `<text>` element whose content is `label`, and how many there are.
fn label_ys(svg: &str, label: &str) -> Vec<f64> {
    let needle = format!(">\n{label}\n</text>");
    svg.match_indices(&needle)
        .filter_map(|(at, _)| {
            let start = svg[..at].rfind("<text")?;
            let tag = &svg[start..at];
            let y = tag.split(" y=\"").nth(1)?.split('"').next()?;
            y.parse().ok()
        })
        .collect()
}

/// `(y, height)` of every `<rect>` filled with `fill`.
fn rects(svg: &str, fill: &str) -> Vec<(f64, f64)> {
    svg.lines()
        .filter(|l| l.starts_with("<rect") && l.contains(&format!("fill=\"{fill}\"")))
        .filter_map(|l| {
            let attr = |name: &str| -> Option<f64> {
                l.split(&format!(" {name}=\""))
                    .nth(1)?
                    .split('"')
                    .next()?
                    .parse()
                    .ok()
            };
            Some((attr("y")?, attr("height")?))
        })
        .collect()
}

#[test]
fn each_bar_row_has_one_label_beside_its_bar_and_no_empty_band() {
    // Guards a bug seen in the report: plotters' `0..n` holds n + 1 rows, so the overview drew
    // an empty band at the top labelled with the first KPI's name again, and the budget chart
    // an empty column at the right.
    let chart = kpi_overview(&typical(), today(), Lang::En).unwrap();
    let bars = rects(&chart.svg, "#D55E00")
        .into_iter()
        .chain(rects(&chart.svg, "#0072B2"))
        .collect::<Vec<_>>();
    assert_eq!(bars.len(), 2);
    for (label, (y, h)) in ["Conversion rate", "Cost per click"].iter().zip(&bars) {
        let ys = label_ys(&chart.svg, label);
        assert_eq!(ys.len(), 1, "{label} is labelled once: {ys:?}");
        assert!(
            ys[0] > *y && ys[0] < y + h,
            "{label} at {} sits beside its bar {y}..{}",
            ys[0],
            y + h
        );
    }
    // The two bands fill the plot: the lower bar ends near the axis, not one band above it.
    let (y, h) = bars[1];
    let plot_bottom = 400.0 - 40.0;
    assert!(y + h > plot_bottom - 60.0, "lowest bar ends at {}", y + h);

    // One channel: one planned and one spent column filling the plot's width between them.
    let mut plan = typical();
    plan.budget.allocations = vec![allocation("a1", Channel::Seo, 1000.0)];
    plan.spend = vec![spend("s1", Channel::Seo, d(2026, 2, 1), 400.0)];
    let chart = budget_vs_spend(&plan, Lang::En).unwrap();
    assert!(
        chart.svg.contains(">\nSEO\n</text>") || chart.svg.contains("SEO"),
        "channel labelled"
    );
    let widths: Vec<f64> = chart
        .svg
        .lines()
        .filter(|l| {
            l.starts_with("<rect") && !l.contains("width=\"720\"") && !l.contains("width=\"16\"")
        })
        .filter_map(|l| l.split(" width=\"").nth(1)?.split('"').next()?.parse().ok())
        .collect();
    assert!(!widths.is_empty());
    // Planned (fill and outline) and spent each take about half the plot (~250 px); with the
    // empty second band they were about 125 px.
    assert_eq!(
        widths.iter().filter(|w| **w > 200.0).count(),
        3,
        "{widths:?}"
    );
}

/// A wavy daily series of `n` points from day 0, with one spike and one dip.
fn wavy(n: usize) -> Vec<(i64, f64)> {
    (0..n)
        .map(|i| {
            let v = match i {
                1234 => 500.0,
                2345 => -400.0,
                _ => ((i as f64) / 9.0).sin() * 50.0 + (i % 7) as f64,
            };
            (i as i64, v)
        })
        .collect()
}

#[test]
fn a_line_with_few_points_a_column_is_drawn_whole() {
    // Guards: a year of daily values on a 720-pixel chart loses nothing.
    let points = wavy(365);
    assert_eq!(line_points(&points, 0, 364, 720), points);
    assert_eq!(line_points(&[], 0, 10, 720), Vec::new());
}

#[test]
fn a_ten_year_daily_line_keeps_every_columns_low_and_high_and_its_ends() {
    // Guards: thinning a long series must not hide a peak or a dip, reorder points, or move the
    // line's ends: per pixel column the drawn line spans the same values as the full one.
    let points = wavy(3650);
    let columns = 720;
    let kept = line_points(&points, 0, 3649, columns);
    assert!(kept.len() <= 2 * columns + 2, "{} points", kept.len());
    assert!(kept.len() < points.len() / 2);
    assert_eq!(kept.first(), points.first());
    assert_eq!(kept.last(), points.last());
    assert!(kept.windows(2).all(|w| w[0].0 < w[1].0), "x order kept");
    assert!(kept.iter().all(|p| points.contains(p)), "only real points");
    assert!(kept.contains(&(1234, 500.0)) && kept.contains(&(2345, -400.0)));
    let column = |x: i64| x as usize * columns / 3650;
    for c in 0..columns {
        let of = |ps: &[(i64, f64)]| -> Option<(f64, f64)> {
            let vs: Vec<f64> = ps
                .iter()
                .filter(|p| column(p.0) == c)
                .map(|p| p.1)
                .collect();
            (!vs.is_empty()).then(|| {
                (
                    vs.iter().copied().fold(f64::MAX, f64::min),
                    vs.iter().copied().fold(f64::MIN, f64::max),
                )
            })
        };
        assert_eq!(of(&kept), of(&points), "column {c}");
    }
}

#[test]
fn a_ten_year_kpi_chart_draws_a_thinned_line() {
    // Guards the wiring: the actual-vs-target chart of 3,650 daily values writes at most two
    // points a pixel column for its line, not 3,650.
    let mut plan = typical();
    plan.goal.start = Some(d(2016, 1, 1));
    let start = d(2016, 1, 1).to_days();
    plan.measurements = wavy(3650)
        .into_iter()
        .map(|(i, v)| {
            measurement(
                &format!("m{i}"),
                "conv",
                Date::from_days(start + i).unwrap(),
                v.abs(),
            )
        })
        .collect();
    let chart = kpi_progress(&plan, "conv", d(2026, 1, 1), Lang::En).unwrap();
    let longest = chart
        .svg
        .split("<polyline")
        .skip(1)
        .map(|p| {
            p.split("points=\"").nth(1).map_or(0, |pts| {
                pts.split('"')
                    .next()
                    .unwrap_or("")
                    .split(' ')
                    .filter(|s| !s.is_empty())
                    .count()
            })
        })
        .max()
        .unwrap();
    assert!(longest > 100, "the line is drawn: {longest}");
    assert!(longest <= 2 * 720 + 2, "{longest} points");
}
