/**
 * `npm run cli -- validate`: the app's importer and validation on files as people have them (CSV in
 * UTF-8 or GBK, XLSX, Parquet, JSON; Chinese or English headers; long, wide or P201 layouts). Exits 1
 * with one `file:row:column: reason` line per problem, or 0 with the count of rows that would load.
 * The reading half is shared with `import`.
 */
import { resolve } from 'node:path';
import { formatProblem, InputError, type Problem } from '../../core/errors';
import {
  type ActivityColumns,
  ENCODING_CHOICES,
  importPark,
  parseMapping,
  rowsToLoad,
  type EncodingChoice,
  type InputFile,
  type MappingDoc,
  type ParkImport,
} from '../../core/import/index';
import { represented } from '../../core/import/problems';
import { parseArgs } from '../args';
import type { CliCommand, CliIo } from '../types';
import { readInput } from '../input';

const USAGE = `Usage: npm run cli -- validate --activity <file> [--activity <file> …] [--enterprises <file>]
       [--economics <file>] [--mapping <mapping.json>] [--encoding utf-8|gbk|gb18030|utf-16le|utf-16be]
       [--sheet <name>] [--max-problems <n>]

Checks files with the same importer as the app, before anything is loaded: .csv (UTF-8, UTF-8 with
BOM, GBK/GB18030, UTF-16; detected unless --encoding is given), .xlsx, .parquet, .json. Headers and
values in Chinese or English are recognised (企业代码, 年份, 能源品种, 消费量, 计量单位; 电力, 天然气,
蒸汽 …); wide layouts (电力（万千瓦时）) and the statistics bureau's P201 energy form too.

  --mapping       JSON: {"columns": {header: field}, "carriers": {name: code}, "units": {…},
                  "steam": {"grade": "low|medium|high|superheated"} or {"gj_per_t": n},
                  "enterprise_id", "year", "period", "sheet", "header_row", "encoding"}
  --max-problems  problems listed at most (default 1000; all are counted)

Exit 0: prints the rows that would load (warnings on stderr). Exit 1: one problem per line on
stderr, as file:row:column: reason. Exit 2: bad options.`;

const IMPORT_VALUE_OPTIONS = [
  'activity',
  'enterprises',
  'economics',
  'mapping',
  'encoding',
  'sheet',
  'max-problems',
] as const;

/** "file:row:column: reason" (empty parts stay empty, so every line splits the same way). */
function locatedLine(p: Problem): string {
  const where = p.column ?? (p.field !== undefined ? `field ${p.field}` : '');
  return `${p.file}:${p.row ?? ''}:${where}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.reason}`;
}

/** Where a usage problem is, when it is no one option: the command line as a whole. */
const COMMAND_LINE = 'command line';

/** A bad option or argument: an InputError whose problem names the option (exit 2, with the usage). */
function usage(option: string, reason: string): InputError {
  return new InputError([{ file: option, reason }]);
}

/** True for the InputError of a bad option or argument (see usage()). */
export function isUsageError(e: unknown): e is InputError {
  return (
    e instanceof InputError && e.problems.every((p) => p.file === COMMAND_LINE || p.file.startsWith('--'))
  );
}

/** A usage problem as one line: "--encoding: …", or the reason alone for the command line as a whole. */
export function usageText(e: InputError): string {
  return e.problems.map((p) => (p.file === COMMAND_LINE ? p.reason : formatProblem(p))).join('\n');
}

/** Every value of a repeatable option, in order. */
function allValues(argv: readonly string[], name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}` && argv[i + 1] !== undefined) out.push(argv[++i]);
    else if (argv[i].startsWith(`--${name}=`)) out.push(argv[i].slice(name.length + 3));
  }
  return out;
}

async function bytesOf(io: CliIo, file: string, problems: Problem[]): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readInput(resolve(io.cwd, file)));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    problems.push({
      file,
      reason: `cannot read the file (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? String(e))})`,
    });
    return undefined;
  }
}

let parquet: ((b: Uint8Array) => Uint8Array) | undefined;
async function parquetReader(): Promise<(b: Uint8Array) => Uint8Array> {
  if (!parquet) {
    const { readParquet } = await import('parquet-wasm/node');
    parquet = (b) => readParquet(b).intoIPCStream();
  }
  return parquet;
}

/**
 * One activity file through the importer, rows as the file gives them (the accounting engine's input):
 * what `account` and `simulate --park` read. Throws an InputError with every error found; warnings are
 * returned to be said.
 */
export async function importActivityFile(
  name: string,
  bytes: Uint8Array,
  options: { encoding?: EncodingChoice; mapping?: MappingDoc } = {},
): Promise<{ activity: ActivityColumns; warnings: Problem[]; warningCount: number }> {
  const r = importPark({
    activity: [{ name, bytes }],
    asGiven: true,
    encoding: options.encoding,
    mapping: options.mapping,
    parquetToIpc: /\.(parquet|pq)$/i.test(name) ? await parquetReader() : undefined,
  });
  const errors = r.problems.filter((p) => p.severity !== 'warning');
  if (r.errorCount > 0) {
    const said = errors.reduce((a, p) => a + represented(p), 0);
    if (said < r.errorCount)
      errors.push({ file: name, reason: `${r.errorCount - said} more errors not listed` });
    throw new InputError(errors);
  }
  if (!r.activity || r.activity.activity.length === 0)
    throw new InputError([{ file: name, reason: 'no data rows' }]);
  return {
    activity: r.activity.activity,
    warnings: r.problems.filter((p) => p.severity === 'warning'),
    warningCount: r.warningCount,
  };
}

export interface ImportRun {
  result?: ParkImport;
  /** Problems before the importer ran (unreadable files, a bad mapping). */
  problems: Problem[];
  activityFiles: string[];
}

/** Parses the shared options and runs the importer; throws a usage InputError for bad options. */
export async function runImporter(
  argv: readonly string[],
  io: CliIo,
  extra: { values?: readonly string[]; flags?: readonly string[] } = {},
): Promise<ImportRun & { options: Map<string, string>; flags: Set<string> }> {
  let parsed;
  try {
    parsed = parseArgs(argv, {
      values: [...IMPORT_VALUE_OPTIONS, ...(extra.values ?? [])],
      flags: extra.flags,
    });
  } catch (e) {
    throw usage(COMMAND_LINE, (e as Error).message);
  }
  if (parsed.positionals.length > 0) {
    throw usage(
      COMMAND_LINE,
      `unexpected argument "${parsed.positionals[0].slice(0, 80)}" (options start with --)`,
    );
  }
  const o = parsed.options;
  const activityFiles = allValues(argv, 'activity');
  if (activityFiles.length === 0 && !o.has('enterprises') && !o.has('economics')) {
    throw usage(COMMAND_LINE, 'give at least one of --activity, --enterprises, --economics');
  }
  const encoding = o.get('encoding');
  if (encoding !== undefined && !(ENCODING_CHOICES as readonly string[]).includes(encoding)) {
    throw usage('--encoding', `"${encoding}" is not one of ${ENCODING_CHOICES.join(', ')}`);
  }
  const maxText = o.get('max-problems');
  const max = maxText === undefined ? undefined : Number(maxText);
  if (max !== undefined && !(Number.isInteger(max) && max >= 1 && max <= 1_000_000)) {
    throw usage('--max-problems', `"${maxText}" is not a whole number 1–1000000`);
  }
  const problems: Problem[] = [];
  let mapping: MappingDoc | undefined;
  const mappingFile = o.get('mapping');
  if (mappingFile) {
    const b = await bytesOf(io, mappingFile, problems);
    if (b) {
      const m = parseMapping(new TextDecoder().decode(b), mappingFile);
      for (const item of m.problems) problems.push(item);
      mapping = m.mapping;
    }
  }
  const read = async (f: string | undefined): Promise<InputFile | undefined> => {
    if (f === undefined) return undefined;
    const bytes = await bytesOf(io, f, problems);
    return bytes ? { name: f, bytes } : undefined;
  };
  const activity = (await Promise.all(activityFiles.map(read))).filter((f): f is InputFile => !!f);
  const enterprises = await read(o.get('enterprises'));
  const economics = await read(o.get('economics'));
  const base = { problems, activityFiles, options: o, flags: parsed.flags };
  if (problems.length > 0) return base;
  const needsParquet = [...activity, enterprises, economics].some(
    (f) => f && /\.(parquet|pq)$/i.test(f.name),
  );
  const result = importPark({
    activity,
    enterprises,
    economics,
    mapping,
    encoding: encoding as EncodingChoice | undefined,
    sheet: o.get('sheet'),
    maxProblems: max,
    parquetToIpc: needsParquet ? await parquetReader() : undefined,
  });
  return { ...base, result };
}

/** Writes the problems (errors, then warnings) and the "… and N more" line. */
export function reportProblems(io: CliIo, result: ParkImport | undefined, early: readonly Problem[]): void {
  const list = result ? result.problems : early;
  let said = 0;
  for (const p of list) {
    io.stderr(locatedLine(p) + '\n');
    said += represented(p);
  }
  const total = result ? result.errorCount + result.warningCount : early.length;
  if (total > said) io.stderr(`… and ${total - said} more problems (--max-problems to list more)\n`);
}

async function run(argv: string[], io: CliIo): Promise<number> {
  let r;
  try {
    r = await runImporter(argv, io);
  } catch (e) {
    if (isUsageError(e)) {
      io.stderr(`validate: ${usageText(e)}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  reportProblems(io, r.result, r.problems);
  if (!r.result || r.result.errorCount > 0) {
    if (r.result) {
      io.stderr(
        `validate: ${r.result.errorCount} error(s), ${r.result.warningCount} warning(s); nothing would load until they are fixed ` +
          `(or ${rowsToLoad(r.result)} valid rows with import --skip-invalid)\n`,
      );
    }
    return 1;
  }
  io.stdout(`${summary(r.result)}\n`);
  return 0;
}

/** "13563 rows would load: activity 13563 (2015–2024), enterprises 303 …; 2 warnings". */
export function summary(r: ParkImport, verb = 'would load'): string {
  const parts = r.tables
    .filter((t) => t.name !== 'feedstock' || t.table.length > 0)
    .map(
      (t) =>
        `${t.name} ${t.table.length}${t.name === 'activity' && r.years ? ` (${r.years[0]}–${r.years[1]})` : ''}`,
    );
  const enc = r.files
    .filter((f) => f.encoding && f.encoding !== 'utf-8')
    .map((f) => `${f.file} read as ${f.encoding}`);
  return (
    `${rowsToLoad(r)} rows ${verb}: ${parts.join(', ')}` +
    (r.warningCount ? `; ${r.warningCount} warning(s)` : '') +
    (enc.length ? `; ${enc.join(', ')}` : '')
  );
}

export const command: CliCommand = {
  name: 'validate',
  summary:
    'Check activity, enterprise and economics files (CSV/GBK, XLSX, Parquet, JSON) as the app imports them',
  usage: USAGE,
  run,
};
