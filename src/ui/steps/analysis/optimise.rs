//! Phase 3, problems and optimisation: problems found per KPI (symptom, likely causes, notes),
//! the actions taken against them, and the history of both per KPI in date order, so every
//! iteration stays on record. The grouping is in [`crate::domain::analysis::iterations`].

use crate::ui::control::{For, Show};
use leptos::prelude::*;

use crate::domain::analysis::iterations::{history, Event};
use crate::domain::model::plan::{Optimisation, Plan, Problem};
use crate::domain::values::date::Date;
use crate::i18n::analysis::{cause_label, cause_of_slug, cause_slug, CAUSES};
use crate::i18n::format::{format_date, DateStyle};
use crate::i18n::{Lang, T};
use crate::ui::form::{field_id, focus_later, CheckList, ChoiceField, DateField, TextField};
use crate::ui::items::{ids, or_untitled, plan_text, read, write, RemoveButton};
use crate::ui::steps::planning::kpis::name_of;
use crate::ui::{new_id, today, use_ctx};

/// A problem's short name: its KPI and date, then its symptom.
fn problem_name(plan: &Plan, problem: &Problem, lang: Lang) -> String {
    let kpi = name_of(&problem.kpi)(plan, lang);
    let date = format_date(problem.date, lang, DateStyle::Short);
    let symptom = or_untitled(&problem.symptom, T::OptSymptom, lang);
    format!("{kpi} · {date} · {symptom}")
}

/// The KPI choices of a problem.
fn kpi_choices(plan: &Plan, lang: Lang) -> Vec<(String, String)> {
    plan.kpis
        .iter()
        .map(|k| (k.id.clone(), name_of(&k.id)(plan, lang)))
        .collect()
}

/// The problem choices of an action: none, then every problem.
fn problem_choices(plan: &Plan, lang: Lang) -> Vec<(Option<String>, String)> {
    std::iter::once((None, T::OptActionNoProblem.get(lang).to_string()))
        .chain(
            plan.problems
                .iter()
                .map(|p| (Some(p.id.clone()), problem_name(plan, p, lang))),
        )
        .collect()
}

/// The problems and optimisation step.
#[component]
pub fn OptimiseStep() -> impl IntoView {
    let ctx = use_ctx();
    let problems = ids::<Problem>(ctx);
    let actions = ids::<Optimisation>(ctx);
    let has_kpis = crate::ui::form::plan_memo(|p| !p.kpis.is_empty());
    let add_problem = move |_| {
        let id = new_id();
        focus_later(format!("opt-problem-{id}-symptom"));
        ctx.edit(move |p| {
            let kpi = p.kpis.first().map(|k| k.id.clone()).unwrap_or_default();
            p.problems.push(Problem {
                id,
                kpi,
                date: today(),
                symptom: String::new(),
                causes: Vec::new(),
                notes: String::new(),
            })
        });
    };
    let add_action = move |_| {
        let id = new_id();
        focus_later(format!("opt-action-{id}-action"));
        ctx.edit(move |p| {
            // A new action most likely answers the latest problem.
            let problem = p.problems.last().map(|x| x.id.clone());
            p.optimisations.push(Optimisation {
                id,
                problem,
                action: String::new(),
                owner: String::new(),
                date: today(),
            })
        });
    };
    view! {
        <section class="wizard optimise">
            <section id="opt-problems" aria-labelledby="opt-problems-title">
                <h2 id="opt-problems-title">{ctx.t(T::OptProblems)}</h2>
                <Show when=move || problems.with(Vec::is_empty)>
                    <p class="empty-hint">{ctx.t(T::OptProblemEmpty)}</p>
                </Show>
                <For each=move || problems.get() key=|id| id.clone() let(id)>
                    <ProblemCard id />
                </For>
                <Show
                    when=move || has_kpis.get()
                    fallback=move || view! { <p class="empty-hint">{ctx.t(T::OptNeedKpis)}</p> }
                >
                    <button id="opt-problem-add" type="button" class="add" on:click=add_problem>
                        "+ " {ctx.t(T::OptProblemAdd)}
                    </button>
                </Show>
            </section>
            <section id="opt-actions" aria-labelledby="opt-actions-title">
                <h2 id="opt-actions-title">{ctx.t(T::OptActions)}</h2>
                <Show when=move || actions.with(Vec::is_empty)>
                    <p class="empty-hint">{ctx.t(T::OptActionEmpty)}</p>
                </Show>
                <For each=move || actions.get() key=|id| id.clone() let(id)>
                    <ActionCard id />
                </For>
                <button id="opt-action-add" type="button" class="add" on:click=add_action>
                    "+ " {ctx.t(T::OptActionAdd)}
                </button>
            </section>
            <History />
        </section>
    }
}

/// One problem's fields; DOM ids `opt-problem-{id}-kpi`, `-date`, `-symptom`,
/// `-cause-{cause}`, `-notes`.
#[component]
fn ProblemCard(id: String) -> impl IntoView {
    let prefix = format!("opt-problem-{id}");
    let f = |key: &str| field_id(&prefix, key);
    let name = {
        let id = id.clone();
        move |p: &Plan, lang| {
            p.problems
                .iter()
                .find(|x| x.id == id)
                .map(|x| problem_name(p, x, lang))
                .unwrap_or_default()
        }
    };
    let remove = {
        let id = id.clone();
        move |p: &mut Plan| {
            p.problems.retain(|x| x.id != id);
            // Actions keep their history, without the link to the problem removed.
            for o in &mut p.optimisations {
                if o.problem.as_deref() == Some(id.as_str()) {
                    o.problem = None;
                }
            }
        }
    };
    view! {
        <article class="item-card problem-card" id=prefix.clone()>
            <div class="grid-3">
                <ChoiceField
                    id=f("kpi")
                    label=T::OptProblemKpi
                    options=kpi_choices
                    get=read(&id, |x: &Problem| x.kpi.clone())
                    set=write(&id, |x: &mut Problem, v| x.kpi = v)
                />
                <DateField
                    id=f("date")
                    label=T::OptProblemDate
                    get=read(&id, |x: &Problem| Some(x.date))
                    set=write(&id, |x: &mut Problem, v: Option<Date>| {
                        if let Some(d) = v {
                            x.date = d;
                        }
                    })
                />
                <TextField
                    id=f("symptom")
                    label=T::OptSymptom
                    get=read(&id, |x: &Problem| x.symptom.clone())
                    set=write(&id, |x: &mut Problem, v| x.symptom = v)
                />
            </div>
            <CheckList
                id=f("cause")
                legend=T::OptCauses
                empty=T::OptCauses
                options=|_, lang| {
                    CAUSES
                        .iter()
                        .map(|c| (cause_slug(*c).to_string(), cause_label(*c).get(lang).to_string()))
                        .collect()
                }
                get=read(&id, |x: &Problem| {
                    x.causes.iter().map(|c| cause_slug(*c).to_string()).collect()
                })
                set=write(&id, |x: &mut Problem, (slug, on): (String, bool)| {
                    if let Some(cause) = cause_of_slug(&slug) {
                        x.causes.retain(|c| *c != cause);
                        if on {
                            x.causes.push(cause);
                        }
                    }
                })
            />
            <TextField
                id=f("notes")
                label=T::OptNotes
                multiline=true
                get=read(&id, |x: &Problem| x.notes.clone())
                set=write(&id, |x: &mut Problem, v| x.notes = v)
            />
            <RemoveButton label=T::OptProblemRemove name remove />
        </article>
    }
}

/// One action's fields; DOM ids `opt-action-{id}-problem`, `-action`, `-owner`, `-date`.
#[component]
fn ActionCard(id: String) -> impl IntoView {
    let prefix = format!("opt-action-{id}");
    let f = |key: &str| field_id(&prefix, key);
    let name = {
        let id = id.clone();
        move |p: &Plan, lang| {
            p.optimisations
                .iter()
                .find(|x| x.id == id)
                .map(|x| or_untitled(&x.action, T::OptAction, lang))
                .unwrap_or_default()
        }
    };
    let remove = {
        let id = id.clone();
        move |p: &mut Plan| p.optimisations.retain(|x| x.id != id)
    };
    view! {
        <article class="item-card action-card" id=prefix.clone()>
            <div class="grid-3">
                <ChoiceField
                    id=f("problem")
                    label=T::OptActionProblem
                    options=problem_choices
                    get=read(&id, |x: &Optimisation| x.problem.clone())
                    set=write(&id, |x: &mut Optimisation, v| x.problem = v)
                />
                <TextField
                    id=f("action")
                    label=T::OptAction
                    get=read(&id, |x: &Optimisation| x.action.clone())
                    set=write(&id, |x: &mut Optimisation, v| x.action = v)
                />
                <TextField
                    id=f("owner")
                    label=T::OptOwner
                    get=read(&id, |x: &Optimisation| x.owner.clone())
                    set=write(&id, |x: &mut Optimisation, v| x.owner = v)
                />
                <DateField
                    id=f("date")
                    label=T::OptActionDate
                    get=read(&id, |x: &Optimisation| Some(x.date))
                    set=write(&id, |x: &mut Optimisation, v: Option<Date>| {
                        if let Some(d) = v {
                            x.date = d;
                        }
                    })
                />
            </div>
            <RemoveButton label=T::OptActionRemove name remove />
        </article>
    }
}

/// One group of the history, worded: its key, title, and `(event id, date, kind, text)`.
pub(crate) type Group = (String, String, Vec<(String, String, String, String)>);

pub(crate) fn history_groups(plan: &Plan, lang: Lang) -> Vec<Group> {
    history(plan)
        .into_iter()
        .map(|g| {
            let (key, title) = match &g.kpi {
                Some(kpi) => (kpi.clone(), name_of(kpi)(plan, lang)),
                None => (
                    "unlinked".to_string(),
                    T::OptHistoryUnlinked.get(lang).to_string(),
                ),
            };
            let title = if title.is_empty() {
                T::KpiCustom.get(lang).to_string()
            } else {
                title
            };
            let events = g
                .events
                .iter()
                .filter_map(|(date, event)| {
                    let date = format_date(*date, lang, DateStyle::Short);
                    match event {
                        Event::Problem(id) => {
                            let p = plan.problems.iter().find(|p| &p.id == id)?;
                            let causes: Vec<&str> =
                                p.causes.iter().map(|c| cause_label(*c).get(lang)).collect();
                            let mut text = or_untitled(&p.symptom, T::OptSymptom, lang);
                            if !causes.is_empty() {
                                text = format!("{text} ({})", causes.join(", "));
                            }
                            let kind = T::OptHistoryProblem.get(lang).to_string();
                            Some((id.clone(), date, kind, text))
                        }
                        Event::Optimisation(id) => {
                            let o = plan.optimisations.iter().find(|o| &o.id == id)?;
                            let mut text = or_untitled(&o.action, T::OptAction, lang);
                            if !o.owner.trim().is_empty() {
                                text = format!("{text} — {}", o.owner.trim());
                            }
                            let kind = T::OptHistoryAction.get(lang).to_string();
                            Some((id.clone(), date, kind, text))
                        }
                    }
                })
                .collect();
            (key, title, events)
        })
        .collect()
}

/// One KPI's problems and actions in date order: DOM id `{prefix}-{key}`, entries
/// `{prefix}-item-{problem or action id}`.
pub(crate) fn history_group((key, title, events): Group, prefix: &'static str) -> AnyView {
    view! {
        <section class="history-group" id=format!("{prefix}-{key}")>
            <h3>{title}</h3>
            <ol>
                {events
                    .into_iter()
                    .map(|(id, date, kind, text)| {
                        view! {
                            <li id=format!("{prefix}-item-{id}")>
                                <time>{date}</time>
                                " · "
                                <strong>{kind}</strong>
                                ": "
                                {text}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
    .into_any()
}

/// The history per KPI; DOM ids `opt-history`, groups `opt-history-{kpi id | unlinked}`,
/// entries `opt-history-item-{problem or action id}`.
#[component]
fn History() -> impl IntoView {
    let ctx = use_ctx();
    let groups = plan_text(ctx, history_groups);
    let groups = Memo::new(move |_| groups());
    view! {
        <section id="opt-history" class="opt-history" aria-labelledby="opt-history-title">
            <h2 id="opt-history-title">{ctx.t(T::OptHistory)}</h2>
            <p class="hint">{ctx.t(T::OptHistoryHint)}</p>
            <Show when=move || groups.with(Vec::is_empty)>
                <p class="empty-hint">{ctx.t(T::OptHistoryEmpty)}</p>
            </Show>
            // The whole group is the key, so an edit re-renders only the group it changes.
            <For each=move || groups.get() key=|g| g.clone() let(group)>
                {history_group(group, "opt-history")}
            </For>
        </section>
    }
}
