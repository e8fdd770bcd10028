/**
 * The workbench's pages in navigation order. Each feature area lists its own pages in its own module.
 */
import type { Component } from 'svelte';
import type { MessageKey } from '../i18n/messages';
import OverviewPage from './OverviewPage.svelte';
import { ACCOUNTING_PAGES } from './accounting-pages';
import { PATHWAYS_PAGES } from './pathways-pages';
import { FOOTPRINT_PAGES } from './footprint/pages';

export interface PageEntry {
  /** Route path, e.g. "overview" → #/overview. */
  path: string;
  label: MessageKey;
  /**
   * The page's component. Every page but the Overview (where a visit starts) is a chunk of its own,
   * fetched when first opened, so the first page does not wait for the code of the others.
   */
  load: () => Promise<{ default: Component }>;
  /** False for pages that work without the loaded park (they show at once, before DuckDB has started). */
  needsData?: boolean;
  /**
   * True for pages that start from what the build ships with a bundled park (the Overview's first
   * answers, the Pathways baselines): they show once the park's files are in hand, before DuckDB has it.
   */
  startsEarly?: boolean;
}

export const PAGES: readonly PageEntry[] = [
  {
    path: 'overview',
    label: 'nav.overview',
    load: async () => ({ default: OverviewPage }),
    startsEarly: true,
  },
  ...ACCOUNTING_PAGES,
  ...PATHWAYS_PAGES,
  {
    path: 'workshop',
    label: 'ws.nav',
    load: () => import('./workshop/WorkshopPage.svelte'),
    startsEarly: true,
  },
  ...FOOTPRINT_PAGES,
  { path: 'data', label: 'nav.data', load: () => import('./DataPage.svelte') },
  { path: 'import', label: 'nav.import', load: () => import('./import/ImportPage.svelte'), needsData: false },
];
