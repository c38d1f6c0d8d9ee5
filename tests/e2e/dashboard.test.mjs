// The dashboard, the plan's home (issue #20): on one screen each KPI against its target with
// its status and course, spend against the campaign's time per channel, what is overdue and due
// this week, and the next step, each linking to its page. The seed's worked example is moved
// around today so every figure can be computed by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useApp, openPage, appReady } from './harness.mjs';

const app = useApp();

/** Today's date in the browser's time zone shifted by `days`, as YYYY-MM-DD. */
function day(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** `iso` moved by `days`. */
function shift(iso, days) {
  const d = new Date(`${iso}T00:00:00`);
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The example moved so that its campaign (5 January – 6 July, 183 days counting both ends)
 * started 15 days ago: with today, 16 of 183 days gone, 8.7 %, "9%", as the Today page counts. Its tasks move with it: the creative brief (7 days after
 * the start) ended 8 days ago, overdue; the Google Ads set-up (21 days after) is due in 6 days,
 * this week; the others later. Instagram has Rp 30.000.000 spent of its Rp 60.000.000: 50 %.
 * Google Ads' cost per acquisition was typed as Rp 80.000, 75.000 and 70.000 on the last three
 * days: falling, which for a cost is improving.
 */
function examplePlan() {
  const file = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../examples/seed-example.alur.json'), 'utf8'));
  const plan = file.plan;
  plan.id = 'dash-plan';
  const delta = Math.round((new Date(`${day(-15)}T00:00:00`) - new Date(`${plan.goal.start}T00:00:00`)) / 86400000);
  plan.goal.start = shift(plan.goal.start, delta);
  plan.goal.end = shift(plan.goal.end, delta);
  for (const kpi of plan.kpis) kpi.deadline = shift(kpi.deadline, delta);
  for (const task of plan.tasks) {
    task.start = shift(task.start, delta);
    task.end = shift(task.end, delta);
  }
  plan.spend = [{ id: 's1', channel: 'instagram', date: day(-5), amount: 30000000, note: '' }];
  plan.measurements = [80000, 75000, 70000].map((value, i) => ({
    id: `m${i}`, kpi: 'ex-21', date: day(i - 3), end: null, value, source: 'Google Ads', note: '',
  }));
  return file;
}

for (const [size, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  test(`the dashboard shows KPIs, spend against time, what is due and the next step, in Indonesian (${size})`, async () => {
    const { ctx, page, problems } = await openPage(app.browser, { locale: 'id-ID' });
    await page.setViewportSize(viewport);
    await page.goto(app.server.url);
    await appReady(page);
    await page.setInputFiles('#import-file', { name: 'contoh.alur.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(examplePlan())) });
    await page.locator('#main').getByRole('link', { name: /Product X/ }).first().waitFor();
    await page.goto(`${app.server.url}#/plan/dash-plan`);
    const board = page.locator('#dashboard');
    await board.waitFor();

    // A card per KPI; the CPA's value is the analysis page's, with its target, and improving.
    assert.equal(await board.locator('.dash-kpi').count(), 4);
    const cpa = board.locator('#dash-kpi-ex-21');
    const shown = (await cpa.locator('.dash-actual').textContent()).trim();
    assert.equal((await cpa.locator('.dash-target').textContent()).trim(), '/ Rp 65.000');
    assert.equal((await cpa.locator('.course').textContent()).trim(), 'membaik');
    const spark = cpa.locator('.dash-spark svg');
    // Named as everywhere else (the analysis table, the charts), with what the line shows.
    const name = (await cpa.locator('.dash-card-title').textContent()).trim();
    assert.equal(await spark.getAttribute('aria-label'), `${name}: 3 nilai terakhir, kini Rp 70.000, target Rp 65.000`);
    // A KPI without data has no line and says so by its status.
    assert.equal(await board.locator('#dash-kpi-ex-19 .dash-spark').count(), 0);

    // Spend against time: 16 of 183 days gone; Instagram Rp 30.000.000 of Rp 60.000.000.
    assert.equal((await board.locator('#dash-time-gone').textContent()).trim(), '9% waktu kampanye sudah berlalu (garis pada tiap batang).');
    const spend = await board.locator('.dash-spend li').allTextContents();
    assert.ok(spend.some((t) => t.includes('Instagram') && t.includes('Rp 30.000.000 dari Rp 60.000.000 (50%)')), spend.join(' | '));

    // What is due: the brief is overdue, the Google Ads set-up due this week, each linking to the action plan.
    assert.equal((await board.locator('#dash-overdue li').count()), 1);
    assert.match(await board.locator('#dash-overdue li').textContent(), /Finalise the creative brief/);
    assert.match(await board.locator('#dash-week li').textContent(), /Set up Google Ads campaigns/);
    assert.match(await board.locator('#dash-overdue a').getAttribute('href'), /#\/plan\/dash-plan\/actions$/);
    assert.match(await board.getByRole('heading', { name: 'Terlambat (1)' }).textContent(), /1/);

    // The example lacks only management's approval: that is the next step.
    const next = board.locator('#dash-next');
    assert.equal((await next.textContent()).trim(), 'Persetujuan manajemen →');
    await next.click();
    await page.waitForURL(/\/approval$/);

    // The KPI card's figure is the analysis page's.
    await page.goto(`${app.server.url}#/plan/dash-plan/analyse`);
    await page.locator('#an-table').waitFor();
    assert.equal((await page.locator('#an-kpi-ex-21 td').first().textContent()).trim(), shown);
    assert.equal((await page.locator('#an-kpi-ex-21 th').first().textContent()).trim(), name);
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
    assert.ok(scroll <= width, `${scroll} > ${width}`);
    if (process.env.ALUR_SHOTS) {
      await page.goto(`${app.server.url}#/plan/dash-plan`);
      await board.waitFor();
      await board.screenshot({ path: `${process.env.ALUR_SHOTS}/dashboard-${size}.png` });
    }
    assert.deepEqual(problems, []);
    await ctx.close();
  });
}
