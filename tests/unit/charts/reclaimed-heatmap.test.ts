// @vitest-environment jsdom
import { describe, it, expect, vi, beforeAll } from 'vitest';
import { countMixed, toHeatmapRows } from '../../../src/lib/queries/heatmap';
import type { UnitRow } from '../../../src/lib/queries/categories';
import { reclaimedHeatmap, groupHeatmapRows, shareStep, sharePercent, STATUS_COLOURS } from '../../../src/lib/charts/reclaimed-heatmap';
import { HEATMAP_STRINGS, STATUS_LABELS } from '../../../src/lib/ui/strings';
import { vectorTwinOf } from '../../../src/lib/charts/vector-twin';
import {
  cursorOf,
  press,
  cursorCell as gridCursorCell,
  walkCells as walkGrid,
  moveTo as moveToCell,
  type CursorCell as GridCell,
} from './grid-walk';
import { UNITS, TOWNSHIPS, heatmapRowsOf, type HeatmapItem } from './fixtures';

const ids = TOWNSHIPS.map((t) => t.id);
let nextId = 1;
const item = (
  dutyGroup: number,
  townshipId: string,
  list: HeatmapItem['list'],
  name: string,
  receivers = '',
  category = '城乡建设',
): HeatmapItem => ({
  dutyGroup,
  townshipId,
  itemId: nextId++,
  list,
  category,
  name,
  receivers,
});
const ITEMS: HeatmapItem[] = [
  // A penalty reclaimed in four townships and still basic in 六工镇 — the case planners look for.
  item(1, 'jimsar-xindi', 'reclaimed', '对违法建设行为的处罚', '住建局'),
  item(1, 'manas-liangzhouhu', 'reclaimed', '对违法建设的处罚', '住建局'),
  item(1, 'qitai-jibuku', 'reclaimed', '对违法建设行为的处罚', '住建局'),
  item(1, 'toksun-yilahu', 'reclaimed', '对违法建设行为的处罚', '住建局'),
  item(1, 'changji-liugong', 'basic', '对违法建设行为的处罚'),
  // Reclaimed in one, coop in another, listed twice (basic and reclaimed) in a third.
  item(2, 'qitai-jibuku', 'reclaimed', '收养登记', '民政局', '民生服务'),
  item(2, 'jimsar-xindi', 'coop', '收养登记', '', '民生服务'),
  item(2, 'toksun-yilahu', 'basic', '收养登记', '', '民生服务'),
  item(2, 'toksun-yilahu', 'reclaimed', '办理收养登记', '民政局', '民生服务'),
  // Reclaimed everywhere it appears: not "mixed".
  item(3, 'qitai-jibuku', 'reclaimed', '屠宰检疫', '', '乡村振兴'),
];

/** What every chart here is drawn with, but its rows, units and the options a test is about. */
const OPTIONS = {
  width: 900,
  grouping: 'category' as const,
  statusLabels: STATUS_LABELS,
  statusShort: HEATMAP_STRINGS.statusShort,
  unnamedGroup: '未注明',
  countLabel: '收回数',
  ariaLabel: 'test',
};

// jsdom has no canvas: the chart paints nothing here, and its cells are read as an export and the
// keyboard read them (its vector twin, its cursor).
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = () => null;
});

/** The shared walk (grid-walk.ts), with the cell's duty group and unit at hand. */
type CursorCell = GridCell & { dutyGroup: string; unit: string };
const withKeys = (cell: GridCell): CursorCell => ({ ...cell, dutyGroup: cell.data.dutyGroup!, unit: cell.data.unit! });
const cursorCell = (svg: SVGSVGElement) => withKeys(gridCursorCell(svg));
const walkCells = (svg: SVGSVGElement) => walkGrid(svg).map(withKeys);
/** Moves the cursor to a cell (by duty group and unit) and returns it. */
const moveTo = (svg: SVGSVGElement, dutyGroup: string, unit: string) => withKeys(moveToCell(svg, { dutyGroup, unit }));
/** The cells as an export draws them (the canvas's vector twin). */
const twin = (svg: SVGSVGElement) => vectorTwinOf(svg.querySelector('foreignObject.cell-canvas')!)!;
const inside = (box: CursorCell['box'], x: number, y: number) =>
  x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height;
/** What a cell writes: the text drawn inside its box. */
const written = (svg: SVGSVGElement, cell: CursorCell) =>
  [...twin(svg).querySelectorAll('text')].find((t) => inside(cell.box, Number(t.getAttribute('x')), Number(t.getAttribute('y'))))
    ?.textContent ?? null;
/** The boxes drawn inside a cell: its fill first, then any strips. */
const boxesIn = (svg: SVGSVGElement, cell: CursorCell) =>
  [...twin(svg).querySelectorAll('rect')].filter((r) =>
    inside(cell.box, Number(r.getAttribute('x')) + 0.5, Number(r.getAttribute('y')) + 0.5),
  );

describe('toHeatmapRows', () => {
  const rows = heatmapRowsOf(ITEMS, ids);

  it('makes one row per group and one cell per township, most reclaimed first', () => {
    expect(rows.map((r) => [r.dutyGroup, r.reclaimedIn])).toEqual([
      [1, 4],
      [2, 2],
      [3, 1],
    ]);
    expect(rows[0].cells.map((c) => c.status)).toEqual(['basic', 'reclaimed', 'reclaimed', 'reclaimed', 'reclaimed']);
    expect(rows[2].cells.map((c) => c.status)).toEqual(['absent', 'absent', 'absent', 'reclaimed', 'absent']);
  });

  it('lets reclaimed win where a township lists a duty twice, keeping both wordings', () => {
    const yilahu = rows[1].cells[4];
    expect(yilahu.status).toBe('reclaimed');
    expect(yilahu.names).toEqual(['办理收养登记', '收养登记']);
  });

  it('counts duties reclaimed somewhere and still carried elsewhere', () => {
    expect(countMixed(rows)).toBe(2);
  });

  it('groups by category or by receiving department', () => {
    expect(groupHeatmapRows(rows, 'category', '?').map((g) => g.label)).toEqual(['城乡建设', '民生服务', '乡村振兴']);
    expect(groupHeatmapRows(rows, 'receiver', '未注明').map((g) => g.label)).toEqual(['住建局', '民政局', '未注明']);
  });
});

describe('reclaimedHeatmap', () => {
  const draw = (options: Partial<Parameters<typeof reclaimedHeatmap>[2]> = {}) =>
    reclaimedHeatmap(heatmapRowsOf(ITEMS, ids), UNITS, {
      ...OPTIONS,
      ...options,
    });

  it('is one stop in the tab order, whose arrow keys walk every cell, saying its status; Enter opens the duty', () => {
    const onOpen = vi.fn();
    const svg = draw({ onOpen });
    expect(svg.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    const cells = walkCells(svg);
    expect(cells).toHaveLength(15);
    expect(cells.filter((c) => c.data.status === 'absent')).toHaveLength(6);
    const liugong = moveTo(svg, '1', 'changji-liugong');
    expect(liugong.data.status).toBe('basic');
    // The name starts with what the cell shows (label in name), then says it whole.
    expect(liugong.label).toBe(`${written(svg, liugong)} 对违法建设行为的处罚，六工镇：仍为基本`);
    expect(written(svg, liugong)).toBe('基本');
    // Written in the middle of its cell, on its status's colour.
    const text = [...twin(svg).querySelectorAll('text')].find((t) => t.textContent === '基本')!;
    expect(Number(text.getAttribute('x'))).toBeCloseTo(liugong.box.x + liugong.box.width / 2);
    expect(boxesIn(svg, liugong)[0].getAttribute('fill')).toBe(STATUS_COLOURS.basic);
    press(svg, 'Enter');
    expect(onOpen.mock.calls[0][1]).toMatchObject({ unit: 'changji-liugong', status: 'basic' });
    expect(svg.textContent).toContain('4/5');
  });

  it('is a grid to a screen reader: its size, and the row and column of the cell the cursor is on', () => {
    const svg = draw();
    const grid = svg.querySelector('[role=grid]')!;
    expect([grid.getAttribute('aria-rowcount'), grid.getAttribute('aria-colcount')]).toEqual(['3', String(UNITS.length)]);
    expect(grid.querySelector('[role=row] > [role=gridcell]')).toBe(cursorOf(svg));
    moveTo(svg, '2', UNITS[2].key);
    expect(grid.querySelector('[role=row]')!.getAttribute('aria-rowindex')).toBe('2');
    expect(cursorOf(svg).getAttribute('aria-colindex')).toBe('3');
  });

  it('finds the cell under the pointer when the chart is drawn smaller than its size', () => {
    const onOpen = vi.fn();
    const svg = draw({ onOpen });
    const cell = moveTo(svg, '2', UNITS[3].key);
    press(svg, 'Home', true);
    // Drawn at half its width, 10 px from the page's left, 20 from its top.
    const width = Number(svg.getAttribute('width'));
    const height = Number(svg.getAttribute('height'));
    svg.getBoundingClientRect = () => new DOMRect(10, 20, width / 2, height / 2);
    svg.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 10 + (cell.box.x + 4) / 2, clientY: 20 + (cell.box.y + 4) / 2 }));
    expect(onOpen.mock.calls[0][1]).toMatchObject({ unit: UNITS[3].key });
    expect(onOpen.mock.calls[0][0]).toMatchObject({ dutyGroup: 2 });
  });

  it('leaves Alt with the arrows to the browser (back, forward)', () => {
    const svg = draw();
    press(svg, 'Home', true);
    const event = new KeyboardEvent('keydown', { key: 'ArrowRight', altKey: true, bubbles: true, cancelable: true });
    cursorOf(svg).dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(cursorCell(svg).unit).toBe(UNITS[0].key);
  });

  it('has no cursor when there are no cells', () => {
    const svg = reclaimedHeatmap([], UNITS, {
      ...OPTIONS,
    });
    expect(svg.querySelector('[tabindex], [role=grid]')).toBeNull();
  });

  it('stops at the edges and jumps with Home, End and Ctrl+Home', () => {
    const svg = draw();
    press(svg, 'Home', true);
    const first = cursorCell(svg);
    press(svg, 'ArrowUp');
    press(svg, 'ArrowLeft');
    expect(cursorCell(svg).box).toEqual(first.box);
    press(svg, 'End');
    expect(cursorCell(svg).unit).toBe(UNITS[UNITS.length - 1].key);
    press(svg, 'ArrowRight');
    expect(cursorCell(svg).unit).toBe(UNITS[UNITS.length - 1].key);
    press(svg, 'End', true);
    expect(cursorCell(svg).box.y).toBeGreaterThan(first.box.y);
  });

  it('is complete when returned: every cell is drawn at once', () => {
    const svg = draw();
    expect(svg.hasAttribute('data-complete')).toBe(true);
    expect(twin(svg).querySelectorAll('rect')).toHaveLength(15);
    expect(svg.querySelectorAll('g.row')).toHaveLength(3);
  });
});

describe('reclaimedHeatmap past townships (share mode)', () => {
  // Two counties: 甲县 with 10 townships (6 reclaimed, 1 coop, 2 basic, 1 not listing it), 乙县 with 4 (all reclaimed).
  const counties: UnitRow[] = [
    { key: 'c1', name: '察布查尔锡伯自治县', townships: 10 },
    { key: 'c2', name: '乙县', townships: 4 },
  ];
  const rows = toHeatmapRows(
    [{ dutyGroup: 7, name: '对违法建设行为的处罚', category: '城乡建设', receivers: '住建局', reclaimedIn: 10 }],
    [
      { dutyGroup: 7, unit: 'c1', reclaimed: 6, coop: 1, basic: 2, itemId: null },
      { dutyGroup: 7, unit: 'c2', reclaimed: 4, coop: 0, basic: 0, itemId: null },
    ],
    counties.map((c) => ({ key: c.key, townships: c.townships })),
    [],
    'shown',
  );
  const draw = (onOpen = vi.fn(), onHeader = vi.fn()) =>
    reclaimedHeatmap(rows, counties, {
      ...OPTIONS,
      width: 1200,
      mode: 'share',
      describeShare: (row, cell, unit) => `${row.name}，${unit.name}：${cell.reclaimed}/${cell.townships}`,
      onHeader,
      onOpen,
    });

  it('writes the share of each county’s townships that reclaimed the duty, with a strip for those still carrying it', () => {
    const svg = draw();
    const c1 = moveTo(svg, '7', 'c1');
    expect(written(svg, c1)).toBe('60%');
    expect([c1.data.reclaimed, c1.data.coop, c1.data.basic, c1.data.townships]).toEqual(['6', '1', '2', '10']);
    // The strips at the foot: the band, then 配合 and 基本 as wide as their shares of it.
    const [fill, band, coop, basic] = boxesIn(svg, c1);
    expect(fill.getAttribute('fill')).toBe(shareStep(0.6).colour);
    const width = (rect: Element) => Number(rect.getAttribute('width'));
    expect(coop.getAttribute('fill')).toBe(STATUS_COLOURS.coop);
    expect(width(coop)).toBeCloseTo(width(band) / 10);
    expect(basic.getAttribute('fill')).toBe(STATUS_COLOURS.basic);
    expect(width(basic)).toBeCloseTo((width(band) * 2) / 10);
    const c2 = moveTo(svg, '7', 'c2');
    expect(written(svg, c2)).toBe('100%');
    // 乙县 has none still carrying it: its colour alone.
    expect(boxesIn(svg, c2).map((r) => r.getAttribute('fill'))).toEqual([shareStep(1).colour]);
    // The count column: townships shown that reclaimed it, of all shown.
    expect(svg.querySelector('text.reclaimed-count')!.textContent).toBe('10/14');
  });

  it('makes cells and county names buttons that drill in; a click on a cell opens it', () => {
    const onOpen = vi.fn();
    const onHeader = vi.fn();
    const svg = draw(onOpen, onHeader);
    const cell = moveTo(svg, '7', 'c1');
    expect(cell.label).toBe(`${written(svg, cell)} 对违法建设行为的处罚，察布查尔锡伯自治县：6/10`);
    press(svg, 'Enter');
    expect(onOpen.mock.calls[0][1]).toMatchObject({ unit: 'c1', share: 0.6 });
    const header = svg.querySelector<SVGTextElement>('text.unit-label[data-unit=c1]')!;
    expect(header.getAttribute('role')).toBe('button');
    header.dispatchEvent(new KeyboardEvent('keydown', { key: ' ' }));
    expect(onHeader).toHaveBeenCalledWith(counties[0]);
    // jsdom lays nothing out: the chart is at the page's origin, unscaled.
    const c2 = moveTo(svg, '7', 'c2');
    press(svg, 'Home');
    svg.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: c2.box.x + 3, clientY: c2.box.y + 3 }));
    expect(onOpen.mock.calls[1][1]).toMatchObject({ unit: 'c2' });
    // The keyboard carries on from the cell clicked.
    expect(cursorCell(svg).unit).toBe('c2');
    svg.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 2, clientY: 2 }));
    expect(onOpen).toHaveBeenCalledTimes(2);
  });

  it('agrees with its colour steps at the edges: 1 of 300 is 1%, 299 of 300 is 99%, never 0% or 100%', () => {
    expect([sharePercent(1 / 300), sharePercent(299 / 300), sharePercent(0), sharePercent(1)]).toEqual([1, 99, 0, 100]);
    expect(shareStep(299 / 300).id).toBe('most');
    expect(shareStep(1 / 300).id).toBe('few');
    expect(shareStep(0.25).id).toBe('some');
  });
});

describe('reclaimedHeatmap with a county’s thirty-odd townships', () => {
  const townships: UnitRow[] = Array.from({ length: 34 }, (_, i) => ({ key: `t${i}`, name: `第${i + 1}号片区街道`, townships: 1 }));
  const rows = toHeatmapRows(
    [{ dutyGroup: 1, name: '对违法建设行为的处罚', category: '城乡建设', receivers: '', reclaimedIn: 20 }],
    townships.map((t, i) => ({
      dutyGroup: 1,
      unit: t.key,
      reclaimed: Number(i % 3 !== 2),
      coop: 0,
      basic: Number(i % 3 === 2),
      itemId: i + 1,
    })),
    townships.map((t) => ({ key: t.key, townships: 1 })),
  );
  const svg = reclaimedHeatmap(rows, townships, {
    ...OPTIONS,
    width: 1200,
    statusInitial: HEATMAP_STRINGS.statusInitial,
  });

  it('fits the columns in the width and writes each status’s initial where two characters do not fit', () => {
    expect(Number(svg.getAttribute('width'))).toBeLessThanOrEqual(1200);
    expect(written(svg, moveTo(svg, '1', 't0'))).toBe('收');
    expect(written(svg, moveTo(svg, '1', 't2'))).toBe('基');
  });

  it('writes the townships’ names vertically, the full name in each label’s tooltip', () => {
    const label = svg.querySelector('text.unit-label[data-unit=t11]')!;
    expect([...label.querySelectorAll('tspan')].map((t) => t.textContent)).toEqual(['第', '1', '2', '号', '片', '…']);
    expect(label.querySelector('title')!.textContent).toBe('第12号片区街道');
  });
});

describe('reclaimedHeatmap hover', () => {
  it('reports the cell pointed at or focused, with an element on it, once, and null on leaving', () => {
    const onHover = vi.fn();
    const svg = reclaimedHeatmap(heatmapRowsOf(ITEMS, ids), UNITS, {
      ...OPTIONS,
      onHover,
    });
    const liugong = moveTo(svg, '1', 'changji-liugong');
    onHover.mockClear(); // the walk to it reported each cell the cursor crossed
    const point = (dx: number) => ({ bubbles: true, clientX: liugong.box.x + dx, clientY: liugong.box.y + 5 });
    svg.dispatchEvent(new MouseEvent('mousemove', point(3)));
    svg.dispatchEvent(new MouseEvent('mousemove', point(9))); // still the same cell
    expect(onHover).toHaveBeenCalledTimes(1);
    const hit = onHover.mock.calls[0][0];
    expect(hit).toMatchObject({ cell: { unit: 'changji-liugong', status: 'basic' } });
    // The element stands on the cell, to place the tooltip by.
    expect(['x', 'y'].map((k) => Number(hit.element.getAttribute(k)))).toEqual([liugong.box.x, liugong.box.y]);
    svg.dispatchEvent(new MouseEvent('mouseleave'));
    expect(onHover.mock.calls[1][0]).toBeNull();
    cursorOf(svg).dispatchEvent(new FocusEvent('focus'));
    expect(onHover.mock.calls[2][0]).toMatchObject({ element: cursorOf(svg), cell: { unit: 'changji-liugong' } });
  });
});

describe('reclaimedHeatmap with an imported township', () => {
  const marked = TOWNSHIPS[TOWNSHIPS.length - 1];
  const marks = new Map([[marked.id, 'imported' as const]]);
  const draw = (width: number) => reclaimedHeatmap(heatmapRowsOf(ITEMS, ids), UNITS, { ...OPTIONS, width, marks });

  it('writes the mark after its column name, in its own coloured tspan, whatever the column width', () => {
    for (const width of [1400, 900, 560]) {
      const svg = draw(width);
      const label = svg.querySelector(`text.unit-label[data-unit="${marked.id}"]`)!;
      const seen = [...label.childNodes]
        .filter((n) => n.nodeName !== 'title')
        .map((n) => n.textContent)
        .join('');
      expect(seen.replace(/[︵︶]/g, (c) => (c === '︵' ? '（' : '）')).endsWith('（导入）'), seen).toBe(true);
      expect([...label.querySelectorAll('tspan.imported-mark')].map((t) => t.textContent).join('')).toMatch(/^[（︵]导入[）︶]$/);
      expect(svg.querySelectorAll('text.unit-label[data-imported]')).toHaveLength(1);
    }
  });

  it('names the township with its mark in its cells, and outlines its column only', () => {
    const svg = draw(900);
    expect(moveTo(svg, '1', marked.id).label).toContain(`${marked.name}（导入）`);
    expect(moveTo(svg, '1', TOWNSHIPS[0].id).label).not.toContain('导入');
    expect(svg.querySelectorAll('rect.imported-column')).toHaveLength(1);
  });
});
