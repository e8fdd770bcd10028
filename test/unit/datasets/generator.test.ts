/**
 * The bundled datasets are reproducible: the generator is deterministic and the committed files are
 * exactly what it produces (`npm run datasets` regenerates them).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { parkFileSet, referenceFileSet, type FileSet } from '../../../datasets/generator/build.ts';
import { Rng } from '../../../datasets/generator/prng.ts';
import { PARK_COLUMNS, PARK_TABLE_NAMES } from '../../../datasets/generator/schema.ts';
import { formatCell, toJson } from '../../../datasets/generator/writers.ts';

const DATASETS = resolve(import.meta.dirname, '../../../datasets');
const ARROW_TYPE = { utf8: 'Utf8', int32: 'Int32', float64: 'Float64' } as const;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
}

/** Paths (relative to datasets/) whose committed bytes differ from `files`, or that are missing/stale. */
function differences(files: FileSet, dirs: readonly string[]): string[] {
  const bad: string[] = [];
  for (const [rel, bytes] of files) {
    const path = join(DATASETS, rel);
    if (!existsSync(path)) bad.push(`${rel} (missing)`);
    else if (!sameBytes(new Uint8Array(readFileSync(path)), bytes)) bad.push(`${rel} (differs)`);
  }
  for (const dir of dirs) {
    for (const f of existsSync(join(DATASETS, dir)) ? readdirSync(join(DATASETS, dir)) : []) {
      if (!files.has(`${dir}/${f}`)) bad.push(`${dir}/${f} (not generated)`);
    }
  }
  return bad;
}

describe('dataset generator', () => {
  it('seeded PRNG repeats its stream and separates seeds', () => {
    const a = new Rng('x');
    const b = new Rng('x');
    const c = new Rng('y');
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('formats cells and JSON stably', () => {
    expect(formatCell(-0)).toBe('0');
    expect(formatCell(1234.5)).toBe('1234.5');
    expect(formatCell(null)).toBe('');
    expect(formatCell('a,"b"')).toBe('"a,""b"""');
    expect(toJson({ years: [2015, 2024], t: { a: { rows: 1 } } })).toBe(
      '{\n  "years": [2015, 2024],\n  "t": {\n    "a": {\n      "rows": 1\n    }\n  }\n}\n',
    );
  });

  it('produces identical bytes on every run', () => {
    const first = parkFileSet();
    const second = parkFileSet();
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [rel, bytes] of first) expect(sameBytes(bytes, second.get(rel)!), rel).toBe(true);
  });

  it('matches the committed park files (run `npm run datasets` after changing the generator)', () => {
    expect(differences(parkFileSet(), ['sample', 'workshop'])).toEqual([]);
  });

  it('matches the committed reference tables (run `npm run datasets` after changing src/core/reference)', async () => {
    const files = await referenceFileSet();
    if (files === null) return; // reference module not written yet: nothing to compare
    expect(files.size).toBeGreaterThan(2);
    expect(differences(files, ['reference'])).toEqual([]);
  });

  it.each(['sample', 'workshop'])(
    '%s: Arrow files decode with the documented types and manifest counts',
    (id) => {
      const manifest = JSON.parse(readFileSync(join(DATASETS, id, 'manifest.json'), 'utf8'));
      expect(manifest).toMatchObject({
        id,
        synthetic: true,
        years: [2015, 2024],
        version: expect.any(String),
      });
      expect(Object.keys(manifest.tables)).toEqual(PARK_TABLE_NAMES);
      for (const name of PARK_TABLE_NAMES) {
        const table = tableFromIPC(readFileSync(join(DATASETS, id, `${name}.arrow`)));
        expect(table.numRows, name).toBe(manifest.tables[name].rows);
        const fields = table.schema.fields.map((f) => [f.name, String(f.type)]);
        expect(fields, name).toEqual(PARK_COLUMNS[name].map((c) => [c.name, ARROW_TYPE[c.type]]));
        const csvLines = readFileSync(join(DATASETS, id, `${name}.csv`), 'utf8')
          .trimEnd()
          .split('\n');
        expect(csvLines.length - 1, name).toBe(table.numRows);
      }
    },
  );
});
