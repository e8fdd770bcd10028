import type { PageEntry } from '../registry';
import FootprintPage from './FootprintPage.svelte';

/** Pages of the product-footprint area; they need no park data (everything is in the product). */
export const FOOTPRINT_PAGES: PageEntry[] = [
  { path: 'footprint', label: 'fp.nav', component: FootprintPage, needsData: false },
];
