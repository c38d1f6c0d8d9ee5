//! The one door to the code that loads on first use (#21): the plan engine with every page of a
//! plan (`store`), the Excel reader (`xlsx`) and team sync (`sync`) live in wasm chunks of their
//! own, fetched when first needed.
//!
//! With the `split` feature (the release build of `scripts/build-wasm.sh`), every part below
//! is a `wasm_split` point and `wasm-split-cli` cuts its code out of the main module. Without
//! it (native tests, `wasm-bindgen-test`, clippy) the same functions run in place, so the UI
//! reads the same either way.
//!
//! A chunk that cannot be fetched (offline without the cache, a new release replaced the files)
//! is an error value, never a panic: the loaders are `fallible`, and [`Part`] shows what failed
//! with a retry. A failed load is not remembered by the loader, so the retry fetches afresh.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use super::route::Route;
use super::use_ctx;
use crate::domain::analysis::importers::xlsx::XlsxError;
use crate::domain::model::workflow::Step;
use crate::i18n::T;
use wasm_bindgen::JsCast;

/// Why a part of the app is not shown: its chunk did not load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkError;

impl From<SplitLoaderError> for ChunkError {
    fn from(_: SplitLoaderError) -> Self {
        ChunkError
    }
}

/// A part's view once its chunk is in.
pub type Loaded = Result<AnyView, ChunkError>;
type Pending = Pin<Box<dyn Future<Output = Loaded>>>;

/// Declares a part of the app that loads on first use: `$load` builds its view (after fetching
/// its chunk), `$preload` only fetches the chunk. Parts with the same `$chunk` share one chunk.
macro_rules! part {
    ($chunk:ident, $load:ident, $preload:ident, ($($arg:ident: $ty:ty),*) => $body:expr) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split(
            $chunk,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload(#[allow(dead_code)] $preload)
        )]
        fn $load($($arg: $ty),*) -> Loaded {
            Ok($body.into_any())
        }

        #[cfg(not(feature = "split"))]
        async fn $load($($arg: $ty),*) -> Loaded {
            Ok($body.into_any())
        }

        #[cfg(not(feature = "split"))]
        #[allow(dead_code)]
        async fn $preload() -> Result<(), SplitLoaderError> {
            Ok(())
        }
    };
}

use super::steps::{analysis, execution, planning};

/// The parts of the workflow's steps: `Step => chunk, loader, preloader, component`.
///
/// Every step is in the plan engine's chunk (`store`), with the overview and the share page: a
/// plan's pages are all shown with the engine, which reads and writes the plan they edit, so
/// they arrive together on the first plan opened. A finer cut cost more than it saved, measured
/// in `make bench` (docs/wasm-split.md): one chunk per step or nine groups made wasm-split-cli
/// write a shared chunk for every set of parts sharing a function (293 or 113 files), and one
/// chunk per phase still gave 45 files, a deep link to the analysis waiting for 37 of them, and
/// a release 50 KB larger (wasm-opt cannot inline or remove a function across chunks).
macro_rules! step_parts {
    ($($step:ident => $chunk:ident, $load:ident, $preload:ident, $($component:ident)::+;)*) => {
        $(part!($chunk, $load, $preload, () => view! { <$($component)::+ /> });)*

        /// The form of a step, once its chunk is in.
        fn load_step(step: Step) -> Pending {
            match step {
                $(Step::$step => Box::pin($load()),)*
            }
        }

        /// The name of the chunk that holds a step's form (`split_<name>.wasm`), for the boot
        /// loader that fetches a deep link's chunk beside the main module
        /// (`cargo run --example prerender -- parts`).
        pub fn step_chunk(step: Step) -> &'static str {
            match step {
                $(Step::$step => stringify!($chunk),)*
            }
        }

        /// Fetches a step's chunk without showing it.
        fn preload_step_chunk(step: Step) -> Preloading {
            match step {
                $(Step::$step => Box::pin($preload()),)*
            }
        }
    };
}

type Preloading = Pin<Box<dyn Future<Output = Result<(), SplitLoaderError>>>>;

step_parts! {
    Goals => store, load_goals, preload_goals, planning::goals::GoalsStep;
    Market => store, load_market, preload_market, planning::market::MarketStep;
    Competitors => store, load_competitors, preload_competitors, planning::competitors::CompetitorsStep;
    Audience => store, load_audience, preload_audience, planning::audience::AudienceStep;
    Gaps => store, load_gaps, preload_gaps, planning::gaps::GapsStep;
    Strategy => store, load_strategy, preload_strategy, planning::strategy::StrategyStep;
    Kpis => store, load_kpis, preload_kpis, planning::kpis::KpisStep;
    Budget => store, load_budget, preload_budget, planning::budget::BudgetStep;
    Actions => store, load_actions, preload_actions, planning::actions::ActionsStep;
    Approval => store, load_approval, preload_approval, planning::approval::ApprovalStep;
    Today => store, load_today, preload_today, execution::today::TodayStep;
    Board => store, load_board, preload_board, execution::board::BoardStep;
    Calendar => store, load_calendar, preload_calendar, execution::calendar::CalendarStep;
    Spend => store, load_spend, preload_spend, execution::spend::SpendStep;
    Measurements => store, load_measurements, preload_measurements, execution::measurements::MeasurementsStep;
    Collect => store, load_collect, preload_collect, analysis::collect::CollectStep;
    Analyse => store, load_analyse, preload_analyse, analysis::analyse::AnalyseStep;
    Optimise => store, load_optimise, preload_optimise, analysis::optimise::OptimiseStep;
    Report => store, load_report, preload_report, analysis::report::ReportStep;
    NextCampaign => store, load_next_campaign, preload_next_campaign, analysis::next::NextStep;
}
// The overview, the share and invite pages, in the engine's chunk too.
part!(store, load_overview, preload_overview_chunk, () => view! { <super::overview::Overview /> });
part!(store, load_share, preload_share_chunk, (payload: String) => view! { <super::share::SharePage payload /> });
part!(store, load_join, preload_join_chunk, (payload: String) => view! { <super::team::panel::JoinPage payload /> });
// A step's frame (its heading, guidance, progress box, previous / next links) is the engine's
// too. With a plan open the engine is in and draws it in place (`Engine::step_page`); only a
// link to a step without a plan, before any plan was opened, shows it through this part.
part!(store, load_step_page, preload_step_page_chunk, (plan: Option<String>, step: Step) => view! { <super::steps::StepPage plan step /> });

/// The chunk of a plan's overview (`#/plan/<id>`), for the boot loader's deep links.
pub const OVERVIEW_CHUNK: &str = "store";

/// The Excel workbook reader (in a chunk of its own: it loads when a workbook is chosen on the
/// collect step, never for anyone who imports CSV).
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(xlsx, wasm_split_path = ::leptos::wasm_split, fallible)]
fn read_workbook(bytes: Vec<u8>) -> Result<Result<String, XlsxError>, ChunkError> {
    Ok(crate::domain::analysis::importers::xlsx::workbook_text(
        &bytes,
    ))
}

#[cfg(not(feature = "split"))]
async fn read_workbook(bytes: Vec<u8>) -> Result<Result<String, XlsxError>, ChunkError> {
    Ok(crate::domain::analysis::importers::xlsx::workbook_text(
        &bytes,
    ))
}

/// The plan engine (see [`super::engine`]): reading, writing, merging, importing and exporting
/// whole plans, in a chunk of its own (`store`) that loads when a plan is first opened or the
/// plans page acts on one.
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(
    store,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(preload_engine)
)]
pub fn load_engine() -> Result<super::engine::Engine, ChunkError> {
    Ok(super::session::engine())
}

#[cfg(not(feature = "split"))]
/// The plan engine, in place (no split build).
pub async fn load_engine() -> Result<super::engine::Engine, ChunkError> {
    Ok(super::session::engine())
}

#[cfg(not(feature = "split"))]
/// Nothing to fetch without the split build.
pub async fn preload_engine() -> Result<(), SplitLoaderError> {
    Ok(())
}

/// Team sync (see [`super::team`]): the Yjs engine, the session and its texts, in a chunk of
/// their own (`sync`) that loads when a shared plan is opened or a plan is shared, never for
/// solo use.
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(sync, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn load_team() -> Result<super::team::Team, ChunkError> {
    Ok(super::team::live::team())
}

#[cfg(not(feature = "split"))]
/// Team sync, in place (no split build).
pub async fn load_team() -> Result<super::team::Team, ChunkError> {
    Ok(super::team::live::team())
}

/// The CSV text of a workbook's report, once the reader's chunk is in.
pub async fn workbook_text(bytes: Vec<u8>) -> Result<Result<String, XlsxError>, ChunkError> {
    read_workbook(bytes).await
}

/// Fetches a step's chunk in the background (a link to it is hovered or focused, or it is the
/// step after the one open), so following the link shows it at once. A failure is silent here:
/// the page itself says so if it is opened.
pub fn preload_step(step: Step) {
    leptos::task::spawn_local(async move {
        let _ = preload_step_chunk(step).await;
    });
}

/// Fetches the chunk of the page a route shows, in the background.
pub fn preload(route: &Route) {
    match route {
        Route::Step {
            step,
            plan: Some(_),
        } => {
            super::engine::preload();
            preload_step(*step);
        }
        Route::Overview { .. } => {
            super::engine::preload();
            leptos::task::spawn_local(async move {
                let _ = preload_overview_chunk().await;
            });
        }
        _ => {}
    }
}

/// Preloads the page behind any in-app link the pointer rests on or the focus reaches, for
/// every link of the app at once (one listener each on the window, not one per link).
pub fn preload_on_links() {
    let on = |ev: &web_sys::Event| {
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        // The plans page's controls act through the plan engine: pointing at one fetches it,
        // so the click rarely waits.
        if target.as_ref().is_some_and(|e| {
            e.closest(".plans-page button, .plans-page label, .plans-page input, .notice button")
                .ok()
                .flatten()
                .is_some()
        }) {
            super::engine::preload();
        }
        let Some(link) = target.and_then(|e| e.closest("a[href^='#/']").ok().flatten()) else {
            return;
        };
        if let Some(href) = link.get_attribute("href") {
            preload(&Route::parse(&href));
        }
    };
    let _ = window_event_listener(leptos::ev::pointerover, move |ev| on(&ev));
    let _ = window_event_listener(leptos::ev::focusin, move |ev| on(&ev));
}

/// The form of a step, loaded on first use. Once it shows, the next step's chunk is fetched
/// in the background: that is where the user most likely goes next.
#[component]
pub fn StepBody(step: Step) -> impl IntoView {
    let load = move || {
        let pending = load_step(step);
        Box::pin(async move {
            let loaded = pending.await;
            if loaded.is_ok() {
                if let Some(next) = step.next() {
                    preload_step(next);
                }
            }
            loaded
        }) as Pending
    };
    view! { <Part load /> }
}

/// The page of a workflow step without a plan, before the engine's part is in.
#[component]
pub fn StepFrame(plan: Option<String>, step: Step) -> impl IntoView {
    view! { <Part load=move || Box::pin(load_step_page(plan.clone(), step)) as Pending /> }
}

/// The overview of the open plan, loaded on first use.
#[component]
pub fn OverviewPage() -> impl IntoView {
    view! { <Part load=|| Box::pin(load_overview()) as Pending /> }
}

/// The page a share link opens, loaded on first use.
#[component]
pub fn SharePage(payload: String) -> impl IntoView {
    view! { <Part load=move || Box::pin(load_share(payload.clone())) as Pending /> }
}

/// The page an invite link opens, loaded on first use.
#[component]
pub fn JoinPage(payload: String) -> impl IntoView {
    view! { <Part load=move || Box::pin(load_join(payload.clone())) as Pending /> }
}

/// What failed to load, with "Try again" (`retry`) and "Reload Alur".
pub(crate) fn failed(ctx: super::Ctx, what: T, retry: impl Fn() + 'static) -> AnyView {
    view! {
        <div class="chunk-failed" role="alert">
            <p>{ctx.t(what)}</p>
            <div class="toolbar">
                <button type="button" class="primary" on:click=move |_| retry()>
                    {ctx.t(T::ChunkRetry)}
                </button>
                <button type="button" on:click=|_| reload()>
                    {ctx.t(T::ChunkReload)}
                </button>
            </div>
        </div>
    }
    .into_any()
}

/// Shows a part once its chunk is in: nothing for the first moments (a chunk from the cache
/// arrives within a frame or two), then a loading line, or what failed and a retry.
#[component]
fn Part(load: impl Fn() -> Pending + Send + Sync + 'static) -> impl IntoView {
    let ctx = use_ctx();
    let attempt = RwSignal::new(0_u32);
    let shown = move || {
        attempt.track();
        let pending = send_wrapper::SendWrapper::new(load());
        Suspend::new(async move {
            match pending.await {
                Ok(view) => view,
                Err(ChunkError) => failed(ctx, T::ChunkFailed, move || attempt.update(|n| *n += 1)),
            }
        })
    };
    view! {
        <Suspense fallback=move || {
            view! { <p class="chunk-loading" role="status">{ctx.t(T::ChunkLoading)}</p> }
        }>{shown}</Suspense>
    }
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
