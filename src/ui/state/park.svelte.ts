/**
 * The loaded park: which dataset, its load status, and the database it lives in.
 * Views re-query when `revision` changes.
 */
import type { Table } from 'apache-arrow';
import { loadTables, type ParkManifest, type ParkSource, type TableBytes } from '../../data/parks';
import type { ConsoleConnection, DbPort, SqlValue } from '../../data/port';
import { installParkTables } from '../../data/user-parks';
import { offerAnswers } from '../../data/answer-store';
import { dataKeyOf, referenceKeyOf } from '../../data/first-answers';
import { offerBaselines } from '../../data/shipped-baselines';
import {
  QueryCoordinator,
  type BuildProgress,
  type Latest,
  type Query,
  type QueryOptions,
} from '../../data/query-coordinator';
import type { InventorySqlOptions } from '../../data/sql/inventory-sql';
import type { InventoryTables } from '../../data/sql/inventory-store-sql';
import type { OptionalTable } from '../../data/sql/catalog-sql';

export type ParkStatus = 'idle' | 'starting' | 'loading' | 'ready' | 'error';

export class ParkStore {
  status = $state<ParkStatus>('idle');
  manifest = $state.raw<ParkManifest | null>(null);
  /** The park being loaded, while status is "loading". */
  pending = $state.raw<ParkManifest | null>(null);
  error = $state<string | null>(null);
  revision = $state(0);
  /** Optional park tables the loaded park does not have (empty stand-ins are in their place). */
  missing = $state.raw<readonly OptionalTable[]>([]);
  /**
   * Key of the data being opened, then shown: a digest of its tables' and the reference tables' bytes,
   * known as soon as the files are in hand (before DuckDB), for answers kept across visits.
   */
  dataKey = $state<string | null>(null);
  /** The materialised inventory being built, while it is. */
  building = $state.raw<BuildProgress | null>(null);

  /** Bundled parks first, then the user's imported parks (src/data/user-parks.ts). */
  parks = $state.raw<readonly ParkSource[]>([]);
  #bundled: readonly ParkSource[];
  #dbFactory: () => Promise<DbPort>;
  #reference: () => Promise<TableBytes[]>;
  #db: Promise<DbPort> | null = null;
  #console: Promise<ConsoleConnection> | null = null;
  /** Every page's queries: shared cache per dataset version, latest request wins per view. */
  readonly queries = new QueryCoordinator(() => this.db());
  #referenceLoaded = false;
  /** Digest of the reference tables' bytes (they are fetched once). */
  #referenceKey: string | null = null;
  /** dataKey of the park shown (restored when opening another fails). */
  #shownKey: string | null = null;
  #token = 0;
  /**
   * The install under way (or done): installs run one after the other. A superseded open's install may
   * still be in DuckDB when the next open gets there, and two installs at once would share staging
   * tables and nest their transactions on the one connection.
   */
  #installing: Promise<unknown> = Promise.resolve();

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

  /** The SQL console's own connection (its queries stream and can be cancelled), opened on first use. */
  console(): Promise<ConsoleConnection> {
    this.#console ??= this.db().then((db) => {
      if (!db.console) throw new Error('this database has no console connection');
      return db.console();
    });
    this.#console.catch(() => (this.#console = null));
    return this.#console;
  }

  /** Runs a query against the loaded park (answered from the shared cache unless `cache: false`). */
  query(sql: string, params?: readonly SqlValue[], options?: QueryOptions): Promise<Table> {
    return this.queries.query(sql, params, options);
  }

  /**
   * The park's inventory for these settings, materialised once per park and settings (in DuckDB's
   * worker; `building` shows its progress), for the dashboard queries of inventory-store-sql.ts.
   */
  inventory(options: InventorySqlOptions = {}): Promise<InventoryTables> {
    return this.queries.inventory(options, (p) => (this.building = p.done < p.total ? p : null));
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
      this.pending = source.manifest;
      this.status = this.#db ? 'loading' : 'starting';
      // The park's files are fetched while DuckDB starts, not after.
      const files = Promise.all([
        source.tables(),
        this.#referenceLoaded ? Promise.resolve([]) : this.#reference(),
      ]);
      files.catch(() => undefined);
      const [tables, reference] = await files;
      if (token !== this.#token) return;
      this.#referenceKey ??= await referenceKeyOf(reference);
      const dataKey = await dataKeyOf(this.#referenceKey, tables);
      // Answers that came with the park (a bundled one: computed by the build) are offered before the
      // page asks for them.
      offerAnswers(await (source.answers?.() ?? Promise.resolve([])));
      offerBaselines(await (source.baselines?.() ?? Promise.resolve([])));
      if (token !== this.#token) return;
      this.dataKey = dataKey;
      const db = await this.db();
      if (token !== this.#token) return;
      const install = this.#installing.then(async () => {
        // Superseded while an earlier install finished: the newer open installs its own park.
        if (token !== this.#token) return null;
        this.status = 'loading';
        await loadTables(db, reference);
        this.#referenceLoaded = true;
        this.queries.invalidate(); // the tables are being replaced: no answer of the old ones is reused
        // Copies: the database takes the bytes it is given (they are moved to its worker), and a park
        // kept in memory (an imported one) must open again after another park was shown.
        return installParkTables(
          db,
          tables.map((t) => ({ name: t.name, ipc: t.ipc.slice() })),
        );
      });
      this.#installing = install.catch(() => undefined);
      const absent = await install;
      if (absent === null || token !== this.#token) return;
      this.missing = absent;
      this.manifest = source.manifest;
      this.#shownKey = dataKey;
      this.status = 'ready';
      performance.mark('pcw:park-ready');
      this.queries.invalidate();
      this.revision++;
    } catch (e) {
      if (token !== this.#token) return;
      this.dataKey = this.#shownKey;
      this.error = e instanceof Error ? e.message : String(e);
      this.status = this.manifest ? 'ready' : 'error';
    } finally {
      if (token === this.#token) this.pending = null;
    }
  }
}
