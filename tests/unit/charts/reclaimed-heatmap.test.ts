// @vitest-environment jsdom
import { describe, it, expect, vi } from 'vitest';
import { countMixed } from '../../../src/lib/queries/heatmap';
import { reclaimedHeatmap, groupHeatmapRows } from '../../../src/lib/charts/reclaimed-heatmap';
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
    expect(liugong.getAttribute('aria-label')).toBe('对违法建设行为的处罚，六工镇：仍为基本');
    expect(liugong.textContent).toBe('基本');
    liugong.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(onOpen.mock.calls[0][1]).toMatchObject({ unit: 'changji-liugong', status: 'basic' });
    expect(svg.textContent).toContain('4/5');
  });
});
