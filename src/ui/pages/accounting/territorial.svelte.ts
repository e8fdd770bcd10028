/**
 * The inventory page's territorial panel: the park's production-based totals by year and the
 * enterprises of the shown year whose net total is negative, asked of the park's materialised inventory.
 */
import type { Table } from 'apache-arrow';
import type { AccountingOptions } from '../../../core/accounting/index';
import { negativeNetFromSql, territorialFromSql } from '../../../data/sql/territorial-sql';
import type { InventorySource } from './inventory.svelte';

export class TerritorialState {
  /** territorialFromSql's rows and negativeNetFromSql's rows of `year`. */
  result = $state.raw<{ years: Table; negative: Table; year: number } | null>(null);
  error = $state<string | null>(null);

  async load(park: InventorySource, options: Partial<AccountingOptions>, year: number): Promise<void> {
    try {
      const r = await park.latest('inventory-territorial', async (query) => {
        const t = await park.inventory(options);
        const [years, negative] = await Promise.all([
          query(territorialFromSql(t)),
          query(negativeNetFromSql(t), [year]),
        ]);
        return { years, negative, year };
      });
      if (!r.stale) {
        this.result = r.value;
        this.error = null;
      }
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  }
}
