// The measurement log at scale (issue #20): an imported Google Ads file and typed values in one
// table, filtered, sorted, selected and deleted together with undo, and the import removed in
// one step (and put back).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useApp, openPage, appReady, untilFocused } from './harness.mjs';

const app = useApp();
const SHOTS = process.env.ALUR_SHOTS;
const FIXTURE = readFileSync(resolve(import.meta.dirname, '../fixtures/exports/google_ads_daily_id.csv'));

const PLAN = {
  format: 'alur-plan',
  schema_version: 2,
  app_version: '0.1.0',
  exported_at: '2026-09-30T00:00:00Z',
  plan: {
    schema_version: 2,
    id: 'batik-log',
    name: 'Batik log',
    goal: { start: '2026-10-01', end: '2026-10-31' },
    kpis: [
      { id: 'kpi-cpc', name: 'CPC', metric: 'cpc', unit: 'IDR', direction: { kind: 'lower_is_better' }, target: 1500, deadline: '2026-10-31' },
    ],
    measurements: [
      { id: 'm1', kpi: 'kpi-cpc', date: '2026-09-28', value: 1600, source: '', note: 'before launch' },
    ],
  },
};

/** The numbers of the table's value column, as shown. */
async function shownValues(page) {
  return page.locator('#log-table tbody tr.imported td.num').allTextContents();
}

test('the log filters, deletes in bulk with undo, and removes an import in one step', async () => {
  const { ctx, page, problems } = await openPage(app.browser, { locale: 'en-US' });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(app.server.url);
  await appReady(page);
  await page.setInputFiles('#import-file', { name: 'log.alur.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(PLAN)) });
  await page.getByRole('link', { name: 'Batik log' }).waitFor();
  await page.goto(`${app.server.url}#/plan/batik-log/collect`);
  await page.setInputFiles('#collect-file', { name: 'ads.csv', mimeType: 'text/csv', buffer: FIXTURE });
  await page.locator('#collect-confirm').click();
  await page.goto(`${app.server.url}#/plan/batik-log/measurements`);
  await page.locator('#log-table').waitFor();

  // One import, from Google Ads, over the file's two days.
  const imports = page.locator('#meas-imports tbody tr');
  assert.equal(await imports.count(), 1);
  assert.match(await imports.first().textContent(), /Google Ads.*1 Oct 2026 – 2 Oct 2026/);

  // Clicks only: the file's four rows (2 days × 2 campaigns): 465, 200, 465, 200.
  await page.locator('#log-what').selectOption({ label: 'Clicks' });
  await page.locator('#meas-log-title', { hasText: 'All values (4)' }).waitFor();
  // Sorted by value, largest first (a second press on the header reverses it).
  await page.getByRole('button', { name: /^Value/ }).click();
  await page.getByRole('button', { name: /^Value/ }).click();
  assert.deepEqual(await shownValues(page), ['465', '465', '200', '200']);
  assert.equal(await page.locator('th[aria-sort="descending"]').textContent(), 'Value ▼');
  // One campaign: its two days.
  await page.locator('#log-breakdown').selectOption('Batik Cap - Display');
  await page.locator('#meas-log-title', { hasText: 'All values (2)' }).waitFor();

  // Select the page and delete both; the bar offers "Undo".
  await page.locator('#log-select-page').check();
  await page.locator('#log-delete', { hasText: 'Delete selected (2)' }).click();
  await page.locator('#meas-undo-bar', { hasText: '2 values deleted.' }).waitFor();
  await page.locator('#log-empty').waitFor();
  await page.locator('#log-breakdown').selectOption('*');
  await page.locator('#meas-log-title', { hasText: 'All values (2)' }).waitFor();
  assert.deepEqual(await shownValues(page), ['465', '465']);
  // The delete moved the focus to "Undo"; Enter takes it back.
  await untilFocused(page, 'meas-undo');
  await page.keyboard.press('Enter');
  await page.locator('#meas-log-title', { hasText: 'All values (4)' }).waitFor();
  assert.deepEqual(await shownValues(page), ['465', '465', '200', '200']);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/log-desktop.png`, fullPage: true });

  // Remove the whole import: only the typed value is left, and it is still editable.
  await page.locator('#log-what').selectOption('*');
  await page.getByRole('button', { name: /^Remove the import Google Ads/ }).click();
  await page.locator('#meas-undo-bar', { hasText: /Import removed: \d+ values\./ }).waitFor();
  await page.locator('#meas-log-title', { hasText: 'All values (1)' }).waitFor();
  assert.equal(await page.locator('#meas-m1-value').inputValue(), '1,600');
  assert.equal(await page.locator('#meas-imports tbody tr').count(), 0);
  await page.locator('#meas-undo').click();
  await page.locator('#meas-imports tbody tr').first().waitFor();

  // Everything is stored: after a reload the import and its 4 click values are there.
  await page.reload();
  await appReady(page);
  await page.locator('#log-what').selectOption({ label: 'Clicks' });
  await page.locator('#meas-log-title', { hasText: 'All values (4)' }).waitFor();
  assert.deepEqual(problems, []);
  await ctx.close();
});
