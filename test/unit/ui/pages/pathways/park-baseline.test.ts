import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundledPark } from '../../../../../src/cli/open-park';
import type { DbPort } from '../../../../../src/data/port';
import type { ParkManifest } from '../../../../../src/data/parks';
import { loadParkBaseline } from '../../../../../src/data/park-baseline';
import {
  baselineTotals,
  compileScenario,
  presetScenario,
  rooftopPotentialMw,
  simulateBlock,
  type ParkBaseline,
} from '../../../../../src/core/scenario/index';
import { controlContext, settingsFromScenario } from '../../../../../src/core/scenario/index';
import { parkTotalsSql } from '../../../../../src/data/sql/inventory-sql';
import { numberColumn } from '../../../../../src/data/arrow-rows';
import {
  FactorLibrary,
  accountActivity,
  parkTotals,
  type ActivityRow,
} from '../../../../../src/core/accounting/index';

let db: DbPort;
let manifest: ParkManifest;
beforeAll(async () => {
  ({ db, manifest } = await openBundledPark('sample'));
}, 60_000);
afterAll(() => db?.close());

const meta = () => ({
  datasetId: manifest.id,
  greenSpaceHa: manifest.green_space_ha,
  wetlandHa: manifest.wetland_ha,
});

describe('park baseline from the sample park over DuckDB (Node)', () => {
  for (const scope2 of ['market', 'location'] as const) {
    it(`has base-year totals equal to the accounting engine park total (${scope2}-based Scope 2), CHP steam not double counted`, async () => {
      const b = await loadParkBaseline(db, meta(), { scope2 });
      expect(b.scope2).toBe(scope2);
      expect(b.year).toBe(manifest.years[1]);
      const { totalTco2, energyTce } = baselineTotals(b);
      const sql = await db.query(parkTotalsSql({ scope2Method: scope2 }));
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
      const engine = parkTotals(accountActivity(rows, FactorLibrary.standard(), { scope2Method: scope2 }))[0];
      expect(totalTco2 / engine.total_tco2).toBeCloseTo(1, 10);
      // The history is accounted the same way, so the fan chart starts where the history line ends.
      expect(b.history!.years.at(-1)).toBe(b.year);
      expect(b.history!.totalTco2.at(-1)! / totalTco2).toBeCloseTo(1, 10);
      expect(b.history!.years).toContain(2020);
    });
  }

  it('defaults to market-based Scope 2: green power at 0, other purchases at the residual mix', async () => {
    const b = await loadParkBaseline(db, meta());
    expect(b.scope2).toBe('market');
    const k = (c: string) => b.tco2PerUnit[b.carriers.indexOf(c)];
    expect(k('green_electricity')).toBe(0);
    // 2023 residual factor 0.6096 tCO2/MWh (the latest published for 2024) × 10 MWh per 10^4 kWh
    expect(k('electricity')).toBeCloseTo(6.096, 10);
    const loc = await loadParkBaseline(db, meta(), { scope2: 'location' });
    expect(loc.tco2PerUnit[loc.carriers.indexOf('green_electricity')]).toBeCloseTo(5.306, 10);
  });

  it('reads the rooftop-PV stock from the installations', async () => {
    const b = await loadParkBaseline(db, meta());
    const r = b.rooftop!;
    expect(r.source).toBe('installations');
    expect(r.enterprises).toBeGreaterThan(250);
    expect(r.pvEnterprises).toBeGreaterThan(100);
    expect(r.pvMw).toBeGreaterThan(150);
    expect(r.pvMw).toBeLessThan(200);
    const potential = rooftopPotentialMw(b);
    expect(potential).toBeCloseTo((r.pvMw / r.pvEnterprises) * (r.enterprises - r.pvEnterprises), 9);
  });
});

/** Mean contribution of each lever over the horizon (sum over years, mean over runs), tCO2. */
function meanContributions(baseline: ParkBaseline, preset: 'policy' | 'ambitious', runs = 200) {
  const model = compileScenario(presetScenario(preset), baseline, { breakdown: false });
  const block = simulateBlock(model, 2060, 0, runs);
  const out: Record<string, number> = {};
  model.leverNames.forEach((name, l) => {
    let sum = 0;
    for (let i = 0; i < runs * block.nYears; i++) sum += block.leverContribution[i * block.nLevers + l];
    out[name] = sum / runs;
  });
  return { out, model, block };
}

describe('presets on the sample park', () => {
  it('give green power a real contribution under market-based Scope 2 (none under location-based)', async () => {
    const market = await loadParkBaseline(db, meta());
    const location = await loadParkBaseline(db, meta(), { scope2: 'location' });
    for (const preset of ['policy', 'ambitious'] as const) {
      const m = meanContributions(market, preset).out;
      expect(m.green_power, preset).toBeGreaterThan(1e5); // tCO2 over the horizon
      const doc = { ...presetScenario(preset), accounting: { scope2: 'location' as const } };
      const model = compileScenario(doc, location, { breakdown: false });
      const block = simulateBlock(model, 2060, 0, 50);
      const l = model.leverNames.indexOf('green_power');
      let max = 0;
      for (let i = 0; i < 50 * block.nYears; i++)
        max = Math.max(max, Math.abs(block.leverContribution[i * block.nLevers + l]));
      expect(max, preset).toBeLessThan(1e-6);
    }
  });

  it('keep the bau base year equal to the park total of the accounting engine', async () => {
    const b = await loadParkBaseline(db, meta());
    // The inventory taken as exact (its uncertainty is a multiplier per run, tested in the kernel's tests).
    const bau = presetScenario('bau');
    const exact = { ...bau, drivers: { ...bau.drivers, inventory: { activity: 1, factors: 1 } } };
    const model = compileScenario(exact, b, { breakdown: false });
    const block = simulateBlock(model, 2060, 0, 20, { precision: 'double' });
    for (let r = 0; r < 20; r++)
      expect(block.gross[r * block.nYears] / baselineTotals(b).totalTco2).toBeCloseTo(1, 10);
  });

  it('add rooftop PV in plausible amounts on the sample and workshop parks', async () => {
    // The sample park has ≈188 MWp on 124 of 282 enterprises; the workshop park 3.8 MWp on 4 of 19.
    const { loadPark } = await import('../../../../../src/cli/load-park');
    const mw: Record<string, number[]> = {};
    for (const park of ['sample', 'workshop']) {
      const b = (await loadPark(park, process.cwd())).baseline;
      const ctx = controlContext(b);
      for (const preset of ['policy', 'ambitious'] as const) {
        const s = settingsFromScenario(presetScenario(preset), ctx);
        mw[`${park}.${preset}`] = [s.pv2030, s.pv2060];
      }
      // Never more than the unused roofs.
      expect(mw[`${park}.ambitious`][1]).toBeLessThanOrEqual(Math.ceil(rooftopPotentialMw(b)));
      expect(mw[`${park}.policy`][1]).toBeLessThan(mw[`${park}.ambitious`][1]);
    }
    expect(mw['sample.ambitious'][1]).toBeGreaterThan(100);
    expect(mw['sample.ambitious'][1]).toBeLessThan(400);
    expect(mw['workshop.ambitious'][1]).toBeGreaterThan(5);
    expect(mw['workshop.ambitious'][1]).toBeLessThan(30);
  }, 60_000);
});

describe('the app baseline (bundled Arrow) and the CLI baseline from a folder of CSV files agree', () => {
  for (const scope2 of ['market', 'location'] as const) {
    it(`gives the same base year, activity, coefficients, history and rooftop stock for the sample park (${scope2})`, async () => {
      // The CLI reads the park's CSV twins from a folder (through the importer), the app its Arrow files:
      // two readers and two formats into the one baseline path.
      const { loadPark } = await import('../../../../../src/cli/load-park');
      const { mkdtempSync, copyFileSync, readdirSync, rmSync } = await import('node:fs');
      const { tmpdir } = await import('node:os');
      const { join } = await import('node:path');
      const dir = mkdtempSync(join(tmpdir(), 'pcw-park-'));
      for (const f of readdirSync('datasets/sample'))
        if (f.endsWith('.csv') || f === 'manifest.json')
          copyFileSync(join('datasets/sample', f), join(dir, f));
      const cli = (await loadPark(dir, process.cwd(), { scope2 })).baseline;
      rmSync(dir, { recursive: true });
      const app = await loadParkBaseline(db, meta(), { scope2 });
      expect(app.scope2).toBe(scope2);
      expect(cli.scope2).toBe(scope2);
      expect(app.rooftop).toEqual(cli.rooftop);
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
    }, 60_000);
  }
});

describe('loadPark in one process (the test corpus runs many commands in one)', () => {
  it('builds the same park once, hands out copies, and builds changed files or options anew', async () => {
    const { loadPark } = await import('../../../../../src/cli/load-park');
    const { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'pcw-load-park-'));
    const a = (await loadPark('workshop', dir)).baseline;
    const b = (await loadPark('workshop', dir)).baseline;
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
    b.activity[0] += 1;
    expect((await loadPark('workshop', dir)).baseline).toEqual(a);

    const location = (await loadPark('workshop', dir, { scope2: 'location' })).baseline;
    expect(location.scope2).toBe('location');
    expect(location.tco2PerUnit).not.toEqual(a.tco2PerUnit);

    // A folder copy of the park with one amount changed: its own baseline.
    cpSync(join(process.cwd(), 'datasets/workshop'), join(dir, 'park'), { recursive: true });
    const folder = (await loadPark('park', dir)).baseline;
    const csv = join(dir, 'park/activity.csv');
    const lines = readFileSync(csv, 'utf8').split('\n');
    const last = lines.length - 2;
    const cells = lines[last].split(',');
    cells[3] = String(Number(cells[3]) * 2);
    lines[last] = cells.join(',');
    writeFileSync(csv, lines.join('\n'));
    const changed = (await loadPark('park', dir)).baseline;
    expect(changed.activity).not.toEqual(folder.activity);

    // A broken park fails each time, with the same message.
    writeFileSync(csv, 'enterprise_id,year,carrier,amount,unit\nNOBODY,2024,electricity,1,MWh\n');
    const first = await loadPark('park', dir).catch((e: Error) => e.message);
    const again = await loadPark('park', dir).catch((e: Error) => e.message);
    expect(first).toMatch(/NOBODY/);
    expect(again).toBe(first);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
