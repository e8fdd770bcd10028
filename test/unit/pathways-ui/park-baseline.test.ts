import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundledPark } from '../../../src/cli/open-park';
import type { DbPort } from '../../../src/data/port';
import type { ParkManifest } from '../../../src/data/parks';
import { loadParkBaseline } from '../../../src/data/park-baseline';
import { baselineTotals } from '../../../src/core/scenario/index';
import { parkTotalsSql } from '../../../src/data/sql/inventory-sql';
import { numberColumn } from '../../../src/data/arrow-rows';
import {
  FactorLibrary,
  accountActivity,
  parkTotals,
  type ActivityRow,
} from '../../../src/core/accounting/index';

let db: DbPort;
let manifest: ParkManifest;
beforeAll(async () => {
  ({ db, manifest } = await openBundledPark('sample'));
}, 60_000);
afterAll(() => db?.close());

describe('park baseline from the sample park over DuckDB (Node)', () => {
  it('has base-year totals equal to the accounting engine park total, CHP steam not double counted', async () => {
    const b = await loadParkBaseline(db, {
      datasetId: manifest.id,
      greenSpaceHa: manifest.green_space_ha,
      wetlandHa: manifest.wetland_ha,
    });
    expect(b.year).toBe(manifest.years[1]);
    const { totalTco2, energyTce } = baselineTotals(b);
    const sql = await db.query(parkTotalsSql());
    const years = numberColumn(sql, 'year');
    const i = years.indexOf(b.year);
    expect(totalTco2 / numberColumn(sql, 'total_tco2')[i]).toBeCloseTo(1, 10);
    expect(energyTce / numberColumn(sql, 'energy_tce')[i]).toBeCloseTo(1, 10);

    const act = await db.query(
      'SELECT enterprise_id, year, carrier, amount, unit FROM activity WHERE year = ?',
      [b.year],
    );
    const rows: ActivityRow[] = [...act].map((r) => ({
      enterprise_id: String(r.enterprise_id),
      year: Number(r.year),
      carrier: String(r.carrier),
      amount: Number(r.amount),
      unit: String(r.unit),
    }));
    const engine = parkTotals(accountActivity(rows, FactorLibrary.standard()))[0];
    expect(totalTco2 / engine.total_tco2).toBeCloseTo(1, 10);
    expect(b.history!.years.at(-1)).toBe(b.year);
    expect(b.history!.years).toContain(2020);
  });
});

describe('the app baseline (SQL) and the CLI baseline (JS) agree', () => {
  it('gives the same base year, activity, coefficients and history for the sample park', async () => {
    const { loadPark } = await import('../../../src/cli/load-park');
    const cli = (await loadPark('sample', process.cwd())).baseline;
    const app = await loadParkBaseline(db, {
      datasetId: manifest.id,
      greenSpaceHa: manifest.green_space_ha,
      wetlandHa: manifest.wetland_ha,
    });
    expect(app.year).toBe(cli.year);
    expect(app.sectors).toEqual(cli.sectors);
    expect(app.carriers).toEqual(cli.carriers);
    expect([...app.tco2PerUnit]).toEqual([...cli.tco2PerUnit]);
    expect([...app.tcePerUnit]).toEqual([...cli.tcePerUnit]);
    const close = (a: ArrayLike<number>, b: ArrayLike<number>) => {
      expect(a.length).toBe(b.length);
      for (let i = 0; i < a.length; i++)
        expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b[i])));
    };
    close(app.activity, cli.activity);
    close(app.output, cli.output);
    expect(app.history!.years).toEqual(cli.history!.years);
    close(app.history!.totalTco2, cli.history!.totalTco2);
    close(app.history!.outputValue, cli.history!.outputValue);
    expect([app.greenSpaceHa, app.wetlandHa]).toEqual([cli.greenSpaceHa, cli.wetlandHa]);
  });
});
