/**
 * Runs the robustness corpus (cases.ts) through the CLI's entry point in this process, as
 * `npm run cli -- …` runs it: each case in a folder of its own, checking the exit code, what stderr and
 * stdout say, the files written (byte for byte against an earlier case's) and the files not written.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { CASES, type Case } from './cases';

const root = mkdtempSync(join(tmpdir(), 'pcw-robustness-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function runCase(c: Case): Promise<void> {
  const dir = join(root, c.id);
  mkdirSync(dir);
  for (const [name, content] of Object.entries(c.files?.() ?? {})) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  let stdout = '';
  let stderr = '';
  const code = await main([...c.argv], {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    cwd: dir,
  });
  const said = (text: string, expected: Case['err']) => {
    for (const m of Array.isArray(expected) ? expected : expected === undefined ? [] : [expected]) {
      if (m === '') expect(text).toBe('');
      else if (typeof m === 'string') expect(text).toContain(m);
      else expect(text).toMatch(m);
    }
  };
  // The exit code with what was said, so a wrong code shows why.
  expect({ code, stderr: stderr.slice(0, 2000) }).toEqual({ code: c.code, stderr: expect.any(String) });
  said(stderr, c.err);
  said(stdout, c.out);
  // No stack trace, ever.
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  for (const { file, as } of c.same ?? []) {
    expect(readFileSync(join(dir, file)).equals(readFileSync(join(root, as, file)))).toBe(true);
  }
  for (const file of c.absent ?? []) expect(existsSync(join(dir, file))).toBe(false);
}

describe('robustness corpus: every bad or awkward input has its specific outcome', () => {
  it('has at least 150 cases with unique ids', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
  });
  for (const c of CASES) {
    (c.pending ? it.fails : it)(`${c.id}${c.pending ? ` (still wrong; fix: ${c.pending})` : ''}`, () =>
      runCase(c),
    );
  }
});
