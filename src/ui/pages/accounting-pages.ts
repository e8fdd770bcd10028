import type { PageEntry } from './registry';

/** Pages of the carbon-accounting area (energy calculator, park inventory, enterprise self-check). */
export const ACCOUNTING_PAGES: PageEntry[] = [];
