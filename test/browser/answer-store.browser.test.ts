/**
 * Answers kept across visits (issue 14, Overview start): the store keeps Arrow answers in IndexedDB and
 * gives them back, keeps only the newest few, and "Clear my data" removes them; the Overview keeps its
 * three first answers under the park's data digest, equal to the live ones, so a repeat visit can show
 * them before DuckDB has started.
 */
import { flushSync, mount, unmount } from 'svelte';
import { tableFromArrays, type Table } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { clearAnswers, digestOf, keepAnswer, readAnswer } from '../../src/data/answer-store';
import { appDb } from '../../src/data/duckdb-browser';
import { fetchReferenceTables, bundledParks } from '../../src/data/bundled-browser';
import { clearUserData } from '../../src/data/user-parks';
import { dataKeyOf, keptAnswerKey, referenceKeyOf } from '../../src/data/first-answers';
import App from '../../src/ui/App.svelte';
import { parkScope2 } from '../../src/ui/state/scope2.svelte';
import { withStoredData } from './stored-data-lock';

const rows = (t: Table | null) => (t ? [...t].map((r) => ({ ...r.toJSON() })) : null);

/** The capacity test keeps its answers apart from the app's (other files' pages keep answers meanwhile). */
const OWN = 'pcw-answers-test';
afterAll(() => clearAnswers(OWN));

describe('kept answers', () => {
  it('digests every byte and where the pieces split', async () => {
    const a = await digestOf(['ab', new Uint8Array([1, 2])]);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await digestOf(['ab', new Uint8Array([1, 2])])).toBe(a);
    expect(await digestOf(['a', 'b', new Uint8Array([1, 2])])).not.toBe(a);
    expect(await digestOf(['ab', new Uint8Array([1, 3])])).not.toBe(a);
  });

  it('gives back what was kept, keeps the newest 24', async () => {
    await clearAnswers(OWN);
    const t = tableFromArrays({ year: Int32Array.from([2023, 2024]), v: Float64Array.from([1.5, 2.5]) });
    expect(await readAnswer('none', OWN)).toBeNull();
    await keepAnswer('k0', t, OWN);
    expect(rows(await readAnswer('k0', OWN))).toEqual(rows(t));
    for (let i = 1; i <= 30; i++) {
      await new Promise((r) => setTimeout(r, 2)); // distinct write times
      await keepAnswer(`k${i}`, t, OWN);
    }
    const kept = await Promise.all(Array.from({ length: 31 }, (_, i) => readAnswer(`k${i}`, OWN)));
    expect(kept.map((x) => x !== null)).toEqual(Array.from({ length: 31 }, (_, i) => i >= 7));
  });

  it(
    'is cleared with the user data',
    () =>
      withStoredData(async () => {
        const t = tableFromArrays({ v: Float64Array.from([1]) });
        await keepAnswer('k-clear', t);
        expect(await readAnswer('k-clear')).not.toBeNull();
        await clearUserData();
        expect(await readAnswer('k-clear')).toBeNull();
      }),
    480_000,
  ); // the lock may first wait for another file that stores parks

  it(
    'holds the Overview’s three first answers under the park’s data digest, equal to the live ones',
    () =>
      withStoredData(async () => {
        await clearAnswers();
        location.hash = '#/overview?park=workshop&lang=en';
        const target = document.createElement('div');
        document.body.appendChild(target);
        const app = mount(App, { target });
        flushSync();
        try {
          const t0 = performance.now();
          while (
            !target.querySelector('section.overview figure.chart canvas, section.overview figure.chart svg')
          ) {
            if (performance.now() - t0 > 150_000) throw new Error('the Overview did not draw its charts');
            await new Promise((r) => setTimeout(r, 100));
          }
          // The digest of the workshop park's and the reference tables' bytes, as the park store makes it.
          const [park, reference] = await Promise.all([
            bundledParks()
              .find((p) => p.manifest.id === 'workshop')!
              .tables(),
            fetchReferenceTables(),
          ]);
          const data = await dataKeyOf(await referenceKeyOf(reference), park);
          // The Overview keys its answers by the park-wide Scope 2 method too.
          // Kept a moment after they are shown.
          let kpi: Table | null = null;
          for (let i = 0; i < 100 && !kpi; i++) {
            kpi = await readAnswer(keptAnswerKey(data, parkScope2.method, 'kpi'));
            if (!kpi) await new Promise((r) => setTimeout(r, 100));
          }
          expect(kpi).not.toBeNull();
          const db = await appDb();
          const live = await db.query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'inv' AND table_name LIKE 'py_%'",
          );
          const py = String(live.get(0)!.table_name);
          const rowsLive = rows(await db.query(`SELECT * FROM inv."${py}" ORDER BY year`));
          expect(rows(kpi)).toEqual(rowsLive);
          for (const q of ['sectors', 'energy'] as const) {
            const t = await readAnswer(keptAnswerKey(data, parkScope2.method, q));
            expect(t?.numRows, q).toBeGreaterThan(0);
          }
        } finally {
          unmount(app);
          target.remove();
        }
      }),
    480_000,
  ); // the lock may first wait for another file that stores parks
});
