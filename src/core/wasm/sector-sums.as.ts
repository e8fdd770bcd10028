/**
 * AssemblyScript source of the kernel's sector-sum step (src/core/scenario/kernel.ts, "Sums of the
 * electrifiable sectors by group"), compiled to WebAssembly with 128-bit SIMD. `npm run build:wasm`
 * compiles it into sector-sums.wasm.ts (the module's bytes, in base64) and a test checks that the
 * committed bytes are this source's. docs/architecture.md says why the step is WebAssembly.
 *
 * One call sums one run-year: for each of the six groups gi of electrifiable sectors, the twelve
 * energy quantities mq[s·12 + q] weighted by the sector's output × intensity index (O[s]·I[s]) into
 * sumM[gi·12 + q], and for each pair h of groups the five output-driven quantities pq[s·6 + q]
 * weighted by O[s] into sumP[h·5 + q]. Same operations in the same order as the kernel's JS loop
 * (each lane of a vector is one of its sums, added sector by sector), so the same bits.
 *
 * Memory (laid out by sector-sums.ts, set once per block with `layout`): f64 mq[nS·12], pq[nS·6]
 * (the kernel's rows of 5 padded to 6, so two vector loads cover four of them), O[nS], I[nS],
 * sumM[72], sumP[15]; i32 start[7] (group g's sectors are sectors[start[g] … start[g + 1] − 1]).
 * No runtime, no allocation, no imports.
 */

const NQM = 12;
const NQP = 5;
const PQ = 6;

let mq: usize = 0;
let pq: usize = 0;
let O: usize = 0;
let I: usize = 0;
let sumM: usize = 0;
let sumP: usize = 0;
let start: usize = 0;
let sectors: usize = 0;

/** First byte after the module's own data: the layout starts there. */
export function heapBase(): usize {
  return __heap_base;
}

/** Where the arrays of the block at hand are (byte offsets into this module's memory). */
export function layout(
  mqAt: usize,
  pqAt: usize,
  oAt: usize,
  iAt: usize,
  sumMAt: usize,
  sumPAt: usize,
  startAt: usize,
  sectorsAt: usize,
): void {
  mq = mqAt;
  pq = pqAt;
  O = oAt;
  I = iAt;
  sumM = sumMAt;
  sumP = sumPAt;
  start = startAt;
  sectors = sectorsAt;
}

/** sumM and sumP of the current O and I. */
export function sums(): void {
  for (let h = 0; h < 3; h++) {
    let p01 = f64x2.splat(0);
    let p23 = f64x2.splat(0);
    let p4: f64 = 0;
    for (let gi = 2 * h; gi < 2 * h + 2; gi++) {
      let a01 = f64x2.splat(0);
      let a23 = f64x2.splat(0);
      let a45 = f64x2.splat(0);
      let a67 = f64x2.splat(0);
      let a89 = f64x2.splat(0);
      let a1011 = f64x2.splat(0);
      const j1 = load<i32>(start + ((<usize>(gi + 1)) << 2));
      for (let j = load<i32>(start + ((<usize>gi) << 2)); j < j1; j++) {
        const s = <usize>load<i32>(sectors + ((<usize>j) << 2));
        const p = load<f64>(O + (s << 3));
        const m = p * load<f64>(I + (s << 3));
        const mv = f64x2.splat(m);
        const pv = f64x2.splat(p);
        const b = mq + s * (NQM * 8);
        a01 = f64x2.add(a01, f64x2.mul(mv, v128.load(b)));
        a23 = f64x2.add(a23, f64x2.mul(mv, v128.load(b, 16)));
        a45 = f64x2.add(a45, f64x2.mul(mv, v128.load(b, 32)));
        a67 = f64x2.add(a67, f64x2.mul(mv, v128.load(b, 48)));
        a89 = f64x2.add(a89, f64x2.mul(mv, v128.load(b, 64)));
        a1011 = f64x2.add(a1011, f64x2.mul(mv, v128.load(b, 80)));
        const bp = pq + s * (PQ * 8);
        p01 = f64x2.add(p01, f64x2.mul(pv, v128.load(bp)));
        p23 = f64x2.add(p23, f64x2.mul(pv, v128.load(bp, 16)));
        p4 += p * load<f64>(bp, 32);
      }
      const o = sumM + <usize>(gi * NQM) * 8;
      v128.store(o, a01);
      v128.store(o, a23, 16);
      v128.store(o, a45, 32);
      v128.store(o, a67, 48);
      v128.store(o, a89, 64);
      v128.store(o, a1011, 80);
    }
    const op = sumP + <usize>(h * NQP) * 8;
    v128.store(op, p01);
    v128.store(op, p23, 16);
    store<f64>(op, p4, 32);
  }
}
