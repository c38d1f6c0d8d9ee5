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

/** Creates a blank plan from the plans page; returns its id once its overview shows. */
async function newPlan(page) {
  await page.getByRole('button', { name: 'New blank plan' }).click();
  await page.waitForURL(/#\/plan\/[a-z0-9]+$/);
  await page.getByLabel('Plan name').waitFor();
  return /#\/plan\/([a-z0-9]+)$/.exec(page.url())[1];
}

/** A page without the service worker, on the overview of a new blank plan. */
async function withPlan() {
  const opened = await openPage(app.browser, { context: await noWorker(app.browser) });
  await opened.page.goto(app.server.url);
  await appReady(opened.page);
  return { ...opened, id: await newPlan(opened.page) };
}

test('the plans page loads the main module only; a step loads its own part, and the next step’s in the background', async () => {
  const { ctx, page, problems } = await openPage(app.browser, { context: await noWorker(app.browser) });
  const seen = wasmRequests(page);
  await page.goto(app.server.url);
  await appReady(page);
  await page.locator('main h1', { hasText: 'My plans' }).waitFor();
  assert.deepEqual(seen, ['alur_bg.wasm'], 'the plans page fetched parts it does not show');

  const id = await newPlan(page);
  // Creating the plan loaded the plan engine (reading and writing whole plans).
  assert.ok(seen.some((f) => f.startsWith('split_store')), seen.join());
  // The overview is in the engine's part.
  await page.getByLabel('Plan name').waitFor();
  assert.ok(!seen.some((f) => f.startsWith('split_plan')), 'the planning steps’ part came before it was wanted');

  // The action plan (in the planning phase's part) opened directly; the step after approval,
  // "Today", is in the execution phase's part.
  await page.goto(`${app.server.url}#/plan/${id}/actions`);
  await page.locator('main h1', { hasText: 'Action plan' }).waitFor();
  await page.locator('#task-add').waitFor();
  assert.ok(seen.some((f) => f.startsWith('split_plan')), seen.join());
  assert.ok(!seen.some((f) => f.startsWith('split_execution')), seen.join());
  await page.goto(`${app.server.url}#/plan/${id}/approval`);
  await page.locator('main h1', { hasText: 'Management approval' }).waitFor();
  // The next step's part arrives while the user works on this one, unasked.
  await until(() => seen.some((f) => f.startsWith('split_execution')));
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
  assert.ok(!seen.some((f) => f.startsWith('split_analysis')));
  const fetched = (name) => page.waitForEvent('request', { predicate: (r) => r.url().includes(name), timeout: 10_000 });
  let asked = fetched('split_analysis');
  await collect.hover();
  await asked;
  // By keyboard: focus alone is enough.
  assert.ok(!seen.some((f) => f.startsWith('split_execution')));
  const board = nav.getByRole('link', { name: /^Execution board/ });
  asked = fetched('split_execution');
  await board.focus();
  await asked;
  await board.press('Enter');
  await page.locator('main h1', { hasText: 'Execution board' }).waitFor();
  assert.deepEqual(problems.filter((p) => !/Service Worker registration blocked/.test(p)), []);
  await ctx.close();
});

test('a part that cannot be fetched says so with a retry, the rest of the app keeps working, and the retry loads it', async () => {
  const { ctx, page, problems, id } = await withPlan();
  await page.getByLabel('Plan name').fill('Chunk test');
  await page.getByText('Saved in this browser').waitFor();

  // The planning steps' part fails, as when offline without the cache or after a new release
  // replaced the files.
  let blocked = true;
  await page.route(/split_plan[^/]*\.wasm$/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  await page.goto(`${app.server.url}#/plan/${id}/budget`);
  const alert = page.locator('.chunk-failed[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /This part of Alur could not be loaded.*Your plans are safe in this browser/);
  // Not the crash screen: the frame, the heading and the navigation are there and work.
  assert.equal(await page.locator('main h1').textContent(), 'Budget');
  assert.equal(await page.getByText('Alur stopped because of an error').count(), 0);
  await page.getByRole('navigation', { name: 'Workflow' }).getByRole('link', { name: /Collect data/ }).click();
  await page.locator('main h1', { hasText: 'Collect data' }).waitFor();
  await page.locator('#collect-file').waitFor({ state: 'attached' });
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
  assert.deepEqual(problems.filter((p) => !/split_plan|ERR_INTERNET_DISCONNECTED|Failed to fetch|Service Worker registration blocked/.test(p)), []);
  await ctx.close();
});

test('a deep link fetches its page’s part beside the main module, each file once, with nothing left unused', async () => {
  const { ctx, page, problems, id } = await withPlan();

  // A fresh load of the report's address, as from a bookmark.
  const seen = wasmRequests(page);
  await page.addInitScript(() => addEventListener('alur-started', () => (window.__started = performance.now())));
  await page.goto(`${app.server.url}#/plan/${id}/report`);
  await page.reload();
  await page.locator('main h1', { hasText: 'Report' }).waitFor();
  await page.locator('.step-body h2').first().waitFor();
  // Asked for before the main module had started, not after it asked for it.
  const timing = await page.evaluate(() => ({
    started: window.__started,
    part: performance.getEntriesByType('resource').find((e) => /split_analysis/.test(e.name))?.startTime,
  }));
  assert.ok(timing.part !== undefined && timing.part < timing.started, JSON.stringify(timing));
  const once = seen.slice(seen.lastIndexOf('alur_bg.wasm'));
  assert.equal(new Set(once).size, once.length, `fetched twice: ${once.join()}`);
  // A preload the page never used would warn after a few seconds.
  await page.waitForTimeout(3500);
  assert.deepEqual(problems.filter((p) => !/Service Worker registration blocked/.test(p)), []);
  await ctx.close();
});

test('the plan engine loads with the first action on a plan; when it cannot, a message says so and the plans are safe', async () => {
  const { ctx, page, problems } = await openPage(app.browser, { context: await noWorker(app.browser) });
  const seen = wasmRequests(page);
  // A plan stored earlier, as after a previous visit: the list shows it from its summary.
  await page.goto(app.server.url);
  await appReady(page);
  const id = await newPlan(page);
  await page.getByLabel('Plan name').fill('Engine test');
  await page.getByText('Saved in this browser').waitFor();

  // A new visit with the engine's part unreachable (offline without the cache, or a new
  // release replaced the files).
  let blocked = true;
  await page.route(/split_store[^/]*\.wasm$/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  seen.length = 0;
  await page.goto(`${app.server.url}#/`);
  await page.reload();
  await appReady(page);
  await page.getByRole('link', { name: 'Engine test' }).waitFor();
  assert.ok(!seen.some((f) => f.startsWith('split_store')), 'the plans page loaded the engine');
  // Duplicating needs the engine: it fails with a message, and nothing changes.
  await page.getByRole('row', { name: /Engine test/ }).getByRole('button', { name: 'Duplicate' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'the part of Alur that reads and stores plans could not be loaded' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /Your plans are safe in this browser\./);
  assert.equal(await page.locator('.plans-table tbody tr').count(), 1);
  // Opening the plan fails the same way: the page says so with a retry; not the crash screen,
  // and not "Plan not found".
  await page.goto(`${app.server.url}#/plan/${id}`);
  const failed = page.locator('main .chunk-failed[role="alert"]');
  await failed.waitFor();
  assert.match(await failed.textContent(), /the part of Alur that reads and stores plans could not be loaded/);
  assert.equal(await page.locator('main h1', { hasText: 'Plan not found' }).count(), 0);
  assert.equal(await page.getByText('Alur stopped because of an error').count(), 0);

  // Connected again: "Try again" opens the plan, with what was typed before.
  blocked = false;
  await failed.getByRole('button', { name: 'Try again' }).click();
  await page.getByLabel('Plan name').waitFor();
  assert.equal(await page.getByLabel('Plan name').inputValue(), 'Engine test');
  assert.equal(await failed.count(), 0);
  // And the duplicate now works: "Engine test (copy)" beside the original.
  await page.goto(`${app.server.url}#/`);
  await page.getByRole('row', { name: /^Engine test/ }).first().getByRole('button', { name: 'Duplicate' }).click();
  await page.locator('.plans-table tbody tr').nth(1).waitFor();
  assert.deepEqual((await page.locator('.plans-table tbody tr td:first-child').allTextContents()).map((t) => t.trim()).sort(), ['Engine test', 'Engine test (copy)']);
  assert.deepEqual(problems.filter((p) => !/split_store|ERR_INTERNET_DISCONNECTED|Failed to fetch|Service Worker registration blocked/.test(p)), []);
  await ctx.close();
});
