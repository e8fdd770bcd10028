/**
 * The factors the engine uses, built from the reference tables (src/core/reference) so the engine and
 * the SQL read the same numbers, plus user overrides (CLI `--factors`).
 */
import { carrierInfo } from '../carriers';
import {
  COAL_EQUIVALENTS,
  EMISSION_FACTORS,
  FUEL_PROPERTIES,
  GRID_FACTORS,
  GRID_REGIONS,
  HEAT_FACTORS,
  LOCATION_TYPES,
  gridRegionCode,
  resolvePublishedYear,
  type CoalEquivalentRow,
  type EmissionFactorRow,
  type FuelPropertyRow,
  type GridFactorRow,
  type GridFactorType,
  type HeatFactorRow,
} from '../reference/index';
import { InputError, type Problem } from '../errors';
import { parseUnit, unitDimension } from '../units';
import { cut, FACTOR_MAX } from './ranges';

/** A user factor replacing the library for one carrier; null keeps the library's value for that part. */
export interface FactorOverride {
  carrier: string;
  /** Unit the factors are per; activity is converted to it. */
  unit: string;
  tco2_per_unit: number | null;
  tce_per_unit: number | null;
  /** Where the override came from (file name), for explanations and messages. */
  source?: string;
  /** Its row in that file, for messages. */
  row?: number;
}

/** A year-dependent value resolved for a requested year. */
export interface ResolvedValue {
  value: number;
  /** Year of the value used. */
  year: number;
  requestedYear: number;
  /** Why another year was used; undefined when the requested year is published. */
  note?: string;
  source: string;
  source_year: number;
}

export class AccountingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccountingError';
  }
}

export class FactorLibrary {
  readonly #emission: ReadonlyMap<string, EmissionFactorRow>;
  readonly #fuels: ReadonlyMap<string, FuelPropertyRow>;
  readonly #heat: ReadonlyMap<string, HeatFactorRow>;
  readonly #coal: readonly CoalEquivalentRow[];
  readonly #grid: readonly GridFactorRow[];
  readonly #overrides: ReadonlyMap<string, FactorOverride>;

  private constructor(parts: {
    emission: readonly EmissionFactorRow[];
    fuels: readonly FuelPropertyRow[];
    heat: readonly HeatFactorRow[];
    coal: readonly CoalEquivalentRow[];
    grid: readonly GridFactorRow[];
    overrides: ReadonlyMap<string, FactorOverride>;
  }) {
    this.#emission = new Map(parts.emission.map((r) => [r.carrier, r]));
    this.#fuels = new Map(parts.fuels.map((r) => [r.carrier, r]));
    this.#heat = new Map(parts.heat.map((r) => [r.carrier, r]));
    this.#coal = parts.coal;
    this.#grid = parts.grid;
    this.#overrides = parts.overrides;
  }

  /** The library of the bundled reference tables. */
  static standard(): FactorLibrary {
    return new FactorLibrary({
      emission: EMISSION_FACTORS,
      fuels: FUEL_PROPERTIES,
      heat: HEAT_FACTORS,
      coal: COAL_EQUIVALENTS,
      grid: GRID_FACTORS,
      overrides: new Map(),
    });
  }

  /**
   * A copy in which the listed carriers use the given factors. Throws for unknown carriers or units;
   * throws an InputError naming file, row and carrier for a factor that is negative, not finite or
   * beyond its plausible range (ranges.ts), and for a carrier listed twice.
   */
  withOverrides(rows: readonly FactorOverride[]): FactorLibrary {
    const overrides = new Map(this.#overrides);
    const problems: Problem[] = [];
    const firstRow = new Map<string, FactorOverride>();
    rows.forEach((r) => {
      if (!carrierInfo(r.carrier))
        throw new AccountingError(`Unknown carrier "${cut(r.carrier)}" in factor overrides`);
      const unit = parseUnit(r.unit);
      const dimension = unitDimension(unit, r.carrier);
      const at = { file: r.source ?? 'factor overrides', row: r.row };
      const earlier = firstRow.get(r.carrier);
      if (earlier) {
        problems.push({
          ...at,
          column: 'carrier',
          reason: `${r.carrier} is listed more than once${earlier.row !== undefined ? ` (first at row ${earlier.row})` : ''}; give one factor per carrier`,
        });
      } else firstRow.set(r.carrier, r);
      for (const [k, v, max] of [
        ['tco2_per_unit', r.tco2_per_unit, FACTOR_MAX[dimension].tco2],
        ['tce_per_unit', r.tce_per_unit, FACTOR_MAX[dimension].tce],
      ] as const) {
        if (v === null) continue;
        // The bound is per base unit of the dimension (t, m3, kWh, GJ, tce): scaled to the row's unit.
        const limit = Number((max * 10 ** unit.exp10).toPrecision(6));
        if (!Number.isFinite(v))
          problems.push({ ...at, column: k, reason: `${r.carrier}: ${k} is not a finite number` });
        else if (v < 0)
          problems.push({ ...at, column: k, reason: `${r.carrier}: ${k} ${v} is negative; factors are ≥ 0` });
        else if (v > limit)
          problems.push({
            ...at,
            column: k,
            reason: `${r.carrier}: ${k} ${v} per ${unit.code} is implausible (at most ${limit}; docs/robustness.md)`,
          });
      }
      overrides.set(r.carrier, { ...r, unit: unit.code });
    });
    if (problems.length > 0) throw new InputError(problems);
    return new FactorLibrary({
      emission: [...this.#emission.values()],
      fuels: [...this.#fuels.values()],
      heat: [...this.#heat.values()],
      coal: this.#coal,
      grid: this.#grid,
      overrides,
    });
  }

  /** The per-carrier coefficient row; throws for an unknown carrier. */
  emission(carrier: string): EmissionFactorRow {
    const r = this.#emission.get(carrier);
    if (!r) throw new AccountingError(`Unknown carrier "${cut(carrier)}"`);
    return r;
  }

  fuel(carrier: string): FuelPropertyRow | undefined {
    return this.#fuels.get(carrier);
  }

  heat(carrier: string): HeatFactorRow | undefined {
    return this.#heat.get(carrier);
  }

  override(carrier: string): FactorOverride | undefined {
    return this.#overrides.get(carrier);
  }

  /** The year-independent coal-equivalent row (default or equivalent value). */
  coalEquivalent(carrier: string): CoalEquivalentRow | undefined {
    return this.#coal.find((r) => r.carrier === carrier && r.method !== 'equal');
  }

  /** Whether the carrier has equal-value (coal-for-power) coefficients. */
  hasEqualValue(carrier: string): boolean {
    return this.#coal.some((r) => r.carrier === carrier && r.method === 'equal');
  }

  /** Equal-value coefficient (tce per canonical unit) for the year, resolved to a published year. */
  equalValue(carrier: string, year: number): ResolvedValue {
    const rows = this.#coal.filter((r) => r.carrier === carrier && r.method === 'equal');
    if (rows.length === 0) throw new AccountingError(`No equal-value coefficient for ${carrier}`);
    const resolved = resolvePublishedYear(
      rows.map((r) => r.year!),
      year,
    );
    const row = rows.find((r) => r.year === resolved.year)!;
    return {
      value: row.tce_per_unit,
      year: resolved.year,
      requestedYear: year,
      note: resolved.note,
      source: row.source,
      source_year: row.source_year,
    };
  }

  /** Region codes with location-based factors. */
  gridRegions(): string[] {
    return GRID_REGIONS.map((r) => r.code).filter((c) =>
      this.#grid.some((g) => g.region === c && LOCATION_TYPES.includes(g.factor_type)),
    );
  }

  /** Normalises a region code or name; throws listing the known codes when unknown. */
  regionCode(region: string): string {
    const code = gridRegionCode(region);
    if (!code || !this.gridRegions().includes(code)) {
      throw new AccountingError(
        `Unknown grid region "${cut(region)}". Known: ${this.gridRegions().join(', ')}`,
      );
    }
    return code;
  }

  /** Location-based grid factor (tCO2/MWh) of a region for a year, resolved to a published year. */
  gridFactor(region: string, year: number): ResolvedValue & { region: string; factorType: GridFactorType } {
    const code = this.regionCode(region);
    return this.#resolveGrid(code, (g) => LOCATION_TYPES.includes(g.factor_type), year);
  }

  /** The latest year with a location-based factor for the region. */
  latestGridYear(region: string): number {
    const code = this.regionCode(region);
    return Math.max(
      ...this.#grid
        .filter((g) => g.region === code && LOCATION_TYPES.includes(g.factor_type))
        .map((g) => g.year),
    );
  }

  /** The published national factor excluding market-traded non-fossil power (residual mix). */
  residualFactor(year: number): ResolvedValue & { region: string; factorType: GridFactorType } {
    return this.#resolveGrid('national', (g) => g.factor_type === 'residual_mix', year);
  }

  #resolveGrid(region: string, pick: (g: GridFactorRow) => boolean, year: number) {
    const rows = this.#grid.filter((g) => g.region === region && pick(g));
    if (rows.length === 0) throw new AccountingError(`No grid factors for region ${region}`);
    const resolved = resolvePublishedYear(
      rows.map((r) => r.year),
      year,
    );
    const row = rows.find((r) => r.year === resolved.year)!;
    return {
      value: row.tco2_per_mwh,
      year: resolved.year,
      requestedYear: year,
      note: resolved.note,
      source: row.source,
      source_year: row.source_year,
      region,
      factorType: row.factor_type,
    };
  }
}
