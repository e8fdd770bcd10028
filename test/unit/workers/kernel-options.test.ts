/**
 * The workers' kernel options: one shape for every chunk (a preview's and a full sample's), and the
 * detail each asks for.
 */
import { describe, expect, it } from 'vitest';
import { kernelOptions } from '../../../workers/simulation-service';
import type { CompiledModel } from '../../../src/core/scenario/kernel';

const withBreakdown = { breakdown: true } as CompiledModel;
const withoutBreakdown = { breakdown: false } as CompiledModel;

describe('kernelOptions', () => {
  it('gives a preview and a full sample options with the same fields in the same order', () => {
    const preview = kernelOptions(withBreakdown, { leverEvery: 0, breakdownEvery: 0 });
    const full = kernelOptions(withBreakdown, { leverEvery: 5, breakdownEvery: 5 }, new ArrayBuffer(8));
    expect(Object.keys(preview)).toEqual(Object.keys(full));
  });

  it('asks a preview for no lever contributions and no breakdown', () => {
    const o = kernelOptions(withBreakdown, { leverEvery: 0, breakdownEvery: 0 });
    expect(o.levers).toBe(false);
    expect(o.breakdown).toBe(false);
  });

  it("keeps the levers of every L-th run, the breakdown of every K-th run when the model has one, and the model's choice otherwise", () => {
    const slab = new ArrayBuffer(16);
    const on = kernelOptions(withBreakdown, { leverEvery: 2, breakdownEvery: 4 }, slab);
    expect(on).toMatchObject({ levers: true, leverEvery: 2, breakdown: true, breakdownEvery: 4, slab });
    expect(kernelOptions(withoutBreakdown, { leverEvery: 2, breakdownEvery: 4 }).breakdown).toBe(false);
  });
});
