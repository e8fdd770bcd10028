import { describe, expect, it } from 'vitest';
import { tableFromArrays } from 'apache-arrow';
import { energyByCarrier, sectorCounts, yearlyKpis } from '../../../../src/ui/pages/overview-vm';

describe('overview view model', () => {
  it('pivots energy rows into carrier series in the given order, dropping empty carriers', () => {
    const t = tableFromArrays({
      year: Int32Array.from([2023, 2023, 2024, 2024, 2024]),
      carrier: ['natural_gas', 'electricity', 'electricity', 'natural_gas', 'lpg'],
      energy_tce: Float64Array.from([5, 10, 12, 4, 0]),
    });
    const s = energyByCarrier(t, (c) => c.toUpperCase(), ['electricity', 'natural_gas']);
    expect(s.categories).toEqual([2023, 2024]);
    expect(s.series).toEqual([
      { key: 'electricity', name: 'ELECTRICITY', values: [10, 12] },
      { key: 'natural_gas', name: 'NATURAL_GAS', values: [5, 4] },
    ]);
  });

  it('derives intensity (tce per 10^4 CNY) and the electricity share of final energy', () => {
    const t = tableFromArrays({
      year: Int32Array.from([2024]),
      energy_tce: Float64Array.from([200]),
      total_tco2: Float64Array.from([480]),
      electricity_tce: Float64Array.from([50]),
      final_energy_tce: Float64Array.from([125]),
      output_10k_cny: Float64Array.from([4000]),
      value_added_10k_cny: Float64Array.from([1000]),
      enterprises: Int32Array.from([3]),
    });
    const [k] = yearlyKpis(t);
    expect(k.intensity).toBeCloseTo(200 / 4000, 12);
    expect(k.electricityShare).toBeCloseTo(50 / 125, 12); // over final energy, not the park total
    expect(k.totalTco2).toBe(480);
    expect(k.outputYiCny).toBeCloseTo(0.4, 12); // 4000 × 10^4 CNY = 0.4 × 10^8 CNY
    expect(k.enterprises).toBe(3);
  });

  it('labels sector counts', () => {
    const t = tableFromArrays({ sector: ['chp', 'food'], n: Int32Array.from([1, 7]) });
    expect(sectorCounts(t, (c) => `<${c}>`)).toEqual({ labels: ['<chp>', '<food>'], values: [1, 7] });
  });
});
