/**
 * CSV for the CLI: the strict RFC 4180 reader lives in the core importer (src/core/import/csv.ts); the
 * one writer is src/core/csv-write.ts.
 */
export { csvObjects, parseCsv, type CsvTable } from '../core/import/csv';
export { parseCsvBytes } from '../core/import/readers';
