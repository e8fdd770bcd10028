/**
 * SQL for the Data view: table list with row counts, columns, paged preview. Tables are listed by name:
 * the park's (schema `main`) as `activity`, the console's own as `scratch.mine`.
 */
import { quoteIdent, sqlLiteral } from '../port';
import { SCRATCH_SCHEMA } from './console-guard';

/** A table by its listed name (`activity`, `scratch.mine`). */
export function tableRef(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? quoteIdent(name) : `${quoteIdent(name.slice(0, dot))}.${quoteIdent(name.slice(dot + 1))}`;
}

const LISTED = `CASE WHEN table_schema = 'main' THEN table_name ELSE table_schema || '.' || table_name END`;
const SCHEMAS = `table_schema IN ('main', ${sqlLiteral(SCRATCH_SCHEMA)})`;

/** The park's tables, then the console's scratch tables. Columns: table_name (listed name). */
export function listTablesSql(): string {
  return `SELECT ${LISTED} AS table_name FROM information_schema.tables
WHERE ${SCHEMAS} AND NOT starts_with(table_name, '__')
ORDER BY table_schema = 'main' DESC, table_name`;
}

/** Row counts of the given tables. Columns: table_name, row_count. */
export function rowCountsSql(tables: readonly string[]): string {
  if (tables.length === 0) return 'SELECT NULL::VARCHAR AS table_name, NULL::BIGINT AS row_count WHERE false';
  return tables
    .map((t) => `SELECT ${sqlLiteral(t)} AS table_name, count(*) AS row_count FROM ${tableRef(t)}`)
    .join('\nUNION ALL\n');
}

/** Columns of every listed table. Columns: table_name (listed name), column_name, data_type. */
export function columnsSql(): string {
  return `SELECT ${LISTED} AS table_name, column_name, data_type FROM information_schema.columns
WHERE ${SCHEMAS} ORDER BY table_schema, table_name, ordinal_position`;
}

/** One page of a table; bind [limit, offset]. */
export function previewSql(table: string): string {
  return `SELECT * FROM ${tableRef(table)} LIMIT ? OFFSET ?`;
}

/**
 * Park tables a park may come without that the pages' SQL reads; the pages then say what they cannot
 * show. (The Pathways baseline checks for `pv_installations` itself; nothing reads `production`.)
 */
export type OptionalTable = 'enterprises' | 'economics';

/**
 * Park tables that name enterprises (column `enterprise_id`), in the order the stand-in for a missing
 * `enterprises` reads them: every enterprise a park's tables name is one of its enterprises.
 */
const NAMING_TABLES = ['activity', 'feedstock', 'economics', 'pv_installations', 'production'] as const;

/**
 * Stand-ins for the optional park tables a loaded park lacks, so every page's SQL still runs: empty
 * tables with the canonical columns (datasets/README.md), and for a park without `enterprises` one row
 * per enterprise named by any of the park's tables of NAMING_TABLES it has (not `activity` alone: an
 * enterprise with output value or rooftop PV but no energy rows is still one of the park's, and the
 * key rules of the Pathways baseline read `economics` and `pv_installations` against `enterprises`),
 * named by its id, sector `unknown`. Returns a statement per missing table.
 */
/** The sector of every enterprise of the stand-in enterprises table (the park said none). */
export const UNKNOWN_SECTOR = 'unknown';

export function emptyOptionalTablesSql(present: readonly string[]): { table: OptionalTable; sql: string }[] {
  const named = NAMING_TABLES.filter((t) => present.includes(t)).map(
    (t) => `SELECT CAST(enterprise_id AS VARCHAR) AS enterprise_id FROM ${quoteIdent(t)}`,
  );
  const ids = named.length
    ? named.join('\nUNION ALL\n')
    : 'SELECT NULL::VARCHAR AS enterprise_id WHERE false';
  const stand: Record<OptionalTable, string> = {
    enterprises: `CREATE TABLE enterprises AS
SELECT DISTINCT enterprise_id, enterprise_id AS name_zh, enterprise_id AS name_en, '${UNKNOWN_SECTOR}' AS sector
FROM (${ids}) ORDER BY 1`,
    economics:
      'CREATE TABLE economics (enterprise_id VARCHAR, year INTEGER, output_value_10k_cny DOUBLE, value_added_10k_cny DOUBLE)',
  };
  return (Object.keys(stand) as OptionalTable[])
    .filter((t) => !present.includes(t))
    .map((table) => ({ table, sql: stand[table] }));
}
