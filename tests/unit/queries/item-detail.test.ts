import { beforeAll, describe, expect, it } from 'vitest';
import type { DbClient } from '../../../src/lib/db/client';
import { queryRow } from '../../../src/lib/db/client';
import { sql } from '../../../src/lib/db/sql';
import {
  groupSteps,
  itemById,
  itemDetail,
  itemDepartments,
  itemSteps,
  sameDutyByUnit,
  sameDutyInTownships,
  statusOf,
  type ItemDepartmentRow,
  type ItemRow,
  type SameDutyRow,
  type SameDutyUnitRow,
  type StepRow,
} from '../../../src/lib/queries/item-detail';
import { NO_FILTERS } from '../../../src/lib/state/filters';
import { selectionOf } from '../../../src/lib/state/selection';
import { completeDb, placeIndexOf, realDb, townshipIdsByName } from './real-db';

let db: DbClient;
let complete: DbClient;
let counties: number[];
beforeAll(async () => {
  db = await realDb();
  complete = await completeDb();
  counties = selectionOf(await placeIndexOf(db), NO_FILTERS).counties;
});

/** Tests name townships as their lists do: ids come from the documents. */
let townshipId: (name: string) => string;
beforeAll(async () => {
  townshipId = await townshipIdsByName();
});

/** An item's id, found in the complete database by its township, list and wording. */
const idOf = async (township: string, list: string, name: string) =>
  (await queryRow<{ id: number }>(
    complete,
    sql`SELECT id FROM items WHERE township_id = ${township} AND list = ${list} AND name LIKE ${`%${name}%`}`,
  ))!.id;

describe('item detail on the real database', () => {
  it('loads an item with its township and place', async () => {
    const id = await idOf(townshipId('六工镇'), 'basic', '公路路面损坏');
    const item = await queryRow<ItemRow>(db, itemById(id));
    expect(item).toMatchObject({ township: '六工镇', county: '昌吉市', prefecture: '昌吉回族自治州', list: 'basic' });
  });

  it('shows the same duty in every township: 六工镇 basic, the others reclaimed', async () => {
    const id = await idOf(townshipId('六工镇'), 'basic', '公路路面损坏');
    const item = (await queryRow<ItemRow>(db, itemById(id)))!;
    const rows = await db.query<SameDutyRow>(sameDutyInTownships(item.duty_group, NO_FILTERS, counties));
    const status = Object.fromEntries(rows.map((r) => [r.township, statusOf(r)]));
    expect(status).toEqual({ 六工镇: 'basic', 新地乡: 'reclaimed', 凉州户镇: 'reclaimed', 吉布库镇: 'reclaimed', 伊拉湖镇: 'reclaimed' });
    expect(rows.every((r) => r.name?.includes('公路'))).toBe(true);
  });

  it('past a county, counts how each prefecture’s townships hold it: 昌吉州 1 basic + 3 reclaimed, 吐鲁番市 1 reclaimed', async () => {
    const id = await idOf(townshipId('六工镇'), 'basic', '公路路面损坏');
    const item = (await queryRow<ItemRow>(db, itemById(id)))!;
    const rows = await db.query<SameDutyUnitRow>(sameDutyByUnit(item.duty_group, NO_FILTERS, 'prefecture'));
    expect(rows.map(({ unitName, townships, reclaimed, coop, basic }) => ({ unitName, townships, reclaimed, coop, basic }))).toEqual([
      { unitName: '吐鲁番市', townships: 1, reclaimed: 1, coop: 0, basic: 0 },
      { unitName: '昌吉回族自治州', townships: 4, reclaimed: 3, coop: 0, basic: 1 },
    ]);
  });

  it('marks townships that do not list a duty as absent (未列入)', async () => {
    const id = await idOf(townshipId('伊拉湖镇'), 'reclaimed', '屠宰检疫');
    const item = (await queryRow<ItemRow>(db, itemById(id)))!;
    const rows = await db.query<SameDutyRow>(sameDutyInTownships(item.duty_group, NO_FILTERS, []));
    expect(rows).toHaveLength(5);
    expect(
      rows
        .filter((r) => statusOf(r) === 'absent')
        .map((r) => r.township)
        .sort(),
    ).toEqual(['六工镇', '吉布库镇', '新地乡'].sort());
  });

  it("groups 农村户籍分户、落户工作's steps under their headings, department beside township", async () => {
    const id = await idOf(townshipId('六工镇'), 'coop', '农村户籍分户、落户工作');
    const item = (await queryRow<ItemRow>(db, itemById(id)))!;
    const steps = await db.query<StepRow>(itemSteps(id, item.county_place));
    const department = groupSteps(steps, 'department');
    const township = groupSteps(steps, 'township');
    expect(department.map((g) => g.heading)).toEqual(['分户工作', '无户口人员落户工作']);
    expect(township.map((g) => g.heading)).toEqual(['分户工作', '无户口人员落户工作']);
    expect(township[0].steps[0]).toContain('向市公安局上报');
    const departments = await db.query<ItemDepartmentRow>(itemDepartments(id));
    expect(departments.every((d) => d.role === 'lead')).toBe(true);
    expect(departments.map((d) => d.kind)).toContain('公安局');
  });

  it('loads the whole panel with itemDetail, as the explorer does', async () => {
    const id = await idOf(townshipId('六工镇'), 'coop', '农村户籍分户、落户工作');
    const detail = await itemDetail(db, id);
    expect(detail.item).toMatchObject({ id, township: '六工镇', list: 'coop', name: '农村户籍分户、落户工作' });
    const steps = await db.query<StepRow>(itemSteps(id, detail.item!.county_place));
    expect(detail.departmentSteps).toEqual(groupSteps(steps, 'department'));
    expect(detail.townshipSteps).toEqual(groupSteps(steps, 'township'));
    expect(detail.departments).toEqual(await db.query<ItemDepartmentRow>(itemDepartments(id)));
    // The steps are the complete database's, in document order.
    const [{ n }] = await complete.query<{ n: number }>(sql`SELECT count(*) AS n FROM steps WHERE item_id = ${id}`);
    expect(steps).toHaveLength(n);
  });

  it('itemDetail of an id no item has: no item', async () => {
    const missing = (await queryRow<{ id: number }>(complete, sql`SELECT MAX(id) + 1 AS id FROM items`))!.id;
    expect(await itemDetail(db, missing)).toEqual({ item: undefined, departments: [], departmentSteps: [], townshipSteps: [] });
  });

  it('keeps plain steps in document order without a heading', () => {
    const rows: StepRow[] = [
      { party: 'township', ord: 1, text: 'a', heading: null, department: null },
      { party: 'township', ord: 2, text: 'b', heading: null, department: null },
    ];
    expect(groupSteps(rows, 'township')).toEqual([{ heading: null, steps: ['a', 'b'] }]);
  });
});
