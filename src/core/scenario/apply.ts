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
