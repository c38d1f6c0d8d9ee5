// The budgets of issues #11 and #21 and the table `make bench` prints.

const KB = 1024;
const ms = (x) => (x === null || x === undefined || Number.isNaN(x) ? '—' : `${x.toFixed(x < 10 ? 2 : 1)} ms`);
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const mb = (bytes) => `${(bytes / KB / KB).toFixed(1)} MB`;
const ratio = (x) => `${x.toFixed(2)}×`;

/** Each measure with its budget and whether it passed (`pass: null` for figures without one). */
export function budgets(r) {
  const rows = [];
  const add = (item, measure, value, budget, pass) => rows.push({ item, measure, value, budget, pass });
  const s = r.size.alur;
  const first = r.size.plans_page;
  const deep = r.size.deep_link;
  add(1, `First download of the plans page (${first.files.length} files), gzip -9`, kb(first.gzip), '≤ 200 KB', first.gzip <= 200 * KB);
  add(1, 'First download of the plans page, brotli -11 / raw', `${kb(first.brotli)} / ${kb(first.raw)}`, '', null);
  add(1, `A deep link to the analysis page (${deep.files.length} files), gzip -9 / brotli -11`, `${kb(deep.gzip)} / ${kb(deep.brotli)}`, '', null);
  add(1, `The whole release, every part (${s.files.length} files), gzip -9`, kb(s.gzip), '≤ 700 KB', s.gzip <= 700 * KB);
  add(1, 'The whole release, brotli -11 / raw', `${kb(s.brotli)} / ${kb(s.raw)}`, '', null);
  add(1, 'Minimal Leptos app, gzip (for reference)', kb(r.size.hello.gzip), '', null);

  const l = r.load;
  add(2, `Load to interactive, the plans page (median of ${l.loads} cold loads)`, ms(l.alur.mounted_ms), '', null);
  add(2, 'Load to interactive, a deep link to the analysis page (verdict drawn)', ms(l.deep.mounted_ms), '', null);
  add(2, '… its first painted frame after that (style, layout and paint of the page)', ms(l.deep.painted_ms), '', null);
  add(2, `Load to interactive, minimal Leptos app`, ms(l.hello.mounted_ms), '', null);
  add(2, 'Load to interactive, the plans page ÷ minimal app', ratio(l.ratio), '≤ 1.30×', l.ratio <= 1.3);
  add(2, 'Load to interactive, the deep link ÷ minimal app', ratio(l.deep_ratio), '≤ 2.00×', l.deep_ratio <= 2.0);

  for (const c of r.charts) {
    add(3, `Chart, ${c.n} points: Alur ${ms(c.alur_ms)}, Chart.js ${ms(c.chartjs_ms)}`, ratio(c.ratio), '≤ 1.00×', c.ratio <= 1.0);
  }

  const i = r.imports;
  add(4, `GA4 CSV import, ${i.csv_rows.toLocaleString('en')} values from 50,000 rows (wasm)`, ms(i.csv_ms), '≤ 500 ms', i.csv_ms <= 500);
  add(4, 'GA4 CSV import through the collect step (file chosen → preview)', ms(r.ui_csv_import.ms), '≤ 500 ms', r.ui_csv_import.ms <= 500);
  add(4, `Plan file import, ${mb(i.plan_bytes)} (wasm)`, ms(i.plan_ms), '≤ 300 ms', i.plan_ms <= 300);
  add(4, `Plan file import through the plans page (file chosen → ${r.ui_plan_import.outcome})`, ms(r.ui_plan_import.ms), '≤ 300 ms', r.ui_plan_import.ms <= 300);

  const y = r.year_import;
  add(4, `A year of 20 campaigns (${y.values.toLocaleString('en')} values in ${y.series} series): file chosen → preview`, ms(y.preview_ms), '≤ 500 ms', y.preview_ms <= 500);
  add(4, 'A year of 20 campaigns: "Import" → stored as facts', ms(y.apply_ms), '≤ 500 ms', y.apply_ms <= 500);
  add(4, 'A year of 20 campaigns: the analysis page opened (→ KPI table drawn)', ms(y.analysis_ms), '', null);
  add(4, 'A year of 20 campaigns: the stored plan / all of localStorage', `${(y.plan_chars / 1e6).toFixed(2)} M / ${(y.storage_chars / 1e6).toFixed(2)} M chars`, '≤ 2.5 M (half of 5 M)', y.storage_chars <= 2_500_000);
  add(5, 'Typing in the plan with a year of 20 campaigns, p95', ms(r.typing_year.p95_ms), '≤ 16 ms', r.typing_year.p95_ms <= 16);

  const t = r.typing_large;
  add(5, 'Autosave of the large plan: saves during typing', String(t.saves_during_typing), '0 (off the keystroke path)', t.saves_during_typing === 0);
  add(5, 'Autosave of the large plan: main-thread time of one save', ms(t.save_ms), '', null);
  add(5, `Typing in the large plan, keystroke → next paint, p50 (${t.keystrokes} keys)`, ms(t.p50_ms), '', null);
  add(5, 'Typing in the large plan, keystroke → next paint, p95', ms(t.p95_ms), '≤ 16 ms', t.p95_ms <= 16);
  add(5, 'Typing in the example plan (for reference), p50 / p95', `${ms(r.typing_example.p50_ms)} / ${ms(r.typing_example.p95_ms)}`, '', null);

  add(6, 'Peak JS heap, large plan', mb(t.js_heap_peak_bytes), '', null);
  add(6, 'Wasm memory, large plan', t.wasm_memory_bytes ? mb(t.wasm_memory_bytes) : '—', '', null);

  const violations = r.axe.reduce((n, p) => n + p.violations.length, 0);
  const worst = r.axe.filter((p) => p.violations.length).map((p) => `${p.page}: ${p.violations.map((v) => v.id).join(', ')}`);
  add(7, `axe-core violations, ${r.axe.length} pages`, worst.length ? `${violations} (${worst.join('; ')})` : '0', '0', violations === 0);
  const lh = r.lighthouse.scores;
  add(7, `Lighthouse performance (median of ${r.lighthouse.runs})`, String(lh.performance), '≥ 95', lh.performance >= 95);
  add(7, 'Lighthouse accessibility', String(lh.accessibility), '100', lh.accessibility === 100);
  add(7, 'Lighthouse best practices', String(lh['best-practices']), '100', lh['best-practices'] === 100);
  return rows;
}

/** Prints the table in Markdown, and the misses again below it. */
export function printTable(r) {
  const m = r.meta;
  const lines = [
    `## make bench — ${m.date.slice(0, 10)}, ${m.machine}, ${m.chromium}, commit ${m.commit}`,
    '',
    `Load average ${m.load_average[0]} at the start, ${m.load_average[1]} at the end (other processes share the cores).`,
    '',
    '| # | measure | value | budget | result |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const b of r.budgets) {
    const result = b.pass === null ? '' : b.pass ? 'pass' : '**MISS**';
    lines.push(`| ${b.item} | ${b.measure} | ${b.value} | ${b.budget} | ${result} |`);
  }
  const misses = r.budgets.filter((b) => b.pass === false);
  lines.push('', misses.length ? `MISS: ${misses.length} budget(s) missed: ${misses.map((b) => b.measure).join('; ')}` : 'All budgets met.');
  lines.push(`Details: bench/results.json (${m.seconds} s).`);
  console.log(lines.join('\n'));
}
