/**
 * Benchmark part (i): the Pathways page's compare of the built app. Builds the app into a temporary
 * directory, serves it with `vite preview`, opens `#/pathways` on the sample park with 10,000 runs and
 * compares BAU and policy (the panel's default choice) several times: the time from the click to the
 * result, as the page records it (both scenarios simulated, with lever contributions and costs,
 * summarised in the workers, and their paired difference), in the compare panel's own pool.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, locateChromium } from '../tools/chromium';

const RUNS = 10_000;
const REPEATS = 4;

export interface CompareFigures {
  workers: number;
  /** Click → result, ms, per compare (the first includes the compare pool's start). */
  elapsedMs: number[];
}

export async function compareBench(): Promise<CompareFigures> {
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
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => console.error(`[page] ${e.message}`));
    await page.goto(`${base}#/pathways?park=sample&preset=policy&seed=2060&runs=${RUNS}&lang=en`);
    await page
      .locator(`[data-testid=path-results][data-phase=full][data-runs="${RUNS}"]`)
      .waitFor({ timeout: 180_000 });
    await page.locator('[data-testid=run-status][data-status=done]').waitFor({ timeout: 60_000 });
    const workers = await page.evaluate(() => navigator.hardwareConcurrency);
    const elapsedMs: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      await page.getByTestId('compare-run').click();
      await page.locator('[data-testid=compare-status][data-status=done]').waitFor({ timeout: 180_000 });
      elapsedMs.push(Number(await page.getByTestId('compare-result').getAttribute('data-elapsed')));
    }
    return { workers, elapsedMs };
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

export async function printCompareBench(): Promise<void> {
  const f = await compareBench();
  const sorted = [...f.elapsedMs].slice(1).sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1];
  console.log(
    `\n(i) Pathways compare (built app, Chromium, pool of ${f.workers} workers): BAU vs policy, ${RUNS.toLocaleString('en')} runs each`,
  );
  console.log(
    `    click → result: first ${f.elapsedMs[0].toFixed(0)} ms (pool start included), then median ${median.toFixed(0)} ms ` +
      `${median <= 2000 ? '✓' : '✗'} (${f.elapsedMs.map((x) => x.toFixed(0)).join(', ')}); target ≤ 2 s`,
  );
}
