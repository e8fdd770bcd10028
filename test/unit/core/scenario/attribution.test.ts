/**
 * Lever attribution (docs/model.md §4): Shapley values estimated with one random lever order per run.
 * Behaviour checked: the wedges add up to BAU − scenario in every run and year, they do not depend on
 * the order the document lists the levers in, their mean agrees with the exact Shapley values within
 * the Monte Carlo error, a lever with nothing to act on gets exactly nothing, and removing a lever
 * leaves every other input's draws unchanged.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, simulateBlock } from '../../../../src/core/scenario/kernel';
import { exactShapley } from '../../../../src/core/scenario/reference';
import { presetScenario } from '../../../../src/core/scenario/presets';
import { assertScenario, type Scenario } from '../../../../src/core/scenario/schema';
import { baselineFromRows } from '../../../../src/core/scenario/baseline';
import { ALL_LEVERS, HAND_OUTPUT, HAND_ROWS, handBaseline, handCoefficients } from './fixtures';

const DOUBLE = { precision: 'double' } as const;

function withoutLever(s: Scenario, doc: string): Scenario {
  const levers = { ...s.levers } as Record<string, unknown>;
  delete levers[doc];
  return assertScenario({ ...s, levers });
}

describe('lever attribution', () => {
  it('adds up to the difference to BAU in every run and year, for every preset', () => {
    const b = handBaseline();
    const bau = simulateBlock(compileScenario({ ...ALL_LEVERS, levers: {} }, b), 4, 0, 40, DOUBLE);
    for (const s of [presetScenario('policy'), presetScenario('ambitious'), ALL_LEVERS]) {
      const blk = simulateBlock(compileScenario(s, b), 4, 0, 40, DOUBLE);
      const nL = blk.nLevers;
      for (let i = 0; i < blk.net.length; i++) {
        let sum = 0;
        for (let l = 0; l < nL; l++) sum += blk.leverContribution[i * nL + l];
        expect(Math.abs(bau.net[i] - blk.net[i] - sum)).toBeLessThan(
          1e-9 * Math.max(1, Math.abs(bau.net[i])),
        );
      }
    }
  });

  it('does not depend on the order in which the document lists the levers', () => {
    const b = handBaseline();
    const raw = { ...ALL_LEVERS, levers: Object.fromEntries(Object.entries(ALL_LEVERS.levers).reverse()) };
    expect(Object.keys(raw.levers)).not.toEqual(Object.keys(ALL_LEVERS.levers));
    const reversed = assertScenario(JSON.parse(JSON.stringify(raw)));
    const a = simulateBlock(compileScenario(ALL_LEVERS, b), 9, 0, 30);
    const r = simulateBlock(compileScenario(reversed, b), 9, 0, 30);
    expect(r.leverContribution).toEqual(a.leverContribution);
    expect(r.net).toEqual(a.net);
  });

  it('agrees on average with the exact Shapley values, within the Monte Carlo error', () => {
    const b = handBaseline();
    const m = compileScenario(ALL_LEVERS, b);
    const runs = 160;
    const seed = 21;
    const blk = simulateBlock(m, seed, 0, runs, DOUBLE);
    const nL = m.nLevers;
    const y = m.nYears - 1;
    const diff: number[][] = Array.from({ length: nL }, () => []);
    for (let r = 0; r < runs; r++) {
      const exact = exactShapley(m, seed, r, y);
      let total = 0;
      for (let l = 0; l < nL; l++) {
        const sampled = blk.leverContribution[(r * m.nYears + y) * nL + l];
        diff[l].push(sampled - exact[l]);
        total += exact[l];
      }
      // The exact values also add up to the run's total difference.
      let sampledTotal = 0;
      for (let l = 0; l < nL; l++) sampledTotal += blk.leverContribution[(r * m.nYears + y) * nL + l];
      expect(Math.abs(total - sampledTotal)).toBeLessThan(1e-6 * Math.max(1, Math.abs(total)));
    }
    let someOrderMatters = false;
    for (let l = 0; l < nL; l++) {
      const d = diff[l];
      const mean = d.reduce((a, x) => a + x, 0) / runs;
      const sd = Math.sqrt(d.reduce((a, x) => a + (x - mean) ** 2, 0) / (runs - 1));
      if (sd > 1e-6) someOrderMatters = true;
      // Five standard errors: a false alarm about once in 1.7 million per lever.
      expect(Math.abs(mean), m.leverNames[l]).toBeLessThanOrEqual(5 * (sd / Math.sqrt(runs)) + 1e-9);
    }
    // The levers interact on this park, so single orders do differ from the exact values.
    expect(someOrderMatters).toBe(true);
  });

  it('gives a lever with nothing to act on exactly nothing (coal to gas on a park without coal)', () => {
    const rows = HAND_ROWS.filter((r) => r.carrier !== 'raw_coal');
    const b = baselineFromRows(rows, HAND_OUTPUT, handCoefficients, {
      datasetId: 'no-coal',
      year: 2024,
      greenSpaceHa: 100,
      wetlandHa: 20,
    });
    const m = compileScenario(ALL_LEVERS, b);
    const pos = m.leverNames.indexOf('coal_to_gas');
    expect(pos).toBeGreaterThanOrEqual(0);
    const blk = simulateBlock(m, 3, 0, 50, DOUBLE);
    for (let i = 0; i < blk.runCount * blk.nYears; i++)
      expect(blk.leverContribution[i * m.nLevers + pos]).toBe(0);
  });

  it('keeps every other input’s draws when a lever is removed', () => {
    const b = handBaseline();
    const full = compileScenario(ALL_LEVERS, b);
    for (const doc of ['structural_shift', 'extra_efficiency', 'coal_to_gas', 'electrification']) {
      const less = compileScenario(withoutLever(ALL_LEVERS, doc), b);
      const a = simulateBlock(full, 17, 0, 20);
      const c = simulateBlock(less, 17, 0, 20);
      for (const [j, name] of less.inputNames.entries()) {
        const i = full.inputNames.indexOf(name);
        expect(i, name).toBeGreaterThanOrEqual(0);
        for (let r = 0; r < 20; r++)
          expect(c.inputs[r * less.nInputs + j], name).toBe(a.inputs[r * full.nInputs + i]);
      }
    }
  });
});
