// The app shell: it loads from a plain static server under a sub-path, speaks both languages,
// keeps each page at its own URL, and shows a crash screen instead of dying silently.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, appReady, untilText } from './harness.mjs';

const app = useApp();

test('loads without console errors, with a title and <html lang> matching the UI', async () => {
  const { ctx, page, problems } = await openPage(app.browser, { locale: 'en-US' });
  const requests = [];
  page.on('request', (req) => requests.push(req.url()));
  await page.goto(app.server.url);
  await appReady(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.match(await page.title(), /Alur/);
  assert.equal(await page.locator('h1').first().textContent(), 'My plans');
  assert.deepEqual(problems, []);
  // Nothing is fetched from anywhere but the app's own origin.
  assert.ok(requests.length > 0);
  assert.deepEqual(requests.filter((u) => !u.startsWith(app.server.origin + '/')), []);
  await ctx.close();
});

test('a Content-Security-Policy forbids inline scripts, so injected markup cannot run code', async () => {
  const { ctx, page } = await openPage(app.browser);
  await page.goto(app.server.url);
  await appReady(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.append(s);
    return window.__injected === true;
  });
  assert.equal(ran, false);
  await ctx.close();
});

test('an Indonesian browser gets the Indonesian UI', async () => {
  const { ctx, page } = await openPage(app.browser, { locale: 'id-ID' });
  await page.goto(app.server.url);
  await appReady(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'id');
  assert.equal(await page.locator('h1').first().textContent(), 'Rencana saya');
  await ctx.close();
});

test('each step has its own URL that survives reload and back/forward on a static server', async () => {
  const { ctx, page, problems } = await openPage(app.browser);
  await page.goto(app.server.url);
  await appReady(page);
  const nav = page.getByRole('navigation', { name: 'Workflow' });
  // All three phases of the seed are in the navigation.
  for (const phase of ['Research & planning', 'Execution', 'Analysis & optimisation']) {
    await nav.getByRole('heading', { name: new RegExp(phase) }).waitFor();
  }
  await nav.getByRole('link', { name: 'Market situation' }).click();
  await page.waitForURL(/#\/market$/);
  await untilText(page.locator('main h1'), 'Market situation');
  assert.match(await page.locator('main .guidance').textContent(), /trends/);
  assert.equal(await nav.getByRole('link', { name: 'Market situation' }).getAttribute('aria-current'), 'page');

  // The next page opens at its top, not as far down as the link that led there.
  await page.setViewportSize({ width: 1280, height: 480 });
  const next = page.getByRole('link', { name: /Next: Competitor analysis/ });
  await next.scrollIntoViewIfNeeded();
  assert.ok((await page.evaluate(() => window.scrollY)) > 0, 'the link is below the fold');
  await next.click();
  await page.waitForURL(/#\/competitors$/);
  await page.locator('main h1', { hasText: 'Competitor analysis' }).waitFor();
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  await page.reload();
  await appReady(page);
  assert.equal(await page.locator('main h1').textContent(), 'Competitor analysis');

  await page.goBack();
  await page.waitForURL(/#\/market$/);
  await untilText(page.locator('main h1'), 'Market situation');
  await page.goForward();
  await page.waitForURL(/#\/competitors$/);
  await untilText(page.locator('main h1'), 'Competitor analysis');
  assert.match(await page.title(), /^Competitor analysis · Alur$/);

  // A bookmarked deep link opens straight on its page.
  const fresh = await ctx.newPage();
  await fresh.goto(`${app.server.url}#/budget`);
  await appReady(fresh);
  assert.equal(await fresh.locator('main h1').textContent(), 'Budget');
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('switching language changes the page and is remembered after reload', async () => {
  const { ctx, page } = await openPage(app.browser, { locale: 'en-US' });
  await page.goto(`${app.server.url}#/goals`);
  await appReady(page);
  assert.equal(await page.locator('main h1').textContent(), 'Goals & targets');
  // Keyboard only: focus the labelled select and pick Indonesian.
  await page.getByLabel('Language').focus();
  await page.getByLabel('Language').selectOption('id');
  await page.locator('main h1', { hasText: 'Tujuan & sasaran' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'id');
  await page.reload();
  await appReady(page);
  assert.equal(await page.locator('main h1').textContent(), 'Tujuan & sasaran');
  assert.equal(await page.getByLabel('Bahasa').inputValue(), 'id');
  await ctx.close();
});

test('an unknown address shows a not-found page with a way back', async () => {
  const { ctx, page } = await openPage(app.browser);
  await page.goto(`${app.server.url}#/no/such/page`);
  await appReady(page);
  assert.equal(await page.locator('main h1').textContent(), 'Page not found');
  await page.getByRole('link', { name: 'Back to my plans' }).click();
  await page.waitForURL(/#\/$/);
  await ctx.close();
});

test('a panic shows the crash screen in the UI language with the saved data to download', async () => {
  const { ctx, page } = await openPage(app.browser, { locale: 'id-ID' });
  await page.goto(app.server.url);
  await appReady(page);
  await page.evaluate(() => localStorage.setItem('alur:probe', '{"kept":true}'));
  await page.goto(`${app.server.url}#/debug/panic`);
  await page.getByRole('alert').waitFor();
  assert.equal(await page.locator('h1').textContent(), 'Maaf, Alur berhenti karena kesalahan');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Unduh data tersimpan' }).click();
  const download = await downloadPromise;
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  const saved = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  assert.equal(saved.entries['alur:probe'], '{"kept":true}');
  await ctx.close();
});

/**
 * Opens the app with the wasm held back, so the page shows only what the HTML itself paints.
 * Returns a function that lets the wasm through.
 */
async function holdWasm(page) {
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** The navigation's link texts and targets, in the shown copy of the frame or the app. */
const navLinks = (page, root) =>
  page.locator(`${root} nav.app-nav a`).evaluateAll((links) => links.map((a) => [a.textContent.trim(), a.getAttribute('href')]));

test('before the wasm arrives the page already shows the frame and navigation, in the language the app will use', async () => {
  const { ctx, page, problems } = await openPage(app.browser, { locale: 'id-ID' });
  const release = await holdWasm(page);
  await page.goto(app.server.url);
  const shell = page.locator('.boot-shell[lang="id"]');
  await shell.waitFor({ state: 'visible' });
  assert.equal(await page.locator('.boot-shell[lang="en"]').isVisible(), false);
  assert.equal(await shell.getByRole('status').textContent(), 'Memuat Alur…');
  // The language switch is shown but cannot be used before the app runs.
  assert.equal(await shell.getByLabel('Bahasa').isDisabled(), true);
  const before = await navLinks(page, '.boot-shell[lang="id"]');
  assert.ok(before.length >= 21, `only ${before.length} links in the frame`);

  release();
  await appReady(page);
  // The app replaced the frame: one header, one navigation, with the same links.
  assert.equal(await page.locator('.boot-shell').count(), 0);
  assert.equal(await page.locator('header.app-header').count(), 1);
  assert.deepEqual(await navLinks(page, 'body > .app-body >'), before);
  // The inline script that picks the language is allowed by its hash: no CSP report.
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('the first paint follows a saved language over the browser’s, and a link clicked in it is where the app opens', async () => {
  // No service worker: on reload it would serve the wasm from its cache, past the hold.
  const context = await app.browser.newContext({ locale: 'id-ID', serviceWorkers: 'block' });
  const { ctx, page, problems } = await openPage(app.browser, { context });
  await page.goto(app.server.url);
  await appReady(page);
  await page.getByLabel('Bahasa').selectOption('en');
  await page.locator('h1', { hasText: 'My plans' }).waitFor();

  const release = await holdWasm(page);
  await page.reload();
  const shell = page.locator('.boot-shell[lang="en"]');
  await shell.waitFor({ state: 'visible' });
  assert.equal(await shell.getByRole('status').textContent(), 'Loading Alur…');
  await shell.getByRole('link', { name: 'Budget' }).click();
  release();
  await appReady(page);
  await page.locator('main h1', { hasText: 'Budget' }).waitFor();
  // Blocking the service worker logs a warning; nothing else may.
  assert.deepEqual(problems.filter((p) => !/Service Worker registration blocked/.test(p)), []);
  await ctx.close();
});

test('without JavaScript only the explanation shows, not a frame that would never load', async () => {
  const ctx = await app.browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(app.server.url);
  assert.equal(await page.locator('.boot-shell').first().isVisible(), false);
  assert.equal(await page.locator('.boot-shell').nth(1).isVisible(), false);
  assert.match(await page.locator('body').innerText(), /Alur needs JavaScript and WebAssembly/);
  await ctx.close();
});

test('when the wasm cannot load, the loading message gives way to an explanation', async () => {
  const context = await app.browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.abort('failed'));
  await page.goto(app.server.url);
  const shell = page.locator('.boot-shell[lang="en"]');
  await shell.getByRole('alert').waitFor({ state: 'visible' });
  assert.match(await shell.getByRole('alert').textContent(), /Alur could not start in this browser.*saved plans are still in this browser/);
  assert.equal(await shell.getByRole('status').isVisible(), false);
  await context.close();
});

test('the app starts without an animation frame: a tab opened in the background paints none', async () => {
  const { ctx, page, problems } = await openPage(app.browser, { locale: 'en-US' });
  // A background tab: hidden, and it runs no animation frames.
  await page.addInitScript(() => {
    Object.defineProperty(document, 'hidden', { get: () => true });
    window.requestAnimationFrame = () => 0;
  });
  await page.goto(app.server.url);
  await appReady(page);
  assert.equal(await page.locator('.boot-shell').count(), 0);
  assert.equal(await page.locator('main h1').textContent(), 'My plans');
  assert.deepEqual(problems, []);
  await ctx.close();
});
