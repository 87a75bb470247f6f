import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/lib/parse';
import { assembleAtlas } from '../../../src/lib/model/assemble';

const json = (name: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../data/${name}`, import.meta.url)), 'utf8'));
const aliases = json('department-aliases.json');
const overrides = json('duty-group-overrides.json');

const list = (coopRow: string, reclaimedRow: string) =>
  [
    '昌吉州奇台县测试镇基本履职事项清单',
    '序号\t事项类别\t事项名称',
    '1\t党的建设\t负责本镇“双拥”工作',
    '昌吉州奇台县测试镇配合履职事项清单',
    '序号\t事项类别\t事项名称\t对应上级部门\t上级部门职责\t乡镇配合职责',
    coopRow,
    '昌吉州奇台县测试镇上级部门收回事项清单',
    '序号\t事项类别\t事项名称\t承接部门及工作方式',
    reclaimedRow,
  ].join('\n');

const assemble = (text: string) =>
  assembleAtlas([{ townshipId: 'qitai-test', document: parseDocument(text, 'qitai-test.txt') }], aliases, overrides);
const nameOf = (data: ReturnType<typeof assemble>, id: number | null) => data.departments.find((d) => d.id === id)?.name ?? null;

describe('assembling parsed lists into rows', () => {
  const data = assemble(
    list(
      '1\t乡村振兴\t政策性农业保险\t奇台县农业农村局、奇台县财政局\t1.县财政局组织承保机构制定方案； 2.承保机构提供清单； 3.由县农业农村局复核。\t1.入户核实。',
      '1\t乡村振兴\t动物疫情信息采集\t奇台县农业农村局：负责信息采集。 奇台县林业和草原局：负责野生动物疫源疫病检测。',
    ),
  );

  it('links a 配合 item to each lead department and a 收回 item to each receiving department', () => {
    const links = data.itemDepartments.map((l) => `${data.items[l.item_id - 1].list}:${nameOf(data, l.department_id)}:${l.role}`);
    expect(links.sort()).toEqual(
      [
        'coop:奇台县农业农村局:lead',
        'coop:奇台县财政局:lead',
        'reclaimed:奇台县农业农村局:receiver',
        'reclaimed:奇台县林业和草原局:receiver',
      ].sort(),
    );
  });

  it('gives a step to the office it opens with when several leads share a cell without headings', () => {
    const coopSteps = data.steps.filter((s) => s.item_id === 2 && s.party === 'department');
    expect(coopSteps.map((s) => [s.ord, nameOf(data, s.department_id)])).toEqual([
      [1, '奇台县财政局'],
      [2, null], // 承保机构 is not a department
      [3, '奇台县农业农村局'],
    ]);
  });

  it('keeps township steps apart from department steps, numbered from 1', () => {
    expect(data.steps.filter((s) => s.item_id === 2 && s.party === 'township').map((s) => [s.ord, s.text, s.department_id])).toEqual([
      [1, '入户核实。', null],
    ]);
  });

  it('classifies the departments by kind across counties', () => {
    expect(data.departments.find((d) => d.name === '奇台县农业农村局')).toMatchObject({ kind: '农业农村局', level: 'county' });
  });
});
