/**
 * AssemblyScript (see normal-inv.as.ts). The kernel's per run-year sector sums (runBlock in
 * src/core/scenario/kernel.ts, "Sums of the electrifiable sectors by group"), for every year of one
 * run: the data-parallel part of the lever stages (each stage then combines these sums with a handful
 * of scalar operations that depend on the run's lever order). Same operations in the same order as the
 * kernel, so the same bits.
 *
 * Layout (f64 unless said): g[nS·3] growth rates, e[nS] intensity declines, w[nY·3] growth weights,
 * mq[nS·12], pq[nS·6] (the kernel's pq rows of 5, padded to 6 so two f64x2 loads cover 4 of them),
 * start[7] (i32, groupStart), sectors (i32, groupedSectors), O and I scratch [nS]; output per year y:
 * sumM at outM + y·72 and sumP at outP + y·15 (the kernel's sumM and sumP of that year).
 */

const NQM = 12;
const NQP = 5;
const PQ = 6;

/** O and I of year y from year y − 1's (the kernel's update at the top of its year loop). */
function grow(nS: i32, y: i32, g: usize, e: usize, w: usize, O: usize, I: usize): void {
  if (y == 0) {
    for (let s = 0; s < nS; s++) {
      store<f64>(O + ((<usize>s) << 3), 1);
      store<f64>(I + ((<usize>s) << 3), 1);
    }
    return;
  }
  const wy = w + <usize>(y * 3) * 8;
  const w0 = load<f64>(wy);
  const w1 = load<f64>(wy, 8);
  const w2 = load<f64>(wy, 16);
  for (let s = 0; s < nS; s++) {
    const gs = g + <usize>(s * 3) * 8;
    const os = O + ((<usize>s) << 3);
    const is = I + ((<usize>s) << 3);
    store<f64>(
      os,
      load<f64>(os) * (1 + (w0 * load<f64>(gs) + w1 * load<f64>(gs, 8) + w2 * load<f64>(gs, 16))),
    );
    store<f64>(is, load<f64>(is) * (1 - load<f64>(e + ((<usize>s) << 3))));
  }
}

export function sectorSumsScalar(
  nS: i32,
  nY: i32,
  g: usize,
  e: usize,
  w: usize,
  mq: usize,
  pq: usize,
  start: usize,
  sectors: usize,
  O: usize,
  I: usize,
  outM: usize,
  outP: usize,
): void {
  for (let y = 0; y < nY; y++) {
    grow(nS, y, g, e, w, O, I);
    const rowM = outM + <usize>(y * 72) * 8;
    const rowP = outP + <usize>(y * 15) * 8;
    for (let h = 0; h < 3; h++) {
      let p0: f64 = 0;
      let p1: f64 = 0;
      let p2: f64 = 0;
      let p3: f64 = 0;
      let p4: f64 = 0;
      for (let gi = 2 * h; gi < 2 * h + 2; gi++) {
        let a0: f64 = 0;
        let a1: f64 = 0;
        let a2: f64 = 0;
        let a3: f64 = 0;
        let a4: f64 = 0;
        let a5: f64 = 0;
        let a6: f64 = 0;
        let a7: f64 = 0;
        let a8: f64 = 0;
        let a9: f64 = 0;
        let a10: f64 = 0;
        let a11: f64 = 0;
        const j1 = load<i32>(start + ((<usize>(gi + 1)) << 2));
        for (let j = load<i32>(start + ((<usize>gi) << 2)); j < j1; j++) {
          const s = load<i32>(sectors + ((<usize>j) << 2));
          const p = load<f64>(O + ((<usize>s) << 3));
          const m = p * load<f64>(I + ((<usize>s) << 3));
          const b = mq + <usize>(s * NQM) * 8;
          a0 += m * load<f64>(b);
          a1 += m * load<f64>(b, 8);
          a2 += m * load<f64>(b, 16);
          a3 += m * load<f64>(b, 24);
          a4 += m * load<f64>(b, 32);
          a5 += m * load<f64>(b, 40);
          a6 += m * load<f64>(b, 48);
          a7 += m * load<f64>(b, 56);
          a8 += m * load<f64>(b, 64);
          a9 += m * load<f64>(b, 72);
          a10 += m * load<f64>(b, 80);
          a11 += m * load<f64>(b, 88);
          const bp = pq + <usize>(s * PQ) * 8;
          p0 += p * load<f64>(bp);
          p1 += p * load<f64>(bp, 8);
          p2 += p * load<f64>(bp, 16);
          p3 += p * load<f64>(bp, 24);
          p4 += p * load<f64>(bp, 32);
        }
        const o = rowM + <usize>(gi * NQM) * 8;
        store<f64>(o, a0);
        store<f64>(o, a1, 8);
        store<f64>(o, a2, 16);
        store<f64>(o, a3, 24);
        store<f64>(o, a4, 32);
        store<f64>(o, a5, 40);
        store<f64>(o, a6, 48);
        store<f64>(o, a7, 56);
        store<f64>(o, a8, 64);
        store<f64>(o, a9, 72);
        store<f64>(o, a10, 80);
        store<f64>(o, a11, 88);
      }
      const op = rowP + <usize>(h * NQP) * 8;
      store<f64>(op, p0);
      store<f64>(op, p1, 8);
      store<f64>(op, p2, 16);
      store<f64>(op, p3, 24);
      store<f64>(op, p4, 32);
    }
  }
}

/** As sectorSumsScalar, the 12 + 5 sums in f64x2 lanes (6 + 2 vectors and one scalar). */
export function sectorSumsF64x2(
  nS: i32,
  nY: i32,
  g: usize,
  e: usize,
  w: usize,
  mq: usize,
  pq: usize,
  start: usize,
  sectors: usize,
  O: usize,
  I: usize,
  outM: usize,
  outP: usize,
): void {
  for (let y = 0; y < nY; y++) {
    grow(nS, y, g, e, w, O, I);
    const rowM = outM + <usize>(y * 72) * 8;
    const rowP = outP + <usize>(y * 15) * 8;
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
          const s = load<i32>(sectors + ((<usize>j) << 2));
          const p = load<f64>(O + ((<usize>s) << 3));
          const m = p * load<f64>(I + ((<usize>s) << 3));
          const mv = f64x2.splat(m);
          const pv = f64x2.splat(p);
          const b = mq + <usize>(s * NQM) * 8;
          a01 = f64x2.add(a01, f64x2.mul(mv, v128.load(b)));
          a23 = f64x2.add(a23, f64x2.mul(mv, v128.load(b, 16)));
          a45 = f64x2.add(a45, f64x2.mul(mv, v128.load(b, 32)));
          a67 = f64x2.add(a67, f64x2.mul(mv, v128.load(b, 48)));
          a89 = f64x2.add(a89, f64x2.mul(mv, v128.load(b, 64)));
          a1011 = f64x2.add(a1011, f64x2.mul(mv, v128.load(b, 80)));
          const bp = pq + <usize>(s * PQ) * 8;
          p01 = f64x2.add(p01, f64x2.mul(pv, v128.load(bp)));
          p23 = f64x2.add(p23, f64x2.mul(pv, v128.load(bp, 16)));
          p4 += p * load<f64>(bp, 32);
        }
        const o = rowM + <usize>(gi * NQM) * 8;
        v128.store(o, a01);
        v128.store(o, a23, 16);
        v128.store(o, a45, 32);
        v128.store(o, a67, 48);
        v128.store(o, a89, 64);
        v128.store(o, a1011, 80);
      }
      const op = rowP + <usize>(h * NQP) * 8;
      v128.store(op, p01);
      v128.store(op, p23, 16);
      store<f64>(op, p4, 32);
    }
  }
}
