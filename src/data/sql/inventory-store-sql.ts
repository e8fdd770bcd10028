/**
 * The park inventory materialised once per dataset and accounting settings, and the dashboard queries
 * over it. `buildInventorySql` runs the engine's twin (`inventoryLinesSql`'s lines, src/data/sql/
 * inventory-sql.ts) once and keeps small tables in the internal schema `inv`:
 *
 * - `ysc`: sums by year × sector × carrier (amount, energy, scope 1, scope 2, deduction, biogenic);
 * - `esy`: one row per enterprise-year (inventorySummarySql's columns, with its name, sector and economics);
 * - `eco`: by year, the economics (output, value added, enterprises) and the electricity and energy of
 *   final consumption (enterprises outside energy conversion).
 *
 * and, computed from them, the year series every dashboard opens with (park years, sectors by year,
 * carriers by year) as they are answered. Every dashboard query then reads only these, with the formulas
 * of inventory-sql.ts that the inline views of inventory-views-sql.ts use too (the park rule for CHP
 * steam included), so they give the same rows; only the order in which partial sums are added differs.
 */
import { SECTORS } from '../../core/sectors';
import { quoteIdent, sqlLiteral } from '../port';
import {
  carrierYearsFrom,
  ENTERPRISE_SUMS,
  heatShareSql,
  inventoryLinesSql,
  parkTotalsFrom,
  sankeyFrom,
  type InventorySqlOptions,
} from './inventory-sql';

/** The internal schema of the materialised inventories (not a park table, hidden from the Data view). */
const INVENTORY_SCHEMA = 'inv';

/** Qualified, quoted names of one materialised inventory. */
export interface InventoryTables {
  ysc: string;
  esy: string;
  eco: string;
  /** The year-series answers themselves (park years, sectors by year, carriers by year). */
  py: string;
  sy: string;
  cy: string;
}

/** The tables of the inventory with this key (a short id of the settings). */
export function inventoryTables(key: string): InventoryTables {
  const t = (n: string) => `${quoteIdent(INVENTORY_SCHEMA)}.${quoteIdent(`${n}_${key}`)}`;
  return { ysc: t('ysc'), esy: t('esy'), eco: t('eco'), py: t('py'), sy: t('sy'), cy: t('cy') };
}

/** A short, stable key of the accounting settings (FNV-1a of their JSON with sorted keys). */
export function inventoryKey(options: InventorySqlOptions): string {
  const sorted = Object.keys(options)
    .sort()
    .filter((k) => options[k as keyof InventorySqlOptions] !== undefined)
    .map((k) => [k, options[k as keyof InventorySqlOptions]]);
  return fnv1a(JSON.stringify(sorted));
}

/** FNV-1a (32 bit) of a text, base 36: a short id that changes with the text. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

const CONVERSION_SECTORS = SECTORS.filter((s) => s.gbt4754 === '44').map((s) => sqlLiteral(s.code));

/**
 * The statements that build one materialised inventory, in order, with a label per step (for progress).
 * Inputs: activity, enterprises, economics and the reference tables, as for inventory-sql.ts.
 */
export function buildInventorySql(
  options: InventorySqlOptions,
  t: InventoryTables,
  key: string,
): { step: 'lines' | 'sectors' | 'enterprises' | 'economics'; sql: string }[] {
  // Every contribution is linear in the amount (inventory-sql.ts: amount × a coefficient of carrier and
  // year), so the sector sums are the inventory of the amounts summed by sector, year and carrier: a
  // few hundred rows instead of every activity row.
  const bySector = quoteIdent(`__inv_sector_activity_${key}`);
  return [
    { step: 'lines', sql: `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(INVENTORY_SCHEMA)}` },
    {
      step: 'lines',
      sql: `CREATE OR REPLACE TEMP TABLE ${bySector} AS
SELECT COALESCE(CAST(e.sector AS VARCHAR), 'unknown') AS enterprise_id, CAST(a.year AS INTEGER) AS year,
       CAST(a.carrier AS VARCHAR) AS carrier, sum(CAST(a.amount AS DOUBLE)) AS amount
FROM activity a
LEFT JOIN enterprises e ON CAST(e.enterprise_id AS VARCHAR) = CAST(a.enterprise_id AS VARCHAR)
GROUP BY 1, 2, 3`,
    },
    {
      step: 'sectors',
      sql: `CREATE OR REPLACE TABLE ${t.ysc} AS
SELECT year, enterprise_id AS sector, carrier, kind,
       sum(amount) AS amount, sum(energy_tce) AS energy_tce, sum(scope1_tco2) AS scope1_tco2,
       sum(scope2_tco2) AS scope2_tco2, sum(deduction_tco2) AS deduction_tco2,
       sum(biogenic_tco2) AS biogenic_tco2
FROM (${inventoryLinesSql({ ...options, activityTable: `__inv_sector_activity_${key}` }, false)})
GROUP BY year, enterprise_id, carrier, kind
ORDER BY 1, 2, 3`,
    },
    {
      step: 'enterprises',
      sql: `CREATE OR REPLACE TABLE ${t.esy} AS
WITH s AS (
  SELECT enterprise_id, year,
       ${ENTERPRISE_SUMS}
  FROM (${inventoryLinesSql(options, false)})
  GROUP BY enterprise_id, year
)
SELECT s.enterprise_id, s.year, CAST(e.name_zh AS VARCHAR) AS name_zh, CAST(e.name_en AS VARCHAR) AS name_en,
       COALESCE(CAST(e.sector AS VARCHAR), 'unknown') AS sector, CAST(e.sector AS VARCHAR) AS raw_sector,
       s.energy_tce, s.electricity_tce, s.renewable_tce, s.scope1_tco2, s.process_tco2, s.scope2_tco2,
       s.heat_in_park_tco2, s.deduction_tco2, s.total_tco2, s.biogenic_tco2,
       c.output_value_10k_cny AS output_10k_cny, c.value_added_10k_cny AS value_added_10k_cny
FROM s
LEFT JOIN enterprises e ON CAST(e.enterprise_id AS VARCHAR) = s.enterprise_id
LEFT JOIN economics c ON CAST(c.enterprise_id AS VARCHAR) = s.enterprise_id AND CAST(c.year AS INTEGER) = s.year`,
    },
    {
      step: 'economics',
      sql: `CREATE OR REPLACE TABLE ${t.eco} AS
WITH eco AS (
  SELECT CAST(year AS INTEGER) AS year, sum(output_value_10k_cny) AS output_10k_cny,
         sum(value_added_10k_cny) AS value_added_10k_cny, count(DISTINCT enterprise_id)::INTEGER AS enterprises
  FROM economics GROUP BY 1
), fin AS (
  SELECT year, sum(electricity_tce) AS electricity_tce, sum(energy_tce) AS final_energy_tce
  FROM ${t.esy}
  WHERE COALESCE(raw_sector, '') NOT IN (${CONVERSION_SECTORS.join(', ')})
  GROUP BY year
)
SELECT year, eco.output_10k_cny, eco.value_added_10k_cny, eco.enterprises,
       fin.electricity_tce, fin.final_energy_tce
FROM eco FULL JOIN fin USING (year)
ORDER BY year`,
    },
    { step: 'economics', sql: `DROP TABLE IF EXISTS ${bySector}` },
    // The series every dashboard opens with do not depend on a year: kept as answered.
    { step: 'economics', sql: `CREATE OR REPLACE TABLE ${t.py} AS ${parkYearsOf(t)}` },
    { step: 'economics', sql: `CREATE OR REPLACE TABLE ${t.sy} AS ${totalsSql(t, true)}` },
    { step: 'economics', sql: `CREATE OR REPLACE TABLE ${t.cy} AS ${carrierYearsOf(t)}` },
  ];
}

/** Drops every materialised inventory (the data they were built from is being replaced). */
export function dropInventoriesSql(): string {
  return `DROP SCHEMA IF EXISTS ${quoteIdent(INVENTORY_SCHEMA)} CASCADE`;
}

/** Park totals by year (parkTotalsSql) from `ysc`; with `bySector`, by year and sector. */
function totalsSql(t: InventoryTables, bySector: boolean): string {
  return `WITH ${parkTotalsFrom(`${t.ysc} l`, t.ysc, bySector ? 'l.sector' : undefined)}`;
}

/** As parkYearsSql (inventory-views-sql.ts), from a materialised inventory. Same columns. */
export function parkYearsFromSql(t: InventoryTables): string {
  return `SELECT * FROM ${t.py} ORDER BY year`;
}

function parkYearsOf(t: InventoryTables): string {
  return `WITH p AS (${totalsSql(t, false)})
SELECT p.year, p.energy_tce, p.scope1_tco2, p.scope2_tco2, p.deduction_tco2, p.total_tco2, p.biogenic_tco2,
       p.heat_in_park_gj, p.heat_in_park_excluded_tco2, p.heat_leaving_park_gj,
       y.output_10k_cny, y.value_added_10k_cny, y.enterprises, y.electricity_tce, y.final_energy_tce
FROM p LEFT JOIN ${t.eco} y ON y.year = p.year
ORDER BY p.year`;
}

/** As sectorYearsSql, from a materialised inventory. */
export function sectorYearsFromSql(t: InventoryTables): string {
  return `SELECT * FROM ${t.sy} ORDER BY year, sector`;
}

/** As carrierYearsSql, from a materialised inventory. Columns: year, carrier, energy_tce, total_tco2. */
export function carrierYearsFromSql(t: InventoryTables): string {
  return `SELECT * FROM ${t.cy} ORDER BY year, carrier`;
}

function carrierYearsOf(t: InventoryTables): string {
  return carrierYearsFrom(`${t.ysc} l`, heatShareSql(t.ysc));
}

/** As sankeySql (year bound as parameter 1), from a materialised inventory. */
export function sankeyFromSql(t: InventoryTables): string {
  return sankeyFrom(`${t.ysc} l`, 'l.sector');
}

/**
 * As enterpriseYearSql (year as parameter 1; with `bySector`, the sector as parameter 2), from a
 * materialised inventory.
 */
export function enterpriseYearFromSql(t: InventoryTables, bySector = false): string {
  return `SELECT enterprise_id, name_zh, name_en, sector,
       energy_tce, electricity_tce, scope1_tco2, scope2_tco2, deduction_tco2, total_tco2,
       biogenic_tco2, output_10k_cny, value_added_10k_cny
FROM ${t.esy}
WHERE year = ?${bySector ? ' AND raw_sector = ?' : ''}
ORDER BY total_tco2 DESC, enterprise_id`;
}

/** Numeric columns the top-enterprises table can be ordered by (intensity: total per output value). */
export type EnterpriseOrderKey =
  'energy_tce' | 'scope1_tco2' | 'scope2_tco2' | 'total_tco2' | 'output' | 'intensity';

const ORDER_EXPR: Record<EnterpriseOrderKey, string> = {
  energy_tce: 'energy_tce',
  scope1_tco2: 'scope1_tco2',
  scope2_tco2: 'scope2_tco2',
  total_tco2: 'total_tco2',
  output: 'CASE WHEN isfinite(output_10k_cny) THEN output_10k_cny END',
  intensity: 'CASE WHEN output_10k_cny > 0 AND isfinite(output_10k_cny) THEN total_tco2 / output_10k_cny END',
};

/**
 * The first rows of enterpriseYearFromSql in another order (year parameter 1, row limit parameter 2),
 * sorted and cut inside DuckDB so a park of many enterprises sends a page only its table: missing values
 * last in either direction, ties by enterprise id. Adds `n_all`, the enterprise count of the year.
 */
export function enterpriseTopFromSql(
  t: InventoryTables,
  key: EnterpriseOrderKey,
  dir: 'asc' | 'desc',
): string {
  // The year's count by a subquery, not count(*) OVER (): a window over the whole year makes DuckDB hold
  // every row of it before the top-N.
  return `WITH y AS (SELECT * FROM ${t.esy} WHERE year = ?)
SELECT enterprise_id, name_zh, name_en, sector,
       energy_tce, electricity_tce, scope1_tco2, scope2_tco2, deduction_tco2, total_tco2,
       biogenic_tco2, output_10k_cny, value_added_10k_cny, (SELECT count(*) FROM y)::DOUBLE AS n_all
FROM y
ORDER BY ${ORDER_EXPR[key]} ${dir === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, enterprise_id
LIMIT ?`;
}
