import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * The page's first script makes a number format in a task of its own (src/lib/ui/warm-intl.ts):
 * not at once, so the script itself stays short, and before the charts make theirs.
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
    vi.useRealTimers();
  });

  it('makes a zh-CN number format in the next task, not before', async () => {
    vi.useFakeTimers();
    const counted = countNumberFormats();
    restore = counted.restore;
    const { warmNumberFormats } = await import('../../../src/lib/ui/warm-intl');
    warmNumberFormats();
    expect(counted.made).toEqual([]);
    vi.runAllTimers();
    expect(counted.made).toEqual([['zh-CN']]);
  });
});
