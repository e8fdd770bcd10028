/**
 * Output files of the CLI: every path is checked before any work starts (not a directory, its folder
 * creatable and writable), and written atomically (a temporary file in the same folder, then a rename),
 * so a failure never leaves half a file and ends the command at once with the path and the OS reason.
 * What is written is checked first: a number that is NaN or infinite is refused, with where it is.
 */
import { closeSync, mkdirSync, openSync, realpathSync, statSync, unlinkSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, fail } from '../core/errors';

const reasonOf = (e: unknown): string => {
  const err = e as NodeJS.ErrnoException;
  // "ENOENT: no such file or directory, open '/x/.tmp…'" → "ENOENT: no such file or directory": the
  // path is named already, and a temporary file's name would only confuse.
  return err.code
    ? `${err.code}: ${err.message.replace(/^\w+: /, '').replace(/, \w+ '.*'$/s, '')}`
    : String(err.message ?? e);
};

/**
 * Creates the missing folders of `dir` one level at a time (a recursive mkdir can loop for ever under
 * /proc), failing with the first folder that cannot be made.
 */
function ensureDir(dir: string, option: string): void {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    let stat;
    try {
      stat = statSync(at);
    } catch {
      missing.push(at);
      const up = dirname(at);
      if (up === at) break;
      at = up;
      continue;
    }
    if (!stat.isDirectory()) fail({ file: option, reason: `"${at}" is not a folder` });
    break;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      fail({ file: option, reason: `cannot create the folder "${d}" (${reasonOf(e)})` });
    }
  }
}

/**
 * Checks that `path` (relative to `cwd`) can be written, before any work: not an existing folder, a
 * device or a pipe (a rename would replace `/dev/null` itself), its folder there or creatable, a file
 * creatable in it. Returns the absolute path to write: an existing symbolic link's target, so the link
 * stays a link.
 */
export function checkOutputPath(cwd: string, path: string, option: string): string {
  let file = resolve(cwd, path);
  let stat;
  try {
    stat = statSync(file);
    file = realpathSync(file);
  } catch {
    stat = undefined; // not there yet (or a dangling link: written as a new file)
  }
  if (stat?.isDirectory()) fail({ file: option, reason: `"${path}" is a folder, not a file` });
  if (stat && !stat.isFile())
    fail({
      file: option,
      reason: `"${path}" is not a regular file (a device, pipe or socket); give the path of a file to write`,
    });
  ensureDir(dirname(file), option);
  const probe = tempPathOf(file);
  try {
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
  } catch (e) {
    fail({ file: option, reason: `cannot write to "${dirname(file)}" (${reasonOf(e)})` });
  }
  return file;
}

/**
 * Refuses two outputs of one command that are the same file (checked paths, as checkOutputPath returns
 * them): the second would silently replace the first. Each entry is [option, path].
 */
export function distinctOutputs(outputs: readonly (readonly [string, string])[]): void {
  const seen = new Map<string, string>();
  for (const [option, path] of outputs) {
    const first = seen.get(path);
    if (first !== undefined)
      fail({
        file: 'command line',
        reason: `${option} and ${first} are the same file "${path}"; give each its own`,
      });
    seen.set(path, option);
  }
}

/**
 * Checks that `path` (relative to `cwd`) can be an output folder, before any work and without making
 * anything: its nearest existing folder (itself or an ancestor) must take a new file. Returns the
 * absolute path.
 */
export function checkOutputFolder(cwd: string, path: string, option: string): string {
  const dir = resolve(cwd, path);
  let at = dir;
  let stat;
  for (;;) {
    try {
      stat = statSync(at);
      break;
    } catch {
      const up = dirname(at);
      if (up === at) fail({ file: option, reason: `no folder of "${path}" exists` });
      at = up;
    }
  }
  if (!stat.isDirectory()) fail({ file: option, reason: `"${at}" is not a folder` });
  const probe = join(at, `.pcw-probe.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
  } catch (e) {
    fail({ file: option, reason: `cannot write to "${at}" (${reasonOf(e)})` });
  }
  return dir;
}

function tempPathOf(file: string): string {
  const tag = `${process.pid}.${Math.random().toString(36).slice(2, 10)}`;
  return join(dirname(file), `.${basename(file)}.${tag}.tmp`);
}

/** Writes `content` (text or bytes, or pieces of them) to `file` atomically; a failure names the file. */
export async function writeAtomic(
  file: string,
  content: string | Uint8Array | Iterable<string | Uint8Array>,
): Promise<void> {
  const temp = tempPathOf(file);
  try {
    const handle = await open(temp, 'wx');
    try {
      const pieces = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
      for (const piece of pieces) {
        if (typeof piece === 'string') await handle.write(piece);
        else await handle.write(piece);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (e) {
    await unlink(temp).catch(() => {});
    if (e instanceof InputError) throw e;
    fail({ file, reason: `cannot write the file (${reasonOf(e)})` });
  }
}

/**
 * Refuses a value that would carry NaN or an infinite number into an output (JSON would write them
 * as null): names the first such value by its path, e.g. `total_tco2.p50[3]`.
 */
export function checkFinite(value: unknown, file: string): void {
  const path: (string | number)[] = [];
  const where = () =>
    path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(the value)';
  const visit = (v: unknown): void => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v))
        fail({ file, field: where(), reason: `${v} is not a finite number; nothing was written` });
    } else if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      const a = v as unknown as ArrayLike<number | bigint>;
      for (let i = 0; i < a.length; i++) {
        const x = a[i];
        if (typeof x === 'number' && !Number.isFinite(x)) {
          path.push(i);
          visit(x);
        }
      }
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => {
        path.push(i);
        visit(x);
        path.pop();
      });
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        path.push(k);
        visit(x);
        path.pop();
      }
    }
  };
  visit(value);
}
