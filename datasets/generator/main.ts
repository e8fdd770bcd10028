/**
 * `npm run datasets`: regenerates datasets/sample, datasets/workshop and datasets/reference byte for
 * byte. Deterministic: seeded PRNG, no clock, sorted rows, fixed number formatting.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parkFileSet, referenceFileSet, type FileSet } from './build.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function write(files: FileSet): void {
  for (const [rel, bytes] of files) {
    const path = join(ROOT, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }
}

const parks = parkFileSet();
write(parks);
for (const rel of parks.keys()) {
  if (rel.endsWith('manifest.json')) console.log(`wrote datasets/${dirname(rel)} (${rel})`);
}
const reference = await referenceFileSet();
if (reference === null) {
  console.log(
    'note: src/core/reference/index.ts not found; reference tables skipped (rerun when it exists).',
  );
} else {
  write(reference);
  console.log(`wrote datasets/reference (${(reference.size - 1) / 2} tables)`);
}
