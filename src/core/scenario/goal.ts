/**
 * Goal seek (docs/model.md §11): the smallest setting of one lever at which a target is met with a
 * chosen probability. Bisection over the slider's steps, every step on the same runs (same seed: common
 * random numbers), so the estimated P(met) moves only with the setting. It assumes P(met) does not
 * fall as the setting rises — true of the amount settings (shares, MW, the grid speed) in this model,
 * not of start years, which goal seek therefore does not move.
 */
import { applySettings } from './apply';
import { settingSpecs, settingsFromScenario, type ControlContext, type SettingKey } from './levers';
import type { Scenario } from './schema';

export interface GoalStep {
  value: number;
  p_met: number;
  p_met_se: number;
}

export interface GoalResult {
  lever: SettingKey;
  /** The smallest setting found meeting the probability; the range's end when unreachable. */
  value: number;
  p_met: number;
  p_met_se: number;
  reachable: boolean;
  /** Every setting tried, in order. */
  steps: GoalStep[];
}

export interface GoalOptions {
  lever: SettingKey;
  /** Required P(target met), in (0, 1]. */
  probability: number;
  ctx: ControlContext;
  /** P(met) and its standard error for a scenario (the caller simulates it on fixed runs and seed). */
  evaluate(scenario: Scenario): Promise<{ p: number; se: number }>;
  onStep?(step: GoalStep): void;
  signal?: AbortSignal;
}

/** Checks that a lever key can be goal-sought; returns its slider spec. */
export function goalSpec(lever: string, ctx: ControlContext) {
  const spec = settingSpecs(ctx).find((s) => s.key === lever);
  if (!spec) throw new Error(`unknown lever "${lever}"`);
  if (spec.format === 'year')
    throw new Error(`"${lever}" is a year; goal seek moves amounts (shares, capacities, the grid speed)`);
  if (!(spec.max > spec.min)) throw new Error(`"${lever}" cannot be moved on this park (its range is empty)`);
  return spec;
}

/** The scenario with one setting changed, applied exactly as the slider would. */
export function withSetting(base: Scenario, key: SettingKey, value: number, ctx: ControlContext): Scenario {
  return applySettings(base, { ...settingsFromScenario(base, ctx), [key]: value }, ctx);
}

export async function goalSeek(base: Scenario, o: GoalOptions): Promise<GoalResult> {
  if (!(o.probability > 0 && o.probability <= 1)) throw new Error('the probability must be in (0, 1]');
  const spec = goalSpec(o.lever, o.ctx);
  const steps: GoalStep[] = [];
  const count = Math.round((spec.max - spec.min) / spec.step);
  const valueAt = (i: number) => Number((spec.min + i * spec.step).toFixed(9));
  const cache = new Map<number, GoalStep>();
  const at = async (i: number): Promise<GoalStep> => {
    const hit = cache.get(i);
    if (hit) return hit;
    if (o.signal?.aborted) throw o.signal.reason ?? new Error('cancelled');
    const value = valueAt(i);
    const { p, se } = await o.evaluate(withSetting(base, o.lever, value, o.ctx));
    const step = { value, p_met: p, p_met_se: se };
    cache.set(i, step);
    steps.push(step);
    o.onStep?.(step);
    return step;
  };
  const result = (s: GoalStep, reachable: boolean): GoalResult => ({
    lever: o.lever,
    value: s.value,
    p_met: s.p_met,
    p_met_se: s.p_met_se,
    reachable,
    steps,
  });
  const top = await at(count);
  if (top.p_met < o.probability) return result(top, false);
  const bottom = await at(0);
  if (bottom.p_met >= o.probability) return result(bottom, true);
  // Invariant: step lo misses, step hi meets.
  let lo = 0;
  let hi = count;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((await at(mid)).p_met >= o.probability) hi = mid;
    else lo = mid;
  }
  return result(await at(hi), true);
}
