/**
 * Units of a bill of materials: every unit of the accounting engine (src/core/units.ts: mass, volume,
 * energy, tce) plus freight work in t·km and counts in pieces. Conversion between units of one
 * dimension (kg → t, kWh → MWh, kg·km → t·km) goes through the engine's powers of ten.
 */
import { UNITS, UnitError, convert, tryParseUnit } from '../units';

interface ExtraUnit {
  readonly code: string;
  readonly zh: string;
  readonly family: 'freight' | 'count';
  /** Multiple of the family's base unit (t·km, piece). */
  readonly scale: number;
  readonly names: readonly string[];
}

const EXTRA: readonly ExtraUnit[] = [
  {
    code: 'tkm',
    zh: '吨公里',
    family: 'freight',
    scale: 1,
    names: ['tkm', 't·km', 't*km', 't.km', 't-km', 'tonne-km', 'tonne km', '吨公里', '吨·公里', '吨千米'],
  },
  {
    code: 'kgkm',
    zh: '千克公里',
    family: 'freight',
    scale: 1e-3,
    names: ['kgkm', 'kg·km', 'kg*km', '千克公里'],
  },
  {
    code: 'piece',
    zh: '个',
    family: 'count',
    scale: 1,
    names: ['piece', 'pieces', 'pcs', 'pc', 'item', 'items', '个', '件', '只', '片', '套', '台'],
  },
];

/** Grams: not a unit of energy statistics, common in a BOM; converted through kilograms. */
const GRAM = new Set(['g', 'gram', 'grams', '克']);

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
const EXTRA_BY_NAME = new Map(EXTRA.flatMap((u) => u.names.map((n) => [norm(n), u] as const)));

/** The canonical code of a unit (`kg`, `10^4 kWh`, `tkm`, `piece`), or undefined when unknown. */
export function footprintUnitCode(text: string): string | undefined {
  if (GRAM.has(norm(text))) return 'g';
  const extra = EXTRA_BY_NAME.get(norm(text));
  if (extra) return extra.code;
  return tryParseUnit(text)?.code;
}

/** Every unit code a BOM line may use. */
export const FOOTPRINT_UNITS: readonly string[] = [
  'g',
  ...UNITS.map((u) => u.code),
  ...EXTRA.map((u) => u.code),
];

/** Converts between two units of one dimension; throws UnitError when they do not share one. */
export function convertFootprintUnit(amount: number, from: string, to: string): number {
  if (GRAM.has(norm(from))) return convertFootprintUnit(amount / 1000, 'kg', to);
  if (GRAM.has(norm(to))) return convertFootprintUnit(amount, from, 'kg') * 1000;
  const f = EXTRA_BY_NAME.get(norm(from));
  const t = EXTRA_BY_NAME.get(norm(to));
  if (f || t) {
    if (f && t && f.family === t.family) return f.scale === t.scale ? amount : (amount * f.scale) / t.scale;
    throw new UnitError(`Cannot convert ${from} to ${to}: they measure different things`, from);
  }
  return convert(amount, from, to);
}
