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

/** A column of a runs table: run and year as integers, results as the block stores them. */
export type RunsColumn = Int32Array | RunArray;

/**
 * The runs table's layout, the one definition the app (table `sim_runs`) and the CLI (`--out`) share:
 * one row per run and year, columns run, year, gross_tco2, net_tco2, energy_tce and output_10k_cny
 * (intensities are ratios of them), FLOAT or DOUBLE as the block stores them (the kernel's float32 by
 * default).
 */
export function runsColumns(b: RunColumns): Record<string, RunsColumn> {
  const n = b.runCount * b.nYears;
  const run = new Int32Array(n);
  const year = new Int32Array(n);
  for (let r = 0; r < b.runCount; r++) {
    run.fill(b.runStart + r, r * b.nYears, (r + 1) * b.nYears);
    year.set(b.years.subarray(0, b.nYears), r * b.nYears);
  }
  return {
    run,
    year,
    gross_tco2: b.gross.subarray(0, n),
    net_tco2: b.net.subarray(0, n),
    energy_tce: b.energy.subarray(0, n),
    output_10k_cny: b.output.subarray(0, n),
  };
}

/** The sampled inputs of a block: one row per run, columns run and one per uncertain input (its name). */
export function inputsColumns(
  inputNames: readonly string[],
  b: Pick<RunColumns, 'runStart' | 'runCount'> & { nInputs: number; inputs: RunArray },
): Record<string, RunsColumn> {
  const { runStart, runCount: n, nInputs } = b;
  const out: Record<string, RunsColumn> = { run: Int32Array.from({ length: n }, (_, r) => runStart + r) };
  const Column = b.inputs instanceof Float32Array ? Float32Array : Float64Array;
  inputNames.forEach((name, i) => {
    const col = new Column(n);
    for (let r = 0; r < n; r++) col[r] = b.inputs[r * nInputs + i];
    out[name] = col;
  });
  return out;
}

/** The runs table (runsColumns) as Arrow. */
export function runsTable(b: RunColumns): Table {
  return tableFromArrays(runsColumns(b));
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
