// Real export layouts through the collect step (issue #18): the files of
// tests/fixtures/exports/, whose totals tests/exports.rs computes by hand, dropped on the
// collect step of a fresh plan as a manager would, at desktop and phone sizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useApp, openPage, appReady } from './harness.mjs';

const app = useApp();
const FIXTURES = resolve(import.meta.dirname, '../fixtures/exports');
const file = (name) => readFileSync(resolve(FIXTURES, name));

const PLAN = {
  format: 'alur-plan',
  schema_version: 2,
  app_version: '0.1.0',
  exported_at: '2026-09-30T00:00:00Z',
  plan: {
    schema_version: 2,
    id: 'batik-ex',
    name: 'Batik exports',
    goal: { start: '2026-10-01', end: '2026-10-31' },
    kpis: [
      { id: 'kpi-cpc', name: 'CPC', metric: 'cpc', unit: 'IDR', direction: { kind: 'lower_is_better' }, target: 1500, deadline: '2026-10-31' },
      { id: 'kpi-cpa', name: 'CPA', metric: 'cpa', unit: 'IDR', direction: { kind: 'lower_is_better' }, target: 70000, deadline: '2026-10-31' },
    ],
  },
};

/** Imports the plan PLAN and opens its collect step. */
async function openCollect(page) {
  await page.goto(app.server.url);
  await appReady(page);
  await page.setInputFiles('#import-file', { name: 'ex.alur.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(PLAN)) });
  await page.getByRole('link', { name: 'Batik exports' }).waitFor();
  await page.goto(`${app.server.url}#/plan/batik-ex/collect`);
  await page.locator('#collect-file').waitFor({ state: 'attached' });
}

async function pick(page, name, bytes, type = 'text/csv') {
  await page.setInputFiles('#collect-file', { name, mimeType: type, buffer: bytes });
}

for (const [size, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  test(`real export layouts on the collect step: ranges, All time, totals, No data (${size})`, async () => {
    const { ctx, page, problems } = await openPage(app.browser, { locale: 'en-US' });
    await page.setViewportSize(viewport);
    await openCollect(page);

    // "No data available." is refused in so many words.
    await pick(page, 'meta.csv', file('meta_no_data.csv'));
    await page.locator('#collect-error').filter({ hasText: 'holds no data' }).waitFor();
    assert.equal((await page.locator('#collect-error').textContent()).trim(), '“meta.csv” holds no data: the platform wrote “No data available.”. The report has no rows for its period and filters; widen the date range or remove filters, then export it again.');
    assert.equal(await page.locator('#collect-preview').count(), 0);

    // A report over "All time" asks for its days; given October, it previews.
    await pick(page, 'video.csv', file('google_ads_video_all_time.csv'));
    await page.locator('#collect-days').waitFor();
    if (process.env.ALUR_SHOTS) await page.locator('section.collect').screenshot({ path: `${process.env.ALUR_SHOTS}/exports-days-${size}.png` });
    assert.match(await page.locator('#collect-error').textContent(), /is a report for “All time” without a Day column/);
    await page.getByLabel('First day').fill('2026-10-01');
    await page.getByLabel('Last day').fill('2026-10-31');
    await page.getByLabel('Last day').dispatchEvent('change');
    await page.getByRole('button', { name: 'Read the report for these days' }).click();
    await page.locator('#collect-preview').waitFor();
    assert.equal((await page.locator('#collect-days').count()), 0);
    assert.equal((await page.locator('#collect-period').textContent()).trim(), '1 Oct 2026 – 31 Oct 2026');
    await page.locator('#collect-cancel').click();

    // A campaign report over a range: the account total exceeds the rows (a video campaign
    // not listed): 560,250 stated against 550,250 in the rows, 10,000 apart; the cost Rp
    // 30,501,750 against 30,201,750. Then the values are added and the CPC is Σcost ÷ Σclicks
    // = 30,201,750 ÷ 20,615 = Rp 1,465.04.
    await pick(page, 'campaigns.csv', file('google_ads_campaigns_range_en.csv'));
    await page.locator('#collect-preview').waitFor();
    const checks = await page.locator('#collect-total-checks li').allTextContents();
    assert.ok(checks.some((t) => t.startsWith('Total: Account says 560,250 for') && t.includes('add up to 550,250 (a difference of 10,000)')), checks.join('\n'));
    assert.ok(checks.some((t) => t.includes('says 30,501,750 for') && t.includes('add up to 30,201,750 (a difference of 300,000)')), checks.join('\n'));
    assert.equal(await page.locator('#collect-bad-rows').count(), 0);
    if (process.env.ALUR_SHOTS) await page.locator('#collect-preview').screenshot({ path: `${process.env.ALUR_SHOTS}/exports-preview-${size}.png` });
    await page.locator('#collect-confirm').click();
    await page.getByRole('status').filter({ hasText: /added/ }).waitFor();
    await page.goto(`${app.server.url}#/plan/batik-ex/analyse`);
    assert.equal((await page.locator('#an-kpi-kpi-cpc td').first().textContent()).trim(), 'Rp 1,465');
    // CPA: 30,201,750 ÷ 463 = Rp 65,230.56.
    assert.equal((await page.locator('#an-kpi-kpi-cpa td').first().textContent()).trim(), 'Rp 65,231');

    assert.deepEqual(problems, []);
    await ctx.close();
  });
}

test('a Meta file whose results count different things says so, and a UTF-16 Excel CSV reads', async () => {
  const { ctx, page, problems } = await openPage(app.browser, { locale: 'en-US' });
  await openCollect(page);
  await pick(page, 'meta.csv', readFileSync(resolve(import.meta.dirname, '../fixtures/meta_ads_campaigns_en.csv')));
  await page.locator('#collect-preview').waitFor();
  assert.match(await page.locator('#collect-notes').textContent(), /The Results column counts different things on different rows \(actions:link_click, reach\)/);
  await page.locator('#collect-cancel').click();

  // Google Ads' "Excel .csv": UTF-16LE with a BOM, tab-separated; 23,750 impressions in the
  // rows, as its total row says: they agree.
  const text = readFileSync(resolve(FIXTURES, 'google_ads_adgroups_excel.tsv'), 'utf8');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  await pick(page, 'adgroups.csv', utf16);
  await page.locator('#collect-preview').waitFor();
  assert.match(await page.locator('#collect-totals').textContent(), /The data rows match its totals\./);
  assert.match(await page.locator('#collect-rows').textContent(), /Batik Tulis - Search · Tulis Murah/);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('Excel workbooks (.xlsx) import like their CSV downloads; the reader loads only when one is chosen; a broken one is refused', async () => {
  // Without the service worker (which precaches every part), so the page's own requests show
  // when the reader is fetched, and the test's route can make that fetch fail.
  const context = await app.browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
  const { ctx, page, problems } = await openPage(app.browser, { context });
  const parts = [];
  page.on('request', (r) => /\/wasm-[0-9a-f]+\/split_xlsx/.test(r.url()) && parts.push(r.url()));
  await openCollect(page);
  // A CSV needs no workbook reader.
  await pick(page, 'meta.csv', readFileSync(resolve(import.meta.dirname, '../fixtures/meta_ads_campaigns_en.csv')));
  await page.locator('#collect-preview').waitFor();
  await page.locator('#collect-cancel').click();
  assert.deepEqual(parts, []);

  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const book = file('google_ads_campaigns_range.xlsx');
  // The reader's part cannot be fetched (offline before it was ever used): a message, and the
  // page goes on working; choosing the file again once it can be fetched reads it.
  const block = (route) => route.abort('internetdisconnected');
  await page.route(/\/wasm-[0-9a-f]+\/split_xlsx/, block);
  await pick(page, 'campaigns.xlsx', book, XLSX);
  await page.locator('#collect-error').filter({ hasText: 'could not be loaded' }).waitFor();
  // The browser logs the refused fetch itself; that is the test's doing, not the app's.
  // The failed fetch is logged by the loader (as in chunks.test.mjs); nothing else went wrong.
  assert.deepEqual(problems.filter((p) => !/split_xlsx|ERR_INTERNET_DISCONNECTED|Failed to fetch|Service Worker registration blocked/.test(p)), []);
  problems.length = 0;
  assert.match(await page.locator('#collect-error').textContent(), /^The Excel workbook reader is not stored in this browser yet and could not be loaded \(offline\?\)\./);
  await page.unroute(/\/wasm-[0-9a-f]+\/split_xlsx/, block);
  parts.length = 0;

  // A workbook cut in half (a broken download): refused, naming the file.
  await pick(page, 'broken.xlsx', book.subarray(0, book.length >> 1), XLSX);
  await page.locator('#collect-error').filter({ hasText: 'damaged or incomplete' }).waitFor();
  assert.equal(
    (await page.locator('#collect-error').textContent()).trim(),
    'broken.xlsx is damaged or incomplete as an Excel workbook (.xlsx): perhaps its download was cut short. Download it again from the platform, or save it as CSV.',
  );
  assert.equal(parts.length, 1, 'the reader loads on the first workbook');

  // The Google Ads workbook: the same totals as its CSV download (see the test above), the
  // account's stated total 10,000 impressions over the rows, and then CPC = Σcost ÷ Σclicks
  // = 30,201,750 ÷ 20,615 = Rp 1,465.
  await pick(page, 'campaigns.xlsx', book, XLSX);
  await page.locator('#collect-preview').waitFor();
  const checks = await page.locator('#collect-total-checks li').allTextContents();
  assert.ok(checks.some((t) => t.startsWith('Total: Account says 560,250 for') && t.includes('add up to 550,250 (a difference of 10,000)')), checks.join('\n'));
  assert.equal((await page.locator('#collect-period').textContent()).trim(), '1 Oct 2026 – 31 Oct 2026');
  await page.locator('#collect-confirm').click();
  await page.getByRole('status').filter({ hasText: /added/ }).waitFor();
  await page.goto(`${app.server.url}#/plan/batik-ex/analyse`);
  assert.equal((await page.locator('#an-kpi-kpi-cpc td').first().textContent()).trim(), 'Rp 1,465');
  assert.equal(parts.length, 1, 'the reader was fetched once');
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('an Indonesian Google Ads workbook from a streaming writer imports on a phone in Indonesian', async () => {
  const ctx = await app.browser.newContext({ locale: 'id-ID', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const { page, problems } = await openPage(app.browser, { context: ctx });
  await openCollect(page);
  // tests/fixtures/exports/make_xlsx.py: the report of google_ads_daily_id.csv, laid out with
  // `x:` prefixes, inline strings and date cells. Its `Total: Akun` row agrees with the rows
  // (impressions 12,750 × 2 + 5,000 × 2 = 35,500), over 1–2 October.
  await pick(page, 'kampanye.xlsx', file('google_ads_daily_id.xlsx'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  await page.locator('#collect-preview').waitFor();
  assert.match(await page.locator('#collect-totals').textContent(), /Baris data cocok dengan totalnya\./);
  assert.equal((await page.locator('#collect-period').textContent()).trim(), '1 Okt 2026 – 2 Okt 2026');
  assert.match(await page.locator('#collect-rows').textContent(), /Batik Tulis - Search/);
  // The preview fits the phone: nothing scrolls sideways.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390));
  assert.deepEqual(problems, []);
  await ctx.close();
});
