// Phase 2 as a team runs it: checklists on the execution board, content in the calendar, spend
// and measurements logged; after a reload everything is there and the roll-ups add up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, appReady } from './harness.mjs';

const app = useApp();

/** The ids of the items whose fields are `${prefix}-<id>-${suffix}`, in page order. */
async function itemIds(page, prefix, suffix) {
  const ids = await page
    .locator(`[id^="${prefix}-"][id$="-${suffix}"]`)
    .evaluateAll((els, [p, s]) => els.map((e) => e.id.slice(p.length + 1, e.id.length - s.length - 1)), [prefix, suffix]);
  // The quick-entry row's fields share the prefix but are no item.
  return ids.filter((id) => id !== 'quick');
}

async function goStep(page, planId, slug) {
  await page.goto(`${app.server.url}#/plan/${planId}/${slug}`);
  await page.locator(`article.step[data-step="${slug}"]`).waitFor();
}

test('checklists, calendar, spend and measurements survive a reload and add up', async () => {
  const { ctx, page, problems } = await openPage(app.browser, { locale: 'en-US' });
  await page.goto(app.server.url);
  await appReady(page);
  await page.getByRole('button', { name: 'New plan from the example' }).click();
  await page.waitForURL(/#\/plan\/[a-z0-9]+$/);
  const planId = /#\/plan\/([a-z0-9]+)$/.exec(page.url())[1];

  // Execution board: the suggested website checklist, two items ticked.
  await goStep(page, planId, 'board');
  await page.locator('#ws-website-suggest').click();
  const items = await itemIds(page, 'exec', 'done');
  assert.equal(items.length, 4);
  await page.locator(`#exec-${items[0]}-done`).check();
  await page.locator(`#exec-${items[1]}-done`).check();
  await page.locator('#ws-website-progress', { hasText: '2 of 4' }).waitFor();
  await page.locator('#board-overall', { hasText: '2 of 4' }).waitFor();

  // Content calendar: one item scheduled on a date inside the shown month.
  await goStep(page, planId, 'calendar');
  await page.locator('#content-add').click();
  const [content] = await itemIds(page, 'content', 'title');
  await page.locator(`#content-${content}-title`).fill('Reels: how our beans are roasted');
  const day = await page.locator('td[id^="cal-day-"]').nth(10).getAttribute('id');
  const date = day.slice('cal-day-'.length);
  await page.locator(`#content-${content}-publish`).fill(date);
  await page.locator(`#content-${content}-status`).selectOption({ label: 'Scheduled' });
  await page.locator(`td#${day}`).getByText('Reels: how our beans are roasted').waitFor();

  // Spend log: two entries, typed with English separators.
  await goStep(page, planId, 'spend');
  await page.locator('#spend-add').click();
  await page.locator('#spend-add').click();
  const spends = await itemIds(page, 'spend', 'amount');
  await page.locator(`#spend-${spends[0]}-amount`).fill('5,000,000');
  await page.locator(`#spend-${spends[1]}-amount`).fill('2,500,000');
  await page.locator('#spend-total', { hasText: 'Rp 7,500,000' }).waitFor();

  // Measurement log: quick entry, then a delete that is undone.
  await goStep(page, planId, 'measurements');
  await page.locator('#meas-quick-value').fill('1,050');
  await page.locator('#meas-quick-add').click();
  await page.locator('#meas-quick-value').fill('1,080');
  await page.locator('#meas-quick-add').click();
  let measured = await itemIds(page, 'meas', 'value');
  assert.equal(measured.length, 2);
  await page.locator(`#meas-${measured[1]}-delete`).click();
  await page.locator('#meas-undo').click();
  await page.waitForFunction(() => document.querySelectorAll('[id^="meas-"][id$="-value"]:not(#meas-quick-value)').length === 2);

  // After a reload everything is still there, and the roll-ups add up.
  await page.reload();
  await appReady(page);
  await goStep(page, planId, 'board');
  await page.locator('#board-overall', { hasText: '2 of 4' }).waitFor();
  assert.equal(await page.locator(`#exec-${items[0]}-done`).isChecked(), true);
  await goStep(page, planId, 'calendar');
  await page.locator(`td#${day}`).getByText('Reels: how our beans are roasted').waitFor();
  await goStep(page, planId, 'spend');
  await page.locator('#spend-total', { hasText: 'Rp 7,500,000' }).waitFor();
  await goStep(page, planId, 'measurements');
  measured = await itemIds(page, 'meas', 'value');
  assert.equal(measured.length, 2);
  const values = await Promise.all(measured.map((m) => page.locator(`#meas-${m}-value`).inputValue()));
  // Whole numbers show no pointless decimals (issue #20).
  assert.deepEqual(values.sort(), ['1,050', '1,080']);
  // Today's spend against the budget: Rp 5,000,000 + Rp 2,500,000 = Rp 7,500,000 of the
  // example's Rp 150,000,000 budget, 7.5 ÷ 150 = 5%.
  await goStep(page, planId, 'today');
  assert.equal((await page.locator('#today-spent').textContent()).trim(), '5% (Rp 7,500,000 / Rp 150,000,000)');
  assert.deepEqual(problems, []);
  await ctx.close();
});
