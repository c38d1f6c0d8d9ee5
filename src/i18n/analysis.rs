//! Words for the phase 3 pages: a KPI's status and the reason for it, how far it has come, its
//! pacing, the causes of a problem, and the names of imported metrics, in both languages.

use super::format::{format_money, format_number, format_percent};
use super::{Lang, T};
use crate::domain::analysis::kpis::{Achievement, Reason, Status, Variance};
use crate::domain::execution::spend::SpendFrom;
use crate::domain::model::kpi_library;
use crate::domain::model::plan::Cause;
use crate::domain::values::currency::currency;

/// The name of a status, shown beside its icon so colour is never the only cue.
pub fn status_label(status: Status) -> T {
    match status {
        Status::Achieved => T::StatusAchieved,
        Status::OnTrack => T::StatusOnTrack,
        Status::AtRisk => T::StatusAtRisk,
        Status::OffTrack => T::StatusOffTrack,
        Status::NoData => T::StatusNoData,
    }
}

/// A CSS-class-friendly name of a status (`achieved`, `on-track`…).
pub fn status_class(status: Status) -> &'static str {
    match status {
        Status::Achieved => "achieved",
        Status::OnTrack => "on-track",
        Status::AtRisk => "at-risk",
        Status::OffTrack => "off-track",
        Status::NoData => "no-data",
    }
}

/// A number in a KPI's unit: money for a currency code, a percentage for `%`, else the
/// number followed by the unit. Large values drop their decimals.
pub fn value_text(value: f64, unit: &str, lang: Lang) -> String {
    let unit = unit.trim();
    let decimals = if value.abs() >= 1000.0 || value.fract() == 0.0 {
        0
    } else {
        2
    };
    if currency(unit).is_some() {
        return format_money(value, unit, lang);
    }
    if unit == "%" {
        return format_percent(value, decimals, lang);
    }
    let number = format_number(value, decimals, lang);
    if unit.is_empty() {
        number
    } else {
        format!("{number} {unit}")
    }
}

/// Where a channel's spent figure comes from: the spend log (saying when an imported cost
/// for the channel is left out, so it is not counted twice) or the sources of imported cost.
pub fn spent_from_text(from: &SpendFrom, currency: &str, lang: Lang) -> String {
    match from {
        SpendFrom::Nothing => "—".to_string(),
        SpendFrom::Log { unused_import } if *unused_import > 0.0 => T::AnSpentFromLogUnused.fill(
            lang,
            &[("amount", &format_money(*unused_import, currency, lang))],
        ),
        SpendFrom::Log { .. } => T::AnSpentFromLog.get(lang).to_string(),
        SpendFrom::Import(sources) => {
            T::AnSpentFromImport.fill(lang, &[("sources", &sources.join(", "))])
        }
    }
}

/// Why a KPI has its status, as a sentence; numbers are in the KPI's `unit`.
pub fn reason_text(reason: &Reason, unit: &str, lang: Lang) -> String {
    let v = |x: f64| value_text(x, unit, lang);
    match *reason {
        Reason::NoMeasurements => T::ReasonNoMeasurements.get(lang).into(),
        Reason::NoTarget => T::ReasonNoTarget.get(lang).into(),
        Reason::TargetMet => T::ReasonTargetMet.get(lang).into(),
        Reason::OutOfRange => T::ReasonOutOfRange.get(lang).into(),
        Reason::OnPace => T::ReasonOnPace.get(lang).into(),
        Reason::BehindPaceTrendRecovers { projected } => {
            T::ReasonBehindRecovers.fill(lang, &[("projected", &v(projected))])
        }
        Reason::BehindPace {
            gap,
            projected: None,
        } => T::ReasonBehindPace.fill(lang, &[("gap", &v(gap))]),
        Reason::BehindPace {
            gap,
            projected: Some(projected),
        } => T::ReasonBehindPaceProjected
            .fill(lang, &[("gap", &v(gap)), ("projected", &v(projected))]),
        Reason::DeadlinePassed => T::ReasonDeadlinePassed.get(lang).into(),
        Reason::TrendTowardsTarget => T::ReasonTrendTowards.get(lang).into(),
        Reason::TrendAwayFromTarget => T::ReasonTrendAway.get(lang).into(),
    }
}

/// How far a KPI has come: a percentage of the way for higher/lower KPIs, in or out of range
/// (and by how much) for range KPIs.
pub fn achievement_text(achievement: Achievement, unit: &str, lang: Lang) -> String {
    match achievement {
        Achievement::Progress(share) => format_percent(share * 100.0, 0, lang),
        Achievement::InRange { .. } => T::AchInRange.get(lang).into(),
        Achievement::OutOfRange { distance, above } => {
            let key = if above { T::AchAbove } else { T::AchBelow };
            key.fill(lang, &[("distance", &value_text(distance, unit, lang))])
        }
    }
}

/// Pacing against the trajectory: ahead or behind by how much, and the value expected today.
/// `better_higher` is false for lower-is-better KPIs, where being under the line is ahead.
pub fn pacing_text(
    vs: Variance,
    expected: f64,
    better_higher: bool,
    unit: &str,
    lang: Lang,
) -> String {
    let ahead = (vs.absolute >= 0.0) == better_higher;
    let key = if ahead { T::PaceAhead } else { T::PaceBehind };
    key.fill(
        lang,
        &[
            ("gap", &value_text(vs.absolute.abs(), unit, lang)),
            ("expected", &value_text(expected, unit, lang)),
        ],
    )
}

/// Every cause of a problem, in the order the form lists them.
pub const CAUSES: [Cause; 8] = [
    Cause::Targeting,
    Cause::Creative,
    Cause::LandingPage,
    Cause::Offer,
    Cause::Budget,
    Cause::Timing,
    Cause::ChannelFit,
    Cause::Other,
];

/// The name of a cause.
pub fn cause_label(cause: Cause) -> T {
    match cause {
        Cause::Targeting => T::CauseTargeting,
        Cause::Creative => T::CauseCreative,
        Cause::LandingPage => T::CauseLandingPage,
        Cause::Offer => T::CauseOffer,
        Cause::Budget => T::CauseBudget,
        Cause::Timing => T::CauseTiming,
        Cause::ChannelFit => T::CauseChannelFit,
        Cause::Other => T::CauseOther,
    }
}

/// A stable slug of a cause, for DOM ids and checkbox values.
pub fn cause_slug(cause: Cause) -> &'static str {
    match cause {
        Cause::Targeting => "targeting",
        Cause::Creative => "creative",
        Cause::LandingPage => "landing-page",
        Cause::Offer => "offer",
        Cause::Budget => "budget",
        Cause::Timing => "timing",
        Cause::ChannelFit => "channel-fit",
        Cause::Other => "other",
    }
}

/// The cause of a slug from [`cause_slug`].
pub fn cause_of_slug(slug: &str) -> Option<Cause> {
    CAUSES.into_iter().find(|c| cause_slug(*c) == slug)
}

/// The name of a raw metric the importers read that is not a KPI of the library.
fn raw_metric(metric_id: &str) -> Option<T> {
    Some(match metric_id {
        "clicks" => T::MetricClicks,
        "impressions" => T::MetricImpressions,
        "cost" => T::MetricCost,
        "conversions" => T::MetricConversions,
        "reach" => T::MetricReach,
        "link_clicks" => T::MetricLinkClicks,
        "results" => T::MetricResults,
        "cost_per_result" => T::MetricCostPerResult,
        "frequency" => T::MetricFrequency,
        "users" => T::MetricUsers,
        "new_users" => T::MetricNewUsers,
        "engaged_sessions" => T::MetricEngagedSessions,
        "session_engagement_rate" => T::MetricEngagementRate,
        "event_count" => T::MetricEventCount,
        "views" => T::MetricViews,
        "emails_delivered" => T::MetricEmailsDelivered,
        "email_opens" => T::MetricEmailOpens,
        "email_opens_total" => T::MetricEmailOpensTotal,
        "email_clicks" => T::MetricEmailClicks,
        "email_clicks_total" => T::MetricEmailClicksTotal,
        "unsubscribes" => T::MetricUnsubscribes,
        "bounces" => T::MetricBounces,
        "spam_complaints" => T::MetricSpamComplaints,
        "ads_conversion_rate" => T::MetricAdsConversionRate,
        "interactions" => T::MetricInteractions,
        "video_views" => T::MetricVideoViews,
        "purchases" => T::MetricPurchases,
        _ => return None,
    })
}

/// The name of an imported metric: the library's translated name, else the importers' raw
/// metric name, else the raw id in words (`page_views` → `page views`).
pub fn metric_name(metric_id: &str, lang: Lang) -> String {
    match (kpi_library::find(metric_id), raw_metric(metric_id)) {
        (Some(metric), _) => metric.name.get(lang).to_string(),
        (None, Some(key)) => key.get(lang).to_string(),
        (None, None) => metric_id.replace('_', " "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: every status and reason has words in both languages, with numbers filled in.
    #[test]
    fn every_status_and_reason_in_both_languages() {
        let statuses = [
            Status::Achieved,
            Status::OnTrack,
            Status::AtRisk,
            Status::OffTrack,
            Status::NoData,
        ];
        let reasons = [
            Reason::NoMeasurements,
            Reason::NoTarget,
            Reason::TargetMet,
            Reason::OutOfRange,
            Reason::OnPace,
            Reason::BehindPaceTrendRecovers { projected: 12.5 },
            Reason::BehindPace {
                gap: 3.0,
                projected: None,
            },
            Reason::BehindPace {
                gap: 3.0,
                projected: Some(9.0),
            },
            Reason::DeadlinePassed,
            Reason::TrendTowardsTarget,
            Reason::TrendAwayFromTarget,
        ];
        for lang in Lang::ALL {
            for s in statuses {
                assert!(!status_label(s).get(lang).is_empty());
            }
            for r in &reasons {
                let text = reason_text(r, "", lang);
                assert!(!text.is_empty() && !text.contains('{'), "{r:?}: {text}");
            }
        }
        assert_eq!(
            reason_text(
                &Reason::BehindPace {
                    gap: 1500.0,
                    projected: Some(0.5)
                },
                "",
                Lang::Id
            ),
            "Tertinggal 1.500 dari lintasan; trennya hanya mencapai 0,50 di tenggat."
        );
        assert_eq!(
            reason_text(
                &Reason::BehindPaceTrendRecovers { projected: 2.25 },
                "%",
                Lang::En
            ),
            "Behind the trajectory, but the trend reaches the target by the deadline (projected 2.25%)."
        );
        assert_eq!(status_label(Status::OffTrack).get(Lang::Id), "Melenceng");
        assert_eq!(status_label(Status::AtRisk).get(Lang::En), "At risk");
    }

    // Guards: achievement reads as a percentage of the way, or in/out of a range with a side.
    #[test]
    fn achievement_and_pacing_words() {
        assert_eq!(
            achievement_text(Achievement::Progress(0.756), "", Lang::En),
            "76%"
        );
        assert_eq!(
            achievement_text(
                Achievement::OutOfRange {
                    distance: 2.0,
                    above: true
                },
                "%",
                Lang::Id
            ),
            "2% di atas rentang"
        );
        assert_eq!(
            achievement_text(Achievement::InRange { margin: 1.0 }, "", Lang::En),
            "in range"
        );
        let behind = Variance {
            absolute: -250_000.0,
            percent: None,
        };
        assert_eq!(
            pacing_text(behind, 1_000_000.0, true, "IDR", Lang::Id),
            "Rp 250.000 di belakang lintasan (diharapkan Rp 1.000.000)"
        );
        // Lower is better: under the line is ahead.
        assert!(pacing_text(behind, 10.0, false, "", Lang::En).contains("ahead"));
    }

    // Guards: cause slugs read back, and imported metric ids get readable names.
    #[test]
    fn causes_and_metric_names() {
        for c in CAUSES {
            assert_eq!(cause_of_slug(cause_slug(c)), Some(c));
            assert_ne!(cause_label(c).get(Lang::Id), cause_label(c).get(Lang::En));
        }
        assert_eq!(metric_name("new_users", Lang::Id), "Pengguna baru");
        assert_eq!(metric_name("clicks", Lang::En), "Clicks");
        assert_eq!(metric_name("page_views", Lang::En), "page views");
        assert!(!metric_name("ctr", Lang::Id).is_empty());
    }
}
