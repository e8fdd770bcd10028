/**
 * Deterministic pieces of the model that depend on the year only: lever delivery ramps, the grid
 * trajectory's interpolation weights, planned PV capacity; and the input-name patterns of correlations.
 */

/** Linear ramp: 0 before start, (t − start + 1)/(target − start + 1) while rolling out, 1 from target. */
export function rampAt(t: number, start: number, target: number): number {
  if (t < start) return 0;
  if (t >= target) return 1;
  return (t - start + 1) / (target - start + 1);
}

/** Piecewise-linear weights of the grid knots (base at the base year, then 2030, 2045, 2060) for year t. */
export function gridKnotWeights(t: number, baseYear: number): [number, number, number, number] {
  const times = [baseYear, 2030, 2045, 2060];
  const w: [number, number, number, number] = [0, 0, 0, 0];
  const knots = [0, ...[1, 2, 3].filter((k) => times[k] > baseYear)];
  if (t >= times[knots[knots.length - 1]]) {
    w[knots[knots.length - 1]] = 1;
    return w;
  }
  for (let i = 0; i + 1 < knots.length; i++) {
    const a = knots[i];
    const b = knots[i + 1];
    if (t <= times[b]) {
      const f = Math.max(0, (t - times[a]) / (times[b] - times[a]));
      w[a] = 1 - f;
      w[b] = f;
      return w;
    }
  }
  return w;
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
