/**
 * The words of the accounting engine's explanations, in both languages, from one table: each factor an
 * explanation lists has a stable key (plus parameters for grid factors), each note a key with the
 * years it names. The engine writes the English text into `name` / `note` (the CLI's output); the
 * pages render the reader's language from the keys — never by translating the English wording.
 */
import { GRID_REGIONS } from '../reference/index';

export type Lang = 'zh' | 'en';

const FACTOR_NAMES = {
  coal_equivalent: { en: 'coal equivalent', zh: '折标准煤系数' },
  coal_equivalent_equivalent: { en: 'coal equivalent (equivalent value)', zh: '折标准煤系数（当量值）' },
  coal_equivalent_equal: {
    en: 'coal equivalent (equal-value method, coal for power)',
    zh: '折标准煤系数（等价值，按火电供电标准煤耗）',
  },
  co2_factor: { en: 'CO2 factor', zh: '排放因子' },
  ncv: { en: 'net calorific value', zh: '低位发热量' },
  carbon_content: { en: 'carbon content per unit heat', zh: '单位热值含碳量' },
  oxidation: { en: 'oxidation rate', zh: '碳氧化率' },
  heat_factor: { en: 'heat CO2 factor', zh: '热力排放因子' },
  residual_mix_factor: { en: 'residual mix factor', zh: '剩余电力排放因子（市场法）' },
  grid_factor: { en: 'grid emission factor ({region}, {type})', zh: '电网排放因子（{region}，{type}）' },
} as const satisfies Record<string, Record<Lang, string>>;

export type FactorKey = keyof typeof FACTOR_NAMES;

const GRID_TYPE_NAMES: Record<string, Record<Lang, string>> = {
  average: { en: 'average', zh: '平均' },
  carbon_market: { en: 'carbon_market', zh: '碳市场' },
  residual_mix: { en: 'residual_mix', zh: '剩余电力' },
  fossil: { en: 'fossil', zh: '化石能源' },
};

const NOTES = {
  override: { en: 'user override', zh: '用户自定义' },
  option: { en: 'option', zh: '选项设定' },
  earlier_year: {
    en: 'no value published for {asked}; used {used}, the nearest earlier published year',
    zh: '{asked} 年未发布，采用最近的较早年份 {used} 年的值',
  },
  earliest_year: {
    en: 'no value published for {asked} or earlier; used {used}, the earliest published year',
    zh: '{asked} 年及以前未发布，采用最早发布年份 {used} 年的值',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type NoteKey = keyof typeof NOTES;

/** Grid factor parameters: region code and factor type, as the reference tables name them. */
export interface GridParams {
  region: string;
  type: string;
}

/** A factor's name in a language. */
export function factorLabel(key: FactorKey, lang: Lang, grid?: GridParams): string {
  const text: string = FACTOR_NAMES[key][lang];
  if (key !== 'grid_factor' || !grid) return text;
  const region = GRID_REGIONS.find((r) => r.code === grid.region);
  const regionName = lang === 'zh' ? (region?.zh ?? grid.region) : grid.region;
  return text
    .replace('{region}', regionName)
    .replace('{type}', GRID_TYPE_NAMES[grid.type]?.[lang] ?? grid.type);
}

/** A note in a language; the years are filled in for the year-fallback notes. */
export function noteLabel(key: NoteKey, lang: Lang, years?: { asked: number; used: number }): string {
  const text: string = NOTES[key][lang];
  return years ? text.replace('{asked}', String(years.asked)).replace('{used}', String(years.used)) : text;
}

/** The note key of a value resolved for a year: none when the year asked for was published. */
export function yearNote(asked: number, used: number): NoteKey | undefined {
  if (asked === used) return undefined;
  return used < asked ? 'earlier_year' : 'earliest_year';
}
