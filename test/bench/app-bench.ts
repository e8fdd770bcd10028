/**
 * Benchmark part (j): what a planner sees on the Pathways page of the built app, not what the engine
 * does. Builds the app into a temporary directory, serves it, opens `#/pathways?park=sample` in headless
 * Chromium (the pool has as many workers as the machine has cores, here 2) and, once the first full
 * sample is on the page:
 * - moves the first lever of the policy preset (energy efficiency) once, 1 s after that first sample (the
 *   page is still opening the park in DuckDB then: reported apart, as "early");
 * - once the park is open (the page's `pcw:park-ready` mark) and 2 s later, moves it seventeen times, each to
 *   a new value, waiting for the full sample between moves: the time from the slider's input event to
 *   the fan chart drawn with the preview of the new settings and then with the full 10k sample ("drawn" =
 *   ECharts' `finished` event on the chart after the page put that result on show);
 * - drags the slider (12 input events, 25 ms apart) and waits for the full sample of the last value;
 * - switches to 100,000 runs: time to the fan chart drawn with them, and the renderer's memory added
 *   (peak RSS during the run minus RSS before, after a garbage collection; workers are threads of the
 *   renderer, so they count).
 * Throughout, a long-task observer in the page records every main-thread task over 50 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, locateChromium } from '../tools/chromium';
import { rendererPids, rendererRss, resetPeak } from './browser-bench';
import { serve } from './static-server';

export interface AppChange {
  /** Input event → fan chart drawn with the preview of the new settings, ms. */
  previewMs: number;
  /** Input event → fan chart drawn with the full sample, ms. */
  fullMs: number;
  /** The engine's part: the page's request → that result handed to the page (its own measure), ms. */
  previewEngineMs: number;
  fullEngineMs: number;
  /** Main-thread tasks over 50 ms from the input event to 300 ms after the full sample was drawn. */
  longTasks: number[];
}

export interface AppFigures {
  workers: number;
  /** Navigation → first full sample drawn, ms. */
  firstFullMs: number;
  /** A change 1 s after the first full sample, while the page still opens the park in DuckDB. */
  early: AppChange;
  changes: AppChange[];
  drag: { events: number; fullMs: number; longTasks: number[] };
  run100k: { fullMs: number; addedMb: number | null; longTasks: number[] };
}

/** The early change's value, then the settled changes' (all different, none the preset's 0.01). */
const EARLY = 0.012;
const CHANGES = [
  0.018, 0.024, 0.03, 0.022, 0.016, 0.028, 0.014, 0.026, 0.021, 0.032, 0.019, 0.013, 0.017, 0.023, 0.027,
  0.029, 0.011,
];
/**
 * The settled changes after which the workers' summary code has been seen to run at its compiled speed
 * (V8 compiles the summary's functions again over the first several results): the figures are printed
 * for the changes before and from it as well as for all.
 */
const WARM_FROM = 7;
/** Values not used before in the bench: a result kept from earlier (shown at once) would end the wait early. */
const DRAG = Array.from({ length: 12 }, (_, i) => Number((0.033 + i * 0.001).toFixed(3)));

/**
 * Installed once in the page (as source text: the bench runs through tsx, whose helpers the page does not
 * have): a long-task observer, the time each chart finished drawing, and the time the results on show
 * changed phase.
 */
const INSTALL = `() => {
  const w = window;
  const P = (w.__pcw = { longTasks: [], finished: [], phases: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) P.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask' });
  document.addEventListener('pcw-chart-finished', (e) => {
    const fig = e.target.closest('figure.chart');
    P.finished.push([performance.now(), fig ? fig.dataset.chart : '']);
  });
  const results = () => document.querySelector('[data-testid=path-results]');
  let last = '';
  const note = () => {
    const r = results();
    const state = r ? r.dataset.phase + (r.classList.contains('stale') ? ':stale' : '') + ':' + r.dataset.runs : '';
    if (state !== last) P.phases.push([performance.now(), (last = state), r ? Number(r.dataset.elapsed) : NaN]);
  };
  new MutationObserver(note).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-phase', 'class', 'data-runs'] });
}`;

/**
 * Starts an action (\`kind\`: 'set' one slider value, 'drag' through several, 'runs' a run-count button),
 * then waits until the fan chart has been drawn with the full sample of the new settings. Returns the
 * times, from the first input event, at which the fan chart was drawn with the preview and the full
 * sample, and the long tasks in between.
 */
const ACT = `async ([kind, values, runs]) => {
  const P = window.__pcw;
  const fan = document.querySelector('[data-testid=path-results] figure.chart').dataset.chart;
  const input = document.querySelector('[data-testid=lever-efficiency]');
  const status = () => document.querySelector('[data-testid=run-status]').dataset.status;
  P.phases.length = 0;
  const start = performance.now();
  if (kind === 'runs') document.querySelector('[data-testid=runs-' + runs + ']').click();
  else {
    for (let i = 0; i < values.length; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 25));
      input.value = String(values[i]);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }
  const drawnAfter = (t) => P.finished.find(([at, label]) => at >= t && label === fan);
  // The result of the new settings: shown after the old one was marked stale (or replaced by a preview).
  const shown = (phase) => {
    const from = P.phases.findIndex(([, p]) => p.includes(':stale') || p.startsWith('preview'));
    if (from < 0) return undefined;
    return P.phases.slice(from).find(([, p]) => p === phase + ':' + (phase === 'preview' ? '1000' : String(runs)));
  };
  await new Promise((resolve, reject) => {
    const give = setTimeout(() => reject(new Error('timed out: ' + JSON.stringify(P.phases))), 300000);
    const check = () => {
      const f = shown('full');
      if (f && status() === 'done' && drawnAfter(f[0])) { clearTimeout(give); resolve(); }
      else setTimeout(check, 5);
    };
    check();
  });
  const fullAt = drawnAfter(shown('full')[0])[0];
  const p = shown('preview');
  const previewAt = p ? (drawnAfter(p[0]) || [NaN])[0] : NaN;
  await new Promise((r) => setTimeout(r, 300));
  const longTasks = P.longTasks.filter(([t]) => t >= start).map(([, d]) => Math.round(d));
  P.longTasks.length = 0;
  P.finished.length = 0;
  return {
    previewMs: previewAt - start,
    fullMs: fullAt - start,
    previewEngineMs: p ? p[2] : NaN,
    fullEngineMs: shown('full')[2],
    longTasks,
  };
}`;

export async function appBench(): Promise<AppFigures> {
  const executablePath = locateChromium();
  if (!executablePath) throw new Error('No Chromium found (see test/tools/chromium.ts)');
  const outDir = mkdtempSync(join(tmpdir(), 'pcw-bench-app-'));
  const profile = mkdtempSync(join(tmpdir(), 'pcw-bench-profile-'));
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const { server, url } = await serve(outDir);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
    viewport: { width: 1440, height: 900 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.error(`[page] ${e.message}`));
    const t0 = Date.now();
    await page.goto(`${url}#/pathways?park=sample&lang=en`);
    const settled = '[data-testid=path-results][data-phase=full][data-runs="10000"]:not(.stale)';
    await page.locator(settled).waitFor({ timeout: 300_000 });
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('[data-testid=run-status]')?.dataset.status === 'done',
      null,
      { timeout: 300_000 },
    );
    const firstFullMs = Date.now() - t0;
    const workers = await page.evaluate(() => navigator.hardwareConcurrency);
    await page.evaluate(`(${INSTALL})()`);
    await page.waitForTimeout(1000);
    type Acted = AppChange;
    const act = (kind: string, values: number[], runs = 10_000) =>
      page.evaluate(`(${ACT})(${JSON.stringify([kind, values, runs])})`) as Promise<Acted>;
    const early = await act('set', [EARLY]);
    await page.waitForFunction(() => performance.getEntriesByName('pcw:park-ready').length > 0, null, {
      timeout: 300_000,
    });
    await page.waitForTimeout(2000);
    const changes: AppChange[] = [];
    for (const v of CHANGES) {
      changes.push(await act('set', [v]));
      await page.waitForTimeout(300);
    }
    const drag = await act('drag', DRAG);
    await page.evaluate(() => (globalThis as unknown as { gc?: () => void }).gc?.());
    await page.waitForTimeout(500);
    const pids = rendererPids(profile);
    const before = rendererRss(pids, 'VmRSS');
    const reset = resetPeak(pids);
    const big = await act('runs', [], 100_000);
    const peak = rendererRss(pids, 'VmHWM');
    return {
      workers,
      firstFullMs,
      early,
      changes,
      drag: { events: DRAG.length, fullMs: drag.fullMs, longTasks: drag.longTasks },
      run100k: {
        fullMs: big.fullMs,
        addedMb: reset && before !== null && peak !== null ? peak - before : null,
        longTasks: big.longTasks,
      },
    };
  } finally {
    await context.close();
    server.close();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

const ms = (x: number) =>
  Number.isNaN(x) ? '—' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`;
const mark = (ok: boolean) => (ok ? '✓' : '✗');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const tasks = (xs: number[]) => (xs.length === 0 ? 'none' : `${xs.length}, longest ${Math.max(...xs)} ms`);

/** Part (j): prints the figures (BENCH_PART=app runs it alone). */
export async function printAppBench(): Promise<void> {
  const f = await appBench();
  const previews = f.changes.map((c) => c.previewMs);
  const fulls = f.changes.map((c) => c.fullMs);
  const all = f.changes.flatMap((c) => c.longTasks);
  console.log(
    `\n(j) built app, Pathways page of the sample park, ${f.workers} workers (headless Chromium): what the planner sees`,
  );
  console.log(`  navigation → first full sample drawn: ${ms(f.firstFullMs)}`);
  console.log(
    `  early change (1 s after it, DuckDB still opening the park): preview drawn ${ms(f.early.previewMs)}, ` +
      `10k drawn ${ms(f.early.fullMs)} (engine ${ms(f.early.fullEngineMs)}); long tasks ${tasks(f.early.longTasks)}`,
  );
  console.log('  then, the park open and 2 s later:');
  console.log('  change  preview drawn  (engine)  10k drawn  (engine)  long tasks (> 50 ms)');
  f.changes.forEach((c, i) =>
    console.log(
      `  ${String(i + 1).padStart(6)}  ${ms(c.previewMs).padStart(13)}  ${ms(c.previewEngineMs).padStart(8)}  ` +
        `${ms(c.fullMs).padStart(9)}  ${ms(c.fullEngineMs).padStart(8)}  ${tasks(c.longTasks)}`,
    ),
  );
  console.log(
    `  median  ${ms(median(previews)).padStart(13)}  ${ms(median(f.changes.map((c) => c.previewEngineMs))).padStart(8)}  ` +
      `${ms(median(fulls)).padStart(9)}  ${ms(median(f.changes.map((c) => c.fullEngineMs))).padStart(8)}  ` +
      `targets: preview ≤ 100 ms ${mark(median(previews) <= 100)}, 10k ≤ 1 s ${mark(median(fulls) <= 1000)}; ` +
      `long tasks in all ${CHANGES.length} changes: ${tasks(all)} ${mark(all.length === 0)}`,
  );
  for (const [label, part] of [
    [`changes 1–${WARM_FROM - 1}`, f.changes.slice(0, WARM_FROM - 1)],
    [`changes ${WARM_FROM}–${CHANGES.length}`, f.changes.slice(WARM_FROM - 1)],
  ] as const) {
    console.log(
      `  ${label}: preview drawn median ${ms(median(part.map((c) => c.previewMs)))}, 10k drawn median ` +
        `${ms(median(part.map((c) => c.fullMs)))} (engine ${ms(median(part.map((c) => c.fullEngineMs)))}), ` +
        `long tasks ${tasks(part.flatMap((c) => c.longTasks))}`,
    );
  }
  console.log(
    `  drag (${f.drag.events} input events 25 ms apart): last value's 10k drawn ${ms(f.drag.fullMs)} after the first event; ` +
      `long tasks ${tasks(f.drag.longTasks)} ${mark(f.drag.longTasks.length === 0)}`,
  );
  console.log(
    `  100k runs: drawn ${ms(f.run100k.fullMs)} after the click ${mark(f.run100k.fullMs <= 5000)} (≤ 5 s); renderer memory added ` +
      `${f.run100k.addedMb === null ? 'not measured' : `${f.run100k.addedMb.toFixed(0)} MB ${mark(f.run100k.addedMb <= 250)} (≤ 250 MB)`}; ` +
      `long tasks ${tasks(f.run100k.longTasks)}`,
  );
  console.log(
    "  Times from the input event to ECharts' `finished` event on the fan chart after the page put that result on\n" +
      '  show; "engine": from the page\'s request to the result handed to it (simulation, assembly and summary in the\n' +
      "  workers). Figures scale with the machine's other load.",
  );
}
