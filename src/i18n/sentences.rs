//! Sentences composed from the structured values of the research steps: the SMART goal
//! sentence, the reasons a SMART letter is not met, channel names and what a step lacks.

use super::format::{format_date, format_money, format_number, format_percent, DateStyle};
use super::{Lang, T};
use crate::domain::model::kpi_library::metric_of;
use crate::domain::model::plan::{Channel, Kpi, Objective, Priority};
use crate::domain::planning::smart::{GoalSentence, Movement, SmartLetter, SmartReason, Span};
use crate::domain::values::currency::currency;

/// The goal as shown in summaries: the composed SMART sentence when the goal has its parts,
/// else what was typed as the specific goal, else `none`.
pub fn goal_summary(goal: &crate::domain::model::plan::Goal, lang: Lang, none: T) -> String {
    if let Some(parts) = crate::domain::planning::smart::goal_sentence(goal) {
        return goal_sentence(&parts, lang);
    }
    let typed = goal.specific.trim();
    if typed.is_empty() {
        none.get(lang).to_string()
    } else {
        typed.to_string()
    }
}

/// The goal as one sentence, e.g. "Raise monthly sales of product X by 20% (from 1,000 to
/// 1,200 units) in 6 months (1 January 2026 – 1 July 2026)."
pub fn goal_sentence(parts: &GoalSentence, lang: Lang) -> String {
    let verb = match parts.movement {
        Movement::Raise => T::GoalRaise,
        Movement::Reduce => T::GoalReduce,
    };
    // "from 1,000 to 1,200 units": a plain unit is said once; `%` and money go with each value.
    let from = match plain_unit(&parts.unit) {
        true => amount(parts.baseline, "", lang),
        false => amount(parts.baseline, &parts.unit, lang),
    };
    let to = amount(parts.target, &parts.unit, lang);
    let change = match parts.percent {
        Some(p) => {
            let percent = format_percent(p, decimals(p, 1), lang);
            T::GoalByPercent.fill(lang, &[("percent", &percent), ("from", &from), ("to", &to)])
        }
        None => T::GoalFromTo.fill(lang, &[("from", &from), ("to", &to)]),
    };
    let mut sentence = format!("{} {} {change}", verb.get(lang), embedded(&parts.metric));
    if let Some((start, end, span)) = parts.window {
        sentence.push(' ');
        sentence.push_str(&T::GoalWithin.fill(
            lang,
            &[
                ("span", &span_text(span, lang)),
                ("start", &format_date(start, lang, DateStyle::Long)),
                ("end", &format_date(end, lang, DateStyle::Long)),
            ],
        ));
    }
    sentence.push('.');
    sentence
}

/// A span as "6 months" / "6 bulan", "1 week" / "1 minggu", "10 days" / "10 hari".
pub fn span_text(span: Span, lang: Lang) -> String {
    let (n, one, many) = match span {
        Span::Months(n) => (n, T::SpanMonthOne, T::SpanMonths),
        Span::Weeks(n) => (n, T::SpanWeekOne, T::SpanWeeks),
        Span::Days(n) => (n, T::SpanDayOne, T::SpanDays),
    };
    if n == 1 {
        one.get(lang).to_string()
    } else {
        many.fill(lang, &[("n", &n.to_string())])
    }
}

/// The fewest decimals, up to `max`, that show `value` without rounding it (2.5 → 1).
fn decimals(value: f64, max: usize) -> usize {
    (0..max)
        .find(|&d| {
            let scaled = value * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-9
        })
        .unwrap_or(max)
}

/// True for a unit written after the number as a word (`units`, `leads`), not `%` or money.
fn plain_unit(unit: &str) -> bool {
    unit != "%" && currency(unit).is_none()
}

/// A value with its unit: `12%`, `Rp 1.500.000`, `1.200 unit`, or the bare number.
fn amount(value: f64, unit: &str, lang: Lang) -> String {
    if unit == "%" {
        return format_percent(value, decimals(value, 2), lang);
    }
    if currency(unit).is_some() {
        return format_money(value, unit, lang);
    }
    let number = format_number(value, decimals(value, 2), lang);
    if unit.is_empty() {
        number
    } else {
        format!("{number} {unit}")
    }
}

/// The metric as it reads inside a sentence: a leading capital is lowered unless the word is
/// an acronym ("Monthly sales" → "monthly sales", "ROI" and "CTR" stay).
fn embedded(metric: &str) -> String {
    let mut chars = metric.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(metric.chars().skip(1)).collect()
        }
        _ => metric.to_string(),
    }
}

/// The name of a SMART letter.
pub fn smart_letter(letter: SmartLetter) -> T {
    match letter {
        SmartLetter::Specific => T::SmartSpecific,
        SmartLetter::Measurable => T::SmartMeasurable,
        SmartLetter::Achievable => T::SmartAchievable,
        SmartLetter::Relevant => T::SmartRelevant,
        SmartLetter::TimeBound => T::SmartTimeBound,
    }
}

/// Why a SMART letter is not met, as advice.
pub fn smart_reason(reason: SmartReason) -> T {
    match reason {
        SmartReason::SpecificMissing => T::ReasonSpecificMissing,
        SmartReason::SpecificTooShort => T::ReasonSpecificTooShort,
        SmartReason::MetricMissing => T::ReasonMetricMissing,
        SmartReason::BaselineMissing => T::ReasonBaselineMissing,
        SmartReason::TargetMissing => T::ReasonTargetMissing,
        SmartReason::NotFinite => T::ReasonNotFinite,
        SmartReason::TargetEqualsBaseline => T::ReasonTargetEqualsBaseline,
        SmartReason::AchievableMissing => T::ReasonAchievableMissing,
        SmartReason::RelevantMissing => T::ReasonRelevantMissing,
        SmartReason::StartMissing => T::ReasonStartMissing,
        SmartReason::EndMissing => T::ReasonEndMissing,
        SmartReason::EndNotAfterStart => T::ReasonEndNotAfterStart,
    }
}

/// The label of an objective.
pub fn objective_label(objective: Objective) -> T {
    match objective {
        Objective::Awareness => T::ObjectiveAwareness,
        Objective::Leads => T::ObjectiveLeads,
        Objective::Sales => T::ObjectiveSales,
        Objective::Engagement => T::ObjectiveEngagement,
    }
}

/// The label of a priority.
pub fn priority_label(priority: Priority) -> T {
    match priority {
        Priority::Low => T::PriorityLow,
        Priority::Medium => T::PriorityMedium,
        Priority::High => T::PriorityHigh,
    }
}

/// The translation key of a channel's name; `Other` channels have the generic "Other channel".
pub fn channel_key(channel: &Channel) -> T {
    match channel {
        Channel::Seo => T::ChannelSeo,
        Channel::Sem => T::ChannelSem,
        Channel::Instagram => T::ChannelInstagram,
        Channel::Facebook => T::ChannelFacebook,
        Channel::Tiktok => T::ChannelTiktok,
        Channel::X => T::ChannelX,
        Channel::Linkedin => T::ChannelLinkedin,
        Channel::Youtube => T::ChannelYoutube,
        Channel::Email => T::ChannelEmail,
        Channel::Content => T::ChannelContent,
        Channel::Website => T::ChannelWebsite,
        Channel::Other(_) => T::ChannelOther,
    }
}

/// The name of a channel in `lang`; an `Other` channel shows the name the user gave it.
pub fn channel_name(channel: &Channel, lang: Lang) -> String {
    match channel {
        Channel::Other(name) if !name.trim().is_empty() => name.trim().to_string(),
        other => channel_key(other).get(lang).to_string(),
    }
}

/// A KPI's name as the UI shows it: a library metric's name in `lang`, then its channel when it
/// has one (so two KPIs of one metric on different channels read apart), or the name typed.
pub fn kpi_name(kpi: &Kpi, lang: Lang) -> String {
    match (metric_of(kpi), &kpi.channel) {
        (Some(metric), Some(channel)) => {
            format!(
                "{} · {}",
                metric.name.get(lang),
                channel_name(channel, lang)
            )
        }
        (Some(metric), None) => metric.name.get(lang).to_string(),
        (None, _) if kpi.name.trim().is_empty() => T::KpiCustom.get(lang).to_string(),
        (None, _) => kpi.name.trim().to_string(),
    }
}

/// Channels as a comma-separated list of names.
pub fn channel_list(channels: &[Channel], lang: Lang) -> String {
    channels
        .iter()
        .map(|c| channel_name(c, lang))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::plan::Goal;
    use crate::domain::planning::smart;
    use crate::domain::values::date::Date;

    fn date(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    fn goal() -> Goal {
        Goal {
            metric: "Monthly sales of product X".into(),
            unit: "units".into(),
            baseline: Some(1000.0),
            target: Some(1200.0),
            start: Some(date("2026-01-01")),
            end: Some(date("2026-07-01")),
            ..Goal::default()
        }
    }

    // Guards: two KPIs of one library metric on different channels had the same name (and so
    // the same heading and landmark name on the measurement log).
    #[test]
    fn kpi_names_tell_channels_apart_and_keep_typed_names() {
        let kpi = |metric: Option<&str>, channel: Option<Channel>, name: &str| Kpi {
            metric: metric.map(String::from),
            channel,
            name: name.into(),
            ..Kpi::default()
        };
        let instagram = kpi(Some("engagement_rate"), Some(Channel::Instagram), "IG");
        let tiktok = kpi(Some("engagement_rate"), Some(Channel::Tiktok), "TT");
        assert_eq!(
            kpi_name(&instagram, Lang::En),
            "Engagement rate · Instagram"
        );
        assert_ne!(kpi_name(&instagram, Lang::Id), kpi_name(&tiktok, Lang::Id));
        let plain = kpi(Some("engagement_rate"), None, "IG");
        assert_eq!(kpi_name(&plain, Lang::En), "Engagement rate");
        let custom = kpi(None, Some(Channel::Email), "  Replies  ");
        assert_eq!(kpi_name(&custom, Lang::En), "Replies");
        assert_eq!(
            kpi_name(&kpi(None, None, " "), Lang::En),
            T::KpiCustom.get(Lang::En)
        );
    }

    fn sentence(goal: &Goal, lang: Lang) -> String {
        goal_sentence(&smart::goal_sentence(goal).unwrap(), lang)
    }

    // Guards: the seed's example reads as one sentence in English, with the percent computed.
    #[test]
    fn goal_sentence_in_english() {
        assert_eq!(
            sentence(&goal(), Lang::En),
            "Raise monthly sales of product X by 20% (from 1,000 to 1,200 units) \
             in 6 months (1 January 2026 – 1 July 2026)."
        );
    }

    // Guards: summaries (approval, report, share preview) prefer the composed sentence, fall
    // back to what was typed, then to the given "none" text.
    #[test]
    fn goal_summary_falls_back_in_order() {
        assert!(goal_summary(&goal(), Lang::En, T::SummaryNone).starts_with("Raise monthly sales"));
        let typed = Goal {
            specific: "  More sales in Bandung  ".into(),
            ..Goal::default()
        };
        assert_eq!(
            goal_summary(&typed, Lang::En, T::SummaryNone),
            "More sales in Bandung"
        );
        assert_eq!(
            goal_summary(&Goal::default(), Lang::Id, T::ReportNotWritten),
            T::ReportNotWritten.get(Lang::Id)
        );
    }

    // Guards: the same goal in Indonesian, with Indonesian number and date formats.
    #[test]
    fn goal_sentence_in_indonesian() {
        let g = Goal {
            metric: "penjualan produk X per bulan".into(),
            unit: "unit".into(),
            ..goal()
        };
        assert_eq!(
            sentence(&g, Lang::Id),
            "Meningkatkan penjualan produk X per bulan sebesar 20% (dari 1.000 menjadi 1.200 unit) \
             dalam 6 bulan (1 Januari 2026 – 1 Juli 2026)."
        );
    }

    // Guards: a fall reads as "reduce", percents and money keep their own formats.
    #[test]
    fn reductions_money_and_percent_units() {
        let cpa = Goal {
            metric: "CPA".into(),
            unit: "IDR".into(),
            baseline: Some(50_000.0),
            target: Some(40_000.0),
            end: Some(date("2026-01-15")),
            ..goal()
        };
        assert_eq!(
            sentence(&cpa, Lang::Id),
            "Menurunkan CPA sebesar 20% (dari Rp 50.000 menjadi Rp 40.000) \
             dalam 2 minggu (1 Januari 2026 – 15 Januari 2026)."
        );
        let rate = Goal {
            metric: "Conversion rate".into(),
            unit: "%".into(),
            baseline: Some(2.0),
            target: Some(2.5),
            end: None,
            ..goal()
        };
        assert_eq!(
            sentence(&rate, Lang::En),
            "Raise conversion rate by 25% (from 2% to 2.5%)."
        );
    }

    // Guards: from a zero baseline there is no percent; the sentence says from/to instead.
    #[test]
    fn zero_baseline_reads_from_to() {
        let leads = Goal {
            metric: "Leads".into(),
            unit: "leads".into(),
            baseline: Some(0.0),
            target: Some(500.0),
            end: Some(date("2026-01-11")),
            ..goal()
        };
        assert_eq!(
            sentence(&leads, Lang::En),
            "Raise leads from 0 to 500 leads in 10 days (1 January 2026 – 11 January 2026)."
        );
        assert_eq!(
            sentence(&leads, Lang::Id),
            "Meningkatkan leads dari 0 menjadi 500 leads dalam 10 hari (1 Januari 2026 – 11 Januari 2026)."
        );
    }

    // Guards: singular spans read "1 month", not "1 months".
    #[test]
    fn spans_have_singular_and_plural() {
        assert_eq!(span_text(Span::Months(1), Lang::En), "1 month");
        assert_eq!(span_text(Span::Weeks(3), Lang::En), "3 weeks");
        assert_eq!(span_text(Span::Days(1), Lang::Id), "1 hari");
    }

    // Guards: an "other" channel shows the name typed (trimmed), or the generic one when blank.
    #[test]
    fn other_channels_show_their_own_name_or_the_generic_one() {
        let named = Channel::Other("  Podcast ".into());
        assert_eq!(channel_name(&named, Lang::En), "Podcast");
        let unnamed = Channel::Other(" ".into());
        assert_eq!(
            channel_name(&unnamed, Lang::Id),
            T::ChannelOther.get(Lang::Id)
        );
        assert_eq!(channel_name(&Channel::Seo, Lang::En), "SEO");
    }

    // Guards: "other" channels keep the name the user typed; known ones are translated.
    #[test]
    fn channel_names() {
        let list = [Channel::Content, Channel::Other("Shopee Live".into())];
        assert_eq!(
            channel_list(&list, Lang::Id),
            "Pemasaran konten, Shopee Live"
        );
        assert_eq!(
            channel_list(&list, Lang::En),
            "Content marketing, Shopee Live"
        );
    }
}
