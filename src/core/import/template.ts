/**
 * The content of the downloadable import template, in Chinese or English: an activity sheet with the
 * headers the importer recognises and example rows (one per common carrier, each in a unit people
 * use), and a notes sheet listing every carrier, its canonical unit and the other units accepted.
 */
import { CARRIERS } from '../carriers';
import { acceptedUnits } from '../units';
import { STEAM_GRADES, steamGjPerTonne } from './steam';

export interface TemplateSheet {
  name: string;
  rows: (string | number)[][];
}

export function importTemplate(lang: 'zh' | 'en'): TemplateSheet[] {
  const zh = lang === 'zh';
  const examples: [string, number, string, number, string][] = zh
    ? [
        ['91320600MA1XXXXXX1', 2024, '电力', 1250.5, '万千瓦时'],
        ['91320600MA1XXXXXX1', 2024, '天然气', 86.2, '万立方米'],
        ['91320600MA1XXXXXX1', 2024, '蒸汽', 12000, '吨'],
        ['91320600MA1XXXXXX1', 2024, '柴油', 35, '吨'],
        ['91320600MA1XXXXXX1', 2024, '光伏发电', 48, '万千瓦时'],
      ]
    : [
        ['E0001', 2024, 'electricity', 1250.5, '10^4 kWh'],
        ['E0001', 2024, 'natural_gas', 86.2, '10^4 m3'],
        ['E0001', 2024, 'steam', 12000, 't'],
        ['E0001', 2024, 'diesel', 35, 't'],
        ['E0001', 2024, 'pv_electricity', 48, '10^4 kWh'],
      ];
  const header = zh
    ? ['企业代码', '年份', '能源品种', '消费量', '计量单位']
    : ['enterprise_id', 'year', 'carrier', 'amount', 'unit'];
  // The notes sheet's headers are words the importer does not take for a table, so it is skipped.
  const notes: (string | number)[][] = [
    zh
      ? ['名称', '编码', '标准计量单位', '也可填写']
      : ['Energy carrier (description)', 'Code', 'Stored in', 'Also accepted'],
    ...CARRIERS.map((c) => [zh ? c.zh : c.en, c.code, c.unit, acceptedUnits(c.code).join(', ')]),
    [],
    zh
      ? ['蒸汽以吨计时按焓值折算为热量（GJ/吨）；默认 1.0 MPa 饱和蒸汽，可在导入时另选等级或填写自己的数值：']
      : [
          'Steam in tonnes is converted to heat by its enthalpy (GJ per tonne); default saturated 1.0 MPa, another grade or your own value can be given at import:',
        ],
    ...STEAM_GRADES.map((g) => [zh ? g.zh : g.en, g.code, Number(steamGjPerTonne(g).toFixed(4)), 'GJ/t']),
  ];
  return [
    { name: zh ? '能源活动' : 'activity', rows: [header, ...examples] },
    { name: zh ? '说明' : 'notes', rows: notes },
  ];
}
