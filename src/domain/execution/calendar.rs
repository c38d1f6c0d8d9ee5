//! The content calendar: content kinds and statuses, the month grid (weeks from Monday), and
//! the filters by channel and status. Kept pure so the grid's edges are tested natively.

use crate::domain::model::plan::{Channel, ContentItem, ContentKind, ContentStatus};
use crate::domain::values::date::{days_in_month, Date};
use crate::i18n::T;

/// Every content kind, in the order a form offers them.
pub const KINDS: [ContentKind; 7] = [
    ContentKind::BlogPost,
    ContentKind::Article,
    ContentKind::Video,
    ContentKind::Infographic,
    ContentKind::SocialPost,
    ContentKind::Email,
    ContentKind::AdCreative,
];

/// Every content status, from idea to published.
pub const STATUSES: [ContentStatus; 5] = [
    ContentStatus::Idea,
    ContentStatus::Draft,
    ContentStatus::Review,
    ContentStatus::Scheduled,
    ContentStatus::Published,
];

/// The name of a content kind.
pub fn kind_key(kind: ContentKind) -> T {
    match kind {
        ContentKind::BlogPost => T::KindBlogPost,
        ContentKind::Article => T::KindArticle,
        ContentKind::Video => T::KindVideo,
        ContentKind::Infographic => T::KindInfographic,
        ContentKind::SocialPost => T::KindSocialPost,
        ContentKind::Email => T::KindEmail,
        ContentKind::AdCreative => T::KindAdCreative,
    }
}

/// The name of a content status, and a stable CSS class for it.
pub fn status_key(status: ContentStatus) -> (T, &'static str) {
    match status {
        ContentStatus::Idea => (T::ContentIdea, "idea"),
        ContentStatus::Draft => (T::ContentDraft, "draft"),
        ContentStatus::Review => (T::ContentReview, "review"),
        ContentStatus::Scheduled => (T::ContentScheduled, "scheduled"),
        ContentStatus::Published => (T::ContentPublished, "published"),
    }
}

/// A calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Month {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u8,
}

impl Month {
    /// The month a date falls in.
    pub fn of(date: Date) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The month after this one.
    pub fn next(self) -> Month {
        if self.month >= 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// The month before this one.
    pub fn previous(self) -> Month {
        if self.month <= 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// True when `date` falls in this month.
    pub fn contains(self, date: Date) -> bool {
        Month::of(date) == self
    }
}

/// The day of the week, 0 for Monday to 6 for Sunday.
pub fn weekday(date: Date) -> usize {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    (date.to_days() + 3).rem_euclid(7) as usize
}

/// One week of the month grid: seven cells from Monday, `None` for days of other months.
pub type Week = [Option<Date>; 7];

/// The month as weeks from Monday to Sunday; empty when the month is outside the calendar's
/// range (1900–9999).
pub fn month_grid(month: Month) -> Vec<Week> {
    let Some(first) = Date::new(month.year, month.month, 1) else {
        return Vec::new();
    };
    let mut weeks = Vec::new();
    let mut week: Week = [None; 7];
    let mut column = weekday(first);
    for day in 1..=days_in_month(month.year, month.month) {
        if let (Some(cell), Some(date)) = (
            week.get_mut(column),
            Date::new(month.year, month.month, day),
        ) {
            *cell = Some(date);
        }
        column += 1;
        if column == 7 {
            weeks.push(week);
            week = [None; 7];
            column = 0;
        }
    }
    if column > 0 {
        weeks.push(week);
    }
    weeks
}

/// What the calendar shows: everything, or one channel and / or one status.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ContentFilter {
    /// Only this channel, when set.
    pub channel: Option<Channel>,
    /// Only this status, when set.
    pub status: Option<ContentStatus>,
}

impl ContentFilter {
    /// True when the item passes the filter.
    pub fn accepts(&self, item: &ContentItem) -> bool {
        self.channel
            .as_ref()
            .is_none_or(|c| item.channel.as_ref() == Some(c))
            && self.status.is_none_or(|s| item.status == s)
    }
}

/// The items passing the filter, by publish date (undated last, then in plan order).
pub fn filtered<'a>(items: &'a [ContentItem], filter: &ContentFilter) -> Vec<&'a ContentItem> {
    let mut out: Vec<&ContentItem> = items.iter().filter(|i| filter.accepts(i)).collect();
    // A stable sort keeps plan order among equal dates; `None` sorts after every date.
    crate::domain::values::sort::sort_by_key(&mut out, |i| (i.publish.is_none(), i.publish));
    out
}

/// The items passing the filter that are published on `day`, in plan order.
pub fn on_day<'a>(
    items: &'a [ContentItem],
    filter: &ContentFilter,
    day: Date,
) -> Vec<&'a ContentItem> {
    items
        .iter()
        .filter(|i| i.publish == Some(day) && filter.accepts(i))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse_iso(text).unwrap_or(Date::EPOCH)
    }

    fn item(id: &str, publish: Option<&str>, channel: Option<Channel>) -> ContentItem {
        ContentItem {
            id: id.into(),
            title: id.into(),
            kind: ContentKind::default(),
            channel,
            owner: String::new(),
            publish: publish.map(d),
            status: ContentStatus::default(),
        }
    }

    // Guards: the grid starts weeks on Monday, so 1 June 2026 (a Monday) is the first cell.
    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(weekday(d("2026-06-01")), 0);
        assert_eq!(weekday(d("2026-06-07")), 6);
        assert_eq!(weekday(d("1970-01-01")), 3);
        let grid = month_grid(Month {
            year: 2026,
            month: 6,
        });
        assert_eq!(grid.len(), 5);
        assert_eq!(grid.first().and_then(|w| w[0]), Some(d("2026-06-01")));
        assert_eq!(grid.last().and_then(|w| w[1]), Some(d("2026-06-30")));
        assert_eq!(grid.last().and_then(|w| w[2]), None);
    }

    // Guards: leading and trailing cells of other months stay empty, and every day of the
    // month appears exactly once (February of a leap year, starting on a Sunday).
    #[test]
    fn grid_pads_and_holds_every_day_once() {
        let grid = month_grid(Month {
            year: 2032,
            month: 2,
        });
        assert_eq!(weekday(d("2032-02-01")), 6);
        assert_eq!(
            grid.first().map(|w| w[..6].iter().all(Option::is_none)),
            Some(true)
        );
        let days: Vec<Date> = grid.iter().flatten().flatten().copied().collect();
        assert_eq!(days.len(), 29);
        assert_eq!(days.last(), Some(&d("2032-02-29")));
        assert_eq!(grid.len(), 5);
    }

    // Guards: previous / next cross the year boundary, and out-of-range months give no grid.
    #[test]
    fn months_step_across_years() {
        let dec = Month {
            year: 2026,
            month: 12,
        };
        assert_eq!(
            dec.next(),
            Month {
                year: 2027,
                month: 1
            }
        );
        assert_eq!(dec.next().previous(), dec);
        assert!(month_grid(Month {
            year: 1899,
            month: 12
        })
        .is_empty());
    }

    // Guards: filters combine channel and status, the list is sorted by date with undated
    // items last, and a day cell lists only its own day's items.
    #[test]
    fn filters_and_ordering() {
        let mut items = vec![
            item("late", Some("2026-06-20"), Some(Channel::Instagram)),
            item("none", None, Some(Channel::Instagram)),
            item("early", Some("2026-06-02"), Some(Channel::Instagram)),
            item("seo", Some("2026-06-02"), Some(Channel::Seo)),
        ];
        if let Some(i) = items.get_mut(2) {
            i.status = ContentStatus::Scheduled;
        }
        let all: Vec<&str> = filtered(&items, &ContentFilter::default())
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(all, ["early", "seo", "late", "none"]);
        let ig = ContentFilter {
            channel: Some(Channel::Instagram),
            status: None,
        };
        assert_eq!(filtered(&items, &ig).len(), 3);
        let ig_scheduled = ContentFilter {
            status: Some(ContentStatus::Scheduled),
            ..ig
        };
        let ids: Vec<&str> = filtered(&items, &ig_scheduled)
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(ids, ["early"]);
        assert_eq!(
            on_day(&items, &ContentFilter::default(), d("2026-06-02")).len(),
            2
        );
    }
}
