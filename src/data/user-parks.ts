/**
 * Parks the user imported, stored in the browser (IndexedDB) so they survive a reload and a browser
 * restart, listed beside the bundled parks, and loaded into DuckDB atomically: every table goes into a
 * staging table first, and only when all are in are they swapped in one transaction, so a failed or
 * cancelled load leaves the loaded park as it was. Saved mappings live here too. "Clear my data"
 * removes everything this module stored.
 */
import { clearAnswers } from './answer-store';
import { PARK_TABLES, type ParkManifest, type ParkSource, type TableBytes } from './parks';
import { quoteIdent, type DbPort } from './port';
import { emptyOptionalTablesSql, type OptionalTable } from './sql/catalog-sql';
import { dropInventoriesSql } from './sql/inventory-store-sql';

const DB_NAME = 'pcw-user-data';
const VERSION = 1;
const PARKS = 'parks';
const MAPPINGS = 'mappings';

export interface StoredPark {
  manifest: ParkManifest;
  tables: TableBytes[];
  /** When it was imported (ISO time), and from which files. */
  importedAt: string;
  files: string[];
}

export interface SavedMapping {
  /** The headers it was made for (match key), so a file with the same header reuses it. */
  key: string;
  mapping: unknown;
  savedAt: string;
}

/** A full quota or a blocked database, worded for the user. */
class StorageError extends Error {
  override name = 'StorageError';
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(PARKS)) db.createObjectStore(PARKS, { keyPath: 'manifest.id' });
      if (!db.objectStoreNames.contains(MAPPINGS)) db.createObjectStore(MAPPINGS, { keyPath: 'key' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () =>
      reject(new StorageError(`cannot open the browser's storage (${req.error?.message ?? 'unknown'})`));
    req.onblocked = () =>
      reject(new StorageError('the browser storage is in use by another tab; close it and retry'));
  });
}

function tx<T>(
  store: string,
  mode: IDBTransactionMode,
  work: (s: IDBObjectStore) => IDBRequest<T> | void,
): Promise<T | undefined> {
  return open().then(
    (db) =>
      new Promise<T | undefined>((resolve, reject) => {
        const t = db.transaction(store, mode);
        let result: T | undefined;
        const req = work(t.objectStore(store));
        if (req) req.onsuccess = () => (result = req.result);
        t.oncomplete = () => {
          db.close();
          resolve(result);
        };
        const fail = () => {
          db.close();
          const e = t.error ?? req?.error;
          reject(
            e?.name === 'QuotaExceededError'
              ? new StorageError(
                  'the browser storage is full: nothing was saved, and what was stored before is kept. Remove an imported park or clear your data, then retry',
                )
              : new StorageError(
                  `the browser storage refused the change (${e?.message ?? 'unknown'}); nothing was changed`,
                ),
          );
        };
        t.onerror = fail;
        t.onabort = fail;
      }),
  );
}

/** Asks the browser to keep this site's storage under pressure (once; the answer is the browser's). */
export async function requestPersistence(): Promise<boolean> {
  try {
    if (!navigator.storage?.persist) return false;
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return false;
  }
}

/** Saves (or replaces) an imported park in one transaction: all of it or nothing. */
export async function saveUserPark(park: StoredPark): Promise<void> {
  await tx(PARKS, 'readwrite', (s) => s.put(park));
}

export async function listUserParks(): Promise<StoredPark[]> {
  return (await tx<StoredPark[]>(PARKS, 'readonly', (s) => s.getAll() as IDBRequest<StoredPark[]>)) ?? [];
}

export async function saveMapping(m: SavedMapping): Promise<void> {
  await tx(MAPPINGS, 'readwrite', (s) => s.put(m));
}

export async function findMapping(key: string): Promise<SavedMapping | undefined> {
  return tx<SavedMapping>(MAPPINGS, 'readonly', (s) => s.get(key) as IDBRequest<SavedMapping>);
}

export async function listMappings(): Promise<SavedMapping[]> {
  return (
    (await tx<SavedMapping[]>(MAPPINGS, 'readonly', (s) => s.getAll() as IDBRequest<SavedMapping[]>)) ?? []
  );
}

/** What "clear my data" would remove, for its confirmation. */
export async function storedSummary(): Promise<{
  parks: { id: string; name_zh: string; name_en: string }[];
  mappings: number;
}> {
  const [parks, mappings] = await Promise.all([listUserParks(), listMappings()]);
  return {
    parks: parks.map((p) => ({
      id: p.manifest.id,
      name_zh: p.manifest.name_zh,
      name_en: p.manifest.name_en,
    })),
    mappings: mappings.length,
  };
}

/** Removes everything this app stored in the browser: imported parks and saved mappings. */
export async function clearUserData(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () =>
      reject(new StorageError(`cannot clear the browser storage (${req.error?.message ?? 'unknown'})`));
    req.onblocked = () =>
      reject(new StorageError('the browser storage is in use by another tab; close it and retry'));
  });
  await clearAnswers();
}

/** Stored parks as park sources for the dataset picker. */
export function userParkSource(p: StoredPark): ParkSource {
  return { manifest: p.manifest, tables: async () => p.tables };
}

export const isUserPark = (id: string): boolean => id.startsWith('user-');

const STAGE = '__staging_';

/**
 * Loads tables atomically: each into a staging table; if any fails, the staging tables are dropped and
 * the error is rethrown with nothing changed; else all are swapped in one transaction. Park tables the
 * new park does not have (the importer's feedstock table too) are dropped in the same transaction, so no
 * table of the previous park lingers under the new one.
 */
export async function loadTablesAtomic(
  db: DbPort,
  tables: readonly TableBytes[],
  parkTables: readonly string[] = [...PARK_TABLES, 'feedstock'],
): Promise<void> {
  const staged: string[] = [];
  try {
    for (const t of tables) {
      const name = STAGE + t.name;
      await db.exec(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
      staged.push(name);
      await db.insertArrowIPC(name, t.ipc);
      // Some adapters drop unreadable bytes without an error: the staging table must be there.
      const found = await db.query(
        "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'main' AND table_name = ?",
        [name],
      );
      if (Number(found.getChild('n')?.get(0) ?? 0) !== 1) {
        throw new Error(`table ${t.name}: the data could not be read (not Arrow IPC); nothing was changed`);
      }
    }
  } catch (e) {
    for (const name of staged)
      await db.exec(`DROP TABLE IF EXISTS ${quoteIdent(name)}`).catch(() => undefined);
    throw e;
  }
  const names = new Set(tables.map((t) => t.name));
  const statements: string[] = [];
  for (const t of tables) {
    statements.push(`DROP TABLE IF EXISTS ${quoteIdent(t.name)}`);
    statements.push(`ALTER TABLE ${quoteIdent(STAGE + t.name)} RENAME TO ${quoteIdent(t.name)}`);
  }
  for (const p of parkTables) if (!names.has(p)) statements.push(`DROP TABLE IF EXISTS ${quoteIdent(p)}`);
  await db.exec('BEGIN TRANSACTION');
  try {
    for (const sql of statements) await db.exec(sql);
    await db.exec('COMMIT');
  } catch (e) {
    await db.exec('ROLLBACK').catch(() => undefined);
    for (const name of staged)
      await db.exec(`DROP TABLE IF EXISTS ${quoteIdent(name)}`).catch(() => undefined);
    throw e;
  }
}

/**
 * Puts a park's tables in place of the loaded park's (loadTablesAtomic), drops the materialised
 * inventories of the data they replace and gives the optional tables the park lacks stand-ins
 * (emptyOptionalTablesSql: an empty economics; an enterprises table listing every enterprise the park's
 * tables name). Returns the absent optional tables. The app (ParkStore), the build
 * (first-answers-node.ts) and the CLI's `--park <folder>` (src/cli/load-park.ts) open a park this one way.
 */
export async function installParkTables(db: DbPort, tables: readonly TableBytes[]): Promise<OptionalTable[]> {
  await loadTablesAtomic(db, tables);
  await db.exec(dropInventoriesSql());
  const absent = emptyOptionalTablesSql(tables.map((t) => t.name));
  for (const a of absent) await db.exec(a.sql);
  return absent.map((a) => a.table);
}
