/**
 * The loaded park: which dataset, its load status, and the database it lives in.
 * Views re-query when `revision` changes.
 */
import type { Table } from 'apache-arrow';
import { loadTables, type ParkManifest, type ParkSource, type TableBytes } from '../../data/parks';
import type { DbPort, SqlValue } from '../../data/port';
import { loadTablesAtomic } from '../../data/user-parks';
import { QueryCoordinator, type Latest, type Query, type QueryOptions } from '../../data/query-coordinator';

export type ParkStatus = 'idle' | 'starting' | 'loading' | 'ready' | 'error';

export class ParkStore {
  status = $state<ParkStatus>('idle');
  manifest = $state.raw<ParkManifest | null>(null);
  /** The park being loaded, while status is "loading". */
  pending = $state.raw<ParkManifest | null>(null);
  error = $state<string | null>(null);
  revision = $state(0);

  /** Bundled parks first, then the user's imported parks (src/data/user-parks.ts). */
  parks = $state.raw<readonly ParkSource[]>([]);
  #bundled: readonly ParkSource[];
  #dbFactory: () => Promise<DbPort>;
  #reference: () => Promise<TableBytes[]>;
  #db: Promise<DbPort> | null = null;
  /** Every page's queries: shared cache per dataset version, latest request wins per view. */
  readonly queries = new QueryCoordinator(() => this.db());
  #referenceLoaded = false;
  #token = 0;

  constructor(opts: {
    db: () => Promise<DbPort>;
    parks: readonly ParkSource[];
    reference: () => Promise<TableBytes[]>;
  }) {
    this.#dbFactory = opts.db;
    this.parks = this.#bundled = opts.parks;
    this.#reference = opts.reference;
  }

  /** Lists the user's imported parks beside the bundled ones. */
  setUserParks(sources: readonly ParkSource[]): void {
    this.parks = [...this.#bundled, ...sources];
  }

  /** The database, started on first use. */
  db(): Promise<DbPort> {
    this.#db ??= this.#dbFactory();
    return this.#db;
  }

  /** Runs a query against the loaded park (answered from the shared cache unless `cache: false`). */
  query(sql: string, params?: readonly SqlValue[], options?: QueryOptions): Promise<Table> {
    return this.queries.query(sql, params, options);
  }

  /** A view's request: only the latest of each view lands (QueryCoordinator.latest). */
  latest<T>(view: string, fn: (query: Query) => Promise<T>): Promise<Latest<T>> {
    return this.queries.latest(view, fn);
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
      this.queries.invalidate(); // the tables are being replaced: no answer of the old ones is reused
      await loadTablesAtomic(db, tables);
      if (token !== this.#token) return;
      this.manifest = source.manifest;
      this.status = 'ready';
      this.queries.invalidate();
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
