/**
 * The footprint worker: runs a footprint job (src/core/footprint/job.ts) and reads BOM files through
 * the importer (CSV in any encoding, XLSX via SheetJS, which therefore loads only here). Totals per run
 * go back transferred, never copied. Created only by workers/footprint-runner.ts.
 */
import * as Comlink from 'comlink';
import { formatProblems } from '../src/core/errors';
import {
  gridTable,
  readBom,
  runFootprintJob,
  type BomLine,
  type FootprintJob,
  type Product,
} from '../src/core/footprint/index';
import type { Problem } from '../src/core/errors';
import { readFile } from '../src/core/import/readers';

export interface BomRead {
  lines: BomLine[];
  problems: Problem[];
  /** The problems as text, file, row and column first. */
  message: string;
}

const api = {
  run(products: Product[], runs: number, seed: number, lang: 'zh' | 'en'): FootprintJob {
    const job = runFootprintJob(products, runs, seed, lang);
    const buffers = job.outcomes.flatMap((o) => (o.totals ? [o.totals.buffer as ArrayBuffer] : []));
    return Comlink.transfer(job, buffers);
  },

  readBom(name: string, bytes: Uint8Array): BomRead {
    const read = readFile(name, bytes);
    const errors = read.problems.filter((p) => p.severity !== 'warning');
    const grid = read.grids.find((g) => g.rows.length > 0);
    if (errors.length > 0 || !grid) {
      const problems = errors.length > 0 ? errors : [{ file: name, reason: 'no rows' }];
      return { lines: [], problems, message: formatProblems(problems) };
    }
    const { lines, problems } = readBom(gridTable(grid), name);
    return { lines, problems, message: formatProblems(problems) };
  },
};

export type FootprintWorkerApi = typeof api;

Comlink.expose(api);
