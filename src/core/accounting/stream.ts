/**
 * Accounting of many activity rows in bounded memory: rows held as columns (as the importer gives them)
 * are accounted a chunk at a time, so only one chunk's row objects and inventory lines (each with its
 * explanation) exist at once. The lines come out in row order, exactly as accountActivity gives them.
 */
import { accountActivity } from './engine';
import type { FactorLibrary } from './factor-library';
import type { AccountingOptions, ActivityRow, InventoryLine } from './types';

/** Activity rows as columns (e.g. the importer's ActivityColumns). */
export interface ActivityColumnsView {
  length: number;
  enterprise_id: ArrayLike<string>;
  year: ArrayLike<number>;
  carrier: ArrayLike<string>;
  amount: ArrayLike<number>;
  unit: ArrayLike<string>;
}

/** Rows accounted per chunk: large enough for the per-call set-up to vanish, small next to a big file. */
export const ACCOUNT_CHUNK_ROWS = 16_384;

/** The inventory lines of the rows, in row order, computed a chunk at a time as they are consumed. */
export function* accountColumns(
  a: ActivityColumnsView,
  lib: FactorLibrary,
  options: Partial<AccountingOptions> = {},
  chunkRows = ACCOUNT_CHUNK_ROWS,
): Generator<InventoryLine, void, undefined> {
  const size = Math.max(1, Math.floor(chunkRows));
  for (let start = 0; start < a.length; start += size) {
    const end = Math.min(a.length, start + size);
    const rows = new Array<ActivityRow>(end - start);
    for (let i = start; i < end; i++) {
      rows[i - start] = {
        enterprise_id: a.enterprise_id[i],
        year: a.year[i],
        carrier: a.carrier[i],
        amount: a.amount[i],
        unit: a.unit[i],
      };
    }
    yield* accountActivity(rows, lib, options);
  }
}
