import { describe, expect, it } from 'vitest';
import { presetScenario, PRESET_IDS, baselineFromRows } from '../../../../src/core/scenario/index';
import {
  applySettings,
  centre,
  controlContext,
  settingSpecs,
  recentre,
  scaleGridDist,
  settingsFromScenario,
  snap,
  type LeverSettings,
} from '../../../../src/core/scenario/index';
import { carrierInfo } from '../../../../src/core/carriers';

const ctx = { baseYear: 2024, demandGwh: 5000, pvPotentialMw: 240 };

describe('lever settings from a scenario', () => {
  it('reads the central value of every lever of the policy preset', () => {
    const s = settingsFromScenario(presetScenario('policy'), ctx);
    expect(s.efficiency).toBe(0.01);
    expect(s.efficiencyYear).toBe(2035);
    expect(s.shift).toBe(0.08);
    expect(s.electrification).toBe(0.2);
    expect(s.pv2030).toBe(72); // 30 % of the 240 MW unused rooftop potential
    expect(s.pv2060).toBe(120); // held after 2035 at 50 %
    expect(s.greenPower).toBe(0.2);
    expect(s.gridSpeed).toBe(1);
    expect(s.ccus).toBe(0);
    expect(s.greenSpace).toBe(0.1);
    expect(s.offsets).toBe(0.05);
  });

  it('reads business as usual as no levers', () => {
    const s = settingsFromScenario(presetScenario('bau'), ctx);
    for (const k of [
      'efficiency',
      'shift',
      'electrification',
      'pv2030',
      'pv2060',
      'greenPower',
      'ccus',
      'offsets',
    ] as const) {
      expect(s[k], k).toBe(0);
    }
  });

  it('derives the PV scale from the baseline electricity use and rooftop stock', () => {
    const b = baselineFromRows(
      [
        { sector: 'electronics', carrier: 'electricity', amount: 30000 },
        { sector: 'electronics', carrier: 'pv_electricity', amount: 1000 },
      ],
      { electronics: 1 },
      (c) => ({
        unit: carrierInfo(c)!.unit,
        kind: carrierInfo(c)!.kind,
        tcePerUnit: 1,
        scope1Tco2PerUnit: 0,
        scope2Tco2PerUnit: 0,
        biogenicTco2PerUnit: 0,
      }),
      {
        datasetId: 'x',
        year: 2024,
        rooftop: { enterprises: 10, pvEnterprises: 4, pvMw: 6, source: 'installations' },
      },
    );
    // 6 enterprises without PV × 1.5 MW, the average array of the 4 with PV
    expect(controlContext(b)).toEqual({ baseYear: 2024, demandGwh: 310, pvPotentialMw: 9 });
  });
});

describe('applying settings', () => {
  it('leaves every preset exactly as it is when nothing was moved', () => {
    for (const id of PRESET_IDS) {
      const preset = presetScenario(id);
      expect(applySettings(preset, settingsFromScenario(preset, ctx), ctx), id).toEqual(preset);
    }
  });

  it('moves a lever with its delivery uncertainty and keeps the others', () => {
    const preset = presetScenario('policy');
    const set: LeverSettings = {
      ...settingsFromScenario(preset, ctx),
      efficiency: 0.02,
      efficiencyYear: 2040,
    };
    const s = applySettings(preset, set, ctx);
    expect(s.levers.extra_efficiency).toEqual({
      rate: { dist: 'normal', mean: 0.02, sd: 0.004, min: 0.01, max: 0.04 },
      start_year: 2025,
      target_year: 2040,
    });
    expect(s.levers.electrification).toEqual(preset.levers.electrification);
    expect(s.levers.rooftop_pv).toEqual(preset.levers.rooftop_pv);
    expect(settingsFromScenario(s, ctx)).toEqual(set);
  });

  it('removes a lever set to zero and adds one the scenario lacked', () => {
    const preset = presetScenario('policy');
    const base = settingsFromScenario(preset, ctx);
    const s = applySettings(preset, { ...base, offsets: 0, ccus: 0.8, ccusYear: 2035 }, ctx);
    expect(s.levers.offsets).toBeUndefined();
    expect(s.levers.ccus).toEqual({
      targets: ['chp', 'process'],
      capture_rate: { dist: 'triangular', min: 0.6, mode: 0.8, max: 1 },
      start_year: 2035,
      target_year: 2040,
    });
  });

  it('writes moved PV as MW by 2030 and 2060', () => {
    const preset = presetScenario('bau');
    const s = applySettings(preset, { ...settingsFromScenario(preset, ctx), pv2030: 100, pv2060: 300 }, ctx);
    expect(s.levers.rooftop_pv?.capacity_mw).toEqual([
      { year: 2030, mw: 100 },
      { year: 2060, mw: 300 },
    ]);
    const back = settingsFromScenario(s, ctx);
    expect([back.pv2030, back.pv2060]).toEqual([100, 300]);
  });

  it('scales the grid path: faster speed, lower factors, never below zero', () => {
    const preset = presetScenario('bau');
    const s = applySettings(preset, { ...settingsFromScenario(preset, ctx), gridSpeed: 1.5 }, ctx);
    const g = s.drivers.grid_factor!;
    expect(g.y2030).toEqual({ dist: 'triangular', min: 0.3347, mode: 0.3947, max: 0.4697 });
    expect(g.y2060).toEqual({ dist: 'triangular', min: 0, mode: 0, max: 0 });
    const slow = applySettings(preset, { ...settingsFromScenario(preset, ctx), gridSpeed: 0.5 }, ctx);
    expect(slow.drivers.grid_factor!.y2060).toEqual({
      dist: 'triangular',
      min: 0.2653,
      mode: 0.2853,
      max: 0.3253,
    });
    expect(scaleGridDist(0.3, 0.5, 1)).toBe(0.3);
  });
});

describe('distribution helpers', () => {
  it('finds the centre and recentres within bounds', () => {
    expect(centre({ dist: 'triangular', min: 0.1, mode: 0.2, max: 0.3 })).toBe(0.2);
    expect(centre({ dist: 'uniform', min: 1, max: 3 })).toBe(2);
    expect(centre(0.4)).toBe(0.4);
    expect(recentre({ dist: 'triangular', min: 0.1, mode: 0.2, max: 0.3 }, 0.95, 0, 1)).toEqual({
      dist: 'triangular',
      min: 0.85,
      mode: 0.95,
      max: 1,
    });
    expect(recentre(1, 0.5, 0, 1)).toBe(0.5);
    expect(recentre(undefined, 0.4, 0, 1)).toEqual({ dist: 'triangular', min: 0.3, mode: 0.4, max: 0.5 });
  });

  it('snaps values to the slider step and range', () => {
    const eff = settingSpecs(ctx).find((s) => s.key === 'efficiency')!;
    expect(snap(eff, 0.01234)).toBe(0.012);
    expect(snap(eff, 9)).toBe(eff.max);
    const pv = settingSpecs(ctx).find((s) => s.key === 'pv2060')!;
    expect(pv.max).toBe(480); // twice the 240 MW unused rooftop potential
    const noRoofs = settingSpecs({ ...ctx, pvPotentialMw: 0 }).find((s) => s.key === 'pv2060')!;
    expect(noRoofs.max).toBe(500); // 0.1 MW per GWh of 5,000 GWh
  });
});
