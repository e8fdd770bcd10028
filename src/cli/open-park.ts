/**
 * Opens an in-process DuckDB with a bundled park and the reference tables loaded (CLI commands).
 */
import { createNodeDb } from '../data/duckdb-node';
import { bundledPark, referenceTables } from '../data/bundled-node';
import { loadTables, type ParkManifest } from '../data/parks';
import type { DbPort } from '../data/port';

export async function openBundledPark(id: string): Promise<{ db: DbPort; manifest: ParkManifest }> {
  const park = bundledPark(id);
  const db = await createNodeDb();
  await loadTables(db, await park.tables());
  await loadTables(db, referenceTables());
  return { db, manifest: park.manifest };
}
