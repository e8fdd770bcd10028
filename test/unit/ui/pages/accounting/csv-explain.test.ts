import { describe, expect, it } from 'vitest';
import { FactorLibrary, accountActivity } from '../../../../../src/core/accounting/index';
import { csvField, safeFileName, sheetCsv } from '../../../../../src/ui/pages/accounting/inventory-csv';
import { methodText, selfLinesSheet, selfYearsSheet } from '../../../../../src/ui/pages/accounting/report-vm';
import { en, zh, type MessageKey } from '../../../../../src/ui/i18n/messages';
import { factorName, factorNote, factorViews } from '../../../../../src/ui/pages/accounting/explain-vm';
import { selfInventory } from '../../../../../src/ui/pages/accounting/self-check-vm';
import { DEFAULT_SETTINGS } from '../../../../../src/ui/pages/accounting/settings-vm';

const fill = (text: string, p: Record<string, string | number> = {}) =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => (k in p ? String(p[k]) : m));
const tZh = (k: MessageKey, p?: Record<string, string | number>) => fill(zh[k], p);
const tEn = (k: MessageKey, p?: Record<string, string | number>) => fill(en[k], p);

describe('CSV export', () => {
  it('quotes fields with separators, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\ny')).toBe('"x\ny"');
    expect(csvField(NaN)).toBe('');
    expect(csvField(1.5)).toBe('1.5');
  });

  it('writes one line per activity row: headers in the language with units, codes below, rounded values, factors and sources', () => {
    const lines = accountActivity(
      [{ enterprise_id: 'me', year: 2023, carrier: 'electricity', amount: 100, unit: 'MWh' }],
      FactorLibrary.standard(),
    );
    const csv = sheetCsv(selfLinesSheet(lines, 'My, Co', tZh, (c) => `[${c}]`, 'zh'));
    const [header, codes, row] = csv.trimEnd().split('\r\n');
    expect(header.startsWith('企业,年份,能源品种代码,能源品种,数量,单位,综合能耗 (tce),范围一 (tCO₂)')).toBe(
      true,
    );
    expect(codes.split(',').slice(0, 6)).toEqual([
      'enterprise',
      'year',
      'carrier',
      'carrier_name',
      'amount',
      'unit',
    ]);
    // 100 MWh: 12.29 tce; 100 × 0.5306 = 53.06 tCO2 (national grid 2023).
    expect(row.startsWith('"My, Co",2023,electricity,[electricity],100,MWh,12.29,0,53.06,0,53.06,0,')).toBe(
      true,
    );
    expect(row).toContain('电网排放因子（全国，平均） = 0.5306 tCO2/MWh');
    expect(row).toContain('生态环境部、国家统计局');
  });

  it('writes the yearly summary rounded (no float noise), with the method in words', () => {
    const inv = selfInventory(
      [{ enterprise_id: 'me', year: 2023, carrier: 'heat', amount: 1000, unit: 'GJ' }],
      new Map([[2023, { output: 1000, valueAdded: NaN }]]),
      DEFAULT_SETTINGS,
    );
    const method = methodText(DEFAULT_SETTINGS, tEn, 'en');
    const [header, , row] = sheetCsv(selfYearsSheet(inv.years, 'me', tEn, method))
      .trimEnd()
      .split('\r\n');
    expect(header.split(',').slice(0, 3)).toEqual(['Enterprise', 'Year', 'Energy use (tce)']);
    // 1000 GJ: 34.12 tce, 110 tCO2 Scope 2; 110 / 1000 = 0.11 tCO2 per 10^4 CNY.
    expect(row.split(',').slice(0, 13)).toEqual([
      'me',
      '2023',
      '34.12',
      '0',
      '0',
      '110',
      '0',
      '110',
      '0',
      '1000',
      '',
      '0.11',
      '0.0341',
    ]);
    expect(row).toContain('Electricity to coal equivalent: ');
    expect(row).not.toContain('electricity_method=');
  });

  it('makes safe file names', () => {
    expect(safeFileName('E0029 江海半导体/股份')).toBe('E0029_江海半导体_股份');
    expect(safeFileName('***')).toBe('inventory');
  });
});

describe('explanations for display', () => {
  it('names factors and fallback notes in both languages from their keys, the English as the engine writes it', () => {
    const lib = FactorLibrary.standard();
    const [grid] = accountActivity(
      [{ enterprise_id: 'E', year: 2024, carrier: 'electricity', amount: 100, unit: '10^4 kWh' }],
      lib,
      { gridRegion: 'east' },
    );
    const g = grid.explanation.factors.at(-1)!;
    expect(factorName(g, 'zh')).toBe('电网排放因子（华东，平均）');
    expect(factorName(g, 'en')).toBe(g.name);
    expect(g.name).toBe('grid emission factor (east, average)');
    // 2024 is not published: the note names both years, in each language.
    expect(factorNote(g, 'zh')).toBe('2024 年未发布，采用最近的较早年份 2023 年的值');
    expect(factorNote(g, 'en')).toBe(g.note);
    expect(g.note).toBe('no value published for 2024; used 2023, the nearest earlier published year');
    const [early] = accountActivity(
      [{ enterprise_id: 'E', year: 2015, carrier: 'electricity', amount: 100, unit: '10^4 kWh' }],
      lib,
      { scope2Method: 'market' },
    );
    expect(factorNote(early.explanation.factors.at(-1)!, 'zh')).toMatch(/^2015 年及以前未发布.*2021/);
    const [coal] = accountActivity(
      [{ enterprise_id: 'E', year: 2023, carrier: 'raw_coal', amount: 10, unit: 't' }],
      lib,
    );
    const names = coal.explanation.factors.map((f) => factorName(f, 'zh'));
    expect(names).toContain('碳氧化率');
    expect(coal.explanation.factors.map((f) => factorName(f, 'en'))).toEqual(
      coal.explanation.factors.map((f) => f.name),
    );
    const x = {
      key: 'ncv',
      name: 'net calorific value',
      value: 1 / 3,
      unit: 'u',
      source: 's',
      year: null,
    } as const;
    expect(factorViews([x], 'en')[0]).toEqual({
      name: 'net calorific value',
      value: '0.333333',
      unit: 'u',
      source: 's',
      year: '',
      note: undefined,
    });
  });
});
