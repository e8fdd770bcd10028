/**
 * What the Pathways page exports, in the command line's formats: the per-run table (`sim_runs`, the
 * layout of src/data/runs-layout.ts that `simulate --out` writes) as CSV or Parquet, and the summary
 * as a long CSV table (its JSON, that of `simulate --summary`, is pathways-vm.ts summaryJson). Pure: the caller reads the table from
 * DuckDB (as Arrow) and supplies the Parquet writer.
 */
import { tableFromArrays, tableToIPC, type Table } from 'apache-arrow';
import { float32Text, numericCsvPieces, toCsv, type CsvValue } from '../../../core/csv-write';
import type { PercentileSeries, SimulationSummary, Spread } from '../../../core/scenario/index';
import { quoteIdent } from '../../../data/port';

/** The statement that reads a runs table in the order the command line writes it. */
export function runsQuery(table: string): string {
  return `SELECT * FROM ${quoteIdent(table)} ORDER BY run, year`;
}

type RunsArray = Int32Array | Float32Array | Float64Array;

/** The columns of an Arrow table as typed arrays (run and year Int32, results Float32 or Float64). */
function columnsOf(table: Table): Record<string, RunsArray> {
  const out: Record<string, RunsArray> = {};
  for (const field of table.schema.fields) {
    const values: unknown = table.getChild(field.name)?.toArray();
    if (!(values instanceof Int32Array || values instanceof Float32Array || values instanceof Float64Array))
      throw new Error(`column ${field.name} is not a 32-bit integer or floating-point column`);
    out[field.name] = values;
  }
  return out;
}

/**
 * The runs table as CSV text in pieces, byte for byte what `simulate --out runs.csv` writes for the same
 * runs: the CSV writer of src/core/csv-write.ts, float32 values in their shortest round-trip form.
 */
export function runsCsvPieces(table: Table): Generator<string> {
  const columns = columnsOf(table);
  const cols = Object.values(columns);
  return numericCsvPieces(columns, {
    text: (j) => (cols[j] instanceof Float32Array ? float32Text : String),
  });
}

/** Arrow IPC stream bytes → Parquet bytes (zstd), parquet-wasm's browser or Node build (parquet-browser.ts). */
export type IpcToParquet = (ipc: Uint8Array) => Uint8Array;

/**
 * The runs table as Parquet, as `simulate --out runs.parquet` writes it: the same typed columns through
 * Arrow's tableFromArrays (which also makes the bytes independent of the Arrow build that gave `table`).
 */
export function runsParquet(table: Table, toParquet: IpcToParquet): Uint8Array {
  return toParquet(tableToIPC(tableFromArrays(columnsOf(table)), 'stream'));
}

export const SUMMARY_CSV_COLUMNS = ['quantity', 'year', 'statistic', 'value', 'unit'] as const;

/**
 * The summary's figures as one long table (`quantity, year, statistic, value, unit`): percentiles per
 * year of gross and net emissions and energy, the headline probabilities with their standard errors,
 * the peak value and cumulative emissions. Names are the summary JSON's field names.
 */
export function summaryCsv(summary: SimulationSummary): string {
  const rows: CsvValue[][] = [];
  const series = (name: string, s: PercentileSeries, unit: string) => {
    summary.years.forEach((year, i) => {
      for (const stat of ['p5', 'p25', 'p50', 'p75', 'p95', 'mean'] as const)
        rows.push([name, year, stat, s[stat][i], unit]);
    });
  };
  const spread = (name: string, s: Spread, unit: string) => {
    for (const stat of ['p5', 'p50', 'p95', 'mean'] as const) rows.push([name, null, stat, s[stat], unit]);
  };
  series('total_tco2', summary.total_tco2, 'tCO2');
  series('net_tco2', summary.net_tco2, 'tCO2');
  series('energy_tce', summary.energy_tce, 'tce');
  rows.push(['peak_year.p_by_2030', null, 'value', summary.peak_year.p_by_2030, 'share']);
  rows.push(['peak_year.p_by_2030', null, 'se', summary.peak_year.p_by_2030_se, 'share']);
  rows.push(['neutrality.p_by_2060', null, 'value', summary.neutrality.p_by_2060, 'share']);
  rows.push(['neutrality.p_by_2060', null, 'se', summary.neutrality.p_by_2060_se, 'share']);
  spread('peak_value_tco2', summary.peak_value_tco2, 'tCO2');
  spread('cumulative_tco2', summary.cumulative_tco2, 'tCO2');
  spread('cumulative_net_tco2', summary.cumulative_net_tco2, 'tCO2');
  return toCsv(SUMMARY_CSV_COLUMNS, rows);
}

/** A file name for an export: `pathways-<park>-<scenario>-seed<seed>-<runs>runs<suffix>`. */
export function exportFileName(
  what: { park: string; scenario: string; seed: number; runs: number },
  suffix: string,
): string {
  const safe = (s: string) => s.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 40);
  return `pathways-${safe(what.park)}-${safe(what.scenario)}-seed${what.seed}-${what.runs}runs${suffix}`;
}
