//! The built-in library of standard marketing KPIs: what each one measures, its formula as
//! structured inputs, its unit and which way is good. [`compute`] evaluates a formula from
//! raw numbers (clicks, impressions, cost…), so the KPI step and later analysis agree on the
//! maths.

use crate::domain::model::plan::{Direction, Kpi, Plan};
use crate::i18n::T;

/// A raw number a formula reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Input {
    /// Website sessions (visits).
    Sessions,
    /// Sessions that left after one page.
    BouncedSessions,
    /// Leads collected.
    Leads,
    /// Conversions (purchases, sign-ups…).
    Conversions,
    /// Orders or units sold.
    Sales,
    /// Ad or post impressions.
    Impressions,
    /// Clicks on ads or posts.
    Clicks,
    /// Money spent, in the plan's currency.
    Cost,
    /// Revenue, in the plan's currency.
    Revenue,
    /// Emails delivered.
    EmailsDelivered,
    /// Unique email opens.
    EmailOpens,
    /// Unique email clicks.
    EmailClicks,
    /// Likes, comments, shares and saves.
    Engagements,
    /// People reached.
    Reach,
    /// Followers at the end of the period.
    Followers,
    /// People who answered the awareness survey.
    SurveyRespondents,
    /// Respondents who know the brand.
    AwareRespondents,
    /// A survey's average score (customer satisfaction on a 1–5 scale, say) for its period.
    SatisfactionScore,
}

/// How a KPI is computed from its inputs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Formula {
    /// The input itself (sessions, leads, revenue…).
    Count(Input),
    /// `numerator / denominator × scale` (CTR = clicks / impressions × 100).
    Ratio {
        /// The input on top.
        numerator: Input,
        /// The input below; zero gives no value.
        denominator: Input,
        /// 100 for percentages, 1000 for CPM, 1 for plain ratios.
        scale: f64,
    },
    /// `(gain − cost) / cost × 100`: return on investment.
    Return {
        /// The money earned.
        gain: Input,
        /// The money spent; zero gives no value.
        cost: Input,
    },
}

/// What a KPI's value is counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A plain count (sessions, leads…).
    Count,
    /// A percentage.
    Percent,
    /// Money in the plan's currency.
    Money,
    /// A multiple, like ROAS 4× (revenue per unit of cost).
    Times,
}

impl Unit {
    /// The unit as stored in a [`Kpi`]: `%`, `×`, the currency code, or empty for counts.
    pub fn symbol(self, currency: &str) -> String {
        match self {
            Unit::Count => String::new(),
            Unit::Percent => "%".to_string(),
            Unit::Money => currency.to_string(),
            Unit::Times => "×".to_string(),
        }
    }

    /// Decimals worth showing for a value in this unit.
    pub fn decimals(self) -> usize {
        match self {
            Unit::Count => 0,
            Unit::Percent | Unit::Times | Unit::Money => 2,
        }
    }

    /// [`Unit::decimals`] in a plan's currency: money takes the currency's minor units (none
    /// for IDR).
    pub fn decimals_in(self, currency: &str) -> usize {
        match self {
            Unit::Money => crate::domain::values::money::minor_units(currency),
            unit => unit.decimals(),
        }
    }
}

/// Which way is good, without a range's bounds (they belong to each KPI).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DirectionKind {
    /// More is better.
    #[default]
    Higher,
    /// Less is better.
    Lower,
    /// Good between a minimum and a maximum.
    Range,
}

impl DirectionKind {
    /// Every kind, in the order the UI lists them.
    pub const ALL: [DirectionKind; 3] = [
        DirectionKind::Higher,
        DirectionKind::Lower,
        DirectionKind::Range,
    ];

    /// The kind of a plan's direction.
    pub fn of(direction: &Direction) -> DirectionKind {
        match direction {
            Direction::HigherIsBetter => DirectionKind::Higher,
            Direction::LowerIsBetter => DirectionKind::Lower,
            Direction::WithinRange { .. } => DirectionKind::Range,
        }
    }

    /// The direction of this kind; a new range starts at `min`..`max`.
    pub fn to_direction(self, min: f64, max: f64) -> Direction {
        match self {
            DirectionKind::Higher => Direction::HigherIsBetter,
            DirectionKind::Lower => Direction::LowerIsBetter,
            DirectionKind::Range => Direction::WithinRange { min, max },
        }
    }

    /// The kind's label.
    pub fn label(self) -> T {
        match self {
            DirectionKind::Higher => T::KpiHigherIsBetter,
            DirectionKind::Lower => T::KpiLowerIsBetter,
            DirectionKind::Range => T::KpiWithinRange,
        }
    }
}

/// A KPI of the library.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metric {
    /// Stable id, stored in [`Kpi::metric`]; never renamed, since plans keep it.
    pub id: &'static str,
    /// The translated name.
    pub name: T,
    /// The formula in words, translated.
    pub formula_text: T,
    /// The formula as structured inputs.
    pub formula: Formula,
    /// The unit.
    pub unit: Unit,
    /// Which way is good, by default.
    pub direction: DirectionKind,
}

const fn metric(
    id: &'static str,
    name: T,
    formula_text: T,
    formula: Formula,
    unit: Unit,
    direction: DirectionKind,
) -> Metric {
    Metric {
        id,
        name,
        formula_text,
        formula,
        unit,
        direction,
    }
}

const fn percent(numerator: Input, denominator: Input) -> Formula {
    Formula::Ratio {
        numerator,
        denominator,
        scale: 100.0,
    }
}

const fn per(numerator: Input, denominator: Input) -> Formula {
    Formula::Ratio {
        numerator,
        denominator,
        scale: 1.0,
    }
}

use DirectionKind::{Higher, Lower};
use Input as I;

/// Every KPI of the library, roughly in funnel order: reach, traffic, conversion, money,
/// email, social, brand.
pub const LIBRARY: &[Metric] = &[
    metric(
        "sessions",
        T::KpiSessions,
        T::KpiSessionsFormula,
        Formula::Count(I::Sessions),
        Unit::Count,
        Higher,
    ),
    metric(
        "bounce_rate",
        T::KpiBounceRate,
        T::KpiBounceRateFormula,
        percent(I::BouncedSessions, I::Sessions),
        Unit::Percent,
        Lower,
    ),
    metric(
        "leads",
        T::KpiLeads,
        T::KpiLeadsFormula,
        Formula::Count(I::Leads),
        Unit::Count,
        Higher,
    ),
    metric(
        "conversion_rate",
        T::KpiConversionRate,
        T::KpiConversionRateFormula,
        percent(I::Conversions, I::Sessions),
        Unit::Percent,
        Higher,
    ),
    metric(
        "sales",
        T::KpiSales,
        T::KpiSalesFormula,
        Formula::Count(I::Sales),
        Unit::Count,
        Higher,
    ),
    metric(
        "ctr",
        T::KpiCtr,
        T::KpiCtrFormula,
        percent(I::Clicks, I::Impressions),
        Unit::Percent,
        Higher,
    ),
    metric(
        "cpc",
        T::KpiCpc,
        T::KpiCpcFormula,
        per(I::Cost, I::Clicks),
        Unit::Money,
        Lower,
    ),
    metric(
        "cpm",
        T::KpiCpm,
        T::KpiCpmFormula,
        Formula::Ratio {
            numerator: I::Cost,
            denominator: I::Impressions,
            scale: 1000.0,
        },
        Unit::Money,
        Lower,
    ),
    metric(
        "cpa",
        T::KpiCpa,
        T::KpiCpaFormula,
        per(I::Cost, I::Conversions),
        Unit::Money,
        Lower,
    ),
    metric(
        "roas",
        T::KpiRoas,
        T::KpiRoasFormula,
        per(I::Revenue, I::Cost),
        Unit::Times,
        Higher,
    ),
    metric(
        "roi",
        T::KpiRoi,
        T::KpiRoiFormula,
        Formula::Return {
            gain: I::Revenue,
            cost: I::Cost,
        },
        Unit::Percent,
        Higher,
    ),
    metric(
        "revenue",
        T::KpiRevenue,
        T::KpiRevenueFormula,
        Formula::Count(I::Revenue),
        Unit::Money,
        Higher,
    ),
    metric(
        "open_rate",
        T::KpiOpenRate,
        T::KpiOpenRateFormula,
        percent(I::EmailOpens, I::EmailsDelivered),
        Unit::Percent,
        Higher,
    ),
    metric(
        "click_rate",
        T::KpiClickRate,
        T::KpiClickRateFormula,
        percent(I::EmailClicks, I::EmailsDelivered),
        Unit::Percent,
        Higher,
    ),
    metric(
        "click_to_open_rate",
        T::KpiClickToOpen,
        T::KpiClickToOpenFormula,
        percent(I::EmailClicks, I::EmailOpens),
        Unit::Percent,
        Higher,
    ),
    metric(
        "engagement_rate",
        T::KpiEngagementRate,
        T::KpiEngagementRateFormula,
        percent(I::Engagements, I::Reach),
        Unit::Percent,
        Higher,
    ),
    metric(
        "followers",
        T::KpiFollowers,
        T::KpiFollowersFormula,
        Formula::Count(I::Followers),
        Unit::Count,
        Higher,
    ),
    metric(
        "awareness_score",
        T::KpiAwareness,
        T::KpiAwarenessFormula,
        percent(I::AwareRespondents, I::SurveyRespondents),
        Unit::Percent,
        Higher,
    ),
    metric(
        "satisfaction_score",
        T::KpiSatisfaction,
        T::KpiSatisfactionFormula,
        Formula::Count(I::SatisfactionScore),
        Unit::Count,
        Higher,
    ),
];

/// The library KPI with this id.
pub fn find(id: &str) -> Option<&'static Metric> {
    LIBRARY.iter().find(|m| m.id == id)
}

/// The library KPI a plan's KPI comes from, if it names one the library knows.
pub fn metric_of(kpi: &Kpi) -> Option<&'static Metric> {
    kpi.metric.as_deref().and_then(find)
}

/// The value of `metric` from `inputs` (the first value given for each input counts). `None`
/// when an input is missing or not finite, or a denominator is zero.
pub fn compute(metric: &Metric, inputs: &[(Input, f64)]) -> Option<f64> {
    let get = |input: Input| {
        inputs
            .iter()
            .find(|(i, _)| *i == input)
            .map(|(_, v)| *v)
            .filter(|v| v.is_finite())
    };
    let value = match metric.formula {
        Formula::Count(input) => get(input)?,
        Formula::Ratio {
            numerator,
            denominator,
            scale,
        } => {
            let below = get(denominator)?;
            if below == 0.0 {
                return None;
            }
            get(numerator)? / below * scale
        }
        Formula::Return { gain, cost } => {
            let cost = get(cost)?;
            if cost == 0.0 {
                return None;
            }
            (get(gain)? - cost) / cost * 100.0
        }
    };
    value.is_finite().then_some(value)
}

/// The formula input a raw metric id (as the importers name it) stands for. Meta's `results`
/// (purchases, leads… as the campaign's objective counts them) are its conversions, so a CPA
/// fed by Meta is its cost per result.
pub fn input_of(metric_id: &str) -> Option<Input> {
    Some(match metric_id {
        "sessions" => Input::Sessions,
        "bounced_sessions" => Input::BouncedSessions,
        "leads" => Input::Leads,
        "conversions" | "results" => Input::Conversions,
        // Meta's purchases are orders, never its `results` again (those are conversions).
        "sales" | "purchases" => Input::Sales,
        "impressions" => Input::Impressions,
        "clicks" => Input::Clicks,
        "cost" => Input::Cost,
        "revenue" => Input::Revenue,
        "emails_delivered" => Input::EmailsDelivered,
        "email_opens" => Input::EmailOpens,
        "email_clicks" => Input::EmailClicks,
        "engagements" => Input::Engagements,
        "reach" => Input::Reach,
        "followers" => Input::Followers,
        "satisfaction_score" | "csat" => Input::SatisfactionScore,
        _ => return None,
    })
}

/// A new plan KPI from the library: its id, translated name, unit (in the plan's currency)
/// and default direction, due when the campaign ends.
pub fn new_kpi(metric: &Metric, id: String, name: &str, plan: &Plan) -> Kpi {
    Kpi {
        name: name.to_string(),
        metric: Some(metric.id.to_string()),
        unit: metric.unit.symbol(&plan.currency),
        direction: metric.direction.to_direction(0.0, 0.0),
        ..custom_kpi(id, plan)
    }
}

/// A new KPI of the user's own: blank but for its deadline, the campaign's end.
pub fn custom_kpi(id: String, plan: &Plan) -> Kpi {
    Kpi {
        id,
        deadline: plan.goal.end,
        ..Kpi::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(id: &str, inputs: &[(Input, f64)]) -> Option<f64> {
        compute(find(id)?, inputs)
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    // Guards: plans store metric ids, so two metrics sharing one would mix up saved KPIs.
    #[test]
    fn ids_are_unique_and_include_the_seed_examples() {
        for m in LIBRARY {
            assert_eq!(
                LIBRARY.iter().filter(|n| n.id == m.id).count(),
                1,
                "{}",
                m.id
            );
        }
        for id in ["sales", "engagement_rate", "cpa", "conversion_rate"] {
            assert!(find(id).is_some(), "{id}");
        }
        assert_eq!(LIBRARY.len(), 19);
    }

    // Hand-computed: 50 clicks on 2,000 impressions is 2.5%; Rp 1.000.000 on 400 clicks is
    // Rp 2.500 per click; Rp 1.000.000 on 250,000 impressions is Rp 4.000 per mille.
    #[test]
    fn ad_formulas_match_hand_computed_values() {
        let ads = [
            (Input::Clicks, 50.0),
            (Input::Impressions, 2000.0),
            (Input::Cost, 1_000_000.0),
        ];
        assert!(close(value("ctr", &ads), 2.5));
        assert!(close(
            value("cpc", &[(Input::Cost, 1_000_000.0), (Input::Clicks, 400.0)]),
            2500.0
        ));
        assert!(close(
            value(
                "cpm",
                &[(Input::Cost, 1_000_000.0), (Input::Impressions, 250_000.0)]
            ),
            4000.0
        ));
        assert!(close(
            value(
                "cpa",
                &[(Input::Cost, 6_500_000.0), (Input::Conversions, 100.0)]
            ),
            65_000.0
        ));
    }

    // Hand-computed: Rp 4 juta revenue on Rp 1 juta cost is ROAS 4× and ROI 300%; a loss is a
    // negative ROI.
    #[test]
    fn return_formulas_match_hand_computed_values() {
        let money = [(Input::Revenue, 4_000_000.0), (Input::Cost, 1_000_000.0)];
        assert!(close(value("roas", &money), 4.0));
        assert!(close(value("roi", &money), 300.0));
        let loss = [(Input::Revenue, 500.0), (Input::Cost, 1000.0)];
        assert!(close(value("roi", &loss), -50.0));
    }

    #[test]
    fn rate_formulas_match_hand_computed_values() {
        let email = [
            (Input::EmailsDelivered, 2000.0),
            (Input::EmailOpens, 500.0),
            (Input::EmailClicks, 60.0),
        ];
        assert!(close(value("open_rate", &email), 25.0));
        assert!(close(value("click_rate", &email), 3.0));
        assert!(close(value("click_to_open_rate", &email), 12.0));
        let site = [
            (Input::Sessions, 8000.0),
            (Input::BouncedSessions, 3200.0),
            (Input::Conversions, 144.0),
        ];
        assert!(close(value("bounce_rate", &site), 40.0));
        assert!(close(value("conversion_rate", &site), 1.8));
        assert!(close(
            value(
                "engagement_rate",
                &[(Input::Engagements, 420.0), (Input::Reach, 20_000.0)]
            ),
            2.1
        ));
        assert!(close(
            value(
                "awareness_score",
                &[
                    (Input::AwareRespondents, 75.0),
                    (Input::SurveyRespondents, 300.0)
                ]
            ),
            25.0
        ));
        assert!(close(value("sessions", &site), 8000.0));
    }

    // Guards: a campaign with no impressions or no spend yet must show "—", not ∞ or NaN.
    #[test]
    fn division_by_zero_and_missing_inputs_give_none() {
        assert_eq!(
            value("ctr", &[(Input::Clicks, 5.0), (Input::Impressions, 0.0)]),
            None
        );
        assert_eq!(
            value("roi", &[(Input::Revenue, 5.0), (Input::Cost, 0.0)]),
            None
        );
        assert_eq!(value("roas", &[(Input::Revenue, 5.0)]), None);
        assert_eq!(value("leads", &[]), None);
        assert_eq!(
            value("cpc", &[(Input::Cost, f64::NAN), (Input::Clicks, 3.0)]),
            None
        );
    }

    #[test]
    fn new_kpis_take_the_library_unit_and_direction() {
        let mut plan = Plan::blank("p", "P", 0);
        plan.currency = "IDR".into();
        plan.goal.end = crate::domain::values::date::Date::new(2026, 12, 31);
        let cpa = find("cpa").map(|m| new_kpi(m, "k1".into(), "CPA", &plan));
        let cpa = cpa.unwrap_or_default();
        assert_eq!(cpa.unit, "IDR");
        // Due when the campaign ends, for a library KPI and one of the user's own.
        assert_eq!(cpa.deadline, plan.goal.end);
        assert_eq!(custom_kpi("k2".into(), &plan).deadline, plan.goal.end);
        assert_eq!(cpa.direction, Direction::LowerIsBetter);
        assert_eq!(cpa.metric.as_deref(), Some("cpa"));
        assert_eq!(metric_of(&cpa).map(|m| m.id), Some("cpa"));
        let custom = Kpi {
            metric: Some("not_in_library".into()),
            ..Kpi::default()
        };
        assert_eq!(metric_of(&custom), None);
    }

    // Guards money's decimals: a rupiah KPI shows none, a dollar one its cents.
    #[test]
    fn money_takes_its_currency_s_decimals() {
        assert_eq!(Unit::Money.decimals_in("IDR"), 0);
        assert_eq!(Unit::Money.decimals_in("USD"), 2);
        assert_eq!(Unit::Percent.decimals_in("IDR"), 2);
        assert_eq!(Unit::Count.decimals_in("USD"), 0);
    }

    #[test]
    fn direction_kinds_round_trip() {
        for kind in DirectionKind::ALL {
            assert_eq!(DirectionKind::of(&kind.to_direction(1.0, 2.0)), kind);
        }
    }
}
