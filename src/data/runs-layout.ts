/**
 * The layout of Monte Carlo results as tables, one definition for the app (table `sim_runs`,
 * sim-tables.ts) and the CLI (`simulate --out`): plain typed columns, no Arrow (the CLI loads Arrow
 * only when it writes Parquet).
 */
import type { RunArray } from '../core/scenario/model';

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
