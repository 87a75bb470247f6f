/**
 * A painted heatmap's cells (收回事项热力图's, 事项类别's) as a reader meets them. They are painted on a canvas, so a test reads
 * them the way a keyboard reader does: the one cursor in the chart, walked with the arrow keys, says
 * each cell's figures (`data-*`) and name; and the way a sighted reader does: the pixels under a cell.
 */
import type { Page } from 'playwright-core';

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

/** The cursor of a painted heatmap (`data-testid`): 收回事项热力图's or 事项类别's. */
const cursorIn = (chart: string) => `[data-testid=${chart}] g.cell-cursor`;

/**
 * Every cell of a painted heatmap, row by row, as its figures (`data-*`) and accessible name (`label`):
 * the cursor walked from the first cell with the keys the chart answers to (sent as events in the
 * page, a county's thousands of cells in one go). Leaves the cursor on the last cell, the page
 * scrolled as it was and no tooltip shown.
 */
export function gridCells(page: Page, chart: string): Promise<Record<string, string>[]> {
  return page.$eval(cursorIn(chart), (cursor) => {
    const press = (key: string, ctrlKey = false) => cursor.dispatchEvent(new KeyboardEvent('keydown', { key, ctrlKey, bubbles: true }));
    const column = () => cursor.getAttribute('aria-colindex');
    const row = () => cursor.parentElement!.getAttribute('aria-rowindex');
    const cells: Record<string, string>[] = [];
    // The walk scrolls the cursor into view and shows its tooltip: the page is left as it was found.
    const [x, y] = [scrollX, scrollY];
    press('Home', true);
    for (;;) {
      for (;;) {
        const at = column();
        cells.push({ ...(cursor as SVGElement).dataset, label: cursor.getAttribute('aria-label') ?? '' } as Record<string, string>);
        press('ArrowRight');
        if (column() === at) break;
      }
      press('Home');
      const at = row();
      press('ArrowDown');
      if (row() === at) break;
    }
    scrollTo(x, y);
    if (document.activeElement !== cursor) cursor.closest('svg')!.dispatchEvent(new MouseEvent('mouseleave'));
    return cells;
  });
}

/** Every cell of 收回事项热力图, row by row. */
export async function heatmapCells(page: Page): Promise<HeatmapCell[]> {
  const raw = await gridCells(page, 'reclaimed-heatmap');
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
 * Puts the cursor of a painted heatmap on the cell whose figures include `want` without focusing
 * it, and returns the cell's box on the page, to point at or click; no tooltip is left showing
 * unless the cursor has the focus.
 */
export async function gridCellBox(
  page: Page,
  chart: string,
  want: Record<string, string>,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.$eval(
    cursorIn(chart),
    (cursor, want) => {
      const press = (k: string, ctrlKey = false) => cursor.dispatchEvent(new KeyboardEvent('keydown', { key: k, ctrlKey, bubbles: true }));
      const column = () => cursor.getAttribute('aria-colindex');
      const row = () => cursor.parentElement!.getAttribute('aria-rowindex');
      const found = () => Object.entries(want).every(([key, value]) => (cursor as SVGElement).dataset[key] === value);
      press('Home', true);
      walk: for (;;) {
        for (;;) {
          if (found()) break walk;
          const at = column();
          press('ArrowRight');
          if (column() === at) break;
        }
        press('Home');
        const at = row();
        press('ArrowDown');
        if (row() === at) return null;
      }
      // The keys showed each cell's tooltip: a test pointing at the cell must see the pointer's, not theirs.
      if (document.activeElement !== cursor) cursor.closest('svg')!.dispatchEvent(new MouseEvent('mouseleave'));
      const r = cursor.querySelector('rect')!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    },
    want,
  );
  if (!box) throw new Error(`no cell in ${chart} with ${JSON.stringify(want)}`);
  return box;
}

/** The box of 收回事项热力图's cell of a duty group and unit (see `gridCellBox`). */
export const cellBox = (page: Page, dutyGroup: number, unit: string) =>
  gridCellBox(page, 'reclaimed-heatmap', { dutyGroup: String(dutyGroup), unit });

/** The tooltip's line for the cell pointed at or focused (the others list the rest of its row). */
export const tooltipCell = (page: Page) => page.locator('[data-testid=view-heatmap] [role=tooltip] li.this');

/** The centre of a cell on the page. */
export const centre = (box: { x: number; y: number; width: number; height: number }) => ({
  x: box.x + box.width / 2,
  y: box.y + box.height / 2,
});

/** The colour painted at a point of the page inside a painted heatmap's canvas, as [r, g, b]. */
export function canvasColourAt(
  page: Page,
  point: { x: number; y: number },
  chart = 'reclaimed-heatmap',
): Promise<[number, number, number]> {
  return page.$eval(
    `[data-testid=${chart}] foreignObject.cell-canvas canvas`,
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
