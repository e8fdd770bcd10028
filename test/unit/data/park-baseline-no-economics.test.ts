/**
 * A park without economics (issue 14: imported without that table) still gets a scenario baseline: its
 * emissions, energy and history are those of a park with economics, the output value is absent, and the
 * simulation summary has no intensities but every other figure, all finite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundledPark } from '../../../src/cli/open-park';
import type { DbPort } from '../../../src/data/port';
import type { ParkManifest } from '../../../src/data/parks';
import { loadParkBaseline } from '../../../src/data/park-baseline';
import {
  baselineTotals,
  compileScenario,
  presetScenario,
  simulateBlock,
  summarize,
} from '../../../src/core/scenario/index';

let db: DbPort;
let manifest: ParkManifest;
beforeAll(async () => {
  ({ db, manifest } = await openBundledPark('workshop'));
}, 60_000);
afterAll(() => db?.close());

/** Every number in a JSON-like value, with its path. */
function numbers(v: unknown, path = '$', out: [string, unknown][] = []): [string, unknown][] {
  if (typeof v === 'number' || v === null) out.push([path, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => numbers(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) numbers(x, `${path}.${k}`, out);
  return out;
}

describe('a park without economics', () => {
  it('has the same baseline emissions and history, no output value, and a summary without intensities', async () => {
    const meta = { datasetId: manifest.id };
    const full = await loadParkBaseline(db, meta);
    await db.query('CREATE TEMP TABLE economics_kept AS SELECT * FROM economics');
    await db.query('DELETE FROM economics');
    try {
      const bare = await loadParkBaseline(db, meta);
      expect(bare.year).toBe(full.year);
      expect(baselineTotals(bare).totalTco2).toBeCloseTo(baselineTotals(full).totalTco2, 6);
      expect([...bare.output].every((o) => o === 0)).toBe(true);
      expect(bare.history!.years).toEqual(full.history!.years);
      expect(bare.history!.totalTco2).toEqual(full.history!.totalTco2);
      expect(bare.history!.outputValue.every(Number.isNaN)).toBe(true);

      const run = (b: typeof full) => {
        const model = compileScenario(presetScenario('policy'), b);
        return summarize(model, simulateBlock(model, 2060, 0, 40), 7);
      };
      const withOutput = run(full);
      const without = run(bare);
      expect(Object.keys(withOutput.intensity_change).length).toBeGreaterThan(0);
      expect(without.intensity_change).toEqual({});
      // Everything but intensities is there and finite (the structural shift has no output to move): a
      // null only where the summary with output value has one too, or in a target that says why.
      const nullsWith = new Set(
        numbers(withOutput)
          .filter(([, x]) => x === null)
          .map(([p]) => p),
      );
      const withoutNote = (path: string) => {
        const i = /^\$\.targets\[(\d+)\]/.exec(path)?.[1];
        return i === undefined || !/no output value/.test(without.targets[Number(i)].note ?? '');
      };
      // The intensity paths (the target chart's) are intensities too.
      expect(without.intensity_paths ?? null).toBeNull();
      for (const [path, x] of numbers({
        ...without,
        intensity_change: undefined,
        intensity_paths: undefined,
      })) {
        if (x === null) expect(nullsWith.has(path) || !withoutNote(path), path).toBe(true);
        else expect(Number.isFinite(x), path).toBe(true);
      }
      expect(without.peak_year.p_by_2030).toBeGreaterThanOrEqual(0);
      expect(without.by_sector_tco2!.keys).toEqual(withOutput.by_sector_tco2!.keys);
      expect(without.lever_contribution.map((l) => l.lever)).toEqual(
        withOutput.lever_contribution.map((l) => l.lever),
      );
      // Same draws, same emissions in the base year: the output value only feeds intensities and the shift.
      expect(without.total_tco2.p50[0]).toBeCloseTo(withOutput.total_tco2.p50[0], 6);
    } finally {
      await db.query('INSERT INTO economics SELECT * FROM economics_kept');
    }
  });

  it('is still refused when other years have output value but the base year has none', async () => {
    await db.query('CREATE TEMP TABLE base_kept AS SELECT * FROM economics WHERE year = 2024');
    await db.query('DELETE FROM economics WHERE year = 2024');
    try {
      await expect(loadParkBaseline(db, { datasetId: manifest.id })).rejects.toThrow(
        /no rows for the base year 2024/,
      );
    } finally {
      await db.query('INSERT INTO economics SELECT * FROM base_kept');
    }
  });
});
