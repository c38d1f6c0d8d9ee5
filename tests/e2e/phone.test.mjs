// The phone is first-class (issue #20): at 390×844, in Indonesian, with the seed's worked example
// and a month of imported data, no page scrolls sideways, every page's heading is on the first
// screen, and the collapsed navigation (a menu button with the current step, previous and next
// beside it) reaches every step by keyboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useApp, openPage, appReady, untilText } from './harness.mjs';

const app = useApp();
const PHONE = { width: 390, height: 844 };
const SHOTS = process.env.ALUR_SHOTS;

/** Every step's URL segment, in workflow order (as `Step::ALL` in domain/model/workflow.rs). */
const STEPS = [
  'goals', 'market', 'competitors', 'audience', 'gaps', 'strategy', 'kpis', 'budget', 'actions', 'approval',
  'today', 'board', 'calendar', 'spend', 'measurements', 'collect', 'analyse', 'optimise', 'report', 'next',
];

/** The seed's worked example, as a plan file, with measurements on each KPI so that the
 * analysis, report and measurement pages show their tables and charts. */
function examplePlan() {
  const file = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../examples/seed-example.alur.json'), 'utf8'));
  file.plan.id = 'phone-plan';
  file.plan.name = 'Kampanye Batik Nusantara Ramadan 2027 dengan nama yang sangat panjang sekali';
  const start = file.plan.goal.start;
  file.plan.measurements = file.plan.kpis.flatMap((kpi, k) =>
    [0, 7, 14].map((offset, i) => ({
      id: `m-${k}-${i}`,
      kpi: kpi.id,
      date: addDays(start, offset),
      value: (kpi.target ?? 100) * (0.3 + 0.2 * i),
      source: 'Google Analytics 4 (GA4) — laporan akuisisi lalu lintas',
      note: 'Diimpor dari ekspor mingguan dengan catatan yang cukup panjang untuk dibungkus',
    })),
  );
  return file;
}

function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** What sticks out past the viewport's right edge: the page's width and the widest offenders. */
async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const offenders = [];
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 0.5) continue;
      // Inside a box that scrolls on its own, sticking out is the point.
      let scroller = el.parentElement;
      let inside = false;
      while (scroller && scroller !== document.body) {
        const style = getComputedStyle(scroller);
        if (['auto', 'scroll', 'hidden'].includes(style.overflowX) && scroller.getBoundingClientRect().right <= width + 0.5) {
          inside = true;
          break;
        }
        scroller = scroller.parentElement;
      }
      if (!inside) offenders.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} → ${Math.round(box.right)}px`);
    }
    return { scroll: document.documentElement.scrollWidth, width, offenders: offenders.slice(0, 8) };
  });
}

for (const [size, viewport] of [['phone', PHONE], ['desktop', { width: 1280, height: 800 }]]) {
  test(`at ${viewport.width}×${viewport.height} in Indonesian no page scrolls sideways and each heading is on the first screen (${size})`, async () => {
    const { ctx, page, problems } = await openPage(app.browser, { locale: 'id-ID' });
    await page.setViewportSize(viewport);
    await page.goto(app.server.url);
    await appReady(page);
    await page.setInputFiles('#import-file', { name: 'batik.alur.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(examplePlan())) });
    await page.locator('#main').getByRole('link', { name: /Kampanye Batik Nusantara/ }).first().waitFor();

    const pages = ['#/', '#/plan/phone-plan', ...STEPS.map((s) => `#/plan/phone-plan/${s}`)];
    const failures = [];
    for (const hash of pages) {
      await page.goto(`${app.server.url}${hash}`);
      const heading = page.locator('#main h1').first();
      await heading.waitFor();
      // Charts and tables render after the heading; let the page settle.
      await page.waitForTimeout(150);
      const { scroll, width, offenders } = await overflow(page);
      if (scroll > width) failures.push(`${hash}: ${scroll}px wide in a ${width}px screen: ${offenders.join('; ')}`);
      const box = await heading.boundingBox();
      if (!box || box.y + box.height > viewport.height) failures.push(`${hash}: the heading ends at ${Math.round(box?.y + box?.height)}px, below the first screen`);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${size}-${hash.replace(/[#/]+/g, '-').replace(/^-|-$/g, '') || 'plans'}.png`, fullPage: true });
    }
    assert.deepEqual(failures, []);
    assert.deepEqual(problems, []);
    await ctx.close();
  });
}

test('on a phone the navigation is a menu button naming the step, with previous and next beside it, all by keyboard', async () => {
  const { ctx, page, problems } = await openPage(app.browser, { locale: 'id-ID' });
  await page.setViewportSize(PHONE);
  await page.goto(app.server.url);
  await appReady(page);
  await page.setInputFiles('#import-file', { name: 'batik.alur.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(examplePlan())) });
  await page.locator('#main').getByRole('link', { name: /Kampanye Batik Nusantara/ }).first().waitFor();
  await page.goto(`${app.server.url}#/plan/phone-plan/budget`);
  await page.locator('#main h1').waitFor();

  // The step list is folded away; the menu button says where the manager is.
  const menu = page.locator('#nav-toggle');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.match(await menu.textContent(), /Anggaran/);
  assert.equal(await page.locator('#app-nav').isVisible(), false);
  // Previous and next steps are one tap away, named for screen readers.
  const prev = page.locator('#nav-prev');
  const next = page.locator('#nav-next');
  assert.equal(await prev.getAttribute('aria-label'), 'Sebelumnya: KPI & metrik');
  assert.equal(await next.getAttribute('aria-label'), 'Berikutnya: Rencana aksi');
  for (const control of [menu, prev, next]) {
    const box = await control.boundingBox();
    assert.ok(box && box.y + box.height <= PHONE.height && box.height >= 40, 'in reach and big enough to tap');
  }
  await next.click();
  await page.waitForURL(/\/actions$/);
  await untilText(menu, /Rencana aksi/);

  // By keyboard: open the menu, go to a step, and the menu folds again on the new page.
  await menu.focus();
  await page.keyboard.press('Enter');
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  await page.locator('#app-nav').waitFor({ state: 'visible' });
  const link = page.locator('#app-nav').getByRole('link', { name: 'Laporan' });
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/report$/);
  // The menu folds with the new page, drawn in the hashchange task after the URL changed.
  await page.waitForFunction(() => document.getElementById('nav-toggle')?.getAttribute('aria-expanded') === 'false', null, { timeout: 5_000 });
  await untilText(menu, /Laporan/);
  assert.equal(await page.locator('#app-nav').isVisible(), false);
  // Escape folds an open menu and gives the focus back to its button.
  await menu.click();
  await page.keyboard.press('Escape');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'nav-toggle');

  // On a desktop the list is always there and the button is not.
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.equal(await page.locator('#app-nav').isVisible(), true);
  assert.equal(await menu.isVisible(), false);
  assert.deepEqual(problems, []);
  await ctx.close();
});
