//! Step 2, market situation: current trends, then a SWOT grid of strengths, weaknesses,
//! opportunities and threats (the challenges), each a list of notes.

use leptos::prelude::*;

use crate::domain::model::plan::{Note, Plan};
use crate::domain::planning::research::MarketSection;
use crate::i18n::T;
use crate::ui::form::NoteList;
use crate::ui::use_ctx;

/// The market step.
#[component]
pub fn MarketStep() -> impl IntoView {
    let ctx = use_ctx();
    let swot = [
        MarketSection::Strengths,
        MarketSection::Weaknesses,
        MarketSection::Opportunities,
        MarketSection::Challenges,
    ];
    view! {
        <div class="market-step">
            {notes(MarketSection::Trends)}
            <section class="swot" aria-labelledby="swot-heading">
                <h2 id="swot-heading">{ctx.t(T::SwotTitle)}</h2>
                <div class="swot-grid">{swot.into_iter().map(notes).collect_view()}</div>
            </section>
        </div>
    }
}

/// Reads and writes one section's notes in the plan.
type Access = (fn(&Plan) -> &Vec<Note>, fn(&mut Plan) -> &mut Vec<Note>);

/// The note list of one section, with the DOM id `market-{section}`.
fn notes(section: MarketSection) -> impl IntoView {
    // (heading, label of one note, add button, hint while empty)
    let (heading, item, add, empty) = match section {
        MarketSection::Trends => (T::MarketTrends, T::NoteTrend, T::AddTrend, T::EmptyTrends),
        MarketSection::Strengths => (
            T::MarketStrengths,
            T::NoteStrength,
            T::AddStrength,
            T::EmptyStrengths,
        ),
        MarketSection::Weaknesses => (
            T::MarketWeaknesses,
            T::NoteWeakness,
            T::AddWeakness,
            T::EmptyWeaknesses,
        ),
        MarketSection::Opportunities => (
            T::MarketOpportunities,
            T::NoteOpportunity,
            T::AddOpportunity,
            T::EmptyOpportunities,
        ),
        MarketSection::Challenges => (
            T::MarketChallenges,
            T::NoteChallenge,
            T::AddChallenge,
            T::EmptyChallenges,
        ),
    };
    let (read, write): Access = match section {
        MarketSection::Trends => (|p| &p.market.trends, |p| &mut p.market.trends),
        MarketSection::Strengths => (|p| &p.market.strengths, |p| &mut p.market.strengths),
        MarketSection::Weaknesses => (|p| &p.market.weaknesses, |p| &mut p.market.weaknesses),
        MarketSection::Opportunities => {
            (|p| &p.market.opportunities, |p| &mut p.market.opportunities)
        }
        MarketSection::Challenges => (|p| &p.market.challenges, |p| &mut p.market.challenges),
    };
    view! {
        <NoteList
            id=format!("market-{}", section.as_str())
            heading
            item_label=item
            add_label=add
            empty
            read
            write
        />
    }
}
