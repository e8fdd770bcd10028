import { describe, expect, it } from 'vitest';
import {
  chunkRunsFor,
  laneRanges,
  nextChunk,
  planRuns,
  splitEvenly,
} from '../../../../src/core/scenario/planner';

describe('splitEvenly', () => {
  it('splits into near-equal parts that sum to the total', () => {
    expect(splitEvenly(10, 3)).toEqual([4, 3, 3]);
    expect(splitEvenly(2, 4)).toEqual([1, 1, 0, 0]);
    expect(splitEvenly(0, 2)).toEqual([0, 0]);
  });
  it('rejects bad counts', () => {
    expect(() => splitEvenly(-1, 2)).toThrow(RangeError);
    expect(() => splitEvenly(3, 0)).toThrow(RangeError);
    expect(() => splitEvenly(1.5, 2)).toThrow(RangeError);
  });
});

describe('planRuns', () => {
  it('covers every run exactly once, contiguously and in order', () => {
    for (const runs of [1, 7, 999, 1000, 10_001]) {
      for (const workers of [1, 2, 3, 4, 8]) {
        for (const maxChunkRuns of [1, 64, 500, 100_000]) {
          if (runs / maxChunkRuns > 2000) continue;
          const plan = planRuns({ runs, workers, maxChunkRuns, runStart: 5 });
          let next = 5;
          const bad = plan.chunks.filter((c, i) => {
            const ok = c.index === i && c.runStart === next && c.runCount > 0 && c.runCount <= maxChunkRuns;
            next += c.runCount;
            return !ok;
          });
          expect(bad).toEqual([]);
          expect(next).toBe(5 + runs);
          expect(plan.lanes).toBe(Math.min(workers, runs));
        }
      }
    }
  });

  it('gives each lane one contiguous range, lanes in run order, shares within one run', () => {
    const plan = planRuns({ runs: 10_003, workers: 4, maxChunkRuns: 700 });
    expect(plan.byLane).toHaveLength(4);
    const shares = plan.byLane.map((lane) => lane.reduce((n, c) => n + c.runCount, 0));
    expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
    let next = 0;
    plan.byLane.forEach((lane, l) => {
      for (const c of lane) {
        expect(c.lane).toBe(l);
        expect(c.runStart).toBe(next);
        next += c.runCount;
      }
    });
  });

  it('cuts a lane into near-equal chunks, with no runt at the end', () => {
    const plan = planRuns({ runs: 1001, workers: 1, maxChunkRuns: 500 });
    expect(plan.chunks.map((c) => c.runCount)).toEqual([334, 334, 333]);
  });

  it('uses fewer lanes than workers when there are fewer runs, and none for zero runs', () => {
    expect(planRuns({ runs: 2, workers: 4, maxChunkRuns: 10 }).lanes).toBe(2);
    const empty = planRuns({ runs: 0, workers: 4, maxChunkRuns: 10 });
    expect(empty.chunks).toEqual([]);
    expect(empty.byLane).toEqual([]);
  });

  it('rejects invalid options with the name of the bad one', () => {
    expect(() => planRuns({ runs: 10, workers: 0, maxChunkRuns: 1 })).toThrow(/workers/);
    expect(() => planRuns({ runs: -1, workers: 1, maxChunkRuns: 1 })).toThrow(/runs/);
    expect(() => planRuns({ runs: 10, workers: 1, maxChunkRuns: 0 })).toThrow(/maxChunkRuns/);
    expect(() => planRuns({ runs: 10, workers: 1, maxChunkRuns: 1, runStart: 0.5 })).toThrow(/runStart/);
  });
});

describe('laneRanges and nextChunk', () => {
  it('gives contiguous near-equal lane ranges', () => {
    expect(laneRanges(10, 3, 100)).toEqual([
      { runStart: 100, runCount: 4 },
      { runStart: 104, runCount: 3 },
      { runStart: 107, runCount: 3 },
    ]);
    expect(laneRanges(1, 4)).toEqual([{ runStart: 0, runCount: 1 }]);
    expect(laneRanges(0, 4)).toEqual([]);
  });

  it('cuts the rest of a lane with a chunk size that may change between calls', () => {
    const range = { runStart: 50, runCount: 1000 };
    const sizes = [64, 64, 300, 300, 1000];
    const got = [];
    let done = 0;
    for (const max of sizes) {
      if (done >= range.runCount) break;
      const c = nextChunk(range, done, max);
      expect(c.runStart).toBe(50 + done);
      expect(c.runCount).toBeLessThanOrEqual(max);
      got.push(c.runCount);
      done += c.runCount;
    }
    expect(got).toEqual([63, 63, 292, 291, 291]);
    expect(done).toBe(1000);
  });

  it('rejects a finished or invalid position', () => {
    expect(() => nextChunk({ runStart: 0, runCount: 5 }, 5, 10)).toThrow(/done/);
    expect(() => nextChunk({ runStart: 0, runCount: 5 }, -1, 10)).toThrow(/done/);
    expect(() => nextChunk({ runStart: 0, runCount: 5 }, 0, 0)).toThrow(/maxChunkRuns/);
  });
});

describe('chunkRunsFor', () => {
  it('targets a time per chunk within bounds', () => {
    expect(chunkRunsFor(0.01)).toBe(5000);
    expect(chunkRunsFor(0.01, { targetMs: 20 })).toBe(2000);
    expect(chunkRunsFor(100)).toBe(16);
    expect(chunkRunsFor(1e-9)).toBe(50_000);
  });
  it('falls back while the cost is unknown', () => {
    expect(chunkRunsFor(Number.NaN)).toBe(512);
    expect(chunkRunsFor(0, { fallback: 100 })).toBe(100);
    expect(chunkRunsFor(Number.POSITIVE_INFINITY)).toBe(512);
  });
});
