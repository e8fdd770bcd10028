/**
 * What a footprint result says, one definition for the CLI's JSON, the page's CSV table and its
 * printable report: the standard, the system boundary, the functional unit, the deterministic total
 * and its Monte Carlo range, and per line its contribution, range, data quality and factor source.
 */
import { CSV_EOL, csvField, type CsvValue } from '../csv-write';
import { formatPedigree } from './pedigree';
import type { PreparedProduct } from './compute';
import type { FootprintSummary } from './montecarlo';
import type { Allocation, Boundary } from './model';

export const STANDARD = 'GB/T 24067-2024《温室气体 产品碳足迹 量化要求和指南》/ ISO 14067:2018';

const BOUNDARY_TEXT: Record<Boundary, string> = {
  cradle_to_gate:
    'cradle-to-gate (raw material acquisition, transport to the factory and production; use and end of life excluded)',
  cradle_to_gate_eol: 'cradle-to-gate plus end of life of the product and its packaging (use stage excluded)',
};

export interface ContributionRow {
  input: string;
  line_id: string;
  stage: string;
  quantity: number;
  unit: string;
  factor_id: string;
  factor_kgco2e_per_unit: number;
  factor_unit: string;
  factor_gsd: number;
  factor_pedigree: string;
  factor_basis: string;
  factor_source: string;
  factor_year: number;
  line_pedigree: string;
  kgco2e: number;
  share: number;
  p2_5: number;
  p97_5: number;
  gsd: number;
  variance_share: number;
  in_boundary: boolean;
}

export interface FootprintResult {
  standard: string;
  product: string;
  functional_unit: string;
  boundary: Boundary;
  boundary_text: string;
  unit: 'kg CO2e per functional unit';
  /** Deterministic: Σ quantity × factor median over the lines in the boundary. */
  total_kgco2e: number;
  mean: number;
  p2_5: number;
  p50: number;
  p97_5: number;
  runs: number;
  seed: number;
  uncertainty_method: string;
  /** How metered process energy was shared out to the product (when any line is metered). */
  allocation: Allocation | null;
  contributions: ContributionRow[];
}

const UNCERTAINTY_METHOD =
  'Monte Carlo, lognormal per line: ln-variance = factor (ln gsd)² + basic uncertainty + pedigree factors of the line ' +
  '(Weidema et al. 2013, ecoinvent v3 data quality guideline); one stream per factor and per line (paired across variants)';

export function footprintResult(
  p: PreparedProduct,
  s: FootprintSummary,
  names: { product: string; functional_unit: string },
  allocation: Allocation | null = null,
): FootprintResult {
  const byId = new Map(s.lines.map((l) => [l.id, l]));
  return {
    standard: STANDARD,
    product: names.product,
    functional_unit: names.functional_unit,
    boundary: p.boundary,
    boundary_text: BOUNDARY_TEXT[p.boundary],
    unit: 'kg CO2e per functional unit',
    total_kgco2e: p.total,
    mean: s.mean,
    p2_5: s.p2_5,
    p50: s.p50,
    p97_5: s.p97_5,
    runs: s.runs,
    seed: s.seed,
    uncertainty_method: UNCERTAINTY_METHOD,
    allocation,
    contributions: p.lines.map((l) => {
      const r = byId.get(l.id)!;
      return {
        input: l.input,
        line_id: l.id,
        stage: l.stage,
        quantity: l.quantity,
        unit: l.unit,
        factor_id: l.factor.id,
        factor_kgco2e_per_unit: l.factor.kgco2e_per_unit,
        factor_unit: l.factor.unit,
        factor_gsd: l.factor.gsd,
        factor_pedigree: l.factor.pedigree ? formatPedigree(l.factor.pedigree) : '',
        factor_basis: l.factor.basis,
        factor_source: l.factor.source,
        factor_year: l.factor.year,
        line_pedigree: l.pedigreeGiven ? formatPedigree(l.pedigree) : '',
        kgco2e: l.kgco2e,
        share: r.share,
        p2_5: r.p2_5,
        p97_5: r.p97_5,
        gsd: r.gsd,
        variance_share: r.varianceShare,
        in_boundary: l.included,
      };
    }),
  };
}

/** Columns of the footprint table (CSV export), in order. */
const CONTRIBUTION_COLUMNS: readonly (keyof ContributionRow)[] = [
  'line_id',
  'stage',
  'input',
  'quantity',
  'unit',
  'kgco2e',
  'share',
  'p2_5',
  'p97_5',
  'gsd',
  'variance_share',
  'line_pedigree',
  'factor_id',
  'factor_kgco2e_per_unit',
  'factor_unit',
  'factor_gsd',
  'factor_pedigree',
  'factor_basis',
  'factor_source',
  'factor_year',
  'in_boundary',
];

const field = (v: unknown): string => csvField(v as CsvValue);

/** The footprint table as CSV: a header block (standard, boundary, totals) as comment-free rows, then the lines. */
export function footprintCsv(r: FootprintResult): string {
  const head: [string, unknown][] = [
    ['standard', r.standard],
    ['product', r.product],
    ['functional_unit', r.functional_unit],
    ['boundary', r.boundary_text],
    ['unit', r.unit],
    ['total_kgco2e', r.total_kgco2e],
    ['p2_5', r.p2_5],
    ['p50', r.p50],
    ['p97_5', r.p97_5],
    ['runs', r.runs],
    ['seed', r.seed],
    ['uncertainty_method', r.uncertainty_method],
    ...(r.allocation
      ? ([
          ['allocation_method', r.allocation.method],
          ['allocation_share', r.allocation.share],
          ['allocation_units_per_period', r.allocation.units_per_period],
        ] as [string, unknown][])
      : []),
  ];
  const lines = [
    ...head.map(([k, v]) => `${field(k)},${field(v)}`),
    '',
    CONTRIBUTION_COLUMNS.map(field).join(','),
    ...r.contributions.map((c) => CONTRIBUTION_COLUMNS.map((k) => field(c[k])).join(',')),
  ];
  return lines.join(CSV_EOL) + CSV_EOL;
}
