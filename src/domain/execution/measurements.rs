//! The measurement log: a KPI's values in date order, and the day its data was last recorded.
//! The log as one table is [`super::log`].

use crate::domain::model::plan::{Measurement, Plan};
use crate::domain::values::date::Date;

/// The measurements of a KPI, oldest first (plan order within a day).
pub fn for_kpi<'a>(plan: &'a Plan, kpi: &str) -> Vec<&'a Measurement> {
    let mut out: Vec<&Measurement> = plan.measurements.iter().filter(|m| m.kpi == kpi).collect();
    crate::domain::values::sort::sort_by_key(&mut out, |m| m.date);
    out
}

/// The latest day a KPI has data for (a period counts up to its end), if any.
pub fn last_measured(plan: &Plan, kpi: &str) -> Option<Date> {
    plan.measurements
        .iter()
        .filter(|m| m.kpi == kpi)
        .map(|m| m.end.map_or(m.date, |end| end.max(m.date)))
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse_iso(text).unwrap_or(Date::EPOCH)
    }

    fn m(id: &str, kpi: &str, date: &str, end: Option<&str>) -> Measurement {
        Measurement {
            id: id.into(),
            kpi: kpi.into(),
            date: d(date),
            end: end.map(d),
            value: 1.0,
            source: String::new(),
            note: String::new(),
            import: String::new(),
        }
    }

    fn plan() -> Plan {
        let mut plan = Plan::blank("p", "P", 0);
        plan.measurements = vec![
            m("b", "k1", "2026-06-10", None),
            m("a", "k1", "2026-06-01", Some("2026-06-30")),
            m("c", "k2", "2026-06-05", None),
        ];
        plan
    }

    // Guards: a KPI's table lists only its own values, oldest first.
    #[test]
    fn a_kpi_lists_its_values_by_date() {
        let plan = plan();
        let ids: Vec<&str> = for_kpi(&plan, "k1").iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert!(for_kpi(&plan, "none").is_empty());
    }

    // Guards: a value over a period counts as recent up to the period's end.
    #[test]
    fn last_measured_counts_period_ends() {
        let plan = plan();
        assert_eq!(last_measured(&plan, "k1"), Some(d("2026-06-30")));
        assert_eq!(last_measured(&plan, "k2"), Some(d("2026-06-05")));
        assert_eq!(last_measured(&plan, "k3"), None);
    }
}
