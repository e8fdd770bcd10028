/**
 * The Pathways page's exports against the command line's: the same runs written to `sim_runs` (as the
 * page does) and read back through the page's export code give the CLI's `--out` CSV byte for byte and a
 * Parquet file with the same columns, types and values; the summary JSON is the CLI's `--summary` text.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import {
  Compression,
  readParquet,
  Table as WasmTable,
  writeParquet,
  WriterPropertiesBuilder,
} from 'parquet-wasm/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command } from '../../../../../src/cli/commands/simulate';
import { loadPark } from '../../../../../src/cli/load-park';
import {
  compileScenario,
  presetScenario,
  type SimulationSummary,
} from '../../../../../src/core/scenario/index';
import { scope2Of } from '../../../../../src/core/scenario/schema';
import { createNodeDb } from '../../../../../src/data/duckdb-node';
import type { DbPort } from '../../../../../src/data/port';
import { writeRunsTable } from '../../../../../src/data/sim-tables';
import { createNodeSimulationRunner } from '../../../../../workers/node-pool';
import { summaryJson } from '../../../../../src/ui/pages/pathways/pathways-vm';
import {
  exportFileName,
  runsCsvPieces,
  runsParquet,
  runsQuery,
  summaryCsv,
  SUMMARY_CSV_COLUMNS,
} from '../../../../../src/ui/pages/pathways/exports';
import { handSummary } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'pcw-path-exports-'));
const RUNS = 150;
const SEED = 31;
let db: DbPort;
let summary: SimulationSummary;

async function cli(argv: string[]): Promise<void> {
  let err = '';
  const code = await command.run(argv, { stdout: () => {}, stderr: (s) => void (err += s), cwd: dir });
  expect(err).not.toMatch(/simulate:/);
  expect(code).toBe(0);
}

beforeAll(async () => {
  const common = ['--scenario', 'policy', '--park', 'workshop', '--runs', `${RUNS}`, '--seed', `${SEED}`];
  await cli([...common, '--summary', 'cli-summary.json', '--out', 'cli-runs.csv']);
  await cli([...common, '--summary', 'cli-summary2.json', '--out', 'cli-runs.parquet']);
  // What the page does: the same scenario on the same park, run by the pool, written to sim_runs.
  const scenario = presetScenario('policy');
  const park = await loadPark('workshop', dir, { scope2: scope2Of(scenario) });
  const model = compileScenario(scenario, park.baseline);
  const pool = createNodeSimulationRunner({ workers: 1 });
  try {
    const r = await pool.run(model, { seed: SEED, runs: RUNS });
    summary = r.summary!;
    db = await createNodeDb();
    await writeRunsTable(db, 'sim_runs', r.block);
  } finally {
    await pool.terminate();
  }
}, 240_000);
afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const zstd = (ipc: Uint8Array) =>
  writeParquet(
    WasmTable.fromIPCStream(ipc),
    new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build(),
  );
const readBack = (bytes: Uint8Array) => tableFromIPC(readParquet(bytes).intoIPCStream());

describe('Pathways exports, the CLI’s formats', () => {
  it('per-run CSV: byte for byte what simulate --out runs.csv writes', async () => {
    const table = await db.query(runsQuery('sim_runs'));
    const text = [...runsCsvPieces(table)].join('');
    const expected = readFileSync(join(dir, 'cli-runs.csv'), 'utf8');
    expect(text.split('\r\n')[0]).toBe('run,year,gross_tco2,net_tco2,energy_tce,output_10k_cny');
    expect(text.length).toBe(expected.length);
    expect(text).toBe(expected);
  });

  it('per-run Parquet: the CLI’s columns, types and values', async () => {
    const table = await db.query(runsQuery('sim_runs'));
    const ours = readBack(runsParquet(table, zstd));
    const theirs = readBack(new Uint8Array(readFileSync(join(dir, 'cli-runs.parquet'))));
    expect(ours.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(
      theirs.schema.fields.map((f) => `${f.name}:${f.type}`),
    );
    expect(ours.numRows).toBe(theirs.numRows);
    expect(ours.numRows).toBe(RUNS * summary.years.length);
    for (const f of theirs.schema.fields)
      expect(Array.from(ours.getChild(f.name)!.toArray() as ArrayLike<number>)).toEqual(
        Array.from(theirs.getChild(f.name)!.toArray() as ArrayLike<number>),
      );
  });

  it('summary JSON: the text of simulate --summary', () => {
    expect(summaryJson(summary)).toBe(readFileSync(join(dir, 'cli-summary.json'), 'utf8'));
  });
});

describe('summary CSV', () => {
  it('one long table of the summary’s figures, named as in its JSON', () => {
    const s = handSummary();
    const lines = summaryCsv(s).split('\r\n');
    expect(lines[0]).toBe(SUMMARY_CSV_COLUMNS.join(','));
    // Six statistics per year for three series, four headline rows, three spreads of four statistics.
    expect(lines.length - 2).toBe(3 * 6 * s.years.length + 4 + 3 * 4);
    const i2030 = s.years.indexOf(2030);
    expect(lines).toContain(`net_tco2,2030,p50,${s.net_tco2.p50[i2030]},tCO2`);
    expect(lines).toContain(`peak_year.p_by_2030,,value,${s.peak_year.p_by_2030},share`);
    expect(lines).toContain(`peak_year.p_by_2030,,se,${s.peak_year.p_by_2030_se},share`);
    expect(lines).toContain(`neutrality.p_by_2060,,se,${s.neutrality.p_by_2060_se},share`);
    expect(lines).toContain(`cumulative_tco2,,p95,${s.cumulative_tco2.p95},tCO2`);
  });

  it('leaves a missing probability empty', () => {
    const s = handSummary();
    s.neutrality.p_by_2060 = null;
    s.neutrality.p_by_2060_se = null;
    expect(summaryCsv(s).split('\r\n')).toContain('neutrality.p_by_2060,,value,,share');
  });
});

describe('export file names', () => {
  it('name the park, scenario, seed and runs, with nothing a file system refuses', () => {
    expect(exportFileName({ park: 'sample', scenario: 'policy', seed: 2060, runs: 10_000 }, '.csv')).toBe(
      'pathways-sample-policy-seed2060-10000runs.csv',
    );
    expect(exportFileName({ park: '../my park', scenario: 'a/b:c', seed: 1, runs: 100 }, '.parquet')).toBe(
      'pathways-_my_park-a_b_c-seed1-100runs.parquet',
    );
  });
});
