/**
 * Benchmark part (e): a product footprint of a 50-line BOM in headless Chromium, as the product page
 * computes it (runner → footprint worker → totals transferred back), 10,000 runs. Target (issue 13):
 * ≤ 300 ms. Builds test/bench/footprint with Vite, serves it with Vite's preview server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, locateChromium } from '../tools/chromium';
import type { FootprintFigures } from './footprint/page';

const HERE = dirname(fileURLToPath(import.meta.url));

export async function footprintBench(runs = 10_000, reps = 9): Promise<FootprintFigures> {
  const executablePath = locateChromium();
  if (!executablePath) throw new Error('No Chromium found (see test/tools/chromium.ts)');
  const outDir = mkdtempSync(join(tmpdir(), 'pcw-bench-footprint-'));
  const root = resolve(HERE, 'footprint');
  await build({
    configFile: false,
    root,
    base: './',
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  });
  const server = await preview({
    configFile: false,
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(server.resolvedUrls!.local[0]);
    await page.waitForFunction(() => 'footprintBench' in globalThis);
    return await page.evaluate(
      ([n, r]) =>
        (
          globalThis as unknown as {
            footprintBench: (runs: number, reps: number) => Promise<FootprintFigures>;
          }
        ).footprintBench(n, r),
      [runs, reps] as const,
    );
  } finally {
    await browser.close();
    await new Promise<void>((ok) => server.httpServer.close(() => ok()));
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Prints part (e). */
export async function printFootprintBench(): Promise<void> {
  const f = await footprintBench();
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  console.log(
    `\n(e) product footprint in headless Chromium: ${f.lines}-line BOM, ${f.runs.toLocaleString('en')} runs, ` +
      `runner → worker → totals transferred\n` +
      `    warm: median ${ms(f.medianMs)} ${f.medianMs <= 300 ? '✓' : '✗'} (target ≤ 300 ms), fastest ${ms(f.minMs)}, ` +
      `slowest ${ms(f.maxMs)}; first request (worker start) ${ms(f.coldMs)}; core alone on the main thread ${ms(f.coreMedianMs)}`,
  );
}
