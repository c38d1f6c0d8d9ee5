//! Step 5, market gaps: each gap with its description, priority and the evidence it rests on,
//! chosen from the trends, opportunities, challenges, competitors and personas of the plan.

use crate::ui::control::Show;
use leptos::prelude::*;

use crate::domain::model::lists::find_in;
use crate::domain::model::plan::{MarketGap, Priority};
use crate::domain::planning::research::{evidence_options, set_evidence, EvidenceKind};
use crate::i18n::sentences::priority_label;
use crate::i18n::T;
use crate::ui::form::{item_card, item_cards, item_get, item_set, SelectField, TextField};
use crate::ui::use_ctx;

/// The gaps step.
#[component]
pub fn GapsStep() -> impl IntoView {
    item_cards(
        "gaps",
        "gap",
        "description",
        T::AddGap,
        T::GapsEmpty,
        |id| MarketGap {
            id,
            ..MarketGap::default()
        },
        gap_card,
    )
}

fn gap_card(item: String) -> impl IntoView {
    let id = |field: &str| format!("gap-{item}-{field}");
    let i = || item.clone();
    let priorities = [Priority::High, Priority::Medium, Priority::Low]
        .map(|p| (p, priority_label(p)))
        .to_vec();
    let fields = view! {
        <div class="card-grid">
            <TextField
                id=id("description")
                label=T::GapDescription
                multiline=true
                get=item_get(i(), |x: &MarketGap| x.description.clone())
                set=item_set(i(), |x: &mut MarketGap, v| x.description = v)
            />
            <SelectField
                id=id("priority")
                label=T::GapPriority
                options=priorities
                get=item_get(i(), |x: &MarketGap| x.priority)
                set=item_set(i(), |x: &mut MarketGap, v| x.priority = v)
            />
        </div>
        <Evidence item=i() />
    };
    item_card(
        "gaps",
        "gap",
        item.clone(),
        T::GapHeading,
        // A description is too long for a heading: gaps are numbered instead.
        |_: &MarketGap| String::new(),
        fields,
    )
}

/// The label of a kind of evidence, and the label of one item of it while its text is empty.
fn kind_labels(kind: EvidenceKind) -> (T, T) {
    match kind {
        EvidenceKind::Trend => (T::EvidenceTrends, T::NoteTrend),
        EvidenceKind::Opportunity => (T::EvidenceOpportunities, T::NoteOpportunity),
        EvidenceKind::Challenge => (T::EvidenceChallenges, T::NoteChallenge),
        EvidenceKind::Competitor => (T::EvidenceCompetitors, T::CompetitorHeading),
        EvidenceKind::Persona => (T::EvidencePersonas, T::PersonaHeading),
    }
}

/// Checkboxes of everything the gap can cite, grouped by kind. Ticking one changes only the
/// gap, so the options (a memo) do not re-render and the focus stays on the checkbox.
#[component]
fn Evidence(item: String) -> impl IntoView {
    let ctx = use_ctx();
    let options = Memo::new(move |_| {
        ctx.plan
            .with(|p| p.as_ref().map(evidence_options).unwrap_or_default())
    });
    let prefix = format!("gap-{item}-evidence");
    let groups = move || {
        let all = options.get();
        EvidenceKind::ALL
            .into_iter()
            .filter(|kind| all.iter().any(|o| o.kind == *kind))
            .map(|kind| {
                let (group, fallback) = kind_labels(kind);
                let boxes = all
                    .iter()
                    .filter(|o| o.kind == kind)
                    .map(|o| {
                        let box_id = format!("{prefix}-{}", o.id);
                        let label = if o.label.is_empty() {
                            fallback.fill(ctx.lang.get(), &[("n", &o.number.to_string())])
                        } else {
                            o.label.clone()
                        };
                        let (gap, cited) = (item.clone(), o.id.clone());
                        let checked = {
                            let (gap, cited) = (gap.clone(), cited.clone());
                            move || {
                                ctx.plan.with(|p| {
                                    p.as_ref()
                                        .and_then(|p| find_in(&p.gaps, &gap))
                                        .is_some_and(|g| g.evidence.contains(&cited))
                                })
                            }
                        };
                        let on_change = move |ev: leptos::ev::Event| {
                            let on = event_target_checked(&ev);
                            let (gap, cited) = (gap.clone(), cited.clone());
                            ctx.edit(move |p| {
                                if let Some(g) = p.gaps.iter_mut().find(|g| g.id == gap) {
                                    set_evidence(g, &cited, on);
                                }
                            });
                        };
                        view! {
                            <li class="check">
                                <input
                                    id=box_id.clone()
                                    type="checkbox"
                                    prop:checked=checked
                                    on:change=on_change
                                />
                                <label for=box_id>{label}</label>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="evidence-group">
                        <h3>{group.get(ctx.lang.get())}</h3>
                        <ul>{boxes}</ul>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="evidence">
            <legend>{ctx.t(T::GapEvidence)}</legend>
            <Show when=move || options.with(Vec::is_empty)>
                <p class="empty-hint">{ctx.t(T::GapEvidenceEmpty)}</p>
            </Show>
            {groups}
        </fieldset>
    }
}
