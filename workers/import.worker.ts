/**
 * The import worker: reads, decodes and validates the user's files with the core importer, off the
 * page's thread, and sends back the problems, the proposed mappings and the canonical tables as Arrow
 * IPC bytes (transferred). Progress goes out through a callback; cancelling ends the worker (the
 * runner's job). Created only by workers/import-runner.ts.
 */
import * as Comlink from 'comlink';
import initParquet, { readParquet } from 'parquet-wasm/esm';
import { utils, write } from '@e965/xlsx';
import { importTemplate } from '../src/core/import/template';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { Problem } from '../src/core/errors';
import {
  importPark,
  rowsToLoad,
  toIpc,
  type EncodingChoice,
  type FileInfo,
  type MappingDoc,
  type Field,
  type ImportPhase,
  type Layout,
  type SheetPlan,
} from '../src/core/import/index';

export interface ImportJob {
  activity: { name: string; bytes: Uint8Array }[];
  enterprises?: { name: string; bytes: Uint8Array };
  economics?: { name: string; bytes: Uint8Array };
  mapping: MappingDoc;
  encoding: EncodingChoice;
}

/** One column of a sheet as proposed: header, what it was taken for, and by whom. */
export interface ProposedColumn {
  header: string;
  field?: Field;
  carrier?: string;
  unit?: string;
  by: 'header' | 'mapping' | 'none';
}

export interface ProposedSheet {
  file: string;
  table: 'activity' | 'enterprises' | 'economics';
  headerRow: number;
  layout: Layout;
  columns: ProposedColumn[];
}

export interface ImportOutcome {
  problems: Problem[];
  errorCount: number;
  warningCount: number;
  files: FileInfo[];
  sheets: ProposedSheet[];
  years?: [number, number];
  rowsRead: number;
  rowsRejected: number;
  rowsToLoad: number;
  /** Canonical tables of the valid rows, Arrow IPC stream bytes. */
  tables: { name: string; rows: number; ipc: Uint8Array }[];
}

let parquetReady: Promise<unknown> | null = null;

const api = {
  /** The import template as an XLSX workbook (SheetJS lives in this worker only). */
  template(lang: 'zh' | 'en'): Uint8Array {
    const wb = utils.book_new();
    for (const sheet of importTemplate(lang))
      utils.book_append_sheet(wb, utils.aoa_to_sheet(sheet.rows), sheet.name);
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },

  async run(
    job: ImportJob,
    progress?: (phase: ImportPhase, done: number, total: number) => void,
  ): Promise<ImportOutcome> {
    const all = [...job.activity, job.enterprises, job.economics];
    if (all.some((f) => f && /\.(parquet|pq)$/i.test(f.name))) {
      parquetReady ??= initParquet({ module_or_path: parquetWasmUrl });
      await parquetReady;
    }
    const r = importPark({
      activity: job.activity,
      enterprises: job.enterprises,
      economics: job.economics,
      mapping: job.mapping,
      encoding: job.encoding,
      parquetToIpc: (b) => readParquet(b).intoIPCStream(),
      progress: (phase, done, total) => progress?.(phase, done, total),
    });
    const sheets: ProposedSheet[] = [];
    const add = (table: ProposedSheet['table'], plans: readonly SheetPlan[]) => {
      for (const p of plans) {
        sheets.push({
          file: p.grid.file,
          table,
          headerRow: p.headerRow,
          layout: p.layout,
          columns: p.columns.map((c) => ({
            header: c.header,
            field: c.role?.kind === 'field' ? c.role.field : undefined,
            carrier: c.role?.kind === 'carrier' ? c.role.carrier : undefined,
            unit: c.role?.kind === 'carrier' ? c.role.unit : undefined,
            by: c.by,
          })),
        });
      }
    };
    if (r.activity) add('activity', r.activity.plans);
    if (r.enterprises) add('enterprises', r.enterprises.plans);
    if (r.economics) add('economics', r.economics.plans);
    const tables = r.tables
      .filter((t) => t.table.length > 0)
      .map((t) => ({ name: t.name, rows: t.table.length, ipc: toIpc(t.table) }));
    const parts = [r.activity, r.enterprises, r.economics].filter((x) => x !== undefined);
    const outcome: ImportOutcome = {
      problems: r.problems,
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      files: r.files,
      sheets,
      years: r.years,
      rowsRead: parts.reduce((a, p) => a + p.rowsRead, 0),
      rowsRejected: parts.reduce((a, p) => a + p.rowsRejected, 0),
      rowsToLoad: rowsToLoad(r),
      tables,
    };
    return Comlink.transfer(
      outcome,
      tables.map((t) => t.ipc.buffer as ArrayBuffer),
    );
  },
};

export type ImportWorkerApi = typeof api;

Comlink.expose(api);
