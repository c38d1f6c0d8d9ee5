//! The pages of team plans (#22): "Share with team" on a plan's overview (server and token,
//! then the invite link, the values concurrent edits replaced, and stopping), and the page an
//! invite link opens (`#/join/<payload>`).

use leptos::prelude::*;

use crate::domain::sync::{
    restore_into, room_of, Invite, InviteError, Lost, Offer, RestoreError, TeamLink,
};
use crate::i18n::format::{format_date, DateStyle};
use crate::i18n::{Lang, Tm};
use crate::storage::team as store;
use crate::ui::route::Route;
use crate::ui::share::base_url;
use crate::ui::{redirect, use_ctx, Ctx};

fn invite_error(error: &InviteError) -> Tm {
    match error {
        InviteError::NotWebSocket => Tm::NotWebSocket,
        InviteError::Unencrypted => Tm::Unencrypted,
        InviteError::BadRoom => Tm::BadRoom,
        InviteError::BadToken => Tm::BadToken,
        InviteError::Damaged => Tm::Damaged,
    }
}

/// Stores the link of plan `id` and connects.
fn share(ctx: Ctx, id: &str, link: &TeamLink) -> Result<(), String> {
    store::save_link(id, link).map_err(|e| e.to_string())?;
    super::opened(ctx, Some(id));
    Ok(())
}

/// "Share with team" on the open plan's overview.
#[component]
pub fn TeamPanel() -> impl IntoView {
    let ctx = use_ctx();
    let id = ctx
        .plan
        .with_untracked(|p| p.as_ref().map(|p| p.id.clone()))
        .unwrap_or_default();
    let link = RwSignal::new(store::link(&id).ok().flatten());
    let server = RwSignal::new(String::new());
    let token = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Message>);
    let share_id = id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        ctx.flush();
        let made = TeamLink::new(
            &server.get_untracked(),
            &room_of(&share_id),
            &token.get_untracked(),
        );
        match made {
            Ok(made) => match share(ctx, &share_id, &made) {
                Ok(()) => {
                    problem.set(None);
                    link.set(Some(made));
                    ctx.tell_with(|lang| Tm::Shared.get(lang).to_string());
                }
                Err(reason) => problem.set(Some(Message::Storage(reason))),
            },
            Err(e) => problem.set(Some(Message::Invite(invite_error(&e)))),
        }
    };
    let stop_id = id.clone();
    let stop = move |_| {
        if let Some(team) = super::loaded() {
            (team.stop)(ctx);
        }
        match store::forget(&stop_id) {
            Ok(()) => {
                link.set(None);
                ctx.tell_with(|lang| Tm::Stopped.get(lang).to_string());
            }
            Err(e) => problem.set(Some(Message::Storage(e.to_string()))),
        }
    };
    let copy = move |_| {
        let Some(l) = link.get_untracked() else {
            return;
        };
        let text = format!("{}{}", base_url(), l.invite_fragment(false));
        leptos::task::spawn_local(async move {
            if crate::files::copy_text(&text).await {
                ctx.tell_with(|lang| Tm::InviteCopied.get(lang).to_string());
            } else {
                crate::ui::share::select_field("team-invite");
                ctx.warn_with(|lang| Tm::InviteCopyManual.get(lang).to_string());
            }
        });
    };
    let tm = move |key: Tm| move || key.get(ctx.lang.get());
    let form = move || {
        view! {
            <form class="team-form" on:submit=submit.clone()>
                <div class="field">
                    <label for="team-server">{tm(Tm::Server)}</label>
                    <input
                        id="team-server"
                        type="url"
                        inputmode="url"
                        autocomplete="off"
                        placeholder="wss://"
                        aria-describedby="team-server-hint"
                        prop:value=move || server.get()
                        on:input=move |ev| server.set(event_target_value(&ev))
                    />
                    <p id="team-server-hint" class="hint">{tm(Tm::ServerHint)}</p>
                </div>
                <TokenField id="team-token" token hint=None />
                <button id="team-share" type="submit" class="primary">{tm(Tm::Share)}</button>
            </form>
        }
    };
    let shared = move |l: TeamLink| {
        let invite = format!("{}{}", base_url(), l.invite_fragment(false));
        let server = l.server.clone();
        view! {
            <p>{move || Tm::SharedVia.fill(ctx.lang.get(), &[("server", &server)])}</p>
            <div class="field share-field">
                <label for="team-invite">{tm(Tm::InviteLabel)}</label>
                <input id="team-invite" type="text" readonly=true prop:value=invite />
            </div>
            <div class="toolbar">
                <button id="team-copy" type="button" on:click=copy>{tm(Tm::InviteCopy)}</button>
                <button id="team-stop" type="button" on:click=stop.clone()>{tm(Tm::Stop)}</button>
            </div>
            <LostValues />
        }
    };
    view! {
        <section id="team" class="share team no-print" aria-labelledby="team-title">
            <h2 id="team-title">{tm(Tm::Title)}</h2>
            <p class="guidance">{tm(Tm::Intro)}</p>
            {move || match link.get() {
                Some(l) => shared(l).into_any(),
                None => form().into_any(),
            }}
            {move || {
                problem
                    .get()
                    .map(|m| {
                        view! { <p id="team-problem" class="warning" role="alert">{move || m.text(ctx.lang.get())}</p> }
                    })
            }}
        </section>
    }
}

/// What went wrong when sharing.
#[derive(Clone, Debug, PartialEq)]
enum Message {
    Invite(Tm),
    Storage(String),
}

impl Message {
    fn text(&self, lang: Lang) -> String {
        match self {
            Message::Invite(key) => key.get(lang).to_string(),
            Message::Storage(reason) => Tm::StorageFailed.fill(lang, &[("reason", reason)]),
        }
    }
}

/// A value as the history shows it.
fn shown(value: &serde_json::Value, lang: Lang) -> String {
    match value {
        serde_json::Value::Null => Tm::Empty.get(lang).to_string(),
        serde_json::Value::String(s) if s.is_empty() => Tm::Empty.get(lang).to_string(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Where a lost value was, for people: "KPIs & metrics › CTR Instagram › target", or "Plan name".
pub(crate) fn place_text(lost: &Lost, plan: &serde_json::Value, lang: Lang) -> String {
    let (step, parts) = lost.place(plan);
    if step.is_none() && parts == ["name"] {
        return crate::i18n::T::PlanName.get(lang).to_string();
    }
    step.map(|s| s.title().get(lang).to_string())
        .into_iter()
        .chain(parts)
        .collect::<Vec<_>>()
        .join(" › ")
}

/// The values concurrent edits replaced: one value of a field is kept everywhere, the other
/// stays visible here.
#[component]
fn LostValues() -> impl IntoView {
    let ctx = use_ctx();
    let history = move || {
        ctx.team
            .with(|t| t.as_ref().map(|t| t.history.clone()).unwrap_or_default())
    };
    move || {
        let list = history();
        (!list.is_empty()).then(|| {
            let lang = ctx.lang.get();
            let may_write = ctx
                .team
                .with(|t| t.as_ref().is_some_and(|t| !t.view_only()));
            let plan = ctx.plan.with(|p| {
                p.as_ref()
                    .and_then(crate::domain::model::plan::Plan::to_json_value)
                    .unwrap_or_default()
            });
            view! {
                <section id="team-history" aria-labelledby="team-history-title" tabindex="-1">
                    <h3 id="team-history-title">{Tm::LostTitle.get(lang)}</h3>
                    <p>{Tm::LostIntro.get(lang)}</p>
                    <ul>
                        {list
                            .iter()
                            .zip(Lost::offers(&list, &plan, may_write))
                            .rev()
                            .map(|(l, offer)| {
                                let when = crate::ui::local_date(l.at as f64)
                                    .map(|d| format_date(d, lang, DateStyle::Short))
                                    .unwrap_or_default();
                                let by = if l.by.is_empty() { Tm::Someone.get(lang).to_string() } else { l.by.clone() };
                                let text = Tm::LostItem.fill(
                                    lang,
                                    &[
                                        ("field", &place_text(l, &plan, lang)),
                                        ("lost", &shown(&l.lost, lang)),
                                        ("by", &by),
                                        ("kept", &shown(&l.kept, lang)),
                                        ("when", &when),
                                    ],
                                );
                                // A value can be written back while its item is there and
                                // the field holds something else, by someone who may edit;
                                // once per value and field, on its newest line.
                                let button = (offer == Offer::Restore).then(|| {
                                    let label = Tm::RestoreLabel.fill(
                                        lang,
                                        &[("lost", &shown(&l.lost, lang)), ("field", &place_text(l, &plan, lang))],
                                    );
                                    let lost = l.clone();
                                    view! {
                                        " "
                                        <button type="button" aria-label=label on:click=move |_| restore(ctx, &lost)>
                                            {Tm::Restore.get(lang)}
                                        </button>
                                    }
                                });
                                let again = (offer == Offer::InPlanAgain).then(|| {
                                    view! { " " <span class="hint">{Tm::InPlanAgain.get(lang)}</span> }
                                });
                                view! { <li>{text}{button}{again}</li> }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

/// Writes a lost value back into the open plan where it was, as an edit of its own (undo takes
/// it back), which the team then receives like any other edit. A value that no longer fits (its
/// item was deleted, or it is not a value the field can hold) is refused with a message, and the
/// plan stays as it is.
fn restore(ctx: Ctx, lost: &Lost) {
    // Refused (with its message) when the token became view-only since the list was drawn.
    if !super::may_edit(ctx) {
        return;
    }
    let Some(result) = ctx
        .plan
        .with_untracked(|p| p.as_ref().map(|p| restore_into(lost, p)))
    else {
        return;
    };
    let value = lost.lost.clone();
    let field = {
        let lost = lost.clone();
        let plan = ctx.plan.with_untracked(|p| {
            p.as_ref()
                .and_then(crate::domain::model::plan::Plan::to_json_value)
                .unwrap_or_default()
        });
        move |lang| place_text(&lost, &plan, lang)
    };
    match result {
        Ok(restored) => {
            ctx.edit_step(move |plan| *plan = restored);
            ctx.tell_with(move |lang| {
                Tm::Restored.fill(
                    lang,
                    &[("field", &field(lang)), ("lost", &shown(&value, lang))],
                )
            });
            // The button goes with the value restored: the focus goes to the list.
            crate::ui::form::focus_later("team-history".into());
        }
        Err(RestoreError::Gone) => {
            ctx.warn_with(move |lang| Tm::RestoreGone.fill(lang, &[("lost", &shown(&value, lang))]))
        }
        Err(RestoreError::Invalid) => ctx.warn_with(move |lang| {
            Tm::RestoreBad.fill(
                lang,
                &[("lost", &shown(&value, lang)), ("field", &field(lang))],
            )
        }),
    }
}

/// The person's token from the sync server: typed, never shown.
#[component]
fn TokenField(id: &'static str, token: RwSignal<String>, hint: Option<Tm>) -> impl IntoView {
    let ctx = use_ctx();
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id>{move || Tm::Token.get(ctx.lang.get())}</label>
            <input
                id=id
                type="password"
                autocomplete="off"
                aria-describedby=hint.map(|_| hint_id.clone())
                prop:value=move || token.get()
                on:input=move |ev| token.set(event_target_value(&ev))
            />
            {hint.map(|h| view! { <p id=hint_id class="hint">{move || h.get(ctx.lang.get())}</p> })}
        </div>
    }
}

/// The page an invite link opens: what it joins, and a button to join.
#[component]
pub fn JoinPage(payload: String) -> impl IntoView {
    let ctx = use_ctx();
    let read = Invite::read(&payload)
        .map_err(|e| invite_error(&e))
        .and_then(|link| {
            let id = link
                .room
                .strip_prefix("alur-")
                .unwrap_or_default()
                .to_string();
            if crate::ui::route::is_id(&id) {
                Ok((id, link))
            } else {
                Err(Tm::NotAPlan)
            }
        });
    let tm = move |key: Tm| move || key.get(ctx.lang.get());
    match read {
        Err(key) => view! {
            <article class="join">
                <h1>{tm(Tm::JoinTitle)}</h1>
                <p id="join-problem" class="warning" role="alert">
                    {move || Tm::JoinBad.fill(ctx.lang.get(), &[("reason", key.get(ctx.lang.get()))])}
                </p>
                <p><a href="#/">{move || crate::i18n::T::BackToPlans.get(ctx.lang.get())}</a></p>
            </article>
        }
        .into_any(),
        Ok((id, invite)) => {
            let server = invite.server.clone();
            let problem = RwSignal::new(None::<String>);
            // The link's own token when it carries one (an admin's link for this person);
            // otherwise the person types theirs.
            let token = RwSignal::new(invite.token.clone());
            let join = move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let link = match invite.with_token(&token.get_untracked()) {
                    Ok(link) => link,
                    Err(e) => {
                        let key = invite_error(&e);
                        problem.set(Some(key.get(ctx.lang.get_untracked()).to_string()));
                        return;
                    }
                };
                match store::save_link(&id, &link) {
                    // The token leaves the address bar (and the history) once it is stored.
                    Ok(()) => redirect(&Route::Overview { plan: id.clone() }),
                    Err(e) => problem.set(Some(
                        Tm::StorageFailed.fill(ctx.lang.get_untracked(), &[("reason", &e.to_string())]),
                    )),
                }
            };
            view! {
                <article class="join">
                    <h1>{tm(Tm::JoinTitle)}</h1>
                    <p>{move || Tm::JoinBody.fill(ctx.lang.get(), &[("server", &server)])}</p>
                    <p class="guidance">{tm(Tm::Intro)}</p>
                    <form class="team-form" on:submit=join>
                        <TokenField id="join-token" token hint=Some(Tm::JoinTokenHint) />
                        <button id="team-join" type="submit" class="primary">
                            {tm(Tm::JoinButton)}
                        </button>
                    </form>
                    {move || {
                        problem.get().map(|text| view! { <p id="join-problem" class="warning" role="alert">{text}</p> })
                    }}
                </article>
            }
            .into_any()
        }
    }
}
