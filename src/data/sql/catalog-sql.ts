/**
 * SQL for the Data view: table list with row counts, columns, paged preview.
 */
import { quoteIdent, sqlLiteral } from '../port';

/** Row counts of the given tables. Columns: table_name, row_count. */
export function rowCountsSql(tables: readonly string[]): string {
  if (tables.length === 0) return 'SELECT NULL::VARCHAR AS table_name, NULL::BIGINT AS row_count WHERE false';
  return tables
    .map((t) => `SELECT ${sqlLiteral(t)} AS table_name, count(*) AS row_count FROM ${quoteIdent(t)}`)
    .join('\nUNION ALL\n');
}

/** Columns of every user table. Columns: table_name, column_name, data_type. */
export function columnsSql(): string {
  return `SELECT table_name, column_name, data_type FROM information_schema.columns
WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`;
}

/** One page of a table; bind [limit, offset]. */
export function previewSql(table: string): string {
  return `SELECT * FROM ${quoteIdent(table)} LIMIT ? OFFSET ?`;
}
