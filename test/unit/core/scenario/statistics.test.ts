/**
 * Statistical checks of the whole engine against known answers, with tolerances of 5 standard errors
 * (a false alarm about once in 1.7 million runs of a check).
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, simulateBlock } from '../../../../src/core/scenario/kernel';
import { assertScenario, type ScenarioInput } from '../../../../src/core/scenario/schema';
import { baselineFromRows } from '../../../../src/core/scenario/baseline';
import { mean, normalCdf, normalInv, quantiles, sd, spearman, Z95 } from '../../../../src/core/stats';
import { handCoefficients } from './fixtures';

/** Drivers held fixed so only the ones under test vary. */
const STILL = {
  output_growth: { default: { to2030: 0, to2040: 0, to2060: 0 } },
  intensity_improvement: { default: 0 },
  electricity_drift: 0,
  grid_factor: { base: 0.5306, y2030: 0.5306, y2045: 0.5306, y2060: 0.5306 },
  pv_yield: 1100,
  sink_uptake: { green_space: 5, wetland: 3 },
  inventory: { activity: 1, factors: 1 },
};

function scenario(
  patch: Partial<ScenarioInput>,
  start = 2024,
  end = 2030,
): ReturnType<typeof assertScenario> {
  return assertScenario({
    schema_version: 1,
    id: 'test',
    name_zh: '测试',
    name_en: 'Test',
    dataset: 'test',
    horizon: { start, end },
    levers: {},
    ...patch,
    drivers: { ...STILL, ...(patch.drivers ?? {}) },
  });
}

/** A park of grid-electricity users only: emissions = electricity × 5.306 tCO2 per 10^4 kWh. */
function electricPark(year: number, use: Record<string, number>) {
  const rows = Object.entries(use).map(([sector, amount]) => ({ sector, carrier: 'electricity', amount }));
  return baselineFromRows(
    rows,
    Object.fromEntries(Object.keys(use).map((s) => [s, 1000])),
    handCoefficients,
    {
      datasetId: 'test',
      year,
    },
  );
}

describe('engine statistics (5 standard errors)', () => {
  it('reproduces the quantiles of a single sector with lognormal growth', () => {
    const median = 0.05;
    const p95 = 0.08;
    const mu = Math.log(median);
    const sigma = Math.log(p95 / median) / Z95;
    const s = scenario({
      drivers: {
        output_growth: { default: { to2030: { dist: 'lognormal', median, p95 }, to2040: 0, to2060: 0 } },
      },
    });
    const m = compileScenario(s, electricPark(2024, { electronics: 1000 }));
    const n = 20_000;
    const blk = simulateBlock(m, 7, 0, n);
    const y = m.years.indexOf(2030);
    const e0 = 1000 * 5.306;
    const x = Float64Array.from({ length: n }, (_, r) => blk.gross[r * m.nYears + y]);
    const ps = [0.05, 0.25, 0.5, 0.75, 0.95];
    const q = quantiles(x, ps);
    // 2030 output is Π_t (1 + w(t)·g) over 2025–2030 (w: the weight of the to2030 draw in each year's
    // rate, the later periods' draws being 0), increasing in g: its quantiles map back to g's.
    const index = (g: number) => {
      let o = 1;
      for (let k = 1; k <= y; k++) o *= 1 + m.growthWeights[k * 3] * g;
      return o;
    };
    const growthOf = (ratio: number) => {
      let lo = 0;
      let hi = 1;
      for (let it = 0; it < 100; it++) {
        const mid = (lo + hi) / 2;
        if (index(mid) < ratio) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    };
    ps.forEach((p, i) => {
      // Map the sample quantile back to the growth rate, then to its probability under the lognormal.
      const pHat = normalCdf((Math.log(growthOf(q[i] / e0)) - mu) / sigma);
      expect(Math.abs(pHat - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
    });
    // And the exact value at the median.
    expect(q[2] / (e0 * index(median))).toBeCloseTo(1, 2);
  });

  it('adds independent normal sectors: mean and standard deviation of the sum', () => {
    const use = { electronics: 1000, chemicals: 3000, food: 2000 };
    const spec = { electronics: [0.05, 0.02], chemicals: [0.02, 0.04], food: [-0.01, 0.03] } as const;
    const s = scenario(
      {
        drivers: {
          output_growth: {
            sectors: Object.fromEntries(
              Object.entries(spec).map(([k, [mu, sdv]]) => [
                k,
                { to2030: { dist: 'normal', mean: mu, sd: sdv, min: -0.5, max: 0.5 } },
              ]),
            ),
          },
        },
      },
      2029,
    );
    const m = compileScenario(s, electricPark(2029, use));
    const n = 20_000;
    const blk = simulateBlock(m, 3, 0, n);
    const x = Float64Array.from({ length: n }, (_, r) => blk.gross[r * m.nYears + 1]); // 2030
    let mu = 0;
    let v = 0;
    for (const [k, [g, sdv]] of Object.entries(spec)) {
      const e = use[k as keyof typeof use] * 5.306;
      mu += e * (1 + g);
      v += (e * sdv) ** 2;
    }
    expect(Math.abs(mean(x) - mu)).toBeLessThan(5 * Math.sqrt(v / n));
    expect(Math.abs(sd(x) - Math.sqrt(v))).toBeLessThan(5 * Math.sqrt(v / (2 * n)));
  });

  it('achieves target rank correlations through the copula, whatever the marginals', () => {
    const s = scenario({
      drivers: {
        output_growth: {
          default: { to2030: { dist: 'uniform', min: 0, max: 0.1 }, to2040: 0, to2060: 0 },
          sectors: { chemicals: { to2030: { dist: 'triangular', min: -0.05, mode: 0.0, max: 0.2 } } },
        },
        intensity_improvement: { default: { dist: 'normal', mean: 0.02, sd: 0.01, min: -0.02, max: 0.08 } },
      },
      correlations: [
        { inputs: ['growth.*.to2030'], rho: 0.6 },
        { inputs: ['intensity.electronics', 'intensity.chemicals'], rho: -0.4 },
      ],
    });
    const m = compileScenario(s, electricPark(2024, { electronics: 1000, chemicals: 1000, food: 1000 }));
    const n = 20_000;
    const blk = simulateBlock(m, 5, 0, n);
    const col = (name: string) => {
      const i = m.inputNames.indexOf(name);
      return Float64Array.from({ length: n }, (_, r) => blk.inputs[r * m.nInputs + i]);
    };
    // Var of Spearman's ρ is below 1/(n − 1) for these correlations (it is 1/(n − 1) at independence).
    const tol = 5 / Math.sqrt(n - 1);
    expect(
      Math.abs(spearman(col('growth.electronics.to2030'), col('growth.chemicals.to2030')) - 0.6),
    ).toBeLessThan(tol);
    expect(Math.abs(spearman(col('growth.food.to2030'), col('growth.chemicals.to2030')) - 0.6)).toBeLessThan(
      tol,
    );
    expect(Math.abs(spearman(col('intensity.electronics'), col('intensity.chemicals')) + 0.4)).toBeLessThan(
      tol,
    );
    expect(Math.abs(spearman(col('intensity.food'), col('intensity.chemicals')))).toBeLessThan(tol);
    // Marginals survive the copula: the uniform growth keeps its median 0.05.
    const g = quantiles(col('growth.electronics.to2030'), [0.5])[0];
    expect(Math.abs(g - 0.05)).toBeLessThan(5 * 0.1 * Math.sqrt(0.25 / n));
    expect(normalInv(0.5)).toBe(0);
  });

  it('keeps a sector fast across periods (growth persistence), combined with the cross-sector correlation', () => {
    const uncertain = { dist: 'normal', mean: 0.03, sd: 0.01, min: -0.1, max: 0.2 } as const;
    const s = scenario({
      drivers: {
        output_growth: {
          default: { to2030: uncertain, to2040: uncertain, to2060: uncertain },
          persistence: 0.5,
        },
      },
      correlations: [
        { inputs: ['growth.*.to2030'], rho: 0.6 },
        { inputs: ['growth.*.to2040'], rho: 0.6 },
        { inputs: ['growth.*.to2060'], rho: 0.6 },
      ],
    });
    const m = compileScenario(s, electricPark(2024, { electronics: 1000, chemicals: 1000 }));
    const n = 20_000;
    const blk = simulateBlock(m, 8, 0, n, { levers: false });
    const col = (name: string) => {
      const i = m.inputNames.indexOf(name);
      return Float64Array.from({ length: n }, (_, r) => blk.inputs[r * m.nInputs + i]);
    };
    const tol = 5 / Math.sqrt(n - 1);
    const rho = (a: string, b: string) => spearman(col(a), col(b));
    expect(Math.abs(rho('growth.chemicals.to2030', 'growth.chemicals.to2040') - 0.5)).toBeLessThan(tol);
    expect(Math.abs(rho('growth.chemicals.to2040', 'growth.chemicals.to2060') - 0.5)).toBeLessThan(tol);
    expect(Math.abs(rho('growth.electronics.to2030', 'growth.chemicals.to2030') - 0.6)).toBeLessThan(tol);
    // Two periods apart and across sectors: weaker, but positive.
    const far = rho('growth.chemicals.to2030', 'growth.chemicals.to2060');
    expect(far).toBeGreaterThan(0.15);
    expect(far).toBeLessThan(0.5 - tol);
    const cross = rho('growth.electronics.to2030', 'growth.chemicals.to2040');
    expect(cross).toBeGreaterThan(0.15);
    expect(cross).toBeLessThan(0.5 - tol);
    // Without persistence the periods are independent.
    const none = compileScenario(
      scenario({
        drivers: {
          output_growth: {
            default: { to2030: uncertain, to2040: uncertain, to2060: uncertain },
            persistence: 0,
          },
        },
      }),
      electricPark(2024, { electronics: 1000, chemicals: 1000 }),
    );
    expect(none.copulaSlots.length).toBe(0);
  });
});
