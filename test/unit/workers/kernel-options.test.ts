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
    const preview = kernelOptions(withBreakdown, { levers: false, breakdownEvery: 0 });
    const full = kernelOptions(withBreakdown, { levers: true, breakdownEvery: 5 }, new ArrayBuffer(8));
    expect(Object.keys(preview)).toEqual(Object.keys(full));
  });

  it('asks a preview for no lever contributions and no breakdown', () => {
    const o = kernelOptions(withBreakdown, { levers: false, breakdownEvery: 0 });
    expect(o.levers).toBe(false);
    expect(o.breakdown).toBe(false);
  });

  it("keeps the breakdown of every K-th run when the model has one, and the model's choice otherwise", () => {
    const slab = new ArrayBuffer(16);
    const on = kernelOptions(withBreakdown, { levers: true, breakdownEvery: 4 }, slab);
    expect(on).toMatchObject({ levers: true, breakdown: true, breakdownEvery: 4, slab });
    expect(kernelOptions(withoutBreakdown, { levers: true, breakdownEvery: 4 }).breakdown).toBe(false);
  });
});
