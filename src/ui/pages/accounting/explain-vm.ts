/**
 * The engine's explanations (factor, value, unit, source, year, note) prepared for display: factor
 * names and year-fallback notes in the reader's language. Sources are shown as the reference tables
 * cite them. Pure.
 */
import type { FactorUse } from '../../../core/accounting/index';
import { GRID_REGIONS } from '../../../core/reference/index';

export type Lang = 'zh' | 'en';

const NAMES_ZH: Record<string, string> = {
  'coal equivalent': '折标准煤系数',
  'coal equivalent (equivalent value)': '折标准煤系数（当量值）',
  'coal equivalent (equal-value method, coal for power)': '折标准煤系数（等价值，按火电供电标准煤耗）',
  'net calorific value': '低位发热量',
  'carbon content per unit heat': '单位热值含碳量',
  'oxidation rate': '碳氧化率',
  'heat CO2 factor': '热力排放因子',
  'residual mix factor': '剩余电力排放因子（市场法）',
  'CO2 factor': '排放因子',
};

const GRID_TYPE_ZH: Record<string, string> = {
  average: '平均',
  carbon_market: '碳市场',
  residual_mix: '剩余电力',
};

/** A factor's name in the reader's language (English as the engine writes it otherwise). */
export function factorName(name: string, lang: Lang): string {
  if (lang === 'en') return name;
  const grid = /^grid emission factor \(([\w_]+), ([\w_]+)\)$/.exec(name);
  if (grid) {
    const region = GRID_REGIONS.find((r) => r.code === grid[1]);
    return `电网排放因子（${region?.zh ?? grid[1]}，${GRID_TYPE_ZH[grid[2]] ?? grid[2]}）`;
  }
  return NAMES_ZH[name] ?? name;
}

/** A factor note (year fallback, override, option) in the reader's language. */
export function factorNote(note: string | undefined, lang: Lang): string | undefined {
  if (!note || lang === 'en') return note;
  const earlier = /^no value published for (\d+); used (\d+)/.exec(note);
  if (earlier) return `${earlier[1]} 年未发布，采用最近的较早年份 ${earlier[2]} 年的值`;
  const earliest = /^no value published for (\d+) or earlier; used (\d+)/.exec(note);
  if (earliest) return `${earliest[1]} 年及以前未发布，采用最早发布年份 ${earliest[2]} 年的值`;
  if (note === 'user override') return '用户自定义';
  if (note === 'option') return '选项设定';
  return note;
}

export interface FactorView {
  name: string;
  value: string;
  unit: string;
  source: string;
  year: string;
  note?: string;
}

/** Display rows for a list of factors; values keep up to six significant digits. */
export function factorViews(factors: readonly FactorUse[], lang: Lang): FactorView[] {
  return factors.map((f) => ({
    name: factorName(f.name, lang),
    value: String(Number(f.value.toPrecision(6))),
    unit: f.unit,
    source: f.source,
    year: f.year === null ? '' : String(f.year),
    note: factorNote(f.note, lang),
  }));
}

/** One line of text per factor, for CSV exports: "name = value unit (source, year; note)". */
export function factorsText(factors: readonly FactorUse[], lang: Lang): string {
  return factorViews(factors, lang)
    .map((f) => {
      const meta = [f.source, f.year].filter(Boolean).join(', ') + (f.note ? `; ${f.note}` : '');
      return `${f.name} = ${f.value} ${f.unit}`.trim() + (meta ? ` (${meta})` : '');
    })
    .join(' | ');
}
