import type { ExportTable } from '../export/table';
import type { AuditCountsRow, AuditFindingRow } from '../queries/audit';
import { AUDIT_STRINGS as S, LIST_LABELS, LIST_SHORT } from '../ui/strings';
import { describeFinding } from './describe-finding';

/** 数据核对's count table as exports write it: one row per township, parsed and stated per list, and the check. */
export function auditCountsTable(rows: readonly AuditCountsRow[]): ExportTable {
  const C = S.countsColumns;
  return {
    title: S.countsTableTitle,
    columns: [
      { header: C.township },
      { header: C.county },
      { header: C.file },
      ...(['basic', 'coop', 'reclaimed'] as const).flatMap((list) => [
        { header: `${LIST_LABELS[list]}（解析）` },
        { header: `${LIST_LABELS[list]}（说明）` },
      ]),
      { header: C.check },
    ],
    rows: rows.map((r) => [
      r.name,
      r.county,
      r.file,
      r.basicParsed,
      r.basicStated,
      r.coopParsed,
      r.coopStated,
      r.reclaimedParsed,
      r.reclaimedStated,
      checkText(r),
    ]),
  };
}

/** The check column: agrees, differs (in how many categories), or nothing stated. */
export function checkText(r: AuditCountsRow): string {
  if (r.listsOff > 0) return S.checkOff(r.categoriesOff);
  const stating = r.basicStated !== null || r.coopStated !== null || r.reclaimedStated !== null || r.categoriesStated > 0;
  return stating ? S.checkOk : S.checkNone;
}

/** The findings as exports write them: every one under the filters, in the view's order, each with its file and line. */
export function auditFindingsTable(rows: readonly AuditFindingRow[], title: string): ExportTable {
  const T = S.table;
  return {
    title,
    columns: [
      { header: T.kind },
      { header: T.township },
      { header: T.county },
      { header: T.file },
      { header: T.line },
      { header: T.list },
      { header: T.seq },
      { header: T.name, width: 48 },
      { header: T.detail, width: 60 },
      { header: T.score },
      { header: T.partnerTownship },
      { header: T.partnerFile },
      { header: T.partnerLine },
      { header: T.partnerName, width: 48 },
    ],
    rows: rows.map((f) => [
      S.kinds[f.kind],
      f.township,
      f.county,
      f.file,
      f.line,
      LIST_SHORT[f.list],
      f.seq,
      f.name,
      describeFinding(f),
      f.score,
      f.kind === 'weak-match' ? f.partnerTownship : null,
      f.kind === 'weak-match' ? f.partnerFile : null,
      f.partnerLine,
      f.partnerName,
    ]),
  };
}
