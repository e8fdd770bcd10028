/**
 * The production-based (territorial) view of a park, beside the consumption-based net total of
 * parkTotals: what is emitted inside the park's boundary — Scope 1 of every enterprise, the CHP
 * included — with the electricity and heat that cross the boundary kept as memo items, as provincial
 * inventories report them (docs/accounting.md, "Territorial total"). And the enterprises whose own net
 * total is negative: a credit for exports, not a removal of CO2.
 */
import { convert } from '../units';
import { ParkTotals } from './summary';
import type { InventoryLine, InventorySummary } from './types';

/** Energy crossing the park boundary in one direction, and its CO2 as the inventory values it. */
export interface BoundaryFlow {
  /** MWh for electricity, GJ for heat. */
  amount: number;
  tco2: number;
}

export interface TerritorialYear {
  year: number;
  /** Σ Scope 1 (fuel combustion and process) of every enterprise, the CHP included. */
  territorial_tco2: number;
  /** The consumption-based net total of parkTotals (territorial + imports − exports). */
  net_tco2: number;
  /** Memo items: grid and green electricity bought (market-based green power counts 0 t). */
  electricity_import: BoundaryFlow;
  /** Heat bought from outside the park (steam of the park's own CHP is inside the boundary). */
  heat_import: BoundaryFlow;
  /** Electricity delivered to the grid, at the factor it is deducted with. */
  electricity_export: BoundaryFlow;
  /** Exported heat that leaves the park (what park enterprises do not buy back). */
  heat_export: BoundaryFlow;
  /** Biomass CO2, outside both totals. */
  biogenic_tco2: number;
}

const MWH = 'MWh';

/**
 * Territorial totals by year. net = territorial + electricity import + heat import − electricity
 * export − heat export (to rounding): the two views differ only by the memo items.
 */
export function territorialTotals(lines: Iterable<InventoryLine>): TerritorialYear[] {
  const t = new TerritorialTotals();
  for (const l of lines) t.add(l);
  return t.totals();
}

/**
 * territorialTotals one line at a time (a million lines made as they are read need not be kept): `add`
 * every line, then `totals()`. Each sum is made in the order the lines come, as territorialTotals makes it.
 */
export class TerritorialTotals {
  private readonly park = new ParkTotals();
  private readonly years = new Map<number, TerritorialYear & { hx_tco2: number }>();

  add(l: InventoryLine): void {
    this.park.add(l);
    let y = this.years.get(l.year);
    if (!y) {
      y = {
        year: l.year,
        territorial_tco2: 0,
        net_tco2: 0,
        electricity_import: { amount: 0, tco2: 0 },
        heat_import: { amount: 0, tco2: 0 },
        electricity_export: { amount: 0, tco2: 0 },
        heat_export: { amount: 0, tco2: 0 },
        biogenic_tco2: 0,
        hx_tco2: 0,
      };
      this.years.set(l.year, y);
    }
    y.territorial_tco2 += l.scope1_tco2;
    y.biogenic_tco2 += l.biogenic_tco2;
    if (l.kind === 'electricity') {
      y.electricity_import.amount += convert(l.amount_canonical, l.canonical_unit, MWH, l.carrier);
      y.electricity_import.tco2 += l.scope2_tco2;
    } else if (l.carrier === 'heat') {
      y.heat_import.amount += l.amount_canonical;
      y.heat_import.tco2 += l.scope2_tco2;
    } else if (l.carrier === 'electricity_export') {
      y.electricity_export.amount += convert(l.amount_canonical, l.canonical_unit, MWH, l.carrier);
      y.electricity_export.tco2 += l.deduction_tco2;
    } else if (l.carrier === 'heat_export') {
      y.hx_tco2 += l.deduction_tco2;
    }
  }

  totals(): TerritorialYear[] {
    const park = new Map(this.park.totals().map((p) => [p.year, p]));
    return [...this.years.values()]
      .sort((a, b) => a.year - b.year)
      .map(({ hx_tco2, ...y }) => {
        const p = park.get(y.year)!;
        const ratio = p.heat_export_gj > 0 ? p.heat_leaving_park_gj / p.heat_export_gj : 0;
        return {
          ...y,
          net_tco2: p.total_tco2,
          heat_export: { amount: p.heat_leaving_park_gj, tco2: hx_tco2 * ratio },
        };
      });
  }
}

/** An enterprise-year whose net total (Scope 1 + Scope 2 − deductions) is below zero. */
export interface NegativeNet {
  enterprise_id: string;
  year: number;
  scope1_tco2: number;
  deduction_tco2: number;
  total_tco2: number;
}

/**
 * Enterprise-years with a negative net total, largest credit first. Only deductions for exported
 * electricity or heat can make a total negative: such an enterprise still emits its Scope 1 — typically
 * a gas CHP whose power export is credited at the grid average, above its own intensity.
 */
export function negativeNetEnterprises(summaries: readonly InventorySummary[]): NegativeNet[] {
  return summaries
    .filter((s) => s.total_tco2 < 0)
    .map(({ enterprise_id, year, scope1_tco2, deduction_tco2, total_tco2 }) => ({
      enterprise_id,
      year,
      scope1_tco2,
      deduction_tco2,
      total_tco2,
    }))
    .sort((a, b) => a.total_tco2 - b.total_tco2 || a.year - b.year);
}
