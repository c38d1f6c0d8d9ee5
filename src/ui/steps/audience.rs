//! Step 4, target market: personas with demographics, psychographics, behaviour, needs and the
//! channels they use.

use leptos::prelude::*;

use crate::domain::plan::Persona;
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

fn persona_card(item: String) -> impl IntoView {
    let id = |field: &str| format!("persona-{item}-{field}");
    let i = || item.clone();
    let fields = view! {
        <TextField
            id=id("name")
            label=T::PersonaName
            get=item_get(i(), |x: &Persona| x.name.clone())
            set=item_set(i(), |x: &mut Persona, v| x.name = v)
        />
        <div class="card-grid">
            <TextField
                id=id("demographics")
                label=T::PersonaDemographics
                hint=T::PersonaDemographicsHint
                multiline=true
                get=item_get(i(), |x: &Persona| x.demographics.clone())
                set=item_set(i(), |x: &mut Persona, v| x.demographics = v)
            />
            <TextField
                id=id("psychographics")
                label=T::PersonaPsychographics
                hint=T::PersonaPsychographicsHint
                multiline=true
                get=item_get(i(), |x: &Persona| x.psychographics.clone())
                set=item_set(i(), |x: &mut Persona, v| x.psychographics = v)
            />
            <TextField
                id=id("behaviour")
                label=T::PersonaBehaviour
                hint=T::PersonaBehaviourHint
                multiline=true
                get=item_get(i(), |x: &Persona| x.behaviour.clone())
                set=item_set(i(), |x: &mut Persona, v| x.behaviour = v)
            />
            <TextField
                id=id("needs")
                label=T::PersonaNeeds
                multiline=true
                get=item_get(i(), |x: &Persona| x.needs.clone())
                set=item_set(i(), |x: &mut Persona, v| x.needs = v)
            />
        </div>
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
