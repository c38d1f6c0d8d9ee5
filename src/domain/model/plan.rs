//! The plan: one campaign's whole workflow, from the SMART goal to the learnings. Plain serde
//! data with no signals inside; every entity has a stable id and every document a
//! `schema_version`.

use serde::{Deserialize, Serialize};

use crate::domain::values::date::Date;

/// The schema version this build writes. Older versions migrate forward on import and load.
/// Version 2 added [`Plan::facts`], what the platforms reported (see `migrate.rs`).
pub const SCHEMA_VERSION: u32 = 2;

/// True for ids the app accepts: 1–64 characters of `A–Z a–z 0–9 _ -`. Ids appear in URLs and
/// storage keys, so nothing else is allowed.
pub fn is_valid_id(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Where the plan stands in the workflow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    /// Being researched and planned.
    #[default]
    Draft,
    /// Submitted to management, waiting for a decision.
    InReview,
    /// Approved by management: the baseline is locked.
    Approved,
    /// Being executed.
    Running,
    /// Finished; its results feed the next campaign.
    Completed,
}

/// A campaign plan and everything recorded while running and improving it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The schema version of this document.
    pub schema_version: u32,
    /// Stable id, also the storage key and URL segment.
    pub id: String,
    /// The plan's name, as the user typed it.
    pub name: String,
    /// Where the plan stands.
    #[serde(default)]
    pub status: PlanStatus,
    /// Currency code of every amount in the plan (ISO 4217, e.g. `IDR`).
    #[serde(default = "default_currency")]
    pub currency: String,
    /// Creation time, Unix milliseconds.
    #[serde(default)]
    pub created_at: i64,
    /// Last edit, Unix milliseconds.
    #[serde(default)]
    pub updated_at: i64,
    /// Increases with every saved edit; detects two tabs writing the same plan.
    #[serde(default)]
    pub revision: u64,
    /// Approval revision: increases each time an approved plan is reopened.
    #[serde(default)]
    pub baseline_revision: u32,
    /// Step 1: the SMART goal.
    #[serde(default)]
    pub goal: Goal,
    /// Step 2: the market situation.
    #[serde(default)]
    pub market: MarketSituation,
    /// Step 3: competitors.
    #[serde(default)]
    pub competitors: Vec<Competitor>,
    /// Step 4: target-market personas.
    #[serde(default)]
    pub personas: Vec<Persona>,
    /// Step 5: market gaps.
    #[serde(default)]
    pub gaps: Vec<MarketGap>,
    /// Step 6: the channel strategy.
    #[serde(default)]
    pub channels: Vec<ChannelPlan>,
    /// Step 7: KPIs.
    #[serde(default)]
    pub kpis: Vec<Kpi>,
    /// Step 8: the budget.
    #[serde(default)]
    pub budget: Budget,
    /// Step 9: the action plan.
    #[serde(default)]
    pub tasks: Vec<Task>,
    /// Step 10: every approval decision, oldest first.
    #[serde(default)]
    pub approvals: Vec<Approval>,
    /// Phase 2: execution checklist items per workstream.
    #[serde(default)]
    pub execution: Vec<ExecutionItem>,
    /// Phase 2: the content calendar.
    #[serde(default)]
    pub content: Vec<ContentItem>,
    /// Phase 2: actual spend.
    #[serde(default)]
    pub spend: Vec<SpendEntry>,
    /// Phase 2–3: KPI values typed by hand (and, before version 2, imported), each the
    /// value of its KPI on its day or over its period.
    #[serde(default)]
    pub measurements: Vec<Measurement>,
    /// Phase 3: what the platforms reported, raw inputs included, as series by metric,
    /// source, breakdown and import. KPIs are computed from these over their period.
    #[serde(default)]
    pub facts: Vec<FactSeries>,
    /// Phase 3: problems found when a KPI was missed.
    #[serde(default)]
    pub problems: Vec<Problem>,
    /// Phase 3: optimisation actions taken.
    #[serde(default)]
    pub optimisations: Vec<Optimisation>,
    /// Phase 3: report notes and learnings.
    #[serde(default)]
    pub report: ReportNotes,
}

fn default_currency() -> String {
    "IDR".to_string()
}

/// What the campaign is for, in the seed's terms.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    /// Brand awareness.
    #[default]
    Awareness,
    /// Lead generation.
    Leads,
    /// Sales.
    Sales,
    /// Engagement.
    Engagement,
}

/// Step 1: the goal, built the SMART way.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Goal {
    /// The kind of business objective.
    pub objective: Objective,
    /// Specific: what is to change, and for whom.
    pub specific: String,
    /// Measurable: the metric's name.
    pub metric: String,
    /// Measurable: the unit (e.g. `%`, `IDR`, `leads`).
    pub unit: String,
    /// Measurable: the value today.
    pub baseline: Option<f64>,
    /// Measurable: the value to reach.
    pub target: Option<f64>,
    /// Achievable: why the target can be reached.
    pub achievable: String,
    /// Relevant: the business objective it serves.
    pub relevant: String,
    /// Time-bound: the start.
    pub start: Option<Date>,
    /// Time-bound: the end.
    pub end: Option<Date>,
}

/// Step 2: trends, opportunities and challenges (with an optional SWOT grid).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MarketSituation {
    /// Current trends in the industry.
    pub trends: Vec<Note>,
    /// Opportunities.
    pub opportunities: Vec<Note>,
    /// Challenges and threats.
    pub challenges: Vec<Note>,
    /// Internal strengths (SWOT).
    pub strengths: Vec<Note>,
    /// Internal weaknesses (SWOT).
    pub weaknesses: Vec<Note>,
}

/// A short piece of text with an id, so other entities can point at it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// Stable id.
    pub id: String,
    /// The text.
    pub text: String,
}

/// Step 3: one competitor.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Competitor {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Website address, shown as text (never followed automatically).
    pub website: String,
    /// Channels the competitor uses.
    pub channels: Vec<Channel>,
    /// Their strategy.
    pub strategy: String,
    /// Their strengths.
    pub strengths: String,
    /// Their weaknesses.
    pub weaknesses: String,
    /// Anything else.
    pub notes: String,
}

/// Step 4: a persona of the target market.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Persona {
    /// Stable id.
    pub id: String,
    /// A name for the persona.
    pub name: String,
    /// Age, gender, location, income, occupation…
    pub demographics: String,
    /// Values, interests, lifestyle…
    pub psychographics: String,
    /// Buying habits, media use…
    pub behaviour: String,
    /// Needs the market does not meet yet.
    pub needs: String,
    /// Channels the persona uses.
    pub channels: Vec<Channel>,
}

/// How urgent something is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// Low.
    Low,
    /// Medium.
    #[default]
    Medium,
    /// High.
    High,
}

/// Step 5: a market gap, with the evidence it rests on.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MarketGap {
    /// Stable id.
    pub id: String,
    /// The gap or opportunity.
    pub description: String,
    /// Ids of the trends, competitors or personas that show it.
    pub evidence: Vec<String>,
    /// Priority.
    pub priority: Priority,
}

/// A digital marketing channel. Social media is split per platform.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Search engine optimisation.
    Seo,
    /// Search engine marketing (paid search, e.g. Google Ads).
    Sem,
    /// Instagram.
    Instagram,
    /// Facebook.
    Facebook,
    /// TikTok.
    Tiktok,
    /// X (Twitter).
    X,
    /// LinkedIn.
    Linkedin,
    /// YouTube.
    Youtube,
    /// Email marketing.
    Email,
    /// Content marketing.
    Content,
    /// The website itself.
    Website,
    /// Any other channel, named by the user.
    Other(String),
}

/// Step 6: a chosen channel, why, and how.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelPlan {
    /// Stable id.
    pub id: String,
    /// The channel.
    pub channel: Channel,
    /// Why this channel.
    #[serde(default)]
    pub rationale: String,
    /// Ids of the gaps this channel addresses.
    #[serde(default)]
    pub gaps: Vec<String>,
    /// Ids of the personas it reaches.
    #[serde(default)]
    pub personas: Vec<String>,
    /// The tactics.
    #[serde(default)]
    pub tactics: String,
}

/// Which way a KPI should move.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Direction {
    /// More is better (traffic, leads, revenue…).
    #[default]
    HigherIsBetter,
    /// Less is better (CPC, CPA, bounce rate…).
    LowerIsBetter,
    /// Good when between `min` and `max`.
    WithinRange {
        /// Lower bound.
        min: f64,
        /// Upper bound.
        max: f64,
    },
}

/// Step 7: a key performance indicator.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Kpi {
    /// Stable id.
    pub id: String,
    /// Name, e.g. "Conversion rate".
    pub name: String,
    /// The library metric it comes from, if any (e.g. `conversion_rate`).
    pub metric: Option<String>,
    /// Unit, e.g. `%` or `IDR`.
    pub unit: String,
    /// Which way is good.
    pub direction: Direction,
    /// Value at the start.
    pub baseline: Option<f64>,
    /// Value to reach.
    pub target: Option<f64>,
    /// When the target is due.
    pub deadline: Option<Date>,
    /// The channel it measures, if one.
    pub channel: Option<Channel>,
    /// The sources whose facts it is computed from (e.g. "Google Ads"), chosen at import; empty
    /// for a KPI fed only by values typed by hand.
    pub sources: Vec<String>,
    /// What the target is for: the campaign, or each month or week.
    pub basis: TargetBasis,
}

/// What a KPI's target is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetBasis {
    /// The whole campaign: a total by the deadline (sessions, leads) or a level at it (a CTR).
    #[default]
    Campaign,
    /// Each calendar month ("1,200 sales a month"): the month so far is what counts.
    PerMonth,
    /// Each week, Monday to Sunday.
    PerWeek,
}

/// Step 8: the budget.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Budget {
    /// The total, in the plan's currency.
    pub total: f64,
    /// Allocation per channel.
    pub allocations: Vec<Allocation>,
}

/// Step 8: money set aside for one channel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Allocation {
    /// Stable id.
    pub id: String,
    /// The channel.
    pub channel: Channel,
    /// Amount in the plan's currency.
    pub amount: f64,
    /// Priority.
    #[serde(default)]
    pub priority: Priority,
    /// Expected return on this money, in the plan's currency.
    #[serde(default)]
    pub expected_return: Option<f64>,
}

/// Progress of a task or an item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    /// Not started.
    #[default]
    Todo,
    /// Under way.
    Doing,
    /// Waiting on something.
    Blocked,
    /// Finished.
    Done,
}

/// Step 9: a task of the action plan.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Task {
    /// Stable id.
    pub id: String,
    /// What is to be done.
    pub title: String,
    /// Who owns it.
    pub owner: String,
    /// Start date.
    pub start: Option<Date>,
    /// End date.
    pub end: Option<Date>,
    /// Channel, if one.
    pub channel: Option<Channel>,
    /// Ids of the tasks that must end before this one starts.
    pub depends_on: Vec<String>,
    /// Progress.
    pub status: TaskStatus,
}

/// Management's decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Submitted, no decision yet.
    Submitted,
    /// Approved: the plan becomes the baseline.
    Approved,
    /// Changes requested.
    ChangesRequested,
    /// Rejected.
    Rejected,
    /// An approved plan reopened for changes.
    Reopened,
}

/// Step 10: one entry in the approval history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// Stable id.
    pub id: String,
    /// What happened.
    pub decision: Decision,
    /// Who decided (or submitted).
    #[serde(default)]
    pub by: String,
    /// The comment.
    #[serde(default)]
    pub comment: String,
    /// When.
    pub date: Date,
    /// Fingerprint of the plan's content at that moment.
    #[serde(default)]
    pub fingerprint: String,
    /// The baseline revision it belongs to.
    #[serde(default)]
    pub revision: u32,
}

/// The workstreams of the execution phase, after the seed's second flowchart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Workstream {
    /// Team and infrastructure.
    Team,
    /// Content creation.
    Content,
    /// Website optimisation.
    Website,
    /// SEO.
    Seo,
    /// SEM.
    Sem,
    /// Social media.
    Social,
    /// Email.
    Email,
    /// Monitoring and reporting.
    Monitoring,
}

/// Phase 2: one checklist item of a workstream.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExecutionItem {
    /// Stable id.
    pub id: String,
    /// The workstream.
    pub workstream: Workstream,
    /// What is to be done.
    pub title: String,
    /// Who owns it.
    #[serde(default)]
    pub owner: String,
    /// When it is due.
    #[serde(default)]
    pub due: Option<Date>,
    /// Progress.
    #[serde(default)]
    pub status: TaskStatus,
}

/// Kinds of content.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContentKind {
    /// Blog post.
    #[default]
    BlogPost,
    /// Article.
    Article,
    /// Video.
    Video,
    /// Infographic.
    Infographic,
    /// Social media post.
    SocialPost,
    /// Email.
    Email,
    /// Ad creative.
    AdCreative,
}

/// Where a content item stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContentStatus {
    /// An idea.
    #[default]
    Idea,
    /// Being written.
    Draft,
    /// In review.
    Review,
    /// Scheduled.
    Scheduled,
    /// Published.
    Published,
}

/// Phase 2: an item of the content calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContentItem {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Kind.
    #[serde(default)]
    pub kind: ContentKind,
    /// Channel.
    #[serde(default)]
    pub channel: Option<Channel>,
    /// Owner.
    #[serde(default)]
    pub owner: String,
    /// Publish date.
    #[serde(default)]
    pub publish: Option<Date>,
    /// Status.
    #[serde(default)]
    pub status: ContentStatus,
}

/// Phase 2: money actually spent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpendEntry {
    /// Stable id.
    pub id: String,
    /// Channel.
    pub channel: Channel,
    /// Date of the spend (or the start of its period).
    pub date: Date,
    /// Amount in the plan's currency.
    pub amount: f64,
    /// A note.
    #[serde(default)]
    pub note: String,
}

/// Phase 2–3: a KPI value at a date or over a period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    /// Stable id.
    pub id: String,
    /// The KPI measured.
    pub kpi: String,
    /// The date, or the period's start.
    pub date: Date,
    /// The period's end, for a value over a period.
    #[serde(default)]
    pub end: Option<Date>,
    /// The value.
    pub value: f64,
    /// Where it came from (e.g. "Google Analytics 4").
    #[serde(default)]
    pub source: String,
    /// A note.
    #[serde(default)]
    pub note: String,
    /// The import it came from (a custom KPI's values from a platform file); empty when typed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub import: String,
}

/// Phase 3: one series of what a platform reported: one metric, from one source, for one
/// breakdown, from one import, its points in columns. Columns keep a year of daily values at
/// about two characters a day plus the numbers themselves, so a plan holds tens of thousands
/// of them within the browser's storage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactSeries {
    /// Stable id.
    pub id: String,
    /// The raw metric's id, as the importers name it (`clicks`, `impressions`, `cost`,
    /// `conversions`, `sessions`, `reach`, `results`…).
    pub metric: String,
    /// The platform or file kind it came from (e.g. "Google Ads").
    pub source: String,
    /// The breakdown, dimension → value (`campaign` → `Brand - Search`); empty for the whole
    /// account or property.
    #[serde(default)]
    pub labels: std::collections::BTreeMap<String, String>,
    /// The import it came from, so one import can be replaced or removed.
    #[serde(default)]
    pub import: String,
    /// The first point's first day.
    pub start: Date,
    /// Days from each point's first day to the next point's (one fewer than `values`).
    #[serde(default)]
    pub steps: Vec<u32>,
    /// The days every point covers (1: daily rows; 7: weeks), unless `spans` says otherwise.
    #[serde(default = "one_day")]
    pub span: u32,
    /// The days each point covers, when they differ (then one per value).
    #[serde(default)]
    pub spans: Vec<u32>,
    /// The numbers, in the file's units (percentages in percent, money in the plan currency).
    pub values: Vec<f64>,
}

fn one_day() -> u32 {
    1
}

impl FactSeries {
    /// The points as `(first day, last day, value)`, in order. A point whose days cannot be
    /// represented is left out (validation reports such a series).
    pub fn points(&self) -> impl Iterator<Item = (Date, Date, f64)> + '_ {
        let mut day = Some(self.start);
        self.values
            .iter()
            .enumerate()
            .filter_map(move |(i, value)| {
                let first = day?;
                let span = self.spans.get(i).copied().unwrap_or(self.span).max(1);
                day = self
                    .steps
                    .get(i)
                    .and_then(|step| first.add_days(i64::from(*step)));
                let last = first.add_days(i64::from(span) - 1)?;
                Some((first, last, *value))
            })
    }
}

/// Suspected causes of a missed KPI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    /// Targeting.
    Targeting,
    /// Creative.
    Creative,
    /// Landing page.
    LandingPage,
    /// Offer.
    Offer,
    /// Budget.
    Budget,
    /// Timing.
    Timing,
    /// Channel fit.
    ChannelFit,
    /// Something else.
    Other,
}

/// Phase 3: a problem found when a KPI was not achieved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    /// Stable id.
    pub id: String,
    /// The KPI concerned.
    pub kpi: String,
    /// When it was found.
    pub date: Date,
    /// What was seen.
    #[serde(default)]
    pub symptom: String,
    /// Suspected causes.
    #[serde(default)]
    pub causes: Vec<Cause>,
    /// Details.
    #[serde(default)]
    pub notes: String,
}

/// Phase 3: a change made to the strategy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Optimisation {
    /// Stable id.
    pub id: String,
    /// The problem it answers, if one.
    #[serde(default)]
    pub problem: Option<String>,
    /// What changes.
    pub action: String,
    /// Owner.
    #[serde(default)]
    pub owner: String,
    /// When it takes effect.
    pub date: Date,
}

/// Phase 3: the report's own text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReportNotes {
    /// Summary for management.
    pub summary: String,
    /// What was learned.
    pub learnings: Vec<Note>,
    /// Next steps.
    pub next_steps: String,
}

impl Plan {
    /// The plan's JSON form, through its compact text. Every plan goes through one serializer,
    /// the one saving uses: `serde_json::to_value` (or a pretty printer) would compile every
    /// plan type's serialization a second time, tens of kilobytes of wasm (#21, README *Size*).
    pub fn to_json_value(&self) -> Option<serde_json::Value> {
        serde_json::from_str(&serde_json::to_string(self).ok()?).ok()
    }

    /// An empty plan with the given id and name, in IDR.
    pub fn blank(id: &str, name: &str, now_ms: i64) -> Plan {
        Plan {
            schema_version: SCHEMA_VERSION,
            id: id.to_string(),
            name: name.to_string(),
            status: PlanStatus::Draft,
            currency: default_currency(),
            created_at: now_ms,
            updated_at: now_ms,
            revision: 0,
            baseline_revision: 0,
            goal: Goal::default(),
            market: MarketSituation::default(),
            competitors: Vec::new(),
            personas: Vec::new(),
            gaps: Vec::new(),
            channels: Vec::new(),
            kpis: Vec::new(),
            budget: Budget::default(),
            tasks: Vec::new(),
            approvals: Vec::new(),
            execution: Vec::new(),
            content: Vec::new(),
            spend: Vec::new(),
            measurements: Vec::new(),
            facts: Vec::new(),
            problems: Vec::new(),
            optimisations: Vec::new(),
            report: ReportNotes::default(),
        }
    }
}
