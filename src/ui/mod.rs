//! Thin Leptos components. They read state from [`Ctx`], call the pure core, and render.

pub mod route;
mod shell;
mod steps;

use leptos::prelude::*;

use crate::i18n::{Lang, T};
use route::Route;

/// Shared state handed to every component through context. Small and `Copy`, after the
/// leptos `counters` example.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The UI language.
    pub lang: RwSignal<Lang>,
    /// The page shown.
    pub route: RwSignal<Route>,
}

impl Ctx {
    /// A reactive text in the current UI language.
    pub fn t(self, key: T) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        let lang = self.lang;
        move || key.get(lang.get())
    }

    /// The text in the current UI language, read once (for use inside other closures).
    pub fn text(self, key: T) -> &'static str {
        key.get(self.lang.get())
    }
}

/// The context; every component below [`App`] has it.
pub fn use_ctx() -> Ctx {
    // Provided by `App` before any child renders, so it is always there.
    expect_context::<Ctx>()
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

fn browser_lang() -> Lang {
    let navigator = window().navigator();
    let tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(navigator.language())
        .collect();
    Lang::from_preferences(tags.iter().map(String::as_str))
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let settings = crate::storage::load_settings();
    let lang = RwSignal::new(settings.lang.unwrap_or_else(browser_lang));
    let route = RwSignal::new(Route::parse(&current_hash()));
    let ctx = Ctx { lang, route };
    provide_context(ctx);

    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(Route::parse(&current_hash()));
    });

    // Keep <html lang> and <title> in step with the UI; the crash screen reads `lang` too.
    Effect::new(move |_| {
        let lang = lang.get();
        let title = match route.get() {
            Route::Step { step, .. } => format!("{} · Alur", step.title().get(lang)),
            _ => T::DocTitle.get(lang).to_string(),
        };
        let document = document();
        if let Some(html) = document.document_element() {
            let _ = html.set_attribute("lang", lang.tag());
        }
        document.set_title(&title);
    });

    view! { <shell::Shell /> }
}
