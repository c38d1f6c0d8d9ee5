//! The plans page: every plan in this browser, with create, rename, duplicate, export, delete
//! (restorable), and import by file picker or drag and drop.

use crate::ui::control::{For, Show};
use leptos::prelude::*;

use super::engine::PlansAction;
use super::route::Route;
use super::widgets::status_label;
use super::{message, navigate, new_id, now_ms, today, use_ctx, Ctx};
use crate::domain::model::plan::Plan;
use crate::i18n::T;
use crate::storage::plans::{self, PlanMeta};

pub(crate) fn date_of(ms: i64, lang: crate::i18n::Lang) -> String {
    use crate::i18n::format::{format_date, DateStyle};
    super::local_date(ms as f64)
        .map(|d| format_date(d, lang, DateStyle::Short))
        .unwrap_or_default()
}

/// Runs an action of the plans page through the plan engine (loaded first if need be): the
/// code that reads and writes whole plans is not in the main module (see [`super::engine`]).
pub(crate) fn act(ctx: Ctx, action: PlansAction) {
    super::engine::with(ctx, move |engine| (engine.plans)(ctx, action));
}

/// The engine's side of [`act`].
pub(super) fn run(ctx: Ctx, action: PlansAction) {
    match action {
        PlansAction::CreateBlank => create_blank(ctx),
        PlansAction::CreateExample => create_example(ctx),
        PlansAction::Duplicate(id) => duplicate(ctx, &id),
        PlansAction::Rename { id, name, editing } => {
            if rename(ctx, &id, &name) {
                editing.set(false);
            }
        }
        PlansAction::Delete(meta) => delete(ctx, &meta),
        PlansAction::Restore(key) => restore(ctx, &key),
        PlansAction::Export(id) => export(ctx, &id),
        PlansAction::Import { file, conflict } => import_file(ctx, file, conflict),
        PlansAction::ResolveImport(pending, replace) => resolve_conflict(ctx, *pending, replace),
    }
}

fn create_blank(ctx: Ctx) {
    let plan = Plan::blank(&new_id(), ctx.text(T::UntitledPlan), now_ms());
    if ctx.store_new(&plan) {
        ctx.tell(T::Created, &[("name", &plan.name)]);
        navigate(&Route::Overview { plan: plan.id });
    }
}

fn duplicate(ctx: Ctx, id: &str) {
    ctx.flush();
    let lang = ctx.lang.get_untracked();
    match plans::load(id) {
        Ok(mut plan) => {
            plan.id = new_id();
            plan.name = T::CopySuffix.fill(lang, &[("name", &plan.name)]);
            plan.created_at = now_ms();
            plan.updated_at = plan.created_at;
            if ctx.store_new(&plan) {
                ctx.tell(T::Duplicated, &[("name", &plan.name)]);
            }
        }
        Err(err) => {
            // A damaged plan was moved to the recovery area: the list must no longer show it.
            ctx.refresh_plans();
            ctx.warn(T::OpenFailed, &[("reason", &err.to_string())]);
        }
    }
}

fn rename(ctx: Ctx, id: &str, name: &str) -> bool {
    let name = name.trim();
    if name.is_empty() {
        ctx.warn(T::NameRequired, &[]);
        return false;
    }
    let is_open = ctx
        .plan
        .with_untracked(|p| p.as_ref().is_some_and(|p| p.id == id));
    if is_open {
        ctx.edit(|p| p.name = name.to_string());
        ctx.flush();
    } else {
        match plans::load(id) {
            Ok(mut plan) => {
                plan.name = name.to_string();
                plan.updated_at = now_ms();
                plan.revision += 1;
                if !ctx.store_new(&plan) {
                    return false;
                }
            }
            Err(err) => {
                ctx.refresh_plans();
                ctx.warn(T::OpenFailed, &[("reason", &err.to_string())]);
                return false;
            }
        }
    }
    ctx.tell(T::Renamed, &[("name", name)]);
    true
}

fn delete(ctx: Ctx, meta: &PlanMeta) {
    ctx.flush();
    match plans::trash(&meta.id, now_ms()) {
        Ok(undo) => {
            if ctx
                .plan
                .with_untracked(|p| p.as_ref().is_some_and(|p| p.id == meta.id))
            {
                ctx.plan.set(None);
            }
            ctx.refresh_plans();
            ctx.notify(
                message(T::Deleted, &[("name", &meta.name)]),
                false,
                Some(undo),
            );
        }
        Err(err) => {
            // A damaged plan was moved to the recovery area: the list must no longer show it.
            ctx.refresh_plans();
            ctx.warn(T::OpenFailed, &[("reason", &err.to_string())]);
        }
    }
}

/// Restores a trash entry and says so.
fn restore(ctx: Ctx, key: &str) {
    match plans::restore(key, &new_id()) {
        Ok(plan) => {
            ctx.refresh_plans();
            ctx.tell(T::Restored, &[("name", &plan.name)]);
        }
        Err(err) => {
            // A damaged plan was moved to the recovery area: the list must no longer show it.
            ctx.refresh_plans();
            ctx.warn(T::OpenFailed, &[("reason", &err.to_string())]);
        }
    }
}

/// Downloads a plan as an `.alur.json` file.
fn export(ctx: Ctx, id: &str) {
    ctx.flush();
    // The open plan is exported from memory: when storage is full, memory holds the newest.
    let open = ctx
        .plan
        .with_untracked(|p| p.as_ref().filter(|p| p.id == id).cloned());
    let plan = match open.map_or_else(|| plans::load(id), Ok) {
        Ok(plan) => plan,
        Err(err) => {
            ctx.refresh_plans();
            ctx.warn(T::OpenFailed, &[("reason", &err.to_string())]);
            return;
        }
    };
    let file = crate::domain::plan_file::import::export_file_name(&plan.name, today());
    let text = crate::domain::plan_file::import::export_json(
        &plan,
        env!("CARGO_PKG_VERSION"),
        &js_sys::Date::new_0()
            .to_iso_string()
            .as_string()
            .unwrap_or_default(),
    );
    match crate::files::download(&file, &text, "application/json") {
        Ok(()) => ctx.tell(T::Exported, &[("file", &file)]),
        Err(_) => ctx.warn(T::ExportFailed, &[]),
    }
}

/// An imported plan whose id is already stored, waiting for the user's choice.
#[derive(Debug, PartialEq)]
pub(crate) struct PendingImport {
    file: String,
    plan: Plan,
    existing: PlanMeta,
}

fn import_file(ctx: Ctx, file: web_sys::File, conflict: RwSignal<Option<PendingImport>>) {
    use crate::domain::plan_file::import::{parse_plan_file, ImportError, MAX_IMPORT_BYTES};
    use crate::i18n::messages::import_error;
    let name = file.name();
    // Refuse an oversized file before reading it into memory.
    if file.size() > MAX_IMPORT_BYTES as f64 {
        let err = ImportError::TooLarge {
            size: file.size() as usize,
            limit: MAX_IMPORT_BYTES,
        };
        ctx.warn_with(move |l| import_error(&err, l, &name));
        return;
    }
    leptos::task::spawn_local(async move {
        let Ok(bytes) = crate::files::read_bytes(&file).await else {
            ctx.warn(T::ImportReadFailed, &[("file", &name)]);
            return;
        };
        match parse_plan_file(&bytes) {
            Err(err) => ctx.warn_with(move |l| import_error(&err, l, &name)),
            Ok(plan) => {
                let existing = ctx
                    .plans
                    .with_untracked(|list| list.iter().find(|m| m.id == plan.id).cloned());
                match existing {
                    Some(existing) => conflict.set(Some(PendingImport {
                        file: name,
                        plan,
                        existing,
                    })),
                    None => {
                        if ctx.store_new(&plan) {
                            ctx.tell(T::Imported, &[("name", &plan.name), ("file", &name)]);
                        }
                    }
                }
            }
        }
    });
}

fn resolve_conflict(ctx: Ctx, pending: PendingImport, replace: bool) {
    if let Some(plan) = store_imported(ctx, pending.plan, replace) {
        ctx.tell(
            T::Imported,
            &[("name", &plan.name), ("file", &pending.file)],
        );
    }
}

/// Stores an imported plan whose id is already taken: in place of the stored one (which goes
/// to the trash, restorable) or as a copy with a new id. The stored plan, or `None` after a
/// warning.
pub(crate) fn store_imported(ctx: Ctx, mut plan: Plan, replace: bool) -> Option<Plan> {
    let lang = ctx.lang.get_untracked();
    if replace {
        ctx.flush();
        // The version being replaced stays restorable from the trash.
        let kept = plans::load(&plan.id)
            .map_err(|e| e.to_string())
            .and_then(|old| plans::keep_in_trash(&old, now_ms()).map_err(|e| e.to_string()));
        if let Err(reason) = kept {
            ctx.refresh_plans();
            ctx.warn(T::OpenFailed, &[("reason", &reason)]);
            return None;
        }
    } else {
        plan.id = new_id();
        plan.name = T::CopySuffix.fill(lang, &[("name", &plan.name)]);
    }
    if !ctx.store_new(&plan) {
        return None;
    }
    if ctx
        .plan
        .with_untracked(|p| p.as_ref().is_some_and(|p| p.id == plan.id))
    {
        ctx.plan.set(Some(plan.clone()));
    }
    Some(plan)
}

fn first_file(list: Option<web_sys::FileList>) -> Option<web_sys::File> {
    list.and_then(|files| files.get(0))
}

/// The list of plans and everything done to them.
#[component]
pub fn PlansPage() -> impl IntoView {
    let ctx = use_ctx();
    let conflict = RwSignal::new(None::<PendingImport>);
    let dragging = RwSignal::new(false);
    // The trash is re-read whenever the plan list changes.
    let trash = Memo::new(move |_| {
        ctx.plans.track();
        plans::trashed()
    });

    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = first_file(input.files()) {
            act(ctx, PlansAction::Import { file, conflict });
        }
        // Clear, so picking the same file again still fires `change`.
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = first_file(ev.data_transfer().and_then(|dt| dt.files())) {
            act(ctx, PlansAction::Import { file, conflict });
        }
    };

    view! {
        <div
            class="plans-page"
            class:dragging=dragging
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                super::engine::preload();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <h1>{ctx.t(T::NavPlans)}</h1>
            <p class="lead">{ctx.t(T::PlansIntro)}</p>
            <div class="toolbar">
                <button class="primary" on:click=move |_| act(ctx, PlansAction::CreateBlank)>
                    {ctx.t(T::NewBlankPlan)}
                </button>
                <button on:click=move |_| act(ctx, PlansAction::CreateExample)>{ctx.t(T::NewExamplePlan)}</button>
                <span class="file-button">
                    <input
                        id="import-file"
                        class="visually-hidden"
                        type="file"
                        accept=".json,application/json"
                        on:change=on_pick
                    />
                    <label for="import-file" class="button">{ctx.t(T::ImportPlan)}</label>
                </span>
            </div>
            <p class="drop-hint">{ctx.t(T::ImportDrop)}</p>
            {move || {
                // What the panel says, read in place: the pending plan itself is never cloned
                // (a clone of a whole plan would put `Plan`'s clone code in the first download).
                conflict
                    .with(|c| {
                        c.as_ref()
                            .map(|p| (p.file.clone(), p.existing.name.clone(), p.existing.updated_at))
                    })
                    .map(|shown| view! { <ConflictPanel shown conflict /> })
            }}
            <Show
                when=move || !ctx.plans.with(Vec::is_empty)
                fallback=move || {
                    view! {
                        <section class="empty-state">
                            <h2>{ctx.t(T::NoPlansTitle)}</h2>
                            <p>{ctx.t(T::NoPlansBody)}</p>
                        </section>
                    }
                }
            >
                <table class="plans-table">
                    <thead>
                        <tr>
                            <th scope="col">{ctx.t(T::ColName)}</th>
                            <th scope="col">{ctx.t(T::ColStatus)}</th>
                            <th scope="col">{ctx.t(T::ColUpdated)}</th>
                            <th scope="col">{ctx.t(T::ColActions)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || ctx.plans.get()
                            key=|m| (m.id.clone(), m.name.clone(), m.updated_at, m.status)
                            let:meta
                        >
                            <PlanRow meta />
                        </For>
                    </tbody>
                </table>
            </Show>
            <RecoveryPanel />
            <Show when=move || !trash.with(Vec::is_empty)>
                <section class="trash">
                    <h2>{ctx.t(T::TrashTitle)}</h2>
                    <ul>
                        <For each=move || trash.get() key=|entry| entry.key.clone() let:entry>
                            <TrashRow key=entry.key name=entry.name deleted_at=entry.deleted_at />
                        </For>
                    </ul>
                </section>
            </Show>
        </div>
    }
}

fn create_example(ctx: Ctx) {
    let plan = crate::domain::model::templates::seed_example(
        ctx.lang.get_untracked(),
        &mut new_id,
        now_ms(),
        today(),
    );
    if ctx.store_new(&plan) {
        ctx.tell(T::Created, &[("name", &plan.name)]);
        navigate(&Route::Overview { plan: plan.id });
    }
}

#[component]
fn ConflictPanel(
    /// The file's name, and the stored plan's name and last edit.
    shown: (String, String, i64),
    conflict: RwSignal<Option<PendingImport>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let (file, name, updated_at) = shown;
    let body = move || {
        T::ImportConflictBody.fill(
            ctx.lang.get(),
            &[
                ("file", &file),
                ("name", &name),
                ("date", &date_of(updated_at, ctx.lang.get())),
            ],
        )
    };
    // The choice takes the pending import out of the signal, which closes the panel.
    let resolve = move |replace: bool| {
        if let Some(pending) = conflict.try_update(Option::take).flatten() {
            act(ctx, PlansAction::ResolveImport(Box::new(pending), replace));
        }
    };
    let replace = move |_| resolve(true);
    let copy = move |_| resolve(false);
    view! {
        <section class="conflict" role="alertdialog" aria-labelledby="conflict-title">
            <h2 id="conflict-title">{ctx.t(T::ImportConflictTitle)}</h2>
            <p>{body}</p>
            <div class="toolbar">
                <button class="primary" on:click=replace>{ctx.t(T::ImportReplace)}</button>
                <button on:click=copy>{ctx.t(T::ImportAsCopy)}</button>
                <button on:click=move |_| conflict.set(None)>{ctx.t(T::Cancel)}</button>
            </div>
        </section>
    }
}

#[component]
fn PlanRow(meta: PlanMeta) -> impl IntoView {
    let ctx = use_ctx();
    let editing = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let draft = RwSignal::new(meta.name.clone());
    let id = meta.id.clone();
    let href = Route::Overview { plan: id.clone() }.to_hash();
    let input_id = format!("rename-{id}");

    let commit = {
        let id = id.clone();
        move || {
            act(
                ctx,
                PlansAction::Rename {
                    id: id.clone(),
                    name: draft.get_untracked(),
                    editing,
                },
            );
        }
    };
    let commit_click = commit.clone();
    let name_cell = {
        let meta = meta.clone();
        let input_id = input_id.clone();
        move || {
            if editing.get() {
                let commit = commit.clone();
                let label = T::RenameLabel.fill(ctx.lang.get(), &[("name", &meta.name)]);
                view! {
                    <label class="visually-hidden" for=input_id.clone()>{label}</label>
                    <input
                        id=input_id.clone()
                        prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev))
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
                            "Enter" => commit(),
                            "Escape" => editing.set(false),
                            _ => {}
                        }
                    />
                }
                .into_any()
            } else {
                view! { <a href=href.clone() class="plan-name">{meta.name.clone()}</a> }.into_any()
            }
        }
    };
    let actions = {
        let meta = meta.clone();
        move || {
            let (id1, id2) = (meta.id.clone(), meta.id.clone());
            let meta_for_delete = meta.clone();
            let name = meta.name.clone();
            if confirming.get() {
                view! {
                    <span class="confirm" role="group">
                        {T::DeleteConfirm.fill(ctx.lang.get(), &[("name", &name)])}
                        " "
                        <button class="danger" on:click=move |_| act(ctx, PlansAction::Delete(meta_for_delete.clone()))>
                            {ctx.t(T::DeleteYes)}
                        </button>
                        <button on:click=move |_| confirming.set(false)>{ctx.t(T::Cancel)}</button>
                    </span>
                }
                .into_any()
            } else if editing.get() {
                let commit = commit_click.clone();
                view! {
                    <button class="primary" on:click=move |_| commit()>{ctx.t(T::Save)}</button>
                    <button on:click=move |_| editing.set(false)>{ctx.t(T::Cancel)}</button>
                }
                .into_any()
            } else {
                let name_for_rename = name.clone();
                view! {
                    <button
                        on:click=move |_| {
                            draft.set(name_for_rename.clone());
                            editing.set(true);
                        }
                        aria-label=T::RenameNamed.fill(ctx.lang.get(), &[("name", &name)])
                    >
                        {ctx.t(T::Rename)}
                    </button>
                    <button on:click=move |_| act(ctx, PlansAction::Duplicate(id1.clone()))>{ctx.t(T::Duplicate)}</button>
                    <button on:click=move |_| act(ctx, PlansAction::Export(id2.clone()))>{ctx.t(T::Export)}</button>
                    <button class="danger" on:click=move |_| confirming.set(true)>
                        {ctx.t(T::Delete)}
                    </button>
                }
                .into_any()
            }
        }
    };
    view! {
        <tr data-plan=id.clone()>
            <td>{name_cell}</td>
            // The labels head the cells where the table becomes cards (a phone).
            <td data-label=ctx.t(T::ColStatus)>{move || ctx.t(status_label(meta.status))()}</td>
            <td data-label=ctx.t(T::ColUpdated)>{move || date_of(meta.updated_at, ctx.lang.get())}</td>
            <td class="actions">{actions}</td>
        </tr>
    }
}

#[component]
fn TrashRow(key: String, name: String, deleted_at: i64) -> impl IntoView {
    let ctx = use_ctx();
    let key2 = key.clone();
    view! {
        <li>
            <span class="plan-name">{name}</span>
            " "
            <span class="muted">
                {move || T::TrashDeletedOn.fill(ctx.lang.get(), &[("date", &date_of(deleted_at, ctx.lang.get()))])}
            </span>
            " "
            <button on:click=move |_| act(ctx, PlansAction::Restore(key.clone()))>{ctx.t(T::Restore)}</button>
            <button
                class="danger"
                on:click=move |_| {
                    let _ = plans::purge(&key2);
                    ctx.refresh_plans();
                }
            >
                {ctx.t(T::DeleteForever)}
            </button>
        </li>
    }
}

/// Saved data that could not be read, kept byte for byte and offered for download.
#[component]
fn RecoveryPanel() -> impl IntoView {
    let ctx = use_ctx();
    let entries = Memo::new(move |_| {
        ctx.plans.track();
        plans::damaged()
    });
    view! {
        <Show when=move || !entries.with(Vec::is_empty)>
            <section class="recovery" aria-labelledby="recovery-title">
                <h2 id="recovery-title">{ctx.t(T::RecoveryTitle)}</h2>
                <p>{ctx.t(T::RecoveryBody)}</p>
                <ul>
                    <For each=move || entries.get() key=|(key, _)| key.clone() let:entry>
                        <DamagedRow key=entry.0 text=entry.1 />
                    </For>
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn DamagedRow(key: String, text: String) -> impl IntoView {
    let ctx = use_ctx();
    let file = format!("{}.json", key.replace(':', "-"));
    let (key2, file2) = (key.clone(), file.clone());
    view! {
        <li>
            <code>{key.clone()}</code>
            " "
            <button
                aria-label=move || T::DownloadNamed.fill(ctx.lang.get(), &[("name", &file2)])
                on:click=move |_| {
                    if crate::files::download(&file, &text, "application/json").is_err() {
                        ctx.warn(T::ExportFailed, &[]);
                    }
                }
            >
                {ctx.t(T::Download)}
            </button>
            <button
                class="danger"
                aria-label=move || T::DeleteNamed.fill(ctx.lang.get(), &[("name", &key)])
                on:click=move |_| {
                    let _ = plans::purge_damaged(&key2);
                    ctx.refresh_plans();
                }
            >
                {ctx.t(T::DeleteForever)}
            </button>
        </li>
    }
}
