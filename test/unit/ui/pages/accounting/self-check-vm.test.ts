import { describe, expect, it } from 'vitest';
import { tableFromArrays } from 'apache-arrow';
import {
  carrierSeries,
  checkOwnRows,
  median,
  ownEconomicsMap,
  peerData,
  percentileRank,
  selfInventory,
} from '../../../../../src/ui/pages/accounting/self-check-vm';
import { parsePaste } from '../../../../../src/ui/pages/accounting/paste-vm';
import { DEFAULT_SETTINGS } from '../../../../../src/ui/pages/accounting/settings-vm';

describe('percentiles among peers', () => {
  it('counts peers below, ties half (mid-rank)', () => {
    // 2 of 4 peers (1, 2) are below 2.5 → 50 %.
    expect(percentileRank([1, 2, 3, 4], 2.5)).toBe(50);
    // Below 2: one peer (1); one tie (2) counts half → (1 + 0.5) / 4 = 37.5 %.
    expect(percentileRank([1, 2, 3, 4], 2)).toBe(37.5);
    expect(percentileRank([1, 2, 3, 4], 0.5)).toBe(0);
    expect(percentileRank([1, 2, 3, 4], 9)).toBe(100);
    // NaN peers (no output value) are ignored: 1 of 2 below.
    expect(percentileRank([1, NaN, 3], 2)).toBe(50);
    expect(percentileRank([], 2)).toBeNaN();
    expect(percentileRank([1], NaN)).toBeNaN();
  });

  it('takes medians of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('ranks the enterprise among its sector peers from an enterpriseYearSql result', () => {
    const t = tableFromArrays({
      enterprise_id: ['E1', 'E2', 'E3', 'E4', 'E5'],
      name_zh: ['甲', '乙', '丙', '丁', '戊'],
      name_en: ['A', 'B', 'C', 'D', 'E'],
      // Intensities: E1 100/1000 = 0.1, E2 (self) 0.3, E3 0.2, E4 0.4, E5 no output.
      total_tco2: Float64Array.from([100, 300, 200, 400, 50]),
      output_10k_cny: Float64Array.from([1000, 1000, 1000, 1000, NaN]),
    });
    const p = peerData(t, 'E2', 0.3, 'You', (_zh, en) => en);
    // Peers exclude E2 and E5: 0.1, 0.2, 0.4 → 2 of 3 below 0.3 = 66.67 %; median 0.2.
    expect(p.peers).toBe(3);
    expect(p.percentile).toBeCloseTo(200 / 3, 12);
    expect(p.median).toBeCloseTo(0.2, 12);
    expect(p.bars.map((b) => b.label)).toEqual(['A', 'C', 'You', 'D']);
    expect(p.bars.find((b) => b.self)!.value).toBe(0.3);
    expect(p.rank).toBe(3);
  });

  it('places typed data (not in the park) among all peers', () => {
    const t = tableFromArrays({
      enterprise_id: ['E1', 'E2'],
      name_zh: ['甲', '乙'],
      name_en: ['A', 'B'],
      total_tco2: Float64Array.from([10, 30]),
      output_10k_cny: Float64Array.from([100, 100]),
    });
    const p = peerData(t, undefined, 0.05, 'You', (zh) => zh);
    expect(p.peers).toBe(2);
    expect(p.percentile).toBe(0);
    expect(p.rank).toBe(1);
  });
});

describe('self inventory', () => {
  it('computes years, intensities and the year-on-year change with the engine', () => {
    const { activity, issues } = checkOwnRows(
      [
        { id: 1, year: '2022', carrier: 'electricity', amount: '10', unit: '10^4 kWh' },
        { id: 2, year: '2023', carrier: 'electricity', amount: '100000', unit: 'kWh' },
        { id: 3, year: '2023', carrier: 'natural_gas', amount: '1', unit: '万立方米' },
        { id: 4, year: '2023', carrier: 'diesel', amount: 'x', unit: 't' },
      ],
      'me',
    );
    expect(issues.get(4)).toEqual([{ field: 'amount', code: 'notNumber', params: { value: 'x' } }]);
    const inv = selfInventory(
      activity,
      ownEconomicsMap({ '2023': { output: '1,000', valueAdded: '' } }),
      DEFAULT_SETTINGS,
    );
    const [y22, y23] = inv.years;
    // 2022: 100 MWh × 0.5366 = 53.66 tCO2.
    expect(y22.total_tco2).toBeCloseTo(53.66, 10);
    // 2023: 100 MWh × 0.5306 = 53.06; gas 389.31 GJ × 15.3 tC/TJ / 1000 × 0.99 × 44/12 = 21.6218881 tCO2.
    const gas = (((389.31 * 15.3) / 1000) * 0.99 * 44) / 12;
    expect(y23.scope1_tco2).toBeCloseTo(gas, 10);
    expect(y23.total_tco2).toBeCloseTo(53.06 + gas, 10);
    // Energy 2023: 12.29 + 389.31 GJ / 29.3076 GJ/tce (13.2836) = 25.5736 tce; per 1000 × 10^4 CNY.
    expect(y23.tcePerOutput).toBeCloseTo((12.29 + 389.31 / 29.3076) / 1000, 12);
    expect(y23.co2PerValueAdded).toBeNaN();
    expect(y23.yoyTotal).toBeCloseTo((53.06 + gas - 53.66) / 53.66, 12);
    expect(y22.yoyTotal).toBeNaN();

    const s = carrierSeries(inv.lines, (c) => c.toUpperCase(), ['electricity', 'natural_gas']);
    expect(s.categories).toEqual([2022, 2023]);
    expect(s.series.map((x) => x.key)).toEqual(['electricity', 'natural_gas']);
    expect(s.series[1].values[0]).toBe(0);
    expect(s.series[1].values[1]).toBeCloseTo(gas, 10);
  });
});

describe('pasted lines', () => {
  it('reads a header, Chinese names and units, and reports each bad field with line and column', () => {
    const text = [
      'enterprise_id,year,carrier,amount,unit',
      'E9,2023,electricity,1200,万千瓦时',
      'E9,2023,天然气,35,10^4 m3',
      '',
      'E9,20x3,diesel,5,t',
      'E9,2024,raw_coal,10,kWh',
    ].join('\n');
    const r = parsePaste(text);
    expect(r.lines).toBe(4);
    expect(r.enterpriseId).toBe('E9');
    expect(r.rows).toEqual([
      { line: 2, enterpriseId: 'E9', year: 2023, carrier: 'electricity', amount: 1200, unit: '10^4 kWh' },
      { line: 3, enterpriseId: 'E9', year: 2023, carrier: 'natural_gas', amount: 35, unit: '10^4 m3' },
    ]);
    expect(r.issues).toEqual([
      { line: 5, column: 2, field: 'year', code: 'notYear', params: { value: '20x3' } },
      {
        line: 6,
        column: 5,
        field: 'unit',
        code: 'unitMismatch',
        params: { value: 'kWh', carrier: 'raw_coal', accepted: 't, kg, 10^4 t' },
      },
    ]);
  });

  it('reads tab-separated lines without id and flags a wrong column count and a second enterprise', () => {
    const r = parsePaste('2023\telectricity\t10\tMWh\n2023\tdiesel\n');
    expect(r.rows).toHaveLength(1);
    expect(r.issues).toEqual([
      { line: 2, field: 'year', code: 'columns', params: { count: 2, expected: '3–5' } },
    ]);
    const two = parsePaste('A,2023,diesel,1,t\nB,2023,diesel,1,t');
    expect(two.issues[0]).toMatchObject({ line: 2, column: 1, code: 'otherEnterprise' });
  });
});
