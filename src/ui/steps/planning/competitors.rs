//! Step 3, competitor analysis: one card per competitor, and a side-by-side comparison table
//! (one column per competitor) behind a toggle button.

use crate::ui::control::Show;
use leptos::prelude::*;

use crate::domain::model::plan::Competitor;
use crate::i18n::sentences::channel_list;
use crate::i18n::{Lang, T};
use crate::ui::form::{item_card, item_cards, item_get, item_set, ChannelPicker, TextField};
use crate::ui::use_ctx;

/// The competitors step.
#[component]
pub fn CompetitorsStep() -> impl IntoView {
    let ctx = use_ctx();
    let comparing = RwSignal::new(false);
    view! {
        <div class="competitors-step">
            {item_cards(
                "competitors",
                "competitor",
                "name",
                T::AddCompetitor,
                T::CompetitorsEmpty,
                |id| Competitor { id, ..Competitor::default() },
                competitor_card,
            )}
            <p class="toolbar">
                <button
                    id="competitors-compare"
                    type="button"
                    aria-expanded=move || comparing.get().to_string()
                    aria-controls="competitor-comparison-region"
                    on:click=move |_| comparing.update(|on| *on = !*on)
                >
                    {move || ctx.t(if comparing.get() { T::CompareHide } else { T::CompareShow })()}
                </button>
            </p>
            <div id="competitor-comparison-region">
                <Show when=move || comparing.get()>
                    <Comparison />
                </Show>
            </div>
        </div>
    }
}

/// A free-text field of a competitor: DOM id suffix, label, read, write.
type TextAspect = (
    &'static str,
    T,
    fn(&Competitor) -> String,
    fn(&mut Competitor, String),
);

fn competitor_card(item: String) -> impl IntoView {
    let id = |field: &str| format!("competitor-{item}-{field}");
    let i = || item.clone();
    // The free-text aspects, each a multi-line field `competitor-{id}-{field}`.
    let texts: [TextAspect; 4] = [
        (
            "strategy",
            T::CompetitorStrategy,
            |x| x.strategy.clone(),
            |x, v| x.strategy = v,
        ),
        (
            "strengths",
            T::CompetitorStrengths,
            |x| x.strengths.clone(),
            |x, v| x.strengths = v,
        ),
        (
            "weaknesses",
            T::CompetitorWeaknesses,
            |x| x.weaknesses.clone(),
            |x, v| x.weaknesses = v,
        ),
        (
            "notes",
            T::CompetitorNotes,
            |x| x.notes.clone(),
            |x, v| x.notes = v,
        ),
    ];
    let texts = texts
        .into_iter()
        .map(|(field, label, get, set)| {
            view! {
                <TextField
                    id=id(field)
                    label
                    multiline=true
                    get=item_get(i(), get)
                    set=item_set(i(), set)
                />
            }
        })
        .collect_view();
    let fields = view! {
        <div class="card-grid">
            <TextField
                id=id("name")
                label=T::CompetitorName
                get=item_get(i(), |x: &Competitor| x.name.clone())
                set=item_set(i(), |x: &mut Competitor, v| x.name = v)
            />
            <TextField
                id=id("website")
                label=T::CompetitorWebsite
                get=item_get(i(), |x: &Competitor| x.website.clone())
                set=item_set(i(), |x: &mut Competitor, v| x.website = v)
            />
        </div>
        <ChannelPicker
            id=id("channels")
            get=item_get(i(), |x: &Competitor| x.channels.clone())
            set=item_set(i(), |x: &mut Competitor, v| x.channels = v)
        />
        <div class="card-grid">{texts}</div>
    };
    item_card(
        "competitors",
        "competitor",
        item.clone(),
        T::CompetitorHeading,
        |x: &Competitor| x.name.clone(),
        fields,
    )
}

/// A row of the comparison: its label and how to read a competitor's cell.
type Aspect = (T, fn(&Competitor, Lang) -> String);

/// The comparison: one column per competitor, one row per aspect. The wrapper scrolls on narrow
/// screens and is focusable, so the keyboard can scroll it too.
#[component]
fn Comparison() -> impl IntoView {
    let ctx = use_ctx();
    let competitors = move || {
        ctx.plan.with(|p| {
            p.as_ref()
                .map(|p| p.competitors.clone())
                .unwrap_or_default()
        })
    };
    let cell = |text: String| {
        if text.trim().is_empty() {
            "—".to_string()
        } else {
            text
        }
    };
    let rows = move || {
        let lang = ctx.lang.get();
        let list = competitors();
        let aspects: [Aspect; 4] = [
            (T::ChannelsUsed, |c, lang| channel_list(&c.channels, lang)),
            (T::CompetitorStrategy, |c, _| c.strategy.clone()),
            (T::CompetitorStrengths, |c, _| c.strengths.clone()),
            (T::CompetitorWeaknesses, |c, _| c.weaknesses.clone()),
        ];
        aspects
            .into_iter()
            .map(|(label, get)| {
                let cells = list
                    .iter()
                    .map(|c| view! { <td>{cell(get(c, lang))}</td> })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{label.get(lang)}</th>
                        {cells}
                    </tr>
                }
            })
            .collect_view()
    };
    let heads = move || {
        let lang = ctx.lang.get();
        competitors()
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let name = c.name.trim();
                let name = if name.is_empty() {
                    T::CompetitorHeading.fill(lang, &[("n", &(i + 1).to_string())])
                } else {
                    name.to_string()
                };
                view! { <th scope="col">{name}</th> }
            })
            .collect_view()
    };
    view! {
        <Show
            when=move || ctx.plan.with(|p| p.as_ref().is_some_and(|p| !p.competitors.is_empty()))
            fallback=move || view! { <p class="empty-hint">{ctx.t(T::CompareEmpty)}</p> }
        >
            <div
                class="table-scroll"
                tabindex="0"
                role="region"
                aria-labelledby="competitor-comparison-caption"
            >
                <table id="competitor-comparison" class="comparison">
                    <caption id="competitor-comparison-caption">{ctx.t(T::CompareCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ctx.t(T::CompareAspect)}</th>
                            {heads}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </Show>
    }
}
