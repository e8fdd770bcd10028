/**
 * Aggregations for the Park inventory and Enterprise self-check pages, built on the inventory SQL of
 * src/data/sql/inventory-sql.ts (the engine's twin), so every figure on those pages is a DuckDB query
 * over the loaded park with the same factors as the engine. Park-level figures follow parkTotals:
 * steam the park's CHP sells inside the park (heat_in_park) is not counted again as the buyers' Scope 2,
 * and only the share of exported heat that leaves the park is deducted (docs/accounting.md).
 * Values that come from the user (year, sector, enterprise id) are bound as `?` parameters.
 */
import { SECTORS } from '../../core/sectors';
import { sqlLiteral } from '../port';
import {
  carrierYearsFrom,
  heatShareSql,
  inventoryLinesSql,
  inventorySummarySql,
  parkTotalsSql,
  sankeyFrom,
  type InventorySqlOptions,
} from './inventory-sql';

/** Sectors of the energy-conversion industry (GB/T 4754-2017 division 44), outside final consumption. */
const CONVERSION_SECTORS = SECTORS.filter((s) => s.gbt4754 === '44').map((s) => sqlLiteral(s.code));

/**
 * Park figures by year with economics. Columns: year, energy_tce, scope1_tco2, scope2_tco2,
 * deduction_tco2, total_tco2, biogenic_tco2, heat_in_park_gj, heat_in_park_excluded_tco2,
 * heat_leaving_park_gj, output_10k_cny, value_added_10k_cny, enterprises, electricity_tce,
 * final_energy_tce (energy of enterprises outside GB/T 4754 division 44, i.e. final consumption).
 */
export function parkYearsSql(options: InventorySqlOptions = {}): string {
  return `WITH p AS (${parkTotalsSql(options)}),
s AS (${inventorySummarySql(options)}),
fin AS (
  SELECT s.year,
         sum(s.electricity_tce) AS electricity_tce,
         sum(s.energy_tce) AS final_energy_tce
  FROM s LEFT JOIN enterprises e ON CAST(e.enterprise_id AS VARCHAR) = s.enterprise_id
  WHERE COALESCE(CAST(e.sector AS VARCHAR), '') NOT IN (${CONVERSION_SECTORS.join(', ')})
  GROUP BY s.year
), eco AS (
  SELECT CAST(year AS INTEGER) AS year, sum(output_value_10k_cny) AS output_10k_cny,
         sum(value_added_10k_cny) AS value_added_10k_cny, count(DISTINCT enterprise_id)::INTEGER AS enterprises
  FROM economics GROUP BY 1
)
SELECT p.year, p.energy_tce, p.scope1_tco2, p.scope2_tco2, p.deduction_tco2, p.total_tco2, p.biogenic_tco2,
       p.heat_in_park_gj, p.heat_in_park_excluded_tco2, p.heat_leaving_park_gj,
       eco.output_10k_cny, eco.value_added_10k_cny, eco.enterprises,
       fin.electricity_tce, fin.final_energy_tce
FROM p LEFT JOIN eco ON eco.year = p.year LEFT JOIN fin ON fin.year = p.year
ORDER BY p.year`;
}

/**
 * Park figures by year and sector; the sectors add up to the park. Columns: year, sector, energy_tce,
 * scope1_tco2, scope2_tco2, deduction_tco2, total_tco2, biogenic_tco2, ….
 */
export function sectorYearsSql(options: InventorySqlOptions = {}): string {
  return parkTotalsSql(options, true);
}

/**
 * Park figures by year and carrier at the park boundary; the carriers add up to the park. Columns:
 * year, carrier, energy_tce, total_tco2 (scope 1 + scope 2 − deduction; heat_in_park contributes 0,
 * heat_export only its share leaving the park).
 */
export function carrierYearsSql(options: InventorySqlOptions = {}): string {
  const lines = `(${inventoryLinesSql(options)})`;
  return carrierYearsFrom(`${lines} l`, heatShareSql(lines));
}

/**
 * Emissions flowing from carriers to sectors for one year (bound parameter 1), at the park boundary
 * (heat_in_park left out: that steam is the CHP's Scope 1). Columns: sector, carrier, scope1_tco2,
 * scope2_tco2. Deductions for exports are not flows and are reported apart.
 */
export function sankeySql(options: InventorySqlOptions = {}): string {
  return sankeyFrom(
    `(${inventoryLinesSql(options)}) l
LEFT JOIN enterprises e ON CAST(e.enterprise_id AS VARCHAR) = l.enterprise_id`,
    "COALESCE(CAST(e.sector AS VARCHAR), 'unknown')",
  );
}

/**
 * Enterprise inventories (GB/T 32150-2015 enterprise boundary) of one year (parameter 1), with
 * economics; with `bySector`, only one sector (parameter 2). Columns: enterprise_id, name_zh, name_en,
 * sector, energy_tce, electricity_tce, scope1_tco2, scope2_tco2, deduction_tco2, total_tco2,
 * biogenic_tco2, output_10k_cny, value_added_10k_cny.
 */
export function enterpriseYearSql(options: InventorySqlOptions = {}, bySector = false): string {
  return `SELECT s.enterprise_id, CAST(e.name_zh AS VARCHAR) AS name_zh, CAST(e.name_en AS VARCHAR) AS name_en,
       COALESCE(CAST(e.sector AS VARCHAR), 'unknown') AS sector,
       s.energy_tce, s.electricity_tce, s.scope1_tco2, s.scope2_tco2, s.deduction_tco2, s.total_tco2,
       s.biogenic_tco2, c.output_value_10k_cny AS output_10k_cny, c.value_added_10k_cny AS value_added_10k_cny
FROM (${inventorySummarySql(options)}) s
LEFT JOIN enterprises e ON CAST(e.enterprise_id AS VARCHAR) = s.enterprise_id
LEFT JOIN economics c ON CAST(c.enterprise_id AS VARCHAR) = s.enterprise_id AND CAST(c.year AS INTEGER) = s.year
WHERE s.year = ?${bySector ? ' AND e.sector = ?' : ''}
ORDER BY s.total_tco2 DESC, s.enterprise_id`;
}

/** The park's enterprises for a picker. Columns: enterprise_id, name_zh, name_en, sector. */
export function enterpriseListSql(): string {
  return `SELECT CAST(enterprise_id AS VARCHAR) AS enterprise_id, CAST(name_zh AS VARCHAR) AS name_zh,
       CAST(name_en AS VARCHAR) AS name_en, CAST(sector AS VARCHAR) AS sector
FROM enterprises ORDER BY enterprise_id`;
}

/** Activity rows of one enterprise (parameter 1). Columns: enterprise_id, year, carrier, amount, unit. */
export function enterpriseActivitySql(): string {
  return `SELECT CAST(enterprise_id AS VARCHAR) AS enterprise_id, CAST(year AS INTEGER) AS year,
       CAST(carrier AS VARCHAR) AS carrier, CAST(amount AS DOUBLE) AS amount, CAST(unit AS VARCHAR) AS unit
FROM activity WHERE enterprise_id = ? ORDER BY year, carrier`;
}

/** Economics of one enterprise (parameter 1). Columns: year, output_10k_cny, value_added_10k_cny. */
export function enterpriseEconomicsSql(): string {
  return `SELECT CAST(year AS INTEGER) AS year, output_value_10k_cny AS output_10k_cny,
       value_added_10k_cny AS value_added_10k_cny
FROM economics WHERE enterprise_id = ? ORDER BY year`;
}
