//! Days across a chart, ticked where a calendar reader looks: each day for a week or so, each
//! Monday for a few weeks, the first of each month, each quarter, or each year, whichever is
//! the finest that fits; labelled "5 Jan 2026" for days and weeks, "Jan 2026" from months up.
//! Plotters' own integer axis ticked on round day numbers (odd days, no month).

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};

use crate::domain::values::date::Date;
use crate::i18n::format::{format_date, month_name, DateStyle};
use crate::i18n::Lang;

/// How far apart a time axis's ticks are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Tick {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// The days `from..to` (day numbers, as [`Date::to_days`]) as a chart coordinate.
#[derive(Clone, Copy, Debug)]
pub(super) struct Days {
    from: i64,
    to: i64,
    tick: Tick,
}

impl Days {
    /// The days of `range`, ticked by the finest step giving at most `max_ticks` ticks.
    pub(super) fn new(range: std::ops::Range<i64>, max_ticks: usize) -> Self {
        let (from, to) = (range.start, range.end.max(range.start + 1));
        let tick = [Tick::Day, Tick::Week, Tick::Month, Tick::Quarter]
            .into_iter()
            .find(|&t| ticks(from, to, t).len() <= max_ticks.max(2))
            .unwrap_or(Tick::Year);
        Days { from, to, tick }
    }

    /// The step of the ticks.
    pub(super) fn tick(&self) -> Tick {
        self.tick
    }
}

/// A tick's label: the date for days and weeks, the month and year from months up.
pub(super) fn tick_label(day: i64, tick: Tick, lang: Lang) -> String {
    let Some(date) = Date::from_days(day) else {
        return String::new();
    };
    match tick {
        Tick::Day | Tick::Week => format_date(date, lang, DateStyle::Short),
        Tick::Month | Tick::Quarter | Tick::Year => {
            format!("{} {}", month_name(date.month(), lang, true), date.year())
        }
    }
}

/// The ticks from `from` to `to` (both included) at step `tick`.
pub(super) fn ticks(from: i64, to: i64, tick: Tick) -> Vec<i64> {
    // A span of centuries would make millions of days; no chart asks for that.
    if to - from > 365 * 200 {
        return Vec::new();
    }
    let starts = |months: u8| {
        let (Some(first), Some(last)) = (Date::from_days(from), Date::from_days(to)) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let (mut year, mut month) = (first.year(), first.month());
        // The first month start on or after `from`, on the step's months (1, 4, 7, 10 …).
        while year <= 9999
            && ((month - 1) % months != 0
                || Date::new(year, month, 1).is_none_or(|d| d.to_days() < from))
        {
            (year, month) = if month == 12 {
                (year + 1, 1)
            } else {
                (year, month + 1)
            };
        }
        while let Some(d) = Date::new(year, month, 1) {
            if d > last {
                break;
            }
            out.push(d.to_days());
            for _ in 0..months {
                (year, month) = if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, month + 1)
                };
            }
        }
        out
    };
    match tick {
        Tick::Day => (from..=to).collect(),
        Tick::Week => {
            // 1970-01-01 was a Thursday: a Monday is 3 days on from a multiple of 7.
            let monday = from + (7 - (from + 3).rem_euclid(7)) % 7;
            (monday..=to).step_by(7).collect()
        }
        Tick::Month => starts(1),
        Tick::Quarter => starts(3),
        Tick::Year => starts(12),
    }
}

impl Ranged for Days {
    type FormatOption = DefaultFormatting;
    type ValueType = i64;

    fn map(&self, value: &i64, limit: (i32, i32)) -> i32 {
        let share = (*value - self.from) as f64 / (self.to - self.from) as f64;
        limit.0 + (f64::from(limit.1 - limit.0) * share).round() as i32
    }

    fn key_points<H: KeyPointHint>(&self, _hint: H) -> Vec<i64> {
        ticks(self.from, self.to, self.tick)
    }

    fn range(&self) -> std::ops::Range<i64> {
        self.from..self.to
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> i64 {
        Date::new(y, m, day).unwrap().to_days()
    }

    // Guards the calendar's ticks: October 2026 has Mondays on the 5th, 12th, 19th and 26th;
    // a campaign from 5 January to 6 July ticks on the first of February to July; two years
    // tick on quarters; a few days on each day.
    #[test]
    fn ticks_fall_on_calendar_days() {
        assert_eq!(
            ticks(d(2026, 10, 1), d(2026, 10, 31), Tick::Week),
            [
                d(2026, 10, 5),
                d(2026, 10, 12),
                d(2026, 10, 19),
                d(2026, 10, 26)
            ]
        );
        let campaign = Days::new(d(2026, 1, 5)..d(2026, 7, 7), 8);
        assert_eq!(campaign.tick(), Tick::Month);
        assert_eq!(
            ticks(d(2026, 1, 5), d(2026, 7, 7), Tick::Month),
            (2..=7).map(|m| d(2026, m, 1)).collect::<Vec<_>>()
        );
        let month = Days::new(d(2026, 10, 1)..d(2026, 11, 1), 8);
        assert_eq!(month.tick(), Tick::Week);
        let years = Days::new(d(2025, 1, 1)..d(2027, 1, 1), 10);
        assert_eq!(years.tick(), Tick::Quarter);
        assert_eq!(
            ticks(d(2025, 2, 1), d(2025, 12, 31), Tick::Quarter),
            [d(2025, 4, 1), d(2025, 7, 1), d(2025, 10, 1)]
        );
        let days = Days::new(d(2026, 10, 1)..d(2026, 10, 5), 8);
        assert_eq!(days.tick(), Tick::Day);
        assert_eq!(
            ticks(d(2026, 12, 15), d(2027, 2, 10), Tick::Month),
            [d(2027, 1, 1), d(2027, 2, 1)]
        );
    }

    // Guards the labels: the month and year from months up, in the UI's language.
    #[test]
    fn labels_name_the_month_and_year() {
        assert_eq!(tick_label(d(2026, 8, 1), Tick::Month, Lang::Id), "Agu 2026");
        assert_eq!(tick_label(d(2026, 8, 1), Tick::Month, Lang::En), "Aug 2026");
        assert_eq!(
            tick_label(d(2026, 10, 5), Tick::Week, Lang::En),
            "5 Oct 2026"
        );
    }

    // Guards the mapping: the range's ends at the limits, the middle in the middle.
    #[test]
    fn days_map_linearly_onto_the_pixels() {
        let days = Days::new(0..10, 8);
        assert_eq!(days.map(&0, (100, 200)), 100);
        assert_eq!(days.map(&5, (100, 200)), 150);
        assert_eq!(days.map(&10, (100, 200)), 200);
    }
}
