// Plans that last: create, autosave, reload, rename, duplicate, delete and restore, export and
// import (file picker and drag and drop), conflicts, and bad files that change nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, appReady } from './harness.mjs';

const app = useApp();

async function freshApp(locale = 'en-US') {
  const opened = await openPage(app.browser, { locale });
  await opened.page.goto(app.server.url);
  await appReady(opened.page);
  return opened;
}

/** Every Alur key in localStorage with its exact text. */
function storageSnapshot(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith('alur:')) out[k] = localStorage.getItem(k);
    }
    return out;
  });
}

async function downloadText(page, click) {
  const wait = page.waitForEvent('download');
  await click();
  const download = await wait;
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

/** Waits until the stored plan `id` has the name `name` (the autosave has run). */
function waitForStoredName(page, id, name) {
  return page.waitForFunction(
    ([id, name]) => JSON.parse(localStorage.getItem(`alur:plan:${id}`) || '{}').name === name,
    [id, name],
  );
}

async function createBlankPlan(page) {
  await page.getByRole('button', { name: 'New blank plan' }).click();
  await page.waitForURL(/#\/plan\/[a-z0-9]+$/);
  return /#\/plan\/([a-z0-9]+)$/.exec(page.url())[1];
}

test('a new plan is autosaved shortly after an edit and is still there after reload', async () => {
  const { ctx, page, problems } = await freshApp();
  const id = await createBlankPlan(page);
  const name = page.getByLabel('Plan name');
  // The header's save status is one live region for the whole session: typing changes its
  // text, and never takes its role or its buttons' names off and puts them back (which it did
  // on every keystroke, rebuilding the status from the whole plan).
  await page.evaluate(() => {
    window.__statusChurn = [];
    new MutationObserver((list) => {
      for (const m of list) window.__statusChurn.push(m.attributeName);
    }).observe(document.querySelector('.save-status'), {
      subtree: true,
      attributes: true,
      attributeFilter: ['role', 'aria-live', 'title', 'aria-keyshortcuts'],
    });
  });
  await name.fill('Ramadan Sale 2027');
  await name.pressSequentially(' 🚀', { delay: 30 });
  // Saved a moment later, not synchronously on the keystroke.
  await page.getByText('Saving…').waitFor();
  await waitForStoredName(page, id, 'Ramadan Sale 2027 🚀');
  await page.getByText('Saved in this browser').waitFor();
  assert.equal(await page.locator('.save-status [role="status"]').textContent(), 'Saved in this browser');
  assert.deepEqual(await page.evaluate(() => window.__statusChurn), []);
  const stored = JSON.parse(await page.evaluate((id) => localStorage.getItem(`alur:plan:${id}`), id));
  assert.equal(stored.name, 'Ramadan Sale 2027 🚀');
  assert.equal(stored.schema_version, 2);
  await page.reload();
  await appReady(page);
  assert.equal(await page.locator('main h1').textContent(), 'Ramadan Sale 2027 🚀');
  await page.getByRole('link', { name: 'My plans' }).click();
  await page.getByRole('link', { name: 'Ramadan Sale 2027 🚀' }).waitFor();
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('rename, duplicate, delete with confirmation, undo, and restore from Recently deleted', async () => {
  const { ctx, page } = await freshApp();
  await createBlankPlan(page);
  await page.getByRole('link', { name: 'My plans' }).click();
  const row = page.locator('tr', { hasText: 'Untitled plan' });
  await row.getByRole('button', { name: /Rename|New name/ }).click();
  const input = page.getByLabel('New name for Untitled plan');
  await input.fill('Launch X');
  await input.press('Enter');
  await page.getByRole('link', { name: 'Launch X', exact: true }).waitFor();

  await page.locator('tr', { hasText: 'Launch X' }).getByRole('button', { name: 'Duplicate' }).click();
  await page.getByRole('link', { name: 'Launch X (copy)' }).waitFor();

  const copyRow = page.locator('tr', { hasText: 'Launch X (copy)' });
  await copyRow.getByRole('button', { name: 'Delete' }).click();
  await copyRow.getByRole('button', { name: 'Yes, delete' }).click();
  await page.getByRole('status').filter({ hasText: 'Plan “Launch X (copy)” deleted.' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Launch X (copy)' }).count(), 0);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('link', { name: 'Launch X (copy)' }).waitFor();

  await page.locator('tr', { hasText: 'Launch X (copy)' }).getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  const trash = page.locator('section.trash');
  await trash.getByText('Launch X (copy)').waitFor();
  await page.reload();
  await appReady(page);
  await trash.getByRole('button', { name: 'Restore' }).click();
  await page.getByRole('link', { name: 'Launch X (copy)' }).waitFor();
  assert.equal(await trash.count(), 0);
  await ctx.close();
});

test('export, delete, import gives back the identical plan', async () => {
  const { ctx, page } = await freshApp();
  await page.getByRole('button', { name: 'New plan from the example' }).click();
  await page.waitForURL(/#\/plan\/[a-z0-9]+$/);
  const exported = await downloadText(page, () => page.getByRole('button', { name: 'Export plan (.json)' }).first().click());
  assert.match(exported.name, /^[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.alur\.json$/);
  const file = JSON.parse(exported.text);
  assert.equal(file.schema_version, 2);
  assert.ok(file.app_version);
  assert.ok(file.exported_at);
  assert.ok(exported.text.includes('\n  '), 'pretty-printed');
  assert.ok(file.plan.kpis.length > 0 && file.plan.tasks.length > 0, 'the example has content');

  await page.getByRole('link', { name: 'My plans' }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await page.getByText('No plans yet').waitFor();

  await page.setInputFiles('#import-file', { name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
  await page.getByRole('status').filter({ hasText: `imported from ${exported.name}` }).waitFor();
  const stored = JSON.parse(await page.evaluate((id) => localStorage.getItem(`alur:plan:${id}`), file.plan.id));
  assert.deepEqual(stored, file.plan);
  await ctx.close();
});

test('a broken file shows what is wrong and leaves every stored byte unchanged', async () => {
  const { ctx, page } = await freshApp();
  await createBlankPlan(page);
  await page.getByRole('link', { name: 'My plans' }).click();
  await page.getByText('Saved in this browser').waitFor();
  const before = await storageSnapshot(page);

  await page.setInputFiles('#import-file', { name: 'broken.alur.json', mimeType: 'application/json', buffer: Buffer.from('{"schema_version": 1, "plan": {') });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const message = await alert.textContent();
  assert.match(message, /broken\.alur\.json/);
  assert.match(message, /line 1/);
  assert.deepEqual(await storageSnapshot(page), before);

  await page.setInputFiles('#import-file', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await page.getByRole('alert').filter({ hasText: 'notes.txt' }).waitFor();
  assert.deepEqual(await storageSnapshot(page), before);
  await ctx.close();
});

test('importing a plan that exists asks: replace (old kept) or import as a copy', async () => {
  const { ctx, page } = await freshApp();
  const id = await createBlankPlan(page);
  await page.getByLabel('Plan name').fill('Original');
  await waitForStoredName(page, id, 'Original');
  const exported = await downloadText(page, () => page.getByRole('button', { name: 'Export plan (.json)' }).first().click());
  await page.getByLabel('Plan name').fill('Edited after export');
  await waitForStoredName(page, id, 'Edited after export');
  await page.getByRole('link', { name: 'My plans' }).click();

  const upload = { name: 'original.alur.json', mimeType: 'application/json', buffer: Buffer.from(exported.text) };
  await page.setInputFiles('#import-file', upload);
  const dialog = page.getByRole('alertdialog');
  await dialog.getByText('already in this browser').waitFor();
  await dialog.getByRole('button', { name: 'Import as a copy' }).click();
  await page.getByRole('link', { name: 'Original (copy)' }).waitFor();
  await page.getByRole('link', { name: 'Edited after export' }).waitFor();

  await page.setInputFiles('#import-file', upload);
  await page.getByRole('alertdialog').getByRole('button', { name: /Replace it/ }).click();
  await page.getByRole('link', { name: 'Original', exact: true }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Edited after export' }).count(), 0);
  // The replaced version is restorable.
  await page.locator('section.trash').getByText('Edited after export').waitFor();
  const stored = JSON.parse(await page.evaluate((id) => localStorage.getItem(`alur:plan:${id}`), id));
  assert.equal(stored.name, 'Original');
  await ctx.close();
});

test('a plan file dropped on the page is imported', async () => {
  const { ctx, page } = await freshApp();
  const plan = {
    format: 'alur-plan',
    schema_version: 1,
    app_version: '0.1.0',
    exported_at: '2026-11-28T00:00:00Z',
    plan: { schema_version: 1, id: 'dropped-1', name: 'Dropped plan <b>bold</b>' },
  };
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.alur.json', { type: 'application/json' }));
    document.querySelector('.plans-page').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, JSON.stringify(plan));
  // HTML in a name is shown as text, never interpreted.
  await page.getByRole('link', { name: 'Dropped plan <b>bold</b>' }).waitFor();
  assert.equal(await page.locator('.plans-table b').count(), 0);
  await ctx.close();
});

test('a corrupt saved plan does not stop the app: the others load and the damaged data is kept for download', async () => {
  const { ctx, page, problems } = await openPage(app.browser);
  await page.goto(app.server.url);
  await appReady(page);
  const good = { schema_version: 1, id: 'good1', name: 'Healthy plan' };
  const garbage = '{"schema_version": 1, "id": "bad1", "name": "Broken", "kpis": [tru';
  await page.evaluate(([good, garbage]) => {
    localStorage.setItem('alur:plan:good1', JSON.stringify(good));
    localStorage.setItem('alur:plan:bad1', garbage);
    localStorage.setItem('alur:index', 'not json');
  }, [good, garbage]);
  await page.reload();
  await appReady(page);
  await page.getByRole('link', { name: 'Healthy plan' }).waitFor();
  const recovery = page.locator('section.recovery');
  await recovery.getByText('alur:damaged:plan:bad1').waitFor();
  const saved = await downloadText(page, () => recovery.getByRole('button', { name: /Download/ }).click());
  assert.equal(saved.text, garbage);
  // The damaged bytes were moved, not changed, and nothing else was lost.
  assert.equal(await page.evaluate(() => localStorage.getItem('alur:damaged:plan:bad1')), garbage);
  assert.equal(await page.evaluate(() => localStorage.getItem('alur:plan:bad1')), null);
  await page.getByRole('link', { name: 'Healthy plan' }).click();
  await page.locator('main h1', { hasText: 'Healthy plan' }).waitFor();
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('when storage is full the user is told at once, the edit stays in memory for export, and the last save stays readable', async () => {
  const { ctx, page } = await freshApp();
  const other = await createBlankPlan(page);
  await page.getByRole('link', { name: 'My plans' }).click();
  const id = await createBlankPlan(page);
  await page.getByLabel('Plan name').fill('Before full');
  await waitForStoredName(page, id, 'Before full');
  // Fill the origin's quota with someone else's data.
  await page.evaluate(() => {
    let size = 1 << 20;
    let n = 0;
    while (size >= 16) {
      try {
        localStorage.setItem(`filler:${n++}`, 'x'.repeat(size));
      } catch {
        size >>= 1;
      }
    }
  });
  // Longer than before, so the write needs room the quota no longer has.
  const after = 'After full: a much longer name that needs more room than the saved one';
  await page.getByLabel('Plan name').fill(after);
  await page.getByText("Not saved: the browser's storage is full").waitFor();
  const stored = JSON.parse(await page.evaluate((id) => localStorage.getItem(`alur:plan:${id}`), id));
  assert.equal(stored.name, 'Before full');
  const exported = await downloadText(page, () => page.getByRole('button', { name: 'Export plan (.json)' }).first().click());
  assert.equal(JSON.parse(exported.text).plan.name, after);
  // Opening another plan now would drop the unsaved edit: the app keeps this one open.
  await page.goto(`${app.server.url}#/plan/${other}`);
  await page.getByRole('alert').filter({ hasText: 'are not saved because storage is full' }).waitFor();
  await page.locator('main h1', { hasText: after }).waitFor();
  // Room again: the next edit saves.
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('filler:')) localStorage.removeItem(k);
  });
  await page.getByLabel('Plan name').fill('After room');
  await waitForStoredName(page, id, 'After room');
  await page.getByText('Saved in this browser').waitFor();
  await ctx.close();
});

test('two tabs: an edit in one shows in the other, and edits made at the same time are never silently overwritten', async () => {
  const { ctx, a, b, id } = await twoTabs('');

  await a.getByLabel('Plan name').fill('From tab A');
  await waitForStoredName(a, id, 'From tab A');
  await b.locator('main h1', { hasText: 'From tab A' }).waitFor();

  // B saves while A still has an unsaved edit: A must ask, not overwrite.
  await b.getByLabel('Plan name').fill('From tab B');
  await a.getByLabel('Plan name').fill('A again');
  await waitForStoredName(b, id, 'From tab B');
  const dialog = a.getByRole('alertdialog', { name: 'This plan was changed in another tab' });
  await dialog.waitFor();
  await a.waitForTimeout(800); // well past the autosave delay: still nothing written by A
  assert.equal(JSON.parse(await a.evaluate((id) => localStorage.getItem(`alur:plan:${id}`), id)).name, 'From tab B');

  await dialog.getByRole('button', { name: 'Save mine as a copy' }).click();
  await a.locator('main h1', { hasText: 'From tab B' }).waitFor();
  await a.getByRole('link', { name: 'My plans' }).click();
  await a.getByRole('link', { name: 'A again (copy)' }).waitFor();
  await a.getByRole('link', { name: 'From tab B' }).waitFor();
  await ctx.close();
});

/** Two pages of one browser on the page `step` (`''`: the overview) of one new plan. */
async function twoTabs(step) {
  const ctx = await app.browser.newContext({ locale: 'en-US' });
  const a = (await openPage(app.browser, { context: ctx })).page;
  const b = (await openPage(app.browser, { context: ctx })).page;
  await a.goto(app.server.url);
  await appReady(a);
  const id = await createBlankPlan(a);
  const url = `${app.server.url}#/plan/${id}${step ? `/${step}` : ''}`;
  if (step) await a.goto(url);
  await b.goto(url);
  await appReady(b);
  return { ctx, a, b, id };
}

/** Two pages of one browser on the goal step of one new plan. */
async function twoTabsOnGoals() {
  const tabs = await twoTabs('goals');
  await tabs.b.locator('#goal-relevant').waitFor();
  return tabs;
}

/** The stored plan `id`, parsed. */
function storedPlan(page, id) {
  return page.evaluate((id) => JSON.parse(localStorage.getItem(`alur:plan:${id}`)), id);
}

/** Makes a page write its pending edit now, as leaving the window does. */
function saveNow(page) {
  return page.evaluate(() => dispatchEvent(new Event('blur')));
}

test('two tabs editing different fields of one plan: both edits are stored, nobody is asked', async () => {
  const { ctx, a, b, id } = await twoTabsOnGoals();
  // B's edit is still waiting for its autosave when A's lands (or the other way round): either
  // tab then finds the other's save and merges against the version both started from.
  await b.locator('#goal-relevant').fill('Ramadan brings 40% of yearly sales');
  await a.locator('#goal-specific').fill('Sell 500 batik tulis online');
  await saveNow(a);
  await a.waitForFunction((id) => {
    const p = JSON.parse(localStorage.getItem(`alur:plan:${id}`));
    return p.goal.specific && p.goal.relevant;
  }, id);
  const stored = await storedPlan(a, id);
  assert.equal(stored.goal.specific, 'Sell 500 batik tulis online');
  assert.equal(stored.goal.relevant, 'Ramadan brings 40% of yearly sales');
  // Each tab shows both edits, and neither asked anything.
  await a.waitForFunction(() => document.querySelector('#goal-relevant').value === 'Ramadan brings 40% of yearly sales');
  await b.waitForFunction(() => document.querySelector('#goal-specific').value === 'Sell 500 batik tulis online');
  for (const page of [a, b]) {
    assert.equal(await page.getByRole('alertdialog').count(), 0);
    await page.getByText('Saved in this browser').waitFor();
  }
  const merged = await a.getByText("The other tab's edits were merged with yours.").count()
    + await b.getByText("The other tab's edits were merged with yours.").count();
  assert.equal(merged, 1, 'the tab that merged says so, once');
  await ctx.close();
});

test('two tabs changing the same field: asked once, naming it; "use mine" keeps every other edit of both', async () => {
  const { ctx, a, b, id } = await twoTabsOnGoals();
  await b.locator('#goal-specific').fill('From B: batik for Ramadan');
  await b.locator('#goal-relevant').fill('B: peak season');
  await a.locator('#goal-relevant').fill('A: brand awareness');
  await a.locator('#goal-achievable').fill('A: last year we sold 400');
  await saveNow(a);
  await waitForStoredRelevant(a, id, 'A: brand awareness');
  const dialog = b.getByRole('alertdialog', { name: 'This plan was changed in another tab' });
  await dialog.waitFor();
  assert.match(await dialog.locator('#tab-conflict-fields').textContent(), /Both tabs changed: goal › relevant\./);
  // Nothing written by B while it asks.
  assert.equal((await storedPlan(b, id)).goal.specific, '');
  await dialog.getByRole('button', { name: 'Use mine for these' }).click();
  await waitForStoredRelevant(b, id, 'B: peak season');
  const stored = await storedPlan(b, id);
  assert.equal(stored.goal.specific, 'From B: batik for Ramadan');
  assert.equal(stored.goal.achievable, 'A: last year we sold 400', "A's other edit is kept");
  await a.waitForFunction(() => document.querySelector('#goal-relevant').value === 'B: peak season');
  await ctx.close();
});

test('a question between two tabs left open when the tab reloads: its edits are kept as a copy', async () => {
  const { ctx, a, b, id } = await twoTabsOnGoals();
  await b.locator('#goal-relevant').fill('B: unsaved words');
  await a.locator('#goal-relevant').fill('A: saved words');
  await saveNow(a);
  await b.getByRole('alertdialog', { name: 'This plan was changed in another tab' }).waitFor();
  await b.reload();
  await appReady(b);
  const plans = await b.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('alur:plan:')).map((k) => JSON.parse(localStorage.getItem(k))),
  );
  assert.equal(plans.length, 2);
  const copy = plans.find((p) => p.id !== id);
  assert.equal(copy.goal.relevant, 'B: unsaved words');
  assert.match(copy.name, /\(copy\)$/);
  assert.equal(plans.find((p) => p.id === id).goal.relevant, 'A: saved words');
  // After the reload the tab shows the stored plan, without a question.
  await b.waitForFunction(() => document.querySelector('#goal-relevant')?.value === 'A: saved words');
  assert.equal(await b.getByRole('alertdialog').count(), 0);
  await ctx.close();
});

/** Waits until the stored plan `id` has the goal's "relevant" text `text`. */
function waitForStoredRelevant(page, id, text) {
  return page.waitForFunction(
    ([id, text]) => JSON.parse(localStorage.getItem(`alur:plan:${id}`) || '{}').goal?.relevant === text,
    [id, text],
  );
}

test('with localStorage switched off the app starts, says nothing can be saved, and still works and exports', async () => {
  const ctx = await app.browser.newContext({ locale: 'en-US', acceptDownloads: true });
  // As in a browser whose policy blocks site data: reading window.localStorage throws.
  await ctx.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const { page, problems } = await openPage(app.browser, { context: ctx });
  await page.goto(app.server.url);
  await appReady(page);
  const banner = page.locator('#storage-off');
  assert.match(await banner.textContent(), /This browser does not let Alur save anything[\s\S]*export your plans to keep them/);
  const id = await createBlankPlan(page);
  await page.getByLabel('Plan name').fill('Kept in memory');
  await page.getByText('In this tab only (not saved)').waitFor();
  await page.goto(`${app.server.url}#/plan/${id}/goals`);
  await page.locator('#goal-specific').fill('Sell 500 batik tulis');
  await page.getByRole('link', { name: 'My plans' }).click();
  await page.getByRole('link', { name: 'Kept in memory' }).waitFor();
  await page.goto(`${app.server.url}#/plan/${id}`);
  const exported = await downloadText(page, () => page.getByRole('button', { name: 'Export plan (.json)' }).first().click());
  const file = JSON.parse(exported.text);
  assert.equal(file.plan.name, 'Kept in memory');
  assert.equal(file.plan.goal.specific, 'Sell 500 batik tulis');
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('undo and redo take edits back and forth, by button and with Ctrl+Z / Ctrl+Shift+Z, and the result is saved', async () => {
  const { ctx, page } = await freshApp();
  const id = await createBlankPlan(page);
  const name = page.getByLabel('Plan name');
  await name.fill('First name');
  await waitForStoredName(page, id, 'First name');
  await page.waitForTimeout(1100); // a separate undo step
  await name.fill('Second name');
  await waitForStoredName(page, id, 'Second name');

  await page.getByRole('button', { name: 'Undo change' }).click();
  assert.equal(await name.inputValue(), 'First name');
  await waitForStoredName(page, id, 'First name');
  await page.getByRole('button', { name: 'Redo change' }).click();
  assert.equal(await name.inputValue(), 'Second name');

  await name.focus();
  await page.keyboard.press('Control+z');
  await page.locator('main h1', { hasText: 'First name' }).waitFor();
  await page.keyboard.press('Control+Shift+z');
  await page.locator('main h1', { hasText: 'Second name' }).waitFor();
  await waitForStoredName(page, id, 'Second name');
  await ctx.close();
});

test('earlier versions of a plan are kept as backups and can be restored', async () => {
  const { ctx, page } = await freshApp();
  const id = await createBlankPlan(page);
  await page.getByLabel('Plan name').fill('Version two');
  await waitForStoredName(page, id, 'Version two');
  const versions = page.locator('section.versions');
  // A restore asks first; cancelling changes nothing.
  await versions.getByRole('button', { name: /Restore this version \(/ }).first().click();
  await versions.getByText(/Replace the plan's content with the version of .*\? You can undo this\./).waitFor();
  await versions.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await page.locator('main h1').textContent(), 'Version two');
  await versions.getByRole('button', { name: /Restore this version \(/ }).first().click();
  await versions.getByRole('button', { name: 'Yes, restore' }).click();
  await page.locator('main h1', { hasText: 'Untitled plan' }).waitFor();
  await waitForStoredName(page, id, 'Untitled plan');
  // The restore is one more edit: undo brings back the newer name.
  await page.getByRole('button', { name: 'Undo change' }).click();
  await page.locator('main h1', { hasText: 'Version two' }).waitFor();
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('alur:backup:')));
  assert.ok(backups.length >= 1);
  await ctx.close();
});

test('an approved plan restores no version until reopened; submitter and approver are two people; a resubmission is a new revision', async () => {
  const { ctx, page, problems } = await freshApp();
  const id = await createBlankPlan(page);
  await page.getByLabel('Plan name').fill('Approved launch');
  await waitForStoredName(page, id, 'Approved launch');
  await page.goto(`${app.server.url}#/plan/${id}/approval`);
  const who = page.locator('#approval-who');
  await who.fill('Dewi');
  await page.getByRole('button', { name: 'Submit for approval' }).click();
  // The approver's field starts empty: it asks for someone else's name.
  await page.locator('#approval-decision').waitFor();
  assert.equal(await who.inputValue(), '');
  // Management asks for changes; the resubmission is revision 2.
  await who.fill('Pak Budi');
  await page.locator('#approval-decision').selectOption('changes');
  await page.getByRole('button', { name: 'Record decision' }).click();
  await who.fill('Dewi');
  await page.getByRole('button', { name: 'Submit for approval' }).click();
  const rows = await page.locator('.approval-history tbody tr').allTextContents();
  assert.equal(rows.length, 3);
  // The history's revision column: 1, 1 (the decision stays with its revision), then 2.
  const revisionColumn = await page.locator('.approval-history thead th').allTextContents();
  const at = revisionColumn.findIndex((h) => h === 'Revision');
  assert.ok(at >= 0, `a Revision column in ${revisionColumn}`);
  const cells = await page.locator(`.approval-history tbody tr td:nth-child(${at + 1})`).allTextContents();
  assert.deepEqual(cells.map((c) => c.trim()), ['1', '1', '2']);

  // Approving one's own submission asks first; cancelling records nothing.
  await who.fill('dewi ');
  await page.locator('#approval-decision').selectOption('approved');
  await page.getByRole('button', { name: 'Record decision' }).click();
  await page.getByText('dewi submitted this revision. Approve your own submission anyway?').waitFor();
  await page.locator('#approval-own').getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await page.locator('.approval-history tbody tr').count(), 3);
  await page.getByRole('button', { name: 'Record decision' }).click();
  await page.locator('#approval-own').getByRole('button', { name: 'Yes, approve' }).click();
  await page.locator('[data-testid="fingerprint-status"]', { hasText: 'matches the approved version' }).waitFor();

  // The approved plan's earlier versions cannot be restored around the approval lock.
  await page.goto(`${app.server.url}#/plan/${id}`);
  const versions = page.locator('section.versions');
  await versions.locator('#versions-locked').waitFor();
  for (const button of await versions.getByRole('button', { name: /Restore this version \(/ }).all()) {
    assert.equal(await button.isDisabled(), true);
  }
  const stored = JSON.parse(await page.evaluate((id) => localStorage.getItem(`alur:plan:${id}`), id));
  assert.equal(stored.status, 'approved');
  assert.equal(stored.baseline_revision, 1);
  assert.deepEqual(problems, []);
  await ctx.close();
});
