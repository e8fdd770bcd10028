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

/**
 * The runs table of the latest full result, offered rather than written: writing 10,000 runs × 37 years
 * takes the page's thread (Arrow encoding) and DuckDB's worker (the insert) for a noticeable time after
 * every full result, while a planner moving sliders looks at the charts, not at the table. It is written
 * when something first needs it (ensureRunsTable: the SQL console, the per-run exports).
 */
interface Offer {
  table: string;
  block: RunColumns;
  /** What the runs are of (the page's result key), or null. */
  key: string | null;
}

let offered: Offer | null = null;
/** What the written table holds (its table and key), once written. */
let written: { table: string; key: string | null } | null = null;
let writing: Promise<void> = Promise.resolve();

/** Offers a full result as table `table` (replacing any earlier offer or table); nothing is written yet. */
export function offerRunsTable(table: string, block: RunColumns, key: string | null): void {
  // Only the table's columns are kept, not the whole result.
  const { runStart, runCount, nYears, years, gross, net, energy, output } = block;
  offered = { table, block: { runStart, runCount, nYears, years, gross, net, energy, output }, key };
}

/** The key of the runs `table` holds or will hold once written (offered or written), else null. */
export function runsTableKey(table: string): string | null {
  if (offered) return offered.table === table ? offered.key : null;
  return written?.table === table ? written.key : null;
}

/** Writes the offered runs table, if one is waiting; resolves once the latest offer is in DuckDB. */
export function ensureRunsTable(db: DbPort): Promise<void> {
  writing = writing.then(async () => {
    const o = offered;
    if (!o) return;
    offered = null;
    written = null;
    try {
      await writeRunsTable(db, o.table, o.block);
      written = { table: o.table, key: o.key };
    } catch (e) {
      // Not lost: the next ask tries again (unless a newer result was offered meanwhile).
      offered ??= o;
      throw e;
    }
  });
  const done = writing;
  writing = writing.catch(() => undefined);
  return done;
}
