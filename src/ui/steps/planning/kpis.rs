//! Step 7, KPIs and metrics: KPIs picked from the built-in library (formula shown in the UI
//! language) or custom, each with its channel, baseline, target, deadline and direction.

use crate::ui::control::{For, Show};
use leptos::prelude::*;

use crate::domain::analysis::facts::sources_for;
use crate::domain::model::kpi_library::{metric_of, new_kpi, DirectionKind, LIBRARY};
use crate::domain::model::plan::{Direction, Kpi, Plan, TargetBasis};
use crate::i18n::sentences::kpi_name;
use crate::i18n::{Lang, T};
use crate::ui::form::{
    field_id, plan_value, toggle_id, CheckList, ChoiceField, DateField, NumberField, SelectField,
    TextField,
};
use crate::ui::items::{
    find, ids, optional_channels, plan_text, read, remover, reorder_controls, write, RemoveButton,
    ReorderRow,
};
use crate::ui::{new_id, use_ctx};

/// The KPI step.
#[component]
pub fn KpisStep() -> impl IntoView {
    let ctx = use_ctx();
    let kpis = ids::<Kpi>(ctx);
    let pick = RwSignal::new(0usize);
    let formula = move || {
        LIBRARY
            .get(pick.get())
            .map(|m| m.formula_text.get(ctx.lang.get()))
            .unwrap_or_default()
    };
    let add_from_library = move |_| {
        let Some(metric) = LIBRARY.get(pick.get_untracked()) else {
            return;
        };
        let name = metric.name.get(ctx.lang.get_untracked());
        ctx.edit(|p| {
            let kpi = new_kpi(metric, new_id(), name, p);
            p.kpis.push(kpi);
        });
    };
    let add_custom = move |_| {
        ctx.edit(|p| {
            let kpi = crate::domain::model::kpi_library::custom_kpi(new_id(), p);
            p.kpis.push(kpi);
        })
    };
    let options = move || {
        LIBRARY
            .iter()
            .enumerate()
            .map(|(i, m)| {
                view! {
                    <option value=i.to_string() prop:selected=move || pick.get() == i>
                        {ctx.t(m.name)}
                    </option>
                }
            })
            .collect_view()
    };
    let library_rows = LIBRARY
        .iter()
        .map(|m| {
            view! {
                <tr>
                    <th scope="row">{ctx.t(m.name)}</th>
                    <td>{ctx.t(m.formula_text)}</td>
                    <td>{ctx.t(m.direction.label())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="wizard kpis">
            <div class="add-row">
                <div class="field">
                    <label for="kpi-library">{ctx.t(T::KpiLibrary)}</label>
                    <select
                        id="kpi-library"
                        aria-describedby="kpi-library-formula"
                        on:change=move |ev| pick.set(event_target_value(&ev).parse().unwrap_or(0))
                    >
                        {options}
                    </select>
                </div>
                <p id="kpi-library-formula" class="formula" aria-live="polite">
                    <span class="muted">{ctx.t(T::KpiFormula)} ": "</span>
                    {formula}
                </p>
                <button id="kpi-add-library" type="button" class="primary" on:click=add_from_library>
                    {ctx.t(T::KpiAddFromLibrary)}
                </button>
                <button id="kpi-add-custom" type="button" on:click=add_custom>
                    {ctx.t(T::KpiAddCustom)}
                </button>
            </div>
            <details class="kpi-library">
                <summary>{ctx.t(T::KpiLibraryAll)}</summary>
                <div class="table-scroll" tabindex="0">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{ctx.t(T::KpiName)}</th>
                                <th scope="col">{ctx.t(T::KpiFormula)}</th>
                                <th scope="col">{ctx.t(T::KpiDirection)}</th>
                            </tr>
                        </thead>
                        <tbody>{library_rows}</tbody>
                    </table>
                </div>
            </details>
            <Show when=move || kpis.with(Vec::is_empty)>
                <p class="empty-hint">{ctx.t(T::KpiEmpty)}</p>
            </Show>
            <div class="cards">
                <For each=move || kpis.get() key=|id| id.clone() let(id)>
                    <KpiCard id />
                </For>
            </div>
        </section>
    }
}

/// The KPI's name as shown ([`kpi_name`]): the library name in the UI language with its
/// channel, or the name typed.
pub(crate) fn name_of(id: &str) -> impl Fn(&Plan, Lang) -> String + Send + Sync + 'static {
    let id = id.to_string();
    move |p, lang| find::<Kpi>(p, &id).map_or_else(String::new, |kpi| kpi_name(kpi, lang))
}

/// A source's name as a DOM id part: "Google Ads" → `google-ads`.
fn source_key(source: &str) -> String {
    source
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// The checklist of the sources a library KPI is computed from ([`Kpi::sources`]): every
/// source whose imported data holds the KPI's inputs. DOM ids `kpi-{id}-source-{key}`.
fn sources_list(id: &str) -> impl IntoView {
    let (of, mine, toggle) = (id.to_string(), id.to_string(), id.to_string());
    view! {
        <CheckList
            id=format!("kpi-{id}-source")
            legend=T::KpiSources
            empty=T::KpiSourcesEmpty
            options=move |p: &Plan, _| {
                find::<Kpi>(p, &of)
                    .map(|k| sources_for(p, k))
                    .unwrap_or_default()
                    .into_iter()
                    .map(|s| (source_key(&s), s))
                    .collect()
            }
            get=move |p: &Plan| {
                find::<Kpi>(p, &mine)
                    .map(|k| k.sources.iter().map(|s| source_key(s)).collect())
                    .unwrap_or_default()
            }
            set=move |p: &mut Plan, (key, on): (String, bool)| {
                let Some(kpi) = find::<Kpi>(p, &toggle) else {
                    return;
                };
                let Some(name) = sources_for(p, kpi).into_iter().find(|s| source_key(s) == key)
                else {
                    return;
                };
                if let Some(kpi) = p.kpis.iter_mut().find(|k| k.id == toggle) {
                    toggle_id(&mut kpi.sources, name, on);
                }
            }
        />
    }
}

/// A range KPI's upper (`true`) or lower bound; `None` for other directions.
fn bound(direction: &Direction, upper: bool) -> Option<f64> {
    match *direction {
        Direction::WithinRange { min, max } => Some(if upper { max } else { min }),
        _ => None,
    }
}

/// One KPI's settings.
#[component]
fn KpiCard(id: String) -> impl IntoView {
    let ctx = use_ctx();
    let prefix = format!("kpi-{id}");
    let f = move |key: &str| field_id(&prefix, key);
    let heading = Signal::derive(plan_text(ctx, name_of(&id)));
    // A KPI's origin does not change while it is shown, so it is read once.
    let metric = ctx.plan.with_untracked(|p| {
        p.as_ref()
            .and_then(|p| find::<Kpi>(p, &id))
            .and_then(metric_of)
    });
    // Money in the plan's currency takes its minor units (none for IDR).
    let currency = ctx
        .plan
        .with_untracked(|p| p.as_ref().map(|p| p.currency.clone()))
        .unwrap_or_default();
    let decimals = metric.map_or(2, |m| m.unit.decimals_in(&currency));
    let origin = match metric {
        Some(m) => view! {
            <p class="formula">
                <span class="muted">{ctx.t(T::KpiFormula)} ": "</span>
                {ctx.t(m.formula_text)}
            </p>
        }
        .into_any(),
        None => view! {
            <div class="grid-2">
                <TextField
                    id=f("name")
                    label=T::KpiName
                    get=read(&id, |k: &Kpi| k.name.clone())
                    set=write(&id, |k: &mut Kpi, v| k.name = v)
                />
                <TextField
                    id=f("unit")
                    label=T::KpiUnit
                    get=read(&id, |k: &Kpi| k.unit.clone())
                    set=write(&id, |k: &mut Kpi, v| k.unit = v)
                />
            </div>
        }
        .into_any(),
    };
    let unit = Signal::derive(plan_value(read(&id, |k: &Kpi| k.unit.clone())));
    let is_range = plan_value(read(&id, |k: &Kpi| {
        DirectionKind::of(&k.direction) == DirectionKind::Range
    }));
    let range_fields = {
        let id = id.clone();
        move || {
            [("min", T::KpiMin, false), ("max", T::KpiMax, true)]
                .into_iter()
                .map(|(key, label, upper)| {
                    view! {
                        <NumberField
                            id=format!("kpi-{id}-{key}")
                            label
                            decimals
                            unit
                            get=read(&id, move |k: &Kpi| bound(&k.direction, upper))
                            set=write(&id, move |k: &mut Kpi, v: Option<f64>| {
                                if let Direction::WithinRange { min, max } = &mut k.direction {
                                    *(if upper { max } else { min }) = v.unwrap_or(0.0);
                                }
                            })
                        />
                    }
                })
                .collect_view()
        }
    };
    let reorder = reorder_controls::<Kpi>("kpi", &id, heading);
    view! {
        <ReorderRow list="kpi" key=id.clone()>
        <article class="card" id=f("card")>
            <div class="card-head">
                <h2>{heading}</h2>
                {reorder}
            </div>
            {origin}
            <div class="grid-3">
                <ChoiceField
                    id=f("channel")
                    label=T::FieldChannel
                    options=optional_channels
                    get=read(&id, |k: &Kpi| k.channel.clone())
                    set=write(&id, |k: &mut Kpi, v| k.channel = v)
                />
                <SelectField
                    id=f("direction")
                    label=T::KpiDirection
                    options=DirectionKind::ALL.iter().map(|d| (*d, d.label())).collect()
                    get=read(&id, |k: &Kpi| DirectionKind::of(&k.direction))
                    set=write(&id, |k: &mut Kpi, kind: DirectionKind| {
                        if DirectionKind::of(&k.direction) != kind {
                            k.direction = kind.to_direction(0.0, k.target.unwrap_or(0.0));
                        }
                    })
                />
                <DateField
                    id=f("deadline")
                    label=T::KpiDeadline
                    get=read(&id, |k: &Kpi| k.deadline)
                    set=write(&id, |k: &mut Kpi, v| k.deadline = v)
                />
                <SelectField
                    id=f("basis")
                    label=T::KpiBasis
                    options=vec![
                        (TargetBasis::Campaign, T::KpiBasisCampaign),
                        (TargetBasis::PerMonth, T::KpiBasisPerMonth),
                        (TargetBasis::PerWeek, T::KpiBasisPerWeek),
                    ]
                    get=read(&id, |k: &Kpi| k.basis)
                    set=write(&id, |k: &mut Kpi, v| k.basis = v)
                />
                <NumberField
                    id=f("baseline")
                    label=T::KpiBaseline
                    decimals
                    unit
                    get=read(&id, |k: &Kpi| k.baseline)
                    set=write(&id, |k: &mut Kpi, v| k.baseline = v)
                />
                <NumberField
                    id=f("target")
                    label=T::KpiTarget
                    decimals
                    unit
                    get=read(&id, |k: &Kpi| k.target)
                    set=write(&id, |k: &mut Kpi, v| k.target = v)
                />
                <Show when=is_range>{range_fields.clone()}</Show>
            </div>
            {metric.is_some().then(|| sources_list(&id))}
            <RemoveButton label=T::KpiRemove name=name_of(&id) remove={remover::<Kpi>(&id)} />
        </article>
        </ReorderRow>
    }
}
