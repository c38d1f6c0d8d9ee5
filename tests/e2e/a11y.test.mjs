// Accessibility: axe-core (WCAG 2.1 A and AA, and its best practices) finds nothing on any page
// of the app, at the desktop and the 390×844 phone size, with a full plan (the seed example)
// open, and on the pages without a plan: the plan list, the join page of an invite link and
// the not-found page. Guards "every control has an accessible name; axe-core stays at zero".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useApp, openPage, appReady, axeViolations } from './harness.mjs';

const app = useApp();
const SEED = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../examples/seed-example.alur.json'), 'utf8')).plan;
const STEPS = ['goals', 'market', 'competitors', 'audience', 'gaps', 'strategy', 'kpis', 'budget', 'actions', 'approval',
  'today', 'board', 'calendar', 'spend', 'measurements', 'collect', 'analyse', 'optimise', 'report', 'next'];
const invite = Buffer.from(JSON.stringify({ server: 'wss://sync.example.org', room: `alur-${SEED.id}` })).toString('base64url');

for (const [size, options] of [
  ['desktop', { viewport: { width: 1280, height: 800 } }],
  ['phone', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
]) {
  test(`axe finds nothing on any page at the ${size} size`, async () => {
    const context = await app.browser.newContext({ locale: 'en-US', ...options });
    const { page, problems } = await openPage(app.browser, { context });
    try {
      await page.goto(app.server.url);
      await appReady(page);
      await page.evaluate((plan) => localStorage.setItem(`alur:plan:${plan.id}`, JSON.stringify(plan)), SEED);
      const pages = ['', `plan/${SEED.id}`, ...STEPS.map((s) => `plan/${SEED.id}/${s}`), `join/${invite}`, 'no/such/page'];
      const found = [];
      for (const at of pages) {
        await page.evaluate((hash) => (location.hash = `#/${hash}`), at);
        await page.locator('main h1').first().waitFor();
        // Charts and lazily loaded parts settle before the page is judged.
        await page.waitForLoadState('networkidle');
        for (const v of await axeViolations(page)) found.push(`#/${at.slice(0, 40)}: ${v}`);
      }
      assert.deepEqual(found, []);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}
