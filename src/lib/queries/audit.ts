import { sql, raw, needing, type Sql } from '../db/sql';
import type { Filters } from '../state/filters';
import { listNameSql } from '../atlas/codes';
import { AUDIT_KIND_CODE, AUDIT_KINDS, type AuditKind } from '../audit/kinds';
import { placeClause } from './filter-clause';

/**
 * 数据核对: what the audit part (src/lib/audit/find-findings.ts) holds, for the townships the scope
 * and township filters select. The list, category and department-kind filters do not apply: the
 * audit checks each document whole, as a reader checks it against the file.
 */

const WEAK = AUDIT_KIND_CODE['weak-match'];

/**
 * The findings in the selection: a weak match belongs to every township its duty group spans (it
 * joins their wordings), every other finding to its item's township.
 */
function inSelection(filters: Filters, alias: string): Sql {
  const place = placeClause(filters, alias);
  if (!filters.scope && !filters.townships.length) return place;
  const f = raw(alias);
  return sql`(CASE WHEN ${f}.kind = ${WEAK}
                   THEN ${f}.duty_group IN (SELECT g.duty_group FROM audit_group_townships g WHERE ${placeClause(filters, 'g')})
                   ELSE ${place} END)`;
}

/** One township's stated and parsed counts per list (null: the 说明 states none). */
export interface AuditCountsRow {
  id: string;
  name: string;
  county: string;
  file: string;
  basicParsed: number;
  basicStated: number | null;
  coopParsed: number;
  coopStated: number | null;
  reclaimedParsed: number;
  reclaimedStated: number | null;
  /** Categories the 说明 gives a count for, over the three lists, and how many of them differ. */
  categoriesStated: number;
  categoriesOff: number;
  /** Lists whose total or categories differ from what is stated. */
  listsOff: number;
  /** Townships in the selection (every row carries it, for the pages). */
  total: number;
}

/**
 * The selected townships, those whose counts differ from their 说明 first, then those with a 说明,
 * then by place; `limit` of them from `offset`.
 */
export const auditCounts = (filters: Filters, limit: number, offset = 0) =>
  needing(
    sql`
      SELECT t.id, t.name, t.county_name AS county, t.source_file AS file,
             max(CASE WHEN a.list = 0 THEN a.parsed END) AS basicParsed, max(CASE WHEN a.list = 0 THEN a.stated END) AS basicStated,
             max(CASE WHEN a.list = 1 THEN a.parsed END) AS coopParsed, max(CASE WHEN a.list = 1 THEN a.stated END) AS coopStated,
             max(CASE WHEN a.list = 2 THEN a.parsed END) AS reclaimedParsed, max(CASE WHEN a.list = 2 THEN a.stated END) AS reclaimedStated,
             sum(a.categories_stated) AS categoriesStated, sum(a.categories_off) AS categoriesOff,
             sum(CASE WHEN (a.stated IS NOT NULL AND a.stated <> a.parsed) OR a.categories_off > 0 THEN 1 ELSE 0 END) AS listsOff,
             count(*) OVER () AS total
      FROM audit_counts a JOIN townships t ON t.place = a.township
      WHERE ${placeClause(filters, 'a')}
      GROUP BY a.township
      ORDER BY listsOff > 0 DESC, count(a.stated) + sum(a.categories_stated) > 0 DESC, t.prefecture, t.county, t.place
      LIMIT ${limit} OFFSET ${offset}`,
    'audit',
  );

/** The selection's townships whose 说明 states counts, and of those whose counts differ. */
export interface AuditCountsSummary {
  townships: number;
  stating: number;
  differing: number;
}
export const auditCountsSummary = (filters: Filters) =>
  needing(
    sql`
      SELECT count(*) AS townships, coalesce(sum(stating), 0) AS stating, coalesce(sum(differing), 0) AS differing
      FROM (SELECT max(a.stated IS NOT NULL OR a.categories_stated > 0) AS stating,
                   max((a.stated IS NOT NULL AND a.stated <> a.parsed) OR a.categories_off > 0) AS differing
            FROM audit_counts a WHERE ${placeClause(filters, 'a')} GROUP BY a.township)`,
    'audit',
  );

/** Findings per kind in the selection. */
export const auditKindCounts = (filters: Filters) =>
  needing(
    sql`SELECT f.kind AS kind, count(*) AS findings FROM audit_findings f WHERE ${inSelection(filters, 'f')} GROUP BY f.kind`,
    'audit',
  );

/** One finding, with the file and line it names and what it opens. */
export interface AuditFindingRow {
  id: number;
  kind: AuditKind;
  item: number;
  township: string;
  county: string;
  file: string;
  list: 'basic' | 'coop' | 'reclaimed';
  seq: number;
  line: number;
  name: string;
  subject: string | null;
  detail: string | null;
  number: number | null;
  dutyGroup: number | null;
  pass: string | null;
  score: number | null;
  partner: number | null;
  partnerTownship: string | null;
  partnerFile: string | null;
  partnerLine: number | null;
  partnerName: string | null;
  /** Findings of its kind in the selection. */
  ofKind: number;
}

const KIND_NAME = `CASE f.kind ${AUDIT_KINDS.map((k, i) => `WHEN ${i} THEN '${k}'`).join(' ')} END`;

/**
 * Findings in the selection, in the part's order (kind, place, list, 序号): of one kind, `limit` from
 * `offset`; of every kind (`kind` null), the first `limit` of each.
 */
export const auditFindings = (filters: Filters, kind: AuditKind | null, limit: number, offset = 0) =>
  needing(
    sql`
      SELECT * FROM (
        SELECT f.id, ${raw(KIND_NAME)} AS kind, f.item, t.name AS township, t.county_name AS county, t.source_file AS file,
               ${raw(listNameSql('f.list'))} AS list, f.seq, f.source_line AS line, f.name, f.subject, f.detail, f.number,
               f.duty_group AS dutyGroup, f.pass, f.score, f.partner,
               CASE WHEN f.partner_township IS NULL THEN NULL ELSE pt.name END AS partnerTownship,
               CASE WHEN f.partner_township IS NULL THEN NULL ELSE pt.source_file END AS partnerFile,
               f.partner_line AS partnerLine, f.partner_name AS partnerName,
               row_number() OVER (PARTITION BY f.kind ORDER BY f.id) AS rank,
               count(*) OVER (PARTITION BY f.kind) AS ofKind
        FROM audit_findings f JOIN townships t ON t.place = f.township
             LEFT JOIN townships pt ON pt.place = f.partner_township
        WHERE ${kind === null ? sql`1 = 1` : sql`f.kind = ${AUDIT_KIND_CODE[kind]}`} AND ${inSelection(filters, 'f')})
      WHERE ${kind === null ? sql`rank <= ${limit}` : sql`rank > ${offset} AND rank <= ${offset + limit}`}
      ORDER BY id`,
    'audit',
  );
