import { describe, expect, it } from 'vitest';
import { framesPerSecond, longestFrameGap, percentile, summarize } from '../../../scripts/bench/stats';

describe('percentile (nearest rank)', () => {
  it('is a measured sample, never an interpolation', () => {
    const samples = [12, 3, 7, 5, 9];
    expect(percentile(samples, 50)).toBe(7);
    expect(percentile(samples, 95)).toBe(12);
    expect(percentile(samples, 20)).toBe(3);
    expect(percentile(samples, 21)).toBe(5);
  });

  it('takes the 95th of 20 samples as the 19th, not the slowest', () => {
    const samples = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(samples, 95)).toBe(19);
    expect(percentile(samples, 100)).toBe(20);
  });

  it('is NaN without samples and leaves its input unsorted', () => {
    expect(percentile([], 95)).toBeNaN();
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('summarises count, median, p95 and maximum', () => {
    expect(summarize([4, 1, 3, 2])).toEqual({ n: 4, p50: 2, p95: 4, max: 4 });
  });
});

describe('frames', () => {
  // 60 Hz for 100 ms, then nothing for 300 ms (a long task), then 60 Hz again.
  const frames = [...Array.from({ length: 6 }, (_, i) => 1000 + i * 16.7), ...Array.from({ length: 6 }, (_, i) => 1400 + i * 16.7)];

  it('counts the frames painted within a window per second', () => {
    expect(framesPerSecond(frames, 1000, 1100)).toBeCloseTo(60, 0);
    expect(framesPerSecond(frames, 1000, 1500)).toBeCloseTo(24, 0);
    expect(framesPerSecond(frames, 1200, 1300)).toBe(0);
  });

  it('finds the longest stretch without a frame, up to the window’s edges', () => {
    expect(longestFrameGap(frames, 1000, 1500)).toBeCloseTo(1400 - (1000 + 5 * 16.7), 5);
    expect(longestFrameGap(frames, 1150, 1250)).toBe(100);
  });
});
