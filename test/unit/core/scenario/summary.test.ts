import { describe, expect, it } from 'vitest';
import {
  compileScenario,
  simulateBlock,
  type CompiledModel,
  type RunBlock,
} from '../../../../src/core/scenario/kernel';
import { presetScenario } from '../../../../src/core/scenario/presets';
import {
  sensitivityPartOf,
  summarize,
  summarizeLevers,
  summarizeSensitivity,
} from '../../../../src/core/scenario/summary';
import { handBaseline } from './fixtures';

function concat(blocks: RunBlock[]): RunBlock {
  const out = { ...blocks[0], runCount: blocks.reduce((a, b) => a + b.runCount, 0) } as RunBlock;
  for (const f of [
    'gross',
    'emitted',
    'net',
    'energy',
    'output',
    'bySector',
    'byCarrier',
    'inputs',
    'leverContribution',
    'renewable',
    'npvCost',
    'investment',
    'leverCost',
    'leverAvoided',
    'leverAvoidedDisc',
    'leverCostYear',
  ] as const) {
    const Type = blocks[0][f] instanceof Float32Array ? Float32Array : Float64Array;
    const arr = new Type(blocks.reduce((a, b) => a + b[f].length, 0));
    let at = 0;
    for (const b of blocks) {
      arr.set(b[f], at);
      at += b[f].length;
    }
    (out as unknown as Record<string, Float32Array | Float64Array>)[f] = arr;
  }
  return out;
}

describe('summary', () => {
  const model = compileScenario(presetScenario('policy'), handBaseline());

  it('has the fields other tools rely on, with consistent sizes', () => {
    const s = summarize(model, simulateBlock(model, 42, 0, 400), 42);
    expect(s.runs).toBe(400);
    expect(s.seed).toBe(42);
    expect(s.years).toEqual(Array.from(model.years));
    for (const key of ['total_tco2', 'net_tco2', 'energy_tce'] as const) {
      for (const p of ['p5', 'p25', 'p50', 'p75', 'p95', 'mean'] as const)
        expect(s[key][p]).toHaveLength(model.nYears);
      expect(s[key].p5[10]).toBeLessThanOrEqual(s[key].p50[10]);
      expect(s[key].p50[10]).toBeLessThanOrEqual(s[key].p95[10]);
    }
    expect(Object.values(s.peak_year.histogram).reduce((a, b) => a + b, 0)).toBe(400);
    expect(s.peak_year.p_by_2030).toBeGreaterThanOrEqual(0);
    expect(s.peak_year.p_by_2030).toBeLessThanOrEqual(1);
    expect(s.neutrality.p_by_2060).not.toBeNull();
    expect(s.cumulative_tco2.p5).toBeLessThanOrEqual(s.cumulative_tco2.p95);
    expect(s.sensitivity).toHaveLength(3 * model.nInputs);
    expect(new Set(s.sensitivity.map((r) => r.output))).toEqual(
      new Set(['total_tco2_2030', 'peak_year', 'cumulative_tco2']),
    );
    expect(s.lever_contribution.map((l) => l.lever)).toEqual(model.leverNames);
    expect(s.lever_contribution[0].y2030).not.toBeNull();
    expect(Object.keys(s.intensity_change)).toEqual(['2020', '2025']);
    expect(s.intensity_change['2020'].carbon['2030'].p50).toBeLessThan(0.5);
  });

  it('ranks the inputs by the size of their rank correlation', () => {
    const s = summarize(model, simulateBlock(model, 1, 0, 300), 1);
    const cum = s.sensitivity
      .filter((r) => r.output === 'cumulative_tco2')
      .map((r) => Math.abs(r.spearman ?? 0));
    expect(cum).toEqual([...cum].sort((a, b) => b - a));
  });

  it('is the same JSON byte for byte whatever the blocks were', () => {
    const whole = summarize(model, simulateBlock(model, 8, 0, 300), 8);
    const parts = concat([
      simulateBlock(model, 8, 0, 17),
      simulateBlock(model, 8, 17, 200),
      simulateBlock(model, 8, 217, 83),
    ]);
    expect(JSON.stringify(summarize(model, parts, 8))).toBe(JSON.stringify(whole));
  });

  it('gives the same summary with the lever part computed apart (as a second worker does)', () => {
    const block = simulateBlock(model, 21, 0, 250);
    const whole = JSON.stringify(summarize(model, block, 21));
    const levers = summarizeLevers(model, block);
    const rest = { ...block, leverContribution: new Float32Array(0) };
    expect(JSON.stringify(summarize(model, rest, 21, { levers }))).toBe(whole);
  });

  it('gives the same summary with the sensitivity tables computed apart, from a copy of the inputs', () => {
    const block = simulateBlock(model, 22, 0, 260);
    const whole = JSON.stringify(summarize(model, block, 22));
    const sensitivity = summarizeSensitivity(model, sensitivityPartOf(model, block, block.inputs.slice()));
    expect(sensitivity.sensitivity.length).toBeGreaterThan(0);
    expect(sensitivity.sensitivity_groups.length).toBeGreaterThan(0);
    expect(JSON.stringify(summarize(model, block, 22, { sensitivity }))).toBe(whole);
    const placeholder = { sensitivity: [], sensitivity_groups: [] };
    expect(summarize(model, block, 22, { sensitivity: placeholder }).sensitivity).toEqual([]);
  });

  it('reads single-precision lever contributions as stored (no double copy needed)', () => {
    const block = simulateBlock(model, 4, 0, 120);
    expect(block.leverContribution).toBeInstanceOf(Float32Array);
    const widened = { ...block, leverContribution: Float64Array.from(block.leverContribution) };
    expect(JSON.stringify(summarize(model, widened, 4))).toBe(JSON.stringify(summarize(model, block, 4)));
  });

  it('finds peak years, neutrality years and cumulative emissions on a hand-made block', () => {
    const years = Int32Array.from([2029, 2030, 2031, 2032]);
    const fake = {
      scenarioId: 'x',
      datasetId: 'y',
      baseYear: 2029,
      warnings: [],
      inputNames: ['a'],
      inputIds: [{ kind: 'pv_yield' }],
      inputSlots: Int32Array.from([0]),
      inventorySlots: new Int32Array(0),
      outputBase: Float64Array.of(1),
      leverNames: [],
      years,
    } as unknown as CompiledModel;
    const gross = [10, 12, 11, 9, 10, 9, 8, 7, 5, 6, 7, 8];
    const net = [5, 4, 0, -1, 3, 2, 1, 0.5, 1, -1, 1, -2];
    const block: RunBlock = {
      runStart: 0,
      runCount: 3,
      nYears: 4,
      nSectors: 0,
      nCarriers: 0,
      nInputs: 1,
      nLevers: 0,
      nPeriods: 0,
      breakdownEvery: 0,
      leverEvery: 0,
      years,
      gross: Float64Array.from(gross),
      emitted: Float64Array.from(gross),
      net: Float64Array.from(net),
      energy: new Float64Array(12).fill(1),
      output: new Float64Array(12).fill(1),
      bySector: new Float64Array(0),
      byCarrier: new Float64Array(0),
      inputs: Float64Array.from([1, 2, 3]),
      leverContribution: new Float64Array(0),
      renewable: new Float64Array(12),
      npvCost: new Float64Array(0),
      investment: new Float64Array(0),
      leverCost: new Float64Array(0),
      leverAvoided: new Float64Array(0),
      leverAvoidedDisc: new Float64Array(0),
      leverCostYear: new Float64Array(0),
    };
    const s = summarize(fake, block, 0);
    expect(s.peak_year.histogram).toEqual({ 2029: 1, 2030: 1, 2031: 0, 2032: 1 });
    expect(s.peak_year.p_by_2030).toBeCloseTo(2 / 3, 15);
    // Run 0 is at or below zero from 2031 on; run 1 never; run 2 dips below zero but ends at −2 only in 2032.
    expect(s.neutrality.histogram).toEqual({ 2029: 0, 2030: 0, 2031: 1, 2032: 1 });
    expect(s.neutrality.never).toBe(1);
    expect(s.neutrality.p_by_2060).toBeNull(); // the horizon ends before 2060
    expect(s.cumulative_tco2.p50).toBe(34);
    expect(s.total_tco2.p50).toEqual([10, 9, 8, 8]);
    // Input 1, 2, 3 against cumulative 42, 34, 26: a perfect negative rank correlation.
    expect(s.sensitivity.find((r) => r.output === 'cumulative_tco2')?.spearman).toBe(-1);

    // A park whose inventory history holds a higher year has already peaked then, in every run where
    // no simulated year is above it; what was captured never counts (emitted, not gross).
    const past = {
      ...fake,
      history: { years: [2026, 2027], totalTco2: [9.5, 9], energyTce: [], outputValue: [] },
    };
    const emitted = Float64Array.from(gross, (g, i) => (i === 1 ? 11 : g)); // run 0's 2030: 12 gross, 1 captured
    const h = summarize(past as CompiledModel, { ...block, emitted }, 0);
    // Runs peak at 2030 (11 emitted, though 12 gross), 2029 (10) and in history, 2026 (9.5 > 8).
    expect(h.peak_year.histogram).toEqual({ 2026: 1, 2029: 1, 2030: 1, 2031: 0, 2032: 0 });
    expect(h.peak_year.p_by_2030).toBe(1);
    expect(h.peak_value_tco2.p50).toBe(10);
    expect(h.peak_value_tco2.p95).toBeCloseTo(10.9, 9);

    // The input is now the inventory's multiplier (a systematic error, docs/model.md §6): the history
    // is measured alike, so it scales with the run. Run 2 (multiplier 3) has history 28.5 against its
    // simulated 8: past its peak; a run with multiplier 1 is the case above.
    const scaled = {
      ...past,
      inventorySlots: Int32Array.from([0]),
      slotParams: new Float64Array(4),
    } as unknown as CompiledModel;
    const withScale = summarize(scaled, { ...block, emitted, inputs: Float64Array.from([1, 1, 3]) }, 0);
    expect(withScale.peak_year.histogram).toEqual({ 2026: 1, 2029: 1, 2030: 1, 2031: 0, 2032: 0 });
    expect(withScale.peak_value_tco2.p95).toBeGreaterThan(20);
    // Run 1 (peak 10 in 2029) with multiplier 1.04 stays after its history (9.5 × 1.04 < 10); at 1.1 it
    // is past its peak (9.5 × 1.1 = 10.45 > 10).
    const at = (m: number) =>
      summarize(scaled, { ...block, emitted, inputs: Float64Array.from([1, m, 1]) }, 0).peak_year.histogram;
    expect(at(1.04)[2026]).toBe(1);
    expect(at(1.1)[2026]).toBe(2);
  });
});

describe('summary of the breakdown', () => {
  const model = compileScenario(presetScenario('policy'), handBaseline());

  it('gives mean, P5 and P95 by sector and by carrier; the means add up to the mean total', () => {
    const s = summarize(model, simulateBlock(model, 12, 0, 300), 12);
    for (const b of [s.by_sector_tco2!, s.by_carrier_tco2!]) {
      expect(b.runs).toBe(300);
      expect(b.every).toBe(1);
      expect(b.keys.length).toBeGreaterThan(1);
      s.years.forEach((_, y) => {
        const sum = b.mean.reduce((a, row) => a + row[y], 0);
        // Each mean is rounded to 0.1 t; the float32 storage adds ≤ 6e-8 relative.
        expect(Math.abs(sum - s.total_tco2.mean[y])).toBeLessThan(
          0.05 * b.keys.length + 1e-6 * s.total_tco2.mean[y],
        );
        b.keys.forEach((_, k) => {
          expect(b.p5[k][y]).toBeLessThanOrEqual(b.mean[k][y] + 0.1);
          expect(b.p95[k][y]).toBeGreaterThanOrEqual(b.mean[k][y] - 0.1);
        });
      });
    }
    expect(s.by_sector_tco2!.keys.every((k) => model.sectors.includes(k))).toBe(true);
  });

  it('uses the rows of every K-th run, and is null without a breakdown', () => {
    const sampled = summarize(model, simulateBlock(model, 12, 0, 300, { breakdownEvery: 7 }), 12);
    expect(sampled.by_sector_tco2!.runs).toBe(43); // runs 0, 7, …, 294
    expect(sampled.by_sector_tco2!.every).toBe(7);
    const none = summarize(model, simulateBlock(model, 12, 0, 300, { breakdown: false }), 12);
    expect(none.by_sector_tco2).toBeNull();
    expect(none.by_carrier_tco2).toBeNull();
    expect(none.total_tco2).toEqual(sampled.total_tco2);
  });

  it('computes lever contributions and costs from the lever rows (every L-th run) and says which', () => {
    const all = simulateBlock(model, 12, 0, 300, { breakdownEvery: 6 });
    const some = simulateBlock(model, 12, 0, 300, { leverEvery: 3, breakdownEvery: 6 });
    // The same 100 runs (0, 3, …, 297) attributed with L = 1, as a block of their own.
    const kept = Array.from({ length: 100 }, (_, j) => 3 * j);
    const rows = (x: Float32Array | Float64Array, width: number) =>
      Float32Array.from(kept.flatMap((r) => Array.from(x.subarray(r * width, (r + 1) * width))));
    const perRun = (f: 'npvCost' | 'investment' | 'leverCost' | 'leverAvoided' | 'leverAvoidedDisc') =>
      rows(all[f], all[f].length / 300);
    const picked: RunBlock = {
      ...some,
      leverEvery: 1,
      runCount: 100,
      leverContribution: rows(all.leverContribution, model.nYears * model.nLevers),
      npvCost: perRun('npvCost'),
      investment: perRun('investment'),
      leverCost: perRun('leverCost'),
      leverAvoided: perRun('leverAvoided'),
      leverAvoidedDisc: perRun('leverAvoidedDisc'),
    };
    const s = summarize(model, some, 12);
    expect(s.lever_sample).toEqual({ runs: 100, every: 3 });
    expect(s.lever_contribution).toEqual(summarizeLevers(model, picked));
    expect(s.costs).toEqual(summarize(model, picked, 12).costs);
    // Everything else comes from all 300 runs.
    const full = summarize(model, all, 12);
    expect(full.lever_sample).toEqual({ runs: 300, every: 1 });
    expect(s.total_tco2).toEqual(full.total_tco2);
    expect(s.peak_year).toEqual(full.peak_year);
    expect(s.targets).toEqual(full.targets);
    expect(s.lever_contribution).not.toEqual(full.lever_contribution);
    expect(summarize(model, simulateBlock(model, 12, 0, 30, { levers: false }), 12).lever_sample).toBeNull();
  });

  it('gives each probability its Monte Carlo standard error, close to the spread over independent seeds', () => {
    // BAU on the hand park: P(peak ≤ 2030) is near one half, where the error is largest.
    const model = compileScenario({ ...presetScenario('bau'), dataset: 'hand' }, handBaseline(), {
      breakdown: false,
    });
    const n = 300;
    const ps: number[] = [];
    const ses: number[] = [];
    for (let seed = 1; seed <= 40; seed++) {
      const s = summarize(model, simulateBlock(model, seed, 0, n, { levers: false }), seed);
      ps.push(s.peak_year.p_by_2030);
      ses.push(s.peak_year.p_by_2030_se);
      expect(s.peak_year.p_by_2030_se).toBeCloseTo(
        Math.sqrt((s.peak_year.p_by_2030 * (1 - s.peak_year.p_by_2030)) / n),
        4,
      );
    }
    const mean = ps.reduce((a, b) => a + b, 0) / ps.length;
    expect(mean).toBeGreaterThan(0.2);
    expect(mean).toBeLessThan(0.8);
    const sd = Math.sqrt(ps.reduce((a, p) => a + (p - mean) ** 2, 0) / (ps.length - 1));
    const meanSe = ses.reduce((a, b) => a + b, 0) / ses.length;
    // 40 seeds: the sample sd is within about ±35 % of the true one with 99 % probability.
    expect(sd / meanSe).toBeGreaterThan(0.6);
    expect(sd / meanSe).toBeLessThan(1.45);
  });
});
