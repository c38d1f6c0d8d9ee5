//! Budget arithmetic: what is allocated, what is left, each channel's share, the amount for a
//! share, and return on investment. Money is compared and rounded in the currency's minor
//! units, so a hundred allocations of 1% balance a total exactly despite binary fractions.

use crate::domain::model::plan::{Allocation, Budget, Channel};
use crate::domain::values::money::round_money;

/// The sum of the allocations, rounded to `code`'s minor units. Amounts that are not finite
/// count as zero (validation reports them).
pub fn allocated(budget: &Budget, code: &str) -> f64 {
    let sum: f64 = budget
        .allocations
        .iter()
        .map(|a| a.amount)
        .filter(|a| a.is_finite())
        .sum();
    round_money(sum, code)
}

/// The total minus the allocations: positive when money is left, negative when over.
pub fn remaining(budget: &Budget, code: &str) -> f64 {
    let total = if budget.total.is_finite() {
        budget.total
    } else {
        0.0
    };
    round_money(total - allocated(budget, code), code)
}

/// How the allocations compare with the total.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Balance {
    /// No total is set yet (zero or less).
    NoTotal,
    /// The allocations add up to the total.
    Balanced,
    /// The allocations exceed the total by this much.
    Over(f64),
    /// This much of the total is not allocated yet.
    Under(f64),
}

/// Whether the allocations match the total, to the currency's minor unit.
pub fn balance(budget: &Budget, code: &str) -> Balance {
    if !(budget.total.is_finite() && budget.total > 0.0) {
        return Balance::NoTotal;
    }
    let left = remaining(budget, code);
    if left > 0.0 {
        Balance::Under(left)
    } else if left < 0.0 {
        Balance::Over(-left)
    } else {
        Balance::Balanced
    }
}

/// `amount` as a percentage of `total`; `None` when there is no positive total.
pub fn share_percent(amount: f64, total: f64) -> Option<f64> {
    (total.is_finite() && total > 0.0 && amount.is_finite()).then(|| amount / total * 100.0)
}

/// The amount that is `percent` % of `total`, rounded to `code`'s minor units; `None` when
/// there is no positive total to take a share of.
pub fn amount_for_percent(percent: f64, total: f64, code: &str) -> Option<f64> {
    (total.is_finite() && total > 0.0 && percent.is_finite())
        .then(|| round_money(total * percent / 100.0, code))
}

/// What the budget allocates to `channel` (its allocations added up, rounded to the currency's
/// minor units) and that amount's share of the budget ([`share_base`]), in percent (`None`
/// when nothing is budgeted).
pub fn channel_planned(budget: &Budget, channel: &Channel, code: &str) -> (f64, Option<f64>) {
    let planned = round_money(
        budget
            .allocations
            .iter()
            .filter(|a| &a.channel == channel && a.amount.is_finite())
            .map(|a| a.amount)
            .sum(),
        code,
    );
    (planned, share_percent(planned, share_base(budget, code)))
}

/// Return on investment in percent: `(expected return − cost) / cost × 100`; `None` without
/// a return or with no cost.
pub fn roi_percent(expected_return: Option<f64>, cost: f64) -> Option<f64> {
    let gain = expected_return.filter(|g| g.is_finite())?;
    (cost.is_finite() && cost > 0.0).then(|| (gain - cost) / cost * 100.0)
}

/// The ROI of one allocation.
pub fn allocation_roi(allocation: &Allocation) -> Option<f64> {
    roi_percent(allocation.expected_return, allocation.amount)
}

/// The ROI of the allocations that have an expected return, taken together, and which those
/// are: an overall ROI that leaves some allocations out says so.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OverallRoi {
    /// The ROI in percent; `None` when no allocation with a cost has an expected return.
    pub percent: Option<f64>,
    /// How many allocations it covers (those with an expected return).
    pub covered: usize,
    /// How many allocations there are.
    pub of: usize,
    /// What the covered allocations cost together.
    pub cost: f64,
}

/// The ROI of every allocation that has an expected return, taken together.
pub fn overall_roi(budget: &Budget) -> OverallRoi {
    let with_return: Vec<&Allocation> = budget
        .allocations
        .iter()
        .filter(|a| a.expected_return.is_some_and(f64::is_finite) && a.amount.is_finite())
        .collect();
    let (gain, cost) = with_return.iter().fold((0.0, 0.0), |(g, c), a| {
        (g + a.expected_return.unwrap_or(0.0), c + a.amount)
    });
    OverallRoi {
        percent: roi_percent(Some(gain), cost),
        covered: with_return.len(),
        of: budget.allocations.len(),
        cost,
    }
}

/// What each share of the budget is a share of: its total, or, without a total, what is
/// allocated. The form, the chart and the report all divide by this, so a row has one share.
pub fn share_base(budget: &Budget, code: &str) -> f64 {
    if budget.total.is_finite() && budget.total > 0.0 {
        budget.total
    } else {
        allocated(budget, code)
    }
}

/// The part of the total not allocated yet, when there is one: the line that makes the shares
/// add up to 100 %.
pub fn unallocated(budget: &Budget, code: &str) -> Option<f64> {
    let left = remaining(budget, code);
    (budget.total.is_finite() && budget.total > 0.0 && left > 0.0).then_some(left)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::plan::{Channel, Priority};

    fn alloc(amount: f64, expected_return: Option<f64>) -> Allocation {
        Allocation {
            id: format!("a{amount}"),
            channel: Channel::Seo,
            amount,
            priority: Priority::Medium,
            expected_return,
        }
    }

    fn budget(total: f64, amounts: &[f64]) -> Budget {
        Budget {
            total,
            allocations: amounts.iter().map(|&a| alloc(a, None)).collect(),
        }
    }

    // Guards: IDR has no cents, so a third of Rp 1.000.000 is Rp 333.333, not 333.333,33.
    #[test]
    fn amounts_round_to_the_currency_minor_units() {
        assert_eq!(
            amount_for_percent(100.0 / 3.0, 1_000_000.0, "IDR"),
            Some(333_333.0)
        );
        assert_eq!(amount_for_percent(12.345, 1000.0, "USD"), Some(123.45));
        assert_eq!(amount_for_percent(0.5, 1001.0, "IDR"), Some(5.0));
    }

    // Guards: a zero total must not divide by zero nor claim "balanced".
    #[test]
    fn zero_total_has_no_shares_and_no_balance() {
        let b = budget(0.0, &[500.0]);
        assert_eq!(balance(&b, "IDR"), Balance::NoTotal);
        assert_eq!(share_percent(500.0, 0.0), None);
        assert_eq!(amount_for_percent(50.0, 0.0, "IDR"), None);
        assert_eq!(remaining(&b, "IDR"), -500.0);
    }

    #[test]
    fn one_channel_takes_all_or_part_of_the_total() {
        let all = budget(150_000_000.0, &[150_000_000.0]);
        assert_eq!(balance(&all, "IDR"), Balance::Balanced);
        assert_eq!(share_percent(150_000_000.0, 150_000_000.0), Some(100.0));
        let part = budget(150_000_000.0, &[100_000_000.0]);
        assert_eq!(balance(&part, "IDR"), Balance::Under(50_000_000.0));
        let over = budget(1_000_000.0, &[1_500_000.0]);
        assert_eq!(balance(&over, "IDR"), Balance::Over(500_000.0));
    }

    // Guards: 100 × $0.10 sums to 10.000000000000002 in binary; it must still balance $10.
    #[test]
    fn a_hundred_channels_balance_despite_binary_fractions() {
        let b = budget(10.0, &[0.1; 100]);
        assert_eq!(allocated(&b, "USD"), 10.0);
        assert_eq!(balance(&b, "USD"), Balance::Balanced);
        let shares: Vec<f64> = (0..100)
            .filter_map(|_| amount_for_percent(1.0, 1_234_567.0, "IDR"))
            .collect();
        assert_eq!(shares.len(), 100);
        // 1% of Rp 1.234.567 rounds to Rp 12.346; a hundred of them overshoot by Rp 33.
        let rounded = budget(1_234_567.0, &shares);
        assert_eq!(balance(&rounded, "IDR"), Balance::Over(33.0));
    }

    #[test]
    fn share_and_amount_are_inverse() {
        let total = 150_000_000.0;
        let share = share_percent(60_000_000.0, total);
        assert_eq!(share, Some(40.0));
        assert_eq!(
            amount_for_percent(share.unwrap_or_default(), total, "IDR"),
            Some(60_000_000.0)
        );
    }

    // Hand-computed: Rp 60 juta returning Rp 180 juta is ROI 200%; together with Rp 75 juta
    // returning Rp 240 juta, (420 − 135) / 135 = 211.1%.
    #[test]
    fn roi_per_allocation_and_overall() {
        assert_eq!(roi_percent(Some(180.0), 60.0), Some(200.0));
        assert_eq!(roi_percent(Some(30.0), 60.0), Some(-50.0));
        assert_eq!(roi_percent(None, 60.0), None);
        assert_eq!(roi_percent(Some(10.0), 0.0), None);
        let b = Budget {
            total: 150.0,
            allocations: vec![
                alloc(60.0, Some(180.0)),
                alloc(75.0, Some(240.0)),
                alloc(15.0, None),
            ],
        };
        assert_eq!(allocation_roi(&b.allocations[0]), Some(200.0));
        let overall = overall_roi(&b);
        assert!((overall.percent.unwrap_or_default() - 285.0 / 135.0 * 100.0).abs() < 1e-9);
        // It covers two of the three allocations, Rp 135 of the Rp 150 allocated.
        assert_eq!((overall.covered, overall.of, overall.cost), (2, 3, 135.0));
        assert_eq!(overall_roi(&budget(10.0, &[5.0])).percent, None);
    }

    // Guards: one base for every share: the total (Rp 60 of 150 is 40 %, with Rp 15 of it
    // unallocated), or what is allocated when there is no total (60 of 135 is 44.4 %).
    #[test]
    fn shares_have_one_base_and_the_rest_is_unallocated() {
        let mut b = budget(150.0, &[60.0, 75.0]);
        assert_eq!(share_base(&b, "IDR"), 150.0);
        assert_eq!(share_percent(60.0, share_base(&b, "IDR")), Some(40.0));
        assert_eq!(unallocated(&b, "IDR"), Some(15.0));
        b.total = 0.0;
        assert_eq!(share_base(&b, "IDR"), 135.0);
        assert_eq!(unallocated(&b, "IDR"), None);
        b.total = 100.0;
        assert_eq!(unallocated(&b, "IDR"), None, "over-allocated: nothing left");
    }

    // Guards: the report's planned amount per channel is its allocations added up (two SEM
    // allocations of Rp 3,000,000 and Rp 1,500,000: Rp 4,500,000), and its share of a
    // Rp 10,000,000 budget 45%; a channel without allocations plans nothing; without a total,
    // the share is of the Rp 5,000,000 allocated: 90%; with nothing at all, no share.
    #[test]
    fn a_channels_planned_amount_and_share() {
        let allocation = |id: &str, channel: Channel, amount: f64| Allocation {
            id: id.into(),
            channel,
            amount,
            priority: crate::domain::model::plan::Priority::High,
            expected_return: None,
        };
        let mut budget = Budget {
            total: 10_000_000.0,
            allocations: vec![
                allocation("a", Channel::Sem, 3_000_000.0),
                allocation("b", Channel::Email, 500_000.0),
                allocation("c", Channel::Sem, 1_500_000.0),
            ],
        };
        assert_eq!(
            channel_planned(&budget, &Channel::Sem, "IDR"),
            (4_500_000.0, Some(45.0))
        );
        assert_eq!(
            channel_planned(&budget, &Channel::Seo, "IDR"),
            (0.0, Some(0.0))
        );
        budget.total = 0.0;
        assert_eq!(
            channel_planned(&budget, &Channel::Sem, "IDR"),
            (4_500_000.0, Some(90.0))
        );
        budget.allocations.clear();
        assert_eq!(channel_planned(&budget, &Channel::Sem, "IDR"), (0.0, None));
    }
}
