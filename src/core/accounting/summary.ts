/**
 * Aggregation of inventory lines: per enterprise and year (GB/T 32150-2015 boundary of one
 * enterprise), and per park and year without double counting steam the park's own CHP sells inside
 * the park (docs/accounting.md, "Park totals"). The SQL in src/data/sql/inventory-sql.ts mirrors it.
 */
import type { InventoryLine, InventorySummary } from './types';

const key = (l: { enterprise_id: string; year: number }) => `${l.enterprise_id}\u0000${l.year}`;

/**
 * Sums lines by enterprise and year, sorted by enterprise id then year. total = scope1 + scope2 − deduction.
 * The lines are read once, in order (an array, or lines made as they are read: accountColumns).
 */
export function summarizeInventory(lines: Iterable<InventoryLine>): InventorySummary[] {
  const groups = new Map<string, InventorySummary>();
  for (const l of lines) {
    let s = groups.get(key(l));
    if (!s) {
      s = {
        enterprise_id: l.enterprise_id,
        year: l.year,
        energy_tce: 0,
        electricity_tce: 0,
        renewable_tce: 0,
        scope1_tco2: 0,
        process_tco2: 0,
        scope2_tco2: 0,
        heat_in_park_tco2: 0,
        deduction_tco2: 0,
        total_tco2: 0,
        biogenic_tco2: 0,
      };
      groups.set(key(l), s);
    }
    s.energy_tce += l.energy_tce;
    if (l.kind === 'electricity' || l.kind === 'renewable') s.electricity_tce += l.energy_tce;
    if (l.carrier === 'green_electricity' || l.kind === 'renewable') s.renewable_tce += l.energy_tce;
    s.scope1_tco2 += l.scope1_tco2;
    if (l.kind === 'process') s.process_tco2 += l.scope1_tco2;
    s.scope2_tco2 += l.scope2_tco2;
    if (l.carrier === 'heat_in_park') s.heat_in_park_tco2 += l.scope2_tco2;
    s.deduction_tco2 += l.deduction_tco2;
    s.biogenic_tco2 += l.biogenic_tco2;
  }
  const out = [...groups.values()];
  for (const s of out) s.total_tco2 = s.scope1_tco2 + s.scope2_tco2 - s.deduction_tco2;
  return out.sort((a, b) =>
    a.enterprise_id < b.enterprise_id ? -1 : a.enterprise_id > b.enterprise_id ? 1 : a.year - b.year,
  );
}

/** Park (or sector) figures for one year; see parkTotals. */
export interface ParkFigures {
  energy_tce: number;
  scope1_tco2: number;
  /** Scope 2 without heat_in_park (that steam is already in the CHP's Scope 1). */
  scope2_tco2: number;
  /** Exported electricity, plus the share of exported heat that leaves the park. */
  deduction_tco2: number;
  /** scope1 + scope2 − deduction. */
  total_tco2: number;
  biogenic_tco2: number;
}

export interface ParkYearTotal extends ParkFigures {
  year: number;
  /** Steam bought from the park CHP (GJ) and the Scope 2 left out for it. */
  heat_in_park_gj: number;
  heat_in_park_excluded_tco2: number;
  /** Heat delivered by park enterprises (GJ) and the part of it that leaves the park. */
  heat_export_gj: number;
  heat_leaving_park_gj: number;
  /** Present when a sector map was given; the sectors add up to the park figures. */
  by_sector?: (ParkFigures & { sector: string })[];
  warnings: string[];
}

interface Acc {
  other_energy: number;
  heat_export_energy: number;
  scope1: number;
  scope2: number;
  elec_deduction: number;
  heat_export_deduction: number;
  biogenic: number;
}

const emptyAcc = (): Acc => ({
  other_energy: 0,
  heat_export_energy: 0,
  scope1: 0,
  scope2: 0,
  elec_deduction: 0,
  heat_export_deduction: 0,
  biogenic: 0,
});

function add(a: Acc, l: InventoryLine): void {
  if (l.carrier === 'heat_export') {
    a.heat_export_energy += l.energy_tce;
    a.heat_export_deduction += l.deduction_tco2;
  } else if (l.carrier !== 'heat_in_park') {
    a.other_energy += l.energy_tce;
    a.elec_deduction += l.deduction_tco2;
    a.scope2 += l.scope2_tco2;
  }
  a.scope1 += l.scope1_tco2;
  a.biogenic += l.biogenic_tco2;
}

/** Figures of an accumulator, where `ratio` is the share of exported heat that leaves the park. */
function figures(a: Acc, ratio: number): ParkFigures {
  const energy_tce = a.other_energy + a.heat_export_energy * ratio;
  const deduction_tco2 = a.elec_deduction + a.heat_export_deduction * ratio;
  return {
    energy_tce,
    scope1_tco2: a.scope1,
    scope2_tco2: a.scope2,
    deduction_tco2,
    total_tco2: a.scope1 + a.scope2 - deduction_tco2,
    biogenic_tco2: a.biogenic,
  };
}

/**
 * Park totals by year, the park treated as one organisation (GB/T 32150-2015 applied to its boundary):
 * Scope 1 of every enterprise, the CHP included; Scope 2 of every enterprise except steam bought from
 * the park's CHP (heat_in_park), whose emissions are the CHP's Scope 1 already; minus electricity
 * exported by park enterprises (it leaves the park to the grid) and minus the share of exported heat
 * that leaves the park, heat_leaving = max(0, Σ heat_export − Σ heat_in_park) GJ, deducted pro rata
 * of the exporters' heat_export deductions. Energy (tce) follows the same boundary. With a sector
 * map (enterprise id → sector), figures are also split by sector and add up to the park's.
 */
export function parkTotals(
  lines: Iterable<InventoryLine>,
  enterprisesSectors?: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
): ParkYearTotal[] {
  const park = new ParkTotals(enterprisesSectors);
  for (const l of lines) park.add(l);
  return park.totals();
}

/**
 * parkTotals one line at a time, so lines made as they are read need not be kept: `add` every line,
 * then `totals()`. The sums are made in the order the lines come, as parkTotals makes them.
 */
export class ParkTotals {
  private readonly years = new Map<
    number,
    { acc: Acc; sectors: Map<string, Acc>; hip_gj: number; hip_tco2: number; hx_gj: number }
  >();

  constructor(
    private readonly enterprisesSectors?: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
  ) {}

  private sectorOf(id: string): string {
    const m = this.enterprisesSectors;
    return (
      (m instanceof Map ? m.get(id) : (m as Readonly<Record<string, string>> | undefined)?.[id]) ?? 'unknown'
    );
  }

  add(l: InventoryLine): void {
    let y = this.years.get(l.year);
    if (!y) {
      y = { acc: emptyAcc(), sectors: new Map(), hip_gj: 0, hip_tco2: 0, hx_gj: 0 };
      this.years.set(l.year, y);
    }
    add(y.acc, l);
    if (this.enterprisesSectors) {
      const s = this.sectorOf(l.enterprise_id);
      if (!y.sectors.has(s)) y.sectors.set(s, emptyAcc());
      add(y.sectors.get(s)!, l);
    }
    if (l.carrier === 'heat_in_park') {
      y.hip_gj += l.amount_canonical;
      y.hip_tco2 += l.scope2_tco2;
    }
    if (l.carrier === 'heat_export') y.hx_gj += l.amount_canonical;
  }

  totals(): ParkYearTotal[] {
    const out: ParkYearTotal[] = [];
    for (const [year, y] of [...this.years].sort((a, b) => a[0] - b[0])) {
      const leaving = Math.max(y.hx_gj - y.hip_gj, 0);
      const ratio = y.hx_gj > 0 ? leaving / y.hx_gj : 0;
      const warnings: string[] = [];
      if (y.hip_gj > y.hx_gj) {
        warnings.push(
          `${year}: enterprises bought ${y.hip_gj} GJ of park CHP steam (heat_in_park) but park enterprises reported ` +
            `only ${y.hx_gj} GJ of heat_export; check the CHP's data`,
        );
      }
      const total: ParkYearTotal = {
        year,
        ...figures(y.acc, ratio),
        heat_in_park_gj: y.hip_gj,
        heat_in_park_excluded_tco2: y.hip_tco2,
        heat_export_gj: y.hx_gj,
        heat_leaving_park_gj: leaving,
        warnings,
      };
      if (this.enterprisesSectors) {
        total.by_sector = [...y.sectors]
          .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
          .map(([sector, acc]) => ({ sector, ...figures(acc, ratio) }));
      }
      out.push(total);
    }
    return out;
  }
}
