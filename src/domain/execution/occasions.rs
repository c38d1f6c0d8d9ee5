//! The dates that drive campaigns in Indonesia, as markers on the content calendar: the
//! e-commerce "twin dates" (9.9, 10.10, 11.11 and Harbolnas 12.12), Hari Kemerdekaan (17
//! August), the payday window (tanggal gajian, the 25th to the 1st), and the lunar-calendar
//! dates that move every year: Imlek, the start of Ramadan and Idul Fitri.
//!
//! The lunar dates come from the government's published calendar where it exists: the joint
//! decree of the Ministers of Religious Affairs, Manpower and Administrative Reform (SKB 3
//! Menteri) on national holidays and collective leave, and the Ministry of Religious Affairs'
//! isbat session for the start of Ramadan. Years the government has not published yet carry
//! astronomical estimates (a lunar year of 354 days after the last published date, Imlek from
//! the Chinese calendar), flagged as estimates to be checked against the decree when it is out.

use crate::domain::values::date::Date;

/// A kind of occasion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Occasion {
    /// An e-commerce twin-date sale; the month (9 to 12; 12.12 is Harbolnas itself).
    TwinDate(u8),
    /// Hari Kemerdekaan, 17 August.
    Independence,
    /// The payday window, the 25th of a month to the 1st of the next.
    Payday,
    /// Chinese New Year.
    Imlek,
    /// The month of Ramadan, its first day to the day before Idul Fitri.
    Ramadan,
    /// Idul Fitri (Lebaran), the national holiday's days.
    IdulFitri,
}

impl Occasion {
    /// A stable lowercase name, for CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Occasion::TwinDate(_) => "twin-date",
            Occasion::Independence => "independence",
            Occasion::Payday => "payday",
            Occasion::Imlek => "imlek",
            Occasion::Ramadan => "ramadan",
            Occasion::IdulFitri => "idul-fitri",
        }
    }
}

/// Where a lunar date comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// SKB 3 Menteri on national holidays and collective leave of that year.
    Decree,
    /// The Ministry of Religious Affairs' isbat session.
    Isbat,
    /// An astronomical estimate, to be checked against the decree.
    Estimate,
}

/// A lunar-calendar date of one year: its occasion, days and source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LunarDate {
    /// Imlek, Ramadan or Idul Fitri.
    pub occasion: Occasion,
    /// The first day.
    pub first: (i32, u8, u8),
    /// The last day.
    pub last: (i32, u8, u8),
    /// Where the date comes from.
    pub source: Source,
}

const fn lunar(
    occasion: Occasion,
    first: (i32, u8, u8),
    last: (i32, u8, u8),
    source: Source,
) -> LunarDate {
    LunarDate {
        occasion,
        first,
        last,
        source,
    }
}

/// The lunar-calendar dates of the coming years. 2026: SKB 3 Menteri on the national holidays
/// of 2026 (Imlek 17 February, Idul Fitri 1447 H 21–22 March) and the isbat session of 17
/// February 2026 (1 Ramadan 1447 H on 19 February). 2027–2028: estimates, 354 days per lunar
/// year after 2026's dates (±1 day until the decree and the isbat session), and Imlek from the
/// Chinese calendar.
pub const LUNAR_DATES: [LunarDate; 9] = [
    lunar(
        Occasion::Imlek,
        (2026, 2, 17),
        (2026, 2, 17),
        Source::Decree,
    ),
    lunar(
        Occasion::Ramadan,
        (2026, 2, 19),
        (2026, 3, 20),
        Source::Isbat,
    ),
    lunar(
        Occasion::IdulFitri,
        (2026, 3, 21),
        (2026, 3, 22),
        Source::Decree,
    ),
    lunar(
        Occasion::Imlek,
        (2027, 2, 6),
        (2027, 2, 6),
        Source::Estimate,
    ),
    lunar(
        Occasion::Ramadan,
        (2027, 2, 8),
        (2027, 3, 9),
        Source::Estimate,
    ),
    lunar(
        Occasion::IdulFitri,
        (2027, 3, 10),
        (2027, 3, 11),
        Source::Estimate,
    ),
    lunar(
        Occasion::Imlek,
        (2028, 1, 26),
        (2028, 1, 26),
        Source::Estimate,
    ),
    lunar(
        Occasion::Ramadan,
        (2028, 1, 28),
        (2028, 2, 26),
        Source::Estimate,
    ),
    lunar(
        Occasion::IdulFitri,
        (2028, 2, 27),
        (2028, 2, 28),
        Source::Estimate,
    ),
];

/// One marker on the calendar: an occasion over some days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marker {
    /// What it is.
    pub occasion: Occasion,
    /// Its first day.
    pub first: Date,
    /// Its last day.
    pub last: Date,
    /// Where its date comes from (fixed dates are the calendar's own).
    pub source: Option<Source>,
}

fn day((y, m, d): (i32, u8, u8)) -> Option<Date> {
    Date::new(y, m, d)
}

/// The markers of every occasion that touches the days `from` to `to`, by first day.
pub fn markers(from: Date, to: Date) -> Vec<Marker> {
    let mut out = Vec::new();
    // From the year before: its December payday window reaches into January.
    for year in from.year() - 1..=to.year() {
        let fixed = [
            (Occasion::TwinDate(9), 9, 9),
            (Occasion::TwinDate(10), 10, 10),
            (Occasion::TwinDate(11), 11, 11),
            (Occasion::TwinDate(12), 12, 12),
            (Occasion::Independence, 8, 17),
        ];
        for (occasion, month, d) in fixed {
            if let Some(date) = Date::new(year, month, d) {
                out.push(Marker {
                    occasion,
                    first: date,
                    last: date,
                    source: None,
                });
            }
        }
        for month in 1..=12 {
            let first = Date::new(year, month, 25);
            let last = if month == 12 {
                Date::new(year + 1, 1, 1)
            } else {
                Date::new(year, month + 1, 1)
            };
            if let (Some(first), Some(last)) = (first, last) {
                out.push(Marker {
                    occasion: Occasion::Payday,
                    first,
                    last,
                    source: None,
                });
            }
        }
    }
    for lunar in LUNAR_DATES {
        if let (Some(first), Some(last)) = (day(lunar.first), day(lunar.last)) {
            out.push(Marker {
                occasion: lunar.occasion,
                first,
                last,
                source: Some(lunar.source),
            });
        }
    }
    out.retain(|m| m.last >= from && m.first <= to);
    crate::domain::values::sort::sort_by_key(&mut out, |m| m.first);
    out
}

/// The markers on one day.
pub fn on_day(markers: &[Marker], day: Date) -> Vec<Marker> {
    markers
        .iter()
        .filter(|m| m.first <= day && day <= m.last)
        .copied()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse_iso(text).unwrap_or(Date::EPOCH)
    }

    fn kinds(list: &[Marker]) -> Vec<Occasion> {
        list.iter().map(|m| m.occasion).collect()
    }

    // Guards: December 2026 holds 12.12 (Harbolnas) and two payday windows (25 Nov – 1 Dec
    // and 25 Dec – 1 Jan); 12 December carries Harbolnas alone, 28 December the payday window.
    #[test]
    fn december_shows_harbolnas_and_the_payday_windows() {
        let list = markers(d("2026-12-01"), d("2026-12-31"));
        assert_eq!(
            kinds(&list),
            [Occasion::Payday, Occasion::TwinDate(12), Occasion::Payday]
        );
        assert_eq!(
            kinds(&on_day(&list, d("2026-12-12"))),
            [Occasion::TwinDate(12)]
        );
        assert_eq!(kinds(&on_day(&list, d("2026-12-28"))), [Occasion::Payday]);
        assert_eq!(kinds(&on_day(&list, d("2026-12-01"))), [Occasion::Payday]);
        assert!(on_day(&list, d("2026-12-02")).is_empty());
    }

    // Guards: the lunar dates land on their days with their source: Ramadan 1447 H from the
    // isbat session (19 Feb – 20 Mar 2026), Idul Fitri from the decree (21–22 Mar 2026), and
    // 2027's Ramadan as an estimate 354 days after 2026's (19 Feb 2026 + 354 = 8 Feb 2027).
    #[test]
    fn lunar_dates_carry_their_source() {
        let march = markers(d("2026-03-01"), d("2026-03-31"));
        let ramadan = march
            .iter()
            .find(|m| m.occasion == Occasion::Ramadan)
            .copied();
        assert_eq!(
            ramadan.map(|m| (m.first, m.last, m.source)),
            Some((d("2026-02-19"), d("2026-03-20"), Some(Source::Isbat)))
        );
        assert_eq!(
            kinds(&on_day(&march, d("2026-03-21"))),
            [Occasion::IdulFitri]
        );
        assert_eq!(d("2026-02-19").add_days(354), Some(d("2027-02-08")));
        let feb27 = markers(d("2027-02-01"), d("2027-02-28"));
        let r27 = feb27
            .iter()
            .find(|m| m.occasion == Occasion::Ramadan)
            .copied();
        assert_eq!(
            r27.map(|m| (m.first, m.source)),
            Some((d("2027-02-08"), Some(Source::Estimate)))
        );
        assert_eq!(kinds(&on_day(&feb27, d("2027-02-06"))), [Occasion::Imlek]);
        // Each estimate follows the year before by one lunar year (354 or 355 days).
        for (a, b) in [
            ("2026-03-21", "2027-03-10"),
            ("2027-03-10", "2028-02-27"),
            ("2027-02-08", "2028-01-28"),
        ] {
            let gap = d(a).days_until(d(b));
            assert!((354..=355).contains(&gap), "{a} → {b}: {gap}");
        }
        // Ramadan ends the day before Idul Fitri, every year.
        for pair in LUNAR_DATES.chunks(3) {
            let (ramadan, fitri) = (pair[1], pair[2]);
            assert_eq!(
                day(ramadan.last).and_then(|l| l.add_days(1)),
                day(fitri.first)
            );
        }
    }

    // Guards: August carries Hari Kemerdekaan; a range over New Year keeps the window that
    // crosses it.
    #[test]
    fn fixed_dates_and_windows_across_a_year_end() {
        let aug = markers(d("2027-08-01"), d("2027-08-31"));
        assert_eq!(
            kinds(&on_day(&aug, d("2027-08-17"))),
            [Occasion::Independence]
        );
        let jan = markers(d("2027-01-01"), d("2027-01-31"));
        assert_eq!(kinds(&on_day(&jan, d("2027-01-01"))), [Occasion::Payday]);
    }
}
