// Deterministic inputs for `make bench`, made at bench time (never committed):
// - the large plan: the workflow's example plan grown to 500 tasks, 50 KPIs and 20,000
//   measurements (plus spend and content), valid for Alur's import checks;
// - a plan file of at least 5 MiB: an export file (pretty JSON, as Alur writes it) of the same
//   plan with more measurements;
// - a GA4 exploration CSV with 50,000 data rows, in the layout GA4 exports (`#` header lines,
//   a `Grand total` row), like tests/fixtures/ga4_exploration_grand_total.csv.
// Same seed, same bytes: `node bench/gen.mjs` prints their sizes and SHA-256s.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** mulberry32: a small seeded PRNG, so every run makes the same data. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const START = Date.UTC(2025, 0, 6);

const CHANNELS = ['seo', 'sem', 'instagram', 'facebook', 'tiktok', 'youtube', 'email', 'content', 'website'];
const METRICS = [
  ['sessions', 'sessions', 'higher_is_better', 1200, 2000],
  ['conversion_rate', '%', 'higher_is_better', 1.2, 2.5],
  ['ctr', '%', 'higher_is_better', 2.1, 3.5],
  ['cpc', 'IDR', 'lower_is_better', 2500, 1800],
  ['engagement_rate', '%', 'higher_is_better', 2.1, 3.5],
  ['leads', 'leads', 'higher_is_better', 40, 90],
  ['revenue', 'IDR', 'higher_is_better', 30_000_000, 45_000_000],
  ['bounce_rate', '%', 'lower_is_better', 55, 40],
  ['open_rate', '%', 'higher_is_better', 18, 25],
  ['cpa', 'IDR', 'lower_is_better', 90_000, 60_000],
];
const VERBS = ['Draft', 'Review', 'Publish', 'Brief', 'Test', 'Launch', 'Optimise', 'Report on', 'Plan', 'Shoot'];
const THINGS = ['Reels batch', 'search ads', 'landing page', 'newsletter', 'creator brief', 'keyword list', 'carousel', 'retargeting audience', 'product video', 'blog article'];
const OWNERS = ['Rina (Marketing Manager)', 'Dimas (Content)', 'Sari (Ads)', 'Budi (Web)', 'Andi (Analyst)'];

/** The workflow's example plan (examples/seed-example.alur.json), as Alur ships it. */
function example() {
  return JSON.parse(readFileSync(resolve(ROOT, 'examples/seed-example.alur.json'), 'utf8')).plan;
}

/**
 * The example plan grown to `tasks` tasks, `kpis` KPIs and `measurements` measurements (spread
 * over the KPIs, one a day each), with spend and content to match. Ids are unique across the
 * plan, references point at what exists, dates are in order: Alur's validation accepts it.
 */
export function largePlan({ id = 'bench-large', tasks = 500, kpis = 50, measurements = 20_000, seed = 11 } = {}) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const plan = example();
  plan.id = id;
  plan.name = 'Large plan (bench)';
  plan.status = 'draft'; // approved or running plans lock the planning steps
  const days = Math.ceil(measurements / kpis);
  plan.goal.start = iso(START);
  plan.goal.end = iso(START + (days + 30) * DAY);

  // One KPI per metric and channel, as a manager would set them up (the UI names KPIs so).
  const taken = new Set(plan.kpis.map((k) => `${k.metric}/${k.channel}`));
  const baseKpis = plan.kpis.length;
  for (let i = baseKpis; i < kpis; i++) {
    const [metric, unit, kind, baseline, target] = METRICS[i % METRICS.length];
    let c = i;
    while (taken.has(`${metric}/${CHANNELS[c % CHANNELS.length]}`)) c++;
    const channel = CHANNELS[c % CHANNELS.length];
    taken.add(`${metric}/${channel}`);
    plan.kpis.push({
      id: `k-${i}`,
      name: `${metric.replaceAll('_', ' ')} ${channel}`,
      metric,
      unit,
      direction: { kind },
      baseline,
      target,
      deadline: plan.goal.end,
      channel,
    });
  }
  for (const k of plan.kpis) k.deadline = plan.goal.end;

  const baseTasks = plan.tasks.length;
  for (let i = baseTasks; i < tasks; i++) {
    const start = START + Math.floor(random() * days) * DAY;
    const depends = i > baseTasks && random() < 0.4 ? [`t-${baseTasks + Math.floor(random() * (i - baseTasks))}`] : [];
    plan.tasks.push({
      id: `t-${i}`,
      title: `${pick(VERBS)} ${pick(THINGS)} ${i}`,
      owner: pick(OWNERS),
      start: iso(start),
      end: iso(start + (1 + Math.floor(random() * 20)) * DAY),
      channel: random() < 0.7 ? pick(CHANNELS) : null,
      depends_on: depends,
      status: pick(['todo', 'doing', 'done', 'blocked']),
    });
  }

  plan.measurements = [];
  for (let i = 0; i < measurements; i++) {
    const k = plan.kpis[i % plan.kpis.length];
    const d = Math.floor(i / plan.kpis.length);
    const from = k.baseline ?? 1;
    const to = k.target ?? from * 1.5;
    const value = from + ((to - from) * d) / days + (to - from) * 0.2 * (random() - 0.5);
    plan.measurements.push({
      id: `m-${i}`,
      kpi: k.id,
      date: iso(START + d * DAY),
      end: null,
      value: Math.round(value * 100) / 100,
      source: 'Google Analytics 4',
      note: '',
    });
  }

  plan.spend = [];
  for (let i = 0; i < Math.min(2_000, days * 3); i++) {
    plan.spend.push({
      id: `s-${i}`,
      channel: pick(['instagram', 'sem', 'content']),
      date: iso(START + Math.floor(i / 3) * DAY),
      amount: 100_000 + Math.floor(random() * 900) * 1_000,
      note: '',
    });
  }
  plan.content = [];
  for (let i = 0; i < 200; i++) {
    plan.content.push({
      id: `c-${i}`,
      title: `${pick(THINGS)} ${i}`,
      kind: pick(['blog_post', 'video', 'social_post', 'email', 'ad_creative']),
      channel: pick(CHANNELS),
      owner: pick(OWNERS),
      publish: iso(START + Math.floor(random() * days) * DAY),
      status: pick(['idea', 'draft', 'review', 'scheduled', 'published']),
    });
  }
  return plan;
}

/** An export file as Alur writes it: pretty JSON with two-space indents. */
export function exportFile(plan) {
  const file = { format: 'alur-plan', schema_version: 1, app_version: '0.1.0', exported_at: '2026-01-01T00:00:00Z', plan };
  return JSON.stringify(file, null, 2);
}

/** A plan file of at least `bytes` bytes: the large plan with as many measurements as it takes. */
export function planFile(bytes = 5 * 1024 * 1024) {
  const perMeasurement = exportFile(largePlan({ id: 'bench-file', measurements: 1_000 })).length;
  const base = exportFile(largePlan({ id: 'bench-file', measurements: 0 })).length;
  let n = Math.ceil(((bytes - base) / (perMeasurement - base)) * 1_000);
  let text = exportFile(largePlan({ id: 'bench-file', measurements: n }));
  while (text.length < bytes) {
    n += 500;
    text = exportFile(largePlan({ id: 'bench-file', measurements: n }));
  }
  return { text, measurements: n };
}

/**
 * A GA4 free-form exploration export with `rows` data rows: channel group × date, the GA4
 * `#` header block with the period, and the `Grand total` row GA4 writes first.
 */
export function ga4Csv(rows = 50_000, seed = 7) {
  const random = rng(seed);
  const groups = ['Organic Search', 'Paid Search', 'Organic Social', 'Paid Social', 'Direct', 'Email', 'Referral', 'Display', 'Organic Video', 'Unassigned'];
  const days = Math.ceil(rows / groups.length);
  const ymd = (ms) => iso(ms).replaceAll('-', '');
  const lines = [];
  let total = 0;
  for (let d = 0; d < days; d++) {
    for (const g of groups) {
      if (lines.length === rows) break;
      const sessions = 200 + Math.floor(random() * 1_800);
      const engaged = Math.floor(sessions * (0.45 + random() * 0.3));
      const keyEvents = Math.floor(sessions * random() * 0.04);
      total += sessions;
      lines.push(`${g},${ymd(START + d * DAY)},${sessions},${engaged},${(engaged / sessions).toFixed(12)},${keyEvents},${keyEvents * 150_000}`);
    }
  }
  const head = [
    '# ----------------------------------------',
    '# Free form 1',
    '# Account: Toko Batik Nusantara',
    '# Property: tokobatiknusantara.id - GA4',
    '# ----------------------------------------',
    '#',
    `# Start date: ${ymd(START)}`,
    `# End date: ${ymd(START + (days - 1) * DAY)}`,
    'Session default channel group,Date,Sessions,Engaged sessions,Engagement rate,Key events,Total revenue',
    `Grand total,,${total},,,,`,
  ];
  return head.concat(lines).join('\n') + '\n';
}

/**
 * A Google Ads campaign report over a year, as the UI downloads it with a Day column: the title
 * and range lines, one row per day and campaign with ten metric columns (issue #17's year of 20
 * campaigns: 365 × 20 × 10 = 73,000 values), and the `Total:` row at the end.
 */
export function googleAdsYear({ campaigns = 20, days = 365, seed = 17 } = {}) {
  const random = rng(seed);
  const start = Date.UTC(2026, 0, 1);
  const names = Array.from({ length: campaigns }, (_, i) => `Batik ${String(i + 1).padStart(2, '0')} - ${i % 2 ? 'Search' : 'PMax'}`);
  const lines = [
    'Campaign report',
    `${iso(start)} - ${iso(start + (days - 1) * DAY)}`,
    'Day,Campaign,Clicks,Impr.,CTR,Avg. CPC,Cost,Conversions,Cost / conv.,Conv. value,Conv. rate,Interactions',
  ];
  let clicksTotal = 0;
  for (let d = 0; d < days; d++) {
    for (const name of names) {
      const impressions = 2_000 + Math.floor(random() * 8_000);
      const clicks = Math.floor(impressions * (0.02 + random() * 0.04));
      const cost = clicks * (1_000 + Math.floor(random() * 1_000));
      const conversions = Math.floor(clicks * random() * 0.08);
      const value = conversions * 350_000;
      clicksTotal += clicks;
      const pct = (a, b) => (b ? `${((a / b) * 100).toFixed(2)}%` : '--');
      const per = (a, b) => (b ? (a / b).toFixed(2) : '--');
      lines.push([iso(start + d * DAY), name, clicks, impressions, pct(clicks, impressions), per(cost, clicks), cost, conversions, per(cost, conversions), value, pct(conversions, clicks), clicks].join(','));
    }
  }
  lines.push(`Total: Account,,${clicksTotal},,,,,,,,,`);
  return lines.join('\n') + '\n';
}

/** SHA-256 of a text, to show the inputs are the same from run to run. */
export const sha256 = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

if (import.meta.url === `file://${process.argv[1]}`) {
  const large = JSON.stringify(largePlan());
  const file = planFile();
  const csv = ga4Csv();
  console.log(`large plan: ${large.length} bytes, ${sha256(large)}`);
  console.log(`plan file: ${file.text.length} bytes, ${file.measurements} measurements, ${sha256(file.text)}`);
  console.log(`GA4 CSV: ${csv.length} bytes, ${sha256(csv)}`);
}
