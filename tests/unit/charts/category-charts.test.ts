// @vitest-environment jsdom
import { describe, it, expect, vi } from 'vitest';
import { categoryBars, categoryBarsChart } from '../../../src/lib/charts/category-bars';
import { categoryCells, categoryHeatmapChart } from '../../../src/lib/charts/category-heatmap';
import type { CategoryCountRow } from '../../../src/lib/queries/categories';
import { TOWNSHIPS, UNITS } from './fixtures';

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

  it('labels non-zero cells with their count and selects category and township on Enter', () => {
    const onSelect = vi.fn();
    const figure = categoryHeatmapChart(ROWS, UNITS, { width: 600, categories: ['党的建设', '乡村振兴', '城乡建设'], onSelect });
    const cells = figure.querySelectorAll<SVGRectElement>('rect[data-township]');
    expect(cells).toHaveLength(4); // the non-zero (township, category) pairs
    const liugongRural = [...cells].find((c) => c.dataset.township === 'changji-liugong' && c.dataset.category === '乡村振兴')!;
    expect(liugongRural.dataset.count).toBe('24');
    liugongRural.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ unit: 'changji-liugong', category: '乡村振兴', count: 24 }));
    expect(figure.textContent).toContain('六工镇');
    expect(figure.textContent).toContain('事项数（项）');
  });
});
