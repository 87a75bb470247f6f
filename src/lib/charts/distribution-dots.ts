import { select } from 'd3';
import type { DotLayout, RowLayout } from './unit-distribution';

/**
 * The distribution chart's township dots, drawn with a d3 join rather than a Svelte each-block: a
 * region has a thousand of them, and switching the measure moves every one. A join sets the few
 * attributes that changed on elements it keeps (keyed by township), where a component per dot
 * would re-run a dozen reactive attribute updates each. Outliers go in their own layer, drawn last,
 * so they stay on top without reordering the others.
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
  const all = rows.flatMap((r) => r.drawOrder);
  for (const [layer, dots] of [
    [layers.dots, all.filter((d) => !d.outlier)],
    [layers.outliers, all.filter((d) => d.outlier)],
  ] as const) {
    select(layer)
      .selectAll<SVGCircleElement, DotLayout<T>>('circle')
      .data(dots, (d) => d.key)
      .join((enter) =>
        enter
          .append('circle')
          .attr('role', 'button')
          .attr('data-township', (d) => d.key),
      )
      .attr('class', (d) => (d.outlier ? 'dot outlier' : 'dot') + (options.imported?.(d) ? ' imported' : ''))
      .attr('data-imported', (d) => (options.imported?.(d) ? '' : null))
      .attr('cx', (d) => d.cx)
      .attr('cy', (d) => d.cy)
      .attr('r', (d) => d.r)
      .attr('tabindex', (d) => (d.key === options.activeKey ? 0 : -1))
      .attr('aria-label', options.label)
      .attr('data-value', (d) => d.value)
      .attr('data-outlier', (d) => d.outlier);
  }
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
