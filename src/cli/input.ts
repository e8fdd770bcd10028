/**
 * Input files of the CLI. A device is refused before it is read: /dev/zero or /dev/urandom never end,
 * and reading one filled memory until the process was killed. A pipe (a shell's process substitution,
 * `--activity <(…)`) is read as usual.
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/**
 * The bytes of the file at `path` (absolute). Fails as readFile fails, with an error whose `code` the
 * commands print in "cannot read the file (…)"; for a device that code says so in words.
 */
export async function readInput(path: string): Promise<Buffer> {
  let device = false;
  try {
    const stat = statSync(path);
    device = stat.isCharacterDevice() || stat.isBlockDevice();
  } catch {
    // Missing or unreadable: readFile says why.
  }
  if (device) {
    throw Object.assign(new Error(`${path} is a device, not a file`), { code: 'a device, not a file' });
  }
  return readFile(path);
}
