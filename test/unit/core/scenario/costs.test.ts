/**
 * Lever costs (docs/model.md §10), checked by hand on one lever: rooftop PV on the hand park, with every
 * uncertain input fixed, so each year's annuity, operation cost and bill saving can be written out.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, simulateBlock } from '../../../../src/core/scenario/kernel';
import { capitalRecovery, COST_PARAMS, investmentPeriods } from '../../../../src/core/scenario/costs';
import { presetScenario } from '../../../../src/core/scenario/presets';
import { assertScenario, type Scenario } from '../../../../src/core/scenario/schema';
import { summarize } from '../../../../src/core/scenario/summary';
import { handBaseline } from './fixtures';

const DOUBLE = { precision: 'double' } as const;
const R = 0.06;
const CAPEX = 3; // CNY/W
const OM = 0.05; // CNY/W/yr
const PRICE = 0.7; // CNY/kWh
const YIELD = 1000; // kWh/kW/yr

/** Every cost input fixed at 0 except those given. */
function fixedCosts(set: Record<string, number>) {
  return Object.fromEntries(COST_PARAMS.map((p) => [p.key, set[p.key] ?? 0]));
}

/** BAU with rooftop PV only, every input fixed: the cost arithmetic is then exact. */
function pvOnly(): Scenario {
  const bau = presetScenario('bau');
  return assertScenario({
    ...bau,
    id: 'pv-only',
    drivers: {
      ...bau.drivers,
      pv_yield: YIELD,
      inventory: { activity: 1, factors: 1 },
    },
    levers: {
      rooftop_pv: {
        capacity_mw: [
          { year: 2025, mw: 0 },
          { year: 2030, mw: 10 },
        ],
        delivery: 1,
      },
    },
    costs: {
      discount_rate: R,
      params: fixedCosts({ pv_capex: CAPEX, pv_om: OM, electricity_price: PRICE }),
    },
  });
}

describe('costs', () => {
  it('annuity and discounting of one lever agree with the hand calculation', () => {
    const m = compileScenario(pvOnly(), handBaseline());
    const runs = 3;
    const b = simulateBlock(m, 5, 0, runs, DOUBLE);
    const years = Array.from(m.years);
    const crf = capitalRecovery(R, 25);
    // MW installed each year: 0 in 2025, +2 MW a year to 10 MW in 2030, then held.
    const mw = years.map((t) => Math.max(0, Math.min(10, 2 * (t - 2025))));
    for (let r = 0; r < runs; r++) {
      let npv = 0;
      let annuity = 0;
      let installed = 0;
      for (let y = 1; y < years.length; y++) {
        const inc = Math.max(0, mw[y] - installed);
        installed = Math.max(installed, mw[y]);
        annuity += inc * 1e6 * CAPEX * crf;
        // PV generation replaces bought grid electricity: MW × h = MWh = 0.1 × 10^4 kWh.
        const saving = PRICE * 1e4 * ((mw[y] * YIELD) / 10);
        const cost = annuity + OM * 1e6 * installed - saving;
        npv += cost / (1 + R) ** (years[y] - years[0] - 1);
      }
      expect(b.leverCost[r]).toBeCloseTo(npv, 0);
      expect(b.npvCost[r]).toBeCloseTo(npv, 0);
    }
  });

  it('counts each installation once and its replacement after its lifetime in the investment by period', () => {
    const m = compileScenario(pvOnly(), handBaseline());
    const b = simulateBlock(m, 5, 0, 1, DOUBLE);
    const { labels } = investmentPeriods(m.years, m.baseYear);
    expect(labels[0]).toBe('2025-2030');
    expect(labels[1]).toBe('2031-2035');
    const period = (label: string) => b.investment[labels.indexOf(label)];
    // 10 MW bought in 2026–2030, replaced 25 years later (2051–2055); nothing in between.
    expect(period('2025-2030')).toBeCloseTo(10 * 1e6 * CAPEX, 0);
    expect(period('2031-2035')).toBe(0);
    expect(period('2051-2055')).toBeCloseTo(10 * 1e6 * CAPEX, 0);
  });

  it('annuity factor: repays the principal at the rate over the lifetime', () => {
    const crf = capitalRecovery(0.08, 20);
    let pv = 0;
    for (let t = 1; t <= 20; t++) pv += crf / 1.08 ** t;
    expect(pv).toBeCloseTo(1, 12);
    expect(capitalRecovery(0, 10)).toBe(0.1);
  });

  it('sorts the MACC by median cost per tonne and keeps the structural shift out of costs', () => {
    const m = compileScenario(presetScenario('policy'), handBaseline());
    const s = summarize(m, simulateBlock(m, 3, 0, 400), 3);
    const c = s.costs!;
    for (const entries of Object.values(c.macc!.by_year)) {
      const medians = entries.map((e) => e.cny_per_tco2.p50);
      expect(medians).toEqual([...medians].sort((a, b) => a - b));
      expect(entries.some((e) => e.lever === 'structural_shift')).toBe(false);
    }
    const shift = c.levers.find((l) => l.lever === 'structural_shift');
    if (shift) expect(shift).toMatchObject({ costed: false, cost_cny: 0, cny_per_tco2: null });
    // The levers' discounted costs add up to the net present cost (the shift counts 0).
    const sum = c.levers.reduce((a, l) => a + l.cost_cny, 0);
    expect(Math.abs(sum - c.npv_vs_bau_cny.mean)).toBeLessThanOrEqual(c.levers.length);
  });

  it('a preview (no lever contributions) has no costs; a dearer carbon price only moves the line', () => {
    const base = presetScenario('policy');
    const m = compileScenario(base, handBaseline());
    expect(summarize(m, simulateBlock(m, 3, 0, 50, { levers: false }), 3).costs).toBeNull();
    const dear = compileScenario({ ...base, costs: { carbon_price: 1000 } }, handBaseline());
    const a = summarize(m, simulateBlock(m, 3, 0, 200), 3).costs!;
    const b = summarize(dear, simulateBlock(dear, 3, 0, 200), 3).costs!;
    expect(b.npv_vs_bau_cny).toEqual(a.npv_vs_bau_cny);
    a.levers.forEach((l, i) => {
      if (l.p_below_carbon_price !== null)
        expect(b.levers[i].p_below_carbon_price!).toBeGreaterThanOrEqual(l.p_below_carbon_price);
    });
  });
});
