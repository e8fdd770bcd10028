/**
 * The park key rules (docs/architecture.md, "Park keys"), decided once in src/data/park-baseline.ts and
 * met by the app (tables in DuckDB) and the CLI (a folder of files) alike.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPark } from '../../../src/cli/load-park';
import { openBundledPark } from '../../../src/cli/open-park';
import { InputError } from '../../../src/core/errors';
import { DATASETS_DIR } from '../../../src/data/bundled-node';
import { loadParkBaseline } from '../../../src/data/park-baseline';
import type { ParkManifest } from '../../../src/data/parks';
import type { DbPort } from '../../../src/data/port';

const dir = mkdtempSync(join(tmpdir(), 'pcw-park-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each case breaks one rule: SQL run on the app's tables, the line appended to the CLI's CSV file. */
const CASES = [
  {
    rule: 'activity of an enterprise missing from enterprises',
    sql: "INSERT INTO activity (enterprise_id, year, carrier, amount, unit) VALUES ('E9999', 2024, 'electricity', 5, '10^4 kWh')",
    file: 'activity.csv',
    line: 'E9999,2024,electricity,5,10^4 kWh',
    message: /enterprise_id: enterprise "E9999" is not in enterprises/,
  },
  {
    rule: 'output value of an enterprise missing from enterprises',
    sql: "INSERT INTO economics (enterprise_id, year, output_value_10k_cny) VALUES ('E9998', 2024, 100)",
    file: 'economics.csv',
    line: 'E9998,2024,100,20,3',
    message: /enterprise_id: enterprise "E9998" is not in enterprises/,
  },
  {
    rule: 'PV installation of an enterprise missing from enterprises',
    sql: "INSERT INTO pv_installations (enterprise_id, commissioned_year, capacity_kwp) VALUES ('E9997', 2020, 50)",
    file: 'pv_installations.csv',
    line: 'E9997,2020,50',
    message: /enterprise_id: enterprise "E9997" is not in enterprises/,
  },
  {
    rule: 'an enterprise listed twice',
    sql: "INSERT INTO enterprises (enterprise_id, sector) VALUES ('E0001', 'chp')",
    file: 'enterprises.csv',
    line: 'E0001,Again,Again,chp,44,x,121,31,1,1,1',
    message: /enterprise_id: enterprise "E0001" is listed twice \(again at row \d+\)/,
  },
];

describe('park key rules, app path (tables in DuckDB)', () => {
  let db: DbPort;
  let manifest: ParkManifest;
  const TABLES = ['enterprises', 'economics', 'activity', 'pv_installations'];
  beforeAll(async () => {
    ({ db, manifest } = await openBundledPark('workshop'));
    for (const t of TABLES) await db.exec(`CREATE TABLE orig_${t} AS SELECT * FROM ${t}`);
  }, 60_000);
  afterAll(() => db?.close());

  for (const c of CASES) {
    it(`refuses ${c.rule}, naming the table and record`, async () => {
      for (const t of TABLES) await db.exec(`CREATE OR REPLACE TABLE ${t} AS SELECT * FROM orig_${t}`);
      const rows = Number((await db.query(`SELECT count(*) AS n FROM ${c.file.slice(0, -4)}`)).get(0)!.n);
      await db.exec(c.sql);
      const error = await loadParkBaseline(db, { datasetId: manifest.id }).catch((e) => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(c.message);
      // The default location is the table and the 1-based record; an appended row is the last.
      const at = c.rule.includes('twice')
        ? new RegExp(`enterprises: row 1, .*again at row ${rows + 1}\\)`)
        : new RegExp(`: row ${rows + 1},`);
      expect(error.message).toMatch(at);
    });
  }

  it('builds the baseline of an intact park', async () => {
    for (const t of TABLES) await db.exec(`CREATE OR REPLACE TABLE ${t} AS SELECT * FROM orig_${t}`);
    expect((await loadParkBaseline(db, { datasetId: manifest.id })).year).toBe(manifest.years[1]);
  });
});

describe('park key rules, CLI path (a folder of CSV files)', () => {
  const tables = ['enterprises', 'economics', 'activity', 'pv_installations'];
  for (const [i, c] of CASES.entries()) {
    it(`refuses ${c.rule}, naming the file and line`, async () => {
      const park = join(dir, `park-${i}`);
      mkdirSync(park, { recursive: true });
      for (const t of tables)
        copyFileSync(join(DATASETS_DIR, 'workshop', `${t}.csv`), join(park, `${t}.csv`));
      const text = readFileSync(join(park, c.file), 'utf8').replace(/\n$/, '');
      const lines = text.split('\n').length;
      writeFileSync(join(park, c.file), `${text}\n${c.line}\n`);
      const error = await loadPark(`park-${i}`, dir).catch((e) => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(c.message);
      const file = c.file.replace('.', '\\.');
      // A duplicate is reported at its first row and names the repeat (the appended line).
      const at = c.rule.includes('twice')
        ? new RegExp(`${file}: row 2, .*again at row ${lines + 1}\\)`)
        : new RegExp(`${file}: row ${lines + 1}, column enterprise_id`);
      expect(error.message).toMatch(at);
    }, 60_000);
  }
});
