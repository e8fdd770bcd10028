/**
 * The build's part of the first answers (src/data/first-answers.ts): each bundled park opened in
 * DuckDB-Wasm in Node the way the app opens it, the Overview's questions asked for each Scope 2
 * method, and the answers given as the JSON the app fetches (`first-answers/<park>.json`).
 */
import { createRequire } from 'node:module';
import type { Table } from 'apache-arrow';
import { SCOPE2_METHODS } from '../core/scenario/schema';
import { bundledPark, bundledParkIds, referenceTables } from './bundled-node';
import { createNodeDb } from './duckdb-node';
import {
  answersToJson,
  baselineMetaOf,
  dataKeyOf,
  overviewAnswers,
  referenceKeyOf,
  shippedBaselineKey,
  type ShippedBaseline,
} from './first-answers';
import { loadParkBaseline } from './park-baseline';
import { loadTables } from './parks';
import { installParkTables } from './user-parks';

// DuckDB's blocking build in Node answers with Arrow's CommonJS classes: that build writes them.
const arrowCjs = createRequire(import.meta.url)('apache-arrow') as {
  tableToIPC(t: Table, type: 'stream'): Uint8Array;
};

/** Every bundled park's first answers as JSON text, by park id. */
export async function bundledFirstAnswers(): Promise<{ park: string; json: string }[]> {
  const reference = referenceTables();
  const referenceKey = await referenceKeyOf(reference);
  const db = await createNodeDb();
  try {
    await loadTables(db, reference);
    const out: { park: string; json: string }[] = [];
    for (const park of bundledParkIds()) {
      const tables = await bundledPark(park).tables();
      await installParkTables(db, tables);
      const dataKey = await dataKeyOf(referenceKey, tables);
      const answers = await overviewAnswers(db, dataKey, SCOPE2_METHODS, (t) =>
        arrowCjs.tableToIPC(t, 'stream'),
      );
      // The Pathways baselines, as the page builds them (PathwaysState.load).
      const meta = baselineMetaOf(bundledPark(park).manifest);
      const baselines: ShippedBaseline[] = [];
      for (const scope2 of SCOPE2_METHODS) {
        const baseline = await loadParkBaseline(db, meta, { scope2 });
        baselines.push({ key: shippedBaselineKey(dataKey, scope2), baseline });
      }
      out.push({ park, json: answersToJson(answers, baselines) });
    }
    return out;
  } finally {
    await db.close();
  }
}
