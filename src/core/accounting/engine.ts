/**
 * The accounting engine: activity rows in, one inventory line per row out, each with the formula and
 * the factors it used. Standards: GB/T 2589-2020 (coal equivalent), GB/T 32150-2015 (enterprise GHG
 * inventory: combustion, process, purchased and exported electricity/heat), the NDRC 2015 industrial
 * guideline defaults, and MEE/NBS grid factors. The SQL in src/data/sql/inventory-sql.ts mirrors this
 * file operation for operation; keep them in step.
 */
import { carrierInfo, type CarrierKind } from '../carriers';
import { convert } from '../units';
import { AccountingError, type FactorLibrary } from './factor-library';
import {
  factorLabel,
  noteLabel,
  yearNote,
  type FactorKey,
  type GridParams,
  type NoteKey,
} from './explanations';
import { cut, GRID_YEAR_RANGE, RESIDUAL_MIX_MAX, SUPPLIER_HEAT_MAX } from './ranges';
import {
  DEFAULT_OPTIONS,
  type AccountingOptions,
  type ActivityRow,
  type Explanation,
  type FactorUse,
  type InventoryLine,
} from './types';

/** Numbers in explanations: six significant digits. */
const fmt = (x: number): string => String(Number(x.toPrecision(6)));

/** Fills defaults and checks the options; throws AccountingError naming the bad option. */
export function resolveOptions(
  lib: FactorLibrary,
  options: Partial<AccountingOptions> = {},
): AccountingOptions {
  const o: AccountingOptions = { ...DEFAULT_OPTIONS, ...options };
  o.gridRegion = lib.regionCode(o.gridRegion);
  if (o.electricityMethod !== 'equivalent' && o.electricityMethod !== 'equal') {
    throw new AccountingError(
      `electricityMethod must be "equivalent" or "equal", not "${cut(String(o.electricityMethod))}"`,
    );
  }
  if (o.scope2Method !== 'location' && o.scope2Method !== 'market') {
    throw new AccountingError(
      `scope2Method must be "location" or "market", not "${cut(String(o.scope2Method))}"`,
    );
  }
  const [first, last] = GRID_YEAR_RANGE;
  if (
    o.gridYear !== undefined &&
    !(Number.isInteger(o.gridYear) && o.gridYear >= first && o.gridYear <= last)
  ) {
    throw new AccountingError(
      `gridYear (grid year) must be a whole year ${first}–${last}, not ${o.gridYear}`,
    );
  }
  for (const [k, max, unit] of [
    ['residualMixFactor', RESIDUAL_MIX_MAX, 'tCO2/MWh'],
    ['supplierHeatFactor', SUPPLIER_HEAT_MAX, 'tCO2/GJ'],
  ] as const) {
    const v = o[k];
    if (v !== undefined && !(Number.isFinite(v) && v >= 0 && v <= max))
      throw new AccountingError(`${k} must be a number 0–${max} ${unit}, not ${v}`);
  }
  return o;
}

interface Parts {
  energy: number;
  scope1: number;
  scope2: number;
  deduction: number;
  biogenic: number;
  formula: string[];
  factors: FactorUse[];
}

const OVERRIDE_TARGET: Record<CarrierKind, 'scope1' | 'scope2' | 'deduction' | 'biogenic'> = {
  fossil: 'scope1',
  process: 'scope1',
  biomass: 'biogenic',
  electricity: 'scope2',
  heat: 'scope2',
  renewable: 'scope2',
  export: 'deduction',
};

function energyPart(
  p: Parts,
  row: ActivityRow,
  amount: number,
  lib: FactorLibrary,
  o: AccountingOptions,
): void {
  const ef = lib.emission(row.carrier);
  const sign = ef.kind === 'export' ? -1 : 1;
  const minus = sign < 0 ? '−' : '';
  const ov = lib.override(row.carrier);
  if (ov && ov.tce_per_unit !== null) {
    const a = convert(row.amount, row.unit, ov.unit, row.carrier);
    p.energy = a * ov.tce_per_unit * sign;
    p.factors.push(
      factor(
        'coal_equivalent',
        { value: ov.tce_per_unit, unit: `tce/${ov.unit}`, source: ov.source ?? 'user factors', year: null },
        { note: 'override' },
      ),
    );
    p.formula.push(
      `energy = ${minus}${fmt(a)} ${ov.unit} × ${fmt(ov.tce_per_unit)} tce/${ov.unit} = ${fmt(p.energy)} tce`,
    );
    return;
  }
  if (o.electricityMethod === 'equal' && lib.hasEqualValue(row.carrier)) {
    const eq = lib.equalValue(row.carrier, row.year);
    p.energy = amount * eq.value * sign;
    p.factors.push(
      factor(
        'coal_equivalent_equal',
        { value: eq.value, unit: `tce/${ef.unit}`, source: eq.source, year: eq.year },
        resolvedNote(eq),
      ),
    );
    p.formula.push(
      `energy = ${minus}${fmt(amount)} ${ef.unit} × ${fmt(eq.value)} tce/${ef.unit} (equal value, ${eq.year}) = ${fmt(p.energy)} tce`,
    );
    return;
  }
  if (ef.tce_per_unit === 0) return;
  const ce = lib.coalEquivalent(row.carrier)!;
  p.energy = amount * ef.tce_per_unit * sign;
  const method = ce.method === 'equivalent' ? ' (equivalent value)' : '';
  p.factors.push(
    factor(ce.method === 'equivalent' ? 'coal_equivalent_equivalent' : 'coal_equivalent', {
      value: ce.kgce_per_unit,
      unit: `kgce/${ce.per_unit}`,
      source: ce.source,
      year: ce.source_year,
    }),
  );
  p.formula.push(
    `energy = ${minus}${fmt(amount)} ${ef.unit} × ${fmt(ef.tce_per_unit)} tce/${ef.unit}${method} = ${fmt(p.energy)} tce`,
  );
}

/** A factor of an explanation: its English name and note from the keys (explanations.ts). */
function factor(
  key: FactorKey,
  fields: Pick<FactorUse, 'value' | 'unit' | 'source' | 'year'>,
  opts: { grid?: GridParams; note?: NoteKey; years?: { asked: number; used: number } } = {},
): FactorUse {
  return {
    key,
    name: factorLabel(key, 'en', opts.grid),
    ...fields,
    ...(opts.grid ? { grid: opts.grid } : {}),
    ...(opts.note
      ? {
          noteKey: opts.note,
          note: noteLabel(opts.note, 'en', opts.years),
          ...(opts.years ? { noteYears: opts.years } : {}),
        }
      : {}),
  };
}

/** The year-fallback note of a resolved value, if another year than the one asked for was used. */
function resolvedNote(r: { year: number; requestedYear: number }): {
  note?: NoteKey;
  years?: { asked: number; used: number };
} {
  const note = yearNote(r.requestedYear, r.year);
  return note ? { note, years: { asked: r.requestedYear, used: r.year } } : {};
}

function emissionPart(
  p: Parts,
  row: ActivityRow,
  amount: number,
  lib: FactorLibrary,
  o: AccountingOptions,
): void {
  const ef = lib.emission(row.carrier);
  const ov = lib.override(row.carrier);
  const AD = `${fmt(amount)} ${ef.unit}`;
  if (ov && ov.tco2_per_unit !== null) {
    const a = convert(row.amount, row.unit, ov.unit, row.carrier);
    const target = OVERRIDE_TARGET[ef.kind];
    p[target] = a * ov.tco2_per_unit;
    p.factors.push(
      factor(
        'co2_factor',
        { value: ov.tco2_per_unit, unit: `tCO2/${ov.unit}`, source: ov.source ?? 'user factors', year: null },
        { note: 'override' },
      ),
    );
    p.formula.push(
      `${target} = ${fmt(a)} ${ov.unit} × ${fmt(ov.tco2_per_unit)} tCO2/${ov.unit} = ${fmt(p[target])} tCO2`,
    );
    return;
  }
  const targetYear = o.gridYear ?? row.year;
  switch (ef.kind) {
    case 'fossil':
    case 'biomass': {
      const f = lib.fuel(row.carrier)!;
      const value = amount * (ef.kind === 'fossil' ? ef.scope1_tco2_per_unit : ef.biogenic_tco2_per_unit);
      if (ef.kind === 'fossil') p.scope1 = value;
      else p.biogenic = value;
      const src = { source: f.source, year: f.source_year };
      p.factors.push(
        factor('ncv', { value: f.ncv, unit: f.ncv_unit, ...src }),
        factor('carbon_content', { value: f.carbon_tc_per_tj, unit: 'tC/TJ', ...src }),
        factor('oxidation', { value: f.oxidation, unit: '', ...src }),
      );
      const label = ef.kind === 'fossil' ? 'scope1' : 'biogenic (outside total)';
      p.formula.push(
        `${label} = AD × NCV × CC × OF × 44/12 = ${AD} × ${fmt(f.ncv)} ${f.ncv_unit} × ${fmt(f.carbon_tc_per_tj)} tC/TJ ÷ 1000 ` +
          `× ${fmt(f.oxidation)} × 44/12 = ${AD} × ${fmt(f.tco2_per_unit)} tCO2/${ef.unit} = ${fmt(value)} tCO2 (GB/T 32150-2015)`,
      );
      return;
    }
    case 'process':
      p.scope1 = amount * ef.scope1_tco2_per_unit;
      p.formula.push(
        `scope1 (process) = ${AD} CO2 reported directly = ${fmt(p.scope1)} tCO2 (GB/T 32150-2015)`,
      );
      return;
    case 'renewable':
      p.formula.push('scope2 = 0: self-generated, self-consumed PV has no emissions');
      return;
    case 'heat': {
      const supplier = o.supplierHeatFactor;
      const h = lib.heat(row.carrier)!;
      const heatFactor = supplier ?? ef.scope2_tco2_per_unit!;
      p.scope2 = amount * heatFactor;
      p.factors.push(
        supplier === undefined
          ? factor('heat_factor', {
              value: heatFactor,
              unit: 'tCO2/GJ',
              source: h.source,
              year: h.source_year,
            })
          : factor(
              'heat_factor',
              { value: heatFactor, unit: 'tCO2/GJ', source: 'supplier', year: null },
              { note: 'option' },
            ),
      );
      p.formula.push(`scope2 = ${AD} × ${fmt(heatFactor)} tCO2/GJ = ${fmt(p.scope2)} tCO2`);
      return;
    }
    case 'electricity':
      if (o.scope2Method === 'market') return marketElectricity(p, row, amount, lib, o, targetYear);
      return gridPriced(p, 'scope2', amount, lib, o, targetYear, row.carrier);
    case 'export':
      if (ef.grid_mwh_per_unit > 0)
        return gridPriced(p, 'deduction', amount, lib, o, targetYear, row.carrier);
      {
        const h = lib.heat(row.carrier)!;
        p.deduction = amount * ef.deduction_tco2_per_unit!;
        p.factors.push(
          factor('heat_factor', {
            value: h.tco2_per_gj,
            unit: 'tCO2/GJ',
            source: h.source,
            year: h.source_year,
          }),
        );
        p.formula.push(
          `deduction = ${AD} × ${fmt(h.tco2_per_gj)} tCO2/GJ = ${fmt(p.deduction)} tCO2 (GB/T 32150-2015)`,
        );
      }
      return;
  }
}

function gridPriced(
  p: Parts,
  target: 'scope2' | 'deduction',
  amount: number,
  lib: FactorLibrary,
  o: AccountingOptions,
  year: number,
  carrier: string,
): void {
  const ef = lib.emission(carrier);
  const g = lib.gridFactor(o.gridRegion, year);
  p[target] = amount * ef.grid_mwh_per_unit * g.value;
  p.factors.push(
    factor(
      'grid_factor',
      { value: g.value, unit: 'tCO2/MWh', source: g.source, year: g.year },
      { grid: { region: g.region, type: g.factorType }, ...resolvedNote(g) },
    ),
  );
  p.formula.push(
    `${target} = ${fmt(amount)} ${ef.unit} × ${ef.grid_mwh_per_unit} MWh/${ef.unit} × ${fmt(g.value)} tCO2/MWh ` +
      `(${g.region} ${g.year}) = ${fmt(p[target])} tCO2`,
  );
}

function marketElectricity(
  p: Parts,
  row: ActivityRow,
  amount: number,
  lib: FactorLibrary,
  o: AccountingOptions,
  year: number,
): void {
  const ef = lib.emission(row.carrier);
  if (row.carrier === 'green_electricity') {
    p.formula.push('scope2 = 0: green power purchase / certificates (market-based)');
    return;
  }
  const r = lib.residualFactor(year);
  const residual = o.residualMixFactor ?? r.value;
  p.scope2 = amount * ef.grid_mwh_per_unit * residual;
  p.factors.push(
    o.residualMixFactor === undefined
      ? factor(
          'residual_mix_factor',
          { value: residual, unit: 'tCO2/MWh', source: r.source, year: r.year },
          resolvedNote(r),
        )
      : factor(
          'residual_mix_factor',
          { value: residual, unit: 'tCO2/MWh', source: 'option', year: null },
          { note: 'option' },
        ),
  );
  p.formula.push(
    `scope2 = ${fmt(amount)} ${ef.unit} × ${ef.grid_mwh_per_unit} MWh/${ef.unit} × ${fmt(residual)} tCO2/MWh (residual mix) = ${fmt(p.scope2)} tCO2`,
  );
}

/** Accounts one row; throws UnitError / AccountingError for a bad carrier, unit or option. */
function accountRow(row: ActivityRow, lib: FactorLibrary, o: AccountingOptions): InventoryLine {
  const info = carrierInfo(row.carrier);
  if (!info) throw new AccountingError(`Unknown carrier "${cut(row.carrier)}"`);
  const ef = lib.emission(row.carrier);
  const amount = convert(row.amount, row.unit, ef.unit, row.carrier);
  const p: Parts = { energy: 0, scope1: 0, scope2: 0, deduction: 0, biogenic: 0, formula: [], factors: [] };
  energyPart(p, row, amount, lib, o);
  emissionPart(p, row, amount, lib, o);
  const explanation: Explanation = { formula: p.formula.join('; '), factors: p.factors };
  return {
    enterprise_id: row.enterprise_id,
    year: row.year,
    carrier: row.carrier,
    kind: ef.kind,
    amount: row.amount,
    unit: row.unit,
    amount_canonical: amount,
    canonical_unit: ef.unit,
    energy_tce: p.energy,
    scope1_tco2: p.scope1,
    scope2_tco2: p.scope2,
    deduction_tco2: p.deduction,
    biogenic_tco2: p.biogenic,
    explanation,
  };
}

/** One inventory line per activity row, in input order. */
export function accountActivity(
  rows: readonly ActivityRow[],
  lib: FactorLibrary,
  options: Partial<AccountingOptions> = {},
): InventoryLine[] {
  const o = resolveOptions(lib, options);
  return rows.map((r) => accountRow(r, lib, o));
}

/** Per-unit coefficients of a carrier in its canonical unit (signed as in inventory lines). */
export interface CarrierCoefficients {
  carrier: string;
  unit: string;
  kind: CarrierKind;
  /** Negative for exports: delivered energy is subtracted. */
  tcePerUnit: number;
  scope1Tco2PerUnit: number;
  scope2Tco2PerUnit: number;
  deductionTco2PerUnit: number;
  biogenicTco2PerUnit: number;
  /** Year the grid and equal-value factors were resolved for. */
  year: number;
  explanation: Explanation;
}

/**
 * The coefficients the engine applies to one canonical unit of a carrier, for the scenario model
 * (so it shares these factors). Year: `year`, else `options.gridYear`, else the region's latest
 * published grid year.
 */
export function carrierCoefficients(
  lib: FactorLibrary,
  carrier: string,
  options: Partial<AccountingOptions> = {},
  year?: number,
): CarrierCoefficients {
  const o = resolveOptions(lib, options);
  const ef = lib.emission(carrier);
  const y = year ?? o.gridYear ?? lib.latestGridYear(o.gridRegion);
  const line = accountRow({ enterprise_id: '', year: y, carrier, amount: 1, unit: ef.unit }, lib, o);
  return {
    carrier,
    unit: ef.unit,
    kind: ef.kind,
    tcePerUnit: line.energy_tce,
    scope1Tco2PerUnit: line.scope1_tco2,
    scope2Tco2PerUnit: line.scope2_tco2,
    deductionTco2PerUnit: line.deduction_tco2,
    biogenicTco2PerUnit: line.biogenic_tco2,
    year: y,
    explanation: line.explanation,
  };
}
