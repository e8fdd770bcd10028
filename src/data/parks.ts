/**
 * Park datasets as the data layer sees them: a manifest plus Arrow IPC bytes per table,
 * wherever they came from (bundled assets in the browser, files in Node).
 */
import type { DbPort } from './port';
import type { KeptAnswer, ShippedBaseline } from './first-answers';

export const PARK_TABLES = [
  'enterprises',
  'economics',
  'activity',
  'production',
  'pv_installations',
] as const;

export interface ParkManifest {
  id: string;
  name_zh: string;
  name_en: string;
  version: string;
  synthetic: boolean;
  description_zh?: string;
  description_en?: string;
  years: [number, number];
  green_space_ha?: number;
  wetland_ha?: number;
  tables: Record<string, { rows: number }>;
}

export interface TableBytes {
  name: string;
  ipc: Uint8Array;
}

export interface ParkSource {
  manifest: ParkManifest;
  /** Fetches (or reads) the park's tables as Arrow IPC stream bytes. */
  tables(): Promise<TableBytes[]>;
  /** Answers that come with the park (a bundled park's first answers, made by the build), if any. */
  answers?(): Promise<KeptAnswer[]>;
  /** Pathways baselines that come with the park (a bundled park's, made by the build), if any. */
  baselines?(): Promise<ShippedBaseline[]>;
}

/** Loads tables into the database, replacing any of the same name. */
export async function loadTables(db: DbPort, tables: readonly TableBytes[]): Promise<void> {
  for (const t of tables) await db.insertArrowIPC(t.name, t.ipc);
}
