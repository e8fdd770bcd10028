/**
 * SQL computing the carbon inventory inside DuckDB, the same way as the engine in
 * src/core/accounting (engine.ts, summary.ts): the same reference tables, the same year fallback,
 * and the same operations in the same order, with no rounding. Inputs: `activity(enterprise_id,
 * year, carrier, amount, unit)` in canonical units (the bundled datasets are), `ref_emission_factors`,
 * `ref_coal_equivalent`, `ref_grid_factors` and, for sector splits, `enterprises(enterprise_id, sector)`.
 * Rows whose carrier is not in ref_emission_factors drop out (the engine rejects them instead).
 */
import { FactorLibrary, resolveOptions, type AccountingOptions } from '../../core/accounting/index';
import { LOCATION_TYPES } from '../../core/reference/index';
import { quoteIdent, sqlLiteral } from '../port';

export interface InventorySqlOptions extends Partial<AccountingOptions> {
  /** Activity table name; default `activity`. */
  activityTable?: string;
  /** Table with `enterprise_id, sector` for sector splits; default `enterprises`. */
  enterprisesTable?: string;
}

const list = (xs: readonly string[]) => xs.map((x) => sqlLiteral(x)).join(', ');

/** The `WITH … lines AS (…)` prefix: one row per activity row with its inventory contributions. */
function linesCte(options: InventorySqlOptions): string {
  const o = resolveOptions(FactorLibrary.standard(), options);
  const activity = quoteIdent(options.activityTable ?? 'activity');
  const region = sqlLiteral(o.gridRegion);
  // Grid factors resolve for gridYear when given, else for each activity year.
  const target = o.gridYear === undefined ? 'y.year' : sqlLiteral(o.gridYear);
  const resolve = (table: string) =>
    `COALESCE((SELECT max(r.year) FROM ${table} r WHERE r.year <= ${target}), (SELECT min(r.year) FROM ${table} r))`;
  const equal = o.electricityMethod === 'equal';
  const tce = equal ? 'COALESCE(ce.tce_per_unit, f.tce_per_unit)' : 'f.tce_per_unit';
  const residual = o.residualMixFactor === undefined ? 'x.residual_factor' : sqlLiteral(o.residualMixFactor);
  // Every contribution is the amount times a coefficient of its carrier and year: the coefficients are
  // worked out once per (year, carrier) in `coef`, and each activity row is multiplied by them.
  const electricity =
    o.scope2Method === 'market'
      ? `CASE WHEN f.carrier = 'green_electricity' THEN 0 ELSE f.grid_mwh_per_unit * ${residual} END`
      : 'f.grid_mwh_per_unit * x.grid_factor';
  const heat =
    o.supplierHeatFactor === undefined ? 'f.scope2_tco2_per_unit' : sqlLiteral(o.supplierHeatFactor);
  return `WITH act AS (
  SELECT CAST(enterprise_id AS VARCHAR) AS enterprise_id, CAST(year AS INTEGER) AS year, carrier,
         CAST(amount AS DOUBLE) AS amount
  FROM ${activity}
), yrs AS (
  -- The LIMIT (far above any number of years) bounds the planner's estimate of the coefficients, so
  -- the join below builds its hash table on them rather than on the activity rows.
  SELECT DISTINCT CAST(year AS INTEGER) AS year FROM ${activity} LIMIT 1000
), grid_rows AS (
  SELECT CAST(year AS INTEGER) AS year, tco2_per_mwh FROM ref_grid_factors
  WHERE region = ${region} AND factor_type IN (${list(LOCATION_TYPES)})
), resid_rows AS (
  SELECT CAST(year AS INTEGER) AS year, tco2_per_mwh FROM ref_grid_factors
  WHERE region = 'national' AND factor_type = 'residual_mix'
), equal_rows AS (
  SELECT DISTINCT CAST(year AS INTEGER) AS year FROM ref_coal_equivalent WHERE method = 'equal'
), resolved AS (
  SELECT y.year,
         ${resolve('grid_rows')} AS grid_year,
         ${resolve('resid_rows')} AS residual_year,
         COALESCE((SELECT max(r.year) FROM equal_rows r WHERE r.year <= y.year),
                  (SELECT min(r.year) FROM equal_rows r)) AS equal_year
  FROM yrs y
), factors AS (
  SELECT r.year, r.grid_year, g.tco2_per_mwh AS grid_factor, r.residual_year, q.tco2_per_mwh AS residual_factor,
         r.equal_year
  FROM resolved r
  LEFT JOIN grid_rows g ON g.year = r.grid_year
  LEFT JOIN resid_rows q ON q.year = r.residual_year
), coef AS (
  SELECT x.year, f.carrier, f.kind,
         ${tce} * CASE WHEN f.kind = 'export' THEN -1 ELSE 1 END AS energy_c,
         CASE WHEN f.kind IN ('fossil', 'process') THEN f.scope1_tco2_per_unit ELSE 0 END AS scope1_c,
         CASE WHEN f.kind = 'electricity' THEN ${electricity}
              WHEN f.kind = 'heat' THEN ${heat}
              ELSE 0 END AS scope2_c,
         CASE WHEN f.kind = 'export' AND f.grid_mwh_per_unit > 0 THEN f.grid_mwh_per_unit * x.grid_factor
              WHEN f.kind = 'export' THEN f.deduction_tco2_per_unit
              ELSE 0 END AS deduction_c,
         CASE WHEN f.kind = 'biomass' THEN f.biogenic_tco2_per_unit ELSE 0 END AS biogenic_c,
         x.grid_year, x.grid_factor
  FROM factors x
  CROSS JOIN ref_emission_factors f${
    equal
      ? `
  LEFT JOIN ref_coal_equivalent ce
    ON ce.method = 'equal' AND ce.carrier = f.carrier AND CAST(ce.year AS INTEGER) = x.equal_year`
      : ''
  }
), lines AS (
  SELECT a.enterprise_id, a.year, a.carrier, c.kind, a.amount,
         a.amount * c.energy_c AS energy_tce,
         a.amount * c.scope1_c AS scope1_tco2,
         a.amount * c.scope2_c AS scope2_tco2,
         a.amount * c.deduction_c AS deduction_tco2,
         a.amount * c.biogenic_c AS biogenic_tco2,
         c.grid_year, c.grid_factor
  FROM act a
  JOIN coef c ON c.year = a.year AND c.carrier = a.carrier
)`;
}

/**
 * One row per activity row (sorted by enterprise, year and carrier unless `sorted` is false). Columns: enterprise_id, year, carrier, kind, amount, energy_tce,
 * scope1_tco2, scope2_tco2, deduction_tco2, biogenic_tco2, grid_year, grid_factor.
 */
export function inventoryLinesSql(options: InventorySqlOptions = {}, sorted = true): string {
  return `${linesCte(options)}
SELECT * FROM lines${sorted ? ' ORDER BY enterprise_id, year, carrier' : ''}`;
}

/**
 * The sums per enterprise and year of summarizeInventory, over inventory lines grouped by enterprise
 * and year: energy_tce, electricity_tce, renewable_tce, scope1_tco2, process_tco2, scope2_tco2,
 * heat_in_park_tco2, deduction_tco2, total_tco2, biogenic_tco2.
 */
export const ENTERPRISE_SUMS = `sum(energy_tce) AS energy_tce,
       sum(CASE WHEN kind IN ('electricity', 'renewable') THEN energy_tce ELSE 0 END) AS electricity_tce,
       sum(CASE WHEN carrier = 'green_electricity' OR kind = 'renewable' THEN energy_tce ELSE 0 END) AS renewable_tce,
       sum(scope1_tco2) AS scope1_tco2,
       sum(CASE WHEN kind = 'process' THEN scope1_tco2 ELSE 0 END) AS process_tco2,
       sum(scope2_tco2) AS scope2_tco2,
       sum(CASE WHEN carrier = 'heat_in_park' THEN scope2_tco2 ELSE 0 END) AS heat_in_park_tco2,
       sum(deduction_tco2) AS deduction_tco2,
       sum(scope1_tco2) + sum(scope2_tco2) - sum(deduction_tco2) AS total_tco2,
       sum(biogenic_tco2) AS biogenic_tco2`;

/**
 * Per enterprise and year, as summarizeInventory. Columns: enterprise_id, year and ENTERPRISE_SUMS.
 */
export function inventorySummarySql(options: InventorySqlOptions = {}): string {
  return `${linesCte(options)}
SELECT enterprise_id, year,
       ${ENTERPRISE_SUMS}
FROM lines
GROUP BY enterprise_id, year
ORDER BY enterprise_id, year`;
}

/**
 * Per year, the steam the park's CHP sells inside the park (heat_in_park_gj and the Scope 2 its buyers
 * would count, heat_in_park_excluded_tco2), the exported heat (heat_export_gj), the part of it that
 * leaves the park (heat_leaving_park_gj) and that part's share of it (ratio), from `rows`: every
 * inventory contribution of the park (lines, or sums of them with year, carrier, amount, scope2_tco2).
 */
export function heatShareSql(rows: string): string {
  return `SELECT *, greatest(heat_export_gj - heat_in_park_gj, 0) AS heat_leaving_park_gj,
         CASE WHEN heat_export_gj > 0 THEN greatest(heat_export_gj - heat_in_park_gj, 0) / heat_export_gj ELSE 0 END
           AS ratio
  FROM (
    SELECT year,
           sum(CASE WHEN carrier = 'heat_in_park' THEN amount ELSE 0 END) AS heat_in_park_gj,
           sum(CASE WHEN carrier = 'heat_in_park' THEN scope2_tco2 ELSE 0 END) AS heat_in_park_excluded_tco2,
           sum(CASE WHEN carrier = 'heat_export' THEN amount ELSE 0 END) AS heat_export_gj
    FROM ${rows} GROUP BY year
  )`;
}

/**
 * Park totals by year, as parkTotals, from inventory contributions: `rows` is a relation aliased `l`
 * with year, carrier, kind, amount and the contribution columns of inventoryLinesSql (lines, or sums of
 * them), `heatRows` all of the park's (for heatShareSql) and `sector`, if given, the expression of a
 * row's sector for totals by year and sector. The CTEs `acc` and `share` and the final SELECT: they
 * follow a `WITH` or another CTE. Columns as parkTotalsSql.
 */
export function parkTotalsFrom(rows: string, heatRows: string, sector?: string): string {
  const internal = "l.carrier IN ('heat_export', 'heat_in_park')";
  return `acc AS (
  SELECT l.year${sector ? `, ${sector} AS sector` : ''},
         sum(CASE WHEN ${internal} THEN 0 ELSE l.energy_tce END) AS other_energy,
         sum(CASE WHEN l.carrier = 'heat_export' THEN l.energy_tce ELSE 0 END) AS heat_export_energy,
         sum(CASE WHEN l.carrier = 'green_electricity' OR l.kind IN ('renewable', 'biomass') THEN l.energy_tce ELSE 0 END)
           AS renewable_energy,
         sum(l.scope1_tco2) AS scope1,
         sum(CASE WHEN ${internal} THEN 0 ELSE l.scope2_tco2 END) AS scope2,
         sum(CASE WHEN ${internal} THEN 0 ELSE l.deduction_tco2 END) AS elec_deduction,
         sum(CASE WHEN l.carrier = 'heat_export' THEN l.deduction_tco2 ELSE 0 END) AS heat_export_deduction,
         sum(l.biogenic_tco2) AS biogenic
  FROM ${rows}
  GROUP BY l.year${sector ? ', sector' : ''}
), share AS (${heatShareSql(heatRows)})
SELECT a.year${sector ? ', a.sector' : ''},
       a.other_energy + a.heat_export_energy * s.ratio AS energy_tce,
       a.scope1 AS scope1_tco2,
       a.scope2 AS scope2_tco2,
       a.elec_deduction + a.heat_export_deduction * s.ratio AS deduction_tco2,
       a.scope1 + a.scope2 - (a.elec_deduction + a.heat_export_deduction * s.ratio) AS total_tco2,
       a.biogenic AS biogenic_tco2,
       s.heat_in_park_gj, s.heat_in_park_excluded_tco2, s.heat_export_gj, s.heat_leaving_park_gj,
       a.renewable_energy AS renewable_tce
FROM acc a JOIN share s ON s.year = a.year
ORDER BY a.year${sector ? ', a.sector' : ''}`;
}

/**
 * Park totals by year without double counting CHP steam, as parkTotals (docs/accounting.md).
 * Columns: year[, sector], energy_tce, scope1_tco2, scope2_tco2, deduction_tco2, total_tco2,
 * biogenic_tco2, heat_in_park_gj, heat_in_park_excluded_tco2, heat_export_gj, heat_leaving_park_gj,
 * renewable_tce (green and PV electricity, biomass: outside the energy total of dual control).
 * With `bySector`, one row per year and sector (from the enterprises table; 'unknown' if absent).
 */
export function parkTotalsSql(options: InventorySqlOptions = {}, bySector = false): string {
  const enterprises = quoteIdent(options.enterprisesTable ?? 'enterprises');
  return `${linesCte(options)}, ${
    bySector
      ? parkTotalsFrom(
          `lines l\n  LEFT JOIN ${enterprises} e ON CAST(e.enterprise_id AS VARCHAR) = l.enterprise_id`,
          'lines',
          "COALESCE(CAST(e.sector AS VARCHAR), 'unknown')",
        )
      : parkTotalsFrom('lines l', 'lines')
  }`;
}

/**
 * By year and carrier at the park boundary, from inventory contributions `rows` (aliased `l`) and the
 * heat share of their park `share` (heatShareSql): year, carrier, energy_tce, total_tco2 (scope 1 +
 * scope 2 − deduction; heat_in_park contributes 0, heat_export only its share leaving the park).
 */
export function carrierYearsFrom(rows: string, share: string): string {
  return `SELECT l.year, l.carrier,
       sum(CASE WHEN l.carrier = 'heat_in_park' THEN 0
                WHEN l.carrier = 'heat_export' THEN l.energy_tce * r.ratio
                ELSE l.energy_tce END) AS energy_tce,
       sum(l.scope1_tco2
           + CASE WHEN l.carrier = 'heat_in_park' THEN 0 ELSE l.scope2_tco2 END
           - CASE WHEN l.carrier = 'heat_export' THEN l.deduction_tco2 * r.ratio ELSE l.deduction_tco2 END)
         AS total_tco2
FROM ${rows}
JOIN (${share}) r ON r.year = l.year
GROUP BY l.year, l.carrier
ORDER BY l.year, l.carrier`;
}

/**
 * Emissions flowing from carriers to sectors in one year (bound parameter 1), at the park boundary
 * (heat_in_park left out), from inventory contributions `rows` (aliased `l`) with `sector` the
 * expression of a row's sector. Columns: sector, carrier, scope1_tco2, scope2_tco2.
 */
export function sankeyFrom(rows: string, sector: string): string {
  return `SELECT ${sector} AS sector, l.carrier,
       sum(l.scope1_tco2) AS scope1_tco2,
       sum(CASE WHEN l.carrier = 'heat_in_park' THEN 0 ELSE l.scope2_tco2 END) AS scope2_tco2
FROM ${rows}
WHERE l.year = ?
GROUP BY 1, 2
HAVING sum(l.scope1_tco2) > 0 OR sum(CASE WHEN l.carrier = 'heat_in_park' THEN 0 ELSE l.scope2_tco2 END) > 0
ORDER BY 1, 2`;
}
