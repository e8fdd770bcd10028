/**
 * Importer benchmark: a generated activity file of 1,000,000 rows (20,000 enterprises × 10 years × 5
 * carriers, Chinese headers and carrier names, units to convert) read, decoded, validated and turned
 * into canonical Arrow IPC — as UTF-8 CSV, as its GBK twin, and as the same rows in a wide layout.
 * Prints time and the process's peak memory; no assertions. Standalone: `npx tsx test/bench/import-bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import { activityTable, importPark, toIpc } from '../../src/core/import/index';
import { gbk, utf8 } from '../fixtures/import/encode';

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

export interface ImportBenchRow {
  case: string;
  mb: number;
  rows: number;
  ms: number;
  peakRssMb: number;
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

/** Runs the three cases at 1M rows (200k-row wide file = 1M values). */
export function importBench(enterprises = 20_000): ImportBenchRow[] {
  const text = longCsv(enterprises);
  const out = [once('activity-1M.csv (UTF-8)', utf8(text))];
  out.push(once('activity-1M-gbk.csv (GBK)', gbk(text)));
  out.push(once('activity-wide-200k.csv (5 carriers per row)', utf8(wideCsv(enterprises))));
  return out;
}

export function printImportBench(rows: readonly ImportBenchRow[]): void {
  console.log('\n(e) importer in Node, one thread: read, decode, validate, convert, canonical Arrow IPC');
  for (const r of rows) {
    console.log(
      `  ${r.case.padEnd(46)} ${r.mb.toFixed(0).padStart(4)} MB  ${r.rows.toLocaleString('en').padStart(9)} rows  ` +
        `${(r.ms / 1000).toFixed(1).padStart(5)} s  peak RSS so far ${r.peakRssMb.toFixed(0)} MB`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = Number(process.env.IMPORT_BENCH_ENTERPRISES ?? 20_000);
  printImportBench(importBench(n));
}
