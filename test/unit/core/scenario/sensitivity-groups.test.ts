import { describe, expect, it } from 'vitest';
import { Sfc32 } from '../../../../src/core/random';
import { normalInv } from '../../../../src/core/stats';
import { groupSensitivity, inputGroup } from '../../../../src/core/scenario/sensitivity-groups';
import type { InputId } from '../../../../src/core/scenario/levers';
import {
  compileScenario,
  presetScenario,
  simulateBlock,
  summarize,
} from '../../../../src/core/scenario/index';
import { handBaseline } from './fixtures';

describe('grouped sensitivity', () => {
  it('scores correlated inputs of one group once, and does not hide a smaller independent driver', () => {
    // Ten growth inputs correlated at 0.9 (one common factor) drive the output together; a lever's
    // delivery drives it on its own. Plain Spearman gives every growth input a large ρ.
    const n = 5000;
    const ids: InputId[] = [
      ...Array.from(
        { length: 10 },
        (_, s) => ({ kind: 'growth', sector: `s${s}`, phase: 'to2030' }) as InputId,
      ),
      { kind: 'lever', lever: 'green_power', param: 'share' },
    ];
    const rng = new Sfc32();
    rng.seedRun(1, 0);
    const u = () => normalInv(Math.min(1 - 1e-12, Math.max(1e-12, rng.nextDouble())));
    const x = new Float64Array(n * 11);
    const y = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const common = u();
      let sum = 0;
      for (let s = 0; s < 10; s++) {
        const v = Math.sqrt(0.9) * common + Math.sqrt(0.1) * u();
        x[r * 11 + s] = v;
        sum += 0.1 * v;
      }
      x[r * 11 + 10] = u();
      y[r] = sum - 0.6 * x[r * 11 + 10];
    }
    const rho = [Array.from({ length: 11 }, (_, i) => (i < 10 ? 0.8 : -0.5))];
    const g = groupSensitivity(ids, x, n, [{ name: 'out', at: (r) => y[r] }], rho);
    const growth = g.find((e) => e.group === 'output_growth')!;
    const lever = g.find((e) => e.group === 'lever.green_power')!;
    expect(g).toHaveLength(2);
    expect(growth.inputs).toBe(10);
    // Var: growth ≈ 0.91 × 1 (the mean of ten inputs), lever 0.36: shares ≈ 0.72 and 0.28.
    expect(growth.r2).toBeGreaterThan(0.6);
    expect(growth.r2).toBeLessThan(0.8);
    expect(lever.r2).toBeGreaterThan(0.2);
    expect(lever.r2).toBeLessThan(0.35);
    expect(growth.r2 + lever.r2).toBeLessThanOrEqual(1.0001);
    expect(lever.sign).toBe(-1);
    expect(growth.sign).toBe(1);
  });

  it('names the group of every input and scores every output of the summary', () => {
    const model = compileScenario({ ...presetScenario('policy'), dataset: 'hand' }, handBaseline());
    const s = summarize(model, simulateBlock(model, 3, 0, 2000), 3);
    for (const row of s.sensitivity) {
      expect(row.group).toBe(inputGroup(model.inputIds[model.inputNames.indexOf(row.input)]));
    }
    for (const out of ['total_tco2_2030', 'peak_year', 'cumulative_tco2']) {
      const groups = s.sensitivity_groups.filter((g) => g.output === out);
      expect(groups.length).toBeGreaterThan(3);
      groups.forEach((g, i) => {
        expect(g.r2).toBeGreaterThanOrEqual(0);
        expect(g.r2).toBeLessThanOrEqual(1);
        if (i > 0) expect(g.r2).toBeLessThanOrEqual(groups[i - 1].r2);
      });
    }
  }, 60_000);
});
