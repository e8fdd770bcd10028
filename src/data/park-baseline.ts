/**
 * Builds the scenario model's ParkBaseline from the loaded park through SQL over DuckDB: the latest
 * year's activity by sector × carrier, output value by sector, and the park's history (totals by the
 * accounting SQL of parkTotalsSql, output by year) for the intensity comparisons with 2020 and 2025.
 * Coefficients come from the accounting engine (`carrierCoefficients`), never a second copy of a factor;
 * the CHP-steam boundary is applied by `baselineFromRows` exactly as parkTotals applies it.
 */
import type { Table } from 'apache-arrow';
import { InputError, type Problem } from '../core/errors';
import { FactorLibrary, carrierCoefficients, type AccountingOptions } from '../core/accounting/index';
import { carrierInfo } from '../core/carriers';
import {
  baselineFromRows,
  DEFAULT_SCOPE2,
  rooftopStockFrom,
  type BaselineHistory,
  type BaselineRow,
  type ParkBaseline,
  type PvInstallation,
  type Scope2Method,
} from '../core/scenario/index';
import { convert } from '../core/units';
import { numberColumn, stringColumn } from './arrow-rows';
import type { DbPort } from './port';
import { parkTotalsSql } from './sql/inventory-sql';

/** The latest year with activity data. Columns: year. */
function baseYearSql(): string {
  return 'SELECT max(year)::INTEGER AS year FROM activity';
}

/**
 * Activity of one year (parameter 1) by sector, carrier and unit. Columns: sector, carrier, unit, amount.
 * Every enterprise is in `enterprises` (checked first by keyProblemsSql); the COALESCE only names a
 * sector left blank.
 */
function baselineActivitySql(): string {
  return `SELECT COALESCE(CAST(e.sector AS VARCHAR), 'unknown') AS sector, CAST(a.carrier AS VARCHAR) AS carrier,
       CAST(a.unit AS VARCHAR) AS unit, sum(CAST(a.amount AS DOUBLE)) AS amount
FROM activity a
LEFT JOIN enterprises e ON CAST(e.enterprise_id AS VARCHAR) = CAST(a.enterprise_id AS VARCHAR)
WHERE a.year = ?
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3`;
}

/** Output value (10^4 CNY) by year and sector. Columns: year, sector, output. */
function outputBySectorSql(): string {
  return `SELECT CAST(x.year AS INTEGER) AS year, COALESCE(CAST(e.sector AS VARCHAR), 'unknown') AS sector,
       sum(CAST(x.output_value_10k_cny AS DOUBLE)) AS output
FROM economics x
LEFT JOIN enterprises e ON CAST(e.enterprise_id AS VARCHAR) = CAST(x.enterprise_id AS VARCHAR)
GROUP BY 1, 2
ORDER BY 1, 2`;
}

/**
 * Base-year PV generation (10^4 kWh) of every enterprise with activity in a year (parameter 1); 0 for
 * enterprises without PV. Columns: enterprise_id, pv.
 */
function baselinePvSql(): string {
  return `SELECT CAST(enterprise_id AS VARCHAR) AS enterprise_id,
       sum(CASE WHEN carrier = 'pv_electricity' THEN CAST(amount AS DOUBLE) ELSE 0 END) AS pv
FROM activity
WHERE year = ?
GROUP BY 1
ORDER BY 1`;
}

/**
 * The key rules of a park, checked before a baseline is built (docs/architecture.md, "Park keys"): an
 * enterprise id appears once in `enterprises`; every row of `activity`, `economics` and (if the park has
 * it) `pv_installations` names an enterprise of `enterprises`. Columns: tbl, enterprise_id, first (the
 * 0-based record of the first offending row), second (of the repeat, for a duplicate; else null), n.
 */
function keyProblemsSql(withPv: boolean): string {
  const orphans = (
    table: string,
  ) => `SELECT '${table}' AS tbl, CAST(t.enterprise_id AS VARCHAR) AS enterprise_id,
       min(t.rowid)::DOUBLE AS first, NULL::DOUBLE AS second, count(*)::DOUBLE AS n
FROM ${table} t
WHERE NOT EXISTS (SELECT 1 FROM enterprises e WHERE CAST(e.enterprise_id AS VARCHAR) = CAST(t.enterprise_id AS VARCHAR))
GROUP BY 2`;
  return `SELECT * FROM (
SELECT 'enterprises' AS tbl, CAST(enterprise_id AS VARCHAR) AS enterprise_id,
       min(rowid)::DOUBLE AS first, (list(rowid ORDER BY rowid))[2]::DOUBLE AS second, count(*)::DOUBLE AS n
FROM enterprises GROUP BY 2 HAVING count(*) > 1
UNION ALL ${orphans('activity')}
UNION ALL ${orphans('economics')}${
    withPv
      ? `
UNION ALL ${orphans('pv_installations')}`
      : ''
  }
) ORDER BY tbl, first
LIMIT 100`;
}

/**
 * Where a record of a park table came from, for messages: the CLI maps a record to its file and line;
 * the default names the table and the 1-based record.
 */
export type LocateRecord = (table: string, record: number) => { file: string; row: number };

const recordOf: LocateRecord = (table, record) => ({ file: table, row: record + 1 });

async function hasTable(db: Pick<DbPort, 'query'>, name: string): Promise<boolean> {
  const t = await db.query(
    'SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = ?',
    [name],
  );
  return Number(t.get(0)?.n) > 0;
}

/** Throws an InputError naming every broken key rule (see keyProblemsSql), located by `locate`. */
async function checkParkKeys(db: Pick<DbPort, 'query'>, locate: LocateRecord = recordOf): Promise<void> {
  const t = await db.query(keyProblemsSql(await hasTable(db, 'pv_installations')));
  if (t.numRows === 0) return;
  const tbl = stringColumn(t, 'tbl');
  const id = stringColumn(t, 'enterprise_id');
  const first = numberColumn(t, 'first');
  const second = numberColumn(t, 'second');
  const n = numberColumn(t, 'n');
  const problems: Problem[] = tbl.map((table, i) => {
    const at = locate(table, first[i]);
    const shown = JSON.stringify(id[i].length > 80 ? `${id[i].slice(0, 80)}…` : id[i]);
    const more = n[i] > 1 ? ` (${n[i]} rows)` : '';
    const reason =
      table === 'enterprises'
        ? `enterprise ${shown} is listed twice (again at row ${locate(table, second[i]).row})${n[i] > 2 ? `, ${n[i]} times in all` : ''}`
        : `enterprise ${shown} is not in enterprises${more}`;
    return { file: at.file, row: at.row, column: 'enterprise_id', reason };
  });
  throw new InputError(problems);
}

/** PV installations, if the park has the table. Columns: enterprise_id, commissioned_year, capacity_kwp. */
function pvInstallationsSql(): string {
  return `SELECT CAST(enterprise_id AS VARCHAR) AS enterprise_id, CAST(commissioned_year AS INTEGER) AS commissioned_year,
       CAST(capacity_kwp AS DOUBLE) AS capacity_kwp
FROM pv_installations`;
}

async function pvInstallations(db: Pick<DbPort, 'query'>): Promise<PvInstallation[] | undefined> {
  if (!(await hasTable(db, 'pv_installations'))) return undefined;
  const rows = await db.query(pvInstallationsSql());
  const id = stringColumn(rows, 'enterprise_id');
  const year = numberColumn(rows, 'commissioned_year');
  const kwp = numberColumn(rows, 'capacity_kwp');
  return id.map((e, i) => ({ enterprise_id: e, commissioned_year: year[i], capacity_kwp: kwp[i] }));
}

export interface ParkBaselineMeta {
  datasetId: string;
  greenSpaceHa?: number;
  wetlandHa?: number;
}

export interface ParkBaselineOptions {
  /**
   * Scope-2 method of the coefficients and the history: the scenario's `accounting.scope2`
   * (default DEFAULT_SCOPE2, market based). Wins over `accounting.scope2Method`.
   */
  scope2?: Scope2Method;
  /** Other accounting options (grid region, electricity method). */
  accounting?: Partial<AccountingOptions>;
  /** Base year; default the latest year with activity. */
  year?: number;
  /** Names the file and row of a table record in messages; default the table and record number. */
  locate?: LocateRecord;
}

/** Sums (sector, carrier, unit, amount) rows into canonical-unit rows per sector × carrier. */
function canonicalRows(t: Table): BaselineRow[] {
  const sector = stringColumn(t, 'sector');
  const carrier = stringColumn(t, 'carrier');
  const unit = stringColumn(t, 'unit');
  const amount = numberColumn(t, 'amount');
  const sums = new Map<string, BaselineRow>();
  for (let i = 0; i < sector.length; i++) {
    const info = carrierInfo(carrier[i]);
    if (!info) throw new Error(`Unknown carrier "${carrier[i]}" in the activity table`);
    const value =
      unit[i] === '' || unit[i] === info.unit
        ? amount[i]
        : convert(amount[i], unit[i], info.unit, carrier[i]);
    const key = `${sector[i]}\u0000${carrier[i]}`;
    const row = sums.get(key);
    if (row) row.amount += value;
    else sums.set(key, { sector: sector[i], carrier: carrier[i], amount: value });
  }
  return [...sums.values()];
}

/**
 * Park history (years up to and including the base year): totals, energy and output value. A year
 * without output value is left out, unless the park has no economics at all (then every year, output NaN).
 */
function historyFrom(totals: Table, output: Table, baseYear: number): BaselineHistory {
  const ty = numberColumn(totals, 'year');
  const total = numberColumn(totals, 'total_tco2');
  const energy = numberColumn(totals, 'energy_tce');
  const renewable = numberColumn(totals, 'renewable_tce');
  const oy = numberColumn(output, 'year');
  const ov = numberColumn(output, 'output');
  const outputByYear = new Map<number, number>();
  oy.forEach((y, i) => outputByYear.set(y, (outputByYear.get(y) ?? 0) + ov[i]));
  // A park without economics keeps its emission history (the peak compares with it); no output value.
  const noOutput = oy.length === 0;
  const h: BaselineHistory = { years: [], totalTco2: [], energyTce: [], outputValue: [], renewableTce: [] };
  ty.forEach((y, i) => {
    const out = noOutput ? NaN : outputByYear.get(y);
    if (y > baseYear || out === undefined) return;
    h.years.push(y);
    h.totalTco2.push(total[i]);
    h.energyTce.push(energy[i]);
    h.renewableTce!.push(renewable[i]);
    h.outputValue.push(out);
  });
  return h;
}

/**
 * Builds the baseline of the park loaded in `db` (tables activity, enterprises, economics, ref_*).
 * Throws an InputError when a key rule is broken (checkParkKeys) or the base year has no output value
 * while other years have some; a park with no economics rows at all gets a baseline without output value.
 */
export async function loadParkBaseline(
  db: Pick<DbPort, 'query'>,
  meta: ParkBaselineMeta,
  options: ParkBaselineOptions = {},
): Promise<ParkBaseline> {
  await checkParkKeys(db, options.locate);
  const year = options.year ?? Number((await db.query(baseYearSql())).get(0)?.year ?? NaN);
  if (!Number.isInteger(year)) throw new Error('The park has no activity data to start a scenario from');
  const scope2 = options.scope2 ?? DEFAULT_SCOPE2;
  const accounting: Partial<AccountingOptions> = { ...options.accounting, scope2Method: scope2 };
  const [activity, output, totals, pv, installations] = await Promise.all([
    db.query(baselineActivitySql(), [year]),
    db.query(outputBySectorSql()),
    db.query(parkTotalsSql(accounting)),
    db.query(baselinePvSql(), [year]),
    pvInstallations(db),
  ]);
  const rows = canonicalRows(activity);
  if (rows.length === 0) throw new Error(`The park has no activity data for ${year}`);

  const outputBySector: Record<string, number> = {};
  const oy = numberColumn(output, 'year');
  const os = stringColumn(output, 'sector');
  const ov = numberColumn(output, 'output');
  oy.forEach((y, i) => {
    if (y === year) outputBySector[os[i]] = (outputBySector[os[i]] ?? 0) + ov[i];
  });
  // A park without economics (e.g. imported without that table) has no output value: the model runs
  // with output 0, so intensities are not computed (summary) and the structural shift moves nothing.
  if (Object.keys(outputBySector).length === 0 && oy.length > 0) {
    const file = (options.locate ?? recordOf)('economics', 0).file;
    throw new InputError([{ file, column: 'year', reason: `no rows for the base year ${year}` }]);
  }

  const pvIds = stringColumn(pv, 'enterprise_id');
  const pvGen = numberColumn(pv, 'pv');
  const lib = FactorLibrary.standard();
  return baselineFromRows(
    rows,
    outputBySector,
    (carrier) => carrierCoefficients(lib, carrier, accounting, year),
    {
      datasetId: meta.datasetId,
      year,
      scope2,
      rooftop: rooftopStockFrom(year, new Map(pvIds.map((id, i) => [id, pvGen[i]])), installations),
      greenSpaceHa: meta.greenSpaceHa,
      wetlandHa: meta.wetlandHa,
      history: historyFrom(totals, output, year),
    },
  );
}
