import type { PageEntry } from '../registry';

/** Pages of the product-footprint area; they need no park data (everything is in the product). */
export const FOOTPRINT_PAGES: PageEntry[] = [
  { path: 'footprint', label: 'fp.nav', load: () => import('./FootprintPage.svelte'), needsData: false },
];
