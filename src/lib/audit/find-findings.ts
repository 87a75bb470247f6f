import type { ContractTables } from '../atlas/derive';
import type { ItemRow } from '../db/schema';
import { LIST_CODE } from '../atlas/codes';
import { AUDIT_KIND_CODE, WEAK_SCORE } from './kinds';

/**
 * What the audit (数据核对) shows, computed from the complete database's rows when the parts are
 * derived (src/lib/atlas/derive.ts): per township and list the stated and parsed counts, and every
 * finding a person checks against the document — each naming its item, so its file and line.
 * Pure: rows in, rows out.
 */

/** A township's place ids in the served parts. */
export interface PlaceIds {
  township: number;
  county: number;
  prefecture: number;
}

export interface AuditCountRow extends PlaceIds {
  list: number;
  parsed: number;
  /** The 说明's total for the list; null where it states none. */
  stated: number | null;
  /** Categories the 说明 gives a count for, and of those (with categories listed but not stated) how many differ. */
  categories_stated: number;
  categories_off: number;
}

export interface AuditFindingRow extends PlaceIds {
  id: number;
  kind: number;
  item: number;
  list: number;
  seq: number;
  source_line: number;
  name: string;
  /** kind-guessed: the department's name. */
  subject: string | null;
  /** kind-guessed: the kind guessed. */
  detail: string | null;
  /** seq-gap: the 序号 before the gap (0: the list starts late); kind-guessed: the township's items naming it; weak-match: the group's townships. */
  number: number | null;
  /** weak-match: the group, and the pass and score of its weakest join. */
  duty_group: number | null;
  pass: string | null;
  score: number | null;
  /** weak-match: the item the weakest join went through; seq-duplicate: the first item with this 序号. */
  partner: number | null;
  partner_township: number | null;
  partner_line: number | null;
  partner_name: string | null;
}

/** The townships of each weak group, for the scope and township filters. */
export interface AuditGroupTownshipRow extends PlaceIds {
  duty_group: number;
}

export interface AuditRows {
  counts: AuditCountRow[];
  findings: AuditFindingRow[];
  groupTownships: AuditGroupTownshipRow[];
}

type Finding = Omit<AuditFindingRow, 'id' | keyof PlaceIds | 'kind'>;
const NO_EXTRA = {
  subject: null,
  detail: null,
  number: null,
  duty_group: null,
  pass: null,
  score: null,
  partner: null,
  partner_township: null,
  partner_line: null,
  partner_name: null,
} satisfies Partial<Finding>;

export function auditRows(
  tables: ContractTables,
  placeOf: ReadonlyMap<string, PlaceIds>,
  placeOrder: (township: number) => number,
): AuditRows {
  const found: (Omit<AuditFindingRow, 'id'> & { order: number })[] = [];
  const add = (kind: keyof typeof AUDIT_KIND_CODE, item: ItemRow, extra: Partial<Finding> = {}) => {
    const place = placeOf.get(item.township_id)!;
    found.push({
      ...place,
      kind: AUDIT_KIND_CODE[kind],
      item: item.id,
      list: LIST_CODE[item.list],
      seq: item.seq,
      source_line: item.source_line,
      name: item.name,
      ...NO_EXTRA,
      ...extra,
      order: placeOrder(place.township),
    });
  };

  // 序号: within each township's list, sorted, every step but +1 is a gap or a duplicate.
  const lists = new Map<string, ItemRow[]>();
  for (const item of tables.items) push(lists, `${item.township_id}|${item.list}`, item);
  for (const items of lists.values()) {
    items.sort((a, b) => a.seq - b.seq || a.source_line - b.source_line);
    items.forEach((item, k) => {
      const previous = k > 0 ? items[k - 1].seq : 0;
      if (k > 0 && item.seq === previous)
        add('seq-duplicate', item, { partner: items[k - 1].id, partner_line: items[k - 1].source_line, partner_name: items[k - 1].name });
      else if (item.seq > previous + 1) add('seq-gap', item, { number: previous });
    });
  }

  // 配合 without a lead department, 收回 without a receiving one.
  const roles = new Map<number, Set<string>>();
  for (const x of tables.itemDepartments) (roles.get(x.item_id) ?? roles.set(x.item_id, new Set()).get(x.item_id)!).add(x.role);
  for (const item of tables.items) {
    if (item.list === 'coop' && !roles.get(item.id)?.has('lead')) add('coop-no-lead', item);
    if (item.list === 'reclaimed' && !roles.get(item.id)?.has('receiver')) add('reclaimed-no-receiver', item);
  }

  // Departments whose kind is the model's guess: once per township, at its first item there.
  const guessed = new Set((tables.departmentKindSources ?? []).filter((k) => k.source === 'guessed').map((k) => k.department_id));
  const itemById = new Map(tables.items.map((i) => [i.id, i]));
  const departmentById = new Map(tables.departments.map((d) => [d.id, d]));
  const perTownship = new Map<string, { first: ItemRow; items: Set<number>; department: number }>();
  for (const x of tables.itemDepartments) {
    if (!guessed.has(x.department_id)) continue;
    const item = itemById.get(x.item_id)!;
    const key = `${x.department_id}|${item.township_id}`;
    const seen = perTownship.get(key);
    if (!seen) perTownship.set(key, { first: item, items: new Set([item.id]), department: x.department_id });
    else {
      seen.items.add(item.id);
      if (LIST_CODE[item.list] - LIST_CODE[seen.first.list] < 0 || (item.list === seen.first.list && item.seq < seen.first.seq))
        seen.first = item;
    }
  }
  for (const { first, items, department } of perTownship.values()) {
    const d = departmentById.get(department)!;
    add('kind-guessed', first, { subject: d.name, detail: d.kind, number: items.size });
  }

  // Duty groups resting on a weak join: each group once, at its weakest join.
  const weakest = new Map<number, { item: ItemRow; partner: ItemRow; pass: string; score: number | null }>();
  const weak = (score: number | null) => score === null || score < WEAK_SCORE - 1e-9;
  for (const link of tables.dutyGroupLinks ?? []) {
    if (link.pass === 'merge' || link.pass === 'exact' || !weak(link.score)) continue;
    const item = itemById.get(link.item_id);
    const partner = itemById.get(link.partner_item);
    // A database cut down by hand may keep joins of items it lost; a regrouping may have parted them since.
    if (!item || !partner || item.duty_group !== partner.duty_group) continue;
    const seen = weakest.get(item.duty_group);
    if (!seen || (link.score ?? 0) < (seen.score ?? 0)) weakest.set(item.duty_group, { item, partner, pass: link.pass, score: link.score });
  }
  const groupTownships = new Map<number, Set<string>>();
  if (weakest.size)
    for (const item of tables.items)
      if (weakest.has(item.duty_group))
        (groupTownships.get(item.duty_group) ?? groupTownships.set(item.duty_group, new Set()).get(item.duty_group)!).add(item.township_id);
  for (const [group, { item, partner, pass, score }] of weakest)
    add('weak-match', item, {
      duty_group: group,
      pass,
      score,
      number: groupTownships.get(group)!.size,
      partner: partner.id,
      partner_township: placeOf.get(partner.township_id)!.township,
      partner_line: partner.source_line,
      partner_name: partner.name,
    });

  // Weak matches weakest first (what a person checks first); the rest as the documents run.
  const weakness = (f: (typeof found)[number]) => (f.kind === AUDIT_KIND_CODE['weak-match'] ? (f.score ?? 0) : 0);
  found.sort(
    (a, b) => a.kind - b.kind || weakness(a) - weakness(b) || a.order - b.order || a.list - b.list || a.seq - b.seq || a.item - b.item,
  );
  const findings = found.map(({ order: _order, ...f }, i) => ({ id: i + 1, ...f }));

  return {
    counts: statedAgainstParsed(tables, placeOf),
    findings,
    groupTownships: [...groupTownships].flatMap(([duty_group, townships]) =>
      [...townships].map((t) => ({ duty_group, ...placeOf.get(t)! })),
    ),
  };
}

/** Per township and list: items parsed, the 说明's total, and its categories that differ from the items. */
function statedAgainstParsed(tables: ContractTables, placeOf: ReadonlyMap<string, PlaceIds>): AuditCountRow[] {
  const parsed = new Map<string, number>();
  for (const item of tables.items) {
    for (const key of [`${item.township_id}|${item.list}`, `${item.township_id}|${item.list}|${item.category}`])
      parsed.set(key, (parsed.get(key) ?? 0) + 1);
  }
  const categoriesOf = new Map<string, Set<string>>();
  for (const item of tables.items) {
    const key = `${item.township_id}|${item.list}`;
    (categoriesOf.get(key) ?? categoriesOf.set(key, new Set()).get(key)!).add(item.category);
  }
  const stated = new Map<string, { total: number | null; categories: Map<string, number> }>();
  for (const s of tables.statedCounts ?? []) {
    if (s.measure !== 'items') continue;
    const key = `${s.township_id}|${s.list}`;
    const entry = stated.get(key) ?? stated.set(key, { total: null, categories: new Map() }).get(key)!;
    if (s.category === null) entry.total = s.count;
    else entry.categories.set(s.category, s.count);
  }
  const rows: AuditCountRow[] = [];
  for (const t of tables.townships)
    for (const list of ['basic', 'coop', 'reclaimed'] as const) {
      const key = `${t.id}|${list}`;
      const s = stated.get(key);
      let off = 0;
      if (s && s.categories.size) {
        const categories = new Set([...s.categories.keys(), ...(categoriesOf.get(key) ?? [])]);
        for (const c of categories) if ((s.categories.get(c) ?? -1) !== (parsed.get(`${key}|${c}`) ?? 0)) off++;
      }
      rows.push({
        ...placeOf.get(t.id)!,
        list: LIST_CODE[list],
        parsed: parsed.get(key) ?? 0,
        stated: s?.total ?? null,
        categories_stated: s?.categories.size ?? 0,
        categories_off: off,
      });
    }
  return rows;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
