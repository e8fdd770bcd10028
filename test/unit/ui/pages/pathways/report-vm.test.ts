import { describe, expect, it } from 'vitest';
import {
  applySettings,
  DEFAULT_DRIVERS,
  presetScenario,
  settingsFromPairs,
  settingsFromScenario,
  settingSpecs,
  type InputId,
  type Scenario,
} from '../../../../../src/core/scenario/index';
import { assumptions, cliCommand, distText, leverRows } from '../../../../../src/ui/pages/pathways/report-vm';
import { ResultCache } from '../../../../../src/ui/pages/pathways/result-cache';

const ctx = { baseYear: 2024, demandGwh: 5000, pvPotentialMw: 600 };

describe('report: lever settings', () => {
  it('lists every slider with its value and the preset’s, marking the ones moved', () => {
    const specs = settingSpecs(ctx);
    const defaults = settingsFromScenario(presetScenario('policy'), ctx);
    const settings = { ...defaults, ccus: 0.3 };
    const rows = leverRows(specs, settings, defaults);
    expect(rows.map((r) => r.key)).toEqual(specs.map((s) => s.key));
    expect(rows.filter((r) => r.changed).map((r) => [r.key, r.value, r.preset])).toEqual([
      ['ccus', 0.3, defaults.ccus],
    ]);
  });
});

describe('report: assumptions', () => {
  const lever = (lever: string, param: string): InputId => ({ kind: 'lever', lever, param }) as InputId;

  it('gives every default driver distribution its documented source', () => {
    const rows = assumptions(presetScenario('policy'), []);
    const grid = rows.find((r) => r.path === 'drivers.grid_factor.y2030')!;
    expect(grid.dist).toEqual(DEFAULT_DRIVERS.grid_factor.value.y2030);
    expect(grid.source).toEqual({ kind: 'default', text: DEFAULT_DRIVERS.grid_factor.source });
    expect(rows.map((r) => r.path)).toEqual(
      expect.arrayContaining([
        'drivers.output_growth.default.to2030',
        'drivers.output_growth.default.to2060',
        'drivers.intensity_improvement.default',
        'drivers.electricity_drift',
        'drivers.pv_yield',
        'drivers.sink_uptake.green_space',
        'drivers.sink_uptake.wetland',
      ]),
    );
    // The grid factor's base value is fixed, not an assumption with a distribution.
    expect(rows.some((r) => r.path === 'drivers.grid_factor.base')).toBe(false);
    for (const r of rows) expect(r.source.kind === 'default' && r.source.text.length > 20).toBe(true);
  });

  it('says when the scenario sets a driver itself, and lists only the lever parameters the model samples', () => {
    const s: Scenario = structuredClone(presetScenario('policy'));
    s.drivers = { pv_yield: { dist: 'uniform', min: 900, max: 1200 } };
    const rows = assumptions(s, [lever('green_power', 'share'), lever('electrification', 'cop')]);
    const pv = rows.filter((r) => r.path === 'drivers.pv_yield');
    expect(pv).toEqual([
      {
        path: 'drivers.pv_yield',
        dist: { dist: 'uniform', min: 900, max: 1200 },
        source: { kind: 'scenario' },
      },
    ]);
    const levers = rows.filter((r) => r.path.startsWith('levers.'));
    expect(levers.map((r) => [r.path, r.source.kind])).toEqual([
      ['levers.green_power.share', 'lever'],
      ['levers.electrification.cop', 'lever'],
    ]);
    expect(levers[0].dist).toEqual(s.levers.green_power!.share);
  });

  it('words every kind of distribution', () => {
    expect(distText({ dist: 'triangular', min: 1, mode: 2, max: 3 })).toEqual({
      key: 'pex.dist.triangular',
      params: { min: 1, mode: 2, max: 3 },
    });
    expect(distText({ dist: 'normal', mean: 0.05, sd: 0.02, min: -0.1, max: 0.2 }).params).toEqual({
      mean: 0.05,
      sd: 0.02,
      min: -0.1,
      max: 0.2,
    });
    expect(distText({ dist: 'lognormal', median: 2, p95: 5 }).key).toBe('pex.dist.lognormalMedian');
    expect(distText({ dist: 'lognormal', mean: 2, sd: 1 }).key).toBe('pex.dist.lognormalMean');
    expect(distText({ dist: 'uniform', min: 0, max: 1 }).key).toBe('pex.dist.uniform');
    expect(distText(4).params).toEqual({ value: 4 });
  });
});

describe('report: the command line that reproduces the run', () => {
  it('passes every moved lever, and the CLI reads them back to the page’s scenario', () => {
    const preset = presetScenario('ambitious');
    const defaults = settingsFromScenario(preset, ctx);
    const settings = { ...defaults, ccus: 0.35, efficiency: 0.021 };
    const line = cliCommand({
      preset: 'ambitious',
      presetScope2: 'market',
      scope2: 'market',
      park: 'sample',
      seed: 9,
      runs: 1000,
      settings,
      defaults,
    })!;
    expect(line).toBe(
      'npm run cli -- simulate --scenario ambitious --park sample --runs 1000 --seed 9' +
        ' --lever efficiency=0.021 --lever ccus=0.35 --summary summary.json --out runs.parquet',
    );
    const pairs = [...line.matchAll(/--lever (\S+)/g)].map((m) => m[1]);
    const back = settingsFromPairs(preset, pairs, ctx);
    expect(back.problems).toEqual([]);
    expect(applySettings(preset, back.settings, ctx)).toEqual(applySettings(preset, settings, ctx));
  });

  it('is not offered when the Scope-2 method differs from the preset’s (only a scenario file can say it)', () => {
    const d = settingsFromScenario(presetScenario('policy'), ctx);
    expect(
      cliCommand({
        preset: 'policy',
        presetScope2: 'market',
        scope2: 'location',
        park: 'sample',
        seed: 1,
        runs: 100,
        settings: d,
        defaults: d,
      }),
    ).toBeNull();
  });
});

describe('results kept per scenario', () => {
  it('returns what was kept under the same key, and drops the least recently used past its capacity', () => {
    const cache = new ResultCache<string, number>(2);
    cache.set('a', 'A');
    cache.set('b', 'B');
    expect(cache.get('a')).toBe('A'); // a is now the most recent
    cache.set('c', 'C');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('A');
    expect(cache.get('c')).toBe('C');
    expect(cache.size).toBe(2);
    cache.setBaseline('park|market', 1);
    expect(cache.baseline('park|market')).toBe(1);
    expect(cache.baseline('park|location')).toBeUndefined();
  });
});
