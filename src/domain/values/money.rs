//! Money in a plan: every amount is kept in the plan currency's minor units (whole rupiah,
//! cents of a dollar). This is the one place that knows how many decimals a currency has and
//! rounds amounts to them: typed amounts ([`crate::i18n::format::parse_money`]), imported plans
//! and a change of the plan's currency all go through it.

use crate::domain::model::plan::Plan;
use crate::domain::values::currency::currency;
use crate::domain::values::decimal::round_to;

/// Decimals of amounts in a currency Alur does not know (most currencies have two).
pub const UNKNOWN_CURRENCY_DECIMALS: usize = 2;

/// Digits after the decimal point of amounts in `code` (0 for IDR, 2 for USD).
pub fn minor_units(code: &str) -> usize {
    currency(code).map_or(UNKNOWN_CURRENCY_DECIMALS, |c| usize::from(c.decimals))
}

/// `amount` rounded to `code`'s minor units, halves away from zero (Rp 1.500,5 → Rp 1.501;
/// $0.005 → $0.01). NaN and infinities come back unchanged (validation reports them).
pub fn round_money(amount: f64, code: &str) -> f64 {
    round_to(amount, minor_units(code))
}

/// Rounds every amount of the plan to its currency's minor units: the budget, each
/// allocation and its expected return, and each spend entry. Returns how many changed.
pub fn round_amounts(plan: &mut Plan) -> usize {
    let code = plan.currency.clone();
    let mut changed = 0;
    let mut round = |amount: &mut f64| {
        let rounded = round_money(*amount, &code);
        // NaN stays NaN (and is not a change).
        if rounded != *amount && !amount.is_nan() {
            *amount = rounded;
            changed += 1;
        }
    };
    round(&mut plan.budget.total);
    for a in &mut plan.budget.allocations {
        round(&mut a.amount);
        if let Some(r) = &mut a.expected_return {
            round(r);
        }
    }
    for s in &mut plan.spend {
        round(&mut s.amount);
    }
    changed
}

/// Changes the plan's currency. Amounts are not converted (the user says what the numbers are
/// in, not an exchange rate), but they are re-rounded to the new currency's minor units, so
/// what is shown adds up to what is shown as the total; and KPIs (and the goal) measured in
/// the old currency are now measured in the new one.
pub fn change_currency(plan: &mut Plan, code: &str) {
    let old = std::mem::replace(&mut plan.currency, code.trim().to_ascii_uppercase());
    let in_old =
        |unit: &str| !old.trim().is_empty() && unit.trim().eq_ignore_ascii_case(old.trim());
    for kpi in &mut plan.kpis {
        if in_old(&kpi.unit) {
            kpi.unit = plan.currency.clone();
        }
    }
    if in_old(&plan.goal.unit) {
        plan.goal.unit = plan.currency.clone();
    }
    round_amounts(plan);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::plan::{Allocation, Channel, Kpi, Priority};
    use crate::domain::planning::budget::allocated;

    fn plan_in(code: &str) -> Plan {
        let mut plan: Plan = serde_json::from_value(serde_json::json!({
            "schema_version": crate::domain::model::plan::SCHEMA_VERSION,
            "id": "p",
            "name": "Plan",
            "currency": code,
        }))
        .unwrap();
        plan.budget.total = 31.5;
        plan.budget.allocations = [Channel::Seo, Channel::Sem, Channel::Email]
            .into_iter()
            .enumerate()
            .map(|(i, channel)| Allocation {
                id: format!("a{i}"),
                channel,
                amount: 10.5,
                priority: Priority::default(),
                expected_return: None,
            })
            .collect();
        plan
    }

    // Guards: amounts with fractions of a rupiah or of a cent, 0.005 rounding up and -0.004
    // to a positive zero, and an unknown code rounding like most currencies.
    #[test]
    fn rounds_to_the_currency_minor_units() {
        assert_eq!(round_money(1_500_000.5, "IDR"), 1_500_001.0);
        assert_eq!(round_money(-1_500_000.5, "IDR"), -1_500_001.0);
        assert_eq!(round_money(1e12 + 0.4, "IDR"), 1e12);
        assert_eq!(round_money(2.675, "USD"), 2.68);
        assert_eq!(round_money(0.005, "USD"), 0.01);
        assert_eq!(round_money(1.005, "USD"), 1.01);
        assert!(round_money(-0.004, "usd").is_sign_positive());
        assert_eq!(minor_units("JPY"), 0);
        assert_eq!(minor_units("XYZ"), 2);
        assert!(round_money(f64::NAN, "IDR").is_nan());
    }

    // Guards: issue #16: three allocations of 10.50 USD switched to IDR showed Rp 11 each and a
    // total of Rp 32. By hand: 10.50 rounds to 11 (halves away from zero), 3 × 11 = 33, and
    // the total 31.50 becomes 32: what is shown now adds up.
    #[test]
    fn a_currency_change_rerounds_amounts_so_the_sum_is_what_is_shown() {
        let mut plan = plan_in("USD");
        plan.kpis.push(Kpi {
            id: "cpa".into(),
            name: "CPA".into(),
            unit: "USD".into(),
            ..Kpi::default()
        });
        plan.kpis.push(Kpi {
            id: "ctr".into(),
            name: "CTR".into(),
            unit: "%".into(),
            ..Kpi::default()
        });
        change_currency(&mut plan, "IDR");
        assert_eq!(plan.currency, "IDR");
        let amounts: Vec<f64> = plan.budget.allocations.iter().map(|a| a.amount).collect();
        assert_eq!(amounts, [11.0, 11.0, 11.0]);
        assert_eq!(allocated(&plan.budget, &plan.currency), 33.0);
        assert_eq!(plan.budget.total, 32.0);
        // The money KPI follows the currency; the percentage does not.
        assert_eq!(plan.kpis[0].unit, "IDR");
        assert_eq!(plan.kpis[1].unit, "%");
    }

    // Guards: issue #16: a plan file's amounts were stored as written (10.505 USD), unlike
    // typed ones. By hand: 10.505 → 10.51, 1,500,000.6 IDR → 1,500,001.
    #[test]
    fn an_imported_plan_file_is_rounded_to_minor_units() {
        let file = |code: &str, amount: &str| {
            format!(
                r#"{{"schema_version":{},"id":"p","name":"P","currency":"{code}",
                "budget":{{"total":{amount},"allocations":[{{"id":"a","channel":"seo","amount":{amount}}}]}}}}"#,
                crate::domain::model::plan::SCHEMA_VERSION
            )
        };
        let usd =
            crate::domain::plan_file::import::parse_plan_file(file("USD", "10.505").as_bytes())
                .unwrap();
        assert_eq!(usd.budget.allocations[0].amount, 10.51);
        let idr =
            crate::domain::plan_file::import::parse_plan_file(file("IDR", "1500000.6").as_bytes())
                .unwrap();
        assert_eq!(idr.budget.total, 1_500_001.0);
    }

    // Guards: an imported plan with sub-cent amounts is stored in cents.
    #[test]
    fn round_amounts_counts_what_it_changed() {
        let mut plan = plan_in("USD");
        plan.budget.allocations[0].amount = 10.505;
        plan.budget.allocations[1].expected_return = Some(99.999);
        assert_eq!(round_amounts(&mut plan), 2);
        assert_eq!(plan.budget.allocations[0].amount, 10.51);
        assert_eq!(plan.budget.allocations[1].expected_return, Some(100.0));
        assert_eq!(round_amounts(&mut plan), 0);
    }
}
