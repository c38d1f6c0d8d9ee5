// Offline and installable: after one visit the service worker has the release cached, so the app
// opens, keeps its data and moves between steps with no network (and no server); a new release
// replaces the cache of the release before the last; the web app manifest is one Chromium accepts for installing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp, openPage, appReady, startServer, DIST, untilText } from './harness.mjs';
import { writeServiceWorker } from '../../scripts/service-worker.mjs';

const app = useApp();

/** Waits until a service worker controls the page (it has cached the release by then). */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
}

/** A copy of dist/ that a test may change as if it were the next release; removed by `drop`. */
function copyOfDist() {
  const dir = mkdtempSync(join(tmpdir(), 'alur-release-'));
  cpSync(DIST, dir, { recursive: true });
  return { dir, drop: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The cache name written into `dir/sw.js`. */
function cacheNameIn(dir) {
  return /^const CACHE = "([^"]+)";$/m.exec(readFileSync(join(dir, 'sw.js'), 'utf8'))[1];
}

/** Waits until `check()` resolves to true, for at most `ms`. */
async function until(check, ms = 30_000) {
  for (const end = Date.now() + ms; !(await check()); ) {
    if (Date.now() > end) throw new Error(`still false after ${ms} ms: ${check}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** Cuts the network both ways: the browser is offline and the server is gone. */
async function goOffline(ctx, server) {
  await ctx.setOffline(true);
  server.stop();
}

test('after one visit of the plans page the app opens with no network, makes a plan, keeps it and moves between steps', async () => {
  // A server of this test's own, stopped halfway through, so nothing can come from it.
  const server = await startServer();
  const { ctx, page, problems } = await openPage(app.browser);
  try {
    // Online, only the plans page was shown: the plan engine's part, with every page of a
    // plan (#21), was never fetched, so offline it can only come from what the service worker
    // cached at install.
    const parts = [];
    page.on('request', (r) => /split_store/.test(r.url()) && parts.push(r.url()));
    await page.goto(server.url);
    await appReady(page);
    await controlled(page);
    assert.deepEqual(parts, [], 'the plans page fetched the plan engine');

    await goOffline(ctx, server);
    const response = await page.reload();
    assert.ok(response.fromServiceWorker(), 'the page came from the service worker');
    await appReady(page);
    await page.getByRole('button', { name: 'New blank plan' }).click();
    await page.waitForURL(/#\/plan\/[a-z0-9]+$/);
    const id = /#\/plan\/([a-z0-9]+)$/.exec(page.url())[1];
    await page.getByLabel('Plan name').fill('Offline launch');
    await page.getByText('Saved in this browser').waitFor();
    assert.ok(parts.length > 0, 'the plan engine did not load its part');

    const nav = page.getByRole('navigation', { name: 'Workflow' });
    await nav.getByRole('link', { name: /Market situation/ }).click();
    await page.waitForURL(new RegExp(`#/plan/${id}/market$`));
    await untilText(page.locator('main h1'), 'Market situation');
    // The step's form: its SWOT section.
    await page.locator('#swot-heading').waitFor();
    assert.equal(await page.locator('.chunk-failed').count(), 0);

    // A bookmarked deep link opens too, in a new tab.
    const tab = await ctx.newPage();
    await tab.goto(`${server.url}#/plan/${id}/budget`);
    await appReady(tab);
    assert.equal(await tab.locator('main h1').textContent(), 'Budget');
    await tab.locator('#budget-allocated').waitFor();
    assert.equal(await tab.locator('.chunk-failed').count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await ctx.close();
    server.stop();
  }
});

test('the web app manifest parses without errors and Chromium finds the app installable', async () => {
  const { ctx, page, problems } = await openPage(app.browser);
  await page.goto(app.server.url);
  await appReady(page);
  await controlled(page);
  const cdp = await ctx.newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.equal(manifest.url, `${app.server.url}manifest.webmanifest`);
  assert.deepEqual(manifest.errors, []);
  const data = JSON.parse(manifest.data);
  assert.equal(data.name, 'Alur');
  assert.equal(data.display, 'standalone');
  assert.ok(data.icons.some((icon) => icon.purpose === 'maskable'));
  for (const icon of data.icons) {
    const res = await page.request.get(new URL(icon.src, manifest.url).href);
    assert.equal(res.status(), 200, icon.src);
    assert.equal(res.headers()['content-type'], icon.type, icon.src);
  }
  // Installable but for the test browser's private (incognito) profile.
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'), []);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, app.server.url);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('a new release is used at once when online, and replaces the release before the last for offline use', async () => {
  const release = copyOfDist();
  const server = await startServer({ dir: release.dir });
  const { ctx, page, problems } = await openPage(app.browser);
  try {
    await page.goto(server.url);
    await appReady(page);
    await controlled(page);
    const first = cacheNameIn(release.dir);
    assert.deepEqual(await page.evaluate(() => caches.keys()), [first]);

    // The next release: a changed index.html, and sw.js written again by the build's generator.
    const index = join(release.dir, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('<title>', '<meta name="alur-release" content="2" />\n    <title>'));
    const second = writeServiceWorker(release.dir).cache;
    assert.notEqual(second, first);
    // A later release has later modification times. Without this, files rewritten within the
    // same second as the copy look unmodified to the server's one-second If-Modified-Since
    // check: the revalidation of index.html or of sw.js answers 304, and the browser keeps the
    // old page or never sees the new worker (both made this test flaky).
    const later = new Date(Date.now() + 60_000);
    for (const file of [index, join(release.dir, 'sw.js')]) utimesSync(file, later, later);

    // Pages come from the network first: a reload shows the new release straight away.
    await page.reload();
    await appReady(page);
    assert.equal(await page.locator('meta[name="alur-release"]').count(), 1);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    // Installed and activated. The previous release's cache stays, for a tab still open on
    // it that loads a step's part on first use (polled here: waitForFunction does not wait
    // for a promise).
    await until(async () => (await page.evaluate(() => caches.keys())).join() === [first, second].join());

    // A third release: the first release's cache goes, the second's stays.
    writeFileSync(index, readFileSync(index, 'utf8').replace('content="2"', 'content="3"'));
    const third = writeServiceWorker(release.dir).cache;
    const latest = new Date(Date.now() + 120_000);
    for (const file of [index, join(release.dir, 'sw.js')]) utimesSync(file, latest, latest);
    await page.reload();
    await appReady(page);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await until(async () => (await page.evaluate(() => caches.keys())).join() === [second, third].join());

    // Offline, the page is the new release's, from the new cache.
    await goOffline(ctx, server);
    const response = await page.reload();
    assert.ok(response.fromServiceWorker());
    await appReady(page);
    assert.equal(await page.locator('meta[name="alur-release"][content="3"]').count(), 1);
    assert.deepEqual(await page.evaluate(() => caches.keys()), [second, third]);
    assert.deepEqual(problems, []);
  } finally {
    await ctx.close();
    server.stop();
    release.drop();
  }
});

test('when the service worker cannot be registered the app still starts, online only', async () => {
  const release = copyOfDist();
  rmSync(join(release.dir, 'sw.js'));
  const server = await startServer({ dir: release.dir });
  const { ctx, page, problems } = await openPage(app.browser);
  try {
    await page.goto(server.url);
    await appReady(page);
    // The failure is only a warning in the console.
    await until(() => problems.some((p) => p.startsWith('warning: Alur: offline use is not available')), 10_000);
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null);
    assert.equal(await page.locator('h1').first().textContent(), 'My plans');
  } finally {
    await ctx.close();
    server.stop();
    release.drop();
  }
});
