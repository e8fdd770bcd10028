import { describe, expect, it } from 'vitest';
import { compileScenario, simulateBlock, type RunBlock } from '../../../../src/core/scenario/kernel';
import { referenceSimulate } from '../../../../src/core/scenario/reference';
import { sectorSumsAvailable } from '../../../../src/core/wasm/sector-sums';
import { mergeRunBlocks } from '../../../../src/core/scenario/merge';
import { presetScenario } from '../../../../src/core/scenario/presets';
import { baselineFromRows, baselineTotals } from '../../../../src/core/scenario/baseline';
import { ALL_LEVERS, HAND_OUTPUT, HAND_ROWS, handBaseline, handCoefficients } from './fixtures';

const FIELDS = [
  'gross',
  'net',
  'energy',
  'output',
  'bySector',
  'byCarrier',
  'inputs',
  'leverContribution',
  'renewable',
] as const;

/** A park whose 'chp' burns coal and sells no steam inside the park (not steam-coupled). */
function coalChpBaseline() {
  const rows = HAND_ROWS.filter((r) => r.carrier !== 'heat_in_park').map((r) =>
    r.sector === 'chp' && r.carrier === 'natural_gas' ? { ...r, carrier: 'raw_coal', amount: 20000 } : r,
  );
  return baselineFromRows(rows, HAND_OUTPUT, handCoefficients, {
    datasetId: 'coal',
    year: 2022,
    greenSpaceHa: 10,
  });
}

const DOUBLE = { precision: 'double' } as const;

const sum = (xs: ArrayLike<number>): number => Array.from(xs).reduce((a, v) => a + v, 0);

function expectClose(a: RunBlock, b: RunBlock, tol: number): void {
  for (const f of FIELDS) {
    expect(a[f].length, f).toBe(b[f].length);
    expect(a[f], f).toBeInstanceOf(Float64Array);
    for (let i = 0; i < a[f].length; i++) {
      const d = Math.abs(a[f][i] - b[f][i]);
      if (d > tol * Math.max(1, Math.abs(b[f][i]))) throw new Error(`${f}[${i}]: ${a[f][i]} vs ${b[f][i]}`);
    }
  }
}

describe('kernel', () => {
  const cases = [
    ['bau', presetScenario('bau'), handBaseline()],
    ['policy', presetScenario('policy'), handBaseline()],
    ['ambitious', presetScenario('ambitious'), handBaseline()],
    ['all levers', ALL_LEVERS, handBaseline()],
    ['all levers, coal CHP not coupled', ALL_LEVERS, coalChpBaseline()],
  ] as const;

  for (const [name, scenario, baseline] of cases) {
    // Both implementations of the sector sums: WebAssembly (the default where it runs) and JS.
    for (const wasm of [true, false]) {
      it(`agrees with the reference implementation to 1e-9 (${name}, ${wasm ? 'wasm' : 'JS'} sector sums)`, () => {
        expect(sectorSumsAvailable()).toBe(true);
        const m = compileScenario(scenario, baseline);
        const block = simulateBlock(m, 20240601, 5, 20, { ...DOUBLE, wasm });
        expectClose(block, referenceSimulate(m, 20240601, 5, 20), 1e-9);
      });
    }
  }

  it('gives bit-identical runs however the runs are split into blocks', () => {
    const m = compileScenario(ALL_LEVERS, handBaseline());
    const whole = simulateBlock(m, 99, 0, 30);
    let start = 0;
    for (const count of [7, 1, 22]) {
      const part = simulateBlock(m, 99, start, count);
      for (const f of FIELDS) {
        const stride = whole[f].length / 30;
        expect(part[f]).toEqual(whole[f].subarray(start * stride, (start + count) * stride));
      }
      start += count;
    }
  });

  it('starts from the baseline in the base year and adds up by sector and by carrier', () => {
    const b = handBaseline();
    const t = baselineTotals(b);
    const ambitious = presetScenario('ambitious');
    // With the inventory taken as exact, the base year is the inventory.
    const exact = { ...ambitious, drivers: { ...ambitious.drivers, inventory: { activity: 1, factors: 1 } } };
    const m = compileScenario(exact, b);
    const blk = simulateBlock(m, 3, 0, 20, DOUBLE);
    // With its uncertainty, the base year of each run is the inventory times the run's multipliers.
    const mu = compileScenario(ambitious, b);
    const unsure = simulateBlock(mu, 3, 0, 20, DOUBLE);
    const act = mu.inputNames.indexOf('inventory.activity');
    const fac = mu.inputNames.indexOf('inventory.factors');
    for (let r = 0; r < 20; r++) {
      const row = r * m.nYears;
      expect(blk.gross[row]).toBeCloseTo(t.totalTco2, 6);
      expect(blk.energy[row]).toBeCloseTo(t.energyTce, 6);
      const a = unsure.inputs[r * mu.nInputs + act];
      const f = unsure.inputs[r * mu.nInputs + fac];
      expect(a).not.toBe(1);
      expect(unsure.gross[row]).toBeCloseTo(t.totalTco2 * a * f, 6);
      expect(unsure.energy[row]).toBeCloseTo(t.energyTce * a, 6);
      for (let y = 0; y < m.nYears; y++) {
        const i = r * m.nYears + y;
        const sumS = sum(blk.bySector.subarray(i * m.nSectors, (i + 1) * m.nSectors));
        const sumC = sum(blk.byCarrier.subarray(i * m.nCarriers, (i + 1) * m.nCarriers));
        expect(Math.abs(sumS - blk.gross[i])).toBeLessThan(1e-9 * Math.abs(blk.gross[i]));
        expect(Math.abs(sumC - blk.gross[i])).toBeLessThan(1e-9 * Math.abs(blk.gross[i]));
      }
    }
  });

  it('measures lever contributions against BAU with common random numbers', () => {
    const b = handBaseline();
    const bau = simulateBlock(compileScenario(presetScenario('bau'), b), 11, 0, 25, DOUBLE);
    const pol = simulateBlock(compileScenario(presetScenario('policy'), b), 11, 0, 25, DOUBLE);
    const nL = pol.nLevers;
    for (let i = 0; i < bau.net.length; i++) {
      let sum = 0;
      let size = 0;
      for (let l = 0; l < nL; l++) {
        sum += pol.leverContribution[i * nL + l];
        size += Math.abs(pol.leverContribution[i * nL + l]);
      }
      // Exact up to double rounding.
      expect(Math.abs(bau.net[i] - pol.net[i] - sum)).toBeLessThan(
        1e-8 * Math.abs(bau.net[i]) + 1e-12 * size,
      );
    }
  });

  it('can leave out the breakdown and survives a structured clone', () => {
    const b = handBaseline();
    const full = compileScenario(presetScenario('policy'), b);
    const lean = compileScenario(presetScenario('policy'), b, { breakdown: false });
    const a = simulateBlock(full, 5, 0, 10);
    const c = simulateBlock(structuredClone(lean), 5, 0, 10);
    expect(c.bySector.length).toBe(0);
    expect(c.byCarrier.length).toBe(0);
    expect(c.gross).toEqual(a.gross);
    expect(c.leverContribution).toEqual(a.leverContribution);
  });

  it('stores every result as the float32 rounding of the double computation, unless asked for double', () => {
    for (const scenario of [presetScenario('policy'), ALL_LEVERS]) {
      const m = compileScenario(scenario, handBaseline());
      const single = simulateBlock(m, 5, 2, 9);
      const double = simulateBlock(m, 5, 2, 9, DOUBLE);
      for (const f of FIELDS) {
        expect(single[f], f).toBeInstanceOf(Float32Array);
        expect(double[f], f).toBeInstanceOf(Float64Array);
        expect(single[f].length, f).toBeGreaterThan(0);
        expect(Array.from(single[f]), f).toEqual(Array.from(double[f], Math.fround));
      }
    }
  });

  it('without lever contributions computes the same runs (a preview) and leaves the contributions out', () => {
    for (const scenario of [presetScenario('bau'), presetScenario('policy'), ALL_LEVERS]) {
      const m = compileScenario(scenario, coalChpBaseline());
      const full = simulateBlock(m, 8, 3, 12);
      const quick = simulateBlock(m, 8, 3, 12, { levers: false });
      expect(quick.leverContribution.length).toBe(0);
      expect(quick.nLevers).toBe(full.nLevers);
      for (const f of FIELDS.filter((f) => f !== 'leverContribution')) expect(quick[f], f).toEqual(full[f]);
    }
  });

  it('attributing and costing every L-th run only gives those runs exactly and leaves the rest unchanged', () => {
    const LEVER_FIELDS = ['npvCost', 'investment', 'leverCost', 'leverAvoided', 'leverAvoidedDisc'] as const;
    for (const scenario of [presetScenario('policy'), ALL_LEVERS]) {
      const m = compileScenario(scenario, coalChpBaseline());
      const nY = m.nYears;
      const nL = m.nLevers;
      // Runs 5 … 18: the attributed ones are 6, 9, 12, 15, 18; the breakdown's 6, 12, 18.
      const all = simulateBlock(m, 8, 5, 14, { breakdownEvery: 6 });
      const some = simulateBlock(m, 8, 5, 14, { leverEvery: 3, breakdownEvery: 6 });
      expect(some.leverEvery).toBe(3);
      const kept = [1, 4, 7, 10, 13]; // block-relative indices of runs 6, 9, 12, 15, 18
      const rowsOf = (x: ArrayLike<number>, width: number) =>
        kept.flatMap((i) => Array.from(x).slice(i * width, (i + 1) * width));
      expect(Array.from(some.leverContribution)).toEqual(rowsOf(all.leverContribution, nY * nL));
      for (const f of LEVER_FIELDS) {
        const width = all[f].length / 14;
        expect(some[f].length, f).toBe(5 * width);
        expect(Array.from(some[f]), f).toEqual(rowsOf(all[f], width));
      }
      // The breakdown's yearly costs: its runs are attributed either way.
      expect(some.leverCostYear).toEqual(all.leverCostYear);
      for (const f of FIELDS.filter((f) => f !== 'leverContribution')) expect(some[f], f).toEqual(all[f]);
      // Chunked anywhere, the merged block is the block computed in one piece.
      const parts = [
        simulateBlock(m, 8, 5, 2, { leverEvery: 3, breakdownEvery: 6 }),
        simulateBlock(m, 8, 7, 1, { leverEvery: 3, breakdownEvery: 6 }),
        simulateBlock(m, 8, 8, 11, { leverEvery: 3, breakdownEvery: 6 }),
      ];
      expect(mergeRunBlocks(parts)).toEqual(some);
    }
    const m = compileScenario(ALL_LEVERS, handBaseline());
    expect(() => simulateBlock(m, 1, 0, 4, { leverEvery: 3, breakdownEvery: 4 })).toThrow(/multiple/);
    expect(() => simulateBlock(m, 1, 0, 4, { leverEvery: 0 })).toThrow(/leverEvery/);
  });
});

describe('kernel storage', () => {
  it('lays every array out in one buffer, reusing a slab it is given when large enough', () => {
    const m = compileScenario(ALL_LEVERS, handBaseline());
    const fresh = simulateBlock(m, 4, 10, 6);
    const buffer = fresh.gross.buffer;
    for (const f of FIELDS) expect(fresh[f].buffer, f).toBe(buffer);
    // A dirty slab (an earlier chunk's results) gives the same block, in that slab.
    const dirty = new ArrayBuffer(buffer.byteLength + 64);
    new Uint8Array(dirty).fill(0xff);
    const reused = simulateBlock(m, 4, 10, 6, { slab: dirty });
    for (const f of FIELDS) {
      expect(reused[f].buffer, f).toBe(dirty);
      expect(reused[f], f).toEqual(fresh[f]);
    }
    // Too small: a new buffer.
    const small = new ArrayBuffer(16);
    expect(simulateBlock(m, 4, 10, 6, { slab: small }).gross.buffer).not.toBe(small);
  });
});

describe('kernel breakdown of every K-th run', () => {
  it('keeps the rows of runs r % K = 0, equal to the full breakdown, and merges across chunks', () => {
    const m = compileScenario(ALL_LEVERS, handBaseline());
    const all = simulateBlock(m, 6, 3, 20);
    const sampled = simulateBlock(m, 6, 3, 20, { breakdownEvery: 4 });
    expect(sampled.breakdownEvery).toBe(4);
    expect(all.breakdownEvery).toBe(1);
    const rows = [4, 8, 12, 16, 20].map((r) => r - 3); // runs 4, 8, …, 20 of runs 3…22
    const w = m.nYears * m.nSectors;
    expect(Array.from(sampled.bySector)).toEqual(
      rows.flatMap((j) => Array.from(all.bySector.subarray(j * w, (j + 1) * w))),
    );
    const wc = m.nYears * m.nCarriers;
    expect(Array.from(sampled.byCarrier)).toEqual(
      rows.flatMap((j) => Array.from(all.byCarrier.subarray(j * wc, (j + 1) * wc))),
    );
    for (const f of ['gross', 'net', 'inputs', 'leverContribution'] as const)
      expect(sampled[f]).toEqual(all[f]);
    // Chunked differently, merged: the same block.
    const parts = [
      simulateBlock(m, 6, 3, 6, { breakdownEvery: 4 }),
      simulateBlock(m, 6, 9, 14, { breakdownEvery: 4 }),
    ];
    expect(parts.map((p) => p.bySector.length / w)).toEqual([2, 3]);
    expect(mergeRunBlocks(parts)).toEqual(sampled);
    expect(() => simulateBlock(m, 6, 3, 2, { breakdownEvery: 0 })).toThrow(/breakdownEvery/);
    expect(simulateBlock(m, 6, 3, 2, { breakdown: false }).breakdownEvery).toBe(0);
  });
});
