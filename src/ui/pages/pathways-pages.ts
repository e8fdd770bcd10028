import type { PageEntry } from './registry';

/** Pages of the scenario / pathways area. */
export const PATHWAYS_PAGES: PageEntry[] = [];
