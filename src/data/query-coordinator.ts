/**
 * The one place the pages' queries go through: a cache keyed by the dataset version, the SQL and its
 * parameters, shared by every page (Overview and the inventory ask the same questions), and
 * latest-request-wins per view, so an answer to an outdated request never lands.
 *
 * The cache holds the promise of each answer, so two pages asking the same question at once share one
 * query; a failed query is dropped from the cache so the next ask retries it. When the data changes
 * (a park is loaded), `invalidate()` bumps the version: cached answers are dropped and requests still
 * in flight are reported stale.
 */
import type { Table } from 'apache-arrow';
import type { DbPort, SqlValue } from './port';
import {
  buildInventorySql,
  inventoryKey,
  inventoryTables,
  type InventoryTables,
} from './sql/inventory-store-sql';
import type { InventorySqlOptions } from './sql/inventory-sql';

/** Progress of a materialised inventory's build: steps done of the total. */
export interface BuildProgress {
  done: number;
  total: number;
}

export type Query = (sql: string, params?: readonly SqlValue[]) => Promise<Table>;

/** The outcome of a view's request: its value, or `stale` when a newer request or new data overtook it. */
export type Latest<T> = { stale: false; value: T } | { stale: true };

export interface QueryOptions {
  /** Use and fill the cache (default true); false for statements whose answer may change (a console). */
  cache?: boolean;
}

export class QueryCoordinator {
  readonly #db: () => Promise<DbPort>;
  readonly #maxEntries: number;
  readonly #cache = new Map<string, Promise<Table>>();
  readonly #tickets = new Map<string, number>();
  readonly #inventories = new Map<string, Promise<InventoryTables>>();
  #version = 0;
  #hits = 0;
  #misses = 0;

  constructor(db: () => Promise<DbPort>, options: { maxEntries?: number } = {}) {
    this.#db = db;
    this.#maxEntries = options.maxEntries ?? 128;
  }

  /** The dataset version the cache belongs to. */
  get version(): number {
    return this.#version;
  }

  /** Cache hits and misses since the start (for tests and the bench). */
  get stats(): { hits: number; misses: number; entries: number } {
    return { hits: this.#hits, misses: this.#misses, entries: this.#cache.size };
  }

  /** The data changed: drop every cached answer; requests in flight become stale. */
  invalidate(): void {
    this.#version++;
    this.#cache.clear();
    this.#inventories.clear();
  }

  /**
   * The park inventory for these accounting settings, materialised once per dataset version and
   * settings (src/data/sql/inventory-store-sql.ts); every dashboard query then reads its small tables.
   * Pages asking at once share one build; a failed build is not kept, so the next ask retries it. The
   * build runs inside DuckDB's worker, so the page stays responsive; `onProgress` hears its steps.
   */
  inventory(options: InventorySqlOptions, onProgress?: (p: BuildProgress) => void): Promise<InventoryTables> {
    const version = this.#version;
    const key = `v${version}_${inventoryKey(options)}`;
    const known = this.#inventories.get(key);
    if (known) return known;
    const build = (async () => {
      const db = await this.#db();
      const tables = inventoryTables(key);
      const steps = buildInventorySql(options, tables, key);
      for (let i = 0; i < steps.length; i++) {
        // New data arrived meanwhile: this build's tables would describe the old data.
        if (this.#version !== version) throw new Error('the dataset changed while its inventory was built');
        await db.exec(steps[i].sql);
        onProgress?.({ done: i + 1, total: steps.length });
      }
      return tables;
    })();
    this.#inventories.set(key, build);
    build.catch(() => {
      if (this.#inventories.get(key) === build) this.#inventories.delete(key);
    });
    return build;
  }

  /** Runs a query, answered from the cache when the same question was asked of the same data. */
  query(sql: string, params: readonly SqlValue[] = [], options: QueryOptions = {}): Promise<Table> {
    if (options.cache === false) return this.#run(sql, params);
    const key = JSON.stringify([this.#version, sql, params]);
    const hit = this.#cache.get(key);
    if (hit) {
      this.#hits++;
      // Most recently used last.
      this.#cache.delete(key);
      this.#cache.set(key, hit);
      return hit;
    }
    this.#misses++;
    const answer = this.#run(sql, params);
    this.#cache.set(key, answer);
    answer.catch(() => {
      if (this.#cache.get(key) === answer) this.#cache.delete(key);
    });
    while (this.#cache.size > this.#maxEntries) {
      this.#cache.delete(this.#cache.keys().next().value as string);
    }
    return answer;
  }

  /**
   * Runs a view's request: `fn` asks its queries through the cache. Resolves stale when another request
   * of the same view started meanwhile or the data changed; errors of a stale request are swallowed
   * (nobody is waiting for them), errors of the current one are thrown.
   */
  async latest<T>(view: string, fn: (query: Query) => Promise<T>): Promise<Latest<T>> {
    const ticket = (this.#tickets.get(view) ?? 0) + 1;
    this.#tickets.set(view, ticket);
    const version = this.#version;
    const current = () => this.#tickets.get(view) === ticket && this.#version === version;
    try {
      const value = await fn((sql, params) => this.query(sql, params));
      return current() ? { stale: false, value } : { stale: true };
    } catch (e) {
      if (!current()) return { stale: true };
      throw e;
    }
  }

  async #run(sql: string, params: readonly SqlValue[]): Promise<Table> {
    const db = await this.#db();
    return db.query(sql, params);
  }
}
