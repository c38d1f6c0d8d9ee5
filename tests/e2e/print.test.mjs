// The printed report (issue #20): every text the user wrote appears in full on paper, the
// charts' data tables are printed under them, and nothing runs past an A4 page's width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, appReady } from './harness.mjs';

const app = useApp();
const SHOTS = process.env.ALUR_SHOTS;
const LONG_TASK =
  'Luncurkan kampanye Instagram Reels batik tulis Pekalongan untuk Harbolnas 12.12 dengan tiga kreator mikro dan kode promo khusus';

test('the printed report holds every text in full and fits the page', async () => {
  const { ctx, page, problems } = await openPage(app.browser, { locale: 'id-ID' });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(app.server.url);
  await appReady(page);
  await page.getByRole('button', { name: 'Rencana baru dari contoh' }).click();
  await page.waitForURL(/#\/plan\/[a-z0-9]+$/);
  const planId = /#\/plan\/([a-z0-9]+)$/.exec(page.url())[1];
  await page.goto(`${app.server.url}#/plan/${planId}/actions`);
  const title = page.locator('[id^="task-"][id$="-title"]').first();
  await title.fill(LONG_TASK);
  await title.press('Tab');

  await page.goto(`${app.server.url}#/plan/${planId}/report`);
  await page.locator('#report-charts figure.chart').first().waitFor();
  // A4 at 96 dpi is 794 px across; the browser fires "beforeprint" when the user prints.
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.locator('#report-charts .chart .data-table').first().waitFor();

  const text = await page.evaluate(() => document.querySelector('main').innerText);
  assert.ok(text.includes(LONG_TASK), 'the task title is printed in full');
  assert.ok(!text.includes('Luncurkan kampanye Instagra…'));
  // Every chart of the report prints its data table.
  const charts = await page.locator('#report-charts figure.chart').count();
  assert.equal(await page.locator('#report-charts figure.chart .data-table').count(), charts);
  // The Gantt names the task beside its bar, over two lines when it is this long: its words
  // are all there, in order.
  const gantt = await page.locator('#report-charts figure.chart svg text').evaluateAll((els) =>
    els.map((e) => [...e.querySelectorAll('tspan')].map((t) => t.textContent).join(' ') || e.textContent),
  );
  const label = gantt.find((t) => t.startsWith('Luncurkan kampanye Instagram Reels'));
  assert.ok(label, gantt.join(' | '));
  assert.ok(LONG_TASK.startsWith(label.replace(/…$/, '').trim()), label);
  // Nothing wider than the page.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 794), 'fits A4 across');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/report-print.png`, fullPage: true });

  // After printing the tables fold away again.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await page.waitForFunction(() => document.querySelectorAll('#report-charts .chart .data-table').length === 0);
  assert.deepEqual(problems, []);
  await ctx.close();
});
