import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command } from '../../../src/cli/commands/account';
import { csvObjects, parseCsv } from '../../../src/cli/csv';

const FIXTURES = join(import.meta.dirname, '../../fixtures/accounting');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pcw-account-'));
  cpSync(FIXTURES, dir, { recursive: true });
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
type Out = Record<string, string | number | null>;
const json = (file: string): Out[] => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Out[];
const find = (rows: Out[], id: string, year: number) =>
  rows.find((r) => r.enterprise_id === id && Number(r.year) === year)!;
const near = (actual: unknown, expected: number) =>
  expect(Math.abs(Number(actual) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

const GAS = 1000 * 21.62188809; // CHP: 1000 × 10^4 m3 natural gas
const DIESEL = 1.68 * ((((42.652 * 20.2) / 1000) * 0.98 * 44) / 12); // 2000 L × 0.84 t/m3
const COAL = 10 * 1.9002988488;

describe('account command: good input', () => {
  it('writes JSON, one object per enterprise and year, with names and sectors', async () => {
    const r = await run(
      '--activity',
      'activity.csv',
      '--enterprises',
      'enterprises.csv',
      '--out',
      'out/inv.json',
    );
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('Wrote 4 rows (3 enterprises, 2022–2023) to out/inv.json\n');
    const rows = json('out/inv.json');
    expect(rows.map((x) => `${x.enterprise_id}/${x.year}`)).toEqual([
      'A01/2022',
      'A01/2023',
      'B02/2022',
      'CHP/2022',
    ]);

    const chp = find(rows, 'CHP', 2022);
    expect(chp).toMatchObject({
      name_en: 'Park CHP, Ltd.',
      sector: 'chp',
      grid_region: 'national',
      grid_year: 2022,
    });
    near(chp.scope1_tco2, GAS);
    near(chp.scope2_tco2, 50 * 0.5366); // 5 × 10^4 kWh = 50 MWh
    near(chp.deduction_tco2, 60_000 * 0.11 + 2000 * 0.5366); // heat 6600 + power 1073.2
    near(chp.total_tco2, GAS + 26.83 - 6600 - 1073.2);
    near(chp.energy_tce, (1000 * 389.31) / 29.3076 + 5 * 1.229 - 60_000 * 0.03412 - 200 * 1.229);

    const a01 = find(rows, 'A01', 2022);
    expect(a01).toMatchObject({ name_zh: '甲化工', name_en: 'Alpha "Chem"', sector: 'chemicals' });
    near(a01.scope1_tco2, COAL + DIESEL);
    near(a01.scope2_tco2, 1000 * 0.5366 + 40_000 * 0.11);
    near(a01.total_tco2, COAL + DIESEL + 536.6 + 4400);
    near(a01.energy_tce, 100 * 1.229 + 40_000 * 0.03412 + 10 * 0.7143 + 1.68 * 1.4571);

    const a23 = find(rows, 'A01', 2023);
    near(a23.scope2_tco2, (110 + 20) * 10 * 0.5306); // grid + green power (location-based); PV 0
    near(a23.renewable_tce, (20 + 15) * 1.229);

    const b02 = find(rows, 'B02', 2022);
    near(b02.biogenic_tco2, 174.46);
    near(b02.total_tco2, 110 + 250 + 0.5 * ((((50.179 * 17.2) / 1000) * 0.98 * 44) / 12)); // biomass outside
  });

  it('writes CSV with the same figures', async () => {
    expect((await run('--activity', 'activity.csv', '--out', 'inv.csv')).code).toBe(0);
    expect((await run('--activity', 'activity.csv', '--out', 'inv.json')).code).toBe(0);
    const t = parseCsv(readFileSync(join(dir, 'inv.csv'), 'utf8'));
    expect(t.header.slice(0, 6)).toEqual([
      'enterprise_id',
      'year',
      'energy_tce',
      'electricity_tce',
      'renewable_tce',
      'scope1_tco2',
    ]);
    expect(t.header).toEqual(
      expect.arrayContaining(['scope2_tco2', 'total_tco2', 'biogenic_tco2', 'grid_factor_tco2_per_mwh']),
    );
    const fromJson = json('inv.json');
    for (const row of csvObjects(t)) {
      const j = find(fromJson, row.enterprise_id, Number(row.year));
      for (const k of ['energy_tce', 'scope1_tco2', 'scope2_tco2', 'total_tco2'])
        expect(Number(row[k])).toBe(j[k]);
    }
  });

  it('switches the electricity method, grid year and region', async () => {
    await run('--activity', 'activity.csv', '--electricity-method', 'equal', '--out', 'equal.json');
    const eq = json('equal.json');
    near(find(eq, 'A01', 2023).energy_tce, 145 * 3.007); // 2023 → 2022 equal value (300.7 gce/kWh)
    expect(find(eq, 'A01', 2023).electricity_method).toBe('equal');

    await run(
      '--activity',
      'activity.csv',
      '--grid-region',
      'east',
      '--grid-year',
      '2023',
      '--out',
      'east.json',
    );
    const east = json('east.json');
    near(find(east, 'A01', 2022).scope2_tco2, 1000 * 0.55 + 4400); // East China 2023: 0.5500
    expect(find(east, 'A01', 2022)).toMatchObject({
      grid_region: 'east',
      grid_year: 2023,
      grid_factor_tco2_per_mwh: 0.55,
    });

    await run('--activity', 'activity.csv', '--scope2-method', 'market', '--out', 'market.json');
    near(find(json('market.json'), 'A01', 2023).scope2_tco2, 1100 * 0.6096); // green power at 0
  });

  it('applies --factors overrides in their own unit', async () => {
    const r = await run('--activity', 'activity.csv', '--factors', 'factors.csv', '--out', 'ov.json');
    expect(r.code).toBe(0);
    const rows = json('ov.json');
    const chp = find(rows, 'CHP', 2022);
    near(chp.scope1_tco2, 10_000_000 * 0.0021); // 1000 × 10^4 m3 = 10^7 m3 → 21 000 t
    near(chp.scope2_tco2, 50 * 0.6); // electricity 0.6 t/MWh
    near(chp.energy_tce, 10_000_000 * 0.00133 + 5 * 1.229 - 60_000 * 0.03412 - 200 * 1.229);
    expect(chp.factor_overrides).toBe('natural_gas electricity');
    near(find(rows, 'A01', 2022).scope2_tco2, 1000 * 0.6 + 4400);
  });
});

describe('account command: bad input', () => {
  it.each([
    [
      'bad-unit.csv',
      /^account: bad-unit\.csv: row 3, column unit: Unit "kWh" \(electric energy\) does not fit carrier raw_coal/,
    ],
    [
      'bad-number.csv',
      /^account: bad-number\.csv: row 3, column amount: "1,20" is ambiguous: a comma here is not a thousands separator/,
    ],
    ['missing-column.csv', /^account: missing-column\.csv: row 1, column amount: missing column\n$/],
    ['nope.csv', /^account: nope\.csv: cannot read the file \(ENOENT\)\n$/],
  ])('%s → exit 1 naming file, row and column', async (file, message) => {
    const r = await run('--activity', file, '--out', 'x.json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
  });

  it('reports bad factor files and malformed CSV', async () => {
    const f = await run('--activity', 'activity.csv', '--factors', 'bad-factors.csv', '--out', 'x.json');
    expect([f.code, f.stderr]).toEqual([
      1,
      'account: bad-factors.csv: row 2, column tco2_per_unit: "abc" is not a number\n',
    ]);
    writeFileSync(join(dir, 'broken.csv'), 'enterprise_id,year,carrier,amount,unit\nA,2022,heat,"5,GJ\n');
    const b = await run('--activity', 'broken.csv', '--out', 'x.json');
    expect([b.code, b.stderr]).toEqual([1, 'account: broken.csv: row 2: a quoted field is not closed\n']);
  });

  it('rejects bad options', async () => {
    expect((await run('--activity', 'activity.csv')).code).toBe(2);
    expect((await run('--activity', 'activity.csv', '--out', 'x.txt')).code).toBe(2);
    expect((await run('--activity', 'activity.csv', '--out', 'x.json', '--colour')).code).toBe(2);
    const region = await run('--activity', 'activity.csv', '--grid-region', 'mars', '--out', 'x.json');
    expect([region.code, region.stderr]).toEqual([1, expect.stringMatching(/Unknown grid region "mars"/)]);
    const year = await run('--activity', 'activity.csv', '--grid-year', '20x2', '--out', 'x.json');
    expect([year.code, year.stderr]).toEqual([1, 'account: --grid-year: "20x2" is not a year\n']);
    const method = await run('--activity', 'activity.csv', '--electricity-method', 'both', '--out', 'x.json');
    expect(method.code).toBe(1);
    expect(command.usage).toContain('--activity <activity.csv>');
  });
});
