// After `trunk build`: move Trunk's inline loader script into a file of its own and add a
// Content-Security-Policy, so no inline script runs but the one named by its hash (an XSS
// payload would need one). The policy allows wasm compilation ('wasm-unsafe-eval') and nothing
// from other origins.
// The static first paint (`cargo run --example prerender`, the file given as second argument)
// goes into <body>, and web/boot-lang.js, which picks its language, into <head>: it must run
// before the first paint, so it is inline (an external file would cost a round trip). The same
// inline script starts compiling the main module.
// With a third argument, the split wasm of scripts/build-wasm.sh (Trunk skips the rust link):
// its files go into `wasm-<release>/`, a directory named by a hash of them all, and its
// `alur.js` becomes the page's one module script: the glue, the split loader, the service
// worker's registration and the start. The main module and its chunks import each other by fixed names,
// so the directory carries the release, not each file (a changed chunk renames them all).
// Last, write the service worker for the finished files (scripts/service-worker.mjs).
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { writeServiceWorker } from './service-worker.mjs';

const dist = process.argv[2] ?? 'dist';
const shellPath = process.argv[3] || null;
const wasmPkg = process.argv[4] || null;
// `cargo run --example prerender -- parts`: the chunk of each page, by step slug.
const pagesPath = process.argv[5] || null;
const indexPath = join(dist, 'index.html');
let html = readFileSync(indexPath, 'utf8');
// The inline script of <head> (the CSP allows it by its hash), in parts.
const inlineHead = [];

if (wasmPkg) {
  const files = readdirSync(wasmPkg).sort();
  if (!files.includes('alur_bg.wasm') || !files.includes('alur.js')) {
    console.error(`postbuild: ${wasmPkg} holds no alur.js and alur_bg.wasm`);
    process.exit(1);
  }
  // wasm-split-cli's loader compiles a module only once the modules it depends on are
  // instantiated (`instantiateStreaming` with their imports), so a part's compile waits for its
  // shared chunks'. Compiling each as soon as its load starts, and instantiating it when its
  // imports are ready, lets them all compile at once; a deep link's modules were compiled by
  // the inline script of <head> (below) beside the main module and are taken from `__alurCompiling`.
  let splitText = readFileSync(join(wasmPkg, '__wasm_split.js'), 'utf8');
  const streaming = /const src = fetch\(new URL\("(\.\/[^"]+)", import\.meta\.url\)\);\s*return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);/g;
  const modules = [...splitText.matchAll(streaming)].length;
  const wasmFiles = files.filter((f) => f.endsWith('.wasm') && f !== 'alur_bg.wasm').length;
  if (modules !== wasmFiles) {
    console.error(`postbuild: __wasm_split.js loads ${modules} modules the known way, not ${wasmFiles}; its layout changed`);
    process.exit(1);
  }
  splitText = splitText.replace(streaming, (_, file) => `const src = compiled("${file}");\n    return async (imports) => (WebAssembly.instantiate(await src, imports));`);
  splitText = splitText.replace(/^(import [^\n]+\n)/, `$1
// A module's compile, started now, or taken from the inline script's (once: a retry after a
// failure starts afresh). Marked as handled here: the loader awaits it after its dependencies.
function compiled(file) {
    const href = new URL(file, import.meta.url).href;
    const early = globalThis.__alurCompiling?.get(href);
    globalThis.__alurCompiling?.delete(href);
    const compile = early ?? WebAssembly.compileStreaming(fetch(href));
    compile.catch(() => {});
    return compile;
}
`);
  // Each chunk's files: its own module and the shared ones it needs, as wasm-split-cli's
  // loader lists them (`export const __wasm_split_load_<chunk> = … fetch("./split_<chunk>.wasm")
  // … [__chunk_6, …]`).
  const split = readFileSync(join(wasmPkg, '__wasm_split.js'), 'utf8');
  const shared = Object.fromEntries([...split.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const parts = {};
  for (const m of split.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?\n, \[([^\]]*)\]\)\);/g)) {
    const deps = m[3].split(',').map((d) => d.trim()).filter(Boolean).map((d) => shared[d]);
    if (deps.some((d) => !d)) {
      console.error(`postbuild: a shared chunk of ${m[1]} is not in __wasm_split.js`);
      process.exit(1);
    }
    parts[m[1]] = [m[2], ...deps];
  }
  const pages = pagesPath ? JSON.parse(readFileSync(pagesPath, 'utf8')) : {};
  for (const chunk of new Set(Object.values(pages))) {
    if (!parts[chunk]) {
      console.error(`postbuild: no chunk "${chunk}" in ${wasmPkg}/__wasm_split.js (src/ui/chunks.rs names it)`);
      process.exit(1);
    }
  }
  // The first download's script is one module, `alur.js`: wasm-bindgen's glue, the split
  // loader, the service worker's registration (web/register-sw.js) and the start. They were four
  // files (the glue, `__wasm_split.js`, `boot-*.js`, `register-sw-*.js`), each a request the
  // page waited for before the wasm could run: as one, the plans page mounted 20 ms sooner in
  // `bench/run.mjs`'s cold loads (97 -> 78 ms, the minimal app 56 ms). The glue imports the
  // loader's exports as namespaces (`import * as import1 from "./__wasm_split.js"`, one per
  // split point's import) and the loader imports `initSync` back from the glue; in one module
  // each takes the other's declarations directly.
  const glueImport = /^import \* as (import\d+) from "\.\/__wasm_split\.js";?\n/gm;
  const splitImport = /^import \{ initSync \} from "\.\/alur\.js";?\n/m;
  let glue = readFileSync(join(wasmPkg, 'alur.js'), 'utf8');
  const namespaces = [...glue.matchAll(glueImport)].map((m) => m[1]);
  const loads = [...splitText.matchAll(/^export const (__wasm_split_load_\w+)/gm)].map((m) => m[1]);
  if (!namespaces.length || !splitImport.test(splitText) || loads.length !== Object.keys(parts).length || !/\bexport \{ initSync, __wbg_init as default \};/.test(glue)) {
    console.error('postbuild: alur.js and __wasm_split.js no longer import each other the known way; their layout changed');
    process.exit(1);
  }
  glue = glue.replace(glueImport, '');
  for (const ns of namespaces) {
    const use = `"./__wasm_split.js": ${ns},`;
    if (!glue.includes(use)) {
      console.error(`postbuild: alur.js imports ${ns} from __wasm_split.js but does not pass it to the wasm`);
      process.exit(1);
    }
    glue = glue.replace(use, '"./__wasm_split.js": __wasm_split_exports,');
  }
  const loaderText = splitText.replace(splitImport, '').replace(/^export const /gm, 'const ');
  const registerSw = readFileSync(join(import.meta.dirname, '../web/register-sw.js'), 'utf8');
  const start = [
    '// Added by scripts/postbuild.mjs: what the split loader exports to the wasm, then the start.',
    `const __wasm_split_exports = { ${loads.join(', ')} };`,
    registerSw.trim(),
    // The main module as compiled by the inline script of <head>, or fetched afresh if that
    // failed (the loader's own error then says why). The event is what the bench waits for.
    "const __alur_main = new URL('./alur_bg.wasm', import.meta.url);",
    'const __alur_early = globalThis.__alurMain;',
    'const __alur_wasm = await __wbg_init({ module_or_path: __alur_early ? __alur_early.catch(() => __alur_main) : __alur_main });',
    "dispatchEvent(new CustomEvent('alur-started', { detail: { wasm: __alur_wasm } }));",
    '',
  ].join('\n');
  // One scope now: a name declared at the top of two of the parts would be a SyntaxError.
  const declared = (text) => [...text.matchAll(/^(?:export )?(?:const|let|var|function\*?|async function|class) (\w+)/gm)].map((m) => m[1]);
  const seen = new Map();
  for (const [part, text] of [['alur.js', glue], ['__wasm_split.js', loaderText], ['the start', start]]) {
    for (const name of declared(text)) {
      if (seen.has(name) && seen.get(name) !== part) {
        console.error(`postbuild: ${name} is declared in both ${seen.get(name)} and ${part}`);
        process.exit(1);
      }
      seen.set(name, part);
    }
  }
  const entry = `${glue}\n${loaderText}\n${start}`;
  // The release is named after what is served.
  const release = createHash('sha256');
  for (const f of files) {
    if (f === '__wasm_split.js') continue;
    release.update(`${f}\0`).update(f === 'alur.js' ? entry : readFileSync(join(wasmPkg, f)));
  }
  const dir = `wasm-${release.digest('hex').slice(0, 16)}`;
  for (const old of readdirSync(dist)) if (/^wasm-/.test(old)) rmSync(join(dist, old), { recursive: true });
  cpSync(wasmPkg, join(dist, dir), { recursive: true });
  rmSync(join(dist, dir, '__wasm_split.js'));
  writeFileSync(join(dist, dir, 'alur.js'), entry);
  const head = `<script type="module" src="./${dir}/alur.js"></script>`;
  html = html.replace('</head>', `    ${head}\n  </head>`);
  // The wasm's download and compile start as <head> is parsed: a module script runs only once
  // the whole page is parsed and the stylesheet has loaded, and until then the main thread is
  // mostly idle. The main module, and for a plan's page (`#/plan/<id>/<step>`) the chunks it
  // needs: the plan engine's (`store`, src/ui/engine.rs) and the page's own. The split loader
  // takes each of those compiles once (`compiled` above), so a retry after a failed fetch
  // starts afresh.
  inlineHead.push(
    [
      '// Added by scripts/postbuild.mjs: compiles the wasm while the page loads; alur.js and its split loader take it.',
      '(function () {',
      '  if (typeof WebAssembly !== "object" || !WebAssembly.compileStreaming) return;',
      `  var dir = new URL("./${dir}/", document.baseURI).href;`,
      '  var compiling = (globalThis.__alurCompiling = new Map());',
      '  function compile(file) {',
      '    var module = WebAssembly.compileStreaming(fetch(dir + file));',
      '    module.catch(function () {});',
      '    return module;',
      '  }',
      '  globalThis.__alurMain = compile("alur_bg.wasm");',
      '  var page = /^#\\/plan\\/[^/]+(?:\\/([^/]+))?\\/?$/.exec(location.hash);',
      '  if (!page) return;',
      `  var parts = ${JSON.stringify(parts)};`,
      `  var pages = ${JSON.stringify(pages)};`,
      '  (parts[pages[page[1] || ""]] || []).concat(parts.store || []).forEach(function (file) {',
      '    if (!compiling.has(dir + file)) compiling.set(dir + file, compile(file));',
      '  });',
      '})();',
    ].join('\n'),
  );
  console.log(`postbuild: ${files.length - 1} files in ${dist}/${dir}, started by its alur.js`);
}

const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = inline.exec(html);
if (match) {
  const code = match[1].trim() + '\n';
  const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dist, name), code);
  html = html.replace(inline, `<script type="module" src="./${name}"></script>`);
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('postbuild: an inline script is left in index.html; the CSP would block it');
  process.exit(1);
}

// Trunk leaves a blank line where each data-trunk element was. (Before the inline script goes
// in: its text must stay exactly what its hash was taken of.)
html = html.replace(/\n(?:[ \t]*\n)+/g, '\n');

// The minimal app of `make bench` has no first paint to add (no second argument).
if (shellPath) {
  const shells = readFileSync(shellPath, 'utf8').trim();
  if (!shells.includes('class="boot-shell"')) {
    console.error(`postbuild: ${shellPath} holds no boot shell`);
    process.exit(1);
  }
  html = html.replace('<body>', `<body>\n${shells}`);
  // After the wasm's fetch has started: its first read of localStorage opens the origin's
  // storage, a few milliseconds the fetch need not wait for (the language is still set before
  // the first paint, in the same script).
  inlineHead.push(readFileSync(join(import.meta.dirname, '../web/boot-lang.js'), 'utf8').trim());
}
// Before the first <link> of <head>: an inline script after a stylesheet waits for it, and
// holds up the parser meanwhile.
let inlineHash = null;
if (inlineHead.length) {
  const code = inlineHead.join('\n');
  inlineHash = `sha256-${createHash('sha256').update(code).digest('base64')}`;
  const at = html.indexOf('<link ');
  if (at < 0 || at > html.indexOf('</head>')) {
    console.error(`postbuild: ${indexPath} has no <link> in <head> to put the inline script before`);
    process.exit(1);
  }
  html = `${html.slice(0, at)}<script>${code}</script>\n    ${html.slice(at)}`;
}

const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval'${inlineHash ? ` '${inlineHash}'` : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // Team sync (#22): a sync server over TLS anywhere, or plain ws:// on this computer only
  // (the app refuses other ws:// addresses itself; this is the second line).
  "connect-src 'self' wss: ws://127.0.0.1:* ws://localhost:*",
  "worker-src 'self'",
  "manifest-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');
if (!html.includes('Content-Security-Policy')) {
  html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`);
}
writeFileSync(indexPath, html);
console.log(`postbuild: loader moved out of index.html; CSP: ${csp}`);

const { cache, assets } = writeServiceWorker(dist);
console.log(`postbuild: sw.js keeps ${assets.length} files in cache ${cache}`);
