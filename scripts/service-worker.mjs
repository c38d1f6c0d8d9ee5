// Writes dist/sw.js from web/sw.js for the files of this build: the list of files to cache and a
// cache name made of a hash of their names and contents, so every release that changes any file
// gets a cache of its own (and a new sw.js, which is what makes browsers install it).
// Called by postbuild.mjs; also runs alone on a built directory: `node scripts/service-worker.mjs dist`.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const TEMPLATE = resolve(import.meta.dirname, '../web/sw.js');
const WORKER = 'sw.js';

/** Every file under `dir`, as sorted '/'-separated paths relative to it. */
function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Writes `<dist>/sw.js` and returns its cache name and file list. */
export function writeServiceWorker(dist) {
  const files = listFiles(dist).filter((path) => path !== WORKER && !path.split('/').some((part) => part.startsWith('.')));
  if (!files.includes('index.html')) throw new Error(`service-worker: no index.html in ${dist}`);
  const release = createHash('sha256');
  for (const path of files) {
    release.update(`${path}\0${createHash('sha256').update(readFileSync(join(dist, path))).digest('hex')}\n`);
  }
  const cache = `alur-${release.digest('hex').slice(0, 16)}`;
  const assets = files.map((path) => `./${path}`);

  let code = readFileSync(TEMPLATE, 'utf8');
  const fill = [
    [/^const CACHE = .*;$/m, `const CACHE = ${JSON.stringify(cache)};`],
    [/^const ASSETS = .*;$/m, `const ASSETS = ${JSON.stringify(assets, null, 2)};`],
  ];
  for (const [pattern, line] of fill) {
    if (!pattern.test(code)) throw new Error(`service-worker: ${pattern} not found in web/sw.js`);
    code = code.replace(pattern, line);
  }
  writeFileSync(join(dist, WORKER), code);
  return { cache, assets };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = process.argv[2] ?? 'dist';
  const { cache, assets } = writeServiceWorker(dist);
  console.log(`service-worker: ${dist}/${WORKER} keeps ${assets.length} files in cache ${cache}`);
}
