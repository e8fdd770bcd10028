/**
 * The bundled datasets read from `datasets/` on disk (CLI and Node tests).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParkManifest, ParkSource, TableBytes } from './parks';

/**
 * The repository's `datasets/` folder: the nearest one up from this module (which runs from
 * src/data in the sources, or from the CLI's bundle in node_modules/.cache).
 */
export const DATASETS_DIR = findDatasets(dirname(fileURLToPath(import.meta.url)));

function findDatasets(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'datasets');
    if (existsSync(join(candidate, 'reference'))) return candidate;
    if (dirname(dir) === dir) return resolve(from, '../../datasets');
  }
}

function readArrowDir(dir: string): TableBytes[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.arrow'))
    .sort()
    .map((f) => ({ name: f.slice(0, -'.arrow'.length), ipc: new Uint8Array(readFileSync(join(dir, f))) }));
}

/** Ids of the bundled parks (folders with a manifest, other than `reference`). */
export function bundledParkIds(): string[] {
  return readdirSync(DATASETS_DIR, { withFileTypes: true })
    .filter(
      (d) =>
        d.isDirectory() && d.name !== 'reference' && existsSync(join(DATASETS_DIR, d.name, 'manifest.json')),
    )
    .map((d) => d.name)
    .sort();
}

/** A bundled park by id; throws with the list of known ids otherwise. */
export function bundledPark(id: string): ParkSource {
  const dir = join(DATASETS_DIR, id);
  const manifestPath = join(dir, 'manifest.json');
  if (id === 'reference' || !existsSync(manifestPath)) {
    throw new Error(`Unknown bundled park "${id}". Known: ${bundledParkIds().join(', ')}`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ParkManifest;
  return { manifest, tables: async () => readArrowDir(dir) };
}

/** The reference tables (factors, coefficients) as Arrow IPC bytes. */
export function referenceTables(): TableBytes[] {
  const dir = join(DATASETS_DIR, 'reference');
  return existsSync(dir) ? readArrowDir(dir) : [];
}
