/**
 * AssemblyScript, not TypeScript: f64, v128 and usize are AssemblyScript's types, so tsconfig.json leaves
 * `*.as.ts` out (ESLint and Prettier read it as TypeScript syntax, which it is; hence no decorators).
 * Compiled at bench time by ./build.ts, never committed as .wasm.
 *
 * The inverse standard normal CDF of src/core/stats/normal.ts (normalInv) over an array: M. J.
 * Wichura, Algorithm AS 241 PPND16, Appl. Statist. 37 (1988) 477–484, with the coefficients written as
 * in normal.ts (their shortest double-precision form) and every operation in normal.ts's order, so the
 * central region (|p − 0.5| ≤ 0.425) gives the same bits; the tails differ only where this module's
 * Math.log (AssemblyScript's port of musl) and V8's (fdlibm) round differently.
 *
 * normalInvScalar: one value at a time. normalInvF64x2: two values per step in wasm SIMD f64x2 lanes;
 * a pair with a tail value also evaluates the tail polynomial (log taken lane by lane, no SIMD log), and
 * a pair holding 0, 1, NaN or a value outside [0, 1] goes through the scalar path.
 */

// Central region, |q| <= 0.425, r = 0.180625 − q²: q · A(r) / B(r) (AS 241, coefficients a0..a7, b1..b7).
const A7: f64 = 2509.0809287301227;
const A6: f64 = 33430.57558358813;
const A5: f64 = 67265.7709270087;
const A4: f64 = 45921.95393154987;
const A3: f64 = 13731.69376550946;
const A2: f64 = 1971.5909503065513;
const A1: f64 = 133.14166789178438;
const A0: f64 = 3.3871328727963665;
const B7: f64 = 5226.495278852854;
const B6: f64 = 28729.085735721943;
const B5: f64 = 39307.89580009271;
const B4: f64 = 21213.794301586597;
const B3: f64 = 5394.196021424751;
const B2: f64 = 687.1870074920579;
const B1: f64 = 42.31333070160091;
// Intermediate tail, r = sqrt(−log(min(p, 1 − p))) − 1.6 with r + 1.6 <= 5 (AS 241, c0..c7, d1..d7).
const C7: f64 = 0.0007745450142783414;
const C6: f64 = 0.022723844989269184;
const C5: f64 = 0.2417807251774506;
const C4: f64 = 1.2704582524523684;
const C3: f64 = 3.6478483247632045;
const C2: f64 = 5.769497221460691;
const C1: f64 = 4.630337846156546;
const C0: f64 = 1.4234371107496835;
const D7: f64 = 1.0507500716444169e-9;
const D6: f64 = 0.0005475938084995345;
const D5: f64 = 0.015198666563616457;
const D4: f64 = 0.14810397642748008;
const D3: f64 = 0.6897673349851;
const D2: f64 = 1.6763848301838038;
const D1: f64 = 2.053191626637759;
// Far tail, r − 5 (AS 241, e0..e7, f1..f7).
const E7: f64 = 2.0103343992922881e-7;
const E6: f64 = 0.000027115555687434876;
const E5: f64 = 0.0012426609473880784;
const E4: f64 = 0.026532189526576124;
const E3: f64 = 0.29656057182850487;
const E2: f64 = 1.7848265399172913;
const E1: f64 = 5.463784911164114;
const E0: f64 = 6.657904643501103;
const F7: f64 = 2.0442631033899397e-15;
const F6: f64 = 1.421511758316446e-7;
const F5: f64 = 0.000018463183175100548;
const F4: f64 = 0.0007868691311456133;
const F3: f64 = 0.014875361290850615;
const F2: f64 = 0.1369298809227358;
const F1: f64 = 0.599832206555888;

/** Where the caller may place its arrays: the end of the module's static data. */
export function heapBase(): usize {
  return __heap_base;
}

// ((((((c7 r + c6) r + c5) r + c4) r + c3) r + c2) r + c1) r + c0, as normal.ts writes it.
function horner(r: f64, c7: f64, c6: f64, c5: f64, c4: f64, c3: f64, c2: f64, c1: f64, c0: f64): f64 {
  return ((((((c7 * r + c6) * r + c5) * r + c4) * r + c3) * r + c2) * r + c1) * r + c0;
}

function hornerV(r: v128, c7: f64, c6: f64, c5: f64, c4: f64, c3: f64, c2: f64, c1: f64, c0: f64): v128 {
  let a = f64x2.add(f64x2.mul(f64x2.splat(c7), r), f64x2.splat(c6));
  a = f64x2.add(f64x2.mul(a, r), f64x2.splat(c5));
  a = f64x2.add(f64x2.mul(a, r), f64x2.splat(c4));
  a = f64x2.add(f64x2.mul(a, r), f64x2.splat(c3));
  a = f64x2.add(f64x2.mul(a, r), f64x2.splat(c2));
  a = f64x2.add(f64x2.mul(a, r), f64x2.splat(c1));
  return f64x2.add(f64x2.mul(a, r), f64x2.splat(c0));
}

function normalInv(p: f64): f64 {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p == 0) return -Infinity;
  if (p == 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * horner(r, A7, A6, A5, A4, A3, A2, A1, A0)) / horner(r, B7, B6, B5, B4, B3, B2, B1, 1);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: f64;
  if (r <= 5) {
    r -= 1.6;
    value = horner(r, C7, C6, C5, C4, C3, C2, C1, C0) / horner(r, D7, D6, D5, D4, D3, D2, D1, 1);
  } else {
    r -= 5;
    value = horner(r, E7, E6, E5, E4, E3, E2, E1, E0) / horner(r, F7, F6, F5, F4, F3, F2, F1, 1);
  }
  return q < 0 ? -value : value;
}

/** out[i] = Φ⁻¹(input[i]) for i < n, one value at a time. */
export function normalInvScalar(input: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const o = (<usize>i) << 3;
    store<f64>(out + o, normalInv(load<f64>(input + o)));
  }
}

/** out[i] = Φ⁻¹(input[i]) for i < n, two values per step (f64x2). */
export function normalInvF64x2(input: usize, out: usize, n: i32): void {
  const zero = f64x2.splat(0);
  const one = f64x2.splat(1);
  const half = f64x2.splat(0.5);
  const bound = f64x2.splat(0.425);
  const five = f64x2.splat(5);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const o = (<usize>i) << 3;
    const p = v128.load(input + o);
    // Both lanes strictly inside (0, 1) (false for NaN): else the scalar path, as normal.ts.
    if (!i64x2.all_true(v128.and(f64x2.gt(p, zero), f64x2.lt(p, one)))) {
      store<f64>(out + o, normalInv(f64x2.extract_lane(p, 0)));
      store<f64>(out + o + 8, normalInv(f64x2.extract_lane(p, 1)));
      continue;
    }
    const q = f64x2.sub(p, half);
    const central = f64x2.le(f64x2.abs(q), bound);
    let res: v128;
    if (i64x2.all_true(central)) {
      const r = f64x2.sub(f64x2.splat(0.180625), f64x2.mul(q, q));
      res = f64x2.div(
        f64x2.mul(q, hornerV(r, A7, A6, A5, A4, A3, A2, A1, A0)),
        hornerV(r, B7, B6, B5, B4, B3, B2, B1, 1),
      );
    } else {
      const neg = f64x2.lt(q, zero);
      const m = v128.bitselect(p, f64x2.sub(one, p), neg);
      const l = f64x2(Math.log(f64x2.extract_lane(m, 0)), Math.log(f64x2.extract_lane(m, 1)));
      const r = f64x2.sqrt(f64x2.neg(l));
      const near = f64x2.le(r, five);
      let value: v128;
      if (i64x2.all_true(near)) {
        const t = f64x2.sub(r, f64x2.splat(1.6));
        value = f64x2.div(
          hornerV(t, C7, C6, C5, C4, C3, C2, C1, C0),
          hornerV(t, D7, D6, D5, D4, D3, D2, D1, 1),
        );
      } else {
        const t = f64x2.sub(r, f64x2.splat(1.6));
        const u = f64x2.sub(r, five);
        value = v128.bitselect(
          f64x2.div(hornerV(t, C7, C6, C5, C4, C3, C2, C1, C0), hornerV(t, D7, D6, D5, D4, D3, D2, D1, 1)),
          f64x2.div(hornerV(u, E7, E6, E5, E4, E3, E2, E1, E0), hornerV(u, F7, F6, F5, F4, F3, F2, F1, 1)),
          near,
        );
      }
      res = v128.bitselect(f64x2.neg(value), value, neg);
      if (v128.any_true(central)) {
        const r = f64x2.sub(f64x2.splat(0.180625), f64x2.mul(q, q));
        const c = f64x2.div(
          f64x2.mul(q, hornerV(r, A7, A6, A5, A4, A3, A2, A1, A0)),
          hornerV(r, B7, B6, B5, B4, B3, B2, B1, 1),
        );
        res = v128.bitselect(c, res, central);
      }
    }
    v128.store(out + o, res);
  }
  if (i < n) {
    const o = (<usize>i) << 3;
    store<f64>(out + o, normalInv(load<f64>(input + o)));
  }
}
