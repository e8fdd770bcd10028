import type { PageEntry } from './registry';
import PathwaysPage from './pathways/PathwaysPage.svelte';

/** Pages of the scenario / pathways area. */
export const PATHWAYS_PAGES: PageEntry[] = [{ path: 'pathways', label: 'path.nav', component: PathwaysPage }];
