/**
 * Paired comparison on common random numbers and goal seek (docs/model.md §11).
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, simulateBlock } from '../../../../src/core/scenario/kernel';
import { pairedDifference } from '../../../../src/core/scenario/compare';
import { goalSeek } from '../../../../src/core/scenario/goal';
import { controlContext } from '../../../../src/core/scenario/levers';
import { presetScenario } from '../../../../src/core/scenario/presets';
import { targetProbability } from '../../../../src/core/scenario/summary-decisions';
import type { Scenario } from '../../../../src/core/scenario/schema';
import { handBaseline } from './fixtures';

const run = (s: Scenario, runs = 300, seed = 4) => {
  const m = compileScenario(s, handBaseline());
  return { m, b: simulateBlock(m, seed, 0, runs) };
};

describe('compare', () => {
  it('a scenario against itself: Δ = 0 exactly in every quantile and P(lower) = 0', () => {
    const { b } = run(presetScenario('policy'));
    const d = pairedDifference(b, b);
    expect(d.delta_cumulative_tco2).toEqual({ p5: 0, p50: 0, p95: 0, mean: 0 });
    expect(d.delta_npv_cny).toEqual({ p5: 0, p50: 0, p95: 0, mean: 0 });
    expect(d.p_lower_cumulative).toBe(0);
  });

  it('policy against BAU emits less in nearly every run, and pairing narrows the spread of the difference', () => {
    const a = run(presetScenario('policy')).b;
    const bau = run(presetScenario('bau')).b;
    const d = pairedDifference(a, bau);
    expect(d.p_lower_cumulative).toBeGreaterThan(0.95);
    expect(d.delta_cumulative_tco2.p95).toBeLessThan(0);
    // Unpaired: BAU's runs shifted by one (other draws) widen the spread of the difference.
    const shifted = run(presetScenario('bau'), 300, 5).b;
    const u = pairedDifference(a, shifted);
    const width = (q: { p5: number; p95: number }) => q.p95 - q.p5;
    expect(width(d.delta_cumulative_tco2)).toBeLessThan(width(u.delta_cumulative_tco2));
  });

  it('refuses blocks of different runs', () => {
    const a = run(presetScenario('policy'), 10).b;
    const b = run(presetScenario('bau'), 12).b;
    expect(() => pairedDifference(a, b)).toThrow(/same runs/);
  });
});

describe('goal seek', () => {
  const base = presetScenario('policy');
  const ctx = controlContext(handBaseline());
  const evaluate = async (s: Scenario) => {
    const { m, b } = run(s, 200, 9);
    return targetProbability(m, b, 'peak_2030')!;
  };

  it('finds the smallest step meeting the probability: the step below misses it', async () => {
    const steps: number[] = [];
    const r = await goalSeek(base, {
      lever: 'greenPower',
      probability: 0.9,
      ctx,
      evaluate,
      onStep: (s) => steps.push(s.value),
    });
    if (r.reachable) {
      expect(r.p_met).toBeGreaterThanOrEqual(0.9);
      const below = r.steps.filter((s) => s.value < r.value);
      for (const s of below)
        if (s.value === Math.max(...below.map((x) => x.value))) expect(s.p_met).toBeLessThan(0.9);
    } else {
      expect(r.p_met).toBeLessThan(0.9);
    }
    expect(steps.length).toBe(r.steps.length);
    expect(steps.length).toBeLessThanOrEqual(12);
  });

  it('says a target out of reach is unreachable and gives P at the range end', async () => {
    const zero = {
      ...base,
      targets: { caps: [{ id: 'zero', metric: 'emissions_cap' as const, year: 2030, max: 0 }] },
    };
    const r = await goalSeek(zero, {
      lever: 'pv2030',
      probability: 0.5,
      ctx,
      evaluate: async (s) => {
        const { m, b } = run(s, 100, 9);
        return targetProbability(m, b, 'zero')!;
      },
    });
    expect(r).toMatchObject({ reachable: false, p_met: 0 });
    expect(r.steps).toHaveLength(1);
    expect(r.value).toBeGreaterThan(0);
  });

  it('refuses a year setting', async () => {
    await expect(goalSeek(base, { lever: 'ccusYear', probability: 0.5, ctx, evaluate })).rejects.toThrow(
      /year/,
    );
  });
});
