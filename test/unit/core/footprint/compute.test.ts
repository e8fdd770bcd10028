import { describe, expect, it } from 'vitest';
import { GRID_FACTORS } from '../../../../src/core/reference/index';
import { InputError } from '../../../../src/core/errors';
import {
  FACTORS,
  FootprintFactors,
  convertFootprintUnit,
  prepareProduct,
  type Product,
} from '../../../../src/core/footprint/index';

const own = [
  { id: 'alloy', unit: 'kg', kgco2e_per_unit: 3 },
  { id: 'resin', unit: 't', kgco2e_per_unit: 4000, gsd: 1.2 },
  { id: 'power', unit: 'MWh', kgco2e_per_unit: 600 },
  { id: 'truck', unit: 'tkm', kgco2e_per_unit: 0.1 },
  { id: 'burn', unit: 'kg', kgco2e_per_unit: 2 },
];

function product(over: Partial<Product> = {}): Product {
  return {
    id: 'hand',
    name_zh: '手算',
    name_en: 'hand',
    functional_unit_zh: '1 件',
    functional_unit_en: 'one piece',
    boundary: 'cradle_to_gate',
    allocation: { method: 'mass', share: 0.25, units_per_period: 500 },
    factors: own,
    lines: [
      { id: 'a', stage: 'materials', input: 'alloy', quantity: 2, unit: 'kg' },
      { id: 'b', stage: 'materials', input: 'resin', quantity: 500, unit: 'g' },
      { id: 'c', stage: 'energy', input: 'power', quantity: 1.5, unit: 'kWh' },
      { id: 'd', stage: 'energy', input: 'power', quantity: 0, unit: '10^4 kWh', metered: { amount: 0.1 } },
      {
        id: 'e',
        stage: 'transport',
        input: 'truck',
        quantity: 0,
        unit: 'tkm',
        freight: { mass_kg: 2000, distance_km: 0.1 },
      },
      { id: 'f', stage: 'end_of_life', input: 'burn', quantity: 1, unit: 'kg' },
    ],
    ...over,
  };
}

describe('deterministic footprint', () => {
  it('equals the hand computation: units converted to each factor’s unit, allocation, freight, boundary', () => {
    const p = prepareProduct(product());
    // a: 2 kg × 3 = 6; b: 500 g = 0.0005 t × 4000 = 2; c: 1.5 kWh = 0.0015 MWh × 600 = 0.9;
    // d: 0.1 × 10^4 kWh × 0.25 / 500 = 0.5 kWh × 0.6 = 0.3; e: 2 t × 0.1 km = 0.2 tkm × 0.1 = 0.02;
    // f: end of life, outside cradle-to-gate.
    expect(p.lines.map((l) => l.kgco2e)).toEqual([
      6,
      2,
      0.9,
      expect.closeTo(0.3, 12),
      expect.closeTo(0.02, 12),
      2,
    ]);
    expect(p.total).toBeCloseTo(9.22, 12);
    expect(p.lines.find((l) => l.id === 'f')!.included).toBe(false);
    expect(prepareProduct(product({ boundary: 'cradle_to_gate_eol' })).total).toBeCloseTo(11.22, 12);
  });

  it('gives every line uncertainty: basic (transport larger) plus pedigree, and the factor’s gsd', () => {
    const p = prepareProduct(
      product({
        lines: [
          ...product()
            .lines.slice(0, 5)
            .map((l) => ({ ...l, pedigree: l.id === 'a' ? '12321' : undefined })),
        ],
      }),
    );
    const by = (id: string) => p.lines.find((l) => l.id === id)!;
    expect(by('a').sigmaQ).toBeCloseTo(Math.sqrt(0.002725), 12);
    expect(by('b').sigmaQ).toBeCloseTo(Math.sqrt(0.0006), 12);
    expect(by('e').sigmaQ).toBeCloseTo(Math.sqrt(0.12), 12);
    expect(by('b').sigmaF).toBeCloseTo(Math.log(1.2), 12);
    // A user factor without gsd gets pedigree 44444 on the emission basic uncertainty.
    expect(by('a').sigmaF).toBeCloseTo(Math.sqrt(0.0006 + 0.008 + 0.002 + 0.008 + 0.0006 + 0.04), 12);
  });

  it('reuses the published MEE/NBS grid factors (t/MWh → kg/MWh), not a copy', () => {
    const lib = FootprintFactors.standard();
    for (const region of ['national', 'east', 'south']) {
      const rows = GRID_FACTORS.filter((r) => r.region === region && r.factor_type === 'average');
      const latest = rows.reduce((a, b) => (b.year > a.year ? b : a));
      const f = lib.find(`electricity_${region}`)!;
      expect(f.kgco2e_per_unit).toBeCloseTo(latest.tco2_per_mwh * 1000, 9);
      expect(f.year).toBe(latest.year);
      expect(f.basis).toBe('published');
    }
  });

  it('every library factor names its source and year, a basis, and a gsd > 1', () => {
    for (const f of FACTORS) {
      expect(f.source.length, f.id).toBeGreaterThan(20);
      expect(f.year, f.id).toBeGreaterThan(2000);
      expect(['published', 'derived', 'judgement']).toContain(f.basis);
      expect(f.gsd, f.id).toBeGreaterThan(1);
      expect(convertFootprintUnit(1, f.unit, f.unit)).toBe(1);
    }
    expect(new Set(FACTORS.map((f) => f.id)).size).toBe(FACTORS.length);
  });

  it('names the line and field of every problem, all at once', () => {
    const bad = product({
      lines: [
        { id: 'x', stage: 'materials', input: 'nothing', quantity: 1, unit: 'kg' },
        { id: 'y', stage: 'materials', input: 'alloy', quantity: 1, unit: 'tkm' },
        { id: 'z', stage: 'materials', input: 'alloy', quantity: -1, unit: 'kg' },
        { id: 'w', stage: 'materials', input: 'alloy', quantity: 1, unit: 'kg', pedigree: '1234' },
      ],
    });
    try {
      prepareProduct(bad, undefined, { file: 'bom.csv', rows: [2, 3, 4, 5] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const problems = (e as InputError).problems;
      expect(problems.map((p) => [p.row, p.column])).toEqual([
        [2, 'input'],
        [3, 'unit'],
        [4, 'quantity'],
        [5, 'pedigree'],
      ]);
      expect((e as Error).message).toContain('bom.csv: row 2, column input: no factor "nothing"');
    }
  });
});
