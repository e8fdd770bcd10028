/**
 * Targets (docs/model.md §9): P(met) equals a direct count over the per-run output, the history counts
 * for targets that start before the base year, and more ambition never lowers P(met).
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, simulateBlock } from '../../../../src/core/scenario/kernel';
import { presetScenario } from '../../../../src/core/scenario/presets';
import { assertScenario } from '../../../../src/core/scenario/schema';
import { summarize } from '../../../../src/core/scenario/summary';
import { resolveTargets, TARGET_LIBRARY } from '../../../../src/core/scenario/targets';
import { handBaseline } from './fixtures';

describe('targets', () => {
  const base = presetScenario('policy');
  const scenario = assertScenario({
    ...base,
    drivers: { ...base.drivers, inventory: { activity: 1, factors: 1 } },
    targets: {
      fyp15: { co2_intensity: 0.2 },
      caps: [{ id: 'cap-2035', metric: 'emissions_cap', year: 2035, max: 80000 }],
    },
  });
  const m = compileScenario(scenario, handBaseline());
  const n = 400;
  const b = simulateBlock(m, 11, 0, n);
  const s = summarize(m, b, 11);
  const nY = b.nYears;
  const y = (t: number) => Array.from(b.years).indexOf(t);

  it('gives every library target and the caps, each with its source; the park’s value replaces a placeholder', () => {
    expect(s.targets.map((t) => t.id)).toEqual([...TARGET_LIBRARY.map((t) => t.id), 'cap-2035']);
    const fyp15 = s.targets.find((t) => t.id === 'fyp15_co2_intensity')!;
    expect(fyp15).toMatchObject({ reduction: 0.2, placeholder: false });
    expect(s.targets.find((t) => t.id === 'fyp15_energy_intensity')!.placeholder).toBe(true);
    for (const t of s.targets) expect(t.source.length).toBeGreaterThan(10);
  });

  it('P(met) of a cap is the share of runs under it, with the binomial standard error', () => {
    let met = 0;
    for (let r = 0; r < n; r++) if (b.emitted[r * nY + y(2035)] <= 80000) met++;
    const t = s.targets.find((x) => x.id === 'cap-2035')!;
    const p = met / n;
    expect(t.p_met).toBeCloseTo(p, 4);
    expect(t.p_met_se).toBeCloseTo(Math.sqrt((p * (1 - p)) / n), 4);
  });

  it('an intensity target from a history year compares with the history (2020 → 2025)', () => {
    const h = m.history!;
    const i2020 = h.totalTco2[0] / h.outputValue[0];
    let met = 0;
    for (let r = 0; r < n; r++) {
      const i2025 = b.emitted[r * nY + y(2025)] / b.output[r * nY + y(2025)];
      if (i2025 / i2020 <= 1 - 0.18) met++;
    }
    expect(s.targets.find((x) => x.id === 'fyp14_co2_intensity')!.p_met).toBeCloseTo(met / n, 4);
  });

  it('the peak target is P(peak ≤ 2030)', () => {
    const t = s.targets.find((x) => x.id === 'peak_2030')!;
    expect(t.p_met).toBeCloseTo(s.peak_year.p_by_2030, 4);
  });

  it('a stricter reduction is never met more often', () => {
    const strict = compileScenario(
      { ...scenario, targets: { ...scenario.targets, fyp15: { co2_intensity: 0.4 } } },
      handBaseline(),
    );
    const t = (sum: typeof s) => sum.targets.find((x) => x.id === 'fyp15_co2_intensity')!.p_met!;
    expect(t(summarize(strict, simulateBlock(strict, 11, 0, n), 11))).toBeLessThanOrEqual(t(s));
  });

  it('says why a target cannot be tested instead of printing a number', () => {
    const late = resolveTargets({ use: ['fyp14_co2_intensity'] });
    const mm = { ...m, history: undefined, targets: late };
    const [t] = summarize(mm, b, 11).targets;
    expect(t.p_met).toBeNull();
    expect(t.note).toMatch(/2020/);
  });
});
