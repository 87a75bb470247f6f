import { describe, expect, it } from 'vitest';
import { parseCellSteps } from '../../../src/lib/parse';

const steps = (cell: string) => parseCellSteps(cell).flatMap((g) => g.steps);

describe('cell steps', () => {
  it.each([
    ['1.甲； 2.乙。', ['甲', '乙。']],
    ['1、甲；2、乙', ['甲', '乙']],
    ['（1）甲；（2）乙', ['甲', '乙']],
    ['(1) 甲 (2) 乙', ['甲', '乙']],
    ['①甲；②乙', ['甲', '乙']],
    ['１．甲； ２．乙', ['甲', '乙']],
    ['1. 甲 2. 乙', ['甲', '乙']],
  ])('splits %s', (cell, expected) => {
    expect(steps(cell)).toEqual(expected);
  });

  it('does not split decimals or in-sentence numbers', () => {
    expect(steps('全镇户籍人口 0.63 万户，第1、2项')).toEqual(['全镇户籍人口 0.63 万户，第1、2项']);
  });

  it('reads <p> steps and strips their numbering', () => {
    expect(steps('<p>1.甲；</p> <p>2.乙。</p>')).toEqual(['甲', '乙。']);
  });

  it('reads an unclosed <ol> with numbered items', () => {
    expect(steps('<ol style="list-style-type: none"> 1.甲； 2.乙。 ')).toEqual(['甲', '乙。']);
  });

  it('reads <li> items without numbers', () => {
    expect(steps('<ol><li>甲；</li><li>乙，丙；</li></ol>')).toEqual(['甲', '乙，丙']);
  });

  it('keeps a prose cell as one step', () => {
    expect(steps('负责执法检查、巡查；开展立案登记审查。')).toEqual(['负责执法检查、巡查；开展立案登记审查。']);
  });

  it('decodes entities and keeps text that only looks like a tag', () => {
    expect(steps('<p>1.审核乡<镇>村用地&amp;&lt;公示&gt;&#20844;告</p>')).toEqual(['审核乡<镇>村用地&<公示>公告']);
  });

  it('groups steps under headings written with a colon, as a paragraph, or as a numbered section', () => {
    expect(parseCellSteps('县公安局： 提供户籍信息。 县民政局： 1. 推送信息； 2. 审核。')).toEqual([
      { heading: '县公安局', steps: ['提供户籍信息。'] },
      { heading: '县民政局', steps: ['推送信息', '审核。'] },
    ]);
    expect(parseCellSteps('<p>县应急管理局</p> <ol> <li>统筹监测；</li> </ol>')).toEqual([
      { heading: '县应急管理局', steps: ['统筹监测'] },
    ]);
    expect(parseCellSteps('<p>一、秸秆综合利用</p> <ol> 1.指导收集； 2.推广技术。').map((g) => g.heading)).toEqual(['一、秸秆综合利用']);
  });

  it('reads a county office named without a colon before its steps (新地乡)', () => {
    expect(parseCellSteps('县委宣传部 1.配备图书； 2.督促配送。 县文化体育广播电视台和旅游局 指导整理图书编目。')).toEqual([
      { heading: '县委宣传部', steps: ['配备图书', '督促配送。'] },
      { heading: '县文化体育广播电视台和旅游局', steps: ['指导整理图书编目。'] },
    ]);
  });

  it('reads numbered section titles inline before their steps (伊拉湖镇)', () => {
    expect(parseCellSteps('一、地方病 1. 病情研判； 2. 部署防治。 二、职业病 开展宣传。')).toEqual([
      { heading: '一、地方病', steps: ['病情研判', '部署防治。'] },
      { heading: '二、职业病', steps: ['开展宣传。'] },
    ]);
  });

  it('keeps a joint heading naming two departments whole', () => {
    expect(parseCellSteps('县农业农村局、县林业和草原局： 复核备案。')[0].heading).toBe('县农业农村局、县林业和草原局');
  });

  it('does not take a numbered step that names a department for a heading', () => {
    expect(parseCellSteps('1.县财政局：拨付资金； 2.县民政局：审核。')).toEqual([
      { heading: null, steps: ['县财政局：拨付资金', '县民政局：审核。'] },
    ]);
  });
});
