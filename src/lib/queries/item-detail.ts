import type { DbClient } from '../db/client';
import { sql } from '../db/sql';
import type { ListKind } from '../parse/types';
import type { ItemRow as ItemTableRow } from '../db/schema';

/** The detail panel of one item: what it is, who does what, and how the other townships hold it. */

/** The item's row with its township's name and place. */
export interface ItemRow extends ItemTableRow {
  township: string;
  county: string;
  prefecture: string;
  source_file: string;
}

export const itemById = (id: number) => sql`
  SELECT i.id, i.township_id, t.name AS township, t.county, t.prefecture, t.source_file,
         i.list, i.seq, i.category, i.name, i.duty_group, i.source_line
  FROM items i JOIN townships t ON t.id = i.township_id
  WHERE i.id = ${id}`;

export interface ItemDepartmentRow {
  id: number;
  name: string;
  kind: string;
  level: string;
  role: 'lead' | 'receiver';
}

export const itemDepartments = (id: number) => sql`
  SELECT d.id, d.name, d.kind, d.level, idp.role
  FROM item_departments idp JOIN departments d ON d.id = idp.department_id
  WHERE idp.item_id = ${id}
  ORDER BY idp.role, d.name`;

export interface StepRow {
  party: 'department' | 'township';
  ord: number;
  text: string;
  heading: string | null;
  department: string | null;
}

/** Steps in document order: the department's (上级部门职责 / 承接部门及工作方式) and the township's (乡镇配合职责). */
export const itemSteps = (id: number) => sql`
  SELECT s.party, s.ord, s.text, s.heading, d.name AS department
  FROM steps s LEFT JOIN departments d ON d.id = s.department_id
  WHERE s.item_id = ${id}
  ORDER BY s.party, s.ord`;

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
  name: string | null;
}

/**
 * The same duty (same duty_group) in every township, one row per township and item; a township
 * that does not list it gets one row with item_id NULL (未列入). A township may list a duty twice.
 */
export const sameDutyInTownships = (dutyGroup: number) => sql`
  SELECT t.id AS township_id, t.name AS township, i.id AS item_id, i.list, i.seq, i.category, i.name
  FROM townships t LEFT JOIN items i ON i.township_id = t.id AND i.duty_group = ${dutyGroup}
  ORDER BY t.prefecture, t.county, t.id, CASE i.list WHEN 'basic' THEN 0 WHEN 'coop' THEN 1 ELSE 2 END, i.seq`;

export const statusOf = (row: SameDutyRow): DutyStatus => row.list ?? 'absent';

/** Everything the detail panel shows of one item; `item` is undefined when no item has that id. */
export interface ItemDetail {
  item: ItemRow | undefined;
  departments: ItemDepartmentRow[];
  departmentSteps: StepGroupView[];
  townshipSteps: StepGroupView[];
  sameDuty: SameDutyRow[];
}

/** Loads an item's detail: the item, its departments and steps at once, then its duty in every township. */
export async function itemDetail(client: DbClient, id: number): Promise<ItemDetail> {
  const [items, departments, steps] = await Promise.all([
    client.query<ItemRow>(itemById(id)),
    client.query<ItemDepartmentRow>(itemDepartments(id)),
    client.query<StepRow>(itemSteps(id)),
  ]);
  const item = items[0];
  const sameDuty = item ? await client.query<SameDutyRow>(sameDutyInTownships(item.duty_group)) : [];
  return {
    item,
    departments,
    departmentSteps: groupSteps(steps, 'department'),
    townshipSteps: groupSteps(steps, 'township'),
    sameDuty,
  };
}
