/**
 * `npm run cli -- footprint`: the cradle-to-gate carbon footprint of a bill of materials with its
 * Monte Carlo range, by the same core as the app's product page (src/core/footprint). BOM and factor
 * files go through the importer (CSV in any encoding, XLSX). Bad input exits non-zero naming file,
 * row and column.
 */
import { basename, resolve } from 'node:path';
import { parseNumber } from '../../core/accounting/index';
import { fail, InputError, type Problem } from '../../core/errors';
import {
  BOUNDARIES,
  FootprintFactors,
  footprintResult,
  gridTable,
  prepareProduct,
  readBom,
  readFactorTable,
  sampleFootprint,
  summarizeFootprint,
  type Boundary,
  type Product,
  type RowTable,
} from '../../core/footprint/index';
import { readFile as readTable } from '../../core/import/readers';
import { parseArgs, shown } from '../args';
import { checkFinite, checkOutputPath, writeAtomic } from '../output';
import type { CliCommand, CliIo } from '../types';
import { readInput } from '../input';

const USAGE = `Usage: npm run cli -- footprint --bom <bom.csv|bom.xlsx> [--factors <factors.csv>] [--runs N] [--seed S]
       [--boundary cradle_to_gate|cradle_to_gate_eol] --out <result.json>

Product carbon footprint per functional unit (GB/T 24067-2024 / ISO 14067:2018), cradle-to-gate by
default, with a Monte Carlo range from each factor's and line's pedigree uncertainty.

  --bom       columns input,quantity,unit (quantities per functional unit) and optionally pedigree
              (five digits 1–5: reliability, completeness, temporal, geographical, technological,
              e.g. 12321), stage (materials|energy|transport|packaging|end_of_life), origin, id.
              input is a factor id of the library or of --factors; units are the accounting
              engine's plus g, tkm (t·km) and piece; converted to the factor's unit.
  --factors   columns input,unit,kgco2e_per_unit[,gsd]: the factor is the lognormal's median, gsd its
              geometric standard deviation exp(σ) (95 % range = median ÷/× gsd^1.96); without gsd,
              pedigree 44444 applies. Replaces library factors of the same id.
  --runs      Monte Carlo runs (default 10000)
  --seed      random seed (default 1): the same seed gives the same result
  --boundary  cradle_to_gate (default) or cradle_to_gate_eol (counts end_of_life lines)
  --out       result JSON: {standard, boundary, total_kgco2e (deterministic), p2_5, p50, p97_5,
              contributions: [{input, kgco2e, share, …}]}
Docs: docs/footprint.md`;

async function table(io: CliIo, file: string): Promise<RowTable> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readInput(resolve(io.cwd, file)));
  } catch (e) {
    fail({ file, reason: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
  }
  const read = readTable(basename(file), bytes);
  if (read.problems.some((p) => p.severity !== 'warning')) throw new InputError(read.problems);
  const grid = read.grids.find((g) => g.rows.length > 0);
  if (!grid) fail({ file, reason: 'no rows' });
  return gridTable(grid);
}

function check(problems: Problem[]): void {
  if (problems.length > 0) throw new InputError(problems);
}

function integer(
  args: Map<string, string>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const v = args.get(name);
  if (v === undefined) return fallback;
  const n = parseNumber(v);
  if (n === undefined || !Number.isSafeInteger(n) || n < min)
    fail({ file: `--${name}`, reason: `"${shown(v, 40)}" is not an integer ≥ ${min}` });
  if (n > max) fail({ file: `--${name}`, reason: `${v} is more than ${max}` });
  return n;
}

/** Most runs (as simulate); and most sampled values, runs × BOM lines (8 bytes each: 400 MB). */
const MAX_RUNS = 1_000_000;
const MAX_VALUES = 50_000_000;

async function run(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(argv, { values: ['bom', 'factors', 'runs', 'seed', 'boundary', 'out'] });
  } catch (e) {
    io.stderr(`footprint: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const args = parsed.options;
  const bomFile = args.get('bom');
  const out = args.get('out');
  if (!bomFile || !out || parsed.positionals.length > 0) {
    io.stderr(`footprint: --bom and --out are required\n${USAGE}\n`);
    return 2;
  }
  if (!out.toLowerCase().endsWith('.json')) {
    io.stderr(`footprint: --out must end in .json, not "${out}"\n`);
    return 2;
  }
  // The output is checked before any work, so a bad path fails at once.
  const path = checkOutputPath(io.cwd, out, '--out');
  try {
    const runs = integer(args, 'runs', 10_000, 1, MAX_RUNS);
    const seed = integer(args, 'seed', 1, 0, 0xffffffff);
    const boundary = (args.get('boundary') ?? 'cradle_to_gate') as Boundary;
    if (!BOUNDARIES.includes(boundary))
      fail({ file: '--boundary', reason: `"${boundary}" is not one of ${BOUNDARIES.join(', ')}` });
    const library = FootprintFactors.standard();
    const factorsFile = args.get('factors');
    const user = factorsFile ? readFactorTable(await table(io, factorsFile), factorsFile) : undefined;
    if (user) check(user.problems);
    const bom = readBom(await table(io, bomFile), bomFile);
    const product: Product = {
      id: basename(bomFile),
      name_zh: basename(bomFile),
      name_en: basename(bomFile),
      functional_unit_zh: '',
      functional_unit_en: 'one functional unit, as the BOM quantities are given',
      boundary,
      lines: bom.lines,
      factors: user?.factors,
    };
    let prepared;
    try {
      prepared = prepareProduct(product, library, { file: bomFile, rows: bom.rows });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      check([...bom.problems, ...e.problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));
      throw e;
    }
    check(bom.problems);
    const lines = prepared.lines.filter((l) => l.included).length;
    if (runs * lines > MAX_VALUES)
      fail({
        file: '--runs',
        reason:
          `${runs} runs of ${lines} BOM lines would sample ${runs * lines} values (at most ${MAX_VALUES}); ` +
          `use at most ${Math.floor(MAX_VALUES / lines)} runs for this BOM`,
      });
    const summary = summarizeFootprint(prepared, sampleFootprint(prepared, runs, seed), seed);
    const result = footprintResult(prepared, summary, {
      product: product.name_en,
      functional_unit: product.functional_unit_en,
    });
    checkFinite(result, out);
    await writeAtomic(path, JSON.stringify(result, null, 2) + '\n');
    const f = (x: number) => x.toPrecision(4);
    io.stdout(
      `${bom.lines.length} lines, ${runs} runs: ${f(result.total_kgco2e)} kg CO2e per functional unit ` +
        `(95 % range ${f(result.p2_5)}–${f(result.p97_5)}, median ${f(result.p50)}); wrote ${out}\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr(`footprint: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

export const command: CliCommand = {
  name: 'footprint',
  summary: 'Product carbon footprint of a BOM with its Monte Carlo range (GB/T 24067 / ISO 14067)',
  usage: USAGE,
  run,
};
