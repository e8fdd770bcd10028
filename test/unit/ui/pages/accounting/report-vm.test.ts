import { describe, expect, it } from 'vitest';
import { CARRIERS } from '../../../../../src/core/carriers';
import { FactorLibrary, accountActivity } from '../../../../../src/core/accounting/index';
import { en, zh, type MessageKey } from '../../../../../src/ui/i18n/messages';
import {
  aboutRows,
  lineFactors,
  emittersSheet,
  methodWords,
  parkFactors,
  parkYearsSheet,
  roundValue,
  sheetRows,
} from '../../../../../src/ui/pages/accounting/report-vm';
import { workbookBytes } from '../../../../../src/ui/pages/accounting/xlsx-export';
import { DEFAULT_SETTINGS } from '../../../../../src/ui/pages/accounting/settings-vm';
import type { ParkYear } from '../../../../../src/ui/pages/accounting/inventory-vm';

const fill = (text: string, p: Record<string, string | number> = {}) =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => (k in p ? String(p[k]) : m));
const tZh = (k: MessageKey, p?: Record<string, string | number>) => fill(zh[k], p);
const tEn = (k: MessageKey, p?: Record<string, string | number>) => fill(en[k], p);

describe('report and table exports', () => {
  it('rounds to the column precision without float noise; NaN becomes an empty cell', () => {
    expect(roundValue(90.92449710000001, 3)).toBe(90.924);
    expect(roundValue(-0.0001, 2)).toBe(0);
    expect(roundValue(123456.789, 'sig')).toBe(123457);
    expect(roundValue(NaN)).toBeNull();
  });

  it('states the method in words of the language, never as option codes', () => {
    const s = { ...DEFAULT_SETTINGS, scope2Method: 'market' as const, gridYear: 2022 };
    const zhWords = methodWords(s, tZh, 'zh');
    expect(zhWords.map((w) => w.value)).toEqual([
      zh['calc.elecMethod.equivalent'],
      zh['calc.scope2Method.market'],
      '全国',
      '2022',
    ]);
    const enText = methodWords(DEFAULT_SETTINGS, tEn, 'en')
      .map((w) => `${w.label}: ${w.value}`)
      .join('; ');
    expect(enText).toContain(en['calc.scope2Method.location']);
    expect(enText).toContain(en['calc.gridYear.data']);
    expect(enText).not.toMatch(/[=_]/);
  });

  it('lists each factor once with value and source; the park report uses the engine for every carrier', () => {
    const lines = accountActivity(
      [
        { enterprise_id: 'a', year: 2023, carrier: 'electricity', amount: 1, unit: 'MWh' },
        { enterprise_id: 'a', year: 2023, carrier: 'electricity', amount: 2, unit: 'MWh' },
      ],
      FactorLibrary.standard(),
    );
    const once = lineFactors(lines, (c) => `<${c}>`, 'en');
    expect(once.length).toBe(lines[0].explanation.factors.length);
    expect(once.every((f) => f.carrier === '<electricity>')).toBe(true);
    const all = parkFactors(
      CARRIERS.map((c) => c.code),
      2023,
      DEFAULT_SETTINGS,
      String,
      'zh',
    );
    const grid = all.find((f) => f.name.startsWith('电网排放因子'));
    expect(grid?.value).toBe('0.5306');
    expect(grid?.source).toContain('生态环境部');
    expect(grid?.carrier).toBe('electricity');
    expect(all.every((f) => f.source.length > 0)).toBe(true);
    expect(
      parkFactors(['natural_gas'], 2023, DEFAULT_SETTINGS, String, 'en').some((f) =>
        f.name.startsWith('grid'),
      ),
    ).toBe(false);
  });

  it('writes park sheets with localized headers, units and a code row; the XLSX reads back with the library', async () => {
    const year: ParkYear = {
      year: 2024,
      energy_tce: 1234.56789,
      scope1_tco2: 10,
      scope2_tco2: 20.123456,
      deduction_tco2: 1,
      total_tco2: 29.123456,
      biogenic_tco2: 0,
      heat_in_park_gj: 0,
      heat_in_park_excluded_tco2: 0,
      output: 500,
      valueAdded: NaN,
      enterprises: 3,
      electricityShare: 0.41234,
      tcePerOutput: 2.469135,
      tcePerValueAdded: NaN,
      co2PerOutput: 0.058246912,
      co2PerValueAdded: NaN,
    };
    const years = parkYearsSheet([year], tZh, '方法');
    const [h, codes, row] = sheetRows(years);
    expect(h[2]).toBe('综合能耗 (tce)');
    expect(codes[2]).toBe('energy_tce');
    expect(row.slice(0, 5)).toEqual([2024, 3, 1234.6, 10, 20.1]);
    expect(row[9]).toBeNull();
    expect(row[10]).toBe(0.0582);
    expect(row[13]).toBe(41.2);
    const emitters = emittersSheet(
      [
        {
          id: 'E1',
          name: '甲',
          sector: '化工',
          energy_tce: 1,
          scope1_tco2: 2,
          scope2_tco2: 3,
          total_tco2: 5,
          output: 10,
          intensity: 0.5,
        },
      ],
      2024,
      tEn,
    );
    const about = aboutRows('Report', '2026-11-30', methodWords(DEFAULT_SETTINGS, tEn, 'en'), [], tEn);
    const bytes = await workbookBytes({ name: 'About', rows: about }, [years, emitters]);
    const XLSX = await import('@e965/xlsx');
    const book = XLSX.read(bytes, { type: 'array' });
    expect(book.SheetNames).toEqual(['About', '年度汇总', 'Enterprises']);
    const back = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Enterprises'], { header: 1 });
    expect(back[1]).toEqual([
      'year',
      'enterprise_id',
      'name',
      'sector',
      'energy_tce',
      'scope1_tco2',
      'scope2_tco2',
      'total_tco2',
      'output_10k_cny',
      'tco2_per_10k_cny_output',
    ]);
    expect(back[2]).toEqual([2024, 'E1', '甲', '化工', 1, 2, 3, 5, 10, 0.5]);
    const aboutBack = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['About'], { header: 1 });
    expect(aboutBack[1]).toEqual(['Report date', '2026-11-30']);
  });
});
