/**
 * SQL for the Overview page. Energy is the comprehensive energy consumption of GB/T 2589-2020: inputs
 * minus energy delivered to others, each converted with the coefficient table `ref_emission_factors`
 * (equivalent-value method for electricity). Summed over the park, steam the CHP sells inside the park
 * cancels out (the buyers' heat_in_park against the plant's heat_export).
 */

/** Signed tce of an activity row `a` joined to its factor row `f`. */
const SIGNED_TCE = "a.amount * f.tce_per_unit * CASE WHEN f.kind = 'export' THEN -1 ELSE 1 END";

/** Enterprise counts by sector. Columns: sector, n. */
export function sectorCountsSql(): string {
  return 'SELECT sector, count(*)::INTEGER AS n FROM enterprises GROUP BY sector ORDER BY n DESC, sector';
}

/** Energy use (tce) by year and carrier, exports negative. Columns: year, carrier, tce. */
export function energyByCarrierSql(): string {
  return `SELECT a.year::INTEGER AS year, a.carrier, sum(${SIGNED_TCE}) AS tce
FROM activity a JOIN ref_emission_factors f ON f.carrier = a.carrier
WHERE f.kind <> 'process'
GROUP BY a.year, a.carrier
ORDER BY a.year, a.carrier`;
}

/**
 * Headline figures per year. Columns: year, energy_tce, electricity_tce, output_10k_cny,
 * value_added_10k_cny, enterprises.
 */
export function yearlyKpiSql(): string {
  return `WITH e AS (
  SELECT a.year, sum(${SIGNED_TCE}) AS energy_tce,
         sum(CASE WHEN f.kind = 'electricity' OR a.carrier = 'pv_electricity' THEN a.amount * f.tce_per_unit ELSE 0 END)
           AS electricity_tce
  FROM activity a JOIN ref_emission_factors f ON f.carrier = a.carrier
  WHERE f.kind <> 'process'
  GROUP BY a.year
), o AS (
  SELECT year, sum(output_value_10k_cny) AS output_10k_cny, sum(value_added_10k_cny) AS value_added_10k_cny,
         count(DISTINCT enterprise_id)::INTEGER AS enterprises
  FROM economics GROUP BY year
)
SELECT e.year::INTEGER AS year, e.energy_tce, e.electricity_tce, o.output_10k_cny, o.value_added_10k_cny, o.enterprises
FROM e JOIN o ON o.year = e.year
ORDER BY e.year`;
}
