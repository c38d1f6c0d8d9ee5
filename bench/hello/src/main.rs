//! "Hello" in Leptos 0.8 CSR: one reactive counter, mounted on `<body>` like Alur.

use leptos::prelude::*;

#[component]
fn App() -> impl IntoView {
    let count = RwSignal::new(0);
    view! {
        <main class="hello">
            <h1>"Hello"</h1>
            <button on:click=move |_| count.update(|n| *n += 1)>"Clicked " {count} " times"</button>
        </main>
    }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
