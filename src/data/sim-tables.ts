/**
 * Monte Carlo results as Arrow tables, so any chart or question about them is a SQL query.
 * Built straight from the kernel's typed arrays (no per-row objects).
 */
import { tableFromArrays, tableToIPC, type Table } from 'apache-arrow';
import type { RunArray } from '../core/scenario/model';
import { quoteIdent, type DbPort } from './port';

/** The per-run, per-year columns of a simulation block (see src/core/scenario/kernel.ts). */
export interface RunColumns {
  runStart: number;
  runCount: number;
  nYears: number;
  years: Int32Array;
  gross: RunArray;
  net: RunArray;
  energy: RunArray;
  output: RunArray;
}

/**
 * Long table: one row per run and year. Columns run, year, gross_tco2, net_tco2, energy_tce and
 * output_10k_cny (the CLI's --out columns; intensities are ratios of them), FLOAT or
 * DOUBLE in DuckDB, as the block stores them: the kernel's float32 by default).
 */
export function runsTable(b: RunColumns): Table {
  const n = b.runCount * b.nYears;
  const run = new Int32Array(n);
  const year = new Int32Array(n);
  for (let r = 0; r < b.runCount; r++) {
    for (let y = 0; y < b.nYears; y++) {
      run[r * b.nYears + y] = b.runStart + r;
      year[r * b.nYears + y] = b.years[y];
    }
  }
  return tableFromArrays({
    run,
    year,
    gross_tco2: b.gross.subarray(0, n),
    net_tco2: b.net.subarray(0, n),
    energy_tce: b.energy.subarray(0, n),
    output_10k_cny: b.output.subarray(0, n),
  });
}

/** The same table as Arrow IPC stream bytes (what DbPort.insertArrowIPC takes). */
export function runsIPC(b: RunColumns): Uint8Array {
  return tableToIPC(runsTable(b), 'stream');
}

/** Runs [first, first + count) of a block, as a block of their own (views, no copies). */
function sliceRuns(b: RunColumns, first: number, count: number): RunColumns {
  const from = first * b.nYears;
  const to = (first + count) * b.nYears;
  return {
    runStart: b.runStart + first,
    runCount: count,
    nYears: b.nYears,
    years: b.years,
    gross: b.gross.subarray(from, to),
    net: b.net.subarray(from, to),
    energy: b.energy.subarray(from, to),
    output: b.output.subarray(from, to),
  };
}

/**
 * Writes a block as table `table` (replacing it) in slices of `runsPerSlice` runs, so the Arrow bytes
 * in memory at once are a slice's, not the whole result's (100k runs: 74 MB). The slices go into a
 * staging table that then takes the table's place in one statement: queries see the old table or the
 * new one, never a part; a failure leaves the old table as it was and drops the staging table.
 */
export async function writeRunsTable(
  db: DbPort,
  table: string,
  b: RunColumns,
  runsPerSlice = 10_000,
): Promise<void> {
  const staging = `${table}__staging`;
  try {
    for (let first = 0; first < b.runCount || first === 0; first += runsPerSlice) {
      const count = Math.min(runsPerSlice, b.runCount - first);
      await db.insertArrowIPC(staging, runsIPC(sliceRuns(b, first, count)), { append: first > 0 });
    }
    await db.exec(
      `BEGIN TRANSACTION; DROP TABLE IF EXISTS ${quoteIdent(table)}; ` +
        `ALTER TABLE ${quoteIdent(staging)} RENAME TO ${quoteIdent(table)}; COMMIT`,
    );
  } catch (e) {
    await db.exec(`ROLLBACK`).catch(() => {});
    await db.exec(`DROP TABLE IF EXISTS ${quoteIdent(staging)}`).catch(() => {});
    throw e;
  }
}

/** Percentiles per year over the runs table in DuckDB. Columns: year, p5, p25, p50, p75, p95, mean. */
export function yearlyPercentilesSql(table = 'sim_runs', column = 'gross_tco2'): string {
  const c = quoteIdent(column);
  const t = quoteIdent(table);
  return `SELECT year, quantile_cont(${c}, 0.05) AS p5, quantile_cont(${c}, 0.25) AS p25,
  quantile_cont(${c}, 0.5) AS p50, quantile_cont(${c}, 0.75) AS p75, quantile_cont(${c}, 0.95) AS p95,
  avg(${c}) AS mean
FROM ${t} GROUP BY year ORDER BY year`;
}
