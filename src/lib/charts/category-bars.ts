import * as Plot from '@observablehq/plot';
import { categoryBars, largestUnits, type CategoryBar, type CategoryCountRow } from '../queries/categories';
import type { ListKind } from '../parse/types';
import { LIST_COLOURS, LIST_ORDER, FONT_FAMILY } from '../ui/theme';
import { CATEGORIES_STRINGS, LEVEL_UNITS, LIST_LABELS, formatCount, formatShare } from '../ui/strings';
import { activatableRects, labelledGroups } from './activatable';

export type CategoryMeasure = 'count' | 'share';

/** Units a bar's tooltip names one by one; past that, the largest and a line for the others. */
const TOOLTIP_UNITS = 10;

export interface CategoryBarsOptions {
  measure: CategoryMeasure;
  width: number;
  /** Units to sum over (the township filter at township level); all when empty. */
  unitKeys?: string[];
  /** What the rows' units are, for the tooltip's line about the units it does not name. */
  level?: keyof typeof LEVEL_UNITS;
  /** Categories currently filtered on: drawn at full strength, the others faded. */
  selected?: string[];
  onSelect?: (category: string) => void;
  /** Height of a category's row in px (18; less where the page has less room). */
  rowHeight?: number;
  document?: Document;
}

/** Horizontal bars, one facet per list, categories sorted by size. Returns Plot's SVG. */
export function categoryBarsChart(rows: CategoryCountRow[], options: CategoryBarsOptions): SVGSVGElement | HTMLElement {
  const { measure, width, selected = [], onSelect } = options;
  const { bars, categories, lists } = categoryBars(rows, options.unitKeys);
  const value = (b: CategoryBar) => (measure === 'count' ? b.count : b.share);
  const format = measure === 'count' ? formatCount : formatShare;
  const faded = (b: CategoryBar) => selected.length > 0 && !selected.includes(b.category);
  const tooltip = (b: CategoryBar) => {
    const { shown, others } = largestUnits(b.byUnit, TOOLTIP_UNITS);
    return (
      `${b.category} · ${LIST_LABELS[b.list]}\n${formatCount(b.count)} 项（占该清单 ${formatShare(b.share)}）\n` +
      shown.map((t) => `${t.unitName}：${formatCount(t.count)} 项`).join('\n') +
      (others ? `\n${CATEGORIES_STRINGS.barsTooltipOthers(others.units, LEVEL_UNITS[options.level ?? 'township'], others.count)}` : '')
    );
  };

  const interactive = activatableRects(
    bars,
    (bar) => ({
      label: `${bar.category}，${LIST_LABELS[bar.list]}，${format(value(bar))}`,
      attributes: { category: bar.category, list: bar.list, count: bar.count },
    }),
    (bar) => onSelect?.(bar.category),
  );

  return labelledGroups(
    Plot.plot({
      document: options.document,
      width,
      height: Math.max(200, categories.length * (options.rowHeight ?? 18) + 64),
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
          fill: 'currentColor',
          fillOpacity: (b: CategoryBar) => (faded(b) ? 0.35 : 1),
          fontSize: 12,
        }),
        // The baseline is drawn, not read: hidden from screen readers (Plot would label its group "rule").
        Plot.ruleX([0], { ariaHidden: 'true' }),
      ],
    }),
  );
}
