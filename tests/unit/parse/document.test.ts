import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/lib/parse';
import { fixture, parseFixture, refusal } from './helpers';

describe('title page, sections and header rows', () => {
  const doc = parseFixture('title-page.txt');

  it('reads region, prefecture, county, township and a spaced date from the title page', () => {
    expect(doc.place).toEqual({ region: '新疆维吾尔自治区', prefecture: '昌吉回族自治州', county: '奇台县', township: '测试镇' });
    expect(doc.published).toBe('2025-07');
  });

  it('treats table-of-contents lines as no section and markdown # / ## titles as sections', () => {
    const counts = { basic: 0, coop: 0, reclaimed: 0 };
    for (const item of doc.items) counts[item.list]++;
    expect(counts).toEqual({ basic: 3, coop: 2, reclaimed: 2 });
  });

  it('reads rows across a repeated header row at a page break with their source lines', () => {
    const third = doc.items.find((i) => i.list === 'basic' && i.seq === 3)!;
    expect(third.line).toBe(
      fixture('title-page.txt')
        .split('\n')
        .findIndex((l) => l.startsWith('3\t')) + 1,
    );
  });

  it("replaces a stray 'and' with 和 and collapses whitespace in names", () => {
    expect(doc.items[0].name).toBe('学习贯彻习近平新时代中国特色社会主义思想和习近平总书记重要讲话精神');
    expect(doc.items[1].name).toBe('负责本镇 优化营商环境工作');
  });

  it('keeps text that only looks like a tag', () => {
    expect(doc.items[2].name).toBe('乡<镇>村公共设施建设用地审核');
  });

  it('splits 对应上级部门 on 、 and trims the spaces around names', () => {
    const coop = doc.items.find((i) => i.list === 'coop' && i.seq === 1)!;
    expect(coop.leadDepartments).toEqual(['奇台县残联', '奇台县民政局']);
    expect(coop.departmentSteps).toEqual([{ heading: null, steps: ['县残联审核办证材料', '县残联联合县民政局更新信息。'] }]);
    expect(coop.townshipSteps).toEqual([{ heading: null, steps: ['引导残疾人领取鉴定表', '指导村予以公示&上报。'] }]);
  });

  it('groups the steps of a cell that names several departments under each one', () => {
    const coop = doc.items.find((i) => i.list === 'coop' && i.seq === 2)!;
    expect(coop.departmentSteps).toEqual([
      { heading: '县应急管理局', steps: ['统筹自然灾害综合监测预警', '汇总申报自然灾害防治项目。'] },
      { heading: '县水利局', steps: ['统筹防汛巡查', '负责水工程监管。'] },
    ]);
  });

  it('reads the receiving departments of reclaimed items, one or several per cell', () => {
    const [adoption, epidemic] = doc.items.filter((i) => i.list === 'reclaimed');
    expect(adoption.departmentSteps).toEqual([{ heading: '奇台县民政局', steps: ['由县民政局负责收养登记。'] }]);
    expect(epidemic.departmentSteps.map((g) => g.heading)).toEqual(['奇台县农业农村局', '奇台县林业和草原局']);
  });
});

describe('a list without a title page', () => {
  const doc = parseFixture('no-title-page.txt');
  it('takes the place from the section titles and states no date', () => {
    expect(doc.place).toEqual({ region: null, prefecture: '昌吉回族自治州', county: '玛纳斯县', township: '无题镇' });
    expect(doc.published).toBeNull();
  });
  it('accepts a township-named 配合职责 column and an ASCII colon after a department', () => {
    expect(doc.items.find((i) => i.list === 'coop')!.townshipSteps[0].steps).toEqual(['对辖区养殖户进行巡查', '及时上报县农业农村局。']);
    expect(doc.items.find((i) => i.list === 'reclaimed')!.departmentSteps[0].heading).toBe('玛纳斯县民政局');
  });
});

describe('a 说明 that states counts', () => {
  const text = fixture('stated-counts.txt');
  it('reads the stated totals and categories and accepts them when they match', () => {
    const doc = parseFixture('stated-counts.txt');
    expect(doc.stated?.total).toBe(4);
    expect(doc.stated?.summary).toEqual({ basic: 2, coop: 1, reclaimed: 1 });
    expect(doc.stated?.lists.basic).toMatchObject({ total: 2, categories: { 党的建设: 1, 经济发展: 1 }, departments: 2 });
    expect(doc.place.prefecture).toBe('吐鲁番市');
  });
  it('does not split a decimal such as 0.63万户', () => {
    expect(parseFixture('stated-counts.txt').items[1].name).toBe('全镇户籍人口 0.63 万户的统计工作');
  });
  it('refuses a list whose stated category count differs, naming the line of the statement', () => {
    const wrong = text.replace('经济发展 1 项等', '经济发展 2 项等');
    const line = wrong.split('\n').findIndex((l) => l.startsWith('基本履职事项清单是')) + 1;
    expect(refusal(wrong, 'x.txt')).toMatch(new RegExp(`^x\\.txt:${line}: .*经济发展 2`));
  });
  it('refuses a list whose stated total differs', () => {
    expect(refusal(text.replace('共有履职事项 4 项', '共有履职事项 5 项'))).toMatch(
      /:12: the 说明 states 5 items in all, the lists hold 4/,
    );
  });
});

describe('refusals name the file and line', () => {
  const base = fixture('no-title-page.txt');
  const lineOf = (text: string, prefix: string) => text.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;

  it('refuses a row with too few cells', () => {
    const bad = base.replace('1\t党的建设\t负责本镇“双拥”工作', '1\t党的建设');
    expect(refusal(bad, 'f.txt')).toBe(`f.txt:${lineOf(bad, '1\t党的建设')}: row 序号 1 has 2 cells; the 基本履职事项清单 needs 3`);
  });
  it('refuses a duplicate 序号', () => {
    const bad = base.replace('1\t党的建设\t负责本镇“双拥”工作', '1\t党的建设\t负责本镇“双拥”工作\n1\t党的建设\t另一项');
    expect(refusal(bad, 'f.txt')).toMatch(new RegExp(`^f\\.txt:${lineOf(bad, '1\t党的建设\t另一项')}: duplicate or out-of-order 序号 1`));
  });
  it('refuses a skipped 序号', () => {
    const bad = base.replace('1\t党的建设\t负责本镇“双拥”工作', '1\t党的建设\t负责本镇“双拥”工作\n3\t党的建设\t另一项');
    expect(refusal(bad, 'f.txt')).toMatch(/^f\.txt:7: 序号 skips from 1 to 3/);
  });
  it('refuses a file with no list in it', () => {
    expect(refusal('履职事项清单\n\n2025年7月\n', 'f.txt')).toMatch(/^f\.txt:1: no duty list found/);
  });
  it('refuses a file truncated before its last list', () => {
    const cut = base.slice(0, base.indexOf('昌吉州玛纳斯县无题镇上级部门收回事项清单'));
    expect(refusal(cut, 'f.txt')).toMatch(/上级部门收回事项清单 is missing .*truncated/);
  });
  it('refuses a file truncated inside a cell', () => {
    // The last row keeps all its cells but stops mid-paragraph.
    const cut = base.replace('玛纳斯县民政局: 由县民政局负责收养登记。', '<p>玛纳斯县民政局: 由县民政局负').trimEnd();
    expect(refusal(cut, 'f.txt')).toBe(
      `f.txt:${lineOf(cut, '1\t民生服务')}: row 序号 1 ends inside an unclosed <p> (the file looks truncated)`,
    );
  });
  it('refuses a file that stops mid-sentence in its last row', () => {
    const cut = base.replace('由县民政局负责收养登记。', '由县民政局负责收').trimEnd();
    expect(refusal(cut, 'f.txt')).toBe(
      `f.txt:${lineOf(cut, '1\t民生服务')}: the last row (序号 1) stops mid-sentence ("…政局: 由县民政局负责收") — the file looks truncated`,
    );
  });
  it('refuses a file truncated inside a row', () => {
    const full = fixture('title-page.txt');
    const cut = full.slice(0, full.indexOf('</p> <p>2.县残联'));
    expect(refusal(cut, 'f.txt')).toMatch(/^f\.txt:26: row 序号 1 has 5 cells; the 配合履职事项清单 needs 6/);
  });
  it('refuses a file whose table of contents promises a list it lacks', () => {
    const full = fixture('title-page.txt');
    const cut = full.slice(0, full.indexOf('# 昌吉州奇台县测试镇上级部门收回事项清单'));
    expect(refusal(cut, 'f.txt')).toMatch(/table of contents \(line 12\) lists the 上级部门收回事项清单/);
  });
  it('accepts CRLF line ends and full-width 序号', () => {
    const crlf = base.replace(/\n/g, '\r\n').replace('1\t党的建设', '１\t党的建设');
    expect(refusal(crlf)).toBe('');
  });
});

describe('cells as a Word list writes them (src/lib/import/docx: paragraphs as <p>, line breaks as <br>)', () => {
  // no-title-page.txt with its cells wrapped over paragraphs and lines, and its 序号 auto-numbered "1.".
  const wrapped = fixture('no-title-page.txt')
    .replace(
      '事项名称\t对应上级部门\t上级部门职责\t无题镇配合职责',
      '事项名称\t对应上级<br>部门\t上级部门职责\t<p>无题镇配合</p><p>职责</p>',
    )
    .replace('1\t党的建设\t负责本镇“双拥”工作', '1.\t<p>党的</p><p>建设</p>\t负责本镇<br>“双拥”工作')
    .replace(
      '1\t乡村振兴\t做好病死动物无害化处理工作\t玛纳斯县农业农村局',
      '1、\t乡村振兴\t做好病死动物无害化处理工作\t玛纳斯县农业农村局<br>玛纳斯县财政局',
    );
  const doc = parseFixture('no-title-page.txt');
  const read = parseDocument(wrapped, 'wrapped.txt');

  it('reads a wrapped name or category as one text, joined without a space between Chinese characters', () => {
    expect(read.items[0]).toMatchObject({ seq: 1, category: '党的建设', name: '负责本镇“双拥”工作' });
    expect(read.items.map((i) => [i.list, i.seq, i.name])).toEqual(doc.items.map((i) => [i.list, i.seq, i.name]));
  });

  it('reads a wrapped column header, and a line break between department names as a separator', () => {
    const coop = read.items.find((i) => i.list === 'coop')!;
    expect(coop.leadDepartments).toEqual(['玛纳斯县农业农村局', '玛纳斯县财政局']);
    expect(coop.townshipSteps).toEqual(doc.items.find((i) => i.list === 'coop')!.townshipSteps);
  });

  it('keeps a name wrapped between Latin words or numbers apart by a space', () => {
    const latin = parseDocument(wrapped.replace('负责本镇<br>“双拥”工作', '负责 5G<br>基站建设'), 'latin.txt');
    expect(latin.items[0].name).toBe('负责 5G 基站建设');
  });
});
