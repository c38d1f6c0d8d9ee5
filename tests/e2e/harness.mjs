// Shared set-up for the end-to-end tests: serve dist/ with a plain static server (Python's
// http.server, no rewrites) under a sub-path, and drive Debian's Chromium with Playwright.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const DIST = resolve(import.meta.dirname, '../../dist');
export const SUB_PATH = '/alur/';

/** Chromium's flags here (root needs --no-sandbox; nothing may reach the network). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Starts `python3 -m http.server` on a free port, serving `dir` (dist/ unless told) at SUB_PATH,
 * and each folder of `mounts` (`{ name: absolute path }`) at `/name/` (the bench serves more
 * than the app).
 */
export async function startServer({ dir = DIST, mounts = {} } = {}) {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${dir} has no index.html: run \`make dist\` first`);
  }
  const root = mkdtempSync(join(tmpdir(), 'alur-e2e-'));
  symlinkSync(dir, join(root, SUB_PATH.replaceAll('/', '')));
  for (const [name, path] of Object.entries(mounts)) symlinkSync(path, join(root, name));
  // The access log (stderr) is dropped: a pipe nobody reads fills up after a few hundred
  // requests (a service worker caching a release of many chunks makes that many), and the
  // server then blocks on writing it and answers nothing more.
  const proc = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', root], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const port = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('static server did not start')), 10_000);
    proc.stdout.on('data', (chunk) => {
      const m = /port (\d+)/.exec(chunk.toString());
      if (m) {
        clearTimeout(timer);
        ok(Number(m[1]));
      }
    });
    // Read (and drop) the rest of stdout too, for the same reason.
    proc.stdout.resume();
    proc.on('exit', (code) => fail(new Error(`static server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}${SUB_PATH}`, origin: `http://127.0.0.1:${port}`, stop: () => {
      proc.kill();
      // The folder holds only symlinks: this removes them, not what they point to.
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Launches headless Chromium from /usr/bin/chromium; never downloads a browser. */
export function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A fresh context in the given browser language, and a page that records console problems. */
export async function openPage(browser, { locale = 'en-US', context } = {}) {
  const ctx = context ?? (await browser.newContext({ locale, acceptDownloads: true }));
  const page = await ctx.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return { ctx, page, problems };
}

/**
 * Waits until `locator`'s text matches `pattern` (a string is matched whole), for at most `ms`.
 * After a link is followed, the URL changes at once and the page in the `hashchange` task
 * that follows: Playwright can see the new URL and read the old page between the two.
 */
export async function untilText(locator, pattern, ms = 10_000) {
  const matches = (text) => (typeof pattern === 'string' ? text.trim() === pattern : pattern.test(text));
  let text = '';
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((ok) => setTimeout(ok, 25))) {
    text = (await locator.textContent()) ?? '';
    if (matches(text)) return text;
  }
  throw new Error(`the text is still ${JSON.stringify(text)}, not ${pattern}, after ${ms} ms`);
}

/**
 * Waits until the element with DOM id `id` has the keyboard focus, for at most `ms`. The app
 * moves the focus to a redrawn control in the frame after the change (`focus_later`,
 * src/ui/form.rs): the element that had it is gone by then, so in between the focus is on
 * <body>.
 */
export async function untilFocused(page, id, ms = 5_000) {
  try {
    await page.waitForFunction((id) => document.activeElement?.id === id, id, { timeout: ms });
  } catch {
    const now = await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
    throw new Error(`the focus is on ${now}, not #${id}, after ${ms} ms`);
  }
}

/** Waits until the app has mounted (its header is rendered by the wasm, in place of the static first paint's). */
export async function appReady(page) {
  await page.locator('body > header.app-header').waitFor({ state: 'visible', timeout: 30_000 });
}

/**
 * Starts the static server and the browser before the file's tests and stops them after.
 * Returns an object whose `server` and `browser` are set once `before` has run.
 */
export function useApp() {
  const app = {};
  before(async () => {
    app.server = await startServer();
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    app.server?.stop();
  });
  return app;
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.1 A/AA and best-practice rules on the page as it is now: one line per
 * violation (rule, what it asks, the first elements). Evaluated through the DevTools protocol,
 * so the app's CSP (no inline scripts) stays as it ships.
 */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`,
    );
  });
}
