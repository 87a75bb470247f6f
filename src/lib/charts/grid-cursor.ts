/**
 * The keyboard and pointer side of a grid of cells that are not elements of their own (a painted
 * heatmap): one focusable cursor, moved with the arrow keys, stands for the cell it is on — its
 * accessible name and `data-*` attributes are that cell's — and the pointer finds the cell under it by
 * position. The grid is one stop in the tab order, as the WAI-ARIA grid pattern has it, not one per
 * cell (a county's 2,000 cells were 2,000 tab stops).
 */
const SVG_NS = 'http://www.w3.org/2000/svg';

export interface GridBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GridCursorOptions {
  rows: number;
  columns: number;
  /** Where a cell is, in the chart's coordinates. */
  box: (row: number, column: number) => GridBox;
  /** The cell at a point of the chart, or null between and outside cells. */
  cellAt: (x: number, y: number) => [row: number, column: number] | null;
  /** A cell's accessible name. */
  label: (row: number, column: number) => string;
  /** A cell's figures, written on the cursor as `data-<key>` while it is on the cell. */
  attributes?: (row: number, column: number) => Record<string, string | number>;
  /** A click, Enter or Space on a cell. */
  onOpen?: (row: number, column: number) => void;
  /** Pointing at or focusing a cell (`element` is where it is on the page, to place a tooltip by), and leaving it (null). */
  onHover?: (hit: { row: number; column: number; element: Element } | null, event: Event) => void;
}

/** How many rows Page Up / Page Down move: about a screenful of 24-pixel rows. */
const PAGE_ROWS = 20;

/**
 * Adds the cursor (`g.cell-cursor`, focusable) and the pointer's outline (`rect.cell-hover`) to `svg`,
 * whose drawing is `width` wide in its own coordinates, and handles keys, clicks and the pointer.
 */
export function gridCursor(svg: SVGSVGElement, width: number, options: GridCursorOptions): SVGGElement {
  const doc = svg.ownerDocument;
  const hoverBox = doc.createElementNS(SVG_NS, 'rect');
  hoverBox.setAttribute('class', 'cell-hover');
  hoverBox.setAttribute('pointer-events', 'none');
  hoverBox.setAttribute('fill', 'none');
  hoverBox.setAttribute('display', 'none');
  const cursor = doc.createElementNS(SVG_NS, 'g') as SVGGElement;
  cursor.setAttribute('class', 'cell-cursor');
  cursor.setAttribute('tabindex', '0');
  cursor.setAttribute('role', 'button');
  cursor.setAttribute('aria-keyshortcuts', 'ArrowUp ArrowDown ArrowLeft ArrowRight Home End PageUp PageDown');
  const cursorBox = doc.createElementNS(SVG_NS, 'rect');
  cursorBox.setAttribute('fill', 'none');
  cursorBox.setAttribute('pointer-events', 'none');
  cursor.append(cursorBox);
  svg.append(hoverBox, cursor);

  let at: [number, number] = [0, 0];
  let written: string[] = [];
  const place = (rect: Element, row: number, column: number) => {
    const box = options.box(row, column);
    for (const key of ['x', 'y', 'width', 'height'] as const) rect.setAttribute(key, String(box[key]));
  };
  const moveTo = (row: number, column: number) => {
    at = [row, column];
    place(cursorBox, row, column);
    cursor.setAttribute('aria-label', options.label(row, column));
    for (const name of written) cursor.removeAttribute(name);
    written = Object.entries(options.attributes?.(row, column) ?? {}).map(([key, value]) => {
      cursor.setAttribute(`data-${key}`, String(value));
      return `data-${key}`;
    });
  };
  if (options.rows > 0 && options.columns > 0) moveTo(0, 0);

  let reported: string | null = null;
  const report = (hit: { row: number; column: number; element: Element } | null, event: Event) => {
    const key = hit ? `${hit.row},${hit.column},${hit.element === cursor}` : null;
    if (key === reported) return;
    reported = key;
    options.onHover?.(hit, event);
  };

  cursor.addEventListener('keydown', (event) => {
    const [row, column] = at;
    const last = [options.rows - 1, options.columns - 1];
    const clamp = (value: number, max: number) => Math.max(0, Math.min(max, value));
    const next: Record<string, [number, number]> = {
      ArrowUp: [row - 1, column],
      ArrowDown: [row + 1, column],
      ArrowLeft: [row, column - 1],
      ArrowRight: [row, column + 1],
      Home: event.ctrlKey ? [0, 0] : [row, 0],
      End: event.ctrlKey ? [last[0], last[1]] : [row, last[1]],
      PageUp: [row - PAGE_ROWS, column],
      PageDown: [row + PAGE_ROWS, column],
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      options.onOpen?.(row, column);
      return;
    }
    const target = next[event.key];
    if (!target) return;
    event.preventDefault();
    moveTo(clamp(target[0], last[0]), clamp(target[1], last[1]));
    cursorBox.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    report({ row: at[0], column: at[1], element: cursor }, event);
  });
  cursor.addEventListener('focus', (event) => report({ row: at[0], column: at[1], element: cursor }, event));
  cursor.addEventListener('blur', (event) => report(null, event));

  /** The cell under a pointer event: its position in the chart's own coordinates (the chart may be drawn scaled). */
  const cellOf = (event: MouseEvent) => {
    const frame = svg.getBoundingClientRect();
    const scale = frame.width > 0 ? width / frame.width : 1;
    return options.cellAt((event.clientX - frame.left) * scale, (event.clientY - frame.top) * scale);
  };
  svg.addEventListener('mousemove', (event) => {
    const cell = cellOf(event);
    if (!cell) {
      hoverBox.setAttribute('display', 'none');
      if (reported && !reported.endsWith('true')) report(null, event);
      return;
    }
    place(hoverBox, cell[0], cell[1]);
    hoverBox.removeAttribute('display');
    report({ row: cell[0], column: cell[1], element: hoverBox }, event);
  });
  svg.addEventListener('mouseleave', (event) => {
    hoverBox.setAttribute('display', 'none');
    report(null, event);
  });
  svg.addEventListener('click', (event) => {
    const cell = cellOf(event);
    if (!cell) return;
    // The keyboard carries on from the cell clicked.
    moveTo(cell[0], cell[1]);
    options.onOpen?.(cell[0], cell[1]);
  });
  return cursor;
}
