/** A small hand-made simulation summary (years 2024–2030 and 2060) for the view-model and chart tests. */
import type { SimulationSummary } from '../../../../../src/core/scenario/index';

const series = (base: number[], spread: number) => ({
  p5: base.map((v) => v - 2 * spread),
  p25: base.map((v) => v - spread),
  p50: base,
  p75: base.map((v) => v + spread),
  p95: base.map((v) => v + 2 * spread),
  mean: base.map((v) => v + 1),
});

export const YEARS = [2024, 2025, 2026, 2027, 2028, 2029, 2030, 2060];

export function handSummary(): SimulationSummary {
  const gross = [100, 104, 106, 105, 103, 100, 96, 40];
  const net = [99, 102, 103, 101, 98, 94, 89, -5];
  return {
    runs: 1000,
    seed: 7,
    years: [...YEARS],
    total_tco2: series(gross, 5),
    net_tco2: series(net, 6),
    peak_year: {
      histogram: { 2024: 0, 2025: 100, 2026: 500, 2027: 250, 2028: 0, 2029: 0, 2030: 50, 2060: 100 },
      p_by_2030: 0.9,
      p_by_2030_se: 0.0095,
    },
    neutrality: { p_by_2060: 0.35, histogram: {}, never: 650, p_by_2060_se: 0.0151 },
    cumulative_tco2: { p5: 1000, p50: 1200, p95: 1500, mean: 1220 },
    sensitivity: [
      { input: 'growth.chemicals.to2030', output: 'total_tco2_2030', spearman: 0.4, group: 'output_growth' },
      { input: 'grid.y2030', output: 'total_tco2_2030', spearman: -0.7, group: 'grid_factor' },
      { input: 'pv_yield', output: 'total_tco2_2030', spearman: null, group: 'pv_yield' },
      {
        input: 'intensity.chemicals',
        output: 'total_tco2_2030',
        spearman: -0.1,
        group: 'intensity_improvement',
      },
      { input: 'grid.y2030', output: 'peak_year', spearman: 0.2, group: 'grid_factor' },
    ],
    scenario: 'policy',
    dataset: 'sample',
    base_year: 2024,
    inputs: ['growth.chemicals.to2030', 'grid.y2030', 'pv_yield', 'intensity.chemicals'],
    levers: ['extra_efficiency', 'green_power'],
    warnings: [],
    energy_tce: series([50, 51, 52, 52, 52, 51, 50, 30], 2),
    peak_value_tco2: { p5: 101, p50: 106, p95: 112, mean: 106.5 },
    cumulative_net_tco2: { p5: 900, p50: 1100, p95: 1400, mean: 1120 },
    intensity_change: {
      '2020': { carbon: { '2030': { p5: -0.5, p50: -0.4, p95: -0.3, mean: -0.4 } }, energy: {} },
    },
    lever_contribution: [
      {
        lever: 'extra_efficiency',
        mean: [0, 1, 2, 3, 4, 5, 6, 20],
        mean_se: [0, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.5],
        p5: [0, 0, 1, 2, 3, 4, 5, 15],
        p95: [0, 2, 3, 4, 5, 6, 7, 25],
        y2030: { p5: 5, p50: 6, p95: 7, mean: 6 },
        y2060: { p5: 15, p50: 20, p95: 25, mean: 20 },
      },
      {
        lever: 'green_power',
        mean: [0, 0, 0, 0, 0, 0, 0, 0],
        mean_se: [0, 0, 0, 0, 0, 0, 0, 0],
        p5: [0, 0, 0, 0, 0, 0, 0, 0],
        p95: [0, 0, 0, 0, 0, 0, 0, 0],
        y2030: { p5: 0, p50: 0, p95: 0, mean: 0 },
        y2060: { p5: 0, p50: 0, p95: 0, mean: 0 },
      },
    ],
    by_sector_tco2: {
      runs: 1000,
      every: 1,
      keys: ['chemicals', 'electronics'],
      mean: [
        [60, 62, 63, 62, 61, 59, 57, 25],
        [41, 43, 44, 44, 43, 42, 40, 16],
      ],
      p5: [
        [55, 56, 56, 55, 54, 52, 50, 18],
        [38, 39, 40, 39, 38, 37, 35, 11],
      ],
      p95: [
        [65, 68, 70, 69, 68, 66, 64, 32],
        [44, 47, 48, 49, 48, 47, 45, 21],
      ],
    },
    by_carrier_tco2: {
      runs: 1000,
      every: 1,
      keys: ['natural_gas', 'electricity_grid', 'electricity_export'],
      mean: [
        [50, 51, 52, 51, 50, 48, 46, 20],
        [56, 58, 59, 59, 58, 57, 55, 22],
        [-5, -4, -4, -4, -4, -4, -4, -1],
      ],
      p5: [
        [46, 47, 47, 46, 45, 43, 41, 15],
        [50, 52, 52, 52, 51, 50, 48, 17],
        [-6, -5, -5, -5, -5, -5, -5, -2],
      ],
      p95: [
        [54, 56, 57, 56, 55, 53, 51, 25],
        [62, 64, 66, 66, 65, 64, 62, 27],
        [-4, -3, -3, -3, -3, -3, -3, 0],
      ],
    },
    sensitivity_groups: [
      { group: 'grid_factor', output: 'total_tco2_2030', r2: 0.49, sign: -1, inputs: 1 },
      { group: 'output_growth', output: 'total_tco2_2030', r2: 0.3, sign: 1, inputs: 1 },
      { group: 'intensity_improvement', output: 'total_tco2_2030', r2: 0.01, sign: -1, inputs: 1 },
      { group: 'grid_factor', output: 'peak_year', r2: 0.04, sign: 1, inputs: 1 },
    ],
    lever_contribution_method: 'shapley_sampled_permutation',
    lever_sample: { runs: 1000, every: 1 },
    targets: [],
    costs: null,
    intensity_paths: null,
  };
}

export const HISTORY = {
  years: [2020, 2021, 2022, 2023, 2024],
  totalTco2: [80, 85, 90, 95, 100],
  energyTce: [40, 42, 44, 46, 50],
  outputValue: [1000, 1100, 1200, 1300, 1400],
};
