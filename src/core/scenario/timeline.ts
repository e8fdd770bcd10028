/**
 * Deterministic pieces of the model that depend on the year only: lever delivery ramps, the weights
 * of the growth draws and of the grid knots, planned PV capacity; and the input-name patterns of
 * correlations.
 */

/** Linear ramp: 0 before start, (t − start + 1)/(target − start + 1) while rolling out, 1 from target. */
export function rampAt(t: number, start: number, target: number): number {
  if (t < start) return 0;
  if (t >= target) return 1;
  return (t - start + 1) / (target - start + 1);
}

/**
 * Weights of the grid knots (base at the base year, then 2030, 2045, 2060) in the grid factor of year t:
 * a natural cubic spline through the knots (linear in the knot values, so the weights do not depend on
 * them), flat after the last knot. Knots not after the base year are skipped; with two points left the
 * spline is a straight line. docs/model.md §2.
 */
export function gridKnotWeights(t: number, baseYear: number): [number, number, number, number] {
  const times = [baseYear, 2030, 2045, 2060];
  const knots = [0, ...[1, 2, 3].filter((k) => times[k] > baseYear)];
  const w: [number, number, number, number] = [0, 0, 0, 0];
  const basis = naturalSplineBasis(
    knots.map((k) => times[k]),
    t,
  );
  knots.forEach((k, i) => (w[k] = basis[i]));
  return w;
}

/**
 * The value at t of each cardinal natural cubic spline through the points xs (the spline with value 1
 * at xs[k] and 0 at the others): the interpolation weights of a natural cubic spline. Held at the end
 * values outside [xs[0], xs[n]].
 */
function naturalSplineBasis(xs: readonly number[], t: number): number[] {
  const n = xs.length - 1;
  const out = new Array<number>(n + 1).fill(0);
  if (n === 0 || t <= xs[0]) {
    out[0] = 1;
    return out;
  }
  if (t >= xs[n]) {
    out[n] = 1;
    return out;
  }
  const h = xs.slice(1).map((x, i) => x - xs[i]);
  let i = 0;
  while (t > xs[i + 1]) i++;
  const a = (xs[i + 1] - t) / h[i];
  const b = (t - xs[i]) / h[i];
  for (let k = 0; k <= n; k++) {
    // Second derivatives M of the spline through the unit vector e_k (M_0 = M_n = 0), by the
    // tridiagonal system h_{j-1} M_{j-1} + 2 (h_{j-1} + h_j) M_j + h_j M_{j+1} = 6 (Δ_j − Δ_{j-1}).
    const y = (j: number) => (j === k ? 1 : 0);
    const m = new Array<number>(n + 1).fill(0);
    if (n >= 2) {
      const diag: number[] = [];
      const rhs: number[] = [];
      for (let j = 1; j < n; j++) {
        diag.push(2 * (h[j - 1] + h[j]));
        rhs.push(6 * ((y(j + 1) - y(j)) / h[j] - (y(j) - y(j - 1)) / h[j - 1]));
      }
      // Thomas algorithm: sub-diagonal h[j-1] (j ≥ 2), super-diagonal h[j] (j ≤ n − 2).
      for (let j = 1; j < n - 1; j++) {
        const f = h[j] / diag[j - 1];
        diag[j] -= f * h[j];
        rhs[j] -= f * rhs[j - 1];
      }
      for (let j = n - 1; j >= 1; j--) {
        const upper = j < n - 1 ? h[j] * m[j + 1] : 0;
        m[j] = (rhs[j - 1] - upper) / diag[j - 1];
      }
    }
    out[k] =
      a * y(i) + b * y(i + 1) + (((a * a * a - a) * m[i] + (b * b * b - b) * m[i + 1]) * h[i] * h[i]) / 6;
  }
  return out;
}

/** Anchor years of the three growth periods' rates (their centres): docs/model.md §2. */
export function growthAnchors(baseYear: number): [number, number, number] {
  return [(baseYear + 1 + 2030) / 2, 2035.5, 2050.5];
}

/**
 * Weights of the three growth-period draws (to2030, to2040, to2060) in the growth rate of year t:
 * linear interpolation between the periods' centres, held at the first and last. A period that lies
 * before the base year drops out. docs/model.md §2.
 */
export function growthWeights(t: number, baseYear: number): [number, number, number] {
  const anchors = growthAnchors(baseYear);
  const used = [0, 1, 2].filter((k) => k === 2 || (k === 0 ? baseYear < 2030 : baseYear < 2040));
  const w: [number, number, number] = [0, 0, 0];
  const basis = linearBasis(
    used.map((k) => anchors[k]),
    t,
  );
  used.forEach((k, i) => (w[k] = basis[i]));
  return w;
}

function linearBasis(xs: readonly number[], t: number): number[] {
  const out = new Array<number>(xs.length).fill(0);
  if (t <= xs[0]) out[0] = 1;
  else if (t >= xs[xs.length - 1]) out[xs.length - 1] = 1;
  else {
    let i = 0;
    while (t > xs[i + 1]) i++;
    const f = (t - xs[i]) / (xs[i + 1] - xs[i]);
    out[i] = 1 - f;
    out[i + 1] = f;
  }
  return out;
}

/** Planned capacity at year t: linear from 0 at the base year through the points, held after the last. */
export function capacityAt(
  t: number,
  baseYear: number,
  points: readonly { year: number; mw: number }[],
): number {
  const pts = points[0].year > baseYear ? [{ year: baseYear, mw: 0 }, ...points] : [...points];
  if (t <= pts[0].year) return pts[0].mw;
  for (let i = 1; i < pts.length; i++) {
    if (t <= pts[i].year) {
      const f = (t - pts[i - 1].year) / (pts[i].year - pts[i - 1].year);
      return pts[i - 1].mw + f * (pts[i].mw - pts[i - 1].mw);
    }
  }
  return pts[pts.length - 1].mw;
}

/** `growth.*.to2030` → a regex where `*` matches one dot-free segment. */
export function patternRegex(pattern: string): RegExp {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.]/g, '\\.'))
    .join('[^.]+');
  return new RegExp(`^${body}$`);
}
