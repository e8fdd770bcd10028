/**
 * The words people put in energy spreadsheets, mapped to the canonical schema (datasets/README.md):
 * column headers in Chinese and English, carrier names as they are written, units in every spelling
 * the accounting engine knows plus the statistics forms' own (百万千焦 = GJ), and money units.
 */
import { CARRIERS, carrierInfo } from '../carriers';
import { SECTORS } from '../sectors';
import { tryParseUnit, type UnitDef } from '../units';
import { closest, key } from './text';

/** Fields of the canonical tables (plus the import-only ones: names, months, P201 columns). */
export type Field =
  | 'enterprise_id'
  | 'name_zh'
  | 'name_en'
  | 'year'
  | 'month'
  | 'carrier'
  | 'amount'
  | 'unit'
  | 'sector'
  | 'gbt4754'
  | 'zone'
  | 'lon'
  | 'lat'
  | 'output_value_10k_cny'
  | 'value_added_10k_cny'
  | 'employees'
  | 'energy_code'
  | 'consumption_total'
  | 'industrial_consumption'
  | 'feedstock';

export const FIELDS: readonly Field[] = [
  'enterprise_id',
  'name_zh',
  'name_en',
  'year',
  'month',
  'carrier',
  'amount',
  'unit',
  'sector',
  'gbt4754',
  'zone',
  'lon',
  'lat',
  'output_value_10k_cny',
  'value_added_10k_cny',
  'employees',
  'energy_code',
  'consumption_total',
  'industrial_consumption',
  'feedstock',
];

const HEADER_WORDS: Record<Field, readonly string[]> = {
  enterprise_id: [
    'enterprise_id',
    'enterprise id',
    'enterpriseid',
    'company id',
    'company_id',
    'id',
    '企业代码',
    '企业编号',
    '企业编码',
    '企业id',
    '统一社会信用代码',
    '社会信用代码',
    '信用代码',
    '组织机构代码',
    '单位代码',
    '法人单位代码',
  ],
  name_zh: [
    'name_zh',
    'name',
    'enterprise name',
    'company name',
    'company',
    '企业名称',
    '单位名称',
    '企业',
    '公司名称',
    '单位详细名称',
  ],
  name_en: ['name_en', 'english name', '英文名称'],
  year: ['year', '年份', '年度', '统计年度', '统计年份', '年', '报告期'],
  month: ['month', '月份', '月', '统计月份'],
  carrier: [
    'carrier',
    'energy',
    'energy type',
    'fuel',
    'carrier name',
    '能源品种',
    '能源名称',
    '能源种类',
    '能源类型',
    '品种',
    '能源',
  ],
  amount: [
    'amount',
    'quantity',
    'consumption',
    'value',
    '消费量',
    '实物量',
    '消费实物量',
    '用量',
    '数量',
    '能耗量',
    '使用量',
    '消耗量',
  ],
  unit: ['unit', 'units', '计量单位', '单位', '实物单位'],
  sector: ['sector', 'industry', '行业', '所属行业', '行业类别', '行业名称', '国民经济行业'],
  gbt4754: ['gbt4754', 'industry code', '行业代码', '国民经济行业代码', '国民经济行业分类代码'],
  zone: ['zone', 'area', '区域', '片区', '所在片区', '园区分区'],
  lon: ['lon', 'lng', 'longitude', '经度'],
  lat: ['lat', 'latitude', '纬度'],
  output_value_10k_cny: [
    'output_value_10k_cny',
    'output value',
    'gross output',
    'output',
    '工业总产值',
    '总产值',
    '产值',
    '营业收入',
  ],
  value_added_10k_cny: ['value_added_10k_cny', 'value added', '增加值', '工业增加值'],
  employees: ['employees', 'staff', '从业人员', '从业人数', '从业人员期末人数', '职工人数', '员工人数'],
  energy_code: ['代码', '能源代码', 'energy code'],
  consumption_total: ['消费量合计', '消费合计', '合计消费量', '能源消费量合计', 'total consumption'],
  industrial_consumption: ['工业生产消费', '其中工业生产消费', 'industrial consumption'],
  feedstock: [
    '用作原材料',
    '其中用作原材料',
    '工业生产消费其中用作原材料',
    '用作原料',
    '原材料用',
    'feedstock',
    'non-energy use',
  ],
};

const HEADER_INDEX = new Map<string, Field>();
for (const f of FIELDS) for (const w of HEADER_WORDS[f]) HEADER_INDEX.set(key(w), f);

/** Header text split into its name and the unit in brackets: `电力（万千瓦时）` → 电力, 万千瓦时. */
export function splitHeader(header: string): { name: string; unit?: string } {
  const h = header.normalize('NFKC').trim();
  const m = /^(.*?)[\s]*[([【]\s*([^()[\]【】]+?)\s*[)\]】]\s*$/.exec(h);
  if (m && m[1] !== '') return { name: m[1].trim(), unit: m[2].trim() };
  const slash = /^(.*?)\s*\/\s*([^/]+)$/.exec(h);
  if (slash && tryUnit(slash[2])) return { name: slash[1].trim(), unit: slash[2].trim() };
  return { name: h };
}

/** The field a header names, if it is one we know (brackets and what they hold are ignored). */
export function headerField(header: string): Field | undefined {
  const whole = HEADER_INDEX.get(key(header));
  if (whole) return whole;
  const { name } = splitHeader(header);
  const k = key(name);
  const direct = HEADER_INDEX.get(k);
  if (direct) return direct;
  // Merged P201 headers arrive as "消费量 合计", "其中：用作原材料", "工业生产消费 其中:用作原材料".
  if (k.includes('原材料') || k.includes('原料')) return 'feedstock';
  if (k.includes('消费') && k.includes('合计')) return 'consumption_total';
  if (k.includes('工业生产消费')) return 'industrial_consumption';
  return undefined;
}

// ---------------------------------------------------------------- carriers

const CARRIER_WORDS: Record<string, readonly string[]> = {
  raw_coal: [
    '原煤',
    '烟煤',
    '一般烟煤',
    '无烟煤',
    '褐煤',
    '煤',
    '煤炭',
    '动力煤',
    'coal',
    'raw coal',
    'bituminous coal',
    'anthracite',
  ],
  natural_gas: ['天然气', '管道天然气', '管道燃气', '燃气', 'natural gas', 'gas', 'ng', 'pipeline gas'],
  diesel: ['柴油', '轻柴油', '0号柴油', '车用柴油', 'diesel', 'diesel oil', 'gas oil'],
  gasoline: ['汽油', '车用汽油', '92号汽油', '95号汽油', 'gasoline', 'petrol', 'motor gasoline'],
  fuel_oil: ['燃料油', '重油', '渣油', 'fuel oil', 'heavy oil', 'residual oil'],
  lpg: ['液化石油气', '液化气', 'lpg', 'liquefied petroleum gas'],
  biomass: [
    '生物质',
    '生物质燃料',
    '生物质颗粒',
    '生物质成型燃料',
    'biomass',
    'biomass fuel',
    'wood pellets',
  ],
  electricity: [
    '外购电力',
    '电力',
    '电',
    '外购电',
    '用电量',
    '电量',
    '购电量',
    '网购电',
    '电网电力',
    '耗电量',
    '电能',
    'electricity',
    'power',
    'electric power',
    'grid electricity',
    'purchased electricity',
  ],
  green_electricity: [
    '外购绿电',
    '绿电',
    '绿色电力',
    '绿电交易电量',
    'green electricity',
    'green power',
    'purchased green electricity',
  ],
  pv_electricity: [
    '自发自用光伏电',
    '光伏发电',
    '光伏',
    '光伏自用电',
    '光伏发电量',
    '分布式光伏',
    '屋顶光伏',
    'pv',
    'solar',
    'solar pv',
    'rooftop pv',
    'pv electricity',
  ],
  heat: [
    '外购热力',
    '热力',
    '蒸汽',
    '外购蒸汽',
    '热水',
    '外购热水',
    '供热',
    'heat',
    'steam',
    'purchased heat',
    'purchased steam',
    'hot water',
  ],
  heat_in_park: ['园区热电厂蒸汽', '园区蒸汽', '园区集中供热', 'steam from the park chp', 'park steam'],
  electricity_export: [
    '输出电力',
    '上网电量',
    '外供电力',
    '外供电',
    '售电量',
    'exported electricity',
    'electricity export',
    'power export',
  ],
  heat_export: [
    '输出热力',
    '外供热力',
    '外供蒸汽',
    '售热量',
    '供热量',
    'exported heat',
    'heat export',
    'steam export',
  ],
  process_co2: ['工业过程排放', '过程排放', '工业生产过程排放', 'process co2', 'process emissions'],
};

const CARRIER_INDEX = new Map<string, string>();
for (const c of CARRIERS) {
  CARRIER_INDEX.set(key(c.code), c.code);
  CARRIER_INDEX.set(key(c.zh), c.code);
  CARRIER_INDEX.set(key(c.en), c.code);
}
for (const [code, words] of Object.entries(CARRIER_WORDS))
  for (const w of words) CARRIER_INDEX.set(key(w), code);

const CARRIER_CANDIDATES = [...CARRIER_INDEX.entries()].map(([k, code]) => {
  const info = carrierInfo(code)!;
  return { key: k, show: `${info.zh} (${code})` };
});

/** Steam words: a heat carrier named like this and given in tonnes is steam by mass. */
export function isSteamName(name: string): boolean {
  return /蒸汽|steam/i.test(name);
}

/** A carrier code from the name people write (外购电力, 电力, 用电量, steam, 烟煤 …), or undefined. */
export function carrierFromName(name: string, extra?: ReadonlyMap<string, string>): string | undefined {
  const k = key(name);
  const user = extra?.get(k);
  if (user) return user;
  const hit = CARRIER_INDEX.get(k);
  if (hit) return hit;
  // 蒸汽（低压）, 电力(万千瓦时) written as a value: drop a bracketed tail and try again.
  const { name: bare } = splitHeader(name);
  if (bare !== name.normalize('NFKC').trim()) return extra?.get(key(bare)) ?? CARRIER_INDEX.get(key(bare));
  if (/^(低压|中压|次高压|高压|过热|饱和)+蒸汽$/.test(k)) return 'heat';
  return undefined;
}

/** "did you mean …?" for an unknown carrier name. */
export function suggestCarrier(name: string): string | undefined {
  return closest(name, CARRIER_CANDIDATES);
}

/** Rows of an energy form that are totals or notes, not an energy (合计, 综合能源消费量 …). */
export function isTotalRow(name: string): boolean {
  if (name === '' || !/[合总小综计]|total/i.test(name)) return false;
  const k = key(name);
  return (
    /^(合计|总计|小计|能源合计|综合能源消费量|综合能耗|能源消费总量|total|subtotal|其中.*合计)$/.test(k) ||
    k.startsWith('综合能源消费量')
  );
}

// ---------------------------------------------------------------- units

const UNIT_ALIASES = new Map<string, string>(
  [
    ['百万千焦', 'GJ'],
    ['百万千焦耳', 'GJ'],
    ['10^6kj', 'GJ'],
    ['千吉焦', 'GJ'],
    ['万千瓦小时', '10^4 kWh'],
    ['万度', '10^4 kWh'],
    ['万千瓦·时', '10^4 kWh'],
    ['万立方', '10^4 m3'],
    ['万方', '10^4 m3'],
    ['万标方', '10^4 m3'],
    ['万标准立方米', '10^4 m3'],
    ['千立方米', '10^4 m3'],
    ['吨标准煤', 'tce'],
    ['吨标煤', 'tce'],
    ['吨二氧化碳', 't'],
    ['tco2', 't'],
    ['吨co2', 't'],
  ].map(([a, b]) => [key(a), b]),
);
/** Units written as "1000 m3" in the forms are scaled aliases: factor to the unit named. */
const UNIT_SCALE = new Map<string, number>([[key('千立方米'), 0.1]]);

export interface UnitReading {
  unit: UnitDef;
  /** Multiply amounts by this before using `unit` (for units such as 千立方米 = 0.1 × 10^4 m3). */
  scale: number;
}

/** Reads a unit in any spelling the engine or the statistics forms use. */
export function tryUnit(text: string): UnitReading | undefined {
  const t = text.normalize('NFKC').trim();
  if (t === '') return undefined;
  const k = key(t);
  const alias = UNIT_ALIASES.get(k);
  if (alias) return { unit: tryParseUnit(alias)!, scale: UNIT_SCALE.get(k) ?? 1 };
  const u = tryParseUnit(t);
  return u ? { unit: u, scale: 1 } : undefined;
}

/** Money units → factor to 10^4 CNY (万元). */
const MONEY: Record<string, number> = {
  万元: 1,
  '10^4cny': 1,
  '10kcny': 1,
  千元: 0.1,
  元: 1e-4,
  cny: 1e-4,
  yuan: 1e-4,
  亿元: 1e4,
  百万元: 100,
  '10^8cny': 1e4,
};
const MONEY_INDEX = new Map(Object.entries(MONEY).map(([k, v]) => [key(k), v]));

/** Factor from a money unit to 10^4 CNY, or undefined when it is not one. */
export function moneyScale(unit: string): number | undefined {
  return MONEY_INDEX.get(key(unit));
}

// ---------------------------------------------------------------- sectors

const SECTOR_INDEX = new Map<string, string>();
for (const s of SECTORS) {
  SECTOR_INDEX.set(key(s.code), s.code);
  SECTOR_INDEX.set(key(s.zh), s.code);
  SECTOR_INDEX.set(key(s.en), s.code);
}
const SECTOR_CANDIDATES = [...SECTOR_INDEX.entries()].map(([k, code]) => ({ key: k, show: code }));

/**
 * A sector code from a code, a Chinese or English name, or a GB/T 4754-2017 industry code whose
 * division (first two digits, after a section letter if any) is the sector's.
 */
export function sectorFromText(text: string): string | undefined {
  const k = key(text);
  const hit = SECTOR_INDEX.get(k);
  if (hit) return hit;
  const m = /^[a-t]?(\d{2})\d{0,2}$/.exec(k);
  if (m) return SECTORS.find((s) => s.gbt4754 === m[1])?.code;
  return undefined;
}

export function suggestSector(text: string): string | undefined {
  return closest(text, SECTOR_CANDIDATES);
}
