/**
 * 数据核对's queries on the bundled data, against what a person finds in the documents (data/raw):
 * the totals each 说明 states and the rows each list has, the 配合 rows whose 对应上级部门 cell is
 * empty, and for every finding the file and line it names holding the row it names.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from '../../../src/lib/db/sql';
import { NO_FILTERS } from '../../../src/lib/state/filters';
import {
  auditCounts,
  auditCountsSummary,
  auditFindings,
  auditKindCounts,
  type AuditCountsRow,
  type AuditFindingRow,
} from '../../../src/lib/queries/audit';
import { AUDIT_KINDS, WEAK_SCORE } from '../../../src/lib/audit/kinds';
import { LIST_KINDS } from '../../../src/lib/parse/types';
import { completeDb, realDb, townshipIdsByName } from '../queries/real-db';
import { RAW, documentFiles, documentRows, statedTotals } from './documents';

const ALL = 100_000;

describe('数据核对 queries on the bundled lists', () => {
  it("give every township its file, the 说明's total per list where it states one, and the rows of each list", async () => {
    const db = await realDb();
    const rows = await db.query<AuditCountsRow>(auditCounts(NO_FILTERS, ALL));
    expect(rows.map((r) => r.file).sort()).toEqual(documentFiles().sort());
    let stating = 0;
    for (const file of documentFiles()) {
      const row = rows.find((r) => r.file === file)!;
      const inDocument = documentRows(file);
      const stated = statedTotals(file);
      if (Object.keys(stated).length) stating++;
      for (const list of LIST_KINDS) {
        expect(row[`${list}Parsed`], `${file} ${list}`).toBe(inDocument.filter((r) => r.list === list).length);
        expect(row[`${list}Stated`], `${file} ${list}`).toBe(stated[list] ?? null);
      }
      expect(row.listsOff).toBe(0);
    }
    expect(stating).toBeGreaterThan(0);
    // Townships whose 说明 states counts come first.
    expect(rows.slice(0, stating).every((r) => r.basicStated !== null)).toBe(true);
    expect(await db.query(auditCountsSummary(NO_FILTERS))).toEqual([{ townships: rows.length, stating, differing: 0 }]);
  });

  it('count the 配合 rows without a lead department as the documents have them, and name the reclaimed rows without a receiving one', async () => {
    const db = await realDb();
    const counts = new Map(
      (await db.query<{ kind: number; findings: number }>(auditKindCounts(NO_FILTERS))).map((r) => [AUDIT_KINDS[r.kind], r.findings]),
    );
    const emptyLead = documentFiles().flatMap((f) => documentRows(f).filter((r) => r.list === 'coop' && r.cells[3].trim() === ''));
    expect(counts.get('coop-no-lead') ?? 0).toBe(emptyLead.length);
    const complete = await completeDb();
    const [{ n }] = await complete.query<{ n: number }>(sql`
      SELECT count(*) AS n FROM items i WHERE i.list = 'reclaimed'
        AND NOT EXISTS (SELECT 1 FROM item_departments d WHERE d.item_id = i.id AND d.role = 'receiver')`);
    expect(counts.get('reclaimed-no-receiver') ?? 0).toBe(n);
  });

  it('list as guessed exactly the departments whose kind the reviewed alias file does not name, once per township', async () => {
    const aliases = JSON.parse(readFileSync(resolve(RAW, '../department-aliases.json'), 'utf8')) as { kinds: Record<string, unknown> };
    const reviewed = Object.keys(aliases.kinds).filter((k) => !k.startsWith('_'));
    const complete = await completeDb();
    const [{ n }] = await complete.query<{ n: number }>(sql`
      SELECT count(*) AS n FROM (SELECT DISTINCT d.id, i.township_id FROM departments d
        JOIN item_departments x ON x.department_id = d.id JOIN items i ON i.id = x.item_id
        WHERE d.kind NOT IN ${reviewed})`);
    const db = await realDb();
    const found = await db.query<AuditFindingRow>(auditFindings(NO_FILTERS, 'kind-guessed', ALL));
    expect(found.length).toBe(n);
  });

  it('list each duty group whose weakest join scored below the threshold once, with that score and the two wordings', async () => {
    const complete = await completeDb();
    const weakest = await complete.query<{ duty_group: number; score: number }>(sql`
      SELECT i.duty_group, min(l.score) AS score FROM duty_group_links l JOIN items i ON i.id = l.item_id
      WHERE l.pass IN ('fuzzy', 'context', 'settle') AND l.score < ${WEAK_SCORE}
      GROUP BY i.duty_group`);
    expect(weakest.length).toBeGreaterThan(0);
    const db = await realDb();
    const found = await db.query<AuditFindingRow>(auditFindings(NO_FILTERS, 'weak-match', ALL));
    expect(new Map(found.map((f) => [f.dutyGroup, f.score]))).toEqual(new Map(weakest.map((w) => [w.duty_group, w.score])));
    const items = new Map(
      (await complete.query<{ id: number; name: string; duty_group: number }>(sql`SELECT id, name, duty_group FROM items`)).map((i) => [
        i.id,
        i,
      ]),
    );
    for (const f of found) {
      expect(items.get(f.item)).toMatchObject({ name: f.name, duty_group: f.dutyGroup });
      expect(items.get(f.partner!)).toMatchObject({ name: f.partnerName, duty_group: f.dutyGroup });
    }
  });

  it('name for every finding a file and line that hold the row of its 序号 in its list', async () => {
    const db = await realDb();
    const found = await db.query<AuditFindingRow>(auditFindings(NO_FILTERS, null, ALL));
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      const row = documentRows(f.file).find((r) => r.line === f.line);
      expect(row, `${f.file}:${f.line}`).toMatchObject({ list: f.list, seq: f.seq });
      if (f.partnerFile) expect(documentRows(f.partnerFile).some((r) => r.line === f.partnerLine)).toBe(true);
    }
  });

  it('keep to the townships chosen: a weak match belongs to every township its group spans', async () => {
    const db = await realDb();
    const idOf = await townshipIdsByName();
    const complete = await completeDb();
    const [township] = await complete.query<{ name: string }>(sql`SELECT name FROM townships ORDER BY id LIMIT 1`);
    const filters = { ...NO_FILTERS, townships: [idOf(township.name)] };
    const all = await db.query<AuditFindingRow>(auditFindings(NO_FILTERS, 'weak-match', ALL));
    const chosen = await db.query<AuditFindingRow>(auditFindings(filters, 'weak-match', ALL));
    const spanning = await complete.query<{ duty_group: number }>(sql`
      SELECT DISTINCT duty_group FROM items WHERE township_id = ${idOf(township.name)}`);
    const groups = new Set(spanning.map((g) => g.duty_group));
    expect(chosen.map((f) => f.dutyGroup)).toEqual(all.filter((f) => groups.has(f.dutyGroup!)).map((f) => f.dutyGroup));
    const counts = await db.query<AuditCountsRow>(auditCounts(filters, ALL));
    expect(counts.map((r) => r.name)).toEqual([township.name]);
  });

  it('page one kind of finding, and give each kind its first rows when no kind is chosen', async () => {
    const db = await realDb();
    const weak = await db.query<AuditFindingRow>(auditFindings(NO_FILTERS, 'weak-match', ALL));
    const second = await db.query<AuditFindingRow>(auditFindings(NO_FILTERS, 'weak-match', 5, 5));
    expect(second.map((f) => f.id)).toEqual(weak.slice(5, 10).map((f) => f.id));
    const firsts = await db.query<AuditFindingRow>(auditFindings(NO_FILTERS, null, 3));
    expect(firsts.filter((f) => f.kind === 'weak-match').map((f) => f.id)).toEqual(weak.slice(0, 3).map((f) => f.id));
    expect(firsts.every((f) => f.ofKind >= 1)).toBe(true);
  });
});
