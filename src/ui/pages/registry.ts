/**
 * The workbench's pages in navigation order. Each feature area lists its own pages in its own module.
 */
import type { Component } from 'svelte';
import type { MessageKey } from '../i18n/messages';
import OverviewPage from './OverviewPage.svelte';
import DataPage from './DataPage.svelte';
import { ACCOUNTING_PAGES } from './accounting-pages';
import { PATHWAYS_PAGES } from './pathways-pages';
import { FOOTPRINT_PAGES } from './footprint/pages';
import ImportPage from './import/ImportPage.svelte';
import WorkshopPage from './workshop/WorkshopPage.svelte';

export interface PageEntry {
  /** Route path, e.g. "overview" → #/overview. */
  path: string;
  label: MessageKey;
  component: Component;
  /** False for pages that work without the loaded park (they show at once, before DuckDB has started). */
  needsData?: boolean;
}

export const PAGES: readonly PageEntry[] = [
  { path: 'overview', label: 'nav.overview', component: OverviewPage },
  ...ACCOUNTING_PAGES,
  ...PATHWAYS_PAGES,
  { path: 'workshop', label: 'ws.nav', component: WorkshopPage },
  ...FOOTPRINT_PAGES,
  { path: 'data', label: 'nav.data', component: DataPage },
  { path: 'import', label: 'nav.import', component: ImportPage, needsData: false },
];
