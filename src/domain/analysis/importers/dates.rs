//! Dates as platforms write them: `20240301` (GA4), `2024-03-01` (Google Ads, Meta, Klaviyo,
//! optionally with a time), `Mar 4, 2024 10:00 am` (Mailchimp), `Fri, Mar 1, 2024` and
//! `1 Maret 2024` (Google Ads in English or Indonesian), and date ranges between them.

use crate::domain::values::date::Date;

/// Month names by their first three letters (four where French needs them), in the
/// languages the platforms' interfaces write report ranges in: English, Indonesian, Dutch,
/// German, French, Spanish, Portuguese and Italian.
const MONTHS: [(&str, u8); 40] = [
    ("jan", 1),
    ("ene", 1),
    ("gen", 1),
    ("feb", 2),
    ("fév", 2),
    ("fev", 2),
    ("mar", 3),
    ("mär", 3),
    ("mrt", 3),
    ("maa", 3),
    ("apr", 4),
    ("avr", 4),
    ("abr", 4),
    ("may", 5),
    ("mei", 5),
    ("mai", 5),
    ("mag", 5),
    ("jun", 6),
    ("juin", 6),
    ("giu", 6),
    ("jul", 7),
    ("juil", 7),
    ("lug", 7),
    ("aug", 8),
    ("agu", 8),
    ("agt", 8),
    ("ago", 8),
    ("aoû", 8),
    ("aou", 8),
    ("sep", 9),
    ("set", 9),
    ("oct", 10),
    ("okt", 10),
    ("out", 10),
    ("ott", 10),
    ("nov", 11),
    ("dec", 12),
    ("des", 12),
    ("dez", 12),
    ("déc", 12),
];

/// The month a name or abbreviation means (`Mar`, `March`, `Maret`, `Agu`, `Oktober`,
/// `octobre`, `dic`, `juil.`…): its first four letters when those name a month (French
/// `juin`, `juil`), else its first three.
fn month_of(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.chars().count() < 3 || !w.chars().all(char::is_alphabetic) {
        return None;
    }
    if w == "dic" || w.starts_with("dici") {
        return Some(12);
    }
    let head = |n: usize| -> String { w.chars().take(n).collect() };
    let four = head(4);
    let three = head(3);
    MONTHS
        .iter()
        .find(|(name, _)| *name == four)
        .or_else(|| MONTHS.iter().find(|(name, _)| *name == three))
        .map(|(_, m)| *m)
}

fn is_weekday(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    [
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "sen",
        "sel",
        "rab",
        "kam",
        "jum",
        "sab",
        "min",
        "senin",
        "selasa",
        "rabu",
        "kamis",
        "jumat",
        "sabtu",
        "minggu",
    ]
    .contains(&w.as_str())
}

fn number(text: &str) -> Option<i32> {
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn ymd(y: i32, m: i32, d: i32) -> Option<Date> {
    Date::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
}

/// Reads a date in any of the platform forms above; a time after it is ignored. Numeric
/// day-month orders other than year-first are ambiguous and left to [`super::DateFormat`].
pub fn parse_date(text: &str) -> Option<Date> {
    let t = text.trim();
    if t.len() > 64 {
        return None;
    }
    if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        return ymd(
            number(t.get(0..4)?)?,
            number(t.get(4..6)?)?,
            number(t.get(6..8)?)?,
        );
    }
    // Year first: 2024-03-01, 2024/03/01, 2024-03-01 10:00:00, 2024-03-01T10:00:00Z.
    let date_part = t.split([' ', 'T']).next().unwrap_or("");
    let parts: Vec<&str> = date_part.split(['-', '/', '.']).collect();
    if let [y, m, d] = parts.as_slice() {
        if y.len() == 4 {
            return ymd(number(y)?, number(m)?, number(d)?);
        }
    }
    // Words: Mar 4, 2024 · Fri, Mar 1, 2024 · 1 Maret 2024 · 04 Mar 2024 10:00.
    // Day-first with dots: 01.10.2026 (German, Dutch, Russian; the US never writes dots).
    if let [d, m, y] = parts.as_slice() {
        if y.len() == 4 && date_part.contains('.') {
            return ymd(number(y)?, number(m)?, number(d)?);
        }
    }
    // `1. Oktober 2026`, `1 de octubre de 2026`: the day's dot and Spanish and Portuguese
    // "de" are no words of their own.
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| {
            if w.len() <= 3 {
                w.trim_end_matches('.')
            } else {
                w
            }
        })
        .filter(|w| !w.is_empty() && !is_weekday(w) && *w != "de")
        .collect();
    match words.as_slice() {
        [a, b, c, ..] => {
            if let Some(m) = month_of(a) {
                ymd(number(c)?, i32::from(m), number(b)?)
            } else {
                let m = month_of(b)?;
                ymd(number(c)?, i32::from(m), number(a)?)
            }
        }
        _ => None,
    }
}

/// Reads a date range such as `1 March 2024 - 31 March 2024`, `Mar 1, 2024 – Mar 31, 2024`
/// or `20240301-20240331`; `None` when the text is not one, or ends before it starts.
pub fn parse_range(text: &str) -> Option<(Date, Date)> {
    let t = text.trim().trim_matches('"');
    for sep in [" - ", " – ", " — ", " to ", " s.d. ", " sampai ", "-", "–"] {
        if let Some((a, b)) = t.split_once(sep) {
            if let (Some(start), Some(end)) = (parse_date(a), parse_date(b)) {
                return (start <= end).then_some((start, end));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    // Guards: every platform's date form reads to the same day.
    #[test]
    fn platform_date_forms() {
        for text in [
            "20240304",
            "2024-03-04",
            "2024/03/04",
            "2024-03-04 10:00:00",
            "2024-03-04T10:00:00Z",
            "Mar 04, 2024 10:00 am",
            "Mon, Mar 4, 2024",
            "4 Maret 2024",
            "4 March 2024",
            "Senin, 4 Mar 2024",
        ] {
            assert_eq!(parse_date(text), Some(d("2024-03-04")), "{text}");
        }
        assert_eq!(parse_date("17 Agustus 2024"), Some(d("2024-08-17")));
        assert_eq!(parse_date("20240230"), None);
        assert_eq!(parse_date("Grand total"), None);
        assert_eq!(parse_date(""), None);
    }

    // Guards: report date ranges in title lines read as a period.
    #[test]
    fn ranges() {
        let march = Some((d("2024-03-01"), d("2024-03-31")));
        assert_eq!(parse_range("1 March 2024 - 31 March 2024"), march);
        assert_eq!(parse_range("\"Mar 1, 2024 – Mar 31, 2024\""), march);
        assert_eq!(parse_range("20240301-20240331"), march);
        // issue #18: Google Ads' range line in its interfaces' languages.
        let october = Some((d("2026-10-01"), d("2026-10-31")));
        for line in [
            "1 October 2026 - 31 October 2026",
            "1 Oktober 2026 - 31 Oktober 2026",
            "Oct 1, 2026 - Oct 31, 2026",
            "1. Oktober 2026 - 31. Oktober 2026",
            "01.10.2026 - 31.10.2026",
            "1 octobre 2026 - 31 octobre 2026",
            "1 de octubre de 2026 - 31 de octubre de 2026",
            "1 de out. de 2026 - 31 de out. de 2026",
            "1 ott 2026 - 31 ott 2026",
        ] {
            assert_eq!(parse_range(line), october, "{line}");
        }
        assert_eq!(
            parse_range("Jan 27, 2026 - Feb 25, 2026"),
            Some((d("2026-01-27"), d("2026-02-25")))
        );
        // French June and July share three letters.
        assert_eq!(parse_date("3 juin 2026"), Some(d("2026-06-03")));
        assert_eq!(parse_date("3 juil. 2026"), Some(d("2026-07-03")));
        assert_eq!(parse_date("3 dic 2026"), Some(d("2026-12-03")));
        assert_eq!(parse_range("31 March 2024 - 1 March 2024"), None);
        assert_eq!(parse_range("Campaign report"), None);
    }
}
