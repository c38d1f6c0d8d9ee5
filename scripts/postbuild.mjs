// After `trunk build`: move Trunk's inline loader script into a file of its own and add a
// Content-Security-Policy, so no inline script runs but the one named by its hash (an XSS
// payload would need one). The policy allows wasm compilation ('wasm-unsafe-eval') and nothing
// from other origins.
// The static first paint (`cargo run --example prerender`, the file given as second argument)
// goes into <body>, and web/boot-lang.js, which picks its language, into <head>: it must run
// before the first paint, so it is inline (an external file would cost a round trip).
// Last, write the service worker for the finished files (scripts/service-worker.mjs).
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { writeServiceWorker } from './service-worker.mjs';

const dist = process.argv[2] ?? 'dist';
const shellPath = process.argv[3];
const indexPath = join(dist, 'index.html');
let html = readFileSync(indexPath, 'utf8');

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
let bootLangHash = null;
if (shellPath) {
  const shells = readFileSync(shellPath, 'utf8').trim();
  if (!shells.includes('class="boot-shell"')) {
    console.error(`postbuild: ${shellPath} holds no boot shell`);
    process.exit(1);
  }
  html = html.replace('<body>', `<body>\n${shells}`);
  const bootLang = readFileSync(join(import.meta.dirname, '../web/boot-lang.js'), 'utf8').trim();
  bootLangHash = `sha256-${createHash('sha256').update(bootLang).digest('base64')}`;
  html = html.replace('</head>', `<script>${bootLang}</script>\n  </head>`);
}

const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval'${bootLangHash ? ` '${bootLangHash}'` : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
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
