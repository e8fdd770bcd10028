/**
 * The lever registry: every policy lever defined once, in pipeline order, and everything else derived
 * from it — the scenario document's `levers` schema (schema.ts), the compiled parameters the kernel
 * reads (compile.ts → CompiledModel.lever), the pipeline positions, the Pathways sliders, the share
 * link's parameters, the CLI's `--lever KEY=VALUE`, the message keys and the chart colours.
 *
 * A lever has two names: its `id` (the public vocabulary of the page, share links and the CLI — e.g.
 * `shift`) and its `doc` key (its field in scenario documents and the summary's lever names — e.g.
 * `structural_shift`; both formats are public, so neither can be renamed). Each slider value of a
 * lever is a *setting* (`efficiency`, `efficiencyYear`, …) with its own key, URL parameter and range.
 *
 * Drivers — uncertain inputs the planner can steer, such as the grid's decarbonisation speed — get the
 * same treatment in DRIVER_CONTROLS, apart from levers (they are not in the pipeline).
 *
 * How to add a lever: docs/architecture.md ("Add a lever").
 */
import type { CostKey } from './costs';
import * as v from 'valibot';
import { CARRIERS } from '../carriers';
import { GJ_PER_TCE } from '../units';
import { pvCapacityPoints, rooftopPotentialMw as rooftopPotential, type ParkBaseline } from './baseline';
import { DEFAULT_DRIVERS, LEVER_DEFAULTS } from './defaults';
import { distSchema, type DistInput } from './distribution';
import { HEAVY_SECTORS, LIGHT_SECTORS } from './presets/common';
import {
  areaHa,
  capacityMw,
  codes,
  num,
  plainObject,
  shareOfArea,
  share,
  tonnes,
  withRamp,
  year,
} from './schema-parts';
import { capacityAt } from './timeline';
import type { Scenario } from './schema';

// ---------------------------------------------------------------------------------------------------
// Settings (slider values) and their context

/** What the settings need to know of the park: base year, electricity use, rooftop potential. */
export interface ControlContext {
  baseYear: number;
  /** Electricity use (grid + green + PV) in the base year, GWh. */
  demandGwh: number;
  /** Unused rooftop-PV potential, MWp (baseline.ts rooftopPotentialMw); 0 without rooftop data. */
  pvPotentialMw: number;
}

export type SettingFormat = 'pct' | 'year' | 'mw' | 'factor';

export interface SettingRange {
  min: number;
  max: number;
  step: number;
}

export interface SettingDef<K extends string = string> {
  key: K;
  /** Short name in share links (public: old links must keep working). */
  url: string;
  format: SettingFormat;
  range(ctx: ControlContext): SettingRange;
}

/** A slider: a setting with its range on one park, and the lever or driver group it belongs to. */
export interface SettingSpec extends SettingRange {
  key: SettingKey;
  group: ControlGroup;
  format: SettingFormat;
}

const firstYear = (ctx: ControlContext) => ctx.baseYear + 1;

function pct<K extends string>(key: K, url: string, max: number, step = 0.01): SettingDef<K> {
  return { key, url, format: 'pct', range: () => ({ min: 0, max, step }) };
}

function yr<K extends string>(key: K, url: string, max = 2060): SettingDef<K> {
  return { key, url, format: 'year', range: (ctx) => ({ min: firstYear(ctx), max, step: 1 }) };
}

/**
 * The PV range is twice the unused rooftop potential (room for car parks and façades), at least 10 MW;
 * without rooftop data, 0.1 MW per GWh of electricity use (judgement).
 */
function pvRange(ctx: ControlContext): SettingRange {
  const room = ctx.pvPotentialMw > 0 ? 2 * ctx.pvPotentialMw : 0.1 * ctx.demandGwh;
  const step = room > 500 ? 50 : 10;
  return { min: 0, max: Math.max(10, Math.ceil(room / step) * step), step: 1 };
}

// ---------------------------------------------------------------------------------------------------
// Distribution helpers the settings use

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
 * did not have gets a triangular ±25 % delivery uncertainty (judgement); a fixed value stays fixed.
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

// ---------------------------------------------------------------------------------------------------
// Compilation context: what a lever's compile step may use (compile.ts provides it)

/** A structured id of a model input (no string parsing needed to label it). */
export type InputId =
  | { kind: 'growth'; sector: string; phase: string }
  | { kind: 'intensity'; sector: string }
  | { kind: 'electricity_drift' }
  | { kind: 'grid'; knot: string }
  | { kind: 'pv_yield' }
  | { kind: 'chp'; param: 'efficiency_gain' | 'efficiency_max' }
  | { kind: 'inventory'; param: 'activity' | 'factors' }
  | { kind: 'sink'; area: 'green_space' | 'wetland' }
  | { kind: 'lever'; lever: LeverDoc; param: string }
  | { kind: 'cost'; param: CostKey };

export interface CompileContext {
  baseline: ParkBaseline;
  years: Int32Array;
  sectors: readonly string[];
  carriers: readonly string[];
  /** Index of the CHP sector (the dataset's sector of kind 'chp'), −1 when absent. */
  chpS: number;
  /** Electricity use (grid + green + PV) in the base year, GWh. */
  demandGwh: number;
  warnings: string[];
  /** A parameter slot `lever.<doc>.<param>` of this lever: one uniform drawn per run. */
  param(name: string, d: DistInput): number;
  /** 1 for each sector named (all when `codes` is undefined), never the CHP plant; unknown codes warned and ignored. */
  sectorMask(codes: readonly string[] | undefined, path: string): Uint8Array;
  /** Index of a carrier, −1 when the dataset does not use it. */
  carrier(code: string): number;
}

/** Which part of the pipeline a lever acts on (docs/model.md): the gross park, or net emissions. */
export type LeverStage = 'gross' | 'net';

interface LeverDef<Id extends string, Doc extends string, S extends v.GenericSchema, K extends string, C> {
  id: Id;
  doc: Doc;
  stage: LeverStage;
  /** Colour in charts (colour-blind-safe palette, src/charts/theme.ts). */
  colour: string;
  schema: S;
  settings: readonly SettingDef<K>[];
  /** The settings a scenario's lever implies (central values); `undefined` = lever absent. */
  read(lever: v.InferOutput<S> | undefined, ctx: ControlContext): Record<K, number>;
  /** The lever with the settings applied to `prev`; `undefined` removes the lever. */
  write(
    prev: v.InferOutput<S> | undefined,
    set: Record<K, number>,
    ctx: ControlContext,
  ): v.InferOutput<S> | undefined;
  /** The lever's compiled parameters (also when the scenario has no such lever: neutral values). */
  compile(lever: v.InferOutput<S> | undefined, cx: CompileContext): C;
}

function lever<Id extends string, Doc extends string, S extends v.GenericSchema, K extends string, C>(
  def: LeverDef<Id, Doc, S, K, C>,
): LeverDef<Id, Doc, S, K, C> {
  return def;
}

/** First year a new programme can start: the year after the data, not before 2025. */
const programmeStart = (ctx: ControlContext) => Math.max(ctx.baseYear + 1, 2025);

// ---------------------------------------------------------------------------------------------------
// The levers, in pipeline order: each acts on the state the previous ones left (docs/model.md §3).

const shift = lever({
  id: 'shift',
  doc: 'structural_shift',
  stage: 'gross',
  colour: '#882255',
  schema: withRamp({ from: codes, to: codes, share }),
  settings: [pct('shift', 'shift', 0.3)],
  read: (l) => ({ shift: l ? (centre(l.share) ?? 0) : 0 }),
  write: (prev, set, ctx) => {
    if (set.shift <= 0) return undefined;
    const first = programmeStart(ctx);
    return {
      from: prev?.from ?? [...HEAVY_SECTORS],
      to: prev?.to ?? [...LIGHT_SECTORS],
      share: recentre(prev?.share, set.shift, 0, 1),
      start_year: prev?.start_year ?? first,
      target_year: prev?.target_year ?? Math.max(first, 2035),
    };
  },
  compile: (l, cx) => {
    const slot = l ? cx.param('share', l.share) : -1;
    const from = cx.sectorMask(l ? l.from : [], 'levers.structural_shift.from');
    const to = cx.sectorMask(l ? l.to : [], 'levers.structural_shift.to');
    for (let s = 0; s < from.length; s++) {
      if (from[s] && to[s]) throw new Error(`levers.structural_shift.to: "${cx.sectors[s]}" is also in from`);
    }
    return { slot, from, to };
  },
});

const efficiency = lever({
  id: 'efficiency',
  doc: 'extra_efficiency',
  stage: 'gross',
  colour: '#0072B2',
  schema: withRamp({ rate: distSchema(-0.1, 0.3), sectors: v.optional(codes) }),
  settings: [pct('efficiency', 'eff', 0.05, 0.001), yr('efficiencyYear', 'effY')],
  read: (l) => ({
    efficiency: l ? (centre(l.rate) ?? 0) : 0,
    efficiencyYear: l?.target_year ?? 2035,
  }),
  write: (prev, set, ctx) => {
    if (set.efficiency <= 0) return undefined;
    const start = prev?.start_year ?? programmeStart(ctx);
    return {
      ...prev,
      rate: recentre(prev?.rate, set.efficiency, -0.1, 0.3),
      start_year: start,
      target_year: Math.max(start, set.efficiencyYear),
    };
  },
  compile: (l, cx) => ({
    slot: l ? cx.param('rate', l.rate) : -1,
    // Not the CHP plant: its efficiency is bounded by physics and modelled apart (drivers.chp_efficiency).
    mask: l ? cx.sectorMask(l.sectors, 'levers.extra_efficiency.sectors') : new Uint8Array(cx.sectors.length),
    /** Years of extra efficiency accrued by each year. */
    years: Float64Array.from(cx.years, (t) =>
      l ? Math.min(Math.max(t - l.start_year + 1, 0), l.target_year - l.start_year + 1) : 0,
    ),
  }),
});

const coalToGas = lever({
  id: 'coalToGas',
  doc: 'coal_to_gas',
  stage: 'gross',
  colour: '#3B3B3B',
  schema: withRamp({ share, gas_per_coal_tce: v.optional(v.pipe(num, v.gtValue(0), v.maxValue(2))) }),
  settings: [pct('coalToGas', 'c2g', 1), yr('coalToGasYear', 'c2gY')],
  read: (l) => ({
    coalToGas: l ? (centre(l.share) ?? 0) : 0,
    coalToGasYear: l?.target_year ?? 2030,
  }),
  write: (prev, set, ctx) => {
    if (set.coalToGas <= 0) return undefined;
    const start = prev?.start_year ?? programmeStart(ctx);
    return {
      ...prev,
      share: recentre(prev?.share, set.coalToGas, 0, 1),
      start_year: start,
      target_year: Math.max(start, set.coalToGasYear),
    };
  },
  compile: (l, cx) => {
    const slot = l ? cx.param('share', l.share) : -1;
    const coalC = cx.carrier('raw_coal');
    const gasC = cx.carrier('natural_gas');
    if (l && coalC < 0) cx.warnings.push('levers.coal_to_gas: the dataset uses no raw coal; no effect.');
    const tce = cx.baseline.tcePerUnit;
    /** Units of gas per unit of coal replaced. */
    const gasPerCoal =
      coalC >= 0 && gasC >= 0 && tce[gasC] > 0
        ? (tce[coalC] / tce[gasC]) * (l?.gas_per_coal_tce ?? LEVER_DEFAULTS.gas_per_coal_tce.value)
        : 0;
    return { slot, gasPerCoal };
  },
});

/** Carriers electrification can replace: fuels burnt for heat, and bought heat. */
const ELECTRIFIABLE = CARRIERS.filter(
  (c) => c.kind === 'fossil' || c.kind === 'heat' || c.kind === 'biomass',
).map((c) => c.code);

const electrification = lever({
  id: 'electrification',
  doc: 'electrification',
  stage: 'gross',
  colour: '#E69F00',
  schema: withRamp({
    share,
    cop: distSchema(0.5, 10),
    carriers: v.optional(v.pipe(v.array(v.picklist(ELECTRIFIABLE)), v.minLength(1))),
    boiler_efficiency: v.optional(v.pipe(num, v.gtValue(0), v.maxValue(1))),
  }),
  settings: [pct('electrification', 'el', 1), yr('electrificationYear', 'elY')],
  read: (l) => ({
    electrification: l ? (centre(l.share) ?? 0) : 0,
    electrificationYear: l?.target_year ?? 2035,
  }),
  write: (prev, set, ctx) => {
    if (set.electrification <= 0) return undefined;
    const start = prev?.start_year ?? programmeStart(ctx);
    return {
      ...prev,
      share: recentre(prev?.share, set.electrification, 0, 1),
      cop: prev?.cop ?? LEVER_DEFAULTS.electrification_cop.value,
      start_year: start,
      target_year: Math.max(start, set.electrificationYear),
    };
  },
  compile: (l, cx) => {
    const shareSlot = l ? cx.param('share', l.share) : -1;
    const copSlot = l ? cx.param('cop', l.cop) : -1;
    const chosen = new Set<string>(l?.carriers ?? LEVER_DEFAULTS.electrification_carriers.value);
    const boilerEff = l?.boiler_efficiency ?? LEVER_DEFAULTS.boiler_efficiency.value;
    const b = cx.baseline;
    /** 1 for carriers the lever replaces. */
    const carriers = Uint8Array.from(cx.carriers, (c) => (l && chosen.has(c) ? 1 : 0));
    /** Useful heat (GJ) per unit of a replaced carrier. */
    const usefulGj = Float64Array.from(cx.carriers, (_, i) => {
      if (!carriers[i]) return 0;
      if (b.kinds[i] === 'heat') return 1; // canonical unit GJ
      return Math.abs(b.tcePerUnit[i]) * GJ_PER_TCE * boilerEff;
    });
    return { shareSlot, copSlot, carriers, usefulGj };
  },
});

/**
 * The park CHP plant's future (docs/model.md §4): keep it, or retire a share of it (by `target_year`,
 * ramped from `start_year`) and make the steam the park still buys with electric boilers / heat pumps
 * (`electric_share`, at `cop`) and biomass boilers (the rest, at `biomass_efficiency`).
 */
const chp = lever({
  id: 'chp',
  doc: 'chp_strategy',
  stage: 'gross',
  colour: '#CC6677',
  schema: withRamp({
    retire_share: share,
    electric_share: v.optional(v.pipe(num, v.minValue(0), v.maxValue(1))),
    cop: v.optional(distSchema(0.9, 6)),
    biomass_efficiency: v.optional(distSchema(0.3, 1)),
  }),
  settings: [pct('chpRetire', 'chp', 1), yr('chpYear', 'chpY'), pct('chpElectric', 'chpE', 1)],
  read: (l) => ({
    chpRetire: l ? (centre(l.retire_share) ?? 0) : 0,
    chpYear: l?.target_year ?? 2035,
    chpElectric: l ? (l.electric_share ?? 1) : 1,
  }),
  write: (prev, set, ctx) => {
    if (set.chpRetire <= 0) return undefined;
    const span = prev ? prev.target_year - prev.start_year : 0;
    const target = Math.max(programmeStart(ctx), set.chpYear);
    return {
      ...prev,
      retire_share: recentre(prev?.retire_share, set.chpRetire, 0, 1),
      electric_share: set.chpElectric,
      start_year: Math.max(programmeStart(ctx), target - span),
      target_year: target,
    };
  },
  compile: (l, cx) => {
    if (l && cx.chpS < 0)
      cx.warnings.push('levers.chp_strategy: the dataset has no CHP plant; the lever does nothing.');
    const on = !!l && cx.chpS >= 0;
    return {
      retireSlot: on ? cx.param('retire_share', l.retire_share) : -1,
      copSlot: on ? cx.param('cop', l.cop ?? LEVER_DEFAULTS.chp_cop.value) : -1,
      biomassSlot: on
        ? cx.param('biomass_efficiency', l.biomass_efficiency ?? LEVER_DEFAULTS.chp_biomass_efficiency.value)
        : -1,
      electricShare: on ? (l.electric_share ?? 1) : 0,
    };
  },
});

const pv = lever({
  id: 'pv',
  doc: 'rooftop_pv',
  stage: 'gross',
  colour: '#C9B200',
  schema: v.pipe(
    plainObject({
      /** Added capacity in MW at given years (linear between points, held after the last). */
      capacity_mw: v.optional(pvPoints()),
      /** The same, in MW per GWh of base-year electricity use: scales with the park. */
      capacity_mw_per_gwh: v.optional(pvPoints()),
      /**
       * The same, as a share of the park's unused rooftop potential (presets): the enterprises without
       * PV, each taking the average array of those with PV (baseline.ts `rooftopPotentialMw`).
       */
      potential_share: v.optional(pvSharePoints()),
      delivery: v.optional(distSchema(0, 2)),
    }),
    v.check(
      (p) =>
        [p.capacity_mw, p.capacity_mw_per_gwh, p.potential_share].filter((x) => x !== undefined).length === 1,
      'give exactly one of capacity_mw, capacity_mw_per_gwh and potential_share',
    ),
  ),
  settings: [
    { key: 'pv2030', url: 'pv30', format: 'mw', range: pvRange },
    { key: 'pv2060', url: 'pv60', format: 'mw', range: pvRange },
  ],
  read: (l, ctx) => {
    const pts = l ? pvCapacityPoints(l, ctx.demandGwh, ctx.pvPotentialMw) : null;
    return {
      pv2030: pts ? capacityAt(2030, ctx.baseYear, pts) : 0,
      pv2060: pts ? capacityAt(2060, ctx.baseYear, pts) : 0,
    };
  },
  write: (prev, set, ctx) => {
    if (set.pv2030 <= 0 && set.pv2060 <= 0) return undefined;
    return {
      capacity_mw: [
        ...(ctx.baseYear < 2030 ? [{ year: 2030, mw: set.pv2030 }] : []),
        { year: 2060, mw: set.pv2060 },
      ],
      delivery: prev?.delivery ?? LEVER_DEFAULTS.pv_delivery.value,
    };
  },
  compile: (l, cx) => {
    const deliverySlot = l ? cx.param('delivery', l.delivery ?? 1) : -1;
    const b = cx.baseline;
    if (l?.potential_share && !b.rooftop)
      cx.warnings.push('levers.rooftop_pv: the park has no rooftop data; potential_share adds nothing.');
    const points = l ? pvCapacityPoints(l, cx.demandGwh, rooftopPotential(b)) : [];
    /** Planned added PV capacity, MW, per year. */
    const capacityMw = Float64Array.from(cx.years, (t) => (l ? capacityAt(t, b.year, points) : 0));
    return { deliverySlot, capacityMw };
  },
});

const greenPower = lever({
  id: 'greenPower',
  doc: 'green_power',
  stage: 'gross',
  colour: '#009E73',
  schema: withRamp({ share }),
  settings: [pct('greenPower', 'gp', 1), yr('greenPowerYear', 'gpY')],
  read: (l) => ({
    greenPower: l ? (centre(l.share) ?? 0) : 0,
    greenPowerYear: l?.target_year ?? 2030,
  }),
  write: (prev, set, ctx) => {
    if (set.greenPower <= 0) return undefined;
    const start = prev?.start_year ?? programmeStart(ctx);
    return {
      share: recentre(prev?.share, set.greenPower, 0, 1),
      start_year: start,
      target_year: Math.max(start, set.greenPowerYear),
    };
  },
  compile: (l, cx) => ({ slot: l ? cx.param('share', l.share) : -1 }),
});

const ccus = lever({
  id: 'ccus',
  doc: 'ccus',
  stage: 'net',
  colour: '#332288',
  schema: withRamp({
    targets: v.pipe(v.array(v.picklist(['chp', 'process'])), v.minLength(1)),
    capture_rate: share,
  }),
  settings: [pct('ccus', 'ccus', 0.95), yr('ccusYear', 'ccusY', 2055)],
  read: (l) => ({
    ccus: l ? (centre(l.capture_rate) ?? 0) : 0,
    ccusYear: l?.start_year ?? 2035,
  }),
  write: (prev, set) => {
    if (set.ccus <= 0) return undefined;
    const span = prev ? prev.target_year - prev.start_year : 5;
    return {
      targets: prev?.targets ?? ['chp', 'process'],
      capture_rate: recentre(prev?.capture_rate, set.ccus, 0, 1),
      start_year: set.ccusYear,
      target_year: Math.min(2100, set.ccusYear + span),
    };
  },
  compile: (l, cx) => {
    const slot = l ? cx.param('capture_rate', l.capture_rate) : -1;
    const chp = !!l?.targets.includes('chp');
    if (chp && cx.chpS < 0)
      cx.warnings.push('levers.ccus: the dataset has no CHP plant; only process CO2 captured.');
    return { slot, chp, process: !!l?.targets.includes('process') };
  },
});

const sinks = lever({
  id: 'sinks',
  doc: 'sinks',
  stage: 'net',
  colour: '#117733',
  schema: withRamp({
    /** Extra area in ha, or as a share of the dataset's existing area (presets use shares). */
    extra_green_space_ha: v.optional(areaHa),
    extra_wetland_ha: v.optional(areaHa),
    extra_green_space_share: v.optional(shareOfArea),
    extra_wetland_share: v.optional(shareOfArea),
  }),
  settings: [pct('greenSpace', 'gs', 1), pct('wetland', 'wl', 1)],
  read: (l) => ({
    greenSpace: l?.extra_green_space_share ?? 0,
    wetland: l?.extra_wetland_share ?? 0,
  }),
  write: (prev, set, ctx) => {
    if (set.greenSpace <= 0 && set.wetland <= 0 && !prev?.extra_green_space_ha && !prev?.extra_wetland_ha)
      return undefined;
    const first = programmeStart(ctx);
    return {
      ...prev,
      extra_green_space_share: set.greenSpace,
      extra_wetland_share: set.wetland,
      start_year: prev?.start_year ?? first,
      target_year: prev?.target_year ?? Math.max(first, 2035),
    };
  },
  compile: (l, cx) => {
    const b = cx.baseline;
    return {
      greenSpaceHa: l ? (l.extra_green_space_ha ?? 0) + (l.extra_green_space_share ?? 0) * b.greenSpaceHa : 0,
      wetlandHa: l ? (l.extra_wetland_ha ?? 0) + (l.extra_wetland_share ?? 0) * b.wetlandHa : 0,
    };
  },
});

const offsets = lever({
  id: 'offsets',
  doc: 'offsets',
  stage: 'net',
  colour: '#7F7F7F',
  schema: withRamp({
    cap_share: v.optional(v.pipe(num, v.minValue(0), v.maxValue(1))),
    max_tco2: v.optional(tonnes),
  }),
  settings: [pct('offsets', 'off', 0.2, 0.005)],
  read: (l) => ({ offsets: l ? (l.cap_share ?? LEVER_DEFAULTS.offset_cap_share.value) : 0 }),
  write: (prev, set, ctx) => {
    if (set.offsets <= 0) return undefined;
    const first = programmeStart(ctx);
    return {
      ...prev,
      cap_share: set.offsets,
      start_year: prev?.start_year ?? Math.max(first, 2030),
      target_year: prev?.target_year ?? Math.max(first, 2030),
    };
  },
  compile: (l) => ({
    capShare: l ? (l.cap_share ?? LEVER_DEFAULTS.offset_cap_share.value) : 0,
    maxTco2: l?.max_tco2 ?? Infinity,
  }),
});

/** Every lever, in pipeline order. */
export const LEVERS = [
  shift,
  efficiency,
  coalToGas,
  electrification,
  chp,
  pv,
  greenPower,
  ccus,
  sinks,
  offsets,
] as const;

type AnyLever = (typeof LEVERS)[number];
export type LeverId = AnyLever['id'];
/** A lever's key in scenario documents and summaries. */
export type LeverDoc = AnyLever['doc'];

/** The compiled parameters of every lever, by id (CompiledModel.lever). */
export type CompiledLevers = { [L in AnyLever as L['id']]: ReturnType<L['compile']> };

/** The lever whose document key is `doc`. */
export function leverOfDoc(doc: string): AnyLever | undefined {
  return LEVERS.find((l) => l.doc === doc);
}

// ---------------------------------------------------------------------------------------------------
// Driver controls: uncertain inputs the planner can steer (not in the pipeline)

interface DriverControlDef<Id extends string, K extends string> {
  id: Id;
  settings: readonly SettingDef<K>[];
  read(s: Scenario, ctx: ControlContext): Record<K, number>;
  /** Applies the settings to a (cloned) scenario in place. */
  write(s: Scenario, set: Record<K, number>, ctx: ControlContext): void;
}

function driverControl<Id extends string, K extends string>(
  def: DriverControlDef<Id, K>,
): DriverControlDef<Id, K> {
  return def;
}

const grid = driverControl({
  id: 'grid',
  settings: [
    {
      key: 'gridSpeed',
      url: 'grid',
      format: 'factor',
      range: () => ({ min: 0.5, max: 1.5, step: 0.05 }),
    },
  ],
  // A scenario's own grid path is speed 1 by definition.
  read: () => ({ gridSpeed: 1 }),
  write: (s, set) => {
    const prev = s.drivers.grid_factor;
    const def = DEFAULT_DRIVERS.grid_factor.value;
    const base = prev?.base ?? def.base;
    s.drivers.grid_factor = {
      ...prev,
      y2030: scaleGridDist(prev?.y2030 ?? def.y2030, base, set.gridSpeed),
      y2045: scaleGridDist(prev?.y2045 ?? def.y2045, base, set.gridSpeed),
      y2060: scaleGridDist(prev?.y2060 ?? def.y2060, base, set.gridSpeed),
    };
  },
});

/** Every driver control. */
export const DRIVER_CONTROLS = [grid] as const;
type AnyDriverControl = (typeof DRIVER_CONTROLS)[number];

// ---------------------------------------------------------------------------------------------------
// Derived: all controls (levers and drivers) as the page, the share link and the CLI see them

/** A group of sliders on the page: a lever or a driver control. */
export type ControlGroup = LeverId | AnyDriverControl['id'];
/** A slider value's key (the public vocabulary: page, share link, CLI `--lever`). */
export type SettingKey = AnyLever['settings'][number]['key'] | AnyDriverControl['settings'][number]['key'];
export type LeverSettings = Record<SettingKey, number>;

interface Control {
  group: ControlGroup;
  settings: readonly SettingDef<SettingKey>[];
  read(s: Scenario, ctx: ControlContext): Partial<LeverSettings>;
  write(s: Scenario, set: LeverSettings, ctx: ControlContext): void;
}

function leverControl(l: AnyLever): Control {
  // The registry's own types are checked per lever above; here every lever is handled alike.
  const def = l as unknown as LeverDef<string, string, v.GenericSchema, SettingKey, unknown>;
  const docs = (s: Scenario) => s.levers as Record<string, unknown>;
  return {
    group: l.id,
    settings: def.settings,
    read: (s, ctx) => def.read(docs(s)[def.doc], ctx),
    write: (s, set, ctx) => {
      const next = def.write(docs(s)[def.doc], set, ctx);
      if (next === undefined) delete docs(s)[def.doc];
      else docs(s)[def.doc] = next;
    },
  };
}

/** Every group of sliders, levers first (pipeline order), then the driver controls. */
export const CONTROLS: readonly Control[] = [
  ...LEVERS.map(leverControl),
  ...DRIVER_CONTROLS.map((d): Control => {
    const def = d as unknown as DriverControlDef<string, SettingKey>;
    return { group: d.id, settings: def.settings, read: def.read, write: def.write };
  }),
];

/** Every setting definition, by group, in page order. */
export const SETTINGS: readonly (SettingDef<SettingKey> & { group: ControlGroup })[] = CONTROLS.flatMap((c) =>
  c.settings.map((s) => ({ ...s, group: c.group })),
);

/** Every setting key, in page order. */
export const SETTING_KEYS: readonly SettingKey[] = SETTINGS.map((s) => s.key);

/** Whether `key` names a setting. */
export function isSettingKey(key: string): key is SettingKey {
  return (SETTING_KEYS as readonly string[]).includes(key);
}

/** The sliders on a park: each setting with its range. */
export function settingSpecs(ctx: ControlContext): SettingSpec[] {
  return SETTINGS.map((s) => ({ key: s.key, group: s.group, format: s.format, ...s.range(ctx) }));
}

/** Number of decimals of a step (0.001 → 3). */
function decimals(step: number): number {
  const s = String(step);
  return s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
}

/** Rounds to the spec's step and clamps to its range. */
export function snap(spec: SettingRange, value: number): number {
  const x = Math.min(spec.max, Math.max(spec.min, value));
  const r = Math.round(x / spec.step) * spec.step;
  return Number(r.toFixed(decimals(spec.step)));
}

/** Snaps every setting to its spec. */
export function snapSettings(settings: LeverSettings, ctx: ControlContext): LeverSettings {
  const out = { ...settings };
  for (const spec of settingSpecs(ctx)) out[spec.key] = snap(spec, settings[spec.key]);
  return out;
}

/** The settings a scenario implies (central values), snapped to the sliders' steps. */
export function settingsFromScenario(s: Scenario, ctx: ControlContext): LeverSettings {
  const raw = Object.assign({}, ...CONTROLS.map((c) => c.read(s, ctx))) as LeverSettings;
  return snapSettings(raw, ctx);
}

/**
 * The scenario with the settings applied (not yet validated: parseScenario does that). Groups equal to
 * the scenario's own settings are left as they are, so an unedited scenario runs exactly as written; a
 * lever set to zero is removed; a moved lever keeps the scenario's delivery uncertainty, re-centred.
 */
export function applySettingsUnchecked(
  base: Scenario,
  settings: LeverSettings,
  ctx: ControlContext,
): Scenario {
  const own = settingsFromScenario(base, ctx);
  const set = snapSettings(settings, ctx);
  const s = structuredClone(base);
  for (const c of CONTROLS) {
    if (c.settings.some((d) => own[d.key] !== set[d.key])) c.write(s, set, ctx);
  }
  return s;
}

/** The control context of a park baseline. */
export function controlContext(b: ParkBaseline): ControlContext {
  const nC = b.carriers.length;
  let demand = 0;
  for (const code of ['electricity', 'green_electricity', 'pv_electricity']) {
    const c = b.carriers.indexOf(code);
    if (c >= 0) for (let s = 0; s < b.sectors.length; s++) demand += b.activity[s * nC + c];
  }
  return { baseYear: b.year, demandGwh: demand / 100, pvPotentialMw: rooftopPotential(b) }; // 10^4 kWh → GWh
}

// ---------------------------------------------------------------------------------------------------
// Small schema pieces used above

function pvPoints() {
  return v.pipe(
    v.array(plainObject({ year, mw: capacityMw })),
    v.minLength(1, 'needs at least one {year, mw} point'),
    v.check((pts) => pts.every((p, i) => i === 0 || p.year > pts[i - 1].year), 'years must increase'),
  );
}

function pvSharePoints() {
  return v.pipe(
    v.array(plainObject({ year, share: v.pipe(num, v.minValue(0), v.maxValue(1)) })),
    v.minLength(1, 'needs at least one {year, share} point'),
    v.check((pts) => pts.every((p, i) => i === 0 || p.year > pts[i - 1].year), 'years must increase'),
  );
}
