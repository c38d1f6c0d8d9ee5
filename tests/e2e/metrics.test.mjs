// Phase 3's numbers, as a marketing analyst would sign them (issue #17): a month of a campaign
// from three platforms is imported through the collect step, and the analysis page shows each
// KPI's value over the month, computed as the platforms compute it (Σ ÷ Σ for every rate).
// Every file is written here, with the figures computed by hand in the comments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, appReady } from './harness.mjs';

const app = useApp();
const DAYS = Array.from({ length: 31 }, (_, i) => i + 1);
const iso = (day) => `2026-10-${String(day).padStart(2, '0')}`;
/** An Indonesian number: 12.750, or Rp674.250. */
const id = (n) => n.toLocaleString('de-DE');

/**
 * Google Ads, downloaded from the Indonesian interface: `;`-separated, a title line, the date
 * range at the end, a `Total: Akun` row. Two campaigns every day of October 2026:
 * - "Batik Tulis - Search": 465 clicks, 12,750 impressions, Rp 674,250 a day, 11 conversions on
 *   1–29 October and 10 on the 30th and 31st: 14,415 clicks, 395,250 impressions,
 *   Rp 20,901,750 and 29 × 11 + 2 × 10 = 339 conversions in the month;
 * - "Batik Cap - Display": 200 clicks, 5,000 impressions, Rp 300,000, 4 conversions a day:
 *   6,200 clicks, 155,000 impressions, Rp 9,300,000, 124 conversions.
 * Its CTR, CPC and cost-per-conversion columns are each row's own, as Google Ads writes them.
 */
function googleAdsId() {
  const lines = ['Laporan kampanye', 'Hari;Kampanye;Klik;Tayangan;CTR;CPC rata-rata;Biaya;Konversi;Biaya / konv.'];
  for (const day of DAYS) {
    for (const [name, clicks, impr, cost, conv] of [
      ['Batik Tulis - Search', 465, 12750, 674250, day <= 29 ? 11 : 10],
      ['Batik Cap - Display', 200, 5000, 300000, 4],
    ]) {
      const ctr = `${((clicks / impr) * 100).toFixed(2).replace('.', ',')}%`;
      lines.push([iso(day), name, id(clicks), id(impr), ctr, `Rp${id(cost / clicks)}`, `Rp${id(cost)}`, `${conv},00`, `Rp${(cost / conv).toFixed(2).replace('.', ',')}`].join(';'));
    }
  }
  lines.push('Total: Akun;;20.615;550.250;3,75%;Rp1.465,04;Rp30.201.750;463,00;Rp65.230,56', '', '1 Oktober 2026 - 31 Oktober 2026');
  return lines.join('\n');
}

/** GA4 daily: 1,000 + d sessions on day d (Σ = 31 × 1,000 + 496 = 31,496) and Rp 3,000,000 of
 * revenue a day (Rp 93,000,000). */
function ga4Daily() {
  const lines = [
    '# ----------------------------------------',
    '# Traffic acquisition: Session default channel group',
    '# ----------------------------------------',
    '# Start date: 20261001',
    '# End date: 20261031',
    'Date,Sessions,Engaged sessions,Key events,Total revenue',
  ];
  for (const day of DAYS) lines.push(`202610${String(day).padStart(2, '0')},${1000 + day},${600 + day},${20 + (day % 5)},3000000`);
  return lines.join('\n');
}

/** Meta Ads Manager by week, summary row first: four weeks of Rp 2,100,000 and 30 results,
 * then 29–31 October with Rp 900,000 and 12: Rp 9,300,000 for 132 results, a cost per result
 * of 9,300,000 ÷ 132 = Rp 70,454.55 (the weeks' own 70,000 and 75,000 are never averaged). */
function metaWeekly() {
  const header = '"Campaign name","Reporting starts","Reporting ends","Amount spent (IDR)","Impressions","Reach","Link clicks","Results","Result indicator","Cost per result"';
  const rows = [['', '2026-10-01', '2026-10-31', 9300000, 620000, 210000, 5200, 132, '', '']];
  for (const [start, end, cost, results] of [['01', '07', 2100000, 30], ['08', '14', 2100000, 30], ['15', '21', 2100000, 30], ['22', '28', 2100000, 30], ['29', '31', 900000, 12]]) {
    rows.push(['Batik Reels - Purchases', `2026-10-${start}`, `2026-10-${end}`, cost, 130000, 60000, 1100, results, 'actions:purchase', (cost / results).toFixed(2)]);
  }
  return [header, ...rows.map((r) => r.map((c) => `"${c}"`).join(','))].join('\n');
}

const PLAN = {
  format: 'alur-plan',
  schema_version: 2,
  app_version: '0.1.0',
  exported_at: '2026-09-30T00:00:00Z',
  plan: {
    schema_version: 2,
    id: 'batik-oct',
    name: 'Batik Oktober',
    goal: { start: '2026-10-01', end: '2026-10-31' },
    kpis: [
      { id: 'kpi-sessions', name: 'Sessions', metric: 'sessions', target: 30000, deadline: '2026-10-31' },
      { id: 'kpi-revenue', name: 'Revenue', metric: 'revenue', unit: 'IDR', target: 100000000, deadline: '2026-10-31' },
      { id: 'kpi-ctr', name: 'CTR', metric: 'ctr', unit: '%', baseline: 3, target: 4, deadline: '2026-10-31' },
      { id: 'kpi-cpc', name: 'CPC', metric: 'cpc', unit: 'IDR', direction: { kind: 'lower_is_better' }, target: 1500, deadline: '2026-10-31' },
      { id: 'kpi-cpa', name: 'CPA Google Ads', metric: 'cpa', unit: 'IDR', direction: { kind: 'lower_is_better' }, target: 70000, deadline: '2026-10-31' },
      { id: 'kpi-meta-cpa', name: 'Meta cost per result', metric: 'cpa', unit: 'IDR', direction: { kind: 'lower_is_better' }, target: 70000, deadline: '2026-10-31' },
    ],
  },
};

async function importCsv(page, name, text, mapping = {}) {
  await page.setInputFiles('#collect-file', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.locator('#collect-preview').waitFor();
  for (const [metric, kpi] of Object.entries(mapping)) await page.locator(`#collect-map-${metric}`).selectOption(kpi);
  await page.locator('#collect-confirm').click();
  await page.getByRole('status').filter({ hasText: /added/ }).waitFor();
}

/** Imports the plan file `plan`, then October's three exports through the collect step. */
async function importOctober(page, plan) {
  await page.goto(app.server.url);
  await appReady(page);
  await page.setInputFiles('#import-file', { name: 'batik.alur.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plan)) });
  await page.getByRole('link', { name: 'Batik Oktober' }).waitFor();
  await page.goto(`${app.server.url}#/plan/batik-oct/collect`);
  await importCsv(page, 'ga4.csv', ga4Daily());
  await importCsv(page, 'Laporan kampanye.csv', googleAdsId());
  // Meta's cost per result (and the CPA Alur derives from its cost and results, the same
  // figure) feed the Meta KPI, chosen by hand: by default they would feed the first CPA KPI,
  // the Google Ads one, and blend the two platforms.
  await importCsv(page, 'meta.csv', metaWeekly(), { cost_per_result: 'kpi-meta-cpa', cpa: 'kpi-meta-cpa' });
}

/** The actual the analysis table shows for a KPI, and its status. */
async function shown(page, kpi) {
  const row = page.locator(`#an-kpi-${kpi}`);
  return [(await row.locator('td').first().textContent()).trim(), await page.locator(`#an-kpi-${kpi}-status`).getAttribute('data-status')];
}

for (const [size, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  test(`a month from Google Ads (Indonesian), GA4 and Meta: each KPI is its month's value (${size})`, async () => {
    const { ctx, page, problems } = await openPage(app.browser, { locale: 'en-US' });
    await page.setViewportSize(viewport);
    await importOctober(page, PLAN);

    await page.goto(`${app.server.url}#/plan/batik-oct/analyse`);
    await page.locator('#an-table').waitFor();
    // 31,496 sessions against 30,000: achieved.
    assert.deepEqual(await shown(page, 'kpi-sessions'), ['31,496', 'achieved']);
    // Rp 93,000,000 against Rp 100,000,000, the month over: missed.
    assert.deepEqual(await shown(page, 'kpi-revenue'), ['Rp 93,000,000', 'off-track']);
    // CTR: (14,415 + 6,200) ÷ (395,250 + 155,000) = 20,615 ÷ 550,250 = 3.7465%, under 4%.
    assert.deepEqual(await shown(page, 'kpi-ctr'), ['3.75%', 'off-track']);
    // CPC: Rp 30,201,750 ÷ 20,615 clicks = Rp 1,465.04, shown in whole rupiah, under the
    // Rp 1,500 ceiling.
    assert.deepEqual(await shown(page, 'kpi-cpc'), ['Rp 1,465', 'achieved']);
    // CPA: Rp 30,201,750 ÷ 463 conversions = Rp 65,230.56, Rp 65,231: the Rp 70,000 target is met (the
    // last day alone, Rp 674,250 ÷ 10 = Rp 67,425 for one campaign, was what showed before).
    assert.deepEqual(await shown(page, 'kpi-cpa'), ['Rp 65,231', 'achieved']);
    // Meta: Rp 9,300,000 ÷ 132 results = Rp 70,454.55, Rp 70,455, just over the target; the
    // summary row (the same totals) is not counted a second time.
    assert.deepEqual(await shown(page, 'kpi-meta-cpa'), ['Rp 70,455', 'off-track']);

    // Which campaign drives the CPA: Batik Tulis Rp 20,901,750 ÷ 339 = Rp 61,657.08, Batik Cap
    // Rp 9,300,000 ÷ 124 = Rp 75,000, largest (by conversions) first; the CTR by campaign,
    // 14,415 ÷ 395,250 = 3.65% and 6,200 ÷ 155,000 = 4% (written as the targets are). KPIs
    // with one campaign have no table.
    const breakdown = (kpi) => page.locator(`#an-breakdown-${kpi} tbody tr`).evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
    assert.deepEqual(await breakdown('kpi-cpa'), [
      ['Batik Tulis - Search', 'Google Ads', 'Rp 61,657'],
      ['Batik Cap - Display', 'Google Ads', 'Rp 75,000'],
    ]);
    assert.deepEqual(await breakdown('kpi-ctr'), [
      ['Batik Tulis - Search', 'Google Ads', '3.65%'],
      ['Batik Cap - Display', 'Google Ads', '4%'],
    ]);
    assert.equal(await page.locator('#an-breakdown-kpi-sessions').count(), 0);
    assert.equal(await page.locator('#an-breakdown-kpi-meta-cpa').count(), 0);

    // ALUR_SHOTS=dir keeps a screenshot of the page, to look at.
    if (process.env.ALUR_SHOTS) await page.screenshot({ path: `${process.env.ALUR_SHOTS}/metrics-analyse-${size}.png`, fullPage: size === 'desktop' });

    // The report shows the same figures.
    await page.goto(`${app.server.url}#/plan/batik-oct/report`);
    const cells = async (kpi) => (await page.locator(`#report-kpi-${kpi} td`).first().textContent()).trim();
    assert.equal(await cells('kpi-ctr'), '3.75%');
    assert.equal(await cells('kpi-sessions'), '31,496');
    assert.deepEqual(problems, []);
    await ctx.close();
  });
}

test('a KPI with values typed by hand is named before a file feeds it, and the typed values are kept', async () => {
  const { ctx, page, problems } = await openPage(app.browser, { locale: 'en-US' });
  const plan = structuredClone(PLAN);
  plan.plan.kpis = [plan.plan.kpis[1]];
  // Rp 5,000,000 typed for 5 October, before any import.
  plan.plan.measurements = [{ id: 'typed-1', kpi: 'kpi-revenue', date: '2026-10-05', value: 5000000, source: '', note: 'from the shop' }];
  await page.goto(app.server.url);
  await appReady(page);
  await page.setInputFiles('#import-file', { name: 'batik.alur.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plan)) });
  await page.getByRole('link', { name: 'Batik Oktober' }).waitFor();
  await page.goto(`${app.server.url}#/plan/batik-oct/analyse`);
  assert.equal((await page.locator('#an-kpi-kpi-revenue td').first().textContent()).trim(), 'Rp 5,000,000');

  // What the target is for, chosen on the KPI step and stored with the KPI.
  await page.goto(`${app.server.url}#/plan/batik-oct/kpis`);
  const basis = page.getByLabel('The target is for');
  assert.equal(await basis.locator('option:checked').textContent(), 'The whole campaign');
  await basis.selectOption({ label: 'Each week' });
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('alur:plan:batik-oct')).kpis[0].basis === 'per_week');
  await basis.selectOption({ label: 'The whole campaign' });
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('alur:plan:batik-oct')).kpis[0].basis === 'campaign');

  await page.goto(`${app.server.url}#/plan/batik-oct/collect`);
  await page.setInputFiles('#collect-file', { name: 'ga4.csv', mimeType: 'text/csv', buffer: Buffer.from(ga4Daily()) });
  await page.locator('#collect-preview').waitFor();
  assert.match(await page.locator('#collect-clashes').textContent(), /“Revenue” has values typed by hand for 5 Oct 2026 – 5 Oct 2026\. Once this file feeds it/);
  await page.locator('#collect-confirm').click();
  await page.getByRole('status').filter({ hasText: /added/ }).waitFor();
  // Computed from GA4 now: Rp 3,000,000 × 31 = Rp 93,000,000, the typed value not added to it.
  await page.goto(`${app.server.url}#/plan/batik-oct/analyse`);
  assert.equal((await page.locator('#an-kpi-kpi-revenue td').first().textContent()).trim(), 'Rp 93,000,000');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('alur:plan:batik-oct')).measurements);
  assert.deepEqual(stored.map((m) => [m.id, m.value]), [['typed-1', 5000000]], 'the typed value is still in the log');
  assert.deepEqual(problems, []);
  await ctx.close();
});

/** The cells of a table row, as the manager reads them. */
const cellsOf = (page, selector) => page.locator(selector).evaluate((row) => [...row.children].map((c) => c.textContent.trim()));

for (const [size, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  test(`any period against the one before, spend from imported cost, and a KPI's sources (${size})`, async () => {
    const { ctx, page, problems } = await openPage(app.browser, { locale: 'en-US' });
    await page.setViewportSize(viewport);
    const plan = structuredClone(PLAN);
    // Rp 35,000,000 for search and Rp 10,000,000 for Facebook; Rp 25,000,000 of search spend
    // logged by hand on 10 October, nothing logged for Facebook.
    plan.plan.budget = {
      total: 45000000,
      allocations: [
        { id: 'a-sem', channel: 'sem', amount: 35000000, priority: 'high' },
        { id: 'a-fb', channel: 'facebook', amount: 10000000, priority: 'medium' },
      ],
    };
    plan.plan.spend = [{ id: 'sp-1', channel: 'sem', date: '2026-10-10', amount: 25000000, note: 'invoice' }];
    await importOctober(page, plan);

    await page.goto(`${app.server.url}#/plan/batik-oct/analyse`);
    const choice = page.getByLabel('Period', { exact: true });
    await choice.waitFor();
    // By default each KPI's own period: October (the deadline has passed), against September,
    // the same for every KPI here, so said once above the table.
    assert.equal((await page.locator('#an-period-span').textContent()).trim(), '1 Oct 2026 – 31 Oct 2026, against 1 Sep 2026 – 30 Sep 2026');
    assert.deepEqual(await cellsOf(page, '#an-period-kpi-sessions'), ['Sessions / website traffic', '31,496', '—', '—']);

    await choice.selectOption({ label: 'Custom dates' });
    assert.equal((await page.locator('#an-period-error').textContent()).trim(), 'Pick both dates of the period.');
    await page.getByLabel('From', { exact: true }).fill('2026-10-20');
    await page.getByLabel('To', { exact: true }).fill('2026-10-16');
    await page.getByLabel('To', { exact: true }).dispatchEvent('change');
    assert.equal((await page.locator('#an-period-error').textContent()).trim(), 'The period ends before it starts: pick an end date on or after the start date.');
    await page.getByLabel('From', { exact: true }).fill('2026-10-16');
    await page.getByLabel('To', { exact: true }).fill('2026-10-31');
    await page.getByLabel('To', { exact: true }).dispatchEvent('change');
    // 16–31 October (16 days) against the 16 days before, 30 September – 15 October.
    // Sessions: Σ (1,000 + d) for d = 16…31 = 16,000 + 376 = 16,376, against d = 1…15:
    // 15,000 + 120 = 15,120 (no data on 30 September): +1,256 ÷ 15,120 = +8.3%, better.
    await page.locator('#an-period-table').waitFor();
    assert.equal((await page.locator('#an-period-span').textContent()).trim(), '16 Oct 2026 – 31 Oct 2026, against 30 Sep 2026 – 15 Oct 2026');
    assert.deepEqual(await cellsOf(page, '#an-period-kpi-sessions'), ['Sessions / website traffic', '16,376', '15,120', '+8.3% · better']);
    // Google Ads CPA: 16 days × Rp 974,250 = Rp 15,588,000 for 14 × 11 + 2 × 10 + 16 × 4 = 238
    // conversions, Rp 65,495.80; before: 15 × Rp 974,250 = Rp 14,613,750 for 15 × 15 = 225,
    // Rp 64,950. +0.84%: a higher CPA is worse.
    assert.deepEqual((await cellsOf(page, '#an-period-kpi-cpa')).slice(1), ['Rp 65,496', 'Rp 64,950', '+0.8% · worse']);
    // CTR: every day 665 ÷ 17,750 in both periods: no change, neither better nor worse.
    assert.deepEqual((await cellsOf(page, '#an-period-kpi-ctr')).slice(1), ['3.75%', '3.75%', '0.0%']);
    // The breakdown follows the period: Batik Tulis Rp 10,788,000 ÷ 174 = Rp 62,000, Batik
    // Cap Rp 4,800,000 ÷ 64 = Rp 75,000.
    const breakdown = await page.locator('#an-breakdown-kpi-cpa tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
    assert.deepEqual(breakdown, [
      ['Batik Tulis - Search', 'Google Ads', 'Rp 62,000'],
      ['Batik Cap - Display', 'Google Ads', 'Rp 75,000'],
    ]);

    // Spend: search keeps its logged Rp 25,000,000 and says the Rp 30,201,750 Google Ads
    // reported is not added; Facebook, with nothing logged, takes Meta's Rp 9,300,000 (its
    // summary row not counted again). Total Rp 34,300,000 of Rp 45,000,000: 76%.
    const [sem, facebook, total] = await Promise.all(['#an-budget-sem', '#an-budget-facebook', '#an-budget-total'].map((s) => cellsOf(page, s)));
    assert.deepEqual(sem.slice(1, 5), ['Rp 35,000,000', 'Rp 25,000,000', 'Rp 10,000,000', '71%']);
    assert.equal(sem[6], 'Spend log (the imported cost of Rp 30,201,750 is not counted twice)');
    assert.deepEqual(facebook.slice(1, 5), ['Rp 10,000,000', 'Rp 9,300,000', 'Rp 700,000', '93%']);
    assert.equal(facebook[6], 'Cost imported from Meta Ads Manager');
    assert.deepEqual(total.slice(1, 5), ['Rp 45,000,000', 'Rp 34,300,000', 'Rp 10,700,000', '76%']);
    if (process.env.ALUR_SHOTS) {
      await page.locator('#an-period').screenshot({ path: `${process.env.ALUR_SHOTS}/metrics-period-${size}.png` });
      await page.locator('#an-budget').screenshot({ path: `${process.env.ALUR_SHOTS}/metrics-spend-${size}.png` });
    }

    // The CTR's sources on the KPI step: Google Ads (ticked by the import) and Meta, whose
    // impressions are an input of a CTR. Unticked, the CTR has no data; ticked again, 3.75%.
    await page.goto(`${app.server.url}#/plan/batik-oct/kpis`);
    const google = page.locator('#kpi-kpi-ctr-source-google-ads');
    const meta = page.locator('#kpi-kpi-ctr-source-meta-ads-manager');
    assert.equal(await google.isChecked(), true);
    assert.equal(await meta.isChecked(), false);
    await google.uncheck();
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('alur:plan:batik-oct')).kpis.find((k) => k.id === 'kpi-ctr').sources.length === 0);
    await page.goto(`${app.server.url}#/plan/batik-oct/analyse`);
    assert.equal((await page.locator('#an-kpi-kpi-ctr td').first().textContent()).trim(), '—');
    await page.goto(`${app.server.url}#/plan/batik-oct/kpis`);
    await page.locator('#kpi-kpi-ctr-source-google-ads').check();
    await page.goto(`${app.server.url}#/plan/batik-oct/analyse`);
    assert.equal((await page.locator('#an-kpi-kpi-ctr td').first().textContent()).trim(), '3.75%');
    assert.deepEqual(problems, []);
    await ctx.close();
  });
}
