/**
 * The measurements of `BENCH_PART=simd` (test/bench/simd-bench.ts), with no Node API, so the same code
 * runs in Node and, bundled, in headless Chromium. Each figure is the median of `reps` timed
 * repetitions after two untimed ones; the wasm figures include copying the inputs into the module's
 * memory and the results out of it, and give that copying apart (the same copies without the calls,
 * timed the same way). Each wasm variant's results are compared with the JS ones.
 */
import { Sfc32 } from '../../../src/core/random';
import { normalInv } from '../../../src/core/stats/normal';

/** The module's exports (build.ts compiles them from normal-inv.as.ts and sector-sums.as.ts). */
interface SimdExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  normalInvScalar(input: number, out: number, n: number): void;
  normalInvF64x2(input: number, out: number, n: number): void;
  sectorSumsScalar(...args: number[]): void;
  sectorSumsF64x2(...args: number[]): void;
}

/** What the sector sums read of a compiled model, and the growth and intensity inputs of `runs` runs. */
export interface SectorInputs {
  nS: number;
  nY: number;
  runs: number;
  /** Per run: nS × 3 growth rates (the kernel's g), then nS intensity declines (its e). */
  g: number[];
  e: number[];
  growthWeights: number[];
  mq: number[];
  pq: number[];
  groupStart: number[];
  groupedSectors: number[];
}

export interface Figure {
  piece: 'normalInv' | 'sector sums';
  variant: string;
  /** Per value (normalInv) or per run-year (sector sums), ns, copying included. */
  ns: number;
  /** Of it copying into and out of wasm memory (null: none, or not separable). */
  copyNs: number | null;
  /** JS time of the same workload over this variant's (> 1: faster than JS). */
  speedup: number;
  /** Largest |wasm − JS| over every output (0 for JS itself). */
  maxDiff: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Median ms of each function over `reps` rounds, after two untimed rounds; a round calls every function
 * once in turn, so a change in the machine's other load falls on all of them alike.
 */
function timeAll(reps: number, fns: (() => void)[]): number[] {
  for (let i = 0; i < 2; i++) for (const fn of fns) fn();
  const t: number[][] = fns.map(() => []);
  for (let i = 0; i < reps; i++) {
    fns.forEach((fn, j) => {
      const t0 = performance.now();
      fn();
      t[j].push(performance.now() - t0);
    });
  }
  return t.map(median);
}

function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y || (Number.isNaN(x) && Number.isNaN(y))) continue;
    const d = Math.abs(x - y);
    m = Number.isNaN(d) ? Infinity : Math.max(m, d);
  }
  return m;
}

/**
 * n uniforms from the project's generator (sfc32, (0, 1), as the runs draw them), with every 1024th
 * replaced by a tail value down to the smallest double and its mirror 1 − p, and 0 and 1 once each.
 */
export function makeUniforms(n: number): Float64Array {
  const rng = new Sfc32(20261201, 0);
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) u[i] = rng.nextDouble();
  let k = 0;
  for (let i = 512; i < n; i += 1024) {
    const p = [2 ** -53, 1e-300, 5e-324, 1e-20, 1e-12, 2 ** -30, 1e-5, 0.0249][k % 8] * (1 + (k % 7) / 7);
    u[i] = k % 2 ? 1 - p : p;
    k++;
  }
  if (n > 2) {
    u[1] = 0;
    u[2] = 1;
  }
  return u;
}

/** Bytes of wasm linear memory from `heapBase`, growing the memory as needed; 16-byte aligned parts. */
function layout(x: SimdExports, sizes: number[]): number[] {
  let at = (x.heapBase() + 15) & ~15;
  const offsets = sizes.map((s) => {
    const o = at;
    at += (s + 15) & ~15;
    return o;
  });
  const need = at - x.memory.buffer.byteLength;
  if (need > 0) x.memory.grow(Math.ceil(need / 65536));
  return offsets;
}

function measureNormalInv(x: SimdExports, n: number, batch: number, reps: number): Figure[] {
  const u = makeUniforms(n);
  const ref = new Float64Array(n);
  const out = new Float64Array(n);
  const [inOff, outOff] = layout(x, [n * 8, n * 8]);
  const mem = () => new Float64Array(x.memory.buffer);
  // JS over the whole array, and in calls of the kernel's size (sampleRun's per run).
  const js = normalInvBatches(u, ref, n);
  const fns = [js(n), js(batch)];
  const names = ['JS normalInv', `JS normalInv, calls of ${batch}`];
  for (const [name, fn] of [
    ['scalar', x.normalInvScalar],
    ['f64x2', x.normalInvF64x2],
  ] as const) {
    // Calls of `size` values each: copy in, compute, copy out (or the copies alone).
    const calls = (size: number, compute: boolean) => () => {
      const m = mem();
      for (let a = 0; a < n; a += size) {
        const b = Math.min(n, a + size);
        m.set(u.subarray(a, b), inOff / 8);
        if (compute) fn(inOff, outOff, b - a);
        out.set(m.subarray(outOff / 8, outOff / 8 + b - a), a);
      }
    };
    fns.push(calls(n, true), calls(n, false), calls(batch, true), calls(batch, false));
    names.push(`wasm ${name}, 2^${Math.log2(n)} at once`, '', `wasm ${name}, calls of ${batch}`, '');
  }
  const ns = timeAll(reps, fns).map((ms) => (ms * 1e6) / n);
  const figures: Figure[] = [];
  for (let i = 0; i < fns.length; i++) {
    if (!names[i]) continue;
    const wasm = names[i].startsWith('wasm');
    const jsNs = names[i].endsWith(`calls of ${batch}`) ? ns[1] : ns[0];
    let diff = 0;
    if (wasm) {
      out.fill(0);
      fns[i]();
      diff = maxAbsDiff(out, ref);
    }
    figures.push({
      piece: 'normalInv',
      variant: names[i],
      ns: ns[i],
      copyNs: wasm ? ns[i + 1] : null,
      speedup: jsNs / ns[i],
      maxDiff: diff,
    });
  }
  return figures;
}

/** JS normalInv over u[0..count) into out, in calls of `size` values (the kernel's loop per run). */
function normalInvBatches(u: Float64Array, out: Float64Array, n: number) {
  const call = (a: number, b: number) => {
    for (let i = a; i < b; i++) out[i] = normalInv(u[i]);
  };
  return (size: number, count = n) =>
    () => {
      for (let done = 0; done < count; done += size) {
        const a = done % n;
        call(a, Math.min(n, a + size, a + count - done));
      }
    };
}

/**
 * The kernel's sector sums of one run, every year (a copy of runBlock's loop in
 * src/core/scenario/kernel.ts, same operations in the same order; here each year's sums go to row y).
 */
function sectorSumsJs(
  nS: number,
  nY: number,
  g: Float64Array,
  e: Float64Array,
  growthWeights: Float64Array,
  mq: Float64Array,
  pq: Float64Array,
  groupStart: Int32Array,
  groupedSectors: Int32Array,
  O: Float64Array,
  I: Float64Array,
  outM: Float64Array,
  outP: Float64Array,
): void {
  const NQM = 12;
  const NQP = 5;
  for (let s = 0; s < nS; s++) {
    O[s] = 1;
    I[s] = 1;
  }
  for (let y = 0; y < nY; y++) {
    if (y > 0) {
      const w0 = growthWeights[y * 3];
      const w1 = growthWeights[y * 3 + 1];
      const w2 = growthWeights[y * 3 + 2];
      for (let s = 0; s < nS; s++) {
        O[s] *= 1 + (w0 * g[s * 3] + w1 * g[s * 3 + 1] + w2 * g[s * 3 + 2]);
        I[s] *= 1 - e[s];
      }
    }
    const rowM = y * 72;
    const rowP = y * 15;
    for (let h = 0; h < 3; h++) {
      let p0 = 0;
      let p1 = 0;
      let p2 = 0;
      let p3 = 0;
      let p4 = 0;
      for (let gi = 2 * h; gi < 2 * h + 2; gi++) {
        let a0 = 0;
        let a1 = 0;
        let a2 = 0;
        let a3 = 0;
        let a4 = 0;
        let a5 = 0;
        let a6 = 0;
        let a7 = 0;
        let a8 = 0;
        let a9 = 0;
        let a10 = 0;
        let a11 = 0;
        for (let j = groupStart[gi]; j < groupStart[gi + 1]; j++) {
          const s = groupedSectors[j];
          const p = O[s];
          const m = p * I[s];
          const b = s * NQM;
          a0 += m * mq[b];
          a1 += m * mq[b + 1];
          a2 += m * mq[b + 2];
          a3 += m * mq[b + 3];
          a4 += m * mq[b + 4];
          a5 += m * mq[b + 5];
          a6 += m * mq[b + 6];
          a7 += m * mq[b + 7];
          a8 += m * mq[b + 8];
          a9 += m * mq[b + 9];
          a10 += m * mq[b + 10];
          a11 += m * mq[b + 11];
          const bp = s * NQP;
          p0 += p * pq[bp];
          p1 += p * pq[bp + 1];
          p2 += p * pq[bp + 2];
          p3 += p * pq[bp + 3];
          p4 += p * pq[bp + 4];
        }
        const o = rowM + gi * NQM;
        outM[o] = a0;
        outM[o + 1] = a1;
        outM[o + 2] = a2;
        outM[o + 3] = a3;
        outM[o + 4] = a4;
        outM[o + 5] = a5;
        outM[o + 6] = a6;
        outM[o + 7] = a7;
        outM[o + 8] = a8;
        outM[o + 9] = a9;
        outM[o + 10] = a10;
        outM[o + 11] = a11;
      }
      const op = rowP + h * NQP;
      outP[op] = p0;
      outP[op + 1] = p1;
      outP[op + 2] = p2;
      outP[op + 3] = p3;
      outP[op + 4] = p4;
    }
  }
}

/** The sector sums' inputs as typed arrays, and the JS sums of `count` runs (cycling over the runs given). */
function sectorData(S: SectorInputs) {
  const { nS, nY } = S;
  const d = {
    g: Float64Array.from(S.g),
    e: Float64Array.from(S.e),
    w: Float64Array.from(S.growthWeights),
    mq: Float64Array.from(S.mq),
    pq: Float64Array.from(S.pq),
    start: Int32Array.from(S.groupStart),
    sectors: Int32Array.from(S.groupedSectors),
    O: new Float64Array(nS),
    I: new Float64Array(nS),
    outM: new Float64Array(nY * 72),
    outP: new Float64Array(nY * 15),
    gRun: (r: number) => d.g.subarray(r * nS * 3, (r + 1) * nS * 3),
    eRun: (r: number) => d.e.subarray(r * nS, (r + 1) * nS),
    js: (r: number) =>
      sectorSumsJs(
        nS,
        nY,
        d.gRun(r),
        d.eRun(r),
        d.w,
        d.mq,
        d.pq,
        d.start,
        d.sectors,
        d.O,
        d.I,
        d.outM,
        d.outP,
      ),
    jsRuns: (count: number) => () => {
      for (let r = 0; r < count; r++) d.js(r % S.runs);
    },
  };
  return d;
}

/** The JS pieces alone, for timing them beside the kernel: sector sums of `runs` runs, `values` normalInv. */
export function jsPieces(S: SectorInputs, batch: number) {
  const n = 2 ** 16;
  const u = makeUniforms(n);
  const inv = normalInvBatches(u, new Float64Array(n), n);
  const sums = sectorData(S);
  return { sums: (runs: number) => sums.jsRuns(runs), inv: (values: number) => inv(batch, values) };
}

function measureSectorSums(x: SimdExports, S: SectorInputs, reps: number): Figure[] {
  const { nS, nY, runs } = S;
  const d = sectorData(S);
  const { w, mq, pq, start, sectors, outM, outP } = d;
  const pq6 = new Float64Array(nS * 6);
  for (let s = 0; s < nS; s++) for (let q = 0; q < 5; q++) pq6[s * 6 + q] = pq[s * 5 + q];
  const nM = nY * 72;
  const nP = nY * 15;
  const refM = new Float64Array(runs * nM);
  const refP = new Float64Array(runs * nP);
  for (let r = 0; r < runs; r++) {
    d.js(r);
    refM.set(outM, r * nM);
    refP.set(outP, r * nP);
  }
  // wasm: constants once; per run its g and e in, the year rows out.
  const [wOff, mqOff, pqOff, startOff, secOff, oOff, iOff, gOff, eOff, mOff, pOff] = layout(x, [
    w.length * 8,
    mq.length * 8,
    pq6.length * 8,
    start.length * 4,
    sectors.length * 4,
    nS * 8,
    nS * 8,
    nS * 3 * 8,
    nS * 8,
    nM * 8,
    nP * 8,
  ]);
  const f64 = () => new Float64Array(x.memory.buffer);
  const i32 = () => new Int32Array(x.memory.buffer);
  f64().set(w, wOff / 8);
  f64().set(mq, mqOff / 8);
  f64().set(pq6, pqOff / 8);
  i32().set(start, startOff / 4);
  i32().set(sectors, secOff / 4);
  // JS (each run's sums into the same buffers, as the kernel reuses its sumM and sumP), then per wasm
  // function: a call per run with the copies, and the copies alone.
  const fns = [d.jsRuns(runs)];
  const names = ['JS (copy of runBlock)'];
  const gotM = new Float64Array(runs * nM);
  const gotP = new Float64Array(runs * nP);
  for (const [name, fn] of [
    ['scalar', x.sectorSumsScalar],
    ['f64x2', x.sectorSumsF64x2],
  ] as const) {
    const perRun = (compute: boolean, keep: boolean) => () => {
      const m = f64();
      for (let r = 0; r < runs; r++) {
        m.set(d.gRun(r), gOff / 8);
        m.set(d.eRun(r), eOff / 8);
        if (compute) fn(nS, nY, gOff, eOff, wOff, mqOff, pqOff, startOff, secOff, oOff, iOff, mOff, pOff);
        outM.set(m.subarray(mOff / 8, mOff / 8 + nM));
        outP.set(m.subarray(pOff / 8, pOff / 8 + nP));
        if (keep) {
          gotM.set(outM, r * nM);
          gotP.set(outP, r * nP);
        }
      }
    };
    fns.push(perRun(true, false), perRun(false, false), perRun(true, true));
    names.push(`wasm ${name}, a call per run`, '', '');
  }
  // The last of each triple (results kept for the comparison) is not timed.
  const timed = fns.filter((_, i) => i === 0 || i % 3 !== 0);
  const ns = timeAll(reps, timed).map((ms) => (ms * 1e6) / (runs * nY));
  const figures: Figure[] = [
    { piece: 'sector sums', variant: names[0], ns: ns[0], copyNs: null, speedup: 1, maxDiff: 0 },
  ];
  for (let k = 0; k < 2; k++) {
    fns[3 * k + 3]();
    figures.push({
      piece: 'sector sums',
      variant: names[3 * k + 1],
      ns: ns[2 * k + 1],
      copyNs: ns[2 * k + 2],
      speedup: ns[0] / ns[2 * k + 1],
      maxDiff: Math.max(maxAbsDiff(gotM, refM), maxAbsDiff(gotP, refP)),
    });
  }
  return figures;
}

/** Every figure of the part, in this environment. */
export async function measureSimd(
  wasm: Uint8Array,
  sectors: SectorInputs,
  opts: { n: number; batch: number; reps: number },
): Promise<Figure[]> {
  const { instance } = await WebAssembly.instantiate(wasm as Uint8Array<ArrayBuffer>, {});
  const x = instance.exports as unknown as SimdExports;
  return [...measureNormalInv(x, opts.n, opts.batch, opts.reps), ...measureSectorSums(x, sectors, opts.reps)];
}
