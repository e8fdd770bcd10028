import type { PageEntry } from './registry';
import CalculatorPage from './accounting/CalculatorPage.svelte';
import InventoryPage from './accounting/InventoryPage.svelte';
import SelfCheckPage from './accounting/SelfCheckPage.svelte';

/** Pages of the carbon-accounting area (energy calculator, park inventory, enterprise self-check). */
export const ACCOUNTING_PAGES: PageEntry[] = [
  { path: 'inventory', label: 'inv.nav', component: InventoryPage },
  { path: 'self-check', label: 'self.nav', component: SelfCheckPage },
  { path: 'calculator', label: 'calc.nav', component: CalculatorPage, needsData: false },
];
