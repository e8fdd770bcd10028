/**
 * The park baseline the scenario model starts from: the latest year's activity by sector × carrier in
 * canonical units, output value by sector, and per-carrier coefficients taken from the accounting
 * engine (`carrierCoefficients` in src/core/accounting), never a second copy of the factors.
 *
 * Boundary (the park's own terms, as parkTotals in src/core/accounting/summary.ts): Scope 1 of every
 * enterprise, the CHP plant included; Scope 2 of purchases except steam from the park's CHP
 * (heat_in_park, already the CHP's Scope 1); exported electricity deducted; exported heat deducted
 * only for the part that leaves the park, max(0, Σ heat_export − Σ heat_in_park), pro rata. The
 * baseline stores heat_export as that leaving part, so every carrier then has one coefficient.
 */
import { CARRIERS, carrierInfo, type CarrierKind } from '../carriers';
import { SECTORS } from '../sectors';
import type { Scope2Method } from './schema';

/** Per-unit coefficients of a carrier in its canonical unit; the accounting engine's shape fits. */
export interface CarrierCoefficients {
  unit: string;
  kind: CarrierKind;
  /** Coal equivalent per unit; negative for exports (energy delivered to others). */
  tcePerUnit: number;
  scope1Tco2PerUnit: number;
  scope2Tco2PerUnit: number;
  /** CO2 deducted per unit exported (GB/T 32150-2015); absent or 0 for other kinds. */
  deductionTco2PerUnit?: number;
  biogenicTco2PerUnit: number;
}

/** Park-level history for intensity comparisons with years before the base year (e.g. 2020). */
export interface BaselineHistory {
  years: number[];
  totalTco2: number[];
  energyTce: number[];
  /** Output value, 10^4 CNY. */
  outputValue: number[];
  /** Renewable energy within energyTce (green and PV electricity, biomass), tce; absent in older data. */
  renewableTce?: number[];
}

/**
 * The park's rooftop-PV stock in the base year, from which the unused rooftop potential is estimated
 * (`rooftopPotentialMw`).
 */
export interface RooftopStock {
  /** Enterprises with activity data in the base year (the roofs of the park). */
  enterprises: number;
  /** Of those, enterprises with rooftop PV. */
  pvEnterprises: number;
  /** Their installed capacity, MWp. */
  pvMw: number;
  /** `pv_installations` (commissioned up to the base year), or base-year PV generation ÷ 1,000 h. */
  source: 'installations' | 'generation';
}

/**
 * MWp an enterprise roof takes when the park has no PV yet to learn from: ≈ 10,000 m² of usable
 * factory roof at ≈ 100 Wp/m² (our judgement; the bundled parks' adopters average 1.0–1.5 MWp).
 */
const DEFAULT_ROOF_MW = 1;
/** Full-load hours used to estimate installed MWp from PV generation when the park lists no installations. */
const PV_STOCK_HOURS = 1000;

/**
 * The park's unused rooftop-PV potential, MWp: every enterprise without PV taking the average array of
 * the park's enterprises with PV (DEFAULT_ROOF_MW each when none has any). 0 without rooftop data.
 */
export function rooftopPotentialMw(b: Pick<ParkBaseline, 'rooftop'>): number {
  const r = b.rooftop;
  if (!r) return 0;
  const perRoof = r.pvEnterprises > 0 ? r.pvMw / r.pvEnterprises : DEFAULT_ROOF_MW;
  return Math.max(0, r.enterprises - r.pvEnterprises) * perRoof;
}

export interface PvInstallation {
  enterprise_id: string;
  commissioned_year: number;
  capacity_kwp: number;
}

/**
 * The rooftop stock of the base year from the enterprises with activity that year, their PV
 * generation (10^4 kWh, base year) and, when the park lists them, the PV installations (those
 * commissioned up to the base year by enterprises present that year). Without installations, an
 * enterprise with PV generation counts as equipped and capacity is generation ÷ PV_STOCK_HOURS.
 */
export function rooftopStockFrom(
  baseYear: number,
  pvGeneration: ReadonlyMap<string, number>,
  installations?: readonly PvInstallation[],
): RooftopStock {
  const enterprises = pvGeneration.size;
  if (installations) {
    const equipped = new Set<string>();
    let kwp = 0;
    for (const i of installations) {
      if (i.commissioned_year > baseYear || !pvGeneration.has(i.enterprise_id)) continue;
      equipped.add(i.enterprise_id);
      kwp += i.capacity_kwp;
    }
    return { enterprises, pvEnterprises: equipped.size, pvMw: kwp / 1000, source: 'installations' };
  }
  let pvEnterprises = 0;
  let gen = 0;
  for (const g of pvGeneration.values()) {
    if (g > 0) pvEnterprises++;
    gen += g;
  }
  // 10^4 kWh × 10 MWh/10^4 kWh ÷ h = MW
  return { enterprises, pvEnterprises, pvMw: (gen * 10) / PV_STOCK_HOURS, source: 'generation' };
}

/**
 * The added-capacity points (MW by year) of a rooftop-PV lever on a park with `demandGwh` of base-year
 * electricity use and `potentialMw` of unused rooftop potential.
 */
export function pvCapacityPoints(
  pv: {
    capacity_mw?: { year: number; mw: number }[];
    capacity_mw_per_gwh?: { year: number; mw: number }[];
    potential_share?: { year: number; share: number }[];
  },
  demandGwh: number,
  potentialMw: number,
): { year: number; mw: number }[] {
  if (pv.capacity_mw) return pv.capacity_mw;
  if (pv.potential_share) return pv.potential_share.map((p) => ({ year: p.year, mw: p.share * potentialMw }));
  return (pv.capacity_mw_per_gwh ?? []).map((p) => ({ year: p.year, mw: p.mw * demandGwh }));
}

export interface ParkBaseline {
  datasetId: string;
  /**
   * Scope-2 method of the coefficients and the history (the scenario's `accounting.scope2` must match;
   * compileScenario checks). Absent: not recorded (hand-made baselines in tests).
   */
  scope2?: Scope2Method;
  /** Rooftop-PV stock, for levers given as a share of the rooftop potential. */
  rooftop?: RooftopStock;
  /** Base year: the latest year of data. */
  year: number;
  sectors: string[];
  carriers: string[];
  kinds: CarrierKind[];
  /** Activity [s * carriers.length + c] in canonical units; heat_export is the part leaving the park. */
  activity: Float64Array;
  /** Output value by sector, 10^4 CNY. */
  output: Float64Array;
  /** tce per unit, signed (exports negative); 0 for heat_in_park (outside the park boundary). */
  tcePerUnit: Float64Array;
  /** tCO2 per unit counted in the park total: scope1 + scope2 − deduction; 0 for heat_in_park. */
  tco2PerUnit: Float64Array;
  greenSpaceHa: number;
  wetlandHa: number;
  history?: BaselineHistory;
  notes: string[];
}

export interface BaselineRow {
  sector: string;
  carrier: string;
  /** In the carrier's canonical unit (src/core/carriers.ts). */
  amount: number;
}

export interface BaselineMeta {
  datasetId: string;
  year: number;
  scope2?: Scope2Method;
  rooftop?: RooftopStock;
  greenSpaceHa?: number;
  wetlandHa?: number;
  history?: BaselineHistory;
}

/** Carriers the levers can create even where the base year has none. */
const ALWAYS = new Set(['natural_gas', 'electricity', 'green_electricity', 'pv_electricity']);

function sectorOrder(codes: Iterable<string>): string[] {
  const known = SECTORS.map((s) => s.code as string);
  const set = new Set(codes);
  const others = [...set].filter((c) => !known.includes(c)).sort();
  return [...known.filter((c) => set.has(c)), ...others];
}

/**
 * Builds the baseline from base-year rows (summed per sector × carrier), output value by sector and the
 * coefficient function (the lead passes `(c) => carrierCoefficients(lib, c, options, year)`).
 */
export function baselineFromRows(
  rows: readonly BaselineRow[],
  outputBySector: Readonly<Record<string, number>>,
  coefficients: (carrier: string) => CarrierCoefficients,
  meta: BaselineMeta,
): ParkBaseline {
  for (const r of rows) {
    if (!carrierInfo(r.carrier)) throw new Error(`Unknown carrier "${r.carrier}" in the baseline rows`);
    if (!Number.isFinite(r.amount) || r.amount < 0) {
      throw new Error(`Baseline amount of ${r.sector}/${r.carrier} must be a number ≥ 0, got ${r.amount}`);
    }
  }
  const sectors = sectorOrder([...rows.map((r) => r.sector), ...Object.keys(outputBySector)]);
  const present = new Set(rows.map((r) => r.carrier));
  const carriers = CARRIERS.map((c) => c.code as string).filter((c) => present.has(c) || ALWAYS.has(c));
  const nC = carriers.length;
  const activity = new Float64Array(sectors.length * nC);
  for (const r of rows) activity[sectors.indexOf(r.sector) * nC + carriers.indexOf(r.carrier)] += r.amount;

  const notes: string[] = [];
  const kinds: CarrierKind[] = [];
  const tcePerUnit = new Float64Array(nC);
  const tco2PerUnit = new Float64Array(nC);
  carriers.forEach((code, c) => {
    const k = coefficients(code);
    const info = carrierInfo(code)!;
    if (k.unit !== info.unit) {
      throw new Error(`Coefficients of ${code} are per ${k.unit}, but the baseline is in ${info.unit}`);
    }
    kinds.push(info.kind);
    if (code === 'heat_in_park') return; // inside the park: the CHP's fuel is counted instead
    tcePerUnit[c] = k.tcePerUnit;
    tco2PerUnit[c] = k.scope1Tco2PerUnit + k.scope2Tco2PerUnit - (k.deductionTco2PerUnit ?? 0);
  });

  // Heat exported to park enterprises stays inside: keep only the part leaving the park, pro rata.
  const hx = carriers.indexOf('heat_export');
  const hip = carriers.indexOf('heat_in_park');
  if (hx >= 0) {
    let exported = 0;
    let bought = 0;
    for (let s = 0; s < sectors.length; s++) {
      exported += activity[s * nC + hx];
      if (hip >= 0) bought += activity[s * nC + hip];
    }
    const ratio = exported > 0 ? Math.max(exported - bought, 0) / exported : 0;
    for (let s = 0; s < sectors.length; s++) activity[s * nC + hx] *= ratio;
    if (bought > exported) notes.push(`heat_in_park (${bought} GJ) exceeds heat_export (${exported} GJ)`);
  }

  return {
    datasetId: meta.datasetId,
    ...(meta.scope2 ? { scope2: meta.scope2 } : {}),
    ...(meta.rooftop ? { rooftop: { ...meta.rooftop } } : {}),
    year: meta.year,
    sectors,
    carriers,
    kinds,
    activity,
    output: Float64Array.from(sectors, (s) => outputBySector[s] ?? 0),
    tcePerUnit,
    tco2PerUnit,
    greenSpaceHa: meta.greenSpaceHa ?? 0,
    wetlandHa: meta.wetlandHa ?? 0,
    history: meta.history,
    notes,
  };
}

/** Base-year totals of a baseline: park tCO2 (scope 1 + 2 per the boundary), tce, by sector. */
export function baselineTotals(b: ParkBaseline): {
  totalTco2: number;
  energyTce: number;
  bySector: Float64Array;
} {
  const nC = b.carriers.length;
  const bySector = new Float64Array(b.sectors.length);
  let totalTco2 = 0;
  let energyTce = 0;
  for (let s = 0; s < b.sectors.length; s++) {
    for (let c = 0; c < nC; c++) {
      const a = b.activity[s * nC + c];
      bySector[s] += a * b.tco2PerUnit[c];
      energyTce += a * b.tcePerUnit[c];
    }
    totalTco2 += bySector[s];
  }
  return { totalTco2, energyTce, bySector };
}
