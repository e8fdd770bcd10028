/**
 * Draws one run's parameters: one uniform per slot from the run's own stream, the Gaussian copula
 * on the correlated slots, then each slot's quantile function. Shared by the kernel and the reference
 * implementation, so both see the same inputs; tested on its own (copula and marginals).
 *
 * Why a per-run copula and not Iman–Conover: Iman–Conover reorders a whole sample to reach the target
 * rank correlations, so run r's values would depend on every other run and on the sample size; here run
 * r depends on (seed, r) alone, which keeps blocks, workers and previews consistent.
 */
import type { Sfc32 } from '../random';
import { normalCdf, normalInv, quantileOf } from '../stats';
import type { CompiledModel } from './model';

/** Smallest and largest uniform handed to a quantile function: keeps Φ(z) off exact 0 and 1. */
const U_MIN = 2 ** -53;
const U_MAX = 1 - 2 ** -53;

/**
 * What sampleRun reads of a model. The kernel hands it `samplingOf(model)`, an object made here, so its
 * compiled loop depends on no shape of the model object itself (a model sent to a worker is rebuilt
 * there by the structured clone, and a new model's objects can take other hidden shapes).
 */
export type SamplingModel = Pick<
  CompiledModel,
  | 'nSlots'
  | 'nDraws'
  | 'slotDraw'
  | 'copulaSlots'
  | 'copulaRow'
  | 'copulaCol'
  | 'copulaVal'
  | 'slotCode'
  | 'slotParams'
>;

export function samplingOf(m: CompiledModel): SamplingModel {
  return {
    nSlots: m.nSlots,
    nDraws: m.nDraws,
    slotDraw: m.slotDraw,
    copulaSlots: m.copulaSlots,
    copulaRow: m.copulaRow,
    copulaCol: m.copulaCol,
    copulaVal: m.copulaVal,
    slotCode: m.slotCode,
    slotParams: m.slotParams,
  };
}

/** Scratch buffers for sampleRun, allocated once per block. */
export interface SampleScratch {
  /** The run's raw uniforms, one per draw position (model.nDraws). */
  raw: Float64Array;
  u: Float64Array;
  z: Float64Array;
}

export function sampleScratch(model: SamplingModel): SampleScratch {
  return {
    raw: new Float64Array(model.nDraws),
    u: new Float64Array(model.nSlots),
    z: new Float64Array(model.copulaSlots.length),
  };
}

/**
 * Fills params[0..nSlots) for the run whose stream `rng` has just been seeded. The stream gives one
 * uniform per *draw position* (model.nDraws), and slot i takes position slotDraw[i]: every lever owns a
 * fixed block of positions whether or not the scenario has it (compile.ts), so adding or removing a
 * lever never changes the draws of any other input.
 */
export function sampleRun(
  model: SamplingModel,
  rng: Sfc32,
  params: Float64Array,
  scratch: SampleScratch,
): void {
  const { raw, u, z } = scratch;
  const n = model.nSlots;
  const nd = model.nDraws;
  for (let i = 0; i < nd; i++) raw[i] = rng.nextDouble();
  const draw = model.slotDraw;
  for (let i = 0; i < n; i++) u[i] = raw[draw[i]];
  const cs = model.copulaSlots;
  const m = cs.length;
  if (m > 0) {
    const { copulaRow: row, copulaCol: col, copulaVal: val } = model;
    for (let j = 0; j < m; j++) z[j] = normalInv(u[cs[j]]);
    // Correlated normals L·z, from the last row down so z can be overwritten in place.
    for (let j = m - 1; j >= 0; j--) {
      let s = 0;
      for (let k = row[j]; k < row[j + 1]; k++) s += val[k] * z[col[k]];
      const p = normalCdf(s);
      u[cs[j]] = p < U_MIN ? U_MIN : p > U_MAX ? U_MAX : p;
      z[j] = s;
    }
  }
  const code = model.slotCode;
  const q = model.slotParams;
  for (let i = 0; i < n; i++) {
    params[i] = quantileOf(code[i], q[4 * i], q[4 * i + 1], q[4 * i + 2], q[4 * i + 3], u[i]);
  }
}

/**
 * A uniformly random order of 0..n−1 (Fisher–Yates) from the run's stream, drawn after its parameters
 * (so it never changes them): the order in which the run's lever attribution adds the levers
 * (docs/model.md §4, "Lever attribution").
 */
export function drawPermutation(rng: Sfc32, order: Int32Array): void {
  const n = order.length;
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.nextDouble() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
}
