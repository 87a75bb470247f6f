/**
 * From the growth measured between the two largest sizes of a run (100 → 1,100 townships), what a
 * larger selection would take. Two models through the same two points, because neither is known to
 * hold: a fixed cost plus a cost per township (linear), and a power law whose exponent says whether
 * the growth is slower (< 1) or faster (> 1) than the townships'. Where they differ much, the power
 * law is the warning.
 */

export interface Projection {
  at: number;
  linear: number;
  power: number;
  /** d log(value) / d log(townships) between the two points. */
  exponent: number;
  /** The larger of the two: what to plan for. */
  estimate: number;
}

/** Projects `points` ([townships, value], any order, at least two sizes) to `at` townships; null if it cannot. */
export function project(points: readonly (readonly [number, number])[], at: number): Projection | null {
  const usable = points.filter(([n, v]) => n > 0 && Number.isFinite(v) && v > 0).sort((a, b) => a[0] - b[0]);
  if (usable.length < 2) return null;
  const [n1, v1] = usable[usable.length - 2];
  const [n2, v2] = usable[usable.length - 1];
  if (n1 === n2) return null;
  const perTownship = (v2 - v1) / (n2 - n1);
  const linear = v2 + perTownship * (at - n2);
  const exponent = Math.log(v2 / v1) / Math.log(n2 / n1);
  const power = v2 * (at / n2) ** exponent;
  return { at, linear, power, exponent, estimate: Math.max(linear, power) };
}
