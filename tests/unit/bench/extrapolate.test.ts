import { describe, expect, it } from 'vitest';
import { project } from '../../../scripts/bench/extrapolate';

describe('project', () => {
  it('carries linear growth on through the two largest sizes, ignoring the fixed cost of the smallest', () => {
    // 500 ms fixed, 10 ms per township from 100 on; the 5-township point is off the line.
    const p = project(
      [
        [5, 200],
        [100, 1_500],
        [1_100, 11_500],
      ],
      38_000,
    )!;
    expect(p.linear).toBeCloseTo(380_500, 6);
    expect(p.exponent).toBeCloseTo(Math.log(11_500 / 1_500) / Math.log(11), 10);
    expect(p.power).toBeCloseTo(11_500 * (38_000 / 1_100) ** p.exponent, 6);
    expect(p.estimate).toBe(Math.max(p.linear, p.power));
  });

  it('agrees with the power law when growth is exactly proportional', () => {
    const p = project(
      [
        [1_100, 2_200],
        [100, 200],
      ],
      38_000,
    )!;
    expect(p.exponent).toBeCloseTo(1, 10);
    expect(p.linear).toBeCloseTo(76_000, 6);
    expect(p.power).toBeCloseTo(76_000, 6);
  });

  it('warns of faster than linear growth: the power law runs ahead', () => {
    const p = project(
      [
        [100, 100],
        [1_100, 100 * 11 ** 2],
      ],
      38_000,
    )!;
    expect(p.exponent).toBeCloseTo(2, 10);
    expect(p.power).toBeGreaterThan(p.linear);
    expect(p.estimate).toBe(p.power);
  });

  it('needs two sizes with measured, positive values', () => {
    expect(project([[1_100, 5]], 38_000)).toBeNull();
    expect(
      project(
        [
          [100, NaN],
          [1_100, 5],
        ],
        38_000,
      ),
    ).toBeNull();
    expect(
      project(
        [
          [100, 5],
          [100, 6],
        ],
        38_000,
      ),
    ).toBeNull();
  });
});
