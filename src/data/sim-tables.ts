/**
 * Monte Carlo results as Arrow tables, so any chart or question about them is a SQL query.
 * Built straight from the kernel's typed arrays (no per-row objects), in the layout of runs-layout.ts.
 */
import { tableFromArrays, tableToIPC, type Table } from 'apache-arrow';
import { quoteIdent, type DbPort } from './port';
import { runsColumns, type RunColumns } from './runs-layout';

/** The runs table (runsColumns) as Arrow. */
function runsTable(b: RunColumns): Table {
  return tableFromArrays(runsColumns(b));
}

/** The same table as Arrow IPC stream bytes (what DbPort.insertArrowIPC takes). */
export function runsIPC(b: RunColumns): Uint8Array {
  return tableToIPC(runsTable(b), 'stream');
}

/** Runs [first, first + count) of a block, as a block of their own (views, no copies). */
function sliceRuns(b: RunColumns, first: number, count: number): RunColumns {
  const from = first * b.nYears;
  const to = (first + count) * b.nYears;
  return {
    runStart: b.runStart + first,
    runCount: count,
    nYears: b.nYears,
    years: b.years,
    gross: b.gross.subarray(from, to),
    net: b.net.subarray(from, to),
    energy: b.energy.subarray(from, to),
    output: b.output.subarray(from, to),
  };
}

/**
 * Writes a block as table `table` (replacing it) in slices of `runsPerSlice` runs, so the Arrow bytes
 * in memory at once are a slice's, not the whole result's. The slices go into a
 * staging table that then takes the table's place in one statement: queries see the old table or the
 * new one, never a part; a failure leaves the old table as it was and drops the staging table.
 */
export async function writeRunsTable(
  db: DbPort,
  table: string,
  b: RunColumns,
  runsPerSlice = 10_000,
): Promise<void> {
  const staging = `${table}__staging`;
  try {
    for (let first = 0; first < b.runCount || first === 0; first += runsPerSlice) {
      const count = Math.min(runsPerSlice, b.runCount - first);
      await db.insertArrowIPC(staging, runsIPC(sliceRuns(b, first, count)), { append: first > 0 });
    }
    await db.exec(
      `BEGIN TRANSACTION; DROP TABLE IF EXISTS ${quoteIdent(table)}; ` +
        `ALTER TABLE ${quoteIdent(staging)} RENAME TO ${quoteIdent(table)}; COMMIT`,
    );
  } catch (e) {
    await db.exec(`ROLLBACK`).catch(() => {});
    await db.exec(`DROP TABLE IF EXISTS ${quoteIdent(staging)}`).catch(() => {});
    throw e;
  }
}
