/**
 * A product for a carbon footprint (GB/T 24067-2024 / ISO 14067:2018): its functional unit, system
 * boundary, and one bill-of-materials line per input (materials, process energy, inbound transport,
 * packaging, optional end of life), each a quantity per functional unit in any supported unit.
 */
import type { UserFactorInput } from './factors';

export const STAGES = ['materials', 'energy', 'transport', 'packaging', 'end_of_life'] as const;
export type Stage = (typeof STAGES)[number];

/** Cradle-to-gate (default), or cradle-to-gate plus the end-of-life lines. */
export const BOUNDARIES = ['cradle_to_gate', 'cradle_to_gate_eol'] as const;
export type Boundary = (typeof BOUNDARIES)[number];

/** How the enterprise's metered energy is shared out to this product. */
export const ALLOCATION_METHODS = ['mass', 'output_value', 'user_share'] as const;
export type AllocationMethod = (typeof ALLOCATION_METHODS)[number];

export interface Allocation {
  method: AllocationMethod;
  /** Share of the enterprise's metered energy that belongs to this product, 0–1. */
  share: number;
  /** Functional units of this product made over the metering period. */
  units_per_period: number;
}

export interface BomLine {
  /** Stable id: a variant keeps its lines' ids, so paired sampling draws the same numbers for them. */
  id: string;
  stage: Stage;
  /** Factor id or name. */
  input: string;
  /** Per functional unit, in `unit` (ignored when `freight` or `metered` gives it). */
  quantity: number;
  unit: string;
  origin?: string;
  /** Five pedigree digits of the line's own data ("12321"); empty: basic uncertainty only. */
  pedigree?: string;
  /** Inbound transport: mass moved per functional unit and distance; t·km = t × km. */
  freight?: { mass_kg: number; distance_km: number };
  /** Process energy metered for the enterprise over the period, in `unit`, shared out by the product's allocation. */
  metered?: { amount: number };
  note?: string;
}

export interface Product {
  id: string;
  name_zh: string;
  name_en: string;
  functional_unit_zh: string;
  functional_unit_en: string;
  boundary: Boundary;
  allocation?: Allocation;
  lines: BomLine[];
  /** The user's own factors, used before the library's. */
  factors?: UserFactorInput[];
  /** Id of the product this one was copied from. */
  variant_of?: string;
}

/** Quantity per functional unit in the line's unit (freight → t·km; metered → its allocated share). */
export function lineQuantity(line: BomLine, allocation: Allocation | undefined): number {
  if (line.freight) return (line.freight.mass_kg / 1000) * line.freight.distance_km;
  if (line.metered && allocation)
    return (line.metered.amount * allocation.share) / allocation.units_per_period;
  return line.quantity;
}

/** A copy with a new id and name; lines keep their ids (paired sampling). */
export function copyProduct(p: Product, id: string, suffixZh: string, suffixEn: string): Product {
  // A JSON round trip: plain data even when `p` is a reactive proxy.
  const copy = JSON.parse(JSON.stringify(p)) as Product;
  return {
    ...copy,
    id,
    name_zh: `${p.name_zh}${suffixZh}`,
    name_en: `${p.name_en}${suffixEn}`,
    variant_of: p.id,
  };
}
