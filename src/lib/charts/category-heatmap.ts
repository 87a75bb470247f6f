import * as Plot from '@observablehq/plot';
import { categoryCells, type CategoryCell, type CategoryCountRow, type UnitRow } from '../queries/categories';
import { FONT_FAMILY } from '../ui/theme';
import { colouredBy } from './theme-colour';
import { inkOn } from './ink-on';
import { CATEGORIES_STRINGS as S, formatAverage, formatCount } from '../ui/strings';
import { bisectRight } from 'd3';
import { activatable, labelledGroups, nameHolding } from './activatable';
import { columnLabels, LABEL_LINE_HEIGHT } from './unit-labels';
import { textWidth } from './text-width';
import { NO_MARKS, type ImportedMarks } from '../state/imported-marks';
import { markedName, markText } from './imported-mark';
import { IMPORTED_COLOUR } from '../ui/theme';
import { cellCanvas, type CellMarks } from './cell-canvas';
import { gridCursor } from './grid-cursor';
import { focusTip, type FocusTip } from './focus-tip';

export type { CategoryCell };

/** What a cell shows: its count (townships), or the items per township of a county or prefecture. */
export type CategoryHeatmapMeasure = 'count' | 'perTownship';

export interface CategoryHeatmapOptions {
  width: number;
  /** Row order: the same order as the bars beside it. */
  categories: string[];
  measure?: CategoryHeatmapMeasure;
  selectedCategories?: string[];
  selectedTownships?: string[];
  onSelect?: (cell: CategoryCell) => void;
  /** A click on a column's label; labels are buttons only when given (counties, prefectures: drill in). */
  onColumn?: (unit: UnitRow) => void;
  /** Columns holding the reader's own lists (by unit key): their names carry the mark, their columns a dashed outline. */
  marks?: ImportedMarks;
  /** Height of a category's row in px (18; less where the page has less room). */
  rowHeight?: number;
  document?: Document;
}

const FONT_SIZE = 12;
const MARGIN_LEFT = 112;
/** Plot's default right margin for this chart; the columns share the width left between the margins. */
const MARGIN_RIGHT = 20;
/** The legend drawn in the top-left corner when the column labels are vertical: its height in px. */
const CORNER_LEGEND_HEIGHT = 50;

/**
 * Category × unit cells coloured and labelled by count (townships) or items per township (counties,
 * prefectures); zero cells stay grey and blank. Column labels that do not fit across go on two lines
 * or, in narrow columns, vertically in short form, with the colour legend in the corner beside them,
 * so a dozen or thirty columns keep the chart about as short as five do.
 *
 * Plot draws the frame (names, labels, legends); the cells are painted on one canvas inside it
 * (cell-canvas.ts: a county's drill is ~700 cells), and one keyboard cursor (grid-cursor.ts) walks
 * them, as in 收回事项热力图.
 */
export function categoryHeatmapChart(
  rows: CategoryCountRow[],
  units: UnitRow[],
  options: CategoryHeatmapOptions,
): SVGSVGElement | HTMLElement {
  const { width, categories, selectedCategories = [], selectedTownships = [], onSelect, onColumn } = options;
  const measure = options.measure ?? 'count';
  const rowHeight = options.rowHeight ?? 18;
  const cells = categoryCells(rows, units);
  const value = (c: CategoryCell) => (measure === 'count' ? c.count : c.perTownship);
  const format = (c: CategoryCell) => (measure === 'count' ? formatCount(c.count) : formatAverage(c.perTownship, 'cell'));
  const max = Math.max(measure === 'count' ? 1 : 0.1, ...cells.map(value));
  const isSelected = (c: CategoryCell) =>
    (selectedCategories.length === 0 || selectedCategories.includes(c.category)) &&
    (selectedTownships.length === 0 || selectedTownships.includes(c.unit));
  const nonZero = cells.filter((c) => c.count > 0);
  // The grey behind a cell shows where it has no items, and through a cell the selection dims (an
  // opaque cell covers it).
  const dims = selectedCategories.length > 0 || selectedTownships.length > 0;

  const columnWidth = (width - MARGIN_LEFT - MARGIN_RIGHT) / Math.max(1, units.length);
  const marks = options.marks ?? NO_MARKS;
  const markOf = (key: string) => markText(marks.get(key));
  const withMark = (key: string, name: string) => markedName(name, key, marks);
  const header = columnLabels(
    units.map((u) => u.name),
    columnWidth,
    FONT_SIZE,
    units.map((u) => markOf(u.key)),
  );
  const anyMarked = units.some((u) => markOf(u.key));
  // Every name across on one line (names that fit their columns, as the bundled lists' do): Plot's axis and the legend above, as the chart has
  // always been. Names that need stacked lines or vertical writing leave a corner beside them for the
  // legend. A mark alone does not move the legend or change the colour steps (the data has not
  // changed): a marked label is drawn as a text mark, its mark on a line below where it must be.
  const stacked = anyMarked
    ? columnLabels(
        units.map((u) => u.name),
        columnWidth,
        FONT_SIZE,
      ).lines.some((l) => l.length > 1)
    : header.lines.some((l) => l.length > 1);
  const compact = stacked || onColumn !== undefined || anyMarked;
  // Numbers only where the widest fits its cell; past that the colour and the tooltip tell.
  const showNumbers = nonZero.every((c) => textWidth(format(c), FONT_SIZE) <= columnWidth - 3);
  const marginTop = stacked ? Math.max(header.height + 8, CORNER_LEGEND_HEIGHT) : Math.max(26, header.height + 10);
  const labelOf = new Map(units.map((u, i) => [u.key, header.lines[i].join('\n')]));

  /** A cell's accessible name: its unit (with the imported mark), its category and its figure. */
  const describe = (cell: CategoryCell) =>
    measure === 'count'
      ? `${withMark(cell.unit, cell.unitName)}，${cell.category}，${formatCount(cell.count)}项`
      : S.heatmapCellAverage(
          withMark(cell.unit, cell.unitName),
          cell.category,
          formatAverage(cell.perTownship),
          cell.townships,
          formatCount(cell.count),
        );
  const tooltip = (c: CategoryCell) =>
    measure === 'count'
      ? `${withMark(c.unit, c.unitName)} · ${c.category}\n${formatCount(c.count)} 项`
      : `${withMark(c.unit, c.unitName)} · ${c.category}\n${S.heatmapTipAverage(formatAverage(c.perTownship))}\n${S.heatmapTipTotal(formatCount(c.count), c.townships)}`;
  const legendLabel = measure === 'count' ? '事项数（项）' : S.heatmapLegendAverage;

  // Quantized: a few steps are easier to read off than a ramp (and the legend needs no canvas).
  const colourScale = { type: 'quantize', n: stacked ? 4 : 5, scheme: 'viridis', reverse: true, domain: [0, max] } as const;
  // A cell's number in black or white, whichever reads better on the cell's own step.
  const cellColour = Plot.scale({ color: colourScale });

  // Cells whose category is a row of the chart (the rows are the bars' categories), indexed for the cursor.
  const rowOf = new Map(categories.map((c, i) => [c, i]));
  const columnOf = new Map(units.map((u, i) => [u.key, i]));
  const shownCells = cells.filter((c) => rowOf.has(c.category) && columnOf.has(c.unit));
  const grid: (CategoryCell | undefined)[][] = categories.map(() => new Array(units.length));
  for (const c of shownCells) grid[rowOf.get(c.category)!][columnOf.get(c.unit)!] = c;

  /** Where Plot put the rows and columns, read when it draws the cells: the cursor finds its cells by them. */
  let layout: { svg: SVGSVGElement; left: number[]; top: number[]; width: number; height: number } | null = null;
  /** A cell's box, inset half a pixel from its neighbours as Plot's cells were. */
  const boxAt = (row: number, column: number) => ({
    x: layout!.left[column] + 0.5,
    y: layout!.top[row] + 0.5,
    width: layout!.width - 1,
    height: layout!.height - 1,
  });
  const paintedCells: Plot.RenderFunction = (_index, scales, _values, dimensions, context) => {
    const x = scales.x as ((key: string) => number) & { bandwidth(): number };
    const y = scales.y as ((key: string) => number) & { bandwidth(): number };
    layout = {
      svg: context.ownerSVGElement,
      left: units.map((u) => x(u.key)),
      top: categories.map((c) => y(c)),
      width: x.bandwidth(),
      height: y.bandwidth(),
    };
    const painted: CellMarks = { boxes: [], texts: [] };
    // Layers: the grey, the cells' colours over it, the selection's outline over them.
    for (const c of shownCells) {
      const box = boxAt(rowOf.get(c.category)!, columnOf.get(c.unit)!);
      if (dims || c.count === 0) painted.boxes.push({ ...box, fill: 'var(--absent)' });
      if (dims && isSelected(c)) painted.boxes.push({ ...box, fill: 'none', stroke: 'var(--ink)', strokeWidth: 2, layer: 2 });
      if (c.count === 0) continue;
      const colour = String(cellColour.apply(value(c)));
      painted.boxes.push({ ...box, fill: colour, opacity: isSelected(c) ? 1 : 0.3, layer: 1 });
      if (showNumbers)
        painted.texts.push({
          x: box.x + box.width / 2,
          // Centred as Plot centres text on a point: the baseline a third of an em below the middle.
          y: box.y + box.height / 2 + FONT_SIZE * 0.32,
          text: format(c),
          fill: inkOn(colour),
          size: FONT_SIZE,
          opacity: isSelected(c) ? 1 : 0.5,
        });
    }
    const { marginLeft, marginTop, marginRight, marginBottom } = dimensions;
    return cellCanvas(
      context.document,
      {
        x: marginLeft,
        y: marginTop,
        width: dimensions.width - marginLeft - marginRight,
        height: dimensions.height - marginTop - marginBottom,
      },
      painted,
    );
  };

  const chart = labelledGroups(
    Plot.plot({
      document: options.document,
      width,
      // Rows as tall as the bars' beside it; no bottom axis, so no bottom margin (the legend sits above or in the corner).
      height: Math.max(200, categories.length * rowHeight + marginTop + 8),
      marginLeft: MARGIN_LEFT,
      // Columns that fit at full width keep Plot's own right margin; the compact layout sets the one its columns were sized with.
      marginRight: compact ? MARGIN_RIGHT : undefined,
      marginTop,
      marginBottom: 8,
      padding: 0.06,
      style: { fontFamily: FONT_FAMILY, fontSize: `${FONT_SIZE}px` },
      ariaLabel: measure === 'count' ? '事项类别 × 乡镇 热力图（项）' : S.heatmapAriaAverage,
      // Bands, as a cell mark would make them: the painted cells are not a mark that tells Plot so.
      x: {
        type: 'band',
        domain: units.map((t) => t.key),
        label: null,
        axis: compact ? null : 'top',
        tickSize: 0,
        tickFormat: (k: string) => nameOf(units, k),
      },
      y: { type: 'band', domain: categories, label: null, tickSize: 0 },
      color: {
        ...colourScale,
        label: legendLabel,
        legend: !stacked,
        tickFormat: measure === 'count' ? formatCount : (x: number) => formatAverage(x, 'cell'),
      },
      marks: [
        // Every cell, its number and the selection's outline, painted on one canvas (a county's
        // townships are 700 cells: as SVG, three elements each to create and lay out on every drill).
        paintedCells,
        // The pointed cell's tip: one element, drawn where the pointer is, not a title on every cell.
        Plot.tip(
          shownCells,
          Plot.pointer({
            x: 'unit',
            y: 'category',
            title: tooltip,
            fontFamily: FONT_FAMILY,
            fontSize: 13,
            // The tip must not take clicks: drawn under the pointer, it would swallow the click meant for the cell.
            pointerEvents: 'none',
          }),
        ),
        compact
          ? Plot.text(units, {
              x: 'key',
              frameAnchor: 'top',
              // Stacked lines (a character a line when vertical), growing up from just above the cells.
              text: (u: UnitRow) => labelOf.get(u.key)!,
              lineAnchor: 'bottom',
              lineHeight: LABEL_LINE_HEIGHT,
              dy: -5,
              fontSize: FONT_SIZE,
              fontWeight: 700,
              fill: 'currentColor',
              title: (u: UnitRow) => S.heatmapColumnTitle(withMark(u.key, u.name), u.townships),
              render: columnLabelRender(units, header.marks, marks, onColumn),
            })
          : null,
        // A column of the reader's own data is outlined, dashed as the filter bar's chip is.
        anyMarked
          ? Plot.cell(
              units.filter((u) => markOf(u.key)),
              {
                x: 'key',
                fill: 'none',
                stroke: 'currentColor',
                strokeWidth: 1,
                strokeDasharray: '4 3',
                inset: -0.5,
                pointerEvents: 'none',
                render: colouredBy('--imported'),
              },
            )
          : null,
        stacked ? cornerLegend(legendLabel, measure) : null,
      ],
    }),
  );
  if (layout) addCursor(layout);
  return chart;

  /** The keyboard's cursor over the painted cells (one tab stop), and the pointer's outline and clicks. */
  function addCursor(drawn: NonNullable<typeof layout>) {
    const cellAt = (r: number, c: number): CategoryCell => {
      const unit = units[c];
      // Every (category, unit) has a cell, zeros included; one the rows never named holds no items.
      return (
        grid[r][c] ?? { unit: unit.key, unitName: unit.name, category: categories[r], count: 0, townships: unit.townships, perTownship: 0 }
      );
    };
    /** Added once the cursor's own elements are in, to be drawn over them. */
    let keyboardTip: FocusTip | null = null;
    gridCursor(drawn.svg, width, {
      rows: categories.length,
      columns: units.length,
      label: S.heatmapGridLabel(categories.length, units.length, measure === 'count'),
      box: boxAt,
      cellAt: (px, py) => {
        const column = bisectRight(drawn.left, px) - 1;
        const row = bisectRight(drawn.top, py) - 1;
        if (column < 0 || row < 0 || px > drawn.left[column] + drawn.width || py > drawn.top[row] + drawn.height) return null;
        return [row, column];
      },
      cellLabel: (r, c) => nameHolding(showNumbers && cellAt(r, c).count > 0 ? format(cellAt(r, c)) : '', describe(cellAt(r, c))),
      attributes: (r, c) => {
        const cell = cellAt(r, c);
        return {
          category: cell.category,
          // data-township names the column's unit at any level (a county's or prefecture's key past townships).
          township: cell.unit,
          unit: cell.unit,
          count: cell.count,
          townships: cell.townships,
          'per-township': Math.round(cell.perTownship * 10000) / 10000,
        };
      },
      // A cell without items opens nothing: no township has any to show (as before the cells were painted).
      onOpen: (r, c) => {
        const cell = cellAt(r, c);
        if (cell.count > 0) onSelect?.(cell);
      },
      // The keyboard's cell gets the pointer's tip too (Plot's follows the pointer alone); the pointer's own hides it.
      onHover: (hit) => {
        if (hit && hit.element.classList.contains('cell-cursor'))
          keyboardTip?.show(boxAt(hit.row, hit.column), tooltip(cellAt(hit.row, hit.column)).split('\n'));
        else keyboardTip?.hide();
      },
    });
    keyboardTip = focusTip(drawn.svg, width);
    // The tips over the cursor's outlines, as Plot's was over the cells.
    const tip = drawn.svg.querySelector(':scope > g[aria-label=tip]');
    if (tip) drawn.svg.append(tip);
  }
}

const nameOf = (units: UnitRow[], key: string) => units.find((u) => u.key === key)?.name ?? key;

/**
 * A `render` transform for the column labels: each marked label's mark (the end of its lines that
 * `lineMarks` names) in the imported colour, and, with `onColumn`, each label a button that activates it
 * (Enter, Space, click).
 */
function columnLabelRender(
  units: UnitRow[],
  lineMarks: string[][],
  marks: ImportedMarks,
  onColumn: ((unit: UnitRow) => void) | undefined,
): Plot.RenderFunction | undefined {
  if (!onColumn && marks.size === 0) return undefined;
  return function (index, scales, values, dimensions, context, next) {
    const g = next!(index, scales, values, dimensions, context)!;
    g.querySelectorAll('text').forEach((text, j) => {
      const i = index[j];
      const unit = units[i];
      if (!unit) return;
      text.setAttribute('class', 'unit-label');
      text.setAttribute('data-unit', unit.key);
      const kind = marks.get(unit.key);
      if (kind) {
        text.setAttribute('data-imported', kind);
        colourMarks(text, lineMarks[i]);
      }
      if (!onColumn) return;
      activatable(text, S.heatmapColumnAria(markedName(unit.name, unit.key, marks), unit.townships), () => onColumn(unit));
      text.setAttribute('data-townships', String(unit.townships));
      (text as SVGTextElement).style.cursor = 'pointer';
    });
    return g;
  };
}

/** Splits each line of a Plot text (a tspan a line, or the text itself) into its name and its coloured mark. */
function colourMarks(text: Element, marks: readonly string[]): void {
  const tspans = [...text.querySelectorAll('tspan')];
  const lines = tspans.length ? tspans : [text];
  lines.forEach((line, j) => {
    const mark = marks[j];
    // The title Plot appends to the text stays: only the line's own text node is rewritten.
    const own = [...line.childNodes].find((n) => n.nodeType === 3);
    const content = own?.textContent ?? '';
    if (!own || !mark || !content.endsWith(mark)) return;
    own.textContent = content.slice(0, content.length - mark.length);
    const tspan = line.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'tspan');
    tspan.setAttribute('class', 'imported-mark');
    tspan.style.setProperty('fill', IMPORTED_COLOUR);
    tspan.textContent = mark;
    own.after(tspan);
  });
}

/** The colour legend in the empty corner above the category names: a label, the swatches, their thresholds. */
function cornerLegend(label: string, measure: CategoryHeatmapMeasure): Plot.RenderFunction {
  return function (_index, scales, _values, _dimensions, context) {
    const doc = context.document;
    const ns = 'http://www.w3.org/2000/svg';
    const colour = scales.scales.color as { domain: number[]; range: string[] } | undefined;
    const g = doc.createElementNS(ns, 'g');
    g.setAttribute('class', 'corner-legend');
    g.setAttribute('aria-hidden', 'true');
    if (!colour) return g;
    const thresholds = colour.domain;
    const swatches = colour.range;
    const x0 = 4;
    const swatchWidth = Math.min(26, (MARGIN_LEFT - 14) / swatches.length);
    const text = (x: number, y: number, content: string, anchor: string, weight = 400) => {
      const t = doc.createElementNS(ns, 'text');
      t.setAttribute('x', String(x));
      t.setAttribute('y', String(y));
      t.setAttribute('text-anchor', anchor);
      t.setAttribute('font-size', String(FONT_SIZE));
      t.setAttribute('font-weight', String(weight));
      t.setAttribute('fill', 'currentColor');
      t.textContent = content;
      g.append(t);
    };
    text(x0, 12, label, 'start', 700);
    swatches.forEach((fill, i) => {
      const rect = doc.createElementNS(ns, 'rect');
      rect.setAttribute('x', String(x0 + i * swatchWidth));
      rect.setAttribute('y', '18');
      rect.setAttribute('width', String(swatchWidth));
      rect.setAttribute('height', '12');
      rect.setAttribute('fill', fill);
      g.append(rect);
    });
    thresholds.forEach((t, i) =>
      text(x0 + (i + 1) * swatchWidth, 44, measure === 'count' ? formatCount(t) : formatAverage(t, 'cell'), 'middle'),
    );
    return g;
  };
}
