import { describe, expect, it } from 'vitest';
import { compileScenario, simulateBlock, type CompiledModel } from '../../../../../src/core/scenario/kernel';
import { controlContext, settingSpecs } from '../../../../../src/core/scenario/levers';
import { withSetting } from '../../../../../src/core/scenario/goal';
import { presetScenario } from '../../../../../src/core/scenario/presets';
import { targetProbability } from '../../../../../src/core/scenario/summary-decisions';
import type { RunOptions, SimulationResult } from '../../../../../workers/simulation-api';
import type { RunBlock } from '../../../../../src/core/scenario/kernel';
import { goalLevers, goalTargets, seekGoal } from '../../../../../src/ui/pages/pathways/goal-vm';
import { handBaseline } from '../../../core/scenario/fixtures';
import { handSummary } from './fixtures';

function inlineRunner() {
  const calls: RunOptions[] = [];
  return {
    calls,
    async run(model: CompiledModel, o: RunOptions): Promise<SimulationResult<RunBlock>> {
      if (o.signal?.aborted) throw new Error('cancelled');
      calls.push(o);
      const block = simulateBlock(model, o.seed, 0, o.runs);
      const timings = { simulateMs: 0, summarizeMs: 0, totalMs: 0 };
      return {
        phase: 'full',
        seed: o.seed,
        runs: o.runs,
        workers: 1,
        block,
        kept: null,
        summary: null,
        timings,
      };
    },
  };
}

describe('goal seek view model', () => {
  const baseline = handBaseline();
  const ctx = controlContext(baseline);
  const base = presetScenario('policy');

  it('offers amount sliders with a range, never years, and only targets with a P(met)', () => {
    const levers = goalLevers(settingSpecs(ctx));
    expect(levers.length).toBeGreaterThan(3);
    expect(levers.every((s) => s.format !== 'year' && s.max > s.min)).toBe(true);
    expect(levers.map((s) => s.key)).not.toContain('ccusYear');
    const s = handSummary();
    s.targets = [
      {
        id: 'a',
        metric: 'peak',
        base_year: null,
        target_year: 2030,
        reduction: null,
        max: null,
        p_met: 0.4,
        p_met_se: 0.01,
        gap_p50: 1,
        source: '',
        placeholder: false,
      },
      {
        id: 'b',
        metric: 'co2_intensity',
        base_year: 2020,
        target_year: 2025,
        reduction: 0.18,
        max: null,
        p_met: null,
        p_met_se: null,
        gap_p50: null,
        source: '',
        placeholder: false,
      },
    ];
    expect(goalTargets(s).map((t) => t.id)).toEqual(['a']);
    expect(goalTargets(null)).toEqual([]);
  });

  it('simulates every step on the same seed and runs, and reports P(met) as a direct count does', async () => {
    const runner = inlineRunner();
    const steps: number[] = [];
    const r = await seekGoal(base, {
      lever: 'greenPower',
      target: 'peak_2030',
      probability: 0.9,
      ctx,
      baseline,
      seed: 9,
      runs: 150,
      runner,
      onStep: (s) => steps.push(s.value),
    });
    expect(runner.calls.length).toBe(r.steps.length);
    expect(runner.calls.every((c) => c.seed === 9 && c.runs === 150 && c.summarize === false)).toBe(true);
    expect(steps).toEqual(r.steps.map((s) => s.value));
    // The answer's P(met) is that of the scenario with the setting applied, simulated alike.
    const m = compileScenario(withSetting(base, 'greenPower', r.value, ctx), baseline);
    const direct = targetProbability(m, simulateBlock(m, 9, 0, 150), 'peak_2030')!;
    expect(r.p_met).toBe(direct.p);
    expect(r.p_met_se).toBe(direct.se);
    if (r.reachable) expect(r.p_met).toBeGreaterThanOrEqual(0.9);
    else expect(r.value).toBe(settingSpecs(ctx).find((s) => s.key === 'greenPower')!.max);
  });

  it('an unreachable cap: reachable false, P at the range end', async () => {
    const zero = {
      ...base,
      targets: { caps: [{ id: 'zero', metric: 'emissions_cap' as const, year: 2030, max: 0 }] },
    };
    const r = await seekGoal(zero, {
      lever: 'pv2030',
      target: 'zero',
      probability: 0.5,
      ctx,
      baseline,
      seed: 2,
      runs: 100,
      runner: inlineRunner(),
    });
    expect(r).toMatchObject({ reachable: false, p_met: 0 });
    expect(r.value).toBe(settingSpecs(ctx).find((s) => s.key === 'pv2030')!.max);
  });

  it('refuses an unknown target, and stops when cancelled', async () => {
    const o = { lever: 'greenPower' as const, probability: 0.9, ctx, baseline, seed: 1, runs: 50 };
    await expect(seekGoal(base, { ...o, target: 'nope', runner: inlineRunner() })).rejects.toThrow(
      /unknown target/,
    );
    const abort = new AbortController();
    abort.abort(new Error('stop'));
    await expect(
      seekGoal(base, { ...o, target: 'peak_2030', runner: inlineRunner(), signal: abort.signal }),
    ).rejects.toThrow(/stop/);
  });
});
