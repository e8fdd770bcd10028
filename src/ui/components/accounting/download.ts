import { downloadBlob } from '../download';

/**
 * Saves text as a file from the browser itself (a Blob URL): nothing leaves the machine.
 */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  // The byte-order mark lets spreadsheet programs detect UTF-8 (Chinese names and sources).
  const blob = new Blob(['\uFEFF', text], { type });
  downloadBlob(blob, fileName);
}
