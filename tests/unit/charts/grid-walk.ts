/**
 * A painted heatmap's cells read as a keyboard reader meets them (charts/grid-cursor.ts): the one
 * cursor in the chart, moved with the keys it answers to, says each cell's figures (`data-*`), its
 * accessible name and where it is.
 */
export interface CursorCell {
  /** The cell's row and column, from 0 (the grid's aria-rowindex and aria-colindex less one). */
  row: number;
  column: number;
  data: DOMStringMap;
  label: string;
  box: { x: number; y: number; width: number; height: number };
}

export const cursorOf = (svg: Element) => svg.querySelector<SVGGElement>('g.cell-cursor')!;

export const press = (svg: Element, key: string, ctrlKey = false) =>
  cursorOf(svg).dispatchEvent(new KeyboardEvent('keydown', { key, ctrlKey, bubbles: true }));

/** The cell the cursor is on. */
export function cursorCell(svg: Element): CursorCell {
  const cursor = cursorOf(svg);
  const rect = cursor.querySelector('rect')!;
  const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((k) => Number(rect.getAttribute(k)));
  return {
    row: Number(cursor.parentElement!.getAttribute('aria-rowindex')) - 1,
    column: Number(cursor.getAttribute('aria-colindex')) - 1,
    data: { ...cursor.dataset },
    label: cursor.getAttribute('aria-label')!,
    box: { x, y, width, height },
  };
}

/** Every cell, from the first (Ctrl+Home), along each row (→), then down (↓), until the keys move no further. */
export function walkCells(svg: Element): CursorCell[] {
  const cells: CursorCell[] = [];
  press(svg, 'Home', true);
  for (;;) {
    for (;;) {
      const cell = cursorCell(svg);
      cells.push(cell);
      press(svg, 'ArrowRight');
      if (cursorCell(svg).column === cell.column) break;
    }
    press(svg, 'Home');
    const row = cursorCell(svg).row;
    press(svg, 'ArrowDown');
    if (cursorCell(svg).row === row) return cells;
  }
}

/** Moves the cursor to the cell whose figures include `data` (`{ unit: 'p4', category: '乡村振兴' }`) and returns it. */
export function moveTo(svg: Element, data: Record<string, string>): CursorCell {
  const target = walkCells(svg).find((c) => Object.entries(data).every(([key, value]) => c.data[key] === value));
  if (!target) throw new Error(`no cell with ${JSON.stringify(data)}`);
  press(svg, 'Home', true);
  while (cursorCell(svg).row < target.row) press(svg, 'ArrowDown');
  while (cursorCell(svg).column < target.column) press(svg, 'ArrowRight');
  return cursorCell(svg);
}
