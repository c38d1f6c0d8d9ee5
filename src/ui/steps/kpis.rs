//! placeholder
use leptos::prelude::*;
/// Step.
#[component]
pub fn KpisStep() -> impl IntoView { view! { <p>"x"</p> } }
