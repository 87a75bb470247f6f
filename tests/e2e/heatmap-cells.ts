/**
 * The 收回事项热力图's cells as a reader meets them. They are painted on a canvas, so a test reads
 * them the way a keyboard reader does: the one cursor in the chart, walked with the arrow keys, says
 * each cell's figures (`data-*`) and name; and the way a sighted reader does: the pixels under a cell.
 */
import type { Page } from 'playwright-core';

const CURSOR = '[data-testid=reclaimed-heatmap] g.cell-cursor';

export interface HeatmapCell {
  dutyGroup: number;
  unit: string;
  /** At township level: how the township holds the duty. */
  status?: string;
  /** Past townships: how many of the unit's townships hold it each way. */
  reclaimed?: number;
  coop?: number;
  basic?: number;
  townships?: number;
  share?: number;
  label: string;
}

/**
 * Every cell, row by row: the cursor walked from the first cell with the keys the chart answers to
 * (sent as events in the page, a county's thousands of cells in one go). Leaves the cursor on the last
 * cell, the page scrolled as it was and no tooltip shown.
 */
export async function heatmapCells(page: Page): Promise<HeatmapCell[]> {
  const raw = await page.$eval(CURSOR, (cursor) => {
    const press = (key: string, ctrlKey = false) => cursor.dispatchEvent(new KeyboardEvent('keydown', { key, ctrlKey, bubbles: true }));
    const here = (): Record<string, string> =>
      ({ ...(cursor as SVGElement).dataset, label: cursor.getAttribute('aria-label') ?? '' }) as Record<string, string>;
    const cells: Record<string, string>[] = [];
    // The walk scrolls the cursor into view and shows its tooltip: the page is left as it was found.
    const [x, y] = [scrollX, scrollY];
    press('Home', true);
    for (;;) {
      for (;;) {
        const cell = here();
        cells.push(cell);
        press('ArrowRight');
        if (here().unit === cell.unit) break;
      }
      press('Home');
      const row = here().dutyGroup;
      press('ArrowDown');
      if (here().dutyGroup === row) break;
    }
    scrollTo(x, y);
    if (document.activeElement !== cursor) cursor.closest('svg')!.dispatchEvent(new MouseEvent('mouseleave'));
    return cells;
  });
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  return raw.map((c) => ({
    dutyGroup: Number(c.dutyGroup),
    unit: c.unit,
    status: c.status,
    reclaimed: number(c.reclaimed),
    coop: number(c.coop),
    basic: number(c.basic),
    townships: number(c.townships),
    share: number(c.share),
    label: c.label,
  }));
}

/**
 * Puts the cursor on a cell (by duty group and unit) without focusing it, and returns the cell's box
 * on the page, to point at or click; no tooltip is left showing unless the cursor has the focus.
 */
export async function cellBox(
  page: Page,
  dutyGroup: number,
  unit: string,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.$eval(
    CURSOR,
    (cursor, [group, key]) => {
      const press = (k: string, ctrlKey = false) => cursor.dispatchEvent(new KeyboardEvent('keydown', { key: k, ctrlKey, bubbles: true }));
      const data = (cursor as SVGElement).dataset;
      press('Home', true);
      for (let last = ''; data.dutyGroup !== group && last !== data.dutyGroup;) {
        last = data.dutyGroup!;
        press('ArrowDown');
      }
      for (let last = ''; data.unit !== key && last !== data.unit;) {
        last = data.unit!;
        press('ArrowRight');
      }
      if (data.dutyGroup !== group || data.unit !== key) return null;
      // The keys showed each cell's tooltip: a test pointing at the cell must see the pointer's, not theirs.
      if (document.activeElement !== cursor) cursor.closest('svg')!.dispatchEvent(new MouseEvent('mouseleave'));
      const r = cursor.querySelector('rect')!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    },
    [String(dutyGroup), unit],
  );
  if (!box) throw new Error(`no heatmap cell for duty group ${dutyGroup} and unit ${unit}`);
  return box;
}

/** The tooltip's line for the cell pointed at or focused (the others list the rest of its row). */
export const tooltipCell = (page: Page) => page.locator('[data-testid=view-heatmap] [role=tooltip] li.this');

/** The centre of a cell on the page. */
export const centre = (box: { x: number; y: number; width: number; height: number }) => ({
  x: box.x + box.width / 2,
  y: box.y + box.height / 2,
});

/** The colour painted at a point of the page inside the heatmap's canvas, as [r, g, b]. */
export function canvasColourAt(page: Page, point: { x: number; y: number }): Promise<[number, number, number]> {
  return page.$eval(
    '[data-testid=reclaimed-heatmap] foreignObject.cell-canvas canvas',
    (canvas, p) => {
      const c = canvas as HTMLCanvasElement;
      const r = c.getBoundingClientRect();
      const x = Math.floor(((p.x - r.left) * c.width) / r.width);
      const y = Math.floor(((p.y - r.top) * c.height) / r.height);
      const [red, green, blue] = c.getContext('2d')!.getImageData(x, y, 1, 1).data;
      return [red, green, blue] as [number, number, number];
    },
    point,
  );
}
