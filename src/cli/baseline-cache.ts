/**
 * A cache of park baselines for the CLI's bundle: a baseline built once (by the app's SQL in DuckDB)
 * is kept under a key made of the park's bytes, the options and the bundle's build id, so the next
 * `simulate` on the same park does not start DuckDB. Any change to a file, an option or the code (a
 * rebuild) makes a new key. Off when the CLI runs from its TypeScript sources (tests, tsx).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParkBaseline } from '../core/scenario/baseline';
import { baselineFromDoc, baselineToDoc } from '../core/scenario/baseline-json';

/** The bundle's build id (stamped in by src/cli/build/vite.config.ts); absent in the sources. */
const BUILD_ID = import.meta.env?.PCW_CLI_BUILD_ID as string | undefined;

/** A key over the build and every piece of input (bytes or text), in order. */
export function baselineKey(parts: readonly (string | Uint8Array)[]): string | null {
  if (!BUILD_ID) return null;
  const hash = createHash('sha256').update(BUILD_ID);
  for (const p of parts) {
    hash
      .update(String(typeof p === 'string' ? p.length : p.byteLength))
      .update('\0')
      .update(p);
  }
  return hash.digest('hex');
}

const fileOf = (key: string) => join(dirname(fileURLToPath(import.meta.url)), 'baselines', `${key}.json`);

/** A park's baseline and the warnings its files gave when it was built (said again on every use). */
export interface CachedBaseline {
  baseline: ParkBaseline;
  warnings: string[];
}

/** The baseline kept under `key`, or null (none, or unreadable: then it is simply built again). */
export function readCachedBaseline(key: string | null): CachedBaseline | null {
  if (!key) return null;
  try {
    const { warnings, ...doc } = JSON.parse(readFileSync(fileOf(key), 'utf8')) as Record<string, unknown>;
    const baseline = baselineFromDoc(doc);
    if (!Array.isArray(warnings) || !baseline) return null;
    return { baseline, warnings: warnings.map(String) };
  } catch {
    return null;
  }
}

/** Keeps `baseline` under `key` (written whole or not at all); a failure to cache is not an error. */
export function cacheBaseline(key: string | null, { baseline, warnings }: CachedBaseline): void {
  if (!key) return;
  const encoded = baselineToDoc(baseline);
  if (!encoded) return;
  const doc = { ...encoded, warnings };
  try {
    const file = fileOf(key);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(doc));
    renameSync(`${file}.${process.pid}.tmp`, file);
  } catch {
    // A read-only cache folder only costs the next run its DuckDB start.
  }
}
