/**
 * A grid read by the importer (src/core/import: CSV in any encoding, XLSX/XLS, JSON) as the table the
 * BOM and factor readers take: the header is the first of the first 30 rows that names two known columns (title rows above it are
 * skipped), else the first non-empty row, blank rows are skipped, and each
 * row keeps the row number the user's file shows.
 */
import { cellText, type Grid } from '../import/grid';
import { headerScore, type RowTable } from './bom';

export function gridTable(grid: Grid): RowTable {
  const rows = grid.rows.map((r) => r.map(cellText));
  const named = rows.slice(0, 30).findIndex((r) => headerScore(r) >= 2);
  const headAt = named >= 0 ? named : rows.findIndex((r) => r.some((c) => c !== ''));
  if (headAt < 0) return { header: [], rows: [], lines: [] };
  const header = rows[headAt];
  const body: string[][] = [];
  const lines: number[] = [];
  for (let i = headAt + 1; i < rows.length; i++) {
    if (rows[i].every((c) => c === '')) continue;
    body.push(header.map((_, j) => rows[i][j] ?? ''));
    lines.push(grid.rowNumbers[i]);
  }
  return { header, rows: body, lines };
}
