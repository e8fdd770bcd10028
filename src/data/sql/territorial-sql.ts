/**
 * The territorial (production-based) park total and its memo items, and the enterprises with a negative
 * net total, from a materialised inventory (inventory-store-sql.ts): the SQL twins of territorialTotals
 * and negativeNetEnterprises in src/core/accounting/territorial.ts, with the same definitions.
 */
import type { InventoryTables } from './inventory-store-sql';

/**
 * By year: territorial_tco2 (Σ Scope 1), net_tco2 (the park years' consumption-based total), and the
 * memo items electricity_import_mwh/_tco2 (grid and green power), heat_import_gj/_tco2 (heat from
 * outside the park), electricity_export_mwh/_tco2, heat_export_gj/_tco2 (exported heat that leaves the
 * park, deducted pro rata as in the park years), biogenic_tco2. Electric carriers are in 10^4 kWh.
 */
export function territorialFromSql(t: InventoryTables): string {
  return `WITH s AS (
  SELECT year,
         sum(scope1_tco2) AS territorial_tco2,
         sum(CASE WHEN kind = 'electricity' THEN amount * 10 ELSE 0 END) AS electricity_import_mwh,
         sum(CASE WHEN kind = 'electricity' THEN scope2_tco2 ELSE 0 END) AS electricity_import_tco2,
         sum(CASE WHEN carrier = 'heat' THEN amount ELSE 0 END) AS heat_import_gj,
         sum(CASE WHEN carrier = 'heat' THEN scope2_tco2 ELSE 0 END) AS heat_import_tco2,
         sum(CASE WHEN carrier = 'electricity_export' THEN amount * 10 ELSE 0 END) AS electricity_export_mwh,
         sum(CASE WHEN carrier = 'electricity_export' THEN deduction_tco2 ELSE 0 END) AS electricity_export_tco2,
         sum(CASE WHEN carrier = 'heat_export' THEN amount ELSE 0 END) AS hx_gj,
         sum(CASE WHEN carrier = 'heat_export' THEN deduction_tco2 ELSE 0 END) AS hx_tco2,
         sum(CASE WHEN carrier = 'heat_in_park' THEN amount ELSE 0 END) AS hip_gj,
         sum(biogenic_tco2) AS biogenic_tco2
  FROM ${t.ysc} GROUP BY year
)
SELECT s.year, s.territorial_tco2, p.total_tco2 AS net_tco2,
       s.electricity_import_mwh, s.electricity_import_tco2, s.heat_import_gj, s.heat_import_tco2,
       s.electricity_export_mwh, s.electricity_export_tco2,
       greatest(s.hx_gj - s.hip_gj, 0) AS heat_export_gj,
       CASE WHEN s.hx_gj > 0 THEN s.hx_tco2 * greatest(s.hx_gj - s.hip_gj, 0) / s.hx_gj ELSE 0 END
         AS heat_export_tco2,
       s.biogenic_tco2
FROM s JOIN ${t.py} p ON p.year = s.year
ORDER BY s.year`;
}

/**
 * Enterprise-years with a negative net total (year as parameter 1), largest credit first. Columns:
 * enterprise_id, name_zh, name_en, scope1_tco2, deduction_tco2, total_tco2.
 */
export function negativeNetFromSql(t: InventoryTables): string {
  return `SELECT enterprise_id, name_zh, name_en, scope1_tco2, deduction_tco2, total_tco2
FROM ${t.esy}
WHERE year = ? AND total_tco2 < 0
ORDER BY total_tco2, enterprise_id`;
}
