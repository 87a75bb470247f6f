// @vitest-environment jsdom
import { beforeAll, describe, it, expect, vi } from 'vitest';
import { categoryBarsChart } from '../../../src/lib/charts/category-bars';
import { categoryHeatmapChart } from '../../../src/lib/charts/category-heatmap';
import { categoryBars, categoryCells, type CategoryCountRow } from '../../../src/lib/queries/categories';
import { TOWNSHIPS, UNITS } from './fixtures';
import { vectorTwinOf } from '../../../src/lib/charts/vector-twin';
import { cursorOf, moveTo, press, walkCells } from './grid-walk';

// jsdom has no canvas: the heatmap paints nothing here, and its cells are read as an export and the
// keyboard read them (its vector twin, its cursor).
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = () => null;
});
/** The painted cells as an export draws them. */
const twin = (chart: Element) => vectorTwinOf(chart.querySelector('foreignObject.cell-canvas')!)!;

const row = (townshipId: string, list: CategoryCountRow['list'], category: string, count: number): CategoryCountRow => ({
  unit: townshipId,
  unitName: TOWNSHIPS.find((t) => t.id === townshipId)!.name,
  list,
  category,
  count,
});
const ROWS: CategoryCountRow[] = [
  row('changji-liugong', 'basic', '党的建设', 22),
  row('jimsar-xindi', 'basic', '党的建设', 20),
  row('changji-liugong', 'basic', '乡村振兴', 14),
  row('changji-liugong', 'coop', '乡村振兴', 10),
  row('jimsar-xindi', 'reclaimed', '城乡建设', 6),
];

describe('categoryBars', () => {
  it('sums townships into one bar per list and category, with the share of that list', () => {
    const { bars, categories, lists } = categoryBars(ROWS);
    const party = bars.find((b) => b.list === 'basic' && b.category === '党的建设')!;
    expect(party.count).toBe(42);
    expect(party.share).toBeCloseTo(42 / 56);
    expect(categories).toEqual(['党的建设', '乡村振兴', '城乡建设']);
    expect(lists).toEqual(['basic', 'coop', 'reclaimed']);
  });

  it('keeps only the chosen townships', () => {
    const { bars } = categoryBars(ROWS, ['jimsar-xindi']);
    expect(bars.map((b) => [b.category, b.count])).toEqual([
      ['党的建设', 20],
      ['城乡建设', 6],
    ]);
  });
});

describe('categoryBarsChart', () => {
  it('renders focusable bars with aria-labels; Enter and click select the category', () => {
    const onSelect = vi.fn();
    const figure = categoryBarsChart(ROWS, { measure: 'count', width: 800, onSelect });
    document.body.append(figure);
    const bars = figure.querySelectorAll<SVGRectElement>('rect[data-category]');
    expect(bars).toHaveLength(4);
    const party = [...bars].find((b) => b.dataset.category === '党的建设')!;
    expect(party.getAttribute('tabindex')).toBe('0');
    expect(party.getAttribute('aria-label')).toContain('42');
    party.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    [...bars].find((b) => b.dataset.category === '城乡建设')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onSelect.mock.calls).toEqual([['党的建设'], ['城乡建设']]);
    expect(figure.textContent).toContain('事项数（项）');
    expect(figure.textContent).toContain('基本履职');
    figure.remove();
  });

  it('writes shares as percentages', () => {
    const figure = categoryBarsChart(ROWS, { measure: 'share', width: 800 });
    expect(figure.textContent).toContain('75%');
    expect(figure.textContent).toContain('比例');
  });
});

describe('categoryHeatmapChart', () => {
  it('has a cell for every category and township, zeros included', () => {
    expect(categoryCells(ROWS, UNITS)).toHaveLength(3 * 5);
  });

  it('walks every category and township from one tab stop, each cell saying its count; Enter selects it', () => {
    const onSelect = vi.fn();
    const categories = ['党的建设', '乡村振兴', '城乡建设'];
    const figure = categoryHeatmapChart(ROWS, UNITS, { width: 600, categories, onSelect });
    document.body.append(figure);
    expect(figure.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    const cells = walkCells(figure);
    // Row by row in the bars' order, a column per township, zeros included.
    expect(cells.map((c) => [c.data.category, c.data.township])).toEqual(
      categories.flatMap((category) => UNITS.map((u) => [category, u.key])),
    );
    expect(cells.filter((c) => c.data.count !== '0').map((c) => [c.data.township, c.data.category, c.data.count])).toEqual([
      ['changji-liugong', '党的建设', '22'],
      ['jimsar-xindi', '党的建设', '20'],
      ['changji-liugong', '乡村振兴', '24'],
      ['jimsar-xindi', '城乡建设', '6'],
    ]);
    const liugongRural = moveTo(figure, { township: 'changji-liugong', category: '乡村振兴' });
    expect(liugongRural.label).toBe('24 六工镇，乡村振兴，24项');
    press(figure, 'Enter');
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ unit: 'changji-liugong', category: '乡村振兴', count: 24 }));
    // A cell without items selects nothing: no township has any to show.
    moveTo(figure, { township: 'manas-liangzhouhu', category: '乡村振兴' });
    press(figure, 'Enter');
    expect(onSelect).toHaveBeenCalledTimes(1);
    // Each count is written in its cell.
    expect([...twin(figure).querySelectorAll('text')].map((t) => t.textContent).sort()).toEqual(['20', '22', '24', '6']);
    expect(figure.textContent).toContain('六工镇');
    expect(figure.textContent).toContain('事项数（项）');
    figure.remove();
  });

  it('shows the keyboard’s cell its tip, as the pointer’s shows, and hides it when the pointer takes over or the focus leaves', () => {
    const figure = categoryHeatmapChart(ROWS, UNITS, { width: 600, categories: ['党的建设', '乡村振兴', '城乡建设'] });
    document.body.append(figure);
    const tip = figure.querySelector<SVGGElement>('g.focus-tip')!;
    expect(tip.getAttribute('display')).toBe('none');
    cursorOf(figure).focus();
    moveTo(figure, { township: 'changji-liugong', category: '乡村振兴' });
    press(figure, 'ArrowRight'); // a key moves the cursor and reports its cell
    press(figure, 'ArrowLeft');
    expect(tip.getAttribute('display')).toBeNull();
    expect([...tip.querySelectorAll('tspan')].map((t) => t.textContent)).toEqual(['六工镇 · 乡村振兴', '24 项']);
    // Drawn over the cell's row, above it where there is room.
    const cell = moveTo(figure, { township: 'changji-liugong', category: '城乡建设' });
    press(figure, 'ArrowRight');
    press(figure, 'ArrowLeft');
    expect(Number(tip.querySelector('rect')!.getAttribute('y'))).toBeLessThan(cell.box.y);
    // The pointer over a cell: Plot's tip shows, this one hides.
    const svg = cursorOf(figure).ownerSVGElement!;
    svg.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: cell.box.x + 3, clientY: cell.box.y + 3 }));
    expect(tip.getAttribute('display')).toBe('none');
    cursorOf(figure).blur();
    expect(tip.getAttribute('display')).toBe('none');
    figure.remove();
  });

  it('selects the cell clicked, found by where the pointer is', () => {
    const onSelect = vi.fn();
    const figure = categoryHeatmapChart(ROWS, UNITS, { width: 600, categories: ['党的建设', '乡村振兴', '城乡建设'], onSelect });
    document.body.append(figure);
    const svg = cursorOf(figure).ownerSVGElement!;
    const cell = moveTo(figure, { township: 'jimsar-xindi', category: '城乡建设' });
    press(figure, 'Home', true);
    // jsdom lays nothing out: the chart's frame is at 0, 0 and unscaled.
    svg.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: cell.box.x + 3, clientY: cell.box.y + cell.box.height - 3 }));
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ unit: 'jimsar-xindi', category: '城乡建设', count: 6 }));
    // Left of the columns (the category names) is no cell.
    svg.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 5, clientY: cell.box.y + 3 }));
    expect(onSelect).toHaveBeenCalledTimes(1);
    figure.remove();
  });

  it('greys the cells with no items, and every cell a selection dims, outlining the selection', () => {
    const categories = ['党的建设', '乡村振兴', '城乡建设'];
    const rects = (figure: Element) => [...twin(figure).querySelectorAll('rect')];
    const grey = (figure: Element) => rects(figure).filter((r) => r.getAttribute('fill') === 'var(--absent)').length;
    const faint = (figure: Element) => rects(figure).filter((r) => r.getAttribute('fill-opacity') === '0.3').length;
    const outlined = (figure: Element) => rects(figure).filter((r) => r.getAttribute('fill') === 'none' && r.getAttribute('stroke')).length;
    // 15 cells, 4 with items: those cover their grey, so only the 11 empty ones draw it; nothing is faint.
    const plain = categoryHeatmapChart(ROWS, UNITS, { width: 600, categories });
    expect([grey(plain), faint(plain), outlined(plain)]).toEqual([11, 0, 0]);
    // A selection draws the others at 30%: the grey shows through all 15; its 2 cells with items are outlined.
    const selected = categoryHeatmapChart(ROWS, UNITS, { width: 600, categories, selectedCategories: ['党的建设'] });
    expect([grey(selected), faint(selected), outlined(selected)]).toEqual([15, 2, 5]);
    // An export draws them as the canvas paints them: the outlines over every cell, the colours over the grey.
    const looks = rects(selected).map((r) => (r.getAttribute('fill') === 'none' ? 2 : r.getAttribute('fill') === 'var(--absent)' ? 0 : 1));
    expect(looks).toEqual([...looks].sort((a, b) => a - b));
  });
});

describe('categoryHeatmapChart past townships', () => {
  // Sixteen prefectures with their long official names, as at 1,100 townships.
  const PREFECTURES = [
    '乌鲁木齐市',
    '克拉玛依市',
    '吐鲁番市',
    '哈密市',
    '昌吉回族自治州',
    '博尔塔拉蒙古自治州',
    '巴音郭楞蒙古自治州',
    '阿克苏地区',
    '克孜勒苏柯尔克孜自治州',
    '喀什地区',
    '和田地区',
    '伊犁哈萨克自治州',
    '塔城地区',
    '阿勒泰地区',
    '自治区直辖县级行政区划',
    '未知地区',
  ].map((name, i) => ({ key: `p${i}`, name, townships: 10 + i * 5 }));
  const rows: CategoryCountRow[] = PREFECTURES.flatMap((p) => [
    { unit: p.key, unitName: p.name, list: 'basic' as const, category: '党的建设', count: p.townships * 30 },
    { unit: p.key, unitName: p.name, list: 'coop' as const, category: '乡村振兴', count: Math.round(p.townships * 4.25) },
  ]);
  const chart = (onColumn = vi.fn(), onSelect = vi.fn()) =>
    categoryHeatmapChart(rows, PREFECTURES, {
      width: 560,
      categories: ['党的建设', '乡村振兴'],
      measure: 'perTownship',
      onColumn,
      onSelect,
    });

  it('writes items per township in the cells, not counts that grow with the townships', () => {
    const svg = chart();
    const cell = moveTo(svg, { unit: 'p4', category: '乡村振兴' });
    expect(cell.data.count).toBe(String(Math.round(30 * 4.25)));
    expect(cell.data.townships).toBe('30');
    expect(Number(cell.data.perTownship)).toBeCloseTo(Math.round(30 * 4.25) / 30, 2);
    expect(cell.label).toContain('平均每个乡镇 4.3 项（30 个乡镇共 128 项）');
    const texts = [...twin(svg).querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain('30'); // 党的建设: 30 per township everywhere, whatever the unit's size
    expect(texts).not.toContain('300');
  });

  it('drills into the unit of any cell with Enter', () => {
    const onSelect = vi.fn();
    const svg = chart(vi.fn(), onSelect);
    moveTo(svg, { unit: 'p8', category: '党的建设' });
    press(svg, 'Enter');
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ unit: 'p8' }));
    expect(cursorOf(svg).closest('[role=grid]')!.getAttribute('aria-label')).toContain('16 个地区');
  });

  it('labels columns with short names written vertically, each a button that drills into its unit', () => {
    const onColumn = vi.fn();
    const svg = chart(onColumn);
    const labels = [...svg.querySelectorAll<SVGTextElement>('text.unit-label')];
    expect(labels).toHaveLength(16);
    const kizilsu = labels.find((l) => l.dataset.unit === 'p8')!;
    // One character a line: 克州, not 克孜勒苏柯尔克孜自治州 across a 20 px column.
    expect([...kizilsu.querySelectorAll('tspan')].map((t) => t.textContent).join('')).toBe('克州');
    expect(kizilsu.getAttribute('aria-label')).toContain('克孜勒苏柯尔克孜自治州');
    kizilsu.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(onColumn).toHaveBeenCalledWith(expect.objectContaining({ key: 'p8' }));
  });

  it('puts its colour legend in the corner above the category names', () => {
    const legend = chart().querySelector('g.corner-legend')!;
    expect(legend.textContent).toContain('项/乡镇');
    expect(legend.querySelectorAll('rect').length).toBeGreaterThan(1);
  });
});

describe('categoryHeatmapChart with an imported township', () => {
  const marked = TOWNSHIPS[0];
  const marks = new Map([[marked.id, 'imported' as const]]);
  const chart = (width: number) => categoryHeatmapChart(ROWS, UNITS, { width, categories: ['党的建设', '乡村振兴', '城乡建设'], marks });
  const seen = (text: Element) =>
    [...text.childNodes]
      .filter((n) => n.nodeName !== 'title')
      .map((n) => n.textContent)
      .join('');

  it('writes the mark after its column label, in the mark colour, on one line or a line of its own', () => {
    // Wide: name and mark on one line; narrow: the mark on a line below the name.
    for (const width of [1000, 480]) {
      const svg = chart(width);
      const labels = [...svg.querySelectorAll('text.unit-label')];
      expect(labels).toHaveLength(UNITS.length);
      const label = svg.querySelector(`text.unit-label[data-unit="${marked.id}"]`)!;
      expect(seen(label)).toBe(`${marked.name}（导入）`);
      expect(label.querySelector('tspan.imported-mark')?.textContent).toBe('（导入）');
      for (const other of labels.filter((l) => l !== label)) expect(seen(other)).not.toContain('导入');
    }
  });

  it('keeps the legend and the colour steps a chart without the mark has', () => {
    const plain = categoryHeatmapChart(ROWS, UNITS, { width: 600, categories: ['党的建设', '乡村振兴', '城乡建设'] });
    // The colour legend is Plot's own svg beside the chart: the same steps, the same place.
    const steps = (el: Element) =>
      [...el.querySelectorAll('svg')]
        .filter((s) => !s.getAttribute('aria-label')?.includes('热力图'))
        .map((s) => s.querySelectorAll('rect').length);
    for (const width of [600, 480]) {
      expect(steps(chart(width))).toEqual(steps(plain));
      expect(steps(plain).length).toBeGreaterThan(0);
      expect(chart(width).querySelector('.corner-legend')).toBeNull();
    }
  });

  it('names the township with its mark in its cells', () => {
    const cell = moveTo(chart(600), { township: marked.id, category: '党的建设' });
    expect(cell.label).toContain(`${marked.name}（导入）`);
  });
});
