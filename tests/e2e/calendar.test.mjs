// The content calendar a manager in Indonesia plans around (issue #20): the dates that drive
// campaigns marked on the month grid (Harbolnas, payday, Idul Fitri, with their source), items
// coloured by channel, rescheduled by dragging to another day and by the keyboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, appReady } from './harness.mjs';

const app = useApp();
const SHOTS = process.env.ALUR_SHOTS;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Goes to `month` (1–12) of `year` with the previous / next buttons, from whatever month shows. */
async function goMonth(page, year, month) {
  const [name, shown] = (await page.locator('#cal-month').textContent()).trim().split(' ');
  const diff = (year - Number(shown)) * 12 + (month - 1 - MONTHS.indexOf(name));
  for (let i = 0; i < Math.abs(diff); i++) await page.locator(diff > 0 ? '#cal-next' : '#cal-prev').click();
  await page.locator('#cal-month', { hasText: `${MONTHS[month - 1]} ${year}` }).waitFor();
}

test('the calendar marks Indonesian campaign dates and reschedules by drag and keyboard', async () => {
  const { ctx, page, problems } = await openPage(app.browser, { locale: 'en-US' });
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.goto(app.server.url);
  await appReady(page);
  await page.getByRole('button', { name: 'New plan from the example' }).click();
  await page.waitForURL(/#\/plan\/[a-z0-9]+$/);
  const planId = /#\/plan\/([a-z0-9]+)$/.exec(page.url())[1];
  await page.goto(`${app.server.url}#/plan/${planId}/calendar`);
  await page.locator('article.step[data-step="calendar"]').waitFor();

  // One Instagram post on 10 December 2026.
  await page.locator('#content-add').click();
  const title = page.locator('[id^="content-"][id$="-title"]').last();
  await title.fill('Reels: batik tulis for 12.12');
  await title.press('Tab');
  const id = (await title.getAttribute('id')).slice('content-'.length, -'-title'.length);
  await page.locator(`#content-${id}-channel`).selectOption({ label: 'Instagram' });
  await page.locator(`#content-${id}-publish`).fill('2026-12-10');
  await page.locator(`#content-${id}-publish`).press('Tab');
  await goMonth(page, 2026, 12);

  // The dates of December: 12.12 Harbolnas, and the payday week from the 25th.
  await page.locator('#cal-day-2026-12-12 .cal-marker', { hasText: '12.12 Harbolnas' }).waitFor();
  await page.locator('#cal-day-2026-12-25 .cal-marker', { hasText: 'Payday week' }).waitFor();
  assert.match(await page.locator('#cal-day-2026-12-12').getAttribute('aria-label'), /12 December 2026, 12\.12 Harbolnas/);
  assert.equal(await page.locator('#cal-day-2026-12-27 .cal-marker').count(), 0, 'named on its first day only');
  assert.match(await page.locator('#cal-day-2026-12-27').getAttribute('class'), /on-payday/);

  // Its colour is Instagram's in the legend.
  const item = page.locator('#cal-day-2026-12-10 .cal-item', { hasText: 'Reels: batik tulis' });
  await item.waitFor();
  const itemColour = await item.evaluate((e) => getComputedStyle(e).borderLeftColor);
  const chip = page.locator('.cal-chip', { hasText: 'Instagram' });
  const chipColour = await chip.evaluate((e) => getComputedStyle(e, '::before').backgroundColor);
  assert.equal(itemColour, chipColour);
  assert.notEqual(itemColour, 'rgb(213, 218, 224)', 'not the plain border');

  // Dragged onto 12 December, it is published that day.
  const handle = page.locator('#cal-day-2026-12-10 li .drag-handle').first();
  const a = await handle.boundingBox();
  const b = await page.locator('#cal-day-2026-12-12').boundingBox();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
  await page.locator('#cal-day-2026-12-12 .cal-item', { hasText: 'Reels: batik tulis' }).waitFor();
  assert.equal(await page.locator(`#content-${id}-publish`).inputValue(), '2026-12-12');
  await page.locator('.notice', { hasText: 'Reels: batik tulis for 12.12 scheduled on 12 December 2026.' }).waitFor();

  // The keyboard way: "one day later" on the item's card.
  await page.locator(`#content-${id}-later`).focus();
  await page.keyboard.press('Enter');
  await page.locator('#cal-day-2026-12-13 .cal-item', { hasText: 'Reels: batik tulis' }).waitFor();
  assert.equal(await page.locator(`#content-${id}-publish`).inputValue(), '2026-12-13');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/calendar-desktop.png`, fullPage: true });

  // March 2027: Idul Fitri is an estimate until the 2027 decree; the table names its sources.
  await goMonth(page, 2027, 3);
  await page.locator('#cal-day-2027-03-10 .cal-marker', { hasText: 'Eid al-Fitr (Lebaran) (estimate)' }).waitFor();
  await page.locator('#cal-dates summary').click();
  const table = await page.locator('#cal-dates tbody').innerText();
  assert.match(table, /Eid al-Fitr \(Lebaran\) 2026\s+21 Mar 2026 – 22 Mar 2026\s+SKB 3 Menteri/);
  assert.match(table, /Ramadan 2026\s+19 Feb 2026 – 20 Mar 2026\s+Ministry of Religious Affairs' isbat session/);
  assert.match(table, /Chinese New Year \(Imlek\) 2027\s+6 February 2027\s+Astronomical estimate/);
  assert.deepEqual(problems, []);
  await ctx.close();
});
