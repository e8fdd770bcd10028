/**
 * Targets a park is assessed on (docs/model.md §9): a sourced library (Five-Year-Plan intensity targets,
 * the carbon peak) plus the scenario's own values and absolute caps, and their per-run test over the
 * simulated paths and the park's history. P(met) is the share of runs that meet a target.
 */
import * as v from 'valibot';
import { num, plainObject, tonnes, year } from './schema-parts';

export type TargetMetric = 'energy_intensity' | 'co2_intensity' | 'peak' | 'emissions_cap' | 'energy_cap';

/** A target as evaluated: reduction targets compare target_year with base_year; caps look at one year. */
export interface TargetDef {
  id: string;
  metric: TargetMetric;
  /** Reference year of an intensity target (null for the peak and caps). */
  base_year: number | null;
  target_year: number;
  /** Required fall of the intensity, e.g. 0.135 = −13.5 % (null for the peak and caps). */
  reduction: number | null;
  /** Cap of a total, tCO2 or tce (null otherwise). */
  max: number | null;
  /** Where the value comes from; `placeholder` when no official figure is used. */
  source: string;
  placeholder: boolean;
}

const FYP14 =
  'Outline of the 14th Five-Year Plan for National Economic and Social Development and Long-Range Objectives ' +
  'Through 2035 (adopted March 2021), ch. 3, binding indicators for 2025 against 2020';
const FYP15_PLACEHOLDER =
  'Placeholder for the 15th Five-Year Plan period (2030 against 2025): the 14th plan’s value is repeated until ' +
  'the park sets the figure it is assessed on (`targets.fyp15`)';

/** The library of targets, each with its source. */
export const TARGET_LIBRARY: readonly TargetDef[] = [
  {
    id: 'fyp14_energy_intensity',
    metric: 'energy_intensity',
    base_year: 2020,
    target_year: 2025,
    reduction: 0.135,
    max: null,
    source: `${FYP14}: energy use per unit of GDP −13.5 %.`,
    placeholder: false,
  },
  {
    id: 'fyp14_co2_intensity',
    metric: 'co2_intensity',
    base_year: 2020,
    target_year: 2025,
    reduction: 0.18,
    max: null,
    source: `${FYP14}: CO2 emissions per unit of GDP −18 %.`,
    placeholder: false,
  },
  {
    id: 'fyp15_energy_intensity',
    metric: 'energy_intensity',
    base_year: 2025,
    target_year: 2030,
    reduction: 0.135,
    max: null,
    source: `${FYP15_PLACEHOLDER}.`,
    placeholder: true,
  },
  {
    id: 'fyp15_co2_intensity',
    metric: 'co2_intensity',
    base_year: 2025,
    target_year: 2030,
    reduction: 0.18,
    max: null,
    source: `${FYP15_PLACEHOLDER}.`,
    placeholder: true,
  },
  {
    id: 'peak_2030',
    metric: 'peak',
    base_year: null,
    target_year: 2030,
    reduction: null,
    max: null,
    source:
      'Action Plan for Carbon Dioxide Peaking Before 2030 (State Council, Guofa [2021] No. 23): emissions to the ' +
      'atmosphere peak in 2030 or earlier.',
    placeholder: false,
  },
];

const reduction = v.pipe(num, v.minValue(-1), v.maxValue(1));
const capSchema = plainObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be a lower-case slug')),
  metric: v.picklist(['emissions_cap', 'energy_cap']),
  year,
  max: tonnes,
});

/** `targets` of a scenario document: which library targets, the 15th-plan figures, and caps. */
export const TargetsSchema = plainObject({
  /** Library ids to test (default: all of them). */
  use: v.optional(v.array(v.picklist(TARGET_LIBRARY.map((t) => t.id)))),
  /** The park's own 15th Five-Year-Plan reductions (2030 against 2025); replaces the placeholders. */
  fyp15: v.optional(
    plainObject({ energy_intensity: v.optional(reduction), co2_intensity: v.optional(reduction) }),
  ),
  /** Absolute caps on a year's emissions to the atmosphere (tCO2) or energy total (tce, renewables excluded). */
  caps: v.optional(v.array(capSchema)),
});
export type TargetsInput = v.InferOutput<typeof TargetsSchema>;

/** The targets a scenario asks for, in library order then its caps. */
export function resolveTargets(t: TargetsInput | undefined): TargetDef[] {
  const use = new Set(t?.use ?? TARGET_LIBRARY.map((x) => x.id));
  const out: TargetDef[] = [];
  for (const def of TARGET_LIBRARY) {
    if (!use.has(def.id)) continue;
    const own =
      def.id === 'fyp15_energy_intensity'
        ? t?.fyp15?.energy_intensity
        : def.id === 'fyp15_co2_intensity'
          ? t?.fyp15?.co2_intensity
          : undefined;
    out.push(
      own === undefined
        ? def
        : { ...def, reduction: own, placeholder: false, source: 'Set by the park (targets.fyp15).' },
    );
  }
  for (const c of t?.caps ?? []) {
    out.push({
      id: c.id,
      metric: c.metric,
      base_year: null,
      target_year: c.year,
      reduction: null,
      max: c.max,
      source: 'Set by the park (targets.caps).',
      placeholder: false,
    });
  }
  return out;
}

/** What the test of one run needs: its paths by year (projected years, then history before them). */
export interface RunPaths {
  /** Value of year t, or NaN when neither the projection nor the history has it. */
  emitted(t: number): number;
  /** Energy total less renewables, tce. */
  energy(t: number): number;
  output(t: number): number;
  peakYear: number;
}

/**
 * Per-run test of a target: whether the run meets it and its gap — reduction achieved minus
 * reduction required (intensity), years to spare (peak), cap minus value (caps). NaN when the run has
 * no value for a year it needs (e.g. no output value, or a year outside data and horizon).
 */
export function testTarget(def: TargetDef, run: RunPaths): { met: boolean; gap: number } {
  switch (def.metric) {
    case 'peak': {
      const gap = def.target_year - run.peakYear;
      return { met: gap >= 0, gap };
    }
    case 'emissions_cap':
    case 'energy_cap': {
      const x = def.metric === 'emissions_cap' ? run.emitted(def.target_year) : run.energy(def.target_year);
      const gap = (def.max as number) - x;
      return { met: gap >= 0, gap };
    }
    default: {
      const of = def.metric === 'energy_intensity' ? run.energy : run.emitted;
      const at = (t: number) => of(t) / run.output(t);
      const ratio = at(def.target_year) / at(def.base_year as number);
      const gap = 1 - ratio - (def.reduction as number);
      return { met: gap >= 0, gap: Number.isFinite(gap) ? gap : NaN };
    }
  }
}
