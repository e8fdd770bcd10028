/**
 * `account --park-out`: the territorial park total beside the net one with its memo items, and
 * `net_negative` on an enterprise credited for exports above its own emissions (additions to the output).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command } from '../../../src/cli/commands/account';
import { csvObjects, parseCsv } from '../../../src/cli/csv';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pcw-account-park-'));
  // A small gas CHP selling 5000 MWh to the grid (credited at 0.5366 t/MWh, more than its gas) and steam,
  // 20 000 GJ of it to a park plant; the plant buys grid power.
  writeFileSync(
    join(dir, 'activity.csv'),
    [
      'enterprise_id,year,carrier,amount,unit',
      'CHP,2022,natural_gas,100,10^4 m3',
      'CHP,2022,electricity_export,5000,MWh',
      'CHP,2022,heat_export,30000,GJ',
      'A01,2022,heat_in_park,20000,GJ',
      'A01,2022,electricity,1000,MWh',
      '',
    ].join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await command.run(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd: dir,
  });
  return { code, stdout, stderr };
}
const near = (actual: unknown, expected: number) =>
  expect(Math.abs(Number(actual) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

const GAS = 100 * 21.62188809;
const GRID = 0.5366; // national location factor 2022, tCO2/MWh

describe('account: territorial total and negative net totals', () => {
  it('marks the CHP net_negative, says so, and keeps every other row unmarked', async () => {
    const r = await run('--activity', 'activity.csv', '--out', 'inv.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 enterprise-year\(s\) have a negative net total.*\(CHP\)/);
    const rows = JSON.parse(readFileSync(join(dir, 'inv.json'), 'utf8')) as Record<string, unknown>[];
    const chp = rows.find((x) => x.enterprise_id === 'CHP')!;
    near(chp.total_tco2, GAS - 5000 * GRID - 30_000 * 0.11);
    expect(chp.net_negative).toBe(true);
    expect(rows.find((x) => x.enterprise_id === 'A01')!.net_negative).toBe(false);
  });

  it('writes the territorial total with the memo items, as CSV, beside the unchanged output', async () => {
    const r = await run('--activity', 'activity.csv', '--out', 'inv.csv', '--park-out', 'park.csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('park.csv');
    const inv = parseCsv(readFileSync(join(dir, 'inv.csv'), 'utf8'));
    expect(inv.header.slice(0, 6)).toEqual([
      'enterprise_id',
      'year',
      'energy_tce',
      'electricity_tce',
      'renewable_tce',
      'scope1_tco2',
    ]);
    expect(inv.header.at(-1)).toBe('net_negative'); // added after the existing columns
    const [p] = csvObjects(parseCsv(readFileSync(join(dir, 'park.csv'), 'utf8')));
    expect(Number(p.year)).toBe(2022);
    near(p.territorial_tco2, GAS);
    near(p.electricity_import_mwh, 1000);
    near(p.electricity_import_tco2, 1000 * GRID);
    near(p.electricity_export_tco2, 5000 * GRID);
    near(p.heat_export_gj, 10_000); // 30 000 GJ exported, 20 000 GJ bought inside the park
    near(p.heat_export_tco2, 10_000 * 0.11);
    near(p.net_tco2, GAS + 1000 * GRID - 5000 * GRID - 10_000 * 0.11);
  });

  it('refuses a park output that is neither .json nor .csv', async () => {
    const r = await run('--activity', 'activity.csv', '--out', 'inv.json', '--park-out', 'park.txt');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--park-out must end in \.json or \.csv/);
  });
});
