// End-to-end tests of sync-server/server.mjs: real server processes (and a real redis-server),
// real Hocuspocus providers with Yjs documents. Run: node --test sync-server/test/
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, test } from "node:test";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { HocuspocusProvider } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";

const SERVER = fileURLToPath(new URL("../server.mjs", import.meta.url));
const WAIT_MS = 10_000;

const TOKENS = {
  "editor-ana-0123456789": { name: "Ana", role: "editor" },
  "editor-bo-0123456789": { name: "Bo", role: "editor", expires: "2999-01-01T00:00:00Z" },
  "viewer-cy-0123456789": { name: "Cy", role: "viewer" },
  "expired-di-0123456789": { name: "Di", role: "editor", expires: "2020-01-31T00:00:00Z" },
};
const ANA = "editor-ana-0123456789";
const BO = "editor-bo-0123456789";
const CY = "viewer-cy-0123456789";
const DI = "expired-di-0123456789";

// Everything a test starts, so afterEach can stop it even when the test failed.
const processes = new Set();
const providers = new Set();
const tempDirs = new Set();

afterEach(async () => {
  for (const provider of providers) destroyProvider(provider);
  providers.clear();
  await Promise.all([...processes].map((p) => stopProcess(p, "SIGKILL")));
  processes.clear();
  await Promise.all([...tempDirs].map((d) => rm(d, { recursive: true, force: true })));
  tempDirs.clear();
});

/** Polls until `condition()` is truthy; fails with `what` after WAIT_MS. */
async function waitFor(what, condition, timeout = WAIT_MS) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function tempDir(prefix) {
  const dir = await mkdtemp(join(tmpdir(), `alur-sync-${prefix}-`));
  tempDirs.add(dir);
  return dir;
}

/** A team file whose tokens are `tokens`, written atomically (the server may be reading it). */
async function writeTeam(file, tokens) {
  await writeFile(`${file}.new`, JSON.stringify(tokens, null, 2));
  await rename(`${file}.new`, file);
}

async function setup() {
  const root = await tempDir("t");
  const teamFile = join(root, "team.json");
  await writeTeam(teamFile, TOKENS);
  return { dataDir: join(root, "data"), teamFile };
}

/** Starts server.mjs on a free port (--port 0) and resolves once it has logged its address. */
async function startServer({ dataDir, teamFile, redis, args = [] }) {
  const argv = [SERVER, "--port", "0", "--data", dataDir, "--team", teamFile, ...args];
  if (redis) argv.push("--redis", redis);
  const child = spawn(process.execPath, argv, { stdio: ["ignore", "pipe", "pipe"] });
  processes.add(child);
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise((r) => child.once("exit", (code, signal) => r({ code, signal })));
  child.exited = exited;
  child.output = () => output;
  const port = await Promise.race([
    waitFor("server start line", () => output.match(/listening on ws:\/\/127\.0\.0\.1:(\d+) /)?.[1]),
    exited.then(({ code }) => {
      throw new Error(`server exited with ${code} before listening:\n${output}`);
    }),
  ]);
  child.url = `ws://127.0.0.1:${port}`;
  return child;
}

/** Sends `signal` and resolves with the exit { code, signal }. */
async function stopProcess(child, signal) {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  let timer;
  const result = await Promise.race([
    child.exited,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`process did not exit on ${signal}`)), 20_000);
    }),
  ]).finally(() => clearTimeout(timer));
  processes.delete(child);
  return result;
}

// The provider removes its listeners before closing a socket; `ws` then throws the "closed
// before the connection was established" error of a socket still connecting (browsers don't).
class QuietWebSocket extends WebSocket {
  constructor(...args) {
    super(...args);
    this.on("error", () => {});
  }
}

// A socket closed less than `delay` before destroy() has a reconnect timer pending that calls
// connect() after destroy and would retry forever (keeping the test process alive): disarm it.
function destroyProvider(provider) {
  const socket = provider.configuration.websocketProvider;
  provider.destroy();
  socket.connect = async () => {};
}

/** A Yjs document synced through a provider, with what the provider reported. */
function connect(url, name, token) {
  const doc = new Y.Doc();
  const seen = { authenticated: null, failed: null, refusedUpdates: 0 };
  const provider = new HocuspocusProvider({
    url,
    name,
    document: doc,
    token,
    WebSocketPolyfill: QuietWebSocket, // Node 20 has no global WebSocket
    // Quick reconnects, and no retry sleep of up to 30 s keeping the test process alive.
    delay: 200,
    minDelay: 100,
    maxDelay: 500,
    onAuthenticated: ({ scope }) => (seen.authenticated = scope),
    onAuthenticationFailed: ({ reason }) => (seen.failed = reason),
  });
  // A sync-status message (type 8) whose flag is 0 is the server saying "update not applied".
  // (Subscribed here, not as the onMessage option: that one also goes to the socket.)
  provider.on("message", ({ message }) => {
    message.readVarString();
    if (message.readVarUint() === 8 && message.decoder.arr[message.decoder.pos] === 0) seen.refusedUpdates++;
  });
  providers.add(provider);
  const map = doc.getMap("plan");
  const close = () => {
    destroyProvider(provider);
    providers.delete(provider);
  };
  return { doc, map, provider, seen, close, json: () => map.toJSON() };
}

async function connectSynced(url, name, token) {
  const client = connect(url, name, token);
  await waitFor(`${token} synced on ${name}`, () => client.provider.synced || client.seen.failed);
  assert.equal(client.seen.failed, null, `${token} was refused`);
  return client;
}

/** The server has applied every local change of this client (it acknowledged them). */
const allAcknowledged = (client) => waitFor("server acknowledged the edits", () => client.provider.unsyncedChanges === 0);

/** The `plan` map as stored in the data dir, or null when the document has no file yet. */
async function stored(dataDir, name) {
  const file = join(dataDir, `${Buffer.from(name).toString("hex")}.bin`);
  if (!existsSync(file)) return null;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(await readFile(file)));
  return doc.getMap("plan").toJSON();
}

test("two editors see each other's edits", async () => {
  // Guards: edits of two connected editors reach each other through the server.
  const dirs = await setup();
  const server = await startServer(dirs);
  const a = await connectSynced(server.url, "alur-p1", ANA);
  const b = await connectSynced(server.url, "alur-p1", BO);
  assert.equal(a.seen.authenticated, "read-write");
  a.map.set("budget", 1200);
  b.map.set("channel", "newsletter");
  const both = { budget: 1200, channel: "newsletter" };
  await waitFor("a sees both edits", () => a.map.size === 2);
  await waitFor("b sees both edits", () => b.map.size === 2);
  assert.deepEqual(a.json(), both);
  assert.deepEqual(b.json(), both);
});

test("SIGTERM stores pending edits and a restart keeps them", async () => {
  // Guards: a clean stop runs the debounced store before exit, and fetch reloads it.
  const dirs = await setup();
  // A minute of debounce: only the shutdown flush can have written the file.
  const slow = ["--debounce", "60000", "--max-debounce", "60000"];
  const first = await startServer({ ...dirs, args: slow });
  const a = await connectSynced(first.url, "alur-p2", ANA);
  a.map.set("goal", "launch");
  a.map.set("weeks", 6);
  await allAcknowledged(a);
  assert.equal(await stored(dirs.dataDir, "alur-p2"), null, "stored before the debounce ended");

  const exit = await stopProcess(first, "SIGTERM");
  assert.deepEqual(exit, { code: 0, signal: null }, first.output());
  assert.match(first.output(), /stopped on SIGTERM/);
  assert.deepEqual(await stored(dirs.dataDir, "alur-p2"), { goal: "launch", weeks: 6 });
  a.close();

  const second = await startServer(dirs);
  const fresh = await connectSynced(second.url, "alur-p2", BO);
  assert.deepEqual(fresh.json(), { goal: "launch", weeks: 6 });
});

test("SIGKILL right after a store loses nothing stored, leaves no temp file", async () => {
  // Guards: stores come within the short debounce and are whole files (atomic rename).
  const dirs = await setup();
  const first = await startServer(dirs);
  const a = await connectSynced(first.url, "alur-p3", ANA);
  const editedAt = Date.now();
  a.map.set("step", "analysis");
  await waitFor("edit stored", async () => (await stored(dirs.dataDir, "alur-p3"))?.step === "analysis");
  const storeMs = Date.now() - editedAt;
  // debounce is 200 ms; generous bound for a slow machine, still far below the 2 s default.
  assert.ok(storeMs < 1500, `store took ${storeMs} ms`);
  a.map.set("step", "execution");
  await waitFor("second edit stored", async () => (await stored(dirs.dataDir, "alur-p3"))?.step === "execution");

  const exit = await stopProcess(first, "SIGKILL");
  assert.equal(exit.signal, "SIGKILL");
  a.close();
  assert.deepEqual((await readdir(dirs.dataDir)).filter((f) => !f.endsWith(".bin")), []);

  const second = await startServer(dirs);
  const fresh = await connectSynced(second.url, "alur-p3", BO);
  assert.deepEqual(fresh.json(), { step: "execution" });
});

test("wrong, empty and expired tokens and over-long names are refused", async () => {
  // Guards: onAuthenticate refuses unknown/expired tokens and long names; they get no state.
  const dirs = await setup();
  const server = await startServer(dirs);
  const owner = await connectSynced(server.url, "alur-p4", ANA);
  owner.map.set("secret", "launch date");
  await allAcknowledged(owner);

  const refused = [
    connect(server.url, "alur-p4", "not-a-member"),
    connect(server.url, "alur-p4", ""),
    connect(server.url, "alur-p4", DI),
    connect(server.url, "alur-p4", "__proto__"),
    connect(server.url, "alur-p4", "constructor"),
    connect(server.url, `alur-${"x".repeat(116)}`, ANA), // 121 bytes
  ];
  for (const client of refused) {
    await waitFor(`refusal of ${client.provider.configuration.token}`, () => client.seen.failed);
    assert.equal(client.seen.failed, "permission-denied");
    assert.equal(client.seen.authenticated, null);
  }
  // A later edit reaches a member but still none of the refused clients.
  owner.map.set("more", 1);
  const member = await connectSynced(server.url, "alur-p4", BO);
  await waitFor("member sees the later edit", () => member.map.get("more") === 1);
  for (const client of refused) {
    assert.equal(client.map.size, 0);
    assert.equal(client.provider.synced, false);
  }
  // 120 bytes is still allowed.
  await connectSynced(server.url, `alur-${"x".repeat(115)}`, ANA);
});

test("document names map to hex file names inside the data dir", async () => {
  // Guards: user-controlled names never become paths (no traversal, no odd characters).
  const dirs = await setup();
  const server = await startServer(dirs);
  const name = "../../escape/ü\\x";
  const a = await connectSynced(server.url, name, ANA);
  a.map.set("k", "v");
  await waitFor("stored", async () => (await stored(dirs.dataDir, name))?.k === "v");
  assert.deepEqual(await readdir(dirs.dataDir), [`${Buffer.from(name).toString("hex")}.bin`]);
  assert.equal(existsSync(join(dirs.dataDir, "..", "..", "escape")), false);
});

test("revoking a token in the team file takes effect without a restart", async () => {
  // Guards: the team file is re-read; a revoked member is disconnected and then refused.
  const dirs = await setup();
  const server = await startServer(dirs);
  const bo = await connectSynced(server.url, "alur-p5", BO);
  const ana = await connectSynced(server.url, "alur-p5", ANA);
  const { [BO]: _revoked, ...rest } = TOKENS;
  await writeTeam(dirs.teamFile, rest);
  await waitFor("revoked client refused on reconnect", () => bo.seen.failed);
  const again = connect(server.url, "alur-p5", BO);
  await waitFor("new connection with revoked token refused", () => again.seen.failed);
  // The others stay connected and keep editing.
  ana.map.set("still", "here");
  await allAcknowledged(ana);
  assert.equal(ana.seen.failed, null);
});

test("a viewer reads but its edits reach neither the server nor others", async () => {
  // Guards: viewer connections are readOnly on the server: updates refused, never stored.
  const dirs = await setup();
  const first = await startServer(dirs);
  const editor = await connectSynced(first.url, "alur-p6", ANA);
  editor.map.set("title", "Spring campaign");
  await allAcknowledged(editor);

  const viewer = await connectSynced(first.url, "alur-p6", CY);
  assert.equal(viewer.seen.authenticated, "readonly");
  assert.deepEqual(viewer.json(), { title: "Spring campaign" });

  viewer.map.set("title", "Hacked");
  viewer.map.set("viewerKey", true);
  await waitFor("server refused the viewer's update", () => viewer.seen.refusedUpdates > 0);
  // An editor round trip after the refusal: had the viewer's change been applied, the
  // server would have broadcast it to the editor before the marker reached the viewer.
  editor.map.set("marker", 1);
  await waitFor("viewer receives editor's marker", () => viewer.map.get("marker") === 1);
  assert.deepEqual(editor.json(), { title: "Spring campaign", marker: 1 });
  await allAcknowledged(editor);

  assert.equal((await stopProcess(first, "SIGTERM")).code, 0);
  assert.deepEqual(await stored(dirs.dataDir, "alur-p6"), { title: "Spring campaign", marker: 1 });
  editor.close();
  viewer.close();
  const second = await startServer(dirs);
  const fresh = await connectSynced(second.url, "alur-p6", BO);
  assert.deepEqual(fresh.json(), { title: "Spring campaign", marker: 1 });
});

async function freePort() {
  const probe = createServer();
  await new Promise((r) => probe.listen(0, "127.0.0.1", r));
  const { port } = probe.address();
  await new Promise((r) => probe.close(r));
  return port;
}

function redisPing(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    let reply = "";
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (d) => {
      reply += d;
      if (reply.includes("\r\n")) socket.end(), resolve(reply.startsWith("+PONG"));
    });
    socket.on("error", () => resolve(false));
  });
}

const haveRedis = spawnSync("redis-server", ["--version"]).status === 0;

test(
  "two instances sharing redis converge",
  // Skipped only outside CI: `make setup` installs redis-server, so CI must run it.
  { skip: haveRedis || process.env.CI ? false : "redis-server is not installed (apt-get install -y redis-server)" },
  async () => {
    // Guards: the Redis extension relays edits between instances; their shared store has both.
    const port = await freePort();
    const redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    processes.add(redis);
    redis.exited = new Promise((r) => redis.once("exit", (code, signal) => r({ code, signal })));
    await waitFor("redis-server answers PING", () => redisPing(port));

    const dirs = await setup();
    const url = `redis://127.0.0.1:${port}`;
    const one = await startServer({ ...dirs, redis: url });
    const two = await startServer({ ...dirs, redis: url });
    assert.match(one.output(), new RegExp(`redis=127\\.0\\.0\\.1:${port}`));

    const a = await connectSynced(one.url, "alur-p7", ANA);
    const b = await connectSynced(two.url, "alur-p7", BO);
    a.map.set("fromA", "one");
    await waitFor("b sees a's edit", () => b.map.get("fromA") === "one");
    b.map.set("fromB", "two");
    await waitFor("a sees b's edit", () => a.map.get("fromB") === "two");
    // Concurrent edits of the same key, one on each instance: both settle on one value.
    a.map.set("title", "A's title");
    b.map.set("title", "B's title");
    await waitFor("both settle on one title", () => a.map.get("title") === b.map.get("title"));
    assert.deepEqual(a.json(), b.json());
    assert.deepEqual(Object.keys(a.json()).sort(), ["fromA", "fromB", "title"]);
    const expected = a.json();

    await allAcknowledged(a);
    await allAcknowledged(b);
    await waitFor("shared data dir holds both instances' edits", async () =>
      isDeepStrictEqual(await stored(dirs.dataDir, "alur-p7"), expected),
    );
    assert.equal((await stopProcess(one, "SIGTERM")).code, 0);
    assert.equal((await stopProcess(two, "SIGTERM")).code, 0);
  },
);
