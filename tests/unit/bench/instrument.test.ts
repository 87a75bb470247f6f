// @vitest-environment jsdom
/**
 * The in-page instrument (scripts/bench/page/instrument.js) in a DOM: when it says a view is redrawn.
 * The "app" here is a few listeners that change the page on popstate as a view would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

interface Redraw {
  ms: number;
  timedOut: boolean;
  started: number;
  lastChangeIn: string | null;
}
type Bench = { change(search: string, view: string, timeoutMs: number): Promise<Redraw> };

const bench = () => (window as unknown as { __bench: Bench }).__bench;
const later = (ms: number, work: () => void) => setTimeout(work, ms);

beforeAll(() => {
  // jsdom has no Resource Timing buffer to grow.
  (performance as unknown as { setResourceTimingBufferSize: () => void }).setResourceTimingBufferSize = () => {};
  const source = readFileSync(join(import.meta.dirname, '../../../scripts/bench/page/instrument.js'), 'utf8');
  new Function(source)();
});

let view: HTMLElement;
let onPop: (() => void) | null = null;
beforeEach(() => {
  const main = document.createElement('main');
  view = document.createElement('section');
  view.dataset.testid = 'view-x';
  main.append(view);
  document.body.replaceChildren(main);
  if (onPop) removeEventListener('popstate', onPop);
  onPop = null;
});
const onChange = (work: () => void) => {
  onPop = work;
  addEventListener('popstate', work);
};

describe('the bench instrument', () => {
  it("reports the paint after the view's last change", async () => {
    let lastAt = 0;
    onChange(() => {
      view.setAttribute('aria-busy', 'true');
      view.append(document.createElement('p'));
      // The view's last change lands in the task that ends its work.
      later(120, () => {
        view.append(document.createElement('p'));
        view.setAttribute('aria-busy', 'false');
        lastAt = performance.now();
      });
    });
    const redraw = await bench().change('?a=2', 'x', 5000);
    expect(redraw.timedOut).toBe(false);
    expect(redraw.started + redraw.ms).toBeGreaterThanOrEqual(lastAt);
  });

  it('names where the last change it waited for was', async () => {
    onChange(() => {
      const chart = document.createElement('figure');
      chart.dataset.testid = 'some-chart';
      view.setAttribute('aria-busy', 'true');
      view.append(chart);
      later(60, () => chart.append(document.createElement('svg')));
      // The last change: text written into the note, after the chart.
      const note = document.createElement('p');
      note.dataset.testid = 'late-note';
      chart.after(note);
      later(90, () => {
        view.setAttribute('aria-busy', 'false');
        note.append('text');
      });
    });
    const redraw = await bench().change('?a=4', 'x', 5000);
    expect(redraw.lastChangeIn).toBe('late-note');
  });

  it('times a change that redraws nothing at the first frame after it', async () => {
    const redraw = await bench().change('?a=3', 'x', 5000);
    expect(redraw.timedOut).toBe(false);
    expect(redraw.ms).toBeLessThan(1000);
  });
});
