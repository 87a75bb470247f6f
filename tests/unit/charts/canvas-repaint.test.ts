// @vitest-environment jsdom
import { describe, it, expect, vi } from 'vitest';
import { paintAndRepaint } from '../../../src/lib/charts/canvas-repaint';

describe('paintAndRepaint', () => {
  it('paints at once and again when the reader switches the theme', async () => {
    const paint = vi.fn();
    const owner = {};
    paintAndRepaint(owner, paint);
    expect(paint).toHaveBeenCalledTimes(1);
    document.documentElement.dataset.theme = 'dark';
    await vi.waitFor(() => expect(paint).toHaveBeenCalledTimes(2));
    delete document.documentElement.dataset.theme;
    await vi.waitFor(() => expect(paint).toHaveBeenCalledTimes(3));
  });

  it('does not paint again for an export switching the page light for a moment', async () => {
    const paint = vi.fn();
    paintAndRepaint({}, paint);
    document.documentElement.setAttribute('data-export-light', '');
    document.documentElement.removeAttribute('data-export-light');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(paint).toHaveBeenCalledTimes(1);
  });

  it('paints light and at least twice as dense for print, then as the screen shows it again', () => {
    const seen: { light: boolean; density: number }[] = [];
    paintAndRepaint({}, ({ density }) => seen.push({ light: document.documentElement.hasAttribute('data-export-light'), density }));
    window.dispatchEvent(new Event('beforeprint'));
    window.dispatchEvent(new Event('afterprint'));
    expect(seen).toEqual([
      { light: false, density: 1 },
      { light: true, density: 2 },
      { light: false, density: 1 },
    ]);
  });
});
