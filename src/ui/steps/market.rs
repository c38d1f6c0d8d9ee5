//! Step 2, market situation: current trends, then a SWOT grid of strengths, weaknesses,
//! opportunities and threats (the challenges), each a list of notes.

use leptos::prelude::*;

use crate::i18n::T;
use crate::ui::form::NoteList;
use crate::ui::use_ctx;

/// The market step.
#[component]
pub fn MarketStep() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="market-step">
            <NoteList
                id="market-trends".into()
                heading=T::MarketTrends
                item_label=T::NoteTrend
                add_label=T::AddTrend
                empty=T::EmptyTrends
                read=|p| &p.market.trends
                write=|p| &mut p.market.trends
            />
            <section class="swot" aria-labelledby="swot-heading">
                <h2 id="swot-heading">{ctx.t(T::SwotTitle)}</h2>
                <div class="swot-grid">
                    <NoteList
                        id="market-strengths".into()
                        heading=T::MarketStrengths
                        item_label=T::NoteStrength
                        add_label=T::AddStrength
                        empty=T::EmptyStrengths
                        read=|p| &p.market.strengths
                        write=|p| &mut p.market.strengths
                    />
                    <NoteList
                        id="market-weaknesses".into()
                        heading=T::MarketWeaknesses
                        item_label=T::NoteWeakness
                        add_label=T::AddWeakness
                        empty=T::EmptyWeaknesses
                        read=|p| &p.market.weaknesses
                        write=|p| &mut p.market.weaknesses
                    />
                    <NoteList
                        id="market-opportunities".into()
                        heading=T::MarketOpportunities
                        item_label=T::NoteOpportunity
                        add_label=T::AddOpportunity
                        empty=T::EmptyOpportunities
                        read=|p| &p.market.opportunities
                        write=|p| &mut p.market.opportunities
                    />
                    <NoteList
                        id="market-challenges".into()
                        heading=T::MarketChallenges
                        item_label=T::NoteChallenge
                        add_label=T::AddChallenge
                        empty=T::EmptyChallenges
                        read=|p| &p.market.challenges
                        write=|p| &mut p.market.challenges
                    />
                </div>
            </section>
        </div>
    }
}
