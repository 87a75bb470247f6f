import type { DotLayout, RowLayout } from './unit-distribution';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The distribution chart's township dots, drawn by hand rather than with a Svelte each-block or a d3
 * join: a region has a thousand of them, and a filter or a change of measure moves most of them. Each
 * dot is kept (by township) and only the attributes whose value changed are written: writing all
 * nine of every dot on every redraw, as a join does, cost a region's overview 70–80 ms a filter
 * change, and a dot whose label, class and tab stop are unchanged costs nothing. Outliers go in their
 * own layer, drawn last, so they stay on top without reordering the others.
 *
 * Every dot is a button for assistive technology (role, aria-label) and carries its township and
 * value as data-* attributes; only `activeKey`'s dot is in the tab order (the view moves it with the
 * arrow keys). Events are handled by the view on the layers' parent.
 */
export function drawDistributionDots<T>(
  layers: { dots: SVGGElement; outliers: SVGGElement },
  rows: readonly RowLayout<T>[],
  /** `imported`: whether a dot is a township the reader added in the page (ringed in the imported colour). */
  options: { label: (dot: DotLayout<T>) => string; activeKey: string | null; imported?: (dot: DotLayout<T>) => boolean },
): void {
  // By township over the whole chart, not row by row: rows reorder when their medians do (a filter),
  // dots of different rows never overlap, and an order that does not follow the rows moves no dot.
  const all = rows.flatMap((r) => r.drawOrder).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // Every dot drawn, in either layer, by township: one that became an outlier moves layer, kept as it is.
  const existing = new Map<string, SVGCircleElement>();
  for (const layer of [layers.dots, layers.outliers])
    for (const circle of layer.children) existing.set(circle.getAttribute('data-township') ?? '', circle as SVGCircleElement);
  for (const [layer, dots] of [
    [layers.dots, all.filter((d) => !d.outlier)],
    [layers.outliers, all.filter((d) => d.outlier)],
  ] as const) {
    let previous: Element | null = null;
    for (const d of dots) {
      let circle = existing.get(d.key);
      if (circle) existing.delete(d.key);
      else {
        circle = layer.ownerDocument.createElementNS(SVG_NS, 'circle') as SVGCircleElement;
        circle.setAttribute('role', 'button');
        circle.setAttribute('data-township', d.key);
      }
      const imported = options.imported?.(d) ?? false;
      set(circle, 'class', (d.outlier ? 'dot outlier' : 'dot') + (imported ? ' imported' : ''));
      set(circle, 'data-imported', imported ? '' : null);
      set(circle, 'cx', String(d.cx));
      set(circle, 'cy', String(d.cy));
      set(circle, 'r', String(d.r));
      set(circle, 'tabindex', d.key === options.activeKey ? '0' : '-1');
      set(circle, 'aria-label', options.label(d));
      set(circle, 'data-value', String(d.value));
      set(circle, 'data-outlier', d.outlier === null ? null : String(d.outlier));
      // In draw order: moved only when it is not where it belongs already. Placed after its
      // attributes are written, so a new dot's nine are written while it is off the page, where
      // writing one invalidates no style.
      const expected: ChildNode | null = previous ? previous.nextSibling : layer.firstChild;
      if (circle !== expected) layer.insertBefore(circle, expected);
      previous = circle;
    }
  }
  for (const gone of existing.values()) gone.remove();
}

/** Writes an attribute only when its value changes (null removes it). */
function set(element: Element, name: string, value: string | null): void {
  if (element.getAttribute(name) === value) return;
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

/** Moves the one tab stop among the dots to `key`'s dot. */
export function setActiveDot(layers: { dots: SVGGElement; outliers: SVGGElement }, key: string | null): void {
  for (const layer of [layers.dots, layers.outliers])
    for (const circle of layer.querySelectorAll<SVGCircleElement>('circle[tabindex="0"]')) circle.setAttribute('tabindex', '-1');
  if (key === null) return;
  const escaped = CSS.escape(key);
  const target =
    layers.dots.querySelector(`circle[data-township="${escaped}"]`) ?? layers.outliers.querySelector(`circle[data-township="${escaped}"]`);
  target?.setAttribute('tabindex', '0');
}
