/**
 * The network graph's frames per second, against an empty requestAnimationFrame loop measured in
 * the same browser: while its layout runs (from the graph's data arriving until it has settled, at
 * least a second), and while a node is dragged. Works whether the layout runs on the main thread at
 * once, tick by tick, or in a worker: it only counts the frames the page manages to paint.
 */
import type { Browser, Page } from 'playwright-core';
import { openSession } from './browser';
import { change } from './measure-views';
import { framesPerSecond, longestFrameGap } from './stats';
import type { GraphFigures } from './types';

const BASELINE_MS = 2_000;
const DRAG_MS = 2_000;
const QUIET_MS = 500;
/** The graph's view and its chart (the first chart frame in it). */
const VIEW = 'network';
const CHART = `[data-testid="view-${VIEW}"] figure`;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function recordFrames(page: Page, during: () => Promise<void>): Promise<number[]> {
  await page.evaluate('window.__bench.startFrames()');
  await during();
  return page.evaluate<number[]>('window.__bench.stopFrames()');
}

export async function measureGraph(browser: Browser, siteUrl: string, timeoutMs: number): Promise<GraphFigures> {
  const session = await openSession(browser);
  let figures: GraphFigures = { baselineFps: NaN };
  try {
    const { page } = session;
    // The baseline: an empty loop on the bare page.
    await page.goto(`${siteUrl}bench/bare.html`);
    await page.waitForFunction('document.body.dataset.done !== undefined', undefined, { timeout: timeoutMs });
    const t0 = await page.evaluate<number>('performance.now()');
    const idle = await recordFrames(page, () => sleep(BASELINE_MS));
    const baselineFps = framesPerSecond(idle, t0, t0 + BASELINE_MS);

    await page.goto(siteUrl);
    await page.waitForFunction('window.__bench.firstChart() !== null', undefined, { timeout: timeoutMs, polling: 100 });
    figures = { baselineFps };

    // The layout: switch to the graph's view with the recorder running.
    const span = { from: NaN, to: NaN, settleMs: NaN };
    const frames = await recordFrames(page, async () => {
      const shown = await change(page, `?view=${VIEW}`, VIEW, timeoutMs);
      if (shown.timedOut) throw new Error(`the graph was not drawn within ${timeoutMs / 1000} s`);
      const settled = await page.evaluate<{ settledAt: number; changes: number; timedOut: boolean; missing: boolean }>(
        `window.__bench.settle(${JSON.stringify(CHART)}, ${QUIET_MS}, ${timeoutMs})`,
      );
      if (settled.missing) throw new Error(`no chart in the ${VIEW} view`);
      const settledAt = settled.changes === 0 ? shown.endedAt : settled.settledAt;
      const from = shown.lastResultAt;
      Object.assign(span, { from, to: Math.max(settledAt, from + 1000), settleMs: settledAt - from });
      const now = await page.evaluate<number>('performance.now()');
      if (now < span.to) await sleep(span.to - now);
    });
    const w = span;
    const marks = await page.evaluate<number>(`document.querySelectorAll(${JSON.stringify(`${CHART} [role="button"]`)}).length`);
    figures.layout = {
      fps: framesPerSecond(frames, w.from, w.to),
      longestGapMs: longestFrameGap(frames, w.from, w.to),
      settleMs: w.settleMs,
      marks,
    };

    // Dragging the largest node in a circle, one mouse move per frame's worth of time.
    const mark = await page.evaluate<{ x: number; y: number } | null>(`window.__bench.largestMark(${JSON.stringify(CHART)})`);
    if (!mark) return { ...figures, error: 'no node to drag' };
    const dragWindow = { from: NaN, to: NaN };
    const dragFrames = await recordFrames(page, async () => {
      await page.mouse.move(mark.x, mark.y);
      await page.mouse.down();
      const from = await page.evaluate<number>('performance.now()');
      const started = Date.now();
      for (let step = 0; Date.now() - started < DRAG_MS; step++) {
        const angle = (step / 30) * Math.PI;
        await page.mouse.move(mark.x + 40 * Math.sin(angle), mark.y + 40 * (1 - Math.cos(angle)) * 0.8);
        await sleep(8);
      }
      const to = await page.evaluate<number>('performance.now()');
      Object.assign(dragWindow, { from, to });
    });
    // Off the circle, so that a node that followed the mouse is away from where it started.
    await page.mouse.move(mark.x + 50, mark.y + 30);
    const moved = await page.evaluate<{ x: number; y: number } | null>('window.__bench.markCentre()');
    await page.mouse.up();
    figures.drag = {
      fps: framesPerSecond(dragFrames, dragWindow.from, dragWindow.to),
      longestGapMs: longestFrameGap(dragFrames, dragWindow.from, dragWindow.to),
      moved: moved !== null && Math.hypot(moved.x - mark.x, moved.y - mark.y) > 5,
    };
    return figures;
  } catch (e) {
    return { ...figures, error: e instanceof Error ? e.message : String(e) };
  } finally {
    await session.close();
  }
}
