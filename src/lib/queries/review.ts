import { sql, raw, needing } from '../db/sql';
import type { ListKind } from '../parse/types';
import type { Filters } from '../state/filters';
import { listNameSql } from '../atlas/codes';
import type { ContextEvidence } from '../model/duty-context';
import { factClause } from './filter-clause';

/**
 * 匹配审核: the duties the grouping left unlinked although some group came close, under the shared
 * filters, most likely matches first — what a reviewer decides on (src/lib/review/).
 */

/** One unlinked item in the queue. */
export interface ReviewItemRow {
  id: number;
  name: string;
  township_id: string;
  township: string;
  county: string;
  list: ListKind;
  category: string;
  /** Its best candidate's score. */
  best: number;
}

export const reviewQueue = (filters: Filters, limit: number) =>
  needing(
    sql`
      SELECT f.id, r.name, t.id AS township_id, t.name AS township, t.county_name AS county,
             ${raw(listNameSql('f.list'))} AS list, c.name AS category, r.best
      FROM review_items r JOIN fact_items f ON f.id = r.item
        JOIN townships t ON t.place = f.township JOIN categories c ON c.id = f.category
      WHERE ${factClause(filters, 'f')}
      ORDER BY r.best DESC, f.township, f.list, f.seq
      LIMIT ${limit}`,
    'review',
    'facts',
  );

export const reviewQueueSize = (filters: Filters) =>
  needing(
    sql`SELECT count(*) AS n FROM review_items r JOIN fact_items f ON f.id = r.item WHERE ${factClause(filters, 'f')}`,
    'review',
    'facts',
  );

/** A candidate group of a queued item, as stored. */
export interface ReviewCandidateSqlRow {
  item: number;
  rank: number;
  duty_group: number;
  /** The group's most common wording: what a decision names. */
  name: string;
  category: string;
  townships: number;
  items: number;
  score: number;
  wording: number;
  evidence: string;
}

export interface ReviewCandidate extends Omit<ReviewCandidateSqlRow, 'evidence'> {
  evidence: ContextEvidence;
}

export const reviewCandidates = (items: readonly number[]) =>
  needing(
    sql`
      SELECT rc.item, rc.rank, rc.duty_group, g.name, c.name AS category, g.townships, g.items, rc.score, rc.wording, rc.evidence
      FROM review_candidates rc JOIN duty_groups g ON g.id = rc.duty_group JOIN categories c ON c.id = g.category
      WHERE rc.item IN ${[...items]}
      ORDER BY rc.item, rc.rank`,
    'review',
  );

/** The stored rows with their evidence read. */
export const withEvidence = (rows: readonly ReviewCandidateSqlRow[]): ReviewCandidate[] =>
  rows.map((r) => ({ ...r, evidence: JSON.parse(r.evidence) as ContextEvidence }));

/** Every department with its kind, and every county with its prefecture: what "导出新部门类别" compares with the alias file. */
export const departmentKindsInData = () =>
  sql`SELECT d.name, k.name AS kind FROM departments d JOIN kinds k ON k.id = d.kind ORDER BY d.id`;
export const countiesInData = () =>
  sql`SELECT DISTINCT county_name AS county, prefecture_name AS prefecture FROM townships ORDER BY county, prefecture`;
