/**
 * Answers kept across visits: the Arrow IPC bytes of a page's first answers (the Overview's headline
 * figures and charts), in IndexedDB under a key of the park's data and the question, so a repeat visit
 * shows them before DuckDB has started; the live answers replace them when they come (the same rows:
 * the key covers every byte of the park's and the reference tables, the settings and the SQL). A few
 * answers only (the newest are kept); "Clear my data" removes them with the rest.
 */
import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import type { KeptAnswer } from './first-answers';

const DB_NAME = 'pcw-answers';
const STORE = 'answers';
/** Answers kept at most (a few kB each); the oldest written go first. */
const KEEP = 24;

interface Entry {
  key: string;
  ipc: Uint8Array;
  at: number;
}

function open(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
    req.onblocked = () => reject(new Error('IndexedDB blocked'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

/** Hex SHA-256 of pieces of text and bytes, each preceded by its length (so the split counts). */
export async function digestOf(parts: readonly (string | Uint8Array)[]): Promise<string> {
  const enc = new TextEncoder();
  const chunks = parts.map((p) => (typeof p === 'string' ? enc.encode(p) : p));
  let size = 0;
  for (const c of chunks) size += 12 + c.byteLength;
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(enc.encode(String(c.byteLength).padStart(11, '0') + ':'), at);
    all.set(c, at + 12);
    at += 12 + c.byteLength;
  }
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Answers offered for this session (the build's first answers of a bundled park), by key. */
const offered = new Map<string, Uint8Array>();

/** Offers answers for this session: readAnswer gives them before it looks in the browser's storage. */
export function offerAnswers(answers: readonly KeptAnswer[]): void {
  for (const a of answers) offered.set(a.key, a.ipc);
}

/**
 * The answer kept under `key` (offered this session, else kept in the browser), or null (none, or storage unavailable: the page then just waits).
 * `dbName` names the database (the app's by default; tests keep their own apart from it).
 */
export async function readAnswer(key: string, dbName = DB_NAME): Promise<Table | null> {
  const given = offered.get(key);
  if (given) return tableFromIPC(given);
  try {
    const db = await open(dbName);
    try {
      const entry = await new Promise<Entry | undefined>((resolve, reject) => {
        const req = db.transaction(STORE, 'readonly').objectStore(STORE).get(key);
        req.onsuccess = () => resolve(req.result as Entry | undefined);
        req.onerror = () => reject(req.error ?? new Error('IndexedDB read failed'));
      });
      return entry ? tableFromIPC(entry.ipc) : null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** Keeps an answer under `key` (and drops the oldest past KEEP); a failure to keep it is not an error. */
export async function keepAnswer(key: string, table: Table, dbName = DB_NAME): Promise<void> {
  try {
    const db = await open(dbName);
    try {
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      store.put({ key, ipc: tableToIPC(table, 'stream'), at: Date.now() } satisfies Entry);
      const all = store.getAll();
      all.onsuccess = () => {
        const entries = (all.result as Entry[]).sort((a, b) => b.at - a.at);
        for (const e of entries.slice(KEEP)) store.delete(e.key);
      };
      await done(tx);
    } finally {
      db.close();
    }
  } catch {
    // Only the next visit's head start is lost.
  }
}

/** Removes every kept answer (part of "Clear my data"). */
export function clearAnswers(dbName = DB_NAME): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(dbName);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error('cannot clear the kept answers'));
    req.onblocked = () => resolve();
  });
}
