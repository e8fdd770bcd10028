/**
 * Settings applied to a scenario, the one path the Pathways sliders, share links and the CLI's
 * `--lever KEY=VALUE` all take: the lever registry (levers.ts) writes each moved group onto the
 * scenario, then the result is validated like any scenario document.
 */
import {
  applySettingsUnchecked,
  isSettingKey,
  settingSpecs,
  settingsFromScenario,
  type ControlContext,
  type LeverSettings,
  type SettingKey,
} from './levers';
import { DEFAULT_DRIVERS } from './defaults';
import type { DistInput } from './distribution';
import { parseScenario, type Scenario } from './schema';

/** The scenario with the settings applied, validated (throws listing every bad field). */
export function applySettings(base: Scenario, settings: LeverSettings, ctx: ControlContext): Scenario {
  const parsed = parseScenario(applySettingsUnchecked(base, settings, ctx));
  if (!parsed.ok)
    throw new Error(`The lever settings make an invalid scenario:\n${parsed.errors.join('\n')}`);
  return parsed.scenario;
}

export interface SettingProblem {
  /** The text as given, e.g. `ccus=2`. */
  text: string;
  reason: string;
}

/**
 * Reads `KEY=VALUE` pairs (the CLI's `--lever`) into settings over the scenario's own: an unknown key
 * or a value outside the slider's range is a problem naming it; nothing is clamped silently.
 */
export function settingsFromPairs(
  base: Scenario,
  pairs: readonly string[],
  ctx: ControlContext,
): { settings: LeverSettings; problems: SettingProblem[] } {
  const settings = settingsFromScenario(base, ctx);
  const specs = new Map(settingSpecs(ctx).map((s) => [s.key, s]));
  const problems: SettingProblem[] = [];
  const seen = new Set<SettingKey>();
  for (const text of pairs) {
    const eq = text.indexOf('=');
    const key = eq < 0 ? text : text.slice(0, eq);
    const raw = eq < 0 ? '' : text.slice(eq + 1).trim();
    if (!isSettingKey(key)) {
      problems.push({ text, reason: `unknown lever "${key}"; known: ${[...specs.keys()].join(', ')}` });
      continue;
    }
    if (seen.has(key)) {
      problems.push({ text, reason: `lever "${key}" given twice` });
      continue;
    }
    seen.add(key);
    const value = raw === '' ? NaN : Number(raw);
    const spec = specs.get(key)!;
    if (!Number.isFinite(value)) {
      problems.push({ text, reason: `"${raw}" is not a number` });
      continue;
    }
    if (value < spec.min || value > spec.max) {
      problems.push({ text, reason: `${value} is outside the range ${spec.min}–${spec.max} of "${key}"` });
      continue;
    }
    if (spec.format === 'year' && !Number.isInteger(value)) {
      problems.push({ text, reason: `"${key}" is a year: a whole number` });
      continue;
    }
    settings[key] = value;
  }
  return { settings, problems };
}

/** A distribution moved by `x` (every parameter of its location and its bounds). */
function shifted(d: DistInput, x: number, path: string): DistInput {
  const t = (v: number) => Number((v + x).toFixed(12));
  if (typeof d === 'number') return t(d);
  switch (d.dist) {
    case 'fixed':
      return { dist: 'fixed', value: t(d.value) };
    case 'uniform':
      return { dist: 'uniform', min: t(d.min), max: t(d.max) };
    case 'triangular':
      return { dist: 'triangular', min: t(d.min), mode: t(d.mode), max: t(d.max) };
    case 'normal':
      return {
        dist: 'normal',
        mean: t(d.mean),
        sd: d.sd,
        ...(d.min === undefined ? {} : { min: t(d.min) }),
        ...(d.max === undefined ? {} : { max: t(d.max) }),
      };
    case 'lognormal':
      throw new Error(`${path}: a lognormal growth rate cannot be shifted (its support starts at 0)`);
  }
}

/**
 * The scenario with `x` (a fraction per year: 0.01 = one percentage point) added to every sector's
 * output growth in every period — and so in every year, the yearly rate being a weighted mean of the
 * periods' rates with weights summing to one (docs/model.md §2). Omitted growth takes the defaults
 * first. The result is validated (a shift that pushes a rate out of its allowed range is an error).
 */
export function shiftGrowth(base: Scenario, x: number): Scenario {
  if (!Number.isFinite(x)) throw new Error(`growth shift must be a finite number, got ${x}`);
  const s = structuredClone(base);
  const g = s.drivers.output_growth ?? {};
  const phases = ['to2030', 'to2040', 'to2060'] as const;
  const def = g.default ?? DEFAULT_DRIVERS.output_growth.value;
  const sectors = Object.fromEntries(
    Object.entries(g.sectors ?? {}).map(([code, p]) => [
      code,
      Object.fromEntries(
        phases.flatMap((ph) =>
          p[ph] === undefined
            ? []
            : [[ph, shifted(p[ph]!, x, `drivers.output_growth.sectors.${code}.${ph}`)]],
        ),
      ),
    ]),
  );
  s.drivers.output_growth = {
    default: Object.fromEntries(
      phases.map((ph) => [ph, shifted(def[ph], x, `drivers.output_growth.default.${ph}`)]),
    ) as Required<NonNullable<Scenario['drivers']['output_growth']>>['default'],
    ...(g.sectors ? { sectors } : {}),
  };
  const parsed = parseScenario(s);
  if (!parsed.ok) throw new Error(`The growth shift makes an invalid scenario:\n${parsed.errors.join('\n')}`);
  return parsed.scenario;
}
