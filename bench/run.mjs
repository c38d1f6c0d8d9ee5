// `make bench`: drives the release build (dist/) in headless Chromium and prints a table of
// measures against the budgets of issue #11; writes everything to bench/results.json.
// A measurement, not a test: it exits 0 when a budget is missed, and says MISS.
//
// Serves like the end-to-end tests (python3 -m http.server, dist/ under /alur/), plus the
// minimal Leptos app (/hello/), the bench page with Chart.js (/bench/) and the generated
// inputs (/inputs/). BENCH_LOADS, BENCH_REPEATS and LH_RUNS change the number of repeats.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, startServer } from '../tests/e2e/harness.mjs';
import { exportFile, ga4Csv, googleAdsYear, largePlan, planFile, sha256 } from './gen.mjs';
import { lighthouseRuns } from './lighthouse.mjs';
import { serveCompressed } from './serve.mjs';

// Every measurement is of a first visit: no service worker. Alur's would otherwise serve
// repeat loads from its cache (the minimal app has none), and, installing in each fresh
// context, it precaches the whole release from the one-threaded bench server alongside the
// measured work (page loads stalled behind it).
const CONTEXT = { serviceWorkers: 'block' };
import { budgets, printTable } from './report.mjs';

const HERE = import.meta.dirname;
const ROOT = resolve(HERE, '..');
const OUT = join(HERE, 'out');
const LOADS = Number(process.env.BENCH_LOADS ?? 30);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 15);
const LH_RUNS = Number(process.env.LH_RUNS ?? 3);
// Imports through the UI, each in a fresh page (so the app's code is as cold as a user's).
const UI_REPEATS = 5;
const KB = 1024;
// BENCH_ONLY=load,charts,… runs only those parts and prints their raw results (for profiling).
const ONLY = process.env.BENCH_ONLY?.split(',');
const want = (part) => !ONLY || ONLY.includes(part);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const log = (text) => console.error(`[bench] ${text}`);

/** The raw, gzip -9 and brotli -11 sizes of files (paths relative to `dir`), and their sums. */
function sizesOf(dir, names) {
  const rows = names.map((name) => {
    const bytes = readFileSync(join(dir, name));
    return {
      name,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
    };
  });
  const total = (k) => rows.reduce((sum, r) => sum + r[k], 0);
  return { files: rows, raw: total('raw'), gzip: total('gzip'), brotli: total('brotli') };
}

/** 1. Every wasm, JS and CSS file of a build, in all its directories (the whole release). */
function transferSizes(dir) {
  const names = readdirSync(dir, { recursive: true }).filter((f) => /\.(wasm|js|css)$/.test(f) && !/(^|\/)sw\.js$/.test(f));
  return sizesOf(dir, names.sort());
}

/**
 * 1. What a first visit of `hash` downloads (wasm, JS, CSS), read from the requests the page
 * makes until the page is shown and the network is quiet: the first download of the plans
 * page, or of a deep link with its parts.
 */
async function visitSizes(browser, server, hash, selector, plan) {
  const ctx = await browser.newContext(CONTEXT);
  const page = await ctx.newPage();
  const names = new Set();
  const base = new URL(server.url).pathname;
  page.on('request', (req) => {
    const path = decodeURIComponent(new URL(req.url()).pathname);
    if (path.startsWith(base) && /\.(wasm|js|css)$/.test(path)) names.add(path.slice(base.length));
  });
  if (plan) await page.addInitScript(seedPlan, JSON.stringify(plan));
  await page.goto(`${server.url}${hash}`);
  await page.locator(selector).first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await ctx.close();
  return sizesOf(join(ROOT, 'dist'), [...names].sort());
}

/** In a page, before the app runs: stores `text` (a plan) as Alur stores it, once. */
function seedPlan(text) {
  if (localStorage.getItem('alur:index')) return;
  const plan = JSON.parse(text);
  localStorage.setItem(`alur:plan:${plan.id}`, text);
  const meta = { id: plan.id, name: plan.name, status: plan.status, updated_at: plan.updated_at };
  localStorage.setItem('alur:index', JSON.stringify([meta]));
  localStorage.setItem('alur:settings', JSON.stringify({ lang: 'en', last_plan: plan.id, import_mappings: [] }));
}

/** In every bench page: when the app's first view is in the DOM, and the wasm exports. */
function watchMount(selector) {
  const t = {};
  window.__bench = t;
  const seen = () => {
    if (t.mounted || !document.querySelector(selector)) return false;
    t.mounted = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (t.painted = performance.now());
      channel.port2.postMessage(null);
    });
    return true;
  };
  new MutationObserver((_, observer) => seen() && observer.disconnect()).observe(document, { childList: true, subtree: true });
  // Trunk's loader (the minimal app) and Alur's (scripts/postbuild.mjs) say when the wasm runs.
  for (const name of ['TrunkApplicationStarted', 'alur-started']) {
    addEventListener(name, (e) => {
      t.started = performance.now();
      window.__wasm = e.detail.wasm;
    });
  }
}

/**
 * 2. Navigation to a mounted app, cold (a new browser context each time), alternating apps:
 * Alur's plans page, a deep link to the analysis page of a stored plan (shown when its part has
 * drawn the verdict), and the minimal Leptos app.
 */
async function loadTimes(browser, server, plan) {
  const apps = {
    alur: { url: server.url, selector: 'body > header.app-header' },
    deep: { url: `${server.url}#/plan/${plan.id}/analyse`, selector: '#an-verdict', plan },
    hello: { url: `${server.origin}/hello/`, selector: 'main.hello' },
  };
  const samples = { alur: [], deep: [], hello: [] };
  const names = Object.keys(apps);
  for (let i = 0; i < LOADS; i++) {
    // Each app first, in the middle and last in turn.
    const order = names.map((_, j) => names[(i + j) % names.length]);
    for (const name of order) {
      const ctx = await browser.newContext(CONTEXT);
      const page = await ctx.newPage();
      if (apps[name].plan) await page.addInitScript(seedPlan, JSON.stringify(apps[name].plan));
      await page.addInitScript(watchMount, apps[name].selector);
      await page.goto(apps[name].url);
      await page.waitForFunction(() => window.__bench?.painted, null, { timeout: 30_000 });
      samples[name].push(await page.evaluate(() => ({ ...window.__bench })));
      await ctx.close();
    }
  }
  const summary = (list) => ({ mounted_ms: median(list.map((s) => s.mounted)), painted_ms: median(list.map((s) => s.painted)), samples: list });
  const [alur, deep, hello] = names.map((n) => summary(samples[n]));
  return { loads: LOADS, alur, deep, hello, ratio: alur.mounted_ms / hello.mounted_ms, deep_ratio: deep.mounted_ms / hello.mounted_ms };
}

/** 3 and 4. Alur's chart and importers (compiled to wasm by bench/charts) on the bench page. */
async function benchPage(browser, server) {
  const ctx = await browser.newContext(CONTEXT);
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.origin}/bench/`);
  await page.waitForSelector('body[data-ready="yes"]', { timeout: 30_000 }).catch(() => {
    throw new Error(`the bench page did not start: ${errors.join('; ')}`);
  });
  const charts = [];
  for (const n of [12, 365, 3_650]) {
    log(`chart of ${n} points`);
    const r = await page.evaluate(([n, repeats]) => window.bench.chart(n, repeats), [n, REPEATS]);
    charts.push({ ...r, ratio: r.alur_ms / r.chartjs_ms });
  }
  log('plan file and GA4 CSV import (wasm)');
  const imports = await page.evaluate(() => window.bench.imports('../inputs/plan.alur.json', '../inputs/ga4.csv', 7));
  await ctx.close();
  return { charts, imports };
}

/** Puts `plan` in storage as Alur stores it, then opens `hash` in a fresh load of the app. */
async function openWithPlan(page, server, plan, hash) {
  await page.goto(server.url);
  await page.locator('body > header.app-header').waitFor();
  await page.evaluate((text) => {
    const plan = JSON.parse(text);
    localStorage.setItem(`alur:plan:${plan.id}`, text);
    // The plan list's cache, as Alur writes it when it saves a plan.
    const meta = { id: plan.id, name: plan.name, status: plan.status, updated_at: plan.updated_at };
    localStorage.setItem('alur:index', JSON.stringify([meta]));
    localStorage.setItem('alur:settings', JSON.stringify({ lang: 'en', last_plan: plan.id, import_mappings: [] }));
  }, JSON.stringify(plan));
  await page.goto(`${server.url}${hash}`);
  await page.reload();
  await page.locator('body > header.app-header').waitFor();
}

/** In the page: notes when a file is chosen and when the collect step's preview shows. */
function watchPreview() {
  const t = (window.__import = {});
  document.addEventListener('change', () => (t.chosen = performance.now()), true);
  new MutationObserver((_, o) => {
    if (document.querySelector('#collect-preview')) {
      t.shown = performance.now();
      o.disconnect();
    }
  }).observe(document.body, { childList: true, subtree: true });
}

/** 4, through the UI: choose the file in the collect step, time until its preview shows. */
async function uiCsvImport(browser, server, plan, csv) {
  const samples = [];
  for (let i = 0; i < UI_REPEATS; i++) {
    const ctx = await browser.newContext({ ...CONTEXT, locale: 'en-US' });
    const page = await ctx.newPage();
    await openWithPlan(page, server, plan, `#/plan/${plan.id}/collect`);
    await page.locator('#collect-file').waitFor({ state: 'attached' });
    await page.evaluate(watchPreview);
    await page.setInputFiles('#collect-file', { name: 'ga4.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('#collect-preview').waitFor({ timeout: 60_000 });
    const t = await page.evaluate(() => window.__import);
    samples.push(t.shown - t.chosen);
    await ctx.close();
  }
  return { ms: median(samples), samples };
}

/**
 * Issue #17, through the UI: a year of daily rows for 20 campaigns (73,000 values) into the
 * example plan: file chosen → preview, "Import" → stored, the stored size, and the analysis
 * page opened on the result (navigation → its KPI table). Returns the stored plan too, for the
 * typing measure.
 */
async function uiYearImport(browser, server, plan, csv) {
  const runs = [];
  let stored = null;
  for (let i = 0; i < 3; i++) {
    const ctx = await browser.newContext({ ...CONTEXT, locale: 'en-US' });
    const page = await ctx.newPage();
    await openWithPlan(page, server, plan, `#/plan/${plan.id}/collect`);
    await page.locator('#collect-file').waitFor({ state: 'attached' });
    await page.evaluate(watchPreview);
    await page.setInputFiles('#collect-file', { name: 'google-ads-year.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('#collect-preview').waitFor({ timeout: 60_000 });
    const confirm = page.locator('#collect-confirm');
    await confirm.evaluate((button) => {
      const t = window.__import;
      button.addEventListener('click', () => (t.clicked = performance.now()), true);
      new MutationObserver((_, o) => {
        if (!document.querySelector('#collect-preview')) {
          t.applied = performance.now();
          o.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
    await confirm.click();
    await page.waitForFunction(() => window.__import.applied, null, { timeout: 60_000 });
    // The autosave runs 600 ms after the change; wait until the stored plan holds the facts.
    await page.waitForFunction((id) => (localStorage.getItem(`alur:plan:${id}`) ?? '').includes('Batik 20'), plan.id, { timeout: 30_000 });
    const t = await page.evaluate(() => window.__import);
    const sizes = await page.evaluate((id) => {
      let all = 0;
      for (let k = 0; k < localStorage.length; k++) {
        const key = localStorage.key(k);
        all += key.length + (localStorage.getItem(key)?.length ?? 0);
      }
      const text = localStorage.getItem(`alur:plan:${id}`) ?? '';
      const facts = JSON.parse(text).facts ?? [];
      return { plan: text.length, all, series: facts.length, values: facts.reduce((n, s) => n + s.values.length, 0) };
    }, plan.id);
    const opened = await page.evaluate(async (hash) => {
      const start = performance.now();
      location.hash = hash;
      while (!document.querySelector('#an-table tbody tr')) await new Promise((ok) => requestAnimationFrame(ok));
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
      return performance.now() - start;
    }, `#/plan/${plan.id}/analyse`);
    if (i === 0) stored = JSON.parse(await page.evaluate((id) => localStorage.getItem(`alur:plan:${id}`), plan.id));
    runs.push({ preview_ms: t.shown - t.chosen, apply_ms: t.applied - t.clicked, analysis_ms: opened, ...sizes });
    await ctx.close();
  }
  const pick = (key) => median(runs.map((r) => r[key]));
  return { preview_ms: pick('preview_ms'), apply_ms: pick('apply_ms'), analysis_ms: pick('analysis_ms'), plan_chars: runs[0].plan, storage_chars: runs[0].all, series: runs[0].series, values: runs[0].values, runs, stored };
}

/**
 * 4, through the UI: import the plan file on the plans page, time until the plan is listed.
 * A person clicks "Import plan" to open the file dialog, so the pointer rests on it first, and
 * that fetches the plan engine's part (src/ui/chunks.rs, `preload_on_links`); picking a file in
 * the dialog takes longer than the fetch. So the bench points at the button and lets the part
 * arrive before it chooses the file, as the dialog would.
 */
async function uiPlanImport(browser, server, file) {
  const samples = [];
  let outcome = '';
  for (let i = 0; i < UI_REPEATS; i++) {
    const ctx = await browser.newContext({ ...CONTEXT, locale: 'en-US' });
    const page = await ctx.newPage();
    await page.goto(server.url);
    await page.locator('#import-file').waitFor({ state: 'attached' });
    const engine = page.waitForResponse((r) => /split_store[^/]*\.wasm$/.test(r.url()), { timeout: 30_000 });
    await page.locator('label[for="import-file"]').hover();
    await (await engine).finished();
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      const t = (window.__import = {});
      document.addEventListener('change', () => (t.chosen = performance.now()), true);
      new MutationObserver((_, o) => {
        const listed = document.querySelector('a[href*="bench-file"]');
        const warned = document.querySelector('[role="alert"]');
        if (listed || warned) {
          t.shown = performance.now();
          t.outcome = listed ? 'listed' : `warning: ${warned.textContent.trim()}`;
          o.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.setInputFiles('#import-file', { name: 'bench.alur.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.waitForFunction(() => window.__import.shown, null, { timeout: 60_000 });
    const t = await page.evaluate(() => window.__import);
    samples.push(t.shown - t.chosen);
    outcome = t.outcome;
    await ctx.close();
  }
  return { ms: median(samples), samples, outcome };
}

/**
 * In the typing page: for each keystroke, the time from the key event to the next painted
 * frame (a task queued from the next requestAnimationFrame); Event Timing entries of 16 ms or
 * more; long tasks; and the autosave's `alur:save` measures.
 */
function watchTyping() {
  const t = (window.__typing = { keys: [], events: [], longtasks: [], saves: [] });
  addEventListener(
    'keydown',
    (e) => {
      const start = e.timeStamp;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => t.keys.push({ start, paint: performance.now() });
        channel.port2.postMessage(null);
      });
    },
    true,
  );
  const observe = (type, into, options = {}) => {
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) into.push({ name: e.name, start: e.startTime, duration: e.duration });
      }).observe({ type, buffered: true, ...options });
    } catch {
      /* not supported: the list stays empty */
    }
  };
  observe('event', t.events, { durationThreshold: 16 });
  observe('longtask', t.longtasks);
  observe('measure', t.saves);
}

/** Samples CDP's JS heap size while `during` runs; returns the peak and the samples. */
async function heapWhile(page, during) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const samples = [];
  const sample = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    samples.push(metrics.find((m) => m.name === 'JSHeapUsedSize').value);
  };
  let running = true;
  const loop = (async () => {
    while (running) {
      await sample().catch(() => {});
      await new Promise((ok) => setTimeout(ok, 200));
    }
  })();
  try {
    await during();
  } finally {
    running = false;
    await loop;
  }
  await sample();
  return { peak: Math.max(...samples), samples: samples.length };
}

/** 5 and 6. Typing in a text field of an open plan; autosave; memory. */
async function typing(browser, server, plan, { chars = 100, delay = 100, field = '#goal-specific', step = 'goals' } = {}) {
  const ctx = await browser.newContext({ ...CONTEXT, locale: 'en-US' });
  const page = await ctx.newPage();
  await page.addInitScript(watchMount, 'body > header.app-header');
  await page.addInitScript(watchTyping);
  const memory = await heapWhile(page, async () => {
    await openWithPlan(page, server, plan, `#/plan/${plan.id}/${step}`);
    await page.locator(field).click();
    await page.waitForTimeout(1_000);
    await page.evaluate(() => {
      const t = window.__typing;
      t.keys.length = t.events.length = t.longtasks.length = t.saves.length = 0;
    });
    const text = 'Naikkan penjualan produk X sebesar 20% dalam 6 bulan lewat Instagram dan Google Ads. '.repeat(3).slice(0, chars);
    await page.keyboard.type(text, { delay });
    await page.waitForFunction((n) => window.__typing.keys.length >= n, chars);
    await page.waitForTimeout(2_500); // the autosave runs 600 ms after the last keystroke
  });
  const t = await page.evaluate(() => window.__typing);
  const wasm = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? null);
  const stored = await page.evaluate((id) => localStorage.getItem(`alur:plan:${id}`)?.length ?? 0, plan.id);
  await ctx.close();

  const latencies = t.keys.map((k) => k.paint - k.start);
  const firstKey = Math.min(...t.keys.map((k) => k.start));
  const lastPaint = Math.max(...t.keys.map((k) => k.paint));
  const saves = t.saves.filter((s) => s.name === 'alur:save');
  const duringTyping = saves.filter((s) => s.start >= firstKey && s.start <= lastPaint - delay);
  const afterTyping = saves.filter((s) => s.start > lastPaint - delay);
  const saveTask = (s) => Math.max(s.duration, ...t.longtasks.filter((l) => l.start <= s.start && l.start + l.duration >= s.start + s.duration).map((l) => l.duration));
  const keyEvents = t.events.filter((e) => ['keydown', 'keypress', 'keyup', 'input', 'beforeinput'].includes(e.name));
  return {
    keystrokes: latencies.length,
    p50_ms: median(latencies),
    p95_ms: percentile(latencies, 95),
    max_ms: Math.max(...latencies),
    event_timing_over_16ms: keyEvents.length,
    event_timing_max_ms: keyEvents.length ? Math.max(...keyEvents.map((e) => e.duration)) : 0,
    saves_during_typing: duringTyping.length,
    save_ms: afterTyping.length ? Math.max(...afterTyping.map((s) => s.duration)) : null,
    save_task_ms: afterTyping.length ? Math.max(...afterTyping.map(saveTask)) : null,
    longtasks_during_typing: t.longtasks.filter((l) => l.start >= firstKey && l.start <= lastPaint).length,
    js_heap_peak_bytes: memory.peak,
    wasm_memory_bytes: wasm,
    stored_chars: stored,
    latencies: latencies.map((x) => round(x, 2)),
  };
}

const ROUTES = ['', 'goals', 'market', 'competitors', 'audience', 'gaps', 'strategy', 'kpis', 'budget', 'actions', 'approval', 'today', 'board', 'calendar', 'spend', 'measurements', 'collect', 'analyse', 'optimise', 'report', 'next'];

/** 7. axe-core on every page of the app, with a plan that has something on every page. */
async function axePages(browser, server, plan) {
  const axeSource = readFileSync(join(HERE, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const ctx = await browser.newContext({ ...CONTEXT, locale: 'en-US' });
  const page = await ctx.newPage();
  await openWithPlan(page, server, plan, '#/');
  const pages = [{ hash: '#/', ready: '.plans-page' }].concat(
    ROUTES.map((slug) => ({
      hash: slug ? `#/plan/${plan.id}/${slug}` : `#/plan/${plan.id}`,
      ready: slug ? `article.step[data-step="${slug}"]` : 'article.overview',
    })),
  );
  const results = [];
  for (const { hash, ready } of pages) {
    await page.goto(`${server.url}${hash}`);
    await page.locator(ready).first().waitFor({ timeout: 15_000 });
    // A step's form loads in its part (src/ui/chunks.rs): checked once it is there, not the
    // frame around it.
    await page.waitForFunction(() => {
      const body = document.querySelector('.step-body');
      return !body || (body.children.length > 0 && !body.querySelector('.chunk-loading'));
    }, null, { timeout: 15_000 });
    if (await page.locator('.chunk-failed').count()) throw new Error(`${hash}: its part did not load`);
    await page.waitForTimeout(300);
    // page.evaluate is not subject to the page's CSP, which forbids inline scripts.
    if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    results.push({ page: hash.replace(plan.id, '<id>'), violations });
  }
  await ctx.close();
  return results;
}

function gitCommit() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT }).toString().trim();
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return 'unknown';
  }
}

async function main() {
  const started = Date.now();
  const loadBefore = loadavg()[0];
  if (loadBefore > 1) log(`the 1-minute load average is ${loadBefore.toFixed(1)}: other work on this machine makes the timings noisier`);
  mkdirSync(OUT, { recursive: true });
  log('generating inputs');
  const large = largePlan();
  const file = planFile();
  const csv = ga4Csv();
  writeFileSync(join(OUT, 'plan.alur.json'), file.text);
  writeFileSync(join(OUT, 'ga4.csv'), csv);
  const inputs = {
    large_plan: { tasks: large.tasks.length, kpis: large.kpis.length, measurements: large.measurements.length, json_chars: JSON.stringify(large).length, sha256: sha256(JSON.stringify(large)) },
    plan_file: { bytes: file.text.length, measurements: file.measurements, sha256: sha256(file.text) },
    ga4_csv: { bytes: csv.length, rows: 50_000, sha256: sha256(csv) },
  };
  // A plan with something on every page, for the accessibility checks and the UI import.
  const medium = largePlan({ id: 'bench-medium', tasks: 30, kpis: 8, measurements: 480 });
  const small = JSON.parse(readFileSync(join(ROOT, 'examples/seed-example.alur.json'), 'utf8')).plan;

  const server = await startServer({ mounts: { hello: join(HERE, 'hello/dist'), bench: join(HERE, 'page'), chartjs: join(HERE, 'node_modules/chart.js/dist'), inputs: OUT } });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const results = { inputs };
  try {
    results.size = { alur: transferSizes(join(ROOT, 'dist')), hello: transferSizes(join(HERE, 'hello/dist')) };
    if (want('load') || want('size')) {
      log('what the plans page and a deep link download');
      results.size.plans_page = await visitSizes(browser, server, '', 'body > header.app-header');
      results.size.deep_link = await visitSizes(browser, server, `#/plan/${medium.id}/analyse`, '#an-verdict', medium);
    }
    if (want('load')) {
      log(`${LOADS} cold loads of each app`);
      results.load = await loadTimes(browser, server, medium);
    }
    if (want('charts')) Object.assign(results, await benchPage(browser, server));
    if (want('ui-import')) {
      log('GA4 CSV import through the collect step');
      results.ui_csv_import = await uiCsvImport(browser, server, medium, csv);
      log('plan file import through the plans page');
      results.ui_plan_import = await uiPlanImport(browser, server, file.text);
    }
    if (want('year')) {
      log('a year of 20 campaigns through the collect step');
      const year = await uiYearImport(browser, server, small, googleAdsYear());
      const { stored, ...rest } = year;
      results.year_import = rest;
      log('typing in the plan with a year of 20 campaigns');
      results.typing_year = await typing(browser, server, stored);
    }
    if (want('typing')) {
      log('typing in the large plan');
      results.typing_large = await typing(browser, server, large);
      log('typing in the example plan (for reference)');
      results.typing_example = await typing(browser, server, small);
    }
    if (want('axe')) {
      log('axe-core on every page');
      results.axe = await axePages(browser, server, medium);
    }
    if (want('lighthouse')) {
      log(`Lighthouse, ${LH_RUNS} run(s)`);
      // Served compressed, as a static host serves it (bench/serve.mjs).
      const compressed = await serveCompressed(join(ROOT, 'dist'), '/alur/');
      try {
        results.lighthouse = await lighthouseRuns(compressed.url, LH_RUNS);
      } finally {
        compressed.stop();
      }
    }
  } finally {
    await browser.close();
    server.stop();
  }
  const chromiumVersion = execFileSync('/usr/bin/chromium', ['--version']).toString().trim();
  results.meta = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    machine: `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / KB ** 3)} GiB`,
    chromium: chromiumVersion,
    node: process.version,
    loads: LOADS,
    repeats: REPEATS,
    lighthouse_runs: LH_RUNS,
    seconds: Math.round((Date.now() - started) / 1000),
    // Other processes on the machine (the 1-minute load average) when the run began and ended.
    load_average: [round(loadBefore, 2), round(loadavg()[0], 2)],
  };
  if (ONLY) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  results.budgets = budgets(results);
  writeFileSync(join(HERE, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  printTable(results);
}

await main();
