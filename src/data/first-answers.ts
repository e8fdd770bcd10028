/**
 * The Overview's first answers (headline figures, enterprises by sector, energy by carrier) as answers
 * kept under a key: the park data's digest, the park-wide Scope 2 method and the question's SQL. One
 * definition of the questions and of the key serves the page (its live queries and the answers it keeps
 * in the browser, src/data/answer-store.ts) and the build, which asks the same questions of each bundled
 * park in DuckDB-Wasm and ships the answers with the app (src/data/first-answers-node.ts), so a first
 * visit shows figures before DuckDB has started. The key covers every byte of the data and the SQL, so
 * an answer is never shown for other data or another version of a question; the live answers replace
 * it when they come.
 */
import { tableToIPC, type Table } from 'apache-arrow';
import type { ParkBaseline } from '../core/scenario/baseline';
import { baselineFromDoc, baselineToDoc } from '../core/scenario/baseline-json';
import type { Scope2Method } from '../core/scenario/schema';
import type { ParkBaselineMeta } from './park-baseline';
import { digestOf } from './answer-store';
import type { ParkManifest, TableBytes } from './parks';
import type { DbPort } from './port';
import { QueryCoordinator } from './query-coordinator';
import { sectorCountsSql } from './sql/overview-sql';
import {
  buildInventorySql,
  carrierYearsFromSql,
  fnv1a,
  inventoryTables,
  parkYearsFromSql,
  type InventoryTables,
} from './sql/inventory-store-sql';

/** The Overview's first questions. */
export const OVERVIEW_QUESTIONS = ['kpi', 'sectors', 'energy'] as const;
export type OverviewQuestion = (typeof OVERVIEW_QUESTIONS)[number];

/** A question's SQL over a materialised inventory's tables. */
export function overviewQuestionSql(q: OverviewQuestion, inv: InventoryTables): string {
  if (q === 'kpi') return parkYearsFromSql(inv);
  if (q === 'sectors') return sectorCountsSql();
  return carrierYearsFromSql(inv);
}

const byName = (tables: readonly TableBytes[]) =>
  [...tables]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((t) => [t.name, t.ipc]);

/** Digest of the reference tables: every byte, with the tables' names, taken in order of name. */
export function referenceKeyOf(reference: readonly TableBytes[]): Promise<string> {
  return digestOf(byName(reference));
}

/** Key of a park's data: the reference tables' digest and every byte of the park's tables, by name. */
export function dataKeyOf(referenceKey: string, tables: readonly TableBytes[]): Promise<string> {
  return digestOf([referenceKey, ...byName(tables)]);
}

// The key names the inventory's tables by a fixed key, not the session's, so it is the same everywhere.
const FIXED = inventoryTables('kept');

/**
 * The key an Overview answer is kept under: the data, the Scope 2 method, the question's SQL and (by a
 * short hash) the SQL that materialises the inventory it reads, so a new version of the accounting is a
 * new key.
 */
export function keptAnswerKey(dataKey: string, scope2: Scope2Method, q: OverviewQuestion): string {
  return `${dataKey}|scope2=${scope2}|inventory=${inventoryHash(scope2)}|overview-${q}|${overviewQuestionSql(q, FIXED)}`;
}

const inventoryHashes = new Map<Scope2Method, string>();

/** Hash of the SQL that materialises the inventory for a Scope 2 method (made once per method). */
function inventoryHash(scope2: Scope2Method): string {
  let h = inventoryHashes.get(scope2);
  if (h === undefined) {
    const build = buildInventorySql({ scope2Method: scope2 }, FIXED, 'kept').map((s) => s.sql);
    inventoryHashes.set(scope2, (h = fnv1a(build.join(';\n'))));
  }
  return h;
}

/** A kept answer: its key and its Arrow IPC stream bytes. */
export interface KeptAnswer {
  key: string;
  ipc: Uint8Array;
}

/**
 * Asks the Overview's questions of the park loaded in `db` (under the data key `dataKey`), for each Scope 2
 * method, through the same materialised inventory the page builds (src/data/query-coordinator.ts).
 * `toIPC` writes an answer's bytes (in Node, DuckDB's blocking build answers with Arrow's CommonJS
 * classes, which need that build's writer).
 */
export async function overviewAnswers(
  db: DbPort,
  dataKey: string,
  methods: readonly Scope2Method[],
  toIPC: (t: Table) => Uint8Array = (t) => tableToIPC(t, 'stream'),
): Promise<KeptAnswer[]> {
  const out: KeptAnswer[] = [];
  const queries = new QueryCoordinator(async () => db);
  for (const scope2 of methods) {
    const inv = await queries.inventory({ scope2Method: scope2 });
    for (const q of OVERVIEW_QUESTIONS) {
      const t = await db.query(overviewQuestionSql(q, inv));
      const ipc = toIPC(t);
      if (ipc.byteLength === 0) throw new Error(`the answer to ${q} could not be written as Arrow`);
      out.push({ key: keptAnswerKey(dataKey, scope2, q), ipc });
    }
  }
  return out;
}

/** Kept answers as JSON text (Arrow bytes in base64), the form the build ships them in. */
/**
 * A bundled park's Pathways baseline for one Scope 2 method, as the build made it (loadParkBaseline on
 * the park in DuckDB-Wasm, the app's own path): the Pathways page starts from it without waiting for
 * DuckDB. Keyed by the park's data digest (dataKeyOf) and the method; shipped with the code that made
 * it and never kept across builds, so the key needs no hash of the code.
 */
export interface ShippedBaseline {
  key: string;
  baseline: ParkBaseline;
}

/** The key of a shipped baseline. */
export function shippedBaselineKey(dataKey: string, scope2: Scope2Method): string {
  return `${dataKey}|baseline|${scope2}`;
}

/** What loadParkBaseline is told of a park besides its tables: the one reading of its manifest. */
export function baselineMetaOf(manifest: ParkManifest): ParkBaselineMeta {
  return { datasetId: manifest.id, greenSpaceHa: manifest.green_space_ha, wetlandHa: manifest.wetland_ha };
}

/** The first answers (and baselines) as the JSON the build ships. */
export function answersToJson(
  answers: readonly KeptAnswer[],
  baselines: readonly ShippedBaseline[] = [],
): string {
  const b64 = (u: Uint8Array) => {
    let s = '';
    for (let i = 0; i < u.length; i += 0x8000) s += String.fromCharCode(...u.subarray(i, i + 0x8000));
    return btoa(s);
  };
  return JSON.stringify({
    answers: answers.map((a) => ({ key: a.key, ipc: b64(a.ipc) })),
    // A baseline that cannot be written (a number JSON cannot carry) is left out: the page builds it live.
    baselines: baselines.flatMap((b) => {
      const doc = baselineToDoc(b.baseline);
      return doc ? [{ key: b.key, baseline: doc }] : [];
    }),
  });
}

/** The entries of one list of answersToJson's text, as records; none for anything else. */
function entriesOf(text: string, list: 'answers' | 'baselines'): Record<string, unknown>[] {
  try {
    const items = (JSON.parse(text) as Record<string, unknown> | null)?.[list];
    return Array.isArray(items) ? items.map((x: unknown) => (x ?? {}) as Record<string, unknown>) : [];
  } catch {
    return [];
  }
}

/** Reads the baselines of answersToJson's text; anything else gives none (the page builds them live). */
export function baselinesFromJson(text: string): ShippedBaseline[] {
  return entriesOf(text, 'baselines').flatMap(({ key, baseline }) => {
    const decoded = baselineFromDoc(baseline);
    return typeof key === 'string' && decoded ? [{ key, baseline: decoded }] : [];
  });
}

/** Reads answersToJson's text; anything else gives no answers (the page then waits for live ones). */
export function answersFromJson(text: string): KeptAnswer[] {
  return entriesOf(text, 'answers').flatMap(({ key, ipc }) => {
    if (typeof key !== 'string' || typeof ipc !== 'string') return [];
    return [{ key, ipc: Uint8Array.from(atob(ipc), (c) => c.charCodeAt(0)) }];
  });
}
