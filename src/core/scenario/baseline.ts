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
}

export interface ParkBaseline {
  datasetId: string;
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
