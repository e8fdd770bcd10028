/**
 * Benchmark part (h): the Workshop page of the built app. Builds the app (the project's own Vite
 * config) into a temporary directory, serves it with `vite preview`, opens `#/workshop` in headless
 * Chromium and moves the efficiency slider seven times, each to a new value (a new model): the time
 * from the slider's input event until the 1k preview of the new settings is on the page (the page's
 * 90 ms coalescing delay included), and the engine's own part of it (request to preview, as the page
 * records it). Each change waits for the full sample before the next.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, locateChromium } from '../tools/chromium';

export interface WorkshopFigures {
  /** Slider input → preview on the page, ms, per change. */
  shownMs: number[];
  /** Request → preview (the page's own measure, after the coalescing delay), ms, per change. */
  engineMs: number[];
  /** Page open → first full result, ms. */
  firstFullMs: number;
}

const CHANGES = [0.012, 0.018, 0.024, 0.03, 0.022, 0.016, 0.028];

/**
 * Runs in the page (as source text: the bench runs through tsx, whose helpers the page does not have):
 * moves the efficiency slider to `v`, then waits, frame by frame, for the preview of the new settings.
 */
const CHANGE_AND_WAIT = `async (v) => {
  const input = document.querySelector('[data-testid=lever-efficiency]');
  const results = () => document.querySelector('[data-testid=ws-results]');
  const start = performance.now();
  input.value = String(v);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve) => {
    const check = () => {
      const el = results();
      if (el.dataset.stale === 'false' && el.dataset.phase === 'preview') resolve();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  return { shown: performance.now() - start, engine: Number(results().dataset.elapsed) };
}`;

export async function workshopBench(): Promise<WorkshopFigures> {
  const executablePath = locateChromium();
  if (!executablePath) throw new Error('No Chromium found (see test/tools/chromium.ts)');
  const outDir = mkdtempSync(join(tmpdir(), 'pcw-bench-app-'));
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const base = server.resolvedUrls?.local[0];
    if (!base) throw new Error('vite preview did not report a URL');
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('pageerror', (e) => console.error(`[page] ${e.message}`));
    const settled = '[data-testid=ws-results][data-phase=full][data-status=done][data-stale=false]';
    const t0 = Date.now();
    await page.goto(`${base}#/workshop?park=sample&lang=en`);
    await page.locator(settled).waitFor({ timeout: 120_000 });
    const firstFullMs = Date.now() - t0;
    const shownMs: number[] = [];
    const engineMs: number[] = [];
    for (const value of CHANGES) {
      const r = (await page.evaluate(`(${CHANGE_AND_WAIT})(${value})`)) as { shown: number; engine: number };
      shownMs.push(r.shown);
      engineMs.push(r.engine);
      await page.locator(settled).waitFor({ timeout: 120_000 });
    }
    return { shownMs, engineMs, firstFullMs };
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export async function printWorkshopBench(): Promise<void> {
  const f = await workshopBench();
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  console.log(
    '\n(h) Workshop page (built app, Chromium, 1280×720): efficiency slider → 1k preview on the page',
  );
  console.log(`    first full result after opening the page: ${ms(f.firstFullMs)}`);
  console.log(
    `    slider → preview shown: median ${ms(median(f.shownMs))}, slowest ${ms(Math.max(...f.shownMs))} ` +
      `(${f.shownMs.map((x) => x.toFixed(0)).join(', ')})`,
  );
  console.log(
    `    of which the engine (request → preview): median ${ms(median(f.engineMs))}, slowest ${ms(Math.max(...f.engineMs))}`,
  );
  console.log(
    '    "shown" includes the page\'s 90 ms delay that coalesces a burst of slider moves into one run (PathwaysState).',
  );
}
