import { describe, expect, it } from 'vitest';
import { tableFromArrays } from 'apache-arrow';
import {
  emitterRows,
  parkYears,
  pivotYears,
  sankeyData,
  scopeYears,
  sortRows,
} from '../../../../../src/ui/pages/accounting/inventory-vm';

const names = { scope1: 'S1', scope2: 'S2', deduction: 'D', total: 'T' };

describe('park inventory view model', () => {
  it('derives intensities per 10^4 CNY and the electricity share of final energy', () => {
    const t = tableFromArrays({
      year: Int32Array.from([2023, 2024]),
      energy_tce: Float64Array.from([1000, 1100]),
      scope1_tco2: Float64Array.from([800, 700]),
      scope2_tco2: Float64Array.from([1500, 1600]),
      deduction_tco2: Float64Array.from([300, 250]),
      total_tco2: Float64Array.from([2000, 2050]),
      biogenic_tco2: Float64Array.from([0, 1]),
      heat_in_park_gj: Float64Array.from([10, 10]),
      heat_in_park_excluded_tco2: Float64Array.from([1.1, 1.1]),
      heat_leaving_park_gj: Float64Array.from([0, 0]),
      output_10k_cny: Float64Array.from([20000, 0]),
      value_added_10k_cny: Float64Array.from([5000, 5500]),
      enterprises: Int32Array.from([10, 11]),
      electricity_tce: Float64Array.from([450, 500]),
      final_energy_tce: Float64Array.from([900, 1000]),
    });
    const [a, b] = parkYears(t);
    expect(a.co2PerOutput).toBeCloseTo(0.1, 12); // 2000 / 20000
    expect(a.tcePerOutput).toBeCloseTo(0.05, 12); // 1000 / 20000
    expect(a.co2PerValueAdded).toBeCloseTo(0.4, 12); // 2000 / 5000
    expect(a.tcePerValueAdded).toBeCloseTo(0.2, 12);
    expect(a.electricityShare).toBeCloseTo(0.5, 12); // 450 / 900
    expect(b.co2PerOutput).toBeNaN(); // no output value
    const s = scopeYears([a, b], names, 1e3);
    expect(s).toEqual({
      categories: [2023, 2024],
      scope1: [0.8, 0.7],
      scope2: [1.5, 1.6],
      deduction: [0.3, 0.25],
      total: [2, 2.05],
      names,
    });
  });

  it('pivots year × key rows into ordered series, dropping all-zero keys', () => {
    const t = tableFromArrays({
      year: Int32Array.from([2023, 2023, 2024, 2024, 2024]),
      sector: ['food', 'chp', 'chp', 'food', 'textiles'],
      total_tco2: Float64Array.from([10, 50, 40, 20, 0]),
    });
    const s = pivotYears(t, 'sector', 'total_tco2', (c) => `<${c}>`, ['chp', 'food'], 10);
    expect(s.categories).toEqual([2023, 2024]);
    expect(s.series).toEqual([
      { key: 'chp', name: '<chp>', values: [5, 4] },
      { key: 'food', name: '<food>', values: [1, 2] },
    ]);
  });

  it('builds Sankey nodes and links that conserve each sector’s emissions', () => {
    const t = tableFromArrays({
      sector: ['chemicals', 'chemicals', 'food', 'food'],
      carrier: ['natural_gas', 'electricity', 'electricity', 'lpg'],
      scope1_tco2: Float64Array.from([300, 0, 0, 0.5]),
      scope2_tco2: Float64Array.from([0, 500, 200, 0]),
    });
    const d = sankeyData(
      t,
      { carrier: (c) => c, sector: (s) => s, scope1: 'Scope 1', scope2: 'Scope 2' },
      { chemicals: '#111111' },
      0.001, // 0.5 of 1000.5 is below 0.1 % → the LPG flow is left out
    );
    expect(d.nodes.map((n) => [n.id, n.depth])).toEqual([
      ['c:natural_gas', 0],
      ['s:chemicals', 1],
      ['c:electricity', 0],
      ['s:food', 1],
      ['e:scope1', 2],
      ['e:scope2', 2],
    ]);
    const link = (s: string, t2: string) => d.links.find((l) => l.source === s && l.target === t2)?.value;
    expect(link('c:electricity', 's:chemicals')).toBe(500);
    expect(link('s:chemicals', 'e:scope1')).toBe(300);
    expect(link('s:chemicals', 'e:scope2')).toBe(500);
    expect(link('s:food', 'e:scope2')).toBe(200);
    expect(link('c:lpg', 's:food')).toBeUndefined();
    // In = out for every sector node.
    for (const n of d.nodes.filter((x) => x.depth === 1)) {
      const inflow = d.links.filter((l) => l.target === n.id).reduce((s, l) => s + l.value, 0);
      const outflow = d.links.filter((l) => l.source === n.id).reduce((s, l) => s + l.value, 0);
      expect(inflow).toBeCloseTo(outflow, 12);
    }
  });

  it('sorts the emitters table by any column, NaN last either way', () => {
    const t = tableFromArrays({
      enterprise_id: ['E1', 'E2', 'E3'],
      name_zh: ['乙', '甲', '丙'],
      name_en: ['B', 'A', 'C'],
      sector: ['food', 'chp', 'food'],
      energy_tce: Float64Array.from([1, 2, 3]),
      scope1_tco2: Float64Array.from([1, 2, 3]),
      scope2_tco2: Float64Array.from([0, 0, 0]),
      total_tco2: Float64Array.from([30, 10, 20]),
      output_10k_cny: Float64Array.from([100, NaN, 400]),
    });
    const rows = emitterRows(
      t,
      (_zh, en) => en,
      (s) => s.toUpperCase(),
    );
    expect(rows[0]).toMatchObject({ id: 'E1', name: 'B', sector: 'FOOD', intensity: 0.3 });
    expect(sortRows(rows, 'total_tco2', 'desc').map((r) => r.id)).toEqual(['E1', 'E3', 'E2']);
    expect(sortRows(rows, 'intensity', 'asc').map((r) => r.id)).toEqual(['E3', 'E1', 'E2']);
    expect(sortRows(rows, 'intensity', 'desc').map((r) => r.id)).toEqual(['E1', 'E3', 'E2']);
    expect(sortRows(rows, 'name', 'asc', 'en').map((r) => r.name)).toEqual(['A', 'B', 'C']);
  });
});
