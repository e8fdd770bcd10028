/**
 * An imported park is a dataset like the bundled ones (issue 14), in real Chromium: the workshop park's
 * files go through the importer (the import worker, as the Import page runs it) and are stored as the
 * Import page stores them; then the app, opened on the imported park, shows it on every page: Overview
 * with the same headline figures as its bundled twin, the inventory, the self-check (its picker and
 * peers are the imported park's enterprises), Pathways (the baseline from its latest year) and Data. A
 * park imported without economics says so, shows no intensities, and breaks no page.
 */
import { flushSync, mount, unmount } from 'svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import activityCsv from '../../datasets/workshop/activity.csv?raw';
import enterprisesCsv from '../../datasets/workshop/enterprises.csv?raw';
import economicsCsv from '../../datasets/workshop/economics.csv?raw';
import { appDb } from '../../src/data/duckdb-browser';
import { loadParkBaseline } from '../../src/data/park-baseline';
import { clearUserData, saveUserPark } from '../../src/data/user-parks';
import { importedManifest } from '../../src/ui/pages/import/import-vm';
import { ImportRunner } from '../../workers/import-runner';
import App from '../../src/ui/App.svelte';
import { holdStoredData } from './stored-data-lock';

const utf8 = (s: string) => new TextEncoder().encode(s);
const runner = new ImportRunner();

/** Imports files through the import worker and stores the park as the Import page does. */
async function importPark(id: string, name: string, withEconomics: boolean): Promise<number> {
  const o = await runner.run({
    activity: [{ name: 'activity.csv', bytes: utf8(activityCsv) }],
    enterprises: { name: 'enterprises.csv', bytes: utf8(enterprisesCsv) },
    ...(withEconomics ? { economics: { name: 'economics.csv', bytes: utf8(economicsCsv) } } : {}),
    mapping: {},
    encoding: 'auto',
  });
  expect(o.errorCount, JSON.stringify(o.problems.slice(0, 3))).toBe(0);
  await saveUserPark({
    manifest: importedManifest({
      id,
      nameZh: `${name}（导入）`,
      nameEn: `${name} (imported)`,
      years: o.years!,
      greenSpaceHa: 60,
      wetlandHa: 12,
      tables: o.tables.map((t) => ({ name: t.name, rows: t.rows })),
      date: '2026-11-30',
    }),
    tables: o.tables.map((t) => ({ name: t.name, ipc: t.ipc })),
    importedAt: '2026-11-30T00:00:00Z',
    files: ['activity.csv'],
  });
  return o.tables.find((t) => t.name === 'activity')!.rows;
}

let target: HTMLElement;
let app: Record<string, unknown>;
let activityRows = 0;
const FULL = 'user-test-full';
const BARE = 'user-test-bare';

/** Waits until `test` holds, checking every 50 ms. */
async function until(test: () => boolean, what: string, ms = 60_000): Promise<void> {
  const t0 = performance.now();
  while (!test()) {
    if (performance.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const q = (sel: string) => target.querySelector<HTMLElement>(sel);
const text = (sel: string) => q(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Opens a page of a park and waits for it to show, with no error on it. */
async function open(page: string, park: string, ready: string, extra = '', ms = 60_000): Promise<void> {
  location.hash = `#/${page}?park=${park}&lang=en${extra}`;
  await until(
    () => !!q(ready) && (q('[data-testid="dataset-select"]') as HTMLSelectElement | null)?.value === park,
    `${page} of ${park}`,
    ms,
  );
  expect(q('main .error-box'), `${page}: ${text('main .error-box')}`).toBeNull();
}

/** This file's parks stay stored from the first test to the last: it holds the stored-data lock throughout. */
let releaseStoredData: () => void = () => undefined;
beforeAll(async () => {
  releaseStoredData = await holdStoredData();
  await clearUserData();
  activityRows = await importPark(FULL, '江湾', true);
  await importPark(BARE, '江湾无经济数据', false);
  location.hash = `#/overview?park=${FULL}&lang=en`;
  target = document.createElement('div');
  document.body.appendChild(target);
  app = mount(App, { target });
  flushSync();
}, 480_000); // the lock may first wait for another file's stored-data test
afterAll(async () => {
  try {
    unmount(app);
    target.remove();
    runner.terminate();
    await clearUserData();
  } finally {
    releaseStoredData();
  }
});

describe('an imported park on every page', () => {
  // The first page starts DuckDB-Wasm: on a loaded 2-core machine that alone can take half a minute.
  it('is listed beside the bundled parks and opens on the Overview, with its bundled twin’s figures', async () => {
    await open('overview', FULL, '[data-testid="kpi-intensity"]', '', 150_000);
    const select = q('[data-testid="dataset-select"]') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(
      expect.arrayContaining(['sample', 'workshop', FULL]),
    );
    expect(select.selectedOptions[0].text).toBe('江湾 (imported)');
    const imported = ['energy', 'emissions', 'enterprises', 'output', 'intensity'].map((k) =>
      text(`[data-testid="kpi-${k}"]`),
    );
    await open('overview', 'workshop', '[data-testid="kpi-intensity"]');
    await until(() => text('[data-testid="kpi-energy"]') !== '', 'the twin’s figures');
    const twin = ['energy', 'emissions', 'enterprises', 'output', 'intensity'].map((k) =>
      text(`[data-testid="kpi-${k}"]`),
    );
    expect(imported).toEqual(twin);
    expect(imported.every((x) => /\d/.test(x))).toBe(true);
  }, 240_000);

  it('shows its inventory with its own enterprises', async () => {
    await open('inventory', FULL, '[data-testid="emitters-table"] tbody tr');
    expect(text('[data-testid="emitters-table"]')).toMatch(/Jiangwan CHP/);
    expect(q('[data-testid="missing-tables"]')).toBeNull();
  });

  it('runs the self-check with the imported park’s enterprises as picker and peers', async () => {
    await open('self-check', FULL, '[data-testid="self-peer-text"]', '&enterprise=E0002');
    const pick = q('[data-testid="pick-enterprise"]') as HTMLSelectElement;
    // The enterprises of the imported park (and the "none" choice).
    expect(pick.options.length).toBe(21);
    expect(pick.value).toBe('E0002');
    const db = await appDb();
    const peers = await db.query(`SELECT count(DISTINCT a.enterprise_id) AS n FROM activity a
      JOIN enterprises e ON e.enterprise_id = a.enterprise_id
      WHERE e.sector = (SELECT sector FROM enterprises WHERE enterprise_id = 'E0002')
        AND a.year = (SELECT max(year) FROM activity)`);
    expect(text('[data-testid="self-peer-text"]')).toContain(`of ${Number(peers.get(0)!.n)} in the sector`);
  });

  it('builds the Pathways baseline from its latest year and runs', async () => {
    await open('pathways', FULL, '[data-testid="path-results"]');
    const db = await appDb();
    const baseline = await loadParkBaseline(db, { datasetId: FULL, greenSpaceHa: 60, wetlandHa: 12 });
    expect(baseline.year).toBe(2024);
    expect(q('[data-testid="run-error"]')).toBeNull();
  });

  it('lists its tables on the Data page', async () => {
    await open('data', FULL, '[data-testid="table-activity"]');
    expect(text('[data-testid="table-activity"]')).toBe(`activity ${activityRows.toLocaleString('en')}`);
  });
});

describe('an imported park without economics', () => {
  it('says what it cannot show, shows no intensities, and every page works', async () => {
    await open('overview', BARE, '[data-testid="kpi-energy"]');
    expect(text('[data-testid="missing-tables"]')).toMatch(/no economics table .* intensities are not shown/);
    expect(q('[data-testid="kpi-intensity"]')).toBeNull();
    expect(q('[data-testid="kpi-output"]')).toBeNull();
    await open('inventory', BARE, '[data-testid="emitters-table"] tbody tr');
    expect(text('[data-testid="missing-tables"]')).toMatch(/no economics table/);
    await open('self-check', BARE, '[data-testid="self-results"]', '&enterprise=E0002');
    await open('pathways', BARE, '[data-testid="path-results"]');
    expect(text('[data-testid="missing-tables"]')).toMatch(/intensity changes are not available/);
    expect(text('[data-testid="path-kpi-intensity2025"]')).toBe('–');
    expect(text('[data-testid="path-kpi-peak2030"]')).toMatch(/\d/);
    await open('data', BARE, '[data-testid="table-economics"]');
    expect(text('[data-testid="table-economics"]')).toBe('economics 0');
  });
});
