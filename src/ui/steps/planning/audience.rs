//! Step 4, target market: personas with demographics, psychographics, behaviour, needs and the
//! channels they use.

use leptos::prelude::*;

use crate::domain::model::plan::Persona;
use crate::i18n::T;
use crate::ui::form::{item_card, item_cards, item_get, item_set, ChannelPicker, TextField};

/// The audience step.
#[component]
pub fn AudienceStep() -> impl IntoView {
    item_cards(
        "personas",
        "persona",
        "name",
        T::AddPersona,
        T::PersonasEmpty,
        |id| Persona {
            id,
            ..Persona::default()
        },
        persona_card,
    )
}

/// A descriptive field of a persona: DOM id suffix, label, hint, read, write.
type TextAspect = (
    &'static str,
    T,
    T,
    fn(&Persona) -> String,
    fn(&mut Persona, String),
);

fn persona_card(item: String) -> impl IntoView {
    let id = |field: &str| format!("persona-{item}-{field}");
    let i = || item.clone();
    // The descriptive fields, each a multi-line field `persona-{id}-{field}` with a hint.
    let texts: [TextAspect; 4] = [
        (
            "demographics",
            T::PersonaDemographics,
            T::PersonaDemographicsHint,
            |x| x.demographics.clone(),
            |x, v| x.demographics = v,
        ),
        (
            "psychographics",
            T::PersonaPsychographics,
            T::PersonaPsychographicsHint,
            |x| x.psychographics.clone(),
            |x, v| x.psychographics = v,
        ),
        (
            "behaviour",
            T::PersonaBehaviour,
            T::PersonaBehaviourHint,
            |x| x.behaviour.clone(),
            |x, v| x.behaviour = v,
        ),
        (
            "needs",
            T::PersonaNeeds,
            T::PersonaNeedsHint,
            |x| x.needs.clone(),
            |x, v| x.needs = v,
        ),
    ];
    let texts = texts
        .into_iter()
        .map(|(field, label, hint, get, set)| {
            view! {
                <TextField
                    id=id(field)
                    label
                    hint
                    multiline=true
                    get=item_get(i(), get)
                    set=item_set(i(), set)
                />
            }
        })
        .collect_view();
    let fields = view! {
        <TextField
            id=id("name")
            label=T::PersonaName
            get=item_get(i(), |x: &Persona| x.name.clone())
            set=item_set(i(), |x: &mut Persona, v| x.name = v)
        />
        <div class="card-grid">{texts}</div>
        <ChannelPicker
            id=id("channels")
            get=item_get(i(), |x: &Persona| x.channels.clone())
            set=item_set(i(), |x: &mut Persona, v| x.channels = v)
        />
    };
    item_card(
        "personas",
        "persona",
        item.clone(),
        T::PersonaHeading,
        |x: &Persona| x.name.clone(),
        fields,
    )
}
