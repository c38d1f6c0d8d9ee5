//! The frame around every page: header with the language switch, workflow navigation, and the
//! page itself.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::route::Route;
use super::widgets::NoticeArea;
use super::{plans, use_ctx};
use crate::domain::model::workflow::{Phase, Step};
use crate::i18n::{Lang, T};

/// Header, navigation and the current page.
#[component]
pub fn Shell() -> impl IntoView {
    let ctx = use_ctx();
    let t = move |k| ctx.t(k);
    // On a phone the step list is folded behind a menu button; any move folds it again.
    let nav_open = RwSignal::new(false);
    Effect::new(move |_| {
        ctx.route.track();
        nav_open.set(false);
    });
    // Another page starts at its top, as a page load would: following a link from far down the
    // overview would otherwise open the step half-way down.
    Effect::new(move |previous: Option<Route>| {
        let route = ctx.route.get();
        if previous.is_some_and(|p| p != route) {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        route
    });
    // The save status (with undo and redo) and the tab-conflict panel concern an open plan,
    // and a plan is open only once the engine has loaded: they are drawn by its part. The memo
    // changes when a plan opens or closes, not on each edit.
    let has_plan = Memo::new(move |_| ctx.plan.with(Option::is_some));
    let engine_view = move |part: fn(&super::engine::Engine) -> fn() -> AnyView| {
        move || {
            has_plan
                .get()
                .then(|| super::engine::loaded().map(|e| part(&e)()))
                .flatten()
        }
    };
    view! {
        <a class="skip-link" href="#main" on:click=move |ev| {
            // The href would change the route; move focus instead.
            ev.prevent_default();
            if let Some(main) = document().get_element_by_id("main") {
                let _ = main.unchecked_ref::<web_sys::HtmlElement>().focus();
            }
        }>{t(T::SkipToContent)}</a>
        <header class="app-header">
            <a class="brand" href="#/">
                <span class="brand-name">"Alur"</span>
                <span class="brand-tagline">{t(T::AppTagline)}</span>
            </a>
            <div class="header-tools">
                <super::team::TeamStatus />
                {engine_view(|e| e.save_status)}
                <LanguageSwitch />
            </div>
        </header>
        <StorageOff />
        <NoticeArea />
        {engine_view(|e| e.tab_conflict)}
        <div
            class="app-body"
            class:nav-open=move || nav_open.get()
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                // Escape folds the phone's menu and gives the focus back to its button.
                if ev.key() == "Escape" && nav_open.get_untracked() {
                    nav_open.set(false);
                    if let Some(button) = document().get_element_by_id("nav-toggle") {
                        let _ = button.unchecked_ref::<web_sys::HtmlElement>().focus();
                    }
                }
            }
        >
            <PhoneBar nav_open />
            <Nav />
            <main id="main" tabindex="-1">
                <Page />
            </main>
        </div>
    }
}

/// Where the browser gives no localStorage: says so once, above every page, for as long as the
/// page is open (the app works, in this tab's memory only).
#[component]
fn StorageOff() -> impl IntoView {
    let ctx = use_ctx();
    (!crate::storage::persistent()).then(|| {
        view! {
            <section id="storage-off" class="warning storage-off" role="alert" aria-labelledby="storage-off-title">
                <h2 id="storage-off-title">{ctx.t(T::StorageOffTitle)}</h2>
                <p>{ctx.t(T::StorageOffBody)}</p>
            </section>
        }
    })
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let ctx = use_ctx();
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(lang) = Lang::from_tag(&event_target_value(&ev)) {
            ctx.lang.set(lang);
            // A failed settings write only loses the preference, never plan data.
            let _ = crate::storage::save_lang(lang);
        }
    };
    view! {
        <div class="lang-switch">
            <label for="lang-select">{ctx.t(T::Language)}</label>
            <select id="lang-select" on:change=on_change>
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <option value=l.tag() lang=l.tag() prop:selected=move || ctx.lang.get() == l>
                                {l.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The link to a step, for the plan in view.
fn step_href(plan: Option<String>, step: Step) -> String {
    Route::Step { plan, step }.to_hash()
}

/// The page's name on the phone's menu button: the step, or the plans page or overview.
fn page_title(route: &Route) -> T {
    match route {
        Route::Step { step, .. } => step.title(),
        Route::Overview { .. } => T::NavOverview,
        _ => T::NavPlans,
    }
}

/// On a phone (CSS shows it only there): the menu button that unfolds the step list, naming
/// the page in view, with the previous and next steps one tap away on either side.
#[component]
fn PhoneBar(nav_open: RwSignal<bool>) -> impl IntoView {
    let ctx = use_ctx();
    let step = move || {
        ctx.route.with(|r| match r {
            Route::Step { step, plan } => Some((*step, plan.clone())),
            _ => None,
        })
    };
    let neighbour = move |next: bool| {
        move || {
            let (step, plan) = step()?;
            let to = if next { step.next() } else { step.previous() }?;
            let lang = ctx.lang.get();
            let (id, word, symbol) = if next {
                ("nav-next", T::Next, "›")
            } else {
                ("nav-prev", T::Previous, "‹")
            };
            let label = format!("{}: {}", word.get(lang), to.title().get(lang));
            Some(view! {
                <a id=id class="phone-step" href=step_href(plan, to) aria-label=label.clone() title=label>
                    <span aria-hidden="true">{symbol}</span>
                </a>
            })
        }
    };
    view! {
        <nav class="phone-bar" aria-label=ctx.t(T::PhoneBarLabel)>
            {neighbour(false)}
            <button
                id="nav-toggle"
                type="button"
                aria-controls="app-nav"
                aria-expanded=move || if nav_open.get() { "true" } else { "false" }
                on:click=move |_| nav_open.update(|open| *open = !*open)
            >
                <span class="menu-icon" aria-hidden="true">"☰"</span>
                <span class="visually-hidden">{ctx.t(T::MainNav)} ": "</span>
                <span class="menu-page">{move || ctx.t(ctx.route.with(page_title))()}</span>
            </button>
            {neighbour(true)}
        </nav>
    }
}

#[component]
fn Nav() -> impl IntoView {
    let ctx = use_ctx();
    let plan_id = move || ctx.route.with(|r| r.plan_id().map(str::to_string));
    let open_plan = Memo::new(move |_| {
        ctx.plan
            .with(|p| p.as_ref().map(|p| (p.id.clone(), p.name.clone())))
    });
    // Which planning steps are complete, for the marks beside their links. A plan is open
    // only once the engine has loaded, so the checks come from its part.
    let complete = Memo::new(move |_| {
        ctx.plan.with(|p| {
            let engine = super::engine::loaded()?;
            p.as_ref().map(|p| (engine.complete_steps)(p))
        })
    });
    let mark = move |step: Step| {
        let index = Step::ALL.iter().position(|s| *s == step).unwrap_or(0);
        move || {
            if step.phase() != Phase::Plan {
                return None;
            }
            let done = complete.with(|c| c.as_ref().map(|c| c.get(index) == Some(&true)))?;
            let (symbol, key) = if done {
                ("✓", T::StepDoneMark)
            } else {
                ("○", T::StepTodoMark)
            };
            Some(view! {
                <span class="step-mark" class:done=done aria-hidden="true">{symbol}</span>
                <span class="visually-hidden">" (" {ctx.t(key)} ")"</span>
            })
        }
    };
    let is_current = move |step: Step| {
        ctx.route
            .with(|r| matches!(r, Route::Step { step: s, .. } if *s == step))
    };
    view! {
        <nav id="app-nav" class="app-nav" aria-label=ctx.t(T::MainNav)>
            <a
                href="#/"
                class="nav-plans"
                aria-current=move || (ctx.route.get() == Route::Plans).then_some("page")
            >
                {ctx.t(T::NavPlans)}
            </a>
            {move || {
                open_plan
                    .get()
                    .map(|(id, name)| {
                        let route = Route::Overview { plan: id };
                        let href = route.to_hash();
                        let current = move || (ctx.route.get() == route).then_some("page");
                        view! {
                            <p class="nav-plan-name">
                                <span class="visually-hidden">{ctx.t(T::CurrentPlan)} ": "</span>
                                {name}
                            </p>
                            <a href=href class="nav-plans" aria-current=current>
                                {ctx.t(T::NavOverview)}
                            </a>
                        }
                    })
            }}
            {Phase::ALL
                .into_iter()
                .map(|phase| {
                    view! {
                        <section class="nav-phase">
                            <h2>{ctx.t(phase.title())}</h2>
                            <ol>
                                {phase
                                    .steps()
                                    .map(|step| {
                                        view! {
                                            <li>
                                                <a
                                                    href=move || step_href(plan_id(), step)
                                                    aria-current=move || is_current(step).then_some("page")
                                                >
                                                    {ctx.t(step.title())}
                                                    {mark(step)}
                                                </a>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ol>
                        </section>
                    }
                })
                .collect_view()}
        </nav>
    }
}

#[component]
fn Page() -> impl IntoView {
    let ctx = use_ctx();
    // Only the open plan's id decides the page; edits to the plan must not rebuild it.
    let open_id = Memo::new(move |_| ctx.plan.with(|p| p.as_ref().map(|p| p.id.clone())));
    let is_open = move |id: &str| open_id.with(|open| open.as_deref() == Some(id));
    // While the plan engine loads (the first plan opened), the page says so rather than
    // "no such plan".
    let not_open = move |id: &str| match ctx.opening.get() {
        Some(super::engine::Opening::Loading(o)) if o == id => {
            // A plan joined from an invite waits for the team server; the header says how
            // that goes (connecting, refused).
            view! { <p class="chunk-loading" role="status">{ctx.t(T::PlanOpening)}</p> }.into_any()
        }
        Some(super::engine::Opening::Failed(o)) if o == id => {
            super::chunks::failed(ctx, T::EngineFailed, move || {
                super::session::open_with_engine(ctx, o.clone())
            })
        }
        _ => view! { <NoPlan /> }.into_any(),
    };
    // A step's page is the engine's: in place once it is in (always, with a plan open), else
    // through its part.
    let step_page = |plan: Option<String>, step: Step| match super::engine::loaded() {
        Some(engine) => (engine.step_page)(plan, step),
        None => view! { <super::chunks::StepFrame plan step /> }.into_any(),
    };
    move || match ctx.route.get() {
        Route::Plans => view! { <plans::PlansPage /> }.into_any(),
        Route::Overview { plan } => {
            if is_open(&plan) {
                view! { <super::chunks::OverviewPage /> }.into_any()
            } else {
                not_open(&plan)
            }
        }
        Route::Step {
            plan: Some(plan),
            step,
        } => {
            if is_open(&plan) {
                step_page(Some(plan), step)
            } else {
                not_open(&plan)
            }
        }
        Route::Step { plan: None, step } => step_page(None, step),
        Route::Share { payload } => view! { <super::chunks::SharePage payload /> }.into_any(),
        Route::Join { payload } => view! { <super::chunks::JoinPage payload /> }.into_any(),
        Route::PanicTest => {
            // Reached only through `#/debug/panic`: lets the end-to-end tests see the crash
            // screen.
            panic!("deliberate panic for testing the crash screen")
        }
        Route::NotFound => view! {
            <h1>{ctx.t(T::NotFoundTitle)}</h1>
            <p>{ctx.t(T::NotFoundBody)}</p>
            <p><a href="#/">{ctx.t(T::BackToPlans)}</a></p>
        }
        .into_any(),
    }
}

#[component]
fn NoPlan() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <h1>{ctx.t(T::NoPlanTitle)}</h1>
        <p>{ctx.t(T::NoPlanBody)}</p>
        <p><a href="#/">{ctx.t(T::BackToPlans)}</a></p>
    }
}
