/**
 * What the scenario commands (`simulate`, `compare`, `goal`) share: reading a preset or a scenario
 * file with located messages, the command-line adjustments (--lever, --growth-shift, --carbon-price,
 * --discount-rate), compiling with a named inconsistency, and the integer options.
 */
import { resolve } from 'node:path';
import { fail, InputError, type Problem } from '../core/errors';
import { applySettings, settingsFromPairs, shiftGrowth } from '../core/scenario/apply';
import type { ParkBaseline } from '../core/scenario/baseline';
import { compileScenario } from '../core/scenario/compile';
import { controlContext } from '../core/scenario/levers';
import type { CompiledModel } from '../core/scenario/model';
import { isPresetId, presetScenario, PRESET_IDS } from '../core/scenario/presets';
import { parseScenario, type Scenario } from '../core/scenario/schema';
import { shown } from './args';
import type { CliCommand, CliIo } from './types';
import { readInput } from './input';

/** Warnings of the compiled scenario printed at most; the rest are counted. */
const MAX_WARNINGS = 20;

/** A problem with the command line (an option missing or out of range). */
export const usage = (reason: string): never => fail({ file: 'command line', reason });

/**
 * The scenario with the --lever settings (the Pathways sliders' keys and ranges, applied the way the
 * sliders apply them) and the --growth-shift applied; every bad value is reported at once.
 */
export function adjustScenario(
  base: Scenario,
  levers: readonly string[],
  growthShift: number | undefined,
  baseline: ParkBaseline,
): Scenario {
  let scenario = base;
  if (levers.length) {
    const ctx = controlContext(baseline);
    const { settings, problems } = settingsFromPairs(base, levers, ctx);
    if (problems.length)
      throw new InputError(
        problems.map((p) => ({ file: 'command line', field: `--lever ${p.text}`, reason: p.reason })),
      );
    scenario = applySettings(base, settings, ctx);
  }
  if (growthShift !== undefined) {
    const x = growthShift;
    try {
      scenario = shiftGrowth(scenario, x);
    } catch (e) {
      usage(`--growth-shift ${x}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return scenario;
}

/** --growth-shift: a fraction per year, checked before any work. */
export function growthShiftOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const x = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(x) || Math.abs(x) > 0.2)
    usage(
      `--growth-shift must be a number between -0.2 and 0.2 (a fraction per year), got "${raw.slice(0, 40)}"`,
    );
  return x;
}

export function integer(name: string, raw: string | undefined, min: number, max: number): number {
  if (raw === undefined) return usage(`--${name} is required`);
  const v = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(v) || v < min || v > max) {
    usage(
      `--${name} must be an integer ${min}–${max}, got "${raw.length > 40 ? raw.slice(0, 40) + '…' : raw}"`,
    );
  }
  return v;
}

/**
 * A JSON document's bytes: UTF-8, with or without a byte-order mark (as CSV files are read). A UTF-16
 * file is named as such rather than failing as "not valid JSON", and invalid UTF-8 gives its byte.
 */
function parseJsonDocument(bytes: Uint8Array, file: string): unknown {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    fail({ file, reason: 'the file is UTF-16 text; save it as UTF-8' });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return fail({ file, reason: `not UTF-8 text (invalid byte at offset ${at}); save it as UTF-8` });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    return fail({ file, reason: `not valid JSON (${(e as Error).message.slice(0, 200)})` });
  }
}

/** Offset of the first byte that breaks UTF-8 (lead bytes and continuations; for a message). */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i];
    const n =
      c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length;
}

/** Levels of objects and lists a scenario file may nest (it has a handful; checked without recursion). */
const MAX_DEPTH = 32;

/** The path of the first value nested deeper than `max` levels, or null. */
function tooDeep(doc: unknown, max: number): string | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: doc, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= max) return path;
    for (const [key, inner] of Object.entries(value)) {
      const at = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      stack.push({ value: inner, path: at, depth: depth + 1 });
    }
  }
  return null;
}

/** "levers.pv.delivery.max: must be ≥ min" → the problem at field levers.pv.delivery.max. */
function scenarioProblem(file: string, error: string): Problem {
  const m = /^([A-Za-z0-9_$.[\]]+): (.*)$/s.exec(error);
  return m
    ? { file, field: m[1], reason: `invalid scenario: ${m[2]}` }
    : { file, reason: `invalid scenario: ${error}` };
}

/**
 * Compiles the scenario; rank correlations that cannot hold together (the matrix is not positive
 * definite) are refused naming the file and a smallest set of entries that is inconsistent by itself
 * (each entry is dropped in turn while the rest stays inconsistent).
 */
export function compileChecked(scenario: Scenario, baseline: ParkBaseline, file: string): CompiledModel {
  const notPositiveDefinite = (e: unknown) => e instanceof Error && /not positive definite/.test(e.message);
  try {
    return compileScenario(scenario, baseline);
  } catch (e) {
    if (!notPositiveDefinite(e)) throw e;
  }
  const entries = scenario.correlations ?? [];
  const inconsistent = (subset: readonly number[]) => {
    try {
      compileScenario({ ...scenario, correlations: subset.map((i) => entries[i]) }, baseline);
      return false;
    } catch (e) {
      if (notPositiveDefinite(e)) return true;
      throw e;
    }
  };
  let kept = entries.map((_, i) => i);
  for (const i of entries.keys()) {
    const without = kept.filter((j) => j !== i);
    if (inconsistent(without)) kept = without;
  }
  const named = kept.map(
    (i) => `correlations[${i}] (${entries[i].inputs.join(', ')}: rho ${entries[i].rho})`,
  );
  return fail({
    file,
    field: 'correlations',
    reason:
      `the rank correlations are inconsistent (not positive definite): ${named.join('; ')} ` +
      'cannot all hold at once (pairs not listed count as 0); weaken or remove one of them',
  });
}

/** A preset or a scenario file, validated. */
export async function loadScenario(
  spec: string,
  io: CliIo,
): Promise<{ scenario: Scenario; fromFile: boolean }> {
  if (isPresetId(spec)) return { scenario: presetScenario(spec), fromFile: false };
  if (!spec.toLowerCase().endsWith('.json'))
    usage(`--scenario must be ${PRESET_IDS.join(', ')} or a .json file, got "${spec}"`);
  let bytes: Buffer;
  try {
    bytes = await readInput(resolve(io.cwd, spec));
  } catch (e) {
    return fail({ file: spec, reason: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? e})` });
  }
  const doc = parseJsonDocument(bytes, spec);
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
    fail({
      file: spec,
      reason: `invalid scenario: the document must be a JSON object {…}, not ${Array.isArray(doc) ? 'an array' : doc === null ? 'null' : `a ${typeof doc}`}`,
    });
  const deep = tooDeep(doc, MAX_DEPTH);
  if (deep !== null)
    fail({
      file: spec,
      field: shown(deep, 80),
      reason: `invalid scenario: nested more than ${MAX_DEPTH} levels deep (a scenario has a handful)`,
    });
  const parsed = parseScenario(doc);
  if (!parsed.ok) {
    throw new InputError(parsed.errors.map((e) => scenarioProblem(spec, e)));
  }
  return { scenario: parsed.scenario, fromFile: true };
}

/** Prints at most MAX_WARNINGS of a model's warnings, and how many more there are. */
export function printWarnings(model: CompiledModel, io: CliIo): void {
  for (const w of model.warnings.slice(0, MAX_WARNINGS)) io.stderr(`warning: ${shown(w, 300)}\n`);
  if (model.warnings.length > MAX_WARNINGS)
    io.stderr(`warning: … and ${model.warnings.length - MAX_WARNINGS} more warnings of the scenario\n`);
}

/** What reading a park folder warned about (a likely unit slip …), one line each, as validate says it. */
export function printParkWarnings(park: { warnings: readonly string[] }, io: CliIo): void {
  for (const w of park.warnings) io.stderr(`warning: ${shown(w, 300)}\n`);
}

/** A number option within [min, max], or undefined when absent. */
export function numberOption(name: string, raw: string | undefined, min: number, max: number, unit: string) {
  if (raw === undefined) return undefined;
  const x = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(x) || x < min || x > max)
    usage(`--${name} must be a number between ${min} and ${max} (${unit}), got "${shown(raw, 40)}"`);
  return x;
}

/** A scenario command: bad input (an InputError, located) prints `name: message` and exits 2. */
export function scenarioCommand(
  name: string,
  summary: string,
  usageText: string,
  run: (argv: string[], io: CliIo) => Promise<number>,
): CliCommand {
  return {
    name,
    summary,
    usage: usageText,
    async run(argv, io) {
      try {
        return await run(argv, io);
      } catch (e) {
        if (e instanceof InputError) {
          io.stderr(`${name}: ${e.message}\n`);
          return 2;
        }
        throw e;
      }
    },
  };
}
