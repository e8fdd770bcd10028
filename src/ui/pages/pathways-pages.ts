import type { PageEntry } from './registry';

/** Pages of the scenario / pathways area. */
export const PATHWAYS_PAGES: PageEntry[] = [
  {
    path: 'pathways',
    label: 'path.nav',
    load: () => import('./pathways/PathwaysPage.svelte'),
    startsEarly: true,
  },
];
