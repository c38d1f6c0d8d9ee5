// Phase 1 as a marketing manager walks it: all ten planning steps, the goals step with the
// keyboard only, management approval, and an export that holds everything entered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, appReady } from './harness.mjs';

const app = useApp();

/** Presses Tab until the element with `id` has focus (fails after 300 presses). */
async function tabTo(page, id) {
  for (let i = 0; i < 300; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

/** The id of the item whose card was added last, from its field id `prefix-<id>-suffix`. */
async function lastItemId(page, prefix, suffix) {
  const ids = await page.locator(`[id^="${prefix}-"][id$="-${suffix}"]`).evaluateAll((els) => els.map((e) => e.id));
  const last = ids.at(-1);
  return last.slice(prefix.length + 1, last.length - suffix.length - 1);
}

/** Clicks an add button, waits for focus to move to the new note, and types into it. */
async function addNote(page, addId, text) {
  const before = await page.evaluate(() => document.activeElement?.id);
  await page.locator(`#${addId}`).click();
  await page.waitForFunction(
    (before) => document.activeElement?.tagName === 'TEXTAREA' && document.activeElement.id !== before,
    before,
  );
  await page.keyboard.type(text);
}

async function goStep(page, planId, slug) {
  await page.goto(`${app.server.url}#/plan/${planId}/${slug}`);
  await page.locator(`article.step[data-step="${slug}"]`).waitFor({ timeout: 5000 }).catch(async (e) => {
    await page.screenshot({ path: '/tmp/wizard-fail.png' });
    console.error('URL', page.url(), await page.locator('main').textContent());
    throw e;
  });
}

test('walks all ten planning steps, gets approval, and exports everything entered', async () => {
  const { ctx, page, problems } = await openPage(app.browser, { locale: 'en-US' });
  await page.goto(app.server.url);
  await appReady(page);
  await page.getByRole('button', { name: 'New blank plan' }).click();
  await page.waitForURL(/#\/plan\/[a-z0-9]+$/);
  const planId = /#\/plan\/([a-z0-9]+)$/.exec(page.url())[1];
  await page.getByLabel('Plan name').fill('Kopi Nusantara launch');
  await page.locator('[data-testid="plan-score"]').filter({ hasText: '0 of 10 planning steps complete' }).waitFor();

  // 1. Goals, keyboard only: skip link, then Tab from field to field.
  await goStep(page, planId, 'goals');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter'); // the skip link moves focus to the page
  await tabTo(page, 'goal-objective');
  await page.keyboard.press('End'); // the last objective: engagement… then back to sales
  await page.keyboard.press('ArrowUp');
  await tabTo(page, 'goal-specific');
  await page.keyboard.type('Raise online sales of Kopi Nusantara beans to coffee lovers in Jakarta');
  await tabTo(page, 'goal-metric');
  await page.keyboard.type('Monthly online orders');
  await tabTo(page, 'goal-unit');
  await page.keyboard.type('orders');
  await tabTo(page, 'goal-baseline');
  await page.keyboard.type('1,000');
  await tabTo(page, 'goal-target');
  await page.keyboard.type('1,200');
  await tabTo(page, 'goal-achievable');
  await page.keyboard.type('A pilot raised orders by 8% last quarter');
  await tabTo(page, 'goal-relevant');
  await page.keyboard.type('Online sales carry the yearly growth target');
  await tabTo(page, 'goal-start');
  await page.keyboard.type('01052027');
  await tabTo(page, 'goal-end');
  await page.keyboard.type('07052027');
  await page.keyboard.press('Tab');
  await page.locator('#smart-time-bound.met').waitFor();
  for (const letter of ['specific', 'measurable', 'achievable', 'relevant', 'time-bound']) {
    assert.equal(await page.locator(`#smart-${letter}.met`).count(), 1, `SMART ${letter} met`);
  }
  assert.match(await page.locator('#goal-sentence').textContent(), /20%/);
  await page.getByText('✓ This step is complete.').waitFor();

  // 2. Market situation.
  await goStep(page, planId, 'market');
  // "Add" puts the cursor in the new note, so typing goes straight into it.
  await addNote(page, 'market-trends-add', 'Specialty coffee subscriptions are growing fast');
  await addNote(page, 'market-opportunities-add', 'Few local roasters sell online with same-day delivery');
  await addNote(page, 'market-challenges-add', 'Big chains advertise heavily on Instagram');

  // 3. Competitors.
  await goStep(page, planId, 'competitors');
  await page.locator('#competitors-add').click();
  const comp = await lastItemId(page, 'competitor', 'name');
  await page.locator(`#competitor-${comp}-name`).fill('Kopi Kenangan');
  await page.locator(`#competitor-${comp}-website`).fill('kopikenangan.com');
  await page.locator(`#competitor-${comp}-channels-instagram`).check();
  await page.locator(`#competitor-${comp}-strengths`).fill('Huge store network');
  await page.locator(`#competitor-${comp}-weaknesses`).fill('No bean subscriptions');
  await page.locator('#competitors-compare').click();
  await page.locator('table#competitor-comparison').getByText('Kopi Kenangan').waitFor();

  // 4. Target market.
  await goStep(page, planId, 'audience');
  await page.locator('#personas-add').click();
  const persona = await lastItemId(page, 'persona', 'name');
  await page.locator(`#persona-${persona}-name`).fill('Office worker Rina');
  await page.locator(`#persona-${persona}-demographics`).fill('28, Jakarta, office worker');
  await page.locator(`#persona-${persona}-needs`).fill('Good beans delivered before the weekend');

  // 5. Market gaps, linked to their evidence.
  await goStep(page, planId, 'gaps');
  await page.locator('#gaps-add').click();
  const gap = await lastItemId(page, 'gap', 'description');
  await page.locator(`#gap-${gap}-description`).fill('Same-day bean delivery with a subscription');
  await page.locator(`#gap-${gap}-evidence-${comp}`).check();
  await page.locator(`#gap-${gap}-evidence-${persona}`).check();

  // 6. Digital strategy.
  await goStep(page, planId, 'strategy');
  await page.locator('#strategy-new-channel').selectOption({ label: 'Instagram' });
  await page.locator('#strategy-add').click();
  const channel = await lastItemId(page, 'channel', 'card');
  await page.locator(`#channel-${channel}-rationale`).fill('Rina discovers coffee on Instagram');
  await page.locator(`#channel-${channel}-gap-${gap}`).check();
  await page.locator(`#channel-${channel}-persona-${persona}`).check();
  // Each box sits just before its label (a box stretched over the column's width put it far
  // from its words on a desktop). Measured: the gap between the box's right edge and the
  // label's left edge, and the box's own width, in CSS pixels.
  const layout = await page.evaluate((id) => {
    const box = document.getElementById(id).getBoundingClientRect();
    const label = document.querySelector(`label[for="${id}"]`).getBoundingClientRect();
    return { width: box.width, gap: label.left - box.right };
  }, `channel-${channel}-gap-${gap}`);
  assert.ok(layout.width < 30, `the checkbox is ${layout.width}px wide`);
  assert.ok(layout.gap >= 0 && layout.gap < 16, `the label starts ${layout.gap}px after its checkbox`);
  await page.locator(`#channel-${channel}-tactics`).fill('Reels with baristas, shop tags');
  // The channel just added is offered no more; typing on the page leaves the offer as it is.
  const instagram = page.locator('#strategy-new-channel option', { hasText: 'Instagram' });
  assert.equal(await instagram.textContent(), 'Instagram (already chosen)');
  assert.equal(await instagram.isDisabled(), true);

  // 7. KPIs from the library.
  await goStep(page, planId, 'kpis');
  await page.locator('#kpi-library').selectOption({ label: 'Conversion rate' });
  await page.locator('#kpi-add-library').click();
  const kpi = await lastItemId(page, 'kpi', 'card');
  await page.locator(`#kpi-${kpi}-baseline`).fill('1.5');
  await page.locator(`#kpi-${kpi}-target`).fill('2.5');
  await page.locator(`#kpi-${kpi}-deadline`).fill('2027-07-05');

  // 8. Budget, typed with English separators.
  await goStep(page, planId, 'budget');
  await page.locator('#budget-total').fill('150,000,000');
  await page.locator('#budget-add').click();
  const alloc = await lastItemId(page, 'alloc', 'card');
  await page.locator(`#alloc-${alloc}-amount`).fill('150,000,000');
  await page.locator(`#alloc-${alloc}-return`).fill('450,000,000');
  await page.locator('#budget-balance').getByText(/allocated/).waitFor();
  // The allocation chart draws what was typed, and follows the next edit.
  const allocation = page.locator('#chart-allocation');
  await allocation.locator('svg').waitFor({ state: 'attached' });
  assert.match(await allocation.locator('figcaption').textContent(), /Instagram, 100(\.0)?% of Rp 150,000,000/);
  await page.locator(`#alloc-${alloc}-amount`).fill('75,000,000');
  // Shares are of the Rp 150,000,000 total (the other half is unallocated), as in the form.
  await allocation.locator('figcaption').getByText(/Instagram, 50(\.0)?% of Rp 150,000,000/).waitFor();
  await page.locator(`#alloc-${alloc}-amount`).fill('150,000,000');

  // 9. Action plan. (Leaving the budget with the cursor still in a number field must not
  // crash: the browser fires blur after the field's signals are gone.)
  await goStep(page, planId, 'actions');
  await page.locator('#task-add').click();
  const task = await lastItemId(page, 'task', 'card');
  await page.locator(`#task-${task}-title`).fill('Shoot the first Reels');
  await page.locator(`#task-${task}-owner`).fill('Dimas');
  await page.locator(`#task-${task}-start`).fill('2027-01-10');
  await page.locator(`#task-${task}-end`).fill('2027-01-24');
  await page.locator('#timeline').getByRole('button', { name: /Shoot the first Reels/ }).waitFor();
  // A second task: typing its title draws its own timeline row again and no other (the rows are
  // a keyed list; every row was drawn again on each keystroke before): the first task's row is
  // the same DOM node before and after.
  await page.locator('#task-add').click();
  const second = await lastItemId(page, 'task', 'card');
  await page.locator('#timeline li.gantt-row').nth(1).waitFor();
  await page.evaluate(() => document.querySelectorAll('#timeline li.gantt-row').forEach((li, i) => (li.__mark = i)));
  await page.locator(`#task-${second}-title`).pressSequentially('Edit the Reels');
  await page.locator('#timeline li.gantt-row', { hasText: 'Edit the Reels' }).waitFor();
  const marks = await page.evaluate(() => [...document.querySelectorAll('#timeline li.gantt-row')].map((li) => li.__mark ?? null));
  assert.deepEqual(marks, [0, null], 'the first row was drawn again, or the second was not');
  await page.locator(`#task-${second}-owner`).fill('Dimas');
  await page.locator(`#task-${second}-start`).fill('2027-01-25');
  await page.locator(`#task-${second}-end`).fill('2027-01-31');
  await page.locator('#timeline').getByRole('button', { name: /Edit the Reels/ }).waitFor();

  // Every planning step but approval is complete now.
  await page.goto(`${app.server.url}#/plan/${planId}`);
  await page.locator('[data-testid="plan-score"]').filter({ hasText: '9 of 10 planning steps complete' }).waitFor();

  // 10. Management approval: submit, then record the decision.
  await goStep(page, planId, 'approval');
  await page.locator('#approval-who').fill('Sari');
  await page.getByRole('button', { name: 'Submit for approval' }).click();
  await page.locator('#approval-who').fill('Pak Budi');
  await page.locator('#approval-decision').selectOption('approved');
  await page.locator('#approval-comment').fill('Go ahead');
  await page.getByRole('button', { name: 'Record decision' }).click();
  await page.locator('[data-testid="fingerprint-status"]', { hasText: 'matches the approved version' }).waitFor();

  // The approved plan is the baseline: planning steps are read-only until reopened.
  await goStep(page, planId, 'goals');
  assert.equal(await page.locator('#goal-specific').isDisabled(), true);
  assert.equal(await page.locator('#goal-specific').isEditable(), false);
  await page.getByText('This plan is approved and locked as the baseline').waitFor();
  await page.goto(`${app.server.url}#/plan/${planId}`);
  await page.locator('[data-testid="plan-score"]').filter({ hasText: '10 of 10 planning steps complete' }).waitFor();

  // The exported file holds everything entered.
  const wait = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export plan (.json)' }).first().click();
  const chunks = [];
  for await (const c of await (await wait).createReadStream()) chunks.push(c);
  const plan = JSON.parse(Buffer.concat(chunks).toString('utf8')).plan;
  assert.equal(plan.name, 'Kopi Nusantara launch');
  assert.equal(plan.status, 'approved');
  assert.equal(plan.goal.objective, 'sales');
  assert.equal(plan.goal.metric, 'Monthly online orders');
  assert.equal(plan.goal.baseline, 1000);
  assert.equal(plan.goal.target, 1200);
  assert.equal(plan.goal.start, '2027-01-05');
  assert.equal(plan.goal.end, '2027-07-05');
  assert.equal(plan.market.trends[0].text, 'Specialty coffee subscriptions are growing fast');
  assert.equal(plan.market.opportunities.length, 1);
  assert.equal(plan.market.challenges.length, 1);
  assert.equal(plan.competitors[0].name, 'Kopi Kenangan');
  assert.deepEqual(plan.competitors[0].channels, ['instagram']);
  assert.equal(plan.personas[0].name, 'Office worker Rina');
  assert.deepEqual(plan.gaps[0].evidence.sort(), [comp, persona].sort());
  assert.equal(plan.channels[0].channel, 'instagram');
  assert.deepEqual(plan.channels[0].gaps, [gap]);
  assert.equal(plan.kpis[0].metric, 'conversion_rate');
  assert.equal(plan.kpis[0].target, 2.5);
  assert.equal(plan.budget.total, 150000000);
  assert.equal(plan.budget.allocations[0].amount, 150000000);
  assert.equal(plan.budget.allocations[0].expected_return, 450000000);
  assert.equal(plan.tasks[0].owner, 'Dimas');
  assert.equal(plan.tasks[0].end, '2027-01-24');
  assert.deepEqual(plan.approvals.map((a) => a.decision), ['submitted', 'approved']);
  assert.equal(plan.approvals[1].by, 'Pak Budi');
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('money fields: another currency is refused with a message, and a currency change re-rounds the amounts', async () => {
  const { ctx, page, problems } = await openPage(app.browser, { locale: 'en-US' });
  await page.goto(app.server.url);
  await appReady(page);
  await page.getByRole('button', { name: 'New blank plan' }).click();
  await page.waitForURL(/#\/plan\/[a-z0-9]+$/);
  const planId = /#\/plan\/([a-z0-9]+)$/.exec(page.url())[1];
  const stored = () => page.evaluate((id) => JSON.parse(localStorage.getItem(`alur:plan:${id}`)), planId);
  await goStep(page, planId, 'budget');
  await page.locator('#budget-total').fill('1,000,000');
  await page.waitForFunction((id) => JSON.parse(localStorage.getItem(`alur:plan:${id}`)).budget.total === 1000000, planId);
  // Dollars typed into a rupiah field: refused, named, and the plan keeps Rp 1,000,000.
  await page.locator('#budget-total').fill('US$100');
  const error = page.locator('#budget-total-error');
  await error.waitFor();
  assert.equal((await error.textContent()).trim(), '“US$100” is written in USD, but this field is in IDR.');
  assert.equal(await page.locator('#budget-total').getAttribute('aria-invalid'), 'true');
  await page.waitForTimeout(800); // past the autosave: nothing of the refused text was stored
  assert.equal((await stored()).budget.total, 1000000);

  // Three allocations of 10.50 in dollars, then the plan switched to rupiah. By hand: each
  // 10.50 rounds to Rp 11 (halves away from zero), so the allocated sum shown is Rp 33, the
  // sum of what each row shows (it was Rp 32: the unrounded 31.50).
  const pickCurrency = async (code) => {
    const label = await page.locator('#budget-currency option').filter({ hasText: code }).first().textContent();
    await page.locator('#budget-currency').selectOption({ label });
  };
  await pickCurrency('USD');
  await page.locator('#budget-total').fill('31.50');
  for (let i = 0; i < 3; i++) {
    await page.locator('#budget-add').click();
    const alloc = await lastItemId(page, 'alloc', 'card');
    await page.locator(`#alloc-${alloc}-amount`).fill('10.50');
  }
  await page.locator('#budget-allocated').getByText('$31.50').waitFor();
  await pickCurrency('IDR');
  await page.locator('#budget-allocated').getByText('Rp 33').waitFor();
  const plan = await (async () => {
    await page.waitForFunction((id) => {
      const p = JSON.parse(localStorage.getItem(`alur:plan:${id}`));
      return p.currency === 'IDR' && p.budget.allocations.length === 3;
    }, planId);
    return stored();
  })();
  assert.deepEqual(plan.budget.allocations.map((a) => a.amount), [11, 11, 11]);
  assert.equal(plan.budget.total, 32);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('numbers done right, in Indonesian: "1.4" is read as 1,4 and said so, whole numbers show no decimals, shares and ROI add up, a new KPI is due at the campaign end', async () => {
  const { ctx, page, problems } = await openPage(app.browser, { locale: 'id-ID' });
  await page.goto(app.server.url);
  await appReady(page);
  await page.getByRole('button', { name: 'Rencana kosong baru' }).click();
  await page.waitForURL(/#\/plan\/[a-z0-9]+$/);
  const planId = /#\/plan\/([a-z0-9]+)$/.exec(page.url())[1];

  await goStep(page, planId, 'goals');
  await page.locator('#goal-end').fill('2027-03-31');
  // "1.4" with an English point: in Indonesian "." groups thousands, and "4" is no group of
  // three, so it can only mean 1,4. It is kept, and the field says how it was read.
  await page.locator('#goal-baseline').fill('1.4');
  await page.locator('#goal-baseline-note').getByText('Dibaca sebagai 1,4').waitFor();
  assert.equal(await page.locator('#goal-baseline').getAttribute('aria-invalid'), null);
  await page.locator('#goal-target').fill('1000');
  await page.locator('#goal-target').blur();
  // A whole number shows no decimals: "1.000", not "1.000,00".
  assert.equal(await page.locator('#goal-target').inputValue(), '1.000');
  await page.waitForTimeout(1200);
  await page.reload();
  await appReady(page);
  assert.equal(await page.locator('#goal-baseline').inputValue(), '1,4');

  // A KPI of one's own is due when the campaign ends.
  await goStep(page, planId, 'kpis');
  await page.locator('#kpi-add-custom').click();
  const kpi = await lastItemId(page, 'kpi', 'deadline');
  assert.equal(await page.locator(`#kpi-${kpi}-deadline`).inputValue(), '2027-03-31');

  // Budget: Rp 150.000.000, Instagram Rp 60.000.000 returning Rp 180.000.000 and SEM
  // Rp 75.000.000 with no expected return. Instagram's share is 60 ÷ 150 = 40 % in the form and
  // in the chart; Rp 15.000.000 is unallocated; the overall ROI, (180 − 60) ÷ 60 = 200 %,
  // says it covers one of the two allocations.
  await goStep(page, planId, 'budget');
  await page.locator('#budget-total').fill('150.000.000');
  await page.locator('#budget-add').click();
  const first = await lastItemId(page, 'alloc', 'amount');
  await page.locator(`#alloc-${first}-amount`).fill('60.000.000');
  await page.locator(`#alloc-${first}-return`).fill('180.000.000');
  await page.locator('#budget-add').click();
  const second = await lastItemId(page, 'alloc', 'amount');
  await page.locator(`#alloc-${second}-amount`).fill('75.000.000');
  await page.locator(`#alloc-${second}-amount`).blur();
  assert.equal(await page.locator(`#alloc-${first}-percent`).inputValue(), '40');
  assert.equal((await page.locator('#budget-roi').textContent()).trim(), '200,0%');
  assert.equal(
    (await page.locator('#budget-roi-cover').textContent()).trim(),
    'ROI keseluruhan dihitung dari 1 dari 2 alokasi (Rp 60.000.000); yang lain belum punya perkiraan hasil.',
  );
  // The chart draws the same shares, and what is left as a bar of its own.
  const chart = page.locator('#chart-allocation svg');
  await chart.waitFor({ state: 'attached' });
  const labels = await chart.locator('text').allTextContents();
  for (const label of ['40,0% · Rp 60.000.000', '50,0% · Rp 75.000.000', '10,0% · Rp 15.000.000', 'Belum dialokasikan']) {
    assert.ok(labels.some((l) => l.trim() === label), `${label} in ${labels.join(' | ')}`);
  }
  assert.deepEqual(problems, []);
  await ctx.close();
});
