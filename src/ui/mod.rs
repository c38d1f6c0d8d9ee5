//! Thin Leptos components. They read state from [`Ctx`], call the pure core, and render.

mod charts;
pub(crate) mod chunks;
pub use chunks::{step_chunk, OVERVIEW_CHUNK};
pub mod control;
mod dashboard;
mod drag;
pub(crate) mod engine;
mod form;
pub(crate) mod items;
mod overview;
mod plans;
pub(crate) mod progress;
pub mod route;
mod session;
pub(crate) mod share;
mod shell;
pub(crate) mod steps;
pub(crate) mod team;
mod widgets;

use leptos::prelude::*;

use crate::domain::model::plan::Plan;
use crate::i18n::{Lang, T};
use crate::storage::plans::PlanMeta;
use route::Route;
pub use session::SaveState;

/// A message that renders itself in whichever language the UI speaks when it is shown, so a
/// notice follows a language switch.
pub type Message = std::sync::Arc<dyn Fn(Lang) -> String + Send + Sync>;

/// A message shown to the user in the notice area.
#[derive(Clone)]
pub struct Notice {
    /// The text.
    pub message: Message,
    /// True for problems (announced assertively), false for confirmations.
    pub error: bool,
    /// A trash key to restore from, when the notice offers "Undo".
    pub undo: Option<String>,
}

/// Shared state handed to every component through context. Small and `Copy`, after the
/// leptos `counters` example; no signals live inside the plan data itself.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The UI language.
    pub lang: RwSignal<Lang>,
    /// The page shown.
    pub route: RwSignal<Route>,
    /// Summaries of every stored plan, for the plans page.
    pub plans: RwSignal<Vec<PlanMeta>>,
    /// The open plan, edited in memory and autosaved.
    pub plan: RwSignal<Option<Plan>>,
    /// The id of the plan being opened while the plan engine loads (see [`engine`]).
    pub opening: RwSignal<Option<engine::Opening>>,
    /// Whether the open plan's last edit is stored.
    pub save: RwSignal<SaveState>,
    /// The latest notice.
    pub notice: RwSignal<Option<Notice>>,
    pending: StoredValue<Option<TimeoutHandle>>,
    /// The stored revision the open plan's edits build on; a stored revision that differs
    /// means another tab saved in between.
    base_revision: StoredValue<u64>,
    /// The stored version the open plan's edits build on: the base of a two-tab merge.
    base: StoredValue<Option<Plan>>,
    /// When two tabs changed the same fields: which ones, for the question.
    pub conflict_fields: RwSignal<Vec<String>>,
    /// Undo and redo of the open plan.
    history: StoredValue<crate::domain::history::undo::History<Plan>>,
    /// Whether undo and redo are possible, for the buttons.
    pub can_undo_redo: RwSignal<(bool, bool)>,
    /// The drag under way, if any (one at a time in the whole app).
    pub drag: drag::DragState,
    /// Whether the page is being printed: what folds away on screen is laid out in full.
    pub printing: RwSignal<bool>,
    /// The open plan's team sync, when it is shared (see [`team`]).
    pub team: RwSignal<Option<team::TeamView>>,
}

impl Ctx {
    /// A reactive text in the current UI language.
    pub fn t(self, key: T) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        let lang = self.lang;
        move || key.get(lang.get())
    }

    /// The text in the current UI language, read without tracking (for event handlers).
    pub fn text(self, key: T) -> &'static str {
        key.get(self.lang.get_untracked())
    }

    /// Shows a confirmation: a translated text with its placeholders filled.
    pub fn tell(self, key: T, args: &[(&str, &str)]) {
        self.notify(message(key, args), false, None);
    }

    /// Shows a problem: a translated text with its placeholders filled.
    pub fn warn(self, key: T, args: &[(&str, &str)]) {
        self.notify(message(key, args), true, None);
    }

    /// Shows a confirmation worded by `f` in the current language.
    pub fn tell_with(self, f: impl Fn(Lang) -> String + Send + Sync + 'static) {
        self.notify(std::sync::Arc::new(f), false, None);
    }

    /// Shows a problem worded by `f` in the current language.
    pub fn warn_with(self, f: impl Fn(Lang) -> String + Send + Sync + 'static) {
        self.notify(std::sync::Arc::new(f), true, None);
    }

    /// Shows a notice, optionally with an "Undo" that restores the trash entry `undo`.
    pub fn notify(self, message: Message, error: bool, undo: Option<String>) {
        self.notice.set(Some(Notice {
            message,
            error,
            undo,
        }));
    }
}

/// A translated message with owned placeholder values.
pub fn message(key: T, args: &[(&str, &str)]) -> Message {
    let args: Vec<(String, String)> = args
        .iter()
        .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
        .collect();
    std::sync::Arc::new(move |lang| {
        let borrowed: Vec<(&str, &str)> =
            args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        key.fill(lang, &borrowed)
    })
}

/// The context; every component below [`App`] has it.
pub fn use_ctx() -> Ctx {
    // Provided by `App` before any child renders, so it is always there.
    expect_context::<Ctx>()
}

/// Now, in Unix milliseconds.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The local calendar date of a Unix time in milliseconds (in Jakarta, 23:30 UTC is already
/// the next day).
pub fn local_date(ms: f64) -> Option<crate::domain::values::date::Date> {
    let offset_minutes = js_sys::Date::new(&ms.into()).get_timezone_offset();
    crate::domain::values::date::Date::from_unix_ms(ms - offset_minutes * 60_000.0)
}

/// Today's local date.
pub fn today() -> crate::domain::values::date::Date {
    local_date(js_sys::Date::now()).unwrap_or(crate::domain::values::date::Date::EPOCH)
}

/// A new random id: 12 characters of `0-9a-z`.
pub fn new_id() -> String {
    const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    (0..12)
        .map(|_| {
            let i = (js_sys::Math::random() * ALPHABET.len() as f64) as usize;
            char::from(ALPHABET.get(i).copied().unwrap_or(b'0'))
        })
        .collect()
}

/// Goes to a page, adding a history entry.
pub fn navigate(route: &Route) {
    let _ = window().location().set_hash(&route.to_hash());
}

/// Goes to a page in place of the current history entry (for redirects).
pub fn redirect(route: &Route) {
    let location = window().location();
    let base = location.href().unwrap_or_default();
    let base = base.split('#').next().unwrap_or_default().to_string();
    let _ = location.replace(&format!("{base}{}", route.to_hash()));
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
    let (saved_lang, _) = crate::storage::settings_start();
    let lang = RwSignal::new(saved_lang.unwrap_or_else(browser_lang));
    let route = RwSignal::new(Route::parse(&current_hash()));
    let ctx = Ctx {
        lang,
        route,
        plans: RwSignal::new(Vec::new()),
        plan: RwSignal::new(None),
        opening: RwSignal::new(None),
        save: RwSignal::new(SaveState::Saved),
        notice: RwSignal::new(None),
        pending: StoredValue::new(None),
        base_revision: StoredValue::new(0),
        base: StoredValue::new(None),
        conflict_fields: RwSignal::new(Vec::new()),
        history: StoredValue::new(crate::domain::history::undo::History::new()),
        can_undo_redo: RwSignal::new((false, false)),
        drag: RwSignal::new(None),
        printing: RwSignal::new(false),
        team: RwSignal::new(None),
    };
    provide_context(ctx);
    session::start(ctx);

    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(Route::parse(&current_hash()));
    });
    chunks::preload_on_links();
    let _ = window_event_listener(leptos::ev::beforeprint, move |_| ctx.printing.set(true));
    let _ = window_event_listener(leptos::ev::afterprint, move |_| ctx.printing.set(false));

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
