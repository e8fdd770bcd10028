/**
 * Importer benchmark, on generated activity files (enterprises × 10 years × 5 carriers, Chinese headers
 * and carrier names, units to convert, thousands separators on some rows):
 *  (e)   the importer in this process: read, decode, validate, convert, canonical Arrow IPC — 200k and
 *        1M rows as UTF-8, the 1M GBK twin, and the same 1M values in a wide layout;
 *  (e')  the CLI in a child process each (time and that process's peak RSS): `validate` and `account`
 *        on 200k and 1M rows, and `simulate --park` on a 200,000-row park (4,000 enterprises);
 *  (e'') the app's import worker in headless Chromium on 200k and 1M rows (UTF-8 and GBK): time to the
 *        validated canonical tables, the longest main-thread task while it ran, progress messages, and
 *        how fast a cancel ends it.
 * Prints time and peak memory; no assertions. Standalone: `npx tsx test/bench/import-bench.ts`
 * (IMPORT_BENCH_BROWSER=0 leaves Chromium out).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { activityTable, importPark, toIpc } from '../../src/core/import/index';
import { gbk, utf8 } from '../fixtures/import/encode';
import { serve } from './static-server';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');

const CARRIERS: [string, string, number][] = [
  ['电力', '万千瓦时', 120],
  ['天然气', '万立方米', 8],
  ['蒸汽', '吨', 900],
  ['柴油', '吨', 12],
  ['光伏发电', 'kWh', 40_000],
];

/** The long file's text: deterministic amounts, thousands separators on some rows. */
export function longCsv(enterprises: number): string {
  const parts = ['企业代码,年份,能源品种,消费量,计量单位\n'];
  for (let e = 1; e <= enterprises; e++) {
    const id = `E${String(e).padStart(6, '0')}`;
    for (let y = 2015; y <= 2024; y++) {
      for (const [name, unit, base] of CARRIERS) {
        const v = base * (1 + ((e * 7 + y * 3) % 17) / 20);
        parts.push(
          `${id},${y},${name},${v >= 1000 ? `"${v.toLocaleString('en', { maximumFractionDigits: 3 })}"` : v.toFixed(3)},${unit}\n`,
        );
      }
    }
  }
  return parts.join('');
}

function wideCsv(enterprises: number): string {
  const parts = ['企业代码,年份,电力（万千瓦时）,天然气（万m³）,蒸汽（吨）,柴油（吨）,光伏发电（kWh）\n'];
  for (let e = 1; e <= enterprises; e++) {
    const id = `E${String(e).padStart(6, '0')}`;
    for (let y = 2015; y <= 2024; y++) {
      parts.push(
        `${id},${y},${CARRIERS.map(([, , b]) => (b * (1 + ((e * 7 + y * 3) % 17) / 20)).toFixed(3)).join(',')}\n`,
      );
    }
  }
  return parts.join('');
}

/** A canonical park folder of `enterprises` × 10 years × 5 carriers (activity, enterprises, economics). */
function parkFolder(dir: string, enterprises: number): void {
  mkdirSync(dir, { recursive: true });
  const sectors = ['chemicals', 'textiles', 'machinery', 'food', 'electronics'];
  const ents = ['enterprise_id,name_zh,sector'];
  const eco = ['enterprise_id,year,output_value_10k_cny,value_added_10k_cny'];
  const act = ['enterprise_id,year,carrier,amount,unit'];
  const carriers: [string, string, number][] = [
    ['electricity', '10^4 kWh', 120],
    ['natural_gas', '10^4 m3', 8],
    ['heat', 'GJ', 2400],
    ['diesel', 't', 12],
    ['raw_coal', 't', 300],
  ];
  for (let e = 1; e <= enterprises; e++) {
    const id = `E${String(e).padStart(6, '0')}`;
    ents.push(`${id},企业${e},${sectors[e % sectors.length]}`);
    for (let y = 2015; y <= 2024; y++) {
      const f = 1 + ((e * 7 + y * 3) % 17) / 20;
      eco.push(`${id},${y},${(5000 * f).toFixed(1)},${(1000 * f).toFixed(1)}`);
      for (const [c, u, b] of carriers) act.push(`${id},${y},${c},${(b * f).toFixed(3)},${u}`);
    }
  }
  writeFileSync(join(dir, 'enterprises.csv'), ents.join('\n') + '\n');
  writeFileSync(join(dir, 'economics.csv'), eco.join('\n') + '\n');
  writeFileSync(join(dir, 'activity.csv'), act.join('\n') + '\n');
}

export interface ImportBenchRow {
  case: string;
  mb: number;
  rows: number;
  ms: number;
  peakRssMb: number;
  note?: string;
}

function once(name: string, bytes: Uint8Array): ImportBenchRow {
  global.gc?.();
  const t = performance.now();
  const r = importPark({ activity: [{ name, bytes }] });
  const ipc = toIpc(activityTable(r.activity!.activity));
  const ms = performance.now() - t;
  if (r.errorCount > 0) throw new Error(`${name}: ${r.problems[0].reason}`);
  if (ipc.length === 0) throw new Error(`${name}: no Arrow output`);
  return {
    case: name,
    mb: bytes.length / 1e6,
    rows: r.activity!.activity.length,
    ms,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/** Runs one CLI command in a child process; its own time and peak RSS. */
function cli(label: string, argv: string[], cwd: string, mb: number, rows: number): ImportBenchRow {
  const child = join(cwd, 'run-child.mts');
  writeFileSync(
    child,
    `import { main as run } from ${JSON.stringify(pathToFileURL(join(ROOT, 'src/cli/main.ts')).href)};
const t = performance.now();
let err = '';
const code = await run(process.argv.slice(2), { stdout: () => {}, stderr: (s) => (err += s), cwd: process.cwd() });
console.log(JSON.stringify({ code, ms: performance.now() - t, rss: process.resourceUsage().maxRSS / 1024, err: err.slice(0, 300) }));
`,
  );
  const tsx = join(ROOT, 'node_modules/tsx/dist/esm/index.mjs');
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(tsx).href, child, ...argv], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  let out: { code: number; ms: number; rss: number; err: string };
  try {
    out = JSON.parse(last) as typeof out;
  } catch {
    return {
      case: label,
      mb,
      rows,
      ms: NaN,
      peakRssMb: NaN,
      note: `failed: ${(r.stderr || last).slice(0, 300)}`,
    };
  }
  return {
    case: label,
    mb,
    rows,
    ms: out.ms,
    peakRssMb: out.rss,
    note: out.code === 0 ? undefined : `exit ${out.code}: ${out.err.split('\n')[0]}`,
  };
}

/**
 * The CLI at scale: validate and account (with and without park totals) on 200k and 1M rows, and
 * simulate --park on parks of 200,000 and 1,000,000 activity rows.
 */
function cliBench(): ImportBenchRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'pcw-import-bench-'));
  const rows: ImportBenchRow[] = [];
  try {
    for (const enterprises of [4000, 20_000]) {
      const n = enterprises * 50;
      const file = `activity-${n}.csv`;
      const bytes = utf8(longCsv(enterprises));
      writeFileSync(join(dir, file), bytes);
      const mb = bytes.length / 1e6;
      rows.push(cli(`validate ${file}`, ['validate', '--activity', file], dir, mb, n));
      rows.push(
        cli(`account ${file}`, ['account', '--activity', file, '--out', 'inventory.csv'], dir, mb, n),
      );
      rows.push(
        cli(
          `account ${file} --park-out`,
          ['account', '--activity', file, '--out', 'inventory.csv', '--park-out', 'park.json'],
          dir,
          mb,
          n,
        ),
      );
    }
    for (const enterprises of [4000, 20_000]) {
      const n = enterprises * 50;
      const park = `park-${n / 1000}k`;
      parkFolder(join(dir, park), enterprises);
      rows.push(
        cli(
          `simulate --park (${enterprises.toLocaleString('en')} enterprises, ${n / 1000}k rows, 100 runs)`,
          [
            'simulate',
            '--scenario',
            'bau',
            '--park',
            park,
            '--runs',
            '100',
            '--seed',
            '1',
            '--summary',
            's.json',
          ],
          dir,
          0,
          n,
        ),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** The page: fetches a file, runs the app's import worker on it, watches the main thread's long tasks. */
const PAGE = `
import { ImportRunner } from ${JSON.stringify(join(ROOT, 'workers/import-runner.ts'))};
const w = window;
w.bench = {
  async run(file) {
    const bytes = new Uint8Array(await (await fetch(file)).arrayBuffer());
    const mb = bytes.length / 1e6;
    let longest = 0;
    const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) longest = Math.max(longest, e.duration); });
    obs.observe({ type: 'longtask', buffered: false });
    // A main-thread heartbeat: the largest gap between 10 ms timers while the import runs.
    let last = performance.now(), gap = 0, beating = true;
    const beat = () => { const t = performance.now(); gap = Math.max(gap, t - last); last = t; if (beating) setTimeout(beat, 10); };
    setTimeout(beat, 10);
    const runner = new ImportRunner();
    let progress = 0;
    const t = performance.now();
    const out = await runner.run({ activity: [{ name: file, bytes }], mapping: {}, encoding: 'auto' }, () => progress++, true);
    const ms = performance.now() - t;
    beating = false;
    obs.disconnect();
    runner.terminate();
    return { ms, rows: out.tables.find((x) => x.name === 'activity')?.rows ?? 0, errors: out.errorCount, longest, gap, progress, mb };
  },
  async cancel(file) {
    const bytes = new Uint8Array(await (await fetch(file)).arrayBuffer());
    const runner = new ImportRunner();
    return await new Promise((ok) => {
      let asked = 0;
      runner.run({ activity: [{ name: file, bytes }], mapping: {}, encoding: 'auto' }, () => {
        if (asked) return;
        asked = performance.now();
        runner.cancel();
      }).then(() => ok(-1), () => ok(performance.now() - asked));
    });
  },
};
document.title = 'ready';
`;

/** The app's import worker in headless Chromium. */
async function browserImportBench(): Promise<ImportBenchRow[]> {
  const { chromium } = await import('playwright-core');
  const { build } = await import('vite');
  const { CHROMIUM_ARGS, locateChromium } = await import('../tools/chromium');
  const executablePath = locateChromium();
  if (!executablePath)
    return [{ case: 'Chromium', mb: 0, rows: 0, ms: NaN, peakRssMb: NaN, note: 'no Chromium found' }];
  const src = mkdtempSync(join(tmpdir(), 'pcw-import-page-'));
  const out = mkdtempSync(join(tmpdir(), 'pcw-import-build-'));
  const rows: ImportBenchRow[] = [];
  const { server, url } = await (async () => {
    writeFileSync(
      join(src, 'index.html'),
      '<!doctype html><meta charset="utf-8"><script type="module" src="./page.ts"></script>',
    );
    writeFileSync(join(src, 'page.ts'), PAGE);
    await build({
      configFile: false,
      root: src,
      base: './',
      logLevel: 'warn',
      worker: { format: 'es' },
      build: { outDir: out, emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
    });
    const text200k = longCsv(4000);
    const text1m = longCsv(20_000);
    writeFileSync(join(out, 'a200k.csv'), utf8(text200k));
    writeFileSync(join(out, 'a1m.csv'), utf8(text1m));
    writeFileSync(join(out, 'a1m-gbk.csv'), gbk(text1m));
    return serve(out);
  })();
  const profile = mkdtempSync(join(tmpdir(), 'pcw-import-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, args: CHROMIUM_ARGS });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.error(`[page] ${e.message}`));
    await page.goto(url);
    await page.waitForFunction(() => document.title === 'ready');
    type Figures = {
      ms: number;
      rows: number;
      errors: number;
      longest: number;
      gap: number;
      progress: number;
      mb: number;
    };
    type Bench = { run(f: string): Promise<Figures>; cancel(f: string): Promise<number> };
    for (const [file, label] of [
      ['a200k.csv', '200k rows, UTF-8'],
      ['a1m.csv', '1M rows, UTF-8'],
      ['a1m-gbk.csv', '1M rows, GBK'],
    ] as const) {
      const f = await page.evaluate((x) => (window as unknown as { bench: Bench }).bench.run(x), file);
      rows.push({
        case: `Chromium import worker, ${label}`,
        mb: f.mb,
        rows: f.rows,
        ms: f.ms,
        peakRssMb: NaN,
        note: `longest main-thread task ${f.longest.toFixed(0)} ms, largest timer gap ${f.gap.toFixed(0)} ms, ${f.progress} progress messages${f.errors ? `, ${f.errors} errors` : ''}`,
      });
    }
    const cancel = await page.evaluate(() => (window as unknown as { bench: Bench }).bench.cancel('a1m.csv'));
    rows.push({
      case: 'Chromium: cancel at first progress (1M rows)',
      mb: 0,
      rows: 0,
      ms: cancel,
      peakRssMb: NaN,
    });
  } finally {
    await context.close();
    server.close();
    for (const d of [src, out, profile]) rmSync(d, { recursive: true, force: true });
  }
  return rows;
}

/** Every part: in-process importer, CLI at scale, and (unless IMPORT_BENCH_BROWSER=0) Chromium. */
export async function importBench(enterprises = 20_000): Promise<ImportBenchRow[]> {
  const small = longCsv(4000);
  const out = [once('activity-200k.csv (UTF-8)', utf8(small))];
  const text = longCsv(enterprises);
  out.push(once('activity-1M.csv (UTF-8)', utf8(text)));
  out.push(once('activity-1M-gbk.csv (GBK)', gbk(text)));
  out.push(once('activity-wide-200k.csv (5 carriers per row)', utf8(wideCsv(enterprises))));
  for (const r of cliBench()) out.push(r);
  if (process.env.IMPORT_BENCH_BROWSER !== '0') for (const r of await browserImportBench()) out.push(r);
  return out;
}

export function printImportBench(rows: readonly ImportBenchRow[]): void {
  console.log(
    '\n(e) importer: in this process (peak RSS so far), the CLI in a child process each (its peak RSS),' +
      "\n    and the app's import worker in Chromium (time to validated canonical tables)",
  );
  for (const r of rows) {
    const mb = r.mb ? `${r.mb.toFixed(0).padStart(4)} MB` : '       ';
    const n = r.rows ? `${r.rows.toLocaleString('en').padStart(9)} rows` : ''.padStart(14);
    const ms = Number.isFinite(r.ms) ? `${(r.ms / 1000).toFixed(2).padStart(6)} s` : '      –';
    const rss = Number.isFinite(r.peakRssMb) ? `  peak RSS ${r.peakRssMb.toFixed(0)} MB` : '';
    console.log(`  ${r.case.padEnd(58)} ${mb}  ${n}  ${ms}${rss}${r.note ? `  (${r.note})` : ''}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = Number(process.env.IMPORT_BENCH_ENTERPRISES ?? 20_000);
  printImportBench(await importBench(n));
}
