/**
 * The real lists the synthetic ones are recombined from: every row of the five bundled lists with
 * its raw cells exactly as published (HTML, <p> paragraphs, numbering, sub-headings), the duty it
 * belongs to across the five, and where its list comes from (so its place names can be replaced).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeListFile, parseDocument, type ListKind } from '../../src/lib/parse';
import { groupDuties, type DutyGroupOverrides } from '../../src/lib/model/duty-groups';
import { resolvePlace, type ResolvedPlace } from '../../src/lib/model/places';
import { townshipIdOf } from '../../src/lib/model/township-id';
import type { PlaceTable } from '../../src/lib/model/place-table';

export interface SourcePlace {
  township: string;
  county: string;
  /** Full name, e.g. 昌吉回族自治州, 吐鲁番市. */
  prefecture: string;
}

export interface SourceRow {
  /** Which real list: its township id (township-id.ts), not its file name. */
  source: string;
  list: ListKind;
  /** Cleaned 事项类别, as the parser reads it. */
  category: string;
  /** 事项名称 as written in the raw row. */
  name: string;
  /** The cells after 事项名称, raw: 对应上级部门, 上级部门职责, 乡镇配合职责 | 承接部门及工作方式. */
  cells: string[];
  /** The same duty across the five lists (duty-groups.ts). */
  duty: number;
}

export interface SourceList {
  source: string;
  place: SourcePlace;
  rows: Record<ListKind, SourceRow[]>;
}

export interface Sources {
  lists: SourceList[];
  /** Category order as the real lists print them (党的建设 first, 综合政务 and 教育培训监管 last). */
  categoryRank: Map<string, number>;
  /** Every wording of each duty across the five lists. */
  wordings: Map<number, string[]>;
}

const byName = new Intl.Collator('zh-CN');
const placeName = (place: ResolvedPlace) => `${place.county}${place.township}`;

export function readSources(rawDir: string, overridesFile: string, places: PlaceTable): Sources {
  // In the order of their places' names (Chinese collation, as the place tree sorts names): the
  // synthetic lists do not depend on what the real ones are called.
  const read = readdirSync(rawDir)
    .filter((f) => f.endsWith('.txt'))
    .map((file) => {
      const text = decodeListFile(readFileSync(join(rawDir, file))).text;
      const document = parseDocument(text, file);
      const resolved = resolvePlace(document.place, places);
      return { source: townshipIdOf(resolved), text, document, resolved };
    })
    .sort((a, b) => byName.compare(placeName(a.resolved), placeName(b.resolved)));
  const lists: SourceList[] = [];
  const pending: { row: SourceRow; key: number; cleanName: string }[] = [];
  for (const { source, text, document, resolved } of read) {
    const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    const list: SourceList = {
      source,
      place: { township: resolved.township, county: resolved.county, prefecture: resolved.prefecture },
      rows: { basic: [], coop: [], reclaimed: [] },
    };
    for (const item of document.items) {
      const [, , name, ...cells] = lines[item.line - 1].split('\t');
      const row: SourceRow = { source, list: item.list, category: item.category, name, cells, duty: 0 };
      list.rows[item.list].push(row);
      pending.push({ row, key: pending.length, cleanName: item.name });
    }
    lists.push(list);
  }

  const overrides: DutyGroupOverrides = JSON.parse(readFileSync(overridesFile, 'utf8'));
  const groups = groupDuties(
    pending.map(({ row, key, cleanName }) => ({ key, township: row.source, list: row.list, name: cleanName })),
    overrides,
  );
  const wordings = new Map<number, string[]>();
  for (const group of groups) {
    for (const member of group.members) pending[member.key].row.duty = group.id;
    wordings.set(group.id, [...new Set(group.members.map((m) => pending[m.key].row.name))]);
  }
  return { lists, categoryRank: rankCategories(lists), wordings };
}

/** Each category's mean relative position of first appearance across the lists. */
function rankCategories(lists: SourceList[]): Map<string, number> {
  const positions = new Map<string, number[]>();
  for (const list of lists) {
    for (const kind of ['basic', 'coop', 'reclaimed'] as const) {
      const categories = [...new Set(list.rows[kind].map((r) => r.category))];
      categories.forEach((category, i) => {
        const at = positions.get(category) ?? positions.set(category, []).get(category)!;
        at.push(i / Math.max(1, categories.length - 1));
      });
    }
  }
  const mean = [...positions].map(([category, at]) => [category, at.reduce((a, b) => a + b, 0) / at.length] as const);
  mean.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0], 'zh'));
  return new Map(mean.map(([category], i) => [category, i]));
}
