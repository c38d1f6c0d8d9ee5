//! Exports for the bench page (bench/page/): each calls Alur's own code, compiled to wasm with
//! Alur's release profile, so the page times what the app runs.
//!
//! - `chart_prepare(n)` builds a plan with one conversion-rate KPI and `n` daily measurements;
//!   `chart_svg()` draws its actual-vs-target chart with [`alur::charts::kpi_progress`], and
//!   `chart_data()` gives the same series, target, trajectory and projection as JSON so
//!   Chart.js can draw exactly what the SVG shows.
//! - `parse_plan(bytes)` is the plan-file import ([`alur::domain::plan_file::import::parse_plan_file`]).
//! - `import_csv(bytes)` is the platform-export import the collect step runs: decode, then
//!   recognise and read the layout.

use std::cell::RefCell;

use alur::charts::kpi_progress;
use alur::domain::analysis::kpis::{default_aggregation, series, trend};
use alur::domain::values::date::Date;
use alur::domain::model::plan::{Kpi, Measurement, Plan};
use alur::i18n::Lang;
use wasm_bindgen::prelude::*;

thread_local! {
    static CHART_PLAN: RefCell<Option<Plan>> = const { RefCell::new(None) };
}

const KPI: &str = "conv";

fn day(days: i64) -> Result<Date, JsError> {
    Date::from_days(days).ok_or_else(|| JsError::new("date out of range"))
}

fn start() -> Result<Date, JsError> {
    Date::new(2025, 1, 1).ok_or_else(|| JsError::new("bad start date"))
}

/// The chart's plan: a conversion-rate KPI from 1 % to 3 %, due a tenth past the last of `n`
/// daily measurements that wander upwards (deterministic).
fn chart_plan(n: usize) -> Result<Plan, JsError> {
    let first = start()?.to_days();
    let n_days = i64::try_from(n).map_err(|_| JsError::new("too many points"))?;
    let mut plan = Plan::blank("bench", "Bench", 0);
    plan.goal.start = Some(start()?);
    plan.goal.end = Some(day(first + n_days + n_days / 10 + 1)?);
    plan.kpis = vec![Kpi {
        id: KPI.into(),
        name: "Conversion rate".into(),
        unit: "%".into(),
        baseline: Some(1.0),
        target: Some(3.0),
        deadline: plan.goal.end,
        ..Kpi::default()
    }];
    plan.measurements = (0..n)
        .map(|i| {
            let x = i as f64;
            Ok(Measurement {
                id: format!("m{i}"),
                kpi: KPI.into(),
                date: day(first + i64::try_from(i).unwrap_or(0))?,
                end: None,
                value: 1.0 + 1.5 * x / (n.max(2) - 1) as f64 + 0.3 * (x * 0.7).sin(),
                source: String::new(),
                note: String::new(),
                import: String::new(),
            })
        })
        .collect::<Result<_, JsError>>()?;
    Ok(plan)
}

fn with_plan<T>(f: impl FnOnce(&Plan) -> Result<T, JsError>) -> Result<T, JsError> {
    CHART_PLAN.with_borrow(|plan| match plan {
        Some(plan) => f(plan),
        None => Err(JsError::new("call chart_prepare first")),
    })
}

/// The day the chart counts as today: the last measurement's.
fn today(plan: &Plan) -> Result<Date, JsError> {
    plan.measurements
        .last()
        .map(|m| m.date)
        .or(plan.goal.start)
        .ok_or_else(|| JsError::new("no dates"))
}

/// Builds and keeps the chart's plan with `n` points (not timed by the page).
#[wasm_bindgen]
pub fn chart_prepare(n: u32) -> Result<(), JsError> {
    let plan = chart_plan(n as usize)?;
    CHART_PLAN.set(Some(plan));
    Ok(())
}

/// The actual-vs-target chart of the prepared plan, as the analysis page draws it: the SVG.
#[wasm_bindgen]
pub fn chart_svg() -> Result<String, JsError> {
    with_plan(|plan| {
        kpi_progress(plan, KPI, today(plan)?, Lang::En)
            .map(|chart| chart.svg)
            .map_err(|e| JsError::new(&e.to_string()))
    })
}

/// What the chart draws, for Chart.js: `{title, points: [[day, value]…], target,
/// trajectory: [[day, value], [day, value]], projection: [[day, value], [day, value]] | null}`,
/// days counted from 1970-01-01. Computed with the same analysis functions as the chart.
#[wasm_bindgen]
pub fn chart_data() -> Result<String, JsError> {
    with_plan(|plan| {
        let kpi = plan.kpis.first().ok_or_else(|| JsError::new("no KPI"))?;
        let points = series(KPI, &plan.measurements, default_aggregation(kpi));
        let pairs: Vec<(i64, f64)> = points.iter().map(|p| (p.0.to_days(), p.1)).collect();
        let deadline = kpi.deadline.ok_or_else(|| JsError::new("no deadline"))?;
        let begin = plan.goal.start.ok_or_else(|| JsError::new("no start"))?;
        let trajectory = [
            (begin.to_days(), kpi.baseline.unwrap_or(0.0)),
            (deadline.to_days(), kpi.target.unwrap_or(0.0)),
        ];
        let projection = match (points.last(), trend(&points).and_then(|t| t.at(deadline))) {
            (Some(&(last, value)), Some(end)) => {
                serde_json::json!([[last.to_days(), value], [deadline.to_days(), end]])
            }
            _ => serde_json::Value::Null,
        };
        Ok(serde_json::json!({
            "title": format!("Progress of {}", kpi.name),
            "points": pairs,
            "target": kpi.target,
            "trajectory": trajectory,
            "projection": projection,
        })
        .to_string())
    })
}

/// Imports a plan file as the plans page does; returns how many measurements it holds.
#[wasm_bindgen]
pub fn parse_plan(bytes: &[u8]) -> Result<u32, JsError> {
    let plan =
        alur::domain::plan_file::import::parse_plan_file(bytes).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(u32::try_from(plan.measurements.len()).unwrap_or(u32::MAX))
}

/// Imports a platform export as the collect step does (decode, recognise, read); returns the
/// number of values read and of bad rows, as `[rows, bad]`.
#[wasm_bindgen]
pub fn import_csv(bytes: &[u8]) -> Result<Vec<u32>, JsError> {
    use alur::domain::analysis::importers::{decode, import};
    let text = decode(bytes).map_err(|e| JsError::new(&e.to_string()))?;
    let preview = import(&text).map_err(|e| JsError::new(&e.to_string()))?;
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(vec![
        count(preview.rows.len()),
        count(preview.bad_rows.len()),
    ])
}
