import { describe, expect, it } from 'vitest';
import { hash32, Sfc32 } from '../../../../src/core/random';

// Expected values from an independent Python implementation (uint32 arithmetic), see the
// generator's documentation in src/core/random/sfc32.ts.
describe('Sfc32', () => {
  it('matches the reference sfc32 sequence from a raw state', () => {
    const r = new Sfc32();
    r.setState(1, 2, 3, 4);
    expect(Array.from({ length: 6 }, () => r.nextUint32())).toEqual([
      7, 34, 56623200, 188882296, 3431242869, 399395954,
    ]);
  });

  it('hashes with lowbias32', () => {
    expect([0, 1, 0xdeadbeef].map(hash32)).toEqual([0, 1753845952, 3861431939]);
  });

  it('seeds run streams from (seed, run) alone', () => {
    const r = new Sfc32(42, 0);
    expect(Array.from({ length: 4 }, () => r.nextUint32())).toEqual([
      2888914329, 3944555532, 1763509097, 3308892555,
    ]);
    r.seedRun(42, 7);
    expect([r.nextDouble(), r.nextDouble(), r.nextDouble()]).toEqual([
      0.34620995112120795, 0.9993277244778, 0.9596010441037153,
    ]);
    const big = new Sfc32(2 ** 40 + 5, 2 ** 33 + 1);
    expect([big.nextUint32(), big.nextUint32(), big.nextUint32()]).toEqual([
      2575871003, 3226741843, 635627216,
    ]);
  });

  it('rejects seeds and runs that are not safe non-negative integers', () => {
    expect(() => new Sfc32(-1, 0)).toThrow(RangeError);
    expect(() => new Sfc32(1.5, 0)).toThrow(RangeError);
    expect(() => new Sfc32(0, 2 ** 53)).toThrow(RangeError);
  });

  it('gives different streams to neighbouring runs and seeds', () => {
    const firsts = new Set<number>();
    for (let seed = 0; seed < 20; seed++) {
      for (let run = 0; run < 200; run++) firsts.add(new Sfc32(seed, run).nextUint32());
    }
    expect(firsts.size).toBe(4000);
  });

  it('draws uniforms in (0, 1) with the moments of U(0, 1) (5 standard errors)', () => {
    const n = 200_000;
    const r = new Sfc32(7, 3);
    let sum = 0;
    let sum2 = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = r.nextDouble();
      sum += u;
      sum2 += u * u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    const mean = sum / n;
    const variance = sum2 / n - mean * mean;
    expect(min).toBeGreaterThan(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    // Var of the sample variance of U(0,1): (1/80 − 1/144)/n.
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * Math.sqrt((1 / 80 - 1 / 144) / n));
  });

  it('has no first-order correlation between successive outputs', () => {
    const n = 100_000;
    const r = new Sfc32(1, 1);
    let prev = r.nextDouble();
    let s = 0;
    for (let i = 0; i < n; i++) {
      const u = r.nextDouble();
      s += (u - 0.5) * (prev - 0.5);
      prev = u;
    }
    const corr = s / n / (1 / 12);
    expect(Math.abs(corr)).toBeLessThan(5 / Math.sqrt(n));
  });
});
