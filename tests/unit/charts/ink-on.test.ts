import { describe, expect, it } from 'vitest';
import { inkOn } from '../../../src/lib/charts/ink-on';
import { LIST_COLOURS } from '../../../src/lib/ui/theme';

describe('inkOn', () => {
  it('writes white on the blue list and black on the orange and purple ones, as the slides do', () => {
    expect(inkOn(LIST_COLOURS.basic)).toBe('white');
    expect(inkOn(LIST_COLOURS.coop)).toBe('black');
    expect(inkOn(LIST_COLOURS.reclaimed)).toBe('black');
  });

  it('follows the colour at both ends of a dark-to-light scheme', () => {
    expect(inkOn('#440154')).toBe('white');
    expect(inkOn('#fde725')).toBe('black');
    expect(inkOn('rgb(255, 255, 255)')).toBe('black');
  });
});
