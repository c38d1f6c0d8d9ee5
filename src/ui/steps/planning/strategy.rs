//! Step 6, the digital strategy: the channels chosen, why (linked to market gaps and
//! personas), and the tactics of each.

use crate::ui::control::{For, Show};
use leptos::prelude::*;

use crate::domain::model::plan::{Channel, ChannelPlan, Plan};
use crate::domain::planning::strategy::{has_channel, STANDARD_CHANNELS};
use crate::i18n::sentences::channel_name;
use crate::i18n::T;
use crate::ui::form::{field_id, plan_value, toggle_id, CheckList, TextField};
use crate::ui::items::{
    ids, or_untitled, plan_text, read, remover, reorder_controls, write, RemoveButton, ReorderRow,
};
use crate::ui::{new_id, use_ctx};

/// The strategy step.
#[component]
pub fn StrategyStep() -> impl IntoView {
    let ctx = use_ctx();
    let channels = ids::<ChannelPlan>(ctx);
    // The picker of the next channel: an index into the standard channels, one past the end
    // for "other", whose name is typed.
    let pick = RwSignal::new(0usize);
    let other_name = RwSignal::new(String::new());
    let is_other = move || pick.get() >= STANDARD_CHANNELS.len();
    let add = move |_| {
        let channel = match STANDARD_CHANNELS.get(pick.get_untracked()) {
            Some(channel) => channel.clone(),
            None => {
                let name = other_name.get_untracked().trim().to_string();
                if name.is_empty() {
                    ctx.warn(T::StrategyOtherNameRequired, &[]);
                    return;
                }
                Channel::Other(name)
            }
        };
        let taken = ctx
            .plan
            .with_untracked(|p| p.as_ref().is_some_and(|p| has_channel(p, &channel)));
        if taken {
            let name = channel_name(&channel, ctx.lang.get_untracked());
            ctx.warn(T::StrategyAlreadyChosen, &[("name", &name)]);
            return;
        }
        ctx.edit(|p| {
            p.channels.push(ChannelPlan {
                id: new_id(),
                channel,
                rationale: String::new(),
                gaps: Vec::new(),
                personas: Vec::new(),
                tactics: String::new(),
            });
        });
        // Offer the next channel not chosen yet.
        let next = ctx.plan.with_untracked(|p| {
            STANDARD_CHANNELS
                .iter()
                .position(|c| !p.as_ref().is_some_and(|p| has_channel(p, c)))
        });
        pick.set(next.unwrap_or(STANDARD_CHANNELS.len()));
        other_name.set(String::new());
    };
    // Which standard channels the plan has: a memo, so that typing elsewhere on the page does
    // not rebuild the options (it did, on every keystroke).
    let chosen = Memo::new(move |_| {
        ctx.plan.with(|p| {
            STANDARD_CHANNELS
                .iter()
                .map(|c| p.as_ref().is_some_and(|p| has_channel(p, c)))
                .collect::<Vec<bool>>()
        })
    });
    let options = move || {
        let lang = ctx.lang.get();
        let chosen = chosen.get();
        let standard = STANDARD_CHANNELS.iter().zip(chosen).enumerate().map(
            move |(i, (channel, taken))| {
                let name = channel_name(channel, lang);
                let text = if taken {
                    T::StrategyAlreadyChosen.fill(lang, &[("name", &name)])
                } else {
                    name
                };
                view! {
                    <option value=i.to_string() disabled=taken prop:selected=move || pick.get() == i>
                        {text}
                    </option>
                }
            },
        );
        let other = STANDARD_CHANNELS.len();
        let other = view! {
            <option value=other.to_string() prop:selected=move || pick.get() == other>
                {T::ChannelOther.get(lang)}
            </option>
        };
        (standard.collect_view(), other)
    };
    view! {
        <section class="wizard strategy">
            <div class="add-row">
                <div class="field">
                    <label for="strategy-new-channel">{ctx.t(T::StrategyNewChannel)}</label>
                    <select
                        id="strategy-new-channel"
                        on:change=move |ev| {
                            pick.set(event_target_value(&ev).parse().unwrap_or(usize::MAX));
                        }
                    >
                        {options}
                    </select>
                </div>
                <Show when=is_other>
                    <div class="field">
                        <label for="strategy-new-other">{ctx.t(T::StrategyOtherName)}</label>
                        <input
                            id="strategy-new-other"
                            type="text"
                            prop:value=move || other_name.get()
                            on:input=move |ev| other_name.set(event_target_value(&ev))
                        />
                    </div>
                </Show>
                <button id="strategy-add" type="button" class="primary" on:click=add>
                    {ctx.t(T::StrategyAdd)}
                </button>
            </div>
            <Show when=move || channels.with(Vec::is_empty)>
                <p class="empty-hint">{ctx.t(T::StrategyEmpty)}</p>
            </Show>
            <div class="cards">
                <For each=move || channels.get() key=|id| id.clone() let(id)>
                    <ChannelCard id />
                </For>
            </div>
        </section>
    }
}

/// The name of a channel plan, for headings and buttons.
pub(crate) fn name_of(
    id: &str,
) -> impl Fn(&Plan, crate::i18n::Lang) -> String + Send + Sync + 'static {
    let id = id.to_string();
    move |p, lang| {
        crate::ui::items::find::<ChannelPlan>(p, &id)
            .map(|c| channel_name(&c.channel, lang))
            .unwrap_or_default()
    }
}

/// One chosen channel: its name (for "other"), rationale, gaps, personas and tactics.
#[component]
fn ChannelCard(id: String) -> impl IntoView {
    let ctx = use_ctx();
    let prefix = format!("channel-{id}");
    let f = move |key: &str| field_id(&prefix, key);
    let heading = Signal::derive(plan_text(ctx, name_of(&id)));
    let is_other = ctx.plan.with_untracked(|p| {
        p.as_ref()
            .and_then(|p| crate::ui::items::find::<ChannelPlan>(p, &id))
            .is_some_and(|c| matches!(c.channel, Channel::Other(_)))
    });
    let other_name = is_other.then(|| {
        view! {
            <TextField
                id=f("name")
                label=T::StrategyChannelName
                get=read(&id, |c: &ChannelPlan| match &c.channel {
                    Channel::Other(name) => name.clone(),
                    _ => String::new(),
                })
                set=write(&id, |c: &mut ChannelPlan, v: String| c.channel = Channel::Other(v))
            />
        }
    });
    let no_rationale = plan_value(read(&id, |c: &ChannelPlan| c.rationale.trim().is_empty()));
    let reorder = reorder_controls::<ChannelPlan>("channel", &id, heading);
    view! {
        <ReorderRow list="channel" key=id.clone()>
        <article class="card" id=f("card")>
            <div class="card-head">
                <h2>{heading}</h2>
                {reorder}
            </div>
            {other_name}
            <TextField
                id=f("rationale")
                label=T::StrategyRationale
                multiline=true
                get=read(&id, |c: &ChannelPlan| c.rationale.clone())
                set=write(&id, |c: &mut ChannelPlan, v| c.rationale = v)
            />
            <Show when=no_rationale>
                <p class="warning">{ctx.t(T::StrategyNeedsRationale)}</p>
            </Show>
            <div class="grid-2">
                <CheckList
                    id=f("gap")
                    legend=T::StrategyGaps
                    empty=T::StrategyGapsEmpty
                    options=|p, lang| {
                        p.gaps
                            .iter()
                            .map(|g| (g.id.clone(), or_untitled(&g.description, T::UntitledGap, lang)))
                            .collect()
                    }
                    get=read(&id, |c: &ChannelPlan| c.gaps.clone())
                    set=write(&id, |c: &mut ChannelPlan, (gap, on)| toggle_id(&mut c.gaps, gap, on))
                />
                <CheckList
                    id=f("persona")
                    legend=T::StrategyPersonas
                    empty=T::StrategyPersonasEmpty
                    options=|p, lang| {
                        p.personas
                            .iter()
                            .map(|x| (x.id.clone(), or_untitled(&x.name, T::UntitledPersona, lang)))
                            .collect()
                    }
                    get=read(&id, |c: &ChannelPlan| c.personas.clone())
                    set=write(&id, |c: &mut ChannelPlan, (persona, on)| toggle_id(&mut c.personas, persona, on))
                />
            </div>
            <TextField
                id=f("tactics")
                label=T::StrategyTactics
                multiline=true
                get=read(&id, |c: &ChannelPlan| c.tactics.clone())
                set=write(&id, |c: &mut ChannelPlan, v| c.tactics = v)
            />
            <RemoveButton label=T::StrategyRemove name=name_of(&id) remove={remover::<ChannelPlan>(&id)} />
        </article>
        </ReorderRow>
    }
}
