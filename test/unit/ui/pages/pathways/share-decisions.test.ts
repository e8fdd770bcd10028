/**
 * Carbon price, discount rate and the park's targets in the share link and the scenario document:
 * they round-trip, old links (without them) still open without a notice, bad values are dropped with a
 * notice naming the field, and the scenario they write passes the scenario schema.
 */
import { describe, expect, it } from 'vitest';
import { presetScenario, settingsFromScenario, assertScenario } from '../../../../../src/core/scenario/index';
import { COST_SETTINGS } from '../../../../../src/core/scenario/costs';
import { resolveTargets } from '../../../../../src/core/scenario/targets';
import {
  encodeShare,
  hashHref,
  parseHash,
  readShareLink,
  decodeShare,
  type ShareState,
} from '../../../../../src/ui/pages/pathways/share-link';
import {
  defaultDecisions,
  withDecisions,
  type DecisionSettings,
} from '../../../../../src/ui/pages/pathways/share-decisions';

const ctx = { baseYear: 2024, demandGwh: 5000, pvPotentialMw: 600 };
const decisions: DecisionSettings = {
  carbonPrice: 150,
  discountRate: 0.05,
  fyp15: { co2_intensity: 0.2 },
  caps: [
    { metric: 'emissions_cap', year: 2035, max: 800_000 },
    { metric: 'energy_cap', year: 2030, max: 250_000.5 },
  ],
};

function state(d?: DecisionSettings): ShareState {
  const preset = presetScenario('policy');
  return {
    preset: 'policy',
    scope2: 'location',
    seed: 7,
    runs: 10_000,
    settings: settingsFromScenario(preset, ctx),
    ...(d ? { decisions: d } : {}),
  };
}

describe('decisions in the share link', () => {
  it('round-trip through the hash and open without notices', () => {
    const href = hashHref('pathways', { park: 'sample', ...encodeShare(state(decisions)) });
    expect(href).toContain('cp=150&dr=0.05&f15c=0.2&caps=e2035%3A800000%2Cn2030%3A250000.5');
    const back = decodeShare(parseHash(href).params);
    expect(back.decisions).toEqual(decisions);
    const reading = readShareLink(href, ['sample']);
    expect(reading.notices).toEqual([]);
    expect(reading.share.decisions).toEqual(decisions);
  });

  it('an old link without them opens with the defaults and no notice', () => {
    const href = hashHref('pathways', { park: 'sample', ...encodeShare(state()) });
    expect(href).not.toContain('cp=');
    const reading = readShareLink(href, ['sample']);
    expect(reading.notices).toEqual([]);
    expect(reading.share.decisions).toBeUndefined();
  });

  it('drops bad values with a notice naming the field and keeps the good ones', () => {
    const good = encodeShare(state(decisions));
    const href = hashHref('pathways', {
      ...good,
      cp: '-5',
      dr: '0.5',
      f15e: 'abc',
      caps: 'e2035:800000,x2030:1,n1990:5,e2035:9',
    });
    const reading = readShareLink(href);
    const fields = reading.notices.map((n) => [n.key, n.params.field, n.params.value]);
    expect(fields).toEqual([
      ['dec.link.bad', 'cp', '-5'],
      ['dec.link.bad', 'dr', '0.5'],
      ['dec.link.bad', 'f15e', 'abc'],
      ['dec.link.badCap', 'caps', 'x2030:1'],
      ['dec.link.badCap', 'caps', 'n1990:5'],
      ['dec.link.badCap', 'caps', 'e2035:9'],
    ]);
    expect(reading.share.decisions).toEqual({
      fyp15: { co2_intensity: 0.2 },
      caps: [{ metric: 'emissions_cap', year: 2035, max: 800_000 }],
    });
  });
});

describe('decisions in the scenario document', () => {
  it('write the carbon price, discount rate, the 15th-plan value and the caps; the schema accepts them', () => {
    const s = assertScenario(withDecisions(presetScenario('policy'), decisions));
    expect(s.costs).toMatchObject({ carbon_price: 150, discount_rate: 0.05 });
    const defs = resolveTargets(s.targets);
    const fyp15 = defs.find((t) => t.id === 'fyp15_co2_intensity')!;
    expect(fyp15).toMatchObject({ reduction: 0.2, placeholder: false });
    expect(defs.find((t) => t.id === 'fyp15_energy_intensity')!.placeholder).toBe(true);
    expect(defs.filter((t) => t.metric.endsWith('_cap')).map((t) => [t.id, t.target_year, t.max])).toEqual([
      ['cap_emissions_2035', 2035, 800_000],
      ['cap_energy_2030', 2030, 250_000.5],
    ]);
  });

  it('the defaults are the sourced cost settings and leave the targets alone', () => {
    const d = defaultDecisions();
    expect(d.carbonPrice).toBe(COST_SETTINGS.carbon_price.value);
    expect(d.discountRate).toBe(COST_SETTINGS.discount_rate.value);
    const s = withDecisions(presetScenario('policy'), d);
    expect(s.targets).toEqual(presetScenario('policy').targets);
  });
});
