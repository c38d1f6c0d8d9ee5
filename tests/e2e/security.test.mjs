// Nothing a plan file holds ever runs as code: every text field of an imported plan carries an
// XSS payload, and no page, step, summary or dialog executes or injects any of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, appReady } from './harness.mjs';

const app = useApp();

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  'javascript:window.__xss=3',
  '<svg onload="window.__xss=4"></svg>',
  '"><iframe src="javascript:window.__xss=5"></iframe>',
  '{{7*7}} ${7*7} <b onmouseover="window.__xss=6">bold</b>',
];

// Free-text fields of the plan format (docs/plan-format.md); ids, dates and choices stay valid.
const FREE_TEXT = new Set([
  'name', 'text', 'specific', 'metric', 'unit', 'achievable', 'relevant', 'website', 'strategy',
  'strengths', 'weaknesses', 'notes', 'demographics', 'psychographics', 'behaviour', 'needs',
  'description', 'rationale', 'tactics', 'title', 'owner', 'by', 'comment', 'source', 'note',
  'symptom', 'action', 'summary', 'next_steps',
]);

function poison(value, counter = { n: 0 }) {
  if (Array.isArray(value)) return value.map((v) => poison(v, counter));
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && FREE_TEXT.has(k) && !(k === 'metric' && /^[a-z_]+$/.test(v))) {
        out[k] = PAYLOADS[counter.n++ % PAYLOADS.length] + ` #${counter.n}`;
      } else {
        out[k] = poison(v, counter);
      }
    }
    return out;
  }
  return value;
}

test('a plan whose every text is an XSS payload is shown as text on every page', async () => {
  const { ctx, page, problems } = await openPage(app.browser, { locale: 'en-US' });
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await page.goto(app.server.url);
  await appReady(page);
  await page.getByRole('button', { name: 'New plan from the example' }).click();
  await page.waitForURL(/#\/plan\/[a-z0-9]+$/);
  const wait = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export plan (.json)' }).first().click();
  const chunks = [];
  for await (const c of await (await wait).createReadStream()) chunks.push(c);
  const file = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  file.plan = poison(file.plan);
  file.plan.id = 'xss-plan';
  file.plan.competitors[0].channels.push({ other: '<img src=x onerror="window.__xss=7">' });

  await page.getByRole('link', { name: 'My plans' }).click();
  await page.setInputFiles('#import-file', { name: '<img src=x onerror=alert(1)>.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByRole('status').filter({ hasText: 'imported from' }).waitFor();

  const slugs = ['', '/goals', '/market', '/competitors', '/audience', '/gaps', '/strategy', '/kpis', '/budget', '/actions', '/approval', '/today', '/board', '/calendar', '/spend', '/measurements', '/collect', '/analyse', '/optimise', '/report', '/next'];
  for (const slug of slugs) {
    await page.goto(`${app.server.url}#/plan/xss-plan${slug}`);
    await page.locator('main h1').first().waitFor();
    if (slug === '/competitors') await page.locator('#competitors-compare').click();
    // The payload text is on the page as text…
    if (slug === '') await page.getByText('<img src=x onerror="window.__xss=1">', { exact: false }).first().waitFor();
    // …and nothing it describes exists or ran.
    const injected = await page.evaluate(() => ({
      xss: window.__xss ?? null,
      elements: document.querySelectorAll('main img[src="x"], main script, main iframe, main svg[onload], main [onerror], main [onmouseover]').length,
    }));
    assert.deepEqual(injected, { xss: null, elements: 0 }, `page ${slug || 'overview'}`);
  }
  await page.goto(app.server.url);
  await page.getByRole('link', { name: /onerror/ }).first().waitFor();
  assert.equal(await page.evaluate(() => window.__xss ?? null), null);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems, []);
  await ctx.close();
});
