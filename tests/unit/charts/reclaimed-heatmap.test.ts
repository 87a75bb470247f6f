// @vitest-environment jsdom
import { describe, it, expect, vi } from 'vitest';
import { countMixed, toHeatmapRows } from '../../../src/lib/queries/heatmap';
import type { UnitRow } from '../../../src/lib/queries/categories';
import { reclaimedHeatmap, groupHeatmapRows, shareStep, sharePercent } from '../../../src/lib/charts/reclaimed-heatmap';
import { HEATMAP_STRINGS, STATUS_LABELS } from '../../../src/lib/ui/strings';
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

/** What a cell writes: its tspan in its row's text of cell texts, centred on the cell. */
const written = (cell: Element) =>
  cell.closest('g.row')!.querySelector(`text.cell-text tspan[data-unit="${cell.getAttribute('data-unit')}"]`)?.textContent ?? null;

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
  it('draws focusable cells that say their status and open the duty on Enter', () => {
    const onOpen = vi.fn();
    const svg = reclaimedHeatmap(heatmapRowsOf(ITEMS, ids), UNITS, {
      width: 900,
      grouping: 'category',
      statusLabels: STATUS_LABELS,
      statusShort: HEATMAP_STRINGS.statusShort,
      unnamedGroup: '未注明',
      countLabel: '收回数',
      ariaLabel: 'test',
      onOpen,
    });
    const cells = svg.querySelectorAll<SVGGElement>('g.cell');
    expect(cells).toHaveLength(15);
    expect(svg.querySelectorAll('g.cell-absent')).toHaveLength(6);
    const liugong = svg.querySelector<SVGGElement>('g.row[data-duty-group="1"] g.cell[data-township="changji-liugong"]')!;
    // The name starts with what the cell shows (label in name), then says it whole.
    expect(liugong.getAttribute('aria-label')).toBe(`${written(liugong)} 对违法建设行为的处罚，六工镇：仍为基本`);
    expect(written(liugong)).toBe('基本');
    // Written in the middle of its cell.
    const rect = liugong.querySelector('rect')!;
    const tspan = liugong.closest('g.row')!.querySelector('text.cell-text tspan[data-unit="changji-liugong"]')!;
    expect(Number(tspan.getAttribute('x'))).toBeCloseTo(Number(rect.getAttribute('x')) + Number(rect.getAttribute('width')) / 2);
    liugong.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onOpen.mock.calls[0][1]).toMatchObject({ unit: 'changji-liugong', status: 'basic' });
    expect(svg.textContent).toContain('4/5');
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
      width: 1200,
      grouping: 'category',
      statusLabels: STATUS_LABELS,
      statusShort: HEATMAP_STRINGS.statusShort,
      unnamedGroup: '未注明',
      countLabel: '收回数',
      ariaLabel: 'test',
      mode: 'share',
      describeShare: (row, cell, unit) => `${row.name}，${unit.name}：${cell.reclaimed}/${cell.townships}`,
      onHeader,
      onOpen,
    });

  it('writes the share of each county’s townships that reclaimed the duty, with a strip for those still carrying it', () => {
    const svg = draw();
    const c1 = svg.querySelector<SVGGElement>('g.cell[data-unit=c1]')!;
    expect(written(c1)).toBe('60%');
    expect([c1.dataset.reclaimed, c1.dataset.coop, c1.dataset.basic, c1.dataset.townships]).toEqual(['6', '1', '2', '10']);
    expect(c1.classList.contains('cell-split')).toBe(true);
    // The strips of a row: one path per colour, a rectangle per cell, as wide as that share of the cell.
    const widths = (part: string) =>
      [
        ...svg
          .querySelector(`path.strip-${part}`)!
          .getAttribute('d')!
          .matchAll(/h([\d.]+)/g),
      ].map((m) => Number(m[1]));
    const [inner] = widths('band');
    expect(widths('coop')[0]).toBeCloseTo(inner / 10);
    expect(widths('basic')[0]).toBeCloseTo((inner * 2) / 10);
    const c2 = svg.querySelector<SVGGElement>('g.cell[data-unit=c2]')!;
    expect(written(c2)).toBe('100%');
    expect(c2.querySelector('rect')!.getAttribute('fill')).toBe(shareStep(1).colour);
    expect(widths('band')).toHaveLength(1); // 乙县 has none still carrying it
    // The count column: townships shown that reclaimed it, of all shown.
    expect(svg.querySelector('text.reclaimed-count')!.textContent).toBe('10/14');
  });

  it('makes cells and county names buttons that drill in', () => {
    const onOpen = vi.fn();
    const onHeader = vi.fn();
    const svg = draw(onOpen, onHeader);
    const cell = svg.querySelector<SVGGElement>('g.cell[data-unit=c1]')!;
    expect(cell.getAttribute('aria-label')).toBe(`${written(cell)} 对违法建设行为的处罚，察布查尔锡伯自治县：6/10`);
    cell.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onOpen.mock.calls[0][1]).toMatchObject({ unit: 'c1', share: 0.6 });
    const header = svg.querySelector<SVGTextElement>('text.unit-label[data-unit=c1]')!;
    expect(header.getAttribute('role')).toBe('button');
    header.dispatchEvent(new KeyboardEvent('keydown', { key: ' ' }));
    expect(onHeader).toHaveBeenCalledWith(counties[0]);
    cell.dispatchEvent(new MouseEvent('click', { bubbles: true }));
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
    width: 1200,
    grouping: 'category',
    statusLabels: STATUS_LABELS,
    statusShort: HEATMAP_STRINGS.statusShort,
    statusInitial: HEATMAP_STRINGS.statusInitial,
    unnamedGroup: '未注明',
    countLabel: '收回数',
    ariaLabel: 'test',
  });

  it('fits the columns in the width and writes each status’s initial where two characters do not fit', () => {
    expect(Number(svg.getAttribute('width'))).toBeLessThanOrEqual(1200);
    expect(written(svg.querySelector('g.cell[data-township=t0]')!)).toBe('收');
    expect(written(svg.querySelector('g.cell[data-township=t2]')!)).toBe('基');
  });

  it('writes the townships’ names vertically, the full name in each label’s tooltip', () => {
    const label = svg.querySelector('text.unit-label[data-unit=t11]')!;
    expect([...label.querySelectorAll('tspan')].map((t) => t.textContent)).toEqual(['第', '1', '2', '号', '片', '…']);
    expect(label.querySelector('title')!.textContent).toBe('第12号片区街道');
  });
});

describe('reclaimedHeatmap hover', () => {
  it('reports the cell pointed at or focused, with its element, once, and null on leaving', () => {
    const onHover = vi.fn();
    const svg = reclaimedHeatmap(heatmapRowsOf(ITEMS, ids), UNITS, {
      width: 900,
      grouping: 'category',
      statusLabels: STATUS_LABELS,
      statusShort: HEATMAP_STRINGS.statusShort,
      unnamedGroup: '未注明',
      countLabel: '收回数',
      ariaLabel: 'test',
      onHover,
    });
    const cell = svg.querySelector<SVGGElement>('g.row[data-duty-group="1"] g.cell[data-township="changji-liugong"]')!;
    cell.querySelector('rect')!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    cell.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })); // still the same cell
    expect(onHover).toHaveBeenCalledTimes(1);
    expect(onHover.mock.calls[0][0]).toMatchObject({ element: cell, cell: { unit: 'changji-liugong', status: 'basic' } });
    svg.dispatchEvent(new MouseEvent('mouseleave'));
    expect(onHover.mock.calls[1][0]).toBeNull();
    cell.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(onHover.mock.calls[2][0]).toMatchObject({ element: cell });
  });
});

describe('reclaimedHeatmap drawn in view first', () => {
  // Forty duties reclaimed by one township each: far taller than the band in view.
  const many: HeatmapItem[] = Array.from({ length: 40 }, (_, i) => item(100 + i, ids[i % ids.length], 'reclaimed', `事项${i + 1}`));
  const rows = heatmapRowsOf(many, ids);
  const options = {
    width: 900,
    grouping: 'category' as const,
    statusLabels: STATUS_LABELS,
    statusShort: HEATMAP_STRINGS.statusShort,
    unnamedGroup: '未注明',
    countLabel: '收回数',
    ariaLabel: 'test',
  };
  const filled = (svg: SVGSVGElement) => [...svg.querySelectorAll('g.row')].filter((row) => row.querySelector('g.cell'));

  it('draws every row at once without a band', () => {
    const svg = reclaimedHeatmap(rows, UNITS, options);
    expect(filled(svg)).toHaveLength(rows.length);
    expect(svg.hasAttribute('data-complete')).toBe(true);
  });

  it('draws the rows in the band at once and the others after, in order, once it is on the page', async () => {
    const svg = reclaimedHeatmap(rows, UNITS, { ...options, visible: { top: 0, bottom: 200 } });
    document.body.append(svg);
    const first = filled(svg);
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(rows.length);
    expect(svg.hasAttribute('data-complete')).toBe(false);
    // Every row has its place already (the tab order follows the rows), empty until drawn.
    expect(svg.querySelectorAll('g.row')).toHaveLength(rows.length);
    await vi.waitFor(() => expect(svg.hasAttribute('data-complete')).toBe(true));
    expect(filled(svg)).toHaveLength(rows.length);
    expect(svg.querySelectorAll('g.cell')).toHaveLength(rows.length * UNITS.length);
    svg.remove();
  });

  it('stops drawing a chart that has left the page', async () => {
    const svg = reclaimedHeatmap(rows, UNITS, { ...options, visible: { top: 0, bottom: 200 } });
    const drawn = filled(svg).length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(filled(svg)).toHaveLength(drawn);
    expect(svg.hasAttribute('data-complete')).toBe(false);
  });
});

describe('reclaimedHeatmap with an imported township', () => {
  const marked = TOWNSHIPS[TOWNSHIPS.length - 1];
  const marks = new Map([[marked.id, 'imported' as const]]);
  const draw = (width: number) =>
    reclaimedHeatmap(heatmapRowsOf(ITEMS, ids), UNITS, {
      width,
      grouping: 'category',
      statusLabels: STATUS_LABELS,
      statusShort: HEATMAP_STRINGS.statusShort,
      unnamedGroup: '未注明',
      countLabel: '收回数',
      ariaLabel: 'test',
      marks,
    });

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
    const cell = svg.querySelector(`g.row[data-duty-group="1"] g.cell[data-township="${marked.id}"]`)!;
    expect(cell.getAttribute('aria-label')).toContain(`${marked.name}（导入）`);
    const other = svg.querySelector(`g.row[data-duty-group="1"] g.cell[data-township="${TOWNSHIPS[0].id}"]`)!;
    expect(other.getAttribute('aria-label')).not.toContain('导入');
    expect(svg.querySelectorAll('rect.imported-column')).toHaveLength(1);
  });
});
