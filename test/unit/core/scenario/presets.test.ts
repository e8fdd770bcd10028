/**
 * Behaviour of the model on the sample park (metamorphic tests): how outputs must move when an input
 * moves, and the ordering of the presets — never a calibrated probability (docs/model.md §4).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPark } from '../../../../src/cli/load-park';
import { compileScenario, simulateBlock } from '../../../../src/core/scenario/kernel';
import { presetScenario, type PresetId } from '../../../../src/core/scenario/presets';
import { assertScenario, type Scenario } from '../../../../src/core/scenario/schema';
import type { ParkBaseline } from '../../../../src/core/scenario/baseline';
import { applySettings } from '../../../../src/core/scenario/apply';
import { controlContext, settingsFromScenario, type SettingKey } from '../../../../src/core/scenario/levers';

const RUNS = 1000;
const SEED = 7;
let baseline: ParkBaseline;

beforeAll(async () => {
  baseline = (await loadPark('sample', process.cwd())).baseline;
}, 120_000);

interface Outcome {
  years: Int32Array;
  /** Peak year of the emissions to the atmosphere (after capture) per run, over the horizon. */
  peak: Int32Array;
  /** Share of runs with net ≤ 0 in some year up to 2060. */
  pNeutral: number;
  /** Share of runs peaking by 2030. */
  pPeak2030: number;
  /** Gross emissions in the last year, per run. */
  last: Float64Array;
  /** Net emissions in the last year, per run. */
  lastNet: Float64Array;
}

function run(s: Scenario): Outcome {
  const m = compileScenario(s, baseline, { breakdown: false });
  const b = simulateBlock(m, SEED, 0, RUNS, { levers: false });
  const nY = m.nYears;
  const peak = new Int32Array(RUNS);
  const last = new Float64Array(RUNS);
  const lastNet = new Float64Array(RUNS);
  let neutral = 0;
  let by2030 = 0;
  for (let r = 0; r < RUNS; r++) {
    let best = 0;
    let reached = false;
    for (let y = 0; y < nY; y++) {
      if (b.emitted[r * nY + y] > b.emitted[r * nY + best]) best = y;
      if (m.years[y] <= 2060 && b.net[r * nY + y] <= 0) reached = true;
    }
    peak[r] = m.years[best];
    last[r] = b.gross[r * nY + nY - 1];
    lastNet[r] = b.net[r * nY + nY - 1];
    if (reached) neutral++;
    if (peak[r] <= 2030) by2030++;
  }
  return { years: m.years, peak, pNeutral: neutral / RUNS, pPeak2030: by2030 / RUNS, last, lastNet };
}

const preset = (id: PresetId) => presetScenario(id);

/** The scenario with these settings applied exactly as the Pathways sliders would (the CLI's --lever). */
function withSettings(s: Scenario, set: Partial<Record<SettingKey, number>>): Scenario {
  return applySettings(
    s,
    { ...settingsFromScenario(s, controlContext(baseline)), ...set },
    controlContext(baseline),
  );
}

/**
 * A test scenario (not a preset) whose neutrality is uncertain on the sample park, so that a
 * probability can move both ways: the ambitious levers with a large offset allowance.
 */
function nearNeutral(capShare: number): Scenario {
  const s = structuredClone(preset('ambitious'));
  s.levers.offsets = { cap_share: capShare, start_year: 2030, target_year: 2045 };
  return assertScenario(s);
}

/** The scenario with `shift` added to every growth draw of every period (the CLI's --growth-shift). */
function fasterGrowth(s: Scenario, shift: number): Scenario {
  const d = structuredClone(s);
  const base = { to2030: 0.05, to2040: 0.035, to2060: 0.02 };
  const sd = { to2030: 0.02, to2040: 0.015, to2060: 0.01 };
  d.drivers.output_growth = {
    default: Object.fromEntries(
      (['to2030', 'to2040', 'to2060'] as const).map((p) => [
        p,
        { dist: 'normal', mean: base[p] + shift, sd: sd[p], min: -0.1 + shift, max: 0.2 + shift },
      ]),
    ) as NonNullable<Scenario['drivers']['output_growth']>['default'],
  };
  return assertScenario(d);
}

describe('model behaviour on the sample park', () => {
  it('orders the presets: more policy, lower emissions and earlier peaks', () => {
    const [bau, policy, ambitious] = (['bau', 'policy', 'ambitious'] as const).map((id) => run(preset(id)));
    const mean = (x: Float64Array) => x.reduce((a, b) => a + b, 0) / x.length;
    expect(mean(policy.last)).toBeLessThan(mean(bau.last));
    expect(mean(ambitious.last)).toBeLessThan(mean(policy.last));
    expect(policy.pPeak2030).toBeGreaterThanOrEqual(bau.pPeak2030);
    expect(ambitious.pNeutral).toBeGreaterThanOrEqual(policy.pNeutral);
  }, 120_000);

  it('faster growth never makes neutrality or an early peak more likely, and raises 2060 emissions in every run', () => {
    const near = run(nearNeutral(0.8));
    expect(near.pNeutral, 'the test scenario must leave neutrality uncertain').toBeGreaterThan(0.02);
    expect(near.pNeutral).toBeLessThan(0.98);
    for (const s of [preset('policy'), preset('ambitious'), nearNeutral(0.8)]) {
      const slow = run(fasterGrowth(s, 0));
      const fast = run(fasterGrowth(s, 0.01));
      expect(fast.pNeutral).toBeLessThanOrEqual(slow.pNeutral);
      expect(fast.pPeak2030).toBeLessThanOrEqual(slow.pPeak2030);
      // Common random numbers: run by run, not just on average.
      fast.last.forEach((v, r) => expect(v).toBeGreaterThan(slow.last[r]));
    }
  }, 120_000);

  it('has no pile-up of BAU peak years at 2030 or 2040 (no knot in growth or the grid path)', () => {
    const { peak } = run(preset('bau'));
    const count = (t: number) => peak.filter((p) => p === t).length;
    for (const knot of [2030, 2040]) {
      const neighbours = [knot - 2, knot - 1, knot + 1, knot + 2].map(count);
      const mean = neighbours.reduce((a, b) => a + b, 0) / neighbours.length;
      // A spike would hold several times its neighbours (it held 44 % of all runs with stepped growth).
      expect(count(knot), `${knot}: ${count(knot)} vs neighbours ${neighbours}`).toBeLessThanOrEqual(
        2 * mean + 3 * Math.sqrt(mean + 1),
      );
    }
  }, 120_000);

  it('more offsets never make neutrality less likely, and never raise net emissions in any run', () => {
    const less = run(nearNeutral(0.6));
    const more = run(nearNeutral(0.8));
    expect(more.pNeutral).toBeGreaterThanOrEqual(less.pNeutral);
    more.lastNet.forEach((v, r) => expect(v).toBeLessThanOrEqual(less.lastNet[r]));
  }, 120_000);

  it('capture from an early year never makes an early peak less likely', () => {
    const late = run(withSettings(preset('policy'), { ccus: 0.9, ccusYear: 2035 }));
    const early = run(withSettings(preset('policy'), { ccus: 0.9, ccusYear: 2027 }));
    expect(early.pPeak2030).toBeGreaterThanOrEqual(late.pPeak2030);
  }, 120_000);

  it('green power lowers market-based emissions in every run', () => {
    const none = run(withSettings(preset('policy'), { greenPower: 0 }));
    const green = run(withSettings(preset('policy'), { greenPower: 0.8, greenPowerYear: 2035 }));
    green.last.forEach((v, r) => expect(v).toBeLessThan(none.last[r]));
  }, 120_000);
});
