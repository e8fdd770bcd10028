import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import {
  memoLines,
  negativeRows,
  territorialYears,
} from '../../../../../src/ui/pages/accounting/territorial-vm';

describe('territorial view model', () => {
  const t = tableFromArrays({
    year: Int32Array.from([2023, 2024]),
    territorial_tco2: Float64Array.from([100, 110]),
    net_tco2: Float64Array.from([150, 145]),
    electricity_import_mwh: Float64Array.from([200, 210]),
    electricity_import_tco2: Float64Array.from([80, 70]),
    heat_import_gj: Float64Array.from([10, 20]),
    heat_import_tco2: Float64Array.from([1, 2]),
    electricity_export_mwh: Float64Array.from([50, 60]),
    electricity_export_tco2: Float64Array.from([25, 30]),
    heat_export_gj: Float64Array.from([60, 70]),
    heat_export_tco2: Float64Array.from([6, 7]),
    biogenic_tco2: Float64Array.from([0, 3]),
  });

  it('reads the SQL rows into the core shape, and the memo items lead from the territorial to the net total', () => {
    const [, y] = territorialYears(t);
    expect(y).toEqual({
      year: 2024,
      territorial_tco2: 110,
      net_tco2: 145,
      electricity_import: { amount: 210, tco2: 70 },
      heat_import: { amount: 20, tco2: 2 },
      electricity_export: { amount: 60, tco2: 30 },
      heat_export: { amount: 70, tco2: 7 },
      biogenic_tco2: 3,
    });
    const memo = memoLines(y);
    expect(memo.map((m) => [m.key, m.unit, m.sign])).toEqual([
      ['electricity_import', 'MWh', 1],
      ['heat_import', 'GJ', 1],
      ['electricity_export', 'MWh', -1],
      ['heat_export', 'GJ', -1],
    ]);
    expect(memo.reduce((s, m) => s + m.sign * m.tco2, y.territorial_tco2)).toBe(y.net_tco2);
  });

  it('names negative enterprises in the reader’s language, by id when the name is missing', () => {
    const n = tableFromArrays({
      enterprise_id: ['E1', 'E2'],
      name_zh: ['热电', ''],
      name_en: ['CHP', ''],
      scope1_tco2: Float64Array.from([10, 1]),
      deduction_tco2: Float64Array.from([20, 2]),
      total_tco2: Float64Array.from([-10, -1]),
    });
    const en = negativeRows(n, (_zh, enText) => enText);
    expect(en.map((r) => r.name)).toEqual(['CHP', 'E2']);
    expect(negativeRows(n, (zh) => zh)[0]).toEqual({
      id: 'E1',
      name: '热电',
      scope1_tco2: 10,
      deduction_tco2: 20,
      total_tco2: -10,
    });
  });
});
