//! Pure helpers of the research steps (market, competitors, audience, gaps): channel choices, the evidence a gap can point at, and removal that keeps every
//! reference valid.

use crate::domain::model::lists::Identified;
use crate::domain::model::plan::{Channel, MarketGap, MarketSituation, Note, Plan};

/// A section of the market situation (step 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarketSection {
    /// Current trends.
    Trends,
    /// Opportunities.
    Opportunities,
    /// Challenges (the threats of SWOT).
    Challenges,
    /// Internal strengths.
    Strengths,
    /// Internal weaknesses.
    Weaknesses,
}

impl MarketSection {
    /// Every section, trends first, then the SWOT order.
    pub const ALL: [MarketSection; 5] = [
        MarketSection::Trends,
        MarketSection::Strengths,
        MarketSection::Weaknesses,
        MarketSection::Opportunities,
        MarketSection::Challenges,
    ];

    /// A stable lowercase name, for CSS classes and DOM ids.
    pub fn as_str(self) -> &'static str {
        match self {
            MarketSection::Trends => "trends",
            MarketSection::Opportunities => "opportunities",
            MarketSection::Challenges => "challenges",
            MarketSection::Strengths => "strengths",
            MarketSection::Weaknesses => "weaknesses",
        }
    }

    /// The notes of this section.
    pub fn notes(self, market: &MarketSituation) -> &Vec<Note> {
        match self {
            MarketSection::Trends => &market.trends,
            MarketSection::Opportunities => &market.opportunities,
            MarketSection::Challenges => &market.challenges,
            MarketSection::Strengths => &market.strengths,
            MarketSection::Weaknesses => &market.weaknesses,
        }
    }

    /// The notes of this section, for editing.
    pub fn notes_mut(self, market: &mut MarketSituation) -> &mut Vec<Note> {
        match self {
            MarketSection::Trends => &mut market.trends,
            MarketSection::Opportunities => &mut market.opportunities,
            MarketSection::Challenges => &mut market.challenges,
            MarketSection::Strengths => &mut market.strengths,
            MarketSection::Weaknesses => &mut market.weaknesses,
        }
    }
}

/// The channels offered as checkboxes; anything else is [`Channel::Other`].
pub const CHANNEL_CHOICES: [Channel; 11] = [
    Channel::Seo,
    Channel::Sem,
    Channel::Instagram,
    Channel::Facebook,
    Channel::Tiktok,
    Channel::X,
    Channel::Linkedin,
    Channel::Youtube,
    Channel::Email,
    Channel::Content,
    Channel::Website,
];

/// A stable lowercase name of a channel, for DOM ids; every "other" channel is `other`.
pub fn channel_slug(channel: &Channel) -> &'static str {
    match channel {
        Channel::Seo => "seo",
        Channel::Sem => "sem",
        Channel::Instagram => "instagram",
        Channel::Facebook => "facebook",
        Channel::Tiktok => "tiktok",
        Channel::X => "x",
        Channel::Linkedin => "linkedin",
        Channel::Youtube => "youtube",
        Channel::Email => "email",
        Channel::Content => "content",
        Channel::Website => "website",
        Channel::Other(_) => "other",
    }
}

/// Adds `channel` to `channels` when `on` and it is missing; removes it when not `on`.
pub fn set_channel(channels: &mut Vec<Channel>, channel: &Channel, on: bool) {
    let present = channels.contains(channel);
    if on && !present {
        channels.push(channel.clone());
    } else if !on {
        channels.retain(|c| c != channel);
    }
}

/// The names of the "other" channels, comma-separated, for a text field.
pub fn other_channels_text(channels: &[Channel]) -> String {
    channels
        .iter()
        .filter_map(|c| match c {
            Channel::Other(name) => Some(name.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Replaces the "other" channels by the comma-separated names in `text` (trimmed, blanks and
/// repeats dropped), keeping the listed channels as they are.
pub fn set_other_channels(channels: &mut Vec<Channel>, text: &str) {
    channels.retain(|c| !matches!(c, Channel::Other(_)));
    for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let channel = Channel::Other(name.to_string());
        if !channels.contains(&channel) {
            channels.push(channel);
        }
    }
}

/// What a piece of a gap's evidence is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EvidenceKind {
    /// A market trend.
    Trend,
    /// A market opportunity.
    Opportunity,
    /// A market challenge.
    Challenge,
    /// A competitor.
    Competitor,
    /// A persona.
    Persona,
}

impl EvidenceKind {
    /// The kinds in the order the gap form lists them.
    pub const ALL: [EvidenceKind; 5] = [
        EvidenceKind::Trend,
        EvidenceKind::Opportunity,
        EvidenceKind::Challenge,
        EvidenceKind::Competitor,
        EvidenceKind::Persona,
    ];
}

/// Something a gap can cite as evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceOption {
    /// The id stored in `gap.evidence`.
    pub id: String,
    /// What it is.
    pub kind: EvidenceKind,
    /// Its text or name as typed (trimmed; may be empty).
    pub label: String,
    /// Its 1-based position among its kind, for a label when the text is empty.
    pub number: usize,
}

/// Every trend, opportunity, challenge, competitor and persona a gap can cite, in
/// [`EvidenceKind::ALL`] order.
pub fn evidence_options(plan: &Plan) -> Vec<EvidenceOption> {
    let m = &plan.market;
    let notes = |kind, list: &[Note]| -> Vec<EvidenceOption> {
        list.iter()
            .enumerate()
            .map(|(i, n)| EvidenceOption {
                id: n.id.clone(),
                kind,
                label: n.text.trim().to_string(),
                number: i + 1,
            })
            .collect()
    };
    let mut out = notes(EvidenceKind::Trend, &m.trends);
    out.extend(notes(EvidenceKind::Opportunity, &m.opportunities));
    out.extend(notes(EvidenceKind::Challenge, &m.challenges));
    out.extend(
        plan.competitors
            .iter()
            .enumerate()
            .map(|(i, c)| EvidenceOption {
                id: c.id.clone(),
                kind: EvidenceKind::Competitor,
                label: c.name.trim().to_string(),
                number: i + 1,
            }),
    );
    out.extend(
        plan.personas
            .iter()
            .enumerate()
            .map(|(i, p)| EvidenceOption {
                id: p.id.clone(),
                kind: EvidenceKind::Persona,
                label: p.name.trim().to_string(),
                number: i + 1,
            }),
    );
    out
}

/// Cites `id` as evidence of the gap when `on`, or stops citing it.
pub fn set_evidence(gap: &mut MarketGap, id: &str, on: bool) {
    let present = gap.evidence.iter().any(|e| e == id);
    if on && !present {
        gap.evidence.push(id.to_string());
    } else if !on {
        gap.evidence.retain(|e| e != id);
    }
}

/// Removes the market note, competitor, persona or gap with `id`, and every reference to it
/// (gap evidence, the gaps and personas of channel plans), so the plan stays valid. Returns
/// whether anything was removed.
pub fn remove_item(plan: &mut Plan, id: &str) -> bool {
    fn drop_id<I: Identified>(list: &mut Vec<I>, id: &str) -> bool {
        let before = list.len();
        list.retain(|x| x.id() != id);
        list.len() != before
    }
    let mut removed = false;
    for section in MarketSection::ALL {
        removed |= drop_id(section.notes_mut(&mut plan.market), id);
    }
    removed |= drop_id(&mut plan.competitors, id);
    removed |= drop_id(&mut plan.personas, id);
    removed |= drop_id(&mut plan.gaps, id);
    if removed {
        drop_references(plan, id);
    }
    removed
}

/// Removes every reference to `id` (gap evidence, the gaps and personas of channel plans), for
/// an item already taken out of its list.
pub fn drop_references(plan: &mut Plan, id: &str) {
    for gap in &mut plan.gaps {
        gap.evidence.retain(|e| e != id);
    }
    for channel in &mut plan.channels {
        channel.gaps.retain(|g| g != id);
        channel.personas.retain(|p| p != id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::lists::{find, find_in, find_in_mut, ids, position};
    use crate::domain::model::plan::{ChannelPlan, Competitor, Persona};
    use crate::domain::model::validate::validate;

    fn note(id: &str, text: &str) -> Note {
        Note {
            id: id.into(),
            text: text.into(),
        }
    }

    fn sample() -> Plan {
        let mut plan = Plan::blank("p1", "Plan", 0);
        plan.market.trends = vec![note("t1", " Reels grow "), note("t2", "")];
        plan.market.challenges = vec![note("c1", "CPC rises")];
        plan.competitors = vec![Competitor {
            id: "k1".into(),
            name: "Brand A".into(),
            ..Competitor::default()
        }];
        plan.personas = vec![Persona {
            id: "p1".into(),
            name: "Dewi".into(),
            ..Persona::default()
        }];
        plan.gaps = vec![MarketGap {
            id: "g1".into(),
            description: "How-to content".into(),
            evidence: vec!["t1".into(), "k1".into(), "p1".into()],
            ..MarketGap::default()
        }];
        plan.channels = vec![ChannelPlan {
            id: "ch1".into(),
            channel: Channel::Instagram,
            rationale: String::new(),
            gaps: vec!["g1".into()],
            personas: vec!["p1".into()],
            tactics: String::new(),
        }];
        plan
    }

    // Guards: removing a cited item must not leave a dangling id that makes the plan invalid.
    #[test]
    fn removing_an_item_drops_every_reference_to_it() {
        let mut plan = sample();
        assert!(validate(&plan).is_empty());
        for id in ["t1", "k1", "p1", "g1"] {
            assert!(remove_item(&mut plan, id), "{id} not removed");
            assert!(validate(&plan).is_empty(), "dangling reference after {id}");
        }
        assert!(plan.personas.is_empty() && plan.gaps.is_empty());
        assert!(plan.channels[0].gaps.is_empty() && plan.channels[0].personas.is_empty());
        assert!(!remove_item(&mut plan, "nope"));
    }

    // Guards: the gap form offers notes, competitors and personas in order, with positions.
    #[test]
    fn evidence_options_list_every_citable_item() {
        let options = evidence_options(&sample());
        let summary: Vec<_> = options
            .iter()
            .map(|o| (o.id.as_str(), o.kind, o.label.as_str(), o.number))
            .collect();
        assert_eq!(
            summary,
            [
                ("t1", EvidenceKind::Trend, "Reels grow", 1),
                ("t2", EvidenceKind::Trend, "", 2),
                ("c1", EvidenceKind::Challenge, "CPC rises", 1),
                ("k1", EvidenceKind::Competitor, "Brand A", 1),
                ("p1", EvidenceKind::Persona, "Dewi", 1),
            ]
        );
    }

    // Guards: ticking twice does not cite twice; unticking removes the citation.
    #[test]
    fn evidence_toggles_without_repeats() {
        let mut gap = MarketGap::default();
        set_evidence(&mut gap, "t1", true);
        set_evidence(&mut gap, "t1", true);
        assert_eq!(gap.evidence, ["t1"]);
        set_evidence(&mut gap, "t1", false);
        assert!(gap.evidence.is_empty());
    }

    // Guards: checkboxes and the "other" text edit one list without clobbering each other.
    #[test]
    fn channel_choices_and_other_names_share_one_list() {
        let mut channels = vec![Channel::Seo];
        set_channel(&mut channels, &Channel::Instagram, true);
        set_channel(&mut channels, &Channel::Instagram, true);
        set_other_channels(&mut channels, " Shopee Live, , Podcast,Shopee Live ");
        assert_eq!(
            channels,
            [
                Channel::Seo,
                Channel::Instagram,
                Channel::Other("Shopee Live".into()),
                Channel::Other("Podcast".into()),
            ]
        );
        assert_eq!(other_channels_text(&channels), "Shopee Live, Podcast");
        set_channel(&mut channels, &Channel::Seo, false);
        set_other_channels(&mut channels, "");
        assert_eq!(channels, [Channel::Instagram]);
    }

    // Guards: two checkboxes sharing a DOM id would tick each other's label.
    #[test]
    fn channel_slugs_are_unique() {
        let mut slugs: Vec<_> = CHANNEL_CHOICES.iter().map(channel_slug).collect();
        slugs.push(channel_slug(&Channel::Other("x".into())));
        let count = slugs.len();
        crate::domain::values::sort::sort(&mut slugs);
        slugs.dedup();
        assert_eq!(slugs.len(), count);
    }

    // Guards: items are found by id, and labels number them from 1.
    #[test]
    fn items_are_found_by_id() {
        let mut plan = sample();
        assert_eq!(position(&plan.market.trends, "t2"), Some(2));
        assert_eq!(position(&plan.market.trends, "x"), None);
        assert_eq!(ids(&plan.market.trends), ["t1", "t2"]);
        if let Some(c) = find_in_mut(&mut plan.competitors, "k1") {
            c.name = "Brand Z".into();
        }
        assert_eq!(
            find_in(&plan.competitors, "k1").map(|c| c.name.as_str()),
            Some("Brand Z")
        );
        // The same item, found in the plan by its kind.
        let found: Option<&Competitor> = find(&plan, "k1");
        assert_eq!(found.map(|c| c.name.as_str()), Some("Brand Z"));
    }
}
