/**
 * The CSV writer of the accounting exports (park inventory and enterprise self-check tables, see
 * report-vm.ts). RFC 4180 quoting; the UTF-8 byte-order mark is added when the file is saved, so
 * spreadsheet programs read the Chinese text.
 */
import { sheetRows, type ExportSheet } from './report-vm';

/** One CSV field, quoted when it holds a separator, quote or line break. */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

export function toCsvText(header: readonly string[], rows: readonly (string | number | null)[][]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A sheet as CSV text: localized headers with units, the codes, then the rounded values. */
export function sheetCsv(sheet: ExportSheet): string {
  const [header, codes, ...rows] = sheetRows(sheet);
  return toCsvText(header.map(String), [codes, ...rows]);
}

/** A file name safe on every OS: letters, digits, CJK, dash and underscore. */
export function safeFileName(name: string): string {
  return name.replace(/[^\p{L}\p{N}_-]+/gu, '_').replace(/^_+|_+$/g, '') || 'inventory';
}
