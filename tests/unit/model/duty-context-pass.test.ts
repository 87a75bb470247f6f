import { describe, expect, it } from 'vitest';
import type { ListKind } from '../../../src/lib/parse/types';
import { groupDuties, matchDuties, type DutyInput } from '../../../src/lib/model/duty-groups';

/** One list of one township, as rows of [category, name, department kinds]. */
type Row = [category: string, name: string, kinds?: string[]];

let nextKey = 1;
function list(township: string, kind: ListKind, rows: Row[]): DutyInput[] {
  return rows.map(([category, name, kinds]) => ({ key: nextKey++, township, list: kind, name, category, departmentKinds: kinds ?? [] }));
}

/** The same items without what the documents say around them: names only. */
const bare = (items: DutyInput[]): DutyInput[] => items.map(({ key, township, list, name }) => ({ key, township, list, name }));

function together(items: DutyInput[], a: DutyInput, b: DutyInput): boolean {
  const group = new Map(groupDuties(items, {}).flatMap((g) => g.members.map((m) => [m.key, g.id] as const)));
  return group.get(a.key) === group.get(b.key);
}

const ORGANISATION = ['县委组织部'];
const STAFFING = ['县委机构编制委员会办公室'];

/** Two townships' coop lists in the same order; the third row is reworded beyond the fuzzy pass. */
function partyLists(third: { name: string; kinds: string[]; category?: string }) {
  const jibuku = list('吉布库镇', 'coop', [
    ['党的建设', '推荐县级以上党代表工作', ORGANISATION],
    ['党的建设', '党内统计工作', ORGANISATION],
    ['党的建设', '机构编制日常管理', STAFFING],
    ['党的建设', '干部人事档案工作', ORGANISATION],
    ['经济发展', '国家统计专项调查工作', ['国家统计局调查队']],
  ]);
  const keergute = list('克尔古提乡', 'coop', [
    ['党的建设', '推荐县级以上党代表', ORGANISATION],
    ['党的建设', '党内统计', ORGANISATION],
    [third.category ?? '党的建设', third.name, third.kinds],
    ['党的建设', '干部人事档案工作', ORGANISATION],
    ['经济发展', '国家统计专项调查', ['国家统计局调查队']],
  ]);
  return { jibuku, keergute, items: [...jibuku, ...keergute] };
}

describe('the context pass', () => {
  it('links a rewording the fuzzy pass leaves apart when category, list, departments and neighbours agree', () => {
    const { jibuku, keergute, items } = partyLists({ name: '机构编制实名制管理', kinds: STAFFING });
    expect(together(items, jibuku[2], keergute[2])).toBe(true);
    // The words alone are not enough.
    expect(together(bare(items), jibuku[2], keergute[2])).toBe(false);
  });

  it('counts departments of different kinds against a link', () => {
    const { jibuku, keergute, items } = partyLists({ name: '机构编制实名制管理', kinds: ['公安局'] });
    expect(together(items, jibuku[2], keergute[2])).toBe(false);
  });

  it('keeps what stays uncertain for review: the unlinked item, its best candidate group and the evidence', () => {
    const { jibuku, keergute, items } = partyLists({ name: '机构编制实名制管理', kinds: ['公安局'] });
    const { groups, uncertain } = matchDuties(items, {});
    const groupOf = (key: number) => groups.find((g) => g.members.some((m) => m.key === key))!.id;
    const candidates = uncertain.get(keergute[2].key)!;
    expect(candidates[0].group).toBe(groupOf(jibuku[2].key));
    expect(candidates[0].evidence).toMatchObject({ category: true, list: true, departments: 'disagree' });
    expect(candidates[0].score).toBeGreaterThan(candidates[0].wording);
    // Linked items have no candidates.
    expect(uncertain.has(keergute[0].key)).toBe(false);
  });

  it("does not join two duties other townships keep apart through one township's wording between them", () => {
    // Each list prints the duty between the same two neighbours, as drafters copying one template do.
    const coop = (township: string, name: string) =>
      list(township, 'coop', [
        ['民生服务', '农村饮水安全保障工作', ['水利局']],
        ['民生服务', name, ['财政局']],
        ['民生服务', '地名管理工作', ['民政局']],
      ]);
    const enrolment = ['吉布库镇', '凉州户镇', '新地乡', '伊拉湖镇'].flatMap((t) => coop(t, '政策性农业、畜牧业保险参保工作'));
    const subsidy = coop('六工镇', '农业保险保费补贴工作');
    const newWording = coop('三宫乡', '政策性农业保险参保和保费补贴');
    // On its own, the new wording is close enough to the enrolment duty to join it in context.
    expect(together([...enrolment, ...newWording], enrolment[1], newWording[1])).toBe(true);
    // Beside 六工镇's subsidy it rewords that one; the subsidy and the enrolment stay two duties.
    const items = [...enrolment, ...subsidy, ...newWording];
    expect(together(items, subsidy[1], newWording[1])).toBe(true);
    expect(together(items, enrolment[1], subsidy[1])).toBe(false);
  });

  it('never links a penalty with a duty that is none, however alike the words', () => {
    const market = ['市场监督管理局'];
    const supervision = list('六工镇', 'coop', [['市场监管', '食品小作坊、小餐饮店、小食杂店、食品摊贩监督管理', market]]);
    const penalty = list('伊拉湖镇', 'reclaimed', [['市场监管', '对食品小作坊、小餐饮店、小食杂店和食品摊贩违法生产经营的处罚', market]]);
    expect(together([...supervision, ...penalty], supervision[0], penalty[0])).toBe(false);
  });

  it('never links two duties one township lists apart, even in different lists', () => {
    const agriculture = ['农业农村局'];
    const xindi = [
      ...list('新地乡', 'basic', [['乡村振兴', '负责本乡农产品质量安全监督管理工作']]),
      ...list('新地乡', 'reclaimed', [['乡村振兴', '农产品质量安全事故处理', agriculture]]),
    ];
    const liugong = list('六工镇', 'basic', [['乡村振兴', '负责农产品质量安全监管，开展日常巡查、快速检测、发现问题及时上报等工作']]);
    const items = [...xindi, ...liugong];
    expect(together(items, xindi[0], xindi[1])).toBe(false);
  });

  it('leaves the bare matching of names as it was where no context is given', () => {
    const a = list('甲镇', 'basic', [['', '收养登记']]);
    const b = list('乙乡', 'basic', [['', '婚姻登记']]);
    expect(together(bare([...a, ...b]), a[0], b[0])).toBe(false);
  });
});
