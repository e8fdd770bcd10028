/**
 * Benchmark part (g): the dashboard queries (Overview, Park inventory, self-check peers) in DuckDB-Wasm,
 * the inline SQL (src/data/sql/inventory-views-sql.ts) against the materialised inventory
 * (src/data/sql/inventory-store-sql.ts), cold (first run) and warm (median of 5), on the sample park and
 * on a park 100 times its size (every enterprise copied 100 times under new ids), plus the one-time
 * build of the materialised inventory; then the built app in headless Chromium: time to the headline
 * figures and the first chart on a cold visit and on a repeat visit (service worker and caches warm).
 * DuckDB-Wasm runs here in Node (the blocking build of the same engine the browser runs).
 * Prints figures only. Standalone: `BENCH_PART=data npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { openBundledPark } from '../../src/cli/open-park';
import type { DbPort, SqlValue } from '../../src/data/port';
import { QueryCoordinator } from '../../src/data/query-coordinator';
import { sectorCountsSql } from '../../src/data/sql/overview-sql';
import {
  carrierYearsFromSql,
  enterpriseTopFromSql,
  enterpriseYearFromSql,
  parkYearsFromSql,
  sankeyFromSql,
  sectorYearsFromSql,
  type InventoryTables,
} from '../../src/data/sql/inventory-store-sql';
import {
  carrierYearsSql,
  enterpriseYearSql,
  parkYearsSql,
  sankeySql,
  sectorYearsSql,
} from '../../src/data/sql/inventory-views-sql';
import { CHROMIUM_ARGS, ensureChromium } from '../tools/chromium';
import { nativeInventory, nativeTimes, openNativeTwin, resultDifference } from './native-duckdb';
import { serve } from './static-server';

interface Statement {
  name: string;
  old: string;
  fresh: (t: InventoryTables) => string;
  params: SqlValue[];
  /** Parameters of `fresh` when they differ from the inline statement's. */
  freshParams?: SqlValue[];
}

const STATEMENTS: Statement[] = [
  { name: 'park years (Overview, inventory)', old: parkYearsSql(), fresh: parkYearsFromSql, params: [] },
  {
    name: 'carriers by year (Overview, inventory)',
    old: carrierYearsSql(),
    fresh: carrierYearsFromSql,
    params: [],
  },
  { name: 'sectors by year (inventory)', old: sectorYearsSql(), fresh: sectorYearsFromSql, params: [] },
  { name: 'Sankey of a year (inventory)', old: sankeySql(), fresh: sankeyFromSql, params: [2024] },
  {
    name: 'all enterprises of a year (inventory exports)',
    old: enterpriseYearSql(),
    fresh: enterpriseYearFromSql,
    params: [2024],
  },
  {
    name: 'top 20 enterprises of a year (inventory table)',
    old: enterpriseYearSql(),
    fresh: (t) => enterpriseTopFromSql(t, 'total_tco2', 'desc'),
    params: [2024],
    freshParams: [2024, 20],
  },
  {
    name: 'sector peers (self-check)',
    old: enterpriseYearSql({}, true),
    fresh: (t) => enterpriseYearFromSql(t, true),
    params: [2024, 'chemicals'],
  },
  {
    name: 'enterprises by sector (Overview)',
    old: sectorCountsSql(),
    fresh: () => sectorCountsSql(),
    params: [],
  },
];

export interface DataBenchRow {
  scale: number;
  name: string;
  oldCold: number;
  oldWarm: number;
  newCold: number;
  newWarm: number;
  /** Native DuckDB, same data and materialised SQL (native-duckdb.ts). */
  nativeCold: number;
  nativeWarm: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(db: DbPort, sql: string, params: SqlValue[]): Promise<number> {
  const t0 = performance.now();
  await db.query(sql, params);
  return performance.now() - t0;
}

/** Copies every enterprise `times` times under new ids (`E0001~7`), in all park tables. */
async function scaleUp(db: Pick<DbPort, 'exec'>, times: number): Promise<void> {
  for (const t of ['enterprises', 'economics', 'activity']) {
    await db.exec(`ALTER TABLE ${t} RENAME TO ${t}_one`);
    await db.exec(`CREATE TABLE ${t} AS
      SELECT * REPLACE (CAST(enterprise_id AS VARCHAR) || '~' || k AS enterprise_id)
      FROM ${t}_one, range(${times}) r(k)`);
    await db.exec(`DROP TABLE ${t}_one`);
  }
}

interface Measured {
  rows: DataBenchRow[];
  buildMs: number;
  nativeBuildMs: number;
  steps: number[];
  activityRows: number;
  nativeVersion: string;
  wasmVersion: string;
  /** Statements whose native result is not the Wasm one, with the first difference. */
  mismatches: string[];
}

async function measure(scale: number): Promise<Measured> {
  const { db } = await openBundledPark('sample');
  const native = await openNativeTwin(db, 'sample');
  try {
    if (scale > 1) {
      await scaleUp(db, scale);
      await scaleUp(native, scale);
    }
    const activityRows = Number((await db.query('SELECT count(*) AS n FROM activity')).get(0)!.n);
    const rows: DataBenchRow[] = [];
    // The inline SQL, as the pages ran it before.
    const old = new Map<string, { cold: number; warm: number }>();
    for (const s of STATEMENTS) {
      const cold = await time(db, s.old, s.params);
      const warm = median(await Promise.all([0, 1, 2, 3, 4].map(() => time(db, s.old, s.params))));
      old.set(s.name, { cold, warm });
    }
    const coordinator = new QueryCoordinator(async () => db);
    const t0 = performance.now();
    const steps: number[] = [];
    const inv = await coordinator.inventory({}, () => steps.push(performance.now() - t0));
    const buildMs = performance.now() - t0;
    const nativeInv = await nativeInventory(native);
    if (JSON.stringify(nativeInv.tables) !== JSON.stringify(inv))
      throw new Error('native inventory named otherwise');
    const mismatches: string[] = [];
    for (const s of STATEMENTS) {
      const sql = s.fresh(inv);
      const params = s.freshParams ?? s.params;
      const cold = await time(db, sql, params);
      const warm: number[] = [];
      for (let i = 0; i < 5; i++) warm.push(await time(db, sql, params));
      const n = await nativeTimes(native, sql, params);
      rows.push({
        scale,
        name: s.name,
        ...oldOf(old, s.name),
        newCold: cold,
        newWarm: median(warm),
        nativeCold: n.cold,
        nativeWarm: n.warm,
      });
    }
    // After all the timing, so the garbage of the compared results does not land in a timed run.
    for (const s of STATEMENTS) {
      const [sql, params] = [s.fresh(inv), s.freshParams ?? s.params];
      const diff = resultDifference(await db.query(sql, params), await native.query(sql, params), 1e-9);
      if (diff) mismatches.push(`${s.name}: ${diff}`);
    }
    const wasmVersion = String((await db.query('PRAGMA version')).get(0)!.library_version);
    return {
      rows,
      buildMs,
      nativeBuildMs: nativeInv.ms,
      steps,
      activityRows,
      nativeVersion: native.version,
      wasmVersion,
      mismatches,
    };
  } finally {
    await native.close();
    await db.close();
  }
}

const oldOf = (m: Map<string, { cold: number; warm: number }>, name: string) => ({
  oldCold: m.get(name)!.cold,
  oldWarm: m.get(name)!.warm,
});

export interface StartFigures {
  visit: 'cold' | 'repeat';
  headlineMs: number;
  chartMs: number;
  /** DuckDB started and open (the app's performance mark), and the park loaded into it. */
  dbReadyMs: number;
  parkReadyMs: number;
}

/** Visits of each kind measured; the table gives their median and range. */
const START_VISITS = 5;

/**
 * The built app: time from navigation to the Overview's headline figures and its first chart, on cold
 * visits (each in a fresh browser profile: nothing cached) and repeat visits (a profile that has been
 * there: service worker and its caches warm).
 */
async function startBench(): Promise<StartFigures[]> {
  const out = mkdtempSync(join(tmpdir(), 'pcw-data-bench-'));
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  let server: Server | undefined;
  try {
    await build({ logLevel: 'error', build: { outDir: out, emptyOutDir: true } });
    const s = await serve(out);
    server = s.server;
    const figures: StartFigures[] = [];
    const visit = async (context: BrowserContext, kind: StartFigures['visit']) => {
      const page = await context.newPage();
      // Times are taken in the page (not by polling from here, which adds its own latency): when the
      // headline figures are first in the document, and the first frame a chart drew (the app's mark).
      await page.addInitScript(() => {
        const seen: Record<string, number> = {};
        (globalThis as unknown as { __pcwSeen: Record<string, number> }).__pcwSeen = seen;
        new MutationObserver((_, observer) => {
          if (document.querySelector('[data-testid=kpi-energy]')) {
            seen.headline = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${s.url}#/overview?park=sample`);
      await page.getByTestId('kpi-energy').waitFor({ timeout: 120_000 });
      await page.waitForFunction(
        () => performance.getEntriesByName('pcw:first-chart-frame').length > 0,
        null,
        {
          timeout: 120_000,
        },
      );
      const [headlineMs, chartMs] = await page.evaluate(() => [
        (globalThis as unknown as { __pcwSeen: Record<string, number> }).__pcwSeen.headline ?? NaN,
        performance.getEntriesByName('pcw:first-chart-frame')[0].startTime,
      ]);
      await page.waitForFunction(() => performance.getEntriesByName('pcw:park-ready').length > 0, null, {
        timeout: 120_000,
      });
      const [dbReadyMs, parkReadyMs] = await page.evaluate(() =>
        ['pcw:db-ready', 'pcw:park-ready'].map((n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN),
      );
      figures.push({ visit: kind, headlineMs, chartMs, dbReadyMs, parkReadyMs });
      // The service worker (registered once the park is in) has the whole app cached before a repeat.
      await page.evaluate(async () => (await navigator.serviceWorker?.ready)?.active?.state);
      await page.waitForTimeout(1500);
      await page.close();
    };
    for (let i = 0; i < START_VISITS; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await visit(context, 'cold');
      await context.close();
    }
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await visit(context, 'cold'); // not counted: it fills the caches
    figures.pop();
    for (let i = 0; i < START_VISITS; i++) await visit(context, 'repeat');
    await context.close();
    return figures;
  } finally {
    server?.close();
    await browser.close();
    rmSync(out, { recursive: true, force: true });
  }
}

const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`);
const mark = (x: number, target: number) => (x <= target ? '✓' : '✗');

function table(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
}

/** Part (g): prints the figures. */
export async function printDataBench(): Promise<void> {
  for (const scale of [1, 100]) {
    const r = await measure(scale);
    const target = scale === 1 ? 20 : 50;
    table(
      `(g) dashboard queries, DuckDB-Wasm (Node, one thread), ${scale === 1 ? 'sample park' : `${scale}× the sample`} (${r.activityRows.toLocaleString('en')} activity rows)`,
      [
        'query',
        'inline cold',
        'inline warm',
        'materialised cold',
        'materialised warm',
        `≤ ${target} ms`,
        'native warm',
        'wasm/native',
      ],
      r.rows.map((x) => [
        x.name,
        ms(x.oldCold),
        ms(x.oldWarm),
        ms(x.newCold),
        ms(x.newWarm),
        mark(x.newWarm, target),
        ms(x.nativeWarm),
        `${(x.newWarm / x.nativeWarm).toFixed(1)}×`,
      ]),
    );
    console.log(
      `    one-time build of the materialised inventory: ${ms(r.buildMs)}${scale === 100 ? ` ${mark(r.buildMs, 3000)} (target ≤ 3 s)` : ''}` +
        `; steps done at ${r.steps.map(ms).join(', ')}; native ${ms(r.nativeBuildMs)}`,
    );
    console.log(
      r.mismatches.length === 0
        ? `    native results equal the Wasm ones (${r.rows.length} queries: row counts, values within 1e-9 relative)`
        : `    ✗ NATIVE RESULTS DIFFER FROM THE WASM ONES:\n${r.mismatches.map((m) => `      ${m}`).join('\n')}`,
    );
    if (scale === 100) {
      console.log(
        `"native": DuckDB ${r.nativeVersion} (@duckdb/node-api, SET threads = 1) on the same data (the same Arrow IPC\n` +
          `bytes through Parquet, checked equal table by table), the same materialisation and the same statements; its\n` +
          `warm time is the statement run with every chunk of its result taken, not turned into Arrow. DuckDB-Wasm is ${r.wasmVersion}.`,
      );
    }
  }
  await printStartBench();
}

/** Part (g′) alone (BENCH_PART=start): the Overview's start in the built app. */
export async function printStartBench(): Promise<void> {
  const start = await startBench();
  const spread = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)], lo: sorted[0], hi: sorted.at(-1)! };
  };
  const cell = (xs: number[], target?: number) => {
    const m = spread(xs);
    return `${ms(m.median)} (${ms(m.lo)}–${ms(m.hi)})${target === undefined ? '' : ` ${mark(m.median, target)}`}`;
  };
  table(
    `(g\u2032) built app in headless Chromium, Overview of the sample park: time from navigation, median (range) of ${START_VISITS} visits`,
    ['visit', 'headline figures', 'first chart drawn', 'target', 'DuckDB ready', 'park loaded'],
    (['cold', 'repeat'] as const).map((kind) => {
      const f = start.filter((x) => x.visit === kind);
      return [
        kind,
        cell(f.map((x) => x.headlineMs)),
        cell(
          f.map((x) => x.chartMs),
          kind === 'cold' ? 2500 : 1000,
        ),
        kind === 'cold' ? '≤ 2.5 s' : '≤ 1 s',
        cell(f.map((x) => x.dbReadyMs)),
        cell(f.map((x) => x.parkReadyMs)),
      ];
    }),
  );
  console.log(
    '"cold": a fresh browser profile each time (nothing cached); "repeat": a profile that has been there (service\n' +
      'worker and its caches warm). Times are taken in the page: the headline figures in the document (a mutation\n' +
      "observer), the first frame a chart drew (ECharts' rendered event, mark pcw:first-chart-frame).\n" +
      'The first figures of a bundled park come with the build (first answers), so they\n' +
      "do not wait for DuckDB; the live answers follow once the park is loaded. Figures scale with the machine's other load.",
  );
}
