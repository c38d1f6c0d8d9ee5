// Alur team sync: a Hocuspocus server (y-sync protocol over WebSocket) with file persistence,
// token authentication from a team file, and optional Redis for several instances.
// Usage: node sync-server/server.mjs [--port N] [--host ADDR] [--data DIR] [--team FILE]
//        [--redis URL] [--debounce MS] [--max-debounce MS]          (README.md says more)
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, readdir, rename, stat, unlink } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Database } from "@hocuspocus/extension-database";
import { Redis } from "@hocuspocus/extension-redis";
import { Server } from "@hocuspocus/server";
import * as Y from "yjs";

const here = fileURLToPath(new URL(".", import.meta.url));

// A flag wins over its environment variable, which wins over the default.
const { values: flags } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    data: { type: "string" },
    team: { type: "string" },
    redis: { type: "string" },
    debounce: { type: "string" },
    "max-debounce": { type: "string" },
  },
});
const env = process.env;
const config = {
  port: toInt(flags.port ?? env.ALUR_SYNC_PORT ?? "1234", "port"),
  // Plain ws:// without TLS: keep it on loopback and put a TLS proxy in front (README).
  host: flags.host ?? env.ALUR_SYNC_HOST ?? "127.0.0.1",
  dataDir: resolve(flags.data ?? env.ALUR_SYNC_DATA ?? join(here, "data")),
  teamFile: resolve(flags.team ?? env.ALUR_SYNC_TEAM ?? join(here, "team.json")),
  redis: flags.redis ?? env.ALUR_SYNC_REDIS ?? "",
  // A document is stored this long after its last change, and at least every max-debounce
  // while changes keep coming, so a crash loses at most about that much editing.
  debounce: toInt(flags.debounce ?? env.ALUR_SYNC_DEBOUNCE ?? "200", "debounce"),
  maxDebounce: toInt(flags["max-debounce"] ?? env.ALUR_SYNC_MAX_DEBOUNCE ?? "1000", "max-debounce"),
};

function toInt(text, what) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) fail(`--${what} must be a whole number, got ${JSON.stringify(text)}`);
  return n;
}

function fail(message) {
  console.error(`alur-sync: ${message}`);
  process.exit(1);
}

// ---- Document names and their files --------------------------------------------------------

// Room names come from clients. Hex of the UTF-8 bytes is a safe, reversible, case-insensitive
// file name (`xxd -r -p` turns it back); 120 bytes keep it within the 255-byte name limit.
const MAX_NAME_BYTES = 120;

function checkDocumentName(name) {
  const bytes = Buffer.byteLength(name, "utf8");
  if (bytes === 0 || bytes > MAX_NAME_BYTES) {
    throw new Error(`document name must be 1 to ${MAX_NAME_BYTES} bytes, got ${bytes}`);
  }
}

const fileOf = (name) => join(config.dataDir, `${Buffer.from(name, "utf8").toString("hex")}.bin`);

async function readState(file) {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
}

// Write to a temporary file in the same folder, flush it, then rename over the old one:
// rename is atomic, so a reader or a crash sees either the old state or the new one whole.
async function writeAtomically(file, bytes) {
  const temp = `${file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  const handle = await open(temp, "w");
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
  // Flush the folder too, so the rename itself survives a power cut.
  const folder = await open(config.dataDir, "r");
  await folder.sync().finally(() => folder.close());
}

// Temporary files left by a killed process. Only old ones: with a shared data dir another
// instance may be writing one right now.
async function removeStaleTempFiles() {
  for (const entry of await readdir(config.dataDir)) {
    if (!entry.endsWith(".tmp")) continue;
    const path = join(config.dataDir, entry);
    const info = await stat(path).catch(() => null);
    if (info && Date.now() - info.mtimeMs > 60_000) await unlink(path).catch(() => {});
  }
}

// Stores still writing, so shutdown can wait for them.
const pendingStores = new Set();

const database = new Database({
  fetch: async ({ documentName }) => readState(fileOf(documentName)),
  store: async ({ documentName, state }) => {
    const file = fileOf(documentName);
    const work = (async () => {
      let bytes = state;
      if (config.redis) {
        // Several instances share one data dir. The Redis extension holds a lock while a
        // store runs, but this instance may not have received another's latest update yet:
        // merge with what is on disk so a store never drops what another instance stored.
        const onDisk = await readState(file);
        if (onDisk) {
          const doc = new Y.Doc();
          Y.applyUpdate(doc, onDisk);
          Y.applyUpdate(doc, state);
          bytes = Y.encodeStateAsUpdate(doc);
          doc.destroy();
        }
      }
      await writeAtomically(file, bytes);
    })();
    pendingStores.add(work);
    try {
      await work;
    } finally {
      pendingStores.delete(work);
    }
  },
});

// ---- Team file ---------------------------------------------------------------------------

// { "<token>": { "name": "...", "role": "editor" | "viewer", "expires"?: "<ISO date>" } }
// Re-read whenever it changes on disk (checked on every authentication and every second),
// so adding or revoking a token needs no restart.
let team = { members: new Map(), signature: null };

async function currentTeam() {
  let info;
  try {
    info = await stat(config.teamFile);
  } catch (error) {
    if (error.code !== "ENOENT") throw error;
    if (team.signature !== "missing") console.error(`alur-sync: no team file at ${config.teamFile}: every token is refused`);
    team = { members: new Map(), signature: "missing" };
    return team.members;
  }
  const signature = `${info.ino}:${info.size}:${info.mtimeMs}`;
  if (signature === team.signature) return team.members;
  try {
    team = { members: parseTeam(await readFile(config.teamFile, "utf8")), signature };
  } catch (error) {
    if (team.signature === null) throw error; // at start: refuse to run on a broken file
    // Half-saved or mistyped: keep the last good version rather than locking everybody out.
    console.error(`alur-sync: ignoring ${config.teamFile}, keeping the previous version: ${error.message}`);
    team.signature = signature;
  }
  return team.members;
}

function parseTeam(text) {
  const json = JSON.parse(text);
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new Error("expected an object of token -> { name, role }");
  }
  const members = new Map(); // a Map, so tokens like "__proto__" are plain keys
  for (const [token, entry] of Object.entries(json)) {
    const { name, role, expires } = entry ?? {};
    const expiresAt = expires === undefined ? Infinity : Date.parse(expires);
    if (!token || typeof name !== "string" || !["editor", "viewer"].includes(role) || Number.isNaN(expiresAt)) {
      console.error(`alur-sync: skipping team entry ${JSON.stringify(name ?? token.slice(0, 4) + "…")}: needs name, role editor|viewer, optional ISO expires`);
      continue;
    }
    members.set(token, { name, role, expiresAt });
  }
  return members;
}

function memberFor(members, token) {
  const member = token ? members.get(token) : undefined;
  return member && Date.now() < member.expiresAt ? member : undefined;
}

// ---- Server ------------------------------------------------------------------------------

const extensions = [database];
if (config.redis) extensions.push(new Redis(redisOptions(config.redis)));

function redisOptions(url) {
  const u = URL.canParse(url) ? new URL(url) : {};
  if (u.protocol !== "redis:" && u.protocol !== "rediss:") fail(`--redis must be a redis:// or rediss:// URL`);
  return {
    host: u.hostname || "127.0.0.1",
    port: Number(u.port || 6379),
    prefix: "alur-sync",
    options: {
      username: u.username ? decodeURIComponent(u.username) : undefined,
      password: u.password ? decodeURIComponent(u.password) : undefined,
      db: Number(u.pathname.slice(1) || 0),
      tls: u.protocol === "rediss:" ? {} : undefined,
    },
  };
}

const server = new Server({
  port: config.port,
  address: config.host,
  quiet: true, // no banner: we print our own one line
  stopOnSignals: false, // our handler below waits for the stores
  debounce: config.debounce,
  maxDebounce: config.maxDebounce,
  extensions,

  async onAuthenticate({ token, documentName, connectionConfig }) {
    checkDocumentName(documentName);
    const member = memberFor(await currentTeam(), token);
    // Throwing refuses the connection: the client gets a permission-denied message
    // (the provider's onAuthenticationFailed) and none of the document.
    if (!member) throw new Error("unknown or expired token");
    // Hocuspocus enforces this on the server: a read-only connection's sync-step-2 and update
    // messages are answered with "not applied" and never reach the document.
    connectionConfig.readOnly = member.role === "viewer";
    return { user: { name: member.name, role: member.role }, token };
  },

  // Tells the client whose token it is (a Hocuspocus stateless message): Alur shows the name
  // to the others on the plan and records it with an approval decision. The name comes from
  // the team file, not from the client.
  async connected({ connection, context }) {
    const { name, role } = context.user ?? {};
    if (name) connection.sendStateless(JSON.stringify({ alur: "member", name, role }));
  },
});

// Closes the sockets of connections whose token was revoked, expired or changed role; the
// client reconnects and is then refused, or let in with its new role.
async function sweepConnections() {
  const members = await currentTeam();
  for (const document of server.hocuspocus.documents.values()) {
    for (const connection of document.getConnections()) {
      const { token, user } = connection.context ?? {};
      if (memberFor(members, token)?.role !== user?.role) {
        connection.webSocket.close(4403, "Forbidden");
      }
    }
  }
}

await mkdir(config.dataDir, { recursive: true });
await removeStaleTempFiles();
let members;
try {
  members = await currentTeam();
} catch (error) {
  fail(`cannot read team file ${config.teamFile}: ${error.message}`);
}
await server.listen();
const sweeper = setInterval(() => sweepConnections().catch((e) => console.error("alur-sync: sweep:", e)), 1000);

console.log(
  `alur-sync: listening on ws://${config.host}:${server.address.port}` +
    ` data=${config.dataDir} team=${members.size} member(s) from ${config.teamFile}` +
    ` redis=${config.redis ? new URL(config.redis).host : "off"}` +
    ` debounce=${config.debounce}ms max=${config.maxDebounce}ms`,
);

// On SIGTERM/SIGINT: destroy() closes every connection; Hocuspocus then runs the pending
// (debounced) store of each document at once and resolves when all are unloaded, which it
// only does after their store finished. We also wait for our own writes to be sure.
let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  clearInterval(sweeper);
  setTimeout(() => {
    console.error("alur-sync: stores did not finish within 15 s, exiting anyway");
    process.exit(1);
  }, 15_000).unref();
  await server.destroy();
  await Promise.allSettled([...pendingStores]);
  console.log(`alur-sync: stopped on ${signal}, documents stored`);
  process.exit(0);
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
