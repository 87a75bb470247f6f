import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeListFile, parseDocument } from '../../../src/lib/parse';
import { similarWordings } from '../../../src/lib/model/duty-candidates';
import { PairWeights, pairsOf, weighForm, wordingForm, wordingSimilarity, type WeightedForm } from '../../../src/lib/model/duty-wording';

const RAW = fileURLToPath(new URL('../../../data/raw', import.meta.url));
const REAL_NAMES = readdirSync(RAW).flatMap((f) =>
  parseDocument(decodeListFile(readFileSync(join(RAW, f))).text, f).items.map((i) => i.name),
);
const REAL_FORMS = [...new Set(REAL_NAMES.map(wordingForm))];
const WEIGHTS = new PairWeights(REAL_FORMS.map(pairsOf));
const weigh = (name: string) => weighForm(wordingForm(name), WEIGHTS);
const similarity = (a: string, b: string) => wordingSimilarity(weigh(a), weigh(b));

describe('wordingForm', () => {
  it('drops what opens any clause and only says the township does it, not only the first', () => {
    expect(wordingForm('落实党管人才原则，做好人才引进工作')).toBe(wordingForm('党管人才原则，人才引进'));
    expect(wordingForm('负责劳动争议调解，协助排查化解拖欠农民工工资问题')).toBe('劳动争议调解排查化解拖欠农民工工资问题');
  });

  it('reads 乡 and 镇 alike where the word is the township itself, and nowhere else', () => {
    expect(wordingForm('召开乡人民代表大会')).toBe(wordingForm('召开镇人民代表大会'));
    expect(wordingForm('协助管理上级有关部门驻乡干部')).toBe(wordingForm('协助管理上级有关部门驻镇干部'));
    expect(wordingForm('乡村振兴项目管理')).toBe('乡村振兴项目管理');
  });

  it('writes out the abbreviations drafters use', () => {
    expect(wordingForm('灵活就业人员社保补贴审核')).toBe(wordingForm('灵活就业人员社会保险补贴审核'));
    expect(wordingForm('非遗保护')).toBe(wordingForm('非物质文化遗产保护'));
  });
});

describe('wordingSimilarity', () => {
  it('weighs rare character pairs more than the ones half the duties share', () => {
    const [rare, common] = [WEIGHTS.weight('屠宰'), WEIGHTS.weight('管理')];
    expect(rare).toBeGreaterThan(2 * common);
  });

  it('finds a shortened paraphrase inside the long wording it shortens', () => {
    const s = similarity('组织实施本乡统计调查工作，加强统计队伍建设，保存管理统计资料，防范数据造假', '开展统计调查，加强统计队伍建设');
    expect(s.containment).toBeGreaterThan(0.8);
    expect(s.dice).toBeLessThan(s.containment);
  });

  it('keeps two duties that share only their frame apart', () => {
    expect(similarity('对违规领取高龄津贴的追缴', '对违规领取失业保险金的追缴').containment).toBeLessThan(0.5);
    expect(similarity('收养登记', '婚姻登记（仅内地居民）').dice).toBeLessThan(0.3);
  });

  it('is symmetric', () => {
    const [a, b] = ['森林草原防灭火工作', '森林草原火灾防控'];
    expect(similarity(a, b)).toEqual(similarity(b, a));
  });
});

describe('similarWordings (weighted prefix filtering)', () => {
  it('finds exactly the pairs an all-pairs comparison finds, on the real wordings', () => {
    const forms: WeightedForm[] = REAL_FORMS.map((f) => weighForm(f, WEIGHTS));
    for (const floor of [0.25, 0.5]) {
      const fast = similarWordings(forms, floor)
        .map((p) => [p.a, p.b].sort((x, y) => x - y).join('|'))
        .sort();
      const brute: string[] = [];
      for (let a = 0; a < forms.length; a++)
        for (let b = a + 1; b < forms.length; b++)
          if (wordingSimilarity(forms[a], forms[b]).containment >= floor - 1e-9) brute.push(`${a}|${b}`);
      expect(fast).toEqual(brute.sort());
    }
  });
});
