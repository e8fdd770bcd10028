import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { readParquet, Table as WasmTable, writeParquet } from 'parquet-wasm/node';
import { afterAll, describe, expect, it } from 'vitest';
import { command } from '../../../src/cli/commands/simulate';
import { loadPark } from '../../../src/cli/load-park';
import { baselineTotals } from '../../../src/core/scenario/baseline';
import { DATASETS_DIR } from '../../../src/data/bundled-node';

const dir = mkdtempSync(join(tmpdir(), 'pcw-simulate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (s: string) => void (stdout += s),
    stderr: (s: string) => void (stderr += s),
    cwd: dir,
  };
  const code = await command.run(argv, io);
  return { code, stdout, stderr };
}

const base = ['--park', 'workshop', '--runs', '300', '--seed', '2024'];

describe('simulate command', () => {
  it('writes the same summary byte for byte with 1 and 2 workers, and caps --workers at the CPU count', async () => {
    const texts: string[] = [];
    const cpus = availableParallelism();
    for (const workers of ['1', '2', String(cpus + 1)]) {
      const file = `summary-${workers}.json`;
      const r = await cli(['--scenario', 'policy', ...base, '--workers', workers, '--summary', file]);
      expect(r.stderr).not.toMatch(/simulate:/);
      expect(r.code).toBe(0);
      const used = Math.min(Number(workers), cpus);
      expect(r.stdout).toMatch(new RegExp(`${used} worker`));
      if (Number(workers) > cpus)
        expect(r.stderr).toContain(
          `note: --workers ${workers} is more than the ${cpus} CPUs here; using ${cpus}`,
        );
      texts.push(readFileSync(join(dir, file), 'utf8'));
    }
    expect(texts[1]).toBe(texts[0]);
    expect(texts[2]).toBe(texts[0]);
    const summary = JSON.parse(texts[0]);
    expect(summary).toMatchObject({ runs: 300, seed: 2024 });
    for (const key of [
      'years',
      'total_tco2',
      'net_tco2',
      'peak_year',
      'neutrality',
      'cumulative_tco2',
      'sensitivity',
    ]) {
      expect(summary).toHaveProperty(key);
    }
    expect(summary.years.at(-1)).toBe(2060);
    expect(summary.total_tco2.p50).toHaveLength(summary.years.length);
  }, 180_000);

  it('gives a different summary for a different seed', async () => {
    await cli(['--scenario', 'policy', ...base, '--workers', '1', '--summary', 'a.json']);
    const other = base.map((a) => (a === '2024' ? '2025' : a));
    await cli(['--scenario', 'policy', ...other, '--workers', '1', '--summary', 'b.json']);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).not.toBe(readFileSync(join(dir, 'b.json'), 'utf8'));
  }, 120_000);

  it('writes the runs as CSV and as Parquet with the same numbers', async () => {
    const args = ['--scenario', 'bau', ...base, '--runs', '20', '--workers', '2', '--summary', 's.json'];
    expect((await cli([...args, '--out', 'out/runs.csv'])).code).toBe(0);
    expect((await cli([...args, '--out', 'out/runs.parquet'])).code).toBe(0);
    const csv = readFileSync(join(dir, 'out/runs.csv'), 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('run,year,gross_tco2,net_tco2,energy_tce,output_10k_cny');
    const years = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8')).years.length;
    expect(csv).toHaveLength(1 + 20 * years);
    const parquet = tableFromIPC(
      readParquet(new Uint8Array(readFileSync(join(dir, 'out/runs.parquet')))).intoIPCStream(),
    );
    expect(parquet.numRows).toBe(20 * years);
    // Results are stored as float32: Parquet keeps them so, CSV writes the shortest decimal that reads back as the same float32.
    expect(parquet.schema.fields.map((f) => String(f.type))).toEqual([
      'Int32',
      'Int32',
      'Float32',
      'Float32',
      'Float32',
      'Float32',
    ]);
    const last = csv.at(-1)!.split(',').map(Number);
    const row = parquet.get(parquet.numRows - 1)!.toJSON();
    expect([row.run, row.year, row.gross_tco2, row.net_tco2, row.energy_tce, row.output_10k_cny]).toEqual(
      last.map(Math.fround),
    );
    for (const text of csv.at(-1)!.split(','))
      expect(text.replace(/[-.]/g, '').length).toBeLessThanOrEqual(9);
    const inputs = readFileSync(join(dir, 'out/runs.inputs.csv'), 'utf8').trim().split('\r\n');
    expect(inputs).toHaveLength(21);
    expect(inputs[0]).toMatch(/^run,growth\./);
    const pInputs = tableFromIPC(
      readParquet(new Uint8Array(readFileSync(join(dir, 'out/runs.inputs.parquet')))).intoIPCStream(),
    );
    expect(pInputs.numRows).toBe(20);
    expect(pInputs.schema.fields.map((f) => f.name).join(',')).toBe(inputs[0]);
  }, 60_000);

  it('rejects bad options and an invalid scenario file with the path of the bad field', async () => {
    const missing = await cli(['--scenario', 'policy', '--runs', '10', '--seed', '1']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--summary is required/);
    const runs = await cli(['--scenario', 'policy', '--runs', '0', '--seed', '1', '--summary', 'x.json']);
    expect(runs.stderr).toMatch(/--runs must be an integer 1–1000000/);
    const preset = await cli(['--scenario', 'nope', '--runs', '10', '--seed', '1', '--summary', 'x.json']);
    expect(preset.stderr).toMatch(/bau, policy, ambitious or a \.json file/);
    const out = await cli(['--scenario', 'bau', ...base, '--summary', 'x.json', '--out', 'runs.xlsx']);
    expect(out.stderr).toMatch(/--out must end in \.parquet or \.csv/);

    const doc = JSON.parse(
      JSON.stringify((await import('../../../src/core/scenario/presets')).presetDocument('policy')),
    );
    doc.drivers = { ...doc.drivers, electricity_drift: { dist: 'uniform', min: 0.02, max: 0.01 } };
    doc.levers.rooftop_pv = 'lots';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(doc));
    const bad = await cli(['--scenario', 'bad.json', ...base, '--summary', 'x.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /bad\.json: field drivers\.electricity_drift\.max: invalid scenario: must be ≥ min/,
    );
    expect(bad.stderr).toMatch(/bad\.json: field levers\.rooftop_pv: invalid scenario: /);
  });

  it('refuses an unknown park', async () => {
    const r = await cli([
      '--scenario',
      'bau',
      '--park',
      'nowhere',
      '--runs',
      '5',
      '--seed',
      '1',
      '--summary',
      'x.json',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/neither a bundled park \(.*sample.*\) nor a folder/);
  });
});

describe('loadPark from a folder', () => {
  const tables = ['enterprises', 'economics', 'activity', 'pv_installations'];

  it('reads CSV and Parquet folders to the same baseline as the bundled Arrow files', async () => {
    const csvDir = join(dir, 'park-csv');
    const pqDir = join(dir, 'park-parquet');
    for (const [target, ext] of [
      [csvDir, 'csv'],
      [pqDir, 'parquet'],
    ]) {
      rmSync(target, { recursive: true, force: true });
      await import('node:fs').then((fs) => fs.mkdirSync(target));
      copyFileSync(join(DATASETS_DIR, 'workshop/manifest.json'), join(target, 'manifest.json'));
      for (const t of tables) {
        const src = join(DATASETS_DIR, 'workshop', `${t}.${ext === 'csv' ? 'csv' : 'arrow'}`);
        if (ext === 'csv') copyFileSync(src, join(target, `${t}.csv`));
        else
          writeFileSync(
            join(target, `${t}.parquet`),
            writeParquet(WasmTable.fromIPCStream(readFileSync(src))),
          );
      }
    }
    const bundled = await loadPark('workshop', dir);
    const fromCsv = await loadPark('park-csv', dir);
    const fromParquet = await loadPark('park-parquet', dir);
    expect(fromCsv.baseline).toEqual(bundled.baseline);
    expect(fromParquet.baseline).toEqual(bundled.baseline);
    const totals = baselineTotals(bundled.baseline);
    expect(totals.totalTco2).toBeCloseTo(bundled.baseline.history!.totalTco2.at(-1)!, 3);
    expect(bundled.baseline.year).toBe(2024);
  }, 60_000);

  it('names file, row and column of bad data', async () => {
    const bad = join(dir, 'park-bad');
    await import('node:fs').then((fs) => fs.mkdirSync(bad, { recursive: true }));
    for (const t of tables) copyFileSync(join(DATASETS_DIR, 'workshop', `${t}.csv`), join(bad, `${t}.csv`));
    const activity = readFileSync(join(bad, 'activity.csv'), 'utf8').split('\n');
    const cells = activity[3].split(',');
    cells[3] = 'abc';
    activity[3] = cells.join(',');
    writeFileSync(join(bad, 'activity.csv'), activity.join('\n'));
    await expect(loadPark('park-bad', dir)).rejects.toThrow(
      /activity\.csv: row 4, column amount: "abc" is not a number/,
    );

    const enterprises = readFileSync(join(DATASETS_DIR, 'workshop/enterprises.csv'), 'utf8').replace(
      ',chemicals,',
      ',chemistry,',
    );
    writeFileSync(join(bad, 'enterprises.csv'), enterprises);
    await expect(loadPark('park-bad', dir)).rejects.toThrow(
      /enterprises\.csv: row \d+, column sector: "chemistry"/,
    );
    // A folder without economics is read as the app reads a park without that table (park-standin.test.ts):
    // the missing file is no error, the bad data still is.
    rmSync(join(bad, 'economics.csv'));
    await expect(loadPark('park-bad', dir)).rejects.toThrow(
      /enterprises\.csv: row \d+, column sector: "chemistry"/,
    );
  }, 60_000);
});
