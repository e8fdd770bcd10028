/**
 * The import corpus (test/fixtures/import/cases.ts): each file through the CLI's `validate` gives its
 * specific located messages (or loads the rows it should), and `import` writes nothing for a file
 * with an error.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { command as validate } from '../../../../src/cli/commands/validate';
import { command as importCmd } from '../../../../src/cli/commands/import';
import { CASES } from '../../../fixtures/import/cases';

const CORPUS = join(import.meta.dirname, '../../../fixtures/import/corpus');
const scratch = mkdtempSync(join(tmpdir(), 'pcw-corpus-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function run(cmd: typeof validate, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await cmd.run(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd: CORPUS,
  });
  return { code, stdout, stderr };
}

describe('import corpus', () => {
  it('has at least 30 bad or awkward files', () => {
    expect(new Set(CASES.map((c) => c.file)).size).toBeGreaterThanOrEqual(30);
    expect(CASES.filter((c) => c.errors).length).toBeGreaterThanOrEqual(20);
  });

  it.each(
    CASES.map((c, i) => [`${c.file}${c.options ? ` ${c.options.join(' ')}` : ''}: ${c.what}`, i] as const),
  )('%s', async (_, i) => {
    const c = CASES[i];
    const args = ['--activity', c.file, ...(c.options ?? [])];
    const r = await run(validate, args);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    const errors = lines.filter((l) => !l.includes(': warning: ') && !l.startsWith('validate: '));
    const warnings = lines.filter((l) => l.includes(': warning: '));
    if (c.errors) {
      expect(r.code).toBe(1);
      expect(errors).toHaveLength(c.errors.length);
      c.errors.forEach((e, k) =>
        typeof e === 'string' ? expect(errors[k]).toBe(e) : expect(errors[k]).toMatch(e),
      );
      // Nothing is written for a file with an error.
      const out = join(scratch, c.file.replace(/\W/g, '_'));
      const imp = await run(importCmd, [...args, '--out', out]);
      expect(imp.code).toBe(1);
      expect(existsSync(out)).toBe(false);
    } else {
      expect(errors).toEqual([]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^${c.rows} rows would load: activity ${c.rows} `));
      for (const w of c.warnings ?? [])
        expect(
          warnings.some((l) => w.test(l)),
          `${w} in\n${warnings.join('\n')}`,
        ).toBe(true);
    }
  });
});
