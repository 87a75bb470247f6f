// @vitest-environment jsdom
import { describe, it, expect, vi } from 'vitest';
import { paintWithTheme } from '../../../src/lib/charts/theme-paint';

describe('paintWithTheme', () => {
  it('paints at once and again when the reader switches the theme', async () => {
    const paint = vi.fn();
    const owner = {};
    paintWithTheme(owner, paint);
    expect(paint).toHaveBeenCalledTimes(1);
    document.documentElement.dataset.theme = 'dark';
    await vi.waitFor(() => expect(paint).toHaveBeenCalledTimes(2));
    delete document.documentElement.dataset.theme;
    await vi.waitFor(() => expect(paint).toHaveBeenCalledTimes(3));
  });

  it('does not paint again for an export switching the page light for a moment', async () => {
    const paint = vi.fn();
    paintWithTheme({}, paint);
    document.documentElement.setAttribute('data-export-light', '');
    document.documentElement.removeAttribute('data-export-light');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(paint).toHaveBeenCalledTimes(1);
  });
});
