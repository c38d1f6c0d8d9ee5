//! A calendar date without time zone, stored as `YYYY-MM-DD`. Small on purpose: the plan needs
//! day arithmetic and validation, not a full date-time library.

// Input path: a panic here kills the app, so indexing that could go out of bounds is refused.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A valid proleptic Gregorian date between the years 1900 and 9999.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a text is not a date.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD`.
    #[error("'{0}' is not a date of the form YYYY-MM-DD")]
    Format(String),
    /// The form is right but the day does not exist (e.g. 2026-02-30).
    #[error("'{0}' is not a day of the calendar")]
    NoSuchDay(String),
}

impl Date {
    /// 1970-01-01, the day of Unix time zero.
    pub const EPOCH: Date = Date {
        year: 1970,
        month: 1,
        day: 1,
    };

    /// The date, if it exists in the calendar and lies in 1900–9999.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1900..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Reads `YYYY-MM-DD` strictly.
    pub fn parse_iso(text: &str) -> Result<Date, DateError> {
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes.get(4) == Some(&b'-')
            && bytes.get(7) == Some(&b'-')
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(DateError::Format(text.to_string()));
        }
        let num =
            |range: std::ops::Range<usize>| -> i32 { text[range].parse::<i32>().unwrap_or(-1) };
        let (y, m, d) = (num(0..4), num(5..7), num(8..10));
        let month = u8::try_from(m).unwrap_or(0);
        let day = u8::try_from(d).unwrap_or(0);
        Date::new(y, month, day).ok_or_else(|| DateError::NoSuchDay(text.to_string()))
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, if within 1900–9999.
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date::new(
            i32::try_from(y).ok()?,
            u8::try_from(m).ok()?,
            u8::try_from(d).ok()?,
        )
    }

    /// The date `n` days later (earlier when negative), if still within range.
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.to_days().checked_add(n)?)
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    pub fn days_until(self, other: Date) -> i64 {
        other.to_days() - self.to_days()
    }

    /// The date of a Unix time in milliseconds (UTC).
    pub fn from_unix_ms(ms: f64) -> Option<Date> {
        if !ms.is_finite() {
            return None;
        }
        Date::from_days((ms / 86_400_000.0).floor() as i64)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month of a year.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The name a date gives serde: it reads as a newtype of its text, so a reader can tell a
/// date's refusal from other values' (see `plan_file::value_reader`).
pub const SERDE_NAME: &str = "Date";

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        struct Text;
        impl<'de> serde::de::Visitor<'de> for Text {
            type Value = Date;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date of the form YYYY-MM-DD")
            }

            fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Date, D::Error> {
                let text = String::deserialize(d)?;
                Date::parse_iso(&text).map_err(serde::de::Error::custom)
            }

            // Formats that pass a newtype's content straight through.
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Date, E> {
                Date::parse_iso(text).map_err(E::custom)
            }
        }
        d.deserialize_newtype_struct(SERDE_NAME, Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_valid_dates_and_refuses_days_that_do_not_exist() {
        assert_eq!(
            Date::parse_iso("2026-11-28"),
            Ok(Date::new(2026, 11, 28).unwrap())
        );
        assert_eq!(Date::parse_iso("2024-02-29").map(|d| d.day()), Ok(29));
        assert!(matches!(
            Date::parse_iso("2026-02-29"),
            Err(DateError::NoSuchDay(_))
        ));
        assert!(matches!(
            Date::parse_iso("2026-13-01"),
            Err(DateError::NoSuchDay(_))
        ));
        assert!(matches!(
            Date::parse_iso("28/11/2026"),
            Err(DateError::Format(_))
        ));
        assert!(matches!(
            Date::parse_iso("2026-1-1"),
            Err(DateError::Format(_))
        ));
        assert!(matches!(
            Date::parse_iso("２０２６-11-28"),
            Err(DateError::Format(_))
        ));
    }

    #[test]
    fn day_arithmetic_matches_the_calendar() {
        let d = Date::new(2026, 11, 28).unwrap();
        assert_eq!(d.to_days(), 20_785);
        assert_eq!(Date::from_days(0), Date::new(1970, 1, 1));
        assert_eq!(d.add_days(34), Date::new(2027, 1, 1));
        assert_eq!(
            Date::new(2024, 2, 28).unwrap().add_days(1),
            Date::new(2024, 2, 29)
        );
        assert_eq!(d.days_until(Date::new(2026, 12, 28).unwrap()), 30);
        assert_eq!(
            Date::from_unix_ms(1_795_830_000_000.0),
            Date::new(2026, 11, 28)
        );
    }

    #[test]
    fn every_day_round_trips_through_its_day_number() {
        let start = Date::new(1999, 12, 1).unwrap().to_days();
        for n in start..start + 3_000 {
            let date = Date::from_days(n).unwrap();
            assert_eq!(date.to_days(), n);
            assert_eq!(Date::parse_iso(&date.to_string()), Ok(date));
        }
    }
}
