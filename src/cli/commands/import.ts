/**
 * `npm run cli -- import`: the importer's canonical tables written as a park folder (datasets/README.md:
 * `<table>.csv` and `<table>.arrow`, manifest.json) that `--park <folder>` and the app read. Nothing is
 * written when a file has an error, unless --skip-invalid asks for the valid rows only; each file is
 * written to a temporary name and renamed, so a failure never leaves half a file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { InputError } from '../../core/errors';
import { toCsvText, toIpc } from '../../core/import/index';
import { checkOutputFolder } from '../output';
import type { CliCommand, CliIo } from '../types';
import { isUsageError, reportProblems, runImporter, summary, usageText } from './validate';

const USAGE = `Usage: npm run cli -- import --activity <file> [--activity <file> …] [--enterprises <file>]
       [--economics <file>] [--mapping <mapping.json>] [--encoding utf-8|gbk|…] [--sheet <name>]
       [--name <park name>] [--green-space-ha <ha>] [--wetland-ha <ha>] [--skip-invalid] --out <folder>

Reads the files as \`validate\` does and writes a canonical park folder: activity.csv/.arrow (amounts in
each carrier's canonical unit), feedstock.csv/.arrow (用作原材料 of P201 forms, kept out of energy
totals), enterprises and economics when given, and manifest.json. \`simulate --park <folder>\` reads a
folder without enterprises (every sector unknown) or economics (no intensities), as the app does.

  --skip-invalid  write the valid rows and list the rest (default: write nothing if any row is bad)
  --name          the park's name in the manifest (default: the folder's name)
  --green-space-ha, --wetland-ha   the park's areas for the manifest (default 0)`;

/** The tables an earlier `import` wrote into `dir`, by its manifest; none when there is no such manifest. */
function previousTables(dir: string): string[] {
  try {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      version?: unknown;
      tables?: unknown;
    };
    if (m.version !== 'imported' || m.tables === null || typeof m.tables !== 'object') return [];
    return Object.keys(m.tables).filter((t) => IMPORTED_TABLES.includes(t));
  } catch {
    return [];
  }
}

/** The tables `import` writes (only these are ever removed from a folder). */
const IMPORTED_TABLES = ['activity', 'feedstock', 'enterprises', 'economics'];

async function run(argv: string[], io: CliIo): Promise<number> {
  // The output place is checked before any file is read.
  const outAt = argv.indexOf('--out');
  const early = outAt >= 0 ? argv[outAt + 1] : argv.find((a) => a.startsWith('--out='))?.slice(6);
  if (early && existsSync(resolve(io.cwd, early)) && !statSync(resolve(io.cwd, early)).isDirectory()) {
    io.stderr(`import: --out ${early} is a file, not a folder\n`);
    return 2;
  }
  try {
    // Fails at once where no folder can be made (a recursive mkdir can loop for ever under /proc).
    if (early) checkOutputFolder(io.cwd, early, '--out');
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.stderr(`import: ${e.message}\n`);
    return 2;
  }
  let r;
  try {
    r = await runImporter(argv, io, {
      values: ['out', 'name', 'green-space-ha', 'wetland-ha'],
      flags: ['skip-invalid'],
    });
  } catch (e) {
    if (isUsageError(e)) {
      io.stderr(`import: ${usageText(e)}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  const out = r.options.get('out');
  if (!out) {
    io.stderr(`import: --out <folder> is required\n${USAGE}\n`);
    return 2;
  }
  const areas: Record<string, number> = {};
  for (const k of ['green-space-ha', 'wetland-ha']) {
    const v = r.options.get(k);
    if (v === undefined) continue;
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1e6) {
      io.stderr(`import: --${k}: "${v}" is not an area in hectares (0–1000000)\n`);
      return 2;
    }
    areas[k] = n;
  }
  const dir = resolve(io.cwd, out);
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    io.stderr(`import: --out ${out} is a file, not a folder\n`);
    return 2;
  }
  reportProblems(io, r.result, r.problems);
  const result = r.result;
  if (!result) return 1;
  if (result.errorCount > 0 && !r.flags.has('skip-invalid')) {
    io.stderr(
      `import: ${result.errorCount} error(s); nothing written (--skip-invalid writes the valid rows only)\n`,
    );
    return 1;
  }
  const tables = result.tables.filter((t) => t.name !== 'feedstock' || t.table.length > 0);
  if (tables.every((t) => t.table.length === 0)) {
    io.stderr('import: no valid rows; nothing written\n');
    return 1;
  }
  try {
    await mkdir(dir, { recursive: true });
    const name = r.options.get('name') ?? basename(dir);
    const manifest = {
      id: basename(dir),
      name_zh: name,
      name_en: name,
      version: 'imported',
      synthetic: false,
      years: result.years ?? null,
      green_space_ha: areas['green-space-ha'] ?? 0,
      wetland_ha: areas['wetland-ha'] ?? 0,
      tables: Object.fromEntries(tables.map((t) => [t.name, { rows: t.table.length }])),
      imported_from: result.files.map((f) => ({
        file: f.file,
        format: f.format,
        encoding: f.encoding ?? null,
      })),
    };
    // Tables an earlier import wrote into this folder and this one does not: removed after the new
    // files are in, so the folder never mixes this import's activity with an older one's enterprises.
    const stale = previousTables(dir).filter((t) => !tables.some((n) => n.name === t));
    const files: [string, string | Uint8Array][] = [];
    for (const t of tables) {
      files.push([`${t.name}.csv`, toCsvText(t.table)]);
      files.push([`${t.name}.arrow`, toIpc(t.table)]);
    }
    files.push(['manifest.json', JSON.stringify(manifest, null, 2) + '\n']);
    const temps: string[] = [];
    try {
      for (const [f, data] of files) {
        const tmp = join(dir, `.${f}.${process.pid}.tmp`);
        temps.push(tmp);
        await writeFile(tmp, data);
      }
      for (let i = 0; i < files.length; i++) await rename(temps[i], join(dir, files[i][0]));
    } catch (e) {
      await Promise.all(temps.map((t) => rm(t, { force: true })));
      throw e;
    }
    for (const t of stale)
      for (const ext of ['csv', 'arrow']) await rm(join(dir, `${t}.${ext}`), { force: true });
    if (stale.length > 0)
      io.stdout(`Removed ${stale.join(', ')} of the earlier import into ${out} (not in this one)\n`);
  } catch (e) {
    io.stderr(`import: cannot write ${out} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
    return 1;
  }
  io.stdout(`${summary(result, 'written')} to ${out}\n`);
  if (!tables.some((t) => t.name === 'enterprises') || !tables.some((t) => t.name === 'economics')) {
    io.stdout(
      'Note: without enterprises (with sectors) and economics, simulate --park gives every enterprise the sector unknown and no intensities; import them with --enterprises and --economics.\n',
    );
  }
  return 0;
}

export const command: CliCommand = {
  name: 'import',
  summary: 'Write a canonical park folder from files as people have them (the importer of validate)',
  usage: USAGE,
  run,
};
