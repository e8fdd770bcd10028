/**
 * The loaded park: which dataset, its load status, and the database it lives in.
 * Views re-query when `revision` changes.
 */
import type { Table } from 'apache-arrow';
import { loadTables, type ParkManifest, type ParkSource, type TableBytes } from '../../data/parks';
import type { DbPort, SqlValue } from '../../data/port';

export type ParkStatus = 'idle' | 'starting' | 'loading' | 'ready' | 'error';

export class ParkStore {
  status = $state<ParkStatus>('idle');
  manifest = $state.raw<ParkManifest | null>(null);
  /** The park being loaded, while status is "loading". */
  pending = $state.raw<ParkManifest | null>(null);
  error = $state<string | null>(null);
  revision = $state(0);

  readonly parks: readonly ParkSource[];
  #dbFactory: () => Promise<DbPort>;
  #reference: () => Promise<TableBytes[]>;
  #db: Promise<DbPort> | null = null;
  #referenceLoaded = false;
  #token = 0;

  constructor(opts: {
    db: () => Promise<DbPort>;
    parks: readonly ParkSource[];
    reference: () => Promise<TableBytes[]>;
  }) {
    this.#dbFactory = opts.db;
    this.parks = opts.parks;
    this.#reference = opts.reference;
  }

  /** The database, started on first use. */
  db(): Promise<DbPort> {
    this.#db ??= this.#dbFactory();
    return this.#db;
  }

  /** Runs a query against the loaded park. */
  async query(sql: string, params?: readonly SqlValue[]): Promise<Table> {
    return (await this.db()).query(sql, params);
  }

  /**
   * Opens a bundled park. All files are fetched before any table is replaced, so a failed load leaves
   * the current park intact; a newer call supersedes an older one.
   */
  async open(id: string): Promise<void> {
    const source = this.parks.find((p) => p.manifest.id === id);
    if (!source) {
      this.error = `Unknown dataset "${id}"`;
      return;
    }
    const token = ++this.#token;
    this.error = null;
    try {
      if (!this.#db) this.status = 'starting';
      const db = await this.db();
      if (token !== this.#token) return;
      this.status = 'loading';
      this.pending = source.manifest;
      const [tables, reference] = await Promise.all([
        source.tables(),
        this.#referenceLoaded ? Promise.resolve([]) : this.#reference(),
      ]);
      if (token !== this.#token) return;
      await loadTables(db, reference);
      this.#referenceLoaded = true;
      await loadTables(db, tables);
      if (token !== this.#token) return;
      this.manifest = source.manifest;
      this.status = 'ready';
      this.revision++;
    } catch (e) {
      if (token !== this.#token) return;
      this.error = e instanceof Error ? e.message : String(e);
      this.status = this.manifest ? 'ready' : 'error';
    } finally {
      if (token === this.#token) this.pending = null;
    }
  }
}
