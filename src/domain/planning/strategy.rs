//! The channel strategy's vocabulary: the standard channels in the order the wizard offers
//! them, their translated names, and the channel choices a KPI, allocation or task may take.

use crate::domain::model::plan::{Channel, Plan};

/// The channels offered by name, social media split per platform (the same list the
/// research steps offer as checkboxes). `Other` comes on top, with a name the user types.
pub use crate::domain::planning::research::CHANNEL_CHOICES as STANDARD_CHANNELS;

/// The channels a KPI, allocation or task can be tied to: the strategy's channels first (in
/// their order, once each), then the standard channels not chosen yet.
pub fn channel_choices(plan: &Plan) -> Vec<Channel> {
    let mut out: Vec<Channel> = Vec::new();
    let chosen = plan.channels.iter().map(|c| &c.channel);
    for channel in chosen.chain(STANDARD_CHANNELS.iter()) {
        if !out.contains(channel) {
            out.push(channel.clone());
        }
    }
    out
}

/// True when the strategy already has this channel (an `Other` channel counts by its name).
pub fn has_channel(plan: &Plan, channel: &Channel) -> bool {
    plan.channels.iter().any(|c| &c.channel == channel)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::plan::ChannelPlan;

    fn plan_with(channels: &[Channel]) -> Plan {
        let mut plan = Plan::blank("p", "P", 0);
        plan.channels = channels
            .iter()
            .enumerate()
            .map(|(i, c)| ChannelPlan {
                id: format!("c{i}"),
                channel: c.clone(),
                rationale: String::new(),
                gaps: Vec::new(),
                personas: Vec::new(),
                tactics: String::new(),
            })
            .collect();
        plan
    }

    // Guards: a strategy channel (including a named "other") must be offered first, and no
    // channel twice, or the selects of later steps would list duplicates.
    #[test]
    fn choices_put_strategy_channels_first_without_duplicates() {
        let podcast = Channel::Other("Podcast".into());
        let plan = plan_with(&[Channel::Sem, podcast.clone(), Channel::Sem]);
        let choices = channel_choices(&plan);
        assert_eq!(choices.first(), Some(&Channel::Sem));
        assert_eq!(choices.get(1), Some(&podcast));
        assert_eq!(choices.len(), STANDARD_CHANNELS.len() + 1);
        assert_eq!(choices.iter().filter(|c| **c == Channel::Sem).count(), 1);
    }

    #[test]
    fn has_channel_sees_only_the_strategy() {
        let plan = plan_with(&[Channel::Email]);
        assert!(has_channel(&plan, &Channel::Email));
        assert!(!has_channel(&plan, &Channel::Seo));
    }
}
