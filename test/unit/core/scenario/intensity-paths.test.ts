/**
 * Intensity paths of the summary (docs/model.md §9): the per-year percentiles are those of the per-run
 * ratios the intensity targets test (emissions to the atmosphere, energy less renewables, per 10^4 CNY),
 * the history is the measured ratio, and a park without output value has none.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, simulateBlock } from '../../../../src/core/scenario/kernel';
import { presetScenario } from '../../../../src/core/scenario/presets';
import { intensityPaths } from '../../../../src/core/scenario/summary-decisions';
import { quantile } from '../../../../src/core/stats';
import { handBaseline } from './fixtures';

describe('intensityPaths', () => {
  const m = compileScenario(presetScenario('policy'), handBaseline());
  const n = 300;
  const b = simulateBlock(m, 5, 0, n);
  const paths = intensityPaths(m, b)!;
  const nY = b.nYears;

  it('gives per-year percentiles of each run’s ratio, the same ones the targets test', () => {
    const y = Array.from(b.years).indexOf(2030);
    const co2 = Float64Array.from({ length: n }, (_, r) => b.emitted[r * nY + y] / b.output[r * nY + y]);
    const energy = Float64Array.from(
      { length: n },
      (_, r) => (b.energy[r * nY + y] - b.renewable[r * nY + y]) / b.output[r * nY + y],
    );
    expect(paths.intensity_tco2_per_10k_cny.p50[y]).toBeCloseTo(quantile(co2, 0.5), 3);
    expect(paths.intensity_tco2_per_10k_cny.p95[y]).toBeCloseTo(quantile(co2, 0.95), 3);
    expect(paths.energy_intensity.p5[y]).toBeCloseTo(quantile(energy, 0.05), 3);
    expect(paths.energy_intensity.p50).toHaveLength(nY);
    for (let i = 0; i < nY; i++) {
      const s = paths.energy_intensity;
      expect(s.p5[i]).toBeLessThanOrEqual(s.p50[i]);
      expect(s.p50[i]).toBeLessThanOrEqual(s.p95[i]);
    }
  });

  it('adds the history before the projection as measured', () => {
    const h = m.history!;
    const before = h.years.filter((t) => t < b.years[0]);
    expect(paths.history.years).toEqual(before);
    const i = h.years.indexOf(before[0]);
    expect(paths.history.tco2_per_10k_cny[0]).toBeCloseTo(h.totalTco2[i] / h.outputValue[i], 4);
  });

  it('is null for a park without output value', () => {
    const none = { ...m, outputBase: m.outputBase.map(() => 0) };
    expect(intensityPaths(none, b)).toBeNull();
  });
});
