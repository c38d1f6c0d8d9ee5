// The wasm comes in parts (#21): the plans page needs only the main module; the pages of a plan
// arrive with the plan engine when the first plan is opened or acted on, or earlier when a link
// to one is pointed at. A part that cannot be fetched is a message with a retry, never the
// crash screen.
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

test('the plans page loads one script and the main module only; the first plan opened loads every page of a plan at once', async () => {
  const { ctx, page, problems } = await openPage(app.browser, { context: await noWorker(app.browser) });
  const seen = wasmRequests(page);
  const scripts = [];
  page.on('request', (req) => req.resourceType() === 'script' && scripts.push(new URL(req.url()).pathname));
  await page.goto(app.server.url);
  await appReady(page);
  await page.locator('main h1', { hasText: 'My plans' }).waitFor();
  assert.deepEqual(seen, ['alur_bg.wasm'], 'the plans page fetched parts it does not show');
  // The glue, the split loader, the start and the service worker's registration are one module
  // (scripts/postbuild.mjs): each script more was a request the page waited for before the wasm
  // could run.
  assert.equal(scripts.length, 1, scripts.join());
  assert.match(scripts[0], /\/alur\/wasm-[0-9a-f]{16}\/alur\.js$/);

  const id = await newPlan(page);
  // Creating the plan loaded the plan engine's part, which holds every page of a plan.
  assert.ok(seen.some((f) => f.startsWith('split_store')), seen.join());
  const opened = seen.length;
  // A step of each phase, and the steps' forms show with nothing more fetched.
  for (const [slug, heading, field] of [
    ['actions', 'Action plan', '#task-add'],
    ['board', 'Execution board', '#board-filter-owner'],
    ['analyse', 'KPI analysis', 'section.analyse .empty-hint'],
  ]) {
    await page.goto(`${app.server.url}#/plan/${id}/${slug}`);
    await page.locator('main h1', { hasText: heading }).waitFor();
    await page.locator(field).first().waitFor();
  }
  assert.deepEqual(seen.slice(opened), [], 'a page of the plan fetched a part of its own');
  // Neither the Excel reader nor team sync came with it.
  assert.ok(!seen.some((f) => /split_(xlsx|sync)/.test(f)), seen.join());
  assert.deepEqual(problems.filter((p) => !/Service Worker registration blocked/.test(p)), []);
  await ctx.close();
});

/** A fresh visit of the plans page, with one plan stored by an earlier visit. */
async function plansWithOne(name) {
  const { ctx, page, problems, id } = await withPlan();
  await page.getByLabel('Plan name').fill(name);
  await page.getByText('Saved in this browser').waitFor();
  const seen = wasmRequests(page);
  await page.goto(`${app.server.url}#/`);
  await page.reload();
  await appReady(page);
  await page.getByRole('link', { name }).waitFor();
  return { ctx, page, problems, id, seen };
}

test('pointing at a link or focusing it fetches the part behind it before it is followed', async () => {
  const fetched = (page, name) => page.waitForEvent('request', { predicate: (r) => r.url().includes(name), timeout: 10_000 });
  // By pointer.
  let { ctx, page, problems, seen } = await plansWithOne('Preload test');
  assert.ok(!seen.some((f) => f.startsWith('split_store')), seen.join());
  let asked = fetched(page, 'split_store');
  await page.getByRole('link', { name: 'Preload test' }).hover();
  await asked;
  await ctx.close();
  // By keyboard: focus alone is enough, and Enter opens the plan.
  ({ ctx, page, problems, seen } = await plansWithOne('Preload test'));
  assert.ok(!seen.some((f) => f.startsWith('split_store')), seen.join());
  asked = fetched(page, 'split_store');
  const link = page.getByRole('link', { name: 'Preload test' });
  await link.focus();
  await asked;
  await link.press('Enter');
  await page.getByLabel('Plan name').waitFor();
  assert.equal(await page.getByLabel('Plan name').inputValue(), 'Preload test');
  assert.deepEqual(problems.filter((p) => !/Service Worker registration blocked/.test(p)), []);
  await ctx.close();
});

test('a part that cannot be fetched says so with a retry, the rest of the app keeps working, and the retry loads it', async () => {
  const { ctx, page, problems, id } = await withPlan();
  await page.getByLabel('Plan name').fill('Chunk test');
  await page.getByText('Saved in this browser').waitFor();

  // A bookmarked step, opened in a new visit while the plan's part cannot be fetched (offline
  // without the cache, or a new release replaced the files).
  let blocked = true;
  await page.route(/split_store[^/]*\.wasm$/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  await page.goto(`${app.server.url}#/plan/${id}/budget`);
  await page.reload();
  const alert = page.locator('.chunk-failed[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /could not be loaded.*Your plans are safe in this browser/);
  // Not the crash screen: the header and the navigation are there, and the plans page works
  // (it lists the plan from its summary, without the part).
  assert.equal(await page.getByText('Alur stopped because of an error').count(), 0);
  await page.getByRole('link', { name: 'My plans' }).first().click();
  await page.locator('main h1', { hasText: 'My plans' }).waitFor();
  await page.getByRole('link', { name: 'Chunk test' }).waitFor();
  await page.goBack();
  await alert.waitFor();

  // The network is back: "Try again" fetches the part afresh and the form shows.
  blocked = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await page.locator('main h1', { hasText: 'Budget' }).waitFor();
  // A blank plan has nothing allocated: the budget's summary reads 0 (Rp 0).
  await page.locator('#budget-allocated').waitFor();
  assert.match(await page.locator('#budget-allocated').textContent(), /\b0\b/);
  assert.equal(await alert.count(), 0);
  // The failed fetch is logged by the loader; nothing else went wrong.
  assert.deepEqual(problems.filter((p) => !/split_store|ERR_INTERNET_DISCONNECTED|Failed to fetch|Service Worker registration blocked/.test(p)), []);
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
    part: performance.getEntriesByType('resource').find((e) => /split_store/.test(e.name))?.startTime,
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
