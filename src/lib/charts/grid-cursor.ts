/**
 * The keyboard and pointer side of a grid of cells that are not elements of their own (a painted
 * heatmap), after the WAI-ARIA grid pattern: a `grid` holding one `row` with one `gridcell`, the
 * cursor, which stands for the cell it is on — its row and column indices, accessible name and
 * `data-*` attributes are that cell's — and which the arrow keys move. The grid is one stop in the
 * tab order (a county's 2,000 cells were 2,000 stops), and a screen reader on a grid cell passes the
 * arrow keys to the page. The pointer finds the cell under it by position.
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
  /** The grid's accessible name (what it shows, and how to move in it). */
  label: string;
  /** Where a cell is, in the chart's coordinates. */
  box: (row: number, column: number) => GridBox;
  /** The cell at a point of the chart, or null between and outside cells. */
  cellAt: (x: number, y: number) => [row: number, column: number] | null;
  /** A cell's accessible name. */
  cellLabel: (row: number, column: number) => string;
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
 * Adds the grid (`g[role=grid]` with the focusable cursor, `g.cell-cursor`) and the pointer's outline
 * (`rect.cell-hover`) to `svg`, whose drawing is `width` wide in its own coordinates, and handles
 * keys, clicks and the pointer. Adds nothing to a grid without cells.
 */
export function gridCursor(svg: SVGSVGElement, width: number, options: GridCursorOptions): void {
  if (options.rows <= 0 || options.columns <= 0) return;
  const doc = svg.ownerDocument;
  const element = (tag: string, attributes: Record<string, string | number>) => {
    const e = doc.createElementNS(SVG_NS, tag);
    for (const [key, value] of Object.entries(attributes)) e.setAttribute(key, String(value));
    return e;
  };
  // Outlines keep their width when the chart is drawn smaller than its size (a wide county, shrunk to the page).
  const outline = { fill: 'none', 'pointer-events': 'none', 'vector-effect': 'non-scaling-stroke' };
  const hoverBox = element('rect', { ...outline, class: 'cell-hover', display: 'none' });
  const grid = element('g', {
    class: 'cell-grid',
    role: 'grid',
    'aria-label': options.label,
    'aria-rowcount': options.rows,
    'aria-colcount': options.columns,
  });
  const row = element('g', { role: 'row' });
  const cursor = element('g', { class: 'cell-cursor', role: 'gridcell', tabindex: 0 }) as SVGGElement;
  const cursorBox = element('rect', outline);
  cursor.append(cursorBox);
  row.append(cursor);
  grid.append(row);
  svg.append(hoverBox, grid);

  let at: [number, number] = [0, 0];
  let written: string[] = [];
  const place = (rect: Element, r: number, c: number) => {
    const box = options.box(r, c);
    for (const key of ['x', 'y', 'width', 'height'] as const) rect.setAttribute(key, String(box[key]));
  };
  const moveTo = (r: number, c: number) => {
    at = [r, c];
    place(cursorBox, r, c);
    row.setAttribute('aria-rowindex', String(r + 1));
    cursor.setAttribute('aria-colindex', String(c + 1));
    cursor.setAttribute('aria-label', options.cellLabel(r, c));
    for (const name of written) cursor.removeAttribute(name);
    written = Object.entries(options.attributes?.(r, c) ?? {}).map(([key, value]) => {
      cursor.setAttribute(`data-${key}`, String(value));
      return `data-${key}`;
    });
  };
  moveTo(0, 0);

  let reported: string | null = null;
  const report = (hit: { row: number; column: number; element: Element } | null, event: Event) => {
    const key = hit ? `${hit.row},${hit.column},${hit.element === cursor}` : null;
    if (key === reported) return;
    reported = key;
    options.onHover?.(hit, event);
  };
  const focused = () => doc.activeElement === cursor;
  const atCursor = () => ({ row: at[0], column: at[1], element: cursor });

  cursor.addEventListener('keydown', (event) => {
    // Alt+arrows are the browser's (back, forward); Ctrl or Cmd with Home or End goes to a corner.
    if (event.altKey) return;
    const [r, c] = at;
    const last = [options.rows - 1, options.columns - 1];
    const corner = event.ctrlKey || event.metaKey;
    const next: Record<string, [number, number]> = {
      ArrowUp: [r - 1, c],
      ArrowDown: [r + 1, c],
      ArrowLeft: [r, c - 1],
      ArrowRight: [r, c + 1],
      Home: corner ? [0, 0] : [r, 0],
      End: corner ? [last[0], last[1]] : [r, last[1]],
      PageUp: [r - PAGE_ROWS, c],
      PageDown: [r + PAGE_ROWS, c],
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      options.onOpen?.(r, c);
      return;
    }
    const target = next[event.key];
    if (!target) return;
    event.preventDefault();
    const clamp = (value: number, max: number) => Math.max(0, Math.min(max, value));
    moveTo(clamp(target[0], last[0]), clamp(target[1], last[1]));
    cursorBox.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    report(atCursor(), event);
  });
  cursor.addEventListener('focus', (event) => report(atCursor(), event));
  cursor.addEventListener('blur', (event) => report(null, event));

  /** The cell under a pointer event: its position in the chart's own coordinates (the chart may be drawn scaled). */
  const cellOf = (event: MouseEvent) => {
    const frame = svg.getBoundingClientRect();
    const scale = frame.width > 0 ? width / frame.width : 1;
    return options.cellAt((event.clientX - frame.left) * scale, (event.clientY - frame.top) * scale);
  };
  /** The cell the pointer's outline is on, if it shows: moves within a cell or outside the cells write nothing. */
  let pointed: string | null = null;
  /** The pointer left the cells: the focused cursor's cell is reported again (its tooltip stays), else none. */
  const leave = (event: Event) => {
    if (pointed !== null) {
      pointed = null;
      hoverBox.setAttribute('display', 'none');
      svg.style.cursor = '';
    }
    report(focused() ? atCursor() : null, event);
  };
  svg.addEventListener('mousemove', (event) => {
    const cell = cellOf(event);
    if (!cell) return leave(event);
    if (pointed !== `${cell[0]},${cell[1]}`) {
      if (pointed === null) {
        hoverBox.removeAttribute('display');
        // A pointer that says "click" over cells only, not over the names, the gaps or a group's heading.
        svg.style.cursor = 'pointer';
      }
      pointed = `${cell[0]},${cell[1]}`;
      place(hoverBox, cell[0], cell[1]);
    }
    report({ row: cell[0], column: cell[1], element: hoverBox }, event);
  });
  svg.addEventListener('mouseleave', leave);
  svg.addEventListener('click', (event) => {
    const cell = cellOf(event);
    if (!cell) return;
    // The keyboard carries on from the cell clicked.
    moveTo(cell[0], cell[1]);
    options.onOpen?.(cell[0], cell[1]);
  });
}
