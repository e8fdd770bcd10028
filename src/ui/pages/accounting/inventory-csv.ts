/**
 * The CSV of the accounting exports (park inventory and enterprise self-check tables, see
 * report-vm.ts), written by the one CSV writer (src/core/csv-write.ts). The UTF-8 byte-order mark is
 * added when the file is saved, so spreadsheet programs read the Chinese text.
 */
import { toCsv } from '../../../core/csv-write';
import { sheetRows, type ExportSheet } from './report-vm';

export { csvField } from '../../../core/csv-write';

/** A sheet as CSV text: localized headers with units, the codes, then the rounded values. */
export function sheetCsv(sheet: ExportSheet): string {
  const [header, codes, ...rows] = sheetRows(sheet);
  return toCsv(header.map(String), [codes, ...rows]);
}

/** A file name safe on every OS: letters, digits, CJK, dash and underscore. */
export function safeFileName(name: string): string {
  return name.replace(/[^\p{L}\p{N}_-]+/gu, '_').replace(/^_+|_+$/g, '') || 'inventory';
}
