/**
 * The scenario document (schema_version 1), validated with valibot. Every invalid field is reported
 * with its path, e.g. `drivers.grid_factor.y2030.max: must be ≥ min`. docs/model.md describes the
 * meaning of each field; src/core/scenario/defaults.ts holds the defaults of omitted drivers.
 */
import * as v from 'valibot';
import { distSchema } from './distribution';
import { CostsSchema } from './costs';
import { LEVERS } from './levers';
import { TargetsSchema } from './targets';
import { code, num, plainObject, year } from './schema-parts';

// Growth must keep output positive and finite: within [−50 %, +50 %] a year (a lognormal up to its
// 1 − 10⁻⁹ quantile).
const growth = distSchema(-0.5, 0.5);
const phases = plainObject({ to2030: growth, to2040: growth, to2060: growth });
const partialPhases = plainObject({
  to2030: v.optional(growth),
  to2040: v.optional(growth),
  to2060: v.optional(growth),
});
const intensity = distSchema(-0.5, 0.5);
const gridDist = distSchema(-0.5, 2);

const driversSchema = plainObject({
  output_growth: v.optional(
    plainObject({
      default: v.optional(phases),
      sectors: v.optional(v.record(code, partialPhases)),
      /** Rank correlation of a sector's growth between consecutive periods (defaults.ts). */
      persistence: v.optional(v.pipe(num, v.minValue(0), v.maxValue(0.95))),
    }),
  ),
  intensity_improvement: v.optional(
    plainObject({ default: v.optional(intensity), sectors: v.optional(v.record(code, intensity)) }),
  ),
  electricity_drift: v.optional(distSchema(-0.2, 0.2)),
  grid_factor: v.optional(
    plainObject({
      base: v.optional(v.pipe(num, v.minValue(0), v.maxValue(2))),
      y2030: v.optional(gridDist),
      y2045: v.optional(gridDist),
      y2060: v.optional(gridDist),
    }),
  ),
  pv_yield: v.optional(distSchema(0, 3000)),
  inventory: v.optional(
    plainObject({ activity: v.optional(distSchema(0.5, 1.5)), factors: v.optional(distSchema(0.5, 1.5)) }),
  ),
  chp_efficiency: v.optional(
    plainObject({ gain: v.optional(distSchema(-0.02, 0.05)), max: v.optional(distSchema(0.3, 1)) }),
  ),
  sink_uptake: v.optional(
    plainObject({
      green_space: v.optional(distSchema(-20, 50)),
      wetland: v.optional(distSchema(-20, 50)),
    }),
  ),
});

/** Scope-2 methods of the accounting engine (docs/accounting.md §3). */
export const SCOPE2_METHODS = ['market', 'location'] as const;
export type Scope2Method = (typeof SCOPE2_METHODS)[number];
/**
 * The pathways' default: market based, so purchased green power counts at 0 and other purchases at
 * the residual-mix factor (docs/model.md §1). Location based gives green power the grid factor, and
 * the green-power lever then has no effect.
 */
export const DEFAULT_SCOPE2: Scope2Method = 'market';

/** The Scope-2 method a scenario's baseline must be built with (its `accounting.scope2`, else the default). */
export function scope2Of(s: { accounting?: { scope2?: Scope2Method } }): Scope2Method {
  return s.accounting?.scope2 ?? DEFAULT_SCOPE2;
}

/** `levers`: one optional field per lever of the registry (levers.ts), under its document key. */
type LeverEntries = {
  [L in (typeof LEVERS)[number] as L['doc']]: v.OptionalSchema<L['schema'], undefined>;
};
const leversSchema = plainObject(
  Object.fromEntries(LEVERS.map((l) => [l.doc, v.optional(l.schema)])) as LeverEntries,
);

const correlationSchema = plainObject({
  inputs: v.pipe(
    v.array(v.pipe(v.string(), v.regex(/^[a-z0-9_.*]+$/, 'must be an input name or a pattern with *'))),
    v.minLength(1),
  ),
  rho: v.pipe(num, v.minValue(-1), v.maxValue(1)),
});

const ScenarioSchema = plainObject({
  schema_version: v.literal(1),
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be a lower-case slug')),
  name_zh: v.pipe(v.string(), v.nonEmpty()),
  name_en: v.pipe(v.string(), v.nonEmpty()),
  dataset: v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be a dataset id')),
  description: v.optional(v.string()),
  horizon: v.pipe(
    plainObject({ start: year, end: year }),
    v.forward(
      v.check((h) => h.end > h.start && h.end >= 2030, 'must be after start and ≥ 2030'),
      ['end'],
    ),
  ),
  /** How the baseline is accounted; omitted: Scope 2 market based (DEFAULT_SCOPE2). */
  accounting: v.optional(plainObject({ scope2: v.optional(v.picklist(SCOPE2_METHODS)) })),
  drivers: driversSchema,
  levers: leversSchema,
  correlations: v.optional(v.array(correlationSchema)),
  /** Targets tested per run (targets.ts, docs/model.md §9); omitted: the whole library. */
  targets: v.optional(TargetsSchema),
  /** Cost settings and inputs (costs.ts, docs/model.md §10); omitted: the sourced defaults. */
  costs: v.optional(CostsSchema),
});

export type Scenario = v.InferOutput<typeof ScenarioSchema>;
/** A scenario document before validation (what presets and files are written as). */
export type ScenarioInput = v.InferInput<typeof ScenarioSchema>;

type Issue = v.BaseIssue<unknown>;
type PathKey = string | number;
interface Leaf {
  path: PathKey[];
  message: string;
}

function keysOf(issue: Issue): PathKey[] {
  return (issue.path ?? []).map((item) => item.key as PathKey);
}

/**
 * The deepest issues. A failed union carries one sub-issue list per option, with paths relative to the
 * union; the option that got furthest into the input names the bad field.
 */
function leaves(issue: Issue, prefix: PathKey[] = []): Leaf[] {
  const path = [...prefix, ...keysOf(issue)];
  if (!issue.issues?.length) return [{ path, message: issue.message }];
  const all = issue.issues.flatMap((sub) => leaves(sub, path));
  const depth = Math.max(...all.map((l) => l.path.length));
  if (depth <= path.length) return [{ path, message: issue.message }];
  return all.filter((l) => l.path.length === depth);
}

function pathText(path: PathKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  return out || '(document)';
}

/** Rewords valibot's key messages for people editing a JSON file. */
function plainMessage(message: string): string {
  if (message.startsWith('Invalid key: Expected never')) return 'is not a known field';
  if (message.startsWith('Invalid key:') && message.endsWith('received undefined')) return 'is required';
  return message;
}

/** Formats valibot issues as `path: message` lines (deduplicated, in document order). */
export function formatIssues(issues: readonly Issue[]): string[] {
  const lines = issues
    .flatMap((i) => leaves(i))
    .map((l) => `${pathText(l.path)}: ${plainMessage(l.message)}`);
  return [...new Set(lines)];
}

export type ParseResult =
  { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; errors: string[] };

/**
 * Validates a scenario document. With `dataset`, a document built for another dataset is accepted with
 * a warning (presets are dataset-agnostic; the field records what they were built for).
 */
/** Keys that would reach an object's prototype; valibot skips them silently, so they are refused here. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Deepest nesting a scenario document may have (the schema itself is at most six levels deep). */
const MAX_DEPTH = 32;

/**
 * The first problem of a JSON value's shape that the schema cannot see: a forbidden key at any depth,
 * or nesting deeper than MAX_DEPTH (walked without recursion, so a hostile document cannot overflow
 * the stack). Returns `path: reason`, or null.
 */
function shapeProblem(value: unknown): string | null {
  const stack: [unknown, string, number][] = [[value, '', 0]];
  while (stack.length > 0) {
    const [v, path, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= MAX_DEPTH) return `${path}: nested more than ${MAX_DEPTH} levels deep`;
    for (const key of Object.keys(v)) {
      const at = Array.isArray(v) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!Array.isArray(v) && FORBIDDEN_KEYS.has(key))
        return `${at}: this key is not allowed (it names an object's prototype)`;
      stack.push([(v as Record<string, unknown>)[key], at, depth + 1]);
    }
  }
  return null;
}

export function parseScenario(input: unknown, options: { dataset?: string } = {}): ParseResult {
  const shape = shapeProblem(input);
  if (shape) return { ok: false, errors: [shape] };
  const result = v.safeParse(ScenarioSchema, input);
  if (!result.success) return { ok: false, errors: formatIssues(result.issues) };
  const warnings: string[] = [];
  const scenario = result.output;
  const errors: string[] = [];
  for (const [name, lever] of Object.entries(scenario.levers)) {
    const l = lever as { start_year?: number; target_year?: number };
    if (l.start_year !== undefined && l.target_year !== undefined && l.target_year < l.start_year) {
      errors.push(`levers.${name}.target_year: must be ≥ start_year`);
    }
  }
  if (errors.length) return { ok: false, errors };
  if (options.dataset !== undefined && options.dataset !== scenario.dataset) {
    warnings.push(
      `Scenario "${scenario.id}" was built for dataset "${scenario.dataset}"; applying it to "${options.dataset}".`,
    );
  }
  return { ok: true, scenario, warnings };
}

/** Like parseScenario, but throws an Error listing every bad field. */
export function assertScenario(input: unknown, options: { dataset?: string } = {}): Scenario {
  const r = parseScenario(input, options);
  if (!r.ok) throw new Error(`Invalid scenario:\n${r.errors.join('\n')}`);
  return r.scenario;
}
