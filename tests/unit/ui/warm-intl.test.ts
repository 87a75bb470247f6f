import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * The page makes its first number format while it waits for the data worker (src/lib/ui/warm-intl.ts):
 * when the main thread is idle, not at once, and the formats the charts then use are ready.
 */
/** Counts the number formats made from now on (their arguments), until restored. */
function countNumberFormats(): { made: unknown[][]; restore(): void } {
  const Real = Intl.NumberFormat;
  const made: unknown[][] = [];
  Intl.NumberFormat = class extends Real {
    constructor(...args: ConstructorParameters<typeof Real>) {
      super(...args);
      made.push(args);
    }
  } as typeof Real;
  return { made, restore: () => void (Intl.NumberFormat = Real) };
}

describe('warmNumberFormats', () => {
  let restore = () => {};
  afterEach(() => {
    restore();
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('makes the first zh-CN number format in an idle callback, not before', async () => {
    vi.resetModules();
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    const counted = countNumberFormats();
    restore = counted.restore;
    const { warmNumberFormats } = await import('../../../src/lib/ui/warm-intl');
    warmNumberFormats();
    expect(counted.made).toEqual([]);
    expect(idle).toHaveLength(1);
    idle[0]();
    expect(counted.made).toEqual([['zh-CN', undefined]]);
    // The count format is the one made: the chart's later calls reuse it.
    const { formatCount } = await import('../../../src/lib/ui/strings');
    expect(formatCount(12345)).toBe('12,345');
    expect(counted.made).toHaveLength(1);
  });

  it('still makes it where the browser has no idle callbacks', async () => {
    vi.resetModules();
    vi.stubGlobal('requestIdleCallback', undefined);
    vi.useFakeTimers();
    try {
      const counted = countNumberFormats();
      restore = counted.restore;
      const { warmNumberFormats } = await import('../../../src/lib/ui/warm-intl');
      warmNumberFormats();
      expect(counted.made).toEqual([]);
      vi.runAllTimers();
      expect(counted.made).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
