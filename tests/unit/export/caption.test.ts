import { describe, expect, it } from 'vitest';
import {
  describeFilters,
  footerLine,
  NAMED_TOWNSHIPS,
  publishedText,
  sourceLine,
  type SourceTownship,
} from '../../../src/lib/export/caption';
import { NO_FILTERS } from '../../../src/lib/state/filters';

const names = {
  scopePath: [] as string[],
  townshipsInScope: 5,
  townshipName: (id: string) => ({ a: '吉布库镇', b: '六工镇' })[id] ?? id,
  imported: (id: string) => id === 'b',
};

describe('the filters line', () => {
  it('says nothing is filtered the way the filter bar does, naming how many townships are shown', () => {
    expect(describeFilters(NO_FILTERS, names)).toBe('筛选：未筛选（显示全部 5 个乡镇的全部事项）');
  });

  it('names every dimension in force with its values, imported townships marked', () => {
    const text = describeFilters(
      { ...NO_FILTERS, townships: ['a', 'b'], lists: ['basic', 'reclaimed'], categories: ['党的建设'], departmentKinds: ['农业农村局'] },
      names,
    );
    expect(text).toBe('筛选：乡镇：吉布库镇、六工镇（导入）；清单：基本、收回；事项类别：党的建设；部门类型：农业农村局');
  });

  it('puts the place drilled into first', () => {
    const scoped = { ...names, scopePath: ['昌吉回族自治州', '奇台县'], townshipsInScope: 12 };
    expect(describeFilters({ ...NO_FILTERS, scope: 'x' }, scoped)).toBe(
      '筛选：范围：昌吉回族自治州 › 奇台县；未筛选（显示奇台县全部 12 个乡镇的全部事项）',
    );
    expect(describeFilters({ ...NO_FILTERS, scope: 'x', lists: ['coop'] }, scoped)).toBe('筛选：范围：昌吉回族自治州 › 奇台县；清单：配合');
  });
});

const township = (name: string, published: string | null, imported = false): SourceTownship => ({
  name,
  county: `${name}所在县`,
  published,
  imported,
});

describe('the source line', () => {
  it('names a few townships with their county and publication date, or says the document gives none', () => {
    expect(sourceLine([township('吉布库镇', '2025-07'), township('凉州户镇', null)])).toBe(
      '来源：乡镇履职事项清单 — 吉布库镇（吉布库镇所在县，2025年7月发布）、凉州户镇（凉州户镇所在县，未注明发布时间）',
    );
  });

  it('marks a list the reader added as not published data', () => {
    expect(sourceLine([township('新地乡', '2025-07', true)])).toContain('新地乡（导入）（新地乡所在县，读者导入）');
  });

  it('sums many townships by date, oldest first, with those undated and imported counted', () => {
    const many = [
      ...Array.from({ length: NAMED_TOWNSHIPS }, (_, i) => township(`甲${i}`, '2025-07')),
      township('乙', '2025-01'),
      township('丙', null),
      township('丁', '2025-03', true),
    ];
    expect(sourceLine(many)).toBe(
      `来源：${many.length} 个乡镇的履职事项清单（2025年1月发布 1 个、2025年7月发布 ${NAMED_TOWNSHIPS} 个；1 个未注明发布时间；其中 1 个为读者导入）`,
    );
  });

  it('gives the range of dates when there are many', () => {
    const many = ['2024-11', '2025-01', '2025-02', '2025-05', '2025-07', '2025-07', '2025-09'].map((d, i) => township(`镇${i}`, d));
    expect(sourceLine(many)).toBe('来源：7 个乡镇的履职事项清单（发布于 2024年11月 至 2025年9月）');
  });

  it('writes a date the document words otherwise as written', () => {
    expect(publishedText('2025年春')).toBe('2025年春发布');
    expect(publishedText('2025-7')).toBe('2025年7月发布');
  });

  it('is empty without townships, and the footer dates the export', () => {
    expect(sourceLine([])).toBe('');
    expect(footerLine(new Date(2026, 10, 26))).toBe('履职事项清单看板 导出 · 2026-11-26');
  });
});
