//! The spend log's arithmetic: planned (allocated) against spent and remaining per channel,
//! running totals by date, and totals per month. Sums are rounded to the currency's minor
//! units, like the budget's.
//!
//! What counts as spent on a channel: the spend log's entries for it; for a channel the log
//! has no entry for, the cost its ad platform reported in an import (Google Ads → SEM, Meta →
//! Facebook or Instagram, Mailchimp and Klaviyo → email). Never both, so no money counts
//! twice; [`ChannelSpend::from`] says which it is.

use crate::domain::execution::calendar::Month;
use crate::domain::model::plan::{Channel, Plan, SpendEntry};
use crate::domain::values::date::Date;
use crate::domain::values::money::round_money;

/// Where a channel's spent figure comes from.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum SpendFrom {
    /// Nothing was spent yet.
    #[default]
    Nothing,
    /// The spend log; `unused_import` is cost an import reported for the channel that is not
    /// counted, since the log covers it (0 when there is none).
    Log {
        /// The imported cost left out, in the plan's currency.
        unused_import: f64,
    },
    /// The cost reported in imports from these sources (the log has no entry).
    Import(Vec<String>),
}

/// The channel an import source's cost is spent on, for `plan`: Google Ads is search (SEM);
/// Meta's Ads Manager is Facebook, or Instagram when the budget has Instagram and no Facebook;
/// email platforms are email. `None` for sources that report no ad spend of their own (GA4's
/// cost is the ad platforms' cost again) or an unknown CSV.
pub fn source_channel(plan: &Plan, source: &str) -> Option<Channel> {
    match source {
        "Google Ads" => Some(Channel::Sem),
        "Meta Ads Manager" => {
            let has = |c: Channel| plan.budget.allocations.iter().any(|a| a.channel == c);
            if has(Channel::Instagram) && !has(Channel::Facebook) {
                Some(Channel::Instagram)
            } else {
                Some(Channel::Facebook)
            }
        }
        "Mailchimp" | "Klaviyo" => Some(Channel::Email),
        _ => None,
    }
}

/// The imported cost per point: (channel, source, first day, amount).
fn imported_cost(plan: &Plan) -> Vec<(Channel, &str, Date, f64)> {
    plan.facts
        .iter()
        .filter(|s| s.metric == "cost")
        .filter_map(|s| Some((s, source_channel(plan, &s.source)?)))
        .flat_map(|(s, channel)| {
            s.points()
                .filter(|p| p.2.is_finite())
                .map(move |(start, _, value)| (channel.clone(), s.source.as_str(), start, value))
        })
        .collect()
}

/// The channels the spend log has an entry for, once each.
fn logged_channels(plan: &Plan) -> Vec<&Channel> {
    let mut out: Vec<&Channel> = Vec::new();
    for e in &plan.spend {
        if !out.contains(&&e.channel) {
            out.push(&e.channel);
        }
    }
    out
}

/// What counts as spent: the spend log's entries, then, for each channel the log has no entry
/// for, one entry per imported cost figure (dated at the figure's first day, noted with its
/// source).
pub fn counted(plan: &Plan) -> Vec<SpendEntry> {
    counted_with(plan, imported_cost(plan))
}

/// [`counted`], given the plan's imported cost.
fn counted_with(plan: &Plan, imports: Vec<(Channel, &str, Date, f64)>) -> Vec<SpendEntry> {
    let logged = logged_channels(plan);
    let mut out = plan.spend.clone();
    for (i, (channel, source, date, amount)) in imports.into_iter().enumerate() {
        if logged.contains(&&channel) {
            continue;
        }
        out.push(SpendEntry {
            id: format!("import-{i}"),
            channel,
            date,
            amount,
            note: source.to_string(),
        });
    }
    out
}

/// An amount that counts: finite, else zero (validation reports the others).
fn amount(entry: &SpendEntry) -> f64 {
    if entry.amount.is_finite() {
        entry.amount
    } else {
        0.0
    }
}

pub use crate::domain::analysis::kpis::ChannelSpend;

/// Per channel: planned, spent and remaining, rounded to the currency's minor units (the
/// sums of [`crate::domain::analysis::kpis::spend_vs_plan`]). Channels come in the budget's order, then
/// channels with spend but no allocation, in the order they were first logged.
pub fn by_channel(plan: &Plan) -> Vec<ChannelSpend> {
    let code = plan.currency.as_str();
    let imports = imported_cost(plan);
    let logged = logged_channels(plan);
    let spent = counted_with(plan, imports.clone());
    crate::domain::analysis::kpis::spend_vs_plan(&plan.budget, &spent)
        .into_iter()
        .map(|c| {
            let (planned, spent) = (round_money(c.planned, code), round_money(c.spent, code));
            let mine = imports.iter().filter(|i| i.0 == c.channel);
            let from = if logged.contains(&&c.channel) {
                SpendFrom::Log {
                    unused_import: round_money(mine.map(|i| i.3).sum(), code),
                }
            } else if imports.iter().any(|i| i.0 == c.channel) {
                let mut sources: Vec<String> = Vec::new();
                for (_, source, _, _) in mine {
                    if !sources.iter().any(|s| s == source) {
                        sources.push(source.to_string());
                    }
                }
                SpendFrom::Import(sources)
            } else {
                SpendFrom::Nothing
            };
            ChannelSpend {
                planned,
                spent,
                remaining: round_money(planned - spent, code),
                from,
                ..c
            }
        })
        .collect()
}

/// The total row of [`by_channel`]: planned, spent and remaining added up, and the share of
/// the planned amount spent (`None` when nothing was planned), in `code`'s minor units.
pub fn channels_total(rows: &[ChannelSpend], code: &str) -> ChannelTotal {
    let planned = round_money(rows.iter().map(|r| r.planned).sum(), code);
    let spent = round_money(rows.iter().map(|r| r.spent).sum(), code);
    ChannelTotal {
        planned,
        spent,
        remaining: round_money(planned - spent, code),
        used_percent: (planned > 0.0).then(|| spent / planned * 100.0),
    }
}

/// Spend against plan over every channel.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChannelTotal {
    /// Allocated.
    pub planned: f64,
    /// Spent.
    pub spent: f64,
    /// `planned − spent`.
    pub remaining: f64,
    /// `spent / planned × 100`.
    pub used_percent: Option<f64>,
}

/// Everything spent (see [`counted`]), rounded to the currency's minor units.
pub fn total_spent(plan: &Plan) -> f64 {
    round_money(counted(plan).iter().map(amount).sum(), &plan.currency)
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
    crate::domain::values::sort::sort_by_key(&mut entries, |e| e.date);
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

/// Spend per calendar month (see [`counted`]), oldest first; months without spend are left
/// out.
pub fn totals_by_month(plan: &Plan) -> Vec<(Month, f64)> {
    let mut out: Vec<(Month, f64)> = Vec::new();
    for e in &counted(plan) {
        let month = Month::of(e.date);
        match out.iter_mut().find(|(m, _)| *m == month) {
            Some((_, sum)) => *sum += amount(e),
            None => out.push((month, amount(e))),
        }
    }
    crate::domain::values::sort::sort_by_key(&mut out, |(m, _)| (m.year, m.month));
    for (_, sum) in &mut out {
        *sum = round_money(*sum, &plan.currency);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::plan::{Allocation, Priority};
    use crate::domain::values::date::Date;

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
        // The total row: 15,000,000 planned, 6,900,000 spent, 8,100,000 left, 46% used.
        let sum = channels_total(&rows, "IDR");
        assert_eq!(
            (sum.planned, sum.spent, sum.remaining),
            (15_000_000.0, 6_900_000.0, 8_100_000.0)
        );
        assert_eq!(sum.used_percent, Some(46.0));
    }

    /// A series of daily cost from `source`, from `start`, one value a day.
    fn cost(source: &str, start: &str, values: Vec<f64>) -> crate::domain::model::plan::FactSeries {
        crate::domain::model::plan::FactSeries {
            id: format!("{source}-{start}"),
            metric: "cost".into(),
            source: source.into(),
            labels: Default::default(),
            import: "i".into(),
            start: d(start),
            steps: vec![1; values.len().saturating_sub(1)],
            span: 1,
            spans: Vec::new(),
            values,
        }
    }

    // Guards: issue #17: imported cost counts for a channel the spend log has no entry for,
    // and never on top of the log. By hand: the log has SEM 5,500,000, Instagram 1,000,000,
    // email 400,000. Google Ads reported 3 days × 1,200,000 = 3,600,000 for SEM: not counted
    // (the log covers SEM) and said so. Meta reported 2 days of 750,000 + 250,000: the budget
    // has Instagram and no Facebook, so it is Instagram's, which the log also covers. With
    // the Instagram log entry gone, Instagram's spend is Meta's 1,000,000, from "Meta Ads
    // Manager", and the total is 5,500,000 + 400,000 + 1,000,000 = 6,900,000.
    #[test]
    fn imported_cost_counts_where_the_log_has_nothing() {
        let mut plan = plan();
        plan.facts = vec![
            cost("Google Ads", "2026-07-01", vec![1_200_000.0; 3]),
            cost("Meta Ads Manager", "2026-07-01", vec![750_000.0, 250_000.0]),
            cost("Google Analytics 4", "2026-07-01", vec![9_999_999.0]),
        ];
        let rows = by_channel(&plan);
        let sem = rows.iter().find(|r| r.channel == Channel::Sem).unwrap();
        assert_eq!(sem.spent, 5_500_000.0);
        assert_eq!(
            sem.from,
            SpendFrom::Log {
                unused_import: 3_600_000.0
            }
        );
        assert_eq!(total_spent(&plan), 6_900_000.0);

        plan.spend.retain(|e| e.channel != Channel::Instagram);
        let rows = by_channel(&plan);
        let instagram = rows
            .iter()
            .find(|r| r.channel == Channel::Instagram)
            .unwrap();
        assert_eq!(
            (instagram.planned, instagram.spent, instagram.remaining),
            (5_000_000.0, 1_000_000.0, 4_000_000.0)
        );
        assert_eq!(
            instagram.from,
            SpendFrom::Import(vec!["Meta Ads Manager".into()])
        );
        // GA4's cost is the ad platforms' cost again: never a channel's spend.
        assert_eq!(rows.len(), 3);
        assert_eq!(total_spent(&plan), 6_900_000.0);
        // The month view adds the same figures: June 3,000,000 (SEM), July 2,500,000 + 400,000
        // + 1,000,000 = 3,900,000.
        let months: Vec<f64> = totals_by_month(&plan).iter().map(|m| m.1).collect();
        assert_eq!(months, [3_000_000.0, 3_900_000.0]);
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
