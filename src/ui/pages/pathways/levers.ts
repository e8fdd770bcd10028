/**
 * The Pathways page's levers: a flat set of numbers a planner moves with sliders, read from a scenario
 * (its central values) and written back onto it. A lever group left at the scenario's own value keeps
 * the scenario's definition untouched, so an unedited preset runs exactly as the CLI runs it; a moved
 * lever keeps the scenario's delivery uncertainty, re-centred on the new value (docs/model.md).
 */
import {
  capacityAt,
  pvCapacityPoints,
  rooftopPotentialMw,
  type ParkBaseline,
  DEFAULT_DRIVERS,
  LEVER_DEFAULTS,
  type DistInput,
  presetScenario,
  parseScenario,
  type Scenario,
} from '../../../core/scenario/index';
import { HEAVY_SECTORS, LIGHT_SECTORS } from '../../../core/scenario/presets/common';

export interface LeverSettings {
  /** Extra energy-efficiency gain, per year (0.01 = 1 %/yr), accrued until efficiencyYear. */
  efficiency: number;
  efficiencyYear: number;
  /** Share of heavy-industry output shifted to high-value sectors. */
  shift: number;
  /** Share of fossil heat electrified by electrificationYear. */
  electrification: number;
  electrificationYear: number;
  /** Added rooftop PV capacity, MW, by 2030 and by 2060. */
  pv2030: number;
  pv2060: number;
  /** Share of purchased electricity bought as green power by greenPowerYear. */
  greenPower: number;
  greenPowerYear: number;
  /** Speed of grid decarbonisation relative to the scenario's path (1 = as assumed). */
  gridSpeed: number;
  /** CCUS capture rate on the CHP plant and process CO2, from ccusYear. */
  ccus: number;
  ccusYear: number;
  /** Extra green space and wetland as a share of today's area. */
  greenSpace: number;
  wetland: number;
  /** Offsets allowed, as a share of gross emissions. */
  offsets: number;
}

export type LeverKey = keyof LeverSettings;
export type LeverGroup =
  'efficiency' | 'shift' | 'electrification' | 'pv' | 'greenPower' | 'grid' | 'ccus' | 'sinks' | 'offsets';
export type LeverFormat = 'pct' | 'year' | 'mw' | 'factor';

export interface LeverSpec {
  key: LeverKey;
  group: LeverGroup;
  min: number;
  max: number;
  step: number;
  format: LeverFormat;
}

/** What the levers need to know of the park: base year, electricity use, rooftop potential. */
export interface LeverContext {
  baseYear: number;
  /** Electricity use (grid + green + PV) in the base year, GWh. */
  demandGwh: number;
  /** Unused rooftop-PV potential, MWp (rooftopPotentialMw); 0 when the park has no rooftop data. */
  pvPotentialMw: number;
}

/** The lever context of a park baseline. */
export function leverContext(b: ParkBaseline): LeverContext {
  const nC = b.carriers.length;
  let demand = 0;
  for (const code of ['electricity', 'green_electricity', 'pv_electricity']) {
    const c = b.carriers.indexOf(code);
    if (c >= 0) for (let s = 0; s < b.sectors.length; s++) demand += b.activity[s * nC + c];
  }
  return { baseYear: b.year, demandGwh: demand / 100, pvPotentialMw: rooftopPotentialMw(b) }; // 10^4 kWh → GWh
}

export const LEVER_GROUPS: Record<LeverGroup, LeverKey[]> = {
  efficiency: ['efficiency', 'efficiencyYear'],
  shift: ['shift'],
  electrification: ['electrification', 'electrificationYear'],
  pv: ['pv2030', 'pv2060'],
  greenPower: ['greenPower', 'greenPowerYear'],
  grid: ['gridSpeed'],
  ccus: ['ccus', 'ccusYear'],
  sinks: ['greenSpace', 'wetland'],
  offsets: ['offsets'],
};

export const LEVER_KEYS = Object.values(LEVER_GROUPS).flat();

/**
 * Slider ranges. The PV range is twice the unused rooftop potential (room for car parks and façades),
 * at least 10 MW; without rooftop data, 0.1 MW per GWh of electricity use.
 */
export function leverSpecs(ctx: LeverContext): LeverSpec[] {
  const first = ctx.baseYear + 1;
  const pvRoom = ctx.pvPotentialMw > 0 ? 2 * ctx.pvPotentialMw : 0.1 * ctx.demandGwh;
  const pvStep = pvRoom > 500 ? 50 : 10;
  const pvMax = Math.max(10, Math.ceil(pvRoom / pvStep) * pvStep);
  const pct = (key: LeverKey, group: LeverGroup, max: number, step = 0.01): LeverSpec => ({
    key,
    group,
    min: 0,
    max,
    step,
    format: 'pct',
  });
  const yr = (key: LeverKey, group: LeverGroup, min = first, max = 2060): LeverSpec => ({
    key,
    group,
    min,
    max,
    step: 1,
    format: 'year',
  });
  return [
    pct('efficiency', 'efficiency', 0.05, 0.001),
    yr('efficiencyYear', 'efficiency'),
    pct('shift', 'shift', 0.3),
    pct('electrification', 'electrification', 1),
    yr('electrificationYear', 'electrification'),
    { key: 'pv2030', group: 'pv', min: 0, max: pvMax, step: 1, format: 'mw' },
    { key: 'pv2060', group: 'pv', min: 0, max: pvMax, step: 1, format: 'mw' },
    pct('greenPower', 'greenPower', 1),
    yr('greenPowerYear', 'greenPower'),
    { key: 'gridSpeed', group: 'grid', min: 0.5, max: 1.5, step: 0.05, format: 'factor' },
    pct('ccus', 'ccus', 0.95),
    yr('ccusYear', 'ccus', first, 2055),
    pct('greenSpace', 'sinks', 1),
    pct('wetland', 'sinks', 1),
    pct('offsets', 'offsets', 0.2, 0.005),
  ];
}

/** Number of decimals of a step (0.001 → 3). */
function decimals(step: number): number {
  const s = String(step);
  return s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
}

/** Rounds to the spec's step and clamps to its range (also the form values take in the URL). */
export function snap(spec: LeverSpec, value: number): number {
  const v = Math.min(spec.max, Math.max(spec.min, value));
  const r = Math.round(v / spec.step) * spec.step;
  return Number(r.toFixed(decimals(spec.step)));
}

/** Snaps every setting to its spec. */
export function snapSettings(settings: LeverSettings, ctx: LeverContext): LeverSettings {
  const out = { ...settings };
  for (const spec of leverSpecs(ctx)) out[spec.key] = snap(spec, settings[spec.key]);
  return out;
}

/** The central value of a distribution: fixed value, mode, mean or median. */
export function centre(d: DistInput | undefined): number | undefined {
  if (d === undefined || typeof d === 'number') return d;
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return d.mode;
    case 'normal':
      return d.mean;
    case 'lognormal':
      return d.median ?? d.mean;
  }
}

const tidy = (x: number) => Number(x.toFixed(9));

/**
 * The distribution `prev` moved so its centre is `value`, kept within [lo, hi]. A lever the scenario
 * did not have gets a triangular ±25 % delivery uncertainty; a fixed value stays fixed.
 */
export function recentre(prev: DistInput | undefined, value: number, lo: number, hi: number): DistInput {
  const clamp = (x: number) => tidy(Math.min(hi, Math.max(lo, x)));
  if (prev === undefined) {
    return { dist: 'triangular', min: clamp(value * 0.75), mode: clamp(value), max: clamp(value * 1.25) };
  }
  if (typeof prev === 'number' || prev.dist === 'fixed' || prev.dist === 'lognormal') return clamp(value);
  const delta = value - (centre(prev) as number);
  switch (prev.dist) {
    case 'uniform':
      return { dist: 'uniform', min: clamp(prev.min + delta), max: clamp(prev.max + delta) };
    case 'triangular':
      return {
        dist: 'triangular',
        min: clamp(prev.min + delta),
        mode: clamp(value),
        max: clamp(prev.max + delta),
      };
    case 'normal':
      return {
        dist: 'normal',
        mean: clamp(value),
        sd: prev.sd,
        min: clamp((prev.min ?? lo) + delta),
        max: clamp((prev.max ?? hi) + delta),
      };
  }
}

/** The grid-factor distribution with its decline from `base` scaled by `speed`, floored at 0. */
export function scaleGridDist(d: DistInput, base: number, speed: number): DistInput {
  const f = (p: number) => tidy(Math.max(0, base - speed * (base - p)));
  if (typeof d === 'number') return f(d);
  switch (d.dist) {
    case 'fixed':
      return f(d.value);
    case 'uniform':
      return { dist: 'uniform', min: f(d.min), max: f(d.max) };
    case 'triangular':
      return { dist: 'triangular', min: f(d.min), mode: f(d.mode), max: f(d.max) };
    case 'normal':
      return {
        dist: 'normal',
        mean: f(d.mean),
        sd: tidy(d.sd * speed),
        min: f(d.min ?? 0),
        max: f(d.max ?? 2),
      };
    case 'lognormal':
      return d;
  }
}

function pvPoints(s: Scenario, ctx: LeverContext): { year: number; mw: number }[] | null {
  const pv = s.levers.rooftop_pv;
  return pv ? pvCapacityPoints(pv, ctx.demandGwh, ctx.pvPotentialMw) : null;
}

/** The lever settings a scenario implies (central values), snapped to the sliders' steps. */
export function settingsFromScenario(s: Scenario, ctx: LeverContext): LeverSettings {
  const lv = s.levers;
  const pts = pvPoints(s, ctx);
  const raw: LeverSettings = {
    efficiency: lv.extra_efficiency ? (centre(lv.extra_efficiency.rate) ?? 0) : 0,
    efficiencyYear: lv.extra_efficiency?.target_year ?? 2035,
    shift: lv.structural_shift ? (centre(lv.structural_shift.share) ?? 0) : 0,
    electrification: lv.electrification ? (centre(lv.electrification.share) ?? 0) : 0,
    electrificationYear: lv.electrification?.target_year ?? 2035,
    pv2030: pts ? capacityAt(2030, ctx.baseYear, pts) : 0,
    pv2060: pts ? capacityAt(2060, ctx.baseYear, pts) : 0,
    greenPower: lv.green_power ? (centre(lv.green_power.share) ?? 0) : 0,
    greenPowerYear: lv.green_power?.target_year ?? 2030,
    gridSpeed: 1,
    ccus: lv.ccus ? (centre(lv.ccus.capture_rate) ?? 0) : 0,
    ccusYear: lv.ccus?.start_year ?? 2035,
    greenSpace: lv.sinks?.extra_green_space_share ?? 0,
    wetland: lv.sinks?.extra_wetland_share ?? 0,
    offsets: lv.offsets ? (lv.offsets.cap_share ?? LEVER_DEFAULTS.offset_cap_share.value) : 0,
  };
  return snapSettings(raw, ctx);
}

/**
 * The scenario with the settings applied, validated. Groups equal to the scenario's own settings are
 * left as they are; a lever set to zero is removed.
 */
export function applySettings(base: Scenario, settings: LeverSettings, ctx: LeverContext): Scenario {
  const own = settingsFromScenario(base, ctx);
  const set = snapSettings(settings, ctx);
  const s = structuredClone(base);
  const lv = s.levers;
  const first = Math.max(ctx.baseYear + 1, 2025);
  const changed = (g: LeverGroup) => LEVER_GROUPS[g].some((k) => own[k] !== set[k]);
  const policy = presetScenario('policy').levers;

  if (changed('efficiency')) {
    const prev = lv.extra_efficiency;
    const start = prev?.start_year ?? first;
    if (set.efficiency <= 0) delete lv.extra_efficiency;
    else
      lv.extra_efficiency = {
        ...prev,
        rate: recentre(prev?.rate, set.efficiency, -0.1, 0.3),
        start_year: start,
        target_year: Math.max(start, set.efficiencyYear),
      };
  }
  if (changed('shift')) {
    const prev = lv.structural_shift;
    if (set.shift <= 0) delete lv.structural_shift;
    else
      lv.structural_shift = {
        from: prev?.from ?? [...HEAVY_SECTORS],
        to: prev?.to ?? [...LIGHT_SECTORS],
        share: recentre(prev?.share, set.shift, 0, 1),
        start_year: prev?.start_year ?? first,
        target_year: prev?.target_year ?? Math.max(first, 2035),
      };
  }
  if (changed('electrification')) {
    const prev = lv.electrification;
    const start = prev?.start_year ?? first;
    if (set.electrification <= 0) delete lv.electrification;
    else
      lv.electrification = {
        ...prev,
        share: recentre(prev?.share, set.electrification, 0, 1),
        cop: prev?.cop ?? policy.electrification!.cop,
        start_year: start,
        target_year: Math.max(start, set.electrificationYear),
      };
  }
  if (changed('pv')) {
    const prev = lv.rooftop_pv;
    if (set.pv2030 <= 0 && set.pv2060 <= 0) delete lv.rooftop_pv;
    else
      lv.rooftop_pv = {
        capacity_mw: [
          ...(ctx.baseYear < 2030 ? [{ year: 2030, mw: set.pv2030 }] : []),
          { year: 2060, mw: set.pv2060 },
        ],
        delivery: prev?.delivery ?? policy.rooftop_pv!.delivery,
      };
  }
  if (changed('greenPower')) {
    const prev = lv.green_power;
    const start = prev?.start_year ?? first;
    if (set.greenPower <= 0) delete lv.green_power;
    else
      lv.green_power = {
        share: recentre(prev?.share, set.greenPower, 0, 1),
        start_year: start,
        target_year: Math.max(start, set.greenPowerYear),
      };
  }
  if (changed('grid')) {
    const prev = s.drivers.grid_factor;
    const def = DEFAULT_DRIVERS.grid_factor.value;
    const base = prev?.base ?? def.base;
    s.drivers.grid_factor = {
      ...prev,
      y2030: scaleGridDist(prev?.y2030 ?? def.y2030, base, set.gridSpeed),
      y2045: scaleGridDist(prev?.y2045 ?? def.y2045, base, set.gridSpeed),
      y2060: scaleGridDist(prev?.y2060 ?? def.y2060, base, set.gridSpeed),
    };
  }
  if (changed('ccus')) {
    const prev = lv.ccus;
    const span = prev ? prev.target_year - prev.start_year : 5;
    if (set.ccus <= 0) delete lv.ccus;
    else
      lv.ccus = {
        targets: prev?.targets ?? ['chp', 'process'],
        capture_rate: recentre(prev?.capture_rate, set.ccus, 0, 1),
        start_year: set.ccusYear,
        target_year: Math.min(2100, set.ccusYear + span),
      };
  }
  if (changed('sinks')) {
    const prev = lv.sinks;
    if (set.greenSpace <= 0 && set.wetland <= 0 && !prev?.extra_green_space_ha && !prev?.extra_wetland_ha) {
      delete lv.sinks;
    } else
      lv.sinks = {
        ...prev,
        extra_green_space_share: set.greenSpace,
        extra_wetland_share: set.wetland,
        start_year: prev?.start_year ?? first,
        target_year: prev?.target_year ?? Math.max(first, 2035),
      };
  }
  if (changed('offsets')) {
    const prev = lv.offsets;
    if (set.offsets <= 0) delete lv.offsets;
    else
      lv.offsets = {
        ...prev,
        cap_share: set.offsets,
        start_year: prev?.start_year ?? Math.max(first, 2030),
        target_year: prev?.target_year ?? Math.max(first, 2030),
      };
  }

  const parsed = parseScenario(s);
  if (!parsed.ok)
    throw new Error(`The lever settings make an invalid scenario:\n${parsed.errors.join('\n')}`);
  return parsed.scenario;
}
