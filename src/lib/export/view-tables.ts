/**
 * The views' tables as exports write them (table.ts): the rows on screen, in their order, with the
 * screen's headers, and the reader's own townships marked as everywhere else. Pure: a view hands
 * over the rows it already holds.
 */
import type { RelianceRow } from '../queries/network';
import type { Ranking } from '../queries/overview-stats';
import { NUMERIC_COLUMNS } from '../queries/overview-stats';
import type { ListKind } from '../parse/types';
import { EXPORT_STRINGS as S, EXPLORER, LIST_SHORT, NETWORK_STRINGS, OVERVIEW } from '../ui/strings';
import type { ExportTable } from './table';

/** 部门网络's 最依赖的部门: one row per department kind. */
export function relianceTable(rows: readonly RelianceRow[], title: string = NETWORK_STRINGS.tableTitle): ExportTable {
  const N = NETWORK_STRINGS;
  return {
    title,
    columns: [{ header: N.colKind }, { header: N.colTownships }, { header: N.colDuties }, { header: N.colSteps }],
    rows: rows.map((r) => [r.kind, r.townships, r.dutiesLed, r.townshipSteps]),
  };
}

/** 总览's 乡镇排名: every township of the scope in the ranking's order, with its rank and figures. */
export function rankingTable(ranking: Ranking, title: string, nameOf: (key: string, name: string) => string): ExportTable {
  const C = OVERVIEW.columns;
  return {
    title,
    columns: [
      { header: C.rank },
      { header: C.name },
      { header: C.county },
      { header: S.columns.prefecture },
      { header: C.basic },
      { header: C.coop },
      { header: C.reclaimed },
      { header: C.total },
      { header: C.share, format: 'percent' },
      { header: C.steps },
    ],
    rows: ranking.rows.map(({ row, rank }) => [
      rank,
      nameOf(row.key, row.name),
      row.county_name,
      row.prefecture_name,
      row.basic,
      row.coop,
      row.reclaimed,
      row.total,
      NUMERIC_COLUMNS.share(row),
      NUMERIC_COLUMNS.steps(row),
    ]),
  };
}

/** One 事项查询 result with its text. */
export interface ExplorerExportRow {
  township: string;
  county: string;
  list: ListKind;
  seq: number;
  category: string;
  name: string;
  departments: string | null;
  matchedStep: string | null;
}

/** 事项查询's results: every match (not only the rows scrolled to), with the step that matched where the name did not. */
export function explorerTable(rows: readonly ExplorerExportRow[], title: string, withMatchedStep: boolean): ExportTable {
  return {
    title,
    columns: [
      { header: S.columns.township },
      { header: S.columns.county },
      { header: S.columns.list },
      { header: S.columns.seq },
      { header: S.columns.category },
      { header: S.columns.name, width: 50 },
      { header: EXPLORER.colDepartments, width: 30 },
      ...(withMatchedStep ? [{ header: S.columns.matchedStep, width: 50 }] : []),
    ],
    rows: rows.map((r) => [
      r.township,
      r.county,
      LIST_SHORT[r.list] ?? r.list,
      r.seq,
      r.category,
      r.name,
      r.departments,
      ...(withMatchedStep ? [r.matchedStep] : []),
    ]),
  };
}
