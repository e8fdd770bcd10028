/**
 * Goal seek view model: which targets and sliders can be sought, and the search itself — goalSeek
 * (src/core/scenario/goal.ts) with each step simulated by the pool on the same runs and seed and its
 * P(target met) read by targetProbability, as `npm run cli -- goal` does.
 */
import { goalSeek, type GoalResult, type GoalStep } from '../../../core/scenario/goal';
import {
  compileScenario,
  type ControlContext,
  type ParkBaseline,
  type Scenario,
  type SettingKey,
  type SettingSpec,
  type SimulationSummary,
} from '../../../core/scenario/index';
import { targetProbability, type TargetSummary } from '../../../core/scenario/summary-decisions';
import type { CompareRunner } from './compare-vm';

/** Runs per step (the CLI's default): enough for a standard error of about 1 point at P = 0.9. */
export const GOAL_RUNS = 2000;
export const DEFAULT_PROBABILITY = 0.9;

/** Targets of a result that can be tested on the park (those with a P(met)). */
export function goalTargets(summary: SimulationSummary | null): TargetSummary[] {
  return (summary?.targets ?? []).filter((t) => t.p_met !== null);
}

/** Sliders goal seek can move: amounts (not years) with a range on this park. */
export function goalLevers(specs: readonly SettingSpec[]): SettingSpec[] {
  return specs.filter((s) => s.format !== 'year' && s.max > s.min);
}

/** A target that cannot be tested on the park at some setting. */
export class UntestableTargetError extends Error {
  override name = 'UntestableTargetError';
  constructor(readonly target: string) {
    super(`target "${target}" cannot be tested on this park`);
  }
}

interface SeekOptions {
  lever: SettingKey;
  target: string;
  probability: number;
  ctx: ControlContext;
  baseline: ParkBaseline;
  seed: number;
  runs: number;
  runner: CompareRunner;
  signal?: AbortSignal;
  onStep?: (step: GoalStep) => void;
}

/** The smallest setting of one lever meeting the target with the probability, or the range's end. */
export function seekGoal(base: Scenario, o: SeekOptions): Promise<GoalResult> {
  return goalSeek(base, {
    lever: o.lever,
    probability: o.probability,
    ctx: o.ctx,
    signal: o.signal,
    onStep: o.onStep,
    evaluate: async (scenario) => {
      const model = compileScenario(scenario, o.baseline);
      const { block } = await o.runner.run(model, {
        seed: o.seed,
        runs: o.runs,
        summarize: false,
        signal: o.signal,
      });
      const p = targetProbability(model, block, o.target);
      if (!p) throw new UntestableTargetError(o.target);
      return p;
    },
  });
}
