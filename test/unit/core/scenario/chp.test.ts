/**
 * The park CHP plant as a conversion plant (docs/model.md §3) and the CHP strategy lever (§4):
 * energy balance held in every run-year, retirement removes its fuel and hands its steam to electricity
 * and biomass, and the extra-efficiency lever no longer acts on it.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, simulateBlock } from '../../../../src/core/scenario/kernel';
import { referenceActivity } from '../../../../src/core/scenario/reference';
import { presetScenario } from '../../../../src/core/scenario/presets';
import { assertScenario, type Scenario } from '../../../../src/core/scenario/schema';
import { leverOfDoc, type LeverId } from '../../../../src/core/scenario/levers';
import type { CompiledModel } from '../../../../src/core/scenario/model';
import { GJ_PER_TCE } from '../../../../src/core/units';
import { ALL_LEVERS, handBaseline } from './fixtures';

const GJ_PER_10K_KWH = 36;

function withLevers(base: Scenario, levers: Record<string, unknown>): Scenario {
  return assertScenario({ ...base, levers: { ...base.levers, ...levers } });
}

const RETIRE = {
  chp_strategy: { retire_share: 1, electric_share: 0.6, start_year: 2030, target_year: 2034 },
};

/**
 * (heat + electricity out) / fuel in of the CHP plant in one run-year, from the reference's activity.
 * Its outputs — steam sold in the park, heat and power exported — move together (one output index), so
 * the output is the base year's scaled by the exported power's ratio.
 */
function chpEfficiency(m: CompiledModel, seed: number, run: number, y: number, levers: LeverId[]): number {
  const { amount } = referenceActivity(m, seed, run, y, levers);
  const c = (code: string) => m.carriers.indexOf(code);
  const base = (code: string) => m.amountBase[m.chpS * m.nCarriers + c(code)];
  const chp = amount[m.chpS];
  let fuelGj = 0;
  for (let k = 0; k < m.nCarriers; k++) if (m.fossil[k]) fuelGj += chp[k] * m.coefTce[k] * GJ_PER_TCE;
  const index = chp[c('electricity_export')] / base('electricity_export');
  const out0 = m.steamBase + base('heat_export') + base('electricity_export') * GJ_PER_10K_KWH;
  return fuelGj > 0 ? (out0 * index) / fuelGj : 0;
}

describe('the CHP plant', () => {
  it('keeps its total efficiency at most 100 % (and at most its ceiling) in every run and year', () => {
    const b = handBaseline();
    for (const s of [
      presetScenario('bau'),
      presetScenario('ambitious'),
      ALL_LEVERS,
      withLevers(ALL_LEVERS, RETIRE),
    ]) {
      const m = compileScenario(s, b);
      expect(m.chpEta0).toBeGreaterThan(0.5);
      expect(m.chpEta0).toBeLessThan(1);
      const levers = m.leverNames.map((doc) => leverOfDoc(doc)!.id);
      expect(chpEfficiency(m, 5, 0, 0, levers)).toBeCloseTo(m.chpEta0, 12);
      for (let run = 0; run < 12; run++) {
        for (let y = 0; y < m.nYears; y += 3) {
          const eta = chpEfficiency(m, 5, run, y, levers);
          if (eta === 0) continue; // fully retired
          expect(eta).toBeLessThanOrEqual(1);
          expect(eta).toBeLessThanOrEqual(0.92 + 1e-9);
          expect(eta).toBeGreaterThanOrEqual(m.chpEta0 - 1e-9);
        }
      }
    }
  });

  it('is not made more efficient by the extra-efficiency lever (a warning says the CHP is left out)', () => {
    const b = handBaseline();
    const m = compileScenario(ALL_LEVERS, b);
    expect(m.warnings.join('\n')).toMatch(/extra_efficiency\.sectors: the CHP plant is a conversion plant/);
    expect(m.lever.efficiency.mask[m.chpS]).toBe(0);
  });

  it('retired, burns no fuel; its steam comes from electricity and biomass', () => {
    const b = handBaseline();
    const { chp_strategy: _ignored, ...others } = ALL_LEVERS.levers;
    const keep = compileScenario(assertScenario({ ...ALL_LEVERS, levers: others }), b);
    const retire = compileScenario(withLevers(ALL_LEVERS, RETIRE), b);
    const y = 2040 - keep.baseYear;
    const gas = keep.carriers.indexOf('natural_gas');
    const grid = keep.carriers.indexOf('electricity');
    const green = keep.carriers.indexOf('green_electricity');
    const pv = keep.carriers.indexOf('pv_electricity');
    const on = (m: CompiledModel) => m.leverNames.map((doc) => leverOfDoc(doc)!.id);
    for (let run = 0; run < 10; run++) {
      const a = referenceActivity(keep, 3, run, y, on(keep));
      const r = referenceActivity(retire, 3, run, y, on(retire));
      expect(a.amount[keep.chpS][gas]).toBeGreaterThan(0);
      expect(r.amount[retire.chpS][gas]).toBe(0);
      const elec = (x: number[][]) => x.reduce((t, row) => t + row[grid] + row[green] + row[pv], 0);
      expect(elec(r.amount)).toBeGreaterThan(elec(a.amount));
      expect(a.biomassTce).toBe(0);
      expect(r.biomassTce).toBeGreaterThan(0);
    }
    // The kernel agrees: once retired, the CHP's own emissions are gone from the breakdown.
    const blk = simulateBlock(retire, 3, 0, 10, { precision: 'double' });
    for (let run = 0; run < 10; run++) {
      const i = run * retire.nYears + y;
      const chpRow = blk.bySector[i * retire.nSectors + retire.chpS];
      // What is left on the CHP row is the replacement electricity's emissions, not fuel.
      expect(chpRow).toBeLessThan(
        simulateBlock(keep, 3, 0, 10, { precision: 'double' }).bySector[i * keep.nSectors + keep.chpS],
      );
    }
  });

  it('has its own settings on the page and in links', () => {
    const m = compileScenario(withLevers(presetScenario('policy'), RETIRE), handBaseline());
    expect(m.leverNames).toContain('chp_strategy');
    expect(m.inputNames).toContain('lever.chp_strategy.cop');
    expect(m.inputNames).toContain('chp.efficiency_max');
  });
});
