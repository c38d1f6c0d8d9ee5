// The wasm comes in parts (#21): the plans page needs only the main module; each step's code
// arrives when the step is first shown, or earlier when a link to it is pointed at or it is the
// next step. A part that cannot be fetched is a message with a retry, never the crash screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, appReady } from './harness.mjs';

const app = useApp();

/** The wasm files the page fetches, by file name, in order. */
function wasmRequests(page) {
  const seen = [];
  page.on('request', (req) => {
    const m = /\/wasm-[0-9a-f]+\/([^/?]+\.wasm)$/.exec(new URL(req.url()).pathname);
    if (m) seen.push(m[1]);
  });
  return seen;
}

/** Waits until `check()` is true, for at most `ms`. */
async function until(check, ms = 10_000) {
  for (const end = Date.now() + ms; !check(); ) {
    if (Date.now() > end) throw new Error(`still false after ${ms} ms: ${check}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/** A context without the service worker, so every fetch goes through the test's routes. */
const noWorker = (browser) => browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });

/** Creates a blank plan from the plans page; returns its id. */
async function newPlan(page) {
  await page.getByRole('button', { name: 'New blank plan' }).click();
  await page.waitForURL(/#\/plan\/[a-z0-9]+$/);
  return /#\/plan\/([a-z0-9]+)$/.exec(page.url())[1];
}

test('the plans page loads the main module only; a step loads its own part, and the next step’s in the background', async () => {
  const { ctx, page, problems } = await openPage(app.browser, { context: await noWorker(app.browser) });
  const seen = wasmRequests(page);
  await page.goto(app.server.url);
  await appReady(page);
  await page.locator('main h1', { hasText: 'My plans' }).waitFor();
  assert.deepEqual(seen, ['alur_bg.wasm'], 'the plans page fetched parts it does not show');

  const id = await newPlan(page);
  // The overview is a part of its own.
  await page.getByLabel('Plan name').waitFor();
  assert.ok(seen.some((f) => f.startsWith('split_overview')), seen.join());
  assert.ok(!seen.some((f) => f.startsWith('split_numbers')), 'the budget step’s part came before it was wanted');

  // The action plan (the part of KPIs, budget and actions) opened directly; the step after it,
  // approval, is a part of its own.
  await page.goto(`${app.server.url}#/plan/${id}/actions`);
  await page.locator('main h1', { hasText: 'Action plan' }).waitFor();
  await page.locator('#task-add').waitFor();
  assert.ok(seen.some((f) => f.startsWith('split_numbers')), seen.join());
  // The next step's part arrives while the user works on this one, unasked.
  await until(() => seen.some((f) => f.startsWith('split_approval')));
  assert.deepEqual(problems.filter((p) => !/Service Worker registration blocked/.test(p)), []);
  await ctx.close();
});

test('pointing at a link or focusing it fetches the part behind it before it is followed', async () => {
  const { ctx, page, problems } = await openPage(app.browser, { context: await noWorker(app.browser) });
  const seen = wasmRequests(page);
  await page.goto(app.server.url);
  await appReady(page);
  await newPlan(page);
  await page.getByLabel('Plan name').waitFor();
  const nav = page.getByRole('navigation', { name: 'Workflow' });
  const collect = nav.getByRole('link', { name: /Collect data/ });
  assert.ok(!seen.some((f) => f.startsWith('split_collect')));
  const fetched = (name) => page.waitForEvent('request', { predicate: (r) => r.url().includes(name), timeout: 10_000 });
  let asked = fetched('split_collect');
  await collect.hover();
  await asked;
  // By keyboard: focus alone is enough.
  const report = nav.getByRole('link', { name: /^Report/ });
  asked = fetched('split_analysis');
  await report.focus();
  await asked;
  await report.press('Enter');
  await page.locator('main h1', { hasText: 'Report' }).waitFor();
  assert.deepEqual(problems.filter((p) => !/Service Worker registration blocked/.test(p)), []);
  await ctx.close();
});

test('a part that cannot be fetched says so with a retry, the rest of the app keeps working, and the retry loads it', async () => {
  const { ctx, page, problems } = await openPage(app.browser, { context: await noWorker(app.browser) });
  await page.goto(app.server.url);
  await appReady(page);
  const id = await newPlan(page);
  await page.getByLabel('Plan name').fill('Chunk test');
  await page.getByText('Saved in this browser').waitFor();

  // The budget step's part fails, as when offline without the cache or after a new release
  // replaced the files.
  let blocked = true;
  await page.route(/split_numbers[^/]*\.wasm$/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  await page.goto(`${app.server.url}#/plan/${id}/budget`);
  const alert = page.locator('.chunk-failed[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /This part of Alur could not be loaded.*Your plans are safe in this browser/);
  // Not the crash screen: the frame, the heading and the navigation are there and work.
  assert.equal(await page.locator('main h1').textContent(), 'Budget');
  assert.equal(await page.getByText('Alur stopped because of an error').count(), 0);
  await page.getByRole('navigation', { name: 'Workflow' }).getByRole('link', { name: /Market situation/ }).click();
  await page.locator('main h1', { hasText: 'Market situation' }).waitFor();
  await page.goBack();
  await alert.waitFor();

  // The network is back: "Try again" fetches the part afresh and the form shows.
  blocked = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  // A blank plan has nothing allocated: the budget's summary reads 0 (Rp 0).
  await page.locator('#budget-allocated').waitFor();
  assert.match(await page.locator('#budget-allocated').textContent(), /\b0\b/);
  assert.equal(await alert.count(), 0);
  // The failed fetch is logged by the loader; nothing else went wrong.
  assert.deepEqual(problems.filter((p) => !/split_numbers|ERR_INTERNET_DISCONNECTED|Failed to fetch|Service Worker registration blocked/.test(p)), []);
  await ctx.close();
});
