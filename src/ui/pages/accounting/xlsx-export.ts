/**
 * XLSX workbooks of the accounting tables (the same sheets as the CSV files, plus an "about" sheet with
 * the date, the method and the factors). The spreadsheet library is loaded on the first export only.
 */
import { downloadBlob } from '../../components/download';
import { sheetRows, type Cell, type ExportSheet } from './report-vm';

/** The workbook's bytes: the about sheet first, then one sheet per table. */
export async function workbookBytes(
  about: { name: string; rows: Cell[][] },
  sheets: readonly ExportSheet[],
): Promise<Uint8Array> {
  const XLSX = await import('@e965/xlsx');
  const book = XLSX.utils.book_new();
  // Sheet names: at most 31 characters, no []:*?/\ (Excel's rules).
  const name = (n: string) => n.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(about.rows), name(about.name));
  for (const s of sheets)
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(sheetRows(s)), name(s.name));
  return XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as Uint8Array;
}

/** Saves a workbook as a file from the browser itself. */
export async function downloadXlsx(
  about: { name: string; rows: Cell[][] },
  sheets: readonly ExportSheet[],
  fileName: string,
): Promise<void> {
  const bytes = await workbookBytes(about, sheets);
  const blob = new Blob([bytes as BlobPart], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  downloadBlob(blob, fileName);
}
