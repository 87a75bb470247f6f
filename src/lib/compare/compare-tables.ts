import type { ExportTable } from '../export/table';
import { COMPARE_STRINGS as S, LIST_SHORT } from '../ui/strings';
import type { ComparedDuty, Comparison } from './township-sets';

/** 乡镇对比's tables as the exports write them (CSV, XLSX): the rows the view shows, in its order. */

export function spreadsTable(comparison: Comparison, names: readonly string[]): ExportTable {
  return {
    title: S.categoriesTitle,
    columns: [{ header: S.category }, { header: S.allOf }, { header: S.someOf }, ...names.map((n) => ({ header: S.only(n) }))],
    rows: comparison.categories.map((c) => [c.category, c.all, c.some, ...c.alone]),
  };
}

export function dutiesTable(
  duties: readonly ComparedDuty[],
  names: readonly string[],
  groupName: (id: number) => string,
  title: string,
): ExportTable {
  return {
    title,
    columns: [{ header: S.duty, width: 60 }, { header: S.category }, ...names.map((n) => ({ header: n }))],
    rows: duties.map((d) => [
      groupName(d.dutyGroup),
      d.category,
      ...d.lists.map((lists) => (lists.length ? lists.map((l) => LIST_SHORT[l]).join('、') : S.notListed)),
    ]),
  };
}

export function profileTable(comparison: Comparison, names: readonly string[]): ExportTable {
  return {
    title: S.profileTitle,
    columns: [{ header: S.category }, ...names.map((n) => ({ header: n })), { header: S.median }],
    rows: comparison.profile.map((p) => [p.category, ...p.counts, p.median]),
  };
}
