import type { DbClient } from '../db/client';
import { sql, raw, needing } from '../db/sql';
import type { ListKind } from '../parse/types';
import type { Filters } from '../state/filters';
import { listNameSql, roleNameSql } from '../atlas/codes';
import type { PlaceLevel } from '../atlas/place-tree';
import { namesNeed, textNeed } from '../atlas/parts';
import { placeClause } from './filter-clause';

/** The detail panel of one item: what it is, who does what, and how the other townships hold it. */

/** The item's row with its township's name and place. */
export interface ItemRow {
  id: number;
  township_id: string;
  township: string;
  county: string;
  prefecture: string;
  /** The county's place id: which text part holds the item's name and steps. */
  county_place: number;
  source_file: string;
  list: ListKind;
  seq: number;
  category: string;
  duty_group: number;
}

export const itemById = (id: number) =>
  needing(
    sql`
      SELECT f.id, t.id AS township_id, t.name AS township, t.county_name AS county, t.prefecture_name AS prefecture,
             f.county AS county_place, t.source_file, ${raw(listNameSql('f.list'))} AS list, f.seq, c.name AS category, f.duty_group
      FROM fact_items f JOIN townships t ON t.place = f.township JOIN categories c ON c.id = f.category
      WHERE f.id = ${id}`,
    'facts',
  );

export interface ItemTextRow {
  name: string;
  source_line: number;
}

export const itemText = (id: number, county: number) =>
  needing(sql`SELECT name, source_line FROM item_text WHERE item = ${id}`, textNeed(county));

export interface ItemDepartmentRow {
  id: number;
  name: string;
  kind: string;
  level: string;
  role: 'lead' | 'receiver';
}

export const itemDepartments = (id: number) =>
  needing(
    sql`
      SELECT d.id, d.name, k.name AS kind, d.level, ${raw(roleNameSql('fd.role'))} AS role
      FROM fact_departments fd JOIN departments d ON d.id = fd.department JOIN kinds k ON k.id = d.kind
      WHERE fd.item = ${id}
      ORDER BY fd.role, d.name`,
    'facts',
  );

export interface StepRow {
  party: 'department' | 'township';
  ord: number;
  text: string;
  heading: string | null;
  department: string | null;
}

/** Steps in document order: the department's (上级部门职责 / 承接部门及工作方式) and the township's (乡镇配合职责). */
export const itemSteps = (id: number, county: number) =>
  needing(
    sql`
      SELECT s.party, s.ord, s.text, s.heading, d.name AS department
      FROM step_text s LEFT JOIN departments d ON d.id = s.department
      WHERE s.item = ${id}
      ORDER BY s.party, s.ord`,
    textNeed(county),
  );

export interface StepGroupView {
  /** The cell's sub-heading, else the department the steps belong to, else null. */
  heading: string | null;
  steps: string[];
}

/** Groups consecutive steps of one party under their heading (or department), keeping document order. */
export function groupSteps(rows: StepRow[], party: StepRow['party']): StepGroupView[] {
  const groups: StepGroupView[] = [];
  for (const r of rows) {
    if (r.party !== party) continue;
    const heading = r.heading ?? r.department;
    const last = groups[groups.length - 1];
    if (last && last.heading === heading) last.steps.push(r.text);
    else groups.push({ heading, steps: [r.text] });
  }
  // One group under the only department named adds nothing: show its steps without a heading.
  if (groups.length === 1 && party === 'department' && rows.every((r) => r.heading === null)) groups[0].heading = null;
  return groups;
}

export type DutyStatus = ListKind | 'absent';

export interface SameDutyRow {
  township_id: string;
  township: string;
  /** null when the township's list does not have this duty. */
  item_id: number | null;
  list: ListKind | null;
  seq: number | null;
  category: string | null;
  /** The township's wording; null where absent, or where its county's text was not asked for. */
  name: string | null;
}

/**
 * The same duty (same duty_group) in every township shown, one row per township and item; a township
 * that does not list it gets one row with item_id NULL (未列入). A township may list a duty twice.
 * Wordings come from the text of `counties` (the townships' counties; the panel asks for them only
 * when they are few).
 */
export const sameDutyInTownships = (dutyGroup: number, filters: Filters, counties: readonly number[]) =>
  needing(
    sql`
      SELECT t.id AS township_id, t.name AS township, f.id AS item_id,
             CASE WHEN f.id IS NULL THEN NULL ELSE ${raw(listNameSql('f.list'))} END AS list, f.seq, c.name AS category,
             ${counties.length ? sql`(SELECT name FROM item_text WHERE item = f.id)` : sql`NULL`} AS name
      FROM townships t
      LEFT JOIN fact_items f ON f.township = t.place AND f.duty_group = ${dutyGroup}
      LEFT JOIN categories c ON c.id = f.category
      WHERE ${placeClause(filters, 't', [], 'place')}
      ORDER BY t.place, f.list, f.seq`,
    'facts',
    ...counties.map(namesNeed),
  );

export const statusOf = (row: SameDutyRow): DutyStatus => row.list ?? 'absent';

/** How the townships of each unit shown hold the duty: past a county, the panel shows these counts. */
export interface SameDutyUnitRow {
  unit: string;
  unitName: string;
  townships: number;
  reclaimed: number;
  coop: number;
  basic: number;
}

export const sameDutyByUnit = (dutyGroup: number, filters: Filters, level: PlaceLevel) =>
  needing(
    sql`
      SELECT p.key AS unit, p.name AS unitName, count(*) AS townships,
             sum(h.status = 2) AS reclaimed, sum(h.status = 1) AS coop, sum(h.status = 0) AS basic
      FROM townships t
      JOIN places p ON p.id = ${raw(`t.${level === 'township' ? 'place' : level}`)}
      LEFT JOIN (SELECT township, max(list) AS status FROM fact_items WHERE duty_group = ${dutyGroup} GROUP BY township) h
        ON h.township = t.place
      WHERE ${placeClause(filters, 't', [], 'place')}
      GROUP BY p.id ORDER BY p.id`,
    'facts',
  );

/** Everything the detail panel shows of one item; `item` is undefined when no item has that id. */
export interface ItemDetail {
  item: (ItemRow & ItemTextRow) | undefined;
  departments: ItemDepartmentRow[];
  departmentSteps: StepGroupView[];
  townshipSteps: StepGroupView[];
}

/** Loads an item's detail: its facts first (they say which county's text holds it), then its text. */
export async function itemDetail(client: DbClient, id: number): Promise<ItemDetail> {
  const [item] = await client.query<ItemRow>(itemById(id));
  if (!item) return { item: undefined, departments: [], departmentSteps: [], townshipSteps: [] };
  const [[text], departments, steps] = await Promise.all([
    client.query<ItemTextRow>(itemText(id, item.county_place)),
    client.query<ItemDepartmentRow>(itemDepartments(id)),
    client.query<StepRow>(itemSteps(id, item.county_place)),
  ]);
  return {
    item: { ...item, ...text },
    departments,
    departmentSteps: groupSteps(steps, 'department'),
    townshipSteps: groupSteps(steps, 'township'),
  };
}
