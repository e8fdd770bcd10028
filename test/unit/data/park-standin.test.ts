/**
 * A park without an enterprises table (issue 14: imported without one) gets a stand-in listing every
 * enterprise its tables name — activity, economics, PV installations — so the Pathways key rules, which
 * read economics and pv_installations against enterprises, never fail against a table the park does not
 * have; a park with its own enterprises table still gets the located key error. The app's way of opening
 * a park (installParkTables) and the CLI's `--park <folder>` go the same way.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPark } from '../../../src/cli/load-park';
import { InputError } from '../../../src/core/errors';
import { parseCsv } from '../../../src/core/import/csv';
import {
  baselineTotals,
  compileScenario,
  presetScenario,
  simulateBlock,
  summarize,
  type ParkBaseline,
} from '../../../src/core/scenario/index';
import { numberColumn, stringColumn } from '../../../src/data/arrow-rows';
import { DATASETS_DIR, referenceTables } from '../../../src/data/bundled-node';
import { createNodeDb } from '../../../src/data/duckdb-node';
import { loadParkBaseline } from '../../../src/data/park-baseline';
import { loadTables } from '../../../src/data/parks';
import type { DbPort } from '../../../src/data/port';
import { sectorCountsSql } from '../../../src/data/sql/overview-sql';
import { enterpriseListSql } from '../../../src/data/sql/inventory-views-sql';
import { installParkTables } from '../../../src/data/user-parks';
import {
  DROPPED,
  droppedEconomics,
  parkWithoutActivityOf,
  type WorkshopCsv,
} from '../../fixtures/standin-park';

const read = (t: string) => readFileSync(join(DATASETS_DIR, 'workshop', `${t}.csv`), 'utf8');
const csv: WorkshopCsv = {
  activity: read('activity'),
  economics: read('economics'),
  pv_installations: read('pv_installations'),
  enterprises: read('enterprises'),
};
const ids = (text: string) => parseCsv(text).rows.map((r) => r[0]);
const meta = { datasetId: 'standin' };

let db: DbPort;
beforeAll(async () => {
  db = await createNodeDb();
  await loadTables(db, referenceTables());
}, 60_000);
afterAll(() => db?.close());

/** A summary of a short policy run: the figures the Pathways page shows. */
function summaryOf(b: ParkBaseline) {
  const model = compileScenario(presetScenario('policy'), b);
  return summarize(model, simulateBlock(model, 2060, 0, 40), 7);
}

describe('a park without an enterprises table (the app opens it)', () => {
  let baseline: ParkBaseline;

  it('gets a stand-in naming every enterprise of activity, economics and PV installations', async () => {
    const absent = await installParkTables(db, parkWithoutActivityOf(csv, false));
    expect(absent).toEqual(['enterprises']);
    const named = new Set([
      ...ids(csv.activity).filter((id) => id !== DROPPED),
      ...ids(csv.economics),
      ...ids(csv.pv_installations),
    ]);
    // The case at issue: the dropped enterprise is named by economics and PV, not by activity.
    expect(ids(csv.economics)).toContain(DROPPED);
    expect(ids(csv.pv_installations)).toContain(DROPPED);
    const list = await db.query(enterpriseListSql());
    expect(stringColumn(list, 'enterprise_id')).toEqual([...named].sort());
    expect(new Set(stringColumn(list, 'sector'))).toEqual(new Set(['unknown']));
    expect(stringColumn(list, 'name_en')).toEqual(stringColumn(list, 'enterprise_id'));
    // The Overview's enterprise count is the park's enterprises, every one of sector unknown.
    const counts = await db.query(sectorCountsSql());
    expect(stringColumn(counts, 'sector')).toEqual(['unknown']);
    expect([...numberColumn(counts, 'n')]).toEqual([named.size]);
  });

  it('builds its Pathways baseline and a simulation summary', async () => {
    baseline = await loadParkBaseline(db, meta);
    expect(baseline.year).toBe(2024);
    expect(baseline.sectors).toEqual(['unknown']);
    // The enterprise without activity is not one present in the base year: not in the rooftop stock.
    const active2024 = new Set(
      parseCsv(csv.activity)
        .rows.filter((r) => r[1] === '2024' && r[0] !== DROPPED)
        .map((r) => r[0]),
    );
    expect(baseline.rooftop?.enterprises).toBe(active2024.size);
    expect(baselineTotals(baseline).totalTco2).toBeGreaterThan(0);
    const summary = summaryOf(baseline);
    expect(summary.total_tco2.p50.length).toBe(2060 - 2024 + 1);
    expect(summary.total_tco2.p50.every(Number.isFinite)).toBe(true);
    expect(Object.keys(summary.intensity_change).length).toBeGreaterThan(0);
  });

  it('is built the same way by the CLI from a folder without enterprises.csv', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pcw-standin-'));
    try {
      mkdirSync(join(dir, 'park'));
      const drop = (text: string) =>
        text
          .split('\n')
          .filter((l) => !l.startsWith(`${DROPPED},`))
          .join('\n');
      writeFileSync(join(dir, 'park', 'activity.csv'), drop(csv.activity));
      writeFileSync(join(dir, 'park', 'economics.csv'), csv.economics);
      writeFileSync(join(dir, 'park', 'pv_installations.csv'), csv.pv_installations);
      const park = await loadPark('park', dir);
      expect(park.warnings).toEqual([expect.stringMatching(/no enterprises\.csv.*sector is unknown/)]);
      expect(park.baseline.year).toBe(baseline.year);
      expect(park.baseline.sectors).toEqual(['unknown']);
      expect([...park.baseline.output]).toEqual([...baseline.output]);
      expect(baselineTotals(park.baseline).totalTco2).toBeCloseTo(baselineTotals(baseline).totalTco2, 6);
      expect(park.baseline.rooftop).toEqual(baseline.rooftop);

      // Its own enterprises table lacking the enterprise: the key error, located in the file.
      writeFileSync(join(dir, 'park', 'enterprises.csv'), drop(csv.enterprises));
      const error = await loadPark('park', dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      const { row, rows } = droppedEconomics(csv);
      // The CSV's line: the header is line 1.
      expect((error as Error).message).toContain(
        `economics.csv: row ${row + 1}, column enterprise_id: enterprise "${DROPPED}" is not in enterprises (${rows} rows)`,
      );
      expect((error as Error).message).toMatch(
        /pv_installations\.csv: row \d+, column enterprise_id: enterprise "E0005"/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('a CLI folder with activity alone', () => {
  it('runs as the app runs a park imported without enterprises and economics; without activity it is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pcw-standin-'));
    try {
      mkdirSync(join(dir, 'park'));
      writeFileSync(join(dir, 'park', 'activity.csv'), csv.activity);
      const park = await loadPark('park', dir);
      expect(park.warnings).toEqual([
        expect.stringMatching(/no enterprises\.csv.*sector is unknown/),
        expect.stringMatching(/no economics\.csv.*no intensities/),
      ]);
      expect(park.baseline.sectors).toEqual(['unknown']);
      expect([...park.baseline.output]).toEqual([0]);
      const summary = summaryOf(park.baseline);
      expect(summary.intensity_change).toEqual({});
      expect(summary.total_tco2.p50.every(Number.isFinite)).toBe(true);

      rmSync(join(dir, 'park', 'activity.csv'));
      writeFileSync(join(dir, 'park', 'economics.csv'), csv.economics);
      await expect(loadPark('park', dir)).rejects.toThrow(
        /no activity\.csv, activity\.parquet or activity\.arrow/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('a park with its own enterprises table (the app opens it)', () => {
  it('still gets the located key error for an enterprise economics and PV name but it does not list', async () => {
    const absent = await installParkTables(db, parkWithoutActivityOf(csv, true));
    expect(absent).toEqual([]);
    const error = await loadParkBaseline(db, meta).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const { row, rows } = droppedEconomics(csv);
    expect((error as Error).message).toContain(
      `economics: row ${row}, column enterprise_id: enterprise "${DROPPED}" is not in enterprises (${rows} rows)`,
    );
    expect((error as Error).message).toMatch(
      /pv_installations: row \d+, column enterprise_id: enterprise "E0005"/,
    );
  });
});
