import * as Plot from '@observablehq/plot';
import type { CategoryCountRow, UnitRow } from '../queries/categories';
import { ABSENT_COLOUR, FONT_FAMILY } from '../ui/theme';
import { formatCount } from '../ui/strings';
import { activatableRects } from './activatable';

/** One cell: items of a category in a unit (township, county or prefecture), over the lists shown. */
export interface CategoryCell {
  unit: string;
  unitName: string;
  category: string;
  count: number;
}

export function categoryCells(rows: CategoryCountRow[], units: UnitRow[]): CategoryCell[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(`${r.unit}\u0000${r.category}`, (counts.get(`${r.unit}\u0000${r.category}`) ?? 0) + r.count);
  const categories = [...new Set(rows.map((r) => r.category))];
  return units.flatMap((t) =>
    categories.map((category) => ({
      unit: t.key,
      unitName: t.name,
      category,
      count: counts.get(`${t.key}\u0000${category}`) ?? 0,
    })),
  );
}

export interface CategoryHeatmapOptions {
  width: number;
  /** Row order: the same order as the bars beside it. */
  categories: string[];
  selectedCategories?: string[];
  selectedTownships?: string[];
  onSelect?: (cell: CategoryCell) => void;
  document?: Document;
}

/** Category × township cells coloured and labelled by count; zero cells stay grey and blank. */
export function categoryHeatmapChart(
  rows: CategoryCountRow[],
  townships: UnitRow[],
  options: CategoryHeatmapOptions,
): SVGSVGElement | HTMLElement {
  const { width, categories, selectedCategories = [], selectedTownships = [], onSelect } = options;
  const cells = categoryCells(rows, townships);
  const max = Math.max(1, ...cells.map((c) => c.count));
  const isSelected = (c: CategoryCell) =>
    (selectedCategories.length === 0 || selectedCategories.includes(c.category)) &&
    (selectedTownships.length === 0 || selectedTownships.includes(c.unit));
  const nonZero = cells.filter((c) => c.count > 0);

  const interactive = activatableRects(
    cells,
    (cell) => ({
      label: `${cell.unitName}，${cell.category}，${formatCount(cell.count)}项`,
      attributes: { category: cell.category, township: cell.unit, count: cell.count },
    }),
    (cell) => onSelect?.(cell),
  );

  return Plot.plot({
    document: options.document,
    width,
    // Rows as tall as the bars' beside it; no bottom axis, so no bottom margin (the legend sits above).
    height: Math.max(200, categories.length * 18 + 34),
    marginLeft: 112,
    marginTop: 26,
    marginBottom: 8,
    padding: 0.06,
    style: { fontFamily: FONT_FAMILY, fontSize: '12px' },
    ariaLabel: '事项类别 × 乡镇 热力图（项）',
    x: { domain: townships.map((t) => t.name), label: null, axis: 'top', tickSize: 0 },
    y: { domain: categories, label: null, tickSize: 0 },
    color: {
      // Quantized: five steps are easier to read off than a ramp (and the legend needs no canvas).
      type: 'quantize',
      n: 5,
      scheme: 'viridis',
      reverse: true,
      domain: [0, max],
      label: '事项数（项）',
      legend: true,
      tickFormat: formatCount,
    },
    marks: [
      Plot.cell(cells, { x: 'unitName', y: 'category', fill: ABSENT_COLOUR, inset: 0.5 }),
      Plot.cell(cells, {
        x: 'unitName',
        y: 'category',
        fill: (c: CategoryCell) => (c.count > 0 ? c.count : null),
        fillOpacity: (c: CategoryCell) => (isSelected(c) ? 1 : 0.3),
        inset: 0.5,
        title: (c: CategoryCell) => `${c.unitName} · ${c.category}\n${formatCount(c.count)} 项`,
        // The tip must not take clicks: drawn under the pointer, it would swallow the click meant for the mark.
        tip: { fontFamily: FONT_FAMILY, fontSize: 13, pointerEvents: 'none' },
        render: interactive,
      }),
      // The selection's outline; a null stroke channel would drop cells from the mark above.
      Plot.cell(selectedCategories.length || selectedTownships.length ? cells.filter(isSelected) : [], {
        x: 'unitName',
        y: 'category',
        fill: 'none',
        stroke: '#000',
        strokeWidth: 2,
        inset: 0.5,
      }),
      Plot.text(nonZero, {
        x: 'unitName',
        y: 'category',
        text: (c: CategoryCell) => formatCount(c.count),
        fill: (c: CategoryCell) => (c.count > max * 0.55 ? 'white' : 'black'),
        fillOpacity: (c: CategoryCell) => (isSelected(c) ? 1 : 0.5),
        fontSize: 12,
        pointerEvents: 'none',
      }),
    ],
  });
}
