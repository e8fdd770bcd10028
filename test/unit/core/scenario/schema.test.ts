import { describe, expect, it } from 'vitest';
import { parseScenario, scope2Of } from '../../../../src/core/scenario/schema';
import { PRESET_IDS, presetDocument, presetScenario } from '../../../../src/core/scenario/presets';
import { compileScenario } from '../../../../src/core/scenario/compile';
import { handBaseline } from './fixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- documents are edited freely to break them
type Doc = Record<string, any>;
const base = () => presetDocument('policy') as Doc;

function errorsOf(edit: (d: Doc) => void): string[] {
  const d = base();
  edit(d);
  const r = parseScenario(d);
  return r.ok ? [] : r.errors;
}

describe('scenario schema', () => {
  it('accepts the three presets', () => {
    for (const id of PRESET_IDS) {
      const r = parseScenario(presetDocument(id));
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
  });

  it('rejects bad fields with their path', () => {
    const cases: [(d: Doc) => void, string][] = [
      [(d) => (d.schema_version = 2), 'schema_version: '],
      [(d) => delete d.name_en, 'name_en: is required'],
      [(d) => (d.horizon.end = 2025), 'horizon.end: must be after start and ≥ 2030'],
      [
        (d) => (d.drivers.grid_factor = { y2030: { dist: 'triangular', min: 0.4, mode: 0.5, max: 0.45 } }),
        'drivers.grid_factor.y2030.mode: ',
      ],
      [
        (d) => (d.drivers.grid_factor = { y2030: { dist: 'lognormal', median: 0.4, p95: 0.3 } }),
        'drivers.grid_factor.y2030.p95: must exceed median',
      ],
      [(d) => (d.drivers.pv_yield = { dist: 'normal', mean: 1100 }), 'drivers.pv_yield.sd: is required'],
      [
        (d) => (d.drivers.output_growth = { sectors: { chemicals: { to2030: 'fast' } } }),
        'drivers.output_growth.sectors.chemicals.to2030: ',
      ],
      [
        (d) => (d.levers.green_power.share = { dist: 'normal', mean: 0.5, sd: 0.2 }),
        'levers.green_power.share: must stay within [0, 1]',
      ],
      [
        (d) => (d.levers.green_power.target_year = 2020),
        'levers.green_power.target_year: must be ≥ start_year',
      ],
      [(d) => (d.levers.electrification.carriers = ['electricity']), 'levers.electrification.carriers[0]: '],
      [
        (d) => (d.levers.rooftop_pv.capacity_mw = [{ year: 2030, mw: 5 }]),
        'levers.rooftop_pv: give exactly one of',
      ],
      [
        (d) => (d.levers.rooftop_pv.potential_share[1].year = 2020),
        'levers.rooftop_pv.potential_share: years must increase',
      ],
      [
        (d) => (d.levers.rooftop_pv.potential_share[0].share = 1.2),
        'levers.rooftop_pv.potential_share[0].share: ',
      ],
      [(d) => (d.accounting = { scope2: 'average' }), 'accounting.scope2: '],
      [
        (d) => (d.levers.ccus = { targets: ['chp'], capture_rte: 0.9, start_year: 2030, target_year: 2030 }),
        'levers.ccus.capture_rte: is not a known field',
      ],
      [(d) => (d.correlations = [{ inputs: ['growth.*.to2030'], rho: 1.5 }]), 'correlations[0].rho: '],
      [(d) => (d.id = 'Not A Slug'), 'id: must be a lower-case slug'],
    ];
    for (const [edit, expected] of cases) {
      const errors = errorsOf(edit);
      expect(
        errors.some((e) => e.startsWith(expected)),
        `${expected} not in ${JSON.stringify(errors)}`,
      ).toBe(true);
    }
  });

  it('refuses lists for objects, prototype keys and numbers the model cannot carry, with the field path', () => {
    const cases: [string, (d: Doc) => void, RegExp][] = [
      ['levers as a list', (d) => (d.levers = []), /^levers: must be an object/],
      ['drivers as a list', (d) => (d.drivers = []), /^drivers: must be an object/],
      [
        '__proto__ sector',
        (d) => (d.drivers = JSON.parse('{"output_growth":{"sectors":{"__proto__":{"to2030":0.1}}}}')),
        /^drivers\.output_growth\.sectors\.__proto__: this key is not allowed/,
      ],
      [
        'constructor key',
        (d) => (d.levers.offsets = JSON.parse('{"constructor":1}')),
        /^levers\.offsets\.constructor: this key is not allowed/,
      ],
      [
        'growth 1e6',
        (d) => (d.drivers = { output_growth: { default: { to2030: 1e6, to2040: 0.1, to2060: 0.1 } } }),
        /^drivers\.output_growth\.default\.to2030: must stay within \[-0\.5, 0\.5\]/,
      ],
      [
        'lognormal median 1e300',
        (d) =>
          (d.drivers = {
            output_growth: {
              default: { to2030: { dist: 'lognormal', median: 1e300, p95: 2e300 }, to2040: 0.1, to2060: 0.1 },
            },
          }),
        /^drivers\.output_growth\.default\.to2030: must stay within/,
      ],
      [
        'green space 1e308 ha',
        (d) => (d.levers.sinks = { extra_green_space_ha: 1e308, start_year: 2026, target_year: 2030 }),
        /^levers\.sinks\.extra_green_space_ha: must be ≤ 1,000,000 ha/,
      ],
      [
        'PV 1e308 MW',
        (d) => (d.levers.rooftop_pv = { capacity_mw: [{ year: 2030, mw: 1e308 }] }),
        /^levers\.rooftop_pv\.capacity_mw\[0\]\.mw: must be ≤ 1,000,000 MW/,
      ],
    ];
    cases.push([
      'nested 100,000 levels deep',
      (d) => {
        let deep: Doc = {};
        for (let i = 0; i < 100_000; i++) deep = { a: deep };
        d.drivers = deep;
      },
      /nested more than 32 levels deep/,
    ]);
    for (const [name, edit, message] of cases) {
      const errors = errorsOf(edit);
      expect(errors.length, name).toBeGreaterThan(0);
      expect(errors[0], name).toMatch(message);
    }
    // A lognormal growth with a plausible spread stays allowed.
    expect(
      errorsOf(
        (d) =>
          (d.drivers = {
            output_growth: {
              default: { to2030: { dist: 'lognormal', median: 0.05, p95: 0.08 }, to2040: 0.03, to2060: 0.02 },
            },
          }),
      ),
    ).toEqual([]);
  });

  it('records the Scope-2 method: market based when omitted, and a baseline built otherwise is refused', () => {
    const s = presetScenario('policy');
    expect(s.accounting).toEqual({ scope2: 'market' });
    delete s.accounting;
    expect(scope2Of(s)).toBe('market');
    expect(scope2Of({ accounting: { scope2: 'location' } })).toBe('location');
    const b = { ...handBaseline(), scope2: 'location' as const };
    expect(() => compileScenario(s, b)).toThrow(/market-based Scope 2.*location-based/);
    expect(() => compileScenario({ ...s, accounting: { scope2: 'location' } }, b)).not.toThrow();
  });

  it('accepts a document built for another dataset with a warning', () => {
    const r = parseScenario(presetDocument('bau'), { dataset: 'workshop' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings[0]).toContain('"sample"');
  });

  it('compiles the presets against a park with other sectors, warning about the missing ones', () => {
    const m = compileScenario(presetScenario('policy'), handBaseline());
    expect(m.warnings.some((w) => w.includes('"plastics" is not in the dataset'))).toBe(true);
    expect(m.leverNames).toContain('structural_shift');
  });

  it('refuses rank correlations that cannot hold together', () => {
    const s = presetScenario('bau');
    s.correlations = [
      { inputs: ['grid.y2030', 'grid.y2045'], rho: 0.9 },
      { inputs: ['grid.y2045', 'grid.y2060'], rho: 0.9 },
      { inputs: ['grid.y2030', 'grid.y2060'], rho: -0.9 },
    ];
    expect(() => compileScenario(s, handBaseline())).toThrow(/correlations/);
  });
});
