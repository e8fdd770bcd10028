import { simulateBlock, type CompiledModel, type RunBlock } from '../../src/core/scenario/kernel';
import { sampleDetail } from '../../src/core/scenario/model';

/** What the runner's full result of runs 0…runs − 1 holds: the breakdown of every K-th run (model.ts). */
export function fullBlock(model: CompiledModel, seed: number, runs: number): RunBlock {
  return simulateBlock(model, seed, 0, runs, sampleDetail(runs));
}

/** Fields of two blocks that differ (typed arrays compared bit for bit; much faster than toEqual). */
export function blockDiff(a: RunBlock, b: RunBlock): string[] {
  const fa = a as unknown as Record<string, unknown>;
  const fb = b as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(fa), ...Object.keys(fb)]);
  return [...keys].filter((k) => {
    const x = fa[k];
    const y = fb[k];
    if (!ArrayBuffer.isView(x) || !ArrayBuffer.isView(y)) return x !== y;
    const u = x as Float64Array;
    const v = y as Float64Array;
    if (u.constructor !== v.constructor || u.length !== v.length) return true;
    for (let i = 0; i < u.length; i++) if (!Object.is(u[i], v[i])) return true;
    return false;
  });
}
