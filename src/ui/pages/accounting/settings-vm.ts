/**
 * Accounting method choices shared by the three accounting pages, as plain data, and their
 * translation into engine / SQL options. Pure.
 */
import {
  FactorLibrary,
  type AccountingOptions,
  type ElectricityMethod,
  type Scope2Method,
} from '../../../core/accounting/index';
import { GRID_FACTORS, GRID_REGIONS, LOCATION_TYPES } from '../../../core/reference/index';

export interface AccountingSettings {
  electricityMethod: ElectricityMethod;
  scope2Method: Scope2Method;
  gridRegion: string;
  /** Fixed grid-factor year, or null for each data year's own (nearest published) factor. */
  gridYear: number | null;
}

export const DEFAULT_SETTINGS: AccountingSettings = {
  electricityMethod: 'equivalent',
  scope2Method: 'location',
  gridRegion: 'national',
  gridYear: null,
};

/** Engine / SQL options of a settings object. */
export function toOptions(s: AccountingSettings): Partial<AccountingOptions> {
  const o: Partial<AccountingOptions> = {
    electricityMethod: s.electricityMethod,
    scope2Method: s.scope2Method,
    gridRegion: s.gridRegion,
  };
  if (s.gridYear !== null) o.gridYear = s.gridYear;
  return o;
}

/** Grid regions with location-based factors, labelled in the reader's language. */
export function regionChoices(lang: 'zh' | 'en'): { code: string; label: string }[] {
  const codes = FactorLibrary.standard().gridRegions();
  return codes.map((code) => {
    const r = GRID_REGIONS.find((x) => x.code === code)!;
    return { code, label: lang === 'zh' ? r.zh : r.en };
  });
}

/** Years with a published location-based factor for the region, ascending. */
export function publishedGridYears(region: string): number[] {
  const ys = GRID_FACTORS.filter((g) => g.region === region && LOCATION_TYPES.includes(g.factor_type)).map(
    (g) => g.year,
  );
  return [...new Set(ys)].sort((a, b) => a - b);
}

/** Settings read back from storage; anything unknown falls back to the default. */
export function restoreSettings(v: unknown): AccountingSettings {
  const o = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
  const regions = FactorLibrary.standard().gridRegions();
  return {
    electricityMethod: o.electricityMethod === 'equal' ? 'equal' : 'equivalent',
    scope2Method: o.scope2Method === 'market' ? 'market' : 'location',
    gridRegion:
      typeof o.gridRegion === 'string' && regions.includes(o.gridRegion) ? o.gridRegion : 'national',
    gridYear: typeof o.gridYear === 'number' && Number.isInteger(o.gridYear) ? o.gridYear : null,
  };
}
