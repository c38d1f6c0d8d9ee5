// Both languages, done properly: switching language changes every visible string on every
// page, with no leftovers, and keeps what the user typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, appReady } from './harness.mjs';

const app = useApp();

// Words that are the same in both languages on purpose: the product name, language names,
// and marketing terms Indonesian marketers use in English.
const SAME_IN_BOTH = new Set(['Alur', 'English', 'Bahasa Indonesia', 'Status', 'SEO', 'SEM', 'KPI', 'Email', 'ROI', 'CTR', 'CPC', 'ROAS', 'Instagram', 'Google Ads', '→', '←', ':', '', 'Target', 'Facebook', 'TikTok', 'X (Twitter)', 'LinkedIn', 'YouTube', 'Email marketing', '12.12 Harbolnas', 'Ramadan']);

/** The visible text of the page, one entry per text node, without the user's own data. */
function visibleTexts(page, userTexts) {
  return page.evaluate((userTexts) => {
    const out = new Set();
    const keep = (raw) => {
      const text = (raw ?? '').trim();
      if (!text || userTexts.some((u) => text.includes(u))) return;
      // SMART initials and currency codes are the same in both languages (symbols have no
      // letters: the rule for numbers below skips them). Short words are checked like any.
      if (/^[A-Z]( ·)?$/.test(text) || /^[A-Z]{3}( — [A-Z]?[a-z]+)?$/.test(text)) return;
      // A fingerprint is the same in both languages.
      if (/^[0-9a-f]{16}$/.test(text)) return;
      // Dates such as "28 Nov 2026", "1 November 2026" or "November 2026" may read the same,
      // and so may a range of two ("8 Feb 2027 – 9 Mar 2027").
      if (/^(\d{1,2} )?\p{L}{3,9} \d{4}( – (\d{1,2} )?\p{L}{3,9} \d{4})?( \d{2}:\d{2})?$/u.test(text)) return;
      // Numbers and money with punctuation only: nothing to translate.
      const words = text.replace(/(Rp|US\$|S\$|RM|€|\$)\s?-?[\d.,]+/g, '').replace(/[^\p{L}]/gu, '');
      if (words.length === 0) return;
      out.add(text);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest('script, style, noscript')) continue;
      keep(node.textContent);
    }
    // Labels announced to screen readers count as visible strings too.
    for (const el of document.querySelectorAll('[aria-label]')) keep(el.getAttribute('aria-label'));
    return [...out];
  }, userTexts);
}

async function setLanguage(page, tag) {
  await page.locator('#lang-select').selectOption(tag);
  await page.waitForFunction((tag) => document.documentElement.lang === tag, tag);
}

test('every page changes every visible string when the language changes', async () => {
  const { ctx, page, problems } = await openPage(app.browser, { locale: 'en-US' });
  await page.goto(app.server.url);
  await appReady(page);
  await page.getByRole('button', { name: 'New blank plan' }).click();
  await page.waitForURL(/#\/plan\/[a-z0-9]+$/);
  const planName = 'Zz-user-plan';
  await page.getByLabel('Plan name').fill(planName);
  const id = /#\/plan\/([a-z0-9]+)$/.exec(page.url())[1];

  const hashes = ['#/', `#/plan/${id}`];
  for (const slug of ['goals', 'market', 'competitors', 'audience', 'gaps', 'strategy', 'kpis', 'budget', 'actions', 'approval', 'today', 'board', 'calendar', 'spend', 'measurements', 'collect', 'analyse', 'optimise', 'report', 'next']) {
    hashes.push(`#/plan/${id}/${slug}`);
  }
  const leftovers = [];
  for (const hash of hashes) {
    await page.goto(`${app.server.url}${hash}`);
    await appReady(page);
    await setLanguage(page, 'en');
    const english = await visibleTexts(page, [planName]);
    await setLanguage(page, 'id');
    const indonesian = new Set(await visibleTexts(page, [planName]));
    for (const text of english) {
      if (indonesian.has(text) && !SAME_IN_BOTH.has(text)) leftovers.push(`${hash}: ${text}`);
    }
    // The user's input survives the switch.
    if (hash === `#/plan/${id}`) assert.equal(await page.getByLabel('Nama rencana').inputValue(), planName);
  }
  assert.deepEqual(leftovers, []);
  assert.deepEqual(problems, []);
  await ctx.close();
});
