// @vitest-environment jsdom
import { describe, it, expect, vi } from 'vitest';
import { paintAndRepaint, release, restore } from '../../../src/lib/charts/canvas-repaint';

/** A canvas on the page (as a chart's is while shown). */
const shownCanvas = () => document.body.appendChild(document.createElement('canvas'));
const switchTheme = async (theme: string | null) => {
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
  await new Promise((resolve) => setTimeout(resolve, 0)); // the observer's callback
};

describe('paintAndRepaint', () => {
  it('paints at once and again when the reader switches the theme', async () => {
    const paint = vi.fn();
    paintAndRepaint(shownCanvas(), paint);
    expect(paint).toHaveBeenCalledTimes(1);
    await switchTheme('dark');
    expect(paint).toHaveBeenCalledTimes(2);
    await switchTheme(null);
    expect(paint).toHaveBeenCalledTimes(3);
  });

  it('does not paint again for an export switching the page light for a moment', async () => {
    const paint = vi.fn();
    paintAndRepaint(shownCanvas(), paint);
    document.documentElement.setAttribute('data-export-light', '');
    document.documentElement.removeAttribute('data-export-light');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(paint).toHaveBeenCalledTimes(1);
  });

  it('paints light and at least twice as dense for print, then as the screen shows it again', () => {
    const seen: { light: boolean; density: number }[] = [];
    paintAndRepaint(shownCanvas(), ({ density }) =>
      seen.push({ light: document.documentElement.hasAttribute('data-export-light'), density }),
    );
    window.dispatchEvent(new Event('beforeprint'));
    window.dispatchEvent(new Event('afterprint'));
    expect(seen).toEqual([
      { light: false, density: 1 },
      { light: true, density: 2 },
      { light: false, density: 1 },
    ]);
  });

  it('leaves a canvas off the page unpainted until it is restored, and frees a released one', async () => {
    const paint = vi.fn();
    const canvas = shownCanvas();
    paintAndRepaint(canvas, paint);
    canvas.remove();
    await switchTheme('dark');
    expect(paint).toHaveBeenCalledTimes(1);
    document.body.append(canvas);
    restore(canvas);
    expect(paint).toHaveBeenCalledTimes(2);
    restore(canvas); // painted already: nothing to do
    expect(paint).toHaveBeenCalledTimes(2);
    canvas.width = canvas.height = 300;
    release(canvas);
    expect([canvas.width, canvas.height]).toEqual([0, 0]);
    restore(canvas);
    expect(paint).toHaveBeenCalledTimes(3);
    await switchTheme(null);
  });

  it('paints the others when one cannot', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing = vi.fn();
    paintAndRepaint(shownCanvas(), failing);
    failing.mockImplementation(() => {
      throw new Error('no context');
    });
    const paint = vi.fn();
    paintAndRepaint(shownCanvas(), paint);
    await switchTheme('dark');
    expect(failing).toHaveBeenCalledTimes(2);
    expect(paint).toHaveBeenCalledTimes(2);
    expect(error).toHaveBeenCalled();
    await switchTheme(null);
    error.mockRestore();
  });
});
