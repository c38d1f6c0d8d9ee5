//! Phase 3, the next campaign: shows what the new plan will start from (each KPI's baseline
//! now and next, the learnings carried over) and creates it. The copying is in
//! [`crate::domain::analysis::next_campaign`].

use crate::ui::control::{For, Show};
use leptos::prelude::*;

use crate::domain::analysis::next_campaign::{final_actual, next_campaign};
use crate::i18n::analysis::value_text;
use crate::i18n::T;
use crate::ui::items::plan_text;
use crate::ui::route::Route;
use crate::ui::steps::planning::kpis::name_of;
use crate::ui::{navigate, new_id, now_ms, use_ctx, Ctx};

/// Creates, stores and opens the next campaign's plan.
fn start_next(ctx: Ctx) {
    let lang = ctx.lang.get_untracked();
    let Some(plan) = ctx.plan.get_untracked() else {
        return;
    };
    let name = T::NextName.fill(lang, &[("name", plan.name.trim())]);
    let next = next_campaign(&plan, &name, &mut new_id, now_ms());
    if ctx.store_new(&next) {
        ctx.tell(T::NextCreated, &[("name", &next.name)]);
        navigate(&Route::Overview { plan: next.id });
    }
}

/// The next-campaign step.
#[component]
pub fn NextStep() -> impl IntoView {
    let ctx = use_ctx();
    let rows = plan_text(ctx, |p, lang| {
        p.kpis
            .iter()
            .map(|k| {
                let unit = k.unit.as_str();
                let now = k
                    .baseline
                    .map_or_else(|| "—".to_string(), |b| value_text(b, unit, lang));
                let next = final_actual(p, &k.id).map_or_else(
                    || T::NextUnchanged.get(lang).to_string(),
                    |v| value_text(v, unit, lang),
                );
                (k.id.clone(), name_of(&k.id)(p, lang), now, next)
            })
            .collect::<Vec<_>>()
    });
    let rows = Memo::new(move |_| rows());
    let learnings = plan_text(ctx, |p, lang| {
        T::NextLearnings.fill(lang, &[("count", &p.report.learnings.len().to_string())])
    });
    view! {
        <section class="wizard next-campaign">
            <p>{ctx.t(T::NextIntro)}</p>
            <Show when=move || !rows.with(Vec::is_empty)>
                <h2 id="next-baselines-title">{ctx.t(T::NextBaselines)}</h2>
                <div class="table-scroll" tabindex="0">
                    <table id="next-baselines" class="data" aria-labelledby="next-baselines-title">
                        <thead>
                            <tr>
                                <th scope="col">{ctx.t(T::AnColKpi)}</th>
                                <th scope="col">{ctx.t(T::NextColNow)}</th>
                                <th scope="col">{ctx.t(T::NextColNext)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || rows.get() key=|r| r.clone() let((id, name, now, next))>
                                <tr id=format!("next-kpi-{id}")>
                                    <th scope="row">{name}</th>
                                    <td class="num">{now}</td>
                                    <td class="num">{next}</td>
                                </tr>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <p id="next-learnings">{learnings}</p>
            <button id="next-start" type="button" class="primary" on:click=move |_| start_next(ctx)>
                {ctx.t(T::NextButton)}
            </button>
        </section>
    }
}
