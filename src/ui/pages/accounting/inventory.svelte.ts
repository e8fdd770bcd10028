/**
 * State of the park inventory page: accounting settings, chosen year, chart metric and table sort,
 * and the query results for the loaded park. Queries go through the park's query coordinator:
 * the inventory materialised once per park and settings, answers cached, and only the latest request
 * of each view lands (an answer to an outdated request is dropped there).
 */
import type { Table } from 'apache-arrow';
import type { AccountingOptions } from '../../../core/accounting/index';
import type { Latest, Query } from '../../../data/query-coordinator';
import {
  carrierYearsFromSql,
  enterpriseTopFromSql,
  enterpriseYearFromSql,
  type EnterpriseOrderKey,
  parkYearsFromSql,
  sankeyFromSql,
  sectorYearsFromSql,
  type InventoryTables,
} from '../../../data/sql/inventory-store-sql';
import type { EmitterKey } from './inventory-vm';
import { parkScope2 } from '../../state/scope2.svelte';
import { SettingsState } from './settings.svelte';

/** What the page state asks of the park (ParkStore). */
export interface InventorySource {
  latest<T>(view: string, fn: (query: Query) => Promise<T>): Promise<Latest<T>>;
  inventory(options: Partial<AccountingOptions>): Promise<InventoryTables>;
}

class InventoryState {
  /** Its Scope 2 method is the park-wide one (the Overview's and Pathways' starting point). */
  readonly settings = new SettingsState(undefined, parkScope2);
  /** Year of the Sankey, the table and the headline figures; null = latest. */
  year = $state<number | null>(null);
  metric = $state<'tco2' | 'tce'>('tco2');
  sortKey = $state<EmitterKey>('total_tco2');
  sortDir = $state<'asc' | 'desc'>('desc');
  topN = $state(20);

  series = $state.raw<{ key: string; years: Table; sectors: Table; carriers: Table } | null>(null);
  /**
   * Results of the shown year: the Sankey and the enterprises' table — the first topN rows sorted by
   * DuckDB (`sorted`) for a numeric column, or every row for the page to sort (names and sectors sort
   * by the reader's language, or all rows are asked for); `count` is the year's number of enterprises.
   */
  detail = $state.raw<{
    key: string;
    sankey: Table;
    emitters: Table;
    sorted: boolean;
    count: number;
  } | null>(null);
  error = $state<string | null>(null);

  /** Year-independent results (park years, sectors, carriers) for a park revision and options. */
  async loadSeries(
    park: InventorySource,
    revision: number,
    options: Partial<AccountingOptions>,
  ): Promise<void> {
    const key = JSON.stringify([revision, options]);
    try {
      const r = await park.latest('inventory-series', async (query) => {
        const t = await park.inventory(options);
        const [years, sectors, carriers] = await Promise.all([
          query(parkYearsFromSql(t)),
          query(sectorYearsFromSql(t)),
          query(carrierYearsFromSql(t)),
        ]);
        return { years, sectors, carriers };
      });
      if (!r.stale) {
        this.series = { key, ...r.value };
        this.error = null;
      }
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  /** Results of one year (Sankey flows, enterprise inventories in the table's order). */
  async loadYear(
    park: InventorySource,
    revision: number,
    options: Partial<AccountingOptions>,
    year: number,
  ): Promise<void> {
    const order = sqlOrder(this.sortKey);
    const top = order && this.topN > 0 ? this.topN : 0;
    const dir = this.sortDir;
    const key = JSON.stringify([revision, options, year]);
    try {
      const r = await park.latest('inventory-year', async (query) => {
        const t = await park.inventory(options);
        const [sankey, emitters] = await Promise.all([
          query(sankeyFromSql(t), [year]),
          top > 0
            ? query(enterpriseTopFromSql(t, order!, dir), [year, top])
            : query(enterpriseYearFromSql(t), [year]),
        ]);
        const count = top > 0 ? Number(emitters.get(0)?.n_all ?? 0) : emitters.numRows;
        return { sankey, emitters, sorted: top > 0, count };
      });
      if (!r.stale) {
        this.detail = { key, ...r.value };
        this.error = null;
      }
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  /** Every enterprise of a year (for the exports), in no particular order. */
  async allEnterprises(
    park: InventorySource,
    options: Partial<AccountingOptions>,
    year: number,
  ): Promise<Table> {
    const r = await park.latest('inventory-export', async (query) =>
      query(enterpriseYearFromSql(await park.inventory(options)), [year]),
    );
    if (r.stale) throw new Error('The park changed while the table was being read; export again.');
    return r.value;
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

/** The SQL order of a numeric table column; null for names and sectors (sorted by the reader's language). */
function sqlOrder(key: EmitterKey): EnterpriseOrderKey | null {
  return key === 'name' || key === 'sector' ? null : key;
}

let instance: InventoryState | null = null;

/** The session's inventory page state (created on first use). */
export function inventoryState(): InventoryState {
  // Created under a root effect, not under the page that asks first: its derived values must keep
  // updating after that page is left and opened again.
  if (!instance) $effect.root(() => void (instance = new InventoryState()));
  return instance!;
}
