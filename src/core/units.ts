/**
 * Units of Chinese energy statistics, written as codes (`10^4 kWh`) or Chinese names (`万千瓦时`), and
 * conversion between them for a given carrier. Which units a carrier accepts follows from the
 * dimension of its canonical unit (src/core/carriers.ts); liquid fuels also accept volumes through a
 * documented density (src/core/reference/densities.ts) and heat also accepts tce.
 */
import { carrierInfo } from './carriers';
import { densityOf } from './reference/densities';

export type Dimension = 'mass' | 'gas_volume' | 'liquid_volume' | 'electric_energy' | 'heat_energy' | 'tce';

export const DIMENSION_LABELS: Record<Dimension, string> = {
  mass: 'mass',
  gas_volume: 'volume of gas',
  liquid_volume: 'volume of liquid',
  electric_energy: 'electric energy',
  heat_energy: 'heat energy',
  tce: 'coal equivalent',
};

/** Base unit of each dimension; every unit is base × 10^exp10. */
export const BASE_UNIT: Record<Dimension, string> = {
  mass: 't',
  gas_volume: 'm3',
  liquid_volume: 'm3',
  electric_energy: 'kWh',
  heat_energy: 'GJ',
  tce: 'tce',
};

export interface UnitDef {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** Dimensions the unit can measure (m3 measures gases and liquids; the carrier decides). */
  readonly dimensions: readonly Dimension[];
  /** Power of ten to the dimension's base unit: kg = t × 10^-3. Powers of ten keep conversions exact. */
  readonly exp10: number;
}

export const UNITS: readonly UnitDef[] = [
  { code: 't', zh: '吨', en: 'tonne', dimensions: ['mass'], exp10: 0 },
  { code: 'kg', zh: '千克', en: 'kilogram', dimensions: ['mass'], exp10: -3 },
  { code: '10^4 t', zh: '万吨', en: '10 000 tonnes', dimensions: ['mass'], exp10: 4 },
  { code: 'm3', zh: '立方米', en: 'cubic metre', dimensions: ['gas_volume', 'liquid_volume'], exp10: 0 },
  { code: '10^4 m3', zh: '万立方米', en: '10 000 m3', dimensions: ['gas_volume', 'liquid_volume'], exp10: 4 },
  { code: 'Nm3', zh: '标准立方米', en: 'normal cubic metre', dimensions: ['gas_volume'], exp10: 0 },
  { code: 'L', zh: '升', en: 'litre', dimensions: ['liquid_volume'], exp10: -3 },
  { code: 'kWh', zh: '千瓦时', en: 'kilowatt-hour', dimensions: ['electric_energy'], exp10: 0 },
  { code: '10^4 kWh', zh: '万千瓦时', en: '10 000 kWh', dimensions: ['electric_energy'], exp10: 4 },
  { code: 'MWh', zh: '兆瓦时', en: 'megawatt-hour', dimensions: ['electric_energy'], exp10: 3 },
  { code: 'GJ', zh: '吉焦', en: 'gigajoule', dimensions: ['heat_energy'], exp10: 0 },
  { code: 'MJ', zh: '兆焦', en: 'megajoule', dimensions: ['heat_energy'], exp10: -3 },
  { code: 'tce', zh: '吨标准煤', en: 'tonne of coal equivalent', dimensions: ['tce'], exp10: 0 },
  { code: '10^4 tce', zh: '万吨标准煤', en: '10 000 tce', dimensions: ['tce'], exp10: 4 },
];

/** GJ per tce: 1 kgce = 29 307.6 kJ (GB/T 2589-2020). Used for heat ↔ tce only. */
export const GJ_PER_TCE = 29.3076;

/** An unknown unit, or a unit that does not fit the carrier. */
export class UnitError extends Error {
  constructor(
    message: string,
    readonly unit: string,
    readonly carrier?: string,
  ) {
    super(message);
    this.name = 'UnitError';
  }
}

const BY_CODE = new Map(UNITS.map((u) => [u.code, u]));

/** Normalised spellings of the units that have no 10^4 prefix, mapped to codes. */
const ALIASES: Record<string, string> = {};
const alias = (code: string, names: string[]) => names.forEach((n) => (ALIASES[n] = code));
alias('t', ['t', 'ton', 'tons', 'tonne', 'tonnes', '吨', '公吨']);
alias('kg', ['kg', 'kilogram', 'kilograms', '千克', '公斤']);
alias('m3', ['m3', 'm^3', 'cbm', '立方米', '立方', '方']);
alias('Nm3', ['nm3', 'nm^3', '标准立方米', '标立方米', '标方']);
alias('L', ['l', 'litre', 'litres', 'liter', 'liters', '升', '公升']);
alias('kWh', ['kwh', '千瓦时', '千瓦小时', '度']);
alias('MWh', ['mwh', '兆瓦时']);
alias('GJ', ['gj', '吉焦', '吉焦耳']);
alias('MJ', ['mj', '兆焦', '兆焦耳']);
alias('tce', ['tce', '吨标准煤', '吨标煤']);

/** What a "10^4 ×" prefix turns each base spelling into. */
const TEN_THOUSAND: Record<string, string> = {
  t: '10^4 t',
  m3: '10^4 m3',
  Nm3: '10^4 m3',
  kWh: '10^4 kWh',
  tce: '10^4 tce',
};
const PREFIXES = ['10^4', '10**4', '1e4', '10000', '万'];

function normalise(text: string): string {
  return text
    .replace(/10\s*⁴/g, '10^4')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·⋅.\-_]/g, '');
}

/** Looks a unit up by code or name; undefined when unknown. Lenient with case, spaces and ³/⁴. */
export function tryParseUnit(text: string): UnitDef | undefined {
  const exact = BY_CODE.get(text);
  if (exact) return exact;
  const s = normalise(text);
  if (s === '') return undefined;
  const direct = ALIASES[s] ?? UNITS.find((u) => normalise(u.code) === s)?.code;
  if (direct) return BY_CODE.get(direct);
  for (const p of PREFIXES) {
    if (!s.startsWith(p)) continue;
    const rest = ALIASES[s.slice(p.length)];
    const code = rest ? TEN_THOUSAND[rest] : undefined;
    if (code) return BY_CODE.get(code);
  }
  return undefined;
}

/** Parses a unit code or Chinese name; throws UnitError for an unknown unit. */
export function parseUnit(text: string): UnitDef {
  const u = tryParseUnit(text);
  if (!u) {
    const known = UNITS.map((x) => `${x.code} (${x.zh})`).join(', ');
    throw new UnitError(`Unknown unit "${text}". Known units: ${known}`, text);
  }
  return u;
}

/** Dimensions a carrier's amounts may be given in, derived from its canonical unit. */
export function carrierDimensions(carrier: string): Dimension[] {
  const info = carrierInfo(carrier);
  if (!info) throw new UnitError(`Unknown carrier "${carrier}"`, '', carrier);
  const canonical = parseUnit(info.unit);
  const liquid = densityOf(carrier) !== undefined;
  const primary: Dimension = canonical.dimensions.includes('gas_volume')
    ? 'gas_volume'
    : canonical.dimensions[0];
  const dims: Dimension[] = [primary];
  if (primary === 'mass' && liquid) dims.push('liquid_volume');
  if (primary === 'heat_energy') dims.push('tce');
  return dims;
}

/** Codes of the units a carrier accepts. */
export function acceptedUnits(carrier: string): string[] {
  const dims = carrierDimensions(carrier);
  return UNITS.filter((u) => u.dimensions.some((d) => dims.includes(d))).map((u) => u.code);
}

/** The dimension `unit` measures for `carrier`; throws UnitError when it does not fit. */
export function unitDimension(unit: string | UnitDef, carrier: string): Dimension {
  const u = typeof unit === 'string' ? parseUnit(unit) : unit;
  const dims = carrierDimensions(carrier);
  const d = u.dimensions.find((x) => dims.includes(x));
  if (d) return d;
  const info = carrierInfo(carrier)!;
  throw new UnitError(
    `Unit "${u.code}" (${DIMENSION_LABELS[u.dimensions[0]]}) does not fit carrier ${carrier} (${info.zh}), ` +
      `measured in ${info.unit}; accepted units: ${acceptedUnits(carrier).join(', ')}`,
    u.code,
    carrier,
  );
}

/** Scales by 10^k with a single correctly rounded operation. */
function scale10(x: number, k: number): number {
  if (k === 0) return x;
  return k > 0 ? x * 10 ** k : x / 10 ** -k;
}

/**
 * Converts `amount` from one unit to another. With a carrier, units must fit it and mass ↔ liquid
 * volume (through the fuel's density) and heat ↔ tce (29.3076 GJ/tce) are allowed; without one, both
 * units must share a dimension.
 */
export function convert(amount: number, fromUnit: string, toUnit: string, carrier?: string): number {
  const from = parseUnit(fromUnit);
  const to = parseUnit(toUnit);
  if (from === to) return amount;
  let df: Dimension;
  let dt: Dimension;
  if (carrier !== undefined) {
    df = unitDimension(from, carrier);
    dt = unitDimension(to, carrier);
  } else {
    const shared = from.dimensions.find((d) => to.dimensions.includes(d));
    if (!shared) {
      throw new UnitError(
        `Cannot convert ${from.code} (${DIMENSION_LABELS[from.dimensions[0]]}) to ${to.code} ` +
          `(${DIMENSION_LABELS[to.dimensions[0]]}) without a carrier`,
        from.code,
      );
    }
    df = dt = shared;
  }
  if (df === dt) return scale10(amount, from.exp10 - to.exp10);
  const base = scale10(amount, from.exp10);
  let converted: number;
  if (df === 'liquid_volume' && dt === 'mass') converted = base * densityOf(carrier!)!.t_per_m3;
  else if (df === 'mass' && dt === 'liquid_volume') converted = base / densityOf(carrier!)!.t_per_m3;
  else if (df === 'tce' && dt === 'heat_energy') converted = base * GJ_PER_TCE;
  else if (df === 'heat_energy' && dt === 'tce') converted = base / GJ_PER_TCE;
  else throw new UnitError(`Cannot convert ${from.code} to ${to.code} for ${carrier}`, from.code, carrier);
  return scale10(converted, -to.exp10);
}
