import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeListFile, parseDocument, type ParsedDocument } from '../../../src/lib/parse';
import { RAW_DIR } from './helpers';

/** The five published lists, end to end. Figures checked by hand against the documents. */
const parse = (file: string): ParsedDocument => parseDocument(decodeListFile(readFileSync(join(RAW_DIR, file))).text, file);
const docs = Object.fromEntries(
  readdirSync(RAW_DIR)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f, parse(f)]),
);
const counts = (doc: ParsedDocument) => ({
  basic: doc.items.filter((i) => i.list === 'basic').length,
  coop: doc.items.filter((i) => i.list === 'coop').length,
  reclaimed: doc.items.filter((i) => i.list === 'reclaimed').length,
});

describe('the five published lists', () => {
  it.each([
    ['qitai-jibuku.txt', '吉布库镇', '奇台县', '昌吉回族自治州', '2025-07', { basic: 109, coop: 99, reclaimed: 37 }],
    ['jimsar-xindi.txt', '新地乡', '吉木萨尔县', '昌吉回族自治州', '2025-07', { basic: 106, coop: 101, reclaimed: 30 }],
    ['manas-liangzhouhu.txt', '凉州户镇', '玛纳斯县', '昌吉回族自治州', null, { basic: 106, coop: 107, reclaimed: 37 }],
    ['changji-liugong.txt', '六工镇', '昌吉市', '昌吉回族自治州', '2025-01', { basic: 136, coop: 94, reclaimed: 30 }],
    ['toksun-yilahu.txt', '伊拉湖镇', '托克逊县', '吐鲁番市', '2025-07', { basic: 110, coop: 101, reclaimed: 34 }],
  ])('%s is %s, %s, %s, dated %s, with the printed number of rows per list', (file, township, county, prefecture, published, expected) => {
    const doc = docs[file];
    expect(doc.place).toMatchObject({ township, county, prefecture });
    expect(doc.published).toBe(published);
    expect(counts(doc)).toEqual(expected);
  });

  it('holds 1,237 items in all', () => {
    expect(Object.values(docs).reduce((n, d) => n + d.items.length, 0)).toBe(1237);
  });

  it("matches 伊拉湖镇's 说明 exactly: totals and every category", () => {
    const doc = docs['toksun-yilahu.txt'];
    expect(doc.stated?.total).toBe(245);
    expect(doc.stated?.summary).toEqual({ basic: 110, coop: 101, reclaimed: 34 });
    for (const list of ['basic', 'coop', 'reclaimed'] as const) {
      const stated = doc.stated!.lists[list]!;
      const parsed: Record<string, number> = {};
      for (const i of doc.items.filter((x) => x.list === list)) parsed[i.category] = (parsed[i.category] ?? 0) + 1;
      expect(parsed).toEqual(stated.categories);
    }
    expect(doc.stated!.lists.basic!.categories['党的建设']).toBe(24);
  });

  it('gives every 配合 item its lead departments, department steps and township steps', () => {
    for (const doc of Object.values(docs)) {
      for (const item of doc.items.filter((i) => i.list === 'coop')) {
        expect(item.leadDepartments.length, `${doc.source}:${item.line}`).toBeGreaterThan(0);
        expect(item.departmentSteps.flatMap((g) => g.steps).length, `${doc.source}:${item.line}`).toBeGreaterThan(0);
        expect(item.townshipSteps.flatMap((g) => g.steps).length, `${doc.source}:${item.line}`).toBeGreaterThan(0);
      }
    }
  });

  it('names a receiving department at the head of every 收回 item', () => {
    for (const doc of Object.values(docs)) {
      for (const item of doc.items.filter((i) => i.list === 'reclaimed')) {
        expect(item.departmentSteps[0].heading, `${doc.source}:${item.line}`).toMatch(/(局|部|委|会|联|办公室|分局)$/);
      }
    }
  });

  it('leaves no tag, entity or leading number in any step', () => {
    const all = Object.values(docs).flatMap((d) =>
      d.items.flatMap((i) => [...i.departmentSteps, ...i.townshipSteps].flatMap((g) => g.steps)),
    );
    expect(all.length).toBeGreaterThan(3000);
    for (const step of all) {
      expect(step).not.toMatch(/<\/?(p|ol|li)\b|&[a-z]+;|^\d+[.、．]|^[（(]\d+[）)]/);
      expect(step.trim()).toBe(step);
    }
  });

  it("cleans the stray 'and' and keeps 乡<镇>村 as text", () => {
    const names = Object.values(docs).flatMap((d) => d.items.map((i) => i.name));
    expect(names.filter((n) => /\band\b/.test(n))).toEqual([]);
    expect(names.some((n) => n.includes('思想和习近平'))).toBe(true);
    expect(names.some((n) => n.includes('乡<镇>村'))).toBe(true);
  });

  it('keeps data/raw identical to the shared seeds it was copied from', () => {
    const seeds = join(RAW_DIR, '../../../shared/seeds');
    if (!existsSync(seeds)) return; // the repository stands alone; the seeds are only beside it in CI and dev
    const seedTexts = readdirSync(seeds)
      .map((f) => readFileSync(join(seeds, f), 'utf8'))
      .sort();
    const rawTexts = Object.keys(docs)
      .map((f) => readFileSync(join(RAW_DIR, f), 'utf8'))
      .sort();
    expect(rawTexts).toEqual(seedTexts);
  });
});
