// The bench page: Alur's chart and import code (bench/charts, compiled to wasm) next to
// Chart.js 4, in one page run. bench/run.mjs calls `window.bench.*` and reads the medians.
import init, * as alur from './pkg/bench.js';

await init({ module_or_path: './pkg/bench_bg.wasm' });

const host = document.getElementById('host');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Resolves after the next frame has been painted (a task queued from requestAnimationFrame). */
const nextPaint = () =>
  new Promise((ok) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => ok();
    channel.port2.postMessage(null);
  }));

const DAY_MS = 86_400_000;
const dayLabel = (days) => new Date(days * DAY_MS).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: '2-digit' });

/** The Chart.js config that draws what Alur's actual-vs-target chart draws, same size. */
function chartJsConfig(data) {
  const xy = ([x, y]) => ({ x, y });
  const xs = data.points.map((p) => p[0]).concat(data.trajectory.map((p) => p[0]), (data.projection ?? []).map((p) => p[0]));
  const x0 = Math.min(...xs), x1 = Math.max(...xs);
  const datasets = [
    { label: 'Target', data: [{ x: x0, y: data.target }, { x: x1, y: data.target }], borderColor: '#D55E00', borderWidth: 1, pointRadius: 0 },
    { label: 'Actual', data: data.points.map(xy), borderColor: '#0072B2', backgroundColor: '#0072B2', borderWidth: 2, pointRadius: data.points.length <= 200 ? 3 : 0 },
    { label: 'Target trajectory', data: data.trajectory.map(xy), borderColor: '#009E73', borderDash: [2, 4], borderWidth: 2, pointRadius: 0 },
  ];
  if (data.projection) {
    datasets.push({ label: 'Projection', data: data.projection.map(xy), borderColor: '#E69F00', borderDash: [8, 5], borderWidth: 2, pointRadius: 0 });
  }
  return {
    type: 'line',
    data: { datasets },
    options: {
      animation: false,
      responsive: false,
      parsing: false,
      normalized: true,
      plugins: { title: { display: true, text: data.title }, legend: { position: 'top' }, tooltip: { enabled: false } },
      scales: {
        x: { type: 'linear', min: x0, max: x1, title: { display: true, text: 'Date' }, ticks: { maxTicksLimit: 6, callback: dayLabel } },
        y: { type: 'linear', title: { display: true, text: 'Value (%)' }, ticks: { maxTicksLimit: 10 } },
      },
    },
  };
}

/** One Alur chart: draw the SVG in wasm, put it in the page, lay it out. */
function drawAlur() {
  const t0 = performance.now();
  host.innerHTML = alur.chart_svg();
  host.firstElementChild.getBoundingClientRect();
  return performance.now() - t0;
}

/** One Chart.js chart of the same data and size, animation off. */
function drawChartJs(config) {
  const t0 = performance.now();
  const canvas = document.createElement('canvas');
  canvas.width = 720;
  canvas.height = 400;
  host.replaceChildren(canvas);
  const chart = new Chart(canvas, config);
  canvas.getBoundingClientRect();
  const ms = performance.now() - t0;
  return { ms, chart };
}

window.bench = {
  /**
   * Draws the chart of `n` points `repeats` times with each library, alternating, after two
   * untimed warm-up draws each. Times are synchronous (draw + insert + layout); `*_paint` adds
   * the wait for the next painted frame, for reference.
   */
  async chart(n, repeats) {
    alur.chart_prepare(n);
    const data = JSON.parse(alur.chart_data());
    const out = { n, alur: [], chartjs: [], alur_paint: [], chartjs_paint: [], svg_bytes: 0 };
    for (let i = -2; i < repeats; i++) {
      let t0 = performance.now();
      const a = drawAlur();
      await nextPaint();
      const aPaint = performance.now() - t0;
      out.svg_bytes = host.innerHTML.length;
      await nextPaint();

      const config = chartJsConfig(data);
      t0 = performance.now();
      const c = drawChartJs(config);
      await nextPaint();
      const cPaint = performance.now() - t0;
      c.chart.destroy();
      await nextPaint();
      if (i >= 0) {
        out.alur.push(a);
        out.chartjs.push(c.ms);
        out.alur_paint.push(aPaint);
        out.chartjs_paint.push(cPaint);
      }
    }
    host.replaceChildren();
    return { n, alur_ms: median(out.alur), chartjs_ms: median(out.chartjs), alur_paint_ms: median(out.alur_paint), chartjs_paint_ms: median(out.chartjs_paint), svg_bytes: out.svg_bytes, samples: out };
  },

  /** Times `parse_plan` on the plan file and `import_csv` on the GA4 CSV, `repeats` times each. */
  async imports(planUrl, csvUrl, repeats) {
    const plan = new Uint8Array(await (await fetch(planUrl)).arrayBuffer());
    const csv = new Uint8Array(await (await fetch(csvUrl)).arrayBuffer());
    const time = (f) => {
      const t0 = performance.now();
      const result = f();
      return [performance.now() - t0, result];
    };
    const planMs = [], csvMs = [];
    let measurements = 0, rows = [0, 0];
    for (let i = -1; i < repeats; i++) {
      const [p, m] = time(() => alur.parse_plan(plan));
      const [c, r] = time(() => alur.import_csv(csv));
      if (i >= 0) { planMs.push(p); csvMs.push(c); }
      measurements = m;
      rows = Array.from(r);
    }
    return { plan_bytes: plan.length, csv_bytes: csv.length, measurements, csv_rows: rows[0], csv_bad_rows: rows[1], plan_ms: median(planMs), csv_ms: median(csvMs), samples: { plan: planMs, csv: csvMs } };
  },
};
document.body.dataset.ready = 'yes';
