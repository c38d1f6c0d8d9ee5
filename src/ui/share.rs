//! Share links: making one for the open plan, and opening one. The link carries the plan's
//! export file, compressed, after `#` (see [`crate::domain::plan_file::share`]); opening it previews the
//! plan and imports it only when the user says so, through the same checks as a file.

use leptos::prelude::*;

use super::plans::{date_of, store_imported};
use super::route::Route;
use super::{redirect, use_ctx, Ctx};
use crate::domain::model::plan::Plan;
use crate::domain::plan_file::import::{export_json_compact, parse_plan_file, MAX_IMPORT_BYTES};
use crate::domain::plan_file::share::{
    read_share_path, share_fragment, ShareError, MAX_LINK_CHARS,
};
use crate::files::{copy_text, deflate, inflate, CompressError};
use crate::i18n::format::{format_date, format_money, DateStyle};
use crate::i18n::{Lang, T};

/// What making a link gave.
#[derive(Clone, Debug, PartialEq)]
enum Made {
    /// The link.
    Link(String),
    /// The plan is too large for a link: the link's length.
    TooLarge(usize),
    /// The browser cannot compress.
    Unsupported,
}

/// The address of this app without its fragment.
pub(crate) fn base_url() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

async fn make_link(plan: Plan) -> Made {
    let exported_at = js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default();
    let json = export_json_compact(&plan, env!("CARGO_PKG_VERSION"), &exported_at);
    match deflate(json.as_bytes()).await {
        Ok(bytes) => {
            let link = format!("{}{}", base_url(), share_fragment(&bytes));
            if link.len() > MAX_LINK_CHARS {
                Made::TooLarge(link.len())
            } else {
                Made::Link(link)
            }
        }
        Err(_) => Made::Unsupported,
    }
}

/// Selects the text of the field `id` (a link), so the user can copy it by hand.
pub(crate) fn select_field(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(input) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        let _ = input.focus();
        input.select();
    }
}

/// The "share by link" panel of the open plan: a button that makes the link, then the link
/// in a read-only field with a copy button, or why there is no link.
#[component]
pub fn ShareLink() -> impl IntoView {
    let ctx = use_ctx();
    let made = RwSignal::new(None::<Made>);
    let busy = RwSignal::new(false);
    let create = move |_| {
        ctx.flush();
        let Some(plan) = ctx.plan.get_untracked() else {
            return;
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            made.set(Some(make_link(plan).await));
            busy.set(false);
        });
    };
    // A link shows the plan as it was: any edit makes it stale, so it is taken away.
    Effect::new(move |first: Option<()>| {
        ctx.plan.track();
        if first.is_some() {
            made.set(None);
        }
    });
    let copy = move |_| {
        let Some(Made::Link(link)) = made.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            if copy_text(&link).await {
                ctx.tell(T::ShareCopied, &[]);
            } else {
                select_field("share-link");
                ctx.warn(T::ShareCopyManual, &[]);
            }
        });
    };
    let result = move || {
        let lang = ctx.lang.get();
        match made.get()? {
            Made::Link(link) => {
                let label = T::ShareLinkLabel.fill(lang, &[("length", &link.len().to_string())]);
                Some(
                    view! {
                        <div class="field share-field">
                            <label for="share-link">{label}</label>
                            <input id="share-link" type="text" readonly=true prop:value=link />
                        </div>
                        <button id="share-copy" type="button" on:click=copy>{T::ShareCopy.get(lang)}</button>
                    }
                    .into_any(),
                )
            }
            Made::TooLarge(length) => Some(
                view! {
                    <p id="share-too-large" class="warning" role="alert">
                        {T::ShareTooLarge.fill(
                            lang,
                            &[("length", &length.to_string()), ("limit", &MAX_LINK_CHARS.to_string())],
                        )}
                    </p>
                }
                .into_any(),
            ),
            Made::Unsupported => Some(
                view! { <p class="warning" role="alert">{T::ShareUnsupported.get(lang)}</p> }
                    .into_any(),
            ),
        }
    };
    view! {
        <section id="share" class="share no-print" aria-labelledby="share-title">
            <h2 id="share-title">{ctx.t(T::ShareTitle)}</h2>
            <p class="hint">{ctx.t(T::ShareHint)}</p>
            <button id="share-create" type="button" on:click=create prop:disabled=move || busy.get()>
                {ctx.t(T::ShareCreate)}
            </button>
            <div class="share-result" aria-live="polite">{result}</div>
        </section>
    }
}

/// Why a link could not be opened.
#[derive(Clone, Debug, PartialEq)]
enum OpenError {
    Link(ShareError),
    Compress(CompressError),
    Plan(crate::domain::plan_file::import::ImportError),
}

fn open_error_text(err: &OpenError, lang: Lang) -> String {
    let broken = |detail: String| T::ShareBroken.fill(lang, &[("detail", &detail)]);
    match err {
        OpenError::Link(e) => broken(match e {
            ShareError::Empty => T::ShareErrEmpty.get(lang).to_string(),
            ShareError::UnknownVersion(v) => T::ShareErrVersion.fill(lang, &[("version", v)]),
            ShareError::TooLong { len, limit } => T::ShareErrTooLong.fill(
                lang,
                &[("len", &len.to_string()), ("limit", &limit.to_string())],
            ),
            ShareError::BadCharacter { position } => {
                T::ShareErrBadChar.fill(lang, &[("position", &position.to_string())])
            }
            ShareError::Truncated => T::ShareErrTruncated.get(lang).to_string(),
        }),
        OpenError::Compress(CompressError::Unsupported) => {
            T::ShareUnsupported.get(lang).to_string()
        }
        OpenError::Compress(CompressError::Damaged) => {
            broken(T::ShareErrDamaged.get(lang).to_string())
        }
        OpenError::Compress(CompressError::TooLarge { limit }) => {
            broken(T::ShareErrTooLarge.fill(lang, &[("limit", &(limit / 1_000_000).to_string())]))
        }
        OpenError::Plan(e) => {
            crate::i18n::messages::import_error(e, lang, T::ShareFileName.get(lang))
        }
    }
}

async fn open_link(payload: String) -> Result<Plan, OpenError> {
    let compressed = read_share_path(&payload).map_err(OpenError::Link)?;
    // One byte over the file limit is enough for the import to say "too large".
    let bytes = inflate(&compressed, MAX_IMPORT_BYTES + 1)
        .await
        .map_err(OpenError::Compress)?;
    parse_plan_file(&bytes).map_err(OpenError::Plan)
}

/// The plan's preview, worded: name, goal, period, channels, budget, contents.
fn preview_rows(plan: &Plan, lang: Lang) -> Vec<(T, String)> {
    let none = || T::SummaryNone.get(lang).to_string();
    let goal = crate::i18n::sentences::goal_summary(&plan.goal, lang, T::SummaryNone);
    let date = |d: Option<crate::domain::values::date::Date>| {
        d.map_or_else(none, |d| format_date(d, lang, DateStyle::Short))
    };
    let channels: Vec<_> = plan.channels.iter().map(|c| c.channel.clone()).collect();
    let channels = if channels.is_empty() {
        none()
    } else {
        crate::i18n::sentences::channel_list(&channels, lang)
    };
    let counts = T::ShareCounts.fill(
        lang,
        &[
            ("kpis", &plan.kpis.len().to_string()),
            ("tasks", &plan.tasks.len().to_string()),
            ("measurements", &plan.measurements.len().to_string()),
            ("spend", &plan.spend.len().to_string()),
        ],
    );
    vec![
        (T::ShareName, plan.name.clone()),
        (T::SummaryGoal, goal),
        (
            T::SummaryPeriod,
            format!("{} – {}", date(plan.goal.start), date(plan.goal.end)),
        ),
        (T::SummaryChannels, channels),
        (
            T::SummaryBudget,
            format_money(plan.budget.total, &plan.currency, lang),
        ),
        (T::ShareContents, counts),
    ]
}

/// Imports the previewed plan: new, replacing the stored one, or as a copy; then opens it.
fn import(ctx: Ctx, plan: Plan, existing: bool, replace: bool) {
    let stored = if existing {
        store_imported(ctx, plan, replace)
    } else if ctx.store_new(&plan) {
        Some(plan)
    } else {
        None
    };
    if let Some(plan) = stored {
        ctx.tell(T::ShareImported, &[("name", &plan.name)]);
        // In place of the link, so Back does not offer the import again.
        redirect(&Route::Overview { plan: plan.id });
    }
}

/// The page a share link opens: the plan's preview and the choice to import it.
#[component]
pub fn SharePage(payload: String) -> impl IntoView {
    let ctx = use_ctx();
    let opened = RwSignal::new(None::<Result<Plan, OpenError>>);
    leptos::task::spawn_local(async move {
        let result = open_link(payload.clone()).await;
        // A second link pasted into the address bar while this one was unpacking replaced
        // this page: its result must not land on the next link's page.
        let still_here = ctx
            .route
            .with_untracked(|r| matches!(r, Route::Share { payload: p } if *p == payload));
        if still_here {
            opened.try_set(Some(result));
        }
    });
    let body = move || {
        let lang = ctx.lang.get();
        match opened.get() {
            None => {
                view! { <p class="hint" role="status">{T::ShareOpening.get(lang)}</p> }.into_any()
            }
            Some(Err(err)) => view! {
                <p id="share-error" class="warning" role="alert">{open_error_text(&err, lang)}</p>
                <p><a href="#/">{T::BackToPlans.get(lang)}</a></p>
            }
            .into_any(),
            Some(Ok(plan)) => {
                let rows = preview_rows(&plan, lang)
                    .into_iter()
                    .map(|(label, value)| view! { <dt>{label.get(lang)}</dt><dd>{value}</dd> })
                    .collect_view();
                let existing = ctx
                    .plans
                    .with(|list| list.iter().find(|m| m.id == plan.id).cloned());
                let choice = match existing {
                    Some(meta) => {
                        let (a, b) = (plan.clone(), plan.clone());
                        view! {
                            <p id="share-exists">
                                {T::ShareExists.fill(
                                    lang,
                                    &[("name", &meta.name), ("date", &date_of(meta.updated_at, lang))],
                                )}
                            </p>
                            <div class="toolbar">
                                <button id="share-replace" class="primary" type="button" on:click=move |_| import(ctx, a.clone(), true, true)>
                                    {T::ImportReplace.get(lang)}
                                </button>
                                <button id="share-copy-import" type="button" on:click=move |_| import(ctx, b.clone(), true, false)>
                                    {T::ImportAsCopy.get(lang)}
                                </button>
                                <a class="button" href="#/">{T::ShareDiscard.get(lang)}</a>
                            </div>
                        }
                        .into_any()
                    }
                    None => {
                        let plan = plan.clone();
                        view! {
                            <div class="toolbar">
                                <button id="share-import" class="primary" type="button" on:click=move |_| import(ctx, plan.clone(), false, false)>
                                    {T::ShareImport.get(lang)}
                                </button>
                                <a class="button" href="#/">{T::ShareDiscard.get(lang)}</a>
                            </div>
                        }
                        .into_any()
                    }
                };
                view! {
                    <p>{T::ShareIntro.get(lang)}</p>
                    <dl id="share-preview" class="summary-list">{rows}</dl>
                    {choice}
                }
                .into_any()
            }
        }
    };
    view! {
        <section class="share-page" aria-labelledby="share-page-title">
            <h1 id="share-page-title">{ctx.t(T::ShareOpenTitle)}</h1>
            {body}
        </section>
    }
}
