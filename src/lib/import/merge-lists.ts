import { max } from 'd3';
import type { AtlasData } from '../model/assemble';
import { assignDutyGroups } from '../model/assemble';
import type { DutyGroupOverrides } from '../model/duty-groups';
import type { DepartmentRow, ItemRow } from '../db/schema';
import type { CompleteTables } from './read-database';

/** The rows a complete database is written from (src/lib/db/write-database.ts). */
export type DatabaseRows = Pick<AtlasData, 'townships' | 'items' | 'departments' | 'itemDepartments' | 'steps' | 'statedCounts'> &
  Partial<Pick<AtlasData, 'dutyGroupCandidates' | 'dutyGroupLinks' | 'departmentKindSources'>>;

export interface MergedLists {
  rows: DatabaseRows;
  /** Ids of the townships the added lists replaced (the same township, listed again). */
  replaced: string[];
}

/**
 * Adds lists, assembled on their own (`added`, from assembleAtlas), to a complete database's rows:
 * a township already there is replaced; departments are shared by name (an existing one keeps its
 * id, kind and level); the added items get ids after the existing ones; townships in `remove` go. Then every item is grouped
 * again, as the build groups them, so the duty groups are those of a build of the database's lists
 * followed by the added ones. Nothing in `existing` is changed.
 */
export function mergeLists(
  existing: CompleteTables,
  added: Pick<AtlasData, 'townships' | 'items' | 'departments' | 'itemDepartments' | 'steps' | 'statedCounts'> &
    Partial<Pick<AtlasData, 'departmentKindSources'>>,
  overrides: DutyGroupOverrides,
  /** Townships to take out as well (an added list removed again). */
  remove: readonly string[] = [],
): MergedLists {
  const addedIds = new Set(added.townships.map((t) => t.id));
  const replaced = existing.townships.filter((t) => addedIds.has(t.id)).map((t) => t.id);
  const removed = new Set(remove);
  const kept = (townshipId: string) => !addedIds.has(townshipId) && !removed.has(townshipId);
  const keptItems = existing.items.filter((i) => kept(i.township_id)).map((i) => ({ ...i }));
  const keptItemIds = new Set(keptItems.map((i) => i.id));

  // Departments by name: the database's keep their rows; new names get ids after them.
  const departments: DepartmentRow[] = existing.departments.map((d) => ({ ...d }));
  const departmentByName = new Map(departments.map((d) => [d.name, d]));
  let nextDepartment = (max(departments, (d) => d.id) ?? 0) + 1;
  const departmentId = new Map<number, number>();
  for (const d of added.departments) {
    let row = departmentByName.get(d.name);
    if (!row) {
      row = { ...d, id: nextDepartment++ };
      departments.push(row);
      departmentByName.set(row.name, row);
    }
    departmentId.set(d.id, row.id);
  }
  const mapDepartment = (id: number | null) => (id === null ? null : departmentId.get(id)!);

  // d3's max, not Math.max(...ids): a region's 279,439 ids spread as arguments overflow the stack.
  let nextItem = (max(existing.items, (i) => i.id) ?? 0) + 1;
  const itemId = new Map<number, number>();
  const addedItems: ItemRow[] = added.items.map((i) => {
    const id = nextItem++;
    itemId.set(i.id, id);
    return { ...i, id };
  });

  const rows: DatabaseRows = {
    townships: [...existing.townships.filter((t) => kept(t.id)), ...added.townships],
    items: [...keptItems, ...addedItems],
    departments,
    itemDepartments: [
      ...existing.itemDepartments.filter((d) => keptItemIds.has(d.item_id)),
      ...added.itemDepartments.map((d) => ({ ...d, item_id: itemId.get(d.item_id)!, department_id: mapDepartment(d.department_id)! })),
    ],
    steps: [
      ...existing.steps.filter((s) => keptItemIds.has(s.item_id)),
      ...added.steps.map((s) => ({ ...s, item_id: itemId.get(s.item_id)!, department_id: mapDepartment(s.department_id) })),
    ],
    statedCounts: [...existing.statedCounts.filter((c) => kept(c.township_id)), ...added.statedCounts],
  };
  // Where each department's kind comes from: the database's record for its own departments (none in
  // a database written before it), the added lists' for the departments they bring.
  const addedSource = new Map((added.departmentKindSources ?? []).map((k) => [departmentId.get(k.department_id)!, k.source]));
  const existingSource = new Map((existing.departmentKindSources ?? []).map((k) => [k.department_id, k.source]));
  rows.departmentKindSources = departments.flatMap((d) => {
    const source = existingSource.get(d.id) ?? addedSource.get(d.id);
    return source ? [{ department_id: d.id, source }] : [];
  });
  // The review queue and the joins are the grouping's too: computed again for every item, added or not.
  const grouped = assignDutyGroups(rows, overrides);
  rows.dutyGroupCandidates = grouped.dutyGroupCandidates;
  rows.dutyGroupLinks = grouped.dutyGroupLinks;
  return { rows, replaced };
}
