// Lighthouse 12.2.3 (npm) on Debian's Chromium, through its node API: performance,
// accessibility and best practices of the plans page, Lighthouse's default (mobile, simulated
// throttling) settings. Each run gets a fresh Chromium with a remote-debugging port.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'interactive'];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function once(url) {
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    const lhr = result.lhr;
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c].score ?? 0) * 100)]));
    // What keeps a category under 100: its weighted audits that did not pass.
    const failing = {};
    for (const c of CATEGORIES) {
      failing[c] = lhr.categories[c].auditRefs
        .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
        .filter(({ ref, audit }) => ref.weight > 0 && audit.score !== null && audit.score < 1)
        .map(({ audit }) => ({ id: audit.id, score: audit.score, value: audit.displayValue ?? '' }));
    }
    const metrics = Object.fromEntries(METRICS.map((id) => [id, lhr.audits[id]?.numericValue ?? null]));
    // Lighthouse's own estimates of what would help performance (text compression, unused code…).
    const opportunities = Object.values(lhr.audits)
      .filter((a) => a.details?.type === 'opportunity' && ((a.details.overallSavingsMs ?? 0) > 0 || (a.details.overallSavingsBytes ?? 0) > 0))
      .map((a) => ({ id: a.id, savings_ms: a.details.overallSavingsMs ?? 0, savings_bytes: a.details.overallSavingsBytes ?? 0 }));
    // The element Lighthouse took as the largest contentful paint.
    const lcpItems = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items ?? [];
    const lcp_element = lcpItems.find((i) => i.node)?.node?.snippet ?? null;
    return { scores, failing, metrics, lcp_element, opportunities, warnings: lhr.runWarnings, error: lhr.runtimeError?.message ?? null };
  } finally {
    await chrome.kill();
  }
}

/** `runs` Lighthouse runs of `url`; the median score per category, and every run's details. */
export async function lighthouseRuns(url, runs) {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await once(url));
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(all.map((r) => r.scores[c]))]));
  return { url, runs: all.length, scores, details: all };
}
