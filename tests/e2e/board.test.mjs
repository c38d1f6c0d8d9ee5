// The execution board as a team uses it: cards in columns by status, moved by dragging (mouse
// and finger) and by the keyboard, filtered by workstream, owner and "my tasks"; and the order
// of a plan's lists changed by the move buttons and by dragging, kept after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, appReady, untilFocused } from './harness.mjs';

const app = useApp();
const SHOTS = process.env.ALUR_SHOTS;

async function newExamplePlan(page) {
  await page.goto(app.server.url);
  await appReady(page);
  await page.getByRole('button', { name: 'New plan from the example' }).click();
  await page.waitForURL(/#\/plan\/[a-z0-9]+$/);
  return /#\/plan\/([a-z0-9]+)$/.exec(page.url())[1];
}

async function goStep(page, planId, slug) {
  await page.goto(`${app.server.url}#/plan/${planId}/${slug}`);
  // The frame is in the main module, the form in the step's part: wait for the form, not only
  // the frame (reading the KPI cards before the part was in found none, on a busy machine).
  await page.locator(`article.step[data-step="${slug}"] .step-body > :not(.chunk-loading)`).first().waitFor();
}

/** The card titles of a column, top to bottom. */
async function column(page, status) {
  return page.locator(`#board-col-${status} .board-card-title`).allTextContents();
}

/** Drags the handle of `from` with the mouse and lets go over the upper or lower half of `to`. */
async function drag(page, from, to, half = 'upper') {
  const handle = page.locator(`${from} .drag-handle`);
  const a = await handle.boundingBox();
  const b = await page.locator(to).boundingBox();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  const y = half === 'upper' ? b.y + b.height * 0.25 : b.y + b.height * 0.75;
  await page.mouse.move(b.x + b.width / 2, y, { steps: 8 });
  await page.mouse.up();
}

test('cards move between columns by drag and by keyboard, filters narrow the board', async () => {
  const { ctx, page, problems } = await openPage(app.browser, { locale: 'en-US' });
  // Tall enough that a drag's start and end are both on screen (the mouse cannot scroll).
  await page.setViewportSize({ width: 1400, height: 1800 });
  const planId = await newExamplePlan(page);
  await goStep(page, planId, 'board');

  // Two checklist items of the website workstream, named and owned.
  await page.locator('#ws-website-add').click();
  let title = page.locator('[id^="exec-"][id$="-title"]').last();
  await title.fill('Compress hero images');
  await title.press('Tab');
  const first = (await title.getAttribute('id')).slice('exec-'.length, -'-title'.length);
  await page.locator(`#exec-${first}-owner`).fill('Sari');
  await page.locator(`#exec-${first}-owner`).press('Tab');
  await page.locator('#ws-website-add').click();
  title = page.locator('[id^="exec-"][id$="-title"]').last();
  await title.fill('Fix the checkout form');
  await title.press('Tab');
  const second = (await title.getAttribute('id')).slice('exec-'.length, -'-title'.length);
  const todo = await column(page, 'todo');
  // New items go to "To do", after the example's action-plan tasks.
  assert.deepEqual(todo.slice(-2), ['Compress hero images', 'Fix the checkout form']);

  // Keyboard: focus the card's "move right" button and press Enter: "To do" → "Doing".
  await page.locator(`#card-item-${first}-right`).focus();
  await page.keyboard.press('Enter');
  await page.locator('#board-col-doing .board-card-title', { hasText: 'Compress hero images' }).waitFor();
  assert.ok(!(await column(page, 'todo')).includes('Compress hero images'));
  // The focus stays on the card's move button in its new column, so a second Enter goes on.
  await untilFocused(page, `card-item-${first}-right`);
  await page.keyboard.press('Enter');
  await page.locator('#board-col-blocked .board-card-title', { hasText: 'Compress hero images' }).waitFor();
  // The screen reader hears where it went.
  await page.locator('.notice', { hasText: 'Compress hero images moved to Blocked.' }).waitFor();

  // Mouse: drag the second item from "To do" onto the "Done" column.
  // The website's cards only, so both ends of each drag are on screen: the two items and the
  // example's task "Speed up the product X page on phones" (channel Website).
  await page.locator('#board-filter-ws').selectOption('website');
  await page.locator('#board-count', { hasText: '3 cards shown' }).waitFor();
  await drag(page, `#card-item-${second}`, '#board-col-done');
  await page.locator('#board-col-done .board-card-title', { hasText: 'Fix the checkout form' }).waitFor();
  assert.equal(await page.locator(`#exec-${second}-done`).isChecked(), true);
  // Drag the blocked one onto the upper half of the done card: it lands in "Done", above it.
  await drag(page, `#card-item-${first}`, `#card-item-${second}`, 'upper');
  await page.waitForFunction(() => document.querySelectorAll('#board-col-blocked .board-card').length === 0);
  const done = await column(page, 'done');
  assert.ok(done.indexOf('Compress hero images') < done.indexOf('Fix the checkout form'), done.join(' | '));
  // Keyboard down: the order within the column changes back.
  await page.locator(`#card-item-${first}-down`).click();
  await page.waitForFunction(([a, b]) => {
    const titles = [...document.querySelectorAll('#board-col-done .board-card-title')].map((e) => e.textContent);
    return titles.indexOf(a) > titles.indexOf(b);
  }, ['Compress hero images', 'Fix the checkout form']);
  // The website checklist's roll-up: 2 of 2 done (100%).
  await page.locator('#ws-website-progress', { hasText: '2 of 2 done' }).waitFor();

  // Filters: the owner "Sari" shows her one card; "my tasks" with her name does the same (the
  // example's "Sari (Web)" is another name).
  await page.locator('#board-filter-owner').selectOption('Sari');
  await page.locator('#board-count', { hasText: '1 cards shown' }).waitFor();
  await page.locator('#board-filter-owner').selectOption('');
  await page.locator('#board-mine').check();
  await page.locator('#board-me-hint').waitFor();
  await page.locator('#board-me').fill('sari');
  await page.locator('#board-me').press('Tab');
  await page.locator('#board-count', { hasText: '1 cards shown' }).waitFor();
  assert.deepEqual(await column(page, 'done'), ['Compress hero images']);
  await page.locator('#board-mine').uncheck();
  // Without filters: the example's 6 action-plan tasks and the 2 items.
  await page.locator('#board-filter-ws').selectOption('');
  await page.locator('#board-count', { hasText: '8 cards shown' }).waitFor();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/board-desktop.png`, fullPage: true });

  // After a reload the columns are as left, and the name is remembered on this device.
  await page.reload();
  await appReady(page);
  await page.locator('#board-col-done .board-card-title', { hasText: 'Compress hero images' }).waitFor();
  assert.equal(await page.locator('#board-me').inputValue(), 'sari');
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('on a phone a card is dragged with a finger', async () => {
  const ctx = await app.browser.newContext({ locale: 'id-ID', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const { page, problems } = await openPage(app.browser, { context: ctx });
  await page.goto(app.server.url);
  await appReady(page);
  await page.getByRole('button', { name: 'Rencana baru dari contoh' }).click();
  await page.waitForURL(/#\/plan\/[a-z0-9]+$/);
  const planId = /#\/plan\/([a-z0-9]+)$/.exec(page.url())[1];
  await goStep(page, planId, 'board');
  await page.locator('#ws-email-add').click();
  const title = page.locator('[id^="exec-"][id$="-title"]').last();
  await title.fill('Uji email sambutan');
  await title.press('Tab');
  const id = (await title.getAttribute('id')).slice('exec-'.length, -'-title'.length);
  // On a phone the columns stack; the "Sedang dikerjakan" column is below "Belum mulai".
  const handle = page.locator(`#card-item-${id} .drag-handle`);
  await handle.scrollIntoViewIfNeeded();
  const a = await handle.boundingBox();
  const target = await page.locator('#board-col-doing h3').boundingBox();
  assert.ok(target.y > a.y, 'columns stack on a phone');
  // A finger press, move and lift, as Chromium's touch input sends it (pointer events follow).
  const cdp = await ctx.newCDPSession(page);
  const point = (x, y) => [{ x, y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(a.x + a.width / 2, a.y + a.height / 2) });
  for (let i = 1; i <= 8; i++) {
    const y = a.y + a.height / 2 + ((target.y + target.height / 2 - a.y - a.height / 2) * i) / 8;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(target.x + 40, y) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.locator('#board-col-doing .board-card-title', { hasText: 'Uji email sambutan' }).waitFor();
  // Nothing scrolls sideways on the phone.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/board-phone.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('the order of KPIs changes by keyboard and by dragging, and stays after a reload', async () => {
  const { ctx, page, problems } = await openPage(app.browser, { locale: 'en-US' });
  await page.setViewportSize({ width: 1280, height: 2400 });
  const planId = await newExamplePlan(page);
  await goStep(page, planId, 'kpis');
  const names = () => page.locator('.cards article.card h2').allTextContents();
  const before = await names();
  assert.ok(before.length >= 3, before.join(' | '));
  // Move the second KPI up with its button: it becomes the first.
  const second = page.locator('.cards .reorder-row').nth(1);
  const key = await second.getAttribute('data-drag-key');
  await page.locator(`#kpi-${key}-up`).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((first) => document.querySelector('.cards article.card h2')?.textContent === first, before[1]);
  await untilFocused(page, `kpi-${key}-up`);
  // The first one cannot go further up: the list stays as it is.
  await page.keyboard.press('Enter');
  assert.deepEqual((await names()).slice(0, 2), [before[1], before[0]]);
  // Drag the (now) first KPI below the third.
  const third = await page.locator('.cards .reorder-row').nth(2).getAttribute('data-drag-key');
  await drag(page, `.reorder-row[data-drag-key="${key}"]`, `.reorder-row[data-drag-key="${third}"]`, 'lower');
  await page.waitForFunction((n) => document.querySelectorAll('.cards article.card h2')[2]?.textContent === n, before[1]);
  assert.deepEqual((await names()).slice(0, 3), [before[0], before[2], before[1]]);
  await page.reload();
  await appReady(page);
  await page.locator('.cards article.card h2').first().waitFor();
  assert.deepEqual((await names()).slice(0, 3), [before[0], before[2], before[1]]);
  assert.deepEqual(problems, []);
  await ctx.close();
});
