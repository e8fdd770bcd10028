/**
 * Benchmark part (c): the whole engine in headless Chromium. Builds test/bench/browser with Vite,
 * serves it from a small static server, and drives it with playwright-core, one fresh browser per
 * pool size so each renderer's peak RSS (VmHWM) belongs to one configuration.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import type { CompiledModel } from '../../src/core/scenario/model';
import { CHROMIUM_ARGS, locateChromium } from '../tools/chromium';
import type { PageFigures } from './browser/bench-page';
import { encode } from './model-codec';
import { serve } from './static-server';

export type BrowserRow = PageFigures & {
  /**
   * Renderer RSS (VmRSS) just before the 100k run, after the smaller runs and a garbage collection of
   * the page: Chromium's renderer, the page, the pool's two isolates and their JIT code.
   */
  rendererBeforeMb: number | null;
  /** Peak renderer RSS (VmHWM) during the 100k run. */
  rendererPeakRssMb: number | null;
  /** Whether the peak was reset just before the 100k run (else it covers the renderer's whole life). */
  peakReset: boolean;
  /** Renderer peak minus its level before, for one plain run of 1k and of 10k (null if unmeasured). */
  added1kMb: number | null;
  added10kMb: number | null;
};

const HERE = dirname(fileURLToPath(import.meta.url));

/** Process ids of the page renderers started with this profile directory. */
export function rendererPids(profile: string): string[] {
  try {
    const ps = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
    return ps
      .split('\n')
      .filter(
        (l) => l.includes('--type=renderer') && l.includes(profile) && !l.includes('--top-chrome-webui'),
      )
      .map((l) => l.trim().split(/\s+/)[0]);
  } catch {
    return [];
  }
}

/** Peak RSS (VmHWM) or current RSS (VmRSS) of the page renderers, in MB (the largest renderer). */
export function rendererRss(pids: string[], field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const values = pids.map((pid) => {
      const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : 0;
    });
    return values.length ? Math.max(...values) : null;
  } catch {
    return null;
  }
}

/** Resets the peak RSS (VmHWM) of these processes to their current RSS (Linux: clear_refs 5); false if refused. */
export function resetPeak(pids: string[]): boolean {
  try {
    for (const pid of pids) writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return pids.length > 0;
  } catch {
    return false;
  }
}

export async function browserBench(
  model: CompiledModel,
  seed: number,
  poolSizes: number[],
): Promise<BrowserRow[]> {
  const executablePath = locateChromium();
  if (!executablePath) throw new Error('No Chromium found (see test/tools/chromium.ts)');
  const outDir = mkdtempSync(join(tmpdir(), 'pcw-bench-build-'));
  await build({
    configFile: false,
    root: resolve(HERE, 'browser'),
    base: './',
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  });
  const { server, url } = await serve(outDir);
  const encoded = encode(model);
  const rows: BrowserRow[] = [];
  try {
    for (const workers of poolSizes) {
      const profile = mkdtempSync(join(tmpdir(), 'pcw-bench-profile-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath,
        args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
      });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        page.on('pageerror', (e) => console.error(`[page] ${e.message}`));
        await page.goto(url);
        await page.waitForFunction(() => document.title === 'ready');
        type Bench = {
          small(m: unknown, w: number, s: number): Promise<Partial<PageFigures>>;
          once(runs: number): Promise<number>;
          large(): Promise<Partial<PageFigures>>;
        };
        // Garbage from earlier runs would otherwise be collected during the measured run and hide part of
        // its memory: collect it first (the pool's workers hand every result over, so they hold none).
        const settle = async () => {
          await page.evaluate(() => (globalThis as unknown as { gc?: () => void }).gc?.());
          await page.waitForTimeout(200);
        };
        /** Renderer RSS before, and whether its peak could be reset; the peak is read after the run. */
        const before = async () => {
          await settle();
          const pids = rendererPids(profile);
          return { pids, rss: rendererRss(pids, 'VmRSS'), reset: resetPeak(pids) };
        };
        const added = (b: { pids: string[]; rss: number | null; reset: boolean }) => {
          const peak = rendererRss(b.pids, 'VmHWM');
          return b.reset && b.rss !== null && peak !== null ? peak - b.rss : null;
        };
        const first = await page.evaluate(
          ([m, w, s]) => (window as unknown as { bench: Bench }).bench.small(m, w as number, s as number),
          [encoded, workers, seed] as const,
        );
        const addedBy = async (runs: number) => {
          const b = await before();
          await page.evaluate((n) => (window as unknown as { bench: Bench }).bench.once(n), runs);
          return added(b);
        };
        const added1kMb = await addedBy(1000);
        const added10kMb = await addedBy(10_000);
        const b = await before();
        const second = await page.evaluate(() => (window as unknown as { bench: Bench }).bench.large());
        rows.push({
          ...(first as PageFigures),
          ...second,
          rendererBeforeMb: b.rss,
          rendererPeakRssMb: rendererRss(b.pids, 'VmHWM'),
          peakReset: b.reset,
          added1kMb,
          added10kMb,
        });
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }
  } finally {
    server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
  return rows;
}
