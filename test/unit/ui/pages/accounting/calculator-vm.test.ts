import { describe, expect, it } from 'vitest';
import {
  computeCalculator,
  restoreCalcRows,
  type CalcRow,
} from '../../../../../src/ui/pages/accounting/calculator-vm';
import { DEFAULT_SETTINGS } from '../../../../../src/ui/pages/accounting/settings-vm';
import {
  checkEntry,
  fitUnit,
  parseAmount,
  unitChoices,
} from '../../../../../src/ui/pages/accounting/activity-input-vm';

const row = (id: number, carrier: string, amount: string, unit: string): CalcRow => ({
  id,
  carrier,
  amount,
  unit,
});

describe('calculator view model', () => {
  it('computes a hand-checkable case: 100 000 kWh of grid power and 1000 GJ of purchased heat in 2023', () => {
    const r = computeCalculator(
      [row(1, 'electricity', '100000', 'kWh'), row(2, 'heat', '1000', 'GJ')],
      '2023',
      DEFAULT_SETTINGS,
    );
    // Electricity: 100 000 kWh × 0.1229 kgce/kWh = 12 290 kgce = 12.29 tce;
    //              100 MWh × 0.5306 tCO2/MWh (national grid 2023) = 53.06 tCO2.
    expect(r.rows[0].line!.energy_tce).toBeCloseTo(12.29, 10);
    expect(r.rows[0].tco2).toBeCloseTo(53.06, 10);
    // Heat: 1000 GJ × 0.03412 tce/GJ = 34.12 tce; 1000 GJ × 0.11 tCO2/GJ = 110 tCO2.
    expect(r.rows[1].line!.energy_tce).toBeCloseTo(34.12, 10);
    expect(r.rows[1].tco2).toBeCloseTo(110, 10);
    // Totals: 12.29 + 34.12 = 46.41 tce; 53.06 + 110 = 163.06 tCO2, all Scope 2.
    expect(r.totals.energy_tce).toBeCloseTo(46.41, 10);
    expect(r.totals.total_tco2).toBeCloseTo(163.06, 10);
    expect(r.totals.scope2_tco2).toBeCloseTo(163.06, 10);
    expect(r.totals.scope1_tco2).toBe(0);
    expect(r.counted).toBe(2);
    // The explanation names the grid factor with its source and year.
    const grid = r.rows[0].line!.explanation.factors.find((f) => f.name.startsWith('grid emission factor'))!;
    expect(grid.value).toBe(0.5306);
    expect(grid.year).toBe(2023);
    expect(grid.source).toMatch(/生态环境部/);
  });

  it('switches methods: equal-value coal equivalent and market-based Scope 2', () => {
    const rows = [row(1, 'electricity', '10', '10^4 kWh'), row(2, 'green_electricity', '10', '万千瓦时')];
    // Equal value 2023 → latest published 2022 value 300.7 gce/kWh = 3.007 tce per 10^4 kWh; 2 × 10 × 3.007 = 60.14 tce.
    const equal = computeCalculator(rows, '2023', { ...DEFAULT_SETTINGS, electricityMethod: 'equal' });
    expect(equal.totals.energy_tce).toBeCloseTo(60.14, 10);
    // Market-based 2023: green power 0; grid power 100 MWh × residual mix 0.6096 = 60.96 tCO2.
    const market = computeCalculator(rows, '2023', { ...DEFAULT_SETTINGS, scope2Method: 'market' });
    expect(market.rows[1].tco2).toBe(0);
    expect(market.totals.total_tco2).toBeCloseTo(60.96, 10);
    // East China grid 2023: 0.55 tCO2/MWh × 200 MWh = 110 tCO2 (location-based counts green power too).
    const east = computeCalculator(rows, '2023', { ...DEFAULT_SETTINGS, gridRegion: 'east' });
    expect(east.totals.total_tco2).toBeCloseTo(110, 10);
  });

  it('reports bad input by row and field and leaves it out of the totals; blank rows are ignored', () => {
    const r = computeCalculator(
      [
        row(1, 'electricity', '10', '10^4 kWh'),
        row(2, 'raw_coal', '5', 'kWh'),
        row(3, 'diesel', '12,3x', 't'),
        row(4, 'diesel', '', 't'),
        row(5, 'diesel', '-2', 't'),
      ],
      '2023',
      DEFAULT_SETTINGS,
    );
    expect(r.rows[1].issues).toEqual([
      {
        field: 'unit',
        code: 'unitMismatch',
        params: { value: 'kWh', carrier: 'raw_coal', accepted: 't, kg, 10^4 t' },
      },
    ]);
    expect(r.rows[2].issues).toEqual([{ field: 'amount', code: 'notNumber', params: { value: '12,3x' } }]);
    expect(r.rows[3]).toMatchObject({ blank: true, issues: [] });
    expect(r.rows[4].issues[0].code).toBe('negative');
    expect(r.counted).toBe(1);
    expect(r.invalid).toBe(3);
    expect(r.totals.energy_tce).toBeCloseTo(12.29, 10);
  });

  it('flags a bad year and computes nothing', () => {
    const r = computeCalculator([row(1, 'electricity', '10', '10^4 kWh')], '20x4', DEFAULT_SETTINGS);
    expect(r.yearIssue).toEqual({ field: 'year', code: 'notYear', params: { value: '20x4' } });
    expect(r.counted).toBe(0);
  });

  it('notes a grid-factor year fallback (2024 uses 2023)', () => {
    const r = computeCalculator([row(1, 'electricity', '1', 'MWh')], '2024', DEFAULT_SETTINGS);
    const grid = r.rows[0].line!.explanation.factors[1];
    expect(grid.year).toBe(2023);
    expect(grid.note).toMatch(/2024.*2023/);
  });

  it('restores only well-formed rows from storage', () => {
    expect(restoreCalcRows([{ id: 3, carrier: 'diesel', amount: '1', unit: 't' }, null, 5])).toEqual([
      { id: 3, carrier: 'diesel', amount: '1', unit: 't' },
    ]);
    expect(restoreCalcRows('nope')).toEqual([]);
  });
});

describe('activity input', () => {
  it('parses typed amounts: grouping commas, full-width digits, spaces', () => {
    expect(parseAmount('1,234.5')).toBe(1234.5);
    expect(parseAmount('１２３')).toBe(123);
    expect(parseAmount(' 2e3 ')).toBe(2000);
    expect(parseAmount('1,23')).toBeUndefined();
    expect(parseAmount('abc')).toBeUndefined();
    expect(parseAmount('')).toBeUndefined();
  });

  it('offers only the units that fit a carrier, named in Chinese in zh', () => {
    expect(unitChoices('natural_gas', 'en').map((u) => u.code)).toEqual(['m3', '10^4 m3', 'Nm3']);
    expect(unitChoices('natural_gas', 'zh').map((u) => u.label)).toEqual([
      '立方米',
      '万立方米',
      '标准立方米',
    ]);
    expect(unitChoices('diesel', 'en').map((u) => u.code)).toContain('L');
    expect(unitChoices('heat', 'en').map((u) => u.code)).toContain('tce');
  });

  it('keeps a fitting unit on a carrier change, else the canonical unit', () => {
    expect(fitUnit('gasoline', 't')).toBe('t');
    expect(fitUnit('natural_gas', 't')).toBe('10^4 m3');
    expect(fitUnit('electricity', '万千瓦时')).toBe('10^4 kWh');
  });

  it('accepts Chinese carrier and unit names', () => {
    const c = checkEntry({ carrier: '天然气', amount: '35', unit: '万立方米', year: '2023' });
    expect(c).toEqual({ carrier: 'natural_gas', amount: 35, unit: '10^4 m3', year: 2023, issues: [] });
  });
});
