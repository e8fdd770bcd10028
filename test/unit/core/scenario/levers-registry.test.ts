/**
 * The lever registry is wired everywhere: each lever defined in src/core/scenario/levers.ts reaches
 * the scenario schema, the compiled model, the kernel (and agrees with the reference implementation),
 * the settings round trip, the share link, the colours and the messages in both languages. A lever
 * defined but not wired into one of them fails here.
 */
import { describe, expect, it } from 'vitest';
import {
  applySettings,
  compileScenario,
  CONTROLS,
  controlContext,
  DRIVER_CONTROLS,
  LEVERS,
  presetScenario,
  referenceSimulate,
  SETTINGS,
  settingSpecs,
  settingsFromPairs,
  shiftGrowth,
  settingsFromScenario,
  simulateBlock,
  snap,
  type Scenario,
} from '../../../../src/core/scenario/index';
import { LEVER_COLORS } from '../../../../src/charts/pathways/lever-contributions';
import { en, zh } from '../../../../src/ui/i18n/messages';
import { decodeShare, encodeShare } from '../../../../src/ui/pages/pathways/share-link';
import { handBaseline } from './fixtures';

const baseline = handBaseline();
const ctx = controlContext(baseline);
const bau = (): Scenario => ({ ...presetScenario('bau'), dataset: 'hand' });

/** A setting halfway through its range (a year setting: its range's middle year). */
function midValue(key: string): number {
  const spec = settingSpecs(ctx).find((s) => s.key === key)!;
  return snap(spec, spec.min + (spec.max - spec.min) / 2);
}

/** BAU with one lever switched on through its settings, exactly as a slider would. */
function withLever(id: string): Scenario {
  const control = CONTROLS.find((c) => c.group === id)!;
  const set = settingsFromScenario(bau(), ctx);
  for (const s of control.settings) set[s.key] = midValue(s.key);
  return applySettings(bau(), set, ctx);
}

describe('the lever registry', () => {
  it('names every lever, setting and share-link parameter once', () => {
    const unique = (xs: readonly string[]) => expect(new Set(xs).size).toBe(xs.length);
    unique(LEVERS.map((l) => l.id));
    unique(LEVERS.map((l) => l.doc));
    unique(SETTINGS.map((s) => s.key));
    unique(SETTINGS.map((s) => s.url));
    unique(CONTROLS.map((c) => c.group));
    unique(LEVERS.map((l) => l.colour));
  });

  it('puts the gross-stage levers before the net-stage ones (the kernel evaluates them in that order)', () => {
    const stages = LEVERS.map((l) => l.stage);
    expect(stages.indexOf('net')).toBeGreaterThan(stages.lastIndexOf('gross'));
  });

  it('has a colour, a name, a group heading, a plain-language name and slider labels in both languages for every lever', () => {
    for (const l of LEVERS) {
      expect(LEVER_COLORS[l.doc]).toMatch(/^#[0-9A-F]{6}$/i);
      for (const dict of [zh, en] as Record<string, string>[]) {
        expect(dict[`path.leverName.${l.doc}`], l.doc).toBeTruthy();
      }
    }
    for (const c of CONTROLS) {
      for (const dict of [zh, en] as Record<string, string>[]) {
        expect(dict[`path.group.${c.group}`], c.group).toBeTruthy();
        expect(dict[`path.plain.${c.group}`], `${c.group} (workshop name)`).toBeTruthy();
        for (const s of c.settings) expect(dict[`path.lever.${s.key}`], s.key).toBeTruthy();
      }
    }
  });

  it('reads back every setting it writes', () => {
    for (const s of SETTINGS) {
      const set = settingsFromScenario(bau(), ctx);
      const control = CONTROLS.find((c) => c.group === s.group)!;
      for (const other of control.settings) set[other.key] = midValue(other.key);
      const back = settingsFromScenario(applySettings(bau(), set, ctx), ctx);
      expect(back[s.key], s.key).toBeCloseTo(set[s.key], 9);
    }
  });

  it('carries every setting through the share link', () => {
    const settings = settingsFromScenario(presetScenario('ambitious'), ctx);
    SETTINGS.forEach((s, i) => (settings[s.key] = midValue(s.key) + (s.format === 'year' ? 0 : i * 1e-3)));
    const decoded = decodeShare(
      encodeShare({ preset: 'ambitious', scope2: 'market', seed: 1, runs: 1000, settings }),
    );
    expect(decoded.settings).toEqual(settings);
  });

  for (const l of LEVERS) {
    it(`wires lever "${l.id}" (${l.doc}) into the compiled model and the kernel`, () => {
      const scenario = withLever(l.id);
      const model = compileScenario(scenario, baseline);
      expect(model.leverNames).toEqual([l.doc]);
      expect(model.leverPos[l.id]).toBe(1);
      const block = simulateBlock(model, 11, 0, 40, { precision: 'double' });
      const ref = referenceSimulate(model, 11, 0, 40);
      // The kernel agrees with the plain reference, so the lever's stage is in both.
      block.net.forEach((v, i) =>
        expect(Math.abs(v - ref.net[i])).toBeLessThanOrEqual(1e-9 * Math.abs(ref.net[i]) + 1e-6),
      );
      // And the lever does something on a park that has what it acts on.
      let total = 0;
      for (const v of block.leverContribution) total += Math.abs(v);
      expect(total, `${l.id} avoids nothing`).toBeGreaterThan(0);
      // Its contribution is the drop from BAU with the same draws (common random numbers).
      const none = simulateBlock(compileScenario(bau(), baseline), 11, 0, 40, { precision: 'double' });
      block.net.forEach((v, i) => expect(none.net[i] - v).toBeCloseTo(block.leverContribution[i], 6));
    });
  }

  it('applies CLI --lever pairs exactly as the sliders do, and names a bad one', () => {
    const base = presetScenario('policy');
    const { settings, problems } = settingsFromPairs(base, ['ccus=0.5', 'ccusYear=2040'], ctx);
    expect(problems).toEqual([]);
    const slider = settingsFromScenario(base, ctx);
    slider.ccus = 0.5;
    slider.ccusYear = 2040;
    expect(applySettings(base, settings, ctx)).toEqual(applySettings(base, slider, ctx));
    const bad = settingsFromPairs(base, ['nope=1', 'ccus=2', 'offsets=abc', 'ccusYear=2040.5'], ctx).problems;
    expect(bad.map((p) => p.text)).toEqual(['nope=1', 'ccus=2', 'offsets=abc', 'ccusYear=2040.5']);
    expect(bad[0].reason).toContain('unknown lever "nope"');
    expect(bad[1].reason).toContain('outside the range');
  });

  it('keeps driver controls apart from the pipeline', () => {
    for (const d of DRIVER_CONTROLS) expect(LEVERS.map((l) => l.id as string)).not.toContain(d.id);
    const set = settingsFromScenario(bau(), ctx);
    set.gridSpeed = 1.5;
    const faster = applySettings(bau(), set, ctx);
    expect(faster.levers).toEqual(bau().levers);
    expect(faster.drivers.grid_factor).toBeDefined();
  });

  it('labels every uncertain input with a structured id', () => {
    const model = compileScenario(presetScenario('ambitious'), baseline);
    expect(model.inputIds).toHaveLength(model.inputNames.length);
    model.inputIds.forEach((id, i) => {
      const name = model.inputNames[i];
      if (id.kind === 'lever') expect(name).toBe(`lever.${id.lever}.${id.param}`);
      else if (id.kind === 'growth') expect(name).toBe(`growth.${id.sector}.${id.phase}`);
      else expect(name.startsWith(id.kind === 'sink' ? 'sink' : id.kind)).toBe(true);
    });
  });

  it('shifts every growth rate by the same amount (defaults and sector overrides), or names what cannot be', () => {
    const base = presetScenario('policy');
    base.drivers.output_growth = {
      sectors: { chemicals: { to2040: { dist: 'triangular', min: 0, mode: 0.02, max: 0.04 } } },
    };
    const s = shiftGrowth(base, 0.01);
    const d = s.drivers.output_growth!;
    expect(d.default!.to2030).toMatchObject({ dist: 'normal', mean: 0.06, min: -0.09, max: 0.21 });
    expect(d.sectors!.chemicals.to2040).toEqual({ dist: 'triangular', min: 0.01, mode: 0.03, max: 0.05 });
    const model = compileScenario(s, baseline);
    const plain = compileScenario(base, baseline);
    expect(model.nSlots).toBe(plain.nSlots);
    base.drivers.output_growth = {
      default: { to2030: { dist: 'lognormal', median: 0.05, p95: 0.08 }, to2040: 0.03, to2060: 0.02 },
    };
    expect(() => shiftGrowth(base, 0.01)).toThrow('drivers.output_growth.default.to2030');
  });
});
