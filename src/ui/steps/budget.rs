//! placeholder
use leptos::prelude::*;
/// Step.
#[component]
pub fn BudgetStep() -> impl IntoView { view! { <p>"x"</p> } }
