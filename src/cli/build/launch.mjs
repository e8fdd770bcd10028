// `npm run cli`: runs the CLI's prebuilt bundle (node_modules/.cache/pcw-cli, see vite.config.ts),
// building it first when it is missing or older than any source it was built from, so a fresh clone
// and every edit work without a separate step. Plain JavaScript: it starts before anything is built.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const OUT = join(ROOT, 'node_modules/.cache/pcw-cli');
const ENTRY = join(OUT, 'main.mjs');
const CONFIG = 'src/cli/build/vite.config.ts';

/** Newest modification time of the files the bundle was built from (and of what decides the build). */
function newestInput() {
  const files = [CONFIG, 'src/cli/build/launch.mjs', 'package-lock.json'];
  try {
    files.push(...JSON.parse(readFileSync(join(OUT, 'inputs.json'), 'utf8')));
  } catch {
    return Infinity;
  }
  let newest = 0;
  for (const f of files) {
    try {
      newest = Math.max(newest, statSync(join(ROOT, f)).mtimeMs);
    } catch {
      return Infinity; // a source was moved or deleted: build again
    }
  }
  return newest;
}

function stale() {
  return !existsSync(ENTRY) || statSync(ENTRY).mtimeMs < newestInput();
}

if (stale()) {
  process.stderr.write('Building the CLI (once after each change to its sources)…\n');
  // Built next to the bundle in use and swapped in only when the build succeeds.
  const next = `${OUT}.next`;
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--config', CONFIG, '--outDir', next], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) {
    rmSync(next, { recursive: true, force: true });
    process.stderr.write(`Building the CLI failed (exit ${built.status}); see the messages above.\n`);
    process.exit(1);
  }
  rmSync(OUT, { recursive: true, force: true });
  renameSync(next, OUT);
}

const { main } = await import(pathToFileURL(ENTRY).href);
const io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
};
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
