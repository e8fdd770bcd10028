/**
 * State of the park inventory page: accounting settings, chosen year, chart metric and table sort,
 * and the query results for the loaded park. Results carry the key (park revision + options + year)
 * they were computed for, so a late answer to an outdated request is dropped.
 */
import type { Table } from 'apache-arrow';
import type { AccountingOptions } from '../../../core/accounting/index';
import type { SqlValue } from '../../../data/port';
import {
  carrierYearsSql,
  enterpriseYearSql,
  parkYearsSql,
  sankeySql,
  sectorYearsSql,
} from '../../../data/sql/inventory-views-sql';
import type { EmitterKey } from './inventory-vm';
import { SettingsState } from './settings.svelte';

interface Queryable {
  query(sql: string, params?: readonly SqlValue[]): Promise<Table>;
}

export class InventoryState {
  readonly settings = new SettingsState();
  /** Year of the Sankey, the table and the headline figures; null = latest. */
  year = $state<number | null>(null);
  metric = $state<'tco2' | 'tce'>('tco2');
  sortKey = $state<EmitterKey>('total_tco2');
  sortDir = $state<'asc' | 'desc'>('desc');
  topN = $state(20);

  series = $state.raw<{ key: string; years: Table; sectors: Table; carriers: Table } | null>(null);
  detail = $state.raw<{ key: string; sankey: Table; emitters: Table } | null>(null);
  error = $state<string | null>(null);

  #seriesKey = '';
  #detailKey = '';

  /** Year-independent results (park years, sectors, carriers) for a park revision and options. */
  async loadSeries(db: Queryable, revision: number, options: Partial<AccountingOptions>): Promise<void> {
    const key = JSON.stringify([revision, options]);
    if (key === this.#seriesKey) return;
    this.#seriesKey = key;
    try {
      const years = await db.query(parkYearsSql(options));
      const sectors = await db.query(sectorYearsSql(options));
      const carriers = await db.query(carrierYearsSql(options));
      if (key === this.#seriesKey) {
        this.series = { key, years, sectors, carriers };
        this.error = null;
      }
    } catch (e) {
      if (key === this.#seriesKey) this.error = e instanceof Error ? e.message : String(e);
    }
  }

  /** Results of one year (Sankey flows, enterprise inventories). */
  async loadYear(
    db: Queryable,
    revision: number,
    options: Partial<AccountingOptions>,
    year: number,
  ): Promise<void> {
    const key = JSON.stringify([revision, options, year]);
    if (key === this.#detailKey) return;
    this.#detailKey = key;
    try {
      const sankey = await db.query(sankeySql(options), [year]);
      const emitters = await db.query(enterpriseYearSql(options), [year]);
      if (key === this.#detailKey) {
        this.detail = { key, sankey, emitters };
        this.error = null;
      }
    } catch (e) {
      if (key === this.#detailKey) this.error = e instanceof Error ? e.message : String(e);
    }
  }

  /** Sorts by a column; the same column again flips the direction. */
  sortBy(key: EmitterKey): void {
    if (this.sortKey === key) this.sortDir = this.sortDir === 'asc' ? 'desc' : 'asc';
    else {
      this.sortKey = key;
      this.sortDir = key === 'name' || key === 'sector' ? 'asc' : 'desc';
    }
  }
}

let instance: InventoryState | null = null;

/** The session's inventory page state (created on first use). */
export function inventoryState(): InventoryState {
  // Created under a root effect, not under the page that asks first: its derived values must keep
  // updating after that page is left and opened again.
  if (!instance) $effect.root(() => void (instance = new InventoryState()));
  return instance!;
}
