/**
 * The two ways a review decision (匹配审核) can reach what the page shows, run in Node without the
 * page: for the test that holds them equal (tests/unit/review/regroup-session.test.ts) and the
 * benchmark that times them (scripts/bench-decision.ts).
 *
 * - `regroupInFull`: what the page did before, and what a build with the decisions as overrides
 *   gives: read the complete database, group every item anew (mergeLists), write the database
 *   anew, and derive every part from it.
 * - `DecisionSession`: what the page does now (import.worker.ts 'regroup' / 'write-regrouped'):
 *   the tables kept in memory, every item grouped anew, the parts naming duty groups derived again
 *   and the others kept, the database patched where the groups changed.
 */
import type { SqlJsStatic } from 'sql.js';
import overrideFile from '../../data/duty-group-overrides.json';
import { deriveAllFiles } from '../../src/lib/atlas/derive-all';
import type { AtlasFile } from '../../src/lib/atlas/derive';
import { SUMMARY_FILE, partOfFile, regroupedFiles } from '../../src/lib/atlas/parts';
import { patchDutyGroups } from '../../src/lib/db/patch-duty-groups';
import { writeDatabase } from '../../src/lib/db/write-database';
import { carriedMeta, IMPORTED_META } from '../../src/lib/import/import-protocol';
import { mergeLists } from '../../src/lib/import/merge-lists';
import { readCompleteDatabase } from '../../src/lib/import/read-database';
import type { DutyGroupOverrides } from '../../src/lib/model/duty-groups';
import type { ItemRow } from '../../src/lib/db/schema';
import { overridesWithDecisions, REVIEW_META, type ReviewDecision } from '../../src/lib/review/decisions';
import { RegroupSession } from '../../src/lib/review/regroup-session';

const OVERRIDES = overrideFile as DutyGroupOverrides;
const nothing = { townships: [], items: [], departments: [], itemDepartments: [], steps: [], statedCounts: [] };

/** What the page shows: the complete database and every part derived from it, by path. */
export interface Shown {
  bytes: Uint8Array;
  files: Map<string, Uint8Array>;
}

/** Every part the page derives from a complete database it opens (db/worker.ts `openFile`). */
export function openInPage(SQL: SqlJsStatic, bytes: Uint8Array, name: string): Shown {
  const tables = readCompleteDatabase(SQL, bytes.slice(), name);
  const files = deriveAllFiles(SQL, tables, { built_from: name, ...carriedMeta(tables.meta) });
  return { bytes, files: new Map(files.map((f) => [f.path, f.bytes])) };
}

/** `base` grouped anew with `decisions`, written and derived in full (the page's former path; a build's result). */
export function regroupInFull(SQL: SqlJsStatic, base: Uint8Array, decisions: ReviewDecision[], name: string): Shown {
  const tables = readCompleteDatabase(SQL, base.slice(), name);
  const rows = mergeLists(tables, nothing, overridesWithDecisions(OVERRIDES, decisions)).rows;
  const meta = { [IMPORTED_META]: '[]', ...(decisions.length ? { [REVIEW_META]: JSON.stringify(decisions) } : {}) };
  return openInPage(SQL, writeDatabase(SQL, rows, meta), name);
}

/** The summary's meta rows, as the page's worker reads them (AtlasEngine.info.meta). */
function summaryMeta(SQL: SqlJsStatic, summary: Uint8Array): Record<string, string> {
  const db = new SQL.Database(summary);
  try {
    return Object.fromEntries((db.exec('SELECT key, value FROM meta')[0]?.values ?? []).map(([k, v]) => [String(k), String(v)]));
  } finally {
    db.close();
  }
}

/**
 * Milliseconds a step took: on the wall clock, and on this process's CPU (user + system), which a
 * shared machine's other work disturbs far less.
 */
export interface Took {
  wallMs: number;
  cpuMs: number;
}
type Instant = { wall: number; cpu: NodeJS.CpuUsage };
export const clock = (): Instant => ({ wall: performance.now(), cpu: process.cpuUsage() });
export const took = (from: Instant, to: Instant = clock()): Took => ({
  wallMs: to.wall - from.wall,
  cpuMs: (to.cpu.user - from.cpu.user + to.cpu.system - from.cpu.system) / 1000,
});

/** The page's present path: the database shown kept in memory, each decision applied to what it changes. */
export class DecisionSession {
  #session: RegroupSession | null = null;

  constructor(
    private readonly SQL: SqlJsStatic,
    public shown: Shown,
    private readonly name: string,
  ) {}

  /**
   * Applies `decisions` (all of them, as the page sends them) and returns what is shown then, with
   * how long deriving the parts to show and patching the database took.
   */
  decide(decisions: ReviewDecision[]): { shown: Shown; parts: Took; write: Took } {
    const started = clock();
    const session = (this.#session ??= new RegroupSession(
      readCompleteDatabase(this.SQL, this.shown.bytes.slice(), this.name, { checked: true }),
    ));
    const regrouped = regroupedFiles();
    const kept = [...this.shown.files]
      .filter(([path]) => !regrouped.has(path))
      .map(([path, bytes]) => ({ path, part: partOfFile(path), bytes: bytes.length }));
    const meta = { ...summaryMeta(this.SQL, this.shown.files.get(SUMMARY_FILE)!), built_from: this.name };
    const { files, patch } = session.decide(
      this.SQL,
      overridesWithDecisions(OVERRIDES, decisions),
      { [IMPORTED_META]: '[]', [REVIEW_META]: decisions.length ? JSON.stringify(decisions) : null },
      meta,
      kept,
    );
    const parts = clock();
    const bytes = patchDutyGroups(this.SQL, this.shown.bytes, patch);
    const written = clock();
    this.shown = { bytes, files: new Map([...this.shown.files, ...files.map((f: AtlasFile) => [f.path, f.bytes] as const)]) };
    return { shown: this.shown, parts: took(started, parts), write: took(parts, written) };
  }
}

/** The most common wording of each group (ties: the first seen), its wordings and the documents (township + list) it holds. */
export function groupsOf(items: readonly ItemRow[]) {
  const groups = new Map<number, { names: Map<string, number>; documents: Set<string> }>();
  for (const i of items) {
    let g = groups.get(i.duty_group);
    if (!g) groups.set(i.duty_group, (g = { names: new Map(), documents: new Set() }));
    g.names.set(i.name, (g.names.get(i.name) ?? 0) + 1);
    g.documents.add(`${i.township_id}|${i.list}`);
  }
  const named = (names: Map<string, number>) => [...names].sort((a, b) => b[1] - a[1])[0][0];
  return [...groups].sort((a, b) => a[0] - b[0]).map(([id, g]) => ({ id, name: named(g.names), names: g.names, documents: g.documents }));
}

/**
 * Decisions a reviewer could make on any set, queue or none: a merge of two groups no document
 * holds both of, an early one and one from the second half (so the groups after it are numbered
 * anew), and a split of the two most common wordings of the first group holding several.
 */
export function sampleDecisions(items: readonly ItemRow[]): { merge: ReviewDecision; split: ReviewDecision } {
  const groups = groupsOf(items);
  const disjoint = (a: (typeof groups)[number], b: (typeof groups)[number]) => [...a.documents].every((d) => !b.documents.has(d));
  const late = groups.slice(Math.floor(groups.length / 2));
  let pair: [(typeof groups)[number], (typeof groups)[number]] | undefined;
  for (const a of groups) {
    const b = late.find((g) => g.id > a.id && g.name !== a.name && disjoint(a, g));
    if (b) {
      pair = [a, b];
      break;
    }
  }
  if (!pair) throw new Error('no two groups to merge');
  const split = groups.find((g) => g.names.size >= 2);
  if (!split) throw new Error('no group to split');
  const [one, other] = [...split.names].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const decided = (item: string, candidate: string, same: boolean): ReviewDecision => ({
    item,
    candidate,
    same,
    township: '基准测试',
    decidedAt: '2026-11-26T00:00:00.000Z',
  });
  return { merge: decided(pair[1].name, pair[0].name, true), split: decided(one, other, false) };
}

/** Every row of every table of a SQLite file, each table's rows sorted: what two files hold, whatever their layout. */
export function tableRows(SQL: SqlJsStatic, bytes: Uint8Array, skip: (table: string, column: string) => boolean = () => false) {
  const db = new SQL.Database(bytes);
  try {
    const names = (
      db.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")[0]?.values ?? []
    ).map(([n]) => String(n));
    return Object.fromEntries(
      names.map((table) => {
        const result = db.exec(`SELECT * FROM "${table}"`)[0];
        const columns = result?.columns ?? [];
        const rows = (result?.values ?? []).map((row) => JSON.stringify(row.map((v, i) => (skip(table, columns[i]) ? null : v))));
        return [table, { columns, rows: rows.sort() }];
      }),
    );
  } finally {
    db.close();
  }
}
