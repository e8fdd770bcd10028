/**
 * SQL for the Overview page that the accounting views do not already give (energy, emissions and
 * economics by year come from src/data/sql/inventory-views-sql.ts, the same queries as the inventory page).
 */

/** Enterprise counts by sector. Columns: sector, n. */
export function sectorCountsSql(): string {
  return 'SELECT sector, count(*)::INTEGER AS n FROM enterprises GROUP BY sector ORDER BY n DESC, sector';
}
