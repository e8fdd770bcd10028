import type { PageEntry } from './registry';

/** Pages of the carbon-accounting area (energy calculator, park inventory, enterprise self-check). */
export const ACCOUNTING_PAGES: PageEntry[] = [
  { path: 'inventory', label: 'inv.nav', load: () => import('./accounting/InventoryPage.svelte') },
  { path: 'self-check', label: 'self.nav', load: () => import('./accounting/SelfCheckPage.svelte') },
  {
    path: 'calculator',
    label: 'calc.nav',
    load: () => import('./accounting/CalculatorPage.svelte'),
    needsData: false,
  },
];
