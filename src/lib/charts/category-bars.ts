import * as Plot from '@observablehq/plot';
import type { CategoryCountRow } from '../queries/categories';
import type { ListKind } from '../parse/types';
import { LIST_COLOURS, LIST_ORDER, FONT_FAMILY } from '../ui/theme';
import { LIST_LABELS, formatCount, formatShare } from '../ui/strings';
import { activatableRects } from './activatable';

export type CategoryMeasure = 'count' | 'share';

/** One bar: a category in one list, summed over the townships shown. */
export interface CategoryBar {
  list: ListKind;
  category: string;
  count: number;
  /** count / all items of this list in the townships shown. */
  share: number;
  /** Per unit (township, county or prefecture), for the tooltip. */
  byUnit: { unitName: string; count: number }[];
}

/**
 * Sums rows into bars, over the units `unitKeys` (all units when empty). Categories are ordered by their
 * total over every list, largest first, so the three facets share one sorted axis.
 */
export function categoryBars(
  rows: CategoryCountRow[],
  unitKeys: string[] = [],
): { bars: CategoryBar[]; categories: string[]; lists: ListKind[] } {
  const shown = unitKeys.length ? rows.filter((r) => unitKeys.includes(r.unit)) : rows;
  const key = (r: { list: string; category: string }) => `${r.list}\u0000${r.category}`;
  const bars = new Map<string, CategoryBar>();
  const listTotals = new Map<ListKind, number>();
  const categoryTotals = new Map<string, number>();
  for (const r of shown) {
    const bar = bars.get(key(r)) ?? { list: r.list, category: r.category, count: 0, share: 0, byUnit: [] };
    bar.count += r.count;
    bar.byUnit.push({ unitName: r.unitName, count: r.count });
    bars.set(key(r), bar);
    listTotals.set(r.list, (listTotals.get(r.list) ?? 0) + r.count);
    categoryTotals.set(r.category, (categoryTotals.get(r.category) ?? 0) + r.count);
  }
  for (const bar of bars.values()) bar.share = bar.count / (listTotals.get(bar.list) ?? 1);
  const categories = [...categoryTotals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN')).map(([c]) => c);
  const lists = LIST_ORDER.filter((l) => listTotals.has(l));
  return { bars: [...bars.values()], categories, lists };
}

export interface CategoryBarsOptions {
  measure: CategoryMeasure;
  width: number;
  /** Units to sum over (the township filter at township level); all when empty. */
  unitKeys?: string[];
  /** Categories currently filtered on: drawn at full strength, the others faded. */
  selected?: string[];
  onSelect?: (category: string) => void;
  document?: Document;
}

/** Horizontal bars, one facet per list, categories sorted by size. Returns Plot's SVG. */
export function categoryBarsChart(rows: CategoryCountRow[], options: CategoryBarsOptions): SVGSVGElement | HTMLElement {
  const { measure, width, selected = [], onSelect } = options;
  const { bars, categories, lists } = categoryBars(rows, options.unitKeys);
  const value = (b: CategoryBar) => (measure === 'count' ? b.count : b.share);
  const format = measure === 'count' ? formatCount : formatShare;
  const faded = (b: CategoryBar) => selected.length > 0 && !selected.includes(b.category);
  const tooltip = (b: CategoryBar) =>
    `${b.category} · ${LIST_LABELS[b.list]}\n${formatCount(b.count)} 项（占该清单 ${formatShare(b.share)}）\n` +
    b.byUnit.map((t) => `${t.unitName}：${formatCount(t.count)} 项`).join('\n');

  const interactive = activatableRects(
    bars,
    (bar) => ({
      label: `${bar.category}，${LIST_LABELS[bar.list]}，${format(value(bar))}`,
      attributes: { category: bar.category, list: bar.list, count: bar.count },
    }),
    (bar) => onSelect?.(bar.category),
  );

  return Plot.plot({
    document: options.document,
    width,
    height: Math.max(200, categories.length * 18 + 64),
    marginLeft: 112,
    marginRight: 46,
    marginTop: 26,
    marginBottom: 38,
    style: { fontFamily: FONT_FAMILY, fontSize: '12px' },
    ariaLabel: measure === 'count' ? '各类别事项数，按清单分面' : '各类别占清单的比例，按清单分面',
    x: {
      label: measure === 'count' ? '事项数（项）' : '占该清单事项的比例（%）',
      // Headroom so the longest bar's value label stays inside its facet.
      domain: [0, Math.max(...bars.map(value), 0) * 1.2 || 1],
      labelAnchor: 'center',
      grid: true,
      ticks: measure === 'count' ? 3 : 2,
      tickFormat: measure === 'count' ? formatCount : (x: number) => formatShare(x),
      nice: true,
    },
    y: { domain: categories, label: null, tickSize: 0 },
    fx: {
      domain: lists,
      label: null,
      tickFormat: (l: ListKind) => LIST_LABELS[l],
      axis: 'top',
      padding: 0.16,
    },
    color: { domain: LIST_ORDER as ListKind[], range: LIST_ORDER.map((l) => LIST_COLOURS[l]) },
    marks: [
      Plot.barX(bars, {
        x: value,
        y: 'category',
        fx: 'list',
        fill: 'list',
        fillOpacity: (b: CategoryBar) => (faded(b) ? 0.25 : 1),
        title: tooltip,
        // The tip must not take clicks: drawn under the pointer, it would swallow the click meant for the mark.
        tip: { fontFamily: FONT_FAMILY, fontSize: 13, pointerEvents: 'none' },
        render: interactive,
      }),
      Plot.text(bars, {
        x: value,
        y: 'category',
        fx: 'list',
        text: (b: CategoryBar) => format(value(b)),
        textAnchor: 'start',
        dx: 3,
        fill: '#333',
        fillOpacity: (b: CategoryBar) => (faded(b) ? 0.35 : 1),
        fontSize: 12,
      }),
      Plot.ruleX([0]),
    ],
  });
}
