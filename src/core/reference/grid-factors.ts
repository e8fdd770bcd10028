/**
 * Electricity CO2 factors by year and region (t CO2/MWh = kg CO2/kWh), as published. Types:
 * - `average`: MEE/NBS average factor of the national, regional or provincial grid (location-based);
 * - `residual_mix`: MEE/NBS national average excluding market-traded non-fossil electricity, the
 *   published analogue of a residual mix (market-based Scope 2);
 * - `fossil`: MEE/NBS national fossil-power factor (for reference only);
 * - `carbon_market`: the national grid factor set for the national carbon market (region `national_market`).
 * A year without a published value resolves to the nearest earlier published year, or to the earliest
 * published year when there is none earlier (see resolvePublishedYear). The 2021 regional values were
 * published too (公告2024年第12号) but are not in this table (we could not check them against the
 * announcement here): 2021 regional lookups use the 2022 regional values, and say so.
 */
import { S, type SourceRef } from './sources';

export type GridFactorType = 'average' | 'residual_mix' | 'fossil' | 'carbon_market';

export interface GridRegion {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

export const GRID_REGIONS: readonly GridRegion[] = [
  { code: 'national', zh: '全国', en: 'National grid' },
  { code: 'north', zh: '华北', en: 'North China grid' },
  { code: 'northeast', zh: '东北', en: 'Northeast China grid' },
  { code: 'east', zh: '华东', en: 'East China grid' },
  { code: 'central', zh: '华中', en: 'Central China grid' },
  { code: 'northwest', zh: '西北', en: 'Northwest China grid' },
  { code: 'south', zh: '南方', en: 'China Southern grid' },
  { code: 'southwest', zh: '西南', en: 'Southwest China grid' },
  { code: 'national_market', zh: '全国碳市场', en: 'National carbon market grid factor' },
];

export interface GridFactorRow extends SourceRef {
  readonly region: string;
  readonly region_zh: string;
  readonly year: number;
  readonly factor_type: GridFactorType;
  readonly tco2_per_mwh: number;
}

const ZH = new Map(GRID_REGIONS.map((r) => [r.code, r.zh]));
const g = (
  region: string,
  year: number,
  type: GridFactorType,
  value: number,
  src: SourceRef,
): GridFactorRow => ({
  region,
  region_zh: ZH.get(region)!,
  year,
  factor_type: type,
  tco2_per_mwh: value,
  ...src,
});

const REGIONAL: Record<number, Record<string, number>> = {
  2022: {
    north: 0.6776,
    northeast: 0.5564,
    east: 0.5617,
    central: 0.5395,
    northwest: 0.5857,
    south: 0.3869,
    southwest: 0.2268,
  },
  2023: {
    north: 0.6361,
    northeast: 0.5122,
    east: 0.55,
    central: 0.5271,
    northwest: 0.5543,
    south: 0.4042,
    southwest: 0.2472,
  },
};
const SOURCE_BY_YEAR: Record<number, SourceRef> = { 2021: S.grid2021, 2022: S.grid2022, 2023: S.grid2023 };

export const GRID_FACTORS: readonly GridFactorRow[] = [
  g('national', 2021, 'average', 0.5568, S.grid2021),
  g('national', 2022, 'average', 0.5366, S.grid2022),
  g('national', 2023, 'average', 0.5306, S.grid2023),
  ...Object.entries(REGIONAL).flatMap(([year, values]) =>
    Object.entries(values).map(([region, v]) =>
      g(region, Number(year), 'average', v, SOURCE_BY_YEAR[Number(year)]),
    ),
  ),
  g('national', 2021, 'residual_mix', 0.5942, S.grid2021),
  g('national', 2022, 'residual_mix', 0.5856, S.grid2022),
  g('national', 2023, 'residual_mix', 0.6096, S.grid2023),
  g('national', 2021, 'fossil', 0.8426, S.grid2021),
  g('national', 2022, 'fossil', 0.8325, S.grid2022),
  g('national', 2023, 'fossil', 0.8273, S.grid2023),
  g('national_market', 2021, 'carbon_market', 0.581, S.market2021),
  g('national_market', 2022, 'carbon_market', 0.5703, S.market2022),
];

/** Factor types a region code selects for location-based Scope 2. */
export const LOCATION_TYPES: readonly GridFactorType[] = ['average', 'carbon_market'];

/** Resolves a region code or name (`east`, `华东`, `East`) to its code; undefined when unknown. */
export function gridRegionCode(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  return GRID_REGIONS.find((r) => r.code === t || r.zh === text.trim() || r.zh + '电网' === text.trim())
    ?.code;
}

export interface ResolvedYear {
  readonly year: number;
  /** Why another year was used, or undefined when the requested year is published. */
  readonly note?: string;
}

/**
 * The published year used for `requested`: the requested year itself, else the nearest earlier
 * published year, else (nothing earlier) the earliest published year. `published` must be non-empty.
 */
export function resolvePublishedYear(published: readonly number[], requested: number): ResolvedYear {
  const years = [...new Set(published)].sort((a, b) => a - b);
  if (years.length === 0) throw new Error('No published years to resolve from');
  if (years.includes(requested)) return { year: requested };
  const earlier = years.filter((y) => y <= requested);
  if (earlier.length > 0) {
    const year = earlier[earlier.length - 1];
    return {
      year,
      note: `no value published for ${requested}; used ${year}, the nearest earlier published year`,
    };
  }
  return {
    year: years[0],
    note: `no value published for ${requested} or earlier; used ${years[0]}, the earliest published year`,
  };
}
