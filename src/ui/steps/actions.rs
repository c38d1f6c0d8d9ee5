//! placeholder
use leptos::prelude::*;
/// Step.
#[component]
pub fn ActionsStep() -> impl IntoView { view! { <p>"x"</p> } }
