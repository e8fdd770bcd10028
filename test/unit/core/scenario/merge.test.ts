import { describe, expect, it } from 'vitest';
import type { RunBlock } from '../../../../src/core/scenario/kernel';
import { mergeRunBlocks, RunBlockAssembler } from '../../../../src/core/scenario/merge';

const DIMS = { nYears: 3, nSectors: 2, nCarriers: 4, nInputs: 5, nLevers: 1 };

/**
 * A block whose every value encodes (field, run, position), so misplaced copies show. The breakdown
 * fields hold rows for the runs r with r % every = 0 only (none when every is 0).
 */
function block(runStart: number, runCount: number, every = 1, lever = 1): RunBlock {
  const { nYears, nSectors, nCarriers, nInputs } = DIMS;
  const runs = Array.from({ length: runCount }, (_, i) => runStart + i);
  const fill = (field: number, stride: number, which = runs) =>
    Float64Array.from(
      which.flatMap((run) => Array.from({ length: stride }, (_, i) => field * 1e9 + run * 1e3 + i)),
    );
  const sampled = every > 0 ? runs.filter((r) => r % every === 0) : [];
  const attributed = lever > 0 ? runs.filter((r) => r % lever === 0) : [];
  return {
    runStart,
    runCount,
    ...DIMS,
    nPeriods: 2,
    breakdownEvery: every,
    leverEvery: lever,
    years: Int32Array.from([2025, 2026, 2027]),
    gross: fill(1, nYears),
    emitted: fill(9, nYears),
    net: fill(2, nYears),
    energy: fill(3, nYears),
    output: fill(4, nYears),
    bySector: fill(5, nYears * nSectors, sampled),
    byCarrier: fill(6, nYears * nCarriers, sampled),
    inputs: fill(7, nInputs),
    leverContribution: fill(8, nYears * DIMS.nLevers, attributed),
    renewable: fill(10, nYears),
    npvCost: fill(11, 1, attributed),
    investment: fill(12, 2, attributed),
    leverCost: fill(13, DIMS.nLevers, attributed),
    leverAvoided: fill(14, DIMS.nLevers, attributed),
    leverAvoidedDisc: fill(16, DIMS.nLevers, attributed),
    leverCostYear: fill(15, nYears * DIMS.nLevers * 2, lever > 0 ? sampled : []),
  };
}

describe('mergeRunBlocks', () => {
  it('equals the block computed in one piece, whatever the order of the parts', () => {
    const whole = block(10, 9);
    const parts = [block(15, 4), block(10, 2), block(12, 3)];
    expect(mergeRunBlocks(parts)).toEqual(whole);
  });

  it('returns a copy with fresh buffers', () => {
    const part = block(0, 2);
    const merged = mergeRunBlocks([part]);
    expect(merged.gross.buffer).not.toBe(part.gross.buffer);
    expect(merged.years.buffer).not.toBe(part.years.buffer);
  });

  it('rejects gaps, overlaps, an empty list and mismatched dimensions', () => {
    expect(() => mergeRunBlocks([block(0, 2), block(3, 2)])).toThrow(/Only 4 of 5 runs/);
    expect(() => mergeRunBlocks([block(0, 3), block(2, 2)])).toThrow(/added twice/);
    expect(() => mergeRunBlocks([])).toThrow(/Nothing to merge/);
    const other = { ...block(2, 1), nSectors: 3 };
    expect(() => mergeRunBlocks([block(0, 2), other])).toThrow(/nSectors/);
    const shortened = { ...block(2, 1), inputs: new Float64Array(1) };
    expect(() => mergeRunBlocks([block(0, 2), shortened])).toThrow(/inputs/);
    const years = { ...block(2, 1), years: Int32Array.from([2025, 2026, 2028]) };
    expect(() => mergeRunBlocks([block(0, 2), years])).toThrow(/years/);
  });
});

describe('mergeRunBlocks with the breakdown of every K-th run', () => {
  it("places each part's breakdown rows, parts with no breakdown run included", () => {
    const whole = block(4, 17, 3); // runs 6, 9, …, 18 carry the breakdown
    expect(whole.bySector.length).toBe(5 * DIMS.nYears * DIMS.nSectors);
    const parts = [block(13, 1, 3), block(4, 2, 3), block(14, 7, 3), block(6, 7, 3)];
    expect(parts[0].bySector.length).toBe(0);
    expect(mergeRunBlocks(parts)).toEqual(whole);
    // Without any breakdown (a preview), the fields stay empty.
    expect(mergeRunBlocks([block(0, 4, 0), block(4, 3, 0)])).toEqual(block(0, 7, 0));
    // Parts must agree on K.
    expect(() => mergeRunBlocks([block(0, 4, 3), block(4, 3, 2)])).toThrow(/breakdownEvery/);
  });

  it("places each part's lever rows (contributions and costs of every L-th run), parts with none included", () => {
    const whole = block(4, 17, 6, 3); // runs 6, 9, …, 18 are attributed; 6, 12, 18 carry the breakdown
    expect(whole.npvCost.length).toBe(5);
    expect(whole.leverContribution.length).toBe(5 * DIMS.nYears * DIMS.nLevers);
    expect(whole.leverCostYear.length).toBe(3 * DIMS.nYears * DIMS.nLevers * 2);
    const parts = [block(13, 1, 6, 3), block(4, 2, 6, 3), block(14, 7, 6, 3), block(6, 7, 6, 3)];
    expect(parts[0].npvCost.length).toBe(0);
    // The first part added holds no lever row: the row widths come from the dimensions.
    expect(mergeRunBlocks(parts)).toEqual(whole);
    const asm = new RunBlockAssembler(4, 17);
    for (const p of parts) asm.add(p);
    expect(asm.result()).toEqual(whole);
    // Without contributions (a preview), the lever fields stay empty.
    expect(mergeRunBlocks([block(0, 4, 0, 0), block(4, 3, 0, 0)])).toEqual(block(0, 7, 0, 0));
    // Parts must agree on L.
    expect(() => mergeRunBlocks([block(0, 4, 6, 3), block(4, 3, 6, 2)])).toThrow(/leverEvery/);
  });
});

describe('mergeRunBlocks with single-precision fields', () => {
  it("keeps each field's element type and rejects a block whose type differs", () => {
    const f32 = (b: RunBlock): RunBlock => ({
      ...b,
      leverContribution: Float32Array.from(b.leverContribution),
    });
    const merged = mergeRunBlocks([f32(block(3, 2)), f32(block(0, 3))]);
    expect(merged.leverContribution).toBeInstanceOf(Float32Array);
    expect(merged.gross).toBeInstanceOf(Float64Array);
    expect(merged).toEqual(f32(block(0, 5)));
    expect(() => mergeRunBlocks([f32(block(0, 2)), block(2, 1)])).toThrow(/leverContribution/);
  });
});

describe('RunBlockAssembler', () => {
  it('fills a preallocated range as blocks arrive and reports progress', () => {
    const asm = new RunBlockAssembler(100, 6);
    asm.add(block(104, 2));
    expect(asm.filled).toBe(2);
    expect(() => asm.result()).toThrow(/Only 2 of 6/);
    asm.add(block(100, 4));
    expect(asm.result()).toEqual(block(100, 6));
  });

  it('rejects blocks outside its range', () => {
    const asm = new RunBlockAssembler(0, 4);
    expect(() => asm.add(block(3, 2))).toThrow(RangeError);
  });

  it('keeps fields it does not know about (generic over per-run arrays)', () => {
    const extra = (b: RunBlock) => ({ ...b, intensity: b.gross.map((v) => v / 2) }) as RunBlock;
    const merged = mergeRunBlocks([extra(block(0, 1)), extra(block(1, 2))]) as RunBlock & {
      intensity: Float64Array;
    };
    expect(merged.intensity).toEqual(block(0, 3).gross.map((v) => v / 2));
  });
});
