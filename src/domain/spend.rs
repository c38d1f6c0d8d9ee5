//! The spend log's arithmetic: planned (allocated) against spent and remaining per channel,
//! running totals by date, and totals per month. Sums are rounded to the currency's minor
//! units, like the budget's.

use super::calendar::Month;
use super::money::round_money;
use super::plan::{Channel, Plan, SpendEntry};

/// An amount that counts: finite, else zero (validation reports the others).
fn amount(entry: &SpendEntry) -> f64 {
    if entry.amount.is_finite() {
        entry.amount
    } else {
        0.0
    }
}

pub use super::analysis::ChannelSpend;

/// Per channel: planned, spent and remaining, rounded to the currency's minor units (the
/// sums of [`super::analysis::spend_vs_plan`]). Channels come in the budget's order, then
/// channels with spend but no allocation, in the order they were first logged.
pub fn by_channel(plan: &Plan) -> Vec<ChannelSpend> {
    let code = plan.currency.as_str();
    super::analysis::spend_vs_plan(&plan.budget, &plan.spend)
        .into_iter()
        .map(|c| {
            let (planned, spent) = (round_money(c.planned, code), round_money(c.spent, code));
            ChannelSpend {
                planned,
                spent,
                remaining: round_money(planned - spent, code),
                ..c
            }
        })
        .collect()
}

/// Everything spent, rounded to the currency's minor units.
pub fn total_spent(plan: &Plan) -> f64 {
    round_money(plan.spend.iter().map(amount).sum(), &plan.currency)
}

/// A row of the spend log with its running totals.
#[derive(Clone, Debug, PartialEq)]
pub struct RunningRow {
    /// The entry's id.
    pub id: String,
    /// Everything spent up to and including this entry.
    pub total: f64,
    /// Spent on this entry's channel up to and including it.
    pub channel_total: f64,
}

/// The entries by date (plan order within a day) with running totals overall and per channel.
pub fn running_totals(plan: &Plan) -> Vec<RunningRow> {
    let code = plan.currency.as_str();
    let mut entries: Vec<&SpendEntry> = plan.spend.iter().collect();
    crate::domain::sort::sort_by_key(&mut entries, |e| e.date);
    let mut total = 0.0;
    let mut per_channel: Vec<(&Channel, f64)> = Vec::new();
    entries
        .into_iter()
        .map(|e| {
            total += amount(e);
            let channel_total = match per_channel.iter_mut().find(|(c, _)| *c == &e.channel) {
                Some((_, sum)) => {
                    *sum += amount(e);
                    *sum
                }
                None => {
                    per_channel.push((&e.channel, amount(e)));
                    amount(e)
                }
            };
            RunningRow {
                id: e.id.clone(),
                total: round_money(total, code),
                channel_total: round_money(channel_total, code),
            }
        })
        .collect()
}

/// Spend per calendar month, oldest first; months without spend are left out.
pub fn totals_by_month(plan: &Plan) -> Vec<(Month, f64)> {
    let mut out: Vec<(Month, f64)> = Vec::new();
    for e in &plan.spend {
        let month = Month::of(e.date);
        match out.iter_mut().find(|(m, _)| *m == month) {
            Some((_, sum)) => *sum += amount(e),
            None => out.push((month, amount(e))),
        }
    }
    crate::domain::sort::sort_by_key(&mut out, |(m, _)| (m.year, m.month));
    for (_, sum) in &mut out {
        *sum = round_money(*sum, &plan.currency);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::date::Date;
    use crate::domain::plan::{Allocation, Priority};

    fn d(text: &str) -> Date {
        Date::parse_iso(text).unwrap_or(Date::EPOCH)
    }

    fn entry(id: &str, channel: Channel, date: &str, amount: f64) -> SpendEntry {
        SpendEntry {
            id: id.into(),
            channel,
            date: d(date),
            amount,
            note: String::new(),
        }
    }

    fn plan() -> Plan {
        let mut plan = Plan::blank("p", "P", 0);
        plan.budget.allocations = vec![
            Allocation {
                id: "a1".into(),
                channel: Channel::Sem,
                amount: 10_000_000.0,
                priority: Priority::High,
                expected_return: None,
            },
            Allocation {
                id: "a2".into(),
                channel: Channel::Instagram,
                amount: 5_000_000.0,
                priority: Priority::Medium,
                expected_return: None,
            },
        ];
        plan.spend = vec![
            entry("s1", Channel::Sem, "2026-07-03", 2_500_000.0),
            entry("s2", Channel::Instagram, "2026-06-28", 1_000_000.0),
            entry("s3", Channel::Sem, "2026-06-30", 3_000_000.0),
            entry("s4", Channel::Email, "2026-07-01", 400_000.0),
        ];
        plan
    }

    // Guards: per channel, planned comes from the allocations, spent from the log, remaining
    // is their difference; a channel with spend but no allocation still shows (overspent).
    #[test]
    fn totals_per_channel() {
        let rows = by_channel(&plan());
        let sem = rows.iter().find(|r| r.channel == Channel::Sem);
        assert_eq!(
            sem.map(|r| (r.planned, r.spent, r.remaining)),
            Some((10_000_000.0, 5_500_000.0, 4_500_000.0))
        );
        let email = rows.last();
        assert_eq!(
            email.map(|r| (&r.channel, r.planned, r.remaining)),
            Some((&Channel::Email, 0.0, -400_000.0))
        );
        assert_eq!(rows.len(), 3);
        assert_eq!(total_spent(&plan()), 6_900_000.0);
    }

    // Guards: running totals follow the dates, not the order entries were typed in.
    #[test]
    fn running_totals_follow_dates() {
        let rows = running_totals(&plan());
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["s2", "s3", "s4", "s1"]);
        let totals: Vec<f64> = rows.iter().map(|r| r.total).collect();
        assert_eq!(totals, [1_000_000.0, 4_000_000.0, 4_400_000.0, 6_900_000.0]);
        assert_eq!(rows.last().map(|r| r.channel_total), Some(5_500_000.0));
    }

    // Guards: months group by calendar month, oldest first, and add up to the total; a
    // non-finite amount counts as zero instead of poisoning every sum.
    #[test]
    fn totals_per_month() {
        let mut plan = plan();
        plan.spend
            .push(entry("bad", Channel::Sem, "2026-07-09", f64::NAN));
        let months = totals_by_month(&plan);
        assert_eq!(
            months,
            [
                (
                    Month {
                        year: 2026,
                        month: 6
                    },
                    4_000_000.0
                ),
                (
                    Month {
                        year: 2026,
                        month: 7
                    },
                    2_900_000.0
                ),
            ]
        );
        let sum: f64 = months.iter().map(|(_, s)| s).sum();
        assert_eq!(sum, total_spent(&plan));
    }
}
