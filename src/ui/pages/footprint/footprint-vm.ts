/**
 * View models of the product-footprint page: pure functions from products and a footprint job to what
 * the components show (labels, rows, chart data). No computing of footprints here: that is the core's,
 * in the worker.
 */
import {
  FACTORS,
  STAGES,
  userFactor,
  type FootprintFactor,
  type FootprintJob,
  type FootprintOutcome,
  type Product,
  type Stage,
} from '../../../core/footprint/index';
import type { HotspotRow } from '../../../charts/footprint/hotspots';
import controlBoard from '../../../../datasets/products/control-board.json';
import petBottle from '../../../../datasets/products/pet-bottle.json';
import steelBracket from '../../../../datasets/products/steel-bracket.json';

type Pick = (zh: string, en: string) => string;

/** The bundled sample products (datasets/products), one per sector of the sample park. */
export const SAMPLE_PRODUCTS = [controlBoard, petBottle, steelBracket] as unknown as readonly Product[];

export function sampleProduct(id: string): Product {
  const p = SAMPLE_PRODUCTS.find((x) => x.id === id) ?? SAMPLE_PRODUCTS[0];
  return JSON.parse(JSON.stringify(p)) as Product;
}

export function blankProduct(): Product {
  return {
    id: 'own',
    name_zh: '我的产品',
    name_en: 'My product',
    functional_unit_zh: '1 件产品',
    functional_unit_en: 'one product',
    boundary: 'cradle_to_gate',
    allocation: { method: 'mass', share: 1, units_per_period: 1 },
    lines: [{ id: 'l1', stage: 'materials', input: 'steel', quantity: 1, unit: 'kg' }],
  };
}

/** The factors a product can use: its own first, then the library. */
function productFactors(p: Product): FootprintFactor[] {
  const own = (p.factors ?? []).map(userFactor);
  const ids = new Set(own.map((f) => f.id));
  return [...own, ...FACTORS.filter((f) => !ids.has(f.id))];
}

export function factorName(p: Product, input: string, pick: Pick): string {
  const key = input.trim().toLowerCase();
  const f = productFactors(p).find(
    (x) => x.id.toLowerCase() === key || x.zh === input || x.en.toLowerCase() === key,
  );
  return f ? pick(f.zh, f.en) : input;
}

/** Options for the input select, grouped by category (the product's own factors first). */
export function factorGroups(
  p: Product,
  pick: Pick,
  ownLabel: string,
): { label: string; items: { id: string; label: string }[] }[] {
  const CATEGORY: Record<string, [string, string]> = {
    metal: ['金属', 'Metals'],
    plastic: ['塑料', 'Plastics'],
    material: ['其他材料', 'Other materials'],
    chemical: ['化学品', 'Chemicals'],
    electronics: ['电子元器件', 'Electronics'],
    energy: ['能源', 'Energy'],
    freight: ['货运', 'Freight'],
    end_of_life: ['废弃处置', 'End of life'],
  };
  const groups: { label: string; items: { id: string; label: string }[] }[] = [];
  const own = (p.factors ?? []).map((f) => ({ id: f.id, label: f.id }));
  if (own.length > 0) groups.push({ label: ownLabel, items: own });
  for (const [cat, [zh, en]] of Object.entries(CATEGORY)) {
    const items = FACTORS.filter((f) => f.category === cat && !own.some((o) => o.id === f.id)).map((f) => ({
      id: f.id,
      label: `${pick(f.zh, f.en)} · ${f.unit}`,
    }));
    if (items.length > 0) groups.push({ label: pick(zh, en), items });
  }
  return groups;
}

/** Default unit and input of a new line of a stage. */
export function newLineDefaults(stage: Stage): { input: string; unit: string } {
  const by: Record<Stage, { input: string; unit: string }> = {
    materials: { input: 'steel', unit: 'kg' },
    energy: { input: 'electricity_east', unit: 'kWh' },
    transport: { input: 'road_freight', unit: 'tkm' },
    packaging: { input: 'corrugated_board', unit: 'kg' },
    end_of_life: { input: 'incineration_pp_pe', unit: 'kg' },
  };
  return by[stage];
}

export const STAGE_ORDER: readonly Stage[] = STAGES;

/** Hotspot bars: the largest inputs in the boundary; beyond `limit`, the rest as one bar. */
export function hotspotRows(
  p: Product,
  o: FootprintOutcome,
  pick: Pick,
  otherLabel: string,
  limit = 12,
): HotspotRow[] {
  if (!o.summary) return [];
  const lines = new Map(p.lines.map((l) => [l.id, l]));
  const rows = o.summary.lines
    .filter((l) => l.included)
    .map((l) => {
      const line = lines.get(l.id);
      const name = factorName(p, line?.input ?? l.input, pick);
      return {
        label: line?.origin ? `${name} (${line.origin})` : name,
        stage: line?.stage ?? 'materials',
        kgco2e: l.kgco2e,
        share: l.share,
        p2_5: l.p2_5,
        p97_5: l.p97_5,
        varianceShare: l.varianceShare,
      };
    })
    .sort((a, b) => b.kgco2e - a.kgco2e);
  if (rows.length <= limit) return rows;
  const rest = rows.slice(limit - 1);
  return [
    ...rows.slice(0, limit - 1),
    {
      label: otherLabel,
      stage: 'end_of_life',
      kgco2e: rest.reduce((s, r) => s + r.kgco2e, 0),
      share: rest.reduce((s, r) => s + r.share, 0),
      p2_5: NaN,
      p97_5: NaN,
      varianceShare: rest.reduce((s, r) => s + r.varianceShare, 0),
    },
  ];
}

export interface CompareRow {
  id: string;
  name: string;
  isBase: boolean;
  total: number;
  p2_5: number;
  p97_5: number;
  /** P(this < base) and percentiles of this − base; undefined for the base. */
  pLower?: number;
  diffP2_5?: number;
  diffP97_5?: number;
}

/** Each product of the family against the first (the base), from the job's paired comparisons. */
export function compareRows(family: readonly Product[], job: FootprintJob | null, pick: Pick): CompareRow[] {
  if (!job || family.length === 0) return [];
  const base = family[0].id;
  return family.flatMap((p, i): CompareRow[] => {
    const o = job.outcomes.find((x) => x.id === p.id);
    if (!o?.summary) return [];
    const row: CompareRow = {
      id: p.id,
      name: pick(p.name_zh, p.name_en),
      isBase: i === 0,
      total: o.summary.total_kgco2e,
      p2_5: o.summary.p2_5,
      p97_5: o.summary.p97_5,
    };
    if (i > 0) {
      // Pairs are (earlier, later): P(variant < base) is the pair's P(base > variant).
      const pair = job.pairs.find((x) => x.a === base && x.b === p.id);
      if (pair) {
        row.pLower = pair.pHigher;
        row.diffP2_5 = pair.diffP2_5;
        row.diffP97_5 = pair.diffP97_5;
      }
    }
    return [row];
  });
}

/** A file name from a product name. */
export function fileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\s（）()]+/g, '-').replace(/^-+|-+$/g, '') || 'product';
}

/** Significant-digit formatting of kg CO2e (small products have small footprints). */
export function formatKg(v: number, locale: string): string {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.1 ? 3 : 4;
  return v.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
