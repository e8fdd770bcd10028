import { execFileSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors';
import { checkFinite, checkOutputPath, writeAtomic } from '../../../src/cli/output';

const dir = mkdtempSync(join(tmpdir(), 'pcw-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'a-folder'));
writeFileSync(join(dir, 'a-file'), 'x');

const thrown = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError');
};

describe('checkOutputPath: before any work', () => {
  it.each([
    ['an existing folder', 'a-folder', /^--out: "a-folder" is a folder, not a file$/],
    ['a file where a folder should be', 'a-file/x.json', /^--out: ".*a-file" is not a folder$/],
    [
      'a place no file can be made (/proc)',
      '/proc/summary.json',
      /^--out: cannot write to "\/proc" \(ENOENT/,
    ],
    [
      'a folder that cannot be made (/proc)',
      '/proc/x/y/summary.json',
      /^--out: cannot create the folder "\/proc\/x" \(ENOENT/,
    ],
  ])('refuses %s', (_, path, message) => {
    expect(thrown(() => checkOutputPath(dir, path, '--out'))).toMatch(message);
  });

  it('refuses a device or a pipe: the rename would replace it (/dev/null itself, when run as root)', () => {
    expect(thrown(() => checkOutputPath(dir, '/dev/null', '--summary'))).toBe(
      '--summary: "/dev/null" is not a regular file (a device, pipe or socket); give the path of a file to write',
    );
    execFileSync('mkfifo', [join(dir, 'pipe.json')]);
    expect(thrown(() => checkOutputPath(dir, 'pipe.json', '--out'))).toMatch(
      /"pipe\.json" is not a regular file/,
    );
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(lstatSync(join(dir, 'pipe.json')).isFIFO()).toBe(true);
  });

  it('writes through a symbolic link to its target, so the link stays a link', async () => {
    writeFileSync(join(dir, 'target.json'), 'old');
    symlinkSync('target.json', join(dir, 'link.json'));
    const file = checkOutputPath(dir, 'link.json', '--out');
    expect(file).toBe(join(dir, 'target.json'));
    await writeAtomic(file, 'new');
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'link.json'), 'utf8')).toBe('new');
  });

  it('accepts a new file in new folders, creates the folders and leaves nothing else behind', () => {
    const file = checkOutputPath(dir, 'new/deeper/s.json', '--summary');
    expect(file).toBe(join(dir, 'new/deeper/s.json'));
    expect(readdirSync(join(dir, 'new/deeper'))).toEqual([]);
  });
});

describe('writeAtomic', () => {
  it('writes text, bytes and pieces', async () => {
    await writeAtomic(join(dir, 't.txt'), 'text');
    await writeAtomic(join(dir, 'b.bin'), Uint8Array.from([1, 2]));
    await writeAtomic(join(dir, 'p.txt'), ['a', 'b', Uint8Array.from([99])]);
    expect(readFileSync(join(dir, 't.txt'), 'utf8')).toBe('text');
    expect([...readFileSync(join(dir, 'b.bin'))]).toEqual([1, 2]);
    expect(readFileSync(join(dir, 'p.txt'), 'utf8')).toBe('abc');
  });

  it('keeps the old file whole and leaves no temporary file when writing fails half way', async () => {
    const file = join(dir, 'keep.csv');
    writeFileSync(file, 'old');
    function* pieces() {
      yield 'new part';
      throw new Error('disk full');
    }
    await expect(writeAtomic(file, pieces())).rejects.toThrow(
      /keep\.csv: cannot write the file \(disk full\)/,
    );
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('names the path and the OS reason when the folder is gone', async () => {
    await expect(writeAtomic(join(dir, 'gone/x.json'), 'x')).rejects.toThrow(
      /gone\/x\.json: cannot write the file \(ENOENT: /,
    );
  });
});

describe('checkFinite: no NaN or infinity reaches an output', () => {
  it.each([
    ['a top-level NaN', { a: NaN }, 'field a: NaN'],
    ['an infinity in an array', { total: { p50: [1, 2, Infinity] } }, 'field total.p50[2]: Infinity'],
    ['in an array of objects', [{ x: 1 }, { x: -Infinity }], 'field [1].x: -Infinity'],
    ['in a typed array', { v: Float32Array.from([0, NaN]) }, 'field v[1]: NaN'],
  ])('refuses %s, naming it', (_, value, where) => {
    expect(thrown(() => checkFinite(value, 's.json'))).toBe(
      `s.json: ${where} is not a finite number; nothing was written`,
    );
  });

  it('accepts finite numbers, strings and nulls (a null is a value the output means to hold)', () => {
    expect(() =>
      checkFinite({ a: 1, b: [0.5, -2], c: null, d: 'x', e: Float64Array.from([1]) }, 's'),
    ).not.toThrow();
  });
});
