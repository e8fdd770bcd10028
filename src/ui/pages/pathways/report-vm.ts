/**
 * The printed Pathways report's content, everything a reader needs to check and reproduce it: the lever
 * settings beside the preset's, the assumptions (every uncertain input's distribution and where it comes
 * from: the scenario document or the documented defaults of src/core/scenario/defaults.ts), the
 * correlations, the seed, runs and the command line that gives the same summary. Pure; the report
 * component formats and translates.
 */
import {
  DEFAULT_DRIVERS,
  LEVER_DEFAULTS,
  SETTINGS,
  type DistInput,
  type InputId,
  type LeverSettings,
  type Scenario,
  type SettingKey,
  type SettingSpec,
} from '../../../core/scenario/index';
import type { MessageKey } from '../../i18n/messages';

export interface LeverRow {
  key: SettingKey;
  spec: SettingSpec;
  value: number;
  preset: number;
  changed: boolean;
}

/** Every slider with its value and the preset's, in the sliders' order. */
export function leverRows(
  specs: readonly SettingSpec[],
  settings: LeverSettings,
  defaults: LeverSettings,
): LeverRow[] {
  return specs.map((spec) => ({
    key: spec.key,
    spec,
    value: settings[spec.key],
    preset: defaults[spec.key],
    changed: settings[spec.key] !== defaults[spec.key],
  }));
}

/** Where an assumption comes from. */
export type AssumptionSource =
  /** A documented default (its source text, English, as written in defaults.ts). */
  | { kind: 'default'; text: string }
  /** The scenario document itself (a preset or the user's file). */
  | { kind: 'scenario' }
  /** A lever's delivery uncertainty, set in the scenario document. */
  | { kind: 'lever' };

export interface Assumption {
  /** Where it sits in a scenario document, e.g. `drivers.grid_factor.y2030`, `levers.green_power.share`. */
  path: string;
  dist: DistInput;
  source: AssumptionSource;
}

const isDist = (v: unknown): v is DistInput & object =>
  typeof v === 'object' && v !== null && typeof (v as { dist?: unknown }).dist === 'string';

/** Every distribution inside `value`, with its path (a plain number is fixed, not an assumption). */
function distLeaves(value: unknown, path: string, out: [string, DistInput][]): void {
  if (isDist(value)) {
    if (value.dist !== 'fixed') out.push([path, value]);
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  for (const [k, v] of Object.entries(value)) distLeaves(v, `${path}.${k}`, out);
}

/** The path a default driver has in a scenario document (the documents nest growth and intensity under `default`). */
function driverPath(key: keyof typeof DEFAULT_DRIVERS): string {
  return key === 'output_growth' || key === 'intensity_improvement'
    ? `drivers.${key}.default`
    : `drivers.${key}`;
}

/** Lever parameters a scenario may leave out, and the default that then applies. */
const LEVER_PARAM_DEFAULTS: Record<string, keyof typeof LEVER_DEFAULTS> = {
  'electrification.cop': 'electrification_cop',
  'rooftop_pv.delivery': 'pv_delivery',
};

/**
 * The assumptions behind a run: the drivers (the scenario's own where it sets them, else the documented
 * defaults with their sources) and each uncertain lever parameter the compiled model samples
 * (`inputIds`), in document order.
 */
export function assumptions(scenario: Scenario, inputIds: Iterable<InputId>): Assumption[] {
  const own: [string, DistInput][] = [];
  distLeaves(scenario.drivers, 'drivers', own);
  const ownPaths = new Set(own.map(([p]) => p));
  const rows: Assumption[] = [];
  for (const key of Object.keys(DEFAULT_DRIVERS) as (keyof typeof DEFAULT_DRIVERS)[]) {
    const defaults: [string, DistInput][] = [];
    distLeaves(DEFAULT_DRIVERS[key].value, driverPath(key), defaults);
    for (const [path, dist] of defaults)
      if (!ownPaths.has(path))
        rows.push({ path, dist, source: { kind: 'default', text: DEFAULT_DRIVERS[key].source } });
    for (const [path, dist] of own)
      if (path === `drivers.${key}` || path.startsWith(`drivers.${key}.`))
        rows.push({ path, dist, source: { kind: 'scenario' } });
  }
  const seen = new Set<string>();
  const levers = scenario.levers as Record<string, Record<string, unknown> | undefined>;
  for (const id of inputIds) {
    if (id.kind !== 'lever') continue;
    const at = `${id.lever}.${id.param}`;
    if (seen.has(at)) continue;
    seen.add(at);
    const written = levers[id.lever]?.[id.param];
    const fallback = LEVER_PARAM_DEFAULTS[at];
    if (isDist(written)) rows.push({ path: `levers.${at}`, dist: written, source: { kind: 'lever' } });
    else if (fallback && isDist(LEVER_DEFAULTS[fallback].value))
      rows.push({
        path: `levers.${at}`,
        dist: LEVER_DEFAULTS[fallback].value as DistInput,
        source: { kind: 'default', text: LEVER_DEFAULTS[fallback].source },
      });
  }
  return rows;
}

/** A distribution in words: its message and parameters (numbers formatted by the caller). */
export function distText(d: DistInput): { key: MessageKey; params: Record<string, number> } {
  if (typeof d === 'number') return { key: 'pex.dist.fixed', params: { value: d } };
  switch (d.dist) {
    case 'fixed':
      return { key: 'pex.dist.fixed', params: { value: d.value } };
    case 'uniform':
      return { key: 'pex.dist.uniform', params: { min: d.min, max: d.max } };
    case 'triangular':
      return { key: 'pex.dist.triangular', params: { min: d.min, mode: d.mode, max: d.max } };
    case 'normal':
      return {
        key: 'pex.dist.normal',
        params: {
          mean: d.mean,
          sd: d.sd,
          ...(d.min !== undefined ? { min: d.min } : {}),
          ...(d.max !== undefined ? { max: d.max } : {}),
        },
      };
    case 'lognormal':
      return d.median !== undefined && d.p95 !== undefined
        ? { key: 'pex.dist.lognormalMedian', params: { median: d.median, p95: d.p95 } }
        : { key: 'pex.dist.lognormalMean', params: { mean: d.mean ?? NaN, sd: d.sd ?? NaN } };
  }
}

/**
 * The command line that gives the same summary (`simulate` with the preset, the park, the seed, the runs
 * and every setting that differs from the preset's as `--lever KEY=VALUE`); null when the Scope-2 method
 * differs from the preset's, which only a scenario file can say.
 */
export function cliCommand(run: {
  preset: string;
  presetScope2: string;
  scope2: string;
  park: string;
  seed: number;
  runs: number;
  settings: LeverSettings;
  defaults: LeverSettings;
}): string | null {
  if (run.scope2 !== run.presetScope2) return null;
  const levers = SETTINGS.filter((s) => run.settings[s.key] !== run.defaults[s.key]).map(
    (s) => ` --lever ${s.key}=${run.settings[s.key]}`,
  );
  return (
    `npm run cli -- simulate --scenario ${run.preset} --park ${run.park} --runs ${run.runs} --seed ${run.seed}` +
    levers.join('') +
    ' --summary summary.json --out runs.parquet'
  );
}
