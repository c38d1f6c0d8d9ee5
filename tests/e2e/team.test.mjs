// Team plans (#22) end to end: the real sync server (sync-server/server.mjs, Hocuspocus) started
// and stopped by this file, and browser contexts with storage of their own, one of them at the
// phone's size. Guards the walk: live edits of different steps merge; edits made offline
// (the same field too) merge on reconnect with exactly one value kept and the other in the
// history, from where one click restores it for the team; a server restart loses nothing; a
// fresh context opens the plan from the server alone; a bad token is refused; a viewer cannot
// write; two server instances sharing Redis converge.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join as joinPath, resolve } from 'node:path';
import { useApp, openPage, appReady, axeViolations } from './harness.mjs';

const app = useApp();
const SERVER = resolve(import.meta.dirname, '../../sync-server/server.mjs');
const HOSTILE = resolve(import.meta.dirname, '../../sync-server/tools/hostile-peer.mjs');
const TOKENS = {
  'tok-rina': { name: 'Rina', role: 'editor' },
  'tok-dimas': { name: 'Dimas', role: 'editor' },
  'tok-sari': { name: 'Sari', role: 'editor' },
  'tok-hendra': { name: 'Pak Hendra', role: 'viewer' },
};
const PHONE = { width: 390, height: 844 };

const processes = new Set();
const dirs = [];
after(() => {
  for (const p of processes) p.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function workspace() {
  const dir = mkdtempSync(joinPath(tmpdir(), 'alur-team-'));
  dirs.push(dir);
  writeFileSync(joinPath(dir, 'team.json'), JSON.stringify(TOKENS));
  return { data: joinPath(dir, 'data'), team: joinPath(dir, 'team.json') };
}

async function waitFor(what, check, ms = 30_000) {
  for (const end = Date.now() + ms; ; ) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** Starts the sync server (on `port`, or a free one) and resolves once it listens. */
async function startSync(ws, { port = 0, redis } = {}) {
  const argv = [SERVER, '--port', String(port), '--data', ws.data, '--team', ws.team];
  if (redis) argv.push('--redis', redis);
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  processes.add(child);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  child.exited = new Promise((r) => child.once('exit', r));
  const listening = await Promise.race([
    waitFor('the sync server', () => output.match(/listening on ws:\/\/127\.0\.0\.1:(\d+) /)?.[1]),
    child.exited.then((code) => {
      throw new Error(`sync server exited with ${code}:\n${output}`);
    }),
  ]);
  child.url = `ws://127.0.0.1:${listening}`;
  child.port = Number(listening);
  return child;
}

/** Stops it the way a service manager does (SIGTERM: it stores every document first). */
async function stopSync(child) {
  child.kill('SIGTERM');
  await child.exited;
  processes.delete(child);
}

/** The text of the header's team line. */
const teamLine = (page) => page.locator('#team-status').innerText();

async function until(page, pattern) {
  await waitFor(`"${pattern}" in the team line`, async () => pattern.test(await teamLine(page).catch(() => '')));
}

/** An invite link like `invite`, for another token or server (what a team's admin hands out). */
function inviteFor(invite, { token, server }) {
  const [base, payload] = invite.split('#/join/');
  const link = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  if (token) link.token = token;
  if (server) link.server = server;
  return `${base}#/join/${Buffer.from(JSON.stringify(link)).toString('base64url')}`;
}

/** A new plan named `name`, shared by Rina through `url`; resolves with its id and invite link. */
async function share(page, url, name) {
  await page.goto(app.server.url);
  await appReady(page);
  await page.getByRole('button', { name: 'New blank plan' }).click();
  await page.waitForURL(/#\/plan\/[a-z0-9]+$/);
  const id = /#\/plan\/([a-z0-9]+)$/.exec(page.url())[1];
  await page.getByLabel('Plan name').fill(name);
  await page.getByText('Saved in this browser').waitFor();
  await page.getByLabel('Sync server address').fill(url);
  await page.getByLabel('Your token from the server').fill('tok-rina');
  await page.getByRole('button', { name: 'Share with team' }).click();
  await until(page, /Synced with the team · You: Rina/);
  const invite = await page.locator('#team-invite').inputValue();
  assert.match(invite, /#\/join\/[A-Za-z0-9_-]+$/, 'the invite is in the fragment, never sent to a web server');
  const carried = JSON.parse(Buffer.from(invite.split('#/join/')[1], 'base64url').toString('utf8'));
  assert.deepEqual(Object.keys(carried).sort(), ['room', 'server'], "Rina's token is not in the invite she hands out");
  return { id, invite };
}

/** Follows an invite and joins (typing `token` when the link has none); resolves once the plan is open. */
async function join(page, invite, token) {
  await page.goto(invite);
  await appReady(page);
  if (token) await page.getByLabel('Your token from the server').fill(token);
  await page.getByRole('button', { name: 'Join and open the plan' }).click();
  await page.waitForURL(/#\/plan\/[a-z0-9]+$/);
  assert.doesNotMatch(page.url(), /join/, 'the token left the address bar');
}

async function goStep(page, id, slug) {
  await page.goto(`${app.server.url}#/plan/${id}/${slug}`);
  await page.locator(`article.step[data-step="${slug}"] .step-body > :not(.chunk-loading)`).first().waitFor();
}

async function goOverview(page, id) {
  await page.goto(`${app.server.url}#/plan/${id}`);
  await page.getByLabel('Plan name').waitFor();
}

const value = (page, selector) => page.locator(selector).inputValue();

async function sees(page, what, read, expected) {
  await waitFor(`${what} = ${JSON.stringify(expected)}`, async () => (await read()) === expected);
}

test('two people edit one plan live and offline, a restart loses nothing, a fresh browser opens it from the server', async () => {
  const ws = workspace();
  let sync = await startSync(ws);
  const rina = await openPage(app.browser);
  const dimas = await openPage(app.browser, { context: await app.browser.newContext({ locale: 'en-US', viewport: PHONE, isMobile: true }) });
  try {
    const { id, invite } = await share(rina.page, sync.url, 'Ramadan campaign');
    await join(dimas.page, inviteFor(invite, { token: 'tok-dimas' }));
    await sees(dimas.page, "Dimas's plan name", () => value(dimas.page, '#plan-name'), 'Ramadan campaign');
    await until(dimas.page, /Synced with the team · You: Dimas/);

    // Presence: each sees the other, and on which page.
    await until(rina.page, /Also on this plan: Dimas on Plan overview/);

    // Live: different steps at once.
    await goStep(rina.page, id, 'goals');
    await until(dimas.page, /Rina on Goals & targets/);
    await rina.page.locator('#goal-metric').fill('Grow Ramadan sales');
    await dimas.page.getByLabel('Plan name').fill('Ramadan campaign 2027');
    await goOverview(rina.page, id);
    await sees(rina.page, "Dimas's name at Rina's", () => value(rina.page, '#plan-name'), 'Ramadan campaign 2027');
    await goStep(dimas.page, id, 'goals');
    await sees(dimas.page, "Dimas's objective", () => value(dimas.page, '#goal-metric'), 'Grow Ramadan sales');

    // Offline: Dimas's browser loses the network; both edit, the plan name on both sides.
    await dimas.ctx.setOffline(true);
    await until(dimas.page, /Offline/);
    await dimas.page.locator('#goal-achievable').fill('Dimas: two promo waves');
    await dimas.page.locator('#goal-achievable').press('Tab');
    await goOverview(dimas.page, id);
    await dimas.page.getByLabel('Plan name').fill('Name by Dimas');
    await until(dimas.page, /Offline: [1-9]\d* changes waiting/);
    await goStep(rina.page, id, 'goals');
    await rina.page.locator('#goal-specific').fill('Rina: 500 orders from Instagram');
    await goOverview(rina.page, id);
    await rina.page.getByLabel('Plan name').fill('Name by Rina');
    await rina.page.getByText('Saved in this browser').waitFor();
    await until(rina.page, /Synced with the team/);

    // A closed tab loses nothing: Dimas's page goes and a new one opens (from the cache).
    await dimas.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    await dimas.page.getByText('Saved in this browser').waitFor();
    await dimas.page.close();
    dimas.page = await dimas.ctx.newPage();
    await dimas.page.goto(`${app.server.url}#/plan/${id}`);
    await appReady(dimas.page);
    await until(dimas.page, /Offline: [1-9]\d* changes waiting/);
    assert.equal(await value(dimas.page, '#plan-name'), 'Name by Dimas');

    await dimas.ctx.setOffline(false);
    await until(dimas.page, /Synced with the team/);
    // Exactly one name is kept, the same on both; the other is in the history, on both.
    await waitFor('the same name on both', async () => (await value(rina.page, '#plan-name')) === (await value(dimas.page, '#plan-name')));
    const kept = await value(rina.page, '#plan-name');
    assert.ok(['Name by Dimas', 'Name by Rina'].includes(kept), kept);
    const lost = kept === 'Name by Rina' ? 'Name by Dimas' : 'Name by Rina';
    for (const p of [rina.page, dimas.page]) {
      const who = p === rina.page ? 'Rina' : 'Dimas';
      await waitFor(`the lost name in ${who}'s history`, async () => (await p.locator('#team-history').innerText().catch(() => '')).includes(lost)).catch(async (e) => {
        const seen = await p.locator('#team').allInnerTexts().catch(() => []);
        throw new Error(`${e.message}; kept ${kept}; ${who} sees: ${JSON.stringify(seen)}`);
      });
      assert.match(await p.locator('#team-history').innerText(), new RegExp(`Plan name: “${lost}” by (Rina|Dimas) was replaced by “${kept}”`));
      // The shared overview (team line, presence, invite, history) has nothing axe finds.
      assert.deepEqual(await axeViolations(p), []);
    }
    // The lost name comes back with one click, from the history, for both of them: Rina
    // restores it whichever of the two wrote it, and Dimas's page shows it too.
    const restore = rina.page.locator('#team-history').getByRole('button', { name: `Restore “${lost}” to Plan name` });
    await restore.click();
    await rina.page.locator('.notice', { hasText: `Plan name is “${lost}” again; the team gets it like any other edit.` }).waitFor();
    // The button went with the value it restored; the keyboard focus is on the list, not lost.
    await waitFor('the focus on the history', async () => (await rina.page.evaluate(() => document.activeElement?.id)) === 'team-history');
    await sees(rina.page, 'the restored name at Rina', () => value(rina.page, '#plan-name'), lost);
    await sees(dimas.page, 'the restored name at Dimas', () => value(dimas.page, '#plan-name'), lost);
    // It is the plan's value again: neither page offers to restore it any more, and the
    // history still says what happened.
    for (const p of [rina.page, dimas.page]) {
      await waitFor('no restore button once restored', async () => (await p.locator('#team-history button').count()) === 0);
      assert.match(await p.locator('#team-history li').innerText(), /\(this value is in the plan again\)/);
      assert.match(await p.locator('#team-history').innerText(), new RegExp(`Plan name: “${lost}” by (Rina|Dimas) was replaced by “${kept}”`));
    }
    const name = lost;
    // Every other edit of both is there.
    await goStep(rina.page, id, 'goals');
    await sees(rina.page, "Dimas's offline edit at Rina's", () => value(rina.page, '#goal-achievable'), 'Dimas: two promo waves');
    await goStep(dimas.page, id, 'goals');
    await sees(dimas.page, "Rina's edit at Dimas's", () => value(dimas.page, '#goal-specific'), 'Rina: 500 orders from Instagram');

    // The server restarts (same port, same data): nothing is lost, and editing goes on.
    await stopSync(sync);
    await until(rina.page, /Offline/);
    sync = await startSync(ws, { port: sync.port });
    await until(rina.page, /Synced with the team/);
    await until(dimas.page, /Synced with the team/);
    await rina.page.locator('#goal-relevant').fill('After the restart');
    await sees(dimas.page, 'the edit after the restart', () => value(dimas.page, '#goal-relevant'), 'After the restart');

    // Undo works on a shared plan, and what it takes back is taken back for the team too.
    // (Edits less than a second apart undo as one step: COALESCE_MS in src/domain/history/undo.rs.)
    await new Promise((ok) => setTimeout(ok, 1_100));
    await rina.page.locator('#goal-relevant').fill('A typo');
    await sees(dimas.page, 'the typo at Dimas', () => value(dimas.page, '#goal-relevant'), 'A typo');
    await rina.page.getByRole('button', { name: /^Undo/ }).click();
    await sees(rina.page, 'the undo at Rina', () => value(rina.page, '#goal-relevant'), 'After the restart');
    await sees(dimas.page, 'the undo at Dimas', () => value(dimas.page, '#goal-relevant'), 'After the restart');

    // The export of a shared plan is the plan's file as for a solo plan: no token, no link.
    const wait = dimas.page.waitForEvent('download');
    await dimas.page.getByRole('button', { name: 'Export plan (.json)' }).first().click();
    const chunks = [];
    for await (const chunk of await (await wait).createReadStream()) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString('utf8');
    const file = JSON.parse(text);
    assert.equal(file.plan.id, id);
    assert.equal(file.plan.name, name);
    assert.equal(file.plan.goal.relevant, 'After the restart');
    assert.doesNotMatch(text, /tok-|ws:\/\/|alur-team/, 'nothing of the team link is in the file');

    // A third browser with nothing stored opens the plan from the server alone.
    const sari = await openPage(app.browser);
    try {
      // Sari follows Rina's invite as it is and types her own token; without one she is told.
      await sari.page.goto(invite);
      await appReady(sari.page);
      assert.equal(await sari.page.getByLabel('Your token from the server').inputValue(), '');
      await sari.page.getByRole('button', { name: 'Join and open the plan' }).click();
      assert.match(await sari.page.locator('#join-problem').innerText(), /token is empty/);
      await join(sari.page, invite, 'tok-sari');
      await sees(sari.page, "Sari's plan name", () => value(sari.page, '#plan-name'), name);
      await goStep(sari.page, id, 'goals');
      assert.equal(await value(sari.page, '#goal-metric'), 'Grow Ramadan sales');
      assert.equal(await value(sari.page, '#goal-achievable'), 'Dimas: two promo waves');
      assert.equal(await value(sari.page, '#goal-specific'), 'Rina: 500 orders from Instagram');
      assert.equal(await value(sari.page, '#goal-relevant'), 'After the restart');
      assert.deepEqual(sari.problems, []);
    } finally {
      await sari.ctx.close();
    }
    assert.deepEqual(rina.problems, []);
  } finally {
    await rina.ctx.close();
    await dimas.ctx.close();
    await stopSync(sync);
  }
});

test('a bad token is refused and a viewer reads but cannot write', async () => {
  const ws = workspace();
  const sync = await startSync(ws);
  const rina = await openPage(app.browser);
  const stranger = await openPage(app.browser);
  const hendra = await openPage(app.browser, { context: await app.browser.newContext({ locale: 'en-US', viewport: PHONE, isMobile: true }) });
  try {
    const { id, invite } = await share(rina.page, sync.url, 'Approval round');

    await join(stranger.page, inviteFor(invite, { token: 'not-a-token' }));
    await until(stranger.page, /Refused by the server/);
    assert.equal(await stranger.page.locator('#plan-name').count(), 0, 'nothing of the plan reached a wrong token');
    await stranger.page.goto(app.server.url);
    assert.equal(await stranger.page.getByText('Approval round').count(), 0);

    await join(hendra.page, inviteFor(invite, { token: 'tok-hendra' }));
    await sees(hendra.page, "the viewer's plan name", () => value(hendra.page, '#plan-name'), 'Approval round');
    await until(hendra.page, /view only · You: Pak Hendra/);
    await hendra.page.getByLabel('Plan name').fill('Changed by a viewer');
    await hendra.page.getByText('Your token is view-only: this change is not kept.').waitFor();
    await goStep(hendra.page, id, 'goals');
    assert.equal(await hendra.page.locator('#goal-objective').isDisabled(), true, 'the steps are read-only for a viewer');
    // A viewer's read-only step at the phone's size has nothing axe finds.
    assert.deepEqual(await axeViolations(hendra.page), []);

    // The approval step records the decision with the approver's name from the token.
    await goStep(rina.page, id, 'approval');
    assert.equal(await rina.page.locator('#approval-who').inputValue(), 'Rina');
    assert.equal(await rina.page.locator('#approval-who').getAttribute('readonly'), '');
    await new Promise((ok) => setTimeout(ok, 1000));
    await goOverview(rina.page, id);
    assert.equal(await value(rina.page, '#plan-name'), 'Approval round', "the viewer's edit never reached the editor");
  } finally {
    await rina.ctx.close();
    await stranger.ctx.close();
    await hendra.ctx.close();
    await stopSync(sync);
  }
});

async function freePort() {
  const probe = createServer();
  await new Promise((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address();
  await new Promise((r) => probe.close(r));
  return port;
}

function redisPing(port) {
  return new Promise((ok) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => {
      socket.end();
      ok(String(d).startsWith('+PONG'));
    });
    socket.on('error', () => ok(false));
  });
}

const haveRedis = spawnSync('redis-server', ['--version']).status === 0;

test('what a hostile peer writes is shown as text, and updates of the wrong shape never crash the app', async () => {
  // The peer is a real Yjs client with an editor's token (sync-server/tools/hostile-peer.mjs):
  // it writes markup payloads, values of the wrong type, and a Y.Text, which Alur never writes.
  const ws = workspace();
  const sync = await startSync(ws);
  const rina = await openPage(app.browser);
  const dialogs = [];
  rina.page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  const peer = (step) => {
    const run = spawnSync(process.execPath, [HOSTILE, sync.url, `alur-${id}`, 'tok-dimas', step], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(run.stdout.trim(), 'done', run.stderr);
  };
  let id;
  try {
    ({ id } = await share(rina.page, sync.url, 'Safe plan'));
    peer('xss');
    await sees(rina.page, 'the hostile name, as text', () => value(rina.page, '#plan-name'), '<img src=x onerror="window.__xss=1"> hostile name');
    await goStep(rina.page, id, 'competitors');
    await rina.page.getByText('<svg onload="window.__xss=2"></svg><script>window.__xss=3</script>').first().waitFor();
    const injected = () =>
      rina.page.evaluate(() => ({
        xss: window.__xss ?? null,
        elements: document.querySelectorAll('main img[src="x"], main script, main svg[onload], main [onerror]').length,
      }));
    assert.deepEqual(await injected(), { xss: null, elements: 0 });

    // Wrong types: the plan as the document holds it is no plan this version reads, so the
    // page keeps the last plan it could read, and goes on working.
    peer('types');
    peer('text');
    await goOverview(rina.page, id);
    assert.equal(await value(rina.page, '#plan-name'), '<img src=x onerror="window.__xss=1"> hostile name');
    assert.equal(await rina.page.locator('.crash').count(), 0, 'no crash screen');
    await rina.page.getByLabel('Plan name').fill('Still editable');
    await rina.page.getByText('Saved in this browser').waitFor();
    assert.equal(JSON.parse(await rina.page.evaluate((id) => localStorage.getItem(`alur:plan:${id}`), id)).name, 'Still editable');
    assert.deepEqual(await injected(), { xss: null, elements: 0 });
    assert.deepEqual(dialogs, []);
    assert.deepEqual(rina.problems.filter((p) => !/WebSocket/.test(p)), []);
  } finally {
    await rina.ctx.close();
    await stopSync(sync);
  }
});

test(
  'two server instances sharing Redis: a browser on each converges',
  // Skipped only outside CI: `make setup` installs redis-server.
  { skip: haveRedis || process.env.CI ? false : 'redis-server is not installed' },
  async () => {
    const port = await freePort();
    const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    processes.add(redis);
    const ws = workspace();
    let one;
    let two;
    const rina = await openPage(app.browser);
    const dimas = await openPage(app.browser);
    try {
      await waitFor('redis', () => redisPing(port));
      one = await startSync(ws, { redis: `redis://127.0.0.1:${port}` });
      two = await startSync(ws, { redis: `redis://127.0.0.1:${port}` });
      const { id, invite } = await share(rina.page, one.url, 'Two servers');
      await join(dimas.page, inviteFor(invite, { token: 'tok-dimas', server: two.url }));
      await sees(dimas.page, 'the plan through the second instance', () => value(dimas.page, '#plan-name'), 'Two servers');
      await dimas.page.getByLabel('Plan name').fill('Two servers, one plan');
      await sees(rina.page, "Dimas's edit through the other instance", () => value(rina.page, '#plan-name'), 'Two servers, one plan');
      await goStep(rina.page, id, 'goals');
      await rina.page.locator('#goal-metric').fill('Converge');
      await goStep(dimas.page, id, 'goals');
      await sees(dimas.page, "Rina's edit through the other instance", () => value(dimas.page, '#goal-metric'), 'Converge');
    } finally {
      await rina.ctx.close();
      await dimas.ctx.close();
      if (one) await stopSync(one);
      if (two) await stopSync(two);
      redis.kill();
      processes.delete(redis);
    }
  },
);
