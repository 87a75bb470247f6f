import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  classifyDepartment,
  looksLikeDepartment,
  resolveHeading,
  splitDepartmentList,
  type DepartmentAliases,
  type Jurisdiction,
} from '../../../src/lib/model/departments';
import { parseDocument } from '../../../src/lib/parse';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const aliases: DepartmentAliases = JSON.parse(readFileSync(join(ROOT, 'data/department-aliases.json'), 'utf8'));

const QITAI: Jurisdiction = { county: '奇台县', prefecture: '昌吉回族自治州' };
const CHANGJI: Jurisdiction = { county: '昌吉市', prefecture: '昌吉回族自治州' };
const TOKSUN: Jurisdiction = { county: '托克逊县', prefecture: '吐鲁番市' };

const kind = (name: string) => classifyDepartment(name, aliases).kind;
const level = (name: string) => classifyDepartment(name, aliases).level;

/** A heading at the start of a cell or after a paragraph or sentence boundary: `县应急管理局：`. */
const HEADING = /(?:^|<\/p>|<p>|。|；|;|\s)([^：:。；;<>\s]{1,40})[：:]/g;

interface Found {
  township: string;
  /** The county and prefecture the list's title names (every bundled list names both). */
  jurisdiction: Jurisdiction;
  /** Every department name: 对应上级部门 of coop rows, headings of reclaimed rows, resolved headings of coop rows. */
  names: Set<string>;
  /** Coop rows' department-side headings with the row's leads. */
  headings: { heading: string; leads: string[] }[];
}

/** Read the five real lists the way the build does, but only as far as departments are concerned. */
function readLists(): Found[] {
  const dir = join(ROOT, 'data/raw');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const { place } = parseDocument(text, file);
      const jurisdiction = { county: place.county!, prefecture: place.prefecture! };
      const found: Found = { township: place.township, jurisdiction, names: new Set(), headings: [] };
      for (const line of text.split('\n')) {
        const cells = line.split('\t');
        if (cells.length === 6 && cells[3] !== '对应上级部门') {
          const leads = splitDepartmentList(cells[3]);
          for (const lead of leads) found.names.add(lead);
          for (const match of cells[4].matchAll(HEADING))
            if (looksLikeDepartment(match[1])) found.headings.push({ heading: match[1], leads });
        }
        if (cells.length === 4 && cells[3] !== '承接部门及工作方式') {
          for (const match of cells[3].matchAll(HEADING)) if (looksLikeDepartment(match[1])) found.names.add(match[1]);
        }
      }
      return found;
    });
}

const lists = readLists();
const allNames = [...new Set(lists.flatMap((list) => [...list.names]))];

describe('splitDepartmentList', () => {
  it('splits on 、 and trims the spaces around names', () => {
    expect(splitDepartmentList('昌吉市城市管理局、 昌吉市市场监督管理局、 昌吉市交通运输局、 昌吉市公安局')).toEqual([
      '昌吉市城市管理局',
      '昌吉市市场监督管理局',
      '昌吉市交通运输局',
      '昌吉市公安局',
    ]);
  });
  it('splits on ，, / and stray spaces between whole names, and drops empties', () => {
    expect(splitDepartmentList(' 奇台县民政局，奇台县财政局,奇台县水利局/奇台县教育局 奇台县公安局、、 ')).toEqual([
      '奇台县民政局',
      '奇台县财政局',
      '奇台县水利局',
      '奇台县教育局',
      '奇台县公安局',
    ]);
  });
  it('does not cut a name at a space inside it', () => {
    expect(splitDepartmentList('奇台县 民政局、奇台县财政局')).toEqual(['奇台县民政局', '奇台县财政局']);
  });
  it('returns [] for an empty cell', () => {
    expect(splitDepartmentList('  、 ')).toEqual([]);
  });
});

describe('classifyDepartment on the five real lists', () => {
  it('finds the departments of every list', () => {
    for (const list of lists) {
      expect([list.jurisdiction.county, list.jurisdiction.prefecture], list.township).not.toContain(null);
      expect(list.names.size, list.township).toBeGreaterThan(20);
    }
  });

  it('gives every name a kind from the reviewed alias table', () => {
    const known = new Set(Object.keys(aliases.kinds).filter((key) => !key.startsWith('_')));
    const unknown = allNames.filter((name) => !known.has(kind(name)));
    expect(unknown).toEqual([]);
  });

  it('ends with a sensible number of kinds', () => {
    const kinds = new Set(allNames.map(kind));
    expect(kinds.size).toBeGreaterThanOrEqual(40);
    expect(kinds.size).toBeLessThanOrEqual(90);
    expect(kinds.size).toBeLessThan(allNames.length / 2);
  });

  it('finds 农业农村局 and the other core bureaus in all five townships', () => {
    for (const core of [
      '农业农村局',
      '住房和城乡建设局',
      '应急管理局',
      '生态环境局',
      '文化体育广播电视和旅游局',
      '县委社会工作部',
      '消防救援局',
    ]) {
      const townships = lists.filter((list) => [...list.names].some((name) => kind(name) === core));
      expect(townships.length, core).toBe(5);
    }
  });

  it('resolves every department heading inside a coop cell, preferring a lead of the same kind', () => {
    let checked = 0;
    for (const list of lists) {
      for (const { heading, leads } of list.headings) {
        const names = resolveHeading(heading, list.jurisdiction, leads, aliases);
        expect(names.length, heading).toBeGreaterThan(0);
        for (const name of names) {
          expect(name.startsWith(list.jurisdiction.county) || name.startsWith('吐鲁番市') || name.startsWith('昌吉州'), name).toBe(true);
          const sameKind = leads.find((lead) => kind(lead) === kind(name));
          if (sameKind) expect(name).toBe(sameKind);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe('classifyDepartment kinds', () => {
  it('strips the county or county-level city', () => {
    expect(kind('奇台县农业农村局')).toBe('农业农村局');
    expect(kind('吉木萨尔县农业农村局')).toBe('农业农村局');
    expect(kind('昌吉市农业农村局')).toBe('农业农村局');
    expect(kind('托克逊县民政局')).toBe('民政局');
  });

  it('does not mistake 市场 for a city', () => {
    expect(kind('昌吉市市场监督管理局')).toBe('市场监督管理局');
    expect(kind('市场监督管理局')).toBe('市场监督管理局');
    expect(kind('市市场监督管理局')).toBe('市场监督管理局');
  });

  it('names party organs 县委… in every county, county-level cities included', () => {
    expect(kind('奇台县委组织部')).toBe('县委组织部');
    expect(kind('托克逊县委组织部')).toBe('县委组织部');
    expect(kind('昌吉市委组织部')).toBe('县委组织部');
    expect(kind('昌吉市委社会工作部')).toBe('县委社会工作部');
    expect(kind('中共奇台县委宣传部')).toBe('县委宣传部');
  });

  it.each([
    ['奇台县委编办', '托克逊县委机构编制委员会办公室'],
    ['奇台县残联', '托克逊县残疾人联合会'],
    ['昌吉市住建局', '昌吉市住房和城乡建设局'],
    ['奇台县文化体育广播电视台和旅游局', '托克逊县文化体育广播电视和旅游局'],
    ['吉木萨尔县文化体育广播电视台和旅游局', '吉木萨尔县广播电视和旅游局'],
    ['昌吉州生态环境局奇台县分局', '吐鲁番市生态环境局托克逊县分局'],
    ['昌吉州生态环境局吉木萨尔分局', '昌吉州生态环境局吉木萨尔县分局'],
    ['奇台县人大', '托克逊县人大常委会办公室'],
    ['奇台县政协', '托克逊县政协办公室'],
    ['奇台县委政法委', '玛纳斯县委政法委员会'],
    ['奇台县商务科技和工业信息化局', '托克逊县商务和工业信息化局'],
    ['昌吉市商务局和工业信息化局', '托克逊县商务和工业信息化局'],
    ['奇台县应急管理局及其他负有安全生产监督管理职责的部门', '托克逊县应急管理局'],
    ['国家统计局奇台调查队', '国家统计局昌吉调查队'],
    ['县林草局', '托克逊县林业和草原局'],
  ])('%s and %s are one kind', (a, b) => {
    expect(kind(a)).toBe(kind(b));
  });

  it.each([
    ['吉木萨尔县统计局', '国家统计局奇台调查队'],
    ['奇台县应急管理局', '奇台县消防救援局'],
    ['奇台县公安局', '奇台县消防救援局'],
    ['托克逊县委办公室', '托克逊县人民政府办公室'],
    ['奇台县委组织部', '奇台县委统战部'],
    ['奇台县林业和草原局', '自治区天山东部国有林管理局吉木萨尔分局'],
    ['托克逊县科学技术局', '托克逊县商务和工业信息化局'],
  ])('%s and %s stay different', (a, b) => {
    expect(kind(a)).not.toBe(kind(b));
  });

  it('knows a county the alias file does not list when the rest is a known kind', () => {
    expect(classifyDepartment('伊宁县农业农村局', aliases)).toEqual({ kind: '农业农村局', level: 'county' });
    expect(kind('伊宁县委组织部')).toBe('县委组织部');
  });
});

describe('classifyDepartment levels', () => {
  it.each([
    ['奇台县农业农村局', 'county'],
    ['昌吉市民政局', 'county'],
    ['昌吉市委社会工作部', 'county'],
    ['托克逊县委组织部', 'county'],
    ['昌吉州生态环境局奇台县分局', 'prefecture'],
    ['吐鲁番市生态环境局托克逊县分局', 'prefecture'],
    ['自治区天山东部国有林管理局吉木萨尔分局', 'region'],
    ['国家统计局奇台调查队', 'national'],
    ['吉木萨尔县统计局', 'county'],
    ['吉木萨尔县税务局', 'national'],
  ])('%s is %s', (name, expected) => {
    expect(level(name)).toBe(expected);
  });
});

describe('looksLikeDepartment', () => {
  it.each([
    '县应急管理局',
    '县农业农村局、县林业和草原局',
    '市生态环境局托克逊县分局',
    '托克逊县民政局',
    '奇台县残联',
    '县委政法委',
    '<p>县水利局：</p>',
    '1.县水利局',
  ])('%s is a department', (text) => expect(looksLikeDepartment(text)).toBe(true));
  it.each(['一、农作物秸秆综合利用', '分户工作', '无户口人员落户工作', 'style="list-style-type', '县直有关部门', '', '县应急管理局负责'])(
    '%s is not a department',
    (text) => expect(looksLikeDepartment(text)).toBe(false),
  );
});

describe('resolveHeading', () => {
  it('expands 县 to the township’s county', () => {
    expect(resolveHeading('县应急管理局', QITAI, [], aliases)).toEqual(['奇台县应急管理局']);
    expect(resolveHeading('县委组织部', TOKSUN, [], aliases)).toEqual(['托克逊县委组织部']);
  });

  it('splits a joint heading into one name per department', () => {
    expect(resolveHeading('县农业农村局、县林业和草原局', TOKSUN, [], aliases)).toEqual(['托克逊县农业农村局', '托克逊县林业和草原局']);
  });

  it('reads 市 as the prefecture-level city above a county, and as the county-level city itself', () => {
    expect(resolveHeading('市生态环境局托克逊县分局', TOKSUN, [], aliases)).toEqual(['吐鲁番市生态环境局托克逊县分局']);
    expect(resolveHeading('市公安局', CHANGJI, [], aliases)).toEqual(['昌吉市公安局']);
    expect(resolveHeading('市市场监督管理局', CHANGJI, [], aliases)).toEqual(['昌吉市市场监督管理局']);
  });

  it('reads 州 as the prefecture in the short form the lists write', () => {
    expect(resolveHeading('州生态环境局奇台县分局', QITAI, [], aliases)).toEqual(['昌吉州生态环境局奇台县分局']);
  });

  it('keeps a full name as it is', () => {
    expect(resolveHeading('托克逊县民政局', TOKSUN, [], aliases)).toEqual(['托克逊县民政局']);
    expect(resolveHeading('托克逊县民政局：', TOKSUN, [], aliases)).toEqual(['托克逊县民政局']);
  });

  it('prefers the written lead of the same kind', () => {
    const leads = ['托克逊县住房和城乡建设局', '托克逊县自然资源局'];
    expect(resolveHeading('县住建局', TOKSUN, leads, aliases)).toEqual(['托克逊县住房和城乡建设局']);
    expect(resolveHeading('县住建局', TOKSUN, [], aliases)).toEqual(['托克逊县住建局']);
    expect(resolveHeading('县生态环境局', QITAI, ['昌吉州生态环境局奇台县分局'], aliases)).toEqual(['昌吉州生态环境局奇台县分局']);
  });

  it('prefers the lead spelled exactly as the heading when two leads share its kind', () => {
    const leads = ['奇台县应急管理局及其他负有安全生产监督管理职责的部门', '奇台县应急管理局'];
    expect(resolveHeading('县应急管理局', QITAI, leads, aliases)).toEqual(['奇台县应急管理局']);
  });

  it('returns [] for a heading that is no department', () => {
    expect(resolveHeading('一、农作物秸秆综合利用', QITAI, ['奇台县农业农村局'], aliases)).toEqual([]);
    expect(resolveHeading('分户工作', CHANGJI, ['昌吉市公安局'], aliases)).toEqual([]);
    expect(resolveHeading('镇党委', QITAI, [], aliases)).toEqual([]);
  });
});

describe('classifyDepartment beyond the five lists', () => {
  it('keeps a bare national kind national', () => {
    expect(classifyDepartment('国家统计局调查队', aliases)).toEqual({ kind: '国家统计局调查队', level: 'national' });
  });
  it('reads a listed prefecture followed by an unlisted county as that county', () => {
    expect(classifyDepartment('吐鲁番市高昌区农业农村局', aliases)).toEqual({ kind: '农业农村局', level: 'county' });
    expect(classifyDepartment('吐鲁番市农业农村局', aliases)).toEqual({ kind: '农业农村局', level: 'prefecture' });
  });
});
