import type { ExportTable } from '../export/table';
import { COMPARE_STRINGS as S, COMPARE_COUNTY_STRINGS, LIST_SHORT } from '../ui/strings';
import type { ListKind } from '../parse/types';
import { townshipsIn, type ComparedDuty, type Comparison } from './township-sets';

/** 乡镇对比's tables as the exports write them (CSV, XLSX): the rows the view shows, in its order. */

/** The UpSet chart's columns: each combination of compared places and the duties exactly they list. */
export function setsTable(comparison: Comparison, names: readonly string[], title: string): ExportTable {
  return {
    title,
    columns: [{ header: S.setsColumn }, { header: S.setsCount }],
    rows: comparison.intersections.map((i) => [S.setName(townshipsIn(i.mask, names.length).map((t) => names[t])), i.duties.length]),
  };
}

export function spreadsTable(comparison: Comparison, names: readonly string[]): ExportTable {
  return {
    title: S.categoriesTitle,
    columns: [{ header: S.category }, { header: S.allOf }, { header: S.someOf }, ...names.map((n) => ({ header: S.only(n) }))],
    rows: comparison.categories.map((c) => [c.category, c.all, c.some, ...c.alone]),
  };
}

/**
 * A compared place's cell for a duty: the lists it holds it in, or — ; comparing counties, followed by
 * how many of the county's townships list it (`share`: listed, of).
 */
export function cellText(lists: readonly ListKind[], share: readonly [number, number] | null): string {
  const held = lists.length ? lists.map((l) => LIST_SHORT[l]).join('、') : S.notListed;
  return share ? `${held}（${COMPARE_COUNTY_STRINGS.share(share[0], share[1])}）` : held;
}

export function dutiesTable(
  duties: readonly ComparedDuty[],
  names: readonly string[],
  groupName: (id: number) => string,
  title: string,
  cell: (duty: ComparedDuty, index: number) => string = (d, i) => cellText(d.lists[i], null),
): ExportTable {
  return {
    title,
    columns: [{ header: S.duty, width: 60 }, { header: S.category }, ...names.map((n) => ({ header: n }))],
    rows: duties.map((d) => [groupName(d.dutyGroup), d.category, ...d.lists.map((_, i) => cell(d, i))]),
  };
}

export function profileTable(comparison: Comparison, names: readonly string[], title: string = S.profileTitle): ExportTable {
  return {
    title,
    columns: [{ header: S.category }, ...names.map((n) => ({ header: n })), { header: S.median }],
    rows: comparison.profile.map((p) => [p.category, ...p.counts, p.median]),
  };
}
