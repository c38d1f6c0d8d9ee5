// Renders the PNG icons of the web app manifest from assets/icon.svg with headless Chromium
// (/usr/bin/chromium, never a downloaded browser). The PNGs are committed; run this again only
// when the SVG changes: `node scripts/icons.mjs`.
//
// - icon-192.png, icon-512.png: the SVG as it is (rounded corners, transparent outside).
// - icon-maskable-512.png, apple-touch-icon.png (180): full-bleed background with the drawing
//   shrunk into the middle 80 %, so a launcher's circle or squircle mask cuts no part of it and
//   iOS, which fills transparency with black, shows no black corners.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ASSETS = resolve(import.meta.dirname, '../assets');
const svg = readFileSync(join(ASSETS, 'icon.svg'), 'utf8');

/** The same drawing on a square background, scaled into the maskable safe zone. */
function fullBleed(source) {
  const rect = /<rect\b[^>]*\/>/.exec(source);
  if (!rect || !/rx="/.test(rect[0])) throw new Error('icons: expected a rounded <rect> background in icon.svg');
  const background = rect[0].replace(/\s*rx="[^"]*"/, '');
  const start = rect.index + rect[0].length;
  const end = source.lastIndexOf('</svg>');
  const drawing = source.slice(start, end);
  return (
    source.slice(0, rect.index) +
    background +
    `<g transform="translate(32 32) scale(0.8) translate(-32 -32)">${drawing}</g>` +
    source.slice(end)
  );
}

const OUTPUTS = [
  { file: 'icon-192.png', size: 192, svg },
  { file: 'icon-512.png', size: 512, svg },
  { file: 'icon-maskable-512.png', size: 512, svg: fullBleed(svg) },
  { file: 'apple-touch-icon.png', size: 180, svg: fullBleed(svg) },
];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none'],
});
try {
  for (const out of OUTPUTS) {
    const page = await browser.newPage({ viewport: { width: out.size, height: out.size }, deviceScaleFactor: 1 });
    const src = `data:image/svg+xml;base64,${Buffer.from(out.svg).toString('base64')}`;
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{display:block}</style>` +
        `<img src="${src}" width="${out.size}" height="${out.size}" alt="">`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: out.size, height: out.size } });
    writeFileSync(join(ASSETS, out.file), png);
    console.log(`icons: ${out.file} (${out.size}×${out.size}, ${png.length} bytes)`);
    await page.close();
  }
} finally {
  await browser.close();
}
